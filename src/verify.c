/* verify.c - The invariants every result must satisfy before it is written. */
#include "verify.h"

#include <stdlib.h>

/* Record one failed check. */
#define FAIL(...)                                                              \
    do {                                                                       \
        diag_add(dl, DIAG_ERROR, NULL, 0, 0,                                   \
                 "this is a fault in pulje, not in your input; please report it", \
                 __VA_ARGS__);                                                 \
        failures++;                                                            \
    } while (0)

/* Compare r's grants with an independent closed-form computation. */
static int cross_check(const pool *p, const app_list *apps, const alloc_result *r,
                       diag_list *dl)
{
    alloc_result c;
    diag_list quiet;
    int failures = 0;

    diag_init(&quiet);
    if (alloc_run(p, apps, ALLOC_CLOSED_FORM, &c, &quiet) != 0) {
        diag_free(&quiet);
        FAIL("verification: the closed form could not reproduce the allocation");
        return failures;
    }
    diag_free(&quiet);
    if (c.factor_num != r->factor_num || c.factor_den != r->factor_den)
        FAIL("verification: the model's factor %lld/%lld differs from the closed form's "
             "%lld/%lld",
             (long long)r->factor_num, (long long)r->factor_den, (long long)c.factor_num,
             (long long)c.factor_den);
    for (size_t i = 0; i < r->n && i < c.n; i++) {
        if (c.lines[i].grant != r->lines[i].grant) {
            FAIL("verification: application %s: the model gives %lld kr., the closed "
                 "form %lld kr.",
                 apps->v[i].nr, (long long)r->lines[i].grant, (long long)c.lines[i].grant);
            break;
        }
    }
    alloc_free(&c);
    return failures;
}

int verify_result(const pool *p, const app_list *apps, const alloc_result *r,
                  int cross, diag_list *dl)
{
    int failures = 0;
    pulje_kr granted = 0, applied = 0, assessed = 0, reduction = 0;
    size_t n_refused = 0, n_reduced = 0, n_granted = 0;

    if (r->n != apps->n) {
        FAIL("verification: %zu results for %zu applications", r->n, apps->n);
        return failures;
    }
    for (size_t i = 0; i < r->n; i++) {
        const alloc_line *l = &r->lines[i];
        const app *a = &apps->v[i];
        if (l->grant < 0 || l->grant > l->claim || l->claim > a->assessed ||
            a->assessed > a->applied)
            FAIL("verification: application %s breaks 0 <= grant (%lld) <= assessed "
                 "(%lld) <= applied (%lld)",
                 a->nr, (long long)l->grant, (long long)l->claim, (long long)a->applied);
        if (l->refused && l->grant != 0)
            FAIL("verification: refused application %s has a grant", a->nr);
        if (l->reduction != l->claim - l->grant)
            FAIL("verification: application %s: reduction is not assessed - grant", a->nr);
        if (l->reduced && !r->rationed)
            FAIL("verification: application %s reduced although the money sufficed", a->nr);
        if (r->rationed && l->reduced && l->claim <= p->rule.threshold &&
            p->rule.kind == RULE_THRESHOLD && p->rule.min_grant == 0 &&
            p->rule.max_grant == 0)
            FAIL("verification: application %s of at most the threshold was reduced", a->nr);
        granted += l->grant;
        applied += a->applied;
        assessed += l->claim;
        reduction += l->reduction;
        n_refused += l->refused;
        n_reduced += l->reduced;
        n_granted += l->grant > 0;
    }
    if (granted != r->granted_total)
        FAIL("verification: the grants sum to %lld, the total says %lld", (long long)granted,
             (long long)r->granted_total);
    if (applied != r->applied_total || assessed != r->assessed_total)
        FAIL("verification: applied or assessed totals are not the sums of their lines");
    if (assessed - reduction != granted)
        FAIL("verification: assessed - reductions != granted");
    if (n_refused != r->n_refused || n_reduced != r->n_reduced || n_granted != r->n_granted)
        FAIL("verification: the counts of refused, reduced or granted do not add up");
    if (r->budget_total != pool_budget_total(p) || r->reserved_total != pool_reserved_total(p) ||
        r->earmarked_total != pool_earmarked_total(p))
        FAIL("verification: the money totals differ from the pool file");
    if (r->residual < 0)
        FAIL("verification: the residual is negative (%lld)", (long long)r->residual);
    if (r->available != r->budget_total - r->reserved_total - r->earmarked_total)
        FAIL("verification: available != budget - reservations - earmarks");
    if (granted + r->residual != r->available)
        FAIL("verification: grants (%lld) + residual (%lld) != available (%lld)",
             (long long)granted, (long long)r->residual, (long long)r->available);
    if (r->reserved_total + r->earmarked_total + granted + r->residual != r->budget_total)
        FAIL("verification: the economy table does not balance");
    if (!r->rationed && granted != assessed)
        FAIL("verification: the money sufficed but not every assessed amount was granted");
    if (r->unshared < 0 || r->unshared > r->residual)
        FAIL("verification: the money left unshared (%lld) is not part of the residual (%lld)",
             (long long)r->unshared, (long long)r->residual);
    if (r->rationed &&
        r->residual - r->unshared >= p->rounding * (pulje_kr)(n_reduced ? n_reduced : 1))
        FAIL("verification: the residual %lld is larger than rounding can leave",
             (long long)r->residual);
    if (r->factor_den <= 0 || r->factor_num < 0 || r->factor_num > r->factor_den)
        FAIL("verification: the reduction factor is not in [0, 1]");
    if (cross && failures == 0)
        failures += cross_check(p, apps, r, dl);
    return failures;
}
