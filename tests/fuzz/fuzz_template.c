/* fuzz_template.c - libFuzzer harness for the letter template reader
 * (letters_template_parse).
 *
 * Feeds the bytes to letters_template_parse() as a template, formats every
 * diagnostic, and checks what letters.h promises: an accepted template has
 * no error and, when the input is UTF-8 (letters_template_load checks that
 * first), every section as UTF-8 text; a refused one has at least one error at a line of
 * the input, and an empty template. Any violation aborts. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "letters.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort, naming the promise broken, unless cond holds. */
#define require(cond) ((cond) ? (void)0 : broken(#cond, __LINE__))

static void broken(const char *what, int line)
{
    fprintf(stderr, "fuzz_template.c:%d: broken: %s\n", line, what);
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    letter_template t;
    diag_list dl;
    char buf[2048];
    size_t lines = 1;
    int rc;

    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    diag_init(&dl);
    memset(&t, 0, sizeof t);
    rc = letters_template_parse((const char *)data, size, "fuzz-brev.txt", &t, &dl);
    for (size_t i = 0; i < dl.n; i++) {
        require(dl.v[i].msg != NULL);
        require(dl.v[i].line <= lines);
        diag_format(&dl.v[i], buf, sizeof buf);
    }
    if (rc == 0) {
        require(diag_errors(&dl) == 0);
        /* the caller checks the text is UTF-8 first (letters_template_load) */
        for (int s = 0; s < LT__COUNT && text_is_utf8((const char *)data, size); s++)
            require(t.sec[s] == NULL || text_is_utf8(t.sec[s], strlen(t.sec[s])));
    } else if (rc == -1) {
        require(diag_errors(&dl) > 0 || dl.oom);
        for (int s = 0; s < LT__COUNT; s++)
            require(t.sec[s] == NULL);
    } else {
        require(rc == -2);
    }
    letters_template_free(&t);
    diag_free(&dl);
    return 0;
}
