/* multiyear.c - Multi-year grants: eligibility, the cap, and which requests to honour. */
#include "multiyear.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "text.h"

void multiyear_free(my_result *r)
{
    free(r->status);
    free(r->years);
    memset(r, 0, sizeof *r);
}

/* A running multi-year grant in the ledger, keyed for look-up: "c:<cvr>" or
 * "n:<folded association name>". */
typedef struct holder {
    char *key;
    const ledger_row *first;  /* the first of its rows, for messages */
    int last;                 /* the last year it is paid */
} holder;

static int cmp_holder(const void *a, const void *b)
{
    return strcmp(((const holder *)a)->key, ((const holder *)b)->key);
}

/* "c:<cvr>" when cvr is given, else "n:<folded name>"; NULL on out of memory. */
static char *holder_key(const char *cvr, const char *name, int by_cvr)
{
    char *f, *k;
    size_t n;
    if (by_cvr) {
        n = strlen(cvr) + 3;
        k = malloc(n);
        if (k)
            snprintf(k, n, "c:%s", cvr);
        return k;
    }
    f = text_fold_name(name ? name : ""); /* as the duplicate check folds (text.h) */
    if (!f)
        return NULL;
    n = strlen(f) + 3;
    k = malloc(n);
    if (k)
        snprintf(k, n, "n:%s", f);
    free(f);
    return k;
}

/* The running holders of the ledger, sorted by key, with both a CVR key and
 * a name key for rows that have a CVR. Returns the count, or (size_t)-1 on
 * out of memory. */
static size_t running_holders(const ledger *l, int year, holder **out)
{
    size_t n = 0, cap = 0;
    holder *v = NULL;
    for (size_t j = 0; j < l->n; j++) {
        const ledger_row *w = &l->v[j];
        if (w->kind != LEDGER_MULTI_YEAR || w->year < year)
            continue;
        for (int by_cvr = 0; by_cvr <= 1; by_cvr++) {
            if (by_cvr && !(w->cvr && w->cvr[0]))
                continue;
            if (n == cap) {
                size_t nc = cap ? cap * 2 : 64;
                holder *nv = realloc(v, nc * sizeof *nv);
                if (!nv)
                    goto oom;
                v = nv;
                cap = nc;
            }
            v[n].key = holder_key(w->cvr, w->association, by_cvr);
            if (!v[n].key)
                goto oom;
            v[n].first = w;
            v[n].last = w->year;
            n++;
        }
    }
    if (n > 1) /* v is NULL when no row is running: qsort must not see it */
        qsort(v, n, sizeof *v, cmp_holder);
    /* one entry per key: the first row in the file, the last year paid */
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u > 0 && strcmp(v[u - 1].key, v[i].key) == 0) {
            if (v[i].first->line < v[u - 1].first->line)
                v[u - 1].first = v[i].first;
            if (v[i].last > v[u - 1].last)
                v[u - 1].last = v[i].last;
            free(v[i].key);
            continue;
        }
        v[u++] = v[i];
    }
    *out = v;
    return u;

oom:
    for (size_t i = 0; i < n; i++)
        free(v[i].key);
    free(v);
    return (size_t)-1;
}

/* The holder an application matches: by CVR when it has one and the ledger
 * knows it, else by its association's folded name. NULL if none. */
static const holder *find_holder(const holder *v, size_t n, const app *a, int *oom)
{
    for (int by_cvr = 1; by_cvr >= 0; by_cvr--) {
        if (by_cvr && !(a->cvr && a->cvr[0]))
            continue;
        holder probe = {holder_key(a->cvr, a->association, by_cvr), NULL, 0};
        if (!probe.key) {
            *oom = 1;
            return NULL;
        }
        const holder *h = bsearch(&probe, v, n, sizeof *v, cmp_holder);
        free(probe.key);
        if (h)
            return h;
    }
    return NULL;
}

/* The holder of application i: from apps' cache when it was made for l and
 * year, else looked up in hv. Fills *first and *last; false if none. */
