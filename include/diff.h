/* diff.h - What changed between two runs: per application, and in total.
 *
 * A run is seen as what its run folder keeps (run.h): the run record's
 * "key: value" lines (the rule, the key figures, the pool's parameters and
 * the inputs' digests) and one row per application from the decisions
 * CSV. diff_compare() lines the rows of two runs up by application number
 * and says, for every application whose grant, supplements, years, status
 * or reason changed (or whose own row changed), old -> new and why: the
 * causes of diff_causes[] (diff.c), in the order of that table. Reading
 * the folders is diff_read.c; words for people are diff_text.c. Nothing
 * here reads a file or prints. */
#ifndef PULJE_DIFF_H
#define PULJE_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "money.h"

typedef enum { DIFF_GRANTED = 0, DIFF_REDUCED, DIFF_REFUSED } diff_status;

/* One application as a run decided it. */
typedef struct diff_row {
    char *nr;             /* the application's number (the key) */
    char *association;
    char *refusal;        /* the application's own refusal text ("" = none) */
    char *reason;         /* the reason in words, in the run's language */
    pulje_kr applied;
    pulje_kr assessed;    /* the claim taken into the rule (0 if refused) */
    pulje_kr grant;       /* the ordinary grant, year one */
    pulje_kr supplements; /* all earmark supplements together */
    int years_asked, years;
    diff_status status;
} diff_row;

/* One line of a run record. */
typedef struct diff_kv {
    char *key, *value;
} diff_kv;

/* One run: its record (none for a bare decisions CSV) and its rows. */
typedef struct diff_run {
    int no;             /* NNN of koersel-NNN; 0 when not a numbered run */
    char name[256];     /* "koersel-003", or the CSV's file name */
    diff_kv *kv;
    size_t n_kv;
    diff_row *rows;
    size_t n;
} diff_run;

/* Why an application's outcome changed: one bit per row of diff_causes[]. */
typedef enum {
    /* the application's own row */
    DIFF_CAUSE_ASSESSED = 1u << 0, /* its assessed amount */
    DIFF_CAUSE_APPLIED = 1u << 1,  /* the amount applied for */
    DIFF_CAUSE_REFUSAL = 1u << 2,  /* its refusal (the Afslag column) */
    DIFF_CAUSE_YEARS = 1u << 3,    /* its multi-year request (years asked) */
    /* the pool, from the run records */
    DIFF_CAUSE_RULE = 1u << 4,     /* the rule, its threshold, min or max */
    DIFF_CAUSE_BUDGET = 1u << 5,   /* the budget lines' total */
    DIFF_CAUSE_LEDGER = 1u << 6,   /* the reservations (the ledger) */
    DIFF_CAUSE_EARMARK = 1u << 7,  /* the earmarked money */
    DIFF_CAUSE_PARAM = 1u << 8,    /* rounding, cap, min_active_years, later years' money */
    DIFF_CAUSE_POOL = 1u << 9,     /* the pool file, in keys the record does not show */
    /* none of those */
    DIFF_CAUSE_OTHERS = 1u << 10,  /* only others' rows changed: the shared factor moved */
    DIFF_CAUSE_NEW = 1u << 11,     /* not in the older run */
    DIFF_CAUSE_REMOVED = 1u << 12, /* not in the newer run */
    DIFF_CAUSE_UNKNOWN = 1u << 13  /* no changed input found (e.g. --closed-form) */
} diff_cause;

enum { DIFF_N_CAUSES = 14 };

/* What a cause looks at. */
typedef enum {
    DIFF_ON_ROW,    /* the application's two rows (test) */
    DIFF_ON_RECORD, /* the two records' lines named by keys */
    DIFF_ON_NONE    /* decided by the comparison itself */
} diff_on;

/* One row of the table of causes. */
typedef struct diff_cause_def {
    diff_cause cause;
    diff_on on;
    const char *keys[4]; /* DIFF_ON_RECORD: the record's keys, NULL-terminated */
    /* DIFF_ON_ROW: whether the own rows differ in what this cause covers */
    bool (*test)(const diff_row *a, const diff_row *b);
    const char *meaning; /* one English line, for the README */
} diff_cause_def;

extern const diff_cause_def diff_causes[DIFF_N_CAUSES];

/* One changed application. */
typedef struct diff_change {
    const diff_row *a, *b; /* the older and newer row; NULL when new or removed */
    unsigned causes;       /* diff_cause bits */
} diff_change;

/* A record line that differs between the runs (a pool-wide cause). */
typedef struct diff_pool_change {
    diff_cause cause;
    const char *key;
    const char *a, *b; /* the values, "" when missing; point into the runs */
} diff_pool_change;

typedef struct diff_result {
    const diff_run *a, *b;     /* borrowed: the runs outlive the result */
    diff_change *v;            /* in the newer run's order, then the removed */
    size_t n;
    size_t n_changed, n_new, n_removed, n_unchanged;
    diff_pool_change pool[16]; /* the record lines that differ */
    size_t n_pool;
    unsigned pool_causes;      /* their causes */
    pulje_kr granted_a, granted_b, supplements_a, supplements_b, assessed_a, assessed_b;
} diff_result;

/**
 * @brief Compare run a (older) with run b (newer). Reasons are compared only
 * when both records name the same language (or neither has a record).
 * @return 0 (out filled; free with diff_result_free()), -1 when memory ran out.
 */
int diff_compare(const diff_run *a, const diff_run *b, diff_result *out);

/** @brief Free the changes; out is zeroed. Safe on a zeroed result. */
void diff_result_free(diff_result *out);

/** @brief The value of record key in run r, or NULL when it has none. */
const char *diff_kv_get(const diff_run *r, const char *key);

/** @brief Free what run r owns; r is zeroed. Safe on a zeroed run. */
void diff_run_free(diff_run *r);

/**
 * @brief Append a record line to r (copies key and value).
 * @return 0, or -1 when memory ran out.
 */
int diff_run_add_kv(diff_run *r, const char *key, const char *value);

/**
 * @brief Append a row to r; the strings are copied (NULL reads as "").
 * @return 0, or -1 when memory ran out.
 */
int diff_run_add_row(diff_run *r, const diff_row *row);

/**
 * @brief The run record's text (RUN_RECORD, "key: value" lines) into r's
 * record lines. Lines without ": " are skipped.
 * @return 0, or -1 when memory ran out.
 */
int diff_parse_record(const char *text, size_t len, diff_run *r);

#endif
