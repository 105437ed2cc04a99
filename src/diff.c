/* diff.c - What changed between two runs, and why: the table of causes and
 * the comparison. No I/O: the runs are read by diff_read.c. */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

static const char *nz(const char *s)
{
    return s ? s : "";
}

static bool assessed_differs(const diff_row *a, const diff_row *b)
{
    return a->assessed != b->assessed;
}

static bool applied_differs(const diff_row *a, const diff_row *b)
{
    return a->applied != b->applied;
}

static bool refusal_differs(const diff_row *a, const diff_row *b)
{
    return strcmp(nz(a->refusal), nz(b->refusal)) != 0;
}

static bool years_asked_differ(const diff_row *a, const diff_row *b)
{
    return a->years_asked != b->years_asked;
}

/* The causes, in the order they are named. An application's causes are its
 * own row's (ON_ROW) together with the pool's (ON_RECORD: a record line
 * that differs between the runs); POOL only when the pool file's digest
 * differs and none of the pool's keys shown in the record do. With neither,
 * OTHERS when other rows changed (or came or went), else UNKNOWN. */
const diff_cause_def diff_causes[DIFF_N_CAUSES] = {
    {DIFF_CAUSE_ASSESSED, DIFF_ON_ROW, {NULL}, assessed_differs,
     "the application's assessed amount (Indstillet; 0 when refused)"},
    {DIFF_CAUSE_APPLIED, DIFF_ON_ROW, {NULL}, applied_differs,
     "the amount applied for (Ansøgt)"},
    {DIFF_CAUSE_REFUSAL, DIFF_ON_ROW, {NULL}, refusal_differs,
     "the application's own refusal (Afslag) was set, removed or reworded"},
    {DIFF_CAUSE_YEARS, DIFF_ON_ROW, {NULL}, years_asked_differ,
     "the years asked for (a multi-year request)"},
    {DIFF_CAUSE_RULE, DIFF_ON_RECORD, {"rule", NULL}, NULL,
     "the rule, its threshold, min_grant or max_grant (record: rule)"},
    {DIFF_CAUSE_BUDGET, DIFF_ON_RECORD, {"budget", NULL}, NULL,
     "the budget lines' total (record: budget)"},
    {DIFF_CAUSE_LEDGER, DIFF_ON_RECORD, {"reserved", "digest ledger", NULL}, NULL,
     "the reservations or the ledger file (record: reserved, digest ledger)"},
    {DIFF_CAUSE_EARMARK, DIFF_ON_RECORD, {"earmarked", NULL}, NULL,
     "the earmarked money (record: earmarked)"},
    {DIFF_CAUSE_PARAM, DIFF_ON_RECORD, {"rounding", "cap", "min_active_years", NULL}, NULL,
     "a parameter: rounding, cap, min_active_years (record lines of those names)"},
    {DIFF_CAUSE_POOL, DIFF_ON_RECORD, {"digest pool", NULL}, NULL,
     "the pool file changed in keys the record does not show (record: digest pool)"},
    {DIFF_CAUSE_OTHERS, DIFF_ON_NONE, {NULL}, NULL,
     "none of the above: other applications changed, so the shared factor moved"},
    {DIFF_CAUSE_NEW, DIFF_ON_NONE, {NULL}, NULL, "the application is new"},
    {DIFF_CAUSE_REMOVED, DIFF_ON_NONE, {NULL}, NULL, "the application is no longer there"},
    {DIFF_CAUSE_UNKNOWN, DIFF_ON_NONE, {NULL}, NULL,
     "none of the above and nothing else changed (another solver, a program version)"},
};

/* Record keys compared for PARAM besides those in the table (a table row
 * holds at most three). */
static const char *const more_params[] = {"money_year2", "money_year3"};

const char *diff_kv_get(const diff_run *r, const char *key)
{
    for (size_t i = 0; i < r->n_kv; i++)
        if (strcmp(r->kv[i].key, key) == 0)
            return r->kv[i].value;
    return NULL;
}

static char *dup(const char *s)
{
    size_t n = strlen(nz(s)) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, nz(s), n);
    return d;
}

