/* alloc.c - The allocation: from pool and applications to whole-krone grants. */
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "phase.h"
#include "rounding.h"
#include "rules.h"
#include "messages.h"

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

/* Explain why the protected claims cannot be met, in the pool's terms: the
 * rule's own words from its registry row, or that it cannot share. */
static void explain_protected(const pool *p, const alloc_result *r, pulje_kr prot,
                              diag_list *dl)
{
    const rule_def *d = rule_def_of(p->rule.kind);
    char b[MONEY_BUFSZ], msg[512];
    if (d && d->protected_why) {
        d->protected_why(&p->rule, prot, r->available, msg, sizeof msg);
        diag_add(dl, DIAG_ERROR, p->file, 0, 0, d->protected_hint, "%s", msg);
    } else {
        diag_add(dl, DIAG_ERROR, p->file, 0, 0, NULL,
                 "the rule cannot share DKK %s among the claims",
                 money_format_text(r->available, b));
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
                 "min_grant = DKK %s refuses every application: %s",
                 money_format_text(p->rule.min_grant, a),
                 p->rule.min_grant > largest
                     ? msg_tr("it is above every assessed amount")
                     : msg_tr("no share reaches it with the money available"));
        return -1;
    }
    if (rs == RULE_ERR_ARGS) {
        char why[256] = "invalid rule parameters", names[256], hint[300];
        rule_params_valid(&p->rule, why, sizeof why);
        snprintf(hint, sizeof hint, msg_tr("the rules are %s"),
                 rule_names_join(names, sizeof names, RULE_NAMES_ALL, MSG_N("and")));
        diag_add(dl, DIAG_ERROR, p->file, 0, 0, hint, "the rule failed: %s", why);
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

/* R0: a minimum or maximum must be a multiple of the rounding unit. Adds an
 * error naming the two nearest multiples and returns -1 when one is not. */
static int check_unit(const pool *p, const char *what, pulje_kr v, diag_list *dl)
{
    pulje_kr u = p->rounding;
    char a[MONEY_BUFSZ], lo[MONEY_BUFSZ], hi[MONEY_BUFSZ], ub[MONEY_BUFSZ];
    if (u <= 1 || v <= 0 || v % u == 0)
        return 0;
    diag_add(dl, DIAG_ERROR, p->file, 0, 0, "write a multiple of the rounding unit",
             "%s = DKK %s is not a multiple of the rounding unit DKK %s: DKK %s or DKK %s?", what,
             money_format_text(v, a), money_format_text(u, ub), money_format_text(v / u * u, lo),
             money_format_text(v / u * u + u, hi));
    return -1;
}

/* The exact share num/den in lowest terms. */
static void lowest_terms(pulje_wide *num, pulje_wide *den)
{
    pulje_wide a = *num < 0 ? -*num : *num, b = *den;
    while (b != 0) {
        pulje_wide t = a % b;
        a = b;
        b = t;
    }
    if (a > 1) {
        *num /= a;
        *den /= a;
    }
}

/* One ordinary pass: the rule shares r->available among claims, and R1-R4
 * round the shares with the cap min(claim, max_grant). Fills rr, grants,
 * steps and info; returns 0, -1 (input) or -2 (fault). */
static int ordinary_pass(const pool *p, alloc_method method, const pulje_kr *claims,
                         pulje_kr *caps, size_t n, alloc_result *r, rule_result *rr,
                         pulje_kr *grants, round_step *steps, round_info *info,
                         diag_list *dl)
{
    int rc;
    phase_enter(PHASE_SOLVE);
    rc = share(p, method, claims, n, r, rr, dl);
    if (rc != 0)
        return rc;
    phase_enter(PHASE_ROUND);
    for (size_t i = 0; i < n; i++)
        caps[i] = rr->rationed && p->rule.max_grant > 0 && p->rule.max_grant < claims[i]
                      ? p->rule.max_grant
                      : claims[i];
    if (round_shares_ex(rr, claims, caps, p->rounding, r->available, grants, steps, info) != 0) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "rounding failed (out of memory)");
        return -2;
    }
    return 0;
}

