/* members.c - Conflicts of interest: the members file read, its ties matched to the applications. */
#include "members.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "text.h"
#include "messages.h"

enum { COL_NAME, COL_ROLE, COL_TIES, COL_ASSESSED };

static const table_column columns[] = {
    {"name", "Navn", {"Medlem", "Name", "Member", NULL}, true, "the member's name"},
    {"role", "Rolle", {"Role", "Funktion", NULL}, true,
     "udvalg (the committee) or indstillingsudvalg (the assessment panel)"},
    {"ties", "Tilknytning", {"Foreninger", "Forening", "Bestyrelsesposter", "Ties", "CVR", NULL},
     false, "associations the member is tied to, by CVR or name, ';'-separated"},
    {"assessed", "Vurderet", {"Vurderede", "Vurderer", "Assessed", NULL}, false,
     "the applications the member assessed: numbers and ranges (1-20), ';' or ','"},
    {NULL, NULL, {NULL}, false, NULL},
};

static const table_spec spec = {columns, MSG_N("member"), MSG_N("members"), true};

/* The roles as written (folded), and the role each means. */
static const struct {
    const char *word;
    member_role role;
} roles[] = {
    {"udvalg", MEMBER_COMMITTEE},          {"udvalget", MEMBER_COMMITTEE},
    {"udvalgsmedlem", MEMBER_COMMITTEE},   {"committee", MEMBER_COMMITTEE},
    {"indstillingsudvalg", MEMBER_PANEL},  {"indstillingsudvalget", MEMBER_PANEL},
    {"panel", MEMBER_PANEL},               {"assessment panel", MEMBER_PANEL},
};

bool members_tie_cvr(const char *tie, char buf[9])
{
    char d[9];
    size_t n = 0;
    const char *s = tie;

    if (!tie)
        return false;
    while (*s == ' ')
        s++;
    if ((s[0] == 'C' || s[0] == 'c') && (s[1] == 'V' || s[1] == 'v') &&
        (s[2] == 'R' || s[2] == 'r'))
        s += 3;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (n == 8)
                return false;
            d[n++] = *s;
        } else if (*s != ' ' && *s != '.' && *s != '-' && *s != ':') {
            return false;
        }
    }
    if (n != 8)
        return false;
    memcpy(buf, d, 8);
    buf[8] = '\0';
    return true;
}

/* Append a copy of s[0..len) to the list *vp of *np (trimmed; empty skipped). 0 or -1. */
static int add_item(char ***vp, size_t *np, const char *s, size_t len)
{
    char *t = text_strndup(s, len), **v;

    if (!t)
        return -1;
    text_trim(t);
    if (!*t) {
        free(t);
        return 0;
    }
    v = realloc(*vp, (*np + 1) * sizeof *v);
    if (!v) {
        free(t);
        return -1;
    }
    *vp = v;
    v[(*np)++] = t;
    return 0;
}

/* A number of digits only (leading zeros allowed), as a long; -1 if not one. */
static long number_of(const char *s, size_t n)
{
    long v = 0;
    while (n > 0 && *s == ' ')
        s++, n--;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n == 0 || n > 9)
        return -1;
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9')
            return -1;
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

bool members_assessed(const member *mb, const char *nr)
{
    long want = nr ? number_of(nr, strlen(nr)) : -1;

    for (size_t k = 0; mb && nr && k < mb->n_assessed; k++) {
        const char *s = mb->assessed[k], *dash = strchr(s, '-');
        if (strcmp(s, nr) == 0)
            return true;
        if (want < 0)
            continue;
        if (dash) {
            long a = number_of(s, (size_t)(dash - s)), b = number_of(dash + 1, strlen(dash + 1));
            if (a >= 0 && b >= 0 && a <= want && want <= b)
                return true;
        } else if (number_of(s, strlen(s)) == want) {
            return true;
        }
    }
    return false;
}

/* Append a copy of s[0..len) to the member's ties (trimmed; empty skipped). 0 or -1. */
static int add_tie(member *mb, const char *s, size_t len)
{
    return add_item(&mb->ties, &mb->n_ties, s, len);
}

static void member_free(member *mb)
{
    free(mb->name);
    for (size_t k = 0; k < mb->n_ties; k++)
        free(mb->ties[k]);
    free(mb->ties);
    for (size_t k = 0; k < mb->n_assessed; k++)
        free(mb->assessed[k]);
    free(mb->assessed);
}