static bool holder_of(const app_list *apps, size_t i, const ledger *l, int year,
                      const holder *hv, size_t nh, const ledger_row **first, int *last,
                      int *oom)
{
    if (apps->holder && apps->holders_of == l && apps->holders_year == year) {
        const apps_holder *c = &apps->holder[i];
        if (!c->row)
            return false;
        *first = &l->v[c->row - 1];
        *last = c->last;
        return true;
    }
    const holder *h = nh ? find_holder(hv, nh, &apps->v[i], oom) : NULL;
    if (!h)
        return false;
    *first = h->first;
    *last = h->last;
    return true;
}

size_t multiyear_holders(const pool *p, const ledger *l, const app_list *apps, bool *aside,
                         diag_list *dl)
{
    size_t found = 0, nh = 0;
    holder *hv = NULL;
    int oom = 0;
    bool cached;

    if (aside)
        for (size_t i = 0; i < apps->n; i++)
            aside[i] = false;
    if (!l)
        return 0;
    cached = apps->holder && apps->holders_of == l && apps->holders_year == p->year;
    if (!cached) {
        nh = running_holders(l, p->year, &hv);
        if (nh == (size_t)-1) {
            diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
            return 1;
        }
    }
    for (size_t i = 0; i < apps->n && !oom; i++) {
        const app *a = &apps->v[i];
        const ledger_row *first;
        int last;
        if (!holder_of(apps, i, l, p->year, hv, nh, &first, &last, &oom))
            continue;
        found++;
        if (p->holders_set_aside) {
            if (aside)
                aside[i] = true;
            diag_add(dl, DIAG_WARNING, apps->file, a->line, 0,
                     "running_holders = set_aside in [multiyear]: the application is left out",
                     "%s (Nr %s) holds a running multi-year grant (%s line %u, Løbenr %s, "
                     "paid until %d) and may not apply before %d; set aside",
                     a->association, a->nr, l->file ? l->file : "ledger", first->line,
                     first->id, last, last);
        } else {
            diag_add(dl, DIAG_ERROR, apps->file, a->line, 0,
                     "remove the application, or set running_holders = set_aside in "
                     "[multiyear] to leave such applications out with a warning",
                     "%s (Nr %s) holds a running multi-year grant (%s line %u, Løbenr %s, "
                     "paid until %d) and may not apply before %d",
                     a->association, a->nr, l->file ? l->file : "ledger", first->line,
                     first->id, last, last);
        }
    }
    for (size_t i = 0; i < nh; i++)
        free(hv[i].key);
    free(hv);
    if (oom) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        found++;
    }
    return found;
}

int multiyear_match_holders(const pool *p, const ledger *l, app_list *apps)
{
    holder *hv = NULL;
    apps_holder *c;
    size_t nh;
    int oom = 0;

    if (!l)
        return 0;
    nh = running_holders(l, p->year, &hv);
    if (nh == (size_t)-1)
        return -1;
    c = calloc(apps->n ? apps->n : 1, sizeof *c);
    for (size_t i = 0; c && i < apps->n && !oom; i++) {
        const holder *h = nh ? find_holder(hv, nh, &apps->v[i], &oom) : NULL;
        if (h)
            c[i] = (apps_holder){(unsigned)(h->first - l->v) + 1, h->last};
    }
    for (size_t i = 0; i < nh; i++)
        free(hv[i].key);
    free(hv);
    if (!c || oom) {
        free(c);
        return -1;
    }
    free(apps->holder);
    apps->holder = c;
    apps->holders_of = l;
    apps->holders_year = p->year;
    return 0;
}

/* Append one reserved amount to *v. Returns 0 or -1. */
static int add_reserved(my_reserved **v, size_t *n, my_reserve_kind kind, const char *association,
                        int first, int last, pulje_kr amount)
{
    my_reserved *grown = realloc(*v, (*n + 1) * sizeof *grown);
    if (!grown)
        return -1;
    *v = grown;
    grown[*n] = (my_reserved){kind, association, first, last, amount};
    (*n)++;
    return 0;
}

