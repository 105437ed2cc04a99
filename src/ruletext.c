/* ruletext.c - A rule in words: the words half of the rule registry.
 *
 * ruletext_defs[] has one row per rule_kind: the labels of its description
 * and short heading, and its explanation for one claim. Every row fills its
 * labels and computes the exact share from the same figures it prints. */
#include "ruletext.h"

#include <string.h>

/* Decimals shown for the factor and for a share that is not whole. */
#define FACTOR_DECIMALS 6
#define SHARE_DECIMALS 2

char *ruletext_exact(pulje_wide num, pulje_wide den, char *buf)
{
    if (den > 0 && num % den == 0)
        return money_format_text((pulje_kr)(num / den), buf);
    return money_format_ratio_text(num, den, SHARE_DECIMALS, buf);
}

char *ruletext_factor(pulje_kr num, pulje_kr den, char *buf)
{
    pulje_wide scale = 1;

    if (den <= 0)
        den = 1;
    for (int k = 0; k < FACTOR_DECIMALS; k++)
        scale *= 10;
    if (num < den && 2 * ((pulje_wide)den - num) * scale < den)
        return money_format_ratio_text(scale - 1, scale, FACTOR_DECIMALS, buf);
    return money_format_ratio_text(num, den, FACTOR_DECIMALS, buf);
}

/* ---- writing to the sink ------------------------------------------------ */

static void detail(const ruletext_sink *s, label_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    s->detail(s->ctx, id, ap);
    va_end(ap);
}

static void share(const ruletext_sink *s, label_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    s->share(s->ctx, id, ap);
    va_end(ap);
}

/* ---- the explanations, one per rule -------------------------------------- */

/* A claim the rule pays in full: "c er højst T og reduceres ikke". */
static void explain_protected_whole(const ruletext_claim *c, const ruletext_sink *s,
                                    pulje_wide *num, pulje_wide *den)
{
    char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
    detail(s, L_EX_PROTECTED, money_format_text(c->claim, m1),
           money_format_text(c->p->threshold, m2));
    share(s, L_EX_SHARE_FULL, c->share);
    *num = c->claim;
    *den = 1;
}

/* threshold: c <= T in full; above, c x f. */
static void explain_threshold(const ruletext_claim *c, const ruletext_sink *s,
                              pulje_wide *num, pulje_wide *den)
{
    const rule_result *rr = c->rr;
    char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], f[MONEY_BUFSZ];

    if (c->claim <= c->p->threshold) {
        explain_protected_whole(c, s, num, den);
        return;
    }
    ruletext_factor(rr->factor_num, rr->factor_den, f);
    detail(s, L_EX_ABOVE, money_format_text(c->claim, m1), money_format_text(c->p->threshold, m2));
    detail(s, L_EX_FACTOR_THRESHOLD, money_format_text(c->money, m1),
           money_format_text(rr->protected_sum, m2), money_format_text(rr->reducible_sum, m3), f);
    share(s, L_EX_SHARE, money_format_text(c->claim, m1), f, c->share);
    *num = (pulje_wide)c->claim * rr->factor_num;
    *den = rr->factor_den;
}

/* proportional: c x f. */
static void explain_proportional(const ruletext_claim *c, const ruletext_sink *s,
                                 pulje_wide *num, pulje_wide *den)
{
    const rule_result *rr = c->rr;
    char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], f[MONEY_BUFSZ];

    ruletext_factor(rr->factor_num, rr->factor_den, f);
    detail(s, L_EX_ALL_REDUCED);
    detail(s, L_EX_FACTOR_PROPORTIONAL, money_format_text(c->money, m1),
           money_format_text(rr->reducible_sum, m2), f);
    share(s, L_EX_SHARE, money_format_text(c->claim, m1), f, c->share);
    *num = (pulje_wide)c->claim * rr->factor_num;
    *den = rr->factor_den;
}

