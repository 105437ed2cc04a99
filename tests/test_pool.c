/* test_pool.c - The pool file: the 2023 figures, defaults, and every diagnostic
 * with its line and column.
 *
 * Run from the repository root (files are found as inputs/... and tests/data/...,
 * or one directory up). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "pool.h"
#include "labels.h"

/* ---- helpers ----------------------------------------------------------- */

typedef struct parsed {
    pool p;
    diag_list dl;
    int rc;
} parsed;

static void parse_bytes(parsed *r, const char *text, size_t len)
{
    diag_init(&r->dl);
    r->rc = pool_parse(text, len, "t.ini", &r->p, &r->dl);
}

static void parse(parsed *r, const char *text)
{
    parse_bytes(r, text, strlen(text));
}

static void done(parsed *r)
{
    pool_free(&r->p);
    diag_free(&r->dl);
}

static void print_diags(const diag_list *dl)
{
    char buf[2048];
    for (size_t i = 0; i < dl->n; i++)
        print_message("  %s\n", diag_format(&dl->v[i], buf, sizeof buf));
}

/* The diagnostic at line whose message holds msg; fails the test if none. */
static const diag *expect_diag(const diag_list *dl, unsigned line, unsigned col,
                               const char *msg, const char *hint)
{
    for (size_t i = 0; i < dl->n; i++) {
        const diag *d = &dl->v[i];
        if (d->line != line || !strstr(d->msg, msg))
            continue;
        if (d->col != col || (hint && (!d->hint || !strstr(d->hint, hint)))) {
            print_diags(dl);
            fail_msg("line %u \"%s\": column %u (want %u), hint \"%s\" (want \"%s\")", line,
                     msg, d->col, col, d->hint ? d->hint : "(none)", hint ? hint : "");
        }
        assert_int_equal(d->level, DIAG_ERROR);
        assert_string_equal(d->file, "t.ini");
        return d;
    }
    print_diags(dl);
    fail_msg("no diagnostic at line %u containing \"%s\"", line, msg);
    return NULL;
}

static void expect_clean(const parsed *r)
{
    if (r->rc != 0 || r->dl.n != 0) {
        print_diags(&r->dl);
        fail_msg("expected no diagnostics, got %zu (rc %d)", r->dl.n, r->rc);
    }
}

/* Exactly one error, at line:col, message holding msg. */
static void expect_one(const parsed *r, unsigned line, unsigned col, const char *msg,
                       const char *hint)
{
    expect_diag(&r->dl, line, col, msg, hint);
    if (r->dl.n != 1) {
        print_diags(&r->dl);
        fail_msg("expected exactly one diagnostic, got %zu", r->dl.n);
    }
    assert_int_equal(r->rc, -1);
}

/* Try path as given, then one directory up (tests run from the root). */
static int load_repo_file(const char *path, pool *p, diag_list *dl)
{
    char up[512];
    FILE *f = fopen(path, "rb");
    if (f) {
        fclose(f);
        return pool_load(path, p, dl);
    }
    snprintf(up, sizeof up, "../%s", path);
    return pool_load(up, p, dl);
}

/* A valid pool: lines 1-6. Tests append from line 7 on. */
#define HEAD "[pool]\nname = P\nyear = 2023\napplications = a.csv\n[budget]\nB = 1.000\n"

/* ---- the default pool file --------------------------------------------- */

static void test_default_pool_file_has_the_2023_figures(void **state)
{
    pool p;
    diag_list dl;
    (void)state;
    diag_init(&dl);
    int rc = load_repo_file("inputs/pulje-2023.ini", &p, &dl);
    print_diags(&dl);
    assert_int_equal(rc, 0);
    assert_int_equal(dl.n, 0);

    assert_string_equal(p.name, "§ 18-Hovedpuljen");
    assert_string_equal(p.committee, "Beskæftigelses- og Socialudvalget");
    assert_int_equal(p.year, 2023);
    assert_string_equal(p.decision_date, "2022-12-13");
    assert_string_equal(p.applications, "ansoegninger-2023.csv");

    assert_int_equal(p.n_budget, 3);
    assert_string_equal(p.budget[0].label, "Frie midler afsat til § 18-Hovedpuljen, Budget 2023");
    assert_int_equal(p.budget[0].amount, 6318216);
    assert_int_equal(p.budget[0].line, 21);
    assert_string_equal(p.budget[1].label, "Midler til mental trivsel 12-25 år");
    assert_int_equal(p.budget[1].amount, 500000);
    assert_string_equal(p.budget[2].label, "Ubrugte midler i Udviklingspuljen 2022 og før");
    assert_int_equal(p.budget[2].amount, 53373);
    assert_int_equal(p.budget[2].line, 23);

    /* the reservations come from the ledger (see test_inputs.c) */
    assert_int_equal(p.n_reservations, 0);
    assert_string_equal(p.ledger, "forpligtelser.csv");
    assert_string_equal(p.short_name, "Hovedpuljen");

    assert_int_equal(p.n_earmarks, 0);
    assert_int_equal(p.n_earmark_defs, 1);
    assert_string_equal(p.earmark_defs[0].key, "trivsel");
    assert_string_equal(p.earmark_defs[0].label, "Midler til mental trivsel 12-25 år");
    assert_int_equal(p.earmark_defs[0].amount, 500000);
    assert_int_equal(p.earmark_defs[0].first_year, 2023);
    assert_int_equal(p.earmark_defs[0].last_year, 2025);
    assert_int_equal(p.earmark_defs[0].n_criteria, 3);
    assert_string_equal(p.earmark_defs[0].criteria[0].key, "12-25 år");
    assert_int_equal(p.earmark_defs[0].required, 3);
    assert_int_equal(p.earmark_defs[0].n_tiers, 2);
    assert_int_equal(p.earmark_defs[0].tiers[0], 7);
    assert_int_equal(p.earmark_defs[0].tiers[1], 3);
    assert_int_equal(p.earmark_defs[0].unused_to_main, 0);
    assert_int_equal(p.cap_bp, 5500);
    assert_int_equal(p.min_active_years, 5);

    assert_int_equal(pool_budget_total(&p), 6871589);
    assert_int_equal(pool_earmarked_total(&p), 500000);

    assert_int_equal(p.rule.kind, RULE_THRESHOLD);
    assert_int_equal(p.rule.threshold, 50000);
    assert_int_equal(p.rounding, 100);
    assert_string_equal(p.residual_label, "Restmidler overføres til Udviklingspuljen 2023");

    pool_free(&p);
    diag_free(&dl);
}

static void test_applications_path_is_next_to_the_pool_file(void **state)
{
    parsed r;
    char *path;
    (void)state;
    parse(&r, HEAD);
    expect_clean(&r);

    free(r.p.file);
    r.p.file = strdup("inputs/pulje-2023.ini");
    path = pool_applications_path(&r.p);
    assert_string_equal(path, "inputs/a.csv");
    free(path);

    free(r.p.file);
    r.p.file = strdup("pulje.ini"); /* no directory part */
    path = pool_applications_path(&r.p);
    assert_string_equal(path, "a.csv");
    free(path);

    free(r.p.applications);
    r.p.applications = strdup("/data/a.csv"); /* absolute */
    path = pool_applications_path(&r.p);
    assert_string_equal(path, "/data/a.csv");
    free(path);

    free(r.p.applications);
    r.p.applications = NULL;
    assert_null(pool_applications_path(&r.p));
    done(&r);
}

