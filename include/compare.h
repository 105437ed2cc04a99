/* compare.h - Several rules side by side on one pool, and a parameter sweep.
 *
 * Pure computation, no I/O: each rule runs through alloc_run() (the GLPK
 * model) and verify_result() with the model checked against the closed
 * form, so every scenario balances to the krone before anyone sees it.
 * Per rule: summary statistics (reduced, refused, largest and median cut,
 * the Gini coefficient of the cuts, order violations) and the properties
 * of the claims literature checked on this pool. The sweep varies one
 * parameter of one rule over a range. */
#ifndef PULJE_COMPARE_H
#define PULJE_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"
#include "apps.h"
#include "diag.h"
#include "pool.h"
#include "rules.h"

/* The statistics and properties of one scenario. Shares of a claim are in
 * [0, 1]; "claims" are the assessed amounts of applications not refused by
 * the assessment panel. */
typedef struct compare_stats {
    pulje_kr granted, residual, unshared;
    size_t n_claims;          /* applications with a claim > 0 */
    size_t n_reduced;         /* grant < claim */
    size_t n_refused;         /* grant 0 although the claim is > 0 (refused by the rule) */
    double max_cut;           /* the largest reduction / claim */
    double median_cut;        /* the median of reduction / claim */
    double gini;              /* Gini coefficient of the reductions in kroner, 0..1 */
    size_t order_violations;  /* pairs: a larger claim getting a smaller grant */
    size_t loss_violations;   /* pairs: a larger claim losing fewer kroner */
    bool prop_sum;            /* grants + residual = the money; residual only rounding
                                 (and what the options leave unshared) */
    bool prop_bounds;         /* 0 <= grant <= claim everywhere */
    bool prop_order_awards;   /* order_violations == 0 */
    bool prop_order_losses;   /* loss_violations == 0 */
    bool prop_monotone;       /* more money (80..120 % of it) gives no one less, exactly */
} compare_stats;

/* The totals of one verified result that the comparison shows. */
typedef struct compare_totals {
    pulje_kr available;       /* money for new grants */
    pulje_kr assessed_total;  /* claims of the applications not refused */
    pulje_kr granted_total;
    pulje_kr residual;
    size_t n_earmarks;        /* = p->n_earmark_defs */
    em_total *em;             /* per earmark: the supplements granted and unused */
} compare_totals;

/* One rule on the pool: only what the comparison shows is kept of its
 * verified result (the full alloc_result is freed as soon as the grants,
 * the totals and the statistics are taken from it), so that a comparison
 * of k rules holds k grants per application, not k results. */
typedef struct compare_scenario {
    rule_params rule;
    pulje_kr *grants;         /* n_apps: the final grant per application, input order */
    compare_totals totals;
    compare_stats stats;
} compare_scenario;

typedef enum {
    COMPARE_SWEEP_NONE = 0,
    COMPARE_SWEEP_THRESHOLD,
    COMPARE_SWEEP_MAX_GRANT,
    COMPARE_SWEEP_CAP         /* the multi-year cap, in whole percent */
} compare_param;

/* What to sweep: param of rule from `from` to `to` in steps of `step`;
 * threads = 1 runs the sweep on the calling thread after the rules (the same
 * result; for exact fault counts), otherwise on a second thread beside them. */
typedef struct compare_sweep_spec {
    compare_param param;
    rule_params rule;
    pulje_kr from, to, step;
    int threads;
} compare_sweep_spec;

/* One step of the sweep. ok is false when the rule has no allocation at
 * this value (e.g. the protected claims exceed the money); the figures
 * are then 0. */
typedef struct compare_step {
    pulje_kr value;
    bool ok;
    pulje_kr factor_num, factor_den;
    size_t n_reduced;
    pulje_kr bound;           /* threshold, max_grant: money the rule pays before any
                                 factor (protected); cap: money bound in multi-year
                                 grants in the grant year (old + new) */
    pulje_kr granted, residual;
} compare_step;

typedef struct compare_result {
    size_t n;                 /* scenarios */
    compare_scenario *v;
    size_t n_apps;            /* applications: the length of claims and of each grants */
    pulje_kr *claims;         /* n_apps: the assessed amount taken into the rules (0 if
                                 refused), the baseline's */
    size_t baseline;          /* index of the scenario differences are taken from */
    compare_sweep_spec sweep;
    size_t n_steps;
    compare_step *steps;
} compare_result;

/* Rules whose model has a column per claim (model_per_claim(): CEA, CEL and
 * Talmud) grow with the pool: above this many applications compare computes
 * them with the exact closed form alone (and verifies every invariant as
 * always), so that a comparison of a national pool takes seconds, not
 * minutes. The committee's run is not affected. */
#define COMPARE_MODEL_MAX_CLAIMS 20000

/** @brief How compare computes a rule for a pool of n_apps applications. */
alloc_method compare_method(const rule_params *rule, size_t n_apps);

/* At most this many sweep steps. */
#define COMPARE_MAX_STEPS 1000

/**
 * @brief Parse a sweep as written on the command line:
 * PARAM:FROM:TO:STEP with PARAM threshold or max_grant, e.g.
 * "threshold:0:150.000:10.000". The rule swept is given by the caller.
 * Returns false with an English sentence in err (listing the choices).
 */
bool compare_parse_sweep(const char *text, compare_sweep_spec *out, char *err, size_t errsz);

/**
 * @brief Run every rule on the pool, verify each result, compute the
 * statistics, and run the sweep (if sweep->param is not NONE).
 *
 * @param rules     n_rules rules (the pool's own rule is not added).
 * @param baseline  index into rules of the scenario differences are from.
 * @return 0; -1 when a rule cannot share this pool (dl names the rule); -2
 *         on a fault (out of memory, the solver; see dl); -3 when a result
 *         fails its checks (see dl). The gravest wins: -2, then -3, then -1.
 *         out is empty on failure.
 *
 * The sweep's steps are computed by a second thread while the rules run
 * (and by this one once they have): closed form only, no GLPK; the steps,
 * the messages and the return value are the same as one thread's. Of each
 * rule's result only the grants, the totals and the statistics are kept.
 */
int compare_run(const pool *p, const app_list *apps, const rule_params *rules,
                size_t n_rules, size_t baseline, const compare_sweep_spec *sweep,
                compare_result *out, diag_list *dl);

/**
 * @brief The statistics of one verified result (used by compare_run; public
 * for the tests). rule is used for the monotonicity check only.
 */
void compare_stats_of(const pool *p, const alloc_result *r, compare_stats *s);

/** @brief Free a result; the struct is zeroed. Safe on a zeroed struct. */
void compare_free(compare_result *c);

#endif
