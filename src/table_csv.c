/* table_csv.c - The CSV bytes of a table: fed to libcsv a physical line at a
 * time (so every field knows its line), fields cleaned and checked for
 * control characters and stray bytes; and the writing of fields, safe for
 * spreadsheets, to files written atomically. */
#include <csv.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "phase.h"
#include "table_internal.h"
#include "text.h"
#include "messages.h"

/* ---------------------------------------------------------------------------
 * Reading: fields and records from libcsv.
 * ------------------------------------------------------------------------- */

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
        table_read_header(t);
        if (t->header_only) {
            t->header_missing = 0;
            for (int k = 0; k < t->ncolumns; k++)
                if (t->spec->columns[k].required && (!t->col || t->col[k] < 0))
                    t->header_missing++;
            t->stop = true;
        }
    } else {
        t->nrows++;
        table_read_row(t);
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
/* "column 3 (Forening)" for the messages of check_chars, in where (160). */
static const char *where_of(const table *t, size_t col, char *where)
{
    const char *name = t->have_header && col <= t->ncols ? t->names[col - 1] : NULL;

    if (name)
        snprintf(where, 160, msg_tr("column %zu (%s)"), col, name);
    else
        snprintf(where, 160, msg_tr("column %zu"), col);
    return where;
}

static void check_chars(table *t, field *f, size_t col)
{
    const char *s = f->buf;
    size_t len = f->c.len, at = 0, cp;
    char where[160]; /* made only for a message: most fields have none */

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
                   where_of(t, col, where), cp, text_control_name((unsigned)cp), chars);
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
                       where_of(t, col, where), chars);
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
                         msg_tr("retype the character (in Windows-1252 the byte is \"%s\") and save "
                         "the file as \"CSV UTF-8\""),
                         letter);
            else
                snprintf(hint, sizeof hint,
                         msg_tr("retype the character and save the file as \"CSV UTF-8\""));
            table_note(t, DIAG_ERROR, line, (unsigned)col, hint,
                       "%s: byte 0x%02X at character %zu is not UTF-8, though the file is "
                       "(it has UTF-8 letters from line %u); text pasted from another "
                       "program?",
                       where_of(t, col, where), (unsigned)b, chars, t->utf8_line);
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
        f = table_field_at(t, t->nfields, len + 1);
    if (!f) {
        table_out_of_memory(t);
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
void table_feed(table *t, const char *s, size_t n)
{
    struct csv_parser p;
    size_t pos = 0;

    if (parser_init(&p) != 0) {
        table_out_of_memory(t);
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
                table_out_of_memory(t);
                break;
            }
            bad_quote(t);
            lost_record(t);
            csv_free(&p);
            if (parser_init(&p) != 0) {
                table_out_of_memory(t);
                return;
            }
        }
        pos = end;
        phase_progress(pos, n);
    }
    if (!t->oom && !t->stop && csv_fini(&p, on_field, on_record, t) != 0) {
        if (csv_error(&p) == CSV_EPARSE) {
            unclosed_quote(t);
            lost_record(t);
        } else {
            table_out_of_memory(t);
        }
    }
    csv_free(&p);
}

/* ---------------------------------------------------------------------------
 * Writing.
 * ------------------------------------------------------------------------- */

int table_write_field(FILE *fp, const char *s, char sep, bool first, bool neutralise)
{
    /* a character at a time without taking the stream's lock each time: a
     * stream is written by one thread only (atomic_write() holds its lock) */
    const char special[] = {sep, '"', '\r', '\n', '\0'};
    bool quote;

    s = s ? s : "";
    quote = strpbrk(s, special) != NULL;
    neutralise = neutralise && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
    if (!first && putc_unlocked(sep, fp) == EOF)
        return -1;
    if (quote && putc_unlocked('"', fp) == EOF)
        return -1;
    if (neutralise && putc_unlocked('\'', fp) == EOF)
        return -1;
    for (; *s; s++) {
        if (*s == '"' && putc_unlocked('"', fp) == EOF)
            return -1;
        if (putc_unlocked(*s, fp) == EOF)
            return -1;
    }
    if (quote && putc_unlocked('"', fp) == EOF)
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

