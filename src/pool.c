/* pool.c - The pool file: budget, reservations, earmarks and rules of one round.
 *
 * Format (an INI file, read with inih after text_to_utf8(), so a UTF-8 BOM
 * and Windows-1252 files are fine):
 *
 *   [pool]          name, committee, year (1900..2200),
 *                   decision_date (YYYY-MM-DD), applications (path relative
 *                   to the pool file), applications_sheet (the .xlsx sheet
 *                   by name). Required: name, year, applications.
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
 *
 * Lines end at LF, CRLF or a lone CR, mixed as they come. A control
 * character, or a byte that is neither UTF-8 nor Windows-1252 (U+FFFD after
 * conversion), is an error at its column; the line is still read.
 *
 * Amounts are whole kroner as money_parse() reads them (6.318.216 or 6318216).
 * Lines starting with ';' or '#' are comments, and so is everything from a
 * ';' that follows a blank ("rounding = 100 ; kr." is 100). inih's rules.
 *
 * How inih is used. ini_parse_stream() is fed by our own reader, one line
 * per call, so the reader's count is the line number while the handler runs,
 * and the reader keeps the raw line so that columns (1-based, in bytes) can
 * be given: the value's column for a bad value, the key's (1 unless the line
 * is indented) for a bad key or label. The reader drops a line's leading
 * blanks before inih sees it: inih would otherwise take an indented line as
 * the continuation of the previous value, which a pool file never means.
 * A line longer than inih's buffer allows (198 bytes with Debian's default
 * 200) is reported and handed on as a blank line, so the count stays right.
 * inih reports only the first malformed line; the reader notices every line
 * that looked like "key = value" but never reached the handler.
 *
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
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

enum section {
    SEC_NONE = 0, /* before any header */
    SEC_POOL,
    SEC_BUDGET,
    SEC_RESERVATIONS,
    SEC_EARMARKS,
    SEC_RULES,
    SEC_MULTIYEAR,
    SEC_EARMARK,  /* [earmark <key>]: st->earmark is the one being read */
    SEC_UNKNOWN,  /* reported at its header; its lines are skipped */
    SEC__COUNT
};

static const char *const section_names[SEC__COUNT] = {
    "", "pool", "budget", "reservations", "earmarks", "rules", "multiyear", "earmark", ""
};

