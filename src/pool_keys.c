/* pool_keys.c - The keys of the pool file's [pool], [rules] and [multiyear]
 * sections: one table, pool_keys[], and the setters it names.
 *
 * Each row is a key's whole contract, in the manner of Redis' config table:
 * name, section, type, bounds, default, the field of struct pool it sets, the
 * hint for a bad value, whether it is required (and the hint when missing)
 * and a valid example. The reader, the defaults, the required keys, the
 * hints for an unknown key ("[rules] has rule, threshold, ...") and the
 * did-you-mean all read it; nothing about a key is written in a second place.
 * A new key is one row, its field in pool.h, pool_free() if it holds memory,
 * and its line in README's pool-file table. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "pool_private.h"
#include "text.h"
#include "messages.h"

#define DEFAULT_RESIDUAL "Restmidler overføres til Udviklingspuljen"

/* ---- the key table ------------------------------------------------------ */

typedef enum key_type {
    KT_TEXT,      /* char *: any text but empty, trimmed */
    KT_TEXTS,     /* char ** and a size_t count: each line adds, "\n" separates */
    KT_INT,       /* int: at most `digits` digits, in min..max */
    KT_DATE,      /* char *: a date_parse() date */
    KT_RULE,      /* rule_kind: rule_from_name() */
    KT_AMOUNT,    /* pulje_kr: money_parse() */
    KT_ROUNDING,  /* pulje_kr: 1, 10, 100, 1.000 or 10.000 */
    KT_PERCENT,   /* int, basis points: pool_parse_percent() */
    KT_CHOICE     /* int: the index of the value in choices (ASCII case ignored) */
} key_type;

typedef struct pool_key pool_key;
typedef void (*key_after)(pool_parser *st, const pool_key *k, unsigned vcol);

struct pool_key {
    const char *name;
    enum pool_section sec;
    key_type type;
    size_t field;               /* offsetof(pool, ...) */
    size_t count_field;         /* KT_TEXTS: offsetof the count */
    long min, max;              /* KT_INT: bounds */
    int digits;                 /* KT_INT: most digits read */
    pulje_kr dflt;              /* KT_INT, KT_RULE, KT_AMOUNT, KT_ROUNDING, KT_PERCENT,
                                   KT_CHOICE: the value when the key is absent */
    const char *noun;           /* KT_INT: "a year" in `year "x" is not a year` */
    const char *hint;           /* the hint for a bad value */
    const char *const *choices; /* KT_CHOICE: the values, NULL-terminated */
    const char *required;       /* non-NULL: the key is required; the hint when missing */
    const char *example;        /* a valid value, for tests and documentation */
    int in_units;               /* KT_AMOUNT: a multiple of [rules] rounding (checked after
                                   the last line, since rounding may come later) */
    key_after after;            /* called after a value was set; may be NULL */
};

static const char *const holders_choices[] = {"error", "set_aside", NULL};
static const char *const overdue_choices[] = {"warn", "refuse", NULL};
static const pulje_kr rounding_units[] = {1, 10, 100, 1000, 10000};

static void after_ledger(pool_parser *st, const pool_key *k, unsigned vcol);
static void after_grant_bound(pool_parser *st, const pool_key *k, unsigned vcol);

#define F(member) offsetof(pool, member)

