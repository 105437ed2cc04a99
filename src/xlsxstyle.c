/* xlsxstyle.c - The styles of an .xlsx: the number format of each cell
 * style and what a format code shows a number as (a date, a time, a
 * percentage, a boolean), for the typed cells. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsxread_internal.h"

/* ---------------------------------------------------------------------------
 * The styles: which number format each cell style (cellXfs) has, and the
 * custom formats' codes, so that a number shown as a date, a time or a
 * percentage can be told from an amount.
 * ------------------------------------------------------------------------- */

bool xlsx_digit(char c)
{
    return c >= '0' && c <= '9';
}

typedef struct styles_reader {
    xr *x;
    bool in_xfs;
} styles_reader;

/* A number attribute (0 when absent or not a number below 100000). */
static unsigned small_number(const char *s)
{
    unsigned v = 0;
    if (!s)
        return 0;
    for (size_t i = 0; s[i]; i++) {
        if (!xlsx_digit(s[i]) || i >= 5)
            return 0;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    return v;
}

static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    styles_reader *r = ud;
    xr *x = r->x;

    if (xlsx_is(name, "cellXfs")) {
        r->in_xfs = true;
    } else if (r->in_xfs && xlsx_is(name, "xf")) {
        if (x->xf_n == x->xf_cap) {
            size_t cap = x->xf_cap ? x->xf_cap * 2 : 64;
            unsigned *v;
            if (cap > x->limit / sizeof *v) {
                xlsx_fail(x, XLSXREAD_ERR_TOO_BIG, "%s: too many cell styles", x->part);
                return;
            }
            v = realloc(x->xf_fmt, cap * sizeof *v);
            if (!v) {
                xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
                return;
            }
            x->xf_fmt = v;
            x->xf_cap = cap;
        }
        x->xf_fmt[x->xf_n++] = small_number(xlsx_attr(atts, "numFmtId", false));
    } else if (xlsx_is(name, "numFmt")) {
        const char *code = xlsx_attr(atts, "formatCode", false);
        if (!code)
            return;
        if (x->fmt_n == x->fmt_cap) {
            size_t cap = x->fmt_cap ? x->fmt_cap * 2 : 16;
            unsigned *ids;
            char **codes;
            if (cap > x->limit / sizeof *codes) {
                xlsx_fail(x, XLSXREAD_ERR_TOO_BIG, "%s: too many number formats", x->part);
                return;
            }
            ids = realloc(x->fmt_id, cap * sizeof *ids);
            if (ids)
                x->fmt_id = ids;
            codes = ids ? realloc(x->fmt_code, cap * sizeof *codes) : NULL;
            if (!codes) {
                xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
                return;
            }
            x->fmt_code = codes;
            x->fmt_cap = cap;
        }
        x->fmt_code[x->fmt_n] = strdup(code);
        if (!x->fmt_code[x->fmt_n]) {
            xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
            return;
        }
        x->fmt_id[x->fmt_n++] = small_number(xlsx_attr(atts, "numFmtId", false));
    }
}

static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
    styles_reader *r = ud;
    if (xlsx_is(name, "cellXfs"))
        r->in_xfs = false;
}

/* What a number format code shows a number as: the parts in quotes, after
 * a backslash, and in brackets (colours, locales; but [h] [m] [s] are
 * elapsed times) do not count; '%' is a percentage; y, d (and m without h
 * or s) a date; h, s (and m with them) a time; a code of quoted text only
 * (LibreOffice's "TRUE";"TRUE";"FALSE") a boolean. */
