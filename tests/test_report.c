/* test_report.c - The workbook and its summary sheet, the decisions CSV, atomic writes, the labels.
 *
 * The allocation is made by hand (pool.c, apps.c and alloc.c are not used):
 * a pool of 660.000 kr. with 250.000 reserved and 50.000 earmarked leaves
 * 360.000 for five applications. One is refused; the claims above 50.000 kr.
 * are cut by 11/14 and rounded down to 100 kr., which leaves 200 kr. over.
 * The workbooks are read back with tests/xlsx_dump.py (openpyxl); the
 * summary sheet's chart with Python's zipfile. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "apps.h"
#include "atomic.h"
#include "labels.h"
#include "pool.h"
#include "report.h"

#define PYTHON "/usr/bin/python3"

typedef struct fixture {
    pool p;
    pool_line budget[3], reservations[2], earmarks[1];
    app a[5];
    app_list apps;
    alloc_line lines[5];
    alloc_result r;
    char dir[64];
    char path[128];
} fixture;

static void set_app(app *a, char *nr, char *cvr, char *association, char *activity,
                    pulje_kr applied, pulje_kr assessed, char *refusal)
{
    memset(a, 0, sizeof *a);
    a->nr = nr;
    a->cvr = cvr;
    a->association = association;
    a->activity = activity;
    a->applied = applied;
    a->assessed = assessed;
    a->assessed_given = true;
    a->refusal = refusal;
    a->years = 1;
    a->active_years = -1;
}

static void set_line(alloc_line *l, pulje_kr claim, pulje_kr grant, bool refused)
{
    l->claim = claim;
    l->grant = grant;
    l->reduction = claim - grant;
    l->refused = refused;
    l->reduced = !refused && grant < claim;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);

    if (!f)
        return -1;
    f->p.file = "pulje-test.ini";
    f->p.name = "§ 18-Hovedpuljen";
    f->p.committee = "Beskæftigelses- og Socialudvalget";
    f->p.year = 2023;
    f->p.decision_date = "2022-12-13";
    f->budget[0] = (pool_line){"Frie midler afsat til § 18-Hovedpuljen, Budget 2023", 600000, 1};
    f->budget[1] = (pool_line){"Midler til mental trivsel 12-25 år", 50000, 2};
    f->budget[2] = (pool_line){"Ubrugte midler i Udviklingspuljen 2022 og før", 10000, 3};
    f->reservations[0] = (pool_line){
        "Reserveret allerede bevilgede flerårige tilskud fra Hovedpuljen 2022", 150000, 4};
    f->reservations[1] =
        (pool_line){"Reserveret til Driftsaftale Frivilligcenter Odense 2022-2024", 100000, 5};
    f->earmarks[0] = (pool_line){"Midler til mental trivsel 12-25 år", 50000, 6};
    f->p.budget = f->budget;
    f->p.n_budget = 3;
    f->p.reservations = f->reservations;
    f->p.n_reservations = 2;
    f->p.earmarks = f->earmarks;
    f->p.n_earmarks = 1;
    f->p.rule.kind = RULE_THRESHOLD;
    f->p.rule.threshold = 50000;
    f->p.rounding = 100;
    f->p.residual_label = "Restmidler overføres til Udviklingspuljen 2023";

    set_app(&f->a[0], "1", "11111111", "Foreningen Aa", "Lektiecafé", 40000, 30000, "");
    set_app(&f->a[1], "2", "22222222", "Natteravnene Odense",
            "Natlig tryghedsvandring; weekender", 150000, 120000, "");
    set_app(&f->a[2], "3", "", "=HYPERLINK(\"http://x\",\"y\")", "Mentorordning", 250000,
            200000, "");
    set_app(&f->a[3], "4", "44444444", "Foreningen Ø", "Café", 60000, 0,
            "Ligger uden for formålet; ikke frivilligt socialt arbejde");
    set_app(&f->a[4], "A5", "55555555", "Frivilligcenter Æblehaven", "-Samtalegruppe", 100000,
            100000, "");
    f->apps.file = "ansoegninger-test.csv";
    f->apps.v = f->a;
    f->apps.n = 5;

    /* 360.000 available; 30.000 protected; 330.000 / 420.000 = 11/14 for the rest. */
    set_line(&f->lines[0], 30000, 30000, false);
    set_line(&f->lines[1], 120000, 94200, false);  /* 94.285,7 rounded down to 100 */
    set_line(&f->lines[2], 200000, 157100, false); /* 157.142,9 */
    set_line(&f->lines[3], 0, 0, true);
    set_line(&f->lines[4], 100000, 78500, false);  /* 78.571,4 */
    f->r.n = 5;
    f->r.lines = f->lines;
    f->r.budget_total = 660000;
    f->r.reserved_total = 250000;
    f->r.earmarked_total = 50000;
    f->r.available = 360000;
    f->r.applied_total = 600000;
    f->r.assessed_total = 450000;
    f->r.protected_total = 30000;
    f->r.reducible_total = 420000;
    f->r.granted_total = 359800;
    f->r.residual = 200;
    f->r.factor_num = 11;
    f->r.factor_den = 14;
    f->r.rationed = true;
    f->r.n_granted = 4;
    f->r.n_reduced = 3;
    f->r.n_refused = 1;
    f->r.method = ALLOC_CLOSED_FORM;

    strcpy(f->dir, "/tmp/pulje-test-report-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/out.xlsx", f->dir);
    *state = f;
    return 0;
}

/* Remove the test folder and everything in it. */
static int teardown(void **state)
{
    fixture *f = *state;
    DIR *d = opendir(f->dir);
    struct dirent *e;
    char path[512];

    if (d) {
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(f->dir);
    free(f);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                    */

/* The names in a folder, sorted, joined by '|' ("" if empty). */
static void list_dir(const char *dir, char *buf, size_t size)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    size_t o = 0;

    buf[0] = '\0';
    assert_true(n >= 0);
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0)
            o += (size_t)snprintf(buf + o, o < size ? size - o : 0, "%s%s", o ? "|" : "",
                                  names[i]->d_name);
        free(names[i]);
    }
    free(names);
}

/* A whole file into a malloc'ed buffer (NUL-terminated); NULL if unreadable. */
static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;

    if (!fp)
        return NULL;
    do {
        if (n + 4096 + 1 > cap) {
            char *grown = realloc(buf, cap = (n + 4096 + 1) * 2);
            assert_non_null(grown);
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
    } while (got > 0);
    fclose(fp);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fputs(text, fp) >= 0, 1);
    assert_int_equal(fclose(fp), 0);
}

/* Where the dump script is: $XLSX_DUMP, or tests/ from the source root or build dir. */
static const char *dump_script(void)
{
    static const char *const candidates[] = {"tests/xlsx_dump.py", "../tests/xlsx_dump.py"};
    const char *env = getenv("XLSX_DUMP");

    if (env && access(env, R_OK) == 0)
        return env;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        if (access(candidates[i], R_OK) == 0)
            return candidates[i];
    }
    return NULL;
}

/* The dump of a workbook, starting with "\n" so every line is "\n...\n". */
static char *dump_xlsx(const char *xlsx)
{
    const char *script = dump_script();
    char cmd[1024];
    FILE *pp;
    char *buf;
    size_t cap = 1 << 16, n = 1, got;

    assert_non_null(script);
    snprintf(cmd, sizeof cmd, "%s '%s' '%s'", PYTHON, script, xlsx);
    pp = popen(cmd, "r");
    assert_non_null(pp);
    buf = malloc(cap);
    assert_non_null(buf);
    buf[0] = '\n';
    while ((got = fread(buf + n, 1, cap - n - 1, pp)) > 0) {
        n += got;
        if (n + 1 >= cap) {
            char *grown = realloc(buf, cap *= 2);
            assert_non_null(grown);
            buf = grown;
        }
    }
    buf[n] = '\0';
    assert_int_equal(pclose(pp), 0);
    return buf;
}

/* Fail unless the dump has exactly this line. */
static void expect_line_at(const char *dump, const char *line, const char *file, int at)
{
    size_t n = strlen(line);
    char *want = malloc(n + 3);

    assert_non_null(want);
    want[0] = '\n';
    memcpy(want + 1, line, n);
    want[n + 1] = '\n';
    want[n + 2] = '\0';
    if (!strstr(dump, want)) {
        print_error("%s:%d: missing line:\n  %s\n", file, at, line);
        fprintf(stderr, "in the dump:%s", dump); /* print_error() would truncate it */
        free(want);
        _fail(file, at);
    }
    free(want);
}
#define expect_line(dump, line) expect_line_at((dump), (line), __FILE__, __LINE__)

/* Fail if the dump has a line that starts with prefix. */
static void expect_no_line_starting_at(const char *dump, const char *prefix, const char *file,
                                       int at)
{
    size_t n = strlen(prefix);
    char *want = malloc(n + 2);

    assert_non_null(want);
    want[0] = '\n';
    memcpy(want + 1, prefix, n + 1);
    if (strstr(dump, want)) {
        print_error("%s:%d: unexpected line starting:\n  %s\n", file, at, prefix);
        free(want);
        _fail(file, at);
    }
    free(want);
}
/* Fail unless the dump has a line "<prefix><number>\t<formula>" with the
 * number within tolerance of want. */
