/* init.c - A new pool folder: pool file, applications templates, empty ledger. */
#include "init.h"
#include "init_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <xlsxwriter.h>

#include "apps.h"
#include "atomic.h"
#include "book.h"
#include "labels.h"
#include "ledger.h"
#include "pool.h"
#include "report.h"
#include "text.h"

/* Rows of the workbook template that get formats and validation. */
#define TEMPLATE_ROWS 2000

/* ---- text files --------------------------------------------------------- */

/* Write the text ctx to fp; an atomic_put_fn. */
static int put_text(FILE *fp, void *ctx, char *err, size_t errsz)
{
    (void)err;
    (void)errsz;
    return fputs(ctx, fp) == EOF ? -1 : 0;
}

/* Write text to path atomically. Returns 0 or -1 with err set. */
int init_write_text(const char *path, const char *text, char *err, size_t errsz)
{
    return atomic_write(path, put_text, (void *)text, err, errsz);
}

/* The pool file for year, from its label. malloc'ed; NULL on out of memory. */
static char *pool_text(int year)
{
    int n = label_format(NULL, 0, L_INIT_POOL_FILE, year, year - 1, year, year, year);
    char *t = n < 0 ? NULL : malloc((size_t)n + 1);

    if (t)
        label_format(t, (size_t)n + 1, L_INIT_POOL_FILE, year, year - 1, year, year, year);
    return t;
}

/* The applications CSV's header: BOM, the reader's headers joined by ';',
 * then p's earmark columns (p may be NULL), CRLF. */
void init_apps_header(char *buf, size_t size, const pool *p)
{
    size_t o = (size_t)snprintf(buf, size, "\xEF\xBB\xBF");

    for (size_t c = 0; apps_columns[c].col.key && o < size; c++)
        o += (size_t)snprintf(buf + o, size - o, "%s%s", c ? ";" : "",
                              apps_columns[c].col.header);
    for (size_t k = 0; p && k < p->n_earmark_defs && o < size; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        for (size_t j = 0; j < e->n_criteria && o < size; j++)
            o += (size_t)snprintf(buf + o, size - o, ";%s", e->criteria[j].key);
        if (o < size)
            o += (size_t)snprintf(buf + o, size - o, ";%s tillæg ansøgt;%s tillæg indstillet",
                                  e->key, e->key);
    }
    if (o < size)
        snprintf(buf + o, size - o, "\r\n");
}

/* ---- the workbook template ---------------------------------------------- */

/* A data validation on rows 1..TEMPLATE_ROWS of column col. */
static void validate(book *b, const book_sheet *s, lxw_col_t col, lxw_data_validation *v)
{
    if (b->failed)
        return;
    v->ignore_blank = LXW_VALIDATION_ON;
    book_check(b, s, worksheet_data_validation_range(s->ws, 1, col, TEMPLATE_ROWS, col, v),
               "worksheet_data_validation_range");
}

/* A whole number from min to max. */
static void validate_int(book *b, const book_sheet *s, lxw_col_t col, double min, double max)
{
    lxw_data_validation v;

    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_INTEGER;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = min;
    v.maximum_number = max;
    validate(b, s, col, &v);
}

/* A drop-down list of the given values (NULL-terminated). */
static void validate_list(book *b, const book_sheet *s, lxw_col_t col, const char **values)
{
    lxw_data_validation v;

    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = (char **)values;
    validate(b, s, col, &v);
}

/* A drop-down list of the whole numbers min..max (at most 32 of them). */
static void validate_counts(book *b, const book_sheet *s, lxw_col_t col, long long min,
                            long long max)
{
    char text[32][24];
    const char *values[33];
    size_t n = 0;

    for (long long v = min; v <= max && n < 32; v++, n++) {
        snprintf(text[n], sizeof text[n], "%lld", v);
        values[n] = text[n];
    }
    values[n] = NULL;
    validate_list(b, s, col, values);
}

/* One column, as its row of apps_columns says: header, comment, width,
 * number format and validation. */
static void template_column(book *b, const book_sheet *s, lxw_col_t c, const apps_column *ac,
                            lxw_format *kr, lxw_format *text)
{
    lxw_comment_options opt;
    const char *note = ac->note[labels_language() == LABEL_EN];
    lxw_format *f = ac->format == APPS_FORMAT_KR     ? kr
                    : ac->format == APPS_FORMAT_TEXT ? text
                                                     : NULL;

    book_put_text(b, s, 0, c, ac->col.header, b->head);
    if (!b->failed && note) {
        memset(&opt, 0, sizeof opt);
        opt.author = (char *)label(L_PROP_AUTHOR);
        opt.width = 300;
        opt.height = 80;
        book_check_cell(b, s, 0, c, worksheet_write_comment_opt(s->ws, 0, c, note, &opt));
    }
    if (!b->failed)
        book_check(b, s, worksheet_set_column(s->ws, c, c, ac->width, f),
                   "worksheet_set_column");
    if (ac->check == APPS_CHECK_RANGE) {
        validate_int(b, s, c, (double)ac->min, (double)ac->max);
    } else if (ac->check == APPS_CHECK_LIST && ac->kind == APPS_YES_NO) {
        const char *yes_no[] = {label(L_INIT_YES), label(L_INIT_NO), NULL};
        validate_list(b, s, c, yes_no);
    } else if (ac->check == APPS_CHECK_LIST) {
        validate_counts(b, s, c, ac->min, ac->max);
    }
}

