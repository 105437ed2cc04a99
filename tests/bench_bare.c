/* bench_bare.c - The bare libxlsxwriter floor for `make bench`.
 *
 * The floor writes exactly the cells pulje writes - the same sheets, rows,
 * columns, cell kinds (number, inline string, formula with its value,
 * styled blank), row heights and formula texts - in the same
 * constant-memory mode, but reads no applications and computes nothing.
 * So that it cannot drift from pulje's layout (it did: a 2-sheet, 9-column
 * copy ran at 0,72 x the true floor), its cells come from a plan taken
 * once, untimed, from pulje's own workbook at the same size:
 *
 *   bench_bare --plan PULJE.xlsx PLAN    scan the workbook (libzip, expat,
 *                                        streamed), write the plan
 *   bench_bare PLAN OUT.xlsx             write the floor's workbook
 *
 * A plan is, per sheet, its name, the distinct row shapes (height, and per
 * cell its column, kind, style and formula template with the row number
 * left open), the runs of rows in order (first row, shape, count) and per
 * column up to 97 sample texts and numbers, which the writer cycles
 * through (a period longer than zlib's 32 KiB window). Styles become
 * distinct formats, the chart and the document properties are left out.
 * tests/test_bench_floor.c checks that both workbooks have the same cells
 * per sheet, column and kind and the same row heights.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <xlsxwriter.h>
#include <zip.h>

#define MAX_SHEETS 16
#define MAX_COLS 64
#define MAX_SIGS 4096
#define MAX_TMPLS 1024
#define NSAMPLES 97
#define MAX_STYLES 256
#define TEXT_MAX 4096

typedef struct cellspec {
    int col, style, tmpl; /* tmpl: formula template, -1 if none */
    char kind;            /* n number, s string, f formula, b blank */
} cellspec;

typedef struct sig {
    double ht;            /* 0 = default */
    int n;
    cellspec *cells;
} sig;

typedef struct run {
    long row, count;
    int sig;
} run;

typedef struct sheet {
    char *name;
    sig sigs[MAX_SIGS];
    int nsigs;
    char *tmpl[MAX_TMPLS];
    int ntmpls;
    run *runs;
    long nruns, cap;
    char *str[MAX_COLS][NSAMPLES];
    int nstr[MAX_COLS];
    double num[MAX_COLS][NSAMPLES];
    int nnum[MAX_COLS];
} sheet;

static sheet sheets[MAX_SHEETS];
static int nsheets;

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "bench_bare: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static int sig_equal(const sig *a, const sig *b)
{
    if (a->ht != b->ht || a->n != b->n)
        return 0;
    for (int i = 0; i < a->n; i++)
        if (a->cells[i].col != b->cells[i].col || a->cells[i].kind != b->cells[i].kind ||
            a->cells[i].style != b->cells[i].style || a->cells[i].tmpl != b->cells[i].tmpl)
            return 0;
    return 1;
}

static void add_run(sheet *s, long row, int id)
{
    if (s->nruns && s->runs[s->nruns - 1].sig == id &&
        s->runs[s->nruns - 1].row + s->runs[s->nruns - 1].count == row) {
        s->runs[s->nruns - 1].count++;
        return;
    }
    if (s->nruns == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 1024;
        s->runs = realloc(s->runs, (size_t)s->cap * sizeof *s->runs);
        if (!s->runs)
            exit(1);
    }
    s->runs[s->nruns++] = (run){row, 1, id};
}

/* ------------------------------------------------------------ scanning */

typedef struct scan {
    sheet *s;
    long row;             /* 1-based, 0 = none open */
    sig cur;
    cellspec cells[MAX_COLS];
    int col, style, is_str, has_f, has_v, capture, failed;
    char text[TEXT_MAX], ftext[TEXT_MAX], vtext[64];
    size_t len;
} scan;

static const char *attr(const XML_Char **a, const char *name)
{
    for (; *a; a += 2)
        if (strcmp(a[0], name) == 0)
            return a[1];
    return NULL;
}

