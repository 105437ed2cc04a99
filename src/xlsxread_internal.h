/* xlsxread_internal.h - What the files of the xlsxread module share:
 * xlsxread.c (the zip, the XML plumbing, the public calls), xlsxparts.c
 * (relationships, workbook, shared strings), xlsxstyle.c (styles and number
 * formats), xlsxsheet.c (the sheet as text). Not for use outside the
 * module; the public API is xlsxread.h. */
#ifndef PULJE_XLSXREAD_INTERNAL_H
#define PULJE_XLSXREAD_INTERNAL_H

#include <expat.h>
#include <stdbool.h>
#include <stddef.h>
#include <zip.h>

#include "xlsxread.h"

/* Bytes unpacked and handed to expat at a time. */
#define CHUNK 65536

/* The longest part name followed; relationship targets are short. */
#define PART_MAX 1024

/* Numbers with more digits or a larger exponent are kept as written. */
#define NUM_MAX_DIGITS 64
#define NUM_MAX_EXP 400
#define NUM_BUFSZ (NUM_MAX_DIGITS + NUM_MAX_EXP + 8)

/* A growing byte buffer, kept NUL-terminated. */
typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

/* A reading in progress. */
typedef struct xr {
    zip_t *za;
    size_t limit;
    xlsxread_error err;  /* the first error; XLSXREAD_OK while none */
    char *detail;
    size_t detailsz;
    XML_Parser parser;   /* the part being parsed; NULL between parts */
    const char *part;    /* its name */
    bool collect;        /* character data goes to text */
    buf text;            /* the character data of the value being read */
    buf sst;             /* the shared strings, each NUL-terminated, one after another */
    size_t *sst_off;     /* where each starts in sst */
    size_t sst_n, sst_cap;
    buf field;           /* one value, decoded */
    buf out;             /* the text being made */

    /* styles: the number format of each cell style, and the custom formats */
    unsigned *xf_fmt;    /* numFmtId of cellXfs entry i */
    size_t xf_n, xf_cap;
    unsigned *fmt_id;    /* custom number formats: id and code */
    char **fmt_code;
    size_t fmt_n, fmt_cap;
    /* the typed cells found */
    xlsxread_cell *cells;
    size_t cells_n, cells_cap;
} xr;

/* Record the first error (printf format for the detail) and stop the parser. */
void xlsx_fail(xr *x, xlsxread_error e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Make room for more bytes and a NUL in b. False (the error recorded) when
 * out of memory or when b would pass the limit. */
bool xlsx_buf_room(xr *x, buf *b, size_t more);

/* Append n bytes of s to b. False (the error recorded) on failure. */
bool xlsx_buf_add(xr *x, buf *b, const char *s, size_t n);

/* Append count copies of c to b. False (the error recorded) on failure. */
bool xlsx_buf_fill(xr *x, buf *b, char c, size_t count);

/* True if the element name ("uri|local") has the local name want. */
bool xlsx_is(const XML_Char *name, const char *want);

/* The value of the attribute with local name want, in some namespace when ns
 * is true, in none otherwise; NULL when there is none. */
const char *xlsx_attr(const XML_Char **atts, const char *want, bool ns);

/* True if s ends with suffix. */
bool xlsx_ends_with(const char *s, const char *suffix);

/* The index of part name in the archive (names compared ignoring case), or -1. */
zip_int64_t xlsx_find_part(xr *x, const char *name);

/* Unpack part idx in chunks and feed it to a new parser with the handlers
 * given; ud's first member is x. Errors are recorded in x. */
void xlsx_parse_part(xr *x, zip_int64_t idx, const char *name, XML_StartElementHandler start,
                       XML_EndElementHandler end, void *ud);

/* The part a relationship target leads to from part from, into out. False
 * when it leads outside the package or is too long. */
bool xlsx_resolve(const char *from, const char *target, char out[PART_MAX]);

/* Read the shared strings part into x->sst (xlsxparts.c). */
void xlsx_read_sst(xr *x, const char *part);

/* The workbook part, from _rels/.rels (xl/workbook.xml when it names none),
 * into book. False (the error recorded) when it cannot be found (xlsxparts.c). */
bool xlsx_find_book(xr *x, char book[PART_MAX]);

/* The part of the sheet named want (the first when NULL) into sheet, the
 * shared strings' and the styles' parts into sst and styles ("" when none);
 * the sheet names into res. False (the error recorded) when there is no
 * sheet to read (xlsxparts.c). */
bool xlsx_find_sheet(xr *x, const char *book, const char *want, char sheet[PART_MAX],
                       char sst[PART_MAX], char styles[PART_MAX], xlsxread_result *res);

/* True for an ASCII digit. */
bool xlsx_digit(char c);

/* What the cell style s (the s attribute, NULL for none) shows a number as;
 * *code gets the format code (xlsxstyle.c). */
xlsxread_kind xlsx_style_kind(const xr *x, const char *s, const char **code);

/* Note a typed cell. False on error (recorded) (xlsxstyle.c). */
bool xlsx_add_typed(xr *x, unsigned row, unsigned col, xlsxread_kind kind, const char *code,
                      const char *value, size_t vlen);

/* Read the styles part: the number format of each cell style and the
 * custom formats' codes (xlsxstyle.c). */
void xlsx_read_styles(xr *x, const char *part);

/* The Excel name of a cell ("D4"), 1-based column and row (xlsxsheet.c). */
void xlsx_cell_name(unsigned col, unsigned row, char out[16]);

/* Read the sheet part into x->out as ';'-separated text, its typed cells
 * into x->cells (xlsxsheet.c). */
void xlsx_read_sheet(xr *x, const char *part);

#endif