static void expect_number_at(const char *dump, const char *prefix, double want, double tol,
                             const char *formula, const char *file, int at)
{
    size_t n = strlen(prefix);
    const char *hit = dump;
    char *end;
    double got;

    while ((hit = strstr(hit, prefix)) != NULL && hit[-1] != '\n')
        hit++;
    if (!hit) {
        print_error("%s:%d: no line starting \"%s\"\n", file, at, prefix);
        _fail(file, at);
        return;
    }
    got = strtod(hit + n, &end);
    if (end == hit + n || *end != '\t' || got < want - tol || got > want + tol ||
        strncmp(end + 1, formula, strlen(formula)) != 0 || end[1 + strlen(formula)] != '\n') {
        print_error("%s:%d: line \"%.*s\": want %.17g (+-%g) and formula %s\n", file, at,
                    (int)(strchr(hit, '\n') - hit), hit, want, tol, formula);
        _fail(file, at);
    }
}
#define expect_number(dump, prefix, want, tol, formula) \
    expect_number_at((dump), (prefix), (want), (tol), (formula), __FILE__, __LINE__)

#define expect_no_line_starting(dump, prefix) \
    expect_no_line_starting_at((dump), (prefix), __FILE__, __LINE__)

static void write_workbook_ok(fixture *f, const char *path)
{
    char err[256] = "";
    int rc = report_write_workbook(path, &f->p, &f->apps, &f->r, err, sizeof err);
    if (rc != 0)
        print_error("report_write_workbook: %s\n", err);
    assert_int_equal(rc, 0);
}

static void write_csv_ok(fixture *f, const char *path)
{
    char err[256] = "";
    int rc = report_write_csv(path, &f->p, &f->apps, &f->r, err, sizeof err);
    if (rc != 0)
        print_error("report_write_csv: %s\n", err);
    assert_int_equal(rc, 0);
}

/* ------------------------------------------------------------------------ */
/* Labels                                                                     */

static void test_every_label_has_text_and_the_arguments_it_declares(void **state)
{
    char conv[16];

    (void)state;
    for (int id = 0; id < L__COUNT; id++) {
        const char *t = label((label_id)id);
        assert_non_null(t);
        if (t[0] == '\0' || strcmp(t, "?") == 0)
            print_error("label %d has no text\n", id);
        assert_true(t[0] != '\0' && strcmp(t, "?") != 0);
        test_label_conversions(t, conv, sizeof conv);
        if (strcmp(conv, label_args((label_id)id)) != 0)
            print_error("label %d \"%s\": conversions \"%s\", declared \"%s\"\n", id, t, conv,
                        label_args((label_id)id));
        assert_string_equal(conv, label_args((label_id)id));
    }
}

static void test_labels_use_the_minutes_wording_and_units(void **state)
{
    char buf[256];

    (void)state;
    assert_string_equal(label(L_SHEET_ECONOMY), "Økonomi");
    assert_string_equal(label(L_SHEET_OVERVIEW), "Samlet oversigt");
    assert_string_equal(label(L_COL_APPLIED), "Ansøgt (kr.)");
    assert_string_equal(label(L_COL_ASSESSED), "Indstillet (kr.)");
    assert_string_equal(label(L_COL_REDUCTION_KR), "Reduktion (kr.)");
    assert_string_equal(label(L_COL_REDUCTION_PCT), "Reduktion (%)");
    assert_string_equal(label(L_COL_GRANT), "Indstillet tilskud (kr.)");
    assert_string_equal(label(L_TOTAL), "I alt");
    assert_string_equal(label(L_SUM_AVAILABLE), "Til rådighed for nye tilskud");
    label_format(buf, sizeof buf, L_ECON_BUDGET_TOTAL, "§ 18-Hovedpuljen", 2023);
    assert_string_equal(buf, "Samlet rådighedsbeløb til § 18-Hovedpuljen 2023");
    label_format(buf, sizeof buf, L_ECON_RECOMMENDED, "§ 18-Hovedpuljen", 2023);
    assert_string_equal(buf, "§ 18-Hovedpuljen 2023 indstillet");
    label_format(buf, sizeof buf, L_ECON_TITLE, "§ 18-Hovedpuljen");
    assert_string_equal(buf, "§ 18-Hovedpuljen Budget");
    label_format(buf, sizeof buf, L_OVERVIEW_TITLE, "§ 18-Hovedpuljen", 2023);
    assert_string_equal(buf, "Bilag 1 - Samlet oversigt over § 18-Hovedpuljen 2023");
}

static void test_label_format_fills_blanks_and_truncates_like_snprintf(void **state)
{
    char buf[64], small[12];

    (void)state;
    assert_int_equal(label_format(buf, sizeof buf, L_COL_REDUCTION_PCT), 13);
    assert_string_equal(buf, "Reduktion (%)"); /* a '%' that is no blank stays */
    assert_int_equal(label_format(buf, sizeof buf, L_ECON_HEADING, "Pulje", -7), 19);
    assert_string_equal(buf, "Økonomi - Pulje -7");
    assert_int_equal(label_format(buf, sizeof buf, L_ECON_TITLE, NULL), 7);
    assert_string_equal(buf, " Budget");
    /* the full length comes back; the text is cut, NUL-terminated */
    assert_int_equal(label_format(small, sizeof small, L_ECON_TITLE, "§ 18-Hovedpuljen"), 24);
    assert_string_equal(small, "§ 18-Hoved");
    assert_int_equal(label_format(NULL, 0, L_ECON_TITLE, "x"), 8);
    assert_int_equal(label_format(buf, sizeof buf, L__COUNT), -1);
    assert_string_equal(buf, "");
    assert_string_equal(label(L__COUNT), "?");
}

static void test_no_danish_literal_in_report_c_or_report_summary_c(void **state)
{
    static const char *const files[] = {"src/report.c", "src/report_summary.c"};

    (void)state;
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        char up[64];
        char *src = slurp(files[k], NULL);

        snprintf(up, sizeof up, "../%s", files[k]);
        if (!src)
            src = slurp(up, NULL);
        if (!src)
            skip();
        /* Danish text needs æ, ø, å or §: none of their UTF-8 bytes may appear. */
        for (const unsigned char *c = (const unsigned char *)src; *c; c++) {
            if (*c >= 0x80)
                print_error("non-ASCII byte in %s at offset %ld\n", files[k],
                            (long)(c - (const unsigned char *)src));
            assert_true(*c < 0x80);
        }
        free(src);
    }
}

/* ------------------------------------------------------------------------ */
/* report_basename                                                            */

static void test_basename_folds_the_pool_name_to_ascii(void **state)
{
    pool p;
    char buf[64];

    (void)state;
    memset(&p, 0, sizeof p);
    p.name = "§ 18-Hovedpuljen";
    p.year = 2023;
    assert_string_equal(report_basename(&p, buf, sizeof buf), "18-hovedpuljen-2023");
    p.name = "Ældre- og Handicapudvalgets § 18-pulje";
    p.year = 2024;
    assert_string_equal(report_basename(&p, buf, sizeof buf),
                        "aeldre-og-handicapudvalgets-18-pulje-2024");
    p.name = "  Børn & Unge: Åben   Sø  ";
    assert_string_equal(report_basename(&p, buf, sizeof buf), "boern-unge-aaben-soe-2024");
    p.name = "§§ --";
    assert_string_equal(report_basename(&p, buf, sizeof buf), "pulje-2024");
    p.name = NULL;
    assert_string_equal(report_basename(&p, buf, sizeof buf), "pulje-2024");
    p.name = "Hovedpuljen";
    assert_string_equal(report_basename(&p, buf, 8), "hovedpu");
}

/* ------------------------------------------------------------------------ */
/* atomic.c                                                                   */

static void test_atomic_commit_replaces_the_file_and_leaves_no_temp(void **state)
{
    fixture *f = *state;
    atomic_file af;
    char path[256], names[512], *got;

    snprintf(path, sizeof path, "%s/a.txt", f->dir);
    write_file(path, "old\n");
    assert_int_equal(atomic_begin(&af, path, 1), 0);
    assert_non_null(af.fp);
    assert_non_null(strstr(af.tmp_path, "/.a.txt."));
    assert_true(fputs("new\n", af.fp) >= 0);
    got = slurp(path, NULL);
    assert_string_equal(got, "old\n"); /* not visible before the commit */
    free(got);
    assert_int_equal(atomic_commit(&af), 0);
    assert_int_equal(af.renamed, 1);
    got = slurp(path, NULL);
    assert_string_equal(got, "new\n");
    free(got);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "a.txt");
    atomic_abort(&af); /* harmless after a commit */
    got = slurp(path, NULL);
    assert_string_equal(got, "new\n");
    free(got);
}

