/* inputs.c - The readers of a run: the pool file, its ledger and its
 * applications, each file checked on its own; and the checks that stand
 * between the inputs and the outputs: no output may be an input, and a
 * ledger that reserves nothing is said out loud. */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "labels.h"
#include "members.h"
#include "plausible.h"
#include "messages.h"

int inputs_check_out_dir(const char *out_dir, diag_list *dl)
{
    struct stat st;

    if (stat(out_dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, out_dir, 0, 0, "name a folder with --out",
                 "the output folder %s is not a folder", out_dir);
        return -1;
    }
    return 0;
}

void inputs_free(pulje_inputs *in)
{
    apps_free(&in->apps);
    ledger_free(&in->ledger);
    pool_free(&in->pool);
    free(in->apps_path);
    free(in->ledger_path);
    free(in->members_path);
    free(in->letter_path);
    free(in->followup_path);
    memset(in, 0, sizeof *in);
}

/* An input must be a regular file of at most INPUTS_MAX_BYTES: a FIFO or a
 * device (/dev/zero) would be read without end. A path that cannot be
 * stat'ed is left to the reader, which says why it cannot be opened.
 * Returns 0, or -1 after an error. */
static int gate_file(const char *path, const char *what, diag_list *dl)
{
    struct stat st;
    char hint[160];

    if (!path || stat(path, &st) != 0)
        return 0;
    if (!S_ISREG(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, "name a file saved from Excel or a text editor",
                 "the %s is not a regular file (it is a %s); pulje reads only files", msg_tr(what),
                 msg_tr(S_ISDIR(st.st_mode)    ? MSG_N("folder")
                 : S_ISFIFO(st.st_mode) ? MSG_N("pipe (FIFO)")
                 : S_ISCHR(st.st_mode)  ? MSG_N("character device")
                 : S_ISBLK(st.st_mode)  ? MSG_N("block device")
                 : S_ISSOCK(st.st_mode) ? MSG_N("socket")
                                        : MSG_N("special file")));
        return -1;
    }
    if ((unsigned long long)st.st_size > INPUTS_MAX_BYTES) {
        snprintf(hint, sizeof hint,
                 msg_tr("split the %s, or check that the right file is named; the limit is %llu MiB"),
                 msg_tr(what), INPUTS_MAX_BYTES >> 20);
        diag_add(dl, DIAG_ERROR, path, 0, 0, hint,
                 "the %s is %llu bytes (%llu MiB); pulje reads input files of at most %llu MiB",
                 msg_tr(what), (unsigned long long)st.st_size,
                 ((unsigned long long)st.st_size + (1u << 20) - 1) >> 20, INPUTS_MAX_BYTES >> 20);
        return -1;
    }
    return 0;
}

pulje_status inputs_read_pool(const char *pool_path, pulje_inputs *in, diag_list *dl)
{
    memset(in, 0, sizeof *in);
    if (gate_file(pool_path, MSG_N("pool file"), dl) != 0)
        return PULJE_INPUT;
    if (pool_load(pool_path, &in->pool, dl) != 0 || !in->pool.applications)
        return dl->oom ? PULJE_FAULT : PULJE_INPUT;
    in->apps_path = pool_applications_path(&in->pool);
    in->ledger_path = in->pool.ledger ? pool_ledger_path(&in->pool) : NULL;
    in->members_path = in->pool.members ? members_path(&in->pool) : NULL;
    in->letter_path = pool_path_beside(&in->pool, in->pool.letter);
    in->followup_path = pool_path_beside(&in->pool, in->pool.followup);
    if (!in->apps_path || (in->pool.ledger && !in->ledger_path) ||
        (in->pool.members && !in->members_path) || (in->pool.letter && !in->letter_path) ||
        (in->pool.followup && !in->followup_path)) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        return PULJE_FAULT;
    }
    return PULJE_OK;
}

const char *const inputs_file_what[INPUTS_N_FILES] = {
    MSG_N("the pool file"), MSG_N("the applications file"), MSG_N("the ledger"),
    MSG_N("the members file"), MSG_N("the letters' template"), MSG_N("the follow-up ledger")};

