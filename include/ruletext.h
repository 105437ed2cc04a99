/* ruletext.h - A rule in Danish words, for workbooks and the command line.
 *
 * The words come from labels.c; this module only picks and fills them. */
#ifndef PULJE_RULETEXT_H
#define PULJE_RULETEXT_H

#include <stddef.h>

#include "rules.h"

/**
 * @brief The rule as a sentence, with its options:
 * "Forholdsmæssig reduktion af alle indstillede beløb på mere end 50.000 kr."
 * Truncates to size. Returns buf. This function can't fail.
 */
char *ruletext_describe(const rule_params *p, char *buf, size_t size);

/**
 * @brief The rule as a short column heading: "2023-reglen (50.000)",
 * "Fælles loft, min. 10.000". Truncates to size. Returns buf.
 */
char *ruletext_short(const rule_params *p, char *buf, size_t size);

#endif
