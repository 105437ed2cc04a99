/* main.c - The pulje command line: argument parsing and printing.
 *
 * The run itself lives in the library (run.h): it reads the pool file and
 * the applications it names, computes the grants, verifies every invariant,
 * and only then writes the outputs. Here: the options, the commands init
 * and history, and the calls; the clock is clock.c and the printing
 * terminal.c. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "diff_cmd.h"
#include "history.h"
#include "init.h"
#include "init_cmd.h"
#include "report.h"
#include "labels.h"
#include "phase.h"
#include "run.h"
#include "terminal.h"
#include "messages.h"

#define PULJE_VERSION "0.1.0"
#define DEFAULT_POOL RUN_DEFAULT_POOL
#define DEFAULT_OUT RUN_DEFAULT_OUT

typedef struct options {
    run_options run;      /* what the library runs */
    const char *command;
    const char *folder;   /* init: the folder to write */
    int year;             /* init: the grant year (0: next year) */
    const char *from;     /* init --from: last round's pool file */
    int out_given;        /* -o/--out was given */
    int quiet;
    int timings;          /* --timings or PULJE_TIMINGS=1: one line of phase times */
    int verbose;          /* --verbose: the inputs' digests too */
    int pool_given;       /* a pool file was named on the command line */
    const char *runs[2];  /* diff: the runs named (numbers, folders, CSVs) */
    int n_runs;
} options;

/* The pool file in the current folder. */
#define LOCAL_POOL "pulje.ini"

/* No pool file named: ./pulje.ini when it exists (a round folder made by
 * init), else the default pool; one line on stderr says which (not with -q). */
