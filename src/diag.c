/* diag.c - Diagnostics: a growable list of problems with file, line, column and hint. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "messages.h"

void diag_init(diag_list *dl)
{
    memset(dl, 0, sizeof *dl);
}

void diag_free(diag_list *dl)
{
    for (size_t i = 0; i < dl->n; i++) {
        free(dl->v[i].file);
        free(dl->v[i].msg);
        free(dl->v[i].hint);
    }
    free(dl->v);
    diag_init(dl);
}

static char *dup_or_null(const char *s, int *failed)
{
    char *d;
    if (!s)
        return NULL;
    d = strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

void diag_add(diag_list *dl, diag_level level, const char *file, unsigned line,
              unsigned col, const char *hint, const char *fmt, ...)
{
    va_list ap;
    char buf[1024];
    int failed = 0;
    diag d;

    if (level == DIAG_ERROR)
        dl->n_errors++;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, msg_tr(fmt), ap);
    va_end(ap);

    if (dl->n == dl->cap) {
        size_t cap = dl->cap ? dl->cap * 2 : 16;
        diag *v = realloc(dl->v, cap * sizeof *v);
        if (!v) {
            dl->oom = 1;
            return;
        }
        dl->v = v;
        dl->cap = cap;
    }
    d.level = level;
    d.line = line;
    d.col = col;
    d.file = dup_or_null(file, &failed);
    d.msg = dup_or_null(buf, &failed);
    d.hint = dup_or_null(msg_tr(hint), &failed);
    if (failed) {
        free(d.file);
        free(d.msg);
        free(d.hint);
        dl->oom = 1;
        return;
    }
    dl->v[dl->n++] = d;
}

size_t diag_errors(const diag_list *dl)
{
    return dl->n_errors;
}

char *diag_format(const diag *d, char *buf, size_t size)
{
    char where[512] = "";
    const char *kind = d->level == DIAG_ERROR ? msg_tr("error") : msg_tr("warning");
    if (d->file && d->line && d->col)
        snprintf(where, sizeof where, "%s:%u:%u: ", d->file, d->line, d->col);
    else if (d->file && d->line)
        snprintf(where, sizeof where, "%s:%u: ", d->file, d->line);
    else if (d->file)
        snprintf(where, sizeof where, "%s: ", d->file);
    if (d->hint)
        snprintf(buf, size, "%s%s: %s\n  %s: %s", where, kind, d->msg, msg_tr("hint"), d->hint);
    else
        snprintf(buf, size, "%s%s: %s", where, kind, d->msg);
    return buf;
}

/* Order by file name (NULL first), then line, then column; stable via index. */
static int cmp_diag(const diag *a, const diag *b)
{
    int c;
    if (!a->file || !b->file)
        c = (a->file != NULL) - (b->file != NULL);
    else
        c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}

/* Merge the sorted runs v[lo..mid) and v[mid..hi) through tmp; on ties the
 * left run goes first, which keeps the sort stable. */
static void merge_runs(diag *v, diag *tmp, size_t lo, size_t mid, size_t hi)
{
    size_t i = lo, j = mid, k = lo;

    while (i < mid && j < hi)
        tmp[k++] = cmp_diag(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
    while (i < mid)
        tmp[k++] = v[i++];
    while (j < hi)
        tmp[k++] = v[j++];
    memcpy(v + lo, tmp + lo, (hi - lo) * sizeof *v);
}

/* Stable insertion sort of v[lo..hi): quick for the short runs merged below. */
static void insertion_sort(diag *v, size_t lo, size_t hi)
{
    for (size_t i = lo + 1; i < hi; i++) {
        diag x = v[i];
        size_t j = i;
        while (j > lo && cmp_diag(&v[j - 1], &x) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* Bottom-up merge sort: stable and O(n log n), so that a big file with many
 * problems is not sorted in quadratic time. If the scratch array cannot be
 * had, falls back to insertion sort (still correct, only slower). */
void diag_sort(diag_list *dl)
{
    enum { RUN = 16 };
    diag *tmp;

    if (dl->n < 2)
        return;
    tmp = dl->n > RUN ? malloc(dl->n * sizeof *tmp) : NULL;
    if (!tmp) {
        insertion_sort(dl->v, 0, dl->n);
        return;
    }
    for (size_t lo = 0; lo < dl->n; lo += RUN)
        insertion_sort(dl->v, lo, lo + RUN < dl->n ? lo + RUN : dl->n);
    for (size_t width = RUN; width < dl->n; width *= 2) {
        for (size_t lo = 0; lo + width < dl->n; lo += 2 * width) {
            size_t hi = lo + 2 * width < dl->n ? lo + 2 * width : dl->n;
            merge_runs(dl->v, tmp, lo, lo + width, hi);
        }
    }
    free(tmp);
}
