/* clock.c - Phase times and progress lines on standard error for the
 * command line; the library only marks its phases (phase.h). */
#include "clock.h"

#include <stdio.h>
#include <string.h>

#include "money.h"

/* Progress lines appear once a run has taken this long. */
#define PROGRESS_AFTER 1.0
/* A progress line is rewritten at most this often (seconds). */
#define PROGRESS_EVERY 0.25
/* The time left is estimated once a phase has run this long (seconds). */
#define ESTIMATE_AFTER 0.5


static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* The lines of the phases finished but not shown yet. */
static void show_done(pulje_clock *c)
{
    for (; c->n_shown < c->n_done; c->n_shown++) {
        int id = c->done[c->n_shown];
        fprintf(stderr, "pulje: %-8s ... %.2f s\n", phase_name((phase_id)id), c->sec[id]);
    }
}

/* The current phase (if any) ends now; on a terminal, once the run has taken
 * PROGRESS_AFTER seconds, its line is finished, or written whole together
 * with the lines of earlier phases not shown yet. */
static void clock_stop(pulje_clock *c, const struct timespec *now)
{
    if (c->cur < 0)
        return;
    c->sec[c->cur] += seconds_between(&c->mark, now);
    c->done[c->n_done++] = c->cur;
    c->cur = -1;
    if (c->open_line) {
        int id = c->done[c->n_shown++];
        if (c->live)
            fprintf(stderr, "\rpulje: %-8s ... %.2f s\033[K\n", phase_name((phase_id)id),
                    c->sec[id]);
        else
            fprintf(stderr, " %.2f s\n", c->sec[id]);
        c->open_line = c->live = 0;
    }
    if (!c->progress || seconds_between(&c->start, now) < PROGRESS_AFTER)
        return;
    show_done(c);
}

/* Progress hook: done of total through in the running phase. Once the run
 * has taken PROGRESS_AFTER seconds, at most PROGRESS_EVERY apart, the
 * phase's line is rewritten: percent, done / total, and the time left at
 * the phase's pace so far. */
static void clock_progress(void *ctx, size_t done, size_t total)
{
    pulje_clock *c = ctx;
    struct timespec now;
    double ran, left;
    char d[MONEY_BUFSZ], t[MONEY_BUFSZ];

    if (!c->progress || c->cur < 0 || total == 0 || done > total || (++c->ticks & 63) != 0)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (seconds_between(&c->start, &now) < PROGRESS_AFTER ||
        (c->live && seconds_between(&c->shown, &now) < PROGRESS_EVERY))
        return;
    if (!c->open_line)
        show_done(c); /* the lines of the phases before, not shown yet */
    c->shown = now;
    ran = seconds_between(&c->mark, &now);
    left = done ? ran * (double)(total - done) / (double)done : 0;
    fprintf(stderr, "\rpulje: %-8s ... %3d %% (%s / %s)", phase_name((phase_id)c->cur),
            (int)(100.0 * (double)done / (double)total), money_format_text((pulje_kr)done, d),
            money_format_text((pulje_kr)total, t));
    if (ran >= ESTIMATE_AFTER && done)
        fprintf(stderr, ", about %.0f s left", left + 0.5);
    fputs("\033[K", stderr);
    fflush(stderr);
    c->open_line = c->live = 1;
}

/* Phase hook: the phase running ends, `next` starts. Marks that go back
 * (verify re-runs the rule to cross-check the model) stay in the later phase. */
static void clock_enter(void *ctx, phase_id next)
{
    pulje_clock *c = ctx;
    struct timespec now;

    if ((int)next <= c->cur || c->n_done >= PHASE__COUNT)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    clock_stop(c, &now);
    c->cur = (int)next;
    c->mark = now;
    if (c->progress && seconds_between(&c->start, &now) >= PROGRESS_AFTER) {
        fprintf(stderr, "pulje: %-8s ...", phase_name(next));
        fflush(stderr);
        c->open_line = 1;
    }
}

void pulje_clock_start(pulje_clock *c, int progress)
{
    memset(c, 0, sizeof *c);
    c->cur = -1;
    c->progress = progress;
    clock_gettime(CLOCK_MONOTONIC, &c->start);
    phase_set_hook(clock_enter, c);
    phase_set_progress(clock_progress, c);
}

/* The run is over: close the last phase and its progress line, and with
 * --timings print one line "timings: read=S validate=S ... total=S" (seconds). */
void pulje_clock_finish(pulje_clock *c, int timings)
{
    struct timespec now;

    phase_set_hook(NULL, NULL);
    phase_set_progress(NULL, NULL);
    clock_gettime(CLOCK_MONOTONIC, &now);
    clock_stop(c, &now);
    if (!timings)
        return;
    fprintf(stderr, "timings:");
    for (int id = 0; id < PHASE__COUNT; id++)
        fprintf(stderr, " %s=%.6f", phase_name((phase_id)id), c->sec[id]);
    fprintf(stderr, " total=%.6f\n", seconds_between(&c->start, &now));
}
