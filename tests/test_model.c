/* test_model.c - The GLPK model against the closed form: same factor, same kroner. */
#include "testutil.h"

#include <string.h>

#include "model.h"
#include "rounding.h"
#include "rules.h"
#include "labels.h"

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

/* ------------------------------------------------------------------------ */
/* Boundary pools: where a solver working in doubles meets its tolerances.   */

/* share a / da == b / db, exactly, without overflowing: both reduced first. */
static pulje_wide gcd_wide(pulje_wide a, pulje_wide b)
{
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    while (b) {
        pulje_wide t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static bool same_fraction(pulje_wide a, pulje_wide da, pulje_wide b, pulje_wide db)
{
    pulje_wide g = gcd_wide(a, da), h = gcd_wide(b, db);
    if (g > 1) {
        a /= g;
        da /= g;
    }
    if (h > 1) {
        b /= h;
        db /= h;
    }
    return a == b && da == db;
}

/* The pool sizes: mostly small, some hundreds, a few up to 3.000. */
static size_t boundary_size(uint64_t *seed, int round)
{
    if (round % 97 == 0)
        return (size_t)test_between(seed, 1000, 3000);
    if (round % 13 == 0)
        return (size_t)test_between(seed, 100, 500);
    return (size_t)test_between(seed, 1, 60);
}

/* One generated boundary pool, by shape:
 * 0  ordinary claims, money barely short (claims - 1, - 2, ...);
 * 1  one claim near 10^9 kr. beside 1-kr. claims;
 * 2  one claim near MONEY_MAX beside 1-kr. claims;
 * 3  large groups of equal claims;
 * 4  a mixture of 1 kr., 10^9 kr. and ordinary claims, money anywhere.
 * The money stays within 0..MONEY_MAX. Returns the shape. */
static int boundary_pool(uint64_t *seed, int round, pulje_kr *claims, size_t *np,
                         pulje_kr *money, rule_params *p)
{
    int shape = (int)test_between(seed, 0, 4);
    size_t n = boundary_size(seed, round);
    pulje_kr total = 0, top = 0;

    for (size_t i = 0; i < n; i++) {
        pulje_kr c;
        switch (shape) {
        case 0:
            c = test_between(seed, 0, 9) == 0 ? test_between(seed, 1, 100)
                                               : test_between(seed, 1000, 900000);
            break;
        case 1:
            c = i == 0 ? INT64_C(1000000000) - test_between(seed, 0, 3)
                       : test_between(seed, 0, 3) ? 1 : test_between(seed, 1, 5);
            break;
        case 2:
            c = i == 0 ? MONEY_MAX - 6 * (pulje_kr)n - test_between(seed, 0, 3)
                       : test_between(seed, 0, 3) ? 1 : test_between(seed, 1, 5);
            break;
        case 3:
            c = i > 0 && test_between(seed, 0, 19) != 0 ? claims[i - 1]
                                                        : test_between(seed, 1, 400000);
            break;
        default: {
            int kind = (int)test_between(seed, 0, 3);
            c = kind == 0 ? 1 : kind == 1 ? INT64_C(1000000000) - test_between(seed, 0, 9)
                                          : test_between(seed, 1, 600000);
            break;
        }
        }
        claims[i] = c;
        total += c;
        if (c > top)
            top = c;
    }
    /* money: just short most of the time, else anywhere below the claims */
    int how = (int)test_between(seed, 0, 5);
    if (how <= 1)
        *money = total - 1;
    else if (how == 2)
        *money = total - 2;
    else if (how == 3)
        *money = total - test_between(seed, 3, 1000);
    else
        *money = test_between(seed, 0, total);
    if (*money < 0)
        *money = 0;
    if (*money > MONEY_MAX)
        *money = MONEY_MAX - test_between(seed, 0, 2);

    memset(p, 0, sizeof *p);
    p->kind = (rule_kind)(round % RULE__COUNT);
    switch (test_between(seed, 0, 4)) {
    case 0:  p->threshold = 0; break;
    case 1:  p->threshold = 1; break;
    case 2:  p->threshold = claims[test_between(seed, 0, (int64_t)n - 1)]; break;
    case 3:  p->threshold = claims[test_between(seed, 0, (int64_t)n - 1)] + test_between(seed, -1, 1); break;
    default: p->threshold = test_between(seed, 0, top); break;
    }
    if (p->threshold < 0)
        p->threshold = 0;
    /* the options in a third of the pools each, both in some */
    int opt = (int)test_between(seed, 0, 3);
    pulje_kr avg = *money / (pulje_kr)n;
    if (opt == 1 || opt == 3)
        p->min_grant = test_between(seed, 0, 1) ? test_between(seed, 1, avg > 1 ? avg : 1)
                                                : claims[test_between(seed, 0, (int64_t)n - 1)];
    if (opt == 2 || opt == 3)
        p->max_grant = test_between(seed, 0, 1) ? test_between(seed, 1, top)
                                                : claims[test_between(seed, 0, (int64_t)n - 1)];
    if (p->max_grant > 0 && p->min_grant > p->max_grant)
        p->min_grant = p->max_grant;
    *np = n;
    return shape;
}

/* model_solve against rule_apply on one pool: 0 if they agree exactly (the
 * same status and the same exact shares), else 1 with the reason in why. */
static int boundary_compare(const rule_params *p, const pulje_kr *claims, size_t n,
                            pulje_kr money, char *why, size_t whysz)
{
    rule_result a, b;
    char err[256] = "";
    rule_status rs = rule_apply(p, claims, n, money, &a);
    model_status ms = model_solve(p, claims, n, money, &b, err, sizeof err);
    int bad = 0;

    assert_int_not_equal(rs, RULE_ERR_ARGS); /* the generator makes valid pools */
    assert_int_not_equal(rs, RULE_ERR_NOMEM);
    if (rs != RULE_OK) {
        if (ms != MODEL_ERR_INFEASIBLE) {
            snprintf(why, whysz, "closed form: %s; model: %s: %s", rule_strerror(rs),
                     model_strerror(ms), err);
            bad = 1;
        }
    } else if (ms != MODEL_OK) {
        snprintf(why, whysz, "model: %s: %s", model_strerror(ms), err);
        bad = 1;
    } else {
        for (size_t i = 0; i < n && !bad; i++)
            if (!same_fraction(a.num[i], a.den, b.num[i], b.den)) {
                snprintf(why, whysz, "share %zu differs", i);
                bad = 1;
            }
        if (!bad && (a.factor_num != b.factor_num || a.factor_den != b.factor_den ||
                     !same_fraction(a.lambda_num, a.lambda_den, b.lambda_num, b.lambda_den) ||
                     a.unshared != b.unshared || a.n_capped != b.n_capped ||
                     a.n_dropped != b.n_dropped || a.rationed != b.rationed)) {
            snprintf(why, whysz, "the factor, level or option counts differ");
            bad = 1;
        }
        for (size_t i = 0; i < n && !bad; i++)
            if (a.reduced[i] != b.reduced[i]) {
                snprintf(why, whysz, "reduced flag %zu differs", i);
                bad = 1;
            }
    }
    rule_result_free(&a);
    rule_result_free(&b);
    return bad;
}

/* 3.000 generated boundary pools, every rule, with and without the options:
 * the model must answer every valid pool (MODEL_OK) with exactly the closed
 * form's shares. Before the exact recovery 132 of these pools failed (the
 * solver's factor or active set off by ~1e-8, or an infeasibility within
 * GLPK's tolerance taken for a fault). */
static void test_model_is_exact_on_generated_boundary_pools(void **state)
{
    (void)state;
    static pulje_kr claims[3000];
    uint64_t seed = 20261201;
    int failed = 0, pools = 0, ok[RULE__COUNT] = {0}, shapes[5] = {0};

    for (int round = 0; round < 3000; round++) {
        size_t n;
        pulje_kr money;
        rule_params p;
        char why[400] = "";
        int shape = boundary_pool(&seed, round, claims, &n, &money, &p);
        shapes[shape]++;
        pools++;
        if (boundary_compare(&p, claims, n, money, why, sizeof why)) {
            if (failed < 10)
                print_message("pool %d (%s, shape %d, %zu claims, money %lld, min %lld, max "
                              "%lld, T %lld): %s\n", round, rule_name(p.kind), shape, n,
                              (long long)money, (long long)p.min_grant,
                              (long long)p.max_grant, (long long)p.threshold, why);
            failed++;
        } else {
            ok[p.kind]++;
        }
    }
    print_message("boundary pools: %d of %d failed\n", failed, pools);
    assert_int_equal(failed, 0);
    for (int k = 0; k < RULE__COUNT; k++)
        assert_true(ok[k] > 400);
    for (int s = 0; s < 5; s++)
        assert_true(shapes[s] > 400);
}

/* The cases named in the issue, one by one, on every rule (144 pools; 24
 * failed before the exact recovery). */
static void test_model_is_exact_on_the_named_boundaries(void **state)
{
    (void)state;
    static pulje_kr claims[3000];
    int failed = 0;
    for (int k = 0; k < RULE__COUNT; k++) {
        for (int opt = 0; opt < 3; opt++) {
            rule_params p = {(rule_kind)k, 1, opt == 1 ? 1 : 0, opt == 2 ? 2 : 0};
            char why[400] = "";
            /* money = claims - 1 and - 2 on ordinary claims */
            pulje_kr c1[] = {37000, 47000, 200, 123456, 99999};
            pulje_kr t1 = 37000 + 47000 + 200 + 123456 + 99999;
            failed += boundary_compare(&p, c1, 5, t1 - 1, why, sizeof why);
            failed += boundary_compare(&p, c1, 5, t1 - 2, why, sizeof why);
            /* one claim near 10^9 beside 1-kr. claims */
            for (size_t i = 0; i < 200; i++)
                claims[i] = i == 0 ? INT64_C(999999999) : 1;
            failed += boundary_compare(&p, claims, 200, INT64_C(999999999) + 199 - 1, why,
                                       sizeof why);
            failed += boundary_compare(&p, claims, 200, 150, why, sizeof why);
            /* one claim near MONEY_MAX beside 1-kr. claims */
            claims[0] = MONEY_MAX - 1000;
            failed += boundary_compare(&p, claims, 200, MONEY_MAX - 1000 + 199 - 1, why,
                                       sizeof why);
            failed += boundary_compare(&p, claims, 200, MONEY_MAX - 2000, why, sizeof why);
            failed += boundary_compare(&p, claims, 200, 199, why, sizeof why);
            /* 3.000 equal claims, barely short */
            for (size_t i = 0; i < 3000; i++)
                claims[i] = 1000;
            failed += boundary_compare(&p, claims, 3000, 3000 * 1000 - 1, why, sizeof why);
            if (why[0])
                print_message("%s opt %d: %s\n", rule_name(p.kind), opt, why);
        }
    }
    assert_int_equal(failed, 0);
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
        cmocka_unit_test(test_model_is_exact_on_generated_boundary_pools),
        cmocka_unit_test(test_model_is_exact_on_the_named_boundaries),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