/* Names people may write instead of a section's, only to suggest the right one. */
static const struct {
    const char *alias;
    enum section sec;
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

enum key {
    K_NAME = 0,
    K_COMMITTEE,
    K_YEAR,
    K_DECISION_DATE,
    K_APPLICATIONS,
    K_RULE,
    K_THRESHOLD,
    K_ROUNDING,
    K_RESIDUAL_LABEL,
    K_SHORT_NAME,
    K_LEDGER,
    K_ORG_ID,
    K_ORG_NAME,
    K_ID_PREFIX,
    K_CAP,
    K_MIN_ACTIVE_YEARS,
    K_MONEY_YEAR2,
    K_MONEY_YEAR3,
    K_RUNNING_HOLDERS,
    K_MIN_GRANT,
    K_MAX_GRANT,
    K_APPLICATIONS_SHEET,
    K__COUNT
};

static const struct {
    const char *name;
    enum section sec;
} keys[K__COUNT] = {
    [K_NAME] = {"name", SEC_POOL},
    [K_COMMITTEE] = {"committee", SEC_POOL},
    [K_YEAR] = {"year", SEC_POOL},
    [K_DECISION_DATE] = {"decision_date", SEC_POOL},
    [K_APPLICATIONS] = {"applications", SEC_POOL},
    [K_RULE] = {"rule", SEC_RULES},
    [K_THRESHOLD] = {"threshold", SEC_RULES},
    [K_ROUNDING] = {"rounding", SEC_RULES},
    [K_RESIDUAL_LABEL] = {"residual_label", SEC_RULES},
    [K_SHORT_NAME] = {"short_name", SEC_POOL},
    [K_LEDGER] = {"ledger", SEC_POOL},
    [K_ORG_ID] = {"org_id", SEC_POOL},
    [K_ORG_NAME] = {"org_name", SEC_POOL},
    [K_ID_PREFIX] = {"id_prefix", SEC_POOL},
    [K_CAP] = {"cap", SEC_MULTIYEAR},
    [K_MIN_ACTIVE_YEARS] = {"min_active_years", SEC_MULTIYEAR},
    [K_MONEY_YEAR2] = {"money_year2", SEC_MULTIYEAR},
    [K_MONEY_YEAR3] = {"money_year3", SEC_MULTIYEAR},
    [K_RUNNING_HOLDERS] = {"running_holders", SEC_MULTIYEAR},
    [K_MIN_GRANT] = {"min_grant", SEC_RULES},
    [K_MAX_GRANT] = {"max_grant", SEC_RULES},
    [K_APPLICATIONS_SHEET] = {"applications_sheet", SEC_POOL},
};

static const pulje_kr rounding_units[] = {1, 10, 100, 1000, 10000};

#define AMOUNT_HINT "write whole kroner like 6.318.216 or 6318216"
#define SECTIONS_LIST "[pool], [budget], [reservations], [earmarks], [rules] and [multiyear]"
#define DEFAULT_THRESHOLD 50000
#define DEFAULT_RESIDUAL "Restmidler overføres til Udviklingspuljen"

/* The state shared by the reader and the handler during one parse. */
typedef struct parser {
    const char *text;   /* the whole file, UTF-8 */
    size_t len, pos;    /* its length; where the next line starts */
    const char *file;   /* name for diagnostics */
    pool *p;
    diag_list *dl;

    unsigned lineno;    /* the line last handed to inih */
    const char *raw;    /* that line as in the file, without its line end */
    size_t raw_len;
    int expect_pair;    /* it looked like "key = value": inih should call us */
    int got_pair;       /* and it did */

    enum section sec;                 /* the section the lines now belong to */
    pool_earmark *earmark;            /* SEC_EARMARK: the earmark being read */
    unsigned earmark_keys;            /* its keys seen so far (bits) */
    int suggested[SEC__COUNT];        /* an unknown section was taken for this one */
    unsigned key_line[K__COUNT];      /* where each key was first set, 0 if not */
    int money_errors[SEC__COUNT];     /* bad lines in each money section */
    size_t cap_budget, cap_reservations, cap_earmarks;
    int oom;
} parser;

/* inih's notion of a blank (isspace in the C locale), without the line end. */
static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

static unsigned col_at(size_t offset)
{
    return (unsigned)offset + 1;
}

/* Column of the first byte of the line that is not blank. */
static unsigned key_col(const parser *st)
{
    size_t i = 0;
    while (i < st->raw_len && is_blank(st->raw[i]))
        i++;
    return col_at(i);
}

/* Offset in the raw line where inih's value starts: after the first '=' or
 * ':' and the blanks that follow. The raw line's length if there is none. */
static size_t value_offset(const parser *st)
{
    size_t i = 0;
    while (i < st->raw_len && st->raw[i] != '=' && st->raw[i] != ':')
        i++;
    if (i < st->raw_len)
        i++;
    while (i < st->raw_len && is_blank(st->raw[i]))
        i++;
    return i;
}

static void error_at(parser *st, unsigned line, unsigned col, const char *hint,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void error_at(parser *st, unsigned line, unsigned col, const char *hint,
                     const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(st->dl, DIAG_ERROR, st->file, line, col, hint, "%s", msg);
}

/* ---- did you mean ------------------------------------------------------ */

/* Is the folded word close enough to the folded candidate to suggest it? */
static int close_enough(const char *word, const char *cand, int *best)
{
    int d = text_distance(word, cand);
    size_t n = strlen(cand);
    int limit = n <= 3 ? 1 : (int)(n / 3) + 1;
    if (d <= limit && d < *best) {
        *best = d;
        return 1;
    }
    return 0;
}

/* The section a misspelt name most likely means; SEC_NONE if none. */
static enum section suggest_section(parser *st, const char *name)
{
    char *w = text_fold(name);
    enum section found = SEC_NONE;
    int best = 100;
    if (!w) {
        st->oom = 1;
        return SEC_NONE;
    }
    for (int s = SEC_POOL; s < SEC_EARMARK; s++) {
        if (close_enough(w, section_names[s], &best))
            found = (enum section)s;
    }
    for (size_t i = 0; i < sizeof section_aliases / sizeof section_aliases[0]; i++) {
        char *a = text_fold(section_aliases[i].alias);
        if (!a) {
            st->oom = 1;
            break;
        }
        if (close_enough(w, a, &best))
            found = section_aliases[i].sec;
        free(a);
    }
    free(w);
    return found;
}

/* The key a misspelt name most likely means, in any section; -1 if none. */
static int suggest_key(parser *st, const char *name)
{
    char *w = text_fold(name);
    int found = -1, best = 100;
    if (!w) {
        st->oom = 1;
        return -1;
    }
    for (int k = 0; k < K__COUNT; k++) {
        char *c = text_fold(keys[k].name);
        if (!c) {
            st->oom = 1;
            break;
        }
        if (close_enough(w, c, &best))
            found = k;
        free(c);
    }
    free(w);
    return found;
}

/* ---- the reader: one line per call ------------------------------------- */

/* Close the line handed out last: a "key = value" line that inih did not
 * pass to the handler was not one (no '=' or ':' before a comment). */
static void finish_line(parser *st)
{
    if (st->expect_pair && !st->got_pair)
        error_at(st, st->lineno, key_col(st),
                 "write it as `<label> = <amount>` or `key = value`, or start it with ';' "
                 "to make it a comment",
                 "this line is not `key = value`: it has no '=' (or it comes after a ' ;' comment)");
    st->expect_pair = 0;
    st->got_pair = 0;
}

static void start_earmark(parser *st, const char *key, unsigned col);

/* Keep the line of the first header of the sections budget-level messages name. */
static void note_section_line(parser *st)
{
    unsigned *at = st->sec == SEC_BUDGET         ? &st->p->budget_line
                   : st->sec == SEC_RESERVATIONS ? &st->p->reservations_line
                   : st->sec == SEC_EARMARKS     ? &st->p->earmarks_line
                   : st->sec == SEC_MULTIYEAR    ? &st->p->multiyear_line
                                                 : NULL;
    if (at && !*at)
        *at = st->lineno;
}

/* A section header: "[name]", anything after the ']' ignored, as inih does.
 * inih stops looking for the ']' at a ';' that follows a blank. */
static void read_header(parser *st, const char *s, size_t n)
{
    size_t i = 1, end;
    int was_blank = 0;
    char *name;

    while (i < n && s[i] != ']' && !(was_blank && s[i] == ';')) {
        was_blank = is_blank(s[i]);
        i++;
    }
    int closed = i < n && s[i] == ']';
    end = closed ? i : n;
    if (!closed) {
        /* A comment may follow: take the name up to it, without blanks. */
        end = i;
        while (end > 1 && is_blank(s[end - 1]))
            end--;
    }
    name = text_strndup(s + 1, end - 1);
    if (!name) {
        st->oom = 1;
        st->sec = SEC_UNKNOWN;
        return;
    }
    st->sec = SEC_UNKNOWN;
    for (int k = SEC_POOL; k < SEC_EARMARK; k++) {
        if (strcmp(name, section_names[k]) == 0)
            st->sec = (enum section)k;
    }
    note_section_line(st);
    unsigned col = col_at((size_t)(s - st->raw));
    if (closed && strncmp(name, "earmark ", 8) == 0) {
        start_earmark(st, name + 8, col);
        free(name);
        return;
    }
    if (!closed) {
        char hint[128];
        snprintf(hint, sizeof hint, "write the header as [%s]",
                 st->sec != SEC_UNKNOWN ? section_names[st->sec] : "budget");
        error_at(st, st->lineno, col, hint, "the section header has no closing ']'");
    } else if (st->sec == SEC_UNKNOWN) {
        enum section s2 = suggest_section(st, name);
        char hint[256];
        if (s2 != SEC_NONE) {
            st->suggested[s2] = 1;
            snprintf(hint, sizeof hint, "did you mean [%s]? The sections are " SECTIONS_LIST,
                     section_names[s2]);
        } else {
            snprintf(hint, sizeof hint, "the sections are " SECTIONS_LIST);
        }
        error_at(st, st->lineno, col, hint,
                 "unknown section [%s]; its lines are skipped", name);
    }
    free(name);
}

/* The first character in the line that has no place in a pool file, or
 * NULL: a control character (C0 other than TAB, DEL, C1 U+0080..U+009F) or
 * U+FFFD, which text_to_utf8() puts where a byte was neither UTF-8 nor
 * Windows-1252. NUL is reported on its own before this. */
static const char *bad_char(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\0') || c == 0x7F)
            return s + i;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9F)
            return s + i;
        if (c == 0xEF && i + 2 < n && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)
            return s + i;
    }
    return NULL;
}

