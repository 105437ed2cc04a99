/* test_messages.c - Every message in src/ has a Danish text with the same printf conversions.
 *
 * tests/msg_scan.py lists the English literals passed as format or hint to
 * diag_add, table_note(_cell), inifile_error, text_set_err, xlsx_fail,
 * book_fail, run.c's say, init_from.c's note, msg_tr and MSG_N (adjacent
 * literals joined); each must have a Danish entry. Every pair of the table
 * must have the same conversions in the same order, or the Danish format
 * would read the wrong arguments. */
#include "testutil.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "labels.h"
#include "messages.h"

/* Decode a hex line into buf, expanding scanner markers \x01PRId64\x01 to
 * the macro's value on this platform. Returns buf. */
static char *decode_hex(const char *hex, char *buf, size_t size)
{
    char raw[4096];
    size_t n = 0, o = 0;
    for (; hex[0] && hex[1] && hex[0] != '\n' && n + 1 < sizeof raw; hex += 2) {
        unsigned v;
        sscanf(hex, "%2x", &v);
        raw[n++] = (char)v;
    }
    raw[n] = '\0';
    for (size_t i = 0; i < n && o + 8 < size;) {
        if (raw[i] == '\x01') {
            static const struct { const char *name, *value; } pri[] = {
                {"PRId64", PRId64}, {"PRIu64", PRIu64}, {"PRIi64", PRIi64},
                {"PRIx64", PRIx64}, {"PRId32", PRId32}, {"PRIu32", PRIu32},
            };
            const char *end = strchr(raw + i + 1, '\x01');
            size_t len = end ? (size_t)(end - raw - i - 1) : 0;
            const char *val = "?";
            for (size_t k = 0; k < sizeof pri / sizeof pri[0]; k++)
                if (strlen(pri[k].name) == len && strncmp(raw + i + 1, pri[k].name, len) == 0)
                    val = pri[k].value;
            o += (size_t)snprintf(buf + o, size - o, "%s", val);
            i += len + 2;
        } else {
            buf[o++] = raw[i++];
        }
    }
    buf[o] = '\0';
    return buf;
}

/* (a) every English text the scanner finds has a Danish entry. */
static void test_every_message_in_src_has_danish(void **state)
{
    (void)state;
    FILE *f = popen("/usr/bin/python3 tests/msg_scan.py src", "r");
    char line[9000], text[4096];
    size_t found = 0, missing = 0;

    assert_non_null(f);
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        *tab = '\0';
        decode_hex(tab + 1, text, sizeof text);
        found++;
        if (!msg_danish(text)) {
            fprintf(stderr, "%s: no Danish entry for \"%s\"\n", line, text);
            missing++;
        }
    }
    assert_int_equal(pclose(f), 0);
    /* the scanner must see the call sites (over 400 when this was written) */
    assert_true(found >= 400);
    assert_int_equal(missing, 0);
}

/* (b) every pair has the same printf conversions in the same order, no
 * English text appears twice, and no Danish text is left English. */
static void test_pairs_have_the_same_conversions(void **state)
{
    (void)state;
    size_t bad = 0;
    for (size_t i = 0; i < msg_count(); i++) {
        const char *en, *da;
        char a[256], b[256];
        msg_pair(i, &en, &da);
        assert_non_null(en);
        assert_non_null(da);
        msg_conversions(en, a, sizeof a);
        msg_conversions(da, b, sizeof b);
        if (strcmp(a, b) != 0) {
            fprintf(stderr, "entry %zu: \"%s\" has conversions [%s], its Danish [%s]\n", i, en,
                    a, b);
            bad++;
        }
        for (size_t j = i + 1; j < msg_count(); j++) {
            const char *en2, *da2;
            msg_pair(j, &en2, &da2);
            if (strcmp(en, en2) == 0) {
                fprintf(stderr, "entries %zu and %zu: \"%s\" twice\n", i, j, en);
                bad++;
            }
        }
        /* a newline at the end of one side only would join or split lines */
        size_t le = strlen(en), ld = strlen(da);
        if (le && ld && (en[le - 1] == '\n') != (da[ld - 1] == '\n')) {
            fprintf(stderr, "entry %zu: \"%s\" ends its line differently\n", i, en);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
    assert_true(msg_count() >= 400);
}

static void test_conversions_are_read_like_printf(void **state)
{
    (void)state;
    char b[128];
    assert_string_equal(msg_conversions("%-5zu items, %s", b, sizeof b), "zu s");
    assert_string_equal(msg_conversions("100 %% of %lld kr.", b, sizeof b), "lld");
    assert_string_equal(msg_conversions("\"%.*s\" and %.0s%04X", b, sizeof b), "* s s X");
    assert_string_equal(msg_conversions("no conversions", b, sizeof b), "");
    assert_string_equal(msg_conversions("%" PRId64 "/%" PRId64, b, sizeof b),
                        strcmp(PRId64, "ld") == 0 ? "ld ld" : "lld lld");
}

/* msg_tr: Danish by default, English with --lang en, the key itself when
 * the table has no entry. */
static void test_msg_tr_follows_the_language(void **state)
{
    (void)state;
    assert_int_equal(labels_set_language("da"), 0);
    assert_string_equal(msg_tr("write ja or nej"), "skriv ja eller nej");
    assert_string_equal(msg_tr("no such message, surely"), "no such message, surely");
    assert_null(msg_tr(NULL));
    assert_int_equal(labels_set_language("en"), 0);
    assert_string_equal(msg_tr("write ja or nej"), "write ja or nej");
    assert_int_equal(labels_set_language("da"), 0);
}

/* diag_add translates its format and hint; diag_format says fejl/råd in
 * Danish and error/hint in English. The figures are formatted after the
 * translation, into the Danish sentence. */
static void test_diag_in_both_languages(void **state)
{
    (void)state;
    diag_list dl;
    char buf[512];

    assert_int_equal(labels_set_language("da"), 0);
    diag_init(&dl);
    diag_add(&dl, DIAG_ERROR, "a.csv", 3, 2, "write ja or nej",
             "column %u (%s): \"%s\" is not ja or nej", 2u, "Undtagelse", "måske");
    diag_format(&dl.v[0], buf, sizeof buf);
    assert_string_equal(buf, "a.csv:3:2: fejl: kolonne 2 (Undtagelse): \"måske\" er hverken ja "
                             "eller nej\n  råd: skriv ja eller nej");
    diag_free(&dl);

    assert_int_equal(labels_set_language("en"), 0);
    diag_init(&dl);
    diag_add(&dl, DIAG_WARNING, "a.csv", 3, 0, "write ja or nej",
             "column %u (%s): \"%s\" is not ja or nej", 2u, "Undtagelse", "måske");
    diag_format(&dl.v[0], buf, sizeof buf);
    assert_string_equal(buf, "a.csv:3: warning: column 2 (Undtagelse): \"måske\" is not ja or "
                             "nej\n  hint: write ja or nej");
    diag_free(&dl);
    assert_int_equal(labels_set_language("da"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_message_in_src_has_danish),
        cmocka_unit_test(test_pairs_have_the_same_conversions),
        cmocka_unit_test(test_conversions_are_read_like_printf),
        cmocka_unit_test(test_msg_tr_follows_the_language),
        cmocka_unit_test(test_diag_in_both_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
