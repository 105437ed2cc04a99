/* test_earmark.c - Earmarked supplements: tiers in order, rationing, unused money. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "earmark.h"
#include "verify.h"
#include "labels.h"

/* Criteria bits: A = 12-25 år, M = mental trivsel, U = uddannelse. */
enum { A = 1, M = 2, U = 4 };

static pool_earmark trivsel(pulje_kr amount)
{
    pool_earmark e;
    memset(&e, 0, sizeof e);
    e.key = "trivsel";
    e.label = "Midler til mental trivsel 12-25 år";
    e.amount = amount;
    e.first_year = 2023;
    e.last_year = 2025;
    e.criteria[0].key = "12-25 år";
    e.criteria[1].key = "mental trivsel";
    e.criteria[2].key = "uddannelse";
    e.n_criteria = 3;
    e.required = A | M;
    e.tiers[0] = A | M | U;
    e.tiers[1] = A | M;
    e.n_tiers = 2;
    return e;
}

#define N 6
static unsigned crit[N];
static pulje_kr asked[N], assessed[N];
static unsigned cols[N];
static app v[N];

/* Six applications: i asks asked[i] with criteria crit[i]. */
static app_list make_apps(void)
{
    for (size_t i = 0; i < N; i++) {
        memset(&v[i], 0, sizeof v[i]);
        v[i].nr = (char *[]){"1", "2", "3", "4", "5", "6"}[i];
        v[i].cvr = "";
        v[i].association = "X";
        v[i].activity = "x";
        v[i].refusal = "";
        v[i].applied = 100000;
        v[i].assessed = 80000;
        v[i].years = 1;
        v[i].active_years = -1;
        v[i].line = (unsigned)i + 2;
        v[i].criteria = &crit[i];
        v[i].supp_asked = &asked[i];
        v[i].supp_assessed = &assessed[i];
        cols[i] = 14;
        v[i].supp_col = &cols[i];
    }
    app_list l = {"apps.csv", v, N, NULL, NULL, 0, NULL};
    return l;
}

static pool make_pool(pool_earmark *e, pool_line *budget)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.file = "test.ini";
    p.name = "Testpuljen";
    p.year = 2023;
    p.budget = budget;
    p.n_budget = 1;
    p.earmark_defs = e;
    p.n_earmark_defs = 1;
    p.rule.kind = RULE_THRESHOLD;
    p.rule.threshold = 50000;
    p.rounding = 1;
    p.cap_bp = 5500;
    p.min_active_years = 5;
    return p;
}

static void setup_claims(const unsigned c[N], const pulje_kr a[N])
{
    for (size_t i = 0; i < N; i++) {
        crit[i] = c[i];
        asked[i] = a[i];
        assessed[i] = -1;
    }
}

static void test_meeting_criteria_1_and_3_only_does_not_qualify(void **state)
{
    (void)state;
    pool_earmark e = trivsel(500000);
    assert_int_equal(earmark_tier(&e, A | U), 0);
    assert_int_equal(earmark_tier(&e, A | M), 2);
    assert_int_equal(earmark_tier(&e, A | M | U), 1);
    assert_int_equal(earmark_tier(&e, M | U), 0);
}

