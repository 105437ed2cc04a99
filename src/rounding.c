/* rounding.c - From exact shares to whole-krone grants, by largest remainder. */
#include "rounding.h"

#include <stdlib.h>

typedef struct {
    size_t i;         /* application index */
    pulje_wide rem;   /* share - floored grant, in units of 1/den */
    pulje_kr claim;
} candidate;

/* Largest remainder first; then larger claim first; then input order. */
static int cmp_candidate(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->rem != b->rem)
        return a->rem > b->rem ? -1 : 1;
    if (a->claim != b->claim)
        return a->claim > b->claim ? -1 : 1;
    return a->i < b->i ? -1 : (a->i > b->i);
}

int round_shares(const rule_result *r, const pulje_kr *claims, pulje_kr unit,
                 pulje_kr money, pulje_kr *grants, pulje_kr *residual)
{
    size_t n = r->n, nc = 0;
    pulje_kr sum = 0, left;
    candidate *cand;

    if (unit <= 0 || r->den <= 0 || money < 0)
        return -1;
    cand = malloc((n ? n : 1) * sizeof *cand);
    if (!cand)
        return -1;

    /* Floor every share; exact shares (unreduced) are paid as they are. */
    for (size_t i = 0; i < n; i++) {
        pulje_wide exact = (pulje_wide)claims[i] * r->den;
        if (r->num[i] < 0 || r->num[i] > exact) {
            free(cand);
            return -1;
        }
        if (r->num[i] == exact) {
            grants[i] = claims[i];
        } else {
            pulje_wide step = (pulje_wide)unit * r->den;
            pulje_wide q = r->num[i] / step;
            grants[i] = (pulje_kr)(q * unit);
            if (r->num[i] - q * step > 0) {
                cand[nc].i = i;
                cand[nc].rem = r->num[i] - q * step;
                cand[nc].claim = claims[i];
                nc++;
            }
        }
        sum += grants[i];
    }
    if (sum > money) {
        free(cand);
        return -1;
    }
    left = money - sum;

    /* Hand back whole units to the largest remainders. Equal claims have equal
     * remainders and are served as a group or not at all; the first group that
     * does not fit ends the round, so a larger claim never ends below a
     * smaller one. What is left is the residual. */
    qsort(cand, nc, sizeof *cand, cmp_candidate);
    for (size_t k = 0; k < nc;) {
        size_t end = k + 1;
        while (end < nc && cand[end].rem == cand[k].rem && cand[end].claim == cand[k].claim)
            end++;
        pulje_kr need = (pulje_kr)(end - k) * unit;
        if (need > left || grants[cand[k].i] + unit > cand[k].claim)
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
