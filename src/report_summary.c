/* report_summary.c - The summary sheet: the pool on one page, read in 30 seconds.
 *
 * The workbook's first sheet (L_SHEET_SUMMARY). From the top: the pool,
 * year, committee, decision date and rule; the key figures (keyfigures.h:
 * the list the terminal summary and the economy sheet read too; here the
 * money, the applications and the multi-year grants, each group under its
 * own heading); the share of each year's money bound in multi-year
 * commitments against the cap; the applications by size of the assessed
 * amount, with an "I alt" row of SUM formulas and a check row that ties the
 * bands to the key figures; and a column chart of applied for against
 * granted per band. Amounts are exact; every formula is written with its
 * exact cached value; the totals of applied, assessed and granted are
 * formulas on the overview's "I alt" row. Rows are written top to bottom
 * (the workbook is in constant-memory mode). No text here: every word comes
 * from labels.c. */
#include "report_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "keyfigures.h"
#include "ruletext.h"
#include "text.h"

/* Columns: labels in A; key figures in B; the years in B..D; the band table in A..E. */
enum { C_LABEL = 0, C_VALUE = 1 };
enum { BC_BAND = 0, BC_COUNT, BC_APPLIED, BC_ASSESSED, BC_GRANT, BC__COLS };

/* The size bands by assessed amount: up to and including each bound, then
 * one band above the last. Refused applications (assessed 0) have a row of
 * their own after the bands. */
static const pulje_kr band_upper[] = {25000, 50000, 100000, 250000};
enum { N_BOUNDS = sizeof band_upper / sizeof band_upper[0], N_BANDS = N_BOUNDS + 1,
       ROW_REFUSED = N_BANDS, N_ROWS = N_BANDS + 1 };

/* What one row of the band table adds up, and the same for all applications. */
typedef struct band_sum {
    pulje_kr count, applied, assessed, granted;
} band_sum;

/* Where the key figures the check row compares against are (rows of column B). */
typedef struct key_rows {
    lxw_row_t n_apps, applied, assessed, granted;
} key_rows;

/* The band of an application: its row in the band table. */
static size_t band_of(const alloc_line *l)
{
    if (l->refused)
        return ROW_REFUSED;
    for (size_t k = 0; k < N_BOUNDS; k++)
        if (l->claim <= band_upper[k])
            return k;
    return N_BOUNDS;
}

/* The sums per band and over all applications, each exact. */
static void add_up(const app_list *apps, const alloc_result *r, band_sum rows[N_ROWS],
                   band_sum *all)
{
    memset(rows, 0, N_ROWS * sizeof rows[0]);
    memset(all, 0, sizeof *all);
    for (size_t i = 0; i < r->n; i++) {
        const alloc_line *l = &r->lines[i];
        band_sum *s = &rows[band_of(l)];
        s->count++;
        s->applied += apps->v[i].applied;
        s->assessed += l->claim;
        s->granted += l->grant;
        all->count++;
        all->applied += apps->v[i].applied;
        all->assessed += l->claim;
        all->granted += l->grant;
    }
}

/* "=<ref>" for a cell on another sheet; fails the book if it does not fit. */
static void other_cell(book *b, char *buf, size_t size, const char *sheet, lxw_row_t row,
                       lxw_col_t col)
{
    buf[0] = '=';
    if (book_ref(buf + 1, size - 1, sheet, row, col, row, col, 0) != 0)
        book_fail(b, "internal error: a reference to sheet '%s' is too long", sheet);
}

/* A cell name such as "B7", for formulas on this sheet. */
static void cell(char *buf, lxw_row_t row, lxw_col_t col)
{
    lxw_rowcol_to_cell(buf, row, col);
}

/* The sheet's printed width in characters: column A and the four columns B..E. */
enum { WIDE_CHARS = 48 + 4 * 14 };

/* A text over the whole width (A..E merged), wrapped, its row as tall as its
 * lines. Returns the next row. */
