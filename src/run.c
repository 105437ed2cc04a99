/* run.c - One run of pulje, in the library: readers, validation, engine, writers.
 *
 * The pipeline the command line used to hold: each stage called here, in
 * order, and its end mapped to one pulje_status. The writing is all or
 * nothing: each output is written whole (atomic.h) into a new staging
 * folder "<out>/.pulje-XXXXXX"; only when all are complete are they renamed
 * into place, one after the other, and the staging folder is removed. What
 * remains non-atomic: the renames themselves (a crash or a failing rename
 * between two of them leaves some new files beside some old ones; the
 * message says how many). */
#include "run.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "compare_defaults.h"
#include "diff_read.h"
#include "labels.h"
#include "ledger.h"
#include "run_threads.h"
#include "followup.h"
#include "fsutil.h"
#include "letters_pdf.h"
#include "opendata.h"
#include "phase.h"
#include "report.h"
#include "report_compare.h"
#include "rules.h"
#include "validate.h"
#include "verify.h"
#include "messages.h"

/* ------------------------------------------------------------------------ */
/* The outputs                                                                */

static int write_workbook(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    return report_write_workbook_changes(path, &r->in.pool, &r->in.apps, &r->result,
                                         r->changes && r->changes->have ? &r->changes->d : NULL,
                                         err, errsz);
}

static int write_decisions(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    return report_write_csv(path, &r->in.pool, &r->in.apps, &r->result, err, errsz);
}

static int write_360giving(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    return opendata_write_360giving(path, &r->in.pool, &r->in.apps, &r->result, err, errsz);
}

static int write_ledger(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    /* streamed: next year's ledger is never held whole (issue 18) */
    return alloc_write_next_ledger(path, &r->in.pool, &r->in.apps, &r->result, err, errsz);
}

static int write_360giving_json(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    return opendata_write_360giving_json(path, &r->in.pool, &r->in.apps, &r->result, err, errsz);
}

static bool ledger_wanted(const pulje_run *r)
{
    return r->in.pool.ledger != NULL || r->result.n_my_honoured > 0;
}

static int write_comparison(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    return report_compare_write(path, &r->in.pool, &r->in.apps, &r->compare, err, errsz);
}

static int write_letters(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    return letters_write_combined(path, &r->in.pool, &r->in.apps, &r->result, &r->letter, err,
                                  errsz) < 0 ? -1 : 0;
}

static int write_letters_csv(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    return letters_write_csv(path, &r->in.pool, &r->in.apps, &r->result, err, errsz);
}

static int write_letters_xlsx(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    return letters_write_merge_xlsx(path, &r->in.pool, &r->in.apps, &r->result, err, errsz);
}

static int write_followup(const pulje_run *r, const char *path, char *err, size_t errsz)
{
    return followup_write_result(path, &r->in.pool, &r->in.apps, &r->result, err, errsz);
}

/* Whether this run writes output o: its command's, and the letters' for run --letters. */
static bool output_wanted(const pulje_run *r, const run_output *o)
{
    bool mine = o->command == r->opt.command ||
                (o->command == RUN_LETTERS && r->opt.letters && r->opt.command == RUN_RUN);
    return mine && (!o->wanted || o->wanted(r));
}

const run_output run_outputs[RUN_N_OUTPUTS] = {
    {"workbook", ".xlsx", RUN_RUN, write_workbook, NULL},
    {"decisions", "-afgoerelser.csv", RUN_RUN, write_decisions, NULL},
    {"360giving", "-360giving.csv", RUN_RUN, write_360giving, NULL},
    {"ledger", "-forpligtelser.csv", RUN_RUN, write_ledger, ledger_wanted},
    {"comparison", "-sammenligning.xlsx", RUN_COMPARE, write_comparison, NULL},
    {"360giving-json", "-360giving.json", RUN_RUN, write_360giving_json, NULL},
    {"letters", "-breve.pdf", RUN_LETTERS, write_letters, NULL},
    {"letters-csv", "-breve.csv", RUN_LETTERS, write_letters_csv, NULL},
    {"letters-xlsx", "-breve.xlsx", RUN_LETTERS, write_letters_xlsx, NULL},
    {"followup", "-opfoelgning.csv", RUN_RUN, write_followup, NULL},
};

