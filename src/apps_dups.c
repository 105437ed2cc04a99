/* apps_dups.c - The applications reader's duplicate checks: the same Nr
 * twice, or the same association (or CVR) with the same activity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apps_internal.h"
#include "text.h"

/* True if row's Nr is key. */
static bool same_nr(void *ctx, size_t row, const char *key)
{
    const reader *r = ctx;
    return strcmp(r->out->v[row].nr, key) == 0;
}

/* The duplicate key of an application: who (its association, or "cvr:" and
 * its CVR) and its activity, folded: case, blanks and ASCII punctuation do
 * not count, so "Foreningen A." and "foreningen  a" are the same. */
static char *fold_pair(reader *r, const char *association, const char *activity)
{
    size_t la = strlen(association), lb = strlen(activity);
    char *buf = apps_grow(r->scratch, &r->scratchcap, la + lb + 2, 1);
    if (!buf)
        return NULL;
    r->scratch = buf;
    memcpy(buf, association, la);
    buf[la] = '\x1f';
    memcpy(buf + la + 1, activity, lb + 1);
    return text_fold_name(buf); /* the one name folding (text.h) */
}

/* "cvr:<digits>" for a CVR cell, in buf (size >= 48); NULL if none. */
static const char *cvr_who(const char *cvr, char *buf)
{
    size_t n = 0;
    if (!cvr)
        return NULL;
    n = (size_t)snprintf(buf, 48, "cvr:");
    for (const char *c = cvr; *c && n < 46; c++)
        if (*c >= '0' && *c <= '9')
            buf[n++] = *c;
    buf[n] = '\0';
    return n > 4 ? buf : NULL;
}

/* True if row's folded association + activity is key (on out of memory:
 * false, and r->oom is set). Only the hash of a pair is kept, so a row whose
 * hash matches is folded again here. */
static bool same_cvrpair(void *ctx, size_t row, const char *key)
{
    reader *r = ctx;
    char who[48];
    const char *w = cvr_who(r->out->v[row].cvr, who);
    char *k = w ? fold_pair(r, w, r->out->v[row].activity) : NULL;
    bool same;
    if (w && !k) {
        r->oom = true;
        return false;
    }
    same = k && strcmp(k, key) == 0;
    free(k);
    return same;
}

static bool same_pair(void *ctx, size_t row, const char *key)
{
    reader *r = ctx;
    char *k = fold_pair(r, r->out->v[row].association, r->out->v[row].activity);
    bool same;
    if (!k) {
        r->oom = true;
        return false;
    }
    same = strcmp(k, key) == 0;
    free(k);
    return same;
}

/* Compute the current row's keys and prefetch their index slots, so that
 * the look-ups after the row is read do not wait for memory. Returns 0, or
 * -1 on out of memory. */
int apps_prepare_keys(reader *r, row_keys *k)
{
    const table_cell *nr = get(r, COL_NR), *as = get(r, COL_ASSOCIATION),
                     *ac = get(r, COL_ACTIVITY);
    memset(k, 0, sizeof *k);
    if (nr && nr->len) {
        k->nr = nr->s;
        k->hnr = table_hash(k->nr);
        table_index_prefetch(&r->nrs, k->hnr);
    }
    if (as && as->len) {
        k->pair = fold_pair(r, as->s, ac ? ac->s : "");
        if (!k->pair)
            return -1;
        k->hpair = table_hash(k->pair);
        table_index_prefetch(&r->pairs, k->hpair);
    }
    const table_cell *cv = get(r, COL_CVR);
    char who[48];
    if (cv && cv->len && cvr_who(cv->s, who)) {
        k->cvrpair = fold_pair(r, who, ac ? ac->s : "");
        if (!k->cvrpair) {
            free(k->pair);
            k->pair = NULL;
            return -1;
        }
        k->hcvrpair = table_hash(k->cvrpair);
    }
    return 0;
}

/* Look for an earlier row with the same Nr (an error naming both lines) or,
 * failing that, the same association and activity (a warning: the 2023
 * round recommended one application twice). row is the row just added.
 * Returns 0, or -1 on out of memory. */
int apps_check_duplicates(reader *r, const row_keys *k, size_t row)
{
    size_t first;
    int rc;
    if (k->nr) {
        rc = table_index_put(&r->nrs, k->nr, k->hnr, row, same_nr, r, &first);
        if (rc < 0)
            return -1;
        if (rc > 0) {
            table_note_cell(r->t, DIAG_ERROR, get(r, COL_NR),
                            "every application needs its own number: delete the duplicate "
                            "row or renumber it",
                            "Nr %s appears on lines %u and %u", r->out->v[first].nr,
                            r->out->v[first].line, r->row->line);
            return 0;
        }
    }
    if (k->pair) {
        rc = table_index_put(&r->pairs, k->pair, k->hpair, row, same_pair, r, &first);
        if (rc < 0 || r->oom)
            return -1;
        if (rc > 0) {
            const table_cell *c = get(r, COL_ASSOCIATION);
            char sb[TABLE_SHOW_BUFSZ];
            table_note_cell(r->t, DIAG_ERROR, c,
                            "one application listed twice would be granted twice: delete one "
                            "row, or make the activities tell them apart",
                            "duplicate application: \"%s\" with the same activity is also Nr "
                            "%s on line %u",
                            table_show(c->s, sb), r->out->v[first].nr, r->out->v[first].line);
            return 0;
        }
    }
    if (k->cvrpair) {
        rc = table_index_put(&r->cvrpairs, k->cvrpair, k->hcvrpair, row, same_cvrpair, r,
                             &first);
        if (rc < 0 || r->oom)
            return -1;
        if (rc > 0) {
            const table_cell *c = get(r, COL_CVR);
            char sb[TABLE_SHOW_BUFSZ];
            table_note_cell(r->t, DIAG_ERROR, c,
                            "one application listed twice would be granted twice: delete one "
                            "row, or make the activities tell them apart",
                            "duplicate application: CVR %s with the same activity is also Nr "
                            "%s on line %u",
                            table_show(c->s, sb), r->out->v[first].nr, r->out->v[first].line);
        }
    }
    return 0;
}