static lxw_row_t put_wide(book *b, const book_sheet *s, lxw_row_t row, const char *t,
                          lxw_format *f)
{
    int lines = book_lines(t, WIDE_CHARS - 8); /* less the indent and the wider print font */

    book_set_row_height(b, s, row, 15.0 * lines + 2);
    if (!b->failed && !text_is_utf8(t ? t : "", t ? strlen(t) : 0))
        book_fail(b, "sheet '%s': a note is not valid UTF-8", s->name);
    if (!b->failed)
        book_check(b, s, worksheet_merge_range(s->ws, row, C_LABEL, row, BC__COLS - 1,
                                               t ? t : "", f),
                   "worksheet_merge_range");
    return row + 1;
}

/* A label in A and a text in B..E (merged, wrapped). Returns the next row. */
static lxw_row_t put_fact(book *b, const book_sheet *s, lxw_row_t row, label_id name,
                          const char *t)
{
    int lines = book_lines(t, 4 * 14 - 6);

    if (lines > 1)
        book_set_row_height(b, s, row, 15.0 * lines + 2);
    book_put_text(b, s, row, C_LABEL, label(name), b->txt);
    if (!b->failed && !text_is_utf8(t ? t : "", t ? strlen(t) : 0))
        book_fail(b, "sheet '%s': a text is not valid UTF-8", s->name);
    if (!b->failed)
        book_check(b, s, worksheet_merge_range(s->ws, row, C_VALUE, row, BC__COLS - 1,
                                               t ? t : "", b->text_wrap),
                   "worksheet_merge_range");
    return row + 1;
}

/* The front block: title, committee, case number, meeting and decision date,
 * guidelines, rule, and the recommendation. Returns the next row. */
static lxw_row_t write_title(book *b, const book_sheet *s, const pool *p,
                             const alloc_result *r)
{
    char rule[256], n[MONEY_BUFSZ], kr[MONEY_BUFSZ];
    lxw_datetime date;
    lxw_row_t row = 1;
    pulje_kr supp = 0;

    book_put_text(b, s, 0, C_LABEL, book_text(b, L_RS_TITLE, p->name, p->year), b->title);
    book_put_text(b, s, row, C_LABEL, label(L_RS_COMMITTEE), b->txt);
    book_put_text(b, s, row++, C_VALUE, p->committee, b->txt);
    if (p->case_number && p->case_number[0]) {
        book_put_text(b, s, row, C_LABEL, label(L_RS_CASE_NUMBER), b->txt);
        book_put_text(b, s, row++, C_VALUE, p->case_number, b->txt);
    }
    book_put_text(b, s, row, C_LABEL, label(L_RS_MEETING), b->txt);
    if (book_parse_date(p->decision_date, &date) != 0)
        book_fail(b, "internal error: decision date '%s' is not a date",
                  p->decision_date ? p->decision_date : "");
    else if (!b->failed)
        book_check_cell(b, s, row, C_VALUE,
                        worksheet_write_datetime(s->ws, row, C_VALUE, &date, b->date));
    row++;
    if (p->guidelines && p->guidelines[0])
        row = put_fact(b, s, row, L_RS_GUIDELINES, p->guidelines);
    row = put_fact(b, s, row, L_ECON_NOTE_RULE, ruletext_describe(&p->rule, rule, sizeof rule));

    row++;
    book_put_text(b, s, row, C_LABEL, label(L_RS_RECOMMEND_HEAD), b->head);
    for (lxw_col_t c = C_VALUE; c < BC__COLS; c++)
        book_put_blank(b, s, row, c, b->head);
    row++;
    row = put_wide(b, s, row,
                   book_text(b, L_RS_RECOMMENDATION, p->committee, p->name, p->year,
                             money_format_text((pulje_kr)r->n_granted, n),
                             money_format_text(r->granted_total, kr)),
                   b->text_wrap);
    for (size_t k = 0; k < r->em.n_earmarks; k++)
        supp += r->em.totals[k].granted;
    for (size_t k = 0; k < r->em.n_earmarks && supp > 0; k++) {
        if (r->em.totals[k].granted > 0)
            row = put_wide(b, s, row,
                           book_text(b, L_RS_RECOMMEND_SUPP,
                                     money_format_text(r->em.totals[k].granted, kr),
                                     p->earmark_defs[k].label),
                           b->text_wrap);
    }
    return row + 1;
}

