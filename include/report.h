/* report.h - The committee's workbook and the decisions CSV.
 *
 * report_write_workbook writes "Økonomi" (the economy table) and "Samlet
 * oversigt" (Bilag 1) with libxlsxwriter; every total is a formula stored
 * with its exact cached value. report_write_csv writes the decisions for
 * other systems. Both write atomically (atomic.h) and check every return
 * code. Call only after verify_result() found nothing. */
#ifndef PULJE_REPORT_H
#define PULJE_REPORT_H

#include <stddef.h>

#include "alloc.h"
#include "apps.h"
#include "pool.h"

/**
 * @brief Write the workbook to path (atomically).
 * @param err   Receives a one-line English explanation on failure.
 * @return 0 on success, -1 on failure (no file under path was created or changed).
 */
int report_write_workbook(const char *path, const pool *p, const app_list *apps,
                          const alloc_result *r, char *err, size_t errsz);

/**
 * @brief Write the decisions CSV (UTF-8 with BOM, ';', CRLF) to path (atomically).
 * @return 0 on success, -1 on failure (nothing changed under path).
 */
int report_write_csv(const char *path, const pool *p, const app_list *apps,
                     const alloc_result *r, char *err, size_t errsz);

/**
 * @brief The base file name for a pool's outputs: "18-hovedpuljen-2023"
 * (the pool name folded to ASCII letters, digits and '-', then the year).
 * Returns buf.
 */
char *report_basename(const pool *p, char *buf, size_t size);

#endif
