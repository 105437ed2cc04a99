/* bench.c - The benchmark harness behind `make bench`.
 *
 * For each pool size it makes a pool with the deterministic generator
 * (genpool --count N: the default pool's shape, with a ledger) and a pool
 * file that rations like 2023: the free money is 60 % of the 2023 pool's
 * scaled by N/68, so the threshold rule's factor is near 0,65 and about a
 * third of the applications are reduced; the trivsel earmark and a binding
 * multi-year cap (35 %, at least 5 active years) as in the default pool.
 * pulje's first run's workbook gives the floor its plan (bench_bare
 * --plan, untimed: the same sheets, rows, columns, cell kinds, row
 * heights). Then it runs, alternating,
 *
 *   pulje run POOL -o DIR -q --timings   the main job, phase times parsed
 *                                         from its "timings:" line
 *   bench_bare PLAN FILE                 the same cells written by a bare
 *                                         libxlsxwriter program
 *   pulje check POOL -q                  reading and validation only
 *   pulje compare ... (six rules)        up to COMPARE_MAX_N applications
 *
 * R times each (default 3; 1.000.000 gets at most 2), and prints the
 * medians as a table: phase times, wall time, peak memory (ru_maxrss of
 * each child, via wait4), the floor, the median of the ratios of each
 * alternating pair, check and compare with their peak memory. The default
 * pool (inputs/pulje-2023.ini) is the first row. Finally each target of
 * issue 18 is said to be met or missed. With --md FILE the machine and the
 * tables replace the part of FILE between "<!-- bench:begin -->" and
 * "<!-- bench:end -->". Exit status: 0 if everything ran (targets missed
 * or not), 1 if a run failed, 2 on bad arguments.
 *
 *   bench [--build DIR] [--sizes N,N,...] [--runs R] [--dir DIR] [--seed S]
 *         [--no-default] [--md FILE] [--keep] [--big-runs R]
 *
 * --keep leaves the pools, the plans, pulje's outputs and the floors'
 * workbooks in DIR (tests/test_bench_floor.c compares the workbooks).
 */
#define _DEFAULT_SOURCE /* wait4, mkdtemp */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#define MAX_SIZES 8
#define MAX_RUNS 15
#define MAX_ARGS 16
#define NPHASES 7
#define DEFAULT_N 68 /* the default pool's applications */
#define FREE_PCT 60  /* the bench pools' free money, % of the 2023 pool's scaled */
#define BIG_N 1000000L
static int big_runs = 2; /* at most this many runs at BIG_N and above (--big-runs) */

static const char *const PHASES[NPHASES] = {"read",  "validate", "model", "solve",
                                            "round", "verify",   "write"};

/* The commands timed per pool. "@POOL" and "@OUT" are replaced. compare is
 * timed only when `pulje compare --help` succeeds, i.e. once it is built. */
static const char *const RUN_ARGS[] = {"run", "@POOL", "-o", "@OUT", "-q", "--timings", NULL};
static const char *const CHECK_ARGS[] = {"check", "@POOL", "-q", NULL};
static const char *const COMPARE_ARGS[] = {
    "compare", "@POOL", "--rules", "threshold,excess,proportional,cea,cel,talmud",
    "-o", "@OUT", "-q", NULL};

/* compare is timed up to this size: its target is set at 100.000 (at
 * 1.000.000 its six rules and sweep, 22 verified allocations, would take
 * make bench past ten minutes). */
#define COMPARE_MAX_N 100000L

/* The 2023 pool's money (kr.), scaled by N/68 for a pool of N applications. */
static const struct {
    const char *section, *label;
    long long amount;
} MONEY[] = {
    {"budget", "Frie midler afsat til § 18-Hovedpuljen, Budget 2023", 6318216},
    {"budget", "Midler til mental trivsel 12-25 år", 500000},
    {"budget", "Ubrugte midler i Udviklingspuljen 2022 og før", 53373},
    {"reservations", "Reserveret allerede bevilgede flerårige tilskud fra Hovedpuljen 2022",
     2179031},
    {"reservations", "Reserveret til Driftsaftale Frivilligcenter Odense 2022-2024", 935480},
    {"earmarks", "Midler til mental trivsel 12-25 år", 500000},
};

/* One measured run of a program. */
typedef struct sample {
    double wall;            /* seconds, fork to wait */
    double cpu;             /* user + system seconds of the child (all threads) */
    double maxrss_mb;       /* peak resident memory of the child */
    double phase[NPHASES];  /* from --timings; 0 when not given */
} sample;

