/* explain.c - One application's way from ansøgt to tilskud, step by step, in words.
 *
 * explain_prepare() shares the pool once (every line's share, the rule's last
 * sharing); explain_build_ctx() writes one application's steps from it, and
 * explain_build() is the two for one application. Finding an application
 * by its number is explain_find.c. */
#include "explain.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "money.h"
#include "ruletext.h"
#include "rules.h"

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
static void step_v(builder *b, label_id id, va_list ap)
{
    char prefix[16];

    b->step++;
    snprintf(prefix, sizeof prefix, "%3d. ", b->step);
    add_v(b, prefix, id, ap);
}

static void step(builder *b, label_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    step_v(b, id, ap);
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

/* ---- the share: the rule's last sharing and this claim's place in it ----- */

/* How a claim went into the rule's last sharing. */
enum { SH_NONE = 0, SH_RULE, SH_CAPPED, SH_DROPPED };

/* Every line's exact share num[k] / den[k] and how it was reached: from the
 * result, or (when the result has no per-line shares) from the closed form. */
typedef struct shares {
    pulje_wide *num, *den;
    unsigned char *how;
    bool from_result;
} shares;

/* The rule's last sharing: the claims neither capped nor refused under the
 * minimum (0 for the others), the money left for them, and the rule on them. */
typedef struct sharing {
    pulje_kr *claims;
    pulje_kr money;        /* available less the maxima paid */
    pulje_kr claimed;      /* the claims shared */
    pulje_kr capped_total; /* the maxima paid */
    int n_rest, n_capped, n_dropped;
    bool rationed;         /* the claims shared exceed the money: the rule's figures apply */
    bool have;             /* rr holds the rule on them */
    rule_result rr;
} sharing;

static void shares_free(shares *sh)
{
    free(sh->num);
    free(sh->den);
    free(sh->how);
    memset(sh, 0, sizeof *sh);
}

static void sharing_free(sharing *sg)
{
    free(sg->claims);
    rule_result_free(&sg->rr);
    memset(sg, 0, sizeof *sg);
}

/* Fill sh for every line of r. Returns 0, or -1 on out of memory. */
static int shares_build(const pool *p, const alloc_result *r, shares *sh)
{
    size_t n = r->n, m = n ? n : 1;
    pulje_kr maxg = p->rule.max_grant, ming = p->rule.min_grant;

    memset(sh, 0, sizeof *sh);
    sh->num = malloc(m * sizeof *sh->num);
    sh->den = malloc(m * sizeof *sh->den);
    sh->how = calloc(m, sizeof *sh->how);
    if (!sh->num || !sh->den || !sh->how)
        goto oom;
    sh->from_result = true;
    for (size_t k = 0; k < n; k++)
        if (r->lines[k].share_den <= 0)
            sh->from_result = false;
    for (size_t k = 0; k < n; k++) {
        sh->num[k] = sh->from_result ? r->lines[k].share_num : r->lines[k].claim;
        sh->den[k] = sh->from_result ? r->lines[k].share_den : 1;
    }
    if (!sh->from_result && r->rationed) {
        /* A result from before the engine kept its shares: the closed form's. */
        pulje_kr *claims = malloc(m * sizeof *claims);
        rule_result rr;
        if (!claims)
            goto oom;
        for (size_t k = 0; k < n; k++)
            claims[k] = r->lines[k].claim;
        rule_status st = rule_apply(&p->rule, claims, n, r->available, &rr);
        free(claims);
        if (st == RULE_ERR_NOMEM)
            goto oom;
        for (size_t k = 0; k < n; k++) {
            sh->num[k] = st == RULE_OK ? rr.num[k] : r->lines[k].grant;
            sh->den[k] = st == RULE_OK ? rr.den : 1;
        }
        rule_result_free(&rr);
    }
    for (size_t k = 0; k < n; k++) {
        const alloc_line *l = &r->lines[k];
        bool dropped, capped;
        if (l->claim <= 0) {
            sh->how[k] = SH_NONE;
            continue;
        }
        if (sh->from_result) {
            dropped = l->why == ALLOC_REFUSE_MIN_GRANT;
            capped = l->capped;
        } else {
            dropped = ming > 0 && sh->num[k] == 0;
            capped = maxg > 0 && l->claim > maxg && sh->num[k] == (pulje_wide)maxg * sh->den[k];
        }
        sh->how[k] = !r->rationed ? SH_RULE : dropped ? SH_DROPPED : capped ? SH_CAPPED : SH_RULE;
    }
    return 0;
oom:
    shares_free(sh);
    return -1;
}

/* The rule's last sharing, from sh. Returns 0, or -1 on out of memory. */
static int sharing_build(const pool *p, const alloc_result *r, const shares *sh, sharing *sg)
{
    size_t n = r->n;

    memset(sg, 0, sizeof *sg);
    sg->claims = calloc(n ? n : 1, sizeof *sg->claims);
    if (!sg->claims)
        return -1;
    for (size_t k = 0; k < n; k++) {
        switch (sh->how[k]) {
        case SH_RULE:
            sg->claims[k] = r->lines[k].claim;
            sg->claimed += r->lines[k].claim;
            sg->n_rest++;
            break;
        case SH_CAPPED:
            sg->capped_total += p->rule.max_grant;
            sg->n_capped++;
            break;
        case SH_DROPPED:
            sg->n_dropped++;
            break;
        default:
            break;
        }
    }
    sg->money = r->available - sg->capped_total;
    sg->rationed = r->rationed && sg->claimed > sg->money && sg->money >= 0;
    if (sg->rationed) {
        rule_params plain = p->rule;
        plain.min_grant = plain.max_grant = 0;
        rule_status st = rule_apply(&plain, sg->claims, n, sg->money, &sg->rr);
        if (st == RULE_ERR_NOMEM) {
            sharing_free(sg);
            return -1;
        }
        sg->have = st == RULE_OK;
    }
    return 0;
}

/* The greatest common divisor of |a| and b > 0 (b when a is 0). */
static pulje_wide gcd_wide(pulje_wide a, pulje_wide b)
{
    if (a < 0)
        a = -a;
    while (a) {
        pulje_wide t = b % a;
        b = a;
        a = t;
    }
    return b;
}

/* The share step, noted as the share's line; with detail_v, the sink a
 * rule's explanation writes to (ruletext.h). */
static void share_v(void *ctx, label_id id, va_list ap)
{
    builder *b = ctx;
    step_v(b, id, ap);
    if (!b->failed)
        b->t->share_line = b->t->n - 1;
}

static void detail_v(void *ctx, label_id id, va_list ap)
{
    add_v(ctx, "     ", id, ap);
}

static void share_step(builder *b, label_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    share_v(b, id, ap);
    va_end(ap);
}

/* The rule's formula with the last sharing's figures, and this claim's share
 * by it (*fnum / *fden), in the rule's own words (ruletext.c's row). share
 * is the result's share, formatted. */
static void explain_formula(builder *b, const pool *p, const sharing *sg, pulje_kr c,
                            const char *share, pulje_wide *fnum, pulje_wide *fden)
{
    const ruletext_def *d = ruletext_def_of(p->rule.kind);
    ruletext_claim rc = {&p->rule, &sg->rr, sg->money, sg->claimed, c, share};
    ruletext_sink sink = {b, detail_v, share_v};

    if (!d || !d->explain) {
        share_step(b, L_EX_NO_FORMULA, share);
        return;
    }
    d->explain(&rc, &sink, fnum, fden);
}

/* The rule, the options and the exact share of claim i; the formula's share
 * goes to out->share_num / share_den. */
static void explain_share(builder *b, const pool *p, const alloc_result *r, const shares *sh,
                          const sharing *sg, size_t i)
{
    const alloc_line *l = &r->lines[i];
    char rule[512], share[MONEY_BUFSZ], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];
    explain_text *out = b->t;
    pulje_wide fnum = l->claim, fden = 1;

    step(b, L_EX_RULE, ruletext_describe(&p->rule, rule, sizeof rule));
    ruletext_exact(sh->num[i], sh->den[i], share);
    if (!r->rationed) {
        detail(b, L_EX_NOT_RATIONED, money_format_text(r->assessed_total, m1),
               money_format_text(r->available, m2));
        share_step(b, L_EX_SHARE_FULL, share);
        goto done;
    }
    if (sg->n_capped > 0)
        detail(b, L_EX_OPT_CAPPED, money_format_text(p->rule.max_grant, m1), sg->n_capped);
    if (sg->n_dropped > 0)
        detail(b, L_EX_OPT_DROPPED, money_format_text(p->rule.min_grant, m1), sg->n_dropped);
    switch (sh->how[i]) {
    case SH_CAPPED:
        detail(b, L_EX_CAPPED, money_format_text(p->rule.max_grant, m1));
        fnum = p->rule.max_grant;
        share_step(b, L_EX_SHARE_CAPPED, share);
        break;
    case SH_DROPPED:
        detail(b, L_EX_BELOW_MIN, money_format_text(p->rule.min_grant, m1));
        fnum = 0;
        share_step(b, L_EX_SHARE_DROPPED);
        break;
    default:
        if (sg->n_capped > 0)
            detail(b, L_EX_OPT_REST, sg->n_rest, money_format_text(r->available, m1),
                   money_format_text(sg->capped_total, m2), money_format_text(sg->money, m3));
        if (!sg->rationed) {
            if (sg->n_capped > 0 || sg->n_dropped > 0)
                detail(b, L_EX_OPT_REST_FIT, money_format_text(sg->claimed, m1),
                       money_format_text(sg->money, m2));
            share_step(b, L_EX_SHARE_FULL, share);
        } else if (sg->have) {
            explain_formula(b, p, sg, l->claim, share, &fnum, &fden);
        } else {
            /* the rule cannot be put in figures here: the result's share alone */
            fnum = sh->num[i];
            fden = sh->den[i];
            share_step(b, L_EX_NO_FORMULA, share);
        }
        break;
    }
done:
    if (fden <= 0)
        fden = 1;
    pulje_wide g = gcd_wide(fnum, fden);
    out->share_num = fnum / g;
    out->share_den = fden / g;
}

