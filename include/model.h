/* model.h - The allocation as a GLPK optimisation model.
 *
 * The model maximises the common factor applied to reducible claims subject
 * to the budget. It is aggregated: one-year claims enter as sums, so its
 * size does not grow with their number. The solver's answer is turned back
 * into an exact factor and checked against it; the exact shares then come
 * from rules.c, so model and closed form agree to the krone by construction
 * and by test. GLPK's terminal output is silenced and its faults become
 * errors, never abort(). */
#ifndef PULJE_MODEL_H
#define PULJE_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "money.h"
#include "rules.h"

typedef enum {
    MODEL_OK = 0,
    MODEL_ERR_NOMEM,
    MODEL_ERR_SOLVER,     /* GLPK failed or reported a fault */
    MODEL_ERR_INFEASIBLE, /* no allocation satisfies the rules */
    MODEL_ERR_MISMATCH,   /* the solver's answer is not the exact optimum */
    MODEL_ERR_UNSUPPORTED /* the rule cannot be expressed in the model */
} model_status;

/**
 * @brief Solve the allocation with GLPK and return exact shares.
 *
 * @param p       Rule and parameters.
 * @param claims  n claims.
 * @param money   Money to share.
 * @param out     Exact shares on MODEL_OK (free with rule_result_free()).
 * @param err     Receives a one-line English explanation on error.
 * @param errsz   Size of err.
 * @return MODEL_OK or the failure.
 */
model_status model_solve(const rule_params *p, const pulje_kr *claims, size_t n,
                         pulje_kr money, rule_result *out, char *err, size_t errsz);

/** @brief An English sentence for a model_status. */
const char *model_strerror(model_status st);

/**
 * @brief Whether the rule's model has a column per claim (cea, cel, talmud:
 * its size grows with the claims), rather than the factor rules' single
 * column or no model at all. False for an unknown rule.
 */
bool model_per_claim(const rule_params *p);



/**
 * @brief Choose items in rank order under per-period capacities (GLPK).
 *
 * Item i (0 = first rank) needs need[i] kroner in every period p with
 * covers[i * periods + p] != 0. Each period's chosen needs must sum to at
 * most cap[p] (a negative cap admits nothing that covers it). The choice is
 * the lexicographic optimum: item i is chosen when it fits beside the items
 * of higher rank already chosen. It is made by small GLPK models in rank
 * order (simplex, then branch and bound): one per run of items that fit
 * together (binaries, maximise how many under the capacity rows left), one
 * per item that does not (a binary x with (need - room) x <= 0 per period,
 * exact in the solver's scale). Each choice is checked in integers. Exact
 * for any number of items (no weights).
 *
 * @param chosen  k flags out (0/1).
 * @return MODEL_OK, MODEL_ERR_NOMEM or a solver fault.
 */
model_status model_choose_ranked(size_t k, const pulje_kr *need, size_t periods,
                                 const unsigned char *covers, const pulje_kr *cap,
                                 unsigned char *chosen, char *err, size_t errsz);

/**
 * @brief model_choose_ranked(), also counting in *overruled (may be NULL)
 * the items where GLPK's choice differed from the check in integers (the
 * integers decide). 0 on every valid input; tests assert it.
 */
model_status model_choose_ranked_checked(size_t k, const pulje_kr *need, size_t periods,
                                         const unsigned char *covers, const pulje_kr *cap,
                                         unsigned char *chosen, size_t *overruled,
                                         char *err, size_t errsz);

#endif
