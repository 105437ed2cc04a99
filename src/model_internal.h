/* model_internal.h - What model.c and model_ranked.c share: GLPK set-up and
 * teardown around a model (its faults become errors, never abort(); its
 * terminal silenced), the error sentence and the row buffers. Private to
 * the model module: include/model.h is its public face. */
#ifndef PULJE_MODEL_INTERNAL_H
#define PULJE_MODEL_INTERNAL_H

#include <glpk.h>
#include <setjmp.h>
#include <stddef.h>

/* Send GLPK's faults to back (its error hook frees GLPK's environment and
 * longjmps there) and silence its terminal. Call right after setjmp(back)
 * returned 0; undo with model_glpk_end(). */
void model_glpk_begin(jmp_buf *back);

/* Undo model_glpk_begin(): delete lp (pass NULL after a fault: the hook
 * freed it with GLPK's environment), remove the error hook, free the row
 * buffers (either may be NULL). This function can't fail. */
void model_glpk_end(glp_prob *lp, int *ind, double *val);

/* Copy msg into err (when err is not NULL and errsz > 0). */
void model_set_err(char *err, size_t errsz, const char *msg);

/* Row buffers for glp_set_mat_row with n entries from index 1 (GLPK counts
 * from 1). Returns 0, or -1 on out of memory with err set and *ind and *val
 * NULL. */
int model_alloc_rows(size_t n, int **ind, double **val, char *err, size_t errsz);

#endif
