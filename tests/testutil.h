/* testutil.h - What every cmocka test file includes, in the order cmocka needs. */
#ifndef PULJE_TESTUTIL_H
#define PULJE_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
