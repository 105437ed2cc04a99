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
    INIT_WRITE        /* a file could not be written (see err) */
} init_status;

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

#endif
