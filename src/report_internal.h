/* report_internal.h - What the report module's sheet writers share; not public.
 *
 * report.c (the workbook, Økonomi, Samlet oversigt), report_summary.c
 * (Resumé), report_multiyear.c (Flerårige), report_earmark.c (Tillæg) and
 * report_compare.c (the comparison workbook), report_csv.c (the decisions
 * CSV), report_props.c (document properties) and report_members.c
 * (Inhabilitet) include it; nothing outside
 * src/report*.c may. */
#ifndef PULJE_REPORT_INTERNAL_H
#define PULJE_REPORT_INTERNAL_H

#include <xlsxwriter.h>

#include "report.h"

struct book;
struct book_sheet;

/* Where the overview's columns, application rows and "I alt" row are. */
typedef struct report_overview_cols {
    unsigned first_row, last_row;   /* application rows, 0-based; last < first if none */
    unsigned short years_granted;   /* column of "Antal år (bevilget)" */
    unsigned short year1;           /* column of the first year's amount; +1, +2 follow */
    unsigned total_row;             /* the "I alt" row, 0-based (= last_row + 1) */
    unsigned short applied, assessed, grant; /* columns of "Ansøgt", "Indstillet" and
                                                "Indstillet tilskud" */
} report_overview_cols;

/** @brief The overview's layout for n applications. This function can't fail. */
report_overview_cols report_overview_layout(size_t n);

/**
 * @brief Add the "Resumé" sheet to a workbook being built: the pool's key
 * figures, the multi-year share bound per year, a table of the applications
 * by size of the assessed amount (with an "I alt" row and a check row that
 * ties it to the key figures) and a column chart of applied for against
 * granted per size band. Call it before any other sheet is added: it must be
 * the first sheet. The totals of applied, assessed and granted are formulas
 * on the overview's "I alt" row (report_overview_layout), stored with their
 * exact values.
 */
void report_write_summary(struct book *b, const pool *p, const app_list *apps,
                          const alloc_result *r);

/** @brief Add one sheet per earmark to a workbook being built. */
void report_write_earmarks(struct book *b, const pool *p, const app_list *apps,
                           const alloc_result *r);

/** @brief Add the "Flerårige" sheet to a workbook being built: the cap year by
 * year, every application for a multi-year grant by name with its outcome and
 * reason, and every reservation per year (the ledger's rows and the new
 * multi-year grants) with totals. */
void report_write_multiyear(struct book *b, const pool *p, const app_list *apps,
                            const alloc_result *r, const report_overview_cols *ov);

/* Exact sums of what the reports show. */
typedef struct totals {
    pulje_kr budget, reserved, earmarked;      /* the pool's lines */
    pulje_kr em_granted, em_unused_shown;      /* earmark sections: supplements, unused lines */
    pulje_kr applied, claims, reductions, grants; /* the applications' lines */
} totals;

/** @brief Check that the result belongs to the applications and is
 * internally consistent where the reports rely on it, and fill the sums.
 * Returns 0, or -1 with err set. verify_result() checks far more; this only
 * guards the reports against writing numbers that contradict each other. */
int report_check_result(const pool *p, const app_list *apps, const alloc_result *r, totals *t,
                        char *err, size_t errsz);

/** @brief The workbook's title, subject, author, comments and a fixed creation
 * time (the decision date at 12:00 UTC), so the same inputs give the same bytes. */
void report_set_properties(struct book *b, const pool *p, const char *rule,
                           const lxw_datetime *date);

/** @brief The inputs' SHA-256 digests as custom properties ("Input: pulje-2023.ini"
 * = "sha256:<hex>"; the file name, not the path). */
void report_set_input_properties(struct book *b, const pool *p);

/** @brief Add the "Inhabilitet" sheet (report_members.c) when the pool names a members file. */
void report_write_members(struct book *b, const pool *p, const app_list *apps);

/** @brief An application's number as a number cell when it is plain digits
 * (so that sorting and filtering work), else as text. */
void report_put_nr(struct book *b, const struct book_sheet *s, unsigned row,
                   unsigned short col, const char *nr);

/** @brief The multi-year decision in words ("Etårig: under 5 års aktivitet"). */
const char *report_my_note(struct book *b, const pool *p, my_status st);

struct diff_result;
/** @brief The sheet "Ændringer siden kørsel N" (report_changes.c): what changed
 * since an earlier run, per application with its cause; nothing when d is NULL. */
void report_write_changes(struct book *b, const pool *p, const struct diff_result *d);

#endif
