/* test_apps.c - Tests for the applications reader (src/apps.c). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "apps.h"
#include "text.h"
#include "labels.h"

#define HDR "Nr;CVR;Forening;Indsats;Ansøgt;Indstillet;Afslag/begrundelse;Antal år;År aktiv;" \
            "Undtagelse;Prioritet\n"
/* The header with two empty fields after it, as Excel pads it. */
#define HDR_PAD "Nr;CVR;Forening;Indsats;Ansøgt;Indstillet;Afslag/begrundelse;Antal år;" \
                "År aktiv;Undtagelse;Prioritet;;\n"
#define GOOD_ROW "1;11111111;Foreningen A;Indsats A;50.000;40.000;;1;;;\n"

/* tests/data/NAME, next to this file. */
static void data_path(char *buf, size_t size, const char *name)
{
    const char *file = __FILE__, *slash = strrchr(file, '/');
    size_t dir = slash ? (size_t)(slash - file + 1) : 0;
    snprintf(buf, size, "%.*sdata/%s", (int)dir, file, name);
}

static int parse_n(const char *csv, size_t len, app_list *l, diag_list *d)
{
    diag_init(d);
    return apps_parse(csv, len, "t.csv", l, d);
}

static int parse(const char *csv, app_list *l, diag_list *d)
{
    return parse_n(csv, strlen(csv), l, d);
}

/* The first diagnostic at line/col, or NULL. */
static const diag *diag_at(const diag_list *d, unsigned line, unsigned col)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].line == line && d->v[i].col == col)
            return &d->v[i];
    return NULL;
}

static void print_diags(const diag_list *d)
{
    char buf[2048];
    for (size_t i = 0; i < d->n; i++)
        fprintf(stderr, "  %s\n", diag_format(&d->v[i], buf, sizeof buf));
}

/* Assert an error at line/col whose message holds w1 and w2 (either may be NULL). */
static const diag *expect_error(const diag_list *d, unsigned line, unsigned col, const char *w1,
                                const char *w2)
{
    const diag *e = diag_at(d, line, col);
    if (!e) {
        fprintf(stderr, "no diagnostic at %u:%u; have:\n", line, col);
        print_diags(d);
    }
    assert_non_null(e);
    assert_int_equal(e->level, DIAG_ERROR);
    assert_string_equal(e->file, "t.csv");
    if (w1 && !strstr(e->msg, w1))
        fail_msg("\"%s\" not in \"%s\"", w1, e->msg);
    if (w2 && !strstr(e->msg, w2))
        fail_msg("\"%s\" not in \"%s\"", w2, e->msg);
    return e;
}

/* A file with a good row (line 2) and row (line 3) has exactly one error, at line 3, col. */
static const diag *one_error_in_row(const char *row, unsigned col, const char *w1,
                                    const char *w2, app_list *l, diag_list *d)
{
    char csv[1024];
    snprintf(csv, sizeof csv, "%s%s%s", HDR, GOOD_ROW, row);
    assert_int_equal(parse(csv, l, d), -1);
    if (d->n != 1)
        print_diags(d);
    assert_int_equal(d->n, 1);
    assert_int_equal(diag_errors(d), 1);
    return expect_error(d, 3, col, w1, w2);
}

static void done(app_list *l, diag_list *d)
{
    apps_free(l);
    diag_free(d);
}

/* ---- the column table ---------------------------------------------------- */

static void test_columns_are_the_default_headers_in_order(void **state)
{
    static const char *const keys[] = {"nr", "cvr", "association", "activity", "applied",
                                       "assessed", "refusal", "years", "active_years",
                                       "exceptional", "priority"};
    static const char *const headers[] = {"Nr", "CVR", "Forening", "Indsats", "Ansøgt",
                                          "Indstillet", "Afslag/begrundelse", "Antal år",
                                          "År aktiv", "Undtagelse", "Prioritet"};
    static const bool required[] = {true, false, true, true, true, true,
                                    true, false, false, false, false};
    size_t n = 0;
    (void)state;
    for (; apps_columns[n].col.key; n++) {
        assert_true(n < 11);
        assert_string_equal(apps_columns[n].col.key, keys[n]);
        assert_string_equal(apps_columns[n].col.header, headers[n]);
        assert_int_equal(apps_columns[n].col.required, required[n]);
        assert_non_null(apps_columns[n].col.meaning);
        assert_null(apps_columns[n].col.aliases[5]);
    }
    assert_int_equal(n, 11);
}

static void test_no_two_column_spellings_fold_alike(void **state)
{
    table_column cols[64];
    size_t n = apps_n_columns();
    (void)state;
    assert_true(n < 64);
    for (size_t k = 0; k <= n; k++)
        cols[k] = apps_columns[k].col;
    test_spellings_fold_apart(cols);
}

/* Every row of the registry has every piece of its contract: a kind with
 * its field, bounds for numbers, a message and hint for what the reader
 * checks by kind, a template note in both languages, a width, and a
 * validation the template can write. */
static void test_every_column_has_its_whole_contract(void **state)
{
    size_t n = apps_n_columns();
    (void)state;
    assert_true(n > 0);
    for (size_t k = 0; k < n; k++) {
        const apps_column *c = &apps_columns[k];
        assert_non_null(c->col.key);
        assert_non_null(c->col.header);
        assert_non_null(c->col.meaning);
        assert_non_null(c->note[0]);
        assert_non_null(c->note[1]);
        assert_true(c->width > 0);
        assert_true(c->field + 1 <= sizeof(app));
        for (size_t j = 0; j < k; j++)
            assert_true(apps_columns[j].field != c->field);
        if (c->kind == APPS_COUNT || c->kind == APPS_YES_NO) {
            assert_non_null(c->what);
            assert_non_null(c->hint);
        }
        if (c->kind == APPS_COUNT || c->kind == APPS_AMOUNT)
            assert_true(c->min <= c->max);
        if (c->check == APPS_CHECK_RANGE)
            assert_true(c->kind == APPS_COUNT || c->kind == APPS_AMOUNT);
        if (c->check == APPS_CHECK_LIST)
            assert_true(c->kind == APPS_YES_NO ||
                        (c->kind == APPS_COUNT && c->max - c->min < 32));
    }
}

/* The README's table of columns is the registry's rows, in order: header,
 * required, meaning. Regenerate the README's rows from apps_columns when
 * this fails (the earmark rows after them are the README's own). */
