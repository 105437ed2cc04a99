/* book.c - Writing a workbook with libxlsxwriter, every return code checked. */
#include "book.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "text.h"
#include "messages.h"

/* Excel stores numbers as doubles: integers above 2^53 are not exact. */
#define EXACT_MAX INT64_C(9007199254740992)

static const char *str(const char *s)
{
    return s ? s : "";
}

int book_open(book *b, const char *path, lxw_workbook_options *opts, char *err,
              size_t errsz)
{
    memset(b, 0, sizeof *b);
    b->err = err;
    b->errsz = errsz;
    b->path = path;
    if (atomic_begin_err(&b->af, path, 0, err, errsz) != 0)
        return -1;
    b->wb = workbook_new_opt(b->af.tmp_path, opts);
    if (!b->wb) {
        text_set_err(err, errsz, "libxlsxwriter: cannot create a workbook (out of memory)");
        atomic_abort(&b->af);
        return -1;
    }
    return 0;
}

int book_close(book *b)
{
    lxw_error e = workbook_close(b->wb);

    b->wb = NULL;
    free(b->text);
    b->text = NULL;
    b->textsz = 0;
    if (!b->failed && e != LXW_NO_ERROR)
        book_fail(b, "libxlsxwriter: cannot write %s: %s", b->path, lxw_strerror(e));
    if (b->failed) {
        atomic_abort(&b->af);
        return -1;
    }
    return atomic_commit_err(&b->af, b->path, b->err, b->errsz);
}

void book_fail(book *b, const char *fmt, ...)
{
    va_list ap;

    if (b->failed)
        return;
    b->failed = 1;
    if (!b->err || b->errsz == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->err, b->errsz, msg_tr(fmt), ap);
    va_end(ap);
}

/* Record a failed libxlsxwriter call on a sheet (not tied to a cell). */
void book_check(book *b, const book_sheet *s, lxw_error e, const char *what)
{
    if (e != LXW_NO_ERROR)
        book_fail(b, "libxlsxwriter: %s on sheet '%s': %s", what, s->name, lxw_strerror(e));
}

/* Record a failed cell write. */
void book_check_cell(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col, lxw_error e)
{
    char cell[LXW_MAX_CELL_NAME_LENGTH];

    if (e == LXW_NO_ERROR)
        return;
    lxw_rowcol_to_cell(cell, row, col);
    book_fail(b, "libxlsxwriter: cannot write cell %s of sheet '%s': %s", cell, s->name,
         lxw_strerror(e));
}

/* A label with its arguments, in the book's scratch buffer (valid until the
 * next call). Returns "" after a failure. */
const char *book_text(book *b, label_id id, ...)
{
    va_list ap;
    int n;

    if (b->failed)
        return "";
    for (;;) {
        va_start(ap, id);
        n = label_vformat(b->text, b->text ? b->textsz : 0, id, ap);
        va_end(ap);
        if (n < 0) {
            book_fail(b, "cannot format label %d", (int)id);
            return "";
        }
        if (b->text && (size_t)n < b->textsz)
            return b->text;
        char *grown = realloc(b->text, (size_t)n + 1);
        if (!grown) {
            book_fail(b, "out of memory");
            return "";
        }
        b->text = grown;
        b->textsz = (size_t)n + 1;
    }
}



lxw_format *book_add_format(book *b, unsigned flags, const char *num_format)
{
    lxw_format *f;

    if (b->failed)
        return NULL;
    f = workbook_add_format(b->wb);
    if (!f) {
        book_fail(b, "libxlsxwriter: cannot add a cell format (out of memory)");
        return NULL;
    }
    if (flags & (F_BOLD | F_TITLE))
        format_set_bold(f);
    if (flags & F_TITLE)
        format_set_font_size(f, 14);
    if (flags & F_TOP)
        format_set_top(f, LXW_BORDER_THIN);
    if (flags & F_BOTTOM)
        format_set_bottom(f, LXW_BORDER_THIN);
    if (flags & F_WRAP)
        format_set_text_wrap(f);
    if (flags & F_RIGHT)
        format_set_align(f, LXW_ALIGN_RIGHT);
    if (flags & F_LEFT)
        format_set_align(f, LXW_ALIGN_LEFT);
    if (flags & F_CENTER)
        format_set_align(f, LXW_ALIGN_CENTER);
    if (flags & F_VTOP)
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (flags & F_INDENT)
        format_set_indent(f, 1);
    if (num_format)
        format_set_num_format(f, num_format);
    return f;
}

