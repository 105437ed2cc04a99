/* test_followup.c - The follow-up ledger: made from the default pool's result
 * (62 grants, their duties by size), written and read back, overdue reports
 * warned about or refused, and a 2024 round started with init --from that
 * knows which 2023 grantees have reported and what was paid back. */
#include "labels.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "explain.h"
#include "followup.h"
#include "inputs.h"
#include "run.h"

typedef struct fixture {
    pulje_inputs in;
    alloc_result r;
    diag_list dl;
} fixture;

static void load(fixture *f)
{
    memset(f, 0, sizeof *f);
    diag_init(&f->dl);
    assert_int_equal(run_load_inputs("inputs/pulje-2023.ini", NULL, &f->in, &f->dl), PULJE_OK);
    assert_int_equal(alloc_run(&f->in.pool, &f->in.apps, ALLOC_CLOSED_FORM, &f->r, &f->dl), 0);
}

static void unload(fixture *f)
{
    alloc_free(&f->r);
    inputs_free(&f->in);
    diag_free(&f->dl);
}

static void test_default_pool_gives_62_grants_with_their_duty(void **state)
{
    fixture f;
    followup fu, back;
    size_t duty[3] = {0, 0, 0};
    pulje_kr sum = 0;
    char dir[] = "/tmp/pulje-fu-XXXXXX", path[256], err[512] = "";

    (void)state;
    load(&f);
    assert_int_equal(followup_from_result(&f.in.pool, &f.in.apps, &f.r, &fu), 0);
    assert_int_equal(fu.n, 62);
    for (size_t i = 0; i < fu.n; i++) {
        duty[fu.v[i].duty]++;
        sum += fu.v[i].amount;
        assert_int_equal(fu.v[i].year, 2023);
        assert_string_equal(fu.v[i].received, "");
        assert_string_equal(fu.v[i].due, ""); /* no report_deadline in the pool */
    }
    /* up to 20.000 kr. a short report, up to 50.000 kr. accounts, above audited */
    assert_int_equal(duty[0], 16);
    assert_int_equal(duty[1], 21);
    assert_int_equal(duty[2], 25);
    assert_int_equal(sum, 3757050); /* the grants plus supplements of 2023 */
    assert_string_equal(fu.v[0].association, "Selskabet Åbne Fyrtårne, Hjallese");
    assert_int_equal(fu.v[0].amount, 21500);
    assert_int_equal(fu.v[0].duty, 1);
    /* written and read back */
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/opfoelgning.csv", dir);
    fu.v[1].repaid = 12500;
    free(fu.v[1].received);
    fu.v[1].received = strdup("2024-02-01");
    assert_int_equal(followup_write(path, &fu, err, sizeof err), 0);
    assert_int_equal(followup_load(path, &back, &f.dl), 0);
    assert_int_equal(back.n, 62);
    assert_int_equal(followup_repaid(&back), 12500);
    assert_int_equal(followup_received(&back), 1);
    assert_string_equal(back.v[1].nr, "2");
    assert_int_equal(back.v[1].duty, 2);
    assert_int_equal(back.v[1].amount, 100000);
    assert_int_equal(back.v[1].line, 3);
    followup_free(&back);
    followup_free(&fu);
    unlink(path);
    rmdir(dir);
    unload(&f);
}

static void test_overdue_is_due_before_today_and_not_received(void **state)
{
    followup_row w;

    (void)state;
    memset(&w, 0, sizeof w);
    w.due = "2024-03-31";
    w.received = "";
    assert_true(followup_overdue(&w, "2024-04-01"));
    assert_false(followup_overdue(&w, "2024-03-31")); /* the deadline day itself */
    w.received = "2024-03-30";
    assert_false(followup_overdue(&w, "2024-12-01"));
    w.due = "";
    w.received = "";
    assert_false(followup_overdue(&w, "2024-12-01")); /* no deadline: never overdue */
}

/* A follow-up ledger with three rows, for the default pool's applicants. */
static void write_ledger(const char *path)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("Nr;CVR;Forening;Tilskudsår;Tilskud (kr.);Aflæggelse;Frist;Modtaget;Tilbagebetalt (kr.)\n"
          "1;20297301;Selskabet Åbne Fyrtårne, Hjallese;2022;21500;regnskab;2022-03-31;;0\n"
          "2;;netværket for kloge fyrtårne i højby;2022;100000;revideret regnskab;2022-03-31;2022-03-01;0\n"
          "3;99999999;Foreningen Trygge Fællesskaber i Dalum;2022;5000;kort rapport;2022-03-31;;0\n"
          "4;;Netværket for Lyse Ildsjæle i Bellinge;2022;7000;kort rapport;2023-01-31;;2.000\n",
          fp);
    assert_int_equal(fclose(fp), 0);
}

