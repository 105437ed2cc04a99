/* diff_cmd.c - `pulje diff`: find the two runs, read them, compare them
 * (diff.c) and print the changes (the command line's side: it prints). */
#include "diff_cmd.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diff_read.h"
#include "diff_text.h"
#include "history.h"
#include "labels.h"
#include "messages.h"
#include "pool.h"
#include "report.h"
#include "run.h"
#include "status.h"
#include "terminal.h"

/* A run's number from "3", "003" or "koersel-003"; 0 when ref is none. */
static int run_number(const char *ref)
{
    size_t pl = strlen(RUN_DIR_PREFIX);
    char *end;
    long v;

    if (strncmp(ref, RUN_DIR_PREFIX, pl) == 0)
        ref += pl;
    v = strtol(ref, &end, 10);
    return *ref && !*end && v > 0 && v < 100000 ? (int)v : 0;
}

/* The pool's run folders' folder, <out>/<base>, into home. */
static int pool_home(const char *pool_path, const char *out_dir, char *home, size_t size)
{
    pool p;
    diag_list dl;
    char base[256];
    int rc = 0;

    memset(&p, 0, sizeof p);
    diag_init(&dl);
    if (pool_load(pool_path, &p, &dl) != 0) {
        terminal_diags(stderr, &dl);
        rc = -1;
    } else {
        report_basename(&p, base, sizeof base);
        snprintf(home, size, "%s/%s", out_dir, base);
    }
    pool_free(&p);
    diag_free(&dl);
    return rc;
}