void book_add_formats(book *b)
{
    /* Every cell is top-aligned, so a cell in a tall row never floats; texts
     * next to a number keep an indent, so the two never touch. */
    b->title = book_add_format(b, F_TITLE | F_VTOP, NULL);
    b->head = book_add_format(b, F_BOLD | F_BOTTOM | F_WRAP | F_VTOP | F_INDENT, NULL);
    b->head_num = book_add_format(b, F_BOLD | F_BOTTOM | F_WRAP | F_VTOP | F_RIGHT, NULL);
    b->text_wrap = book_add_format(b, F_WRAP | F_VTOP | F_INDENT, NULL);
    b->nr = book_add_format(b, F_LEFT | F_VTOP | F_INDENT, NULL); /* under its indented heading */
    b->kr = book_add_format(b, F_VTOP, NF_KR);
    b->pct = book_add_format(b, F_VTOP, NF_PCT);
    b->total = book_add_format(b, F_BOLD | F_TOP | F_VTOP | F_INDENT, NULL);
    b->total_kr = book_add_format(b, F_BOLD | F_TOP | F_VTOP, NF_KR);
    b->total_pct = book_add_format(b, F_BOLD | F_TOP | F_VTOP, NF_PCT);
    b->sum = book_add_format(b, F_BOLD | F_TOP | F_VTOP | F_INDENT, NULL);
    b->sum_kr = book_add_format(b, F_BOLD | F_TOP | F_VTOP, NF_KR);
    b->factor = book_add_format(b, F_VTOP, NF_FACTOR);
    b->date = book_add_format(b, F_LEFT | F_VTOP | F_INDENT, NF_DATE);
    b->count = book_add_format(b, F_VTOP, "0");
    b->plain = book_add_format(b, F_VTOP, NULL);
    b->txt = book_add_format(b, F_VTOP | F_INDENT, NULL);
    b->center = book_add_format(b, F_VTOP | F_CENTER, NULL);
    b->section = book_add_format(b, F_BOLD | F_VTOP, NULL);
    b->sum_right = book_add_format(b, F_BOLD | F_TOP | F_VTOP | F_RIGHT, NULL);
    b->head_center = book_add_format(b, F_BOLD | F_BOTTOM | F_WRAP | F_VTOP | F_CENTER, NULL);
    b->date_right = book_add_format(b, F_VTOP, NF_DATE);
}

/* Text, always as a string cell: never interpreted, even if it starts with
 * '='. Text that is not UTF-8 would make the file unreadable: refused. */
void book_put_text(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col,
                     const char *t, lxw_format *f)
{
    char cell[LXW_MAX_CELL_NAME_LENGTH];

    if (b->failed)
        return;
    t = str(t);
    if (!f)
        f = b->plain;
    if (!text_is_utf8(t, strlen(t))) {
        lxw_rowcol_to_cell(cell, row, col);
        book_fail(b, "cell %s of sheet '%s': the text is not valid UTF-8", cell, s->name);
        return;
    }
    book_check_cell(b, s, row, col, worksheet_write_string(s->ws, row, col, t, f));
}

void book_put_num(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col, double v,
                    lxw_format *f)
{
    if (!b->failed)
        book_check_cell(b, s, row, col,
                        worksheet_write_number(s->ws, row, col, v, f ? f : b->plain));
}

/* An amount, exactly: refuses amounts a double cannot hold to the krone. */
static int exact(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col, pulje_kr v)
{
    char cell[LXW_MAX_CELL_NAME_LENGTH];

    if (v <= EXACT_MAX && v >= -EXACT_MAX)
        return 1;
    lxw_rowcol_to_cell(cell, row, col);
    book_fail(b, "cell %s of sheet '%s': %" PRId64 " kr. is too large for a spreadsheet cell",
         cell, s->name, v);
    return 0;
}

void book_put_kr(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col, pulje_kr v,
                   lxw_format *f)
{
    if (!b->failed && exact(b, s, row, col, v))
        book_put_num(b, s, row, col, (double)v, f);
}

/* A formula with its cached result, so it never shows 0 before recalculation. */
void book_put_formula(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col,
                        const char *formula, lxw_format *f, double cached)
{
    if (!b->failed)
        book_check_cell(b, s, row, col,
                   worksheet_write_formula_num(s->ws, row, col, formula, f ? f : b->plain,
                                               cached));
}

void book_put_formula_kr(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col,
                           const char *formula, lxw_format *f, pulje_kr cached)
{
    if (!b->failed && exact(b, s, row, col, cached))
        book_put_formula(b, s, row, col, formula, f, (double)cached);
}

void book_put_blank(book *b, const book_sheet *s, lxw_row_t row, lxw_col_t col, lxw_format *f)
{
    if (!b->failed)
        book_check_cell(b, s, row, col, worksheet_write_blank(s->ws, row, col, f));
}

