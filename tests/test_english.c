/* test_english.c - English text in English number formats, Danish text in Danish ones.
 *
 * The text formatters in both languages (money_format_text and friends), the
 * data formatter (money_format) Danish in both; then the default pool through
 * every command with --lang en (run, a trial rule, explain under every rule,
 * check, compare, history, diff) and its English workbooks: no line may hold a
 * Danish-grouped amount ("50.000"), a Danish decimal ("0,6452", "35,5 %"),
 * "kr." or an amount before "DKK"; the key figures are asserted exactly, and
 * the Danish run still says "3.257.078 kr.". */
#include "testutil.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "money.h"

static char root[] = "/tmp/pulje-english-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    assert_int_equal(labels_set_language("da"), 0);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_text_formats_follow_the_language(void **state)
{
    char b[MONEY_AMOUNT_BUFSZ];
    (void)state;

    assert_int_equal(labels_set_language("da"), 0);
    assert_string_equal(money_format_text(2085200, b), "2.085.200");
    assert_string_equal(money_format_text(-1500, b), "-1.500");
    assert_string_equal(money_format_text(0, b), "0");
    assert_string_equal(money_amount_text(2085200, b), "2.085.200 kr.");
    assert_string_equal(money_format_ratio_text(6452, 10000, 4, b), "0,6452");
    assert_string_equal(money_format_ratio_text(1234567891, 100, 2, b), "12.345.678,91");
    assert_string_equal(money_format_pct_text(355, 1000, 1, b), "35,5 %");
    assert_string_equal(money_format_pct_text(55, 100, 0, b), "55 %");

    assert_int_equal(labels_set_language("en"), 0);
    assert_string_equal(money_format_text(2085200, b), "2,085,200");
    assert_string_equal(money_format_text(-1500, b), "-1,500");
    assert_string_equal(money_format_text(999, b), "999");
    assert_string_equal(money_format_text(MONEY_MAX, b), "1,000,000,000,000");
    assert_string_equal(money_amount_text(2085200, b), "DKK 2,085,200");
    assert_string_equal(money_amount_text(0, b), "DKK 0");
    assert_string_equal(money_format_ratio_text(6452, 10000, 4, b), "0.6452");
    assert_string_equal(money_format_ratio_text(1234567891, 100, 2, b), "12,345,678.91");
    assert_string_equal(money_format_ratio_text(-1, 3, 3, b), "-0.333");
    assert_string_equal(money_format_pct_text(355, 1000, 1, b), "35.5%");
    assert_string_equal(money_format_pct_text(55, 100, 0, b), "55%");
    /* data and what an officer types stay Danish: money_parse reads only that */
    assert_string_equal(money_format(2085200, b), "2.085.200");
    assert_string_equal(money_format_ratio(6452, 10000, 4, b), "0,6452");
    assert_string_equal(money_format_pct(355, 1000, 1, b), "35,5 %");
    pulje_kr v = 0;
    assert_int_equal(money_parse("2,085,200", 9, &v), MONEY_ENGLISH);
    assert_int_equal(money_parse("100,000", 7, &v), MONEY_AMBIGUOUS);
    assert_int_equal(labels_set_language("da"), 0);
}

/* The Danish number forms that must not appear in English text. */
static const char *const danish_forms[] = {
    "(^|[^0-9.,])[1-9][0-9]{0,2}(\\.[0-9]{3})+([^0-9]|$)", /* 50.000, 3.257.078 */
    "[0-9],[0-9]{1,2}([^0-9]|$)",                          /* 45.164,56 */
    "[0-9],[0-9]{4,}",                                     /* 0,6452 */
    "[0-9] %",                                             /* 35,5 % */
    "kr\\.",                                               /* 50.000 kr. */
    "[0-9] DKK",                                           /* 50.000 DKK */
};
enum { N_FORMS = sizeof danish_forms / sizeof danish_forms[0] };

/* Count the lines of text that hold a Danish number form; print each unless what is NULL. */
static size_t danish_lines(const char *what, const char *text)
{
    regex_t re[N_FORMS];
    size_t bad = 0;
    for (size_t k = 0; k < N_FORMS; k++)
        assert_int_equal(regcomp(&re[k], danish_forms[k], REG_EXTENDED | REG_NOSUB), 0);
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char line[4096];
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), p);
        for (size_t k = 0; k < N_FORMS; k++)
            if (regexec(&re[k], line, 0, NULL, 0) == 0) {
                if (what)
                        print_error("%s: a Danish number form (%s) in English text: %s\n", what,
                                danish_forms[k], line);
                bad++;
                break;
            }
        p += n + (e != NULL);
    }
    for (size_t k = 0; k < N_FORMS; k++)
        regfree(&re[k]);
    return bad;
}

