/* model_ranked.c - The multi-year choice as GLPK models: requests in priority order.
 *
 * model_choose_ranked() honours requests in rank order under per-period
 * capacities: small models, one per run of requests that fit together
 * (binaries, maximise how many) and one per request that does not (a
 * binary with (need - room) x <= 0, exact in the solver's scale), each
 * checked in integers: the lexicographic optimum, exact at any number of
 * requests. GLPK's faults are errors, never abort() (model_internal.h). */
#include "model.h"
#include "model_internal.h"
#include "messages.h"

#include <glpk.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

/* run_simplex() without scaling and from the basis the caller set, for the
 * ranked models: their columns hold whole kroner up to 10^12 beside
 * objective coefficients of 1, and GLPK's scaling would shrink those
 * coefficients below its dual tolerance (the optimum x = 0 would look
 * optimal). Unscaled, the data stay exact. */
static int run_simplex_unscaled(glp_prob *lp)
{
    glp_smcp parm;

    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    return glp_simplex(lp, &parm);
}

model_status model_choose_ranked(size_t k, const pulje_kr *need, size_t periods,
                                 const unsigned char *covers, const pulje_kr *cap,
                                 unsigned char *chosen, char *err, size_t errsz)
{
    return model_choose_ranked_checked(k, need, periods, covers, cap, chosen, NULL, err,
                                       errsz);
}

/* Solve the ranked model lp as a MIP: the LP relaxation first, then branch
 * and bound, both without a presolver. Returns 0, or -1 with err set. */
static int ranked_solve(glp_prob *lp, char *err, size_t errsz)
{
    glp_iocp parm;
    int rc, status;

    rc = run_simplex_unscaled(lp);
    if (rc == 0 && glp_get_status(lp) == GLP_OPT) {
        glp_init_iocp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        parm.presolve = GLP_OFF;
        parm.mip_gap = 0.0;
        rc = glp_intopt(lp, &parm);
    }
    status = glp_mip_status(lp);
    if (rc != 0 || status != GLP_OPT) {
        snprintf(err, errsz, msg_tr("GLPK's MIP found no optimum (code %d, status %d)"), rc, status);
        return -1;
    }
    return 0;
}

/* Item i fits in room in every period it covers. */
static int ranked_fits(size_t i, const pulje_kr *need, size_t periods,
                       const unsigned char *covers, const pulje_kr *room)
{
    for (size_t p = 0; p < periods; p++)
        if (covers[i * periods + p] && need[i] > room[p])
            return 0;
    return 1;
}

/* The work of model_choose_ranked_checked() under its error hook: the
 * models in rank order. *lpp holds the model being solved (for the caller
 * to delete after a failure). Returns 0, or -1 with err set. */