/* The formula with every cell reference to its own row as \x01. */
static int template_id(scan *x, const char *f)
{
    char out[TEXT_MAX], num[24];
    size_t k = 0, nl;
    sheet *s = x->s;

    nl = (size_t)snprintf(num, sizeof num, "%ld", x->row);
    for (size_t i = 0; f[i] && k < sizeof out - 2;) {
        if (f[i] >= '0' && f[i] <= '9' && i > 0 &&
            ((f[i - 1] >= 'A' && f[i - 1] <= 'Z') || f[i - 1] == '$')) {
            size_t j = i;
            while (f[j] >= '0' && f[j] <= '9')
                j++;
            if (j - i == nl && memcmp(f + i, num, nl) == 0)
                out[k++] = '\x01';
            else
                while (i < j && k < sizeof out - 2)
                    out[k++] = f[i++];
            i = j;
            continue;
        }
        out[k++] = f[i++];
    }
    out[k] = '\0';
    for (int t = 0; t < s->ntmpls; t++)
        if (strcmp(s->tmpl[t], out) == 0)
            return t;
    if (s->ntmpls == MAX_TMPLS) {
        x->failed = 1;
        return 0;
    }
    s->tmpl[s->ntmpls] = xstrndup(out, k);
    return s->ntmpls++;
}

static void end_row(scan *x)
{
    sheet *s = x->s;
    int id;

    if (!x->row)
        return;
    x->cur.cells = x->cells;
    for (id = 0; id < s->nsigs; id++)
        if (sig_equal(&s->sigs[id], &x->cur))
            break;
    if (id == s->nsigs) {
        if (id == MAX_SIGS) {
            x->failed = 1;
            return;
        }
        s->sigs[id] = x->cur;
        s->sigs[id].cells = xmalloc((size_t)x->cur.n * sizeof(cellspec));
        memcpy(s->sigs[id].cells, x->cells, (size_t)x->cur.n * sizeof(cellspec));
        s->nsigs++;
    }
    add_run(s, x->row - 1, id);
    x->row = 0;
}

static void XMLCALL on_start(void *ud, const XML_Char *el, const XML_Char **a)
{
    scan *x = ud;
    const char *v;

    if (strcmp(el, "row") == 0) {
        end_row(x);
        x->row = (v = attr(a, "r")) ? atol(v) : 0;
        x->cur.ht = (v = attr(a, "ht")) ? atof(v) : 0;
        x->cur.n = 0;
    } else if (strcmp(el, "c") == 0) {
        v = attr(a, "r");
        x->col = 0;
        for (; v && *v >= 'A' && *v <= 'Z'; v++)
            x->col = x->col * 26 + (*v - 'A' + 1);
        x->col--;
        x->style = (v = attr(a, "s")) ? atoi(v) : 0;
        x->is_str = (v = attr(a, "t")) && strcmp(v, "inlineStr") == 0;
        x->has_f = x->has_v = 0;
        x->ftext[0] = x->vtext[0] = '\0';
        if (x->col < 0 || x->col >= MAX_COLS || x->cur.n >= MAX_COLS)
            x->failed = 1;
    } else if (strcmp(el, "f") == 0 || strcmp(el, "v") == 0 || strcmp(el, "t") == 0) {
        x->capture = 1;
        x->len = 0;
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *el)
{
    scan *x = ud;
    sheet *s = x->s;

    if (x->failed)
        return;
    if (strcmp(el, "f") == 0) {
        x->has_f = 1;
        memcpy(x->ftext, x->text, x->len + 1);
    } else if (strcmp(el, "v") == 0) {
        x->has_v = 1;
        memcpy(x->vtext, x->text, x->len < sizeof x->vtext ? x->len + 1 : 0);
        x->vtext[sizeof x->vtext - 1] = '\0';
    } else if (strcmp(el, "t") == 0 && x->is_str && s->nstr[x->col] < NSAMPLES) {
        s->str[x->col][s->nstr[x->col]++] = xstrndup(x->text, x->len);
    } else if (strcmp(el, "c") == 0) {
        cellspec *c = &x->cells[x->cur.n++];
        c->col = x->col;
        c->style = x->style;
        c->tmpl = -1;
        c->kind = x->has_f ? 'f' : x->is_str ? 's' : x->has_v ? 'n' : 'b';
        if (x->has_f)
            c->tmpl = template_id(x, x->ftext);
        if (x->has_v && s->nnum[x->col] < NSAMPLES)
            s->num[x->col][s->nnum[x->col]++] = atof(x->vtext);
    } else if (strcmp(el, "row") == 0) {
        end_row(x);
    }
    if (strcmp(el, "f") == 0 || strcmp(el, "v") == 0 || strcmp(el, "t") == 0)
        x->capture = 0;
}

static void XMLCALL on_text(void *ud, const XML_Char *t, int n)
{
    scan *x = ud;
    if (!x->capture)
        return;
    if (x->len + (size_t)n >= TEXT_MAX)
        n = (int)(TEXT_MAX - 1 - x->len);
    memcpy(x->text + x->len, t, (size_t)n);
    x->len += (size_t)n;
    x->text[x->len] = '\0';
}

/* Stream one part of the zip through expat with the given handlers. */
static int parse_part(zip_t *z, const char *name, void *ud, XML_StartElementHandler st,
                      XML_EndElementHandler en, XML_CharacterDataHandler tx)
{
    zip_file_t *f = zip_fopen(z, name, 0);
    XML_Parser p;
    int rc = 0;

    if (!f)
        return -1;
    p = XML_ParserCreate(NULL);
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, st, en);
    XML_SetCharacterDataHandler(p, tx);
    for (;;) {
        void *buf = XML_GetBuffer(p, 1 << 16);
        zip_int64_t got = buf ? zip_fread(f, buf, 1 << 16) : -1;
        if (got < 0 || XML_ParseBuffer(p, (int)got, got == 0) != XML_STATUS_OK) {
            rc = -1;
            break;
        }
        if (got == 0)
            break;
    }
    XML_ParserFree(p);
    zip_fclose(f);
    return rc;
}