/* inih's reader: hand over the next line of the text, without its leading
 * blanks, ending in '\n'. Returns NULL at the end. */
static char *read_line(char *buf, int size, void *stream)
{
    parser *st = stream;
    const char *line, *nl, *bad;
    size_t n, ind = 0;

    finish_line(st);
    if (st->pos >= st->len || size < 2)
        return NULL;
    /* A line ends at LF, CRLF or a lone CR (old Mac files; mixed is fine). */
    line = st->text + st->pos;
    nl = line;
    while (nl < st->text + st->len && *nl != '\n' && *nl != '\r')
        nl++;
    n = (size_t)(nl - line);
    st->pos += n;
    if (st->pos < st->len) {
        st->pos++;
        if (*nl == '\r' && st->pos < st->len && st->text[st->pos] == '\n')
            st->pos++;
    }
    st->lineno++;
    st->raw = line;
    st->raw_len = n;
    while (ind < n && is_blank(line[ind]))
        ind++;

    if (memchr(line, '\0', n)) {
        error_at(st, st->lineno, col_at((size_t)((const char *)memchr(line, '\0', n) - line)),
                 "the file may not be a text file; save it as text (UTF-8)",
                 "this line contains a NUL byte");
        st->money_errors[st->sec]++;
        strcpy(buf, "\n");
        return buf;
    }
    if ((bad = bad_char(line, n)) != NULL) {
        if ((unsigned char)bad[0] == 0xEF)
            error_at(st, st->lineno, col_at((size_t)(bad - line)),
                     "save the file as UTF-8 text; the byte was read as U+FFFD",
                     "this line contains a byte that is neither UTF-8 nor Windows-1252");
        else
            error_at(st, st->lineno, col_at((size_t)(bad - line)),
                     "delete the character, or save the file as UTF-8 text (it may have "
                     "been saved in another encoding)",
                     "this line contains the control character U+%04X",
                     bad[0] == '\xC2' ? (unsigned char)bad[1] : (unsigned char)bad[0]);
        /* the line is still read, so that nothing else is reported missing */
    }
    if (n - ind + 2 > (size_t)size) {
        char hint[128];
        snprintf(hint, sizeof hint, "shorten it to at most %d characters", size - 2);
        error_at(st, st->lineno, col_at(ind + (size_t)size - 2), hint,
                 "this line is too long (%zu bytes)", n - ind);
        st->money_errors[st->sec]++;
        strcpy(buf, "\n");
        return buf;
    }
    memcpy(buf, line + ind, n - ind);
    buf[n - ind] = '\n';
    buf[n - ind + 1] = '\0';

    if (ind == n || line[ind] == ';' || line[ind] == '#')
        return buf;
    if (line[ind] == '[')
        read_header(st, line + ind, n - ind);
    else
        st->expect_pair = 1;
    return buf;
}

/* ---- values ------------------------------------------------------------ */

/* Parse an amount at column col; report and return -1 if it is not one.
 * what names the setting ("threshold"), or is "" for a money line. */
static int parse_amount(parser *st, const char *text, unsigned col, const char *what,
                        pulje_kr *out)
{
    money_status ms = money_parse(text, strlen(text), out);
    const char *sp = *what ? " " : "";
    if (ms == MONEY_OK)
        return 0;
    if (ms == MONEY_EMPTY)
        error_at(st, st->lineno, col, AMOUNT_HINT, "%s is missing",
                 *what ? what : "the amount");
    else if (ms == MONEY_NEGATIVE)
        error_at(st, st->lineno, col, "amounts in the pool file are never below zero",
                 "%s%s\"%s\" is negative", what, sp, text);
    else {
        char why[256];
        error_at(st, st->lineno, col, AMOUNT_HINT, "%s%s\"%s\" %s", what, sp, text,
                 money_explain(text, strlen(text), ms, why, sizeof why));
    }
    return -1;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* A strict YYYY-MM-DD calendar date. Reports and returns -1 if not. */
static int check_date(parser *st, const char *s, unsigned col)
{
    static const char *const months[12] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    const char *hint = "write the date as YYYY-MM-DD, e.g. 2022-12-13";
    int y = 0, m = 0, d = 0;

    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
        error_at(st, st->lineno, col, hint, "decision_date \"%s\" is not a YYYY-MM-DD date", s);
        return -1;
    }
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (s[i] < '0' || s[i] > '9') {
            error_at(st, st->lineno, col, hint, "decision_date \"%s\" is not a YYYY-MM-DD date",
                     s);
            return -1;
        }
    }
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1900) { /* the workbook's dates start in 1900 (book_parse_date) */
        error_at(st, st->lineno, col, hint,
                 "decision_date \"%s\" is before 1900, which a workbook cannot show", s);
        return -1;
    }
    if (m < 1 || m > 12) {
        error_at(st, st->lineno, col, hint,
                 "decision_date \"%s\" is not a calendar date: there is no month %02d", s, m);
        return -1;
    }
    if (d < 1 || d > days_in_month(y, m)) {
        error_at(st, st->lineno, col, hint,
                 "decision_date \"%s\" is not a calendar date: %s %04d has %d days", s,
                 months[m - 1], y, days_in_month(y, m));
        return -1;
    }
    return 0;
}

/* Copy a value, trimmed of no-break spaces too. NULL (and oom set) on failure. */
static char *copy_value(parser *st, const char *s, size_t n)
{
    char *c = text_strndup(s, n);
    if (!c) {
        st->oom = 1;
        return NULL;
    }
    return text_trim(c);
}

