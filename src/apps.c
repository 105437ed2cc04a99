/* apps.c - The applications file: checks every row of the ;-separated CSV.
 *
 * Reading the CSV (encodings, quoting, line numbers, the header) is table.c's;
 * a workbook (.xlsx) is first turned into the same text by xlsxread.c; this
 * file knows the columns and what makes an application right. The text of
 * the applications is kept in an arena of big chunks per file (one heap
 * block per chunk, not per string). */
#include "apps.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apps_internal.h"
#include "table.h"
#include "text.h"
#include "xlsxread.h"
#include "messages.h"

/* Room for need (> 0) elements of size bytes in buf, which holds *cap:
 * doubles until it fits. Returns the buffer, perhaps moved, or NULL on out of
 * memory with buf and *cap unchanged. */
void *apps_grow(void *buf, size_t *cap, size_t need, size_t size)
{
    size_t n = *cap ? *cap : 64;
    void *v;
    if (need <= *cap)
        return buf;
    while (n < need) {
        if (n > SIZE_MAX / 2 / size)
            return NULL;
        n *= 2;
    }
    v = realloc(buf, n * size);
    if (v)
        *cap = n;
    return v;
}


/* What the readings name their rows. */
#define ROW_NAME MSG_N("application")
#define ROWS_NAME MSG_N("applications")

/* Columns per earmark after the known ones: one per criterion, then the
 * supplement asked for and the supplement assessed. */
#define EM_SUPP_COLS 2

/* ja/x/1 -> 1, nej/0/empty -> 0, else -1. */
static int yes_no(const char *s)
{
    if (text_casecmp(s, "ja") == 0 || text_casecmp(s, "x") == 0 || strcmp(s, "1") == 0)
        return 1;
    if (!s[0] || text_casecmp(s, "nej") == 0 || strcmp(s, "0") == 0)
        return 0;
    return -1;
}

/* Where column k's value goes in a. */
static void *field_of(app *a, size_t k)
{
    return (char *)a + apps_columns[k].field;
}

/* Set the counts of a to their values for an empty cell (apps_column.empty). */
static void set_empty_counts(app *a)
{
    for (size_t k = 0; apps_columns[k].col.key; k++)
        if (apps_columns[k].kind == APPS_COUNT)
            *(int *)field_of(a, k) = apps_columns[k].empty;
}

/* Check the count and yes/no columns of the current row into a, each by its
 * kind and bounds (apps_columns). */
static void read_counts(reader *r, app *a)
{
    char sb[TABLE_SHOW_BUFSZ];

    for (size_t k = 0; apps_columns[k].col.key; k++) {
        const apps_column *ac = &apps_columns[k];
        const table_cell *c = get(r, (int)k);
        bool ok;
        long v;

        if (!c || !c->len || (ac->kind != APPS_COUNT && ac->kind != APPS_YES_NO))
            continue;
        if (ac->kind == APPS_COUNT) {
            ok = table_count(c->s, &v) && v >= ac->min && v <= ac->max;
            if (ok)
                *(int *)field_of(a, k) = (int)v;
        } else {
            int y = yes_no(c->s);
            ok = y >= 0;
            if (ok)
                *(bool *)field_of(a, k) = y == 1;
        }
        if (!ok)
            table_note_cell(r->t, DIAG_ERROR, c, ac->hint, "column %u (%s): \"%s\" is not %s",
                            c->col, c->name, table_show(c->s, sb), ac->what);
    }
}

/* Check the amounts of the current row into a: applied is required; an empty
 * assessed means as applied; a refusal means 0 and contradicts a non-zero
 * assessed; assessed may not exceed applied. */
