/* test_diff.c - pulje diff: per-application changes between two runs and
 * their causes (diff.c's table), read from run folders and decisions CSVs,
 * printed, and the workbook's "Ændringer siden kørsel N" sheet. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diff.h"
#include "diff_read.h"
#include "diff_text.h"
#include "labels.h"
#include "text.h"
#include "xlsxread.h"

/* ------------------------------------------------------------------------ */
/* The comparison on runs made in memory                                     */

static void add_row(diff_run *r, const char *nr, pulje_kr assessed, pulje_kr grant,
                    diff_status st)
{
    diff_row row = {.nr = (char *)nr, .association = (char *)"Forening", .refusal = (char *)"",
                    .reason = (char *)"", .applied = assessed, .assessed = assessed,
                    .grant = grant, .years_asked = 1, .years = 1, .status = st};
    assert_int_equal(diff_run_add_row(r, &row), 0);
}

/* Three applications under a 50.000 threshold rule; a record as run.c writes it. */
static void base_run(diff_run *r, int no)
{
    static const char rec[] = "run: 1\ntime: 2026-01-01T00:00:00Z\nofficial: yes\n"
                              "rule: threshold:50000\nlanguage: da\n"
                              "digest pool: aaaa\ndigest applications: bbbb\n"
                              "digest ledger: cccc\nrounding: 100\ncap: 55.00%\n"
                              "budget: 300000\nreserved: 0\nearmarked: 0\n";
    memset(r, 0, sizeof *r);
    r->no = no;
    assert_int_equal(diff_parse_record(rec, sizeof rec - 1, r), 0);
    add_row(r, "1", 40000, 40000, DIFF_GRANTED);
    add_row(r, "2", 50000, 50000, DIFF_GRANTED);
    add_row(r, "3", 250000, 210000, DIFF_REDUCED);
}

static void set_kv(diff_run *r, const char *key, const char *value)
{
    for (size_t i = 0; i < r->n_kv; i++)
        if (strcmp(r->kv[i].key, key) == 0) {
            free(r->kv[i].value);
            r->kv[i].value = strdup(value);
            return;
        }
    assert_int_equal(diff_run_add_kv(r, key, value), 0);
}

static void test_own_assessed_amount_and_the_others(void **state)
{
    diff_run a, b;
    diff_result d;
    char t[1024];

    (void)state;
    base_run(&a, 1);
    base_run(&b, 2);
    set_kv(&b, "digest applications", "bbbc");
    b.rows[1].assessed = 80000; /* nr 2: 50.000 -> 80.000, now reduced */
    b.rows[1].applied = 80000;
    b.rows[1].grant = 62300;
    b.rows[1].status = DIFF_REDUCED;
    b.rows[2].grant = 197700; /* nr 3 pays for it */
    assert_int_equal(diff_compare(&a, &b, &d), 0);
    assert_int_equal(d.n, 2);
    assert_int_equal(d.n_changed, 2);
    assert_int_equal(d.n_unchanged, 1);
    assert_int_equal(d.n_pool, 0); /* the applications' digest is no pool-wide cause */
    assert_string_equal(d.v[0].b->nr, "2");
    assert_int_equal(d.v[0].causes, DIFF_CAUSE_ASSESSED | DIFF_CAUSE_APPLIED);
    assert_string_equal(d.v[1].b->nr, "3");
    assert_int_equal(d.v[1].causes, DIFF_CAUSE_OTHERS);
    assert_int_equal(d.granted_a, 300000);
    assert_int_equal(d.granted_b, 300000);
    assert_int_equal(d.assessed_a, 340000);
    assert_int_equal(d.assessed_b, 370000);
    labels_set_language("da");
    assert_string_equal(diff_text_causes(&d, &d.v[0], t, sizeof t),
                        "indstillet beløb 50.000 → 80.000 kr.; ansøgt beløb 50.000 → 80.000 kr.");
    assert_string_equal(diff_text_causes(&d, &d.v[1], t, sizeof t),
                        "andres ændringer (den fælles faktor flyttede sig)");
    assert_string_equal(diff_text_total(&d, 2, t, sizeof t),
                        "Indstillet i alt: 340.000 → 370.000 kr. (+30.000)");
    assert_string_equal(diff_text_total(&d, 3, t, sizeof t),
                        "Ansøgninger: 3 → 3; 2 ændret, 0 nye, 0 fjernet, 1 uændret");
    assert_null(diff_text_total(&d, 4, t, sizeof t));
    labels_set_language("en");
    assert_string_equal(diff_text_causes(&d, &d.v[0], t, sizeof t),
                        "assessed amount DKK 50,000 → DKK 80,000; amount applied for DKK 50,000 → DKK 80,000");
    labels_set_language("da");
    diff_result_free(&d);
    diff_run_free(&a);
    diff_run_free(&b);
}

