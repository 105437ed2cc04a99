/* rounding.h - From exact shares to whole-krone grants, by largest remainder.
 *
 * Reduced shares are floored to the rounding unit; the kroner that flooring
 * frees are handed back one unit at a time to the largest remainders, never
 * above a claim and never so that a larger claim ends below a smaller one.
 * Shares with equal remainders are served together or not at all, so equal
 * shares stay equal and equal losses (cel, talmud) stay equal. A reduced
 * share is not floored below a smaller claim paid in full when no reduced
 * share lies below that claim (cea): it is paid that claim instead. What
 * cannot be handed out is the residual: grants + residual = money, exactly.
 * Unreduced shares are paid as claimed, not rounded. */
#ifndef PULJE_ROUNDING_H
#define PULJE_ROUNDING_H

#include <stddef.h>

#include "money.h"
#include "rules.h"

/**
 * @brief Round a rule's exact shares to grants.
 *
 * @param r       The exact shares (from rule_apply()).
 * @param claims  The same n claims the shares were computed from.
 * @param unit    Rounding unit in kroner (1, 100, 1000, ...); > 0.
 * @param money   The money the shares divide; sum of shares <= money.
 * @param grants  Out: n grants, each 0 <= grant <= claim, a multiple of unit
 *                when reduced (or equal to a smaller claim paid in full, see
 *                above).
 * @param residual Out: money - sum(grants), >= 0.
 * @return 0 on success, -1 on out of memory or inconsistent input (grants untouched).
 */
int round_shares(const rule_result *r, const pulje_kr *claims, pulje_kr unit,
                 pulje_kr money, pulje_kr *grants, pulje_kr *residual);

#endif