static void read_amounts(reader *r, app *a)
{
    const table_cell *c, *ref = get(r, COL_REFUSAL);
    bool refused = ref && ref->len > 0;
    bool applied_ok = false, assessed_ok = false;
    char b1[MONEY_BUFSZ], b2[MONEY_BUFSZ];

    if ((c = get(r, COL_APPLIED)) != NULL) {
        if (c->len == 0)
            table_note_cell(r->t, DIAG_ERROR, c,
                            "write the amount applied for in whole kroner, like 50.000 or "
                            "50000",
                            "column %u (%s): the amount applied for is empty", c->col,
                            c->name);
        else
            applied_ok = table_amount(r->t, c, &a->applied);
        if (!applied_ok)
            a->applied = 0;
    }
    if ((c = get(r, COL_ASSESSED)) != NULL && c->len > 0) {
        a->assessed_given = true;
        assessed_ok = table_amount(r->t, c, &a->assessed);
        if (!assessed_ok) {
            a->assessed = 0;
        } else if (refused && a->assessed != 0) {
            table_note_cell(r->t, DIAG_ERROR, c,
                            "a refused application gets 0: leave the assessed amount empty or "
                            "0, or delete the refusal reason",
                            "column %u (%s): DKK %s contradicts the refusal in column %u (%s)",
                            c->col, c->name, money_format_text(a->assessed, b1), ref->col,
                            ref->name);
        } else if (applied_ok && a->assessed > a->applied) {
            table_note_cell(r->t, DIAG_ERROR, c,
                            "the assessed amount cannot be more than the amount applied for; "
                            "check both",
                            "column %u (%s): assessed DKK %s is more than the DKK %s applied "
                            "for",
                            c->col, c->name, money_format_text(a->assessed, b1),
                            money_format_text(a->applied, b2));
        }
    } else {
        a->assessed_given = false;
        a->assessed = a->applied;
    }
    if (refused)
        a->assessed = 0;
}

/* The chunks that hold an app_list's text: each new chunk is put in front,
 * twice the size of the last up to ARENA_MAX, so a million applications are
 * a few hundred blocks, not nine million. */
struct apps_arena {
    apps_arena *next; /* the chunk filled before this one */
    size_t used, cap; /* bytes of data used and allocated */
    char data[];      /* 8-aligned: after a pointer and two size_t */
};

#define ARENA_FIRST 4096
#define ARENA_MAX (1024 * 1024)

/* n bytes aligned to align (a power of two <= 8) from *a, adding a chunk
 * when the newest is full. NULL on out of memory, *a unchanged. */
static void *arena_alloc(apps_arena **a, size_t n, size_t align)
{
    apps_arena *c = *a;
    size_t off = c ? (c->used + align - 1) & ~(align - 1) : 0;

    if (!c || off > c->cap || n > c->cap - off) {
        size_t cap = c ? (c->cap < ARENA_MAX ? c->cap * 2 : ARENA_MAX) : ARENA_FIRST;
        if (cap < n)
            cap = n;
        if (cap > SIZE_MAX - sizeof *c || !(c = malloc(sizeof *c + cap)))
            return NULL;
        c->next = *a;
        c->used = 0;
        c->cap = cap;
        *a = c;
        off = 0;
    }
    c->used = off + n;
    return c->data + off;
}

