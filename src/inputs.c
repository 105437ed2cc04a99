/* inputs.c - Everything a run reads, loaded and checked in one call. */
#include "inputs.h"

#include <stdlib.h>
#include <string.h>

#include "earmark.h"
#include "multiyear.h"

void inputs_free(pulje_inputs *in)
{
    apps_free(&in->apps);
    ledger_free(&in->ledger);
    pool_free(&in->pool);
    free(in->apps_path);
    free(in->ledger_path);
    memset(in, 0, sizeof *in);
}

inputs_status inputs_load(const char *pool_path, pulje_inputs *in, diag_list *dl)
{
    memset(in, 0, sizeof *in);
    if (pool_load(pool_path, &in->pool, dl) != 0 || !in->pool.applications)
        return dl->oom ? INPUTS_NOMEM : INPUTS_BAD;
    if (in->pool.ledger) {
        in->ledger_path = pool_ledger_path(&in->pool);
        if (!in->ledger_path)
            return INPUTS_NOMEM;
        if (ledger_load(in->ledger_path, &in->ledger, dl) != 0)
            return dl->oom ? INPUTS_NOMEM : INPUTS_BAD;
        if (multiyear_reserve(&in->pool, &in->ledger, dl) != 0)
            return INPUTS_NOMEM;
        in->pool.commitments = &in->ledger;
    }
    in->apps_path = pool_applications_path(&in->pool);
    if (!in->apps_path)
        return INPUTS_NOMEM;
    if (apps_load_pool(in->apps_path, &in->pool, &in->apps, dl) != 0)
        return dl->oom ? INPUTS_NOMEM : INPUTS_BAD;
    if (earmark_validate(&in->pool, &in->apps, dl) > 0)
        return INPUTS_BAD;
    /* With running_holders = set_aside the allocation warns and sets them aside. */
    if (!in->pool.holders_set_aside &&
        multiyear_holders(&in->pool, in->pool.commitments, &in->apps, NULL, dl) > 0)
        return INPUTS_BAD;
    return INPUTS_OK;
}
