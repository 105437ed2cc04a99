/* test_rounding.c - R0-R5: the rounding of exact shares to grants, the
 * minimum and maximum on the unit, and the minimal pools in
 * tests/data/ with their exact grants. Run from the repository root. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "inputs.h"
#include "run.h"
#include "pool.h"
#include "rounding.h"
#include "rules.h"
#include "verify.h"
#include "labels.h"

/* Apply rule p to claims and round with unit (caps: the claims, or
 * max_grant when smaller); grants, steps and info out. */
static void share_and_round(const rule_params *p, const pulje_kr *claims, size_t n,
                            pulje_kr money, pulje_kr unit, pulje_kr *grants,
                            round_step *steps, round_info *info)
{
    rule_result r;
    pulje_kr caps[64];
    assert_true(n <= 64);
    assert_int_equal(rule_apply(p, claims, n, money, &r), RULE_OK);
    for (size_t i = 0; i < n; i++)
        caps[i] = p->max_grant > 0 && p->max_grant < claims[i] ? p->max_grant : claims[i];
    assert_int_equal(round_shares_ex(&r, claims, caps, unit, money, grants, steps, info), 0);
    rule_result_free(&r);
}

static const rule_params PRO = {RULE_PROPORTIONAL, 0, 0, 0};

static void test_hand_out_goes_on_past_a_claim_that_cannot_take_a_unit(void **state)
{
    (void)state;
    pulje_kr claims[] = {9, 104, 287}, g[3];
    round_step st[3];
    round_info info;
    share_and_round(&PRO, claims, 3, 360, 10, g, st, &info);
    assert_int_equal(g[0], 0);
    assert_int_equal(g[1], 100);
    assert_int_equal(g[2], 260);
    assert_int_equal(info.residual, 0);
    assert_int_equal(st[0], ROUND_FLOOR);
    assert_int_equal(st[1], ROUND_UNIT);
    assert_int_equal(st[2], ROUND_UNIT);
    assert_int_equal(info.n_groups, 3);
    assert_int_equal(info.n_served, 2);
    assert_int_equal(info.n_passed, 1);
    round_info_free(&info);
}

static void test_threshold_100_unit_1000_hands_out_before_any_raise(void **state)
{
    (void)state;
    rule_params p = {RULE_THRESHOLD, 100, 0, 0};
    pulje_kr claims[] = {1, 7000, 11500, 50001}, g[4];
    round_step st[4];
    round_info info;
    share_and_round(&p, claims, 4, 8001, 1000, g, st, &info);
    assert_int_equal(g[0], 1);
    assert_int_equal(g[1], 1000);
    assert_int_equal(g[2], 1000);
    assert_int_equal(g[3], 6000);
    assert_int_equal(info.residual, 0);
    assert_int_equal(info.n_raised, 0);
    assert_int_equal(st[0], ROUND_EXACT);
    assert_int_equal(st[1], ROUND_UNIT);
    assert_int_equal(st[2], ROUND_FLOOR);
    round_info_free(&info);
}

static void test_reduced_shares_are_raised_to_a_smaller_claim_paid_in_full(void **state)
{
    (void)state;
    /* cea: 450 in full, the others 475; floors 400 / 400 leave 150, the pair
     * needs 200 and is passed over; R4 raises both to 450 for 100 */
    rule_params p = {RULE_CEA, 0, 0, 0};
    pulje_kr claims[] = {450, 1000, 1000}, g[3];
    round_step st[3];
    round_info info;
    share_and_round(&p, claims, 3, 1400, 100, g, st, &info);
    assert_int_equal(g[0], 450);
    assert_int_equal(g[1], 450);
    assert_int_equal(g[2], 450);
    assert_int_equal(info.residual, 50);
    assert_int_equal(info.n_raised, 2);
    assert_int_equal(info.n_unrepaired, 0);
    assert_int_equal(st[1], ROUND_RAISE);
    assert_int_equal(info.stuck_size, 2);
    assert_true(info.stuck_equal);
    round_info_free(&info);
}

