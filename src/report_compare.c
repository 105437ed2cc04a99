/* report_compare.c - The comparison workbook (libxlsxwriter): rules side by side.
 *
 * Follows report.c: one sticky error per book, every libxlsxwriter return
 * code checked, every total a formula with its exact cached value, every
 * text from labels.c, applicant text always a string cell, atomic writing,
 * a fixed creation time. */
#include "report_compare.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "atomic.h"
#include "labels.h"
#include "money.h"
#include "report.h"
#include "ruletext.h"
#include "text.h"

#define EXACT_MAX INT64_C(9007199254740992)
#define NF_KR     "#,##0"
#define NF_PCT    "0.0 %"
#define NF_FACTOR "0.0000"
#define NF_GINI   "0.000"
#define PAPER_A4 9

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

typedef struct book {
    lxw_workbook *wb;
    int failed;
    char *err;
    size_t errsz;
    lxw_format *title, *head, *head_num, *kr, *pct, *factor, *gini, *total, *total_kr,
        *sum_kr, *count;
} book;

typedef struct sheet {
    lxw_worksheet *ws;
    const char *name;
} sheet;

static void fail(book *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(book *b, const char *fmt, ...)
{
    va_list ap;
    if (b->failed)
        return;
    b->failed = 1;
    if (!b->err || b->errsz == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->err, b->errsz, fmt, ap);
    va_end(ap);
}

static void check(book *b, const sheet *s, lxw_error e, const char *what)
{
    if (e != LXW_NO_ERROR)
        fail(b, "libxlsxwriter: %s on sheet '%s': %s", what, s->name, lxw_strerror(e));
}

static void check_cell(book *b, const sheet *s, lxw_row_t row, lxw_col_t col, lxw_error e)
{
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    if (e == LXW_NO_ERROR)
        return;
    lxw_rowcol_to_cell(cell, row, col);
    fail(b, "libxlsxwriter: cannot write cell %s of sheet '%s': %s", cell, s->name,
         lxw_strerror(e));
}

static void put_text(book *b, const sheet *s, lxw_row_t row, lxw_col_t col, const char *t,
                     lxw_format *f)
{
    if (b->failed)
        return;
    t = str(t);
    if (!text_is_utf8(t, strlen(t))) {
        char cell[LXW_MAX_CELL_NAME_LENGTH];
        lxw_rowcol_to_cell(cell, row, col);
        fail(b, "cell %s of sheet '%s': the text is not valid UTF-8", cell, s->name);
        return;
    }
    check_cell(b, s, row, col, worksheet_write_string(s->ws, row, col, t, f));
}

static void put_num(book *b, const sheet *s, lxw_row_t row, lxw_col_t col, double v,
                    lxw_format *f)
{
    if (!b->failed)
        check_cell(b, s, row, col, worksheet_write_number(s->ws, row, col, v, f));
}

static int exact(book *b, const sheet *s, lxw_row_t row, lxw_col_t col, pulje_kr v)
{
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    if (v >= -EXACT_MAX && v <= EXACT_MAX)
        return 1;
    lxw_rowcol_to_cell(cell, row, col);
    fail(b, "cell %s of sheet '%s': %lld kr. cannot be stored exactly", cell, s->name,
         (long long)v);
    return 0;
}

static void put_kr(book *b, const sheet *s, lxw_row_t row, lxw_col_t col, pulje_kr v,
                   lxw_format *f)
{
    if (!b->failed && exact(b, s, row, col, v))
        put_num(b, s, row, col, (double)v, f);
}

static void put_formula_kr(book *b, const sheet *s, lxw_row_t row, lxw_col_t col,
                           const char *formula, lxw_format *f, pulje_kr cached)
{
    if (!b->failed && exact(b, s, row, col, cached))
        check_cell(b, s, row, col,
                   worksheet_write_formula_num(s->ws, row, col, formula, f, (double)cached));
}

static void put_blank(book *b, const sheet *s, lxw_row_t row, lxw_col_t col, lxw_format *f)
{
    if (!b->failed)
        check_cell(b, s, row, col, worksheet_write_blank(s->ws, row, col, f));
}

static void set_column(book *b, const sheet *s, lxw_col_t first, lxw_col_t last, double w)
{
    if (!b->failed)
        check(b, s, worksheet_set_column(s->ws, first, last, w, NULL), "worksheet_set_column");
}

static void sum_formula(char *buf, size_t size, lxw_row_t first, lxw_row_t last, lxw_col_t col)
{
    char a[LXW_MAX_CELL_NAME_LENGTH], z[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(a, first, col);
    lxw_rowcol_to_cell(z, last, col);
    snprintf(buf, size, "=SUM(%s:%s)", a, z);
}

/* "='<sheet>'!<cell>" with the sheet name quoted. */
static void other_sheet_cell(char *buf, size_t size, const char *name, lxw_row_t row,
                             lxw_col_t col)
{
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    size_t n = 0;
    lxw_rowcol_to_cell(cell, row, col);
    buf[n++] = '=';
    buf[n++] = '\'';
    for (const char *c = name; *c && n + 3 < size; c++) {
        if (*c == '\'')
            buf[n++] = '\'';
        buf[n++] = *c;
    }
    buf[n] = '\0';
    snprintf(buf + n, size - n, "'!%s", cell);
}

static lxw_format *add_format(book *b, int bold, int top, int bottom, const char *nf)
{
    lxw_format *f;
    if (b->failed)
        return NULL;
    f = workbook_add_format(b->wb);
    if (!f) {
        fail(b, "libxlsxwriter: cannot add a cell format (out of memory)");
        return NULL;
    }
    if (bold)
        format_set_bold(f);
    if (top)
        format_set_top(f, LXW_BORDER_THIN);
    if (bottom) {
        format_set_bottom(f, LXW_BORDER_THIN);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    if (nf)
        format_set_num_format(f, nf);
    return f;
}

static void add_formats(book *b)
{
    b->title = add_format(b, 1, 0, 0, NULL);
    if (b->title)
        format_set_font_size(b->title, 14);
    b->head = add_format(b, 1, 0, 1, NULL);
    b->head_num = add_format(b, 1, 0, 1, NULL);
    if (b->head_num)
        format_set_align(b->head_num, LXW_ALIGN_RIGHT);
    b->kr = add_format(b, 0, 0, 0, NF_KR);
    b->pct = add_format(b, 0, 0, 0, NF_PCT);
    b->factor = add_format(b, 0, 0, 0, NF_FACTOR);
    b->gini = add_format(b, 0, 0, 0, NF_GINI);
    b->total = add_format(b, 1, 1, 0, NULL);
    b->total_kr = add_format(b, 1, 1, 0, NF_KR);
    b->sum_kr = add_format(b, 1, 1, 0, NF_KR);
    b->count = add_format(b, 0, 0, 0, "0");
}

static sheet add_sheet(book *b, label_id name)
{
    sheet s = {NULL, label(name)};
    if (b->failed)
        return s;
    s.ws = workbook_add_worksheet(b->wb, s.name);
    if (!s.ws)
        fail(b, "libxlsxwriter: cannot add the sheet '%s'", s.name);
    else
        worksheet_set_paper(s.ws, PAPER_A4);
    return s;
}

static void page_setup(book *b, const sheet *s)
{
    if (b->failed)
        return;
    worksheet_set_landscape(s->ws);
    worksheet_fit_to_pages(s->ws, 1, 0);
    check(b, s, worksheet_set_footer(s->ws, label(L_PRINT_FOOTER)), "worksheet_set_footer");
}

/* A label with blanks filled, into buf. */
static const char *fill(char *buf, size_t size, label_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    label_vformat(buf, size, id, ap);
    va_end(ap);
    return buf;
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

static void write_grants(book *b, const sheet *s, const pool *p, const app_list *apps,
                         const compare_result *c)
{
    char buf[512], name[256], formula[128];
    lxw_row_t total = (lxw_row_t)(CG_FIRST + apps->n);
    const compare_scenario *base = &c->v[c->baseline];
    pulje_kr claims = 0;

    put_text(b, s, 0, 0, fill(buf, sizeof buf, L_CMP_TITLE, str(p->name), p->year), b->title);
    ruletext_short(&base->rule, name, sizeof name);
    put_text(b, s, 1, 0, fill(buf, sizeof buf, L_CMP_BASELINE, name), NULL);
    put_text(b, s, CG_HEADER, CG_NR, label(L_COL_NR), b->head);
    put_text(b, s, CG_HEADER, CG_ASSOC, label(L_COL_ASSOCIATION), b->head);
    put_text(b, s, CG_HEADER, CG_CLAIM, label(L_COL_ASSESSED), b->head_num);
    set_column(b, s, CG_NR, CG_NR, 6);
    set_column(b, s, CG_ASSOC, CG_ASSOC, 40);
    set_column(b, s, CG_CLAIM, grant_col(c, c->n), 14);
    for (size_t k = 0; k < c->n; k++) {
        lxw_col_t g = grant_col(c, k);
        ruletext_short(&c->v[k].rule, name, sizeof name);
        put_text(b, s, CG_HEADER, g, fill(buf, sizeof buf, L_CMP_COL_GRANT_OF, name), b->head_num);
        if (k != c->baseline)
            put_text(b, s, CG_HEADER, g + 1, fill(buf, sizeof buf, L_CMP_COL_DIFF_OF, name),
                     b->head_num);
    }
    for (size_t i = 0; i < apps->n && !b->failed; i++) {
        lxw_row_t row = (lxw_row_t)(CG_FIRST + i);
        put_text(b, s, row, CG_NR, apps->v[i].nr, NULL);
        put_text(b, s, row, CG_ASSOC, apps->v[i].association, NULL);
        put_kr(b, s, row, CG_CLAIM, base->result.lines[i].claim, b->kr);
        claims += base->result.lines[i].claim;
        for (size_t k = 0; k < c->n; k++) {
            lxw_col_t g = grant_col(c, k), bg = grant_col(c, c->baseline);
            pulje_kr grant = c->v[k].result.lines[i].grant;
            put_kr(b, s, row, g, grant, b->kr);
            if (k != c->baseline) {
                char x[LXW_MAX_CELL_NAME_LENGTH], y[LXW_MAX_CELL_NAME_LENGTH];
                lxw_rowcol_to_cell(x, row, g);
                lxw_rowcol_to_cell(y, row, bg);
                snprintf(formula, sizeof formula, "=%s-%s", x, y);
                put_formula_kr(b, s, row, g + 1, formula, b->kr,
                               grant - base->result.lines[i].grant);
            }
        }
    }
    put_text(b, s, total, CG_NR, label(L_TOTAL), b->total);
    put_blank(b, s, total, CG_ASSOC, b->total);
    if (apps->n == 0)
        return;
    sum_formula(formula, sizeof formula, CG_FIRST, total - 1, CG_CLAIM);
    put_formula_kr(b, s, total, CG_CLAIM, formula, b->total_kr, claims);
    for (size_t k = 0; k < c->n; k++) {
        lxw_col_t g = grant_col(c, k);
        sum_formula(formula, sizeof formula, CG_FIRST, total - 1, g);
        put_formula_kr(b, s, total, g, formula, b->total_kr, c->v[k].result.granted_total);
        if (k != c->baseline) {
            sum_formula(formula, sizeof formula, CG_FIRST, total - 1, g + 1);
            put_formula_kr(b, s, total, g + 1, formula, b->total_kr,
                           c->v[k].result.granted_total - base->result.granted_total);
        }
    }
    if (!b->failed) {
        worksheet_freeze_panes(s->ws, CG_FIRST, CG_CLAIM + 1);
        check(b, s, worksheet_autofilter(s->ws, CG_HEADER, 0, total - 1, grant_col(c, c->n) - 1),
              "worksheet_autofilter");
    }
    page_setup(b, s);
}

/* ---- Økonomi pr. regel ----------------------------------------------------- */

static lxw_row_t put_lines(book *b, const sheet *s, lxw_row_t row, const pool_line *v,
                           size_t n, size_t cols)
{
    for (size_t i = 0; i < n; i++, row++) {
        put_text(b, s, row, 0, v[i].label, NULL);
        for (size_t k = 0; k < cols; k++)
            put_kr(b, s, row, (lxw_col_t)(1 + k), v[i].amount, b->kr);
    }
    return row;
}

static void write_economy(book *b, const sheet *s, const pool *p, const app_list *apps,
                          const compare_result *c, const char *grants_sheet)
{
    char buf[512], name[256], formula[300], in[LXW_MAX_CELL_NAME_LENGTH],
        out[LXW_MAX_CELL_NAME_LENGTH];
    const char *pn = str(p->name);
    lxw_row_t row, budget_total, out_first, granted_row, residual_row, out_total, em_first;
    pulje_kr budget = pool_budget_total(p), reserved = pool_reserved_total(p),
             plain_earmarked = 0;

    for (size_t i = 0; i < p->n_earmarks; i++)
        plain_earmarked += p->earmarks[i].amount;

    set_column(b, s, 0, 0, 60);
    set_column(b, s, 1, (lxw_col_t)c->n, 16);
    put_text(b, s, 0, 0, fill(buf, sizeof buf, L_ECON_HEADING, pn, p->year), b->title);
    put_text(b, s, 2, 0, fill(buf, sizeof buf, L_ECON_TITLE, pn), b->head);
    for (size_t k = 0; k < c->n; k++) {
        ruletext_short(&c->v[k].rule, name, sizeof name);
        put_text(b, s, 2, (lxw_col_t)(1 + k), name, b->head_num);
    }
    row = put_lines(b, s, 3, p->budget, p->n_budget, c->n);
    budget_total = row++;
    put_text(b, s, budget_total, 0, fill(buf, sizeof buf, L_ECON_BUDGET_TOTAL, pn, p->year),
             b->total);
    out_first = row;
    row = put_lines(b, s, row, p->reservations, p->n_reservations, c->n);
    granted_row = row++;
    put_text(b, s, granted_row, 0,
             fill(buf, sizeof buf, L_ECON_GRANTED, pool_short_name(p), p->year), NULL);
    row = put_lines(b, s, row, p->earmarks, p->n_earmarks, c->n);
    /* earmark sections: the supplements granted under each rule, and what is
     * left unused when it goes to the residual (its own line, as in run) */
    em_first = row;
    for (size_t e = 0; e < p->n_earmark_defs; e++) {
        put_text(b, s, row++, 0, p->earmark_defs[e].label, NULL);
        if (!p->earmark_defs[e].unused_to_main)
            put_text(b, s, row++, 0, fill(buf, sizeof buf, L_EM_UNUSED, p->earmark_defs[e].label),
                     NULL);
    }
    residual_row = row++;
    put_text(b, s, residual_row, 0, p->residual_label, NULL);
    out_total = row++;
    put_text(b, s, out_total, 0, fill(buf, sizeof buf, L_ECON_RECOMMENDED, pn, p->year),
             b->total);
    put_text(b, s, row, 0, label(L_ECON_CHECK), NULL);
    for (size_t k = 0; k < c->n && !b->failed; k++) {
        lxw_col_t col = (lxw_col_t)(1 + k);
        const alloc_result *r = &c->v[k].result;
        pulje_kr out_sum = reserved + r->granted_total + plain_earmarked + r->residual;
        lxw_row_t er = em_first;
        for (size_t e = 0; e < r->em.n_earmarks; e++) {
            put_kr(b, s, er++, col, r->em.totals[e].granted, b->kr);
            out_sum += r->em.totals[e].granted;
            if (!p->earmark_defs[e].unused_to_main) {
                put_kr(b, s, er++, col, r->em.totals[e].unused, b->kr);
                out_sum += r->em.totals[e].unused;
            }
        }
        if (out_sum != budget) {
            fail(b, "rule %zu: the economy table does not balance (%lld in, %lld out)", k + 1,
                 (long long)budget, (long long)out_sum);
            return;
        }
        if (p->n_budget > 0) {
            sum_formula(formula, sizeof formula, 3, budget_total - 1, col);
            put_formula_kr(b, s, budget_total, col, formula, b->sum_kr, budget);
        } else {
            put_kr(b, s, budget_total, col, 0, b->sum_kr);
        }
        if (apps->n > 0) {
            other_sheet_cell(formula, sizeof formula, grants_sheet,
                             (lxw_row_t)(CG_FIRST + apps->n), grant_col(c, k));
            put_formula_kr(b, s, granted_row, col, formula, b->kr, r->granted_total);
        } else {
            put_kr(b, s, granted_row, col, r->granted_total, b->kr);
        }
        put_kr(b, s, residual_row, col, r->residual, b->kr);
        sum_formula(formula, sizeof formula, out_first, out_total - 1, col);
        put_formula_kr(b, s, out_total, col, formula, b->sum_kr, out_sum);
        lxw_rowcol_to_cell(in, budget_total, col);
        lxw_rowcol_to_cell(out, out_total, col);
        snprintf(formula, sizeof formula, "=%s-%s", in, out);
        put_formula_kr(b, s, row, col, formula, b->kr, budget - out_sum);
    }
    page_setup(b, s);
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
static size_t write_chart_data(book *b, const sheet *s, const compare_result *c)
{
    const alloc_result *base = &c->v[c->baseline].result;
    order_item *items = malloc((base->n ? base->n : 1) * sizeof *items);
    char name[256];
    size_t m = 0;

    if (!items) {
        fail(b, "out of memory");
        return 0;
    }
    for (size_t i = 0; i < base->n; i++)
        if (base->lines[i].claim > 0)
            items[m++] = (order_item){base->lines[i].claim, i};
    qsort(items, m, sizeof *items, cmp_item);
    set_column(b, s, 0, (lxw_col_t)c->n, 16);
    put_text(b, s, 0, 0, label(L_CMP_CHART_X), b->head_num);
    for (size_t k = 0; k < c->n; k++)
        put_text(b, s, 0, (lxw_col_t)(1 + k), ruletext_short(&c->v[k].rule, name, sizeof name),
                 b->head_num);
    for (size_t j = 0; j < m && !b->failed; j++) {
        lxw_row_t row = (lxw_row_t)(CD_FIRST + j);
        put_kr(b, s, row, 0, items[j].claim, b->kr);
        for (size_t k = 0; k < c->n; k++)
            put_kr(b, s, row, (lxw_col_t)(1 + k), c->v[k].result.lines[items[j].i].grant, b->kr);
    }
    free(items);
    return m;
}

static void insert_grant_chart(book *b, const sheet *on, lxw_row_t at, const sheet *data,
                               const compare_result *c, size_t points)
{
    lxw_chart *chart;
    char name[256];

    if (b->failed || points == 0)
        return;
    chart = workbook_add_chart(b->wb, LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS);
    if (!chart) {
        fail(b, "libxlsxwriter: cannot add a chart");
        return;
    }
    for (size_t k = 0; k < c->n; k++) {
        lxw_chart_series *ser = chart_add_series(chart, NULL, NULL);
        if (!ser) {
            fail(b, "libxlsxwriter: cannot add a chart series");
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
    check(b, on, worksheet_insert_chart_opt(on->ws, at, 0, chart, &opt),
          "worksheet_insert_chart");
}

/* ---- Nøgletal pr. regel -------------------------------------------------------- */

static void write_summary(book *b, const sheet *s, const pool *p, const compare_result *c)
{
    static const label_id cols[] = {
        L_CMP_RULE, L_CMP_DESCRIPTION, L_CMP_GRANTED, L_CMP_RESIDUAL, L_CMP_N_REDUCED,
        L_CMP_N_REFUSED, L_CMP_MAX_CUT, L_CMP_MEDIAN_CUT, L_CMP_GINI, L_CMP_ORDER_VIOLATIONS,
        L_CMP_FACTOR, L_CMP_PROP_SUM, L_CMP_PROP_BOUNDS, L_CMP_PROP_ORDER_AWARDS,
        L_CMP_PROP_ORDER_LOSSES, L_CMP_PROP_MONOTONE,
    };
    char buf[512], name[300];

    put_text(b, s, 0, 0, fill(buf, sizeof buf, L_CMP_TITLE, str(p->name), p->year), b->title);
    ruletext_short(&c->v[c->baseline].rule, name, sizeof name);
    put_text(b, s, 1, 0, fill(buf, sizeof buf, L_CMP_BASELINE, name), NULL);
    set_column(b, s, 0, 0, 24);
    set_column(b, s, 1, 1, 50);
    set_column(b, s, 2, (lxw_col_t)(sizeof cols / sizeof cols[0] - 1), 14);
    for (size_t j = 0; j < sizeof cols / sizeof cols[0]; j++)
        put_text(b, s, CS_HEADER, (lxw_col_t)j, label(cols[j]), j < 2 ? b->head : b->head_num);
    for (size_t k = 0; k < c->n && !b->failed; k++) {
        const compare_stats *st = &c->v[k].stats;
        const alloc_result *r = &c->v[k].result;
        lxw_row_t row = (lxw_row_t)(CS_FIRST + k);
        lxw_col_t col = 0;
        size_t n = strlen(ruletext_short(&c->v[k].rule, name, sizeof name));
        if (k == c->baseline)
            label_format(name + n, sizeof name - n, L_CMP_BASELINE_MARK);
        put_text(b, s, row, col++, name, NULL);
        put_text(b, s, row, col++, ruletext_describe(&c->v[k].rule, buf, sizeof buf), NULL);
        put_kr(b, s, row, col++, st->granted, b->kr);
        put_kr(b, s, row, col++, st->residual, b->kr);
        put_num(b, s, row, col++, (double)st->n_reduced, b->count);
        put_num(b, s, row, col++, (double)st->n_refused, b->count);
        put_num(b, s, row, col++, st->max_cut, b->pct);
        put_num(b, s, row, col++, st->median_cut, b->pct);
        put_num(b, s, row, col++, st->gini, b->gini);
        put_num(b, s, row, col++, (double)st->order_violations, b->count);
        put_num(b, s, row, col++,
                r->assessed_total ? (double)r->granted_total / (double)r->assessed_total : 1,
                b->factor);
        const bool props[] = {st->prop_sum, st->prop_bounds, st->prop_order_awards,
                              st->prop_order_losses, st->prop_monotone};
        for (size_t j = 0; j < sizeof props / sizeof props[0]; j++)
            put_text(b, s, row, col++, label(props[j] ? L_YES : L_NO), NULL);
    }
    if (!b->failed)
        worksheet_freeze_panes(s->ws, CS_FIRST, 1);
    page_setup(b, s);
}

/* ---- Følsomhed ------------------------------------------------------------------ */

static void insert_line_chart(book *b, const sheet *s, lxw_row_t at, lxw_col_t atcol,
                              lxw_col_t values, size_t n, label_id title, const char *nf)
{
    lxw_chart *chart;
    lxw_chart_series *ser;

    if (b->failed)
        return;
    chart = workbook_add_chart(b->wb, LXW_CHART_LINE);
    if (!chart) {
        fail(b, "libxlsxwriter: cannot add a chart");
        return;
    }
    ser = chart_add_series(chart, NULL, NULL);
    if (!ser) {
        fail(b, "libxlsxwriter: cannot add a chart series");
        return;
    }
    chart_series_set_categories(ser, s->name, CW_FIRST, 0, (lxw_row_t)(CW_FIRST + n - 1), 0);
    chart_series_set_values(ser, s->name, CW_FIRST, values, (lxw_row_t)(CW_FIRST + n - 1),
                            values);
    chart_series_set_name(ser, label(title));
    chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
    chart_title_set_name(chart, label(title));
    chart_axis_set_name(chart->x_axis, label(L_CMP_SWEEP_THRESHOLD));
    chart_axis_set_num_format(chart->x_axis, NF_KR);
    chart_axis_set_num_format(chart->y_axis, nf);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    check(b, s, worksheet_insert_chart(s->ws, at, atcol, chart), "worksheet_insert_chart");
}

static void write_sweep(book *b, const sheet *s, const compare_result *c)
{
    static const label_id cols[] = {L_CMP_SWEEP_THRESHOLD, L_CMP_SWEEP_FACTOR, L_CMP_N_REDUCED,
                                    L_CMP_SWEEP_BOUND, L_CMP_GRANTED, L_CMP_RESIDUAL};
    char buf[512], name[256];
    label_id param = c->sweep.param == COMPARE_SWEEP_MAX_GRANT ? L_CMP_SWEEP_MAX
                                                               : L_CMP_SWEEP_THRESHOLD;

    ruletext_short(&c->sweep.rule, name, sizeof name);
    put_text(b, s, 0, 0, fill(buf, sizeof buf, L_CMP_SWEEP_TITLE, name, label(param)), b->title);
    set_column(b, s, 0, 5, 16);
    for (size_t j = 0; j < sizeof cols / sizeof cols[0]; j++)
        put_text(b, s, CW_HEADER, (lxw_col_t)j, label(j == 0 ? param : cols[j]), b->head_num);
    for (size_t k = 0; k < c->n_steps && !b->failed; k++) {
        const compare_step *st = &c->steps[k];
        lxw_row_t row = (lxw_row_t)(CW_FIRST + k);
        put_kr(b, s, row, 0, st->value, b->kr);
        if (!st->ok)
            continue; /* no allocation at this value: blank, a gap in the chart */
        put_num(b, s, row, 1, (double)st->factor_num / (double)st->factor_den, b->factor);
        put_num(b, s, row, 2, (double)st->n_reduced, b->count);
        put_kr(b, s, row, 3, st->bound, b->kr);
        put_kr(b, s, row, 4, st->granted, b->kr);
        put_kr(b, s, row, 5, st->residual, b->kr);
    }
    if (c->n_steps > 0) {
        insert_line_chart(b, s, CW_HEADER, 7, 1, c->n_steps, L_CMP_SWEEP_FACTOR, NF_FACTOR);
        insert_line_chart(b, s, CW_HEADER + 16, 7, 2, c->n_steps, L_CMP_N_REDUCED, "0");
    }
    page_setup(b, s);
}

/* ---- the workbook ------------------------------------------------------------------ */

static int parse_date(const char *s, lxw_datetime *out)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1900 ||
        m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    memset(out, 0, sizeof *out);
    out->year = y;
    out->month = (uint8_t)m;
    out->day = (uint8_t)d;
    return 0;
}

static int64_t days_from_civil(int64_t y, int m, int d)
{
    int64_t era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void set_properties(book *b, const pool *p, const lxw_datetime *date)
{
    lxw_doc_properties props;
    char title[512];
    lxw_error e;

    if (b->failed)
        return;
    memset(&props, 0, sizeof props);
    props.title = (char *)fill(title, sizeof title, L_CMP_PROP_TITLE, str(p->name), p->year);
    props.author = (char *)label(L_PROP_AUTHOR);
    props.created =
        (time_t)(days_from_civil(date->year, date->month, date->day) * 86400 + 12 * 3600);
    e = workbook_set_properties(b->wb, &props);
    if (e != LXW_NO_ERROR)
        fail(b, "libxlsxwriter: workbook_set_properties: %s", lxw_strerror(e));
}

int report_compare_write(const char *path, const pool *p, const app_list *apps,
                         const compare_result *c, char *err, size_t errsz)
{
    lxw_datetime date;
    atomic_file af;
    book b;
    lxw_error e;
    sheet sum, grants, econ, sweep, data;
    size_t points;

    if (!p || !apps || !c || c->n == 0 || c->baseline >= c->n) {
        snprintf(err, errsz, "internal error: nothing to compare");
        return -1;
    }
    for (size_t k = 0; k < c->n; k++) {
        if (c->v[k].result.n != apps->n) {
            snprintf(err, errsz, "internal error: rule %zu has %zu lines for %zu applications",
                     k + 1, c->v[k].result.n, apps->n);
            return -1;
        }
    }
    if (parse_date(p->decision_date, &date) != 0) {
        snprintf(err, errsz, "%s: decision_date '%s' is not a date written YYYY-MM-DD",
                 str(p->file), str(p->decision_date));
        return -1;
    }
    if (apps->n > LXW_ROW_MAX - CG_FIRST - 1 || c->n > 2000 || c->n_steps > 10000) {
        snprintf(err, errsz, "the comparison does not fit in one workbook");
        return -1;
    }
    if (atomic_begin(&af, path, 0) != 0) {
        snprintf(err, errsz, "cannot create a temporary file next to %s: %s", path,
                 strerror(errno));
        return -1;
    }
    memset(&b, 0, sizeof b);
    b.err = err;
    b.errsz = errsz;
    b.wb = workbook_new(af.tmp_path);
    if (!b.wb) {
        snprintf(err, errsz, "libxlsxwriter: cannot create a workbook (out of memory)");
        atomic_abort(&af);
        return -1;
    }
    add_formats(&b);
    set_properties(&b, p, &date);
    sum = add_sheet(&b, L_CMP_SHEET_SUMMARY);
    grants = add_sheet(&b, L_CMP_SHEET_GRANTS);
    econ = add_sheet(&b, L_CMP_SHEET_ECONOMY);
    sweep = c->n_steps > 0 ? add_sheet(&b, L_CMP_SHEET_SWEEP) : (sheet){NULL, NULL};
    data = add_sheet(&b, L_CMP_SHEET_CHART);
    if (!b.failed) {
        write_summary(&b, &sum, p, c);
        write_grants(&b, &grants, p, apps, c);
        write_economy(&b, &econ, p, apps, c, grants.name);
        if (c->n_steps > 0)
            write_sweep(&b, &sweep, c);
        points = write_chart_data(&b, &data, c);
        insert_grant_chart(&b, &sum, (lxw_row_t)(CS_FIRST + c->n + 2), &data, c, points);
    }
    e = workbook_close(b.wb);
    if (!b.failed && e != LXW_NO_ERROR)
        fail(&b, "libxlsxwriter: cannot write %s: %s", path, lxw_strerror(e));
    if (b.failed) {
        atomic_abort(&af);
        return -1;
    }
    if (atomic_commit(&af) != 0) {
        snprintf(err, errsz, af.renamed ? "wrote %s but could not sync its folder: %s"
                                        : "cannot write %s: %s",
                 path, strerror(errno));
        return -1;
    }
    return 0;
}
