/* fuzz_followup.c - libFuzzer harness for the follow-up ledger reader
 * (followup_load).
 *
 * The reader takes a path, so the bytes go to a file of this process's own
 * first. Formats every diagnostic and checks what followup.h promises for a
 * ledger it accepts: UTF-8 text, dates "" or YYYY-MM-DD, amounts and
 * repayments in 0..MONEY_MAX, a known duty, a line of the file. A refused
 * file has at least one error. Any violation aborts. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "followup.h"
#include "money.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort, naming the promise broken, unless cond holds. */
#define require(cond) ((cond) ? (void)0 : broken(#cond, __LINE__))

static void broken(const char *what, int line)
{
    fprintf(stderr, "fuzz_followup.c:%d: broken: %s\n", line, what);
    abort();
}

static void check_text(const char *s)
{
    require(s != NULL);
    require(text_is_utf8(s, strlen(s)));
}

static void check_date(const char *s)
{
    check_text(s);
    if (s[0] == '\0')
        return;
    require(strlen(s) == 10 && s[4] == '-' && s[7] == '-');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    followup f;
    diag_list dl;
    char buf[2048];
    FILE *fp;
    int rc;

    if (!path[0])
        snprintf(path, sizeof path, "/tmp/fuzz-followup-%ld.csv", (long)getpid());
    fp = fopen(path, "wb");
    require(fp != NULL);
    require(fwrite(data, 1, size, fp) == size);
    require(fclose(fp) == 0);
    diag_init(&dl);
    memset(&f, 0, sizeof f);
    rc = followup_load(path, &f, &dl);
    for (size_t i = 0; i < dl.n; i++) {
        require(dl.v[i].msg != NULL);
        diag_format(&dl.v[i], buf, sizeof buf);
    }
    if (rc == 0) {
        require(diag_errors(&dl) == 0);
        for (size_t i = 0; i < f.n; i++) {
            const followup_row *w = &f.v[i];
            check_text(w->nr);
            check_text(w->cvr);
            check_text(w->association);
            check_date(w->due);
            check_date(w->received);
            require(w->amount >= 0 && w->amount <= MONEY_MAX);
            require(w->repaid >= 0 && w->repaid <= MONEY_MAX);
            require(w->duty >= 0 && w->duty <= 2);
            require(w->line >= 1);
        }
        (void)followup_repaid(&f);
        (void)followup_received(&f);
    } else {
        require(rc == -1);
        require(diag_errors(&dl) > 0 || dl.oom);
    }
    followup_free(&f);
    diag_free(&dl);
    return 0;
}
