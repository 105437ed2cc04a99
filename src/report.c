/* report.c - The committee's workbook (libxlsxwriter); the decisions CSV is report_csv.c.
 *
 * The workbook's sheets, in tab order: the summary (report_summary.c), the
 * economy sheet, the table of the minutes (budget lines, reservations,
 * granted, earmarks, residual, both totals and a check that they agree),
 * the overview (Bilag 1), one row per application, the multi-year sheet
 * (report_multiyear.c) and one sheet per earmark (report_earmark.c). Every total is a formula written together with its exact
 * cached value, so that the file reads right before any recalculation.
 * Every text shown comes from labels.c; applicant text is always written as
 * a string, never as a formula. */
#include "report_internal.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "book.h"
#include "digest.h"
#include "keyfigures.h"
#include "labels.h"
#include "money.h"
#include "opendata.h"
#include "phase.h"
#include "ruletext.h"
#include "table.h"
#include "text.h"
#include "messages.h"




/* The overview's layout: title row, a blank row, the header row, the data. */
enum { OV_TITLE_ROW = 0, OV_HEADER_ROW = 2, OV_FIRST_ROW = 3 };
enum {
    OV_NR, OV_ASSOCIATION, OV_ACTIVITY, OV_APPLIED, OV_ASSESSED, OV_REDUCTION_KR,
    OV_REDUCTION_PCT, OV_GRANT, OV_YEARS_ASKED, OV_YEARS_GRANTED, OV_YEAR1, OV_YEAR2,
    OV_YEAR3, OV_MY_NOTE, OV_REFUSAL, OV__COLS
};

/* The economy sheet: the amount column. */
enum { EC_LABEL = 0, EC_AMOUNT = 1 };

static const char *str(const char *s)
{
    return s ? s : "";
}

/* ------------------------------------------------------------------------ */
/* File names                                                                 */

char *report_basename(const pool *p, char *buf, size_t size)
{
    size_t o;

    if (!buf || size == 0)
        return buf;
    if (!text_slug(p ? p->name : NULL, buf, size)[0])
        snprintf(buf, size, "pulje");
    o = strlen(buf);
    snprintf(buf + o, size - o, "-%d", p ? p->year : 0);
    return buf;
}

/* ------------------------------------------------------------------------ */
/* Checks and sums shared by both writers                                     */


static pulje_kr sum_lines(const pool_line *v, size_t n)
{
    pulje_kr s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i].amount;
    return s;
}

/* The name of an application's first text field that is not UTF-8, or NULL. */
static const char *bad_text(const app *a)
{
    const char *fields[] = {a->nr, a->cvr, a->association, a->activity, a->refusal};
    static const char *const names[] = {MSG_N("the number"), MSG_N("the CVR"),
                                        MSG_N("the association"), MSG_N("the activity"),
                                        MSG_N("the refusal reason")};

    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
        const char *t = str(fields[k]);
        if (!text_is_utf8(t, strlen(t)))
            return msg_tr(names[k]);
    }
    return NULL;
}

/* Check that the result belongs to the applications and is internally
 * consistent where the report relies on it, and fill the sums. Returns 0,
 * or -1 with err set. verify_result() checks far more; this only guards the
 * report against writing numbers that contradict each other. */
