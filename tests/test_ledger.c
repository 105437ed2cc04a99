/* test_ledger.c - Tests for the commitments ledger (src/ledger.c). */
#include "testutil.h"

#include <unistd.h>

#include "inputs.h"
#include "run.h"
#include "ledger.h"
#include "labels.h"

#define HDR "Løbenr;Besluttet år;Udbetalingsår;Nr;Forening;Beløb;Art\r\n"
#define GOOD_ROW "L2022-001;2022;2023;5;Foreningen A;120000;flerårigt tilskud\r\n"

/* FILE relative to the project (the folder above tests/). */
static void project_path(char *buf, size_t size, const char *file)
{
    const char *me = __FILE__, *slash = strrchr(me, '/');
    size_t dir = slash ? (size_t)(slash - me + 1) : 0;
    snprintf(buf, size, "%.*s../%s", (int)dir, me, file);
}

static int parse_n(const char *csv, size_t len, ledger *l, diag_list *d)
{
    diag_init(d);
    return ledger_parse(csv, len, "f.csv", l, d);
}

static int parse(const char *csv, ledger *l, diag_list *d)
{
    return parse_n(csv, strlen(csv), l, d);
}

/* Parse csv, asserting that it has no problem at all. */
static void parse_ok(const char *csv, ledger *l, diag_list *d)
{
    int rc = parse(csv, l, d);
    test_print_diags(d);
    assert_int_equal(d->n, 0);
    assert_int_equal(rc, 0);
}

/* Assert an error at line/col whose message is msg exactly; returns it. */
static const diag *expect_error(const diag_list *d, unsigned line, unsigned col,
                                const char *msg)
{
    for (size_t i = 0; i < d->n; i++) {
        const diag *e = &d->v[i];
        if (e->line != line || e->col != col)
            continue;
        assert_int_equal(e->level, DIAG_ERROR);
        assert_string_equal(e->file, "f.csv");
        assert_string_equal(e->msg, msg);
        assert_non_null(e->hint);
        return e;
    }
    fprintf(stderr, "no diagnostic at %u:%u; have:\n", line, col);
    test_print_diags(d);
    fail();
    return NULL;
}

/* A file of the header, a good row (line 2) and row (line 3) has exactly one
 * problem, an error at line 3, col, saying msg. */
static const diag *one_error_in_row(const char *row, unsigned col, const char *msg, ledger *l,
                                    diag_list *d)
{
    char csv[1024];
    snprintf(csv, sizeof csv, "%s%s%s", HDR, GOOD_ROW, row);
    assert_int_equal(parse(csv, l, d), -1);
    if (d->n != 1)
        test_print_diags(d);
    assert_int_equal(d->n, 1);
    return expect_error(d, 3, col, msg);
}

static void done(ledger *l, diag_list *d)
{
    ledger_free(l);
    diag_free(d);
}

/* one_error_in_row(), and the error's hint is hint unless that is NULL. */
static void row_error(const char *row, unsigned col, const char *msg, const char *hint)
{
    ledger l;
    diag_list d;
    const diag *e = one_error_in_row(row, col, msg, &l, &d);
    if (hint)
        assert_string_equal(e->hint, hint);
    assert_int_equal(l.n, 2); /* the row is kept */
    done(&l, &d);
}

/* ---- the column table ---------------------------------------------------- */

static void test_columns_are_the_default_headers_and_cvr(void **state)
{
    static const char *const headers[] = {"Løbenr", "Besluttet år", "Udbetalingsår", "Nr",
                                          "Forening", "CVR", "Beløb", "Art"};
    static const bool required[] = {true, true, true, false, true, false, true, true};
    size_t n = 0;
    (void)state;
    for (; ledger_columns[n].key; n++) {
        assert_true(n < 8);
        assert_string_equal(ledger_columns[n].header, headers[n]);
        assert_int_equal(ledger_columns[n].required, required[n]);
        assert_non_null(ledger_columns[n].meaning);
        assert_null(ledger_columns[n].aliases[5]);
    }
    assert_int_equal(n, 8);
}

static void test_no_two_column_spellings_fold_alike(void **state)
{
    (void)state;
    test_spellings_fold_apart(ledger_columns);
}

static void test_kind_names_are_danish(void **state)
{
    (void)state;
    assert_string_equal(ledger_kind_name(LEDGER_MULTI_YEAR), "flerårigt tilskud");
    assert_string_equal(ledger_kind_name(LEDGER_AGREEMENT), "driftsaftale");
}

/* ---- reading good files -------------------------------------------------- */

