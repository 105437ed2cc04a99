/* date.c - Calendar dates written YYYY-MM-DD (see date.h). */
#include "date.h"

#include <string.h>

int date_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

const char *date_month_name(int m)
{
    static const char *const months[12] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    return m >= 1 && m <= 12 ? months[m - 1] : "";
}

date_status date_parse(const char *s, date_ymd *out)
{
    int y, m, d;

    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return DATE_SYNTAX;
    for (int i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return DATE_SYNTAX;
    }
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1900)
        return DATE_TOO_EARLY;
    if (m < 1 || m > 12)
        return DATE_NO_MONTH;
    if (d < 1 || d > date_days_in_month(y, m))
        return DATE_NO_DAY;
    out->year = y;
    out->month = m;
    out->day = d;
    return DATE_OK;
}
