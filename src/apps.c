/* apps.c - The applications file: reads the ';'-separated CSV of assessed applications and checks every row. */
#include "apps.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Stop after this many problems in one file: a wrong file would otherwise
 * yield millions of messages. */
#define APPS_MAX_DIAGS 1000

/* Longest piece of a cell quoted back in a message, in bytes. */
#define SHOW_MAX 40

/* libcsv options: strict quoting, also for a quote left open at the end. */
#define CSV_OPTIONS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

/* Index of each known column in apps_columns. */
enum {
    COL_NR, COL_CVR, COL_ASSOCIATION, COL_ACTIVITY, COL_APPLIED, COL_ASSESSED,
    COL_REFUSAL, COL_YEARS, COL_ACTIVE_YEARS, COL_EXCEPTIONAL, COL_PRIORITY, COL_COUNT
};

/* In the order of the enum above, which is also the order of the default file. */
const apps_column apps_columns[] = {
    {"nr", "Nr", {"Nummer", "Ansøgningsnr", "Ans. nr.", "Løbenr", NULL}, true,
     "Application number, unique in the file"},
    {"cvr", "CVR", {"CVR-nr", "CVR-nummer", NULL}, false,
     "The association's CVR number (text, may be empty)"},
    {"association", "Forening", {"Foreningens navn", "Organisation", NULL}, true,
     "The applying association"},
    {"activity", "Indsats", {"Aktivitet", "Projekt", "Indsatsens navn", NULL}, true,
     "The activity applied for"},
    {"applied", "Ansøgt",
     {"Ansøgt beløb", "Ansøgt (kr.)", "ansogt", "Ansøgt beløb (kr.)", "Søgt beløb"}, true,
     "Amount applied for, whole kroner (50.000 or 50000)"},
    {"assessed", "Indstillet",
     {"Indstillet beløb", "Vurderet", "indstillet (kr.)", "Vurderet beløb",
      "Indstillet beløb (kr.)"},
     true, "Amount the assessment panel recommends; empty means as applied, 0 if refused"},
    {"refusal", "Afslag/begrundelse",
     {"Afslag", "Begrundelse", "Begrundelse for afslag", "Afslagsbegrundelse", NULL}, true,
     "Reason for a refusal; any text here means the application is refused"},
    {"years", "Antal år", {"År søgt", "Antal aar", "Antal år søgt", NULL}, false,
     "Years requested: 1, 2 or 3 (empty means 1)"},
    {"active_years", "År aktiv", {"Antal år aktiv", "Aar aktiv", NULL}, false,
     "Years the activity has run (multi-year grants ask for at least 5)"},
    {"exceptional", "Undtagelse", {"Særligt tilfælde", "Undtagelsestilfælde", NULL}, false,
     "ja/x/1 marks an exceptional case (needed for 3 years); nej/0/empty otherwise"},
    {"priority", "Prioritet", {"Prioritering", "Prio", NULL}, false,
     "The panel's priority among multi-year requests, 1 first; empty if none"},
    {NULL, NULL, {NULL}, false, NULL},
};

/* ---------------------------------------------------------------------------
 * A small open-addressing hash table of strings, for duplicate detection.
 * ------------------------------------------------------------------------- */

typedef struct slot {
    uint64_t hash;
    const char *key; /* NULL: the slot is empty */
    size_t row;      /* index in the app list of the first row with this key */
} slot;

typedef struct strtab {
    slot *v;
    size_t cap, n; /* cap is 0 or a power of two, at least twice n */
} strtab;

/* FNV-1a with a final mix, so that the low bits used for the index are good
 * also for keys like "1", "2", ... This function can't fail. */
static uint64_t hash_str(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    return h;
}

/* Double the table (or create it). Returns 0, or -1 on out of memory with
 * the table unchanged. */
static int strtab_grow(strtab *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    slot *v = calloc(cap, sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->v[i].key)
            continue;
        size_t j = (size_t)t->v[i].hash & (cap - 1);
        while (v[j].key)
            j = (j + 1) & (cap - 1);
        v[j] = t->v[i];
    }
    free(t->v);
    t->v = v;
    t->cap = cap;
    return 0;
}

/* Look key up. If it is new, store it with row and return 0 (the table keeps
 * the pointer: key must outlive it). If it is there, set *first to the row
 * stored with it and return 1. On out of memory return -1, table unchanged. */
