/* table.h - ';'-separated tables as Danish Excel saves and reads them.
 *
 * The machinery behind every CSV that pulje reads (the applications, the
 * ledger) and writes (the decisions, the next ledger).
 *
 * Reading: the bytes may be UTF-8 with or without a byte-order mark, or
 * Windows-1252 (text_to_utf8). They are fed to libcsv one physical line at a
 * time (CRLF, LF or a lone CR), so that every field knows the line it starts
 * on also after a quoted line break. The first record that is not blank is
 * the header: its fields are matched, folded (text_fold), against a table of
 * known columns with their aliases, in any order; an unknown header gets a
 * "did you mean", a missing required column lists the headers found. Every
 * later record that is not blank (only blanks and empty fields) is a row,
 * handed to a callback with the cell of each known column. A row with too
 * many non-empty fields is an error; one with too few is an error unless
 * every missing field is an optional column (older Excel drops the ';' of
 * empty cells at the end of a row): those cells are then empty. A quoting
 * error is reported and reading goes on at the next line. Cells are
 * trimmed, and the apostrophe that table_write_text() puts before a formula
 * character is dropped, so that what is written reads back the same.
 *
 * Every problem goes to a diag_list with file, line, column, message and
 * hint; nothing is printed. After TABLE_MAX_DIAGS problems from one reading
 * one more error says so and the reading stops.
 *
 * Writing: table_write_file() writes a file atomically with a UTF-8 BOM;
 * table_write_text() and table_write_int() write one field each, text
 * neutralised against formula injection.
 *
 * Also here, for the readers' duplicate checks: table_index, a compact hash
 * index from a string key to the first row that had it.
 *
 * @code
 * static int on_row(table *t, const table_row *row, void *ctx)
 * {
 *     const table_cell *c = row->cell[COL_NAME];
 *     if (c->len == 0)
 *         table_note_cell(t, DIAG_ERROR, c, "write a name", "the name is empty");
 *     return 0;
 * }
 * ...
 * rc = table_read(&spec, NULL, 0, "file.csv", NULL, on_row, &my_state, &dl);
 * @endcode
 */
#ifndef PULJE_TABLE_H
#define PULJE_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "money.h"
#include "text.h"
#include "xlsxread.h"

/* Problems reported by one reading before it stops. */
#define TABLE_MAX_DIAGS 1000

/* Longest piece of a cell table_show() quotes, in bytes, and its buffer. */
#define TABLE_SHOW_MAX 40
#define TABLE_SHOW_BUFSZ (TABLE_SHOW_MAX + 4)

/* A column a reader knows: its key, its header, accepted aliases. */
typedef struct table_column {
    const char *key;          /* short English name, for code and docs */
    const char *header;       /* as written in templates */
    const char *aliases[6];   /* other accepted spellings, NULL-terminated */
    bool required;
    const char *meaning;      /* one English line, for --help and the README */
} table_column;

/* What a reader reads. */
typedef struct table_spec {
    const table_column *columns; /* terminated by an entry with key NULL */
    const char *row_name;        /* one row, in messages: "application" */
    const char *rows_name;       /* rows: "applications" */
    bool rows_optional;          /* true: a header without rows is valid */
} table_spec;

/* One field of a row. The text belongs to the reader and is valid during
 * the callback only. */
typedef struct table_cell {
    const char *s;    /* trimmed (blanks, no-break spaces); inner line breaks are "\n" */
    size_t len;       /* strlen(s) */
    unsigned line;    /* the line the field starts on */
    unsigned col;     /* 1-based field number in the file */
    const char *name; /* the column's header as written in the file */
} table_cell;

/* One row: the cell of each known column, by its index in spec->columns. */
typedef struct table_row {
    unsigned line;                  /* the line the row starts on */
    const table_cell *const *cell;  /* cell[k], or NULL when the file lacks column k */
} table_row;

/* A reading in progress (opaque), passed to the row callback. */
typedef struct table table;

/**
 * @brief Called for every row with the right number of fields, in order.
 * @return 0 to go on; -1 on out of memory (the reader reports it and stops).
 */
typedef int (*table_row_fn)(table *t, const table_row *row, void *ctx);

