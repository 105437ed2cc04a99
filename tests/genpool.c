/* genpool.c - A deterministic generator of synthetic § 18 grant pools.
 *
 * Writes synthetic applications, and optionally a ledger of earlier
 * commitments, for a Danish municipal § 18 pool, as Danish Excel saves CSV
 * (UTF-8 with BOM, ';' separators, CRLF). --default writes the project's
 * default pool, a synthetic reconstruction of Odense's 2023 round (its
 * individual applications were never published); --count N streams a pool
 * of the same shape and any size for tests and benchmarks. All CVR numbers
 * and names are made up, except Frivilligcenter Odense, the holder of the
 * operating agreement in the ledger. Only integer arithmetic and an own
 * PRNG are used, so the same arguments give byte-identical output anywhere.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COUNT 1000000
#define DEFAULT_N 68
#define DEFAULT_YEAR 2023
#define DEFAULT_SEED 0x4f44454e5345ULL /* "ODENSE" */
#define OLD_PER_APP 10600              /* --count: kr. of old commitments per application */

static const char *const ADJ[] = {
    "Lyse", "Åbne", "Trygge", "Gode", "Grønne", "Stærke", "Nye", "Frie", "Varme", "Glade",
    "Unge", "Aktive", "Modige", "Stille", "Lune", "Sunde", "Venlige", "Rolige", "Fælles", "Kloge"};
static const char *const NOUN[] = {
    "Fællesskaber", "Naboer", "Hænder", "Venner", "Skridt", "Stemmer", "Kræfter", "Rødder",
    "Veje", "Haver", "Samtaler", "Broer", "Hjerter", "Cirkler", "Spor", "Fyrtårne",
    "Pårørende", "Ildsjæle", "Hjælpere", "Kokke", "Læsere", "Vandrere", "Fortællere", "Tråde"};
static const char *const DISTRICT[] = {
    "Vollsmose", "Dalum", "Bolbro", "Tarup", "Hjallese", "Bellinge", "Korup", "Sanderum",
    "Højby", "Holluf Pile", "Ejby", "Næsby", "Hunderup", "Bullerup", "Seden", "Agedrup"};
static const char *const ACTIVITY[] = {
    "Lektiecafé for børn i 4.-9. klasse", "Samtalegrupper for pårørende", "Natcafé for hjemløse",
    "Besøgsvenner til ensomme", "Fællesspisning for enlige", "Gåfællesskab for mennesker med depression",
    "Rådgivning om gæld og økonomi", "Mentorordning for unge ledige", "Sorggruppe for børn og unge",
    "Netværksgruppe for unge med angst", "Dansktræning for nydanske kvinder",
    "Madudlevering til udsatte familier", "Ferielejr for børn fra udsatte familier",
    "Værested for sindslidende", "Telefonrådgivning for unge", "Juridisk rådgivning for udsatte",
    "Cykelværksted for unge", "Strikkecafé og samvær", "Rusmiddelfri fredagsbar",
    "Forældrenetværk for enlige forsørgere", "Støttegruppe for voldsramte kvinder",
    "Bisidderordning ved møder med myndigheder", "Motionshold for mennesker med handicap",
    "Fritidsjobmentorer for unge", "Ensomhedsnetværk for studerende",
    "Pårørendecafé for familier med demens", "Tøjbank og byttemarked",
    "Kreativt værksted for psykisk sårbare"};
static const char *const ACT_SEMI = "Madklub; fællesspisning og samvær for enlige";
static const char *const REASON[] = {
    "Ansøgningen ligger uden for puljens formål", "Aktiviteten er ikke frivillig social",
    "Målgruppen er over 65 år", "Manglende regnskab", "Ansøgningen er modtaget efter fristen",
    "Aktiviteten er allerede afsluttet"};
#define NELEM(a) ((int64_t)(sizeof(a) / sizeof((a)[0])))

/* ---------------------------------------------------------------- PRNG */

typedef struct { uint64_t s; } rng_t;

/* Returns a well-spread 64-bit hash of z (the splitmix64 finaliser). */
static uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Advances r and returns its next splitmix64 output. */
static uint64_t rng_next(rng_t *r) {
    r->s += 0x9e3779b97f4a7c15ULL;
    return mix64(r->s);
}

