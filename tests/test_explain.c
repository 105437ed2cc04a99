/* test_explain.c - `pulje explain NR`: the steps from ansøgt to tilskud, in kroner.
 *
 * On the default pool (inputs/pulje-2023.ini, closed form, no ledger):
 * 3.257.078 kr. for new grants; claims of at most 50.000 kr. sum to 998.850
 * kr. and are paid in full; the larger ones (3.500.000 kr.) are cut by
 * 2.258.228 / 3.500.000, then rounded down to 100 kr. with the freed units
 * handed to the largest remainders. Also small pools made by hand, one per
 * rule and option (the cel example among them), a property test
 * that runs explain on every application of some 2.000 generated pools and
 * checks the figures it prints against the result, the README's example,
 * the lookup of numbers, the command line's exit codes, and the context
 * (explain_prepare) giving the one-shot's text on every application. */
#include "testutil.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "alloc.h"
#include "inputs.h"
#include "run.h"
#include "apps.h"
#include "explain.h"
#include "labels.h"
#include "pool.h"
#include "rules.h"

typedef struct fixture {
    pulje_inputs in;
    alloc_result r;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    diag_list dl;
    int rc = -1;

    diag_init(&dl);
    if (f && run_load_inputs("inputs/pulje-2023.ini", NULL, &f->in, &dl) == PULJE_OK &&
        alloc_run(&f->in.pool, &f->in.apps, ALLOC_CLOSED_FORM, &f->r, &dl) == 0)
        rc = 0;
    diag_free(&dl);
    *state = f;
    return rc;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (f) {
        alloc_free(&f->r);
        inputs_free(&f->in);
        free(f);
    }
    return 0;
}

/* Explain application nr and compare with the expected lines, NULL-terminated. */
static void expect_lines(fixture *f, const char *nr, const char *const *want)
{
    explain_text t;
    size_t i, k;

    assert_int_equal(explain_find(&f->in.apps, nr, &i), 0);
    assert_int_equal(explain_build(&f->in.pool, &f->in.apps, &f->r, i, &t), 0);
    for (k = 0; want[k]; k++) {
        if (k >= t.n) {
            print_error("missing line %zu: %s\n", k, want[k]);
            fail();
        }
        assert_string_equal(t.lines[k], want[k]);
    }
    assert_int_equal(t.n, k);
    explain_free(&t);
}

static void test_reduced_multi_year_grant_is_explained_step_by_step(void **state)
{
    static const char *const want[] = {
        "Ansøgning nr. 3: Foreningen Trygge Fællesskaber i Dalum",
        "Indsats: Cykelværksted for unge",
        "Pulje: § 18-Hovedpuljen 2023",
        "  1. Ansøgt: 136.000 kr.",
        "  2. Indstillet af indstillingsudvalget: 70.000 kr.",
        "  3. Regel: Forholdsmæssig reduktion af alle indstillede beløb på mere end 50.000 kr.",
        "     70.000 kr. er mere end 50.000 kr. og reduceres med faktoren",
        "     Faktor = (til rådighed 3.257.078 kr. - ikke reducerede beløb 998.850 kr.) / "
        "reducerede beløb før reduktion 3.500.000 kr. ≈ 0,645208",
        "  4. Beregnet andel: 70.000 kr. x 0,645208 = 45.164,56 kr.",
        "  5. Afrundet ned til hele 100 kr. (R1): 45.100 kr.",
        "     Plus 100 kr. af det, afrundingen frigjorde (R3, største rest først): 45.200 kr.",
        "  6. Flerårig: søgt 2 år, bevilget 2 år: Flerårig bevilling",
        "     År aktiv: 7 (kravet er mindst 5)",
        "     2023: 45.200 kr.",
        "     2024: 45.200 kr.",
        "  7. Tillæg fra Midler til mental trivsel 12-25 år: søgt 60.000 kr., indstillet "
        "48.000 kr.",
        "     Trin 2: opfylder 12-25 år, mental trivsel",
        "     Reduceret i trin 2, hvor midlerne slap op",
        "     Tillæg bevilget: 36.000 kr.",
        "Indstillet tilskud: 45.200 kr.",
        "Reduktion: 24.800 kr. (35,4 %)",
        "I alt med tillæg: 81.200 kr.",
        NULL,
    };
    expect_lines(*state, "3", want);
}

static void test_claim_of_exactly_the_threshold_is_paid_as_assessed(void **state)
{
    static const char *const want[] = {
        "Ansøgning nr. 2: Netværket for Kloge Fyrtårne i Højby",
        "Indsats: Samtalegrupper for pårørende",
        "Pulje: § 18-Hovedpuljen 2023",
        "  1. Ansøgt: 84.500 kr.",
        "  2. Indstillet af indstillingsudvalget: 50.000 kr.",
        "  3. Regel: Forholdsmæssig reduktion af alle indstillede beløb på mere end 50.000 kr.",
        "     50.000 kr. er højst 50.000 kr. og reduceres ikke",
        "  4. Beregnet andel: hele det indstillede beløb = 50.000 kr.",
        "  5. Udbetales som indstillet, uden afrunding: 50.000 kr.",
        "  6. Antal år: søgt 1, bevilget 1",
        "  7. Tillæg fra Midler til mental trivsel 12-25 år: søgt 50.000 kr., indstillet "
        "50.000 kr.",
        "     Trin 1: opfylder 12-25 år, mental trivsel, uddannelse",
        "     Tillæg bevilget: 50.000 kr.",
        "Indstillet tilskud: 50.000 kr.",
        "I alt med tillæg: 100.000 kr.",
        NULL,
    };
    expect_lines(*state, "2", want);
}

static void test_refusal_names_the_reason_and_grants_nothing(void **state)
{
    static const char *const want[] = {
        "Ansøgning nr. 9: Holluf Piles Sunde Hjælpere",
        "Indsats: Fællesspisning for enlige",
        "Pulje: § 18-Hovedpuljen 2023",
        "  1. Ansøgt: 100.000 kr.",
        "  2. Afslag: Manglende regnskab",
        "  3. Antal år: søgt 1, bevilget 0",
        "  4. Tillæg fra Midler til mental trivsel 12-25 år: søgt 30.000 kr., indstillet 0 kr.",
        "     Intet ordinært tilskud at lægge tillægget til",
        "     Tillæg bevilget: 0 kr.",
        "Indstillet tilskud: 0 kr.",
        "Afslag: Manglende regnskab",
        NULL,
    };
    expect_lines(*state, "9", want);
}

/* Every application's explanation ends with its grant, as the result has it,
 * and with the grant plus supplements when it got any. */
