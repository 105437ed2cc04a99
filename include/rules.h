/* rules.h - Reduction rules in closed form: exact shares of the money, no I/O.
 *
 * Every rule is one row of the registry (rule_def, rules.c): its key and
 * aliases, whether it takes a threshold, its closed form, its GLPK
 * formulation and its "protected" diagnostic; its words are the row of the
 * same kind in ruletext.c. Adding a rule: an enum value at the end, its row
 * here and in ruletext.c (the build fails without them), its labels, and
 * optionally a model form (model.c); tests/test_rule_registry.c checks that
 * every row is complete and that its pieces agree. rules.c holds the
 * registry and the closed forms, rules_spec.c the command-line syntax.
 *
 * A rule divides `money` kroner among claims (the assessed amounts) when the
 * claims together exceed it. The result is exact: every share is a rational
 * number num[i] / den with one common denominator, computed in 128-bit
 * integers. Turning shares into whole kroner is rounding.c's job.
 *
 * The rules (C = the sum of the claims, E = the money, C > E):
 *
 *   threshold     the 2023 rule: claims of at most T are paid in full, the
 *                 others all cut by one factor f = (E - protected) / rest.
 *   proportional  every claim cut by one factor f = E / C.
 *   excess        everyone keeps min(claim, T); only the part above T is cut,
 *                 by one factor f = (E - sum min(c, T)) / sum max(c - T, 0).
 *   cea           constrained equal awards: share = min(claim, L), with the
 *                 common ceiling L chosen so the shares sum to E.
 *   cel           constrained equal losses: share = max(0, claim - L), with
 *                 the common cut L chosen so the shares sum to E.
 *   talmud        Aumann & Maschler (1985): if E <= C/2, CEA on the half
 *                 claims; otherwise every claimant loses min(claim/2, L)
 *                 (CEA on the half claims applied to the losses C - E).
 *
 * Options to any rule, applied only when rationing (when the claims fit in
 * the money, everyone gets their claim):
 *
 *   max_grant M   a share above M is cut to M and what that frees is shared
 *                 again among the others by the same rule, until no share
 *                 is above M.
 *   min_grant m   a share below m becomes a refusal (0) and the money is
 *                 shared again among the others by the same rule. Claims are
 *                 refused one share level at a time, smallest first (all
 *                 claims with that share together), capping first.
 *
 * When caps and refusals leave the rest able to be paid in full, the money
 * nobody can take is `unshared` (it ends on the residual line).
 *
 * A pool requires min_grant and max_grant to be multiples of its rounding
 * unit (rounding.h, R0), so a share cut to M is paid exactly and no share of
 * at least m is rounded below m. The options apply to ordinary grants; the
 * supplements use their earmark's own min and max (earmark.h). */
#ifndef PULJE_RULES_H
#define PULJE_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "money.h"

typedef enum {
    RULE_THRESHOLD = 0, /* the 2023 rule: claims above the threshold cut by one factor */
    RULE_PROPORTIONAL,  /* every claim cut by one factor */
    RULE_EXCESS,        /* only the part of each claim above the threshold is cut */
    RULE_CEA,           /* constrained equal awards: a common ceiling */
    RULE_CEL,           /* constrained equal losses: a common cut in kroner */
    RULE_TALMUD,        /* Aumann & Maschler's Talmud rule */
    RULE__COUNT
} rule_kind;

typedef struct rule_params {
    rule_kind kind;
    pulje_kr threshold; /* RULE_THRESHOLD, RULE_EXCESS: 0..MONEY_MAX */
    pulje_kr min_grant; /* 0 = none; shares below it become refusals */
    pulje_kr max_grant; /* 0 = none; shares above it are cut to it */
} rule_params;

typedef enum {
    RULE_OK = 0,
    RULE_ERR_NOMEM,
    RULE_ERR_PROTECTED,  /* the protected claims (or parts) alone exceed the money */
    RULE_ERR_ARGS,       /* negative money or claim, unknown rule, parameter out of range */
    RULE_ERR_MIN_GRANT   /* every share would fall below the minimum grant */
} rule_status;

/* The exact outcome of a rule. share(i) = num[i] / den. */
typedef struct rule_result {
    size_t n;
    pulje_wide *num;      /* n numerators */
    pulje_wide den;       /* common denominator, > 0 */
    bool *reduced;        /* n flags: share(i) < claim(i) */
    bool rationed;        /* the claims exceeded the money */
    /* threshold, proportional, excess: the money the rule leaves untouched
     * (claims of at most T; for excess the first T of every claim) and the
     * claims (parts) the factor applies to. cea, cel, talmud: 0 and the sum
     * of the claims. With max_grant/min_grant: of the last sharing, among
     * the claims neither capped nor refused. */
    pulje_kr protected_sum;
    pulje_kr reducible_sum;
    /* threshold, proportional, excess: the common factor, in [0, 1].
     * cea, cel, talmud: the money shared / the claims (granted / claimed). */
    pulje_kr factor_num;
    pulje_kr factor_den;
    /* cea: the ceiling L; cel: the cut L; talmud: L of the regime (the
     * ceiling on half claims if E <= C/2, else the ceiling on half losses);
     * lambda_den > 0. threshold/proportional/excess: 0/1. In kroner. */
    pulje_wide lambda_num;
    pulje_wide lambda_den;
    bool talmud_losses;   /* talmud: the upper regime (E > C/2) */
    size_t n_capped;      /* shares cut to max_grant */
    size_t n_dropped;     /* shares below min_grant, refused */
    pulje_kr unshared;    /* money the rule leaves unshared (only with the options) */
} rule_result;

