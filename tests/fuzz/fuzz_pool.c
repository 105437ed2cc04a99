/* fuzz_pool.c - libFuzzer harness for the pool-file reader (pool_parse).
 *
 * Feeds the bytes to pool_parse() as a pool file, formats every diagnostic,
 * resolves the paths the pool names, frees everything, and checks what the
 * reader promises for a file it accepts: name, year and applications set,
 * at least one budget line, every amount in 0..MONEY_MAX, reservations and
 * earmarks within the budget, a known rounding unit, UTF-8 labels. A
 * rejected file has at least one error. Any violation aborts. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "money.h"
#include "pool.h"
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

static void check_lines(const pool_line *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        check_text(v[i].label);
        require(v[i].label[0] != '\0');
        require(v[i].amount >= 0 && v[i].amount <= MONEY_MAX);
        require(v[i].line >= 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pool p;
    diag_list dl;
    char buf[2048], *path;
    int rc;

    diag_init(&dl);
    rc = pool_parse((const char *)data, size, "dir/fuzz.ini", &p, &dl);
    for (size_t i = 0; i < dl.n; i++) {
        require(dl.v[i].msg != NULL);
        diag_format(&dl.v[i], buf, sizeof buf);
    }
    if (rc == 0) {
        require(diag_errors(&dl) == 0);
        check_text(p.name);
        check_text(p.applications);
        if (p.applications_sheet)
            check_text(p.applications_sheet);
        check_text(p.residual_label);
        require(p.year >= 1900 && p.year <= 2200);
        require(p.n_budget >= 1);
        check_lines(p.budget, p.n_budget);
        check_lines(p.reservations, p.n_reservations);
        check_lines(p.earmarks, p.n_earmarks);
        require(pool_budget_total(&p) <= MONEY_MAX);
        require(pool_reserved_total(&p) + pool_earmarked_total(&p) <= pool_budget_total(&p));
        require(p.rounding == 1 || p.rounding == 10 || p.rounding == 100 ||
                p.rounding == 1000 || p.rounding == 10000);
        require(p.rule.threshold >= 0 && p.rule.threshold <= MONEY_MAX);
        require(p.cap_bp >= 0 && p.cap_bp <= 10000);
        path = pool_applications_path(&p);
        require(path != NULL);
        free(path);
        path = pool_ledger_path(&p);
        require((path != NULL) == (p.ledger != NULL));
        free(path);
        (void)pool_short_name(&p);
    } else {
        require(rc == -1);
        require(diag_errors(&dl) > 0 || dl.oom);
    }
    pool_free(&p);
    diag_free(&dl);
    return 0;
}
