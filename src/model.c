/* model.c - The allocation as a GLPK model: solve, then recover the exact answer.
 *
 * A rule's formulation is its registry row's `model` (rules.h, rule_model);
 * model_base() switches on it in one place.
 *
 * The factor rules (threshold, proportional, excess):
 * Variables: f, the common factor on the reducible claims, 0 <= f <= 1.
 * Objective: maximise f.
 * Budget row: reducible * f <= money - protected, in kroner.
 * One-year claims enter the model only through their sums, so its size does
 * not depend on how many there are. The float simplex solves it and GLPK's
 * exact rational simplex (glp_exact) polishes the answer. The exact factor
 * is one of two candidates, 1 or (money - protected) / reducible; the
 * solver's active bound says which to try first, and each is checked in
 * integers (feasible and the budget or the bound tight).
 *
 * cea (and talmud, which is cea on half claims, in doubled units) and cel,
 * on the k positive claims sorted ascending, s_0 <= ... <= s_{k-1}:
 * Variables: d_t in [0, s_t - s_{t-1}] (s_{-1} = 0), the part of the common
 * level L that lies between claims t - 1 and t; each krone of it is paid
 * to each of the k - t claims at or above it.
 * Row: sum (k - t) d_t = money.
 * cea: minimise sum d_t, which is L: the cheapest krone of L is the one
 * shared by the most claims, so the segments fill from the bottom, and the
 * least L whose shares min(c_i, L) reach the money is the rule's ceiling.
 * cel: maximise sum d_t = s_{k-1} - L: the segments fill from the top, the
 * remainders max(0, c_i - L) reach the money, and L is the least common cut.
 * One row, k columns: GLPK's dual simplex with the long-step ratio test
 * solves it in a few iterations (3.000 claims in about a millisecond; the
 * earlier model with a row per claim took half a second), in millions of
 * kroner.
 *
 * Exact recovery for cea/cel: the solver's L names a candidate j, the
 * number of claims below it: the j smallest at their bound (paid in full
 * under cea, 0 under cel) and L exactly (money - the j smallest) / (k - j),
 * resp. (the k - j largest - money) / (k - j), in 128-bit integers. A
 * candidate is the answer when L lies between the j-th and the (j+1)-th
 * claim; otherwise the check says on which side the answer lies and the
 * neighbouring candidates are tried, galloping and then halving, so a
 * solver off by 1e-8 (money barely short, a claim of 10^12 kr. beside 1-kr.
 * claims, large groups of equal claims) costs a few more checks, never a
 * fault. The shares built from L must then sum to the money exactly.
 *
 * A pool is infeasible when its protected claims exceed the money, decided
 * in integers: GLPK's tolerances neither make nor unmake an infeasibility.
 * GLPK's own faults (an internal error, a failure code, no optimum) are
 * errors, never abort().
 *
 * The options min_grant and max_grant are applied around the model by
 * rule_apply_with(), the same integer iteration the closed form uses; each
 * sharing inside it is solved by GLPK.
 *
 * Multi-year choice: small models in rank order, one per run of requests
 * that fit together and one per request that does not (the lexicographic
 * optimum, exact at any number of requests); see model_ranked.c. The GLPK
 * set-up both use is declared in model_internal.h. */
#include "model.h"
#include "model_internal.h"
#include "messages.h"

#include <glpk.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Scale of the cea/cel models' money: one unit is 1.000.000 kr. */
#define MODEL_SCALE 1e6

const char *model_strerror(model_status st)
{
    switch (st) {
    case MODEL_OK:              return msg_tr("ok");
    case MODEL_ERR_NOMEM:       return msg_tr("out of memory");
    case MODEL_ERR_SOLVER:      return msg_tr("the GLPK solver failed");
    case MODEL_ERR_INFEASIBLE:  return msg_tr("no allocation satisfies the rules");
    case MODEL_ERR_MISMATCH:    return msg_tr("the solver's answer does not match the exact optimum");
    case MODEL_ERR_UNSUPPORTED: return msg_tr("the rule cannot be expressed in the model");
    }
    return msg_tr("unknown model status");
}

/* GLPK calls this on an internal fault instead of abort(): free its
 * environment and jump back into model_solve(). */
static void model_error_hook(void *info)
{
    jmp_buf *back = info;
    glp_free_env();
    longjmp(*back, 1);
}

