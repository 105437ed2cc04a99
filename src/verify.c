/* verify.c - The invariants every result must satisfy before it is written. */
#include "verify.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"

/* Record one failed check. */
#define FAIL(...)                                                              \
    do {                                                                       \
        diag_add(dl, DIAG_ERROR, NULL, 0, 0,                                   \
                 "this is a fault in pulje, not in your input; please report it", \
                 __VA_ARGS__);                                                 \
        failures++;                                                            \
    } while (0)

/* ---- rounding (R1-R5), re-derived from the exact shares ---------------- */

/* One line as the rounding check sees it. */
typedef struct vline {
    size_t i;           /* application index */
    pulje_kr claim, cap, grant;
    pulje_kr g;         /* floor(share / unit) * unit */
    uint32_t gid;       /* index of g among the distinct floors */
    int kind;           /* 0 floored, 1 one unit more, 2 raised */
    pulje_wide num, den;/* the exact share */
} vline;                /* 80 bytes: a million lines are checked at once */

/* The remainder of l's share over its floor g, over den (rem_of / den). */
static pulje_wide rem_of(const vline *l)
{
    return l->num - (pulje_wide)l->g * l->den;
}

/* Compare a/b with c/d (a, c >= 0; b, d > 0) without overflow: -1, 0, 1.
 * By continued fractions: equal integer parts, then r1/b vs r2/d is d/r2
 * vs b/r1. */
static int cmp_frac(pulje_wide a, pulje_wide b, pulje_wide c, pulje_wide d)
{
    for (;;) {
        pulje_wide q1 = a / b, q2 = c / d, r1 = a % b, r2 = c % d;
        if (q1 != q2)
            return q1 < q2 ? -1 : 1;
        if (r1 == 0 || r2 == 0)
            return r1 == r2 ? 0 : (r1 == 0 ? -1 : 1);
        a = d;
        c = b;
        b = r2;
        d = r1;
    }
}

static int cmp_vline_rem(const void *pa, const void *pb)
{
    const vline *a = *(const vline *const *)pa, *b = *(const vline *const *)pb;
    int c = cmp_frac(rem_of(a), a->den, rem_of(b), b->den);
    if (c != 0)
        return -c; /* largest remainder first */
    return (a->i > b->i) - (a->i < b->i);
}

static int cmp_vline_g(const void *pa, const void *pb)
{
    const vline *a = *(const vline *const *)pa, *b = *(const vline *const *)pb;
    return (a->g > b->g) - (a->g < b->g);
}

static int cmp_kr(const void *pa, const void *pb)
{
    pulje_kr a = *(const pulje_kr *)pa, b = *(const pulje_kr *)pb;
    return (a > b) - (a < b);
}

/* The largest f in sorted full[0..nf) with f <= bound; 0 if none. */
static pulje_kr largest_at_most(const pulje_kr *full, size_t nf, pulje_kr bound)
{
    size_t lo = 0, hi = nf;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (full[mid] <= bound)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 ? full[lo - 1] : 0;
}

/* R1-R4 on one set of rationed lines (v[0..n), shares and caps filled):
 * every grant is its share paid exactly, floored to the unit, one unit more,
 * or raised to a smaller claim paid in full; R3's groups are whole and none
 * passed over fits; R4 raised largest shares first and stopped only when
 * the residual could not fund the next raise. *unrepaired receives the
 * number of grants left below a smaller claim paid in full. */
/* R1 for one line: its share within 0..cap, its grant within its cap, an
 * unreduced share paid as assessed; *fails counts what failed. Returns 2 if
 * the share is outside 0..cap, 1 if it is unreduced (nothing more to check
 * of l), 0 otherwise. */
static int r1_line(const char *what, const char *nr, const vline *l, int *fails,
                   diag_list *dl)
{
    int failures = 0, rc = 0;

    if (l->den <= 0 || l->num < 0 || l->num > (pulje_wide)l->claim * l->den ||
        l->num > (pulje_wide)l->cap * l->den) {
        FAIL("verification: %sNr %s: the exact share is outside 0..cap", what, nr);
        rc = 2;
    } else {
        if (l->grant > l->cap)
            FAIL("verification: %sNr %s: %lld kr. is above its cap of %lld kr.", what, nr,
                 (long long)l->grant, (long long)l->cap);
        if (l->num == (pulje_wide)l->claim * l->den) {
            if (l->grant != l->claim)
                FAIL("verification: %sNr %s: an unreduced share is not paid as assessed", what,
                     nr);
            rc = 1;
        }
    }
    *fails += failures;
    return rc;
}

