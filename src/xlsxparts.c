/* xlsxparts.c - The parts of an .xlsx that lead to a sheet: the
 * relationships, the workbook's list of sheets, and the shared strings. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsxread_internal.h"

/* ---------------------------------------------------------------------------
 * Relationships (_rels/.rels, xl/_rels/workbook.xml.rels).
 * ------------------------------------------------------------------------- */

enum { REL_OFFICE, REL_SST, REL_WANTED, REL_STYLES, REL__COUNT };

typedef struct rels_reader {
    xr *x;
    const char *want_id;      /* the Id looked for, or NULL */
    char *target[REL__COUNT]; /* malloc'ed, or NULL when not found */
    char *wanted_type;        /* the type of the relationship with want_id */
} rels_reader;

/* Keep a copy of s in *slot unless it is set. False when out of memory. */
static bool keep(xr *x, char **slot, const char *s)
{
    if (*slot)
        return true;
    *slot = strdup(s);
    if (!*slot)
        xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
    return *slot != NULL;
}

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    rels_reader *r = ud;
    const char *id, *type, *target, *mode;

    if (!xlsx_is(name, "Relationship"))
        return;
    id = xlsx_attr(atts, "Id", false);
    type = xlsx_attr(atts, "Type", false);
    target = xlsx_attr(atts, "Target", false);
    mode = xlsx_attr(atts, "TargetMode", false);
    if (!target || !type || (mode && strcmp(mode, "External") == 0))
        return;
    if (xlsx_ends_with(type, "/officeDocument"))
        keep(r->x, &r->target[REL_OFFICE], target);
    if (xlsx_ends_with(type, "/sharedStrings"))
        keep(r->x, &r->target[REL_SST], target);
    if (xlsx_ends_with(type, "/styles"))
        keep(r->x, &r->target[REL_STYLES], target);
    if (r->want_id && id && strcmp(id, r->want_id) == 0 && !r->target[REL_WANTED]) {
        if (keep(r->x, &r->target[REL_WANTED], target))
            keep(r->x, &r->wanted_type, type);
    }
}

static void rels_free(rels_reader *r)
{
    for (int k = 0; k < REL__COUNT; k++)
        free(r->target[k]);
    free(r->wanted_type);
}

/* The relationships part of a part: "xl/workbook.xml" ->
 * "xl/_rels/workbook.xml.rels". False when too long. */
static bool rels_name(const char *part, char out[PART_MAX])
{
    const char *slash = strrchr(part, '/');
    int dir = slash ? (int)(slash - part) + 1 : 0;
    int n = snprintf(out, PART_MAX, "%.*s_rels/%s.rels", dir, part, part + dir);
    return n > 0 && n < PART_MAX;
}

/* Read the relationships of part `of` into r (r->x and r->want_id set).
 * False when the part does not exist (nothing recorded) or on an error. */
static bool read_rels(xr *x, const char *of, rels_reader *r)
{
    char name[PART_MAX];
    zip_int64_t idx;

    if (!rels_name(of, name) || (idx = xlsx_find_part(x, name)) < 0)
        return false;
    xlsx_parse_part(x, idx, name, rels_start, NULL, r);
    return x->err == XLSXREAD_OK;
}

/* ---------------------------------------------------------------------------
 * The workbook: the r:id of its first sheet.
 * ------------------------------------------------------------------------- */

typedef struct book_reader {
    xr *x;
    bool in_sheets;
    bool seen;  /* the first <sheet> has been met */
    char *rid;  /* its r:id, malloc'ed; NULL when it has none */
    char **names, **rids; /* every sheet's name and r:id ("" when none), malloc'ed */
    size_t n, cap;
} book_reader;

