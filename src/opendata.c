/* opendata.c - The decided grants as open data, in the 360Giving Standard's CSV layout. */
#include "opendata.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "atomic.h"
#include "labels.h"
#include "money.h"
#include "reasons.h"
#include "report.h"
#include "table.h"
#include "text.h"

/* The column titles of 360Giving's flat template, in the order written. */
static const char *const columns[] = {
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Award Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Planned Dates:Start Date",
    "Planned Dates:End Date",
    "Planned Dates:Duration (months)",
};

static const char *str(const char *s)
{
    return s ? s : "";
}

char *opendata_slug(const char *name, char *buf, size_t size)
{
    return text_slug(name, buf, size);
}

/* One field, preceded by ',' unless first, quoted as RFC 4180 says, and
 * neutralised against formula injection like every CSV pulje writes
 * (table_write_field: an apostrophe before a leading = + - @ TAB or CR):
 * a title "=HYPERLINK(...)" opened in a spreadsheet must stay text.
 * Returns 0 or -1. */
static int field(FILE *fp, const char *s, int first)
{
    return table_write_field(fp, s, ',', first != 0, true);
}

pulje_kr opendata_supplements(const alloc_result *r, size_t i)
{
    pulje_kr s = 0;

    if (!r || i >= r->n || !r->em.lines || r->em.n_apps != r->n)
        return 0;
    for (size_t k = 0; k < r->em.n_earmarks; k++)
        s += r->em.lines[k * r->em.n_apps + i].grant;
    return s;
}

pulje_kr opendata_award(const alloc_result *r, size_t i)
{
    if (!r || i >= r->n || !r->lines)
        return 0;
    return r->lines[i].grant * (pulje_kr)(r->lines[i].years > 0 ? r->lines[i].years : 1) +
           opendata_supplements(r, i);
}

char *opendata_reason(const pool *p, const app *a, const alloc_line *l, char *buf, size_t size)
{
    char m[MONEY_BUFSZ];
    size_t n;

    if (!buf || size == 0)
        return buf;
    buf[0] = '\0';
    if (!p || !a || !l)
        return buf;
    if (l->grant <= 0) {
        switch (l->why) {
        case ALLOC_REFUSE_HOLDER:
            label_format(buf, size, L_EX_WHY_HOLDER);
            break;
        case ALLOC_REFUSE_MIN_GRANT:
            label_format(buf, size, L_EX_WHY_MIN, money_format_text(p->rule.min_grant, m));
            break;
        case ALLOC_REFUSE_ROUNDED:
            label_format(buf, size, l->share_num == 0 ? L_EX_WHY_RULE : L_EX_WHY_ROUNDED);
            break;
        case ALLOC_REFUSE_PANEL:
        case ALLOC_REFUSE_NONE:
        default:
            if (a->refusal && a->refusal[0])
                snprintf(buf, size, "%s", a->refusal);
            else
                label_format(buf, size, L_EX_WHY_ZERO);
            break;
        }
        return buf;
    }
    if (l->capped)
        label_format(buf, size, L_WHY_CAPPED, money_format_text(p->rule.max_grant, m));
    else
        label_format(buf, size, l->reduced ? L_WHY_REDUCED : L_WHY_FULL);
    n = strlen(buf);
    if (l->years_asked > 1 && n + 2 < size) {
        snprintf(buf + n, size - n, "; ");
        label_format(buf + n + 2, size - n - 2, reason_my_status_label(l->my),
                     p->min_active_years);
    }
    return buf;
}

/* An 8-digit CVR number. */
static int is_cvr(const char *cvr)
{
    if (!cvr || strlen(cvr) != 8)
        return 0;
    for (int k = 0; k < 8; k++) {
        if (cvr[k] < '0' || cvr[k] > '9')
            return 0;
    }
    return 1;
}

/* What every row shares: prefix, base name, funder, award date. */
typedef struct common {
    const char *prefix;
    char base[256];
    char funder_id[512];
    const char *funder_name;
    const char *date;
} common;

/* The grant's identifier, recipient identifier and description. */
static void grant_texts(const pool *p, const common *c, const app *a, const alloc_line *l,
                        char *id, size_t idsz, char *recipient, size_t rsz, char *desc,
                        size_t dsz)
{
    char slug[256], per_year[MONEY_BUFSZ];
    int years = l->years > 0 ? l->years : 1;

    snprintf(id, idsz, "%s-%s-%s", c->prefix, c->base, str(a->nr));
    if (is_cvr(a->cvr))
        snprintf(recipient, rsz, "DK-CVR-%s", a->cvr);
    else
        snprintf(recipient, rsz, "%s-%s", c->prefix,
                 opendata_slug(a->association, slug, sizeof slug));
    if (years > 1)
        label_format(desc, dsz, L_OD_DESCRIPTION_MY, str(p->name), p->year,
                     money_format_text(l->grant, per_year), years);
    else
        label_format(desc, dsz, L_OD_DESCRIPTION, str(p->name), p->year);
}