static void test_every_explanation_ends_with_the_grant_of_the_result(void **state)
{
    fixture *f = *state;
    char want[64], m[MONEY_BUFSZ];

    for (size_t i = 0; i < f->in.apps.n; i++) {
        explain_text t;
        pulje_kr supp = 0;
        for (size_t k = 0; k < f->r.em.n_earmarks; k++)
            supp += f->r.em.lines[k * f->r.n + i].grant;
        assert_int_equal(explain_build(&f->in.pool, &f->in.apps, &f->r, i, &t), 0);
        snprintf(want, sizeof want, "Indstillet tilskud: %s kr.",
                 money_format(f->r.lines[i].grant, m));
        const alloc_line *l = &f->r.lines[i];
        size_t back = 1 + (l->grant < l->claim || l->grant == 0) + (supp > 0);
        assert_string_equal(t.lines[t.n - back], want);
        if (supp > 0) {
            snprintf(want, sizeof want, "I alt med tillæg: %s kr.",
                     money_format(f->r.lines[i].grant + supp, m));
            assert_string_equal(t.lines[t.n - 1], want);
        }
        explain_free(&t);
    }
}

/* A hand-made proportional pool: 100.000 kr. for claims 30.000, 60.000 and
 * 110.000 (200.000 in all): factor 1/2, no rounding unit beyond 1 kr. */
static void test_proportional_rule_shows_money_over_claims(void **state)
{
    (void)state;
    pool p;
    app a[3];
    app_list apps = {"x.csv", a, 3, NULL, NULL, 0, NULL};
    alloc_result r;
    diag_list dl;
    pool_line budget = {"Budget", 100000, 1};
    explain_text t;
    static const char *const nrs[] = {"1", "2", "3"};
    static const pulje_kr claims[] = {30000, 60000, 110001};

    memset(&p, 0, sizeof p);
    memset(a, 0, sizeof a);
    p.file = "x.ini";
    p.name = "Puljen";
    p.year = 2024;
    p.budget = &budget;
    p.n_budget = 1;
    p.rule.kind = RULE_PROPORTIONAL;
    p.rounding = 1;
    p.cap_bp = 5500;
    p.min_active_years = 5;
    for (int k = 0; k < 3; k++) {
        a[k].nr = (char *)nrs[k];
        a[k].cvr = a[k].refusal = (char *)"";
        a[k].association = a[k].activity = (char *)"F";
        a[k].applied = a[k].assessed = claims[k];
        a[k].assessed_given = true;
        a[k].years = 1;
        a[k].active_years = -1;
    }
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &apps, ALLOC_CLOSED_FORM, &r, &dl), 0);
    assert_int_equal(explain_build(&p, &apps, &r, 2, &t), 0);
    assert_string_equal(t.lines[6], "     Alle indstillede beløb reduceres med samme faktor");
    assert_string_equal(t.lines[7],
                        "     Faktor = til rådighed 100.000 kr. / indstillet i alt 200.001 kr. "
                        "≈ 0,499998");
    assert_string_equal(t.lines[8], "  4. Beregnet andel: 110.001 kr. x 0,499998 = 55.000,22 kr.");
    assert_string_equal(t.lines[9], "  5. Afrundet ned til hele 1 kr. (R1): 55.000 kr.");
    explain_free(&t);
    alloc_free(&r);
    diag_free(&dl);
}

/* ---- hand-made pools: one per rule and option --------------------------- */

/* A pool of n applications, numbered 1..n, with the given claims (assessed
 * = applied); a claim of -1 is a refusal by the panel. */
typedef struct hand {
    pool p;
    pool_line budget;
    app *a;
    char (*nrs)[24];
    app_list apps;
    alloc_result r;
    int rc;
} hand;

/* What the engine fills in alloc_run (alloc.h: share_num/share_den, cap,
 * capped, step, why), for a result that does not have it yet: from the
 * closed form, and the step the grant shows. A result that has it (every
 * share_den > 0) is left as it is, so these tests check the engine's own
 * figures once it fills them. */
static void engine_fill(hand *h)
{
    alloc_result *r = &h->r;
    const rule_params *rp = &h->p.rule;
    pulje_kr unit = h->p.rounding > 0 ? h->p.rounding : 1;
    pulje_kr *claims = calloc(r->n ? r->n : 1, sizeof *claims);
    rule_result rr;
    bool filled = true;

    for (size_t k = 0; k < r->n; k++)
        filled = filled && r->lines[k].share_den > 0;
    if (filled) {
        free(claims);
        return;
    }
    assert_non_null(claims);
    for (size_t k = 0; k < r->n; k++)
        claims[k] = r->lines[k].claim;
    memset(&rr, 0, sizeof rr);
    if (r->rationed)
        assert_int_equal(rule_apply(rp, claims, r->n, r->available, &rr), RULE_OK);
    for (size_t k = 0; k < r->n; k++) {
        alloc_line *l = &r->lines[k];
        const app *a = &h->apps.v[k];
        pulje_wide num = r->rationed ? rr.num[k] : l->claim, den = r->rationed ? rr.den : 1;
        bool opts = r->rationed;
        l->share_num = num;
        l->share_den = den;
        l->capped = opts && rp->max_grant > 0 && l->claim > rp->max_grant &&
                    num == (pulje_wide)rp->max_grant * den;
        l->cap = opts && rp->max_grant > 0 && rp->max_grant < l->claim ? rp->max_grant : l->claim;
        pulje_kr g = (pulje_kr)(num / den / unit * unit);
        l->step = num % den == 0 && num / den == l->grant ? ALLOC_STEP_EXACT
                  : l->grant == g                         ? ALLOC_STEP_FLOOR
                  : l->grant == g + unit                  ? ALLOC_STEP_UNIT
                                                          : ALLOC_STEP_RAISE;
        l->why = l->grant > 0                                  ? ALLOC_REFUSE_NONE
                 : a->refusal && a->refusal[0]                 ? ALLOC_REFUSE_PANEL
                 : l->my == MY_SET_ASIDE                       ? ALLOC_REFUSE_HOLDER
                 : l->claim == 0                               ? ALLOC_REFUSE_PANEL
                 : opts && rp->min_grant > 0 && num == 0       ? ALLOC_REFUSE_MIN_GRANT
                                                               : ALLOC_REFUSE_ROUNDED;
    }
    rule_result_free(&rr);
    free(claims);
}

