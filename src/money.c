/* money.c - Whole-krone amounts: Danish parsing and printing, exact. */
#include "money.h"
#include "labels.h"
#include "messages.h"

#include <stdio.h>
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

/* True for an ASCII digit. */
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The number of digits at s (at most len). */
static size_t digit_run(const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && is_digit(s[n]))
        n++;
    return n;
}

/* True if [s, s+len) is English thousands grouping with ',': 1-3 digits, then
 * one or more ",ddd", optionally ".dd" decimals at the end ("1,000,000",
 * "100,000.00"). */
static int english_grouping(const char *s, size_t len)
{
    size_t i = digit_run(s, len), groups = 0;
    if (i < 1 || i > 3)
        return 0;
    while (i < len && s[i] == ',') {
        if (digit_run(s + i + 1, len - i - 1) != 3)
            return 0;
        i += 4;
        groups++;
    }
    if (groups == 0)
        return 0;
    if (i < len && s[i] == '.') {
        size_t d = digit_run(s + i + 1, len - i - 1);
        if (d == 0 || d > 2)
            return 0;
        i += 1 + d;
    }
    return i == len;
}

/* The whole-krone digits of [s, s+len), grouped by one separator kind used
 * every three digits. Returns MONEY_OK and *v, or why not (MONEY_SYNTAX,
 * MONEY_POINT, MONEY_GROUPING, MONEY_RANGE). */
static money_status parse_digits(const char *s, size_t len, pulje_kr *v)
{
    size_t digits = 0, group = 0, first = 0, seps = 0;
    int sep = 0; /* 0 none yet, '.', or ' ': the thousands separator in use */
    int mixed = 0, bad_group = 0;
    pulje_kr x = 0;

    if (len == 0 || !is_digit(s[0]))
        return MONEY_SYNTAX;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        size_t b = 0;
        if (is_digit((char)c)) {
            if (x > MONEY_MAX) /* x*10+9 stays far below INT64_MAX */
                return MONEY_RANGE;
            x = x * 10 + (c - '0');
            digits++;
            group++;
            i++;
            continue;
        }
        int this_sep = c == '.' ? '.' : ((b = blank_len(s + i, len - i)) ? ' ' : 0);
        if (!this_sep)
            return MONEY_SYNTAX;
        if (i + (this_sep == '.' ? 1 : b) >= len || !is_digit(s[i + (this_sep == '.' ? 1 : b)]))
            return MONEY_SYNTAX; /* "50." or "50. 000": a separator not between digits */
        /* A separator: the group before it is 1-3 digits (first) or exactly 3. */
        if (sep && sep != this_sep)
            mixed = 1;
        if (seps == 0)
            first = group;
        if ((seps == 0 && (group < 1 || group > 3)) || (seps && group != 3))
            bad_group = 1;
        sep = this_sep;
        seps++;
        group = 0;
        i += this_sep == '.' ? 1 : b;
    }
    if (digits == 0)
        return MONEY_SYNTAX;
    if (x > MONEY_MAX)
        return MONEY_RANGE;
    if (seps && (mixed || bad_group || group != 3)) {
        /* one '.' before one or two digits: an English decimal point ("50.00", "1.5") */
        if (seps == 1 && sep == '.' && group >= 1 && group <= 2 && first >= 1)
            return MONEY_POINT;
        return MONEY_GROUPING;
    }
    *v = x;
    return MONEY_OK;
}

money_status money_parse(const char *s, size_t len, pulje_kr *out)
{
    int neg = 0;
    pulje_kr v = 0;
    const char *comma;
    money_status st;

    strip_blanks(&s, &len);
    strip_currency(&s, &len);
    if (len == 0)
        return MONEY_EMPTY;

    if (len && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s++;
        len--;
        strip_blanks(&s, &len);
    }
    if (len == 0)
        return MONEY_SYNTAX;

    comma = memchr(s, ',', len);
    if (comma) {
        size_t head = (size_t)(comma - s), tail = len - head - 1;
        const char *t = comma + 1;
        size_t td = digit_run(t, tail);
        if (english_grouping(s, len) &&
            (memchr(t, ',', tail) || memchr(t, '.', tail)))
            return MONEY_ENGLISH; /* "1,000,000", "100,000.00" */
        if (tail == 1 && t[0] == '-') {
            len = head; /* ",-": whole kroner */
        } else if (td != tail || td == 0) {
            return MONEY_SYNTAX;
        } else if (td == 3 && head >= 1 && head <= 3 && digit_run(s, head) == head) {
            return MONEY_AMBIGUOUS; /* "100,000": 100 kr. or 100.000 kr.? */
        } else {
            for (size_t j = 0; j < td; j++)
                if (t[j] != '0')
                    return MONEY_DECIMALS;
            len = head;
        }
        strip_blanks(&s, &len);
    }
    st = parse_digits(s, len, &v);
    if (st != MONEY_OK)
        return st;
    *out = neg ? -v : v;
    return neg && v != 0 ? MONEY_NEGATIVE : MONEY_OK;
}

