/* ledger.c - The commitments ledger: money bound in future years' pools.
 * The rows' strings are kept in an arena of big chunks, not a heap block each;
 * a ledger made as it is written (next year's) goes through ledger_write_each. */
#include "ledger.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "text.h"
#include "messages.h"

/* Years a ledger may name. */
#define YEAR_MIN 1900
#define YEAR_MAX 2200

/* The longest a commitment may be paid after it was decided, in years. */
#define MAX_YEARS_AFTER 10

/* Index of each known column in ledger_columns. */
enum {
    COL_ID, COL_DECIDED, COL_YEAR, COL_NR, COL_ASSOCIATION, COL_CVR, COL_AMOUNT, COL_KIND,
    COL_COUNT
};

/* In the order of the enum above, which is also the order ledger_write uses. */
const table_column ledger_columns[] = {
    {"id", "Løbenr", {"Løbenummer", "Forpligtelsesnr", "Reservationsnr", "Id", NULL}, true,
     "The commitment's number, unique in the ledger (L2023-001)"},
    {"decided", "Besluttet år", {"Beslutningsår", "Bevilget år", "Bevillingsår", NULL}, true,
     "The year the committee decided the grant"},
    {"year", "Udbetalingsår", {"Udbetalt år", "Betalingsår", "Udbetales", "År", NULL}, true,
     "The year the money is paid (decided year to 10 years after)"},
    {"nr", "Nr", {"Ansøgningsnr", "Ans. nr.", "Nummer", NULL}, false,
     "The application's number in the deciding round, or empty"},
    {"association", "Forening", {"Foreningens navn", "Organisation", "Modtager", NULL}, true,
     "The association that holds the commitment"},
    {"cvr", "CVR", {"CVR-nr", "CVR-nummer", NULL}, false,
     "The association's CVR number (text, may be empty)"},
    {"amount", "Beløb", {"Beløb (kr.)", "Reserveret", "Reserveret beløb", "Tilskud", NULL}, true,
     "Kroner bound in the payment year, whole kroner (50.000 or 50000)"},
    {"kind", "Art", {"Type", "Forpligtelsesart", "Tilskudsart", NULL}, true,
     "flerårigt tilskud (a multi-year grant) or driftsaftale (an operating agreement)"},
    {NULL, NULL, {NULL}, false, NULL},
};

static const table_spec ledger_spec = {ledger_columns, MSG_N("commitment"), MSG_N("commitments"), true};

static const char *const kind_names[] = {
    [LEDGER_MULTI_YEAR] = "flerårigt tilskud",
    [LEDGER_AGREEMENT] = "driftsaftale",
};

const char *ledger_kind_name(ledger_kind kind)
{
    return kind == LEDGER_AGREEMENT ? kind_names[LEDGER_AGREEMENT]
                                    : kind_names[LEDGER_MULTI_YEAR];
}

/* The chunks that hold a ledger's strings, as apps.c keeps the
 * applications': each new chunk in front, twice the last up to ARENA_MAX. */
struct ledger_arena {
    ledger_arena *next;
    size_t used, cap;
    char data[];
};

#define ARENA_FIRST 4096
#define ARENA_MAX (1024 * 1024)

void ledger_free(ledger *l)
{
    while (l->arena) {
        ledger_arena *next = l->arena->next;
        free(l->arena);
        l->arena = next;
    }
    free(l->v);
    free(l->file);
    memset(l, 0, sizeof *l);
}

pulje_kr ledger_sum(const ledger *l, int year, ledger_kind kind)
{
    pulje_kr s = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].year == year && l->v[i].kind == kind)
            s += l->v[i].amount;
    return s;
}

