/* explain.h - One application's way from ansøgt to tilskud, step by step, in words.
 *
 * `pulje explain NR` prints what explain_build() returns: the amount applied
 * for, the assessed amount (or the refusal), the rule and whether it
 * protected or reduced this claim, the exact factor and how it was found,
 * the computed share, the rounding to the pool's unit, the multi-year
 * decision and why, the earmarked money, and the final grant, each step
 * with its kroner in Danish format. Every word comes from labels.c, so the
 * explanation follows --lang. Pure computation: nothing is printed here. */
#ifndef PULJE_EXPLAIN_H
#define PULJE_EXPLAIN_H

#include <stddef.h>

#include "alloc.h"
#include "apps.h"
#include "pool.h"

/* The explanation: lines of UTF-8 text without line ends, each already
 * indented (a step is "  3. ...", its details "     ..."). */
typedef struct explain_text {
    char **lines;
    size_t n, cap;
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

#endif
