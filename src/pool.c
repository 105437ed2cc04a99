/* pool.c - The pool file: budget, reservations, earmarks and rules of one round.
 *
 * Format (an INI file, read by inifile.h's reader with inih after
 * text_to_utf8(), so a UTF-8 BOM and Windows-1252 files are fine):
 *
 *   [pool]          name, short_name, committee, year (1900..2200),
 *                   decision_date (YYYY-MM-DD; default 1 January of the
 *                   year), applications (path relative to the pool file),
 *                   applications_sheet (the .xlsx sheet by name), ledger,
 *                   org_id, org_name, id_prefix, case_number, guidelines,
 *                   notes (more than once, or "\n" between notes).
 *                   Required: name, year, applications.
 *   [budget]        <Danish label> = <amount>   one per money source, in order;
 *                                               at least one line
 *   [reservations]  <Danish label> = <amount>
 *   [earmarks]      <Danish label> = <amount>
 *   [rules]         rule (threshold | proportional | excess | cea | cel |
 *                   talmud, as rules.h's rule_from_name() knows them; also
 *                   "2023" | "pro"), threshold (amount, default 50.000),
 *                   min_grant, max_grant (amounts; 0 or absent = none;
 *                   min_grant at most max_grant),
 *                   rounding (1, 10, 100, 1.000 or 10.000; default 1),
 *                   residual_label (default
 *                   "Restmidler overføres til Udviklingspuljen <year>")
 *   [multiyear]     cap, min_active_years, money_year2, money_year3,
 *                   running_holders
 *   [earmark <key>] see pool_earmark.c
 *
 * The keys of [pool], [rules] and [multiyear] are one table (pool_keys.c)
 * (name, section, type, bounds, default, field), in the manner of Redis'
 * config table: the reader, the defaults, the required keys, the hints for
 * unknown keys and the did-you-mean all read it. A new key is one row (and
 * its field in pool.h, and pool_free() if it holds memory).
 *
 * Amounts are whole kroner as money_parse() reads them (6.318.216 or 6318216).
 * inih splits "key = value" at the first '=' or ':'. A label with a ':' in
 * it ("Reserveret: Driftsaftale 2022-2024 = 935.480") would be cut there, so
 * in [budget], [reservations] and [earmarks] a value that still holds an '='
 * is put back together: the label runs to the last '=' on the line, the
 * amount follows it. "label: amount" (no '=') is read as inih reads it.
 *
 * Section and key names are exact (lower case). Keys under an unknown
 * section are skipped: the section itself is the one error, and when it looks
 * like a misspelling of a known one ("[budjet]"), that section's missing keys
 * are not reported on top. Every problem is appended to the diag_list;
 * nothing stops at the first one. Missing keys and totals are reported at
 * line 0 (the whole file). */
#include "pool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_private.h"
#include "text.h"
#include "messages.h"

const char *const pool_section_names[SEC__COUNT] = {
    "", "pool", "budget", "reservations", "earmarks", "rules", "multiyear", "earmark", ""
};

/* Names people may write instead of a section's, only to suggest the right one. */
static const struct {
    const char *alias;
    enum pool_section sec;
} section_aliases[] = {
    {"pulje", SEC_POOL},
    {"regler", SEC_RULES},
    {"reservationer", SEC_RESERVATIONS},
    {"reserveret", SEC_RESERVATIONS},
    {"øremærkning", SEC_EARMARKS},
    {"øremærkninger", SEC_EARMARKS},
    {"øremærkede", SEC_EARMARKS},
    {"øremærket", SEC_EARMARKS},
    {"flerårige", SEC_MULTIYEAR},
    {"flerårig", SEC_MULTIYEAR},
    {"multi_year", SEC_MULTIYEAR},
};

#define N_ALIASES (sizeof section_aliases / sizeof section_aliases[0])
#define AMOUNT_HINT "write whole kroner like 6.318.216 or 6318216"

/* ---- values ------------------------------------------------------------ */

