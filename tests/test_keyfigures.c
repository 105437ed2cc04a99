/* test_keyfigures.c - The one list of key figures: every row complete, the
 * values exact, the money adding up, and the terminal summary built from it. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyfigures.h"
#include "labels.h"
#include "rules.h"
#include "terminal.h"

/* A pool and a result with the default pool's 2023 figures. */
typedef struct fixture {
    pool p;
    alloc_result r;
    pool_earmark em;
    em_total tot;
} fixture;

static void make(fixture *f)
{
    memset(f, 0, sizeof *f);
    f->p.name = "§ 18-Hovedpuljen";
    f->p.year = 2023;
    f->p.committee = "Beskæftigelses- og Socialudvalget";
    f->p.rule.kind = RULE_THRESHOLD;
    f->em.key = "trivsel";
    f->p.earmark_defs = &f->em;
    f->p.n_earmark_defs = 1;
    f->tot.money = 500000;
    f->tot.granted = 500000;
    f->r.em.n_earmarks = 1;
    f->r.em.totals = &f->tot;
    f->r.n = 68;
    f->r.budget_total = 6871589;
    f->r.reserved_total = 3114511;
    f->r.earmarked_total = 500000;
    f->r.available = 3257078;
    f->r.applied_total = 8899350;
    f->r.assessed_total = 4498850;
    f->r.granted_total = 3257050;
    f->r.residual = 28;
    f->r.factor_num = 645208;
    f->r.factor_den = 1000000;
    f->r.n_granted = 62;
    f->r.n_reduced = 24;
    f->r.n_refused = 6;
    f->r.n_my_requested = 12;
    f->r.n_my_honoured = 9;
    f->r.cap_bp = 5500;
    static const pulje_kr bound[MY_YEARS] = {2900531, 1446500, 234300};
    for (int t = 0; t < MY_YEARS; t++) {
        f->r.my[t].year = 2023 + t;
        f->r.my[t].money = 6871589;
        f->r.my[t].old = bound[t] / 2;
        f->r.my[t].fresh = bound[t] - bound[t] / 2;
    }
}

static void test_every_row_is_complete_and_in_its_place(void **state)
{
    size_t n;
    const keyfig_def *t = keyfigures_table(&n);
    (void)state;

    assert_int_equal(n, KF__COUNT);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(t[i].id, i); /* the table's order is the enum's */
        assert_non_null(t[i].compute);
        assert_true(t[i].views != 0);
        assert_true((unsigned)t[i].group < KF__GROUPS);
        assert_non_null(label_text_en(t[i].label)); /* both languages */
        assert_string_equal(label_args(t[i].label), "");
        /* the groups come in order: money, applications, multi-year */
        if (i > 0)
            assert_true(t[i].group >= t[i - 1].group);
    }
}

