/* followup.h - The follow-up ledger (opfoelgning.csv): each grant's reporting duty.
 *
 * A run writes <base>-opfoelgning.csv beside the commitments ledger: one row
 * per application with a grant, with its duty by size (letters_duty(): a
 * short report, a report and accounts, or a report and audited accounts;
 * [pool] report_limit and audit_limit), the deadline ([pool]
 * report_deadline, or empty), and two columns the officer fills in during
 * the year: the date the report was received and the amount paid back.
 *
 *   Nr;CVR;Forening;Tilskudsår;Tilskud (kr.);Aflæggelse;Frist;Modtaget;Tilbagebetalt (kr.)
 *
 * Next year's pool names it (`[pool] followup = opfoelgning-2023.csv`):
 * check and run then find the applicants (by CVR, else by the association's
 * folded name) whose report is overdue, that is due before the new round's
 * decision_date and not received, and warn at their row or, with `[pool]
 * overdue = refuse`, refuse them ("Manglende afrapportering ..."). init
 * --from carries the ledger and offers the amount paid back as a budget line. */
#ifndef PULJE_FOLLOWUP_H
#define PULJE_FOLLOWUP_H

#include <stddef.h>

#include "alloc.h"
#include "apps.h"
#include "diag.h"
#include "money.h"
#include "pool.h"

/* The duties, as the ledger writes them (Aflæggelse). */
#define FOLLOWUP_DUTY_SHORT "kort rapport"
#define FOLLOWUP_DUTY_ACCOUNTS "regnskab"
#define FOLLOWUP_DUTY_AUDITED "revideret regnskab"

typedef struct followup_row {
    char *nr, *cvr, *association;
    int year;            /* the grant's year */
    pulje_kr amount;     /* the year's grant plus supplements */
    int duty;            /* 0 short report, 1 accounts, 2 audited accounts */
    char *due;           /* YYYY-MM-DD, or "" */
    char *received;      /* YYYY-MM-DD, or "" (not yet) */
    pulje_kr repaid;     /* paid back */
    unsigned line;       /* in the file read; 0 when made from a result */
} followup_row;

typedef struct followup {
    char *file;          /* the file read, or NULL */
    followup_row *v;
    size_t n;
} followup;

/**
 * @brief The follow-up rows of a verified result: one per application with
 * a grant above 0, in the applications' order.
 * @return 0, or -1 on out of memory (out empty).
 */
int followup_from_result(const pool *p, const app_list *apps, const alloc_result *r,
                         followup *out);

/** @brief Write f as the follow-up ledger at path, atomically. @return 0, or -1 with err set. */
int followup_write(const char *path, const followup *f, char *err, size_t errsz);

/** @brief followup_from_result(), then followup_write(). @return 0, or -1 with err set. */
int followup_write_result(const char *path, const pool *p, const app_list *apps,
                          const alloc_result *r, char *err, size_t errsz);

/**
 * @brief Read a follow-up ledger (the table reader's rules: ';', UTF-8 or
 * Windows-1252, amounts Danish). Bad dates and amounts are errors at their cell.
 * @return 0, or -1 (see dl). Free out with followup_free() either way.
 */
int followup_load(const char *path, followup *out, diag_list *dl);

/** @brief Free the rows; the struct is zeroed. Safe on a zeroed struct. */
void followup_free(followup *f);

/** @brief The amount paid back in all. This function can't fail. */
pulje_kr followup_repaid(const followup *f);

/** @brief The rows whose report was received. This function can't fail. */
size_t followup_received(const followup *f);

/** @brief Whether row w is overdue on date today (YYYY-MM-DD). */
int followup_overdue(const followup_row *w, const char *today);

/**
 * @brief The pool's follow-up ledger ([pool] followup, relative to the pool
 * file; nothing when the key is absent) against this round's applications:
 * one warning per applicant with an overdue report, at its row; with
 * p->overdue_refuse the application is refused instead (assessed 0, the
 * refusal L_FU_REFUSAL) and the warning says so.
 * @return the number of applicants with an overdue report, or -1 when the
 *         ledger cannot be read (dl says why; also on out of memory, dl->oom).
 */
long followup_apply(const pool *p, app_list *apps, diag_list *dl);

#endif
