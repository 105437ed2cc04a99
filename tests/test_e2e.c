/* test_e2e.c - The main job end to end: the default pool in, the workbook read back.
 *
 * Runs the built program ($BUILD/pulje) on inputs/pulje-2023.ini, reads the
 * workbook with tests/xlsx_dump.py (Debian's python3-openpyxl) and asserts
 * the economy table of the 2023 minutes to the krone, and that the summary
 * sheet (Resumé) agrees with it. Also checks that bad
 * input exits with 2, names file, line and column, and writes nothing. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "table.h"

#define MAX_CELLS 20000

typedef struct {
    char sheet[64], ref[16], value[512], formula[512];
} cell;

static cell *cells;
static size_t n_cells;
static char outdir[256];
static char prog[512];

/* Load every cell of a workbook through the dump script. */
static void load_workbook(const char *path)
{
    char cmd[1024], line[2048];
    FILE *f;
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 tests/xlsx_dump.py '%s'", path);
    f = popen(cmd, "r");
    assert_non_null(f);
    n_cells = 0;
    while (fgets(line, sizeof line, f) && n_cells < MAX_CELLS) {
        cell *c = &cells[n_cells];
        char *fields[4] = {0};
        int k = 0;
        /* split by hand, keeping empty fields */
        fields[0] = line;
        for (char *p = line; *p && k < 3; p++) {
            if (*p == '\t') {
                *p = '\0';
                fields[++k] = p + 1;
            }
        }
        for (int j = 0; j <= k; j++) {
            char *nl = strchr(fields[j], '\n');
            if (nl)
                *nl = '\0';
        }
        if (k < 2)
            continue;
        snprintf(c->sheet, sizeof c->sheet, "%.63s", fields[0]);
        snprintf(c->ref, sizeof c->ref, "%.15s", fields[1]);
        snprintf(c->value, sizeof c->value, "%.511s", fields[2]);
        snprintf(c->formula, sizeof c->formula, "%.511s", k >= 3 ? fields[3] : "");
        n_cells++;
    }
    assert_int_equal(pclose(f), 0);
    assert_true(n_cells > 100);
}

/* The cell in column B on the row whose column A reads label, in sheet. */
static const cell *beside(const char *sheet, const char *label)
{
    for (size_t i = 0; i < n_cells; i++) {
        if (strcmp(cells[i].sheet, sheet) == 0 && cells[i].ref[0] == 'A' &&
            strcmp(cells[i].value, label) == 0) {
            char want[16];
            snprintf(want, sizeof want, "B%s", cells[i].ref + 1);
            for (size_t j = 0; j < n_cells; j++)
                if (strcmp(cells[j].sheet, sheet) == 0 && strcmp(cells[j].ref, want) == 0)
                    return &cells[j];
        }
    }
    print_message("no row labelled '%s' in sheet %s\n", label, sheet);
    fail();
    return NULL;
}

static long long amount_beside(const char *sheet, const char *label)
{
    return atoll(beside(sheet, label)->value);
}

static int setup(void **state)
{
    char buf[8192], cmd[1024];
    (void)state;
    snprintf(prog, sizeof prog, "%s/pulje", test_build_dir());
    snprintf(outdir, sizeof outdir, "/tmp/pulje-e2e-XXXXXX");
    if (!mkdtemp(outdir))
        return -1;
    cells = calloc(MAX_CELLS, sizeof *cells);
    snprintf(cmd, sizeof cmd, "%s run inputs/pulje-2023.ini --out %s 2>&1", prog, outdir);
    if (test_run(cmd, buf, sizeof buf) != 0) {
        fprintf(stderr, "%s\n", buf);
        return -1;
    }
    return cells ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[512], buf[256];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", outdir);
    test_run(cmd, buf, sizeof buf);
    free(cells);
    return 0;
}

static void test_default_pool_economy_table_matches_the_2023_minutes(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/18-hovedpuljen-2023.xlsx", outdir);
    load_workbook(path);
    const char *S = "Økonomi";
    assert_int_equal(amount_beside(S, "Frie midler afsat til § 18-Hovedpuljen, Budget 2023"), 6318216);
    assert_int_equal(amount_beside(S, "Ubrugte midler i Udviklingspuljen 2022 og før"), 53373);
    assert_int_equal(amount_beside(S, "Samlet rådighedsbeløb til § 18-Hovedpuljen 2023"), 6871589);
    assert_int_equal(amount_beside(S, "Reserveret allerede bevilgede flerårige tilskud fra Hovedpuljen 2022"),
                     2179031);
    assert_int_equal(amount_beside(S, "Reserveret til Driftsaftale Frivilligcenter Odense 2022-2024"),
                     935480);
    long long granted = amount_beside(S, "Indstillede tilskud fra Hovedpuljen 2023 i alt");
    long long residual = amount_beside(S, "Restmidler overføres til Udviklingspuljen 2023");
    assert_int_equal(granted + residual, 3257078);
    assert_true(residual >= 0 && residual < 100 * 68);
    assert_int_equal(amount_beside(S, "§ 18-Hovedpuljen 2023 indstillet"), 6871589);
    /* the totals are formulas, stored with their values */
    assert_non_null(strstr(beside(S, "Samlet rådighedsbeløb til § 18-Hovedpuljen 2023")->formula, "SUM("));
    assert_non_null(strstr(beside(S, "§ 18-Hovedpuljen 2023 indstillet")->formula, "SUM("));
    assert_int_equal(amount_beside(S, "Kontrol: difference (skal være 0)"), 0);
}

