/* test_badinputs.c - Every bad or awkward input fixture, run through check and run.
 *
 * A fixture is a folder tests/data/bad/<name>/ holding `pool.ini`, the files
 * it references, and `expect`:
 *
 *   line 1     the exit code both `pulje check` and `pulje run` must give;
 *              "C R" when they differ by nature (an output-side fault: check
 *              writes nothing, so it cannot meet it)
 *   lines 2..  substrings that must all appear on standard error (of both;
 *              of run alone when the codes differ)
 *
 * and optionally `setup`, a shell script run (with sh, in the copy) before
 * the commands, for what git cannot hold (a FIFO, a sparse 600 MiB file, a
 * hard link between an output and an input), and `prefix`, one line of
 * shell put before each command ("ulimit -f 16;"), and `lang`, holding "da"
 * when the substrings are Danish: the commands then run without --lang (the
 * default language); all other fixtures run with --lang en.
 *
 * Each fixture is copied to a fresh temporary folder; every file in it is
 * hashed; `pulje check pool.ini --out <tmp>/out` and `pulje run pool.ini
 * --out <tmp>/out` are run in it. Asserted: both exit codes, the substrings,
 * no input changed (the same files with the same hashes afterwards), and on
 * a refusal (exit code not 0) nothing written at all: the folder holds
 * exactly what it held before. Never a staging folder or temporary file
 * left behind. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIXTURES "tests/data/bad"
#define MAX_ENTRIES 256

/* One entry of a folder tree: its path below the root and a digest of it. */
typedef struct entry {
    char path[512];
    uint64_t digest;
} entry;

typedef struct tree {
    entry v[MAX_ENTRIES];
    size_t n;
} tree;

static char prog[PATH_MAX];

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) {
        h ^= c[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* A digest of what is at path without following links or opening special
 * files (a FIFO would block): the type, and the bytes of a regular file
 * (above 16 MiB its size and modification time, for the sparse giants),
 * the target of a link. */
static uint64_t digest_of(const char *path, const struct stat *st)
{
    uint64_t h = fnv(0xcbf29ce484222325ull, &st->st_mode, sizeof st->st_mode);
    if (S_ISLNK(st->st_mode)) {
        char t[PATH_MAX];
        ssize_t n = readlink(path, t, sizeof t);
        return n > 0 ? fnv(h, t, (size_t)n) : h;
    }
    if (!S_ISREG(st->st_mode))
        return h;
    if (st->st_size > (16 << 20)) {
        h = fnv(h, &st->st_size, sizeof st->st_size);
        return fnv(h, &st->st_mtim, sizeof st->st_mtim);
    }
    FILE *f = fopen(path, "rb");
    char buf[65536];
    size_t got;
    assert_non_null(f);
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        h = fnv(h, buf, got);
    fclose(f);
    return h;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

static void walk(const char *root, const char *below, tree *t)
{
    char dir[PATH_MAX];
    DIR *d;
    struct dirent *e;

    snprintf(dir, sizeof dir, "%s%s%s", root, *below ? "/" : "", below);
    d = opendir(dir);
    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        char rel[512], full[PATH_MAX];
        struct stat st;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(rel, sizeof rel, "%s%s%s", below, *below ? "/" : "", e->d_name);
        snprintf(full, sizeof full, "%s/%s", root, rel);
        assert_int_equal(lstat(full, &st), 0);
        assert_true(t->n < MAX_ENTRIES);
        snprintf(t->v[t->n].path, sizeof t->v[t->n].path, "%s", rel);
        t->v[t->n].digest = digest_of(full, &st);
        t->n++;
        if (S_ISDIR(st.st_mode))
            walk(root, rel, t);
    }
    closedir(d);
}

static void snapshot(const char *root, tree *t)
{
    t->n = 0;
    walk(root, "", t);
    qsort(t->v, t->n, sizeof t->v[0], cmp_entry);
}

/* The entry for path in t, or NULL. */
static const entry *lookup(const tree *t, const char *path)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->v[i].path, path) == 0)
            return &t->v[i];
    return NULL;
}

/* Read a small file into buf ("" when absent). */
static void slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;
    buf[0] = '\0';
    if (!f)
        return;
    n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
}

typedef struct expect {
    int code[2];          /* check, run */
    char want[16][256];   /* substrings of standard error */
    size_t n_want;
} expect;

static void read_expect(const char *dir, expect *x)
{
    char path[PATH_MAX + 16], text[8192], *line, *save = NULL;
    int first = 1;

    snprintf(path, sizeof path, "%s/expect", dir);
    slurp(path, text, sizeof text);
    if (!text[0])
        fail_msg("%s: no expect file", dir);
    memset(x, 0, sizeof *x);
    for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (first) {
            int n = sscanf(line, "%d %d", &x->code[0], &x->code[1]);
            if (n < 1)
                fail_msg("%s: the first line of expect is not an exit code", dir);
            if (n == 1)
                x->code[1] = x->code[0];
            first = 0;
        } else if (len) {
            assert_true(x->n_want < 16);
            snprintf(x->want[x->n_want++], sizeof x->want[0], "%s", line);
        }
    }
}

