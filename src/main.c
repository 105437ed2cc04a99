/* main.c - The pulje command line: a thin layer over the library.
 *
 * Reads the pool file and the applications it names, computes the grants,
 * verifies every invariant, and only then writes the workbook and the
 * decisions CSV. All problems are printed with file, line and column. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "apps.h"
#include "compare.h"
#include "diag.h"
#include "explain.h"
#include "init.h"
#include "digest.h"
#include "labels.h"
#include "inputs.h"
#include "ledger.h"
#include "money.h"
#include "opendata.h"
#include "phase.h"
#include "pool.h"
#include "report.h"
#include "report_compare.h"
#include "rules.h"
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
    const char *nr;       /* explain: the application number */
    const char *folder;   /* init: the folder to write */
    int year;             /* init: the grant year (0: next year) */
    const char *pool;
    const char *out;
    int quiet;
    int closed_form;
    const char *rule;   /* --rule: replaces the pool file's rule */
    const char *rules;  /* compare --rules: comma-separated rules, the first the baseline */
    const char *sweep;  /* compare --sweep PARAM:FROM:TO:STEP */
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
        "  run      compute the grants, verify them, write the workbook, the\n"
        "           decisions CSV and the grants as 360Giving open data (the default)\n"
        "  check    read and validate the inputs only; write nothing\n"
        "  compare  run several rules on the pool and write one comparison workbook\n"
        "           (<name>-sammenligning.xlsx) with a summary per rule, a chart,\n"
        "           the economy table per rule and a sensitivity sweep\n"
        "  explain NR  show, step by step in kroner, how application NR got its\n"
        "           grant (rule, factor, rounding, years); write nothing\n"
        "  init FOLDER  write a new pool folder: pulje.ini, ansoegninger.csv and\n"
        "           .xlsx templates, an empty forpligtelser.csv\n"
        "\n"
        "POOL-FILE defaults to " DEFAULT_POOL ".\n"
        "\n"
        "Options:\n"
        "  -o, --out DIR      where to write the outputs (default: " DEFAULT_OUT ")\n"
        "  -q, --quiet        print only problems\n"
        "      --closed-form  compute without the GLPK model (same grants; for checks)\n"
        "      --rule RULE    use RULE instead of the pool file's rule (run)\n"
        "      --rules LIST   compare: rules separated by ',' (the first is the baseline);\n"
        "                     default: the pool's rule, threshold at 25.000, 50.000 and\n"
        "                     75.000, excess, proportional, cea, cel and talmud\n"
        "      --sweep SPEC   compare: PARAM:FROM:TO:STEP, PARAM threshold, max_grant or\n"
        "                     cap (the multi-year cap in %%, e.g. cap:30:60:5)\n"
        "                     (default threshold:0:150.000:10.000)\n"
        "\n"
        "RULE is NAME[:THRESHOLD][+min=AMOUNT][+max=AMOUNT]; NAME is threshold (the\n"
        "2023 rule), proportional, excess, cea, cel or talmud. Examples:\n"
        "threshold:25.000, excess:50.000, cea+min=10.000, talmud+max=300.000\n"
        "      --lang LANG    labels in the workbook and on the terminal: da (default) or en\n"
        "      --year YEAR    init: the grant year (default: next year)\n"
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
        {"rule", required_argument, NULL, 'r'},
        {"rules", required_argument, NULL, 'R'},
        {"sweep", required_argument, NULL, 'S'},
        {"lang", required_argument, NULL, 'L'},
        {"year", required_argument, NULL, 'Y'},
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
    if (strcmp(o->command, "run") != 0 && strcmp(o->command, "check") != 0 &&
        strcmp(o->command, "compare") != 0 && strcmp(o->command, "explain") != 0 &&
        strcmp(o->command, "init") != 0) {
        /* "pulje some.ini": a pool file where the command would be */
        if (strchr(o->command, '.') || strchr(o->command, '/')) {
            o->pool = o->command;
            o->command = "run";
        } else {
            fprintf(stderr, "pulje: unknown command '%s'\n  hint: the commands are run, check, compare, explain and init; see pulje --help\n",
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
        case 'r': o->rule = optarg; break;
        case 'R': o->rules = optarg; break;
        case 'S': o->sweep = optarg; break;
        case 'Y': {
            char *end;
            long y = strtol(optarg, &end, 10);
            if (*end || y < 1900 || y > 9999) {
                fprintf(stderr, "pulje: --year '%s' is not a year\n  hint: e.g. --year 2025\n", optarg);
                return EXIT_INPUT;
            }
            o->year = (int)y;
            break;
        }
        case 'L':
            if (labels_set_language(optarg) != 0) {
                fprintf(stderr, "pulje: unknown language '%s'\n  hint: --lang da (Danish, the default) or --lang en\n",
                        optarg);
                return EXIT_INPUT;
            }
            break;
        case 't': o->timings = 1; break;
        case 'h': usage(stdout); return -1;
        case 'V': printf("pulje " PULJE_VERSION "\n"); return -1;
        default:
            fprintf(stderr, "  hint: see pulje --help\n");
            return EXIT_INPUT;
        }
    }
    if (strcmp(o->command, "explain") == 0) {
        if (optind >= argc) {
            fprintf(stderr, "pulje: explain needs an application number\n  hint: pulje explain NR [POOL-FILE]\n");
            return EXIT_INPUT;
        }
        o->nr = argv[optind++];
    }
    if (strcmp(o->command, "init") == 0) {
        if (optind >= argc) {
            fprintf(stderr, "pulje: init needs a folder\n  hint: pulje init FOLDER [--year YEAR]\n");
            return EXIT_INPUT;
        }
        o->folder = argv[optind++];
    }
    if (optind < argc)
        o->pool = argv[optind++];
    if (optind < argc) {
        fprintf(stderr, "pulje: unexpected argument '%s'\n  hint: give one pool file; see pulje --help\n",
                argv[optind]);
        return EXIT_INPUT;
    }
    if ((o->rules || o->sweep) && strcmp(o->command, "compare") != 0) {
        fprintf(stderr, "pulje: --rules and --sweep belong to compare\n"
                        "  hint: pulje compare --rules threshold,excess,cea\n");
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

/* One warning as a line that starts with "advarsel:" ("warning:" with
 * --lang en), then where and what, and the hint on a line of its own. */
static void print_warning(const diag *d)
{
    char where[600] = "";

    if (d->file && d->line && d->col)
        snprintf(where, sizeof where, "%s:%u:%u: ", d->file, d->line, d->col);
    else if (d->file && d->line)
        snprintf(where, sizeof where, "%s:%u: ", d->file, d->line);
    else if (d->file)
        snprintf(where, sizeof where, "%s: ", d->file);
    fprintf(stderr, "%s: %s%s\n", label(L_WARN_PREFIX), where, d->msg);
    if (d->hint)
        fprintf(stderr, "  hint: %s\n", d->hint);
}

/* Print every diagnostic, sorted, to stderr: warnings too, also with -q. */
static void print_diags(diag_list *dl)
{
    char buf[2048];
    diag_sort(dl);
    for (size_t i = 0; i < dl->n; i++) {
        if (dl->v[i].level == DIAG_WARNING)
            print_warning(&dl->v[i]);
        else
            fprintf(stderr, "%s\n", diag_format(&dl->v[i], buf, sizeof buf));
    }
    if (dl->oom)
        fprintf(stderr, "error: more problems were found than could be stored (out of memory)\n");
}

/* Number of warnings in dl. */
static size_t count_warnings(const diag_list *dl)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->n; i++)
        n += dl->v[i].level == DIAG_WARNING;
    return n;
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

static void line_kr_label(const char *lab, pulje_kr v)
{
    char m[MONEY_BUFSZ], s[MONEY_BUFSZ + 8];
    snprintf(s, sizeof s, "%s %s", money_format(v, m), label(L_KR));
    line_out(lab, s);
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
    bool one_factor = p->rule.kind == RULE_THRESHOLD || p->rule.kind == RULE_PROPORTIONAL ||
                      p->rule.kind == RULE_EXCESS;
    if ((one_factor && r->factor_num < r->factor_den) || r->n_reduced == 0) {
        money_format_ratio(r->factor_num, r->factor_den, 4, f);
        money_format_pct((pulje_wide)(r->factor_den - r->factor_num), r->factor_den, 1, pct);
        snprintf(s, sizeof s, "%s (-%s)", f, pct);
        line_out(label(L_SUM_FACTOR), s);
    } else if (r->assessed_total > 0) {
        /* no single factor (cea, cel, talmud), or the options left the rest
         * paid in full: the share of the claims granted, never "1,0000 (-0,0 %)" */
        money_format_ratio(r->granted_total, r->assessed_total, 4, f);
        money_format_pct(r->assessed_total - r->granted_total, r->assessed_total, 1, pct);
        snprintf(s, sizeof s, "%s (-%s)", f, pct);
        line_out(label(L_CMP_FACTOR), s);
    }
    line_count(L_SUM_REDUCED, r->n_reduced);
    line_count(L_SUM_REFUSED, r->n_refused);
    line_kr(L_SUM_GRANTED, r->granted_total);
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        char lab[160];
        label_format(lab, sizeof lab, L_SUM_SUPPLEMENTS, p->earmark_defs[k].key);
        line_kr_label(lab, r->em.totals[k].granted);
        if (r->em.totals[k].unused > 0) {
            label_format(lab, sizeof lab, L_EM_UNUSED, p->earmark_defs[k].key);
            line_kr_label(lab, r->em.totals[k].unused);
        }
    }
    line_kr(L_SUM_RESIDUAL, r->residual);
    if (r->n_my_requested > 0 || r->my[0].old > 0) {
        char n[MONEY_BUFSZ];
        snprintf(s, sizeof s, "%s / %s    ", money_format((pulje_kr)r->n_my_honoured, n),
                 money_format((pulje_kr)r->n_my_requested, f));
        line_out(label(L_SUM_HONOURED), s);
        for (int t = 0; t < MY_YEARS; t++) {
            const my_year *y = &r->my[t];
            char lab[64], m[MONEY_BUFSZ], cap[MONEY_BUFSZ];
            label_format(lab, sizeof lab, L_SUM_BOUND, y->year);
            money_format_pct(y->old + y->fresh, y->money ? y->money : 1, 1, pct);
            money_format_pct(r->cap_bp, 10000, 0, cap);
            label_format(s, sizeof s, L_SUM_BOUND_VALUE, money_format(y->old + y->fresh, m), pct,
                         cap);
            line_out(lab, s);
        }
    }
}

