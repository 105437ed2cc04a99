/* test_members.c - Conflicts of interest: the members file read, its ties matched by CVR
 * and folded name, and the warnings check and run print for the default pool. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apps.h"
#include "diag.h"
#include "members.h"
#include "labels.h"

static member_list read_ok(const char *text)
{
    member_list m;
    diag_list dl;

    diag_init(&dl);
    if (members_read(text, strlen(text), "medlemmer.csv", &m, &dl) != 0)
        test_print_diags(&dl);
    assert_int_equal(diag_errors(&dl), 0);
    diag_free(&dl);
    return m;
}

static void test_file_is_read_with_roles_and_ties(void **state)
{
    (void)state;
    member_list m = read_ok("\xEF\xBB\xBF"
                            "Tilknytning;Navn;Rolle\r\n"
                            "\"12.345.678; Foreningen Ø ;\";Jens Hansen;Indstillingsudvalg\r\n"
                            ";Mette Juul;udvalg\r\n");
    assert_int_equal(m.n, 2);
    assert_string_equal(m.v[0].name, "Jens Hansen");
    assert_int_equal(m.v[0].role, MEMBER_PANEL);
    assert_int_equal(m.v[0].line, 2);
    assert_int_equal(m.v[0].n_ties, 2);
    assert_string_equal(m.v[0].ties[0], "12.345.678");
    assert_string_equal(m.v[0].ties[1], "Foreningen Ø");
    assert_string_equal(m.v[1].name, "Mette Juul");
    assert_int_equal(m.v[1].role, MEMBER_COMMITTEE);
    assert_int_equal(m.v[1].n_ties, 0);
    members_free(&m);
}

static void test_windows_1252_is_read(void **state)
{
    (void)state;
    member_list m = read_ok("Navn;Rolle;Tilknytning\r\nS\xF8" "ren;udvalg;Foreningen \xC5" "en\r\n");
    assert_int_equal(m.n, 1);
    assert_string_equal(m.v[0].name, "Søren");
    assert_string_equal(m.v[0].ties[0], "Foreningen Åen");
    members_free(&m);
}

static void test_bad_role_and_empty_name_are_errors_at_their_cells(void **state)
{
    member_list m;
    diag_list dl;
    const char *text = "Navn;Rolle;Tilknytning\n"
                       "Jens;formand;12345678\n"
                       ";udvalg;x\n";

    (void)state;
    diag_init(&dl);
    assert_int_equal(members_read(text, strlen(text), "m.csv", &m, &dl), -1);
    assert_int_equal(diag_errors(&dl), 2);
    assert_int_equal(dl.v[0].line, 2);
    assert_int_equal(dl.v[0].col, 2);
    assert_non_null(strstr(dl.v[0].msg, "role \"formand\" is neither udvalg nor indstillingsudvalg"));
    assert_int_equal(dl.v[1].line, 3);
    assert_int_equal(dl.v[1].col, 1);
    assert_int_equal(m.n, 0);
    members_free(&m);
    diag_free(&dl);
}

static void test_cvr_ties(void **state)
{
    char cvr[9] = "";

    (void)state;
    assert_true(members_tie_cvr("12345678", cvr));
    assert_string_equal(cvr, "12345678");
    assert_true(members_tie_cvr("CVR 87.54.16.73", cvr));
    assert_string_equal(cvr, "87541673");
    assert_true(members_tie_cvr(" cvr: 11 22 33 44", cvr));
    assert_string_equal(cvr, "11223344");
    assert_false(members_tie_cvr("1234567", cvr));
    assert_false(members_tie_cvr("123456789", cvr));
    assert_false(members_tie_cvr("Klub 12345678", cvr));
    assert_false(members_tie_cvr("", cvr));
    assert_string_equal(cvr, "11223344");
}

static void test_conflicts_match_by_cvr_and_by_folded_name_once_each(void **state)
{
    app a[4];
    app_list apps;
    member_conflict *c;
    size_t n;

    (void)state;
    memset(a, 0, sizeof a);
    a[0] = (app){.nr = "1", .cvr = "12345678", .association = "Gode Naboer"};
    a[1] = (app){.nr = "2", .cvr = "", .association = "Selskabet Lune Vandrere, Bullerup"};
    a[2] = (app){.nr = "3", .cvr = "99999999", .association = "Andre"};
    a[3] = (app){.nr = "4", .cvr = "12345678", .association = "gode naboer"};
    apps = (app_list){.v = a, .n = 4};
    member_list m = read_ok("Navn;Rolle;Tilknytning\n"
                            "A;udvalg;\"Gode Naboer; 12.345.678\"\n"
                            "B;indstillingsudvalg;selskabet lune vandrere bullerup\n"
                            "C;udvalg;Ingen\n");
    assert_int_equal(members_conflicts(&m, &apps, &c, &n), 0);
    assert_int_equal(n, 3);
    /* A: nr. 1 by name (its first tie), nr. 4 by name too; each once */
    assert_int_equal(c[0].member, 0);
    assert_int_equal(c[0].app, 0);
    assert_false(c[0].by_cvr);
    assert_int_equal(c[1].member, 0);
    assert_int_equal(c[1].app, 3);
    assert_int_equal(c[1].tie, 0);
    /* B: the folded name, punctuation and case aside */
    assert_int_equal(c[2].member, 1);
    assert_int_equal(c[2].app, 1);
    free(c);
    members_free(&m);
}

