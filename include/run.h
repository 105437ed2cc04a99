/* run.h - One run of pulje, in the library: readers, validation, engine, writers.
 *
 * A pulje_run owns everything a command needs and makes: its inputs (the
 * pool, the ledger, the applications), the inputs' digests, the
 * diagnostics, and the result (the grants, the comparison, or the
 * explanation). The pool's pointers to the ledger (pool.commitments), the
 * digests (pool.inputs) and the warnings (pool.warnings) point into the
 * run, which is allocated by pulje_run_new() and so never moves; no caller
 * keeps anything alive for it.
 *
 * The stages, each called by the run and never by another stage:
 *
 *   read      inputs.h     the pool file; the outputs may not be inputs;
 *                          the ledger and the applications
 *   validate  validate.h   the checks across files; the sheet's size; the
 *                          digests; a ledger that reserves nothing
 *   engine    alloc.h, compare.h (model, rules, rounding, multiyear,
 *                          earmark), verify.h   the grants, checked
 *   write     run_outputs  each output and the run record written whole
 *                          into a staging folder (the workbooks on the
 *                          calling thread, the CSVs, the JSON and the
 *                          letters' PDF and CSV on a second thread at the
 *                          same time: run_options.threads), which becomes the run
 *                          folder <out>/<base>/koersel-NNN by one rename;
 *                          then each output put in place under its name in
 *                          <out> (official names only for the pool's own
 *                          rule in Danish; a trial's names carry its tag)
 *
 * Every stage ends with a pulje_status (status.h), which is the exit code;
 * input problems are in diags, a fault's sentence in msg. The library
 * prints nothing: the command line (main.c) prints the diagnostics, msg,
 * the summary and the files written. */
#ifndef PULJE_RUN_H
#define PULJE_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"
#include "compare.h"
#include "diag.h"
#include "digest.h"
#include "explain.h"
#include "inputs.h"
#include "letters.h"
#include "status.h"

#define RUN_DEFAULT_POOL "inputs/pulje-2023.ini"
#define RUN_DEFAULT_OUT "outputs"

typedef enum {
    RUN_RUN = 0,   /* compute, verify, write the outputs of run_outputs[] for RUN_RUN */
    RUN_CHECK,     /* read and validate, compute by the closed form and verify; write nothing */
    RUN_COMPARE,   /* several rules and a sweep; write the comparison workbook */
    RUN_EXPLAIN,   /* compute and verify; explain one application; write nothing */
    RUN_LETTERS    /* compute and verify; write the decision letters (letters.h) */
} run_command;

typedef struct run_options {
    run_command command;
    const char *pool_path;  /* the pool file */
    const char *out_dir;    /* the output folder (made when missing) */
    const char *rule;       /* --rule: replaces the pool file's rule; NULL = keep it */
    const char *rules;      /* compare --rules; NULL = compare_default_rules() */
    const char *sweep;      /* compare --sweep; NULL = COMPARE_DEFAULT_SWEEP */
    const char *nr;         /* explain: the application's number */
    bool closed_form;       /* compute without the GLPK model */
    const char *command_line; /* run: the command as typed, for the run record; NULL = none */
    long long started;      /* run: when it started, seconds since 1970 UTC; 0 = unknown */
    bool letters;           /* run --letters: the letters' outputs too */
    int threads;            /* writing: 1 = every output on the calling thread, in order;
                               2 = the workbooks on the calling thread and the other
                               outputs on a second one; 0 = as the environment's
                               PULJE_THREADS says (1 or 2; default 2). Built with
                               PULJE_NO_THREADS (the web build): always 1 */
} run_options;

struct pulje_run;

/* One file a command writes into the output folder: <basename><suffix>
 * (report_basename()). A new output is one writer and one row of
 * run_outputs[]. */
typedef struct run_output {
    const char *name;       /* what it is, for messages and tests: "workbook" */
    const char *suffix;     /* ".xlsx", "-afgoerelser.csv", ... */
    run_command command;    /* the command that writes it: RUN_RUN, RUN_COMPARE or
                               RUN_LETTERS (also by run --letters) */
    /* write the output at path whole (atomic.h); 0, or -1 with err set */
    int (*write)(const struct pulje_run *r, const char *path, char *err, size_t errsz);
    /* whether this run wants it; NULL = always */
    bool (*wanted)(const struct pulje_run *r);
} run_output;

