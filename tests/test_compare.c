/* test_compare.c - Rules side by side: statistics, properties, the sweep, and
 * the comparison workbook read back (tests/xlsx_dump.py, python3-openpyxl).
 *
 * The pool: 1.000.000 kr. budget, 300.000 reserved, 100.000 earmarked,
 * 600.000 for five claims (one refused by the panel). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compare.h"
#include "report_compare.h"

static pool_line budget[] = {{"Frie midler", 900000, 1}, {"Ubrugte midler", 100000, 2}};
static pool_line reserved[] = {{"Flerårige tilskud", 300000, 3}};
static pool_line earmarked[] = {{"Mental trivsel", 100000, 4}};

static pool make_pool(void)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.file = "test.ini";
    p.name = "Testpuljen";
    p.year = 2023;
    p.decision_date = "2022-12-13";
    p.budget = budget;
    p.n_budget = 2;
    p.reservations = reserved;
    p.n_reservations = 1;
    p.earmarks = earmarked;
    p.n_earmarks = 1;
    p.rule.kind = RULE_THRESHOLD;
    p.rule.threshold = 50000;
    p.rounding = 1;
    p.residual_label = "Restmidler";
    return p;
}

/* claims 55.000, 50.000, 445.000, 150.000 (sum 700.000) and a refusal */
static app apps_v[] = {
    {.nr = "1", .cvr = "", .association = "A", .activity = "a", .refusal = "", .applied = 60000,
     .assessed = 55000, .assessed_given = true, .years = 1, .active_years = -1, .line = 2},
    {.nr = "2", .cvr = "", .association = "B", .activity = "b", .refusal = "", .applied = 50000,
     .assessed = 50000, .assessed_given = true, .years = 1, .active_years = -1, .line = 3},
    {.nr = "3", .cvr = "", .association = "C", .activity = "c", .refusal = "", .applied = 500000,
     .assessed = 445000, .assessed_given = true, .years = 1, .active_years = -1, .line = 4},
    {.nr = "4", .cvr = "", .association = "D", .activity = "d", .refusal = "Uden for formålet",
     .applied = 90000, .assessed = 0, .assessed_given = true, .years = 1, .active_years = -1,
     .line = 5},
    {.nr = "5", .cvr = "", .association = "E", .activity = "e", .refusal = "", .applied = 150000,
     .assessed = 150000, .assessed_given = true, .years = 1, .active_years = -1, .line = 6},
};

static app_list make_apps(void)
{
    app_list l = {"test.csv", apps_v, 5, NULL};
    return l;
}

static void run(const rule_params *rules, size_t n, const compare_sweep_spec *sw,
                compare_result *c)
{
    pool p = make_pool();
    app_list a = make_apps();
    diag_list dl;
    diag_init(&dl);
    if (compare_run(&p, &a, rules, n, 0, sw, c, &dl) != 0) {
        for (size_t i = 0; i < dl.n; i++)
            print_message("%s\n", dl.v[i].msg);
        fail();
    }
    diag_free(&dl);
}

static void test_cliff_shows_as_an_order_violation_for_2023_not_for_excess(void **state)
{
    (void)state;
    /* 2023 rule: 50.000 protected; factor 550.000 / 650.000: 55.000 gets
     * 46.538 < 50.000 - one pair (55.000 vs 50.000) out of order */
    rule_params rules[] = {{RULE_THRESHOLD, 50000, 0, 0}, {RULE_EXCESS, 50000, 0, 0}};
    compare_result c;
    run(rules, 2, NULL, &c);
    assert_int_equal(c.v[0].result.lines[0].grant, 46538);
    assert_int_equal(c.v[0].stats.order_violations, 1);
    assert_false(c.v[0].stats.prop_order_awards);
    assert_int_equal(c.v[1].stats.order_violations, 0);
    assert_true(c.v[1].stats.prop_order_awards);
    assert_true(c.v[1].stats.prop_order_losses);
    assert_true(c.v[1].result.lines[0].grant >= 50000);
    for (int k = 0; k < 2; k++) {
        assert_true(c.v[k].stats.prop_sum);
        assert_true(c.v[k].stats.prop_bounds);
        assert_true(c.v[k].stats.prop_monotone);
        assert_int_equal(c.v[k].stats.granted + c.v[k].stats.residual, 600000);
        assert_int_equal(c.v[k].stats.n_claims, 4);
    }
    compare_free(&c);
}

