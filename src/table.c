/* table.c - ';'-separated tables: a reading (known columns, rows, cells,
 * all problems as diagnostics) over the decoding in table_csv.c and the
 * header matching in table_header.c. */
#include "table.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "table_internal.h"
#include "text.h"
#include "messages.h"

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
    vsnprintf(buf, sizeof buf, msg_tr(fmt), ap);
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
void table_out_of_memory(table *t)
{
    if (!t->oom)
        diag_add(t->dl, DIAG_ERROR, t->file, t->line, 0,
                 "close other programs or split the file, and try again",
                 "out of memory while reading the %s", msg_tr(t->spec->rows_name));
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
    case XLSXREAD_DATE:    what = MSG_N("a date"); break;
    case XLSXREAD_TIME:    what = MSG_N("a time"); break;
    case XLSXREAD_PERCENT: what = MSG_N("a percentage"); break;
    default:               what = MSG_N("a boolean (SAND/FALSK)"); break;
    }
    if (x->kind == XLSXREAD_BOOL)
        table_note_cell(t, DIAG_ERROR, c,
                        "type the amount in whole kroner, like 50.000, in a cell formatted as "
                        "Tal (number)",
                        "column %u (%s): cell %s is %s, not an amount", c->col, c->name, name,
                        msg_tr(what));
    else
        table_note_cell(t, DIAG_ERROR, c,
                        "format the cell as Tal (number) with Formater celler, and type the "
                        "amount again in whole kroner, like 50.000",
                        "column %u (%s): cell %s is formatted as %s (%s), not as an amount; "
                        "its value %s would be read as \"%s\"",
                        c->col, c->name, name, msg_tr(what), x->format, x->value,
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
                        "DKK 1,000,000,000,000)",
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
 * Rows.
 * ------------------------------------------------------------------------- */

/* Room for field i (and those before it), each with a text buffer of at least
 * need bytes for field i. Returns the field, or NULL on out of memory. */
field *table_field_at(table *t, size_t i, size_t need)
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
        field *f = table_field_at(t, t->nfields, 1);
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
            table_out_of_memory(t);
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
void table_read_row(table *t)
{
    table_row row;

    if (!fields_fit(t))
        return;
    if (t->delivered == TABLE_MAX_ROWS) {
        table_note(t, DIAG_ERROR, t->rec_line, 0, "split the file",
                   "more than %zu %s in one file", TABLE_MAX_ROWS, msg_tr(t->spec->rows_name));
        t->stop = true;
        return;
    }
    for (int k = 0; k < t->ncolumns; k++)
        t->cells[k] = t->col[k] >= 0 ? &t->fields[t->col[k]].c : NULL;
    row.line = t->rec_line;
    row.cell = t->cells;
    t->delivered++;
    if (t->on_row(t, &row, t->ctx) != 0)
        table_out_of_memory(t);
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
 * malloc'ed buffer, freed as soon as a converted copy exists so that a big
 * file is not held twice; text that is already UTF-8 is read where it
 * stands, without a copy. Same return as table_read(). */
static int parse_bytes(const table_spec *spec, const table_opts *opts, const char *data,
                       size_t len, char *owned, const char *filename, table_row_fn on_row,
                       void *ctx, diag_list *dl)
{
    size_t errors_before = dl->n_errors;
    char *text = NULL, example[512];
    const char *view = NULL;
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
    else if (len > 0 && text_decode_borrow(data, len, &view, &text, &textlen, &info) != 0)
        table_note(&t, DIAG_ERROR, 0, 0,
                   "save the file from Excel as \"CSV UTF-8\" and try again",
                   "cannot convert the file to UTF-8 (out of memory, or no Windows-1252 "
                   "converter)");
    if (text || !view) {
        free(owned);
        owned = NULL;
    }
    if (dl->n_errors > errors_before) {
        free(owned);
        return -1;
    }
    t.has_invalid = info.invalid > 0;
    t.cp1252 = info.enc == TEXT_CP1252;
    t.utf8_line = info.first_utf8_line;
    if (t.opts->encoding)
        *t.opts->encoding = info.enc;

    if (textlen > 0)
        table_feed(&t, view, textlen);
    free(text);
    free(owned);

    if (!t.oom && !t.stop) {
        char hint[768];
        if (!t.have_header) {
            table_known_headers(&t, ";", example, sizeof example);
            snprintf(hint, sizeof hint,
                     msg_tr("the first line must be the header, like %s, then one line per %s"),
                     example, msg_tr(spec->row_name));
            table_note(&t, DIAG_ERROR, 0, 0, hint, "the file is empty");
        } else if (t.nrows == 0 && !spec->rows_optional) {
            snprintf(hint, sizeof hint, msg_tr("add one line per %s below the header"),
                     msg_tr(spec->row_name));
            table_note(&t, DIAG_ERROR, 0, 0, hint, "the file has a header but no %s",
                       msg_tr(spec->rows_name));
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
    table_feed(&t, text, textlen);
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
                     "out of memory while reading the %s", msg_tr(spec->rows_name));
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

