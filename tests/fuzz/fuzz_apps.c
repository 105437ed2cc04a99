/* fuzz_apps.c - libFuzzer harness for the applications CSV reader (apps_parse).
 *
 * Feeds the bytes to apps_parse() as a file, formats every diagnostic, frees
 * everything, and checks what the reader promises: a file accepted without
 * errors has rows whose text is UTF-8 and whose amounts obey
 * 0 <= assessed <= applied <= MONEY_MAX; a rejected file has at least one
 * error. Any violation aborts, which libFuzzer reports as a finding. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apps.h"
#include "diag.h"
#include "money.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int cond)
{
    if (!cond)
        abort();
}

static void check_text(const char *s)
{
    require(s != NULL);
    require(text_is_utf8(s, strlen(s)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    app_list l;
    diag_list dl;
    char buf[2048];
    int rc;

    diag_init(&dl);
    rc = apps_parse((const char *)data, size, "fuzz.csv", &l, &dl);
    for (size_t i = 0; i < dl.n; i++) {
        require(dl.v[i].msg != NULL);
        diag_format(&dl.v[i], buf, sizeof buf);
    }
    if (rc == 0) {
        require(diag_errors(&dl) == 0);
        require(l.n > 0);
        for (size_t i = 0; i < l.n; i++) {
            const app *a = &l.v[i];
            check_text(a->nr);
            check_text(a->cvr);
            check_text(a->association);
            check_text(a->activity);
            check_text(a->refusal);
            require(a->applied >= 0 && a->applied <= MONEY_MAX);
            require(a->assessed >= 0 && a->assessed <= a->applied);
            require(a->years >= 1 && a->years <= 3);
            require(a->line >= 1);
        }
    } else {
        require(rc == -1);
        require(diag_errors(&dl) > 0 || dl.oom);
    }
    apps_free(&l);
    diag_free(&dl);
    return 0;
}
