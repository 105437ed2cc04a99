/* test_init.c - `pulje init FOLDER`: the files, their exact headers, the
 * workbook template's comments, formats and drop-downs, refusing a folder
 * in use, and a filled-in template passing `pulje check`. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "init.h"
#include "labels.h"
#include "pool.h"
#include "text.h"

static char root[] = "/tmp/pulje-init-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static char *slurp_in(const char *dir, const char *name)
{
    char path[512], *data = NULL;
    size_t len;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(text_read_file(path, &data, &len), 0);
    return data;
}

static void test_init_writes_the_four_files_with_exact_headers(void **state)
{
    char dir[256], err[256] = "", path[512];
    char *csv, *ledger;
    pool p;
    diag_list dl;

    (void)state;
    snprintf(dir, sizeof dir, "%s/new", root);
    assert_int_equal(init_pool_folder(dir, 2025, err, sizeof err), INIT_OK);
    csv = slurp_in(dir, INIT_APPS_CSV);
    assert_string_equal(csv, "\xEF\xBB\xBFNr;CVR;Forening;Indsats;Ansøgt;Indstillet;"
                             "Afslag/begrundelse;Antal år;År aktiv;Undtagelse;Prioritet\r\n");
    ledger = slurp_in(dir, INIT_LEDGER_CSV);
    assert_string_equal(ledger, "\xEF\xBB\xBFLøbenr;Besluttet år;Udbetalingsår;Nr;Forening;"
                                "Beløb;Art\r\n");
    free(csv);
    free(ledger);

    /* The pool file parses as it stands, and names the files beside it. */
    memset(&p, 0, sizeof p);
    diag_init(&dl);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_POOL_FILE);
    assert_int_equal(pool_load(path, &p, &dl), 0);
    assert_int_equal(dl.n, 0);
    assert_int_equal(p.year, 2025);
    assert_string_equal(p.decision_date, "2024-12-15");
    assert_string_equal(p.applications, INIT_APPS_CSV);
    assert_string_equal(p.ledger, INIT_LEDGER_CSV);
    assert_int_equal(p.n_budget, 1);
    assert_int_equal(p.budget[0].amount, 1000000);
    assert_string_equal(p.budget[0].label, "Frie midler afsat til § 18-Hovedpuljen, Budget 2025");
    assert_int_equal(p.cap_bp, 5500);
    assert_int_equal(p.rounding, 100);
    assert_int_equal(p.rule.threshold, 50000);
    pool_free(&p);
    diag_free(&dl);
}

static void test_the_workbook_template_has_comments_formats_and_dropdowns(void **state)
{
    char cmd[1024], *out = malloc(1 << 16);
    static const char script[] =
        "import sys, zipfile, openpyxl\n"
        "p = sys.argv[1]\n"
        "ws = openpyxl.load_workbook(p).worksheets[0]\n"
        "print('sheet', ws.title, ws.freeze_panes)\n"
        "for c in ws[1]: print('head', c.coordinate, c.value, c.font.b, bool(c.comment))\n"
        "for v in ws.data_validations.dataValidation: print('dv', v.type, v.formula1, v.sqref)\n"
        "z = zipfile.ZipFile(p)\n"
        "print('numfmt', '#,##0' in z.read('xl/styles.xml').decode())\n"
        "print('cols', z.read('xl/worksheets/sheet1.xml').decode().count('style='))\n";

    (void)state;
    assert_non_null(out);
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c \"$(cat <<'PY'\n%sPY\n)\" %s/new/%s 2>&1",
             script, root, INIT_APPS_XLSX);
    assert_int_equal(test_run(cmd, out, 1 << 16), 0);
    assert_non_null(strstr(out, "sheet Ansøgninger A2\n"));
    assert_non_null(strstr(out, "head A1 Nr True True\n"));
    assert_non_null(strstr(out, "head E1 Ansøgt True True\n"));
    assert_non_null(strstr(out, "head K1 Prioritet True True\n"));
    assert_non_null(strstr(out, "dv list \"1,2,3\" H2:H2001\n"));
    assert_non_null(strstr(out, "dv list \"ja,nej\" J2:J2001\n"));
    assert_non_null(strstr(out, "dv whole 0 E2:E2001\n"));
    assert_non_null(strstr(out, "dv whole 0 F2:F2001\n"));
    assert_non_null(strstr(out, "numfmt True\n"));
    free(out);
}

