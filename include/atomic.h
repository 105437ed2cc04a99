/* atomic.h - Write a file so that it appears whole or not at all.
 *
 * Output goes to a temporary file in the same folder; on commit it is
 * flushed, synced and renamed over the final name. On abort (or any error)
 * the temporary file is removed and the final name is untouched. */
#ifndef PULJE_ATOMIC_H
#define PULJE_ATOMIC_H

#include <stdio.h>

typedef struct atomic_file {
    char *final_path;
    char *tmp_path;
    FILE *fp;          /* open for writing, or NULL if the writer opens tmp_path itself */
} atomic_file;

/**
 * @brief Create the temporary file next to final_path.
 * @param open_stream  non-zero: af->fp is open for writing; zero: the file is
 *                     created empty and closed (for libraries that open by name).
 * @return 0 on success; -1 with errno set (nothing left behind).
 */
int atomic_begin(atomic_file *af, const char *final_path, int open_stream);

/** @brief Flush, fsync, close and rename into place. Returns 0 or -1 with errno (temp removed). */
int atomic_commit(atomic_file *af);

/** @brief Remove the temporary file and free; the final file is untouched. Safe to call twice. */
void atomic_abort(atomic_file *af);

#endif