static void XMLCALL on_book(void *ud, const XML_Char *el, const XML_Char **a)
{
    const char *v;
    (void)ud;
    if (strcmp(el, "sheet") == 0 && nsheets < MAX_SHEETS && (v = attr(a, "name")))
        sheets[nsheets++].name = xstrndup(v, strlen(v));
}

static void XMLCALL no_end(void *ud, const XML_Char *el)
{
    (void)ud, (void)el;
}

static void XMLCALL no_text(void *ud, const XML_Char *t, int n)
{
    (void)ud, (void)t, (void)n;
}

static void put_text(FILE *f, const char *tag, int col, const char *s)
{
    fprintf(f, "%s %d %zu ", tag, col, strlen(s));
    fwrite(s, 1, strlen(s), f);
    fputc('\n', f);
}

static int make_plan(const char *xlsx, const char *out)
{
    int err;
    zip_t *z = zip_open(xlsx, ZIP_RDONLY, &err);
    FILE *f;

    if (!z || parse_part(z, "xl/workbook.xml", NULL, on_book, no_end, no_text) != 0) {
        fprintf(stderr, "bench_bare: cannot read %s\n", xlsx);
        return 1;
    }
    for (int i = 0; i < nsheets; i++) {
        static scan x;
        char part[64];
        memset(&x, 0, sizeof x);
        x.s = &sheets[i];
        snprintf(part, sizeof part, "xl/worksheets/sheet%d.xml", i + 1);
        if (parse_part(z, part, &x, on_start, on_end, on_text) != 0 || x.failed) {
            fprintf(stderr, "bench_bare: cannot scan %s in %s\n", part, xlsx);
            return 1;
        }
    }
    zip_close(z);
    if (!(f = fopen(out, "w")))
        return 1;
    fprintf(f, "pulje-bench-plan 1 %d\n", nsheets);
    for (int i = 0; i < nsheets; i++) {
        sheet *s = &sheets[i];
        put_text(f, "sheet", 0, s->name);
        for (int t = 0; t < s->ntmpls; t++)
            put_text(f, "tmpl", t, s->tmpl[t]);
        for (int c = 0; c < MAX_COLS; c++) {
            for (int k = 0; k < s->nstr[c]; k++)
                put_text(f, "str", c, s->str[c][k]);
            for (int k = 0; k < s->nnum[c]; k++)
                fprintf(f, "num %d %.17g\n", c, s->num[c][k]);
        }
        for (int g = 0; g < s->nsigs; g++) {
            fprintf(f, "sig %g %d", s->sigs[g].ht, s->sigs[g].n);
            for (int k = 0; k < s->sigs[g].n; k++) {
                const cellspec *c = &s->sigs[g].cells[k];
                fprintf(f, " %d %c %d %d", c->col, c->kind, c->style, c->tmpl);
            }
            fputc('\n', f);
        }
        for (long r = 0; r < s->nruns; r++)
            fprintf(f, "run %ld %d %ld\n", s->runs[r].row, s->runs[r].sig, s->runs[r].count);
    }
    fprintf(f, "end\n");
    return fclose(f) == 0 ? 0 : 1;
}

