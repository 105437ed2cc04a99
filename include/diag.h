/* diag.h - Diagnostics: problems found in input, kept as data.
 *
 * Parsers and checks append to a diag_list; the command line prints it, the
 * tests assert on it. Nothing in the library prints or exits. Each entry
 * names the file, line and column, says what is wrong and how to fix it. */
#ifndef PULJE_DIAG_H
#define PULJE_DIAG_H

#include <stddef.h>

typedef enum { DIAG_ERROR = 0, DIAG_WARNING } diag_level;

typedef struct diag {
    diag_level level;
    char *file;     /* may be NULL when the problem is not tied to a file */
    unsigned line;  /* 1-based; 0 = whole file */
    unsigned col;   /* 1-based; 0 = whole line */
    char *msg;      /* what is wrong */
    char *hint;     /* how to fix it; may be NULL */
} diag;

typedef struct diag_list {
    diag *v;
    size_t n, cap;
    size_t n_errors;
    int oom;        /* set when an entry could not be stored for lack of memory */
} diag_list;

/** @brief Initialise an empty list. This function can't fail. */
void diag_init(diag_list *dl);

/** @brief Free every entry and the list's storage; the list is empty afterwards. */
void diag_free(diag_list *dl);

/**
 * @brief Append a problem. msg is a printf format.
 *
 * On out-of-memory the entry is dropped and dl->oom is set (errors are still
 * counted), so a caller never loses the fact that something was wrong.
 */
void diag_add(diag_list *dl, diag_level level, const char *file, unsigned line,
              unsigned col, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/** @brief Number of errors (not warnings) recorded. */
size_t diag_errors(const diag_list *dl);

/**
 * @brief Render one entry as "file:line:col: error: msg" plus "  hint: ..." on
 * a second line when there is a hint. Truncates to size. Returns buf.
 */
char *diag_format(const diag *d, char *buf, size_t size);

/** @brief Sort entries by file, line, column (stable), so reports read top-down. */
void diag_sort(diag_list *dl);

#endif
