/* init.c - A new pool folder: pool file, applications templates, empty ledger. */
#include "init.h"

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
static int write_text(const char *path, const char *text, char *err, size_t errsz)
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
static void apps_header(char *buf, size_t size, const pool *p)
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
static init_status prepare_dir(const char *dir, char *err, size_t errsz)
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
    init_status ist = prepare_dir(dir, err, errsz);

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
    rc = write_text(path, pool_file, err, errsz);
    if (rc == 0) {
        apps_header(header, sizeof header, NULL);
        snprintf(path, len, "%s/%s", dir, INIT_APPS_CSV);
        rc = write_text(path, header, err, errsz);
    }
    if (rc == 0) {
        snprintf(path, len, "%s/%s", dir, INIT_APPS_XLSX);
        rc = init_write_template_xlsx(path, err, errsz);
    }
    if (rc == 0) {
        snprintf(path, len, "%s/%s", dir, INIT_LEDGER_CSV);
        rc = write_text(path, "\xEF\xBB\xBF" INIT_LEDGER_HEADER "\r\n", err, errsz);
    }
    free(path);
    free(pool_file);
    return rc == 0 ? INIT_OK : INIT_WRITE;
}

/* ---- init --from: a new round from last year's --------------------------- */

/* A growing text. */
typedef struct sbuf {
    char *p;
    size_t n, cap;
    int oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 4096) + n;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* s[0..n) into out with every year near `from` (from-5 .. from+1, four
 * digits standing alone) moved on by delta; a range "2022-2024" is left alone. */
static void shift_years(sbuf *out, const char *s, size_t n, int from, int delta)
{
    size_t i = 0;

    while (i < n) {
        size_t j = i;
        while (j < n && is_digit(s[j]))
            j++;
        if (j == i) {
            sb_add(out, s + i, 1);
            i++;
            continue;
        }
        int v = j - i == 4 ? atoi(s + i) : 0; /* atoi stops at the first non-digit */
        int range = (i >= 2 && s[i - 1] == '-' && is_digit(s[i - 2])) ||
                    (j + 1 < n && s[j] == '-' && is_digit(s[j + 1]));
        if (j - i == 4 && (i == 0 || !is_digit(s[i - 1])) && v >= from - 5 && v <= from + 1 &&
            !range) {
            char y[16];
            snprintf(y, sizeof y, "%d", v + delta);
            sb_str(out, y);
        } else {
            sb_add(out, s + i, j - i);
        }
        i = j;
    }
}

