/* table.c - ';'-separated tables: read with libcsv (line numbers, known columns, all
 * problems as diagnostics), written atomically and safe for spreadsheets. */
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "text.h"

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

/* ---------------------------------------------------------------------------
 * Diagnostics.
 * ------------------------------------------------------------------------- */

/* table_note() with a va_list. */
static void vnote(table *t, diag_level level, unsigned line, unsigned col, const char *hint,
                  const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

static void vnote(table *t, diag_level level, unsigned line, unsigned col, const char *hint,
                  const char *fmt, va_list ap)
{
    char buf[1024];
    if (t->stop)
        return;
    if (t->diags == TABLE_MAX_DIAGS) {
        diag_add(t->dl, DIAG_ERROR, t->file, line, 0,
                 "fix the problems above and read the file again",
                 "more than %d problems; stopped reading here", TABLE_MAX_DIAGS);
        t->stop = true;
        return;
    }
    t->diags++;
    vsnprintf(buf, sizeof buf, fmt, ap);
    diag_add(t->dl, level, t->file, line, col, hint, "%s", buf);
}

void table_note(table *t, diag_level level, unsigned line, unsigned col, const char *hint,
                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(t, level, line, col, hint, fmt, ap);
    va_end(ap);
}

void table_note_cell(table *t, diag_level level, const table_cell *c, const char *hint,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(t, level, c->line, c->col, hint, fmt, ap);
    va_end(ap);
}

/* Record that memory ran out (once) and stop reading. */
static void out_of_memory(table *t)
{
    if (!t->oom)
        diag_add(t->dl, DIAG_ERROR, t->file, t->line, 0,
                 "close other programs or split the file, and try again",
                 "out of memory while reading the %s", t->spec->rows_name);
    t->oom = true;
}

const char *table_show(const char *s, char buf[TABLE_SHOW_BUFSZ])
{
    size_t n = strlen(s), i;
    if (n > TABLE_SHOW_MAX) {
        n = TABLE_SHOW_MAX;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    for (i = 0; i < n; i++)
        buf[i] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ? ' ' : s[i];
    if (n < strlen(s)) {
        memcpy(buf + i, "...", 3);
        i += 3;
    }
    buf[i] = '\0';
    return buf;
}

/* ---------------------------------------------------------------------------
 * Cells: amounts and counts.
 * ------------------------------------------------------------------------- */

const table_opts *table_options(const table *t)
{
    return t->opts;
}

/* The typed cell of the .xlsx sheet at (line, col), or NULL. */
static const xlsxread_cell *typed_cell(const table *t, unsigned line, unsigned col)
{
    size_t lo = 0, hi = t->opts->n_cells;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const xlsxread_cell *m = &t->opts->cells[mid];
        if (m->row == line && m->col == col)
            return m;
        if (m->row < line || (m->row == line && m->col < col))
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Refuse an amount cell the workbook holds as a date, time, percentage or
 * boolean. Returns true when it did. */
static bool typed_amount(table *t, const table_cell *c)
{
    const xlsxread_cell *x = t->opts->n_cells ? typed_cell(t, c->line, c->col) : NULL;
    char name[16], sb[TABLE_SHOW_BUFSZ];
    const char *what;

    if (!x || x->kind == XLSXREAD_PLAIN)
        return false;
    xlsxread_cell_name(c->col, c->line, name);
    switch (x->kind) {
    case XLSXREAD_DATE:    what = "a date"; break;
    case XLSXREAD_TIME:    what = "a time"; break;
    case XLSXREAD_PERCENT: what = "a percentage"; break;
    default:               what = "a boolean (SAND/FALSK)"; break;
    }
    if (x->kind == XLSXREAD_BOOL)
        table_note_cell(t, DIAG_ERROR, c,
                        "type the amount in whole kroner, like 50.000, in a cell formatted as "
                        "Tal (number)",
                        "column %u (%s): cell %s is %s, not an amount", c->col, c->name, name,
                        what);
    else
        table_note_cell(t, DIAG_ERROR, c,
                        "format the cell as Tal (number) with Formater celler, and type the "
                        "amount again in whole kroner, like 50.000",
                        "column %u (%s): cell %s is formatted as %s (%s), not as an amount; "
                        "its value %s would be read as \"%s\"",
                        c->col, c->name, name, what, x->format, x->value,
                        table_show(c->s, sb));
    return true;
}

bool table_amount(table *t, const table_cell *c, pulje_kr *v)
{
    char sb[TABLE_SHOW_BUFSZ], why[256];
    money_status st;

    if (c->len == 0) {
        table_note_cell(t, DIAG_ERROR, c, "write whole kroner like 50.000 or 50000",
                        "column %u (%s): the amount is empty", c->col, c->name);
        return false;
    }
    if (typed_amount(t, c))
        return false;
    switch ((st = money_parse(c->s, c->len, v))) {
    case MONEY_OK:
        return true;
    case MONEY_EMPTY: /* "kr." alone */
    case MONEY_SYNTAX:
        table_note_cell(t, DIAG_ERROR, c, "write whole kroner like 50.000 or 50000",
                        "column %u (%s): \"%s\" is not a whole-krone amount", c->col, c->name,
                        table_show(c->s, sb));
        break;
    case MONEY_DECIMALS:
        table_note_cell(t, DIAG_ERROR, c,
                        "round to whole kroner and write them like 50.000 or 50000",
                        "column %u (%s): \"%s\" has øre; amounts are whole kroner", c->col,
                        c->name, table_show(c->s, sb));
        break;
    case MONEY_NEGATIVE:
        table_note_cell(t, DIAG_ERROR, c,
                        "write 0 or more, in whole kroner like 50.000 or 50000",
                        "column %u (%s): \"%s\" is negative", c->col, c->name,
                        table_show(c->s, sb));
        break;
    case MONEY_RANGE:
        table_note_cell(t, DIAG_ERROR, c,
                        "check for extra digits; write whole kroner like 50.000 or 50000",
                        "column %u (%s): \"%s\" is larger than any pool (over "
                        "1.000.000.000.000 kr.)",
                        c->col, c->name, table_show(c->s, sb));
        break;
    case MONEY_AMBIGUOUS:
    case MONEY_ENGLISH:
    case MONEY_POINT:
    case MONEY_GROUPING:
        table_note_cell(t, DIAG_ERROR, c,
                        "write whole kroner with '.' between thousands, like 100.000 or "
                        "100000; ',' only before øre (,00 or ,-)",
                        "column %u (%s): \"%s\" %s", c->col, c->name, table_show(c->s, sb),
                        money_explain(c->s, c->len, st, why, sizeof why));
        break;
    }
    return false;
}

bool table_count(const char *s, long *v)
{
    long x = 0;
    size_t n = 0;
    for (; s[n]; n++) {
        if (s[n] < '0' || s[n] > '9' || n == 9)
            return false;
        x = x * 10 + (s[n] - '0');
    }
    if (n == 0)
        return false;
    *v = x;
    return true;
}

/* ---------------------------------------------------------------------------
 * Header: finding the known columns.
 * ------------------------------------------------------------------------- */

/* All spellings of column k: the header, then the aliases, NULL after the last. */
static const char *spelling(const table *t, int k, int i)
{
    const table_column *c = &t->spec->columns[k];
    if (i == 0)
        return c->header;
    if (i > (int)(sizeof c->aliases / sizeof c->aliases[0]))
        return NULL;
    return c->aliases[i - 1];
}

/* The column whose header or alias folds to folded; -1 if none, -2 on out of memory. */
static int lookup_column(const table *t, const char *folded)
{
    for (int k = 0; k < t->ncolumns; k++) {
        const char *sp;
        for (int i = 0; (sp = spelling(t, k, i)) != NULL; i++) {
            char *f = text_fold(sp);
            int same;
            if (!f)
                return -2;
            same = strcmp(f, folded) == 0;
            free(f);
            if (same)
                return k;
        }
    }
    return -1;
}

/* Replace the two-byte æ ø å of a folded name by one byte each, in place, so
 * that text_distance counts a Danish letter as one letter. */
static void compact_danish(char *s)
{
    char *o = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)s[0], d = (unsigned char)s[1];
        if (c == 0xC3 && (d == 0xA6 || d == 0xB8 || d == 0xA5)) {
            *o++ = (char)(d == 0xA6 ? 1 : d == 0xB8 ? 2 : 3);
            s++;
        } else {
            *o++ = (char)c;
        }
    }
    *o = '\0';
}

/* The spelling (header or alias as written in the column table) of a column
 * the header lacks that is closest to the folded unknown name, or NULL when
 * none is close: at most 3 edits, and at most half the length of the
 * spelling, so that short names do not match everything. Sets *oom on out of
 * memory. */
static const char *suggest_column(const table *t, const char *folded, bool *oom)
{
    const char *best = NULL;
    int bestd = 99;
    char *a = text_strndup(folded, strlen(folded));
    if (!a) {
        *oom = true;
        return NULL;
    }
    compact_danish(a);
    for (int k = 0; k < t->ncolumns; k++) {
        const char *sp;
        if (t->col[k] >= 0)
            continue;
        for (int i = 0; (sp = spelling(t, k, i)) != NULL; i++) {
            char *b = text_fold(sp);
            int d;
            if (!b) {
                free(a);
                *oom = true;
                return NULL;
            }
            compact_danish(b);
            d = text_distance(a, b);
            if (d <= 3 && (size_t)(2 * d) <= strlen(b) && d < bestd) {
                best = sp;
                bestd = d;
            }
            free(b);
        }
    }
    free(a);
    return best;
}

/* The known headers joined by sep ("Nr, CVR, Forening" or "Nr;CVR;Forening"), into buf. */
static void known_headers(const table *t, const char *sep, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int k = 0; k < t->ncolumns && n < size; k++) {
        int w = snprintf(buf + n, size - n, "%s%s", k ? sep : "", t->spec->columns[k].header);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

/* Report header field i, which names no known column; suggest a close one. */
static void unknown_header(table *t, size_t i)
{
    const table_cell *c = &t->fields[i].c;
    char show_buf[TABLE_SHOW_BUFSZ], hint[768], known[300];
    const char *guess;
    bool oom = false;
    char *f = text_fold(c->s);

    if (!f) {
        out_of_memory(t);
        return;
    }
    guess = suggest_column(t, f, &oom);
    free(f);
    if (oom) {
        out_of_memory(t);
        return;
    }
    known_headers(t, ", ", known, sizeof known);
    if (guess)
        snprintf(hint, sizeof hint, "did you mean \"%s\"? Known columns: %s", guess, known);
    else
        snprintf(hint, sizeof hint, "known columns: %s; delete the column if it is not needed",
                 known);
    table_note(t, DIAG_ERROR, c->line, (unsigned)(i + 1), hint,
               "column %zu: unknown column \"%s\"", i + 1, table_show(c->s, show_buf));
}

/* Report each required column the header lacks, naming the headers found. */
static void check_required(table *t, unsigned line)
{
    char found[512], hint[512];
    size_t n = 0;

    found[0] = '\0';
    for (size_t i = 0; i < t->ncols && n < sizeof found; i++) {
        int w = snprintf(found + n, sizeof found - n, "%s%s", n ? ", " : "", t->names[i]);
        if (w < 0)
            break;
        n += (size_t)w;
    }
    for (int k = 0; k < t->ncolumns; k++) {
        const table_column *c = &t->spec->columns[k];
        size_t h = 0;
        if (!c->required || t->col[k] >= 0)
            continue;
        h = (size_t)snprintf(hint, sizeof hint, "add a column headed \"%s\"", c->header);
        for (int a = 0; a < 6 && c->aliases[a] && h < sizeof hint; a++) {
            int w = snprintf(hint + h, sizeof hint - h, "%s\"%s\"",
                             a ? ", " : " (also accepted: ", c->aliases[a]);
            if (w < 0)
                break;
            h += (size_t)w;
        }
        if (c->aliases[0] && h < sizeof hint)
            snprintf(hint + h, sizeof hint - h, ")");
        table_note(t, DIAG_ERROR, line, 0, hint, "required column \"%s\" is missing (found: %s)",
                   c->header, found);
    }
}

/* Copy the header fields' text into t->names (line breaks as blanks) and
 * make room for the per-field and per-column arrays. Returns 0, or -1 on out
 * of memory (reported). */
static int keep_header(table *t, size_t n)
{
    t->names = calloc(n ? n : 1, sizeof *t->names);
    t->kind = malloc((n ? n : 1) * sizeof *t->kind);
    t->col = malloc((size_t)t->ncolumns * sizeof *t->col);
    t->cells = calloc((size_t)t->ncolumns, sizeof *t->cells);
    if (!t->names || !t->kind || !t->col || !t->cells) {
        out_of_memory(t);
        return -1;
    }
    t->ncols = n;
    for (int k = 0; k < t->ncolumns; k++)
        t->col[k] = -1;
    for (size_t i = 0; i < n; i++) {
        for (char *p = t->fields[i].buf; (p = strchr(p, '\n')) != NULL;)
            *p = ' ';
        t->names[i] = text_strndup(t->fields[i].c.s, t->fields[i].c.len);
        if (!t->names[i]) {
            out_of_memory(t);
            return -1;
        }
    }
    return 0;
}

/* Read the header record: find the known columns, then report duplicated,
 * unnamed, unknown (with a suggestion) and missing ones. Trailing fields
 * without a header (Excel's padding) are dropped; a line break in a header
 * counts as a blank. A first line with no known column at all, or not split
 * by ';', is reported once and stops the reading. */
static void read_header(table *t)
{
    size_t n = t->nfields, matched = 0;
    unsigned line = t->rec_line;
    char show_buf[TABLE_SHOW_BUFSZ], example[512];

    t->have_header = true;
    while (n > 0 && t->fields[n - 1].c.len == 0)
        n--;
    if (keep_header(t, n) != 0)
        return;
    if (n == 1 && strpbrk(t->names[0], ",\t")) {
        table_note(t, DIAG_ERROR, line, 1,
                   "save the file from Excel as \"CSV (semikolonsepareret)\" so that ';' "
                   "separates the columns",
                   "the header \"%s\" is one column: the file is not separated by ';'",
                   table_show(t->names[0], show_buf));
        t->stop = true;
        return;
    }

    for (size_t i = 0; i < n; i++) {
        const table_cell *c = &t->fields[i].c;
        char *f;
        int k;
        if (c->len == 0) {
            t->kind[i] = HEADER_EMPTY;
            continue;
        }
        f = text_fold(c->s);
        k = f ? lookup_column(t, f) : -2;
        free(f);
        if (k == -2) {
            out_of_memory(t);
            return;
        }
        t->kind[i] = k;
        if (k < 0)
            continue;
        matched++;
        if (t->col[k] < 0) {
            t->col[k] = (int)i;
            continue;
        }
        t->kind[i] = HEADER_DUPLICATE;
        table_note(t, DIAG_ERROR, c->line, (unsigned)(i + 1), "delete one of the two columns",
                   "column %zu (%s) is the same column as column %d (%s)", i + 1, t->names[i],
                   t->col[k] + 1, t->names[t->col[k]]);
    }
    if (matched == 0) {
        char hint[768];
        known_headers(t, ";", example, sizeof example);
        snprintf(hint, sizeof hint,
                 "the first line must name the columns, like %s; delete any title lines "
                 "above it",
                 example);
        table_note(t, DIAG_ERROR, line, 0, hint,
                   "this is not the header: no cell names a known column (first cell \"%s\")",
                   table_show(t->names[0], show_buf));
        t->stop = true;
        return;
    }
    for (size_t i = 0; i < n && !t->oom; i++) {
        if (t->kind[i] == HEADER_EMPTY)
            table_note(t, DIAG_ERROR, t->fields[i].c.line, (unsigned)(i + 1),
                       "give the column one of the known headers, or delete the column",
                       "column %zu has no header", i + 1);
        else if (t->kind[i] == HEADER_UNKNOWN)
            unknown_header(t, i);
    }
    if (!t->oom)
        check_required(t, line);
}

/* ---------------------------------------------------------------------------
 * Rows.
 * ------------------------------------------------------------------------- */

/* Room for field i (and those before it), each with a text buffer of at least
 * need bytes for field i. Returns the field, or NULL on out of memory. */
static field *field_at(table *t, size_t i, size_t need)
{
    field *f;
    if (i >= t->fieldcap) {
        size_t cap = t->fieldcap ? t->fieldcap * 2 : 16;
        field *v;
        while (cap <= i)
            cap *= 2;
        v = realloc(t->fields, cap * sizeof *v);
        if (!v)
            return NULL;
        memset(v + t->fieldcap, 0, (cap - t->fieldcap) * sizeof *v);
        t->fields = v;
        t->fieldcap = cap;
    }
    f = &t->fields[i];
    if (need > f->cap) {
        size_t cap = need < 32 ? 32 : need;
        char *s = realloc(f->buf, cap);
        if (!s)
            return NULL;
        f->buf = s;
        f->cap = cap;
    }
    f->c.s = f->buf;
    return f;
}

/* True if every header field from the row's last field on is a known,
 * optional column: the row may then lack those fields. */
static bool missing_are_optional(const table *t)
{
    for (size_t i = t->nfields; i < t->ncols; i++) {
        int k = t->kind[i];
        if (k < 0 || t->spec->columns[k].required)
            return false;
    }
    return true;
}

/* Give the row an empty cell for each field it lacks (all optional), on the
 * line the row ends. Returns 0, or -1 on out of memory. */
static int pad_row(table *t)
{
    unsigned line = t->nfields ? t->end_line : t->rec_line;
    while (t->nfields < t->ncols) {
        field *f = field_at(t, t->nfields, 1);
        if (!f)
            return -1;
        f->buf[0] = '\0';
        f->c.len = 0;
        f->c.line = line;
        f->c.col = (unsigned)(t->nfields + 1);
        f->c.name = t->names[t->nfields];
        t->nfields++;
    }
    return 0;
}

/* True if the number of fields of the row fits the header; reports the
 * problem otherwise. Extra fields are accepted when they are empty (Excel's
 * padding); missing ones when their columns are optional (then padded). */
/* A row one field short: the first text column (table_opts.text_columns)
 * whose field holds what reads as an amount says a field is probably
 * missing before the next column. Reports it and returns true if so. */
static bool shifted_row(table *t)
{
    const bool *text = t->opts->text_columns;
    char sb[TABLE_SHOW_BUFSZ];

    if (!text || t->nfields + 1 != t->ncols)
        return false;
    for (size_t i = 0; i < t->nfields; i++) {
        const table_cell *c = &t->fields[i].c;
        int k = t->kind[i];
        pulje_kr v;
        bool digits = false;
        if (k < 0 || !text[k] || c->len == 0)
            continue;
        for (size_t j = 0; j < c->len; j++)
            digits |= c->s[j] >= '0' && c->s[j] <= '9';
        if (!digits || money_parse(c->s, c->len, &v) != MONEY_OK)
            continue;
        table_note(t, DIAG_ERROR, c->line, (unsigned)(i + 1),
                   "every row needs a field for each column: add the missing value (or an "
                   "empty field, ';;') where it belongs",
                   "the row has %zu fields, the header %zu: a field is probably missing "
                   "before column %zu (%s), since column %zu (%s) holds \"%s\", which reads "
                   "as an amount",
                   t->nfields, t->ncols, i + 2, t->names[i + 1], i + 1, t->names[i],
                   table_show(c->s, sb));
        return true;
    }
    return false;
}

static bool fields_fit(table *t)
{
    if (t->nfields < t->ncols && shifted_row(t))
        return false;
    if (t->nfields < t->ncols) {
        if (missing_are_optional(t)) {
            if (pad_row(t) == 0)
                return true;
            out_of_memory(t);
            return false;
        }
        table_note(t, DIAG_ERROR, t->rec_line, 0,
                   "every row needs a field for each column: look for a missing ';', or a "
                   "text with a line break that is not in double quotes",
                   "the row has %zu fields, the header has %zu columns", t->nfields, t->ncols);
        return false;
    }
    for (size_t i = t->ncols; i < t->nfields; i++) {
        char sb[TABLE_SHOW_BUFSZ];
        if (t->fields[i].c.len == 0)
            continue;
        table_note(t, DIAG_ERROR, t->fields[i].c.line, (unsigned)(i + 1),
                   "a ';' inside a text must be in double quotes, like \"Kost; motion\"; or "
                   "give the column a header",
                   "the row has %zu fields, the header has %zu columns (column %zu holds "
                   "\"%s\")",
                   t->nfields, t->ncols, i + 1, table_show(t->fields[i].c.s, sb));
        return false;
    }
    return true;
}

/* Hand a data record to the callback if its fields fit the header. */
static void read_row(table *t)
{
    table_row row;

    if (!fields_fit(t))
        return;
    if (t->delivered == TABLE_MAX_ROWS) {
        table_note(t, DIAG_ERROR, t->rec_line, 0, "split the file",
                   "more than %zu %s in one file", TABLE_MAX_ROWS, t->spec->rows_name);
        t->stop = true;
        return;
    }
    for (int k = 0; k < t->ncolumns; k++)
        t->cells[k] = t->col[k] >= 0 ? &t->fields[t->col[k]].c : NULL;
    row.line = t->rec_line;
    row.cell = t->cells;
    t->delivered++;
    if (t->on_row(t, &row, t->ctx) != 0)
        out_of_memory(t);
}

/* True for a byte text_trim may remove at the start (first) or end of a field. */
static bool trimmable(unsigned char c, bool first)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == (first ? 0xC2 : 0xA0);
}

/* True if s starts with the apostrophe table_write_text puts before text a
 * spreadsheet would take for a formula. */
static bool neutralised(const char *s, size_t len)
{
    return len >= 2 && s[0] == '\'' && strchr("=+-@\t\r\n", s[1]) != NULL;
}

/* Make line breaks inside a field "\n", trim it (text_trim, called only
 * when an end byte could be a blank: most fields need nothing) and drop
 * the apostrophe of a neutralised formula. */
static void clean_field(field *f)
{
    char *s = f->buf;
    size_t len = f->c.len;
    if (len == 0)
        return;
    if (memchr(s, '\r', len)) {
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
            char ch = s[i];
            if (ch == '\r') {
                ch = '\n';
                if (i + 1 < len && s[i + 1] == '\n')
                    i++;
            }
            s[o++] = ch;
        }
        s[o] = '\0';
        len = o;
    }
    if (len && (trimmable((unsigned char)s[0], true) ||
                trimmable((unsigned char)s[len - 1], false))) {
        text_trim(s);
        len = strlen(s);
    }
    if (neutralised(s, len)) {
        memmove(s, s + 1, len);
        len--;
    }
    f->c.len = len;
}

