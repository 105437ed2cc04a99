/* validate.c - The checks across files, between the readers and the engine. */
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earmark.h"
#include "members.h"
#include "multiyear.h"
#include "plausible.h"
#include "reasons.h"
#include "text.h"
#include "messages.h"

/* Append one reservation line to p (label copied). Returns 0 or -1. */
static int add_reservation(pool *p, const char *label, pulje_kr amount)
{
    pool_line *v = realloc(p->reservations, (p->n_reservations + 1) * sizeof *v);
    char *copy = text_strndup(label, strlen(label));
    if (!v || !copy) {
        if (v)
            p->reservations = v;
        free(copy);
        return -1;
    }
    p->reservations = v;
    v[p->n_reservations].label = copy;
    v[p->n_reservations].amount = amount;
    v[p->n_reservations].line = 0;
    p->n_reservations++;
    return 0;
}

int validate_ledger_reservations(pool *p, const ledger *l, diag_list *dl)
{
    my_reserved *v;
    size_t n, before = p->n_reservations;
    char buf[512];

    if (multiyear_reservations(p, l, &v, &n) != 0)
        goto oom;
    for (size_t k = 0; k < n; k++) {
        reason_reserve_text(p, &v[k], buf, sizeof buf);
        if (add_reservation(p, buf, v[k].amount) != 0) {
            free(v);
            goto oom;
        }
    }
    free(v);
    return 0;

oom:
    while (p->n_reservations > before)
        free(p->reservations[--p->n_reservations].label);
    diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
    return -1;
}

/* The ledger's reservation lines are added to the pool after its own totals
 * were checked: they too must fit in the budget. The error stands at the
 * pool file's `ledger =` line. Returns 0, or -1 after an error. */
static int check_ledger_budget(const pulje_inputs *in, diag_list *dl)
{
    const pool *p = &in->pool;
    pulje_kr budget = pool_budget_total(p), reserved = pool_reserved_total(p),
             earmarked = pool_earmarked_total(p), from_ledger = 0;
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ], c[MONEY_BUFSZ], hint[512];

    if (reserved + earmarked <= budget)
        return 0;
    for (size_t i = 0; i < p->n_reservations; i++)
        if (p->reservations[i].line == 0)
            from_ledger += p->reservations[i].amount;
    snprintf(hint, sizeof hint,
             msg_tr("the ledger %s reserves DKK %s for %d; check its Udbetalingsår and Beløb "
             "columns, or raise the money in [budget] (line %u)"),
             in->ledger_path, money_format_text(from_ledger, a), p->year, p->budget_line);
    diag_add(dl, DIAG_ERROR, p->file, p->ledger_line, 0, hint,
             "reservations (DKK %s, of which DKK %s from the ledger) and earmarks exceed the "
             "budget total (DKK %s)",
             money_format_text(reserved, b), money_format_text(from_ledger, a),
             money_format_text(budget, c));
    return -1;
}

pulje_status validate_inputs(pulje_inputs *in, diag_list *dl)
{
    size_t bad;

    if (in->pool.commitments) {
        if (validate_ledger_reservations(&in->pool, in->pool.commitments, dl) != 0)
            return PULJE_FAULT;
        if (check_ledger_budget(in, dl) != 0)
            return PULJE_INPUT;
    }
    if (earmark_validate(&in->pool, &in->apps, dl) > 0)
        return PULJE_INPUT;
    /* who holds a running multi-year grant, found once for every allocation
     * to come (out of memory: each finds it again) */
    (void)multiyear_match_holders(&in->pool, in->pool.commitments, &in->apps);
    /* With running_holders = set_aside the allocation warns and sets them aside. */
    if (!in->pool.holders_set_aside &&
        multiyear_holders(&in->pool, in->pool.commitments, &in->apps, NULL, dl) > 0)
        return PULJE_INPUT;
    /* a date the officer did not write is shown, never silently used */
    if (in->pool.decision_date_default)
        diag_add(dl, DIAG_WARNING, in->pool.file, 0, 0,
                 "write the committee's decision date in [pool] as decision_date = YYYY-MM-DD",
                 "[pool] has no decision_date; the workbook and the 360Giving award date "
                 "use %s", in->pool.decision_date);
    bad = plausible_check(&in->pool, &in->apps, dl);
    if (bad == (size_t)-1)
        return PULJE_FAULT;
    if (bad > 0)
        return PULJE_INPUT;
    /* conflicts of interest: a warning per member (members.h) */
    switch (members_check(&in->pool, &in->apps, dl)) {
    case 0: return PULJE_OK;
    case -1: return PULJE_INPUT;
    default: return PULJE_FAULT;
    }
}