/* The rounding step that gave the last krone, from the share and the step
 * the result names (or, without per-line shares, the one the grant shows). */
static void explain_rounding(builder *b, const pool *p, const app_list *apps,
                             const alloc_result *r, const shares *sh, size_t i)
{
    const alloc_line *l = &r->lines[i];
    explain_text *out = b->t;
    pulje_wide num = sh->num[i], den = sh->den[i];
    pulje_kr unit = p->rounding > 0 ? p->rounding : 1;
    char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

    if (den <= 0 || num <= 0) { /* a share of 0: nothing to round */
        out->rounded = 0;
        out->rounded_line = out->share_line;
        return;
    }
    pulje_kr g = (pulje_kr)(money_floordiv(num, den * unit) * unit);
    bool whole = num % den == 0;
    alloc_step st = l->step;
    if (!sh->from_result)
        st = whole && num / den == l->grant ? ALLOC_STEP_EXACT
             : l->grant == g                ? ALLOC_STEP_FLOOR
             : l->grant == g + unit         ? ALLOC_STEP_UNIT
                                            : ALLOC_STEP_RAISE;
    pulje_kr cap = l->claim;
    if (sh->from_result && l->cap > 0)
        cap = l->cap;
    else if (p->rule.max_grant > 0 && p->rule.max_grant < cap && r->rationed)
        cap = p->rule.max_grant;

    switch (st) {
    case ALLOC_STEP_EXACT: {
        pulje_kr v = whole ? (pulje_kr)(num / den) : g;
        if (v == l->claim)
            step(b, L_EX_AS_ASSESSED, money_format_text(v, m1));
        else if (unit == 1)
            step(b, L_EX_ROUND_WHOLE, money_format_text(v, m1));
        else
            step(b, L_EX_ROUND_EXACT, money_format_text(unit, m1), money_format_text(v, m2));
        out->rounded = v;
        break;
    }
    case ALLOC_STEP_FLOOR:
        step(b, L_EX_ROUND_DOWN, money_format_text(unit, m1), money_format_text(g, m2));
        if (num != (pulje_wide)g * den) {
            if (g + unit > cap)
                detail(b, L_EX_ROUND_CAP, money_format_text(cap, m1), money_format_text(g, m2));
            else
                detail(b, L_EX_ROUND_NO_EXTRA, money_format_text(g, m1));
        }
        out->rounded = g;
        break;
    case ALLOC_STEP_UNIT:
        step(b, L_EX_ROUND_DOWN, money_format_text(unit, m1), money_format_text(g, m2));
        detail(b, L_EX_ROUND_EXTRA, money_format_text(unit, m1), money_format_text(g + unit, m2));
        out->rounded = g + unit;
        break;
    case ALLOC_STEP_RAISE: {
        /* R4: the smaller claim paid in full that the grant was raised to */
        const char *nr = NULL;
        for (size_t k = 0; k < r->n && !nr; k++) {
            const alloc_line *o = &r->lines[k];
            if (k != i && o->claim == l->grant && o->grant == o->claim && o->claim < l->claim)
                nr = apps->v[k].nr;
        }
        step(b, L_EX_ROUND_DOWN, money_format_text(unit, m1), money_format_text(g, m2));
        if (nr)
            detail(b, L_EX_ROUND_RAISE_NR, nr, money_format_text(l->grant, m1));
        else
            detail(b, L_EX_ROUND_RAISE, money_format_text(l->grant, m1));
        out->rounded = l->grant;
        break;
    }
    }
    if (!b->failed)
        out->rounded_line = b->t->n - 1;
}