static void test_a_folder_in_use_is_refused(void **state)
{
    char dir[256], err[256] = "", path[512];
    FILE *fp;

    (void)state;
    snprintf(dir, sizeof dir, "%s/new", root);
    assert_int_equal(init_pool_folder(dir, 2025, err, sizeof err), INIT_NOT_EMPTY);
    assert_non_null(strstr(err, "er ikke tom"));

    snprintf(dir, sizeof dir, "%s/other", root);
    assert_int_equal(mkdir(dir, 0777), 0);
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    fp = fopen(path, "w");
    assert_non_null(fp);
    fclose(fp);
    assert_int_equal(init_pool_folder(dir, 2025, err, sizeof err), INIT_NOT_EMPTY);
    assert_int_equal(init_pool_folder(path, 2025, err, sizeof err), INIT_NOT_FOLDER);
    snprintf(path, sizeof path, "%s/no/such/parent", root);
    assert_int_equal(init_pool_folder(path, 2025, err, sizeof err), INIT_NOT_FOLDER);

    /* An empty folder is fine. */
    snprintf(dir, sizeof dir, "%s/empty", root);
    assert_int_equal(mkdir(dir, 0777), 0);
    assert_int_equal(init_pool_folder(dir, 2026, err, sizeof err), INIT_OK);
}

static void test_english_template_parses_too(void **state)
{
    char dir[256], err[256] = "", path[512], *text;
    pool p;
    diag_list dl;

    (void)state;
    assert_int_equal(labels_set_language("en"), 0);
    snprintf(dir, sizeof dir, "%s/english", root);
    assert_int_equal(init_pool_folder(dir, 2030, err, sizeof err), INIT_OK);
    assert_int_equal(labels_set_language("da"), 0);
    text = slurp_in(dir, INIT_POOL_FILE);
    assert_non_null(strstr(text, "; EDIT: the committee that decides"));
    free(text);
    memset(&p, 0, sizeof p);
    diag_init(&dl);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_POOL_FILE);
    assert_int_equal(pool_load(path, &p, &dl), 0);
    assert_int_equal(p.year, 2030);
    pool_free(&p);
    diag_free(&dl);
}

static void test_command_line_init_then_check_passes_once_a_row_is_filled(void **state)
{
    char cmd[2048], out[8192], dir[256];

    (void)state;
    snprintf(dir, sizeof dir, "%s/cli", root);
    snprintf(cmd, sizeof cmd, "%s/pulje init %s --year 2025 2>&1", test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "pulje check"));
    /* Header only: no applications yet, an input error. */
    snprintf(cmd, sizeof cmd, "%s/pulje check %s/pulje.ini 2>&1", test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 2);
    snprintf(cmd, sizeof cmd, "printf '1;12345678;Gode Naboer;Lektiecafé;20.000;;;1;;;\\r\\n' >> %s/%s",
             dir, INIT_APPS_CSV);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(cmd, sizeof cmd, "%s/pulje check %s/pulje.ini 2>&1", test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    /* a pool with [multiyear] and an empty ledger: said out loud, not refused */
    assert_non_null(strstr(out, "1 ansøgninger, ingen fejl, advarsler: 1"));
    assert_non_null(strstr(out, "advarsel: "));
    assert_non_null(strstr(out, "Ingen tidligere forpligtelser er reserveret for 2025 – er det rigtigt?"));
    /* A second init into the same folder is refused. */
    snprintf(cmd, sizeof cmd, "%s/pulje init %s 2>&1", test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "er ikke tom"));
}

/* The absolute path of the pulje under test, for commands run elsewhere. */
static void prog_path(char *buf, size_t size)
{
    char cwd[512];
    const char *b = test_build_dir();

    if (b[0] == '/') {
        snprintf(buf, size, "%s/pulje", b);
        return;
    }
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(buf, size, "%s/%s/pulje", cwd, b);
}

static void test_a_round_folder_uses_its_own_pulje_ini_and_says_so(void **state)
{
    char cmd[2048], out[8192], dir[256], prog[1024];

    (void)state;
    prog_path(prog, sizeof prog);
    snprintf(dir, sizeof dir, "%s/here", root);
    snprintf(cmd, sizeof cmd, "%s init %s --year 2025 -q 2>&1", prog, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(cmd, sizeof cmd,
             "printf '1;12345678;Gode Naboer;Lektiecafé;20.000;;;1;;;\\r\\n' >> %s/%s", dir,
             INIT_APPS_CSV);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    /* no pool file named: ./pulje.ini, said on one line */
    snprintf(cmd, sizeof cmd, "cd %s && %s check 2>&1", dir, prog);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "pulje: puljefil pulje.ini (fundet i den aktuelle mappe)\n"));
    assert_non_null(strstr(out, "pulje.ini, ansoegninger.csv: 1 ansøgninger"));
    /* -q: nothing said about it */
    snprintf(cmd, sizeof cmd, "cd %s && %s check -q 2>&1", dir, prog);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_null(strstr(out, "puljefil"));
    /* elsewhere: the default pool, named */
    snprintf(cmd, sizeof cmd, "cd %s && %s check 2>&1", root, prog);
    assert_int_equal(test_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "pulje: puljefil inputs/pulje-2023.ini (standardpuljen; ingen "
                                "pulje.ini i den aktuelle mappe)\n"));
}