/* The most warnings and order breaks listed on the sheet; the rest are counted. */
enum { MAX_WARNINGS_SHOWN = 100, MAX_BREAKS_SHOWN = 20 };

/* For qsort: application indices by assessed amount, then input order. */
static const alloc_line *sort_lines;
static int by_claim(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    pulje_kr a = sort_lines[i].claim, c = sort_lines[j].claim;
    return a < c ? -1 : a > c ? 1 : (i > j) - (i < j);
}

/* The rule's order breaks: each application granted less than another that
 * was assessed at a smaller amount, named with the one it is compared with
 * (the largest grant among the smaller claims). Returns the next row. */
static lxw_row_t write_order_note(book *b, const book_sheet *s, lxw_row_t row,
                                  const app_list *apps, const alloc_result *r)
{
    size_t *ix, n_breaks = 0, shown = 0, best = 0;
    pulje_kr best_grant = -1;
    char c1[MONEY_BUFSZ], g1[MONEY_BUFSZ], c2[MONEY_BUFSZ], g2[MONEY_BUFSZ], m[MONEY_BUFSZ];

    if (b->failed)
        return row;
    ix = malloc((r->n ? r->n : 1) * sizeof *ix);
    if (!ix) {
        book_fail(b, "out of memory");
        return row;
    }
    for (size_t i = 0; i < r->n; i++)
        ix[i] = i;
    sort_lines = r->lines;
    qsort(ix, r->n, sizeof *ix, by_claim);
    /* two passes: count, then name the first ones */
    for (int pass = 0; pass < 2 && !b->failed; pass++) {
        best_grant = -1;
        for (size_t k = 0, g = 0; k < r->n; k = g) {
            /* a group of equal claims is compared with the smaller claims only */
            for (g = k; g < r->n && r->lines[ix[g]].claim == r->lines[ix[k]].claim; g++) {
                const alloc_line *l = &r->lines[ix[g]];
                if (l->refused || l->claim == 0 || best_grant <= l->grant)
                    continue;
                if (pass == 0) {
                    n_breaks++;
                } else if (shown < MAX_BREAKS_SHOWN) {
                    const app *a = &apps->v[ix[g]], *o = &apps->v[best];
                    row = put_wide(b, s, row,
                                   book_text(b, L_RS_NOTE_ORDER_ITEM, a->nr, a->association,
                                             money_format_text(l->claim, c1),
                                             money_format_text(l->grant, g1), o->nr, o->association,
                                             money_format_text(r->lines[best].claim, c2),
                                             money_format_text(r->lines[best].grant, g2)),
                                   b->text_wrap);
                    shown++;
                }
            }
            for (size_t q = k; q < g; q++) {
                if (r->lines[ix[q]].grant > best_grant) {
                    best_grant = r->lines[ix[q]].grant;
                    best = ix[q];
                }
            }
        }
        if (pass == 0) {
            if (n_breaks == 0) {
                row = put_wide(b, s, row, label(L_RS_NOTE_ORDER_NONE), b->text_wrap);
                break;
            }
            row = put_wide(b, s, row,
                           book_text(b, L_RS_NOTE_ORDER, money_format_text((pulje_kr)n_breaks, m)),
                           b->text_wrap);
        }
    }
    if (shown < n_breaks)
        row = put_wide(b, s, row,
                       book_text(b, L_RS_NOTE_ORDER_MORE,
                                 money_format_text((pulje_kr)(n_breaks - shown), m)),
                       b->text_wrap);
    free(ix);
    return row;
}

/* The notes (L_RS_NOTES): the pool's own notes, then the rule in words
 * and its consequence, rounding's residual, the multi-year outcome and the
 * run's warnings, each as the terminal shows it ("file:line: what (hint)").
 * Returns the next row. */