static void test_statistics_of_the_proportional_rule(void **state)
{
    (void)state;
    /* factor 6/7: cuts 1/7 each, so largest = median = 1/7. The reductions
     * are 1/7 of 50, 55, 150 and 445 thousand: Gini = (-3x50 - 55 + 150 +
     * 3x445) / (4 x 700) = 1.280 / 2.800 = 0,457 */
    rule_params rules[] = {{RULE_PROPORTIONAL, 0, 0, 0}};
    compare_result c;
    run(rules, 1, NULL, &c);
    const compare_stats *s = &c.v[0].stats;
    assert_int_equal(s->n_reduced, 4);
    assert_int_equal(s->n_refused, 0);
    assert_true(s->max_cut > 0.1428 && s->max_cut < 0.1429);
    assert_true(s->median_cut > 0.1428 && s->median_cut < 0.1429);
    assert_true(s->gini > 0.4565 && s->gini < 0.4577);
    assert_int_equal(s->granted, 600000);
    compare_free(&c);
}

static void test_cel_refusals_are_counted(void **state)
{
    (void)state;
    /* losses 100.000 as one cut: 100.000 / 4 = 25.000 each, nobody below 0 */
    rule_params rules[] = {{RULE_CEL, 0, 0, 0}, {RULE_CEL, 0, 0, 0}};
    compare_result c;
    run(rules, 1, NULL, &c);
    assert_int_equal(c.v[0].result.lines[1].grant, 25000);
    assert_int_equal(c.v[0].stats.n_refused, 0);
    compare_free(&c);
}

static void test_sweep_of_the_threshold_gives_factor_count_and_bound(void **state)
{
    (void)state;
    rule_params rules[] = {{RULE_THRESHOLD, 50000, 0, 0}};
    compare_sweep_spec sw;
    char err[256];
    compare_result c;
    assert_true(compare_parse_sweep("threshold:0:200.000:50.000", &sw, err, sizeof err));
    sw.rule = rules[0];
    run(rules, 1, &sw, &c);
    assert_int_equal(c.n_steps, 5);
    /* 0: proportional, 6/7 */
    assert_true(c.steps[0].ok);
    assert_int_equal(c.steps[0].factor_num, 6);
    assert_int_equal(c.steps[0].factor_den, 7);
    assert_int_equal(c.steps[0].n_reduced, 4);
    /* 50.000: 50.000 protected, 550/650 */
    assert_int_equal(c.steps[1].bound, 50000);
    assert_int_equal(c.steps[1].n_reduced, 3);
    /* 150.000: 255.000 protected, 345.000 / 445.000 */
    assert_int_equal(c.steps[3].bound, 255000);
    assert_int_equal(c.steps[3].factor_num, 69);
    assert_int_equal(c.steps[3].factor_den, 89);
    compare_free(&c);
    assert_false(compare_parse_sweep("factor:0:1:1", &sw, err, sizeof err));
    assert_non_null(strstr(err, "threshold, max_grant og cap"));
    assert_true(compare_parse_sweep("cap:30:60:5", &sw, err, sizeof err));
    assert_int_equal(sw.param, COMPARE_SWEEP_CAP);
    assert_false(compare_parse_sweep("cap:30:101:5", &sw, err, sizeof err));
    assert_non_null(strstr(err, "fra 0 til 100 %"));
    assert_false(compare_parse_sweep("threshold:10:0:1", &sw, err, sizeof err));
}

static void test_a_rule_that_cannot_share_the_pool_is_named(void **state)
{
    (void)state;
    pool p = make_pool();
    app_list a = make_apps();
    diag_list dl;
    compare_result c;
    rule_params rules[] = {{RULE_PROPORTIONAL, 0, 500000, 0}};
    diag_init(&dl);
    assert_int_equal(compare_run(&p, &a, rules, 1, 0, NULL, &c, &dl), -1);
    assert_true(dl.n >= 1);
    assert_non_null(strstr(dl.v[0].msg, "regel proportional+min=500000"));
    assert_non_null(strstr(dl.v[0].msg, "over alle indstillede beløb"));
    assert_non_null(strstr(dl.v[0].hint, "min_grant"));
    diag_free(&dl);
}

/* The workbook: every scenario's economy balances (check row 0), the
 * grants' totals are formulas with their values, the sheets are there. */
