/* table_internal.h - What the files of the table module share (table.c,
 * table_header.c, table_csv.c): the reading in progress and the steps that
 * call each other. Not for use outside the module; the public API is
 * table.h. */
#ifndef PULJE_TABLE_INTERNAL_H
#define PULJE_TABLE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "table.h"

/* libcsv options: strict quoting, also for a quote left open at the end. */
#define CSV_OPTIONS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

/* The most rows one reading hands on (row numbers fit a table_index). */
#define TABLE_MAX_ROWS TABLE_INDEX_MAX_ROWS

/* Header field kinds besides a column index. */
#define HEADER_UNKNOWN (-1)
#define HEADER_EMPTY (-2)
#define HEADER_DUPLICATE (-3)

/* A field of the record being read: the public cell and its buffer. */
typedef struct field {
    table_cell c;
    char *buf;      /* c.s points here */
    size_t cap;
} field;

struct table {
    const table_spec *spec;
    int ncolumns;        /* entries in spec->columns */
    const char *file;    /* for diagnostics; may be NULL */
    diag_list *dl;
    table_row_fn on_row;
    void *ctx;
    size_t diags;        /* problems this reading has reported */
    bool oom;            /* out of memory: stop */
    bool stop;           /* too many problems, or a header that cannot be read: stop */

    unsigned line;       /* the physical line being fed to libcsv */
    bool in_record;      /* a record has started and not yet ended */
    unsigned rec_line;   /* the line the current record starts on */
    unsigned end_line;   /* the line the previous field of this record ended on */
    field *fields;
    size_t nfields, fieldcap;

    bool have_header;
    size_t ncols;        /* header fields that name a column (trailing blanks dropped) */
    char **names;        /* the header text of each of those fields */
    int *kind;           /* per header field: known column index or HEADER_* */
    int *col;            /* per known column: its field index, -1 if absent */
    const table_cell **cells; /* per known column: the cell of the current row */
    size_t nrows;        /* records after the header that were not blank */
    size_t delivered;    /* rows handed to on_row */

    const table_opts *opts; /* never NULL */
    table_opts noopts;
    bool has_invalid;    /* the UTF-8 text holds stand-ins for bytes that are not UTF-8 */
    bool cp1252;         /* read as Windows-1252: U+FFFD marks a byte it has no letter for */
    bool header_only;    /* table_header_fit(): stop after the header */
    int header_missing;  /* table_header_fit(): required columns the header lacks */
    unsigned utf8_line;  /* the first line with a UTF-8 letter */
};

/* Out of memory: report it once (table_note) and stop the reading. */
void table_out_of_memory(table *t);

/* The known columns' headers joined by sep into buf, for a hint
 * (table_header.c). */
void table_known_headers(const table *t, const char *sep, char *buf, size_t size);

/* The header record has been read into t->fields: find the known columns
 * and report what is wrong with them (table_header.c). */
void table_read_header(table *t);

/* Room for field i (and those before it), each with a text buffer of at
 * least need bytes for field i; NULL on out of memory (table.c). */
field *table_field_at(table *t, size_t i, size_t need);

/* A record after the header has been read into t->fields: check its
 * number of fields and hand it to the callback (table.c). */
void table_read_row(table *t);

/* Feed the UTF-8 text s (n bytes) to libcsv line by line, handing every
 * record on (table_csv.c). */
void table_feed(table *t, const char *s, size_t n);

#endif
