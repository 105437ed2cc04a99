/* letters_pdf.c - Decision letters on paper (libharu), the mail-merge CSV
 * and the letters folder: the I/O half of letters.h. */
#include "letters_pdf.h"

#include <dirent.h>
#include <errno.h>
#ifndef PULJE_NO_PDF
#include <hpdf.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "book.h"
#include "date.h"
#include "fsutil.h"
#include "labels.h"
#include "report.h"
#include "table.h"
#include "text.h"

#ifndef PULJE_NO_PDF
/* ---- UTF-8 to CP1252 ----------------------------------------------------- */

/* The CP1252 byte of code point cp, or '?'. */
static unsigned char cp1252_of(unsigned cp)
{
    static const struct { unsigned cp; unsigned char b; } hi[] = {
        {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
        {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
        {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
        {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
        {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
        {0x017E, 0x9E}, {0x0178, 0x9F},
    };
    if (cp == '\t' || cp == 0x202F || cp == 0x2009)
        return ' ';
    if (cp == 0x2248) /* ≈ */
        return '~';
    if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF))
        return (unsigned char)cp;
    for (size_t k = 0; k < sizeof hi / sizeof hi[0]; k++)
        if (hi[k].cp == cp)
            return hi[k].b;
    return '?';
}

/* s (UTF-8) as CP1252 into out (always terminated). A byte that is not
 * UTF-8 becomes '?'. */
static void to_cp1252(const char *s, char *out, size_t size)
{
    const unsigned char *u = (const unsigned char *)(s ? s : "");
    size_t o = 0;

    while (*u && o + 1 < size) {
        unsigned cp = *u, need = 0;
        if (cp >= 0xF0 && cp < 0xF8) { cp &= 0x07; need = 3; }
        else if (cp >= 0xE0) { cp &= 0x0F; need = 2; }
        else if (cp >= 0xC0) { cp &= 0x1F; need = 1; }
        else if (cp >= 0x80) { out[o++] = '?'; u++; continue; }
        u++;
        for (unsigned k = 0; k < need; k++, u++) {
            if ((*u & 0xC0) != 0x80) { cp = '?'; break; }
            cp = (cp << 6) | (*u & 0x3F);
        }
        if (cp == '\n' || cp == '\r')
            cp = ' ';
        out[o++] = (char)cp1252_of(cp);
    }
    out[o] = '\0';
}

/* ---- the page ------------------------------------------------------------ */

/* A4 in points, and the margins. */
#define PAGE_W 595.276f
#define PAGE_H 841.89f
#define LEFT 72.0f
#define RIGHT 62.0f
#define TOP 805.0f
#define BOTTOM 48.0f
#define TEXT_W (PAGE_W - LEFT - RIGHT)
#define META_X 372.0f

#define SIZE_BODY 10.0f
#define LEAD_BODY 13.4f
#define SIZE_CALC 7.8f
#define LEAD_CALC 9.3f

typedef struct pdfw {
    HPDF_Doc pdf;
    HPDF_Font font, bold;
    HPDF_Page page;
    float y;
    int page_no;       /* in the current letter */
    int pages;         /* in the document */
    const letter *l;
    HPDF_STATUS error; /* the first error libharu reported; 0 none */
    int dry;           /* measuring: wrapped() moves y but draws nothing */
} pdfw;

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
    pdfw *w = user;
    (void)detail_no;
    if (!w->error)
        w->error = error_no;
}

static float text_width(pdfw *w, HPDF_Font f, float size, const char *s)
{
    HPDF_Page_SetFontAndSize(w->page, f, size);
    return HPDF_Page_TextWidth(w->page, s);
}

static void text_at(pdfw *w, HPDF_Font f, float size, float x, float y, const char *s)
{
    HPDF_Page_BeginText(w->page);
    HPDF_Page_SetFontAndSize(w->page, f, size);
    HPDF_Page_TextOut(w->page, x, y, s);
    HPDF_Page_EndText(w->page);
}

/* The footer of the current page. */
static void footer(pdfw *w)
{
    char u[512], c[512];
    label_format(u, sizeof u, L_LT_FOOTER, w->l->fields[LF_POOL], atoi(w->l->fields[LF_YEAR]),
                 w->l->fields[LF_NR], w->page_no);
    to_cp1252(u, c, sizeof c);
    HPDF_Page_SetGrayFill(w->page, 0.4f);
    text_at(w, w->font, 7.5f, (PAGE_W - text_width(w, w->font, 7.5f, c)) / 2, 28.0f, c);
    HPDF_Page_SetGrayFill(w->page, 0.0f);
}

static void new_page(pdfw *w)
{
    w->page = HPDF_AddPage(w->pdf);
    HPDF_Page_SetSize(w->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    w->page_no++;
    w->pages++;
    w->y = TOP;
    footer(w);
    if (w->page_no > 1) {
        char u[1024], c[1024];
        label_format(u, sizeof u, L_LT_CONTINUED, w->l->fields[LF_ASSOCIATION],
                     w->l->fields[LF_NR]);
        to_cp1252(u, c, sizeof c);
        HPDF_Page_SetGrayFill(w->page, 0.35f);
        text_at(w, w->font, 8.5f, LEFT, TOP - 6, c);
        HPDF_Page_SetGrayFill(w->page, 0.0f);
        w->y = TOP - 30;
    }
}

/* Room for h points more, else a new page. */
static void need(pdfw *w, float h)
{
    if (!w->dry && w->y - h < BOTTOM)
        new_page(w);
}

/* Text s (CP1252) wrapped to width at x: one line per call of the lead. */
static void wrapped(pdfw *w, HPDF_Font f, float size, float lead, float x, float width,
                    const char *s)
{
    char line[4096];
    const char *p = s;

    while (*p == ' ')
        p++;
    while (*p) {
        size_t best = 0, n = 0;
        /* the longest run of whole words that fits; a word too long alone is cut */
        for (;;) {
            size_t end = n;
            while (p[end] == ' ')
                end++;
            /* an amount and its currency stay on one line: "43.200 kr.", "DKK 43,200" */
            while (p[end] && (p[end] != ' ' || strncmp(p + end, " kr.", 4) == 0 ||
                              (end >= 3 && strncmp(p + end - 3, "DKK", 3) == 0)))
                end++;
            if (end >= sizeof line)
                break;
            memcpy(line, p, end);
            line[end] = '\0';
            if (text_width(w, f, size, line) > width && best > 0)
                break;
            best = end;
            if (!p[end])
                break;
            n = end;
            if (text_width(w, f, size, line) > width)
                break;
        }
        if (best == 0)
            best = strlen(p) < sizeof line - 1 ? strlen(p) : sizeof line - 1;
        memcpy(line, p, best);
        line[best] = '\0';
        need(w, lead);
        w->y -= lead;
        if (!w->dry)
            text_at(w, f, size, x, w->y, line);
        p += best;
        while (*p == ' ')
            p++;
    }
}

/* The letterhead, the date block and the address: the first page's top. */
static size_t head(pdfw *w)
{
    const letter *l = w->l;
    char c[2048], v[2048];
    float ym = TOP - 52, yr = TOP - 52;
    size_t k = 0;

    for (; k < l->n; k++) {
        const letter_block *b = &l->v[k];
        if (b->kind == LB_SENDER) {
            to_cp1252(b->text, c, sizeof c);
            text_at(w, w->bold, 15.0f, LEFT, TOP - 6, c);
            to_cp1252(b->value, c, sizeof c);
            HPDF_Page_SetGrayFill(w->page, 0.3f);
            text_at(w, w->font, 10.0f, LEFT, TOP - 22, c);
            HPDF_Page_SetGrayFill(w->page, 0.0f);
            HPDF_Page_SetLineWidth(w->page, 0.6f);
            HPDF_Page_MoveTo(w->page, LEFT, TOP - 32);
            HPDF_Page_LineTo(w->page, PAGE_W - RIGHT, TOP - 32);
            HPDF_Page_Stroke(w->page);
        } else if (b->kind == LB_META) {
            to_cp1252(b->text, c, sizeof c);
            to_cp1252(b->value, v, sizeof v);
            HPDF_Page_SetGrayFill(w->page, 0.35f);
            text_at(w, w->font, 8.5f, META_X, ym, c);
            HPDF_Page_SetGrayFill(w->page, 0.0f);
            text_at(w, w->font, 9.5f, META_X + 72, ym, v);
            ym -= 13.5f;
        } else if (b->kind == LB_RECIPIENT) {
            to_cp1252(b->text, c, sizeof c);
            w->y = yr + 13.5f;
            wrapped(w, yr == TOP - 52 ? w->bold : w->font, 10.5f, 13.5f, LEFT,
                    META_X - LEFT - 16, c);
            yr = w->y - 13.5f;
        } else {
            break;
        }
    }
    w->y = (ym < yr ? ym : yr) - 14;
    return k;
}

/* One letter, from a new page. */
static void put_letter(pdfw *w, const letter *l)
{
    char c[8192], v[512];
    int in_calc = 0;

    w->l = l;
    w->page_no = 0;
    new_page(w);
    for (size_t k = head(w); k < l->n; k++) {
        const letter_block *b = &l->v[k];
        to_cp1252(b->text, c, sizeof c);
        if (in_calc && b->kind != LB_CALC) {
            HPDF_Page_SetGrayFill(w->page, 0.0f);
            w->y -= 6;
        }
        in_calc = b->kind == LB_CALC;
        switch (b->kind) {
        case LB_SUBJECT:
            wrapped(w, w->bold, 12.0f, 15.5f, LEFT, TEXT_W, c);
            w->y -= 5;
            break;
        case LB_HEADING:
            need(w, 6 + 14 + LEAD_BODY);
            w->y -= 3;
            wrapped(w, w->bold, 10.5f, 13.5f, LEFT, TEXT_W, c);
            break;
        case LB_PARA:
            if (k + 1 < l->n && b[1].kind == LB_SIGNATURE) {
                /* the last paragraph goes with the signature */
                float y0 = w->y, h;
                size_t m = 0;
                w->dry = 1;
                wrapped(w, w->font, SIZE_BODY, LEAD_BODY, LEFT, TEXT_W, c);
                w->dry = 0;
                h = y0 - w->y;
                w->y = y0;
                while (k + 1 + m < l->n && b[1 + m].kind == LB_SIGNATURE)
                    m++;
                need(w, h + 4 + (float)m * LEAD_BODY);
            }
            wrapped(w, w->font, SIZE_BODY, LEAD_BODY, LEFT, TEXT_W, c);
            w->y -= 4;
            break;
        case LB_FIGURE:
        case LB_FIGURE_TOTAL: {
            HPDF_Font f = b->kind == LB_FIGURE_TOTAL ? w->bold : w->font;
            float right = LEFT + 360;
            need(w, LEAD_BODY + 3);
            if (b->kind == LB_FIGURE_TOTAL) {
                HPDF_Page_SetLineWidth(w->page, 0.5f);
                HPDF_Page_MoveTo(w->page, LEFT, w->y - 3.5f);
                HPDF_Page_LineTo(w->page, right, w->y - 3.5f);
                HPDF_Page_Stroke(w->page);
                w->y -= 2;
            }
            w->y -= 12.6f;
            text_at(w, f, SIZE_BODY, LEFT, w->y, c);
            to_cp1252(b->value, v, sizeof v);
            text_at(w, f, SIZE_BODY, right - text_width(w, f, SIZE_BODY, v), w->y, v);
            if (b->kind == LB_FIGURE_TOTAL)
                w->y -= 9;
            break;
        }
        case LB_CALC:
            HPDF_Page_SetGrayFill(w->page, 0.25f);
            wrapped(w, w->font, SIZE_CALC, LEAD_CALC, LEFT + (b->indent ? 14.0f : 0.0f),
                    TEXT_W - (b->indent ? 14.0f : 0.0f), c);
            HPDF_Page_SetGrayFill(w->page, 0.25f);
            break;
        case LB_SIGNATURE:
            if (b == l->v + k && (k == 0 || b[-1].kind != LB_SIGNATURE)) {
                size_t m = 0; /* the signature stays whole */
                while (k + m < l->n && b[m].kind == LB_SIGNATURE)
                    m++;
                need(w, (float)m * LEAD_BODY + 6);
                w->y -= 6;
            }
            need(w, LEAD_BODY);
            w->y -= LEAD_BODY;
            if (c[0])
                text_at(w, w->font, SIZE_BODY, LEFT, w->y, c);
            break;
        default:
            break;
        }
    }
    HPDF_Page_SetGrayFill(w->page, 0.0f);
}

int letters_pdf_write(const char *path, letter *const *v, size_t n, const char *date,
                      char *err, size_t errsz)
{
    pdfw w;
    atomic_file af;
    date_ymd d = {2000, 1, 1};
    HPDF_Date hd;
    const char *name, *bname;

    memset(&w, 0, sizeof w);
    if (access(LETTERS_FONT, R_OK) != 0 || access(LETTERS_FONT_BOLD, R_OK) != 0) {
        text_set_err(err, errsz, "cannot read the font %s: %s (install fonts-dejavu-core)",
                     access(LETTERS_FONT, R_OK) != 0 ? LETTERS_FONT : LETTERS_FONT_BOLD,
                     strerror(errno));
        return -1;
    }
    w.pdf = HPDF_New(on_error, &w);
    if (!w.pdf) {
        text_set_err(err, errsz, "out of memory");
        return -1;
    }
    HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL);
    name = HPDF_LoadTTFontFromFile(w.pdf, LETTERS_FONT, HPDF_TRUE);
    bname = HPDF_LoadTTFontFromFile(w.pdf, LETTERS_FONT_BOLD, HPDF_TRUE);
    if (name && bname) {
        w.font = HPDF_GetFont(w.pdf, name, "CP1252");
        w.bold = HPDF_GetFont(w.pdf, bname, "CP1252");
    }
    if (date)
        date_parse(date, &d);
    memset(&hd, 0, sizeof hd);
    hd.year = d.year;
    hd.month = d.month;
    hd.day = d.day;
    hd.ind = 'Z';
    HPDF_SetInfoDateAttr(w.pdf, HPDF_INFO_CREATION_DATE, hd);
    HPDF_SetInfoDateAttr(w.pdf, HPDF_INFO_MOD_DATE, hd);
    HPDF_SetInfoAttr(w.pdf, HPDF_INFO_CREATOR, "pulje");
    for (size_t k = 0; k < n && !w.error && w.font && w.bold; k++)
        put_letter(&w, v[k]);
    if (w.error || !w.font || !w.bold) {
        text_set_err(err, errsz, "libharu could not make the PDF (error 0x%04X)",
                     (unsigned)w.error);
        HPDF_Free(w.pdf);
        return -1;
    }
    if (atomic_begin_err(&af, path, 0, err, errsz) != 0) {
        HPDF_Free(w.pdf);
        return -1;
    }
    if (HPDF_SaveToFile(w.pdf, af.tmp_path) != HPDF_OK || w.error) {
        text_set_err(err, errsz, "cannot write %s: libharu error 0x%04X", path,
                     (unsigned)w.error);
        atomic_abort(&af);
        HPDF_Free(w.pdf);
        return -1;
    }
    HPDF_Free(w.pdf);
    if (atomic_commit_err(&af, path, err, errsz) != 0)
        return -1;
    return w.pages;
}

#else /* PULJE_NO_PDF: the browser page's build has no libharu and no fonts */

int letters_pdf_write(const char *path, letter *const *v, size_t n, const char *date,
                      char *err, size_t errsz)
{
    (void)path, (void)v, (void)n, (void)date;
    text_set_err(err, errsz, "this build of pulje writes no PDF letters; pulje letters on the "
                 "command line does");
    return -1;
}
#endif

/* ---- the template ------------------------------------------------------- */

int letters_template_load(const pool *p, letter_template *t, diag_list *dl)
{
    char *path, *data = NULL;
    size_t len = 0;
    int rc;

    memset(t, 0, sizeof *t);
    if (!p->letter)
        return letters_template_default(t);
    path = pool_path_beside(p, p->letter);
    if (!path)
        return -2;
    if (text_read_file(path, &data, &len) != 0) {
        if (errno == ENOMEM) {
            free(path);
            return -2;
        }
        diag_add(dl, DIAG_ERROR, p->file, 0, 0,
                 "`letter =` in [pool] names the template relative to the pool file; "
                 "leave it out for the built-in one",
                 "cannot read the letter template %s: %s", path, strerror(errno));
        free(path);
        return -1;
    }
    if (!text_is_utf8(data, len)) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, "save the template as UTF-8",
                 "the letter template is not UTF-8");
        rc = -1;
    } else {
        rc = letters_template_parse(data, len, path, t, dl);
    }
    free(data);
    free(path);
    return rc;
}

