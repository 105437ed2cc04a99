/* rounding.h - From exact shares to whole-krone grants: the rules R1-R4.
 *
 * A rule (rules.h) gives every claim an exact share s (a fraction). Shares
 * equal to the claim (unreduced) are paid exactly, whatever the unit u. For
 * the reduced shares, with cap c = the claim, or max_grant when smaller:
 *
 *   R1  s is rounded down to the unit: g = floor(s / u) * u.
 *   R2  The freed money is L = money - all grants so far. Shares whose
 *       remainders r = s - g > 0 are exactly equal form a group; groups are
 *       taken by r, largest first, and never broken (equal shares, and
 *       under cel and talmud equal losses, always have equal remainders).
 *       A share with r = 0 is paid exactly and takes no unit.
 *   R3  A group is served (every member + u) when |group| * u <= L and
 *       every member has g + u <= c. Otherwise it is passed over, and so is
 *       every later group holding a claim whose g equals the g of a claim in
 *       a passed-over group (a smaller share never overtakes a larger one).
 *       The hand-out goes on until L < u or no group is left.
 *   R4  Then a reduced grant that ended below a smaller claim paid in full,
 *       whose amount is at most the reduced claim's exact share, is raised
 *       to that amount, funded from L, largest share first (equal shares
 *       together). The first raise L cannot fund stops the repairs; the
 *       grants left below are reported (round_info.unrepaired).
 *   R5  What is left is the residual: grants + residual = money, exactly.
 *       (The warning when it is large is alloc.c's.)
 *
 * Worked examples (proportional unless said):
 *
 *   unit 10, money 360, claims 9 / 104 / 287: shares 8,1 / 93,6 / 258,3;
 *   R1 gives 0 / 90 / 250 and L = 20. R3: 287 (r = 8,3) takes 10 (L = 10);
 *   9 (r = 8,1) cannot take a unit (0 + 10 > 9), is passed over, and the
 *   hand-out goes on: 104 (r = 3,6) takes 10. Grants 0 / 100 / 260, residual 0.
 *
 *   threshold 100, unit 1.000, money 8.001, claims 1 / 7.000 / 11.500 /
 *   50.001: 1 is paid in full; shares 817,5 / 1.343,1 / 5.839,4 give R1
 *   0 / 1.000 / 5.000, L = 2.000; R3 serves 50.001 (r = 839,4) and 7.000
 *   (r = 817,5): grants 1 / 1.000 / 1.000 / 6.000; R4 has nothing to repair.
 *
 *   cea, unit 100, money 1.400, claims 450 / 1.000 / 1.000: 450 is paid in
 *   full, the others get 475 each; R1 400 / 400, L = 150; the group of two
 *   (r = 75) needs 200 and is passed over. R4: 400 is below the smaller
 *   claim 450 paid in full, and 450 <= 475, so both are raised to 450 (cost
 *   100): grants 450 / 450 / 450, residual 50.
 *
 *   max_grant 4.500, unit 100, money 9.000, claims 37.000 / 47.000 / 200:
 *   47.000 is capped at 4.500; the other 4.500 kr. give 4.475,8 / 24,2; R1
 *   4.500 / 4.400 / 0, L = 100; R3 serves 37.000 (4.400 + 100 <= its cap
 *   4.500): grants 4.500 / 4.500 / 0, residual 0 (200 is refused, "rounded
 *   to 0 kr.").
 */
#ifndef PULJE_ROUNDING_H
#define PULJE_ROUNDING_H

#include <stdbool.h>
#include <stddef.h>

#include "money.h"
#include "rules.h"

/* The step that gave a grant its last krone (same order as alloc.h's alloc_step). */
typedef enum {
    ROUND_EXACT = 0,  /* the share is whole and on the unit, or unreduced: paid as it is */
    ROUND_FLOOR,      /* R1: rounded down */
    ROUND_UNIT,       /* R3: rounded down, then one unit from the freed money */
    ROUND_RAISE       /* R4: raised to a smaller claim paid in full */
} round_step;

/* What the rounding did, for warnings and explanations. */
typedef struct round_info {
    pulje_kr residual;      /* L at the end (= money - sum of grants) */
    size_t n_groups;        /* groups with a remainder (R2) */
    size_t n_served;        /* groups R3 served */
    size_t n_passed;        /* groups R3 passed over while L >= u */
    /* The first group passed over because L could not serve it whole (else
     * the first passed over at all); size 0 if none. */
    size_t stuck_size;
    size_t stuck_first;     /* index of its member with the largest share */
    bool stuck_equal;       /* its members' shares are all equal */
    size_t n_raised;        /* R4: grants raised */
    size_t n_unrepaired;    /* R4 stopped: grants left below a smaller claim paid in full */
    size_t *unrepaired;     /* their indices, largest share first (malloc'ed, or NULL) */
} round_info;

/**
 * @brief Round a rule's exact shares to grants by R1-R4.
 *
 * @param r       The exact shares (from rule_apply() or the model).
 * @param claims  The n claims the shares were computed from.
 * @param caps    n caps c (each <= its claim; the claim or max_grant), or
 *                NULL for the claims themselves. A reduced share above its
 *                cap's unit is inconsistent input.
 * @param unit    Rounding unit in kroner (1, 10, 100, 1000, ...); > 0.
 * @param money   The money the shares divide; sum of shares <= money.
 * @param grants  Out: n grants.
 * @param steps   Out (may be NULL): n steps, how each grant was rounded.
 * @param info    Out (may be NULL): what happened; free with round_info_free().
 * @return 0 on success, -1 on out of memory or inconsistent input (grants,
 *         steps and info untouched).
 *
 * @code
 * pulje_kr claims[] = {9, 104, 287}, g[3];
 * rule_result rr;                        // proportional, money 360
 * round_info info;
 * round_shares_ex(&rr, claims, NULL, 10, 360, g, NULL, &info); // 0 / 100 / 260
 * round_info_free(&info);
 * @endcode
 */
int round_shares_ex(const rule_result *r, const pulje_kr *claims, const pulje_kr *caps,
                    pulje_kr unit, pulje_kr money, pulje_kr *grants, round_step *steps,
                    round_info *info);

/**
 * @brief round_shares_ex() with the claims as caps, no steps and no info:
 * writes the grants and the residual (money - sum of grants).
 * @return 0, or -1 as round_shares_ex().
 */
int round_shares(const rule_result *r, const pulje_kr *claims, pulje_kr unit,
                 pulje_kr money, pulje_kr *grants, pulje_kr *residual);

/** @brief Free info's list; the struct is zeroed. Safe on a zeroed struct. */
void round_info_free(round_info *info);

#endif
