/* validate.h - The checks across files, between the readers and the engine.
 *
 * The readers (inputs.h) check each file on its own; this step checks what
 * needs more than one of them, and derives what one file gives another:
 *
 *   - the ledger's commitments for the grant year become reservation lines
 *     of the pool (multiyear_reservations(), in words by reasons.h), and
 *     they too must fit in the budget;
 *   - supplements asked without the earmark's required criteria
 *     (earmark_validate());
 *   - applicants holding a running multi-year grant, unless the pool sets
 *     them aside (multiyear_holders());
 *   - the plausibility of the amounts (plausible.h);
 *   - conflicts of interest: the pool's members file read and matched
 *     against the applications, a warning per member (members.h).
 *
 * Called by the run (run.h) after the readers and before the engine; never
 * by a reader. Every problem goes to the diagnostics list. */
#ifndef PULJE_VALIDATE_H
#define PULJE_VALIDATE_H

#include "diag.h"
#include "inputs.h"
#include "status.h"

/**
 * @brief Append the ledger's reservation lines for the grant year to
 * in->pool (labels in the current language, line 0). Nothing without a
 * ledger.
 * @return 0, or -1 on out of memory (a diagnostic is added; the pool unaltered).
 */
int validate_ledger_reservations(pool *p, const ledger *l, diag_list *dl);

/**
 * @brief Every check across the files read into in, in this order: the
 * ledger's reservations (added to the pool) within the budget, the earmark
 * answers, running holders, plausibility, the members' conflicts of interest.
 * Stops at the first that fails.
 * @return PULJE_OK; PULJE_INPUT (see dl); PULJE_FAULT on out of memory.
 */
pulje_status validate_inputs(pulje_inputs *in, diag_list *dl);

#endif