static void test_default_ledger_reserves_the_2023_figures(void **state)
{
    char path[512];
    ledger l;
    diag_list d;
    (void)state;
    project_path(path, sizeof path, "inputs/forpligtelser.csv");
    diag_init(&d);
    assert_int_equal(ledger_load(path, &l, &d), 0);
    test_print_diags(&d);
    assert_int_equal(d.n, 0);
    assert_string_equal(l.file, path);
    assert_int_equal(l.n, 42);
    assert_int_equal(ledger_sum(&l, 2023, LEDGER_MULTI_YEAR), 2179031);
    assert_int_equal(ledger_sum(&l, 2023, LEDGER_AGREEMENT), 935480);

    assert_string_equal(l.v[0].id, "L2020-001");
    assert_int_equal(l.v[0].decided, 2020);
    assert_int_equal(l.v[0].year, 2020);
    assert_string_equal(l.v[0].nr, "1");
    assert_string_equal(l.v[0].association, "Sanderums Grønne Rødder");
    assert_string_equal(l.v[0].cvr, "");
    assert_int_equal(l.v[0].amount, 185000);
    assert_int_equal(l.v[0].kind, LEDGER_MULTI_YEAR);
    assert_int_equal(l.v[0].line, 2);

    assert_string_equal(l.v[16].id, "L2021-009");
    assert_int_equal(l.v[16].year, 2024);
    assert_string_equal(l.v[16].association, "Frivilligcenter Odense");
    assert_int_equal(l.v[16].amount, 935480);
    assert_int_equal(l.v[16].kind, LEDGER_AGREEMENT);
    assert_int_equal(l.v[16].line, 18);
    assert_int_equal(l.v[41].line, 43);
    done(&l, &d);
}

static void test_header_only_is_an_empty_ledger(void **state)
{
    static const char *const files[] = {HDR, "\xEF\xBB\xBF" HDR "\r\n;;;;;;\r\n"};
    ledger l;
    diag_list d;
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        parse_ok(files[i], &l, &d);
        assert_int_equal(l.n, 0);
        assert_int_equal(ledger_sum(&l, 2023, LEDGER_MULTI_YEAR), 0);
        done(&l, &d);
    }
}

static void test_reads_windows_1252(void **state)
{
    const char *csv = "L\xf8""benr;Besluttet \xe5r;Udbetalings\xe5r;Nr;Forening;Bel\xf8""b;Art\r\n"
                      "L1;2022;2023;5;Sanderums Gr\xf8nne R\xf8""dder;120.000;Fler\xe5rigt "
                      "tilskud\r\n"
                      "L2;2022;2024;;\xc6""bleg\xe5rdens Venner;50000;driftsaftale\r\n";
    ledger l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), 0);
    /* the same notice as for the applications: one warning, at no line */
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].level, DIAG_WARNING);
    assert_string_equal(d.v[0].file, "f.csv");
    assert_int_equal(d.v[0].line, 0);
    assert_int_equal(d.v[0].col, 0);
    assert_string_equal(d.v[0].msg, "read as Windows-1252, since the file has no UTF-8 letters");
    assert_string_equal(d.v[0].hint, "if æ, ø or å look wrong in the results, save the file "
                                     "from Excel as \"CSV UTF-8 (kommasepareret)\"");
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].association, "Sanderums Grønne Rødder");
    assert_int_equal(l.v[0].amount, 120000);
    assert_int_equal(l.v[0].kind, LEDGER_MULTI_YEAR);
    assert_string_equal(l.v[1].association, "Æblegårdens Venner");
    assert_string_equal(l.v[1].nr, "");
    assert_int_equal(l.v[1].kind, LEDGER_AGREEMENT);
    done(&l, &d);
}

/* A Windows-1252 ledger with a byte that encoding has no letter for: an
 * error at its place, besides the notice. */
static void test_a_byte_without_a_letter_in_a_windows_1252_ledger_is_an_error(void **state)
{
    const char *csv = "L\xf8""benr;Besluttet \xe5r;Udbetalings\xe5r;Nr;Forening;Bel\xf8""b;Art\r\n"
                      "L1;2022;2023;5;R\xf8""dder;120000;driftsaftale\r\n"
                      "L2;2022;2023;6;Gr\x81nne;5000;driftsaftale\r\n";
    ledger l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    const diag *e = expect_error(&d, 3, 5,
                                 "column 5 (Forening): the byte at character 3 is neither UTF-8 "
                                 "nor a Windows-1252 letter (0x81, 0x8D, 0x8F, 0x90 or 0x9D)");
    assert_string_equal(e->hint, "retype the character and save the file from Excel as \"CSV "
                                 "UTF-8 (kommasepareret)\"");
    assert_int_equal(d.n, 2);
    assert_int_equal(d.v[1].level, DIAG_WARNING);
    assert_int_equal(d.v[1].line, 0);
    assert_string_equal(d.v[1].msg, "read as Windows-1252, since the file has no UTF-8 letters");
    done(&l, &d);
}

/* A UTF-8 ledger (Danish letters in the header) with one stray byte: an
 * error at that byte's line and column, naming the byte and its
 * Windows-1252 letter; nothing is read as Windows-1252. */
static void test_a_stray_byte_in_a_utf8_ledger_is_an_error_at_its_place(void **state)
{
    const char *csv = HDR GOOD_ROW
                      "L2022-002;2022;2023;6;Sanderums Gr\xf8nne;50000;driftsaftale\r\n";
    ledger l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    const diag *e = expect_error(&d, 3, 5,
                                 "column 5 (Forening): byte 0xF8 at character 13 is not UTF-8, though the "
                                 "file is (it has UTF-8 letters from line 1); text pasted from "
                                 "another program?");
    assert_string_equal(e->hint, "retype the character (in Windows-1252 the byte is \"ø\") and "
                                 "save the file as \"CSV UTF-8\"");
    assert_int_equal(d.n, 1);
    done(&l, &d);
}