int report_check_result(const pool *p, const app_list *apps, const alloc_result *r,
                        totals *t, char *err, size_t errsz)
{
    memset(t, 0, sizeof *t);
    if (!p || !apps || !r) {
        text_set_err(err, errsz, "internal error: no pool, applications or result to report");
        return -1;
    }
    if (r->n != apps->n || (r->n > 0 && (!r->lines || !apps->v))) {
        text_set_err(err, errsz,
                     "internal error: the result has %zu lines for %zu applications", r->n,
                     apps->n);
        return -1;
    }
    if ((p->n_budget && !p->budget) || (p->n_reservations && !p->reservations) ||
        (p->n_earmarks && !p->earmarks)) {
        text_set_err(err, errsz, "internal error: the pool's lines are missing");
        return -1;
    }
    t->budget = sum_lines(p->budget, p->n_budget);
    t->reserved = sum_lines(p->reservations, p->n_reservations);
    t->earmarked = sum_lines(p->earmarks, p->n_earmarks);
    for (size_t i = 0; i < r->n; i++) {
        const alloc_line *l = &r->lines[i];
        const char *bad = bad_text(&apps->v[i]);
        if (bad) {
            text_set_err(err, errsz, "%s:%u: application %s: %s is not valid UTF-8",
                         str(apps->file), apps->v[i].line, str(apps->v[i].nr), bad);
            return -1;
        }
        if (l->reduction != l->claim - l->grant) {
            text_set_err(err, errsz,
                         "internal error: application %s: reduction %" PRId64
                         " is not assessed %" PRId64 " minus grant %" PRId64,
                         str(apps->v[i].nr), l->reduction, l->claim, l->grant);
            return -1;
        }
        t->applied += apps->v[i].applied;
        t->claims += l->claim;
        t->reductions += l->reduction;
        t->grants += l->grant;
    }
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        t->em_granted += r->em.totals[k].granted;
        if (!p->earmark_defs[k].unused_to_main)
            t->em_unused_shown += r->em.totals[k].unused;
    }
    if (t->grants != r->granted_total) {
        text_set_err(err, errsz,
                     "internal error: the grants add up to %" PRId64
                     " but the result says %" PRId64,
                     t->grants, r->granted_total);
        return -1;
    }
    if (r->factor_den <= 0 || r->factor_num < 0) {
        text_set_err(err, errsz, "internal error: reduction factor %" PRId64 "/%" PRId64,
                     r->factor_num, r->factor_den);
        return -1;
    }
    return 0;
}

/* The rule in Danish words, into buf. Returns 0, or -1 for a rule without a
 * description (err set). */
static int describe_rule(const pool *p, char *buf, size_t size, char *err, size_t errsz)
{
    if (p->rule.kind >= 0 && p->rule.kind < RULE__COUNT) {
        ruletext_describe(&p->rule, buf, size);
        return 0;
    }
    text_set_err(err, errsz, "internal error: rule %d has no description in labels.c",
                 (int)p->rule.kind);
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Sheet 3: Samlet oversigt (Bilag 1)                                         */

/* True if nr is a plain number that survives a round trip through a cell:
 * 1-15 digits, no leading zero ("007" stays text). */
static int nr_is_number(const char *nr)
{
    size_t n = strlen(nr);

    if (n == 0 || n > 15 || (nr[0] == '0' && n > 1))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (nr[i] < '0' || nr[i] > '9')
            return 0;
    }
    return 1;
}

void report_put_nr(book *b, const book_sheet *s, unsigned row, unsigned short col,
                   const char *nr)
{
    nr = str(nr);
    if (nr_is_number(nr))
        book_put_num(b, s, row, col, (double)strtoll(nr, NULL, 10), b->nr);
    else
        book_put_text(b, s, row, col, nr, b->nr);
}

/* The cached value of =IF(E=0,0,F/E): what Excel computes from the same doubles. */
static double reduction_share(pulje_kr reduction, pulje_kr claim)
{
    return claim == 0 ? 0.0 : (double)reduction / (double)claim;
}

/* "=IF(E4=0,0,F4/E4)" for one row. */
static void pct_formula(char *buf, size_t size, lxw_row_t row)
{
    book_formula(buf, size, "=IF(@=0,0,@/@)", row, OV_ASSESSED, row, OV_REDUCTION_KR, row,
                 OV_ASSESSED);
}

const char *report_my_note(book *b, const pool *p, my_status st)
{
    switch (st) {
    case MY_ONE_YEAR:        return label(L_MY_ONE_YEAR);
    case MY_HONOURED:        return label(L_MY_HONOURED);
    case MY_NO_GRANT:        return label(L_MY_NO_GRANT);
    case MY_TOO_YOUNG:       return book_text(b, L_MY_TOO_YOUNG, p->min_active_years);
    case MY_AGE_UNKNOWN:     return label(L_MY_AGE_UNKNOWN);
    case MY_NOT_EXCEPTIONAL: return label(L_MY_NOT_EXCEPTIONAL);
    case MY_CAP:             return label(L_MY_CAP);
    case MY_SET_ASIDE:       return label(L_MY_SET_ASIDE);
    }
    return "";
}