/* ---- [pool] and [rules] ------------------------------------------------ */

static void set_string(parser *st, enum key k, const char *value, unsigned col, char **dst)
{
    if (!*value) {
        error_at(st, st->lineno, col, "write a value after the '=' or delete the line",
                 "%s is empty", keys[k].name);
        return;
    }
    char *c = copy_value(st, value, strlen(value));
    if (!c)
        return;
    free(*dst);
    *dst = c;
}

static void set_year(parser *st, const char *value, unsigned col)
{
    long y = 0;
    size_t i = 0;
    for (; value[i] >= '0' && value[i] <= '9' && i < 6; i++)
        y = y * 10 + (value[i] - '0');
    if (i == 0 || value[i] != '\0') {
        error_at(st, st->lineno, col, "write the grant year as four digits, e.g. 2023",
                 "year \"%s\" is not a year", value);
        return;
    }
    if (y < 1900 || y > 2200) {
        error_at(st, st->lineno, col, "write the grant year as four digits, e.g. 2023",
                 "year %ld is outside 1900..2200", y);
        return;
    }
    st->p->year = (int)y;
}

static void set_rule(parser *st, const char *value, unsigned col)
{
    rule_kind kind;
    if (rule_from_name(value, &kind)) {
        st->p->rule.kind = kind;
        return;
    }
    error_at(st, st->lineno, col,
             "choose threshold (the 2023 rule: only amounts above the threshold are "
             "reduced; also \"2023\"), proportional (every amount reduced; also \"pro\"), "
             "excess (only the part above the threshold is reduced), cea (a common "
             "ceiling), cel (a common cut in kroner) or talmud",
             "unknown rule \"%s\"; the rules are %s", value, rule_names_list());
}

static void set_rounding(parser *st, const char *value, unsigned col)
{
    pulje_kr v;
    if (parse_amount(st, value, col, "rounding", &v) != 0)
        return;
    for (size_t i = 0; i < sizeof rounding_units / sizeof rounding_units[0]; i++) {
        if (v == rounding_units[i]) {
            st->p->rounding = v;
            return;
        }
    }
    char buf[MONEY_BUFSZ];
    error_at(st, st->lineno, col, "use 1, 10, 100, 1.000 or 10.000",
             "rounding must be one of 1, 10, 100, 1.000 or 10.000 kr., not %s",
             money_format(v, buf));
}

static void on_setting(parser *st, const char *name, const char *value)
{
    unsigned kcol = key_col(st), vcol = col_at(value_offset(st));
    int k = -1;

    for (int i = 0; i < K__COUNT; i++) {
        if (keys[i].sec == st->sec && strcmp(name, keys[i].name) == 0)
            k = i;
    }
    if (k < 0) {
        int s = suggest_key(st, name);
        char hint[256];
        if (s >= 0 && strcmp(name, keys[s].name) == 0)
            snprintf(hint, sizeof hint, "%s belongs in [%s]", keys[s].name,
                     section_names[keys[s].sec]);
        else if (s >= 0 && keys[s].sec == st->sec)
            snprintf(hint, sizeof hint, "did you mean %s?", keys[s].name);
        else if (s >= 0)
            snprintf(hint, sizeof hint, "did you mean %s (in [%s])?", keys[s].name,
                     section_names[keys[s].sec]);
        else if (st->sec == SEC_POOL)
            snprintf(hint, sizeof hint,
                     "[pool] has name, short_name, committee, year, decision_date, "
                     "applications, ledger, org_id, org_name and id_prefix");
        else if (st->sec == SEC_MULTIYEAR)
            snprintf(hint, sizeof hint,
                     "[multiyear] has cap, min_active_years, money_year2, money_year3 and "
                     "running_holders");
        else
            snprintf(hint, sizeof hint,
                     "[rules] has rule, threshold, min_grant, max_grant, rounding and "
                     "residual_label");
        error_at(st, st->lineno, kcol, hint, "unknown key \"%s\" in [%s]", name,
                 section_names[st->sec]);
        return;
    }
    if (st->key_line[k]) {
        char hint[128];
        snprintf(hint, sizeof hint, "keep one of the two lines (%u and %u)", st->key_line[k],
                 st->lineno);
        error_at(st, st->lineno, kcol, hint, "%s is set twice in [%s], first on line %u",
                 keys[k].name, section_names[st->sec], st->key_line[k]);
        return;
    }
    st->key_line[k] = st->lineno;

    pool *p = st->p;
    switch ((enum key)k) {
    case K_NAME:           set_string(st, K_NAME, value, vcol, &p->name); break;
    case K_COMMITTEE:      set_string(st, K_COMMITTEE, value, vcol, &p->committee); break;
    case K_APPLICATIONS:   set_string(st, K_APPLICATIONS, value, vcol, &p->applications); break;
    case K_RESIDUAL_LABEL: set_string(st, K_RESIDUAL_LABEL, value, vcol, &p->residual_label); break;
    case K_YEAR:           set_year(st, value, vcol); break;
    case K_DECISION_DATE:
        if (check_date(st, value, vcol) == 0)
            set_string(st, K_DECISION_DATE, value, vcol, &p->decision_date);
        break;
    case K_RULE:           set_rule(st, value, vcol); break;
    case K_THRESHOLD: {
        pulje_kr v;
        if (parse_amount(st, value, vcol, "threshold", &v) == 0)
            p->rule.threshold = v;
        break;
    }
    case K_ROUNDING:       set_rounding(st, value, vcol); break;
    case K_SHORT_NAME:     set_string(st, K_SHORT_NAME, value, vcol, &p->short_name); break;
    case K_LEDGER:
        set_string(st, K_LEDGER, value, vcol, &p->ledger);
        p->ledger_line = st->lineno;
        break;
    case K_ORG_ID:         set_string(st, K_ORG_ID, value, vcol, &p->org_id); break;
    case K_ORG_NAME:       set_string(st, K_ORG_NAME, value, vcol, &p->org_name); break;
    case K_ID_PREFIX:      set_string(st, K_ID_PREFIX, value, vcol, &p->id_prefix); break;
    case K_CAP:
        if (pool_parse_percent(value, &p->cap_bp) != 0)
            error_at(st, st->lineno, vcol, "write a share from 0 to 100 %, e.g. 55 % or 50",
                     "cap \"%s\" is not a percentage", value);
        break;
    case K_MIN_ACTIVE_YEARS: {
        long v = 0;
        size_t i = 0;
        for (; value[i] >= '0' && value[i] <= '9' && i < 3; i++)
            v = v * 10 + (value[i] - '0');
        if (i == 0 || value[i] != '\0')
            error_at(st, st->lineno, vcol, "write a whole number of years, e.g. 5",
                     "min_active_years \"%s\" is not a number of years", value);
        else
            p->min_active_years = (int)v;
        break;
    }
    case K_MONEY_YEAR2:
    case K_MONEY_YEAR3: {
        pulje_kr v;
        if (parse_amount(st, value, vcol, keys[k].name, &v) == 0)
            p->later_money[k == K_MONEY_YEAR2 ? 0 : 1] = v;
        break;
    }
    case K_RUNNING_HOLDERS:
        if (text_casecmp(value, "error") == 0)
            p->holders_set_aside = 0;
        else if (text_casecmp(value, "set_aside") == 0)
            p->holders_set_aside = 1;
        else
            error_at(st, st->lineno, vcol,
                     "choose error (stop and name both rows) or set_aside (warn and leave the "
                     "application out)",
                     "unknown running_holders \"%s\"", value);
        break;
    case K_MIN_GRANT:
    case K_MAX_GRANT: {
        pulje_kr v;
        if (parse_amount(st, value, vcol, keys[k].name, &v) == 0) {
            pulje_kr *dst = k == K_MIN_GRANT ? &p->rule.min_grant : &p->rule.max_grant;
            pulje_kr other = k == K_MIN_GRANT ? p->rule.max_grant : p->rule.min_grant;
            char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
            *dst = v;
            if (v > 0 && other > 0 && p->rule.min_grant > p->rule.max_grant)
                error_at(st, st->lineno, vcol,
                         "lower min_grant or raise max_grant; 0 means none",
                         "min_grant (%s kr.) is above max_grant (%s kr.)",
                         money_format(p->rule.min_grant, a), money_format(p->rule.max_grant, b));
        }
        break;
    }
    case K_APPLICATIONS_SHEET:
        set_string(st, K_APPLICATIONS_SHEET, value, vcol, &p->applications_sheet);
        break;
    case K__COUNT:         break;
    }
}