/* The inputs' SHA-256 digests, as sha256sum prints them. */
static void print_digests(const digest_list *dg)
{
    for (size_t i = 0; i < dg->n; i++)
        printf("  sha256 %s  %s\n", dg->v[i].hex, dg->v[i].path);
}

/* Digest the pool file, the applications and the ledger (if the pool names
 * one) into dg. Returns 0, or -1 after a message. */
static int digest_inputs(const char *pool_path, const char *apps_path, const pool *p,
                         digest_list *dg)
{
    char *ledger_path = pool_ledger_path(p);
    const char *paths[3] = {pool_path, apps_path, ledger_path};

    for (size_t i = 0; i < 3; i++) {
        if (paths[i] && digest_list_add(dg, paths[i]) != 0) {
            fprintf(stderr, "pulje: cannot read %s to compute its SHA-256: %s\n", paths[i],
                    strerror(errno));
            free(ledger_path);
            return -1;
        }
    }
    free(ledger_path);
    return 0;
}

/* Make the output folder if it does not exist (*made set when this call
 * made it; may be NULL). Another run making it at the same moment (EEXIST)
 * is fine as long as it is a folder. */
static int ensure_dir(const char *dir, int *made)
{
    struct stat st;
    if (made)
        *made = 0;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
    if (mkdir(dir, 0777) == 0) {
        if (made)
            *made = 1;
        return 0;
    }
    if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return 0;
    return -1;
}

