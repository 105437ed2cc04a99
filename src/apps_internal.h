/* apps_internal.h - What the files of the applications reader share
 * (apps.c, apps_columns.c, apps_dups.c): the indexes of the columns the
 * reader names, the reading in progress, the duplicate checks. Not for use
 * outside the module; the public API is apps.h. */
#ifndef PULJE_APPS_INTERNAL_H
#define PULJE_APPS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apps.h"
#include "table.h"

/* The columns the reader's rules between columns name (the amounts, the
 * refusal, the duplicate checks): the first rows of apps_columns, by these
 * indexes. Every other column is read by its kind alone. */
enum { COL_NR, COL_CVR, COL_ASSOCIATION, COL_ACTIVITY, COL_APPLIED, COL_ASSESSED, COL_REFUSAL };

/* What the row callback keeps between rows. */
typedef struct reader {
    table *t;              /* the reading, for notes */
    const table_row *row;  /* the row being checked */
    app_list *out;
    size_t cap;            /* capacity of out->v */
    bool oom;              /* out of memory in a duplicate look-up */
    table_index nrs;       /* Nr -> first row with it */
    const pool *pool;      /* earmarks give extra columns; NULL if none */
    size_t *em_first;      /* per earmark: its first column in the spec */
    table_index pairs;     /* folded association + activity -> first row with them */
    table_index cvrpairs;  /* CVR + folded activity -> first row with them */
    char *scratch;
    size_t scratchcap;
} reader;

/* The cell of known column k in the current row, NULL if the file lacks the column. */
static inline const table_cell *get(const reader *r, int k)
{
    return r->row->cell[k];
}

/* The keys of a row for the duplicate checks. */
typedef struct row_keys {
    const char *nr; /* the Nr cell, NULL if empty or absent */
    uint32_t hnr;
    char *pair;     /* folded association + activity (malloc'ed), NULL if no association */
    uint32_t hpair;
    char *cvrpair;  /* "cvr:<cvr>" + activity, folded (malloc'ed), NULL if no CVR */
    uint32_t hcvrpair;
} row_keys;

/* Room for need (> 0) elements of size bytes in buf, which holds *cap:
 * doubles until it fits. Returns the buffer, perhaps moved, or NULL on out of
 * memory with buf and *cap unchanged (apps.c). */
void *apps_grow(void *buf, size_t *cap, size_t need, size_t size);

/* Compute the current row's keys for the duplicate checks and prefetch
 * their index slots. Returns 0, or -1 on out of memory (apps_dups.c). */
int apps_prepare_keys(reader *r, row_keys *k);

/* Look for an earlier row with the same Nr (an error naming both lines) or,
 * failing that, the same association or CVR and activity (an error: one
 * application listed twice). row is the row just added. Returns 0, or -1 on
 * out of memory (apps_dups.c). */
int apps_check_duplicates(reader *r, const row_keys *k, size_t row);

#endif
