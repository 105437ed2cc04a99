/* genbound.h - A generator of valid pools that hunts for boundaries, and the
 * invariants every result on them must satisfy. Used by test_properties.c
 * (a quick slice in `make test`) and soak.c (`make soak`, 100.000 pools).
 *
 * Each pool is built in memory from a seed (splitmix64, the same on every
 * machine): 1 to a few thousand applications; every rule; unit 1, 10, 100 or
 * 1.000; min_grant / max_grant on the unit, or (sometimes) off it, when the
 * allocation must refuse the pool (R0); an earmark with tiers, its own
 * min/max and unused = residual or main; multi-year requests under a cap.
 * Claims at 1 kr., just below a unit, at the threshold +- 1, near MONEY_MAX,
 * and groups of equal claims; money just short, far short, barely any, or
 * enough.
 *
 * The checks (gb_check) are on invariants, not on a second computation: the
 * budget identity, 0 <= grant <= claim, the cap and the minimum, grants on
 * the unit (or paid in full, or raised to a smaller claim paid in full),
 * equal claims equal grants, order (a larger claim never gets less, except
 * across the threshold rule's cliff or where R4 warned), supplements only
 * with an ordinary grant, statuses from the final grant, and a large
 * residual always warned. Plus verify_result() itself. */
#ifndef PULJE_GENBOUND_H
#define PULJE_GENBOUND_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "explain.h"
#include "labels.h"
#include "money.h"
#include "verify.h"