/* A NUL-terminated copy of the len bytes at s in *a; NULL on out of memory. */
static char *arena_strndup(apps_arena **a, const char *s, size_t len)
{
    char *d = len < SIZE_MAX ? arena_alloc(a, len + 1, 1) : NULL;
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

/* Copy of the cell of column k in the list's arena, or of "" when the file
 * lacks the column. */
static char *dup_col(const reader *r, int k)
{
    const table_cell *c = get(r, k);
    return c ? arena_strndup(&r->out->arena, c->s, c->len)
             : arena_strndup(&r->out->arena, "", 0);
}

/* True if column k holds a string (char *) of struct app. */
static bool is_string(size_t k)
{
    return apps_columns[k].kind == APPS_TEXT || apps_columns[k].kind == APPS_ID;
}

/* Copy the text columns of the current row into a (in the list's arena).
 * Returns 0, or -1 on out of memory. */
static int read_strings(const reader *r, app *a)
{
    int rc = 0;
    for (size_t k = 0; apps_columns[k].col.key; k++)
        if (is_string(k) && !(*(char **)field_of(a, k) = dup_col(r, (int)k)))
            rc = -1;
    return rc;
}

/* Append a to the list. Returns 0, or -1 on out of memory. */
static int push_app(reader *r, app *a)
{
    app_list *l = r->out;
    app *v = apps_grow(l->v, &r->cap, l->n + 1, sizeof *v);
    if (!v)
        return -1;
    l->v = v;
    l->v[l->n++] = *a;
    return 0;
}

/* On the first row: every criterion column and "<Key> tillæg ansøgt" of each
 * earmark must be in the file, or the earmark's money would silently all go
 * to the residual. One error per earmark naming the columns missing. */
static void check_earmark_columns(reader *r)
{
    const pool *p = r->pool;

    for (size_t k = 0; k < p->n_earmark_defs; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        char missing[1024] = "";
        size_t n = 0, len = 0;
        for (size_t j = 0; j <= e->n_criteria; j++) {
            if (get(r, (int)(r->em_first[k] + j)))
                continue;
            len += (size_t)snprintf(missing + len, len < sizeof missing ? sizeof missing - len : 0,
                                    "%s\"%s%s\"", n ? ", " : "",
                                    j < e->n_criteria ? e->criteria[j].key : e->key,
                                    j < e->n_criteria ? "" : " tillæg ansøgt");
            if (len >= sizeof missing)
                len = sizeof missing - 1;
            n++;
        }
        if (n)
            table_note(r->t, DIAG_ERROR, 0, 0,
                       "add the columns to the applications (pulje init writes a template "
                       "with them), or remove the earmark from the pool file",
                       "the applications have no column %s for [earmark %s] (line %u of %s); "
                       "its money would all go to the residual",
                       missing, e->key, e->line, p->file ? p->file : "the pool file");
    }
}

/* The earmark columns of a row: criteria answers and the supplement. Returns
 * 0, or -1 on out of memory. */
static int read_earmarks(reader *r, app *a)
{
    const pool *p = r->pool;
    size_t n = p->n_earmark_defs;
    char sb[TABLE_SHOW_BUFSZ];

    /* one zeroed block in the arena: the two amounts, then the two unsigned */
    size_t bytes = n * (2 * sizeof(pulje_kr) + 2 * sizeof(unsigned));
    char *block = arena_alloc(&r->out->arena, bytes, sizeof(pulje_kr));

    if (!block)
        return -1;
    memset(block, 0, bytes);
    a->supp_asked = (pulje_kr *)(void *)block;
    a->supp_assessed = a->supp_asked + n;
    a->criteria = (unsigned *)(void *)(a->supp_assessed + n);
    a->supp_col = a->criteria + n;
    for (size_t k = 0; k < n; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        size_t first = r->em_first[k];
        const table_cell *c;
        for (size_t j = 0; j < e->n_criteria; j++) {
            if (!(c = get(r, (int)(first + j))))
                continue;
            int y = yes_no(c->s);
            if (y < 0)
                table_note_cell(r->t, DIAG_ERROR, c, "write ja or nej",
                                "column %u (%s): \"%s\" is not ja or nej", c->col, c->name,
                                table_show(c->s, sb));
            else if (y)
                a->criteria[k] |= 1u << j;
        }
        a->supp_assessed[k] = -1;
        if ((c = get(r, (int)(first + e->n_criteria)))) {
            a->supp_col[k] = c->col;
            if (c->len && !table_amount(r->t, c, &a->supp_asked[k]))
                a->supp_asked[k] = 0;
        }
        if ((c = get(r, (int)(first + e->n_criteria + 1))) && c->len) {
            pulje_kr v;
            if (table_amount(r->t, c, &v))
                a->supp_assessed[k] = v;
        }
    }
    return 0;
}

/* Check one row, append the application and look for a duplicate.
 * A table_row_fn. */
static int read_row(table *t, const table_row *row, void *ctx)
{
    reader *r = ctx;
    app a;
    const table_cell *c;
    row_keys keys;
    int rc;

    r->t = t;
    r->row = row;
    if (apps_prepare_keys(r, &keys) != 0)
        return -1;
    memset(&a, 0, sizeof a);
    set_empty_counts(&a);
    a.line = row->line;
    if ((c = get(r, COL_NR)) && c->len == 0)
        table_note_cell(t, DIAG_ERROR, c, "give every application its own number, like 17",
                        "column %u (%s): the application number is empty", c->col, c->name);
    if ((c = get(r, COL_ASSOCIATION)) && c->len == 0)
        table_note_cell(t, DIAG_ERROR, c, "write the name of the applying association",
                        "column %u (%s): the association is empty", c->col, c->name);
    read_amounts(r, &a);
    read_counts(r, &a);

    if (r->pool && r->pool->n_earmark_defs && r->out->n == 0)
        check_earmark_columns(r);
    if ((r->pool && r->pool->n_earmark_defs && read_earmarks(r, &a) != 0) ||
        read_strings(r, &a) != 0) {
        free(keys.pair);
        free(keys.cvrpair);
        return -1;
    }
    rc = push_app(r, &a);
    if (rc == 0)
        rc = apps_check_duplicates(r, &keys, r->out->n - 1);
    free(keys.pair);
    free(keys.cvrpair);
    return rc;
}

/* The columns table.c matches: apps_columns' col, then extra zeroed
 * entries and the terminator. malloc'ed; NULL on out of memory. */
static table_column *base_columns(size_t extra)
{
    size_t n = apps_n_columns();
    table_column *cols = calloc(n + extra + 1, sizeof *cols);

    for (size_t k = 0; cols && k < n; k++)
        cols[k] = apps_columns[k].col;
    return cols;
}

/* How many required columns the first record of data does not name
 * (table_header_fit() for the applications); -1 on out of memory. */
static int header_fit(const char *data, size_t len)
{
    table_column *cols = base_columns(0);
    table_spec spec = {cols, ROW_NAME, ROWS_NAME, false};
    int n = cols ? table_header_fit(&spec, data, len) : -1;

    free(cols);
    return n;
}

/* Read data, or the file name when data is NULL, with table.c. Same return
 * as apps_parse(). */
/* The spec for a pool with earmarks: the known columns, then per earmark its
 * criteria ("12-25 år") and "<Key> tillæg ansøgt" / "<Key> tillæg indstillet".
 * The headers are kept in *strings (freed by the caller). NULL on out of memory. */
static table_column *earmark_columns(const pool *p, size_t *em_first, char ***strings,
                                     size_t *n_strings)
{
    size_t extra = 0, k_col = apps_n_columns(), ns = 0;
    table_column *cols;
    char **str;

    for (size_t k = 0; k < p->n_earmark_defs; k++)
        extra += p->earmark_defs[k].n_criteria + EM_SUPP_COLS;
    cols = base_columns(extra);
    str = calloc(extra + 1, sizeof *str);
    if (!cols || !str) {
        free(cols);
        free(str);
        return NULL;
    }
    for (size_t k = 0; k < p->n_earmark_defs; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        em_first[k] = k_col;
        for (size_t j = 0; j < e->n_criteria; j++, k_col++) {
            cols[k_col].key = e->criteria[j].key;
            cols[k_col].header = e->criteria[j].key;
            cols[k_col].meaning = e->criteria[j].text;
        }
        for (int w = 0; w < EM_SUPP_COLS; w++, k_col++) {
            size_t len = strlen(e->key) + 32;
            char *h = malloc(len);
            if (!h)
                goto oom;
            snprintf(h, len, "%s tillæg %s", e->key, w == 0 ? "ansøgt" : "indstillet");
            h[0] = (char)(h[0] >= 'a' && h[0] <= 'z' ? h[0] - 'a' + 'A' : h[0]);
            str[ns++] = h;
            cols[k_col].key = h;
            cols[k_col].header = h;
            cols[k_col].meaning = w == 0 ? "Supplement asked for from the earmark"
                                         : "Supplement assessed; empty means as asked";
        }
    }
    *strings = str;
    *n_strings = ns;
    return cols;

oom:
    for (size_t i = 0; i < ns; i++)
        free(str[i]);
    free(str);
    free(cols);
    return NULL;
}

/* The text columns, for the shifted-row check (table_opts.text_columns):
 * a number in one of them on a row one field short means a field is missing. */
static bool *text_columns(const table_spec *spec)
{
    size_t n = 0;
    bool *v;
    while (spec->columns[n].key)
        n++;
    v = calloc(n ? n : 1, sizeof *v);
    if (!v)
        return NULL;
    for (size_t k = 0; apps_columns[k].col.key; k++)
        v[k] = apps_columns[k].kind == APPS_TEXT;
    return v;
}

/* Parse the applications text; cells are the typed cells of the .xlsx
 * sheet it came from (NULL for a CSV). */
static int parse_cells(const char *data, size_t len, const char *name, const pool *p,
                       const xlsxread_result *cells, app_list *out, diag_list *dl)
{
    reader r;
    int rc;
    table_spec spec = {NULL, ROW_NAME, ROWS_NAME, false};
    table_column *cols = NULL;
    char **strings = NULL;
    size_t n_strings = 0;
    table_opts opts;
    text_encoding enc = TEXT_UTF8;

    memset(out, 0, sizeof *out);
    memset(&r, 0, sizeof r);
    r.out = out;
    if (p && p->n_earmark_defs) {
        r.pool = p;
        r.em_first = calloc(p->n_earmark_defs, sizeof *r.em_first);
        cols = r.em_first ? earmark_columns(p, r.em_first, &strings, &n_strings) : NULL;
        if (!cols) {
            free(r.em_first);
            diag_add(dl, DIAG_ERROR, name, 0, 0, NULL, "out of memory");
            return -1;
        }
    } else if (!(cols = base_columns(0))) {
        diag_add(dl, DIAG_ERROR, name, 0, 0, NULL, "out of memory");
        return -1;
    }
    spec.columns = cols;
    memset(&opts, 0, sizeof opts);
    opts.text_columns = text_columns(&spec);
    opts.encoding = &enc;
    if (cells) {
        opts.cells = cells->cells;
        opts.n_cells = cells->n_cells;
        opts.sheet = cells->sheet;
    }
    if (!opts.text_columns) {
        diag_add(dl, DIAG_ERROR, name, 0, 0, NULL, "out of memory");
        rc = -1;
    } else {
        rc = table_read_opts(&spec, &opts, data, len, name, &out->file, read_row, &r, dl);
    }
    if (out->n > 0 && out->n < r.cap) {
        /* the doubling's slack back: up to half the array on a big file */
        app *v = realloc(out->v, out->n * sizeof *v);
        if (v)
            out->v = v;
    }
    free((void *)opts.text_columns);
    if (enc == TEXT_CP1252)
        diag_add(dl, DIAG_WARNING, name, 0, 0,
                 "if æ, ø or å look wrong in the results, save the file from Excel as \"CSV "
                 "UTF-8 (kommasepareret)\"",
                 "read as Windows-1252, since the file has no UTF-8 letters");
    table_index_free(&r.nrs);
    table_index_free(&r.pairs);
    table_index_free(&r.cvrpairs);
    free(r.scratch);
    free(r.em_first);
    for (size_t i = 0; i < n_strings; i++)
        free(strings[i]);
    free(strings);
    free(cols);
    return rc;
}

static int parse(const char *data, size_t len, const char *name, const pool *p,
                 app_list *out, diag_list *dl)
{
    return parse_cells(data, len, name, p, NULL, out, dl);
}

/* How to get past an xlsxread error. */
static const char *xlsx_hint(xlsxread_error e)
{
    switch (e) {
    case XLSXREAD_ERR_NOMEM:
        return MSG_N("close other programs and try again");
    case XLSXREAD_ERR_OPEN:
        return MSG_N("check the name in the pool file and that the file exists and can be read");
    case XLSXREAD_ERR_TOO_BIG:
        return MSG_N("save the applications from Excel as \"CSV (semikolonsepareret)\" and name "
               "the .csv in the pool file");
    case XLSXREAD_ERR_ENCRYPTED:
        return MSG_N("open the workbook with its password, remove the password (Excel: Filer > "
               "Oplysninger > Beskyt projektmappe > Krypter med adgangskode; LibreOffice: Gem "
               "som without \"Gem med adgangskode\") and save it again");
    case XLSXREAD_ERR_NO_SUCH_SHEET:
        return MSG_N("write one of the workbook's sheet names after applications_sheet = in [pool] "
               "of the pool file, or delete the line to read the first sheet");
    default:
        return MSG_N("open the file in Excel and save it as \"Excel-projektmappe (*.xlsx)\"; or "
               "save it as \"CSV (semikolonsepareret)\" and name the .csv in the pool file");
    }
}

/* The first sheet of the workbook at path does not have the applications'
 * header: say that pulje read it, and name the sheet that has it, if one
 * does (read again to find out), as an error at line 1. */
static void other_sheet(const char *path, const xlsxread_result *first, diag_list *dl)
{
    char hint[512], detail[256];
    const char *found = NULL;
    xlsxread_result res;

    for (size_t i = 1; i < first->n_sheets && !found; i++) {
        if (xlsxread_sheet(path, 0, first->sheets[i], &res, detail, sizeof detail) !=
            XLSXREAD_OK)
            continue;
        if (header_fit(res.text, res.len) == 0)
            found = first->sheets[i];
        xlsxread_result_free(&res);
    }
    if (found) {
        snprintf(hint, sizeof hint,
                 msg_tr("move the sheet \"%s\" first in the workbook, or name it in the pool file: "
                 "applications_sheet = %s under [pool]"),
                 found, found);
        diag_add(dl, DIAG_ERROR, path, 1, 0, hint,
                 "pulje read the first sheet, \"%s\", whose first row is not the applications' "
                 "header; the sheet \"%s\" has it",
                 first->sheet ? first->sheet : "", found);
    } else {
        diag_add(dl, DIAG_ERROR, path, 1, 0,
                 "put the sheet with the applications first in the workbook, or name it in "
                 "the pool file: applications_sheet = <name> under [pool]",
                 "pulje read the first sheet, \"%s\", whose first row is not the applications' "
                 "header; no other sheet of the %zu has it either",
                 first->sheet ? first->sheet : "", first->n_sheets);
    }
}

/* Read the applications file at path: a workbook's first sheet when the name
 * ends in .xlsx (xlsxread.h: its rows and columns become the text's lines
 * and fields, so messages carry Excel's numbers), a CSV otherwise. Same
 * return as apps_parse(). */
static int load(const char *path, const pool *p, app_list *out, diag_list *dl)
{
    char detail[512];
    const char *want = p ? p->applications_sheet : NULL;
    xlsxread_result res;
    xlsxread_error e;
    int rc;

    if (!xlsxread_is_xlsx_name(path))
        return parse(NULL, 0, path, p, out, dl);
    e = xlsxread_sheet(path, 0, want, &res, detail, sizeof detail);
    if (e != XLSXREAD_OK) {
        memset(out, 0, sizeof *out);
        out->file = text_strndup(path, strlen(path));
        diag_add(dl, DIAG_ERROR, path, 0, 0, xlsx_hint(e), "cannot read %s: %s (%s)", path,
                 xlsxread_strerror(e), detail);
        return -1;
    }
    if (!want && res.n_sheets > 1 && header_fit(res.text, res.len) > 0)
        other_sheet(path, &res, dl);
    rc = parse_cells(res.text, res.len, path, p, &res, out, dl);
    xlsxread_result_free(&res);
    return rc;
}

int apps_parse(const char *data, size_t len, const char *filename, app_list *out,
               diag_list *dl)
{
    return parse(data ? data : "", data ? len : 0, filename, NULL, out, dl);
}

int apps_load(const char *path, app_list *out, diag_list *dl)
{
    return load(path, NULL, out, dl);
}

int apps_parse_pool(const char *data, size_t len, const char *filename, const pool *p,
                    app_list *out, diag_list *dl)
{
    return parse(data ? data : "", data ? len : 0, filename, p, out, dl);
}

int apps_load_pool(const char *path, const pool *p, app_list *out, diag_list *dl)
{
    return load(path, p, out, dl);
}

void apps_free(app_list *l)
{
    while (l->arena) {
        apps_arena *next = l->arena->next;
        free(l->arena);
        l->arena = next;
    }
    free(l->v);
    free(l->file);
    free(l->holder);
    memset(l, 0, sizeof *l);
}

int apps_set_text(app_list *l, char **field, const char *s)
{
    char *d = arena_strndup(&l->arena, s, strlen(s));
    if (!d)
        return -1;
    *field = d;
    return 0;
}
