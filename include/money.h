/* money.h - Whole-krone amounts: the one money type, and its Danish parsing and printing.
 *
 * Every amount in pulje is a pulje_kr (int64_t whole kroner). Nobody formats
 * or parses an amount by hand: these helpers are the only place that knows
 * that 6.318.216 means six million and that 0,5 is a half. */
#ifndef PULJE_MONEY_H
#define PULJE_MONEY_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t pulje_kr;

/* Wide integer for exact intermediate products (amount x amount). */
typedef __int128 pulje_wide;

/* The largest single amount pulje accepts: 1.000.000.000.000 kr. Anything
 * above is an input error, which also guarantees that sums of up to nine
 * million amounts can never overflow an int64_t. */
#define MONEY_MAX INT64_C(1000000000000)

/* Enough for any formatted pulje_kr, sign and separators included. */
#define MONEY_BUFSZ 32

typedef enum {
    MONEY_OK = 0,
    MONEY_EMPTY,    /* only blanks */
    MONEY_SYNTAX,   /* not a Danish whole-krone amount */
    MONEY_DECIMALS, /* has øre (",50") that are not zero */
    MONEY_NEGATIVE, /* below zero */
    MONEY_RANGE     /* above MONEY_MAX */
} money_status;

/**
 * @brief Parse a Danish whole-krone amount.
 *
 * Accepts "50000", "50.000", "50 000" (also with a no-break space),
 * "1.234.567", an optional "kr." or "kr" before or after, and ",00" or ",-"
 * at the end. Thousands dots must sit every three digits. Leading and
 * trailing blanks are ignored. Negative amounts are reported as
 * MONEY_NEGATIVE (the value is still stored in *out).
 *
 * @param s    The text, not necessarily NUL-terminated.
 * @param len  Its length in bytes.
 * @param out  Receives the amount on MONEY_OK and MONEY_NEGATIVE; untouched otherwise.
 * @return MONEY_OK or the reason it is not an amount. This function can't fail otherwise.
 */
money_status money_parse(const char *s, size_t len, pulje_kr *out);

/** @brief A short English explanation of a money_status, for diagnostics. */
const char *money_strerror(money_status st);

/**
 * @brief Format an amount the Danish way: 6318216 -> "6.318.216", -1500 -> "-1.500".
 *
 * @param v     The amount.
 * @param buf   Output buffer of at least MONEY_BUFSZ bytes.
 * @return buf. This function can't fail.
 */
char *money_format(pulje_kr v, char *buf);

/**
 * @brief Format num/den as a Danish percentage with the given decimals: "17,3 %".
 *
 * Rounds half away from zero, exactly (no floating point). den must be > 0.
 * @return buf (at least MONEY_BUFSZ bytes). This function can't fail.
 */
char *money_format_pct(pulje_wide num, pulje_wide den, int decimals, char *buf);

/**
 * @brief Format num/den as a Danish decimal fraction with the given decimals: "0,8231".
 * @return buf (at least MONEY_BUFSZ bytes). This function can't fail.
 */
char *money_format_ratio(pulje_wide num, pulje_wide den, int decimals, char *buf);

/** @brief floor(a / b) for b > 0, exact for negative a too. */
pulje_wide money_floordiv(pulje_wide a, pulje_wide b);

#endif
