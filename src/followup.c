/* followup.c - The follow-up ledger: written from a result, read next year,
 * checked against the new round's applicants. */
#include "followup.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "labels.h"
#include "letters.h"
#include "opendata.h"
#include "table.h"
#include "text.h"

enum { COL_NR, COL_CVR, COL_ASSOCIATION, COL_YEAR, COL_AMOUNT, COL_DUTY, COL_DUE,
       COL_RECEIVED, COL_REPAID };

static const table_column followup_columns[] = {
    [COL_NR] = {"nr", "Nr", {NULL}, true, "the application's number"},
    [COL_CVR] = {"cvr", "CVR", {NULL}, false, "the association's CVR"},
    [COL_ASSOCIATION] = {"association", "Forening", {NULL}, true, "the association"},
    [COL_YEAR] = {"year", "Tilskudsår", {"Tilskudsaar", NULL}, false, "the grant's year"},
    [COL_AMOUNT] = {"amount", "Tilskud (kr.)", {"Tilskud", NULL}, false,
                    "the year's grant plus supplements"},
    [COL_DUTY] = {"duty", "Aflæggelse", {"Aflaeggelse", NULL}, false,
                  "kort rapport, regnskab or revideret regnskab"},
    [COL_DUE] = {"due", "Frist", {NULL}, false, "when the report is due, YYYY-MM-DD"},
    [COL_RECEIVED] = {"received", "Modtaget", {NULL}, false,
                      "when the report was received, YYYY-MM-DD; empty: not yet"},
    [COL_REPAID] = {"repaid", "Tilbagebetalt (kr.)", {"Tilbagebetalt", NULL}, false,
                    "the amount paid back"},
    {NULL, NULL, {NULL}, false, NULL},
};

static const table_spec followup_spec = {followup_columns, "grant", "grants", true};

static const char *const duty_names[3] = {FOLLOWUP_DUTY_SHORT, FOLLOWUP_DUTY_ACCOUNTS,
                                          FOLLOWUP_DUTY_AUDITED};

void followup_free(followup *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].nr);
        free(f->v[i].cvr);
        free(f->v[i].association);
        free(f->v[i].due);
        free(f->v[i].received);
    }
    free(f->v);
    free(f->file);
    memset(f, 0, sizeof *f);
}

/* Append a copy of w (its strings copied). */
static int append(followup *f, const followup_row *w)
{
    followup_row *v = realloc(f->v, (f->n + 1) * sizeof *v), *o;
    if (!v)
        return -1;
    f->v = v;
    o = &v[f->n];
    *o = *w;
    o->nr = strdup(w->nr ? w->nr : "");
    o->cvr = strdup(w->cvr ? w->cvr : "");
    o->association = strdup(w->association ? w->association : "");
    o->due = strdup(w->due ? w->due : "");
    o->received = strdup(w->received ? w->received : "");
    f->n++;
    if (!o->nr || !o->cvr || !o->association || !o->due || !o->received)
        return -1;
    return 0;
}

int followup_from_result(const pool *p, const app_list *apps, const alloc_result *r,
                         followup *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < r->n && i < apps->n; i++) {
        const app *a = &apps->v[i];
        followup_row w;
        if (r->lines[i].grant <= 0)
            continue;
        memset(&w, 0, sizeof w);
        w.nr = a->nr;
        w.cvr = a->cvr;
        w.association = a->association;
        w.year = p->year;
        w.amount = r->lines[i].grant + opendata_supplements(r, i);
        w.duty = letters_duty(p, r, i);
        w.due = p->report_deadline;
        if (append(out, &w) != 0) {
            followup_free(out);
            return -1;
        }
    }
    return 0;
}

/* The header line. */
static int put_header(FILE *fp)
{
    for (int k = 0; k <= COL_REPAID; k++)
        if (table_write_text(fp, followup_columns[k].header, k == 0) != 0)
            return -1;
    return table_write_eol(fp);
}