/* ---- defaults and accepted forms ---------------------------------------- */

static void test_defaults_when_rules_section_is_absent(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\nname = P\nyear = 2024\napplications = a.csv\n[budget]\nB = 1.000\n");
    expect_clean(&r);
    assert_int_equal(r.p.rule.kind, RULE_THRESHOLD);
    assert_int_equal(r.p.rule.threshold, 50000);
    assert_int_equal(r.p.rounding, 1);
    assert_string_equal(r.p.residual_label, "Restmidler overføres til Udviklingspuljen 2024");
    assert_null(r.p.committee);
    assert_string_equal(r.p.decision_date, "2024-01-01"); /* no decision_date: 1 January */
    assert_int_equal(r.p.n_reservations, 0);
    assert_int_equal(r.p.n_earmarks, 0);
    assert_int_equal(pool_reserved_total(&r.p), 0);
    assert_string_equal(r.p.file, "t.ini");
    done(&r);
}

static void test_rule_names_and_aliases_are_accepted(void **state)
{
    static const struct {
        const char *text;
        rule_kind kind;
    } cases[] = {
        {"threshold", RULE_THRESHOLD},   {"2023", RULE_THRESHOLD},
        {"proportional", RULE_PROPORTIONAL}, {"pro", RULE_PROPORTIONAL},
        {"Proportional", RULE_PROPORTIONAL}, {"excess", RULE_EXCESS},
        {"cea", RULE_CEA}, {"CEL", RULE_CEL}, {"talmud", RULE_TALMUD},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        parsed r;
        snprintf(text, sizeof text, HEAD "[rules]\nrule = %s\n", cases[i].text);
        parse(&r, text);
        expect_clean(&r);
        assert_int_equal(r.p.rule.kind, cases[i].kind);
        done(&r);
    }
}

static void test_rules_settings_are_read(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nrule = proportional\nthreshold = 0\nrounding = 1.000\n"
                   "residual_label = Til Udviklingspuljen\n");
    expect_clean(&r);
    assert_int_equal(r.p.rule.kind, RULE_PROPORTIONAL);
    assert_int_equal(r.p.rule.threshold, 0);
    assert_int_equal(r.p.rounding, 1000);
    assert_string_equal(r.p.residual_label, "Til Udviklingspuljen");
    done(&r);
}

static void test_every_allowed_rounding_unit_is_accepted(void **state)
{
    static const char *const units[] = {"1", "10", "100", "1.000", "10.000", "10000"};
    static const pulje_kr want[] = {1, 10, 100, 1000, 10000, 10000};
    (void)state;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        char text[256];
        parsed r;
        snprintf(text, sizeof text, HEAD "[rules]\nrounding = %s\n", units[i]);
        parse(&r, text);
        expect_clean(&r);
        assert_int_equal(r.p.rounding, want[i]);
        done(&r);
    }
}

static void test_amounts_in_every_danish_form_are_exact(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\nname = P\nyear = 2023\napplications = a.csv\n[budget]\n"
              "A = 6.318.216\nB = 500000\nC = 53 373 kr.\nD = kr. 1.000,00\nE = 7,-\n");
    expect_clean(&r);
    assert_int_equal(r.p.n_budget, 5);
    assert_int_equal(r.p.budget[2].amount, 53373);
    assert_int_equal(r.p.budget[3].amount, 1000);
    assert_int_equal(r.p.budget[4].amount, 7);
    assert_int_equal(pool_budget_total(&r.p), 6318216 + 500000 + 53373 + 1000 + 7);
    done(&r);
}

static void test_same_label_in_budget_and_earmarks_is_fine(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "Mental trivsel = 500\n[earmarks]\nMental trivsel = 500\n");
    expect_clean(&r);
    done(&r);
}

static void test_reservations_and_earmarks_equal_to_budget_are_accepted(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[reservations]\nR = 600\n[earmarks]\nE = 400\n");
    expect_clean(&r);
    assert_int_equal(pool_budget_total(&r.p) - pool_reserved_total(&r.p) -
                         pool_earmarked_total(&r.p),
                     0);
    done(&r);
}

/* ---- encodings and line endings ----------------------------------------- */

static void test_utf8_bom_is_accepted_and_lines_still_count_from_1(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "\xEF\xBB\xBF[pool]\nname = P\nyear = 2023\napplications = a.csv\n"
              "[budget]\nMidler til mental trivsel 12-25 år = 500.000\nX = abc\n");
    expect_one(&r, 7, 5, "\"abc\" is not an amount", NULL);
    assert_string_equal(r.p.budget[0].label, "Midler til mental trivsel 12-25 år");
    assert_int_equal(r.p.budget[0].line, 6);
    done(&r);
}

static void test_windows_1252_label_is_converted_to_utf8(void **state)
{
    parsed r;
    (void)state;
    /* "år" and "før" in Windows-1252: å = 0xE5, ø = 0xF8; § = 0xA7 */
    parse(&r, "[pool]\r\nname = \xA7 18-Hovedpuljen\r\nyear = 2023\r\napplications = a.csv\r\n"
              "[budget]\r\nMidler til mental trivsel 12-25 \xE5r = 500.000\r\n"
              "Ubrugte midler 2022 og f\xF8r = 53.373\r\n");
    expect_clean(&r);
    assert_string_equal(r.p.name, "§ 18-Hovedpuljen");
    assert_string_equal(r.p.budget[0].label, "Midler til mental trivsel 12-25 år");
    assert_string_equal(r.p.budget[1].label, "Ubrugte midler 2022 og før");
    assert_int_equal(r.p.budget[1].line, 7);
    done(&r);
}

static void test_windows_1252_file_with_crlf_loads(void **state)
{
    pool p;
    diag_list dl;
    (void)state;
    diag_init(&dl);
    int rc = load_repo_file("tests/data/pool-cp1252-crlf.ini", &p, &dl);
    print_diags(&dl);
    assert_int_equal(rc, 0);
    assert_string_equal(p.committee, "Beskæftigelses- og Socialudvalget");
    assert_int_equal(p.n_budget, 3);
    assert_string_equal(p.budget[2].label, "Ubrugte midler i Udviklingspuljen 2022 og før");
    assert_int_equal(pool_budget_total(&p), 6871589);
    assert_int_equal(pool_reserved_total(&p), 3114511);
    assert_string_equal(p.residual_label, "Restmidler overføres til Udviklingspuljen 2023");
    pool_free(&p);
    diag_free(&dl);
}

static void test_crlf_columns_are_the_same_as_lf(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\r\nname = P\r\nyear = 2023\r\napplications = a.csv\r\n[budget]\r\n"
              "B = 1.0000\r\n");
    expect_diag(&r.dl, 6, 5, "\"1.0000\" is not an amount", "6.318.216 or 6318216");
    done(&r);
}

/* ---- inih's syntax and how we use it ------------------------------------ */

