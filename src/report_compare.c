/* report_compare.c - The comparison workbook (libxlsxwriter): rules side by side.
 *
 * Written through book.h like report.c: one sticky error per book, every
 * libxlsxwriter return code checked, every total a formula with its exact
 * cached value, every text from labels.c, applicant text always a string
 * cell, atomic writing, a fixed creation time. */
#include "report_compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "book.h"
#include "labels.h"
#include "money.h"
#include "report_internal.h"
#include "ruletext.h"
#include "text.h"

#define NF_GINI   "0.000"

/* "Sammenligning": title, blank, header, data from row 3. Columns: Nr,
 * Forening, Indstillet, then per rule its grant (and, except for the
 * baseline, its difference from the baseline). */
enum { CG_HEADER = 2, CG_FIRST = 3, CG_NR = 0, CG_ASSOC = 1, CG_CLAIM = 2, CG_RULES = 3 };
/* "Nøgletal pr. regel": header row 3, one row per rule. */
enum { CS_HEADER = 3, CS_FIRST = 4 };
/* "Følsomhed": header row 2. */
enum { CW_HEADER = 2, CW_FIRST = 3 };
/* "Diagram": header row 0, data from row 1. */
enum { CD_FIRST = 1 };

static const char *str(const char *s)
{
    return s ? s : "";
}

/* The comparison's formats: the committee workbook's (every cell top-aligned),
 * a Gini coefficient, and a centred heading for the Ja/Nej properties. */
static lxw_format *head_center;
static void add_formats(book *b)
{
    book_add_formats(b);
    b->gini = book_add_format(b, F_VTOP, NF_GINI);
    b->factor = book_add_format(b, F_VTOP, NF_FACTOR); /* right-aligned, as every number here */
    head_center = book_add_format(b, F_BOLD | F_BOTTOM | F_WRAP | F_VTOP | F_CENTER, NULL);
}

/* Row `row` as tall as the tallest of its wrapped texts (widths in characters). */
static void fit_row(book *b, const book_sheet *s, lxw_row_t row, const char *const *texts,
                    const double *widths, size_t n)
{
    int lines = 1;

    for (size_t i = 0; i < n; i++) {
        int l = texts[i] ? book_lines(texts[i], widths[i] - 3) : 1;
        if (l > lines)
            lines = l;
    }
    if (lines > 1)
        book_set_row_height(b, s, row, 15.0 * lines + 2);
}

/* A4 landscape in page groups of `per_page` columns after the `keep` first
 * ones, which repeat on the left of every page; the header row repeats at
 * the top; one scale, the smallest any group needs. */
static void print_groups(book *b, const book_sheet *s, const pool *p, const double *widths,
                         lxw_col_t n_cols, lxw_col_t keep, lxw_col_t first, lxw_col_t per_page,
                         lxw_row_t header)
{
    lxw_col_t breaks[64];
    size_t nb = 0;
    unsigned scale = 100;
    double group[128];

    /* the first page group is columns 0..first-1; then per_page at a time */
    scale = book_scale_for(widths, first < n_cols ? first : n_cols, 1);
    for (lxw_col_t c = first; c < n_cols; c += per_page) {
        size_t n = 0;
        for (lxw_col_t k = 0; k < keep && n < 128; k++)
            group[n++] = widths[k];
        for (lxw_col_t k = c; k < c + per_page && k < n_cols && n < 128; k++)
            group[n++] = widths[k];
        unsigned sc = book_scale_for(group, n, 1);
        if (sc < scale)
            scale = sc;
        if (nb + 1 < sizeof breaks / sizeof breaks[0])
            breaks[nb++] = c;
    }
    breaks[nb] = 0;
    book_page_setup(b, s, p, 1);
    book_repeat_rows(b, s, header, header);
    book_print_scale(b, s, scale);
    if (!b->failed && keep > 0)
        book_check(b, s, worksheet_repeat_columns(s->ws, 0, keep - 1), "worksheet_repeat_columns");
    if (!b->failed && nb > 0)
        book_check(b, s, worksheet_set_v_pagebreaks(s->ws, breaks), "worksheet_set_v_pagebreaks");
}