int pool_parse_amount(pool_parser *st, const char *text, unsigned col, const char *what,
                      pulje_kr *out)
{
    money_status ms = money_parse(text, strlen(text), out);
    const char *sp = *what ? " " : "";
    if (ms == MONEY_OK)
        return 0;
    if (ms == MONEY_EMPTY)
        inifile_error(&st->in, st->in.lineno, col, AMOUNT_HINT, "%s is missing",
                      *what ? what : "the amount");
    else if (ms == MONEY_NEGATIVE)
        inifile_error(&st->in, st->in.lineno, col, "amounts in the pool file are never below zero",
                      "%s%s\"%s\" is negative", what, sp, text);
    else {
        char why[256];
        inifile_error(&st->in, st->in.lineno, col, AMOUNT_HINT, "%s%s\"%s\" %s", what, sp, text,
                      money_explain(text, strlen(text), ms, why, sizeof why));
    }
    return -1;
}

char *pool_copy_value(pool_parser *st, const char *s, size_t n)
{
    char *c = text_strndup(s, n);
    if (!c) {
        st->in.oom = 1;
        return NULL;
    }
    return text_trim(c);
}

/* Keep the line of the first header of the sections budget-level messages name. */
static void note_section_line(pool_parser *st)
{
    unsigned *at = st->sec == SEC_BUDGET         ? &st->p->budget_line
                   : st->sec == SEC_RESERVATIONS ? &st->p->reservations_line
                   : st->sec == SEC_EARMARKS     ? &st->p->earmarks_line
                   : st->sec == SEC_MULTIYEAR    ? &st->p->multiyear_line
                                                 : NULL;
    if (at && !*at)
        *at = st->in.lineno;
}