/* Nothing but the command's own outputs may appear, and no input change:
 * every entry of before is in after with the same digest; on a refusal
 * after holds nothing more. Never a staging folder or a temporary file. */
static void assert_untouched(const char *name, const char *cmd, const tree *before,
                             const tree *after, int refused)
{
    for (size_t i = 0; i < before->n; i++) {
        const entry *e = lookup(after, before->v[i].path);
        if (!e)
            fail_msg("%s: %s removed %s", name, cmd, before->v[i].path);
        if (e->digest != before->v[i].digest && strncmp(e->path, "out", 3) != 0)
            fail_msg("%s: %s changed the input %s", name, cmd, e->path);
        if (e->digest != before->v[i].digest && refused)
            fail_msg("%s: %s refused but changed %s", name, cmd, e->path);
    }
    for (size_t i = 0; i < after->n; i++) {
        const char *p = after->v[i].path, *base = strrchr(p, '/');
        base = base ? base + 1 : p;
        if (strncmp(base, ".pulje-", 7) == 0 || (base[0] == '.' && strchr(base + 1, '.')))
            fail_msg("%s: %s left a temporary %s", name, cmd, p);
        if (refused && !lookup(before, p))
            fail_msg("%s: %s refused but wrote %s", name, cmd, p);
    }
}

/* Run one command of one fixture; returns its exit code, stderr in err. */
static int run_cmd(const char *tmp, const char *prefix, const char *cmd, const char *lang,
                   char *err, size_t size)
{
    char line[PATH_MAX * 3 + 256];
    snprintf(line, sizeof line,
             "cd '%s' && %s '%s' %s pool.ini --out '%s/out'%s 2>&1 >/dev/null", tmp, prefix,
             prog, cmd, tmp, lang);
    return test_run(line, err, size);
}

/* Run one fixture; returns 1 if it failed (after a message), 0 if it passed. */
static void run_fixture(const char *name)
{
    char src[PATH_MAX], tmp[] = "/tmp/pulje-bad-XXXXXX", cmd[PATH_MAX * 2 + 64],
         prefix[512], out[1 << 16], setup[PATH_MAX], lang[16];
    static tree before, after;
    expect x;
    static const char *const cmds[2] = {"check", "run"};

    snprintf(src, sizeof src, FIXTURES "/%s", name);
    read_expect(src, &x);
    assert_non_null(mkdtemp(tmp));
    snprintf(cmd, sizeof cmd, "cp -R '%s/.' '%s/'", src, tmp);
    assert_int_equal(system(cmd), 0);
    snprintf(setup, sizeof setup, "%s/setup", tmp);
    if (access(setup, F_OK) == 0) {
        snprintf(cmd, sizeof cmd, "cd '%s' && sh ./setup >/dev/null 2>&1", tmp);
        if (system(cmd) != 0)
            fail_msg("%s: setup failed", name);
    }
    snprintf(cmd, sizeof cmd, "%s/prefix", tmp);
    slurp(cmd, prefix, sizeof prefix);
    prefix[strcspn(prefix, "\r\n")] = '\0';
    snprintf(cmd, sizeof cmd, "%s/lang", src);
    slurp(cmd, lang, sizeof lang);
    lang[strcspn(lang, "\r\n")] = '\0';
    const char *lang_opt = strcmp(lang, "da") == 0 ? "" : " --lang en";

    snapshot(tmp, &before);
    for (int k = 0; k < 2; k++) {
        int rc = run_cmd(tmp, prefix, cmds[k], lang_opt, out, sizeof out);
        if (rc != x.code[k]) {
            print_message("%s: pulje %s exited %d, expected %d; stderr:\n%s\n", name, cmds[k],
                          rc, x.code[k], out);
            fail();
        }
        for (size_t w = 0; (x.code[0] == x.code[1] || k == 1) && w < x.n_want; w++)
            if (!strstr(out, x.want[w])) {
                print_message("%s: pulje %s: \"%s\" not on stderr:\n%s\n", name, cmds[k],
                              x.want[w], out);
                fail();
            }
        snapshot(tmp, &after);
        assert_untouched(name, cmds[k], &before, &after, rc != 0);
    }
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", tmp, tmp);
    assert_int_equal(system(cmd), 0);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_every_bad_input_fixture(void **state)
{
    (void)state;
    DIR *d = opendir(FIXTURES);
    struct dirent *e;
    char *names[1024];
    size_t n = 0;

    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        char p[PATH_MAX];
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof p, FIXTURES "/%s", e->d_name);
        if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        assert_true(n < 1024);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp_str);
    for (size_t i = 0; i < n; i++) {
        run_fixture(names[i]);
        free(names[i]);
    }
    print_message("%zu bad-input fixtures passed\n", n);
    assert_true(n >= 60);
}

int main(void)
{
    char rel[PATH_MAX];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_bad_input_fixture),
    };

    snprintf(rel, sizeof rel, "%s/pulje", test_build_dir());
    if (!realpath(rel, prog)) {
        fprintf(stderr, "cannot find %s: %s\n", rel, strerror(errno));
        return 1;
    }
    return cmocka_run_group_tests(tests, NULL, NULL);
}