static void test_default_pool_overview_sums_to_the_granted_total(void **state)
{
    (void)state;
    long long sum = 0, total = -1;
    int rows = 0;
    char grant_col = 0;
    const char *O = "Samlet oversigt";
    for (size_t i = 0; i < n_cells; i++)
        if (strcmp(cells[i].sheet, O) == 0 && strcmp(cells[i].value, "Indstillet tilskud (kr.)") == 0)
            grant_col = cells[i].ref[0];
    assert_true(grant_col != 0);
    for (size_t i = 0; i < n_cells; i++) {
        if (strcmp(cells[i].sheet, O) != 0 || cells[i].ref[0] != grant_col)
            continue;
        if (cells[i].formula[0] && strstr(cells[i].formula, "SUM(")) {
            total = atoll(cells[i].value);
        } else if (atoi(cells[i].ref + 1) > 3) {
            sum += atoll(cells[i].value);
            rows++;
        }
    }
    assert_int_equal(rows, 68);
    assert_int_equal(sum, total);
    assert_int_equal(total, amount_beside("Økonomi", "Indstillede tilskud fra Hovedpuljen 2023 i alt"));
}


/* The value in `col` on the row whose column A reads label. */
static const cell *in_column(const char *sheet, const char *label, char col)
{
    for (size_t i = 0; i < n_cells; i++) {
        if (strcmp(cells[i].sheet, sheet) == 0 && cells[i].ref[0] == 'A' &&
            strcmp(cells[i].value, label) == 0) {
            char want[16];
            snprintf(want, sizeof want, "%c%s", col, cells[i].ref + 1);
            for (size_t j = 0; j < n_cells; j++)
                if (strcmp(cells[j].sheet, sheet) == 0 && strcmp(cells[j].ref, want) == 0)
                    return &cells[j];
        }
    }
    print_message("no %c beside '%s' in sheet %s\n", col, label, sheet);
    fail();
    return NULL;
}

/* The summary (Resumé, the first sheet) agrees with the economy table and
 * Bilag 1: the same granted total, and the size bands add up to it. */