static void test_readme_column_table_is_the_registry(void **state)
{
    char path[1024], want[8192] = "", line[1024];
    const char *file = __FILE__, *slash = strrchr(file, '/');
    size_t dir = slash ? (size_t)(slash - file + 1) : 0, o = 0, got_n = 0;
    char got[8192] = "";
    FILE *fp;
    bool in = false;
    (void)state;

    o += (size_t)snprintf(want + o, sizeof want - o, "| column | required | meaning |\n"
                                                     "|---|---|---|\n");
    for (size_t k = 0; apps_columns[k].col.key; k++)
        o += (size_t)snprintf(want + o, sizeof want - o, "| `%s` | %s | %s |\n",
                              apps_columns[k].col.header,
                              apps_columns[k].col.required ? "yes" : "no",
                              apps_columns[k].col.meaning);
    assert_true(o < sizeof want);
    snprintf(path, sizeof path, "%.*s../README.md", (int)dir, file);
    fp = fopen(path, "r");
    assert_non_null(fp);
    while (fgets(line, sizeof line, fp)) {
        if (strcmp(line, "| column | required | meaning |\n") == 0)
            in = true;
        if (in && strncmp(line, "| `<", 4) == 0)
            break;
        if (in && got_n + strlen(line) < sizeof got) {
            memcpy(got + got_n, line, strlen(line) + 1);
            got_n += strlen(line);
        }
        if (in && line[0] != '|')
            break;
    }
    fclose(fp);
    assert_string_equal(got, want);
}

/* The reader takes the bounds the template's validation gives: Prioritet
 * 1..999999999 (a priority per multi-year request, of up to a million
 * applications), År aktiv 0..500. */
static void test_reader_bounds_are_the_template_bounds(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(HDR "2;;B;X;10.000;;;2;500;;999999999\n", &l, &d), 0);
    assert_int_equal(l.v[0].priority, 999999999);
    assert_int_equal(l.v[0].active_years, 500);
    done(&l, &d);
    one_error_in_row("2;;B;X;10.000;;;2;;;1000000000\n", 11,
                     "column 11 (Prioritet): \"1000000000\"", "is not a positive whole number",
                     &l, &d);
    done(&l, &d);
    one_error_in_row("2;;B;X;10.000;;;2;501;;\n", 9, "column 9 (År aktiv): \"501\"",
                     "is not a whole number of years up to 500", &l, &d);
    done(&l, &d);
}

/* ---- reading good files -------------------------------------------------- */

static void check_sample(const app_list *l)
{
    assert_int_equal(l->n, 6);

    assert_string_equal(l->v[0].nr, "1");
    assert_string_equal(l->v[0].cvr, "12345678");
    assert_string_equal(l->v[0].association, "Kirkens Korshær Odense");
    assert_string_equal(l->v[0].activity, "Varmestuen");
    assert_int_equal(l->v[0].applied, 250000);
    assert_int_equal(l->v[0].assessed, 200000);
    assert_true(l->v[0].assessed_given);
    assert_string_equal(l->v[0].refusal, "");
    assert_int_equal(l->v[0].years, 3);
    assert_int_equal(l->v[0].active_years, 12);
    assert_true(l->v[0].exceptional);
    assert_int_equal(l->v[0].priority, 1);
    assert_int_equal(l->v[0].line, 2);

    assert_string_equal(l->v[1].association, "Foreningen Grønne Hænder");
    assert_int_equal(l->v[1].applied, 50000);
    assert_int_equal(l->v[1].assessed, 50000);
    assert_false(l->v[1].assessed_given);
    assert_int_equal(l->v[1].years, 1);
    assert_int_equal(l->v[1].active_years, -1);
    assert_false(l->v[1].exceptional);
    assert_int_equal(l->v[1].priority, 0);
    assert_int_equal(l->v[1].line, 3);

    assert_string_equal(l->v[2].activity, "Rådgivning; familier");
    assert_int_equal(l->v[2].assessed, 80000);
    assert_int_equal(l->v[2].years, 2);
    assert_false(l->v[2].exceptional);
    assert_int_equal(l->v[2].priority, 2);
    assert_int_equal(l->v[2].line, 4);

    assert_string_equal(l->v[3].cvr, "");
    assert_string_equal(l->v[3].activity, "Lektiecafé\nfor unge 12-25 år");
    assert_int_equal(l->v[3].line, 5);

    assert_string_equal(l->v[4].association, "Foreningen Ææ Øø Åå");
    assert_string_equal(l->v[4].refusal, "Uden for målgruppen");
    assert_int_equal(l->v[4].applied, 30000);
    assert_int_equal(l->v[4].assessed, 0);
    assert_int_equal(l->v[4].line, 7);

    assert_string_equal(l->v[5].nr, "6");
    assert_int_equal(l->v[5].assessed, 60000);
    assert_int_equal(l->v[5].line, 8);
}

static void test_reads_sample_file_with_bom_and_crlf(void **state)
{
    char path[512];
    app_list l;
    diag_list d;
    (void)state;
    data_path(path, sizeof path, "apps-sample.csv");
    diag_init(&d);
    assert_int_equal(apps_load(path, &l, &d), 0);
    print_diags(&d);
    assert_int_equal(d.n, 0);
    assert_string_equal(l.file, path);
    check_sample(&l);
    done(&l, &d);
}

/* The sample file's bytes, minus the BOM, with LF line endings. */
static char *sample_without_bom_lf(size_t *len)
{
    char path[512], *data, *o;
    size_t n;
    data_path(path, sizeof path, "apps-sample.csv");
    assert_int_equal(text_read_file(path, &data, &n), 0);
    assert_memory_equal(data, "\xEF\xBB\xBF", 3);
    o = data;
    for (size_t i = 3; i < n; i++)
        if (data[i] != '\r')
            *o++ = data[i];
    *o = '\0';
    *len = (size_t)(o - data);
    return data;
}

static void test_reads_sample_without_bom_and_with_lf(void **state)
{
    size_t len;
    char *data = sample_without_bom_lf(&len);
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse_n(data, len, &l, &d), 0);
    assert_int_equal(d.n, 0);
    check_sample(&l);
    free(data);
    done(&l, &d);
}

static void test_reads_windows_1252(void **state)
{
    const char *csv = "Nr;Forening;Indsats;Ans\xf8gt;Indstillet;Afslag/begrundelse;\xc5r aktiv\r\n"
                      "1;Forening \xe6\xf8\xe5 \xc6\xd8\xc5;Caf\xe9;50.000;;;7\r\n"
                      "2;Foreningen B;Bes\xf8g;10.000;;Uden for m\xe5lgruppen;\r\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), 0);
    assert_int_equal(d.n, 1); /* the notice, a warning at line 0 */
    assert_int_equal(d.v[0].level, DIAG_WARNING);
    assert_int_equal(d.v[0].line, 0);
    assert_string_equal(d.v[0].msg, "read as Windows-1252, since the file has no UTF-8 letters");
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].association, "Forening æøå ÆØÅ");
    assert_string_equal(l.v[0].activity, "Café");
    assert_int_equal(l.v[0].applied, 50000);
    assert_int_equal(l.v[0].active_years, 7);
    assert_string_equal(l.v[1].refusal, "Uden for målgruppen");
    assert_int_equal(l.v[1].assessed, 0);
    done(&l, &d);
}