/* The files a run writes, in order: suffix of the file name and its writer. */
typedef enum { OUT_XLSX, OUT_CSV, OUT_360, OUT_LEDGER, OUT__COUNT } output_kind;

static int write_one(output_kind k, const char *path, const pool *p, const app_list *apps,
                     const alloc_result *r, char *err, size_t errsz)
{
    switch (k) {
    case OUT_XLSX:   return report_write_workbook(path, p, apps, r, err, errsz);
    case OUT_CSV:    return report_write_csv(path, p, apps, r, err, errsz);
    case OUT_360:    return opendata_write_360giving(path, p, apps, r, err, errsz);
    case OUT_LEDGER: {
        ledger next;
        int rc;
        if (alloc_next_ledger(p, apps, r, &next) != 0) {
            snprintf(err, errsz, "out of memory");
            return -1;
        }
        rc = ledger_write(path, &next, err, errsz);
        ledger_free(&next);
        return rc;
    }
    case OUT__COUNT: break;
    }
    return -1;
}

/* out_suffix[k]: the file name suffix of output k. */
#define out_suffix inputs_output_suffixes

/* Remove a staging folder and whatever is in it (files only: the writers
 * put nothing else there). Keeps errno. */
static void remove_staging(const char *dir)
{
    int e = errno;
    DIR *d = opendir(dir);
    struct dirent *ent;
    char path[4096];

    if (d) {
        while ((ent = readdir(d)) != NULL) {
            if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
    errno = e;
}

/* fsync a folder, so that renames in it are durable (EINVAL: cannot be synced). */
static int sync_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;
    if (fd < 0)
        return -1;
    rc = fsync(fd) == 0 || errno == EINVAL ? 0 : -1;
    close(fd);
    return rc;
}

/* Write the workbook, the decisions CSV, the 360Giving CSV and, when the pool
 * keeps a ledger or binds new multi-year grants, next year's ledger.
 *
 * All of them together or none: each is written whole (atomic.h) into a
 * new staging folder "<out>/.pulje-XXXXXX"; only when all are complete are
 * they renamed into place, one after the other, and the staging folder is
 * removed. A failure before the renames leaves the output folder as it was
 * and no temporary file. What remains non-atomic: the renames themselves
 * (a crash or a failing rename between two of them leaves some new files
 * beside some old ones; the message names them). Returns an exit code. */
static int write_outputs(const options *o, const pool *p, const app_list *apps,
                         const alloc_result *r)
{
    char base[256], err[512], stage[4096], path[4608], final[OUT__COUNT][4608];
    int wanted[OUT__COUNT] = {1, 1, 1, p->ledger != NULL || r->n_my_honoured > 0};
    int k, done = 0, made;

    if (ensure_dir(o->out, &made) != 0) {
        fprintf(stderr, "pulje: cannot use output folder %s: %s\n", o->out, strerror(errno));
        return EXIT_WRITE;
    }
    if ((size_t)snprintf(stage, sizeof stage, "%s/.pulje-XXXXXX", o->out) >= sizeof stage ||
        !mkdtemp(stage)) {
        fprintf(stderr, "pulje: cannot make a staging folder in %s: %s\n", o->out,
                strerror(errno));
        if (made)
            rmdir(o->out);
        return EXIT_WRITE;
    }
    report_basename(p, base, sizeof base);
    for (k = 0; k < OUT__COUNT; k++) {
        if (!wanted[k])
            continue;
        snprintf(final[k], sizeof final[k], "%s/%s%s", o->out, base, out_suffix[k]);
        snprintf(path, sizeof path, "%s/%s%s", stage, base, out_suffix[k]);
        if (write_one((output_kind)k, path, p, apps, r, err, sizeof err) != 0) {
            fprintf(stderr, "pulje: could not write %s: %s\n  hint: no output was changed\n",
                    final[k], err);
            remove_staging(stage);
            if (made)
                rmdir(o->out); /* the folder this run made, empty again */
            return EXIT_WRITE;
        }
    }
    for (k = 0; k < OUT__COUNT; k++) {
        if (!wanted[k])
            continue;
        snprintf(path, sizeof path, "%s/%s%s", stage, base, out_suffix[k]);
        if (rename(path, final[k]) != 0) {
            fprintf(stderr, "pulje: could not put %s in place: %s\n", final[k],
                    strerror(errno));
            if (done)
                fprintf(stderr, "  hint: %d of the new files are in place beside older ones; "
                                "run again\n", done);
            remove_staging(stage);
            return EXIT_WRITE;
        }
        done++;
    }
    rmdir(stage);
    if (sync_folder(o->out) != 0) {
        fprintf(stderr, "pulje: wrote the outputs in %s but could not sync the folder: %s\n",
                o->out, strerror(errno));
        return EXIT_WRITE;
    }
    for (k = 0; k < OUT__COUNT && !o->quiet; k++)
        if (wanted[k])
            printf("  %s %s\n", label(L_SUM_WROTE), final[k]);
    return EXIT_OK;
}


/* explain NR: the number is not in the file; name the closest ones. */
static void print_not_found(const options *o, const app_list *apps, const char *path)
{
    size_t idx[5], n = explain_nearby(apps, o->nr, idx, 5);
    char buf[512], list[256] = "";

    label_format(buf, sizeof buf, L_EX_NOT_FOUND, o->nr, path);
    fprintf(stderr, "pulje: %s\n", buf);
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(list);
        snprintf(list + len, sizeof list - len, "%s%s", k ? ", " : "", apps->v[idx[k]].nr);
    }
    if (n > 0) {
        label_format(buf, sizeof buf, L_EX_NEARBY, list);
        fprintf(stderr, "  hint: %s\n", buf);
    }
}

