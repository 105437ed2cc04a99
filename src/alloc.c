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
    earmark_free(&r->em);
    free(r->lines);
    memset(r, 0, sizeof *r);
}

/* The claim an application brings to the rule: its assessed amount, or 0
 * when it is refused or set aside. */
static pulje_kr claim_of(const app *a, bool aside)
{
    return aside || (a->refusal && a->refusal[0]) ? 0 : a->assessed;
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
    } else if (p->rule.kind == RULE_EXCESS) {
        diag_add(dl, DIAG_ERROR, p->file, 0, 0,
                 "lower the threshold in [rules], choose another rule, or refuse more "
                 "applications",
                 "the first %s kr. of every assessed amount sum to %s kr., more than the %s "
                 "kr. available for new grants; the excess rule does not reduce them, so no "
                 "allocation is possible",
                 money_format(p->rule.threshold, t), money_format(prot, a),
                 money_format(r->available, b));
    } else {
        diag_add(dl, DIAG_ERROR, p->file, 0, 0, NULL,
                 "the rule cannot share %s kr. among the claims",
                 money_format(r->available, b));
    }
}

/* Explain a failure of the rule (closed form or model) in the pool's terms.
 * Returns -1. */
static int explain_rule(const pool *p, const alloc_result *r, const pulje_kr *claims,
                        size_t n, rule_status rs, diag_list *dl)
{
    char a[MONEY_BUFSZ];
    if (rs == RULE_ERR_PROTECTED) {
        pulje_kr prot = 0;
        rule_params plain = p->rule;
        plain.min_grant = plain.max_grant = 0;
        rule_result probe;
        if (rule_shares_from_factor(&plain, claims, n, 1, 1, &probe) == RULE_OK) {
            prot = probe.protected_sum;
            rule_result_free(&probe);
        }
        explain_protected(p, r, prot, dl);
        return -1;
    }
    if (rs == RULE_ERR_MIN_GRANT) {
        pulje_kr largest = 0;
        for (size_t i = 0; i < n; i++)
            if (claims[i] > largest)
                largest = claims[i];
        diag_add(dl, DIAG_ERROR, p->file, 0, 0,
                 "lower min_grant in [rules] (0 means no minimum grant)",
                 "min_grant = %s kr. refuses every application: %s", money_format(p->rule.min_grant, a),
                 p->rule.min_grant > largest
                     ? "it is above every assessed amount"
                     : "no share reaches it with the money available");
        return -1;
    }
    if (rs == RULE_ERR_ARGS) {
        char why[256] = "invalid rule parameters";
        rule_params_valid(&p->rule, why, sizeof why);
        diag_add(dl, DIAG_ERROR, p->file, 0, 0,
                 "the rules are threshold, proportional, excess, cea, cel and talmud",
                 "the rule failed: %s", why);
        return -1;
    }
    diag_add(dl, DIAG_ERROR, p->file, 0, 0, NULL, "the rule failed: %s", rule_strerror(rs));
    return -1;
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
        if (ms == MODEL_ERR_INFEASIBLE || ms == MODEL_ERR_UNSUPPORTED) {
            /* let the closed form say why, in the pool's terms */
            rule_status rs = rule_apply(&p->rule, claims, n, r->available, rr);
            rule_result_free(rr);
            if (rs != RULE_OK)
                return explain_rule(p, r, claims, n, rs, dl);
        }
        diag_add(dl, DIAG_ERROR, p->file, 0, 0, NULL, "%s: %s", model_strerror(ms), err);
        return -2; /* a fault, not the input's */
    }
    rule_status rs = rule_apply(&p->rule, claims, n, r->available, rr);
    if (rs == RULE_OK)
        return 0;
    return explain_rule(p, r, claims, n, rs, dl);
}

