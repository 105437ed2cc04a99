/* test_digest.c - SHA-256 of inputs: known vectors, files, the list. */
#include "testutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "digest.h"

static void test_sha256_of_known_vectors(void **state)
{
    char hex[DIGEST_HEX_LEN + 1];
    (void)state;
    digest_sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    digest_sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_file_digest_equals_sha256sum(void **state)
{
    char hex[DIGEST_HEX_LEN + 1], want[DIGEST_HEX_LEN + 8];
    FILE *f;
    (void)state;
    assert_int_equal(digest_file_sha256("inputs/ansoegninger-2023.csv", hex), 0);
    f = popen("sha256sum inputs/ansoegninger-2023.csv", "r");
    assert_non_null(f);
    assert_non_null(fgets(want, sizeof want, f));
    pclose(f);
    want[DIGEST_HEX_LEN] = '\0';
    assert_string_equal(hex, want);
}

static void test_missing_file_fails_with_errno(void **state)
{
    char hex[DIGEST_HEX_LEN + 1] = "untouched";
    digest_list l = {0};
    (void)state;
    errno = 0;
    assert_int_equal(digest_file_sha256("/nonexistent/pool.ini", hex), -1);
    assert_int_equal(errno, ENOENT);
    assert_string_equal(hex, "untouched");
    assert_int_equal(digest_list_add(&l, "/nonexistent/pool.ini"), -1);
    assert_int_equal(l.n, 0);
    digest_list_free(&l);
}

static void test_list_keeps_the_order_and_the_paths(void **state)
{
    digest_list l = {0};
    (void)state;
    assert_int_equal(digest_list_add(&l, "inputs/pulje-2023.ini"), 0);
    assert_int_equal(digest_list_add(&l, "inputs/ansoegninger-2023.csv"), 0);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].path, "inputs/pulje-2023.ini");
    assert_string_equal(digest_basename(l.v[0].path), "pulje-2023.ini");
    assert_string_equal(digest_basename("plain.csv"), "plain.csv");
    assert_int_equal(strlen(l.v[1].hex), DIGEST_HEX_LEN);
    digest_list_free(&l);
    assert_int_equal(l.n, 0);
    digest_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_of_known_vectors),
        cmocka_unit_test(test_file_digest_equals_sha256sum),
        cmocka_unit_test(test_missing_file_fails_with_errno),
        cmocka_unit_test(test_list_keeps_the_order_and_the_paths),
    };
    return cmocka_run_group_tests_name("digest", tests, NULL, NULL);
}
