/* fsutil.h - The few file-system steps the run folder needs (fsutil.c).
 * Each keeps to POSIX; none prints. */
#ifndef PULJE_FSUTIL_H
#define PULJE_FSUTIL_H

#include <stddef.h>

/**
 * @brief Make folder dir unless it is one already (*made = 1 when this call
 * made it; made may be NULL). Another process making it at the same moment
 * is fine as long as it is a folder. @return 0, or -1 with errno set.
 */
int fs_ensure_dir(const char *dir, int *made);

/** @brief buf = a "/" b. @return 0, or -1 (errno ENAMETOOLONG) when it does not fit. */
int fs_join(char *buf, size_t size, const char *a, const char *b);

/** @brief Remove folder dir and the files in it (files only). Keeps errno. */
void fs_remove_folder(const char *dir);

/** @brief fsync folder dir, so that renames in it are durable. @return 0, or -1. */
int fs_sync_folder(const char *dir);

/** @brief Copy file src to dst, a new name (refused when dst exists), synced. @return 0, or -1. */
int fs_copy_file(const char *src, const char *dst);

#endif
