/* test_plausible.c - The plausibility warnings and the cell-length errors
 * (plausible.h), and the one name folding (text_fold_name) they share with
 * the duplicate check and the running holders. */
#include "testutil.h"

#include "apps.h"
#include "plausible.h"
#include "pool.h"
#include "text.h"
#include "labels.h"

#define HEAD "Nr;CVR;Forening;Indsats;Ansøgt;Indstillet;Afslag/begrundelse\n"
#define ROW1 "1;11111111;Forening A;Aktivitet A;50.000;40.000;\n"
#define ROW2 "2;22222222;Forening B;Aktivitet B;80.000;60.000;\n"
#define ROW3 "3;33333333;Forening C;Aktivitet C;30.000;30.000;\n"

static const char POOL[] = "[pool]\nname = P\nyear = 2024\napplications = a.csv\n"
                           "[budget]\nB = 1.000.000\n";
static const char POOL_EM[] = "[pool]\nname = P\nyear = 2024\napplications = a.csv\n"
                              "[budget]\nB = 1.000.000\n"
                              "[earmark trivsel]\nlabel = T\namount = 100.000\nyears = 2024-2024\n"
                              "criterion unge = Unge\nrequired = unge\n";

typedef struct run {
    pool p;
    app_list apps;
    diag_list dl;
    size_t errors;
} run;

/* Parse the pool text and the applications, then check. */
static void check(run *r, const char *pool_text, const char *csv)
{
    memset(r, 0, sizeof *r);
    diag_init(&r->dl);
    assert_int_equal(pool_parse(pool_text, strlen(pool_text), "p.ini", &r->p, &r->dl), 0);
    if (apps_parse_pool(csv, strlen(csv), "a.csv", &r->p, &r->apps, &r->dl) != 0) {
        test_print_diags(&r->dl);
        fail_msg("the applications do not parse");
    }
    assert_int_equal(r->dl.n, 0);
    r->errors = plausible_check(&r->p, &r->apps, &r->dl);
}

static void done(run *r)
{
    apps_free(&r->apps);
    pool_free(&r->p);
    diag_free(&r->dl);
}

/* The one diagnostic at line with exactly this message, or a failure. */
static void expect_only(const run *r, diag_level level, unsigned line, const char *msg)
{
    if (r->dl.n != 1 || r->dl.v[0].level != level || r->dl.v[0].line != line ||
        strcmp(r->dl.v[0].msg, msg) != 0) {
        test_print_diags(&r->dl);
        fail_msg("want one diagnostic at line %u: %s", line, msg);
    }
    assert_string_equal(r->dl.v[0].file, level == DIAG_ERROR ? "a.csv" : "a.csv");
}

static void test_a_plain_pool_has_no_warnings(void **state)
{
    run r;
    (void)state;
    check(&r, POOL, HEAD ROW1 ROW2 ROW3 "4;44444444;Forening D;Aktivitet D;45.000;40.000;\n");
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.dl.n, 0);
    done(&r);
}

static void test_assessed_below_one_percent_of_applied(void **state)
{
    run r;
    (void)state;
    check(&r, POOL, HEAD ROW1 ROW2 ROW3 "4;;Forening D;D;50.000;400;\n");
    expect_only(&r, DIAG_WARNING, 5, "assessed DKK 400 is below 1% of the DKK 50,000 applied for");
    assert_int_equal(r.errors, 0);
    done(&r);
    /* exactly 1 % is not below it */
    check(&r, POOL, HEAD ROW1 ROW2 ROW3 "4;;Forening D;D;50.000;500;\n");
    assert_int_equal(r.dl.n, 0);
    done(&r);
}

static void test_amounts_below_100_kr(void **state)
{
    run r;
    (void)state;
    check(&r, POOL, HEAD ROW1 ROW2 ROW3 "4;;Forening D;D;99;;\n");
    assert_int_equal(r.dl.n, 2);
    assert_string_equal(r.dl.v[0].msg, "applied for only DKK 99 (Ansøgt)");
    assert_string_equal(r.dl.v[1].msg, "assessed only DKK 99 (Indstillet)");
    assert_int_equal(r.dl.v[0].line, 5);
    assert_int_equal(r.dl.v[0].level, DIAG_WARNING);
    done(&r);
    check(&r, POOL, HEAD ROW1 ROW2 ROW3 "4;;Forening D;D;100;100;\n");
    assert_int_equal(r.dl.n, 0);
    done(&r);
}