int alloc_run(const pool *p, const app_list *apps, alloc_method method,
              alloc_result *out, diag_list *dl)
{
    size_t n = apps->n;
    pulje_kr *claims = NULL, *grants = NULL;
    bool *aside = NULL;
    int failure = -2; /* until shown otherwise, a failure is a fault */
    rule_result rr;
    my_result my;
    alloc_result r;
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

    memset(out, 0, sizeof *out);
    memset(&r, 0, sizeof r);
    memset(&rr, 0, sizeof rr);
    memset(&my, 0, sizeof my);
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
    aside = calloc(n ? n : 1, sizeof *aside);
    r.lines = calloc(n ? n : 1, sizeof *r.lines);
    if (!claims || !grants || !aside || !r.lines) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        goto fail;
    }
    r.n_set_aside = multiyear_holders(p, p->commitments, apps, aside, dl);
    if (r.n_set_aside > 0 && !p->holders_set_aside) {
        failure = -1;
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        claims[i] = claim_of(&apps->v[i], aside[i]);
        r.applied_total += apps->v[i].applied;
        r.assessed_total += claims[i];
    }

    /* Earmarks first: what they leave unused may go back to the main pool. */
    if (earmark_distribute(p, apps, claims, method == ALLOC_MODEL, &r.em, dl) != 0)
        goto fail;
    for (size_t k = 0; k < r.em.n_earmarks; k++)
        if (p->earmark_defs[k].unused_to_main)
            r.earmark_returned += r.em.totals[k].unused;
    r.available += r.earmark_returned;

    phase_enter(PHASE_SOLVE);
    failure = share(p, method, claims, n, &r, &rr, dl);
    if (failure != 0)
        goto fail;
    failure = -2;
    phase_enter(PHASE_ROUND);
    if (round_shares(&rr, claims, p->rounding, r.available, grants, &r.residual) != 0) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "rounding failed (out of memory)");
        goto fail;
    }

    if (multiyear_choose(p, p->commitments, apps, grants, aside, method == ALLOC_MODEL, &my,
                         dl) != 0)
        goto fail;
    memcpy(r.my, my.y, sizeof r.my);
    r.cap_bp = my.cap_bp;
    r.n_my_requested = my.n_requested;
    r.n_my_honoured = my.n_honoured;
    r.my_by_model = my.by_model;

    r.rationed = rr.rationed;
    r.factor_num = rr.factor_num;
    r.factor_den = rr.factor_den;
    r.protected_total = rr.protected_sum;
    r.reducible_total = rr.reducible_sum;
    r.unshared = rr.unshared;
    for (size_t i = 0; i < n; i++) {
        alloc_line *l = &r.lines[i];
        l->claim = claims[i];
        l->grant = grants[i];
        l->reduction = claims[i] - grants[i];
        l->refused = claims[i] == 0;
        l->reduced = grants[i] < claims[i];
        l->years_asked = apps->v[i].years > 0 ? apps->v[i].years : 1;
        l->years = my.years[i];
        l->my = my.status[i];
        r.granted_total += grants[i];
        r.n_refused += l->refused;
        r.n_reduced += l->reduced;
        r.n_granted += grants[i] > 0;
    }
    rule_result_free(&rr);
    multiyear_free(&my);
    free(claims);
    free(grants);
    free(aside);
    *out = r;
    return 0;

fail:
    rule_result_free(&rr);
    multiyear_free(&my);
    free(claims);
    free(grants);
    free(aside);
    earmark_free(&r.em);
    free(r.lines);
    return failure;
}

int alloc_next_ledger(const pool *p, const app_list *apps, const alloc_result *r,
                      ledger *out)
{
    size_t n = r->n;
    pulje_kr *grants = malloc((n ? n : 1) * sizeof *grants);
    my_result my;
    int rc;

    memset(out, 0, sizeof *out);
    memset(&my, 0, sizeof my);
    my.n = n;
    my.status = malloc((n ? n : 1) * sizeof *my.status);
    my.years = malloc((n ? n : 1) * sizeof *my.years);
    if (!grants || !my.status || !my.years) {
        free(grants);
        multiyear_free(&my);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        grants[i] = r->lines[i].grant;
        my.status[i] = r->lines[i].my;
        my.years[i] = r->lines[i].years;
    }
    rc = multiyear_next_ledger(p, p->commitments, apps, grants, &my, out);
    free(grants);
    multiyear_free(&my);
    return rc;
}