/* A whole record has arrived: skip it if blank, else it is the header or a row. */
static void handle_record(table *t)
{
    bool blank = true;
    for (size_t i = 0; i < t->nfields; i++) {
        clean_field(&t->fields[i]);
        if (t->fields[i].c.len)
            blank = false;
    }
    if (blank)
        return;
    if (!t->have_header) {
        read_header(t);
        if (t->header_only) {
            t->header_missing = 0;
            for (int k = 0; k < t->ncolumns; k++)
                if (t->spec->columns[k].required && (!t->col || t->col[k] < 0))
                    t->header_missing++;
            t->stop = true;
        }
    } else {
        t->nrows++;
        read_row(t);
    }
}

/* The Danish letter a Windows-1252 byte stands for, or NULL. */
static const char *cp1252_letter(int b)
{
    switch (b) {
    case 0xE6: return "æ";
    case 0xF8: return "ø";
    case 0xE5: return "å";
    case 0xC6: return "Æ";
    case 0xD8: return "Ø";
    case 0xC5: return "Å";
    case 0xE9: return "é";
    case 0xA7: return "§";
    default:   return NULL;
    }
}

/* Report the first control character, and the first byte that is not
 * UTF-8 in a UTF-8 file, in field f (col 1-based) at the line it stands
 * on; a NUL becomes a blank so that the field's text stays whole. */