/* The same on a ledger read from its file. */
static void test_load_reads_the_encoding_too(void **state)
{
    char dir[] = "/tmp/pulje-ledger-enc-XXXXXX", path[80];
    const char *csv = "L\xf8""benr;Besluttet \xe5r;Udbetalings\xe5r;Nr;Forening;Bel\xf8""b;Art\r\n"
                      "L1;2022;2023;5;R\xf8""dder;120000;driftsaftale\r\n";
    ledger l;
    diag_list d;
    FILE *fp;
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/ledger.csv", dir);
    fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(csv, 1, strlen(csv), fp), strlen(csv));
    assert_int_equal(fclose(fp), 0);
    diag_init(&d);
    assert_int_equal(ledger_load(path, &l, &d), 0);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].level, DIAG_WARNING);
    assert_string_equal(d.v[0].file, path);
    assert_string_equal(d.v[0].msg, "read as Windows-1252, since the file has no UTF-8 letters");
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0].association, "Rødder");
    done(&l, &d);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

static void test_art_ignores_case_and_accepts_aliases(void **state)
{
    static const struct {
        const char *art;
        ledger_kind kind;
    } arts[] = {
        {"flerårigt tilskud", LEDGER_MULTI_YEAR}, {"FLERÅRIGT TILSKUD", LEDGER_MULTI_YEAR},
        {"Flerårig", LEDGER_MULTI_YEAR},          {"flerårige tilskud", LEDGER_MULTI_YEAR},
        {"Fleraarigt tilskud", LEDGER_MULTI_YEAR}, {"driftsaftale", LEDGER_AGREEMENT},
        {"Driftsaftaler", LEDGER_AGREEMENT},      {"DRIFTSAFTALE", LEDGER_AGREEMENT},
        {"drifts-aftale", LEDGER_AGREEMENT},
    };
    char csv[512];
    ledger l;
    diag_list d;
    (void)state;
    for (size_t i = 0; i < sizeof arts / sizeof arts[0]; i++) {
        snprintf(csv, sizeof csv, HDR "L1;2022;2023;5;A;100;  %s \r\n", arts[i].art);
        parse_ok(csv, &l, &d);
        assert_int_equal(l.v[0].kind, arts[i].kind);
        done(&l, &d);
    }
}

static void test_columns_in_another_order_with_aliases_and_cvr(void **state)
{
    /* CVR last and optional: rows may lack it (older Excel drops the ';') */
    const char *csv = "Art;Beløb (kr.);Foreningens navn;Ansøgningsnr;Udbetalt år;Bevillingsår;"
                      "Løbenummer;CVR-nr\n"
                      "driftsaftale;935.480;Frivilligcenter Odense;12;2023;2021;L7;12345678\n"
                      "flerårig;kr. 50.000;Foreningen B;;2024;2022;L8\n";
    ledger l;
    diag_list d;
    (void)state;
    parse_ok(csv, &l, &d);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].id, "L7");
    assert_int_equal(l.v[0].decided, 2021);
    assert_int_equal(l.v[0].year, 2023);
    assert_string_equal(l.v[0].nr, "12");
    assert_string_equal(l.v[0].cvr, "12345678");
    assert_int_equal(l.v[0].amount, 935480);
    assert_int_equal(l.v[0].kind, LEDGER_AGREEMENT);
    assert_string_equal(l.v[1].id, "L8");
    assert_string_equal(l.v[1].cvr, "");
    assert_int_equal(l.v[1].amount, 50000);
    assert_int_equal(l.v[1].kind, LEDGER_MULTI_YEAR);
    done(&l, &d);
}

static void test_paid_exactly_10_years_after_is_accepted(void **state)
{
    ledger l;
    diag_list d;
    (void)state;
    parse_ok(HDR "L1;2020;2030;;A;1;driftsaftale\r\n"
                 "L2;1900;1900;;A;0;driftsaftale\r\n"
                 "L3;2200;2200;;A;0;driftsaftale\r\n",
             &l, &d);
    assert_int_equal(l.v[0].year, 2030);
    done(&l, &d);
}

/* ---- one error each, with its line and column ---------------------------- */

static void test_decided_year_that_is_not_a_year(void **state)
{
    static const char *const bad[] = {"20x2", "1899", "2201", "22", "-2022"};
    char row[256], msg[256];
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(row, sizeof row, "L2;%s;2023;6;B;1000;driftsaftale\r\n", bad[i]);
        snprintf(msg, sizeof msg,
                 "column 2 (Besluttet år): \"%s\" is not a year from 1900 to 2200", bad[i]);
        row_error(row, 2, msg, "write the year with four digits, like 2023");
    }
}

static void test_empty_payment_year_is_an_error(void **state)
{
    (void)state;
    row_error("L2;2022;;6;B;1000;driftsaftale\r\n", 3,
              "column 3 (Udbetalingsår): the year is empty", NULL);
}