static int ranked_run(size_t k, const pulje_kr *need, size_t periods,
                      const unsigned char *covers, pulje_kr *room, pulje_kr *left, int *ind,
                      double *val, unsigned char *chosen, size_t *wrong,
                      glp_prob *volatile *lpp, char *err, size_t errsz)
{
    glp_prob *lp;
    /* In rank order, one small model at a time: either a run of items that
     * fit together (each one fits beside those before it, so the
     * lexicographic optimum honours them all), or the one item that does
     * not fit. Every model is checked in integers. */
    size_t i = 0;

    *wrong = 0;
    while (i < k) {
        size_t j = i;
        for (size_t p = 0; p < periods; p++)
            left[p] = room[p];
        while (j < k && ranked_fits(j, need, periods, covers, left)) {
            for (size_t p = 0; p < periods; p++)
                if (covers[j * periods + p])
                    left[p] -= need[j];
            j++;
        }
        *lpp = glp_create_prob();
        lp = *lpp;
        glp_set_prob_name(lp, "pulje-ranked");
        glp_set_obj_dir(lp, GLP_MAX);
        if (periods > 0)
            glp_add_rows(lp, (int)periods);
        if (j > i) {
            /* The run i..j-1: binaries x_t, maximise their number under
             * sum need_t x_t <= room in every period. All ones is feasible
             * in exact integers, and nothing is better. */
            int b = (int)(j - i);
            glp_add_cols(lp, b);
            for (int c = 1; c <= b; c++) {
                glp_set_col_kind(lp, c, GLP_BV);
                glp_set_obj_coef(lp, c, 1.0);
            }
            for (size_t p = 0; p < periods; p++) {
                int nz = 0;
                for (size_t t = i; t < j; t++) {
                    if (covers[t * periods + p] && need[t] != 0) {
                        nz++;
                        ind[nz] = (int)(t - i) + 1;
                        val[nz] = (double)need[t];
                    }
                }
                if (nz > 0) {
                    glp_set_row_bnds(lp, (int)p + 1, GLP_UP, 0.0, (double)room[p]);
                    glp_set_mat_row(lp, (int)p + 1, nz, ind, val);
                } else {
                    glp_set_row_bnds(lp, (int)p + 1, GLP_FR, 0.0, 0.0);
                }
            }
            /* start from the answer: every x_t at its bound 1, the rows'
             * slacks basic; the simplex then only proves it optimal */
            glp_std_basis(lp);
            for (int c = 1; c <= b; c++)
                glp_set_col_stat(lp, c, GLP_NU);
            if (ranked_solve(lp, err, errsz) != 0)
                return -1;
            for (size_t t = i; t < j; t++) {
                *wrong += glp_mip_col_val(lp, (int)(t - i) + 1) < 0.5;
                chosen[t] = 1;
            }
            for (size_t p = 0; p < periods; p++)
                room[p] = left[p];
            i = j;
        } else {
            /* Item i alone, one binary x: for a binary x, need * x <= room
             * is (need - room) * x <= 0, the same choice with a right-hand
             * side of 0, so one krone over a cap of 10^12 kr. is a violation
             * of 1 in the solver's scale, not of 10^-12. */
            int nz = 0;
            glp_add_cols(lp, 1);
            glp_set_col_name(lp, 1, "honour");
            glp_set_col_kind(lp, 1, GLP_BV);
            glp_set_obj_coef(lp, 1, 1.0);
            for (size_t p = 0; p < periods; p++) {
                glp_set_row_bnds(lp, (int)p + 1, GLP_UP, 0.0, 0.0);
                if (covers[i * periods + p] && need[i] != room[p]) {
                    nz++;
                    ind[nz] = (int)p + 1;
                    val[nz] = (double)(need[i] - room[p]);
                }
            }
            glp_set_mat_col(lp, 1, nz, ind, val);
            glp_std_basis(lp);
            if (ranked_solve(lp, err, errsz) != 0)
                return -1;
            *wrong += glp_mip_col_val(lp, 1) > 0.5;
            chosen[i] = 0;
            i++;
        }
        glp_delete_prob(lp);
        *lpp = NULL;
    }
    return 0;
}

model_status model_choose_ranked_checked(size_t k, const pulje_kr *need, size_t periods,
                                         const unsigned char *covers, const pulje_kr *cap,
                                         unsigned char *chosen, size_t *overruled,
                                         char *err, size_t errsz)
{
    jmp_buf back;
    glp_prob *volatile lp = NULL;
    int *ind = NULL;      /* set before setjmp and not after: no volatile needed */
    double *val = NULL;
    pulje_kr *room = NULL, *left = NULL;
    size_t wrong = 0;

    for (size_t t = 0; t < k; t++)
        chosen[t] = 0;
    if (overruled)
        *overruled = 0;
    if (k == 0)
        return MODEL_OK;
    room = malloc((periods ? periods : 1) * sizeof *room);
    left = malloc((periods ? periods : 1) * sizeof *left);
    if (!room || !left ||
        model_alloc_rows(k > periods ? k : periods, &ind, &val, err, errsz) != 0) {
        free(room);
        free(left);
        model_set_err(err, errsz, "out of memory");
        return MODEL_ERR_NOMEM;
    }
    for (size_t p = 0; p < periods; p++)
        room[p] = cap[p];
    if (setjmp(back)) {
        model_glpk_end(NULL, ind, val);
        free(room);
        free(left);
        model_set_err(err, errsz,
                      "GLPK reported an internal error while choosing multi-year grants");
        return MODEL_ERR_SOLVER;
    }
    model_glpk_begin(&back);

    if (ranked_run(k, need, periods, covers, room, left, ind, val, chosen, &wrong, &lp, err,
                   errsz) != 0) {
        model_glpk_end(lp, ind, val);
        free(room);
        free(left);
        return MODEL_ERR_SOLVER;
    }
    /* GLPK's choices agree with the integers whenever the amounts are
     * exact in doubles (below 2^53 kr.); where they did not, the integers
     * decided, and the disagreement is counted, never a fault. */
    if (overruled)
        *overruled = wrong;
    model_glpk_end(NULL, ind, val);
    free(room);
    free(left);
    return MODEL_OK;
}
