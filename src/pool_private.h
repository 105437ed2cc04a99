/* pool_private.h - What pool.c and pool_earmark.c share while a pool file is
 * read: the sections, the parser's state and its helpers. Not part of the
 * library's interface; include pool.h instead. */
#ifndef PULJE_POOL_PRIVATE_H
#define PULJE_POOL_PRIVATE_H

#include "inifile.h"
#include "pool.h"

enum pool_section {
    SEC_NONE = 0, /* before any header */
    SEC_POOL,
    SEC_BUDGET,
    SEC_RESERVATIONS,
    SEC_EARMARKS,
    SEC_RULES,
    SEC_MULTIYEAR,
    SEC_EARMARK,  /* [earmark <key>]: st->earmark is the one being read */
    SEC_UNKNOWN,  /* reported at its header; its lines are skipped */
    SEC__COUNT
};

/* At least the number of rows in pool.c's key table (checked there). */
#define POOL_KEYS_MAX 40

/* The state shared by the reader and the handlers during one parse. */
typedef struct pool_parser {
    inifile in;                       /* the reader; in.oom: memory ran out */
    pool *p;

    enum pool_section sec;            /* the section the lines now belong to */
    pool_earmark *earmark;            /* SEC_EARMARK: the earmark being read */
    int suggested[SEC__COUNT];        /* an unknown section was taken for this one */
    unsigned key_line[POOL_KEYS_MAX]; /* where each key of the table was first set, 0 if not */
    int money_errors[SEC__COUNT];     /* bad lines in each money section */
    size_t cap_budget, cap_reservations, cap_earmarks, cap_notes;
} pool_parser;

/* Parse an amount at column col of the current line; report and return -1 if
 * it is not one. what names the setting ("threshold"), or is "" for a money line. */
int pool_parse_amount(pool_parser *st, const char *text, unsigned col, const char *what,
                      pulje_kr *out);

/* R0: a minimum or maximum that is not a multiple of the rounding unit is an
 * error at its line, naming the two nearest multiples. */
void pool_check_unit(pool_parser *st, const char *what, pulje_kr v, unsigned line);

/* "pool", "budget", ...: each section's name as written between the brackets
 * ("earmark" for [earmark <key>]; "" for SEC_NONE and SEC_UNKNOWN). */
extern const char *const pool_section_names[SEC__COUNT];

/* Copy n bytes of s, trimmed of blanks and no-break spaces. NULL (and
 * st->in.oom set) if memory ran out. */
char *pool_copy_value(pool_parser *st, const char *s, size_t n);

/* pool_keys.c: the keys of [pool], [rules] and [multiyear]. */

/* Every key's default (the table's); the rest of p is left as it is. This function can't fail. */
void pool_keys_defaults(pool *p);

/* A "name = value" line in [pool], [rules] or [multiyear]: the table's key
 * set, or a diagnostic (unknown key, with a suggestion; set twice; bad value). */
void pool_keys_setting(pool_parser *st, const char *name, const char *value);

/* After the last line: every required key that is missing, at line 0 (not
 * when its section was misspelt, which is reported already). */
void pool_keys_check_required(pool_parser *st);

/* After the last line: min_grant and max_grant against the rounding unit. */
void pool_keys_check_units(pool_parser *st);

/* After the last line, the defaults that depend on the year: residual_label
 * and, when the file has no decision_date line, decision_date (1 January of
 * the grant year). 0, or -1 if memory ran out. */
int pool_keys_year_defaults(pool_parser *st);

/* pool_earmark.c: [earmark <key>] sections. */

/* A new [earmark <key>] header at column col: st->sec becomes SEC_EARMARK,
 * or SEC_UNKNOWN (after a diagnostic) if the key is not one word or not unique. */
void pool_earmark_start(pool_parser *st, const char *key, unsigned col);

/* A "name = value" line in the earmark being read. */
void pool_earmark_setting(pool_parser *st, const char *name, const char *value);

/* After the last line: each earmark has a label, runs in the pool's year, and
 * every tier includes the required criteria (no tiers: one, the required). */
void pool_earmark_check(pool_parser *st);

/* After the last line and the rounding: min and max of each earmark. */
void pool_earmark_check_units(pool_parser *st);

/* Free what one earmark holds. This function can't fail. */
void pool_earmark_free(pool_earmark *e);

#endif
