/* ledger.h - The commitments ledger: money bound in future years' pools.
 *
 * A CSV in Danish conventions with one row per committed grant-year:
 *
 *   Løbenr;Besluttet år;Udbetalingsår;Nr;Forening;Beløb;Art
 *
 * Art is "flerårigt tilskud" (a multi-year grant) or "driftsaftale" (an
 * operating agreement). A run reads it to compute this year's reservations
 * and the multi-year cap, and writes an updated copy (with this year's new
 * commitments) for next year.
 *
 * Read with table.h, so like the applications: UTF-8 with or without BOM or
 * Windows-1252 (a file with no UTF-8 letter; then a warning says so, the
 * applications' notice; in a UTF-8 file a stray byte is an error at its line
 * and column), columns by header (aliases accepted, see ledger_columns) in
 * any order, an optional CVR column. A header without rows is a valid, empty
 * ledger (a pool with no commitments). */
#ifndef PULJE_LEDGER_H
#define PULJE_LEDGER_H

#include <stddef.h>

#include "diag.h"
#include "money.h"
#include "table.h"

typedef enum { LEDGER_MULTI_YEAR = 0, LEDGER_AGREEMENT } ledger_kind;

typedef struct ledger_row {
    char *id;            /* løbenr, unique */
    int decided;         /* besluttet år */
    int year;            /* udbetalingsår: the year the money is paid */
    char *nr;            /* application number in the deciding round, or "" */
    char *association;   /* forening */
    char *cvr;           /* CVR if the optional column is present, else "" */
    pulje_kr amount;     /* beløb, >= 0 */
    ledger_kind kind;    /* art */
    unsigned line;       /* line in the file */
} ledger_row;

/** @brief The known columns, terminated by an entry with key NULL. */
extern const table_column ledger_columns[];

/* The rows' strings, in big chunks (ledger.c). */
typedef struct ledger_arena ledger_arena;

typedef struct ledger {
    char *file;
    ledger_row *v;
    size_t n;
    size_t cap;   /* rows allocated in v (grows by doubling) */
    ledger_arena *arena; /* owns the strings of v (ledger_free frees it) */
} ledger;

/**
 * @brief Parse a ledger CSV held in memory (BOM / UTF-8 / Windows-1252).
 *
 * Problems reported (all of them, each with line and column): missing or
 * unknown columns, years that are not years (1900..2200) or paid before they
 * were decided or more than 10 years after, negative or malformed amounts,
 * an unknown Art, an empty Løbenr or Forening, duplicate Løbenr (naming
 * both lines), an empty file, a byte that is not UTF-8 in a UTF-8 file; and
 * a warning (line 0) when the file was read as Windows-1252. Art is matched without regard to case, blanks
 * and '-' ("Flerårigt tilskud", "flerårig", "driftsaftaler" are accepted).
 *
 * @param out  Overwritten, not freed, on entry; filled with every row that
 *             has the right number of fields, also on -1. Always free it.
 * @return 0 if no error was found, -1 otherwise (see dl). Always free out.
 */
int ledger_parse(const char *data, size_t len, const char *filename, ledger *out,
                 diag_list *dl);

/** @brief Read and parse a ledger file. Same return as ledger_parse(). */
int ledger_load(const char *path, ledger *out, diag_list *dl);

/** @brief Free everything; the struct is zeroed. Safe on a zeroed struct. */
void ledger_free(ledger *l);

/** @brief Sum of the rows of the given kind paid in year. */
pulje_kr ledger_sum(const ledger *l, int year, ledger_kind kind);

/**
 * @brief Append a row (strings are copied). On out of memory returns -1 and
 * leaves the ledger unaltered.
 */
int ledger_append(ledger *l, const ledger_row *row);

/**
 * @brief Write the ledger as CSV (UTF-8 with BOM, ';', CRLF, amounts as plain
 * integers, text neutralised against formula injection), atomically.
 * Rows are written in their order in l, under the header ledger_parse reads;
 * the CVR column only when some row has a CVR. What is written reads back
 * as the same rows (but the line numbers).
 * @return 0, or -1 with a one-line explanation in err (nothing changed under path).
 */
int ledger_write(const char *path, const ledger *l, char *err, size_t errsz);

/**
 * @brief Row k of a ledger being written by ledger_write_each(): fill *row
 * (its strings need only last until the next call; NULL is written as "")
 * and return 1, or return 0 when there is no row k.
 */
typedef int (*ledger_row_fn)(void *ctx, size_t k, ledger_row *row);

/**
 * @brief ledger_write() of rows that are made as they are written, so that a
 * ledger need not be built whole first (next year's ledger: issue 18).
 * row_at is called for k = 0, 1, ... until it returns 0, twice over (once
 * to see whether any row has a CVR, then to write), so it must give the
 * same rows both times. Same output and return as ledger_write() of those
 * rows.
 */
int ledger_write_each(const char *path, ledger_row_fn row_at, void *ctx, char *err,
                      size_t errsz);

/** @brief The Danish word for a kind as written in the Art column. */
const char *ledger_kind_name(ledger_kind kind);

#endif