/* "[pool], [budget], ... and [multiyear]": the sections with fixed names. */
static void sections_list(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int s = SEC_POOL; s < SEC_EARMARK && n < size; s++) {
        const char *sep = s == SEC_POOL ? "" : s + 1 == SEC_EARMARK ? msg_tr(" and ") : ", ";
        int w = snprintf(buf + n, size - n, "%s[%s]", sep, pool_section_names[s]);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

/* The section a misspelt name most likely means; SEC_NONE if none. */
static enum pool_section suggest_section(pool_parser *st, const char *name)
{
    const char *names[SEC_EARMARK - SEC_POOL + N_ALIASES];
    enum pool_section secs[SEC_EARMARK - SEC_POOL + N_ALIASES];
    size_t n = 0;
    for (int s = SEC_POOL; s < SEC_EARMARK; s++, n++) {
        names[n] = pool_section_names[s];
        secs[n] = (enum pool_section)s;
    }
    for (size_t i = 0; i < N_ALIASES; i++, n++) {
        names[n] = section_aliases[i].alias;
        secs[n] = section_aliases[i].sec;
    }
    int k = inifile_suggest(name, names, n, &st->in.oom);
    return k >= 0 ? secs[k] : SEC_NONE;
}

static void on_header(void *user, const char *name, int closed, unsigned col)
{
    pool_parser *st = user;
    char list[160], hint[320];

    st->sec = SEC_UNKNOWN;
    for (int k = SEC_POOL; k < SEC_EARMARK; k++) {
        if (strcmp(name, pool_section_names[k]) == 0)
            st->sec = (enum pool_section)k;
    }
    note_section_line(st);
    if (closed && strncmp(name, "earmark ", 8) == 0) {
        pool_earmark_start(st, name + 8, col);
        return;
    }
    if (!closed) {
        snprintf(hint, sizeof hint, msg_tr("write the header as [%s]"),
                 st->sec != SEC_UNKNOWN ? pool_section_names[st->sec] : "budget");
        inifile_error(&st->in, st->in.lineno, col, hint, "the section header has no closing ']'");
    } else if (st->sec == SEC_UNKNOWN) {
        enum pool_section s2 = suggest_section(st, name);
        sections_list(list, sizeof list);
        if (s2 != SEC_NONE) {
            st->suggested[s2] = 1;
            snprintf(hint, sizeof hint, msg_tr("did you mean [%s]? The sections are %s"),
                     pool_section_names[s2], list);
        } else {
            snprintf(hint, sizeof hint, msg_tr("the sections are %s"), list);
        }
        inifile_error(&st->in, st->in.lineno, col, hint,
                      "unknown section [%s]; its lines are skipped", name);
    }
}

static void on_dropped(void *user)
{
    pool_parser *st = user;
    st->money_errors[st->sec]++;
}

/* ---- [budget], [reservations], [earmarks] ------------------------------ */

static void on_money_line(pool_parser *st, const char *name, const char *value)
{
    pool_line **lines;
    size_t *n, *cap;
    pulje_kr amount;
    char *label;
    const char *amount_text = value;
    size_t voff = inifile_value_offset(&st->in), aoff = voff;
    const char *eq = strrchr(value, '=');

    switch (st->sec) {
    case SEC_BUDGET:
        lines = &st->p->budget; n = &st->p->n_budget; cap = &st->cap_budget; break;
    case SEC_RESERVATIONS:
        lines = &st->p->reservations; n = &st->p->n_reservations; cap = &st->cap_reservations;
        break;
    default:
        lines = &st->p->earmarks; n = &st->p->n_earmarks; cap = &st->cap_earmarks; break;
    }

    if (eq) {
        /* inih split at a ':' in the label; the label runs to the last '='. */
        size_t k = (size_t)(eq - value);
        size_t start = (size_t)inifile_key_col(&st->in) - 1;
        label = pool_copy_value(st, st->in.raw + start, voff + k - start);
        amount_text = eq + 1;
        aoff = voff + k + 1;
        while (inifile_is_blank(*amount_text)) {
            amount_text++;
            aoff++;
        }
    } else {
        label = pool_copy_value(st, name, strlen(name));
    }
    if (!label)
        return;

    if (!*label) {
        inifile_error(&st->in, st->in.lineno, inifile_key_col(&st->in),
                 "write the line as `<label> = <amount>`; the label is shown in the workbook",
                 "this line in [%s] has no label", pool_section_names[st->sec]);
        st->money_errors[st->sec]++;
        free(label);
        return;
    }
    for (size_t i = 0; i < *n; i++) {
        if (strcmp((*lines)[i].label, label) == 0) {
            char hint[128];
            snprintf(hint, sizeof hint,
                     msg_tr("merge lines %u and %u into one, or make the labels different"),
                     (*lines)[i].line, st->in.lineno);
            inifile_error(&st->in, st->in.lineno, inifile_key_col(&st->in), hint,
                     "the label \"%s\" appears twice in [%s], on lines %u and %u", label,
                     pool_section_names[st->sec], (*lines)[i].line, st->in.lineno);
            st->money_errors[st->sec]++;
            free(label);
            return;
        }
    }
    if (pool_parse_amount(st, amount_text, (unsigned)aoff + 1, "", &amount) != 0) {
        st->money_errors[st->sec]++;
        free(label);
        return;
    }
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        pool_line *v = realloc(*lines, ncap * sizeof *v);
        if (!v) {
            st->in.oom = 1;
            free(label);
            return;
        }
        *lines = v;
        *cap = ncap;
    }
    (*lines)[*n].label = label;
    (*lines)[*n].amount = amount;
    (*lines)[*n].line = st->in.lineno;
    (*n)++;
}

/* A "name = value" line, in the section it stands in. */
static void on_pair(void *user, const char *name, const char *value)
{
    pool_parser *st = user;

    switch (st->sec) {
    case SEC_NONE:
        inifile_error(&st->in, st->in.lineno, inifile_key_col(&st->in),
                      "put a section header such as [pool] above it",
                      "\"%s\" stands before any section", name);
        break;
    case SEC_POOL:
    case SEC_RULES:
    case SEC_MULTIYEAR:
        pool_keys_setting(st, name, value);
        break;
    case SEC_EARMARK:
        pool_earmark_setting(st, name, value);
        break;
    case SEC_BUDGET:
    case SEC_RESERVATIONS:
    case SEC_EARMARKS:
        on_money_line(st, name, value);
        break;
    case SEC_UNKNOWN:
    case SEC__COUNT:
        break;
    }
}