static void XMLCALL book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    book_reader *b = ud;
    const char *id;

    if (xlsx_is(name, "sheets")) {
        b->in_sheets = true;
    } else if (b->in_sheets && xlsx_is(name, "sheet")) {
        const char *nm = xlsx_attr(atts, "name", false);
        id = xlsx_attr(atts, "id", true);
        if (!b->seen && id)
            keep(b->x, &b->rid, id);
        b->seen = true;
        if (b->n == b->cap) {
            size_t cap = b->cap ? b->cap * 2 : 8;
            char **n1 = realloc(b->names, cap * sizeof *n1), **n2;
            if (n1)
                b->names = n1;
            n2 = n1 ? realloc(b->rids, cap * sizeof *n2) : NULL;
            if (!n1 || !n2) {
                xlsx_fail(b->x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", b->x->part);
                return;
            }
            b->rids = n2;
            b->cap = cap;
        }
        b->names[b->n] = strdup(nm ? nm : "");
        b->rids[b->n] = strdup(id ? id : "");
        if (!b->names[b->n] || !b->rids[b->n]) {
            free(b->names[b->n]);
            free(b->rids[b->n]);
            xlsx_fail(b->x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", b->x->part);
            return;
        }
        b->n++;
    }
}

static void XMLCALL book_end(void *ud, const XML_Char *name)
{
    book_reader *b = ud;
    if (xlsx_is(name, "sheets"))
        b->in_sheets = false;
}

/* ---------------------------------------------------------------------------
 * The shared strings: each <si>'s text, rich text runs joined, phonetic
 * guides (<rPh>) left out.
 * ------------------------------------------------------------------------- */

typedef struct sst_reader {
    xr *x;
    bool in_si;
    unsigned t, rph; /* open <t> and <rPh> elements */
} sst_reader;

/* Append a shared string. False on error (recorded). */
static bool sst_push(xr *x, const char *s, size_t n)
{
    if (x->sst_n == x->sst_cap) {
        size_t cap = x->sst_cap ? x->sst_cap * 2 : 256;
        size_t *v;
        if (cap > x->limit / sizeof *v) {
            xlsx_fail(x, XLSXREAD_ERR_TOO_BIG, "%s: too many shared strings", x->part);
            return false;
        }
        v = realloc(x->sst_off, cap * sizeof *v);
        if (!v) {
            xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
            return false;
        }
        x->sst_off = v;
        x->sst_cap = cap;
    }
    x->sst_off[x->sst_n] = x->sst.n;
    if (!xlsx_buf_add(x, &x->sst, s, n) || !xlsx_buf_add(x, &x->sst, "", 1))
        return false;
    x->sst_n++;
    return true;
}

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    sst_reader *r = ud;
    (void)atts;

    if (xlsx_is(name, "si")) {
        r->in_si = true;
        r->t = r->rph = 0;
        r->x->text.n = 0;
    } else if (r->in_si && xlsx_is(name, "t")) {
        r->t++;
    } else if (r->in_si && xlsx_is(name, "rPh")) {
        r->rph++;
    }
    r->x->collect = r->in_si && r->t > 0 && r->rph == 0;
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
    sst_reader *r = ud;
    xr *x = r->x;

    if (!r->in_si)
        return;
    if (xlsx_is(name, "si")) {
        r->in_si = false;
        sst_push(x, x->text.p ? x->text.p : "", x->text.n);
    } else if (xlsx_is(name, "t") && r->t > 0) {
        r->t--;
    } else if (xlsx_is(name, "rPh") && r->rph > 0) {
        r->rph--;
    }
    x->collect = r->in_si && r->t > 0 && r->rph == 0;
}


void xlsx_read_sst(xr *x, const char *part)
{
    zip_int64_t idx = xlsx_find_part(x, part);
    sst_reader r = {x, false, 0, 0};

    if (idx >= 0)
        xlsx_parse_part(x, idx, part, sst_start, sst_end, &r);
}
/* The workbook part, from _rels/.rels (xl/workbook.xml when it names none),
 * into book. False (the error recorded) when it cannot be found. */
bool xlsx_find_book(xr *x, char book[PART_MAX])
{
    rels_reader r;
    bool found;

    memset(&r, 0, sizeof r);
    r.x = x;
    found = read_rels(x, "", &r) && r.target[REL_OFFICE] && xlsx_resolve("", r.target[REL_OFFICE], book);
    rels_free(&r);
    if (x->err != XLSXREAD_OK)
        return false;
    if (!found)
        strcpy(book, "xl/workbook.xml");
    if (xlsx_find_part(x, book) < 0) {
        xlsx_fail(x, XLSXREAD_ERR_NO_WORKBOOK, "the zip archive has no %s: it is not an Excel workbook",
             book);
        return false;
    }
    return true;
}

