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
    MONEY_RANGE,    /* above MONEY_MAX */
    MONEY_AMBIGUOUS,/* ',' before three digits after 1-3 digits: "100,000" is 100 kr.
                       in Danish and 100.000 kr. in English */
    MONEY_ENGLISH,  /* ',' between thousands, as in English: "1,000,000", "100,000.00" */
    MONEY_POINT,    /* one '.' before one or two digits, an English decimal point: "50.00" */
    MONEY_GROUPING  /* thousands separators not every three digits, or mixed: "1.00.000",
                       "50 00", "1.000 000" */
} money_status;

/**
 * @brief Parse a Danish whole-krone amount: the one grammar of every reader.
 *
 *   amount  = [marker] [sign] number [whole] [marker]
 *   marker  = "kr." | "kr" | "DKK"  (any case, before or after, blanks around)
 *   number  = digits | 1-3 digits, then groups of a separator and exactly 3 digits
 *   sep     = "." | " " | U+00A0 no-break space | U+202F narrow no-break space,
 *             the same one throughout
 *   whole   = ",-" | ",0" | ",00"   (whole kroner written with øre)
 *
 * So "50000", "50.000", "50 000", "kr. 50.000", "50.000 kr.", "50.000,-" and
 * "50.000,00" are all 50000. Anything that a reader could take two ways is
 * refused, never guessed: "100,000" (100 kr. in Danish, 100.000 kr. in
 * English) is MONEY_AMBIGUOUS, "1,000,000" MONEY_ENGLISH, "50.00" and "1.5"
 * MONEY_POINT, "1.00.000" and "50 00" MONEY_GROUPING, ",50" øre
 * MONEY_DECIMALS. Leading and trailing blanks are ignored. Negative amounts
 * are reported as MONEY_NEGATIVE (the value is still stored in *out).
 * money_explain() words any refusal, with both readings when there are two.
 *
 * @param s    The text, not necessarily NUL-terminated.
 * @param len  Its length in bytes.
 * @param out  Receives the amount on MONEY_OK and MONEY_NEGATIVE; untouched otherwise.
 * @return MONEY_OK or the reason it is not an amount. This function can't fail otherwise.
 *
 * @code
 * pulje_kr v;
 * money_parse("50.000,-", 8, &v);          // MONEY_OK, v = 50000
 * money_parse("100,000", 7, &v);           // MONEY_AMBIGUOUS
 * @endcode
 */
money_status money_parse(const char *s, size_t len, pulje_kr *out);

/** @brief A short English explanation of a money_status, for diagnostics. */
const char *money_strerror(money_status st);

/**
 * @brief Why the text s is not an amount, in English, to follow the quoted
 * text in a message: for "100,000" and MONEY_AMBIGUOUS "is ambiguous: 100 kr.
 * or 100.000 kr.?"; for "50.00" and MONEY_POINT "has a '.' before 2 digits:
 * in Danish '.' separates thousands (50.000); as an English decimal point it
 * would be 50 kr."; for other statuses "is not an amount: " and
 * money_strerror().
 *
 * @param s, len  The text given to money_parse().
 * @param st      What money_parse() returned for it (not MONEY_OK).
 * @param buf     Receives the explanation, truncated to size.
 * @return buf. This function can't fail.
 */
char *money_explain(const char *s, size_t len, money_status st, char *buf, size_t size);

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

/*
 * Text for people, in the labels' language (labels_language()): Danish
 * "2.085.200", "0,6452", "35,5 %" and "2.085.200 kr."; English "2,085,200",
 * "0.6452", "35.5%" and "DKK 2,085,200". Use these wherever the number is
 * read in a sentence, a summary or a workbook's text; keep money_format()
 * and friends for data (CSV cells) and for the amounts an officer types,
 * since money_parse() reads only the Danish form ("100,000" is refused as
 * ambiguous).
 */

/* Enough for money_amount_text(): a formatted amount and its currency. */
#define MONEY_AMOUNT_BUFSZ (MONEY_BUFSZ + 8)

/** @brief money_format() in the labels' language: "6.318.216" or "6,318,216". Can't fail. */
char *money_format_text(pulje_kr v, char *buf);

/**
 * @brief An amount with its currency in the labels' language: "6.318.216 kr."
 * or "DKK 6,318,216". buf holds at least MONEY_AMOUNT_BUFSZ bytes. Can't fail.
 */
char *money_amount_text(pulje_kr v, char *buf);

/** @brief money_format_ratio() in the labels' language: "0,8231" or "0.8231". Can't fail. */
char *money_format_ratio_text(pulje_wide num, pulje_wide den, int decimals, char *buf);

/** @brief money_format_pct() in the labels' language: "17,3 %" or "17.3%". Can't fail. */
char *money_format_pct_text(pulje_wide num, pulje_wide den, int decimals, char *buf);

/** @brief floor(a / b) for b > 0, exact for negative a too. */
pulje_wide money_floordiv(pulje_wide a, pulje_wide b);

#endif