/* A copy of s, or "" for NULL, in l's arena; NULL only on out of memory. */
static char *copy(ledger *l, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    ledger_arena *c = l->arena;
    char *d;

    if (!c || len + 1 > c->cap - c->used) {
        size_t cap = c ? (c->cap < ARENA_MAX ? c->cap * 2 : ARENA_MAX) : ARENA_FIRST;
        if (cap < len + 1)
            cap = len + 1;
        if (!(c = malloc(sizeof *c + cap)))
            return NULL;
        c->next = l->arena;
        c->used = 0;
        c->cap = cap;
        l->arena = c;
    }
    d = c->data + c->used;
    c->used += len + 1;
    if (len)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

/* Append a copy of row; l->v doubles when full, so a million rows are not a
 * million reallocs. Returns 0, or -1 on out of memory with the ledger
 * unaltered (but for its arena). */
static int append(ledger *l, const ledger_row *row)
{
    ledger_row r = *row;

    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        ledger_row *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    r.id = copy(l, row->id);
    r.nr = copy(l, row->nr);
    r.association = copy(l, row->association);
    r.cvr = copy(l, row->cvr);
    if (!r.id || !r.nr || !r.association || !r.cvr)
        return -1;
    l->v[l->n++] = r;
    return 0;
}

int ledger_append(ledger *l, const ledger_row *row)
{
    return append(l, row);
}

/* ---------------------------------------------------------------------------
 * Reading.
 * ------------------------------------------------------------------------- */

/* Spellings of each kind accepted in the Art column, compared folded. */
static const struct {
    const char *spelling;
    ledger_kind kind;
} kind_spellings[] = {
    {"flerårigt tilskud", LEDGER_MULTI_YEAR},  {"flerårige tilskud", LEDGER_MULTI_YEAR},
    {"flerårig", LEDGER_MULTI_YEAR},           {"flerårigt", LEDGER_MULTI_YEAR},
    {"flerårstilskud", LEDGER_MULTI_YEAR},     {"flerårig bevilling", LEDGER_MULTI_YEAR},
    {"fleraarigt tilskud", LEDGER_MULTI_YEAR}, {"flerarigt tilskud", LEDGER_MULTI_YEAR},
    {"driftsaftale", LEDGER_AGREEMENT},        {"driftsaftaler", LEDGER_AGREEMENT},
    {"driftsaftalen", LEDGER_AGREEMENT},       {"drift aftale", LEDGER_AGREEMENT},
};

/* What the row callback keeps between rows. */
typedef struct reader {
    ledger *out;
    table_index ids; /* Løbenr -> first row with it */
} reader;

/* The kind the folded Art text names: 0 and *kind set, -1 if none, -2 on
 * out of memory. */
static int lookup_kind(const char *folded, ledger_kind *kind)
{
    for (size_t i = 0; i < sizeof kind_spellings / sizeof kind_spellings[0]; i++) {
        char *f = text_fold(kind_spellings[i].spelling);
        int same;
        if (!f)
            return -2;
        same = strcmp(f, folded) == 0;
        free(f);
        if (same) {
            *kind = kind_spellings[i].kind;
            return 0;
        }
    }
    return -1;
}

/* Read the Art cell into *kind; reports an empty or unknown one. Returns 0,
 * or -1 on out of memory. */
static int read_kind(table *t, const table_cell *c, ledger_kind *kind)
{
    const char *hint = msg_tr("write \"flerårigt tilskud\" (a multi-year grant) or \"driftsaftale\" "
                              "(an operating agreement)");
    char sb[TABLE_SHOW_BUFSZ];
    char *f;
    int rc;

    if (c->len == 0) {
        table_note_cell(t, DIAG_ERROR, c, hint, "column %u (%s): the kind is empty", c->col,
                        c->name);
        return 0;
    }
    f = text_fold(c->s);
    if (!f)
        return -1;
    rc = lookup_kind(f, kind);
    free(f);
    if (rc == -2)
        return -1;
    if (rc < 0)
        table_note_cell(t, DIAG_ERROR, c, hint,
                        "column %u (%s): \"%s\" is not a kind of commitment; the kinds are "
                        "\"%s\" and \"%s\"",
                        c->col, c->name, table_show(c->s, sb),
                        ledger_kind_name(LEDGER_MULTI_YEAR), ledger_kind_name(LEDGER_AGREEMENT));
    return 0;
}

/* Read a year cell into *year; reports one that is not a year from YEAR_MIN
 * to YEAR_MAX and returns false then. */
static bool read_year(table *t, const table_cell *c, int *year)
{
    char sb[TABLE_SHOW_BUFSZ];
    long v;

    if (table_count(c->s, &v) && v >= YEAR_MIN && v <= YEAR_MAX) {
        *year = (int)v;
        return true;
    }
    if (c->len == 0)
        table_note_cell(t, DIAG_ERROR, c, "write the year with four digits, like 2023",
                        "column %u (%s): the year is empty", c->col, c->name);
    else
        table_note_cell(t, DIAG_ERROR, c, "write the year with four digits, like 2023",
                        "column %u (%s): \"%s\" is not a year from %d to %d", c->col,
                        c->name, table_show(c->s, sb), YEAR_MIN, YEAR_MAX);
    return false;
}

/* Check that the payment year y (cell c) is from the decided year d (cell
 * dc) to MAX_YEARS_AFTER years after it. */
static void check_years(table *t, const table_cell *c, int y, const table_cell *dc, int d)
{
    if (y < d)
        table_note_cell(t, DIAG_ERROR, c,
                        "money is paid in the year it is decided or later: check both years",
                        "column %u (%s): paid in %d, before it was decided in %d (column %u, "
                        "%s)",
                        c->col, c->name, y, d, dc->col, dc->name);
    else if (y - d > MAX_YEARS_AFTER)
        table_note_cell(t, DIAG_ERROR, c,
                        "grants run for at most a few years: check both years",
                        "column %u (%s): paid in %d, more than %d years after it was decided "
                        "in %d (column %u, %s)",
                        c->col, c->name, y, MAX_YEARS_AFTER, d, dc->col, dc->name);
}

/* Report an empty required text cell: "column 1 (Løbenr): the <what> is empty". */
static void check_text(table *t, const table_cell *c, const char *what, const char *hint)
{
    if (c->len == 0)
        table_note_cell(t, DIAG_ERROR, c, hint, "column %u (%s): the %s is empty", c->col,
                        c->name, what);
}

/* True if row's Løbenr is key. */
static bool same_id(void *ctx, size_t row, const char *key)
{
    const reader *r = ctx;
    return strcmp(r->out->v[row].id, key) == 0;
}

/* Report the Løbenr of the row just added (cell c) if an earlier row has
 * it. Returns 0, or -1 on out of memory. */
static int check_duplicate(table *t, reader *r, const table_cell *c)
{
    size_t row = r->out->n - 1, first;
    const ledger_row *w = &r->out->v[row];
    int rc;

    if (c->len == 0)
        return 0;
    rc = table_index_put(&r->ids, w->id, table_hash(w->id), row, same_id, r, &first);
    if (rc > 0)
        table_note_cell(t, DIAG_ERROR, c,
                        "every commitment needs its own number: delete the duplicate row or "
                        "give it a new Løbenr",
                        "Løbenr %s appears on lines %u and %u", w->id, r->out->v[first].line,
                        w->line);
    return rc < 0 ? -1 : 0;
}

/* The text of the cell of column k, or "" when the file lacks the column. */
static const char *text_of(const table_row *row, int k)
{
    return row->cell[k] ? row->cell[k]->s : "";
}

/* Check one row and append it; a table_row_fn. A required column the file
 * lacks has been reported with the header: its cell is NULL here, and its
 * value stays empty or 0. */
static int read_row(table *t, const table_row *row, void *ctx)
{
    reader *r = ctx;
    const table_cell *const *cell = row->cell;
    ledger_row w;
    bool decided_ok = false, year_ok = false;

    memset(&w, 0, sizeof w);
    w.line = row->line;
    w.kind = LEDGER_MULTI_YEAR;
    if (cell[COL_ID])
        check_text(t, cell[COL_ID], "commitment number (Løbenr)",
                   "give every commitment its own number, like L2023-001");
    if (cell[COL_DECIDED])
        decided_ok = read_year(t, cell[COL_DECIDED], &w.decided);
    if (cell[COL_YEAR])
        year_ok = read_year(t, cell[COL_YEAR], &w.year);
    if (decided_ok && year_ok)
        check_years(t, cell[COL_YEAR], w.year, cell[COL_DECIDED], w.decided);
    if (cell[COL_ASSOCIATION])
        check_text(t, cell[COL_ASSOCIATION], "association",
                   "write the name of the association that holds the commitment");
    if (cell[COL_AMOUNT] && !table_amount(t, cell[COL_AMOUNT], &w.amount))
        w.amount = 0;
    if (cell[COL_KIND] && read_kind(t, cell[COL_KIND], &w.kind) != 0)
        return -1;

    /* append copies the strings: the cells' text is only borrowed */
    w.id = (char *)text_of(row, COL_ID);
    w.nr = (char *)text_of(row, COL_NR);
    w.association = (char *)text_of(row, COL_ASSOCIATION);
    w.cvr = (char *)text_of(row, COL_CVR);
    if (append(r->out, &w) != 0)
        return -1;
    return cell[COL_ID] ? check_duplicate(t, r, cell[COL_ID]) : 0;
}

/* Read data, or the file name when data is NULL, with table.c. Same return
 * as ledger_parse(). */
static int parse(const char *data, size_t len, const char *name, ledger *out, diag_list *dl)
{
    reader r;
    int rc;
    table_opts opts;
    text_encoding enc = TEXT_UTF8;

    memset(out, 0, sizeof *out);
    memset(&r, 0, sizeof r);
    r.out = out;
    memset(&opts, 0, sizeof opts);
    opts.encoding = &enc;
    rc = table_read_opts(&ledger_spec, &opts, data, len, name, &out->file, read_row, &r, dl);
    table_index_free(&r.ids);
    /* the same notice as for the applications (apps.c) */
    if (enc == TEXT_CP1252)
        diag_add(dl, DIAG_WARNING, name, 0, 0,
                 "if æ, ø or å look wrong in the results, save the file from Excel as \"CSV "
                 "UTF-8 (kommasepareret)\"",
                 "read as Windows-1252, since the file has no UTF-8 letters");
    return rc;
}

int ledger_parse(const char *data, size_t len, const char *filename, ledger *out,
                 diag_list *dl)
{
    return parse(data ? data : "", data ? len : 0, filename, out, dl);
}

int ledger_load(const char *path, ledger *out, diag_list *dl)
{
    return parse(NULL, 0, path, out, dl);
}

/* ---------------------------------------------------------------------------
 * Writing.
 * ------------------------------------------------------------------------- */

/* What write_rows writes. */
typedef struct writing {
    ledger_row_fn row_at; /* the rows, in order from 0 */
    void *ctx;
    bool cvr;             /* write the CVR column */
} writing;

/* The header and one line per row; a table_write_fn. */
static int write_rows(FILE *fp, void *ctx)
{
    const writing *wr = ctx;
    bool first = true;
    ledger_row w;

    for (int k = 0; k < COL_COUNT; k++) {
        if (k == COL_CVR && !wr->cvr)
            continue;
        if (table_write_text(fp, ledger_columns[k].header, first) != 0)
            return -1;
        first = false;
    }
    if (table_write_eol(fp) != 0)
        return -1;
    for (size_t i = 0; wr->row_at(wr->ctx, i, &w) == 1; i++) {
        if (table_write_text(fp, w.id ? w.id : "", true) ||
            table_write_int(fp, w.decided, false) || table_write_int(fp, w.year, false) ||
            table_write_text(fp, w.nr ? w.nr : "", false) ||
            table_write_text(fp, w.association ? w.association : "", false) ||
            (wr->cvr && table_write_text(fp, w.cvr ? w.cvr : "", false)) ||
            table_write_int(fp, w.amount, false) ||
            table_write_text(fp, ledger_kind_name(w.kind), false) || table_write_eol(fp))
            return -1;
    }
    return 0;
}

int ledger_write_each(const char *path, ledger_row_fn row_at, void *ctx, char *err,
                      size_t errsz)
{
    writing wr = {row_at, ctx, false};
    ledger_row w;

    for (size_t i = 0; !wr.cvr && row_at(ctx, i, &w) == 1; i++)
        wr.cvr = w.cvr && w.cvr[0];
    return table_write_file(path, write_rows, &wr, err, errsz);
}

/* Row k of the ledger ctx; a ledger_row_fn. */
static int row_of(void *ctx, size_t k, ledger_row *row)
{
    const ledger *l = ctx;
    if (k >= l->n)
        return 0;
    *row = l->v[k];
    return 1;
}

int ledger_write(const char *path, const ledger *l, char *err, size_t errsz)
{
    return ledger_write_each(path, row_of, (void *)l, err, errsz);
}
