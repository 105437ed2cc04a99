/* atomic.h - Write a file so that it appears whole or not at all.
 *
 * Output goes to a temporary file "<dir>/.<name>.XXXXXX" in the same folder
 * as the final name; on commit it is flushed, synced and renamed over the
 * final name, and the folder is synced. On abort (or any error before the
 * rename) the temporary file is removed and the final name is untouched.
 *
 * The new file gets the permissions of the file it replaces, or 0666 less
 * the umask when there is none (read with umask(), so not thread-safe). */
#ifndef PULJE_ATOMIC_H
#define PULJE_ATOMIC_H

#include <stdio.h>

typedef struct atomic_file {
    char *final_path;
    char *tmp_path;
    FILE *fp;          /* open for writing, or NULL if the writer opens tmp_path itself */
    int renamed;       /* set by atomic_commit() once the new file is in place */
} atomic_file;

/**
 * @brief Create the temporary file next to final_path.
 * @param open_stream  non-zero: af->fp is open for writing; zero: the file is
 *                     created empty and closed (for libraries that open by name).
 * @return 0 on success; -1 with errno set (nothing left behind). Either way
 *         af is initialised, so atomic_abort(af) is safe afterwards.
 */
int atomic_begin(atomic_file *af, const char *final_path, int open_stream);

/**
 * @brief Flush, fsync, close and rename into place, then fsync the folder.
 *
 * Returns 0 or -1 with errno. Any failure before the rename removes the
 * temporary file and leaves the final name untouched (af->renamed is 0). If
 * only the folder sync fails, the new file is already in place (af->renamed
 * is 1) but may not survive a crash; -1 is still returned. af is released
 * either way; atomic_abort(af) afterwards is a no-op.
 */
int atomic_commit(atomic_file *af);

/**
 * @brief Remove the temporary file and free; the final file is untouched.
 * Safe to call twice, and after atomic_commit(). Keeps errno.
 */
void atomic_abort(atomic_file *af);

#endif
