/* rounding.c - From exact shares to whole-krone grants: R1-R4 (see rounding.h). */
#include "rounding.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t i;         /* application index */
    pulje_wide rem;   /* share - floored grant, in units of 1/den */
    pulje_wide share; /* the exact share, in units of 1/den */
    pulje_kr g;       /* the floored grant */
    size_t gid;       /* index of g among the distinct floored grants */
} candidate;

/* R2's order: largest remainder first; then larger share first; then input order. */
static int cmp_candidate(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->rem != b->rem)
        return a->rem > b->rem ? -1 : 1;
    if (a->share != b->share)
        return a->share > b->share ? -1 : 1;
    return a->i < b->i ? -1 : (a->i > b->i);
}

/* By floored grant, for numbering the distinct values. */
static int cmp_by_g(const void *pa, const void *pb)
{
    const candidate *const *a = pa, *const *b = pb;
    return ((*a)->g > (*b)->g) - ((*a)->g < (*b)->g);
}

static int cmp_kr(const void *pa, const void *pb)
{
    pulje_kr a = *(const pulje_kr *)pa, b = *(const pulje_kr *)pb;
    return (a > b) - (a < b);
}

/* An R4 repair: raise grant of i to target. */
typedef struct {
    size_t i;
    pulje_wide share;
    pulje_kr target;
} raise_cand;

static int cmp_raise(const void *pa, const void *pb)
{
    const raise_cand *a = pa, *b = pb;
    if (a->share != b->share)
        return a->share > b->share ? -1 : 1;
    return a->i < b->i ? -1 : (a->i > b->i);
}

void round_info_free(round_info *info)
{
    free(info->unrepaired);
    memset(info, 0, sizeof *info);
}

/* The largest f in sorted full[0..nf) with f <= bound; 0 if none. */
static pulje_kr largest_at_most(const pulje_kr *full, size_t nf, pulje_kr bound)
{
    size_t lo = 0, hi = nf; /* first index with full[k] > bound */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (full[mid] <= bound)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 ? full[lo - 1] : 0;
}