/**
 * @brief Read a table held in memory, or the file name when data is NULL.
 *
 * Rows are handed to on_row as they are read. Reported besides the
 * problems above: a file that cannot be read, is empty or is UTF-16, a
 * first line that names no known column or is not split by ';', and a
 * header without rows unless spec->rows_optional.
 *
 * Encodings (text_decode()): a file with a byte-order mark or any UTF-8
 * letter is UTF-8, and each byte in it that is not UTF-8 is an error at its
 * line and column, naming the byte; a file without a single UTF-8 letter
 * but with other bytes above 0x7F is read as Windows-1252 (table_opts.encoding
 * says so, for the reader's notice). A control character other than TAB and line
 * breaks (NUL, BEL, ESC, DEL, C1) in any field is an error at its line and
 * column.
 *
 * @param spec       The known columns and how to name the rows.
 * @param data       The bytes (any of the encodings above), or NULL to read
 *                   the file name (its bytes are freed as soon as they are
 *                   converted, so a big file is not held twice).
 * @param len        Their length; ignored when data is NULL.
 * @param name       The file's name, used in diagnostics; may be NULL when
 *                   data is given.
 * @param name_copy  When not NULL, receives a malloc'ed copy of name (NULL
 *                   when name is), for the reader's result to keep.
 * @param on_row     Called for each row.
 * @param ctx        Passed to on_row.
 * @param dl         Problems are appended here.
 * @return 0 if this reading (the callback's notes included) added no error,
 *         -1 otherwise.
 */
int table_read(const table_spec *spec, const char *data, size_t len, const char *name,
               char **name_copy, table_row_fn on_row, void *ctx, diag_list *dl);

/* What a reader may add to a reading (table_read_opts()); zero it first. */
typedef struct table_opts {
    /* Per column of the spec, true for a text column (a name, an activity):
     * a row one field short whose text column holds what reads as an amount
     * is reported as a field probably missing before it, not read shifted.
     * NULL: no such check. */
    const bool *text_columns;
    /* The typed cells of the .xlsx sheet the text came from (xlsxread.h):
     * table_amount() refuses a date, time, percentage or boolean, naming
     * the cell. NULL/0 for a CSV. */
    const xlsxread_cell *cells;
    size_t n_cells;
    /* The sheet the text came from, for messages; NULL for a CSV. */
    const char *sheet;
    /* When not NULL, receives what the bytes were (text_decode()), for a
     * notice when they were read as Windows-1252. */
    text_encoding *encoding;
} table_opts;

/**
 * @brief table_read() with options (NULL: none, the same as table_read()).
 */
int table_read_opts(const table_spec *spec, const table_opts *opts, const char *data,
                    size_t len, const char *name, char **name_copy, table_row_fn on_row,
                    void *ctx, diag_list *dl);

/**
 * @brief How many required columns of spec the first record of data (a
 * table's bytes) does not name: 0 when its header fits, all of them when
 * the first record is no header at all. For picking the sheet of a
 * workbook that holds the table. Nothing is reported.
 * @return The count, or -1 on out of memory.
 */
int table_header_fit(const table_spec *spec, const char *data, size_t len);

/** @brief The options of the reading (never NULL: zeroed when none were given). */
const table_opts *table_options(const table *t);

/**
 * @brief Report a problem found in a row (printf format). Counts towards
 * TABLE_MAX_DIAGS; once reading has stopped, does nothing.
 */
