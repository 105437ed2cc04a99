/* diff_read.c - The runs that diff.c compares: read from a run folder (its
 * record and decisions CSV), from a bare decisions CSV, or taken from a
 * run's result in memory; and the record lines written for them. */
#include "diff_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "opendata.h"
#include "run.h"
#include "text.h"

/* The decisions CSV's columns (report_csv.c), by position, so that a Danish
 * and an English file read alike: ten, a supplement per earmark, five. */
enum { CSV_NR = 0, CSV_ASSOCIATION = 2, CSV_APPLIED = 4, CSV_ASSESSED = 5, CSV_GRANT = 7,
       CSV_REFUSAL = 8, CSV_STATUS = 9, CSV_FIXED = 10, CSV_TAIL = 5 };
enum { TAIL_YEARS_ASKED = 0, TAIL_YEARS = 1, TAIL_REASON = 3 };

/* A file's whole text, NUL-terminated; NULL with errno set. */
static char *slurp(const char *path, size_t *len)
{
    char *data = NULL;
    return text_read_file(path, &data, len) == 0 ? data : NULL;
}

/* The fields of one record of ';'-separated text from *pos, written into
 * buf (NUL after each field); field starts in f[]. Returns the count, or -1
 * at the end. Quotes as table_write_field() writes them; the apostrophe
 * before formula text is dropped. */
static int csv_record(const char *s, size_t len, size_t *pos, char *buf, char **f, int max)
{
    size_t i = *pos, o = 0;
    int n = 0;

    if (i >= len)
        return -1;
    for (;;) {
        bool quoted = i < len && s[i] == '"';
        char *start = buf + o;
        if (quoted)
            i++;
        while (i < len) {
            if (quoted && s[i] == '"') {
                if (i + 1 < len && s[i + 1] == '"') {
                    buf[o++] = '"';
                    i += 2;
                    continue;
                }
                quoted = false;
                i++;
                continue;
            }
            if (!quoted && (s[i] == ';' || s[i] == '\n' || s[i] == '\r'))
                break;
            buf[o++] = s[i++];
        }
        buf[o++] = '\0';
        if (start[0] == '\'' && start[1] && strchr("=+-@\t\r\n", start[1]))
            memmove(start, start + 1, strlen(start));
        if (n < max)
            f[n++] = start;
        if (i < len && s[i] == ';') {
            i++;
            continue;
        }
        if (i < len && s[i] == '\r')
            i++;
        if (i < len && s[i] == '\n')
            i++;
        break;
    }
    *pos = i;
    return n;
}

/* A file that could not be read: "out of memory" when that is why. */
static void cannot_read(const char *path, char *err, size_t errsz)
{
    if (errno == ENOMEM)
        text_set_err(err, errsz, "out of memory");
    else
        text_set_err(err, errsz, "cannot read %s: %s", path, strerror(errno));
}

static pulje_kr num(const char *s)
{
    return (pulje_kr)strtoll(s, NULL, 10);
}

/* Status from its word in either language; else from the figures. */
static diff_status status_of(const char *word, pulje_kr grant, pulje_kr assessed)
{
    static const label_id ids[3] = {L_STATUS_GRANTED, L_STATUS_REDUCED, L_STATUS_REFUSED};
    for (int k = 0; k < 3; k++)
        if (strcmp(word, label(ids[k])) == 0 ||
            (label_text_en(ids[k]) && strcmp(word, label_text_en(ids[k])) == 0))
            return (diff_status)k;
    return grant == 0 ? DIFF_REFUSED : grant < assessed ? DIFF_REDUCED : DIFF_GRANTED;
}

