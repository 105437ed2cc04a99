/* test_table.c - Tests for the CSV table machinery (src/table.c).
 *
 * The applications reader (tests/test_apps.c) covers most of the reading
 * through apps.c; here are the parts apps.c does not show: the spec's
 * options, missing trailing optional fields, the callback's view of a
 * row, the writers and the duplicate index. */
#include "testutil.h"
#include "labels.h"

#include <unistd.h>

enum { C_NAME, C_AMOUNT, C_NOTE, C_EXTRA };

static const table_column columns[] = {
    {"name", "Navn", {"Foreningens navn", NULL}, true, "name"},
    {"amount", "Beløb", {"Beløb (kr.)", NULL}, true, "amount"},
    {"note", "Note", {NULL}, false, "a note"},
    {"extra", "Ekstra", {NULL}, false, "more"},
    {NULL, NULL, {NULL}, false, NULL},
};

static const table_spec spec = {columns, "thing", "things", false};
static const table_spec spec_rows_optional = {columns, "thing", "things", true};

/* What the callback saw of up to 8 rows. */
typedef struct seen {
    size_t n;
    unsigned line[8];
    char name[8][64], note[8][64], extra[8][64];
    pulje_kr amount[8];
    unsigned note_line[8], note_col[8], extra_col[8];
    int fail_at;   /* return -1 for this row (1-based), 0: never */
} seen;

static void copy_cell(char *dst, const table_cell *c)
{
    snprintf(dst, 64, "%s", c ? c->s : "(absent)");
}

static int on_row(table *t, const table_row *row, void *ctx)
{
    seen *s = ctx;
    size_t i = s->n++;
    if (s->fail_at && (int)s->n == s->fail_at)
        return -1;
    if (i >= 8)
        return 0;
    s->line[i] = row->line;
    copy_cell(s->name[i], row->cell[C_NAME]);
    copy_cell(s->note[i], row->cell[C_NOTE]);
    copy_cell(s->extra[i], row->cell[C_EXTRA]);
    if (row->cell[C_NOTE]) {
        s->note_line[i] = row->cell[C_NOTE]->line;
        s->note_col[i] = row->cell[C_NOTE]->col;
    }
    if (row->cell[C_EXTRA])
        s->extra_col[i] = row->cell[C_EXTRA]->col;
    if (!table_amount(t, row->cell[C_AMOUNT], &s->amount[i]))
        s->amount[i] = -1;
    return 0;
}

static int read_with(const table_spec *sp, const char *csv, seen *s, diag_list *d)
{
    memset(s, 0, sizeof *s);
    diag_init(d);
    return table_read(sp, csv, strlen(csv), "t.csv", NULL, on_row, s, d);
}

/* Assert that d holds exactly one diagnostic, an error at line/col with w in it. */
static const diag *only_error(const diag_list *d, unsigned line, unsigned col, const char *w)
{
    if (d->n != 1)
        test_print_diags(d);
    assert_int_equal(d->n, 1);
    assert_int_equal(d->v[0].level, DIAG_ERROR);
    assert_int_equal(d->v[0].line, line);
    assert_int_equal(d->v[0].col, col);
    if (!strstr(d->v[0].msg, w))
        fail_msg("\"%s\" not in \"%s\"", w, d->v[0].msg);
    return &d->v[0];
}

/* ---- reading -------------------------------------------------------------- */