static void test_paid_before_decided_is_an_error(void **state)
{
    (void)state;
    row_error("L2;2022;2021;6;B;1000;driftsaftale\r\n", 3,
              "column 3 (Udbetalingsår): paid in 2021, before it was decided in 2022 "
              "(column 2, Besluttet år)",
              "money is paid in the year it is decided or later: check both years");
}

static void test_paid_more_than_10_years_after_decided_is_an_error(void **state)
{
    (void)state;
    row_error("L2;2020;2031;6;B;1000;driftsaftale\r\n", 3,
              "column 3 (Udbetalingsår): paid in 2031, more than 10 years after it was "
              "decided in 2020 (column 2, Besluttet år)",
              NULL);
}

static void test_negative_amount_is_an_error(void **state)
{
    ledger l;
    diag_list d;
    const diag *e;
    (void)state;
    e = one_error_in_row("L2;2022;2023;6;B;-5.000;driftsaftale\r\n", 6,
                         "column 6 (Beløb): \"-5.000\" is negative", &l, &d);
    assert_string_equal(e->hint, "write 0 or more, in whole kroner like 50.000 or 50000");
    assert_int_equal(l.v[1].amount, 0);
    done(&l, &d);
}

static void test_malformed_amounts_are_errors(void **state)
{
    (void)state;
    row_error("L2;2022;2023;6;B;12x;driftsaftale\r\n", 6,
              "column 6 (Beløb): \"12x\" is not a whole-krone amount",
              "write whole kroner like 50.000 or 50000");
    row_error("L2;2022;2023;6;B;5.00;driftsaftale\r\n", 6,
              "column 6 (Beløb): \"5.00\" is not an amount: it has a '.' before 2 digits, but "
              "in Danish '.' separates thousands (50.000); as an English decimal point it "
              "would be 5 kr.",
              NULL);
    row_error("L2;2022;2023;6;B;1.000,50;driftsaftale\r\n", 6,
              "column 6 (Beløb): \"1.000,50\" has øre; amounts are whole kroner", NULL);
    row_error("L2;2022;2023;6;B;;driftsaftale\r\n", 6, "column 6 (Beløb): the amount is empty",
              NULL);
}

static void test_unknown_art_lists_the_kinds(void **state)
{
    (void)state;
    row_error("L2;2022;2023;6;B;1000;engangstilskud\r\n", 7,
              "column 7 (Art): \"engangstilskud\" is not a kind of commitment; the kinds are "
              "\"flerårigt tilskud\" and \"driftsaftale\"",
              "write \"flerårigt tilskud\" (a multi-year grant) or \"driftsaftale\" (an "
              "operating agreement)");
    row_error("L2;2022;2023;6;B;1000;\r\n", 7, "column 7 (Art): the kind is empty", NULL);
}

static void test_empty_id_and_association_are_errors(void **state)
{
    (void)state;
    row_error(" ;2022;2023;6;B;1000;driftsaftale\r\n", 1,
              "column 1 (Løbenr): the commitment number (Løbenr) is empty", NULL);
    row_error("L2;2022;2023;6;;1000;driftsaftale\r\n", 5,
              "column 5 (Forening): the association is empty", NULL);
}

static void test_duplicate_id_names_both_lines(void **state)
{
    const char *csv = HDR GOOD_ROW                                     /* 1, 2 */
        "L2022-002;2022;2024;5;Foreningen A;120000;flerårigt tilskud\r\n" /* 3 */
        "\r\n"                                                          /* 4 */
        " L2022-001 ;2022;2024;5;Foreningen A;120000;flerårigt tilskud\r\n" /* 5 */
        "L2022-001;2022;2025;5;Foreningen A;120000;flerårigt tilskud\r\n"; /* 6 */
    ledger l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 2);
    e = expect_error(&d, 5, 1, "Løbenr L2022-001 appears on lines 2 and 5");
    assert_string_equal(e->hint, "every commitment needs its own number: delete the duplicate "
                                 "row or give it a new Løbenr");
    expect_error(&d, 6, 1, "Løbenr L2022-001 appears on lines 2 and 6");
    assert_int_equal(l.n, 4);
    done(&l, &d);
}

static void test_missing_required_column_is_an_error_and_rows_are_still_checked(void **state)
{
    const char *csv = "Løbenr;Besluttet år;Udbetalingsår;Forening;Beløb\r\n"
                      "L1;2022;2023;A;1000\r\n"
                      "L2;2022;2023;B;-1\r\n";
    ledger l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 2);
    e = expect_error(&d, 1, 0,
                     "required column \"Art\" is missing (found: Løbenr, Besluttet år, "
                     "Udbetalingsår, Forening, Beløb)");
    assert_non_null(strstr(e->hint, "add a column headed \"Art\""));
    expect_error(&d, 3, 5, "column 5 (Beløb): \"-1\" is negative");
    assert_int_equal(l.n, 2);
    done(&l, &d);
}

