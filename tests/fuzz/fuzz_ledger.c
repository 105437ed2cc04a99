/* fuzz_ledger.c - libFuzzer harness for the commitments ledger reader (ledger_parse).
 *
 * Feeds the bytes to ledger_parse() as a ledger, formats every diagnostic,
 * frees everything, and checks what ledger.h promises for a ledger it
 * accepts: years in 1900..2200, paid no earlier than decided and at most 10
 * years after, amounts in 0..MONEY_MAX, a known kind, UTF-8 text, unique
 * ids; and sums every year. A rejected file has at least one error. Any
 * violation aborts.
 *
 * `make fuzz` builds this harness only once src/ledger.c defines
 * ledger_parse (the reader is written on another branch). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ledger.h"
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
    ledger l;
    diag_list dl;
    char buf[2048];
    int rc;

    diag_init(&dl);
    rc = ledger_parse((const char *)data, size, "fuzz-ledger.csv", &l, &dl);
    for (size_t i = 0; i < dl.n; i++) {
        require(dl.v[i].msg != NULL);
        diag_format(&dl.v[i], buf, sizeof buf);
    }
    if (rc == 0) {
        require(diag_errors(&dl) == 0);
        for (size_t i = 0; i < l.n; i++) {
            const ledger_row *r = &l.v[i];
            check_text(r->id);
            check_text(r->nr);
            check_text(r->association);
            check_text(r->cvr);
            require(r->decided >= 1900 && r->decided <= 2200);
            require(r->year >= r->decided && r->year <= r->decided + 10);
            require(r->amount >= 0 && r->amount <= MONEY_MAX);
            require(r->kind == LEDGER_MULTI_YEAR || r->kind == LEDGER_AGREEMENT);
            /* ids are unique (quadratic, but fuzz inputs are small) */
            for (size_t j = 0; j < i && j < 256; j++)
                require(strcmp(l.v[j].id, r->id) != 0);
            (void)ledger_sum(&l, r->year, r->kind);
        }
    } else {
        require(rc == -1);
        require(diag_errors(&dl) > 0 || dl.oom);
    }
    ledger_free(&l);
    diag_free(&dl);
    return 0;
}
