/* soak.c - `make soak`: the boundary generator (genbound.h) on many pools.
 *
 *   build/soak [--pools N] [--model-every K] [--max-n M] [--seed S]
 *              [--explain-every E]
 *
 * Runs N pools (default 100.000). Every pool is allocated in closed form
 * and, every K-th pool (default 1: all of them), through the GLPK model
 * (ALLOC_MODEL, the default method); each result is verified and checked
 * against the invariants, and the model's result must equal the closed
 * form's on every line and total. Every E-th pool (default 1: all) is
 * explained application by application (explain.h) and each explanation's
 * share and final figure must be the result's: the model's result, the one
 * `pulje explain` shows (the closed form's when the model did not run or
 * refused). Each pool is explained from one context (explain_prepare:
 * the pool is shared once, not once per application). Explaining both
 * results would add time and nothing else: the two are compared field by
 * field. At the defaults this takes about 4 minutes on one core.
 *
 * Prints one line per method and the summary line
 *   soak: P pools, Q model pools (C compared), B breaches, exit 2: a/b,
 *   exit 3: a/b, exit 5: a/b (closed form/model), residual warnings: W of L
 *   large residuals, model != closed form: D, explanations checked: X,
 *   explain mismatches: Y, S s
 * (C: pools both methods allocated; W and L summed over both methods; S
 * the wall-clock seconds, for information only)
 * and exits 1 when any pool breaks an invariant, exits 3 or 5 (either
 * method), leaves a large residual unwarned, differs between the methods or
 * is explained wrongly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "genbound.h"
#include "labels.h"

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
    unsigned long long pools = 100000, every = 1, max_n = 3000, seed0 = 1, explain_every = 1;
    gb_stats cf, model;
    gb_explained ex;
    size_t differ = 0, both_ok = 0;
    char first_diff[768] = "";

    labels_set_language("en"); /* the checks read the library's English messages (R0) */
    struct timespec t0, t1;

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
        else if (strcmp(argv[i], "--explain-every") == 0)
            explain_every = v;
        else {
            fprintf(stderr, "usage: soak [--pools N] [--model-every K] [--max-n M] [--seed S] "
                            "[--explain-every E]\n");
            return 2;
        }
    }
    memset(&cf, 0, sizeof cf);
    memset(&model, 0, sizeof model);
    memset(&ex, 0, sizeof ex);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (unsigned long long k = 0; k < pools; k++) {
        gb_pool g;
        alloc_result rc, rm;
        uint64_t seed = seed0 + k;
        int explain = explain_every > 0 && k % explain_every == 0;
        if (gb_make(&g, seed, (size_t)max_n) != 0) {
            fprintf(stderr, "soak: out of memory\n");
            return 2;
        }
        gb_outcome oc = gb_run(&g, ALLOC_CLOSED_FORM, &cf, seed, &rc);
        if (every > 0 && k % every == 0) {
            gb_outcome om = gb_run(&g, ALLOC_MODEL, &model, seed, &rm);
            if (rm.lines && explain)
                gb_explain_all(&g, &rm, &ex, seed, "model");
            else if (rc.lines && explain)
                gb_explain_all(&g, &rc, &ex, seed, "closed form");
            char why[512] = "";
            int d = 0;
            if ((oc == GB_INPUT) != (om == GB_INPUT)) {
                snprintf(why, sizeof why, "one method refuses the pool (exit 2), the other not");
                d = 1;
            } else if (rc.lines && rm.lines) {
                both_ok++;
                d = gb_same_result(&g, &rm, &rc, why, sizeof why);
            }
            if (d && differ++ == 0)
                snprintf(first_diff, sizeof first_diff, "pool %llu (%zu applications, %s, "
                         "unit %lld): %s", (unsigned long long)seed, g.apps.n,
                         rule_name(g.p.rule.kind), (long long)g.p.rounding, why);
            alloc_free(&rm);
        } else if (rc.lines && explain) {
            gb_explain_all(&g, &rc, &ex, seed, "closed form");
        }
        alloc_free(&rc);
        gb_free(&g);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

    line("closed form", &cf);
    line("model", &model);
    if (first_diff[0])
        printf("  first model != closed form: %s\n", first_diff);
    if (ex.first[0])
        printf("  first explain mismatch: %s\n", ex.first);
    printf("soak: %zu pools, %zu model pools (%zu compared), %zu breaches, exit 2: %zu/%zu, "
           "exit 3: %zu/%zu, exit 5: %zu/%zu (closed form/model), residual warnings: %zu of %zu "
           "large residuals, model != closed form: %zu, explanations checked: %zu, explain "
           "mismatches: %zu, %.0f s\n",
           cf.pools, model.pools, both_ok, cf.breach + model.breach, cf.input, model.input,
           cf.verify, model.verify, cf.fault, model.fault, cf.warned + model.warned,
           cf.large_residuals + model.large_residuals, differ, ex.explained, ex.mismatches,
           secs);
    return cf.breach || cf.verify || cf.fault || cf.warned != cf.large_residuals ||
           model.breach || model.verify || model.fault ||
           model.warned != model.large_residuals || differ || ex.mismatches;
}