static void choose_pool(options *o)
{
    int local = access(LOCAL_POOL, F_OK) == 0;

    o->run.pool_path = local ? LOCAL_POOL : DEFAULT_POOL;
    if (o->quiet)
        return;
    if (local)
        fprintf(stderr, msg_tr("pulje: pool file %s (found in the current folder)\n"), LOCAL_POOL);
    else
        fprintf(stderr, msg_tr("pulje: pool file %s (the default; no %s in the current folder)\n"),
                DEFAULT_POOL, LOCAL_POOL);
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
        {"from", required_argument, NULL, 'F'},
        {"timings", no_argument, NULL, 't'},
        {"verbose", no_argument, NULL, 'v'},
        {"letters", no_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c, first = 1;

    memset(o, 0, sizeof *o);
    o->command = "run";
    o->run.pool_path = DEFAULT_POOL;
    o->run.out_dir = DEFAULT_OUT;
    o->timings = getenv("PULJE_TIMINGS") && strcmp(getenv("PULJE_TIMINGS"), "1") == 0;
    if (argc > 1 && argv[1][0] != '-') {
        o->command = argv[1];
        first = 2;
    }
    if (!terminal_is_command(o->command)) {
        /* "pulje some.ini": a pool file where the command would be */
        if (strchr(o->command, '.') || strchr(o->command, '/')) {
            o->run.pool_path = o->command;
            o->pool_given = 1;
            o->command = "run";
        } else {
            terminal_unknown_command(stderr, o->command);
            return PULJE_INPUT;
        }
    }
    optind = first;
    opterr = 0; /* its messages are English; ours follow --lang */
    while ((c = getopt_long(argc, argv, "o:qvhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->run.out_dir = optarg; o->out_given = 1; break;
        case 'F': o->from = optarg; break;
        case 'q': o->quiet = 1; break;
        case 'c': o->run.closed_form = true; break;
        case 'r': o->run.rule = optarg; break;
        case 'R': o->run.rules = optarg; break;
        case 'S': o->run.sweep = optarg; break;
        case 'Y': {
            char *end;
            long y = strtol(optarg, &end, 10);
            if (*end || y < 1900 || y > 9999) {
                fprintf(stderr, msg_tr("pulje: --year '%s' is not a year\n  hint: e.g. --year 2025\n"), optarg);
                return PULJE_INPUT;
            }
            o->year = (int)y;
            break;
        }
        case 'L':
            if (labels_set_language(optarg) != 0) {
                fprintf(stderr, msg_tr("pulje: unknown language '%s'\n  hint: --lang da (Danish, the default) or --lang en\n"),
                        optarg);
                return PULJE_INPUT;
            }
            break;
        case 't': o->timings = 1; break;
        case 'v': o->verbose = 1; break;
        case 'l': o->run.letters = true; break;
        case 'h': terminal_usage(stdout); return -1;
        case 'V': printf("pulje " PULJE_VERSION "\n"); return -1;
        default:
            fprintf(stderr, msg_tr("pulje: unknown option or missing value: %s\n"),
                    argv[optind - 1]);
            terminal_option_hint(stderr, longopts, argv[optind - 1]);
            return PULJE_INPUT;
        }
    }
    if (strcmp(o->command, "explain") == 0) {
        if (optind >= argc) {
            fprintf(stderr, msg_tr("pulje: explain needs an application number\n  hint: pulje explain NR [POOL-FILE]\n"));
            return PULJE_INPUT;
        }
        o->run.nr = argv[optind++];
    }
    if (strcmp(o->command, "init") == 0) {
        if (optind >= argc) {
            fprintf(stderr, msg_tr("pulje: init needs a folder\n  hint: pulje init FOLDER [--year YEAR] [--from LAST-ROUND-POOL]\n"));
            return PULJE_INPUT;
        }
        o->folder = argv[optind++];
    }
    while (strcmp(o->command, "diff") == 0 && optind < argc && o->n_runs < 2 &&
           !strstr(argv[optind], ".ini"))
        o->runs[o->n_runs++] = argv[optind++];
    if (optind < argc) {
        o->run.pool_path = argv[optind++];
        o->pool_given = 1;
    }
    if (optind < argc) {
        fprintf(stderr, msg_tr("pulje: unexpected argument '%s'\n  hint: give one pool file; see pulje --help\n"),
                argv[optind]);
        return PULJE_INPUT;
    }
    if (o->from && strcmp(o->command, "init") != 0) {
        fprintf(stderr, msg_tr("pulje: --from belongs to init\n"
                        "  hint: pulje init 2024 --from inputs/pulje-2023.ini\n"));
        return PULJE_INPUT;
    }
    if (o->run.letters && strcmp(o->command, "run") != 0) {
        fprintf(stderr, "pulje: --letters belongs to run\n  hint: pulje run --letters, or pulje letters\n");
        return PULJE_INPUT;
    }
    if ((o->run.rules || o->run.sweep) && strcmp(o->command, "compare") != 0) {
        fprintf(stderr, msg_tr("pulje: --rules and --sweep belong to compare\n"
                        "  hint: pulje compare --rules threshold,excess,cea\n"));
        return PULJE_INPUT;
    }
    if (!o->pool_given && strcmp(o->command, "init") != 0)
        choose_pool(o);
    o->run.command = strcmp(o->command, "check") == 0     ? RUN_CHECK
                     : strcmp(o->command, "compare") == 0 ? RUN_COMPARE
                     : strcmp(o->command, "explain") == 0 ? RUN_EXPLAIN
                     : strcmp(o->command, "letters") == 0 ? RUN_LETTERS
                                                          : RUN_RUN;
    return 0;
}

/* What the run has to say besides the diagnostics: "pulje: <sentence>". */
static void print_message(const pulje_run *r)
{
    if (r->msg[0])
        fprintf(stderr, "pulje: %s\n", r->msg);
    if (r->hint[0])
        fprintf(stderr, msg_tr("  hint: %s\n"), r->hint);
}

/* What stdout shows after a prepared run, before its outputs are written. */
static void print_prepared(const options *o, const pulje_run *r)
{
    const pulje_inputs *in = &r->in;

    if (o->run.command == RUN_EXPLAIN) {
        for (size_t k = 0; k < r->explanation.n; k++)
            printf("%s\n", r->explanation.lines[k]);
    } else if (o->run.command == RUN_CHECK && !o->quiet) {
        size_t nw = terminal_count_warnings(&r->diags);
        if (nw == 0)
            printf(msg_tr("%s, %s: %zu applications, no problems found\n"), o->run.pool_path,
                   in->apps_path, in->apps.n);
        else
            printf(msg_tr("%s, %s: %zu applications, no errors, %zu warning%s (below)\n"),
                   o->run.pool_path, in->apps_path, in->apps.n, nw, nw == 1 ? "" : msg_tr("s"));
        if (o->verbose)
            terminal_digests(stdout, &r->digests);
    } else if (o->run.command == RUN_RUN && !o->quiet) {
        terminal_summary(stdout, &in->pool, &r->result);
        if (o->verbose)
            terminal_digests(stdout, &r->digests);
    }
}

/* What stdout shows after the outputs were written. */
static void print_written(const options *o, const pulje_run *r)
{
    const pool *p = &r->in.pool;

    if (o->quiet)
        return;
    if (o->run.command == RUN_COMPARE) {
        printf("%s %d, %s\n", p->name, p->year, p->committee ? p->committee : "");
        terminal_compare(stdout, &r->compare);
    }
    for (size_t k = 0; k < r->n_written; k++)
        printf("  %s %s\n", label(L_SUM_WROTE), r->written[k]);
    if (r->run_dir[0])
        printf("  %s %s/ (%s%s)\n", label(L_SUM_WROTE), r->run_dir,
               r->official ? msg_tr("official") : msg_tr("trial "), r->official ? "" : r->trial_tag);
}

/* history [POOL]: the runs kept for the pool, one line each. Returns an exit code. */
static int print_history(const options *o)
{
    pool p;
    diag_list dl;
    history h;
    char base[256], home[4400];

    memset(&p, 0, sizeof p);
    diag_init(&dl);
    if (pool_load(o->run.pool_path, &p, &dl) != 0) {
        terminal_diags(stderr, &dl);
        pool_free(&p);
        diag_free(&dl);
        return PULJE_INPUT;
    }
    report_basename(&p, base, sizeof base);
    snprintf(home, sizeof home, "%s/%s", o->run.out_dir, base);
    if (history_load(home, &h) != 0) {
        fprintf(stderr, msg_tr("pulje: out of memory\n"));
        pool_free(&p);
        diag_free(&dl);
        return PULJE_FAULT;
    }
    terminal_history(stdout, &p, home, &h);
    history_free(&h);
    pool_free(&p);
    diag_free(&dl);
    return PULJE_OK;
}

/* --lang before anything is said: it may come after the command and after
 * the option whose usage error or --help is printed. An unknown code is left
 * for parse_args to refuse. */
static void early_language(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return;
        if (strncmp(argv[i], "--lang=", 7) == 0)
            (void)labels_set_language(argv[i] + 7);
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            (void)labels_set_language(argv[++i]);
    }
}

/* The command as typed, for the run record. */
static void command_line(char *buf, size_t size, int argc, char **argv)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < argc && o < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? " " : "", i ? argv[i] : "pulje");
}