static void test_the_figures_are_the_results_and_add_up(void **state)
{
    fixture f;
    keyfigs k;
    (void)state;

    make(&f);
    keyfigures_compute(&f.p, &f.r, &k);
    assert_int_equal(k.v[KF_BUDGET].value, 6871589);
    assert_int_equal(k.v[KF_RESERVED].value, 3114511);
    assert_int_equal(k.v[KF_EARMARKED].value, 500000);
    assert_false(k.v[KF_RETURNED].shown);
    assert_int_equal(k.v[KF_AVAILABLE].value, 3257078);
    assert_int_equal(k.v[KF_GRANTED].value, 3257050);
    assert_int_equal(k.v[KF_SUPPLEMENTS].value, 500000);
    assert_int_equal(k.v[KF_GRANTED_WITH].value, 3757050);
    assert_false(k.v[KF_EM_UNUSED].shown);
    assert_int_equal(k.v[KF_RESIDUAL].value, 28);
    assert_int_equal(k.v[KF_N_APPS].value, 68);
    assert_int_equal(k.v[KF_N_GRANTED].value, 62);
    assert_int_equal(k.v[KF_N_REDUCED].value, 24);
    assert_int_equal(k.v[KF_N_REFUSED].value, 6);
    assert_true(k.v[KF_FACTOR].shown);
    assert_int_equal(k.v[KF_FACTOR].num, 645208);
    assert_int_equal(k.v[KF_GRANT_SHARE].num, 3257050);
    assert_int_equal(k.v[KF_GRANT_SHARE].den, 4498850);
    assert_int_equal(k.v[KF_MY_REQUESTED].value, 12);
    assert_int_equal(k.v[KF_MY_HONOURED].value, 9);
    assert_int_equal(k.v[KF_MY_BOUND].years[0].bound, 2900531);
    assert_int_equal(k.v[KF_MY_BOUND].years[2].year, 2025);
    /* every figure computed points at its row */
    for (size_t i = 0; i < KF__COUNT; i++)
        assert_int_equal(k.v[i].def->id, i);
    /* the money adds up to the krone */
    assert_int_equal(k.v[KF_BUDGET].value - k.v[KF_RESERVED].value - k.v[KF_EARMARKED].value +
                         k.v[KF_RETURNED].value,
                     k.v[KF_AVAILABLE].value);
    assert_int_equal(k.v[KF_GRANTED].value + k.v[KF_RESIDUAL].value, k.v[KF_AVAILABLE].value);
    assert_int_equal(k.v[KF_GRANTED].value + k.v[KF_SUPPLEMENTS].value,
                     k.v[KF_GRANTED_WITH].value);
}

static void test_a_factor_only_where_one_factor_cut_something(void **state)
{
    fixture f;
    keyfigs k;
    (void)state;

    make(&f);
    f.r.n_reduced = 0; /* nothing reduced: never "1,0000 (-0,0 %)" */
    f.r.factor_num = f.r.factor_den;
    keyfigures_compute(&f.p, &f.r, &k);
    assert_false(k.v[KF_FACTOR].shown);
    assert_true(k.v[KF_GRANT_SHARE].shown);
    make(&f);
    f.p.rule.kind = RULE_CEA; /* no single factor */
    keyfigures_compute(&f.p, &f.r, &k);
    assert_false(k.v[KF_FACTOR].shown);
    assert_true(keyfig_in(&k.v[KF_GRANT_SHARE], KF_TERMINAL | KF_RESUME | KF_ECONOMY));
    f.r.assessed_total = 0;
    keyfigures_compute(&f.p, &f.r, &k);
    assert_false(k.v[KF_GRANT_SHARE].shown);
}

static void test_the_views_and_the_sheet_labels(void **state)
{
    fixture f;
    keyfigs k;
    char buf[200];
    (void)state;

    make(&f);
    f.r.em.n_earmarks = 0; /* no earmark sections: no supplement lines */
    f.r.earmark_returned = 0;
    keyfigures_compute(&f.p, &f.r, &k);
    assert_false(k.v[KF_SUPPLEMENTS].shown);
    assert_false(k.v[KF_GRANTED_WITH].shown);
    /* Økonomi's table shows the budget, reservations, grants and residual itself */
    assert_false(keyfig_in(&k.v[KF_BUDGET], KF_ECONOMY));
    assert_false(keyfig_in(&k.v[KF_RESIDUAL], KF_ECONOMY));
    assert_true(keyfig_in(&k.v[KF_AVAILABLE], KF_ECONOMY));
    assert_true(keyfig_in(&k.v[KF_RESIDUAL], KF_TERMINAL));
    assert_true(keyfig_in(&k.v[KF_RESIDUAL], KF_RESUME));
    assert_int_equal(labels_set_language("da"), 0);
    assert_string_equal(keyfig_sheet_label(&k.v[KF_RESIDUAL], buf, sizeof buf),
                        "Restmidler (kr.)");
    assert_string_equal(keyfig_sheet_label(&k.v[KF_N_APPS], buf, sizeof buf),
                        "Antal ansøgninger");
    assert_int_equal(labels_set_language("en"), 0);
    assert_string_equal(keyfig_sheet_label(&k.v[KF_RESIDUAL], buf, sizeof buf),
                        "Residual (DKK)");
    assert_int_equal(labels_set_language("da"), 0);
}