int diff_read_csv(const char *path, diff_run *r, char *err, size_t errsz)
{
    size_t len = 0, pos = 0;
    char *text = slurp(path, &len), *buf, *f[256];
    int n, header = -1, line = 0;

    if (!text) {
        cannot_read(path, err, errsz);
        return -1;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    buf = malloc(len + 1);
    if (!buf) {
        free(text);
        text_set_err(err, errsz, "out of memory");
        return -1;
    }
    while ((n = csv_record(text, len, &pos, buf, f, 256)) >= 0) {
        diff_row row;
        int tail;
        line++;
        if (n == 1 && f[0][0] == '\0')
            continue;
        if (header < 0) {
            header = n;
            if (n < CSV_FIXED + CSV_TAIL) {
                text_set_err(err, errsz, "%s is not a decisions CSV of pulje: %d columns, "
                             "at least %d expected", path, n, CSV_FIXED + CSV_TAIL);
                break;
            }
            continue;
        }
        if (n != header) {
            text_set_err(err, errsz, "%s line %d: %d fields, the header has %d", path, line, n,
                         header);
            header = 0;
            break;
        }
        tail = n - CSV_TAIL;
        memset(&row, 0, sizeof row);
        row.nr = f[CSV_NR];
        row.association = f[CSV_ASSOCIATION];
        row.applied = num(f[CSV_APPLIED]);
        row.assessed = num(f[CSV_ASSESSED]);
        row.grant = num(f[CSV_GRANT]);
        row.refusal = f[CSV_REFUSAL];
        for (int k = CSV_FIXED; k < tail; k++)
            row.supplements += num(f[k]);
        row.years_asked = (int)num(f[tail + TAIL_YEARS_ASKED]);
        row.years = (int)num(f[tail + TAIL_YEARS]);
        row.reason = f[tail + TAIL_REASON];
        row.status = status_of(f[CSV_STATUS], row.grant, row.assessed);
        if (diff_run_add_row(r, &row) != 0) {
            text_set_err(err, errsz, "out of memory");
            header = 0;
            break;
        }
    }
    free(buf);
    free(text);
    if (header < CSV_FIXED + CSV_TAIL) {
        if (header < 0)
            text_set_err(err, errsz, "%s is empty", path);
        return -1;
    }
    if (!r->name[0])
        snprintf(r->name, sizeof r->name, "%s", path);
    return 0;
}

int diff_read_folder(const char *dir, diff_run *r, char *err, size_t errsz)
{
    char path[4608];
    const char *slash = strrchr(dir, '/'), *base = slash ? slash + 1 : dir;
    size_t len = 0, pl = strlen(RUN_DIR_PREFIX);
    char *text;

    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", *base ? base : dir);
    if (strncmp(base, RUN_DIR_PREFIX, pl) == 0)
        r->no = atoi(base + pl);
    snprintf(path, sizeof path, "%s/%s", dir, RUN_RECORD);
    text = slurp(path, &len);
    if (!text) {
        cannot_read(path, err, errsz);
        return -1;
    }
    if (diff_parse_record(text, len, r) != 0) {
        free(text);
        diff_run_free(r);
        text_set_err(err, errsz, "out of memory");
        return -1;
    }
    free(text);
    for (size_t i = 0; i < r->n_kv; i++) {
        const char *v = r->kv[i].value;
        size_t vl = strlen(v), sl = strlen(DIFF_DECISIONS_SUFFIX);
        if (strcmp(r->kv[i].key, "file") == 0 && vl > sl &&
            strcmp(v + vl - sl, DIFF_DECISIONS_SUFFIX) == 0) {
            snprintf(path, sizeof path, "%s/%s", dir, v);
            if (diff_read_csv(path, r, err, errsz) != 0) {
                diff_run_free(r);
                return -1;
            }
            return 0;
        }
    }
    text_set_err(err, errsz, "%s holds no decisions (a compare run?)", dir);
    diff_run_free(r);
    return -1;
}

int diff_rows_of_result(const pool *p, const app_list *apps, const alloc_result *res,
                        diff_run *r)
{
    char why[1024];

    for (size_t i = 0; i < res->n; i++) {
        const app *a = &apps->v[i];
        const alloc_line *l = &res->lines[i];
        diff_row row = {
            .nr = a->nr, .association = a->association, .refusal = a->refusal,
            .applied = a->applied, .assessed = l->claim, .grant = l->grant,
            .years_asked = l->years_asked, .years = l->years,
            .status = l->refused ? DIFF_REFUSED : l->reduced ? DIFF_REDUCED : DIFF_GRANTED,
        };
        for (size_t k = 0; k < res->em.n_earmarks; k++)
            row.supplements += res->em.lines[k * res->em.n_apps + i].grant;
        row.reason = opendata_reason(p, a, l, why, sizeof why);
        if (diff_run_add_row(r, &row) != 0)
            return -1;
    }
    return 0;
}

/* Whether run k of h holds decisions: its record lists a decisions CSV (a
 * run; not compare, not letters). */
static bool has_decisions(const history_run *k)
{
    return k->has_record && k->has_decisions;
}

int diff_pick(const history *h, int from, int to, size_t *ia, size_t *ib)
{
    size_t b = h->n, a = h->n;

    for (size_t i = h->n; i-- > 0;)
        if (to ? h->v[i].no == to : has_decisions(&h->v[i])) {
            b = i;
            break;
        }
    if (b == h->n)
        return -1;
    if (from) {
        for (size_t i = 0; i < h->n; i++)
            if (h->v[i].no == from)
                a = i;
    } else {
        for (size_t i = b; i-- > 0 && a == h->n;)
            if (has_decisions(&h->v[i]) && h->v[i].official)
                a = i;
        for (size_t i = b; i-- > 0 && a == h->n;)
            if (has_decisions(&h->v[i]))
                a = i;
    }
    *ia = a;
    *ib = b;
    return 0;
}

int diff_since_load(const char *home, const char *record, size_t len, const pool *p,
                    const app_list *apps, const alloc_result *res, diff_since *s, char *err,
                    size_t errsz)
{
    history h;
    size_t k, n;
    char dir[4608];
    int rc = 0;

    memset(s, 0, sizeof *s);
    if (history_load(home, &h) != 0) {
        text_set_err(err, errsz, "out of memory");
        return -1;
    }
    for (k = h.n; k-- > 0;)
        if (has_decisions(&h.v[k]) && h.v[k].official)
            break;
    if (k == (size_t)-1)
        for (k = h.n; k-- > 0;)
            if (has_decisions(&h.v[k]))
                break;
    n = h.n;
    if (k != (size_t)-1 && k < n) {
        snprintf(dir, sizeof dir, "%s/%s", home, h.v[k].name);
        if (diff_read_folder(dir, &s->a, err, errsz) != 0 ||
            diff_parse_record(record, len, &s->b) != 0 ||
            diff_rows_of_result(p, apps, res, &s->b) != 0 || diff_compare(&s->a, &s->b, &s->d) != 0) {
            if (!err[0])
                text_set_err(err, errsz, "out of memory");
            rc = -1;
        } else {
            label_format(s->b.name, sizeof s->b.name, L_DF_THIS_RUN);
            s->have = true;
        }
    }
    history_free(&h);
    if (rc != 0)
        diff_since_free(s);
    return rc;
}

void diff_since_free(diff_since *s)
{
    diff_result_free(&s->d);
    diff_run_free(&s->a);
    diff_run_free(&s->b);
    memset(s, 0, sizeof *s);
}

void diff_put_record_lines(FILE *fp, const pulje_inputs *in, const digest_list *dg)
{
    static const char *const roles[INPUTS_N_FILES] = {"pool", "applications", "ledger",
                                                      "members"};
    const char *paths[INPUTS_N_FILES];
    const pool *p = &in->pool;

    inputs_files(in, paths);
    for (int i = 0; i < INPUTS_N_FILES; i++)
        for (size_t k = 0; paths[i] && k < dg->n; k++)
            if (strcmp(dg->v[k].path, paths[i]) == 0) {
                fprintf(fp, "digest %s: %s\n", roles[i], dg->v[k].hex);
                break;
            }
    fprintf(fp, "rounding: %lld\ncap: %d.%02d%%\nmin_active_years: %d\n",
            (long long)p->rounding, p->cap_bp / 100, p->cap_bp % 100, p->min_active_years);
    fprintf(fp, "money_year2: %lld\nmoney_year3: %lld\n", (long long)p->later_money[0],
            (long long)p->later_money[1]);
}
