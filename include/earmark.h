/* earmark.h - Earmarked money handed out as supplements, tier by tier.
 *
 * Each [earmark <key>] of the pool has criteria, some required, and tiers
 * (sets of criteria). An application qualifies when it meets the required
 * criteria and has an ordinary grant; its tier is the first whose criteria
 * it meets all of. Tier 1 is served in full before tier 2 gets anything;
 * in the tier where the money runs out, the pool's reduction rule shares
 * what is left (solved with the same GLPK model as the main allocation; if
 * the rule protects more than is left, the tier is shared proportionally and
 * the result says so), with the earmark's own min and max, and rounded by
 * R1-R4 with the assessed supplement as cap. What is not handed out is
 * unused: to the residual line or back into the main pool, as the pool says.
 * Pure computation: no I/O. */
#ifndef PULJE_EARMARK_H
#define PULJE_EARMARK_H

#include <stdbool.h>
#include <stddef.h>

#include "apps.h"
#include "diag.h"
#include "money.h"
#include "pool.h"

typedef enum {
    EM_NOT_ASKED = 0,   /* no supplement asked */
    EM_GRANTED,         /* granted as assessed */
    EM_REDUCED,         /* granted, reduced in the tier where the money ran out */
    EM_MONEY_GONE,      /* qualifies, but the money ran out in an earlier tier */
    EM_NOT_ELIGIBLE,    /* does not meet the required criteria or any tier */
    EM_NO_GRANT         /* no ordinary grant to add a supplement to */
} em_status;

typedef struct em_line {
    int tier;           /* 1-based; 0 if it does not qualify */
    pulje_kr claim;     /* supplement assessed (0 unless it qualifies) */
    pulje_kr grant;     /* supplement granted */
    em_status status;
    /* In the rationed tier: the exact share (share_num / share_den kroner,
     * share_den > 0), its cap (the assessed supplement, or the earmark's max
     * when smaller) and the rounding step (rounding.h). Elsewhere share =
     * grant / 1, cap = claim, step 0. */
    pulje_wide share_num;
    pulje_wide share_den;
    pulje_kr cap;
    int step;
    /* The ordinary grant the supplement was decided on: the grant before
     * unused = main recomputed the ordinary grants (qualification is not
     * revisited, so a supplement stays even in the rare case where the
     * recomputed grant's rounding ends at 0 kr.; alloc_run warns then). */
    pulje_kr basis;
} em_line;

typedef struct em_total {
    pulje_kr money;        /* the earmark's money this year */
    pulje_kr asked, assessed, granted;
    pulje_kr unused;       /* money - granted */
    int rationed_tier;     /* the tier the money ran out in; 0 if none */
    pulje_kr factor_num, factor_den; /* the factor in that tier */
    bool proportional_fallback; /* the pool's rule protected more than was left */
} em_total;

typedef struct em_result {
    size_t n_earmarks, n_apps;
    em_total *totals;   /* per earmark */
    em_line *lines;     /* n_earmarks * n_apps: lines[k * n_apps + i] */
} em_result;

/**
 * @brief Hand out every earmark of p.
 *
 * Supplements go only to applications with an ordinary grant above 0 kr.
 * A tier that fits in what is left is paid as assessed; in the tier where
 * the money runs out the pool's rule shares it with the earmark's own min
 * and max (min_supp, max_supp; no [rules] min_grant/max_grant), and R1-R4
 * (rounding.h) round the shares with the assessed supplement, or max when
 * smaller, as cap.
 *
 * @param grants    n ordinary grants (0 = no grant: no supplement).
 * @param use_model 1: ration with the GLPK model (checked against the closed form).
 * @return 0; -1 when every share in the rationed tier would fall below the
 *         earmark's min (an error in dl naming the pool file); -2 on out of
 *         memory or a solver fault (see dl).
 */
int earmark_distribute(const pool *p, const app_list *apps, const pulje_kr *grants,
                       int use_model, em_result *out, diag_list *dl);

/**
 * @brief Check the applications' earmark answers: a supplement asked by an
 * application that does not meet the required criteria is an error naming
 * the line and the supplement column. Returns the number of errors added.
 */
size_t earmark_validate(const pool *p, const app_list *apps, diag_list *dl);

/** @brief Free a result; the struct is zeroed. Safe on a zeroed struct. */
void earmark_free(em_result *r);

/** @brief The tier (1-based) criteria bits qualify for in e; 0 if none or required unmet. */
int earmark_tier(const pool_earmark *e, unsigned criteria);

#endif