/* The terminal summary, to the byte: grouped, aligned, every line labelled. */
static void test_terminal_summary_is_grouped_and_aligned(void **state)
{
    fixture f;
    char *buf = NULL;
    size_t len = 0;
    FILE *m;
    (void)state;

    make(&f);
    assert_int_equal(labels_set_language("da"), 0);
    m = open_memstream(&buf, &len);
    assert_non_null(m);
    terminal_summary(m, &f.p, &f.r);
    fclose(m);
    assert_string_equal(buf,
        "§ 18-Hovedpuljen 2023, Beskæftigelses- og Socialudvalget\n"
        "Midler\n"
        "  Samlet rådighedsbeløb              6.871.589 kr.\n"
        "  Reserveret til tilsagn og aftaler  3.114.511 kr.\n"
        "  Øremærkede midler                    500.000 kr.\n"
        "  Til rådighed for nye tilskud       3.257.078 kr.\n"
        "  Indstillede tilskud i alt          3.257.050 kr.\n"
        "  Tillæg af øremærkede midler          500.000 kr.\n"
        "  Tilskud og tillæg i alt            3.757.050 kr.\n"
        "  Restmidler                                28 kr.\n"
        "Ansøgninger\n"
        "  Antal ansøgninger                         68\n"
        "  Ansøgt i alt                       8.899.350 kr.\n"
        "  Indstillet i alt før reduktion     4.498.850 kr.\n"
        "  Antal tilskud                             62\n"
        "  Heraf reduceret                           24\n"
        "  Antal afslag                               6\n"
        "  Reduktionsfaktor                      0,6452      (-35,5 %)\n"
        "  Tildelt / indstillet                  0,7240      (-27,6 %)\n"
        "Flerårige bevillinger\n"
        "  Ansøgt om flerårig bevilling              12\n"
        "  Heraf imødekommet                          9\n"
        "  Bundet i flerårige tilsagn 2023    2.900.531 kr.  42,2 % (loft 55 %)\n"
        "  Bundet i flerårige tilsagn 2024    1.446.500 kr.  21,1 % (loft 55 %)\n"
        "  Bundet i flerårige tilsagn 2025      234.300 kr.   3,4 % (loft 55 %)\n");
    free(buf);
}

/* Without multi-year requests or commitments the group is left out. */
static void test_terminal_summary_without_multiyear_has_no_such_group(void **state)
{
    fixture f;
    char *buf = NULL;
    size_t len = 0;
    FILE *m;
    (void)state;

    make(&f);
    f.r.n_my_requested = f.r.n_my_honoured = 0;
    for (int t = 0; t < MY_YEARS; t++)
        f.r.my[t].old = f.r.my[t].fresh = 0;
    m = open_memstream(&buf, &len);
    assert_non_null(m);
    terminal_summary(m, &f.p, &f.r);
    fclose(m);
    assert_null(strstr(buf, "Flerårige"));
    assert_null(strstr(buf, "Bundet"));
    assert_non_null(strstr(buf, "\n  Restmidler                                28 kr.\n"));
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row_is_complete_and_in_its_place),
        cmocka_unit_test(test_the_figures_are_the_results_and_add_up),
        cmocka_unit_test(test_a_factor_only_where_one_factor_cut_something),
        cmocka_unit_test(test_the_views_and_the_sheet_labels),
        cmocka_unit_test(test_terminal_summary_is_grouped_and_aligned),
        cmocka_unit_test(test_terminal_summary_without_multiyear_has_no_such_group),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