static void write_overview_row(book *b, const book_sheet *s, lxw_row_t row, const pool *p,
                               const app *a, const alloc_result *r, size_t i)
{
    const alloc_line *l = &r->lines[i];
    /* as tall as its longest wrapped text (set before the row's cells); the
     * widths less the indent and a margin for the printer's wider font */
    int lines = book_lines(a->association, 25);

    if (book_lines(a->activity, 29) > lines)
        lines = book_lines(a->activity, 29);
    if (book_lines(a->refusal, 23) > lines)
        lines = book_lines(a->refusal, 23);
    if (l->my != MY_ONE_YEAR && book_lines(report_my_note(b, p, l->my), 19) > lines)
        lines = book_lines(report_my_note(b, p, l->my), 19);
    if (lines > 1)
        book_set_row_height(b, s, row, 15.0 * lines);
    char formula[64];
    const char *nr = str(a->nr);

    report_put_nr(b, s, row, OV_NR, nr);
    book_put_text(b, s, row, OV_ASSOCIATION, a->association, b->text_wrap);
    book_put_text(b, s, row, OV_ACTIVITY, a->activity, b->text_wrap);
    book_put_kr(b, s, row, OV_APPLIED, a->applied, b->kr);
    book_put_kr(b, s, row, OV_ASSESSED, l->claim, b->kr);

    book_formula(formula, sizeof formula, "=@-@", row, OV_ASSESSED, row, OV_GRANT);
    book_put_formula_kr(b, s, row, OV_REDUCTION_KR, formula, b->kr, l->claim - l->grant);

    pct_formula(formula, sizeof formula, row);
    book_put_formula(b, s, row, OV_REDUCTION_PCT, formula, b->pct,
                reduction_share(l->claim - l->grant, l->claim));
    book_put_kr(b, s, row, OV_GRANT, l->grant, b->kr);
    book_put_num(b, s, row, OV_YEARS_ASKED, l->years_asked, b->count);
    book_put_num(b, s, row, OV_YEARS_GRANTED, l->years, b->count);
    for (int t = 0; t < MY_YEARS; t++)
        book_put_kr(b, s, row, (lxw_col_t)(OV_YEAR1 + t), l->years > t ? l->grant : 0, b->kr);
    if (l->my != MY_ONE_YEAR)
        book_put_text(b, s, row, OV_MY_NOTE, report_my_note(b, p, l->my), b->text_wrap);
    book_put_text(b, s, row, OV_REFUSAL, a->refusal, b->text_wrap);
    pulje_kr with = l->grant;
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        book_put_kr(b, s, row, (lxw_col_t)(OV__COLS + k), r->em.lines[k * r->n + i].grant,
                    b->kr);
        with += r->em.lines[k * r->n + i].grant;
    }
    if (r->em.n_earmarks > 0) { /* the grant and its supplements */
        book_formula(formula, sizeof formula, "=@+SUM(@:@)", row, OV_GRANT, row, OV__COLS, row,
                     (lxw_col_t)(OV__COLS + r->em.n_earmarks - 1));
        book_put_formula_kr(b, s, row, (lxw_col_t)(OV__COLS + r->em.n_earmarks), formula,
                            b->kr, with);
    }
}

/* Bilag 1 on A4 landscape in two page groups: Nr to Indstillet tilskud, then
 * the years, notes and supplements, with Nr and Forening repeated on the
 * left of every page; one scale for both, so the text keeps its size. */
