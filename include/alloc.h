/* alloc.h - The allocation: from pool and applications to grants, to the krone.
 *
 * available = budget - reservations - earmarks. The assessed amounts of the
 * applications that are not refused are the claims; the pool's rule shares
 * the available money among them (solved by the GLPK model, or in closed
 * form), and rounding turns the shares into whole-krone grants. Then the
 * multi-year requests are honoured under the cap (multiyear.h), with the
 * ledger in p->commitments (may be NULL). Pure computation: no I/O. */
#ifndef PULJE_ALLOC_H
#define PULJE_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

#include "apps.h"
#include "diag.h"
#include "earmark.h"
#include "money.h"
#include "multiyear.h"
#include "pool.h"

typedef enum { ALLOC_MODEL = 0, ALLOC_CLOSED_FORM } alloc_method;

/* Why an application got no ordinary grant (the final grant is 0 kr.). */
typedef enum {
    ALLOC_REFUSE_NONE = 0,   /* it has a grant */
    ALLOC_REFUSE_PANEL,      /* refused by the panel (app.refusal) */
    ALLOC_REFUSE_HOLDER,     /* set aside: holds a running multi-year grant */
    ALLOC_REFUSE_MIN_GRANT,  /* its share fell below [rules] min_grant */
    ALLOC_REFUSE_ROUNDED     /* its share was rounded down to 0 kr. */
} alloc_refusal;

/* The rounding step that gave a grant its last krone (rounding.h, R1-R4). */
typedef enum {
    ALLOC_STEP_EXACT = 0,    /* the exact share is whole: paid as it is (in full, or 0) */
    ALLOC_STEP_FLOOR,        /* R1: rounded down to the unit */
    ALLOC_STEP_UNIT,         /* R3: rounded down, then one unit from the freed money */
    ALLOC_STEP_RAISE         /* R4: raised to a smaller claim paid in full */
} alloc_step;

typedef struct alloc_line {
    pulje_kr claim;      /* assessed amount taken into the rule (0 if refused) */
    /* The exact share the rule (with its options) gave: share_num / share_den
     * kroner, share_den > 0. explain prints it; rounding starts from it. */
    pulje_wide share_num;
    pulje_wide share_den;
    pulje_kr cap;        /* R1's cap: the claim, or max_grant when smaller */
    bool capped;         /* the share was cut to max_grant */
    alloc_step step;     /* how the grant was rounded */
    alloc_refusal why;   /* why the grant is 0 (ALLOC_REFUSE_NONE when > 0) */
    pulje_kr grant;      /* indstillet tilskud */
    pulje_kr reduction;  /* claim - grant */
    bool refused;        /* refused, or set aside as a running multi-year holder */
    bool reduced;        /* grant < claim because of the rule */
    int years_asked;     /* 1, 2 or 3 */
    int years;           /* years granted: 0 (no grant), 1, or the multi-year years */
    my_status my;        /* the multi-year decision and its reason */
} alloc_line;

typedef struct alloc_result {
    size_t n;                 /* = number of applications */
    alloc_line *lines;        /* one per application, in input order */

    pulje_kr budget_total;    /* samlet rådighedsbeløb */
    pulje_kr reserved_total;
    pulje_kr earmarked_total; /* all earmarked money set aside */
    pulje_kr earmark_returned;/* unused earmarked money given back to the main pool */
    pulje_kr available;       /* money for new grants: budget - reserved - earmarked + returned */
    pulje_kr applied_total;
    pulje_kr assessed_total;  /* claims of the applications not refused */
    pulje_kr protected_total; /* claims the rule left untouched */
    pulje_kr reducible_total; /* claims the factor applied to */
    pulje_kr granted_total;
    pulje_kr residual;        /* available - granted_total */
    pulje_kr factor_num;      /* exact reduction factor factor_num/factor_den */
    pulje_kr factor_den;
    bool rationed;            /* the claims exceeded the available money */
    size_t n_granted, n_reduced, n_refused;
    alloc_method method;

    /* multi-year grants */
    my_year my[MY_YEARS];     /* money, cap, old and new commitments per year */
    int cap_bp;               /* the cap in basis points */
    size_t n_my_requested, n_my_honoured, n_set_aside;
    bool my_by_model;         /* chosen by the GLPK MIP (and checked against the closed form) */

    /* earmarks ([earmark <key>] sections): supplements per application */
    em_result em;
    pulje_kr unshared;        /* part of the residual the rule's options left
                                 unshared (max_grant caps, min_grant refusals) */

    /* rounding (rounding.h R1-R5) and the warnings alloc_run added to dl */
    size_t n_out_of_order;    /* R4: reduced grants left below a smaller claim paid in full */
    bool residual_warned;     /* R5: the residual was large enough to be warned about */
    size_t n_warnings;        /* DIAG_WARNING entries alloc_run appended to dl */
} alloc_result;

/**
 * @brief Compute the grants.
 *
 * Problems that make a result impossible (reservations above the budget, the
 * protected claims alone above the money, a solver fault) are appended to dl
 * as errors naming the pool file.
 *
 * @return 0 on success (out filled); -1 when the inputs allow no allocation
 *         (see dl); -2 on a fault: out of memory or the solver (see dl).
 *         out is empty on failure.
 */
int alloc_run(const pool *p, const app_list *apps, alloc_method method,
              alloc_result *out, diag_list *dl);

/**
 * @brief alloc_run() without the lines, for verify's cross-check (issue 18):
 * the grants in *grants and the years granted in *years (malloc'ed, one per
 * application; the caller frees them), out filled but for lines (NULL) and
 * what is made from them (the totals and counts of the lines, the warnings
 * that name lines). Same return as alloc_run(); on failure *grants and
 * *years are NULL.
 */
int alloc_grants(const pool *p, const app_list *apps, alloc_method method,
                 alloc_result *out, pulje_kr **grants, int **years, diag_list *dl);

/** @brief Free a result; the struct is zeroed. Safe on a zeroed struct. */
void alloc_free(alloc_result *r);

/**
 * @brief Write next year's ledger to path: the pool's ledger (p->commitments,
 * may be NULL) plus one row per year of each multi-year grant this result
 * honours, as ledger_write() would write it, its rows made as they are written
 * (multiyear_write_next_ledger()), not built first.
 * @return 0, or -1 with a one-line explanation in err (out of memory too).
 */
int alloc_write_next_ledger(const char *path, const pool *p, const app_list *apps,
                            const alloc_result *r, char *err, size_t errsz);

#endif
