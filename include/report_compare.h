/* report_compare.h - The comparison workbook: several rules side by side.
 *
 * Sheets: "Nøgletal pr. regel" (one row per rule: totals, counts, largest
 * and median cut, Gini, order violations, the properties as Ja/Nej, and a
 * chart of grant against assessed amount per rule), "Sammenligning" (one
 * row per application: per rule the grant and its difference from the
 * baseline rule, an "I alt" row), "Økonomi pr. regel" (the economy table
 * for each rule, with a check row that must be 0), "Følsomhed" (the sweep
 * as a table and line charts) and "Diagram" (the chart's data, sorted by
 * assessed amount). Totals are formulas stored with their exact cached
 * values; the file is written atomically and is byte-identical for the same
 * inputs (creation time = the decision date at 12:00 UTC). */
#ifndef PULJE_REPORT_COMPARE_H
#define PULJE_REPORT_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "apps.h"
#include "compare.h"
#include "pool.h"

/* Up to this many applications the comparison workbook is written with
 * every cell held in memory until the end (shared strings; the charts carry
 * their cached values). Above it, in libxlsxwriter's constant-memory mode:
 * each row is streamed to a temporary file when the next one starts, text
 * is stored inline in its cell, and the charts carry no cached values
 * (Excel and LibreOffice draw them from the Diagram sheet). The same cells,
 * values, formulas and formats either way; memory stays flat in the pool's
 * size. */
#define REPORT_COMPARE_IN_MEMORY_MAX 20000

/**
 * @brief Write the comparison workbook to path (atomically).
 *
 * Every scenario must come from compare_run() (verified). A scenario whose
 * economy does not balance, text that is not UTF-8, or a libxlsxwriter
 * failure is refused with the reason in err.
 *
 * @return 0 on success, -1 on failure (nothing under path created or
 *         changed, except a failed folder sync after the rename, said in err).
 */
int report_compare_write(const char *path, const pool *p, const app_list *apps,
                         const compare_result *c, char *err, size_t errsz);

/**
 * @brief report_compare_write() with the mode chosen by the caller: streamed
 * (constant memory) or every cell held until the end, whatever the size
 * (for the tests: both modes give the same cells).
 */
int report_compare_write_as(const char *path, const pool *p, const app_list *apps,
                            const compare_result *c, bool streamed, char *err, size_t errsz);

#endif