static lxw_row_t write_notes(book *b, const book_sheet *s, lxw_row_t row, const pool *p,
                             const app_list *apps, const alloc_result *r)
{
    const diag_list *dl = p->warnings;
    size_t n = 0, shown = 0;
    char text[2048], where[600], more[MONEY_BUFSZ], rule[256], a[MONEY_BUFSZ],
        c[MONEY_BUFSZ];
    const char *base;

    book_put_text(b, s, row, C_LABEL, label(L_RS_NOTES), b->head);
    for (lxw_col_t col = C_VALUE; col < BC__COLS; col++)
        book_put_blank(b, s, row, col, b->head);
    row++;
    for (size_t i = 0; i < p->n_notes && p->notes; i++)
        row = put_wide(b, s, row, p->notes[i], b->text_wrap);
    row = put_wide(b, s, row,
                   book_text(b, L_RS_NOTE_RULE, ruletext_describe(&p->rule, rule, sizeof rule)),
                   b->text_wrap);
    row = write_order_note(b, s, row, apps, r);
    if (p->rounding > 1)
        row = put_wide(b, s, row,
                       book_text(b, L_RS_NOTE_ROUNDING, money_format_text(p->rounding, a),
                                 money_format_text(r->residual, c), p->residual_label),
                       b->text_wrap);
    else
        row = put_wide(b, s, row,
                       book_text(b, L_RS_NOTE_RESIDUAL, money_format_text(r->residual, c),
                                 p->residual_label),
                       b->text_wrap);
    if (r->n_my_requested > 0)
        row = put_wide(b, s, row,
                       book_text(b, L_RS_NOTE_MY, money_format_text((pulje_kr)r->n_my_honoured, a),
                                 money_format_text((pulje_kr)r->n_my_requested, c)),
                       b->text_wrap);

    for (size_t i = 0; dl && i < dl->n; i++)
        n += dl->v[i].level == DIAG_WARNING;
    for (size_t i = 0; dl && i < dl->n && shown < MAX_WARNINGS_SHOWN && !b->failed; i++) {
        const diag *d = &dl->v[i];
        if (d->level != DIAG_WARNING)
            continue;
        where[0] = '\0';
        /* the file's own name: the workbook does not depend on where it was run */
        base = d->file ? strrchr(d->file, '/') : NULL;
        base = base ? base + 1 : d->file;
        if (base && d->line)
            snprintf(where, sizeof where, "%s:%u: ", base, d->line);
        else if (base)
            snprintf(where, sizeof where, "%s: ", base);
        snprintf(text, sizeof text, "%s%s%s%s%s", where, d->msg, d->hint ? " (" : "",
                 d->hint ? d->hint : "", d->hint ? ")" : "");
        row = put_wide(b, s, row, book_text(b, L_RS_NOTE_WARNING, text), b->text_wrap);
        shown++;
    }
    if (shown < n)
        row = put_wide(b, s, row,
                       book_text(b, L_RS_WARNINGS_MORE,
                                 money_format_text((pulje_kr)(n - shown), more)),
                       b->text_wrap);
    return row + 1;
}

/* The decision block: the committee's decision, date and signature, each
 * with a line to write on. Returns the next row. */
static lxw_row_t write_decision(book *b, const book_sheet *s, lxw_row_t row)
{
    static const label_id rows[] = {L_RS_DECISION, L_RS_DECISION_DATE, L_RS_DECISION_SIGN};
    lxw_format *line = book_add_format(b, F_BOTTOM | F_VTOP, NULL);

    book_put_text(b, s, row, C_LABEL, label(L_RS_DECISION_HEAD), b->head);
    for (lxw_col_t col = C_VALUE; col < BC__COLS; col++)
        book_put_blank(b, s, row, col, b->head);
    row++;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++, row++) {
        book_set_row_height(b, s, row, i == 0 ? 60 : 30);
        book_put_text(b, s, row, C_LABEL, label(rows[i]), b->txt);
        for (lxw_col_t col = C_VALUE; col < BC__COLS; col++)
            book_put_blank(b, s, row, col, line);
    }
    return row;
}