static void test_danish_amount_spellings_are_equal(void **state)
{
    const char *csv = HDR "1;;A;X;50.000;50000;;;;;\n"
                          "2;;B;X;50000;50 000;;;;;\n"
                          "3;;C;X;kr. 50.000;50.000,00;;;;;\n"
                          "4;;D;X;50.000,00;kr. 50.000;;;;;\n"
                          "5;;E;X;\"50.000 kr.\";50.000,-;;;;;\n"
                          "6;;F;X;50\xc2\xa0" "000;50000;;;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(l.n, 6);
    for (size_t i = 0; i < l.n; i++) {
        assert_int_equal(l.v[i].applied, 50000);
        assert_int_equal(l.v[i].assessed, 50000);
        assert_true(l.v[i].assessed_given);
    }
    done(&l, &d);
}

static void test_quoted_semicolon_and_line_break_keep_later_line_numbers(void **state)
{
    const char *csv = HDR                                                     /* line 1 */
        "1;;\"Forening; med semikolon\";\"Indsats\nover to linjer\";10.000;;;;;;\n" /* 2-3 */
        "2;;B;X;12x;;;;;;\n"                                                  /* 4 */
        "3;;\"Forening \"\"C\"\"\";\"a\r\nb\";1y;;;;;;\n"                     /* 5-6 */
        "4;;D;X;20.000;;;;;;\n";                                              /* 7 */
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 2);
    expect_error(&d, 4, 5, "\"12x\"", "(Ansøgt)");
    /* the amount starts after the two-line field, on line 6 */
    expect_error(&d, 6, 5, "\"1y\"", NULL);
    assert_int_equal(l.n, 4);
    assert_string_equal(l.v[0].association, "Forening; med semikolon");
    assert_string_equal(l.v[0].activity, "Indsats\nover to linjer");
    assert_int_equal(l.v[0].line, 2);
    assert_int_equal(l.v[1].line, 4);
    assert_string_equal(l.v[2].association, "Forening \"C\"");
    assert_string_equal(l.v[2].activity, "a\nb");
    assert_int_equal(l.v[2].line, 5);
    assert_int_equal(l.v[3].line, 7);
    assert_int_equal(l.v[3].applied, 20000);
    done(&l, &d);
}

/* Parse the same five lines with the given line endings (row 2 has a line
 * break inside quotes); the bad amount in the last row must be on line 5
 * whatever the endings. */
static void check_endings(const char *e1, const char *e2, const char *e3, const char *e4)
{
    char csv[1024];
    app_list l;
    diag_list d;
    snprintf(csv, sizeof csv,
             "Nr;Forening;Indsats;Ansøgt;Indstillet;Afslag/begrundelse%s"
             "1;A;X;10.000;;%s"
             "2;B;\"Y\rZ\";20.000;;%s"
             "3;C;X;3x;;%s",
             e1, e2, e3, e4);
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, 5, 4, "\"3x\"", NULL);
    assert_int_equal(l.n, 3);
    assert_int_equal(l.v[0].line, 2);
    assert_int_equal(l.v[1].line, 3);
    assert_int_equal(l.v[2].line, 5);
    assert_string_equal(l.v[1].activity, "Y\nZ");
    assert_int_equal(l.v[1].applied, 20000);
    done(&l, &d);
}

static void test_crlf_lf_cr_and_mixed_line_endings(void **state)
{
    (void)state;
    check_endings("\r\n", "\r\n", "\r\n", "\r\n");
    check_endings("\n", "\n", "\n", "\n");
    check_endings("\r", "\r", "\r", "\r");
    check_endings("\r\n", "\n", "\r", "");
    check_endings("\n", "\r", "\r\n", "\n");
}

static void test_blank_lines_are_skipped_but_counted(void **state)
{
    const char *csv = "\n  \n" HDR "\r\n\n1;;A;X;10.000;;;;;;\n \t \n2;;B;X;bad;;;;;;\n\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, 8, 5, "\"bad\"", NULL);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[0].line, 6);
    assert_int_equal(l.v[1].line, 8);
    done(&l, &d);
}

static void test_fully_empty_rows_are_skipped_silently(void **state)
{
    const char *csv = HDR "1;;A;X;10.000;;;;;;\n;;;;;;;;;;\n ; ;;\"\";;;;;;;\n;;;;\n"
                          "2;;B;X;20.000;;;;;;\n;;;;;;;;;;\n;;;;;;;;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[1].line, 6);
    done(&l, &d);
}

static void test_columns_in_another_order_and_with_aliases(void **state)
{
    const char *csv =
        "Afslagsbegrundelse;Indstillet (kr.);FORENING;Ansøgt beløb;nr.;Indsats;År søgt;"
        "CVR-nr;Antal år aktiv;Særligt tilfælde;Prioritering\n"
        ";30.000;Foreningen A;40.000;17;Natcafé;2;87654321;9;x;3\n"
        "Ikke i målgruppen;;Foreningen B;25.000;18;Besøg;;;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].nr, "17");
    assert_string_equal(l.v[0].association, "Foreningen A");
    assert_string_equal(l.v[0].activity, "Natcafé");
    assert_string_equal(l.v[0].cvr, "87654321");
    assert_int_equal(l.v[0].applied, 40000);
    assert_int_equal(l.v[0].assessed, 30000);
    assert_int_equal(l.v[0].years, 2);
    assert_int_equal(l.v[0].active_years, 9);
    assert_true(l.v[0].exceptional);
    assert_int_equal(l.v[0].priority, 3);
    assert_string_equal(l.v[1].nr, "18");
    assert_string_equal(l.v[1].refusal, "Ikke i målgruppen");
    assert_int_equal(l.v[1].applied, 25000);
    assert_int_equal(l.v[1].assessed, 0);
    done(&l, &d);
}

static void test_more_aliases_are_accepted(void **state)
{
    const char *csv1 = "Nr;Forening;Indsats;Ansøgt (kr.);Vurderet;Afslag\n1;A;X;9.000;8.000;\n";
    const char *csv2 = "Nr;Forening;Indsats;ansogt;Indstillet beløb;Begrundelse for afslag;"
                       "Antal aar\n1;A;X;9.000;8.000;;3\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv1, &l, &d), 0);
    assert_int_equal(l.v[0].applied, 9000);
    assert_int_equal(l.v[0].assessed, 8000);
    done(&l, &d);
    assert_int_equal(parse(csv2, &l, &d), 0);
    assert_int_equal(l.v[0].applied, 9000);
    assert_int_equal(l.v[0].assessed, 8000);
    assert_int_equal(l.v[0].years, 3);
    done(&l, &d);
}

