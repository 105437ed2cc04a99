/* test_rules.c - The reduction rules in closed form, and the rounding to kroner. */
#include "testutil.h"

#include <stdbool.h>

#include <stdlib.h>
#include <string.h>

#include "rounding.h"
#include "rules.h"
#include "labels.h"

static const rule_params RULE_2023 = {RULE_THRESHOLD, 50000, 0, 0};
static const rule_params RULE_PRO = {RULE_PROPORTIONAL, 0, 0, 0};

/* Apply a rule and round with unit; fills grants, returns the residual. */
static pulje_kr allocate(const rule_params *p, const pulje_kr *claims, size_t n,
                         pulje_kr money, pulje_kr unit, pulje_kr *grants)
{
    rule_result r;
    pulje_kr residual = -1;
    assert_int_equal(rule_apply(p, claims, n, money, &r), RULE_OK);
    assert_int_equal(round_shares(&r, claims, unit, money, grants, &residual), 0);
    rule_result_free(&r);
    return residual;
}

static void test_claims_that_fit_are_paid_in_full(void **state)
{
    (void)state;
    pulje_kr claims[] = {10000, 60000, 250000}, g[3];
    pulje_kr res = allocate(&RULE_2023, claims, 3, 400000, 1, g);
    assert_int_equal(g[0], 10000);
    assert_int_equal(g[1], 60000);
    assert_int_equal(g[2], 250000);
    assert_int_equal(res, 80000);
}

static void test_threshold_rule_halves_large_claims(void **state)
{
    (void)state;
    /* S = 30.000, L = 160.000, money 110.000: factor (110-30)/160 = 1/2 */
    pulje_kr claims[] = {30000, 60000, 100000}, g[3];
    rule_result r;
    assert_int_equal(rule_apply(&RULE_2023, claims, 3, 110000, &r), RULE_OK);
    assert_int_equal(r.factor_num, 1);
    assert_int_equal(r.factor_den, 2);
    assert_true(r.rationed);
    assert_false(r.reduced[0]);
    assert_true(r.reduced[1]);
    assert_true(r.reduced[2]);
    assert_int_equal(r.protected_sum, 30000);
    assert_int_equal(r.reducible_sum, 160000);
    rule_result_free(&r);
    assert_int_equal(allocate(&RULE_2023, claims, 3, 110000, 1, g), 0);
    assert_int_equal(g[0], 30000);
    assert_int_equal(g[1], 30000);
    assert_int_equal(g[2], 50000);
}

static void test_threshold_exactly_50000_is_not_reduced(void **state)
{
    (void)state;
    pulje_kr claims[] = {50000, 50001, 100000}, g[3];
    pulje_kr res = allocate(&RULE_2023, claims, 3, 125000, 1, g);
    /* factor = (125.000 - 50.000) / 150.001 */
    assert_int_equal(g[0], 50000);
    assert_int_equal(g[1] + g[2] + res, 75000);
    assert_true(g[1] < 50001);
    assert_int_equal(g[1], 25000); /* 50.001 * 75.000 / 150.001 = 25.000,33 */
    assert_int_equal(g[2], 50000); /* 100.000 * 75.000 / 150.001 = 49.999,67 -> +1 */
    assert_int_equal(res, 0);
}

static void test_threshold_50001_is_reduced(void **state)
{
    (void)state;
    pulje_kr claims[] = {50001, 20000}, g[2];
    rule_result r;
    assert_int_equal(rule_apply(&RULE_2023, claims, 2, 60000, &r), RULE_OK);
    assert_true(r.reduced[0]);
    assert_false(r.reduced[1]);
    rule_result_free(&r);
    assert_int_equal(allocate(&RULE_2023, claims, 2, 60000, 1, g), 0);
    assert_int_equal(g[0], 40000);
    assert_int_equal(g[1], 20000);
}

