/* test_date.c - The one date parser: YYYY-MM-DD from 1900-01-01 to
 * 9999-12-31, leap years, and why a text is not a date. */
#include "testutil.h"

#include <string.h>

#include "book.h"
#include "date.h"

static void test_a_date_is_read_into_its_parts(void **state)
{
    date_ymd d = {0, 0, 0};
    (void)state;
    assert_int_equal(date_parse("2022-12-13", &d), DATE_OK);
    assert_int_equal(d.year, 2022);
    assert_int_equal(d.month, 12);
    assert_int_equal(d.day, 13);
}

static void test_the_first_and_last_days_are_dates(void **state)
{
    date_ymd d;
    (void)state;
    assert_int_equal(date_parse("1900-01-01", &d), DATE_OK);
    assert_int_equal(d.year, 1900);
    assert_int_equal(date_parse("9999-12-31", &d), DATE_OK);
    assert_int_equal(d.year, 9999);
    assert_int_equal(d.month, 12);
    assert_int_equal(d.day, 31);
}

static void test_before_1900_is_too_early(void **state)
{
    date_ymd d = {7, 7, 7};
    (void)state;
    assert_int_equal(date_parse("1899-12-31", &d), DATE_TOO_EARLY);
    assert_int_equal(date_parse("0000-01-01", &d), DATE_TOO_EARLY);
    /* left unaltered on failure */
    assert_int_equal(d.year, 7);
    assert_int_equal(d.month, 7);
    assert_int_equal(d.day, 7);
}

static void test_leap_years_follow_the_gregorian_calendar(void **state)
{
    date_ymd d;
    (void)state;
    assert_int_equal(date_parse("2024-02-29", &d), DATE_OK);
    assert_int_equal(date_parse("2000-02-29", &d), DATE_OK);
    assert_int_equal(date_parse("2023-02-29", &d), DATE_NO_DAY);
    assert_int_equal(date_parse("1900-02-29", &d), DATE_NO_DAY);
    assert_int_equal(date_parse("2100-02-29", &d), DATE_NO_DAY);
    assert_int_equal(date_days_in_month(2024, 2), 29);
    assert_int_equal(date_days_in_month(2023, 2), 28);
    assert_int_equal(date_days_in_month(1900, 2), 28);
    assert_int_equal(date_days_in_month(2000, 2), 29);
    assert_int_equal(date_days_in_month(2023, 4), 30);
    assert_int_equal(date_days_in_month(2023, 12), 31);
    assert_int_equal(date_days_in_month(2023, 13), 0);
}

static void test_months_and_days_outside_the_calendar_are_named(void **state)
{
    date_ymd d;
    (void)state;
    assert_int_equal(date_parse("2022-00-10", &d), DATE_NO_MONTH);
    assert_int_equal(date_parse("2022-13-01", &d), DATE_NO_MONTH);
    assert_int_equal(date_parse("2022-04-31", &d), DATE_NO_DAY);
    assert_int_equal(date_parse("2022-04-00", &d), DATE_NO_DAY);
    assert_int_equal(date_parse("2022-01-32", &d), DATE_NO_DAY);
    assert_string_equal(date_month_name(4), "April");
    assert_string_equal(date_month_name(12), "December");
    assert_string_equal(date_month_name(0), "");
}

static void test_other_writings_are_not_dates(void **state)
{
    static const char *const texts[] = {
        "", "2022-12-1", "2022-1-13", " 2022-12-13", "2022-12-13 ", "2022/12/13",
        "13-12-2022", "2022-12-1x", "20221213", "2022-12-133", "+022-12-13",
    };
    date_ymd d;
    (void)state;
    assert_int_equal(date_parse(NULL, &d), DATE_SYNTAX);
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (date_parse(texts[i], &d) != DATE_SYNTAX)
            fail_msg("\"%s\" was taken for a date", texts[i]);
    }
}

/* The workbook reads dates with the same parser. */
static void test_the_workbook_takes_exactly_the_dates_date_parse_takes(void **state)
{
    static const char *const texts[] = {
        "1899-12-31", "1900-01-01", "2023-02-29", "2024-02-29", "9999-12-31", "2022-13-01",
        "2022-1-13",  "2022-12-13",
    };
    (void)state;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        date_ymd d;
        lxw_datetime x;
        int ok = date_parse(texts[i], &d) == DATE_OK;
        assert_int_equal(book_parse_date(texts[i], &x) == 0, ok);
        if (ok) {
            assert_int_equal(x.year, d.year);
            assert_int_equal(x.month, d.month);
            assert_int_equal(x.day, d.day);
            assert_int_equal(x.hour, 0);
        }
    }
    {
        lxw_datetime x;
        assert_int_equal(book_parse_date(NULL, &x), -1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_date_is_read_into_its_parts),
        cmocka_unit_test(test_the_first_and_last_days_are_dates),
        cmocka_unit_test(test_before_1900_is_too_early),
        cmocka_unit_test(test_leap_years_follow_the_gregorian_calendar),
        cmocka_unit_test(test_months_and_days_outside_the_calendar_are_named),
        cmocka_unit_test(test_other_writings_are_not_dates),
        cmocka_unit_test(test_the_workbook_takes_exactly_the_dates_date_parse_takes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
