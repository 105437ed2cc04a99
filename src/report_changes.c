/* report_changes.c - The sheet "Ændringer siden kørsel N": what changed since
 * an earlier run (diff.h), in the words of `pulje diff` (diff_text.c).
 *
 * Written only when the run found an earlier run to compare with (run.c)
 * and something changed, so that running the same inputs again gives a
 * byte-identical workbook:
 * the two runs, the pool-wide changes, one row per changed, new or removed
 * application (number, association, grant before and now, the change,
 * supplements before and now, years, status, cause), and the totals. */
#include "report.h"
#include "report_internal.h"

#include <stdio.h>

#include "book.h"
#include "diff.h"
#include "diff_text.h"

enum { CH_NR, CH_ASSOCIATION, CH_BEFORE, CH_AFTER, CH_DELTA, CH_SUPP_BEFORE, CH_SUPP_AFTER,
       CH_YEARS, CH_STATUS, CH_CAUSE, CH__COUNT };

/* The columns' widths, in characters. */
static const double widths[CH__COUNT] = {6, 34, 12, 12, 11, 11, 11, 9, 20, 50};

static void put_row(struct book *b, const book_sheet *s, lxw_row_t row, const diff_result *d,
                    const diff_change *c)
{
    const diff_row *any = c->b ? c->b : c->a;
    char t[2048], cause[2048];
    int lines = book_lines(any->association, widths[CH_ASSOCIATION]);

    /* a row as tall as its wrapped name or cause, so no text runs over the next */
    diff_text_causes(d, c, cause, sizeof cause);
    if (book_lines(cause, widths[CH_CAUSE]) > lines)
        lines = book_lines(cause, widths[CH_CAUSE]);
    if (lines > 1)
        book_set_row_height(b, s, row, 15.0 * lines);
    report_put_nr(b, s, row, CH_NR, any->nr);
    book_put_text(b, s, row, CH_ASSOCIATION, any->association, b->text_wrap);
    if (c->a)
        book_put_kr(b, s, row, CH_BEFORE, c->a->grant, b->kr);
    if (c->b)
        book_put_kr(b, s, row, CH_AFTER, c->b->grant, b->kr);
    book_put_kr(b, s, row, CH_DELTA, (c->b ? c->b->grant : 0) - (c->a ? c->a->grant : 0), b->kr);
    if (c->a)
        book_put_kr(b, s, row, CH_SUPP_BEFORE, c->a->supplements, b->kr);
    if (c->b)
        book_put_kr(b, s, row, CH_SUPP_AFTER, c->b->supplements, b->kr);
    if (c->a && c->b)
        snprintf(t, sizeof t, "%d → %d", c->a->years, c->b->years);
    else
        snprintf(t, sizeof t, "%d", any->years);
    book_put_text(b, s, row, CH_YEARS, t, b->center);
    if (c->a && c->b && c->a->status != c->b->status)
        snprintf(t, sizeof t, "%s → %s", diff_text_status(c->a->status),
                 diff_text_status(c->b->status));
    else
        snprintf(t, sizeof t, "%s", diff_text_status(any->status));
    book_put_text(b, s, row, CH_STATUS, t, NULL);
    book_put_text(b, s, row, CH_CAUSE, cause, b->text_wrap);
}

void report_write_changes(struct book *b, const pool *p, const diff_result *d)
{
    static const label_id heads[CH__COUNT] = {
        L_COL_NR, L_COL_ASSOCIATION, L_DF_COL_BEFORE, L_DF_COL_AFTER, L_DF_COL_DELTA,
        L_DF_COL_SUPP_BEFORE, L_DF_COL_SUPP_AFTER, L_DF_COL_YEARS, L_DF_COL_STATUS,
        L_DF_COL_CAUSE,
    };
    char name[64], t[2048], ra[256], rb[256];
    lxw_row_t row = 0;
    book_sheet s;

    if (b->failed || !d || (d->n == 0 && d->n_pool == 0))
        return; /* nothing changed: the same inputs give the same workbook */
    label_format(name, sizeof name, L_DF_SHEET, d->a->no);
    s = book_add_sheet_named(b, name);
    if (b->failed)
        return;
    label_format(t, sizeof t, L_DF_TITLE, diff_text_run(d->a, ra, sizeof ra),
                 diff_text_run(d->b, rb, sizeof rb));
    book_put_text(b, &s, row++, 0, t, b->title);
    if (d->n_pool)
        book_put_text(b, &s, ++row, 0, label(L_DF_POOL), b->section);
    for (size_t k = 0; k < d->n_pool; k++)
        book_put_text(b, &s, ++row, 1, diff_text_pool(&d->pool[k], t, sizeof t), NULL);
    row += 2;
    for (int k = 0, lines = 1; k < CH__COUNT; k++)
        if (book_lines(label(heads[k]), widths[k]) > lines) { /* the header row's height */
            lines = book_lines(label(heads[k]), widths[k]);
            book_set_row_height(b, &s, row, 15.0 * lines);
        }
    for (int k = 0; k < CH__COUNT; k++) {
        book_put_text(b, &s, row, (lxw_col_t)k, label(heads[k]),
                      k >= CH_BEFORE && k <= CH_SUPP_AFTER ? b->head_num : b->head);
        book_set_column(b, &s, (lxw_col_t)k, (lxw_col_t)k, widths[k]);
    }
    if (d->n == 0)
        book_put_text(b, &s, ++row, 0, label(L_DF_NONE), NULL);
    for (size_t i = 0; i < d->n; i++)
        put_row(b, &s, ++row, d, &d->v[i]);
    row++;
    for (int k = 0; diff_text_total(d, k, t, sizeof t); k++)
        book_put_text(b, &s, ++row, 0, t, NULL);
    book_page_setup(b, &s, p, 1);
}