int multiyear_reservations(const pool *p, const ledger *l, my_reserved **out, size_t *n_out)
{
    my_reserved *v = NULL;
    size_t n = 0;
    pulje_kr multi;

    *out = NULL;
    *n_out = 0;
    if (!l)
        return 0;
    multi = ledger_sum(l, p->year, LEDGER_MULTI_YEAR);
    if (multi > 0 &&
        add_reserved(&v, &n, MY_RESERVE_MULTIYEAR, NULL, p->year - 1, p->year - 1, multi) != 0)
        goto oom;
    /* One line per operating agreement paid this year: same association and
     * decision year; its span is the first and last year it is paid. */
    for (size_t i = 0; i < l->n; i++) {
        const ledger_row *w = &l->v[i];
        bool seen = false;
        pulje_kr amount = 0;
        int first = w->year, last = w->year;
        if (w->kind != LEDGER_AGREEMENT || w->year != p->year)
            continue;
        for (size_t j = 0; j < l->n; j++) {
            const ledger_row *u = &l->v[j];
            if (u->kind != LEDGER_AGREEMENT || u->decided != w->decided ||
                strcmp(u->association, w->association) != 0)
                continue;
            if (u->year == p->year && j < i)
                seen = true; /* counted with an earlier row */
            if (u->year == p->year)
                amount += u->amount;
            if (u->year < first)
                first = u->year;
            if (u->year > last)
                last = u->year;
        }
        if (seen || amount == 0)
            continue;
        if (add_reserved(&v, &n, MY_RESERVE_AGREEMENT, w->association, first, last, amount) != 0)
            goto oom;
    }
    *out = v;
    *n_out = n;
    return 0;

oom:
    free(v);
    return -1;
}

/* Why a request for years > 1 is not eligible; MY_HONOURED if it is. */
static my_status eligibility(const pool *p, const app *a, pulje_kr grant, bool aside)
{
    if (aside)
        return MY_SET_ASIDE;
    if (a->years <= 1)
        return MY_ONE_YEAR;
    if (grant <= 0)
        return MY_NO_GRANT;
    if (a->active_years < 0)
        return MY_AGE_UNKNOWN;
    if (a->active_years < p->min_active_years)
        return MY_TOO_YOUNG;
    if (a->years == 3 && !a->exceptional)
        return MY_NOT_EXCEPTIONAL;
    return MY_HONOURED; /* eligible; the cap decides */
}

typedef struct {
    size_t i;
    int priority;   /* 0 = none: after every given priority */
    pulje_kr grant;
} ranked;

/* Priority first (1 before 2, none last), then the larger grant, then file order. */
static int cmp_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    int pa_ = a->priority > 0 ? a->priority : 0x7fffffff;
    int pb_ = b->priority > 0 ? b->priority : 0x7fffffff;
    if (pa_ != pb_)
        return pa_ < pb_ ? -1 : 1;
    if (a->grant != b->grant)
        return a->grant > b->grant ? -1 : 1;
    return a->i < b->i ? -1 : (a->i > b->i);
}

/* The period p (0..MY_YEARS-1) is covered by a grant of `years` years. */
static bool covers(int years, size_t period)
{
    return (int)period < years;
}

