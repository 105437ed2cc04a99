/* text.h - Text encodings and small string helpers shared by the readers.
 *
 * Files from Danish Excel come as UTF-8 with or without a byte-order mark,
 * or as Windows-1252. text_to_utf8 turns any of them into clean UTF-8 (with
 * iconv for Windows-1252) and says which it found. */
#ifndef PULJE_TEXT_H
#define PULJE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { TEXT_UTF8 = 0, TEXT_UTF8_BOM, TEXT_CP1252 } text_encoding;

/**
 * @brief Convert file bytes to NUL-terminated UTF-8 without BOM.
 *
 * Bytes that are valid UTF-8 are kept as they are (BOM dropped); otherwise
 * the whole input is read as Windows-1252.
 *
 * @param in      Input bytes.
 * @param len     Their length.
 * @param out     Receives a malloc'ed NUL-terminated string (caller frees).
 * @param outlen  Receives its length (without NUL).
 * @param enc     Receives what was detected; may be NULL.
 * @return 0 on success, -1 on out of memory or a conversion failure.
 */
int text_to_utf8(const char *in, size_t len, char **out, size_t *outlen,
                 text_encoding *enc);

/* Where text_decode() found a byte that is not UTF-8 in a UTF-8 file, it
 * puts the code point TEXT_INVALID_BASE + the byte (a private-use character,
 * U+E080..U+E0FF), so that a reader can name the byte where it stands. */
#define TEXT_INVALID_BASE 0xE000u

/* What text_decode() found. */
typedef struct text_info {
    text_encoding enc;
    size_t invalid;              /* bytes that are not UTF-8 in a UTF-8 file (0 for CP1252) */
    unsigned first_utf8_line;    /* the first line with a UTF-8 letter (0: none) */
    unsigned first_invalid_line; /* the first line with a byte that is not UTF-8 (0: none) */
} text_info;

/**
 * @brief Convert file bytes to NUL-terminated UTF-8 without BOM, by the
 * rule of every reader: a file is UTF-8 when it starts with a byte-order
 * mark or holds any valid multi-byte UTF-8 sequence (æ, ø, å as UTF-8);
 * then every byte that is not UTF-8 is kept as the code point
 * TEXT_INVALID_BASE + byte (see text_invalid_byte()) and counted in
 * info->invalid, for the reader to report where it is. Only a file without
 * a single valid multi-byte sequence, but with bytes above 0x7F, is read as
 * Windows-1252 (info->enc == TEXT_CP1252, for a notice). Pure ASCII is
 * TEXT_UTF8.
 *
 * @param in, len  Input bytes.
 * @param out      Receives a malloc'ed NUL-terminated string (caller frees).
 * @param outlen   Receives its length (without NUL).
 * @param info     Receives what was found; may be NULL.
 * @return 0 on success, -1 on out of memory or a conversion failure.
 */
int text_decode(const char *in, size_t len, char **out, size_t *outlen, text_info *info);

/**
 * @brief text_decode() without a copy of text that is already valid UTF-8:
 * then *out is NULL and *view points into in (past a BOM; not
 * NUL-terminated unless in is); otherwise *out is the converted copy (caller
 * frees) and *view == *out. *outlen is the text's length either way.
 * @return 0 on success, -1 on out of memory or a conversion failure.
 */
int text_decode_borrow(const char *in, size_t len, const char **view, char **out,
                       size_t *outlen, text_info *info);

/**
 * @brief The byte that text_decode() found not to be UTF-8, if the three
 * bytes at s are its stand-in; -1 otherwise. This function can't fail.
 */
int text_invalid_byte(const char *s, size_t len);

/**
 * @brief The first control character in [s, s+len) other than TAB, LF and
 * CR: C0 (NUL, BEL, ESC, ...), DEL, or a C1 (U+0080..U+009F, in UTF-8).
 * @return its code point, with its byte offset in *at; SIZE_MAX if none.
 */
size_t text_control_at(const char *s, size_t len, size_t *at);

/** @brief "NUL", "BEL", "ESC", "DEL" ... for a control code point; "C1 control" above. */
const char *text_control_name(unsigned cp);

/** @brief true if the bytes are valid UTF-8 (no overlongs, no surrogates). */
bool text_is_utf8(const char *s, size_t len);

