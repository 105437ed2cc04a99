/* test_labels.c - The label table in both languages, and --lang en end to end.
 *
 * Every label must have an English text in src/labels_en.c with exactly the
 * blanks of its Danish text; the test names each one that has none, so
 * that whoever adds a Danish label adds the English one too. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "labels.h"

static void test_every_label_has_an_english_text(void **state)
{
    int missing = 0;

    (void)state;
    assert_int_equal(labels_set_language("da"), 0);
    for (int id = 0; id < L__COUNT; id++) {
        const char *en = label_text_en((label_id)id);
        if (!en || !en[0]) {
            print_error("label %d (Danish \"%s\") has no English text in src/labels_en.c\n",
                        id, label((label_id)id));
            missing++;
        }
    }
    assert_int_equal(missing, 0);
}

static void test_english_texts_have_the_blanks_of_the_danish(void **state)
{
    char conv[16];
    int bad = 0;

    (void)state;
    for (int id = 0; id < L__COUNT; id++) {
        const char *en = label_text_en((label_id)id);
        if (!en)
            continue;
        test_label_conversions(en, conv, sizeof conv);
        if (strcmp(conv, label_args((label_id)id)) != 0) {
            print_error("label %d: English \"%s\" has blanks \"%s\", the Danish \"%s\"\n", id,
                        en, conv, label_args((label_id)id));
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

static void test_language_switches_and_danish_is_the_default(void **state)
{
    char buf[128];

    (void)state;
    assert_int_equal(labels_language(), LABEL_DA);
    assert_string_equal(label(L_SHEET_ECONOMY), "Økonomi");
    assert_int_equal(labels_set_language("en"), 0);
    assert_int_equal(labels_language(), LABEL_EN);
    assert_string_equal(label(L_SHEET_ECONOMY), "Economy");
    label_format(buf, sizeof buf, L_ECON_BUDGET_TOTAL, "§ 18-Hovedpuljen", 2023);
    assert_string_equal(buf, "Total available to § 18-Hovedpuljen 2023");
    assert_int_equal(labels_set_language("fr"), -1);
    assert_int_equal(labels_language(), LABEL_EN);
    assert_int_equal(labels_set_language(NULL), -1);
    assert_int_equal(labels_set_language("da"), 0);
    label_format(buf, sizeof buf, L_ECON_BUDGET_TOTAL, "§ 18-Hovedpuljen", 2023);
    assert_string_equal(buf, "Samlet rådighedsbeløb til § 18-Hovedpuljen 2023");
}

static void test_lang_en_switches_the_summary_and_the_workbook(void **state)
{
    char dir[] = "/tmp/pulje-lang-XXXXXX", cmd[1024];
    char *buf = malloc(1 << 20);

    (void)state;
    assert_non_null(buf);
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "%s/pulje run --lang en --closed-form --out %s 2>&1",
             test_build_dir(), dir);
    assert_int_equal(test_run(cmd, buf, 1 << 20), 0);
    assert_non_null(strstr(buf, "Available for new grants"));
    assert_non_null(strstr(buf, "DKK 3,257,078"));
    /* a trial (--lang en) writes under its own names */
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 tests/xlsx_dump.py %s/18-hovedpuljen-2023-en.xlsx",
             dir);
    assert_int_equal(test_run(cmd, buf, 1 << 20), 0);
    assert_non_null(strstr(buf, "sheet\t0\tSummary\n"));
    assert_non_null(strstr(buf, "sheet\t1\tEconomy\n"));
    assert_non_null(strstr(buf, "sheet\t2\tOverview\n"));
    assert_non_null(strstr(buf, "Summary\tA1\tSummary - § 18-Hovedpuljen 2023\t"));
    assert_non_null(strstr(buf, "\tTotal available to § 18-Hovedpuljen 2023\t"));
    assert_non_null(strstr(buf, "Recommended grant (DKK)"));
    snprintf(cmd, sizeof cmd, "%s/pulje run --lang xx --out %s/none 2>&1",
             test_build_dir(), dir);
    assert_int_equal(test_run(cmd, buf, 1 << 20), 2);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    test_run(cmd, buf, 1 << 20);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_label_has_an_english_text),
        cmocka_unit_test(test_english_texts_have_the_blanks_of_the_danish),
        cmocka_unit_test(test_language_switches_and_danish_is_the_default),
        cmocka_unit_test(test_lang_en_switches_the_summary_and_the_workbook),
    };
    return cmocka_run_group_tests_name("labels", tests, NULL, NULL);
}