static void test_cliff_of_the_2023_rule(void **state)
{
    (void)state;
    /* DOMAIN.md: an assessed 55.000 cut by 20 % gets 44.000 < 50.000 */
    pulje_kr claims[] = {55000, 50000, 445000}, g[3];
    /* L = 500.000, want factor 0.8: money = 50.000 + 400.000 */
    allocate(&RULE_2023, claims, 3, 450000, 1, g);
    assert_int_equal(g[0], 44000);
    assert_int_equal(g[1], 50000);
    assert_int_equal(g[2], 356000);
}

static void test_protected_claims_above_money_is_an_error(void **state)
{
    (void)state;
    pulje_kr claims[] = {40000, 40000, 90000};
    rule_result r;
    assert_int_equal(rule_apply(&RULE_2023, claims, 3, 79999, &r), RULE_ERR_PROTECTED);
    rule_result_free(&r);
}

static void test_protected_claims_exactly_the_money_gives_factor_zero(void **state)
{
    (void)state;
    pulje_kr claims[] = {40000, 40000, 90000}, g[3];
    assert_int_equal(allocate(&RULE_2023, claims, 3, 80000, 1, g), 0);
    assert_int_equal(g[0], 40000);
    assert_int_equal(g[1], 40000);
    assert_int_equal(g[2], 0);
}

static void test_refused_claims_of_zero_get_zero_and_are_not_reduced(void **state)
{
    (void)state;
    pulje_kr claims[] = {0, 80000, 0}, g[3];
    rule_result r;
    assert_int_equal(rule_apply(&RULE_PRO, claims, 3, 40000, &r), RULE_OK);
    assert_false(r.reduced[0]);
    assert_true(r.reduced[1]);
    rule_result_free(&r);
    allocate(&RULE_PRO, claims, 3, 40000, 1, g);
    assert_int_equal(g[0], 0);
    assert_int_equal(g[1], 40000);
    assert_int_equal(g[2], 0);
}

static void test_proportional_rule_cuts_everyone(void **state)
{
    (void)state;
    pulje_kr claims[] = {10000, 30000, 60000}, g[3];
    assert_int_equal(allocate(&RULE_PRO, claims, 3, 50000, 1, g), 0);
    assert_int_equal(g[0], 5000);
    assert_int_equal(g[1], 15000);
    assert_int_equal(g[2], 30000);
}

static void test_rounding_to_100_leaves_a_residual_below_the_unit_count(void **state)
{
    (void)state;
    /* factor 100.000/300.000 = 1/3: shares 33.333,33 each (equal claims) */
    pulje_kr claims[] = {100000, 100000, 100000}, g[3];
    pulje_kr res = allocate(&RULE_PRO, claims, 3, 100000, 100, g);
    assert_int_equal(g[0], 33300);
    assert_int_equal(g[1], 33300);
    assert_int_equal(g[2], 33300);
    assert_int_equal(res, 100); /* one unit cannot go to one of three equals */
}

static void test_rounding_gives_units_to_largest_remainders(void **state)
{
    (void)state;
    /* money 100.000, claims 60.000 / 70.000 / 80.000 (sum 210.000):
     * shares 28.571,43 / 33.333,33 / 38.095,24 -> floors 28.500 / 33.300 / 38.000
     * = 99.800; remainders 71,43 / 33,33 / 95,24: 200 kr. go to 80.000 then 60.000 */
    pulje_kr claims[] = {60000, 70000, 80000}, g[3];
    pulje_kr res = allocate(&RULE_PRO, claims, 3, 100000, 100, g);
    assert_int_equal(g[0], 28600);
    assert_int_equal(g[1], 33300);
    assert_int_equal(g[2], 38100);
    assert_int_equal(res, 0);
}

static void test_rounding_never_exceeds_the_claim(void **state)
{
    (void)state;
    /* factor close to 1: 99.999/100.001 of claims not multiple of the unit */
    pulje_kr claims[] = {60050, 39951}, g[2];
    pulje_kr res = allocate(&RULE_PRO, claims, 2, 99999, 1000, g);
    assert_true(g[0] <= 60050);
    assert_true(g[1] <= 39951);
    assert_int_equal(g[0] + g[1] + res, 99999);
}

/* Is every share of b at least the share of a (exactly)? */
static bool no_one_gets_less(const rule_result *a, const rule_result *b)
{
    for (size_t i = 0; i < a->n; i++)
        if (b->num[i] * a->den < a->num[i] * b->den)
            return false;
    return true;
}

