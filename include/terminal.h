/* terminal.h - What the command line shows, written to the stream it gives.
 *
 * The help text, the diagnostics (sorted; warnings begin with "advarsel:",
 * "warning:" with --lang en), the summary of a run's figures, the inputs'
 * digests and a comparison's table, in the language chosen (labels.h).
 * Nothing here picks a stream, reads a clock or exits: main.c decides. */
#ifndef PULJE_TERMINAL_H
#define PULJE_TERMINAL_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "alloc.h"
#include "compare.h"
#include "diag.h"
#include "digest.h"
#include "history.h"
#include "pool.h"

/** @brief The --help text. */
void terminal_usage(FILE *f);

/** @brief Every diagnostic, sorted (dl is sorted in place): warnings too. */
void terminal_diags(FILE *f, diag_list *dl);

/** @brief The number of warnings in dl. This function can't fail. */
size_t terminal_count_warnings(const diag_list *dl);

/** @brief The run's key figures (keyfigures.h, those the terminal shows):
 * the pool's name, then the money, the applications and the multi-year
 * grants, each group under its heading, one figure a line, labels padded to
 * the longest, amounts right-aligned with their unit. */
void terminal_summary(FILE *f, const pool *p, const alloc_result *r);

/** @brief The inputs' SHA-256 digests, as sha256sum prints them. */
void terminal_digests(FILE *f, const digest_list *dg);

/** @brief One line per scenario of a comparison. */
void terminal_compare(FILE *f, const compare_result *c);

/** @brief The runs kept for pool p in home (history_load()), one line each
 * with its time, kind, rule and key figures. */
void terminal_history(FILE *f, const pool *p, const char *home, const history *h);

/** @brief Whether word is one of pulje's commands (the one list the hints name too). */
bool terminal_is_command(const char *word);

/** @brief "pulje: unknown command 'rnu'" and a hint with the closest command
 * (text_suggest(): "did you mean run?") and the list of commands
 * (terminal_hint.c). */
void terminal_unknown_command(FILE *f, const char *word);

/** @brief The hint after getopt's own words on a bad option arg: the closest
 * of longopts by text_suggest() ("did you mean --rule?") when arg is a
 * mistyped long option, else "see pulje --help" (terminal_hint.c). */
void terminal_option_hint(FILE *f, const struct option *longopts, const char *arg);

/** @brief terminal_diags() on dl's entries from index from on: those not yet
 * printed (the warnings before a summary were printed then). The entries
 * printed are sorted in place; the others are left as they are. */
void terminal_diags_from(FILE *f, diag_list *dl, size_t from);

#endif
