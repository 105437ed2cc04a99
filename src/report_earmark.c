/* report_earmark.c - One sheet per earmark: who asked, their criteria, tier and supplement.
 *
 * Lists every application that asked for a supplement from the earmark: its
 * answers to the criteria (ja/nej), its tier, the supplement asked, assessed
 * and granted, and why when it got less; an "I alt" row of SUM formulas
 * with exact cached values; and the earmark's money, granted and unused,
 * which balance to the krone. */
#include "report_internal.h"

#include <stdio.h>
#include <string.h>

#include "book.h"

/* The status of a supplement in words. */
static const char *status_text(book *b, const em_line *l)
{
    switch (l->status) {
    case EM_GRANTED:      return label(L_EM_ST_GRANTED);
    case EM_REDUCED:      return book_text(b, L_EM_ST_REDUCED, l->tier);
    case EM_MONEY_GONE:   return label(L_EM_ST_GONE);
    case EM_NOT_ELIGIBLE: return label(L_EM_ST_NOT_ELIGIBLE);
    case EM_NO_GRANT:     return label(L_EM_ST_NO_GRANT);
    case EM_NOT_ASKED:    return "";
    }
    return "";
}

/* "12-25 år, mental trivsel": the keys of the criteria in mask. */
static void keys_of(const pool_earmark *e, unsigned mask, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t c = 0; c < e->n_criteria; c++) {
        if (!(mask & (1u << c)))
            continue;
        if (buf[0])
            strncat(buf, ", ", size - strlen(buf) - 1);
        strncat(buf, e->criteria[c].key, size - strlen(buf) - 1);
    }
}