/* Build and allocate (closed form). h->rc is alloc_run's answer. */
static void hand_make(hand *h, rule_params rule, pulje_kr unit, pulje_kr money,
                      const pulje_kr *claims, size_t n)
{
    diag_list dl;

    memset(h, 0, sizeof *h);
    h->a = calloc(n, sizeof *h->a);
    h->nrs = calloc(n, sizeof *h->nrs);
    assert_non_null(h->a);
    assert_non_null(h->nrs);
    h->budget = (pool_line){(char *)"Budget", money, 1};
    h->p.file = (char *)"x.ini";
    h->p.name = (char *)"Puljen";
    h->p.year = 2024;
    h->p.budget = &h->budget;
    h->p.n_budget = 1;
    h->p.rule = rule;
    h->p.rounding = unit;
    h->p.cap_bp = 5500;
    h->p.min_active_years = 5;
    for (size_t k = 0; k < n; k++) {
        app *a = &h->a[k];
        snprintf(h->nrs[k], sizeof h->nrs[k], "%zu", k + 1);
        a->nr = h->nrs[k];
        a->cvr = (char *)"";
        a->refusal = (char *)(claims[k] < 0 ? "Manglende regnskab" : "");
        a->association = a->activity = (char *)"F";
        a->applied = claims[k] < 0 ? 1000 : claims[k];
        a->assessed = claims[k] < 0 ? 0 : claims[k];
        a->assessed_given = true;
        a->years = 1;
        a->active_years = -1;
    }
    h->apps = (app_list){(char *)"x.csv", h->a, n, NULL, NULL, 0, NULL};
    diag_init(&dl);
    h->rc = alloc_run(&h->p, &h->apps, ALLOC_CLOSED_FORM, &h->r, &dl);
    diag_free(&dl);
    if (h->rc == 0)
        engine_fill(h);
}

static void hand_free(hand *h)
{
    if (h->rc == 0)
        alloc_free(&h->r);
    free(h->a);
    free(h->nrs);
    memset(h, 0, sizeof *h);
}

static rule_params rule_of(rule_kind kind, pulje_kr threshold, pulje_kr min, pulje_kr max)
{
    rule_params rp = {kind, threshold, min, max};
    return rp;
}

/* Whether some line of t is exactly want. */
static bool has_line(const explain_text *t, const char *want)
{
    for (size_t k = 0; k < t->n; k++)
        if (strcmp(t->lines[k], want) == 0)
            return true;
    return false;
}

/* Whether some line of t contains part. */
static bool has_part(const explain_text *t, const char *part)
{
    for (size_t k = 0; k < t->n; k++)
        if (strstr(t->lines[k], part))
            return true;
    return false;
}

static void expect_has(const explain_text *t, const char *want)
{
    if (!has_line(t, want)) {
        print_error("no line \"%s\" in:\n", want);
        for (size_t k = 0; k < t->n; k++)
            print_error("  |%s\n", t->lines[k]);
        fail();
    }
}

/* Explain application nr (1-based) of h into t. */
static void hand_explain(hand *h, size_t nr, explain_text *t)
{
    assert_int_equal(h->rc, 0);
    assert_int_equal(explain_build(&h->p, &h->apps, &h->r, nr - 1, t), 0);
}

/* The exact share explain's formula gave equals whole kroner v. */
static void expect_share_kr(const explain_text *t, pulje_kr v)
{
    assert_true(t->share_line != EXPLAIN_NO_LINE);
    assert_true(t->share_num == (pulje_wide)v * t->share_den);
}

static const pulje_kr claims_10_30_60[] = {10000, 30000, 60000};

/* The example: cel, money 50.000, assessed 10.000 / 30.000 / 60.000.
 * The cut L = 20.000 gives 0 / 10.000 / 40.000. */
static void test_cel_shows_the_cut_and_the_share_of_the_grant(void **state)
{
    (void)state;
    static const char *const want[] = {
        "Ansøgning nr. 2: F",
        "Indsats: F",
        "Pulje: Puljen 2024",
        "  1. Ansøgt: 30.000 kr.",
        "  2. Indstillet af indstillingsudvalget: 30.000 kr.",
        "  3. Regel: Fælles nedskæring: alle reduceres med det samme beløb i kr., dog ikke under "
        "0 (constrained equal losses)",
        "     Andel = max(0, indstillet - L), hvor den fælles nedskæring L er valgt, så andelene "
        "tilsammen er 50.000 kr.",
        "     Fælles nedskæring: L = 20.000 kr.",
        "  4. Beregnet andel: max(0, 30.000 kr. - 20.000 kr.) = 10.000 kr.",
        "  5. Andelen er hele kroner og udbetales uden afrunding: 10.000 kr.",
        "  6. Antal år: søgt 1, bevilget 1",
        "Indstillet tilskud: 10.000 kr.",
        "Reduktion: 20.000 kr. (66,7 %)",
        NULL,
    };
    hand h;
    explain_text t;
    size_t k;

    hand_make(&h, rule_of(RULE_CEL, 0, 0, 0), 1, 50000, claims_10_30_60, 3);
    assert_int_equal(h.r.lines[1].grant, 10000);
    hand_explain(&h, 2, &t);
    for (k = 0; want[k]; k++) {
        assert_true(k < t.n);
        assert_string_equal(t.lines[k], want[k]);
    }
    assert_int_equal(t.n, k);
    expect_share_kr(&t, 10000);
    assert_int_equal(t.rounded, 10000);
    assert_false(has_part(&t, "Faktor"));
    explain_free(&t);

    hand_explain(&h, 1, &t);
    expect_has(&t, "  4. Beregnet andel: max(0, 10.000 kr. - 20.000 kr.) = 0 kr.");
    expect_has(&t, "Indstillet tilskud: 0 kr.");
    expect_has(&t, "Afslag: reglen giver en andel på 0 kr.");
    assert_false(has_part(&t, "Reduktion:"));
    expect_share_kr(&t, 0);
    explain_free(&t);

    hand_explain(&h, 3, &t);
    expect_has(&t, "  4. Beregnet andel: max(0, 60.000 kr. - 20.000 kr.) = 40.000 kr.");
    expect_has(&t, "Indstillet tilskud: 40.000 kr.");
    expect_share_kr(&t, 40000);
    explain_free(&t);
    hand_free(&h);
}

/* cea on the same pool: 10.000 is paid in full, the ceiling is L = 20.000. */
static void test_cea_shows_the_ceiling(void **state)
{
    (void)state;
    hand h;
    explain_text t;

    hand_make(&h, rule_of(RULE_CEA, 0, 0, 0), 1000, 50000, claims_10_30_60, 3);
    hand_explain(&h, 3, &t);
    expect_has(&t, "     Andel = min(indstillet, L), hvor det fælles loft L er valgt, så andelene "
                   "tilsammen er 50.000 kr.");
    expect_has(&t, "     Fælles loft: L = 20.000 kr.");
    expect_has(&t, "  4. Beregnet andel: min(60.000 kr., 20.000 kr.) = 20.000 kr.");
    expect_has(&t, "  5. Andelen går op i hele 1.000 kr. og udbetales uden afrunding: 20.000 kr.");
    expect_has(&t, "Reduktion: 40.000 kr. (66,7 %)");
    expect_share_kr(&t, 20000);
    explain_free(&t);
    hand_explain(&h, 1, &t);
    expect_has(&t, "  4. Beregnet andel: min(10.000 kr., 20.000 kr.) = 10.000 kr.");
    expect_has(&t, "  5. Udbetales som indstillet, uden afrunding: 10.000 kr.");
    assert_false(has_part(&t, "Reduktion:"));
    assert_false(has_part(&t, "Afslag"));
    explain_free(&t);
    hand_free(&h);
}

