/* table_header.c - A table's header: the known columns found by their folded
 * header or alias, in any order; unknown ones with a did-you-mean, missing
 * required ones listed. */
#include <stdlib.h>
#include <string.h>

#include "table_internal.h"
#include "text.h"
#include "messages.h"

/* ---------------------------------------------------------------------------
 * Header: finding the known columns.
 * ------------------------------------------------------------------------- */

/* All spellings of column k: the header, then the aliases, NULL after the last. */
static const char *spelling(const table *t, int k, int i)
{
    const table_column *c = &t->spec->columns[k];
    if (i == 0)
        return c->header;
    if (i > (int)(sizeof c->aliases / sizeof c->aliases[0]))
        return NULL;
    return c->aliases[i - 1];
}

/* The column whose header or alias folds to folded; -1 if none, -2 on out of memory. */
static int lookup_column(const table *t, const char *folded)
{
    for (int k = 0; k < t->ncolumns; k++) {
        const char *sp;
        for (int i = 0; (sp = spelling(t, k, i)) != NULL; i++) {
            char *f = text_fold(sp);
            int same;
            if (!f)
                return -2;
            same = strcmp(f, folded) == 0;
            free(f);
            if (same)
                return k;
        }
    }
    return -1;
}

/* The spelling (header or alias as written in the column table) of a column
 * the header lacks that is closest to the unknown name, or NULL when none is
 * close (text_suggest(), the one did-you-mean policy). Sets *oom on out of
 * memory. */
static const char *suggest_column(const table *t, const char *name, bool *oom)
{
    const char **cands;
    const char *best = NULL, *sp;
    size_t n = 0, cap = 0;
    int k, o = 0;

    for (k = 0; k < t->ncolumns; k++)
        for (int i = 0; spelling(t, k, i) != NULL; i++)
            cap++;
    cands = malloc((cap ? cap : 1) * sizeof *cands);
    if (!cands) {
        *oom = true;
        return NULL;
    }
    for (k = 0; k < t->ncolumns; k++) {
        if (t->col[k] >= 0)
            continue;
        for (int i = 0; (sp = spelling(t, k, i)) != NULL; i++)
            cands[n++] = sp;
    }
    k = text_suggest(name, cands, n, &o);
    if (o)
        *oom = true;
    else if (k >= 0)
        best = cands[k];
    free(cands);
    return best;
}