/* The earmark columns of p after column c0: the criteria (ja/nej) and the
 * supplements asked for and assessed (whole kroner). */
static void earmark_columns(book *b, const book_sheet *s, lxw_col_t c0, const pool *p,
                            lxw_format *kr)
{
    const char *yes_no[] = {label(L_INIT_YES), label(L_INIT_NO), NULL};
    char head[256];
    lxw_col_t c = c0;

    for (size_t k = 0; p && k < p->n_earmark_defs && !b->failed; k++) {
        const pool_earmark *e = &p->earmark_defs[k];
        for (size_t j = 0; j < e->n_criteria && !b->failed; j++, c++) {
            book_put_text(b, s, 0, c, e->criteria[j].key, b->head);
            if (!b->failed)
                book_check(b, s, worksheet_set_column(s->ws, c, c, 16, NULL),
                           "worksheet_set_column");
            validate_list(b, s, c, yes_no);
        }
        for (int w = 0; w < 2 && !b->failed; w++, c++) {
            snprintf(head, sizeof head, "%s tillæg %s", e->key, w == 0 ? "ansøgt" : "indstillet");
            book_put_text(b, s, 0, c, head, b->head);
            if (!b->failed)
                book_check(b, s, worksheet_set_column(s->ws, c, c, 22, kr),
                           "worksheet_set_column");
            validate_int(b, s, c, 0, 1e12);
        }
    }
}

int init_write_template_xlsx(const char *path, char *err, size_t errsz)
{
    return init_write_template_xlsx_for(path, NULL, err, errsz);
}

int init_write_template_xlsx_for(const char *path, const pool *p, char *err, size_t errsz)
{
    book b;
    book_sheet s;
    lxw_format *kr, *text;
    lxw_col_t c;

    if (book_open(&b, path, NULL, err, errsz) != 0)
        return -1;
    book_add_formats(&b);
    kr = book_add_format(&b, 0, NF_KR);
    text = book_add_format(&b, 0, "@");
    s = book_add_sheet(&b, L_INIT_SHEET);
    for (c = 0; apps_columns[c].col.key && !b.failed; c++)
        template_column(&b, &s, c, &apps_columns[c], kr, text);
    earmark_columns(&b, &s, c, p, kr);
    if (!b.failed) {
        worksheet_freeze_panes(s.ws, 1, 0);
        /* prints as one landscape A4 page wide, the header row on every page */
        book_set_row_height(&b, &s, 0, 32);
        book_page_setup(&b, &s, NULL, 1);
        book_repeat_rows(&b, &s, 0, 0);
    }
    return book_close(&b);
}

/* ---- the folder ---------------------------------------------------------- */

/* 1 if dir holds anything besides . and .., 0 if not, -1 if unreadable. */
static int has_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int found = 0;

    if (!d)
        return -1;
    while (!found && (e = readdir(d)) != NULL)
        found = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return found;
}

/* dir new or empty: made if missing. Returns INIT_OK or why not (err set). */
init_status init_prepare_dir(const char *dir, char *err, size_t errsz)
{
    struct stat st;

    if (!dir || !*dir) {
        text_set_err(err, errsz, "no folder given");
        return INIT_NOT_FOLDER;
    }
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode)) {
            text_set_err(err, errsz, "%s exists and is not a folder", dir);
            return INIT_NOT_FOLDER;
        }
        int full = has_entries(dir);
        if (full != 0) {
            text_set_err(err, errsz, full < 0 ? "cannot read the folder %s" :
                         "%s is not empty; init writes only into a new or empty folder", dir);
            return full < 0 ? INIT_NOT_FOLDER : INIT_NOT_EMPTY;
        }
    } else if (mkdir(dir, 0777) != 0) {
        text_set_err(err, errsz, "cannot make the folder %s: %s", dir, strerror(errno));
        return INIT_NOT_FOLDER;
    }
    return INIT_OK;
}

init_status init_pool_folder(const char *dir, int year, char *err, size_t errsz)
{
    char *path, *pool_file = NULL, header[512];
    size_t len;
    int rc = 0;
    init_status ist = init_prepare_dir(dir, err, errsz);

    if (ist != INIT_OK)
        return ist;
    len = strlen(dir) + 32;
    path = malloc(len);
    pool_file = pool_text(year);
    if (!path || !pool_file) {
        free(path);
        free(pool_file);
        text_set_err(err, errsz, "out of memory");
        return INIT_WRITE;
    }
    snprintf(path, len, "%s/%s", dir, INIT_POOL_FILE);
    rc = init_write_text(path, pool_file, err, errsz);
    if (rc == 0) {
        init_apps_header(header, sizeof header, NULL);
        snprintf(path, len, "%s/%s", dir, INIT_APPS_CSV);
        rc = init_write_text(path, header, err, errsz);
    }
    if (rc == 0) {
        snprintf(path, len, "%s/%s", dir, INIT_APPS_XLSX);
        rc = init_write_template_xlsx(path, err, errsz);
    }
    if (rc == 0) {
        snprintf(path, len, "%s/%s", dir, INIT_LEDGER_CSV);
        rc = init_write_text(path, "\xEF\xBB\xBF" INIT_LEDGER_HEADER "\r\n", err, errsz);
    }
    free(path);
    free(pool_file);
    return rc == 0 ? INIT_OK : INIT_WRITE;
}
