/* test_genpool.c - The committed default pool is exactly what the generator makes. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

static void test_default_inputs_are_the_generators_output(void **state)
{
    (void)state;
    char cmd[1024];
    const char *build = getenv("BUILD");
    snprintf(cmd, sizeof cmd,
             "d=$(mktemp -d) && %s/genpool --default --apps $d/a.csv --ledger $d/l.csv && "
             "cmp $d/a.csv inputs/ansoegninger-2023.csv && cmp $d/l.csv inputs/forpligtelser.csv; "
             "rc=$?; rm -rf $d; exit $rc",
             build ? build : "build");
    assert_int_equal(system(cmd), 0);
}

static void test_generator_is_deterministic_for_larger_pools(void **state)
{
    (void)state;
    char cmd[1024];
    const char *build = getenv("BUILD");
    snprintf(cmd, sizeof cmd,
             "b=%s; d=$(mktemp -d) && $b/genpool --count 5000 --seed 7 --apps $d/a && "
             "$b/genpool --count 5000 --seed 7 --apps $d/b && cmp $d/a $d/b && "
             "test $(wc -l < $d/a) -eq 5001; rc=$?; rm -rf $d; exit $rc",
             build ? build : "build");
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_inputs_are_the_generators_output),
        cmocka_unit_test(test_generator_is_deterministic_for_larger_pools),
    };
    return cmocka_run_group_tests_name("genpool", tests, NULL, NULL);
}
