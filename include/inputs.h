/* inputs.h - The readers of a run: every input file, each checked on its own.
 *
 * The pool file first (inputs_read_pool), then its ledger, whose rows the
 * pool's commitments point at, and the applications with the pool's earmark
 * columns (inputs_read_files). Each reader checks its own file; the checks
 * that need more than one file are the next step (validate.h), and the run
 * (run.h) calls both. Every problem goes to the diagnostics list. */
#ifndef PULJE_INPUTS_H
#define PULJE_INPUTS_H

#include "apps.h"
#include "diag.h"
#include "ledger.h"
#include "pool.h"
#include "status.h"

/* Owns everything read; pool.commitments points at ledger below when there
 * is one, so the struct must stay where it is while in use (the run holds it). */
typedef struct pulje_inputs {
    pool pool;          /* pool.commitments points at ledger below when there is one */
    ledger ledger;
    app_list apps;
    char *apps_path;    /* resolved against the pool file's folder */
    char *ledger_path;  /* NULL when the pool keeps no ledger */
    char *members_path; /* NULL when the pool names no members file */
    char *letter_path;  /* [pool] letter, the letters' template; NULL = none */
    char *followup_path;/* [pool] followup, last round's follow-up ledger; NULL = none */
} pulje_inputs;

/* The input files of a run, in this order: the pool file, the applications,
 * the ledger, the members file, the letters' template, the follow-up ledger. */
#define INPUTS_N_FILES 6

/** @brief What each of the INPUTS_N_FILES inputs is, for messages ("the ledger"). */
extern const char *const inputs_file_what[INPUTS_N_FILES];

/**
 * @brief The run's input files in the order above, the absent ones NULL:
 * the one list that the digests, the "no output is an input" check and the
 * staged writes all use. This function can't fail.
 */
void inputs_files(const pulje_inputs *in, const char *paths[INPUTS_N_FILES]);

/**
 * @brief Read the pool file (a regular file of at most INPUTS_MAX_BYTES)
 * and resolve the paths of the applications and the ledger.
 * @return PULJE_OK; PULJE_INPUT (see dl); PULJE_FAULT on out of memory.
 *         Always free with inputs_free().
 */
pulje_status inputs_read_pool(const char *pool_path, pulje_inputs *in, diag_list *dl);

/**
 * @brief After inputs_read_pool(): read the ledger, if the pool names one
 * (and check its plausibility; pool.commitments then points at it), and the
 * applications.
 * @return PULJE_OK; PULJE_INPUT (see dl); PULJE_FAULT on out of memory.
 */
pulje_status inputs_read_files(pulje_inputs *in, diag_list *dl);

/**
 * @brief The output folder, when it exists, must be a folder.
 * @return 0, or -1 after an error.
 */
int inputs_check_out_dir(const char *out_dir, diag_list *dl);

/** @brief Free everything; the struct is zeroed. Safe on a zeroed struct. */
void inputs_free(pulje_inputs *in);

/* The largest input file pulje reads (pool file, applications, ledger): 512 MiB,
 * as for an .xlsx. A bigger file, or one that is not a regular file (a FIFO,
 * /dev/zero), is an error before it is read. */
#define INPUTS_MAX_BYTES (512ull << 20)

/**
 * @brief Inputs are sacred: no path in outputs (the files a run would write)
 * may resolve to an input file (the pool file, the applications, the
 * ledger), compared by device and inode, so that links and other spellings
 * of a name count. Paths that do not exist yet are fine.
 * @return 0, or -1 after an error for each clash.
 */
int inputs_check_outputs(const pulje_inputs *in, const char *const *outputs, size_t n_outputs,
                         diag_list *dl);

/**
 * @brief The ledger is never silently empty. For a pool with a [multiyear]
 * section or an application asking for more than one year, whose ledger is
 * missing or reserves nothing for the pool's year: an error for each file
 * "...-forpligtelser.csv" (what run writes) beside the pool file, beside the
 * ledger or in out_dir (may be NULL) that holds commitments for the year;
 * without such a file, a warning (L_WARN_NO_LEDGER: "Ingen tidligere
 * forpligtelser er reserveret for 2024 – er det rigtigt?").
 * @return 0, or -1 after an error.
 */
int inputs_check_ledger(const pulje_inputs *in, const char *out_dir, diag_list *dl);

#endif