static void test_atomic_abort_keeps_the_old_content(void **state)
{
    fixture *f = *state;
    atomic_file af;
    char path[256], names[512], *got;

    snprintf(path, sizeof path, "%s/a.txt", f->dir);
    write_file(path, "old\n");
    assert_int_equal(atomic_begin(&af, path, 1), 0);
    assert_true(fputs("half a fi", af.fp) >= 0);
    errno = 1234;
    atomic_abort(&af);
    assert_int_equal(errno, 1234);
    atomic_abort(&af); /* twice is safe */
    got = slurp(path, NULL);
    assert_string_equal(got, "old\n");
    free(got);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "a.txt");
}

static void test_atomic_by_name_for_libraries_that_open_the_file(void **state)
{
    fixture *f = *state;
    atomic_file af;
    char path[256], names[512], *got;
    FILE *fp;
    struct stat st;
    mode_t mask = umask(022);

    snprintf(path, sizeof path, "%s/b.txt", f->dir);
    assert_int_equal(atomic_begin(&af, path, 0), 0);
    assert_null(af.fp);
    fp = fopen(af.tmp_path, "wb");
    assert_non_null(fp);
    assert_true(fputs("by name\n", fp) >= 0);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(atomic_commit(&af), 0);
    got = slurp(path, NULL);
    assert_string_equal(got, "by name\n");
    free(got);
    /* a new file gets 0666 less the umask, not mkstemp's 0600 */
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    umask(mask);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "b.txt");
}

static void test_atomic_keeps_the_permissions_of_the_file_it_replaces(void **state)
{
    fixture *f = *state;
    atomic_file af;
    char path[256];
    struct stat st;

    snprintf(path, sizeof path, "%s/c.txt", f->dir);
    write_file(path, "old\n");
    assert_int_equal(chmod(path, 0640), 0);
    assert_int_equal(atomic_begin(&af, path, 1), 0);
    assert_true(fputs("new\n", af.fp) >= 0);
    assert_int_equal(atomic_commit(&af), 0);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
}

static void test_atomic_begin_in_a_missing_folder_fails_with_errno(void **state)
{
    fixture *f = *state;
    atomic_file af;
    char path[256], names[512];

    snprintf(path, sizeof path, "%s/nope/a.txt", f->dir);
    errno = 0;
    assert_int_equal(atomic_begin(&af, path, 1), -1);
    assert_int_equal(errno, ENOENT);
    assert_null(af.tmp_path);
    assert_null(af.fp);
    atomic_abort(&af);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "");
    assert_int_equal(atomic_begin(&af, "", 1), -1);
    assert_int_equal(errno, EINVAL);
}

/* A file size limit makes writes fail as on a full disk (EFBIG). Restore
 * it with restore_file_size() before any assertion: a failed assertion
 * jumps out of the test, and the limit would break every later test. */
static struct rlimit limit_file_size(rlim_t bytes)
{
    struct rlimit old, lim;

    signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    lim = old;
    lim.rlim_cur = bytes;
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    return old;
}

static void restore_file_size(const struct rlimit *old)
{
    if (setrlimit(RLIMIT_FSIZE, old) != 0)
        abort(); /* every later test would fail in confusing ways */
}

static void test_atomic_commit_that_cannot_write_keeps_the_old_file(void **state)
{
    fixture *f = *state;
    atomic_file af;
    char path[256], names[512], *got, text[1000];
    struct rlimit old;
    int rc, e;

    snprintf(path, sizeof path, "%s/a.txt", f->dir);
    write_file(path, "old\n");
    memset(text, 'x', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    assert_int_equal(atomic_begin(&af, path, 1), 0);
    assert_true(fputs(text, af.fp) >= 0); /* still in the stdio buffer */
    old = limit_file_size(100);
    errno = 0;
    rc = atomic_commit(&af); /* the flush fails */
    e = errno;
    restore_file_size(&old);
    assert_int_equal(rc, -1);
    assert_int_equal(e, EFBIG);
    assert_int_equal(af.renamed, 0);
    got = slurp(path, NULL);
    assert_string_equal(got, "old\n");
    free(got);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "a.txt");
}

/* ------------------------------------------------------------------------ */
/* The workbook                                                               */

static void test_workbook_economy_table_balances_with_formulas_and_cached_values(void **state)
{
    fixture *f = *state;
    char *d;

    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "Økonomi\tA1\tØkonomi - § 18-Hovedpuljen 2023\t");
    expect_line(d, "Økonomi\tA3\t§ 18-Hovedpuljen Budget\t");
    expect_line(d, "Økonomi\tB3\t(Kr.)\t");
    expect_line(d, "Økonomi\tA4\tFrie midler afsat til § 18-Hovedpuljen, Budget 2023\t");
    expect_line(d, "Økonomi\tB4\t600000\t");
    expect_line(d, "Økonomi\tA5\tMidler til mental trivsel 12-25 år\t");
    expect_line(d, "Økonomi\tB5\t50000\t");
    expect_line(d, "Økonomi\tA6\tUbrugte midler i Udviklingspuljen 2022 og før\t");
    expect_line(d, "Økonomi\tB6\t10000\t");
    expect_line(d, "Økonomi\tA7\tSamlet rådighedsbeløb til § 18-Hovedpuljen 2023\t");
    expect_line(d, "Økonomi\tB7\t660000\t=SUM(B4:B6)");
    expect_line(d, "Økonomi\tA8\tReserveret allerede bevilgede flerårige tilskud fra "
                   "Hovedpuljen 2022\t");
    expect_line(d, "Økonomi\tB8\t150000\t");
    expect_line(d, "Økonomi\tB9\t100000\t");
    expect_line(d, "Økonomi\tA10\tIndstillede tilskud fra § 18-Hovedpuljen 2023 i alt\t");
    expect_line(d, "Økonomi\tB10\t359800\t='Samlet oversigt'!H9");
    expect_line(d, "Økonomi\tA11\tMidler til mental trivsel 12-25 år\t");
    expect_line(d, "Økonomi\tB11\t50000\t");
    expect_line(d, "Økonomi\tA12\tRestmidler overføres til Udviklingspuljen 2023\t");
    expect_line(d, "Økonomi\tB12\t200\t");
    expect_line(d, "Økonomi\tA13\t§ 18-Hovedpuljen 2023 indstillet\t");
    expect_line(d, "Økonomi\tB13\t660000\t=SUM(B8:B12)");
    expect_line(d, "Økonomi\tA14\tKontrol: difference (skal være 0)\t");
    expect_line(d, "Økonomi\tB14\t0\t=B7-B13");
    expect_line(d, "style\tØkonomi\tA7\t\tbold");
    expect_line(d, "style\tØkonomi\tB7\t#,##0\tbold");
    expect_line(d, "style\tØkonomi\tB13\t#,##0\tbold");
    expect_line(d, "style\tØkonomi\tB4\t#,##0\t");
    free(d);
}

static void test_workbook_key_figures(void **state)
{
    fixture *f = *state;
    char *d;

    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "Økonomi\tA16\tNøgletal\t");
    expect_line(d, "Økonomi\tA17\tRegel\t");
    /* the rule's words under its label, wrapped in the wide column */
    expect_line(d, "Økonomi\tA18\tForholdsmæssig reduktion af alle indstillede beløb på "
                   "mere end 50.000 kr.\t");
    expect_line(d, "Økonomi\tA19\tAfrundingsenhed (kr.)\t");
    expect_line(d, "Økonomi\tB19\t100\t");
    /* the key figures from keyfigures.c that Økonomi shows, in the table's order */
    expect_line(d, "Økonomi\tA20\tTil rådighed for nye tilskud (kr.)\t");
    expect_line(d, "Økonomi\tB20\t360000\t");
    expect_line(d, "Økonomi\tA21\tAntal ansøgninger\t");
    expect_line(d, "Økonomi\tB21\t5\t");
    expect_line(d, "Økonomi\tA22\tAnsøgt i alt (kr.)\t");
    expect_line(d, "Økonomi\tB22\t600000\t");
    expect_line(d, "Økonomi\tA23\tIndstillet i alt før reduktion (kr.)\t");
    expect_line(d, "Økonomi\tB23\t450000\t");
    expect_line(d, "Økonomi\tA24\tAntal tilskud\t");
    expect_line(d, "Økonomi\tB24\t4\t");
    expect_line(d, "Økonomi\tA25\tHeraf reduceret\t");
    expect_line(d, "Økonomi\tB25\t3\t");
    expect_line(d, "Økonomi\tA26\tAntal afslag\t");
    expect_line(d, "Økonomi\tB26\t1\t");
    expect_line(d, "Økonomi\tA27\tReduktionsfaktor\t");
    expect_line(d, "Økonomi\tB27\t0.7857142857142857\t"); /* 11/14, a number cell */
    expect_line(d, "style\tØkonomi\tB27\t0.0000\t");
    expect_line(d, "Økonomi\tA28\tTildelt / indstillet\t");
    expect_line(d, "Økonomi\tB28\t0.7995555555555556\t"); /* 359.800 / 450.000 */
    expect_line(d, "style\tØkonomi\tB28\t0.0000\t");
    expect_line(d, "Økonomi\tA29\tBeslutningsdato\t");
    expect_line(d, "Økonomi\tB29\t2022-12-13T00:00:00\t");
    expect_no_line_starting(d, "Økonomi\tA30\t");
    expect_line(d, "layout\tØkonomi\torientation\tportrait");
    expect_line(d, "layout\tØkonomi\tpaper\t9");
    expect_line(d, "layout\tØkonomi\tfit_width\t1");
    expect_line(d, "layout\tØkonomi\tfit_height\t0");
    free(d);
}