/* excess: c <= T in full; above, T + f x (c - T). */
static void explain_excess(const ruletext_claim *c, const ruletext_sink *s, pulje_wide *num,
                           pulje_wide *den)
{
    const rule_result *rr = c->rr;
    pulje_kr t = c->p->threshold, prot = c->claim < t ? c->claim : t;
    char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ], m4[MONEY_BUFSZ], f[MONEY_BUFSZ];

    if (c->claim <= t) {
        explain_protected_whole(c, s, num, den);
        return;
    }
    ruletext_factor(rr->factor_num, rr->factor_den, f);
    detail(s, L_EX_EXCESS_PARTS, money_format_text(c->claim, m1), money_format_text(t, m2),
           money_format_text(prot, m3), money_format_text(c->claim - prot, m4));
    detail(s, L_EX_FACTOR_EXCESS, money_format_text(c->money, m1),
           money_format_text(rr->protected_sum, m2), money_format_text(rr->reducible_sum, m3), f);
    share(s, L_EX_SHARE_EXCESS, money_format_text(prot, m1), f,
          money_format_text(c->claim - prot, m2), c->share);
    *num = (pulje_wide)prot * rr->factor_den + (pulje_wide)(c->claim - prot) * rr->factor_num;
    *den = rr->factor_den;
}

/* The level L of a level rule, exactly, and formatted. */
static void level_of(const rule_result *rr, pulje_wide *lnum, pulje_wide *lden, char *lv)
{
    *lnum = rr->lambda_num;
    *lden = rr->lambda_den > 0 ? rr->lambda_den : 1;
    ruletext_exact(*lnum, *lden, lv);
}

/* cea: min(c, L). */
static void explain_cea(const ruletext_claim *c, const ruletext_sink *s, pulje_wide *num,
                        pulje_wide *den)
{
    char m1[MONEY_BUFSZ], lv[MONEY_BUFSZ];
    pulje_wide lnum, lden, cw;

    level_of(c->rr, &lnum, &lden, lv);
    detail(s, L_EX_CEA_HOW, money_format_text(c->money, m1));
    detail(s, L_EX_LEVEL_CEA, lv);
    share(s, L_EX_SHARE_CEA, money_format_text(c->claim, m1), lv, c->share);
    cw = (pulje_wide)c->claim * lden;
    *num = cw < lnum ? cw : lnum;
    *den = lden;
}

/* cel: max(0, c - L). */
static void explain_cel(const ruletext_claim *c, const ruletext_sink *s, pulje_wide *num,
                        pulje_wide *den)
{
    char m1[MONEY_BUFSZ], lv[MONEY_BUFSZ];
    pulje_wide lnum, lden, cw;

    level_of(c->rr, &lnum, &lden, lv);
    detail(s, L_EX_CEL_HOW, money_format_text(c->money, m1));
    detail(s, L_EX_LEVEL_CEL, lv);
    share(s, L_EX_SHARE_CEL, money_format_text(c->claim, m1), lv, c->share);
    cw = (pulje_wide)c->claim * lden;
    *num = cw > lnum ? cw - lnum : 0;
    *den = lden;
}

/* talmud: min(c/2, L) when the money is at most half the claims, else
 * c - min(c/2, L); over 2 lden, min(c/2, L) is min(c lden, 2 lnum). */
static void explain_talmud(const ruletext_claim *c, const ruletext_sink *s, pulje_wide *num,
                           pulje_wide *den)
{
    char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], lv[MONEY_BUFSZ];
    pulje_wide lnum, lden, half, capped;

    level_of(c->rr, &lnum, &lden, lv);
    half = (pulje_wide)c->claim * lden;
    capped = half < 2 * lnum ? half : 2 * lnum;
    *den = 2 * lden;
    if (c->rr->talmud_losses) {
        detail(s, L_EX_TALMUD_HIGH, money_format_text(c->money, m1),
               money_format_text(c->claimed, m2));
        detail(s, L_EX_LEVEL_TALMUD_HIGH, lv);
        share(s, L_EX_SHARE_TALMUD_HIGH, money_format_text(c->claim, m1),
              money_format_text(c->claim, m2), lv, c->share);
        *num = 2 * half - capped;
    } else {
        detail(s, L_EX_TALMUD_LOW, money_format_text(c->money, m1),
               money_format_text(c->claimed, m2));
        detail(s, L_EX_LEVEL_TALMUD_LOW, lv);
        share(s, L_EX_SHARE_TALMUD_LOW, money_format_text(c->claim, m1), lv, c->share);
        *num = capped;
    }
}

