/* explain.h - One application's way from ansøgt to tilskud, step by step, in words.
 *
 * `pulje explain NR` prints what explain_build() returns: the amount applied
 * for, the assessed amount (or the refusal), the rule in words with this
 * pool's figures (the factor of threshold, proportional and excess and
 * excess's protected part; the ceiling L of cea; the cut L of cel; the
 * regime and level of talmud), the caps and refusals of max_grant and
 * min_grant, the exact share of this claim, the rounding step that gave the
 * last krone (R1 down to the unit, R3 one unit more, R4 raised), the
 * multi-year decision and why, the earmarked money, and the final grant
 * with its status (reduced, or refused and why), each step with its kroner
 * in Danish format. Every word comes from labels.c, so the explanation
 * follows --lang. Pure computation: nothing is printed here.
 *
 * The result is the truth: the share printed is the line's share_num /
 * share_den and the final figure its grant. The rule's figures (L, the
 * factor) are those of the rule's last sharing: the claims neither capped
 * nor refused under the minimum, and the money less the caps paid. A result
 * without per-line shares (share_den 0) is explained from the closed form. */
#ifndef PULJE_EXPLAIN_H
#define PULJE_EXPLAIN_H

#include <stddef.h>

#include "alloc.h"
#include "apps.h"
#include "pool.h"

/* The explanation: lines of UTF-8 text without line ends, each already
 * indented (a step is "  3. ...", its details "     ..."). The figures the
 * text states, for tests and other readers: share is what the rule's
 * formula, with the figures printed, gives this claim (exact); rounded is
 * the amount the rounding steps end on. share_line and rounded_line are the
 * indices of the lines whose last amount prints them, EXPLAIN_NO_LINE when
 * the claim never reached the rule (refused by the panel, set aside,
 * assessed 0). */
#define EXPLAIN_NO_LINE ((size_t)-1)

typedef struct explain_text {
    char **lines;
    size_t n, cap;
    pulje_wide share_num, share_den; /* share_den > 0 when share_line is set */
    pulje_kr rounded;
    size_t share_line, rounded_line;
} explain_text;

/**
 * @brief Explain application i of apps, as allocated in r.
 *
 * r must be the result of alloc_run() on p and apps (r->n == apps->n).
 *
 * @code
 * explain_text t = {0};
 * if (explain_build(&p, &apps, &r, i, &t) == 0)
 *     for (size_t k = 0; k < t.n; k++)
 *         puts(t.lines[k]);
 * explain_free(&t);
 * @endcode
 * @return 0, or -1 on out of memory or i out of range (out is left empty).
 */
int explain_build(const pool *p, const app_list *apps, const alloc_result *r, size_t i,
                  explain_text *out);

/** @brief Free the lines; the struct is zeroed. Safe on a zeroed struct. */
void explain_free(explain_text *t);

/**
 * @brief The index of the application numbered nr (compared as written,
 * blanks at the ends ignored, and "007" equal to "7").
 * @return 0 and *i set, or -1 if no application has that number.
 */
int explain_find(const app_list *apps, const char *nr, size_t *i);

/**
 * @brief Up to max application numbers closest to nr, closest first: by
 * numeric distance when both are numbers, else by edit distance.
 * @param idx  Receives the indices into apps->v.
 * @return how many were stored. This function can't fail.
 */
size_t explain_nearby(const app_list *apps, const char *nr, size_t *idx, size_t max);

/* ---- explaining many applications of one result --------------------------
 *
 * explain_build() shares the whole pool again for each application (the
 * result's shares, the rule's last sharing): explaining every application
 * of a pool of n costs n times that. A context computes it once. */

/** The figures every explanation of one result shares (opaque). */
typedef struct explain_ctx explain_ctx;

/**
 * @brief Prepare the explanations of r: the shares of every line and the
 * rule's last sharing, computed once.
 *
 * p, apps and r are borrowed: they must stay alive and unchanged until
 * explain_ctx_free(). r must be the result of alloc_run() on p and apps.
 *
 * @code
 * explain_ctx *ctx = explain_prepare(&p, &apps, &r);
 * for (size_t i = 0; ctx && i < apps.n; i++) {
 *     explain_text t;
 *     if (explain_build_ctx(ctx, i, &t) == 0)
 *         ...;
 *     explain_free(&t);
 * }
 * explain_ctx_free(ctx);
 * @endcode
 * @return the context, or NULL on out of memory or a NULL argument.
 */
explain_ctx *explain_prepare(const pool *p, const app_list *apps, const alloc_result *r);

/**
 * @brief Explain application i with a prepared context: the same text and
 * figures as explain_build() on the context's pool, applications and
 * result.
 * @return 0, or -1 on out of memory, ctx NULL or i out of range (out is
 * left empty).
 */
int explain_build_ctx(const explain_ctx *ctx, size_t i, explain_text *out);

/** @brief Free a context (not what it borrows). Safe on NULL. */
void explain_ctx_free(explain_ctx *ctx);

#endif
