/* test_properties.c - Property tests on generated boundary pools (genbound.h):
 * a quick slice of what `make soak` runs. Every valid pool is allocated in
 * closed form, verified and checked against the invariants; a pool with a
 * minimum or maximum off the unit must be refused (R0). A smaller sample
 * runs through the GLPK model too and must give the closed form's result
 * on every line and total, with no exit 3 or 5; and the pools of a third
 * slice are explained application by application (explain = result). */
#include "testutil.h"

#include "genbound.h"
#include "labels.h"

static void report(const char *what, const gb_stats *st)
{
    print_message("%s: %zu pools, %zu ok, %zu input (R0 %zu), %zu exit 3, %zu exit 5, %zu "
                  "breaches; %zu large residuals, %zu warned\n",
                  what, st->pools, st->ok, st->input, st->r0, st->verify, st->fault,
                  st->breach, st->large_residuals, st->warned);
    if (st->first[0])
        print_message("  first: %s\n", st->first);
}

static void test_closed_form_on_generated_boundary_pools(void **state)
{
    (void)state;
    gb_stats st;
    memset(&st, 0, sizeof st);
    for (uint64_t seed = 1; seed <= 3000; seed++) {
        gb_pool g;
        assert_int_equal(gb_make(&g, seed, 1500), 0);
        gb_check(&g, ALLOC_CLOSED_FORM, &st, seed);
        gb_free(&g);
    }
    report("closed form", &st);
    assert_int_equal(st.breach, 0);
    assert_int_equal(st.verify, 0);
    assert_int_equal(st.fault, 0);
    assert_int_equal(st.warned, st.large_residuals);
    /* the generator reaches the boundaries it is for */
    assert_true(st.r0 > 10);
    assert_true(st.ok > 2000);
    assert_true(st.large_residuals > 0);
}

static void test_model_equals_the_closed_form_on_generated_pools(void **state)
{
    (void)state;
    gb_stats st, cf;
    size_t compared = 0;
    memset(&st, 0, sizeof st);
    memset(&cf, 0, sizeof cf);
    for (uint64_t seed = 100001; seed <= 101500; seed++) {
        gb_pool g;
        alloc_result rm, rc;
        char why[512];
        assert_int_equal(gb_make(&g, seed, 300), 0);
        gb_outcome om = gb_run(&g, ALLOC_MODEL, &st, seed, &rm);
        gb_outcome oc = gb_run(&g, ALLOC_CLOSED_FORM, &cf, seed, &rc);
        assert_int_equal(om == GB_INPUT, oc == GB_INPUT);
        if (rm.lines && rc.lines) {
            if (gb_same_result(&g, &rm, &rc, why, sizeof why) != 0) {
                print_error("pool %llu: %s\n", (unsigned long long)seed, why);
                fail();
            }
            compared++;
        }
        alloc_free(&rm);
        alloc_free(&rc);
        gb_free(&g);
    }
    report("model", &st);
    /* the model gives the exact answer on every valid pool, the closed
     * form's to the krone */
    assert_int_equal(st.breach, 0);
    assert_int_equal(st.verify, 0);
    assert_int_equal(st.fault, 0);
    assert_int_equal(st.warned, st.large_residuals);
    assert_int_equal(compared, st.ok);
    assert_true(st.ok > 1300);
}

/* The generator is deterministic: the same seed, the same pool. */
static void test_the_generator_is_deterministic(void **state)
{
    (void)state;
    gb_pool a, b;
    assert_int_equal(gb_make(&a, 77, 3000), 0);
    assert_int_equal(gb_make(&b, 77, 3000), 0);
    assert_int_equal(a.apps.n, b.apps.n);
    for (size_t i = 0; i < a.apps.n; i++)
        assert_int_equal(a.v[i].assessed, b.v[i].assessed);
    assert_int_equal(a.money, b.money);
    gb_free(&a);
    gb_free(&b);
}

/* explain = result: every application of a slice of the pools, as the
 * model allocated them; the share and the final figure it states are the
 * result's line (share_num / share_den, grant). */
static void test_explain_states_the_result_on_generated_pools(void **state)
{
    (void)state;
    gb_stats st;
    gb_explained ex;
    memset(&st, 0, sizeof st);
    memset(&ex, 0, sizeof ex);
    for (uint64_t seed = 200001; seed <= 201500; seed++) {
        gb_pool g;
        alloc_result r;
        assert_int_equal(gb_make(&g, seed, 300), 0);
        gb_run(&g, ALLOC_MODEL, &st, seed, &r);
        if (r.lines)
            gb_explain_all(&g, &r, &ex, seed, "model");
        alloc_free(&r);
        gb_free(&g);
    }
    print_message("explain: %zu pools, %zu explanations, %zu mismatches\n", ex.pools,
                  ex.explained, ex.mismatches);
    if (ex.first[0])
        print_message("  first: %s\n", ex.first);
    assert_int_equal(ex.mismatches, 0);
    assert_int_equal(ex.pools, st.ok + st.verify + st.breach);
    assert_true(ex.pools > 1300);
    assert_true(ex.explained > 40000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_closed_form_on_generated_boundary_pools),
        cmocka_unit_test(test_model_equals_the_closed_form_on_generated_pools),
        cmocka_unit_test(test_the_generator_is_deterministic),
        cmocka_unit_test(test_explain_states_the_result_on_generated_pools),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("properties", tests, NULL, NULL);
}