static void test_tiers_are_served_in_order_and_money_runs_out_inside_tier_two(void **state)
{
    (void)state;
    static pool_line budget[] = {{"B", 2000000, 1}};
    pool_earmark e = trivsel(100000);
    pool p = make_pool(&e, budget);
    const unsigned c[N] = {A | M | U, A | M, A | M, A | M | U, A | U, A | M};
    const pulje_kr a[N] = {30000, 40000, 20000, 40000, 10000, 0};
    pulje_kr claims[N] = {80000, 80000, 80000, 80000, 80000, 80000};
    em_result r;
    diag_list dl;
    setup_claims(c, a);
    app_list l = make_apps();
    diag_init(&dl);
    assert_int_equal(earmark_distribute(&p, &l, claims, 1, &r, &dl), 0);
    /* tier 1: 30.000 + 40.000 in full; 30.000 left for tier 2's 40.000 + 20.000 */
    assert_int_equal(r.lines[0].tier, 1);
    assert_int_equal(r.lines[0].grant, 30000);
    assert_int_equal(r.lines[3].grant, 40000);
    assert_int_equal(r.lines[1].tier, 2);
    assert_int_equal(r.lines[1].grant, 20000); /* 40.000 * 30/60 */
    assert_int_equal(r.lines[2].grant, 10000);
    assert_int_equal(r.lines[1].status, EM_REDUCED);
    assert_int_equal(r.lines[4].status, EM_NOT_ELIGIBLE);
    assert_int_equal(r.lines[4].grant, 0);
    assert_int_equal(r.lines[5].status, EM_NOT_ASKED);
    assert_int_equal(r.totals[0].granted, 100000);
    assert_int_equal(r.totals[0].unused, 0);
    assert_int_equal(r.totals[0].rationed_tier, 2);
    assert_int_equal(r.totals[0].factor_num, 1);
    assert_int_equal(r.totals[0].factor_den, 2);
    earmark_free(&r);
    diag_free(&dl);
}

static void test_money_running_out_in_tier_one_leaves_tier_two_nothing(void **state)
{
    (void)state;
    static pool_line budget[] = {{"B", 2000000, 1}};
    pool_earmark e = trivsel(50000);
    pool p = make_pool(&e, budget);
    const unsigned c[N] = {A | M | U, A | M, A | M | U, 0, 0, 0};
    const pulje_kr a[N] = {30000, 10000, 30000, 0, 0, 0};
    pulje_kr claims[N] = {80000, 80000, 80000, 80000, 80000, 80000};
    em_result r;
    diag_list dl;
    setup_claims(c, a);
    app_list l = make_apps();
    diag_init(&dl);
    assert_int_equal(earmark_distribute(&p, &l, claims, 0, &r, &dl), 0);
    assert_int_equal(r.lines[0].grant, 25000);
    assert_int_equal(r.lines[2].grant, 25000);
    assert_int_equal(r.lines[1].status, EM_MONEY_GONE);
    assert_int_equal(r.lines[1].grant, 0);
    /* all protected by the 50.000 threshold: shared proportionally instead */
    assert_true(r.totals[0].proportional_fallback);
    earmark_free(&r);
    diag_free(&dl);
}

static void test_unused_money_goes_to_the_residual_or_back_to_the_main_pool(void **state)
{
    (void)state;
    static pool_line budget[] = {{"B", 1000000, 1}};
    pool_earmark e = trivsel(500000);
    pool p = make_pool(&e, budget);
    const unsigned c[N] = {A | M | U, A | M, 0, 0, 0, 0};
    const pulje_kr a[N] = {100000, 50000, 0, 0, 0, 0};
    alloc_result r;
    diag_list dl;
    setup_claims(c, a);
    app_list l = make_apps();
    diag_init(&dl);
    /* 500.000 for six claims of 80.000: the main pool is rationed */
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), 0);
    assert_int_equal(r.em.totals[0].granted, 150000);
    assert_int_equal(r.em.totals[0].unused, 350000);
    assert_int_equal(r.earmark_returned, 0);
    assert_int_equal(r.available, 500000);
    assert_int_equal(verify_result(&p, &l, &r, 1, &dl), 0);
    alloc_free(&r);

    e.unused_to_main = 1;
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), 0);
    assert_int_equal(r.earmark_returned, 350000);
    assert_int_equal(r.available, 850000);
    assert_int_equal(r.granted_total + r.residual, 850000);
    assert_int_equal(verify_result(&p, &l, &r, 1, &dl), 0);
    assert_int_equal(diag_errors(&dl), 0);
    alloc_free(&r);
    diag_free(&dl);
}

