/* inputs.h - Everything a run reads, loaded and checked in one call.
 *
 * The pool file, then its ledger (whose commitments become this year's
 * reservation lines), then the applications with the pool's earmark
 * columns; then the checks that need more than one file: supplements asked
 * without the required criteria, and applicants holding a running
 * multi-year grant. Every problem goes to the diagnostics list. */
#ifndef PULJE_INPUTS_H
#define PULJE_INPUTS_H

#include "apps.h"
#include "diag.h"
#include "ledger.h"
#include "pool.h"

typedef struct pulje_inputs {
    pool pool;          /* pool.commitments points at ledger below when there is one */
    ledger ledger;
    app_list apps;
    char *apps_path;    /* resolved against the pool file's folder */
    char *ledger_path;  /* NULL when the pool keeps no ledger */
} pulje_inputs;

typedef enum { INPUTS_OK = 0, INPUTS_BAD = -1, INPUTS_NOMEM = -2 } inputs_status;

/**
 * @brief Load and check the inputs of a pool file.
 *
 * The struct must stay where it is while in use (the pool points into it).
 * @return INPUTS_OK; INPUTS_BAD if a problem was found (see dl); INPUTS_NOMEM.
 *         Always free with inputs_free().
 */
inputs_status inputs_load(const char *pool_path, pulje_inputs *in, diag_list *dl);

/** @brief Free everything; the struct is zeroed. Safe on a zeroed struct. */
void inputs_free(pulje_inputs *in);

#endif