/* Talmud, claims 100.000 / 200.000 / 300.000: money 100.000 is at most half
 * the claims (a ceiling of 33.333,33 on the half claims, 33.333 each after
 * rounding down to 1 kr.); money 400.000 is more (losses 50.000 / 75.000 /
 * 75.000, the largest loss L = 75.000). */
static void test_talmud_shows_its_regime_and_level(void **state)
{
    (void)state;
    static const pulje_kr claims[] = {100000, 200000, 300000};
    hand h;
    explain_text t;

    hand_make(&h, rule_of(RULE_TALMUD, 0, 0, 0), 1, 100000, claims, 3);
    hand_explain(&h, 3, &t);
    expect_has(&t, "     Midlerne (100.000 kr.) er højst halvdelen af de indstillede beløb "
                   "(600.000 kr.): fælles loft L på de halve beløb, andel = min(indstillet / 2, L)");
    expect_has(&t, "     Loft på de halve beløb: L = 33.333,33 kr.");
    expect_has(&t, "  4. Beregnet andel: min(300.000 kr. / 2, 33.333,33 kr.) = 33.333,33 kr.");
    expect_has(&t, "  5. Afrundet ned til hele 1 kr. (R1): 33.333 kr.");
    expect_has(&t, "     Ingen enhed mere her af det, afrundingen frigjorde (R3): 33.333 kr.");
    assert_true(t.share_num == 100000 && t.share_den == 3);
    assert_int_equal(t.rounded, 33333);
    explain_free(&t);
    hand_free(&h);

    hand_make(&h, rule_of(RULE_TALMUD, 0, 0, 0), 1, 400000, claims, 3);
    hand_explain(&h, 3, &t);
    expect_has(&t, "     Midlerne (400.000 kr.) er mere end halvdelen af de indstillede beløb "
                   "(600.000 kr.): alle mister det halve beløb, dog højst L, andel = indstillet - "
                   "min(indstillet / 2, L)");
    expect_has(&t, "     Højeste tab: L = 75.000 kr.");
    expect_has(&t, "  4. Beregnet andel: 300.000 kr. - min(300.000 kr. / 2, 75.000 kr.) = "
                   "225.000 kr.");
    expect_share_kr(&t, 225000);
    explain_free(&t);
    hand_explain(&h, 1, &t);
    expect_has(&t, "  4. Beregnet andel: 100.000 kr. - min(100.000 kr. / 2, 75.000 kr.) = "
                   "50.000 kr.");
    explain_free(&t);
    hand_free(&h);
}

/* excess, the README's example: claims 30.000 / 60.000 / 100.000, T = 50.000,
 * money 150.000: f = 20.000 / 60.000; 100.000 keeps 50.000 plus a third of
 * 50.000 = 66.666,67, rounded down to 66.666 and given the one freed krone. */
static void test_excess_shows_the_protected_part_and_the_factor(void **state)
{
    (void)state;
    static const pulje_kr claims[] = {30000, 60000, 100000};
    hand h;
    explain_text t;

    hand_make(&h, rule_of(RULE_EXCESS, 50000, 0, 0), 1, 150000, claims, 3);
    hand_explain(&h, 3, &t);
    expect_has(&t, "     Beskyttet del: min(100.000 kr., 50.000 kr.) = 50.000 kr.; det "
                   "overskydende, 50.000 kr., reduceres med faktoren");
    expect_has(&t, "     Faktor = (til rådighed 150.000 kr. - beskyttede dele 130.000 kr.) / "
                   "overskydende dele i alt 60.000 kr. ≈ 0,333333");
    expect_has(&t, "  4. Beregnet andel: 50.000 kr. + 0,333333 x 50.000 kr. = 66.666,67 kr.");
    expect_has(&t, "  5. Afrundet ned til hele 1 kr. (R1): 66.666 kr.");
    expect_has(&t, "     Plus 1 kr. af det, afrundingen frigjorde (R3, største rest først): "
                   "66.667 kr.");
    expect_has(&t, "Indstillet tilskud: 66.667 kr.");
    assert_true(t.share_num == 200000 && t.share_den == 3);
    explain_free(&t);
    hand_explain(&h, 1, &t);
    expect_has(&t, "     30.000 kr. er højst 50.000 kr. og reduceres ikke");
    expect_has(&t, "  4. Beregnet andel: hele det indstillede beløb = 30.000 kr.");
    explain_free(&t);
    hand_free(&h);
}

/* min_grant, the README's example: proportional, claims 10.000 / 30.000 /
 * 60.000, money 50.000, minimum 8.000: 10.000 would get 5.000 and is
 * refused; 30.000 and 60.000 share the 50.000 by 5/9. */
static void test_min_grant_refusal_is_afslag_with_its_reason(void **state)
{
    (void)state;
    hand h;
    explain_text t;

    hand_make(&h, rule_of(RULE_PROPORTIONAL, 0, 8000, 0), 1, 50000, claims_10_30_60, 3);
    hand_explain(&h, 1, &t);
    expect_has(&t, "     Afslag under mindste tilskud, 8.000 kr.: 1 ansøgning(er)");
    expect_has(&t, "     Andelen efter reglen kommer under mindste tilskud, 8.000 kr.");
    expect_has(&t, "  4. Beregnet andel: afslag = 0 kr.");
    expect_has(&t, "Indstillet tilskud: 0 kr.");
    expect_has(&t, "Afslag: under minimumsbeløbet (8.000 kr.)");
    assert_false(has_part(&t, "Reduktion"));
    assert_false(has_part(&t, "Udbetales som indstillet"));
    assert_false(has_part(&t, "Faktor"));
    expect_share_kr(&t, 0);
    assert_int_equal(t.rounded, 0);
    explain_free(&t);
    hand_explain(&h, 2, &t);
    expect_has(&t, "     Faktor = til rådighed 50.000 kr. / indstillet i alt 90.000 kr. ≈ 0,555556");
    expect_has(&t, "  4. Beregnet andel: 30.000 kr. x 0,555556 = 16.666,67 kr.");
    assert_true(t.share_num == 50000 && t.share_den == 3);
    explain_free(&t);
    hand_free(&h);
}

