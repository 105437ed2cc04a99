/* test_opendata.c - The 360Giving export: exact bytes for a small pool, one row
 * per grant for the default pool, and the file beside the workbook after a run. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "apps.h"
#include "labels.h"
#include "inputs.h"
#include "run.h"
#include "opendata.h"
#include "pool.h"

#define HEADER                                                                             \
    "Identifier,Title,Description,Currency,Amount Awarded,Award Date,"                    \
    "Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name," \
    "Planned Dates:Start Date,Planned Dates:End Date,Planned Dates:Duration (months)\r\n"

/* Write to a memory stream; the bytes in a malloc'ed string. */
static char *export(const pool *p, const app_list *apps, const alloc_result *r)
{
    char *buf = NULL, err[256] = "";
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);

    assert_non_null(fp);
    if (opendata_write_360giving_stream(fp, p, apps, r, err, sizeof err) != 0)
        print_error("%s\n", err);
    assert_int_equal(fclose(fp), 0);
    return buf;
}

/* Three applications: a one-year grant to a CVR, a 3-year grant to an
 * association without CVR whose names need quoting, and a refusal. */
static void small_pool(pool *p, app *a, app_list *apps, alloc_line *lines, alloc_result *r)
{
    memset(p, 0, sizeof *p);
    memset(a, 0, 3 * sizeof *a);
    memset(lines, 0, 3 * sizeof *lines);
    memset(r, 0, sizeof *r);
    p->file = "p.ini";
    p->name = "§ 18-Puljen";
    p->committee = "Socialudvalget";
    p->year = 2024;
    p->decision_date = "2023-12-12";
    a[0] = (app){.nr = "1", .cvr = "12345678", .association = "Gode Naboer",
                 .activity = "Lektiecafé", .refusal = ""};
    a[1] = (app){.nr = "2", .cvr = "", .association = "Foreningen \"Ø\", Vest",
                 .activity = "Mad, samvær", .refusal = ""};
    a[2] = (app){.nr = "3", .cvr = "87654321", .association = "Afvist", .activity = "X",
                 .refusal = "Uden for formålet"};
    lines[0] = (alloc_line){.claim = 10000, .grant = 10000, .years_asked = 1, .years = 1};
    lines[1] = (alloc_line){.claim = 25000, .grant = 20000, .years_asked = 3, .years = 3};
    lines[2] = (alloc_line){.refused = true, .years_asked = 1};
    apps->file = "a.csv";
    apps->v = a;
    apps->n = 3;
    r->n = 3;
    r->lines = lines;
}

static void test_small_pool_gives_the_exact_bytes(void **state)
{
    pool p;
    app a[3];
    app_list apps;
    alloc_line lines[3];
    alloc_result r;
    char *out;

    (void)state;
    small_pool(&p, a, &apps, lines, &r);
    out = export(&p, &apps, &r);
    assert_string_equal(out,
        HEADER
        "360G-pulje-18-puljen-2024-1,Lektiecafé,Tilskud fra § 18-Puljen 2024,DKK,10000,"
        "2023-12-12,DK-CVR-12345678,Gode Naboer,360G-pulje-socialudvalget,Socialudvalget,"
        "2024-01-01,2024-12-31,12\r\n"
        "360G-pulje-18-puljen-2024-2,\"Mad, samvær\",Flerårigt tilskud fra § 18-Puljen 2024: "
        "20.000 kr. om året i 3 år,DKK,60000,2023-12-12,360G-pulje-foreningen-oe-vest,"
        "\"Foreningen \"\"Ø\"\", Vest\",360G-pulje-socialudvalget,Socialudvalget,"
        "2024-01-01,2026-12-31,36\r\n");
    free(out);
}

static void test_pool_keys_name_the_funder_and_the_prefix(void **state)
{
    pool p;
    app a[3];
    app_list apps;
    alloc_line lines[3];
    alloc_result r;
    char *out;

    (void)state;
    small_pool(&p, a, &apps, lines, &r);
    p.org_id = "DK-CVR-29189617";
    p.org_name = "Eksempel Kommune";
    p.id_prefix = "360G-eksempel";
    r.n = apps.n = 1;
    out = export(&p, &apps, &r);
    assert_string_equal(out,
        HEADER
        "360G-eksempel-18-puljen-2024-1,Lektiecafé,Tilskud fra § 18-Puljen 2024,DKK,10000,"
        "2023-12-12,DK-CVR-12345678,Gode Naboer,DK-CVR-29189617,Eksempel Kommune,"
        "2024-01-01,2024-12-31,12\r\n");
    free(out);
    /* English labels change only the description */
    assert_int_equal(labels_set_language("en"), 0);
    out = export(&p, &apps, &r);
    assert_non_null(strstr(out, ",Grant from § 18-Puljen 2024,"));
    assert_int_equal(labels_set_language("da"), 0);
    free(out);
}