/* How the GLPK model (model.c) formulates a rule; model.c switches on it in
 * one place. A rule may have none: the model path then uses its closed form. */
typedef enum {
    RULE_MODEL_NONE = 0,     /* no GLPK form: the closed form answers */
    RULE_MODEL_FACTOR,       /* one factor on the reducible parts, one row */
    RULE_MODEL_CEILING,      /* a common ceiling L on the claims (cea) */
    RULE_MODEL_CUT,          /* a common cut L from the claims (cel) */
    RULE_MODEL_HALF_CEILING  /* a common ceiling on the half claims, or on the half
                                losses above C/2 (talmud) */
} rule_model;

/* The English diagnostic when the parts a rule protects exceed the money:
 * writes the message (without hint) to msg. prot is the protected sum,
 * money the money to share. This function can't fail. */
typedef void (*rule_protected_fn)(const rule_params *p, pulje_kr prot, pulje_kr money,
                                  char *msg, size_t size);

/*
 * The rule registry: one row per rule_kind, in the enum's order. Everything
 * the engine knows about a rule is here; its words (labels, the explanation)
 * are in ruletext.c's row for the same kind. A rule is either a factor rule
 * (protected parts paid in full, one common factor on the rest) or a level
 * rule (a common L in kroner, found by `level`, applied to each claim by
 * `at_level`).
 */
typedef struct rule_def {
    rule_kind kind;
    const char *key;               /* as written in pool files and on the command line */
    const char *const *aliases;    /* other names accepted on input, never written;
                                      NULL-terminated, or NULL for none */
    bool uses_threshold;           /* takes NAME:THRESHOLD */
    bool factor;                   /* a factor rule (else a level rule) */
    /* factor rules: the part of claim c the rule leaves untouched when
     * rationing, 0..c (NULL: none, every krone is reducible). */
    pulje_kr (*protected_part)(const rule_params *p, pulje_kr c);
    /* level rules: the closed form of L = *lnum / *lden (in the meaning
     * at_level gives it) for claims that exceed money >= 0. */
    rule_status (*level)(const pulje_kr *claims, size_t n, pulje_kr money,
                         pulje_wide *lnum, pulje_wide *lden);
    /* level rules: fill out->den, out->num[] (and talmud_losses) from
     * out->lambda_num / out->lambda_den, which are set and in lowest terms;
     * total is the sum of the n claims. */
    void (*at_level)(const pulje_kr *claims, size_t n, pulje_kr money, pulje_kr total,
                     rule_result *out);
    rule_model model;              /* its GLPK formulation */
    /* RULE_ERR_PROTECTED in words, for rules with protected parts (NULL for
     * rules that protect nothing: the caller says the rule cannot share). */
    rule_protected_fn protected_why;
    const char *protected_hint;    /* the hint beside it (NULL with protected_why) */
} rule_def;

/**
 * @brief The registry row of a rule, or NULL for a kind outside 0..RULE__COUNT-1.
 * @code
 * for (int k = 0; k < RULE__COUNT; k++)
 *     puts(rule_def_of((rule_kind)k)->key);
 * @endcode
 */
const rule_def *rule_def_of(rule_kind kind);

/** @brief The rule's key as written in pool files ("threshold", "cea", ...);
 * "unknown" for a kind outside the registry. */
const char *rule_name(rule_kind kind);

/**
 * @brief Look a rule up by its key or an alias ("2023" = threshold, "pro" =
 * proportional), ignoring ASCII case. Returns false if unknown.
 */
bool rule_from_name(const char *name, rule_kind *out);

/**
 * @brief Did you mean: the key of the rule whose key or alias is closest to
 * name by text_suggest() (text.h), or NULL if none is close ("talmut" ->
 * "talmud", "proportinal" -> "proportional").
 */
const char *rule_suggest(const char *name);

/**
 * @brief The valid rule keys for messages, from the registry: "threshold,
 * proportional, excess, cea, cel or talmud". Static (built on the first
 * call; not thread-safe before it); never NULL.
 */
const char *rule_names_list(void);

/* Which rules rule_names_join() lists. */
typedef enum {
    RULE_NAMES_ALL = 0,      /* every rule */
    RULE_NAMES_THRESHOLD     /* the rules that take a threshold */
} rule_names_which;

