/* test_alloc.c - The allocation pipeline and the invariants verified before writing. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "inputs.h"
#include "run.h"
#include "verify.h"
#include "labels.h"

static pool_line budget[] = {{"Frie midler", 900000, 1}, {"Ubrugte midler", 100000, 2}};
static pool_line reserved[] = {{"Flerårige tilskud", 250000, 3}, {"Driftsaftale", 50000, 4}};
static pool_line earmarked[] = {{"Mental trivsel", 100000, 5}};

/* A pool of 1.000.000 kr. with 600.000 kr. for new grants. */
static pool make_pool(pulje_kr rounding)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.file = "test.ini";
    p.name = "Testpuljen";
    p.year = 2023;
    p.budget = budget;
    p.n_budget = 2;
    p.reservations = reserved;
    p.n_reservations = 2;
    p.earmarks = earmarked;
    p.n_earmarks = 1;
    p.rule.kind = RULE_THRESHOLD;
    p.rule.threshold = 50000;
    p.rounding = rounding;
    return p;
}

static app apps_v[] = {
    {.nr = "1", .cvr = "", .association = "A", .activity = "a", .refusal = "", .applied = 40000,
     .assessed = 30000, .assessed_given = true, .years = 1, .active_years = -1, .line = 2},
    {.nr = "2", .cvr = "", .association = "B", .activity = "b", .refusal = "", .applied = 60000,
     .assessed = 50000, .assessed_given = true, .years = 1, .active_years = -1, .line = 3},
    {.nr = "3", .cvr = "", .association = "C", .activity = "c", .refusal = "", .applied = 400000,
     .assessed = 300000, .assessed_given = true, .years = 1, .active_years = -1, .line = 4},
    {.nr = "4", .cvr = "", .association = "D", .activity = "d", .refusal = "Uden for formålet",
     .applied = 90000, .assessed = 0, .assessed_given = true, .years = 1, .active_years = -1,
     .line = 5},
    {.nr = "5", .cvr = "", .association = "E", .activity = "e", .refusal = "", .applied = 500000,
     .assessed = 420000, .assessed_given = true, .years = 1, .active_years = -1, .line = 6},
    {.nr = "6", .cvr = "", .association = "F", .activity = "f", .refusal = "", .applied = 50001,
     .assessed = 50001, .assessed_given = false, .years = 1, .active_years = -1, .line = 7},
};

static app_list make_apps(void)
{
    app_list l = {"test.csv", apps_v, 6, NULL, NULL, 0, NULL};
    return l;
}

static void test_budget_identity_balances_to_the_krone(void **state)
{
    (void)state;
    pool p = make_pool(1);
    app_list l = make_apps();
    alloc_result r;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), 0);
    assert_int_equal(r.budget_total, 1000000);
    assert_int_equal(r.reserved_total, 300000);
    assert_int_equal(r.earmarked_total, 100000);
    assert_int_equal(r.available, 600000);
    /* claims: 30.000 + 50.000 protected; 300.000 + 420.000 + 50.001 reducible */
    assert_int_equal(r.assessed_total, 850001);
    assert_int_equal(r.protected_total, 80000);
    assert_int_equal(r.reducible_total, 770001);
    assert_int_equal(r.factor_num, 520000);
    assert_int_equal(r.factor_den, 770001);
    assert_int_equal(r.lines[0].grant, 30000);
    assert_int_equal(r.lines[1].grant, 50000);
    assert_int_equal(r.lines[3].grant, 0);
    assert_true(r.lines[3].refused);
    /* 300.000 * 520.000 / 770.001 = 202.597,14; 420.000 * ... = 283.636,00; 50.001 * ... = 33.766,88 */
    assert_int_equal(r.lines[2].grant, 202597);
    assert_int_equal(r.lines[4].grant, 283636);
    assert_int_equal(r.lines[5].grant, 33767);
    assert_int_equal(r.granted_total, 600000);
    assert_int_equal(r.residual, 0);
    assert_int_equal(r.n_reduced, 3);
    assert_int_equal(r.n_refused, 1);
    assert_int_equal(r.n_granted, 5);
    assert_int_equal(r.reserved_total + r.earmarked_total + r.granted_total + r.residual,
                     r.budget_total);
    assert_int_equal(verify_result(&p, &l, &r, 1, &dl), 0);
    assert_int_equal(diag_errors(&dl), 0);
    alloc_free(&r);
    diag_free(&dl);
}