/* "=B7-B8-B9+B10": the cells in column B of the rows given, each with its
 * sign ('+' or '-'); a row of 0 (a figure not shown) is left out. */
static void row_formula(char *f, size_t size, const lxw_row_t *rows, const char *signs, size_t n)
{
    size_t o = (size_t)snprintf(f, size, "=");
    char c[LXW_MAX_CELL_NAME_LENGTH];
    int first = 1;

    for (size_t i = 0; i < n && o < size; i++) {
        if (!rows[i])
            continue;
        cell(c, rows[i], C_VALUE);
        if (first && signs[i] == '+')
            o += (size_t)snprintf(f + o, size - o, "%s", c);
        else
            o += (size_t)snprintf(f + o, size - o, "%c%s", signs[i], c);
        first = 0;
    }
}

/* One key figure in A and B: a formula where the sheet can derive it (the
 * money for new grants, the totals from Bilag 1's "I alt", grants with
 * supplements, the share granted), else its value; the formula's cached
 * value is the figure's exact value. at[] holds the rows written so far. */
static void put_figure(book *b, const book_sheet *s, lxw_row_t row, const keyfig *k,
                       const lxw_row_t at[KF__COUNT], const report_overview_cols *ov)
{
    const char *overview = label(L_SHEET_OVERVIEW);
    char lab[200], f[400], x[LXW_MAX_CELL_NAME_LENGTH], y[LXW_MAX_CELL_NAME_LENGTH];

    book_put_text(b, s, row, C_LABEL, keyfig_sheet_label(k, lab, sizeof lab),
                  k->def->id == KF_AVAILABLE ? b->sum : b->txt);
    switch (k->def->id) {
    case KF_AVAILABLE: {
        const lxw_row_t rows[] = {at[KF_BUDGET], at[KF_RESERVED], at[KF_EARMARKED],
                                  at[KF_RETURNED]};
        row_formula(f, sizeof f, rows, "+--+", 4);
        book_put_formula_kr(b, s, row, C_VALUE, f, b->sum_kr, k->value);
        return;
    }
    case KF_APPLIED:
    case KF_ASSESSED:
    case KF_GRANTED:
        other_cell(b, f, sizeof f, overview, ov->total_row,
                   k->def->id == KF_APPLIED    ? ov->applied
                   : k->def->id == KF_ASSESSED ? ov->assessed
                                               : ov->grant);
        book_put_formula_kr(b, s, row, C_VALUE, f, b->kr, k->value);
        return;
    case KF_GRANTED_WITH: {
        const lxw_row_t rows[] = {at[KF_GRANTED], at[KF_SUPPLEMENTS]};
        row_formula(f, sizeof f, rows, "++", 2);
        book_put_formula_kr(b, s, row, C_VALUE, f, b->kr, k->value);
        return;
    }
    case KF_GRANT_SHARE:
        cell(x, at[KF_ASSESSED], C_VALUE);
        cell(y, at[KF_GRANTED], C_VALUE);
        snprintf(f, sizeof f, "=IF(%s=0,0,%s/%s)", x, y, x);
        book_put_formula(b, s, row, C_VALUE, f, b->factor, keyfig_ratio(k));
        return;
    default:
        break;
    }
    if (k->def->kind == KF_KR)
        book_put_kr(b, s, row, C_VALUE, k->value, b->kr);
    else if (k->def->kind == KF_COUNT)
        book_put_num(b, s, row, C_VALUE, (double)k->value, NULL);
    else
        book_put_num(b, s, row, C_VALUE, keyfig_ratio(k), b->factor);
}

/* The key figures the summary sheet shows (keyfigures.h), each group under its own
 * heading; fills where the check row finds them. Returns the next row. */
