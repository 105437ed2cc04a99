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

#include <stddef.h>
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

/**
 * @brief atomic_begin(), a failure explained in err: "cannot create a
 * temporary file next to <final_path>: <reason>".
 * @return 0, or -1 with err set (nothing left behind).
 */
int atomic_begin_err(atomic_file *af, const char *final_path, int open_stream, char *err,
                     size_t errsz);

/**
 * @brief atomic_commit(), a failure explained in err: "cannot write <path>:
 * <reason>", or "wrote <path> but could not sync its folder: <reason>" when
 * the new file is in place all the same.
 * @param path  The final name, for the message (atomic_commit releases af's copy).
 * @return 0, or -1 with err set.
 */
int atomic_commit_err(atomic_file *af, const char *path, char *err, size_t errsz);

/**
 * @brief Writes the contents of a file for atomic_write().
 * @return 0, or -1: with err set, or with err left "" for atomic_write() to
 *         say "cannot write <path>: <errno, or EIO when errno is 0>".
 */
typedef int (*atomic_put_fn)(FILE *fp, void *ctx, char *err, size_t errsz);

/**
 * @brief Write path whole or not at all: atomic_begin_err() with a stream,
 * put, a check of the stream's error flag, atomic_commit_err().
 *
 * @code
 * static int put_text(FILE *fp, void *ctx, char *err, size_t errsz)
 * {
 *     (void)err; (void)errsz;
 *     return fputs(ctx, fp) == EOF ? -1 : 0;
 * }
 * ...
 * if (atomic_write("pulje.ini", put_text, text, err, sizeof err) != 0)
 *     return -1; // err says why; pulje.ini is as it was
 * @endcode
 * @return 0, or -1 with err set. The final name is untouched after a
 *         failure, except when only the folder sync failed (err says so).
 */
int atomic_write(const char *path, atomic_put_fn put, void *ctx, char *err, size_t errsz);

/**
 * @brief Files committed into folder `dir` skip the fsync of that folder
 * after their rename: for a private staging folder whose entries the caller
 * makes durable with one fsync of the folder (fs_sync_folder) before it uses
 * them, instead of one per file. The files' own contents are still synced.
 * NULL (the default) syncs the folder at every commit. Set it before any
 * thread commits files and reset it after they are done: it is read without
 * a lock. The string must outlive the setting.
 */
void atomic_defer_folder_sync(const char *dir);

#endif
