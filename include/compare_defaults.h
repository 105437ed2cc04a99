/* compare_defaults.h - What `pulje compare` runs when it is not told.
 *
 * The rules: the pool's own rule first (the baseline), then the threshold
 * rule at 25.000, 50.000 and 75.000 kr., excess, proportional, cea, cel and
 * talmud, without repeats. The sweep: the threshold from 0 to 150.000 kr.
 * in steps of 10.000, of the baseline when it has a threshold, else of the
 * 2023 rule. Also the parsing of --rules, a list of rules separated by ','.
 * Pure: no I/O. Kept apart from compare.c so that the run (run.h) and the
 * comparison can both see them. */
#ifndef PULJE_COMPARE_DEFAULTS_H
#define PULJE_COMPARE_DEFAULTS_H

#include <stddef.h>

#include "compare.h"
#include "pool.h"
#include "rules.h"

/* The sweep compare runs without --sweep (compare_parse_sweep() syntax). */
#define COMPARE_DEFAULT_SWEEP "threshold:0:150000:10000"

/* At most this many rules in one comparison. */
#define COMPARE_MAX_RULES 64

/**
 * @brief The default rules for pool p into v (at most cap), the pool's rule
 * first. This function can't fail.
 * @return how many were stored (at least 1).
 */
size_t compare_default_rules(const pool *p, rule_params *v, size_t cap);

/**
 * @brief Parse --rules ("threshold,excess:50.000,cea+min=10.000") into v;
 * a rule without a threshold of its own takes `threshold`.
 * @param err   Receives the sentence when the list is refused.
 * @param hint  Receives how to fix it (a static string), or NULL.
 * @return the number of rules, or 0 when the list is refused.
 */
size_t compare_parse_rules(const char *list, pulje_kr threshold, rule_params *v, size_t cap,
                           char *err, size_t errsz, const char **hint);

/**
 * @brief The rule a sweep varies: the baseline, or the 2023 rule when the
 * sweep is of the threshold and the baseline has none. This function can't
 * fail.
 */
void compare_sweep_rule(compare_sweep_spec *sweep, const rule_params *baseline);

#endif