/* ---- after the last line ----------------------------------------------- */

/* The exact sum. After a successful pool_parse() it is at most MONEY_MAX;
 * only a rejected file can hold more, and then it stops at INT64_MAX. */
static pulje_kr sum_lines(const pool_line *v, size_t n)
{
    pulje_wide s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i].amount;
    return s > INT64_MAX ? INT64_MAX : (pulje_kr)s;
}


/* At least one budget line, unless [budget] was misspelt or its lines were bad. */
static void check_budget_lines(pool_parser *st)
{
    if (st->p->n_budget == 0 && !st->money_errors[SEC_BUDGET] && !st->suggested[SEC_BUDGET])
        inifile_error(&st->in, 0, 0, "add at least one `<label> = <amount>` line under [budget]",
                      "the pool file has no budget lines");
}

void pool_check_unit(pool_parser *st, const char *what, pulje_kr v, unsigned line)
{
    pulje_kr u = st->p->rounding;
    char a[MONEY_BUFSZ], lo[MONEY_BUFSZ], hi[MONEY_BUFSZ], ub[MONEY_BUFSZ], hint[160];
    char tlo[MONEY_BUFSZ], thi[MONEY_BUFSZ], tub[MONEY_BUFSZ];
    if (u <= 1 || v <= 0 || v % u == 0)
        return;
    /* the hint shows what to write (the Danish form money_parse reads), the message the text */
    money_format(v / u * u, lo);
    money_format(v / u * u + u, hi);
    snprintf(hint, sizeof hint, msg_tr("write %s or %s (a multiple of rounding = %s)"), lo, hi,
             money_format(u, ub));
    inifile_error(&st->in, line, 0, hint,
                  "%s = DKK %s is not a multiple of the rounding unit DKK %s: DKK %s or DKK %s?",
                  what, money_format_text(v, a), money_format_text(u, tub),
                  money_format_text(v / u * u, tlo), money_format_text(v / u * u + u, thi));
}

/* Each money section's total must stay within MONEY_MAX, so that every sum
 * of them fits; then reservations and earmarks must fit in the budget. */
static void check_totals(pool_parser *st)
{
    const pool *p = st->p;
    static const enum pool_section secs[3] = {SEC_BUDGET, SEC_RESERVATIONS, SEC_EARMARKS};
    const pool_line *lines[3] = {p->budget, p->reservations, p->earmarks};
    size_t ns[3] = {p->n_budget, p->n_reservations, p->n_earmarks};
    char b1[MONEY_BUFSZ], b2[MONEY_BUFSZ], b3[MONEY_BUFSZ];
    int too_big = 0;

    for (int s = 0; s < 3; s++) {
        pulje_wide sum = 0;
        for (size_t i = 0; i < ns[s]; i++)
            sum += lines[s][i].amount;
        if (sum > MONEY_MAX) {
            inifile_error(&st->in, 0, 0, "check the amounts; the lines are whole kroner",
                     "the lines in [%s] add up to more than DKK %s", pool_section_names[secs[s]],
                     money_format_text(MONEY_MAX, b1));
            too_big = 1;
        }
    }
    if (too_big || p->n_budget == 0 || st->money_errors[SEC_BUDGET] ||
        st->money_errors[SEC_RESERVATIONS] || st->money_errors[SEC_EARMARKS])
        return;
    pulje_kr budget = pool_budget_total(p);
    pulje_kr bound = pool_reserved_total(p) + pool_earmarked_total(p);
    if (bound > budget) {
        /* At the section that binds the money; the hint names every one by line. */
        unsigned at = p->reservations_line ? p->reservations_line
                      : p->earmarks_line   ? p->earmarks_line
                      : p->n_earmark_defs  ? p->earmark_defs[0].line
                                           : p->budget_line;
        char hint[512];
        int n = snprintf(hint, sizeof hint, msg_tr("check the amounts in [budget] (line %u)"),
                         p->budget_line);
        if (p->reservations_line && n > 0 && (size_t)n < sizeof hint)
            n += snprintf(hint + n, sizeof hint - (size_t)n, msg_tr(", [reservations] (line %u)"),
                          p->reservations_line);
        if (p->earmarks_line && n > 0 && (size_t)n < sizeof hint)
            n += snprintf(hint + n, sizeof hint - (size_t)n, msg_tr(", [earmarks] (line %u)"),
                          p->earmarks_line);
        for (size_t k = 0; k < p->n_earmark_defs && n > 0 && (size_t)n < sizeof hint; k++)
            n += snprintf(hint + n, sizeof hint - (size_t)n, msg_tr(", [earmark %s] (line %u)"),
                          p->earmark_defs[k].key, p->earmark_defs[k].line);
        if (n > 0 && (size_t)n < sizeof hint)
            snprintf(hint + n, sizeof hint - (size_t)n, msg_tr("; no money would be left for grants"));
        inifile_error(&st->in, at, 0, hint,
                 "reservations and earmarks (DKK %s) exceed the budget total (DKK %s) by DKK %s",
                 money_format_text(bound, b1), money_format_text(budget, b2),
                 money_format_text(bound - budget, b3));
    }
}