static void test_no_decision_date_is_refused(void **state)
{
    pool p;
    app a[3];
    app_list apps;
    alloc_line lines[3];
    alloc_result r;
    char err[256] = "";
    FILE *fp = tmpfile();

    (void)state;
    small_pool(&p, a, &apps, lines, &r);
    p.decision_date = NULL;
    assert_non_null(fp);
    assert_int_equal(opendata_write_360giving_stream(fp, &p, &apps, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "decision_date"));
    fclose(fp);
}

static void test_slug_folds_danish_letters_and_punctuation(void **state)
{
    char buf[64];

    (void)state;
    assert_string_equal(opendata_slug("Selskabet Åbne Fyrtårne, Hjallese", buf, sizeof buf),
                        "selskabet-aabne-fyrtaarne-hjallese");
    assert_string_equal(opendata_slug("  --Æble & Øl--  ", buf, sizeof buf), "aeble-oel");
    assert_string_equal(opendata_slug("", buf, sizeof buf), "");
    assert_string_equal(opendata_slug("abcdef", buf, 4), "abc");
}

static void test_pool_file_keys_are_read(void **state)
{
    static const char text[] =
        "[pool]\nname = P\nyear = 2024\napplications = a.csv\n"
        "org_id = DK-CVR-29189617\norg_name = Eksempel Kommune\nid_prefix = 360G-eks\n"
        "[budget]\nB = 1.000\n";
    pool p;
    diag_list dl;

    (void)state;
    memset(&p, 0, sizeof p);
    diag_init(&dl);
    assert_int_equal(pool_parse(text, sizeof text - 1, "p.ini", &p, &dl), 0);
    assert_string_equal(p.org_id, "DK-CVR-29189617");
    assert_string_equal(p.org_name, "Eksempel Kommune");
    assert_string_equal(p.id_prefix, "360G-eks");
    pool_free(&p);
    diag_free(&dl);
}

/* The default pool: one row per grant above 0, each with 13 fields. */
static void test_default_pool_has_one_row_per_grant(void **state)
{
    pulje_inputs in;
    alloc_result r;
    diag_list dl;
    char *out;
    size_t rows = 0, grants = 0;

    (void)state;
    diag_init(&dl);
    assert_int_equal(run_load_inputs("inputs/pulje-2023.ini", NULL, &in, &dl), PULJE_OK);
    assert_int_equal(alloc_run(&in.pool, &in.apps, ALLOC_CLOSED_FORM, &r, &dl), 0);
    out = export(&in.pool, &in.apps, &r);
    for (size_t i = 0; i < r.n; i++)
        grants += r.lines[i].grant > 0;
    for (char *line = strstr(out, "\r\n") + 2; *line; line = strstr(line, "\r\n") + 2)
        rows++;
    assert_int_equal(grants, 62);
    assert_int_equal(rows, grants);
    assert_non_null(strstr(out, "\r\n360G-pulje-18-hovedpuljen-2023-3,Cykelværksted for unge,"));
    free(out);
    alloc_free(&r);
    inputs_free(&in);
    diag_free(&dl);
}

static void test_run_writes_the_export_beside_the_workbook(void **state)
{
    const char *build = getenv("BUILD");
    char dir[] = "/tmp/pulje-360-XXXXXX", cmd[1024], path[256];

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "%s/pulje run --closed-form -q --out %s", build ? build : "build",
             dir);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/18-hovedpuljen-2023-360giving.csv", dir);
    assert_int_equal(access(path, R_OK), 0);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_pool_gives_the_exact_bytes),
        cmocka_unit_test(test_pool_keys_name_the_funder_and_the_prefix),
        cmocka_unit_test(test_no_decision_date_is_refused),
        cmocka_unit_test(test_slug_folds_danish_letters_and_punctuation),
        cmocka_unit_test(test_pool_file_keys_are_read),
        cmocka_unit_test(test_default_pool_has_one_row_per_grant),
        cmocka_unit_test(test_run_writes_the_export_beside_the_workbook),
    };
    return cmocka_run_group_tests_name("opendata", tests, NULL, NULL);
}