/* Property: on many generated pools, every rule with and without options:
 * exact sum, 0 <= grant <= claim, equal claims equal grants, the residual
 * below what rounding can leave (plus what the options leave unshared),
 * award order (all but the threshold rule), loss order (unit 1, no
 * options), and resource monotonicity of the exact shares (no min_grant). */
static void test_rounding_properties_on_generated_pools(void **state)
{
    (void)state;
    uint64_t seed = 2023;
    pulje_kr units[] = {1, 100, 1000};
    int checked = 0;
    for (int round = 0; round < 6000; round++) {
        size_t n = (size_t)test_between(&seed, 1, 60);
        pulje_kr claims[60], g[60], total = 0, sum = 0, res;
        rule_params p = {(rule_kind)test_between(&seed, 0, RULE__COUNT - 1), 0, 0, 0};
        p.threshold = test_between(&seed, 0, 100000);
        if (test_between(&seed, 0, 3) == 0)
            p.min_grant = test_between(&seed, 1, 60000);
        if (test_between(&seed, 0, 3) == 0)
            p.max_grant = test_between(&seed, 60000, 400000);
        pulje_kr unit = units[test_between(&seed, 0, 2)];
        rule_result r, more;
        for (size_t i = 0; i < n; i++) {
            claims[i] = test_between(&seed, 0, 4) == 0 ? 0 : test_between(&seed, 1000, 500000);
            if (test_between(&seed, 0, 5) == 0 && i > 0)
                claims[i] = claims[i - 1]; /* ties */
            total += claims[i];
        }
        pulje_kr money = test_between(&seed, 0, total + 10000);
        if (rule_apply(&p, claims, n, money, &r) != RULE_OK)
            continue;
        checked++;
        assert_int_equal(round_shares(&r, claims, unit, money, g, &res), 0);
        bool ordered = p.kind != RULE_THRESHOLD;
        bool options = p.min_grant > 0 || p.max_grant > 0;
        for (size_t i = 0; i < n; i++) {
            assert_true(g[i] >= 0 && g[i] <= claims[i]);
            sum += g[i];
            for (size_t j = 0; j < n; j++) {
                /* among reduced claims, a larger claim never gets less */
                if (r.reduced[i] && r.reduced[j] && claims[i] > claims[j] && ordered)
                    assert_true(g[i] >= g[j]);
                if (claims[i] > claims[j] && ordered)
                    assert_true(g[i] >= g[j]);
                if (claims[i] > claims[j] && ordered && unit == 1 && !options &&
                    claims[i] - g[i] < claims[j] - g[j])
                    fail_msg("rule %d: claims %lld %lld grants %lld %lld money %lld",
                             (int)p.kind, (long long)claims[i], (long long)claims[j],
                             (long long)g[i], (long long)g[j], (long long)money);
                if (claims[i] == claims[j])
                    assert_int_equal(g[i], g[j]);
            }
        }
        assert_int_equal(sum + res, money);
        assert_true(res >= 0);
        if (r.rationed)
            assert_true(res - r.unshared < unit * (pulje_kr)n);
        if (p.min_grant == 0) {
            pulje_kr step = test_between(&seed, 1, 50000);
            if (rule_apply(&p, claims, n, money + step, &more) == RULE_OK) {
                assert_true(no_one_gets_less(&r, &more));
                rule_result_free(&more);
            }
        }
        rule_result_free(&r);
    }
    assert_true(checked > 4000);
}

/* Aumann & Maschler (1985), the table for claims 100, 200, 300, in
 * thousands of kroner: estate 100 gives 33 1/3 each; 200 gives 50, 75, 75;
 * 300 gives 50, 100, 150; and above half the claims, 400 gives 50, 125, 225. */
