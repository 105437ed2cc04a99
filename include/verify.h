/* verify.h - The invariants checked before anything is written.
 *
 * Public money: every krone must be accounted for. verify_result re-derives
 * every total from the lines and the pool and checks them; any failure means
 * no output may be written. */
#ifndef PULJE_VERIFY_H
#define PULJE_VERIFY_H

#include "alloc.h"
#include "apps.h"
#include "diag.h"
#include "pool.h"

/**
 * @brief Check a result against its inputs.
 *
 * Checks: the budget identity (budget = reservations + earmarks + granted +
 * residual, to the krone); 0 <= grant <= assessed <= applied per line;
 * refused lines get 0; each total equals the exact sum of its lines; the
 * residual is not negative; counts add up; with `cross` set, the closed form
 * gives the same grants as the result (model check).
 *
 * @return the number of failed checks (0 = all hold). Each failure is
 *         appended to dl as an error.
 */
int verify_result(const pool *p, const app_list *apps, const alloc_result *r,
                  int cross, diag_list *dl);

#endif