/* The default pool with a members file: check and run warn, per member,
 * naming the applications; an unknown role stops check with exit 2. */
static void test_check_and_run_warn_per_member(void **state)
{
    char dir[] = "/tmp/pulje-members-XXXXXX", cmd[4096], *buf;
    const char *build = test_build_dir();

    (void)state;
    buf = malloc(1 << 16);
    assert_non_null(buf);
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd,
             "cp inputs/* %s/ && sed -i 's/^ledger .*/&\\nmembers = medlemmer.csv/' "
             "%s/pulje-2023.ini && printf 'Navn;Rolle;Tilknytning\\r\\n"
             "Jens Hansen;indstillingsudvalg;\"87541673; Klubben Glade Haver i Ejby\"\\r\\n"
             "Mette Juul;udvalg;klubben lune stemmer i HJALLESE\\r\\n"
             "Ole Ø;udvalg;\\r\\n' > %s/medlemmer.csv",
             dir, dir, dir);
    assert_int_equal(test_run(cmd, buf, 1 << 16), 0);
    snprintf(cmd, sizeof cmd, "%s/pulje check --verbose %s/pulje-2023.ini --lang en 2>&1", build, dir);
    assert_int_equal(test_run(cmd, buf, 1 << 16), 0);
    assert_non_null(strstr(buf, "/medlemmer.csv:2: Jens Hansen (indstillingsudvalg) is tied to 2 "
                                "applications and must not take part in them: nr. 3 Foreningen "
                                "Trygge Fællesskaber i Dalum (CVR 87541673); nr. 14 Klubben "
                                "Glade Haver i Ejby (by name)\n"));
    assert_non_null(strstr(buf, "/medlemmer.csv:3: Mette Juul (udvalg) is tied to 1 application "
                                "and must not take part in it: nr. 15 Klubben Lune Stemmer i "
                                "Hjallese (by name)\n"));
    assert_null(strstr(buf, "Ole Ø"));
    assert_non_null(strstr(buf, "no errors, 3 warnings"));
    /* the members file is an input like the others: digested (shown with
     * --verbose), and never an output */
    assert_non_null(strstr(buf, "/medlemmer.csv\n"));
    assert_non_null(strstr(buf, "  sha256 "));
    snprintf(cmd, sizeof cmd,
             "mkdir %s/o && cp %s/medlemmer.csv %s/o/18-hovedpuljen-2023-afgoerelser.csv && "
             "sed 's|^members = .*|members = o/18-hovedpuljen-2023-afgoerelser.csv|' "
             "%s/pulje-2023.ini > %s/p2.ini && %s/pulje run -q %s/p2.ini --out %s/o 2>&1",
             dir, dir, dir, dir, dir, build, dir, dir);
    assert_int_equal(test_run(cmd, buf, 1 << 16), 2);
    assert_non_null(strstr(buf, "18-hovedpuljen-2023-afgoerelser.csv er medlemsfilen: "
                                "at skrive den ville ødelægge inddata"));
    snprintf(cmd, sizeof cmd, "%s/pulje run -q %s/pulje-2023.ini --out %s/out 2>&1", build, dir,
             dir);
    assert_int_equal(test_run(cmd, buf, 1 << 16), 0);
    assert_non_null(strstr(buf, "advarsel: "));
    assert_non_null(strstr(buf, "Jens Hansen (indstillingsudvalg) er knyttet til 2 ansøgning(er)"));
    /* the workbook: the sheet for the meeting, and the warnings on the Resumé */
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 tests/xlsx_dump.py %s/out/18-hovedpuljen-2023.xlsx | "
             "grep -E '^(sheet|Inhabilitet|Resumé)\t'", dir);
    assert_int_equal(test_run(cmd, buf, 1 << 16), 0);
    assert_non_null(strstr(buf, "sheet\t5\tInhabilitet\n"));
    assert_non_null(strstr(buf, "Inhabilitet\tA1\tInhabilitet - § 18-Hovedpuljen 2023\t"));
    assert_non_null(strstr(buf, "Inhabilitet\tA4\tJens Hansen\t"));
    assert_non_null(strstr(buf, "Inhabilitet\tB4\tindstillingsudvalg\t"));
    assert_non_null(strstr(buf, "Inhabilitet\tC4\t3\t"));
    assert_non_null(strstr(buf, "Inhabilitet\tE4\tCVR 87541673\t"));
    assert_non_null(strstr(buf, "Inhabilitet\tD5\tKlubben Glade Haver i Ejby\t"));
    assert_non_null(strstr(buf, "Inhabilitet\tA6\tMette Juul\t"));
    assert_non_null(strstr(buf, "Inhabilitet\tE6\tklubben lune stemmer i HJALLESE\t"));
    assert_null(strstr(buf, "Inhabilitet\tA7\t"));
    assert_non_null(strstr(buf, "medlemmer.csv:2: Jens Hansen (indstillingsudvalg) er knyttet til 2"));
    /* a bad role is an error: nothing computed */
    snprintf(cmd, sizeof cmd, "sed -i 's/;udvalg;/;formand;/' %s/medlemmer.csv && "
             "%s/pulje check %s/pulje-2023.ini 2>&1", dir, build, dir);
    assert_int_equal(test_run(cmd, buf, 1 << 16), 2);
    assert_non_null(strstr(buf, "/medlemmer.csv:3:2: fejl: medlem Mette Juul: rollen \"formand\""));
    /* a pool without members is as before: no member warnings */
    snprintf(cmd, sizeof cmd, "%s/pulje check inputs/pulje-2023.ini 2>&1", build);
    assert_int_equal(test_run(cmd, buf, 1 << 16), 0);
    assert_null(strstr(buf, "må ikke deltage"));
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(test_run(cmd, buf, 1 << 16), 0);
    free(buf);
}