static void test_a_raise_the_money_cannot_fund_stops_the_repairs(void **state)
{
    (void)state;
    /* cea, claims 450 / 1.000 x 3, money 1.900: 450 in full, L = 483,33 each;
     * floors 400 x 3 leave 250, the triple needs 300: passed over. R4 would
     * raise all three to 450 for 150 <= 250: done. With money 1.880: 476,67
     * each, floors leave 230 (< 300), raises cost 150 <= 230. Money 1.780:
     * 443,33 each < 450: nothing to raise. */
    rule_params p = {RULE_CEA, 0, 0, 0};
    pulje_kr claims[] = {450, 1000, 1000, 1000}, g[4];
    round_info info;
    share_and_round(&p, claims, 4, 1900, 100, g, NULL, &info);
    assert_int_equal(g[1], 450);
    assert_int_equal(g[3], 450);
    assert_int_equal(info.residual, 100);
    round_info_free(&info);
    share_and_round(&p, claims, 4, 1780, 100, g, NULL, &info);
    assert_int_equal(g[1], 400);
    assert_int_equal(info.n_raised, 0);
    assert_int_equal(info.n_unrepaired, 0);
    round_info_free(&info);

    /* Hand-made shares: claims 10 (paid) and two of 100 with shares 10,5 and
     * 10,4, unit 10, money 30 => floors 10 + 10 + 10 = 30, L = 0. No raise
     * is needed (10 is not below 10). Shares 19 and 18 with a claim of 15
     * paid: floors 10 / 10, L = 33 - 35 < 0 is impossible, so money 48:
     * L = 13; group r = 9 (one member) takes 10 -> 20, L = 3; r = 8 takes
     * nothing (L < u); R4: 10 < 15 <= 18, cost 5 > 3: stopped, warned. */
    rule_result r;
    pulje_kr c2[] = {15, 100, 100}, g2[3];
    pulje_wide num[] = {15, 19, 18};
    bool red[] = {false, true, true};
    memset(&r, 0, sizeof r);
    r.n = 3;
    r.num = num;
    r.den = 1;
    r.reduced = red;
    r.rationed = true;
    assert_int_equal(round_shares_ex(&r, c2, NULL, 10, 48, g2, NULL, &info), 0);
    assert_int_equal(g2[0], 15);
    assert_int_equal(g2[1], 20);
    assert_int_equal(g2[2], 10);
    assert_int_equal(info.residual, 3);
    assert_int_equal(info.n_unrepaired, 1);
    assert_int_equal(info.unrepaired[0], 2);
    round_info_free(&info);
    /* with 2 kr. more the raise is funded */
    assert_int_equal(round_shares_ex(&r, c2, NULL, 10, 50, g2, NULL, &info), 0);
    assert_int_equal(g2[2], 15);
    assert_int_equal(info.residual, 0);
    assert_int_equal(info.n_unrepaired, 0);
    round_info_free(&info);
}

static void test_a_group_passed_over_blocks_later_groups_with_the_same_floor(void **state)
{
    (void)state;
    /* unit 10; shares 58 (claim 59: cannot take a unit), 55 (claim 100) and
     * 43 (claim 100); money 170: floors 50 / 50 / 40, L = 30. r = 8 is
     * passed over (cap), r = 5 has the same floor 50 and is passed over too
     * (55 would overtake 58); r = 3 (floor 40) takes 10. */
    rule_result r;
    pulje_kr c[] = {59, 100, 100}, g[3];
    pulje_wide num[] = {58, 55, 43};
    bool red[] = {true, true, true};
    round_info info;
    memset(&r, 0, sizeof r);
    r.n = 3;
    r.num = num;
    r.den = 1;
    r.reduced = red;
    r.rationed = true;
    assert_int_equal(round_shares_ex(&r, c, NULL, 10, 170, g, NULL, &info), 0);
    assert_int_equal(g[0], 50);
    assert_int_equal(g[1], 50);
    assert_int_equal(g[2], 50);
    assert_int_equal(info.residual, 20);
    assert_int_equal(info.n_passed, 2);
    round_info_free(&info);
}

