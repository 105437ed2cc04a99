/* history.c - The runs kept for a pool: its run folders and their records. */
#include "history.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "messages.h"

/* One "key: value" line of a record into run. */
static void record_line(history_run *run, const char *key, const char *v)
{
    if (strcmp(key, "time") == 0)
        snprintf(run->time, sizeof run->time, "%s", v);
    else if (strcmp(key, "rule") == 0)
        snprintf(run->rule, sizeof run->rule, "%s", v);
    else if (strcmp(key, "trial") == 0)
        snprintf(run->trial, sizeof run->trial, "%s", v);
    else if (strcmp(key, "command") == 0)
        snprintf(run->command, sizeof run->command, "%s", v);
    else if (strcmp(key, "official") == 0)
        run->official = strcmp(v, "yes") == 0;
    else if (strcmp(key, "applications") == 0)
        run->applications = (size_t)strtoull(v, NULL, 10);
    else if (strcmp(key, "reduced") == 0)
        run->reduced = (size_t)strtoull(v, NULL, 10);
    else if (strcmp(key, "refused") == 0)
        run->refused = (size_t)strtoull(v, NULL, 10);
    else if (strcmp(key, "reserved") == 0)
        run->reserved = strtoll(v, NULL, 10);
    else if (strcmp(key, "available") == 0)
        run->available = strtoll(v, NULL, 10);
    else if (strcmp(key, "granted") == 0)
        run->granted = strtoll(v, NULL, 10);
    else if (strcmp(key, "residual") == 0)
        run->residual = strtoll(v, NULL, 10);
    else if (strcmp(key, "file") == 0) {
        size_t n = strlen(v), sl = strlen("-afgoerelser.csv");
        if (n >= sl && strcmp(v + n - sl, "-afgoerelser.csv") == 0)
            run->has_decisions = true;
    }
}

/* Read the record of run folder dir into run. */
static void read_record(const char *home, history_run *run)
{
    char path[4400], line[1024];
    FILE *fp;

    snprintf(run->time, sizeof run->time, msg_tr("unknown"));
    if ((size_t)snprintf(path, sizeof path, "%s/%s/%s", home, run->name, RUN_RECORD) >=
        sizeof path)
        return;
    fp = fopen(path, "r");
    if (!fp)
        return;
    run->has_record = true;
    while (fgets(line, sizeof line, fp)) {
        char *colon = strstr(line, ": ");
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!colon)
            continue;
        *colon = '\0';
        record_line(run, line, colon + 2);
    }
    fclose(fp);
}

static int by_number(const void *a, const void *b)
{
    const history_run *x = a, *y = b;
    return (x->no > y->no) - (x->no < y->no);
}

int history_load(const char *home, history *h)
{
    DIR *d = opendir(home);
    struct dirent *ent;
    size_t cap = 0, pl = strlen(RUN_DIR_PREFIX);

    memset(h, 0, sizeof *h);
    if (!d)
        return 0;
    while ((ent = readdir(d)) != NULL) {
        const char *n = ent->d_name;
        if (strncmp(n, RUN_DIR_PREFIX, pl) != 0 || n[pl] < '0' || n[pl] > '9' ||
            strlen(n) >= sizeof h->v[0].name)
            continue;
        if (h->n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            history_run *v = realloc(h->v, nc * sizeof *v);
            if (!v) {
                closedir(d);
                history_free(h);
                return -1;
            }
            h->v = v;
            cap = nc;
        }
        memset(&h->v[h->n], 0, sizeof h->v[0]);
        h->v[h->n].no = atoi(n + pl);
        memcpy(h->v[h->n].name, n, strlen(n) + 1); /* shorter than name: checked above */
        h->n++;
    }
    closedir(d);
    if (h->n)
        qsort(h->v, h->n, sizeof h->v[0], by_number);
    for (size_t i = 0; i < h->n; i++)
        read_record(home, &h->v[i]);
    return 0;
}

void history_free(history *h)
{
    free(h->v);
    memset(h, 0, sizeof *h);
}