/* R4's warning: reduced grants the freed money could not raise. */
static void warn_out_of_order(const pool *p, const app_list *apps, const round_info *info,
                              pulje_kr residual, diag_list *dl)
{
    char list[512] = "", a[MONEY_BUFSZ];
    size_t shown = 0;
    for (size_t k = 0; k < info->n_unrepaired && shown < 10; k++, shown++) {
        size_t len = strlen(list);
        snprintf(list + len, sizeof list - len, "%s%s", k ? ", " : "",
                 apps->v[info->unrepaired[k]].nr);
    }
    if (info->n_unrepaired > shown) {
        size_t len = strlen(list);
        snprintf(list + len, sizeof list - len, msg_tr(" and %zu more"), info->n_unrepaired - shown);
    }
    diag_add(dl, DIAG_WARNING, p->file, 0, 0,
             "choose a smaller rounding unit in [rules] to keep larger claims at or above "
             "smaller ones paid in full",
             "the rounding leaves %zu reduced grant%s below a smaller claim paid in full "
             "(Nr %s): the DKK %s left after rounding could not raise them",
             info->n_unrepaired, info->n_unrepaired == 1 ? "" : "s", list,
             money_format_text(residual, a));
}

/* R5's warning: a large residual while the claims exceed the money. */
static void warn_residual(const pool *p, const app_list *apps, const rule_result *rr,
                          const pulje_kr *claims, const pulje_kr *caps,
                          const round_info *info, alloc_result *r, diag_list *dl)
{
    char res[MONEY_BUFSZ], pct[MONEY_BUFSZ], sh[64], ub[MONEY_BUFSZ], alt[MONEY_BUFSZ];
    char msg[1024];
    size_t len;
    pulje_kr u = p->rounding, rounding_part = r->residual - r->unshared;

    if (rounding_part >= r->unshared)
        snprintf(msg, sizeof msg, msg_tr("the rounding leaves DKK %s undistributed (%s of the "
                 "money for new grants)"), money_format_text(r->residual, res),
                 money_format_pct_text(r->residual, r->available, 1, pct));
    else
        snprintf(msg, sizeof msg,
                 msg_tr("%s DKK %s undistributed (%s of the money for new grants)"),
                 p->rule.max_grant > 0 && p->rule.min_grant > 0 ? "max_grant and min_grant leave"
                 : p->rule.max_grant > 0                         ? "max_grant leaves"
                                                                 : "min_grant leaves",
                 money_format_text(r->residual, res),
                 money_format_pct_text(r->residual, r->available, 1, pct));
    len = strlen(msg);
    if (info->stuck_size > 0) {
        size_t i = info->stuck_first;
        money_format_ratio_text(rr->num[i], rr->den, 2, sh);
        if (info->stuck_size == 1)
            snprintf(msg + len, sizeof msg - len, msg_tr(": Nr %s with share DKK %s could not take "
                     "a unit"), apps->v[i].nr, sh);
        else
            snprintf(msg + len, sizeof msg - len, msg_tr(": group of %zu applications with %sshare "
                     "DKK %s could not be served"), info->stuck_size,
                     info->stuck_equal ? "" : "the same remainder and largest ", sh);
        len = strlen(msg);
    }
    if (r->unshared > 0 && rounding_part >= r->unshared) {
        snprintf(msg + len, sizeof msg - len, msg_tr("; DKK %s of it no application can take under "
                 "%s"), money_format_text(r->unshared, res),
                 p->rule.max_grant > 0 && p->rule.min_grant > 0 ? "max_grant and min_grant"
                 : p->rule.max_grant > 0                         ? "max_grant"
                                                                 : "min_grant");
        len = strlen(msg);
    }
    if (u >= 10) {
        round_info alt_info;
        pulje_kr *g = malloc((r->n ? r->n : 1) * sizeof *g);
        if (g && round_shares_ex(rr, claims, caps, u / 10, r->available, g, NULL, &alt_info) ==
                     0) {
            snprintf(msg + len, sizeof msg - len,
                     msg_tr("; with unit %s the residual would be DKK %s"),
                     money_format_text(u / 10, ub), money_format_text(alt_info.residual, alt));
            round_info_free(&alt_info);
        }
        free(g);
    } else {
        snprintf(msg + len, sizeof msg - len, msg_tr("; DKK 1 is already the smallest unit"));
    }
    diag_add(dl, DIAG_WARNING, p->file, 0, 0,
             "choose a smaller rounding unit in [rules], or hand the residual out by hand",
             "%s", msg);
    r->residual_warned = true;
}

/* unused = main: a supplement decided on a grant that the recomputation
 * (with more money, but R3 is not monotone in it) rounded to 0 kr. stays,
 * as qualification is not revisited; say so. */
