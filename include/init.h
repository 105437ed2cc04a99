/* init.h - A new pool folder: the files a grant officer starts a round from.
 *
 * `pulje init FOLDER` writes, into an empty or new folder:
 *
 *   pulje.ini           a commented pool file with placeholders (marked RET)
 *   ansoegninger.csv    the applications template: the header row only
 *                       (UTF-8 with byte-order mark, ';', CRLF, as Danish Excel)
 *   ansoegninger.xlsx   the same as a workbook: headers with a comment each,
 *                       amounts formatted #,##0, drop-down lists for Antal år
 *                       (1/2/3) and Undtagelse (ja/nej), whole-number checks,
 *                       the header row frozen
 *   forpligtelser.csv   an empty commitments ledger (ledger.h): header only
 *
 * The pool file names ansoegninger.csv and forpligtelser.csv, so once one
 * row is filled in, `pulje check FOLDER/pulje.ini` passes. Texts come from
 * labels.c (Danish, or English with --lang en); the column headers are the
 * reader's own (apps_columns) in both languages. Nothing is printed. */
#ifndef PULJE_INIT_H
#define PULJE_INIT_H

#include <stddef.h>

#include "money.h"

struct pool;

/* The files init writes, relative to the folder. */
#define INIT_POOL_FILE "pulje.ini"
#define INIT_APPS_CSV "ansoegninger.csv"
#define INIT_APPS_XLSX "ansoegninger.xlsx"
#define INIT_LEDGER_CSV "forpligtelser.csv"

/* The ledger's header, as ledger.h describes it. */
#define INIT_LEDGER_HEADER "Løbenr;Besluttet år;Udbetalingsår;Nr;Forening;Beløb;Art"

typedef enum {
    INIT_OK = 0,
    INIT_NOT_EMPTY,   /* the folder exists and holds files: nothing was written */
    INIT_NOT_FOLDER,  /* the name exists and is not a folder, or cannot be made */
    INIT_WRITE,       /* a file could not be written (see err) */
    INIT_FROM         /* init --from: last round's pool or written ledger is
                         unusable or missing (see err): nothing was written */
} init_status;

/* What init --from carried over and what the officer must still edit. */
enum { INIT_MAX_NOTES = 48 };
typedef struct init_report {
    int year;                 /* the grant year chosen */
    int from_year;            /* last round's year */
    pulje_kr ledger_year;     /* the carried ledger's rows paid in year */
    size_t n_ledger_rows;     /* rows in the carried ledger */
    size_t n_carried, n_edit;
    char carried[INIT_MAX_NOTES][640]; /* "ledger A -> B (...)", one per thing */
    char edit[INIT_MAX_NOTES][640];    /* "pulje.ini:12: ..." lines marked RET */
} init_report;

/**
 * @brief Write a new pool folder for the grant year `year`.
 *
 * Creates dir if it does not exist (its parent must). Refuses a folder that
 * holds anything. Each file is written atomically (atomic.h).
 *
 * @code
 * char err[512];
 * if (init_pool_folder("pulje-2025", 2025, err, sizeof err) != INIT_OK)
 *     fprintf(stderr, "pulje: %s\n", err);
 * @endcode
 * @return INIT_OK, or why not, with a one-line English explanation in err.
 *         After INIT_WRITE, files written before the failure stay.
 */
init_status init_pool_folder(const char *dir, int year, char *err, size_t errsz);

/**
 * @brief Write only the applications workbook template to path (atomically).
 * @return 0, or -1 with err set.
 */
int init_write_template_xlsx(const char *path, char *err, size_t errsz);

/**
 * @brief `pulje init FOLDER --from POOL`: a new round from last year's.
 *
 * Reads last round's pool file `from`, finds the ledger its run wrote
 * (`<basename>-forpligtelser.csv`, report_basename()) in out_dir, else in
 * the folder `outputs` beside `from`, and writes into dir (new or empty):
 * the pool file with the year moved on (year = year + 1 unless `year` > 0;
 * decision_date and the years in the labels of [budget], [reservations],
 * [earmarks] and residual_label moved by as many years, ranges such as
 * "2022-2024" left alone), applications = ansoegninger.csv, ledger =
 * forpligtelser.csv, the [earmark] sections whose years still run (with
 * their criteria and tiers; the others left out); the written ledger as
 * forpligtelser.csv; the applications templates (CSV and .xlsx) with the
 * earmarks' criterion and supplement columns. Lines the officer must edit
 * carry "; RET: why" and are listed in rep->edit.
 *
 * A pool that names a ledger whose run wrote none is refused (INIT_FROM):
 * forgetting the ledger would hand out committed money again.
 *
 * @return INIT_OK (rep filled), or why not with a one-line English
 *         explanation in err.
 */
init_status init_from_round(const char *dir, const char *from, const char *out_dir, int year,
                            init_report *rep, char *err, size_t errsz);

/**
 * @brief The applications workbook template with p's earmark columns
 * (criteria as ja/nej drop-downs, supplements as whole kroner) after the
 * reader's own; p may be NULL (init_write_template_xlsx()).
 * @return 0, or -1 with err set.
 */
int init_write_template_xlsx_for(const char *path, const struct pool *p, char *err,
                                 size_t errsz);

#endif
