/* reasons.h - The engine's reason codes and the labels that say them in words.
 *
 * The engine (multiyear, earmark, alloc) returns figures and reason codes,
 * never words; the writers, explain and the cross-file validation turn a
 * code into its label id here and format it with labels.h, in the language
 * chosen. One place per code, so that the workbook, explain and the pool's
 * reservation lines say the same thing. */
#ifndef PULJE_REASONS_H
#define PULJE_REASONS_H

#include <stddef.h>

#include "labels.h"
#include "multiyear.h"
#include "pool.h"

/**
 * @brief The label of a multi-year decision (L_MY_ONE_YEAR ... L_MY_SET_ASIDE).
 * L_MY_TOO_YOUNG takes one %d: the pool's min_active_years. This function
 * can't fail.
 */
label_id reason_my_status_label(my_status st);

/**
 * @brief The label of a reservation the ledger binds: L_RES_MULTIYEAR (%s
 * short name, %d year) or L_RES_AGREEMENT (%s association, %d-%d years).
 * This function can't fail.
 */
label_id reason_reserve_label(my_reserve_kind kind);

/**
 * @brief A reservation in words, as the economy table shows it:
 * "Reserveret allerede bevilgede flerårige tilskud fra Hovedpuljen 2022",
 * "Reserveret til Driftsaftale Frivilligcenter Odense 2022-2024".
 * @return what label_format() returns.
 */
int reason_reserve_text(const pool *p, const my_reserved *r, char *buf, size_t size);

#endif