static int on_row(table *t, const table_row *row, void *ctx)
{
    member_list *m = ctx;
    const table_cell *name = row->cell[COL_NAME], *role = row->cell[COL_ROLE],
                     *ties = row->cell[COL_TIES];
    member mb;
    char *fold;
    bool known = false;

    memset(&mb, 0, sizeof mb);
    mb.line = row->line;
    if (!name || name->len == 0) {
        table_note_cell(t, DIAG_ERROR, name, "write the member's name", "the name is empty");
        return 0;
    }
    fold = text_fold(role ? role->s : "");
    if (!fold)
        return -1;
    for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
        if (strcmp(fold, roles[k].word) == 0) {
            mb.role = roles[k].role;
            known = true;
        }
    }
    free(fold);
    if (!known) {
        char shown[TABLE_SHOW_BUFSZ];
        table_note_cell(t, DIAG_ERROR, role,
                        "write udvalg (the committee) or indstillingsudvalg (the assessment "
                        "panel)",
                        "member %s: role \"%s\" is neither udvalg nor indstillingsudvalg",
                        table_show(name->s, shown), role ? role->s : "");
        return 0;
    }
    mb.name = text_strndup(name->s, name->len);
    if (!mb.name)
        return -1;
    if (ties) {
        const char *s = ties->s;
        for (const char *semi; (semi = strchr(s, ';')) != NULL; s = semi + 1) {
            if (add_tie(&mb, s, (size_t)(semi - s)) != 0)
                goto oom;
        }
        if (add_tie(&mb, s, strlen(s)) != 0)
            goto oom;
    }
    if (row->cell[COL_ASSESSED]) {
        const char *s = row->cell[COL_ASSESSED]->s;
        for (size_t n; *s; s += n + (s[n] ? 1 : 0)) {
            n = strcspn(s, ";,");
            if (add_item(&mb.assessed, &mb.n_assessed, s, n) != 0)
                goto oom;
        }
    }
    {
        member *v = realloc(m->v, (m->n + 1) * sizeof *v);
        if (!v)
            goto oom;
        m->v = v;
        v[m->n++] = mb;
    }
    return 0;
oom:
    member_free(&mb);
    return -1;
}

int members_read(const char *data, size_t len, const char *name, member_list *out,
                 diag_list *dl)
{
    memset(out, 0, sizeof *out);
    return table_read(&spec, data, len, name, &out->file, on_row, out, dl);
}

void members_free(member_list *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        member_free(&m->v[i]);
    free(m->v);
    free(m->file);
    memset(m, 0, sizeof *m);
}

int members_conflicts(const member_list *m, const app_list *apps, member_conflict **out,
                      size_t *n)
{
    char **folds = NULL;
    member_conflict *v = NULL;
    size_t nv = 0, cap = 0;
    int rc = -1;

    *out = NULL;
    *n = 0;
    if (!m || !apps || m->n == 0 || apps->n == 0)
        return 0;
    folds = calloc(apps->n, sizeof *folds);
    if (!folds)
        return -1;
    for (size_t i = 0; i < apps->n; i++) {
        folds[i] = text_fold_name(apps->v[i].association ? apps->v[i].association : "");
        if (!folds[i])
            goto done;
    }
    for (size_t k = 0; k < m->n; k++) {
        const member *mb = &m->v[k];
        for (size_t i = 0; i < apps->n; i++) {
            for (size_t t = 0; t < mb->n_ties; t++) {
                char cvr[9];
                bool by_cvr = members_tie_cvr(mb->ties[t], cvr), hit;
                if (by_cvr) {
                    hit = apps->v[i].cvr && strcmp(apps->v[i].cvr, cvr) == 0;
                } else {
                    char *f = text_fold_name(mb->ties[t]);
                    if (!f)
                        goto done;
                    hit = *f && strcmp(f, folds[i]) == 0;
                    free(f);
                }
                if (!hit)
                    continue;
                if (nv == cap) {
                    size_t nc = cap ? 2 * cap : 8;
                    member_conflict *nvv = realloc(v, nc * sizeof *nvv);
                    if (!nvv)
                        goto done;
                    v = nvv;
                    cap = nc;
                }
                v[nv++] = (member_conflict){k, i, t, by_cvr};
                break; /* each pair once */
            }
        }
    }
    rc = 0;
done:
    for (size_t i = 0; i < apps->n; i++)
        free(folds[i]);
    free(folds);
    if (rc != 0) {
        free(v);
        return rc;
    }
    *out = v;
    *n = nv;
    return 0;
}