static void test_overdue_applicants_are_warned_about_or_refused(void **state)
{
    fixture f;
    char dir[] = "/tmp/pulje-fu-XXXXXX", path[256];
    size_t i;

    (void)state;
    load(&f);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/opfoelgning-2022.csv", dir);
    write_ledger(path);
    f.in.pool.followup = strdup(path);
    /* nr. 1 by CVR, overdue; nr. 2 by its folded name, received; nr. 3's CVR differs;
     * nr. 4's deadline is after the decision date 2022-12-13 */
    diag_free(&f.dl);
    diag_init(&f.dl);
    assert_int_equal(followup_apply(&f.in.pool, &f.in.apps, &f.dl), 1);
    assert_int_equal(f.dl.n, 1);
    assert_int_equal(f.dl.v[0].level, DIAG_WARNING);
    assert_int_equal(f.dl.v[0].line, 2);
    assert_non_null(strstr(f.dl.v[0].msg, "nr. 1 Selskabet Åbne Fyrtårne, Hjallese har ikke "
                                          "afleveret afrapporteringen af tilskuddet for 2022 "
                                          "(frist 2022-03-31"));
    assert_int_equal(f.in.apps.v[0].assessed, 21500);
    /* refuse: nr. 1 becomes a refusal with the reason, and allocating says so */
    f.in.pool.overdue_refuse = 1;
    diag_free(&f.dl);
    diag_init(&f.dl);
    assert_int_equal(followup_apply(&f.in.pool, &f.in.apps, &f.dl), 1);
    assert_non_null(strstr(f.dl.v[0].msg, "får afslag"));
    assert_int_equal(f.in.apps.v[0].assessed, 0);
    assert_string_equal(f.in.apps.v[0].refusal, "Manglende afrapportering af tilskud fra 2022");
    alloc_free(&f.r);
    assert_int_equal(alloc_run(&f.in.pool, &f.in.apps, ALLOC_CLOSED_FORM, &f.r, &f.dl), 0);
    assert_int_equal(explain_find(&f.in.apps, "1", &i), 0);
    assert_int_equal(f.r.lines[i].grant, 0);
    assert_true(f.r.lines[i].refused);
    /* a ledger that does not read is an error */
    f.in.pool.overdue_refuse = 0;
    free(f.in.pool.followup);
    f.in.pool.followup = strdup("/nonexistent/opfoelgning.csv");
    diag_free(&f.dl);
    diag_init(&f.dl);
    assert_int_equal(followup_apply(&f.in.pool, &f.in.apps, &f.dl), -1);
    assert_true(f.dl.n_errors > 0);
    unlink(path);
    rmdir(dir);
    unload(&f);
}

static void test_next_round_knows_who_reported_and_what_was_paid_back(void **state)
{
    static char out[262144];
    char dir[] = "/tmp/pulje-fu-XXXXXX", cmd[4096];

    (void)state;
    assert_non_null(mkdtemp(dir));
    /* 2023 is run; the officer records three reports and 13.500 kr. paid back */
    snprintf(cmd, sizeof cmd,
             "%s/pulje run -q --closed-form --out %s/out inputs/pulje-2023.ini 2>/dev/null && "
             "f=%s/out/18-hovedpuljen-2023-opfoelgning.csv && "
             "sed -e 's/;;;0\\r\\{0,1\\}$/;2023-03-31;;0/' "
             "-e '/^[123];/s/;2023-03-31;;/;2023-03-31;2023-03-01;/' "
             "-e '/^2;/s/;0$/;12.500/' -e '/^4;/s/;0$/;1.000/' $f > $f.new && mv $f.new $f && "
             "%s/pulje init %s/r2024 --from inputs/pulje-2023.ini --out %s/out",
             test_build_dir(), dir, dir, test_build_dir(), dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "(62 tilskud: 3 afrapporteringer modtaget, 59 endnu ikke, 59 af "
                                "dem med frist; 13.500 kr. tilbagebetalt)"));
    assert_non_null(strstr(out, "[budget] Tilbagebetalte midler fra Hovedpuljen 2023: 13.500 kr. "
                                "tilbagebetalt"));
    snprintf(cmd, sizeof cmd, "grep -c '^Tilbagebetalte midler fra Hovedpuljen 2023 = 13.500 ' "
             "%s/r2024/pulje.ini; grep -c '^followup      = opfoelgning-2023.csv$' %s/r2024/pulje.ini",
             dir, dir);
    test_run(cmd, out, sizeof out);
    assert_string_equal(out, "1\n1\n");
    /* 2024's check: the same associations apply again; 59 reports overdue */
    snprintf(cmd, sizeof cmd,
             "cp inputs/ansoegninger-2023.csv %s/r2024/ansoegninger.csv && "
             "sed -i 's/^\\[multiyear\\]/&\\nrunning_holders = set_aside/' %s/r2024/pulje.ini && "
             "%s/pulje check %s/r2024/pulje.ini --lang en 2>&1",
             dir, dir, test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    {
        size_t n = 0;
        for (const char *p = strstr(out, "has not handed in the report on its 2023 grant"); p;
             p = strstr(p + 1, "has not handed in the report on its 2023 grant"))
            n++;
        assert_int_equal(n, 59);
    }
    assert_null(strstr(out, "nr. 1 Selskabet Åbne Fyrtårne, Hjallese has not"));
    assert_non_null(strstr(out, "nr. 4 Netværket for Lyse Ildsjæle i Bellinge has not handed in "
                                "the report on its 2023 grant (due 2023-03-31"));
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_pool_gives_62_grants_with_their_duty),
        cmocka_unit_test(test_overdue_is_due_before_today_and_not_received),
        cmocka_unit_test(test_overdue_applicants_are_warned_about_or_refused),
        cmocka_unit_test(test_next_round_knows_who_reported_and_what_was_paid_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