static void test_talmud_rule_reproduces_aumann_maschler(void **state)
{
    (void)state;
    rule_params talmud = {RULE_TALMUD, 0, 0, 0};
    pulje_kr claims[] = {100000, 200000, 300000}, g[3];
    rule_result r;

    assert_int_equal(rule_apply(&talmud, claims, 3, 100000, &r), RULE_OK);
    for (int i = 0; i < 3; i++)
        assert_true(r.num[i] * 3 == (pulje_wide)100000 * r.den); /* exactly 33.333 1/3 */
    assert_true(r.lambda_num * 3 == (pulje_wide)100000 * r.lambda_den);
    assert_false(r.talmud_losses);
    rule_result_free(&r);
    /* rounded to the krone: 33.333 each, the last krone cannot be split three ways */
    assert_int_equal(allocate(&talmud, claims, 3, 100000, 1, g), 1);
    assert_int_equal(g[0], 33333);
    assert_int_equal(g[1], 33333);
    assert_int_equal(g[2], 33333);

    assert_int_equal(allocate(&talmud, claims, 3, 200000, 1, g), 0);
    assert_int_equal(g[0], 50000);
    assert_int_equal(g[1], 75000);
    assert_int_equal(g[2], 75000);

    assert_int_equal(allocate(&talmud, claims, 3, 300000, 1, g), 0);
    assert_int_equal(g[0], 50000);
    assert_int_equal(g[1], 100000);
    assert_int_equal(g[2], 150000);

    assert_int_equal(rule_apply(&talmud, claims, 3, 400000, &r), RULE_OK);
    assert_true(r.talmud_losses);
    rule_result_free(&r);
    assert_int_equal(allocate(&talmud, claims, 3, 400000, 1, g), 0);
    assert_int_equal(g[0], 50000);
    assert_int_equal(g[1], 125000);
    assert_int_equal(g[2], 225000);
}

static void test_cea_gives_a_common_ceiling(void **state)
{
    (void)state;
    /* 10.000 is paid in full; 40.000 left for two: ceiling 20.000 */
    rule_params cea = {RULE_CEA, 0, 0, 0};
    pulje_kr claims[] = {10000, 30000, 60000}, g[3];
    rule_result r;
    assert_int_equal(rule_apply(&cea, claims, 3, 50000, &r), RULE_OK);
    assert_true(r.lambda_num == 20000 * r.lambda_den);
    assert_false(r.reduced[0]);
    assert_true(r.reduced[1] && r.reduced[2]);
    assert_int_equal(r.factor_num, 1); /* granted / claimed = 50.000 / 100.000 */
    assert_int_equal(r.factor_den, 2);
    rule_result_free(&r);
    assert_int_equal(allocate(&cea, claims, 3, 50000, 1, g), 0);
    assert_int_equal(g[0], 10000);
    assert_int_equal(g[1], 20000);
    assert_int_equal(g[2], 20000);
}

static void test_cea_with_unit_never_floors_below_a_smaller_full_claim(void **state)
{
    (void)state;
    /* 40.050 is paid in full; the ceiling is 40.075, which floors to 40.000
     * at 100 kr.: the two larger claims get 40.050, not less than 40.050. */
    rule_params cea = {RULE_CEA, 0, 0, 0};
    pulje_kr claims[] = {40050, 60000, 70000}, g[3];
    pulje_kr res = allocate(&cea, claims, 3, 120200, 100, g);
    assert_int_equal(g[0], 40050);
    assert_int_equal(g[1], 40050);
    assert_int_equal(g[2], 40050);
    assert_int_equal(res, 50);
}

static void test_cel_cuts_everyone_by_the_same_kroner_never_below_zero(void **state)
{
    (void)state;
    /* losses 50.000: a common cut of 20.000 for the two larger, the
     * smallest (10.000) loses everything and gets 0 */
    rule_params cel = {RULE_CEL, 0, 0, 0};
    pulje_kr claims[] = {10000, 30000, 60000}, g[3];
    rule_result r;
    assert_int_equal(rule_apply(&cel, claims, 3, 50000, &r), RULE_OK);
    assert_true(r.lambda_num == 20000 * r.lambda_den);
    rule_result_free(&r);
    assert_int_equal(allocate(&cel, claims, 3, 50000, 1, g), 0);
    assert_int_equal(g[0], 0);
    assert_int_equal(g[1], 10000);
    assert_int_equal(g[2], 40000);
}