static void test_label_containing_colon_is_kept_whole(void **state)
{
    parsed r;
    (void)state;
    /* inih splits at the first ':' here; the label is put back together. */
    parse(&r, HEAD "Reserveret: Driftsaftale 2022-2024 = 935.480\n"
                   "Tid: 12:00 = x\n");
    expect_one(&r, 8, 14, "\"x\" is not an amount", NULL);
    assert_int_equal(r.p.n_budget, 2);
    assert_string_equal(r.p.budget[1].label, "Reserveret: Driftsaftale 2022-2024");
    assert_int_equal(r.p.budget[1].amount, 935480);
    done(&r);
}

static void test_colon_alone_separates_label_and_amount(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "Ubrugte midler: 53.373\n");
    expect_clean(&r);
    assert_string_equal(r.p.budget[1].label, "Ubrugte midler");
    assert_int_equal(r.p.budget[1].amount, 53373);
    done(&r);
}

static void test_semicolon_after_blank_starts_a_comment(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "C = 2.000 ; kr., fra 2022\n[rules]\nrounding = 100 ; kroner\n"
                   "residual_label = Rest;til Udviklingspuljen\n");
    expect_clean(&r);
    assert_int_equal(r.p.budget[1].amount, 2000);
    assert_int_equal(r.p.rounding, 100);
    assert_string_equal(r.p.residual_label, "Rest;til Udviklingspuljen");
    done(&r);
}

static void test_indented_line_is_its_own_line_not_a_continuation(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\n  name = P\n\tyear = 2023\n    applications = a.csv\n[budget]\n"
              "    B = 1.000\n    C = x\n");
    expect_one(&r, 7, 9, "\"x\" is not an amount", NULL);
    assert_string_equal(r.p.name, "P");
    assert_int_equal(r.p.year, 2023);
    assert_int_equal(r.p.n_budget, 1);
    assert_string_equal(r.p.budget[0].label, "B");
    done(&r);
}

static void test_comments_and_blank_lines_keep_the_line_count(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "; comment\n# another\n\n[pool]\nname = P\nyear = 2023\n"
              "applications = a.csv\n[budget]\n; x = y\nB = 1.000\nC = -1\n");
    expect_one(&r, 11, 5, "\"-1\" is negative", "never below zero");
    assert_int_equal(r.p.budget[0].line, 10);
    done(&r);
}

static void test_no_trailing_newline_is_fine(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "C = 7");
    expect_clean(&r);
    assert_int_equal(r.p.budget[1].amount, 7);
    done(&r);
}

static void test_every_line_without_equals_is_reported(void **state)
{
    parsed r;
    (void)state;
    /* inih returns only the first such line; we report both. */
    parse(&r, HEAD "Frie midler 6.318.216\nC = 1\nUbrugte midler\nD = 2 ; see: below\n");
    expect_diag(&r.dl, 7, 1, "not `key = value`", "`<label> = <amount>`");
    expect_diag(&r.dl, 9, 1, "not `key = value`", NULL);
    assert_int_equal(r.dl.n, 2);
    assert_int_equal(r.rc, -1);
    assert_int_equal(r.p.n_budget, 3);
    done(&r);
}

static void test_equals_after_a_comment_does_not_count(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "Frie midler ; = 1\n");
    expect_one(&r, 7, 1, "not `key = value`", NULL);
    done(&r);
}

static void test_section_header_without_bracket_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules\nrounding = 100\n");
    expect_one(&r, 7, 1, "no closing ']'", "[rules]");
    /* the section is still taken to be [rules] */
    assert_int_equal(r.p.rounding, 100);
    done(&r);
}

static void test_key_before_any_section_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "year = 2023\n" HEAD);
    expect_one(&r, 1, 1, "\"year\" stands before any section", "[pool]");
    done(&r);
}

static void test_too_long_line_is_reported_and_counting_goes_on(void **state)
{
    char text[1024];
    parsed r;
    (void)state;
    strcpy(text, HEAD);
    size_t n = strlen(text);
    memset(text + n, 'x', 250); /* longer than inih's 200-byte line buffer */
    strcpy(text + n + 250, " = 1\nC = y\n");
    parse(&r, text);
    expect_diag(&r.dl, 7, 199, "too long (254 bytes)", "at most 198");
    expect_diag(&r.dl, 8, 5, "\"y\" is not an amount", NULL);
    assert_int_equal(r.dl.n, 2);
    done(&r);
}

static void test_nul_byte_in_a_line_is_reported(void **state)
{
    static const char text[] = HEAD "C = 1\0 000\nD = z\n";
    parsed r;
    (void)state;
    parse_bytes(&r, text, sizeof text - 1);
    expect_diag(&r.dl, 7, 6, "NUL byte", NULL);
    expect_diag(&r.dl, 8, 5, "\"z\" is not an amount", NULL);
    assert_int_equal(r.dl.n, 2);
    done(&r);
}

/* ---- sections and keys -------------------------------------------------- */

static void test_unknown_section_suggests_the_nearest(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[reservation]\nR = 1\n");
    expect_one(&r, 7, 1, "unknown section [reservation]", "did you mean [reservations]?");
    assert_int_equal(r.p.n_reservations, 0); /* its lines are skipped */
    done(&r);
}

static void test_danish_section_name_suggests_the_english_one(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[regler]\nrounding = 100\n");
    expect_one(&r, 7, 1, "unknown section [regler]", "did you mean [rules]?");
    done(&r);
}

static void test_unknown_section_with_no_near_name_lists_the_sections(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[xyzzy]\nfoo = bar\n");
    const diag *d = expect_diag(&r.dl, 7, 1, "unknown section [xyzzy]",
                                "the sections are [pool], [budget], [reservations], "
                                "[earmarks], [rules] and [multiyear]");
    assert_null(strstr(d->hint, "did you mean"));
    assert_int_equal(r.dl.n, 1);
    done(&r);
}

static void test_misspelt_budget_section_is_one_error_not_two(void **state)
{
    parsed r;
    (void)state;
    /* no "no budget lines" on top of the misspelt header */
    parse(&r, "[pool]\nname = P\nyear = 2023\napplications = a.csv\n[budjet]\nB = 1\n");
    expect_one(&r, 5, 1, "unknown section [budjet]", "did you mean [budget]?");
    done(&r);
}

static void test_unknown_key_in_pool_suggests_the_nearest(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\nnmae = P\nname = P\nyear = 2023\napplications = a.csv\n[budget]\nB = 1\n");
    expect_one(&r, 2, 1, "unknown key \"nmae\" in [pool]", "did you mean name?");
    done(&r);
}

static void test_unknown_key_in_rules_suggests_the_nearest(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\ntreshold = 40.000\n");
    expect_one(&r, 8, 1, "unknown key \"treshold\" in [rules]", "did you mean threshold?");
    assert_int_equal(r.p.rule.threshold, 50000);
    done(&r);
}

static void test_key_of_the_other_section_says_where_it_belongs(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nyear = 2023\n");
    expect_one(&r, 8, 1, "unknown key \"year\" in [rules]", "year belongs in [pool]");
    done(&r);
}

