/* rules_spec.c - A rule as written on the command line: parse, check, write back.
 *
 * Part of the rules module (rules.h): NAME[:THRESHOLD][+min=AMOUNT][+max=AMOUNT],
 * with the names, aliases and which rules take a threshold from the
 * registry (rules.c). */
#include "rules.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "messages.h"

bool rule_params_valid(const rule_params *p, char *why, size_t whysz)
{
    if (!p || (int)p->kind < 0 || p->kind >= RULE__COUNT) {
        text_set_err(why, whysz, "unknown rule; the rules are %s", rule_names_list());
        return false;
    }
    if (p->threshold < 0 || p->threshold > MONEY_MAX) {
        text_set_err(why, whysz, "the threshold %lld kr. is outside 0..%lld kr.",
                     (long long)p->threshold, (long long)MONEY_MAX);
        return false;
    }
    if (p->min_grant < 0 || p->min_grant > MONEY_MAX) {
        text_set_err(why, whysz, "the minimum grant %lld kr. is outside 0..%lld kr.",
                     (long long)p->min_grant, (long long)MONEY_MAX);
        return false;
    }
    if (p->max_grant < 0 || p->max_grant > MONEY_MAX) {
        text_set_err(why, whysz, "the maximum grant %lld kr. is outside 0..%lld kr.",
                     (long long)p->max_grant, (long long)MONEY_MAX);
        return false;
    }
    if (p->min_grant > 0 && p->max_grant > 0 && p->min_grant > p->max_grant) {
        text_set_err(why, whysz, "the minimum grant %lld kr. is above the maximum grant %lld kr.",
                     (long long)p->min_grant, (long long)p->max_grant);
        return false;
    }
    return true;
}

/* Parse an amount of len bytes at s into *v. */
static bool spec_amount(const char *s, size_t len, pulje_kr *v)
{
    return len > 0 && money_parse(s, len, v) == MONEY_OK;
}

bool rule_parse_spec(const char *spec, pulje_kr def_threshold, rule_params *out, char *err,
                     size_t errsz)
{
    rule_params p;
    char name[32];
    size_t len;
    const char *s;

    memset(&p, 0, sizeof p);
    p.threshold = def_threshold;
    if (!spec || !*spec) {
        if (err && errsz)
            snprintf(err, errsz, msg_tr("empty rule; the rules are %s"), rule_names_list());
        return false;
    }
    len = strcspn(spec, ":+");
    if (len >= sizeof name || (memcpy(name, spec, len), name[len] = '\0',
                                !rule_from_name(name, &p.kind))) {
        const char *guess = len < sizeof name ? rule_suggest(name) : NULL;
        if (err && errsz && guess)
            snprintf(err, errsz, msg_tr("unknown rule \"%.*s\"; did you mean %s? The rules are %s"),
                     (int)(len > 64 ? 64 : len), spec, guess, rule_names_list());
        else if (err && errsz)
            snprintf(err, errsz, msg_tr("unknown rule \"%.*s\"; the rules are %s"),
                     (int)(len > 64 ? 64 : len), spec, rule_names_list());
        return false;
    }
    s = spec + len;
    if (*s == ':') {
        size_t n = strcspn(s + 1, "+");
        if (!rule_uses_threshold(p.kind)) {
            char which[128];
            if (err && errsz)
                snprintf(err, errsz,
                         msg_tr("the rule %s takes no threshold; only %s do "
                         "(e.g. threshold:50.000)"), rule_name(p.kind),
                         rule_names_join(which, sizeof which, RULE_NAMES_THRESHOLD, MSG_N("and")));
            return false;
        }
        if (!spec_amount(s + 1, n, &p.threshold)) {
            if (err && errsz)
                snprintf(err, errsz, msg_tr("the threshold \"%.*s\" in \"%s\" is not a whole-krone "
                         "amount (e.g. threshold:50.000)"), (int)(n > 64 ? 64 : n), s + 1, spec);
            return false;
        }
        s += 1 + n;
    }
    while (*s == '+') {
        size_t n = strcspn(s + 1, "+");
        pulje_kr *dst = NULL;
        if (strncmp(s + 1, "min=", 4) == 0)
            dst = &p.min_grant;
        else if (strncmp(s + 1, "max=", 4) == 0)
            dst = &p.max_grant;
        if (!dst || !spec_amount(s + 5, n - 4, dst)) {
            if (err && errsz)
                snprintf(err, errsz, msg_tr("\"%.*s\" in \"%s\" is not an option; the options are "
                         "+min=AMOUNT (minimum grant) and +max=AMOUNT (maximum grant)"),
                         (int)(n > 64 ? 64 : n), s + 1, spec);
            return false;
        }
        s += 1 + n;
    }
    if (*s) {
        if (err && errsz)
            snprintf(err, errsz, msg_tr("unexpected \"%s\" in the rule \"%s\"; write "
                     "NAME[:THRESHOLD][+min=AMOUNT][+max=AMOUNT]"), s, spec);
        return false;
    }
    if (!rule_params_valid(&p, err, errsz))
        return false;
    *out = p;
    return true;
}

char *rule_format_spec(const rule_params *p, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s", rule_name(p->kind));
    if (n >= 0 && (size_t)n < size && rule_uses_threshold(p->kind))
        n += snprintf(buf + n, size - (size_t)n, ":%lld", (long long)p->threshold);
    if (n >= 0 && (size_t)n < size && p->min_grant > 0)
        n += snprintf(buf + n, size - (size_t)n, "+min=%lld", (long long)p->min_grant);
    if (n >= 0 && (size_t)n < size && p->max_grant > 0)
        snprintf(buf + n, size - (size_t)n, "+max=%lld", (long long)p->max_grant);
    return buf;
}