/* full has room for nf0 + n claims; its first nf0 are the claims paid in
 * full of lines the caller checked itself with r1_line (unreduced ones:
 * check_grants leaves them out of v, so that v is only the reduced shares). */
static int check_rounding(const char *what, const app_list *apps, vline *v, size_t n,
                          pulje_kr *full, size_t nf0, pulje_kr unit, pulje_kr residual,
                          size_t *unrepaired, diag_list *dl)
{
    int failures = 0;
    size_t nc = 0, nf = nf0, ngid = 0;
    pulje_kr raised_cost = 0;
    vline **c = malloc((n ? n : 1) * sizeof *c), **byg = malloc((n ? n : 1) * sizeof *byg);
    unsigned char *blocked = NULL;

    *unrepaired = 0;
    if (!c || !byg || !full) {
        FAIL("verification: out of memory checking the rounding");
        goto done;
    }
    for (size_t k = 0; k < n; k++)
        if (v[k].claim > 0 && v[k].grant == v[k].claim)
            full[nf++] = v[k].claim;
    qsort(full, nf, sizeof *full, cmp_kr);

    /* R1 and the three ways a grant may end */
    for (size_t k = 0; k < n; k++) {
        vline *l = &v[k];
        const char *nr = apps->v[l->i].nr;
        int r1 = r1_line(what, nr, l, &failures, dl);
        if (r1 == 2)
            continue;
        if (r1 == 1) {
            l->kind = -1;
            continue;
        }
        l->g = (pulje_kr)(l->num / l->den) / unit * unit;
        if (rem_of(l) == 0) {
            if (l->grant != l->g)
                FAIL("verification: %sNr %s: a share on the unit (%lld kr.) is paid %lld kr.",
                     what, nr, (long long)l->g, (long long)l->grant);
            l->kind = -1;
            continue;
        }
        if (l->grant == l->g) {
            l->kind = 0;
        } else if (l->grant == l->g + unit) {
            l->kind = 1;
        } else if (l->grant > l->g && l->grant < l->g + unit) {
            l->kind = 2;
            if (bsearch(&l->grant, full, nf, sizeof *full, cmp_kr) == NULL ||
                l->grant >= l->claim || (pulje_wide)l->grant * l->den > l->num)
                FAIL("verification: %sNr %s: %lld kr. is off the unit %lld kr. and not a "
                     "smaller claim paid in full within its share", what, nr,
                     (long long)l->grant, (long long)unit);
            raised_cost += l->grant - l->g;
        } else {
            FAIL("verification: %sNr %s: %lld kr. is not its share %lld kr. rounded down to "
                 "the unit %lld kr. (or one unit more)", what, nr, (long long)l->grant,
                 (long long)l->g, (long long)unit);
            l->kind = 0;
        }
        c[nc++] = l;
    }

    /* R3: groups of equal remainders, largest first */
    for (size_t k = 0; k < nc; k++)
        byg[k] = c[k];
    qsort(byg, nc, sizeof *byg, cmp_vline_g);
    for (size_t k = 0; k < nc; k++) {
        if (k > 0 && byg[k]->g != byg[k - 1]->g)
            ngid++;
        byg[k]->gid = (uint32_t)ngid;
    }
    blocked = calloc(ngid + 1, 1);
    if (!blocked) {
        FAIL("verification: out of memory checking the rounding");
        goto done;
    }
    qsort(c, nc, sizeof *c, cmp_vline_rem);
    /* the freed money before each group: what R3 left, plus the units it
     * and the groups after it took */
    pulje_kr after = 0, l3 = residual + raised_cost;
    pulje_kr *before = malloc((nc ? nc : 1) * sizeof *before);
    if (!before) {
        FAIL("verification: out of memory checking the rounding");
        goto done;
    }
    for (size_t k = nc; k > 0;) {
        size_t end = k, start = k - 1;
        while (start > 0 && cmp_frac(rem_of(c[start - 1]), c[start - 1]->den, rem_of(c[k - 1]),
                                     c[k - 1]->den) == 0)
            start--;
        size_t served = 0;
        for (size_t j = start; j < end; j++)
            served += c[j]->kind == 1;
        after += (pulje_kr)served * unit;
        for (size_t j = start; j < end; j++)
            before[j] = l3 + after;
        k = start;
    }
    for (size_t k = 0; k < nc;) {
        size_t end = k + 1, served = 0;
        int over_cap = 0, is_blocked = 0;
        while (end < nc && cmp_frac(rem_of(c[end]), c[end]->den, rem_of(c[k]), c[k]->den) == 0)
            end++;
        for (size_t j = k; j < end; j++) {
            served += c[j]->kind == 1;
            over_cap |= c[j]->g + unit > c[j]->cap;
            is_blocked |= blocked[c[j]->gid];
        }
        const char *nr = apps->v[c[k]->i].nr;
        if (served != 0 && served != end - k)
            FAIL("verification: %sa group of equal remainders is broken (Nr %s): %zu of %zu "
                 "got a unit", what, nr, served, end - k);
        if (served == end - k) {
            if (over_cap || is_blocked || (pulje_kr)(end - k) * unit > before[k])
                FAIL("verification: %sNr %s got a unit it could not get (cap, money, or a "
                     "larger share passed over)", what, nr);
        } else {
            if (!over_cap && !is_blocked && (pulje_kr)(end - k) * unit <= before[k])
                FAIL("verification: %sthe group of Nr %s (%zu) was passed over although %lld "
                     "kr. could serve it", what, nr, end - k, (long long)before[k]);
            for (size_t j = k; j < end; j++)
                blocked[c[j]->gid] = 1;
        }
        k = end;
    }
    free(before);

    /* R4: raised to the largest smaller claim paid in full within the share,
     * largest share first, stopped only by the money */
    pulje_wide stop_num = -1, stop_den = 1;
    for (size_t k = 0; k < n; k++) {
        vline *l = &v[k];
        if (l->kind < 0 || l->grant >= l->claim || l->num == 0)
            continue;
        pulje_kr bound = (pulje_kr)(l->num / l->den);
        if (bound > l->claim - 1)
            bound = l->claim - 1;
        if (bound > l->cap)
            bound = l->cap;
        pulje_kr t = largest_at_most(full, nf, bound);
        if (l->kind == 2 && l->grant != t)
            FAIL("verification: %sNr %s was raised to %lld kr., not to %lld kr.", what,
                 apps->v[l->i].nr, (long long)l->grant, (long long)t);
        if (t > l->grant) {
            (*unrepaired)++;
            if (stop_num < 0 || cmp_frac(l->num, l->den, stop_num, stop_den) > 0) {
                stop_num = l->num;
                stop_den = l->den;
            }
        }
    }
    if (*unrepaired > 0) {
        pulje_kr cost = 0;
        for (size_t k = 0; k < n; k++) {
            vline *l = &v[k];
            if (l->kind < 0 || l->grant >= l->claim || l->num == 0)
                continue;
            int c2 = cmp_frac(l->num, l->den, stop_num, stop_den);
            if (l->kind == 2 && c2 <= 0)
                FAIL("verification: %sNr %s was raised before a larger share", what,
                     apps->v[l->i].nr);
            if (c2 == 0) {
                pulje_kr bound = (pulje_kr)(l->num / l->den);
                if (bound > l->claim - 1)
                    bound = l->claim - 1;
                if (bound > l->cap)
                    bound = l->cap;
                pulje_kr t = largest_at_most(full, nf, bound);
                if (t > l->grant)
                    cost += t - l->grant;
            }
        }
        if (cost <= residual)
            FAIL("verification: %sthe residual (%lld kr.) could have raised the next grant "
                 "below a smaller claim paid in full (%lld kr.)", what, (long long)residual,
                 (long long)cost);
    }
done:
    free(c);
    free(byg);
    free(blocked);
    return failures;
}