static void test_unknown_key_with_no_near_name_lists_the_keys(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nmetode = pro\n");
    expect_one(&r, 8, 1, "unknown key \"metode\"",
               "[rules] has rule, threshold, min_grant, max_grant, rounding and residual_label");
    done(&r);
}

static void test_keys_are_case_sensitive_with_a_suggestion(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nRounding = 100\n");
    expect_one(&r, 8, 1, "unknown key \"Rounding\"", "did you mean rounding?");
    done(&r);
}

static void test_duplicate_key_in_pool_names_the_first_line(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[pool]\nyear = 2024\n");
    expect_one(&r, 8, 1, "year is set twice in [pool], first on line 3", "(3 and 8)");
    assert_int_equal(r.p.year, 2023); /* the first stands */
    done(&r);
}

static void test_duplicate_key_in_rules_names_the_first_line(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nrounding = 100\nrule = pro\nrounding = 1.000\n");
    expect_one(&r, 10, 1, "rounding is set twice in [rules], first on line 8", NULL);
    assert_int_equal(r.p.rounding, 100);
    done(&r);
}

static void test_duplicate_label_in_budget_names_both_lines(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "C = 2\nB = 3\n");
    expect_one(&r, 8, 1, "the label \"B\" appears twice in [budget], on lines 6 and 8",
               "merge lines 6 and 8");
    assert_int_equal(r.p.n_budget, 2);
    done(&r);
}

static void test_duplicate_label_in_reservations_and_earmarks(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[reservations]\nR = 1\nR = 1\n[earmarks]\nE = 1\n  E  = 1\n");
    expect_diag(&r.dl, 9, 1, "\"R\" appears twice in [reservations], on lines 8 and 9", NULL);
    expect_diag(&r.dl, 12, 3, "\"E\" appears twice in [earmarks], on lines 11 and 12", NULL);
    assert_int_equal(r.dl.n, 2);
    done(&r);
}

static void test_money_line_without_label_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "= 500\n");
    expect_one(&r, 7, 1, "this line in [budget] has no label", NULL);
    done(&r);
}

/* ---- values ------------------------------------------------------------- */

static void test_bad_amount_quotes_the_text_at_the_value_column(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "Frie midler afsat = 6.318,216\n");
    const diag *d = expect_diag(&r.dl, 7, 21, "\"6.318,216\" is not an amount",
                                "write whole kroner like 6.318.216 or 6318216");
    assert_non_null(strstr(d->msg, "no øre"));
    assert_int_equal(r.dl.n, 1);
    done(&r);
}

static void test_misplaced_thousands_dot_is_not_an_amount(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "C =   63.18.216\n");
    expect_one(&r, 7, 7, "\"63.18.216\" is not an amount", "6.318.216 or 6318216");
    done(&r);
}

static void test_missing_amount_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "C =\n");
    expect_one(&r, 7, 4, "the amount is missing", "6.318.216");
    done(&r);
}

static void test_negative_amount_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[reservations]\nR = -935.480\n");
    expect_one(&r, 8, 5, "\"-935.480\" is negative", "never below zero");
    assert_int_equal(r.p.n_reservations, 0);
    done(&r);
}

static void test_amount_above_money_max_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "C = 1.000.000.000.001\n");
    expect_one(&r, 7, 5, "is not an amount: the amount is larger than any pool", NULL);
    done(&r);
}

static void test_section_total_above_money_max_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\nname = P\nyear = 2023\napplications = a.csv\n[budget]\n"
              "A = 1.000.000.000.000\nB = 1\n");
    expect_one(&r, 0, 0, "the lines in [budget] add up to more than DKK 1,000,000,000,000",
               NULL);
    done(&r);
}

static void test_negative_threshold_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nthreshold = -50.000\n");
    expect_one(&r, 8, 13, "threshold \"-50.000\" is negative", NULL);
    assert_int_equal(r.p.rule.threshold, 50000);
    done(&r);
}

static void test_bad_threshold_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nthreshold = 50 t.kr.\n");
    expect_one(&r, 8, 13, "threshold \"50 t.kr.\" is not an amount", "6318216");
    done(&r);
}

static void test_year_outside_1900_to_2200_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\nname = P\nyear = 1899\napplications = a.csv\n[budget]\nB = 1\n");
    expect_one(&r, 3, 8, "year 1899 is outside 1900..2200", "2023");
    assert_int_equal(r.p.year, 0);
    done(&r);
    parse(&r, "[pool]\nname = P\nyear = 2201\napplications = a.csv\n[budget]\nB = 1\n");
    expect_one(&r, 3, 8, "year 2201 is outside 1900..2200", NULL);
    done(&r);
    parse(&r, "[pool]\nname = P\nyear = 2200\napplications = a.csv\n[budget]\nB = 1\n");
    expect_clean(&r);
    done(&r);
}

static void test_year_that_is_not_a_number_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\nname = P\nyear =  2.023\napplications = a.csv\n[budget]\nB = 1\n");
    expect_one(&r, 3, 9, "year \"2.023\" is not a year", NULL);
    done(&r);
}

static void test_decision_date_must_be_a_calendar_date(void **state)
{
    static const struct {
        const char *date;
        const char *msg; /* NULL: valid */
    } cases[] = {
        {"2022-12-13", NULL},
        {"2024-02-29", NULL}, /* leap year */
        {"2000-02-29", NULL}, /* divisible by 400 */
        {"2023-02-29", "February 2023 has 28 days"},
        {"1900-02-29", "February 1900 has 28 days"},
        {"2022-04-31", "April 2022 has 30 days"},
        {"2022-12-00", "December 2022 has 31 days"},
        {"2022-13-01", "there is no month 13"},
        {"13-12-2022", "is not a YYYY-MM-DD date"},
        {"2022-12-1", "is not a YYYY-MM-DD date"},
        {"2022/12/13", "is not a YYYY-MM-DD date"},
        {"2022-1a-13", "is not a YYYY-MM-DD date"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        parsed r;
        snprintf(text, sizeof text, HEAD "[pool]\ndecision_date = %s\n", cases[i].date);
        parse(&r, text);
        if (!cases[i].msg) {
            expect_clean(&r);
            assert_string_equal(r.p.decision_date, cases[i].date);
        } else {
            expect_one(&r, 8, 17, cases[i].msg, "YYYY-MM-DD, e.g. 2022-12-13");
            assert_null(r.p.decision_date);
        }
        done(&r);
    }
}

static void test_unknown_rule_lists_the_choices(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nrule = equal\n");
    const diag *d = expect_diag(&r.dl, 8, 8, "unknown rule \"equal\"", "threshold");
    assert_non_null(strstr(d->hint, "proportional"));
    assert_non_null(strstr(d->msg, rule_names_list())); /* the registry's, every rule */
    assert_int_equal(r.dl.n, 1);
    assert_int_equal(r.p.rule.kind, RULE_THRESHOLD);
    done(&r);
}

static void test_rounding_must_be_an_allowed_unit(void **state)
{
    static const char *const bad[] = {"50", "0", "1.001", "100.000"};
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[256];
        parsed r;
        snprintf(text, sizeof text, HEAD "[rules]\nrounding = %s\n", bad[i]);
        parse(&r, text);
        expect_one(&r, 8, 12, "rounding must be one of 1, 10, 100, 1.000 or 10.000 kr.",
                   "1, 10, 100, 1.000 or 10.000");
        assert_int_equal(r.p.rounding, 1);
        done(&r);
    }
}

