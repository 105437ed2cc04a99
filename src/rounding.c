/* rounding.c - From exact shares to whole-krone grants, by largest remainder. */
#include "rounding.h"

#include <stdlib.h>

typedef struct {
    size_t i;         /* application index */
    pulje_wide rem;   /* share - floored grant, in units of 1/den */
    pulje_wide share; /* the exact share, in units of 1/den */
} candidate;

/* Largest remainder first; then larger share first; then input order. */
static int cmp_candidate(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->rem != b->rem)
        return a->rem > b->rem ? -1 : 1;
    if (a->share != b->share)
        return a->share > b->share ? -1 : 1;
    return a->i < b->i ? -1 : (a->i > b->i);
}

static int cmp_kr(const void *pa, const void *pb)
{
    pulje_kr a = *(const pulje_kr *)pa, b = *(const pulje_kr *)pb;
    return (a > b) - (a < b);
}

int round_shares(const rule_result *r, const pulje_kr *claims, pulje_kr unit,
                 pulje_kr money, pulje_kr *grants, pulje_kr *residual)
{
    size_t n = r->n, nc = 0, nf = 0;
    pulje_kr sum = 0, left;
    candidate *cand;
    pulje_kr *full;

    if (unit <= 0 || r->den <= 0 || money < 0)
        return -1;
    cand = malloc((n ? n : 1) * sizeof *cand);
    full = malloc((n ? n : 1) * sizeof *full);
    if (!cand || !full) {
        free(cand);
        free(full);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        pulje_wide exact = (pulje_wide)claims[i] * r->den;
        if (r->num[i] < 0 || r->num[i] > exact) {
            free(cand);
            free(full);
            return -1;
        }
        if (r->num[i] == exact && claims[i] > 0)
            full[nf++] = claims[i];
    }
    qsort(full, nf, sizeof *full, cmp_kr);

    /* Floor every reduced share to the unit; exact shares (unreduced) are
     * paid as they are. A fully paid claim need not be a multiple of the
     * unit, so flooring could put a reduced share below a smaller claim
     * paid in full. When every positive reduced share is at least the
     * largest fully paid claim F (cea, and the options; the threshold rule's
     * cliff is the exception), a share that would floor below F is paid F
     * instead and gets no unit back: its remainder (less than a unit) goes
     * to the residual. Otherwise shares are floored as they are. */
    pulje_kr top = nf ? full[nf - 1] : 0;
    int lift = nf > 0;
    for (size_t i = 0; i < n && lift; i++) {
        pulje_wide exact = (pulje_wide)claims[i] * r->den;
        if (r->num[i] != exact && r->num[i] > 0 && r->num[i] < (pulje_wide)top * r->den)
            lift = 0;
    }
    for (size_t i = 0; i < n; i++) {
        pulje_wide exact = (pulje_wide)claims[i] * r->den;
        if (r->num[i] == exact) {
            grants[i] = claims[i];
        } else {
            pulje_wide step = (pulje_wide)unit * r->den;
            pulje_kr g = (pulje_kr)(r->num[i] / step * unit);
            if (lift && r->num[i] > 0 && g < top) {
                grants[i] = top;
            } else {
                grants[i] = g;
                if (r->num[i] - (pulje_wide)g * r->den > 0) {
                    cand[nc].i = i;
                    cand[nc].rem = r->num[i] - (pulje_wide)g * r->den;
                    cand[nc].share = r->num[i];
                    nc++;
                }
            }
        }
        sum += grants[i];
    }
    free(full);
    if (sum > money) {
        free(cand);
        return -1;
    }
    left = money - sum;

    /* Hand back whole units to the largest remainders. Shares with equal
     * remainders are served as a group or not at all: equal shares have
     * equal remainders (so they stay equal, whatever the claims), and so do
     * equal losses (integer claims less a common cut, as under cel and
     * talmud), so a larger claim never ends losing less. The first group
     * that does not fit ends the round, so a larger share never ends below
     * a smaller one. What is left is the residual. */
    qsort(cand, nc, sizeof *cand, cmp_candidate);
    for (size_t k = 0; k < nc;) {
        size_t end = k + 1;
        int over = 0;
        while (end < nc && cand[end].rem == cand[k].rem)
            end++;
        for (size_t m = k; m < end; m++)
            over |= grants[cand[m].i] + unit > claims[cand[m].i];
        pulje_kr need = (pulje_kr)(end - k) * unit;
        if (need > left || over)
            break;
        for (size_t m = k; m < end; m++)
            grants[cand[m].i] += unit;
        left -= need;
        k = end;
    }
    free(cand);
    *residual = left;
    return 0;
}