/* splitmix64 */
static inline uint64_t gb_rng(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline int64_t gb_between(uint64_t *s, int64_t lo, int64_t hi)
{
    if (hi <= lo)
        return lo;
    return lo + (int64_t)(gb_rng(s) % (uint64_t)(hi - lo + 1));
}

enum { GB_MAX_BUDGET = 8 };

typedef struct gb_pool {
    pool p;
    app_list apps;
    pool_line budget[GB_MAX_BUDGET];
    pool_line reserved[1];
    pool_earmark em;
    app *v;
    char (*nr)[24];
    unsigned *crit;
    pulje_kr *s_asked, *s_assessed;
    unsigned *s_col;
    int expect_r0;      /* a min or max off the unit: the allocation must refuse */
    pulje_kr money;     /* money for new grants (budget - reserved - earmark) */
} gb_pool;

/* A pool size: mostly small, sometimes up to max_n. */
static inline size_t gb_size(uint64_t *s, size_t max_n)
{
    int64_t k = gb_between(s, 0, 99), n;
    if (k < 60)
        n = gb_between(s, 1, 20);
    else if (k < 88)
        n = gb_between(s, 21, 200);
    else if (k < 98)
        n = gb_between(s, 201, 1000);
    else
        n = gb_between(s, 1001, 3000);
    return (size_t)(n > (int64_t)max_n ? (int64_t)max_n : n);
}

/* A multiple of unit near v (at least unit). */
static inline pulje_kr gb_on_unit(pulje_kr v, pulje_kr unit)
{
    pulje_kr m = v / unit * unit;
    return m < unit ? unit : m;
}

/* Build pool number `seed` with at most max_n applications. */
static inline int gb_make(gb_pool *g, uint64_t seed, size_t max_n)
{
    static const pulje_kr units[] = {1, 10, 100, 1000};
    uint64_t s = seed * 0x2545F4914F6CDD1Dull + 1;
    size_t n = gb_size(&s, max_n);
    pulje_kr unit = units[gb_between(&s, 0, 3)], total = 0, largest = 0;
    int flavour = (int)gb_between(&s, 0, 9); /* how the claims are drawn */

    memset(g, 0, sizeof *g);
    g->v = calloc(n ? n : 1, sizeof *g->v);
    g->nr = calloc(n ? n : 1, sizeof *g->nr);
    g->crit = calloc(n ? n : 1, sizeof *g->crit);
    g->s_asked = calloc(n ? n : 1, sizeof *g->s_asked);
    g->s_assessed = calloc(n ? n : 1, sizeof *g->s_assessed);
    g->s_col = calloc(n ? n : 1, sizeof *g->s_col);
    if (!g->v || !g->nr || !g->crit || !g->s_asked || !g->s_assessed || !g->s_col)
        return -1;

    pool *p = &g->p;
    p->file = "gen.ini";
    p->name = "Genereret pulje";
    p->year = 2023;
    p->rounding = unit;
    p->rule.kind = (rule_kind)gb_between(&s, 0, RULE__COUNT - 1);
    p->rule.threshold = gb_between(&s, 0, 3) == 0 ? gb_between(&s, 0, 200) : 50000;
    p->cap_bp = (int)gb_between(&s, 0, 3) == 0 ? (int)gb_between(&s, 0, 10000) : 5500;
    p->min_active_years = 5;

    pulje_kr t = p->rule.threshold;
    for (size_t i = 0; i < n; i++) {
        app *a = &g->v[i];
        pulje_kr c;
        int pick = (int)gb_between(&s, 0, 19);
        snprintf(g->nr[i], sizeof g->nr[i], "%zu", i + 1);
        a->nr = g->nr[i];
        a->cvr = "";
        a->association = "Forening";
        a->activity = "Aktivitet";
        a->refusal = "";
        a->years = 1;
        a->active_years = -1;
        a->line = (unsigned)i + 2;
        if (flavour == 0 && pick < 15)
            c = 1000 * gb_between(&s, 1, 5); /* big groups of equal claims */
        else if (flavour == 1 && pick < 12)
            c = MONEY_MAX - gb_between(&s, 0, 3); /* near the limit */
        else if (pick == 0)
            c = 1;
        else if (pick == 1)
            c = gb_between(&s, 1, unit > 1 ? unit - 1 : 9); /* below one unit */
        else if (pick == 2) {
            c = t + gb_between(&s, -1, 1); /* at the threshold +- 1 */
            if (c < 1)
                c = 1;
        }
        else if (pick == 3 && i > 0)
            c = g->v[i - 1].assessed ? g->v[i - 1].assessed : 7000; /* ties */
        else if (pick == 4 && n < 50)
            c = MONEY_MAX - gb_between(&s, 0, 1000000);
        else if (pick < 8)
            c = gb_between(&s, 1, 100000);
        else
            c = gb_between(&s, 1000, 500000);
        a->assessed = c;
        a->applied = c + (gb_between(&s, 0, 3) == 0 && c < MONEY_MAX ? gb_between(&s, 0, MONEY_MAX - c < 100000 ? MONEY_MAX - c : 100000) : 0);
        a->assessed_given = true;
        if (gb_between(&s, 0, 19) == 0) {
            a->refusal = "Uden for formålet";
            a->assessed = 0;
        }
        if (gb_between(&s, 0, 5) == 0) {
            a->years = (int)gb_between(&s, 2, 3);
            a->active_years = (int)gb_between(&s, 3, 12);
            a->exceptional = gb_between(&s, 0, 1);
            a->priority = (int)gb_between(&s, 0, 4);
        }
        total += a->assessed;
        if (a->assessed > largest)
            largest = a->assessed;
    }

    /* options: on the unit, now and then off it (R0) */
    if (gb_between(&s, 0, 2) == 0) {
        pulje_kr typical = total / (pulje_kr)(n ? n : 1);
        p->rule.max_grant = gb_on_unit(gb_between(&s, typical / 4 + 1, typical * 2 + unit), unit);
        if (p->rule.max_grant > MONEY_MAX) /* a pool file holds no larger amount */
            p->rule.max_grant = MONEY_MAX;
    }
    if (gb_between(&s, 0, 3) == 0) {
        pulje_kr typical = total / (pulje_kr)(n ? n : 1);
        p->rule.min_grant = gb_on_unit(gb_between(&s, 1, typical / 2 + unit), unit);
        if (p->rule.max_grant > 0 && p->rule.min_grant > p->rule.max_grant)
            p->rule.min_grant = p->rule.max_grant;
    }
    if (unit > 1 && gb_between(&s, 0, 24) == 0) {
        if (p->rule.max_grant > 0 || gb_between(&s, 0, 1))
            p->rule.max_grant = gb_on_unit(p->rule.max_grant ? p->rule.max_grant : 4500, unit) -
                                unit + gb_between(&s, 1, unit - 1);
        else
            p->rule.min_grant += gb_between(&s, 1, unit - 1);
        if (p->rule.max_grant > 0 && p->rule.min_grant > p->rule.max_grant)
            p->rule.min_grant = 0;
        g->expect_r0 = 1;
    }

    /* money for new grants */
    int m = (int)gb_between(&s, 0, 9);
    if (m < 3)
        g->money = total - gb_between(&s, 1, 3 * unit); /* just short */
    else if (m < 6)
        g->money = gb_between(&s, total / 10, total / 2 + 1); /* far short */
    else if (m == 6)
        g->money = gb_between(&s, 0, unit * (pulje_kr)(n + 1)); /* barely any */
    else if (m == 7)
        g->money = total - gb_between(&s, 0, total / 100 + 1); /* a little short */
    else
        g->money = total + gb_between(&s, 0, 100000); /* enough */
    if (g->money < 0)
        g->money = 0;

    /* an earmark, sometimes */
    pulje_kr em_amount = 0;
    if (gb_between(&s, 0, 3) == 0) {
        pool_earmark *e = &g->em;
        e->key = "trivsel";
        e->label = "Midler til mental trivsel 12-25 år";
        e->first_year = 2023;
        e->last_year = 2025;
        e->criteria[0].key = "12-25 år";
        e->criteria[1].key = "mental trivsel";
        e->criteria[2].key = "uddannelse";
        e->n_criteria = 3;
        e->required = 1 | 2;
        e->tiers[0] = 1 | 2 | 4;
        e->tiers[1] = 1 | 2;
        e->n_tiers = 2;
        e->unused_to_main = (int)gb_between(&s, 0, 1);
        pulje_kr asked_total = 0;
        for (size_t i = 0; i < n; i++) {
            app *a = &g->v[i];
            g->crit[i] = (unsigned)gb_between(&s, 0, 7);
            g->s_assessed[i] = -1;
            g->s_col[i] = 12;
            if ((g->crit[i] & 3) == 3 && gb_between(&s, 0, 2) == 0) {
                g->s_asked[i] = gb_between(&s, 0, 4) == 0 ? gb_between(&s, 1, 9)
                                                           : gb_between(&s, 1000, 80000);
                if (gb_between(&s, 0, 3) == 0)
                    g->s_assessed[i] = gb_between(&s, 0, g->s_asked[i]);
                asked_total += g->s_assessed[i] >= 0 ? g->s_assessed[i] : g->s_asked[i];
            }
            a->criteria = &g->crit[i];
            a->supp_asked = &g->s_asked[i];
            a->supp_assessed = &g->s_assessed[i];
            a->supp_col = &g->s_col[i];
        }
        em_amount = gb_between(&s, 0, 2) == 0 ? asked_total + gb_between(&s, 0, 10000)
                                              : gb_between(&s, 0, asked_total / 2 + 1);
        e->amount = em_amount;
        if (gb_between(&s, 0, 3) == 0)
            e->max_supp = gb_on_unit(gb_between(&s, 1000, 60000), unit);
        if (gb_between(&s, 0, 4) == 0)
            e->min_supp = gb_on_unit(gb_between(&s, 1, 5000), unit);
        if (e->max_supp > 0 && e->min_supp > e->max_supp)
            e->min_supp = 0;
        p->earmark_defs = e;
        p->n_earmark_defs = 1;
    }

    /* the budget: the money, the earmark and a reservation, in lines of at
     * most MONEY_MAX */
    pulje_kr reserve = gb_between(&s, 0, 1) ? gb_between(&s, 0, 1000000) : 0;
    pulje_kr left = g->money + em_amount + reserve;
    size_t nb = 0;
    while (left > 0 && nb < GB_MAX_BUDGET) {
        pulje_kr line = left > MONEY_MAX ? MONEY_MAX : left;
        g->budget[nb].label = "Budget";
        g->budget[nb].amount = line;
        g->budget[nb].line = (unsigned)nb + 1;
        left -= line;
        nb++;
    }
    if (left > 0) /* more than the lines hold: take it from the money */
        g->money -= left;
    if (nb == 0) {
        g->budget[0].label = "Budget";
        g->budget[0].amount = 0;
        nb = 1;
    }
    p->budget = g->budget;
    p->n_budget = nb;
    if (reserve > 0) {
        g->reserved[0].label = "Reserveret";
        g->reserved[0].amount = reserve;
        g->reserved[0].line = 20;
        p->reservations = g->reserved;
        p->n_reservations = 1;
    }
    g->apps.file = "gen.csv";
    g->apps.v = g->v;
    g->apps.n = n;
    return 0;
}

static inline void gb_free(gb_pool *g)
{
    free(g->v);
    free(g->nr);
    free(g->crit);
    free(g->s_asked);
    free(g->s_assessed);
    free(g->s_col);
    memset(g, 0, sizeof *g);
}

/* What happened to one pool. */
typedef enum {
    GB_OK = 0,        /* allocated and verified; invariants hold */
    GB_INPUT,         /* refused as input (exit 2), as it may be */
    GB_VERIFY,        /* verify_result failed (exit 3) */
    GB_FAULT,         /* alloc_run reported a fault (exit 5) */
    GB_BREACH         /* an invariant the checks below found broken */
} gb_outcome;

typedef struct gb_stats {
    size_t pools, ok, input, r0, verify, fault, breach;
    size_t large_residuals, warned;
    char first[768];  /* the first breach, verification failure or fault */
    uint64_t first_seed;
} gb_stats;

static inline int gb_cmp_kr(const void *a, const void *b)
{
    pulje_kr x = *(const pulje_kr *)a, y = *(const pulje_kr *)b;
    return (x > y) - (x < y);
}

/* The invariants; returns 0 or writes the first breach to why. */
static inline int gb_invariants(const gb_pool *g, const alloc_result *r, const diag_list *dl,
                                char *why, size_t whysz)
{
    const pool *p = &g->p;
    size_t n = g->apps.n;
    pulje_kr u = p->rounding, sum = 0, M = p->rule.max_grant, m = p->rule.min_grant;
    pulje_kr *full = malloc((n ? n : 1) * sizeof *full), *order = NULL;
    size_t nf = 0, warnings = 0;
    int bad = 0, st_kept = 0;

#define GB_BAD(...)                                                                    \
    do {                                                                               \
        if (!bad)                                                                      \
            snprintf(why, whysz, __VA_ARGS__);                                         \
        bad = 1;                                                                       \
    } while (0)

    if (!full)
        return snprintf(why, whysz, "out of memory"), 1;
    for (size_t i = 0; i < n; i++)
        if (r->lines[i].claim > 0 && r->lines[i].grant == r->lines[i].claim)
            full[nf++] = r->lines[i].claim;
    qsort(full, nf, sizeof *full, gb_cmp_kr);
    for (size_t i = 0; i < n; i++) {
        const alloc_line *l = &r->lines[i];
        pulje_kr gr = l->grant, c = l->claim;
        sum += gr;
        if (gr < 0 || gr > c)
            GB_BAD("Nr %zu: grant %lld outside 0..%lld", i + 1, (long long)gr, (long long)c);
        if (!r->rationed && gr != c)
            GB_BAD("Nr %zu: money enough but %lld of %lld", i + 1, (long long)gr, (long long)c);
        if (r->rationed && M > 0 && gr > M)
            GB_BAD("Nr %zu: %lld above max_grant %lld", i + 1, (long long)gr, (long long)M);
        if (r->rationed && m > 0 && gr > 0 && gr < m && gr != c)
            GB_BAD("Nr %zu: %lld below min_grant %lld", i + 1, (long long)gr, (long long)m);
        if (gr != c && gr % u != 0 &&
            bsearch(&gr, full, nf, sizeof *full, gb_cmp_kr) == NULL)
            GB_BAD("Nr %zu: %lld off the unit %lld", i + 1, (long long)gr, (long long)u);
        if (l->refused != (gr == 0) || l->reduced != (gr > 0 && gr < c))
            GB_BAD("Nr %zu: status does not follow the grant", i + 1);
        if ((l->why == ALLOC_REFUSE_NONE) != (gr > 0))
            GB_BAD("Nr %zu: reason does not follow the grant", i + 1);
        for (size_t k = 0; k < r->em.n_earmarks; k++) {
            const em_line *e = &r->em.lines[k * n + i];
            if (e->grant > 0 && (e->basis <= 0 || (gr == 0 && r->earmark_returned == 0)))
                GB_BAD("Nr %zu: a supplement without an ordinary grant", i + 1);
            if (e->grant > 0 && gr == 0)
                st_kept = 1; /* kept after unused = main: must be warned */
        }
    }
    if (sum != r->granted_total || sum + r->residual != r->available || r->residual < 0)
        GB_BAD("budget identity: %lld + %lld != %lld", (long long)sum, (long long)r->residual,
               (long long)r->available);
    if (r->reserved_total + r->earmarked_total - r->earmark_returned + sum + r->residual !=
        r->budget_total)
        GB_BAD("the economy table does not balance");
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        pulje_kr es = 0;
        for (size_t i = 0; i < n; i++) {
            const em_line *e = &r->em.lines[k * n + i];
            es += e->grant;
            if (e->grant < 0 || e->grant > e->claim)
                GB_BAD("Nr %zu: supplement %lld outside 0..%lld", i + 1, (long long)e->grant,
                       (long long)e->claim);
            if (p->earmark_defs[k].max_supp > 0 && e->grant > p->earmark_defs[k].max_supp &&
                e->grant != e->claim)
                GB_BAD("Nr %zu: supplement above the earmark's max", i + 1);
        }
        if (es + r->em.totals[k].unused != p->earmark_defs[k].amount)
            GB_BAD("earmark: granted + unused != amount");
    }
    /* equal treatment and order, by claim */
    order = malloc((n ? n : 1) * 2 * sizeof *order);
    if (order) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (r->lines[i].claim > 0) {
                order[2 * k] = r->lines[i].claim;
                order[2 * k + 1] = r->lines[i].grant;
                k++;
            }
        /* pairs (claim, grant), sorted by claim: gb_cmp_kr reads the first */
        qsort(order, k, 2 * sizeof *order, gb_cmp_kr);
        for (size_t a = 1; a < k; a++) {
            pulje_kr c0 = order[2 * (a - 1)], g0 = order[2 * (a - 1) + 1];
            pulje_kr c1 = order[2 * a], g1 = order[2 * a + 1];
            if (c0 == c1 && g0 != g1)
                GB_BAD("equal claims of %lld get %lld and %lld", (long long)c0, (long long)g0,
                       (long long)g1);
            bool cliff = p->rule.kind == RULE_THRESHOLD && c0 <= p->rule.threshold &&
                         c1 > p->rule.threshold;
            if (c0 < c1 && g0 > g1 && !cliff && r->n_out_of_order == 0)
                GB_BAD("claim %lld gets %lld, the smaller %lld gets %lld", (long long)c1,
                       (long long)g1, (long long)c0, (long long)g0);
        }
        free(order);
    }
    for (size_t i = 0; i < dl->n; i++) {
        warnings += dl->v[i].level == DIAG_WARNING;
        if (dl->v[i].level == DIAG_WARNING && strstr(dl->v[i].msg, "keep"))
            st_kept = 0;
    }
    if (st_kept)
        GB_BAD("a supplement kept without an ordinary grant is not warned about");
    if (warnings < r->n_warnings)
        GB_BAD("%zu warnings counted, %zu in the list", r->n_warnings, warnings);
    if (r->rationed && r->residual >= 10 * u &&
        (pulje_wide)r->residual * 1000 >= (pulje_wide)r->available && !r->residual_warned)
        GB_BAD("a residual of %lld kr. is not warned about", (long long)r->residual);
    free(full);