const char *money_strerror(money_status st)
{
    switch (st) {
    case MONEY_OK:        return msg_tr("a valid amount");
    case MONEY_EMPTY:     return msg_tr("the amount is empty");
    case MONEY_SYNTAX:    return msg_tr("not a whole-krone amount");
    case MONEY_DECIMALS:  return msg_tr("amounts must be whole kroner (no øre)");
    case MONEY_NEGATIVE:  return msg_tr("the amount is negative");
    case MONEY_RANGE:     return msg_tr("the amount is larger than any pool (over DKK 1,000,000,000,000)");
    case MONEY_AMBIGUOUS: return msg_tr("the amount can be read two ways (',' before three digits)");
    case MONEY_ENGLISH:   return msg_tr("the amount is written the English way (',' between thousands)");
    case MONEY_POINT:     return msg_tr("a '.' separates thousands and must be followed by three digits");
    case MONEY_GROUPING:  return msg_tr("the thousands separators are not every three digits");
    }
    return msg_tr("unknown money status");
}

/* Append the digits of [s, s+len) to buf (size), skipping separators. */
static void append_digits(char *buf, size_t size, const char *s, size_t len)
{
    size_t o = strlen(buf);
    for (size_t i = 0; i < len && o + 1 < size; i++)
        if (is_digit(s[i]))
            buf[o++] = s[i];
    buf[o] = '\0';
}

/* The digits of [s, s+len) as an amount in Danish format with " kr.", into
 * buf; "" when they are too many. */
static void reading(const char *digits, size_t n, char *buf, size_t size)
{
    pulje_kr v = 0;
    char m[MONEY_BUFSZ];
    buf[0] = '\0';
    if (n == 0 || n > 13)
        return;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (digits[i] - '0');
    snprintf(buf, size, "%s kr.", money_format(v, m));
}

char *money_explain(const char *s, size_t len, money_status st, char *buf, size_t size)
{
    char a[64] = "", b[64] = "", digits[64] = "";
    const char *comma;

    if (size == 0)
        return buf;
    strip_blanks(&s, &len);
    strip_currency(&s, &len);
    if (len && (s[0] == '-' || s[0] == '+')) {
        s++;
        len--;
    }
    comma = memchr(s, ',', len);
    switch (st) {
    case MONEY_AMBIGUOUS:
        if (comma) {
            size_t head = (size_t)(comma - s), tl = len - head - 1;
            char dec[8] = "";
            size_t dn = tl < sizeof dec - 1 ? tl : sizeof dec - 1;
            memcpy(dec, comma + 1, dn);
            dec[dn] = '\0';
            while (dn > 0 && dec[dn - 1] == '0')
                dec[--dn] = '\0';
            append_digits(digits, sizeof digits, s, head);
            reading(digits, strlen(digits), a, sizeof a);
            if (dn && strlen(a) > 4)
                snprintf(a + strlen(a) - 4, sizeof a - (strlen(a) - 4), ",%s kr.", dec);
            append_digits(digits, sizeof digits, comma + 1, tl);
            reading(digits, strlen(digits), b, sizeof b);
        }
        snprintf(buf, size, msg_tr("is ambiguous: %s or %s?"), a, b);
        break;
    case MONEY_ENGLISH:
        for (size_t i = 0; i < len && s[i] != '.'; i++)
            if (is_digit(s[i]))
                append_digits(digits, sizeof digits, s + i, 1);
        reading(digits, strlen(digits), a, sizeof a);
        snprintf(buf, size,
                 msg_tr("is not an amount: it uses ',' between thousands, as in English; in Danish "
                 "it is %s"),
                 a);
        break;
    case MONEY_POINT: {
        const char *dot = memchr(s, '.', len);
        size_t head = dot ? (size_t)(dot - s) : len;
        append_digits(digits, sizeof digits, s, head);
        reading(digits, strlen(digits), a, sizeof a);
        if (dot) {
            size_t dn = len - head - 1, z = dn;
            while (z > 0 && dot[z] == '0')
                z--;
            if (z > 0 && strlen(a) > 4)
                snprintf(a + strlen(a) - 4, sizeof a - (strlen(a) - 4), ",%.*s kr.", (int)z,
                         dot + 1);
        }
        snprintf(buf, size,
                 msg_tr("is not an amount: it has a '.' before %zu digit%s, but in Danish '.' "
                 "separates thousands (50.000); as an English decimal point it would be %s"),
                 dot ? len - head - 1 : 0, dot && len - head - 1 == 1 ? "" : "s", a);
        break;
    }
    case MONEY_GROUPING:
        snprintf(buf, size,
                 msg_tr("is not an amount: its thousands separators are not every three digits "
                 "from the right, as in 1.000.000 (one kind of separator throughout)"));
        break;
    default:
        snprintf(buf, size, msg_tr("is not an amount: %s"), money_strerror(st));
        break;
    }
    return buf;
}

