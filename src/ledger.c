/* ledger.c - The commitments ledger: money bound in future years' pools. */
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *const kind_names[] = {
    [LEDGER_MULTI_YEAR] = "flerårigt tilskud",
    [LEDGER_AGREEMENT] = "driftsaftale",
};

const char *ledger_kind_name(ledger_kind kind)
{
    return kind == LEDGER_AGREEMENT ? kind_names[LEDGER_AGREEMENT]
                                    : kind_names[LEDGER_MULTI_YEAR];
}

static void row_free(ledger_row *r)
{
    free(r->id);
    free(r->nr);
    free(r->association);
    free(r->cvr);
}

void ledger_free(ledger *l)
{
    for (size_t i = 0; i < l->n; i++)
        row_free(&l->v[i]);
    free(l->v);
    free(l->file);
    memset(l, 0, sizeof *l);
}

pulje_kr ledger_sum(const ledger *l, int year, ledger_kind kind)
{
    pulje_kr s = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].year == year && l->v[i].kind == kind)
            s += l->v[i].amount;
    return s;
}

/* Copy s, or "" for NULL; NULL only on out of memory. */
static char *copy(const char *s)
{
    return text_strndup(s ? s : "", s ? strlen(s) : 0);
}

int ledger_append(ledger *l, const ledger_row *row)
{
    ledger_row r = *row;
    ledger_row *v;

    r.id = copy(row->id);
    r.nr = copy(row->nr);
    r.association = copy(row->association);
    r.cvr = copy(row->cvr);
    v = realloc(l->v, (l->n + 1) * sizeof *v);
    if (!r.id || !r.nr || !r.association || !r.cvr || !v) {
        row_free(&r);
        if (v)
            l->v = v;
        return -1;
    }
    l->v = v;
    l->v[l->n++] = r;
    return 0;
}
