/* test_book_tmp.c - book.c's writing mechanics of issue 18: where
 * libxlsxwriter's temporary files go (lxw_tmpfile: in memory while a workbook
 * of at most BOOK_MEMORY_ROWS rows is open with book_open_rows(), in the
 * temporary folder otherwise; the workbook's bytes are the same either way),
 * and cell names and formulas written without printf, the same as
 * libxlsxwriter's own. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book.h"

/* What /proc says file f is: "/memfd:pulje-xlsx (deleted)" for a memory
 * file, the path of a deleted file in the temporary folder otherwise. */
static void fd_target(FILE *f, char *buf, size_t size)
{
    char link[64];
    ssize_t n;

    snprintf(link, sizeof link, "/proc/self/fd/%d", fileno(f));
    n = readlink(link, buf, size - 1);
    assert_true(n > 0);
    buf[n] = '\0';
}

static int is_memory_file(FILE *f)
{
    char target[4096];

    fd_target(f, target, sizeof target);
    return strncmp(target, "/memfd:pulje-xlsx", 17) == 0;
}

/* The same small workbook, opened for `rows` rows, constant memory. */
static void write_book(const char *path, size_t rows)
{
    char err[512] = "";
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL,
                                 .use_zip64 = LXW_FALSE};
    book b;
    book_sheet s;
    lxw_datetime when = {2023, 5, 1, 12, 0, 0};
    lxw_doc_properties props = {.title = "test", .created = book_created_time(&when)};

    assert_int_equal(book_open_rows(&b, path, &opts, rows, err, sizeof err), 0);
    workbook_set_properties(b.wb, &props);
    book_add_formats(&b);
    s = book_add_sheet_named(&b, "Ark");
    for (lxw_row_t r = 0; r < 50; r++) {
        book_put_text(&b, &s, r, 0, "Foreningen for en lang tekst, æøå", b.text_wrap);
        book_put_kr(&b, &s, r, 1, (pulje_kr)r * 1000, b.kr);
        book_put_formula(&b, &s, r, 2, "=B1*2", b.kr, 0);
    }
    assert_int_equal(book_close(&b), 0);
    assert_string_equal(err, "");
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *buf;

    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    *n = (size_t)ftell(f);
    rewind(f);
    buf = malloc(*n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, *n, f), *n);
    fclose(f);
    return buf;
}

static void test_small_workbook_keeps_its_temporary_files_in_memory(void **state)
{
    char dir[] = "/tmp/pulje-booktmp-XXXXXX", path[128], err[256];
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL,
                                 .use_zip64 = LXW_FALSE};
    book b;
    FILE *f;

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/a.xlsx", dir);
    /* no workbook open: libxlsxwriter's own temporary file */
    f = lxw_tmpfile(NULL);
    assert_non_null(f);
    assert_false(is_memory_file(f));
    fclose(f);
#ifdef __linux__
    /* at most BOOK_MEMORY_ROWS rows: a memory file, readable and seekable */
    assert_int_equal(book_open_rows(&b, path, &opts, BOOK_MEMORY_ROWS, err, sizeof err), 0);
    f = lxw_tmpfile(NULL);
    assert_non_null(f);
    assert_true(is_memory_file(f));
    assert_int_equal(fputs("<row r=\"1\"/>", f) >= 0, 1);
    rewind(f);
    char back[32] = "";
    assert_non_null(fgets(back, sizeof back, f));
    assert_string_equal(back, "<row r=\"1\"/>");
    fclose(f);
    book_add_formats(&b);
    assert_int_equal(book_close(&b), 0);
    /* closed: back to the temporary folder */
    f = lxw_tmpfile(NULL);
    assert_false(is_memory_file(f));
    fclose(f);
#endif
    /* one row more: the temporary folder */
    assert_int_equal(book_open_rows(&b, path, &opts, BOOK_MEMORY_ROWS + 1, err, sizeof err), 0);
    f = lxw_tmpfile(NULL);
    assert_false(is_memory_file(f));
    fclose(f);
    book_add_formats(&b);
    assert_int_equal(book_close(&b), 0);
    unlink(path);
    rmdir(dir);
}

static void test_the_workbook_is_the_same_bytes_either_way(void **state)
{
    char dir[] = "/tmp/pulje-booktmp-XXXXXX", small[128], large[128];
    size_t ns, nl;
    char *a, *c;

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(small, sizeof small, "%s/small.xlsx", dir);
    snprintf(large, sizeof large, "%s/large.xlsx", dir);
    write_book(small, 50);
    write_book(large, 1000000);
    a = slurp(small, &ns);
    c = slurp(large, &nl);
    assert_true(ns > 3000);
    assert_int_equal(ns, nl);
    assert_memory_equal(a, c, ns);
    free(a);
    free(c);
    unlink(small);
    unlink(large);
    rmdir(dir);
}

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
        cmocka_unit_test(test_small_workbook_keeps_its_temporary_files_in_memory),
        cmocka_unit_test(test_the_workbook_is_the_same_bytes_either_way),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