/* ------------------------------------------------------------- writing */

static int failed;

/* Note the first libxlsxwriter error; later writes still run (cheaply). */
static void ck(lxw_error e, const char *what)
{
    if (e != LXW_NO_ERROR && !failed) {
        fprintf(stderr, "bench_bare: %s: %s\n", what, lxw_strerror(e));
        failed = 1;
    }
}

/* Read "<tag> <col> <len> <bytes>\n" after the tag was read. */
static char *get_text(FILE *f, int *col)
{
    size_t len;
    char *s;
    if (fscanf(f, "%d %zu", col, &len) != 2 || fgetc(f) != ' ' || len >= TEXT_MAX)
        return NULL;
    s = xmalloc(len + 1);
    if (fread(s, 1, len, f) != len)
        return NULL;
    s[len] = '\0';
    return s;
}

static int read_plan(const char *path)
{
    FILE *f = fopen(path, "r");
    char tag[16];
    sheet *s = NULL;
    int n, col;

    if (!f || fscanf(f, "pulje-bench-plan 1 %d", &n) != 1)
        return -1;
    while (fscanf(f, "%15s", tag) == 1) {
        if (strcmp(tag, "end") == 0)
            break;
        if (strcmp(tag, "sheet") == 0) {
            if (nsheets == MAX_SHEETS)
                return -1;
            s = &sheets[nsheets++];
            if (!(s->name = get_text(f, &col)))
                return -1;
        } else if (!s) {
            return -1;
        } else if (strcmp(tag, "tmpl") == 0) {
            char *t = get_text(f, &col);
            if (!t || s->ntmpls == MAX_TMPLS)
                return -1;
            s->tmpl[s->ntmpls++] = t;
        } else if (strcmp(tag, "str") == 0) {
            char *t = get_text(f, &col);
            if (!t || col < 0 || col >= MAX_COLS || s->nstr[col] == NSAMPLES)
                return -1;
            s->str[col][s->nstr[col]++] = t;
        } else if (strcmp(tag, "num") == 0) {
            double v;
            if (fscanf(f, "%d %lf", &col, &v) != 2 || col < 0 || col >= MAX_COLS ||
                s->nnum[col] == NSAMPLES)
                return -1;
            s->num[col][s->nnum[col]++] = v;
        } else if (strcmp(tag, "sig") == 0) {
            sig *g = &s->sigs[s->nsigs];
            if (s->nsigs == MAX_SIGS || fscanf(f, "%lf %d", &g->ht, &g->n) != 2 || g->n < 0 ||
                g->n > MAX_COLS)
                return -1;
            g->cells = xmalloc((size_t)g->n * sizeof(cellspec));
            for (int k = 0; k < g->n; k++) {
                cellspec *c = &g->cells[k];
                if (fscanf(f, "%d %c %d %d", &c->col, &c->kind, &c->style, &c->tmpl) != 4 ||
                    c->col < 0 || c->col >= MAX_COLS || c->style < 0 ||
                    c->style >= MAX_STYLES || c->tmpl >= s->ntmpls)
                    return -1;
            }
            s->nsigs++;
        } else if (strcmp(tag, "run") == 0) {
            run r;
            if (fscanf(f, "%ld %d %ld", &r.row, &r.sig, &r.count) != 3 || r.sig < 0 ||
                r.sig >= s->nsigs)
                return -1;
            add_run(s, r.row, r.sig);
            s->runs[s->nruns - 1].count = r.count;
        } else {
            return -1;
        }
    }
    fclose(f);
    return nsheets == n ? 0 : -1;
}