static void test_unknown_column_suggests_close_spelling(void **state)
{
    const char *csv = "Løbenr;Besluttet år;Udbetalingsar;Forening;Beløb;Art\r\n";
    ledger l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 2);
    e = expect_error(&d, 1, 3, "column 3: unknown column \"Udbetalingsar\"");
    assert_non_null(strstr(e->hint, "did you mean \"Udbetalingsår\"?"));
    expect_error(&d, 1, 0,
                 "required column \"Udbetalingsår\" is missing (found: Løbenr, Besluttet år, "
                 "Udbetalingsar, Forening, Beløb, Art)");
    done(&l, &d);
}

static void test_empty_file_is_an_error(void **state)
{
    static const char *const empties[] = {"", "\xEF\xBB\xBF", "\r\n\n  \n", ";;;\r\n"};
    ledger l;
    diag_list d;
    const diag *e;
    (void)state;
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(parse(empties[i], &l, &d), -1);
        assert_int_equal(d.n, 1);
        e = expect_error(&d, 0, 0, "the file is empty");
        assert_string_equal(e->hint, "the first line must be the header, like Løbenr;Besluttet "
                                     "år;Udbetalingsår;Nr;Forening;CVR;Beløb;Art, then one "
                                     "line per commitment");
        assert_int_equal(l.n, 0);
        done(&l, &d);
    }
}

static void test_several_errors_in_one_file_are_all_reported(void **state)
{
    const char *csv = HDR                                   /* 1 */
        "L1;2022;2021;1;A;-1;flerårig\r\n"                  /* 2: paid before, negative */
        "L2;1800;2023;2;;100;leje\r\n"                      /* 3: year, association, art */
        "L3;2022;2023;3;C\r\n"                              /* 4: too few fields */
        "L1;2022;2040;4;D;1.000;driftsaftale\r\n";          /* 5: 18 years, duplicate */
    ledger l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    if (d.n != 8)
        test_print_diags(&d);
    assert_int_equal(d.n, 8);
    assert_int_equal(diag_errors(&d), 8);
    expect_error(&d, 2, 3,
                 "column 3 (Udbetalingsår): paid in 2021, before it was decided in 2022 "
                 "(column 2, Besluttet år)");
    expect_error(&d, 2, 6, "column 6 (Beløb): \"-1\" is negative");
    expect_error(&d, 3, 2, "column 2 (Besluttet år): \"1800\" is not a year from 1900 to 2200");
    expect_error(&d, 3, 5, "column 5 (Forening): the association is empty");
    expect_error(&d, 3, 7,
                 "column 7 (Art): \"leje\" is not a kind of commitment; the kinds are "
                 "\"flerårigt tilskud\" and \"driftsaftale\"");
    expect_error(&d, 4, 0, "the row has 5 fields, the header has 7 columns");
    expect_error(&d, 5, 3,
                 "column 3 (Udbetalingsår): paid in 2040, more than 10 years after it was "
                 "decided in 2022 (column 2, Besluttet år)");
    expect_error(&d, 5, 1, "Løbenr L1 appears on lines 2 and 5");
    assert_int_equal(l.n, 3);
    done(&l, &d);
}

static void test_load_reports_a_missing_file(void **state)
{
    ledger l;
    diag_list d;
    (void)state;
    diag_init(&d);
    assert_int_equal(ledger_load("/tmp/no-such-ledger.csv", &l, &d), -1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].msg,
                        "cannot read /tmp/no-such-ledger.csv: No such file or directory");
    assert_string_equal(d.v[0].file, "/tmp/no-such-ledger.csv");
    assert_int_equal(l.n, 0);
    done(&l, &d);
}

static void test_many_rows_and_a_late_duplicate(void **state)
{
    const size_t rows = 100000;
    size_t cap = 128 + rows * 64, n;
    char *csv = malloc(cap);
    ledger l;
    diag_list d;
    (void)state;
    assert_non_null(csv);
    n = (size_t)snprintf(csv, cap, HDR);
    for (size_t i = 1; i <= rows; i++)
        n += (size_t)snprintf(csv + n, cap - n, "L%zu;2022;2023;%zu;Forening %zu;%zu;flerårig\r\n",
                              i, i, i, i);
    n += (size_t)snprintf(csv + n, cap - n, "L777;2022;2024;1;X;1;driftsaftale\r\n");
    assert_int_equal(parse_n(csv, n, &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, (unsigned)rows + 2, 1, "Løbenr L777 appears on lines 778 and 100002");
    assert_int_equal(l.n, rows + 1);
    assert_int_equal(ledger_sum(&l, 2023, LEDGER_MULTI_YEAR), (pulje_kr)(rows * (rows + 1) / 2));
    free(csv);
    done(&l, &d);
}

/* ---- writing ---------------------------------------------------------------- */

/* Append a row with these fields. */
static void add(ledger *l, const char *id, int decided, int year, const char *nr,
                const char *association, const char *cvr, pulje_kr amount, ledger_kind kind)
{
    ledger_row r;
    memset(&r, 0, sizeof r);
    r.id = (char *)id;
    r.decided = decided;
    r.year = year;
    r.nr = (char *)nr;
    r.association = (char *)association;
    r.cvr = (char *)cvr;
    r.amount = amount;
    r.kind = kind;
    assert_int_equal(ledger_append(l, &r), 0);
}

static void assert_same_rows(const ledger *a, const ledger *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        assert_string_equal(a->v[i].id, b->v[i].id);
        assert_int_equal(a->v[i].decided, b->v[i].decided);
        assert_int_equal(a->v[i].year, b->v[i].year);
        assert_string_equal(a->v[i].nr, b->v[i].nr);
        assert_string_equal(a->v[i].association, b->v[i].association);
        assert_string_equal(a->v[i].cvr, b->v[i].cvr);
        assert_int_equal(a->v[i].amount, b->v[i].amount);
        assert_int_equal(a->v[i].kind, b->v[i].kind);
    }
}

