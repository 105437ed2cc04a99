/* text.c - Encodings (UTF-8, BOM, Windows-1252 via iconv) and small string helpers. */
#include "text.h"
#include "messages.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The length of the valid UTF-8 sequence at s (1 for ASCII), or 0 if the
 * byte at s does not start one. */
static size_t utf8_seq(const unsigned char *s, size_t len)
{
    unsigned c = s[0], cp;
    size_t n;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (len <= n)
        return 0;
    for (size_t k = 1; k <= n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n + 1;
}

bool text_is_utf8(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0, n; i < len; i += n)
        if ((n = utf8_seq(s + i, len - i)) == 0)
            return false;
    return true;
}

/* Convert Windows-1252 to UTF-8 with iconv. Returns 0 or -1. */
static int cp1252_to_utf8(const char *in, size_t len, char **out, size_t *outlen)
{
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    size_t cap = len * 3 + 1, inleft = len, outleft = cap - 1;
    char *buf, *ip = (char *)in, *op;

    if (cd == (iconv_t)-1)
        return -1;
    buf = malloc(cap);
    if (!buf) {
        iconv_close(cd);
        return -1;
    }
    op = buf;
    while (inleft > 0) {
        if (iconv(cd, &ip, &inleft, &op, &outleft) == (size_t)-1) {
            if (errno != EILSEQ && errno != EINVAL) {
                free(buf);
                iconv_close(cd);
                return -1;
            }
            /* 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in Windows-1252:
             * keep the file readable and mark the spot with U+FFFD. */
            if (outleft < 3) {
                free(buf);
                iconv_close(cd);
                return -1;
            }
            memcpy(op, "\xEF\xBF\xBD", 3);
            op += 3;
            outleft -= 3;
            ip++;
            inleft--;
        }
    }
    iconv_close(cd);
    *op = '\0';
    *out = buf;
    *outlen = (size_t)(op - buf);
    return 0;
}

int text_to_utf8(const char *in, size_t len, char **out, size_t *outlen,
                 text_encoding *enc)
{
    text_encoding e = TEXT_UTF8;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) {
        in += 3;
        len -= 3;
        e = TEXT_UTF8_BOM;
    }
    if (!text_is_utf8(in, len)) {
        if (enc)
            *enc = TEXT_CP1252;
        return cp1252_to_utf8(in, len, out, outlen);
    }
    *out = text_strndup(in, len);
    if (!*out)
        return -1;
    *outlen = len;
    if (enc)
        *enc = e;
    return 0;
}

/* text_decode(), and with borrow set, valid UTF-8 is not copied: *out stays
 * NULL and *view points into in (after a BOM). */
static int decode(const char *in, size_t len, const char **view, char **out, size_t *outlen,
                  text_info *info, bool borrow)
{
    const unsigned char *s;
    size_t multibyte = 0, invalid = 0, high = 0, o = 0;
    unsigned line = 1, first_line = 0, first_bad_line = 0;
    text_info tmp;
    char *buf;

    if (!info)
        info = &tmp;
    memset(info, 0, sizeof *info);
    info->enc = TEXT_UTF8;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) {
        in += 3;
        len -= 3;
        info->enc = TEXT_UTF8_BOM;
    }
    s = (const unsigned char *)in;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(s + i, len - i);
        if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < len && s[i + 1] == '\n')))
            line++;
        if (s[i] >= 0x80)
            high++;
        if (k > 1 && multibyte++ == 0)
            first_line = line;
        if (k == 0 && invalid++ == 0)
            first_bad_line = line;
        i += k ? k : 1;
    }
    info->invalid = invalid;
    info->first_utf8_line = first_line;
    info->first_invalid_line = first_bad_line;
    if (info->enc == TEXT_UTF8 && multibyte == 0 && high > 0) {
        info->enc = TEXT_CP1252;
        info->invalid = 0;
        return cp1252_to_utf8(in, len, out, outlen);
    }
    if (invalid == 0 && borrow) {
        *out = NULL;
        *view = in;
        *outlen = len;
        return 0;
    }
    if (invalid == 0) {
        *out = text_strndup(in, len);
        if (!*out)
            return -1;
        *outlen = len;
        return 0;
    }
    /* UTF-8 with stray bytes: each becomes U+E000 + the byte (EE 82 80..EE 83 BF),
     * so that a reader can name it where it stands. */
    if (len > (SIZE_MAX - 1) / 3)
        return -1;
    buf = malloc(len * 3 + 1);
    if (!buf)
        return -1;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(s + i, len - i);
        if (k == 0) {
            unsigned cp = TEXT_INVALID_BASE + s[i];
            buf[o++] = (char)(0xE0 | (cp >> 12));
            buf[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            buf[o++] = (char)(0x80 | (cp & 0x3F));
            i++;
        } else {
            memcpy(buf + o, s + i, k);
            o += k;
            i += k;
        }
    }
    buf[o] = '\0';
    *out = buf;
    *outlen = o;
    return 0;
}