static void check_chars(table *t, field *f, size_t col)
{
    const char *s = f->buf;
    size_t len = f->c.len, at = 0, cp;
    char where[160];
    const char *name = t->have_header && col <= t->ncols ? t->names[col - 1] : NULL;

    if (name)
        snprintf(where, sizeof where, "column %zu (%s)", col, name);
    else
        snprintf(where, sizeof where, "column %zu", col);
    if ((cp = text_control_at(s, len, &at)) != SIZE_MAX) {
        unsigned line = f->c.line;
        size_t chars = 1;
        for (size_t i = 0; i < at; i++) {
            if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < len && s[i + 1] == '\n'))) {
                line++;
                chars = 0;
            }
            chars += ((unsigned char)s[i] & 0xC0) != 0x80;
        }
        table_note(t, DIAG_ERROR, line, (unsigned)col,
                   "delete the character (it is invisible in most programs: retype the text "
                   "around it), and save the file again",
                   "%s: the control character U+%04zX (%s) at character %zu; only tab and "
                   "line breaks may stand in a text",
                   where, cp, text_control_name((unsigned)cp), chars);
        for (size_t i = 0; i < len; i++)
            if (f->buf[i] == '\0')
                f->buf[i] = ' ';
    }
    if (t->cp1252) {
        const char *r = NULL;
        for (size_t i = 0; i + 3 <= len && !r; i++)
            if (memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)
                r = s + i;
        if (r) {
            size_t chars = 1;
            unsigned line = f->c.line;
            for (const char *q = s; q < r; q++) {
                if (*q == '\n') {
                    line++;
                    chars = 0;
                }
                chars += ((unsigned char)*q & 0xC0) != 0x80;
            }
            table_note(t, DIAG_ERROR, line, (unsigned)col,
                       "retype the character and save the file from Excel as \"CSV UTF-8 "
                       "(kommasepareret)\"",
                       "%s: the byte at character %zu is neither UTF-8 nor a Windows-1252 "
                       "letter (0x81, 0x8D, 0x8F, 0x90 or 0x9D)",
                       where, chars);
        }
    }
    if (t->has_invalid) {
        for (size_t i = 0; i < len; i++) {
            int b = text_invalid_byte(s + i, len - i);
            if (b < 0)
                continue;
            unsigned line = f->c.line;
            size_t chars = 1;
            const char *letter = cp1252_letter(b);
            char hint[256];
            for (size_t j = 0; j < i; j++) {
                if (s[j] == '\n' || (s[j] == '\r' && !(j + 1 < len && s[j + 1] == '\n'))) {
                    line++;
                    chars = 0;
                }
                chars += ((unsigned char)s[j] & 0xC0) != 0x80;
            }
            if (letter)
                snprintf(hint, sizeof hint,
                         "retype the character (in Windows-1252 the byte is \"%s\") and save "
                         "the file as \"CSV UTF-8\"",
                         letter);
            else
                snprintf(hint, sizeof hint,
                         "retype the character and save the file as \"CSV UTF-8\"");
            table_note(t, DIAG_ERROR, line, (unsigned)col, hint,
                       "%s: byte 0x%02X at character %zu is not UTF-8, though the file is "
                       "(it has UTF-8 letters from line %u); text pasted from another "
                       "program?",
                       where, (unsigned)b, chars, t->utf8_line);
            break;
        }
        /* reported: show it as U+FFFD in any later message (the same 3 bytes long) */
        for (size_t i = 0; i + 3 <= len; i++)
            if (text_invalid_byte(f->buf + i, len - i) >= 0)
                memcpy(f->buf + i, "\xEF\xBF\xBD", 3);
    }
}

