/* apps.h - The applications file: one row per assessed application.
 *
 * A CSV as Danish Excel saves it: ';'-separated, UTF-8 with or without BOM
 * or Windows-1252, amounts as 50.000 or 50000, quoted fields with ';' and
 * line breaks (read with table.h). Columns are found by their Danish header,
 * in any order; see apps_columns for the list. A row may lack trailing
 * fields when all their columns are optional (older Excel drops the ';' of
 * empty cells at the end of a row).
 *
 * Or the workbook itself: apps_load() and apps_load_pool() read a file whose
 * name ends in .xlsx (any case) as its first sheet, turned into the same text
 * by xlsxread.h, so it gets the same checks and its messages carry Excel's
 * row and column numbers. */
#ifndef PULJE_APPS_H
#define PULJE_APPS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "money.h"
#include "pool.h"
#include "table.h"

typedef struct app {
    char *nr;           /* application number as written ("17") */
    char *cvr;          /* CVR number, or "" */
    char *association;  /* forening */
    char *activity;     /* indsats */
    pulje_kr applied;   /* ansøgt */
    pulje_kr assessed;  /* indstillet; 0 when refused */
    bool assessed_given;/* false: the column was empty, assessed = applied (0 if refused) */
    char *refusal;      /* afslag/begrundelse, "" if none */
    int years;          /* antal år requested: 1, 2 or 3 (default 1) */
    int active_years;   /* år aktiv, -1 if not given */
    bool exceptional;   /* undtagelse: a 3-year request marked exceptional */
    int priority;       /* prioritet among multi-year requests, 0 if none */
    unsigned line;      /* line in the file where the row starts */

    /* Earmarks: one entry per [earmark <key>] of the pool, in its order;
     * NULL when the pool has none (see apps_parse_pool()). */
    unsigned *criteria;        /* bit c: criterion c answered yes */
    pulje_kr *supp_asked;      /* "<Key> tillæg ansøgt" */
    pulje_kr *supp_assessed;   /* "<Key> tillæg indstillet"; as asked when empty */
    unsigned *supp_col;        /* the column of "<Key> tillæg ansøgt", for messages */
} app;

/* The text of an app_list's applications: their strings and earmark arrays
 * live in big chunks, not one heap block each (apps.c). */
typedef struct apps_arena apps_arena;

typedef struct app_list {
    char *file;
    app *v;
    size_t n;
    /* Owns the strings and earmark arrays of v (freed by apps_free); NULL
     * for a list built by hand, whose strings someone else owns. Change an
     * application's text with apps_set_text(), never free() it. */
    apps_arena *arena;
    /* multiyear_match_holders(): per application the running multi-year
     * grant it holds in ledger holders_of for year holders_year, found once
     * so that every allocation of a comparison need not fold every name
     * again; NULL until made (freed by apps_free). */
    const struct ledger *holders_of;
    int holders_year;
    struct apps_holder *holder;
} app_list;

/* One application's running multi-year grant (multiyear.h): row + 1 of the
 * first ledger row that matched (0: none) and the last year it is paid. */
typedef struct apps_holder {
    unsigned row;
    int last;
} apps_holder;

/* What a column holds, and so how the reader checks a cell and where in
 * struct app it goes (apps_column.field). */
typedef enum apps_kind {
    APPS_TEXT,    /* char *: free text as written (a name); a number in it on a row one
                   * field short means a field is missing before it */
    APPS_ID,      /* char *: a number kept as text as written (Nr, CVR) */
    APPS_AMOUNT,  /* pulje_kr: whole kroner, min..max (table_amount()) */
    APPS_COUNT,   /* int: a whole number from min to max; empty: .empty */
    APPS_YES_NO   /* bool: ja/x/1 true, nej/0/empty false */
} apps_kind;

/* The number format of the column in the workbook template. */
typedef enum apps_format {
    APPS_FORMAT_GENERAL, /* as Excel guesses */
    APPS_FORMAT_TEXT,    /* "@": kept as typed (leading zeros of a CVR) */
    APPS_FORMAT_KR       /* #,##0 */
} apps_format;

