/* inifile.c - An INI file read line by line with inih (see inifile.h). */
#include "inifile.h"

#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "messages.h"

int inifile_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

static unsigned col_at(size_t offset)
{
    return (unsigned)offset + 1;
}

unsigned inifile_key_col(const inifile *r)
{
    size_t i = 0;
    while (i < r->raw_len && inifile_is_blank(r->raw[i]))
        i++;
    return col_at(i);
}

size_t inifile_value_offset(const inifile *r)
{
    size_t i = 0;
    while (i < r->raw_len && r->raw[i] != '=' && r->raw[i] != ':')
        i++;
    if (i < r->raw_len)
        i++;
    while (i < r->raw_len && inifile_is_blank(r->raw[i]))
        i++;
    return i;
}

unsigned inifile_value_col(const inifile *r)
{
    return col_at(inifile_value_offset(r));
}

void inifile_error(inifile *r, unsigned line, unsigned col, const char *hint,
                   const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, msg_tr(fmt), ap);
    va_end(ap);
    diag_add(r->dl, DIAG_ERROR, r->file, line, col, hint, "%s", msg);
}

/* ---- did you mean ------------------------------------------------------ */

int inifile_suggest(const char *word, const char *const *cands, size_t n, int *oom)
{
    return text_suggest(word, cands, n, oom);
}

/* ---- the reader: one line per call ------------------------------------- */

/* Close the line handed out last: a "key = value" line that inih did not
 * pass to the handler was not one (no '=' or ':' before a comment). */
static void finish_line(inifile *r)
{
    if (r->expect_pair && !r->got_pair)
        inifile_error(r, r->lineno, inifile_key_col(r),
                      "write it as `<label> = <amount>` or `key = value`, or start it with ';' "
                      "to make it a comment",
                      "this line is not `key = value`: it has no '=' (or it comes after a ' ;' "
                      "comment)");
    r->expect_pair = 0;
    r->got_pair = 0;
}

/* A section header: "[name]", anything after the ']' ignored, as inih does.
 * inih stops looking for the ']' at a ';' that follows a blank. */
static void read_header(inifile *r, const char *s, size_t n)
{
    size_t i = 1, end;
    int was_blank = 0;
    char *name;

    while (i < n && s[i] != ']' && !(was_blank && s[i] == ';')) {
        was_blank = inifile_is_blank(s[i]);
        i++;
    }
    int closed = i < n && s[i] == ']';
    end = closed ? i : n;
    if (!closed) {
        /* A comment may follow: take the name up to it, without blanks. */
        end = i;
        while (end > 1 && inifile_is_blank(s[end - 1]))
            end--;
    }
    name = text_strndup(s + 1, end - 1);
    if (!name) {
        r->oom = 1;
        return;
    }
    r->on_header(r->user, name, closed, col_at((size_t)(s - r->raw)));
    free(name);
}

/* The first character in the line that has no place in the file, or NULL: a
 * control character (C0 other than TAB, DEL, C1 U+0080..U+009F) or U+FFFD,
 * which text_to_utf8() puts where a byte was neither UTF-8 nor Windows-1252.
 * NUL is reported on its own before this. */
static const char *bad_char(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\0') || c == 0x7F)
            return s + i;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9F)
            return s + i;
        if (c == 0xEF && i + 2 < n && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)
            return s + i;
    }
    return NULL;
}

/* A line that is reported and handed to inih as a blank one. */
static char *dropped(inifile *r, char *buf)
{
    if (r->on_dropped)
        r->on_dropped(r->user);
    strcpy(buf, "\n");
    return buf;
}

/* inih's reader: hand over the next line of the text, without its leading
 * blanks, ending in '\n'. Returns NULL at the end. */
