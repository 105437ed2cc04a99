/* atomic.c - Whole-or-nothing file writes: temporary file, fsync, rename, folder fsync. */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

/* The file name part of path: everything after the last '/'. */
static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The folder of path as a malloc'ed string: "a/b/c" -> "a/b", "c" -> ".",
 * "/c" -> "/". NULL on out of memory (errno ENOMEM). */
static char *dir_of(const char *path)
{
    const char *base = base_of(path);
    size_t n = (size_t)(base - path);
    char *dir;

    if (n == 0)
        return strdup(".");
    if (n > 1)
        n--; /* drop the '/' before the name, unless it is the root */
    dir = malloc(n + 1);
    if (!dir) {
        errno = ENOMEM;
        return NULL;
    }
    memcpy(dir, path, n);
    dir[n] = '\0';
    return dir;
}

/* The permissions for the new file: those of the file it replaces, or
 * 0666 less the umask. This function can't fail. */
static mode_t new_file_mode(const char *final_path)
{
    struct stat st;
    mode_t mask;

    if (stat(final_path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 0777;
#ifdef __EMSCRIPTEN__
    /* Emscripten's umask() answers 0777 (its in-memory file system has no umask), which
     * would make the file unwritable: the usual 0022 */
    (void)mask;
    return 0644;
#endif
    mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* fsync the folder that holds path, so that a rename in it is durable.
 * Folders whose file system cannot sync them (EINVAL) count as synced.
 * Returns 0 or -1 with errno. */
static int sync_dir(const char *path)
{
    char *dir = dir_of(path);
    int fd, rc = 0, e = 0;

    if (!dir)
        return -1;
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0)
        return -1;
    if (fsync(fd) != 0 && errno != EINVAL) {
        e = errno;
        rc = -1;
    }
    if (close(fd) != 0 && rc == 0) {
        e = errno;
        rc = -1;
    }
    if (rc != 0)
        errno = e;
    return rc;
}

int atomic_begin(atomic_file *af, const char *final_path, int open_stream)
{
    const char *base;
    size_t dirlen, size;
    int fd, e;

    memset(af, 0, sizeof *af);
    if (!final_path || !*final_path) {
        errno = EINVAL;
        return -1;
    }
    base = base_of(final_path);
    if (!*base) {
        errno = EISDIR;
        return -1;
    }
    dirlen = (size_t)(base - final_path);
    size = dirlen + strlen(base) + sizeof "..XXXXXX";
    af->tmp_path = malloc(size);
    af->final_path = strdup(final_path);
    if (!af->tmp_path || !af->final_path) {
        free(af->tmp_path);
        free(af->final_path);
        memset(af, 0, sizeof *af);
        errno = ENOMEM;
        return -1;
    }
    memcpy(af->tmp_path, final_path, dirlen);
    af->tmp_path[dirlen] = '.';
    strcpy(af->tmp_path + dirlen + 1, base);
    strcat(af->tmp_path, ".XXXXXX");

    fd = mkstemp(af->tmp_path);
    if (fd < 0) {
        e = errno;
        free(af->tmp_path);
        free(af->final_path);
        memset(af, 0, sizeof *af);
        errno = e;
        return -1;
    }
    if (fchmod(fd, new_file_mode(final_path)) != 0)
        goto fail_fd;
    if (open_stream) {
        af->fp = fdopen(fd, "wb");
        if (!af->fp)
            goto fail_fd;
    } else if (close(fd) != 0) {
        atomic_abort(af);
        return -1;
    }
    return 0;

fail_fd:
    e = errno;
    close(fd);
    atomic_abort(af);
    errno = e;
    return -1;
}

/* Flush and sync the temporary file and close it. Returns 0 or -1 with errno. */
static int sync_tmp(atomic_file *af)
{
    int fd, e;

    if (af->fp) {
        FILE *fp = af->fp;
        af->fp = NULL;
        if (fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
            e = errno;
            fclose(fp);
            errno = e;
            return -1;
        }
        if (ferror(fp)) { /* an earlier write failed; errno may be long gone */
            fclose(fp);
            errno = EIO;
            return -1;
        }
        return fclose(fp) == 0 ? 0 : -1;
    }
    fd = open(af->tmp_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (fsync(fd) != 0) {
        e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return close(fd) == 0 ? 0 : -1;
}

static const char *deferred_folder;

void atomic_defer_folder_sync(const char *dir)
{
    deferred_folder = dir;
}

/* Whether path's folder is the one whose sync the caller does itself. */
static int folder_deferred(const char *path)
{
    char *dir;
    int same;

    if (!deferred_folder)
        return 0;
    dir = dir_of(path);
    same = dir && strcmp(dir, deferred_folder) == 0;
    free(dir);
    return same;
}

int atomic_commit(atomic_file *af)
{
    int rc, e;

    if (!af || !af->tmp_path || !af->final_path) {
        errno = EINVAL;
        return -1;
    }
    if (sync_tmp(af) != 0 || rename(af->tmp_path, af->final_path) != 0) {
        atomic_abort(af);
        return -1;
    }
    /* The temporary name is gone: from here on there is nothing to remove. */
    free(af->tmp_path);
    af->tmp_path = NULL;
    af->renamed = 1;
    rc = folder_deferred(af->final_path) ? 0 : sync_dir(af->final_path);
    e = errno;
    free(af->final_path);
    af->final_path = NULL;
    errno = e;
    return rc;
}

void atomic_abort(atomic_file *af)
{
    int e = errno;

    if (!af)
        return;
    if (af->fp) {
        fclose(af->fp);
        af->fp = NULL;
    }
    if (af->tmp_path) {
        unlink(af->tmp_path);
        free(af->tmp_path);
        af->tmp_path = NULL;
    }
    free(af->final_path);
    af->final_path = NULL;
    errno = e;
}

int atomic_begin_err(atomic_file *af, const char *final_path, int open_stream, char *err,
                     size_t errsz)
{
    if (atomic_begin(af, final_path, open_stream) == 0)
        return 0;
    text_set_err(err, errsz, "cannot create a temporary file next to %s: %s", final_path,
                 strerror(errno));
    return -1;
}

int atomic_commit_err(atomic_file *af, const char *path, char *err, size_t errsz)
{
    if (atomic_commit(af) == 0)
        return 0;
    text_set_err(err, errsz,
                 af->renamed ? "wrote %s but could not sync its folder: %s"
                             : "cannot write %s: %s",
                 path, strerror(errno));
    return -1;
}

int atomic_write(const char *path, atomic_put_fn put, void *ctx, char *err, size_t errsz)
{
    atomic_file af;
    int failed;

    if (atomic_begin_err(&af, path, 1, err, errsz) != 0)
        return -1;
    if (err && errsz)
        err[0] = '\0';
    errno = 0;
    /* the stream's lock held once for the whole file: put writes it a
     * character at a time, and once a second thread runs (run.c) every
     * fputc would otherwise take and give back the lock (15 % of a run) */
    flockfile(af.fp);
    failed = put(af.fp, ctx, err, errsz) != 0;
    funlockfile(af.fp);
    if (failed || ferror(af.fp)) {
        if (err && errsz && !err[0])
            text_set_err(err, errsz, "cannot write %s: %s", path,
                         strerror(errno ? errno : EIO));
        atomic_abort(&af);
        return -1;
    }
    return atomic_commit_err(&af, path, err, errsz);
}