/* The main allocation's rounding, statuses, caps and minimum. */
static int check_grants(const pool *p, const app_list *apps, const alloc_result *r,
                        diag_list *dl)
{
    int failures = 0;
    size_t n = r->n, nv = 0, unrepaired = 0;
    vline *v;

    for (size_t i = 0; i < n; i++) {
        const alloc_line *l = &r->lines[i];
        const app *a = &apps->v[i];
        if (l->refused != (l->grant == 0) || l->reduced != (l->grant > 0 && l->grant < l->claim))
            FAIL("verification: application %s: its status does not follow its grant", a->nr);
        if ((l->why == ALLOC_REFUSE_NONE) != (l->grant > 0) ||
            (l->why == ALLOC_REFUSE_MIN_GRANT && p->rule.min_grant == 0))
            FAIL("verification: application %s: the reason for no grant is wrong", a->nr);
        pulje_kr cap = p->rule.max_grant > 0 && p->rule.max_grant < l->claim ? p->rule.max_grant
                                                                            : l->claim;
        if (l->cap != cap)
            FAIL("verification: application %s: cap %lld, expected %lld", a->nr,
                 (long long)l->cap, (long long)cap);
        if (r->rationed && l->grant > cap)
            FAIL("verification: application %s: %lld kr. is above max_grant", a->nr,
                 (long long)l->grant);
        if (r->rationed && l->grant > 0 && l->grant < p->rule.min_grant && l->grant != l->claim)
            FAIL("verification: application %s: %lld kr. is below min_grant", a->nr,
                 (long long)l->grant);
    }
    if (!r->rationed || n == 0)
        return failures;
    /* the unreduced shares are checked here and only their claims kept (for
     * R4); the rounding check gets the reduced ones, a third of a pool that
     * rations like 2023 */
    size_t n_reduced = 0, nf0 = 0;
    for (size_t i = 0; i < n; i++)
        n_reduced += r->lines[i].claim > 0 &&
                     r->lines[i].share_num != (pulje_wide)r->lines[i].claim * r->lines[i].share_den;
    v = calloc(n_reduced ? n_reduced : 1, sizeof *v);
    pulje_kr *full = malloc(n * sizeof *full);
    if (!v || !full) {
        free(v);
        free(full);
        FAIL("verification: out of memory checking the rounding");
        return failures;
    }
    for (size_t i = 0; i < n; i++) {
        const alloc_line *l = &r->lines[i];
        vline w;
        if (l->claim <= 0)
            continue;
        memset(&w, 0, sizeof w);
        w.i = i;
        w.claim = l->claim;
        w.cap = l->cap;
        w.grant = l->grant;
        w.num = l->share_num;
        w.den = l->share_den;
        if (w.num != (pulje_wide)w.claim * w.den) {
            v[nv++] = w; /* n_reduced of them */
        } else if (r1_line("", apps->v[i].nr, &w, &failures, dl) == 1) {
            if (w.grant == w.claim)
                full[nf0++] = w.claim;
        } else if (w.grant == w.claim) {
            full[nf0++] = w.claim; /* outside 0..cap, said; paid in full all the same */
        }
    }
    failures += check_rounding("", apps, v, nv, full, nf0, p->rounding, r->residual,
                               &unrepaired, dl);
    free(v);
    free(full);
    if (unrepaired != r->n_out_of_order)
        FAIL("verification: %zu grants are below a smaller claim paid in full, %zu warned",
             unrepaired, r->n_out_of_order);
    if (r->residual >= 10 * p->rounding &&
        (pulje_wide)r->residual * 1000 >= (pulje_wide)r->available && !r->residual_warned)
        FAIL("verification: a residual of %lld kr. was not warned about",
             (long long)r->residual);
    return failures;
}