static lxw_row_t write_key_figures(book *b, const book_sheet *s, lxw_row_t row,
                                   const pool *p, const alloc_result *r, const band_sum *all,
                                   key_rows *kr)
{
    const report_overview_cols ov = report_overview_layout(r->n);
    keyfigs k;
    lxw_row_t at[KF__COUNT] = {0};
    int group = -1;

    keyfigures_compute(p, r, &k);
    if (k.v[KF_AVAILABLE].value != r->budget_total - r->reserved_total - r->earmarked_total +
                                       r->earmark_returned)
        book_fail(b, "internal error: the money for new grants is %" PRId64 " kr., but "
                  "budget - reserved - earmarked + returned is not", r->available);
    if (k.v[KF_APPLIED].value != all->applied || k.v[KF_ASSESSED].value != all->assessed ||
        k.v[KF_GRANTED].value != all->granted || k.v[KF_N_APPS].value != all->count)
        book_fail(b, "internal error: the key figures differ from the applications' sums");
    for (size_t i = 0; i < KF__COUNT; i++) {
        const keyfig *f = &k.v[i];
        if (!keyfig_in(f, KF_RESUME) || f->def->kind == KF_YEARS)
            continue; /* the years bound are write_multiyear's table */
        if ((int)f->def->group != group) {
            if (group >= 0)
                row++; /* a blank row between groups */
            group = (int)f->def->group;
            book_put_text(b, s, row, C_LABEL, label(keyfig_group_label(f->def->group)),
                          b->head);
            book_put_blank(b, s, row++, C_VALUE, b->head);
        }
        at[i] = row;
        put_figure(b, s, row++, f, at, &ov);
    }
    kr->n_apps = at[KF_N_APPS];
    kr->applied = at[KF_APPLIED];
    kr->assessed = at[KF_ASSESSED];
    kr->granted = at[KF_GRANTED];
    return row;
}

/* The multi-year commitments per year: money, bound (old + new: the key
 * figure KF_MY_BOUND), the share bound and the cap. Returns the next row. */
static lxw_row_t write_multiyear(book *b, const book_sheet *s, lxw_row_t row,
                                 const pool *p, const alloc_result *r)
{
    const lxw_row_t head = row, money = row + 1, bound = row + 2, share = row + 3,
                    cap = row + 4;
    char f[96], m[LXW_MAX_CELL_NAME_LENGTH], n[LXW_MAX_CELL_NAME_LENGTH], lab[200];
    keyfigs k;

    keyfigures_compute(p, r, &k);

    /* Row by row: in constant-memory mode a row is finished once the next begins. */
    for (lxw_row_t rw = head; rw <= cap; rw++) {
        static const label_id names[5] = {L_RS_MY_HEADING, L_MY_ROW_MONEY, L_KF_MY_BOUND,
                                          L_MY_ROW_BOUND_PCT, L_MY_ROW_CAP_PCT};
        book_put_text(b, s, rw, C_LABEL,
                      rw == bound ? keyfig_sheet_label(&k.v[KF_MY_BOUND], lab, sizeof lab)
                                  : label(names[rw - head]),
                      rw == head ? b->head : b->txt);
        for (int t = 0; t < MY_YEARS; t++) {
            const keyfig_year *y = &k.v[KF_MY_BOUND].years[t];
            lxw_col_t col = (lxw_col_t)(C_VALUE + t);
            pulje_kr bound_kr = y->bound;

            if (rw == head) {
                book_put_num(b, s, rw, col, y->year, b->head_num);
            } else if (rw == money) {
                book_put_kr(b, s, rw, col, y->money, b->kr);
            } else if (rw == bound) {
                book_put_kr(b, s, rw, col, bound_kr, b->kr);
            } else if (rw == share) {
                cell(m, money, col);
                cell(n, bound, col);
                snprintf(f, sizeof f, "=IF(%s=0,0,%s/%s)", m, n, m);
                book_put_formula(b, s, rw, col, f, b->pct,
                                 y->money == 0 ? 0.0 : (double)bound_kr / (double)y->money);
            } else {
                book_put_num(b, s, rw, col, r->cap_bp / 10000.0, b->pct);
            }
        }
    }
    return cap + 1;
}