int text_decode(const char *in, size_t len, char **out, size_t *outlen, text_info *info)
{
    const char *view;
    return decode(in, len, &view, out, outlen, info, false);
}

int text_decode_borrow(const char *in, size_t len, const char **view, char **out,
                       size_t *outlen, text_info *info)
{
    int rc = decode(in, len, view, out, outlen, info, true);
    if (rc == 0 && *out)
        *view = *out;
    return rc;
}

int text_invalid_byte(const char *s, size_t len)
{
    unsigned cp;
    if (len < 3 || (unsigned char)s[0] != 0xEE)
        return -1;
    cp = ((unsigned)((unsigned char)s[0] & 0x0F) << 12) |
         ((unsigned)((unsigned char)s[1] & 0x3F) << 6) | ((unsigned char)s[2] & 0x3F);
    if (((unsigned char)s[1] & 0xC0) != 0x80 || ((unsigned char)s[2] & 0xC0) != 0x80 ||
        cp < TEXT_INVALID_BASE + 0x80 || cp > TEXT_INVALID_BASE + 0xFF)
        return -1;
    return (int)(cp - TEXT_INVALID_BASE);
}

size_t text_control_at(const char *str, size_t len, size_t *at)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < len; i++) {
        if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') || s[i] == 0x7F) {
            *at = i;
            return s[i];
        }
        if (s[i] == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) {
            *at = i;
            return s[i + 1];
        }
    }
    return SIZE_MAX;
}

const char *text_control_name(unsigned cp)
{
    static const char *const c0[32] = {
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF",
        "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
        "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    if (cp < 32)
        return c0[cp];
    if (cp == 0x7F)
        return "DEL";
    return "C1 control";
}

int text_read_file(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f)
        return -1;
    for (;;) {
        if (cap - n < 65536) {
            size_t ncap = cap ? cap * 2 : 65536 + 1;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return -1;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno ? errno : EIO;
        free(buf);
        fclose(f);
        errno = e;
        return -1;
    }
    fclose(f);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

char *text_strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *text_trim(char *s)
{
    size_t len = strlen(s), start = 0;
    for (;;) {
        if (start < len && (s[start] == ' ' || s[start] == '\t' || s[start] == '\r' ||
                            s[start] == '\n'))
            start++;
        else if (len - start >= 2 && (unsigned char)s[start] == 0xC2 &&
                 (unsigned char)s[start + 1] == 0xA0)
            start += 2;
        else
            break;
    }
    for (;;) {
        if (len > start && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
                            s[len - 1] == '\n'))
            len--;
        else if (len - start >= 2 && (unsigned char)s[len - 2] == 0xC2 &&
                 (unsigned char)s[len - 1] == 0xA0)
            len -= 2;
        else
            break;
    }
    memmove(s, s + start, len - start);
    s[len - start] = '\0';
    return s;
}

char *text_fold(const char *s)
{
    size_t len = strlen(s);
    char *d = malloc(len + 1), *o = d;
    if (!d)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '-' || c == '_' || c == '/' || c == '.' ||
            c == '(' || c == ')' || c == ':')
            continue;
        if (c >= 'A' && c <= 'Z') {
            *o++ = (char)(c - 'A' + 'a');
        } else if (c == 0xC3 && i + 1 < len &&
                   ((unsigned char)s[i + 1] == 0x86 || (unsigned char)s[i + 1] == 0x98 ||
                    (unsigned char)s[i + 1] == 0x85)) {
            /* Æ Ø Å -> æ ø å */
            *o++ = (char)c;
            *o++ = (char)((unsigned char)s[i + 1] + 0x20);
            i++;
        } else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
            i++; /* no-break space */
        } else {
            *o++ = (char)c;
        }
    }
    *o = '\0';
    return d;
}

int text_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    int row[64];
    if (la > 63 || lb > 63)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int prev = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cur = row[j];
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = prev + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb] > 99 ? 99 : row[lb];
}

/* UTF-8 letters folded to ASCII by text_slug (lower and upper case). */
static const struct {
    const char *utf8, *ascii;
} slug_folds[] = {
    {"\xC3\xA6", "ae"}, {"\xC3\x86", "ae"}, /* ae ligature */
    {"\xC3\xB8", "oe"}, {"\xC3\x98", "oe"}, /* o with stroke */
    {"\xC3\xA5", "aa"}, {"\xC3\x85", "aa"}, /* a with ring */
    {"\xC3\xA4", "ae"}, {"\xC3\x84", "ae"}, /* a umlaut */
    {"\xC3\xB6", "oe"}, {"\xC3\x96", "oe"}, /* o umlaut */
    {"\xC3\xBC", "ue"}, {"\xC3\x9C", "ue"}, /* u umlaut */
    {"\xC3\xA9", "e"},  {"\xC3\x89", "e"},  /* e acute */
};