/* Every key of [pool], [rules] and [multiyear], in the order the hints name them. */
static const pool_key pool_keys[] = {
    {.name = "name", .sec = SEC_POOL, .type = KT_TEXT, .field = F(name),
     .required = MSG_N("add a line such as `name = § 18-Hovedpuljen` under [pool]"),
     .example = "§ 18-Hovedpuljen"},
    {.name = "short_name", .sec = SEC_POOL, .type = KT_TEXT, .field = F(short_name),
     .example = "Hovedpuljen"},
    {.name = "committee", .sec = SEC_POOL, .type = KT_TEXT, .field = F(committee),
     .example = "Beskæftigelses- og Socialudvalget"},
    {.name = "year", .sec = SEC_POOL, .type = KT_INT, .field = F(year), .min = 1900, .max = 2200,
     .digits = 6, .noun = MSG_N("a year"), .hint = MSG_N("write the grant year as four digits, e.g. 2023"),
     .required = MSG_N("add a line such as `year = 2023` under [pool]"), .example = "2023"},
    {.name = "decision_date", .sec = SEC_POOL, .type = KT_DATE, .field = F(decision_date),
     .hint = MSG_N("write the date as YYYY-MM-DD, e.g. 2022-12-13"), .example = "2022-12-13"},
    {.name = "applications", .sec = SEC_POOL, .type = KT_TEXT, .field = F(applications),
     .required = MSG_N("add a line such as `applications = ansoegninger-2023.csv` under "
                 "[pool]; the path is relative to the pool file"),
     .example = "ansoegninger-2023.csv"},
    {.name = "applications_sheet", .sec = SEC_POOL, .type = KT_TEXT,
     .field = F(applications_sheet), .example = "Ansøgninger"},
    {.name = "ledger", .sec = SEC_POOL, .type = KT_TEXT, .field = F(ledger),
     .after = after_ledger, .example = "forpligtelser.csv"},
    {.name = "org_id", .sec = SEC_POOL, .type = KT_TEXT, .field = F(org_id),
     .example = "DK-CVR-12345678"},
    {.name = "org_name", .sec = SEC_POOL, .type = KT_TEXT, .field = F(org_name),
     .example = "Testkommune"},
    {.name = "id_prefix", .sec = SEC_POOL, .type = KT_TEXT, .field = F(id_prefix),
     .example = "360G-test"},
    {.name = "case_number", .sec = SEC_POOL, .type = KT_TEXT, .field = F(case_number),
     .example = "27.12.00-A00-1-23"},
    {.name = "guidelines", .sec = SEC_POOL, .type = KT_TEXT, .field = F(guidelines),
     .example = "Retningslinjer for § 18-puljen, vedtaget 2021"},
    {.name = "notes", .sec = SEC_POOL, .type = KT_TEXTS, .field = F(notes),
     .count_field = F(n_notes), .example = "Første bemærkning"},
    {.name = "members", .sec = SEC_POOL, .type = KT_TEXT, .field = F(members),
     .example = "medlemmer.csv"},
    {.name = "letter", .sec = SEC_POOL, .type = KT_TEXT, .field = F(letter),
     .example = "brev.txt"},
    {.name = "report_deadline", .sec = SEC_POOL, .type = KT_DATE, .field = F(report_deadline),
     .hint = "write the date as YYYY-MM-DD, e.g. 2024-03-31", .example = "2024-03-31"},
    {.name = "report_limit", .sec = SEC_POOL, .type = KT_AMOUNT, .field = F(report_limit),
     .dflt = 20000, .example = "20.000"},
    {.name = "audit_limit", .sec = SEC_POOL, .type = KT_AMOUNT, .field = F(audit_limit),
     .dflt = 50000, .example = "50.000"},
    {.name = "followup", .sec = SEC_POOL, .type = KT_TEXT, .field = F(followup),
     .example = "opfoelgning-2023.csv"},
    {.name = "overdue", .sec = SEC_POOL, .type = KT_CHOICE, .field = F(overdue_refuse),
     .choices = overdue_choices, .example = "refuse",
     .hint = "choose warn (name the applicants whose report is overdue) or refuse (refuse "
             "their applications)"},

    {.name = "rule", .sec = SEC_RULES, .type = KT_RULE, .field = F(rule.kind),
     .dflt = RULE_THRESHOLD, .example = "proportional",
     .hint = MSG_N("choose threshold (the 2023 rule: only amounts above the threshold are "
             "reduced; also \"2023\"), proportional (every amount reduced; also \"pro\"), "
             "excess (only the part above the threshold is reduced), cea (a common "
             "ceiling), cel (a common cut in kroner) or talmud")},
    {.name = "threshold", .sec = SEC_RULES, .type = KT_AMOUNT, .field = F(rule.threshold),
     .dflt = 50000, .example = "40.000"},
    {.name = "min_grant", .sec = SEC_RULES, .type = KT_AMOUNT, .field = F(rule.min_grant),
     .in_units = 1, .after = after_grant_bound, .example = "5.000"},
    {.name = "max_grant", .sec = SEC_RULES, .type = KT_AMOUNT, .field = F(rule.max_grant),
     .in_units = 1, .after = after_grant_bound, .example = "200.000"},
    {.name = "rounding", .sec = SEC_RULES, .type = KT_ROUNDING, .field = F(rounding), .dflt = 1,
     .hint = MSG_N("use 1, 10, 100, 1.000 or 10.000"), .example = "100"},
    {.name = "residual_label", .sec = SEC_RULES, .type = KT_TEXT, .field = F(residual_label),
     .example = "Restmidler til næste år"},

    {.name = "cap", .sec = SEC_MULTIYEAR, .type = KT_PERCENT, .field = F(cap_bp), .dflt = 5500,
     .hint = MSG_N("write a share from 0 to 100 %, e.g. 55 % or 50"), .example = "50 %"},
    {.name = "min_active_years", .sec = SEC_MULTIYEAR, .type = KT_INT,
     .field = F(min_active_years), .min = 0, .max = 999, .digits = 3, .dflt = 5,
     .noun = MSG_N("a number of years"), .hint = MSG_N("write a whole number of years, e.g. 5"),
     .example = "3"},
    {.name = "money_year2", .sec = SEC_MULTIYEAR, .type = KT_AMOUNT, .field = F(later_money[0]),
     .example = "6.000.000"},
    {.name = "money_year3", .sec = SEC_MULTIYEAR, .type = KT_AMOUNT, .field = F(later_money[1]),
     .example = "5.000.000"},
    {.name = "running_holders", .sec = SEC_MULTIYEAR, .type = KT_CHOICE,
     .field = F(holders_set_aside), .choices = holders_choices, .example = "set_aside",
     .hint = MSG_N("choose error (stop and name both rows) or set_aside (warn and leave the "
             "application out)")},
};