/* Vurderet: numbers and ranges; a member who assessed an application they
 * are tied to is one more warning naming both. */
static void test_member_who_assessed_a_tied_application_is_warned_about(void **state)
{
    char dir[] = "/tmp/pulje-members-XXXXXX", cmd[4096], *buf;
    member_list m;

    (void)state;
    m = read_ok("Navn;Rolle;Tilknytning;Vurderet\n"
                "A;indstillingsudvalg;X;\"1-20; 034, 40 - 45\"\n"
                "B;indstillingsudvalg;Y;\n");
    assert_int_equal(m.v[0].n_assessed, 3);
    assert_true(members_assessed(&m.v[0], "1"));
    assert_true(members_assessed(&m.v[0], "20"));
    assert_false(members_assessed(&m.v[0], "21"));
    assert_true(members_assessed(&m.v[0], "34"));
    assert_true(members_assessed(&m.v[0], "42"));
    assert_false(members_assessed(&m.v[0], "46"));
    assert_false(members_assessed(&m.v[1], "1"));
    members_free(&m);
    buf = malloc(1 << 16);
    assert_non_null(buf);
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd,
             "cp inputs/* %s/ && sed -i 's/^ledger .*/&\\nmembers = medlemmer.csv/' "
             "%s/pulje-2023.ini && printf 'Navn;Rolle;Tilknytning;Vurderet\\r\\n"
             "Jens Hansen;indstillingsudvalg;\"87541673; Klubben Glade Haver i Ejby\";1-10\\r\\n"
             "Mette Juul;indstillingsudvalg;Klubben Lune Stemmer i Hjallese;11-13\\r\\n' "
             "> %s/medlemmer.csv && %s/pulje check %s/pulje-2023.ini --lang en 2>&1",
             dir, dir, dir, test_build_dir(), dir);
    assert_int_equal(test_run(cmd, buf, 1 << 16), 0);
    /* Jens assessed nr. 3 (tied by CVR), not nr. 14; Mette did not assess nr. 15 */
    assert_non_null(strstr(buf, "/medlemmer.csv:2: Jens Hansen (indstillingsudvalg) assessed "
                                "nr. 3 Foreningen Trygge Fællesskaber i Dalum, an application "
                                "Jens Hansen is tied to (CVR 87541673)\n"));
    assert_null(strstr(buf, "assessed nr. 14"));
    assert_null(strstr(buf, "Mette Juul (indstillingsudvalg) assessed"));
    assert_non_null(strstr(buf, "no errors, 4 warnings"));
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_is_read_with_roles_and_ties),
        cmocka_unit_test(test_windows_1252_is_read),
        cmocka_unit_test(test_bad_role_and_empty_name_are_errors_at_their_cells),
        cmocka_unit_test(test_cvr_ties),
        cmocka_unit_test(test_conflicts_match_by_cvr_and_by_folded_name_once_each),
        cmocka_unit_test(test_check_and_run_warn_per_member),
        cmocka_unit_test(test_member_who_assessed_a_tied_application_is_warned_about),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("members", tests, NULL, NULL);
}
