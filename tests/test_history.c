/* test_history.c - Every run kept: the numbered run folders with their
 * records, official names replaced only by the pool's own rule, trials
 * (--rule, --lang) under their own names, and `pulje history`. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "history.h"
#include "text.h"

static char root[] = "/tmp/pulje-history-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static char *slurp(const char *path)
{
    char *data = NULL;
    size_t len;
    assert_int_equal(text_read_file(path, &data, &len), 0);
    return data;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void test_runs_are_kept_and_trials_never_touch_the_official_files(void **state)
{
    char cmd[2048], *out = malloc(1 << 16), path[1024], *first, *now, *rec;
    const char *b = test_build_dir();
    history h;

    (void)state;
    assert_non_null(out);
    snprintf(cmd, sizeof cmd, "%s/pulje run inputs/pulje-2023.ini -q --closed-form --out %s/o 2>&1",
             b, root);
    assert_int_equal(test_run(cmd, out, 1 << 16), 0);
    snprintf(path, sizeof path, "%s/o/18-hovedpuljen-2023-afgoerelser.csv", root);
    first = slurp(path);

    /* trials: their own names, in their own run folders; the official file untouched */
    snprintf(cmd, sizeof cmd,
             "%s/pulje run inputs/pulje-2023.ini -q --closed-form --rule cea --out %s/o 2>&1 && "
             "%s/pulje run inputs/pulje-2023.ini -q --closed-form --lang en --out %s/o 2>&1",
             b, root, b, root);
    assert_int_equal(test_run(cmd, out, 1 << 16), 0);
    now = slurp(path);
    assert_string_equal(now, first);
    free(now);
    snprintf(path, sizeof path, "%s/o/18-hovedpuljen-2023-cea-afgoerelser.csv", root);
    assert_true(exists(path));
    snprintf(path, sizeof path, "%s/o/18-hovedpuljen-2023-en.xlsx", root);
    assert_true(exists(path));
    snprintf(path, sizeof path,
             "%s/o/18-hovedpuljen-2023/koersel-002/18-hovedpuljen-2023-cea.xlsx", root);
    assert_true(exists(path));
    snprintf(path, sizeof path,
             "%s/o/18-hovedpuljen-2023/koersel-001/18-hovedpuljen-2023-afgoerelser.csv", root);
    now = slurp(path);
    assert_string_equal(now, first);
    free(now);

    /* the record of the official run */
    snprintf(path, sizeof path, "%s/o/18-hovedpuljen-2023/koersel-001/koersel.txt", root);
    rec = slurp(path);
    assert_non_null(strstr(rec, "run: 1\ntime: 20"));
    assert_non_null(strstr(rec, "\ncommand: pulje run inputs/pulje-2023.ini -q --closed-form --out "));
    assert_non_null(strstr(rec, "\nofficial: yes\nrule: threshold:50000\nlanguage: da\n"));
    assert_non_null(strstr(rec, "\nsha256: 7f7fc4679fcd4c755d161864f27e3363d259c5113a7343ca71f971432cc85643  inputs/pulje-2023.ini\n"));
    assert_non_null(strstr(rec, "\nreserved: 3114511\nearmarked: 500000\navailable: 3257078\n"));
    assert_non_null(strstr(rec, "\ngranted: 3257050\nresidual: 28\nreduced: 24\nrefused: 6\n"));
    assert_non_null(strstr(rec, "\nfile: 18-hovedpuljen-2023-forpligtelser.csv\n"));
    free(rec);

    /* the library reads them back, in order */
    snprintf(path, sizeof path, "%s/o/18-hovedpuljen-2023", root);
    assert_int_equal(history_load(path, &h), 0);
    assert_int_equal(h.n, 3);
    assert_true(h.v[0].official);
    assert_int_equal(h.v[0].granted, 3257050);
    assert_int_equal(h.v[0].reserved, 3114511);
    assert_false(h.v[1].official);
    assert_string_equal(h.v[1].trial, "cea");
    assert_int_equal(h.v[1].granted, 3256450);
    assert_string_equal(h.v[2].trial, "en");
    history_free(&h);

    /* a second official run replaces the official names and keeps run 4 */
    snprintf(cmd, sizeof cmd,
             "%s/pulje run inputs/pulje-2023.ini --closed-form --out %s/o 2>/dev/null && "
             "%s/pulje history inputs/pulje-2023.ini --out %s/o --lang en 2>&1",
             b, root, b, root);
    assert_int_equal(test_run(cmd, out, 1 << 16), 0);
    assert_non_null(strstr(out, "/koersel-004/ (officiel)\n"));
    assert_non_null(strstr(out, "§ 18-Hovedpuljen 2023: 4 runs kept in "));
    assert_non_null(strstr(out, "  koersel-002  "));
    assert_non_null(strstr(out, "trial cea      cea                reserved DKK 3,114,511  "
                                "granted DKK 3,256,450  residual DKK 628  reduced 17  refused 6\n"));
    free(first);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runs_are_kept_and_trials_never_touch_the_official_files),
    };
    return cmocka_run_group_tests_name("history", tests, setup, teardown);
}