/* The medians for one pool. */
typedef struct row {
    long n;                 /* applications */
    int is_default;
    sample run, bare, compare, check;
    double ratio;           /* median of pulje / floor over alternating pairs */
    int have_compare, runs;
} row;

static const char *build = "build";
static char dir[1024]; /* where the pools and outputs go */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Run argv (argv[0] a path), stdout to /dev/null, stderr to errfile (or
 * /dev/null). Fills s->wall and s->maxrss_mb. Returns the exit status, or
 * -1 if it could not run or was killed. */
static int run(char *const argv[], const char *errfile, sample *s)
{
    struct rusage ru;
    int status;
    double t0 = now();
    pid_t pid = fork();

    if (pid < 0)
        return -1;
    if (pid == 0) {
        int out = open("/dev/null", O_WRONLY);
        int err = errfile ? open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0666) : out;
        if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
            _exit(127);
        execv(argv[0], argv);
        _exit(127);
    }
    if (wait4(pid, &status, 0, &ru) != pid)
        return -1;
    s->wall = now() - t0;
    s->maxrss_mb = (double)ru.ru_maxrss / 1024.0; /* Linux: kilobytes */
    s->cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
             (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Build argv for pulje from a template. */
static void pulje_argv(char *argv[], const char *const tmpl[], char *prog, char *pool,
                       char *out)
{
    int k = 0;
    argv[k++] = prog;
    for (int i = 0; tmpl[i] && k < MAX_ARGS - 1; i++)
        argv[k++] = strcmp(tmpl[i], "@POOL") == 0  ? pool
                    : strcmp(tmpl[i], "@OUT") == 0 ? out
                                                   : (char *)tmpl[i];
    argv[k] = NULL;
}

/* Parse "timings: read=S validate=S ..." from a file into s->phase. */
static int parse_timings(const char *file, sample *s)
{
    char line[1024];
    int found = 0;
    FILE *f = fopen(file, "r");

    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "timings:", 8) != 0)
            continue;
        for (int p = 0; p < NPHASES; p++) {
            char key[32];
            const char *at;
            snprintf(key, sizeof key, " %s=", PHASES[p]);
            at = strstr(line, key);
            if (at) {
                s->phase[p] = strtod(at + strlen(key), NULL);
                found++;
            }
        }
    }
    fclose(f);
    return found == NPHASES ? 0 : -1;
}