/* A sheet named by a label, on A4 paper (also the chart's data, which gets
 * no other page setup). */
static book_sheet add_sheet(book *b, label_id name)
{
    book_sheet s = book_add_sheet(b, name);

    if (!b->failed)
        worksheet_set_paper(s.ws, BOOK_PAPER_A4);
    return s;
}

/* The grant column of scenario k on "Sammenligning". */
static lxw_col_t grant_col(const compare_result *c, size_t k)
{
    lxw_col_t col = CG_RULES;
    for (size_t i = 0; i < k; i++)
        col += i == c->baseline ? 1 : 2;
    return col;
}

/* ---- Sammenligning ------------------------------------------------------ */

static void write_grants(book *b, const book_sheet *s, const pool *p, const app_list *apps,
                         const compare_result *c)
{
    char name[256], formula[128];
    lxw_row_t total = (lxw_row_t)(CG_FIRST + apps->n);
    const compare_scenario *base = &c->v[c->baseline];
    pulje_kr claims = 0;

    book_put_text(b, s, 0, 0, book_text(b, L_CMP_TITLE, str(p->name), p->year), b->title);
    ruletext_short(&base->rule, name, sizeof name);
    book_put_text(b, s, 1, 0, book_text(b, L_CMP_BASELINE, name), NULL);
    book_put_text(b, s, CG_HEADER, CG_NR, label(L_COL_NR), b->head);
    book_put_text(b, s, CG_HEADER, CG_ASSOC, label(L_COL_ASSOCIATION), b->head);
    book_put_text(b, s, CG_HEADER, CG_CLAIM, label(L_COL_ASSESSED), b->head_num);
    book_set_column(b, s, CG_NR, CG_NR, 6);
    book_set_column(b, s, CG_ASSOC, CG_ASSOC, 34);
    book_set_column(b, s, CG_CLAIM, grant_col(c, c->n), 14);
    book_set_row_height(b, s, CG_HEADER, 62); /* "2023-reglen (25.000): forskel (kr.)": 4 lines */
    for (size_t k = 0; k < c->n; k++) {
        lxw_col_t g = grant_col(c, k);
        ruletext_short(&c->v[k].rule, name, sizeof name);
        book_put_text(b, s, CG_HEADER, g, book_text(b, L_CMP_COL_GRANT_OF, name), b->head_num);
        if (k != c->baseline)
            book_put_text(b, s, CG_HEADER, g + 1, book_text(b, L_CMP_COL_DIFF_OF, name),
                     b->head_num);
    }
    /* before the rows: in constant-memory mode a range above the current row is refused */
    if (!b->failed && apps->n > 0) {
        worksheet_freeze_panes(s->ws, CG_FIRST, CG_CLAIM + 1);
        book_check(b, s, worksheet_autofilter(s->ws, CG_HEADER, 0, total - 1, grant_col(c, c->n) - 1),
              "worksheet_autofilter");
    }
    for (size_t i = 0; i < apps->n && !b->failed; i++) {
        lxw_row_t row = (lxw_row_t)(CG_FIRST + i);
        report_put_nr(b, s, row, CG_NR, apps->v[i].nr);
        if (book_lines(apps->v[i].association, 31) > 1)
            book_set_row_height(b, s, row, 15.0 * book_lines(apps->v[i].association, 31) + 2);
        book_put_text(b, s, row, CG_ASSOC, apps->v[i].association, b->text_wrap);
        book_put_kr(b, s, row, CG_CLAIM, c->claims[i], b->kr);
        claims += c->claims[i];
        for (size_t k = 0; k < c->n; k++) {
            lxw_col_t g = grant_col(c, k), bg = grant_col(c, c->baseline);
            pulje_kr grant = c->v[k].grants[i];
            book_put_kr(b, s, row, g, grant, b->kr);
            if (k != c->baseline) {
                char x[LXW_MAX_CELL_NAME_LENGTH], y[LXW_MAX_CELL_NAME_LENGTH];
                lxw_rowcol_to_cell(x, row, g);
                lxw_rowcol_to_cell(y, row, bg);
                snprintf(formula, sizeof formula, "=%s-%s", x, y);
                book_put_formula_kr(b, s, row, g + 1, formula, b->kr,
                               grant - base->grants[i]);
            }
        }
    }
    book_put_text(b, s, total, CG_NR, label(L_TOTAL), b->total);
    book_put_blank(b, s, total, CG_ASSOC, b->total);
    if (apps->n == 0)
        return;
    book_sum_formula(formula, sizeof formula, CG_FIRST, total - 1, CG_CLAIM);
    book_put_formula_kr(b, s, total, CG_CLAIM, formula, b->total_kr, claims);
    for (size_t k = 0; k < c->n; k++) {
        lxw_col_t g = grant_col(c, k);
        book_sum_formula(formula, sizeof formula, CG_FIRST, total - 1, g);
        book_put_formula_kr(b, s, total, g, formula, b->total_kr, c->v[k].totals.granted_total);
        if (k != c->baseline) {
            book_sum_formula(formula, sizeof formula, CG_FIRST, total - 1, g + 1);
            book_put_formula_kr(b, s, total, g + 1, formula, b->total_kr,
                           c->v[k].totals.granted_total - base->totals.granted_total);
        }
    }
    {
        double w[128];
        lxw_col_t n = grant_col(c, c->n);
        for (lxw_col_t k = 0; k < n && k < 128; k++)
            w[k] = k == CG_NR ? 6 : k == CG_ASSOC ? 34 : 14;
        print_groups(b, s, p, w, n < 128 ? n : 128, CG_CLAIM, CG_CLAIM + 7, 7, CG_HEADER);
    }
}