static int write_row(FILE *fp, const pool *p, const common *c, const app *a,
                     const alloc_line *l, pulje_kr award)
{
    char id[512], recipient[512], desc[1024], amount[32], start[32], end[32];
    char months[16];
    int years = l->years > 0 ? l->years : 1;

    grant_texts(p, c, a, l, id, sizeof id, recipient, sizeof recipient, desc, sizeof desc);
    snprintf(amount, sizeof amount, "%" PRId64, award);
    snprintf(start, sizeof start, "%04d-01-01", p->year);
    snprintf(end, sizeof end, "%04d-12-31", p->year + years - 1);
    snprintf(months, sizeof months, "%d", 12 * years);

    if (field(fp, id, 1) || field(fp, a->activity, 0) || field(fp, desc, 0) ||
        field(fp, "DKK", 0) || field(fp, amount, 0) || field(fp, c->date, 0) ||
        field(fp, recipient, 0) || field(fp, a->association, 0) ||
        field(fp, c->funder_id, 0) || field(fp, c->funder_name, 0) || field(fp, start, 0) ||
        field(fp, end, 0) || field(fp, months, 0) || fputs("\r\n", fp) == EOF)
        return -1;
    return 0;
}

/* Check the arguments and fill c. 0, or -1 with err set. */
static int setup(FILE *fp, const pool *p, const app_list *apps, const alloc_result *r,
                 common *c, char *err, size_t errsz)
{
    char slug[256];

    if (!fp || !p || !apps || !r || r->n != apps->n || (r->n && (!r->lines || !apps->v))) {
        text_set_err(err, errsz, "internal error: the result does not belong to the applications");
        return -1;
    }
    if (!p->decision_date || !*p->decision_date) {
        text_set_err(err, errsz,
                     "%s: the 360Giving export needs decision_date in [pool] (the award date)",
                     str(p->file));
        return -1;
    }
    memset(c, 0, sizeof *c);
    c->prefix = p->id_prefix ? p->id_prefix : OPENDATA_DEFAULT_PREFIX;
    report_basename(p, c->base, sizeof c->base);
    c->funder_name = p->org_name ? p->org_name : p->committee ? p->committee : str(p->name);
    if (p->org_id)
        snprintf(c->funder_id, sizeof c->funder_id, "%s", p->org_id);
    else
        snprintf(c->funder_id, sizeof c->funder_id, "%s-%s", c->prefix,
                 opendata_slug(c->funder_name, slug, sizeof slug));
    c->date = p->decision_date;
    return 0;
}

int opendata_write_360giving_stream(FILE *fp, const pool *p, const app_list *apps,
                                    const alloc_result *r, char *err, size_t errsz)
{
    common c;

    if (setup(fp, p, apps, r, &c, err, errsz) != 0)
        return -1;
    errno = 0;
    for (size_t k = 0; k < sizeof columns / sizeof columns[0]; k++) {
        if (field(fp, columns[k], k == 0) != 0)
            goto write_error;
    }
    if (fputs("\r\n", fp) == EOF)
        goto write_error;
    for (size_t i = 0; i < r->n; i++) {
        pulje_kr award = opendata_award(r, i);
        if ((r->lines[i].grant > 0 || award > 0) &&
            write_row(fp, p, &c, &apps->v[i], &r->lines[i], award) != 0)
            goto write_error;
    }
    if (ferror(fp))
        goto write_error;
    return 0;

write_error:
    text_set_err(err, errsz, "cannot write the 360Giving CSV: %s", strerror(errno ? errno : EIO));
    return -1;
}

/* ---- JSON ------------------------------------------------------------- */

/* A JSON string: '"', '\\' and control characters escaped; UTF-8 as it is.
 * A character at a time without taking the stream's lock each time: a
 * stream is written by one thread only (atomic_write() holds its lock). */
static void json_str(FILE *fp, const char *s)
{
    putc_unlocked('"', fp);
    for (const unsigned char *u = (const unsigned char *)str(s); *u; u++) {
        if (*u == '"' || *u == '\\')
            fprintf(fp, "\\%c", *u);
        else if (*u == '\n')
            fputs("\\n", fp);
        else if (*u < 0x20 || *u == 0x7F)
            fprintf(fp, "\\u%04x", *u);
        else
            putc_unlocked(*u, fp);
    }
    putc_unlocked('"', fp);
}

/* "key": "value" with a leading ",\n" unless first, indented. */
static void json_kv(FILE *fp, int indent, const char *key, const char *value, int first)
{
    fprintf(fp, "%s%*s\"%s\": ", first ? "" : ",\n", indent, "", key);
    json_str(fp, value);
}