static void test_default_pool_summary_agrees_with_the_economy_table(void **state)
{
    (void)state;
    const char *R = "Resumé";
    long long granted = amount_beside(R, "Indstillede tilskud i alt (kr.)");
    int first = 0;

    /* the dump's "sheet <index> <name>" lines load as cells of sheet "sheet" */
    for (size_t i = 0; i < n_cells; i++)
        if (strcmp(cells[i].sheet, "sheet") == 0 && strcmp(cells[i].ref, "0") == 0)
            first = strcmp(cells[i].value, R) == 0;
    assert_true(first);
    assert_int_equal(granted,
                     amount_beside("Økonomi", "Indstillede tilskud fra Hovedpuljen 2023 i alt"));
    assert_string_equal(beside(R, "Indstillede tilskud i alt (kr.)")->formula,
                        "='Samlet oversigt'!H72");
    assert_int_equal(amount_beside(R, "Samlet rådighedsbeløb (kr.)"), 6871589);
    assert_int_equal(amount_beside(R, "Reserveret til tilsagn og aftaler (kr.)"), 3114511);
    assert_int_equal(amount_beside(R, "Øremærkede midler (kr.)"), 500000);
    assert_int_equal(amount_beside(R, "Til rådighed for nye tilskud (kr.)"), 3257078);
    assert_string_equal(beside(R, "Til rådighed for nye tilskud (kr.)")->formula, "=B11-B12-B13");
    assert_int_equal(amount_beside(R, "Restmidler (kr.)"), 28);
    assert_int_equal(amount_beside(R, "Restmidler (kr.)"),
                     amount_beside("Økonomi", "Restmidler overføres til Udviklingspuljen 2023"));
    /* the earmark: 500.000 kr. set aside and handed out as supplements */
    assert_int_equal(amount_beside(R, "Tillæg af øremærkede midler (kr.)"), 500000);
    assert_int_equal(amount_beside(R, "Tilskud og tillæg i alt (kr.)"), granted + 500000);
    assert_int_equal(amount_beside(R, "Tilskud og tillæg i alt (kr.)"), 3757050);
    assert_int_equal(amount_beside(R, "Antal ansøgninger"), 68);
    assert_int_equal(amount_beside(R, "Antal tilskud"), 62);
    assert_int_equal(amount_beside(R, "Heraf reduceret"), 24);
    assert_int_equal(amount_beside(R, "Antal afslag"), 6);
    assert_int_equal(amount_beside(R, "Ansøgt om flerårig bevilling"), 12);
    assert_int_equal(amount_beside(R, "Heraf imødekommet"), 9);
    assert_string_equal(beside(R, "Reduktionsfaktor")->value, "0.645208");
    assert_string_equal(beside(R, "Tildelt / indstillet")->formula, "=IF(B23=0,0,B15/B23)");
    /* one list of key figures: every figure under Økonomi's table is on the
     * Resumé too, with the same label and the same value */
    {
        size_t shared = 0;
        int below = 0;
        for (size_t i = 0; i < n_cells; i++) {
            if (strcmp(cells[i].sheet, "Økonomi") != 0 || cells[i].ref[0] != 'A')
                continue;
            if (strcmp(cells[i].value, "Afrundingsenhed (kr.)") == 0)
                below = 1; /* the key figures start after the rule and the rounding unit */
            else if (below && strcmp(cells[i].value, "Beslutningsdato") != 0) {
                assert_string_equal(beside(R, cells[i].value)->value,
                                    beside("Økonomi", cells[i].value)->value);
                shared++;
            }
        }
        assert_int_equal(shared, 12);
    }
    /* the bands: I alt is the granted total, the check row is 0 throughout */
    assert_int_equal(atoll(in_column(R, "I alt", 'E')->value), granted);
    assert_non_null(strstr(in_column(R, "I alt", 'E')->formula, "=SUM("));
    assert_int_equal(atoll(in_column(R, "I alt", 'B')->value), 68);
    for (char c = 'B'; c <= 'E'; c++)
        assert_string_equal(
            in_column(R, "Kontrol: I alt minus nøgletallene ovenfor (skal være 0)", c)->value, "0");
}

static void test_default_pool_binds_multi_year_grants_under_the_cap(void **state)
{
    (void)state;
    const char *S = "Flerårige";
    /* 2023: old commitments from the ledger 2.179.031 + this round's new ones */
    assert_int_equal(atoll(in_column(S, "Tidligere flerårige tilsagn (kr.)", 'B')->value), 2179031);
    assert_int_equal(atoll(in_column(S, "Loft (kr.)", 'B')->value), 3779373);
    long long bound = atoll(in_column(S, "Bundet i alt (kr.)", 'B')->value);
    long long fresh = atoll(in_column(S, "Nye flerårige tilsagn (kr.)", 'B')->value);
    assert_int_equal(bound, 2179031 + fresh);
    assert_true(bound <= 3779373);
    for (char c = 'B'; c <= 'D'; c++)
        assert_string_equal(in_column(S, "Loftet er overholdt", c)->value, "Ja");
    assert_non_null(strstr(in_column(S, "Nye flerårige tilsagn (kr.)", 'C')->formula, "SUMIFS("));
}

static void test_default_pool_hands_out_the_500000_earmark_exactly(void **state)
{
    (void)state;
    const char *S = "Tillæg trivsel";
    assert_int_equal(atoll(in_column(S, "I alt", 'I')->value), 500000);
    int outs = 0;
    for (size_t i = 0; i < n_cells; i++)
        if (strcmp(cells[i].sheet, "Økonomi") == 0 &&
            strcmp(cells[i].value, "Midler til mental trivsel 12-25 år") == 0)
            outs++;
    assert_int_equal(outs, 2); /* in among the budget lines and out as supplements */
    for (size_t i = 0; i < n_cells; i++)
        assert_null(strstr(cells[i].value, "Ikke uddelte midler fra"));
}

/* The 2023 run writes next year's ledger; a 2024 run on it reserves exactly
 * what 2023 bound for 2024: old commitments + this round's new ones. */