/* ---- Økonomi pr. regel ----------------------------------------------------- */

static lxw_row_t put_lines(book *b, const book_sheet *s, lxw_row_t row, const pool_line *v,
                           size_t n, size_t cols)
{
    for (size_t i = 0; i < n; i++, row++) {
        book_put_text(b, s, row, 0, v[i].label, NULL);
        for (size_t k = 0; k < cols; k++)
            book_put_kr(b, s, row, (lxw_col_t)(1 + k), v[i].amount, b->kr);
    }
    return row;
}

/* The economy table, row by row (the workbook may be written in
 * constant-memory mode, where a row once left cannot be written again):
 * every rule's outgoing total is checked against the budget first. */
static void write_economy(book *b, const book_sheet *s, const pool *p, const app_list *apps,
                          const compare_result *c, const char *grants_sheet)
{
    char name[256], formula[300], in[LXW_MAX_CELL_NAME_LENGTH],
        out[LXW_MAX_CELL_NAME_LENGTH];
    const char *pn = str(p->name);
    lxw_row_t row, budget_total, out_first, out_total;
    pulje_kr budget = pool_budget_total(p), reserved = pool_reserved_total(p),
             plain_earmarked = 0;

    for (size_t i = 0; i < p->n_earmarks; i++)
        plain_earmarked += p->earmarks[i].amount;
    for (size_t k = 0; k < c->n; k++) {
        const compare_totals *r = &c->v[k].totals;
        pulje_kr out_sum = reserved + r->granted_total + plain_earmarked + r->residual;
        for (size_t e = 0; e < r->n_earmarks; e++)
            out_sum += r->em[e].granted + (p->earmark_defs[e].unused_to_main ? 0 : r->em[e].unused);
        if (out_sum != budget) {
            book_fail(b, "rule %zu: the economy table does not balance (%lld in, %lld out)", k + 1,
                      (long long)budget, (long long)out_sum);
            return;
        }
    }

    book_set_column(b, s, 0, 0, 60);
    book_set_column(b, s, 1, (lxw_col_t)c->n, 12);
    book_put_text(b, s, 0, 0, book_text(b, L_ECON_HEADING, pn, p->year), b->title);
    book_set_row_height(b, s, 2, 47); /* the rules' short names wrap to three lines */
    book_put_text(b, s, 2, 0, book_text(b, L_ECON_TITLE, pn), b->head);
    for (size_t k = 0; k < c->n; k++) {
        ruletext_short(&c->v[k].rule, name, sizeof name);
        book_put_text(b, s, 2, (lxw_col_t)(1 + k), name, b->head_num);
    }
    row = put_lines(b, s, 3, p->budget, p->n_budget, c->n);
    budget_total = row++;
    book_put_text(b, s, budget_total, 0, book_text(b, L_ECON_BUDGET_TOTAL, pn, p->year),
             b->total);
    for (size_t k = 0; k < c->n; k++) {
        lxw_col_t col = (lxw_col_t)(1 + k);
        if (p->n_budget > 0) {
            book_sum_formula(formula, sizeof formula, 3, budget_total - 1, col);
            book_put_formula_kr(b, s, budget_total, col, formula, b->sum_kr, budget);
        } else {
            book_put_kr(b, s, budget_total, col, 0, b->sum_kr);
        }
    }
    out_first = row;
    row = put_lines(b, s, row, p->reservations, p->n_reservations, c->n);
    book_put_text(b, s, row, 0, book_text(b, L_ECON_GRANTED, pool_short_name(p), p->year),
                  NULL);
    for (size_t k = 0; k < c->n; k++) {
        lxw_col_t col = (lxw_col_t)(1 + k);
        pulje_kr granted = c->v[k].totals.granted_total;
        if (apps->n > 0) {
            book_ref_formula(formula, sizeof formula, grants_sheet,
                             (lxw_row_t)(CG_FIRST + apps->n), grant_col(c, k));
            book_put_formula_kr(b, s, row, col, formula, b->kr, granted);
        } else {
            book_put_kr(b, s, row, col, granted, b->kr);
        }
    }
    row++;
    row = put_lines(b, s, row, p->earmarks, p->n_earmarks, c->n);
    /* earmark sections: the supplements granted under each rule, and what is
     * left unused when it goes to the residual (its own line, as in run) */
    for (size_t e = 0; e < p->n_earmark_defs; e++) {
        book_put_text(b, s, row, 0, p->earmark_defs[e].label, NULL);
        for (size_t k = 0; k < c->n; k++)
            if (e < c->v[k].totals.n_earmarks)
                book_put_kr(b, s, row, (lxw_col_t)(1 + k), c->v[k].totals.em[e].granted, b->kr);
        row++;
        if (!p->earmark_defs[e].unused_to_main) {
            book_put_text(b, s, row, 0, book_text(b, L_EM_UNUSED, p->earmark_defs[e].label),
                          NULL);
            for (size_t k = 0; k < c->n; k++)
                if (e < c->v[k].totals.n_earmarks)
                    book_put_kr(b, s, row, (lxw_col_t)(1 + k), c->v[k].totals.em[e].unused,
                                b->kr);
            row++;
        }
    }
    book_put_text(b, s, row, 0, p->residual_label, NULL);
    for (size_t k = 0; k < c->n; k++)
        book_put_kr(b, s, row, (lxw_col_t)(1 + k), c->v[k].totals.residual, b->kr);
    row++;
    out_total = row++;
    book_put_text(b, s, out_total, 0, book_text(b, L_ECON_RECOMMENDED, pn, p->year),
             b->total);
    for (size_t k = 0; k < c->n; k++) {
        lxw_col_t col = (lxw_col_t)(1 + k);
        book_sum_formula(formula, sizeof formula, out_first, out_total - 1, col);
        book_put_formula_kr(b, s, out_total, col, formula, b->sum_kr, budget);
    }
    book_put_text(b, s, row, 0, label(L_ECON_CHECK), NULL);
    for (size_t k = 0; k < c->n; k++) {
        lxw_col_t col = (lxw_col_t)(1 + k);
        lxw_rowcol_to_cell(in, budget_total, col);
        lxw_rowcol_to_cell(out, out_total, col);
        snprintf(formula, sizeof formula, "=%s-%s", in, out);
        book_put_formula_kr(b, s, row, col, formula, b->kr, 0);
    }
    book_page_setup(b, s, p, 1);
}

