/* alloc.c - The allocation: from pool and applications to whole-krone grants. */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "phase.h"
#include "rounding.h"
#include "rules.h"

void alloc_free(alloc_result *r)
{
    free(r->lines);
    memset(r, 0, sizeof *r);
}

/* The claim an application brings to the rule: its assessed amount, or 0
 * when it is refused. */
static pulje_kr claim_of(const app *a)
{
    return a->refusal && a->refusal[0] ? 0 : a->assessed;
}

/* Explain why the protected claims cannot be met, in the pool's terms. */
static void explain_protected(const pool *p, const alloc_result *r, pulje_kr prot,
                              diag_list *dl)
{
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ], t[MONEY_BUFSZ];
    if (p->rule.kind == RULE_THRESHOLD) {
        diag_add(dl, DIAG_ERROR, p->file, 0, 0,
                 "lower the threshold in [rules], choose rule = proportional, or refuse "
                 "more applications",
                 "the assessed amounts of %s kr. or less sum to %s kr., more than the %s "
                 "kr. available for new grants; the rule does not reduce them, so no "
                 "allocation is possible",
                 money_format(p->rule.threshold, t), money_format(prot, a),
                 money_format(r->available, b));
    } else {
        diag_add(dl, DIAG_ERROR, p->file, 0, 0, NULL,
                 "the rule cannot share %s kr. among the claims",
                 money_format(r->available, b));
    }
}

/* Share r->available among claims with the chosen method; exact shares in *rr. */
static int share(const pool *p, alloc_method method, const pulje_kr *claims, size_t n,
                 alloc_result *r, rule_result *rr, diag_list *dl)
{
    char err[256] = "";
    if (method == ALLOC_MODEL) {
        model_status ms = model_solve(&p->rule, claims, n, r->available, rr, err, sizeof err);
        if (ms == MODEL_OK)
            return 0;
        if (ms == MODEL_ERR_INFEASIBLE) {
            rule_result probe;
            if (rule_shares_from_factor(&p->rule, claims, n, 1, 1, &probe) == RULE_OK) {
                explain_protected(p, r, probe.protected_sum, dl);
                rule_result_free(&probe);
                return -1;
            }
        }
        diag_add(dl, DIAG_ERROR, p->file, 0, 0, NULL, "%s: %s", model_strerror(ms), err);
        return -1;
    }
    rule_status rs = rule_apply(&p->rule, claims, n, r->available, rr);
    if (rs == RULE_OK)
        return 0;
    if (rs == RULE_ERR_PROTECTED) {
        rule_result probe;
        if (rule_shares_from_factor(&p->rule, claims, n, 1, 1, &probe) == RULE_OK) {
            explain_protected(p, r, probe.protected_sum, dl);
            rule_result_free(&probe);
            return -1;
        }
    }
    diag_add(dl, DIAG_ERROR, p->file, 0, 0, NULL, "the rule failed: %s", rule_strerror(rs));
    return -1;
}

int alloc_run(const pool *p, const app_list *apps, alloc_method method,
              alloc_result *out, diag_list *dl)
{
    size_t n = apps->n;
    pulje_kr *claims = NULL, *grants = NULL;
    rule_result rr;
    alloc_result r;
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

    memset(out, 0, sizeof *out);
    memset(&r, 0, sizeof r);
    memset(&rr, 0, sizeof rr);
    r.method = method;
    r.n = n;
    r.budget_total = pool_budget_total(p);
    r.reserved_total = pool_reserved_total(p);
    r.earmarked_total = pool_earmarked_total(p);
    r.available = r.budget_total - r.reserved_total - r.earmarked_total;
    if (r.available < 0) {
        diag_add(dl, DIAG_ERROR, p->file, 0, 0,
                 "check the amounts in [reservations] and [earmarks] against [budget]",
                 "reservations and earmarks (%s kr.) exceed the budget (%s kr.)",
                 money_format(r.reserved_total + r.earmarked_total, a),
                 money_format(r.budget_total, b));
        return -1;
    }

    claims = malloc((n ? n : 1) * sizeof *claims);
    grants = malloc((n ? n : 1) * sizeof *grants);
    r.lines = calloc(n ? n : 1, sizeof *r.lines);
    if (!claims || !grants || !r.lines) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        claims[i] = claim_of(&apps->v[i]);
        r.applied_total += apps->v[i].applied;
        r.assessed_total += claims[i];
    }

    phase_enter(PHASE_SOLVE);
    if (share(p, method, claims, n, &r, &rr, dl) != 0)
        goto fail;
    phase_enter(PHASE_ROUND);
    if (round_shares(&rr, claims, p->rounding, r.available, grants, &r.residual) != 0) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "rounding failed (out of memory)");
        goto fail;
    }

    r.rationed = rr.rationed;
    r.factor_num = rr.factor_num;
    r.factor_den = rr.factor_den;
    r.protected_total = rr.protected_sum;
    r.reducible_total = rr.reducible_sum;
    for (size_t i = 0; i < n; i++) {
        alloc_line *l = &r.lines[i];
        l->claim = claims[i];
        l->grant = grants[i];
        l->reduction = claims[i] - grants[i];
        l->refused = claims[i] == 0;
        l->reduced = grants[i] < claims[i];
        r.granted_total += grants[i];
        r.n_refused += l->refused;
        r.n_reduced += l->reduced;
        r.n_granted += grants[i] > 0;
    }
    rule_result_free(&rr);
    free(claims);
    free(grants);
    *out = r;
    return 0;

fail:
    rule_result_free(&rr);
    free(claims);
    free(grants);
    free(r.lines);
    return -1;
}