#undef GB_BAD
    return bad;
}

/* Allocate pool g by method, verify (cross-checking the model against the
 * closed form) and check the invariants. With keep set, a result that was
 * computed (outcome GB_OK, GB_VERIFY or a breach found in it) is left in
 * *keep for the caller to alloc_free(); otherwise *keep is zeroed. */
static inline gb_outcome gb_run(const gb_pool *g, alloc_method method, gb_stats *st,
                                uint64_t seed, alloc_result *keep)
{
    alloc_result r;
    diag_list dl;
    char why[512] = "";
    gb_outcome out = GB_OK;
    int rc;

    if (keep)
        memset(keep, 0, sizeof *keep);
    diag_init(&dl);
    st->pools++;
    rc = alloc_run(&g->p, &g->apps, method, &r, &dl);
    if (rc == -1) {
        int r0 = 0;
        for (size_t i = 0; i < dl.n; i++)
            r0 |= dl.v[i].level == DIAG_ERROR && strstr(dl.v[i].msg, "is not a multiple") != NULL;
        if (g->expect_r0 && !r0) {
            snprintf(why, sizeof why, "a maximum or minimum off the unit was not refused");
            out = GB_BREACH;
        } else if (!g->expect_r0 && r0) {
            snprintf(why, sizeof why, "refused by R0 although on the unit");
            out = GB_BREACH;
        } else {
            out = GB_INPUT;
            st->r0 += r0;
        }
    } else if (rc != 0) {
        snprintf(why, sizeof why, "fault: %s", dl.n ? dl.v[dl.n - 1].msg : "?");
        out = GB_FAULT;
    } else if (g->expect_r0) {
        snprintf(why, sizeof why, "a maximum or minimum off the unit was not refused");
        out = GB_BREACH;
        alloc_free(&r);
    } else {
        size_t before = dl.n;
        if (verify_result(&g->p, &g->apps, &r, method == ALLOC_MODEL, &dl) != 0) {
            snprintf(why, sizeof why, "%s",
                     dl.n > before ? dl.v[before].msg : "?");
            out = GB_VERIFY;
        } else if (gb_invariants(g, &r, &dl, why, sizeof why) != 0) {
            out = GB_BREACH;
        }
        if (r.rationed && r.residual >= 10 * g->p.rounding &&
            (pulje_wide)r.residual * 1000 >= (pulje_wide)r.available) {
            st->large_residuals++;
            st->warned += r.residual_warned;
        }
        if (keep)
            *keep = r;
        else
            alloc_free(&r);
    }
    switch (out) {
    case GB_OK: st->ok++; break;
    case GB_INPUT: st->input++; break;
    case GB_VERIFY: st->verify++; break;
    case GB_FAULT: st->fault++; break;
    case GB_BREACH: st->breach++; break;
    }
    if (out >= GB_VERIFY && st->first[0] == '\0') {
        snprintf(st->first, sizeof st->first, "pool %llu (%zu applications, %s, unit %lld): %s",
                 (unsigned long long)seed, g->apps.n, rule_name(g->p.rule.kind),
                 (long long)g->p.rounding, why);
        st->first_seed = seed;
    }
    diag_free(&dl);
    return out;
}

