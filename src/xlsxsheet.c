/* xlsxsheet.c - The sheet of an .xlsx as ';'-separated text: its rows and
 * columns become lines and fields, values decoded as Excel shows them. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsxread_internal.h"

/* ---------------------------------------------------------------------------
 * Values as text.
 * ------------------------------------------------------------------------- */

/* Strip blanks from both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
    while (*n > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) {
        s++;
        (*n)--;
    }
    while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\n' ||
                      s[*n - 1] == '\r'))
        (*n)--;
    return s;
}

/* A number as written in a sheet ("50000", "50.5", "5E+4", "-1.25E-3") in
 * plain decimal: no exponent, no trailing zeros, a ',' before any decimals
 * ("50000", "50,5", "-0,00125"). Works on the digits, so nothing is lost to
 * binary rounding. Returns the length written to out, or 0 when s is not
 * such a number or is too long (then it is kept as written). */
static size_t number_text(const char *s, size_t n, char out[NUM_BUFSZ])
{
    char d[NUM_MAX_DIGITS];
    size_t i = 0, nd = 0, o = 0, lead = 0;
    long point = -1, exp = 0, pos;
    bool neg = false;

    s = trim(s, &n);
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    for (; i < n && (xlsx_digit(s[i]) || s[i] == '.'); i++) {
        if (s[i] == '.') {
            if (point >= 0)
                return 0;
            point = (long)nd;
        } else if (nd == NUM_MAX_DIGITS) {
            return 0;
        } else {
            d[nd++] = s[i];
        }
    }
    if (nd == 0)
        return 0;
    if (point < 0)
        point = (long)nd;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        bool eneg = false;
        size_t ed = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        for (; i < n && xlsx_digit(s[i]); i++, ed++) {
            exp = exp * 10 + (s[i] - '0');
            if (exp > NUM_MAX_EXP)
                return 0;
        }
        if (ed == 0)
            return 0;
        exp = eneg ? -exp : exp;
    }
    if (i != n)
        return 0;

    /* value = 0.d[0..nd) x 10^pos */
    pos = point + exp;
    while (lead < nd && d[lead] == '0') {
        lead++;
        pos--;
    }
    while (nd > lead && d[nd - 1] == '0')
        nd--;
    if (lead == nd) {
        out[0] = '0';
        return 1;
    }
    if (neg)
        out[o++] = '-';
    if (pos <= 0) {
        out[o++] = '0';
        out[o++] = ',';
        for (long z = pos; z < 0; z++)
            out[o++] = '0';
        for (size_t k = lead; k < nd; k++)
            out[o++] = d[k];
    } else if ((size_t)pos >= nd - lead) {
        for (size_t k = lead; k < nd; k++)
            out[o++] = d[k];
        for (long z = (long)(nd - lead); z < pos; z++)
            out[o++] = '0';
    } else {
        for (size_t k = lead; k < nd; k++) {
            if ((long)(k - lead) == pos)
                out[o++] = ',';
            out[o++] = d[k];
        }
    }
    return o;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Excel's escape _xHHHH_ at s (n bytes left): true and *cp set if it is one. */
static bool escape_at(const char *s, size_t n, unsigned *cp)
{
    unsigned v = 0;

    if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
        return false;
    for (int k = 2; k < 6; k++) {
        int h = hexval(s[k]);
        if (h < 0)
            return false;
        v = v * 16 + (unsigned)h;
    }
    *cp = v;
    return true;
}

