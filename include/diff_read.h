/* diff_read.h - The runs diff.h compares: from run folders, decisions CSVs
 * or a run's result in memory; which runs `pulje diff` compares; and the
 * record lines it reads, as the run writes them. */
#ifndef PULJE_DIFF_READ_H
#define PULJE_DIFF_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "alloc.h"
#include "apps.h"
#include "diff.h"
#include "digest.h"
#include "history.h"
#include "inputs.h"
#include "pool.h"

/* The decisions CSV's name ends so (run.h's run_outputs[]). */
#define DIFF_DECISIONS_SUFFIX "-afgoerelser.csv"

/* The trial tag of a compare run's record: its folder holds no decisions. */
#define DIFF_COMPARE_TAG "compare"

/**
 * @brief The rows of a decisions CSV (report_write_csv(), Danish or English
 * headers: the columns are read by position) appended to r.
 * @return 0, or -1 with the reason in err (r may hold some rows).
 */
int diff_read_csv(const char *path, diff_run *r, char *err, size_t errsz);

/**
 * @brief Run folder dir (<out>/<base>/koersel-NNN): its record and the rows
 * of the decisions CSV the record names. r is zeroed first.
 * @return 0, or -1 with the reason in err (r is empty).
 */
int diff_read_folder(const char *dir, diff_run *r, char *err, size_t errsz);

/**
 * @brief The rows of a run's verified result, as its decisions CSV would
 * hold them, appended to r.
 * @return 0, or -1 when memory ran out.
 */
int diff_rows_of_result(const pool *p, const app_list *apps, const alloc_result *res,
                        diff_run *r);

/**
 * @brief Which runs of h to compare. to: the run numbered so, or 0 for the
 * latest run with decisions (not a compare run). from: the run numbered so,
 * or 0 for the latest official run with decisions before `to` (else the
 * run with decisions just before it).
 * @return 0 with *ia, *ib the indices in h (*ia = h->n when there is no run
 *         `from`, or none before `to`), or -1 when there is no run `to`.
 */
int diff_pick(const history *h, int from, int to, size_t *ia, size_t *ib);

/* The changes since an earlier run, for a run's workbook: the runs and
 * their comparison (d points at a and b: allocate it, never copy it). */
typedef struct diff_since {
    diff_run a, b;
    diff_result d;
    bool have; /* an earlier run was found and compared */
} diff_since;

/**
 * @brief Compare the run being written (its record's text and result) with
 * the latest official run with decisions in home (<out>/<base>), else the
 * latest run with decisions. No such run: s->have stays false.
 * @return 0, or -1 with the reason in err (s is empty).
 */
int diff_since_load(const char *home, const char *record, size_t len, const pool *p,
                    const app_list *apps, const alloc_result *res, diff_since *s, char *err,
                    size_t errsz);

/**
 * @brief The run record's lines that diff's causes read (run.c writes them
 * into RUN_RECORD), to fp: each input's digest by its role ("digest pool:",
 * "digest applications:", "digest ledger:", "digest members:") from dg, and
 * the pool's parameters the rule line does not show (rounding, cap,
 * min_active_years, money_year2, money_year3).
 */
void diff_put_record_lines(FILE *fp, const pulje_inputs *in, const digest_list *dg);

/** @brief Free what s holds; s is zeroed. */
void diff_since_free(diff_since *s);

#endif
