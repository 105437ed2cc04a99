/* test_money.c - Danish whole-krone amounts: parsing and printing. */
#include "testutil.h"

#include <string.h>

#include "money.h"
#include "labels.h"

static money_status parse(const char *s, pulje_kr *v)
{
    return money_parse(s, strlen(s), v);
}

/* 50 000 with a no-break space (C2 A0) between the groups */
#define NBSP_50000 "50\xc2\xa0" "000"

static void test_plain_and_dotted_amounts_are_equal(void **state)
{
    (void)state;
    const char *ok[] = {"50000", "50.000", "50 000", " 50.000 ", "kr. 50.000", "50.000 kr.",
                        "50.000,00", "50.000,-", NBSP_50000, "DKK 50000", "50000 kr"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        pulje_kr v = -1;
        assert_int_equal(parse(ok[i], &v), MONEY_OK);
        assert_int_equal(v, 50000);
    }
}

static void test_large_and_small_amounts(void **state)
{
    (void)state;
    pulje_kr v;
    assert_int_equal(parse("6.318.216", &v), MONEY_OK);
    assert_int_equal(v, 6318216);
    assert_int_equal(parse("0", &v), MONEY_OK);
    assert_int_equal(v, 0);
    assert_int_equal(parse("999", &v), MONEY_OK);
    assert_int_equal(v, 999);
    assert_int_equal(parse("1.000.000.000.000", &v), MONEY_OK);
    assert_int_equal(v, MONEY_MAX);
}

static void test_bad_amounts_are_refused_with_a_reason(void **state)
{
    (void)state;
    pulje_kr v = 7;
    assert_int_equal(parse("", &v), MONEY_EMPTY);
    assert_int_equal(parse("   ", &v), MONEY_EMPTY);
    assert_int_equal(parse("12x", &v), MONEY_SYNTAX);
    assert_int_equal(parse("5.00", &v), MONEY_POINT);      /* a dot is a thousands separator */
    assert_int_equal(parse("50.0000", &v), MONEY_GROUPING);
    assert_int_equal(parse("1.000 000", &v), MONEY_GROUPING); /* mixed separators */
    assert_int_equal(parse("50.000,50", &v), MONEY_DECIMALS);
    assert_int_equal(parse("1.000.000.000.001", &v), MONEY_RANGE);
    assert_int_equal(parse("99999999999999999999999", &v), MONEY_RANGE);
    assert_int_equal(v, 7);
    assert_int_equal(parse("-1.500", &v), MONEY_NEGATIVE);
    assert_int_equal(v, -1500);
    assert_string_equal(money_strerror(MONEY_NEGATIVE), "the amount is negative");
}

static void test_every_documented_form_is_fifty_thousand(void **state)
{
    (void)state;
    const char *ok[] = {"50000",          "50.000",         "50 000",
                        "50\xc2\xa0" "000", "50\xe2\x80\xaf" "000", "kr. 50.000",
                        "kr 50.000",      "50.000 kr.",     "50.000 kr",
                        "50.000,-",       "50.000,00",      "kr. 50.000,00",
                        "50.000,- kr.",   "KR. 50 000",     "50000,-",
                        "  50.000,00  ",  "50000,0",        "\xc2\xa0" "50.000"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        pulje_kr v = -1;
        assert_int_equal(parse(ok[i], &v), MONEY_OK);
        assert_int_equal(v, 50000);
    }
}

static void test_a_comma_before_three_digits_is_ambiguous(void **state)
{
    pulje_kr v = 7;
    (void)state;
    assert_int_equal(parse("100,000", &v), MONEY_AMBIGUOUS);
    assert_int_equal(parse("1,000", &v), MONEY_AMBIGUOUS);
    assert_int_equal(parse("kr. 1,500", &v), MONEY_AMBIGUOUS);
    assert_int_equal(parse("999,999", &v), MONEY_AMBIGUOUS);
    assert_int_equal(v, 7);
    /* with thousands dots before it, the comma can only be Danish øre */
    assert_int_equal(parse("1.000,000", &v), MONEY_OK);
    assert_int_equal(v, 1000);
    assert_int_equal(parse("1.000,500", &v), MONEY_DECIMALS);
}

static void test_english_grouping_and_points_are_refused(void **state)
{
    pulje_kr v = 7;
    (void)state;
    assert_int_equal(parse("1,000,000", &v), MONEY_ENGLISH);
    assert_int_equal(parse("100,000.00", &v), MONEY_ENGLISH);
    assert_int_equal(parse("50.00", &v), MONEY_POINT);
    assert_int_equal(parse("1.5", &v), MONEY_POINT);
    assert_int_equal(parse("50.5 kr.", &v), MONEY_POINT);
    assert_int_equal(parse("1.00.000", &v), MONEY_GROUPING);
    assert_int_equal(parse("50 00", &v), MONEY_GROUPING);
    assert_int_equal(parse("1.000 000", &v), MONEY_GROUPING);
    assert_int_equal(parse("1000.000", &v), MONEY_GROUPING);
    assert_int_equal(parse("50.", &v), MONEY_SYNTAX);
    assert_int_equal(parse("50,", &v), MONEY_SYNTAX);
    assert_int_equal(parse("50,5", &v), MONEY_DECIMALS);
    assert_int_equal(parse("50.000,05", &v), MONEY_DECIMALS);
    assert_int_equal(parse("50,-,-", &v), MONEY_SYNTAX);
    assert_int_equal(v, 7);
}