int diff_run_add_kv(diff_run *r, const char *key, const char *value)
{
    diff_kv *v = realloc(r->kv, (r->n_kv + 1) * sizeof *v);
    if (!v)
        return -1;
    r->kv = v;
    v[r->n_kv].key = dup(key);
    v[r->n_kv].value = dup(value);
    if (!v[r->n_kv].key || !v[r->n_kv].value) {
        free(v[r->n_kv].key);
        free(v[r->n_kv].value);
        return -1;
    }
    r->n_kv++;
    return 0;
}

int diff_run_add_row(diff_run *r, const diff_row *row)
{
    diff_row *v, *d;

    if ((r->n & (r->n - 1)) == 0) { /* 0, 1, 2, 4, ...: double */
        v = realloc(r->rows, (r->n ? r->n * 2 : 1) * sizeof *v);
        if (!v)
            return -1;
        r->rows = v;
    }
    d = &r->rows[r->n];
    *d = *row;
    d->nr = dup(row->nr);
    d->association = dup(row->association);
    d->refusal = dup(row->refusal);
    d->reason = dup(row->reason);
    if (!d->nr || !d->association || !d->refusal || !d->reason) {
        free(d->nr);
        free(d->association);
        free(d->refusal);
        free(d->reason);
        return -1;
    }
    r->n++;
    return 0;
}

void diff_run_free(diff_run *r)
{
    for (size_t i = 0; i < r->n_kv; i++) {
        free(r->kv[i].key);
        free(r->kv[i].value);
    }
    for (size_t i = 0; i < r->n; i++) {
        free(r->rows[i].nr);
        free(r->rows[i].association);
        free(r->rows[i].refusal);
        free(r->rows[i].reason);
    }
    free(r->kv);
    free(r->rows);
    memset(r, 0, sizeof *r);
}

int diff_parse_record(const char *text, size_t len, diff_run *r)
{
    size_t i = 0;
    char line[2048];

    while (i < len) {
        size_t e = i, n;
        char *colon;
        while (e < len && text[e] != '\n')
            e++;
        n = e - i;
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, text + i, n);
        line[n] = '\0';
        while (n && line[n - 1] == '\r')
            line[--n] = '\0';
        colon = strstr(line, ": ");
        if (colon) {
            *colon = '\0';
            if (diff_run_add_kv(r, line, colon + 2) != 0)
                return -1;
        }
        i = e + 1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */

/* Row indices sorted by number, for lining the runs up. */
static const diff_run *sort_run;

static int by_nr(const void *x, const void *y)
{
    return strcmp(sort_run->rows[*(const size_t *)x].nr, sort_run->rows[*(const size_t *)y].nr);
}

static size_t *sorted_index(const diff_run *r)
{
    size_t *ix = malloc((r->n ? r->n : 1) * sizeof *ix);
    if (!ix)
        return NULL;
    for (size_t i = 0; i < r->n; i++)
        ix[i] = i;
    sort_run = r;
    qsort(ix, r->n, sizeof *ix, by_nr);
    return ix;
}

/* The row of run r numbered nr, through its sorted index; NULL if none. */
static const diff_row *find(const diff_run *r, const size_t *ix, const char *nr)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->rows[ix[mid]].nr, nr);
        if (c == 0)
            return &r->rows[ix[mid]];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The pool-wide causes: the record lines that differ. */
static void pool_causes(const diff_run *a, const diff_run *b, diff_result *out)
{
    if (!a->n_kv || !b->n_kv)
        return; /* a bare CSV: nothing known about the pool */
    for (size_t c = 0; c < DIFF_N_CAUSES; c++) {
        const diff_cause_def *d = &diff_causes[c];
        size_t nk = 0;
        const char *keys[8];
        if (d->on != DIFF_ON_RECORD)
            continue;
        for (; d->keys[nk]; nk++)
            keys[nk] = d->keys[nk];
        if (d->cause == DIFF_CAUSE_PARAM)
            for (size_t m = 0; m < sizeof more_params / sizeof more_params[0]; m++)
                keys[nk++] = more_params[m];
        if (d->cause == DIFF_CAUSE_POOL && out->pool_causes)
            continue; /* the pool file's change is already named by its keys */
        for (size_t k = 0; k < nk; k++) {
            const char *va = diff_kv_get(a, keys[k]), *vb = diff_kv_get(b, keys[k]);
            if (!va || !vb || strcmp(va, vb) == 0)
                continue; /* a record without the line (an older pulje) says nothing */
            if (d->cause == DIFF_CAUSE_LEDGER && out->pool_causes & DIFF_CAUSE_LEDGER)
                continue; /* reserved changed: the digest adds nothing */
            out->pool_causes |= (unsigned)d->cause;
            if (out->n_pool < sizeof out->pool / sizeof out->pool[0])
                out->pool[out->n_pool++] = (diff_pool_change){d->cause, keys[k], va, vb};
        }
    }
}

