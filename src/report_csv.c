/* report_csv.c - The decisions CSV (<base>-afgoerelser.csv): one row per
 * application with its grant, supplements, years, reason and whole award. */
#include "report_internal.h"

#include <stdio.h>

#include "labels.h"
#include "opendata.h"
#include "table.h"

/* The columns: the ten of old, then one supplement column per earmark,
 * the years asked and granted, the grant per year, the reason in words and
 * the whole award (opendata_award()). */
static int csv_header(FILE *fp, const pool *p, const alloc_result *r)
{
    static const label_id cols[] = {
        L_COL_NR, L_CSV_CVR, L_COL_ASSOCIATION, L_COL_ACTIVITY, L_CSV_APPLIED,
        L_CSV_ASSESSED, L_CSV_REDUCTION, L_CSV_GRANT, L_COL_REFUSAL, L_CSV_STATUS,
    };
    static const label_id tail[] = {
        L_COL_YEARS_ASKED, L_COL_YEARS_GRANTED, L_CSV_PER_YEAR, L_CSV_REASON, L_CSV_TOTAL,
    };
    char title[512];

    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        if (table_write_text(fp, label(cols[i]), i == 0) != 0)
            return -1;
    }
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        const char *key = k < p->n_earmark_defs ? p->earmark_defs[k].key : "";
        label_format(title, sizeof title, L_COL_SUPPLEMENT, key);
        if (table_write_text(fp, title, false) != 0)
            return -1;
    }
    for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++) {
        if (table_write_text(fp, label(tail[i]), false) != 0)
            return -1;
    }
    return table_write_eol(fp);
}

/* The new columns of application i (after Status). */
static int csv_row_tail(FILE *fp, const pool *p, const app *a, const alloc_result *r, size_t i)
{
    const alloc_line *l = &r->lines[i];
    char why[1024];

    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        if (table_write_int(fp, r->em.lines[k * r->em.n_apps + i].grant, false) != 0)
            return -1;
    }
    return table_write_int(fp, l->years_asked, false) ||
                   table_write_int(fp, l->years, false) ||
                   table_write_int(fp, l->grant, false) ||
                   table_write_text(fp, opendata_reason(p, a, l, why, sizeof why), false) ||
                   table_write_int(fp, opendata_award(r, i), false)
               ? -1
               : 0;
}

static int csv_row(FILE *fp, const app *a, const alloc_line *l)
{
    label_id status = l->refused   ? L_STATUS_REFUSED
                      : l->reduced ? L_STATUS_REDUCED
                                   : L_STATUS_GRANTED;

    if (table_write_text(fp, a->nr, true) || table_write_text(fp, a->cvr, false) ||
        table_write_text(fp, a->association, false) ||
        table_write_text(fp, a->activity, false) || table_write_int(fp, a->applied, false) ||
        table_write_int(fp, l->claim, false) ||
        table_write_int(fp, l->claim - l->grant, false) ||
        table_write_int(fp, l->grant, false) || table_write_text(fp, a->refusal, false) ||
        table_write_text(fp, label(status), false))
        return -1;
    return 0;
}

/* What csv_rows writes. */
typedef struct csv_data {
    const pool *p;
    const app_list *apps;
    const alloc_result *r;
} csv_data;

/* The header and one row per application; a table_write_fn. */
static int csv_rows(FILE *fp, void *ctx)
{
    const csv_data *d = ctx;
    if (csv_header(fp, d->p, d->r) != 0)
        return -1;
    for (size_t i = 0; i < d->r->n; i++)
        if (csv_row(fp, &d->apps->v[i], &d->r->lines[i]) != 0 ||
            csv_row_tail(fp, d->p, &d->apps->v[i], d->r, i) != 0 || table_write_eol(fp) != 0)
            return -1;
    return 0;
}

int report_write_csv(const char *path, const pool *p, const app_list *apps,
                     const alloc_result *r, char *err, size_t errsz)
{
    totals t;
    csv_data d = {p, apps, r};

    if (report_check_result(p, apps, r, &t, err, errsz) != 0)
        return -1;
    return table_write_file(path, csv_rows, &d, err, errsz);
}