static void warn_supplements_without_grant(const pool *p, const app_list *apps,
                                           alloc_result *r, diag_list *dl)
{
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        char list[256] = "";
        size_t found = 0;
        for (size_t i = 0; i < r->n; i++) {
            const em_line *l = &r->em.lines[k * r->n + i];
            if (l->grant > 0 && r->lines[i].grant == 0) {
                size_t len = strlen(list);
                if (found < 10)
                    snprintf(list + len, sizeof list - len, "%s%s", found ? ", " : "",
                             apps->v[i].nr);
                found++;
            }
        }
        if (found == 0)
            continue;
        diag_add(dl, DIAG_WARNING, p->file, p->earmark_defs[k].line, 0,
                 "hand the supplement out by hand, choose a smaller rounding unit, or set "
                 "unused = residual",
                 "%zu application%s keep%s a supplement from [earmark %s] although %s ordinary "
                 "grant was rounded to DKK 0 when the unused earmark money was added (Nr %s%s)",
                 found, found == 1 ? "" : "s", found == 1 ? "s" : "", p->earmark_defs[k].key,
                 found == 1 ? "its" : "their", list, found > 10 ? ", ..." : "");
        }
}

/* The number of warnings in dl. */
static size_t count_warnings(const diag_list *dl)
{
    size_t w = 0;
    for (size_t i = 0; i < dl->n; i++)
        w += dl->v[i].level == DIAG_WARNING;
    return w;
}

/* The status of each line follows its final grant (see alloc.h). */
static void fill_lines(const pool *p, const app_list *apps, const pulje_kr *claims,
                       const bool *aside, const rule_result *rr, const pulje_kr *grants,
                       const round_step *steps, const my_result *my, alloc_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        alloc_line *l = &r->lines[i];
        const app *a = &apps->v[i];
        l->claim = claims[i];
        l->share_num = rr->num[i];
        l->share_den = rr->den;
        lowest_terms(&l->share_num, &l->share_den);
        l->cap = p->rule.max_grant > 0 && p->rule.max_grant < claims[i] ? p->rule.max_grant
                                                                         : claims[i];
        l->capped = rr->rationed && p->rule.max_grant > 0 && claims[i] > p->rule.max_grant &&
                    rr->num[i] == (pulje_wide)p->rule.max_grant * rr->den;
        l->step = (alloc_step)steps[i];
        l->grant = grants[i];
        l->reduction = claims[i] - grants[i];
        if (grants[i] > 0)
            l->why = ALLOC_REFUSE_NONE;
        else if (aside[i])
            l->why = ALLOC_REFUSE_HOLDER;
        else if ((a->refusal && a->refusal[0]) || claims[i] == 0)
            l->why = ALLOC_REFUSE_PANEL;
        else if (rr->rationed && p->rule.min_grant > 0 && rr->num[i] == 0)
            l->why = ALLOC_REFUSE_MIN_GRANT;
        else
            l->why = ALLOC_REFUSE_ROUNDED;
        l->refused = grants[i] == 0;
        l->reduced = grants[i] > 0 && grants[i] < claims[i];
        l->years_asked = a->years > 0 ? a->years : 1;
        l->years = my->years[i];
        l->my = my->status[i];
        r->granted_total += grants[i];
        r->n_refused += l->refused;
        r->n_reduced += l->reduced;
        r->n_granted += grants[i] > 0;
    }
}

/* alloc_run(), or with grants_out not NULL alloc_grants(): then the grants
 * and years are handed over instead of the lines made. */