static void test_excess_rule_cuts_only_the_part_above_the_threshold(void **state)
{
    (void)state;
    /* protected 30.000 + 50.000 + 50.000 = 130.000; excess 10.000 + 50.000;
     * factor (150.000 - 130.000) / 60.000 = 1/3 */
    rule_params excess = {RULE_EXCESS, 50000, 0, 0};
    pulje_kr claims[] = {30000, 60000, 100000}, g[3];
    rule_result r;
    assert_int_equal(rule_apply(&excess, claims, 3, 150000, &r), RULE_OK);
    assert_int_equal(r.factor_num, 1);
    assert_int_equal(r.factor_den, 3);
    assert_int_equal(r.protected_sum, 130000);
    assert_int_equal(r.reducible_sum, 60000);
    rule_result_free(&r);
    assert_int_equal(allocate(&excess, claims, 3, 150000, 1, g), 0);
    assert_int_equal(g[0], 30000);
    assert_int_equal(g[1], 53333);
    assert_int_equal(g[2], 66667);
    /* everyone's first 50.000 is more than the money: no allocation */
    assert_int_equal(rule_apply(&excess, claims, 3, 129999, &r), RULE_ERR_PROTECTED);
    rule_result_free(&r);
}

static void test_cliff_is_absent_for_the_excess_rule(void **state)
{
    (void)state;
    /* the 2023 rule's cliff case: 55.000 gets 44.000 < 50.000 there; here
     * factor 300.000 / 400.000: 50.000 + 3/4 x 5.000 = 53.750 */
    rule_params excess = {RULE_EXCESS, 50000, 0, 0};
    pulje_kr claims[] = {55000, 50000, 445000}, g[3];
    allocate(&excess, claims, 3, 450000, 1, g);
    assert_int_equal(g[0], 53750);
    assert_int_equal(g[1], 50000);
    assert_int_equal(g[2], 346250);
    assert_true(g[0] >= g[1]);
}

static void test_min_grant_refuses_small_shares_and_shares_again(void **state)
{
    (void)state;
    /* proportional gives 5.000, 15.000, 30.000; 5.000 < 8.000 is refused and
     * the 50.000 shared by 30.000 and 60.000: 16.666 2/3 and 33.333 1/3 */
    rule_params p = {RULE_PROPORTIONAL, 0, 8000, 0};
    pulje_kr claims[] = {10000, 30000, 60000}, g[3];
    rule_result r;
    assert_int_equal(rule_apply(&p, claims, 3, 50000, &r), RULE_OK);
    assert_int_equal(r.n_dropped, 1);
    assert_true(r.reduced[0]);
    assert_int_equal(r.unshared, 0);
    rule_result_free(&r);
    assert_int_equal(allocate(&p, claims, 3, 50000, 1, g), 0);
    assert_int_equal(g[0], 0);
    assert_int_equal(g[1], 16667);
    assert_int_equal(g[2], 33333);
}

static void test_max_grant_caps_and_shares_the_rest_again(void **state)
{
    (void)state;
    /* proportional gives 30.000 to 60.000; capped at 25.000, the other
     * 25.000 go to 10.000 and 30.000 by 5/8: 6.250 and 18.750 */
    rule_params p = {RULE_PROPORTIONAL, 0, 0, 25000};
    pulje_kr claims[] = {10000, 30000, 60000}, g[3];
    assert_int_equal(allocate(&p, claims, 3, 50000, 1, g), 0);
    assert_int_equal(g[0], 6250);
    assert_int_equal(g[1], 18750);
    assert_int_equal(g[2], 25000);
}

static void test_max_grant_leaves_unshared_money_on_the_residual(void **state)
{
    (void)state;
    /* 50.000 and then 20.000 are capped at 15.000; 10.000 is paid in full;
     * 60.000 - 40.000 = 20.000 nobody may take */
    rule_params p = {RULE_PROPORTIONAL, 0, 0, 15000};
    pulje_kr claims[] = {10000, 20000, 50000}, g[3];
    rule_result r;
    assert_int_equal(rule_apply(&p, claims, 3, 60000, &r), RULE_OK);
    assert_int_equal(r.n_capped, 2);
    assert_int_equal(r.unshared, 20000);
    rule_result_free(&r);
    assert_int_equal(allocate(&p, claims, 3, 60000, 1, g), 20000);
    assert_int_equal(g[0], 10000);
    assert_int_equal(g[1], 15000);
    assert_int_equal(g[2], 15000);
}