static void test_only_required_columns_gives_defaults(void **state)
{
    const char *csv = "Nr;Forening;Indsats;Ansøgt;Indstillet;Afslag/begrundelse\n"
                      "7;A;X;9.000;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), 0);
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0].cvr, "");
    assert_int_equal(l.v[0].years, 1);
    assert_int_equal(l.v[0].active_years, -1);
    assert_false(l.v[0].exceptional);
    assert_int_equal(l.v[0].priority, 0);
    done(&l, &d);
}

static void test_empty_assessed_means_as_applied(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(HDR "1;;A;X;123.456;;;;;;\n2;;B;X;10.000;0;;;;;\n", &l, &d), 0);
    assert_int_equal(l.v[0].assessed, 123456);
    assert_false(l.v[0].assessed_given);
    assert_int_equal(l.v[1].assessed, 0);
    assert_true(l.v[1].assessed_given);
    done(&l, &d);
}

static void test_refusal_means_assessed_zero(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(HDR "1;;A;X;80.000;;Ikke frivilligt socialt arbejde;;;;\n"
                               "2;;B;X;60.000;0;Søgt for sent;;;;\n",
                           &l, &d),
                     0);
    assert_int_equal(d.n, 0);
    assert_int_equal(l.v[0].applied, 80000);
    assert_int_equal(l.v[0].assessed, 0);
    assert_false(l.v[0].assessed_given);
    assert_string_equal(l.v[0].refusal, "Ikke frivilligt socialt arbejde");
    assert_int_equal(l.v[1].assessed, 0);
    assert_true(l.v[1].assessed_given);
    done(&l, &d);
}

static void test_fields_are_trimmed(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(HDR "  12 ;\t1234 ;  Foreningen A\xc2\xa0; \" Indsats \" ; 5.000 ;;"
                               "  ; 2 ; 5 ; Ja ; 1 \n",
                           &l, &d),
                     0);
    assert_string_equal(l.v[0].nr, "12");
    assert_string_equal(l.v[0].cvr, "1234");
    assert_string_equal(l.v[0].association, "Foreningen A");
    assert_string_equal(l.v[0].activity, "Indsats");
    assert_string_equal(l.v[0].refusal, "");
    assert_int_equal(l.v[0].applied, 5000);
    assert_int_equal(l.v[0].years, 2);
    assert_int_equal(l.v[0].active_years, 5);
    assert_true(l.v[0].exceptional);
    assert_int_equal(l.v[0].priority, 1);
    done(&l, &d);
}

static void test_exceptional_accepts_ja_nej_x_1_0_and_empty(void **state)
{
    static const char *const yes[] = {"ja", "JA", "Ja", "x", "X", "1"};
    static const char *const no[] = {"nej", "NEJ", "Nej", "0", ""};
    char csv[512];
    app_list l;
    diag_list d;
    (void)state;
    for (size_t i = 0; i < 6; i++) {
        snprintf(csv, sizeof csv, HDR "1;;A;X;1.000;;;3;5;%s;\n", yes[i]);
        assert_int_equal(parse(csv, &l, &d), 0);
        assert_true(l.v[0].exceptional);
        done(&l, &d);
    }
    for (size_t i = 0; i < 5; i++) {
        snprintf(csv, sizeof csv, HDR "1;;A;X;1.000;;;3;5;%s;\n", no[i]);
        assert_int_equal(parse(csv, &l, &d), 0);
        assert_false(l.v[0].exceptional);
        done(&l, &d);
    }
}

static void test_excel_padding_columns_are_ignored(void **state)
{
    const char *csv = HDR_PAD "1;;A;X;1.000;;;;;;;;\n2;;B;X;2.000;;;;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(l.n, 2);
    done(&l, &d);
}

/* ---- one error each, with its line and column ----------------------------- */

static void test_wrong_number_of_fields_too_few(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;B;X;10.000\n", 0, "5 fields", "11 columns", &l, &d);
    assert_int_equal(l.n, 1);
    done(&l, &d);
}

static void test_wrong_number_of_fields_too_many(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    const diag *e = one_error_in_row("2;;B;X;10.000;;;;;;;Ekstra\n", 12, "12 fields",
                                     "\"Ekstra\"", &l, &d);
    assert_non_null(strstr(e->hint, "double quotes"));
    done(&l, &d);
}

static void test_empty_nr_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row(" ;;B;X;10.000;;;;;;\n", 1, "column 1 (Nr)", "number is empty", &l, &d);
    done(&l, &d);
}

static void test_empty_association_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;;X;10.000;;;;;;\n", 3, "column 3 (Forening)", "association is empty",
                     &l, &d);
    done(&l, &d);
}

static void test_amount_not_a_number_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    const diag *e = one_error_in_row("2;;B;X;12x;;;;;;\n", 5,
                                     "column 5 (Ansøgt): \"12x\" is not a whole-krone amount",
                                     NULL, &l, &d);
    assert_string_equal(e->hint, "write whole kroner like 50.000 or 50000");
    done(&l, &d);
}

static void test_misplaced_thousands_dot_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;B;X;10.000;5.00;;;;;\n", 6, "column 6 (Indstillet)", "\"5.00\"", &l,
                     &d);
    done(&l, &d);
}

static void test_amount_with_ore_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    const diag *e = one_error_in_row("2;;B;X;12.000,50;;;;;;\n", 5, "\"12.000,50\"", "øre", &l,
                                     &d);
    assert_non_null(strstr(e->hint, "whole kroner"));
    done(&l, &d);
}

static void test_negative_amount_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;B;X;10.000;-5.000;;;;;\n", 6, "\"-5.000\"", "negative", &l, &d);
    done(&l, &d);
    one_error_in_row("2;;B;X;-10.000;;;;;;\n", 5, "(Ansøgt)", "negative", &l, &d);
    done(&l, &d);
}

static void test_amount_out_of_range_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;B;X;2.000.000.000.000;;;;;;\n", 5, "larger than any pool", NULL, &l,
                     &d);
    done(&l, &d);
}

static void test_empty_applied_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;B;X;;10.000;;;;;\n", 5, "column 5 (Ansøgt)", "applied for is empty",
                     &l, &d);
    done(&l, &d);
}

static void test_amount_with_refusal_is_contradictory(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    const diag *e = one_error_in_row("2;;B;X;50.000;25.000;Ikke i målgruppen;;;;\n", 6,
                                     "DKK 25,000 contradicts the refusal",
                                     "column 7 (Afslag/begrundelse)", &l, &d);
    assert_non_null(e->hint);
    assert_int_equal(l.v[1].assessed, 0);
    done(&l, &d);
}