/* One row's line; NULL strings are written as "". */
static int put_row(FILE *fp, const followup_row *w)
{
    return table_write_text(fp, w->nr ? w->nr : "", true) ||
                   table_write_text(fp, w->cvr ? w->cvr : "", false) ||
                   table_write_text(fp, w->association ? w->association : "", false) ||
                   table_write_int(fp, w->year, false) || table_write_int(fp, w->amount, false) ||
                   table_write_text(fp, duty_names[w->duty >= 0 && w->duty < 3 ? w->duty : 0],
                                    false) ||
                   table_write_text(fp, w->due ? w->due : "", false) ||
                   table_write_text(fp, w->received ? w->received : "", false) ||
                   table_write_int(fp, w->repaid, false) || table_write_eol(fp)
               ? -1
               : 0;
}

/* The rows; a table_write_fn. */
static int put_rows(FILE *fp, void *ctx)
{
    const followup *f = ctx;
    if (put_header(fp) != 0)
        return -1;
    for (size_t i = 0; i < f->n; i++)
        if (put_row(fp, &f->v[i]) != 0)
            return -1;
    return 0;
}

int followup_write(const char *path, const followup *f, char *err, size_t errsz)
{
    return table_write_file(path, put_rows, (void *)f, err, errsz);
}

/* What put_result_rows writes. */
typedef struct result_rows {
    const pool *p;
    const app_list *apps;
    const alloc_result *r;
} result_rows;

/* The rows followup_from_result() makes, each written as it is made, so
 * that a million grants are not copied first (issue 18); a table_write_fn. */
static int put_result_rows(FILE *fp, void *ctx)
{
    const result_rows *c = ctx;
    if (put_header(fp) != 0)
        return -1;
    for (size_t i = 0; i < c->r->n && i < c->apps->n; i++) {
        const app *a = &c->apps->v[i];
        followup_row w;
        if (c->r->lines[i].grant <= 0)
            continue;
        memset(&w, 0, sizeof w);
        w.nr = a->nr;
        w.cvr = a->cvr;
        w.association = a->association;
        w.year = c->p->year;
        w.amount = c->r->lines[i].grant + opendata_supplements(c->r, i);
        w.duty = letters_duty(c->p, c->r, i);
        w.due = c->p->report_deadline;
        if (put_row(fp, &w) != 0)
            return -1;
    }
    return 0;
}

int followup_write_result(const char *path, const pool *p, const app_list *apps,
                          const alloc_result *r, char *err, size_t errsz)
{
    result_rows c = {p, apps, r};
    return table_write_file(path, put_result_rows, &c, err, errsz);
}

/* ---- reading ------------------------------------------------------------- */

/* Cell k of the row as text ("" when the file lacks the column). */
static const char *text_of(const table_row *row, int k)
{
    return row->cell[k] ? row->cell[k]->s : "";
}

/* A date cell: empty, or YYYY-MM-DD. */
static void check_date(table *t, const table_cell *c)
{
    date_ymd d;
    char sb[TABLE_SHOW_BUFSZ];
    if (c && c->len > 0 && date_parse(c->s, &d) != DATE_OK)
        table_note_cell(t, DIAG_ERROR, c, "write the date as YYYY-MM-DD, e.g. 2024-03-31",
                        "column %u (%s): \"%s\" is not a date", c->col, c->name,
                        table_show(c->s, sb));
}