static void test_refused_application_gets_no_supplement(void **state)
{
    (void)state;
    static pool_line budget[] = {{"B", 2000000, 1}};
    pool_earmark e = trivsel(100000);
    pool p = make_pool(&e, budget);
    const unsigned c[N] = {A | M | U, 0, 0, 0, 0, 0};
    const pulje_kr a[N] = {30000, 0, 0, 0, 0, 0};
    pulje_kr claims[N] = {0, 80000, 80000, 80000, 80000, 80000};
    em_result r;
    diag_list dl;
    setup_claims(c, a);
    app_list l = make_apps();
    diag_init(&dl);
    assert_int_equal(earmark_distribute(&p, &l, claims, 1, &r, &dl), 0);
    assert_int_equal(r.lines[0].status, EM_NO_GRANT);
    assert_int_equal(r.totals[0].unused, 100000);
    earmark_free(&r);
    diag_free(&dl);
}

static void test_supplement_without_required_criteria_is_an_error_at_its_column(void **state)
{
    (void)state;
    static pool_line budget[] = {{"B", 2000000, 1}};
    pool_earmark e = trivsel(100000);
    pool p = make_pool(&e, budget);
    const unsigned c[N] = {A | U, A | M, 0, 0, 0, 0};
    const pulje_kr a[N] = {30000, 10000, 0, 0, 0, 0};
    diag_list dl;
    setup_claims(c, a);
    app_list l = make_apps();
    diag_init(&dl);
    assert_int_equal(earmark_validate(&p, &l, &dl), 1);
    assert_int_equal(dl.v[0].line, 2);
    assert_int_equal(dl.v[0].col, 14);
    assert_non_null(strstr(dl.v[0].msg, "Nr 1 asks for a supplement"));
    assert_non_null(strstr(dl.v[0].hint, "12-25 år mental trivsel"));
    diag_free(&dl);
}

/* Property: on generated applications, model and closed form agree and
 * every krone of the earmark is accounted for. */
static void test_generated_earmarks_balance_and_agree(void **state)
{
    (void)state;
    static pool_line budget[] = {{"B", 3000000, 1}};
    uint64_t seed = 12;
    for (int round = 0; round < 200; round++) {
        pool_earmark e = trivsel(test_between(&seed, 0, 200000));
        pool p = make_pool(&e, budget);
        unsigned c[N];
        pulje_kr a[N], claims[N];
        em_result x, y;
        diag_list dl;
        p.rounding = test_between(&seed, 0, 1) ? 1 : 100;
        for (size_t i = 0; i < N; i++) {
            c[i] = (unsigned)test_between(&seed, 0, 7);
            a[i] = test_between(&seed, 0, 3) ? test_between(&seed, 1000, 90000) : 0;
            claims[i] = test_between(&seed, 0, 5) ? 80000 : 0;
        }
        setup_claims(c, a);
        app_list l = make_apps();
        diag_init(&dl);
        assert_int_equal(earmark_distribute(&p, &l, claims, 1, &x, &dl), 0);
        assert_int_equal(earmark_distribute(&p, &l, claims, 0, &y, &dl), 0);
        pulje_kr sum = 0;
        for (size_t i = 0; i < N; i++) {
            assert_int_equal(x.lines[i].grant, y.lines[i].grant);
            assert_true(x.lines[i].grant >= 0 && x.lines[i].grant <= a[i]);
            sum += x.lines[i].grant;
        }
        assert_int_equal(sum + x.totals[0].unused, e.amount);
        earmark_free(&x);
        earmark_free(&y);
        diag_free(&dl);
    }
}

/* A pool of 6 applications (assessed 80.000, app 1 only 10.000), the main
 * rule proportional, money `budget` of which the earmark is `amount`. */
static pool em_pool(pool_earmark *e, pool_line *budget, pulje_kr min_grant, pulje_kr max_grant)
{
    pool p = make_pool(e, budget);
    p.rule.kind = RULE_PROPORTIONAL;
    p.rule.min_grant = min_grant;
    p.rule.max_grant = max_grant;
    return p;
}