/* ---- Diagram: grant against assessed amount, sorted ------------------------ */

typedef struct order_item {
    pulje_kr claim;
    size_t i;
} order_item;

static int cmp_item(const void *pa, const void *pb)
{
    const order_item *a = pa, *b = pb;
    if (a->claim != b->claim)
        return a->claim < b->claim ? -1 : 1;
    return a->i < b->i ? -1 : (a->i > b->i);
}

/* Write the chart's data; returns the number of points (rows). */
static size_t write_chart_data(book *b, const book_sheet *s, const compare_result *c)
{
    order_item *items = malloc((c->n_apps ? c->n_apps : 1) * sizeof *items);
    char name[256];
    size_t m = 0;

    if (!items) {
        book_fail(b, "out of memory");
        return 0;
    }
    for (size_t i = 0; i < c->n_apps; i++)
        if (c->claims[i] > 0)
            items[m++] = (order_item){c->claims[i], i};
    qsort(items, m, sizeof *items, cmp_item);
    book_set_column(b, s, 0, (lxw_col_t)c->n, 16);
    book_put_text(b, s, 0, 0, label(L_CMP_CHART_X), b->head_num);
    for (size_t k = 0; k < c->n; k++)
        book_put_text(b, s, 0, (lxw_col_t)(1 + k), ruletext_short(&c->v[k].rule, name, sizeof name),
                 b->head_num);
    for (size_t j = 0; j < m && !b->failed; j++) {
        lxw_row_t row = (lxw_row_t)(CD_FIRST + j);
        book_put_kr(b, s, row, 0, items[j].claim, b->kr);
        for (size_t k = 0; k < c->n; k++)
            book_put_kr(b, s, row, (lxw_col_t)(1 + k), c->v[k].grants[items[j].i], b->kr);
    }
    free(items);
    return m;
}