/* The known headers joined by sep ("Nr, CVR, Forening" or "Nr;CVR;Forening"), into buf. */
void table_known_headers(const table *t, const char *sep, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int k = 0; k < t->ncolumns && n < size; k++) {
        int w = snprintf(buf + n, size - n, "%s%s", k ? sep : "", t->spec->columns[k].header);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

/* Report header field i, which names no known column; suggest a close one. */
static void unknown_header(table *t, size_t i)
{
    const table_cell *c = &t->fields[i].c;
    char show_buf[TABLE_SHOW_BUFSZ], hint[768], known[300];
    const char *guess;
    bool oom = false;
    char *f = text_fold(c->s);

    if (!f) {
        table_out_of_memory(t);
        return;
    }
    guess = suggest_column(t, f, &oom);
    free(f);
    if (oom) {
        table_out_of_memory(t);
        return;
    }
    table_known_headers(t, ", ", known, sizeof known);
    if (guess)
        snprintf(hint, sizeof hint, msg_tr("did you mean \"%s\"? Known columns: %s"), guess, known);
    else
        snprintf(hint, sizeof hint, msg_tr("known columns: %s; delete the column if it is not needed"),
                 known);
    table_note(t, DIAG_ERROR, c->line, (unsigned)(i + 1), hint,
               "column %zu: unknown column \"%s\"", i + 1, table_show(c->s, show_buf));
}

/* Report each required column the header lacks, naming the headers found. */
static void check_required(table *t, unsigned line)
{
    char found[512], hint[512];
    size_t n = 0;

    found[0] = '\0';
    for (size_t i = 0; i < t->ncols && n < sizeof found; i++) {
        int w = snprintf(found + n, sizeof found - n, "%s%s", n ? ", " : "", t->names[i]);
        if (w < 0)
            break;
        n += (size_t)w;
    }
    for (int k = 0; k < t->ncolumns; k++) {
        const table_column *c = &t->spec->columns[k];
        size_t h = 0;
        if (!c->required || t->col[k] >= 0)
            continue;
        h = (size_t)snprintf(hint, sizeof hint, msg_tr("add a column headed \"%s\""), c->header);
        for (int a = 0; a < 6 && c->aliases[a] && h < sizeof hint; a++) {
            int w = snprintf(hint + h, sizeof hint - h, "%s\"%s\"",
                             a ? ", " : " (also accepted: ", c->aliases[a]);
            if (w < 0)
                break;
            h += (size_t)w;
        }
        if (c->aliases[0] && h < sizeof hint)
            snprintf(hint + h, sizeof hint - h, ")");
        table_note(t, DIAG_ERROR, line, 0, hint, "required column \"%s\" is missing (found: %s)",
                   c->header, found);
    }
}

/* Copy the header fields' text into t->names (line breaks as blanks) and
 * make room for the per-field and per-column arrays. Returns 0, or -1 on out
 * of memory (reported). */
static int keep_header(table *t, size_t n)
{
    t->names = calloc(n ? n : 1, sizeof *t->names);
    t->kind = malloc((n ? n : 1) * sizeof *t->kind);
    t->col = malloc((size_t)t->ncolumns * sizeof *t->col);
    t->cells = calloc((size_t)t->ncolumns, sizeof *t->cells);
    if (!t->names || !t->kind || !t->col || !t->cells) {
        table_out_of_memory(t);
        return -1;
    }
    t->ncols = n;
    for (int k = 0; k < t->ncolumns; k++)
        t->col[k] = -1;
    for (size_t i = 0; i < n; i++) {
        for (char *p = t->fields[i].buf; (p = strchr(p, '\n')) != NULL;)
            *p = ' ';
        t->names[i] = text_strndup(t->fields[i].c.s, t->fields[i].c.len);
        if (!t->names[i]) {
            table_out_of_memory(t);
            return -1;
        }
    }
    return 0;
}

/* Read the header record: find the known columns, then report duplicated,
 * unnamed, unknown (with a suggestion) and missing ones. Trailing fields
 * without a header (Excel's padding) are dropped; a line break in a header
 * counts as a blank. A first line with no known column at all, or not split
 * by ';', is reported once and stops the reading. */
void table_read_header(table *t)
{
    size_t n = t->nfields, matched = 0;
    unsigned line = t->rec_line;
    char show_buf[TABLE_SHOW_BUFSZ], example[512];

    t->have_header = true;
    while (n > 0 && t->fields[n - 1].c.len == 0)
        n--;
    if (keep_header(t, n) != 0)
        return;
    if (n == 1 && strpbrk(t->names[0], ",\t")) {
        table_note(t, DIAG_ERROR, line, 1,
                   "save the file from Excel as \"CSV (semikolonsepareret)\" so that ';' "
                   "separates the columns",
                   "the header \"%s\" is one column: the file is not separated by ';'",
                   table_show(t->names[0], show_buf));
        t->stop = true;
        return;
    }

    for (size_t i = 0; i < n; i++) {
        const table_cell *c = &t->fields[i].c;
        char *f;
        int k;
        if (c->len == 0) {
            t->kind[i] = HEADER_EMPTY;
            continue;
        }
        f = text_fold(c->s);
        k = f ? lookup_column(t, f) : -2;
        free(f);
        if (k == -2) {
            table_out_of_memory(t);
            return;
        }
        t->kind[i] = k;
        if (k < 0)
            continue;
        matched++;
        if (t->col[k] < 0) {
            t->col[k] = (int)i;
            continue;
        }
        t->kind[i] = HEADER_DUPLICATE;
        table_note(t, DIAG_ERROR, c->line, (unsigned)(i + 1), "delete one of the two columns",
                   "column %zu (%s) is the same column as column %d (%s)", i + 1, t->names[i],
                   t->col[k] + 1, t->names[t->col[k]]);
    }
    if (matched == 0) {
        char hint[768];
        table_known_headers(t, ";", example, sizeof example);
        snprintf(hint, sizeof hint,
                 msg_tr("the first line must name the columns, like %s; delete any title lines "
                 "above it"),
                 example);
        table_note(t, DIAG_ERROR, line, 0, hint,
                   "this is not the header: no cell names a known column (first cell \"%s\")",
                   table_show(t->names[0], show_buf));
        t->stop = true;
        return;
    }
    for (size_t i = 0; i < n && !t->oom; i++) {
        if (t->kind[i] == HEADER_EMPTY)
            table_note(t, DIAG_ERROR, t->fields[i].c.line, (unsigned)(i + 1),
                       "give the column one of the known headers, or delete the column",
                       "column %zu has no header", i + 1);
        else if (t->kind[i] == HEADER_UNKNOWN)
            unknown_header(t, i);
    }
    if (!t->oom)
        check_required(t, line);
}

