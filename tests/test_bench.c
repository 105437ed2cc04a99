/* test_bench.c - Scale limits and a smoke run of the benchmark harness.
 *
 * `make bench` itself takes minutes and is not part of the suite; this runs
 * its harness once on the smallest pool so that it cannot rot, and checks
 * that a pool above Excel's row limit is refused with a clear message. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "labels.h"

static void test_excel_row_limit_leaves_room_for_title_header_and_total(void **state)
{
    (void)state;
    char err[256] = "";
    assert_int_equal(report_max_applications(), 1048576 - 4);
    assert_int_equal(report_check_size(0, err, sizeof err), 0);
    assert_int_equal(report_check_size(1000000, err, sizeof err), 0);
    assert_int_equal(report_check_size(1048572, err, sizeof err), 0);
    assert_string_equal(err, "");
}

static void test_pool_above_excel_row_limit_is_refused_with_the_numbers(void **state)
{
    (void)state;
    char err[256] = "";
    assert_int_equal(report_check_size(1048573, err, sizeof err), -1);
    assert_string_equal(err, "1,048,573 applications do not fit in one workbook: a sheet "
                             "holds at most 1,048,576 rows (Excel's limit), room for "
                             "1,048,572 applications");
}

static int count_bars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '|';
    return n;
}

static void test_harness_runs_on_the_smallest_pool(void **state)
{
    (void)state;
    char cmd[1024], line[1024];
    const char *build = getenv("BUILD");
    int rows = 0, target = 0;
    FILE *f;

    snprintf(cmd, sizeof cmd, "%s/bench --build %s --sizes 100 --runs 1 2>/dev/null",
             build ? build : "build", build ? build : "build");
    f = popen(cmd, "r");
    assert_non_null(f);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "| 100 |", 7) == 0) /* 18 columns: size, 7 phases ... runs */
            rows += count_bars(line) == 19;
        if (strstr(line, "default pool end to end <= 10 ms"))
            target++;
    }
    assert_int_equal(pclose(f), 0);
    assert_int_equal(rows, 1);
    assert_int_equal(target, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_excel_row_limit_leaves_room_for_title_header_and_total),
        cmocka_unit_test(test_pool_above_excel_row_limit_is_refused_with_the_numbers),
        cmocka_unit_test(test_harness_runs_on_the_smallest_pool),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("bench", tests, NULL, NULL);
}