static void insert_grant_chart(book *b, const book_sheet *on, lxw_row_t at, const book_sheet *data,
                               const compare_result *c, size_t points)
{
    lxw_chart *chart;
    char name[256];

    if (b->failed || points == 0)
        return;
    chart = workbook_add_chart(b->wb, LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS);
    if (!chart) {
        book_fail(b, "libxlsxwriter: cannot add a chart");
        return;
    }
    for (size_t k = 0; k < c->n; k++) {
        lxw_chart_series *ser = chart_add_series(chart, NULL, NULL);
        if (!ser) {
            book_fail(b, "libxlsxwriter: cannot add a chart series");
            return;
        }
        chart_series_set_categories(ser, data->name, CD_FIRST, 0,
                                    (lxw_row_t)(CD_FIRST + points - 1), 0);
        chart_series_set_values(ser, data->name, CD_FIRST, (lxw_col_t)(1 + k),
                                (lxw_row_t)(CD_FIRST + points - 1), (lxw_col_t)(1 + k));
        chart_series_set_name(ser, ruletext_short(&c->v[k].rule, name, sizeof name));
        chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
        chart_series_set_marker_size(ser, 4);
    }
    chart_title_set_name(chart, label(L_CMP_CHART_TITLE));
    chart_axis_set_name(chart->x_axis, label(L_CMP_CHART_X));
    chart_axis_set_name(chart->y_axis, label(L_CMP_CHART_Y));
    chart_axis_set_num_format(chart->x_axis, NF_KR);
    chart_axis_set_num_format(chart->y_axis, NF_KR);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options opt = {0};
    opt.x_scale = 2.2;
    opt.y_scale = 1.8;
    book_check(b, on, worksheet_insert_chart_opt(on->ws, at, 0, chart, &opt),
          "worksheet_insert_chart");
}

/* ---- Nøgletal pr. regel -------------------------------------------------------- */