/* ---- the writers --------------------------------------------------------- */

/* Every letter, built; NULL on out of memory (err set). Free with free_all(). */
static letter *build_all(const pool *p, const app_list *apps, const alloc_result *r,
                         const letter_template *t, char *err, size_t errsz)
{
    letter *v = calloc(r->n ? r->n : 1, sizeof *v);

    for (size_t i = 0; v && i < r->n; i++)
        if (letters_build(p, apps, r, i, t, &v[i]) != 0) {
            for (size_t k = 0; k < i; k++)
                letters_free(&v[k]);
            free(v);
            v = NULL;
        }
    if (!v)
        text_set_err(err, errsz, "out of memory");
    return v;
}

static void free_all(letter *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        letters_free(&v[i]);
    free(v);
}

int letters_write_combined(const char *path, const pool *p, const app_list *apps,
                           const alloc_result *r, const letter_template *t, char *err,
                           size_t errsz)
{
    letter *v = build_all(p, apps, r, t, err, errsz);
    letter **pv;
    int rc;

    if (!v)
        return -1;
    pv = calloc(r->n ? r->n : 1, sizeof *pv);
    if (!pv) {
        free_all(v, r->n);
        text_set_err(err, errsz, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < r->n; i++)
        pv[i] = &v[i];
    rc = letters_pdf_write(path, pv, r->n, p->decision_date, err, errsz);
    free(pv);
    free_all(v, r->n);
    return rc;
}

/* What put_csv writes. */
typedef struct csv_ctx {
    const pool *p;
    const app_list *apps;
    const alloc_result *r;
    const letter_template *t;
} csv_ctx;

/* The header and one row per application; a table_write_fn. */
static int put_csv(FILE *fp, void *ctx)
{
    const csv_ctx *c = ctx;
    for (int f = 0; f < LF__COUNT; f++)
        if (table_write_text(fp, letters_field_name((letter_field)f), f == 0) != 0)
            return -1;
    if (table_write_eol(fp) != 0)
        return -1;
    for (size_t i = 0; i < c->r->n; i++) {
        letter l;
        int rc = letters_build(c->p, c->apps, c->r, i, c->t, &l);
        for (int f = 0; rc == 0 && f < LF__COUNT; f++)
            rc = table_write_text(fp, l.fields[f], f == 0);
        letters_free(&l);
        if (rc != 0 || table_write_eol(fp) != 0)
            return -1;
    }
    return 0;
}

int letters_write_csv(const char *path, const pool *p, const app_list *apps,
                      const alloc_result *r, char *err, size_t errsz)
{
    letter_template t;
    csv_ctx c = {p, apps, r, &t};
    int rc;

    /* the fields do not depend on the template */
    if (letters_template_default(&t) != 0) {
        text_set_err(err, errsz, "out of memory");
        return -1;
    }
    rc = table_write_file(path, put_csv, &c, err, errsz);
    letters_template_free(&t);
    return rc;
}

int letters_write_merge_xlsx(const char *path, const pool *p, const app_list *apps,
                             const alloc_result *r, char *err, size_t errsz)
{
    letter_template t;
    lxw_datetime date;
    lxw_doc_properties props;
    lxw_format *head;
    book_sheet s;
    book b;

    if (letters_template_default(&t) != 0) {
        text_set_err(err, errsz, "out of memory");
        return -1;
    }
    if (book_open(&b, path, NULL, err, errsz) != 0) {
        letters_template_free(&t);
        return -1;
    }
    memset(&props, 0, sizeof props);
    if (p->decision_date && book_parse_date(p->decision_date, &date) == 0)
        props.created = book_created_time(&date);
    lxw_error e = workbook_set_properties(b.wb, &props);
    if (e != LXW_NO_ERROR)
        book_fail(&b, "libxlsxwriter: workbook_set_properties: %s", lxw_strerror(e));
    head = book_add_format(&b, F_BOLD, NULL);
    s = book_add_sheet(&b, L_LT_MERGE_SHEET);
    for (int f = 0; f < LF__COUNT && !b.failed; f++) {
        book_put_text(&b, &s, 0, (lxw_col_t)f, letters_field_name((letter_field)f), head);
        book_set_column(&b, &s, (lxw_col_t)f, (lxw_col_t)f, f == 0 ? 8 : 18);
    }
    for (size_t i = 0; i < r->n && !b.failed; i++) {
        letter l;
        if (letters_build(p, apps, r, i, &t, &l) != 0) {
            book_fail(&b, "out of memory");
            break;
        }
        for (int f = 0; f < LF__COUNT; f++)
            book_put_text(&b, &s, (lxw_row_t)(i + 1), (lxw_col_t)f, l.fields[f], NULL);
        letters_free(&l);
    }
    if (!b.failed)
        worksheet_freeze_panes(s.ws, 1, 0);
    letters_template_free(&t);
    return book_close(&b);
}

/* A file in dir that is not a letter (not "*.pdf"), or "" if none. */
static int stranger_in(const char *dir, char *name, size_t size)
{
    DIR *d = opendir(dir);
    struct dirent *ent;

    name[0] = '\0';
    if (!d)
        return 0;
    while ((ent = readdir(d)) != NULL) {
        size_t n = strlen(ent->d_name);
        if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
            continue;
        if (n < 5 || strcmp(ent->d_name + n - 4, ".pdf") != 0 || ent->d_name[0] == '.') {
            snprintf(name, size, "%s", ent->d_name);
            break;
        }
    }
    closedir(d);
    return name[0] != '\0';
}

long letters_write_folder(const char *dir, const pool *p, const app_list *apps,
                          const alloc_result *r, const letter_template *t, char *err,
                          size_t errsz)
{
    char stage[4096], old[4608], path[4608], fname[256], who[256];
    const char *slash = strrchr(dir, '/');
    size_t parent = slash ? (size_t)(slash - dir) : 0;
    struct stat st;
    int exists = stat(dir, &st) == 0;
    long n = 0;

    if (exists && !S_ISDIR(st.st_mode)) {
        text_set_err(err, errsz, "%s is not a folder", dir);
        return -1;
    }
    if (exists && stranger_in(dir, who, sizeof who)) {
        text_set_err(err, errsz,
                     "%s holds %s, which is not a letter; move it away, pulje replaces the "
                     "folder whole", dir, who);
        return -1;
    }
    if ((size_t)snprintf(stage, sizeof stage, "%.*s%s.pulje-breve-XXXXXX", (int)parent, dir,
                         slash ? "/" : "") >= sizeof stage ||
        !mkdtemp(stage)) {
        text_set_err(err, errsz, "cannot make a folder beside %s: %s", dir, strerror(errno));
        return -1;
    }
    for (size_t i = 0; i < r->n; i++) {
        letter l;
        letter *one = &l;
        if (letters_build(p, apps, r, i, t, &l) != 0) {
            text_set_err(err, errsz, "out of memory");
            fs_remove_folder(stage);
            return -1;
        }
        snprintf(path, sizeof path, "%s/%s", stage, letters_file_name(&l, fname, sizeof fname));
        if (letters_pdf_write(path, &one, 1, p->decision_date, err, errsz) < 0) {
            letters_free(&l);
            fs_remove_folder(stage);
            return -1;
        }
        letters_free(&l);
        n++;
    }
    if (exists) {
        snprintf(old, sizeof old, "%.*s%s.pulje-breve-old-XXXXXX", (int)parent, dir,
                 slash ? "/" : "");
        /* an empty folder made here is replaced by the old one's rename */
        if (!mkdtemp(old) || rename(dir, old) != 0) {
            text_set_err(err, errsz, "cannot move the old %s aside: %s", dir, strerror(errno));
            fs_remove_folder(stage);
            return -1;
        }
    }
    if (rename(stage, dir) != 0) {
        text_set_err(err, errsz, "cannot put %s in place: %s", dir, strerror(errno));
        if (exists)
            rename(old, dir);
        fs_remove_folder(stage);
        return -1;
    }
    if (exists)
        fs_remove_folder(old);
    return n;
}

long letters_write_run_folder(const char *out_dir, const char *tag, const pool *p,
                              const app_list *apps, const alloc_result *r,
                              const letter_template *t, char *dir, size_t dirsz, char *err,
                              size_t errsz)
{
    char base[256];
    long n;
    size_t len;

    report_basename(p, base, sizeof base);
    snprintf(dir, dirsz, "%s/%s%s%s-breve", out_dir, base, tag && tag[0] ? "-" : "",
             tag ? tag : "");
    n = letters_write_folder(dir, p, apps, r, t, err, errsz);
    len = strlen(dir);
    if (n >= 0 && len + 1 < dirsz) {
        dir[len] = '/';
        dir[len + 1] = '\0';
    }
    return n;
}