/* GLPK's terminal output goes nowhere. */
static int model_silence(void *info, const char *s)
{
    (void)info;
    (void)s;
    return 1; /* non-zero: GLPK prints nothing itself */
}

/* model_internal.h: faults to back (model_error_hook), terminal silenced. */
void model_glpk_begin(jmp_buf *back)
{
    glp_error_hook(model_error_hook, back);
    glp_term_hook(model_silence, NULL);
    glp_term_out(GLP_OFF);
}

/* model_internal.h: undo model_glpk_begin(). */
void model_glpk_end(glp_prob *lp, int *ind, double *val)
{
    if (lp)
        glp_delete_prob(lp);
    glp_error_hook(NULL, NULL);
    free(ind);
    free(val);
}

/* The simplex as the factor model runs it: scaled, the advanced initial
 * basis, no messages, no presolver (it keeps a column bound when the implied
 * one is only slightly tighter: a factor of 0,9996 came back as 1). Returns
 * glp_simplex's code. */
static int run_simplex(glp_prob *lp)
{
    glp_smcp parm;

    glp_scale_prob(lp, GLP_SF_AUTO);
    glp_adv_basis(lp, 0);
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    return glp_simplex(lp, &parm);
}

/* model_internal.h */
void model_set_err(char *err, size_t errsz, const char *msg)
{
    if (err && errsz)
        snprintf(err, errsz, "%s", msg);
}

/* model_internal.h: row buffers from index 1. */
int model_alloc_rows(size_t n, int **ind, double **val, char *err, size_t errsz)
{
    *ind = malloc((n + 1) * sizeof **ind);
    *val = malloc((n + 1) * sizeof **val);
    if (*ind && *val)
        return 0;
    free(*ind);
    free(*val);
    *ind = NULL;
    *val = NULL;
    model_set_err(err, errsz, "out of memory");
    return -1;
}

/* Polish the float simplex's optimum with GLPK's exact rational simplex,
 * from the basis it left. The data must be exact in doubles (whole kroner
 * below 2^53). Returns glp_exact's code; a failure leaves the float answer,
 * which only guides the exact recovery. */
static int run_exact(glp_prob *lp)
{
    glp_smcp parm;

    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    return glp_exact(lp, &parm);
}

/* Solve max f s.t. red*f <= money-prot, 0<=f<=1 (in kroner). On MODEL_OK,
 * *at_one says whether the solver's optimum has f at its bound 1 (else the
 * budget binds); *nofeas that GLPK found no feasible f (the caller decides
 * that in integers). */
static model_status solve_factor(pulje_kr prot, pulje_kr red, pulje_kr money,
                                 int *at_one, int *nofeas, char *err, size_t errsz)
{
    jmp_buf back;
    glp_prob *volatile lp = NULL;
    int ind[2] = {0, 1};
    double val[2] = {0, 0};
    int rc, status;

    if (setjmp(back)) {
        /* the hook already freed GLPK's environment and every object in it */
        model_glpk_end(NULL, NULL, NULL);
        model_set_err(err, errsz, "GLPK reported an internal error while solving the allocation");
        return MODEL_ERR_SOLVER;
    }
    model_glpk_begin(&back);

    lp = glp_create_prob();
    glp_set_prob_name(lp, "pulje");
    glp_set_obj_dir(lp, GLP_MAX);
    glp_add_cols(lp, 1);
    glp_set_col_name(lp, 1, "factor");
    glp_set_col_bnds(lp, 1, GLP_DB, 0.0, 1.0);
    glp_set_obj_coef(lp, 1, 1.0);
    glp_add_rows(lp, 1);
    glp_set_row_name(lp, 1, "budget");
    glp_set_row_bnds(lp, 1, GLP_UP, 0.0, (double)(money - prot));
    val[1] = (double)red;
    glp_set_mat_row(lp, 1, 1, ind, val);

    rc = run_simplex(lp);
    if (rc != 0) {
        model_glpk_end(lp, NULL, NULL);
        snprintf(err, errsz, msg_tr("GLPK's simplex failed (code %d)"), rc);
        return MODEL_ERR_SOLVER;
    }
    status = glp_get_status(lp);
    if (status == GLP_OPT || status == GLP_NOFEAS) {
        /* exact arithmetic on the same model, from the float basis */
        if (run_exact(lp) == 0) {
            int exact = glp_get_status(lp);
            if (exact == GLP_OPT || exact == GLP_NOFEAS)
                status = exact;
        }
    }
    if (status != GLP_OPT && status != GLP_NOFEAS) {
        model_glpk_end(lp, NULL, NULL);
        snprintf(err, errsz, msg_tr("GLPK found no optimal allocation (status %d)"), status);
        return MODEL_ERR_SOLVER;
    }
    *nofeas = status == GLP_NOFEAS;
    *at_one = status == GLP_OPT && (glp_get_col_stat(lp, 1) == GLP_NU ||
                                    glp_get_col_prim(lp, 1) >= 1.0);
    model_glpk_end(lp, NULL, NULL);
    return MODEL_OK;
}