static void test_next_years_run_reserves_what_this_year_committed(void **state)
{
    (void)state;
    char cmd[4096], buf[8192], dir[512], path[600];
    long long bound_2024 = atoll(in_column("Flerårige", "Bundet i alt (kr.)", 'C')->value);
    snprintf(dir, sizeof dir, "%s/y2024", outdir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s && sed -e 's/^year          = 2023/year          = 2024/' "
             "-e 's|^ledger        = forpligtelser.csv|ledger        = %s/18-hovedpuljen-2023-forpligtelser.csv|' "
             "-e 's|^applications  = ansoegninger-2023.csv|applications  = %s/inputs/ansoegninger-2023.csv|' "
             "-e 's/^min_active_years = 5/min_active_years = 5\\nrunning_holders = set_aside/' "
             "inputs/pulje-2023.ini > %s/pool.ini && %s run %s/pool.ini -q --out %s/out 2>&1",
             dir, outdir, getenv("PWD") ? getenv("PWD") : ".", dir, prog, dir, dir);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
    snprintf(path, sizeof path, "%s/out/18-hovedpuljen-2024.xlsx", dir);
    load_workbook(path);
    assert_int_equal(amount_beside("Økonomi",
                                   "Reserveret allerede bevilgede flerårige tilskud fra Hovedpuljen 2023"),
                     bound_2024);
    assert_int_equal(amount_beside("Økonomi",
                                   "Reserveret til Driftsaftale Frivilligcenter Odense 2022-2024"),
                     935480);
    /* reload the 2023 workbook for the tests that follow */
    snprintf(path, sizeof path, "%s/18-hovedpuljen-2023.xlsx", outdir);
    load_workbook(path);
}

/* Every formula, recomputed from the cached values it refers to, gives its
 * own cached value: the workbook reads the same before and after Excel
 * recalculates it. Run on the committee workbook and the comparison. */
static void test_every_formula_agrees_with_its_cached_value(void **state)
{
    (void)state;
    char cmd[4096], buf[16384];
    snprintf(cmd, sizeof cmd,
             "%s compare inputs/pulje-2023.ini -q --out %s/cmp 2>&1 && "
             "/usr/bin/python3 tests/xlsx_check.py %s/18-hovedpuljen-2023.xlsx 2>&1 && "
             "/usr/bin/python3 tests/xlsx_check.py %s/cmp/18-hovedpuljen-2023-sammenligning.xlsx 2>&1",
             prog, outdir, outdir, outdir);
    int rc = test_run(cmd, buf, sizeof buf);
    if (rc != 0)
        print_message("%s\n", buf);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(buf, " 0 disagree, 0 not checked"));
}

/* Sweeping the multi-year cap: below the old commitments nothing new is
 * bound; at 45 % everything the default pool asks for fits. */
static void test_compare_sweeps_the_multi_year_cap(void **state)
{
    (void)state;
    char cmd[4096], buf[8192], path[600];
    snprintf(cmd, sizeof cmd, "%s compare inputs/pulje-2023.ini --sweep cap:30:70:5 -q --out %s/capsweep 2>&1",
             prog, outdir);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
    snprintf(path, sizeof path, "%s/capsweep/18-hovedpuljen-2023-sammenligning.xlsx", outdir);
    load_workbook(path);
    assert_string_equal(in_column("Følsomhed", "Loft for flerårige (%)", 'A')->value,
                        "Loft for flerårige (%)");
    long long at30 = -1, at45 = -1;
    for (size_t i = 0; i < n_cells; i++) {
        if (strcmp(cells[i].sheet, "Følsomhed") != 0)
            continue;
        if (strcmp(cells[i].ref, "D4") == 0)
            at30 = atoll(cells[i].value);
        if (strcmp(cells[i].ref, "D7") == 0)
            at45 = atoll(cells[i].value);
    }
    assert_int_equal(at30, 2179031);
    assert_int_equal(at45, 2900531);
    snprintf(path, sizeof path, "%s/18-hovedpuljen-2023.xlsx", outdir);
    load_workbook(path);
}

static void test_decisions_csv_is_written_beside_the_workbook(void **state)
{
    (void)state;
    char path[512];
    struct stat st;
    snprintf(path, sizeof path, "%s/18-hovedpuljen-2023-afgoerelser.csv", outdir);
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size > 1000);
}

/* The decisions CSV read back with the project's own table reader. */
static const table_column decision_cols[] = {
    {"nr", "Nr", {NULL}, true, "number"},
    {"grant", "Indstillet tilskud", {NULL}, true, "the grant year's grant"},
    {"status", "Status", {NULL}, true, "bevilget, reduceret, afslag"},
    {"supp", "Tillæg: trivsel (kr.)", {NULL}, true, "the supplement"},
    {"asked", "Antal år (søgt)", {NULL}, true, "years asked"},
    {"years", "Antal år (bevilget)", {NULL}, true, "years granted"},
    {"per_year", "Tilskud pr. år", {NULL}, true, "grant per year"},
    {"reason", "Begrundelse", {NULL}, true, "the reason in words"},
    {"total", "I alt (alle år, med tillæg)", {NULL}, true, "the whole award"},
    {"cvr", "CVR", {NULL}, false, ""},
    {"assoc", "Forening", {NULL}, false, ""},
    {"act", "Indsats", {NULL}, false, ""},
    {"applied", "Ansøgt", {NULL}, false, ""},
    {"assessed", "Indstillet", {NULL}, false, ""},
    {"red", "Reduktion", {NULL}, false, ""},
    {"refusal", "Afslag/begrundelse", {NULL}, false, ""},
    {NULL, NULL, {NULL}, false, NULL},
};