/* explain NR: print the explanation. Returns an exit code. */
static int print_explanation(const pool *p, const app_list *apps, const alloc_result *r,
                             size_t index)
{
    explain_text t;

    if (explain_build(p, apps, r, index, &t) != 0) {
        fprintf(stderr, "pulje: out of memory\n");
        return EXIT_FAULT;
    }
    for (size_t k = 0; k < t.n; k++)
        printf("%s\n", t.lines[k]);
    explain_free(&t);
    return EXIT_OK;
}

/* init FOLDER: write a new pool folder. Returns an exit code. */
static int init_folder(const options *o)
{
    char err[512], buf[1024], pool_path[512], apps_path[512];
    int year = o->year;

    if (year == 0) {
        time_t now = time(NULL);
        struct tm tm;
        year = localtime_r(&now, &tm) ? tm.tm_year + 1900 + 1 : 2000;
    }
    switch (init_pool_folder(o->folder, year, err, sizeof err)) {
    case INIT_OK:
        break;
    case INIT_NOT_EMPTY:
    case INIT_NOT_FOLDER:
        fprintf(stderr, "pulje: %s\n", err);
        return EXIT_INPUT;
    case INIT_WRITE:
        fprintf(stderr, "pulje: %s\n", err);
        return EXIT_WRITE;
    }
    snprintf(pool_path, sizeof pool_path, "%s/%s", o->folder, INIT_POOL_FILE);
    snprintf(apps_path, sizeof apps_path, "%s/%s", o->folder, INIT_APPS_CSV);
    if (!o->quiet) {
        printf("  %s %s\n", label(L_SUM_WROTE), pool_path);
        printf("  %s %s\n", label(L_SUM_WROTE), apps_path);
        printf("  %s %s/%s\n", label(L_SUM_WROTE), o->folder, INIT_APPS_XLSX);
        printf("  %s %s/%s\n", label(L_SUM_WROTE), o->folder, INIT_LEDGER_CSV);
        label_format(buf, sizeof buf, L_INIT_NEXT, apps_path, pool_path, pool_path);
        printf("%s\n", buf);
    }
    return EXIT_OK;
}