static void json_org(FILE *fp, const char *key, const char *id, const char *name)
{
    fprintf(fp, ",\n      \"%s\": [{\"id\": ", key);
    json_str(fp, id);
    fputs(", \"name\": ", fp);
    json_str(fp, name);
    fputs("}]", fp);
}

static void json_grant(FILE *fp, const pool *p, const common *c, const app *a,
                       const alloc_line *l, pulje_kr award, pulje_kr supplements)
{
    char id[512], recipient[512], desc[1024], tx[1024], m[MONEY_BUFSZ];
    int years = l->years > 0 ? l->years : 1;

    grant_texts(p, c, a, l, id, sizeof id, recipient, sizeof recipient, desc, sizeof desc);
    fputs("    {\n", fp);
    json_kv(fp, 6, "id", id, 1);
    json_kv(fp, 6, "title", a->activity, 0);
    json_kv(fp, 6, "description", desc, 0);
    json_kv(fp, 6, "currency", "DKK", 0);
    fprintf(fp, ",\n      \"amountAwarded\": %" PRId64, award);
    json_kv(fp, 6, "awardDate", c->date, 0);
    json_org(fp, "recipientOrganization", recipient, a->association);
    json_org(fp, "fundingOrganization", c->funder_id, c->funder_name);
    fprintf(fp, ",\n      \"plannedDates\": [{\"startDate\": \"%04d-01-01\", "
                "\"endDate\": \"%04d-12-31\", \"duration\": %d}]",
            p->year, p->year + years - 1, 12 * years);
    fputs(",\n      \"commitmentTransaction\": [", fp);
    for (int y = 0; y < years; y++) {
        char txid[600], date[32];
        pulje_kr value = l->grant + (y == 0 ? supplements : 0);
        snprintf(txid, sizeof txid, "%s-%04d", id, p->year + y);
        snprintf(date, sizeof date, "%04d-01-01", p->year + y);
        if (y == 0 && supplements > 0)
            label_format(tx, sizeof tx, L_OD_TX_YEAR_SUPP, p->year + y,
                         money_format_text(supplements, m));
        else
            label_format(tx, sizeof tx, L_OD_TX_YEAR, p->year + y);
        fputs(y ? ",\n        {" : "\n        {", fp);
        json_kv(fp, 0, "id", txid, 1);
        fputs(", ", fp);
        json_kv(fp, 0, "transactionDate", date, 1);
        fputs(", ", fp);
        json_kv(fp, 0, "currency", "DKK", 1);
        fprintf(fp, ", \"value\": %" PRId64 ", ", value);
        json_kv(fp, 0, "description", tx, 1);
        fputc('}', fp);
    }
    fputs("\n      ]\n    }", fp);
}

int opendata_write_360giving_json_stream(FILE *fp, const pool *p, const app_list *apps,
                                         const alloc_result *r, char *err, size_t errsz)
{
    common c;
    int first = 1;

    if (setup(fp, p, apps, r, &c, err, errsz) != 0)
        return -1;
    errno = 0;
    fputs("{\n  \"grants\": [", fp);
    for (size_t i = 0; i < r->n; i++) {
        pulje_kr award = opendata_award(r, i);
        if (r->lines[i].grant <= 0 && award <= 0)
            continue;
        fputs(first ? "\n" : ",\n", fp);
        first = 0;
        json_grant(fp, p, &c, &apps->v[i], &r->lines[i], award, opendata_supplements(r, i));
    }
    fputs(first ? "]\n}\n" : "\n  ]\n}\n", fp);
    if (ferror(fp)) {
        text_set_err(err, errsz, "cannot write the 360Giving JSON: %s",
                     strerror(errno ? errno : EIO));
        return -1;
    }
    return 0;
}

/* What put_360giving writes. */
typedef struct export {
    const pool *p;
    const app_list *apps;
    const alloc_result *r;
} export;

/* The 360Giving CSV; an atomic_put_fn. */
static int put_360giving(FILE *fp, void *ctx, char *err, size_t errsz)
{
    const export *x = ctx;
    return opendata_write_360giving_stream(fp, x->p, x->apps, x->r, err, errsz);
}

int opendata_write_360giving(const char *path, const pool *p, const app_list *apps,
                             const alloc_result *r, char *err, size_t errsz)
{
    export x = {p, apps, r};
    return atomic_write(path, put_360giving, &x, err, errsz);
}

/* The 360Giving JSON; an atomic_put_fn. */
static int put_360giving_json(FILE *fp, void *ctx, char *err, size_t errsz)
{
    const export *x = ctx;
    return opendata_write_360giving_json_stream(fp, x->p, x->apps, x->r, err, errsz);
}

int opendata_write_360giving_json(const char *path, const pool *p, const app_list *apps,
                                  const alloc_result *r, char *err, size_t errsz)
{
    export x = {p, apps, r};
    return atomic_write(path, put_360giving_json, &x, err, errsz);
}
