/* table_index.c - A compact hash index from a key to the first row that had
 * it, for the readers' duplicate checks (declared in table.h). */
#include "table.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------
 * The duplicate index.
 * ------------------------------------------------------------------------- */

/* FNV-1a with a final mix, so that the low bits used for the index are good
 * also for keys like "1", "2", ... */
uint32_t table_hash(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    return (uint32_t)h;
}

/* Double the index (or create it). Returns 0, or -1 on out of memory with
 * the index unchanged. */
static int index_grow(table_index *ix)
{
    size_t cap = ix->cap ? ix->cap * 2 : 1024;
    table_slot *v = calloc(cap, sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < ix->cap; i++) {
        if (!ix->v[i].row1)
            continue;
        size_t j = ix->v[i].hash & (cap - 1);
        while (v[j].row1)
            j = (j + 1) & (cap - 1);
        v[j] = ix->v[i];
    }
    free(ix->v);
    ix->v = v;
    ix->cap = cap;
    return 0;
}

/* Make room for one more key. Returns 0, or -1 on out of memory. */
static int index_reserve(table_index *ix)
{
    return (ix->n + 1) * 2 > ix->cap ? index_grow(ix) : 0;
}

void table_index_prefetch(table_index *ix, uint32_t h)
{
    if (index_reserve(ix) != 0)
        return;
#if defined(__GNUC__)
    __builtin_prefetch(&ix->v[h & (ix->cap - 1)]);
#endif
}

int table_index_put(table_index *ix, const char *key, uint32_t h, size_t row,
                    table_same_fn same, void *ctx, size_t *first)
{
    size_t j;
    if (index_reserve(ix) != 0)
        return -1;
    j = h & (ix->cap - 1);
    while (ix->v[j].row1) {
        if (ix->v[j].hash == h && same(ctx, ix->v[j].row1 - 1, key)) {
            *first = ix->v[j].row1 - 1;
            return 1;
        }
        j = (j + 1) & (ix->cap - 1);
    }
    ix->v[j].hash = h;
    ix->v[j].row1 = (uint32_t)(row + 1);
    ix->n++;
    return 0;
}

void table_index_free(table_index *ix)
{
    free(ix->v);
    memset(ix, 0, sizeof *ix);
}

