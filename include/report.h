/* report.h - The committee's workbook and the decisions CSV.
 *
 * report_write_workbook writes the committee's workbook with libxlsxwriter:
 * "Resumé" (the case, key figures, notes and decision block), "Økonomi" (the
 * economy table), "Samlet oversigt" (Bilag 1), "Flerårige" and one "Tillæg"
 * sheet per earmark; every total is a formula stored with its exact cached
 * value. report_write_csv writes the decisions for other systems. Both write
 * atomically (atomic.h) and check every return code. Call only after
 * verify_result() found nothing. What the sheet writers share among
 * themselves is in src/report_internal.h, not here. */
#ifndef PULJE_REPORT_H
#define PULJE_REPORT_H

#include <stddef.h>

#include "alloc.h"
#include "apps.h"
#include "pool.h"

/**
 * @brief The most applications one workbook can hold: Excel's sheet limit of
 * 1.048.576 rows less the title, blank, header and "I alt" rows of "Samlet
 * oversigt", i.e. 1.048.572. This function can't fail.
 */
size_t report_max_applications(void);

/**
 * @brief Check, before any work, that n applications fit in the workbook.
 *
 * @code
 * if (report_check_size(apps.n, err, sizeof err) != 0)
 *     puts(err);  // "1.048.573 applications do not fit in one workbook: ..."
 * @endcode
 * @param err  Receives a one-line English explanation when they do not fit.
 * @return 0 if they fit, -1 otherwise.
 */
int report_check_size(size_t n, char *err, size_t errsz);

/**
 * @brief Write the workbook to path (atomically).
 * Sheet "Økonomi": the economy table as in the minutes (budget lines and
 * their sum, reservations, the grants taken from Bilag 1, earmarks, the
 * residual, the sum of those, and a check row that must be 0), then key
 * figures (rule, rounding unit, money, factor, counts, decision date).
 * Sheet "Samlet oversigt" (Bilag 1): one row per application in input order
 * and an "I alt" row. Totals are formulas stored with their exact cached
 * values. Applicant text is always a string cell, never a formula. The
 * creation time is the pool's decision date at 12:00 UTC, so the same
 * inputs give byte-identical files. The digests in p->inputs (if any) are
 * stored as custom properties "Input: <file name>" = "sha256:<hex>". Text
 * that is not UTF-8, a cell over
 * Excel's limits, or a result that contradicts its applications is refused
 * with the reason in err.
 *
 * @param err   Receives a one-line English explanation on failure.
 * @return 0 on success, -1 on failure (no file under path was created or
 *         changed; the one exception, said so in err, is a failure to sync
 *         the folder after the new file was renamed into place).
 */
int report_write_workbook(const char *path, const pool *p, const app_list *apps,
                          const alloc_result *r, char *err, size_t errsz);

struct diff_result;
/** @brief report_write_workbook() with, when changes is not NULL, the sheet
 * "Ændringer siden kørsel N" last (report_changes.c). */
int report_write_workbook_changes(const char *path, const pool *p, const app_list *apps,
                                  const alloc_result *r, const struct diff_result *changes,
                                  char *err, size_t errsz);

/**
 * @brief Write the decisions CSV (UTF-8 with BOM, ';', CRLF) to path (atomically).
 *
 * Columns: Nr;CVR;Forening;Indsats;Ansøgt;Indstillet;Reduktion;Indstillet
 * tilskud;Afslag/begrundelse;Status (bevilget, reduceret or afslag), then
 * Tillæg: <key> (kr.) per earmark, Antal år (søgt), Antal år (bevilget),
 * Tilskud pr. år, Begrundelse (opendata_reason()) and I alt (alle år, med
 * tillæg) (opendata_award()). Amounts are plain integers. Fields with ';', '"', CR or LF are quoted; text that a
 * spreadsheet would run as a formula (first character = + - @ TAB CR) gets
 * a leading apostrophe.
 *
 * @return 0 on success, -1 on failure (nothing changed under path; same
 *         exception as report_write_workbook()).
 */
int report_write_csv(const char *path, const pool *p, const app_list *apps,
                     const alloc_result *r, char *err, size_t errsz);

/**
 * @brief The base file name for a pool's outputs: "18-hovedpuljen-2023"
 * (the pool name folded by text_slug(), "pulje" if nothing is left, then
 * the year). Returns buf.
 */
char *report_basename(const pool *p, char *buf, size_t size);

#endif