static void test_options_do_nothing_when_the_money_suffices(void **state)
{
    (void)state;
    rule_params p = {RULE_CEA, 0, 20000, 15000 + 5000};
    pulje_kr claims[] = {10000, 50000}, g[2];
    assert_int_equal(allocate(&p, claims, 2, 60000, 1, g), 0);
    assert_int_equal(g[0], 10000);
    assert_int_equal(g[1], 50000);
}

static void test_min_grant_above_every_claim_is_an_error(void **state)
{
    (void)state;
    rule_params p = {RULE_PROPORTIONAL, 0, 70000, 0};
    pulje_kr claims[] = {10000, 60000};
    rule_result r;
    assert_int_equal(rule_apply(&p, claims, 2, 50000, &r), RULE_ERR_MIN_GRANT);
    rule_result_free(&r);
    /* below the largest claim but above anything the money allows: also refused */
    p.min_grant = 55000;
    assert_int_equal(rule_apply(&p, claims, 2, 50000, &r), RULE_ERR_MIN_GRANT);
    rule_result_free(&r);
}

static void test_rule_specs_parse_and_explain_bad_choices(void **state)
{
    (void)state;
    rule_params p;
    char err[256], buf[64];
    assert_true(rule_parse_spec("threshold:25.000", 50000, &p, err, sizeof err));
    assert_int_equal(p.kind, RULE_THRESHOLD);
    assert_int_equal(p.threshold, 25000);
    assert_true(rule_parse_spec("excess", 50000, &p, err, sizeof err));
    assert_int_equal(p.threshold, 50000);
    assert_true(rule_parse_spec("CEA+min=10.000+max=300000", 50000, &p, err, sizeof err));
    assert_int_equal(p.kind, RULE_CEA);
    assert_int_equal(p.min_grant, 10000);
    assert_int_equal(p.max_grant, 300000);
    assert_string_equal(rule_format_spec(&p, buf, sizeof buf), "cea+min=10000+max=300000");
    assert_false(rule_parse_spec("equal", 50000, &p, err, sizeof err));
    assert_non_null(strstr(err, "unknown rule \"equal\""));
    assert_non_null(strstr(err, rule_names_list()));
    assert_false(rule_parse_spec("talmud:50000", 50000, &p, err, sizeof err));
    assert_non_null(strstr(err, "takes no threshold"));
    assert_false(rule_parse_spec("cea+min=300+max=200", 50000, &p, err, sizeof err));
    assert_non_null(strstr(err, "above the maximum grant"));
    assert_false(rule_parse_spec("cea+mix=3", 50000, &p, err, sizeof err));
    assert_non_null(strstr(err, "+min=AMOUNT"));
    assert_false(rule_parse_spec("threshold:5x", 50000, &p, err, sizeof err));
    assert_non_null(strstr(err, "not a whole-krone amount"));
}

static void test_rule_names_round_trip(void **state)
{
    (void)state;
    rule_kind k;
    assert_true(rule_from_name("threshold", &k));
    assert_int_equal(k, RULE_THRESHOLD);
    assert_true(rule_from_name("proportional", &k));
    assert_int_equal(k, RULE_PROPORTIONAL);
    assert_false(rule_from_name("talmud-ish", &k));
    for (int kind = 0; kind < RULE__COUNT; kind++) {
        assert_true(rule_from_name(rule_name((rule_kind)kind), &k));
        assert_int_equal(k, kind);
    }
    assert_true(rule_from_name("2023", &k));
    assert_int_equal(k, RULE_THRESHOLD);
    assert_string_equal(rule_name(RULE_THRESHOLD), "threshold");
}

