/* testutil.h - What every cmocka test file includes, in the order cmocka needs,
 * plus a deterministic random generator for property tests. */
#ifndef PULJE_TESTUTIL_H
#define PULJE_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* splitmix64: the same sequence on every machine. */
static inline uint64_t test_rng(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* A uniform integer in [lo, hi]. */
static inline int64_t test_between(uint64_t *state, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(test_rng(state) % (uint64_t)(hi - lo + 1));
}

#endif
