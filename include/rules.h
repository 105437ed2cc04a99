/* rules.h - Reduction rules in closed form: exact shares of the money, no I/O.
 *
 * A rule divides `money` kroner among claims (the assessed amounts) when the
 * claims together exceed it. The result is exact: every share is a rational
 * number num[i] / den with one common denominator, computed in 128-bit
 * integers. Turning shares into whole kroner is rounding.c's job. */
#ifndef PULJE_RULES_H
#define PULJE_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "money.h"

typedef enum {
    RULE_THRESHOLD = 0, /* the 2023 rule: claims above the threshold cut by one factor */
    RULE_PROPORTIONAL,  /* every claim cut by one factor */
    RULE__COUNT
} rule_kind;

typedef struct rule_params {
    rule_kind kind;
    pulje_kr threshold; /* RULE_THRESHOLD: claims of at most this are not reduced */
} rule_params;

typedef enum {
    RULE_OK = 0,
    RULE_ERR_NOMEM,
    RULE_ERR_PROTECTED,  /* the protected claims alone exceed the money */
    RULE_ERR_ARGS        /* negative money or claim, unknown rule */
} rule_status;

/* The exact outcome of a rule. share(i) = num[i] / den. */
typedef struct rule_result {
    size_t n;
    pulje_wide *num;      /* n numerators */
    pulje_wide den;       /* common denominator, > 0 */
    bool *reduced;        /* n flags: share(i) < claim(i) */
    bool rationed;        /* the claims exceeded the money */
    pulje_kr protected_sum;  /* claims the rule leaves untouched when rationing */
    pulje_kr reducible_sum;  /* claims the common factor applies to */
    pulje_kr factor_num;     /* the common factor = factor_num / factor_den, in [0, 1] */
    pulje_kr factor_den;
} rule_result;

/** @brief The rule's key as written in pool files ("threshold", "proportional"). */
const char *rule_name(rule_kind kind);

/** @brief Look a rule up by its key. Returns false if unknown. */
bool rule_from_name(const char *name, rule_kind *out);

/**
 * @brief Apply a rule to claims, exactly.
 *
 * If the claims fit in the money everyone gets their claim (factor 1/1).
 * Otherwise the rule decides. Claims of 0 get 0 and are never "reduced".
 *
 * @param p      Rule and parameters.
 * @param claims n claims, each 0..MONEY_MAX.
 * @param money  The money to share, 0..n*MONEY_MAX.
 * @param out    Filled on RULE_OK; free with rule_result_free(). On error it
 *               is left empty (safe to free).
 * @return RULE_OK, or why no result could be given.
 */
rule_status rule_apply(const rule_params *p, const pulje_kr *claims, size_t n,
                       pulje_kr money, rule_result *out);

/**
 * @brief Build the shares of a rule from a common factor already known
 * (e.g. recovered from the solver). Same contract as rule_apply().
 */
rule_status rule_shares_from_factor(const rule_params *p, const pulje_kr *claims,
                                    size_t n, pulje_kr factor_num,
                                    pulje_kr factor_den, rule_result *out);

/** @brief Free a result's arrays; the struct is zeroed. Safe on a zeroed struct. */
void rule_result_free(rule_result *r);

/** @brief An English sentence for a rule_status. */
const char *rule_strerror(rule_status st);

#endif
