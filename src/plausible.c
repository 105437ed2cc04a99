/* plausible.c - Warnings for figures that are well formed but unlikely, and
 * errors for texts a workbook cell cannot hold. */
#include "plausible.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "messages.h"

size_t plausible_chars(const char *s)
{
    size_t w = 0;
    for (; s && *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static int cmp_kr(const void *a, const void *b)
{
    pulje_kr x = *(const pulje_kr *)a, y = *(const pulje_kr *)b;
    return (x > y) - (x < y);
}

/* The lower median of the amounts above 0 of one column (0: applied, 1:
 * assessed); 0 when there are fewer than PLAUSIBLE_MEDIAN_MIN_N. -1 on out
 * of memory. */
static pulje_kr median_of(const app_list *apps, int assessed)
{
    pulje_kr *v = malloc((apps->n ? apps->n : 1) * sizeof *v), m;
    size_t n = 0;

    if (!v)
        return -1;
    for (size_t i = 0; i < apps->n; i++) {
        pulje_kr x = assessed ? apps->v[i].assessed : apps->v[i].applied;
        if (x > 0)
            v[n++] = x;
    }
    if (n < PLAUSIBLE_MEDIAN_MIN_N) {
        free(v);
        return 0;
    }
    qsort(v, n, sizeof *v, cmp_kr);
    m = v[(n - 1) / 2];
    free(v);
    return m;
}

/* Texts of one application that go into workbook cells: errors when too long. */
static size_t check_lengths(const app_list *apps, const app *a, diag_list *dl)
{
    const struct {
        const char *what, *s;
    } t[] = {{"Nr", a->nr},          {"CVR", a->cvr},       {"Forening", a->association},
             {"Indsats", a->activity}, {"Afslag", a->refusal}};
    size_t errors = 0;
    char hint[160];

    for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
        size_t w = plausible_chars(t[k].s);
        if (w <= PLAUSIBLE_CELL_MAX)
            continue;
        snprintf(hint, sizeof hint, msg_tr("shorten the text to at most %d characters"),
                 PLAUSIBLE_CELL_MAX);
        diag_add(dl, DIAG_ERROR, apps->file, a->line, 0, hint,
                 "the %s text has %zu characters; a workbook cell holds at most %d (Excel's "
                 "limit)",
                 t[k].what, w, PLAUSIBLE_CELL_MAX);
        errors++;
    }
    return errors;
}

/* Pool texts written into cells: the names, the committee, every label. */
static size_t check_pool_texts(const pool *p, diag_list *dl)
{
    size_t errors = 0;
    char hint[160];
    const pool_line *sets[3] = {p->budget, p->reservations, p->earmarks};
    size_t ns[3] = {p->n_budget, p->n_reservations, p->n_earmarks};

    snprintf(hint, sizeof hint, msg_tr("shorten the text to at most %d characters"),
             PLAUSIBLE_POOL_TEXT_MAX);
    {
        const char *t[] = {p->name, p->short_name, p->committee, p->residual_label};
        for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
            if (plausible_chars(t[k]) <= PLAUSIBLE_POOL_TEXT_MAX)
                continue;
            diag_add(dl, DIAG_ERROR, p->file, 0, 0, hint,
                     "a text in the pool file has %zu characters; with the words around it "
                     "a workbook cell holds at most %d",
                     plausible_chars(t[k]), PLAUSIBLE_POOL_TEXT_MAX);
            errors++;
        }
    }
    for (int s = 0; s < 3; s++)
        for (size_t i = 0; i < ns[s]; i++) {
            size_t w = plausible_chars(sets[s][i].label);
            if (w <= PLAUSIBLE_POOL_TEXT_MAX)
                continue;
            diag_add(dl, DIAG_ERROR, p->file, sets[s][i].line, 0, hint,
                     "the label has %zu characters; with the words around it a workbook cell "
                     "holds at most %d",
                     w, PLAUSIBLE_POOL_TEXT_MAX);
            errors++;
        }
    return errors;
}

/* The CVR's digits, into buf (size >= 32); "" when it has none. */
static const char *cvr_digits(const char *cvr, char *buf)
{
    size_t n = 0;
    for (const char *c = cvr ? cvr : ""; *c && n < 31; c++)
        if (*c >= '0' && *c <= '9')
            buf[n++] = *c;
    buf[n] = '\0';
    return buf;
}

typedef struct named {
    char *fold;  /* the folded association */
    size_t i;    /* its row */
} named;

static int cmp_named(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->fold, y->fold);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* One association with two CVR numbers: a warning on each later row whose
 * CVR differs from the first row's. Returns 0, or -1 on out of memory. */