static void test_cells_know_their_line_column_and_header(void **state)
{
    const char *csv = "Note;Navn;Beløb (kr.)\r\n"
                      "\"to\r\nlinjer\";A;10.000\r\n"
                      "  kort ;B;20000\r\n";
    seen s;
    diag_list d;
    (void)state;
    assert_int_equal(read_with(&spec, csv, &s, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.line[0], 2);
    assert_string_equal(s.note[0], "to\nlinjer");
    assert_int_equal(s.note_line[0], 2);
    assert_int_equal(s.note_col[0], 1);
    assert_string_equal(s.name[0], "A");
    assert_int_equal(s.amount[0], 10000);
    assert_string_equal(s.extra[0], "(absent)");
    assert_int_equal(s.line[1], 4);
    assert_string_equal(s.note[1], "kort");
    assert_int_equal(s.amount[1], 20000);
    diag_free(&d);
}

static void test_amount_problem_names_the_header_as_written(void **state)
{
    seen s;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(read_with(&spec, "Navn;Beløb (kr.)\nA;-5\nB;\n", &s, &d), -1);
    assert_int_equal(d.n, 2);
    assert_int_equal(d.v[0].line, 2);
    assert_int_equal(d.v[0].col, 2);
    assert_string_equal(d.v[0].msg, "column 2 (Beløb (kr.)): \"-5\" is negative");
    e = &d.v[1];
    assert_int_equal(e->line, 3);
    assert_int_equal(e->col, 2);
    assert_string_equal(e->msg, "column 2 (Beløb (kr.)): the amount is empty");
    assert_int_equal(s.n, 2);
    diag_free(&d);
}

static void test_missing_trailing_optional_fields_are_empty(void **state)
{
    /* older Excel drops the ';' of empty cells at the end of a row */
    const char *csv = "Navn;Beløb;Note;Ekstra\r\n"
                      "A;1.000;n;e\r\n"
                      "B;2.000;n\r\n"
                      "C;3.000\r\n"
                      "D;\"4.000\r\n\"\r\n";
    seen s;
    diag_list d;
    (void)state;
    assert_int_equal(read_with(&spec, csv, &s, &d), 0);
    test_print_diags(&d);
    assert_int_equal(d.n, 0);
    assert_int_equal(s.n, 4);
    assert_string_equal(s.extra[0], "e");
    assert_string_equal(s.note[1], "n");
    assert_string_equal(s.extra[1], "");
    assert_int_equal(s.extra_col[1], 4);
    assert_string_equal(s.note[2], "");
    assert_string_equal(s.extra[2], "");
    assert_int_equal(s.note_line[2], 4);
    assert_int_equal(s.note_col[2], 3);
    assert_int_equal(s.amount[2], 3000);
    /* a padded cell sits on the line where its row ends */
    assert_int_equal(s.line[3], 5);
    assert_int_equal(s.note_line[3], 6);
    assert_int_equal(s.amount[3], 4000);
    diag_free(&d);
}

static void test_missing_trailing_required_field_is_still_an_error(void **state)
{
    const char *csv = "Navn;Note;Beløb\nA;n;1.000\nB;n\nC\n";
    seen s;
    diag_list d;
    (void)state;
    assert_int_equal(read_with(&spec, csv, &s, &d), -1);
    assert_int_equal(d.n, 2);
    assert_int_equal(d.v[0].line, 3);
    assert_int_equal(d.v[0].col, 0);
    assert_string_equal(d.v[0].msg, "the row has 2 fields, the header has 3 columns");
    assert_int_equal(d.v[1].line, 4);
    assert_string_equal(d.v[1].msg, "the row has 1 fields, the header has 3 columns");
    assert_int_equal(s.n, 1);
    diag_free(&d);
}

static void test_missing_field_under_an_unknown_column_is_an_error(void **state)
{
    const char *csv = "Navn;Beløb;Note;Andet\nA;1.000\n";
    seen s;
    diag_list d;
    (void)state;
    assert_int_equal(read_with(&spec, csv, &s, &d), -1);
    assert_int_equal(d.n, 2);
    assert_int_equal(d.v[0].line, 1);
    assert_int_equal(d.v[0].col, 4);
    assert_int_equal(d.v[1].line, 2);
    assert_string_equal(d.v[1].msg, "the row has 2 fields, the header has 4 columns");
    assert_int_equal(s.n, 0);
    diag_free(&d);
}

static void test_header_only_is_an_error_unless_rows_are_optional(void **state)
{
    seen s;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(read_with(&spec, "Navn;Beløb\r\n;\r\n", &s, &d), -1);
    e = only_error(&d, 0, 0, "the file has a header but no things");
    assert_string_equal(e->hint, "add one line per thing below the header");
    diag_free(&d);
    assert_int_equal(read_with(&spec_rows_optional, "Navn;Beløb\r\n;\r\n", &s, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(s.n, 0);
    diag_free(&d);
}

static void test_empty_file_is_an_error_even_when_rows_are_optional(void **state)
{
    seen s;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(read_with(&spec_rows_optional, "\xEF\xBB\xBF\r\n", &s, &d), -1);
    e = only_error(&d, 0, 0, "the file is empty");
    assert_string_equal(e->hint, "the first line must be the header, like "
                                 "Navn;Beløb;Note;Ekstra, then one line per thing");
    diag_free(&d);
}

static void test_callback_out_of_memory_is_reported_once_and_stops(void **state)
{
    const char *csv = "Navn;Beløb\nA;1\nB;2\nC;3\n";
    seen s;
    diag_list d;
    (void)state;
    memset(&s, 0, sizeof s);
    s.fail_at = 2;
    diag_init(&d);
    assert_int_equal(table_read(&spec, csv, strlen(csv), "t.csv", NULL, on_row, &s, &d), -1);
    only_error(&d, 3, 0, "out of memory while reading the things");
    assert_int_equal(s.n, 2);
    diag_free(&d);
}

static void test_load_names_the_file_in_every_diagnostic(void **state)
{
    char path[] = "/tmp/test_table_XXXXXX";
    int fd = mkstemp(path);
    seen s;
    diag_list d;
    (void)state;
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "Navn;Beløb\nA;x\n", 16), 16);
    close(fd);
    memset(&s, 0, sizeof s);
    diag_init(&d);
    assert_int_equal(table_read(&spec, NULL, 0, path, NULL, on_row, &s, &d), -1);
    only_error(&d, 2, 2, "\"x\" is not a whole-krone amount");
    assert_string_equal(d.v[0].file, path);
    unlink(path);
    diag_free(&d);
}

/* ---- small helpers ------------------------------------------------------------ */

static void test_count_is_1_to_9_digits_only(void **state)
{
    long v = -7;
    (void)state;
    assert_true(table_count("0", &v));
    assert_int_equal(v, 0);
    assert_true(table_count("123456789", &v));
    assert_int_equal(v, 123456789);
    v = -7;
    assert_false(table_count("1234567890", &v));
    assert_false(table_count("", &v));
    assert_false(table_count("-1", &v));
    assert_false(table_count("1.000", &v));
    assert_false(table_count("2 ", &v));
    assert_int_equal(v, -7);
}

static void test_show_cuts_long_text_at_a_character_boundary(void **state)
{
    char buf[TABLE_SHOW_BUFSZ];
    (void)state;
    assert_string_equal(table_show("a\tb\nc", buf), "a b c");
    /* 39 x then "ø" (2 bytes): byte 40 is inside the ø, so the cut is before it */
    assert_string_equal(table_show("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxøz", buf),
                        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...");
}

/* ---- writing -------------------------------------------------------------------- */

static int write_sample(FILE *fp, void *ctx)
{
    (void)ctx;
    if (table_write_text(fp, "=SUM(A1)", true) || table_write_text(fp, "+45", false) ||
        table_write_text(fp, "-x", false) || table_write_text(fp, "@a", false) ||
        table_write_text(fp, "\tt", false) || table_write_text(fp, "\rr", false) ||
        table_write_text(fp, "a;b", false) || table_write_text(fp, "sagde \"hej\"", false) ||
        table_write_text(fp, "to\nlinjer", false) || table_write_text(fp, NULL, false) ||
        table_write_text(fp, "1+1=2", false) || table_write_int(fp, -1500, false) ||
        table_write_eol(fp) || table_write_int(fp, 6318216, true) || table_write_eol(fp))
        return -1;
    return 0;
}

static void test_write_file_has_bom_neutralised_formulas_and_quotes(void **state)
{
    char dir[] = "/tmp/test_table_XXXXXX", path[64], err[256] = "", *got;
    size_t n;
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.csv", dir);
    assert_int_equal(table_write_file(path, write_sample, NULL, err, sizeof err), 0);
    assert_int_equal(text_read_file(path, &got, &n), 0);
    assert_string_equal(got, "\xEF\xBB\xBF'=SUM(A1);'+45;'-x;'@a;'\tt;\"'\rr\";\"a;b\";"
                             "\"sagde \"\"hej\"\"\";\"to\nlinjer\";;1+1=2;-1500\r\n"
                             "6318216\r\n");
    free(got);
    unlink(path);
    rmdir(dir);
}

static int write_formulas(FILE *fp, void *ctx)
{
    (void)ctx;
    if (table_write_text(fp, "Navn", true) || table_write_text(fp, "Beløb", false) ||
        table_write_eol(fp) || table_write_text(fp, "=1+2", true) ||
        table_write_int(fp, 5, false) || table_write_eol(fp) ||
        table_write_text(fp, "@A;-B", true) || table_write_int(fp, 6, false) ||
        table_write_eol(fp) || table_write_text(fp, "'ikke en formel", true) ||
        table_write_int(fp, 7, false) || table_write_eol(fp))
        return -1;
    return 0;
}

static void test_neutralised_text_reads_back_without_the_apostrophe(void **state)
{
    char dir[] = "/tmp/test_table_XXXXXX", path[64], err[256] = "";
    seen s;
    diag_list d;
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.csv", dir);
    assert_int_equal(table_write_file(path, write_formulas, NULL, err, sizeof err), 0);
    memset(&s, 0, sizeof s);
    diag_init(&d);
    assert_int_equal(table_read(&spec, NULL, 0, path, NULL, on_row, &s, &d), 0);
    assert_int_equal(s.n, 3);
    assert_string_equal(s.name[0], "=1+2");
    assert_string_equal(s.name[1], "@A;-B");
    /* only the apostrophe before a formula character is the writer's */
    assert_string_equal(s.name[2], "'ikke en formel");
    assert_int_equal(s.amount[2], 7);
    diag_free(&d);
    unlink(path);
    rmdir(dir);
}

static int write_nothing(FILE *fp, void *ctx)
{
    (void)fp;
    (void)ctx;
    return 0;
}

static void test_write_into_a_missing_folder_fails_and_says_why(void **state)
{
    char err[256] = "";
    (void)state;
    assert_int_equal(table_write_file("/tmp/no-such-folder-pulje/x.csv", write_nothing, NULL,
                                      err, sizeof err),
                     -1);
    assert_string_equal(err, "cannot create a temporary file next to "
                             "/tmp/no-such-folder-pulje/x.csv: No such file or directory");
}

static int write_fails(FILE *fp, void *ctx)
{
    (void)fp;
    (void)ctx;
    return -1;
}

static void test_write_that_fails_leaves_no_file(void **state)
{
    char dir[] = "/tmp/test_table_XXXXXX", path[64], err[256] = "";
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.csv", dir);
    assert_int_equal(table_write_file(path, write_fails, NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "cannot write"));
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(rmdir(dir), 0); /* empty: no temporary file left either */
}

/* ---- the duplicate index ---------------------------------------------------------- */

static bool same_key(void *ctx, size_t row, const char *key)
{
    char (*keys)[16] = ctx;
    return strcmp(keys[row], key) == 0;
}

static void test_index_finds_the_first_row_with_a_key_across_growth(void **state)
{
    enum { N = 5000 };
    static char keys[N + 1][16];
    table_index ix;
    size_t first = 0;
    (void)state;
    memset(&ix, 0, sizeof ix);
    for (size_t i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "K%zu", i);
        assert_int_equal(table_index_put(&ix, keys[i], table_hash(keys[i]), i, same_key, keys,
                                         &first),
                         0);
    }
    assert_int_equal(ix.n, N);
    assert_true(ix.cap >= 2 * N);
    snprintf(keys[N], sizeof keys[N], "K%d", 4321);
    table_index_prefetch(&ix, table_hash(keys[N]));
    assert_int_equal(
        table_index_put(&ix, keys[N], table_hash(keys[N]), N, same_key, keys, &first), 1);
    assert_int_equal(first, 4321);
    assert_int_equal(ix.n, N);
    table_index_free(&ix);
    assert_null(ix.v);
    table_index_free(&ix);
}

/* ---- amounts, encodings, control characters, shifted rows ------------------ */

static int read_opts(const table_opts *o, const char *csv, size_t len, seen *s, diag_list *d)
{
    memset(s, 0, sizeof *s);
    diag_init(d);
    return table_read_opts(&spec, o, csv, len, "t.csv", NULL, on_row, s, d);
}

static void test_ambiguous_amount_names_both_readings_at_its_cell(void **state)
{
    seen s;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(read_with(&spec, "Navn;Beløb\nA;50.000\nB;100,000\n", &s, &d), -1);
    e = only_error(&d, 3, 2, "");
    assert_string_equal(e->msg, "column 2 (Beløb): \"100,000\" is ambiguous: 100 kr. or "
                                "100.000 kr.?");
    assert_string_equal(e->hint, "write whole kroner with '.' between thousands, like 100.000 "
                                 "or 100000; ',' only before øre (,00 or ,-)");
    assert_int_equal(s.amount[0], 50000);
    assert_int_equal(s.amount[1], -1);
    diag_free(&d);
}

static void test_every_form_of_fifty_thousand_reads_the_same(void **state)
{
    seen s;
    diag_list d;
    (void)state;
    assert_int_equal(read_with(&spec,
                               "Navn;Beløb\nA;50.000,-\nB;kr. 50.000,00\nC;50 000\n"
                               "D;50\xc2\xa0" "000 kr.\nE;50\xe2\x80\xaf" "000\nF;50000\n",
                               &s, &d),
                     0);
    assert_int_equal(d.n, 0);
    assert_int_equal(s.n, 6);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(s.amount[i], 50000);
    diag_free(&d);
}

static void test_a_stray_byte_in_a_utf8_file_is_an_error_where_it_stands(void **state)
{
    /* the header holds "ø" in UTF-8; line 3 holds a Windows-1252 "ø" (0xF8) */
    const char *csv = "Navn;Beløb\nGrønne;10\nGr\xf8nne Venner;20\n";
    seen s;
    diag_list d;
    const diag *e;
    (void)state;
    assert_int_equal(read_with(&spec, csv, &s, &d), -1);
    e = only_error(&d, 3, 1, "");
    assert_string_equal(e->msg, "column 1 (Navn): byte 0xF8 at character 3 is not UTF-8, "
                                "though the file is (it has UTF-8 letters from line 1); text "
                                "pasted from another program?");
    assert_string_equal(e->hint, "retype the character (in Windows-1252 the byte is \"ø\") "
                                 "and save the file as \"CSV UTF-8\"");
    assert_string_equal(s.name[0], "Grønne");
    diag_free(&d);
    /* in the header: reported, then shown as U+FFFD in the unknown column's message */
    assert_int_equal(read_with(&spec, "Navn;Beløb;N\xf8te\nGrønne;10;x\n", &s, &d), -1);
    assert_int_equal(d.n, 2);
    assert_int_equal(d.v[0].col, 3);
    assert_string_equal(d.v[0].msg, "column 3: byte 0xF8 at character 2 is not UTF-8, though "
                                    "the file is (it has UTF-8 letters from line 1); text pasted "
                                    "from another program?");
    assert_string_equal(d.v[1].msg, "column 3: unknown column \"N\xef\xbf\xbd" "te\"");
    diag_free(&d);
}

static void test_a_file_without_utf8_letters_is_windows_1252_and_says_so(void **state)
{
    text_encoding enc = TEXT_UTF8;
    table_opts o;
    seen s;
    diag_list d;
    (void)state;
    memset(&o, 0, sizeof o);
    o.encoding = &enc;
    const char *cp = "Navn;Bel\xf8" "b\nGr\xf8nne;10\n";
    assert_int_equal(read_opts(&o, cp, strlen(cp), &s, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(enc, TEXT_CP1252);
    assert_string_equal(s.name[0], "Grønne");
    diag_free(&d);
    /* pure ASCII is UTF-8 */
    assert_int_equal(read_opts(&o, "Navn;Beløb\nA;10\n", strlen("Navn;Beløb\nA;10\n"), &s, &d),
                     0);
    assert_int_equal(enc, TEXT_UTF8);
    diag_free(&d);
}

static void test_control_characters_are_errors_at_their_cell(void **state)
{
    static const char csv[] = "Navn;Beløb;Note\nA\x1b[31m;10;ok\nB;20;klokke\x07\nC\0D;30;x\n";
    seen s;
    diag_list d;
    (void)state;
    assert_int_equal(read_opts(NULL, csv, sizeof csv - 1, &s, &d), -1);
    assert_int_equal(d.n, 3);
    assert_int_equal(d.v[0].line, 2);
    assert_int_equal(d.v[0].col, 1);
    assert_string_equal(d.v[0].msg, "column 1 (Navn): the control character U+001B (ESC) at "
                                    "character 2; only tab and line breaks may stand in a text");
    assert_int_equal(d.v[1].line, 3);
    assert_int_equal(d.v[1].col, 3);
    assert_string_equal(d.v[1].msg, "column 3 (Note): the control character U+0007 (BEL) at "
                                    "character 7; only tab and line breaks may stand in a text");
    assert_int_equal(d.v[2].line, 4);
    assert_int_equal(d.v[2].col, 1);
    assert_string_equal(d.v[2].msg, "column 1 (Navn): the control character U+0000 (NUL) at "
                                    "character 2; only tab and line breaks may stand in a text");
    /* the NUL is a blank now, so the rest of the text is still there */
    assert_string_equal(s.name[2], "C D");
    diag_free(&d);
}

static void test_utf16_is_still_refused_as_a_whole(void **state)
{
    static const char csv[] = "\xff\xfeN\0a\0v\0n\0;\0";
    seen s;
    diag_list d;
    (void)state;
    assert_int_equal(read_opts(NULL, csv, sizeof csv - 1, &s, &d), -1);
    /* the whole file is refused, at line 1 where its first NUL byte stands */
    only_error(&d, 1, 0, "NUL bytes: it is not a CSV text file (UTF-16?)");
    diag_free(&d);
}

static void test_a_row_one_short_with_an_amount_in_a_text_column_is_shifted(void **state)
{
    /* Note is a text column; the row lacks its Navn, so Beløb's 95.000 sits under Navn */
    static const bool text[] = {true, false, true, false};
    table_opts o;
    seen s;
    diag_list d;
    const diag *e;
    const char *csv = "Navn;Beløb;Note;Ekstra\nA;10;x;y\n95.000;x;y\n";
    (void)state;
    memset(&o, 0, sizeof o);
    o.text_columns = text;
    assert_int_equal(read_opts(&o, csv, strlen(csv), &s, &d), -1);
    e = only_error(&d, 3, 1, "");
    assert_string_equal(e->msg, "the row has 3 fields, the header 4: a field is probably "
                                "missing before column 2 (Beløb), since column 1 (Navn) holds "
                                "\"95.000\", which reads as an amount");
    assert_int_equal(s.n, 1); /* the shifted row is not read */
    diag_free(&d);
    /* without the text columns, the row is padded as before (Ekstra is optional) */
    assert_int_equal(read_opts(NULL, csv, strlen(csv), &s, &d), -1);
    assert_int_equal(s.n, 2);
    diag_free(&d);
    /* a row one short whose text columns hold text is padded as before */
    csv = "Navn;Beløb;Note;Ekstra\nA;10;x\n";
    assert_int_equal(read_opts(&o, csv, strlen(csv), &s, &d), 0);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.extra[0], "");
    diag_free(&d);
}

static void test_a_date_or_percentage_cell_is_not_an_amount(void **state)
{
    xlsxread_cell cells[2];
    table_opts o;
    seen s;
    diag_list d;
    (void)state;
    memset(cells, 0, sizeof cells);
    cells[0] = (xlsxread_cell){2, 2, XLSXREAD_DATE, "dd-mm-yyyy", "44941"};
    cells[1] = (xlsxread_cell){3, 2, XLSXREAD_PERCENT, "0%", "0,5"};
    memset(&o, 0, sizeof o);
    o.cells = cells;
    o.n_cells = 2;
    const char *csv = "Navn;Beløb\nA;44941\nB;0,5\nC;10\n";
    assert_int_equal(read_opts(&o, csv, strlen(csv), &s, &d), -1);
    assert_int_equal(d.n, 2);
    assert_int_equal(d.v[0].line, 2);
    assert_int_equal(d.v[0].col, 2);
    assert_string_equal(d.v[0].msg, "column 2 (Beløb): cell B2 is formatted as a date "
                                    "(dd-mm-yyyy), not as an amount; its value 44941 would be "
                                    "read as \"44941\"");
    assert_string_equal(d.v[1].msg, "column 2 (Beløb): cell B3 is formatted as a percentage "
                                    "(0%), not as an amount; its value 0,5 would be read as "
                                    "\"0,5\"");
    assert_int_equal(s.amount[2], 10);
    diag_free(&d);
}

static void test_header_fit_counts_the_required_columns_missing(void **state)
{
    (void)state;
    const char *a = "Navn;Beløb\nA;1\n", *b = "Navn;Note\n", *c = "Vejledning\nUdfyld arket\n";
    assert_int_equal(table_header_fit(&spec, a, strlen(a)), 0);
    assert_int_equal(table_header_fit(&spec, b, strlen(b)), 1);
    assert_int_equal(table_header_fit(&spec, c, strlen(c)), 2);
    assert_int_equal(table_header_fit(&spec, "", 0), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cells_know_their_line_column_and_header),
        cmocka_unit_test(test_amount_problem_names_the_header_as_written),
        cmocka_unit_test(test_missing_trailing_optional_fields_are_empty),
        cmocka_unit_test(test_missing_trailing_required_field_is_still_an_error),
        cmocka_unit_test(test_missing_field_under_an_unknown_column_is_an_error),
        cmocka_unit_test(test_header_only_is_an_error_unless_rows_are_optional),
        cmocka_unit_test(test_empty_file_is_an_error_even_when_rows_are_optional),
        cmocka_unit_test(test_callback_out_of_memory_is_reported_once_and_stops),
        cmocka_unit_test(test_load_names_the_file_in_every_diagnostic),
        cmocka_unit_test(test_count_is_1_to_9_digits_only),
        cmocka_unit_test(test_show_cuts_long_text_at_a_character_boundary),
        cmocka_unit_test(test_write_file_has_bom_neutralised_formulas_and_quotes),
        cmocka_unit_test(test_neutralised_text_reads_back_without_the_apostrophe),
        cmocka_unit_test(test_write_into_a_missing_folder_fails_and_says_why),
        cmocka_unit_test(test_write_that_fails_leaves_no_file),
        cmocka_unit_test(test_index_finds_the_first_row_with_a_key_across_growth),
        cmocka_unit_test(test_ambiguous_amount_names_both_readings_at_its_cell),
        cmocka_unit_test(test_every_form_of_fifty_thousand_reads_the_same),
        cmocka_unit_test(test_a_stray_byte_in_a_utf8_file_is_an_error_where_it_stands),
        cmocka_unit_test(test_a_file_without_utf8_letters_is_windows_1252_and_says_so),
        cmocka_unit_test(test_control_characters_are_errors_at_their_cell),
        cmocka_unit_test(test_utf16_is_still_refused_as_a_whole),
        cmocka_unit_test(test_a_row_one_short_with_an_amount_in_a_text_column_is_shifted),
        cmocka_unit_test(test_a_date_or_percentage_cell_is_not_an_amount),
        cmocka_unit_test(test_header_fit_counts_the_required_columns_missing),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