int multiyear_choose(const pool *p, const ledger *l, const app_list *apps,
                     const pulje_kr *grants, const bool *aside, int use_model,
                     my_result *out, diag_list *dl)
{
    size_t n = apps->n, k = 0;
    ranked *cand = NULL;
    pulje_kr room[MY_YEARS];
    my_result r;

    memset(out, 0, sizeof *out);
    memset(&r, 0, sizeof r);
    r.n = n;
    r.cap_bp = p->cap_bp;
    r.status = calloc(n ? n : 1, sizeof *r.status);
    r.years = calloc(n ? n : 1, sizeof *r.years);
    cand = malloc((n ? n : 1) * sizeof *cand);
    if (!r.status || !r.years || !cand)
        goto oom;

    for (size_t t = 0; t < MY_YEARS; t++) {
        my_year *y = &r.y[t];
        y->year = p->year + (int)t;
        y->money = pool_money_in(p, y->year);
        y->cap = (pulje_kr)((pulje_wide)y->money * p->cap_bp / 10000);
        y->old = l ? ledger_sum(l, y->year, LEDGER_MULTI_YEAR) : 0;
        room[t] = y->cap - y->old; /* negative: the cap was broken before this round */
        if (room[t] < 0) {
            char o[MONEY_BUFSZ], c[MONEY_BUFSZ];
            diag_add(dl, DIAG_WARNING, l && l->file ? l->file : p->file, 0, 0,
                     "no new multi-year grant can cover that year; check the ledger, the "
                     "cap in [multiyear] or money_year2/money_year3",
                     "earlier multi-year commitments for %d (DKK %s) already exceed the cap "
                     "(DKK %s)", y->year, money_format_text(y->old, o),
                     money_format_text(y->cap, c));
        }
    }
    for (size_t i = 0; i < n; i++) {
        const app *a = &apps->v[i];
        my_status st = eligibility(p, a, grants[i], aside && aside[i]);
        r.status[i] = st;
        r.years[i] = grants[i] > 0 ? 1 : 0;
        if (a->years > 1)
            r.n_requested++;
        if (st == MY_HONOURED) {
            r.n_eligible++;
            cand[k].i = i;
            cand[k].priority = a->priority;
            cand[k].grant = grants[i];
            k++;
        }
    }
    qsort(cand, k, sizeof *cand, cmp_ranked);

    /* The closed form: honour in rank order whatever still fits in every
     * year it covers. This is the lexicographic optimum. */
    unsigned char *greedy = calloc(k ? k : 1, 1);
    if (!greedy)
        goto oom;
    for (size_t c = 0; c < k; c++) {
        int years = apps->v[cand[c].i].years;
        bool fits = true;
        for (size_t t = 0; t < MY_YEARS; t++)
            if (covers(years, t) && cand[c].grant > room[t])
                fits = false;
        if (!fits)
            continue;
        greedy[c] = 1;
        for (size_t t = 0; t < MY_YEARS; t++)
            if (covers(years, t))
                room[t] -= cand[c].grant;
    }

    if (use_model) {
        pulje_kr cap[MY_YEARS], *need = malloc((k ? k : 1) * sizeof *need);
        unsigned char *cov = malloc((k ? k : 1) * MY_YEARS), *chosen = malloc(k ? k : 1);
        char err[256] = "";
        model_status ms;
        if (!need || !cov || !chosen) {
            free(need);
            free(cov);
            free(chosen);
            free(greedy);
            goto oom;
        }
        for (size_t t = 0; t < MY_YEARS; t++)
            cap[t] = r.y[t].cap - r.y[t].old;
        for (size_t c = 0; c < k; c++) {
            need[c] = cand[c].grant;
            for (size_t t = 0; t < MY_YEARS; t++)
                cov[c * MY_YEARS + t] = covers(apps->v[cand[c].i].years, t);
        }
        ms = model_choose_ranked_checked(k, need, MY_YEARS, cov, cap, chosen, &r.n_overruled,
                                         err, sizeof err);
        int same = ms == MODEL_OK && memcmp(chosen, greedy, k) == 0;
        free(need);
        free(cov);
        free(chosen);
        if (ms != MODEL_OK) {
            diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "multi-year choice: %s: %s",
                     model_strerror(ms), err);
            free(greedy);
            goto fail;
        }
        if (!same) {
            diag_add(dl, DIAG_ERROR, NULL, 0, 0,
                     "this is a fault in pulje, not in your input; please report it",
                     "multi-year choice: the GLPK model and the closed form disagree");
            free(greedy);
            goto fail;
        }
        r.by_model = true;
    }

    for (size_t c = 0; c < k; c++) {
        size_t i = cand[c].i;
        if (!greedy[c]) {
            r.status[i] = MY_CAP;
            continue;
        }
        r.years[i] = apps->v[i].years;
        r.n_honoured++;
        for (size_t t = 0; t < MY_YEARS; t++)
            if (covers(r.years[i], t))
                r.y[t].fresh += grants[i];
    }
    free(greedy);
    free(cand);
    *out = r;
    return 0;

oom:
    diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
fail:
    free(cand);
    multiyear_free(&r);
    return -1;
}

