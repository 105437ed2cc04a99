/* verify.c - The invariants every result must satisfy before it is written. */
#include "verify.h"

#include <stdlib.h>

#include "ledger.h"

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
        if (c.lines[i].years != r->lines[i].years) {
            FAIL("verification: application %s: the model binds %d years, the closed form %d",
                 apps->v[i].nr, r->lines[i].years, c.lines[i].years);
            break;
        }
        if (c.lines[i].grant != r->lines[i].grant) {
            FAIL("verification: application %s: the model gives %lld kr., the closed "
                 "form %lld kr.",
                 apps->v[i].nr, (long long)r->lines[i].grant, (long long)c.lines[i].grant);
            break;
        }
    }
    for (size_t k = 0; k < c.em.n_earmarks && k < r->em.n_earmarks; k++)
        for (size_t i = 0; i < apps->n; i++)
            if (c.em.lines[k * apps->n + i].grant != r->em.lines[k * apps->n + i].grant) {
                FAIL("verification: application %s: the model and the closed form give "
                     "different supplements", apps->v[i].nr);
                k = c.em.n_earmarks;
                break;
            }
    alloc_free(&c);
    return failures;
}

/* The earmark invariants: per earmark, granted + unused = its money; each
 * supplement within its claim and only for qualifying applications with an
 * ordinary grant; a tier gets nothing while an earlier tier is short. */
static int check_earmarks(const pool *p, const app_list *apps, const alloc_result *r,
                          diag_list *dl)
{
    int failures = 0;
    const em_result *em = &r->em;
    pulje_kr returned = 0;

    if (em->n_earmarks != p->n_earmark_defs || (em->n_earmarks && em->n_apps != apps->n)) {
        FAIL("verification: the earmark results do not match the pool");
        return failures;
    }
    for (size_t k = 0; k < em->n_earmarks; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        const em_total *t = &em->totals[k];
        pulje_kr granted = 0;
        int short_tier = 0;
        for (size_t i = 0; i < apps->n; i++) {
            const em_line *l = &em->lines[k * apps->n + i];
            const app *a = &apps->v[i];
            granted += l->grant;
            if (l->grant < 0 || l->grant > l->claim ||
                (a->supp_asked && l->claim > a->supp_asked[k]))
                FAIL("verification: %s: supplement of Nr %s outside 0..assessed..asked",
                     e->key, a->nr);
            if (l->grant > 0 && (r->lines[i].claim == 0 || l->tier == 0 ||
                                 earmark_tier(e, a->criteria ? a->criteria[k] : 0) != l->tier))
                FAIL("verification: %s: Nr %s has a supplement without qualifying", e->key,
                     a->nr);
            if (l->tier > 0 && l->grant < l->claim && (short_tier == 0 || l->tier < short_tier))
                short_tier = l->tier;
        }
        for (size_t i = 0; i < apps->n && short_tier; i++) {
            const em_line *l = &em->lines[k * apps->n + i];
            if (l->tier > short_tier && l->grant > 0)
                FAIL("verification: %s: tier %d got money while tier %d was short", e->key,
                     l->tier, short_tier);
        }
        if (granted != t->granted || t->money != e->amount || t->granted + t->unused != e->amount ||
            t->unused < 0)
            FAIL("verification: %s: granted (%lld) + unused (%lld) != %lld", e->key,
                 (long long)granted, (long long)t->unused, (long long)e->amount);
        if (e->unused_to_main)
            returned += t->unused;
    }
    if (returned != r->earmark_returned)
        FAIL("verification: the earmark money returned to the main pool does not add up");
    return failures;
}

/* The multi-year invariants: each honoured grant is eligible and bound for
 * the years asked; per year, the new commitments are the exact sum of the
 * honoured grants and, with the old ones, stay within the cap (or add
 * nothing where the old ones already broke it). */
static int check_multiyear(const pool *p, const app_list *apps, const alloc_result *r,
                           diag_list *dl)
{
    int failures = 0;
    pulje_kr fresh[MY_YEARS] = {0};

    for (size_t i = 0; i < r->n; i++) {
        const alloc_line *l = &r->lines[i];
        const app *a = &apps->v[i];
        if (l->my == MY_HONOURED) {
            if (l->years != a->years || l->years < 2 || l->years > MY_YEARS || l->grant <= 0 ||
                a->active_years < p->min_active_years || (l->years == 3 && !a->exceptional))
                FAIL("verification: application %s is bound for %d years without meeting "
                     "the conditions", a->nr, l->years);
            for (int t = 0; t < l->years && t < MY_YEARS; t++)
                fresh[t] += l->grant;
        } else if (l->years != (l->grant > 0 ? 1 : 0)) {
            FAIL("verification: application %s has %d years without a multi-year grant",
                 a->nr, l->years);
        }
    }
    for (int t = 0; t < MY_YEARS; t++) {
        const my_year *y = &r->my[t];
        pulje_kr money = pool_money_in(p, p->year + t);
        pulje_kr cap = (pulje_kr)((pulje_wide)money * p->cap_bp / 10000);
        pulje_kr old = p->commitments
                           ? ledger_sum(p->commitments, p->year + t, LEDGER_MULTI_YEAR)
                           : 0;
        if (y->year != p->year + t || y->money != money || y->cap != cap || y->old != old)
            FAIL("verification: the multi-year table for %d does not match the pool and "
                 "the ledger", p->year + t);
        if (y->fresh != fresh[t])
            FAIL("verification: new multi-year commitments for %d are %lld, the grants "
                 "sum to %lld", p->year + t, (long long)y->fresh, (long long)fresh[t]);
        if (old > cap ? fresh[t] != 0 : old + fresh[t] > cap)
            FAIL("verification: the multi-year cap for %d is broken: %lld + %lld > %lld",
                 p->year + t, (long long)old, (long long)fresh[t], (long long)cap);
    }
    if (p->commitments) {
        pulje_kr derived = 0, bound = ledger_sum(p->commitments, p->year, LEDGER_MULTI_YEAR) +
                                      ledger_sum(p->commitments, p->year, LEDGER_AGREEMENT);
        for (size_t i = 0; i < p->n_reservations; i++)
            if (p->reservations[i].line == 0)
                derived += p->reservations[i].amount;
        if (derived != bound)
            FAIL("verification: the reservations taken from the ledger (%lld) differ from "
                 "what it binds in %d (%lld)", (long long)derived, p->year, (long long)bound);
    }
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
    if (r->available !=
        r->budget_total - r->reserved_total - r->earmarked_total + r->earmark_returned)
        FAIL("verification: available != budget - reservations - earmarks + returned");
    if (granted + r->residual != r->available)
        FAIL("verification: grants (%lld) + residual (%lld) != available (%lld)",
             (long long)granted, (long long)r->residual, (long long)r->available);
    if (r->reserved_total + r->earmarked_total - r->earmark_returned + granted + r->residual !=
        r->budget_total)
        FAIL("verification: the economy table does not balance");
    failures += check_earmarks(p, apps, r, dl);
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
    failures += check_multiyear(p, apps, r, dl);
    if (cross && failures == 0)
        failures += cross_check(p, apps, r, dl);
    return failures;
}