static void test_assessed_above_applied_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;B;X;50.000;60.000;;;;;\n", 6,
                     "assessed DKK 60,000 is more than the DKK 50,000 applied for", NULL, &l,
                     &d);
    done(&l, &d);
}

static void test_years_must_be_1_2_or_3(void **state)
{
    static const char *const bad[] = {"4", "0", "to", "1,5", "-1"};
    char row[256];
    app_list l;
    diag_list d;
    (void)state;
    for (size_t i = 0; i < 5; i++) {
        snprintf(row, sizeof row, "2;;B;X;10.000;;;%s;;;\n", bad[i]);
        one_error_in_row(row, 8, "column 8 (Antal år)", "is not 1, 2 or 3", &l, &d);
        done(&l, &d);
    }
}

static void test_active_years_must_be_a_whole_number(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;B;X;10.000;;;;fem;;\n", 9, "column 9 (År aktiv): \"fem\"",
                     "whole number", &l, &d);
    done(&l, &d);
    one_error_in_row("2;;B;X;10.000;;;;-3;;\n", 9, "\"-3\"", NULL, &l, &d);
    done(&l, &d);
    assert_int_equal(parse(HDR "2;;B;X;10.000;;;;0;;\n", &l, &d), 0);
    assert_int_equal(l.v[0].active_years, 0);
    done(&l, &d);
}

static void test_exceptional_must_be_ja_or_nej(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;B;X;10.000;;;3;;måske;\n", 10, "column 10 (Undtagelse): \"måske\"",
                     "ja or nej", &l, &d);
    done(&l, &d);
}

static void test_priority_must_be_positive(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    one_error_in_row("2;;B;X;10.000;;;2;;;0\n", 11, "column 11 (Prioritet): \"0\"",
                     "positive whole number", &l, &d);
    done(&l, &d);
    one_error_in_row("2;;B;X;10.000;;;2;;;første\n", 11, "\"første\"", NULL, &l, &d);
    done(&l, &d);
}

static void test_duplicate_nr_names_both_lines(void **state)
{
    const char *csv = HDR "17;;A;X;10.000;;;;;;\n"
                          "18;;B;X;10.000;;;;;;\n"
                          "\n"
                          " 17 ;;C;X;10.000;;;;;;\n"
                          "17;;D;X;10.000;;;;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 2);
    expect_error(&d, 5, 1, "Nr 17 appears on lines 2 and 5", NULL);
    expect_error(&d, 6, 1, "Nr 17 appears on lines 2 and 6", NULL);
    done(&l, &d);
}

static void test_same_association_and_activity_twice_is_an_error_naming_both_rows(void **state)
{
    const char *csv = HDR "1;;Foreningen A;Natcafé;10.000;;;;;;\n"
                          "2;;Foreningen A;Besøg;10.000;;;;;;\n"
                          "3;;foreningen  a.;NATCAFé ;10.000;;;;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    /* the 2023 round recommended one application twice: it is an error */
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].level, DIAG_ERROR);
    assert_int_equal(d.v[0].line, 4);
    assert_int_equal(d.v[0].col, 3);
    assert_non_null(strstr(d.v[0].msg, "duplicate application"));
    assert_non_null(strstr(d.v[0].msg, "Nr 1 on line 2"));
    done(&l, &d);
}

static void test_same_cvr_and_activity_under_another_name_is_an_error(void **state)
{
    const char *csv = HDR "1;12345678;Foreningen A;Natcafé;10.000;;;;;;\n"
                          "2;12345678;Forening A (Odense);Natcafé;12.000;;;;;;\n"
                          "3;12345678;Forening A (Odense);Lektiecafé;12.000;;;;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].line, 3);
    assert_int_equal(d.v[0].col, 2);
    assert_non_null(strstr(d.v[0].msg, "CVR 12345678 with the same activity is also Nr 1 on "
                                       "line 2"));
    done(&l, &d);
}

static void test_several_errors_in_one_file_are_all_reported(void **state)
{
    const char *csv = HDR                               /* 1 */
        "1;;A;X;12x;;;4;;;\n"                            /* 2: Ansøgt, Antal år */
        "2;;;X;10.000;20.000;;;;;\n"                     /* 3: Forening, above applied */
        "3;;C;X\n"                                       /* 4: too few fields */
        "1;;D;X;10.000;5.000;Nej tak;;;nok;-1\n"         /* 5: contradiction, Undtagelse,
                                                            Prioritet, duplicate Nr */
        "5;;E;X;;;;;;;\n";                               /* 6: empty Ansøgt */
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    if (d.n != 10)
        print_diags(&d);
    assert_int_equal(d.n, 10);
    assert_int_equal(diag_errors(&d), 10);
    expect_error(&d, 2, 5, "\"12x\"", NULL);
    expect_error(&d, 2, 8, "\"4\"", NULL);
    expect_error(&d, 3, 3, "association is empty", NULL);
    expect_error(&d, 3, 6, "more than", NULL);
    expect_error(&d, 4, 0, "4 fields", NULL);
    expect_error(&d, 5, 6, "contradicts", NULL);
    expect_error(&d, 5, 10, "\"nok\"", NULL);
    expect_error(&d, 5, 11, "\"-1\"", NULL);
    expect_error(&d, 5, 1, "Nr 1 appears on lines 2 and 5", NULL);
    expect_error(&d, 6, 5, "empty", NULL);
    assert_int_equal(l.n, 4);
    done(&l, &d);
}

/* ---- header problems -------------------------------------------------------- */

static void test_unknown_column_suggests_close_spelling(void **state)
{
    const char *csv = "Nr;Forening;Indsats;Ansogt belob;Indstilet;Afslag/begrundelse\n"
                      "1;A;X;10.000;;\n";
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    if (d.n != 4)
        print_diags(&d);
    assert_int_equal(d.n, 4);
    e = expect_error(&d, 1, 4, "column 4: unknown column \"Ansogt belob\"", NULL);
    assert_non_null(strstr(e->hint, "did you mean \"Ansøgt beløb\"?"));
    e = expect_error(&d, 1, 5, "unknown column \"Indstilet\"", NULL);
    assert_non_null(strstr(e->hint, "did you mean \"Indstillet\"?"));
    /* and both required columns are then missing */
    expect_error(&d, 1, 0, "required column \"Ansøgt\" is missing", NULL);
    done(&l, &d);
}