static void write_summary(book *b, const book_sheet *s, const pool *p, const compare_result *c)
{
    static const label_id cols[] = {
        L_CMP_RULE, L_CMP_DESCRIPTION, L_CMP_GRANTED, L_CMP_RESIDUAL, L_CMP_N_REDUCED,
        L_CMP_N_REFUSED, L_CMP_MAX_CUT, L_CMP_MEDIAN_CUT, L_CMP_GINI, L_CMP_ORDER_VIOLATIONS,
        L_CMP_FACTOR, L_CMP_PROP_SUM, L_CMP_PROP_BOUNDS, L_CMP_PROP_ORDER_AWARDS,
        L_CMP_PROP_ORDER_LOSSES, L_CMP_PROP_MONOTONE,
    };
    char buf[512], name[300];

    book_put_text(b, s, 0, 0, book_text(b, L_CMP_TITLE, str(p->name), p->year), b->title);
    ruletext_short(&c->v[c->baseline].rule, name, sizeof name);
    book_put_text(b, s, 1, 0, book_text(b, L_CMP_BASELINE, name), NULL);
    double widths[sizeof cols / sizeof cols[0]];
    const char *heads[sizeof cols / sizeof cols[0]];
    const size_t first_prop = 11;

    for (size_t j = 0; j < sizeof cols / sizeof cols[0]; j++) {
        widths[j] = j == 0 ? 24 : j == 1 ? 40 : 14;
        heads[j] = label(cols[j]);
    }
    book_set_column(b, s, 0, 0, 24);
    book_set_column(b, s, 1, 1, 40);
    book_set_column(b, s, 2, (lxw_col_t)(sizeof cols / sizeof cols[0] - 1), 14);
    fit_row(b, s, CS_HEADER, heads, widths, sizeof cols / sizeof cols[0]);
    for (size_t j = 0; j < sizeof cols / sizeof cols[0]; j++)
        book_put_text(b, s, CS_HEADER, (lxw_col_t)j, heads[j],
                      j < 2 ? b->head : j >= first_prop ? head_center : b->head_num);
    for (size_t k = 0; k < c->n && !b->failed; k++) {
        const compare_stats *st = &c->v[k].stats;
        const compare_totals *r = &c->v[k].totals;
        lxw_row_t row = (lxw_row_t)(CS_FIRST + k);
        lxw_col_t col = 0;
        size_t n = strlen(ruletext_short(&c->v[k].rule, name, sizeof name));
        if (k == c->baseline)
            label_format(name + n, sizeof name - n, L_CMP_BASELINE_MARK);
        ruletext_describe(&c->v[k].rule, buf, sizeof buf);
        {
            const char *t[2] = {name, buf};
            fit_row(b, s, row, t, widths, 2);
        }
        book_put_text(b, s, row, col++, name, b->text_wrap);
        book_put_text(b, s, row, col++, buf, b->text_wrap);
        book_put_kr(b, s, row, col++, st->granted, b->kr);
        book_put_kr(b, s, row, col++, st->residual, b->kr);
        book_put_num(b, s, row, col++, (double)st->n_reduced, b->count);
        book_put_num(b, s, row, col++, (double)st->n_refused, b->count);
        book_put_num(b, s, row, col++, st->max_cut, b->pct);
        book_put_num(b, s, row, col++, st->median_cut, b->pct);
        book_put_num(b, s, row, col++, st->gini, b->gini);
        book_put_num(b, s, row, col++, (double)st->order_violations, b->count);
        book_put_num(b, s, row, col++,
                r->assessed_total ? (double)r->granted_total / (double)r->assessed_total : 1,
                b->factor);
        const bool props[] = {st->prop_sum, st->prop_bounds, st->prop_order_awards,
                              st->prop_order_losses, st->prop_monotone};
        for (size_t j = 0; j < sizeof props / sizeof props[0]; j++)
            book_put_text(b, s, row, col++, label(props[j] ? L_YES : L_NO), b->center);
    }
    {   /* what the properties mean, over the first page's width */
        lxw_row_t row = (lxw_row_t)(CS_FIRST + c->n + 1);
        const char *t = label(L_CMP_PROP_LEGEND);
        book_set_row_height(b, s, row, 15.0 * book_lines(t, 24 + 40 + 6 * 14 - 8) + 2);
        if (!b->failed)
            book_check(b, s, worksheet_merge_range(s->ws, row, 0, row, 7, t, b->text_wrap),
                       "worksheet_merge_range");
    }
    if (!b->failed)
        worksheet_freeze_panes(s->ws, CS_FIRST, 1);
    if (!b->failed) { /* the chart on a page of its own */
        lxw_row_t breaks[] = {(lxw_row_t)(CS_FIRST + c->n + 3), 0};
        book_check(b, s, worksheet_set_h_pagebreaks(s->ws, breaks), "worksheet_set_h_pagebreaks");
    }
    print_groups(b, s, p, widths, (lxw_col_t)(sizeof cols / sizeof cols[0]), 1, 8, 8, CS_HEADER);
}

/* ---- Følsomhed ------------------------------------------------------------------ */

