/* rules.c - Reduction rules in closed form: exact rational shares, no I/O.
 *
 * The factor rules (threshold, proportional, excess) split every claim into
 * a protected part and a reducible part; one factor applies to the
 * reducible parts. cea, cel and talmud have a common L in kroner, found
 * exactly: sort the claims, find the piece of the piecewise-linear sum on
 * which the money falls, and solve that piece in integers. The options
 * (min_grant, max_grant) are applied around any rule by rule_apply_with().
 *
 * The registry, rule_defs[], has one row per rule: its key and aliases,
 * whether it takes a threshold, its closed form (protected part, or level
 * and shares at the level), its GLPK formulation (a kind model.c switches
 * on) and its "protected" diagnostic. The names list, the parser and the
 * closed form read it; a rule's words are in ruletext.c's row. */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "messages.h"

/* ---- the registry -------------------------------------------------------- */

static pulje_kr threshold_protected(const rule_params *p, pulje_kr c)
{
    return c <= p->threshold ? c : 0;
}

static pulje_kr excess_protected(const rule_params *p, pulje_kr c)
{
    return c < p->threshold ? c : p->threshold;
}

static void threshold_why(const rule_params *p, pulje_kr prot, pulje_kr money, char *msg,
                          size_t size)
{
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ], t[MONEY_BUFSZ];
    snprintf(msg, size,
             msg_tr("the assessed amounts of DKK %s or less sum to DKK %s, more than the DKK %s "
             "available for new grants; the rule does not reduce them, so no "
             "allocation is possible"),
             money_format_text(p->threshold, t), money_format_text(prot, a),
             money_format_text(money, b));
}

static void excess_why(const rule_params *p, pulje_kr prot, pulje_kr money, char *msg,
                       size_t size)
{
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ], t[MONEY_BUFSZ];
    snprintf(msg, size,
             msg_tr("the first DKK %s of every assessed amount sum to DKK %s, more than the DKK %s "
             "available for new grants; the excess rule does not reduce them, so no "
             "allocation is possible"),
             money_format_text(p->threshold, t), money_format_text(prot, a),
             money_format_text(money, b));
}

static rule_status cea_level(const pulje_kr *claims, size_t n, pulje_kr money,
                             pulje_wide *lnum, pulje_wide *lden);
static rule_status cel_level(const pulje_kr *claims, size_t n, pulje_kr money,
                             pulje_wide *lnum, pulje_wide *lden);
static rule_status talmud_level(const pulje_kr *claims, size_t n, pulje_kr money,
                                pulje_wide *lnum, pulje_wide *lden);
static void cea_at(const pulje_kr *claims, size_t n, pulje_kr money, pulje_kr total,
                   rule_result *out);
static void cel_at(const pulje_kr *claims, size_t n, pulje_kr money, pulje_kr total,
                   rule_result *out);
static void talmud_at(const pulje_kr *claims, size_t n, pulje_kr money, pulje_kr total,
                      rule_result *out);

static const char *const threshold_aliases[] = {"2023", NULL};
static const char *const proportional_aliases[] = {"pro", NULL};

/* One row per rule, in the enum's order; the names list follows it. */
static const rule_def rule_defs[] = {
    [RULE_THRESHOLD] = {
        .kind = RULE_THRESHOLD, .key = "threshold", .aliases = threshold_aliases,
        .uses_threshold = true, .factor = true, .protected_part = threshold_protected,
        .model = RULE_MODEL_FACTOR, .protected_why = threshold_why,
        .protected_hint = MSG_N("lower the threshold in [rules], choose rule = proportional, or "
                          "refuse more applications"),
    },
    [RULE_PROPORTIONAL] = {
        .kind = RULE_PROPORTIONAL, .key = "proportional", .aliases = proportional_aliases,
        .factor = true, .model = RULE_MODEL_FACTOR,
    },
    [RULE_EXCESS] = {
        .kind = RULE_EXCESS, .key = "excess", .uses_threshold = true, .factor = true,
        .protected_part = excess_protected, .model = RULE_MODEL_FACTOR,
        .protected_why = excess_why,
        .protected_hint = MSG_N("lower the threshold in [rules], choose another rule, or refuse "
                          "more applications"),
    },
    [RULE_CEA] = {
        .kind = RULE_CEA, .key = "cea", .level = cea_level, .at_level = cea_at,
        .model = RULE_MODEL_CEILING,
    },
    [RULE_CEL] = {
        .kind = RULE_CEL, .key = "cel", .level = cel_level, .at_level = cel_at,
        .model = RULE_MODEL_CUT,
    },
    [RULE_TALMUD] = {
        .kind = RULE_TALMUD, .key = "talmud", .level = talmud_level, .at_level = talmud_at,
        .model = RULE_MODEL_HALF_CEILING,
    },
};