static void test_unknown_column_far_from_all_has_no_suggestion(void **state)
{
    const char *csv = "Nr;Note;Forening;Indsats;Ansøgt;Indstillet;Afslag/begrundelse\n"
                      "1;x;A;X;10.000;;\n";
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    e = expect_error(&d, 1, 2, "unknown column \"Note\"", NULL);
    assert_null(strstr(e->hint, "did you mean"));
    assert_non_null(strstr(e->hint, "Nr, CVR, Forening"));
    /* the rows are still read and checked */
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].applied, 10000);
    done(&l, &d);
}

static void test_unknown_column_does_not_suggest_a_column_already_there(void **state)
{
    const char *csv = "Nr;Forening;Indsats;Ansøgt;Indstillet;Indstilet;Afslag\n1;A;X;10.000;;;\n";
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    e = expect_error(&d, 1, 6, "unknown column \"Indstilet\"", NULL);
    assert_null(strstr(e->hint, "did you mean"));
    done(&l, &d);
}

static void test_header_with_line_break_is_matched(void **state)
{
    const char *csv = "Nr;Forening;Indsats;\"Ansøgt\r\nbeløb\";\"Indstillet\nbeløb\";Afslag\n"
                      "1;A;X;10.000;8.000;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), 0);
    assert_int_equal(l.v[0].applied, 10000);
    assert_int_equal(l.v[0].assessed, 8000);
    assert_int_equal(l.v[0].line, 4);
    done(&l, &d);
}

static void test_first_line_without_known_columns_is_not_a_header(void **state)
{
    static const char *const files[] = {
        "1;;Foreningen A;X;10.000;;;;;;\n2;;Foreningen B;X;10.000;;;;;;\n",
        "§ 18-Hovedpuljen 2023;;;;;;;;;;\n" HDR "1;;A;X;10.000;;;;;;\n",
    };
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(parse(files[i], &l, &d), -1);
        assert_int_equal(d.n, 1);
        e = expect_error(&d, 1, 0, "this is not the header: no cell names a known column",
                         NULL);
        assert_non_null(strstr(e->hint, "Nr;CVR;Forening;Indsats;Ansøgt"));
        assert_int_equal(l.n, 0);
        done(&l, &d);
    }
}

static void test_missing_required_column_lists_headers_found(void **state)
{
    const char *csv = "Nr;Forening;Indsats;Ansøgt;Indstillet\n1;A;X;10.000;;\n";
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    e = expect_error(&d, 1, 0, "required column \"Afslag/begrundelse\" is missing",
                     "(found: Nr, Forening, Indsats, Ansøgt, Indstillet)");
    assert_non_null(strstr(e->hint, "\"Afslagsbegrundelse\""));
    done(&l, &d);
}

static void test_duplicated_column_is_an_error(void **state)
{
    const char *csv = "Nr;Forening;Indsats;Ansøgt;Indstillet;Vurderet;Afslag\n"
                      "1;A;X;10.000;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, 1, 6, "column 6 (Vurderet) is the same column as column 5 (Indstillet)",
                 NULL);
    done(&l, &d);
}

static void test_column_without_header_is_an_error(void **state)
{
    const char *csv = "Nr;Forening;;Indsats;Ansøgt;Indstillet;Afslag\n1;A;;X;10.000;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, 1, 3, "column 3 has no header", NULL);
    done(&l, &d);
}

static void test_comma_separated_file_is_explained(void **state)
{
    const char *csv = "Nr,Forening,Indsats,Ansøgt,Indstillet,Afslag\n1,A,X,10000,,\n";
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    e = expect_error(&d, 1, 1, "not separated by ';'", NULL);
    assert_non_null(strstr(e->hint, "semikolonsepareret"));
    done(&l, &d);
}

/* ---- whole-file problems ---------------------------------------------------- */

static void test_empty_file_is_an_error(void **state)
{
    static const char *const empties[] = {"", "\xEF\xBB\xBF", "\r\n\n  \n", ";;;;\n;;\n"};
    app_list l;
    diag_list d;
    (void)state;
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(parse(empties[i], &l, &d), -1);
        assert_int_equal(d.n, 1);
        expect_error(&d, 0, 0, "the file is empty", NULL);
        assert_int_equal(l.n, 0);
        done(&l, &d);
    }
}

static void test_header_only_is_an_error(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(HDR ";;;;;;;;;;\n\n", &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, 0, 0, "header but no applications", NULL);
    done(&l, &d);
}

static void test_utf16_file_is_rejected(void **state)
{
    const char utf16[] = "\xff\xfeN\0r\0;\0";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse_n(utf16, sizeof utf16 - 1, &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, 1, 0, "NUL bytes", NULL); /* at the line of the first NUL */
    done(&l, &d);
}

static void test_load_reports_a_missing_file(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    diag_init(&d);
    assert_int_equal(apps_load("tests/data/no-such-file.csv", &l, &d), -1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].msg,
                        "cannot read tests/data/no-such-file.csv: No such file or directory");
    assert_string_equal(d.v[0].file, "tests/data/no-such-file.csv");
    assert_non_null(d.v[0].hint);
    assert_int_equal(l.n, 0);
    done(&l, &d);
}

/* ---- quoting errors ------------------------------------------------------------ */

static void test_stray_quote_is_reported_and_reading_goes_on(void **state)
{
    const char *csv = HDR "1;;A;X;10.000;;;;;;\n"
                          "2;;Foreningen \"Hjem\";X;10.000;;;;;;\n"  /* 3: quote in a text */
                          "3;;\"C\"x;X;10.000;;;;;;\n"               /* 4: text after a quote */
                          "4;;D;X;1x;;;;;;\n";                      /* 5: still checked */
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 3);
    e = expect_error(&d, 3, 3, "column 3 (Forening): misplaced double quote", NULL);
    assert_non_null(strstr(e->hint, "doubled"));
    expect_error(&d, 4, 3, "misplaced double quote", NULL);
    expect_error(&d, 5, 5, "\"1x\"", NULL);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[1].nr, "4");
    assert_int_equal(l.v[1].line, 5);
    done(&l, &d);
}

static void test_unclosed_quote_is_reported_where_it_starts(void **state)
{
    const char *csv = HDR "1;;A;X;10.000;;;;;;\n"
                          "2;;B;\"Indsats\nfortsat;10.000;;;;;;\n"
                          "3;;C;X;10.000;;;;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, 3, 4, "column 4 (Indsats): the quoted text that starts here is never closed",
                 NULL);
    assert_int_equal(l.n, 1);
    done(&l, &d);
}

static void test_quote_error_in_header_stops_reading(void **state)
{
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse("Nr;For\"ening;Indsats\n1;2;3\n", &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, 1, 2, "column 2: misplaced double quote", NULL);
    assert_int_equal(l.n, 0);
    done(&l, &d);
}

/* ---- scale and limits ----------------------------------------------------------- */

