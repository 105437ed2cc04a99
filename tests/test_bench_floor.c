/* test_bench_floor.c - The bench floor writes exactly pulje's cells.
 *
 * Runs the harness once on a rationing pool of 3.000 applications (and the
 * default pool) with --keep, then reads pulje's workbook and the floor's
 * (bench_bare) with libzip and counts, per sheet (by name, in workbook
 * order) and column, the cells of each kind - number, inline string,
 * formula, styled blank - and the rows of each height. The two workbooks
 * must have the same counts. The counting here is independent of
 * bench_bare's own scanner (plain text search, not expat).
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

enum { MAXS = 8, MAXC = 32, NKINDS = 4, MAXH = 16 };

typedef struct counts {
    char names[MAXS][64];
    int nsheets;
    long cells[MAXS][MAXC][NKINDS]; /* n, s, f, b */
    double ht[MAXS][MAXH];
    long nht[MAXS][MAXH];
    long rows[MAXS];
} counts;

static char *part(zip_t *z, const char *name)
{
    zip_stat_t st;
    zip_file_t *f;
    char *buf;

    if (zip_stat(z, name, 0, &st) != 0)
        return NULL;
    buf = malloc(st.size + 1);
    f = zip_fopen(z, name, 0);
    assert_non_null(buf);
    assert_non_null(f);
    assert_int_equal(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
    buf[st.size] = '\0';
    zip_fclose(f);
    return buf;
}

static void count_sheet(counts *c, int s, const char *x)
{
    for (const char *p = strstr(x, "<row "); p; p = strstr(p + 1, "<row ")) {
        const char *gt = strchr(p, '>'), *h = strstr(p, " ht=\"");
        double ht = h && h < gt ? atof(h + 5) : 0;
        int k;
        c->rows[s]++;
        for (k = 0; k < MAXH && c->nht[s][k] && c->ht[s][k] != ht; k++)
            ;
        assert_true(k < MAXH);
        c->ht[s][k] = ht;
        c->nht[s][k]++;
    }
    for (const char *p = strstr(x, "<c r=\""); p; p = strstr(p + 1, "<c r=\"")) {
        const char *q = p + 6, *gt = strchr(p, '>');
        int col = 0, kind;
        for (; *q >= 'A' && *q <= 'Z'; q++)
            col = col * 26 + (*q - 'A' + 1);
        col--;
        assert_true(col >= 0 && col < MAXC);
        if (gt[-1] == '/')
            kind = 3;
        else if (strncmp(gt + 1, "<f>", 3) == 0)
            kind = 2;
        else if (strstr(p, "t=\"inlineStr\"") && strstr(p, "t=\"inlineStr\"") < gt)
            kind = 1;
        else
            kind = 0;
        c->cells[s][col][kind]++;
    }
}

static void count_book(const char *path, counts *c)
{
    int err;
    zip_t *z = zip_open(path, ZIP_RDONLY, &err);
    char *wb, name[64];

    memset(c, 0, sizeof *c);
    assert_non_null(z);
    wb = part(z, "xl/workbook.xml");
    assert_non_null(wb);
    for (const char *p = strstr(wb, "<sheet name=\""); p; p = strstr(p + 1, "<sheet name=\"")) {
        const char *e = strchr(p + 13, '"');
        assert_true(c->nsheets < MAXS && e - (p + 13) < 64);
        memcpy(c->names[c->nsheets], p + 13, (size_t)(e - (p + 13)));
        c->nsheets++;
    }
    free(wb);
    for (int s = 0; s < c->nsheets; s++) {
        char *x;
        snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", s + 1);
        x = part(z, name);
        assert_non_null(x);
        count_sheet(c, s, x);
        free(x);
    }
    zip_close(z);
}

static void compare_books(const char *a, const char *b, int min_sheets, long min_rows)
{
    counts *x = calloc(1, sizeof *x), *y = calloc(1, sizeof *y);
    long total = 0;

    assert_non_null(x);
    assert_non_null(y);
    count_book(a, x);
    count_book(b, y);
    assert_true(x->nsheets >= min_sheets);
    assert_int_equal(x->nsheets, y->nsheets);
    for (int s = 0; s < x->nsheets; s++) {
        assert_string_equal(x->names[s], y->names[s]);
        assert_int_equal(x->rows[s], y->rows[s]);
        total += x->rows[s];
        for (int col = 0; col < MAXC; col++)
            for (int k = 0; k < NKINDS; k++)
                if (x->cells[s][col][k] != y->cells[s][col][k]) {
                    print_error("sheet %s column %d kind %d: pulje %ld, floor %ld\n",
                                x->names[s], col, k, x->cells[s][col][k],
                                y->cells[s][col][k]);
                    fail();
                }
        for (int h = 0; h < MAXH && x->nht[s][h]; h++) {
            int k;
            for (k = 0; k < MAXH && (y->ht[s][k] != x->ht[s][h] || !y->nht[s][k]); k++)
                ;
            assert_true(k < MAXH);
            assert_int_equal(x->nht[s][h], y->nht[s][k]);
        }
    }
    assert_true(total >= min_rows);
    free(x);
    free(y);
}

static void test_floor_writes_pulje_cells_per_sheet_column_and_kind(void **state)
{
    (void)state;
    char dir[] = "/tmp/pulje-test-floor-XXXXXX", cmd[1024], a[256], b[256];
    const char *build = getenv("BUILD");

    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "%s/bench --build %s --sizes 3000 --runs 1 --dir %s --keep "
             ">/dev/null 2>&1", build ? build : "build", build ? build : "build", dir);
    assert_int_equal(system(cmd), 0);
    snprintf(a, sizeof a, "%s/out-3000/18-hovedpuljen-2023.xlsx", dir);
    snprintf(b, sizeof b, "%s/bare-3000.xlsx", dir);
    compare_books(a, b, 5, 3003);
    snprintf(a, sizeof a, "%s/out-68/18-hovedpuljen-2023.xlsx", dir);
    snprintf(b, sizeof b, "%s/bare-68.xlsx", dir);
    compare_books(a, b, 5, 71);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_floor_writes_pulje_cells_per_sheet_column_and_kind),
    };
    return cmocka_run_group_tests_name("bench_floor", tests, NULL, NULL);
}