/* The factor rules: one variable. */
static model_status solve_factor_rule(const rule_params *p, const pulje_kr *claims,
                                      size_t n, pulje_kr money, rule_result *out,
                                      char *err, size_t errsz)
{
    pulje_kr prot = 0, red = 0, fnum = 0, fden = 1;
    int at_one = 0, nofeas = 0, found = 0;
    model_status st;
    rule_status rs;
    rule_result probe;

    memset(out, 0, sizeof *out);
    /* Let the closed form classify claims (protected or reducible) for us,
     * with the factor 1: that is pure bookkeeping, no rule decision. */
    rs = rule_shares_from_factor(p, claims, n, 1, 1, &probe);
    if (rs != RULE_OK) {
        model_set_err(err, errsz, rule_strerror(rs));
        return rs == RULE_ERR_NOMEM ? MODEL_ERR_NOMEM : MODEL_ERR_UNSUPPORTED;
    }
    prot = probe.protected_sum;
    red = probe.reducible_sum;
    rule_result_free(&probe);
    if (money < 0) {
        model_set_err(err, errsz, "negative money");
        return MODEL_ERR_INFEASIBLE;
    }

    st = solve_factor(prot, red, money, &at_one, &nofeas, err, errsz);
    if (st != MODEL_OK)
        return st;
    /* Feasibility in integers: a krone over is over, whatever the solver's
     * tolerance made of it. */
    if (prot > money) {
        model_set_err(err, errsz, "the protected claims alone exceed the money");
        return MODEL_ERR_INFEASIBLE;
    }
    /* The exact factor: the candidate of the solver's active bound first,
     * then the other; each checked in integers. f = 1 is optimal when it is
     * feasible (everything fits); f = (money - prot) / red when that is at
     * most 1: the budget is then tight, so no larger f is feasible. */
    for (int t = 0; t < 2 && !found; t++) {
        int one = (t == 0) == (at_one || nofeas);
        if (one && (pulje_wide)prot + red <= money) {
            fnum = 1;
            fden = 1;
            found = 1;
        } else if (!one && red > 0 && money - prot <= red) {
            fnum = money - prot;
            fden = red;
            found = 1;
        }
    }
    if (!found) {
        /* cannot happen: prot <= money, so one of the two holds */
        model_set_err(err, errsz, "no exact factor satisfies the solver's model");
        return MODEL_ERR_MISMATCH;
    }
    rs = rule_shares_from_factor(p, claims, n, fnum, fden, out);
    if (rs != RULE_OK) {
        model_set_err(err, errsz, rule_strerror(rs));
        return rs == RULE_ERR_NOMEM ? MODEL_ERR_NOMEM : MODEL_ERR_UNSUPPORTED;
    }
    return MODEL_OK;
}

/* Solve the cea (cel = 0) or cel (cel = 1) LP on k positive claims c sorted
 * ascending, with money m (0 <= m <= sum c). On MODEL_OK, *hint is the
 * number of claims below the solver's level L, or k + 1 when GLPK found the
 * model infeasible within its tolerances (it is not: m <= sum c, so the
 * exact recovery goes on without a hint). */
