/* test_inifile.c - The INI reader: line numbers and columns as the file has
 * them, headers and pairs handed over, bad lines reported at their place, and
 * the did-you-mean policy. */
#include "testutil.h"

#include <string.h>

#include "inifile.h"
#include "labels.h"

/* What the callbacks saw, one line of text per event. */
typedef struct seen {
    inifile in;
    diag_list dl;
    char log[2048];
    size_t n;
    int dropped;
} seen;

static void logf_(seen *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void logf_(seen *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(s->log + s->n, sizeof s->log - s->n, fmt, ap);
    va_end(ap);
    if (w > 0)
        s->n += (size_t)w;
}

static void on_header(void *user, const char *name, int closed, unsigned col)
{
    seen *s = user;
    logf_(s, "%u:%u [%s]%s\n", s->in.lineno, col, name, closed ? "" : " open");
}

static void on_pair(void *user, const char *name, const char *value)
{
    seen *s = user;
    logf_(s, "%u:%u %s=%s@%u\n", s->in.lineno, inifile_key_col(&s->in), name, value,
          inifile_value_col(&s->in));
}

static void on_dropped(void *user)
{
    seen *s = user;
    s->dropped++;
}

static int run(seen *s, const char *text, size_t len)
{
    memset(s, 0, sizeof *s);
    diag_init(&s->dl);
    s->in.text = text;
    s->in.len = len;
    s->in.file = "t.ini";
    s->in.dl = &s->dl;
    s->in.on_header = on_header;
    s->in.on_pair = on_pair;
    s->in.on_dropped = on_dropped;
    s->in.user = s;
    return inifile_parse(&s->in);
}

static void expect_diag_at(const diag_list *dl, size_t i, unsigned line, unsigned col,
                           const char *msg)
{
    assert_true(i < dl->n);
    assert_int_equal(dl->v[i].line, line);
    assert_int_equal(dl->v[i].col, col);
    assert_string_equal(dl->v[i].file, "t.ini");
    if (!strstr(dl->v[i].msg, msg))
        fail_msg("diagnostic %zu is \"%s\", not \"%s\"", i, dl->v[i].msg, msg);
}

static void test_headers_and_pairs_come_with_their_lines_and_columns(void **state)
{
    static const char text[] = "; comment\n[pool]\nname = P\n  year=2023 ; c\n\n[budget\n"
                               "B: 1.000\n";
    seen s;
    (void)state;
    assert_int_equal(run(&s, text, strlen(text)), 0);
    assert_string_equal(s.log, "2:1 [pool]\n"
                               "3:1 name=P@8\n"
                               "4:3 year=2023@8\n"
                               "6:1 [budget] open\n"
                               "7:1 B=1.000@4\n");
    /* inih refuses the open header; the callback said nothing there, so the reader does */
    assert_int_equal(s.dl.n, 1);
    expect_diag_at(&s.dl, 0, 6, 0, "the INI reader could not read this line");
    diag_free(&s.dl);
}

static void test_lf_crlf_and_lone_cr_all_end_a_line(void **state)
{
    static const char text[] = "[a]\r\nx = 1\ry = 2\nz = 3";
    seen s;
    (void)state;
    assert_int_equal(run(&s, text, strlen(text)), 0);
    assert_string_equal(s.log, "1:1 [a]\n2:1 x=1@5\n3:1 y=2@5\n4:1 z=3@5\n");
    diag_free(&s.dl);
}

static void test_a_line_that_is_not_key_value_is_reported_each_time(void **state)
{
    static const char text[] = "[a]\njust words\nx = 1\nmore words\n";
    seen s;
    (void)state;
    assert_int_equal(run(&s, text, strlen(text)), 0);
    assert_int_equal(s.dl.n, 2);
    expect_diag_at(&s.dl, 0, 2, 1, "this line is not `key = value`");
    expect_diag_at(&s.dl, 1, 4, 1, "this line is not `key = value`");
    assert_string_equal(s.log, "1:1 [a]\n3:1 x=1@5\n");
    diag_free(&s.dl);
}

static void test_nul_and_control_characters_are_reported_at_their_column(void **state)
{
    static const char text[] = "[a]\nx = a\0b\ny = c\x01" "d\n";
    seen s;
    (void)state;
    assert_int_equal(run(&s, text, sizeof text - 1), 0);
    assert_int_equal(s.dl.n, 2);
    expect_diag_at(&s.dl, 0, 2, 6, "NUL byte");
    expect_diag_at(&s.dl, 1, 3, 6, "control character U+0001");
    /* the NUL line is dropped, the control character's line is still read */
    assert_int_equal(s.dropped, 1);
    assert_string_equal(s.log, "1:1 [a]\n3:1 y=c\x01" "d@5\n");
    diag_free(&s.dl);
}

static void test_a_line_too_long_for_inih_is_dropped_and_the_count_stays_right(void **state)
{
    char text[600];
    seen s;
    (void)state;
    int n = snprintf(text, sizeof text, "[a]\nx = ");
    memset(text + n, 'v', 300);
    snprintf(text + n + 300, sizeof text - (size_t)n - 300, "\ny = 2\n");
    assert_int_equal(run(&s, text, strlen(text)), 0);
    assert_int_equal(s.dl.n, 1);
    expect_diag_at(&s.dl, 0, 2, 199, "this line is too long (304 bytes)");
    assert_int_equal(s.dropped, 1);
    assert_string_equal(s.log, "1:1 [a]\n3:1 y=2@5\n");
    diag_free(&s.dl);
}

static void test_suggest_takes_the_closest_close_name(void **state)
{
    static const char *const keys[] = {"rule", "threshold", "rounding", "residual_label"};
    int oom = 0;
    (void)state;
    assert_int_equal(inifile_suggest("treshold", keys, 4, &oom), 1);
    assert_int_equal(inifile_suggest("Rounding", keys, 4, &oom), 2);
    assert_int_equal(inifile_suggest("rul", keys, 4, &oom), 0);
    assert_int_equal(inifile_suggest("residual label", keys, 4, &oom), 3); /* folded alike */
    assert_int_equal(inifile_suggest("metode", keys, 4, &oom), -1);
    assert_int_equal(inifile_suggest("x", keys, 0, &oom), -1);
    assert_int_equal(oom, 0);
}

static void test_suggest_limits_short_names_to_one_edit(void **state)
{
    static const char *const names[] = {"cap", "pool"};
    (void)state;
    assert_int_equal(inifile_suggest("cp", names, 2, NULL), 0);
    assert_int_equal(inifile_suggest("cxx", names, 2, NULL), -1); /* 2 edits from "cap" */
    assert_int_equal(inifile_suggest("pxxl", names, 2, NULL), 1); /* 4 bytes: 2 edits */
}

static void test_suggest_counts_danish_letters_and_takes_the_first_of_equals(void **state)
{
    static const char *const names[] = {"øremærkning", "earmarks", "earmarkx"};
    (void)state;
    assert_int_equal(inifile_suggest("Øremærkninger", names, 3, NULL), 0);
    assert_int_equal(inifile_suggest("earmark", names, 3, NULL), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headers_and_pairs_come_with_their_lines_and_columns),
        cmocka_unit_test(test_lf_crlf_and_lone_cr_all_end_a_line),
        cmocka_unit_test(test_a_line_that_is_not_key_value_is_reported_each_time),
        cmocka_unit_test(test_nul_and_control_characters_are_reported_at_their_column),
        cmocka_unit_test(test_a_line_too_long_for_inih_is_dropped_and_the_count_stays_right),
        cmocka_unit_test(test_suggest_takes_the_closest_close_name),
        cmocka_unit_test(test_suggest_limits_short_names_to_one_edit),
        cmocka_unit_test(test_suggest_counts_danish_letters_and_takes_the_first_of_equals),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