/* The rules compare runs when --rules is not given: the pool's rule first
 * (the baseline), then the standard alternatives, without repeats. */
static size_t default_rules(const pool *p, rule_params *v, size_t cap)
{
    static const char *const specs[] = {"threshold:25000", "threshold:50000", "threshold:75000",
                                        "excess", "proportional", "cea", "cel", "talmud"};
    size_t n = 0;
    char err[256];
    v[n++] = p->rule;
    for (size_t i = 0; i < sizeof specs / sizeof specs[0] && n < cap; i++) {
        rule_params r;
        int dup = 0;
        if (!rule_parse_spec(specs[i], p->rule.threshold, &r, err, sizeof err))
            continue;
        for (size_t k = 0; k < n; k++)
            dup |= memcmp(&v[k], &r, sizeof r) == 0;
        if (!dup)
            v[n++] = r;
    }
    return n;
}

/* Parse --rules into v; returns the count, or 0 after printing the problem. */
static size_t parse_rules(const char *list, pulje_kr threshold, rule_params *v, size_t cap)
{
    size_t n = 0;
    const char *c = list;
    char spec[128], err[512];
    while (*c) {
        size_t len = strcspn(c, ",");
        if (len >= sizeof spec || n == cap) {
            fprintf(stderr, "pulje: --rules: too many rules or a rule too long\n");
            return 0;
        }
        memcpy(spec, c, len);
        spec[len] = '\0';
        if (!rule_parse_spec(spec, threshold, &v[n], err, sizeof err)) {
            fprintf(stderr, "pulje: --rules: %s\n  hint: see pulje --help\n", err);
            return 0;
        }
        n++;
        c += len;
        if (*c == ',')
            c++;
    }
    if (n == 0)
        fprintf(stderr, "pulje: --rules is empty\n  hint: e.g. --rules threshold,excess,cea\n");
    return n;
}