static void test_many_rows_are_read_and_a_late_duplicate_found(void **state)
{
    const size_t rows = 200000;
    size_t cap = 64 + rows * 48, n;
    char *csv = malloc(cap);
    app_list l;
    diag_list d;
    (void)state;
    assert_non_null(csv);
    n = (size_t)snprintf(csv, cap, "Nr;Forening;Indsats;Ansøgt;Indstillet;Afslag\r\n");
    for (size_t i = 1; i <= rows; i++)
        n += (size_t)snprintf(csv + n, cap - n, "%zu;Forening %zu;Indsats;%zu.000;;\r\n", i, i,
                              i % 900 + 1);
    n += (size_t)snprintf(csv + n, cap - n, "777;Forening x;Indsats;1.000;;\r\n");
    assert_int_equal(parse_n(csv, n, &l, &d), -1);
    assert_int_equal(d.n, 1);
    expect_error(&d, (unsigned)rows + 2, 1, "Nr 777 appears on lines 778 and 200002", NULL);
    assert_int_equal(l.n, rows + 1);
    assert_int_equal(l.v[rows - 1].applied, (int64_t)(rows % 900 + 1) * 1000);
    free(csv);
    done(&l, &d);
}

static void test_reading_stops_after_1000_problems(void **state)
{
    size_t cap = 64 + 1500 * 32, n;
    char *csv = malloc(cap);
    app_list l;
    diag_list d;
    (void)state;
    assert_non_null(csv);
    n = (size_t)snprintf(csv, cap, "Nr;Forening;Indsats;Ansøgt;Indstillet;Afslag\n");
    for (size_t i = 1; i <= 1500; i++)
        n += (size_t)snprintf(csv + n, cap - n, "%zu;A%zu;X;?;;\n", i, i);
    assert_int_equal(parse_n(csv, n, &l, &d), -1);
    assert_int_equal(d.n, 1001);
    expect_error(&d, 1002, 0, "more than 1000 problems", NULL);
    free(csv);
    done(&l, &d);
}

static void test_free_is_safe_on_a_zeroed_list(void **state)
{
    app_list l;
    (void)state;
    memset(&l, 0, sizeof l);
    apps_free(&l);
    apps_free(&l);
    assert_null(l.v);
    assert_int_equal(l.n, 0);
}

/* ---- amounts, encodings, control characters, shifted rows (issue 12) ------ */

static void test_an_english_100_000_is_refused_with_both_readings(void **state)
{
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    e = one_error_in_row("2;;Foreningen B;Indsats B;120.000;100,000;;1;;;\n", 6, NULL, NULL, &l,
                         &d);
    assert_string_equal(e->msg,
                        "column 6 (Indstillet): \"100,000\" is ambiguous: 100 kr. or 100.000 kr.?");
    done(&l, &d);
    e = one_error_in_row("2;;Foreningen B;Indsats B;1,000;;;1;;;\n", 5, NULL, NULL, &l, &d);
    assert_string_equal(e->msg, "column 5 (Ansøgt): \"1,000\" is ambiguous: 1 kr. or 1.000 kr.?");
    done(&l, &d);
    e = one_error_in_row("2;;Foreningen B;Indsats B;50.00;;;1;;;\n", 5, NULL, NULL, &l, &d);
    assert_non_null(strstr(e->msg, "as an English decimal point it would be 50 kr."));
    done(&l, &d);
    e = one_error_in_row("2;;Foreningen B;Indsats B;1.00.000;;;1;;;\n", 5, NULL, NULL, &l, &d);
    assert_non_null(strstr(e->msg, "not every three digits"));
    done(&l, &d);
}

static void test_whole_kroner_in_every_danish_form_are_read(void **state)
{
    const char *csv = HDR "1;;A;a;50.000,-;kr. 40.000,00;;1;;;\n"
                          "2;;B;b;50 000 kr.;40\xc2\xa0" "000;;1;;;\n"
                          "3;;C;c;kr 50\xe2\x80\xaf" "000;40.000,-;;1;;;\n";
    app_list l;
    diag_list d;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(l.n, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(l.v[i].applied, 50000);
        assert_int_equal(l.v[i].assessed, 40000);
    }
    done(&l, &d);
}

static void test_a_stray_byte_in_a_utf8_file_is_named_at_its_cell(void **state)
{
    /* ASCII header, UTF-8 "ø" on line 2, a Windows-1252 "ø" on line 3 */
    const char *csv = "Nr;Forening;Indsats;Ansogt;Indstillet;Afslag/begrundelse\n"
                      "1;Gr\xc3\xb8nne;Caf\xc3\xa9;10.000;;\n"
                      "2;R\xf8" "dder;Sorg;5.000;;\n";
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    e = expect_error(&d, 3, 2, NULL, NULL);
    assert_string_equal(e->msg, "column 2 (Forening): byte 0xF8 at character 2 is not UTF-8, "
                                "though the file is (it has UTF-8 letters from line 2); text "
                                "pasted from another program?");
    /* the good row is still read as UTF-8, not as Windows-1252 */
    assert_string_equal(l.v[0].association, "Grønne");
    done(&l, &d);
}

static void test_esc_and_bel_in_a_name_are_errors(void **state)
{
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    e = one_error_in_row("2;;Foreningen \x1b[2J;Indsats B;10.000;;;1;;;\n", 3, NULL, NULL, &l,
                         &d);
    assert_string_equal(e->msg, "column 3 (Forening): the control character U+001B (ESC) at "
                                "character 12; only tab and line breaks may stand in a text");
    done(&l, &d);
    e = one_error_in_row("2;;Foreningen B;Ind\x07sats;10.000;;;1;;;\n", 4, "U+0007 (BEL)", NULL,
                         &l, &d);
    done(&l, &d);
}

static void test_a_missing_activity_is_a_shifted_row_not_two_wrong_cells(void **state)
{
    /* Indsats is missing: 95.000 stands under Indsats and every later field one
     * column left; the row would otherwise be padded (the last columns are optional) */
    const char *csv = HDR GOOD_ROW "2;;Foreningen B;95.000;80.000;;1;7;;\n";
    app_list l;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(parse(csv, &l, &d), -1);
    assert_int_equal(d.n, 1);
    e = expect_error(&d, 3, 4, NULL, NULL);
    assert_string_equal(e->msg, "the row has 10 fields, the header 11: a field is probably "
                                "missing before column 5 (Ansøgt), since column 4 (Indsats) "
                                "holds \"95.000\", which reads as an amount");
    assert_int_equal(l.n, 1);
    done(&l, &d);
}