static int read_row(table *t, const table_row *row, void *ctx)
{
    followup *f = ctx;
    const table_cell *const *cell = row->cell;
    followup_row w;
    long year = 0;

    memset(&w, 0, sizeof w);
    w.line = row->line;
    if (cell[COL_YEAR] && cell[COL_YEAR]->len > 0 && !table_count(cell[COL_YEAR]->s, &year)) {
        char sb[TABLE_SHOW_BUFSZ];
        table_note_cell(t, DIAG_ERROR, cell[COL_YEAR], "write the year with four digits",
                        "column %u (%s): \"%s\" is not a year", cell[COL_YEAR]->col,
                        cell[COL_YEAR]->name, table_show(cell[COL_YEAR]->s, sb));
    }
    w.year = (int)year;
    if (cell[COL_AMOUNT] && cell[COL_AMOUNT]->len > 0)
        table_amount(t, cell[COL_AMOUNT], &w.amount);
    if (cell[COL_REPAID] && cell[COL_REPAID]->len > 0)
        table_amount(t, cell[COL_REPAID], &w.repaid);
    check_date(t, cell[COL_DUE]);
    check_date(t, cell[COL_RECEIVED]);
    for (int k = 0; k < 3; k++)
        if (cell[COL_DUTY] && text_casecmp(cell[COL_DUTY]->s, duty_names[k]) == 0)
            w.duty = k;
    w.nr = (char *)text_of(row, COL_NR);
    w.cvr = (char *)text_of(row, COL_CVR);
    w.association = (char *)text_of(row, COL_ASSOCIATION);
    w.due = (char *)text_of(row, COL_DUE);
    w.received = (char *)text_of(row, COL_RECEIVED);
    return append(f, &w);
}

int followup_load(const char *path, followup *out, diag_list *dl)
{
    memset(out, 0, sizeof *out);
    return table_read(&followup_spec, NULL, 0, path, &out->file, read_row, out, dl) == 0 ? 0
                                                                                        : -1;
}

pulje_kr followup_repaid(const followup *f)
{
    pulje_kr s = 0;
    for (size_t i = 0; f && i < f->n; i++)
        s += f->v[i].repaid;
    return s;
}

size_t followup_received(const followup *f)
{
    size_t n = 0;
    for (size_t i = 0; f && i < f->n; i++)
        n += f->v[i].received && f->v[i].received[0];
    return n;
}

int followup_overdue(const followup_row *w, const char *today)
{
    /* YYYY-MM-DD compares as text */
    return w->due && w->due[0] && (!w->received || !w->received[0]) && today &&
           strcmp(w->due, today) < 0;
}

/* Whether follow-up row w is application a's association. */
static int same_holder(const followup_row *w, const app *a)
{
    char *x, *y;
    int same;
    if (w->cvr[0] && a->cvr && a->cvr[0])
        return strcmp(w->cvr, a->cvr) == 0;
    x = text_fold_name(w->association);
    y = text_fold_name(a->association);
    same = x && y && x[0] && strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

long followup_apply(const pool *p, app_list *apps, diag_list *dl)
{
    followup f;
    char *path;
    long n = 0;

    if (!p->followup)
        return 0;
    path = pool_path_beside(p, p->followup);
    if (!path) {
        dl->oom = 1;
        return -1;
    }
    if (followup_load(path, &f, dl) != 0) {
        followup_free(&f);
        free(path);
        return -1;
    }
    for (size_t i = 0; i < apps->n; i++) {
        app *a = &apps->v[i];
        for (size_t k = 0; k < f.n; k++) {
            const followup_row *w = &f.v[k];
            char refusal[512];
            if (!followup_overdue(w, p->decision_date) || !same_holder(w, a))
                continue;
            n++;
            if (p->overdue_refuse && !(a->refusal && a->refusal[0])) {
                label_format(refusal, sizeof refusal, L_FU_REFUSAL, w->year);
                if (apps_set_text(apps, &a->refusal, refusal) != 0) {
                    dl->oom = 1;
                    followup_free(&f);
                    free(path);
                    return -1;
                }
                a->assessed = 0;
                diag_add(dl, DIAG_WARNING, apps->file, a->line, 0,
                         "[pool] overdue = refuse; the report is recorded in the Modtaget "
                         "column of the follow-up ledger",
                         "nr. %s %s is refused: the report on its %d grant (due %s, %s:%u) "
                         "has not been received", a->nr, a->association, w->year, w->due,
                         path, w->line);
            } else {
                diag_add(dl, DIAG_WARNING, apps->file, a->line, 0,
                         "write the date received in the Modtaget column of the follow-up "
                         "ledger, or refuse with [pool] overdue = refuse",
                         "nr. %s %s has not handed in the report on its %d grant (due %s, "
                         "%s:%u)", a->nr, a->association, w->year, w->due, path, w->line);
            }
            break;
        }
    }
    followup_free(&f);
    free(path);
    return n;
}