/* How often needle occurs in hay. */
__attribute__((noinline)) static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0, at = 0, len = strlen(hay);
    while (at < len) {
        const char *q = strstr(hay + at, needle);
        if (!q)
            break;
        n++;
        at = (size_t)(q - hay) + 1;
    }
    return n;
}

/* The line of text that starts with start, or NULL. */
static const char *line_starting(const char *text, const char *start)
{
    size_t len = strlen(start);
    for (const char *q = text; q && *q; q = strchr(q, '\n') ? strchr(q, '\n') + 1 : NULL)
        if (strncmp(q, start, len) == 0)
            return q;
    return NULL;
}

/* The default 2023 run, then init --from it: the 2024 round reserves exactly
 * what 2023 committed for 2024 and catches the running holders. */
static void test_init_from_the_2023_run_reserves_what_2023_committed_for_2024(void **state)
{
    char cmd[4096], *out = malloc(1 << 17), dir[256], prog[1024], cwd[512], *text;
    const char *l;

    (void)state;
    assert_non_null(out);
    prog_path(prog, sizeof prog);
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(cmd, sizeof cmd, "%s run %s/inputs/pulje-2023.ini -q --out %s/out2023 2>&1", prog,
             cwd, root);
    assert_int_equal(test_run(cmd, out, 1 << 17), 0);

    /* the run wrote no ledger where --out points: refused, nothing made */
    snprintf(cmd, sizeof cmd, "%s init %s/nothing --from %s/inputs/pulje-2023.ini --out %s/none 2>&1",
             prog, root, cwd, root);
    assert_int_equal(test_run(cmd, out, 1 << 17), 2);
    assert_non_null(strstr(out, "sidste rundes kørsel skrev ingen forpligtelser"));
    snprintf(dir, sizeof dir, "%s/nothing", root);
    assert_int_equal(access(dir, F_OK), -1);

    snprintf(dir, sizeof dir, "%s/r2024", root);
    snprintf(cmd, sizeof cmd, "%s init %s --from %s/inputs/pulje-2023.ini --out %s/out2023 2>&1",
             prog, dir, cwd, root);
    assert_int_equal(test_run(cmd, out, 1 << 17), 0);
    assert_non_null(strstr(out, "pulje: tilskudsår 2024 (sidste rundes år + 1)\n"));
    assert_non_null(strstr(out, "(62 rækker; 2.381.980 kr. til udbetaling i 2024, reserveret af kørslen)"));
    assert_non_null(strstr(out, "øremærkning trivsel (2023-2025): ført videre med kriterier og trin"));
    assert_non_null(strstr(out, "pulje.ini:25: [budget] Frie midler afsat til § 18-Hovedpuljen, "
                                "Budget 2024: årets beløb\n"));
    /* the follow-up ledger carried; nothing paid back yet: the offer is a comment */
    assert_non_null(strstr(out, "(62 tilskud: 0 afrapporteringer modtaget, 62 endnu ikke, 0 af "
                                "dem med frist; 0 kr. tilbagebetalt)"));
    assert_non_null(strstr(out, "pulje.ini:23: [budget] Tilbagebetalte midler fra Hovedpuljen "
                                "2023: 0 kr. tilbagebetalt, fra opfoelgning-2023.csv (intet endnu: "
                                "linjen er en kommentar)\n"));
    assert_int_equal(count_of(out, "  RET "), 6);

    text = slurp_in(dir, INIT_POOL_FILE);
    assert_non_null(strstr(text, "\nyear          = 2024\n"));
    assert_non_null(strstr(text, "\ndecision_date = 2023-12-13   ; RET: the committee's meeting date\n"));
    assert_non_null(strstr(text, "\napplications  = ansoegninger.csv\n"));
    assert_non_null(strstr(text, "\nledger        = forpligtelser.csv\n"));
    assert_non_null(strstr(text, "\nFrie midler afsat til § 18-Hovedpuljen, Budget 2024 = 6.318.216   ; RET:"));
    assert_non_null(strstr(text, "\nUbrugte midler i Udviklingspuljen 2023 og før        = 53.373   ; RET:"));
    assert_non_null(strstr(text, "\nresidual_label = Restmidler overføres til Udviklingspuljen 2024\n"));
    assert_non_null(strstr(text, "\nyears    = 2023-2025\n"));
    assert_non_null(strstr(text, "\nfollowup      = opfoelgning-2023.csv\n"));
    assert_int_equal(count_of(text, "; RET:"), 6);
    free(text);
    text = slurp_in(dir, INIT_APPS_CSV);
    assert_string_equal(text, "\xEF\xBB\xBFNr;CVR;Forening;Indsats;Ansøgt;Indstillet;"
                              "Afslag/begrundelse;Antal år;År aktiv;Undtagelse;Prioritet;"
                              "12-25 år;mental trivsel;uddannelse;"
                              "trivsel tillæg ansøgt;trivsel tillæg indstillet\r\n");
    free(text);
    /* the workbook template: the same columns, criteria as ja/nej drop-downs */
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c \"import openpyxl, sys\n"
             "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
             "print('|'.join(c.value for c in ws[1]))\n"
             "for v in ws.data_validations.dataValidation: print(v.type, v.formula1, v.sqref)\" "
             "%s/%s 2>&1", dir, INIT_APPS_XLSX);
    assert_int_equal(test_run(cmd, out, 1 << 17), 0);
    assert_non_null(strstr(out, "|Prioritet|12-25 år|mental trivsel|uddannelse|"
                                "trivsel tillæg ansøgt|trivsel tillæg indstillet\n"));
    assert_non_null(strstr(out, "list \"ja,nej\" M2:M2001\n"));
    assert_non_null(strstr(out, "whole 0 P2:P2001\n"));

    /* last year's applicants again: the running holders are caught */
    snprintf(cmd, sizeof cmd, "cp %s/inputs/ansoegninger-2023.csv %s/%s && cd %s && %s check 2>&1",
             cwd, dir, INIT_APPS_CSV, dir, prog);
    assert_int_equal(test_run(cmd, out, 1 << 17), 2);
    assert_int_equal(count_of(out, "har et løbende flerårigt tilskud"), 9);
    assert_non_null(strstr(out, "Foreningen Venlige Kokke i Agedrup (Nr 7) har et løbende "
                                "flerårigt tilskud (forpligtelser.csv linje 47, Løbenr L2023-004, "
                                "udbetales til og med 2025)"));
    /* set aside, the round runs and reserves exactly 2023's commitments for 2024 */
    snprintf(cmd, sizeof cmd,
             "cd %s && sed -i 's/^min_active_years = 5/&\\nrunning_holders = set_aside/' pulje.ini"
             " && %s run --out out 2>&1", dir, prog);
    assert_int_equal(test_run(cmd, out, 1 << 17), 0);
    l = line_starting(out, "  Reserveret til tilsagn og aftaler  ");
    assert_non_null(l);
    assert_int_equal(strncmp(strchr(l, '\n') - 14, " 2.381.980 kr.\n", 15), 0);
    assert_non_null(strstr(out, "§ 18-Hovedpuljen 2024, Beskæftigelses- og Socialudvalget\n"));
    free(out);
}