/* Read run ref (a folder, a CSV, or a number in h under home) into r. */
static int read_ref(const char *ref, const char *home, const history *h, diff_run *r)
{
    char err[8192], path[4608];
    struct stat st;
    int no = run_number(ref);
    size_t len = strlen(ref), sl = strlen(".csv");

    memset(r, 0, sizeof *r);
    if (no) {
        for (size_t i = 0; h && i < h->n; i++)
            if (h->v[i].no == no) {
                snprintf(path, sizeof path, "%s/%s", home, h->v[i].name);
                ref = path;
            }
        if (ref != path) {
            fprintf(stderr, msg_tr("pulje: there is no run %d in %s\n"
                            "  hint: pulje history lists the runs\n"), no, home);
            return -1;
        }
    }
    if (stat(ref, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (diff_read_folder(ref, r, err, sizeof err) == 0)
            return 0;
    } else if (len > sl && strcmp(ref + len - sl, ".csv") == 0) {
        if (diff_read_csv(ref, r, err, sizeof err) == 0)
            return 0;
        diff_run_free(r);
    } else {
        snprintf(err, sizeof err, msg_tr("'%s' is neither a run number, a run folder nor a decisions CSV"),
                 ref);
    }
    fprintf(stderr, msg_tr("pulje: %s\n  hint: pulje diff [RUN-A [RUN-B]] [POOL-FILE]; "
                    "a run is a number from pulje history, a run folder or a decisions CSV\n"), err);
    return -1;
}

int diff_command(const char *pool_path, const char *out_dir, const char *const *refs,
                 int n_refs)
{
    char home[4400] = "", name[2][16];
    const char *ref[2] = {n_refs > 0 ? refs[0] : NULL, n_refs > 1 ? refs[1] : NULL};
    history h;
    diff_run a, b;
    diff_result d;
    int rc = PULJE_INPUT;

    memset(&h, 0, sizeof h);
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    if (!ref[1] && pool_home(pool_path, out_dir, home, sizeof home) != 0)
        return PULJE_INPUT;
    if (!home[0] && (run_number(ref[0]) || run_number(ref[1])) &&
        pool_home(pool_path, out_dir, home, sizeof home) != 0)
        return PULJE_INPUT;
    if (home[0] && history_load(home, &h) != 0) {
        fprintf(stderr, msg_tr("pulje: out of memory\n"));
        return PULJE_FAULT;
    }
    if (!ref[1]) {
        size_t ia = 0, ib = 0;
        int from = ref[0] ? run_number(ref[0]) : 0;
        if (diff_pick(&h, from, 0, &ia, &ib) != 0 || (ia == h.n && !ref[0])) {
            fprintf(stderr, msg_tr("pulje: %s has no two runs to compare\n"
                            "  hint: pulje run makes a run; pulje history lists them\n"), home);
            goto done;
        }
        if (!ref[0]) {
            snprintf(name[0], sizeof name[0], "%d", h.v[ia].no);
            ref[0] = name[0];
        }
        snprintf(name[1], sizeof name[1], "%d", h.v[ib].no);
        ref[1] = name[1];
    }
    if (read_ref(ref[0], home, &h, &a) != 0 || read_ref(ref[1], home, &h, &b) != 0)
        goto done;
    if (diff_compare(&a, &b, &d) != 0) {
        fprintf(stderr, msg_tr("pulje: out of memory\n"));
        rc = PULJE_FAULT;
        goto done;
    }
    diff_print(stdout, &d);
    diff_result_free(&d);
    rc = PULJE_OK;
done:
    diff_run_free(&a);
    diff_run_free(&b);
    history_free(&h);
    return rc;
}

/* The display width of UTF-8 text: its code points. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* s cut to at most w code points (with "…" when cut) and padded to w. */
static void put_cell(FILE *f, const char *s, size_t w)
{
    size_t n = 0, i = 0, sw = width(s);
    if (sw > w) {
        for (; s[i] && n < w - 1; i++) {
            n += ((unsigned char)s[i] & 0xC0) != 0x80;
            while (((unsigned char)s[i + 1] & 0xC0) == 0x80)
                i++;
        }
        fprintf(f, "%.*s…", (int)i, s);
        return;
    }
    fprintf(f, "%s%*s", s, (int)(w - sw), "");
}

/* s right-aligned in w code points. */
static void put_right(FILE *f, const char *s, size_t w)
{
    size_t sw = width(s);
    fprintf(f, " %*s%s", (int)(sw < w ? w - sw : 0), "", s);
}

/* The status column: "reduceret", or "reduceret → afslag"; years when they moved. */
static void status_cell(const diff_change *c, char *buf, size_t size)
{
    size_t o;
    if (!c->a || !c->b) {
        snprintf(buf, size, "%s", diff_text_status((c->a ? c->a : c->b)->status));
        return;
    }
    if (c->a->status == c->b->status)
        o = (size_t)snprintf(buf, size, "%s", diff_text_status(c->a->status));
    else
        o = (size_t)snprintf(buf, size, "%s → %s", diff_text_status(c->a->status),
                             diff_text_status(c->b->status));
    if (o < size && c->a->years != c->b->years)
        snprintf(buf + o, size - o, ", %s %d → %d", label(L_COL_YEARS_GRANTED), c->a->years,
                 c->b->years);
}

void diff_print(FILE *f, const diff_result *d)
{
    char ra[256], rb[256], t[2048], st[256], ga[MONEY_BUFSZ], gb[MONEY_BUFSZ],
        dd[MONEY_BUFSZ + 1];

    label_format(t, sizeof t, L_DF_TITLE, diff_text_run(d->a, ra, sizeof ra),
                 diff_text_run(d->b, rb, sizeof rb));
    fprintf(f, "%s\n", t);
    if (d->n_pool) {
        fprintf(f, "%s\n", label(L_DF_POOL));
        for (size_t k = 0; k < d->n_pool; k++)
            fprintf(f, "  %s\n", diff_text_pool(&d->pool[k], t, sizeof t));
    }
    if (d->n == 0)
        fprintf(f, "%s\n", label(L_DF_NONE));
    else {
        put_cell(f, label(L_COL_NR), 6);
        put_cell(f, label(L_COL_ASSOCIATION), 28);
        put_right(f, label(L_DF_COL_BEFORE), 12);
        put_right(f, label(L_DF_COL_AFTER), 12);
        put_right(f, label(L_DF_COL_DELTA), 10);
        fputs("  ", f);
        put_cell(f, label(L_DF_COL_STATUS), 24);
        fprintf(f, " %s\n", label(L_DF_COL_CAUSE));
    }
    for (size_t i = 0; i < d->n; i++) {
        const diff_change *c = &d->v[i];
        const diff_row *any = c->b ? c->b : c->a;
        pulje_kr a = c->a ? c->a->grant : 0, b = c->b ? c->b->grant : 0;
        put_cell(f, any->nr, 6);
        put_cell(f, any->association, 28);
        put_right(f, c->a ? money_format_text(a, ga) : "-", 12);
        put_right(f, c->b ? money_format_text(b, gb) : "-", 12);
        put_right(f, diff_text_delta(b - a, dd), 10);
        fputs("  ", f);
        status_cell(c, st, sizeof st);
        put_cell(f, st, 24);
        fprintf(f, " %s\n", diff_text_causes(d, c, t, sizeof t));
    }
    for (int k = 0; diff_text_total(d, k, t, sizeof t); k++)
        fprintf(f, "%s\n", t);
}
