/* test_guarantees.c - What pulje guarantees, end to end on the built program.
 *
 * Determinism: two runs give byte-identical workbooks and CSVs, whatever the
 * clock, the time zone or the folder. Traceability: the SHA-256 printed for
 * each input is sha256sum's, and the workbook's properties hold it.
 * Locale: a run under da_DK.UTF-8 writes the same bytes as under C (the
 * locale is generated here when missing and we are root; otherwise the test
 * is skipped with the reason). Atomic outputs: a run killed (SIGKILL) while
 * it writes leaves the previous outputs byte for byte, and never touches its
 * inputs. Runs $BUILD/pulje and $BUILD/genpool from the repository root. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "digest.h"
#include "labels.h"

#define XLSX "18-hovedpuljen-2023.xlsx"
#define CSV "18-hovedpuljen-2023-afgoerelser.csv"
#define DA "da_DK.UTF-8"

static char prog[512], genpool[512], tmp[256];

/* Run a shell command; capture stdout+stderr into buf; return the exit code. */
static int run(const char *cmd, char *buf, size_t size)
{
    FILE *f = popen(cmd, "r");
    size_t n = 0, got;
    int st;

    assert_non_null(f);
    while (n + 1 < size && (got = fread(buf + n, 1, size - n - 1, f)) > 0)
        n += got;
    buf[n] = '\0';
    while (fgetc(f) != EOF)
        ;
    st = pclose(f);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;

    if (!fp)
        return NULL;
    do {
        if (n + 65536 + 1 > cap) {
            char *grown = realloc(buf, cap = (n + 65536 + 1) * 2);
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

/* Fail unless the two files hold the same bytes. */
static void assert_same_file(const char *a, const char *b)
{
    size_t na, nb;
    char *x = slurp(a, &na), *y = slurp(b, &nb);

    if (!x || !y)
        fail_msg("cannot read %s or %s", a, b);
    if (na != nb || memcmp(x, y, na) != 0)
        fail_msg("%s and %s differ (%zu and %zu bytes)", a, b, na, nb);
    free(x);
    free(y);
}

static void sha256_of(const char *path, char *hex)
{
    if (digest_file_sha256(path, hex) != 0)
        fail_msg("cannot digest %s: %s", path, strerror(errno));
}

static int setup(void **state)
{
    const char *build = getenv("BUILD");
    char rel[512];
    (void)state;
    /* absolute, so that commands may change folder */
    snprintf(rel, sizeof rel, "%s/pulje", build ? build : "build");
    if (!realpath(rel, prog))
        return -1;
    snprintf(rel, sizeof rel, "%s/genpool", build ? build : "build");
    if (!realpath(rel, genpool))
        return -1;
    snprintf(tmp, sizeof tmp, "/tmp/pulje-guarantees-XXXXXX");
    return mkdtemp(tmp) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[512], buf[256];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    run(cmd, buf, sizeof buf);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Determinism and digests                                                    */

static void test_two_runs_give_byte_identical_files(void **state)
{
    char cmd[8192], buf[16384], a[512], b[512];
    (void)state;

    /* the second run: another second, another time zone, another folder */
    snprintf(cmd, sizeof cmd,
             "%s run inputs/pulje-2023.ini -q --out %s/det1 2>&1 && sleep 1 && "
             "mkdir -p %s/copy && cp inputs/* %s/copy/ && "
             "TZ=Pacific/Kiritimati %s run %s/copy/pulje-2023.ini -q --out %s/det2 2>&1",
             prog, tmp, tmp, tmp, prog, tmp, tmp);
    assert_int_equal(run(cmd, buf, sizeof buf), 0);
    snprintf(a, sizeof a, "%s/det1/" XLSX, tmp);
    snprintf(b, sizeof b, "%s/det2/" XLSX, tmp);
    assert_same_file(a, b);
    snprintf(a, sizeof a, "%s/det1/" CSV, tmp);
    snprintf(b, sizeof b, "%s/det2/" CSV, tmp);
    assert_same_file(a, b);
}

static void test_printed_digests_are_those_of_sha256sum(void **state)
{
    char cmd[8192], out[16384], want[8192];
    static const char *const inputs[] = {"inputs/pulje-2023.ini", "inputs/ansoegninger-2023.csv"};
    (void)state;

    /* without --verbose, no digests: they are for audits, not the officer */
    snprintf(cmd, sizeof cmd, "%s run inputs/pulje-2023.ini --out %s/dig 2>&1", prog, tmp);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_null(strstr(out, "sha256 "));
    snprintf(cmd, sizeof cmd, "%s check inputs/pulje-2023.ini 2>&1", prog);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_null(strstr(out, "sha256 "));
    snprintf(cmd, sizeof cmd, "%s run inputs/pulje-2023.ini --verbose --out %s/dig 2>&1", prog,
             tmp);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    for (size_t i = 0; i < 2; i++) {
        char sum[256], line[600];
        snprintf(cmd, sizeof cmd, "sha256sum %s", inputs[i]);
        assert_int_equal(run(cmd, sum, sizeof sum), 0);
        sum[DIGEST_HEX_LEN] = '\0';
        snprintf(line, sizeof line, "sha256 %s  %s\n", sum, inputs[i]);
        if (!strstr(out, line))
            fail_msg("run did not print \"%s\":\n%s", line, out);
        /* check -v prints them too */
        snprintf(cmd, sizeof cmd, "%s check -v inputs/pulje-2023.ini 2>&1", prog);
        assert_int_equal(run(cmd, want, sizeof want), 0);
        assert_non_null(strstr(want, line));
    }
}

static void test_workbook_properties_hold_the_input_digests(void **state)
{
    char cmd[8192], out[8192], hex[DIGEST_HEX_LEN + 1], want[256];
    (void)state;

    snprintf(cmd, sizeof cmd,
             "%s run inputs/pulje-2023.ini -q --out %s/prop 2>&1 && /usr/bin/python3 -c "
             "\"import zipfile,sys; sys.stdout.write(zipfile.ZipFile('%s/prop/" XLSX
             "').read('docProps/custom.xml').decode())\"",
             prog, tmp, tmp);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    sha256_of("inputs/pulje-2023.ini", hex);
    snprintf(want, sizeof want, "name=\"Input: pulje-2023.ini\"><vt:lpwstr>sha256:%s<", hex);
    assert_non_null(strstr(out, want));
    sha256_of("inputs/ansoegninger-2023.csv", hex);
    snprintf(want, sizeof want, "name=\"Input: ansoegninger-2023.csv\"><vt:lpwstr>sha256:%s<",
             hex);
    assert_non_null(strstr(out, want));
}

/* ------------------------------------------------------------------------ */
/* Locale                                                                     */

/* True if `locale -a` lists da_DK.UTF-8 (spelt da_DK.utf8 there). */
static int have_danish_locale(void)
{
    char buf[16384];
    run("locale -a 2>/dev/null", buf, sizeof buf);
    return strstr(buf, "da_DK.utf8") != NULL || strstr(buf, "da_DK.UTF-8") != NULL;
}

/* Make da_DK.UTF-8 available if we can: as root, with localedef from the
 * locales package (installed by `make deps`). Returns 1 if available. */
static int ensure_danish_locale(char *why, size_t size)
{
    char buf[4096];

    if (have_danish_locale())
        return 1;
    if (geteuid() != 0) {
        snprintf(why, size, DA " is not installed and we are not root to generate it "
                            "(run: localedef -i da_DK -f UTF-8 " DA ")");
        return 0;
    }
    if (run("localedef -i da_DK -f UTF-8 " DA " 2>&1", buf, sizeof buf) != 0 ||
        !have_danish_locale()) {
        snprintf(why, size, "localedef could not generate " DA ": %.200s", buf);
        return 0;
    }
    return 1;
}

static void test_danish_locale_writes_the_same_bytes_as_c(void **state)
{
    char cmd[8192], buf[16384], why[512], a[512], b[512];
    (void)state;

    if (!ensure_danish_locale(why, sizeof why)) {
        print_message("SKIPPED: %s\n", why);
        skip();
    }
    /* the locale is real: the shell's printf uses a decimal comma under it */
    assert_int_equal(run("LC_ALL=" DA " /usr/bin/printf '%.1f' 1,5 2>&1", buf, sizeof buf), 0);
    assert_string_equal(buf, "1,5");

    snprintf(cmd, sizeof cmd,
             "LC_ALL=C %s run inputs/pulje-2023.ini --out %s/loc-c > %s/loc-c.txt 2>&1 && "
             "LC_ALL=" DA " LANG=" DA " %s run inputs/pulje-2023.ini --out %s/loc-da "
             "> %s/loc-da.txt 2>&1",
             prog, tmp, tmp, prog, tmp, tmp);
    assert_int_equal(run(cmd, buf, sizeof buf), 0);
    snprintf(a, sizeof a, "%s/loc-c/" XLSX, tmp);
    snprintf(b, sizeof b, "%s/loc-da/" XLSX, tmp);
    assert_same_file(a, b);
    snprintf(a, sizeof a, "%s/loc-c/" CSV, tmp);
    snprintf(b, sizeof b, "%s/loc-da/" CSV, tmp);
    assert_same_file(a, b);
    /* the summary too, but for the folder it names */
    snprintf(cmd, sizeof cmd,
             "sed 's/loc-c/loc-X/' %s/loc-c.txt > %s/c.txt && "
             "sed 's/loc-da/loc-X/' %s/loc-da.txt > %s/da.txt && cmp %s/c.txt %s/da.txt 2>&1",
             tmp, tmp, tmp, tmp, tmp, tmp);
    assert_int_equal(run(cmd, buf, sizeof buf), 0);
}

/* setlocale(LC_ALL or LC_NUMERIC, ...) would make printf and strtod read and
 * write "1,5": no source file may call it. LC_MESSAGES or LC_CTYPE alone are fine. */
static void test_no_source_sets_the_numeric_locale(void **state)
{
    char buf[8192];
    (void)state;
    assert_int_equal(run("grep -n 'setlocale' src/*.c include/*.h | "
                         "grep -v 'LC_MESSAGES\\|LC_CTYPE' || true",
                         buf, sizeof buf), 0);
    if (buf[0])
        fail_msg("setlocale that touches numbers:\n%s", buf);
}

/* ------------------------------------------------------------------------ */
/* Atomic outputs under SIGKILL                                               */

/* The temporary file "<dir>/.<name>.XXXXXX" if there is one and it has at
 * least min bytes, into path. Returns 1 if found. */
static int find_temp(const char *dir, const char *name, off_t min, char *path, size_t size)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = strlen(name);
    int found = 0;

    if (!d)
        return 0;
    while (!found && (e = readdir(d)) != NULL) {
        struct stat st;
        if (strncmp(e->d_name, ".pulje-", 7) == 0) { /* the run's staging folder */
            char sub[1024];
            snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
            found = find_temp(sub, name, min, path, size);
            continue;
        }
        if (e->d_name[0] != '.' || strncmp(e->d_name + 1, name, n) != 0 ||
            e->d_name[1 + n] != '.')
            continue;
        snprintf(path, size, "%s/%s", dir, e->d_name);
        found = stat(path, &st) == 0 && st.st_size >= min;
    }
    closedir(d);
    return found;
}

/* Start `pulje run pool --out out` with its output to /dev/null. */
static pid_t start_run(const char *pool, const char *out)
{
    pid_t pid = fork();

    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        execl(prog, prog, "run", pool, "-q", "--out", out, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* The big pool: 200.000 applications, in dir/in; the previous outputs (of a
 * small pool of the same name) in dir/out. */
static void make_big_pool(const char *dir)
{
    char cmd[8192], buf[8192];

    snprintf(cmd, sizeof cmd,
             "set -e; mkdir -p %s/in %s/out; cd %s/in; "
             "printf '[pool]\\nname = § 18-Hovedpuljen\\nyear = 2023\\ndecision_date = 2022-12-13\\n"
             "applications = apps.csv\\n[budget]\\nBudget = 5.000.000.000\\n[rules]\\n"
             "rounding = 100\\n[earmark trivsel]\\nlabel = Trivsel\\namount = 100\\n"
             "criterion 12-25 år = a\\ncriterion mental trivsel = b\\n"
             "criterion uddannelse = c\\nrequired = 12-25 år, mental trivsel\\n' > pool.ini; "
             "%s --count 40 --apps apps.csv; %s run pool.ini -q --out ../out 2>&1; "
             "%s --count 200000 --apps apps.csv",
             dir, dir, dir, genpool, prog, genpool);
    if (run(cmd, buf, sizeof buf) != 0)
        fail_msg("cannot make the big pool: %s", buf);
}

/* Kill a run of the big pool once the temporary file of `name` holds at least
 * min bytes; then the previous outputs and the inputs must be as they were. */
static void kill_while_writing(const char *sub, const char *name, off_t min)
{
    char dir[512], pool[600], out[600], path[1200], xlsx[700], csv[700], apps[700];
    char before[4][DIGEST_HEX_LEN + 1], after[DIGEST_HEX_LEN + 1];
    struct timespec tick = {0, 1000000}; /* 1 ms */
    int status, caught = 0;
    pid_t pid;

    snprintf(dir, sizeof dir, "%s/%s", tmp, sub);
    make_big_pool(dir);
    snprintf(pool, sizeof pool, "%s/in/pool.ini", dir);
    snprintf(apps, sizeof apps, "%s/in/apps.csv", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(xlsx, sizeof xlsx, "%s/" XLSX, out);
    snprintf(csv, sizeof csv, "%s/" CSV, out);
    sha256_of(xlsx, before[0]);
    sha256_of(csv, before[1]);
    sha256_of(pool, before[2]);
    sha256_of(apps, before[3]);

    pid = start_run(pool, out);
    for (int i = 0; i < 120000 && !caught; i++) { /* at most 2 minutes */
        if (find_temp(out, name, min, path, sizeof path)) {
            kill(pid, SIGKILL);
            caught = 1;
            break;
        }
        if (waitpid(pid, &status, WNOHANG) == pid)
            fail_msg("pulje ended (status %d) before %s's temporary file was seen", status,
                     name);
        nanosleep(&tick, NULL);
    }
    if (!caught) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        fail_msg("no temporary file for %s appeared", name);
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    /* the final names hold the previous outputs, whole */
    if (strcmp(name, XLSX) == 0) {
        sha256_of(xlsx, after);
        assert_string_equal(after, before[0]);
    }
    sha256_of(csv, after);
    assert_string_equal(after, before[1]);
    /* the inputs are untouched */
    sha256_of(pool, after);
    assert_string_equal(after, before[2]);
    sha256_of(apps, after);
    assert_string_equal(after, before[3]);
}

static void test_killed_while_writing_the_workbook_leaves_the_previous_outputs(void **state)
{
    (void)state;
    /* the temporary file has bytes: libxlsxwriter is writing the zip into it */
    kill_while_writing("kill-xlsx", XLSX, 1);
}

static void test_killed_while_writing_the_csv_leaves_the_previous_csv(void **state)
{
    (void)state;
    kill_while_writing("kill-csv", CSV, 1);
}

/* ------------------------------------------------------------------------ */
/* Rounding on the minimal pools, through the program                */

/* A maximum off the unit is refused (exit 2) and nothing is written. */
static void test_a_maximum_off_the_unit_is_refused_with_exit_2(void **state)
{
    char cmd[4096], buf[4096], out[512];
    (void)state;
    snprintf(out, sizeof out, "%s/r0", tmp);
    snprintf(cmd, sizeof cmd, "'%s' run tests/data/rounding-above-max.ini --out '%s' 2>&1", prog,
             out);
    assert_int_equal(run(cmd, buf, sizeof buf), 2);
    assert_non_null(strstr(buf, "rounding-above-max.ini:14:"));
    assert_non_null(strstr(buf, "max_grant = 4.552 kr. er ikke et multiplum af afrundingsenheden "
                                "100 kr.: 4.500 eller 4.600 kr.?"));
    snprintf(cmd, sizeof cmd, "ls '%s' 2>/dev/null | wc -l", out);
    run(cmd, buf, sizeof buf);
    assert_int_equal(atoi(buf), 0);
}

/* The decisions CSV carries the grants R1-R4 give (column 8) and the status
 * (column 10; more columns follow it, so the line end is not in the cut). */
static void assert_csv_grants(const char *pool_file, const char *want)
{
    char cmd[4096], buf[4096], out[512];
    snprintf(out, sizeof out, "%s/%s.out", tmp, pool_file);
    snprintf(cmd, sizeof cmd, "'%s' run tests/data/%s --out '%s' >/dev/null 2>&1 && "
             "tail -n +2 '%s/testpuljen-2023-afgoerelser.csv' | cut -d';' -f8,10 | tr '\\r\\n' '  '",
             prog, pool_file, out, out);
    assert_int_equal(run(cmd, buf, sizeof buf), 0);
    assert_string_equal(buf, want);
}

static void test_minimal_pools_give_their_exact_grants_in_the_csv(void **state)
{
    (void)state;
    assert_csv_grants("rounding-max.ini", "4500;reduceret 4500;reduceret 0;afslag ");
    assert_csv_grants("rounding-cap-stop.ini", "0;afslag 100;reduceret 260;reduceret ");
    assert_csv_grants("rounding-threshold.ini",
                      "1;bevilget 1000;reduceret 1000;reduceret 6000;reduceret ");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_runs_give_byte_identical_files),
        cmocka_unit_test(test_printed_digests_are_those_of_sha256sum),
        cmocka_unit_test(test_workbook_properties_hold_the_input_digests),
        cmocka_unit_test(test_danish_locale_writes_the_same_bytes_as_c),
        cmocka_unit_test(test_no_source_sets_the_numeric_locale),
        cmocka_unit_test(test_killed_while_writing_the_workbook_leaves_the_previous_outputs),
        cmocka_unit_test(test_killed_while_writing_the_csv_leaves_the_previous_csv),
        cmocka_unit_test(test_a_maximum_off_the_unit_is_refused_with_exit_2),
        cmocka_unit_test(test_minimal_pools_give_their_exact_grants_in_the_csv),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("guarantees", tests, setup, teardown);
}