char *members_path(const pool *p)
{
    const char *slash = p->file ? strrchr(p->file, '/') : NULL;
    size_t dir, n;
    char *path;

    if (!p || !p->members)
        return NULL;
    n = strlen(p->members);
    if (p->members[0] == '/' || !slash)
        return text_strndup(p->members, n);
    dir = (size_t)(slash - p->file) + 1;
    path = malloc(dir + n + 1);
    if (!path)
        return NULL;
    memcpy(path, p->file, dir);
    memcpy(path + dir, p->members, n + 1);
    return path;
}

/* The most applications one warning names before "and N more". */
#define NAMED_MAX 10

static void warn_member(const member_list *m, const app_list *apps, const member_conflict *c,
                        size_t nc, diag_list *dl)
{
    const member *mb = &m->v[c[0].member];
    char list[4096];
    size_t len = 0;

    list[0] = '\0';
    for (size_t j = 0; j < nc && j < NAMED_MAX; j++) {
        const app *a = &apps->v[c[j].app];
        int w = c[j].by_cvr ? snprintf(list + len, sizeof list - len, msg_tr("%snr. %s %s (CVR %s)"),
                                       j ? "; " : "", a->nr ? a->nr : "",
                                       a->association ? a->association : "",
                                       a->cvr ? a->cvr : "")
                            : snprintf(list + len, sizeof list - len, msg_tr("%snr. %s %s (by name)"),
                                       j ? "; " : "", a->nr ? a->nr : "",
                                       a->association ? a->association : "");
        if (w < 0 || (size_t)w >= sizeof list - len) {
            len = strlen(list);
            break;
        }
        len += (size_t)w;
    }
    if (nc > NAMED_MAX)
        snprintf(list + len, sizeof list - len, msg_tr("; and %zu more"), nc - NAMED_MAX);
    diag_add(dl, DIAG_WARNING, m->file, mb->line, 0,
             "the member leaves the meeting while these applications are dealt with "
             "(forvaltningsloven § 3), and assesses none of them",
             "%s (%s) is tied to %zu application%s and must not take part in %s: %s",
             mb->name, mb->role == MEMBER_PANEL ? "indstillingsudvalg" : "udvalg", nc,
             nc == 1 ? "" : "s", nc == 1 ? msg_tr("it") : msg_tr("them"), list);
}

int members_check(const pool *p, const app_list *apps, diag_list *dl)
{
    member_list m;
    member_conflict *c = NULL;
    size_t nc = 0;
    char *path;
    int rc;

    if (!p || !p->members)
        return 0;
    path = members_path(p);
    if (!path)
        return -2;
    rc = members_read(NULL, 0, path, &m, dl);
    free(path);
    if (rc != 0) {
        members_free(&m);
        return dl->oom ? -2 : -1;
    }
    if (members_conflicts(&m, apps, &c, &nc) != 0) {
        members_free(&m);
        return -2;
    }
    for (size_t j = 0; j < nc;) {
        size_t e = j;
        while (e < nc && c[e].member == c[j].member)
            e++;
        warn_member(&m, apps, &c[j], e - j, dl);
        j = e;
    }
    /* a member who assessed an application they are tied to */
    for (size_t j = 0; j < nc; j++) {
        const member *mb = &m.v[c[j].member];
        const app *a = &apps->v[c[j].app];
        if (!members_assessed(mb, a->nr))
            continue;
        diag_add(dl, DIAG_WARNING, m.file, mb->line, 0,
                 "let another panel member assess the application again and write that in "
                 "the Vurderet column (forvaltningsloven § 3)",
                 "%s (%s) assessed nr. %s %s, an application %s is tied to (%s%s)", mb->name,
                 mb->role == MEMBER_PANEL ? "indstillingsudvalg" : "udvalg", a->nr ? a->nr : "",
                 a->association ? a->association : "", mb->name,
                 c[j].by_cvr ? "CVR " : "by name", c[j].by_cvr && a->cvr ? a->cvr : "");
    }
    free(c);
    members_free(&m);
    return 0;
}