static model_status solve_lambda_lp(int cel, const pulje_kr *c, size_t k, pulje_wide m,
                                    size_t *hint, char *err, size_t errsz)
{
    jmp_buf back;
    glp_prob *volatile lp = NULL;
    int *ind = NULL;
    double *val = NULL;
    int rc, status;
    glp_smcp parm;

    if (model_alloc_rows(k, &ind, &val, err, errsz) != 0)
        return MODEL_ERR_NOMEM;
    if (setjmp(back)) {
        model_glpk_end(NULL, ind, val);
        model_set_err(err, errsz, "GLPK reported an internal error while solving the allocation");
        return MODEL_ERR_SOLVER;
    }
    model_glpk_begin(&back);

    /* Segment t lies between claims t - 1 and t (claim -1 = 0 kr.); every
     * krone of L in it goes to each of the k - t claims at or above it. */
    lp = glp_create_prob();
    glp_set_prob_name(lp, cel ? "pulje-cel" : "pulje-cea");
    glp_set_obj_dir(lp, cel ? GLP_MAX : GLP_MIN);
    glp_add_cols(lp, (int)k);
    for (size_t t = 0; t < k; t++) {
        pulje_kr w = c[t] - (t > 0 ? c[t - 1] : 0);
        if (w > 0)
            glp_set_col_bnds(lp, (int)t + 1, GLP_DB, 0.0, (double)w / MODEL_SCALE);
        else
            glp_set_col_bnds(lp, (int)t + 1, GLP_FX, 0.0, 0.0);
        glp_set_obj_coef(lp, (int)t + 1, 1.0);
        ind[t + 1] = (int)t + 1;
        val[t + 1] = (double)(k - t);
    }
    glp_add_rows(lp, 1);
    glp_set_row_name(lp, 1, "budget");
    glp_set_row_bnds(lp, 1, GLP_FX, (double)m / MODEL_SCALE, (double)m / MODEL_SCALE);
    glp_set_mat_row(lp, 1, (int)k, ind, val);

    /* The dual simplex from a dual feasible start (cea: every segment
     * empty; cel: every one full), with the long-step ratio test: the
     * segments are passed in bulk, not one pivot each. No scaling (it
     * would shrink the objective below the dual tolerance) and no
     * presolver. */
    glp_std_basis(lp);
    if (cel)
        for (size_t t = 0; t < k; t++)
            if (c[t] > (t > 0 ? c[t - 1] : 0))
                glp_set_col_stat(lp, (int)t + 1, GLP_NU);
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    parm.meth = GLP_DUALP;
    parm.r_test = GLP_RT_FLIP;
    rc = glp_simplex(lp, &parm);
    status = rc == 0 ? glp_get_status(lp) : 0;
    if (rc != 0 || (status != GLP_OPT && status != GLP_NOFEAS)) {
        model_glpk_end(lp, ind, val);
        if (rc != 0)
            snprintf(err, errsz, msg_tr("GLPK's simplex failed (code %d)"), rc);
        else
            snprintf(err, errsz, msg_tr("GLPK found no optimal allocation (status %d)"), status);
        return MODEL_ERR_SOLVER;
    }
    if (status == GLP_NOFEAS) {
        *hint = k + 1;
    } else {
        /* cea: L is the filled segments; cel: the largest claim less them */
        double lam = glp_get_obj_val(lp) * MODEL_SCALE;
        size_t lo = 0, hi = k;
        if (cel)
            lam = (double)c[k - 1] - lam;
        while (lo < hi) { /* the claims below lam */
            size_t mid = lo + (hi - lo) / 2;
            if ((double)c[mid] < lam)
                lo = mid + 1;
            else
                hi = mid;
        }
        *hint = lo;
    }
    model_glpk_end(lp, ind, val);
    return MODEL_OK;
}

/* The candidates of the exact recovery: k positive claims s sorted
 * ascending, pre[j] = s[0] + ... + s[j-1], money m with 0 <= m <= pre[k]. */
typedef struct level_ctx {
    const pulje_kr *s;
    const pulje_wide *pre;
    size_t k;
    pulje_wide m;
    int cel;
} level_ctx;

/* The level of candidate j (0 <= j < k): the j smallest claims at their
 * bound, the k - j others at the level. cea: L = (m - pre[j]) / (k - j);
 * cel: L = (pre[k] - pre[j] - m) / (k - j). */
static void level_of(const level_ctx *x, size_t j, pulje_wide *num, pulje_wide *den)
{
    *den = (pulje_wide)(x->k - j);
    *num = x->cel ? x->pre[x->k] - x->pre[j] - x->m : x->m - x->pre[j];
}

