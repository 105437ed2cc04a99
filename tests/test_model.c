/* test_model.c - The GLPK model against the closed form: same factor, same kroner. */
#include "testutil.h"

#include <string.h>

#include "model.h"
#include "rounding.h"
#include "rules.h"

static void test_model_finds_the_2023_factor(void **state)
{
    (void)state;
    rule_params p = {RULE_THRESHOLD, 50000, 0, 0};
    pulje_kr claims[] = {30000, 60000, 100000};
    rule_result r;
    char err[256] = "";
    assert_int_equal(model_solve(&p, claims, 3, 110000, &r, err, sizeof err), MODEL_OK);
    assert_int_equal(r.factor_num, 1);
    assert_int_equal(r.factor_den, 2);
    assert_true(r.rationed);
    rule_result_free(&r);
}

static void test_model_pays_in_full_when_money_suffices(void **state)
{
    (void)state;
    rule_params p = {RULE_THRESHOLD, 50000, 0, 0};
    pulje_kr claims[] = {30000, 60000, 100000};
    rule_result r;
    char err[256] = "";
    assert_int_equal(model_solve(&p, claims, 3, 190000, &r, err, sizeof err), MODEL_OK);
    assert_int_equal(r.factor_num, 1);
    assert_int_equal(r.factor_den, 1);
    assert_false(r.rationed);
    rule_result_free(&r);
}

static void test_model_reports_protected_claims_above_money_as_infeasible(void **state)
{
    (void)state;
    rule_params p = {RULE_THRESHOLD, 50000, 0, 0};
    pulje_kr claims[] = {40000, 40000, 90000};
    rule_result r;
    char err[256] = "";
    assert_int_equal(model_solve(&p, claims, 3, 79999, &r, err, sizeof err),
                     MODEL_ERR_INFEASIBLE);
    assert_non_null(strstr(err, "protected"));
    rule_result_free(&r);
}

/* Many generated pools: the model's grants equal the closed form's, krone for krone. */
static void test_model_agrees_with_closed_form_on_generated_pools(void **state)
{
    (void)state;
    uint64_t seed = 18;
    int compared = 0;
    for (int round = 0; round < 500; round++) {
        size_t n = (size_t)test_between(&seed, 1, 200);
        pulje_kr claims[200], gm[200], gc[200], total = 0, rm, rc;
        pulje_kr unit = test_between(&seed, 0, 1) ? 1 : 100;
        rule_params p = {(rule_kind)test_between(&seed, 0, 1), test_between(&seed, 10000, 90000), 0, 0};
        rule_result a, b;
        char err[256];
        for (size_t i = 0; i < n; i++) {
            claims[i] = test_between(&seed, 3000, 500000);
            total += claims[i];
        }
        pulje_kr money = test_between(&seed, total / 4, total + 1000);
        rule_status rs = rule_apply(&p, claims, n, money, &a);
        model_status ms = model_solve(&p, claims, n, money, &b, err, sizeof err);
        if (rs == RULE_ERR_PROTECTED) {
            assert_int_equal(ms, MODEL_ERR_INFEASIBLE);
            continue;
        }
        assert_int_equal(rs, RULE_OK);
        if (ms != MODEL_OK) print_message("money %lld total %lld: %s\n", (long long)money, (long long)total, err);
        assert_int_equal(ms, MODEL_OK);
        assert_int_equal(a.factor_num, b.factor_num);
        assert_int_equal(a.factor_den, b.factor_den);
        assert_int_equal(round_shares(&a, claims, unit, money, gc, &rc), 0);
        assert_int_equal(round_shares(&b, claims, unit, money, gm, &rm), 0);
        assert_memory_equal(gc, gm, n * sizeof gc[0]);
        assert_int_equal(rc, rm);
        rule_result_free(&a);
        rule_result_free(&b);
        compared++;
    }
    assert_true(compared > 300);
}

static void test_model_handles_no_claims(void **state)
{
    (void)state;
    rule_params p = {RULE_THRESHOLD, 50000, 0, 0};
    rule_result r;
    char err[256];
    assert_int_equal(model_solve(&p, NULL, 0, 1000, &r, err, sizeof err), MODEL_OK);
    assert_int_equal(r.n, 0);
    rule_result_free(&r);
}

/* The model on every rule, with and without the options, on generated
 * pools: the same exact shares as the closed form, hence the same kroner. */