/* Returns an integer in [0, n) for 0 < n < 2^32 (multiply-shift). */
static int64_t rng_below(rng_t *r, int64_t n) {
    return (int64_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Returns an independent generator for stream number `stream` under `seed`. */
static rng_t rng_for(uint64_t seed, uint64_t stream) {
    rng_t r = {mix64(seed ^ mix64(stream + 0x632be59bd9b4e019ULL))};
    return r;
}

/* Returns v >= 0 rounded to the nearest multiple of step (halves up). */
static int64_t round_to(int64_t v, int64_t step) { return (v + step / 2) / step * step; }

/* Returns a value in [lo, hi] skewed toward lo (lo + (hi-lo)*u1*u2). */
static int64_t skewed(rng_t *r, int64_t lo, int64_t hi) {
    int64_t u1 = rng_below(r, 1001), u2 = rng_below(r, 1001); /* sequenced: portable */
    return lo + (hi - lo) * u1 * u2 / 1000000;
}

/* ------------------------------------------------- permutation of [0,n) */

typedef struct { uint64_t n, key, mask; unsigned half; } perm_t;

/* Prepares a keyed pseudo-random bijection of [0, n), n >= 1. */
static void perm_init(perm_t *p, uint64_t n, uint64_t key) {
    p->n = n;
    p->key = key;
    p->half = 1;
    while (p->half < 32 && (1ULL << (2 * p->half)) < n) p->half++;
    p->mask = (1ULL << p->half) - 1;
}

/* Returns the image of x < p->n: a 4-round Feistel network on 2*half bits,
 * cycle-walked until the result falls back inside [0, n). */
static uint64_t perm_apply(const perm_t *p, uint64_t x) {
    do {
        uint64_t l = x >> p->half, r = x & p->mask, t;
        for (unsigned round = 0; round < 4; round++) {
            t = l ^ (mix64(p->key + round * 0x9e3779b97f4a7c15ULL + r) & p->mask);
            l = r;
            r = t;
        }
        x = (l << p->half) | r;
    } while (x >= p->n);
    return x;
}

/* ---------------------------------------------------- names and numbers */

/* Appends s to dst (capacity 96) at *len, truncating safely. */
static void cat(char *dst, size_t *len, const char *s) {
    size_t m = strlen(s);
    if (*len + m > 95) m = 95 - *len;
    memcpy(dst + *len, s, m);
    *len += m;
    dst[*len] = '\0';
}

/* Writes into dst (96 bytes) the association name number j. Distinct j give
 * distinct names: j mod 46080 is permuted onto (form, adjective, noun,
 * district) and j / 46080 > 0 becomes a numeric suffix. `quoted` puts the
 * adjective and noun in quotes as a "nickname"; the unquoted names and the
 * quoted ones are disjoint, so names stay unique whichever j are quoted. */
static void assoc_name(char *dst, uint64_t j, int quoted) {
    const uint64_t m = 6 * 20 * 24 * 16;
    perm_t pm;
    perm_init(&pm, m, 0x6e616d6573ULL);
    uint64_t q = j / m, r = perm_apply(&pm, j % m);
    int form = (int)(r % 6);
    const char *a = ADJ[r / 6 % 20], *n = NOUN[r / 120 % 24], *d = DISTRICT[r / 2880];
    size_t len = 0;
    static const char *const PRE[] = {"Foreningen ", "", "Netværket for ", "", "Selskabet ", "Klubben "};
    static const char *const MID[] = {" i ", " ", " i ", "", ", ", " i "};
    dst[0] = '\0';
    const char *qu = quoted ? "\"" : "";
    if (form == 3) cat(dst, &len, d), cat(dst, &len, "s ");
    else cat(dst, &len, PRE[form]);
    cat(dst, &len, qu), cat(dst, &len, a), cat(dst, &len, " "), cat(dst, &len, n), cat(dst, &len, qu);
    if (form != 3) cat(dst, &len, MID[form]), cat(dst, &len, d);
    if (q > 0) {
        char num[24];
        int k = 23;
        num[k] = '\0';
        for (q += 1; q > 0; q /= 10) num[--k] = (char)('0' + q % 10);
        cat(dst, &len, " "), cat(dst, &len, num + k);
    }
}

/* Returns the k-th synthetic CVR number, k < 8.100.000: 8 digits, first not
 * 0, valid under modulus 11 (weights 2,7,6,5,4,3,2,1). Distinct k give
 * distinct numbers: k is permuted, split into a 6-digit prefix (900.000) and
 * a slot 0..8 picking the slot-th 7th digit for which a check digit exists. */
static int64_t cvr_number(int64_t k) {
    static const int w[6] = {2, 7, 6, 5, 4, 3};
    perm_t pm;
    perm_init(&pm, 8100000, 0x637672ULL);
    int64_t kp = (int64_t)perm_apply(&pm, (uint64_t)k), prefix = 100000 + kp % 900000;
    int64_t t = prefix;
    int slot = (int)(kp / 900000), s = 0;
    for (int i = 5; i >= 0; i--, t /= 10) s += w[i] * (int)(t % 10);
    for (int d7 = 0; d7 <= 9; d7++) {
        int d8 = (11 - (s + 2 * d7) % 11) % 11;
        if (d8 <= 9 && slot-- == 0) return prefix * 100 + d7 * 10 + d8;
    }
    return -1; /* unreachable: every prefix has at least 9 valid 7th digits */
}

/* ------------------------------------------------------------- output */

typedef struct { FILE *f; size_t n; int err; char buf[1 << 16]; } out_t;

/* Writes the buffered bytes to the file; sets o->err on failure. */
static void out_flush(out_t *o) {
    if (o->n && fwrite(o->buf, 1, o->n, o->f) != o->n) o->err = 1;
    o->n = 0;
}

/* Appends m bytes to the buffer, flushing first when they would not fit. */
static void out_mem(out_t *o, const char *s, size_t m) {
    if (o->n + m > sizeof o->buf) out_flush(o);
    if (m > sizeof o->buf) { if (fwrite(s, 1, m, o->f) != m) o->err = 1; return; }
    memcpy(o->buf + o->n, s, m);
    o->n += m;
}

/* Appends a NUL-terminated string verbatim. */
static void out_str(out_t *o, const char *s) { out_mem(o, s, strlen(s)); }

/* Appends s as one CSV field: quoted, inner quotes doubled, iff it contains
 * ';', '"', CR or LF. */
static void out_field(out_t *o, const char *s) {
    if (!strpbrk(s, ";\"\r\n")) { out_str(o, s); return; }
    out_mem(o, "\"", 1);
    for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
        out_mem(o, s, (size_t)(q - s + 1)); /* up to and including the quote */
        out_mem(o, "\"", 1);                /* doubled */
    }
    out_str(o, s);
    out_mem(o, "\"", 1);
}

/* Appends v >= 0 in decimal; with dots, Danish thousands separators (50.000). */
static void out_int(out_t *o, int64_t v, int dots) {
    char tmp[32];
    int k = 32, digits = 0;
    do {
        if (dots && digits && digits % 3 == 0) tmp[--k] = '.';
        tmp[--k] = (char)('0' + v % 10);
        digits++;
        v /= 10;
    } while (v > 0);
    out_mem(o, tmp + k, (size_t)(32 - k));
}

/* Appends the separator ';'. */
static void sep(out_t *o) { out_mem(o, ";", 1); }

/* ------------------------------------------------------- applications */

typedef struct {
    int64_t n, k, k3, exc, young, refused, large; /* size and role counts */
    uint64_t seed;
    perm_t roles, prios;
} pool_t;

typedef struct {
    int64_t nr, cvr, applied, assessed, prio;       /* prio 0: none */
    int years, exc, active, refused, large, odd;    /* large: assessed > 50.000 */
    int reason, empty_ok, dots_a, dots_i;           /* reason -1: none */
    int c_age, c_mental, c_edu;                     /* the earmark's criteria: 12-25 år ... */
    int64_t supp_asked, supp_assessed;              /* the trivsel supplement; 0: none */
    const char *act;
    char name[96];
} row_t;

/* Sets up a pool of n applications: ~18 % multi-year (1/4 of them 3-year,
 * 2/3 of those exceptional, ~15 % young), ~9 % refused, 24 % of the other
 * one-year requests large. Roles go by a seeded permutation of the rows. */
static void pool_init(pool_t *pl, int64_t n, uint64_t seed) {
    pl->n = n;
    pl->seed = seed;
    pl->k = (n * 18 + 50) / 100;
    pl->k3 = (pl->k + 2) / 4;
    pl->exc = (2 * pl->k3 + 1) / 3;
    pl->young = (pl->k * 15 + 50) / 100;
    pl->refused = (n * 9 + 50) / 100;
    pl->large = (n - pl->k - pl->refused) * 24 / 100;
    perm_init(&pl->roles, (uint64_t)n, mix64(seed ^ 0x726f6c6573ULL));
    perm_init(&pl->prios, (uint64_t)(pl->k > 0 ? pl->k : 1), mix64(seed ^ 0x7072696fULL));
}

/* Fills r with application i (0-based) of the pool; depends on nothing but
 * (pool, i), so rows can be made in any order (name and CVR on i alone). Roles by p = perm(i): p < k3
 * 3-year (exceptional if p < exc), p < k 2-year (young if p >= k - young),
 * then refused, then large one-year, the rest small one-year. */
/* The earmark columns of row i, from a stream of their own so that the other
 * columns are the same with or without them: ~25 % work with 12-25-year-olds,
 * 70 % of those with mental well-being, half of them with education too; most
 * who meet the required two ask for a supplement of 10.000-50.000 kr. */
static void make_earmark(const pool_t *pl, int64_t i, row_t *r) {
    rng_t g = rng_for(pl->seed ^ 0x7472697673656cULL, (uint64_t)i);
    r->c_age = rng_below(&g, 100) < 25;
    r->c_mental = r->c_age && rng_below(&g, 100) < 70;
    r->c_edu = r->c_age && rng_below(&g, 100) < 50;
    r->supp_asked = r->supp_assessed = 0;
    if (r->c_age && r->c_mental && rng_below(&g, 100) < 80) {
        r->supp_asked = 10000 + 1000 * rng_below(&g, 41);
        r->supp_assessed = rng_below(&g, 100) < 70 ? r->supp_asked
                                                    : r->supp_asked * 8 / 10 / 1000 * 1000;
    }
}

static void make_row(const pool_t *pl, int64_t i, row_t *r) {
    rng_t g = rng_for(pl->seed, (uint64_t)i);
    int64_t p = (int64_t)perm_apply(&pl->roles, (uint64_t)i);
    int multi = p < pl->k, young = multi && p >= pl->k - pl->young;
    memset(r, 0, sizeof *r);
    r->nr = i + 1;
    r->cvr = cvr_number(i);
    assoc_name(r->name, (uint64_t)i, i % 1000 == 17);
    r->act = i % 1000 == 41 ? ACT_SEMI : ACTIVITY[rng_below(&g, NELEM(ACTIVITY))];
    r->years = p < pl->k3 ? 3 : multi ? 2 : 1;
    r->exc = p < pl->exc;
    r->prio = multi ? (int64_t)perm_apply(&pl->prios, (uint64_t)p) + 1 : 0;
    r->active = (int)(young ? rng_below(&g, 5) : multi ? 5 + skewed(&g, 0, 35) : skewed(&g, 0, 40));
    r->refused = !multi && p < pl->k + pl->refused;
    r->large = multi || (!r->refused && p < pl->k + pl->refused + pl->large);
    r->reason = r->refused ? (int)rng_below(&g, NELEM(REASON)) : -1;
    if (r->refused) {
        r->applied = round_to(skewed(&g, 10000, 250000), 1000);
    } else if (r->large) {
        r->assessed = round_to(skewed(&g, 55000, 400000), 1000);
        r->applied = round_to(r->assessed * (140 + rng_below(&g, 161)) / 100, 1000);
        if (r->applied > 500000) r->applied = 500000;
    } else {
        int64_t u1 = rng_below(&g, 1001), u2 = rng_below(&g, 1001), kind = rng_below(&g, 100);
        int64_t v = 3000 + 47000 * u1 * (1000 + u2) / 2000000;
        r->odd = kind < 10;
        v = kind < 4 ? 50000 : round_to(v, r->odd ? 50 : kind < 30 ? 500 : 1000);
        r->assessed = v < 3000 ? 3000 : v > 50000 ? 50000 : v;
        r->applied = r->assessed;
        if (rng_below(&g, 100) < 40)
            r->applied += 500 + round_to(r->assessed * (10 + rng_below(&g, 60)) / 100, 500);
    }
    r->empty_ok = rng_below(&g, 4) != 0;
    r->dots_a = (int)rng_below(&g, 2);
    r->dots_i = (int)rng_below(&g, 2);
    make_earmark(pl, i, r);
}

/* Appends the applications header row, preceded by the UTF-8 BOM. */
static void write_apps_header(out_t *o) {
    out_str(o, "\xEF\xBB\xBFNr;CVR;Forening;Indsats;Ansøgt;Indstillet;Afslag/begrundelse;"
               "Antal år;År aktiv;Undtagelse;Prioritet;12-25 år;Mental trivsel;Uddannelse;"
               "Trivsel tillæg ansøgt;Trivsel tillæg indstillet\r\n");
}

/* Appends r as one CSV row. Indstillet is 0 for refused rows and empty
 * (meaning "as applied for") for some rows assessed at the applied amount. */
static void write_row(out_t *o, const row_t *r) {
    out_int(o, r->nr, 0), sep(o);
    out_int(o, r->cvr, 0), sep(o);
    out_field(o, r->name), sep(o);
    out_field(o, r->act), sep(o);
    out_int(o, r->applied, r->dots_a), sep(o);
    if (r->refused) out_str(o, "0");
    else if (r->assessed != r->applied || !r->empty_ok) out_int(o, r->assessed, r->dots_i);
    sep(o);
    if (r->reason >= 0) out_field(o, REASON[r->reason]);
    sep(o);
    out_int(o, r->years, 0), sep(o);
    out_int(o, r->active, 0), sep(o);
    if (r->exc) out_str(o, "ja");
    sep(o);
    if (r->prio) out_int(o, r->prio, 0);
    sep(o);
    out_str(o, r->c_age ? "ja" : "nej"), sep(o);
    out_str(o, r->c_mental ? "ja" : "nej"), sep(o);
    out_str(o, r->c_edu ? "ja" : "nej"), sep(o);
    if (r->supp_asked) out_int(o, r->supp_asked, r->dots_a);
    sep(o);
    if (r->supp_asked && r->supp_assessed != r->supp_asked) out_int(o, r->supp_assessed, r->dots_i);
    out_str(o, "\r\n");
}

/* Returns the sum over i < n of clamp(round_to(base[i]*m/2^20, step), lo[i], hi[i]),
 * storing each term in val[i]. */
static int64_t scaled_sum(int64_t *val, const int64_t *base, const int64_t *lo, const int64_t *hi,
                          int n, int64_t step, int64_t m) {
    int64_t sum = 0;
    for (int i = 0; i < n; i++) {
        int64_t v = round_to((base[i] * m) >> 20, step);
        val[i] = v < lo[i] ? lo[i] : v > hi[i] ? hi[i] : v;
        sum += val[i];
    }
    return sum;
}

/* Scales base (each <= 2^24) by the largest common factor that keeps the
 * rounded, clamped sum <= target, and leaves the scaled values in val. */
static int64_t fit_sum(int64_t *val, const int64_t *base, const int64_t *lo, const int64_t *hi,
                       int n, int64_t step, int64_t target) {
    int64_t a = 0, b = (int64_t)1 << 32; /* invariant: sum(a) <= target or a == 0 */
    while (b - a > 1) {
        int64_t mid = a + (b - a) / 2;
        if (scaled_sum(val, base, lo, hi, n, step, mid) <= target) a = mid; else b = mid;
    }
    return scaled_sum(val, base, lo, hi, n, step, a);
}

/* Reshapes the amounts of the 68 default rows so the round matches the 2023
 * minutes: refused applications ~650.000, small assessed ~1.000.000 (one at
 * exactly 50.000, smallest <= 6.000), large assessed ~3.500.000, total
 * applied just under 8.900.000
 * with the largest application at 485.000. Keeps each row's cut ratio. */
static void fit_default(row_t *rw, int n) {
    int sm[DEFAULT_N], lg[DEFAULT_N], rf[DEFAULT_N], ns = 0, nl = 0, nr = 0, i, top = 0, lo_i = 0, hi_i = 0;
    int64_t base[DEFAULT_N] = {0}, lo[DEFAULT_N] = {0}, hi[DEFAULT_N] = {0}, val[DEFAULT_N] = {0};
    int64_t oa[DEFAULT_N], os[DEFAULT_N], fixed = 485000;
    for (i = 0; i < n; i++) {
        oa[i] = rw[i].applied, os[i] = rw[i].assessed;
        if (rw[i].refused) rf[nr++] = i;
        else if (rw[i].large) lg[nl++] = i;
        else sm[ns++] = i;
    }
    for (i = 0; i < nr; i++) base[i] = oa[rf[i]], lo[i] = 10000, hi[i] = 350000;
    fixed += fit_sum(val, base, lo, hi, nr, 1000, 650000);
    for (i = 0; i < nr; i++) rw[rf[i]].applied = val[i];
    for (i = 0; i < ns; i++) base[i] = os[sm[i]], lo[i] = 3000, hi[i] = 50000;
    fit_sum(val, base, lo, hi, ns, 500, 1000000);
    for (i = 0; i < ns; i++) {
        if (rw[sm[i]].odd && val[i] > 5000 && val[i] < 50000) val[i] -= 150;
        if (val[i] > val[hi_i]) hi_i = i;
        if (val[i] < val[lo_i]) lo_i = i;
    }
    val[hi_i] = 50000;
    if (val[lo_i] > 6000) val[lo_i] = 4500;
    for (i = 0; i < ns; i++) {
        row_t *r = &rw[sm[i]];
        r->assessed = r->applied = val[i];
        if (oa[sm[i]] != os[sm[i]])
            r->applied += 500 + round_to((oa[sm[i]] - os[sm[i]]) * val[i] / os[sm[i]], 500);
        fixed += r->applied;
    }
    for (i = 0; i < nl; i++) base[i] = os[lg[i]], lo[i] = 55000, hi[i] = 400000;
    fit_sum(val, base, lo, hi, nl, 1000, 3500000);
    for (i = 0; i < nl; i++) {
        rw[lg[i]].assessed = val[i];
        if (val[i] > val[top]) top = i;
    }
    for (i = 0; i < nl; i++) {
        base[i] = i == top ? 0 : val[i] * oa[lg[i]] / os[lg[i]];
        lo[i] = i == top ? 485000 : val[i];
        hi[i] = i == top ? 485000 : 430000 + rw[lg[i]].cvr % 41 * 1000;
    }
    fit_sum(val, base, lo, hi, nl, 1000, 8900000 - fixed + 485000);
    for (i = 0; i < nl; i++) rw[lg[i]].applied = val[i];
}

/* The default pool's mental trivsel supplements, chosen so that the 500.000
 * kr. are handed out exactly: tier 1 (all three criteria) asks 320.000 and
 * gets it in full; tier 2 (12-25 år and mental trivsel) is assessed at
 * 240.000 and shares the 180.000 left, a factor of 3/4 that gives whole
 * hundreds. Supplements go to applications assessed at 30.000 kr. or more.
 * One refused row asks too (it has no grant to add to), and two meet
 * criteria 1 and 3 only (they cannot ask). */
static void fit_default_earmark(row_t *rw, int n) {
    static const int64_t tier1[] = {50000, 50000, 50000, 50000, 40000, 40000, 40000};
    static const int64_t tier2[] = {48000, 40000, 40000, 32000, 32000, 28000, 20000};
    static const int64_t asked2[] = {60000, 40000, 45000, 32000, 32000, 30000, 20000};
    int t1 = 0, t2 = 0, refused = 0, other = 0;
    for (int i = 0; i < n; i++) {
        row_t *r = &rw[i];
        r->c_age = r->c_mental = r->c_edu = 0;
        r->supp_asked = r->supp_assessed = 0;
        if (r->refused) {
            if (!refused++) {
                r->c_age = r->c_mental = r->c_edu = 1;
                r->supp_asked = r->supp_assessed = 30000;
            }
            continue;
        }
        if (r->assessed >= 30000 && t1 <= t2 && t1 < (int)NELEM(tier1)) {
            r->c_age = r->c_mental = r->c_edu = 1;
            r->supp_asked = r->supp_assessed = tier1[t1++];
        } else if (r->assessed >= 30000 && t2 < (int)NELEM(tier2)) {
            r->c_age = r->c_mental = 1;
            r->supp_asked = asked2[t2];
            r->supp_assessed = tier2[t2++];
        } else if (i % 4 == 2 && other < 2) {
            r->c_age = r->c_edu = 1;
            other++;
        }
    }
}

/* Writes the default 2023 pool (68 rows) to o. */
static void write_default_apps(out_t *o) {
    static row_t rw[DEFAULT_N];
    pool_t pl;
    pool_init(&pl, DEFAULT_N, DEFAULT_SEED);
    for (int i = 0; i < DEFAULT_N; i++) make_row(&pl, i, &rw[i]);
    fit_default(rw, DEFAULT_N);
    fit_default_earmark(rw, DEFAULT_N);
    write_apps_header(o);
    for (int i = 0; i < DEFAULT_N; i++) write_row(o, &rw[i]);
}

/* Streams a pool of n rows to o, one row in memory at a time. */
static void write_count_apps(out_t *o, int64_t n, uint64_t seed) {
    pool_t pl;
    row_t r;
    pool_init(&pl, n, seed);
    write_apps_header(o);
    for (int64_t i = 0; i < n; i++) make_row(&pl, i, &r), write_row(o, &r);
}

/* ------------------------------------------------------------- ledger */

typedef struct { int decided, start, years, drift; int64_t amount; } grant_t;

typedef struct {
    out_t *o;
    rng_t g;
    int year, seq;      /* current decision year, rows written for it */
    int64_t nr, name_j; /* last Nr in that round, next association name */
} ledger_t;

/* Appends the ledger header row, preceded by the UTF-8 BOM. */
static void write_ledger_header(out_t *o) {
    out_str(o, "\xEF\xBB\xBFLøbenr;Besluttet år;Udbetalingsår;Nr;Forening;Beløb;Art\r\n");
}

/* Appends one row per paid year of grant gr. Grants must come in order of
 * decision year; Løbenr runs per decision year, Nr rises in each round. A
 * driftsaftale goes to Frivilligcenter Odense, others to fresh names. */
static void emit_grant(ledger_t *lc, const grant_t *gr) {
    char name[96], id[32];
    if (gr->decided != lc->year) lc->year = gr->decided, lc->seq = 0, lc->nr = 0;
    lc->nr += 1 + rng_below(&lc->g, 6);
    if (gr->drift) strcpy(name, "Frivilligcenter Odense");
    else assoc_name(name, (uint64_t)lc->name_j++, 0);
    for (int y = gr->start; y < gr->start + gr->years; y++) {
        int s = ++lc->seq, k = 31;
        id[k] = '\0';
        do id[--k] = (char)('0' + s % 10), s /= 10; while (s > 0 || k > 28);
        out_mem(lc->o, "L", 1), out_int(lc->o, gr->decided, 0), out_mem(lc->o, "-", 1);
        out_str(lc->o, id + k), sep(lc->o);
        out_int(lc->o, gr->decided, 0), sep(lc->o);
        out_int(lc->o, y, 0), sep(lc->o);
        out_int(lc->o, lc->nr, 0), sep(lc->o);
        out_field(lc->o, name), sep(lc->o);
        out_int(lc->o, gr->amount, 0), sep(lc->o);
        out_str(lc->o, gr->drift ? "driftsaftale\r\n" : "flerårigt tilskud\r\n");
    }
}

/* Writes the default ledger: grants decided 2020-2022. The ten flerårige
 * tilskud paid in 2023 sum to exactly 2.179.031 kr.; plus the driftsaftale
 * with Frivilligcenter Odense (2022-2024, 935.480 kr. a year). */
static void write_default_ledger(out_t *o) {
    static const grant_t G[] = {
        {2020, 2020, 3, 0, 185000}, {2020, 2020, 3, 0, 140000}, {2020, 2020, 2, 0, 95000},
        {2021, 2021, 3, 0, 265000}, {2021, 2021, 3, 0, 198000}, {2021, 2022, 3, 1, 935480},
        {2021, 2021, 3, 0, 150000}, {2021, 2021, 2, 0, 160000}, {2021, 2021, 3, 0, 310000},
        {2021, 2021, 2, 0, 80000},  {2022, 2022, 2, 0, 120000}, {2022, 2022, 3, 0, 280000},
        {2022, 2022, 2, 0, 236031}, {2022, 2022, 3, 0, 225000}, {2022, 2022, 2, 0, 175000},
        {2022, 2022, 3, 0, 220000}};
    ledger_t lc = {o, rng_for(DEFAULT_SEED, 0x6c6564676572ULL), 0, 0, 0, DEFAULT_N};
    write_ledger_header(o);
    for (int i = 0; i < (int)NELEM(G); i++) emit_grant(&lc, &G[i]);
}

/* Streams a plausible ledger for a --count pool of n rows in year y: G
 * multi-year grants still paid in y (about OLD_PER_APP kr. per application
 * in all), some finished ones, and the driftsaftale, decided y-3..y-1. */
static void write_count_ledger(out_t *o, int64_t n, uint64_t seed, int y) {
    int64_t G = n * OLD_PER_APP / 141000;
    if (G < 1) G = 1;
    const struct { int dec, start, years; int64_t count; } cat_[] = {
        {y - 3, y - 3, 3, G / 4}, {y - 3, y - 3, 2, G / 8}, {y - 2, y - 1, 3, -1},
        {y - 2, y - 2, 3, G * 4 / 10}, {y - 2, y - 2, 2, G / 5}, {y - 1, y - 1, 2, G * 3 / 10},
        {y - 1, y - 1, 3, G - G * 4 / 10 - G * 3 / 10}};
    ledger_t lc = {o, rng_for(seed, 0x6c6564676572ULL), 0, 0, 0, n};
    write_ledger_header(o);
    for (int c = 0; c < (int)NELEM(cat_); c++) {
        grant_t gr = {cat_[c].dec, cat_[c].start, cat_[c].years, cat_[c].count < 0, 935480};
        int64_t cnt = cat_[c].count < 0 ? 1 : cat_[c].count;
        for (int64_t k = 0; k < cnt; k++) {
            if (!gr.drift) gr.amount = round_to(skewed(&lc.g, 55000, 400000), 1000);
            emit_grant(&lc, &gr);
        }
    }
}

/* --------------------------------------------------------------- main */

static const char USAGE[] =
    "usage: genpool --default --apps FILE [--ledger FILE]\n"
    "       genpool --count N [--seed S] [--year Y] --apps FILE [--ledger FILE]\n"
    "       genpool --help\n"
    "\n"
    "Writes synthetic § 18 grant applications (and a commitments ledger) as\n"
    "Danish Excel CSV: UTF-8 with BOM, ';' separators, CRLF line endings.\n"
    "  --default      the project's default pool: a synthetic reconstruction of\n"
    "                 Odense's 2023 round (68 applications, 8,9 mio. kr. applied)\n"
    "  --count N      a pool of the same shape with N applications (1..1000000)\n"
    "  --seed S       PRNG seed for --count (0..2^64-1, default 1)\n"
    "  --year Y       year of the round for --count (1900..9999, default 2023)\n"
    "  --apps FILE    where to write the applications ('-' = stdout)\n"
    "  --ledger FILE  where to write the ledger of earlier commitments\n"
    "Same arguments give byte-identical output. Exit status: 0 ok, 1 write\n"
    "error, 2 bad arguments.\n";

/* Parses a decimal number in [lo, hi] into *v; returns 0 on success. */
static int parse_u64(const char *s, uint64_t lo, uint64_t hi, uint64_t *v) {
    uint64_t x = 0;
    if (!s || !*s) return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || x > (UINT64_MAX - (uint64_t)(*s - '0')) / 10) return -1;
        x = x * 10 + (uint64_t)(*s - '0');
    }
    if (x < lo || x > hi) return -1;
    *v = x;
    return 0;
}

