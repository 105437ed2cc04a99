/* members.h - Conflicts of interest (inhabilitet): who must not take part in which item.
 *
 * Forvaltningsloven § 3: a committee or panel member who takes part in the
 * management of an applying association (sits on its board) must not take
 * part in that application. The pool names a members file ([pool] members =
 * medlemmer.csv, beside the pool file), read with the table reader (table.h:
 * ';', UTF-8 with or without BOM or Windows-1252, any column order):
 *
 *   Navn         the member's name (required)
 *   Rolle        udvalg (the committee) or indstillingsudvalg (the
 *                assessment panel); also committee / panel
 *   Tilknytning  the associations the member is tied to, ';'-separated in
 *                the cell ("12345678; Foreningen Ø"): an 8-digit CVR
 *                (dots and blanks allowed: 12.345.678) or a name. May be
 *                empty. A member may have several rows.
 *   Vurderet     the applications the member assessed (a panel member's
 *                share of the work): numbers and ranges, ';' or ','
 *                between them ("1-20; 34"). May be empty or absent.
 *
 * A tie matches an application by CVR (equal 8 digits) or by name, folded
 * by text_fold_name() exactly as the duplicate check folds. Each member with
 * matches gets one DIAG_WARNING at its row in the members file, naming the
 * applications by number and association; check and run print them as
 * "advarsel:" and the Resumé lists them. A member who assessed an
 * application they are tied to gets one more warning at the same row,
 * naming both. Matching is pure; members_check() reads the file. */
#ifndef PULJE_MEMBERS_H
#define PULJE_MEMBERS_H

#include <stdbool.h>
#include <stddef.h>

#include "apps.h"
#include "diag.h"
#include "pool.h"

typedef enum { MEMBER_COMMITTEE = 0, MEMBER_PANEL } member_role;

typedef struct member {
    char *name;
    member_role role;
    char **ties;        /* as written, trimmed */
    size_t n_ties;
    unsigned line;      /* the row in the members file */
    char **assessed;    /* Vurderet: numbers or ranges ("1-20") as written, trimmed */
    size_t n_assessed;
} member;

typedef struct member_list {
    char *file;         /* the file's name as read (diagnostics) */
    member *v;
    size_t n;
} member_list;

/* One application a member must not take part in. */
typedef struct member_conflict {
    size_t member;      /* index in member_list.v */
    size_t app;         /* index in app_list.v */
    size_t tie;         /* the member's tie that matched (index in ties) */
    bool by_cvr;        /* matched by CVR, else by the folded name */
} member_conflict;

/**
 * @brief Read a members file: from data (len bytes) when not NULL, else from
 * the file name. Problems (a missing name, an unknown role) are errors in dl
 * naming line and column.
 * @return 0, or -1 if an error was added (out holds what was read; free it).
 */
int members_read(const char *data, size_t len, const char *name, member_list *out,
                 diag_list *dl);

/** @brief Free a list; the struct is zeroed. Safe on a zeroed struct. */
void members_free(member_list *m);

/**
 * @brief Whether member mb assessed the application numbered nr: a number
 * of its Vurderet column equal to nr (leading zeros aside), or a range
 * "a-b" holding it. This function can't fail.
 */
bool members_assessed(const member *mb, const char *nr);

/**
 * @brief The 8 digits of a CVR written as a tie ("12345678", "12.345.678",
 * "CVR 12 34 56 78"), or false when the text is not one (buf then untouched).
 * This function can't fail.
 */
bool members_tie_cvr(const char *tie, char buf[9]);

/**
 * @brief Every (member, application) pair where one of the member's ties
 * names the application's association, by member then application order,
 * each pair once (the first tie that matched).
 * @return 0 (*out malloc'ed, NULL when *n is 0; caller frees), or -1 on out
 *         of memory.
 */
int members_conflicts(const member_list *m, const app_list *apps, member_conflict **out,
                      size_t *n);

/**
 * @brief The members file's path: [pool] members joined to the pool file's
 * folder (unchanged when absolute or the pool file has no folder).
 * @return A malloc'ed string (caller frees); NULL when the pool names no
 *         members file or memory ran out.
 */
char *members_path(const pool *p);

/**
 * @brief The members file of p ([pool] members joined to the pool file's
 * folder), read and matched against apps: one warning per member with
 * conflicts. Nothing when the pool names no members file.
 * @return 0; -1 when the file has errors (in dl); -2 on out of memory.
 */
int members_check(const pool *p, const app_list *apps, diag_list *dl);

#endif