static void test_rounding_to_100_hands_back_units_by_largest_remainder(void **state)
{
    (void)state;
    pool p = make_pool(100);
    app_list l = make_apps();
    alloc_result r;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), 0);
    /* floors 202.500 + 283.600 + 33.700 leave 200 kr.; remainders 97,14 / 36,00 /
     * 66,88: one unit each to 202.500 and 33.700 */
    assert_int_equal(r.lines[2].grant, 202600);
    assert_int_equal(r.lines[4].grant, 283600);
    assert_int_equal(r.lines[5].grant, 33800);
    assert_int_equal(r.residual, 0);
    assert_int_equal(r.granted_total + r.residual, 600000);
    assert_int_equal(verify_result(&p, &l, &r, 1, &dl), 0);
    alloc_free(&r);
    diag_free(&dl);
}

static void test_model_and_closed_form_give_the_same_result(void **state)
{
    (void)state;
    pool p = make_pool(100);
    app_list l = make_apps();
    alloc_result a, b;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &a, &dl), 0);
    assert_int_equal(alloc_run(&p, &l, ALLOC_CLOSED_FORM, &b, &dl), 0);
    assert_memory_equal(a.lines, b.lines, a.n * sizeof a.lines[0]);
    assert_int_equal(a.residual, b.residual);
    alloc_free(&a);
    alloc_free(&b);
    diag_free(&dl);
}

static void test_protected_amounts_above_the_money_stop_with_an_explanation(void **state)
{
    (void)state;
    static pool_line small[] = {{"Lille budget", 379999, 1}};
    pool p = make_pool(1);
    app_list l = make_apps();
    alloc_result r;
    diag_list dl;
    p.budget = small;
    p.n_budget = 1;
    p.n_reservations = 0;
    p.n_earmarks = 0;
    p.rule.threshold = 300000; /* protects 30.000 + 50.000 + 300.000 + 50.001 = 430.001 */
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), -1);
    assert_int_equal(diag_errors(&dl), 1);
    assert_non_null(strstr(dl.v[0].msg, "DKK 300,000 or less sum to DKK 430,001"));
    assert_non_null(strstr(dl.v[0].msg, "DKK 379,999 available"));
    assert_non_null(strstr(dl.v[0].hint, "threshold"));
    assert_string_equal(dl.v[0].file, "test.ini");
    diag_free(&dl);
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_CLOSED_FORM, &r, &dl), -1);
    assert_non_null(strstr(dl.v[0].msg, "DKK 430,001"));
    diag_free(&dl);
}

static void test_reservations_above_the_budget_are_refused(void **state)
{
    (void)state;
    static pool_line big[] = {{"Alt for meget", 1000001, 1}};
    pool p = make_pool(1);
    app_list l = make_apps();
    alloc_result r;
    diag_list dl;
    p.reservations = big;
    p.n_reservations = 1;
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), -1);
    assert_non_null(strstr(dl.v[0].msg, "DKK 1,100,001"));
    diag_free(&dl);
}

static void test_money_enough_for_all_pays_assessed_and_leaves_the_rest(void **state)
{
    (void)state;
    static pool_line rich[] = {{"Rigelig", 2000000, 1}};
    pool p = make_pool(100);
    app_list l = make_apps();
    alloc_result r;
    diag_list dl;
    p.budget = rich;
    p.n_budget = 1;
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), 0);
    assert_false(r.rationed);
    assert_int_equal(r.n_reduced, 0);
    assert_int_equal(r.granted_total, 850001);
    assert_int_equal(r.residual, 2000000 - 400000 - 850001);
    assert_int_equal(r.lines[5].grant, 50001); /* unreduced grants are not rounded */
    assert_int_equal(verify_result(&p, &l, &r, 1, &dl), 0);
    alloc_free(&r);
    diag_free(&dl);
}

/* Each kind of tampering is caught. */
static void test_verification_catches_every_broken_invariant(void **state)
{
    (void)state;
    pool p = make_pool(1);
    app_list l = make_apps();
    alloc_result r;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), 0);

    r.lines[0].grant += 1; /* above assessed, totals off */
    assert_true(verify_result(&p, &l, &r, 0, &dl) >= 2);
    r.lines[0].grant -= 1;

    r.residual += 1; /* economy table no longer balances */
    assert_true(verify_result(&p, &l, &r, 0, &dl) >= 1);
    r.residual -= 1;

    r.lines[3].grant = 5; r.lines[3].reduction = -5; r.granted_total += 5; r.residual -= 5;
    assert_true(verify_result(&p, &l, &r, 0, &dl) >= 1); /* refused with a grant */
    r.lines[3].grant = 0; r.lines[3].reduction = 0; r.granted_total -= 5; r.residual += 5;

    /* money moved between two applications: totals still balance, but the
     * grants are no longer their shares rounded (checked without the closed
     * form), and the cross check is not run once a check has failed */
    r.lines[2].grant -= 1; r.lines[2].reduction += 1;
    r.lines[4].grant += 1; r.lines[4].reduction -= 1;
    assert_true(verify_result(&p, &l, &r, 0, &dl) >= 1);
    assert_true(verify_result(&p, &l, &r, 1, &dl) >= 1);
    r.lines[2].grant += 1; r.lines[2].reduction -= 1;
    r.lines[4].grant -= 1; r.lines[4].reduction += 1;

    diag_free(&dl);
    diag_init(&dl);
    assert_int_equal(verify_result(&p, &l, &r, 1, &dl), 0);
    alloc_free(&r);
    diag_free(&dl);
}