/* ------------------------------------------------------------------------ */
/* Messages                                                                   */

/* Set the run's sentence (and hint, may be NULL); returns st. */
static pulje_status say(pulje_run *r, pulje_status st, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static pulje_status say(pulje_run *r, pulje_status st, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->msg, sizeof r->msg, msg_tr(fmt), ap);
    va_end(ap);
    snprintf(r->hint, sizeof r->hint, "%s", hint ? msg_tr(hint) : "");
    return st;
}

/* ------------------------------------------------------------------------ */
/* Reading and validating                                                     */

pulje_status run_load_inputs(const char *pool_path, const char *out_dir, pulje_inputs *in,
                             diag_list *dl)
{
    pulje_status st = inputs_read_pool(pool_path, in, dl);

    if (st != PULJE_OK)
        return st;
    /* inputs are sacred: refused before anything else is read */
    if (out_dir) {
        char base[256], paths[RUN_N_OUTPUTS][4608];
        const char *v[RUN_N_OUTPUTS];
        if (inputs_check_out_dir(out_dir, dl) != 0)
            return PULJE_INPUT;
        report_basename(&in->pool, base, sizeof base);
        for (int k = 0; k < RUN_N_OUTPUTS; k++) {
            snprintf(paths[k], sizeof paths[k], "%s/%s%s", out_dir, base, run_outputs[k].suffix);
            v[k] = paths[k];
        }
        if (inputs_check_outputs(in, v, RUN_N_OUTPUTS, dl) != 0)
            return PULJE_INPUT;
    }
    st = inputs_read_files(in, dl);
    if (st != PULJE_OK)
        return st;
    phase_enter(PHASE_VALIDATE);
    return validate_inputs(in, dl);
}

/* Digest the pool file, the applications and the ledger (if the pool names
 * one). Returns PULJE_OK, or PULJE_INPUT with the sentence set. */
static pulje_status digest_inputs(pulje_run *r)
{
    const char *paths[INPUTS_N_FILES];

    inputs_files(&r->in, paths);
    for (size_t i = 0; i < INPUTS_N_FILES; i++)
        if (paths[i] && digest_list_add(&r->digests, paths[i]) != 0)
            return say(r, errno == ENOMEM ? PULJE_FAULT : PULJE_INPUT, NULL,
                       "cannot read %s to compute its SHA-256: %s", paths[i], strerror(errno));
    return PULJE_OK;
}

/* explain NR: the number is not in the file; name the closest ones. */
static pulje_status not_found(pulje_run *r)
{
    size_t idx[5], n = explain_nearby(&r->in.apps, r->opt.nr, idx, 5);
    char list[256] = "";

    label_format(r->msg, sizeof r->msg, L_EX_NOT_FOUND, r->opt.nr, r->in.apps_path);
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(list);
        snprintf(list + len, sizeof list - len, "%s%s", k ? ", " : "", r->in.apps.v[idx[k]].nr);
    }
    if (n > 0)
        label_format(r->hint, sizeof r->hint, L_EX_NEARBY, list);
    return PULJE_INPUT;
}

/* Fold a rule spec to ASCII for a file name: letters and digits kept
 * (lower case), '.' in numbers dropped, anything else one '-'. */
static void name_tag(const char *spec, char *out, size_t size)
{
    size_t o = 0;

    for (const char *q = spec; *q && o + 1 < size; q++) {
        char c = *q;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[o++] = c;
        else if (c == '.' && q > spec && q[-1] >= '0' && q[-1] <= '9')
            continue;
        else if (o > 0 && out[o - 1] != '-')
            out[o++] = '-';
    }
    while (o > 0 && out[o - 1] == '-')
        o--;
    out[o] = '\0';
}

/* run: official (the pool's own rule, in Danish) or a trial, and the trial's
 * tag; pool_spec is the pool file's rule as rule_format_spec() writes it. */
