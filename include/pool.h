/* pool.h - The pool file: budget, reservations, earmarks and rules of one round.
 *
 * An INI file read with inih. Sections and keys:
 *
 *   [pool]          name, committee, year, decision_date (YYYY-MM-DD;
 *                   default 1 January of year), applications (path,
 *                   relative to the pool file), applications_sheet,
 *                   short_name, ledger, org_id, org_name, id_prefix,
 *                   case_number, guidelines, notes (repeatable)
 *   [budget]        <Danish label> = <amount>   one line per money source
 *   [reservations]  <Danish label> = <amount>   money already bound
 *   [earmarks]      <Danish label> = <amount>   earmarked money, handed out apart
 *   [rules]         rule, threshold, min_grant, max_grant, rounding, residual_label
 *   [multiyear]     cap (55 %), min_active_years (5), money_year2, money_year3,
 *                   running_holders (error | set_aside)
 *   [earmark <key>] label, amount, years (2023-2025), criterion <key> = <text>,
 *                   required (keys), tier <n> (keys), unused (residual | main),
 *                   min, max (supplements in the rationed tier; multiples of rounding)
 *
 * Labels are shown to people exactly as written; amounts are Danish
 * (6.318.216 or 6318216). Every problem is appended to a diag_list with the
 * file, line and column. */
#ifndef PULJE_POOL_H
#define PULJE_POOL_H

#include <stddef.h>

#include "diag.h"
#include "money.h"
#include "rules.h"

struct ledger;
struct digest_list;

#define POOL_MAX_CRITERIA 16
#define POOL_MAX_TIERS 8

/* One criterion of an earmark: a short key (also the applications' column
 * header) and its Danish description. */
typedef struct pool_criterion {
    char *key;
    char *text;
} pool_criterion;

/* Earmarked money with criteria: [earmark <key>]. */
typedef struct pool_earmark {
    char *key;              /* "trivsel": names the supplement columns */
    char *label;            /* "Midler til mental trivsel 12-25 år" */
    pulje_kr amount;        /* this year's money */
    int first_year, last_year;
    pool_criterion criteria[POOL_MAX_CRITERIA];
    size_t n_criteria;
    unsigned required;      /* bit i set: criterion i is required */
    unsigned tiers[POOL_MAX_TIERS]; /* bit masks of criteria, first tier first */
    size_t n_tiers;
    int unused_to_main;     /* 1: unused money back into the main pool; 0: residual line */
    unsigned line;          /* the section header's line */
    pulje_kr min_supp;      /* min: the smallest supplement in a rationed tier; 0 = none */
    pulje_kr max_supp;      /* max: the largest supplement in a rationed tier; 0 = none */
    unsigned min_line, max_line; /* where min and max were set; 0 = not set */
} pool_earmark;

typedef struct pool_line {
    char *label;
    pulje_kr amount;
    unsigned line;   /* where it stands in the pool file; 0 = computed from the ledger */
} pool_line;

typedef struct pool {
    char *file;            /* the pool file's name as given */
    char *name;            /* "§ 18-Hovedpuljen" */
    char *committee;       /* "Beskæftigelses- og Socialudvalget" */
    int year;              /* the grant year, e.g. 2023 */
    char *decision_date;   /* "2022-12-13"; absent from the file: "<year>-01-01" */
    char *applications;    /* path of the applications file, relative to the pool file */

    pool_line *budget;       size_t n_budget;
    pool_line *reservations; size_t n_reservations;
    pool_line *earmarks;     size_t n_earmarks;   /* plain [earmarks] lines */
    pool_earmark *earmark_defs; size_t n_earmark_defs; /* [earmark <key>] sections */

    char *short_name;      /* "Hovedpuljen": used in computed labels; default = name */
    char *ledger;          /* path of the commitments ledger, relative to the pool file; NULL = none */
    const struct ledger *commitments; /* the loaded ledger, set by the caller; not owned */

    /* open data (opendata.h): who publishes the grants, and how they are named */
    char *org_id;          /* the funder's org identifier, e.g. "DK-CVR-12345678"; NULL = derived */
    char *org_name;        /* the funder's name; NULL = committee, else name */
    char *id_prefix;       /* 360Giving identifier prefix; NULL = "360G-pulje" */

    /* [multiyear] */
    int cap_bp;            /* share of the money that may be bound, in basis points; default 5500 */
    int min_active_years;  /* years of activity required for a multi-year grant; default 5 */
    pulje_kr later_money[2];  /* the money of year+1 and year+2; 0 = this year's budget total */
    int holders_set_aside; /* 1: a running holder's application is set aside with a warning */

    rule_params rule;      /* default: threshold rule at 50.000 kr. */
    pulje_kr rounding;     /* 1, 10, 100, 1.000 ...; default 1 */
    char *residual_label;  /* default "Restmidler overføres til Udviklingspuljen <year>" */

    const struct digest_list *inputs; /* SHA-256 of the input files, set by the caller
                                         for the workbook's properties; not owned; may be NULL */

    /* Where things stand in the pool file, for messages (0 = not in the file):
     * the first header of [budget], [reservations], [earmarks] and [multiyear]
     * (a non-zero multiyear_line: the pool has a [multiyear] section), and the
     * `ledger =` key. */
    unsigned budget_line, reservations_line, earmarks_line, multiyear_line, ledger_line;
    const struct diag_list *warnings; /* the run's warnings, set by the caller for the
                                         workbook's list of them; not owned; may be NULL */
    char *applications_sheet; /* [pool] applications_sheet: the .xlsx sheet to read; NULL = first */

    /* for the committee papers; all optional (NULL, 0 = not given) */
    char *case_number;     /* [pool] case_number: the case's number (sagsnummer) */
    char *guidelines;      /* [pool] guidelines: the guidelines referred to (retningslinjer) */
    char **notes;          /* [pool] notes: remarks (bemærkninger), in the file's order;
                              each `notes =` line adds, "\n" in a value separates */
    size_t n_notes;
    bool decision_date_default; /* no decision_date line: 1 January of the year is used */
    char *members;         /* [pool] members: the members file (members.h), relative to
                              the pool file; NULL = none */
    /* after the decision (letters.h, followup.h) */
    char *letter;          /* [pool] letter: the letter template, relative to the pool
                              file; NULL = the built-in one */
    char *report_deadline; /* [pool] report_deadline: YYYY-MM-DD, when reports are due;
                              NULL = none given */
    pulje_kr report_limit; /* [pool] report_limit: up to this a short report (20.000) */
    pulje_kr audit_limit;  /* [pool] audit_limit: above this audited accounts (50.000) */
    char *followup;        /* [pool] followup: last round's follow-up ledger (followup.h),
                              relative to the pool file; NULL = none */
    int overdue_refuse;    /* [pool] overdue: 0 warn (default), 1 refuse applicants whose
                              report is overdue */
} pool;