#define N_KEYS (sizeof pool_keys / sizeof pool_keys[0])
_Static_assert(N_KEYS <= POOL_KEYS_MAX, "raise POOL_KEYS_MAX in pool_private.h");

static void *field_of(pool *p, size_t offset)
{
    return (char *)p + offset;
}

static size_t key_index(const pool_key *k)
{
    return (size_t)(k - pool_keys);
}

/* ---- values ------------------------------------------------------------ */

/* A date_parse() date; reports (naming the key) and returns -1 if not. */
static int check_date(pool_parser *st, const pool_key *k, const char *s, unsigned col)
{
    date_ymd d;
    unsigned line = st->in.lineno;

    switch (date_parse(s, &d)) {
    case DATE_OK:
        return 0;
    case DATE_SYNTAX:
        inifile_error(&st->in, line, col, k->hint, "%s \"%s\" is not a YYYY-MM-DD date",
                      k->name, s);
        break;
    case DATE_TOO_EARLY:
        inifile_error(&st->in, line, col, k->hint,
                      "%s \"%s\" is before 1900, which a workbook cannot show", k->name, s);
        break;
    case DATE_NO_MONTH:
        inifile_error(&st->in, line, col, k->hint,
                      "%s \"%s\" is not a calendar date: there is no month %02d", k->name, s,
                      atoi(s + 5));
        break;
    case DATE_NO_DAY: {
        int y = atoi(s), m = atoi(s + 5);
        inifile_error(&st->in, line, col, k->hint,
                      "%s \"%s\" is not a calendar date: %s %04d has %d days", k->name, s,
                      date_month_name(m), y, date_days_in_month(y, m));
        break;
    }
    }
    return -1;
}

static int set_text(pool_parser *st, const pool_key *k, const char *value, unsigned col)
{
    char **dst = field_of(st->p, k->field);
    if (!*value) {
        inifile_error(&st->in, st->in.lineno, col, "write a value after the '=' or delete the line",
                      "%s is empty", k->name);
        return -1;
    }
    char *c = pool_copy_value(st, value, strlen(value));
    if (!c)
        return -1;
    free(*dst);
    *dst = c;
    return 0;
}