/* Write code point cp (at most U+FFFF) as UTF-8 into u; returns the length. */
static size_t utf8(unsigned cp, char u[3])
{
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Put value s[0..n) in x->field: _xHHHH_ escapes decoded, then each line
 * break (a CR LF pair counting as one) or tab made one space. Other control
 * characters are kept, for the reader to report at their cell. False on
 * error (recorded). */
static bool decode(xr *x, const char *s, size_t n)
{
    size_t i = 0, j = 0;
    char *p;

    x->field.n = 0;
    if (!xlsx_buf_room(x, &x->field, n))
        return false;
    while (i < n) {
        unsigned cp;
        if (escape_at(s + i, n - i, &cp)) {
            char u[3];
            size_t m = utf8(cp, u);
            if (!xlsx_buf_add(x, &x->field, u, m))
                return false;
            i += 7;
        } else {
            size_t k = i + 1;
            while (k < n && s[k] != '_')
                k++;
            if (!xlsx_buf_add(x, &x->field, s + i, k - i))
                return false;
            i = k;
        }
    }
    p = x->field.p;
    for (i = 0; i < x->field.n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '\r' && i + 1 < x->field.n && p[i + 1] == '\n')
            continue;
        p[j++] = (char)(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
    }
    x->field.n = j;
    p[j] = '\0';
    return true;
}

/* ---------------------------------------------------------------------------
 * The sheet.
 * ------------------------------------------------------------------------- */

typedef enum { V_NUMBER, V_SHARED, V_INLINE, V_BOOL, V_TEXT } value_kind;

/* What a cell's t attribute says its value is. */
static value_kind kind_of(const char *t)
{
    if (!t || strcmp(t, "n") == 0)
        return V_NUMBER;
    if (strcmp(t, "s") == 0)
        return V_SHARED;
    if (strcmp(t, "inlineStr") == 0)
        return V_INLINE;
    if (strcmp(t, "b") == 0)
        return V_BOOL;
    return V_TEXT; /* str (a formula's text), e (an error), d (a date as text), others */
}

/* A line with values: where it ends in the text, and its fields. */
typedef struct line_end {
    size_t end;
    unsigned fields;
} line_end;

typedef struct sheet_reader {
    xr *x;
    bool in_data, in_row, in_cell;
    unsigned row, last_row;  /* this row's number; the previous row's (0: none) */
    unsigned col, last_col;  /* this cell's column; the previous cell's in this row */
    unsigned written;        /* the last column written on this row's line; 0: none */
    unsigned lines;          /* line ends written */
    value_kind kind;
    bool date_type;          /* t="d": an ISO date written as text */
    xlsxread_kind style;     /* what the cell's style shows a number as */
    const char *style_code;  /* that style's number format code */
    unsigned v, is, t, rph;  /* open elements inside the cell */
    line_end *ends;
    size_t n_ends, cap_ends;
    unsigned width;          /* the most fields of any line */
} sheet_reader;

/* "B3" for column 2, row 3. */
void xlsx_cell_name(unsigned col, unsigned row, char out[16])
{
    char letters[4];
    int n = 0;

    while (col > 0 && n < 3) {
        letters[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (int k = 0; k < n; k++)
        out[k] = letters[n - 1 - k];
    snprintf(out + n, (size_t)(16 - n), "%u", row);
}

/* A row number of 1 to 7 digits within Excel's limit. */
static bool parse_row(const char *s, unsigned *row)
{
    unsigned r = 0;
    size_t d = 0;

    for (; xlsx_digit(s[d]) && d < 7; d++)
        r = r * 10 + (unsigned)(s[d] - '0');
    if (d == 0 || s[d] != '\0' || r == 0 || r > XLSXREAD_MAX_ROWS)
        return false;
    *row = r;
    return true;
}

/* A cell reference like "B3" within Excel's limits. */
static bool parse_ref(const char *s, unsigned *col, unsigned *row)
{
    unsigned c = 0;
    size_t i = 0;

    for (; i < 3 && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')); i++)
        c = c * 26 + (unsigned)((s[i] | 0x20) - 'a' + 1);
    if (i == 0 || c > XLSXREAD_MAX_COLS || !parse_row(s + i, row))
        return false;
    *col = c;
    return true;
}

static void sheet_collect(sheet_reader *sr)
{
    sr->x->collect = sr->v > 0 || (sr->is > 0 && sr->t > 0 && sr->rph == 0);
}

static void start_row(sheet_reader *sr, const char *r)
{
    xr *x = sr->x;
    unsigned n;

    if (r) {
        if (!parse_row(r, &n)) {
            xlsx_fail(x, XLSXREAD_ERR_CONTENT, "%s: row number \"%.20s\" is not 1 to %u", x->part, r,
                 XLSXREAD_MAX_ROWS);
            return;
        }
    } else if ((n = sr->last_row + 1) > XLSXREAD_MAX_ROWS) {
        xlsx_fail(x, XLSXREAD_ERR_CONTENT, "%s: more than %u rows", x->part, XLSXREAD_MAX_ROWS);
        return;
    }
    if (n <= sr->last_row) {
        xlsx_fail(x, XLSXREAD_ERR_CONTENT, "%s: row %u comes after row %u", x->part, n, sr->last_row);
        return;
    }
    sr->row = n;
    sr->in_row = true;
    sr->last_col = 0;
    sr->written = 0;
}

static void start_cell(sheet_reader *sr, const char *r, const char *t, const char *style)
{
    xr *x = sr->x;
    unsigned col, row;
    char name[16];

    if (r) {
        if (!parse_ref(r, &col, &row)) {
            xlsx_fail(x, XLSXREAD_ERR_CONTENT,
                 "%s row %u: \"%.20s\" is not a cell within Excel's %u rows and %u columns",
                 x->part, sr->row, r, XLSXREAD_MAX_ROWS, XLSXREAD_MAX_COLS);
            return;
        }
        if (row != sr->row) {
            xlsx_fail(x, XLSXREAD_ERR_CONTENT, "%s: cell %.20s is inside row %u", x->part, r,
                 sr->row);
            return;
        }
    } else if ((col = sr->last_col + 1) > XLSXREAD_MAX_COLS) {
        xlsx_fail(x, XLSXREAD_ERR_CONTENT, "%s row %u: more than %u columns", x->part, sr->row,
             XLSXREAD_MAX_COLS);
        return;
    }
    if (col <= sr->last_col) {
        xlsx_cell_name(col, sr->row, name);
        xlsx_fail(x, XLSXREAD_ERR_CONTENT, "%s: cell %s comes after a cell further right", x->part,
             name);
        return;
    }
    sr->col = sr->last_col = col;
    sr->in_cell = true;
    sr->kind = kind_of(t);
    sr->date_type = t && strcmp(t, "d") == 0;
    sr->style = xlsx_style_kind(x, style, &sr->style_code);
    sr->v = sr->is = sr->t = sr->rph = 0;
    x->text.n = 0;
}

/* Write the decoded value in x->field as field sr->col of the row's line:
 * first the empty lines of the rows before it, then the ';' up to its
 * column, then the field, quoted when it holds ';' or '"'. */
static void write_field(sheet_reader *sr)
{
    xr *x = sr->x;
    const char *s = x->field.p;
    size_t n = x->field.n;
    unsigned seps = sr->written ? sr->col - sr->written : sr->col - 1;

    if (sr->written == 0 && !xlsx_buf_fill(x, &x->out, '\n', sr->row - 1 - sr->lines))
        return;
    if (!xlsx_buf_fill(x, &x->out, ';', seps))
        return;
    if (!memchr(s, ';', n) && !memchr(s, '"', n)) {
        if (!xlsx_buf_add(x, &x->out, s, n))
            return;
    } else {
        if (!xlsx_buf_add(x, &x->out, "\"", 1))
            return;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"' && !xlsx_buf_add(x, &x->out, "\"", 1))
                return;
            if (!xlsx_buf_add(x, &x->out, s + i, 1))
                return;
        }
        if (!xlsx_buf_add(x, &x->out, "\"", 1))
            return;
    }
    sr->written = sr->col;
}

/* The cell has ended: its value as text, written unless empty. */
static void end_cell(sheet_reader *sr)
{
    xr *x = sr->x;
    const char *s = x->text.p ? x->text.p : "";
    size_t n = x->text.n, t, idx = 0;
    char num[NUM_BUFSZ], name[16];

    switch (sr->kind) {
    case V_NUMBER:
        s = trim(s, &n);
        if (n && sr->style != XLSXREAD_PLAIN &&
            !xlsx_add_typed(x, sr->row, sr->col, sr->style, sr->style_code, s, n))
            return;
        if ((t = number_text(s, n, num)) > 0) {
            s = num;
            n = t;
        }
        break;
    case V_SHARED:
        s = trim(s, &n);
        if (n == 0)
            break;
        for (t = 0; t < n && xlsx_digit(s[t]) && idx <= x->sst_n; t++)
            idx = idx * 10 + (size_t)(s[t] - '0');
        if (t < n || idx >= x->sst_n) {
            xlsx_cell_name(sr->col, sr->row, name);
            xlsx_fail(x, XLSXREAD_ERR_CONTENT,
                 "%s: cell %s refers to shared string \"%.20s\", but the workbook has %zu",
                 x->part, name, s, x->sst_n);
            return;
        }
        s = x->sst.p + x->sst_off[idx];
        n = (idx + 1 < x->sst_n ? x->sst_off[idx + 1] : x->sst.n) - x->sst_off[idx] - 1;
        break;
    case V_BOOL: {
        const char *b;
        t = n;
        b = trim(s, &t);
        if (t && !xlsx_add_typed(x, sr->row, sr->col, XLSXREAD_BOOL, "", b, t))
            return;
        if (t == 1 && (b[0] == '1' || b[0] == '0')) {
            s = b[0] == '1' ? "SAND" : "FALSK";
            n = strlen(s);
        }
        break;
    }
    case V_INLINE:
    case V_TEXT:
        if (sr->date_type && n &&
            !xlsx_add_typed(x, sr->row, sr->col, XLSXREAD_DATE, "ISO 8601", s, n))
            return;
        break;
    }
    if (n == 0 || !decode(x, s, n) || x->field.n == 0)
        return;
    write_field(sr);
}

/* The row has ended: end its line if it has values. */
static void end_row(sheet_reader *sr)
{
    xr *x = sr->x;

    sr->in_row = false;
    sr->last_row = sr->row;
    if (sr->written == 0)
        return;
    if (sr->n_ends == sr->cap_ends) {
        size_t cap = sr->cap_ends ? sr->cap_ends * 2 : 64;
        line_end *v = realloc(sr->ends, cap * sizeof *v);
        if (!v) {
            xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
            return;
        }
        sr->ends = v;
        sr->cap_ends = cap;
    }
    sr->ends[sr->n_ends].end = x->out.n;
    sr->ends[sr->n_ends].fields = sr->written;
    sr->n_ends++;
    if (sr->written > sr->width)
        sr->width = sr->written;
    if (xlsx_buf_add(x, &x->out, "\n", 1))
        sr->lines = sr->row;
}

static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    sheet_reader *sr = ud;

    if (!sr->in_data) {
        sr->in_data = xlsx_is(name, "sheetData");
    } else if (!sr->in_row) {
        if (xlsx_is(name, "row"))
            start_row(sr, xlsx_attr(atts, "r", false));
    } else if (!sr->in_cell) {
        if (xlsx_is(name, "c"))
            start_cell(sr, xlsx_attr(atts, "r", false), xlsx_attr(atts, "t", false),
                       xlsx_attr(atts, "s", false));
    } else {
        if (xlsx_is(name, "v"))
            sr->v++;
        else if (xlsx_is(name, "is"))
            sr->is++;
        else if (xlsx_is(name, "t"))
            sr->t++;
        else if (xlsx_is(name, "rPh"))
            sr->rph++;
        sheet_collect(sr);
    }
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
    sheet_reader *sr = ud;

    if (sr->in_cell) {
        if (xlsx_is(name, "c")) {
            sr->in_cell = false;
            sr->v = sr->is = sr->t = sr->rph = 0;
            sheet_collect(sr);
            end_cell(sr);
            return;
        }
        if (xlsx_is(name, "v") && sr->v > 0)
            sr->v--;
        else if (xlsx_is(name, "is") && sr->is > 0)
            sr->is--;
        else if (xlsx_is(name, "t") && sr->t > 0)
            sr->t--;
        else if (xlsx_is(name, "rPh") && sr->rph > 0)
            sr->rph--;
        sheet_collect(sr);
    } else if (sr->in_row) {
        if (xlsx_is(name, "row"))
            end_row(sr);
    } else if (sr->in_data && xlsx_is(name, "sheetData")) {
        sr->in_data = false;
    }
}