/* A rule_kind without its row does not compile. */
_Static_assert(sizeof rule_defs / sizeof rule_defs[0] == RULE__COUNT,
               "every rule_kind needs its row in rule_defs[]");

/* The standard alternatives compare shows when no rules are given, in the
 * order committees read them; every rule is among them (a test checks). */
static const char *const compare_specs[] = {
    "threshold:25000", "threshold:50000", "threshold:75000", "excess", "proportional",
    "cea", "cel", "talmud", NULL,
};

const char *const *rule_compare_specs(void)
{
    return compare_specs;
}

const rule_def *rule_def_of(rule_kind kind)
{
    if ((int)kind < 0 || kind >= RULE__COUNT)
        return NULL;
    return &rule_defs[kind];
}

const char *rule_name(rule_kind kind)
{
    const rule_def *d = rule_def_of(kind);
    return d && d->key ? d->key : "unknown";
}

char *rule_names_join(char *buf, size_t size, rule_names_which which, const char *conj)
{
    size_t k = 0, count = 0, len = 0;

    if (!buf || size == 0)
        return buf;
    buf[0] = '\0';
    for (size_t i = 0; i < RULE__COUNT; i++)
        count += rule_defs[i].key && (which == RULE_NAMES_ALL || rule_defs[i].uses_threshold);
    for (size_t i = 0; i < RULE__COUNT; i++) {
        const char *sep;
        int w;
        if (!rule_defs[i].key || (which == RULE_NAMES_THRESHOLD && !rule_defs[i].uses_threshold))
            continue; /* a row left empty: the registry test names it */
        sep = k == 0 ? "" : k + 1 < count ? ", " : NULL;
        w = sep ? snprintf(buf + len, size - len, "%s%s", sep, rule_defs[i].key)
                : snprintf(buf + len, size - len, " %s %s", msg_tr(conj), rule_defs[i].key);
        k++;
        if (w < 0 || (size_t)w >= size - len)
            return buf; /* truncated */
        len += (size_t)w;
    }
    return buf;
}

const char *rule_names_list(void)
{
    static char list[256];
    /* made each time: the conjunction follows the language */
    rule_names_join(list, sizeof list, RULE_NAMES_ALL, MSG_N("or"));
    return list;
}

bool rule_from_name(const char *name, rule_kind *out)
{
    if (!name)
        return false;
    for (size_t i = 0; i < RULE__COUNT; i++) {
        if (rule_defs[i].key && text_casecmp(rule_defs[i].key, name) == 0) {
            *out = rule_defs[i].kind;
            return true;
        }
    }
    for (size_t i = 0; i < RULE__COUNT; i++) {
        for (const char *const *a = rule_defs[i].aliases; a && *a; a++) {
            if (text_casecmp(*a, name) == 0) {
                *out = rule_defs[i].kind;
                return true;
            }
        }
    }
    return false;
}

const char *rule_suggest(const char *name)
{
    const char *cands[RULE__COUNT * 8];
    rule_kind kinds[RULE__COUNT * 8];
    size_t n = 0;
    int k;

    for (size_t i = 0; i < RULE__COUNT; i++) {
        if (rule_defs[i].key) {
            kinds[n] = rule_defs[i].kind;
            cands[n++] = rule_defs[i].key;
        }
        for (const char *const *a = rule_defs[i].aliases; a && *a && n < RULE__COUNT * 8; a++) {
            kinds[n] = rule_defs[i].kind;
            cands[n++] = *a;
        }
    }
    k = text_suggest(name, cands, n, NULL);
    return k < 0 ? NULL : rule_name(kinds[k]);
}