/* ---- public ------------------------------------------------------------ */

int pool_parse(const char *text, size_t len, const char *filename, pool *out,
               diag_list *dl)
{
    pool_parser st;
    char *utf8 = NULL;
    size_t utf8_len = 0, errors = diag_errors(dl);
    text_encoding enc = TEXT_UTF8;

    memset(out, 0, sizeof *out);
    pool_keys_defaults(out);
    out->file = text_strndup(filename, strlen(filename));
    if (!out->file) {
        diag_add(dl, DIAG_ERROR, filename, 0, 0, NULL, "out of memory reading the pool file");
        return -1;
    }
    if (text_to_utf8(text, len, &utf8, &utf8_len, &enc) != 0) {
        diag_add(dl, DIAG_ERROR, filename, 0, 0, "save the file as UTF-8 text",
                 "cannot read the pool file as text (out of memory or a bad encoding)");
        return -1;
    }

    memset(&st, 0, sizeof st);
    st.in.text = utf8;
    st.in.len = utf8_len;
    st.in.file = filename;
    st.in.dl = dl;
    st.in.on_header = on_header;
    st.in.on_pair = on_pair;
    st.in.on_dropped = on_dropped;
    st.in.user = &st;
    st.p = out;

    if (enc == TEXT_CP1252)
        inifile_check_mixed_encoding(&st.in, text, len);
    inifile_parse(&st.in);
    if (!st.in.oom) {
        pool_keys_check_required(&st);
        check_budget_lines(&st);
        pool_earmark_check(&st);
        pool_keys_check_units(&st);
        pool_earmark_check_units(&st);
        check_totals(&st);
        if (pool_keys_year_defaults(&st) != 0)
            st.in.oom = 1;
    }
    free(utf8);
    if (st.in.oom) {
        diag_add(dl, DIAG_ERROR, filename, 0, 0, NULL, "out of memory reading the pool file");
        return -1;
    }
    return diag_errors(dl) > errors ? -1 : 0;
}

int pool_load(const char *path, pool *out, diag_list *dl)
{
    char *data = NULL;
    size_t len = 0;
    int r;

    if (text_read_file(path, &data, &len) != 0) {
        int e = errno;
        memset(out, 0, sizeof *out);
        pool_keys_defaults(out);
        out->file = text_strndup(path, strlen(path));
        diag_add(dl, DIAG_ERROR, path, 0, 0,
                 "check the path; the default pool file is inputs/pulje-2023.ini",
                 "cannot read the pool file: %s", strerror(e));
        return -1;
    }
    r = pool_parse(data, len, path, out, dl);
    free(data);
    return r;
}