/* max_grant, the README's example (M = 25.000: 60.000 is capped, the other
 * 25.000 go to 10.000 and 30.000 by 5/8), and a pool where the caps leave
 * the rest able to be paid in full: no factor of 1 is shown. */
static void test_max_grant_cap_and_the_sharing_of_the_rest(void **state)
{
    (void)state;
    hand h;
    explain_text t;

    hand_make(&h, rule_of(RULE_PROPORTIONAL, 0, 0, 25000), 1, 50000, claims_10_30_60, 3);
    hand_explain(&h, 3, &t);
    expect_has(&t, "     Sat til højeste tilskud, 25.000 kr.: 1 ansøgning(er)");
    expect_has(&t, "     Andelen efter reglen er over højeste tilskud og sættes til 25.000 kr.");
    expect_has(&t, "  4. Beregnet andel: højeste tilskud = 25.000 kr.");
    expect_has(&t, "Indstillet tilskud: 25.000 kr.");
    expect_share_kr(&t, 25000);
    explain_free(&t);
    hand_explain(&h, 1, &t);
    expect_has(&t, "     Til deling efter reglen mellem de øvrige 2: 50.000 kr. - 25.000 kr. i "
                   "højeste tilskud = 25.000 kr.");
    expect_has(&t, "     Faktor = til rådighed 25.000 kr. / indstillet i alt 40.000 kr. ≈ 0,625000");
    expect_has(&t, "  4. Beregnet andel: 10.000 kr. x 0,625000 = 6.250 kr.");
    expect_share_kr(&t, 6250);
    explain_free(&t);
    hand_free(&h);

    hand_make(&h, rule_of(RULE_PROPORTIONAL, 0, 0, 20000), 1, 70000, claims_10_30_60, 3);
    hand_explain(&h, 1, &t);
    expect_has(&t, "     Sat til højeste tilskud, 20.000 kr.: 2 ansøgning(er)");
    expect_has(&t, "     De øvrige indstillede beløb (10.000 kr. i alt) kan dækkes af de 30.000 "
                   "kr., der er tilbage: ingen reduktion");
    expect_has(&t, "  4. Beregnet andel: hele det indstillede beløb = 10.000 kr.");
    assert_false(has_part(&t, "Faktor"));
    assert_false(has_part(&t, "1,000000"));
    explain_free(&t);
    hand_free(&h);
}

/* R4: a grant raised to a smaller claim paid in full names that claim's
 * application (the step set by hand: the text follows the result). */
static void test_raised_grant_names_the_smaller_claim(void **state)
{
    (void)state;
    static const pulje_kr claims[] = {1000, 7000, 11500};
    hand h;
    explain_text t;

    hand_make(&h, rule_of(RULE_CEA, 0, 0, 0), 1000, 8000, claims, 3);
    alloc_line *l = &h.r.lines[1];
    assert_true(h.r.lines[0].grant == 1000);
    l->grant = 1000;
    l->step = ALLOC_STEP_RAISE;
    hand_explain(&h, 2, &t);
    expect_has(&t, "     Hævet (R4) til det, ansøgning nr. 1 med mindre indstilling fik fuldt "
                   "ud: 1.000 kr.");
    assert_int_equal(t.rounded, 1000);
    explain_free(&t);
    hand_free(&h);
}

/* A holder of a running multi-year grant, set aside (the line set by hand):
 * no share, and the refusal names the reason. */
static void test_set_aside_holder_is_refused_with_its_reason(void **state)
{
    (void)state;
    hand h;
    explain_text t;

    hand_make(&h, rule_of(RULE_CEL, 0, 0, 0), 1, 50000, claims_10_30_60, 3);
    alloc_line *l = &h.r.lines[0];
    l->claim = l->grant = 0;
    l->my = MY_SET_ASIDE;
    l->why = ALLOC_REFUSE_HOLDER;
    hand_explain(&h, 1, &t);
    expect_has(&t, "  2. Sat til side: løbende flerårig bevilling");
    expect_has(&t, "Indstillet tilskud: 0 kr.");
    expect_has(&t, "Afslag: har en løbende flerårig bevilling");
    assert_true(t.share_line == EXPLAIN_NO_LINE);
    explain_free(&t);
    hand_free(&h);
}

static void test_english_explains_in_english(void **state)
{
    (void)state;
    hand h;
    explain_text t;

    hand_make(&h, rule_of(RULE_CEL, 0, 0, 0), 1, 50000, claims_10_30_60, 3);
    assert_int_equal(labels_set_language("en"), 0);
    hand_explain(&h, 2, &t);
    explain_text t1;
    hand_explain(&h, 1, &t1);
    assert_int_equal(labels_set_language("da"), 0);
    expect_has(&t, "     Common cut: L = DKK 20,000");
    expect_has(&t, "  4. Computed share: max(0, DKK 30,000 - DKK 20,000) = DKK 10,000");
    expect_has(&t, "Recommended grant: DKK 10,000");
    explain_free(&t);
    expect_has(&t1, "Refused: the rule gives a share of DKK 0");
    explain_free(&t1);
    explain_free(&t);
    hand_free(&h);
}

/* ---- explain = result on generated pools -------------------------------- */

/* The last amount with its unit in line: before " kr." in Danish (2.085.200,50 kr.),
 * after "DKK " in English (DKK 2,085,200.50): its value in hundredths of a krone
 * in *v, and whether it had no decimals in *whole. */
static bool last_amount(const char *line, const char *unit, pulje_wide *v, bool *whole)
{
    const char *hit = NULL, *p = line, *s, *e;
    size_t ul = strlen(unit);
    bool english = strcmp(unit, "DKK ") == 0;
    char group = english ? ',' : '.', point = english ? '.' : ',';

    while ((p = strstr(p, unit)) != NULL) {
        hit = p;
        p += ul;
    }
    if (!hit)
        return false;
    if (english) {
        s = e = hit + ul;
        while (isdigit((unsigned char)*e) || ((*e == ',' || *e == '.') && isdigit((unsigned char)e[1])))
            e++;
    } else {
        e = s = hit;
        while (s > line && (isdigit((unsigned char)s[-1]) || s[-1] == '.' || s[-1] == ','))
            s--;
    }
    if (s == e)
        return false;
    pulje_wide ip = 0, fp = 0;
    int decimals = -1;
    for (const char *c = s; c < e; c++) {
        if (*c == point)
            decimals = 0;
        else if (*c != group && decimals < 0)
            ip = ip * 10 + (*c - '0');
        else if (*c != group) {
            fp = fp * 10 + (*c - '0');
            decimals++;
        }
    }
    if (decimals > 0 && decimals != 2)
        return false;
    *whole = decimals < 0;
    *v = ip * 100 + (decimals > 0 ? fp : 0);
    return true;
}

