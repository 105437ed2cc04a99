/* date.h - Calendar dates written YYYY-MM-DD: the one parser for the pool
 * file's decision_date and the workbook's date cells.
 *
 * A date is a real day of the proleptic Gregorian calendar from 1900-01-01
 * (the first day a workbook can show) to 9999-12-31. */
#ifndef PULJE_DATE_H
#define PULJE_DATE_H

/* A calendar day. */
typedef struct date_ymd {
    int year;   /* 1900..9999 */
    int month;  /* 1..12 */
    int day;    /* 1..date_days_in_month(year, month) */
} date_ymd;

/* Why a text is not a date; DATE_OK if it is one. */
typedef enum date_status {
    DATE_OK = 0,
    DATE_SYNTAX,      /* not ten characters YYYY-MM-DD of digits and '-' (or NULL) */
    DATE_TOO_EARLY,   /* before 1900-01-01, which a workbook cannot show */
    DATE_NO_MONTH,    /* the month is not 01..12 */
    DATE_NO_DAY       /* the day is not in the month */
} date_status;

/**
 * @brief Parse "YYYY-MM-DD", strictly: ten characters, no blanks.
 *
 * @code
 * date_ymd d;
 * date_parse("2022-12-13", &d);   // DATE_OK, d = {2022, 12, 13}
 * date_parse("2023-02-29", &d);   // DATE_NO_DAY
 * date_parse("1899-12-31", &d);   // DATE_TOO_EARLY
 * @endcode
 * @param s    The text; NULL is DATE_SYNTAX.
 * @param out  Set only when DATE_OK is returned; may then be read. Left
 *             unaltered otherwise.
 * @return DATE_OK, or why the text is not a date in 1900-01-01..9999-12-31.
 */
date_status date_parse(const char *s, date_ymd *out);

/** @brief Days in month m (1..12) of year y, leap years counted. This function can't fail. */
int date_days_in_month(int y, int m);

/** @brief The English name of month m (1..12), "January"; "" outside 1..12. */
const char *date_month_name(int m);

#endif
