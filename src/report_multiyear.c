/* report_multiyear.c - The "Flerårige" sheet: the multi-year cap, year by year.
 *
 * One column per year (the grant year and the two after it): the pool's
 * money, old commitments (from the ledger), new ones (a SUMIFS over the
 * overview's year columns for grants bound more than one year), the total
 * bound, the cap in % and kr., the share bound, the headroom and a check
 * cell. Every computed cell is a formula with its exact cached value. */
#include "report.h"

#include <stdio.h>

#include "book.h"

enum {
    MY_TITLE_ROW = 0, MY_HEAD_ROW = 2, MY_MONEY = 3, MY_OLD, MY_NEW, MY_BOUND, MY_CAP_PCT,
    MY_CAP_KR, MY_BOUND_PCT, MY_HEADROOM, MY_CHECK, MY_NOTES = 13
};

/* A cell reference like "B4". */
static void ref(char *buf, lxw_row_t row, lxw_col_t col)
{
    lxw_rowcol_to_cell(buf, row, col);
}

/* The range of an overview column over its application rows, on the overview sheet. */
static void overview_range(char *buf, size_t size, lxw_row_t first, lxw_row_t last,
                           lxw_col_t col)
{
    char range[LXW_MAX_CELL_RANGE_LENGTH];
    lxw_rowcol_to_range(range, first, col, last, col);
    snprintf(buf, size, "'%s'!%s", label(L_SHEET_OVERVIEW), range);
}

void report_write_multiyear(book *b, const pool *p, const alloc_result *r,
                            const report_overview_cols *ov)
{
    book_sheet s = book_add_sheet(b, L_SHEET_MULTIYEAR);
    char f[700], a[16], c[16], d[16], e[16], years[300], amounts[300];
    int over_before = 0;

    if (b->failed)
        return;
    /* Rows are written top to bottom (the workbook is in constant-memory mode). */
    book_set_column(b, &s, 0, 0, 42);
    book_set_column(b, &s, 1, MY_YEARS, 14);
    book_put_text(b, &s, MY_TITLE_ROW, 0, book_text(b, L_MY_TITLE, p->name, p->year),
                  b->title);
    overview_range(years, sizeof years, ov->first_row, ov->last_row, ov->years_granted);

    for (lxw_row_t row = MY_HEAD_ROW; row <= MY_CHECK; row++) {
        static const label_id names[] = {
            [MY_MONEY] = L_MY_ROW_MONEY, [MY_OLD] = L_MY_ROW_OLD, [MY_NEW] = L_MY_ROW_NEW,
            [MY_BOUND] = L_MY_ROW_BOUND, [MY_CAP_PCT] = L_MY_ROW_CAP_PCT,
            [MY_CAP_KR] = L_MY_ROW_CAP_KR, [MY_BOUND_PCT] = L_MY_ROW_BOUND_PCT,
            [MY_HEADROOM] = L_MY_ROW_HEADROOM, [MY_CHECK] = L_MY_ROW_CHECK};
        book_put_text(b, &s, row, 0, label(row == MY_HEAD_ROW ? L_MY_YEAR_HEADER : names[row]),
                      row == MY_HEAD_ROW ? b->head : NULL);
        for (int t = 0; t < MY_YEARS; t++) {
            const my_year *y = &r->my[t];
            lxw_col_t col = (lxw_col_t)(1 + t);
            pulje_kr bound = y->old + y->fresh;
            int ok = y->old > y->cap ? y->fresh == 0 : bound <= y->cap;

            over_before |= y->old > y->cap;
            ref(a, MY_OLD, col);
            ref(c, MY_NEW, col);
            ref(d, MY_CAP_KR, col);
            ref(e, MY_BOUND, col);
            switch (row) {
            case MY_HEAD_ROW:
                book_put_num(b, &s, row, col, y->year, b->head_num);
                break;
            case MY_MONEY:
                book_put_kr(b, &s, row, col, y->money, b->kr);
                break;
            case MY_OLD:
                book_put_kr(b, &s, row, col, y->old, b->kr);
                break;
            case MY_NEW: /* the year's amounts of grants bound for more than one year */
                if (ov->last_row >= ov->first_row) {
                    overview_range(amounts, sizeof amounts, ov->first_row, ov->last_row,
                                   (lxw_col_t)(ov->year1 + t));
                    snprintf(f, sizeof f, "=SUMIFS(%s,%s,\">1\")", amounts, years);
                    book_put_formula_kr(b, &s, row, col, f, b->kr, y->fresh);
                } else {
                    book_put_kr(b, &s, row, col, y->fresh, b->kr);
                }
                break;
            case MY_BOUND:
                snprintf(f, sizeof f, "=%s+%s", a, c);
                book_put_formula_kr(b, &s, row, col, f, b->sum_kr, bound);
                break;
            case MY_CAP_PCT:
                book_put_num(b, &s, row, col, r->cap_bp / 10000.0, b->pct);
                break;
            case MY_CAP_KR: /* whole numbers throughout, so Excel's result is exact */
                ref(a, MY_MONEY, col);
                snprintf(f, sizeof f, "=INT(%s*%d/10000)", a, r->cap_bp);
                book_put_formula_kr(b, &s, row, col, f, b->kr, y->cap);
                break;
            case MY_BOUND_PCT:
                ref(a, MY_MONEY, col);
                snprintf(f, sizeof f, "=IF(%s=0,0,%s/%s)", a, e, a);
                book_put_formula(b, &s, row, col, f, b->pct,
                                 y->money == 0 ? 0.0 : (double)bound / (double)y->money);
                break;
            case MY_HEADROOM:
                snprintf(f, sizeof f, "=%s-%s", d, e);
                book_put_formula_kr(b, &s, row, col, f, b->kr, y->cap - bound);
                break;
            case MY_CHECK:
                snprintf(f, sizeof f, "=IF(%s>%s,IF(%s=0,1,0),IF(%s<=%s,1,0))", a, d, c, e, d);
                book_put_formula(b, &s, row, col, f, b->sum, ok);
                break;
            default:
                break;
            }
        }
    }
    book_put_text(b, &s, MY_NOTES, 0, label(L_MY_CONDITIONAL), NULL);
    book_put_text(b, &s, MY_NOTES + 1, 0, label(L_MY_ESTIMATED), NULL);
    if (over_before)
        book_put_text(b, &s, MY_NOTES + 2, 0, label(L_MY_OVER_BEFORE), NULL);
    book_page_setup(b, &s, p, 1);
}
