/* pool_earmark.c - The pool file's [earmark <key>] sections: earmarked money
 * with criteria, tiers and the bounds of a supplement.
 *
 *   [earmark <key>] label, amount, years (2023 or 2023-2025; default the
 *                   pool's year), criterion <key> = <text>, required (keys),
 *                   tier <n> (keys), unused (residual | main), min, max
 *                   (supplements in the rationed tier; multiples of rounding)
 *
 * The keys are one table (earmark_keys[]): its names make the hint for an
 * unknown key, its setters read the values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool_private.h"
#include "text.h"
#include "messages.h"

void pool_earmark_start(pool_parser *st, const char *key, unsigned col)
{
    pool *p = st->p;
    pool_earmark *v;
    char *k = text_strndup(key, strlen(key));

    st->sec = SEC_UNKNOWN;
    if (!k) {
        st->in.oom = 1;
        return;
    }
    text_trim(k);
    if (!k[0] || strpbrk(k, " \t;=:[]")) {
        inifile_error(&st->in, st->in.lineno, col,
                      "name the earmark with one word, e.g. [earmark trivsel]",
                      "earmark key \"%s\" is not one word", k);
        free(k);
        return;
    }
    for (size_t i = 0; i < p->n_earmark_defs; i++) {
        if (strcmp(p->earmark_defs[i].key, k) == 0) {
            char hint[96];
            snprintf(hint, sizeof hint, msg_tr("merge it with the section on line %u"),
                     p->earmark_defs[i].line);
            inifile_error(&st->in, st->in.lineno, col, hint, "[earmark %s] appears twice", k);
            free(k);
            return;
        }
    }
    v = realloc(p->earmark_defs, (p->n_earmark_defs + 1) * sizeof *v);
    if (!v) {
        free(k);
        st->in.oom = 1;
        return;
    }
    p->earmark_defs = v;
    st->earmark = &v[p->n_earmark_defs++];
    memset(st->earmark, 0, sizeof *st->earmark);
    st->earmark->key = k;
    st->earmark->first_year = p->year;
    st->earmark->last_year = p->year;
    st->earmark->line = st->in.lineno;
    st->sec = SEC_EARMARK;
}

/* The bit mask of a comma-separated list of criterion keys; -1 (after a
 * diagnostic) if a key is unknown. */
