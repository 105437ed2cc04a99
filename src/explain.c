/* explain.c - One application's way from ansøgt to tilskud, step by step, in words. */
#include "explain.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "money.h"
#include "text.h"

/* Decimals shown for the factor and for the computed share. */
#define FACTOR_DECIMALS 6
#define SHARE_DECIMALS 2

/* The builder: the text so far, and whether memory ran out. */
typedef struct builder {
    explain_text *t;
    int step;      /* the number of the last step started */
    int failed;
} builder;

void explain_free(explain_text *t)
{
    if (!t)
        return;
    for (size_t k = 0; k < t->n; k++)
        free(t->lines[k]);
    free(t->lines);
    memset(t, 0, sizeof *t);
}

/* Append one line: prefix then the label with its blanks filled. */
static void add_v(builder *b, const char *prefix, label_id id, va_list ap)
{
    va_list ap2;
    size_t plen = strlen(prefix);
    int n;
    char *line;

    if (b->failed)
        return;
    va_copy(ap2, ap);
    n = label_vformat(NULL, 0, id, ap2);
    va_end(ap2);
    if (n < 0 || !(line = malloc(plen + (size_t)n + 1))) {
        b->failed = 1;
        return;
    }
    memcpy(line, prefix, plen);
    label_vformat(line + plen, (size_t)n + 1, id, ap);
    if (b->t->n == b->t->cap) {
        size_t cap = b->t->cap ? 2 * b->t->cap : 16;
        char **grown = realloc(b->t->lines, cap * sizeof *grown);
        if (!grown) {
            free(line);
            b->failed = 1;
            return;
        }
        b->t->lines = grown;
        b->t->cap = cap;
    }
    b->t->lines[b->t->n++] = line;
}

/* A line without a step number ("Ansøgning nr. ..."). */
static void head(builder *b, label_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    add_v(b, "", id, ap);
    va_end(ap);
}

/* A new numbered step: "  3. ...". */
static void step(builder *b, label_id id, ...)
{
    char prefix[16];
    va_list ap;

    b->step++;
    snprintf(prefix, sizeof prefix, "%3d. ", b->step);
    va_start(ap, id);
    add_v(b, prefix, id, ap);
    va_end(ap);
}

/* A detail of the current step, indented under its text. */
static void detail(builder *b, label_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    add_v(b, "     ", id, ap);
    va_end(ap);
}

/* The rule in words, as the workbook says it. */
static void rule_words(const pool *p, char *buf, size_t size)
{
    char t[MONEY_BUFSZ];

    if (p->rule.kind == RULE_THRESHOLD)
        label_format(buf, size, L_RULE_THRESHOLD, money_format(p->rule.threshold, t));
    else
        label_format(buf, size, L_RULE_PROPORTIONAL);
}

/* The multi-year decision's reason in words (as in the overview's note). */
static void my_reason(const pool *p, my_status st, char *buf, size_t size)
{
    switch (st) {
    case MY_ONE_YEAR:        label_format(buf, size, L_MY_ONE_YEAR); return;
    case MY_HONOURED:        label_format(buf, size, L_MY_HONOURED); return;
    case MY_NO_GRANT:        label_format(buf, size, L_MY_NO_GRANT); return;
    case MY_TOO_YOUNG:       label_format(buf, size, L_MY_TOO_YOUNG, p->min_active_years); return;
    case MY_AGE_UNKNOWN:     label_format(buf, size, L_MY_AGE_UNKNOWN); return;
    case MY_NOT_EXCEPTIONAL: label_format(buf, size, L_MY_NOT_EXCEPTIONAL); return;
    case MY_CAP:             label_format(buf, size, L_MY_CAP); return;
    case MY_SET_ASIDE:       label_format(buf, size, L_MY_SET_ASIDE); return;
    }
    buf[0] = '\0';
}

/* Steps for a claim the rule shares: protected, or reduced by the factor,
 * then the computed share and its rounding to the unit. */
