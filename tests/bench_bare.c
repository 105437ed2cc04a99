/* bench_bare.c - The bare libxlsxwriter baseline for `make bench`.
 *
 * Writes a workbook with the same sheets, rows, columns, cell types and
 * formats as pulje's (an "Økonomi" sheet of about 25 rows, and "Samlet
 * oversigt" with a title, a header row, N application rows and an "I alt"
 * row), in the same constant-memory mode, but computes nothing: no input is
 * read, the texts come from small tables and the amounts from the row
 * number. pulje's end-to-end time is compared with this program's.
 *
 * Each application row has, like pulje's: Nr (number), Forening and Indsats
 * (strings), Ansøgt and Indstillet (numbers), Reduktion (formula =E-H with
 * its value), Reduktion % (formula =IF(E=0,0,F/E) with its value), Indstillet
 * tilskud (number), Afslag/begrundelse (a string, empty for 91 % of rows).
 *
 *   bench_bare N OUT.xlsx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "labels.h"

enum { TITLE_ROW = 0, HEADER_ROW = 2, FIRST_ROW = 3, NCOLS = 9 };

static const char *const ADJ[] = {"Lyse", "Åbne", "Trygge", "Gode", "Grønne", "Stærke",
                                  "Nye", "Frie", "Varme", "Glade", "Unge", "Aktive"};
static const char *const NOUN[] = {"Fællesskaber", "Naboer", "Hænder", "Venner", "Skridt",
                                   "Stemmer", "Kræfter", "Rødder", "Veje", "Haver"};
static const char *const DISTRICT[] = {"Vollsmose", "Dalum", "Bolbro", "Tarup", "Hjallese",
                                       "Bellinge", "Korup", "Sanderum", "Højby"};
static const char *const ACTIVITY[] = {
    "Lektiecafé for børn i 4.-9. klasse", "Samtalegrupper for pårørende",
    "Natcafé for hjemløse", "Besøgsvenner til ensomme", "Fællesspisning for enlige",
    "Rådgivning om gæld og økonomi", "Mentorordning for unge ledige",
    "Værested for sindslidende", "Telefonrådgivning for unge", "Tøjbank og byttemarked"};
static const char *const REASON = "Ansøgningen ligger uden for puljens formål";
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int failed;

/* Note the first libxlsxwriter error; later writes still run (cheaply). */
static void ck(lxw_error e, const char *what)
{
    if (e != LXW_NO_ERROR && !failed) {
        fprintf(stderr, "bench_bare: %s: %s\n", what, lxw_strerror(e));
        failed = 1;
    }
}

