/* ruletext.h - A rule in words: its labels and its explanation for one claim.
 *
 * The words half of the rule registry: one row per rule_kind (rules.h has
 * the engine's row), with the label ids of its description and its short
 * heading (labels.c, labels_en.c: both languages) and its explanation, the
 * lines `pulje explain` prints under "Regel:" for one claim, with the exact
 * share the formula gives from the figures printed. The words come from
 * labels.c; this module only picks and fills them. */
#ifndef PULJE_RULETEXT_H
#define PULJE_RULETEXT_H

#include <stdarg.h>
#include <stddef.h>

#include "labels.h"
#include "money.h"
#include "rules.h"

/* Where an explanation writes its lines (explain.c's builder): detail()
 * adds a line under the rule's step; share() starts the step whose last
 * amount is the share. Both take the label and its blanks. */
typedef struct ruletext_sink {
    void *ctx;
    void (*detail)(void *ctx, label_id id, va_list ap);
    void (*share)(void *ctx, label_id id, va_list ap);
} ruletext_sink;

/* One claim in the rule's last sharing (the claims neither capped nor
 * refused under the minimum), as its explanation needs it. */
typedef struct ruletext_claim {
    const rule_params *p;   /* the rule (its options are explained by the caller) */
    const rule_result *rr;  /* the rule without options on the last sharing, rationed */
    pulje_kr money;         /* the money of the last sharing */
    pulje_kr claimed;       /* the claims in it */
    pulje_kr claim;         /* this claim, > 0 */
    const char *share;      /* the result's share of this claim, formatted */
} ruletext_claim;

/* A rule's explanation of one claim: its lines go to s; *num / *den (den >
 * 0) receives the share the rule's formula gives with the figures printed
 * (tests check it against the result's). This function can't fail. */
typedef void (*ruletext_explain_fn)(const ruletext_claim *c, const ruletext_sink *s,
                                    pulje_wide *num, pulje_wide *den);

/* The words of one rule. */
typedef struct ruletext_def {
    rule_kind kind;
    label_id describe;       /* a sentence; one %s (the threshold) when the rule takes one */
    label_id name;           /* a short column heading; %s as describe */
    ruletext_explain_fn explain;
} ruletext_def;

/** @brief The words of a rule, or NULL for a kind outside 0..RULE__COUNT-1. */
const ruletext_def *ruletext_def_of(rule_kind kind);

/**
 * @brief The rule as a sentence, with its options:
 * "Forholdsmæssig reduktion af alle indstillede beløb på mere end 50.000 kr."
 * Truncates to size; "" for an unknown rule. Returns buf. This function can't fail.
 */
char *ruletext_describe(const rule_params *p, char *buf, size_t size);

/**
 * @brief The rule as a short column heading: "2023-reglen (50.000)",
 * "Fælles loft, min. 10.000". Truncates to size; "" for an unknown rule.
 * Returns buf.
 */
char *ruletext_short(const rule_params *p, char *buf, size_t size);

/**
 * @brief An exact amount num/den in kroner, as explain prints it: whole
 * kroner as such ("45.164"), else 2 decimals ("45.164,56"). Returns buf (at
 * least MONEY_BUFSZ bytes).
 */
char *ruletext_exact(pulje_wide num, pulje_wide den, char *buf);

/**
 * @brief A factor num/den in [0, 1] to 6 decimals ("0,645208"); never shown
 * as 1 while it is below 1. Returns buf (at least MONEY_BUFSZ bytes).
 */
char *ruletext_factor(pulje_kr num, pulje_kr den, char *buf);

#endif
