/* ruletext.c - A rule in Danish words: picks and fills labels. */
#include "ruletext.h"

#include <string.h>

#include "labels.h"
#include "money.h"

/* Append the options' labels (min, max) to buf. */
static void append_options(const rule_params *p, char *buf, size_t size, label_id min_id,
                           label_id max_id)
{
    char amount[MONEY_BUFSZ];
    size_t n = strlen(buf);

    if (p->min_grant > 0 && n < size) {
        label_format(buf + n, size - n, min_id, money_format(p->min_grant, amount));
        n = strlen(buf);
    }
    if (p->max_grant > 0 && n < size)
        label_format(buf + n, size - n, max_id, money_format(p->max_grant, amount));
}

char *ruletext_describe(const rule_params *p, char *buf, size_t size)
{
    char amount[MONEY_BUFSZ];

    if (!buf || size == 0)
        return buf;
    money_format(p->threshold, amount);
    switch (p->kind) {
    case RULE_THRESHOLD:    label_format(buf, size, L_RULE_THRESHOLD, amount); break;
    case RULE_PROPORTIONAL: label_format(buf, size, L_RULE_PROPORTIONAL); break;
    case RULE_EXCESS:       label_format(buf, size, L_RULE_EXCESS, amount); break;
    case RULE_CEA:          label_format(buf, size, L_RULE_CEA); break;
    case RULE_CEL:          label_format(buf, size, L_RULE_CEL); break;
    case RULE_TALMUD:       label_format(buf, size, L_RULE_TALMUD); break;
    default:                buf[0] = '\0'; return buf;
    }
    append_options(p, buf, size, L_RULE_OPT_MIN, L_RULE_OPT_MAX);
    return buf;
}

char *ruletext_short(const rule_params *p, char *buf, size_t size)
{
    char amount[MONEY_BUFSZ];

    if (!buf || size == 0)
        return buf;
    money_format(p->threshold, amount);
    switch (p->kind) {
    case RULE_THRESHOLD:    label_format(buf, size, L_RULE_SHORT_THRESHOLD, amount); break;
    case RULE_PROPORTIONAL: label_format(buf, size, L_RULE_SHORT_PROPORTIONAL); break;
    case RULE_EXCESS:       label_format(buf, size, L_RULE_SHORT_EXCESS, amount); break;
    case RULE_CEA:          label_format(buf, size, L_RULE_SHORT_CEA); break;
    case RULE_CEL:          label_format(buf, size, L_RULE_SHORT_CEL); break;
    case RULE_TALMUD:       label_format(buf, size, L_RULE_SHORT_TALMUD); break;
    default:                buf[0] = '\0'; return buf;
    }
    append_options(p, buf, size, L_RULE_SHORT_MIN, L_RULE_SHORT_MAX);
    return buf;
}
