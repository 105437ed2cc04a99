/* init_cmd.h - `pulje init` on the command line (init_cmd.c). */
#ifndef PULJE_INIT_CMD_H
#define PULJE_INIT_CMD_H

/**
 * @brief pulje init FOLDER [--year YEAR] [--from LAST-POOL [-o DIR]]: write a
 * new pool folder (year 0: next year by the clock), or with from next year's
 * round from last year's pool file and its outputs in out_dir (NULL: the
 * pool's default). Prints what was written and what to edit unless quiet.
 * @return the exit code: 0, 2 (bad input), 3 (cannot write), 4 (out of memory).
 */
int init_command(const char *folder, const char *from, const char *out_dir, int year,
                 int quiet);

#endif