/* Append one text to a list; -1 (oom set) if memory ran out. */
static int add_text(pool_parser *st, char ***v, size_t *n, const char *s, size_t len)
{
    char *c = pool_copy_value(st, s, len);
    if (!c)
        return -1;
    if (!*c) {
        free(c);
        return 0;
    }
    if (*n == st->cap_notes) {
        size_t ncap = st->cap_notes ? st->cap_notes * 2 : 4;
        char **w = realloc(*v, ncap * sizeof *w);
        if (!w) {
            free(c);
            st->in.oom = 1;
            return -1;
        }
        *v = w;
        st->cap_notes = ncap;
    }
    (*v)[(*n)++] = c;
    return 0;
}

/* notes: each line adds; a "\n" (backslash, n) in the value separates notes. */
static int set_texts(pool_parser *st, const pool_key *k, const char *value, unsigned col)
{
    char ***v = field_of(st->p, k->field);
    size_t *n = field_of(st->p, k->count_field);
    const char *s = value;
    if (!*value) {
        inifile_error(&st->in, st->in.lineno, col, "write a value after the '=' or delete the line",
                      "%s is empty", k->name);
        return -1;
    }
    for (;;) {
        const char *sep = strstr(s, "\\n");
        size_t len = sep ? (size_t)(sep - s) : strlen(s);
        if (add_text(st, v, n, s, len) != 0)
            return -1;
        if (!sep)
            return 0;
        s = sep + 2;
    }
}

static int set_int(pool_parser *st, const pool_key *k, const char *value, unsigned col)
{
    long v = 0;
    int i = 0;
    for (; value[i] >= '0' && value[i] <= '9' && i < k->digits; i++)
        v = v * 10 + (value[i] - '0');
    if (i == 0 || value[i] != '\0') {
        inifile_error(&st->in, st->in.lineno, col, k->hint, "%s \"%s\" is not %s", k->name,
                      value, msg_tr(k->noun));
        return -1;
    }
    if (v < k->min || v > k->max) {
        inifile_error(&st->in, st->in.lineno, col, k->hint, "%s %ld is outside %ld..%ld",
                      k->name, v, k->min, k->max);
        return -1;
    }
    *(int *)field_of(st->p, k->field) = (int)v;
    return 0;
}

static int set_rule(pool_parser *st, const pool_key *k, const char *value, unsigned col)
{
    rule_kind kind;
    if (rule_from_name(value, &kind)) {
        *(rule_kind *)field_of(st->p, k->field) = kind;
        return 0;
    }
    if (rule_suggest(value))
        inifile_error(&st->in, st->in.lineno, col, k->hint,
                      "unknown rule \"%s\"; did you mean %s? The rules are %s", value,
                      rule_suggest(value), rule_names_list());
    else
        inifile_error(&st->in, st->in.lineno, col, k->hint,
                      "unknown rule \"%s\"; the rules are %s", value, rule_names_list());
    return -1;
}

static int set_rounding(pool_parser *st, const pool_key *k, const char *value, unsigned col)
{
    pulje_kr v;
    if (pool_parse_amount(st, value, col, k->name, &v) != 0)
        return -1;
    for (size_t i = 0; i < sizeof rounding_units / sizeof rounding_units[0]; i++) {
        if (v == rounding_units[i]) {
            *(pulje_kr *)field_of(st->p, k->field) = v;
            return 0;
        }
    }
    char buf[MONEY_BUFSZ];
    inifile_error(&st->in, st->in.lineno, col, k->hint,
                  "rounding must be one of 1, 10, 100, 1.000 or 10.000 kr., not %s",
                  money_format(v, buf));
    return -1;
}

static int set_choice(pool_parser *st, const pool_key *k, const char *value, unsigned col)
{
    for (int i = 0; k->choices[i]; i++) {
        if (text_casecmp(value, k->choices[i]) == 0) {
            *(int *)field_of(st->p, k->field) = i;
            return 0;
        }
    }
    inifile_error(&st->in, st->in.lineno, col, k->hint, "unknown %s \"%s\"", k->name, value);
    return -1;
}

