/* explain_find.c - Finding an application by its number for `pulje explain NR`:
 * as written or without leading zeros, and the nearest numbers when none
 * matches (explain.h). */
#include "explain.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

/* ---- finding an application by its number ------------------------------ */

/* nr as written, without blanks at the ends and leading zeros of a number:
 * the span [*s, *s + *len). */
static void nr_key(const char *nr, const char **s, size_t *len)
{
    const char *b = nr ? nr : "", *e;

    while (*b == ' ' || *b == '\t')
        b++;
    e = b + strlen(b);
    while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    bool digits = e > b;
    for (const char *c = b; c < e; c++)
        digits = digits && *c >= '0' && *c <= '9';
    while (digits && e - b > 1 && *b == '0')
        b++;
    *s = b;
    *len = (size_t)(e - b);
}

int explain_find(const app_list *apps, const char *nr, size_t *i)
{
    const char *ks, *as;
    size_t kl, al;

    nr_key(nr, &ks, &kl);
    for (size_t k = 0; apps && k < apps->n; k++) {
        nr_key(apps->v[k].nr, &as, &al);
        if (al == kl && memcmp(as, ks, kl) == 0) {
            *i = k;
            return 0;
        }
    }
    return -1;
}

/* The number nr stands for, if it is 1 to 18 digits. */
static bool nr_value(const char *nr, uint64_t *v)
{
    const char *s;
    size_t len;

    nr_key(nr, &s, &len);
    if (len == 0 || len > 18)
        return false;
    *v = 0;
    for (size_t k = 0; k < len; k++) {
        if (s[k] < '0' || s[k] > '9')
            return false;
        *v = *v * 10 + (uint64_t)(s[k] - '0');
    }
    return true;
}

/* How far an application number is from the one asked for: numbers by
 * their difference, anything else after every number, by edit distance. */
static uint64_t nr_distance(const char *want, const char *have)
{
    uint64_t a, b;

    if (nr_value(want, &a) && nr_value(have, &b))
        return a > b ? a - b : b - a;
    return (UINT64_C(1) << 62) + (uint64_t)text_distance(want ? want : "", have ? have : "");
}

size_t explain_nearby(const app_list *apps, const char *nr, size_t *idx, size_t max)
{
    size_t got = 0;

    if (!apps || max == 0)
        return 0;
    /* Insertion into a short sorted list: max is small (the CLI asks for 5). */
    uint64_t dist[16];
    if (max > sizeof dist / sizeof dist[0])
        max = sizeof dist / sizeof dist[0];
    for (size_t k = 0; k < apps->n; k++) {
        uint64_t d = nr_distance(nr, apps->v[k].nr);
        size_t pos = got;
        while (pos > 0 && dist[pos - 1] > d)
            pos--;
        if (pos >= max)
            continue;
        size_t last = got < max ? got : max - 1;
        for (size_t m = last; m > pos; m--) {
            dist[m] = dist[m - 1];
            idx[m] = idx[m - 1];
        }
        dist[pos] = d;
        idx[pos] = k;
        if (got < max)
            got++;
    }
    return got;
}
