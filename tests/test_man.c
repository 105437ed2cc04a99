/* test_man.c - The manual page: renders without groff warnings, documents
 * every command and option --help lists, and installs and uninstalls. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void test_man_page_renders_without_warnings(void **state)
{
    char out[4096];

    (void)state;
    assert_int_equal(test_run("LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z pulje.1 2>&1", out, sizeof out), 0);
    if (out[0])
        print_error("%s", out);
    assert_string_equal(out, "");
    assert_int_equal(test_run("LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z pulje.da.1 2>&1", out,
                              sizeof out), 0);
    if (out[0])
        print_error("%s", out);
    assert_string_equal(out, "");
}

/* Every "--option" and command word of --help appears in the page (the
 * English --help in pulje.1, the Danish in pulje.da.1). */
static void documents_what_help_lists(const char *page, const char *lang)
{
    char cmd[256], *help = malloc(16384), *man = malloc(65536);
    static const char *const commands[] = {"run", "check", "explain", "init"};

    assert_non_null(help);
    assert_non_null(man);
    snprintf(cmd, sizeof cmd, "%s/pulje --help --lang %s", test_build_dir(), lang);
    assert_int_equal(test_run(cmd, help, 16384), 0);
    snprintf(cmd, sizeof cmd, "cat %s", page);
    assert_int_equal(test_run(cmd, man, 65536), 0);
    for (char *p = strstr(help, "--"); p; p = strstr(p + 2, "--")) {
        char opt[64], want[80];
        size_t n = 0;
        while (n + 1 < sizeof opt && ((p[2 + n] >= 'a' && p[2 + n] <= 'z') || p[2 + n] == '-'))
            n++;
        memcpy(opt, p + 2, n);
        opt[n] = '\0';
        if (n == 0)
            continue;
        /* in roff a '-' is written \- */
        size_t o = (size_t)snprintf(want, sizeof want, "\\-\\-");
        for (size_t k = 0; k < n && o + 3 < sizeof want; k++) {
            if (opt[k] == '-')
                want[o++] = '\\';
            want[o++] = opt[k];
        }
        want[o] = '\0';
        if (!strstr(man, want))
            print_error("--%s is in --help but not in %s (as %s)\n", opt, page, want);
        assert_non_null(strstr(man, want));
    }
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++) {
        char want[64];
        assert_non_null(strstr(help, commands[k]));
        snprintf(want, sizeof want, "\n.B%s %s", k >= 2 ? "I" : "", commands[k]);
        if (!strstr(man, want))
            print_error("command %s: no '%s' in %s\n", commands[k], want + 1, page);
        assert_non_null(strstr(man, want));
    }
    free(help);
    free(man);
}

static void test_man_page_documents_what_help_lists(void **state)
{
    (void)state;
    documents_what_help_lists("pulje.1", "en");
    documents_what_help_lists("pulje.da.1", "da");
}

static void test_make_install_and_uninstall(void **state)
{
    char dir[] = "/tmp/pulje-install-XXXXXX", cmd[1024], out[8192];

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "make -s --no-print-directory BUILD=%s install PREFIX=%s/usr 2>&1",
             test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(cmd, sizeof cmd, "%s/usr/bin/pulje --version", dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "pulje "));
    snprintf(cmd, sizeof cmd, "test -f %s/usr/share/man/man1/pulje.1", dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(cmd, sizeof cmd, "cmp pulje.da.1 %s/usr/share/man/da/man1/pulje.1", dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(cmd, sizeof cmd, "make -s --no-print-directory BUILD=%s uninstall PREFIX=%s/usr 2>&1",
             test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(cmd, sizeof cmd, "find %s -type f | wc -l", dir);
    test_run(cmd, out, sizeof out);
    assert_int_equal(atoi(out), 0);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    test_run(cmd, out, sizeof out);
}

/* The page states the rounding steps R0-R5 the README's "Rounding" names,
 * the earmark's own min/max (supplements only), the amount grammar and the
 * warnings' prefix; rendered, so the roff escapes do not hide a word. */
static void test_man_page_documents_rounding_amounts_and_warnings(void **state)
{
    char *man = malloc(131072), *readme = malloc(262144);
    static const char *const page[] = {
        "R0", "R1", "R2", "R3", "R4", "R5", "[earmark KEY]", "min_grant and max_grant in [rules]",
        "never to supplements", "never apply to ordinary grants", "AMOUNTS", "50.000,-",
        "100,000 (100 kr. or 100.000 kr.?)", "advarsel:", "also with -q"};

    (void)state;
    assert_non_null(man);
    assert_non_null(readme);
    assert_int_equal(test_run("LC_ALL=C.UTF-8 MANWIDTH=2000 groff -man -Tutf8 -P-cbou -rLL=2000n "
                              "pulje.1 2>&1 | tr -s ' '", man, 131072), 0);
    assert_int_equal(test_run("cat README.md", readme, 262144), 0);
    for (size_t k = 0; k < sizeof page / sizeof page[0]; k++) {
        if (!strstr(man, page[k]))
            print_error("pulje.1 does not say \"%s\"\n", page[k]);
        assert_non_null(strstr(man, page[k]));
    }
    /* the README's rounding steps are the page's */
    for (int r = 0; r <= 5; r++) {
        char want[24];
        snprintf(want, sizeof want, "**R%d.**", r);
        assert_non_null(strstr(readme, want));
    }
    free(man);
    free(readme);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_man_page_renders_without_warnings),
        cmocka_unit_test(test_man_page_documents_what_help_lists),
        cmocka_unit_test(test_make_install_and_uninstall),
        cmocka_unit_test(test_man_page_documents_rounding_amounts_and_warnings),
    };
    return cmocka_run_group_tests_name("man", tests, NULL, NULL);
}
