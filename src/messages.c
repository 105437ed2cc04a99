/* messages.c - The Danish text of every English message: one table of pairs, and msg_tr(). */
#include "messages.h"

#include <string.h>

#include "labels.h"

typedef struct {
    const char *en, *da;
} msg_entry;

/* English (as written at the call site) and Danish. Keep the printf
 * conversions of the two the same and in the same order (tested). Words of
 * the grant office: ansøgning, tilsagn, bevilling, pulje, rådighedsbeløb,
 * indstillet, afslag, tillæg, øremærkning, forpligtelse, afrunding. */
static const msg_entry table[] = {
    {"error", "fejl"},
};

size_t msg_count(void)
{
    return sizeof table / sizeof table[0];
}

void msg_pair(size_t i, const char **english, const char **danish)
{
    *english = i < msg_count() ? table[i].en : NULL;
    *danish = i < msg_count() ? table[i].da : NULL;
}

const char *msg_danish(const char *english)
{
    if (!english)
        return NULL;
    for (size_t i = 0; i < msg_count(); i++)
        if (table[i].en[0] == english[0] && strcmp(table[i].en, english) == 0)
            return table[i].da;
    return NULL;
}

/* Skip a printf conversion's flags, width, precision; append its length
 * modifier and letter to out. Returns the character after it. */
static const char *one_conversion(const char *p, char *out, size_t size, size_t *n)
{
    char spec[8];
    size_t k = 0;

    while (*p && strchr("-+ #0'", *p))
        p++;
    if (*p == '*') {
        if (*n + 2 < size) {
            out[(*n)++] = '*';
            out[(*n)++] = ' ';
        }
        p++;
    }
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '.') {
        p++;
        if (*p == '*') {
            if (*n + 2 < size) {
                out[(*n)++] = '*';
                out[(*n)++] = ' ';
            }
            p++;
        }
        while (*p >= '0' && *p <= '9')
            p++;
    }
    while (*p && strchr("hljztL", *p) && k < 4)
        spec[k++] = *p++;
    if (*p)
        spec[k++] = *p++;
    for (size_t i = 0; i < k && *n + 2 < size; i++)
        out[(*n)++] = spec[i];
    if (*n + 1 < size)
        out[(*n)++] = ' ';
    return p;
}

char *msg_conversions(const char *fmt, char *out, size_t size)
{
    size_t n = 0;

    if (size == 0)
        return out;
    for (const char *p = fmt; p && *p;) {
        if (*p != '%') {
            p++;
        } else if (p[1] == '%') {
            p += 2;
        } else {
            p = one_conversion(p + 1, out, size, &n);
        }
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return out;
}

const char *msg_tr(const char *english)
{
    const char *da;
    char a[128], b[128];

    if (!english || labels_language() != LABEL_DA)
        return english;
    da = msg_danish(english);
    if (!da)
        return english;
    /* a Danish format with other conversions would read the wrong arguments */
    if (strchr(english, '%') || strchr(da, '%')) {
        msg_conversions(english, a, sizeof a);
        msg_conversions(da, b, sizeof b);
        if (strcmp(a, b) != 0)
            return english;
    }
    return da;
}