/* libcsv field callback: keep a copy of the field and the line it starts on. */
static void on_field(void *data, size_t len, void *arg)
{
    table *t = arg;
    field *f;
    if (t->oom || t->stop)
        return;
    /* most fields fit the buffer the field before them in that column had */
    if (t->nfields < t->fieldcap && len < t->fields[t->nfields].cap)
        f = &t->fields[t->nfields];
    else
        f = field_at(t, t->nfields, len + 1);
    if (!f) {
        out_of_memory(t);
        return;
    }
    if (len)
        memcpy(f->buf, data, len);
    f->buf[len] = '\0';
    f->c.len = len;
    f->c.line = t->nfields == 0 ? t->rec_line : t->end_line;
    f->c.col = (unsigned)(t->nfields + 1);
    f->c.name = t->nfields < t->ncols ? t->names[t->nfields] : NULL;
    if (len)
        check_chars(t, f, t->nfields + 1);
    t->end_line = t->line;
    t->nfields++;
}

/* libcsv record callback: the record is complete. */
static void on_record(int term, void *arg)
{
    table *t = arg;
    (void)term;
    t->in_record = false;
    if (!t->oom && !t->stop)
        handle_record(t);
    t->nfields = 0;
}

/* True if the line holds only blanks and its line ending: libcsv skips it
 * between records. */