/* Join rel to the pool file's folder, unless rel is absolute. NULL if rel is
 * NULL or memory ran out. */
static char *beside_pool(const pool *p, const char *rel)
{
    const char *slash;
    size_t dir, n;
    char *path;

    if (!rel)
        return NULL;
    slash = p->file ? strrchr(p->file, '/') : NULL;
    if (rel[0] == '/' || !slash)
        return text_strndup(rel, strlen(rel));
    dir = (size_t)(slash - p->file) + 1; /* with the '/' */
    n = strlen(rel);
    path = malloc(dir + n + 1);
    if (!path)
        return NULL;
    memcpy(path, p->file, dir);
    memcpy(path + dir, rel, n + 1);
    return path;
}

char *pool_applications_path(const pool *p)
{
    return beside_pool(p, p->applications);
}

char *pool_ledger_path(const pool *p)
{
    return beside_pool(p, p->ledger);
}

char *pool_path_beside(const pool *p, const char *rel)
{
    return beside_pool(p, rel);
}

const char *pool_short_name(const pool *p)
{
    return p->short_name ? p->short_name : (p->name ? p->name : "");
}

pulje_kr pool_money_in(const pool *p, int year)
{
    int k = year - p->year;
    if (k >= 1 && k <= 2 && p->later_money[k - 1] > 0)
        return p->later_money[k - 1];
    return pool_budget_total(p);
}

int pool_parse_percent(const char *s, int *bp)
{
    long whole = 0, frac = 0;
    int digits = 0, fdigits = 0;
    while (*s == ' ')
        s++;
    for (; *s >= '0' && *s <= '9' && digits < 4; s++, digits++)
        whole = whole * 10 + (*s - '0');
    if (digits == 0)
        return -1;
    if (*s == ',' || *s == '.') {
        s++;
        for (; *s >= '0' && *s <= '9'; s++, fdigits++) {
            if (fdigits >= 2)
                return -1;
            frac = frac * 10 + (*s - '0');
        }
        if (fdigits == 0)
            return -1;
        if (fdigits == 1)
            frac *= 10;
    }
    while (*s == ' ')
        s++;
    if (*s == '%')
        s++;
    while (*s == ' ')
        s++;
    if (*s != '\0' || whole > 100 || (whole == 100 && frac > 0))
        return -1;
    *bp = (int)(whole * 100 + frac);
    return 0;
}

static void free_lines(pool_line *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].label);
    free(v);
}

void pool_free(pool *p)
{
    free(p->file);
    free(p->name);
    free(p->committee);
    free(p->decision_date);
    free(p->applications);
    free(p->applications_sheet);
    free(p->residual_label);
    free(p->short_name);
    free(p->ledger);
    for (size_t i = 0; i < p->n_earmark_defs; i++)
        pool_earmark_free(&p->earmark_defs[i]);
    free(p->earmark_defs);
    free(p->org_id);
    free(p->org_name);
    free(p->id_prefix);
    free(p->members);
    free(p->letter);
    free(p->report_deadline);
    free(p->followup);
    free(p->case_number);
    free(p->guidelines);
    for (size_t i = 0; i < p->n_notes; i++)
        free(p->notes[i]);
    free(p->notes);
    free_lines(p->budget, p->n_budget);
    free_lines(p->reservations, p->n_reservations);
    free_lines(p->earmarks, p->n_earmarks);
    memset(p, 0, sizeof *p);
}

pulje_kr pool_budget_total(const pool *p)
{
    return sum_lines(p->budget, p->n_budget);
}

pulje_kr pool_reserved_total(const pool *p)
{
    return sum_lines(p->reservations, p->n_reservations);
}

pulje_kr pool_earmarked_total(const pool *p)
{
    pulje_kr s = sum_lines(p->earmarks, p->n_earmarks);
    for (size_t i = 0; i < p->n_earmark_defs; i++)
        s += p->earmark_defs[i].amount;
    return s;
}
