#!/bin/sh
# run_tests.sh - runs each test binary given, prints one closing line, fails if any failed.
# VALGRIND, when set, is put in front of each binary.
pass=0; fail=0; failed=""
for t in "$@"; do
    if $VALGRIND "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $t"; fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "test binaries: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