void inputs_files(const pulje_inputs *in, const char *paths[INPUTS_N_FILES])
{
    paths[0] = in->pool.file;
    paths[1] = in->apps_path;
    paths[2] = in->ledger_path;
    paths[3] = in->members_path;
    paths[4] = in->letter_path;
    paths[5] = in->followup_path;
}

pulje_status inputs_read_files(pulje_inputs *in, diag_list *dl)
{
    if (in->members_path && gate_file(in->members_path, MSG_N("members file"), dl) != 0)
        return PULJE_INPUT;
    if (in->letter_path && gate_file(in->letter_path, "letter template", dl) != 0)
        return PULJE_INPUT;
    if (in->followup_path && gate_file(in->followup_path, "follow-up ledger", dl) != 0)
        return PULJE_INPUT;
    if (in->pool.ledger) {
        if (gate_file(in->ledger_path, MSG_N("ledger"), dl) != 0)
            return PULJE_INPUT;
        if (ledger_load(in->ledger_path, &in->ledger, dl) != 0)
            return dl->oom ? PULJE_FAULT : PULJE_INPUT;
        if (plausible_check_ledger(&in->ledger, dl) > 0)
            return PULJE_INPUT;
        in->pool.commitments = &in->ledger;
    }
    if (gate_file(in->apps_path, "applications file", dl) != 0)
        return PULJE_INPUT;
    if (apps_load_pool(in->apps_path, &in->pool, &in->apps, dl) != 0)
        return dl->oom ? PULJE_FAULT : PULJE_INPUT;
    return PULJE_OK;
}

/* ------------------------------------------------------------------------ */
/* No output may be an input.                                                 */

int inputs_check_outputs(const pulje_inputs *in, const char *const *outputs, size_t n_outputs,
                         diag_list *dl)
{
    const char *inputs[INPUTS_N_FILES];
    const char *const *what = inputs_file_what;
    struct stat si[INPUTS_N_FILES];
    int have[INPUTS_N_FILES], bad = 0;

    inputs_files(in, inputs);
    for (int k = 0; k < INPUTS_N_FILES; k++)
        have[k] = inputs[k] && stat(inputs[k], &si[k]) == 0;
    for (size_t j = 0; j < n_outputs; j++) {
        struct stat so;
        if (!outputs[j] || stat(outputs[j], &so) != 0)
            continue; /* not there yet: a new file cannot be an input */
        for (int k = 0; k < INPUTS_N_FILES; k++) {
            if (!have[k] || so.st_dev != si[k].st_dev || so.st_ino != si[k].st_ino)
                continue;
            diag_add(dl, DIAG_ERROR, inputs[k], 0, 0,
                     "choose another output folder with --out, or copy the input elsewhere "
                     "and name the copy in the pool file",
                     "the output %s is %s: writing it would destroy an input; nothing was "
                     "computed",
                     outputs[j], msg_tr(what[k]));
            bad = 1;
        }
    }
    return bad ? -1 : 0;
}

/* ------------------------------------------------------------------------ */
/* The ledger is never silently empty.                                        */

/* Rows of l paid in year and decided before it. */
static size_t rows_for(const ledger *l, int year, pulje_kr *sum)
{
    size_t n = 0;
    *sum = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].year == year && l->v[i].decided < year) {
            n++;
            *sum += l->v[i].amount;
        }
    return n;
}

/* The folder part of path ("." when none), into buf. */
static const char *folder_of(const char *path, char *buf, size_t size)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (!slash) {
        snprintf(buf, size, ".");
    } else if (slash == path) {
        snprintf(buf, size, "/");
    } else {
        size_t n = (size_t)(slash - path);
        snprintf(buf, size, "%.*s", (int)(n < size ? n : size - 1), path);
    }
    return buf;
}

/* Look in dir for a year's outputs ("...-forpligtelser.csv") other than the
 * pool's own ledger that hold commitments for this year; an error for each.
 * Returns the number found. */