/* Give every line with values the fields of the widest one, as Excel does
 * when it saves a CSV. */
static void pad_lines(xr *x, const sheet_reader *sr)
{
    size_t extra = 0, from = 0, to = 0;
    char *p;

    for (size_t i = 0; i < sr->n_ends; i++)
        extra += sr->width - sr->ends[i].fields;
    if (extra == 0)
        return;
    if (extra > x->limit || x->out.n > x->limit - extra) {
        xlsx_fail(x, XLSXREAD_ERR_TOO_BIG, "the sheet's text passes the limit of %zu bytes",
             x->limit);
        return;
    }
    p = malloc(x->out.n + extra + 1);
    if (!p) {
        xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading the sheet");
        return;
    }
    for (size_t i = 0; i < sr->n_ends; i++) {
        size_t pad = sr->width - sr->ends[i].fields;
        memcpy(p + to, x->out.p + from, sr->ends[i].end - from);
        to += sr->ends[i].end - from;
        from = sr->ends[i].end;
        memset(p + to, ';', pad);
        to += pad;
    }
    memcpy(p + to, x->out.p + from, x->out.n - from);
    to += x->out.n - from;
    p[to] = '\0';
    free(x->out.p);
    x->out.p = p;
    x->out.n = to;
    x->out.cap = to + 1;
}


void xlsx_read_sheet(xr *x, const char *part)
{
    sheet_reader sr;

    memset(&sr, 0, sizeof sr);
    sr.x = x;
    xlsx_parse_part(x, xlsx_find_part(x, part), part, sheet_start, sheet_end, &sr);
    if (x->err == XLSXREAD_OK)
        pad_lines(x, &sr);
    free(sr.ends);
}