static void test_workbook_overview_rows_and_totals(void **state)
{
    fixture *f = *state;
    char *d;

    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "Samlet oversigt\tA1\tBilag 1 - Samlet oversigt over § 18-Hovedpuljen "
                   "2023\t");
    expect_line(d, "Samlet oversigt\tA3\tNr\t");
    expect_line(d, "Samlet oversigt\tB3\tForening\t");
    expect_line(d, "Samlet oversigt\tC3\tIndsats\t");
    expect_line(d, "Samlet oversigt\tD3\tAnsøgt (kr.)\t");
    expect_line(d, "Samlet oversigt\tE3\tIndstillet (kr.)\t");
    expect_line(d, "Samlet oversigt\tF3\tReduktion (kr.)\t");
    expect_line(d, "Samlet oversigt\tG3\tReduktion (%)\t");
    expect_line(d, "Samlet oversigt\tH3\tIndstillet tilskud (kr.)\t");
    expect_line(d, "Samlet oversigt\tI3\tAntal år (søgt)\t");
    expect_line(d, "Samlet oversigt\tJ3\tAntal år (bevilget)\t");
    expect_line(d, "Samlet oversigt\tK3\t2023 (kr.)\t");
    expect_line(d, "Samlet oversigt\tL3\t2024 (kr.)\t");
    expect_line(d, "Samlet oversigt\tM3\t2025 (kr.)\t");
    expect_line(d, "Samlet oversigt\tN3\tFlerårig: bemærkning\t");
    expect_line(d, "Samlet oversigt\tO3\tAfslag/begrundelse\t");
    /* a protected claim: paid in full */
    expect_line(d, "Samlet oversigt\tA4\t1\t");
    expect_line(d, "Samlet oversigt\tB4\tForeningen Aa\t");
    expect_line(d, "Samlet oversigt\tD4\t40000\t");
    expect_line(d, "Samlet oversigt\tE4\t30000\t");
    expect_line(d, "Samlet oversigt\tF4\t0\t=E4-H4");
    expect_line(d, "Samlet oversigt\tG4\t0\t=IF(E4=0,0,F4/E4)");
    expect_line(d, "Samlet oversigt\tH4\t30000\t");
    /* reduced claims */
    expect_line(d, "Samlet oversigt\tF5\t25800\t=E5-H5");
    expect_line(d, "Samlet oversigt\tG5\t0.215\t=IF(E5=0,0,F5/E5)");
    expect_line(d, "Samlet oversigt\tH5\t94200\t");
    expect_line(d, "Samlet oversigt\tF6\t42900\t=E6-H6");
    expect_line(d, "Samlet oversigt\tG6\t0.2145\t=IF(E6=0,0,F6/E6)");
    expect_line(d, "style\tSamlet oversigt\tG6\t0.0 %\t");
    expect_line(d, "style\tSamlet oversigt\tH6\t#,##0\t");
    /* the refusal: nothing assessed, nothing granted, the reason shown */
    expect_line(d, "Samlet oversigt\tE7\t0\t");
    expect_line(d, "Samlet oversigt\tF7\t0\t=E7-H7");
    expect_line(d, "Samlet oversigt\tG7\t0\t=IF(E7=0,0,F7/E7)");
    expect_line(d, "Samlet oversigt\tH7\t0\t");
    expect_line(d, "Samlet oversigt\tO7\tLigger uden for formålet; ikke frivilligt socialt "
                   "arbejde\t");
    /* a number that is not all digits stays text */
    expect_line(d, "Samlet oversigt\tA8\tA5\t");
    expect_line(d, "Samlet oversigt\tC8\t-Samtalegruppe\t");
    /* I alt: exact sums */
    expect_line(d, "Samlet oversigt\tA9\tI alt\t");
    expect_line(d, "Samlet oversigt\tD9\t600000\t=SUM(D4:D8)");
    expect_line(d, "Samlet oversigt\tE9\t450000\t=SUM(E4:E8)");
    expect_line(d, "Samlet oversigt\tF9\t90200\t=SUM(F4:F8)");
    expect_line(d, "Samlet oversigt\tH9\t359800\t=SUM(H4:H8)");
    /* 90.200 / 450.000: libxlsxwriter stores cached values with 16 significant
     * digits, so the last bit may differ from the double Excel computes */
    expect_number(d, "Samlet oversigt\tG9\t", 90200.0 / 450000.0, 1e-15,
                  "=IF(E9=0,0,F9/E9)");
    expect_line(d, "style\tSamlet oversigt\tA9\t\tbold");
    expect_line(d, "style\tSamlet oversigt\tH9\t#,##0\tbold");
    expect_line(d, "style\tSamlet oversigt\tA3\t\tbold");
    expect_no_line_starting(d, "Samlet oversigt\tA10\t");
    free(d);
}

static void test_workbook_applicant_text_that_looks_like_a_formula_is_a_string(void **state)
{
    fixture *f = *state;
    char *d;

    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    /* value is the text itself, the formula column empty */
    expect_line(d, "Samlet oversigt\tB6\t=HYPERLINK(\"http://x\",\"y\")\t");
    free(d);
}

static void test_workbook_sheets_properties_and_layout(void **state)
{
    fixture *f = *state;
    char *d;

    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "sheet\t0\tResumé");
    expect_line(d, "sheet\t1\tØkonomi");
    expect_line(d, "sheet\t2\tSamlet oversigt");
    expect_line(d, "sheet\t3\tFlerårige");
    expect_no_line_starting(d, "sheet\t4\t");
    expect_line(d, "prop\ttitle\tIndstilling: § 18-Hovedpuljen 2023");
    expect_line(d, "prop\tsubject\tIndstilling til Beskæftigelses- og Socialudvalget");
    expect_line(d, "prop\tcreator\tpulje");
    expect_line(d, "prop\tcreated\t2022-12-13T12:00:00");
    expect_line(d, "layout\tSamlet oversigt\tfreeze\tA4");
    expect_line(d, "layout\tSamlet oversigt\tautofilter\tA3:O8");
    expect_line(d, "layout\tSamlet oversigt\torientation\tlandscape");
    expect_line(d, "layout\tSamlet oversigt\tpaper\t9"); /* A4, in two page groups */
    expect_line(d, "layout\tSamlet oversigt\tprint_titles\t$3:$3");
    expect_line(d, "layout\tSamlet oversigt\theader\t§ 18-Hovedpuljen 2023");
    expect_line(d, "layout\tSamlet oversigt\tfooter\t"); /* left: the sheet, right: Side n af m */
    free(d);
}

static void test_workbook_written_twice_is_byte_identical(void **state)
{
    fixture *f = *state;
    char second[160];
    char *a, *b;
    size_t na, nb;
    const char *tz = getenv("TZ");
    char *saved = tz ? strdup(tz) : NULL;

    snprintf(second, sizeof second, "%s/second.xlsx", f->dir);
    write_workbook_ok(f, f->path);
    sleep(1); /* another second on the clock */
    setenv("TZ", "XYZ-14", 1); /* and a time zone 14 hours east of UTC */
    tzset();
    write_workbook_ok(f, second);
    if (saved) {
        setenv("TZ", saved, 1);
        free(saved);
    } else {
        unsetenv("TZ");
    }
    tzset();
    a = slurp(f->path, &na);
    b = slurp(second, &nb);
    assert_non_null(a);
    assert_non_null(b);
    assert_true(na > 1000);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    free(a);
    free(b);
}

static void test_workbook_into_a_missing_folder_fails_and_says_why(void **state)
{
    fixture *f = *state;
    char path[256], err[256] = "", names[512];

    snprintf(path, sizeof path, "%s/nope/out.xlsx", f->dir);
    assert_int_equal(report_write_workbook(path, &f->p, &f->apps, &f->r, err, sizeof err), -1);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "No such file or directory"));
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "");
}