static pulje_wide gcd_w(pulje_wide a, pulje_wide b)
{
    if (a < 0)
        a = -a;
    while (a) {
        pulje_wide t = b % a;
        b = a;
        a = t;
    }
    return b;
}

/* A generated pool: rule kind x unit x options from combo, the rest from
 * the seed: 1 to 40 claims (sometimes a few hundred) drawn from 1 kr.,
 * small claims of a few units, the threshold and one either side of it,
 * repeats of an earlier claim (groups of equal claims), ordinary amounts,
 * some near MONEY_MAX, panel refusals and claims of 0; money just short, far
 * short, or enough; minimum and maximum multiples of the unit. */
static void gen_pool(hand *h, unsigned combo, uint64_t *rng)
{
    static const pulje_kr units[] = {1, 10, 100, 1000};
    rule_kind kind = (rule_kind)(combo % RULE__COUNT);
    pulje_kr unit = units[(combo / RULE__COUNT) % 4];
    unsigned opts = (combo / (RULE__COUNT * 4)) % 4;
    size_t n = test_between(rng, 0, 9) == 0 ? (size_t)test_between(rng, 100, 400)
                                             : (size_t)test_between(rng, 1, 40);
    pulje_kr t = test_between(rng, 0, 3) == 0 ? 50000 : test_between(rng, 1, 200) * 1000;
    pulje_kr *claims = calloc(n, sizeof *claims);
    pulje_kr total = 0, largest = 0;
    bool huge = test_between(rng, 0, 19) == 0;

    assert_non_null(claims);
    for (size_t k = 0; k < n; k++) {
        pulje_kr c;
        switch (test_between(rng, 0, 9)) {
        case 0: c = 1; break;
        case 1: c = test_between(rng, 1, 3 * unit); break;
        case 2: c = t + test_between(rng, -1, 1); break;
        case 3:
        case 4: c = k > 0 ? claims[test_between(rng, 0, (int64_t)k - 1)] : 10000; break;
        case 5: c = test_between(rng, 0, 19) == 0 ? -1 : test_between(rng, 0, 9) == 0 ? 0 : 20000;
                break;
        default: c = test_between(rng, 1000, 500000); break;
        }
        if (huge && test_between(rng, 0, 3) == 0)
            c = MONEY_MAX / 64 - test_between(rng, 0, 1000);
        claims[k] = c;
        if (c > 0) {
            total += c;
            if (c > largest)
                largest = c;
        }
    }
    pulje_kr money;
    switch (test_between(rng, 0, 3)) {
    case 0: money = total - test_between(rng, 1, 2 * unit); break;
    case 1: money = total / 100 * test_between(rng, 1, 60); break;
    case 2: money = total / 100 * test_between(rng, 61, 99); break;
    default: money = total + test_between(rng, 0, 1000); break;
    }
    if (money < 0)
        money = 0;
    pulje_kr avg = n ? total / (pulje_kr)n : 0, min = 0, max = 0;
    if (opts & 1)
        min = unit * test_between(rng, 1, avg / unit / 2 + 1);
    if (opts & 2)
        max = unit * test_between(rng, (min + unit - 1) / unit + 1, largest / unit + 2);
    hand_make(h, rule_of(kind, t, min, max), unit, money, claims, n);
    free(claims);
}

typedef struct prop_count {
    size_t pools, skipped, apps, shares, fractions, rule_shares, capped, dropped, zero;
    size_t by_rule[RULE__COUNT];
} prop_count;

/* Explain application i of h and check the figures it states against the
 * result: the exact share, the printed share, the rounded figure, the final
 * grant and the status. */
static void check_one(hand *h, size_t i, const char *kr, const char *grant_label,
                      const char *refused_label, const char *reduction_label, prop_count *pc)
{
    const alloc_line *l = &h->r.lines[i];
    explain_text t;
    pulje_wide v;
    bool whole;
    char want[128], m[MONEY_BUFSZ];

    assert_int_equal(explain_build(&h->p, &h->apps, &h->r, i, &t), 0);
    pc->apps++;
    if (l->claim > 0) {
        assert_true(t.share_line != EXPLAIN_NO_LINE && t.share_line < t.n);
        assert_true(t.rounded_line != EXPLAIN_NO_LINE && t.rounded_line < t.n);
        pulje_wide g = gcd_w(l->share_num, l->share_den);
        pulje_wide num = l->share_num / g, den = l->share_den / g;
        if (t.share_num != num || t.share_den != den) {
            print_error("pool %zu app %zu: explain's share %lld/%lld, the result's %lld/%lld\n",
                        pc->pools, i + 1, (long long)t.share_num, (long long)t.share_den,
                        (long long)num, (long long)den);
            for (size_t k = 0; k < t.n; k++)
                print_error("  |%s\n", t.lines[k]);
            fail();
        }
        assert_true(last_amount(t.lines[t.share_line], kr, &v, &whole));
        if (den == 1) {
            assert_true(whole);
            assert_true(v == num * 100);
        } else {
            pulje_wide d = v * den - 100 * num;
            assert_false(whole);
            assert_true(2 * (d < 0 ? -d : d) <= den);
            pc->fractions++;
        }
        assert_int_equal(t.rounded, l->grant);
        assert_true(last_amount(t.lines[t.rounded_line], kr, &v, &whole));
        assert_true(whole);
        assert_true(v == (pulje_wide)l->grant * 100);
        pc->shares++;
        pc->capped += l->capped;
        pc->dropped += l->why == ALLOC_REFUSE_MIN_GRANT;
        pc->zero += l->grant == 0;
        pc->rule_shares += h->r.rationed;
    } else {
        assert_true(t.share_line == EXPLAIN_NO_LINE);
    }
    /* the final figure and the status that follows it */
    if (strcmp(kr, "DKK ") == 0)
        snprintf(want, sizeof want, "%s DKK %s", grant_label, money_format_text(l->grant, m));
    else
        snprintf(want, sizeof want, "%s %s%s", grant_label, money_format(l->grant, m), kr);
    size_t at = t.n;
    for (size_t k = 0; k < t.n; k++)
        if (strcmp(t.lines[k], want) == 0)
            at = k;
    assert_true(at + 1 <= t.n);
    const char *next = at + 1 < t.n ? t.lines[at + 1] : "";
    if (l->grant == 0)
        assert_true(strncmp(next, refused_label, strlen(refused_label)) == 0);
    else if (l->grant < l->claim)
        assert_true(strncmp(next, reduction_label, strlen(reduction_label)) == 0);
    else
        assert_false(strncmp(next, refused_label, strlen(refused_label)) == 0 ||
                     strncmp(next, reduction_label, strlen(reduction_label)) == 0);
    for (size_t k = 0; k < t.n; k++)
        assert_null(strstr(t.lines[k], strcmp(kr, "DKK ") == 0 ? "≈ 1.000000" : "≈ 1,000000"));
    explain_free(&t);
}

