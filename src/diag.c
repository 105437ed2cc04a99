/* diag.c - Diagnostics: a growable list of problems with file, line, column and hint. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    vsnprintf(buf, sizeof buf, fmt, ap);
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
    d.hint = dup_or_null(hint, &failed);
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
    const char *kind = d->level == DIAG_ERROR ? "error" : "warning";
    if (d->file && d->line && d->col)
        snprintf(where, sizeof where, "%s:%u:%u: ", d->file, d->line, d->col);
    else if (d->file && d->line)
        snprintf(where, sizeof where, "%s:%u: ", d->file, d->line);
    else if (d->file)
        snprintf(where, sizeof where, "%s: ", d->file);
    if (d->hint)
        snprintf(buf, size, "%s%s: %s\n  hint: %s", where, kind, d->msg, d->hint);
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

void diag_sort(diag_list *dl)
{
    /* insertion sort: stable, and lists are short */
    for (size_t i = 1; i < dl->n; i++) {
        diag x = dl->v[i];
        size_t j = i;
        while (j > 0 && cmp_diag(&dl->v[j - 1], &x) > 0) {
            dl->v[j] = dl->v[j - 1];
            j--;
        }
        dl->v[j] = x;
    }
}
