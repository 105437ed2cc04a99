/* test_book_cells.c - book.c's cell names and formulas, written without
 * printf for the overview's three formulas a row (issue 18): the same text as
 * libxlsxwriter's own lxw_rowcol_to_cell, and refused when it does not fit. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"

static void test_cell_names_are_libxlsxwriters(void **state)
{
    static const lxw_row_t rows[] = {0, 1, 8, 9, 10, 99, 100, 12345, 999999, 1048575};
    static const lxw_col_t cols[] = {0, 1, 24, 25, 26, 27, 51, 52, 701, 702, 703, 16383};
    char mine[LXW_MAX_CELL_NAME_LENGTH], theirs[LXW_MAX_CELL_NAME_LENGTH];

    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        for (size_t j = 0; j < sizeof cols / sizeof cols[0]; j++) {
            size_t n = book_cell_name(mine, rows[i], cols[j]);
            lxw_rowcol_to_cell(theirs, rows[i], cols[j]);
            assert_string_equal(mine, theirs);
            assert_int_equal(n, strlen(theirs));
        }
    for (lxw_col_t c = 0; c < 800; c++) {
        book_cell_name(mine, 41, c);
        lxw_rowcol_to_cell(theirs, 41, c);
        assert_string_equal(mine, theirs);
    }
    book_cell_name(mine, 0, 0);
    assert_string_equal(mine, "A1");
    book_cell_name(mine, 1048575, 16383);
    assert_string_equal(mine, "XFD1048576");
    book_cell_name(mine, 4, 27);
    assert_string_equal(mine, "AB5");
}

static void test_formula_fills_cells_and_refuses_what_does_not_fit(void **state)
{
    char f[64];

    (void)state;
    assert_int_equal(book_formula(f, sizeof f, "=@-@", (lxw_row_t)4, 4, (lxw_row_t)4, 7), 0);
    assert_string_equal(f, "=E5-H5");
    assert_int_equal(book_formula(f, sizeof f, "=IF(@=0,0,@/@)", (lxw_row_t)3, 4,
                                  (lxw_row_t)3, 5, (lxw_row_t)3, 4),
                     0);
    assert_string_equal(f, "=IF(E4=0,0,F4/E4)");
    assert_int_equal(book_formula(f, sizeof f, "=@+SUM(@:@)", (lxw_row_t)99999, 7,
                                  (lxw_row_t)99999, 15, (lxw_row_t)99999, 16),
                     0);
    assert_string_equal(f, "=H100000+SUM(P100000:Q100000)");
    assert_int_equal(book_formula(f, sizeof f, "no cells"), 0);
    assert_string_equal(f, "no cells");
    /* 6 bytes: "=E5-" fits, the next cell name and the end do not */
    assert_int_equal(book_formula(f, 6, "=@-@", (lxw_row_t)4, 4, (lxw_row_t)4, 7), -1);
    assert_string_equal(f, "=E5-");
    /* "=E5" needs 4 bytes with its end */
    assert_int_equal(book_formula(f, 4, "=@", (lxw_row_t)4, 4), 0);
    assert_string_equal(f, "=E5");
    assert_int_equal(book_formula(f, 3, "=@", (lxw_row_t)4, 4), -1);
    assert_string_equal(f, "=");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cell_names_are_libxlsxwriters),
        cmocka_unit_test(test_formula_fills_cells_and_refuses_what_does_not_fit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
