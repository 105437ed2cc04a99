/* pool.h - The pool file: budget, reservations, earmarks and rules of one round.
 *
 * An INI file read with inih. Sections and keys:
 *
 *   [pool]          name, committee, year, decision_date (YYYY-MM-DD),
 *                   applications (path, relative to the pool file)
 *   [budget]        <Danish label> = <amount>   one line per money source
 *   [reservations]  <Danish label> = <amount>   money already bound
 *   [earmarks]      <Danish label> = <amount>   earmarked money, handed out apart
 *   [rules]         rule, threshold, rounding, residual_label
 *
 * Labels are shown to people exactly as written; amounts are Danish
 * (6.318.216 or 6318216). Every problem is appended to a diag_list with the
 * file, line and column. */
#ifndef PULJE_POOL_H
#define PULJE_POOL_H

#include <stddef.h>

#include "diag.h"
#include "money.h"
#include "rules.h"

typedef struct pool_line {
    char *label;
    pulje_kr amount;
    unsigned line;   /* where it stands in the pool file */
} pool_line;

typedef struct pool {
    char *file;            /* the pool file's name as given */
    char *name;            /* "§ 18-Hovedpuljen" */
    char *committee;       /* "Beskæftigelses- og Socialudvalget" */
    int year;              /* the grant year, e.g. 2023 */
    char *decision_date;   /* "2022-12-13" */
    char *applications;    /* path of the applications file, relative to the pool file */

    pool_line *budget;       size_t n_budget;
    pool_line *reservations; size_t n_reservations;
    pool_line *earmarks;     size_t n_earmarks;

    rule_params rule;      /* default: threshold rule at 50.000 kr. */
    pulje_kr rounding;     /* 1, 10, 100, 1.000 ...; default 1 */
    char *residual_label;  /* default "Restmidler overføres til Udviklingspuljen <year>" */
} pool;

/**
 * @brief Parse a pool file held in memory.
 *
 * @param text      The file's bytes (UTF-8, BOM allowed), not necessarily NUL-terminated.
 * @param len       Their length.
 * @param filename  Name used in diagnostics.
 * @param out       Filled as far as the file allows; always free with pool_free().
 * @param dl        Problems are appended here.
 * @return 0 if no error was found, -1 otherwise (see dl).
 */
int pool_parse(const char *text, size_t len, const char *filename, pool *out,
               diag_list *dl);

/** @brief Read and parse a pool file. Unreadable files are a diagnostic. Same return as pool_parse(). */
int pool_load(const char *path, pool *out, diag_list *dl);

/** @brief Free everything a pool holds; the struct is zeroed. Safe on a zeroed struct. */
void pool_free(pool *p);

/**
 * @brief The applications file's path as seen from here: `applications`
 * joined to the pool file's directory (unchanged if it is absolute or the
 * pool file has no directory part).
 *
 * @code
 * // file "inputs/pulje-2023.ini", applications "ansoegninger-2023.csv"
 * char *path = pool_applications_path(&p);  // "inputs/ansoegninger-2023.csv"
 * free(path);
 * @endcode
 * @return A malloc'ed string (caller frees), or NULL if the pool has no
 *         applications path or memory ran out.
 */
char *pool_applications_path(const pool *p);

/** @brief Sum of the budget lines (rådighedsbeløb). */
pulje_kr pool_budget_total(const pool *p);
/** @brief Sum of the reservations. */
pulje_kr pool_reserved_total(const pool *p);
/** @brief Sum of the earmarks. */
pulje_kr pool_earmarked_total(const pool *p);

#endif
