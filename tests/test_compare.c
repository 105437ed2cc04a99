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
    app_list l = {"test.csv", apps_v, 5, NULL, NULL, 0, NULL};
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
    assert_int_equal(c.v[0].grants[0], 46538);
    assert_int_equal(c.v[0].stats.order_violations, 1);
    assert_false(c.v[0].stats.prop_order_awards);
    assert_int_equal(c.v[1].stats.order_violations, 0);
    assert_true(c.v[1].stats.prop_order_awards);
    assert_true(c.v[1].stats.prop_order_losses);
    assert_true(c.v[1].grants[0] >= 50000);
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
    assert_int_equal(c.v[0].grants[1], 25000);
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


/* Run cmd and return its whole standard output (malloc'ed), exit status in *rc. */
static char *slurp_cmd(const char *cmd, int *rc)
{
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    FILE *f = popen(cmd, "r");
    assert_non_null(buf);
    assert_non_null(f);
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    buf[n] = '\0';
    *rc = pclose(f);
    return buf;
}

/* The figures of the comparison on the default pool, exactly: every rule's
 * line on the terminal, and grants, totals and the check row read back from
 * the workbook (what keeping only the grants and totals per rule, and the
 * economy sheet written row by row, must not change). */
static void test_default_pool_comparison_figures_exactly(void **state)
{
    (void)state;
    const char *build = getenv("BUILD");
    static const char *const lines[] = {
        "  threshold:50000               3.257.050        28    24     0   35,5 %    0,0 %  0,716    39\n",
        "  threshold:25000               3.257.050        28    40     0   30,0 %   29,9 %  0,603    31\n",
        "  threshold:75000               3.257.050        28    19     0   39,5 %    0,0 %  0,761    34\n",
        "  excess:50000                  3.257.050        28    24     0   45,4 %    0,0 %  0,770     0\n",
        "  proportional                  3.257.000        78    62     0   28,3 %   27,6 %  0,513     0\n",
        "  cea                           3.256.450       628    17     0   67,4 %    0,0 %  0,855     0\n",
        "  cel                           3.254.500     2.578    62    19  100,0 %   50,3 %  0,100     0\n",
        "  talmud                        3.256.200       878    62     0   50,0 %   49,8 %  0,288     0\n",
    };
    static const char *const cells[] = {
        /* application 1: the baseline pays it in full, CEL refuses it */
        "Sammenligning\tC4\t21500\t\n", "Sammenligning\tD4\t21500\t\n",
        "Sammenligning\tK4\t15600\t\n", "Sammenligning\tL4\t-5900\t=K4-D4\n",
        "Sammenligning\tO4\t0\t\n", "Sammenligning\tP4\t-21500\t=O4-D4\n",
        "Sammenligning\tQ4\t10800\t\n",
        "Sammenligning\tD10\t134900\t\n", "Sammenligning\tK10\t151300\t\n",
        "Sammenligning\tO10\t186500\t\n", "Sammenligning\tQ10\t178000\t\n",
        "Sammenligning\tE71\t20000\t\n", "Sammenligning\tF71\t-8500\t=E71-D71\n",
        /* the totals row */
        "Sammenligning\tC72\t4498850\t=SUM(C4:C71)\n", "Sammenligning\tD72\t3257050\t=SUM(D4:D71)\n",
        "Sammenligning\tK72\t3257000\t=SUM(K4:K71)\n", "Sammenligning\tL72\t-50\t=SUM(L4:L71)\n",
        "Sammenligning\tM72\t3256450\t=SUM(M4:M71)\n", "Sammenligning\tO72\t3254500\t=SUM(O4:O71)\n",
        "Sammenligning\tP72\t-2550\t=SUM(P4:P71)\n", "Sammenligning\tR72\t-850\t=SUM(R4:R71)\n",
        /* the economy: the residuals, each rule's outgoing total and its check */
        "Økonomi pr. regel\tH13\t2578\t\n", "Økonomi pr. regel\tI13\t878\t\n",
        "Økonomi pr. regel\tB14\t6871589\t=SUM(B8:B13)\n", "Økonomi pr. regel\tI14\t6871589\t=SUM(I8:I13)\n",
        "Økonomi pr. regel\tB15\t0\t=B7-B14\n", "Økonomi pr. regel\tI15\t0\t=I7-I14\n",
    };
    char dir[] = "/tmp/pulje-test-compare-fig-XXXXXX", cmd[1024];
    char *out;
    int rc;

    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "%s/pulje compare inputs/pulje-2023.ini --out %s 2>/dev/null",
             build ? build : "build", dir);
    out = slurp_cmd(cmd, &rc);
    assert_int_equal(rc, 0);
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        if (!strstr(out, lines[i]))
            fail_msg("missing line: %s in:\n%s", lines[i], out);
    free(out);
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 tests/xlsx_dump.py %s/18-hovedpuljen-2023-sammenligning.xlsx", dir);
    out = slurp_cmd(cmd, &rc);
    assert_int_equal(rc, 0);
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        /* a whole line: preceded by a newline */
        char want[256];
        snprintf(want, sizeof want, "\n%s", cells[i]);
        if (!strstr(out, want))
            fail_msg("missing cell: %s", cells[i]);
    }
    free(out);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* Streamed (constant memory, as above REPORT_COMPARE_IN_MEMORY_MAX
 * applications) and held in memory, the workbook has the same cells,
 * values, formulas, formats, layout and properties. */
