/* init_internal.h - What init.c (a new pool folder) and init_from.c (a new
 * round from last year's) share; not public. */
#ifndef PULJE_INIT_INTERNAL_H
#define PULJE_INIT_INTERNAL_H

#include <stddef.h>

#include "init.h"
#include "pool.h"

/* Write text to path atomically. 0, or -1 with err set. */
int init_write_text(const char *path, const char *text, char *err, size_t errsz);

/* The applications CSV's header line (with a BOM and CRLF): every column of
 * the registry, and the earmark columns of p (NULL: none). */
void init_apps_header(char *buf, size_t size, const pool *p);

/* Make dir, or accept it when it exists and is empty; INIT_OK, or why not
 * with err set. */
init_status init_prepare_dir(const char *dir, char *err, size_t errsz);

#endif