static void overview_print(book *b, const book_sheet *s, const pool *p,
                           const double *widths, lxw_col_t n_cols)
{
    double second[OV__COLS + 64];
    size_t n2 = 0;
    unsigned s1, s2;
    static lxw_col_t breaks[] = {OV_YEARS_ASKED, 0};

    second[n2++] = widths[OV_NR];
    second[n2++] = widths[OV_ASSOCIATION];
    for (lxw_col_t c = OV_YEARS_ASKED; c < OV__COLS; c++)
        second[n2++] = widths[c];
    for (lxw_col_t c = OV__COLS; c < n_cols && n2 < sizeof second / sizeof second[0]; c++)
        second[n2++] = 14;
    s1 = book_scale_for(widths, OV_YEARS_ASKED, 1);
    s2 = book_scale_for(second, n2, 1);
    book_page_setup(b, s, p, 1);
    book_repeat_rows(b, s, OV_HEADER_ROW, OV_HEADER_ROW);
    book_print_scale(b, s, s1 < s2 ? s1 : s2);
    if (!b->failed) {
        book_check(b, s, worksheet_repeat_columns(s->ws, OV_NR, OV_ASSOCIATION),
                   "worksheet_repeat_columns");
        book_check(b, s, worksheet_set_v_pagebreaks(s->ws, breaks), "worksheet_set_v_pagebreaks");
    }
}

