/* earmark.c - Earmarked money handed out as supplements, tier by tier. */
#include "earmark.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "rounding.h"
#include "rules.h"
#include "messages.h"

void earmark_free(em_result *r)
{
    free(r->totals);
    free(r->lines);
    memset(r, 0, sizeof *r);
}

int earmark_tier(const pool_earmark *e, unsigned criteria)
{
    if ((criteria & e->required) != e->required)
        return 0;
    for (size_t t = 0; t < e->n_tiers; t++)
        if ((criteria & e->tiers[t]) == e->tiers[t])
            return (int)t + 1;
    return 0;
}

size_t earmark_validate(const pool *p, const app_list *apps, diag_list *dl)
{
    size_t errors = 0;
    for (size_t k = 0; k < p->n_earmark_defs; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        for (size_t i = 0; i < apps->n; i++) {
            const app *a = &apps->v[i];
            if (!a->supp_asked || a->supp_asked[k] == 0)
                continue;
            if ((a->criteria[k] & e->required) != e->required) {
                char hint[512];
                snprintf(hint, sizeof hint, "%s",
                         msg_tr("a supplement needs every required criterion answered ja:"));
                for (size_t c = 0; c < e->n_criteria; c++) {
                    if (!(e->required & (1u << c)))
                        continue;
                    strncat(hint, " ", sizeof hint - strlen(hint) - 1);
                    strncat(hint, e->criteria[c].key, sizeof hint - strlen(hint) - 1);
                }
                strncat(hint, msg_tr("; or leave the supplement empty"),
                        sizeof hint - strlen(hint) - 1);
                diag_add(dl, DIAG_ERROR, apps->file, a->line, a->supp_col ? a->supp_col[k] : 0,
                         hint, "Nr %s asks for a supplement from \"%s\" but does not meet its "
                         "required criteria", a->nr, e->label ? e->label : e->key);
                errors++;
            }
            if (a->supp_assessed && a->supp_assessed[k] > a->supp_asked[k]) {
                diag_add(dl, DIAG_ERROR, apps->file, a->line,
                         a->supp_col ? a->supp_col[k] + 1 : 0,
                         "the assessed supplement may not exceed the supplement asked for",
                         "Nr %s: supplement assessed above the supplement asked", a->nr);
                errors++;
            }
        }
    }
    return errors;
}

/* Share `money` among one tier's claims by the pool's rule, with the
 * earmark's own min and max (none apply otherwise), rounded by R1-R4 with
 * the assessed supplement (or max) as cap; writes the grants and the lines'
 * shares, caps and steps. Returns what rounding leaves, -1 when every share
 * would fall below the earmark's minimum (an error in dl), -2 on a fault. */
static pulje_kr ration(const pool *p, const pool_earmark *e, const pulje_kr *claims,
                       size_t n, pulje_kr money, pulje_kr *grants, em_line *lines,
                       const size_t *idx, int use_model, em_total *tot, diag_list *dl)
{
    rule_result rr, check;
    rule_params rp = p->rule;
    round_info info;
    rule_status rs;
    pulje_kr residual = 0;
    pulje_kr *caps = malloc((n ? n : 1) * sizeof *caps);
    round_step *steps = malloc((n ? n : 1) * sizeof *steps);
    char err[256] = "", a[MONEY_BUFSZ], b[MONEY_BUFSZ];

    memset(&rr, 0, sizeof rr);
    memset(&check, 0, sizeof check);
    if (!caps || !steps) {
        free(caps);
        free(steps);
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        return -2;
    }
    rp.min_grant = e->min_supp;
    rp.max_grant = e->max_supp;
    rs = rule_apply(&rp, claims, n, money, &check);
    if (rs == RULE_ERR_PROTECTED) {
        rp.kind = RULE_PROPORTIONAL; /* the rule would protect more than is left */
        tot->proportional_fallback = true;
        rule_result_free(&check);
        rs = rule_apply(&rp, claims, n, money, &check);
    }
    rule_result_free(&check);
    if (rs == RULE_ERR_MIN_GRANT) {
        diag_add(dl, DIAG_ERROR, p->file, e->min_line, 0,
                 "lower min in the earmark's section, or give the earmark more money",
                 "[earmark %s]: every supplement share in the tier where the money runs out "
                 "would fall below min = DKK %s (DKK %s left for the tier), so no supplement "
                 "can be given there", e->key, money_format_text(e->min_supp, a),
                 money_format_text(money, b));
        free(caps);
        free(steps);
        return -1;
    }
    if (use_model) {
        model_status ms = model_solve(&rp, claims, n, money, &rr, err, sizeof err);
        if (ms != MODEL_OK) {
            diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "earmark: %s: %s", model_strerror(ms), err);
            free(caps);
            free(steps);
            return -2;
        }
    } else if (rule_apply(&rp, claims, n, money, &rr) != RULE_OK) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "earmark: the rule failed");
        free(caps);
        free(steps);
        return -2;
    }
    for (size_t j = 0; j < n; j++)
        caps[j] = e->max_supp > 0 && e->max_supp < claims[j] ? e->max_supp : claims[j];
    if (round_shares_ex(&rr, claims, caps, p->rounding, money, grants, steps, &info) != 0) {
        rule_result_free(&rr);
        free(caps);
        free(steps);
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        return -2;
    }
    residual = info.residual;
    round_info_free(&info);
    for (size_t j = 0; j < n; j++) {
        em_line *l = &lines[idx[j]];
        l->share_num = rr.num[j];
        l->share_den = rr.den;
        l->cap = caps[j];
        l->step = (int)steps[j];
    }
    tot->factor_num = rr.factor_num;
    tot->factor_den = rr.factor_den;
    rule_result_free(&rr);
    free(caps);
    free(steps);
    return residual;
}