/* A band's name: "Op til 25.000 kr.", "25.001-50.000 kr.", "Over 250.000 kr.". */
static const char *band_name(book *b, size_t k)
{
    char lo[MONEY_BUFSZ], hi[MONEY_BUFSZ];

    if (k == ROW_REFUSED)
        return label(L_RS_BAND_REFUSED);
    if (k == 0)
        return book_text(b, L_RS_BAND_UPTO, money_format_text(band_upper[0], hi));
    if (k == N_BOUNDS)
        return book_text(b, L_RS_BAND_OVER, money_format_text(band_upper[N_BOUNDS - 1], hi));
    return book_text(b, L_RS_BAND_RANGE, money_format_text(band_upper[k - 1] + 1, lo),
                     money_format_text(band_upper[k], hi));
}

/* The band table: header, one row per band and the refusals, "I alt" as SUM
 * formulas, and a check row: "I alt" minus the key figures, which must be 0.
 * *first is the first band's row. Returns the next row. */
static lxw_row_t write_bands(book *b, const book_sheet *s, lxw_row_t row,
                             const band_sum rows[N_ROWS], const band_sum *all,
                             const key_rows *kr, lxw_row_t *first)
{
    static const label_id heads[BC__COLS] = {L_RS_BANDS_HEADING, L_RS_COL_COUNT,
                                             L_COL_APPLIED, L_COL_ASSESSED, L_COL_GRANT};
    const lxw_row_t key_of[BC__COLS] = {0, kr->n_apps, kr->applied, kr->assessed,
                                        kr->granted};
    lxw_row_t total;
    band_sum sum = {0, 0, 0, 0};
    char f[96], t[LXW_MAX_CELL_NAME_LENGTH], k[LXW_MAX_CELL_NAME_LENGTH];

    book_set_row_height(b, s, row, 30); /* two lines: the headings wrap */
    for (lxw_col_t c = 0; c < BC__COLS; c++)
        book_put_text(b, s, row, c, label(heads[c]), c == BC_BAND ? b->head : b->head_num);
    *first = ++row;
    for (size_t i = 0; i < N_ROWS; i++, row++) {
        book_put_text(b, s, row, BC_BAND, band_name(b, i), b->txt);
        book_put_num(b, s, row, BC_COUNT, (double)rows[i].count, NULL);
        book_put_kr(b, s, row, BC_APPLIED, rows[i].applied, b->kr);
        book_put_kr(b, s, row, BC_ASSESSED, rows[i].assessed, b->kr);
        book_put_kr(b, s, row, BC_GRANT, rows[i].granted, b->kr);
        sum.count += rows[i].count;
        sum.applied += rows[i].applied;
        sum.assessed += rows[i].assessed;
        sum.granted += rows[i].granted;
    }

    total = row++;
    {
        const pulje_kr sums[BC__COLS] = {0, sum.count, sum.applied, sum.assessed,
                                         sum.granted};
        const pulje_kr keys[BC__COLS] = {0, all->count, all->applied, all->assessed,
                                         all->granted};

        book_put_text(b, s, total, BC_BAND, label(L_TOTAL), b->total);
        for (lxw_col_t c = BC_COUNT; c < BC__COLS; c++) {
            book_sum_formula(f, sizeof f, *first, total - 1, c);
            book_put_formula_kr(b, s, total, c, f, c == BC_COUNT ? b->total : b->total_kr,
                                sums[c]);
        }
        book_put_text(b, s, row, BC_BAND, label(L_RS_CHECK), b->txt);
        for (lxw_col_t c = BC_COUNT; c < BC__COLS; c++) {
            cell(t, total, c);
            cell(k, key_of[c], C_VALUE);
            snprintf(f, sizeof f, "=%s-%s", t, k);
            book_put_formula_kr(b, s, row, c, f, c == BC_COUNT ? NULL : b->kr,
                                sums[c] - keys[c]);
        }
    }
    return row + 1;
}

/* A clustered column chart of applied for and granted per band (not the
 * refusals), at row `at`. */
/* The chart's height in rows of 15 pt (288 px * 1,2 at 20 px a row). */
enum { CHART_ROWS = 18 };