/* Write "Samlet oversigt". Its "I alt" row is row OV_FIRST_ROW + n. */
static void write_overview(book *b, const book_sheet *s, const pool *p, const app_list *apps,
                           const alloc_result *r, const totals *t)
{
    static const label_id heads[OV__COLS] = {
        L_COL_NR, L_COL_ASSOCIATION, L_COL_ACTIVITY, L_COL_APPLIED, L_COL_ASSESSED,
        L_COL_REDUCTION_KR, L_COL_REDUCTION_PCT, L_COL_GRANT, L_COL_YEARS_ASKED,
        L_COL_YEARS_GRANTED, L_COL_YEAR_AMOUNT, L_COL_YEAR_AMOUNT, L_COL_YEAR_AMOUNT,
        L_COL_MY_NOTE, L_COL_REFUSAL,
    };
    static const double widths[OV__COLS] = {7, 28, 32, 12, 12, 12, 11, 13, 8, 9,
                                            11, 11, 11, 22, 26};
    static const lxw_col_t sums[] = {OV_APPLIED, OV_ASSESSED, OV_REDUCTION_KR, OV_GRANT,
                                     OV_YEAR1, OV_YEAR2, OV_YEAR3};
    const pulje_kr sum_values[] = {t->applied, t->claims, t->reductions, t->grants,
                                   t->grants, r->my[1].fresh, r->my[2].fresh};
    lxw_row_t total_row = (lxw_row_t)(OV_FIRST_ROW + r->n);
    lxw_col_t n_cols = (lxw_col_t)(OV__COLS + r->em.n_earmarks + (r->em.n_earmarks > 0));
    char formula[64];

    book_put_text(b, s, OV_TITLE_ROW, 0, book_text(b, L_OVERVIEW_TITLE, str(p->name), p->year),
             b->title);
    book_set_row_height(b, s, OV_HEADER_ROW, 45); /* headers wrap to up to three lines */
    for (lxw_col_t c = 0; c < OV__COLS; c++) {
        int numeric = c >= OV_APPLIED && c <= OV_YEAR3;
        const char *h = c >= OV_YEAR1 && c <= OV_YEAR3
                            ? book_text(b, L_COL_YEAR_AMOUNT, p->year + (int)(c - OV_YEAR1))
                            : label(heads[c]);
        book_put_text(b, s, OV_HEADER_ROW, c, h, numeric ? b->head_num : b->head);
        book_set_column(b, s, c, c, widths[c]);
    }
    /* Panes, filter and print titles before the rows: in constant-memory mode
     * libxlsxwriter refuses ranges that start above the row being written. */
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        lxw_col_t c = (lxw_col_t)(OV__COLS + k);
        book_put_text(b, s, OV_HEADER_ROW, c,
                      book_text(b, L_COL_SUPPLEMENT, p->earmark_defs[k].key), b->head_num);
        book_set_column(b, s, c, c, 14);
    }
    if (r->em.n_earmarks > 0) {
        lxw_col_t c = (lxw_col_t)(OV__COLS + r->em.n_earmarks);
        book_put_text(b, s, OV_HEADER_ROW, c, label(L_COL_TOTAL_WITH), b->head_num);
        book_set_column(b, s, c, c, 14);
    }
    if (!b->failed) {
        worksheet_freeze_panes(s->ws, OV_FIRST_ROW, 0);
        book_check(b, s, worksheet_autofilter(s->ws, OV_HEADER_ROW, 0, total_row - 1,
                                              (lxw_col_t)(n_cols - 1)),
                   "worksheet_autofilter");
    }
    for (size_t i = 0; i < r->n && !b->failed; i++) {
        write_overview_row(b, s, (lxw_row_t)(OV_FIRST_ROW + i), p, &apps->v[i], r, i);
        phase_progress(i + 1, r->n);
    }

    /* I alt: exact sums, as formulas over the rows above. */
    book_put_text(b, s, total_row, OV_NR, label(L_TOTAL), b->total);
    book_put_blank(b, s, total_row, OV_ASSOCIATION, b->total);
    book_put_blank(b, s, total_row, OV_ACTIVITY, b->total);
    book_put_blank(b, s, total_row, OV_YEARS_ASKED, b->total);
    book_put_blank(b, s, total_row, OV_YEARS_GRANTED, b->total);
    book_put_blank(b, s, total_row, OV_MY_NOTE, b->total);
    book_put_blank(b, s, total_row, OV_REFUSAL, b->total);
    for (size_t k = 0; k < sizeof sums / sizeof sums[0]; k++) {
        if (r->n == 0) { /* no rows to sum: a SUM over an empty range would wrap round */
            book_put_kr(b, s, total_row, sums[k], 0, b->total_kr);
            continue;
        }
        book_sum_formula(formula, sizeof formula, OV_FIRST_ROW, total_row - 1, sums[k]);
        book_put_formula_kr(b, s, total_row, sums[k], formula, b->total_kr, sum_values[k]);
    }
    pct_formula(formula, sizeof formula, total_row);
    book_put_formula(b, s, total_row, OV_REDUCTION_PCT, formula, b->total_pct,
                reduction_share(t->reductions, t->claims));
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        lxw_col_t c = (lxw_col_t)(OV__COLS + k);
        if (r->n == 0) {
            book_put_kr(b, s, total_row, c, 0, b->total_kr);
            continue;
        }
        book_sum_formula(formula, sizeof formula, OV_FIRST_ROW, total_row - 1, c);
        book_put_formula_kr(b, s, total_row, c, formula, b->total_kr, r->em.totals[k].granted);
    }
    if (r->em.n_earmarks > 0) {
        lxw_col_t c = (lxw_col_t)(OV__COLS + r->em.n_earmarks);
        if (r->n == 0) {
            book_put_kr(b, s, total_row, c, 0, b->total_kr);
        } else {
            book_sum_formula(formula, sizeof formula, OV_FIRST_ROW, total_row - 1, c);
            book_put_formula_kr(b, s, total_row, c, formula, b->total_kr,
                                t->grants + t->em_granted);
        }
    }
    overview_print(b, s, p, widths, n_cols);
}

/* ------------------------------------------------------------------------ */
/* Sheet 2: the economy table                                                 */

static lxw_row_t put_lines(book *b, const book_sheet *s, lxw_row_t row, const pool_line *v,
                           size_t n)
{
    for (size_t i = 0; i < n; i++, row++) {
        book_put_text(b, s, row, EC_LABEL, v[i].label, b->txt);
        book_put_kr(b, s, row, EC_AMOUNT, v[i].amount, b->kr);
    }
    return row;
}

/* The key figures below the table: the rule and the rounding unit, the
 * figures the economy sheet shows (keyfigures.h; the table above has the rest), the
 * decision date. */