static void test_the_scan_finds_danish_forms(void **state)
{
    (void)state;
    assert_int_equal(danish_lines("self-test", "Available for new grants  DKK 3,257,078\n"
                                               "Reduction factor  0.6452  (-35.5%)\n"
                                               "Gini 0.716, 1.5 times\n"),
                     0);
    assert_int_equal(danish_lines(NULL,
                                  "a 50.000\nb 0,6452\nc 35,5 %\n"
                                  "d 45.164,56\ne 7 kr.\nf 3.257.078 DKK\n"),
                     6);
}

/* Run cmd (stdout and stderr), append its output to all; returns its exit code. */
static int run_into(const char *cmd, char *all, size_t size)
{
    size_t n = strlen(all);
    return test_run(cmd, all + n, size - n);
}

static void test_english_output_has_english_numbers(void **state)
{
    static const char *const rules[] = {"cea", "cel", "talmud", "excess", "proportional",
                                        "threshold:25000+min=10000+max=300000"};
    static const int nrs[] = {1, 2, 3, 8, 20, 40};
    enum { SZ = 1 << 21 };
    char *all = calloc(1, SZ), *one = malloc(1 << 16), cmd[2048];
    const char *b = test_build_dir(), *pool = "inputs/pulje-2023.ini";
    (void)state;
    assert_non_null(all);
    assert_non_null(one);

    /* the summary: amounts "DKK 3,257,078", the factor 0.6452, percentages 35.5% */
    snprintf(cmd, sizeof cmd, "%s/pulje run %s --lang en --out %s/o 2>&1", b, pool, root);
    assert_int_equal(test_run(cmd, one, 1 << 16), 0);
    assert_non_null(strstr(one, "  Available for new grants                 DKK 3,257,078\n"));
    assert_non_null(strstr(one, "  Total available                          DKK 6,871,589\n"));
    assert_non_null(strstr(one, "  Earmarked money                          DKK   500,000\n"));
    assert_non_null(strstr(one, "  Residual                                 DKK        28\n"));
    assert_non_null(strstr(one, "  Number of applications                              68\n"));
    assert_non_null(strstr(one, "  Reduction factor                                0.6452  "
                                "(-35.5%)\n"));
    assert_non_null(strstr(one, "  Bound in multi-year grants 2023          DKK 2,900,531  "
                                "42.2% (cap 55%)\n"));
    assert_non_null(strstr(one, "  Bound in multi-year grants 2025          DKK   234,300   "
                                "3.4% (cap 55%)\n"));
    assert_non_null(strstr(one, "(DKK 32,000) is larger than the grant assessed (DKK 30,000)"));
    strcat(all, one);

    snprintf(cmd, sizeof cmd, "%s/pulje run %s --lang en --rule cea --out %s/o 2>&1", b, pool,
             root);
    assert_int_equal(run_into(cmd, all, SZ), 0);
    snprintf(cmd, sizeof cmd, "%s/pulje run %s -q --out %s/o 2>/dev/null", b, pool, root);
    assert_int_equal(test_run(cmd, one, 1 << 16), 0);

    for (size_t i = 0; i < sizeof nrs / sizeof nrs[0]; i++) {
        snprintf(cmd, sizeof cmd, "%s/pulje explain %d %s --lang en 2>&1", b, nrs[i], pool);
        assert_int_equal(run_into(cmd, all, SZ), 0);
    }
    for (size_t k = 0; k < sizeof rules / sizeof rules[0]; k++)
        for (int nr = 3; nr <= 8; nr += 5) {
            snprintf(cmd, sizeof cmd, "%s/pulje explain %d %s --rule %s --lang en 2>&1", b, nr,
                     pool, rules[k]);
            assert_int_equal(run_into(cmd, all, SZ), 0);
        }
    snprintf(cmd, sizeof cmd, "%s/pulje explain 3 %s --lang en 2>&1", b, pool);
    assert_int_equal(test_run(cmd, one, 1 << 16), 0);
    assert_non_null(strstr(one, "     Factor = (available DKK 3,257,078 - amounts not reduced "
                                "DKK 998,850) / reduced amounts before reduction DKK 3,500,000 "
                                "≈ 0.645208\n"));
    assert_non_null(strstr(one, "  4. Computed share: DKK 70,000 x 0.645208 = DKK 45,164.56\n"));
    assert_non_null(strstr(one, "\nReduction: DKK 24,800 (35.4%)\n"));

    snprintf(cmd, sizeof cmd, "%s/pulje check %s --lang en 2>&1", b, pool);
    assert_int_equal(run_into(cmd, all, SZ), 0);
    snprintf(cmd, sizeof cmd, "%s/pulje compare %s --lang en --out %s/o 2>&1", b, pool, root);
    assert_int_equal(test_run(cmd, one, 1 << 16), 0);
    assert_non_null(strstr(one, "  cel                           3,254,500     2,578    62    19   "
                                "100.0%    50.3%  0.100     0\n"));
    strcat(all, one);
    snprintf(cmd, sizeof cmd, "%s/pulje history %s --lang en --out %s/o 2>&1", b, pool, root);
    assert_int_equal(test_run(cmd, one, 1 << 16), 0);
    assert_non_null(
        strstr(one, "reserved DKK 3,114,511  granted DKK 3,257,050  residual DKK 28  "));
    strcat(all, one);
    snprintf(cmd, sizeof cmd, "%s/pulje diff 1 2 %s --lang en --out %s/o 2>&1", b, pool, root);
    assert_int_equal(test_run(cmd, one, 1 << 16), 0);
    assert_non_null(strstr(one, "Grants in total: DKK 3,257,050 → DKK 3,256,450 (-600)\n"));
    assert_non_null(strstr(one, "      45,200       70,000    +24,800  reduced → granted"));
    strcat(all, one);
    snprintf(cmd, sizeof cmd, "%s/pulje diff %s --lang en --out %s/o 2>&1", b, pool, root);
    assert_int_equal(run_into(cmd, all, SZ), 0);
    assert_int_equal(danish_lines("pulje --lang en", all), 0);

    /* the English workbooks' texts (numeric cells keep their number formats) */
    static const char *const books[] = {"18-hovedpuljen-2023-en.xlsx",
                                        "18-hovedpuljen-2023-cea-en.xlsx",
                                        "18-hovedpuljen-2023-sammenligning.xlsx"};
    for (size_t k = 0; k < sizeof books / sizeof books[0]; k++) {
        all[0] = '\0';
        snprintf(cmd, sizeof cmd,
                 "/usr/bin/python3 tests/xlsx_dump.py %s/o/%s | "
                 "awk -F'\\t' '$1 != \"prop\" && $1 != \"sheet\" && $1 != \"layout\" && "
                 "$1 != \"style\" && $4 == \"\"'",
                 root, books[k]);
        assert_int_equal(test_run(cmd, all, SZ), 0);
        assert_true(strlen(all) > 1000);
        assert_int_equal(danish_lines(books[k], all), 0);
        if (k == 0) {
            assert_non_null(strstr(all, "62 grants of DKK 3,257,050 in total"));
            assert_non_null(strstr(all, "\tDKK 25,001–50,000\t"));
            assert_non_null(strstr(all, "\tProportional reduction of all assessed amounts above "
                                        "DKK 50,000\t"));
        }
    }
    free(all);
    free(one);
}