static void test_streamed_workbook_has_the_same_cells(void **state)
{
    (void)state;
    rule_params rules[] = {{RULE_THRESHOLD, 50000, 0, 0}, {RULE_EXCESS, 50000, 0, 0},
                           {RULE_PROPORTIONAL, 0, 0, 0},  {RULE_CEA, 0, 0, 0},
                           {RULE_CEL, 0, 0, 0},           {RULE_TALMUD, 0, 0, 0}};
    compare_sweep_spec sw;
    char err[256], dir[] = "/tmp/pulje-test-compare-stream-XXXXXX", path[2][128], cmd[512];
    char *dump[2];
    compare_result c;
    pool p = make_pool();
    app_list a = make_apps();
    int rc;

    assert_true(compare_parse_sweep("threshold:0:150000:25000", &sw, err, sizeof err));
    sw.rule = rules[0];
    run(rules, 6, &sw, &c);
    assert_non_null(mkdtemp(dir));
    for (int k = 0; k < 2; k++) {
        snprintf(path[k], sizeof path[k], "%s/%s.xlsx", dir, k ? "streamed" : "memory");
        if (report_compare_write_as(path[k], &p, &a, &c, k == 1, err, sizeof err) != 0)
            fail_msg("%s", err);
        snprintf(cmd, sizeof cmd, "/usr/bin/python3 tests/xlsx_dump.py '%s'", path[k]);
        dump[k] = slurp_cmd(cmd, &rc);
        assert_int_equal(rc, 0);
    }
    assert_non_null(strstr(dump[0], "\nSammenligning\tF4\t"));  /* a difference from the baseline */
    assert_non_null(strstr(dump[0], "\nØkonomi pr. regel\t"));
    assert_string_equal(dump[0], dump[1]);
    /* and the streamed file is the streamed kind: text inline, no shared strings */
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c \"import zipfile,sys; n=zipfile.ZipFile(sys.argv[1]).namelist(); "
             "print(int('xl/sharedStrings.xml' in n))\" '%s' '%s'",
             path[1], path[0]);
    free(dump[0]);
    free(dump[1]);
    dump[0] = slurp_cmd(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(dump[0], "0\n");
    free(dump[0]);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    compare_free(&c);
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
        cmocka_unit_test(test_default_pool_comparison_figures_exactly),
        cmocka_unit_test(test_streamed_workbook_has_the_same_cells),
    };
    return cmocka_run_group_tests_name("compare", tests, NULL, NULL);
}