static void write_key_figures(book *b, const book_sheet *s, lxw_row_t row, const pool *p,
                              const alloc_result *r, const char *rule,
                              const lxw_datetime *date)
{
    keyfigs k;
    char lab[200];

    book_put_text(b, s, row, EC_LABEL, label(L_ECON_KEY_FIGURES), b->head);
    book_put_blank(b, s, row++, EC_AMOUNT, b->head);
    book_put_text(b, s, row++, EC_LABEL, label(L_ECON_NOTE_RULE), b->txt);
    book_set_row_height(b, s, row, 15.0 * book_lines(rule, 68));
    book_put_text(b, s, row++, EC_LABEL, rule, b->text_wrap);
    book_put_text(b, s, row, EC_LABEL, label(L_ECON_NOTE_ROUNDING), b->txt);
    book_put_kr(b, s, row++, EC_AMOUNT, p->rounding, b->kr);
    keyfigures_compute(p, r, &k);
    for (size_t i = 0; i < KF__COUNT; i++) {
        const keyfig *f = &k.v[i];
        if (!keyfig_in(f, KF_ECONOMY))
            continue;
        book_put_text(b, s, row, EC_LABEL, keyfig_sheet_label(f, lab, sizeof lab), b->txt);
        if (f->def->kind == KF_KR)
            book_put_kr(b, s, row++, EC_AMOUNT, f->value, b->kr);
        else if (f->def->kind == KF_COUNT)
            book_put_num(b, s, row++, EC_AMOUNT, (double)f->value, b->count);
        else
            book_put_num(b, s, row++, EC_AMOUNT, keyfig_ratio(f), b->factor);
    }
    book_put_text(b, s, row, EC_LABEL, label(L_ECON_NOTE_DATE), b->txt);
    if (!b->failed) {
        lxw_datetime d = *date;
        book_check_cell(b, s, row, EC_AMOUNT,
                   worksheet_write_datetime(s->ws, row, EC_AMOUNT, &d, b->date_right));
    }
}

/* Write the economy sheet, laid out as the minutes' table. overview_total is the
 * row of the "I alt" line on the overview sheet, whose grant cell the
 * "Indstillede tilskud ... i alt" line points at. */