static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* Report a quote problem at line in field col (1-based): "column 3 (Forening): msg". */
static void quote_problem(table *t, unsigned line, size_t col, const char *hint, const char *msg)
{
    if (t->have_header && col <= t->ncols)
        table_note(t, DIAG_ERROR, line, (unsigned)col, hint, "column %zu (%s): %s", col,
                   t->names[col - 1], msg);
    else
        table_note(t, DIAG_ERROR, line, (unsigned)col, hint, "column %zu: %s", col, msg);
}

/* Report a quote libcsv rejected in the current line, in the field being read. */
static void bad_quote(table *t)
{
    quote_problem(t, t->line, t->nfields + 1,
                  "a text with a \" inside must be in double quotes with the quote doubled, "
                  "like \"TV 32\"\"\"; or delete the stray quote",
                  "misplaced double quote (\")");
}

/* Report a quoted field still open at the end of the file. */
static void unclosed_quote(table *t)
{
    quote_problem(t, t->nfields == 0 ? t->rec_line : t->end_line, t->nfields + 1,
                  "add the closing double quote (\"); a quote inside a quoted text is "
                  "written twice (\"\")",
                  "the quoted text that starts here is never closed");
}

/* A record was lost to a quoting error: count it as a row, or stop when it
 * was the header. */
