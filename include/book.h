/* book.h - Writing a workbook with libxlsxwriter, every return code checked.
 *
 * A book wraps an lxw_workbook with one sticky error: the first failing call
 * is described in err and every later call does nothing, so sheet writers
 * read straight through and the caller checks b->failed once. Amounts are
 * written exactly (refused above 2^53), formulas always with their cached
 * value, text always as a string (never a formula) and only if valid UTF-8.
 * Shared by every workbook pulje writes: the committee workbook (report.c)
 * with its multi-year and earmark sheets, the comparison workbook
 * (report_compare.c) and the applications template (init.c). */
#ifndef PULJE_BOOK_H
#define PULJE_BOOK_H

#include <stddef.h>
#include <time.h>

#include <xlsxwriter.h>

#include "atomic.h"
#include "labels.h"
#include "money.h"
#include "pool.h"

/* Number formats (Excel format codes; Danish Excel shows 6.318.216 and 17,3 %). */
#define NF_KR     "#,##0"
#define NF_PCT    "0.0 %"
#define NF_FACTOR "0.0000"
#define NF_DATE   "dd-mm-yyyy"

/* A4 in libxlsxwriter's paper numbering (worksheet_set_paper). */
#define BOOK_PAPER_A4 9

/* Print margins in inches: narrow sides, room for the page header and footer. */
#define BOOK_MARGIN_SIDE 0.4
#define BOOK_MARGIN_TOP 0.6

typedef struct book {
    lxw_workbook *wb;
    int failed;          /* the first failure is described in err */
    char *err;
    size_t errsz;
    const char *path;    /* the file book_open() started, and its temporary file */
    atomic_file af;
    char *text;          /* scratch buffer for formatted labels */
    size_t textsz;

    /* formats */
    lxw_format *title, *head, *head_num, *text_wrap, *nr, *kr, *pct;
    lxw_format *total, *total_kr, *total_pct;
    lxw_format *sum, *sum_kr, *factor, *date;
    lxw_format *gini, *count;   /* only the comparison workbook sets gini */
    lxw_format *plain;          /* top-aligned text: what a NULL format means */
    lxw_format *txt, *center;   /* top-aligned text with a small indent; centred (Ja/Nej) */
    lxw_format *section, *sum_right; /* a bold heading that does not wrap; a bold right-aligned total */
    lxw_format *head_center, *date_right; /* a heading over centred Ja/Nej; a date among numbers */
} book;

/* A sheet being written: its libxlsxwriter object and its name for messages. */
typedef struct book_sheet {
    lxw_worksheet *ws;
    const char *name;
} book_sheet;

/* Flags for book_add_format(). */
enum {
    F_BOLD = 1, F_TOP = 2, F_BOTTOM = 4, F_WRAP = 8, F_TITLE = 16, F_RIGHT = 32,
    F_LEFT = 64, F_VTOP = 128, F_INDENT = 256, F_CENTER = 512
};

/**
 * @brief Start a workbook that replaces path whole or not at all (atomic.h).
 *
 * Clears b, sends its failures to err, and creates b->wb on a temporary file
 * next to path. Every workbook writer goes book_open(), book_add_formats()
 * or its own formats, the sheets, book_close().
 *
 * @code
 * book b;
 * if (book_open(&b, "out.xlsx", NULL, err, sizeof err) != 0)
 *     return -1;
 * book_add_formats(&b);
 * book_sheet s = book_add_sheet(&b, L_SHEET_ECONOMY);
 * book_put_text(&b, &s, 0, 0, "Hej", b.title);
 * return book_close(&b);
 * @endcode
 * @param opts  libxlsxwriter's options (constant memory, ...), or NULL.
 * @return 0, or -1 with err set (nothing left behind).
 */
int book_open(book *b, const char *path, lxw_workbook_options *opts, char *err,
              size_t errsz);

/**
 * @brief Close the workbook (always: that frees it) and, unless a call
 * failed, put the file in place; frees the book's scratch text.
 * @return 0, or -1 with the first failure in err; the temporary file is then
 *         removed and path is as it was (unless err says that only the
 *         folder sync failed).
 */
int book_close(book *b);