static void explain_rule(builder *b, const pool *p, const alloc_result *r,
                         const alloc_line *l)
{
    char rule[512], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], f[MONEY_BUFSZ];
    char share[MONEY_BUFSZ];

    rule_words(p, rule, sizeof rule);
    step(b, L_EX_RULE, rule);
    if (!r->rationed) {
        detail(b, L_EX_NOT_RATIONED, money_format(r->assessed_total, m1),
               money_format(r->available, m2));
        step(b, L_EX_AS_ASSESSED, money_format(l->grant, m1));
        return;
    }
    money_format_ratio(r->factor_num, r->factor_den, FACTOR_DECIMALS, f);
    if (p->rule.kind == RULE_THRESHOLD) {
        if (l->claim <= p->rule.threshold) {
            detail(b, L_EX_PROTECTED, money_format(l->claim, m1),
                   money_format(p->rule.threshold, m2));
            step(b, L_EX_AS_ASSESSED, money_format(l->grant, m1));
            return;
        }
        detail(b, L_EX_ABOVE, money_format(l->claim, m1), money_format(p->rule.threshold, m2));
        detail(b, L_EX_FACTOR_THRESHOLD, money_format(r->available, m1),
               money_format(r->protected_total, m2), money_format(r->reducible_total, m3), f);
    } else {
        detail(b, L_EX_ALL_REDUCED);
        detail(b, L_EX_FACTOR_PROPORTIONAL, money_format(r->available, m1),
               money_format(r->reducible_total, m2), f);
    }

    /* The exact share claim x factor, and the rounding of it to the unit. */
    pulje_wide num = (pulje_wide)l->claim * r->factor_num;
    pulje_wide den = r->factor_den;
    money_format_ratio(num, den, SHARE_DECIMALS, share);
    step(b, L_EX_SHARE, money_format(l->claim, m1), f, share);
    if (num == (pulje_wide)l->claim * den) { /* factor 1: nothing to round */
        detail(b, L_EX_AS_ASSESSED, money_format(l->grant, m1));
        return;
    }
    pulje_kr unit = p->rounding > 0 ? p->rounding : 1;
    pulje_kr floored = (pulje_kr)(money_floordiv(num, den * unit) * unit);
    step(b, L_EX_ROUND_DOWN, money_format(unit, m1), money_format(floored, m2));
    if (l->grant > floored)
        detail(b, L_EX_ROUND_EXTRA, money_format(l->grant - floored, m1),
               money_format(l->grant, m2));
    else if (num != (pulje_wide)floored * den)
        detail(b, L_EX_ROUND_NO_EXTRA);
}

/* The multi-year step: years asked and granted, why, and the amount per year. */
static void explain_years(builder *b, const pool *p, const app *a, const alloc_line *l)
{
    char why[256], m[MONEY_BUFSZ];

    if (l->years_asked <= 1) {
        step(b, L_EX_YEARS_ONE, l->years);
        return;
    }
    my_reason(p, l->my, why, sizeof why);
    step(b, L_EX_YEARS, l->years_asked, l->years, why);
    if ((l->my == MY_TOO_YOUNG || l->my == MY_HONOURED) && a->active_years >= 0)
        detail(b, L_EX_ACTIVE_YEARS, a->active_years, p->min_active_years);
    for (int y = 0; y < l->years && y < MY_YEARS; y++)
        detail(b, L_EX_YEAR_AMOUNT, p->year + y, money_format(l->grant, m));
}

/* The supplements from earmarks this application asked for: what it asked,
 * its tier and the criteria that put it there, what it was granted and why.
 * Plain [earmarks] lines (money set aside without criteria) are only named.
 * Returns the sum of the supplements granted. */
static pulje_kr explain_earmarks(builder *b, const pool *p, const app *a,
                                 const alloc_result *r, size_t i)
{
    char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], keys[256];
    pulje_kr total = 0;

    for (size_t k = 0; k < p->n_earmarks; k++)
        step(b, L_EX_EARMARK, p->earmarks[k].label);
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        const em_line *l = &r->em.lines[k * r->n + i];
        if (!a->supp_asked || a->supp_asked[k] <= 0)
            continue;
        step(b, L_EX_EARMARK_ASKED, e->label, money_format(a->supp_asked[k], m1),
             money_format(l->claim, m2));
        if (l->tier > 0) {
            keys[0] = '\0';
            for (size_t c = 0; c < e->n_criteria; c++) {
                if (!(e->tiers[l->tier - 1] & (1u << c)))
                    continue;
                if (keys[0])
                    strncat(keys, ", ", sizeof keys - strlen(keys) - 1);
                strncat(keys, e->criteria[c].key, sizeof keys - strlen(keys) - 1);
            }
            detail(b, L_EX_EARMARK_TIER, l->tier, keys);
        }
        switch (l->status) {
        case EM_REDUCED:      detail(b, L_EM_ST_REDUCED, l->tier); break;
        case EM_MONEY_GONE:   detail(b, L_EM_ST_GONE); break;
        case EM_NOT_ELIGIBLE: detail(b, L_EM_ST_NOT_ELIGIBLE); break;
        case EM_NO_GRANT:     detail(b, L_EM_ST_NO_GRANT); break;
        case EM_GRANTED:
        case EM_NOT_ASKED:    break;
        }
        detail(b, L_EX_EARMARK_GRANT, money_format(l->grant, m3));
        total += l->grant;
    }
    return total;
}