static void test_workbook_that_fails_midway_leaves_the_old_file(void **state)
{
    fixture *f = *state;
    char err[256] = "", names[512], *got;
    char *huge = malloc(40000);

    /* Excel's cells hold at most 32.767 characters: the write fails at B5. */
    assert_non_null(huge);
    memset(huge, 'x', 39999);
    huge[39999] = '\0';
    f->a[1].association = huge;
    write_file(f->path, "old workbook\n");
    assert_int_equal(report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err),
                     -1);
    free(huge);
    assert_non_null(strstr(err, "celle B5"));
    assert_non_null(strstr(err, "Samlet oversigt"));
    assert_non_null(strstr(err, "32,767"));
    got = slurp(f->path, NULL);
    assert_string_equal(got, "old workbook\n");
    free(got);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "out.xlsx");
}

static void test_workbook_refuses_text_that_is_not_utf8(void **state)
{
    fixture *f = *state;
    char err[256] = "", names[512];

    f->a[2].activity = "Caf\xE9"; /* Windows-1252, not converted */
    f->a[2].line = 4;
    assert_int_equal(report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err),
                     -1);
    assert_string_equal(err, "ansoegninger-test.csv:4: ansøgning 3: aktiviteten er ikke "
                             "gyldig UTF-8");
    assert_int_equal(report_write_csv(f->path, &f->p, &f->apps, &f->r, err, sizeof err), -1);
    assert_non_null(strstr(err, "aktiviteten er ikke gyldig UTF-8"));
    /* the pool's labels are checked cell by cell */
    f->a[2].activity = "Café";
    f->budget[1].label = "Midler til mental trivsel 12-25 \xE5r";
    assert_int_equal(report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "celle A5 på arket 'Økonomi': teksten er ikke gyldig UTF-8"));
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "");
}

static void test_workbook_close_that_cannot_write_leaves_the_old_file(void **state)
{
    fixture *f = *state;
    char err[256] = "", names[512], *got;
    struct rlimit old;
    int rc;

    write_file(f->path, "old workbook\n");
    old = limit_file_size(1000);
    rc = report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err);
    restore_file_size(&old);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, "libxlsxwriter"));
    got = slurp(f->path, NULL);
    assert_string_equal(got, "old workbook\n");
    free(got);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "out.xlsx");
}

static void test_workbook_refuses_a_result_that_does_not_fit_the_applications(void **state)
{
    fixture *f = *state;
    char err[256] = "", names[512];

    f->r.n = 4;
    assert_int_equal(report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "4 linjer for 5 ansøgninger"));
    f->r.n = 5;
    f->r.granted_total += 1;
    assert_int_equal(report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "359800"));
    assert_int_equal(report_write_csv(f->path, &f->p, &f->apps, &f->r, err, sizeof err), -1);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "");
}

static void test_workbook_needs_a_real_decision_date(void **state)
{
    fixture *f = *state;
    char err[256] = "";

    f->p.decision_date = "2022-02-30";
    assert_int_equal(report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "decision_date '2022-02-30'"));
    f->p.decision_date = NULL;
    assert_int_equal(report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err),
                     -1);
    f->p.decision_date = "2024-02-29"; /* a leap day is fine */
    write_workbook_ok(f, f->path);
}

static void test_workbook_describes_the_rule_in_danish(void **state)
{
    fixture *f = *state;
    char err[256] = "";
    char *d;

    f->p.rule.kind = RULE_PROPORTIONAL;
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "Økonomi\tA18\tForholdsmæssig reduktion af alle indstillede beløb\t");
    free(d);
    f->p.rule.kind = RULE__COUNT; /* a rule without words is refused, not left blank */
    assert_int_equal(report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "ingen beskrivelse"));
}

static void test_workbook_without_applications_has_zero_totals(void **state)
{
    fixture *f = *state;
    char *d;

    f->apps.n = 0;
    f->r.n = 0;
    f->r.granted_total = 0;
    f->r.applied_total = 0;
    f->r.assessed_total = 0;
    f->r.n_granted = f->r.n_reduced = f->r.n_refused = 0;
    f->r.residual = 360000;
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "Samlet oversigt\tA4\tI alt\t");
    expect_line(d, "Samlet oversigt\tH4\t0\t");
    expect_line(d, "Økonomi\tB10\t0\t='Samlet oversigt'!H4");
    expect_line(d, "Økonomi\tB14\t0\t=B7-B13");
    expect_line(d, "Resumé\tB14\t0\t='Samlet oversigt'!H4");
    expect_line(d, "Resumé\tB38\t0\t=SUM(B32:B37)");
    expect_line(d, "Resumé\tE39\t0\t=E38-B14");
    /* nothing assessed, nothing reduced: no factor and no share of a 0 */
    expect_no_line_starting(d, "Resumé\tA24\t");
    free(d);
}

static void test_workbook_numbers_only_plain_digits_and_escapes_the_page_header(void **state)
{
    fixture *f = *state;
    char *d;

    f->a[0].nr = "007";  /* a number would lose the zeros */
    f->a[1].nr = "12345678901234567"; /* more digits than a double keeps exactly */
    f->p.name = "Børn & Unge";
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "Samlet oversigt\tA4\t007\t");
    expect_line(d, "Samlet oversigt\tA5\t12345678901234567\t");
    expect_line(d, "Samlet oversigt\tA6\t3\t");
    /* '&' starts a control code in page headers: doubled, Excel shows one */
    expect_line(d, "layout\tSamlet oversigt\theader\tBørn && Unge 2023");
    free(d);
}

static void test_workbook_check_row_shows_an_imbalance(void **state)
{
    fixture *f = *state;
    char *d;

    f->r.residual = 100; /* 100 kr. unaccounted for */
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "Økonomi\tB13\t659900\t=SUM(B8:B12)");
    expect_line(d, "Økonomi\tB14\t100\t=B7-B13");
    free(d);
}

/* ------------------------------------------------------------------------ */
/* The summary sheet (Resumé)                                                 */

/* The multi-year figures of the fixture: 660.000 kr. a year, earlier
 * commitments of 150.000 and 100.000 kr., a cap of 55 %. */
static void set_multiyear(fixture *f)
{
    for (int t = 0; t < MY_YEARS; t++) {
        f->r.my[t].year = 2023 + t;
        f->r.my[t].money = 660000;
        f->r.my[t].cap = 363000;
    }
    f->r.my[0].old = 150000;
    f->r.my[1].old = 100000;
    f->r.cap_bp = 5500;
}

static void test_summary_is_the_first_sheet_with_title_and_key_figures(void **state)
{
    fixture *f = *state;
    char *d;

    set_multiyear(f);
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "sheet\t0\tResumé");
    expect_line(d, "Resumé\tA1\tResumé - § 18-Hovedpuljen 2023\t");
    expect_line(d, "style\tResumé\tA1\t\tbold");
    expect_line(d, "Resumé\tA2\tUdvalg\t");
    expect_line(d, "Resumé\tB2\tBeskæftigelses- og Socialudvalget\t");
    expect_line(d, "Resumé\tA3\tMøde- og beslutningsdato\t");
    expect_line(d, "Resumé\tB3\t2022-12-13T00:00:00\t");
    expect_line(d, "style\tResumé\tB3\tdd-mm-yyyy\t");
    expect_line(d, "Resumé\tA4\tRegel\t");
    expect_line(d, "Resumé\tB4\tForholdsmæssig reduktion af alle indstillede beløb på mere "
                   "end 50.000 kr.\t");
    /* the key figures (keyfigures.c), grouped; first the money */
    expect_line(d, "Resumé\tA9\tMidler\t");
    expect_line(d, "style\tResumé\tA9\t\tbold");
    expect_line(d, "Resumé\tA10\tSamlet rådighedsbeløb (kr.)\t");
    expect_line(d, "Resumé\tB10\t660000\t");
    expect_line(d, "Resumé\tA11\tReserveret til tilsagn og aftaler (kr.)\t");
    expect_line(d, "Resumé\tB11\t250000\t");
    expect_line(d, "Resumé\tA12\tØremærkede midler (kr.)\t");
    expect_line(d, "Resumé\tB12\t50000\t");
    expect_line(d, "Resumé\tA13\tTil rådighed for nye tilskud (kr.)\t");
    expect_line(d, "Resumé\tB13\t360000\t=B10-B11-B12");
    expect_line(d, "style\tResumé\tB13\t#,##0\tbold");
    expect_line(d, "Resumé\tA14\tIndstillede tilskud i alt (kr.)\t");
    expect_line(d, "Resumé\tB14\t359800\t='Samlet oversigt'!H9");
    expect_line(d, "style\tResumé\tB14\t#,##0\t");
    /* no earmark sections: no supplement rows */
    expect_line(d, "Resumé\tA15\tRestmidler (kr.)\t");
    expect_line(d, "Resumé\tB15\t200\t");
    expect_no_line_starting(d, "Resumé\tA16\t");
    /* the applications, the totals from Bilag 1's I alt row */
    expect_line(d, "Resumé\tA17\tAnsøgninger\t");
    expect_line(d, "Resumé\tA18\tAntal ansøgninger\t");
    expect_line(d, "Resumé\tB18\t5\t");
    expect_line(d, "Resumé\tA19\tAnsøgt i alt (kr.)\t");
    expect_line(d, "Resumé\tB19\t600000\t='Samlet oversigt'!D9");
    expect_line(d, "Resumé\tA20\tIndstillet i alt før reduktion (kr.)\t");
    expect_line(d, "Resumé\tB20\t450000\t='Samlet oversigt'!E9");
    expect_line(d, "Resumé\tA21\tAntal tilskud\t");
    expect_line(d, "Resumé\tB21\t4\t");
    expect_line(d, "Resumé\tA22\tHeraf reduceret\t");
    expect_line(d, "Resumé\tB22\t3\t");
    expect_line(d, "Resumé\tA23\tAntal afslag\t");
    expect_line(d, "Resumé\tB23\t1\t");
    /* the factor 11/14; granted / assessed 359.800 / 450.000 as a formula */
    expect_line(d, "Resumé\tA24\tReduktionsfaktor\t");
    expect_number(d, "Resumé\tB24\t", 11.0 / 14.0, 1e-15, "");
    expect_line(d, "style\tResumé\tB24\t0.0000\t");
    expect_line(d, "Resumé\tA25\tTildelt / indstillet\t");
    expect_number(d, "Resumé\tB25\t", 359800.0 / 450000.0, 1e-15, "=IF(B20=0,0,B14/B20)");
    expect_line(d, "style\tResumé\tB25\t0.0000\t");
    /* the multi-year grants: asked for and honoured */
    expect_line(d, "Resumé\tA27\tFlerårige bevillinger\t");
    expect_line(d, "Resumé\tA28\tAnsøgt om flerårig bevilling\t");
    expect_line(d, "Resumé\tB28\t0\t");
    expect_line(d, "Resumé\tA29\tHeraf imødekommet\t");
    expect_line(d, "Resumé\tB29\t0\t");
    free(d);
}