/* Show the first lines of a failed run's standard error. */
static void show_errors(const char *file)
{
    char line[512];
    int k = 0;
    FILE *f = fopen(file, "r");
    if (!f)
        return;
    while (k++ < 10 && fgets(line, sizeof line, f))
        fprintf(stderr, "    %s", line);
    fclose(f);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The median of each field over n samples. */
static sample median_sample(const sample *v, int n)
{
    sample m;
    double x[MAX_RUNS];

    memset(&m, 0, sizeof m);
    for (int i = 0; i < n; i++)
        x[i] = v[i].wall;
    m.wall = median(x, n);
    for (int i = 0; i < n; i++)
        x[i] = v[i].cpu;
    m.cpu = median(x, n);
    for (int i = 0; i < n; i++)
        x[i] = v[i].maxrss_mb;
    m.maxrss_mb = median(x, n);
    for (int p = 0; p < NPHASES; p++) {
        for (int i = 0; i < n; i++)
            x[i] = v[i].phase[p];
        m.phase[p] = median(x, n);
    }
    return m;
}

/* Write the pool file for n generated applications, with the default pool's
 * shape: the budget scaled by n/68, reservations from the generated ledger,
 * the multi-year cap and the mental trivsel earmark. Returns 0 or -1. */
static int write_pool(const char *path, long n, const char *apps, const char *ledger)
{
    FILE *f = fopen(path, "w");

    if (!f)
        return -1;
    fprintf(f,
            "; A generated pool of %ld applications for `make bench`: the 2023 pool's\n"
            "; free money scaled by %ld/68 and cut to 60 %%, so that it rations like 2023.\n"
            "[pool]\nname = § 18-Hovedpuljen\nshort_name = Hovedpuljen\n"
            "committee = Beskæftigelses- og Socialudvalget\n"
            "year = 2023\ndecision_date = 2022-12-13\napplications = %s\nledger = %s\n",
            n, n, apps, ledger);
    fprintf(f, "\n[budget]\n");
    for (size_t i = 0; i < sizeof MONEY / sizeof MONEY[0]; i++)
        if (strcmp(MONEY[i].section, "budget") == 0)
            fprintf(f, "%s = %lld\n", MONEY[i].label,
                    MONEY[i].amount * (long long)n / DEFAULT_N *
                        (strstr(MONEY[i].label, "trivsel") ? 100 : FREE_PCT) / 100);
    fprintf(f, "\n[rules]\nrule = threshold\nthreshold = 50.000\nrounding = 100\n");
    fprintf(f, "\n[multiyear]\ncap = 35 %%\nmin_active_years = 5\nrunning_holders = set_aside\n");
    fprintf(f, "\n[earmark trivsel]\nlabel = Midler til mental trivsel 12-25 år\n"
               "amount = %lld\nyears = 2023-2025\n"
               "criterion 12-25 år = Børn og unge 12-25 år\n"
               "criterion mental trivsel = Mental trivsel\n"
               "criterion uddannelse = Tilbage i skole og uddannelse\n"
               "required = 12-25 år, mental trivsel\n"
               "tier 1 = 12-25 år, mental trivsel, uddannelse\n"
               "tier 2 = 12-25 år, mental trivsel\n",
            500000LL * n / DEFAULT_N);
    return fclose(f) == 0 ? 0 : -1;
}

/* True if this pulje has the compare command. */
static int have_compare(char *prog)
{
    char *argv[] = {prog, "compare", "--help", NULL};
    sample s;
    return run(argv, NULL, &s) == 0;
}

/* Run argv; on failure say what failed and show its standard error. */
static int run_ok(char *const argv[], const char *what, const char *errfile, sample *s)
{
    if (run(argv, errfile, s) == 0)
        return 0;
    fprintf(stderr, "bench: %s failed\n", what);
    show_errors(errfile);
    return -1;
}

/* Measure one pool: R alternating runs of pulje and the floor, check and
 * compare; the floor's plan from pulje's first workbook (untimed). */
static int measure(row *r, int runs, unsigned long long seed, int compare)
{
    compare = compare && r->n <= COMPARE_MAX_N;
    char prog[1200], bare[1200], gen[1200], pool[1200], apps[1200], out[1200], xlsx[1200];
    char errfile[1200], nbuf[32], seedbuf[32], plan[1200], book[1300];
    char *argv[MAX_ARGS];
    sample sr[MAX_RUNS], sb[MAX_RUNS], sc[MAX_RUNS], sk[MAX_RUNS], g;
    double ratio[MAX_RUNS];

    if (r->n >= BIG_N && runs > big_runs)
        runs = big_runs;
    r->runs = runs;
    snprintf(prog, sizeof prog, "%s/pulje", build);
    snprintf(bare, sizeof bare, "%s/bench_bare", build);
    snprintf(gen, sizeof gen, "%s/genpool", build);
    snprintf(out, sizeof out, "%s/out-%ld", dir, r->n);
    snprintf(xlsx, sizeof xlsx, "%s/bare-%ld.xlsx", dir, r->n);
    snprintf(plan, sizeof plan, "%s/plan-%ld.txt", dir, r->n);
    snprintf(book, sizeof book, "%s/18-hovedpuljen-2023.xlsx", out);
    snprintf(errfile, sizeof errfile, "%s/stderr-%ld.txt", dir, r->n);
    snprintf(nbuf, sizeof nbuf, "%ld", r->n);
    snprintf(seedbuf, sizeof seedbuf, "%llu", seed);
    if (mkdir(out, 0777) != 0 && errno != EEXIST)
        return -1;
    if (r->is_default) {
        snprintf(pool, sizeof pool, "inputs/pulje-2023.ini");
    } else {
        char name[40], lname[40], ledger[1200];
        snprintf(name, sizeof name, "apps-%ld.csv", r->n);
        snprintf(lname, sizeof lname, "ledger-%ld.csv", r->n);
        snprintf(apps, sizeof apps, "%s/%s", dir, name);
        snprintf(ledger, sizeof ledger, "%s/%s", dir, lname);
        snprintf(pool, sizeof pool, "%s/pool-%ld.ini", dir, r->n);
        char *gargv[] = {gen, "--count", nbuf, "--seed", seedbuf, "--apps", apps,
                         "--ledger", ledger, NULL};
        if (run_ok(gargv, "genpool", errfile, &g) != 0)
            return -1;
        if (write_pool(pool, r->n, name, lname) != 0) {
            fprintf(stderr, "bench: cannot write %s\n", pool);
            return -1;
        }
    }
    memset(sr, 0, sizeof sr);
    memset(sc, 0, sizeof sc);
    memset(sk, 0, sizeof sk);
    for (int i = 0; i < runs; i++) {
        char *bargv[] = {bare, plan, xlsx, NULL};
        char *pargv[] = {bare, "--plan", book, plan, NULL};
        char wipe[2600];
        /* every timed run the first in its folder, as the floor's: a second
         * run in a folder also reads the first's decisions for its changes
         * sheet (at 100.000 about 40 MiB more) */
        snprintf(wipe, sizeof wipe, "rm -rf '%s' && mkdir '%s'", out, out);
        if (system(wipe) != 0) {
            fprintf(stderr, "bench: cannot empty %s\n", out);
            return -1;
        }
        pulje_argv(argv, RUN_ARGS, prog, pool, out);
        if (run_ok(argv, "pulje run", errfile, &sr[i]) != 0)
            return -1;
        if (parse_timings(errfile, &sr[i]) != 0) {
            fprintf(stderr, "bench: no timings: line from pulje run %s\n", pool);
            return -1;
        }
        if (i == 0 && run_ok(pargv, "bench_bare --plan", errfile, &g) != 0)
            return -1;
        if (run_ok(bargv, "bench_bare", errfile, &sb[i]) != 0)
            return -1;
        ratio[i] = sr[i].wall / sb[i].wall;
        pulje_argv(argv, CHECK_ARGS, prog, pool, out);
        if (run_ok(argv, "pulje check", errfile, &sk[i]) != 0)
            return -1;
        if (compare) {
            pulje_argv(argv, COMPARE_ARGS, prog, pool, out);
            if (run_ok(argv, "pulje compare", errfile, &sc[i]) != 0)
                return -1;
        }
    }
    r->run = median_sample(sr, runs);
    r->bare = median_sample(sb, runs);
    r->check = median_sample(sk, runs);
    r->ratio = median(ratio, runs);
    r->have_compare = compare;
    if (compare)
        r->compare = median_sample(sc, runs);
    return 0;
}

/* "1.000.000" */
static const char *dotted(long n, char *buf)
{
    char tmp[32];
    int k = 31, d = 0;
    tmp[k] = '\0';
    do {
        if (d && d % 3 == 0)
            tmp[--k] = '.';
        tmp[--k] = (char)('0' + n % 10);
        n /= 10;
        d++;
    } while (n > 0);
    return strcpy(buf, tmp + k);
}

/* A time in seconds, as milliseconds below 10 s, else seconds. */
static const char *t(double s, char *buf)
{
    if (s < 10)
        snprintf(buf, 32, "%.1f ms", s * 1000);
    else
        snprintf(buf, 32, "%.2f s", s);
    return buf;
}

/* The machine, for BENCHMARKS.md. */
static void print_machine(FILE *o)
{
    char line[512], model[256] = "?";
    long mem_kb = 0;
    double load[3] = {0, 0, 0};
    struct utsname u;
    FILE *f = fopen("/proc/cpuinfo", "r");

    if (f) {
        while (fgets(line, sizeof line, f)) {
            if (strncmp(line, "model name", 10) == 0 && strchr(line, ':')) {
                snprintf(model, sizeof model, "%s", strchr(line, ':') + 2);
                model[strcspn(model, "\n")] = '\0';
                break;
            }
        }
        fclose(f);
    }
    f = fopen("/proc/meminfo", "r");
    if (f) {
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "MemTotal: %ld kB", &mem_kb) == 1)
                break;
        fclose(f);
    }
    getloadavg(load, 3);
    uname(&u);
    fprintf(o, "machine: %s, %ld cores online, %.1f GiB RAM, %s %s %s; load average at the "
               "start %.2f\n", model, sysconf(_SC_NPROCESSORS_ONLN),
            (double)mem_kb / 1048576.0, u.sysname, u.release, u.machine, load[0]);
}

