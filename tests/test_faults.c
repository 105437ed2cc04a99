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
 * - Memory: the Nth allocation fails, for N = 1, 2, ... until the whole
 *   pipeline (pool_parse, apps_parse, alloc_run, verify_result, workbook,
 *   CSV) runs without meeting a failure. Every failure must come back as an
 *   error (no crash; no leak under ASan's leak checker in `make check`), and
 *   the output folder may hold only complete outputs, byte-identical to those
 *   of a run without faults: never a temporary or half-written file. A run
 *   that meets a failure and still succeeds must give those same bytes.
 * - libxlsxwriter: the Kth cell write, the custom property or the close
 *   fails; the report refuses, names the cause, leaves the previous file
 *   as it was and no temporary file. */
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
#include "text.h"
#include "verify.h"

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

static void disarm(void)
{
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
static char ref_xlsx[512], ref_csv[512];

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

/* Every file in folder d must be a complete output equal to the reference:
 * no temporary file, nothing else. */
static void expect_only_whole_outputs(const char *d, long n)
{
    DIR *dp = opendir(d);
    struct dirent *e;
    char path[600];

    assert_non_null(dp);
    while ((e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", d, e->d_name);
        if (strcmp(e->d_name, "out.xlsx") == 0 && same_bytes(path, ref_xlsx))
            continue;
        if (strcmp(e->d_name, "out.csv") == 0 && same_bytes(path, ref_csv))
            continue;
        closedir(dp);
        fail_msg("allocation %ld failed: %s is left in the output folder", n, e->d_name);
    }
    closedir(dp);
}

typedef enum {
    ST_DONE = 0, ST_POOL, ST_APPS, ST_ALLOC, ST_VERIFY, ST_WORKBOOK, ST_CSV
} stage;

/* The whole pipeline into out (a folder); returns the stage that failed or
 * ST_DONE. Faults armed by the caller apply to everything in between. */
static stage pipeline(const char *out, long arm_at, int sticky)
{
    pool p;
    app_list apps;
    alloc_result r;
    diag_list dl;
    digest_list dg = {NULL, 0};
    input_digest one;
    char path[600], err[512] = "";
    stage st = ST_DONE;

    memset(&r, 0, sizeof r);
    diag_init(&dl);
    /* a digest list as main.c makes it, built before faults are armed */
    memset(&one, 0, sizeof one);
    one.path = (char *)"pool.ini";
    digest_sha256_hex(POOL_TEXT, sizeof POOL_TEXT - 1, one.hex);
    dg.v = &one;
    dg.n = 1;

    alloc_calls = 0;
    alloc_fail_at = arm_at;
    alloc_sticky = sticky;
    if (pool_parse(POOL_TEXT, sizeof POOL_TEXT - 1, "pool.ini", &p, &dl) != 0) {
        st = ST_POOL;
    } else {
        p.inputs = &dg;
        if (apps_parse(apps_text, apps_len, "apps-sample.csv", &apps, &dl) != 0)
            st = ST_APPS;
        else if (alloc_run(&p, &apps, ALLOC_MODEL, &r, &dl) != 0)
            st = ST_ALLOC;
        else if (verify_result(&p, &apps, &r, 1, &dl) != 0)
            st = ST_VERIFY;
        if (st == ST_DONE) {
            snprintf(path, sizeof path, "%s/out.xlsx", out);
            if (report_write_workbook(path, &p, &apps, &r, err, sizeof err) != 0)
                st = ST_WORKBOOK;
        }
        if (st == ST_DONE) {
            snprintf(path, sizeof path, "%s/out.csv", out);
            if (report_write_csv(path, &p, &apps, &r, err, sizeof err) != 0)
                st = ST_CSV;
        }
        apps_free(&apps);
    }
    alloc_fail_at = 0;

    /* a failure must be explained */
    if (st >= ST_POOL && st <= ST_VERIFY && diag_errors(&dl) == 0 && !dl.oom)
        fail_msg("allocation %ld: stage %d failed without a diagnostic", arm_at, (int)st);
    if (st >= ST_WORKBOOK && err[0] == '\0')
        fail_msg("allocation %ld: stage %d failed without a message", arm_at, (int)st);
    alloc_free(&r);
    pool_free(&p);
    diag_free(&dl);
    return st;
}

static int setup(void **state)
{
    (void)state;
    apps_text = slurp("tests/data/apps-sample.csv", &apps_len);
    snprintf(dir, sizeof dir, "/tmp/pulje-faults-XXXXXX");
    if (!apps_text || !mkdtemp(dir))
        return -1;
    snprintf(ref_xlsx, sizeof ref_xlsx, "%s/ref.xlsx", dir);
    snprintf(ref_csv, sizeof ref_csv, "%s/ref.csv", dir);
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

/* The reference outputs, from a run without faults, in dir/ref.*. */
static void make_reference(void)
{
    char out[128], from[600];

    snprintf(out, sizeof out, "%s/refrun", dir);
    assert_true(mkdir(out, 0777) == 0 || errno == EEXIST);
    assert_int_equal(pipeline(out, 0, 0), ST_DONE);
    snprintf(from, sizeof from, "%s/out.xlsx", out);
    assert_int_equal(rename(from, ref_xlsx), 0);
    snprintf(from, sizeof from, "%s/out.csv", out);
    assert_int_equal(rename(from, ref_csv), 0);
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
    assert_int_equal(pipeline(out, 0, 0), ST_ALLOC);
    disarm();
    intopt_fault = GLPK_FAIL_CODE;
    assert_int_equal(pipeline(out, 0, 0), ST_ALLOC);
    disarm();
    expect_only_whole_outputs(out, 0);
    empty_dir(out);
}

/* ------------------------------------------------------------------------ */
/* Out of memory                                                              */

/* Fail allocation N for N = 1, 2, ... until the pipeline meets no failure. */
static void run_every_allocation_failure(const char *sub, int sticky)
{
    char out[128];
    long n, failed_runs = 0;

    make_reference();
    snprintf(out, sizeof out, "%s/%s", dir, sub);
    assert_true(mkdir(out, 0777) == 0 || errno == EEXIST);
    for (n = 1;; n++) {
        stage st;
        alloc_failures = 0;
        st = pipeline(out, n, sticky);
        expect_only_whole_outputs(out, n);
        empty_dir(out);
        if (alloc_failures == 0) {
            assert_int_equal(st, ST_DONE); /* no fault met: a normal run */
            break;
        }
        failed_runs += st != ST_DONE;
        assert_true(n < 1000000);
    }
    print_message("%s: %ld allocations, %ld runs ended in an error, the others gave the "
                  "reference bytes\n", sub, n - 1, failed_runs);
    assert_true(n > 100);
    assert_true(failed_runs > 0);
}

static void test_every_single_allocation_failure_is_an_error_or_harmless(void **state)
{
    (void)state;
    run_every_allocation_failure("oom-once", 0);
}

static void test_memory_running_out_for_good_is_an_error_at_every_point(void **state)
{
    (void)state;
    run_every_allocation_failure("oom-sticky", 1);
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
    expect_only_whole_outputs(out, 0); /* nothing else: no temporary file */
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
    };
    return cmocka_run_group_tests_name("faults", tests, setup, teardown);
}