/* The supplements' rounding in each earmark's rationed tier. */
static int check_supplement_rounding(const pool *p, const app_list *apps,
                                     const alloc_result *r, diag_list *dl)
{
    int failures = 0;
    size_t n = apps->n, most = 0;
    /* room for the largest rationed tier, not for every application */
    for (size_t k = 0; k < r->em.n_earmarks && k < p->n_earmark_defs; k++) {
        size_t in = 0;
        for (size_t i = 0; r->em.totals[k].rationed_tier != 0 && i < n; i++)
            in += r->em.lines[k * n + i].tier == r->em.totals[k].rationed_tier &&
                  r->em.lines[k * n + i].claim > 0;
        if (in > most)
            most = in;
    }
    vline *v = calloc(most ? most : 1, sizeof *v);
    pulje_kr *full = malloc((most ? most : 1) * sizeof *full);
    if (!v || !full) {
        free(v);
        free(full);
        FAIL("verification: out of memory checking the supplements");
        return failures;
    }
    for (size_t k = 0; k < r->em.n_earmarks && k < p->n_earmark_defs; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        const em_total *t = &r->em.totals[k];
        const em_line *lines = &r->em.lines[k * n];
        pulje_kr before = 0, in_tier = 0;
        size_t nv = 0, unrepaired = 0;
        char what[160];
        if (t->rationed_tier == 0)
            continue;
        for (size_t i = 0; i < n; i++) {
            const em_line *l = &lines[i];
            if (l->tier > 0 && l->tier < t->rationed_tier) {
                before += l->grant;
                if (l->grant != l->claim)
                    FAIL("verification: %s: Nr %s's tier fits but its supplement is not as "
                         "assessed", e->key, apps->v[i].nr);
            }
            if (l->tier != t->rationed_tier || l->claim <= 0)
                continue;
            pulje_kr cap = e->max_supp > 0 && e->max_supp < l->claim ? e->max_supp : l->claim;
            if (l->grant > 0 && l->grant < e->min_supp)
                FAIL("verification: %s: Nr %s's supplement is below the earmark's min", e->key,
                     apps->v[i].nr);
            in_tier += l->grant;
            v[nv].i = i;
            v[nv].claim = l->claim;
            v[nv].cap = cap;
            v[nv].grant = l->grant;
            v[nv].num = l->share_num;
            v[nv].den = l->share_den;
            nv++;
        }
        snprintf(what, sizeof what, "%s: ", e->key);
        if (e->amount - before - in_tier < 0)
            FAIL("verification: %s: the supplements exceed the earmark", e->key);
        else
            failures += check_rounding(what, apps, v, nv, full, 0, p->rounding,
                                       e->amount - before - in_tier, &unrepaired, dl);
    }
    free(v);
    free(full);
    return failures;
}