static void insert_line_chart(book *b, const book_sheet *s, lxw_row_t at, lxw_col_t atcol,
                              lxw_col_t values, size_t n, label_id title, const char *nf,
                              label_id x_name, const char *x_nf)
{
    lxw_chart *chart;
    lxw_chart_series *ser;

    if (b->failed)
        return;
    chart = workbook_add_chart(b->wb, LXW_CHART_LINE);
    if (!chart) {
        book_fail(b, "libxlsxwriter: cannot add a chart");
        return;
    }
    ser = chart_add_series(chart, NULL, NULL);
    if (!ser) {
        book_fail(b, "libxlsxwriter: cannot add a chart series");
        return;
    }
    chart_series_set_categories(ser, s->name, CW_FIRST, 0, (lxw_row_t)(CW_FIRST + n - 1), 0);
    chart_series_set_values(ser, s->name, CW_FIRST, values, (lxw_row_t)(CW_FIRST + n - 1),
                            values);
    chart_series_set_name(ser, label(title));
    chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
    chart_title_set_name(chart, label(title));
    chart_axis_set_name(chart->x_axis, label(x_name));
    chart_axis_set_num_format(chart->x_axis, x_nf);
    chart_axis_set_num_format(chart->y_axis, nf);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    lxw_chart_options opt = {.x_scale = 0.85, .y_scale = 0.9}; /* beside the table on A4 */
    book_check(b, s, worksheet_insert_chart_opt(s->ws, at, atcol, chart, &opt),
               "worksheet_insert_chart");
}

static void write_sweep(book *b, const book_sheet *s, const pool *p, const compare_result *c)
{
    static const label_id cols[] = {L_CMP_SWEEP_THRESHOLD, L_CMP_SWEEP_FACTOR, L_CMP_N_REDUCED,
                                    L_CMP_SWEEP_BOUND, L_CMP_GRANTED, L_CMP_RESIDUAL};
    char name[256];
    int cap = c->sweep.param == COMPARE_SWEEP_CAP;
    label_id param = c->sweep.param == COMPARE_SWEEP_MAX_GRANT ? L_CMP_SWEEP_MAX
                     : cap                                     ? L_CMP_SWEEP_CAP
                                                               : L_CMP_SWEEP_THRESHOLD;

    ruletext_short(&c->sweep.rule, name, sizeof name);
    book_put_text(b, s, 0, 0, book_text(b, L_CMP_SWEEP_TITLE, name, label(param)), b->title);
    book_set_column(b, s, 0, 5, 13);
    book_set_column(b, s, 1, 1, 17); /* "Reduktionsfaktor" whole */
    book_set_row_height(b, s, CW_HEADER, 62); /* the headings wrap to four lines */
    for (size_t j = 0; j < sizeof cols / sizeof cols[0]; j++)
        book_put_text(b, s, CW_HEADER, (lxw_col_t)j,
                      label(j == 0 ? param : j == 3 && cap ? L_CMP_SWEEP_BOUND_MY : cols[j]),
                      b->head_num);
    for (size_t k = 0; k < c->n_steps && !b->failed; k++) {
        const compare_step *st = &c->steps[k];
        lxw_row_t row = (lxw_row_t)(CW_FIRST + k);
        if (cap)
            book_put_num(b, s, row, 0, (double)st->value / 100.0, b->pct);
        else
            book_put_kr(b, s, row, 0, st->value, b->kr);
        if (!st->ok)
            continue; /* no allocation at this value: blank, a gap in the chart */
        book_put_num(b, s, row, 1, (double)st->factor_num / (double)st->factor_den, b->factor);
        book_put_num(b, s, row, 2, (double)st->n_reduced, b->count);
        book_put_kr(b, s, row, 3, st->bound, b->kr);
        book_put_kr(b, s, row, 4, st->granted, b->kr);
        book_put_kr(b, s, row, 5, st->residual, b->kr);
    }
    if (c->n_steps > 0 && cap) {
        /* the cap moves the money bound, not the reduction */
        insert_line_chart(b, s, CW_HEADER, 7, 3, c->n_steps, L_CMP_SWEEP_BOUND_MY, NF_KR, param,
                          NF_PCT);
    } else if (c->n_steps > 0) {
        insert_line_chart(b, s, CW_HEADER, 7, 1, c->n_steps, L_CMP_SWEEP_FACTOR, NF_FACTOR,
                          param, NF_KR);
        insert_line_chart(b, s, CW_HEADER + 16, 7, 2, c->n_steps, L_CMP_N_REDUCED, "0", param,
                          NF_KR);
    }
    book_page_setup(b, s, p, 1);
}