/* alloc_grants (verify's cross-check, issue 18) gives the grants, years,
 * supplements and factor of alloc_run without the lines, by either method,
 * on the default pool (an earmark, multi-year requests under the cap). */
static void test_grants_alone_are_the_runs_grants(void **state)
{
    (void)state;
    pulje_inputs in;
    alloc_result r, c;
    diag_list dl;
    pulje_kr *grant = NULL;
    int *years = NULL;
    size_t multi = 0, supp = 0;

    diag_init(&dl);
    assert_int_equal(run_load_inputs("inputs/pulje-2023.ini", NULL, &in, &dl), PULJE_OK);
    assert_int_equal(alloc_run(&in.pool, &in.apps, ALLOC_MODEL, &r, &dl), 0);
    for (int m = 0; m < 2; m++) {
        alloc_method method = m ? ALLOC_CLOSED_FORM : ALLOC_MODEL;
        assert_int_equal(alloc_grants(&in.pool, &in.apps, method, &c, &grant, &years, &dl), 0);
        assert_null(c.lines);
        assert_non_null(grant);
        assert_non_null(years);
        assert_int_equal(c.n, r.n);
        assert_int_equal(c.factor_num, r.factor_num);
        assert_int_equal(c.factor_den, r.factor_den);
        assert_int_equal(c.n_my_honoured, r.n_my_honoured);
        assert_int_equal(c.em.n_earmarks, 1);
        for (size_t i = 0; i < r.n; i++) {
            assert_int_equal(grant[i], r.lines[i].grant);
            assert_int_equal(years[i], r.lines[i].years);
            assert_int_equal(c.em.lines[i].grant, r.em.lines[i].grant);
            multi += years[i] > 1;
            supp += c.em.lines[i].grant > 0;
        }
        free(grant);
        free(years);
        alloc_free(&c);
    }
    /* the pool has both, so the comparison above meant something */
    assert_true(multi > 0);
    assert_true(supp > 0);
    assert_int_equal(verify_result(&in.pool, &in.apps, &r, 1, &dl), 0);

    /* a krone moved from an unreduced share to a reduced one is caught: the
     * unreduced shares are checked apart from the rounding's lines */
    size_t full = r.n, cut = r.n;
    for (size_t i = 0; i < r.n; i++) {
        const alloc_line *l = &r.lines[i];
        if (l->grant > 0 && l->share_num == (pulje_wide)l->claim * l->share_den && full == r.n)
            full = i;
        if (l->reduced && cut == r.n)
            cut = i;
    }
    assert_true(full < r.n && cut < r.n);
    r.lines[full].grant -= 1;
    r.lines[full].reduction += 1;
    r.lines[cut].grant += 1;
    r.lines[cut].reduction -= 1;
    size_t before = dl.n;
    assert_true(verify_result(&in.pool, &in.apps, &r, 0, &dl) >= 2);
    int said = 0;
    for (size_t k = before; k < dl.n; k++)
        said += strstr(dl.v[k].msg, "an unreduced share is not paid as assessed") != NULL;
    assert_int_equal(said, 1);
    alloc_free(&r);
    inputs_free(&in);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_budget_identity_balances_to_the_krone),
        cmocka_unit_test(test_rounding_to_100_hands_back_units_by_largest_remainder),
        cmocka_unit_test(test_model_and_closed_form_give_the_same_result),
        cmocka_unit_test(test_protected_amounts_above_the_money_stop_with_an_explanation),
        cmocka_unit_test(test_reservations_above_the_budget_are_refused),
        cmocka_unit_test(test_money_enough_for_all_pays_assessed_and_leaves_the_rest),
        cmocka_unit_test(test_verification_catches_every_broken_invariant),
        cmocka_unit_test(test_grants_alone_are_the_runs_grants),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
