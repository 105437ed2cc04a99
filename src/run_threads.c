/* run_threads.c - Writing a run's outputs on two threads: the workbooks on
 * the calling thread, the other outputs beside them, the same files and the
 * same first failure as on one (run_threads.h). */
#include "run_threads.h"

/* The web build (Emscripten without its threads) writes on one thread. */
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__) && !defined(PULJE_NO_THREADS)
#define PULJE_NO_THREADS
#endif

#ifndef PULJE_NO_THREADS
#include <pthread.h>
#include <stdatomic.h>
#endif
#include <stdlib.h>
#include <string.h>

/* Whether this run may use a second thread (to write, and for compare's
 * sweep): run_options.threads, else PULJE_THREADS (1 or 2), else two. */
bool run_two_threads(const pulje_run *r)
{
#ifdef PULJE_NO_THREADS
    (void)r;
    return false;
#else
    const char *env;
    if (r->opt.threads)
        return r->opt.threads > 1;
    env = getenv("PULJE_THREADS");
    return !(env && strcmp(env, "1") == 0);
#endif
}

/* Whether output k is written on the calling thread: the workbooks
 * (libxlsxwriter, which also drives the progress line). The others (the
 * CSVs, the JSON, the letters' PDF) go to the second thread. */
static bool on_calling_thread(int k)
{
    const char *s = run_outputs[k].suffix;
    size_t n = strlen(s);
    return n >= 5 && strcmp(s + n - 5, ".xlsx") == 0;
}

/* What one thread writes: the wanted outputs k < limit of its side (both
 * sides when alone), each into path[k], its return in rc[k] and its message
 * in err[k] (each output its own buffer). Nothing else is shared: the
 * writers read the run and write only their own files. */
typedef struct write_job {
    const pulje_run *r;
    const bool *want;
    int limit;
    int side;          /* 1 = the calling thread's outputs, 0 = the others, -1 = all */
    char (*path)[4608];
    char (*err)[512];
    int *rc;           /* per output: 0 written (or not this job's), -1 failed */
#ifndef PULJE_NO_THREADS
    atomic_int *first; /* the lowest output that failed so far (limit: none) */
#endif
} write_job;

/* Write job j's outputs in run_outputs[] order, stopping at the first that
 * fails, or before any output above one that failed on the other thread
 * (its message could never be the one given). */
static void write_job_run(write_job *j)
{
    for (int k = 0; k < j->limit; k++) {
        if (!j->want[k] || (j->side >= 0 && on_calling_thread(k) != (j->side == 1)))
            continue;
#ifndef PULJE_NO_THREADS
        if (atomic_load(j->first) < k)
            return;
#endif
        j->rc[k] = run_outputs[k].write(j->r, j->path[k], j->err[k], sizeof j->err[k]) != 0
                       ? -1
                       : 0;
        if (j->rc[k] != 0) {
#ifndef PULJE_NO_THREADS
            int was = atomic_load(j->first);
            while (k < was && !atomic_compare_exchange_weak(j->first, &was, k))
                ;
#endif
            return;
        }
    }
}

#ifndef PULJE_NO_THREADS
static void *write_job_thread(void *arg)
{
    write_job_run(arg);
    return NULL;
}
#endif


/* Write the wanted outputs k < limit into path[k]: on one thread in order,
 * or the workbooks here while a second thread writes the others. Returns
 * the first output in run_outputs[] order that failed (its message in
 * err[k]), or limit when all were written: the same answer either way. */
int run_write_outputs(const pulje_run *r, const bool want[RUN_N_OUTPUTS], int limit,
                         char (*path)[4608], char (*err)[512])
{
    int rc[RUN_N_OUTPUTS] = {0};
    write_job main_job = {r, want, limit, -1, path, err, rc
#ifndef PULJE_NO_THREADS
                          , NULL
#endif
    };

#ifndef PULJE_NO_THREADS
    atomic_int first;
    atomic_init(&first, limit);
    main_job.first = &first;
    if (run_two_threads(r)) {
        write_job side_job = main_job;
        pthread_t t;
        bool any_side = false;
        for (int k = 0; k < limit; k++)
            any_side |= want[k] && !on_calling_thread(k);
        side_job.side = 0;
        main_job.side = 1;
        /* no second thread to be had: the other outputs after the workbooks */
        if (!any_side || pthread_create(&t, NULL, write_job_thread, &side_job) != 0) {
            write_job_run(&main_job);
            write_job_run(&side_job);
        } else {
            write_job_run(&main_job);
            pthread_join(t, NULL);
        }
    } else
#endif
        write_job_run(&main_job);
    for (int k = 0; k < limit; k++)
        if (want[k] && rc[k] != 0)
            return k;
    return limit;
}