typedef struct decision_sums {
    size_t rows, refused, reduced, multi;
    pulje_kr grants, supplements, totals, per_year_x_years;
} decision_sums;

static int decision_row(table *t, const table_row *row, void *ctx)
{
    decision_sums *s = ctx;
    pulje_kr g = 0, sp = 0, tot = 0, py = 0, yrs = 0;

    assert_true(table_amount(t, row->cell[1], &g));
    assert_true(table_amount(t, row->cell[3], &sp));
    assert_true(table_amount(t, row->cell[8], &tot));
    assert_true(table_amount(t, row->cell[6], &py));
    assert_true(table_amount(t, row->cell[5], &yrs));
    s->rows++;
    s->grants += g;
    s->supplements += sp;
    s->totals += tot;
    s->per_year_x_years += py * yrs;
    assert_int_equal(tot, py * yrs + sp);
    if (strcmp(row->cell[2]->s, "afslag") == 0) {
        s->refused++;
        assert_true(row->cell[7]->len > 0); /* a refusal always says why */
    }
    if (strcmp(row->cell[2]->s, "reduceret") == 0) {
        s->reduced++;
        assert_non_null(strstr(row->cell[7]->s, "reduceret efter puljens regel"));
    }
    s->multi += yrs > 1;
    return 0;
}

/* Done-when figures of issue 16: the 2023 grants plus supplements are
 * 3.257.050 + 500.000 = 3.757.050 kr.; the whole awards over all years with
 * supplements 4.712.850 kr. (4.212.850 kr. of grants over all years). */
/* The README's `make run` output is what the program prints on the default
 * pool, to the byte: the warning first, then the summary grouped by money,
 * applications and multi-year grants, then the files written (no digests
 * without --verbose). Run in a copy of inputs/, so that the paths are the
 * README's. */
static void test_readme_summary_is_the_program_output(void **state)
{
    static char readme[1 << 17], out[16384], cmd[8192], cwd[2048];
    char dir[] = "/tmp/pulje-e2e-readme-XXXXXX";
    FILE *f = fopen("README.md", "rb");
    size_t n;
    (void)state;

    assert_non_null(f);
    n = fread(readme, 1, sizeof readme - 1, f);
    fclose(f);
    readme[n] = '\0';
    const char *at = strstr(readme, "see *Every run kept*):\n\n```\n");
    assert_non_null(at);
    at = strchr(strstr(at, "```"), '\n') + 1;
    const char *end = strstr(at, "```\n");
    assert_non_null(end);
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd,
             "cp -r inputs %s/ && cd %s && %s%s%s run inputs/pulje-2023.ini --out outputs 2>&1",
             dir, dir, prog[0] == '/' ? "" : cwd, prog[0] == '/' ? "" : "/", prog);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    if (strlen(out) != (size_t)(end - at) || memcmp(out, at, (size_t)(end - at)) != 0)
        fail_msg("the README shows:\n%.*s\nthe program prints:\n%s", (int)(end - at), at, out);
    /* the exact figures, line by line */
    assert_non_null(strstr(out, "\nMidler\n  Samlet rådighedsbeløb              6.871.589 kr.\n"));
    assert_non_null(strstr(out, "  Til rådighed for nye tilskud       3.257.078 kr.\n"));
    assert_non_null(strstr(out, "  Indstillede tilskud i alt          3.257.050 kr.\n"));
    assert_non_null(strstr(out, "  Restmidler                                28 kr.\n"));
    assert_non_null(strstr(out, "  Reduktionsfaktor                      0,6452      (-35,5 %)\n"));
    assert_non_null(strstr(out, "  Bundet i flerårige tilsagn 2025      234.300 kr.   3,4 % (loft 55 %)\n"));
    assert_null(strstr(out, "sha256"));
    assert_true(strncmp(out, "advarsel: ", 10) == 0);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    test_run(cmd, out, sizeof out);
}