/** @brief Record the first failure (printf format); later ones are ignored. */
void book_fail(book *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** @brief Record a failed libxlsxwriter call on a sheet (not tied to a cell). */
void book_check(book *b, const book_sheet *s, lxw_error e, const char *what);

/** @brief Record a failed cell write, naming the cell. */
void book_check_cell(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col, lxw_error e);

/** @brief A label with its blanks filled, in the book's scratch buffer (valid
 * until the next call); "" after a failure. */
const char *book_text(book *b, label_id id, ...);

/** @brief A new cell format with F_* flags and a number format (may be NULL). */
lxw_format *book_add_format(book *b, unsigned flags, const char *num_format);

/** @brief Create the shared formats (b->title, b->kr, ...). */
void book_add_formats(book *b);

/** @brief Add a sheet named by a label. */
book_sheet book_add_sheet(book *b, label_id name);

/** @brief Add a sheet with a name of its own (copied into the book). */
book_sheet book_add_sheet_named(book *b, const char *name);

/** @brief Text as a string cell (never a formula); refused unless valid UTF-8. */
void book_put_text(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col,
                   const char *t, lxw_format *f);

/** @brief A number cell. */
void book_put_num(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col, double v,
                  lxw_format *f);

/** @brief An amount, exactly (refused if a double cannot hold it to the krone). */
void book_put_kr(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col, pulje_kr v,
                 lxw_format *f);

/** @brief A formula with its cached result, so it never shows 0 before recalculation. */
void book_put_formula(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col,
                      const char *formula, lxw_format *f, double cached);

/** @brief A formula whose cached result is an amount (checked like book_put_kr). */
void book_put_formula_kr(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col,
                         const char *formula, lxw_format *f, pulje_kr cached);

/** @brief A blank cell with a format. */
void book_put_blank(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col,
                    lxw_format *f);

/** @brief Set a row's height in points (15 is one line); call before writing the row. */
void book_set_row_height(book *b, const book_sheet *s, lxw_row_t row, double height);

/** @brief Lines a text needs in a column `width` characters wide (at least 1). */
int book_lines(const char *text, double width);

/** @brief Set the width of columns first..last. */
void book_set_column(book *b, const book_sheet *s, lxw_col_t first, lxw_col_t last,
                     double width);

/** @brief The A1 name of a cell ("AB12"), the same as lxw_rowcol_to_cell()
 * writes, without printf (it is called for every row); buf holds at least
 * LXW_MAX_CELL_NAME_LENGTH. @return its length. This function can't fail. */
size_t book_cell_name(char *buf, lxw_row_t row, lxw_col_t col);

/**
 * @brief A formula from a template in which each '@' is the name of a cell,
 * given as the next (row, column) pair of arguments:
 * book_formula(f, sizeof f, "=@-@", row, 4, row, 7) gives "=E5-H5".
 * @return 0, or -1 if it did not fit (buf then holds what did).
 */
int book_formula(char *buf, size_t size, const char *tmpl, ...);

/** @brief "=SUM(B4:B6)" for rows first..last (0-based) of column col. */
void book_sum_formula(char *buf, size_t size, lxw_row_t first, lxw_row_t last,
                      lxw_col_t col);

/**
 * @brief A reference to a cell or range on a sheet, the name always quoted:
 * "'Samlet oversigt'!H9" (first == last), or "'Resumé'!$A$30:$A$34" with
 * absolute on. For formulas on other sheets and for chart ranges.
 * @return 0, or -1 if it does not fit in size (buf then holds "").
 */
int book_ref(char *buf, size_t size, const char *sheet, lxw_row_t first_row,
             lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col, int absolute);

/** @brief "='Samlet oversigt'!H9": a formula showing one cell of another sheet
 * (the name quoted, its quotes doubled; truncated to size). */
void book_ref_formula(char *buf, size_t size, const char *sheet, lxw_row_t row, lxw_col_t col);

/** @brief Parse "YYYY-MM-DD", a real date in the years 1900-9999.
 * @return 0 with *out set (time of day 0), or -1 for anything else. */
int book_parse_date(const char *s, lxw_datetime *out);

/** @brief The date at 12:00 UTC: the fixed creation time a workbook gets, so
 * that the same inputs give the same bytes. Uses no clock and no time zone. */
time_t book_created_time(const lxw_datetime *date);

/** @brief A4, one page wide, "<sheet> - Side n af m" in the footer, the pool's name
 * and year in the page header (p NULL: no page header), narrow margins. */
void book_page_setup(book *b, const book_sheet *s, const pool *p, int landscape);

/** @brief Repeat rows first..last at the top of every printed page. */
void book_repeat_rows(book *b, const book_sheet *s, lxw_row_t first, lxw_row_t last);

/** @brief Print at a fixed scale (percent) instead of fitting to the page width. */
void book_print_scale(book *b, const book_sheet *s, unsigned scale);

/** @brief The scale (percent, 10..100) at which columns of these widths (Excel
 * character units) fill one A4 page's printable width, landscape or not.
 * This function can't fail. */
unsigned book_scale_for(const double *widths, size_t n, int landscape);

#endif
