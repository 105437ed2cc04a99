/* test_threads.c - Writing on two threads gives the same bytes as on one.
 *
 * run.c writes the workbooks on the calling thread and the other outputs
 * (the CSVs, the 360Giving JSON, next year's ledger, the follow-up ledger,
 * the letters' PDF and merge files) on a second one (run_options.threads,
 * PULJE_THREADS). Here the same pools are written both ways, through the
 * library's run as the command line calls it, into two folders, and every
 * file (the outputs, the run folder and its record, the letters' folder) is
 * compared byte for byte: the default pool with --letters, and a generated
 * pool of 3.000 applications with a ledger, as a trial (--rule). The
 * failures on the threaded path are in test_faults.c. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

static char dir[64];

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) != NULL) {
        *len = fread(buf, 1, (size_t)n, f);
        if (*len != (size_t)n) {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

/* Folders a and b hold the same names, and the same bytes under each
 * (folders compared the same way); returns how many files were compared. */
static int same_trees(const char *a, const char *b)
{
    DIR *dp = opendir(a);
    struct dirent *e;
    char pa[1024], pb[1024];
    int files = 0, in_a = 0, in_b = 0;

    assert_non_null(dp);
    while ((e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        in_a++;
        snprintf(pa, sizeof pa, "%s/%s", a, e->d_name);
        snprintf(pb, sizeof pb, "%s/%s", b, e->d_name);
        if (is_dir(pa)) {
            if (!is_dir(pb))
                fail_msg("%s is a folder, %s is not", pa, pb);
            files += same_trees(pa, pb);
        } else {
            size_t la = 0, lb = 0;
            char *x = slurp(pa, &la), *y = slurp(pb, &lb);
            if (!x || !y)
                fail_msg("cannot read %s or %s", pa, pb);
            if (la != lb || memcmp(x, y, la) != 0)
                fail_msg("%s and %s differ (%zu and %zu bytes)", pa, pb, la, lb);
            free(x);
            free(y);
            files++;
        }
    }
    closedir(dp);
    dp = opendir(b);
    assert_non_null(dp);
    while ((e = readdir(dp)) != NULL)
        in_b += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dp);
    if (in_a != in_b)
        fail_msg("%s holds %d names, %s %d", a, in_a, b, in_b);
    return files;
}

/* The library's run of pool into out on the given number of threads. */
static pulje_status run_into(const char *pool_path, const char *out, int threads, bool letters,
                             const char *rule)
{
    run_options o = {.command = RUN_RUN, .pool_path = pool_path, .out_dir = out,
                     .letters = letters, .rule = rule, .threads = threads,
                     .command_line = "pulje run", .started = 1700000000};
    pulje_run *r = pulje_run_new(&o);
    pulje_status st;

    assert_non_null(r);
    st = pulje_run_all(r);
    if (st != PULJE_OK)
        fail_msg("run of %s on %d thread(s): status %d: %s", pool_path, threads, (int)st, r->msg);
    pulje_run_free(r);
    return st;
}

/* Write pool once on one thread and once on two; the same bytes. Returns
 * how many files were compared. */
static int compare_one_and_two(const char *pool_path, const char *name, bool letters,
                               const char *rule)
{
    char one[128], two[128];

    snprintf(one, sizeof one, "%s/%s-1", dir, name);
    snprintf(two, sizeof two, "%s/%s-2", dir, name);
    assert_int_equal(run_into(pool_path, one, 1, letters, rule), PULJE_OK);
    assert_int_equal(run_into(pool_path, two, 2, letters, rule), PULJE_OK);
    return same_trees(one, two);
}

static void test_the_default_pool_with_letters_is_the_same_on_two_threads(void **state)
{
    (void)state;
    /* the workbook, decisions, 360Giving CSV and JSON, next year's ledger, the
     * follow-up ledger, the letters' PDF, CSV and workbook (9 outputs), each in
     * the output folder and in the run folder, the run record, and the 68
     * letters of the letters' folder */
    assert_int_equal(compare_one_and_two(RUN_DEFAULT_POOL, "default", true, NULL),
                     2 * 9 + 1 + 68);
}

static void test_a_generated_pool_as_a_trial_is_the_same_on_two_threads(void **state)
{
    char cmd[1024], pool_path[128];
    (void)state;

    snprintf(pool_path, sizeof pool_path, "%s/gen/pool.ini", dir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s/gen && %s/genpool --count 3000 --seed 1 --apps %s/gen/apps.csv "
             "--ledger %s/gen/ledger.csv && "
             "sed -e 's|^applications *=.*|applications = apps.csv|' "
             "-e 's|^ledger *=.*|ledger = ledger.csv|' "
             "-e 's|^\\(Frie midler[^=]*=\\).*|\\1 150.000.000|' %s > %s",
             dir, test_build_dir(), dir, dir, RUN_DEFAULT_POOL, pool_path);
    assert_int_equal(system(cmd), 0);
    /* the workbook, decisions, 360Giving CSV and JSON, next year's ledger, the
     * follow-up ledger, in the output folder and the run folder, and the run
     * record */
    assert_int_equal(compare_one_and_two(pool_path, "gen", false, "proportional"), 2 * 6 + 1);
}

/* PULJE_THREADS=1 is one thread when the run leaves it to the environment;
 * the bytes are the same as the run's own choice of two. */
static void test_pulje_threads_from_the_environment(void **state)
{
    char one[128], two[128];
    (void)state;

    snprintf(one, sizeof one, "%s/env-1", dir);
    snprintf(two, sizeof two, "%s/env-2", dir);
    assert_int_equal(setenv("PULJE_THREADS", "1", 1), 0);
    assert_int_equal(run_into(RUN_DEFAULT_POOL, one, 0, false, NULL), PULJE_OK);
    assert_int_equal(unsetenv("PULJE_THREADS"), 0);
    assert_int_equal(run_into(RUN_DEFAULT_POOL, two, 0, false, NULL), PULJE_OK);
    assert_int_equal(same_trees(one, two), 2 * 6 + 1);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/pulje-threads-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_default_pool_with_letters_is_the_same_on_two_threads),
        cmocka_unit_test(test_a_generated_pool_as_a_trial_is_the_same_on_two_threads),
        cmocka_unit_test(test_pulje_threads_from_the_environment),
    };
    return cmocka_run_group_tests_name("threads", tests, setup, teardown);
}
