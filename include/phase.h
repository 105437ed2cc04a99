/* phase.h - Where a run is: the pipeline's phases, for timing and progress.
 *
 * The library never reads a clock and never prints. It only says, at the
 * few points where a run moves from one phase to the next, which phase
 * starts; whoever installed a hook (the command line) may read a clock
 * there, print progress, or ignore it. Without a hook nothing happens.
 *
 * The phases of `pulje run`, in order:
 *
 *   read      the pool file and the applications file read, parsed and
 *             every row checked (apps_load does all three in one pass)
 *   validate  the checks across files (validate.h: the ledger's
 *             reservations, earmark answers, running holders,
 *             plausibility), the sheet's row limit, the digests, the ledger
 *             that reserves nothing
 *   model     collect the claims and sums the rule needs
 *   solve     the GLPK model (or the closed form) and the exact shares
 *   round     shares to whole-krone grants
 *   verify    every invariant, re-derived from the lines
 *   write     the outputs of run_outputs[] (run.h)
 *
 * Library code marks the starts it knows about: the run (run.c) read,
 * validate, model, verify and write around its stages; alloc_run solve and
 * round. The command line only installs the hook. */
#ifndef PULJE_PHASE_H
#define PULJE_PHASE_H

#include <stddef.h>

typedef enum {
    PHASE_READ = 0,
    PHASE_VALIDATE,
    PHASE_MODEL,
    PHASE_SOLVE,
    PHASE_ROUND,
    PHASE_VERIFY,
    PHASE_WRITE,
    PHASE__COUNT
} phase_id;

/* Called when phase `next` starts (the previous phase, if any, ends). */
typedef void (*phase_hook_fn)(void *ctx, phase_id next);

/**
 * @brief Install the hook called at every phase start (NULL: none).
 *
 * One hook per process, like GLPK's glp_term_hook(): the library is single
 * threaded. This function can't fail.
 *
 * @code
 * static void on_phase(void *ctx, phase_id next) { stamp(ctx, next); }
 * phase_set_hook(on_phase, &times);
 * @endcode
 */
void phase_set_hook(phase_hook_fn fn, void *ctx);

/** @brief Say that phase `next` starts: calls the hook if one is installed. */
void phase_enter(phase_id next);

/* Called in a long phase's loop: done of total units (bytes read, rows
 * written) are through. done never decreases within a phase; done = total
 * at the end of the loop. */
typedef void (*phase_progress_fn)(void *ctx, size_t done, size_t total);

/**
 * @brief Install the progress hook (NULL: none), one per process like the
 * phase hook. The library calls it from the reading of a table's lines
 * (read) and the workbook's overview rows (write); it never prints.
 */
void phase_set_progress(phase_progress_fn fn, void *ctx);

/** @brief Say how far the running phase is: calls the progress hook if any. */
void phase_progress(size_t done, size_t total);

/** @brief The phase's short English name ("read", "validate", ...). */
const char *phase_name(phase_id id);

#endif
