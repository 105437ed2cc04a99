/* main.c - The pulje command line: a thin layer over the library.
 *
 * Reads the pool file and the applications it names, computes the grants,
 * verifies every invariant, and only then writes the workbook and the
 * decisions CSV. All problems are printed with file, line and column. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "apps.h"
#include "diag.h"
#include "digest.h"
#include "labels.h"
#include "money.h"
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
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c, first = 1;

    memset(o, 0, sizeof *o);
    o->command = "run";
    o->pool = DEFAULT_POOL;
    o->out = DEFAULT_OUT;
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

/* Make the output folder if it does not exist. */
static int ensure_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
    return mkdir(dir, 0777);
}

/* Write the workbook and the CSV. Returns an exit code. */
static int write_outputs(const options *o, const pool *p, const app_list *apps,
                         const alloc_result *r)
{
    char base[256], err[512], *xlsx, *csv;
    size_t len;

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
    if (report_write_workbook(xlsx, p, apps, r, err, sizeof err) != 0) {
        fprintf(stderr, "pulje: could not write %s: %s\n", xlsx, err);
        free(xlsx);
        free(csv);
        return EXIT_WRITE;
    }
    if (report_write_csv(csv, p, apps, r, err, sizeof err) != 0) {
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
    digest_list dg = {NULL, 0};
    char *path = NULL;
    int rc = parse_args(argc, argv, &o);

    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    memset(&p, 0, sizeof p);
    memset(&apps, 0, sizeof apps);
    memset(&r, 0, sizeof r);
    diag_init(&dl);

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
    if (digest_inputs(o.pool, path, &p, &dg) != 0) {
        rc = EXIT_INPUT;
        goto done;
    }
    p.inputs = &dg;
    if (strcmp(o.command, "check") == 0) {
        if (!o.quiet) {
            printf("%s, %s: %zu applications, no problems found\n", o.pool, path, apps.n);
            print_digests(&dg);
        }
        rc = EXIT_OK;
        goto done;
    }
    if (alloc_run(&p, &apps, o.closed_form ? ALLOC_CLOSED_FORM : ALLOC_MODEL, &r, &dl) != 0) {
        rc = dl.oom ? EXIT_FAULT : EXIT_INPUT;
        goto done;
    }
    if (verify_result(&p, &apps, &r, !o.closed_form, &dl) != 0) {
        fprintf(stderr, "pulje: the result failed its checks; nothing was written\n");
        rc = EXIT_VERIFY;
        goto done;
    }
    if (!o.quiet) {
        print_summary(&p, &r);
        print_digests(&dg);
    }
    rc = write_outputs(&o, &p, &apps, &r);

done:
    print_diags(&dl);
    diag_free(&dl);
    alloc_free(&r);
    apps_free(&apps);
    pool_free(&p);
    digest_list_free(&dg);
    free(path);
    return rc;
}
