/* init_from.c - `pulje init FOLDER --from LAST_POOL`: a new round from last
 * year's pool file, its written ledger and its running earmarks. */
#include "init.h"
#include "init_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "apps.h"
#include "atomic.h"
#include "book.h"
#include "followup.h"
#include "labels.h"
#include "ledger.h"
#include "pool.h"
#include "report.h"
#include "text.h"
#include "messages.h"

/* ---- init --from: a new round from last year's --------------------------- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* s[0..n) into out with every year near `from` (from-5 .. from+1, four
 * digits standing alone) moved on by delta; a range "2022-2024" is left alone. */
static void shift_years(text_buf *out, const char *s, size_t n, int from, int delta)
{
    size_t i = 0;

    while (i < n) {
        size_t j = i;
        while (j < n && is_digit(s[j]))
            j++;
        if (j == i) {
            text_buf_add(out, s + i, 1);
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
            text_buf_str(out, y);
        } else {
            text_buf_add(out, s + i, j - i);
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
    vsnprintf(v[*n], sizeof v[0], msg_tr(fmt), ap);
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
    char followup[64];   /* the follow-up ledger's name in the new folder; "" = none */
    pulje_kr repaid;     /* what it says was paid back */
    unsigned out_line;   /* lines written so far */
    init_report *rep;
    text_buf out;
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
        text_buf_add(&c->out, line, len);
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
            ret = MSG_N("the committee's meeting date");
        } else if (strcmp(key, "applications") == 0) {
            snprintf(newv, sizeof newv, "%s", INIT_APPS_CSV);
            set = 1;
        } else if (strcmp(key, "applications_sheet") == 0) {
            drop = 1;
        } else if (strcmp(key, "ledger") == 0) {
            snprintf(newv, sizeof newv, "%s", INIT_LEDGER_CSV);
            set = 1;
        } else if (strcmp(key, "followup") == 0 && c->followup[0]) {
            snprintf(newv, sizeof newv, "%s", c->followup);
            set = 1;
        } else if (strcmp(key, "case_number") == 0) {
            ret = MSG_N("this year's case number");
        }
    } else if (strcmp(sec, "budget") == 0) {
        shift_key = 1;
        ret = MSG_N("this year's amount");
    } else if (strcmp(sec, "reservations") == 0) {
        shift_key = 1;
        ret = MSG_N("still reserved this year? (the ledger's rows reserve themselves)");
    } else if (strcmp(sec, "earmarks") == 0) {
        shift_key = 1;
        ret = MSG_N("this year's amount");
    } else if (strcmp(sec, "rules") == 0 && strcmp(key, "residual_label") == 0) {
        shift_value = 1;
    } else if (strcmp(sec, "multiyear") == 0 &&
               (strcmp(key, "money_year2") == 0 || strcmp(key, "money_year3") == 0)) {
        ret = MSG_N("the money of the years after this one");
    } else if (strncmp(sec, "earmark ", 8) == 0 && strcmp(key, "amount") == 0) {
        ret = MSG_N("this year's money for the earmark");
    }
    if (drop) {
        text_buf_str(&c->out, "; ");
        text_buf_add(&c->out, line, len);
        text_buf_str(&c->out, "   ; last year's sheet");
        return;
    }
    if (shift_key)
        shift_years(&c->out, line, (size_t)(v - line), c->old->year, c->delta);
    else
        text_buf_add(&c->out, line, (size_t)(v - line));
    if (set)
        text_buf_str(&c->out, newv);
    else if (shift_value)
        shift_years(&c->out, v, (size_t)(ve - v), c->old->year, c->delta);
    else
        text_buf_add(&c->out, v, (size_t)(ve - v));
    if (ret) {
        text_buf_str(&c->out, "   ; RET: ");
        text_buf_str(&c->out, ret);
        if (cm) {
            text_buf_str(&c->out, " –");
            text_buf_add(&c->out, cm + 1, (size_t)(end - cm - 1));
        }
        if (shift_key) {
            text_buf k = {0};
            shift_years(&k, key, strlen(key), c->old->year, c->delta);
            note(c->rep->edit, &c->rep->n_edit, "%s:%u: [%s] %s: %s", INIT_POOL_FILE,
                 c->out_line, sec, k.s ? k.s : key, msg_tr(ret));
            free(k.s);
        } else {
            note(c->rep->edit, &c->rep->n_edit, "%s:%u: [%s] %s: %s", INIT_POOL_FILE,
                 c->out_line, sec, key, msg_tr(ret));
        }
    } else {
        text_buf_add(&c->out, ve, (size_t)(end - ve));
    }
    if (strcmp(sec, "pool") == 0 && strcmp(key, "year") == 0 && c->has_ledger &&
        !c->old->ledger) {
        text_buf_str(&c->out, "\nledger        = " INIT_LEDGER_CSV);
        c->out_line++;
    }
    if (strcmp(sec, "pool") == 0 && strcmp(key, "year") == 0 && c->followup[0] &&
        !c->old->followup) {
        text_buf_str(&c->out, "\nfollowup      = ");
        text_buf_str(&c->out, c->followup);
        c->out_line++;
    }
}

/* After the [budget] header: the money paid back last round, offered as a
 * budget line (a comment when nothing was paid back). */