static int run(const pool *p, const app_list *apps, alloc_method method, alloc_result *out,
               pulje_kr **grants_out, int **years_out, diag_list *dl)
{
    size_t n = apps->n;
    pulje_kr *claims = NULL, *grants = NULL, *caps = NULL, avail0;
    round_step *steps = NULL;
    bool *aside = NULL;
    int failure = -2; /* until shown otherwise, a failure is a fault */
    rule_result rr;
    round_info info;
    my_result my;
    alloc_result r;
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

    size_t warnings_before = count_warnings(dl);

    memset(out, 0, sizeof *out);
    memset(&r, 0, sizeof r);
    memset(&rr, 0, sizeof rr);
    memset(&info, 0, sizeof info);
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
                 "reservations and earmarks (DKK %s) exceed the budget (DKK %s)",
                 money_format_text(r.reserved_total + r.earmarked_total, a),
                 money_format_text(r.budget_total, b));
        return -1;
    }
    /* R0, for pools not read from a file (compare's sweeps, --rule) */
    int bad = check_unit(p, "min_grant", p->rule.min_grant, dl) +
              check_unit(p, "max_grant", p->rule.max_grant, dl);
    for (size_t k = 0; k < p->n_earmark_defs; k++)
        bad += check_unit(p, "the earmark's min", p->earmark_defs[k].min_supp, dl) +
               check_unit(p, "the earmark's max", p->earmark_defs[k].max_supp, dl);
    if (bad)
        return -1;
    avail0 = r.available;

    claims = malloc((n ? n : 1) * sizeof *claims);
    grants = malloc((n ? n : 1) * sizeof *grants);
    caps = malloc((n ? n : 1) * sizeof *caps);
    steps = malloc((n ? n : 1) * sizeof *steps);
    aside = calloc(n ? n : 1, sizeof *aside);
    if (!claims || !grants || !caps || !steps || !aside) {
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

    /* Ordinary grants with the earmarks reserved; then the supplements, to
     * the applications with a grant; then, with unused = main, the unused
     * earmark money added and the ordinary grants recomputed (who has a
     * supplement is not revisited). */
    failure = ordinary_pass(p, method, claims, caps, n, &r, &rr, grants, steps, &info, dl);
    if (failure != 0)
        goto fail;
    if (p->n_earmark_defs > 0) {
        failure = earmark_distribute(p, apps, grants, method == ALLOC_MODEL, &r.em, dl);
        if (failure != 0)
            goto fail;
        for (size_t k = 0; k < r.em.n_earmarks; k++)
            if (p->earmark_defs[k].unused_to_main)
                r.earmark_returned += r.em.totals[k].unused;
        if (r.earmark_returned > 0) {
            rule_result_free(&rr);
            round_info_free(&info);
            r.available = avail0 + r.earmark_returned;
            failure = ordinary_pass(p, method, claims, caps, n, &r, &rr, grants, steps, &info,
                                    dl);
            if (failure != 0)
                goto fail;
        }
    }
    failure = -2;
    r.residual = info.residual;

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
    if (grants_out) {
        /* alloc_grants(): the grants and years themselves, no lines */
        *grants_out = grants;
        *years_out = my.years;
        grants = NULL;
        my.years = NULL;
        goto done;
    }
    /* the lines only now, so that they and the rounding's working arrays are
     * never held at once (the cross-check's second run: issue 18) */
    r.lines = calloc(n ? n : 1, sizeof *r.lines);
    if (!r.lines) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        goto fail;
    }
    fill_lines(p, apps, claims, aside, &rr, grants, steps, &my, &r);

    warn_supplements_without_grant(p, apps, &r, dl);
    r.n_out_of_order = info.n_unrepaired;
    if (info.n_unrepaired > 0)
        warn_out_of_order(p, apps, &info, r.residual, dl);
    if (r.rationed && r.residual >= 10 * p->rounding &&
        (pulje_wide)r.residual * 1000 >= (pulje_wide)r.available)
        warn_residual(p, apps, &rr, claims, caps, &info, &r, dl);
    r.n_warnings = count_warnings(dl) - warnings_before;

done:
    rule_result_free(&rr);
    round_info_free(&info);
    multiyear_free(&my);
    free(claims);
    free(grants);
    free(caps);
    free(steps);
    free(aside);
    *out = r;
    return 0;

fail:
    rule_result_free(&rr);
    round_info_free(&info);
    multiyear_free(&my);
    free(claims);
    free(grants);
    free(caps);
    free(steps);
    free(aside);
    earmark_free(&r.em);
    free(r.lines);
    return failure;
}

int alloc_run(const pool *p, const app_list *apps, alloc_method method,
              alloc_result *out, diag_list *dl)
{
    return run(p, apps, method, out, NULL, NULL, dl);
}

int alloc_grants(const pool *p, const app_list *apps, alloc_method method,
                 alloc_result *out, pulje_kr **grants, int **years, diag_list *dl)
{
    *grants = NULL;
    *years = NULL;
    return run(p, apps, method, out, grants, years, dl);
}

int alloc_write_next_ledger(const char *path, const pool *p, const app_list *apps,
                            const alloc_result *r, char *err, size_t errsz)
{
    size_t n = r->n;
    pulje_kr *grants = malloc((n ? n : 1) * sizeof *grants);
    my_result my;
    int rc;

    memset(&my, 0, sizeof my);
    my.n = n;
    my.status = malloc((n ? n : 1) * sizeof *my.status);
    my.years = malloc((n ? n : 1) * sizeof *my.years);
    if (!grants || !my.status || !my.years) {
        free(grants);
        multiyear_free(&my);
        snprintf(err, errsz, "%s", msg_tr("out of memory"));
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        grants[i] = r->lines[i].grant;
        my.status[i] = r->lines[i].my;
        my.years[i] = r->lines[i].years;
    }
    rc = multiyear_write_next_ledger(path, p, p->commitments, apps, grants, &my, err, errsz);
    free(grants);
    multiyear_free(&my);
    return rc;
}