static void test_budget_names_every_change_and_hides_the_pool_digest(void **state)
{
    diff_run a, b;
    diff_result d;
    char t[1024];

    (void)state;
    base_run(&a, 1);
    base_run(&b, 2);
    set_kv(&b, "budget", "250000");
    set_kv(&b, "digest pool", "aaab");
    b.rows[2].grant = 160000;
    assert_int_equal(diff_compare(&a, &b, &d), 0);
    assert_int_equal(d.n_pool, 1); /* budget; the pool file's digest is not named besides */
    assert_int_equal(d.pool[0].cause, DIFF_CAUSE_BUDGET);
    assert_string_equal(d.pool[0].a, "300000");
    assert_string_equal(d.pool[0].b, "250000");
    assert_string_equal(diff_text_pool(&d.pool[0], t, sizeof t),
                        "budgettet 300.000 → 250.000 kr.");
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].b->nr, "3");
    assert_int_equal(d.v[0].causes, DIFF_CAUSE_BUDGET);
    assert_string_equal(diff_text_causes(&d, &d.v[0], t, sizeof t), "budgettet");
    assert_int_equal(d.granted_b - d.granted_a, -50000);
    diff_result_free(&d);

    /* only the pool file's digest: a key the record does not show */
    set_kv(&b, "budget", "300000");
    assert_int_equal(diff_compare(&a, &b, &d), 0);
    assert_int_equal(d.n_pool, 1);
    assert_int_equal(d.pool[0].cause, DIFF_CAUSE_POOL);
    assert_int_equal(d.v[0].causes, DIFF_CAUSE_POOL);
    diff_result_free(&d);
    diff_run_free(&a);
    diff_run_free(&b);
}

static void test_rule_ledger_param_new_and_removed(void **state)
{
    diff_run a, b;
    diff_result d;
    char t[1024];

    (void)state;
    base_run(&a, 1);
    base_run(&b, 2);
    set_kv(&b, "rule", "cea");
    set_kv(&b, "reserved", "10000");
    set_kv(&b, "digest ledger", "cccd");
    set_kv(&b, "rounding", "1000");
    free(b.rows[0].nr);
    b.rows[0].nr = strdup("4"); /* nr 1 removed, nr 4 new */
    b.rows[2].grant = 200000;
    assert_int_equal(diff_compare(&a, &b, &d), 0);
    assert_int_equal(d.pool_causes, DIFF_CAUSE_RULE | DIFF_CAUSE_LEDGER | DIFF_CAUSE_PARAM);
    assert_int_equal(d.n_pool, 3); /* reserved; its digest is not named again */
    assert_string_equal(diff_text_pool(&d.pool[0], t, sizeof t), "reglen threshold:50000 → cea");
    assert_string_equal(diff_text_pool(&d.pool[1], t, sizeof t),
                        "reserveret (forpligtelser) 0 → 10.000 kr.");
    assert_string_equal(diff_text_pool(&d.pool[2], t, sizeof t), "rounding 100 → 1.000");
    assert_int_equal(d.n, 3);
    assert_int_equal(d.n_new, 1);
    assert_int_equal(d.n_removed, 1);
    assert_int_equal(d.n_changed, 1);
    assert_string_equal(d.v[0].b->nr, "4");
    assert_null(d.v[0].a);
    assert_int_equal(d.v[0].causes, DIFF_CAUSE_NEW);
    assert_string_equal(d.v[1].b->nr, "3");
    assert_string_equal(diff_text_causes(&d, &d.v[1], t, sizeof t),
                        "reglen; forpligtelserne; puljens rounding");
    assert_string_equal(d.v[2].a->nr, "1");
    assert_null(d.v[2].b);
    assert_int_equal(d.v[2].causes, DIFF_CAUSE_REMOVED);
    diff_result_free(&d);
    diff_run_free(&a);
    diff_run_free(&b);
}