static lxw_format *fmt(lxw_workbook *wb, int bold, int border_top, const char *num)
{
    lxw_format *f = workbook_add_format(wb);
    if (bold)
        format_set_bold(f);
    if (border_top)
        format_set_top(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (num)
        format_set_num_format(f, num);
    return f;
}

/* The economy sheet: about 25 label/amount rows, three formulas. */
static void economy(lxw_worksheet *ws, lxw_format *title, lxw_format *kr, lxw_format *sum,
                    lxw_row_t overview_total)
{
    char formula[128], cell[LXW_MAX_CELL_NAME_LENGTH];

    worksheet_set_column(ws, 0, 0, 70, NULL);
    worksheet_set_column(ws, 1, 1, 16, NULL);
    ck(worksheet_write_string(ws, 0, 0, "§ 18-Hovedpuljen 2023", title), "economy");
    for (lxw_row_t r = 2; r < 12; r++) {
        ck(worksheet_write_string(ws, r, 0, "Frie midler afsat til § 18-Hovedpuljen", NULL),
           "economy");
        ck(worksheet_write_number(ws, r, 1, 6318216, kr), "economy");
    }
    lxw_rowcol_to_cell(cell, overview_total, 7);
    snprintf(formula, sizeof formula, "='%s'!%s", label(L_SHEET_OVERVIEW), cell);
    ck(worksheet_write_formula_num(ws, 12, 1, formula, kr, 3179537), "economy");
    ck(worksheet_write_formula_num(ws, 13, 1, "=SUM(B3:B13)", sum, 6871589), "economy");
    ck(worksheet_write_formula_num(ws, 14, 1, "=B14-B14", sum, 0), "economy");
    for (lxw_row_t r = 16; r < 26; r++) {
        ck(worksheet_write_string(ws, r, 0, "Reduktionsfaktor", NULL), "economy");
        ck(worksheet_write_number(ws, r, 1, 0.8231, NULL), "economy");
    }
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
}

int main(int argc, char **argv)
{
    static const double widths[NCOLS] = {8, 30, 40, 14, 14, 14, 13, 16, 40};
    static const label_id heads[NCOLS] = {
        L_COL_NR, L_COL_ASSOCIATION, L_COL_ACTIVITY, L_COL_APPLIED, L_COL_ASSESSED,
        L_COL_REDUCTION_KR, L_COL_REDUCTION_PCT, L_COL_GRANT, L_COL_REFUSAL,
    };
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL,
                                 .use_zip64 = LXW_FALSE};
    char name[128], formula[64], e[LXW_MAX_CELL_NAME_LENGTH], f[LXW_MAX_CELL_NAME_LENGTH];
    char h[LXW_MAX_CELL_NAME_LENGTH], range[LXW_MAX_CELL_RANGE_LENGTH];
    lxw_workbook *wb;
    lxw_worksheet *econ, *ws;
    lxw_format *title, *head, *text, *nr, *kr, *pct, *total, *total_kr, *total_pct;
    lxw_row_t total_row;
    long n;
    double s_applied = 0, s_assessed = 0, s_red = 0, s_grant = 0;

    if (argc != 3 || (n = strtol(argv[1], NULL, 10)) < 0 || n > LXW_ROW_MAX - FIRST_ROW - 1) {
        fprintf(stderr, "usage: bench_bare N OUT.xlsx   (0 <= N <= %d)\n",
                LXW_ROW_MAX - FIRST_ROW - 1);
        return 2;
    }
    total_row = (lxw_row_t)(FIRST_ROW + n);
    wb = workbook_new_opt(argv[2], &opts);
    if (!wb) {
        fprintf(stderr, "bench_bare: cannot create %s\n", argv[2]);
        return 1;
    }
    title = fmt(wb, 1, 0, NULL);
    format_set_font_size(title, 14);
    head = fmt(wb, 1, 0, NULL);
    format_set_bottom(head, LXW_BORDER_THIN);
    format_set_text_wrap(head);
    text = fmt(wb, 0, 0, NULL);
    format_set_text_wrap(text);
    nr = fmt(wb, 0, 0, NULL);
    format_set_align(nr, LXW_ALIGN_LEFT);
    kr = fmt(wb, 0, 0, "#,##0");
    pct = fmt(wb, 0, 0, "0.0 %");
    total = fmt(wb, 1, 1, NULL);
    total_kr = fmt(wb, 1, 1, "#,##0");
    total_pct = fmt(wb, 1, 1, "0.0 %");

    econ = workbook_add_worksheet(wb, label(L_SHEET_ECONOMY));
    ws = workbook_add_worksheet(wb, label(L_SHEET_OVERVIEW));
    economy(econ, title, kr, total_kr, total_row);

    ck(worksheet_write_string(ws, TITLE_ROW, 0, "Bilag 1 - Samlet oversigt over § 18-Hovedpuljen 2023",
                              title), "title");
    for (lxw_col_t c = 0; c < NCOLS; c++) {
        ck(worksheet_write_string(ws, HEADER_ROW, c, label(heads[c]), head), "header");
        worksheet_set_column(ws, c, c, widths[c], NULL);
    }
    worksheet_freeze_panes(ws, FIRST_ROW, 0);
    ck(worksheet_autofilter(ws, HEADER_ROW, 0, total_row - 1, NCOLS - 1), "autofilter");
    ck(worksheet_repeat_rows(ws, HEADER_ROW, HEADER_ROW), "repeat_rows");

    for (long i = 0; i < n; i++) {
        lxw_row_t row = (lxw_row_t)(FIRST_ROW + i);
        double assessed = 3000 + (double)(i * 7919 % 397) * 1000;
        double applied = assessed + (i % 3) * 5000;
        double grant = assessed > 50000 ? assessed - 1000 * (double)(i % 17) : assessed;
        size_t k = (size_t)i;

        snprintf(name, sizeof name, "Foreningen %s %s i %s", ADJ[k % NELEM(ADJ)],
                 NOUN[k / 7 % NELEM(NOUN)], DISTRICT[k / 11 % NELEM(DISTRICT)]);
        ck(worksheet_write_number(ws, row, 0, (double)(i + 1), nr), "nr");
        ck(worksheet_write_string(ws, row, 1, name, text), "association");
        ck(worksheet_write_string(ws, row, 2, ACTIVITY[k % NELEM(ACTIVITY)], text), "activity");
        ck(worksheet_write_number(ws, row, 3, applied, kr), "applied");
        ck(worksheet_write_number(ws, row, 4, assessed, kr), "assessed");
        lxw_rowcol_to_cell(e, row, 4);
        lxw_rowcol_to_cell(h, row, 7);
        snprintf(formula, sizeof formula, "=%s-%s", e, h);
        ck(worksheet_write_formula_num(ws, row, 5, formula, kr, assessed - grant), "reduction");
        lxw_rowcol_to_cell(f, row, 5);
        snprintf(formula, sizeof formula, "=IF(%s=0,0,%s/%s)", e, f, e);
        ck(worksheet_write_formula_num(ws, row, 6, formula, pct, (assessed - grant) / assessed),
           "reduction %");
        ck(worksheet_write_number(ws, row, 7, grant, kr), "grant");
        ck(worksheet_write_string(ws, row, 8, i % 11 == 5 ? REASON : "", text), "refusal");
        s_applied += applied;
        s_assessed += assessed;
        s_red += assessed - grant;
        s_grant += grant;
    }

    ck(worksheet_write_string(ws, total_row, 0, label(L_TOTAL), total), "total");
    ck(worksheet_write_blank(ws, total_row, 1, total), "total");
    ck(worksheet_write_blank(ws, total_row, 2, total), "total");
    {
        const double sums[4] = {s_applied, s_assessed, s_red, s_grant};
        const lxw_col_t cols[4] = {3, 4, 5, 7};
        for (int k = 0; k < 4; k++) {
            lxw_rowcol_to_range(range, FIRST_ROW, cols[k], total_row - 1, cols[k]);
            snprintf(formula, sizeof formula, "=SUM(%s)", range);
            ck(worksheet_write_formula_num(ws, total_row, cols[k], formula, total_kr, sums[k]),
               "total");
        }
    }
    lxw_rowcol_to_cell(e, total_row, 4);
    lxw_rowcol_to_cell(f, total_row, 5);
    snprintf(formula, sizeof formula, "=IF(%s=0,0,%s/%s)", e, f, e);
    ck(worksheet_write_formula_num(ws, total_row, 6, formula, total_pct, s_red / s_assessed),
       "total");
    ck(worksheet_write_blank(ws, total_row, 8, total), "total");
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    ck(worksheet_set_header(ws, "&C§ 18-Hovedpuljen 2023"), "header");
    ck(worksheet_set_footer(ws, "&CSide &P af &N"), "footer");

    ck(workbook_close(wb), "workbook_close");
    return failed;
}