static void trial_or_official(pulje_run *r, const char *pool_spec)
{
    char spec[160], tag[160] = "";
    size_t len;

    rule_format_spec(&r->in.pool.rule, spec, sizeof spec);
    if (strcmp(spec, pool_spec) != 0)
        name_tag(spec, tag, sizeof tag);
    len = strlen(tag);
    if (labels_language() != LABEL_DA)
        snprintf(tag + len, sizeof tag - len, "%s%s", len ? "-" : "", labels_language() == LABEL_EN ? "en" : "lang");
    if (r->opt.command == RUN_COMPARE) /* its run folder is a trial's, its names its own */
        snprintf(tag, sizeof tag, "%s", DIFF_COMPARE_TAG);
    snprintf(r->trial_tag, sizeof r->trial_tag, "%s", tag);
    r->official = tag[0] == '\0';
}

/* The stages up to the engine. */
static pulje_status read_and_validate(pulje_run *r, size_t *index)
{
    pulje_inputs *in = &r->in;
    char size_err[512], pool_spec[160];
    pulje_status st;

    phase_enter(PHASE_READ);
    /* explain writes nothing; the others must not write over an input (the
     * staging folder and the temporary names in it are new: mkdtemp, mkstemp) */
    st = run_load_inputs(r->opt.pool_path, r->opt.command == RUN_EXPLAIN ? NULL : r->opt.out_dir,
                         in, &r->diags);
    if (st != PULJE_OK)
        return st;
    rule_format_spec(&in->pool.rule, pool_spec, sizeof pool_spec);
    if (r->opt.rule &&
        !rule_parse_spec(r->opt.rule, in->pool.rule.threshold, &in->pool.rule, size_err,
                         sizeof size_err))
        return say(r, PULJE_INPUT, "see pulje --help", "--rule: %s", size_err);
    trial_or_official(r, pool_spec);
    if (r->opt.command == RUN_EXPLAIN && explain_find(&in->apps, r->opt.nr, index) != 0)
        return not_found(r);
    if (report_check_size(in->apps.n, size_err, sizeof size_err) != 0) {
        diag_add(&r->diags, DIAG_ERROR, in->apps_path, in->apps.v[report_max_applications()].line,
                 0, "split the applications into two files and run each as its own pool", "%s",
                 size_err);
        return PULJE_INPUT;
    }
    st = digest_inputs(r);
    if (st != PULJE_OK)
        return st;
    in->pool.inputs = &r->digests;
    in->pool.warnings = &r->diags;
    if (inputs_check_ledger(in, r->opt.out_dir, &r->diags) != 0)
        return r->diags.oom ? PULJE_FAULT : PULJE_INPUT;
    /* last round's follow-up ledger: overdue reports warned about, or refused */
    if (followup_apply(&in->pool, &in->apps, &r->diags) < 0)
        return r->diags.oom ? PULJE_FAULT : PULJE_INPUT;
    return PULJE_OK;
}

/* ------------------------------------------------------------------------ */
/* The engine                                                                 */

/* compare: the rules and the sweep, run and verified. */
static pulje_status prepare_compare(pulje_run *r)
{
    rule_params rules[COMPARE_MAX_RULES];
    compare_sweep_spec sweep;
    const pool *p = &r->in.pool;
    const char *hint = NULL;
    size_t n;
    int rc;

    n = r->opt.rules ? compare_parse_rules(r->opt.rules, p->rule.threshold, rules,
                                           COMPARE_MAX_RULES, r->msg, sizeof r->msg, &hint)
                     : compare_default_rules(p, rules, COMPARE_MAX_RULES);
    if (n == 0) {
        snprintf(r->hint, sizeof r->hint, "%s", hint ? hint : "");
        return PULJE_INPUT;
    }
    if (!compare_parse_sweep(r->opt.sweep ? r->opt.sweep : COMPARE_DEFAULT_SWEEP, &sweep,
                             r->hint, sizeof r->hint))
        return say(r, PULJE_INPUT, NULL, "--sweep: %s", r->hint);
    /* sweep the baseline if it has the parameter, else the 2023 rule */
    compare_sweep_rule(&sweep, &rules[0]);
    sweep.threads = run_two_threads(r) ? 2 : 1;
    rc = compare_run(p, &r->in.apps, rules, n, 0, &sweep, &r->compare, &r->diags);
    if (rc == 0)
        return r->diags.oom ? say(r, PULJE_FAULT, NULL, "out of memory") : PULJE_OK;
    return rc == -3 ? PULJE_VERIFY : rc == -1 && !r->diags.oom ? PULJE_INPUT : PULJE_FAULT;
}