static long criteria_mask(pool_parser *st, const pool_earmark *e, const char *list, unsigned col)
{
    long mask = 0;
    const char *s = list;
    while (*s) {
        const char *end = strchr(s, ',');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        char *k = text_strndup(s, n);
        int found = -1;
        if (!k) {
            st->in.oom = 1;
            return -1;
        }
        text_trim(k);
        for (size_t c = 0; c < e->n_criteria; c++)
            if (strcmp(e->criteria[c].key, k) == 0)
                found = (int)c;
        if (found < 0 && k[0]) {
            char hint[512];
            snprintf(hint, sizeof hint, "%s", msg_tr("the criteria of this earmark are:"));
            for (size_t c = 0; c < e->n_criteria; c++) {
                strncat(hint, c ? ", " : " ", sizeof hint - strlen(hint) - 1);
                strncat(hint, e->criteria[c].key, sizeof hint - strlen(hint) - 1);
            }
            if (e->n_criteria == 0)
                snprintf(hint, sizeof hint, msg_tr("declare criteria first: criterion <key> = <text>"));
            inifile_error(&st->in, st->in.lineno, col, hint, "unknown criterion \"%s\"", k);
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

/* ---- the keys ----------------------------------------------------------- */

/* What a setter gets: the line's key (with its <key> or <n>), its value, and
 * the columns of both. */
typedef struct earmark_line {
    const char *name, *value;
    unsigned kcol, vcol;
} earmark_line;

typedef void (*earmark_setter)(pool_parser *st, pool_earmark *e, const earmark_line *l);

static void set_label(pool_parser *st, pool_earmark *e, const earmark_line *l)
{
    free(e->label);
    e->label = text_strndup(l->value, strlen(l->value));
    if (!e->label)
        st->in.oom = 1;
}

static void set_amount(pool_parser *st, pool_earmark *e, const earmark_line *l)
{
    pulje_kr v;
    if (pool_parse_amount(st, l->value, l->vcol, "amount", &v) == 0)
        e->amount = v;
}

static void set_years(pool_parser *st, pool_earmark *e, const earmark_line *l)
{
    if (parse_years(l->value, &e->first_year, &e->last_year) != 0)
        inifile_error(&st->in, st->in.lineno, l->vcol, "write the years as 2023 or 2023-2025",
                      "years \"%s\" is not a year or a range of years", l->value);
}

static void set_criterion(pool_parser *st, pool_earmark *e, const earmark_line *l)
{
    const char *key = l->name + strlen("criterion ");
    char *k = text_strndup(key, strlen(key));
    if (!k) {
        st->in.oom = 1;
        return;
    }
    text_trim(k);
    for (size_t c = 0; c < e->n_criteria; c++) {
        if (strcmp(e->criteria[c].key, k) == 0) {
            inifile_error(&st->in, st->in.lineno, l->kcol, "keep one line per criterion",
                          "criterion \"%s\" is declared twice", k);
            free(k);
            return;
        }
    }
    if (e->n_criteria == POOL_MAX_CRITERIA || !k[0] || !l->value[0]) {
        inifile_error(&st->in, st->in.lineno, l->kcol,
                      "write criterion <key> = <Danish description>",
                      e->n_criteria == POOL_MAX_CRITERIA ? "more than 16 criteria"
                                                         : "a criterion needs a key and a text");
        free(k);
        return;
    }
    e->criteria[e->n_criteria].key = k;
    e->criteria[e->n_criteria].text = text_strndup(l->value, strlen(l->value));
    if (!e->criteria[e->n_criteria].text) {
        free(k);
        st->in.oom = 1;
        return;
    }
    e->n_criteria++;
}

static void set_required(pool_parser *st, pool_earmark *e, const earmark_line *l)
{
    long mask = criteria_mask(st, e, l->value, l->vcol);
    if (mask >= 0)
        e->required = (unsigned)mask;
}

static void set_tier(pool_parser *st, pool_earmark *e, const earmark_line *l)
{
    long want = strtol(l->name + strlen("tier "), NULL, 10);
    if (want != (long)e->n_tiers + 1 || e->n_tiers == POOL_MAX_TIERS) {
        char hint[64];
        snprintf(hint, sizeof hint, msg_tr("number the tiers 1, 2, ... in order; next is tier %zu"),
                 e->n_tiers + 1);
        inifile_error(&st->in, st->in.lineno, l->kcol, hint, "unexpected \"%s\"", l->name);
        return;
    }
    long mask = criteria_mask(st, e, l->value, l->vcol);
    if (mask >= 0)
        e->tiers[e->n_tiers++] = (unsigned)mask;
}

static void set_unused(pool_parser *st, pool_earmark *e, const earmark_line *l)
{
    if (text_casecmp(l->value, "residual") == 0)
        e->unused_to_main = 0;
    else if (text_casecmp(l->value, "main") == 0)
        e->unused_to_main = 1;
    else
        inifile_error(&st->in, st->in.lineno, l->vcol,
                      "choose residual (its own line, to the residual) or main (back into "
                      "the money for ordinary grants)",
                      "unknown unused \"%s\"", l->value);
}

/* min and max: once each, an amount. */
static void set_bound(pool_parser *st, pool_earmark *e, const earmark_line *l)
{
    pulje_kr v;
    int is_min = l->name[1] == 'i';
    unsigned *at = is_min ? &e->min_line : &e->max_line;
    if (*at) {
        char hint[128];
        snprintf(hint, sizeof hint, msg_tr("keep one of the two lines (%u and %u)"), *at,
                 st->in.lineno);
        inifile_error(&st->in, st->in.lineno, l->kcol, hint,
                      "%s is set twice in [earmark %s], first on line %u", l->name, e->key, *at);
    } else if (pool_parse_amount(st, l->value, l->vcol, l->name, &v) == 0) {
        *at = st->in.lineno;
        *(is_min ? &e->min_supp : &e->max_supp) = v;
    }
}

/* Every key of an [earmark <key>] section, in the order the hint names them.
 * A name ending in a blank is a prefix: "criterion trivsel", "tier 2". */
static const struct {
    const char *name;   /* as written, or its prefix */
    const char *shown;  /* as the hint shows it */
    earmark_setter set;
} earmark_keys[] = {
    {"label", "label", set_label},
    {"amount", "amount", set_amount},
    {"years", "years", set_years},
    {"criterion ", "criterion <key>", set_criterion},
    {"required", "required", set_required},
    {"tier ", "tier <n>", set_tier},
    {"unused", "unused", set_unused},
    {"min", "min", set_bound},
    {"max", "max", set_bound},
};

#define N_EARMARK_KEYS (sizeof earmark_keys / sizeof earmark_keys[0])

static int key_matches(const char *key, const char *name)
{
    size_t n = strlen(key);
    if (n && key[n - 1] == ' ')
        return strncmp(name, key, n) == 0;
    return strcmp(name, key) == 0;
}

/* "[earmark <key>] has label, amount, ... and max", from the table. */
static void keys_hint(char *buf, size_t size)
{
    size_t n = (size_t)snprintf(buf, size, msg_tr("[earmark <key>] has"));
    for (size_t i = 0; i < N_EARMARK_KEYS && n < size; i++) {
        const char *sep = i == 0 ? " " : i + 1 == N_EARMARK_KEYS ? msg_tr(" and ") : ", ";
        int w = snprintf(buf + n, size - n, "%s%s", sep, earmark_keys[i].shown);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

void pool_earmark_setting(pool_parser *st, const char *name, const char *value)
{
    earmark_line l = {name, value, inifile_key_col(&st->in), inifile_value_col(&st->in)};

    for (size_t i = 0; i < N_EARMARK_KEYS; i++) {
        if (key_matches(earmark_keys[i].name, name)) {
            earmark_keys[i].set(st, st->earmark, &l);
            return;
        }
    }
    char hint[256];
    keys_hint(hint, sizeof hint);
    inifile_error(&st->in, st->in.lineno, l.kcol, hint, "unknown key \"%s\" in [earmark %s]",
                  name, st->earmark->key);
}

/* ---- after the last line ----------------------------------------------- */

void pool_earmark_check(pool_parser *st)
{
    pool *p = st->p;
    for (size_t i = 0; i < p->n_earmark_defs; i++) {
        pool_earmark *e = &p->earmark_defs[i];
        if (!e->label)
            inifile_error(&st->in, e->line, 0, "add label = <Danish label> to the section",
                          "[earmark %s] has no label", e->key);
        if (p->year && (p->year < e->first_year || p->year > e->last_year))
            inifile_error(&st->in, e->line, 0,
                          "fix years = ... or remove the earmark for this year",
                          "[earmark %s] runs %d-%d, not in the pool's year %d", e->key,
                          e->first_year, e->last_year, p->year);
        if (e->n_tiers == 0 && e->n_criteria > 0) {
            e->tiers[0] = e->required;
            e->n_tiers = 1;
        }
        for (size_t t = 0; t < e->n_tiers; t++)
            if ((e->tiers[t] & e->required) != e->required)
                inifile_error(&st->in, e->line, 0, "every tier must include the required criteria",
                              "[earmark %s]: tier %zu lacks a required criterion", e->key, t + 1);
    }
}

void pool_earmark_check_units(pool_parser *st)
{
    pool *p = st->p;
    for (size_t i = 0; i < p->n_earmark_defs; i++) {
        pool_earmark *e = &p->earmark_defs[i];
        char what[160];
        snprintf(what, sizeof what, "[earmark %s] min", e->key);
        pool_check_unit(st, what, e->min_supp, e->min_line);
        snprintf(what, sizeof what, "[earmark %s] max", e->key);
        pool_check_unit(st, what, e->max_supp, e->max_line);
        if (e->min_supp > 0 && e->max_supp > 0 && e->min_supp > e->max_supp) {
            char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
            inifile_error(&st->in, e->min_line, 0, "lower min or raise max; 0 means none",
                          "[earmark %s]: min (DKK %s) is above max (DKK %s)", e->key,
                          money_format_text(e->min_supp, a), money_format_text(e->max_supp, b));
        }
    }
}

void pool_earmark_free(pool_earmark *e)
{
    free(e->key);
    free(e->label);
    for (size_t c = 0; c < e->n_criteria; c++) {
        free(e->criteria[c].key);
        free(e->criteria[c].text);
    }
}