static void test_summary_shows_the_multi_year_share_per_year_against_the_cap(void **state)
{
    fixture *f = *state;
    char *d;

    set_multiyear(f);
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "Resumé\tA31\tFlerårige tilsagn\t");
    expect_line(d, "Resumé\tB31\t2023\t");
    expect_line(d, "Resumé\tC31\t2024\t");
    expect_line(d, "Resumé\tD31\t2025\t");
    expect_line(d, "Resumé\tA32\tPuljens midler (kr.)\t");
    expect_line(d, "Resumé\tB32\t660000\t");
    expect_line(d, "Resumé\tA33\tBundet i flerårige tilsagn (kr.)\t");
    expect_line(d, "Resumé\tB33\t150000\t");
    expect_line(d, "Resumé\tC33\t100000\t");
    expect_line(d, "Resumé\tD33\t0\t");
    expect_line(d, "Resumé\tA34\tBundet andel (%)\t");
    expect_number(d, "Resumé\tB34\t", 150000.0 / 660000.0, 1e-15, "=IF(B32=0,0,B33/B32)");
    expect_number(d, "Resumé\tC34\t", 100000.0 / 660000.0, 1e-15, "=IF(C32=0,0,C33/C32)");
    expect_line(d, "Resumé\tD34\t0\t=IF(D32=0,0,D33/D32)");
    expect_line(d, "style\tResumé\tC34\t0.0 %\t");
    expect_line(d, "Resumé\tA35\tLoft (%)\t");
    expect_line(d, "Resumé\tB35\t0.55\t");
    expect_line(d, "Resumé\tD35\t0.55\t");
    free(d);
}

static void test_summary_bands_add_up_to_the_overview_totals(void **state)
{
    fixture *f = *state;
    char *d;

    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "Resumé\tA33\tAnsøgninger efter indstillet beløb\t");
    expect_line(d, "Resumé\tB33\tAntal\t");
    expect_line(d, "Resumé\tC33\tAnsøgt (kr.)\t");
    expect_line(d, "Resumé\tD33\tIndstillet (kr.)\t");
    expect_line(d, "Resumé\tE33\tIndstillet tilskud (kr.)\t");
    /* assessed 30.000; 100.000; 120.000 and 200.000; one refusal */
    expect_line(d, "Resumé\tA34\tOp til 25.000 kr.\t");
    expect_line(d, "Resumé\tB34\t0\t");
    expect_line(d, "Resumé\tE34\t0\t");
    expect_line(d, "Resumé\tA35\t25.001–50.000 kr.\t");
    expect_line(d, "Resumé\tB35\t1\t");
    expect_line(d, "Resumé\tC35\t40000\t");
    expect_line(d, "Resumé\tD35\t30000\t");
    expect_line(d, "Resumé\tE35\t30000\t");
    expect_line(d, "Resumé\tA36\t50.001–100.000 kr.\t");
    expect_line(d, "Resumé\tB36\t1\t");
    expect_line(d, "Resumé\tC36\t100000\t");
    expect_line(d, "Resumé\tD36\t100000\t");
    expect_line(d, "Resumé\tE36\t78500\t");
    expect_line(d, "Resumé\tA37\t100.001–250.000 kr.\t");
    expect_line(d, "Resumé\tB37\t2\t");
    expect_line(d, "Resumé\tC37\t400000\t");
    expect_line(d, "Resumé\tD37\t320000\t");
    expect_line(d, "Resumé\tE37\t251300\t");
    expect_line(d, "Resumé\tA38\tOver 250.000 kr.\t");
    expect_line(d, "Resumé\tB38\t0\t");
    expect_line(d, "Resumé\tA39\tAfslag (indstillet 0 kr.)\t");
    expect_line(d, "Resumé\tB39\t1\t");
    expect_line(d, "Resumé\tC39\t60000\t");
    expect_line(d, "Resumé\tD39\t0\t");
    expect_line(d, "Resumé\tE39\t0\t");
    expect_line(d, "style\tResumé\tC36\t#,##0\t");
    /* I alt: SUM formulas whose values are the overview's totals */
    expect_line(d, "Resumé\tA40\tI alt\t");
    expect_line(d, "Resumé\tB40\t5\t=SUM(B34:B39)");
    expect_line(d, "Resumé\tC40\t600000\t=SUM(C34:C39)");
    expect_line(d, "Resumé\tD40\t450000\t=SUM(D34:D39)");
    expect_line(d, "Resumé\tE40\t359800\t=SUM(E34:E39)");
    expect_line(d, "Samlet oversigt\tD9\t600000\t=SUM(D4:D8)");
    expect_line(d, "Samlet oversigt\tE9\t450000\t=SUM(E4:E8)");
    expect_line(d, "Samlet oversigt\tH9\t359800\t=SUM(H4:H8)");
    expect_line(d, "style\tResumé\tE40\t#,##0\tbold");
    /* the check: I alt minus the key figures (which are Bilag 1's totals) */
    expect_line(d, "Resumé\tA41\tKontrol: I alt minus nøgletallene ovenfor (skal være 0)\t");
    expect_line(d, "Resumé\tB41\t0\t=B40-B18");
    expect_line(d, "Resumé\tC41\t0\t=C40-B19");
    expect_line(d, "Resumé\tD41\t0\t=D40-B20");
    expect_line(d, "Resumé\tE41\t0\t=E40-B14");
    expect_no_line_starting(d, "Resumé\tA42\t");
    free(d);
}

/* The names in an xlsx (a zip), one per line, and chart1.xml's text after a "----" line. */
static char *zip_listing(const char *xlsx)
{
    char cmd[1024];
    FILE *pp;
    char *buf = malloc(1 << 16);
    size_t n = 0, got;

    assert_non_null(buf);
    snprintf(cmd, sizeof cmd,
             "%s -c 'import sys, zipfile\n"
             "z = zipfile.ZipFile(sys.argv[1])\n"
             "print(\"\\n\".join(z.namelist()))\n"
             "print(\"----\")\n"
             "print(z.read(\"xl/charts/chart1.xml\").decode() if \"xl/charts/chart1.xml\" in "
             "z.namelist() else \"\")' '%s'",
             PYTHON, xlsx);
    pp = popen(cmd, "r");
    assert_non_null(pp);
    while ((got = fread(buf + n, 1, (1 << 16) - n - 1, pp)) > 0)
        n += got;
    buf[n] = '\0';
    assert_int_equal(pclose(pp), 0);
    return buf;
}

static void test_summary_has_a_column_chart_of_applied_and_granted_per_band(void **state)
{
    fixture *f = *state;
    char *z;

    write_workbook_ok(f, f->path);
    z = zip_listing(f->path);
    assert_non_null(strstr(z, "\nxl/charts/chart1.xml\n"));
    assert_null(strstr(z, "\nxl/charts/chart2.xml\n"));
    assert_non_null(strstr(z, "<c:barDir val=\"col\"/>"));
    assert_non_null(strstr(z, "<c:grouping val=\"clustered\"/>"));
    /* the five bands, not the refusals: categories A34:A38, applied C, granted E */
    assert_non_null(strstr(z, "<c:f>'Resumé'!$A$34:$A$38</c:f>"));
    assert_non_null(strstr(z, "<c:f>'Resumé'!$C$34:$C$38</c:f>"));
    assert_non_null(strstr(z, "<c:f>'Resumé'!$E$34:$E$38</c:f>"));
    assert_non_null(strstr(z, "<c:v>Ansøgt</c:v>"));
    assert_non_null(strstr(z, "<c:v>Indstillet tilskud</c:v>"));
    assert_non_null(strstr(z, "<a:t>Ansøgt og indstillet tilskud efter indstillet beløb</a:t>"));
    assert_non_null(strstr(z, "<a:t>Indstillet beløb</a:t>"));
    assert_non_null(strstr(z, "<a:t>Kr.</a:t>"));
    free(z);
}