bool rule_uses_threshold(rule_kind kind)
{
    const rule_def *d = rule_def_of(kind);
    return d && d->uses_threshold;
}

bool rule_is_factor(rule_kind kind)
{
    const rule_def *d = rule_def_of(kind);
    return d && d->factor;
}

pulje_kr rule_protected(const rule_params *p, pulje_kr c)
{
    const rule_def *d = p ? rule_def_of(p->kind) : NULL;
    return d && d->factor && d->protected_part ? d->protected_part(p, c) : 0;
}

const char *rule_strerror(rule_status st)
{
    switch (st) {
    case RULE_OK:            return msg_tr("ok");
    case RULE_ERR_NOMEM:     return msg_tr("out of memory");
    case RULE_ERR_PROTECTED: return msg_tr("the amounts the rule protects exceed the money");
    case RULE_ERR_ARGS:      return msg_tr("invalid arguments to the rule");
    case RULE_ERR_MIN_GRANT: return msg_tr("every share would fall below the minimum grant");
    }
    return msg_tr("unknown rule status");
}

void rule_result_free(rule_result *r)
{
    free(r->num);
    free(r->reduced);
    memset(r, 0, sizeof *r);
}

static pulje_kr gcd64(pulje_kr a, pulje_kr b)
{
    while (b) {
        pulje_kr t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static pulje_wide gcd128(pulje_wide a, pulje_wide b)
{
    if (a < 0)
        a = -a;
    while (b) {
        pulje_wide t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Check the common arguments. */
static bool args_ok(const rule_params *p, const pulje_kr *claims, size_t n)
{
    const rule_def *d = p ? rule_def_of(p->kind) : NULL;
    /* a row without its closed form is refused, not called */
    if (!d || (n && !claims) || !d->key || (!d->factor && (!d->level || !d->at_level)))
        return false;
    for (size_t i = 0; i < n; i++)
        if (claims[i] < 0 || claims[i] > MONEY_MAX)
            return false;
    return true;
}

/* Allocate out's arrays for n claims. */
static rule_status alloc_result(rule_result *out, size_t n)
{
    memset(out, 0, sizeof *out);
    out->num = calloc(n ? n : 1, sizeof *out->num);
    out->reduced = calloc(n ? n : 1, sizeof *out->reduced);
    if (!out->num || !out->reduced) {
        rule_result_free(out);
        return RULE_ERR_NOMEM;
    }
    out->n = n;
    out->lambda_num = 0;
    out->lambda_den = 1;
    return RULE_OK;
}

rule_status rule_shares_from_factor(const rule_params *p, const pulje_kr *claims,
                                    size_t n, pulje_kr factor_num,
                                    pulje_kr factor_den, rule_result *out)
{
    rule_status st;

    memset(out, 0, sizeof *out);
    if (!args_ok(p, claims, n) || !rule_is_factor(p->kind) || factor_den <= 0 ||
        factor_num < 0 || factor_num > factor_den)
        return RULE_ERR_ARGS;

    pulje_kr g = gcd64(factor_num, factor_den);
    if (g > 1) {
        factor_num /= g;
        factor_den /= g;
    }
    st = alloc_result(out, n);
    if (st != RULE_OK)
        return st;
    out->den = factor_den;
    out->factor_num = factor_num;
    out->factor_den = factor_den;
    out->rationed = factor_num < factor_den;
    for (size_t i = 0; i < n; i++) {
        pulje_kr c = claims[i], prot = rule_protected(p, c), red = c - prot;
        out->protected_sum += prot;
        out->reducible_sum += red;
        out->num[i] = (pulje_wide)prot * factor_den + (pulje_wide)red * factor_num;
        out->reduced[i] = red > 0 && out->rationed;
    }
    return RULE_OK;
}

static int cmp_kr_asc(const void *pa, const void *pb)
{
    pulje_kr a = *(const pulje_kr *)pa, b = *(const pulje_kr *)pb;
    return (a > b) - (a < b);
}

/* The CEA ceiling L = *lnum / *lden with sum min(c, L) = money, for
 * sum(c) > money >= 0. Claims sorted ascending: the first k are paid in
 * full when money - S_k > (n - k) c_k; L = (money - S_k) / (n - k). */
static rule_status cea_lambda(const pulje_kr *claims, size_t n, pulje_wide money,
                              pulje_wide *lnum, pulje_wide *lden)
{
    pulje_kr *s = malloc((n ? n : 1) * sizeof *s);
    pulje_wide paid = 0;

    if (!s)
        return RULE_ERR_NOMEM;
    memcpy(s, claims, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_kr_asc);
    for (size_t k = 0; k < n; k++) {
        pulje_wide rest = (pulje_wide)(n - k);
        if (money - paid <= rest * s[k]) {
            *lnum = money - paid;
            *lden = rest;
            free(s);
            return RULE_OK;
        }
        paid += s[k];
    }
    free(s);
    return RULE_ERR_ARGS; /* the claims fit: no ceiling binds */
}

/* The CEL cut L = *lnum / *lden with sum max(0, c - L) = money, for
 * sum(c) > money >= 0. Claims sorted descending c_1 >= c_2 ...: the k
 * largest share when S_k - k c_{k+1} >= money; L = (S_k - money) / k. */
static rule_status cel_lambda(const pulje_kr *claims, size_t n, pulje_wide money,
                              pulje_wide *lnum, pulje_wide *lden)
{
    pulje_kr *s = malloc((n ? n : 1) * sizeof *s);
    pulje_wide top = 0;

    if (!s)
        return RULE_ERR_NOMEM;
    memcpy(s, claims, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_kr_asc); /* ascending: the k largest are s[n-k..n-1] */
    for (size_t k = 1; k <= n; k++) {
        pulje_wide next = k < n ? s[n - k - 1] : 0;
        top += s[n - k];
        if (top - (pulje_wide)k * next >= money) {
            *lnum = top - money;
            *lden = (pulje_wide)k;
            free(s);
            return RULE_OK;
        }
    }
    free(s);
    return RULE_ERR_ARGS;
}

static pulje_kr sum_claims(const pulje_kr *claims, size_t n)
{
    pulje_kr t = 0;
    for (size_t i = 0; i < n; i++)
        t += claims[i];
    return t;
}

/* cea's closed form: the ceiling L. */
static rule_status cea_level(const pulje_kr *claims, size_t n, pulje_kr money,
                             pulje_wide *lnum, pulje_wide *lden)
{
    return cea_lambda(claims, n, money, lnum, lden);
}

/* cea at L: share = min(c, L), over lden. */
static void cea_at(const pulje_kr *claims, size_t n, pulje_kr money, pulje_kr total,
                   rule_result *out)
{
    (void)money;
    (void)total;
    out->den = out->lambda_den;
    for (size_t i = 0; i < n; i++) {
        pulje_wide c = (pulje_wide)claims[i] * out->den;
        out->num[i] = c < out->lambda_num ? c : out->lambda_num;
    }
}

/* cel's closed form: the cut L. */
static rule_status cel_level(const pulje_kr *claims, size_t n, pulje_kr money,
                             pulje_wide *lnum, pulje_wide *lden)
{
    return cel_lambda(claims, n, money, lnum, lden);
}

/* cel at L: share = max(0, c - L), over lden. */
static void cel_at(const pulje_kr *claims, size_t n, pulje_kr money, pulje_kr total,
                   rule_result *out)
{
    (void)money;
    (void)total;
    out->den = out->lambda_den;
    for (size_t i = 0; i < n; i++) {
        pulje_wide c = (pulje_wide)claims[i] * out->den;
        out->num[i] = c > out->lambda_num ? c - out->lambda_num : 0;
    }
}

/* talmud's closed form: CEA on the half claims, in doubled units (the
 * claims c with money 2E give 2 x award); above C/2 the same for the
 * losses. L on the half claims is half the doubled ceiling. */
static rule_status talmud_level(const pulje_kr *claims, size_t n, pulje_kr money,
                                pulje_wide *lnum, pulje_wide *lden)
{
    pulje_kr total = sum_claims(claims, n);
    rule_status st;

    if (2 * (pulje_wide)money <= total)
        st = cea_lambda(claims, n, 2 * (pulje_wide)money, lnum, lden);
    else
        st = cea_lambda(claims, n, 2 * ((pulje_wide)total - money), lnum, lden);
    *lden *= 2;
    return st;
}

/* talmud at L: min(c/2, L), or c - min(c/2, L) above C/2; over 2 lden,
 * where min(c/2, L) is min(c lden, 2 lnum). */
static void talmud_at(const pulje_kr *claims, size_t n, pulje_kr money, pulje_kr total,
                      rule_result *out)
{
    out->talmud_losses = 2 * (pulje_wide)money > total;
    out->den = 2 * out->lambda_den;
    for (size_t i = 0; i < n; i++) {
        pulje_wide c = (pulje_wide)claims[i] * out->den;
        pulje_wide half = (pulje_wide)claims[i] * out->lambda_den;
        pulje_wide capped = half < 2 * out->lambda_num ? half : 2 * out->lambda_num;
        out->num[i] = out->talmud_losses ? c - capped : capped;
    }
}

rule_status rule_shares_from_lambda(const rule_params *p, const pulje_kr *claims,
                                    size_t n, pulje_kr money, pulje_wide lambda_num,
                                    pulje_wide lambda_den, rule_result *out)
{
    pulje_kr total;
    rule_status st;

    memset(out, 0, sizeof *out);
    if (!args_ok(p, claims, n) || rule_is_factor(p->kind) || lambda_den <= 0 ||
        lambda_num < 0 || money < 0)
        return RULE_ERR_ARGS;
    pulje_wide g = gcd128(lambda_num, lambda_den);
    if (g > 1) {
        lambda_num /= g;
        lambda_den /= g;
    }
    st = alloc_result(out, n);
    if (st != RULE_OK)
        return st;
    total = sum_claims(claims, n);
    out->lambda_num = lambda_num;
    out->lambda_den = lambda_den;
    out->rationed = total > money;
    rule_def_of(p->kind)->at_level(claims, n, money, total, out);
    for (size_t i = 0; i < n; i++)
        out->reduced[i] = out->num[i] < (pulje_wide)claims[i] * out->den;
    out->protected_sum = 0;
    out->reducible_sum = total;
    if (out->rationed && total > 0) {
        pulje_kr f = gcd64(money, total);
        out->factor_num = money / (f ? f : 1);
        out->factor_den = total / (f ? f : 1);
    } else {
        out->factor_num = 1;
        out->factor_den = 1;
    }
    return RULE_OK;
}

/* Everyone gets the claim: factor 1/1. */
static rule_status full_shares(const rule_params *p, const pulje_kr *claims, size_t n,
                               rule_result *out)
{
    rule_status st;
    if (rule_is_factor(p->kind))
        return rule_shares_from_factor(p, claims, n, 1, 1, out);
    st = alloc_result(out, n);
    if (st != RULE_OK)
        return st;
    out->den = 1;
    out->factor_num = out->factor_den = 1;
    for (size_t i = 0; i < n; i++)
        out->num[i] = claims[i];
    out->reducible_sum = sum_claims(claims, n);
    return RULE_OK;
}

/* The rule alone, in closed form (a rule_base_fn). */
static rule_status closed_base(const rule_params *p, const pulje_kr *claims, size_t n,
                               pulje_kr money, rule_result *out, void *ctx)
{
    pulje_kr total = 0, prot = 0;
    pulje_wide lnum = 0, lden = 1;
    rule_status st;

    (void)ctx;
    memset(out, 0, sizeof *out);
    if (!args_ok(p, claims, n) || money < 0)
        return RULE_ERR_ARGS;
    for (size_t i = 0; i < n; i++) {
        total += claims[i];
        prot += rule_protected(p, claims[i]);
    }
    if (total <= money)
        return full_shares(p, claims, n, out);
    if (rule_is_factor(p->kind)) {
        if (prot > money)
            return RULE_ERR_PROTECTED;
        /* total > money >= prot, so the reducible sum is > 0 and the factor < 1 */
        return rule_shares_from_factor(p, claims, n, money - prot, total - prot, out);
    }
    st = rule_def_of(p->kind)->level(claims, n, money, &lnum, &lden);
    if (st != RULE_OK)
        return st;
    return rule_shares_from_lambda(p, claims, n, money, lnum, lden, out);
}

rule_status rule_apply_with(const rule_params *p, const pulje_kr *claims, size_t n,
                            pulje_kr money, rule_base_fn base, void *ctx,
                            rule_result *out)
{
    pulje_kr total, largest = 0, left = money;
    pulje_kr *work = NULL;
    unsigned char *state = NULL; /* 0 sharing, 1 capped, 2 refused */
    rule_result r;
    rule_status st;
    size_t n_capped = 0, n_dropped = 0, n_positive = 0;

    memset(out, 0, sizeof *out);
    memset(&r, 0, sizeof r);
    if (!args_ok(p, claims, n) || money < 0 || !base || !rule_params_valid(p, NULL, 0))
        return RULE_ERR_ARGS;
    total = sum_claims(claims, n);
    if (total <= money || (p->min_grant == 0 && p->max_grant == 0))
        return base(p, claims, n, money, out, ctx);
    for (size_t i = 0; i < n; i++) {
        if (claims[i] > largest)
            largest = claims[i];
        n_positive += claims[i] > 0;
    }
    if (p->min_grant > largest)
        return RULE_ERR_MIN_GRANT;

    work = malloc((n ? n : 1) * sizeof *work);
    state = calloc(n ? n : 1, 1);
    if (!work || !state) {
        free(work);
        free(state);
        return RULE_ERR_NOMEM;
    }
    memcpy(work, claims, n * sizeof *work);
    for (;;) {
        bool changed = false;
        st = base(p, work, n, left, &r, ctx);
        if (st != RULE_OK)
            goto done;
        /* Caps first: a share above the maximum is cut to it. */
        if (p->max_grant > 0) {
            pulje_wide cap = (pulje_wide)p->max_grant * r.den;
            for (size_t i = 0; i < n; i++) {
                if (state[i] == 0 && work[i] > 0 && r.num[i] > cap) {
                    state[i] = 1;
                    work[i] = 0;
                    left -= p->max_grant;
                    n_capped++;
                    changed = true;
                }
            }
        }
        /* Then refusals: the smallest share below the minimum, with its equals. */
        if (!changed && p->min_grant > 0) {
            pulje_wide floor = (pulje_wide)p->min_grant * r.den, least = -1;
            for (size_t i = 0; i < n; i++)
                if (state[i] == 0 && work[i] > 0 && r.num[i] < floor &&
                    (least < 0 || r.num[i] < least))
                    least = r.num[i];
            for (size_t i = 0; least >= 0 && i < n; i++) {
                if (state[i] == 0 && work[i] > 0 && r.num[i] == least) {
                    state[i] = 2;
                    work[i] = 0;
                    n_dropped++;
                    changed = true;
                }
            }
        }
        if (!changed)
            break;
        rule_result_free(&r);
    }
    if (n_dropped == n_positive) {
        st = RULE_ERR_MIN_GRANT;
        goto done;
    }
    /* The last sharing, with the capped and refused shares put back. */
    pulje_wide sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (state[i] == 1)
            r.num[i] = (pulje_wide)p->max_grant * r.den;
        else if (state[i] == 2)
            r.num[i] = 0;
        r.reduced[i] = r.num[i] < (pulje_wide)claims[i] * r.den;
        sum += r.num[i];
    }
    r.rationed = true;
    r.n_capped = n_capped;
    r.n_dropped = n_dropped;
    r.unshared = (pulje_kr)(((pulje_wide)money * r.den - sum) / r.den);
    if (((pulje_wide)money * r.den - sum) % r.den != 0 || r.unshared < 0) {
        st = RULE_ERR_ARGS; /* cannot happen: the shares left are whole or sum to the money */
        goto done;
    }
    *out = r;
    memset(&r, 0, sizeof r);
    st = RULE_OK;
done:
    rule_result_free(&r);
    free(work);
    free(state);
    return st;
}

rule_status rule_apply(const rule_params *p, const pulje_kr *claims, size_t n,
                       pulje_kr money, rule_result *out)
{
    return rule_apply_with(p, claims, n, money, closed_base, NULL, out);
}