/* Write l into a fresh folder; return the file's bytes (free them) and, when
 * back is not NULL, parse them into back (asserting no problem). The file
 * and folder are removed. */
static char *write_and_read(const ledger *l, size_t *len, ledger *back)
{
    char dir[] = "/tmp/test_ledger_XXXXXX", path[64], err[256] = "", *got;
    diag_list d;

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/ledger.csv", dir);
    if (ledger_write(path, l, err, sizeof err) != 0)
        fail_msg("ledger_write: %s", err);
    assert_int_equal(text_read_file(path, &got, len), 0);
    if (back) {
        diag_init(&d);
        assert_int_equal(ledger_load(path, back, &d), 0);
        test_print_diags(&d);
        assert_int_equal(d.n, 0);
        diag_free(&d);
    }
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0); /* no temporary file left */
    return got;
}

static void test_write_then_parse_gives_the_same_rows(void **state)
{
    ledger l, back;
    size_t n;
    (void)state;
    memset(&l, 0, sizeof l);
    add(&l, "L2023-001", 2023, 2023, "17", "Foreningen \"Hjem\"; Vollsmose", "12345678",
        250000, LEDGER_MULTI_YEAR);
    add(&l, "L2023-002", 2023, 2024, "", "Æblegården\nog venner", "", 0, LEDGER_AGREEMENT);
    add(&l, "L2023-003", 2023, 2025, "3", "Ørkenens Sønner", "87654321", 1000000000000,
        LEDGER_MULTI_YEAR);
    free(write_and_read(&l, &n, &back));
    assert_same_rows(&l, &back);
    assert_int_equal(back.v[2].line, 5); /* the line break in row 2 is a line */
    ledger_free(&back);
    ledger_free(&l);
}

static void test_default_ledger_is_written_back_byte_for_byte(void **state)
{
    static const char header[] =
        "\xEF\xBB\xBFLøbenr;Besluttet år;Udbetalingsår;Nr;Forening;Beløb;Art\r\n";
    char in[512], *a, *b;
    size_t na, nb;
    ledger l;
    diag_list d;
    (void)state;
    project_path(in, sizeof in, "inputs/forpligtelser.csv");
    diag_init(&d);
    assert_int_equal(ledger_load(in, &l, &d), 0);
    b = write_and_read(&l, &nb, NULL);
    assert_int_equal(text_read_file(in, &a, &na), 0);
    /* BOM, ';', CRLF, no CVR column when no row has one */
    assert_memory_equal(b, header, sizeof header - 1);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    free(a);
    free(b);
    done(&l, &d);
}

static void test_write_has_cvr_column_when_a_row_has_a_cvr(void **state)
{
    char *got;
    size_t n;
    ledger l;
    (void)state;
    memset(&l, 0, sizeof l);
    add(&l, "L1", 2022, 2023, "5", "A", "", 1000, LEDGER_MULTI_YEAR);
    add(&l, "L2", 2022, 2023, "6", "B", "12345678", 6318216, LEDGER_AGREEMENT);
    got = write_and_read(&l, &n, NULL);
    assert_string_equal(got, "\xEF\xBB\xBFLøbenr;Besluttet år;Udbetalingsår;Nr;Forening;CVR;"
                             "Beløb;Art\r\n"
                             "L1;2022;2023;5;A;;1000;flerårigt tilskud\r\n"
                             "L2;2022;2023;6;B;12345678;6318216;driftsaftale\r\n");
    free(got);
    ledger_free(&l);
}

static void test_write_neutralises_formulas_and_reads_them_back(void **state)
{
    char *got;
    size_t n;
    ledger l, back;
    (void)state;
    memset(&l, 0, sizeof l);
    add(&l, "+L1", 2022, 2023, "-5", "=HYPERLINK(\"http://x\";\"klik\")", "@12", 1000,
        LEDGER_MULTI_YEAR);
    got = write_and_read(&l, &n, &back);
    assert_string_equal(got, "\xEF\xBB\xBFLøbenr;Besluttet år;Udbetalingsår;Nr;Forening;CVR;"
                             "Beløb;Art\r\n"
                             "'+L1;2022;2023;'-5;\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\";"
                             "'@12;1000;flerårigt tilskud\r\n");
    assert_same_rows(&l, &back);
    free(got);
    ledger_free(&back);
    ledger_free(&l);
}

