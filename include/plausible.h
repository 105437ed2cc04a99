/* plausible.h - Checks that the inputs make sense, beyond being well formed.
 *
 * Warnings (the run goes on; check and run print them, the workbook lists
 * them): an assessed amount below 1 % of the amount applied for, an amount
 * applied for or assessed below 100 kr., an earmark supplement larger than
 * the grant it adds to, an amount more than 10 times the pool's median, and
 * one association (names folded by text_fold_name) with different CVR
 * numbers. Such figures are usually typing errors: "50.000" read as 50 under
 * an English locale, an amount in thousands, a CVR copied from the row above.
 *
 * Errors (the inputs are refused): a text longer than a workbook cell holds
 * (Excel's 32.767 characters), so that `check` refuses what `run` could not
 * write. */
#ifndef PULJE_PLAUSIBLE_H
#define PULJE_PLAUSIBLE_H

#include <stddef.h>

#include "apps.h"
#include "diag.h"
#include "ledger.h"
#include "pool.h"

/* The most characters (code points) one workbook cell holds: Excel's limit. */
#define PLAUSIBLE_CELL_MAX 32767

/* Room kept for the words a pool text is written with ("Resumé - %s %d"). */
#define PLAUSIBLE_POOL_TEXT_MAX (PLAUSIBLE_CELL_MAX - 256)

/* Below this an amount is suspicious (kr.). */
#define PLAUSIBLE_MIN_KR 100

/* An amount this many times the pool's median is suspicious. */
#define PLAUSIBLE_MEDIAN_FACTOR 10

/* Medians are compared against only with at least this many amounts. */
#define PLAUSIBLE_MEDIAN_MIN_N 3

/**
 * @brief Check the applications of a pool for implausible figures
 * (warnings) and texts too long for a workbook cell (errors), each at its
 * file and line. No I/O.
 * @return The number of errors added; (size_t)-1 on out of memory (dl->oom
 *         is set too).
 */
size_t plausible_check(const pool *p, const app_list *apps, diag_list *dl);

/**
 * @brief The ledger's texts (Løbenr, Nr, Forening, CVR) go into workbook
 * cells too: an error at its line for each one longer than
 * PLAUSIBLE_CELL_MAX characters. No I/O.
 * @return The number of errors added.
 */
size_t plausible_check_ledger(const ledger *l, diag_list *dl);

/** @brief Number of characters (UTF-8 code points) in s. This function can't fail. */
size_t plausible_chars(const char *s);

#endif
