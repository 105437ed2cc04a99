/* inifile.h - An INI file read line by line with inih, every problem at its
 * line and column, and the one did-you-mean policy for names people type.
 *
 * (Named inifile, not ini, because <ini.h> is inih's own header.)
 *
 * inih's ini_parse_stream() is fed by our own reader, one line per call, so
 * the reader's count is the line number while a callback runs, and the
 * reader keeps the raw line so that columns (1-based, in bytes) can be given:
 * inifile_value_col() for a bad value, inifile_key_col() (1 unless the line is
 * indented) for a bad key or label. The reader:
 *
 *   - ends a line at LF, CRLF or a lone CR, mixed as they come;
 *   - drops a line's leading blanks before inih sees it: inih would otherwise
 *     take an indented line as the continuation of the previous value;
 *   - reports a NUL byte, a control character (C0 other than TAB, DEL, C1) and
 *     U+FFFD (a byte that was neither UTF-8 nor Windows-1252) at its column;
 *     the line is still read, except after a NUL;
 *   - reports a line longer than inih's buffer (198 bytes with Debian's
 *     default 200) and hands it on as a blank line, so the count stays right;
 *   - parses section headers itself (inih's rules: the name runs to the ']',
 *     or to a ';' after a blank) and hands them to on_header;
 *   - notices every line that looked like "key = value" but never reached
 *     on_pair (no '=' or ':' before a ' ;' comment). inih reports only the
 *     first malformed line.
 *
 * Lines starting with ';' or '#' are comments, and so is everything from a ';'
 * that follows a blank. */
#ifndef PULJE_INIFILE_H
#define PULJE_INIFILE_H

#include <stddef.h>

#include "diag.h"

typedef struct inifile inifile;

/* A section header. name is the text between '[' and ']' (or up to a comment
 * when there is no ']'), closed says whether the ']' was there, col is the
 * column of the '['. name is only valid during the call. */
typedef void (*inifile_header_fn)(void *user, const char *name, int closed, unsigned col);
/* A "name = value" line, as inih splits it (at the first '=' or ':', both trimmed). */
typedef void (*inifile_pair_fn)(void *user, const char *name, const char *value);
/* A line that was reported and not read (a NUL byte, too long). */
typedef void (*inifile_dropped_fn)(void *user);

struct inifile {
    /* set by the caller */
    const char *text;        /* the whole file, UTF-8 */
    size_t len;
    const char *file;        /* name for diagnostics */
    diag_list *dl;           /* problems are appended here */
    inifile_header_fn on_header;
    inifile_pair_fn on_pair;
    inifile_dropped_fn on_dropped; /* may be NULL */
    void *user;

    /* kept by the reader; read them in the callbacks */
    unsigned lineno;         /* the current line's number */
    const char *raw;         /* the current line as in the file, without its line end */
    size_t raw_len;
    int oom;                 /* out of memory: set by the reader or by a callback */

    /* private */
    size_t pos;
    int expect_pair, got_pair;
};

/**
 * @brief Read the whole text, calling on_header and on_pair line by line.
 *
 * Set text, len, file, dl and the callbacks; the rest zero. inih's own
 * complaint about a line is reported there unless something already was.
 * @return 0, or -1 if memory ran out (r->oom is then set; nothing is reported).
 */
int inifile_parse(inifile *r);

/** @brief Append an error at line and col (0 = the whole line or file). */
void inifile_error(inifile *r, unsigned line, unsigned col, const char *hint,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/** @brief Column of the current line's first byte that is not blank. This function can't fail. */
unsigned inifile_key_col(const inifile *r);

/** @brief Offset in the raw line where inih's value starts: after the first
 * '=' or ':' and the blanks that follow; raw_len if there is none. */
size_t inifile_value_offset(const inifile *r);

/** @brief The 1-based column of the value, inifile_value_offset() + 1. */
unsigned inifile_value_col(const inifile *r);

/** @brief inih's notion of a blank (isspace in the C locale), without '\n'. */
int inifile_is_blank(char c);

/**
 * @brief When raw (the file's bytes as read) holds UTF-8 letters and bytes
 * that are not UTF-8, report each such byte (the first 20) at its line and
 * column: a file that is UTF-8 but for a few pasted bytes would otherwise be
 * read whole as Windows-1252, turning every "ø" into "Ã¸" without a word.
 */
void inifile_check_mixed_encoding(inifile *r, const char *raw, size_t len);

/**
 * @brief Did you mean: text_suggest() (text.h), the one policy for names
 * people type, for the pool file's sections and keys.
 * @param oom  Set to 1 if memory ran out (then -1 is returned); may be NULL.
 */
int inifile_suggest(const char *word, const char *const *cands, size_t n, int *oom);

#endif