/* Hand out earmark k. Returns 0 or -1. */
static int distribute_one(const pool *p, size_t k, const app_list *apps,
                          const pulje_kr *main_grants, int use_model, em_result *r,
                          diag_list *dl)
{
    const pool_earmark *e = &p->earmark_defs[k];
    size_t n = apps->n;
    em_line *lines = &r->lines[k * n];
    em_total *tot = &r->totals[k];
    pulje_kr left = e->amount;
    pulje_kr *claims = malloc((n ? n : 1) * sizeof *claims);
    pulje_kr *grants = malloc((n ? n : 1) * sizeof *grants);
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    int rc = 0;

    if (!claims || !grants || !idx) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        rc = -2;
        goto done;
    }
    tot->money = e->amount;
    for (size_t i = 0; i < n; i++) {
        const app *a = &apps->v[i];
        em_line *l = &lines[i];
        pulje_kr asked = a->supp_asked ? a->supp_asked[k] : 0;
        memset(l, 0, sizeof *l);
        if (asked <= 0)
            continue;
        tot->asked += asked;
        l->basis = main_grants[i];
        if (main_grants[i] <= 0) {
            l->status = EM_NO_GRANT;
            continue;
        }
        l->tier = earmark_tier(e, a->criteria[k]);
        if (l->tier == 0) {
            l->status = EM_NOT_ELIGIBLE;
            continue;
        }
        l->claim = a->supp_assessed && a->supp_assessed[k] >= 0 ? a->supp_assessed[k] : asked;
        l->share_num = l->claim;
        l->share_den = 1;
        l->cap = l->claim;
        tot->assessed += l->claim;
    }
    for (int t = 1; t <= (int)e->n_tiers; t++) {
        size_t m = 0;
        pulje_kr sum = 0;
        for (size_t i = 0; i < n; i++) {
            if (lines[i].tier == t && lines[i].claim > 0) {
                idx[m] = i;
                claims[m++] = lines[i].claim;
                sum += lines[i].claim;
            }
        }
        if (m == 0)
            continue;
        if (tot->rationed_tier) { /* the money ran out in an earlier tier */
            for (size_t j = 0; j < m; j++)
                lines[idx[j]].status = EM_MONEY_GONE;
            continue;
        }
        if (sum <= left) {
            for (size_t j = 0; j < m; j++) {
                lines[idx[j]].grant = claims[j];
                lines[idx[j]].status = EM_GRANTED;
            }
            left -= sum;
            continue;
        }
        tot->rationed_tier = t;
        pulje_kr rest = ration(p, e, claims, m, left, grants, lines, idx, use_model, tot, dl);
        if (rest < 0) {
            rc = (int)rest;
            goto done;
        }
        for (size_t j = 0; j < m; j++) {
            lines[idx[j]].grant = grants[j];
            lines[idx[j]].status = grants[j] < claims[j] ? EM_REDUCED : EM_GRANTED;
        }
        left = rest;
    }
    for (size_t i = 0; i < n; i++)
        tot->granted += lines[i].grant;
    tot->unused = e->amount - tot->granted;

done:
    free(claims);
    free(grants);
    free(idx);
    return rc;
}

int earmark_distribute(const pool *p, const app_list *apps, const pulje_kr *grants,
                       int use_model, em_result *out, diag_list *dl)
{
    em_result r;
    size_t k_n = p->n_earmark_defs, n = apps->n;

    memset(out, 0, sizeof *out);
    memset(&r, 0, sizeof r);
    r.n_earmarks = k_n;
    r.n_apps = n;
    r.totals = calloc(k_n ? k_n : 1, sizeof *r.totals);
    r.lines = calloc(k_n * n > 0 ? k_n * n : 1, sizeof *r.lines);
    if (!r.totals || !r.lines) {
        earmark_free(&r);
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        return -2;
    }
    for (size_t k = 0; k < k_n; k++) {
        int rc = distribute_one(p, k, apps, grants, use_model, &r, dl);
        if (rc != 0) {
            earmark_free(&r);
            return rc;
        }
    }
    *out = r;
    return 0;
}