static void test_decisions_csv_carries_supplements_years_and_totals(void **state)
{
    (void)state;
    char path[512];
    decision_sums s = {0};
    diag_list dl;

    diag_init(&dl);
    snprintf(path, sizeof path, "%s/18-hovedpuljen-2023-afgoerelser.csv", outdir);
    table_spec spec = {decision_cols, "decision", "decisions", false};
    assert_int_equal(table_read(&spec, NULL, 0, path, NULL, decision_row, &s, &dl), 0);
    assert_int_equal(s.rows, 68);
    assert_int_equal(s.refused, 6);
    assert_int_equal(s.reduced, 24);
    assert_int_equal(s.multi, 9);
    assert_int_equal(s.grants, 3257050);
    assert_int_equal(s.supplements, 500000);
    assert_int_equal(s.grants + s.supplements, 3757050);
    assert_int_equal(s.per_year_x_years, 4212850);
    assert_int_equal(s.totals, 4712850);
    diag_free(&dl);
}

static void test_closed_form_run_gives_identical_files(void **state)
{
    (void)state;
    char cmd[4096], buf[8192], dir2[512];
    snprintf(dir2, sizeof dir2, "%s/closed", outdir);
    snprintf(cmd, sizeof cmd, "%s run inputs/pulje-2023.ini --closed-form -q --out %s 2>&1", prog, dir2);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
    snprintf(cmd, sizeof cmd,
             "cmp %s/18-hovedpuljen-2023-afgoerelser.csv %s/18-hovedpuljen-2023-afgoerelser.csv 2>&1 && "
             "cmp %s/18-hovedpuljen-2023.xlsx %s/18-hovedpuljen-2023.xlsx 2>&1",
             outdir, dir2, outdir, dir2);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
}

static void test_bad_amount_exits_2_names_the_place_and_writes_nothing(void **state)
{
    (void)state;
    char cmd[4096], buf[8192], dir[512];
    snprintf(dir, sizeof dir, "%s/bad", outdir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s/in && sed 's/^Ubrugte midler i Udviklingspuljen 2022 og før *= 53.373/"
             "Ubrugte midler = 53.37x/' inputs/pulje-2023.ini > %s/in/pool.ini && "
             "cp inputs/ansoegninger-2023.csv %s/in/ && %s run %s/in/pool.ini --out %s/out 2>&1",
             dir, dir, dir, prog, dir, dir);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 2);
    assert_non_null(strstr(buf, "pool.ini:23:18: fejl"));
    assert_non_null(strstr(buf, "53.37x"));
    snprintf(cmd, sizeof cmd, "ls -A %s/out 2>/dev/null | wc -l", dir);
    test_run(cmd, buf, sizeof buf);
    assert_int_equal(atoi(buf), 0);
}

static void test_missing_pool_file_exits_2(void **state)
{
    (void)state;
    char cmd[1024], buf[4096];
    snprintf(cmd, sizeof cmd, "%s run /nonexistent/pool.ini --out %s/none 2>&1", prog, outdir);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 2);
    assert_non_null(strstr(buf, "/nonexistent/pool.ini"));
}

static void test_help_lists_the_exit_codes(void **state)
{
    (void)state;
    char cmd[1024], buf[8192];
    snprintf(cmd, sizeof cmd, "%s --help", prog);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
    assert_non_null(strstr(buf, "Afslutningskoder")); /* Danish by default */
    snprintf(cmd, sizeof cmd, "%s --help --lang en", prog);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
    assert_non_null(strstr(buf, "Exit codes")); /* --lang after --help counts */
    snprintf(cmd, sizeof cmd, "%s frobnicate 2>&1", prog);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 2);
}

/* Every warning is printed, also with -q, each line starting "advarsel:"
 * ("warning:" with --lang en), by check and by run. */
static void test_warnings_are_printed_even_with_quiet(void **state)
{
    (void)state;
    char cmd[2048], out[16384];
    const char *w = "inputs/ansoegninger-2023.csv:18:15: tillægget fra [earmark trivsel] "
                    "(32.000 kr.) er større end det indstillede tilskud (30.000 kr.)";
    const char *w_en = "inputs/ansoegninger-2023.csv:18:15: the supplement from [earmark trivsel] "
                       "(DKK 32,000) is larger than the grant assessed (DKK 30,000)";
    char want[512];

    snprintf(cmd, sizeof cmd, "%s check inputs/pulje-2023.ini -q 2>&1", prog);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(want, sizeof want, "advarsel: %s\n", w);
    assert_int_equal(strncmp(out, want, strlen(want)), 0);
    snprintf(cmd, sizeof cmd, "%s run inputs/pulje-2023.ini -q --out %s/quiet 2>&1", prog, outdir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_int_equal(strncmp(out, want, strlen(want)), 0);
    snprintf(cmd, sizeof cmd, "%s check inputs/pulje-2023.ini -q --lang en 2>&1", prog);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(want, sizeof want, "warning: %s\n", w_en);
    assert_int_equal(strncmp(out, want, strlen(want)), 0);
    /* without -q check says how many */
    snprintf(cmd, sizeof cmd, "%s check inputs/pulje-2023.ini 2>/dev/null", prog);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "68 ansøgninger, ingen fejl, advarsler: 1 (nedenfor)\n"));
    snprintf(cmd, sizeof cmd, "%s check inputs/pulje-2023.ini --lang en 2>/dev/null", prog);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "68 applications, no errors, 1 warning (below)\n"));
}