/* The highest number n of an id "L<year>-<n>" in the ledger; 0 if none. */
static unsigned last_in_series(const ledger *l, int year)
{
    char prefix[32];
    size_t plen;
    unsigned last = 0;

    snprintf(prefix, sizeof prefix, "L%d-", year);
    plen = strlen(prefix);
    for (size_t j = 0; l && j < l->n; j++) {
        const char *id = l->v[j].id;
        unsigned long v = 0;
        size_t k = plen;
        if (!id || strncmp(id, prefix, plen) != 0)
            continue;
        for (; id[k] >= '0' && id[k] <= '9' && v < 100000000; k++)
            v = v * 10 + (unsigned long)(id[k] - '0');
        if (k > plen && v > last)
            last = (unsigned)v;
    }
    return last;
}

int multiyear_next_ledger(const pool *p, const ledger *old, const app_list *apps,
                          const pulje_kr *grants, const my_result *r, ledger *out)
{
    /* New ids continue this year's series after the highest one in use, so
     * none can repeat an old one; found in one pass, not per row. */
    unsigned seq = last_in_series(old, p->year);

    memset(out, 0, sizeof *out);
    for (size_t i = 0; old && i < old->n; i++)
        if (ledger_append(out, &old->v[i]) != 0)
            goto oom;
    for (size_t i = 0; i < apps->n; i++) {
        if (r->status[i] != MY_HONOURED)
            continue;
        for (int t = 0; t < r->years[i]; t++) {
            char id[32];
            ledger_row row;
            snprintf(id, sizeof id, "L%d-%03u", p->year, ++seq);
            memset(&row, 0, sizeof row);
            row.id = id;
            row.decided = p->year;
            row.year = p->year + t;
            row.nr = apps->v[i].nr;
            row.association = apps->v[i].association;
            row.cvr = apps->v[i].cvr;
            row.amount = grants[i];
            row.kind = LEDGER_MULTI_YEAR;
            if (ledger_append(out, &row) != 0)
                goto oom;
        }
    }
    return 0;

oom:
    ledger_free(out);
    return -1;
}

/* Where multiyear_write_next_ledger() is in next year's ledger: the old
 * rows, then each honoured grant-year in application order. */
typedef struct next_rows {
    const pool *p;
    const ledger *old;
    const app_list *apps;
    const pulje_kr *grants;
    const my_result *r;
    unsigned seq0; /* the last id of this year's series in old */
    size_t i;      /* the application of the next new row */
    int t;         /* and its year */
    unsigned seq;  /* the last id given */
    char id[32];
} next_rows;

/* Row k of next year's ledger, as multiyear_next_ledger() would have it; k
 * goes 0, 1, ... (a ledger_row_fn). */
static int next_row_at(void *ctx, size_t k, ledger_row *row)
{
    next_rows *c = ctx;
    size_t n_old = c->old ? c->old->n : 0;

    if (k == 0) {
        c->i = 0;
        c->t = 0;
        c->seq = c->seq0;
    }
    if (k < n_old) {
        *row = c->old->v[k];
        return 1;
    }
    while (c->i < c->apps->n &&
           (c->r->status[c->i] != MY_HONOURED || c->t >= c->r->years[c->i])) {
        c->i++;
        c->t = 0;
    }
    if (c->i >= c->apps->n)
        return 0;
    snprintf(c->id, sizeof c->id, "L%d-%03u", c->p->year, ++c->seq);
    memset(row, 0, sizeof *row);
    row->id = c->id;
    row->decided = c->p->year;
    row->year = c->p->year + c->t;
    row->nr = c->apps->v[c->i].nr;
    row->association = c->apps->v[c->i].association;
    row->cvr = c->apps->v[c->i].cvr;
    row->amount = c->grants[c->i];
    row->kind = LEDGER_MULTI_YEAR;
    c->t++;
    return 1;
}

int multiyear_write_next_ledger(const char *path, const pool *p, const ledger *old,
                                const app_list *apps, const pulje_kr *grants,
                                const my_result *r, char *err, size_t errsz)
{
    next_rows c;

    memset(&c, 0, sizeof c);
    c.p = p;
    c.old = old;
    c.apps = apps;
    c.grants = grants;
    c.r = r;
    c.seq0 = last_in_series(old, p->year);
    return ledger_write_each(path, next_row_at, &c, err, errsz);
}