static void note(char (*v)[640], size_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void note(char (*v)[640], size_t *n, const char *fmt, ...)
{
    va_list ap;
    if (*n >= INIT_MAX_NOTES)
        return;
    va_start(ap, fmt);
    vsnprintf(v[*n], sizeof v[0], fmt, ap);
    va_end(ap);
    (*n)++;
}

/* The earmark of old whose section header stands on line, or NULL. */
static const pool_earmark *earmark_at(const pool *old, unsigned line)
{
    for (size_t k = 0; k < old->n_earmark_defs; k++)
        if (old->earmark_defs[k].line == line)
            return &old->earmark_defs[k];
    return NULL;
}

/* What the carrying needs while it goes through last year's pool file. */
typedef struct carry {
    const pool *old;
    int year, delta, has_ledger;
    unsigned out_line;   /* lines written so far */
    init_report *rep;
    sbuf out;
} carry;

/* One "key = value" line of section sec, carried over. */
static void carry_setting(carry *c, const char *sec, const char *line, size_t len)
{
    const char *eq = memchr(line, '=', len), *v, *ve, *cm = NULL, *end = line + len;
    const char *ret = NULL;
    char key[128], newv[256] = "";
    int drop = 0, shift_key = 0, shift_value = 0, set = 0;
    size_t kl;

    if (!eq) {
        sb_add(&c->out, line, len);
        return;
    }
    for (const char *q = eq + 1; q < end; q++)
        if (*q == ';' && (q[-1] == ' ' || q[-1] == '\t')) {
            cm = q;
            break;
        }
    v = eq + 1;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    ve = cm ? cm : end;
    while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t' || ve[-1] == '\r'))
        ve--;
    {
        const char *k0 = line, *k1 = eq;
        while (k0 < k1 && (*k0 == ' ' || *k0 == '\t'))
            k0++;
        while (k1 > k0 && (k1[-1] == ' ' || k1[-1] == '\t'))
            k1--;
        kl = (size_t)(k1 - k0) < sizeof key - 1 ? (size_t)(k1 - k0) : sizeof key - 1;
        memcpy(key, k0, kl);
        key[kl] = '\0';
    }
    if (strcmp(sec, "pool") == 0) {
        if (strcmp(key, "year") == 0) {
            snprintf(newv, sizeof newv, "%d", c->year);
            set = 1;
        } else if (strcmp(key, "decision_date") == 0) {
            if (ve - v == 10 && is_digit(v[0]) && v[4] == '-')
                snprintf(newv, sizeof newv, "%d%.6s", atoi(v) + c->delta, v + 4);
            else
                snprintf(newv, sizeof newv, "%d-12-15", c->year - 1);
            set = 1;
            ret = "the committee's meeting date";
        } else if (strcmp(key, "applications") == 0) {
            snprintf(newv, sizeof newv, "%s", INIT_APPS_CSV);
            set = 1;
        } else if (strcmp(key, "applications_sheet") == 0) {
            drop = 1;
        } else if (strcmp(key, "ledger") == 0) {
            snprintf(newv, sizeof newv, "%s", INIT_LEDGER_CSV);
            set = 1;
        } else if (strcmp(key, "case_number") == 0) {
            ret = "this year's case number";
        }
    } else if (strcmp(sec, "budget") == 0) {
        shift_key = 1;
        ret = "this year's amount";
    } else if (strcmp(sec, "reservations") == 0) {
        shift_key = 1;
        ret = "still reserved this year? (the ledger's rows reserve themselves)";
    } else if (strcmp(sec, "earmarks") == 0) {
        shift_key = 1;
        ret = "this year's amount";
    } else if (strcmp(sec, "rules") == 0 && strcmp(key, "residual_label") == 0) {
        shift_value = 1;
    } else if (strcmp(sec, "multiyear") == 0 &&
               (strcmp(key, "money_year2") == 0 || strcmp(key, "money_year3") == 0)) {
        ret = "the money of the years after this one";
    } else if (strncmp(sec, "earmark ", 8) == 0 && strcmp(key, "amount") == 0) {
        ret = "this year's money for the earmark";
    }
    if (drop) {
        sb_str(&c->out, "; ");
        sb_add(&c->out, line, len);
        sb_str(&c->out, "   ; last year's sheet");
        return;
    }
    if (shift_key)
        shift_years(&c->out, line, (size_t)(v - line), c->old->year, c->delta);
    else
        sb_add(&c->out, line, (size_t)(v - line));
    if (set)
        sb_str(&c->out, newv);
    else if (shift_value)
        shift_years(&c->out, v, (size_t)(ve - v), c->old->year, c->delta);
    else
        sb_add(&c->out, v, (size_t)(ve - v));
    if (ret) {
        sb_str(&c->out, "   ; RET: ");
        sb_str(&c->out, ret);
        if (cm) {
            sb_str(&c->out, " –");
            sb_add(&c->out, cm + 1, (size_t)(end - cm - 1));
        }
        if (shift_key) {
            sbuf k = {0};
            shift_years(&k, key, strlen(key), c->old->year, c->delta);
            note(c->rep->edit, &c->rep->n_edit, "%s:%u: [%s] %s: %s", INIT_POOL_FILE,
                 c->out_line, sec, k.p ? k.p : key, ret);
            free(k.p);
        } else {
            note(c->rep->edit, &c->rep->n_edit, "%s:%u: [%s] %s: %s", INIT_POOL_FILE,
                 c->out_line, sec, key, ret);
        }
    } else {
        sb_add(&c->out, ve, (size_t)(end - ve));
    }
    if (strcmp(sec, "pool") == 0 && strcmp(key, "year") == 0 && c->has_ledger &&
        !c->old->ledger) {
        sb_str(&c->out, "\nledger        = " INIT_LEDGER_CSV);
        c->out_line++;
    }
}

/* Last year's pool file text, carried over into c->out. */
static void carry_pool_text(carry *c, const char *text, size_t len, const char *from)
{
    char sec[128] = "", head[1024];
    const char *p = text, *end = text + len;
    unsigned line = 0;
    int skipping = 0;

    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    snprintf(head, sizeof head,
             "; Carried over from %s (%d) by pulje init --from: the year is now %d.\n"
             "; Edit the lines marked RET, fill in %s, then: pulje check\n",
             from, c->old->year, c->year, INIT_APPS_CSV);
    sb_str(&c->out, head);
    c->out_line = 2;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *s = p;
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

        line++;
        p = nl ? nl + 1 : end;
        if (n && s[n - 1] == '\r')
            n--;
        while (n && (*s == ' ' || *s == '\t'))
            s++, n--;
        if (n && *s == '[') {
            const char *close = memchr(s, ']', n);
            size_t sl = close ? (size_t)(close - s - 1) : 0;
            const pool_earmark *e = earmark_at(c->old, line);
            if (sl >= sizeof sec)
                sl = sizeof sec - 1;
            memcpy(sec, s + 1, sl);
            sec[sl] = '\0';
            for (char *q = sec; *q; q++)
                if (*q >= 'A' && *q <= 'Z')
                    *q = (char)(*q - 'A' + 'a');
            skipping = e && (c->year < e->first_year || c->year > e->last_year);
            if (e)
                note(c->rep->carried, &c->rep->n_carried,
                     skipping ? "earmark %s (%d-%d): left out, its years have run out"
                              : "earmark %s (%d-%d): kept, with its criteria and tiers",
                     e->key, e->first_year, e->last_year);
        }
        if (skipping)
            continue;
        c->out_line++;
        if (!n || *s == ';' || *s == '#' || *s == '[')
            sb_add(&c->out, s, n);
        else
            carry_setting(c, sec, s, n);
        sb_str(&c->out, "\n");
    }
}

