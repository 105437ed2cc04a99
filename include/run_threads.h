/* run_threads.h - Writing a run's outputs on one thread or two (run.c). */
#ifndef PULJE_RUN_THREADS_H
#define PULJE_RUN_THREADS_H

#include <stdbool.h>

#include "run.h"

/**
 * @brief Whether run r may use a second thread (to write, and for compare's
 * sweep): run_options.threads, else the environment's PULJE_THREADS (1 or
 * 2), else two; never in a build without threads (PULJE_NO_THREADS, the web
 * build).
 */
bool run_two_threads(const pulje_run *r);

/**
 * @brief Write the wanted outputs k < limit of run_outputs[] into path[k]:
 * on one thread in order, or the workbooks on the calling thread while a
 * second thread writes the others (the CSVs, the JSON, the letters). Each
 * output's message goes into its own err[k]. A side stops at its first
 * failure and skips what comes after a failure already seen.
 * @return the first output in run_outputs[] order that failed (its message
 *         in err[k]), or limit when all were written: the same answer on one
 *         thread or two.
 */
int run_write_outputs(const pulje_run *r, const bool want[RUN_N_OUTPUTS], int limit,
                      char (*path)[4608], char (*err)[512]);

#endif