static int strtab_put(strtab *t, const char *key, size_t row, size_t *first)
{
    uint64_t h;
    size_t j;
    if ((t->n + 1) * 2 > t->cap && strtab_grow(t) != 0)
        return -1;
    h = hash_str(key);
    j = (size_t)h & (t->cap - 1);
    while (t->v[j].key) {
        if (t->v[j].hash == h && strcmp(t->v[j].key, key) == 0) {
            *first = t->v[j].row;
            return 1;
        }
        j = (j + 1) & (t->cap - 1);
    }
    t->v[j].hash = h;
    t->v[j].key = key;
    t->v[j].row = row;
    t->n++;
    return 0;
}

/* Free the table, and its keys too when it owns them. */
static void strtab_free(strtab *t, bool owns_keys)
{
    if (owns_keys)
        for (size_t i = 0; i < t->cap; i++)
            free((char *)t->v[i].key);
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* ---------------------------------------------------------------------------
 * The reader: state while libcsv feeds us fields and records.
 * ------------------------------------------------------------------------- */

typedef struct cell {
    char *s;       /* the field's text, NUL-terminated (a buffer reused per record) */
    size_t len, cap;
    unsigned line; /* the line the field starts on */
} cell;

typedef struct reader {
    const char *file; /* for diagnostics; may be NULL */
    app_list *out;
    size_t cap;       /* capacity of out->v */
    diag_list *dl;
    size_t diags;     /* problems this parse has reported */
    bool oom;         /* out of memory: stop */
    bool stop;        /* too many problems, or a header that cannot be read: stop */

    unsigned line;     /* the physical line being fed to libcsv */
    bool in_record;    /* a record has started and not yet ended */
    unsigned rec_line; /* the line the current record starts on */
    unsigned end_line; /* the line the previous field of this record ended on */
    cell *cells;
    size_t ncells, cellcap;

    bool have_header;
    size_t ncols;      /* header fields that name a column (trailing blanks dropped) */
    char **names;      /* the header text of each of those fields */
    int col[COL_COUNT];/* field index of each known column, -1 if absent */
    size_t nrows;      /* non-blank data records seen */

    strtab nrs;        /* Nr -> first row (keys are the rows' nr strings) */
    strtab pairs;      /* folded association + activity -> first row (keys owned) */
    char *scratch;
    size_t scratchcap;
} reader;

/* Report a problem at line/col. Counts it, and once APPS_MAX_DIAGS have been
 * reported adds one last error and stops the reader. */
static void note(reader *r, diag_level level, unsigned line, unsigned col, const char *hint,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void note(reader *r, diag_level level, unsigned line, unsigned col, const char *hint,
                 const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    if (r->stop)
        return;
    if (r->diags == APPS_MAX_DIAGS) {
        diag_add(r->dl, DIAG_ERROR, r->file, line, 0,
                 "fix the problems above and read the file again",
                 "more than %d problems; stopped reading here", APPS_MAX_DIAGS);
        r->stop = true;
        return;
    }
    r->diags++;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    diag_add(r->dl, level, r->file, line, col, hint, "%s", buf);
}

/* Record that memory ran out (once) and stop reading. */
static void out_of_memory(reader *r)
{
    if (!r->oom)
        diag_add(r->dl, DIAG_ERROR, r->file, r->line, 0,
                 "close other programs or split the file, and try again",
                 "out of memory while reading the applications");
    r->oom = true;
}

/* Copy s into buf (SHOW_MAX + 4 bytes) for quoting in a message: line breaks
 * and tabs become spaces, and text beyond SHOW_MAX bytes is cut at a
 * character boundary and marked with "...". Returns buf. */
static const char *show(const char *s, char *buf)
{
    size_t n = strlen(s), i;
    if (n > SHOW_MAX) {
        n = SHOW_MAX;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    for (i = 0; i < n; i++)
        buf[i] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ? ' ' : s[i];
    if (n < strlen(s)) {
        memcpy(buf + i, "...", 3);
        i += 3;
    }
    buf[i] = '\0';
    return buf;
}

/* ---------------------------------------------------------------------------
 * Header: finding the known columns.
 * ------------------------------------------------------------------------- */

/* All spellings of column k: the header, then the aliases, NULL after the last. */
static const char *spelling(int k, int i)
{
    if (i == 0)
        return apps_columns[k].header;
    if (i > (int)(sizeof apps_columns[k].aliases / sizeof apps_columns[k].aliases[0]))
        return NULL;
    return apps_columns[k].aliases[i - 1];
}

/* The column whose header or alias folds to folded; -1 if none, -2 on out of memory. */
static int lookup_column(const char *folded)
{
    for (int k = 0; k < COL_COUNT; k++) {
        const char *sp;
        for (int i = 0; (sp = spelling(k, i)) != NULL; i++) {
            char *f = text_fold(sp);
            int same;
            if (!f)
                return -2;
            same = strcmp(f, folded) == 0;
            free(f);
            if (same)
                return k;
        }
    }
    return -1;
}

/* Replace the two-byte æ ø å of a folded name by one byte each, in place, so
 * that text_distance counts a Danish letter as one letter. */
static void compact_danish(char *s)
{
    char *o = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)s[0], d = (unsigned char)s[1];
        if (c == 0xC3 && (d == 0xA6 || d == 0xB8 || d == 0xA5)) {
            *o++ = (char)(d == 0xA6 ? 1 : d == 0xB8 ? 2 : 3);
            s++;
        } else {
            *o++ = (char)c;
        }
    }
    *o = '\0';
}

/* The spelling (header or alias as written in apps_columns) closest to the
 * folded unknown name, or NULL when none is close: at most 3 edits, and at
 * most half the length of the spelling, so "Note" does not suggest "Nr".
 * Sets *oom on out of memory. */
static const char *suggest_column(const char *folded, bool *oom)
{
    const char *best = NULL;
    int bestd = 99;
    char *a = text_strndup(folded, strlen(folded));
    if (!a) {
        *oom = true;
        return NULL;
    }
    compact_danish(a);
    for (int k = 0; k < COL_COUNT; k++) {
        const char *sp;
        for (int i = 0; (sp = spelling(k, i)) != NULL; i++) {
            char *b = text_fold(sp);
            int d;
            if (!b) {
                free(a);
                *oom = true;
                return NULL;
            }
            compact_danish(b);
            d = text_distance(a, b);
            if (d <= 3 && (size_t)(2 * d) <= strlen(b) && d < bestd) {
                best = sp;
                bestd = d;
            }
            free(b);
        }
    }
    free(a);
    return best;
}

/* "Nr, CVR, Forening, ..." of the known headers, into buf. */
static void known_headers(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int k = 0; k < COL_COUNT && n < size; k++) {
        int w = snprintf(buf + n, size - n, "%s%s", k ? ", " : "", apps_columns[k].header);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

/* Match header field i to a known column, or report why it cannot be. */
static void match_header(reader *r, size_t i)
{
    const cell *c = &r->cells[i];
    char show_buf[SHOW_MAX + 4], hint[768], known[300];
    const char *guess;
    bool oom = false;
    char *f;
    int k;

    if (c->len == 0) {
        note(r, DIAG_ERROR, c->line, (unsigned)(i + 1),
             "give the column one of the known headers, or delete the column",
             "column %zu has no header", i + 1);
        return;
    }
    f = text_fold(c->s);
    if (!f) {
        out_of_memory(r);
        return;
    }
    k = lookup_column(f);
    if (k == -2) {
        free(f);
        out_of_memory(r);
        return;
    }
    if (k >= 0) {
        free(f);
        if (r->col[k] >= 0) {
            note(r, DIAG_ERROR, c->line, (unsigned)(i + 1), "delete one of the two columns",
                 "column %zu (%s) is the same column as column %d (%s)", i + 1, r->names[i],
                 r->col[k] + 1, r->names[r->col[k]]);
            return;
        }
        r->col[k] = (int)i;
        return;
    }
    guess = suggest_column(f, &oom);
    free(f);
    if (oom) {
        out_of_memory(r);
        return;
    }
    known_headers(known, sizeof known);
    if (guess)
        snprintf(hint, sizeof hint, "did you mean \"%s\"? Known columns: %s", guess, known);
    else
        snprintf(hint, sizeof hint, "known columns: %s; delete the column if it is not needed",
                 known);
    note(r, DIAG_ERROR, c->line, (unsigned)(i + 1), hint, "column %zu: unknown column \"%s\"",
         i + 1, show(c->s, show_buf));
}

/* Report each required column the header lacks, naming the headers found. */
static void check_required(reader *r, unsigned line)
{
    char found[512], hint[512];
    size_t n = 0;

    found[0] = '\0';
    for (size_t i = 0; i < r->ncols && n < sizeof found; i++) {
        int w = snprintf(found + n, sizeof found - n, "%s%s", n ? ", " : "", r->names[i]);
        if (w < 0)
            break;
        n += (size_t)w;
    }
    for (int k = 0; k < COL_COUNT; k++) {
        const apps_column *c = &apps_columns[k];
        size_t h = 0;
        if (!c->required || r->col[k] >= 0)
            continue;
        h = (size_t)snprintf(hint, sizeof hint, "add a column headed \"%s\"", c->header);
        for (int a = 0; a < 6 && c->aliases[a] && h < sizeof hint; a++) {
            int w = snprintf(hint + h, sizeof hint - h, "%s\"%s\"",
                             a ? ", " : " (also accepted: ", c->aliases[a]);
            if (w < 0)
                break;
            h += (size_t)w;
        }
        if (c->aliases[0] && h < sizeof hint)
            snprintf(hint + h, sizeof hint - h, ")");
        note(r, DIAG_ERROR, line, 0, hint, "required column \"%s\" is missing (found: %s)",
             c->header, found);
    }
}

/* Read the header record: find the known columns, report unknown, duplicated
 * and missing ones. Trailing fields without a header (Excel's padding) are
 * dropped. */
static void read_header(reader *r)
{
    size_t n = r->ncells;
    unsigned line = r->rec_line;

    r->have_header = true;
    for (int k = 0; k < COL_COUNT; k++)
        r->col[k] = -1;
    while (n > 0 && r->cells[n - 1].len == 0)
        n--;
    r->names = calloc(n, sizeof *r->names);
    if (!r->names) {
        out_of_memory(r);
        return;
    }
    r->ncols = n;
    for (size_t i = 0; i < n; i++) {
        r->names[i] = text_strndup(r->cells[i].s, r->cells[i].len);
        if (!r->names[i]) {
            out_of_memory(r);
            return;
        }
    }
    if (n == 1 && strpbrk(r->names[0], ",\t")) {
        char show_buf[SHOW_MAX + 4];
        note(r, DIAG_ERROR, line, 1,
             "save the file from Excel as \"CSV (semikolonsepareret)\" so that ';' separates "
             "the columns",
             "the header \"%s\" is one column: the file is not separated by ';'",
             show(r->names[0], show_buf));
        return;
    }
    for (size_t i = 0; i < n && !r->oom; i++)
        match_header(r, i);
    if (!r->oom)
        check_required(r, line);
}

/* ---------------------------------------------------------------------------
 * Rows: checking each value.
 * ------------------------------------------------------------------------- */

/* The cell of known column k in the current row, NULL if the file lacks the column. */
static cell *get(reader *r, int k)
{
    return r->col[k] >= 0 ? &r->cells[r->col[k]] : NULL;
}

/* Parse the non-empty amount in column k into *v. Reports the problem and
 * returns false when it is not a whole-krone amount of 0 or more. */
static bool read_amount(reader *r, int k, pulje_kr *v)
{
    const cell *c = get(r, k);
    unsigned col = (unsigned)r->col[k] + 1;
    const char *name = r->names[r->col[k]];
    char sb[SHOW_MAX + 4];

    switch (money_parse(c->s, c->len, v)) {
    case MONEY_OK:
        return true;
    case MONEY_EMPTY: /* "kr." alone */
    case MONEY_SYNTAX:
        note(r, DIAG_ERROR, c->line, col, "write whole kroner like 50.000 or 50000",
             "column %u (%s): \"%s\" is not a whole-krone amount", col, name, show(c->s, sb));
        break;
    case MONEY_DECIMALS:
        note(r, DIAG_ERROR, c->line, col,
             "round to whole kroner and write them like 50.000 or 50000",
             "column %u (%s): \"%s\" has øre; amounts are whole kroner", col, name,
             show(c->s, sb));
        break;
    case MONEY_NEGATIVE:
        note(r, DIAG_ERROR, c->line, col,
             "write 0 or more, in whole kroner like 50.000 or 50000",
             "column %u (%s): \"%s\" is negative", col, name, show(c->s, sb));
        break;
    case MONEY_RANGE:
        note(r, DIAG_ERROR, c->line, col,
             "check for extra digits; write whole kroner like 50.000 or 50000",
             "column %u (%s): \"%s\" is larger than any pool (over 1.000.000.000.000 kr.)",
             col, name, show(c->s, sb));
        break;
    }
    return false;
}

/* Parse a whole number of 1 to 9 digits, nothing else. false if it is not one. */
static bool parse_count(const char *s, long *v)
{
    long x = 0;
    size_t n = 0;
    for (; s[n]; n++) {
        if (s[n] < '0' || s[n] > '9' || n == 9)
            return false;
        x = x * 10 + (s[n] - '0');
    }
    if (n == 0)
        return false;
    *v = x;
    return true;
}

/* ASCII case-insensitive equality. */
static bool eq_ci(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

/* Check the optional small-number columns (years, active years, exceptional,
 * priority) of the current row into a. */
static void read_flags(reader *r, app *a)
{
    char sb[SHOW_MAX + 4];
    const cell *c;
    long v;
    unsigned col;

    if ((c = get(r, COL_YEARS)) && c->len) {
        col = (unsigned)r->col[COL_YEARS] + 1;
        if (parse_count(c->s, &v) && v >= 1 && v <= 3)
            a->years = (int)v;
        else
            note(r, DIAG_ERROR, c->line, col,
                 "write 1, 2 or 3 (the years applied for), or leave it empty for 1",
                 "column %u (%s): \"%s\" is not 1, 2 or 3", col, r->names[col - 1],
                 show(c->s, sb));
    }
    if ((c = get(r, COL_ACTIVE_YEARS)) && c->len) {
        col = (unsigned)r->col[COL_ACTIVE_YEARS] + 1;
        if (parse_count(c->s, &v))
            a->active_years = (int)v;
        else
            note(r, DIAG_ERROR, c->line, col,
                 "write how many years the activity has run, like 5, or leave it empty",
                 "column %u (%s): \"%s\" is not a whole number of years", col,
                 r->names[col - 1], show(c->s, sb));
    }
    if ((c = get(r, COL_EXCEPTIONAL)) && c->len) {
        col = (unsigned)r->col[COL_EXCEPTIONAL] + 1;
        if (eq_ci(c->s, "ja") || eq_ci(c->s, "x") || strcmp(c->s, "1") == 0)
            a->exceptional = true;
        else if (!eq_ci(c->s, "nej") && strcmp(c->s, "0") != 0)
            note(r, DIAG_ERROR, c->line, col,
                 "write ja (or x) for an exceptional case; nej, 0 or empty otherwise",
                 "column %u (%s): \"%s\" is not ja or nej", col, r->names[col - 1],
                 show(c->s, sb));
    }
    if ((c = get(r, COL_PRIORITY)) && c->len) {
        col = (unsigned)r->col[COL_PRIORITY] + 1;
        if (parse_count(c->s, &v) && v >= 1)
            a->priority = (int)v;
        else
            note(r, DIAG_ERROR, c->line, col,
                 "write 1 for the first priority, 2 for the next, and so on, or leave it empty",
                 "column %u (%s): \"%s\" is not a positive whole number", col,
                 r->names[col - 1], show(c->s, sb));
    }
}

/* Check the amounts of the current row into a: applied is required; an empty
 * assessed means as applied; a refusal means 0 and contradicts a non-zero
 * assessed; assessed may not exceed applied. */
static void read_amounts(reader *r, app *a)
{
    const cell *c, *ref = get(r, COL_REFUSAL);
    bool refused = ref && ref->len > 0;
    bool applied_ok = false, assessed_ok = false;
    char b1[MONEY_BUFSZ], b2[MONEY_BUFSZ];
    unsigned col;

    if ((c = get(r, COL_APPLIED)) != NULL) {
        col = (unsigned)r->col[COL_APPLIED] + 1;
        if (c->len == 0)
            note(r, DIAG_ERROR, c->line, col,
                 "write the amount applied for in whole kroner, like 50.000 or 50000",
                 "column %u (%s): the amount applied for is empty", col, r->names[col - 1]);
        else
            applied_ok = read_amount(r, COL_APPLIED, &a->applied);
        if (!applied_ok)
            a->applied = 0;
    }
    if ((c = get(r, COL_ASSESSED)) != NULL && c->len > 0) {
        col = (unsigned)r->col[COL_ASSESSED] + 1;
        a->assessed_given = true;
        assessed_ok = read_amount(r, COL_ASSESSED, &a->assessed);
        if (!assessed_ok) {
            a->assessed = 0;
        } else if (refused && a->assessed != 0) {
            note(r, DIAG_ERROR, c->line, col,
                 "a refused application gets 0: leave the assessed amount empty or 0, or "
                 "delete the refusal reason",
                 "column %u (%s): %s kr. contradicts the refusal in column %d (%s)", col,
                 r->names[col - 1], money_format(a->assessed, b1), r->col[COL_REFUSAL] + 1,
                 r->names[r->col[COL_REFUSAL]]);
        } else if (applied_ok && a->assessed > a->applied) {
            note(r, DIAG_ERROR, c->line, col,
                 "the assessed amount cannot be more than the amount applied for; check both",
                 "column %u (%s): assessed %s kr. is more than the %s kr. applied for", col,
                 r->names[col - 1], money_format(a->assessed, b1),
                 money_format(a->applied, b2));
        }
    } else {
        a->assessed_given = false;
        a->assessed = a->applied;
    }
    if (refused)
        a->assessed = 0;
}

/* strdup of the cell of column k, or of "" when the file lacks the column. */
static char *dup_col(reader *r, int k)
{
    const cell *c = get(r, k);
    return c ? text_strndup(c->s, c->len) : text_strndup("", 0);
}

/* Free the strings of one application. */
static void app_free_strings(app *a)
{
    free(a->nr);
    free(a->cvr);
    free(a->association);
    free(a->activity);
    free(a->refusal);
}

/* Append a to the list, taking its strings. Returns 0, or -1 on out of
 * memory (then the strings are freed). */
static int push_app(reader *r, app *a)
{
    app_list *l = r->out;
    if (!a->nr || !a->cvr || !a->association || !a->activity || !a->refusal) {
        app_free_strings(a);
        return -1;
    }
    if (l->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        app *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            app_free_strings(a);
            return -1;
        }
        l->v = v;
        r->cap = cap;
    }
    l->v[l->n++] = *a;
    return 0;
}

/* Warn when the association and activity of row i (folded) were seen before:
 * the 2023 round recommended one application twice. */
static void check_same_pair(reader *r, size_t i)
{
    const app *a = &r->out->v[i];
    size_t la = strlen(a->association), lb = strlen(a->activity), first;
    char sb[SHOW_MAX + 4], *key;
    int rc;

    if (la == 0)
        return;
    if (la + lb + 2 > r->scratchcap) {
        char *s = realloc(r->scratch, la + lb + 2);
        if (!s) {
            out_of_memory(r);
            return;
        }
        r->scratch = s;
        r->scratchcap = la + lb + 2;
    }
    memcpy(r->scratch, a->association, la);
    r->scratch[la] = '\x1f';
    memcpy(r->scratch + la + 1, a->activity, lb + 1);
    key = text_fold(r->scratch);
    if (!key) {
        out_of_memory(r);
        return;
    }
    rc = strtab_put(&r->pairs, key, i, &first);
    if (rc != 0)
        free(key);
    if (rc < 0) {
        out_of_memory(r);
    } else if (rc > 0) {
        const cell *c = get(r, COL_ASSOCIATION);
        note(r, DIAG_WARNING, c->line, (unsigned)r->col[COL_ASSOCIATION] + 1,
             "if one application is listed twice, delete one row: each row is granted money",
             "\"%s\" with the same activity is also Nr %s on line %u", show(a->association, sb),
             r->out->v[first].nr, r->out->v[first].line);
    }
}

/* Read one data record: check the number of fields and every value, append
 * the application, and look for a duplicate number. */
static void read_row(reader *r)
{
    app a;
    const cell *c;
    bool dup = false;

    if (r->ncells < r->ncols) {
        note(r, DIAG_ERROR, r->rec_line, 0,
             "every row needs a field for each column: look for a missing ';', or a text "
             "with a line break that is not in double quotes",
             "the row has %zu fields, the header has %zu columns", r->ncells, r->ncols);
        return;
    }
    for (size_t i = r->ncols; i < r->ncells; i++) {
        char sb[SHOW_MAX + 4];
        if (r->cells[i].len == 0)
            continue;
        note(r, DIAG_ERROR, r->cells[i].line, (unsigned)(i + 1),
             "a ';' inside a text must be in double quotes, like \"Kost; motion\"; or give "
             "the column a header",
             "the row has %zu fields, the header has %zu columns (column %zu holds \"%s\")",
             r->ncells, r->ncols, i + 1, show(r->cells[i].s, sb));
        return;
    }

    memset(&a, 0, sizeof a);
    a.years = 1;
    a.active_years = -1;
    a.line = r->rec_line;
    if ((c = get(r, COL_NR)) && c->len == 0)
        note(r, DIAG_ERROR, c->line, (unsigned)r->col[COL_NR] + 1,
             "give every application its own number, like 17",
             "column %d (%s): the application number is empty", r->col[COL_NR] + 1,
             r->names[r->col[COL_NR]]);
    if ((c = get(r, COL_ASSOCIATION)) && c->len == 0)
        note(r, DIAG_ERROR, c->line, (unsigned)r->col[COL_ASSOCIATION] + 1,
             "write the name of the applying association",
             "column %d (%s): the association is empty", r->col[COL_ASSOCIATION] + 1,
             r->names[r->col[COL_ASSOCIATION]]);
    read_amounts(r, &a);
    read_flags(r, &a);

    a.nr = dup_col(r, COL_NR);
    a.cvr = dup_col(r, COL_CVR);
    a.association = dup_col(r, COL_ASSOCIATION);
    a.activity = dup_col(r, COL_ACTIVITY);
    a.refusal = dup_col(r, COL_REFUSAL);
    if (push_app(r, &a) != 0) {
        out_of_memory(r);
        return;
    }

    if (r->out->v[r->out->n - 1].nr[0]) {
        size_t first;
        int rc = strtab_put(&r->nrs, r->out->v[r->out->n - 1].nr, r->out->n - 1, &first);
        if (rc < 0) {
            out_of_memory(r);
            return;
        }
        if (rc > 0) {
            c = get(r, COL_NR);
            dup = true;
            note(r, DIAG_ERROR, c->line, (unsigned)r->col[COL_NR] + 1,
                 "every application needs its own number: delete the duplicate row or "
                 "renumber it",
                 "Nr %s appears on lines %u and %u", r->out->v[first].nr,
                 r->out->v[first].line, r->rec_line);
        }
    }
    if (!dup)
        check_same_pair(r, r->out->n - 1);
}

/* Make line breaks inside a field "\n" and trim it. */
static void clean_cell(cell *c)
{
    size_t o = 0;
    for (size_t i = 0; i < c->len; i++) {
        char ch = c->s[i];
        if (ch == '\r') {
            ch = '\n';
            if (i + 1 < c->len && c->s[i + 1] == '\n')
                i++;
        }
        c->s[o++] = ch;
    }
    c->s[o] = '\0';
    text_trim(c->s);
    c->len = strlen(c->s);
}

/* A whole record has arrived: skip it if blank, else it is the header or a row. */
static void handle_record(reader *r)
{
    bool blank = true;
    for (size_t i = 0; i < r->ncells; i++) {
        clean_cell(&r->cells[i]);
        if (r->cells[i].len)
            blank = false;
    }
    if (blank)
        return;
    if (!r->have_header) {
        read_header(r);
    } else {
        r->nrows++;
        read_row(r);
    }
}

/* libcsv field callback: keep a copy of the field and the line it starts on. */
static void on_field(void *data, size_t len, void *arg)
{
    reader *r = arg;
    cell *c;
    if (r->oom || r->stop)
        return;
    if (r->ncells == r->cellcap) {
        size_t cap = r->cellcap ? r->cellcap * 2 : 16;
        cell *v = realloc(r->cells, cap * sizeof *v);
        if (!v) {
            out_of_memory(r);
            return;
        }
        memset(v + r->cellcap, 0, (cap - r->cellcap) * sizeof *v);
        r->cells = v;
        r->cellcap = cap;
    }
    c = &r->cells[r->ncells];
    if (len + 1 > c->cap) {
        size_t cap = len + 1 < 32 ? 32 : len + 1;
        char *s = realloc(c->s, cap);
        if (!s) {
            out_of_memory(r);
            return;
        }
        c->s = s;
        c->cap = cap;
    }
    if (len)
        memcpy(c->s, data, len);
    c->s[len] = '\0';
    c->len = len;
    c->line = r->ncells == 0 ? r->rec_line : r->end_line;
    r->end_line = r->line;
    r->ncells++;
}

/* libcsv record callback: the record is complete. */
static void on_record(int term, void *arg)
{
    reader *r = arg;
    (void)term;
    r->in_record = false;
    if (!r->oom && !r->stop)
        handle_record(r);
    r->ncells = 0;
}

/* True if the line holds only blanks and its line ending: libcsv skips it
 * between records. */
static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* Report a quote libcsv rejected in the current line, in the field being read. */
static void bad_quote(reader *r)
{
    size_t col = r->ncells + 1;
    const char *hint = "a text with a \" inside must be in double quotes with the quote "
                       "doubled, like \"TV 32\"\"\"; or delete the stray quote";
    if (r->have_header && col <= r->ncols)
        note(r, DIAG_ERROR, r->line, (unsigned)col, hint,
             "column %zu (%s): misplaced double quote (\")", col, r->names[col - 1]);
    else
        note(r, DIAG_ERROR, r->line, (unsigned)col, hint,
             "column %zu: misplaced double quote (\")", col);
}

/* Report a quoted field still open at the end of the file. */
static void unclosed_quote(reader *r)
{
    size_t col = r->ncells + 1;
    unsigned line = r->ncells == 0 ? r->rec_line : r->end_line;
    const char *hint = "add the closing double quote (\"); a quote inside a quoted text is "
                       "written twice (\"\")";
    if (r->have_header && col <= r->ncols)
        note(r, DIAG_ERROR, line, (unsigned)col, hint,
             "column %zu (%s): the quoted text that starts here is never closed", col,
             r->names[col - 1]);
    else
        note(r, DIAG_ERROR, line, (unsigned)col, hint,
             "column %zu: the quoted text that starts here is never closed", col);
}

/* Feed libcsv one physical line at a time (CRLF, LF or a lone CR ends a line),
 * so that every field knows its line. A quoting error drops the record and
 * carries on at the next line; in the header it stops the reading. */
static void feed(reader *r, const char *s, size_t n)
{
    struct csv_parser p;
    size_t pos = 0;

    if (csv_init(&p, CSV_OPTIONS) != 0) {
        out_of_memory(r);
        return;
    }
    csv_set_delim(&p, ';');
    while (pos < n && !r->oom && !r->stop) {
        size_t end = pos, used;
        while (end < n && s[end] != '\n' && s[end] != '\r')
            end++;
        if (end < n)
            end += (s[end] == '\r' && end + 1 < n && s[end + 1] == '\n') ? 2 : 1;
        r->line++;
        if (!r->in_record && !blank_line(s + pos, end - pos)) {
            r->in_record = true;
            r->rec_line = r->end_line = r->line;
        }
        used = csv_parse(&p, s + pos, end - pos, on_field, on_record, r);
        if (used != end - pos) {
            if (csv_error(&p) != CSV_EPARSE) {
                out_of_memory(r);
                break;
            }
            bad_quote(r);
            if (r->have_header)
                r->nrows++;
            else
                r->stop = true;
            r->in_record = false;
            r->ncells = 0;
            csv_free(&p);
            if (csv_init(&p, CSV_OPTIONS) != 0) {
                out_of_memory(r);
                return;
            }
            csv_set_delim(&p, ';');
        }
        pos = end;
    }
    if (!r->oom && !r->stop && csv_fini(&p, on_field, on_record, r) != 0) {
        if (csv_error(&p) == CSV_EPARSE) {
            unclosed_quote(r);
            if (r->have_header)
                r->nrows++;
            else
                r->stop = true;
        } else {
            out_of_memory(r);
        }
    }
    csv_free(&p);
}

/* Free what the reader owns (not the app list). */
static void reader_free(reader *r)
{
    for (size_t i = 0; i < r->cellcap; i++)
        free(r->cells[i].s);
    free(r->cells);
    for (size_t i = 0; i < r->ncols; i++)
        free(r->names[i]);
    free(r->names);
    strtab_free(&r->nrs, false);
    strtab_free(&r->pairs, true);
    free(r->scratch);
}

int apps_parse(const char *data, size_t len, const char *filename, app_list *out,
               diag_list *dl)
{
    size_t errors_before = dl->n_errors;
    char *text = NULL;
    size_t textlen = 0;
    reader r;

    memset(out, 0, sizeof *out);
    memset(&r, 0, sizeof r);
    r.file = filename;
    r.out = out;
    r.dl = dl;

    if (filename && !(out->file = text_strndup(filename, strlen(filename)))) {
        out_of_memory(&r);
        return -1;
    }
    if (len > 0 && memchr(data, '\0', len)) {
        note(&r, DIAG_ERROR, 0, 0,
             "save the file from Excel as \"CSV UTF-8 (kommasepareret)\" or \"CSV "
             "(semikolonsepareret)\", not as Unicode text",
             "the file contains NUL bytes: it is not a CSV text file (UTF-16?)");
        return -1;
    }
    if (len > 0 && text_to_utf8(data, len, &text, &textlen, NULL) != 0) {
        note(&r, DIAG_ERROR, 0, 0, "save the file from Excel as \"CSV UTF-8\" and try again",
             "cannot convert the file to UTF-8 (out of memory, or no Windows-1252 converter)");
        return -1;
    }

    if (textlen > 0)
        feed(&r, text, textlen);
    free(text);

    if (!r.oom && !r.stop) {
        if (!r.have_header)
            note(&r, DIAG_ERROR, 0, 0,
                 "the first line must be the header: Nr;CVR;Forening;Indsats;Ansøgt;"
                 "Indstillet;Afslag/begrundelse, then one line per application",
                 "the file is empty");
        else if (r.nrows == 0)
            note(&r, DIAG_ERROR, 0, 0, "add one line per application below the header",
                 "the file has a header but no applications");
    }
    reader_free(&r);
    return dl->n_errors > errors_before ? -1 : 0;
}

int apps_load(const char *path, app_list *out, diag_list *dl)
{
    char *data = NULL;
    size_t len = 0;
    int rc;

    memset(out, 0, sizeof *out);
    if (text_read_file(path, &data, &len) != 0) {
        int e = errno;
        diag_add(dl, DIAG_ERROR, path, 0, 0,
                 "check the name and that the file exists and can be read; save it from "
                 "Excel as \"CSV (semikolonsepareret)\"",
                 "cannot read %s: %s", path, strerror(e));
        return -1;
    }
    rc = apps_parse(data, len, path, out, dl);
    free(data);
    return rc;
}

void apps_free(app_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        app_free_strings(&l->v[i]);
    free(l->v);
    free(l->file);
    memset(l, 0, sizeof *l);
}