static int check_cvrs(const app_list *apps, diag_list *dl)
{
    named *v = malloc((apps->n ? apps->n : 1) * sizeof *v);
    size_t n = 0;
    char a[32], b[32];
    int rc = 0;

    if (!v)
        return -1;
    for (size_t i = 0; i < apps->n; i++) {
        if (!*cvr_digits(apps->v[i].cvr, a))
            continue;
        v[n].fold = text_fold_name(apps->v[i].association ? apps->v[i].association : "");
        v[n].i = i;
        if (!v[n].fold) {
            rc = -1;
            break;
        }
        n++;
    }
    if (rc == 0)
        qsort(v, n, sizeof *v, cmp_named);
    for (size_t k = 0; rc == 0 && k < n;) {
        size_t end = k + 1;
        const app *first = &apps->v[v[k].i];
        while (end < n && strcmp(v[end].fold, v[k].fold) == 0)
            end++;
        cvr_digits(first->cvr, a);
        for (size_t j = k + 1; j < end; j++) {
            const app *x = &apps->v[v[j].i];
            if (!*v[k].fold || strcmp(cvr_digits(x->cvr, b), a) == 0)
                continue;
            diag_add(dl, DIAG_WARNING, apps->file, x->line, 0,
                     "check the CVR numbers: one association has one CVR number; if they are "
                     "two associations, tell them apart in the name",
                     "\"%s\" has CVR %s here but CVR %s on line %u", x->association, b, a,
                     first->line);
        }
        k = end;
    }
    for (size_t k = 0; k < n; k++)
        free(v[k].fold);
    free(v);
    return rc;
}

size_t plausible_check(const pool *p, const app_list *apps, diag_list *dl)
{
    size_t errors = check_pool_texts(p, dl);
    pulje_kr med_applied = median_of(apps, 0), med_assessed = median_of(apps, 1);
    char x[MONEY_BUFSZ], y[MONEY_BUFSZ];

    if (med_applied < 0 || med_assessed < 0) {
        dl->oom = 1;
        return (size_t)-1;
    }
    for (size_t i = 0; i < apps->n; i++) {
        const app *a = &apps->v[i];
        const char *f = apps->file;

        errors += check_lengths(apps, a, dl);
        if (a->applied > 0 && a->applied < PLAUSIBLE_MIN_KR)
            diag_add(dl, DIAG_WARNING, f, a->line, 0,
                     "check the amount: was it meant in thousands, or typed with an English "
                     "thousands separator?",
                     "applied for only DKK %s (Ansøgt)", money_format_text(a->applied, x));
        if (a->assessed > 0 && a->assessed < PLAUSIBLE_MIN_KR)
            diag_add(dl, DIAG_WARNING, f, a->line, 0,
                     "check the amount: was it meant in thousands, or typed with an English "
                     "thousands separator?",
                     "assessed only DKK %s (Indstillet)", money_format_text(a->assessed, x));
        if (a->assessed > 0 && (pulje_wide)a->assessed * 100 < (pulje_wide)a->applied)
            diag_add(dl, DIAG_WARNING, f, a->line, 0,
                     "check Indstillet against Ansøgt: \"50.000\" read as 50 under an English "
                     "locale looks like this",
                     "assessed DKK %s is below 1%% of the DKK %s applied for",
                     money_format_text(a->assessed, x), money_format_text(a->applied, y));
        if (med_applied > 0 &&
            (pulje_wide)a->applied > (pulje_wide)med_applied * PLAUSIBLE_MEDIAN_FACTOR)
            diag_add(dl, DIAG_WARNING, f, a->line, 0,
                     "check the amount for an extra digit or a missing separator",
                     "applied for DKK %s, more than %d times the pool's median (DKK %s)",
                     money_format_text(a->applied, x), PLAUSIBLE_MEDIAN_FACTOR,
                     money_format_text(med_applied, y));
        if (med_assessed > 0 &&
            (pulje_wide)a->assessed > (pulje_wide)med_assessed * PLAUSIBLE_MEDIAN_FACTOR)
            diag_add(dl, DIAG_WARNING, f, a->line, 0,
                     "check the amount for an extra digit or a missing separator",
                     "assessed DKK %s, more than %d times the pool's median (DKK %s)",
                     money_format_text(a->assessed, x), PLAUSIBLE_MEDIAN_FACTOR,
                     money_format_text(med_assessed, y));
        for (size_t k = 0; a->supp_asked && k < p->n_earmark_defs; k++) {
            pulje_kr s = a->supp_assessed[k] >= 0 ? a->supp_assessed[k] : a->supp_asked[k];
            if (a->assessed == 0 || s <= a->assessed)
                continue;
            diag_add(dl, DIAG_WARNING, f, a->line, a->supp_col ? a->supp_col[k] : 0,
                     "check the supplement: it adds to the grant and is usually the smaller",
                     "the supplement from [earmark %s] (DKK %s) is larger than the grant "
                     "assessed (DKK %s)",
                     p->earmark_defs[k].key, money_format_text(s, x),
                     money_format_text(a->assessed, y));
        }
    }
    if (check_cvrs(apps, dl) != 0) {
        dl->oom = 1;
        return (size_t)-1;
    }
    return errors;
}

size_t plausible_check_ledger(const ledger *l, diag_list *dl)
{
    size_t errors = 0;
    char hint[160];

    snprintf(hint, sizeof hint, msg_tr("shorten the text to at most %d characters"), PLAUSIBLE_CELL_MAX);
    for (size_t i = 0; i < l->n; i++) {
        const ledger_row *r = &l->v[i];
        const struct {
            const char *what, *s;
        } t[] = {{"Løbenr", r->id}, {"Nr", r->nr}, {"Forening", r->association}, {"CVR", r->cvr}};
        for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
            size_t w = plausible_chars(t[k].s);
            if (w <= PLAUSIBLE_CELL_MAX)
                continue;
            diag_add(dl, DIAG_ERROR, l->file, r->line, 0, hint,
                     "the %s text has %zu characters; a workbook cell holds at most %d (Excel's "
                     "limit)",
                     t[k].what, w, PLAUSIBLE_CELL_MAX);
            errors++;
        }
    }
    return errors;
}