static inline gb_outcome gb_check(const gb_pool *g, alloc_method method, gb_stats *st,
                                  uint64_t seed)
{
    return gb_run(g, method, st, seed, NULL);
}

static inline pulje_wide gb_gcd(pulje_wide a, pulje_wide b)
{
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    while (a) {
        pulje_wide t = b % a;
        b = a;
        a = t;
    }
    return b ? b : 1;
}

/* num/den in lowest terms (den > 0; 0/x is 0/1). */
static inline void gb_reduce(pulje_wide *num, pulje_wide *den)
{
    pulje_wide d = gb_gcd(*num, *den);
    *num /= d;
    *den /= d;
    if (*den < 0) {
        *num = -*num;
        *den = -*den;
    }
    if (*num == 0)
        *den = 1;
}

static inline bool gb_same_fraction(pulje_wide an, pulje_wide ad, pulje_wide bn, pulje_wide bd)
{
    if (ad == 0 || bd == 0)
        return ad == bd && an == bn;
    gb_reduce(&an, &ad);
    gb_reduce(&bn, &bd);
    return an == bn && ad == bd;
}

/* The model's result a and the closed form's b on pool g: the same figures
 * on every line (share, cap, rounding step, grant, status, reason, years,
 * supplements) and in every total. Returns 0 or writes the first
 * difference to why. */