static void write_one(book *b, const pool *p, const app_list *apps, const alloc_result *r,
                      size_t k)
{
    const pool_earmark *e = &p->earmark_defs[k];
    const em_total *t = &r->em.totals[k];
    char name[64], list[512], formula[128], cell[LXW_MAX_CELL_NAME_LENGTH];
    lxw_row_t row = 0, head, first, total;
    lxw_col_t c_tier = (lxw_col_t)(2 + e->n_criteria), c_asked = c_tier + 1,
              c_assessed = c_tier + 2, c_grant = c_tier + 3, c_note = c_tier + 4;
    pulje_kr asked = 0, assessed = 0;

    book_text(b, L_EM_SHEET, e->key);
    snprintf(name, sizeof name, "%.31s", b->failed ? "" : b->text);
    book_sheet s = book_add_sheet_named(b, name);
    if (b->failed)
        return;
    book_put_text(b, &s, row++, 0, book_text(b, L_EM_TITLE, e->label, p->name, p->year),
                  b->title);
    keys_of(e, e->required, list, sizeof list);
    book_put_text(b, &s, ++row, 0, book_text(b, L_EM_REQUIRED, list), NULL);
    for (size_t tier = 0; tier < e->n_tiers; tier++) {
        keys_of(e, e->tiers[tier], list, sizeof list);
        book_put_text(b, &s, ++row, 0, book_text(b, L_EM_TIER_DESC, (int)tier + 1, list), NULL);
    }
    for (size_t c = 0; c < e->n_criteria; c++) {
        char line[600];
        snprintf(line, sizeof line, "%s: %s", e->criteria[c].key, e->criteria[c].text);
        book_put_text(b, &s, ++row, 0, line, NULL); /* spills over the empty cells beside */
    }
    row += 2;

    head = row;
    book_set_row_height(b, &s, head, 30);
    book_put_text(b, &s, head, 0, label(L_COL_NR), b->head);
    book_put_text(b, &s, head, 1, label(L_COL_ASSOCIATION), b->head);
    for (size_t c = 0; c < e->n_criteria; c++)
        book_put_text(b, &s, head, (lxw_col_t)(2 + c), e->criteria[c].key, b->head_center);
    book_put_text(b, &s, head, c_tier, label(L_EM_COL_TIER), b->head_num);
    book_put_text(b, &s, head, c_asked, label(L_EM_COL_ASKED), b->head_num);
    book_put_text(b, &s, head, c_assessed, label(L_EM_COL_ASSESSED), b->head_num);
    book_put_text(b, &s, head, c_grant, label(L_EM_COL_GRANT), b->head_num);
    book_put_text(b, &s, head, c_note, label(L_EM_COL_NOTE), b->head);
    book_set_column(b, &s, 0, 0, 8);
    book_set_column(b, &s, 1, 1, 30);
    book_set_column(b, &s, 2, (lxw_col_t)(c_tier - 1), 12);
    book_set_column(b, &s, c_tier, c_grant, 14);
    book_set_column(b, &s, c_note, c_note, 30);

    first = row = head + 1;
    for (size_t i = 0; i < apps->n && !b->failed; i++) {
        const app *a = &apps->v[i];
        const em_line *l = &r->em.lines[k * apps->n + i];
        if (!a->supp_asked || a->supp_asked[k] <= 0)
            continue;
        int lines = book_lines(a->association, 27);
        if (book_lines(status_text(b, l), 27) > lines)
            lines = book_lines(status_text(b, l), 27);
        if (lines > 1)
            book_set_row_height(b, &s, row, 15.0 * lines);
        report_put_nr(b, &s, row, 0, a->nr);
        book_put_text(b, &s, row, 1, a->association, b->text_wrap);
        for (size_t c = 0; c < e->n_criteria; c++)
            book_put_text(b, &s, row, (lxw_col_t)(2 + c),
                          label(a->criteria[k] & (1u << c) ? L_YES : L_NO), b->center);
        if (l->tier > 0)
            book_put_num(b, &s, row, c_tier, l->tier, NULL);
        book_put_kr(b, &s, row, c_asked, a->supp_asked[k], b->kr);
        book_put_kr(b, &s, row, c_assessed, l->claim, b->kr);
        book_put_kr(b, &s, row, c_grant, l->grant, b->kr);
        book_put_text(b, &s, row, c_note, status_text(b, l), b->text_wrap);
        asked += a->supp_asked[k];
        assessed += l->claim;
        row++;
    }
    total = row;
    book_put_text(b, &s, total, 0, label(L_TOTAL), b->total);
    {
        const lxw_col_t cols[3] = {c_asked, c_assessed, c_grant};
        const pulje_kr sums[3] = {asked, assessed, t->granted};
        for (int j = 0; j < 3; j++) {
            if (total == first) {
                book_put_kr(b, &s, total, cols[j], sums[j], b->total_kr);
                continue;
            }
            book_sum_formula(formula, sizeof formula, first, total - 1, cols[j]);
            book_put_formula_kr(b, &s, total, cols[j], formula, b->total_kr, sums[j]);
        }
    }

    /* The earmark's money: granted + unused = money, to the krone. */
    row = total + 2;
    book_put_text(b, &s, row, 1, label(L_EM_ROW_MONEY), NULL);
    book_put_kr(b, &s, row++, c_grant, t->money, b->kr);
    book_put_text(b, &s, row, 1, label(L_EM_ROW_GRANTED), NULL);
    lxw_rowcol_to_cell(cell, total, c_grant);
    snprintf(formula, sizeof formula, "=%s", cell);
    book_put_formula_kr(b, &s, row++, c_grant, formula, b->kr, t->granted);
    book_put_text(b, &s, row, 1, label(L_EM_ROW_UNUSED), NULL);
    {
        char m[LXW_MAX_CELL_NAME_LENGTH], g[LXW_MAX_CELL_NAME_LENGTH];
        lxw_rowcol_to_cell(m, row - 2, c_grant);
        lxw_rowcol_to_cell(g, row - 1, c_grant);
        snprintf(formula, sizeof formula, "=%s-%s", m, g);
        book_put_formula_kr(b, &s, row++, c_grant, formula, b->sum_kr, t->unused);
    }
    if (t->proportional_fallback)
        book_put_text(b, &s, ++row, 1, book_text(b, L_EM_FALLBACK, t->rationed_tier), NULL);

    if (b->failed)
        return;
    worksheet_freeze_panes(s.ws, head + 1, 0); /* returns void in libxlsxwriter 1.1 */
    book_page_setup(b, &s, p, 1);
}

void report_write_earmarks(book *b, const pool *p, const app_list *apps,
                           const alloc_result *r)
{
    for (size_t k = 0; k < r->em.n_earmarks && !b->failed; k++)
        write_one(b, p, apps, r, k);
}