/* The first error of dl, formatted, into err. */
static void first_problem(const diag_list *dl, const char *what, char *err, size_t errsz)
{
    char buf[1024] = "";
    for (size_t i = 0; i < dl->n; i++)
        if (dl->v[i].level != DIAG_WARNING) {
            diag_format(&dl->v[i], buf, sizeof buf);
            break;
        }
    text_set_err(err, errsz, "%s: %s", what, buf[0] ? buf : "it does not read");
}

/* Where last year's run wrote its ledger: out_dir, else "outputs" beside from. */
static int find_written_ledger(const pool *old, const char *from, const char *out_dir,
                               char *path, size_t size, char *tried, size_t tsize)
{
    char base[256], dir[1024];
    const char *slash = strrchr(from, '/');
    struct stat st;

    report_basename(old, base, sizeof base);
    snprintf(path, size, "%s/%s-forpligtelser.csv", out_dir ? out_dir : "outputs", base);
    snprintf(tried, tsize, "%s", path);
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return 0;
    if (slash)
        snprintf(dir, sizeof dir, "%.*s/outputs", (int)(slash - from), from);
    else
        snprintf(dir, sizeof dir, "outputs");
    snprintf(path, size, "%s/%s-forpligtelser.csv", dir, base);
    if (strcmp(path, tried) != 0) {
        size_t tl = strlen(tried);
        snprintf(tried + tl, tsize - tl, " and %s", path);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            return 0;
    }
    return -1;
}