static void offer_repaid(carry *c)
{
    char label_text[512], m[MONEY_BUFSZ], line[1024];

    if (!c->followup[0])
        return;
    label_format(label_text, sizeof label_text, L_FU_REPAID_LINE, pool_short_name(c->old),
                 c->old->year);
    snprintf(line, sizeof line, "\n%s%s = %s   ; RET: paid back on last round's grants (%s)",
             c->repaid > 0 ? "" : "; ", label_text, money_format_text(c->repaid, m), c->followup);
    text_buf_str(&c->out, line);
    c->out_line++;
    note(c->rep->edit, &c->rep->n_edit, "%s:%u: [budget] %s: DKK %s paid back, from %s%s",
         INIT_POOL_FILE, c->out_line, label_text, m, c->followup,
         c->repaid > 0 ? "" : msg_tr(" (none yet: the line is a comment)"));
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
    text_buf_str(&c->out, head);
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
        if (!n || *s == ';' || *s == '#' || *s == '[') {
            text_buf_add(&c->out, s, n);
            if (n && *s == '[' && strcmp(sec, "budget") == 0)
                offer_repaid(c);
        } else
            carry_setting(c, sec, s, n);
        text_buf_str(&c->out, "\n");
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
    text_set_err(err, errsz, "%s: %s", msg_tr(what), buf[0] ? buf : msg_tr("it does not read"));
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
        snprintf(tried + tl, tsize - tl, msg_tr(" and %s"), path);
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
    char *text = NULL, ledger_src[2048], tried[4200], path[4096], header[4096], fu_src[2100];
    followup fu;
    size_t len = 0;
    init_status st = INIT_OK;
    int have_ledger;

    memset(rep, 0, sizeof *rep);
    memset(&old, 0, sizeof old);
    memset(&fresh, 0, sizeof fresh);
    memset(&led, 0, sizeof led);
    memset(&fu, 0, sizeof fu);
    memset(&c, 0, sizeof c);
    diag_init(&dl);
    if (pool_load(from, &old, &dl) != 0 || text_read_file(from, &text, &len) != 0) {
        first_problem(&dl, MSG_N("last round's pool file does not read"), err, errsz);
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
        first_problem(&dl, MSG_N("last round's written ledger does not read"), err, errsz);
        st = INIT_FROM;
        goto done;
    }
    if (have_ledger) {
        /* the follow-up ledger the run wrote beside the commitments ledger */
        size_t bl = strlen(ledger_src) - strlen("-forpligtelser.csv");
        snprintf(fu_src, sizeof fu_src, "%.*s-opfoelgning.csv", (int)bl, ledger_src);
        if (access(fu_src, R_OK) == 0) {
            if (followup_load(fu_src, &fu, &dl) != 0) {
                first_problem(&dl, "last round's follow-up ledger does not read", err, errsz);
                st = INIT_FROM;
                goto done;
            }
            snprintf(c.followup, sizeof c.followup, "opfoelgning-%d.csv", old.year);
            c.repaid = followup_repaid(&fu);
        }
    }
    if ((st = init_prepare_dir(dir, err, errsz)) != INIT_OK)
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
    if (init_write_text(path, c.out.s, err, errsz) != 0)
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
             "ledger: %s -> %s (%zu rows; DKK %s to be paid in %d, reserved by the run)",
             ledger_src, path, led.n, money_format_text(rep->ledger_year, m), rep->year);
    } else {
        if (init_write_text(path, "\xEF\xBB\xBF" INIT_LEDGER_HEADER "\r\n", err, errsz) != 0)
            goto done;
        note(rep->carried, &rep->n_carried, "ledger: last round kept none; %s is empty", path);
    }
    if (c.followup[0]) {
        size_t got = followup_received(&fu), overdue = 0;
        char m[MONEY_BUFSZ];
        for (size_t i = 0; i < fu.n; i++)
            overdue += fu.v[i].due[0] && !fu.v[i].received[0];
        snprintf(path, sizeof path, "%s/%s", dir, c.followup);
        if (followup_write(path, &fu, err, errsz) != 0)
            goto done;
        note(rep->carried, &rep->n_carried,
             "follow-up: %s -> %s (%zu grants: %zu reports received, %zu not yet, %zu of them "
             "with a deadline; DKK %s paid back)",
             fu_src, path, fu.n, got, fu.n - got, overdue, money_format_text(c.repaid, m));
    }
    diag_free(&dl);
    diag_init(&dl);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_POOL_FILE);
    if (pool_load(path, &fresh, &dl) != 0) {
        first_problem(&dl, MSG_N("the carried pool file does not read (fix it by hand)"), err, errsz);
        st = INIT_FROM;
        goto done;
    }
    init_apps_header(header, sizeof header, &fresh);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_APPS_CSV);
    if (init_write_text(path, header, err, errsz) != 0)
        goto done;
    snprintf(path, sizeof path, "%s/%s", dir, INIT_APPS_XLSX);
    if (init_write_template_xlsx_for(path, &fresh, err, errsz) != 0)
        goto done;
    note(rep->carried, &rep->n_carried,
         "templates: %s/%s and %s/%s, with the columns of %zu earmark%s", dir, INIT_APPS_CSV, dir,
         INIT_APPS_XLSX, fresh.n_earmark_defs, fresh.n_earmark_defs == 1 ? "" : "s");
    st = INIT_OK;
done:
    free(c.out.s);
    free(text);
    ledger_free(&led);
    followup_free(&fu);
    pool_free(&old);
    pool_free(&fresh);
    diag_free(&dl);
    return st;
}