/* The data validation of the column in the workbook template. */
typedef enum apps_check {
    APPS_CHECK_NONE,
    APPS_CHECK_RANGE, /* a whole number from min to max */
    APPS_CHECK_LIST   /* a drop-down: min..max for a count, ja/nej for yes/no */
} apps_check;

/* A column's whole contract: how the reader finds it (col: key, header,
 * aliases, required, the README's meaning), what it holds and how a cell is
 * checked, and how the templates of `pulje init` show it. The README's
 * column table is these rows (test_apps checks it). */
typedef struct apps_column {
    table_column col;    /* what table.c matches headers against */
    apps_kind kind;
    size_t field;        /* offsetof(app, ...) of the value, of the kind's type */
    long long min, max;  /* bounds of an amount or count, in the reader and the template */
    int empty;           /* a count's value when the cell is empty or the column absent */
    const char *what;    /* a count or yes/no: "\"x\" is not <what>" in the message */
    const char *hint;    /* a count or yes/no: how to write a right value */
    const char *note[2]; /* the template's comment on the header, Danish and English */
    double width;        /* the template's column width */
    apps_format format;
    apps_check check;
} apps_column;

/** @brief The known columns, in the order of the templates, terminated by an
 * entry with col.key NULL. */
extern const apps_column apps_columns[];

/** @brief How many apps_columns there are (before the terminator). */
size_t apps_n_columns(void);

/**
 * @brief Parse an applications CSV held in memory.
 *
 * Detects a UTF-8 BOM, valid UTF-8, or else converts from Windows-1252.
 * Checks each row (numbers, negative amounts, assessed above applied, an
 * empty association, duplicate numbers) and reports all problems, not just
 * the first. Each diagnostic has the line the field starts on and its
 * 1-based column. The same association and activity on two rows is a
 * warning only (it does not make the result -1). Reading stops after 1000
 * problems, with one more error saying so.
 *
 * @param data      The bytes.
 * @param len       Their length.
 * @param filename  Name used in diagnostics.
 * @param out       Filled with the rows read (also on -1: rows with the right
 *                  number of fields); overwritten, not freed, on entry. Always
 *                  free with apps_free().
 * @param dl        Problems are appended here.
 * @return 0 if no error was found, -1 otherwise (see dl).
 */
int apps_parse(const char *data, size_t len, const char *filename, app_list *out,
               diag_list *dl);

/**
 * @brief Read and parse an applications file: a CSV, or when path ends in
 * .xlsx the workbook's first sheet (a workbook that cannot be read is one
 * error naming path). Same return as apps_parse().
 */
int apps_load(const char *path, app_list *out, diag_list *dl);

/**
 * @brief apps_parse() for a pool with earmarks: each [earmark <key>] adds a
 * ja/nej column per criterion (the criterion's key as header, e.g.
 * "12-25 år") and "<Key> tillæg ansøgt" / "<Key> tillæg indstillet"; the
 * answers fill app.criteria, supp_asked and supp_assessed. With p NULL or
 * without earmarks it is apps_parse().
 */
int apps_parse_pool(const char *data, size_t len, const char *filename, const pool *p,
                    app_list *out, diag_list *dl);

/**
 * @brief Read and parse an applications file (a CSV or an .xlsx, as
 * apps_load()) for a pool (see apps_parse_pool()).
 */
int apps_load_pool(const char *path, const pool *p, app_list *out, diag_list *dl);

/** @brief Free everything; the struct is zeroed. Safe on a zeroed struct. */
void apps_free(app_list *l);

/**
 * @brief Set one text field of an application of l (e.g. &a->refusal) to a
 * copy of s, kept in l's arena (the old text stays there until apps_free()).
 * @return 0, or -1 on out of memory with *field unchanged.
 */
int apps_set_text(app_list *l, char **field, const char *s);

#endif
