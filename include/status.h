/* status.h - How a stage of the run ends: one status, one exit code each.
 *
 * The library's one error convention: a problem in the inputs is a
 * diagnostic in a diag_list (diag.h: file, line, column, message, hint),
 * as many as are found; a stage ends with one pulje_status, whose value is
 * the command line's exit code, the same for every command (README, "Exit
 * codes"). A fault (memory, the solver, a failed check of the result, a
 * file that cannot be written) is the status, with one sentence saying
 * what happened (run.h: pulje_run.msg) or, for memory and the solver, a
 * diagnostic too. */
#ifndef PULJE_STATUS_H
#define PULJE_STATUS_H

typedef enum {
    PULJE_OK = 0,
    PULJE_INPUT = 2,   /* bad input or usage: see the diagnostics; nothing was written */
    PULJE_VERIFY = 3,  /* an invariant failed: a fault in pulje; nothing was written */
    PULJE_OUTPUT = 4,  /* an output could not be written (earlier outputs left intact) */
    PULJE_FAULT = 5    /* the solver failed or memory ran out; nothing was written */
} pulje_status;

#endif