static void test_model_agrees_with_closed_form_for_every_rule(void **state)
{
    (void)state;
    uint64_t seed = 5;
    int compared[RULE__COUNT] = {0};
    for (int round = 0; round < 600; round++) {
        size_t n = (size_t)test_between(&seed, 1, 60);
        pulje_kr claims[60], gm[60], gc[60], total = 0, rm, rc;
        pulje_kr unit = test_between(&seed, 0, 1) ? 1 : 100;
        rule_params p = {(rule_kind)(round % RULE__COUNT), test_between(&seed, 0, 60000), 0, 0};
        rule_result a, b;
        char err[256] = "";
        if (test_between(&seed, 0, 2) == 0)
            p.min_grant = test_between(&seed, 1000, 40000);
        if (test_between(&seed, 0, 2) == 0)
            p.max_grant = test_between(&seed, 40000, 300000);
        for (size_t i = 0; i < n; i++) {
            claims[i] = test_between(&seed, 0, 6) == 0 ? 0 : test_between(&seed, 3000, 500000);
            if (i > 0 && test_between(&seed, 0, 6) == 0)
                claims[i] = claims[i - 1];
            total += claims[i];
        }
        pulje_kr money = test_between(&seed, total / 5, total + 1000);
        rule_status rs = rule_apply(&p, claims, n, money, &a);
        model_status ms = model_solve(&p, claims, n, money, &b, err, sizeof err);
        if (rs != RULE_OK) {
            assert_int_equal(ms, MODEL_ERR_INFEASIBLE);
            rule_result_free(&a);
            rule_result_free(&b);
            continue;
        }
        if (ms != MODEL_OK)
            fail_msg("rule %s: %s", rule_name(p.kind), err);
        assert_true(a.num[0] * b.den == b.num[0] * a.den);
        for (size_t i = 0; i < n; i++)
            assert_true(a.num[i] * b.den == b.num[i] * a.den);
        assert_true(a.lambda_num * b.lambda_den == b.lambda_num * a.lambda_den);
        assert_int_equal(a.unshared, b.unshared);
        assert_int_equal(round_shares(&a, claims, unit, money, gc, &rc), 0);
        assert_int_equal(round_shares(&b, claims, unit, money, gm, &rm), 0);
        assert_memory_equal(gc, gm, n * sizeof gc[0]);
        assert_int_equal(rc, rm);
        rule_result_free(&a);
        rule_result_free(&b);
        compared[p.kind]++;
    }
    for (int k = 0; k < RULE__COUNT; k++)
        assert_true(compared[k] > 40);
}

static void test_model_finds_the_cea_ceiling_exactly(void **state)
{
    (void)state;
    /* 10.000 in full, 40.000 left for two: L = 20.000 */
    rule_params p = {RULE_CEA, 0, 0, 0};
    pulje_kr claims[] = {10000, 30000, 60000};
    rule_result r;
    char err[256] = "";
    assert_int_equal(model_solve(&p, claims, 3, 50000, &r, err, sizeof err), MODEL_OK);
    assert_true(r.lambda_num == 20000 * r.lambda_den);
    rule_result_free(&r);
    /* an L that is not whole: 100.000 among three equal claims */
    pulje_kr equal[] = {100000, 100000, 100000};
    assert_int_equal(model_solve(&p, equal, 3, 100000, &r, err, sizeof err), MODEL_OK);
    assert_true(r.lambda_num * 3 == 100000 * r.lambda_den);
    rule_result_free(&r);
}

static void test_model_reproduces_the_talmud_table(void **state)
{
    (void)state;
    rule_params p = {RULE_TALMUD, 0, 0, 0};
    pulje_kr claims[] = {100000, 200000, 300000};
    pulje_kr want[4][3] = {{0, 0, 0}, {50000, 75000, 75000}, {50000, 100000, 150000},
                           {50000, 125000, 225000}};
    for (int e = 1; e <= 3; e++) {
        rule_result r;
        char err[256] = "";
        assert_int_equal(model_solve(&p, claims, 3, 100000 * (e + 1), &r, err, sizeof err),
                         MODEL_OK);
        for (int i = 0; i < 3; i++)
            assert_true(r.num[i] == (pulje_wide)want[e][i] * r.den);
        rule_result_free(&r);
    }
}

static void test_model_reports_min_grant_refusing_everyone_as_infeasible(void **state)
{
    (void)state;
    rule_params p = {RULE_PROPORTIONAL, 0, 70000, 0};
    pulje_kr claims[] = {10000, 60000};
    rule_result r;
    char err[256] = "";
    assert_int_equal(model_solve(&p, claims, 2, 50000, &r, err, sizeof err),
                     MODEL_ERR_INFEASIBLE);
    assert_non_null(strstr(err, "minimum grant"));
    rule_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_finds_the_2023_factor),
        cmocka_unit_test(test_model_pays_in_full_when_money_suffices),
        cmocka_unit_test(test_model_reports_protected_claims_above_money_as_infeasible),
        cmocka_unit_test(test_model_agrees_with_closed_form_on_generated_pools),
        cmocka_unit_test(test_model_handles_no_claims),
        cmocka_unit_test(test_model_agrees_with_closed_form_for_every_rule),
        cmocka_unit_test(test_model_finds_the_cea_ceiling_exactly),
        cmocka_unit_test(test_model_reproduces_the_talmud_table),
        cmocka_unit_test(test_model_reports_min_grant_refusing_everyone_as_infeasible),
    };
    return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
