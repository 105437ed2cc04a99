/* inputs.h - Everything a run reads, loaded and checked in one call.
 *
 * The pool file, then its ledger (whose commitments become this year's
 * reservation lines), then the applications with the pool's earmark
 * columns; then the checks that need more than one file: supplements asked
 * without the required criteria, and applicants holding a running
 * multi-year grant. Every problem goes to the diagnostics list. */
#ifndef PULJE_INPUTS_H
#define PULJE_INPUTS_H

#include "apps.h"
#include "diag.h"
#include "ledger.h"
#include "pool.h"

typedef struct pulje_inputs {
    pool pool;          /* pool.commitments points at ledger below when there is one */
    ledger ledger;
    app_list apps;
    char *apps_path;    /* resolved against the pool file's folder */
    char *ledger_path;  /* NULL when the pool keeps no ledger */
} pulje_inputs;

typedef enum { INPUTS_OK = 0, INPUTS_BAD = -1, INPUTS_NOMEM = -2 } inputs_status;

/**
 * @brief Load and check the inputs of a pool file.
 *
 * The struct must stay where it is while in use (the pool points into it).
 * @return INPUTS_OK; INPUTS_BAD if a problem was found (see dl); INPUTS_NOMEM.
 *         Always free with inputs_free().
 */
inputs_status inputs_load(const char *pool_path, pulje_inputs *in, diag_list *dl);

/**
 * @brief inputs_load(), and first, right after the pool file: inputs are
 * sacred. When out_dir is not NULL, none of the files a run or compare
 * would write there (inputs_output_suffixes) may be an input
 * (inputs_check_outputs()), and out_dir must be a folder if it exists; else
 * INPUTS_BAD before the ledger or the applications are read.
 */
inputs_status inputs_load_for(const char *pool_path, const char *out_dir, pulje_inputs *in,
                              diag_list *dl);

/* The files a run writes into its output folder, <basename><suffix>
 * (report_basename()), in the order run writes them: the workbook, the
 * decisions CSV, the 360Giving CSV, next year's ledger; then compare's
 * workbook. */
enum { INPUTS_N_OUTPUTS = 5 };
extern const char *const inputs_output_suffixes[INPUTS_N_OUTPUTS];

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