char *text_slug(const char *s, char *buf, size_t size)
{
    size_t o = 0;
    int dash = 0;

    if (!buf || size == 0)
        return buf;
    for (s = s ? s : ""; *s;) {
        char one[2] = {0, 0};
        const char *ascii = NULL;
        size_t skip = 1;

        if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
            one[0] = *s;
        else if (*s >= 'A' && *s <= 'Z')
            one[0] = (char)(*s - 'A' + 'a');
        if (one[0]) {
            ascii = one;
        } else {
            for (size_t k = 0; k < sizeof slug_folds / sizeof slug_folds[0]; k++) {
                size_t n = strlen(slug_folds[k].utf8);
                if (strncmp(s, slug_folds[k].utf8, n) == 0) {
                    ascii = slug_folds[k].ascii;
                    skip = n;
                    break;
                }
            }
        }
        if (ascii) {
            if (dash && o > 0 && o + 1 < size)
                buf[o++] = '-';
            dash = 0;
            for (; *ascii && o + 1 < size; ascii++)
                buf[o++] = *ascii;
        } else {
            dash = 1; /* runs of anything else become one '-', none at the ends */
        }
        s += skip;
    }
    buf[o] = '\0';
    return buf;
}

int text_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || ca == 0)
            return ca - cb;
    }
}

void text_set_err(char *err, size_t errsz, const char *fmt, ...)
{
    va_list ap;

    if (!err || errsz == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(err, errsz, msg_tr(fmt), ap);
    va_end(ap);
}

char *text_fold_name(const char *s)
{
    char *f = text_fold(s), *o;

    if (!f)
        return NULL;
    o = f;
    for (const char *c = f; *c; c++) {
        unsigned char u = (unsigned char)*c;
        if (u >= 0x20 && u < 0x7F && !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z')))
            continue; /* ASCII blanks and punctuation */
        *o++ = *c;
    }
    *o = '\0';
    return f;
}

/* ---- did you mean ------------------------------------------------------ */

/* The characters of s, one cell per UTF-8 sequence (its bytes packed; a
 * stray byte is a character of its own), into cp[0..max). Returns their
 * number, or max + 1 when s has more. */
static size_t text_chars(const char *s, unsigned *cp, size_t max)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), n = 0;

    for (size_t i = 0; i < len; n++) {
        size_t k = utf8_seq(u + i, len - i);
        unsigned v = 0;
        if (k == 0)
            k = 1;
        if (n == max)
            return max + 1;
        for (size_t j = 0; j < k; j++)
            v = (v << 8) | u[i + j];
        cp[n] = v;
        i += k;
    }
    return n;
}

/* The edit distance of two character arrays of at most TEXT_SUGGEST_MAX:
 * insertions, deletions, substitutions and swaps of two neighbours ("rnu"
 * for "run") count one each (optimal string alignment). */
static int chars_distance(const unsigned *a, size_t la, const unsigned *b, size_t lb)
{
    int d[TEXT_SUGGEST_MAX + 1][TEXT_SUGGEST_MAX + 1];

    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

int text_suggest_limit(size_t n)
{
    return n <= 3 ? 1 : n <= 5 ? 2 : 3;
}

int text_suggest(const char *word, const char *const *cands, size_t n, int *oom)
{
    unsigned w[TEXT_SUGGEST_MAX], c[TEXT_SUGGEST_MAX];
    char *fw = text_fold(word ? word : "");
    size_t nw;
    int found = -1, best = TEXT_SUGGEST_MAX + 1;

    if (!fw) {
        if (oom)
            *oom = 1;
        return -1;
    }
    nw = text_chars(fw, w, TEXT_SUGGEST_MAX);
    free(fw);
    if (nw > TEXT_SUGGEST_MAX || nw == 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char *fc = text_fold(cands[i] ? cands[i] : "");
        size_t nc;
        int d;
        if (!fc) {
            if (oom)
                *oom = 1;
            return -1;
        }
        nc = text_chars(fc, c, TEXT_SUGGEST_MAX);
        free(fc);
        if (nc > TEXT_SUGGEST_MAX || nc == 0)
            continue;
        d = chars_distance(w, nw, c, nc);
        if (d <= text_suggest_limit(nc) && d < best) {
            best = d;
            found = (int)i;
        }
    }
    return found;
}

void text_buf_add(text_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *v = realloc(b->s, cap);
        if (!v) {
            b->oom = 1;
            return;
        }
        b->s = v;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

void text_buf_str(text_buf *b, const char *s)
{
    text_buf_add(b, s, strlen(s));
}