static void test_danish_output_keeps_danish_numbers(void **state)
{
    char *out = malloc(1 << 16), cmd[1024];
    const char *b = test_build_dir();
    (void)state;
    assert_non_null(out);

    snprintf(cmd, sizeof cmd, "%s/pulje run inputs/pulje-2023.ini --out %s/da 2>&1", b, root);
    assert_int_equal(test_run(cmd, out, 1 << 16), 0);
    assert_non_null(strstr(out, "  Til rådighed for nye tilskud       3.257.078 kr.\n"));
    assert_non_null(strstr(out, "  Reduktionsfaktor                      0,6452      (-35,5 %)\n"));
    assert_non_null(strstr(out, "  Bundet i flerårige tilsagn 2023    2.900.531 kr.  "
                                "42,2 % (loft 55 %)\n"));
    assert_non_null(
        strstr(out, "(32.000 kr.) er større end det indstillede tilskud (30.000 kr.)"));
    assert_null(strstr(out, "DKK"));
    snprintf(cmd, sizeof cmd, "%s/pulje explain 3 inputs/pulje-2023.ini 2>&1", b);
    assert_int_equal(test_run(cmd, out, 1 << 16), 0);
    assert_non_null(strstr(out, "\nReduktion: 24.800 kr. (35,4 %)\n"));
    assert_non_null(strstr(out, "70.000 kr. x 0,645208 = 45.164,56 kr.\n"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_formats_follow_the_language),
        cmocka_unit_test(test_the_scan_finds_danish_forms),
        cmocka_unit_test(test_english_output_has_english_numbers),
        cmocka_unit_test(test_danish_output_keeps_danish_numbers),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
