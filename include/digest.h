/* digest.h - SHA-256 digests of the input files, so a decision can be traced to its inputs.
 *
 * The command line digests the pool file, the applications and the ledger
 * (when the pool names one), prints the digests, and the workbook stores
 * them as custom document properties ("Input: pulje-2023.ini" =
 * "sha256:<64 hex digits>"). The hashing is Nettle's (Debian's nettle-dev),
 * not our own. Printed digests equal what `sha256sum FILE` prints. */
#ifndef PULJE_DIGEST_H
#define PULJE_DIGEST_H

#include <stddef.h>

/* Hex digits of a SHA-256 digest, without the NUL. */
#define DIGEST_HEX_LEN 64

typedef struct input_digest {
    char *path;                      /* the file as it was named */
    char hex[DIGEST_HEX_LEN + 1];    /* SHA-256, lower-case hex, NUL-terminated */
} input_digest;

typedef struct digest_list {
    input_digest *v;
    size_t n;
} digest_list;

/**
 * @brief SHA-256 of len bytes as lower-case hex into hex (65 bytes with the NUL).
 * This function can't fail.
 *
 * @code
 * char hex[DIGEST_HEX_LEN + 1];
 * digest_sha256_hex("abc", 3, hex);  // "ba7816bf8f01cfea..."
 * @endcode
 */
void digest_sha256_hex(const void *data, size_t len, char *hex);

/**
 * @brief SHA-256 of a file's bytes (read in blocks, never held whole).
 * @return 0, or -1 with errno set (hex untouched).
 */
int digest_file_sha256(const char *path, char *hex);

/**
 * @brief Digest the file at path and append it to l (path is copied).
 * @return 0, or -1 with errno set (l unaltered).
 */
int digest_list_add(digest_list *l, const char *path);

/** @brief The file name part of a path ("inputs/pulje-2023.ini" -> "pulje-2023.ini"). */
const char *digest_basename(const char *path);

/** @brief Free everything; the list is empty afterwards. Safe on a zeroed list. */
void digest_list_free(digest_list *l);

#endif