/* Candidate j holds too few claims at their bound: its level lies above
 * claim j (cea: claim j would get more than it asked; cel: less than 0).
 * True for every j below the answer, false from it on (sum min(c, L) and
 * sum max(0, c - L) are monotone in L), and false at j = k - 1. */
static bool too_few(const level_ctx *x, size_t j)
{
    pulje_wide num, den;
    level_of(x, j, &num, &den);
    return num > den * x->s[j];
}

/* The exact answer: the least j that is not too_few(), searched from the
 * solver's j0 outwards (galloping to bracket, then halving). *tries counts
 * the candidates checked. */
static size_t recover_level(const level_ctx *x, size_t j0, size_t *tries)
{
    long long lo = -1, hi = (long long)x->k - 1, step = 1, j;

    /* invariant: too_few(lo) (lo = -1: before the first), !too_few(hi) */
    j = j0 < x->k ? (long long)j0 : hi;
    (*tries)++;
    if (too_few(x, (size_t)j)) {
        lo = j;
        while (lo + step < hi) {
            long long c = lo + step;
            (*tries)++;
            if (!too_few(x, (size_t)c)) {
                hi = c;
                break;
            }
            lo = c;
            step *= 2;
        }
    } else {
        hi = j;
        while (hi - step > lo) {
            long long c = hi - step;
            (*tries)++;
            if (too_few(x, (size_t)c)) {
                lo = c;
                break;
            }
            hi = c;
            step *= 2;
        }
    }
    while (hi - lo > 1) {
        long long mid = lo + (hi - lo) / 2;
        (*tries)++;
        if (too_few(x, (size_t)mid))
            lo = mid;
        else
            hi = mid;
    }
    return (size_t)hi;
}

static int cmp_kr(const void *pa, const void *pb)
{
    pulje_kr a = *(const pulje_kr *)pa, b = *(const pulje_kr *)pb;
    return (a > b) - (a < b);
}

/* cea, cel and talmud: solve the LP, recover L exactly from its active set
 * (and its neighbours), check it, and build the shares from it. */
