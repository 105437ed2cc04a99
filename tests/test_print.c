/* test_print.c - The committee's papers print on A4: LibreOffice's PDF of the
 * default pool's workbook and comparison workbook, read back by
 * tests/print_check.py (poppler-utils): every page A4, the pages each sheet
 * prints, every text cell found whole in the printed text, nothing under 7 pt,
 * the chart data not printed, and LibreOffice's recalculation equal to every
 * formula's cached value. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The checker's output for the default pool's two workbooks; its exit status in *rc. */
static char *print_check(int *rc)
{
    const char *build = getenv("BUILD");
    char dir[] = "/tmp/pulje-test-print-XXXXXX", cmd[2048];
    static char out[16384];
    size_t n;
    FILE *f;

    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd,
             "%s/pulje run inputs/pulje-2023.ini -q --out %s 2>/dev/null && "
             "%s/pulje compare inputs/pulje-2023.ini -q --out %s 2>/dev/null && "
             "HOME=%s /usr/bin/python3 tests/print_check.py %s %s/18-hovedpuljen-2023.xlsx "
             "%s/18-hovedpuljen-2023-sammenligning.xlsx; echo \"rc=$?\"; rm -rf %s",
             build ? build : "build", dir, build ? build : "build", dir, dir, dir, dir, dir,
             dir);
    f = popen(cmd, "r");
    assert_non_null(f);
    n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    pclose(f);
    *rc = strstr(out, "rc=0\n") ? 0 : 1;
    return out;
}

static void test_default_workbooks_print_on_a4_whole_and_legible(void **state)
{
    int rc;
    const char *out;

    (void)state;
    out = print_check(&rc);
    if (rc != 0)
        fprintf(stderr, "%s", out);
    assert_int_equal(rc, 0);
    assert_null(strstr(out, "FAIL"));
    /* the pages each sheet prints */
    assert_non_null(strstr(out, "pages\t18-hovedpuljen-2023\tResumé\t2\n"));
    assert_non_null(strstr(out, "pages\t18-hovedpuljen-2023\tØkonomi\t1\n"));
    assert_non_null(strstr(out, "pages\t18-hovedpuljen-2023\tSamlet oversigt\t6\n"));
    assert_non_null(strstr(out, "pages\t18-hovedpuljen-2023\tFlerårige\t2\n"));
    assert_non_null(strstr(out, "pages\t18-hovedpuljen-2023\tTillæg trivsel\t1\n"));
    assert_non_null(strstr(out, "pages\t18-hovedpuljen-2023-sammenligning\tNøgletal pr. regel\t3\n"));
    assert_non_null(strstr(out, "pages\t18-hovedpuljen-2023-sammenligning\tSammenligning\t9\n"));
    assert_non_null(strstr(out, "pages\t18-hovedpuljen-2023-sammenligning\tØkonomi pr. regel\t1\n"));
    assert_non_null(strstr(out, "pages\t18-hovedpuljen-2023-sammenligning\tFølsomhed\t1\n"));
    /* LibreOffice recalculates every formula to its cached value */
    assert_non_null(strstr(out, "formulas\t18-hovedpuljen-2023\t261\t0\n"));
    assert_non_null(strstr(out, "formulas\t18-hovedpuljen-2023-sammenligning\t524\t0\n"));
    /* the chart's data is a hidden sheet: not listed, not printed */
    assert_null(strstr(out, "\tDiagram\t"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_workbooks_print_on_a4_whole_and_legible),
    };
    return cmocka_run_group_tests_name("print", tests, NULL, NULL);
}
