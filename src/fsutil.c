/* fsutil.c - The few file-system steps the run folder needs: make a folder,
 * join a path, remove a staging folder, sync a folder, copy a file. */
#include "fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Make the output folder if it does not exist (*made set when this call
 * made it; may be NULL). Another run making it at the same moment (EEXIST)
 * is fine as long as it is a folder. */
int fs_ensure_dir(const char *dir, int *made)
{
    struct stat st;
    if (made)
        *made = 0;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
    if (mkdir(dir, 0777) == 0) {
        if (made)
            *made = 1;
        return 0;
    }
    if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return 0;
    return -1;
}

/* buf = a "/" b; -1 (ENAMETOOLONG) when it does not fit. */
int fs_join(char *buf, size_t size, const char *a, const char *b)
{
    if ((size_t)snprintf(buf, size, "%s/%s", a, b) >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

/* Remove a staging folder and whatever is in it (files only: the writers
 * put nothing else there). Keeps errno. */
void fs_remove_folder(const char *dir)
{
    int e = errno;
    DIR *d = opendir(dir);
    struct dirent *ent;
    char path[4096];

    if (d) {
        while ((ent = readdir(d)) != NULL) {
            if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
                continue;
            if (fs_join(path, sizeof path, dir, ent->d_name) == 0)
                unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
    errno = e;
}

/* fsync a folder, so that renames in it are durable (EINVAL: cannot be synced). */
int fs_sync_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;
    if (fd < 0)
        return -1;
    rc = fsync(fd) == 0 || errno == EINVAL ? 0 : -1;
    close(fd);
    return rc;
}

/* Copy the file src to dst (a new name), for a folder without hard links. */
int fs_copy_file(const char *src, const char *dst)
{
    FILE *in = fopen(src, "rb"), *out;
    char buf[65536];
    size_t n;
    int rc = 0;

    if (!in)
        return -1;
    out = fopen(dst, "wbx");
    if (!out) {
        fclose(in);
        return -1;
    }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            rc = -1;
    if (ferror(in))
        rc = -1;
    fclose(in);
    if (fflush(out) != 0 || fsync(fileno(out)) != 0)
        rc = -1;
    if (fclose(out) != 0)
        rc = -1;
    return rc;
}