static void test_equal_shares_are_never_broken(void **state)
{
    (void)state;
    /* 7 equal claims of 1.000, money 3.500, unit 100: shares 500 exactly */
    pulje_kr claims[7] = {1000, 1000, 1000, 1000, 1000, 1000, 1000}, g[7];
    round_info info;
    share_and_round(&PRO, claims, 7, 3500, 100, g, NULL, &info);
    for (int i = 0; i < 7; i++)
        assert_int_equal(g[i], 500);
    round_info_free(&info);
    /* money 3.550: shares 507,14; floors 500 leave 50 < 700: all stay 500 */
    share_and_round(&PRO, claims, 7, 3550, 100, g, NULL, &info);
    for (int i = 0; i < 7; i++)
        assert_int_equal(g[i], 500);
    assert_int_equal(info.residual, 50);
    round_info_free(&info);
    /* unit 1, money 3.503: shares 500,43; floors leave 3 < 7 */
    share_and_round(&PRO, claims, 7, 3503, 1, g, NULL, &info);
    assert_int_equal(g[6], 500);
    assert_int_equal(info.residual, 3);
    assert_int_equal(info.stuck_size, 7);
    round_info_free(&info);
}

static void test_a_capped_share_is_never_paid_above_max_grant(void **state)
{
    (void)state;
    rule_params p = {RULE_PROPORTIONAL, 0, 0, 4500};
    pulje_kr claims[] = {37000, 47000, 200}, g[3];
    round_info info;
    share_and_round(&p, claims, 3, 9000, 100, g, NULL, &info);
    assert_int_equal(g[0], 4500);
    assert_int_equal(g[1], 4500);
    assert_int_equal(g[2], 0);
    assert_int_equal(info.residual, 0);
    round_info_free(&info);
}

static void test_inconsistent_input_is_refused(void **state)
{
    (void)state;
    rule_result r;
    pulje_kr c[] = {100}, g[1] = {-7}, cap[] = {50};
    pulje_wide num[] = {80};
    bool red[] = {true};
    round_info info;
    memset(&r, 0, sizeof r);
    r.n = 1;
    r.num = num;
    r.den = 1;
    r.reduced = red;
    /* a share of 80 above its cap of 50 */
    assert_int_equal(round_shares_ex(&r, c, cap, 10, 100, g, NULL, &info), -1);
    assert_int_equal(g[0], -7);
    /* more shares than money */
    assert_int_equal(round_shares_ex(&r, c, NULL, 10, 70, g, NULL, &info), -1);
    assert_int_equal(round_shares_ex(&r, c, NULL, 0, 100, g, NULL, &info), -1);
}

/* ---- R0 in the pool file ------------------------------------------------ */

static int parse(const char *rules, pool *p, diag_list *dl)
{
    char text[1024];
    snprintf(text, sizeof text,
             "[pool]\nname = T\nyear = 2023\napplications = a.csv\n[budget]\nB = 1.000\n"
             "[rules]\n%s", rules);
    return pool_parse(text, strlen(text), "t.ini", p, dl);
}

static void test_max_grant_off_the_unit_is_refused_at_its_line(void **state)
{
    (void)state;
    pool p;
    diag_list dl;
    diag_init(&dl);
    /* rounding comes after max_grant: checked once the file is read */
    assert_int_equal(parse("max_grant = 4.552\nrounding = 100\n", &p, &dl), -1);
    assert_int_equal(diag_errors(&dl), 1);
    assert_int_equal(dl.v[0].line, 8);
    assert_string_equal(dl.v[0].msg, "max_grant = DKK 4,552 is not a multiple of the rounding "
                                     "unit DKK 100: DKK 4,500 or DKK 4,600?");
    assert_non_null(strstr(dl.v[0].hint, "4.500 or 4.600"));
    pool_free(&p);
    diag_free(&dl);

    diag_init(&dl);
    assert_int_equal(parse("rounding = 1.000\nmin_grant = 2.500\nmax_grant = 40.000\n", &p, &dl),
                     -1);
    assert_int_equal(diag_errors(&dl), 1);
    assert_int_equal(dl.v[0].line, 9);
    assert_non_null(strstr(dl.v[0].msg, "min_grant = DKK 2,500"));
    assert_non_null(strstr(dl.v[0].msg, "DKK 2,000 or DKK 3,000?"));
    pool_free(&p);
    diag_free(&dl);

    diag_init(&dl);
    assert_int_equal(parse("rounding = 100\nmin_grant = 2.500\nmax_grant = 4.500\n", &p, &dl), 0);
    assert_int_equal(p.rule.max_grant, 4500);
    pool_free(&p);
    diag_free(&dl);
}