/* Why a grant of 0 kr. is a refusal, in words. */
static void refusal_words(const pool *p, const app *a, const alloc_line *l, const shares *sh,
                          size_t i, char *buf, size_t size)
{
    char m[MONEY_BUFSZ];
    alloc_refusal why = l->why;

    if (why == ALLOC_REFUSE_NONE) /* a result without reasons: what the line shows */
        why = a->refusal && a->refusal[0] ? ALLOC_REFUSE_PANEL
              : l->my == MY_SET_ASIDE     ? ALLOC_REFUSE_HOLDER
              : l->claim <= 0             ? ALLOC_REFUSE_PANEL
              : sh->how[i] == SH_DROPPED  ? ALLOC_REFUSE_MIN_GRANT
                                          : ALLOC_REFUSE_ROUNDED;
    switch (why) {
    case ALLOC_REFUSE_PANEL:
        if (a->refusal && a->refusal[0])
            snprintf(buf, size, "%s", a->refusal);
        else
            label_format(buf, size, L_EX_WHY_ZERO);
        return;
    case ALLOC_REFUSE_HOLDER:
        label_format(buf, size, L_EX_WHY_HOLDER);
        return;
    case ALLOC_REFUSE_MIN_GRANT:
        label_format(buf, size, L_EX_WHY_MIN, money_format_text(p->rule.min_grant, m));
        return;
    case ALLOC_REFUSE_ROUNDED:
    case ALLOC_REFUSE_NONE:
        label_format(buf, size, sh->num[i] == 0 ? L_EX_WHY_RULE : L_EX_WHY_ROUNDED);
        return;
    }
    buf[0] = '\0';
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
        detail(b, L_EX_YEAR_AMOUNT, p->year + y, money_format_text(l->grant, m));
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
        step(b, L_EX_EARMARK_ASKED, e->label, money_format_text(a->supp_asked[k], m1),
             money_format_text(l->claim, m2));
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
        detail(b, L_EX_EARMARK_GRANT, money_format_text(l->grant, m3));
        total += l->grant;
    }
    return total;
}