init_status init_from_round(const char *dir, const char *from, const char *out_dir, int year,
                            init_report *rep, char *err, size_t errsz)
{
    pool old, fresh;
    ledger led;
    diag_list dl;
    carry c;
    char *text = NULL, ledger_src[2048], tried[4200], path[4096], header[4096];
    size_t len = 0;
    init_status st = INIT_OK;
    int have_ledger;

    memset(rep, 0, sizeof *rep);
    memset(&old, 0, sizeof old);
    memset(&fresh, 0, sizeof fresh);
    memset(&led, 0, sizeof led);
    memset(&c, 0, sizeof c);
    diag_init(&dl);
    if (pool_load(from, &old, &dl) != 0 || text_read_file(from, &text, &len) != 0) {
        first_problem(&dl, "last round's pool file does not read", err, errsz);
        st = INIT_FROM;
        goto done;
    }
    rep->from_year = old.year;
    rep->year = year > 0 ? year : old.year + 1;
    have_ledger = find_written_ledger(&old, from, out_dir, ledger_src, sizeof ledger_src, tried,
                                      sizeof tried) == 0;
    if (!have_ledger && old.ledger) {
        text_set_err(err, errsz,
                     "last round's run wrote no ledger (looked for %s); run `pulje run %s` "
                     "first, or name its output folder with --out DIR: without it, money "
                     "committed last year would be handed out again", tried, from);
        st = INIT_FROM;
        goto done;
    }
    if (have_ledger && ledger_load(ledger_src, &led, &dl) != 0) {
        first_problem(&dl, "last round's written ledger does not read", err, errsz);
        st = INIT_FROM;
        goto done;
    }
    if ((st = prepare_dir(dir, err, errsz)) != INIT_OK)
        goto done;

    c.old = &old;
    c.year = rep->year;
    c.delta = rep->year - old.year;
    c.has_ledger = 1;
    c.rep = rep;
    note(rep->carried, &rep->n_carried, "pool file: %s -> %s/%s (year %d -> %d, years in labels moved on)",
         from, dir, INIT_POOL_FILE, old.year, rep->year);
    carry_pool_text(&c, text, len, from);
    st = INIT_WRITE;
    if (c.out.oom) {
        text_set_err(err, errsz, "out of memory");
        goto done;
    }
    snprintf(path, sizeof path, "%s/%s", dir, INIT_POOL_FILE);
    if (write_text(path, c.out.p, err, errsz) != 0)
        goto done;
    snprintf(path, sizeof path, "%s/%s", dir, INIT_LEDGER_CSV);
    if (have_ledger) {
        if (ledger_write(path, &led, err, errsz) != 0)
            goto done;
        rep->n_ledger_rows = led.n;
        for (size_t i = 0; i < led.n; i++)
            if (led.v[i].year == rep->year)
                rep->ledger_year += led.v[i].amount;
        char m[MONEY_BUFSZ];
        note(rep->carried, &rep->n_carried,
             "ledger: %s -> %s (%zu rows; %s kr. to be paid in %d, reserved by the run)",
             ledger_src, path, led.n, money_format(rep->ledger_year, m), rep->year);
    } else {
        if (write_text(path, "\xEF\xBB\xBF" INIT_LEDGER_HEADER "\r\n", err, errsz) != 0)
            goto done;
        note(rep->carried, &rep->n_carried, "ledger: last round kept none; %s is empty", path);
    }
    diag_free(&dl);
    diag_init(&dl);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_POOL_FILE);
    if (pool_load(path, &fresh, &dl) != 0) {
        first_problem(&dl, "the carried pool file does not read (fix it by hand)", err, errsz);
        st = INIT_FROM;
        goto done;
    }
    apps_header(header, sizeof header, &fresh);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_APPS_CSV);
    if (write_text(path, header, err, errsz) != 0)
        goto done;
    snprintf(path, sizeof path, "%s/%s", dir, INIT_APPS_XLSX);
    if (init_write_template_xlsx_for(path, &fresh, err, errsz) != 0)
        goto done;
    note(rep->carried, &rep->n_carried,
         "templates: %s/%s and %s/%s, with the columns of %zu earmark%s", dir, INIT_APPS_CSV, dir,
         INIT_APPS_XLSX, fresh.n_earmark_defs, fresh.n_earmark_defs == 1 ? "" : "s");
    st = INIT_OK;
done:
    free(c.out.p);
    free(text);
    ledger_free(&led);
    pool_free(&old);
    pool_free(&fresh);
    diag_free(&dl);
    return st;
}