/* Write the decimal digits of u (>= 0) with the separator group (0: none) every three
 * digits, at the end of buf. */
static char *format_grouped(pulje_wide u, char *end, char group)
{
    int count = 0;
    *--end = '\0';
    do {
        if (group && count && count % 3 == 0)
            *--end = group;
        *--end = (char)('0' + (int)(u % 10));
        u /= 10;
        count++;
    } while (u > 0);
    return end;
}

/* Format v with the thousands separator group. */
static char *format_amount(pulje_kr v, char *buf, char group)
{
    char tmp[MONEY_BUFSZ];
    pulje_wide u = v < 0 ? -(pulje_wide)v : (pulje_wide)v;
    char *p = format_grouped(u, tmp + sizeof tmp, group);
    size_t i = 0;
    if (v < 0)
        buf[i++] = '-';
    strcpy(buf + i, p);
    return buf;
}

char *money_format(pulje_kr v, char *buf)
{
    return format_amount(v, buf, '.');
}

/* True when text is shown in English (--lang en). */
static int english(void)
{
    return labels_language() == LABEL_EN;
}

char *money_format_text(pulje_kr v, char *buf)
{
    return format_amount(v, buf, english() ? ',' : '.');
}

char *money_amount_text(pulje_kr v, char *buf)
{
    char m[MONEY_BUFSZ];
    if (english())
        snprintf(buf, MONEY_AMOUNT_BUFSZ, "DKK %s", format_amount(v, m, ','));
    else
        snprintf(buf, MONEY_AMOUNT_BUFSZ, "%s kr.", format_amount(v, m, '.'));
    return buf;
}

pulje_wide money_floordiv(pulje_wide a, pulje_wide b)
{
    pulje_wide q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

/* num/den with decimals, grouped by group, with point as the decimal mark. */
static char *format_ratio(pulje_wide num, pulje_wide den, int decimals, char *buf, char group,
                          char point)
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
    char *p = format_grouped(ip, tmp + 32, group);
    size_t i = 0;
    if (neg && q != 0)
        buf[i++] = '-';
    strcpy(buf + i, p);
    i = strlen(buf);
    if (decimals > 0) {
        buf[i++] = point;
        for (int d = decimals - 1; d >= 0; d--) {
            buf[i + (size_t)d] = (char)('0' + (int)(fp % 10));
            fp /= 10;
        }
        i += (size_t)decimals;
    }
    buf[i] = '\0';
    return buf;
}

char *money_format_ratio(pulje_wide num, pulje_wide den, int decimals, char *buf)
{
    return format_ratio(num, den, decimals, buf, '.', ',');
}

char *money_format_pct(pulje_wide num, pulje_wide den, int decimals, char *buf)
{
    money_format_ratio(num * 100, den, decimals, buf);
    strcat(buf, " %");
    return buf;
}

char *money_format_ratio_text(pulje_wide num, pulje_wide den, int decimals, char *buf)
{
    if (english())
        return format_ratio(num, den, decimals, buf, ',', '.');
    return money_format_ratio(num, den, decimals, buf);
}

char *money_format_pct_text(pulje_wide num, pulje_wide den, int decimals, char *buf)
{
    if (!english())
        return money_format_pct(num, den, decimals, buf);
    format_ratio(num * 100, den, decimals, buf, ',', '.');
    strcat(buf, "%");
    return buf;
}