int round_shares_ex(const rule_result *r, const pulje_kr *claims, const pulje_kr *caps,
                    pulje_kr unit, pulje_kr money, pulje_kr *grants, round_step *steps,
                    round_info *info)
{
    size_t n = r->n, nc = 0, nf = 0, nr = 0, ngid = 0;
    pulje_kr sum = 0, left;
    pulje_wide den = r->den;
    candidate *cand = NULL, **byg = NULL;
    unsigned char *blocked = NULL;
    pulje_kr *g = NULL, *full = NULL;
    round_step *st = NULL;
    raise_cand *rc = NULL;
    round_info out;
    int rc_status = -1;

    memset(&out, 0, sizeof out);
    if (unit <= 0 || den <= 0 || money < 0)
        return -1;
    size_t m = n ? n : 1;
    cand = malloc(m * sizeof *cand);
    byg = malloc(m * sizeof *byg);
    g = malloc(m * sizeof *g);
    st = malloc(m * sizeof *st);
    full = malloc(m * sizeof *full);
    rc = malloc(m * sizeof *rc);
    if (!cand || !byg || !g || !st || !full || !rc)
        goto done;

    /* R1: unreduced shares are paid as they are; reduced ones floored. */
    pulje_wide step = (pulje_wide)unit * den;
    for (size_t i = 0; i < n; i++) {
        pulje_wide exact = (pulje_wide)claims[i] * den;
        pulje_kr cap = caps ? caps[i] : claims[i];
        if (r->num[i] < 0 || r->num[i] > exact || cap < 0 || cap > claims[i])
            goto done;
        if (r->num[i] == exact) {
            g[i] = claims[i];
            st[i] = ROUND_EXACT;
        } else {
            g[i] = (pulje_kr)(r->num[i] / step * unit);
            st[i] = ROUND_EXACT;
            if (g[i] > cap)
                goto done; /* a reduced share above its cap */
            pulje_wide rem = r->num[i] - (pulje_wide)g[i] * den;
            if (rem > 0) {
                st[i] = ROUND_FLOOR;
                cand[nc].i = i;
                cand[nc].rem = rem;
                cand[nc].share = r->num[i];
                cand[nc].g = g[i];
                nc++;
            }
        }
        sum += g[i];
    }
    if (sum > money)
        goto done;
    left = money - sum;

    /* Number the distinct floored grants, so that R3 can pass over every
     * group holding a g already passed over. */
    for (size_t k = 0; k < nc; k++)
        byg[k] = &cand[k];
    qsort(byg, nc, sizeof *byg, cmp_by_g);
    for (size_t k = 0; k < nc; k++) {
        if (k > 0 && byg[k]->g != byg[k - 1]->g)
            ngid++;
        byg[k]->gid = ngid;
    }
    blocked = calloc(nc ? ngid + 1 : 1, 1);
    if (!blocked)
        goto done;

    /* R2, R3: groups of equal remainders, largest first; served whole or
     * passed over; on until L < u or no group is left. */
    qsort(cand, nc, sizeof *cand, cmp_candidate);
    int stuck_by_money = 0;
    for (size_t k = 0; k < nc;) {
        size_t end = k + 1;
        while (end < nc && cand[end].rem == cand[k].rem)
            end++;
        out.n_groups++;
        if (left >= unit) {
            int pass = 0, by_money = 0;
            for (size_t j = k; j < end && !pass; j++)
                pass = blocked[cand[j].gid] ||
                       g[cand[j].i] + unit > (caps ? caps[cand[j].i] : claims[cand[j].i]);
            if (!pass && (pulje_kr)(end - k) > left / unit)
                pass = by_money = 1;
            if (pass) {
                out.n_passed++;
                for (size_t j = k; j < end; j++)
                    blocked[cand[j].gid] = 1;
                if (out.stuck_size == 0 || (by_money && !stuck_by_money)) {
                    out.stuck_size = end - k;
                    out.stuck_first = cand[k].i;
                    out.stuck_equal = cand[k].share == cand[end - 1].share;
                    stuck_by_money = by_money;
                }
            } else {
                for (size_t j = k; j < end; j++) {
                    g[cand[j].i] += unit;
                    st[cand[j].i] = ROUND_UNIT;
                }
                left -= (pulje_kr)(end - k) * unit;
                out.n_served++;
            }
        }
        k = end;
    }

    /* R4: a reduced grant below a smaller claim paid in full, that claim at
     * most its exact share, is raised to it, largest share first. */
    for (size_t i = 0; i < n; i++)
        if (claims[i] > 0 && g[i] == claims[i])
            full[nf++] = claims[i];
    qsort(full, nf, sizeof *full, cmp_kr);
    for (size_t i = 0; i < n && nf > 0; i++) {
        if (g[i] >= claims[i] || r->num[i] == 0)
            continue;
        pulje_kr bound = (pulje_kr)(r->num[i] / den), cap = caps ? caps[i] : claims[i];
        if (bound > claims[i] - 1)
            bound = claims[i] - 1;
        if (bound > cap)
            bound = cap;
        pulje_kr t = largest_at_most(full, nf, bound);
        if (t > g[i]) {
            rc[nr].i = i;
            rc[nr].share = r->num[i];
            rc[nr].target = t;
            nr++;
        }
    }
    qsort(rc, nr, sizeof *rc, cmp_raise);
    for (size_t k = 0; k < nr;) {
        size_t end = k + 1;
        pulje_kr cost = 0;
        while (end < nr && rc[end].share == rc[k].share)
            end++;
        for (size_t j = k; j < end; j++)
            cost += rc[j].target - g[rc[j].i];
        if (cost > left) {
            out.n_unrepaired = nr - k;
            out.unrepaired = malloc(out.n_unrepaired * sizeof *out.unrepaired);
            if (!out.unrepaired)
                goto done;
            for (size_t j = k; j < nr; j++)
                out.unrepaired[j - k] = rc[j].i;
            break;
        }
        for (size_t j = k; j < end; j++) {
            g[rc[j].i] = rc[j].target;
            st[rc[j].i] = ROUND_RAISE;
        }
        out.n_raised += end - k;
        left -= cost;
        k = end;
    }

    out.residual = left;
    memcpy(grants, g, n * sizeof *grants);
    if (steps)
        memcpy(steps, st, n * sizeof *steps);
    if (info)
        *info = out;
    else
        free(out.unrepaired);
    memset(&out, 0, sizeof out);
    rc_status = 0;
done:
    free(out.unrepaired);
    free(cand);
    free(byg);
    free(blocked);
    free(g);
    free(st);
    free(full);
    free(rc);
    return rc_status;
}

int round_shares(const rule_result *r, const pulje_kr *claims, pulje_kr unit,
                 pulje_kr money, pulje_kr *grants, pulje_kr *residual)
{
    round_info info;
    if (round_shares_ex(r, claims, NULL, unit, money, grants, NULL, &info) != 0)
        return -1;
    *residual = info.residual;
    round_info_free(&info);
    return 0;
}
