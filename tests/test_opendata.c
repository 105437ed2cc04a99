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

/* The default pool's whole awards: grants over all years (4.212.850 kr.)
 * plus the supplements (500.000 kr., paid in the grant year) = 4.712.850 kr.;
 * the grant year's grants plus supplements 3.757.050 kr. */
static void test_default_pool_awards_include_the_supplements(void **state)
{
    pulje_inputs in;
    alloc_result r;
    diag_list dl;
    char *out;
    pulje_kr csv_sum = 0, awards = 0, supplements = 0, year1 = 0, all_years = 0;

    (void)state;
    diag_init(&dl);
    assert_int_equal(run_load_inputs("inputs/pulje-2023.ini", NULL, &in, &dl), PULJE_OK);
    assert_int_equal(alloc_run(&in.pool, &in.apps, ALLOC_CLOSED_FORM, &r, &dl), 0);
    for (size_t i = 0; i < r.n; i++) {
        awards += opendata_award(&r, i);
        supplements += opendata_supplements(&r, i);
        year1 += r.lines[i].grant;
        all_years += r.lines[i].grant * (r.lines[i].years > 0 ? r.lines[i].years : 1);
    }
    assert_int_equal(opendata_award(&r, r.n), 0);
    assert_int_equal(supplements, 500000);
    assert_int_equal(year1 + supplements, 3757050);
    assert_int_equal(all_years, 4212850);
    assert_int_equal(awards, 4712850);
    out = export(&in.pool, &in.apps, &r);
    /* Amount Awarded is the 5th field; no earlier field of the default pool
     * holds a ',' inside quotes before it except the title, so walk fields */
    for (char *line = strstr(out, "\r\n") + 2; *line; line = strstr(line, "\r\n") + 2) {
        const char *c = line;
        for (int field = 0; field < 4; field++) {
            int quoted = *c == '"';
            if (quoted) {
                for (c++; *c && !(c[0] == '"' && c[1] != '"'); c += c[0] == '"' ? 2 : 1)
                    ;
                c++;
            }
            c = strchr(c, ',') + 1;
        }
        csv_sum += atoll(c);
    }
    assert_int_equal(csv_sum, 4712850);
    /* application 2: 50.000 kr. and a 50.000 kr. supplement, one year */
    assert_non_null(strstr(out, "\r\n360G-pulje-18-hovedpuljen-2023-2,Samtalegrupper for pårørende,"
                                "Tilskud fra § 18-Hovedpuljen 2023,DKK,100000,"));
    free(out);
    alloc_free(&r);
    inputs_free(&in);
    diag_free(&dl);
}

/* Every reason code in words, as explain says them. */
static void test_reasons_are_words(void **state)
{
    pool p;
    app a = {.nr = "1", .refusal = ""};
    alloc_line l = {.claim = 10000, .grant = 10000, .years_asked = 1, .years = 1};
    char buf[256];

    (void)state;
    memset(&p, 0, sizeof p);
    p.rule.min_grant = 5000;
    p.rule.max_grant = 80000;
    p.min_active_years = 5;
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf), "bevilget som indstillet");
    l.reduced = true;
    l.grant = 8000;
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf),
                        "reduceret efter puljens regel");
    l.capped = true;
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf),
                        "sat ned til højeste tilskud (80.000 kr.)");
    l.capped = false;
    l.years_asked = 3;
    l.my = MY_TOO_YOUNG;
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf),
                        "reduceret efter puljens regel; Etårig: under 5 års aktivitet");
    l = (alloc_line){.grant = 0, .refused = true, .why = ALLOC_REFUSE_PANEL, .years_asked = 1};
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf), "indstillet 0 kr.");
    a.refusal = "Uden for formålet";
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf), "Uden for formålet");
    a.refusal = "";
    l.why = ALLOC_REFUSE_HOLDER;
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf),
                        "har en løbende flerårig bevilling");
    l.why = ALLOC_REFUSE_MIN_GRANT;
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf),
                        "under minimumsbeløbet (5.000 kr.)");
    l.why = ALLOC_REFUSE_ROUNDED;
    l.share_num = 40;
    l.share_den = 1;
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf), "afrundet til 0 kr.");
    l.share_num = 0;
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf),
                        "reglen giver en andel på 0 kr.");
    assert_int_equal(labels_set_language("en"), 0);
    assert_string_equal(opendata_reason(&p, &a, &l, buf, sizeof buf),
                        "the rule gives a share of DKK 0");
    assert_int_equal(labels_set_language("da"), 0);
    /* truncation is safe */
    assert_string_equal(opendata_reason(&p, &a, &l, buf, 6), "regle");
}

/* The JSON of the small pool, byte for byte: escaping, the 3-year grant's
 * three commitment transactions, the refusal left out. */
