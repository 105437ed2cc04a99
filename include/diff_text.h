/* diff_text.h - The words of a comparison of two runs (diff.h), in the
 * labels' language: for `pulje diff` and the workbook's changes sheet. */
#ifndef PULJE_DIFF_TEXT_H
#define PULJE_DIFF_TEXT_H

#include <stddef.h>

#include "diff.h"

/** @brief "kørsel 3 (2026-12-01T11:14:00Z)", or the CSV's name, into buf. */
char *diff_text_run(const diff_run *r, char *buf, size_t size);

/** @brief The status word ("reduceret"). */
const char *diff_text_status(diff_status s);

/** @brief A pool-wide change in words ("budgettet 6.871.589 → 6.771.589 kr."). */
char *diff_text_pool(const diff_pool_change *pc, char *buf, size_t size);

/**
 * @brief Why change c changed, "; " between causes: its own row's causes
 * with both values, the pool's by name ("budgettet"), or the cause alone.
 */
char *diff_text_causes(const diff_result *d, const diff_change *c, char *buf, size_t size);

/** @brief A signed amount: "+10.000", "-2.500", "0". */
char *diff_text_delta(pulje_kr v, char *buf);

/**
 * @brief The total lines, k = 0 .. 3 (granted, supplements, assessed,
 * counts), into buf; returns buf, or NULL for k past the last.
 */
char *diff_text_total(const diff_result *d, int k, char *buf, size_t size);

#endif