void book_set_column(book *b, const book_sheet *s, lxw_col_t first, lxw_col_t last,
                       double width)
{
    if (!b->failed)
        book_check(b, s, worksheet_set_column(s->ws, first, last, width, NULL),
              "worksheet_set_column");
}

void book_set_row_height(book *b, const book_sheet *s, lxw_row_t row, double height)
{
    if (!b->failed)
        book_check(b, s, worksheet_set_row(s->ws, row, height, NULL), "worksheet_set_row");
}

size_t book_cell_name(char *buf, lxw_row_t row, lxw_col_t col)
{
    char tmp[16];
    size_t n = 0, k = 0;
    unsigned c = (unsigned)col + 1;
    uint32_t r = row + 1;

    /* the column's letters, last first: A..Z, then AA.., as Excel counts */
    while (c > 0) {
        unsigned rem = c % 26 ? c % 26 : 26;
        tmp[k++] = (char)('A' + rem - 1);
        c = (c - rem) / 26;
    }
    while (k > 0)
        buf[n++] = tmp[--k];
    do {
        tmp[k++] = (char)('0' + r % 10);
        r /= 10;
    } while (r > 0);
    while (k > 0)
        buf[n++] = tmp[--k];
    buf[n] = '\0';
    return n;
}

int book_formula(char *buf, size_t size, const char *tmpl, ...)
{
    va_list ap;
    size_t n = 0;
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    int ok = 1;

    if (size == 0)
        return -1;
    va_start(ap, tmpl);
    for (const char *t = tmpl; *t && ok; t++) {
        if (*t != '@') {
            ok = n + 1 < size;
            if (ok)
                buf[n++] = *t;
            continue;
        }
        lxw_row_t row = va_arg(ap, lxw_row_t);
        lxw_col_t col = (lxw_col_t)va_arg(ap, int);
        size_t len = book_cell_name(cell, row, col);
        ok = n + len < size;
        if (ok) {
            memcpy(buf + n, cell, len);
            n += len;
        }
    }
    va_end(ap);
    buf[n] = '\0';
    return ok ? 0 : -1;
}

/* "=SUM(B4:B6)" for rows first..last (0-based) of column col. */
void book_sum_formula(char *buf, size_t size, lxw_row_t first, lxw_row_t last,
                        lxw_col_t col)
{
    char range[LXW_MAX_CELL_RANGE_LENGTH];

    lxw_rowcol_to_range(range, first, col, last, col);
    snprintf(buf, size, "=SUM(%s)", range);
}

/* "'Samlet oversigt'!H9": a cell on another sheet, the name quoted. */
void book_ref_formula(char *buf, size_t size, const char *sheet, lxw_row_t row, lxw_col_t col)
{
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    size_t n = 0;

    lxw_rowcol_to_cell(cell, row, col);
    buf[n++] = '=';
    buf[n++] = '\'';
    for (const char *c = sheet; *c && n + 3 < size; c++) {
        if (*c == '\'')
            buf[n++] = '\'';
        buf[n++] = *c;
    }
    buf[n] = '\0';
    snprintf(buf + n, size - n, "'!%s", cell);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). Exact for every year; no time zone, no clock. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    int64_t era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

time_t book_created_time(const lxw_datetime *date)
{
    return (time_t)(days_from_civil(date->year, date->month, date->day) * 86400 + 12 * 3600);
}

void book_repeat_rows(book *b, const book_sheet *s, lxw_row_t first, lxw_row_t last)
{
    if (!b->failed)
        book_check(b, s, worksheet_repeat_rows(s->ws, first, last), "worksheet_repeat_rows");
}

void book_print_scale(book *b, const book_sheet *s, unsigned scale)
{
    if (b->failed)
        return;
    /* fit_to_pages(0, 0) clears the fit, so the scale applies (both return void) */
    worksheet_fit_to_pages(s->ws, 0, 0);
    worksheet_set_print_scale(s->ws, (uint16_t)scale);
}

/* A4's width less the side margins, in points: 297 or 210 mm, 72 pt per inch. */
static double printable_pt(int landscape)
{
    double mm = landscape ? 297.0 : 210.0;
    return mm / 25.4 * 72.0 - 2 * BOOK_MARGIN_SIDE * 72.0;
}

unsigned book_scale_for(const double *widths, size_t n, int landscape)
{
    double px = 0;
    unsigned scale;

    /* Excel's column width w (characters of the default font) is 7w + 5 pixels
     * at 96 dpi, 0,75 pt a pixel; LibreOffice, printing with a wider
     * substitute for Calibri, makes it about 9,5w + 5: the wider one rules. */
    for (size_t i = 0; i < n; i++)
        px += widths[i] * 9.5 + 5.0;
    if (px <= 0)
        return 100;
    scale = (unsigned)(printable_pt(landscape) / (px * 0.75) * 100.0);
    return scale > 100 ? 100 : scale < 10 ? 10 : scale;
}