/* A formula template with \x01 replaced by the 1-based row number. */
static const char *expand(const char *t, long row, char *out, size_t size)
{
    char num[24];
    size_t k = 0, nl = (size_t)snprintf(num, sizeof num, "%ld", row + 1);
    for (; *t && k + nl < size - 1; t++) {
        if (*t == '\x01') {
            memcpy(out + k, num, nl);
            k += nl;
        } else {
            out[k++] = *t;
        }
    }
    out[k] = '\0';
    return out;
}

static int write_book(const char *out)
{
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL,
                                 .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(out, &opts);
    lxw_worksheet *ws[MAX_SHEETS];
    lxw_format *fmt[MAX_STYLES] = {0};
    char formula[TEXT_MAX + 64];
    static const char *const empty = "";

    if (!wb) {
        fprintf(stderr, "bench_bare: cannot create %s\n", out);
        return 1;
    }
    for (int i = 0; i < nsheets; i++)
        ws[i] = workbook_add_worksheet(wb, sheets[i].name);
    for (int i = 0; i < nsheets; i++) {
        sheet *s = &sheets[i];
        long k = 0;
        for (long r = 0; r < s->nruns; r++) {
            const sig *g = &s->sigs[s->runs[r].sig];
            for (long row = s->runs[r].row; row < s->runs[r].row + s->runs[r].count; row++) {
                if (g->ht > 0)
                    ck(worksheet_set_row(ws[i], (lxw_row_t)row, g->ht, NULL), "set_row");
                for (int c = 0; c < g->n; c++, k++) {
                    const cellspec *cs = &g->cells[c];
                    lxw_format *f = fmt[cs->style];
                    int col = cs->col;
                    double v = s->nnum[col] ? s->num[col][k % s->nnum[col]] : 0;
                    if (!f && cs->style > 0) {
                        f = fmt[cs->style] = workbook_add_format(wb);
                        /* distinct from every other format and from the default
                         * (11 pt): libxlsxwriter caches the index of a format only
                         * when it is not a duplicate, else hashes it at every cell */
                        format_set_font_size(f, 20 + 0.5 * cs->style);
                    }
                    switch (cs->kind) {
                    case 'n':
                        ck(worksheet_write_number(ws[i], (lxw_row_t)row, (lxw_col_t)col, v, f),
                           "number");
                        break;
                    case 's':
                        ck(worksheet_write_string(ws[i], (lxw_row_t)row, (lxw_col_t)col,
                                                  s->nstr[col] ? s->str[col][k % s->nstr[col]]
                                                               : empty, f),
                           "string");
                        break;
                    case 'f':
                        ck(worksheet_write_formula_num(
                               ws[i], (lxw_row_t)row, (lxw_col_t)col,
                               expand(s->tmpl[cs->tmpl], row, formula, sizeof formula), f, v),
                           "formula");
                        break;
                    default:
                        if (!f) {
                            if (!fmt[0]) {
                                fmt[0] = workbook_add_format(wb);
                                format_set_font_size(fmt[0], 19.5);
                            }
                            f = fmt[0];
                        }
                        ck(worksheet_write_blank(ws[i], (lxw_row_t)row, (lxw_col_t)col, f),
                           "blank");
                    }
                }
            }
        }
    }
    ck(workbook_close(wb), "workbook_close");
    return failed;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--plan") == 0)
        return make_plan(argv[2], argv[3]);
    if (argc != 3 || argv[1][0] == '-') {
        fprintf(stderr, "usage: bench_bare --plan PULJE.xlsx PLAN\n"
                        "       bench_bare PLAN OUT.xlsx\n");
        return 2;
    }
    if (read_plan(argv[1]) != 0) {
        fprintf(stderr, "bench_bare: %s is not a plan\n", argv[1]);
        return 1;
    }
    return write_book(argv[2]);
}