/* ---- [budget], [reservations], [earmarks] ------------------------------ */

static void on_money_line(parser *st, const char *name, const char *value)
{
    pool_line **lines;
    size_t *n, *cap;
    pulje_kr amount;
    char *label;
    const char *amount_text = value;
    size_t voff = value_offset(st), aoff = voff;
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
        size_t start = (size_t)key_col(st) - 1;
        label = copy_value(st, st->raw + start, voff + k - start);
        amount_text = eq + 1;
        aoff = voff + k + 1;
        while (is_blank(*amount_text)) {
            amount_text++;
            aoff++;
        }
    } else {
        label = copy_value(st, name, strlen(name));
    }
    if (!label)
        return;

    if (!*label) {
        error_at(st, st->lineno, key_col(st),
                 "write the line as `<label> = <amount>`; the label is shown in the workbook",
                 "this line in [%s] has no label", section_names[st->sec]);
        st->money_errors[st->sec]++;
        free(label);
        return;
    }
    for (size_t i = 0; i < *n; i++) {
        if (strcmp((*lines)[i].label, label) == 0) {
            char hint[128];
            snprintf(hint, sizeof hint,
                     "merge lines %u and %u into one, or make the labels different",
                     (*lines)[i].line, st->lineno);
            error_at(st, st->lineno, key_col(st), hint,
                     "the label \"%s\" appears twice in [%s], on lines %u and %u", label,
                     section_names[st->sec], (*lines)[i].line, st->lineno);
            st->money_errors[st->sec]++;
            free(label);
            return;
        }
    }
    if (parse_amount(st, amount_text, col_at(aoff), "", &amount) != 0) {
        st->money_errors[st->sec]++;
        free(label);
        return;
    }
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        pool_line *v = realloc(*lines, ncap * sizeof *v);
        if (!v) {
            st->oom = 1;
            free(label);
            return;
        }
        *lines = v;
        *cap = ncap;
    }
    (*lines)[*n].label = label;
    (*lines)[*n].amount = amount;
    (*lines)[*n].line = st->lineno;
    (*n)++;
}

/* ---- [earmark <key>] ---------------------------------------------------- */

enum { EK_LABEL = 1, EK_AMOUNT = 2, EK_YEARS = 4, EK_REQUIRED = 8, EK_UNUSED = 16 };

/* A new earmark section. Its key must be a plain word, unique. */
static void start_earmark(parser *st, const char *key, unsigned col)
{
    pool *p = st->p;
    pool_earmark *v;
    char *k = text_strndup(key, strlen(key));

    st->sec = SEC_UNKNOWN;
    if (!k) {
        st->oom = 1;
        return;
    }
    text_trim(k);
    if (!k[0] || strpbrk(k, " \t;=:[]")) {
        error_at(st, st->lineno, col, "name the earmark with one word, e.g. [earmark trivsel]",
                 "earmark key \"%s\" is not one word", k);
        free(k);
        return;
    }
    for (size_t i = 0; i < p->n_earmark_defs; i++) {
        if (strcmp(p->earmark_defs[i].key, k) == 0) {
            char hint[96];
            snprintf(hint, sizeof hint, "merge it with the section on line %u",
                     p->earmark_defs[i].line);
            error_at(st, st->lineno, col, hint, "[earmark %s] appears twice", k);
            free(k);
            return;
        }
    }
    v = realloc(p->earmark_defs, (p->n_earmark_defs + 1) * sizeof *v);
    if (!v) {
        free(k);
        st->oom = 1;
        return;
    }
    p->earmark_defs = v;
    st->earmark = &v[p->n_earmark_defs++];
    memset(st->earmark, 0, sizeof *st->earmark);
    st->earmark->key = k;
    st->earmark->first_year = p->year;
    st->earmark->last_year = p->year;
    st->earmark->line = st->lineno;
    st->earmark_keys = 0;
    st->sec = SEC_EARMARK;
}