static void insert_chart(book *b, const book_sheet *s, lxw_row_t first, lxw_row_t at)
{
    const lxw_row_t last = first + N_BANDS - 1;
    char cats[320], applied[320], assessed[320], granted[320];
    lxw_chart *chart;
    lxw_chart_series *ser;
    lxw_chart_options opt = {.x_scale = 1.5, .y_scale = 1.2};

    if (b->failed)
        return;
    cats[0] = applied[0] = assessed[0] = granted[0] = '=';
    if (book_ref(cats + 1, sizeof cats - 1, s->name, first, BC_BAND, last, BC_BAND, 1) ||
        book_ref(applied + 1, sizeof applied - 1, s->name, first, BC_APPLIED, last,
                 BC_APPLIED, 1) ||
        book_ref(assessed + 1, sizeof assessed - 1, s->name, first, BC_ASSESSED, last,
                 BC_ASSESSED, 1) ||
        book_ref(granted + 1, sizeof granted - 1, s->name, first, BC_GRANT, last, BC_GRANT,
                 1)) {
        book_fail(b, "internal error: a chart range on sheet '%s' is too long", s->name);
        return;
    }
    chart = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
    if (!chart) {
        book_fail(b, "libxlsxwriter: cannot add a chart to sheet '%s' (out of memory)",
                  s->name);
        return;
    }
    /* The setters below return nothing in libxlsxwriter 1.1; what can fail
     * (the series and the insertion) is checked. */
    ser = chart_add_series(chart, cats, applied);
    if (!ser) {
        book_fail(b, "libxlsxwriter: cannot add a chart series on sheet '%s'", s->name);
        return;
    }
    chart_series_set_name(ser, label(L_CSV_APPLIED));
    ser = chart_add_series(chart, cats, assessed);
    if (!ser) {
        book_fail(b, "libxlsxwriter: cannot add a chart series on sheet '%s'", s->name);
        return;
    }
    chart_series_set_name(ser, label(L_CSV_ASSESSED));
    ser = chart_add_series(chart, cats, granted);
    if (!ser) {
        book_fail(b, "libxlsxwriter: cannot add a chart series on sheet '%s'", s->name);
        return;
    }
    chart_series_set_name(ser, label(L_CSV_GRANT));
    chart_title_set_name(chart, label(L_RS_CHART_TITLE));
    chart_axis_set_name(chart->x_axis, label(L_RS_CHART_X));
    chart_axis_set_name(chart->y_axis, label(L_RS_CHART_Y));
    chart_axis_set_num_format(chart->y_axis, NF_KR);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    book_check(b, s, worksheet_insert_chart_opt(s->ws, at, BC_BAND, chart, &opt),
               "worksheet_insert_chart");
}

void report_write_summary(book *b, const pool *p, const app_list *apps,
                          const alloc_result *r)
{
    book_sheet s = book_add_sheet(b, L_SHEET_SUMMARY);
    band_sum rows[N_ROWS], all;
    key_rows kr;
    lxw_row_t row, first;

    if (b->failed)
        return;
    add_up(apps, r, rows, &all);
    book_set_column(b, &s, C_LABEL, C_LABEL, 48);
    book_set_column(b, &s, BC_COUNT, BC__COLS - 1, 14);

    row = write_title(b, &s, p, r);
    row = write_key_figures(b, &s, row, p, r, &all, &kr);
    row = write_multiyear(b, &s, row + 1, p, r);
    row = write_bands(b, &s, row + 1, rows, &all, &kr, &first);
    insert_chart(b, &s, first, row + 1);
    row += 1 + CHART_ROWS;
    if (!b->failed) { /* the notes start on a page of their own */
        lxw_row_t breaks[] = {row, 0};
        book_check(b, &s, worksheet_set_h_pagebreaks(s.ws, breaks), "worksheet_set_h_pagebreaks");
    }
    row = write_notes(b, &s, row, p, apps, r);
    write_decision(b, &s, row);

    book_page_setup(b, &s, p, 0);
}