static void lost_record(table *t)
{
    if (t->have_header)
        t->nrows++;
    else
        t->stop = true;
    t->in_record = false;
    t->nfields = 0;
}

/* A fresh libcsv parser for ';'. Returns 0, or -1 on out of memory. */
static int parser_init(struct csv_parser *p)
{
    if (csv_init(p, CSV_OPTIONS) != 0)
        return -1;
    csv_set_delim(p, ';');
    return 0;
}

/* Feed libcsv one physical line at a time (CRLF, LF or a lone CR ends a line),
 * so that every field knows its line. A quoting error drops the record and
 * carries on at the next line; in the header it stops the reading. */
static void feed(table *t, const char *s, size_t n)
{
    struct csv_parser p;
    size_t pos = 0;

    if (parser_init(&p) != 0) {
        out_of_memory(t);
        return;
    }
    while (pos < n && !t->oom && !t->stop) {
        size_t end = pos, used;
        while (end < n && s[end] != '\n' && s[end] != '\r')
            end++;
        if (end < n)
            end += (s[end] == '\r' && end + 1 < n && s[end + 1] == '\n') ? 2 : 1;
        t->line++;
        if (!t->in_record && !blank_line(s + pos, end - pos)) {
            t->in_record = true;
            t->rec_line = t->end_line = t->line;
        }
        used = csv_parse(&p, s + pos, end - pos, on_field, on_record, t);
        if (used != end - pos) {
            if (csv_error(&p) != CSV_EPARSE) {
                out_of_memory(t);
                break;
            }
            bad_quote(t);
            lost_record(t);
            csv_free(&p);
            if (parser_init(&p) != 0) {
                out_of_memory(t);
                return;
            }
        }
        pos = end;
    }
    if (!t->oom && !t->stop && csv_fini(&p, on_field, on_record, t) != 0) {
        if (csv_error(&p) == CSV_EPARSE) {
            unclosed_quote(t);
            lost_record(t);
        } else {
            out_of_memory(t);
        }
    }
    csv_free(&p);
}