static void test_negative_rounding_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nrounding = -100\n");
    expect_one(&r, 8, 12, "rounding \"-100\" is negative", NULL);
    done(&r);
}

static void test_empty_settings_are_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\nname =\nyear = 2023\napplications =   \n[budget]\nB = 1\n"
              "[rules]\nresidual_label =\n");
    expect_diag(&r.dl, 2, 7, "name is empty", NULL);
    expect_diag(&r.dl, 4, 18, "applications is empty", NULL);
    expect_diag(&r.dl, 8, 17, "residual_label is empty", NULL);
    assert_int_equal(r.dl.n, 3); /* set, though empty: not "missing" as well */
    done(&r);
}

/* ---- whole-file checks --------------------------------------------------- */

static void test_missing_required_keys_are_reported_at_line_0(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\ncommittee = BSU\n");
    expect_diag(&r.dl, 0, 0, "the pool file has no name", "under [pool]");
    expect_diag(&r.dl, 0, 0, "the pool file has no year", "`year = 2023` under [pool]");
    expect_diag(&r.dl, 0, 0, "the pool file has no applications", "under [pool]");
    expect_diag(&r.dl, 0, 0, "the pool file has no budget lines", "under [budget]");
    assert_int_equal(r.dl.n, 4);
    assert_int_equal(r.rc, -1);
    assert_null(r.p.residual_label); /* no year, no default label */
    done(&r);
}

static void test_empty_file_reports_what_is_missing(void **state)
{
    parsed r;
    (void)state;
    parse_bytes(&r, "", 0);
    assert_int_equal(r.rc, -1);
    assert_int_equal(r.dl.n, 4);
    done(&r);
}

static void test_reservations_and_earmarks_above_budget_are_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\nname = P\nyear = 2023\napplications = a.csv\n[budget]\n"
              "B = 3.000.000\n[reservations]\nR1 = 2.179.031\nR2 = 935.480\n"
              "[earmarks]\nE = 500.000\n");
    /* at the [reservations] header; the hint names every section by its line */
    expect_one(&r, 7, 0,
               "reservations and earmarks (DKK 3,614,511) exceed the budget total "
               "(DKK 3,000,000) by DKK 614,511",
               "[budget] (line 5), [reservations] (line 7), [earmarks] (line 10)");
    done(&r);
}

static void test_several_errors_are_reported_together(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\n"                         /* 1 */
              "name = P\n"                       /* 2 */
              "year = 20023\n"                   /* 3 */
              "decision_date = 2022-12-32\n"     /* 4 */
              "[budget]\n"                       /* 5 */
              "A = 1.000\n"                      /* 6 */
              "B = 1,5\n"                        /* 7 */
              "A = 2.000\n"                      /* 8 */
              "[earmark]\n"                      /* 9 */
              "E = 1\n"                          /* 10 */
              "[rules]\n"                        /* 11 */
              "rule = fifo\n"                    /* 12 */
              "rounding = 25\n"                  /* 13 */
              "rule = pro\n"                     /* 14 */
              "bogus\n");                        /* 15 */
    assert_int_equal(r.rc, -1);
    expect_diag(&r.dl, 3, 8, "year 20023 is outside 1900..2200", NULL);
    expect_diag(&r.dl, 4, 17, "December 2022 has 31 days", NULL);
    expect_diag(&r.dl, 7, 5, "\"1,5\" is not an amount", NULL);
    expect_diag(&r.dl, 8, 1, "\"A\" appears twice in [budget], on lines 6 and 8", NULL);
    expect_diag(&r.dl, 9, 1, "unknown section [earmark]", "did you mean [earmarks]?");
    expect_diag(&r.dl, 12, 8, "unknown rule \"fifo\"", NULL);
    expect_diag(&r.dl, 13, 12, "rounding must be one of", NULL);
    expect_diag(&r.dl, 14, 1, "rule is set twice in [rules], first on line 12", NULL);
    expect_diag(&r.dl, 15, 1, "not `key = value`", NULL);
    expect_diag(&r.dl, 0, 0, "the pool file has no applications", NULL);
    assert_int_equal(r.dl.n, 10);
    assert_int_equal(diag_errors(&r.dl), 10);
    done(&r);
}

static void test_diagnostics_are_appended_to_an_existing_list(void **state)
{
    pool p;
    diag_list dl;
    (void)state;
    diag_init(&dl);
    diag_add(&dl, DIAG_ERROR, "other.csv", 4, 2, NULL, "earlier problem");
    /* a clean file returns 0 even though the list already held an error */
    assert_int_equal(pool_parse(HEAD, strlen(HEAD), "t.ini", &p, &dl), 0);
    assert_int_equal(dl.n, 1);
    pool_free(&p);
    diag_free(&dl);
}

/* ---- loading and freeing ------------------------------------------------- */

static void test_missing_file_is_a_diagnostic_with_the_reason(void **state)
{
    pool p;
    diag_list dl;
    (void)state;
    diag_init(&dl);
    assert_int_equal(pool_load("no/such/pulje.ini", &p, &dl), -1);
    assert_int_equal(dl.n, 1);
    assert_string_equal(dl.v[0].file, "no/such/pulje.ini");
    assert_int_equal(dl.v[0].line, 0);
    assert_string_equal(dl.v[0].msg, "cannot read the pool file: No such file or directory");
    assert_non_null(strstr(dl.v[0].hint, "check the path"));
    pool_free(&p);
    diag_free(&dl);
}

static void test_directory_instead_of_file_is_a_diagnostic(void **state)
{
    pool p;
    diag_list dl;
    (void)state;
    diag_init(&dl);
    assert_int_equal(pool_load(".", &p, &dl), -1);
    assert_int_equal(dl.n, 1);
    assert_non_null(strstr(dl.v[0].msg, "cannot read the pool file: "));
    pool_free(&p);
    diag_free(&dl);
}

static void test_pool_free_is_safe_on_a_zeroed_and_a_freed_pool(void **state)
{
    pool p;
    parsed r;
    (void)state;
    memset(&p, 0, sizeof p);
    pool_free(&p);
    parse(&r, HEAD);
    pool_free(&r.p);
    assert_null(r.p.budget);
    assert_int_equal(r.p.n_budget, 0);
    pool_free(&r.p);
    diag_free(&r.dl);
}

static void test_min_and_max_grant_are_read(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nrule = cea\nmin_grant = 10.000\nmax_grant = 300000\n");
    expect_clean(&r);
    assert_int_equal(r.p.rule.kind, RULE_CEA);
    assert_int_equal(r.p.rule.min_grant, 10000);
    assert_int_equal(r.p.rule.max_grant, 300000);
    done(&r);
}

static void test_min_grant_above_max_grant_is_an_error(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nmax_grant = 20.000\nmin_grant = 30.000\n");
    expect_one(&r, 9, 13, "min_grant (DKK 30,000) is above max_grant (DKK 20,000)",
               "lower min_grant");
    done(&r);
}