static void test_nothing_changed_but_the_grant_is_unknown(void **state)
{
    diff_run a, b;
    diff_result d;

    (void)state;
    base_run(&a, 1);
    base_run(&b, 2);
    assert_int_equal(diff_compare(&a, &b, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(d.n_unchanged, 3);
    diff_result_free(&d);
    b.rows[2].grant = 209900;
    assert_int_equal(diff_compare(&a, &b, &d), 0);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].causes, DIFF_CAUSE_UNKNOWN);
    diff_result_free(&d);
    diff_run_free(&a);
    diff_run_free(&b);
}

static void test_every_cause_has_a_row_in_order(void **state)
{
    (void)state;
    for (size_t k = 0; k < DIFF_N_CAUSES; k++) {
        assert_int_equal(diff_causes[k].cause, 1u << k);
        assert_non_null(diff_causes[k].meaning);
        assert_true((diff_causes[k].on == DIFF_ON_ROW) == (diff_causes[k].test != NULL));
        assert_true((diff_causes[k].on == DIFF_ON_RECORD) == (diff_causes[k].keys[0] != NULL));
    }
}

/* ------------------------------------------------------------------------ */
/* Through the program: three runs with an edited amount, budget, rule      */

static char root[] = "/tmp/pulje-diff-XXXXXX";