/* Compare r's grants with an independent closed-form computation: the
 * closed form's grants, years and supplements alone (alloc_grants), compared
 * line by line, not a second full result (issue 18). */
static int cross_check(const pool *p, const app_list *apps, const alloc_result *r,
                       diag_list *dl)
{
    alloc_result c;
    diag_list quiet;
    pulje_kr *grant = NULL;
    int *years = NULL;
    int failures = 0;

    diag_init(&quiet);
    if (alloc_grants(p, apps, ALLOC_CLOSED_FORM, &c, &grant, &years, &quiet) != 0) {
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
        if (years[i] != r->lines[i].years) {
            FAIL("verification: application %s: the model binds %d years, the closed form %d",
                 apps->v[i].nr, r->lines[i].years, years[i]);
            break;
        }
        if (grant[i] != r->lines[i].grant) {
            FAIL("verification: application %s: the model gives %lld kr., the closed "
                 "form %lld kr.",
                 apps->v[i].nr, (long long)r->lines[i].grant, (long long)grant[i]);
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
    free(grant);
    free(years);
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
            /* only with an ordinary grant: the one it was decided on, which
             * is the final grant unless unused = main gave money back */
            if (l->grant > 0 && (l->basis <= 0 ||
                                 (r->earmark_returned == 0 && l->basis != r->lines[i].grant)))
                FAIL("verification: %s: Nr %s has a supplement without an ordinary grant",
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
        if (r->rationed && l->reduced && l->claim > 0 &&
            rule_protected(&p->rule, l->claim) == l->claim && p->rule.min_grant == 0 &&
            p->rule.max_grant == 0)
            FAIL("verification: application %s, protected whole by the rule, was reduced",
                 a->nr);
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
    size_t n_short = 0; /* shares below their claims: each leaves less than a unit */
    for (size_t i = 0; i < r->n; i++)
        n_short += r->lines[i].share_den > 0 &&
                   r->lines[i].share_num < (pulje_wide)r->lines[i].claim * r->lines[i].share_den;
    if (r->rationed &&
        r->residual - r->unshared >= p->rounding * (pulje_kr)(n_short ? n_short : 1))
        FAIL("verification: the residual %lld is larger than rounding can leave",
             (long long)r->residual);
    failures += check_grants(p, apps, r, dl);
    failures += check_supplement_rounding(p, apps, r, dl);
    if (r->factor_den <= 0 || r->factor_num < 0 || r->factor_num > r->factor_den)
        FAIL("verification: the reduction factor is not in [0, 1]");
    failures += check_multiyear(p, apps, r, dl);
    if (cross && failures == 0)
        failures += cross_check(p, apps, r, dl);
    return failures;
}