static void test_bad_min_grant_names_the_key(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[rules]\nmin_grant = ti tusind\n");
    expect_one(&r, 8, 13, "min_grant \"ti tusind\" is not an amount", "6.318.216");
    done(&r);
}


static void test_earmark_section_with_unknown_criterion_and_wrong_years_is_refused(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[earmark trivsel]\n"                            /* 7 */
                   "label = Midler til mental trivsel\n"            /* 8 */
                   "amount = 500.000\n"                             /* 9 */
                   "years = 2024-2025\n"                            /* 10 */
                   "criterion alder = 12-25 år\n"                   /* 11 */
                   "required = alder, trivsel\n"                    /* 12 */
                   "tier 2 = alder\n");                             /* 13 */
    expect_diag(&r.dl, 12, 12, "unknown criterion \"trivsel\"",
                "the criteria of this earmark are: alder");
    expect_diag(&r.dl, 13, 1, "unexpected \"tier 2\"", "next is tier 1");
    expect_diag(&r.dl, 7, 0, "[earmark trivsel] runs 2024-2025, not in the pool's year 2023",
                NULL);
    done(&r);
}

static void test_earmark_section_is_read_with_its_tiers(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[earmark trivsel]\nlabel = Trivsel\namount = 1.000\nyears = 2023\n"
                   "criterion a = A\ncriterion b = B\ncriterion c = C\nrequired = a, b\n"
                   "tier 1 = a, b, c\ntier 2 = a, b\nunused = main\n");
    assert_int_equal(r.dl.n, 0);
    assert_int_equal(r.p.n_earmark_defs, 1);
    assert_int_equal(r.p.earmark_defs[0].required, 3);
    assert_int_equal(r.p.earmark_defs[0].tiers[0], 7);
    assert_int_equal(r.p.earmark_defs[0].tiers[1], 3);
    assert_int_equal(r.p.earmark_defs[0].unused_to_main, 1);
    assert_int_equal(pool_earmarked_total(&r.p), 1000);
    done(&r);
}

static void test_multiyear_section_is_read(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[multiyear]\ncap = 50 %\nmin_active_years = 3\nmoney_year2 = 900\n"
                   "running_holders = set_aside\n");
    expect_clean(&r);
    assert_int_equal(r.p.cap_bp, 5000);
    assert_int_equal(r.p.min_active_years, 3);
    assert_int_equal(r.p.later_money[0], 900);
    assert_int_equal(r.p.holders_set_aside, 1);
    done(&r);
}

static void test_misspelt_multiyear_section_suggests_it(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[multiyer]\ncap = 50\n");
    expect_one(&r, 7, 1, "unknown section [multiyer]", "did you mean [multiyear]?");
    done(&r);
}

static void test_sections_without_lines_report_every_missing_key(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\n[budget]\n[rules]\n");
    assert_int_equal(r.rc, -1);
    expect_diag(&r.dl, 0, 0, "has no name", "name = ");
    expect_diag(&r.dl, 0, 0, "has no year", "year = 2023");
    expect_diag(&r.dl, 0, 0, "has no applications", "relative to the pool file");
    expect_diag(&r.dl, 0, 0, "has no budget lines", "[budget]");
    assert_int_equal(r.dl.n, 4);
    done(&r);
}

static void test_mixed_line_endings_count_lines_alike(void **state)
{
    parsed r;
    (void)state;
    /* LF, CRLF and lone CR in one file; the error is on line 7 either way */
    parse(&r, "[pool]\r\nname = P\nyear = 2023\rapplications = a.csv\r\n[budget]\r"
              "B = 1.000\nC = x\r\n");
    expect_one(&r, 7, 5, "\"x\" is not an amount", NULL);
    assert_string_equal(r.p.name, "P");
    assert_int_equal(r.p.year, 2023);
    done(&r);
}

static void test_old_mac_line_endings_are_read(void **state)
{
    parsed r;
    (void)state;
    parse(&r, "[pool]\rname = P\ryear = 2023\rapplications = a.csv\r[budget]\rB = 1.000\r");
    expect_clean(&r);
    assert_int_equal(r.p.n_budget, 1);
    assert_int_equal(r.p.budget[0].line, 6);
    done(&r);
}

static void test_bytes_neither_utf8_nor_windows_1252_are_reported_where_they_are(void **state)
{
    parsed r;
    (void)state;
    /* 0x81 and 0x8D have no character in Windows-1252 */
    parse(&r, "[pool]\nname = P\x81\x8D\nyear = 2023\napplications = a.csv\n[budget]\nB = 1.000\n");
    expect_one(&r, 2, 9, "neither UTF-8 nor Windows-1252", "save the file as UTF-8");
    done(&r);
    /* a C1 control written in UTF-8 */
    parse(&r, "[pool]\nname = P\xC2\x85\nyear = 2023\napplications = a.csv\n[budget]\nB = 1.000\n");
    expect_one(&r, 2, 9, "control character U+0085", "encoding");
    done(&r);
}

static void test_control_character_in_a_label_is_reported(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "Bud\x01get = 5\n");
    expect_one(&r, 7, 4, "control character U+0001", NULL);
    done(&r);
}

static void test_stray_byte_in_a_utf8_file_is_reported_not_read_as_windows_1252(void **state)
{
    parsed r;
    (void)state;
    /* "§" is UTF-8; the 0xE6 on line 6 is a Windows-1252 "æ" pasted in */
    parse(&r, "[pool]\nname = \xC2\xA7 18-Hovedpuljen\nyear = 2023\napplications = a.csv\n"
              "[budget]\nB\xE6 = 1.000\n");
    expect_one(&r, 6, 2, "byte 0xE6 is not UTF-8, though the rest of the file is",
               "save the file as UTF-8");
    done(&r);
}

/* ---- the key table ----------------------------------------------------- */

/* Every row of the key table is read with its example value, in its section,
 * and (but notes) refused when set twice. */
static void test_every_key_in_the_table_is_read_with_its_example(void **state)
{
    static const char *const required[] = {"name = P\n", "year = 2023\n", "applications = a.csv\n"};
    (void)state;
    assert_true(pool_key_count() >= 25);
    for (size_t i = 0; i < pool_key_count(); i++) {
        const char *name, *section, *example;
        char text[1024];
        int n;
        parsed r;
        assert_int_equal(pool_key_info(i, &name, &section, &example), 0);
        assert_non_null(example);
        /* line 2: the key; then [pool] with the required keys it is not */
        n = snprintf(text, sizeof text, "[%s]\n%s = %s\n[pool]\n", section, name, example);
        for (size_t k = 0; k < 3; k++) {
            if (strncmp(required[k], name, strlen(name)) != 0 || required[k][strlen(name)] != ' ')
                n += snprintf(text + n, sizeof text - (size_t)n, "%s", required[k]);
        }
        snprintf(text + n, sizeof text - (size_t)n, "[budget]\nB = 10.000.000\n");
        parse(&r, text);
        if (r.rc != 0 || r.dl.n != 0) {
            print_diags(&r.dl);
            fail_msg("[%s] %s = %s is not read", section, name, example);
        }
        done(&r);

        snprintf(text + n, sizeof text - (size_t)n, "[budget]\nB = 10.000.000\n[%s]\n%s = %s\n",
                 section, name, example);
        parse(&r, text);
        if (strcmp(name, "notes") == 0) {
            expect_clean(&r);
            assert_int_equal(r.p.n_notes, 2);
        } else {
            char msg[128];
            snprintf(msg, sizeof msg, "%s is set twice in [%s], first on line 2", name, section);
            unsigned line = 1;
            for (const char *c = text; *c; c++)
                line += *c == '\n';
            expect_one(&r, line - 1, 1, msg, "keep one of the two lines");
        }
        done(&r);
    }
    {
        const char *name = NULL, *section = NULL, *example = NULL;
        assert_int_equal(pool_key_info(pool_key_count(), &name, &section, &example), -1);
        assert_null(name);
    }
}

