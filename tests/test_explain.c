/* test_explain.c - `pulje explain NR`: the steps from ansøgt to tilskud, in kroner.
 *
 * On the default pool (inputs/pulje-2023.ini, closed form, no ledger):
 * 3.257.078 kr. for new grants; claims of at most 50.000 kr. sum to 998.850
 * kr. and are paid in full; the larger ones (3.500.000 kr.) are cut by
 * 2.258.228 / 3.500.000, then rounded down to 100 kr. with the freed units
 * handed to the largest remainders. Also a small proportional pool made by
 * hand, the lookup of numbers, and the command line's exit codes. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "alloc.h"
#include "inputs.h"
#include "apps.h"
#include "explain.h"
#include "pool.h"

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
    if (f && inputs_load("inputs/pulje-2023.ini", &f->in, &dl) == INPUTS_OK &&
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
    app_list apps = {"x.csv", a, 3};
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
    };
    return cmocka_run_group_tests_name("explain", tests, setup, teardown);
}
