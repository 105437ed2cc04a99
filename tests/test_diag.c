/* test_diag.c - Diagnostics: sorting many problems quickly and stably. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static void test_sort_orders_by_file_then_line_then_column(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    diag_add(&dl, DIAG_ERROR, "b.csv", 2, 1, NULL, "b2");
    diag_add(&dl, DIAG_ERROR, "a.csv", 9, 3, NULL, "a9c3");
    diag_add(&dl, DIAG_ERROR, NULL, 0, 0, NULL, "nofile");
    diag_add(&dl, DIAG_ERROR, "a.csv", 9, 1, NULL, "a9c1");
    diag_add(&dl, DIAG_WARNING, "a.csv", 1, 0, NULL, "a1");
    diag_sort(&dl);
    assert_string_equal(dl.v[0].msg, "nofile");
    assert_string_equal(dl.v[1].msg, "a1");
    assert_string_equal(dl.v[2].msg, "a9c1");
    assert_string_equal(dl.v[3].msg, "a9c3");
    assert_string_equal(dl.v[4].msg, "b2");
    diag_free(&dl);
}

/* 50.000 problems on 500 lines, in scrambled order: sorted by line and
 * column, and equal positions keep the order they were added in. */
static void test_sort_of_many_problems_is_stable(void **state)
{
    (void)state;
    enum { N = 50000 };
    uint64_t rng = 7;
    diag_list dl;
    diag_init(&dl);
    for (int i = 0; i < N; i++) {
        unsigned line = (unsigned)test_between(&rng, 1, 500);
        unsigned col = (unsigned)test_between(&rng, 0, 3);
        diag_add(&dl, DIAG_ERROR, "apps.csv", line, col, NULL, "%08d", i);
    }
    assert_int_equal(dl.n, N);
    diag_sort(&dl);
    for (size_t i = 1; i < dl.n; i++) {
        const diag *a = &dl.v[i - 1], *b = &dl.v[i];
        assert_true(a->line < b->line || (a->line == b->line && a->col <= b->col));
        if (a->line == b->line && a->col == b->col)
            assert_true(strcmp(a->msg, b->msg) < 0); /* added earlier stays first */
    }
    diag_free(&dl);
}

static void test_sort_of_empty_and_single_lists(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    diag_sort(&dl);
    assert_int_equal(dl.n, 0);
    diag_add(&dl, DIAG_ERROR, "x", 1, 1, NULL, "one");
    diag_sort(&dl);
    assert_string_equal(dl.v[0].msg, "one");
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sort_orders_by_file_then_line_then_column),
        cmocka_unit_test(test_sort_of_many_problems_is_stable),
        cmocka_unit_test(test_sort_of_empty_and_single_lists),
    };
    return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