/* The page header "&C<name> <year>", with '&' doubled: it starts a control code. */
static void page_header(book *b, const book_sheet *s, const pool *p)
{
    char *header;
    size_t n = 0;
    const char *name = str(p->name);
    char year[16];

    snprintf(year, sizeof year, " %d", p->year);
    header = malloc(2 * strlen(name) + strlen(year) + 3);
    if (!header) {
        book_fail(b, "out of memory");
        return;
    }
    header[n++] = '&';
    header[n++] = 'C';
    for (const char *c = name; *c; c++) {
        if (*c == '&')
            header[n++] = '&';
        header[n++] = *c;
    }
    strcpy(header + n, year);
    book_check(b, s, worksheet_set_header(s->ws, header), "worksheet_set_header");
    free(header);
}

/* Page setup of every printed sheet: A4, one page wide, the pool in the page
 * header (none when p is NULL), "Side n af m" in the footer. */
void book_page_setup(book *b, const book_sheet *s, const pool *p, int landscape)
{
    if (b->failed)
        return;
    if (landscape)
        worksheet_set_landscape(s->ws);
    else
        worksheet_set_portrait(s->ws);
    worksheet_set_paper(s->ws, BOOK_PAPER_A4);
    worksheet_set_margins(s->ws, BOOK_MARGIN_SIDE, BOOK_MARGIN_SIDE, BOOK_MARGIN_TOP,
                          BOOK_MARGIN_TOP);
    worksheet_fit_to_pages(s->ws, 1, 0);
    if (p)
        page_header(b, s, p);
    if (!b->failed)
        book_check(b, s, worksheet_set_footer(s->ws, label(L_PRINT_FOOTER)),
              "worksheet_set_footer");
}

book_sheet book_add_sheet(book *b, label_id name)
{
    book_sheet s = {NULL, label(name)};

    if (b->failed)
        return s;
    s.ws = workbook_add_worksheet(b->wb, s.name);
    if (!s.ws)
        book_fail(b, "libxlsxwriter: cannot add the sheet '%s' (invalid name or out of memory)",
             s.name);
    return s;
}

book_sheet book_add_sheet_named(book *b, const char *name)
{
    book_sheet s = {NULL, ""};

    if (b->failed)
        return s;
    s.ws = workbook_add_worksheet(b->wb, name);
    if (!s.ws) {
        book_fail(b, "libxlsxwriter: cannot add the sheet '%s' (invalid name or out of memory)",
                  name);
        return s;
    }
    s.name = s.ws->name; /* the workbook keeps its own copy */
    return s;
}

int book_lines(const char *text, double width)
{
    size_t chars = 0;
    int lines = 1;
    double per_line = width > 2 ? width - 1 : 1; /* a little margin for proportional fonts */

    for (const char *c = text ? text : ""; *c; c++) {
        if ((*c & 0xC0) == 0x80)
            continue; /* UTF-8 continuation byte */
        if (*c == '\n' || (double)++chars > per_line) {
            lines++;
            chars = *c == '\n' ? 0 : 1;
        }
    }
    return lines;
}

/* A quoted sheet name ('' for '), then '!' and the cell or range. */
int book_ref(char *buf, size_t size, const char *sheet, lxw_row_t first_row,
             lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col, int absolute)
{
    char range[LXW_MAX_CELL_RANGE_LENGTH];
    size_t need, n = 0;

    if (!buf || size == 0)
        return -1;
    if (absolute)
        lxw_rowcol_to_range_abs(range, first_row, first_col, last_row, last_col);
    else
        lxw_rowcol_to_range(range, first_row, first_col, last_row, last_col);
    need = strlen("''!") + strlen(range) + 1;
    for (const char *c = str(sheet); *c; c++)
        need += *c == '\'' ? 2 : 1;
    if (need > size) {
        buf[0] = '\0';
        return -1;
    }
    buf[n++] = '\'';
    for (const char *c = str(sheet); *c; c++) {
        if (*c == '\'')
            buf[n++] = '\'';
        buf[n++] = *c;
    }
    buf[n++] = '\'';
    buf[n++] = '!';
    strcpy(buf + n, range);
    return 0;
}

/* Parse "YYYY-MM-DD" with date_parse(), the one date parser. Returns 0 or -1. */
int book_parse_date(const char *s, lxw_datetime *out)
{
    date_ymd d;

    if (date_parse(s, &d) != DATE_OK)
        return -1;
    memset(out, 0, sizeof *out);
    out->year = d.year;
    out->month = (uint8_t)d.month;
    out->day = (uint8_t)d.day;
    return 0;
}