/* What every explanation of one result shares, computed once: the shares
 * of every line and the rule's last sharing. p, apps and r are borrowed. */
struct explain_ctx {
    const pool *p;
    const app_list *apps;
    const alloc_result *r;
    shares sh;
    sharing sg;
};

explain_ctx *explain_prepare(const pool *p, const app_list *apps, const alloc_result *r)
{
    explain_ctx *ctx;

    if (!p || !apps || !r || !(ctx = calloc(1, sizeof *ctx)))
        return NULL;
    ctx->p = p;
    ctx->apps = apps;
    ctx->r = r;
    if (shares_build(p, r, &ctx->sh) != 0) {
        free(ctx);
        return NULL;
    }
    if (sharing_build(p, r, &ctx->sh, &ctx->sg) != 0) {
        shares_free(&ctx->sh);
        free(ctx);
        return NULL;
    }
    return ctx;
}

void explain_ctx_free(explain_ctx *ctx)
{
    if (!ctx)
        return;
    sharing_free(&ctx->sg);
    shares_free(&ctx->sh);
    free(ctx);
}

/* out emptied: no lines, no share or rounding line. */
static void reset_text(explain_text *out)
{
    memset(out, 0, sizeof *out);
    out->share_line = out->rounded_line = EXPLAIN_NO_LINE;
    out->share_den = 1;
}

