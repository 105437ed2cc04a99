/* model.c - The allocation as a GLPK model: solve, then recover the exact factor.
 *
 * The factor rules (threshold, proportional, excess):
 * Variables: f, the common factor on the reducible claims, 0 <= f <= 1.
 * Objective: maximise f.
 * Budget row: reducible * f <= money - protected   (in millions of kroner,
 * so that the solver works on well-scaled numbers).
 * One-year claims enter the model only through their sums, so its size does
 * not depend on how many there are. The solver's f is a double; the exact
 * factor is recovered from which bound is active and checked against it.
 *
 * cea (and talmud, which is cea on half claims, in doubled units):
 * Variables: g_i in [0, c_i] for each positive claim, L >= 0.
 * Rows: g_i - L <= 0; sum g_i = money. Objective: minimise L.
 * sum min(c_i, L) grows with L, so the least L that lets the g_i reach the
 * money is the rule's ceiling, and then g_i = min(c_i, L) is forced. (The
 * LP "maximise L" would not be the rule: L could grow with the g_i held.)
 *
 * cel: g_i in [0, c_i], L >= 0; rows g_i + L >= c_i; sum g_i = money;
 * minimise L: the least common cut whose remainders fit in the money.
 *
 * Exact recovery for cea/cel: the solution's active set (which g_i sit at
 * their bound c_i, resp. 0) gives L exactly, (money - sum of the full
 * claims) / (number at L), resp. (sum of the others - money) / their
 * number; the set is checked to be consistent with that L, L is checked
 * against the solver's double, and the shares built from L must sum to the
 * money exactly. Any disagreement is MODEL_ERR_MISMATCH, never a silent
 * fallback.
 *
 * The options min_grant and max_grant are applied around the model by
 * rule_apply_with(), the same integer iteration the closed form uses; each
 * sharing inside it is solved by GLPK. */
#include "model.h"

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Scale of the model's money: one unit is 1.000.000 kr. */
#define MODEL_SCALE 1e6
/* How far the solver's factor may stray from the exact one. */
#define MODEL_TOLERANCE 1e-9
/* How far the solver's L (in MODEL_SCALE units) may stray, relative to max(L, 1 kr.). */
#define MODEL_LAMBDA_TOLERANCE 1e-7