static void test_comparison_workbook_reads_back_balanced(void **state)
{
    (void)state;
    rule_params rules[] = {{RULE_THRESHOLD, 50000, 0, 0}, {RULE_EXCESS, 50000, 0, 0},
                           {RULE_PROPORTIONAL, 0, 0, 0},  {RULE_CEA, 0, 0, 0},
                           {RULE_CEL, 0, 0, 0},           {RULE_TALMUD, 0, 0, 0}};
    compare_sweep_spec sw;
    char err[256], dir[] = "/tmp/pulje-test-compare-XXXXXX", path[128], cmd[512], line[1024];
    compare_result c;
    pool p = make_pool();
    app_list a = make_apps();
    int checks = 0, sheets = 0, diff_formulas = 0;
    FILE *f;

    assert_true(compare_parse_sweep("threshold:0:150000:25000", &sw, err, sizeof err));
    sw.rule = rules[0];
    run(rules, 6, &sw, &c);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/s.xlsx", dir);
    if (report_compare_write(path, &p, &a, &c, err, sizeof err) != 0)
        fail_msg("%s", err);
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 tests/xlsx_dump.py '%s'", path);
    f = popen(cmd, "r");
    assert_non_null(f);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "sheet\t", 6) == 0)
            sheets++;
        /* Økonomi pr. regel: the check row: value 0, formula =X-Y */
        if (strncmp(line, "Økonomi pr. regel\t", strlen("Økonomi pr. regel\t")) == 0 &&
            strstr(line, "\t0\t=") && strstr(line, "-")) {
            checks++;
        }
        if (strncmp(line, "Sammenligning\t", 14) == 0 && strstr(line, "\t=") &&
            !strstr(line, "SUM"))
            diff_formulas++;
    }
    assert_int_equal(pclose(f), 0);
    assert_int_equal(sheets, 5);
    assert_int_equal(checks, 6);           /* one balanced check per rule */
    assert_int_equal(diff_formulas, 5 * 5); /* 5 applications x 5 rules against the baseline */
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    compare_free(&c);
}

/* Done-when of issue 5: on the default pool, one command writes a
 * comparison workbook of at least five rules with the summary, the chart
 * and the sweep, every scenario balancing to the krone. */
static void test_default_pool_compare_writes_five_rules_balanced_with_charts(void **state)
{
    (void)state;
    const char *build = getenv("BUILD");
    char dir[] = "/tmp/pulje-test-compare-e2e-XXXXXX", cmd[1024], line[1024];
    int rules = 0, checks = 0, zero_checks = 0, charts = 0;
    FILE *f;

    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "%s/pulje compare inputs/pulje-2023.ini -q --out %s",
             build ? build : "build", dir);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 tests/xlsx_dump.py %s/18-hovedpuljen-2023-sammenligning.xlsx",
             dir);
    f = popen(cmd, "r");
    assert_non_null(f);
    while (fgets(line, sizeof line, f)) {
        const char *econ = "Økonomi pr. regel\t";
        if (strncmp(line, "Nøgletal pr. regel\tL", strlen("Nøgletal pr. regel\tL")) == 0 &&
            (strstr(line, "\tJa") || strstr(line, "\tNej")))
            rules++;
        if (strncmp(line, econ, strlen(econ)) == 0 && strstr(line, "\t=") &&
            strstr(line, "-") && !strstr(line, "SUM") && !strstr(line, "!")) {
            checks++;
            zero_checks += strstr(line, "\t0\t=") != NULL;
        }
    }
    assert_int_equal(pclose(f), 0);
    assert_true(rules >= 5);
    assert_int_equal(checks, rules);
    assert_int_equal(zero_checks, rules);
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
             "print(sum(n.startswith('xl/charts/chart') for n in z.namelist()))\" "
             "%s/18-hovedpuljen-2023-sammenligning.xlsx",
             dir);
    f = popen(cmd, "r");
    assert_non_null(f);
    assert_non_null(fgets(line, sizeof line, f));
    charts = atoi(line);
    assert_int_equal(pclose(f), 0);
    assert_int_equal(charts, 3); /* grants per rule; the sweep's factor and count */
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_unknown_rule_on_the_command_line_lists_the_choices(void **state)
{
    (void)state;
    const char *build = getenv("BUILD");
    char cmd[1024], out[4096] = "";
    FILE *f;
    size_t n;
    snprintf(cmd, sizeof cmd, "%s/pulje compare --rules threshold,equal --out /nonexistent 2>&1; echo rc=$?",
             build ? build : "build");
    f = popen(cmd, "r");
    assert_non_null(f);
    n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    pclose(f);
    assert_non_null(strstr(out, "ukendt regel \"equal\""));
    assert_non_null(strstr(out, rule_names_list())); /* the registry's, every rule */
    assert_non_null(strstr(out, "rc=2"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cliff_shows_as_an_order_violation_for_2023_not_for_excess),
        cmocka_unit_test(test_statistics_of_the_proportional_rule),
        cmocka_unit_test(test_cel_refusals_are_counted),
        cmocka_unit_test(test_sweep_of_the_threshold_gives_factor_count_and_bound),
        cmocka_unit_test(test_a_rule_that_cannot_share_the_pool_is_named),
        cmocka_unit_test(test_comparison_workbook_reads_back_balanced),
        cmocka_unit_test(test_default_pool_compare_writes_five_rules_balanced_with_charts),
        cmocka_unit_test(test_unknown_rule_on_the_command_line_lists_the_choices),
    };
    return cmocka_run_group_tests_name("compare", tests, NULL, NULL);
}
