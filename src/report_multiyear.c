/* report_multiyear.c - The "Flerårige" sheet: the multi-year cap, year by year.
 *
 * One column per year (the grant year and the two after it): the pool's
 * money, old commitments (from the ledger), new ones (a SUMIFS over the
 * overview's year columns for grants bound more than one year), the total
 * bound, the cap in % and kr., the share bound, the headroom and whether the
 * cap is kept (Ja/Nej). Below: every application for a multi-year grant by
 * name, honoured or not and why, and every reservation per year (the
 * ledger's rows, operating agreements included, and this round's new
 * multi-year grants) with SUM totals. Every computed cell is a formula with
 * its exact cached value. */
#include "report_internal.h"

#include <stdio.h>

#include "book.h"
#include "ledger.h"

/* The lists' columns: name, number, then three amounts or counts, then a text. */
enum { ML_NAME = 0, ML_NR, ML_C1, ML_C2, ML_C3, ML_TEXT, ML__COLS };

/* The named list of the applications for a multi-year grant. Returns the next row. */
static lxw_row_t write_requests(book *b, const book_sheet *s, lxw_row_t row, const pool *p,
                                const app_list *apps, const alloc_result *r)
{
    static const label_id heads[ML__COLS] = {L_COL_ASSOCIATION, L_COL_NR, L_COL_YEARS_ASKED,
                                             L_COL_YEARS_GRANTED, L_COL_GRANT,
                                             L_MY_COL_OUTCOME};
    size_t n = 0;

    book_put_text(b, s, row++, ML_NAME, label(L_MY_LIST_HEAD), b->section);
    for (size_t i = 0; i < r->n; i++)
        n += r->lines[i].years_asked > 1;
    if (n == 0) {
        book_put_text(b, s, row++, ML_NAME, label(L_MY_NONE), NULL);
        return row + 1;
    }
    book_set_row_height(b, s, row, 32);
    for (lxw_col_t c = 0; c < ML__COLS; c++)
        book_put_text(b, s, row, c, label(heads[c]),
                      c == ML_NAME || c == ML_NR || c == ML_TEXT ? b->head : b->head_num);
    row++;
    for (size_t i = 0; i < r->n && !b->failed; i++) {
        const alloc_line *l = &r->lines[i];
        const app *a = &apps->v[i];
        const char *why;
        int lines;

        if (l->years_asked <= 1)
            continue;
        why = report_my_note(b, p, l->my);
        lines = book_lines(a->association, 40);
        if (book_lines(why, 33) > lines)
            lines = book_lines(why, 33);
        if (lines > 1)
            book_set_row_height(b, s, row, 15.0 * lines + 2);
        book_put_text(b, s, row, ML_NAME, a->association, b->text_wrap);
        report_put_nr(b, s, row, ML_NR, a->nr);
        book_put_num(b, s, row, ML_C1, l->years_asked, b->count);
        book_put_num(b, s, row, ML_C2, l->years, b->count);
        book_put_kr(b, s, row, ML_C3, l->grant, b->kr);
        book_put_text(b, s, row, ML_TEXT, why, b->text_wrap);
        row++;
    }
    return row + 1;
}

/* Every reservation in the three years: the ledger's rows for them and this
 * round's new multi-year grants, one column per year, with SUM totals. */