static void test_unknown_key_in_pool_lists_every_pool_key_from_the_table(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[pool]\nzzzzzzzz = 1\n");
    expect_one(&r, 8, 1, "unknown key \"zzzzzzzz\" in [pool]",
               "[pool] has name, short_name, committee, year, decision_date, applications, "
               "applications_sheet, ledger, org_id, org_name, id_prefix, case_number, "
               "guidelines, notes, members, letter, report_deadline, report_limit, "
               "audit_limit, followup and overdue");
    done(&r);
    parse(&r, HEAD "[multiyear]\nzzzzzzzz = 1\n");
    expect_one(&r, 8, 1, "unknown key \"zzzzzzzz\" in [multiyear]",
               "[multiyear] has cap, min_active_years, money_year2, money_year3 and "
               "running_holders");
    done(&r);
    parse(&r, HEAD "[earmark t]\nlabel = T\namount = 0\nzzzzzzzz = 1\n");
    expect_one(&r, 10, 1, "unknown key \"zzzzzzzz\" in [earmark t]",
               "[earmark <key>] has label, amount, years, criterion <key>, required, tier <n>, "
               "unused, min and max");
    done(&r);
}

static void test_misspelt_new_key_is_suggested(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[pool]\ncase_numbr = 27.12.00\n");
    expect_one(&r, 8, 1, "unknown key \"case_numbr\" in [pool]", "did you mean case_number?");
    done(&r);
    parse(&r, HEAD "[rules]\nnotes = x\n");
    expect_one(&r, 8, 1, "unknown key \"notes\" in [rules]", "notes belongs in [pool]");
    done(&r);
}

/* ---- committee papers: case_number, guidelines, notes ------------------ */

static void test_case_number_guidelines_and_notes_are_read(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[pool]\ncase_number = 27.12.00-A00-1-23\n"
                   "guidelines = Retningslinjer for § 18-puljen, vedtaget 2021\n"
                   "notes = Første bemærkning\n"
                   "notes = Anden\\nTredje \\n  Fjerde\n");
    expect_clean(&r);
    assert_string_equal(r.p.case_number, "27.12.00-A00-1-23");
    assert_string_equal(r.p.guidelines, "Retningslinjer for § 18-puljen, vedtaget 2021");
    assert_int_equal(r.p.n_notes, 4);
    assert_string_equal(r.p.notes[0], "Første bemærkning");
    assert_string_equal(r.p.notes[1], "Anden");
    assert_string_equal(r.p.notes[2], "Tredje");
    assert_string_equal(r.p.notes[3], "Fjerde");
    done(&r);
    assert_null(r.p.notes);
    assert_int_equal(r.p.n_notes, 0);
}

static void test_committee_paper_keys_are_optional(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD);
    expect_clean(&r);
    assert_null(r.p.case_number);
    assert_null(r.p.guidelines);
    assert_null(r.p.notes);
    assert_int_equal(r.p.n_notes, 0);
    done(&r);
}

static void test_empty_notes_are_reported_and_empty_pieces_dropped(void **state)
{
    parsed r;
    (void)state;
    parse(&r, HEAD "[pool]\nnotes =\n");
    expect_one(&r, 8, 8, "notes is empty", "write a value after the '='");
    done(&r);
    parse(&r, HEAD "[pool]\nnotes = A\\n\\n \\nB\\n\n");
    expect_clean(&r);
    assert_int_equal(r.p.n_notes, 2);
    assert_string_equal(r.p.notes[0], "A");
    assert_string_equal(r.p.notes[1], "B");
    done(&r);
    parse(&r, HEAD "[pool]\ncase_number =\n");
    expect_one(&r, 8, 14, "case_number is empty", NULL);
    done(&r);
}

/* ---- decision_date ----------------------------------------------------- */

/* check and run agree: the default is a date the workbook takes. */
static void test_missing_decision_date_is_1_january_which_the_workbook_takes(void **state)
{
    parsed r;
    lxw_datetime d;
    (void)state;
    parse(&r, HEAD);
    expect_clean(&r);
    assert_string_equal(r.p.decision_date, "2023-01-01");
    assert_int_equal(book_parse_date(r.p.decision_date, &d), 0);
    assert_int_equal(d.year, 2023);
    assert_int_equal(d.month, 1);
    assert_int_equal(d.day, 1);
    done(&r);
}

/* Every date the pool file takes, the workbook takes, and the other way round. */
static void test_pool_and_workbook_take_the_same_dates(void **state)
{
    static const char *const dates[] = {
        "1899-12-31", "1900-01-01", "1900-02-29", "2000-02-29", "2023-02-29", "2024-02-29",
        "2022-12-13", "2022-13-01", "2022-00-10", "2022-04-31", "2022-04-00", "9999-12-31",
        "0000-01-01", "2022-1-13",  "2022/12/13", "22-12-2022",
    };
    (void)state;
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        char text[256];
        parsed r;
        lxw_datetime d;
        snprintf(text, sizeof text, HEAD "[pool]\ndecision_date = %s\n", dates[i]);
        parse(&r, text);
        int in_book = book_parse_date(dates[i], &d) == 0;
        if ((r.rc == 0) != in_book) {
            print_diags(&r.dl);
            fail_msg("%s: pool %s, workbook %s", dates[i], r.rc == 0 ? "takes" : "refuses",
                     in_book ? "takes" : "refuses");
        }
        done(&r);
    }
}

/* The bug this default fixes: without decision_date, check passed and run
 * exited 4 when the workbook wanted a date. Both now exit 0. */