static void write_economy(book *b, const book_sheet *s, const pool *p, const alloc_result *r,
                          const totals *t, lxw_row_t overview_total, const char *rule,
                          const lxw_datetime *date)
{
    const char *name = str(p->name);
    char formula[300], in_cell[LXW_MAX_CELL_NAME_LENGTH], out_cell[LXW_MAX_CELL_NAME_LENGTH];
    lxw_row_t row, budget_total, out_first, out_total;
    pulje_kr out_sum = t->reserved + t->grants + t->earmarked + t->em_granted +
                       t->em_unused_shown + r->residual;

    book_set_column(b, s, EC_LABEL, EC_LABEL, 70);
    book_set_column(b, s, EC_AMOUNT, EC_AMOUNT, 16);
    book_put_text(b, s, 0, EC_LABEL, book_text(b, L_ECON_HEADING, name, p->year), b->title);
    book_put_text(b, s, 2, EC_LABEL, book_text(b, L_ECON_TITLE, name), b->head);
    book_put_text(b, s, 2, EC_AMOUNT, label(L_ECON_AMOUNT_HEADER), b->head_num);

    /* Money in: the budget lines and their sum. */
    row = put_lines(b, s, 3, p->budget, p->n_budget);
    budget_total = row++;
    book_put_text(b, s, budget_total, EC_LABEL, book_text(b, L_ECON_BUDGET_TOTAL, name, p->year), b->sum);
    if (p->n_budget > 0) {
        book_sum_formula(formula, sizeof formula, 3, budget_total - 1, EC_AMOUNT);
        book_put_formula_kr(b, s, budget_total, EC_AMOUNT, formula, b->sum_kr, t->budget);
    } else {
        book_put_kr(b, s, budget_total, EC_AMOUNT, 0, b->sum_kr);
    }

    /* Money out: reservations, the grants (from Bilag 1), earmarks, residual. */
    out_first = row;
    row = put_lines(b, s, row, p->reservations, p->n_reservations);
    book_put_text(b, s, row, EC_LABEL, book_text(b, L_ECON_GRANTED, pool_short_name(p), p->year),
                  b->txt);
    book_ref_formula(formula, sizeof formula, label(L_SHEET_OVERVIEW), overview_total,
                     OV_GRANT);
    book_put_formula_kr(b, s, row++, EC_AMOUNT, formula, b->kr, t->grants);
    row = put_lines(b, s, row, p->earmarks, p->n_earmarks);
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        book_put_text(b, s, row, EC_LABEL, e->label, b->txt);
        book_put_kr(b, s, row++, EC_AMOUNT, r->em.totals[k].granted, b->kr);
        if (!e->unused_to_main && r->em.totals[k].unused > 0) {
            book_put_text(b, s, row, EC_LABEL, book_text(b, L_EM_UNUSED, e->label), b->txt);
            book_put_kr(b, s, row++, EC_AMOUNT, r->em.totals[k].unused, b->kr);
        }
    }
    book_put_text(b, s, row, EC_LABEL, p->residual_label, b->txt);
    book_put_kr(b, s, row++, EC_AMOUNT, r->residual, b->kr);

    out_total = row++;
    book_put_text(b, s, out_total, EC_LABEL, book_text(b, L_ECON_RECOMMENDED, name, p->year), b->sum);
    book_sum_formula(formula, sizeof formula, out_first, out_total - 1, EC_AMOUNT);
    book_put_formula_kr(b, s, out_total, EC_AMOUNT, formula, b->sum_kr, out_sum);

    /* The check: in minus out, which must be 0. */
    lxw_rowcol_to_cell(in_cell, budget_total, EC_AMOUNT);
    lxw_rowcol_to_cell(out_cell, out_total, EC_AMOUNT);
    snprintf(formula, sizeof formula, "=%s-%s", in_cell, out_cell);
    book_put_text(b, s, row, EC_LABEL, label(L_ECON_CHECK), b->txt);
    book_put_formula_kr(b, s, row++, EC_AMOUNT, formula, b->kr, t->budget - out_sum);

    write_key_figures(b, s, row + 1, p, r, rule, date);
    book_page_setup(b, s, p, 0);
}

/* ------------------------------------------------------------------------ */
/* The workbook                                                               */

/* Everything that goes into the workbook; the caller closes it. */
report_overview_cols report_overview_layout(size_t n)
{
    report_overview_cols ov = {
        .first_row = OV_FIRST_ROW, .last_row = (unsigned)(OV_FIRST_ROW + n) - 1u,
        .years_granted = OV_YEARS_GRANTED, .year1 = OV_YEAR1,
        .total_row = (unsigned)(OV_FIRST_ROW + n),
        .applied = OV_APPLIED, .assessed = OV_ASSESSED, .grant = OV_GRANT,
    };
    return ov;
}

/* What every sheet writer of the workbook gets. */
typedef struct sheet_ctx {
    const pool *p;
    const app_list *apps;
    const alloc_result *r;
    const totals *t;
    const char *rule;
    const lxw_datetime *date;
    report_overview_cols ov;
    const struct diff_result *changes; /* since an earlier run; NULL = no such sheet */
} sheet_ctx;

static void sheet_summary(book *b, const sheet_ctx *c)
{
    report_write_summary(b, c->p, c->apps, c->r);
}

static void sheet_economy(book *b, const sheet_ctx *c)
{
    book_sheet s = book_add_sheet(b, L_SHEET_ECONOMY);

    if (!b->failed)
        write_economy(b, &s, c->p, c->r, c->t, (lxw_row_t)c->ov.total_row, c->rule, c->date);
}

static void sheet_overview(book *b, const sheet_ctx *c)
{
    book_sheet s = book_add_sheet(b, L_SHEET_OVERVIEW);

    if (!b->failed)
        write_overview(b, &s, c->p, c->apps, c->r, c->t);
}

static void sheet_multiyear(book *b, const sheet_ctx *c)
{
    report_write_multiyear(b, c->p, c->apps, c->r, &c->ov);
}