static int setup(void **state)
{
    char cmd[256];
    (void)state;
    if (!mkdtemp(root))
        return -1;
    snprintf(cmd, sizeof cmd, "cp -r inputs '%s/inputs'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Run pulje in root: "<pulje> <args> 2>&1" into out; returns the exit code. */
static int pulje(const char *args, char *out, size_t size)
{
    char cmd[2048], here[1024];
    const char *b = test_build_dir();
    assert_non_null(getcwd(here, sizeof here));
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s%s%s/pulje' %s 2>&1", root, b[0] == '/' ? "" : here,
             b[0] == '/' ? "" : "/", b, args);
    return test_run(cmd, out, size);
}

/* Replace the first `from` in file root/rel by `to`. */
static void edit(const char *rel, const char *from, const char *to)
{
    char path[512], *data = NULL, *at;
    size_t len;
    FILE *fp;

    snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_int_equal(text_read_file(path, &data, &len), 0);
    at = strstr(data, from);
    assert_non_null(at);
    fp = fopen(path, "wb");
    assert_non_null(fp);
    fwrite(data, 1, (size_t)(at - data), fp);
    fputs(to, fp);
    fputs(at + strlen(from), fp);
    assert_int_equal(fclose(fp), 0);
    free(data);
}

/* The sheet names of a workbook in root. */
static void sheets(const char *rel, char *buf, size_t size)
{
    char path[512], detail[512];
    xlsxread_result res;
    size_t o = 0;

    snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_int_equal(xlsxread_sheet(path, 0, NULL, &res, detail, sizeof detail), XLSXREAD_OK);
    buf[0] = '\0';
    for (size_t i = 0; i < res.n_sheets && o < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s|", res.sheets[i]);
    xlsxread_result_free(&res);
}

#define RUN "run inputs/pulje-2023.ini -q --closed-form --out o"
#define DIFF "diff inputs/pulje-2023.ini --out o"
#define HOME "o/18-hovedpuljen-2023"

static void test_three_runs_name_each_change_and_its_cause(void **state)
{
    size_t size = 1 << 16;
    char *out = malloc(size), names[1024];

    (void)state;
    assert_non_null(out);
    assert_int_equal(pulje(RUN, out, size), 0);
    assert_int_equal(pulje(DIFF, out, size), 2);
    assert_non_null(strstr(out, "har ikke to kørsler at sammenligne"));
    sheets("o/18-hovedpuljen-2023.xlsx", names, sizeof names);
    assert_null(strstr(names, "Ændringer"));

    /* 1 -> 2: nr 2's assessed amount 50.000 -> 80.000 */
    edit("inputs/ansoegninger-2023.csv", "Samtalegrupper for pårørende;84500;50000;",
         "Samtalegrupper for pårørende;84500;80000;");
    assert_int_equal(pulje(RUN, out, size), 0);
    assert_int_equal(pulje(DIFF, out, size), 0);
    assert_non_null(strstr(out, "Ændringer fra kørsel 1 ("));
    assert_null(strstr(out, "Ændret for hele puljen"));
    assert_non_null(strstr(out, "\n2     Netværket for Kloge Fyrtårn…       50.000       51.600"
                                "     +1.600  bevilget → reduceret     "
                                "indstillet beløb 50.000 → 80.000 kr.\n"));
    assert_non_null(strstr(out, "\n3     Foreningen Trygge Fællesska…       45.200       45.100"
                                "       -100  reduceret                "
                                "andres ændringer (den fælles faktor flyttede sig)\n"));
    assert_non_null(strstr(out, "Tilskud i alt: 3.257.050 → 3.257.050 kr. (0)\n"));
    assert_non_null(strstr(out, "Indstillet i alt: 4.498.850 → 4.528.850 kr. (+30.000)\n"));
    assert_non_null(strstr(out, "Ansøgninger: 68 → 68; 16 ændret, 0 nye, 0 fjernet, 52 uændret\n"));
    sheets("o/18-hovedpuljen-2023.xlsx", names, sizeof names);
    assert_non_null(strstr(names, "|Ændringer siden kørsel 1|"));

    /* 2 -> 3: the budget 100.000 lower */
    edit("inputs/pulje-2023.ini", "Budget 2023 = 6.318.216", "Budget 2023 = 6.218.216");
    assert_int_equal(pulje(RUN, out, size), 0);
    assert_int_equal(pulje(DIFF, out, size), 0);
    assert_non_null(strstr(out, "Ændret for hele puljen:\n  budgettet 6.871.589 → 6.771.589 kr.\n"));
    assert_non_null(strstr(out, "\n2     Netværket for Kloge Fyrtårn…       51.600       49.400"
                                "     -2.200  reduceret                budgettet\n"));
    assert_null(strstr(out, "puljefilen"));
    assert_non_null(strstr(out, "Tilskud i alt: 3.257.050 → 3.157.050 kr. (-100.000)\n"));
    assert_non_null(strstr(out, "Ansøgninger: 68 → 68; 25 ændret, 0 nye, 0 fjernet, 43 uændret\n"));
    sheets("o/18-hovedpuljen-2023.xlsx", names, sizeof names);
    assert_non_null(strstr(names, "|Ændringer siden kørsel 2|"));

    /* 3 -> 4: a trial with another rule; its workbook compares with run 3 */
    assert_int_equal(pulje(RUN " --rule cea", out, size), 0);
    assert_int_equal(pulje(DIFF, out, size), 0);
    assert_non_null(strstr(out, "Ændringer fra kørsel 3 ("));
    assert_non_null(strstr(out, "Ændret for hele puljen:\n  reglen threshold:50000 → cea\n"));
    assert_non_null(strstr(out, "\n2     Netværket for Kloge Fyrtårn…       49.400       80.000"
                                "    +30.600  reduceret → bevilget     reglen\n"));
    assert_non_null(strstr(out, "Tilskud i alt: 3.157.050 → 3.155.550 kr. (-1.500)\n"));
    assert_non_null(strstr(out, "Tillæg i alt: 500.000 → 499.600 kr. (-400)\n"));
    assert_non_null(strstr(out, "Ansøgninger: 68 → 68; 27 ændret, 0 nye, 0 fjernet, 41 uændret\n"));
    sheets("o/18-hovedpuljen-2023-cea.xlsx", names, sizeof names);
    assert_non_null(strstr(names, "|Ændringer siden kørsel 3|"));

    /* compare keeps a run folder too, and diff passes over it */
    assert_int_equal(pulje("compare inputs/pulje-2023.ini -q --closed-form --out o", out, size),
                     0);
    assert_int_equal(pulje("history inputs/pulje-2023.ini --lang en --out o", out, size), 0);
    assert_non_null(strstr(out, "5 runs kept in"));
    assert_non_null(strstr(out, "  koersel-005  20"));
    assert_non_null(strstr(out, " trial compare\n"));
    assert_int_equal(pulje("diff inputs/pulje-2023.ini --out o", out, size), 0);
    assert_non_null(strstr(out, "Ændringer fra kørsel 3 ("));
    assert_non_null(strstr(out, ") til kørsel 4 ("));
    assert_int_equal(pulje("diff 5 inputs/pulje-2023.ini --out o", out, size), 2);
    assert_non_null(strstr(out, "indeholder ingen afgørelser (en sammenligningskørsel?)"));

    /* explicit runs: numbers, a folder, two decisions CSVs */
    assert_int_equal(pulje("diff 1 3 inputs/pulje-2023.ini --out o", out, size), 0);
    assert_non_null(strstr(out, "Ændret for hele puljen:\n  budgettet 6.871.589 → 6.771.589 kr.\n"));
    assert_non_null(strstr(out, "\n2     Netværket for Kloge Fyrtårn…       50.000       49.400"
                                "       -600  bevilget → reduceret     "
                                "indstillet beløb 50.000 → 80.000 kr.; budgettet\n"));
    assert_int_equal(pulje("diff " HOME "/koersel-001 koersel-002 --out o", out, size), 0);
    assert_non_null(strstr(out, "16 ændret"));
    assert_int_equal(pulje("diff " HOME "/koersel-001/18-hovedpuljen-2023-afgoerelser.csv "
                           HOME "/koersel-002/18-hovedpuljen-2023-afgoerelser.csv", out, size),
                     0);
    assert_non_null(strstr(out, "indstillet beløb 50.000 → 80.000 kr.\n"));
    assert_non_null(strstr(out, "16 ændret, 0 nye, 0 fjernet, 52 uændret"));
    assert_int_equal(pulje("diff 9 inputs/pulje-2023.ini --out o", out, size), 2);
    assert_non_null(strstr(out, "der er ingen kørsel 9 i o/18-hovedpuljen-2023"));
    /* pulje letters keeps a run folder without decisions: diff passes over it */
    assert_int_equal(pulje("letters inputs/pulje-2023.ini -q --closed-form --out o", out, size), 0);
    assert_int_equal(pulje("diff inputs/pulje-2023.ini --out o", out, size), 0);
    assert_non_null(strstr(out, "Ændringer fra kørsel 3 ("));
    assert_non_null(strstr(out, ") til kørsel 4 ("));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_own_assessed_amount_and_the_others),
        cmocka_unit_test(test_budget_names_every_change_and_hides_the_pool_digest),
        cmocka_unit_test(test_rule_ledger_param_new_and_removed),
        cmocka_unit_test(test_nothing_changed_but_the_grant_is_unknown),
        cmocka_unit_test(test_every_cause_has_a_row_in_order),
        cmocka_unit_test_setup_teardown(test_three_runs_name_each_change_and_its_cause, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
