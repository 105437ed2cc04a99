/* compare_defaults.c - What `pulje compare` runs when it is not told. */
#include "compare_defaults.h"
#include "messages.h"

#include <stdio.h>
#include <string.h>

size_t compare_default_rules(const pool *p, rule_params *v, size_t cap)
{
    const char *const *specs = rule_compare_specs(); /* the registry's alternatives */
    size_t n = 0;
    char err[256];
    v[n++] = p->rule;
    for (size_t i = 0; specs[i] && n < cap; i++) {
        rule_params r;
        int dup = 0;
        if (!rule_parse_spec(specs[i], p->rule.threshold, &r, err, sizeof err))
            continue;
        for (size_t k = 0; k < n; k++)
            dup |= memcmp(&v[k], &r, sizeof r) == 0;
        if (!dup)
            v[n++] = r;
    }
    return n;
}

size_t compare_parse_rules(const char *list, pulje_kr threshold, rule_params *v, size_t cap,
                           char *err, size_t errsz, const char **hint)
{
    size_t n = 0;
    const char *c = list;
    char spec[128], why[512];

    *hint = NULL;
    while (*c) {
        size_t len = strcspn(c, ",");
        if (len >= sizeof spec || n == cap) {
            snprintf(err, errsz, msg_tr("--rules: too many rules or a rule too long"));
            return 0;
        }
        memcpy(spec, c, len);
        spec[len] = '\0';
        if (!rule_parse_spec(spec, threshold, &v[n], why, sizeof why)) {
            snprintf(err, errsz, msg_tr("--rules: %s"), why);
            *hint = "see pulje --help";
            return 0;
        }
        n++;
        c += len;
        if (*c == ',')
            c++;
    }
    if (n == 0) {
        snprintf(err, errsz, msg_tr("--rules is empty"));
        *hint = "e.g. --rules threshold,excess,cea";
    }
    return n;
}

void compare_sweep_rule(compare_sweep_spec *sweep, const rule_params *baseline)
{
    sweep->rule = *baseline;
    if (sweep->param == COMPARE_SWEEP_THRESHOLD && !rule_uses_threshold(baseline->kind)) {
        memset(&sweep->rule, 0, sizeof sweep->rule);
        sweep->rule.kind = RULE_THRESHOLD;
    }
}