/**
 * @brief Read a whole file into memory (NUL-terminated).
 * @return 0 on success; -1 with errno set otherwise.
 */
int text_read_file(const char *path, char **data, size_t *len);

/** @brief strdup of n bytes; NULL on out of memory. */
char *text_strndup(const char *s, size_t n);

/** @brief Trim ASCII blanks and no-break spaces at both ends, in place; returns s. */
char *text_trim(char *s);

/**
 * @brief Fold a header or name for matching: lower case (ASCII and Æ Ø Å),
 * blanks, '-', '_', '/', '.' and parentheses dropped. "Afslag / Begrundelse"
 * -> "afslagbegrundelse". Returns a malloc'ed string or NULL.
 */
char *text_fold(const char *s);

/**
 * @brief Fold a name into a part of a file name or identifier: ASCII letters
 * and digits in lower case, æ ø å ä ö ü é (either case) as ae oe aa ae oe ue
 * e, every other run of characters one '-', none at the ends ("Selskabet
 * Åbne Fyrtårne, Hjallese" -> "selskabet-aabne-fyrtaarne-hjallese"; "§ 18"
 * -> "18"). NULL reads as "". Truncates to size (buf always terminated when
 * size > 0); returns buf.
 */
char *text_slug(const char *s, char *buf, size_t size);

/** @brief strcmp ignoring ASCII case ("Main" equals "main"). */
int text_casecmp(const char *a, const char *b);

/**
 * @brief Write a one-line message (printf format) into err, truncated to
 * errsz; nothing when err is NULL or errsz is 0. For the functions that
 * explain a failure in a caller's buffer.
 */
void text_set_err(char *err, size_t errsz, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** @brief Levenshtein distance of two short strings (bytes), capped at 99. */
int text_distance(const char *a, const char *b);

/**
 * @brief Fold an association's name for telling whether two rows name the
 * same one: text_fold(), then every printable ASCII character that is not a
 * letter or digit dropped (blanks and punctuation), so "Selskabet Lune
 * Vandrere, Bullerup" and "selskabet lune vandrere bullerup" fold alike.
 * Control characters and non-ASCII letters are kept. The one folding of the
 * duplicate check (apps.c), the running holders (multiyear.c) and the
 * plausibility checks (plausible.c). Returns a malloc'ed string or NULL.
 */
char *text_fold_name(const char *s);

/* The longest name, in characters, text_suggest() compares. */
#define TEXT_SUGGEST_MAX 63

/**
 * @brief Did you mean: the index of the candidate closest to word, or -1 if
 * none is close. The one policy for every name people type: pool sections
 * and keys, CSV and .xlsx column headers, rule names, commands and options.
 *
 * Both are folded with text_fold() (case, blanks, '-', '_', '/', '.' and
 * parentheses do not count), then compared character by character, so æ, ø
 * and å (any UTF-8 letter) count as one character each; an edit is an
 * insertion, a deletion, a substitution or a swap of two neighbours ("rnu"
 * for "run"). A candidate of n
 * characters is close when at most text_suggest_limit(n) edits away; the
 * closest wins, the first of equals. An exact match (after folding) is
 * returned too: the caller decides whether that is worth saying.
 * @code
 * static const char *const keys[] = {"rule", "threshold", "rounding"};
 * int k = text_suggest("treshold", keys, 3, &oom);   // 1
 * @endcode
 * @param oom  Set to 1 if memory ran out (then -1 is returned); may be NULL.
 */
int text_suggest(const char *word, const char *const *cands, size_t n, int *oom);

/** @brief The edits text_suggest() allows for a candidate of n characters:
 * 1 up to 3 characters, 2 up to 5, else 3. This function can't fail. */
int text_suggest_limit(size_t n);

/* A growing NUL-terminated text: zero it to start, free(s) when done. A
 * failed allocation sets oom, keeps what was there and ignores later adds. */
typedef struct text_buf {
    char *s;
    size_t n, cap;
    int oom;
} text_buf;

/** @brief Append s[0..n) to b (b->s stays NUL-terminated). This function can't fail; see oom. */
void text_buf_add(text_buf *b, const char *s, size_t n);

/** @brief Append the string s to b. */
void text_buf_str(text_buf *b, const char *s);

#endif