static void test_earmark_min_and_max_are_read_and_checked_against_the_unit(void **state)
{
    (void)state;
    const char *text =
        "[pool]\nname = T\nyear = 2023\napplications = a.csv\n[budget]\nB = 1.000\n"
        "[rules]\nrounding = 100\n"
        "[earmark trivsel]\nlabel = Trivsel\namount = 500\nyears = 2023\n"
        "criterion a = A\nrequired = a\nmin = 1.000\nmax = 20.050\n";
    pool p;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(pool_parse(text, strlen(text), "t.ini", &p, &dl), -1);
    assert_int_equal(diag_errors(&dl), 1);
    assert_int_equal(dl.v[0].line, 16);
    assert_non_null(strstr(dl.v[0].msg, "[earmark trivsel] max = DKK 20,050"));
    assert_non_null(strstr(dl.v[0].msg, "DKK 20,000 or DKK 20,100?"));
    assert_int_equal(p.earmark_defs[0].min_supp, 1000);
    assert_int_equal(p.earmark_defs[0].max_supp, 20050);
    pool_free(&p);
    diag_free(&dl);
}

static void test_a_pool_built_in_code_with_a_maximum_off_the_unit_is_refused(void **state)
{
    (void)state;
    static pool_line budget[] = {{"B", 9000, 1}};
    static app v[] = {
        {.nr = "1", .cvr = "", .association = "A", .activity = "a", .refusal = "", .applied = 37000,
         .assessed = 37000, .assessed_given = true, .years = 1, .active_years = -1, .line = 2},
    };
    app_list apps = {"a.csv", v, 1, NULL, NULL, 0, NULL};
    pool p;
    alloc_result r;
    diag_list dl;
    memset(&p, 0, sizeof p);
    p.file = "t.ini";
    p.year = 2023;
    p.budget = budget;
    p.n_budget = 1;
    p.rule.kind = RULE_PROPORTIONAL;
    p.rule.max_grant = 4552;
    p.rounding = 100;
    p.cap_bp = 5500;
    diag_init(&dl);
    assert_int_equal(alloc_run(&p, &apps, ALLOC_CLOSED_FORM, &r, &dl), -1);
    assert_int_equal(diag_errors(&dl), 1);
    assert_non_null(strstr(dl.v[0].msg, "DKK 4,500 or DKK 4,600"));
    diag_free(&dl);
}

/* ---- the minimal pools, tests/data/rounding-*.ini ---------------- */

typedef struct {
    pulje_inputs in;
    alloc_result r;
    diag_list dl;
} loaded;

/* Load, allocate by method and verify a pool in tests/data. */
static void run_pool(const char *name, alloc_method m, loaded *x)
{
    char path[256];
    snprintf(path, sizeof path, "tests/data/%s", name);
    diag_init(&x->dl);
    if (run_load_inputs(path, NULL, &x->in, &x->dl) != PULJE_OK) {
        test_print_diags(&x->dl);
        fail_msg("%s did not load", path);
    }
    assert_int_equal(alloc_run(&x->in.pool, &x->in.apps, m, &x->r, &x->dl), 0);
    if (verify_result(&x->in.pool, &x->in.apps, &x->r, m == ALLOC_MODEL, &x->dl) != 0) {
        test_print_diags(&x->dl);
        fail_msg("%s does not verify", path);
    }
}

static void drop(loaded *x)
{
    alloc_free(&x->r);
    inputs_free(&x->in);
    diag_free(&x->dl);
}