static void test_write_into_a_missing_folder_fails_cleanly(void **state)
{
    char dir[] = "/tmp/test_ledger_XXXXXX", path[64], err[256] = "";
    ledger l;
    (void)state;
    memset(&l, 0, sizeof l);
    add(&l, "L1", 2022, 2023, "5", "A", "", 1000, LEDGER_MULTI_YEAR);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/nope/ledger.csv", dir);
    assert_int_equal(ledger_write(path, &l, err, sizeof err), -1);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "No such file or directory"));
    assert_int_equal(rmdir(dir), 0); /* nothing was left in it */
    ledger_free(&l);
}

static void test_empty_ledger_writes_the_header_and_reads_back_empty(void **state)
{
    char *got;
    size_t n;
    ledger l, back;
    (void)state;
    memset(&l, 0, sizeof l);
    got = write_and_read(&l, &n, &back);
    assert_string_equal(got, "\xEF\xBB\xBF" HDR);
    assert_int_equal(back.n, 0);
    free(got);
    ledger_free(&back);
}

static void test_free_is_safe_on_a_zeroed_ledger(void **state)
{
    ledger l;
    (void)state;
    memset(&l, 0, sizeof l);
    ledger_free(&l);
    ledger_free(&l);
    assert_null(l.v);
    assert_int_equal(l.n, 0);
}

/* ------------------------------------------------------------------------ */
/* The ledger is never silently empty; no output is an input (inputs.c).      */

/* Write text into dir/name. */
static void put_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

/* A 2024 pool with [multiyear] and ledger = forpligtelser.csv in dir. */
static void multiyear_pool(const char *dir, const char *ledger_text)
{
    put_file(dir, "pool.ini",
             "[pool]\nname = Testpuljen\nyear = 2024\ndecision_date = 2023-12-13\napplications = apps.csv\n"
             "ledger = forpligtelser.csv\n[budget]\nB = 1.000.000\n[multiyear]\ncap = 55 %\n");
    put_file(dir, "apps.csv",
             "Nr;Forening;Indsats;Ansøgt;Indstillet;Afslag\n1;A;a;50.000;40.000;\n");
    put_file(dir, "forpligtelser.csv", ledger_text);
}