static void test_explanations_give_both_readings(void **state)
{
    char buf[256];
    (void)state;
    assert_string_equal(money_explain("100,000", 7, MONEY_AMBIGUOUS, buf, sizeof buf),
                        "is ambiguous: 100 kr. or 100.000 kr.?");
    assert_string_equal(money_explain("1,000", 5, MONEY_AMBIGUOUS, buf, sizeof buf),
                        "is ambiguous: 1 kr. or 1.000 kr.?");
    assert_string_equal(money_explain("kr. 2,250", 9, MONEY_AMBIGUOUS, buf, sizeof buf),
                        "is ambiguous: 2,25 kr. or 2.250 kr.?");
    assert_string_equal(money_explain("1,000,000", 9, MONEY_ENGLISH, buf, sizeof buf),
                        "is not an amount: it uses ',' between thousands, as in English; in "
                        "Danish it is 1.000.000 kr.");
    assert_string_equal(money_explain("50.00", 5, MONEY_POINT, buf, sizeof buf),
                        "is not an amount: it has a '.' before 2 digits, but in Danish '.' "
                        "separates thousands (50.000); as an English decimal point it would be "
                        "50 kr.");
    assert_string_equal(money_explain("1.5", 3, MONEY_POINT, buf, sizeof buf),
                        "is not an amount: it has a '.' before 1 digit, but in Danish '.' "
                        "separates thousands (50.000); as an English decimal point it would be "
                        "1,5 kr.");
    assert_string_equal(money_explain("1.00.000", 8, MONEY_GROUPING, buf, sizeof buf),
                        "is not an amount: its thousands separators are not every three digits "
                        "from the right, as in 1.000.000 (one kind of separator throughout)");
    assert_string_equal(money_explain("12x", 3, MONEY_SYNTAX, buf, sizeof buf),
                        "is not an amount: not a whole-krone amount");
    /* truncated, never overrun */
    assert_string_equal(money_explain("100,000", 7, MONEY_AMBIGUOUS, buf, 6), "is am");
}

static void test_format_danish_thousands(void **state)
{
    (void)state;
    char b[MONEY_BUFSZ];
    assert_string_equal(money_format(6318216, b), "6.318.216");
    assert_string_equal(money_format(0, b), "0");
    assert_string_equal(money_format(999, b), "999");
    assert_string_equal(money_format(1000, b), "1.000");
    assert_string_equal(money_format(-1500, b), "-1.500");
    assert_string_equal(money_format(INT64_MAX, b), "9.223.372.036.854.775.807");
    assert_string_equal(money_format(INT64_MIN, b), "-9.223.372.036.854.775.808");
}

static void test_format_percent_and_ratio(void **state)
{
    (void)state;
    char b[MONEY_BUFSZ];
    assert_string_equal(money_format_pct(17, 100, 0, b), "17 %");
    assert_string_equal(money_format_pct(1, 3, 1, b), "33,3 %");
    assert_string_equal(money_format_pct(2, 3, 1, b), "66,7 %");
    assert_string_equal(money_format_ratio(1, 2, 4, b), "0,5000");
    assert_string_equal(money_format_ratio(500000, 1000000, 1, b), "0,5");
    assert_string_equal(money_format_ratio(12345678, 1, 0, b), "12.345.678");
}

static void test_floordiv_rounds_down_for_negatives(void **state)
{
    (void)state;
    assert_true(money_floordiv(7, 2) == 3);
    assert_true(money_floordiv(-7, 2) == -4);
    assert_true(money_floordiv(-6, 2) == -3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_and_dotted_amounts_are_equal),
        cmocka_unit_test(test_large_and_small_amounts),
        cmocka_unit_test(test_bad_amounts_are_refused_with_a_reason),
        cmocka_unit_test(test_format_danish_thousands),
        cmocka_unit_test(test_format_percent_and_ratio),
        cmocka_unit_test(test_floordiv_rounds_down_for_negatives),
        cmocka_unit_test(test_every_documented_form_is_fifty_thousand),
        cmocka_unit_test(test_a_comma_before_three_digits_is_ambiguous),
        cmocka_unit_test(test_english_grouping_and_points_are_refused),
        cmocka_unit_test(test_explanations_give_both_readings),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
