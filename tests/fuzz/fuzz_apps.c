/* fuzz_apps.c - libFuzzer harness for the applications CSV reader (apps_parse).
 *
 * Feeds the bytes to apps_parse() as a file, formats every diagnostic, frees
 * everything, and checks what the reader promises: a file accepted without
 * errors has rows whose text is UTF-8 without control characters (other than
 * tab and line breaks) and whose amounts obey 0 <= assessed <= applied <=
 * MONEY_MAX; a UTF-8 file (text_decode()) with a byte that is not UTF-8 is
 * never accepted; a rejected file has at least one error. The first line of
 * the bytes is also read as an amount by money_parse(): an amount accepted
 * prints and reads back as itself, with and without "kr." and ",-", and
 * money_explain() words every refusal within its buffer. Any violation
 * aborts, which libFuzzer reports as a finding. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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
    size_t at, n;
    require(s != NULL);
    n = strlen(s);
    require(text_is_utf8(s, n));
    require(text_control_at(s, n, &at) == SIZE_MAX);
    for (size_t i = 0; i < n; i++)
        require(text_invalid_byte(s + i, n - i) < 0);
}

/* The amount grammar on the bytes up to the first line break. */
static void check_amount(const char *s, size_t n)
{
    char m[MONEY_BUFSZ], again[MONEY_BUFSZ + 16], why[96];
    pulje_kr v = -1, w = -1;
    money_status st;

    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || s[i] == '\r') {
            n = i;
            break;
        }
    if (n > 64)
        n = 64;
    st = money_parse(s, n, &v);
    if (st == MONEY_OK) {
        require(v >= 0 && v <= MONEY_MAX);
        money_format(v, m);
        require(money_parse(m, strlen(m), &w) == MONEY_OK && w == v);
        snprintf(again, sizeof again, "kr. %s,-", m);
        require(money_parse(again, strlen(again), &w) == MONEY_OK && w == v);
        snprintf(again, sizeof again, "%s,00 kr.", m);
        require(money_parse(again, strlen(again), &w) == MONEY_OK && w == v);
    } else if (st == MONEY_NEGATIVE) {
        require(v < 0 && v >= -MONEY_MAX);
    } else {
        why[sizeof why - 1] = 'x';
        money_explain(s, n, st, why, sizeof why - 1);
        require(why[sizeof why - 1] == 'x');
        require(memchr(why, '\0', sizeof why - 1) != NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    app_list l;
    diag_list dl;
    char buf[2048];
    int rc;

    text_info info;
    char *utf8 = NULL;
    size_t utf8_len = 0;

    check_amount((const char *)data, size);
    diag_init(&dl);
    rc = apps_parse((const char *)data, size, "fuzz.csv", &l, &dl);
    if (text_decode((const char *)data, size, &utf8, &utf8_len, &info) == 0) {
        if (info.invalid > 0)
            require(rc == -1);
        free(utf8);
    }
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