static void print_table(FILE *o, const row *rows, int n)
{
    char a[32], b[32];

    fprintf(o, "\nmedians (runs per size in the last column); phases from `pulje run --timings`;\n"
               "wall = the whole process; ratio = median over alternating pairs of pulje's wall /\n"
               "the floor's; cpu = user + system; memory = peak resident (ru_maxrss), MiB\n\n");
    fprintf(o, "| applications |");
    for (int p = 0; p < NPHASES; p++)
        fprintf(o, " %s |", PHASES[p]);
    fprintf(o, " run (wall) | floor (wall) | ratio | cpu: run / floor | run memory | check |"
               " check memory | compare | compare memory | runs |\n|---:|");
    for (int p = 0; p < NPHASES; p++)
        fprintf(o, "---:|");
    fprintf(o, "---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < n; i++) {
        const row *r = &rows[i];
        fprintf(o, "| %s%s |", dotted(r->n, a), r->is_default ? " (default pool)" : "");
        for (int p = 0; p < NPHASES; p++)
            fprintf(o, " %s |", t(r->run.phase[p], a));
        fprintf(o, " %s | %s | %.2f |", t(r->run.wall, a), t(r->bare.wall, b), r->ratio);
        fprintf(o, " %s / %s |", t(r->run.cpu, a), t(r->bare.cpu, b));
        fprintf(o, " %.1f | %s | %.1f |", r->run.maxrss_mb, t(r->check.wall, a),
                r->check.maxrss_mb);
        if (r->have_compare)
            fprintf(o, " %s | %.1f |", t(r->compare.wall, a), r->compare.maxrss_mb);
        else
            fprintf(o, " n/a | n/a |");
        fprintf(o, " %d |\n", r->runs);
    }
}