static void test_small_pool_json_gives_the_exact_bytes(void **state)
{
    pool p;
    app a[3];
    app_list apps;
    alloc_line lines[3];
    alloc_result r;
    char *buf = NULL, err[256] = "";
    size_t len = 0;
    FILE *fp;

    (void)state;
    small_pool(&p, a, &apps, lines, &r);
    a[1].activity = "Mad\tog \\ \"samvær\"";
    fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    assert_int_equal(opendata_write_360giving_json_stream(fp, &p, &apps, &r, err, sizeof err), 0);
    assert_int_equal(fclose(fp), 0);
    assert_string_equal(buf,
        "{\n  \"grants\": [\n"
        "    {\n"
        "      \"id\": \"360G-pulje-18-puljen-2024-1\",\n"
        "      \"title\": \"Lektiecafé\",\n"
        "      \"description\": \"Tilskud fra § 18-Puljen 2024\",\n"
        "      \"currency\": \"DKK\",\n"
        "      \"amountAwarded\": 10000,\n"
        "      \"awardDate\": \"2023-12-12\",\n"
        "      \"recipientOrganization\": [{\"id\": \"DK-CVR-12345678\", \"name\": \"Gode Naboer\"}],\n"
        "      \"fundingOrganization\": [{\"id\": \"360G-pulje-socialudvalget\", \"name\": \"Socialudvalget\"}],\n"
        "      \"plannedDates\": [{\"startDate\": \"2024-01-01\", \"endDate\": \"2024-12-31\", \"duration\": 12}],\n"
        "      \"commitmentTransaction\": [\n"
        "        {\"id\": \"360G-pulje-18-puljen-2024-1-2024\", \"transactionDate\": \"2024-01-01\", "
        "\"currency\": \"DKK\", \"value\": 10000, \"description\": \"Tilskud 2024\"}\n"
        "      ]\n"
        "    },\n"
        "    {\n"
        "      \"id\": \"360G-pulje-18-puljen-2024-2\",\n"
        "      \"title\": \"Mad\\u0009og \\\\ \\\"samvær\\\"\",\n"
        "      \"description\": \"Flerårigt tilskud fra § 18-Puljen 2024: 20.000 kr. om året i 3 år\",\n"
        "      \"currency\": \"DKK\",\n"
        "      \"amountAwarded\": 60000,\n"
        "      \"awardDate\": \"2023-12-12\",\n"
        "      \"recipientOrganization\": [{\"id\": \"360G-pulje-foreningen-oe-vest\", "
        "\"name\": \"Foreningen \\\"Ø\\\", Vest\"}],\n"
        "      \"fundingOrganization\": [{\"id\": \"360G-pulje-socialudvalget\", \"name\": \"Socialudvalget\"}],\n"
        "      \"plannedDates\": [{\"startDate\": \"2024-01-01\", \"endDate\": \"2026-12-31\", \"duration\": 36}],\n"
        "      \"commitmentTransaction\": [\n"
        "        {\"id\": \"360G-pulje-18-puljen-2024-2-2024\", \"transactionDate\": \"2024-01-01\", "
        "\"currency\": \"DKK\", \"value\": 20000, \"description\": \"Tilskud 2024\"},\n"
        "        {\"id\": \"360G-pulje-18-puljen-2024-2-2025\", \"transactionDate\": \"2025-01-01\", "
        "\"currency\": \"DKK\", \"value\": 20000, \"description\": \"Tilskud 2025\"},\n"
        "        {\"id\": \"360G-pulje-18-puljen-2024-2-2026\", \"transactionDate\": \"2026-01-01\", "
        "\"currency\": \"DKK\", \"value\": 20000, \"description\": \"Tilskud 2026\"}\n"
        "      ]\n"
        "    }\n"
        "  ]\n}\n");
    free(buf);
}

/* The default pool's JSON passes the schema in tests/data (python3-jsonschema),
 * its awards and transactions sum to 4.712.850 kr.; a broken copy fails. */
static void test_run_writes_json_that_passes_the_schema(void **state)
{
    const char *build = getenv("BUILD");
    char dir[] = "/tmp/pulje-360j-XXXXXX", cmd[2048], out[1024];
    int rc;

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "%s/pulje run -q --out %s 2>/dev/null", build ? build : "build", dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 tests/json_check.py tests/data/360giving-grant-schema.json "
             "%s/18-hovedpuljen-2023-360giving.json 2>&1", dir);
    rc = test_run(cmd, out, sizeof out);
    if (rc == 77) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        assert_int_equal(system(cmd), 0);
        skip(); /* apt-get install python3-jsonschema */
    }
    assert_int_equal(rc, 0);
    assert_string_equal(out, "ok 62 4712850 4712850\n");
    /* the check can fail: an amount as text, a transaction that does not add up */
    snprintf(cmd, sizeof cmd,
             "sed 's/\"amountAwarded\": 21500/\"amountAwarded\": \"21500\"/' "
             "%s/18-hovedpuljen-2023-360giving.json > %s/bad.json && /usr/bin/python3 "
             "tests/json_check.py tests/data/360giving-grant-schema.json %s/bad.json 2>&1",
             dir, dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 1);
    assert_non_null(strstr(out, "invalid: '21500' is not of type 'integer' at grants/0/amountAwarded"));
    snprintf(cmd, sizeof cmd,
             "sed 's/\"amountAwarded\": 21500/\"amountAwarded\": 21600/' "
             "%s/18-hovedpuljen-2023-360giving.json > %s/bad.json && /usr/bin/python3 "
             "tests/json_check.py tests/data/360giving-grant-schema.json %s/bad.json 2>&1",
             dir, dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 1);
    assert_non_null(strstr(out, "transactions 21500 != amountAwarded 21600"));
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
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
        cmocka_unit_test(test_default_pool_awards_include_the_supplements),
        cmocka_unit_test(test_reasons_are_words),
        cmocka_unit_test(test_small_pool_json_gives_the_exact_bytes),
        cmocka_unit_test(test_run_writes_json_that_passes_the_schema),
    };
    return cmocka_run_group_tests_name("opendata", tests, NULL, NULL);
}
