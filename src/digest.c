/* digest.c - SHA-256 digests of the input files (with Nettle). */
#include "digest.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "text.h"

static void to_hex(const uint8_t *d, size_t n, char *hex)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[2 * n] = '\0';
}

void digest_sha256_hex(const void *data, size_t len, char *hex)
{
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];

    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof d, d);
    to_hex(d, sizeof d, hex);
}

int digest_file_sha256(const char *path, char *hex)
{
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE], buf[65536];
    FILE *f = fopen(path, "rb");
    size_t got;
    int e;

    if (!f)
        return -1;
    sha256_init(&ctx);
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        sha256_update(&ctx, got, buf);
    if (ferror(f)) {
        e = errno ? errno : EIO;
        fclose(f);
        errno = e;
        return -1;
    }
    fclose(f);
    sha256_digest(&ctx, sizeof d, d);
    to_hex(d, sizeof d, hex);
    return 0;
}

int digest_list_add(digest_list *l, const char *path)
{
    input_digest item, *v;

    if (digest_file_sha256(path, item.hex) != 0)
        return -1;
    item.path = text_strndup(path, strlen(path));
    if (!item.path) {
        errno = ENOMEM;
        return -1;
    }
    v = realloc(l->v, (l->n + 1) * sizeof *v);
    if (!v) {
        free(item.path);
        errno = ENOMEM;
        return -1;
    }
    l->v = v;
    l->v[l->n++] = item;
    return 0;
}

const char *digest_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

void digest_list_free(digest_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].path);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}