/* Every application of many generated pools: every rule x unit (1, 10, 100,
 * 1.000) x options (none, min_grant, max_grant, both), in Danish, and every
 * fifth pool in English too. */
static void test_explain_states_the_result_on_generated_pools(void **state)
{
    (void)state;
    enum { ROUNDS = 24 };
    unsigned combos = RULE__COUNT * 4 * 4;
    uint64_t rng = 0x6578706c61696eull; /* "explain" */
    prop_count pc;

    memset(&pc, 0, sizeof pc);
    for (unsigned round = 0; round < ROUNDS; round++) {
        for (unsigned combo = 0; combo < combos; combo++) {
            hand h;
            gen_pool(&h, combo, &rng);
            if (h.rc != 0) { /* no allocation possible (e.g. protected > money) */
                pc.skipped++;
                hand_free(&h);
                continue;
            }
            pc.pools++;
            pc.by_rule[h.p.rule.kind]++;
            for (size_t i = 0; i < h.apps.n; i++)
                check_one(&h, i, " kr.", "Indstillet tilskud:", "Afslag:", "Reduktion:", &pc);
            if (pc.pools % 5 == 0) {
                assert_int_equal(labels_set_language("en"), 0);
                for (size_t i = 0; i < h.apps.n; i++)
                    check_one(&h, i, "DKK ", "Recommended grant:", "Refused:", "Reduction:",
                              &pc);
                assert_int_equal(labels_set_language("da"), 0);
            }
            hand_free(&h);
        }
    }
    print_message("explain = result: %zu pools (%zu skipped: no allocation possible), %zu "
                  "explanations, %zu shares (%zu by the rule when rationed, %zu fractions, %zu "
                  "capped, %zu refused under min_grant, %zu grants of 0); pools per rule: "
                  "threshold %zu, proportional %zu, excess %zu, cea %zu, cel %zu, talmud %zu\n",
                  pc.pools, pc.skipped, pc.apps, pc.shares, pc.rule_shares, pc.fractions,
                  pc.capped, pc.dropped, pc.zero, pc.by_rule[RULE_THRESHOLD],
                  pc.by_rule[RULE_PROPORTIONAL], pc.by_rule[RULE_EXCESS], pc.by_rule[RULE_CEA],
                  pc.by_rule[RULE_CEL], pc.by_rule[RULE_TALMUD]);
    assert_true(pc.pools > 1000);
    assert_true(pc.capped > 0 && pc.dropped > 0 && pc.fractions > 0);
}

static void test_numbers_are_found_as_written_or_without_leading_zeros(void **state)
{
    fixture *f = *state;
    size_t i = 99;

    assert_int_equal(explain_find(&f->in.apps, "17", &i), 0);
    assert_string_equal(f->in.apps.v[i].nr, "17");
    assert_int_equal(explain_find(&f->in.apps, " 017 ", &i), 0);
    assert_string_equal(f->in.apps.v[i].nr, "17");
    assert_int_equal(explain_find(&f->in.apps, "69", &i), -1);
    assert_int_equal(explain_find(&f->in.apps, "1x", &i), -1);
    assert_int_equal(explain_build(&f->in.pool, &f->in.apps, &f->r, f->in.apps.n, &(explain_text){0}), -1);
}

static void test_nearby_numbers_are_the_closest_first(void **state)
{
    fixture *f = *state;
    size_t idx[5];

    assert_int_equal(explain_nearby(&f->in.apps, "70", idx, 3), 3);
    assert_string_equal(f->in.apps.v[idx[0]].nr, "68");
    assert_string_equal(f->in.apps.v[idx[1]].nr, "67");
    assert_string_equal(f->in.apps.v[idx[2]].nr, "66");
    assert_int_equal(explain_nearby(&f->in.apps, "abc", idx, 5), 5);
    assert_int_equal(explain_nearby(&f->in.apps, "1", idx, 0), 0);
}

static void test_command_line_explains_and_refuses_unknown_numbers(void **state)
{
    (void)state;
    char cmd[512], buf[8192];

    snprintf(cmd, sizeof cmd, "%s/pulje explain 3 inputs/pulje-2023.ini 2>&1",
             test_build_dir());
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
    assert_non_null(strstr(buf, "Indstillet tilskud: 45.200 kr.\n"));
    snprintf(cmd, sizeof cmd, "%s/pulje explain 69 2>&1", test_build_dir());
    assert_int_equal(test_run(cmd, buf, sizeof buf), 2);
    assert_non_null(strstr(buf, "Ingen ansøgning har nr. 69"));
    assert_non_null(strstr(buf, "Numre i nærheden: 68, 67, 66, 65, 64"));
    snprintf(cmd, sizeof cmd, "%s/pulje explain 2>&1", test_build_dir());
    assert_int_equal(test_run(cmd, buf, sizeof buf), 2);
}

/* The README's example of `pulje explain 3` is what the program prints. */
static void test_readme_example_is_the_program_output(void **state)
{
    (void)state;
    FILE *f = fopen("README.md", "rb");
    static char readme[1 << 17], out[8192], cmd[512];
    size_t n;

    assert_non_null(f);
    n = fread(readme, 1, sizeof readme - 1, f);
    fclose(f);
    readme[n] = '\0';
    const char *at = strstr(readme, "`pulje explain 3` on the default pool prints:\n\n```\n");
    assert_non_null(at);
    at = strchr(strstr(at, "```"), '\n') + 1;
    const char *end = strstr(at, "```\n");
    assert_non_null(end);
    snprintf(cmd, sizeof cmd, "%s/pulje explain 3 inputs/pulje-2023.ini 2>&1", test_build_dir());
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_int_equal(strlen(out), (size_t)(end - at));
    assert_memory_equal(out, at, (size_t)(end - at));
}

/* The summary never shows "Reduktionsfaktor 1,0000 (-0,0 %)" while grants
 * are reduced: under cel it shows the share of the claims granted. */