void table_note(table *t, diag_level level, unsigned line, unsigned col, const char *hint,
                const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/** @brief table_note() at the line and column of cell c. */
void table_note_cell(table *t, diag_level level, const table_cell *c, const char *hint,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/**
 * @brief Read cell c as a whole-krone amount of 0 or more (money_parse:
 * 50.000, 50000, kr. 50.000, 50.000,00). An empty cell is an amount
 * missing. Reports the problem (naming the column, quoting the cell, and
 * for "100,000" both readings: "100 kr. or 100.000 kr.?") and returns false
 * when it is not one; *v is then untouched. A cell the workbook holds as a
 * date, time, percentage or boolean (table_opts.cells) is refused, naming
 * the cell ("cell D4 is formatted as a date").
 */
bool table_amount(table *t, const table_cell *c, pulje_kr *v);

/**
 * @brief Parse a whole number of 1 to 9 digits and nothing else.
 * @return true and *v set, or false (*v untouched). This function can't fail.
 */
bool table_count(const char *s, long *v);

/**
 * @brief Copy s into buf for quoting in a message: line breaks and tabs
 * become spaces, and text beyond TABLE_SHOW_MAX bytes is cut at a character
 * boundary and marked with "...". Returns buf. This function can't fail.
 */
const char *table_show(const char *s, char buf[TABLE_SHOW_BUFSZ]);

/* ---------------------------------------------------------------------------
 * Writing.
 * ------------------------------------------------------------------------- */

/** @brief Writes the rows of a file after the BOM; 0, or -1 on a write error. */
typedef int (*table_write_fn)(FILE *fp, void *ctx);

/**
 * @brief Write a file atomically (atomic.h): a UTF-8 byte-order mark (for
 * Excel), then whatever put writes.
 * @return 0, or -1 with a one-line explanation naming path in err; the file
 *         under path is then unchanged (unless only the final folder sync
 *         failed, which err says).
 */
int table_write_file(const char *path, table_write_fn put, void *ctx, char *err,
                     size_t errsz);

/**
 * @brief Write one text field, preceded by ';' unless first.
 *
 * Text that a spreadsheet would take for a formula (=, +, -, @, TAB or CR
 * first) gets a leading apostrophe; a field with ';', '"', CR or LF is
 * quoted, inner quotes doubled. NULL is written as "".
 * @return 0, or -1 on a write error.
 */
int table_write_text(FILE *fp, const char *s, bool first);

/**
 * @brief Write one text field of any delimited file, preceded by sep unless
 * first: quoted when it holds sep, '"', CR or LF, inner quotes doubled (RFC
 * 4180); with neutralise, a leading formula character gets an apostrophe as
 * in table_write_text(), which is this with ';' and neutralise. NULL is
 * written as "". For the 360Giving export: ',' and neutralise, like every
 * CSV pulje writes.
 * @return 0, or -1 on a write error.
 */
int table_write_field(FILE *fp, const char *s, char sep, bool first, bool neutralise);

/**
 * @brief Write ";<v>" (or "<v>" when first) as a plain integer: amounts
 * (no thousands dots, so any spreadsheet reads them as numbers) and years.
 * @return 0, or -1 on a write error.
 */
int table_write_int(FILE *fp, int64_t v, bool first);

/** @brief End a row with CRLF. 0, or -1. */
int table_write_eol(FILE *fp);

/* ---------------------------------------------------------------------------
 * A compact hash index for duplicate keys. It holds only a hash and a row
 * number per key (8 bytes, so a million rows stay in a few megabytes); the
 * caller says how to compare a key with a row's key.
 * ------------------------------------------------------------------------- */

typedef struct table_slot {
    uint32_t hash;
    uint32_t row1; /* row + 1; 0: the slot is empty */
} table_slot;

typedef struct table_index {
    table_slot *v;
    size_t cap, n; /* cap is 0 or a power of two, at least twice n */
} table_index;

/* The most rows an index can number (row + 1 must fit in a uint32_t). */
#define TABLE_INDEX_MAX_ROWS ((size_t)UINT32_MAX - 1)

/** @brief True if key is the key of row. */
typedef bool (*table_same_fn)(void *ctx, size_t row, const char *key);

/** @brief The hash of a key for the index. This function can't fail. */
uint32_t table_hash(const char *s);

/**
 * @brief Ask the processor to fetch the slot where a key with hash h is
 * looked for first, so that a table_index_put() later does not wait for
 * memory. Only a hint.
 */
void table_index_prefetch(table_index *ix, uint32_t h);

/**
 * @brief Look key (whose table_hash is h) up.
 *
 * If it is new, store it as the key of row (row <= TABLE_INDEX_MAX_ROWS).
 * @return 0 if it was new; 1 if an earlier row has it (*first is that row);
 *         -1 on out of memory (index unchanged).
 */
int table_index_put(table_index *ix, const char *key, uint32_t h, size_t row,
                    table_same_fn same, void *ctx, size_t *first);

/** @brief Free the index; it is empty afterwards. Safe on a zeroed index. */
void table_index_free(table_index *ix);

#endif