/* A round whose earmark's years have run out leaves it out: the pool file
 * still reads. */
static void test_init_from_leaves_out_an_earmark_whose_years_have_run(void **state)
{
    char cmd[4096], out[8192], dir[256], prog[1024], cwd[512], path[512], *text;
    pool p;
    diag_list dl;

    (void)state;
    prog_path(prog, sizeof prog);
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(dir, sizeof dir, "%s/r2026", root);
    snprintf(cmd, sizeof cmd,
             "%s init %s --year 2026 --from %s/inputs/pulje-2023.ini --out %s/out2023 2>&1", prog,
             dir, cwd, root);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "pulje: tilskudsår 2026 (--year)\n"));
    assert_non_null(strstr(out, "øremærkning trivsel (2023-2025): udeladt, dens år er udløbet"));
    text = slurp_in(dir, INIT_POOL_FILE);
    assert_null(strstr(text, "[earmark trivsel]"));
    assert_non_null(strstr(text, "Budget 2026 = 6.318.216"));
    free(text);
    memset(&p, 0, sizeof p);
    diag_init(&dl);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_POOL_FILE);
    assert_int_equal(pool_load(path, &p, &dl), 0);
    assert_int_equal(p.year, 2026);
    assert_int_equal(p.n_earmark_defs, 0);
    pool_free(&p);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_writes_the_four_files_with_exact_headers),
        cmocka_unit_test(test_the_workbook_template_has_comments_formats_and_dropdowns),
        cmocka_unit_test(test_a_folder_in_use_is_refused),
        cmocka_unit_test(test_english_template_parses_too),
        cmocka_unit_test(test_command_line_init_then_check_passes_once_a_row_is_filled),
        cmocka_unit_test(test_a_round_folder_uses_its_own_pulje_ini_and_says_so),
        cmocka_unit_test(test_init_from_the_2023_run_reserves_what_2023_committed_for_2024),
        cmocka_unit_test(test_init_from_leaves_out_an_earmark_whose_years_have_run),
    };
    return cmocka_run_group_tests_name("init", tests, setup, teardown);
}