/* Prints "genpool: msg" and the usage hint to stderr; returns exit code 2. */
static int bad_args(const char *msg, const char *arg) {
    fprintf(stderr, "genpool: %s%s%s\nTry 'genpool --help'.\n", msg, arg ? ": " : "", arg ? arg : "");
    return 2;
}

/* Opens path for writing ('-' = stdout), runs the writer, flushes and closes;
 * returns 0, or 1 after a message if anything failed. */
static int write_file(const char *path, int dflt, int ledger, int64_t n, uint64_t seed, int year) {
    static out_t o;
    int is_std = strcmp(path, "-") == 0;
    o.n = 0, o.err = 0, o.f = is_std ? stdout : fopen(path, "wb");
    if (!o.f) { perror(path); return 1; }
    if (dflt) (ledger ? write_default_ledger : write_default_apps)(&o);
    else if (ledger) write_count_ledger(&o, n, seed, year);
    else write_count_apps(&o, n, seed);
    out_flush(&o);
    if (is_std ? (fflush(stdout) != 0 || ferror(stdout)) : (fclose(o.f) != 0 || o.err)) o.err = 1;
    if (o.err) fprintf(stderr, "genpool: write error on %s\n", is_std ? "stdout" : path);
    return o.err;
}

/* Parses the command line, then writes the requested files. */
int main(int argc, char **argv) {
    const char *apps = NULL, *ledger = NULL;
    int dflt = 0, have_count = 0, have_seed = 0, have_year = 0;
    uint64_t n = 0, seed = 1, year = DEFAULT_YEAR;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0) { fputs(USAGE, stdout); return fflush(stdout) ? 1 : 0; }
        if (strcmp(a, "--default") == 0) { dflt = 1; continue; }
        if (strcmp(a, "--count") && strcmp(a, "--seed") && strcmp(a, "--year") &&
            strcmp(a, "--apps") && strcmp(a, "--ledger"))
            return bad_args("unknown argument", a);
        if (!v) return bad_args("missing value for", a);
        i++;
        if (strcmp(a, "--apps") == 0) apps = v;
        else if (strcmp(a, "--ledger") == 0) ledger = v;
        else if (strcmp(a, "--count") == 0) {
            if (parse_u64(v, 1, MAX_COUNT, &n)) return bad_args("--count must be 1..1000000, got", v);
            have_count = 1;
        } else if (strcmp(a, "--seed") == 0) {
            if (parse_u64(v, 0, UINT64_MAX, &seed)) return bad_args("bad --seed", v);
            have_seed = 1;
        } else {
            if (parse_u64(v, 1900, 9999, &year)) return bad_args("--year must be 1900..9999, got", v);
            have_year = 1;
        }
    }
    if (dflt == have_count) return bad_args("give exactly one of --default and --count N", NULL);
    if (dflt && (have_seed || have_year)) return bad_args("--seed and --year go with --count only", NULL);
    if (!apps) return bad_args("--apps FILE is required", NULL);
    if (ledger && strcmp(apps, ledger) == 0) return bad_args("--apps and --ledger name the same file", apps);
    if (write_file(apps, dflt, 0, (int64_t)n, seed, (int)year)) return 1;
    if (ledger && write_file(ledger, dflt, 1, (int64_t)n, seed, (int)year)) return 1;
    return 0;
}
