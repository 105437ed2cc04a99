/* testutil.h - What every cmocka test file includes, in the order cmocka needs,
 * plus the helpers several test files share: a deterministic random
 * generator for property tests, running a command with its output captured,
 * the build folder, and checks on column tables and label texts. */
#ifndef PULJE_TESTUTIL_H
#define PULJE_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "diag.h"
#include "table.h"
#include "text.h"

/* splitmix64: the same sequence on every machine. */
static inline uint64_t test_rng(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* A uniform integer in [lo, hi]. */
static inline int64_t test_between(uint64_t *state, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(test_rng(state) % (uint64_t)(hi - lo + 1));
}

/* The folder the programs under test were built in: $BUILD, default "build". */
static inline const char *test_build_dir(void)
{
    const char *b = getenv("BUILD");
    return b ? b : "build";
}

/* Run a shell command; its output (stdout, and stderr if the command says
 * 2>&1) in buf, cut to size; returns the exit code, -1 if it did not exit. */
static inline int test_run(const char *cmd, char *buf, size_t size)
{
    FILE *p = popen(cmd, "r");
    size_t n = 0;
    int st;

    assert_non_null(p);
    while (n + 1 < size) {
        size_t got = fread(buf + n, 1, size - n - 1, p);
        if (got == 0)
            break;
        n += got;
    }
    buf[n] = '\0';
    st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Print every diagnostic to stderr, one per line (with its hint), to show
 * why a test failed. */
static inline void test_print_diags(const diag_list *d)
{
    char buf[2048];
    for (size_t i = 0; i < d->n; i++)
        fprintf(stderr, "  %s\n", diag_format(&d->v[i], buf, sizeof buf));
}

/* Fail unless every header and alias of a column table (terminated by key
 * NULL) folds (text_fold) to a text of its own: otherwise a header could
 * name two columns. */
static inline void test_spellings_fold_apart(const table_column *cols)
{
    enum { MAX = 64 * 7 };
    char *folded[MAX];
    size_t n = 0;
    for (size_t k = 0; cols[k].key; k++) {
        assert_true(n + 7 <= MAX);
        folded[n++] = text_fold(cols[k].header);
        for (size_t a = 0; a < 6 && cols[k].aliases[a]; a++)
            folded[n++] = text_fold(cols[k].aliases[a]);
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (strcmp(folded[i], folded[j]) == 0)
                fail_msg("two spellings fold to \"%s\"", folded[i]);
    for (size_t i = 0; i < n; i++)
        free(folded[i]);
}

/* The blanks of a label text, as label_args() spells them, into out: "sd"
 * for "%s ... %d"; %% and any other '%' are text ("Reduktion (%)"). */
static inline void test_label_conversions(const char *text, char *out, size_t size)
{
    size_t o = 0;

    for (const char *c = text; *c; c++) {
        if (c[0] != '%')
            continue;
        if (c[1] == 's' || c[1] == 'd') {
            assert_true(o + 1 < size);
            out[o++] = c[1];
        }
        if (c[1] == 's' || c[1] == 'd' || c[1] == '%')
            c++;
    }
    out[o] = '\0';
}

#endif