/* The targets of issue 18, each met or missed. */
static void print_targets(FILE *o, const row *rows, int n)
{
    char a[32], b[32], c[32];

    fprintf(o, "\ntargets:\n");
    for (int i = 0; i < n; i++) {
        const row *r = &rows[i];
        if (r->is_default)
            fprintf(o, "  default pool end to end <= 10 ms: %s (%s)\n",
                    r->run.wall <= 0.010 ? "met" : "MISSED", t(r->run.wall, a));
        if (r->n == 100000 || r->n == BIG_N)
            fprintf(o, "  %s: run <= 1,15 x the floor: %s (%s vs %s: %.2f)\n", dotted(r->n, c),
                    r->ratio <= 1.15 ? "met" : "MISSED", t(r->run.wall, a),
                    t(r->bare.wall, b), r->ratio);
        if (r->n == 100000 && r->have_compare)
            fprintf(o, "  100.000: compare of six rules <= 3 s: %s (%s)\n",
                    r->compare.wall <= 3 ? "met" : "MISSED", t(r->compare.wall, a));
        if (r->n == BIG_N) {
            fprintf(o, "  1.000.000: run peak memory <= 150 MiB: %s (%.1f MiB)\n",
                    r->run.maxrss_mb <= 150 ? "met" : "MISSED", r->run.maxrss_mb);
            fprintf(o, "  1.000.000: check peak memory <= 150 MiB: %s (%.1f MiB)\n",
                    r->check.maxrss_mb <= 150 ? "met" : "MISSED", r->check.maxrss_mb);
        }
    }
}

static int usage(void)
{
    fprintf(stderr, "usage: bench [--build DIR] [--sizes N,N,...] [--runs R] [--dir DIR] "
                    "[--seed S] [--no-default] [--md FILE] [--keep] [--big-runs R]\n");
    return 2;
}

/* Remove what the runs made: the whole directory if we made it, else the
 * pools, plans, floors and output folders in it. */
static void cleanup(const row *rows, int n, int made_dir)
{
    char cmd[4096];
    size_t k;

    if (made_dir) {
        k = (size_t)snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    } else {
        k = (size_t)snprintf(cmd, sizeof cmd, "cd '%s' && rm -rf", dir);
        for (int i = 0; i < n && k < sizeof cmd - 200; i++)
            k += (size_t)snprintf(cmd + k, sizeof cmd - k,
                                  " apps-%ld.csv ledger-%ld.csv pool-%ld.ini bare-%ld.xlsx"
                                  " plan-%ld.txt stderr-%ld.txt out-%ld",
                                  rows[i].n, rows[i].n, rows[i].n, rows[i].n, rows[i].n,
                                  rows[i].n, rows[i].n);
    }
    if (system(cmd) != 0)
        fprintf(stderr, "bench: could not remove everything in %s\n", dir);
}

