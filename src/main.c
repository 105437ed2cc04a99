/* main.c - The pulje command line: a thin layer over the library.
 *
 * Reads the pool file and the applications it names, computes the grants,
 * verifies every invariant, and only then writes the workbook and the
 * decisions CSV. All problems are printed with file, line and column. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "apps.h"
#include "diag.h"
#include "labels.h"
#include "money.h"
#include "phase.h"
#include "pool.h"
#include "report.h"
#include "verify.h"

#define PULJE_VERSION "0.1.0"
#define DEFAULT_POOL "inputs/pulje-2023.ini"
#define DEFAULT_OUT "outputs"

/* Exit codes, as documented in --help and the README. */
enum {
    EXIT_OK = 0,
    EXIT_INPUT = 2,   /* bad input or usage: nothing was written */
    EXIT_VERIFY = 3,  /* an invariant failed: a fault in pulje, nothing was written */
    EXIT_WRITE = 4,   /* an output could not be written */
    EXIT_FAULT = 5    /* the solver failed or memory ran out */
};

typedef struct options {
    const char *command;
    const char *pool;
    const char *out;
    int quiet;
    int closed_form;
    int timings;      /* --timings or PULJE_TIMINGS=1: one line of phase times */
} options;

static void usage(FILE *f)
{
    fprintf(f,
        "Usage: pulje [COMMAND] [POOL-FILE] [OPTIONS]\n"
        "\n"
        "Shares a grant pool among assessed applications by the pool's rule,\n"
        "proves every krone is accounted for, and writes the committee's workbook.\n"
        "\n"
        "Commands:\n"
        "  run      compute the grants, verify them, write the workbook and the\n"
        "           decisions CSV (the default)\n"
        "  check    read and validate the inputs only; write nothing\n"
        "\n"
        "POOL-FILE defaults to " DEFAULT_POOL ".\n"
        "\n"
        "Options:\n"
        "  -o, --out DIR      where to write the outputs (default: " DEFAULT_OUT ")\n"
        "  -q, --quiet        print only problems\n"
        "      --closed-form  compute without the GLPK model (same grants; for checks)\n"
        "      --timings      print the time of each phase as one line on standard\n"
        "                     error (also PULJE_TIMINGS=1); for benchmarks\n"
        "  -h, --help         show this help\n"
        "  -V, --version      show the version\n"
        "\n"
        "Exit codes:\n"
        "  0  done\n"
        "  2  bad input or usage (each problem is printed with file, line, column);\n"
        "     nothing was written\n"
        "  3  a check of the result failed: a fault in pulje; nothing was written\n"
        "  4  an output file could not be written (any earlier file is left intact)\n"
        "  5  the solver failed or memory ran out; nothing was written\n");
}