/* The first sheet's part into sheet, and the shared strings' part into sst
 * ("" when there is none). False (the error recorded) when there is no
 * sheet to read. */
bool xlsx_find_sheet(xr *x, const char *book, const char *want, char sheet[PART_MAX],
                       char sst[PART_MAX], char styles[PART_MAX], xlsxread_result *res)
{
    book_reader b;
    rels_reader r;
    bool ok = false;
    size_t chosen = 0;

    memset(&b, 0, sizeof b);
    b.x = x;
    xlsx_parse_part(x, xlsx_find_part(x, book), book, book_start, book_end, &b);
    if (x->err != XLSXREAD_OK)
        goto done;
    if (!b.seen) {
        xlsx_fail(x, XLSXREAD_ERR_NO_WORKBOOK, "%s lists no sheet", book);
        goto done;
    }
    if (want) {
        size_t i, o = 0;
        char list[256];
        for (i = 0; i < b.n && strcmp(b.names[i], want) != 0; i++)
            ;
        if (i == b.n)
            for (i = 0; i < b.n && strcasecmp(b.names[i], want) != 0; i++)
                ;
        if (i == b.n) {
            list[0] = '\0';
            for (size_t k = 0; k < b.n && o < sizeof list; k++) {
                int w = snprintf(list + o, sizeof list - o, "%s\"%s\"", k ? ", " : "",
                                 b.names[k]);
                if (w < 0)
                    break;
                o += (size_t)w;
            }
            xlsx_fail(x, XLSXREAD_ERR_NO_SUCH_SHEET, "no sheet is named \"%.60s\"; the sheets are %s",
                 want, list);
            goto done;
        }
        chosen = i;
        free(b.rid);
        b.rid = b.rids[i][0] ? strdup(b.rids[i]) : NULL;
        if (b.rids[i][0] && !b.rid) {
            xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", book);
            goto done;
        }
    }
    if (!b.rid) {
        xlsx_fail(x, XLSXREAD_ERR_NO_WORKBOOK, "the first sheet in %s has no r:id", book);
        goto done;
    }
    memset(&r, 0, sizeof r);
    r.x = x;
    r.want_id = b.rid;
    if (!read_rels(x, book, &r)) {
        if (x->err == XLSXREAD_OK)
            xlsx_fail(x, XLSXREAD_ERR_NO_WORKBOOK, "the workbook's relationships (for %s) are missing",
                 book);
    } else if (!r.target[REL_WANTED]) {
        xlsx_fail(x, XLSXREAD_ERR_NO_SHEET, "the first sheet's r:id %.40s has no relationship", b.rid);
    } else if (!xlsx_ends_with(r.wanted_type, "/worksheet")) {
        xlsx_fail(x, XLSXREAD_ERR_NO_SHEET, "the first sheet is not a worksheet (a chart sheet?)");
    } else if (!xlsx_resolve(book, r.target[REL_WANTED], sheet)) {
        xlsx_fail(x, XLSXREAD_ERR_NO_SHEET, "the first sheet's target %.200s leads nowhere",
             r.target[REL_WANTED]);
    } else if (xlsx_find_part(x, sheet) < 0) {
        xlsx_fail(x, XLSXREAD_ERR_NO_SHEET, "the first sheet's part %s is missing", sheet);
    } else {
        sst[0] = '\0';
        if (r.target[REL_SST] && !xlsx_resolve(book, r.target[REL_SST], sst))
            sst[0] = '\0';
        styles[0] = '\0';
        if (r.target[REL_STYLES] && !xlsx_resolve(book, r.target[REL_STYLES], styles))
            styles[0] = '\0';
        ok = true;
    }
    rels_free(&r);
done:
    if (ok && res && b.n) {
        res->sheet = strdup(b.names[chosen]);
        if (!res->sheet)
            xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", book);
        res->sheets = b.names;
        res->n_sheets = b.n;
        b.names = NULL;
    }
    for (size_t i = 0; i < b.n; i++) {
        if (b.names)
            free(b.names[i]);
        free(b.rids[i]);
    }
    free(b.names);
    free(b.rids);
    free(b.rid);
    return ok && x->err == XLSXREAD_OK;
}