static void test_check_and_run_agree_on_a_pool_without_decision_date(void **state)
{
    char dir[] = "/tmp/pulje-nodate-XXXXXX", cmd[2048], buf[8192];
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd,
             "cp inputs/ansoegninger-2023.csv inputs/forpligtelser.csv %s/ && "
             "sed '/^decision_date/d' inputs/pulje-2023.ini > %s/pool.ini && "
             "! grep -q decision_date %s/pool.ini 2>&1",
             dir, dir, dir);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
    snprintf(cmd, sizeof cmd, "%s/pulje check %s/pool.ini -q 2>&1", test_build_dir(), dir);
    assert_int_equal(test_run(cmd, buf, sizeof buf), 0);
    snprintf(cmd, sizeof cmd, "%s/pulje run %s/pool.ini -q --out %s/out 2>&1 && "
             "test -s %s/out/18-hovedpuljen-2023.xlsx", test_build_dir(), dir, dir, dir);
    int rc = test_run(cmd, buf, sizeof buf);
    if (rc != 0)
        fail_msg("run exited %d: %s", rc, buf);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    test_run(cmd, buf, sizeof buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_earmark_section_with_unknown_criterion_and_wrong_years_is_refused),
        cmocka_unit_test(test_earmark_section_is_read_with_its_tiers),
        cmocka_unit_test(test_default_pool_file_has_the_2023_figures),
        cmocka_unit_test(test_applications_path_is_next_to_the_pool_file),
        cmocka_unit_test(test_defaults_when_rules_section_is_absent),
        cmocka_unit_test(test_rule_names_and_aliases_are_accepted),
        cmocka_unit_test(test_rules_settings_are_read),
        cmocka_unit_test(test_min_and_max_grant_are_read),
        cmocka_unit_test(test_min_grant_above_max_grant_is_an_error),
        cmocka_unit_test(test_bad_min_grant_names_the_key),
        cmocka_unit_test(test_every_allowed_rounding_unit_is_accepted),
        cmocka_unit_test(test_amounts_in_every_danish_form_are_exact),
        cmocka_unit_test(test_same_label_in_budget_and_earmarks_is_fine),
        cmocka_unit_test(test_reservations_and_earmarks_equal_to_budget_are_accepted),
        cmocka_unit_test(test_utf8_bom_is_accepted_and_lines_still_count_from_1),
        cmocka_unit_test(test_windows_1252_label_is_converted_to_utf8),
        cmocka_unit_test(test_windows_1252_file_with_crlf_loads),
        cmocka_unit_test(test_crlf_columns_are_the_same_as_lf),
        cmocka_unit_test(test_label_containing_colon_is_kept_whole),
        cmocka_unit_test(test_colon_alone_separates_label_and_amount),
        cmocka_unit_test(test_semicolon_after_blank_starts_a_comment),
        cmocka_unit_test(test_indented_line_is_its_own_line_not_a_continuation),
        cmocka_unit_test(test_comments_and_blank_lines_keep_the_line_count),
        cmocka_unit_test(test_no_trailing_newline_is_fine),
        cmocka_unit_test(test_every_line_without_equals_is_reported),
        cmocka_unit_test(test_equals_after_a_comment_does_not_count),
        cmocka_unit_test(test_section_header_without_bracket_is_reported),
        cmocka_unit_test(test_key_before_any_section_is_reported),
        cmocka_unit_test(test_too_long_line_is_reported_and_counting_goes_on),
        cmocka_unit_test(test_nul_byte_in_a_line_is_reported),
        cmocka_unit_test(test_unknown_section_suggests_the_nearest),
        cmocka_unit_test(test_danish_section_name_suggests_the_english_one),
        cmocka_unit_test(test_unknown_section_with_no_near_name_lists_the_sections),
        cmocka_unit_test(test_misspelt_budget_section_is_one_error_not_two),
        cmocka_unit_test(test_unknown_key_in_pool_suggests_the_nearest),
        cmocka_unit_test(test_unknown_key_in_rules_suggests_the_nearest),
        cmocka_unit_test(test_key_of_the_other_section_says_where_it_belongs),
        cmocka_unit_test(test_unknown_key_with_no_near_name_lists_the_keys),
        cmocka_unit_test(test_keys_are_case_sensitive_with_a_suggestion),
        cmocka_unit_test(test_duplicate_key_in_pool_names_the_first_line),
        cmocka_unit_test(test_duplicate_key_in_rules_names_the_first_line),
        cmocka_unit_test(test_duplicate_label_in_budget_names_both_lines),
        cmocka_unit_test(test_duplicate_label_in_reservations_and_earmarks),
        cmocka_unit_test(test_money_line_without_label_is_reported),
        cmocka_unit_test(test_bad_amount_quotes_the_text_at_the_value_column),
        cmocka_unit_test(test_misplaced_thousands_dot_is_not_an_amount),
        cmocka_unit_test(test_missing_amount_is_reported),
        cmocka_unit_test(test_negative_amount_is_reported),
        cmocka_unit_test(test_amount_above_money_max_is_reported),
        cmocka_unit_test(test_section_total_above_money_max_is_reported),
        cmocka_unit_test(test_negative_threshold_is_reported),
        cmocka_unit_test(test_bad_threshold_is_reported),
        cmocka_unit_test(test_year_outside_1900_to_2200_is_reported),
        cmocka_unit_test(test_year_that_is_not_a_number_is_reported),
        cmocka_unit_test(test_decision_date_must_be_a_calendar_date),
        cmocka_unit_test(test_unknown_rule_lists_the_choices),
        cmocka_unit_test(test_rounding_must_be_an_allowed_unit),
        cmocka_unit_test(test_negative_rounding_is_reported),
        cmocka_unit_test(test_empty_settings_are_reported),
        cmocka_unit_test(test_missing_required_keys_are_reported_at_line_0),
        cmocka_unit_test(test_empty_file_reports_what_is_missing),
        cmocka_unit_test(test_reservations_and_earmarks_above_budget_are_reported),
        cmocka_unit_test(test_several_errors_are_reported_together),
        cmocka_unit_test(test_diagnostics_are_appended_to_an_existing_list),
        cmocka_unit_test(test_missing_file_is_a_diagnostic_with_the_reason),
        cmocka_unit_test(test_directory_instead_of_file_is_a_diagnostic),
        cmocka_unit_test(test_pool_free_is_safe_on_a_zeroed_and_a_freed_pool),
        cmocka_unit_test(test_multiyear_section_is_read),
        cmocka_unit_test(test_misspelt_multiyear_section_suggests_it),
        cmocka_unit_test(test_sections_without_lines_report_every_missing_key),
        cmocka_unit_test(test_mixed_line_endings_count_lines_alike),
        cmocka_unit_test(test_old_mac_line_endings_are_read),
        cmocka_unit_test(test_bytes_neither_utf8_nor_windows_1252_are_reported_where_they_are),
        cmocka_unit_test(test_control_character_in_a_label_is_reported),
        cmocka_unit_test(test_stray_byte_in_a_utf8_file_is_reported_not_read_as_windows_1252),
        cmocka_unit_test(test_every_key_in_the_table_is_read_with_its_example),
        cmocka_unit_test(test_unknown_key_in_pool_lists_every_pool_key_from_the_table),
        cmocka_unit_test(test_misspelt_new_key_is_suggested),
        cmocka_unit_test(test_case_number_guidelines_and_notes_are_read),
        cmocka_unit_test(test_committee_paper_keys_are_optional),
        cmocka_unit_test(test_empty_notes_are_reported_and_empty_pieces_dropped),
        cmocka_unit_test(test_missing_decision_date_is_1_january_which_the_workbook_takes),
        cmocka_unit_test(test_pool_and_workbook_take_the_same_dates),
        cmocka_unit_test(test_check_and_run_agree_on_a_pool_without_decision_date),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