/* The bit mask of a comma-separated list of criterion keys; -1 (after a
 * diagnostic) if a key is unknown. */
static long criteria_mask(parser *st, const pool_earmark *e, const char *list, unsigned col)
{
    long mask = 0;
    const char *s = list;
    while (*s) {
        const char *end = strchr(s, ',');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        char *k = text_strndup(s, n);
        int found = -1;
        if (!k) {
            st->oom = 1;
            return -1;
        }
        text_trim(k);
        for (size_t c = 0; c < e->n_criteria; c++)
            if (strcmp(e->criteria[c].key, k) == 0)
                found = (int)c;
        if (found < 0 && k[0]) {
            char hint[512] = "the criteria of this earmark are:";
            for (size_t c = 0; c < e->n_criteria; c++) {
                strncat(hint, c ? ", " : " ", sizeof hint - strlen(hint) - 1);
                strncat(hint, e->criteria[c].key, sizeof hint - strlen(hint) - 1);
            }
            if (e->n_criteria == 0)
                snprintf(hint, sizeof hint, "declare criteria first: criterion <key> = <text>");
            error_at(st, st->lineno, col, hint, "unknown criterion \"%s\"", k);
            free(k);
            return -1;
        }
        if (found >= 0)
            mask |= 1L << found;
        free(k);
        s += n;
        if (*s == ',')
            s++;
    }
    return mask;
}

/* "2023" or "2023-2025". Returns 0 or -1. */
static int parse_years(const char *s, int *first, int *last)
{
    int a = 0, b = 0, n = 0;
    while (*s == ' ')
        s++;
    for (; *s >= '0' && *s <= '9' && n < 4; s++, n++)
        a = a * 10 + (*s - '0');
    if (n != 4)
        return -1;
    while (*s == ' ')
        s++;
    if (*s == '\0') {
        *first = *last = a;
        return 0;
    }
    if (*s != '-')
        return -1;
    s++;
    while (*s == ' ')
        s++;
    for (n = 0; *s >= '0' && *s <= '9' && n < 4; s++, n++)
        b = b * 10 + (*s - '0');
    while (*s == ' ')
        s++;
    if (n != 4 || *s || b < a)
        return -1;
    *first = a;
    *last = b;
    return 0;
}

static void on_earmark_setting(parser *st, const char *name, const char *value)
{
    pool_earmark *e = st->earmark;
    unsigned kcol = key_col(st), vcol = col_at(value_offset(st));
    long mask;

    if (strncmp(name, "criterion ", 10) == 0) {
        char *k = text_strndup(name + 10, strlen(name + 10));
        if (!k) {
            st->oom = 1;
            return;
        }
        text_trim(k);
        for (size_t c = 0; c < e->n_criteria; c++) {
            if (strcmp(e->criteria[c].key, k) == 0) {
                error_at(st, st->lineno, kcol, "keep one line per criterion",
                         "criterion \"%s\" is declared twice", k);
                free(k);
                return;
            }
        }
        if (e->n_criteria == POOL_MAX_CRITERIA || !k[0] || !value[0]) {
            error_at(st, st->lineno, kcol, "write criterion <key> = <Danish description>",
                     e->n_criteria == POOL_MAX_CRITERIA ? "more than 16 criteria"
                                                        : "a criterion needs a key and a text");
            free(k);
            return;
        }
        e->criteria[e->n_criteria].key = k;
        e->criteria[e->n_criteria].text = text_strndup(value, strlen(value));
        if (!e->criteria[e->n_criteria].text) {
            free(k);
            st->oom = 1;
            return;
        }
        e->n_criteria++;
        return;
    }
    if (strncmp(name, "tier ", 5) == 0) {
        long want = strtol(name + 5, NULL, 10);
        if (want != (long)e->n_tiers + 1 || e->n_tiers == POOL_MAX_TIERS) {
            char hint[64];
            snprintf(hint, sizeof hint, "number the tiers 1, 2, ... in order; next is tier %zu",
                     e->n_tiers + 1);
            error_at(st, st->lineno, kcol, hint, "unexpected \"%s\"", name);
            return;
        }
        mask = criteria_mask(st, e, value, vcol);
        if (mask >= 0)
            e->tiers[e->n_tiers++] = (unsigned)mask;
        return;
    }
    if (strcmp(name, "label") == 0) {
        free(e->label);
        e->label = text_strndup(value, strlen(value));
        if (!e->label)
            st->oom = 1;
        st->earmark_keys |= EK_LABEL;
    } else if (strcmp(name, "amount") == 0) {
        pulje_kr v;
        if (parse_amount(st, value, vcol, "amount", &v) == 0)
            e->amount = v;
        st->earmark_keys |= EK_AMOUNT;
    } else if (strcmp(name, "years") == 0) {
        if (parse_years(value, &e->first_year, &e->last_year) != 0)
            error_at(st, st->lineno, vcol, "write the years as 2023 or 2023-2025",
                     "years \"%s\" is not a year or a range of years", value);
        st->earmark_keys |= EK_YEARS;
    } else if (strcmp(name, "required") == 0) {
        mask = criteria_mask(st, e, value, vcol);
        if (mask >= 0)
            e->required = (unsigned)mask;
        st->earmark_keys |= EK_REQUIRED;
    } else if (strcmp(name, "unused") == 0) {
        if (text_casecmp(value, "residual") == 0)
            e->unused_to_main = 0;
        else if (text_casecmp(value, "main") == 0)
            e->unused_to_main = 1;
        else
            error_at(st, st->lineno, vcol,
                     "choose residual (its own line, to the residual) or main (back into "
                     "the money for ordinary grants)",
                     "unknown unused \"%s\"", value);
        st->earmark_keys |= EK_UNUSED;
    } else if (strcmp(name, "min") == 0 || strcmp(name, "max") == 0) {
        pulje_kr v;
        int is_min = name[1] == 'i';
        unsigned *at = is_min ? &e->min_line : &e->max_line;
        if (*at) {
            char hint[128];
            snprintf(hint, sizeof hint, "keep one of the two lines (%u and %u)", *at,
                     st->lineno);
            error_at(st, st->lineno, kcol, hint, "%s is set twice in [earmark %s], first on "
                     "line %u", name, e->key, *at);
        } else if (parse_amount(st, value, vcol, name, &v) == 0) {
            *at = st->lineno;
            *(is_min ? &e->min_supp : &e->max_supp) = v;
        }
    } else {
        error_at(st, st->lineno, kcol,
                 "[earmark <key>] has label, amount, years, criterion <key>, required, "
                 "tier <n>, unused, min and max",
                 "unknown key \"%s\" in [earmark %s]", name, e->key);
    }
}