/* Free what the reading owns. */
static void table_release(table *t)
{
    for (size_t i = 0; i < t->fieldcap; i++)
        free(t->fields[i].buf);
    free(t->fields);
    for (size_t i = 0; t->names && i < t->ncols; i++)
        free(t->names[i]);
    free(t->names);
    free(t->kind);
    free(t->col);
    free(t->cells);
}

/* True if the bytes look like UTF-16 text (a UTF-16 byte-order mark, or a
 * NUL in every other byte of the start): Excel's "Unicode text". A NUL
 * elsewhere is a control character, reported where it stands. */
static bool looks_utf16(const char *data, size_t len)
{
    size_t n = len < 64 ? len : 64, nul = 0;
    if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                     ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF)))
        return true;
    for (size_t i = 0; i < n; i++)
        nul += data[i] == '\0';
    return n >= 4 && nul * 3 >= n;
}

/* Convert data to UTF-8 and read it. When owned is not NULL it is data's
 * malloc'ed buffer, freed as soon as the converted copy exists so that a big
 * file is not held twice. Same return as table_read(). */
static int parse_bytes(const table_spec *spec, const table_opts *opts, const char *data,
                       size_t len, char *owned, const char *filename, table_row_fn on_row,
                       void *ctx, diag_list *dl)
{
    size_t errors_before = dl->n_errors;
    char *text = NULL, example[512];
    size_t textlen = 0;
    text_info info;
    table t;

    memset(&t, 0, sizeof t);
    memset(&info, 0, sizeof info);
    t.opts = opts ? opts : &t.noopts;
    t.spec = spec;
    t.file = filename;
    t.dl = dl;
    t.on_row = on_row;
    t.ctx = ctx;
    while (spec->columns[t.ncolumns].key)
        t.ncolumns++;

    if (looks_utf16(data, len))
        table_note(&t, DIAG_ERROR, 1, 0,
                   "save the file from Excel as \"CSV UTF-8 (kommasepareret)\" or \"CSV "
                   "(semikolonsepareret)\", not as Unicode text",
                   "the file contains NUL bytes: it is not a CSV text file (UTF-16?)");
    else if (len > 0 && text_decode(data, len, &text, &textlen, &info) != 0)
        table_note(&t, DIAG_ERROR, 0, 0,
                   "save the file from Excel as \"CSV UTF-8\" and try again",
                   "cannot convert the file to UTF-8 (out of memory, or no Windows-1252 "
                   "converter)");
    free(owned);
    if (dl->n_errors > errors_before)
        return -1;
    t.has_invalid = info.invalid > 0;
    t.cp1252 = info.enc == TEXT_CP1252;
    t.utf8_line = info.first_utf8_line;
    if (t.opts->encoding)
        *t.opts->encoding = info.enc;

    if (textlen > 0)
        feed(&t, text, textlen);
    free(text);

    if (!t.oom && !t.stop) {
        char hint[768];
        if (!t.have_header) {
            known_headers(&t, ";", example, sizeof example);
            snprintf(hint, sizeof hint,
                     "the first line must be the header, like %s, then one line per %s",
                     example, spec->row_name);
            table_note(&t, DIAG_ERROR, 0, 0, hint, "the file is empty");
        } else if (t.nrows == 0 && !spec->rows_optional) {
            snprintf(hint, sizeof hint, "add one line per %s below the header",
                     spec->row_name);
            table_note(&t, DIAG_ERROR, 0, 0, hint, "the file has a header but no %s",
                       spec->rows_name);
        }
    }
    table_release(&t);
    return dl->n_errors > errors_before ? -1 : 0;
}

/* A row callback that keeps nothing. */
static int ignore_row(table *t, const table_row *row, void *ctx)
{
    (void)t;
    (void)row;
    (void)ctx;
    return 0;
}

int table_header_fit(const table_spec *spec, const char *data, size_t len)
{
    diag_list dl;
    char *text = NULL;
    size_t textlen = 0;
    table t;
    int missing;

    diag_init(&dl);
    memset(&t, 0, sizeof t);
    t.spec = spec;
    t.dl = &dl;
    t.on_row = ignore_row;
    t.opts = &t.noopts;
    t.header_only = true;
    while (spec->columns[t.ncolumns].key)
        t.ncolumns++;
    for (int k = 0; k < t.ncolumns; k++)
        t.header_missing += spec->columns[k].required;
    if (text_decode(data, len, &text, &textlen, NULL) != 0) {
        diag_free(&dl);
        return -1;
    }
    feed(&t, text, textlen);
    free(text);
    missing = t.oom ? -1 : t.header_missing;
    table_release(&t);
    diag_free(&dl);
    return missing;
}