static void test_summary_shows_granted_over_assessed_without_one_factor(void **state)
{
    (void)state;
    char dir[] = "/tmp/pulje-explain-XXXXXX", cmd[512], buf[8192];

    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd,
             "%s/pulje run inputs/pulje-2023.ini --closed-form --rule cel --out %s 2>&1; "
             "rm -rf %s", test_build_dir(), dir, dir);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
    assert_null(strstr(buf, "1,0000 (-0,0 %)"));
    assert_null(strstr(buf, "Reduktionsfaktor"));
    assert_non_null(strstr(buf, "Tildelt / indstillet"));
}

/* ---- the context: explain_prepare + explain_build_ctx = explain_build --- */

/* Explain every application of (p, apps, r) through one context and by the
 * one-shot explain_build(): the same lines and the same figures. Returns
 * how many applications were compared. */
static size_t expect_ctx_same(const pool *p, const app_list *apps, const alloc_result *r)
{
    explain_ctx *ctx = explain_prepare(p, apps, r);
    explain_text a, b;

    assert_non_null(ctx);
    for (size_t i = 0; i < apps->n; i++) {
        assert_int_equal(explain_build(p, apps, r, i, &a), 0);
        assert_int_equal(explain_build_ctx(ctx, i, &b), 0);
        assert_true(a.n > 0);
        assert_int_equal(b.n, a.n);
        for (size_t k = 0; k < a.n; k++)
            assert_string_equal(b.lines[k], a.lines[k]);
        assert_true(b.share_num == a.share_num && b.share_den == a.share_den);
        assert_int_equal(b.rounded, a.rounded);
        assert_int_equal(b.share_line, a.share_line);
        assert_int_equal(b.rounded_line, a.rounded_line);
        explain_free(&a);
        explain_free(&b);
    }
    /* out of range: -1 and an empty text, as explain_build */
    assert_int_equal(explain_build_ctx(ctx, apps->n, &b), -1);
    assert_int_equal(b.n, 0);
    assert_null(b.lines);
    assert_int_equal(b.share_line, EXPLAIN_NO_LINE);
    assert_int_equal(b.rounded_line, EXPLAIN_NO_LINE);
    explain_ctx_free(ctx);
    return apps->n;
}

/* One context per result gives the text of explain_build() on every
 * application: the default pool (closed form and model, Danish and
 * English, the language chosen after the context was made), and generated
 * pools of every rule x unit x options, each also as a result without
 * per-line shares (share_den 0: explained from the closed form). */
static void test_context_gives_the_one_shot_text_on_every_application(void **state)
{
    fixture *f = *state;
    const pool *p = &f->in.pool;
    const app_list *apps = &f->in.apps;
    alloc_result rm;
    diag_list dl;
    uint64_t rng = 0x637478; /* "ctx" */
    size_t pools = 0, skipped = 0, n = 0, n_noshares = 0;

    assert_int_equal(expect_ctx_same(p, apps, &f->r), 68);
    diag_init(&dl);
    assert_int_equal(alloc_run(p, apps, ALLOC_MODEL, &rm, &dl), 0);
    diag_free(&dl);
    assert_int_equal(expect_ctx_same(p, apps, &rm), 68);
    explain_ctx *ctx = explain_prepare(p, apps, &rm);
    assert_non_null(ctx);
    assert_int_equal(labels_set_language("en"), 0);
    explain_text a, b;
    assert_int_equal(explain_build(p, apps, &rm, 2, &a), 0);
    assert_int_equal(explain_build_ctx(ctx, 2, &b), 0);
    assert_int_equal(labels_set_language("da"), 0);
    expect_has(&a, "Recommended grant: DKK 45,200");
    assert_int_equal(b.n, a.n);
    for (size_t k = 0; k < a.n; k++)
        assert_string_equal(b.lines[k], a.lines[k]);
    explain_free(&a);
    explain_free(&b);
    explain_ctx_free(ctx);
    alloc_free(&rm);

    for (unsigned combo = 0; combo < RULE__COUNT * 4 * 4; combo++) {
        hand h;
        gen_pool(&h, combo, &rng);
        if (h.rc != 0) {
            skipped++;
            hand_free(&h);
            continue;
        }
        pools++;
        n += expect_ctx_same(&h.p, &h.apps, &h.r);
        for (size_t k = 0; k < h.r.n; k++)
            h.r.lines[k].share_den = 0;
        n_noshares += expect_ctx_same(&h.p, &h.apps, &h.r);
        hand_free(&h);
    }
    print_message("context = one-shot: %zu generated pools (%zu skipped), %zu applications\n",
                  pools, skipped, n);
    assert_int_equal(pools + skipped, RULE__COUNT * 4 * 4);
    assert_int_equal(pools, 89);
    assert_int_equal(n, 2717);
    assert_int_equal(n_noshares, n);

    assert_null(explain_prepare(NULL, apps, &f->r));
    assert_null(explain_prepare(p, NULL, &f->r));
    assert_null(explain_prepare(p, apps, NULL));
    assert_int_equal(explain_build_ctx(NULL, 0, &b), -1);
    assert_int_equal(b.n, 0);
    explain_ctx_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reduced_multi_year_grant_is_explained_step_by_step),
        cmocka_unit_test(test_claim_of_exactly_the_threshold_is_paid_as_assessed),
        cmocka_unit_test(test_refusal_names_the_reason_and_grants_nothing),
        cmocka_unit_test(test_every_explanation_ends_with_the_grant_of_the_result),
        cmocka_unit_test(test_proportional_rule_shows_money_over_claims),
        cmocka_unit_test(test_numbers_are_found_as_written_or_without_leading_zeros),
        cmocka_unit_test(test_nearby_numbers_are_the_closest_first),
        cmocka_unit_test(test_command_line_explains_and_refuses_unknown_numbers),
        cmocka_unit_test(test_cel_shows_the_cut_and_the_share_of_the_grant),
        cmocka_unit_test(test_cea_shows_the_ceiling),
        cmocka_unit_test(test_talmud_shows_its_regime_and_level),
        cmocka_unit_test(test_excess_shows_the_protected_part_and_the_factor),
        cmocka_unit_test(test_min_grant_refusal_is_afslag_with_its_reason),
        cmocka_unit_test(test_max_grant_cap_and_the_sharing_of_the_rest),
        cmocka_unit_test(test_raised_grant_names_the_smaller_claim),
        cmocka_unit_test(test_english_explains_in_english),
        cmocka_unit_test(test_set_aside_holder_is_refused_with_its_reason),
        cmocka_unit_test(test_explain_states_the_result_on_generated_pools),
        cmocka_unit_test(test_readme_example_is_the_program_output),
        cmocka_unit_test(test_summary_shows_granted_over_assessed_without_one_factor),
        cmocka_unit_test(test_context_gives_the_one_shot_text_on_every_application),
    };
    return cmocka_run_group_tests_name("explain", tests, setup, teardown);
}