static void test_no_supplement_without_an_ordinary_grant(void **state)
{
    (void)state;
    /* 300.000 for 10.000 + 5 x 80.000: 10.000 gets 7.317 < min_grant
     * 20.000 and is refused, so its supplement is not given */
    static pool_line budget[] = {{"B", 400000, 1}};
    pool_earmark e = trivsel(100000);
    pool p = em_pool(&e, budget, 20000, 0);
    const unsigned c[N] = {A | M | U, A | M | U, 0, 0, 0, 0};
    const pulje_kr a[N] = {5000, 10000, 0, 0, 0, 0};
    alloc_result r;
    diag_list dl;
    setup_claims(c, a);
    app_list l = make_apps();
    v[0].assessed = 10000;
    diag_init(&dl);
    for (int m = 0; m < 2; m++) {
        assert_int_equal(alloc_run(&p, &l, (alloc_method)m, &r, &dl), 0);
        assert_int_equal(r.lines[0].grant, 0);
        assert_true(r.lines[0].refused);
        assert_int_equal(r.lines[0].why, ALLOC_REFUSE_MIN_GRANT);
        assert_int_equal(r.n_refused, 1);
        assert_int_equal(r.lines[1].grant, 60000);
        assert_int_equal(r.em.lines[0].status, EM_NO_GRANT);
        assert_int_equal(r.em.lines[0].grant, 0);
        assert_int_equal(r.em.lines[1].grant, 10000);
        assert_int_equal(verify_result(&p, &l, &r, m == ALLOC_MODEL, &dl), 0);
        /* a supplement to the refused application is a breach */
        r.em.lines[0].grant = 5000;
        r.em.lines[0].claim = 5000;
        r.em.lines[0].tier = 1;
        r.em.totals[0].granted += 5000;
        r.em.totals[0].unused -= 5000;
        assert_true(verify_result(&p, &l, &r, 0, &dl) >= 1);
        alloc_free(&r);
    }
    diag_free(&dl);
}

static void test_rules_maximum_does_not_apply_to_supplements_the_earmarks_does(void **state)
{
    (void)state;
    /* tier 1: 40.000 + 40.000 asked, 50.000 money: 25.000 each, although
     * [rules] max_grant is 20.000; with the earmark's max 20.000 they get
     * 20.000 and 10.000 is unused */
    static pool_line budget[] = {{"B", 400000, 1}};
    pool_earmark e = trivsel(50000);
    pool p = em_pool(&e, budget, 0, 20000);
    const unsigned c[N] = {A | M | U, A | M | U, 0, 0, 0, 0};
    const pulje_kr a[N] = {40000, 40000, 0, 0, 0, 0};
    alloc_result r;
    diag_list dl;
    setup_claims(c, a);
    app_list l = make_apps();
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), 0);
    assert_int_equal(r.lines[0].grant, 20000); /* the ordinary grant is capped */
    assert_int_equal(r.em.lines[0].grant, 25000);
    assert_int_equal(r.em.lines[1].grant, 25000);
    assert_int_equal(verify_result(&p, &l, &r, 1, &dl), 0);
    alloc_free(&r);

    e.max_supp = 20000;
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), 0);
    assert_int_equal(r.em.lines[0].grant, 20000);
    assert_int_equal(r.em.lines[1].grant, 20000);
    assert_int_equal(r.em.lines[0].cap, 20000);
    assert_int_equal(r.em.totals[0].unused, 10000);
    assert_int_equal(verify_result(&p, &l, &r, 1, &dl), 0);
    /* a supplement above the earmark's max is a breach */
    r.em.lines[0].grant = 25000;
    r.em.lines[1].grant = 15000;
    assert_true(verify_result(&p, &l, &r, 0, &dl) >= 1);
    alloc_free(&r);
    diag_free(&dl);
}