/* ---- the workbook ------------------------------------------------------------------ */

static void set_properties(book *b, const pool *p, const lxw_datetime *date)
{
    lxw_doc_properties props;
    lxw_error e;

    if (b->failed)
        return;
    memset(&props, 0, sizeof props);
    props.title = (char *)book_text(b, L_CMP_PROP_TITLE, str(p->name), p->year);
    props.author = (char *)label(L_PROP_AUTHOR);
    props.created = book_created_time(date);
    e = workbook_set_properties(b->wb, &props);
    if (e != LXW_NO_ERROR)
        book_fail(b, "libxlsxwriter: workbook_set_properties: %s", lxw_strerror(e));
}

int report_compare_write(const char *path, const pool *p, const app_list *apps,
                         const compare_result *c, char *err, size_t errsz)
{
    return report_compare_write_as(path, p, apps, c, apps && apps->n > REPORT_COMPARE_IN_MEMORY_MAX,
                                   err, errsz);
}

int report_compare_write_as(const char *path, const pool *p, const app_list *apps,
                            const compare_result *c, bool streamed, char *err, size_t errsz)
{
    lxw_datetime date;
    book b;
    book_sheet sum, grants, econ, sweep, data;
    size_t points;

    if (!p || !apps || !c || c->n == 0 || c->baseline >= c->n) {
        text_set_err(err, errsz, "internal error: nothing to compare");
        return -1;
    }
    for (size_t k = 0; k < c->n; k++) {
        size_t lines = c->v[k].grants && c->claims ? c->n_apps : 0;
        if (lines != apps->n || (!c->v[k].grants && apps->n == 0)) {
            text_set_err(err, errsz,
                         "internal error: rule %zu has %zu lines for %zu applications", k + 1,
                         lines, apps->n);
            return -1;
        }
    }
    if (book_parse_date(p->decision_date, &date) != 0) {
        text_set_err(err, errsz, "%s: decision_date '%s' is not a date written YYYY-MM-DD",
                     str(p->file), str(p->decision_date));
        return -1;
    }
    if (apps->n > LXW_ROW_MAX - CG_FIRST - 1 || c->n > 2000 || c->n_steps > 10000) {
        text_set_err(err, errsz, "the comparison does not fit in one workbook");
        return -1;
    }
    /* a large comparison is streamed: rows go to a temporary file as they
     * are written instead of being held as cells until the end */
    lxw_workbook_options stream = {.constant_memory = LXW_TRUE, .tmpdir = NULL,
                                   .use_zip64 = LXW_FALSE};
    if (book_open(&b, path, streamed ? &stream : NULL, err, errsz) != 0)
        return -1;
    add_formats(&b);
    set_properties(&b, p, &date);
    sum = add_sheet(&b, L_CMP_SHEET_SUMMARY);
    grants = add_sheet(&b, L_CMP_SHEET_GRANTS);
    econ = add_sheet(&b, L_CMP_SHEET_ECONOMY);
    sweep = c->n_steps > 0 ? add_sheet(&b, L_CMP_SHEET_SWEEP) : (book_sheet){NULL, NULL};
    data = add_sheet(&b, L_CMP_SHEET_CHART);
    if (!b.failed) {
        write_summary(&b, &sum, p, c);
        write_grants(&b, &grants, p, apps, c);
        write_economy(&b, &econ, p, apps, c, grants.name);
        if (c->n_steps > 0)
            write_sweep(&b, &sweep, p, c);
        points = write_chart_data(&b, &data, c);
        insert_grant_chart(&b, &sum, (lxw_row_t)(CS_FIRST + c->n + 3), &data, c, points);
        if (!b.failed) /* the chart's data is not a page for the committee (returns void) */
            worksheet_hide(data.ws);
    }
    return book_close(&b);
}