/* The workbook lists the run's warnings on the Resumé, by file name, among the notes. */
static void test_workbook_lists_the_warnings_on_the_summary(void **state)
{
    (void)state;
    int heading = 0, warning = 0;
    for (size_t i = 0; i < n_cells; i++) {
        if (strcmp(cells[i].sheet, "Resumé") != 0 || cells[i].ref[0] != 'A')
            continue;
        heading += strcmp(cells[i].value, "Bemærkninger") == 0;
        warning += strcmp(cells[i].value,
                          "Advarsel fra kørslen: ansoegninger-2023.csv:18: tillægget fra "
                          "[earmark trivsel] (32.000 kr.) er større end det indstillede tilskud "
                          "(30.000 kr.) (kontrollér tillægget: det lægges oven i tilskuddet og "
                          "er som regel det mindste)") == 0;
    }
    assert_int_equal(heading, 1);
    assert_int_equal(warning, 1);
}

/* Write a small pool into dir: pool.ini and apps.csv with the given rows. */
static void small_pool(const char *dir, const char *rows)
{
    char cmd[8192], buf[1024];
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s && cd %s && printf '[pool]\\nname = Testpuljen\\nyear = 2024\\n"
             "decision_date = 2023-12-13\\napplications = apps.csv\\n[budget]\\nB = 1.000.000\\n' "
             "> pool.ini && printf 'Nr;CVR;Forening;Indsats;Ansøgt;Indstillet;Afslag\\n%s' > apps.csv",
             dir, dir, rows);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
}

/* Text a spreadsheet would take for a formula gets an apostrophe in every
 * CSV pulje writes: the decisions and the 360Giving open data alike. */
