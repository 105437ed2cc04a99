/* test_progress.c - The library's progress marks (phase.h): a hook sees
 * done / total rise to the end in the read and write phases, and nothing
 * is printed by the library. No clock is read here. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phase.h"
#include "run.h"

typedef struct seen {
    phase_id phase;
    size_t calls[PHASE__COUNT];
    size_t last_done[PHASE__COUNT], last_total[PHASE__COUNT];
    int went_back;
} seen;

static void on_phase(void *ctx, phase_id next)
{
    ((seen *)ctx)->phase = next;
}

static void on_progress(void *ctx, size_t done, size_t total)
{
    seen *s = ctx;
    if (s->calls[s->phase] && s->last_total[s->phase] == total && done < s->last_done[s->phase])
        s->went_back = 1;
    s->calls[s->phase]++;
    s->last_done[s->phase] = done;
    s->last_total[s->phase] = total;
}

static void test_read_and_write_report_how_far_they_are(void **state)
{
    char out[] = "/tmp/pulje-progress-XXXXXX", cmd[128];
    run_options o = {.command = RUN_RUN, .pool_path = "inputs/pulje-2023.ini", .closed_form = true};
    pulje_run *r;
    seen s;

    (void)state;
    memset(&s, 0, sizeof s);
    assert_non_null(mkdtemp(out));
    o.out_dir = out;
    phase_set_hook(on_phase, &s);
    phase_set_progress(on_progress, &s);
    r = pulje_run_new(&o);
    assert_non_null(r);
    assert_int_equal(pulje_run_all(r), PULJE_OK);
    phase_set_hook(NULL, NULL);
    phase_set_progress(NULL, NULL);
    assert_false(s.went_back);
    /* read: the applications' bytes (the ledger's too; the applications last) */
    assert_true(s.calls[PHASE_READ] >= 69);
    assert_int_equal(s.last_done[PHASE_READ], s.last_total[PHASE_READ]);
    /* write: the 68 rows of Bilag 1, one call each */
    assert_int_equal(s.calls[PHASE_WRITE], 68);
    assert_int_equal(s.last_done[PHASE_WRITE], 68);
    assert_int_equal(s.last_total[PHASE_WRITE], 68);
    pulje_run_free(r);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_and_write_report_how_far_they_are),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