static void sheet_earmarks(book *b, const sheet_ctx *c)
{
    report_write_earmarks(b, c->p, c->apps, c->r);
}

static void sheet_members(book *b, const sheet_ctx *c)
{
    report_write_members(b, c->p, c->apps);
}

static void sheet_changes(book *b, const sheet_ctx *c)
{
    report_write_changes(b, c->p, c->changes);
}

/* The workbook's sheets in tab order, one writer each (the earmarks' writer
 * adds one sheet per earmark). A new sheet is one writer and one row here.
 * Each writer adds its sheet and writes it top to bottom (constant-memory
 * mode); formulas name other sheets, so the order does not matter to them. */
static const struct {
    label_id name; /* the sheet's name; L__COUNT for the earmarks' sheets */
    void (*write)(book *, const sheet_ctx *);
} workbook_sheets[] = {
    {L_SHEET_SUMMARY, sheet_summary},     {L_SHEET_ECONOMY, sheet_economy},
    {L_SHEET_OVERVIEW, sheet_overview},   {L_SHEET_MULTIYEAR, sheet_multiyear},
    {L__COUNT, sheet_earmarks},           {L_MB_SHEET, sheet_members},
    {L_DF_SHEET, sheet_changes},
};

/* Everything that goes into the workbook; the caller closes it. */
static void build_workbook(book *b, const pool *p, const app_list *apps,
                           const alloc_result *r, const totals *t, const char *rule,
                           const lxw_datetime *date, const struct diff_result *changes)
{
    const sheet_ctx c = {p, apps, r, t, rule, date, report_overview_layout(r->n), changes};

    book_add_formats(b);
    report_set_properties(b, p, rule, date);
    report_set_input_properties(b, p);
    for (size_t i = 0; i < sizeof workbook_sheets / sizeof workbook_sheets[0] && !b->failed; i++)
        workbook_sheets[i].write(b, &c);
}

size_t report_max_applications(void)
{
    return (size_t)LXW_ROW_MAX - OV_FIRST_ROW - 1; /* title, blank, header; I alt */
}

int report_check_size(size_t n, char *err, size_t errsz)
{
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ], c[MONEY_BUFSZ];

    if (n <= report_max_applications())
        return 0;
    text_set_err(err, errsz,
                 "%s applications do not fit in one workbook: a sheet holds at most %s rows "
                 "(Excel's limit), room for %s applications",
                 money_format_text((pulje_kr)n, a), money_format_text((pulje_kr)LXW_ROW_MAX, b),
                 money_format_text((pulje_kr)report_max_applications(), c));
    return -1;
}

int report_write_workbook(const char *path, const pool *p, const app_list *apps,
                          const alloc_result *r, char *err, size_t errsz)
{
    return report_write_workbook_changes(path, p, apps, r, NULL, err, errsz);
}

int report_write_workbook_changes(const char *path, const pool *p, const app_list *apps,
                                  const alloc_result *r, const struct diff_result *changes,
                                  char *err, size_t errsz)
{
    totals t;
    char rule[256];
    lxw_datetime date;
    book b;
    /* Constant memory: each row goes to a temporary file as soon as the next
     * one starts, so a million applications need megabytes, not a gigabyte.
     * Rows are written in order (the mode requires it); text is stored inline
     * rather than in the shared string table. */
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};

    if (report_check_result(p, apps, r, &t, err, errsz) != 0 ||
        describe_rule(p, rule, sizeof rule, err, errsz) != 0)
        return -1;
    if (book_parse_date(p->decision_date, &date) != 0) {
        text_set_err(err, errsz, "%s: decision_date '%s' is not a date written YYYY-MM-DD",
                     str(p->file), str(p->decision_date));
        return -1;
    }
    if (report_check_size(r->n, err, errsz) != 0)
        return -1;
    if (book_open(&b, path, &opts, err, errsz) != 0)
        return -1;
    build_workbook(&b, p, apps, r, &t, rule, &date, changes);
    return book_close(&b);
}
