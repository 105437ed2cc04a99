/* model.c - The allocation as a GLPK model: solve, then recover the exact factor.
 *
 * Variables: f, the common factor on the reducible claims, 0 <= f <= 1.
 * Objective: maximise f.
 * Budget row: reducible * f <= money - protected   (in millions of kroner,
 * so that the solver works on well-scaled numbers).
 * One-year claims enter the model only through their sums, so its size does
 * not depend on how many there are. The solver's f is a double; the exact
 * factor is recovered from which bound is active and checked against it. */
#include "model.h"

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Scale of the model's money: one unit is 1.000.000 kr. */
#define MODEL_SCALE 1e6
/* How far the solver's factor may stray from the exact one. */
#define MODEL_TOLERANCE 1e-9

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

static void set_err(char *err, size_t errsz, const char *msg)
{
    if (err && errsz)
        snprintf(err, errsz, "%s", msg);
}

/* Solve max f s.t. red*f <= money-prot, 0<=f<=1. Returns MODEL_* and f. */
static model_status solve_factor(pulje_kr prot, pulje_kr red, pulje_kr money,
                                  double *f, char *err, size_t errsz)
{
    jmp_buf back;
    glp_prob *volatile lp = NULL;
    int ind[2] = {0, 1};
    double val[2] = {0, 0};
    glp_smcp parm;
    int rc, status;

    if (setjmp(back)) {
        /* the hook already freed GLPK's environment and every object in it */
        glp_error_hook(NULL, NULL);
        set_err(err, errsz, "GLPK reported an internal error while solving the allocation");
        return MODEL_ERR_SOLVER;
    }
    glp_error_hook(model_error_hook, &back);
    glp_term_hook(model_silence, NULL);
    glp_term_out(GLP_OFF);

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

    /* No presolver: it keeps a column bound when the implied one is only
     * slightly tighter (a factor of 0,9996 came back as 1). */
    glp_scale_prob(lp, GLP_SF_AUTO);
    glp_adv_basis(lp, 0);
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    rc = glp_simplex(lp, &parm);
    if (rc != 0) {
        glp_delete_prob(lp);
        glp_error_hook(NULL, NULL);
        snprintf(err, errsz, "GLPK's simplex failed (code %d)", rc);
        return MODEL_ERR_SOLVER;
    }
    status = glp_get_status(lp);
    if (status == GLP_NOFEAS) {
        glp_delete_prob(lp);
        glp_error_hook(NULL, NULL);
        set_err(err, errsz, "the protected claims alone exceed the money");
        return MODEL_ERR_INFEASIBLE;
    }
    if (status != GLP_OPT) {
        glp_delete_prob(lp);
        glp_error_hook(NULL, NULL);
        snprintf(err, errsz, "GLPK found no optimal allocation (status %d)", status);
        return MODEL_ERR_SOLVER;
    }
    *f = glp_get_col_prim(lp, 1);
    glp_delete_prob(lp);
    glp_error_hook(NULL, NULL);
    return MODEL_OK;
}

model_status model_solve(const rule_params *p, const pulje_kr *claims, size_t n,
                         pulje_kr money, rule_result *out, char *err, size_t errsz)
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

model_status model_choose_ranked(size_t k, const pulje_kr *need, size_t periods,
                                 const unsigned char *covers, const pulje_kr *cap,
                                 unsigned char *chosen, char *err, size_t errsz)
{
    jmp_buf back;
    glp_prob *volatile lp = NULL;
    int *volatile ind = NULL;
    double *volatile val = NULL;
    glp_iocp parm;
    glp_smcp sparm;
    int rc, status;

    if (k > MODEL_MAX_RANKED) {
        snprintf(err, errsz, "more than %d ranked items", MODEL_MAX_RANKED);
        return MODEL_ERR_UNSUPPORTED;
    }
    for (size_t i = 0; i < k; i++)
        chosen[i] = 0;
    if (k == 0)
        return MODEL_OK;
    ind = malloc((k + 1) * sizeof *ind);
    val = malloc((k + 1) * sizeof *val);
    if (!ind || !val) {
        free(ind);
        free(val);
        set_err(err, errsz, "out of memory");
        return MODEL_ERR_NOMEM;
    }
    if (setjmp(back)) {
        glp_error_hook(NULL, NULL);
        free(ind);
        free(val);
        set_err(err, errsz, "GLPK reported an internal error while choosing multi-year grants");
        return MODEL_ERR_SOLVER;
    }
    glp_error_hook(model_error_hook, &back);
    glp_term_hook(model_silence, NULL);
    glp_term_out(GLP_OFF);

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
    glp_init_smcp(&sparm);
    sparm.msg_lev = GLP_MSG_OFF;
    glp_scale_prob(lp, GLP_SF_AUTO);
    glp_adv_basis(lp, 0);
    rc = glp_simplex(lp, &sparm);
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
        glp_delete_prob(lp);
        glp_error_hook(NULL, NULL);
        free(ind);
        free(val);
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
            glp_delete_prob(lp);
            glp_error_hook(NULL, NULL);
            free(ind);
            free(val);
            set_err(err, errsz, "GLPK's MIP chose more than a cap allows");
            return MODEL_ERR_MISMATCH;
        }
    }
    glp_delete_prob(lp);
    glp_error_hook(NULL, NULL);
    free(ind);
    free(val);
    return MODEL_OK;
}
