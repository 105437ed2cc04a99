/* money.c - Whole-krone amounts: Danish parsing and printing, exact. */
#include "money.h"

#include <string.h>

/* True for the bytes of a blank: space, tab, or a UTF-8 no-break space (C2 A0)
 * or narrow no-break space (E2 80 AF). Returns the blank's length, 0 if none. */
static size_t blank_len(const char *s, size_t len)
{
    if (len >= 1 && (s[0] == ' ' || s[0] == '\t'))
        return 1;
    if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0xAF)
        return 3;
    return 0;
}

/* Strip blanks at both ends of [*s, *s + *len). */
static void strip_blanks(const char **s, size_t *len)
{
    size_t b;
    while (*len && (b = blank_len(*s, *len)) > 0) {
        *s += b;
        *len -= b;
    }
    for (;;) {
        if (*len >= 1 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t')) {
            (*len)--;
        } else if (*len >= 2 && (unsigned char)(*s)[*len - 2] == 0xC2 &&
                   (unsigned char)(*s)[*len - 1] == 0xA0) {
            *len -= 2;
        } else if (*len >= 3 && (unsigned char)(*s)[*len - 3] == 0xE2 &&
                   (unsigned char)(*s)[*len - 2] == 0x80 &&
                   (unsigned char)(*s)[*len - 1] == 0xAF) {
            *len -= 3;
        } else {
            break;
        }
    }
}

/* Case-insensitive test whether [s, s+len) starts with the ASCII word w. */
static int starts_with_ci(const char *s, size_t len, const char *w)
{
    size_t n = strlen(w);
    if (len < n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != w[i])
            return 0;
    }
    return 1;
}

/* Remove a "kr." / "kr" / "DKK" marker at the start or the end. */
static void strip_currency(const char **s, size_t *len)
{
    static const char *const marks[] = {"kr.", "kr", "dkk"};
    for (size_t m = 0; m < 3; m++) {
        size_t n = strlen(marks[m]);
        if (starts_with_ci(*s, *len, marks[m])) {
            *s += n;
            *len -= n;
            strip_blanks(s, len);
            return;
        }
        if (*len >= n && starts_with_ci(*s + *len - n, n, marks[m])) {
            *len -= n;
            strip_blanks(s, len);
            return;
        }
    }
}

money_status money_parse(const char *s, size_t len, pulje_kr *out)
{
    int neg = 0;
    pulje_kr v = 0;
    size_t digits = 0, group = 0;
    int sep = 0; /* 0 none yet, '.', or ' ' : the thousands separator in use */

    strip_blanks(&s, &len);
    strip_currency(&s, &len);
    if (len == 0)
        return MONEY_EMPTY;

    /* Trailing ",-" or ",00"/",0": whole kroner written with øre. */
    for (size_t i = 0; i < len; i++) {
        if (s[i] != ',')
            continue;
        int nonzero = 0;
        size_t j = i + 1;
        if (j == len)
            return MONEY_SYNTAX;
        if (len - j == 1 && s[j] == '-') {
            len = i;
            break;
        }
        for (; j < len; j++) {
            if (s[j] < '0' || s[j] > '9')
                return MONEY_SYNTAX;
            if (s[j] != '0')
                nonzero = 1;
        }
        if (nonzero)
            return MONEY_DECIMALS;
        len = i;
        break;
    }
    strip_blanks(&s, &len);

    if (len && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s++;
        len--;
        strip_blanks(&s, &len);
    }
    if (len == 0 || s[0] < '0' || s[0] > '9')
        return MONEY_SYNTAX;

    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        size_t b;
        if (c >= '0' && c <= '9') {
            if (v > MONEY_MAX) /* v*10+9 stays far below INT64_MAX */
                return MONEY_RANGE;
            v = v * 10 + (c - '0');
            digits++;
            group++;
            i++;
            continue;
        }
        int this_sep = c == '.' ? '.' : ((b = blank_len(s + i, len - i)) ? ' ' : 0);
        if (!this_sep)
            return MONEY_SYNTAX;
        /* A separator: the group before it is 1-3 digits (first) or exactly 3. */
        if (sep && sep != this_sep)
            return MONEY_SYNTAX;
        if ((sep == 0 && (group < 1 || group > 3)) || (sep && group != 3))
            return MONEY_SYNTAX;
        sep = this_sep;
        group = 0;
        i += this_sep == '.' ? 1 : blank_len(s + i, len - i);
    }
    if (sep && group != 3)
        return MONEY_SYNTAX;
    if (digits == 0)
        return MONEY_SYNTAX;
    if (v > MONEY_MAX)
        return MONEY_RANGE;
    *out = neg ? -v : v;
    return neg && v != 0 ? MONEY_NEGATIVE : MONEY_OK;
}

const char *money_strerror(money_status st)
{
    switch (st) {
    case MONEY_OK:       return "a valid amount";
    case MONEY_EMPTY:    return "the amount is empty";
    case MONEY_SYNTAX:   return "not a whole-krone amount";
    case MONEY_DECIMALS: return "amounts must be whole kroner (no øre)";
    case MONEY_NEGATIVE: return "the amount is negative";
    case MONEY_RANGE:    return "the amount is larger than any pool (over 1.000.000.000.000 kr.)";
    }
    return "unknown money status";
}

/* Write the decimal digits of u (>= 0) with '.' every three digits, at the end of buf. */
static char *format_grouped(pulje_wide u, char *end, int group)
{
    int count = 0;
    *--end = '\0';
    do {
        if (group && count && count % 3 == 0)
            *--end = '.';
        *--end = (char)('0' + (int)(u % 10));
        u /= 10;
        count++;
    } while (u > 0);
    return end;
}

char *money_format(pulje_kr v, char *buf)
{
    char tmp[MONEY_BUFSZ];
    pulje_wide u = v < 0 ? -(pulje_wide)v : (pulje_wide)v;
    char *p = format_grouped(u, tmp + sizeof tmp, 1);
    size_t i = 0;
    if (v < 0)
        buf[i++] = '-';
    strcpy(buf + i, p);
    return buf;
}

pulje_wide money_floordiv(pulje_wide a, pulje_wide b)
{
    pulje_wide q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

char *money_format_ratio(pulje_wide num, pulje_wide den, int decimals, char *buf)
{
    char tmp[64];
    pulje_wide scale = 1;
    int neg = (num < 0) != (den < 0) && num != 0;
    if (num < 0)
        num = -num;
    if (den < 0)
        den = -den;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 12)
        decimals = 12;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    /* round half away from zero: (2*num*scale + den) / (2*den) */
    pulje_wide q = (2 * num * scale + den) / (2 * den);
    pulje_wide ip = q / scale, fp = q % scale;
    char *p = format_grouped(ip, tmp + 32, 1);
    size_t i = 0;
    if (neg && q != 0)
        buf[i++] = '-';
    strcpy(buf + i, p);
    i = strlen(buf);
    if (decimals > 0) {
        buf[i++] = ',';
        for (int d = decimals - 1; d >= 0; d--) {
            buf[i + (size_t)d] = (char)('0' + (int)(fp % 10));
            fp /= 10;
        }
        i += (size_t)decimals;
    }
    buf[i] = '\0';
    return buf;
}

char *money_format_pct(pulje_wide num, pulje_wide den, int decimals, char *buf)
{
    money_format_ratio(num * 100, den, decimals, buf);
    strcat(buf, " %");
    return buf;
}