/* After the last line: each earmark has a label and an amount, runs in the
 * pool's year, and every tier includes the required criteria. */
static void check_earmarks(parser *st)
{
    pool *p = st->p;
    for (size_t i = 0; i < p->n_earmark_defs; i++) {
        pool_earmark *e = &p->earmark_defs[i];
        if (!e->label)
            error_at(st, e->line, 0, "add label = <Danish label> to the section",
                     "[earmark %s] has no label", e->key);
        if (p->year && (p->year < e->first_year || p->year > e->last_year))
            error_at(st, e->line, 0, "fix years = ... or remove the earmark for this year",
                     "[earmark %s] runs %d-%d, not in the pool's year %d", e->key,
                     e->first_year, e->last_year, p->year);
        if (e->n_tiers == 0 && e->n_criteria > 0) {
            e->tiers[0] = e->required;
            e->n_tiers = 1;
        }
        for (size_t t = 0; t < e->n_tiers; t++)
            if ((e->tiers[t] & e->required) != e->required)
                error_at(st, e->line, 0, "every tier must include the required criteria",
                         "[earmark %s]: tier %zu lacks a required criterion", e->key, t + 1);
    }
}

/* R0: a minimum or maximum that is not a multiple of the rounding unit is an
 * error at its line, naming the two nearest multiples. Checked after the
 * whole file, since rounding may come after the key. */
static void check_unit(parser *st, const char *what, pulje_kr v, unsigned line)
{
    pulje_kr u = st->p->rounding;
    char a[MONEY_BUFSZ], lo[MONEY_BUFSZ], hi[MONEY_BUFSZ], ub[MONEY_BUFSZ], hint[160];
    if (u <= 1 || v <= 0 || v % u == 0)
        return;
    money_format(v / u * u, lo);
    money_format(v / u * u + u, hi);
    snprintf(hint, sizeof hint, "write %s or %s (a multiple of rounding = %s)", lo, hi,
             money_format(u, ub));
    error_at(st, line, 0, hint,
             "%s = %s kr. is not a multiple of the rounding unit %s kr.: %s or %s kr.?", what,
             money_format(v, a), ub, lo, hi);
}

static void check_units(parser *st)
{
    pool *p = st->p;
    check_unit(st, "min_grant", p->rule.min_grant, st->key_line[K_MIN_GRANT]);
    check_unit(st, "max_grant", p->rule.max_grant, st->key_line[K_MAX_GRANT]);
    for (size_t i = 0; i < p->n_earmark_defs; i++) {
        pool_earmark *e = &p->earmark_defs[i];
        char what[160];
        snprintf(what, sizeof what, "[earmark %s] min", e->key);
        check_unit(st, what, e->min_supp, e->min_line);
        snprintf(what, sizeof what, "[earmark %s] max", e->key);
        check_unit(st, what, e->max_supp, e->max_line);
        if (e->min_supp > 0 && e->max_supp > 0 && e->min_supp > e->max_supp) {
            char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
            error_at(st, e->min_line, 0, "lower min or raise max; 0 means none",
                     "[earmark %s]: min (%s kr.) is above max (%s kr.)", e->key,
                     money_format(e->min_supp, a), money_format(e->max_supp, b));
        }
    }
}