pulje_status pulje_run_prepare(pulje_run *r)
{
    bool check = r->opt.command == RUN_CHECK, model = !r->opt.closed_form && !check;
    size_t index = 0;
    pulje_status st = read_and_validate(r, &index);
    int rc;

    if (st != PULJE_OK)
        return st;
    phase_enter(PHASE_MODEL);
    if (r->opt.command == RUN_COMPARE)
        return prepare_compare(r);
    /* check computes too (closed form: the same grants, quicker), so that
     * everything run would refuse for the inputs' sake, check refuses. */
    rc = alloc_run(&r->in.pool, &r->in.apps, model ? ALLOC_MODEL : ALLOC_CLOSED_FORM, &r->result,
                   &r->diags);
    if (rc != 0)
        return rc == -1 && !r->diags.oom ? PULJE_INPUT : PULJE_FAULT;
    phase_enter(PHASE_VERIFY);
    if (verify_result(&r->in.pool, &r->in.apps, &r->result, model, &r->diags) != 0)
        return say(r, PULJE_VERIFY, NULL, "the result failed its checks; nothing was written");
    if (r->opt.command == RUN_EXPLAIN &&
        explain_build(&r->in.pool, &r->in.apps, &r->result, index, &r->explanation) != 0)
        return say(r, PULJE_FAULT, NULL, "out of memory");
    /* the letters' template: read for the letters, and checked whenever the pool names one */
    if (r->opt.command == RUN_LETTERS || r->opt.letters || r->in.pool.letter) {
        rc = letters_template_load(&r->in.pool, &r->letter, &r->diags);
        if (rc != 0)
            return rc == -1 ? PULJE_INPUT : say(r, PULJE_FAULT, NULL, "out of memory");
    }
    /* a warning that could not be stored would be missing from the workbook */
    if (r->diags.oom)
        return say(r, PULJE_FAULT, NULL, "out of memory");
    return PULJE_OK;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                    */

/* Add path to the files put in place. */
static void note_written(pulje_run *r, const char *path)
{
    char *to = r->written[r->n_written++];
    size_t len = strnlen(path, sizeof r->written[0] - 1);
    memcpy(to, path, len);
    to[len] = '\0';
}

/* The outputs of the command wanted by this run, into want[]; their count. */
static size_t wanted_outputs(const pulje_run *r, bool want[RUN_N_OUTPUTS])
{
    size_t n = 0;
    for (int k = 0; k < RUN_N_OUTPUTS; k++) {
        const run_output *o = &run_outputs[k];
        want[k] = output_wanted(r, o);
        n += want[k];
    }
    return n;
}

/* The next free run number in folder dir (koersel-NNN): one above the highest. */
static int next_run_no(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    int max = 0;

    if (!d)
        return 1;
    while ((ent = readdir(d)) != NULL) {
        const char *n = ent->d_name;
        size_t pl = strlen(RUN_DIR_PREFIX);
        if (strncmp(n, RUN_DIR_PREFIX, pl) == 0 && n[pl] >= '0' && n[pl] <= '9') {
            int v = atoi(n + pl);
            if (v > max)
                max = v;
        }
    }
    closedir(d);
    return max + 1;
}

/* Whether the run's outputs carry their plain names: an official run, and
 * compare (its workbook has a name of its own). */
static bool plain_names(const pulje_run *r)
{
    return r->official || r->opt.command == RUN_COMPARE;
}

/* The run record's text, appended to fp; an atomic_put_fn. */
static int put_record(FILE *fp, void *ctx, char *err, size_t errsz)
{
    const pulje_run *r = ctx;
    const alloc_result *a = &r->result;
    bool compare = r->opt.command == RUN_COMPARE;
    char spec[160], when[64] = "unknown", base[256];
    time_t t = (time_t)r->opt.started;
    struct tm tm;

    (void)err;
    (void)errsz;
    if (r->opt.started && gmtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    rule_format_spec(&r->in.pool.rule, spec, sizeof spec);
    report_basename(&r->in.pool, base, sizeof base);
    fprintf(fp, "run: %d\ntime: %s\ncommand: %s\n", r->run_no, when,
            r->opt.command_line ? r->opt.command_line : "");
    fprintf(fp, "official: %s\n", r->official ? "yes" : "no");
    if (!r->official)
        fprintf(fp, "trial: %s\n", r->trial_tag);
    fprintf(fp, "rule: %s\nlanguage: %s\npool: %s\n", spec,
            labels_language() == LABEL_EN ? "en" : "da", r->opt.pool_path);
    for (size_t i = 0; i < r->digests.n; i++)
        fprintf(fp, "sha256: %s  %s\n", r->digests.v[i].hex, r->digests.v[i].path);
    diff_put_record_lines(fp, &r->in, &r->digests);
    if (compare)
        goto files;
    fprintf(fp,
            "applications: %zu\napplied: %lld\nbudget: %lld\nreserved: %lld\nearmarked: %lld\n"
            "available: %lld\nassessed: %lld\ngranted: %lld\nresidual: %lld\nreduced: %zu\n"
            "refused: %zu\nmultiyear: %zu of %zu\n",
            a->n, (long long)a->applied_total, (long long)a->budget_total,
            (long long)a->reserved_total, (long long)a->earmarked_total, (long long)a->available,
            (long long)a->assessed_total, (long long)a->granted_total, (long long)a->residual,
            a->n_reduced, a->n_refused, a->n_my_honoured, a->n_my_requested);
    for (size_t k = 0; k < a->em.n_earmarks; k++)
        fprintf(fp, "supplements %s: %lld\n", r->in.pool.earmark_defs[k].key,
                (long long)a->em.totals[k].granted);
files:
    for (int k = 0; k < RUN_N_OUTPUTS; k++) {
        const run_output *o = &run_outputs[k];
        if (output_wanted(r, o))
            fprintf(fp, "file: %s%s%s%s\n", base, plain_names(r) ? "" : "-",
                    plain_names(r) ? "" : r->trial_tag, o->suffix);
    }
    return ferror(fp) ? -1 : 0;
}

/* Whether path is one of the run's input files (the same file, not only
 * the same name). */
static bool is_input(const pulje_run *r, const char *path)
{
    const char *inputs[INPUTS_N_FILES];
    struct stat a, b;

    inputs_files(&r->in, inputs);
    if (stat(path, &a) != 0)
        return false;
    for (int i = 0; i < INPUTS_N_FILES; i++)
        if (inputs[i] && stat(inputs[i], &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return true;
    return false;
}

/* The changes since an earlier run, for the workbook's sheet (in the words
 * of pulje diff): the run folders in <out>/<base>, compared with this run's
 * record and result. A run folder that cannot be read is a warning (on the
 * Resumé too); memory running out here only leaves the sheet out. */
static void load_changes(pulje_run *r, const char *out, const char *base)
{
    char home[3800], err[8192] = "", *text = NULL;
    size_t len = 0;
    FILE *fp;

    if (fs_join(home, sizeof home, out, base) != 0 || !(r->changes = calloc(1, sizeof *r->changes)))
        return;
    fp = open_memstream(&text, &len);
    if (!fp)
        return;
    put_record(fp, r, err, sizeof err);
    if (fclose(fp) == 0 && diff_since_load(home, text, len, &r->in.pool, &r->in.apps, &r->result,
                                           r->changes, err, sizeof err) != 0 &&
        strcmp(err, "out of memory") != 0) /* then only the sheet is missing */
        diag_add(&r->diags, DIAG_WARNING, home, 0, 0, "pulje diff A B compares two runs",
                 "the workbook has no changes sheet: %s", err);
    free(text);
}

/* Write every wanted output and the run record into a staging folder in
 * <out>, which then becomes the run folder <out>/<base>/koersel-NNN whole; then
 * put each output in place under its name in <out> (the official names, or
 * a trial's own): hard-linked to a temporary name (copied where the folder
 * has no hard links) and renamed over the old file. The outputs' names are
 * all checked first; the outputs before the first bad name are written
 * (write_outputs()), and the first failure in run_outputs[] order is the one
 * said, as when they are written one after the other. */
static pulje_status write_staged(pulje_run *r, const bool want[RUN_N_OUTPUTS])
{
    const char *out = r->opt.out_dir;
    char base[256], name[512], err[512], home[3800], stage[4096], path[4608], tmp[4608],
        final[RUN_N_OUTPUTS][4608], staged[RUN_N_OUTPUTS][4608], errs[RUN_N_OUTPUTS][512];
    int k, done = 0, made, made_home = 0, limit = RUN_N_OUTPUTS, bad = 0, failed;

    if (fs_ensure_dir(out, &made) != 0)
        return say(r, PULJE_OUTPUT, NULL, "cannot use output folder %s: %s", out,
                   strerror(errno));
    report_basename(&r->in.pool, base, sizeof base);
    if (r->opt.command == RUN_RUN)
        load_changes(r, out, base);
    if ((size_t)snprintf(stage, sizeof stage, "%s/.pulje-XXXXXX", out) >= sizeof stage ||
        !mkdtemp(stage)) {
        say(r, PULJE_OUTPUT, NULL, "cannot make a staging folder in %s: %s", out,
            strerror(errno));
        if (made)
            rmdir(out);
        return PULJE_OUTPUT;
    }
    for (k = 0; k < RUN_N_OUTPUTS && limit == RUN_N_OUTPUTS; k++) {
        if (!want[k])
            continue;
        snprintf(name, sizeof name, "%s%s%s%s", base, plain_names(r) ? "" : "-",
                 plain_names(r) ? "" : r->trial_tag, run_outputs[k].suffix);
        if (fs_join(final[k], sizeof final[k], out, name) != 0 ||
            fs_join(staged[k], sizeof staged[k], stage, name) != 0)
            limit = k, bad = 1;
        else if (is_input(r, final[k]))
            limit = k, bad = 2;
    }
    /* the staging folder is private: its entries are synced once, before it
     * becomes the run folder, not after each file */
    atomic_defer_folder_sync(stage);
    failed = run_write_outputs(r, want, limit, staged, errs);
    if (failed < limit) {
        say(r, PULJE_OUTPUT, "no output was changed", "could not write %s: %s", final[failed],
            errs[failed]);
        goto fail;
    }
    if (bad == 1) {
        say(r, PULJE_OUTPUT, NULL, "the output folder's name %s is too long", out);
        goto fail;
    }
    if (bad == 2) {
        say(r, PULJE_OUTPUT, "name another output folder with --out",
            "%s is an input of this run and is never written over", final[limit]);
        goto fail;
    }
    /* the run folder: the next free number, taken whole by one rename */
    if (fs_join(home, sizeof home, out, base) != 0 || fs_ensure_dir(home, &made_home) != 0) {
        say(r, PULJE_OUTPUT, "no output was changed", "cannot use the run folders' folder %s: %s",
            home, strerror(errno));
        goto fail;
    }
    for (int tries = 0;; tries++) {
        r->run_no = next_run_no(home);
        snprintf(r->run_dir, sizeof r->run_dir, "%s/%s%03d", home, RUN_DIR_PREFIX, r->run_no);
        fs_join(path, sizeof path, stage, RUN_RECORD);
        if (atomic_write(path, put_record, r, err, sizeof err) != 0) {
            say(r, PULJE_OUTPUT, "no output was changed", "could not write the run record: %s",
                err);
            goto fail;
        }
        if (fs_sync_folder(stage) != 0) {
            say(r, PULJE_OUTPUT, "no output was changed", "could not sync the folder %s: %s",
                stage, strerror(errno));
            goto fail;
        }
        if (rename(stage, r->run_dir) == 0)
            break;
        if ((errno != EEXIST && errno != ENOTEMPTY) || tries > 100) {
            say(r, PULJE_OUTPUT, "no output was changed", "could not make the run folder %s: %s",
                r->run_dir, strerror(errno));
            goto fail;
        }
    }
    atomic_defer_folder_sync(NULL);
    for (k = 0; k < RUN_N_OUTPUTS; k++) {
        const char *slash;
        if (!want[k])
            continue;
        slash = strrchr(final[k], '/');
        snprintf(name, sizeof name, ".pulje-%ld-%d.tmp", (long)getpid(), k);
        if (fs_join(path, sizeof path, r->run_dir, slash + 1) != 0 ||
            fs_join(tmp, sizeof tmp, out, name) != 0)
            return say(r, PULJE_OUTPUT, NULL, "the output folder's name %s is too long", out);
        unlink(tmp);
        if ((link(path, tmp) != 0 && fs_copy_file(path, tmp) != 0) || rename(tmp, final[k]) != 0) {
            say(r, PULJE_OUTPUT, NULL, "could not put %s in place: %s", final[k],
                strerror(errno));
            unlink(tmp);
            snprintf(r->hint, sizeof r->hint,
                     "%d of the new files are in place beside older ones; all of them are in "
                     "%.300s; run again", done, r->run_dir);
            return PULJE_OUTPUT;
        }
        note_written(r, final[k]);
        done++;
    }
    if (fs_sync_folder(out) != 0 || fs_sync_folder(home) != 0)
        return say(r, PULJE_OUTPUT, NULL,
                   "wrote the outputs in %s but could not sync the folder: %s", out,
                   strerror(errno));
    return PULJE_OK;
fail:
    atomic_defer_folder_sync(NULL);
    r->run_no = 0;
    r->run_dir[0] = '\0';
    fs_remove_folder(stage);
    if (made_home)
        rmdir(home);
    if (made)
        rmdir(out); /* the folder this run made, empty again */
    return PULJE_OUTPUT;
}

/* letters: the folder of one PDF per application, after the other outputs. */
static pulje_status write_letters_folder(pulje_run *r)
{
    char dir[4608], err[1024];

    r->n_letters = letters_write_run_folder(r->opt.out_dir, r->official ? "" : r->trial_tag,
                                            &r->in.pool, &r->in.apps, &r->result, &r->letter,
                                            dir, sizeof dir, err, sizeof err);
    if (r->n_letters < 0)
        return say(r, PULJE_OUTPUT, "the other outputs are in place", "could not write %s: %s",
                   dir, err);
    note_written(r, dir);
    return PULJE_OK;
}

pulje_status pulje_run_write(pulje_run *r)
{
    bool want[RUN_N_OUTPUTS];

    pulje_status st;

    if (wanted_outputs(r, want) == 0)
        return PULJE_OK;
    phase_enter(PHASE_WRITE);
    st = write_staged(r, want);
    if (st == PULJE_OK && (r->opt.command == RUN_LETTERS || r->opt.letters))
        st = write_letters_folder(r);
    return st;
}

/* ------------------------------------------------------------------------ */

pulje_run *pulje_run_new(const run_options *o)
{
    pulje_run *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->opt = *o;
    diag_init(&r->diags);
    return r;
}

pulje_status pulje_run_all(pulje_run *r)
{
    pulje_status st = pulje_run_prepare(r);
    return st != PULJE_OK ? st : pulje_run_write(r);
}

void pulje_run_free(pulje_run *r)
{
    if (!r)
        return;
    if (r->changes)
        diff_since_free(r->changes);
    free(r->changes);
    explain_free(&r->explanation);
    letters_template_free(&r->letter);
    compare_free(&r->compare);
    alloc_free(&r->result);
    inputs_free(&r->in);
    digest_list_free(&r->digests);
    diag_free(&r->diags);
    free(r);
}