static inline int gb_same_result(const gb_pool *g, const alloc_result *a, const alloc_result *b,
                                 char *why, size_t whysz)
{
#define GB_DIFF(...) return snprintf(why, whysz, __VA_ARGS__), 1
#define GB_TOTAL(f)                                                                    \
    if (a->f != b->f)                                                                  \
        GB_DIFF("model != closed form: %s %lld, %lld", #f, (long long)a->f, (long long)b->f)
    if (a->n != b->n || a->n != g->apps.n)
        GB_DIFF("model != closed form: %zu and %zu lines", a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        const alloc_line *x = &a->lines[i], *y = &b->lines[i];
        if (x->grant != y->grant)
            GB_DIFF("model != closed form: Nr %zu granted %lld, %lld", i + 1,
                    (long long)x->grant, (long long)y->grant);
        if (x->claim != y->claim || x->cap != y->cap || x->capped != y->capped ||
            x->reduction != y->reduction || x->refused != y->refused ||
            x->reduced != y->reduced || x->years != y->years || x->my != y->my)
            GB_DIFF("model != closed form: Nr %zu claim, cap, status or years", i + 1);
        if (!gb_same_fraction(x->share_num, x->share_den, y->share_num, y->share_den))
            GB_DIFF("model != closed form: Nr %zu share %lld/%lld, %lld/%lld", i + 1,
                    (long long)x->share_num, (long long)x->share_den, (long long)y->share_num,
                    (long long)y->share_den);
        if (x->step != y->step || x->why != y->why)
            GB_DIFF("model != closed form: Nr %zu rounding step %d, %d or reason %d, %d", i + 1,
                    (int)x->step, (int)y->step, (int)x->why, (int)y->why);
    }
    GB_TOTAL(budget_total);
    GB_TOTAL(reserved_total);
    GB_TOTAL(earmarked_total);
    GB_TOTAL(earmark_returned);
    GB_TOTAL(available);
    GB_TOTAL(assessed_total);
    GB_TOTAL(granted_total);
    GB_TOTAL(residual);
    GB_TOTAL(rationed);
    GB_TOTAL(n_granted);
    GB_TOTAL(n_reduced);
    GB_TOTAL(n_refused);
    GB_TOTAL(n_my_honoured);
    GB_TOTAL(n_set_aside);
    GB_TOTAL(n_out_of_order);
    GB_TOTAL(residual_warned);
    GB_TOTAL(em.n_earmarks);
    if (!gb_same_fraction(a->factor_num, a->factor_den, b->factor_num, b->factor_den))
        GB_DIFF("model != closed form: factor %lld/%lld, %lld/%lld", (long long)a->factor_num,
                (long long)a->factor_den, (long long)b->factor_num, (long long)b->factor_den);
    for (size_t k = 0; k < a->em.n_earmarks; k++) {
        if (a->em.totals[k].granted != b->em.totals[k].granted ||
            a->em.totals[k].unused != b->em.totals[k].unused)
            GB_DIFF("model != closed form: earmark %zu totals", k + 1);
        for (size_t i = 0; i < a->n; i++) {
            const em_line *x = &a->em.lines[k * a->n + i], *y = &b->em.lines[k * b->n + i];
            if (x->grant != y->grant || x->claim != y->claim || x->tier != y->tier ||
                x->basis != y->basis)
                GB_DIFF("model != closed form: Nr %zu supplement %lld, %lld", i + 1,
                        (long long)x->grant, (long long)y->grant);
        }
    }
#undef GB_TOTAL
#undef GB_DIFF
    return 0;
}

/* Whether line holds amount (e.g. "1.000 kr.", "DKK 1,000") as a whole figure, not as
 * the tail or the head of a larger one. */
static inline bool gb_prints(const char *line, const char *amount)
{
    size_t n = strlen(amount);
    for (const char *p = line; (p = strstr(p, amount)) != NULL; p++) {
        const char *e = p + n; /* nor the head of one: "DKK 1,000" in "DKK 1,000.50" */
        bool head = (*e >= '0' && *e <= '9') ||
                    ((*e == '.' || *e == ',') && e[1] >= '0' && e[1] <= '9');
        if (!head &&
            (p == line || (!(p[-1] >= '0' && p[-1] <= '9') && p[-1] != '.' && p[-1] != ',')))
            return true;
    }
    return false;
}

/* Explain application i of g as allocated in r (explain.h), with ctx
 * prepared on them, and check the figures it states against the result's
 * line: the exact share (share_num / share_den, for a claim the rule
 * shared), the rounded figure and the line that prints it, and the final
 * "Indstillet tilskud" line with the grant. Returns 0, 1 (the first
 * difference in why), or -1 when explain_build_ctx fails. */
static inline int gb_explain_one(const explain_ctx *ctx, const alloc_result *r, size_t i,
                                 char *why, size_t whysz)
{
    const alloc_line *l = &r->lines[i];
    explain_text t;
    char m[MONEY_BUFSZ], want[160], kr[MONEY_AMOUNT_BUFSZ];
    int bad = 0;

    if (explain_build_ctx(ctx, i, &t) != 0)
        return snprintf(why, whysz, "explain_build_ctx failed on Nr %zu", i + 1), -1;
    money_format_text(l->grant, m);
    label_format(want, sizeof want, L_EX_GRANT, m);
    /* the amount as the rounded line prints it: "<grant> kr." (or "DKK <grant>") */
    money_amount_text(l->grant, kr);
    if (l->claim > 0) {
        if (t.share_line == EXPLAIN_NO_LINE || t.share_line >= t.n ||
            t.rounded_line == EXPLAIN_NO_LINE || t.rounded_line >= t.n) {
            snprintf(why, whysz, "explain Nr %zu: no share or rounding line", i + 1);
            bad = 1;
        } else if (!gb_same_fraction(t.share_num, t.share_den, l->share_num, l->share_den)) {
            snprintf(why, whysz, "explain Nr %zu: share %lld/%lld, the result's %lld/%lld", i + 1,
                     (long long)t.share_num, (long long)t.share_den, (long long)l->share_num,
                     (long long)l->share_den);
            bad = 1;
        } else if (t.rounded != l->grant) {
            snprintf(why, whysz, "explain Nr %zu: rounded to %lld, the result grants %lld", i + 1,
                     (long long)t.rounded, (long long)l->grant);
            bad = 1;
        } else if (!gb_prints(t.lines[t.rounded_line], kr)) {
            snprintf(why, whysz, "explain Nr %zu: the rounding line does not print %s", i + 1,
                     kr);
            bad = 1;
        }
    } else if (t.share_line != EXPLAIN_NO_LINE) {
        snprintf(why, whysz, "explain Nr %zu: a share for a claim of 0 kr.", i + 1);
        bad = 1;
    }
    if (!bad) {
        size_t at = t.n;
        for (size_t k = 0; k < t.n; k++)
            if (strcmp(t.lines[k], want) == 0)
                at = k;
        if (at == t.n) {
            snprintf(why, whysz, "explain Nr %zu: no line \"%s\"", i + 1, want);
            bad = 1;
        }
    }
    explain_free(&t);
    return bad;
}

/* What gb_explain_all found. */
typedef struct gb_explained {
    size_t pools, explained, mismatches;
    char first[768];
} gb_explained;

/* Explain every application of g as allocated in r, from one context
 * (explain_prepare: the pool is shared once, not once per application);
 * counts into ex. A context that cannot be made is one mismatch. */
static inline void gb_explain_all(const gb_pool *g, const alloc_result *r, gb_explained *ex,
                                  uint64_t seed, const char *what)
{
    char why[512];
    explain_ctx *ctx = explain_prepare(&g->p, &g->apps, r);
    ex->pools++;
    if (!ctx) {
        if (ex->mismatches++ == 0)
            snprintf(ex->first, sizeof ex->first, "pool %llu (%s): explain_prepare failed",
                     (unsigned long long)seed, what);
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        ex->explained++;
        if (gb_explain_one(ctx, r, i, why, sizeof why) != 0) {
            if (ex->mismatches++ == 0)
                snprintf(ex->first, sizeof ex->first, "pool %llu (%zu applications, %s, unit "
                         "%lld, %s): %s", (unsigned long long)seed, g->apps.n,
                         rule_name(g->p.rule.kind), (long long)g->p.rounding, what, why);
        }
    }
    explain_ctx_free(ctx);
}

#endif