int explain_build(const pool *p, const app_list *apps, const alloc_result *r, size_t i,
                  explain_text *out)
{
    explain_ctx *ctx;
    int rc;

    reset_text(out);
    if (!p || !apps || !r || i >= apps->n || i >= r->n)
        return -1;
    if (!(ctx = explain_prepare(p, apps, r)))
        return -1;
    rc = explain_build_ctx(ctx, i, out);
    explain_ctx_free(ctx);
    return rc;
}

int explain_build_ctx(const explain_ctx *ctx, size_t i, explain_text *out)
{
    builder b = {out, 0, 0};
    char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

    reset_text(out);
    if (!ctx || i >= ctx->apps->n || i >= ctx->r->n)
        return -1;
    const pool *p = ctx->p;
    const app_list *apps = ctx->apps;
    const alloc_result *r = ctx->r;
    const shares *sh = &ctx->sh;
    const app *a = &apps->v[i];
    const alloc_line *l = &r->lines[i];

    head(&b, L_EX_HEADING, a->nr, a->association);
    head(&b, L_EX_ACTIVITY, a->activity);
    head(&b, L_EX_POOL, p->name, p->year);
    step(&b, L_EX_APPLIED, money_format_text(a->applied, m1));

    if (a->refusal && a->refusal[0]) {
        step(&b, L_EX_REFUSED, a->refusal);
    } else if (l->my == MY_SET_ASIDE) {
        step(&b, L_MY_SET_ASIDE);
    } else {
        step(&b, a->assessed_given ? L_EX_ASSESSED : L_EX_ASSESSED_DEFAULT,
             money_format_text(a->assessed, m1));
        if (l->claim == 0) {
            detail(&b, L_EX_ZERO);
        } else {
            explain_share(&b, p, r, sh, &ctx->sg, i);
            explain_rounding(&b, p, apps, r, sh, i);
        }
    }
    explain_years(&b, p, a, l);
    pulje_kr supplements = explain_earmarks(&b, p, a, r, i);

    head(&b, L_EX_GRANT, money_format_text(l->grant, m1));
    if (l->grant > 0 && l->grant < l->claim) {
        char pct[MONEY_BUFSZ];
        money_format_pct_text(l->reduction, l->claim, 1, pct);
        head(&b, L_EX_REDUCTION, money_format_text(l->reduction, m2), pct);
    } else if (l->grant == 0) {
        char why[512];
        refusal_words(p, a, l, sh, i, why, sizeof why);
        head(&b, L_EX_REFUSED, why);
    }
    if (supplements > 0)
        head(&b, L_EX_TOTAL_WITH, money_format_text(l->grant + supplements, m1));
    if (b.failed) {
        explain_free(out);
        out->share_line = out->rounded_line = EXPLAIN_NO_LINE;
        return -1;
    }
    return 0;
}