static void test_negative_claim_is_rejected(void **state)
{
    (void)state;
    pulje_kr claims[] = {-1};
    rule_result r;
    assert_int_equal(rule_apply(&RULE_PRO, claims, 1, 10, &r), RULE_ERR_ARGS);
    rule_result_free(&r);
}

static void test_a_threshold_on_a_rule_without_one_names_the_rules_that_take_one(void **state)
{
    (void)state;
    rule_params p;
    char err[256];
    assert_false(rule_parse_spec("cea:50000", 50000, &p, err, sizeof err));
    assert_string_equal(err, "the rule cea takes no threshold; only threshold and excess do "
                             "(e.g. threshold:50.000)");
    assert_false(rule_parse_spec("", 50000, &p, err, sizeof err));
    assert_non_null(strstr(err, "empty rule; the rules are "));
    assert_non_null(strstr(err, rule_names_list()));
}

static void test_protected_part_of_each_rule(void **state)
{
    (void)state;
    rule_params t = RULE_2023, ex = {RULE_EXCESS, 50000, 0, 0}, cea = {RULE_CEA, 50000, 0, 0};
    assert_int_equal(rule_protected(&t, 50000), 50000);
    assert_int_equal(rule_protected(&t, 50001), 0);
    assert_int_equal(rule_protected(&ex, 49999), 49999);
    assert_int_equal(rule_protected(&ex, 70000), 50000);
    assert_int_equal(rule_protected(&RULE_PRO, 70000), 0);
    assert_int_equal(rule_protected(&cea, 70000), 0);
    assert_true(rule_is_factor(RULE_EXCESS));
    assert_false(rule_is_factor(RULE_TALMUD));
    assert_false(rule_is_factor(RULE__COUNT));
    assert_string_equal(rule_name(RULE__COUNT), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claims_that_fit_are_paid_in_full),
        cmocka_unit_test(test_threshold_rule_halves_large_claims),
        cmocka_unit_test(test_threshold_exactly_50000_is_not_reduced),
        cmocka_unit_test(test_threshold_50001_is_reduced),
        cmocka_unit_test(test_cliff_of_the_2023_rule),
        cmocka_unit_test(test_protected_claims_above_money_is_an_error),
        cmocka_unit_test(test_protected_claims_exactly_the_money_gives_factor_zero),
        cmocka_unit_test(test_refused_claims_of_zero_get_zero_and_are_not_reduced),
        cmocka_unit_test(test_proportional_rule_cuts_everyone),
        cmocka_unit_test(test_rounding_to_100_leaves_a_residual_below_the_unit_count),
        cmocka_unit_test(test_rounding_gives_units_to_largest_remainders),
        cmocka_unit_test(test_rounding_never_exceeds_the_claim),
        cmocka_unit_test(test_rounding_properties_on_generated_pools),
        cmocka_unit_test(test_talmud_rule_reproduces_aumann_maschler),
        cmocka_unit_test(test_cea_gives_a_common_ceiling),
        cmocka_unit_test(test_cea_with_unit_never_floors_below_a_smaller_full_claim),
        cmocka_unit_test(test_cel_cuts_everyone_by_the_same_kroner_never_below_zero),
        cmocka_unit_test(test_excess_rule_cuts_only_the_part_above_the_threshold),
        cmocka_unit_test(test_cliff_is_absent_for_the_excess_rule),
        cmocka_unit_test(test_min_grant_refuses_small_shares_and_shares_again),
        cmocka_unit_test(test_max_grant_caps_and_shares_the_rest_again),
        cmocka_unit_test(test_max_grant_leaves_unshared_money_on_the_residual),
        cmocka_unit_test(test_options_do_nothing_when_the_money_suffices),
        cmocka_unit_test(test_min_grant_above_every_claim_is_an_error),
        cmocka_unit_test(test_rule_specs_parse_and_explain_bad_choices),
        cmocka_unit_test(test_rule_names_round_trip),
        cmocka_unit_test(test_negative_claim_is_rejected),
        cmocka_unit_test(test_a_threshold_on_a_rule_without_one_names_the_rules_that_take_one),
        cmocka_unit_test(test_protected_part_of_each_rule),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