static void test_summary_prints_on_one_a4_page_portrait(void **state)
{
    fixture *f = *state;
    char *d;

    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    expect_line(d, "layout\tResumé\torientation\tportrait");
    expect_line(d, "layout\tResumé\tpaper\t9");
    expect_line(d, "layout\tResumé\tfit\tTrue");
    expect_line(d, "layout\tResumé\tfit_width\t1");
    expect_line(d, "layout\tResumé\tfit_height\t0");
    expect_line(d, "layout\tResumé\theader\t§ 18-Hovedpuljen 2023");
    expect_line(d, "layout\tResumé\tfooter\t"); /* left: the sheet, right: Side n af m */
    free(d);
}

static void test_summary_refuses_money_for_new_grants_that_does_not_add_up(void **state)
{
    fixture *f = *state;
    char err[256] = "", names[512];

    f->r.available += 1;
    assert_int_equal(report_write_workbook(f->path, &f->p, &f->apps, &f->r, err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "midlerne til nye tilskud er 360001 kr."));
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "");
}

/* ------------------------------------------------------------------------ */
/* The decisions CSV                                                          */

static const char expected_csv[] =
    "\xEF\xBB\xBF"
    "Nr;CVR;Forening;Indsats;Ansøgt;Indstillet;Reduktion;Indstillet tilskud;"
    "Afslag/begrundelse;Status;Antal år (søgt);Antal år (bevilget);Tilskud pr. år;"
    "Begrundelse;I alt (alle år, med tillæg)\r\n"
    "1;11111111;Foreningen Aa;Lektiecafé;40000;30000;0;30000;;bevilget;0;0;30000;"
    "bevilget som indstillet;30000\r\n"
    "2;22222222;Natteravnene Odense;\"Natlig tryghedsvandring; weekender\";"
    "150000;120000;25800;94200;;reduceret;0;0;94200;reduceret efter puljens regel;94200\r\n"
    "3;;\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";Mentorordning;"
    "250000;200000;42900;157100;;reduceret;0;0;157100;reduceret efter puljens regel;"
    "157100\r\n"
    "4;44444444;Foreningen Ø;Café;60000;0;0;0;"
    "\"Ligger uden for formålet; ikke frivilligt socialt arbejde\";afslag;0;0;0;"
    "\"Ligger uden for formålet; ikke frivilligt socialt arbejde\";0\r\n"
    "A5;55555555;Frivilligcenter Æblehaven;'-Samtalegruppe;"
    "100000;100000;21500;78500;;reduceret;0;0;78500;reduceret efter puljens regel;78500\r\n";

static void test_csv_exact_bytes(void **state)
{
    fixture *f = *state;
    char path[256], names[512], *got;
    size_t n;

    snprintf(path, sizeof path, "%s/out.csv", f->dir);
    write_csv_ok(f, path);
    got = slurp(path, &n);
    assert_non_null(got);
    assert_string_equal(got, expected_csv);
    assert_int_equal(n, sizeof expected_csv - 1);
    free(got);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "out.csv");
}

static void test_csv_neutralises_every_formula_start_and_quotes_line_breaks(void **state)
{
    fixture *f = *state;
    char path[256], *got;
    const char *want =
        "\xEF\xBB\xBF"
        "Nr;CVR;Forening;Indsats;Ansøgt;Indstillet;Reduktion;Indstillet tilskud;"
        "Afslag/begrundelse;Status;Antal år (søgt);Antal år (bevilget);Tilskud pr. år;"
    "Begrundelse;I alt (alle år, med tillæg)\r\n"
        "'+1;'@x;'\tTab;\"'\rCR\";0;0;0;0;\"'=to\nlinjer\";afslag;0;0;0;\"'=to\nlinjer\";0\r\n";

    f->apps.n = f->r.n = 1;
    f->r.granted_total = 0;
    /* the refusal reason is written twice (Afslag/begrundelse and
     * Begrundelse), neutralised both times */
    set_app(&f->a[0], "+1", "@x", "\tTab", "\rCR", 0, 0, "=to\nlinjer");
    set_line(&f->lines[0], 0, 0, true);
    snprintf(path, sizeof path, "%s/out.csv", f->dir);
    write_csv_ok(f, path);
    got = slurp(path, NULL);
    assert_string_equal(got, want);
    free(got);
}

static void test_csv_written_twice_is_byte_identical(void **state)
{
    fixture *f = *state;
    char p1[256], p2[256], *a, *b;

    snprintf(p1, sizeof p1, "%s/a.csv", f->dir);
    snprintf(p2, sizeof p2, "%s/b.csv", f->dir);
    write_csv_ok(f, p1);
    write_csv_ok(f, p2);
    a = slurp(p1, NULL);
    b = slurp(p2, NULL);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void test_csv_into_a_missing_folder_fails_and_says_why(void **state)
{
    fixture *f = *state;
    char path[256], err[256] = "", names[512];

    snprintf(path, sizeof path, "%s/nope/out.csv", f->dir);
    assert_int_equal(report_write_csv(path, &f->p, &f->apps, &f->r, err, sizeof err), -1);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "No such file or directory"));
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "");
}

static void test_csv_that_cannot_be_written_leaves_the_old_file(void **state)
{
    fixture *f = *state;
    char path[256], err[256] = "", names[512], *got;
    struct rlimit old;
    int rc;

    snprintf(path, sizeof path, "%s/out.csv", f->dir);
    write_file(path, "old csv\n");
    old = limit_file_size(100);
    rc = report_write_csv(path, &f->p, &f->apps, &f->r, err, sizeof err);
    restore_file_size(&old);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, "File too large"));
    got = slurp(path, NULL);
    assert_string_equal(got, "old csv\n");
    free(got);
    list_dir(f->dir, names, sizeof names);
    assert_string_equal(names, "out.csv");
}

/* The run's warnings are listed on the Resumé under "Advarsler", by file
 * name, one per row, at most 100 and then a count; errors are not. */