static void test_every_csv_neutralises_formula_text(void **state)
{
    (void)state;
    char dir[512], cmd[2048], out[8192], path[700];
    static const char *const csvs[] = {"testpuljen-2024-afgoerelser.csv",
                                       "testpuljen-2024-360giving.csv"};
    snprintf(dir, sizeof dir, "%s/formula", outdir);
    small_pool(dir, "1;;=HYPERLINK(1);Aktivitet;50.000;40.000;\\n"
                    "2;;+Forening;@SUM(A1);50.000;40.000;\\n"
                    "3;;-Forening;Aktivitet C;50.000;40.000;\\n");
    snprintf(cmd, sizeof cmd, "%s run %s/pool.ini -q --out %s/out 2>&1", prog, dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    for (size_t k = 0; k < 2; k++) {
        FILE *f;
        size_t n;
        static char text[65536];
        snprintf(path, sizeof path, "%s/out/%s", dir, csvs[k]);
        f = fopen(path, "rb");
        assert_non_null(f);
        n = fread(text, 1, sizeof text - 1, f);
        text[n] = '\0';
        fclose(f);
        assert_non_null(strstr(text, "'=HYPERLINK(1)"));
        assert_non_null(strstr(text, "'+Forening"));
        assert_non_null(strstr(text, "'-Forening"));
        assert_non_null(strstr(text, "'@SUM(A1)"));
        for (const char *c = text; (c = strstr(c, "HYPERLINK")) != NULL; c++)
            assert_int_equal(c[-1], '=');
        for (const char *c = text; (c = strstr(c, "=HYPERLINK")) != NULL; c++)
            assert_int_equal(c[-1], '\'');
    }
}

/* A file-size limit (ulimit -f) is exit 4 with a message, not death by
 * SIGXFSZ; the previous outputs stay byte for byte, no temporary is left. */
static void test_file_size_limit_is_exit_4_and_changes_nothing(void **state)
{
    (void)state;
    char dir[512], cmd[4096], out[16384];
    snprintf(dir, sizeof dir, "%s/fsize", outdir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s/out && cp %s/*.xlsx %s/*.csv %s/out/ && cd %s/out && "
             "sha256sum * > ../before", dir, outdir, outdir, dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(cmd, sizeof cmd, "ulimit -f 16; %s run inputs/pulje-2023.ini -q --out %s/out 2>&1",
             prog, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 4);
    assert_non_null(strstr(out, "pulje: kunne ikke skrive"));
    assert_non_null(strstr(out, "File too large"));
    assert_non_null(strstr(out, "råd: ingen uddata blev ændret"));
    snprintf(cmd, sizeof cmd, "cd %s/out && sha256sum -c --quiet ../before && ls -A | wc -l", dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_string_equal(out, "5\n"); /* the five old outputs, nothing else */
}

/* Two runs into a folder that does not exist yet: whichever makes it, both
 * succeed (EEXIST from mkdir is fine), and no staging folder is left. */
static void test_two_runs_into_a_new_folder_both_succeed(void **state)
{
    (void)state;
    char cmd[4096], out[4096];
    for (int i = 0; i < 4; i++) {
        snprintf(cmd, sizeof cmd,
                 "mkdir %s/race%d && d=%s/race%d/out; %s run inputs/pulje-2023.ini -q --out $d >/dev/null 2>&1 & a=$!; "
                 "%s run inputs/pulje-2023.ini -q --out $d >/dev/null 2>&1 & b=$!; "
                 "wait $a; ra=$?; wait $b; rb=$?; echo $ra $rb $(ls -A $d | wc -l) "
                 "$(ls -A $d/18-hovedpuljen-2023)",
                 outdir, i, outdir, i, prog, prog);
        assert_int_equal(test_run(cmd, out, sizeof out), 0);
        /* the six outputs (workbook, 2 CSV, ledger, JSON, follow-up) and the run
         * folders' folder: one run folder each */
        assert_string_equal(out, "0 0 7 koersel-001 koersel-002\n");
    }
}

/* The example of the issue: `ledger =` naming the output folder's own
 * ...-forpligtelser.csv. Refused before anything is computed; the ledger
 * is untouched. */
static void test_a_ledger_in_the_output_folder_is_never_overwritten(void **state)
{
    (void)state;
    char dir[512], cmd[4096], out[8192], abs[1024], cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(abs, sizeof abs, "%s%s%s", prog[0] == '/' ? "" : cwd, prog[0] == '/' ? "" : "/", prog);
    snprintf(dir, sizeof dir, "%s/sacred", outdir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s && cp inputs/* %s/ && cd %s && "
             "%s run pulje-2023.ini -q --out out >/dev/null 2>&1 && "
             "sed -i 's|^ledger .*|ledger = out/18-hovedpuljen-2023-forpligtelser.csv|' pulje-2023.ini && "
             "sha256sum out/*.* > before",
             dir, dir, dir, abs);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    for (int k = 0; k < 2; k++) {
        snprintf(cmd, sizeof cmd, "cd %s && %s %s pulje-2023.ini --out out 2>&1", dir, abs,
                 k ? "run" : "check");
        assert_int_equal(test_run(cmd, out, sizeof out), 2);
        assert_non_null(strstr(out, "out/18-hovedpuljen-2023-forpligtelser.csv er forpligtelseslisten: "
                                    "at skrive den ville ødelægge inddata; intet blev beregnet"));
    }
    snprintf(cmd, sizeof cmd, "cd %s && sha256sum -c --quiet before", dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_pool_economy_table_matches_the_2023_minutes),
        cmocka_unit_test(test_default_pool_overview_sums_to_the_granted_total),
        cmocka_unit_test(test_default_pool_summary_agrees_with_the_economy_table),
        cmocka_unit_test(test_default_pool_binds_multi_year_grants_under_the_cap),
        cmocka_unit_test(test_default_pool_hands_out_the_500000_earmark_exactly),
        cmocka_unit_test(test_next_years_run_reserves_what_this_year_committed),
        cmocka_unit_test(test_every_formula_agrees_with_its_cached_value),
        cmocka_unit_test(test_compare_sweeps_the_multi_year_cap),
        cmocka_unit_test(test_decisions_csv_is_written_beside_the_workbook),
        cmocka_unit_test(test_closed_form_run_gives_identical_files),
        cmocka_unit_test(test_bad_amount_exits_2_names_the_place_and_writes_nothing),
        cmocka_unit_test(test_missing_pool_file_exits_2),
        cmocka_unit_test(test_help_lists_the_exit_codes),
        cmocka_unit_test(test_warnings_are_printed_even_with_quiet),
        cmocka_unit_test(test_workbook_lists_the_warnings_on_the_summary),
        cmocka_unit_test(test_every_csv_neutralises_formula_text),
        cmocka_unit_test(test_file_size_limit_is_exit_4_and_changes_nothing),
        cmocka_unit_test(test_two_runs_into_a_new_folder_both_succeed),
        cmocka_unit_test(test_a_ledger_in_the_output_folder_is_never_overwritten),
        cmocka_unit_test(test_decisions_csv_carries_supplements_years_and_totals),
        cmocka_unit_test(test_readme_summary_is_the_program_output),
    };
    return cmocka_run_group_tests_name("e2e", tests, setup, teardown);
}