/* inih's handler. Always returns 1: our own diagnostics say what is wrong. */
static int on_pair(void *user, const char *section, const char *name, const char *value)
{
    parser *st = user;
    (void)section; /* the reader tracks sections, with their lines */

    if (st->got_pair)
        return 1; /* only one pair per line; cannot happen with unindented lines */
    st->got_pair = 1;
    switch (st->sec) {
    case SEC_NONE:
        error_at(st, st->lineno, key_col(st), "put a section header such as [pool] above it",
                 "\"%s\" stands before any section", name);
        break;
    case SEC_POOL:
    case SEC_RULES:
    case SEC_MULTIYEAR:
        on_setting(st, name, value);
        break;
    case SEC_EARMARK:
        on_earmark_setting(st, name, value);
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
    return 1;
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

/* Does the list hold an entry for this file and line from index `from` on? */
static int has_diag_at(const diag_list *dl, size_t from, const char *file, unsigned line)
{
    for (size_t i = from; i < dl->n; i++) {
        if (dl->v[i].line == line && dl->v[i].file && strcmp(dl->v[i].file, file) == 0)
            return 1;
    }
    return 0;
}

static void check_required(parser *st)
{
    static const struct {
        enum key k;
        const char *hint;
    } required[] = {
        {K_NAME, "add a line such as `name = § 18-Hovedpuljen` under [pool]"},
        {K_YEAR, "add a line such as `year = 2023` under [pool]"},
        {K_APPLICATIONS, "add a line such as `applications = ansoegninger-2023.csv` under "
                         "[pool]; the path is relative to the pool file"},
    };
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        enum key k = required[i].k;
        if (st->key_line[k] || st->suggested[keys[k].sec])
            continue;
        error_at(st, 0, 0, required[i].hint, "the pool file has no %s", keys[k].name);
    }
    if (st->p->n_budget == 0 && !st->money_errors[SEC_BUDGET] && !st->suggested[SEC_BUDGET])
        error_at(st, 0, 0, "add at least one `<label> = <amount>` line under [budget]",
                 "the pool file has no budget lines");
}

/* Each money section's total must stay within MONEY_MAX, so that every sum
 * of them fits; then reservations and earmarks must fit in the budget. */
static void check_totals(parser *st)
{
    const pool *p = st->p;
    static const enum section secs[3] = {SEC_BUDGET, SEC_RESERVATIONS, SEC_EARMARKS};
    const pool_line *lines[3] = {p->budget, p->reservations, p->earmarks};
    size_t ns[3] = {p->n_budget, p->n_reservations, p->n_earmarks};
    char b1[MONEY_BUFSZ], b2[MONEY_BUFSZ], b3[MONEY_BUFSZ];
    int too_big = 0;

    for (int s = 0; s < 3; s++) {
        pulje_wide sum = 0;
        for (size_t i = 0; i < ns[s]; i++)
            sum += lines[s][i].amount;
        if (sum > MONEY_MAX) {
            error_at(st, 0, 0, "check the amounts; the lines are whole kroner",
                     "the lines in [%s] add up to more than %s kr.", section_names[secs[s]],
                     money_format(MONEY_MAX, b1));
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
        int n = snprintf(hint, sizeof hint, "check the amounts in [budget] (line %u)",
                         p->budget_line);
        if (p->reservations_line && n > 0 && (size_t)n < sizeof hint)
            n += snprintf(hint + n, sizeof hint - (size_t)n, ", [reservations] (line %u)",
                          p->reservations_line);
        if (p->earmarks_line && n > 0 && (size_t)n < sizeof hint)
            n += snprintf(hint + n, sizeof hint - (size_t)n, ", [earmarks] (line %u)",
                          p->earmarks_line);
        for (size_t k = 0; k < p->n_earmark_defs && n > 0 && (size_t)n < sizeof hint; k++)
            n += snprintf(hint + n, sizeof hint - (size_t)n, ", [earmark %s] (line %u)",
                          p->earmark_defs[k].key, p->earmark_defs[k].line);
        if (n > 0 && (size_t)n < sizeof hint)
            snprintf(hint + n, sizeof hint - (size_t)n, "; no money would be left for grants");
        error_at(st, at, 0, hint,
                 "reservations and earmarks (%s kr.) exceed the budget total (%s kr.) by %s kr.",
                 money_format(bound, b1), money_format(budget, b2),
                 money_format(bound - budget, b3));
    }
}

static void set_defaults(pool *p)
{
    p->rule.kind = RULE_THRESHOLD;
    p->rule.threshold = DEFAULT_THRESHOLD;
    p->rounding = 1;
    p->cap_bp = 5500;
    p->min_active_years = 5;
}

/* ---- encodings --------------------------------------------------------- */

/* Length of the UTF-8 character at s (1..4), or 0 if the bytes there are not one. */
static size_t utf8_char(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    return k && k <= n && text_is_utf8(s, k) ? k : 0;
}

/* A file that is UTF-8 but for a few bytes (text pasted from another
 * program) would be read whole as Windows-1252, turning every "ø" into "Ã¸"
 * without a word. When the raw bytes hold UTF-8 letters and bytes that are
 * not UTF-8, report each such byte (the first 20) at its line and column. */
static void check_mixed_encoding(parser *st, const char *raw, size_t len)
{
    size_t multibyte = 0, bad = 0, i = 0, line_start = 0;
    unsigned line = 1;

    for (i = 0; i < len;) {
        size_t k = utf8_char(raw + i, len - i);
        multibyte += k > 1;
        bad += k == 0;
        i += k ? k : 1;
    }
    if (multibyte == 0 || bad == 0)
        return;
    bad = 0;
    for (i = 0; i < len && bad < 20;) {
        size_t k = utf8_char(raw + i, len - i);
        if (raw[i] == '\n' || (raw[i] == '\r' && !(i + 1 < len && raw[i + 1] == '\n'))) {
            line++;
            line_start = i + 1;
        } else if (k == 0) {
            error_at(st, line, col_at(i - line_start),
                     "save the file as UTF-8 again, or retype the character; it may come from "
                     "text pasted from another program",
                     "byte 0x%02X is not UTF-8, though the rest of the file is",
                     (unsigned char)raw[i]);
            bad++;
        }
        i += k ? k : 1;
    }
}

/* ---- public ------------------------------------------------------------ */

int pool_parse(const char *text, size_t len, const char *filename, pool *out,
               diag_list *dl)
{
    parser st;
    char *utf8 = NULL;
    size_t utf8_len = 0, first = dl->n, errors = diag_errors(dl);
    text_encoding enc = TEXT_UTF8;
    int r;

    memset(out, 0, sizeof *out);
    set_defaults(out);
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
    st.text = utf8;
    st.len = utf8_len;
    st.file = filename;
    st.p = out;
    st.dl = dl;

    if (enc == TEXT_CP1252)
        check_mixed_encoding(&st, text, len);
    r = ini_parse_stream(read_line, &st, on_pair, &st);
    finish_line(&st);
    if (r == -2)
        st.oom = 1;
    else if (r > 0 && !has_diag_at(dl, first, filename, (unsigned)r))
        error_at(&st, (unsigned)r, 0, "check the line's syntax: `key = value` or [section]",
                 "the INI reader could not read this line");

    if (!st.oom) {
        check_required(&st);
        check_earmarks(&st);
        check_units(&st);
        check_totals(&st);
        if (!out->residual_label && out->year) {
            char buf[128];
            snprintf(buf, sizeof buf, DEFAULT_RESIDUAL " %d", out->year);
            out->residual_label = text_strndup(buf, strlen(buf));
            if (!out->residual_label)
                st.oom = 1;
        }
    }
    free(utf8);
    if (st.oom) {
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
        set_defaults(out);
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
    for (size_t i = 0; i < p->n_earmark_defs; i++) {
        pool_earmark *e = &p->earmark_defs[i];
        free(e->key);
        free(e->label);
        for (size_t c = 0; c < e->n_criteria; c++) {
            free(e->criteria[c].key);
            free(e->criteria[c].text);
        }
    }
    free(p->earmark_defs);
    free(p->org_id);
    free(p->org_name);
    free(p->id_prefix);
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