static void assert_grants(const alloc_result *r, const pulje_kr *want, size_t n)
{
    assert_int_equal(r->n, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(r->lines[i].grant, want[i]);
}

static void test_minimal_pool_above_max_is_refused_by_r0(void **state)
{
    (void)state;
    pulje_inputs in;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(run_load_inputs("tests/data/rounding-above-max.ini", NULL, &in, &dl), PULJE_INPUT);
    assert_int_equal(diag_errors(&dl), 1);
    assert_int_equal(dl.v[0].line, 14);
    assert_non_null(strstr(dl.v[0].msg, "DKK 4,500 or DKK 4,600?"));
    inputs_free(&in);
    diag_free(&dl);
}

static void test_minimal_pool_max_4500(void **state)
{
    (void)state;
    const pulje_kr want[] = {4500, 4500, 0};
    for (int m = 0; m < 2; m++) {
        loaded x;
        run_pool("rounding-max.ini", (alloc_method)m, &x);
        assert_grants(&x.r, want, 3);
        assert_int_equal(x.r.residual, 0);
        assert_true(x.r.lines[0].reduced);
        assert_true(x.r.lines[1].capped);
        assert_false(x.r.lines[0].capped);
        assert_int_equal(x.r.lines[0].cap, 4500);
        assert_int_equal(x.r.lines[0].step, ALLOC_STEP_UNIT);
        assert_int_equal(x.r.lines[1].step, ALLOC_STEP_EXACT);
        assert_true(x.r.lines[2].refused);
        assert_int_equal(x.r.lines[2].why, ALLOC_REFUSE_ROUNDED);
        assert_int_equal(x.r.n_refused, 1);
        assert_int_equal(x.r.n_reduced, 2);
        assert_int_equal(x.r.n_granted, 2);
        assert_int_equal(x.r.n_warnings, 0);
        drop(&x);
    }
}

static void test_minimal_pool_cap_stop(void **state)
{
    (void)state;
    const pulje_kr want[] = {0, 100, 260};
    for (int m = 0; m < 2; m++) {
        loaded x;
        run_pool("rounding-cap-stop.ini", (alloc_method)m, &x);
        assert_grants(&x.r, want, 3);
        assert_int_equal(x.r.residual, 0);
        assert_int_equal(x.r.lines[0].why, ALLOC_REFUSE_ROUNDED);
        assert_int_equal(x.r.lines[0].step, ALLOC_STEP_FLOOR);
        /* 9 * 9/10 = 8,1 exactly */
        assert_true(x.r.lines[0].share_num == 81 && x.r.lines[0].share_den == 10);
        assert_int_equal(x.r.n_refused, 1);
        drop(&x);
    }
}

static void test_minimal_pool_threshold_100_unit_1000(void **state)
{
    (void)state;
    const pulje_kr want[] = {1, 1000, 1000, 6000};
    for (int m = 0; m < 2; m++) {
        loaded x;
        run_pool("rounding-threshold.ini", (alloc_method)m, &x);
        assert_grants(&x.r, want, 4);
        assert_int_equal(x.r.residual, 0);
        assert_int_equal(x.r.n_out_of_order, 0);
        assert_false(x.r.lines[0].reduced);
        assert_false(x.r.lines[0].refused);
        assert_int_equal(x.r.n_reduced, 3);
        drop(&x);
    }
}

static void test_minimal_pool_capped_with_money_unshared_is_warned(void **state)
{
    (void)state;
    const pulje_kr want[] = {4500, 4500};
    loaded x;
    run_pool("rounding-max-unshared.ini", ALLOC_CLOSED_FORM, &x);
    assert_grants(&x.r, want, 2);
    assert_int_equal(x.r.residual, 1335);
    assert_int_equal(x.r.unshared, 1335);
    assert_true(x.r.residual_warned);
    assert_int_equal(x.r.n_warnings, 1);
    assert_int_equal(x.dl.n, 1);
    assert_int_equal(x.dl.v[0].level, DIAG_WARNING);
    assert_string_equal(x.dl.v[0].msg,
                        "max_grant leaves DKK 1,335 undistributed (12.9% of the money for "
                        "new grants); with unit 10 the residual would be DKK 1,335");
    drop(&x);
}

/* R5: a large group of equal shares that cannot be served is warned about,
 * naming the group and the residual with the next smaller unit. */
static void test_a_large_residual_is_warned_with_the_group_and_a_smaller_unit(void **state)
{
    (void)state;
    enum { N = 40 };
    static pool_line budget[] = {{"B", 100000, 1}};
    static app v[N];
    static char nr[N][16];
    app_list apps = {"a.csv", v, N, NULL, NULL, 0, NULL};
    pool p;
    alloc_result r;
    diag_list dl;
    for (int i = 0; i < N; i++) {
        snprintf(nr[i], sizeof nr[i], "%d", i + 1);
        memset(&v[i], 0, sizeof v[i]);
        v[i].nr = nr[i];
        v[i].cvr = v[i].association = v[i].activity = v[i].refusal = "";
        v[i].applied = v[i].assessed = 7000;
        v[i].years = 1;
        v[i].active_years = -1;
    }
    memset(&p, 0, sizeof p);
    p.file = "t.ini";
    p.year = 2023;
    p.budget = budget;
    p.n_budget = 1;
    p.rule.kind = RULE_TALMUD;
    p.rounding = 1000;
    p.cap_bp = 5500;
    diag_init(&dl);
    /* 40 equal shares of 2.500: floors 2.000 leave 20.000 < 40 units */
    assert_int_equal(alloc_run(&p, &apps, ALLOC_CLOSED_FORM, &r, &dl), 0);
    assert_int_equal(r.lines[0].grant, 2000);
    assert_int_equal(r.residual, 20000);
    assert_true(r.residual_warned);
    assert_int_equal(dl.n, 1);
    assert_int_equal(dl.v[0].level, DIAG_WARNING);
    assert_string_equal(dl.v[0].msg,
                        "the rounding leaves DKK 20,000 undistributed (20.0% of the money for "
                        "new grants): group of 40 applications with share DKK 2,500.00 could "
                        "not be served; with unit 100 the residual would be DKK 0");
    assert_int_equal(verify_result(&p, &apps, &r, 0, &dl), 0);
    /* the verification insists on the warning */
    r.residual_warned = false;
    assert_int_equal(verify_result(&p, &apps, &r, 0, &dl), 1);
    alloc_free(&r);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_out_goes_on_past_a_claim_that_cannot_take_a_unit),
        cmocka_unit_test(test_threshold_100_unit_1000_hands_out_before_any_raise),
        cmocka_unit_test(test_reduced_shares_are_raised_to_a_smaller_claim_paid_in_full),
        cmocka_unit_test(test_a_raise_the_money_cannot_fund_stops_the_repairs),
        cmocka_unit_test(test_a_group_passed_over_blocks_later_groups_with_the_same_floor),
        cmocka_unit_test(test_equal_shares_are_never_broken),
        cmocka_unit_test(test_a_capped_share_is_never_paid_above_max_grant),
        cmocka_unit_test(test_inconsistent_input_is_refused),
        cmocka_unit_test(test_max_grant_off_the_unit_is_refused_at_its_line),
        cmocka_unit_test(test_earmark_min_and_max_are_read_and_checked_against_the_unit),
        cmocka_unit_test(test_a_pool_built_in_code_with_a_maximum_off_the_unit_is_refused),
        cmocka_unit_test(test_minimal_pool_above_max_is_refused_by_r0),
        cmocka_unit_test(test_minimal_pool_max_4500),
        cmocka_unit_test(test_minimal_pool_cap_stop),
        cmocka_unit_test(test_minimal_pool_threshold_100_unit_1000),
        cmocka_unit_test(test_minimal_pool_capped_with_money_unshared_is_warned),
        cmocka_unit_test(test_a_large_residual_is_warned_with_the_group_and_a_smaller_unit),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("rounding", tests, NULL, NULL);
}