/**
 * @brief Parse a pool file held in memory.
 *
 * @param text      The file's bytes (UTF-8, BOM allowed), not necessarily NUL-terminated.
 * @param len       Their length.
 * @param filename  Name used in diagnostics.
 * @param out       Filled as far as the file allows; always free with pool_free().
 * @param dl        Problems are appended here.
 * @return 0 if no error was found, -1 otherwise (see dl).
 */
int pool_parse(const char *text, size_t len, const char *filename, pool *out,
               diag_list *dl);

/** @brief Read and parse a pool file. Unreadable files are a diagnostic. Same return as pool_parse(). */
int pool_load(const char *path, pool *out, diag_list *dl);

/** @brief Free everything a pool holds; the struct is zeroed. Safe on a zeroed struct. */
void pool_free(pool *p);

/**
 * @brief The applications file's path as seen from here: `applications`
 * joined to the pool file's directory (unchanged if it is absolute or the
 * pool file has no directory part).
 *
 * @code
 * // file "inputs/pulje-2023.ini", applications "ansoegninger-2023.csv"
 * char *path = pool_applications_path(&p);  // "inputs/ansoegninger-2023.csv"
 * free(path);
 * @endcode
 * @return A malloc'ed string (caller frees), or NULL if the pool has no
 *         applications path or memory ran out.
 */
char *pool_applications_path(const pool *p);

/** @brief The ledger's path, resolved like pool_applications_path(); NULL if none. */
char *pool_ledger_path(const pool *p);

/** @brief Any file the pool names (rel), resolved like pool_applications_path();
 * malloc'ed; NULL if rel is NULL or memory ran out. */
char *pool_path_beside(const pool *p, const char *rel);

/** @brief The name used in computed labels: short_name, or name. Never NULL. */
const char *pool_short_name(const pool *p);

/** @brief The pool's money in year (year, year+1 or year+2): budget total or money_yearN. */
pulje_kr pool_money_in(const pool *p, int year);

/**
 * @brief Parse a percentage "55 %", "55", "55,5 %" into basis points (5500, 5550).
 * @return 0, or -1 if it is not a percentage from 0 to 100 with at most two decimals.
 */
int pool_parse_percent(const char *s, int *bp);

/** @brief Sum of the budget lines (rådighedsbeløb). */
pulje_kr pool_budget_total(const pool *p);
/** @brief Sum of the reservations. */
pulje_kr pool_reserved_total(const pool *p);
/** @brief Sum of the earmarks: plain [earmarks] lines and [earmark <key>] amounts. */
pulje_kr pool_earmarked_total(const pool *p);

/**
 * @brief How many keys [pool], [rules] and [multiyear] have: the rows of the
 * key table (pool_keys.c). This function can't fail.
 */
size_t pool_key_count(void);

/**
 * @brief Key i of the table: its name ("threshold"), its section ("rules")
 * and a valid example value ("40.000"), for listings and tests.
 *
 * @code
 * for (size_t i = 0; i < pool_key_count(); i++) {
 *     const char *name, *section, *example;
 *     pool_key_info(i, &name, &section, &example);
 *     printf("[%s] %s = %s\n", section, name, example);
 * }
 * @endcode
 * @return 0, or -1 (nothing set) if i is not below pool_key_count().
 */
int pool_key_info(size_t i, const char **name, const char **section, const char **example);

#endif