/* Whether two rows of one application differ in outcome. */
static bool outcome_differs(const diff_row *a, const diff_row *b, bool reasons)
{
    return a->grant != b->grant || a->supplements != b->supplements || a->years != b->years ||
           a->status != b->status || (reasons && strcmp(a->reason, b->reason) != 0);
}

static unsigned own_causes(const diff_row *a, const diff_row *b)
{
    unsigned c = 0;
    for (size_t k = 0; k < DIFF_N_CAUSES; k++)
        if (diff_causes[k].on == DIFF_ON_ROW && diff_causes[k].test(a, b))
            c |= (unsigned)diff_causes[k].cause;
    return c;
}

static int push(diff_result *out, const diff_row *a, const diff_row *b, unsigned causes)
{
    if ((out->n & (out->n - 1)) == 0) {
        diff_change *v = realloc(out->v, (out->n ? out->n * 2 : 1) * sizeof *v);
        if (!v)
            return -1;
        out->v = v;
    }
    out->v[out->n++] = (diff_change){a, b, causes};
    return 0;
}

int diff_compare(const diff_run *a, const diff_run *b, diff_result *out)
{
    const char *la = diff_kv_get(a, "language"), *lb = diff_kv_get(b, "language");
    bool reasons = la && lb ? strcmp(la, lb) == 0 : !a->n_kv && !b->n_kv;
    size_t *ia, *ib, own_changed = 0;
    int rc = -1;

    memset(out, 0, sizeof *out);
    out->a = a;
    out->b = b;
    ia = sorted_index(a);
    ib = sorted_index(b);
    if (!ia || !ib)
        goto done;
    pool_causes(a, b, out);
    for (size_t i = 0; i < a->n; i++) {
        out->granted_a += a->rows[i].grant;
        out->supplements_a += a->rows[i].supplements;
        out->assessed_a += a->rows[i].assessed;
        if (!find(b, ib, a->rows[i].nr))
            out->n_removed++;
    }
    for (size_t i = 0; i < b->n; i++) {
        const diff_row *rb = &b->rows[i], *ra = find(a, ia, rb->nr);
        out->granted_b += rb->grant;
        out->supplements_b += rb->supplements;
        out->assessed_b += rb->assessed;
        if (!ra)
            out->n_new++;
        else if (own_causes(ra, rb))
            own_changed++;
    }
    /* the changes, in the newer run's order */
    for (size_t i = 0; i < b->n; i++) {
        const diff_row *rb = &b->rows[i], *ra = find(a, ia, rb->nr);
        unsigned c;
        if (!ra) {
            if (push(out, NULL, rb, DIFF_CAUSE_NEW) != 0)
                goto done;
            continue;
        }
        c = own_causes(ra, rb);
        if (!c && !outcome_differs(ra, rb, reasons)) {
            out->n_unchanged++;
            continue;
        }
        c |= out->pool_causes;
        if (!c)
            c = own_changed || out->n_new || out->n_removed ? DIFF_CAUSE_OTHERS
                                                            : DIFF_CAUSE_UNKNOWN;
        if (push(out, ra, rb, c) != 0)
            goto done;
        out->n_changed++;
    }
    for (size_t i = 0; i < a->n; i++)
        if (!find(b, ib, a->rows[i].nr) && push(out, &a->rows[i], NULL, DIFF_CAUSE_REMOVED) != 0)
            goto done;
    rc = 0;
done:
    free(ia);
    free(ib);
    if (rc != 0)
        diff_result_free(out);
    return rc;
}

void diff_result_free(diff_result *out)
{
    free(out->v);
    memset(out, 0, sizeof *out);
}