/**
 * @brief The keys of the rules `which` names, in the registry's order,
 * joined by ", " and the last pair by " conj ": with conj "and",
 * "threshold, proportional, excess, cea, cel and talmud". Truncates to
 * size. Returns buf. This function can't fail.
 */
char *rule_names_join(char *buf, size_t size, rule_names_which which, const char *conj);

/**
 * @brief The rules compare runs beside the pool's own when none are given,
 * in rule_parse_spec()'s syntax: "threshold:25000", "threshold:50000",
 * "threshold:75000", "excess", "proportional", "cea", "cel", "talmud";
 * NULL-terminated, static. Every rule of the registry is among them.
 */
const char *const *rule_compare_specs(void);

/** @brief Whether the rule uses the threshold parameter (threshold, excess). */
bool rule_uses_threshold(rule_kind kind);

/** @brief Whether the rule is a factor rule: one common factor on the
 * reducible parts (threshold, proportional, excess). */
bool rule_is_factor(rule_kind kind);

/**
 * @brief The part of claim c that the rule leaves untouched when rationing
 * (without options): c for a claim of at most the threshold under threshold
 * and excess, the threshold for a larger claim under excess, 0 for a rule
 * that protects nothing or an unknown kind.
 */
pulje_kr rule_protected(const rule_params *p, pulje_kr c);

/**
 * @brief Check the parameters alone (kind known, 0 <= threshold, min_grant,
 * max_grant <= MONEY_MAX, min_grant <= max_grant when both are set).
 * @param why  Receives an English sentence when the answer is false (may be NULL).
 */
bool rule_params_valid(const rule_params *p, char *why, size_t whysz);

/**
 * @brief Parse a rule as written on the command line:
 * NAME[:THRESHOLD][+min=AMOUNT][+max=AMOUNT], e.g. "threshold:25.000",
 * "cea+min=10.000", "excess:50000+max=300.000". The threshold defaults to
 * def_threshold. On failure returns false and puts an English sentence,
 * listing the valid choices, in err; out is untouched.
 */
bool rule_parse_spec(const char *spec, pulje_kr def_threshold, rule_params *out,
                     char *err, size_t errsz);

/**
 * @brief Write a rule back in rule_parse_spec()'s syntax ("threshold:50000").
 * Returns buf.
 */
char *rule_format_spec(const rule_params *p, char *buf, size_t size);

/**
 * @brief Apply a rule to claims, exactly.
 *
 * If the claims fit in the money everyone gets their claim (factor 1/1).
 * Otherwise the rule decides, then the options. Claims of 0 get 0 and are
 * never "reduced".
 *
 * @param p      Rule and parameters.
 * @param claims n claims, each 0..MONEY_MAX.
 * @param money  The money to share, 0..MONEY_MAX.
 * @param out    Filled on RULE_OK; free with rule_result_free(). On error it
 *               is left empty (safe to free).
 * @return RULE_OK, or why no result could be given.
 */
rule_status rule_apply(const rule_params *p, const pulje_kr *claims, size_t n,
                       pulje_kr money, rule_result *out);

/**
 * @brief A solver for the rule alone (no options) on a set of claims, as
 * rule_apply() without options: the closed form, or the GLPK model.
 */
typedef rule_status (*rule_base_fn)(const rule_params *p, const pulje_kr *claims,
                                    size_t n, pulje_kr money, rule_result *out,
                                    void *ctx);

/**
 * @brief rule_apply() with the rule itself solved by base (the options
 * min_grant and max_grant are applied around it, exactly as rule_apply()
 * does). base gets the claims with capped and refused ones set to 0, and
 * the money less the caps paid. Returns base's first error unchanged.
 */
rule_status rule_apply_with(const rule_params *p, const pulje_kr *claims, size_t n,
                            pulje_kr money, rule_base_fn base, void *ctx,
                            rule_result *out);

/**
 * @brief Build the shares of a factor rule (threshold, proportional, excess)
 * from a common factor already known (e.g. recovered from the solver).
 * Same contract as rule_apply(); ignores the options. RULE_ERR_ARGS for the
 * other rules.
 */
rule_status rule_shares_from_factor(const rule_params *p, const pulje_kr *claims,
                                    size_t n, pulje_kr factor_num,
                                    pulje_kr factor_den, rule_result *out);

/**
 * @brief Build the shares of cea, cel or talmud from L = lambda_num /
 * lambda_den (in the rule's meaning, see rule_result) and the money (talmud
 * needs it for its regime). Ignores the options. The shares need not sum to
 * the money: a caller holding a guessed L checks that. RULE_ERR_ARGS for the
 * factor rules or a negative L.
 */
rule_status rule_shares_from_lambda(const rule_params *p, const pulje_kr *claims,
                                    size_t n, pulje_kr money, pulje_wide lambda_num,
                                    pulje_wide lambda_den, rule_result *out);

/** @brief Free a result's arrays; the struct is zeroed. Safe on a zeroed struct. */
void rule_result_free(rule_result *r);

/** @brief An English sentence for a rule_status. */
const char *rule_strerror(rule_status st);

#endif
