/* multiyear.h - Multi-year grants: eligibility, the cap, and which requests to honour.
 *
 * A request for 2 or 3 years is eligible when the activity has run at least
 * min_active_years and, for 3 years, is marked exceptional. Eligible requests
 * are honoured in priority order (then larger grant, then file order) as long
 * as, in every year they cover, old commitments + new ones stay within the
 * cap: cap_bp / 10.000 of that year's money, rounded down to the krone.
 * Honouring in order is the lexicographic optimum; GLPK, small binary
 * models in rank order (model_choose_ranked), must find the same set, for
 * any number of requests. The amounts are the year-one
 * grants after reduction and rounding, so the cap holds for what is paid.
 * Requests not honoured are one-year grants. Pure computation: no I/O. */
#ifndef PULJE_MULTIYEAR_H
#define PULJE_MULTIYEAR_H

#include <stdbool.h>
#include <stddef.h>

#include "apps.h"
#include "diag.h"
#include "ledger.h"
#include "money.h"
#include "pool.h"

#define MY_YEARS 3 /* the grant year and the two after it */

typedef enum {
    MY_ONE_YEAR = 0,     /* asked for one year */
    MY_HONOURED,         /* granted for the years asked */
    MY_NO_GRANT,         /* refused, or nothing granted: nothing to bind */
    MY_TOO_YOUNG,        /* fewer years of activity than required */
    MY_AGE_UNKNOWN,      /* years of activity not given */
    MY_NOT_EXCEPTIONAL,  /* three years asked without the exception */
    MY_CAP,              /* did not fit under the cap */
    MY_SET_ASIDE         /* holds a running multi-year grant; left out */
} my_status;

typedef struct my_year {
    int year;
    pulje_kr money;   /* the pool's money that year */
    pulje_kr cap;     /* floor(money * cap_bp / 10000) */
    pulje_kr old;     /* multi-year commitments from earlier rounds (ledger) */
    pulje_kr fresh;   /* this round's new multi-year commitments */
} my_year;

typedef struct my_result {
    size_t n;
    my_status *status;   /* per application */
    int *years;          /* years granted: 1..3, 0 when there is no grant */
    my_year y[MY_YEARS];
    int cap_bp;
    size_t n_requested;  /* asked for 2 or 3 years */
    size_t n_eligible;
    size_t n_honoured;
    bool by_model;       /* the GLPK MIP chose (and agreed with the closed form) */
    size_t n_overruled;  /* requests where GLPK's choice differed from the check in
                          * integers (which decided); 0 on every valid pool */
} my_result;

/**
 * @brief Find applicants who hold a running multi-year grant (ledger rows of
 * kind LEDGER_MULTI_YEAR paid in the grant year or later), matched by CVR
 * when both have one, else by association name folded (case, blanks,
 * punctuation). Each is an error naming the application's line and the
 * ledger's line, or, when the pool says running_holders = set_aside, a
 * warning and aside[i] = true.
 *
 * @param aside  n flags out (may be NULL when only checking).
 * @return the number of holders found.
 */
size_t multiyear_holders(const pool *p, const ledger *l, const app_list *apps, bool *aside,
                         diag_list *dl);

/**
 * @brief Find once which applications hold a running multi-year grant in l
 * for p's year, and keep it in apps (apps->holder): multiyear_holders() then
 * reads it instead of folding every name again (compare allocates some 50
 * times). Call it before any thread allocates; the same answer as without.
 * @return 0, or -1 on out of memory (apps unchanged: no cache).
 */
int multiyear_match_holders(const pool *p, const ledger *l, app_list *apps);

/* What the ledger binds in the grant year, as a reason code and figures;
 * the words ("Reserveret ...") are the callers' (reasons.h). */
typedef enum {
    MY_RESERVE_MULTIYEAR = 0, /* all multi-year grants of earlier rounds together */
    MY_RESERVE_AGREEMENT      /* one operating agreement */
} my_reserve_kind;

typedef struct my_reserved {
    my_reserve_kind kind;
    const char *association; /* AGREEMENT: the ledger row's association (borrowed); else NULL */
    int first, last;         /* AGREEMENT: the years it is paid; MULTIYEAR: both p->year - 1 */
    pulje_kr amount;         /* paid in p->year; never 0 */
} my_reserved;

/**
 * @brief The amounts the ledger binds in p->year: one for all multi-year
 * grants (MY_RESERVE_MULTIYEAR) and one per operating agreement
 * (MY_RESERVE_AGREEMENT, first and last year it is paid). Amounts of 0 kr.
 * are left out. The cross-file validation (validate.h) turns them into the
 * pool's reservation lines.
 * @param out  Receives a malloc'ed array (caller frees; NULL when none).
 * @return 0, or -1 on out of memory (*out NULL, *n 0).
 */
int multiyear_reservations(const pool *p, const ledger *l, my_reserved **out, size_t *n);

/**
 * @brief Decide which multi-year requests are honoured.
 *
 * @param grants    n year-one grants (after reduction and rounding).
 * @param aside     n flags from multiyear_holders(), or NULL.
 * @param use_model 1: solve the GLPK MIP too and require it to agree.
 * @param out       Filled on success; free with multiyear_free().
 * @return 0, or -1 (see dl) on out of memory or a solver fault.
 */
int multiyear_choose(const pool *p, const ledger *l, const app_list *apps,
                     const pulje_kr *grants, const bool *aside, int use_model,
                     my_result *out, diag_list *dl);

/** @brief Free a result; the struct is zeroed. Safe on a zeroed struct. */
void multiyear_free(my_result *r);

/**
 * @brief The ledger for next year: every row of old (may be NULL) plus one
 * row per honoured grant-year (id "L<year>-<nnn>", decided p->year, amount
 * = the year-one grant).
 * @return 0, or -1 on out of memory (out empty).
 */
int multiyear_next_ledger(const pool *p, const ledger *old, const app_list *apps,
                          const pulje_kr *grants, const my_result *r, ledger *out);

/**
 * @brief Write the ledger multiyear_next_ledger() would make to path, row by
 * row as ledger_write_each() asks for them, without building it.
 * @return As ledger_write(): 0, or -1 with a one-line explanation in err.
 */
int multiyear_write_next_ledger(const char *path, const pool *p, const ledger *old,
                                const app_list *apps, const pulje_kr *grants,
                                const my_result *r, char *err, size_t errsz);

#endif