static xlsxread_kind code_kind(const char *code)
{
    bool y = false, d = false, m = false, h = false, sec = false, pct = false;
    bool quoted = false, digits = false;
    if (strcasecmp(code, "General") == 0 || strcasecmp(code, "Standard") == 0)
        return XLSXREAD_PLAIN;
    for (const char *c = code; *c; c++) {
        if (*c == '0' || *c == '#' || *c == '?' || *c == '@')
            digits = true;
        if (*c == '"') {
            quoted = true;
            while (c[1] && c[1] != '"')
                c++;
            if (c[1])
                c++;
            continue;
        }
        if (*c == '\\' || *c == '_' || *c == '*') {
            if (c[1])
                c++;
            continue;
        }
        if (*c == '[') {
            char l = (char)(c[1] | 0x20);
            if (l == 'h' || l == 'm' || l == 's')
                h = true; /* elapsed time */
            while (c[1] && c[1] != ']')
                c++;
            if (c[1])
                c++;
            continue;
        }
        switch (*c | 0x20) {
        case 'y': y = true; break;
        case 'd': d = true; break;
        case 'm': m = true; break;
        case 'h': h = true; break;
        case 's': sec = true; break;
        default: break;
        }
        if (*c == '%')
            pct = true;
    }
    if (pct)
        return XLSXREAD_PERCENT;
    /* only quoted text, like LibreOffice's "TRUE";"TRUE";"FALSE" for a boolean */
    if (quoted && !digits && !y && !d && !m && !h && !sec)
        return XLSXREAD_BOOL;
    if (y || d || (m && !h && !sec))
        return XLSXREAD_DATE;
    if (h || sec)
        return XLSXREAD_TIME;
    return XLSXREAD_PLAIN;
}

/* The built-in number formats Excel numbers without writing their code. */
static xlsxread_kind builtin_kind(unsigned id, const char **code)
{
    static const struct {
        unsigned lo, hi;
        xlsxread_kind kind;
        const char *code;
    } ranges[] = {
        {9, 9, XLSXREAD_PERCENT, "0%"},          {10, 10, XLSXREAD_PERCENT, "0.00%"},
        {14, 14, XLSXREAD_DATE, "mm-dd-yy"},     {15, 17, XLSXREAD_DATE, "d-mmm-yy"},
        {18, 21, XLSXREAD_TIME, "h:mm"},         {22, 22, XLSXREAD_DATE, "m/d/yy h:mm"},
        {27, 36, XLSXREAD_DATE, "a date"},       {45, 47, XLSXREAD_TIME, "mm:ss"},
        {50, 58, XLSXREAD_DATE, "a date"},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (id >= ranges[i].lo && id <= ranges[i].hi) {
            *code = ranges[i].code;
            return ranges[i].kind;
        }
    return XLSXREAD_PLAIN;
}

/* What cell style s (an index into cellXfs, as written) shows a number as,
 * and the format's code. */
xlsxread_kind xlsx_style_kind(const xr *x, const char *s, const char **code)
{
    unsigned idx = small_number(s), id;
    *code = "";
    if (!s || idx >= x->xf_n)
        return XLSXREAD_PLAIN;
    id = x->xf_fmt[idx];
    for (size_t i = 0; i < x->fmt_n; i++)
        if (x->fmt_id[i] == id) {
            *code = x->fmt_code[i];
            return code_kind(x->fmt_code[i]);
        }
    return builtin_kind(id, code);
}

/* Note a typed cell. False on error (recorded). */
bool xlsx_add_typed(xr *x, unsigned row, unsigned col, xlsxread_kind kind, const char *code,
                      const char *value, size_t vlen)
{
    xlsxread_cell *c;
    if (x->cells_n == x->cells_cap) {
        size_t cap = x->cells_cap ? x->cells_cap * 2 : 16;
        xlsxread_cell *v;
        if (cap > x->limit / sizeof *v) {
            xlsx_fail(x, XLSXREAD_ERR_TOO_BIG, "%s: too many dates and percentages", x->part);
            return false;
        }
        v = realloc(x->cells, cap * sizeof *v);
        if (!v) {
            xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
            return false;
        }
        x->cells = v;
        x->cells_cap = cap;
    }
    c = &x->cells[x->cells_n++];
    memset(c, 0, sizeof *c);
    c->row = row;
    c->col = col;
    c->kind = kind;
    snprintf(c->format, sizeof c->format, "%s", code);
    if (vlen >= sizeof c->value)
        vlen = sizeof c->value - 1;
    memcpy(c->value, value, vlen);
    c->value[vlen] = '\0';
    return true;
}


void xlsx_read_styles(xr *x, const char *part)
{
    zip_int64_t idx = xlsx_find_part(x, part);
    styles_reader st = {x, false};

    if (idx >= 0)
        xlsx_parse_part(x, idx, part, styles_start, styles_end, &st);
}