static void test_workbook_lists_the_warnings_on_the_summary(void **state)
{
    fixture *f = *state;
    diag_list dl;
    char *d;

    diag_init(&dl);
    diag_add(&dl, DIAG_WARNING, "/some/where/apps.csv", 5, 3, "check it",
             "assessed 50 kr. is below 1 %% of the 50.000 kr. applied for");
    diag_add(&dl, DIAG_ERROR, "apps.csv", 6, 0, NULL, "not listed");
    diag_add(&dl, DIAG_WARNING, NULL, 0, 0, NULL, "no file");
    f->p.warnings = &dl;
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    /* in the notes, after the generated ones, as the terminal shows them */
    assert_non_null(strstr(d, "\tAdvarsel fra kørslen: apps.csv:5: assessed 50 kr. is below 1 % of "
                              "the 50.000 kr. applied for (check it)\t"));
    assert_non_null(strstr(d, "\tAdvarsel fra kørslen: no file\t"));
    assert_null(strstr(d, "not listed"));
    free(d);

    for (int i = 0; i < 120; i++)
        diag_add(&dl, DIAG_WARNING, "apps.csv", (unsigned)(10 + i), 0, NULL, "warning %d", i);
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    assert_non_null(strstr(d, "\tAdvarsel fra kørslen: apps.csv:107: warning 97\t")); /* the 100th */
    assert_null(strstr(d, "warning 98\t"));
    assert_non_null(strstr(d, "\t... og 22 advarsler mere; pulje check viser dem alle\t"));
    assert_null(strstr(d, "warning 98\t"));
    free(d);
    f->p.warnings = NULL;
    diag_free(&dl);

    /* none: no heading */
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    assert_null(strstr(d, "Advarsler"));
    free(d);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* The case on the Resumé: case number, guidelines, the recommendation, the
 * pool's notes and the generated ones, and the decision block. */
static void test_summary_carries_the_case_the_notes_and_the_decision_block(void **state)
{
    fixture *f = *state;
    char *notes[] = {"Ansøgningerne er syntetiske."};
    char *d;

    f->p.case_number = "23/12345";
    f->p.guidelines = "Retningslinjer for § 18-puljen, 2022";
    f->p.notes = notes;
    f->p.n_notes = 1;
    write_workbook_ok(f, f->path);
    f->p.case_number = f->p.guidelines = NULL; /* not ours to free: pool_free may do it */
    f->p.notes = NULL;
    f->p.n_notes = 0;
    d = dump_xlsx(f->path);
    expect_line(d, "Resumé\tA3\tSagsnummer\t");
    expect_line(d, "Resumé\tB3\t23/12345\t");
    expect_line(d, "Resumé\tA4\tMøde- og beslutningsdato\t");
    expect_line(d, "Resumé\tB4\t2022-12-13T00:00:00\t");
    expect_line(d, "Resumé\tA5\tRetningslinjer\t");
    expect_line(d, "Resumé\tB5\tRetningslinjer for § 18-puljen, 2022\t");
    expect_line(d, "Resumé\tA8\tIndstilling\t");
    expect_line(d, "Resumé\tA9\tForvaltningen indstiller, at Beskæftigelses- og Socialudvalget "
                   "godkender fordelingen af § 18-Hovedpuljen 2023: 4 tilskud på i alt 359.800 "
                   "kr. som vist i Bilag 1 (arket Samlet oversigt).\t");
    assert_non_null(strstr(d, "\tBemærkninger\t\n"));
    assert_non_null(strstr(d, "\tAnsøgningerne er syntetiske.\t\n"));
    assert_non_null(strstr(d, "\tReglen: Forholdsmæssig reduktion af alle indstillede beløb på "
                              "mere end 50.000 kr.\t\n"));
    assert_non_null(strstr(d, "\tReglens følge: ingen ansøgning får et mindre tilskud end en "
                              "ansøgning, der er indstillet til et mindre beløb.\t\n"));
    assert_non_null(strstr(d, "\tAfrunding: reducerede tilskud er rundet ned til hele 100 kr.; "
                              "200 kr. er ikke uddelt og står i linjen »Restmidler overføres til "
                              "Udviklingspuljen 2023« på arket Økonomi.\t\n"));
    assert_non_null(strstr(d, "\tBeslutning\t\n"));
    assert_non_null(strstr(d, "\tUdvalgets beslutning:\t\n"));
    assert_non_null(strstr(d, "\tDato:\t\n"));
    assert_non_null(strstr(d, "\tUnderskrift:\t\n"));
    free(d);
}

/* Without case keys the front block has no empty rows for them. */
static void test_summary_without_case_keys_leaves_them_out(void **state)
{
    fixture *f = *state;
    char *d;

    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    assert_null(strstr(d, "\tSagsnummer\t"));
    assert_null(strstr(d, "\tRetningslinjer\t"));
    expect_line(d, "Resumé\tA3\tMøde- og beslutningsdato\t");
    free(d);
}

/* The rule's consequence names the application granted less than one assessed
 * lower: 60.000 -> 47.100 below 50.000 paid in full. */
static void test_summary_notes_name_the_order_breaks(void **state)
{
    fixture *f = *state;
    char *d;

    set_line(&f->lines[0], 50000, 50000, false);
    set_line(&f->lines[4], 60000, 47100, false);
    f->r.granted_total = 50000 + 94200 + 157100 + 47100;
    f->r.assessed_total = 50000 + 120000 + 200000 + 60000;
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    assert_non_null(strstr(d, "\tReglens følge: 1 ansøgninger får et mindre tilskud end en "
                              "ansøgning, der er indstillet til et mindre beløb:\t\n"));
    assert_non_null(strstr(d, "\tnr. A5 Frivilligcenter Æblehaven: indstillet 60.000 kr., tilskud "
                              "47.100 kr. (nr. 1 Foreningen Aa: indstillet 50.000 kr., tilskud "
                              "50.000 kr.)\t\n"));
    free(d);
}

/* Under a rule with no single factor the sheets show granted / assessed, not
 * a factor of 1 (-0 %). */
static void test_no_single_factor_shows_granted_over_assessed(void **state)
{
    fixture *f = *state;
    char *d;

    f->p.rule.kind = RULE_CEA;
    f->r.factor_num = f->r.factor_den = 1;
    write_workbook_ok(f, f->path);
    d = dump_xlsx(f->path);
    assert_null(strstr(d, "\tReduktionsfaktor\t"));
    assert_null(strstr(d, "\tReducerede beløb nedsættes med (%)\t"));
    expect_line(d, "Økonomi\tA27\tTildelt / indstillet\t");
    expect_number(d, "Økonomi\tB27\t", 359800.0 / 450000.0, 1e-15, "");
    expect_line(d, "Resumé\tA24\tTildelt / indstillet\t");
    expect_number(d, "Resumé\tB24\t", 359800.0 / 450000.0, 1e-15, "=IF(B20=0,0,B14/B20)");
    free(d);
}

/* The default pool end to end: Bilag 1's "I alt inkl. tillæg", the chart
 * data hidden in the comparison, Flerårige's lists and totals. */
static void test_default_pool_has_totals_with_supplements_and_the_reservations(void **state)
{
    (void)state;
    const char *build = getenv("BUILD");
    char dir[] = "/tmp/pulje-test-report-e2e-XXXXXX", cmd[1024], path[256];
    char *d;

    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "%s/pulje run inputs/pulje-2023.ini -q --out %s 2>/dev/null",
             build ? build : "build", dir);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/18-hovedpuljen-2023.xlsx", dir);
    d = dump_xlsx(path);
    expect_line(d, "Samlet oversigt\tQ3\tI alt inkl. tillæg\t");
    expect_line(d, "Samlet oversigt\tQ72\t3757050\t=SUM(Q4:Q71)");
    assert_non_null(strstr(d, "\tAnsøgninger om flerårig bevilling\t\n"));
    assert_non_null(strstr(d, "\tEtårig: 3-årig bevilling kræver undtagelse\t\n"));
    assert_non_null(strstr(d, "\tDriftsaftale (2021)\t\n"));
    assert_non_null(strstr(d, "\t3836011\t=SUM("));
    assert_non_null(strstr(d, "\t2381980\t=SUM(")); /* 1.446.500 multi-year + 935.480 agreement */
    assert_non_null(strstr(d, "\tLoftet er overholdt\t\n"));
    assert_non_null(strstr(d, "\tJa\t=IF("));
    free(d);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_label_has_text_and_the_arguments_it_declares),
        cmocka_unit_test(test_labels_use_the_minutes_wording_and_units),
        cmocka_unit_test(test_label_format_fills_blanks_and_truncates_like_snprintf),
        cmocka_unit_test(test_no_danish_literal_in_report_c_or_report_summary_c),
        cmocka_unit_test(test_basename_folds_the_pool_name_to_ascii),
        T(test_atomic_commit_replaces_the_file_and_leaves_no_temp),
        T(test_atomic_abort_keeps_the_old_content),
        T(test_atomic_by_name_for_libraries_that_open_the_file),
        T(test_atomic_keeps_the_permissions_of_the_file_it_replaces),
        T(test_atomic_begin_in_a_missing_folder_fails_with_errno),
        T(test_atomic_commit_that_cannot_write_keeps_the_old_file),
        T(test_workbook_economy_table_balances_with_formulas_and_cached_values),
        T(test_workbook_key_figures),
        T(test_workbook_overview_rows_and_totals),
        T(test_workbook_applicant_text_that_looks_like_a_formula_is_a_string),
        T(test_workbook_sheets_properties_and_layout),
        T(test_workbook_written_twice_is_byte_identical),
        T(test_workbook_into_a_missing_folder_fails_and_says_why),
        T(test_workbook_that_fails_midway_leaves_the_old_file),
        T(test_workbook_refuses_text_that_is_not_utf8),
        T(test_workbook_close_that_cannot_write_leaves_the_old_file),
        T(test_workbook_refuses_a_result_that_does_not_fit_the_applications),
        T(test_workbook_needs_a_real_decision_date),
        T(test_workbook_describes_the_rule_in_danish),
        T(test_workbook_without_applications_has_zero_totals),
        T(test_workbook_numbers_only_plain_digits_and_escapes_the_page_header),
        T(test_workbook_check_row_shows_an_imbalance),
        T(test_summary_is_the_first_sheet_with_title_and_key_figures),
        T(test_summary_shows_the_multi_year_share_per_year_against_the_cap),
        T(test_summary_bands_add_up_to_the_overview_totals),
        T(test_summary_has_a_column_chart_of_applied_and_granted_per_band),
        T(test_summary_prints_on_one_a4_page_portrait),
        T(test_summary_refuses_money_for_new_grants_that_does_not_add_up),
        T(test_csv_exact_bytes),
        T(test_csv_neutralises_every_formula_start_and_quotes_line_breaks),
        T(test_csv_written_twice_is_byte_identical),
        T(test_csv_into_a_missing_folder_fails_and_says_why),
        T(test_csv_that_cannot_be_written_leaves_the_old_file),
        T(test_workbook_lists_the_warnings_on_the_summary),
        T(test_summary_carries_the_case_the_notes_and_the_decision_block),
        T(test_summary_without_case_keys_leaves_them_out),
        T(test_summary_notes_name_the_order_breaks),
        T(test_no_single_factor_shows_granted_over_assessed),
        T(test_default_pool_has_totals_with_supplements_and_the_reservations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