int explain_build(const pool *p, const app_list *apps, const alloc_result *r, size_t i,
                  explain_text *out)
{
    builder b = {out, 0, 0};
    char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

    memset(out, 0, sizeof *out);
    if (!p || !apps || !r || i >= apps->n || i >= r->n)
        return -1;
    const app *a = &apps->v[i];
    const alloc_line *l = &r->lines[i];

    head(&b, L_EX_HEADING, a->nr, a->association);
    head(&b, L_EX_ACTIVITY, a->activity);
    head(&b, L_EX_POOL, p->name, p->year);
    step(&b, L_EX_APPLIED, money_format(a->applied, m1));

    if (a->refusal && a->refusal[0]) {
        step(&b, L_EX_REFUSED, a->refusal);
    } else if (l->my == MY_SET_ASIDE) {
        step(&b, L_MY_SET_ASIDE);
    } else {
        step(&b, a->assessed_given ? L_EX_ASSESSED : L_EX_ASSESSED_DEFAULT,
             money_format(a->assessed, m1));
        if (l->claim == 0)
            detail(&b, L_EX_ZERO);
        else
            explain_rule(&b, p, r, l);
    }
    explain_years(&b, p, a, l);
    pulje_kr supplements = explain_earmarks(&b, p, a, r, i);

    head(&b, L_EX_GRANT, money_format(l->grant, m1));
    if (l->reduction > 0) {
        char pct[MONEY_BUFSZ];
        money_format_pct(l->reduction, l->claim, 1, pct);
        head(&b, L_EX_REDUCTION, money_format(l->reduction, m2), pct);
    }
    if (supplements > 0)
        head(&b, L_EX_TOTAL_WITH, money_format(l->grant + supplements, m1));
    if (b.failed) {
        explain_free(out);
        return -1;
    }
    return 0;
}

/* ---- finding an application by its number ------------------------------ */

/* nr as written, without blanks at the ends and leading zeros of a number:
 * the span [*s, *s + *len). */
static void nr_key(const char *nr, const char **s, size_t *len)
{
    const char *b = nr ? nr : "", *e;

    while (*b == ' ' || *b == '\t')
        b++;
    e = b + strlen(b);
    while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    bool digits = e > b;
    for (const char *c = b; c < e; c++)
        digits = digits && *c >= '0' && *c <= '9';
    while (digits && e - b > 1 && *b == '0')
        b++;
    *s = b;
    *len = (size_t)(e - b);
}

int explain_find(const app_list *apps, const char *nr, size_t *i)
{
    const char *ks, *as;
    size_t kl, al;

    nr_key(nr, &ks, &kl);
    for (size_t k = 0; apps && k < apps->n; k++) {
        nr_key(apps->v[k].nr, &as, &al);
        if (al == kl && memcmp(as, ks, kl) == 0) {
            *i = k;
            return 0;
        }
    }
    return -1;
}

/* The number nr stands for, if it is 1 to 18 digits. */
static bool nr_value(const char *nr, uint64_t *v)
{
    const char *s;
    size_t len;

    nr_key(nr, &s, &len);
    if (len == 0 || len > 18)
        return false;
    *v = 0;
    for (size_t k = 0; k < len; k++) {
        if (s[k] < '0' || s[k] > '9')
            return false;
        *v = *v * 10 + (uint64_t)(s[k] - '0');
    }
    return true;
}

/* How far an application number is from the one asked for: numbers by
 * their difference, anything else after every number, by edit distance. */
static uint64_t nr_distance(const char *want, const char *have)
{
    uint64_t a, b;

    if (nr_value(want, &a) && nr_value(have, &b))
        return a > b ? a - b : b - a;
    return (UINT64_C(1) << 62) + (uint64_t)text_distance(want ? want : "", have ? have : "");
}

size_t explain_nearby(const app_list *apps, const char *nr, size_t *idx, size_t max)
{
    size_t got = 0;

    if (!apps || max == 0)
        return 0;
    /* Insertion into a short sorted list: max is small (the CLI asks for 5). */
    uint64_t dist[16];
    if (max > sizeof dist / sizeof dist[0])
        max = sizeof dist / sizeof dist[0];
    for (size_t k = 0; k < apps->n; k++) {
        uint64_t d = nr_distance(nr, apps->v[k].nr);
        size_t pos = got;
        while (pos > 0 && dist[pos - 1] > d)
            pos--;
        if (pos >= max)
            continue;
        size_t last = got < max ? got : max - 1;
        for (size_t m = last; m > pos; m--) {
            dist[m] = dist[m - 1];
            idx[m] = idx[m - 1];
        }
        dist[pos] = d;
        idx[pos] = k;
        if (got < max)
            got++;
    }
    return got;
}