static model_status solve_lambda_rule(const rule_params *p, const pulje_kr *claims,
                                      size_t n, pulje_kr money, rule_result *out,
                                      char *err, size_t errsz)
{
    pulje_kr total = 0, *c = NULL;
    pulje_wide *pre = NULL;
    size_t k = 0, n_at = 0, j, tries = 0;
    pulje_wide m, lnum, lden;
    rule_model form = rule_def_of(p->kind)->model;
    int cel = form == RULE_MODEL_CUT;
    model_status st;
    rule_status rs;

    for (size_t i = 0; i < n; i++)
        total += claims[i];
    if (total <= money) {
        rs = rule_apply(&(rule_params){p->kind, p->threshold, 0, 0}, claims, n, money, out);
        if (rs != RULE_OK)
            model_set_err(err, errsz, rule_strerror(rs));
        return rs == RULE_OK ? MODEL_OK : rs == RULE_ERR_NOMEM ? MODEL_ERR_NOMEM
                                                               : MODEL_ERR_UNSUPPORTED;
    }
    /* talmud: cea on the half claims, in doubled units */
    m = money;
    if (form == RULE_MODEL_HALF_CEILING)
        m = 2 * (pulje_wide)money <= total ? 2 * (pulje_wide)money
                                           : 2 * ((pulje_wide)total - money);
    c = calloc(n ? n : 1, sizeof *c);
    pre = calloc(n + 1, sizeof *pre);
    if (!c || !pre) {
        free(c);
        free(pre);
        model_set_err(err, errsz, "out of memory");
        return MODEL_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        if (claims[i] > 0)
            c[k++] = claims[i];
    /* total > money >= 0, so k >= 1 and 0 <= m <= sum c */
    qsort(c, k, sizeof *c, cmp_kr);
    for (size_t i = 0; i < k; i++)
        pre[i + 1] = pre[i] + c[i];
    st = solve_lambda_lp(cel, c, k, m, &n_at, err, errsz);
    if (st != MODEL_OK)
        goto done;

    level_ctx x = {c, pre, k, m, cel};
    /* no hint when GLPK called the model infeasible: start in the middle */
    j = recover_level(&x, n_at <= k ? n_at : k / 2, &tries);
    level_of(&x, j, &lnum, &lden);
    /* the certificate: claim j at or above L, claim j - 1 at or below it */
    if (lnum < 0 || lnum > lden * c[j] || (j > 0 && lnum < lden * c[j - 1])) {
        model_set_err(err, errsz, "no exact level satisfies the solver's model");
        st = MODEL_ERR_MISMATCH;
        goto done;
    }
    if (form == RULE_MODEL_HALF_CEILING)
        lden *= 2; /* the doubled ceiling is twice L on the half claims */
    rs = rule_shares_from_lambda(p, claims, n, money, lnum, lden, out);
    if (rs != RULE_OK) {
        model_set_err(err, errsz, rule_strerror(rs));
        st = rs == RULE_ERR_NOMEM ? MODEL_ERR_NOMEM : MODEL_ERR_MISMATCH;
        goto done;
    }
    pulje_wide sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += out->num[i];
    if (sum != (pulje_wide)money * out->den) {
        rule_result_free(out);
        model_set_err(err, errsz, "the shares from the exact level do not sum to the money");
        st = MODEL_ERR_MISMATCH;
    }
done:
    free(c);
    free(pre);
    return st;
}

/* What the options' iteration hands to each sharing. */
typedef struct model_ctx {
    model_status status;
    char *err;
    size_t errsz;
} model_ctx;

/* The rule alone, solved by GLPK (a rule_base_fn). */
static rule_status model_base(const rule_params *p, const pulje_kr *claims, size_t n,
                              pulje_kr money, rule_result *out, void *vctx)
{
    model_ctx *ctx = vctx;
    const rule_def *d = rule_def_of(p->kind);
    model_status st = MODEL_ERR_UNSUPPORTED;

    if (!d) {
        model_set_err(ctx->err, ctx->errsz, "unknown rule");
        ctx->status = st;
        return RULE_ERR_ARGS;
    }
    /* The one place the rule's formulation is chosen (rules.h, rule_model). */
    switch (d->model) {
    case RULE_MODEL_NONE: {
        /* no GLPK form: the closed form answers */
        rule_params plain = *p;
        plain.min_grant = plain.max_grant = 0;
        ctx->status = MODEL_OK;
        return rule_apply(&plain, claims, n, money, out);
    }
    case RULE_MODEL_FACTOR:
        st = solve_factor_rule(p, claims, n, money, out, ctx->err, ctx->errsz);
        break;
    case RULE_MODEL_CEILING:
    case RULE_MODEL_CUT:
    case RULE_MODEL_HALF_CEILING:
        st = solve_lambda_rule(p, claims, n, money, out, ctx->err, ctx->errsz);
        break;
    }
    ctx->status = st;
    switch (st) {
    case MODEL_OK:             return RULE_OK;
    case MODEL_ERR_NOMEM:      return RULE_ERR_NOMEM;
    case MODEL_ERR_INFEASIBLE: return RULE_ERR_PROTECTED;
    default:                   return RULE_ERR_ARGS;
    }
}

bool model_per_claim(const rule_params *p)
{
    const rule_def *d = p ? rule_def_of(p->kind) : NULL;
    if (!d)
        return false;
    switch (d->model) {
    case RULE_MODEL_NONE:
    case RULE_MODEL_FACTOR:
        return false;
    case RULE_MODEL_CEILING:
    case RULE_MODEL_CUT:
    case RULE_MODEL_HALF_CEILING:
        return true;
    }
    return false;
}

model_status model_solve(const rule_params *p, const pulje_kr *claims, size_t n,
                         pulje_kr money, rule_result *out, char *err, size_t errsz)
{
    model_ctx ctx = {MODEL_OK, err, errsz};
    rule_status rs;

    memset(out, 0, sizeof *out);
    if (money < 0) {
        model_set_err(err, errsz, "negative money");
        return MODEL_ERR_INFEASIBLE;
    }
    rs = rule_apply_with(p, claims, n, money, model_base, &ctx, out);
    if (rs == RULE_OK)
        return MODEL_OK;
    if (ctx.status != MODEL_OK)
        return ctx.status;
    model_set_err(err, errsz, rule_strerror(rs));
    switch (rs) {
    case RULE_ERR_NOMEM:     return MODEL_ERR_NOMEM;
    case RULE_ERR_MIN_GRANT: return MODEL_ERR_INFEASIBLE;
    default:                 return MODEL_ERR_UNSUPPORTED;
    }
}