static void write_reservations(book *b, const book_sheet *s, lxw_row_t row, const pool *p,
                               const app_list *apps, const alloc_result *r)
{
    const struct ledger *lg = p->commitments;
    pulje_kr sum[MY_YEARS] = {0, 0, 0};
    lxw_row_t first;
    char f[96], kind[160];

    book_put_text(b, s, row++, ML_NAME, label(L_MY_RES_HEAD), b->section);
    book_put_text(b, s, row, ML_NAME, label(L_COL_ASSOCIATION), b->head);
    book_put_text(b, s, row, ML_NR, label(L_MY_COL_ID), b->head);
    for (int t = 0; t < MY_YEARS; t++)
        book_put_num(b, s, row, (lxw_col_t)(ML_C1 + t), p->year + t, b->head_num);
    book_put_text(b, s, row++, ML_TEXT, label(L_MY_COL_KIND), b->head);
    first = row;
    for (size_t i = 0; lg && i < lg->n && !b->failed; i++) {
        const ledger_row *e = &lg->v[i];
        int t = e->year - p->year;
        if (t < 0 || t >= MY_YEARS)
            continue;
        if (book_lines(e->association, 40) > 1)
            book_set_row_height(b, s, row, 15.0 * book_lines(e->association, 40) + 2);
        book_put_text(b, s, row, ML_NAME, e->association, b->text_wrap);
        book_put_text(b, s, row, ML_NR, e->id, b->nr);
        for (int y = 0; y < MY_YEARS; y++)
            book_put_kr(b, s, row, (lxw_col_t)(ML_C1 + y), y == t ? e->amount : 0, b->kr);
        snprintf(kind, sizeof kind, "%s (%d)",
                 label(e->kind == LEDGER_AGREEMENT ? L_MY_KIND_AGREEMENT : L_MY_KIND_MULTI),
                 e->decided);
        book_put_text(b, s, row++, ML_TEXT, kind, b->text_wrap);
        sum[t] += e->amount;
    }
    for (size_t i = 0; i < r->n && !b->failed; i++) {
        const alloc_line *l = &r->lines[i];
        if (l->years <= 1 || l->grant == 0)
            continue;
        if (book_lines(apps->v[i].association, 40) > 1)
            book_set_row_height(b, s, row, 15.0 * book_lines(apps->v[i].association, 40) + 2);
        book_put_text(b, s, row, ML_NAME, apps->v[i].association, b->text_wrap);
        report_put_nr(b, s, row, ML_NR, apps->v[i].nr);
        for (int y = 0; y < MY_YEARS; y++) {
            pulje_kr v = y < l->years ? l->grant : 0;
            book_put_kr(b, s, row, (lxw_col_t)(ML_C1 + y), v, b->kr);
            sum[y] += v;
        }
        book_put_text(b, s, row++, ML_TEXT, label(L_MY_KIND_NEW), b->text_wrap);
    }
    book_put_text(b, s, row, ML_NAME, label(L_TOTAL), b->total);
    book_put_blank(b, s, row, ML_NR, b->total);
    for (int y = 0; y < MY_YEARS; y++) {
        lxw_col_t c = (lxw_col_t)(ML_C1 + y);
        if (row == first) {
            book_put_kr(b, s, row, c, 0, b->total_kr);
            continue;
        }
        book_sum_formula(f, sizeof f, first, row - 1, c);
        book_put_formula_kr(b, s, row, c, f, b->total_kr, sum[y]);
    }
    book_put_blank(b, s, row, ML_TEXT, b->total);
}

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

void report_write_multiyear(book *b, const pool *p, const app_list *apps,
                            const alloc_result *r, const report_overview_cols *ov)
{
    book_sheet s = book_add_sheet(b, L_SHEET_MULTIYEAR);
    char f[700], a[16], c[16], d[16], e[16], years[300], amounts[300];
    int over_before = 0;

    if (b->failed)
        return;
    /* Rows are written top to bottom (the workbook is in constant-memory mode). */
    book_set_column(b, &s, 0, 0, 42);
    book_set_column(b, &s, 1, MY_YEARS + 1, 14);
    book_set_column(b, &s, ML_TEXT, ML_TEXT, 36);
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
                snprintf(f, sizeof f, "=IF(%s>%s,IF(%s=0,\"%s\",\"%s\"),IF(%s<=%s,\"%s\",\"%s\"))",
                         a, d, c, label(L_YES), label(L_NO), e, d, label(L_YES), label(L_NO));
                if (!b->failed)
                    book_check_cell(b, &s, row, col,
                                    worksheet_write_formula_str(s.ws, row, col, f, b->sum_right,
                                                                label(ok ? L_YES : L_NO)));
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
    {
        lxw_row_t row = write_requests(b, &s, MY_NOTES + 4, p, apps, r);
        write_reservations(b, &s, row, p, apps, r);
    }
    book_page_setup(b, &s, p, 1);
}