int table_read(const table_spec *spec, const char *data, size_t len, const char *name,
               char **name_copy, table_row_fn on_row, void *ctx, diag_list *dl)
{
    return table_read_opts(spec, NULL, data, len, name, name_copy, on_row, ctx, dl);
}

int table_read_opts(const table_spec *spec, const table_opts *opts, const char *data,
                    size_t len, const char *name, char **name_copy, table_row_fn on_row,
                    void *ctx, diag_list *dl)
{
    char *raw = NULL;

    if (name_copy) {
        *name_copy = NULL;
        if (name && !(*name_copy = text_strndup(name, strlen(name)))) {
            diag_add(dl, DIAG_ERROR, name, 0, 0,
                     "close other programs or split the file, and try again",
                     "out of memory while reading the %s", spec->rows_name);
            return -1;
        }
    }
    if (!data) {
        if (text_read_file(name, &raw, &len) != 0) {
            int e = errno;
            diag_add(dl, DIAG_ERROR, name, 0, 0,
                     "check the name and that the file exists and can be read; save it from "
                     "Excel as \"CSV (semikolonsepareret)\"",
                     "cannot read %s: %s", name, strerror(e));
            return -1;
        }
        data = raw;
    }
    return parse_bytes(spec, opts, data, len, raw, name, on_row, ctx, dl);
}

/* ---------------------------------------------------------------------------
 * Writing.
 * ------------------------------------------------------------------------- */

int table_write_field(FILE *fp, const char *s, char sep, bool first, bool neutralise)
{
    const char special[] = {sep, '"', '\r', '\n', '\0'};
    bool quote;

    s = s ? s : "";
    quote = strpbrk(s, special) != NULL;
    neutralise = neutralise && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
    if (!first && fputc(sep, fp) == EOF)
        return -1;
    if (quote && fputc('"', fp) == EOF)
        return -1;
    if (neutralise && fputc('\'', fp) == EOF)
        return -1;
    for (; *s; s++) {
        if (*s == '"' && fputc('"', fp) == EOF)
            return -1;
        if (fputc(*s, fp) == EOF)
            return -1;
    }
    if (quote && fputc('"', fp) == EOF)
        return -1;
    return 0;
}

int table_write_text(FILE *fp, const char *s, bool first)
{
    return table_write_field(fp, s, ';', first, true);
}

int table_write_int(FILE *fp, int64_t v, bool first)
{
    return fprintf(fp, "%s%" PRId64, first ? "" : ";", v) < 0 ? -1 : 0;
}

int table_write_eol(FILE *fp)
{
    return fputs("\r\n", fp) == EOF ? -1 : 0;
}

/* What put_table writes: the caller's writer and its context. */
typedef struct table_put {
    table_write_fn put;
    void *ctx;
} table_put;

/* The byte-order mark, then the caller's rows; an atomic_put_fn. */
static int put_table(FILE *fp, void *ctx, char *err, size_t errsz)
{
    const table_put *t = ctx;
    (void)err;
    (void)errsz;
    return fputs("\xEF\xBB\xBF", fp) == EOF || t->put(fp, t->ctx) != 0 ? -1 : 0;
}

int table_write_file(const char *path, table_write_fn put, void *ctx, char *err,
                     size_t errsz)
{
    table_put t = {put, ctx};
    return atomic_write(path, put_table, &t, err, errsz);
}

/* ---------------------------------------------------------------------------
 * The duplicate index.
 * ------------------------------------------------------------------------- */

/* FNV-1a with a final mix, so that the low bits used for the index are good
 * also for keys like "1", "2", ... */
uint32_t table_hash(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    return (uint32_t)h;
}

/* Double the index (or create it). Returns 0, or -1 on out of memory with
 * the index unchanged. */
static int index_grow(table_index *ix)
{
    size_t cap = ix->cap ? ix->cap * 2 : 1024;
    table_slot *v = calloc(cap, sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < ix->cap; i++) {
        if (!ix->v[i].row1)
            continue;
        size_t j = ix->v[i].hash & (cap - 1);
        while (v[j].row1)
            j = (j + 1) & (cap - 1);
        v[j] = ix->v[i];
    }
    free(ix->v);
    ix->v = v;
    ix->cap = cap;
    return 0;
}

/* Make room for one more key. Returns 0, or -1 on out of memory. */
static int index_reserve(table_index *ix)
{
    return (ix->n + 1) * 2 > ix->cap ? index_grow(ix) : 0;
}

void table_index_prefetch(table_index *ix, uint32_t h)
{
    if (index_reserve(ix) != 0)
        return;
#if defined(__GNUC__)
    __builtin_prefetch(&ix->v[h & (ix->cap - 1)]);
#endif
}

int table_index_put(table_index *ix, const char *key, uint32_t h, size_t row,
                    table_same_fn same, void *ctx, size_t *first)
{
    size_t j;
    if (index_reserve(ix) != 0)
        return -1;
    j = h & (ix->cap - 1);
    while (ix->v[j].row1) {
        if (ix->v[j].hash == h && same(ctx, ix->v[j].row1 - 1, key)) {
            *first = ix->v[j].row1 - 1;
            return 1;
        }
        j = (j + 1) & (ix->cap - 1);
    }
    ix->v[j].hash = h;
    ix->v[j].row1 = (uint32_t)(row + 1);
    ix->n++;
    return 0;
}

void table_index_free(table_index *ix)
{
    free(ix->v);
    memset(ix, 0, sizeof *ix);
}