static void test_an_empty_ledger_of_a_multiyear_pool_is_a_warning(void **state)
{
    char dir[] = "/tmp/test_ledger_XXXXXX", pool_path[64], cmd[128];
    pulje_inputs in;
    diag_list d;
    (void)state;

    assert_non_null(mkdtemp(dir));
    multiyear_pool(dir, HDR);
    snprintf(pool_path, sizeof pool_path, "%s/pool.ini", dir);
    diag_init(&d);
    labels_set_language("da"); /* the warning is a label: Danish by default */
    assert_int_equal(run_load_inputs(pool_path, NULL, &in, &d), PULJE_OK);
    assert_int_equal(inputs_check_ledger(&in, NULL, &d), 0);
    labels_set_language("en");
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].level, DIAG_WARNING);
    assert_string_equal(d.v[0].msg,
                        "Ingen tidligere forpligtelser er reserveret for 2024 – er det rigtigt?");
    assert_non_null(strstr(d.v[0].file, "forpligtelser.csv"));
    inputs_free(&in);
    diag_free(&d);

    /* a ledger that reserves for 2024: nothing to say */
    multiyear_pool(dir, HDR "L2023-001;2023;2024;5;Foreningen A;120000;flerårigt tilskud\r\n");
    diag_init(&d);
    assert_int_equal(run_load_inputs(pool_path, NULL, &in, &d), PULJE_OK);
    assert_int_equal(inputs_check_ledger(&in, NULL, &d), 0);
    assert_int_equal(d.n, 0);
    inputs_free(&in);
    diag_free(&d);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_last_years_ledger_beside_an_empty_one_is_an_error(void **state)
{
    char dir[] = "/tmp/test_ledger_XXXXXX", pool_path[64], cmd[128];
    pulje_inputs in;
    diag_list d;
    (void)state;

    assert_non_null(mkdtemp(dir));
    multiyear_pool(dir, HDR);
    put_file(dir, "testpuljen-2023-forpligtelser.csv",
             HDR "L2023-001;2023;2024;5;Foreningen A;120000;flerårigt tilskud\r\n"
                 "L2023-002;2023;2025;5;Foreningen A;120000;flerårigt tilskud\r\n"
                 "L2024-001;2024;2024;5;Foreningen A;1;flerårigt tilskud\r\n");
    snprintf(pool_path, sizeof pool_path, "%s/pool.ini", dir);
    diag_init(&d);
    assert_int_equal(run_load_inputs(pool_path, NULL, &in, &d), PULJE_OK);
    assert_int_equal(inputs_check_ledger(&in, NULL, &d), -1);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].level, DIAG_ERROR);
    assert_int_equal(d.v[0].line, 6); /* the pool file's `ledger =` */
    assert_non_null(strstr(d.v[0].msg, "testpuljen-2023-forpligtelser.csv holds 1 commitment "
                                       "for 2024 (DKK 120,000), but the pool's ledger "));
    assert_non_null(strstr(d.v[0].hint, "(line 6)"));
    inputs_free(&in);
    diag_free(&d);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_an_output_that_is_the_ledger_is_refused_before_reading(void **state)
{
    char dir[] = "/tmp/test_ledger_XXXXXX", pool_path[64], out[64], cmd[256];
    pulje_inputs in;
    diag_list d;
    (void)state;

    assert_non_null(mkdtemp(dir));
    multiyear_pool(dir, HDR);
    snprintf(pool_path, sizeof pool_path, "%s/pool.ini", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    /* a hard link: another name, the same file */
    snprintf(cmd, sizeof cmd, "mkdir %s && ln %s/forpligtelser.csv %s/testpuljen-2024-forpligtelser.csv",
             out, dir, out);
    assert_int_equal(system(cmd), 0);
    diag_init(&d);
    assert_int_equal(run_load_inputs(pool_path, out, &in, &d), PULJE_INPUT);
    assert_int_equal(d.n, 1);
    assert_non_null(strstr(d.v[0].msg, "/out/testpuljen-2024-forpligtelser.csv is the ledger: "
                                       "writing it would destroy an input"));
    assert_int_equal(in.apps.n, 0); /* refused before the applications were read */
    inputs_free(&in);
    diag_free(&d);
    /* another output folder: fine */
    diag_init(&d);
    assert_int_equal(run_load_inputs(pool_path, dir, &in, &d), PULJE_OK);
    assert_int_equal(d.n, 0);
    inputs_free(&in);
    diag_free(&d);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_a_ledger_that_is_not_a_file_is_refused(void **state)
{
    char dir[] = "/tmp/test_ledger_XXXXXX", pool_path[64], cmd[256];
    pulje_inputs in;
    diag_list d;
    (void)state;

    assert_non_null(mkdtemp(dir));
    multiyear_pool(dir, HDR);
    snprintf(cmd, sizeof cmd, "rm %s/forpligtelser.csv && mkfifo %s/forpligtelser.csv", dir, dir);
    assert_int_equal(system(cmd), 0);
    snprintf(pool_path, sizeof pool_path, "%s/pool.ini", dir);
    diag_init(&d);
    assert_int_equal(run_load_inputs(pool_path, NULL, &in, &d), PULJE_INPUT);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].msg, "the ledger is not a regular file (it is a pipe (FIFO)); "
                                    "pulje reads only files");
    inputs_free(&in);
    diag_free(&d);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns_are_the_default_headers_and_cvr),
        cmocka_unit_test(test_no_two_column_spellings_fold_alike),
        cmocka_unit_test(test_kind_names_are_danish),
        cmocka_unit_test(test_default_ledger_reserves_the_2023_figures),
        cmocka_unit_test(test_header_only_is_an_empty_ledger),
        cmocka_unit_test(test_reads_windows_1252),
        cmocka_unit_test(test_art_ignores_case_and_accepts_aliases),
        cmocka_unit_test(test_columns_in_another_order_with_aliases_and_cvr),
        cmocka_unit_test(test_paid_exactly_10_years_after_is_accepted),
        cmocka_unit_test(test_decided_year_that_is_not_a_year),
        cmocka_unit_test(test_empty_payment_year_is_an_error),
        cmocka_unit_test(test_paid_before_decided_is_an_error),
        cmocka_unit_test(test_paid_more_than_10_years_after_decided_is_an_error),
        cmocka_unit_test(test_negative_amount_is_an_error),
        cmocka_unit_test(test_malformed_amounts_are_errors),
        cmocka_unit_test(test_unknown_art_lists_the_kinds),
        cmocka_unit_test(test_empty_id_and_association_are_errors),
        cmocka_unit_test(test_duplicate_id_names_both_lines),
        cmocka_unit_test(test_missing_required_column_is_an_error_and_rows_are_still_checked),
        cmocka_unit_test(test_unknown_column_suggests_close_spelling),
        cmocka_unit_test(test_empty_file_is_an_error),
        cmocka_unit_test(test_several_errors_in_one_file_are_all_reported),
        cmocka_unit_test(test_load_reports_a_missing_file),
        cmocka_unit_test(test_many_rows_and_a_late_duplicate),
        cmocka_unit_test(test_write_then_parse_gives_the_same_rows),
        cmocka_unit_test(test_default_ledger_is_written_back_byte_for_byte),
        cmocka_unit_test(test_write_has_cvr_column_when_a_row_has_a_cvr),
        cmocka_unit_test(test_write_neutralises_formulas_and_reads_them_back),
        cmocka_unit_test(test_write_into_a_missing_folder_fails_cleanly),
        cmocka_unit_test(test_empty_ledger_writes_the_header_and_reads_back_empty),
        cmocka_unit_test(test_free_is_safe_on_a_zeroed_ledger),
        cmocka_unit_test(test_an_empty_ledger_of_a_multiyear_pool_is_a_warning),
        cmocka_unit_test(test_last_years_ledger_beside_an_empty_one_is_an_error),
        cmocka_unit_test(test_an_output_that_is_the_ledger_is_refused_before_reading),
        cmocka_unit_test(test_a_ledger_that_is_not_a_file_is_refused),
        cmocka_unit_test(test_a_byte_without_a_letter_in_a_windows_1252_ledger_is_an_error),
        cmocka_unit_test(test_a_stray_byte_in_a_utf8_ledger_is_an_error_at_its_place),
        cmocka_unit_test(test_load_reads_the_encoding_too),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
