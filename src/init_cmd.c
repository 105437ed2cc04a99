/* init_cmd.c - `pulje init`: a new pool folder, or next year's round from
 * last year's (init.h, init_from.c), and what the officer is told. */
#include "init_cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "init.h"
#include "labels.h"
#include "messages.h"
#include "run.h"

/* The command's arguments. */
typedef struct {
    const char *folder, *from, *out_dir;
    int year, quiet;
} cmd;

/* The exit code of an init status; the sentence printed. */
static int init_failed(init_status st, const char *err)
{
    fprintf(stderr, "pulje: %s\n", err);
    return st == INIT_WRITE ? PULJE_OUTPUT : PULJE_INPUT;
}

/* init FOLDER --from POOL: a new round from last year's. Returns an exit code. */
static int init_from(const cmd *o)
{
    char err[4096], buf[1024], pool_path[512], apps_path[512];
    init_report *rep = malloc(sizeof *rep);
    init_status st;

    if (!rep) {
        fprintf(stderr, msg_tr("pulje: out of memory\n"));
        return PULJE_FAULT;
    }
    st = init_from_round(o->folder, o->from, o->out_dir, o->year, rep,
                         err, sizeof err);
    if (st != INIT_OK) {
        free(rep);
        return init_failed(st, err);
    }
    if (!o->quiet) {
        printf(msg_tr("pulje: grant year %d (%s)\n"), rep->year,
               o->year ? "--year" : msg_tr("last round's year + 1"));
        printf(msg_tr("Carried over:\n"));
        for (size_t k = 0; k < rep->n_carried; k++)
            printf("  %s\n", rep->carried[k]);
        printf(msg_tr("To edit (marked RET in the pool file):\n"));
        for (size_t k = 0; k < rep->n_edit; k++)
            printf("  RET %s/%s\n", o->folder, rep->edit[k]);
        snprintf(pool_path, sizeof pool_path, "%s/%s", o->folder, INIT_POOL_FILE);
        snprintf(apps_path, sizeof apps_path, "%s/%s", o->folder, INIT_APPS_CSV);
        label_format(buf, sizeof buf, L_INIT_NEXT, apps_path, pool_path, pool_path);
        printf("%s\n", buf);
    }
    free(rep);
    return PULJE_OK;
}

/* init FOLDER: write a new pool folder. Returns an exit code. */
int init_command(const char *folder, const char *from, const char *out_dir, int year_given,
                 int quiet)
{
    const cmd c = {folder, from, out_dir, year_given, quiet}, *o = &c;
    char err[512], buf[1024], pool_path[512], apps_path[512];
    int year = o->year;
    init_status st;

    if (o->from)
        return init_from(o);
    if (year == 0) {
        time_t now = time(NULL);
        struct tm tm;
        year = localtime_r(&now, &tm) ? tm.tm_year + 1900 + 1 : 2000;
    }
    st = init_pool_folder(o->folder, year, err, sizeof err);
    if (st != INIT_OK)
        return init_failed(st, err);
    snprintf(pool_path, sizeof pool_path, "%s/%s", o->folder, INIT_POOL_FILE);
    snprintf(apps_path, sizeof apps_path, "%s/%s", o->folder, INIT_APPS_CSV);
    if (!o->quiet) {
        printf(msg_tr("pulje: grant year %d (%s)\n"), year,
               o->year ? "--year" : msg_tr("next year by the clock; choose with --year YEAR"));
        printf("  %s %s\n", label(L_SUM_WROTE), pool_path);
        printf("  %s %s\n", label(L_SUM_WROTE), apps_path);
        printf("  %s %s/%s\n", label(L_SUM_WROTE), o->folder, INIT_APPS_XLSX);
        printf("  %s %s/%s\n", label(L_SUM_WROTE), o->folder, INIT_LEDGER_CSV);
        label_format(buf, sizeof buf, L_INIT_NEXT, apps_path, pool_path, pool_path);
        printf("%s\n", buf);
    }
    return PULJE_OK;
}