static void test_more_than_ten_times_the_median(void **state)
{
    run r;
    (void)state;
    /* applied 30.000, 50.000, 80.000, 500.001: lower median 50.000 */
    check(&r, POOL, HEAD ROW1 ROW2 ROW3 "4;;Forening D;D;500.001;40.000;\n");
    expect_only(&r, DIAG_WARNING, 5,
                "applied for DKK 500,001, more than 10 times the pool's median (DKK 50,000)");
    done(&r);
    check(&r, POOL, HEAD ROW1 ROW2 ROW3 "4;;Forening D;D;500.000;40.000;\n");
    assert_int_equal(r.dl.n, 0);
    done(&r);
    /* two applications: no median to speak of */
    check(&r, POOL, HEAD ROW1 "2;;Forening B;B;9.000.000;9.000.000;\n");
    assert_int_equal(r.dl.n, 0);
    done(&r);
}

static void test_one_association_with_two_cvr_numbers(void **state)
{
    run r;
    (void)state;
    check(&r, POOL,
          HEAD "1;11111111;Selskabet Lune Vandrere, Bullerup;A;50.000;40.000;\n" ROW2 ROW3
               "4;99999999;selskabet lune vandrere bullerup;B;45.000;40.000;\n"
               "5;11111111;Selskabet Lune Vandrere, Bullerup;C;45.000;40.000;\n");
    expect_only(&r, DIAG_WARNING, 5,
                "\"selskabet lune vandrere bullerup\" has CVR 99999999 here but CVR 11111111 "
                "on line 2");
    done(&r);
}

static void test_supplement_larger_than_the_grant(void **state)
{
    run r;
    (void)state;
    check(&r, POOL_EM,
          "Nr;Forening;Indsats;Ansøgt;Indstillet;Afslag;Unge;Trivsel tillæg ansøgt\n"
          "1;A;a;50.000;40.000;;ja;40.001\n2;B;b;50.000;40.000;;ja;40.000\n"
          "3;C;c;50.000;0;Nej tak;ja;10.000\n");
    expect_only(&r, DIAG_WARNING, 2,
                "the supplement from [earmark trivsel] (DKK 40,001) is larger than the grant "
                "assessed (DKK 40,000)");
    assert_int_equal(r.dl.v[0].col, 8);
    done(&r);
}

static void test_a_name_over_the_cell_limit_is_an_error_at_its_line(void **state)
{
    run r;
    size_t n = PLAUSIBLE_CELL_MAX + 1;
    char *csv = malloc(n + 256), *name = malloc(n + 1);
    (void)state;

    assert_non_null(csv);
    assert_non_null(name);
    memset(name, 'N', n);
    name[n] = '\0';
    snprintf(csv, n + 256, HEAD ROW1 "2;;%s;B;50.000;40.000;\n" ROW3, name);
    check(&r, POOL, csv);
    assert_int_equal(r.errors, 1);
    expect_only(&r, DIAG_ERROR, 3,
                "the Forening text has 32768 characters; a workbook cell holds at most 32767 "
                "(Excel's limit)");
    done(&r);
    /* 32.767 characters, æ two bytes each: fits */
    free(csv);
    csv = malloc(2 * n + 256);
    assert_non_null(csv);
    {
        char *s = malloc(2 * n), *o = s;
        for (size_t i = 0; i < PLAUSIBLE_CELL_MAX; i++) {
            *o++ = (char)0xC3;
            *o++ = (char)0xA6;
        }
        *o = '\0';
        snprintf(csv, 2 * n + 256, HEAD ROW1 "2;;%s;B;50.000;40.000;\n" ROW3, s);
        free(s);
    }
    check(&r, POOL, csv);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.dl.n, 0);
    done(&r);
    free(csv);
    free(name);
}

static void test_chars_counts_code_points(void **state)
{
    (void)state;
    assert_int_equal(plausible_chars("Lune"), 4);
    assert_int_equal(plausible_chars("æøå"), 3);
    assert_int_equal(plausible_chars(""), 0);
    assert_int_equal(plausible_chars(NULL), 0);
}

static void test_one_name_folding(void **state)
{
    char *a = text_fold_name("Selskabet Lune Vandrere, Bullerup");
    char *b = text_fold_name("Selskabet Lune Vandrere Bullerup");
    char *c = text_fold_name("SELSKABET  lune-vandrere. bullerup!");
    char *d = text_fold_name("Ålborg Ø");
    (void)state;
    assert_string_equal(a, "selskabetlunevandrerebullerup");
    assert_string_equal(a, b);
    assert_string_equal(a, c);
    assert_string_equal(d, "ålborgø");
    free(a);
    free(b);
    free(c);
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_plain_pool_has_no_warnings),
        cmocka_unit_test(test_assessed_below_one_percent_of_applied),
        cmocka_unit_test(test_amounts_below_100_kr),
        cmocka_unit_test(test_more_than_ten_times_the_median),
        cmocka_unit_test(test_one_association_with_two_cvr_numbers),
        cmocka_unit_test(test_supplement_larger_than_the_grant),
        cmocka_unit_test(test_a_name_over_the_cell_limit_is_an_error_at_its_line),
        cmocka_unit_test(test_chars_counts_code_points),
        cmocka_unit_test(test_one_name_folding),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