/* Replace the part of path between the two markers by text. */
static int write_md(const char *path, const char *text)
{
    static const char begin[] = "<!-- bench:begin -->", end[] = "<!-- bench:end -->";
    char *old = NULL, *b, *e;
    long len;
    FILE *f = fopen(path, "rb");

    if (!f || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
        !(old = calloc((size_t)len + 1, 1)) || fread(old, 1, (size_t)len, f) != (size_t)len) {
        fprintf(stderr, "bench: cannot read %s\n", path);
        if (f)
            fclose(f);
        free(old);
        return -1;
    }
    fclose(f);
    b = strstr(old, begin);
    e = b ? strstr(b, end) : NULL;
    if (!e) {
        fprintf(stderr, "bench: %s has no %s ... %s part\n", path, begin, end);
        free(old);
        return -1;
    }
    f = fopen(path, "wb");
    if (!f) {
        free(old);
        return -1;
    }
    fwrite(old, 1, (size_t)(b - old) + strlen(begin), f);
    fprintf(f, "\n```\n%s```\n", text);
    fputs(e, f);
    free(old);
    return fclose(f) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    long sizes[MAX_SIZES] = {10000, 100000, 1000000};
    int nsizes = 3, runs = 3, keep = 0, with_default = 1, made_dir = 0, n = 0, compare;
    unsigned long long seed = 1;
    row rows[MAX_SIZES + 1];
    char prog[1200], *report = NULL;
    const char *md = NULL;
    size_t report_len = 0;
    FILE *o;
    double t0 = now();

    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--no-default") == 0) {
            with_default = 0;
            continue;
        }
        if (strcmp(argv[i], "--keep") == 0) {
            keep = 1;
            continue;
        }
        if (!v)
            return usage();
        i++;
        if (strcmp(argv[i - 1], "--build") == 0) {
            build = v;
        } else if (strcmp(argv[i - 1], "--runs") == 0) {
            runs = atoi(v);
            if (runs < 1 || runs > MAX_RUNS)
                return usage();
        } else if (strcmp(argv[i - 1], "--big-runs") == 0) {
            big_runs = atoi(v);
            if (big_runs < 1 || big_runs > MAX_RUNS)
                return usage();
        } else if (strcmp(argv[i - 1], "--md") == 0) {
            md = v;
        } else if (strcmp(argv[i - 1], "--seed") == 0) {
            seed = strtoull(v, NULL, 10);
        } else if (strcmp(argv[i - 1], "--dir") == 0) {
            snprintf(dir, sizeof dir, "%s", v);
        } else if (strcmp(argv[i - 1], "--sizes") == 0) {
            char *end;
            nsizes = 0;
            for (const char *s = v; *s && nsizes < MAX_SIZES; s = *end ? end + 1 : end) {
                sizes[nsizes] = strtol(s, &end, 10);
                if (end == s || sizes[nsizes] < 1 || sizes[nsizes] > 1000000)
                    return usage();
                nsizes++;
            }
        } else {
            return usage();
        }
    }
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/pulje-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(dir)) {
            perror("bench: mkdtemp");
            return 1;
        }
        made_dir = 1;
    }
    snprintf(prog, sizeof prog, "%s/pulje", build);
    compare = have_compare(prog);

    o = open_memstream(&report, &report_len);
    if (!o)
        return 1;
    print_machine(o);
    fprintf(o, "pulje: %s; pools from %s/genpool --count N --seed %llu, free money %d %% of "
               "2023's scaled\n", prog, build, seed, FREE_PCT);
    if (with_default)
        rows[n++] = (row){.n = DEFAULT_N, .is_default = 1};
    for (int i = 0; i < nsizes; i++)
        rows[n++] = (row){.n = sizes[i]};
    for (int i = 0; i < n; i++) {
        fprintf(stderr, "bench: %ld applications, %d runs ...\n", rows[i].n, runs);
        if (measure(&rows[i], runs, seed, compare) != 0) {
            cleanup(rows, n, made_dir);
            return 1;
        }
    }
    print_table(o, rows, n);
    print_targets(o, rows, n);
    fprintf(o, "\nbench took %.0f s\n", now() - t0);
    fclose(o);
    fputs(report, stdout);
    if (!keep)
        cleanup(rows, n, made_dir);
    if (md && write_md(md, report) != 0) {
        free(report);
        return 1;
    }
    free(report);
    return 0;
}