/* Read value into k's field; 0, or -1 after a diagnostic. */
static int set_value(pool_parser *st, const pool_key *k, const char *value, unsigned col)
{
    pulje_kr v;
    switch (k->type) {
    case KT_TEXT:
        return set_text(st, k, value, col);
    case KT_TEXTS:
        return set_texts(st, k, value, col);
    case KT_INT:
        return set_int(st, k, value, col);
    case KT_DATE:
        return check_date(st, k, value, col) == 0 ? set_text(st, k, value, col) : -1;
    case KT_RULE:
        return set_rule(st, k, value, col);
    case KT_AMOUNT:
        if (pool_parse_amount(st, value, col, k->name, &v) != 0)
            return -1;
        *(pulje_kr *)field_of(st->p, k->field) = v;
        return 0;
    case KT_ROUNDING:
        return set_rounding(st, k, value, col);
    case KT_PERCENT:
        if (pool_parse_percent(value, field_of(st->p, k->field)) == 0)
            return 0;
        inifile_error(&st->in, st->in.lineno, col, k->hint, "%s \"%s\" is not a percentage",
                      k->name, value);
        return -1;
    case KT_CHOICE:
        return set_choice(st, k, value, col);
    }
    return -1;
}

static void after_ledger(pool_parser *st, const pool_key *k, unsigned vcol)
{
    (void)k;
    (void)vcol;
    st->p->ledger_line = st->in.lineno;
}

/* min_grant at most max_grant, when both are set (0 = none). */
static void after_grant_bound(pool_parser *st, const pool_key *k, unsigned vcol)
{
    const rule_params *r = &st->p->rule;
    pulje_kr v = *(pulje_kr *)field_of(st->p, k->field);
    pulje_kr other = k->field == F(rule.min_grant) ? r->max_grant : r->min_grant;
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
    if (v > 0 && other > 0 && r->min_grant > r->max_grant)
        inifile_error(&st->in, st->in.lineno, vcol,
                      "lower min_grant or raise max_grant; 0 means none",
                      "min_grant (DKK %s) is above max_grant (DKK %s)",
                      money_format_text(r->min_grant, a), money_format_text(r->max_grant, b));
}

/* ---- keys, sections and lines ------------------------------------------ */

/* The key a misspelt name most likely means, in any section; NULL if none. */
static const pool_key *suggest_key(pool_parser *st, const char *name)
{
    const char *names[N_KEYS];
    for (size_t i = 0; i < N_KEYS; i++)
        names[i] = pool_keys[i].name;
    int k = inifile_suggest(name, names, N_KEYS, &st->in.oom);
    return k >= 0 ? &pool_keys[k] : NULL;
}

/* "[rules] has rule, threshold, ... and residual_label", from the table. */
static void section_keys_hint(enum pool_section sec, char *buf, size_t size)
{
    size_t count = 0, seen = 0;
    size_t n = (size_t)snprintf(buf, size, msg_tr("[%s] has"), pool_section_names[sec]);
    for (size_t i = 0; i < N_KEYS; i++)
        count += pool_keys[i].sec == sec;
    for (size_t i = 0; i < N_KEYS && n < size; i++) {
        if (pool_keys[i].sec != sec)
            continue;
        const char *sep = seen == 0 ? " " : seen + 1 == count ? msg_tr(" and ") : ", ";
        int w = snprintf(buf + n, size - n, "%s%s", sep, pool_keys[i].name);
        if (w < 0)
            break;
        n += (size_t)w;
        seen++;
    }
}

static void unknown_key(pool_parser *st, const char *name, unsigned kcol)
{
    const pool_key *s = suggest_key(st, name);
    char hint[512];
    if (s && strcmp(name, s->name) == 0)
        snprintf(hint, sizeof hint, msg_tr("%s belongs in [%s]"), s->name, pool_section_names[s->sec]);
    else if (s && s->sec == st->sec)
        snprintf(hint, sizeof hint, msg_tr("did you mean %s?"), s->name);
    else if (s)
        snprintf(hint, sizeof hint, msg_tr("did you mean %s (in [%s])?"), s->name,
                 pool_section_names[s->sec]);
    else
        section_keys_hint(st->sec, hint, sizeof hint);
    inifile_error(&st->in, st->in.lineno, kcol, hint, "unknown key \"%s\" in [%s]", name,
                  pool_section_names[st->sec]);
}