static char *read_line(char *buf, int size, void *stream)
{
    inifile *r = stream;
    const char *line, *nl, *bad;
    size_t n, ind = 0;

    finish_line(r);
    if (r->pos >= r->len || size < 2)
        return NULL;
    /* A line ends at LF, CRLF or a lone CR (old Mac files; mixed is fine). */
    line = r->text + r->pos;
    nl = line;
    while (nl < r->text + r->len && *nl != '\n' && *nl != '\r')
        nl++;
    n = (size_t)(nl - line);
    r->pos += n;
    if (r->pos < r->len) {
        r->pos++;
        if (*nl == '\r' && r->pos < r->len && r->text[r->pos] == '\n')
            r->pos++;
    }
    r->lineno++;
    r->raw = line;
    r->raw_len = n;
    while (ind < n && inifile_is_blank(line[ind]))
        ind++;

    if (memchr(line, '\0', n)) {
        inifile_error(r, r->lineno,
                      col_at((size_t)((const char *)memchr(line, '\0', n) - line)),
                      "the file may not be a text file; save it as text (UTF-8)",
                      "this line contains a NUL byte");
        return dropped(r, buf);
    }
    if ((bad = bad_char(line, n)) != NULL) {
        if ((unsigned char)bad[0] == 0xEF)
            inifile_error(r, r->lineno, col_at((size_t)(bad - line)),
                          "save the file as UTF-8 text; the byte was read as U+FFFD",
                          "this line contains a byte that is neither UTF-8 nor Windows-1252");
        else
            inifile_error(r, r->lineno, col_at((size_t)(bad - line)),
                          "delete the character, or save the file as UTF-8 text (it may have "
                          "been saved in another encoding)",
                          "this line contains the control character U+%04X",
                          bad[0] == '\xC2' ? (unsigned char)bad[1] : (unsigned char)bad[0]);
        /* the line is still read, so that nothing else is reported missing */
    }
    if (n - ind + 2 > (size_t)size) {
        char hint[128];
        snprintf(hint, sizeof hint, msg_tr("shorten it to at most %d characters"), size - 2);
        inifile_error(r, r->lineno, col_at(ind + (size_t)size - 2), hint,
                      "this line is too long (%zu bytes)", n - ind);
        return dropped(r, buf);
    }
    memcpy(buf, line + ind, n - ind);
    buf[n - ind] = '\n';
    buf[n - ind + 1] = '\0';

    if (ind == n || line[ind] == ';' || line[ind] == '#')
        return buf;
    if (line[ind] == '[')
        read_header(r, line + ind, n - ind);
    else
        r->expect_pair = 1;
    return buf;
}

/* inih's handler. Always returns 1: our own diagnostics say what is wrong. */
static int on_ini_pair(void *user, const char *section, const char *name, const char *value)
{
    inifile *r = user;
    (void)section; /* the reader tracks sections, with their lines */

    if (r->got_pair)
        return 1; /* only one pair per line; cannot happen with unindented lines */
    r->got_pair = 1;
    r->on_pair(r->user, name, value);
    return 1;
}

/* Does the list hold an entry for this file and line from index `from` on? */
static int has_diag_at(const diag_list *dl, size_t from, const char *file, unsigned line)
{
    for (size_t i = from; i < dl->n; i++) {
        if (dl->v[i].line == line && dl->v[i].file && strcmp(dl->v[i].file, file) == 0)
            return 1;
    }
    return 0;
}

int inifile_parse(inifile *r)
{
    size_t first = r->dl->n;
    int rc = ini_parse_stream(read_line, r, on_ini_pair, r);

    finish_line(r);
    if (rc == -2)
        r->oom = 1;
    else if (rc > 0 && !has_diag_at(r->dl, first, r->file, (unsigned)rc))
        inifile_error(r, (unsigned)rc, 0, "check the line's syntax: `key = value` or [section]",
                      "the INI reader could not read this line");
    return r->oom ? -1 : 0;
}

/* ---- encodings --------------------------------------------------------- */

/* Length of the UTF-8 character at s (1..4), or 0 if the bytes there are not one. */
static size_t utf8_char(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    return k && k <= n && text_is_utf8(s, k) ? k : 0;
}

void inifile_check_mixed_encoding(inifile *r, const char *raw, size_t len)
{
    size_t multibyte = 0, bad = 0, i = 0, line_start = 0;
    unsigned line = 1;

    for (i = 0; i < len;) {
        size_t k = utf8_char(raw + i, len - i);
        multibyte += k > 1;
        bad += k == 0;
        i += k ? k : 1;
    }
    if (multibyte == 0 || bad == 0)
        return;
    bad = 0;
    for (i = 0; i < len && bad < 20;) {
        size_t k = utf8_char(raw + i, len - i);
        if (raw[i] == '\n' || (raw[i] == '\r' && !(i + 1 < len && raw[i + 1] == '\n'))) {
            line++;
            line_start = i + 1;
        } else if (k == 0) {
            inifile_error(r, line, col_at(i - line_start),
                          "save the file as UTF-8 again, or retype the character; it may come "
                          "from text pasted from another program",
                          "byte 0x%02X is not UTF-8, though the rest of the file is",
                          (unsigned char)raw[i]);
            bad++;
        }
        i += k ? k : 1;
    }
}
