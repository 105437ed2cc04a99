/* rules.c - Reduction rules in closed form: exact rational shares, no I/O. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    rule_kind kind;
    const char *name;
} rule_names[] = {
    {RULE_THRESHOLD, "threshold"},
    {RULE_PROPORTIONAL, "proportional"},
};

const char *rule_name(rule_kind kind)
{
    for (size_t i = 0; i < sizeof rule_names / sizeof rule_names[0]; i++)
        if (rule_names[i].kind == kind)
            return rule_names[i].name;
    return "unknown";
}

bool rule_from_name(const char *name, rule_kind *out)
{
    for (size_t i = 0; i < sizeof rule_names / sizeof rule_names[0]; i++) {
        if (strcmp(rule_names[i].name, name) == 0) {
            *out = rule_names[i].kind;
            return true;
        }
    }
    return false;
}

const char *rule_strerror(rule_status st)
{
    switch (st) {
    case RULE_OK:            return "ok";
    case RULE_ERR_NOMEM:     return "out of memory";
    case RULE_ERR_PROTECTED: return "the amounts the rule protects exceed the money";
    case RULE_ERR_ARGS:      return "invalid arguments to the rule";
    }
    return "unknown rule status";
}

void rule_result_free(rule_result *r)
{
    free(r->num);
    free(r->reduced);
    memset(r, 0, sizeof *r);
}

/* Is claim c left untouched by the rule when rationing? */
static bool is_protected(const rule_params *p, pulje_kr c)
{
    if (p->kind == RULE_THRESHOLD)
        return c <= p->threshold;
    return false;
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

/* Check the common arguments. */
static bool args_ok(const rule_params *p, const pulje_kr *claims, size_t n)
{
    if (!p || (n && !claims) || p->kind < 0 || p->kind >= RULE__COUNT)
        return false;
    for (size_t i = 0; i < n; i++)
        if (claims[i] < 0 || claims[i] > MONEY_MAX)
            return false;
    return true;
}

rule_status rule_shares_from_factor(const rule_params *p, const pulje_kr *claims,
                                    size_t n, pulje_kr factor_num,
                                    pulje_kr factor_den, rule_result *out)
{
    memset(out, 0, sizeof *out);
    if (!args_ok(p, claims, n) || factor_den <= 0 || factor_num < 0 ||
        factor_num > factor_den)
        return RULE_ERR_ARGS;

    pulje_kr g = gcd64(factor_num, factor_den);
    if (g > 1) {
        factor_num /= g;
        factor_den /= g;
    }
    out->num = calloc(n ? n : 1, sizeof *out->num);
    out->reduced = calloc(n ? n : 1, sizeof *out->reduced);
    if (!out->num || !out->reduced) {
        rule_result_free(out);
        return RULE_ERR_NOMEM;
    }
    out->n = n;
    out->den = factor_den;
    out->factor_num = factor_num;
    out->factor_den = factor_den;
    out->rationed = factor_num < factor_den;
    for (size_t i = 0; i < n; i++) {
        pulje_kr c = claims[i];
        if (is_protected(p, c)) {
            out->protected_sum += c;
            out->num[i] = (pulje_wide)c * factor_den;
        } else {
            out->reducible_sum += c;
            out->num[i] = (pulje_wide)c * factor_num;
            out->reduced[i] = c > 0 && out->rationed;
        }
    }
    return RULE_OK;
}

rule_status rule_apply(const rule_params *p, const pulje_kr *claims, size_t n,
                       pulje_kr money, rule_result *out)
{
    pulje_kr total = 0, prot = 0, red = 0;

    memset(out, 0, sizeof *out);
    if (!args_ok(p, claims, n) || money < 0)
        return RULE_ERR_ARGS;
    for (size_t i = 0; i < n; i++) {
        total += claims[i];
        if (is_protected(p, claims[i]))
            prot += claims[i];
        else
            red += claims[i];
    }
    if (total <= money)
        return rule_shares_from_factor(p, claims, n, 1, 1, out);
    if (prot > money)
        return RULE_ERR_PROTECTED;
    /* total > money >= prot, so red > 0 and 0 <= (money - prot) / red < 1 */
    return rule_shares_from_factor(p, claims, n, money - prot, red, out);
}