static size_t find_previous(const pulje_inputs *in, const char *dir, const struct stat *own,
                            diag_list *dl)
{
    static const char suffix[] = "-forpligtelser.csv";
    const pool *p = &in->pool;
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t found = 0;

    if (!d)
        return 0;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        char path[4096], a[MONEY_BUFSZ], hint[4400];
        struct stat st;
        ledger l;
        diag_list scratch;
        pulje_kr sum;
        size_t n;

        if (e->d_name[0] == '.' || len <= sizeof suffix - 1 ||
            strcmp(e->d_name + len - (sizeof suffix - 1), suffix) != 0)
            continue;
        if ((size_t)snprintf(path, sizeof path, "%s%s%s", strcmp(dir, ".") ? dir : "",
                             strcmp(dir, ".") ? "/" : "", e->d_name) >= sizeof path)
            continue;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
            (unsigned long long)st.st_size > INPUTS_MAX_BYTES ||
            (own && st.st_dev == own->st_dev && st.st_ino == own->st_ino))
            continue;
        diag_init(&scratch);
        memset(&l, 0, sizeof l);
        n = ledger_load(path, &l, &scratch) == 0 ? rows_for(&l, p->year, &sum) : 0;
        ledger_free(&l);
        diag_free(&scratch);
        if (n == 0)
            continue;
        if (p->ledger_line)
            snprintf(hint, sizeof hint,
                     msg_tr("if those commitments stand, name that file in `ledger =` (line %u); if "
                     "they were cancelled, move the file away"),
                     p->ledger_line);
        else
            snprintf(hint, sizeof hint,
                     msg_tr("if those commitments stand, add `ledger = %s` under [pool]; if they were "
                     "cancelled, move the file away"),
                     path);
        diag_add(dl, DIAG_ERROR, p->file, p->ledger_line, 0, hint,
                 "%s holds %zu commitment%s for %d (DKK %s), but the pool's ledger %s "
                 "reserves nothing for %d",
                 path, n, n == 1 ? "" : "s", p->year, money_format_text(sum, a),
                 in->ledger_path ? in->ledger_path : "(none: no `ledger =`)", p->year);
        found++;
    }
    closedir(d);
    return found;
}

int inputs_check_ledger(const pulje_inputs *in, const char *out_dir, diag_list *dl)
{
    const pool *p = &in->pool;
    int multi = p->multiyear_line != 0;
    pulje_kr sum;
    char dirs[3][4096], msg[512];
    struct stat own, ds[3];
    int have_own, n_dirs = 0;
    size_t found = 0;

    for (size_t i = 0; i < in->apps.n && !multi; i++)
        multi = in->apps.v[i].years > 1;
    if (!multi || (in->ledger_path && rows_for(&in->ledger, p->year, &sum) > 0))
        return 0;
    have_own = in->ledger_path && stat(in->ledger_path, &own) == 0;
    folder_of(p->file, dirs[n_dirs++], sizeof dirs[0]);
    if (in->ledger_path)
        folder_of(in->ledger_path, dirs[n_dirs++], sizeof dirs[0]);
    if (out_dir)
        snprintf(dirs[n_dirs++], sizeof dirs[0], "%s", out_dir);
    for (int k = 0; k < n_dirs; k++) {
        int seen = 0;
        if (stat(dirs[k], &ds[k]) != 0)
            continue;
        for (int j = 0; j < k; j++)
            seen |= ds[j].st_dev == ds[k].st_dev && ds[j].st_ino == ds[k].st_ino;
        if (!seen)
            found += find_previous(in, dirs[k], have_own ? &own : NULL, dl);
    }
    if (found > 0)
        return -1;
    label_format(msg, sizeof msg, L_WARN_NO_LEDGER, p->year);
    diag_add(dl, DIAG_WARNING, in->ledger_path ? in->ledger_path : p->file,
             in->ledger_path ? 0 : p->multiyear_line, 0,
             in->ledger_path ? "if last year's round bound grants for this year, name its "
                               "...-forpligtelser.csv in `ledger =`"
                             : "add `ledger = <last year's ...-forpligtelser.csv>` under [pool]",
             "%s", msg);
    return 0;
}