/* The outputs, in the order they are written (and listed as written): the
 * workbook, the decisions CSV, the 360Giving CSV, next year's ledger (when
 * the pool keeps a ledger or binds new multi-year grants); compare's
 * workbook; the 360Giving JSON (run); the letters in one PDF and their
 * mail-merge CSV (letters, run --letters; the folder of one PDF per letter,
 * <base>-breve/, is written after them, letters_pdf.h); the follow-up ledger
 * (run, followup.h). Every one of them is also checked not to be an input. */
enum { RUN_N_OUTPUTS = 10 };
extern const run_output run_outputs[RUN_N_OUTPUTS];

typedef struct pulje_run {
    run_options opt;
    pulje_inputs in;          /* owns the pool, the ledger and the applications */
    digest_list digests;      /* SHA-256 of the input files; in.pool.inputs points here */
    diag_list diags;          /* every problem and warning; in.pool.warnings points here */
    alloc_result result;      /* RUN_RUN, RUN_CHECK, RUN_EXPLAIN: the verified grants */
    compare_result compare;   /* RUN_COMPARE: the verified scenarios */
    explain_text explanation; /* RUN_EXPLAIN: the lines to show */
    bool official;            /* run: the pool's own rule, in Danish: replaces the official names */
    char trial_tag[160];      /* run, a trial: what its names carry ("cea", "en"); "" if official */
    int run_no;               /* run: the number of its run folder (0: none made) */
    char run_dir[4608];       /* run: <out>/<base>/koersel-NNN, holding its outputs and record */
    size_t n_written;         /* files put in place, in run_outputs[] order */
    char written[RUN_N_OUTPUTS + 1][4608]; /* the outputs, and the letters' folder */
    char msg[8192];           /* a fault's or a refusal's sentence ("" = none) */
    char hint[512];           /* how to go on ("" = none) */
    struct diff_since *changes; /* run: the changes since an earlier run (diff_read.h), for
                                 * the workbook's sheet; NULL = none looked for */
    letter_template letter;   /* the letters' template (letters.h), when letters are
                                 written or the pool names one */
    long n_letters;           /* letters: the PDFs in the letters' folder */
} pulje_run;

/* The run folders: <out>/<base>/koersel-001, -002, ... (RUN_DIR_PREFIX and
 * three digits), each with the run's outputs and its record RUN_RECORD
 * (UTF-8 "key: value" lines: run, time, command, official, rule, language,
 * pool, sha256 (one line per input: hex, two blanks, path), the key
 * figures in whole kroner, files). */
#define RUN_DIR_PREFIX "koersel-"
#define RUN_RECORD "koersel.txt"

/**
 * @brief A run with options o (copied; the strings are borrowed and must
 * outlive the run). Nothing is read yet.
 * @return the run, or NULL when memory ran out. Free with pulje_run_free().
 */
pulje_run *pulje_run_new(const run_options *o);

/**
 * @brief Read, validate and compute: everything but writing. For RUN_CHECK
 * and RUN_EXPLAIN that is the whole command.
 * @return PULJE_OK, or the status to exit with (diags and msg say why).
 */
pulje_status pulje_run_prepare(pulje_run *r);

/**
 * @brief After pulje_run_prepare() returned PULJE_OK: write the command's
 * outputs (RUN_RUN: all together or none; RUN_COMPARE: the comparison
 * workbook; else nothing) into a new run folder and under their names, and
 * list them in written.
 * @return PULJE_OK, or PULJE_OUTPUT (msg and hint say why).
 */
pulje_status pulje_run_write(pulje_run *r);

/** @brief pulje_run_prepare(), then pulje_run_write() if it succeeded. */
pulje_status pulje_run_all(pulje_run *r);

/** @brief Free the run and all it owns. Safe on NULL. */
void pulje_run_free(pulje_run *r);

/**
 * @brief The readers and the cross-file validation, as the run calls them:
 * the pool file; when out_dir is not NULL, that it is a folder if it exists
 * and that no output of run_outputs[] there is an input (inputs are sacred:
 * refused before anything else is read); the ledger and the applications;
 * validate_inputs().
 * @return PULJE_OK; PULJE_INPUT (see dl); PULJE_FAULT on out of memory.
 *         Always free in with inputs_free().
 */
pulje_status run_load_inputs(const char *pool_path, const char *out_dir, pulje_inputs *in,
                             diag_list *dl);

#endif