/* ---- the registry's words ------------------------------------------------- */

/* One row per rule, in the enum's order (rules.c's rule_defs[]). */
static const ruletext_def ruletext_defs[] = {
    [RULE_THRESHOLD] = {RULE_THRESHOLD, L_RULE_THRESHOLD, L_RULE_SHORT_THRESHOLD,
                        explain_threshold},
    [RULE_PROPORTIONAL] = {RULE_PROPORTIONAL, L_RULE_PROPORTIONAL, L_RULE_SHORT_PROPORTIONAL,
                           explain_proportional},
    [RULE_EXCESS] = {RULE_EXCESS, L_RULE_EXCESS, L_RULE_SHORT_EXCESS, explain_excess},
    [RULE_CEA] = {RULE_CEA, L_RULE_CEA, L_RULE_SHORT_CEA, explain_cea},
    [RULE_CEL] = {RULE_CEL, L_RULE_CEL, L_RULE_SHORT_CEL, explain_cel},
    [RULE_TALMUD] = {RULE_TALMUD, L_RULE_TALMUD, L_RULE_SHORT_TALMUD, explain_talmud},
};

/* A rule_kind without its words does not compile. */
_Static_assert(sizeof ruletext_defs / sizeof ruletext_defs[0] == RULE__COUNT,
               "every rule_kind needs its row in ruletext_defs[]");

const ruletext_def *ruletext_def_of(rule_kind kind)
{
    if ((int)kind < 0 || kind >= RULE__COUNT)
        return NULL;
    return &ruletext_defs[kind];
}

/* Append the options' labels (min, max) to buf. */
static void append_options(const rule_params *p, char *buf, size_t size, label_id min_id,
                           label_id max_id)
{
    char amount[MONEY_BUFSZ];
    size_t n = strlen(buf);

    if (p->min_grant > 0 && n < size) {
        label_format(buf + n, size - n, min_id, money_format_text(p->min_grant, amount));
        n = strlen(buf);
    }
    if (p->max_grant > 0 && n < size)
        label_format(buf + n, size - n, max_id, money_format_text(p->max_grant, amount));
}

/* The label id, with the threshold filled in when the rule takes one. */
static void fill(const rule_params *p, label_id id, char *buf, size_t size)
{
    char amount[MONEY_BUFSZ];

    if (rule_uses_threshold(p->kind))
        label_format(buf, size, id, money_format_text(p->threshold, amount));
    else
        label_format(buf, size, id);
}

char *ruletext_describe(const rule_params *p, char *buf, size_t size)
{
    const ruletext_def *d;

    if (!buf || size == 0)
        return buf;
    buf[0] = '\0';
    if (!p || !(d = ruletext_def_of(p->kind)))
        return buf;
    fill(p, d->describe, buf, size);
    append_options(p, buf, size, L_RULE_OPT_MIN, L_RULE_OPT_MAX);
    return buf;
}

char *ruletext_short(const rule_params *p, char *buf, size_t size)
{
    const ruletext_def *d;

    if (!buf || size == 0)
        return buf;
    buf[0] = '\0';
    if (!p || !(d = ruletext_def_of(p->kind)))
        return buf;
    fill(p, d->name, buf, size);
    append_options(p, buf, size, L_RULE_SHORT_MIN, L_RULE_SHORT_MAX);
    return buf;
}