void pool_keys_setting(pool_parser *st, const char *name, const char *value)
{
    unsigned kcol = inifile_key_col(&st->in), vcol = inifile_value_col(&st->in);
    const pool_key *k = NULL;

    for (size_t i = 0; i < N_KEYS; i++) {
        if (pool_keys[i].sec == st->sec && strcmp(name, pool_keys[i].name) == 0)
            k = &pool_keys[i];
    }
    if (!k) {
        unknown_key(st, name, kcol);
        return;
    }
    unsigned *first = &st->key_line[key_index(k)];
    if (*first && k->type != KT_TEXTS) {
        char hint[128];
        snprintf(hint, sizeof hint, msg_tr("keep one of the two lines (%u and %u)"), *first,
                 st->in.lineno);
        inifile_error(&st->in, st->in.lineno, kcol, hint,
                      "%s is set twice in [%s], first on line %u", k->name,
                      pool_section_names[st->sec], *first);
        return;
    }
    if (!*first)
        *first = st->in.lineno;
    if (set_value(st, k, value, vcol) == 0 && k->after)
        k->after(st, k, vcol);
}

void pool_keys_check_required(pool_parser *st)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        const pool_key *k = &pool_keys[i];
        if (!k->required || st->key_line[i] || st->suggested[k->sec])
            continue;
        inifile_error(&st->in, 0, 0, k->required, "the pool file has no %s", k->name);
    }
}

/* The keys marked in_units (min_grant, max_grant) against the rounding unit. */
void pool_keys_check_units(pool_parser *st)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        const pool_key *k = &pool_keys[i];
        if (k->in_units)
            pool_check_unit(st, k->name, *(pulje_kr *)field_of(st->p, k->field), st->key_line[i]);
    }
}

/* Every key's default (the table's), and the rest zero. */
void pool_keys_defaults(pool *p)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        const pool_key *k = &pool_keys[i];
        void *f = field_of(p, k->field);
        switch (k->type) {
        case KT_INT:
        case KT_PERCENT:
        case KT_CHOICE:
            *(int *)f = (int)k->dflt;
            break;
        case KT_RULE:
            *(rule_kind *)f = (rule_kind)k->dflt;
            break;
        case KT_AMOUNT:
        case KT_ROUNDING:
            *(pulje_kr *)f = k->dflt;
            break;
        case KT_TEXT:
        case KT_TEXTS:
        case KT_DATE:
            break;
        }
    }
}

/* Was the key in the file (valid or not)? */
static int key_given(const pool_parser *st, const char *name)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        if (strcmp(pool_keys[i].name, name) == 0)
            return st->key_line[i] != 0;
    }
    return 0;
}

/* The defaults that depend on the year: residual_label and decision_date
 * (1 January of the grant year). 0, or -1 if memory ran out. */
int pool_keys_year_defaults(pool_parser *st)
{
    pool *p = st->p;
    char buf[128];
    if (!p->year)
        return 0;
    if (!p->residual_label) {
        snprintf(buf, sizeof buf, DEFAULT_RESIDUAL " %d", p->year);
        p->residual_label = text_strndup(buf, strlen(buf));
        if (!p->residual_label)
            return -1;
    }
    if (!p->decision_date && !key_given(st, "decision_date")) {
        snprintf(buf, sizeof buf, "%04d-01-01", p->year);
        p->decision_date = text_strndup(buf, strlen(buf));
        if (!p->decision_date)
            return -1;
        p->decision_date_default = true;
    }
    return 0;
}

/* ---- for listings and tests ------------------------------------------- */

size_t pool_key_count(void)
{
    return N_KEYS;
}

int pool_key_info(size_t i, const char **name, const char **section, const char **example)
{
    if (i >= N_KEYS)
        return -1;
    *name = pool_keys[i].name;
    *section = pool_section_names[pool_keys[i].sec];
    *example = pool_keys[i].example;
    return 0;
}