/* Print one line per scenario. */
static void print_compare(const compare_result *c)
{
    char spec[128], g[MONEY_BUFSZ], res[MONEY_BUFSZ], mx[MONEY_BUFSZ], md[MONEY_BUFSZ],
        gi[MONEY_BUFSZ];
    printf("  %-24s %14s %9s %5s %5s %8s %8s %6s %5s\n", label(L_CMP_RULE), label(L_KR),
           label(L_SUM_RESIDUAL), label(L_CMP_TERM_REDUCED), label(L_CMP_TERM_REFUSED),
           label(L_CMP_TERM_MAX), label(L_CMP_TERM_MEDIAN), label(L_CMP_TERM_GINI),
           label(L_CMP_TERM_VIOLATIONS));
    for (size_t k = 0; k < c->n; k++) {
        const compare_stats *s = &c->v[k].stats;
        rule_format_spec(&c->v[k].rule, spec, sizeof spec);
        money_format_pct((pulje_wide)(s->max_cut * 1000000 + 0.5), 1000000, 1, mx);
        money_format_pct((pulje_wide)(s->median_cut * 1000000 + 0.5), 1000000, 1, md);
        printf("  %-24s %14s %9s %5zu %5zu %8s %8s %6s %5zu\n", spec, money_format(s->granted, g),
               money_format(s->residual, res), s->n_reduced, s->n_refused, mx, md,
               money_format_ratio((pulje_wide)(s->gini * 1000000 + 0.5), 1000000, 3, gi),
               s->order_violations);
    }
}

/* pulje compare: run the rules, verify each, write the comparison workbook. */
static int run_compare(const options *o, const pool *p, const app_list *apps, diag_list *dl)
{
    rule_params rules[64];
    size_t n;
    compare_sweep_spec sweep;
    compare_result c;
    char err[512], base[256], *path;
    size_t len;
    int rc;

    n = o->rules ? parse_rules(o->rules, p->rule.threshold, rules, 64)
                 : default_rules(p, rules, 64);
    if (n == 0)
        return EXIT_INPUT;
    if (!compare_parse_sweep(o->sweep ? o->sweep : "threshold:0:150000:10000", &sweep, err,
                             sizeof err)) {
        fprintf(stderr, "pulje: --sweep: %s\n", err);
        return EXIT_INPUT;
    }
    /* sweep the baseline if it has the parameter, else the 2023 rule */
    sweep.rule = rules[0];
    if (sweep.param == COMPARE_SWEEP_THRESHOLD && !rule_uses_threshold(rules[0].kind)) {
        memset(&sweep.rule, 0, sizeof sweep.rule);
        sweep.rule.kind = RULE_THRESHOLD;
    }
    if (compare_run(p, apps, rules, n, 0, &sweep, &c, dl) != 0)
        return dl->oom ? EXIT_FAULT : EXIT_INPUT;
    if (ensure_dir(o->out, NULL) != 0) {
        fprintf(stderr, "pulje: cannot use output folder %s: %s\n", o->out, strerror(errno));
        compare_free(&c);
        return EXIT_WRITE;
    }
    report_basename(p, base, sizeof base);
    len = strlen(o->out) + strlen(base) + 32;
    path = malloc(len);
    if (!path) {
        compare_free(&c);
        fprintf(stderr, "pulje: out of memory\n");
        return EXIT_FAULT;
    }
    snprintf(path, len, "%s/%s-sammenligning.xlsx", o->out, base);
    rc = EXIT_OK;
    if (report_compare_write(path, p, apps, &c, err, sizeof err) != 0) {
        fprintf(stderr, "pulje: could not write %s: %s\n", path, err);
        rc = EXIT_WRITE;
    } else if (!o->quiet) {
        printf("%s %d, %s\n", p->name, p->year, p->committee ? p->committee : "");
        print_compare(&c);
        printf("  %s %s\n", label(L_SUM_WROTE), path);
    }
    free(path);
    compare_free(&c);
    return rc;
}