static void test_a_tier_where_every_share_falls_below_the_earmarks_min_is_an_input_error(void **state)
{
    (void)state;
    static pool_line budget[] = {{"B", 400000, 1}};
    pool_earmark e = trivsel(50000);
    pool p = em_pool(&e, budget, 0, 0);
    const unsigned c[N] = {A | M | U, A | M | U, 0, 0, 0, 0};
    const pulje_kr a[N] = {40000, 40000, 0, 0, 0, 0};
    alloc_result r;
    diag_list dl;
    setup_claims(c, a);
    app_list l = make_apps();
    e.min_supp = 30000;
    e.min_line = 17;
    diag_init(&dl);
    for (int m = 0; m < 2; m++) {
        assert_int_equal(alloc_run(&p, &l, (alloc_method)m, &r, &dl), -1);
        assert_int_equal(dl.v[dl.n - 1].level, DIAG_ERROR);
        assert_int_equal(dl.v[dl.n - 1].line, 17);
        assert_string_equal(dl.v[dl.n - 1].msg,
                            "[earmark trivsel]: every supplement share in the tier where the "
                            "money runs out would fall below min = DKK 30,000 (DKK 50,000 left "
                            "for the tier), so no supplement can be given there");
    }
    /* with min 20.000 both get 25.000 */
    e.min_supp = 20000;
    assert_int_equal(alloc_run(&p, &l, ALLOC_CLOSED_FORM, &r, &dl), 0);
    assert_int_equal(r.em.lines[0].grant, 25000);
    alloc_free(&r);
    diag_free(&dl);
}

static void test_unused_main_order_grants_supplements_then_recomputes(void **state)
{
    (void)state;
    /* 300.000 for the ordinary grants first: Nr 1 (10.000) is refused by
     * min_grant 20.000, so it gets no supplement; 190.000 of the earmark is
     * unused and returned; with 490.000 every claim is paid in full, Nr 1
     * too, but its supplement is not revisited */
    static pool_line budget[] = {{"B", 500000, 1}};
    pool_earmark e = trivsel(200000);
    pool p = em_pool(&e, budget, 20000, 0);
    const unsigned c[N] = {A | M | U, A | M | U, 0, 0, 0, 0};
    const pulje_kr a[N] = {5000, 10000, 0, 0, 0, 0};
    alloc_result r;
    diag_list dl;
    setup_claims(c, a);
    app_list l = make_apps();
    v[0].assessed = 10000;
    e.unused_to_main = 1;
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &l, ALLOC_MODEL, &r, &dl), 0);
    assert_int_equal(r.earmark_returned, 190000);
    assert_int_equal(r.available, 490000);
    assert_false(r.rationed);
    assert_int_equal(r.lines[0].grant, 10000);
    assert_int_equal(r.em.lines[0].status, EM_NO_GRANT);
    assert_int_equal(r.em.lines[1].grant, 10000);
    assert_int_equal(r.residual, 490000 - 410000);
    assert_int_equal(verify_result(&p, &l, &r, 1, &dl), 0);
    alloc_free(&r);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meeting_criteria_1_and_3_only_does_not_qualify),
        cmocka_unit_test(test_tiers_are_served_in_order_and_money_runs_out_inside_tier_two),
        cmocka_unit_test(test_money_running_out_in_tier_one_leaves_tier_two_nothing),
        cmocka_unit_test(test_unused_money_goes_to_the_residual_or_back_to_the_main_pool),
        cmocka_unit_test(test_refused_application_gets_no_supplement),
        cmocka_unit_test(test_supplement_without_required_criteria_is_an_error_at_its_column),
        cmocka_unit_test(test_generated_earmarks_balance_and_agree),
        cmocka_unit_test(test_no_supplement_without_an_ordinary_grant),
        cmocka_unit_test(test_rules_maximum_does_not_apply_to_supplements_the_earmarks_does),
        cmocka_unit_test(test_a_tier_where_every_share_falls_below_the_earmarks_min_is_an_input_error),
        cmocka_unit_test(test_unused_main_order_grants_supplements_then_recomputes),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("earmark", tests, NULL, NULL);
}