const char *model_strerror(model_status st)
{
    switch (st) {
    case MODEL_OK:              return "ok";
    case MODEL_ERR_NOMEM:       return "out of memory";
    case MODEL_ERR_SOLVER:      return "the GLPK solver failed";
    case MODEL_ERR_INFEASIBLE:  return "no allocation satisfies the rules";
    case MODEL_ERR_MISMATCH:    return "the solver's answer does not match the exact optimum";
    case MODEL_ERR_UNSUPPORTED: return "the rule cannot be expressed in the model";
    }
    return "unknown model status";
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

/* Send GLPK's faults to back (model_error_hook) and silence its terminal.
 * Call right after setjmp(back) returned 0; undo with glpk_end(). */
static void glpk_begin(jmp_buf *back)
{
    glp_error_hook(model_error_hook, back);
    glp_term_hook(model_silence, NULL);
    glp_term_out(GLP_OFF);
}

/* Undo glpk_begin(): delete lp (pass NULL after a fault: the hook freed it
 * with GLPK's environment), remove the error hook, free the row buffers
 * (either may be NULL). This function can't fail. */
static void glpk_end(glp_prob *lp, int *ind, double *val)
{
    if (lp)
        glp_delete_prob(lp);
    glp_error_hook(NULL, NULL);
    free(ind);
    free(val);
}

/* The simplex as every model here runs it: scaled, the advanced initial
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

static void set_err(char *err, size_t errsz, const char *msg)
{
    if (err && errsz)
        snprintf(err, errsz, "%s", msg);
}

/* Row buffers for glp_set_mat_row with n entries from index 1 (GLPK counts
 * from 1). Returns 0, or -1 on out of memory with err set and *ind and *val
 * NULL. */
static int alloc_rows(size_t n, int **ind, double **val, char *err, size_t errsz)
{
    *ind = malloc((n + 1) * sizeof **ind);
    *val = malloc((n + 1) * sizeof **val);
    if (*ind && *val)
        return 0;
    free(*ind);
    free(*val);
    *ind = NULL;
    *val = NULL;
    set_err(err, errsz, "out of memory");
    return -1;
}

/* Solve max f s.t. red*f <= money-prot, 0<=f<=1. Returns MODEL_* and f. */
static model_status solve_factor(pulje_kr prot, pulje_kr red, pulje_kr money,
                                  double *f, char *err, size_t errsz)
{
    jmp_buf back;
    glp_prob *volatile lp = NULL;
    int ind[2] = {0, 1};
    double val[2] = {0, 0};
    int rc, status;

    if (setjmp(back)) {
        /* the hook already freed GLPK's environment and every object in it */
        glpk_end(NULL, NULL, NULL);
        set_err(err, errsz, "GLPK reported an internal error while solving the allocation");
        return MODEL_ERR_SOLVER;
    }
    glpk_begin(&back);

    lp = glp_create_prob();
    glp_set_prob_name(lp, "pulje");
    glp_set_obj_dir(lp, GLP_MAX);
    glp_add_cols(lp, 1);
    glp_set_col_name(lp, 1, "factor");
    glp_set_col_bnds(lp, 1, GLP_DB, 0.0, 1.0);
    glp_set_obj_coef(lp, 1, 1.0);
    glp_add_rows(lp, 1);
    glp_set_row_name(lp, 1, "budget");
    glp_set_row_bnds(lp, 1, GLP_UP, 0.0, (double)(money - prot) / MODEL_SCALE);
    val[1] = (double)red / MODEL_SCALE;
    glp_set_mat_row(lp, 1, 1, ind, val);

    rc = run_simplex(lp);
    if (rc != 0) {
        glpk_end(lp, NULL, NULL);
        snprintf(err, errsz, "GLPK's simplex failed (code %d)", rc);
        return MODEL_ERR_SOLVER;
    }
    status = glp_get_status(lp);
    if (status == GLP_NOFEAS) {
        glpk_end(lp, NULL, NULL);
        set_err(err, errsz, "the protected claims alone exceed the money");
        return MODEL_ERR_INFEASIBLE;
    }
    if (status != GLP_OPT) {
        glpk_end(lp, NULL, NULL);
        snprintf(err, errsz, "GLPK found no optimal allocation (status %d)", status);
        return MODEL_ERR_SOLVER;
    }
    *f = glp_get_col_prim(lp, 1);
    glpk_end(lp, NULL, NULL);
    return MODEL_OK;
}

/* The factor rules: one variable. */
static model_status solve_factor_rule(const rule_params *p, const pulje_kr *claims,
                                      size_t n, pulje_kr money, rule_result *out,
                                      char *err, size_t errsz)
{
    pulje_kr prot = 0, red = 0, fnum, fden;
    double f = 0, exact;
    model_status st;
    rule_status rs;
    rule_result probe;

    memset(out, 0, sizeof *out);
    /* Let the closed form classify claims (protected or reducible) for us,
     * with the factor 1: that is pure bookkeeping, no rule decision. */
    rs = rule_shares_from_factor(p, claims, n, 1, 1, &probe);
    if (rs != RULE_OK) {
        set_err(err, errsz, rule_strerror(rs));
        return rs == RULE_ERR_NOMEM ? MODEL_ERR_NOMEM : MODEL_ERR_UNSUPPORTED;
    }
    prot = probe.protected_sum;
    red = probe.reducible_sum;
    rule_result_free(&probe);
    if (money < 0) {
        set_err(err, errsz, "negative money");
        return MODEL_ERR_INFEASIBLE;
    }

    st = solve_factor(prot, red, money, &f, err, errsz);
    if (st != MODEL_OK)
        return st;

    /* Recover the exact factor from the active bound. */
    if (prot + red <= money) {
        fnum = 1;
        fden = 1;
    } else {
        fnum = money - prot;
        fden = red;
    }
    exact = (double)fnum / (double)fden;
    if (fabs(f - exact) > MODEL_TOLERANCE) {
        snprintf(err, errsz, "the solver's factor %.12f differs from the exact %.12f", f,
                 exact);
        return MODEL_ERR_MISMATCH;
    }
    rs = rule_shares_from_factor(p, claims, n, fnum, fden, out);
    if (rs != RULE_OK) {
        set_err(err, errsz, rule_strerror(rs));
        return rs == RULE_ERR_NOMEM ? MODEL_ERR_NOMEM : MODEL_ERR_UNSUPPORTED;
    }
    return MODEL_OK;
}

/* Solve the cea (cel = 0) or cel (cel = 1) LP on k positive claims c with
 * money m (0 <= m < sum c). On MODEL_OK, *lam is the solver's L in kroner
 * and at_bound[i] says whether g_i sits at its bound (c_i for cea, 0 for
 * cel). */
static model_status solve_lambda_lp(int cel, const pulje_kr *c, size_t k, pulje_wide m,
                                    double *lam, bool *at_bound, char *err, size_t errsz)
{
    jmp_buf back;
    glp_prob *volatile lp = NULL;
    int *ind = NULL;
    double *val = NULL;
    int rc, status, cols = (int)k + 1;
    volatile pulje_kr top = 0;

    for (size_t i = 0; i < k; i++)
        if (c[i] > top)
            top = c[i];
    if (alloc_rows(k + 1, &ind, &val, err, errsz) != 0)
        return MODEL_ERR_NOMEM;
    if (setjmp(back)) {
        glpk_end(NULL, ind, val);
        set_err(err, errsz, "GLPK reported an internal error while solving the allocation");
        return MODEL_ERR_SOLVER;
    }
    glpk_begin(&back);

    lp = glp_create_prob();
    glp_set_prob_name(lp, cel ? "pulje-cel" : "pulje-cea");
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_cols(lp, cols);
    for (size_t i = 0; i < k; i++)
        glp_set_col_bnds(lp, (int)i + 1, GLP_DB, 0.0, (double)c[i] / MODEL_SCALE);
    glp_set_col_name(lp, cols, "L");
    glp_set_col_bnds(lp, cols, GLP_DB, 0.0, (double)(pulje_kr)top / MODEL_SCALE);
    glp_set_obj_coef(lp, cols, 1.0);
    glp_add_rows(lp, (int)k + 1);
    for (size_t i = 0; i < k; i++) {
        int row = (int)i + 1;
        ind[1] = row;
        val[1] = 1.0;
        ind[2] = cols;
        val[2] = cel ? 1.0 : -1.0;
        if (cel)
            glp_set_row_bnds(lp, row, GLP_LO, (double)c[i] / MODEL_SCALE, 0.0);
        else
            glp_set_row_bnds(lp, row, GLP_UP, 0.0, 0.0);
        glp_set_mat_row(lp, row, 2, ind, val);
    }
    for (size_t i = 0; i < k; i++) {
        ind[i + 1] = (int)i + 1;
        val[i + 1] = 1.0;
    }
    glp_set_row_name(lp, (int)k + 1, "budget");
    glp_set_row_bnds(lp, (int)k + 1, GLP_FX, (double)m / MODEL_SCALE, (double)m / MODEL_SCALE);
    glp_set_mat_row(lp, (int)k + 1, (int)k, ind, val);

    rc = run_simplex(lp);
    status = rc == 0 ? glp_get_status(lp) : 0;
    if (rc != 0 || status != GLP_OPT) {
        glpk_end(lp, ind, val);
        if (rc != 0)
            snprintf(err, errsz, "GLPK's simplex failed (code %d)", rc);
        else
            snprintf(err, errsz, "GLPK found no optimal allocation (status %d)", status);
        return status == GLP_NOFEAS ? MODEL_ERR_INFEASIBLE : MODEL_ERR_SOLVER;
    }
    *lam = glp_get_col_prim(lp, cols) * MODEL_SCALE;
    for (size_t i = 0; i < k; i++) {
        int st = glp_get_col_stat(lp, (int)i + 1);
        double g = glp_get_col_prim(lp, (int)i + 1) * MODEL_SCALE;
        if (cel)
            at_bound[i] = st == GLP_NL || g <= 1e-6;
        else
            at_bound[i] = st == GLP_NU || g >= (double)c[i] - 1e-6;
    }
    glpk_end(lp, ind, val);
    return MODEL_OK;
}

/* cea, cel and talmud: solve the LP, recover L exactly from its active set,
 * check it, and build the shares from it. */
static model_status solve_lambda_rule(const rule_params *p, const pulje_kr *claims,
                                      size_t n, pulje_kr money, rule_result *out,
                                      char *err, size_t errsz)
{
    pulje_kr total = 0, *c = NULL;
    bool *at = NULL;
    size_t k = 0, n_at = 0;
    pulje_wide m, fixed = 0, lnum, lden;
    double lam = 0, exact;
    int cel = p->kind == RULE_CEL;
    model_status st;
    rule_status rs;

    for (size_t i = 0; i < n; i++)
        total += claims[i];
    if (total <= money) {
        rs = rule_apply(&(rule_params){p->kind, p->threshold, 0, 0}, claims, n, money, out);
        if (rs != RULE_OK)
            set_err(err, errsz, rule_strerror(rs));
        return rs == RULE_OK ? MODEL_OK : rs == RULE_ERR_NOMEM ? MODEL_ERR_NOMEM
                                                               : MODEL_ERR_UNSUPPORTED;
    }
    /* talmud: cea on the half claims, in doubled units */
    m = money;
    if (p->kind == RULE_TALMUD)
        m = 2 * (pulje_wide)money <= total ? 2 * (pulje_wide)money
                                           : 2 * ((pulje_wide)total - money);
    c = calloc(n ? n : 1, sizeof *c);
    at = calloc(n ? n : 1, sizeof *at);
    if (!c || !at) {
        free(c);
        free(at);
        set_err(err, errsz, "out of memory");
        return MODEL_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        if (claims[i] > 0)
            c[k++] = claims[i];
    st = solve_lambda_lp(cel, c, k, m, &lam, at, err, errsz);
    if (st != MODEL_OK)
        goto done;

    /* L exactly from the active set */
    for (size_t i = 0; i < k; i++) {
        if (at[i]) {
            n_at++;
            if (!cel)
                fixed += c[i];
        } else if (cel) {
            fixed += c[i];
        }
    }
    lden = (pulje_wide)(k - n_at); /* claims at the common level */
    lnum = cel ? fixed - m : m - fixed;
    if (lden == 0 && !cel && fixed == m) {
        /* talmud at exactly half the claims: every half claim is paid in
         * full and the ceiling is the largest of them */
        lnum = 0;
        for (size_t i = 0; i < k; i++)
            if (c[i] > lnum)
                lnum = c[i];
        lden = 1;
    }
    if (lden == 0) {
        set_err(err, errsz, "the solver's active set leaves no claim at the common level");
        st = MODEL_ERR_MISMATCH;
        goto done;
    }
    if (lnum < 0) {
        set_err(err, errsz, "the solver's active set gives a negative common level");
        st = MODEL_ERR_MISMATCH;
        goto done;
    }
    /* consistency: cea's full claims lie at or below L, the others at or
     * above; cel's zero shares belong to claims at or below L */
    for (size_t i = 0; i < k; i++) {
        pulje_wide cv = (pulje_wide)c[i] * lden;
        bool ok = at[i] ? cv <= lnum : cv >= lnum;
        if (!ok) {
            set_err(err, errsz, "the solver's active set is not consistent with its level");
            st = MODEL_ERR_MISMATCH;
            goto done;
        }
    }
    exact = (double)lnum / (double)lden;
    if (fabs(lam - exact) > MODEL_LAMBDA_TOLERANCE * (exact > 1 ? exact : 1) * MODEL_SCALE) {
        snprintf(err, errsz, "the solver's level %.6f kr. differs from the exact %.6f kr.",
                 lam, exact);
        st = MODEL_ERR_MISMATCH;
        goto done;
    }
    if (p->kind == RULE_TALMUD)
        lden *= 2; /* the doubled ceiling is twice L on the half claims */
    rs = rule_shares_from_lambda(p, claims, n, money, lnum, lden, out);
    if (rs != RULE_OK) {
        set_err(err, errsz, rule_strerror(rs));
        st = rs == RULE_ERR_NOMEM ? MODEL_ERR_NOMEM : MODEL_ERR_MISMATCH;
        goto done;
    }
    pulje_wide sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += out->num[i];
    if (sum != (pulje_wide)money * out->den) {
        rule_result_free(out);
        set_err(err, errsz, "the shares from the solver's level do not sum to the money");
        st = MODEL_ERR_MISMATCH;
    }
done:
    free(c);
    free(at);
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
    model_status st;

    switch (p->kind) {
    case RULE_THRESHOLD:
    case RULE_PROPORTIONAL:
    case RULE_EXCESS:
        st = solve_factor_rule(p, claims, n, money, out, ctx->err, ctx->errsz);
        break;
    default:
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

model_status model_solve(const rule_params *p, const pulje_kr *claims, size_t n,
                         pulje_kr money, rule_result *out, char *err, size_t errsz)
{
    model_ctx ctx = {MODEL_OK, err, errsz};
    rule_status rs;

    memset(out, 0, sizeof *out);
    if (money < 0) {
        set_err(err, errsz, "negative money");
        return MODEL_ERR_INFEASIBLE;
    }
    rs = rule_apply_with(p, claims, n, money, model_base, &ctx, out);
    if (rs == RULE_OK)
        return MODEL_OK;
    if (ctx.status != MODEL_OK)
        return ctx.status;
    set_err(err, errsz, rule_strerror(rs));
    switch (rs) {
    case RULE_ERR_NOMEM:     return MODEL_ERR_NOMEM;
    case RULE_ERR_MIN_GRANT: return MODEL_ERR_INFEASIBLE;
    default:                 return MODEL_ERR_UNSUPPORTED;
    }
}

model_status model_choose_ranked(size_t k, const pulje_kr *need, size_t periods,
                                 const unsigned char *covers, const pulje_kr *cap,
                                 unsigned char *chosen, char *err, size_t errsz)
{
    jmp_buf back;
    glp_prob *volatile lp = NULL;
    int *ind = NULL;      /* set before setjmp and not after: no volatile needed */
    double *val = NULL;
    glp_iocp parm;
    int rc, status;

    if (k > MODEL_MAX_RANKED) {
        snprintf(err, errsz, "more than %d ranked items", MODEL_MAX_RANKED);
        return MODEL_ERR_UNSUPPORTED;
    }
    for (size_t i = 0; i < k; i++)
        chosen[i] = 0;
    if (k == 0)
        return MODEL_OK;
    if (alloc_rows(k, &ind, &val, err, errsz) != 0)
        return MODEL_ERR_NOMEM;
    if (setjmp(back)) {
        glpk_end(NULL, ind, val);
        set_err(err, errsz, "GLPK reported an internal error while choosing multi-year grants");
        return MODEL_ERR_SOLVER;
    }
    glpk_begin(&back);

    lp = glp_create_prob();
    glp_set_prob_name(lp, "pulje-ranked");
    glp_set_obj_dir(lp, GLP_MAX);
    glp_add_cols(lp, (int)k);
    for (size_t i = 0; i < k; i++) {
        int j = (int)i + 1;
        glp_set_col_kind(lp, j, GLP_BV);
        /* item i outweighs all later items together */
        glp_set_obj_coef(lp, j, ldexp(1.0, (int)(k - 1 - i)));
        for (size_t p = 0; p < periods; p++)
            if (covers[i * periods + p] && cap[p] < 0)
                glp_set_col_bnds(lp, j, GLP_FX, 0.0, 0.0);
    }
    glp_add_rows(lp, (int)periods);
    for (size_t p = 0; p < periods; p++) {
        int nz = 0;
        for (size_t i = 0; i < k; i++) {
            if (covers[i * periods + p]) {
                nz++;
                ind[nz] = (int)i + 1;
                val[nz] = (double)need[i];
            }
        }
        /* in whole kroner: sum <= cap  <=>  sum <= cap + 0,5; the half krone
         * keeps exact fits clear of the solver's tolerances either way */
        glp_set_row_bnds(lp, (int)p + 1, GLP_UP, 0.0, cap[p] < 0 ? 0.0 : (double)cap[p] + 0.5);
        glp_set_mat_row(lp, (int)p + 1, nz, ind, val);
    }
    /* The LP relaxation first, then branch and bound, both without a
     * presolver (GLPK's MIP presolver let a 1 kr. overshoot of a cap through). */
    rc = run_simplex(lp);
    if (rc == 0 && glp_get_status(lp) == GLP_OPT) {
        glp_init_iocp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        parm.presolve = GLP_OFF;
        parm.mip_gap = 0.0;
        /* The default 1e-5 takes x = 0,999997 (a request 1 kr. over a cap of
         * 500.000) for 1. Needs and caps are below 10^12 kr., so an item that
         * does not fit leaves x below 1 - 10^-12 / 2: 10^-13 tells them apart. */
        parm.tol_int = 1e-13;
        rc = glp_intopt(lp, &parm);
    }
    status = glp_mip_status(lp);
    if (rc != 0 || status != GLP_OPT) {
        glpk_end(lp, ind, val);
        snprintf(err, errsz, "GLPK's MIP found no optimum (code %d, status %d)", rc, status);
        return MODEL_ERR_SOLVER;
    }
    for (size_t i = 0; i < k; i++)
        chosen[i] = glp_mip_col_val(lp, (int)i + 1) > 0.5;
    /* The solver's answer must hold in exact integers. */
    for (size_t p = 0; p < periods; p++) {
        pulje_kr used = 0;
        for (size_t i = 0; i < k; i++)
            if (chosen[i] && covers[i * periods + p])
                used += need[i];
        if (used > 0 && used > cap[p]) {
            glpk_end(lp, ind, val);
            set_err(err, errsz, "GLPK's MIP chose more than a cap allows");
            return MODEL_ERR_MISMATCH;
        }
    }
    glpk_end(lp, ind, val);
    return MODEL_OK;
}
