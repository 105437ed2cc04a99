/* soak.c - `make soak`: the boundary generator (genbound.h) on many pools.
 *
 *   build/soak [--pools N] [--model-every K] [--max-n M] [--seed S]
 *
 * Runs N pools (default 100.000) in closed form, and every K-th (default
 * 50) through the GLPK model too; each is allocated, verified and checked
 * against the invariants. Prints one summary line per method and exits 1
 * when a closed-form pool breaks an invariant or exits 3 or 5. The model's
 * exits 3 and 5 are counted (they are the solver's) and do not fail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "genbound.h"

static void line(const char *what, const gb_stats *st)
{
    printf("soak %s: %zu pools, %zu breaches, exit 2: %zu (R0: %zu), exit 3: %zu, exit 5: %zu, "
           "residual warnings: %zu of %zu large residuals\n",
           what, st->pools, st->breach, st->input, st->r0, st->verify, st->fault, st->warned,
           st->large_residuals);
    if (st->first[0])
        printf("  first: %s\n", st->first);
}

int main(int argc, char **argv)
{
    unsigned long long pools = 100000, every = 50, max_n = 3000, seed0 = 1;
    gb_stats cf, model;

    for (int i = 1; i + 1 < argc; i += 2) {
        unsigned long long v = strtoull(argv[i + 1], NULL, 10);
        if (strcmp(argv[i], "--pools") == 0)
            pools = v;
        else if (strcmp(argv[i], "--model-every") == 0)
            every = v;
        else if (strcmp(argv[i], "--max-n") == 0)
            max_n = v;
        else if (strcmp(argv[i], "--seed") == 0)
            seed0 = v;
        else {
            fprintf(stderr, "usage: soak [--pools N] [--model-every K] [--max-n M] [--seed S]\n");
            return 2;
        }
    }
    memset(&cf, 0, sizeof cf);
    memset(&model, 0, sizeof model);
    for (unsigned long long k = 0; k < pools; k++) {
        gb_pool g;
        uint64_t seed = seed0 + k;
        if (gb_make(&g, seed, (size_t)max_n) != 0) {
            fprintf(stderr, "soak: out of memory\n");
            return 2;
        }
        gb_check(&g, ALLOC_CLOSED_FORM, &cf, seed);
        if (every > 0 && k % every == 0 && g.apps.n <= 200)
            gb_check(&g, ALLOC_MODEL, &model, seed);
        gb_free(&g);
    }
    line("closed form", &cf);
    line("model sample", &model);
    return cf.breach || cf.verify || cf.fault || cf.warned != cf.large_residuals || model.breach;
}