static void test_an_instructions_sheet_first_is_named_and_applications_sheet_picks(void **state)
{
    char path[] = "/tmp/pulje-apps-sheet-XXXXXX", file[64];
    char cmd[256];
    app_list l;
    diag_list d;
    pool p;
    (void)state;
    assert_non_null(mkdtemp(path));
    snprintf(file, sizeof file, "%s/a.xlsx", path);
    {
        lxw_workbook *wb = workbook_new(file);
        lxw_worksheet *ws = workbook_add_worksheet(wb, "Vejledning");
        worksheet_write_string(ws, 0, 0, "Udfyld det andet ark", NULL);
        ws = workbook_add_worksheet(wb, "Ansøgninger");
        for (lxw_col_t c = 0; c < 7; c++)
            worksheet_write_string(ws, 0, c, apps_columns[c].col.header, NULL);
        worksheet_write_number(ws, 1, 0, 1, NULL);
        worksheet_write_string(ws, 1, 2, "Gode Naboer", NULL);
        worksheet_write_string(ws, 1, 3, "Lektiecafé", NULL);
        worksheet_write_number(ws, 1, 4, 20000, NULL);
        assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    }
    diag_init(&d);
    assert_int_equal(apps_load(file, &l, &d), -1);
    assert_int_equal(d.v[0].line, 1);
    assert_string_equal(d.v[0].msg, "pulje read the first sheet, \"Vejledning\", whose first row "
                                    "is not the applications' header; the sheet \"Ansøgninger\" "
                                    "has it");
    done(&l, &d);
    memset(&p, 0, sizeof p);
    p.applications_sheet = "ansøgninger"; /* ASCII case ignored: only the "a" differs */
    diag_init(&d);
    assert_int_equal(apps_load_pool(file, &p, &l, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].applied, 20000);
    done(&l, &d);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns_are_the_default_headers_in_order),
        cmocka_unit_test(test_no_two_column_spellings_fold_alike),
        cmocka_unit_test(test_every_column_has_its_whole_contract),
        cmocka_unit_test(test_readme_column_table_is_the_registry),
        cmocka_unit_test(test_reader_bounds_are_the_template_bounds),
        cmocka_unit_test(test_reads_sample_file_with_bom_and_crlf),
        cmocka_unit_test(test_reads_sample_without_bom_and_with_lf),
        cmocka_unit_test(test_reads_windows_1252),
        cmocka_unit_test(test_an_english_100_000_is_refused_with_both_readings),
        cmocka_unit_test(test_whole_kroner_in_every_danish_form_are_read),
        cmocka_unit_test(test_a_stray_byte_in_a_utf8_file_is_named_at_its_cell),
        cmocka_unit_test(test_esc_and_bel_in_a_name_are_errors),
        cmocka_unit_test(test_a_missing_activity_is_a_shifted_row_not_two_wrong_cells),
        cmocka_unit_test(test_an_instructions_sheet_first_is_named_and_applications_sheet_picks),
        cmocka_unit_test(test_danish_amount_spellings_are_equal),
        cmocka_unit_test(test_quoted_semicolon_and_line_break_keep_later_line_numbers),
        cmocka_unit_test(test_crlf_lf_cr_and_mixed_line_endings),
        cmocka_unit_test(test_blank_lines_are_skipped_but_counted),
        cmocka_unit_test(test_fully_empty_rows_are_skipped_silently),
        cmocka_unit_test(test_columns_in_another_order_and_with_aliases),
        cmocka_unit_test(test_more_aliases_are_accepted),
        cmocka_unit_test(test_only_required_columns_gives_defaults),
        cmocka_unit_test(test_empty_assessed_means_as_applied),
        cmocka_unit_test(test_refusal_means_assessed_zero),
        cmocka_unit_test(test_fields_are_trimmed),
        cmocka_unit_test(test_exceptional_accepts_ja_nej_x_1_0_and_empty),
        cmocka_unit_test(test_excel_padding_columns_are_ignored),
        cmocka_unit_test(test_wrong_number_of_fields_too_few),
        cmocka_unit_test(test_wrong_number_of_fields_too_many),
        cmocka_unit_test(test_empty_nr_is_an_error),
        cmocka_unit_test(test_empty_association_is_an_error),
        cmocka_unit_test(test_amount_not_a_number_is_an_error),
        cmocka_unit_test(test_misplaced_thousands_dot_is_an_error),
        cmocka_unit_test(test_amount_with_ore_is_an_error),
        cmocka_unit_test(test_negative_amount_is_an_error),
        cmocka_unit_test(test_amount_out_of_range_is_an_error),
        cmocka_unit_test(test_empty_applied_is_an_error),
        cmocka_unit_test(test_amount_with_refusal_is_contradictory),
        cmocka_unit_test(test_assessed_above_applied_is_an_error),
        cmocka_unit_test(test_years_must_be_1_2_or_3),
        cmocka_unit_test(test_active_years_must_be_a_whole_number),
        cmocka_unit_test(test_exceptional_must_be_ja_or_nej),
        cmocka_unit_test(test_priority_must_be_positive),
        cmocka_unit_test(test_duplicate_nr_names_both_lines),
        cmocka_unit_test(test_same_association_and_activity_twice_is_an_error_naming_both_rows),
        cmocka_unit_test(test_same_cvr_and_activity_under_another_name_is_an_error),
        cmocka_unit_test(test_several_errors_in_one_file_are_all_reported),
        cmocka_unit_test(test_unknown_column_suggests_close_spelling),
        cmocka_unit_test(test_unknown_column_far_from_all_has_no_suggestion),
        cmocka_unit_test(test_unknown_column_does_not_suggest_a_column_already_there),
        cmocka_unit_test(test_header_with_line_break_is_matched),
        cmocka_unit_test(test_first_line_without_known_columns_is_not_a_header),
        cmocka_unit_test(test_missing_required_column_lists_headers_found),
        cmocka_unit_test(test_duplicated_column_is_an_error),
        cmocka_unit_test(test_column_without_header_is_an_error),
        cmocka_unit_test(test_comma_separated_file_is_explained),
        cmocka_unit_test(test_empty_file_is_an_error),
        cmocka_unit_test(test_header_only_is_an_error),
        cmocka_unit_test(test_utf16_file_is_rejected),
        cmocka_unit_test(test_load_reports_a_missing_file),
        cmocka_unit_test(test_stray_quote_is_reported_and_reading_goes_on),
        cmocka_unit_test(test_unclosed_quote_is_reported_where_it_starts),
        cmocka_unit_test(test_quote_error_in_header_stops_reading),
        cmocka_unit_test(test_many_rows_are_read_and_a_late_duplicate_found),
        cmocka_unit_test(test_reading_stops_after_1000_problems),
        cmocka_unit_test(test_free_is_safe_on_a_zeroed_list),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
