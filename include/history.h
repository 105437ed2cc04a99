/* history.h - The runs kept for a pool: its run folders and their records.
 *
 * Every `pulje run` keeps its outputs in <out>/<base>/koersel-NNN with a run
 * record (run.h: RUN_DIR_PREFIX, RUN_RECORD). history_load() reads those
 * records back, oldest first, for `pulje history`. Nothing is printed. */
#ifndef PULJE_HISTORY_H
#define PULJE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "money.h"

typedef struct history_run {
    int no;                 /* NNN of koersel-NNN */
    char name[32];          /* "koersel-003" */
    char time[64];          /* "2026-12-01T11:14:00Z", or "unknown" */
    char rule[160];         /* the rule as rule_format_spec() writes it */
    char trial[160];        /* "" when official */
    char command[512];      /* the command as typed */
    bool official;
    bool has_record;        /* false: the folder has no readable record */
    bool has_decisions;     /* the record lists a decisions CSV (not letters, not compare) */
    size_t applications, reduced, refused;
    pulje_kr reserved, available, granted, residual;
} history_run;

typedef struct history {
    history_run *v;
    size_t n;
} history;

/**
 * @brief The runs in folder home (<out>/<base>), in the order of their numbers.
 * A missing folder has no runs.
 * @return 0 (h filled; free with history_free()), or -1 when memory ran out.
 */
int history_load(const char *home, history *h);

/** @brief Free the runs; h is zeroed. Safe on a zeroed history. */
void history_free(history *h);

#endif
