/* clock.h - Phase times and progress lines for the command line.
 *
 * The library marks where each phase of a run begins (phase.h); the clock
 * hooks those marks, times each phase, and on a terminal, once a run has
 * taken a second, prints a line per phase as it ends, and while a long phase
 * runs (phase_progress()) rewrites that line a few times a second with how
 * far it is and an estimate of the time left. With --timings it
 * prints one line of all the phase times at the end. */
#ifndef PULJE_CLOCK_H
#define PULJE_CLOCK_H

#include <stddef.h>
#include <time.h>

#include "phase.h"

typedef struct pulje_clock {
    struct timespec start, mark; /* the run's start; the current phase's start */
    int cur;                     /* the phase running, -1 before the first */
    double sec[PHASE__COUNT];    /* seconds spent in each phase */
    int done[PHASE__COUNT];      /* phases finished, in order */
    size_t n_done, n_shown;      /* how many finished; how many shown as progress */
    int progress;                /* standard error is a terminal and not --quiet */
    int open_line;               /* "pulje: write ..." printed, its time not yet */
    int live;                    /* the open line is a progress line (rewritten with \r) */
    unsigned ticks;              /* progress calls, to look at the clock only now and then */
    struct timespec shown;       /* when the progress line was last written */
} pulje_clock;

/** @brief Start timing and hook the phase marks. progress: print progress
 * lines on standard error (a terminal, not --quiet). */
void pulje_clock_start(pulje_clock *c, int progress);

/** @brief Close the last phase and unhook; with timings print the line
 * "timings: read=S validate=S ... total=S" (seconds) on standard error. */
void pulje_clock_finish(pulje_clock *c, int timings);

#endif