int main(int argc, char **argv)
{
    static char typed[2048];
    options o;
    pulje_run *r;
    pulje_clock clock;
    int rc;

    command_line(typed, sizeof typed, argc, argv); /* before getopt reorders argv */
    early_language(argc, argv);
    rc = parse_args(argc, argv, &o);

    if (rc != 0)
        return rc < 0 ? PULJE_OK : rc;
    /* A file-size limit (ulimit -f) makes a write fail with EFBIG, reported
     * as exit 4, instead of killing pulje with nothing said. */
    signal(SIGXFSZ, SIG_IGN);
    if (o.folder)
        return init_command(o.folder, o.from, o.out_given ? o.run.out_dir : NULL, o.year,
                            o.quiet);
    if (strcmp(o.command, "history") == 0)
        return print_history(&o);
    if (strcmp(o.command, "diff") == 0)
        return diff_command(o.run.pool_path, o.run.out_dir, o.runs, o.n_runs);
    o.run.command_line = typed;
    o.run.started = (long long)time(NULL);
    r = pulje_run_new(&o.run);
    if (!r) {
        fprintf(stderr, msg_tr("pulje: out of memory\n"));
        return PULJE_FAULT;
    }
    pulje_clock_start(&clock, !o.quiet && isatty(STDERR_FILENO));
    pulje_status st = pulje_run_prepare(r);
    size_t shown = 0;
    if (st == PULJE_OK) {
        /* the warnings before the summary or explanation (check says "below") */
        if (o.run.command != RUN_CHECK) {
            terminal_diags(stderr, &r->diags);
            fflush(stderr);
            shown = r->diags.n;
        }
        print_prepared(&o, r);
        st = pulje_run_write(r);
        if (st == PULJE_OK)
            print_written(&o, r);
    }
    print_message(r);
    pulje_clock_finish(&clock, o.timings);
    fflush(stdout);
    terminal_diags_from(stderr, &r->diags, shown); /* those not shown above */
    pulje_run_free(r);
    return (int)st;
}