int main(int argc, char **argv)
{
    options o;
    pulje_inputs in;
    alloc_result r;
    diag_list dl;
    size_t index = 0;
    inputs_status is;
    run_clock clock;
    char size_err[512];
    digest_list dg = {NULL, 0};
    int is_check;
    int rc = parse_args(argc, argv, &o);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    /* A file-size limit (ulimit -f) makes a write fail with EFBIG, reported
     * as exit 4, instead of killing pulje with nothing said. */
    signal(SIGXFSZ, SIG_IGN);
    if (o.folder)
        return init_folder(&o);
    memset(&r, 0, sizeof r);
    memset(&in, 0, sizeof in);
    diag_init(&dl);
    clock_start(&clock, !o.quiet && isatty(STDERR_FILENO));

    phase_enter(PHASE_READ);
    /* explain writes nothing; the others must not write over an input (the
     * staging folder and the temporary names in it are new: mkdtemp, mkstemp) */
    is = inputs_load_for(o.pool, o.nr ? NULL : o.out, &in, &dl);
    if (is != INPUTS_OK) {
        rc = is == INPUTS_NOMEM ? EXIT_FAULT : EXIT_INPUT;
        goto done;
    }
    if (o.rule) {
        char err[512];
        if (!rule_parse_spec(o.rule, in.pool.rule.threshold, &in.pool.rule, err, sizeof err)) {
            fprintf(stderr, "pulje: --rule: %s\n  hint: see pulje --help\n", err);
            rc = EXIT_INPUT;
            goto done;
        }
    }
    if (o.nr && explain_find(&in.apps, o.nr, &index) != 0) {
        rc = EXIT_INPUT;
        print_not_found(&o, &in.apps, in.apps_path);
        goto done;
    }
    phase_enter(PHASE_VALIDATE);
    if (report_check_size(in.apps.n, size_err, sizeof size_err) != 0) {
        diag_add(&dl, DIAG_ERROR, in.apps_path, in.apps.v[report_max_applications()].line, 0,
                 "split the applications into two files and run each as its own pool", "%s",
                 size_err);
        rc = EXIT_INPUT;
        goto done;
    }
    if (digest_inputs(o.pool, in.apps_path, &in.pool, &dg) != 0) {
        rc = EXIT_INPUT;
        goto done;
    }
    in.pool.inputs = &dg;
    in.pool.warnings = &dl;
    if (inputs_check_ledger(&in, o.out, &dl) != 0) {
        rc = dl.oom ? EXIT_FAULT : EXIT_INPUT;
        goto done;
    }
    phase_enter(PHASE_MODEL);
    if (strcmp(o.command, "compare") == 0) {
        rc = run_compare(&o, &in.pool, &in.apps, &dl);
        goto done;
    }
    /* check computes too (closed form: the same grants, quicker), so that
     * everything run would refuse for the inputs' sake, check refuses. */
    is_check = strcmp(o.command, "check") == 0;
    rc = alloc_run(&in.pool, &in.apps,
                   o.closed_form || is_check ? ALLOC_CLOSED_FORM : ALLOC_MODEL, &r, &dl);
    if (rc != 0) {
        rc = rc == -1 && !dl.oom ? EXIT_INPUT : EXIT_FAULT;
        goto done;
    }
    phase_enter(PHASE_VERIFY);
    if (verify_result(&in.pool, &in.apps, &r, !o.closed_form && !is_check, &dl) != 0) {
        fprintf(stderr, "pulje: the result failed its checks; nothing was written\n");
        rc = EXIT_VERIFY;
        goto done;
    }
    if (is_check) {
        size_t nw = count_warnings(&dl);
        if (!o.quiet) {
            if (nw == 0)
                printf("%s, %s: %zu applications, no problems found\n", o.pool, in.apps_path,
                       in.apps.n);
            else
                printf("%s, %s: %zu applications, no errors, %zu warning%s (below)\n", o.pool,
                       in.apps_path, in.apps.n, nw, nw == 1 ? "" : "s");
            print_digests(&dg);
        }
        rc = EXIT_OK;
        goto done;
    }
    if (o.nr) {
        rc = print_explanation(&in.pool, &in.apps, &r, index);
        goto done;
    }
    if (!o.quiet) {
        print_summary(&in.pool, &r);
        print_digests(&dg);
    }
    phase_enter(PHASE_WRITE);
    rc = write_outputs(&o, &in.pool, &in.apps, &r);

done:
    clock_finish(&clock, o.timings);
    print_diags(&dl);
    diag_free(&dl);
    alloc_free(&r);
    inputs_free(&in);
    digest_list_free(&dg);
    return rc;
}
