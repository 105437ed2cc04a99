/* test_suggest.c - The one did-you-mean policy (text_suggest) and its users:
 * pool keys, column headers, rule names, commands and options, each with the
 * exact suggestion. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "inifile.h"
#include "rules.h"
#include "text.h"

static void test_the_bound_grows_with_the_name_and_stops_at_three(void **state)
{
    (void)state;
    assert_int_equal(text_suggest_limit(1), 1);
    assert_int_equal(text_suggest_limit(3), 1);
    assert_int_equal(text_suggest_limit(4), 2);
    assert_int_equal(text_suggest_limit(5), 2);
    assert_int_equal(text_suggest_limit(6), 3);
    assert_int_equal(text_suggest_limit(40), 3);
}

static void test_closest_within_the_bound_first_of_equals(void **state)
{
    static const char *const keys[] = {"rule", "threshold", "rounding", "residual_label"};
    static const char *const rules[] = {"cea", "cel"};
    int oom = 0;
    (void)state;

    assert_int_equal(text_suggest("treshold", keys, 4, &oom), 1);
    assert_int_equal(text_suggest("Rounding", keys, 4, &oom), 2); /* case does not count */
    assert_int_equal(text_suggest("residual label", keys, 4, &oom), 3); /* nor blanks, '_' */
    assert_int_equal(text_suggest("thresholdxxxx", keys, 4, &oom), -1); /* 4 edits: too far */
    assert_int_equal(text_suggest("thresxxxd", keys, 4, &oom), 1);      /* 3 edits: close */
    assert_int_equal(text_suggest("ceb", rules, 2, &oom), 0);           /* a tie: the first */
    assert_int_equal(text_suggest("", keys, 4, &oom), -1);
    assert_int_equal(oom, 0);
}

static void test_a_swap_of_neighbours_is_one_edit(void **state)
{
    static const char *const commands[] = {"run", "check", "compare", "explain", "init",
                                           "history"};
    (void)state;
    assert_int_equal(text_suggest("rnu", commands, 6, NULL), 0);
    assert_int_equal(text_suggest("chekc", commands, 6, NULL), 1);
    assert_int_equal(text_suggest("hsitory", commands, 6, NULL), 5);
    assert_int_equal(text_suggest("xyz", commands, 6, NULL), -1);
}

/* æ, ø and å are one character each: "ar" is one edit from "År" (a short
 * name, one edit allowed), and "Ansogt belob" two from "Ansøgt beløb". */
static void test_danish_letters_count_as_one_character(void **state)
{
    static const char *const cols[] = {"År", "Ansøgt beløb", "Nr"};
    static const char *const heads[] = {"Øremærket", "Udgift"};
    (void)state;
    assert_int_equal(text_suggest("ar", cols, 3, NULL), 0);
    assert_int_equal(text_suggest("Ansogt belob", cols, 3, NULL), 1);
    assert_int_equal(text_suggest("oremarket", heads, 2, NULL), 0); /* two letters differ */
    assert_int_equal(text_suggest("ØREMÆRKET", heads, 2, NULL), 0); /* Æ Ø Å fold too */
}

/* The pool file's keys go through the same policy. */
static void test_pool_keys_use_the_same_policy(void **state)
{
    static const char *const keys[] = {"rule", "threshold", "rounding"};
    (void)state;
    assert_int_equal(inifile_suggest("treshold", keys, 3, NULL), text_suggest("treshold", keys, 3, NULL));
    assert_int_equal(inifile_suggest("rnule", keys, 3, NULL), 0);
}

static void test_rule_names_suggest_the_rule_by_its_key(void **state)
{
    (void)state;
    assert_string_equal(rule_suggest("talmut"), "talmud");
    assert_string_equal(rule_suggest("proportinal"), "proportional");
    assert_string_equal(rule_suggest("treshold"), "threshold");
    assert_string_equal(rule_suggest("PRO"), "proportional"); /* an alias, named by its key */
    assert_null(rule_suggest("zzzzzz"));
}

/* The program says them: a rule, a command, an option, a column, a pool key. */
static void test_the_program_says_did_you_mean(void **state)
{
    char cmd[1024], out[16384];
    (void)state;

    snprintf(cmd, sizeof cmd, "%s/pulje run --rule talmut -q --out /nonexistent --lang en 2>&1",
             test_build_dir());
    assert_int_equal(test_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "pulje: --rule: unknown rule \"talmut\"; did you mean talmud? "
                                "The rules are threshold, proportional, excess, cea, cel or "
                                "talmud\n"));
    snprintf(cmd, sizeof cmd, "%s/pulje rnu --lang en 2>&1", test_build_dir());
    assert_int_equal(test_run(cmd, out, sizeof out), 2);
    assert_string_equal(out, "pulje: unknown command 'rnu'\n"
                             "  hint: did you mean run? The commands are run, check, compare, "
                             "explain, init, history, diff and letters; see pulje --help\n");
    snprintf(cmd, sizeof cmd, "%s/pulje run --rulle cea 2>&1", test_build_dir());
    assert_int_equal(test_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "pulje: ukendt tilvalg eller manglende værdi: --rulle\n"
                                "  råd: mente du --rule? Se pulje --help\n"));
    snprintf(cmd, sizeof cmd, "%s/pulje run --rule 2>&1", test_build_dir());
    assert_int_equal(test_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "  råd: se pulje --help\n")); /* known, argument missing */
    assert_null(strstr(out, "did you mean"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_bound_grows_with_the_name_and_stops_at_three),
        cmocka_unit_test(test_closest_within_the_bound_first_of_equals),
        cmocka_unit_test(test_a_swap_of_neighbours_is_one_edit),
        cmocka_unit_test(test_danish_letters_count_as_one_character),
        cmocka_unit_test(test_pool_keys_use_the_same_policy),
        cmocka_unit_test(test_rule_names_suggest_the_rule_by_its_key),
        cmocka_unit_test(test_the_program_says_did_you_mean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