/* Parse argv into o. Returns 0, or an exit code to stop with. */
static int parse_args(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        {"out", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"closed-form", no_argument, NULL, 'c'},
        {"timings", no_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c, first = 1;

    memset(o, 0, sizeof *o);
    o->command = "run";
    o->pool = DEFAULT_POOL;
    o->out = DEFAULT_OUT;
    o->timings = getenv("PULJE_TIMINGS") && strcmp(getenv("PULJE_TIMINGS"), "1") == 0;
    if (argc > 1 && argv[1][0] != '-') {
        o->command = argv[1];
        first = 2;
    }
    if (strcmp(o->command, "run") != 0 && strcmp(o->command, "check") != 0) {
        /* "pulje some.ini": a pool file where the command would be */
        if (strchr(o->command, '.') || strchr(o->command, '/')) {
            o->pool = o->command;
            o->command = "run";
        } else {
            fprintf(stderr, "pulje: unknown command '%s'\n  hint: the commands are run and check; see pulje --help\n",
                    o->command);
            return EXIT_INPUT;
        }
    }
    optind = first;
    while ((c = getopt_long(argc, argv, "o:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->out = optarg; break;
        case 'q': o->quiet = 1; break;
        case 'c': o->closed_form = 1; break;
        case 't': o->timings = 1; break;
        case 'h': usage(stdout); return -1;
        case 'V': printf("pulje " PULJE_VERSION "\n"); return -1;
        default:
            fprintf(stderr, "  hint: see pulje --help\n");
            return EXIT_INPUT;
        }
    }
    if (optind < argc)
        o->pool = argv[optind++];
    if (optind < argc) {
        fprintf(stderr, "pulje: unexpected argument '%s'\n  hint: give one pool file; see pulje --help\n",
                argv[optind]);
        return EXIT_INPUT;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Phase times and progress: the clock lives here, not in the library.        */

/* Progress lines appear once a run has taken this long. */
#define PROGRESS_AFTER 1.0

typedef struct run_clock {
    struct timespec start, mark; /* the run's start; the current phase's start */
    int cur;                     /* the phase running, -1 before the first */
    double sec[PHASE__COUNT];    /* seconds spent in each phase */
    int done[PHASE__COUNT];      /* phases finished, in order */
    size_t n_done, n_shown;      /* how many finished; how many shown as progress */
    int progress;                /* standard error is a terminal and not --quiet */
    int open_line;               /* "pulje: write ..." printed, its time not yet */
} run_clock;

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* The current phase (if any) ends now; on a terminal, once the run has taken
 * PROGRESS_AFTER seconds, its line is finished, or written whole together
 * with the lines of earlier phases not shown yet. */
static void clock_stop(run_clock *c, const struct timespec *now)
{
    if (c->cur < 0)
        return;
    c->sec[c->cur] += seconds_between(&c->mark, now);
    c->done[c->n_done++] = c->cur;
    c->cur = -1;
    if (c->open_line) {
        fprintf(stderr, " %.2f s\n", c->sec[c->done[c->n_shown++]]);
        c->open_line = 0;
    }
    if (!c->progress || seconds_between(&c->start, now) < PROGRESS_AFTER)
        return;
    for (; c->n_shown < c->n_done; c->n_shown++) {
        int id = c->done[c->n_shown];
        fprintf(stderr, "pulje: %-8s ... %.2f s\n", phase_name((phase_id)id), c->sec[id]);
    }
}

/* Phase hook: the phase running ends, `next` starts. Marks that go back
 * (verify re-runs the rule to cross-check the model) stay in the later phase. */
static void clock_enter(void *ctx, phase_id next)
{
    run_clock *c = ctx;
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

static void clock_start(run_clock *c, int progress)
{
    memset(c, 0, sizeof *c);
    c->cur = -1;
    c->progress = progress;
    clock_gettime(CLOCK_MONOTONIC, &c->start);
    phase_set_hook(clock_enter, c);
}

/* The run is over: close the last phase and its progress line, and with
 * --timings print one line "timings: read=S validate=S ... total=S" (seconds). */
static void clock_finish(run_clock *c, int timings)
{
    struct timespec now;

    phase_set_hook(NULL, NULL);
    clock_gettime(CLOCK_MONOTONIC, &now);
    clock_stop(c, &now);
    if (!timings)
        return;
    fprintf(stderr, "timings:");
    for (int id = 0; id < PHASE__COUNT; id++)
        fprintf(stderr, " %s=%.6f", phase_name((phase_id)id), c->sec[id]);
    fprintf(stderr, " total=%.6f\n", seconds_between(&c->start, &now));
}

/* Print every diagnostic, sorted, to stderr. */
static void print_diags(diag_list *dl)
{
    char buf[2048];
    diag_sort(dl);
    for (size_t i = 0; i < dl->n; i++)
        fprintf(stderr, "%s\n", diag_format(&dl->v[i], buf, sizeof buf));
    if (dl->oom)
        fprintf(stderr, "error: more problems were found than could be stored (out of memory)\n");
}

/* Number of characters (UTF-8 code points) in s. */
static size_t utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* One summary line: a label padded to a column, then the value. */
static void line_out(const char *lab, const char *value)
{
    size_t w = utf8_width(lab);
    printf("  %s", lab);
    for (size_t i = w; i < 34; i++)
        putchar(' ');
    printf("%16s\n", value);
}

static void line_kr(label_id id, pulje_kr v)
{
    char m[MONEY_BUFSZ], s[MONEY_BUFSZ + 8];
    snprintf(s, sizeof s, "%s %s", money_format(v, m), label(L_KR));
    line_out(label(id), s);
}

static void line_count(label_id id, size_t v)
{
    char m[MONEY_BUFSZ], s[MONEY_BUFSZ + 8];
    snprintf(s, sizeof s, "%s    ", money_format((pulje_kr)v, m));
    line_out(label(id), s);
}

static void print_summary(const pool *p, const alloc_result *r)
{
    char f[MONEY_BUFSZ], pct[MONEY_BUFSZ], s[96];

    printf("%s %d, %s\n", p->name, p->year, p->committee ? p->committee : "");
    line_count(L_SUM_APPLICATIONS, r->n);
    line_kr(L_SUM_APPLIED, r->applied_total);
    line_kr(L_SUM_BUDGET, r->budget_total);
    line_kr(L_SUM_RESERVED, r->reserved_total);
    line_kr(L_SUM_EARMARKED, r->earmarked_total);
    line_kr(L_SUM_AVAILABLE, r->available);
    line_kr(L_SUM_ASSESSED, r->assessed_total);
    money_format_ratio(r->factor_num, r->factor_den, 4, f);
    money_format_pct((pulje_wide)(r->factor_den - r->factor_num), r->factor_den, 1, pct);
    snprintf(s, sizeof s, "%s (-%s)", f, pct);
    line_out(label(L_SUM_FACTOR), s);
    line_count(L_SUM_REDUCED, r->n_reduced);
    line_count(L_SUM_REFUSED, r->n_refused);
    line_kr(L_SUM_GRANTED, r->granted_total);
    line_kr(L_SUM_RESIDUAL, r->residual);
}

/* Make the output folder if it does not exist. */
static int ensure_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
    return mkdir(dir, 0777);
}

/* The workbook, written on a thread of its own: it runs beside the CSV on a
 * second core, and its many small allocations (libxlsxwriter allocates every
 * cell) come from a fresh malloc arena instead of the heap the reader left
 * fragmented. Both writers only read the pool, the applications and the
 * result. */
typedef struct book_job {
    const char *path;
    const pool *p;
    const app_list *apps;
    const alloc_result *r;
    int rc;
    char err[512];
} book_job;

static void *book_thread(void *arg)
{
    book_job *j = arg;
    j->rc = report_write_workbook(j->path, j->p, j->apps, j->r, j->err, sizeof j->err);
    return NULL;
}

/* Write the workbook and the CSV, side by side. Returns an exit code. */
static int write_outputs(const options *o, const pool *p, const app_list *apps,
                         const alloc_result *r)
{
    char base[256], err[512], *xlsx, *csv;
    size_t len;
    book_job job;
    pthread_t tid;
    int threaded, csv_rc;

    if (ensure_dir(o->out) != 0) {
        fprintf(stderr, "pulje: cannot use output folder %s: %s\n", o->out, strerror(errno));
        return EXIT_WRITE;
    }
    report_basename(p, base, sizeof base);
    len = strlen(o->out) + strlen(base) + 32;
    xlsx = malloc(len);
    csv = malloc(len);
    if (!xlsx || !csv) {
        free(xlsx);
        free(csv);
        fprintf(stderr, "pulje: out of memory\n");
        return EXIT_FAULT;
    }
    snprintf(xlsx, len, "%s/%s.xlsx", o->out, base);
    snprintf(csv, len, "%s/%s-afgoerelser.csv", o->out, base);
    job.path = xlsx;
    job.p = p;
    job.apps = apps;
    job.r = r;
    threaded = pthread_create(&tid, NULL, book_thread, &job) == 0;
    if (!threaded)
        book_thread(&job); /* no thread to be had: one after the other */
    csv_rc = report_write_csv(csv, p, apps, r, err, sizeof err);
    if (threaded)
        pthread_join(tid, NULL);
    if (job.rc != 0 || csv_rc != 0) {
        if (job.rc != 0)
            fprintf(stderr, "pulje: could not write %s: %s\n", xlsx, job.err);
        if (csv_rc != 0)
            fprintf(stderr, "pulje: could not write %s: %s\n", csv, err);
        free(xlsx);
        free(csv);
        return EXIT_WRITE;
    }
    if (!o->quiet) {
        printf("  %s %s\n", label(L_SUM_WROTE), xlsx);
        printf("  %s %s\n", label(L_SUM_WROTE), csv);
    }
    free(xlsx);
    free(csv);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    options o;
    pool p;
    app_list apps;
    alloc_result r;
    diag_list dl;
    run_clock clock;
    char *path = NULL, err[512];
    int rc = parse_args(argc, argv, &o);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    memset(&p, 0, sizeof p);
    memset(&apps, 0, sizeof apps);
    memset(&r, 0, sizeof r);
    diag_init(&dl);
    clock_start(&clock, !o.quiet && isatty(STDERR_FILENO));

    phase_enter(PHASE_READ);
    if (pool_load(o.pool, &p, &dl) != 0 || !p.applications) {
        rc = EXIT_INPUT;
        goto done;
    }
    path = pool_applications_path(&p);
    if (!path) {
        rc = EXIT_FAULT;
        goto done;
    }
    if (apps_load(path, &apps, &dl) != 0) {
        rc = EXIT_INPUT;
        goto done;
    }
    phase_enter(PHASE_VALIDATE);
    if (report_check_size(apps.n, err, sizeof err) != 0) {
        diag_add(&dl, DIAG_ERROR, path, 0, 0,
                 "split the applications into two files and run each as its own pool", "%s",
                 err);
        rc = EXIT_INPUT;
        goto done;
    }
    if (strcmp(o.command, "check") == 0) {
        if (!o.quiet)
            printf("%s, %s: %zu applications, no problems found\n", o.pool, path, apps.n);
        rc = EXIT_OK;
        goto done;
    }
    phase_enter(PHASE_MODEL);
    if (alloc_run(&p, &apps, o.closed_form ? ALLOC_CLOSED_FORM : ALLOC_MODEL, &r, &dl) != 0) {
        rc = dl.oom ? EXIT_FAULT : EXIT_INPUT;
        goto done;
    }
    phase_enter(PHASE_VERIFY);
    if (verify_result(&p, &apps, &r, !o.closed_form, &dl) != 0) {
        fprintf(stderr, "pulje: the result failed its checks; nothing was written\n");
        rc = EXIT_VERIFY;
        goto done;
    }
    if (!o.quiet)
        print_summary(&p, &r);
    phase_enter(PHASE_WRITE);
    rc = write_outputs(&o, &p, &apps, &r);

done:
    clock_finish(&clock, o.timings);
    print_diags(&dl);
    diag_free(&dl);
    alloc_free(&r);
    apps_free(&apps);
    pool_free(&p);
    free(path);
    return rc;
}
