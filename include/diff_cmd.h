/* diff_cmd.h - `pulje diff`: which runs, read, compared and printed. */
#ifndef PULJE_DIFF_CMD_H
#define PULJE_DIFF_CMD_H

#include <stdio.h>

#include "diff.h"

/**
 * @brief pulje diff [RUN_A [RUN_B]] [POOL]. A run is a number ("3",
 * "koersel-003"), a run folder, or a decisions CSV; numbers are looked up in
 * <out_dir>/<base> of the pool file. No run: the latest run with decisions
 * and the latest official one before it (diff_pick()); one run: that run
 * and the latest. Prints the changes on stdout, problems on stderr.
 * @return the exit code: 0, 2 (no such runs, an unreadable run), 4 (out of memory).
 */
int diff_command(const char *pool_path, const char *out_dir, const char *const *refs,
                 int n_refs);

/** @brief The changes d as text, the same rows as the workbook's changes sheet. */
void diff_print(FILE *f, const diff_result *d);

#endif
