/* xlsxread.c - The first sheet of an .xlsx workbook as ';'-separated text: the
 * zip container read with libzip, its XML parts with expat. */
#include "xlsxread.h"

#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* Bytes unpacked and handed to expat at a time. */
#define CHUNK 65536

/* The longest part name followed; relationship targets are short. */
#define PART_MAX 1024

/* Numbers with more digits or a larger exponent are kept as written. */
#define NUM_MAX_DIGITS 64
#define NUM_MAX_EXP 400
#define NUM_BUFSZ (NUM_MAX_DIGITS + NUM_MAX_EXP + 8)

/* A growing byte buffer, kept NUL-terminated. */
typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

/* A reading in progress. */
typedef struct xr {
    zip_t *za;
    size_t limit;
    xlsxread_error err;  /* the first error; XLSXREAD_OK while none */
    char *detail;
    size_t detailsz;
    XML_Parser parser;   /* the part being parsed; NULL between parts */
    const char *part;    /* its name */
    bool collect;        /* character data goes to text */
    buf text;            /* the character data of the value being read */
    buf sst;             /* the shared strings, each NUL-terminated, one after another */
    size_t *sst_off;     /* where each starts in sst */
    size_t sst_n, sst_cap;
    buf field;           /* one value, decoded */
    buf out;             /* the text being made */

    /* styles: the number format of each cell style, and the custom formats */
    unsigned *xf_fmt;    /* numFmtId of cellXfs entry i */
    size_t xf_n, xf_cap;
    unsigned *fmt_id;    /* custom number formats: id and code */
    char **fmt_code;
    size_t fmt_n, fmt_cap;
    /* the typed cells found */
    xlsxread_cell *cells;
    size_t cells_n, cells_cap;
} xr;

/* Record the first error (printf format for the detail) and stop the parser. */
static void fail(xr *x, xlsxread_error e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(xr *x, xlsxread_error e, const char *fmt, ...)
{
    va_list ap;

    if (x->err != XLSXREAD_OK)
        return;
    x->err = e;
    if (x->detail && x->detailsz) {
        va_start(ap, fmt);
        vsnprintf(x->detail, x->detailsz, fmt, ap);
        va_end(ap);
    }
    if (x->parser)
        XML_StopParser(x->parser, XML_FALSE);
}

const char *xlsxread_strerror(xlsxread_error e)
{
    switch (e) {
    case XLSXREAD_OK: return "no error";
    case XLSXREAD_ERR_NOMEM: return "out of memory";
    case XLSXREAD_ERR_OPEN: return "the file cannot be opened";
    case XLSXREAD_ERR_NOT_ZIP: return "the file is not an Excel workbook (.xlsx)";
    case XLSXREAD_ERR_DAMAGED: return "the workbook is damaged";
    case XLSXREAD_ERR_NO_WORKBOOK: return "the file holds no workbook with a sheet";
    case XLSXREAD_ERR_NO_SHEET: return "the workbook's first sheet cannot be read";
    case XLSXREAD_ERR_XML: return "a part of the workbook is not well-formed XML";
    case XLSXREAD_ERR_CONTENT: return "the first sheet is not laid out as Excel writes it";
    case XLSXREAD_ERR_TOO_BIG: return "the workbook is too large to read";
    case XLSXREAD_ERR_ENCRYPTED: return "the workbook is encrypted (saved with a password)";
    case XLSXREAD_ERR_NO_SUCH_SHEET: return "the workbook has no sheet of that name";
    }
    return "unknown error";
}

bool xlsxread_is_xlsx_name(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    return n >= 5 && strcasecmp(name + n - 5, ".xlsx") == 0;
}

/* ---------------------------------------------------------------------------
 * Buffers.
 * ------------------------------------------------------------------------- */

/* Make room for more bytes and a NUL in b. False (the error recorded) when
 * out of memory or when b would pass the limit. */
static bool buf_room(xr *x, buf *b, size_t more)
{
    size_t need, cap;
    char *p;

    if (more > x->limit || b->n > x->limit - more) {
        fail(x, XLSXREAD_ERR_TOO_BIG, "%s: the text passes the limit of %zu bytes",
             x->part ? x->part : "the sheet", x->limit);
        return false;
    }
    need = b->n + more + 1;
    if (need <= b->cap)
        return true;
    cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = realloc(b->p, cap);
    if (!p) {
        fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part ? x->part : "the sheet");
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

/* Append n bytes of s. False on error (recorded). */
static bool buf_add(xr *x, buf *b, const char *s, size_t n)
{
    if (!buf_room(x, b, n))
        return false;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return true;
}

/* Append c count times. False on error (recorded). */
static bool buf_fill(xr *x, buf *b, char c, size_t count)
{
    if (!buf_room(x, b, count))
        return false;
    memset(b->p + b->n, c, count);
    b->n += count;
    b->p[b->n] = '\0';
    return true;
}

/* ---------------------------------------------------------------------------
 * XML helpers. The parsers are namespace-aware with '|' as separator, so an
 * element arrives as "uri|local" whatever prefix the file uses.
 * ------------------------------------------------------------------------- */

static const char *local(const XML_Char *name)
{
    const char *s = strrchr(name, '|');
    return s ? s + 1 : name;
}

static bool is(const XML_Char *name, const char *want)
{
    return strcmp(local(name), want) == 0;
}

/* The value of the attribute with local name want, in some namespace when ns
 * is true, in none otherwise; NULL when there is none. */
static const char *attr(const XML_Char **atts, const char *want, bool ns)
{
    for (size_t i = 0; atts[i]; i += 2) {
        bool has_ns = strchr(atts[i], '|') != NULL;
        if (has_ns == ns && strcmp(local(atts[i]), want) == 0)
            return atts[i + 1];
    }
    return NULL;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Every handler's user data starts with the reading. */
static xr *reading(void *ud)
{
    return *(xr **)ud;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    xr *x = reading(ud);
    if (x->collect && len > 0)
        buf_add(x, &x->text, s, (size_t)len);
}

/* Workbooks never have a DOCTYPE; refusing it means no entity can expand. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
    xr *x = reading(ud);
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    fail(x, XLSXREAD_ERR_XML, "%s line %llu: a DOCTYPE, which a workbook part never has",
         x->part, (unsigned long long)XML_GetCurrentLineNumber(x->parser));
}

/* The index of part name in the archive (names compared ignoring case, as
 * the package format says), or -1 if there is none. */
static zip_int64_t find_part(xr *x, const char *name)
{
    return zip_name_locate(x->za, name, ZIP_FL_NOCASE);
}

/* Unpack part idx in chunks and feed it to a new parser with the handlers
 * given; ud's first member is x. Errors are recorded in x. */
static void parse_part(xr *x, zip_int64_t idx, const char *name, XML_StartElementHandler start,
                       XML_EndElementHandler end, void *ud)
{
    zip_stat_t st;
    zip_file_t *zf;
    XML_Parser p;
    zip_uint64_t total = 0;

    zip_stat_init(&st);
    if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &st) != 0) {
        fail(x, XLSXREAD_ERR_DAMAGED, "%s: %s", name, zip_strerror(x->za));
        return;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > x->limit) {
        fail(x, XLSXREAD_ERR_TOO_BIG, "%s unpacks to %llu bytes, more than the limit of %zu",
             name, (unsigned long long)st.size, x->limit);
        return;
    }
    zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0);
    if (!zf) {
        bool nomem = zip_error_code_zip(zip_get_error(x->za)) == ZIP_ER_MEMORY;
        fail(x, nomem ? XLSXREAD_ERR_NOMEM : XLSXREAD_ERR_DAMAGED, "cannot unpack %s: %s", name,
             zip_strerror(x->za));
        return;
    }
    p = XML_ParserCreateNS(NULL, '|');
    if (!p) {
        zip_fclose(zf);
        fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", name);
        return;
    }
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, on_text);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    x->parser = p;
    x->part = name;
    x->collect = false;
    for (;;) {
        void *b = XML_GetBuffer(p, CHUNK);
        zip_int64_t got;
        if (!b) {
            fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", name);
            break;
        }
        got = zip_fread(zf, b, CHUNK);
        if (got < 0) {
            fail(x, XLSXREAD_ERR_DAMAGED, "cannot unpack %s: %s", name, zip_file_strerror(zf));
            break;
        }
        total += (zip_uint64_t)got;
        if (total > x->limit) {
            fail(x, XLSXREAD_ERR_TOO_BIG, "%s unpacks to more than the limit of %zu bytes", name,
                 x->limit);
            break;
        }
        if (XML_ParseBuffer(p, (int)got, got == 0) != XML_STATUS_OK) {
            fail(x, XLSXREAD_ERR_XML, "%s line %llu, column %llu: %s", name,
                 (unsigned long long)XML_GetCurrentLineNumber(p),
                 (unsigned long long)XML_GetCurrentColumnNumber(p) + 1,
                 XML_ErrorString(XML_GetErrorCode(p)));
            break;
        }
        if (x->err != XLSXREAD_OK || got == 0)
            break;
    }
    x->parser = NULL;
    x->collect = false;
    XML_ParserFree(p);
    if (zip_fclose(zf) != 0)
        fail(x, XLSXREAD_ERR_DAMAGED, "cannot unpack %s", name);
}

/* The part a relationship target names, seen from part `from`: relative to
 * from's folder unless it starts with '/', "." and ".." resolved
 * ("worksheets/sheet1.xml" from "xl/workbook.xml" is
 * "xl/worksheets/sheet1.xml"). False when too long or outside the archive. */
static bool resolve(const char *from, const char *target, char out[PART_MAX])
{
    char tmp[PART_MAX];
    const char *slash = strrchr(from, '/');
    size_t dir = target[0] == '/' ? 0 : slash ? (size_t)(slash - from) + 1 : 0;
    size_t n = 0;

    if (dir + strlen(target) >= PART_MAX)
        return false;
    memcpy(tmp, from, dir);
    strcpy(tmp + dir, target);
    out[0] = '\0';
    for (char *seg = tmp, *next; seg; seg = next) {
        size_t len;
        next = strchr(seg, '/');
        if (next)
            *next++ = '\0';
        len = strlen(seg);
        if (len == 0 || strcmp(seg, ".") == 0)
            continue;
        if (strcmp(seg, "..") == 0) {
            if (n == 0)
                return false;
            while (n > 0 && out[n - 1] != '/')
                n--;
            n = n > 0 ? n - 1 : 0;
            out[n] = '\0';
            continue;
        }
        if (n)
            out[n++] = '/';
        memcpy(out + n, seg, len + 1);
        n += len;
    }
    return n > 0;
}

/* ---------------------------------------------------------------------------
 * Relationships (_rels/.rels, xl/_rels/workbook.xml.rels).
 * ------------------------------------------------------------------------- */

enum { REL_OFFICE, REL_SST, REL_WANTED, REL_STYLES, REL__COUNT };

typedef struct rels_reader {
    xr *x;
    const char *want_id;      /* the Id looked for, or NULL */
    char *target[REL__COUNT]; /* malloc'ed, or NULL when not found */
    char *wanted_type;        /* the type of the relationship with want_id */
} rels_reader;

/* Keep a copy of s in *slot unless it is set. False when out of memory. */
static bool keep(xr *x, char **slot, const char *s)
{
    if (*slot)
        return true;
    *slot = strdup(s);
    if (!*slot)
        fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
    return *slot != NULL;
}

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    rels_reader *r = ud;
    const char *id, *type, *target, *mode;

    if (!is(name, "Relationship"))
        return;
    id = attr(atts, "Id", false);
    type = attr(atts, "Type", false);
    target = attr(atts, "Target", false);
    mode = attr(atts, "TargetMode", false);
    if (!target || !type || (mode && strcmp(mode, "External") == 0))
        return;
    if (ends_with(type, "/officeDocument"))
        keep(r->x, &r->target[REL_OFFICE], target);
    if (ends_with(type, "/sharedStrings"))
        keep(r->x, &r->target[REL_SST], target);
    if (ends_with(type, "/styles"))
        keep(r->x, &r->target[REL_STYLES], target);
    if (r->want_id && id && strcmp(id, r->want_id) == 0 && !r->target[REL_WANTED]) {
        if (keep(r->x, &r->target[REL_WANTED], target))
            keep(r->x, &r->wanted_type, type);
    }
}

static void rels_free(rels_reader *r)
{
    for (int k = 0; k < REL__COUNT; k++)
        free(r->target[k]);
    free(r->wanted_type);
}

/* The relationships part of a part: "xl/workbook.xml" ->
 * "xl/_rels/workbook.xml.rels". False when too long. */
static bool rels_name(const char *part, char out[PART_MAX])
{
    const char *slash = strrchr(part, '/');
    int dir = slash ? (int)(slash - part) + 1 : 0;
    int n = snprintf(out, PART_MAX, "%.*s_rels/%s.rels", dir, part, part + dir);
    return n > 0 && n < PART_MAX;
}

/* Read the relationships of part `of` into r (r->x and r->want_id set).
 * False when the part does not exist (nothing recorded) or on an error. */
static bool read_rels(xr *x, const char *of, rels_reader *r)
{
    char name[PART_MAX];
    zip_int64_t idx;

    if (!rels_name(of, name) || (idx = find_part(x, name)) < 0)
        return false;
    parse_part(x, idx, name, rels_start, NULL, r);
    return x->err == XLSXREAD_OK;
}

/* ---------------------------------------------------------------------------
 * The workbook: the r:id of its first sheet.
 * ------------------------------------------------------------------------- */

typedef struct book_reader {
    xr *x;
    bool in_sheets;
    bool seen;  /* the first <sheet> has been met */
    char *rid;  /* its r:id, malloc'ed; NULL when it has none */
    char **names, **rids; /* every sheet's name and r:id ("" when none), malloc'ed */
    size_t n, cap;
} book_reader;

static void XMLCALL book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    book_reader *b = ud;
    const char *id;

    if (is(name, "sheets")) {
        b->in_sheets = true;
    } else if (b->in_sheets && is(name, "sheet")) {
        const char *nm = attr(atts, "name", false);
        id = attr(atts, "id", true);
        if (!b->seen && id)
            keep(b->x, &b->rid, id);
        b->seen = true;
        if (b->n == b->cap) {
            size_t cap = b->cap ? b->cap * 2 : 8;
            char **n1 = realloc(b->names, cap * sizeof *n1), **n2;
            if (n1)
                b->names = n1;
            n2 = n1 ? realloc(b->rids, cap * sizeof *n2) : NULL;
            if (!n1 || !n2) {
                fail(b->x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", b->x->part);
                return;
            }
            b->rids = n2;
            b->cap = cap;
        }
        b->names[b->n] = strdup(nm ? nm : "");
        b->rids[b->n] = strdup(id ? id : "");
        if (!b->names[b->n] || !b->rids[b->n]) {
            free(b->names[b->n]);
            free(b->rids[b->n]);
            fail(b->x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", b->x->part);
            return;
        }
        b->n++;
    }
}

static void XMLCALL book_end(void *ud, const XML_Char *name)
{
    book_reader *b = ud;
    if (is(name, "sheets"))
        b->in_sheets = false;
}

/* ---------------------------------------------------------------------------
 * The shared strings: each <si>'s text, rich text runs joined, phonetic
 * guides (<rPh>) left out.
 * ------------------------------------------------------------------------- */

typedef struct sst_reader {
    xr *x;
    bool in_si;
    unsigned t, rph; /* open <t> and <rPh> elements */
} sst_reader;

/* Append a shared string. False on error (recorded). */
static bool sst_push(xr *x, const char *s, size_t n)
{
    if (x->sst_n == x->sst_cap) {
        size_t cap = x->sst_cap ? x->sst_cap * 2 : 256;
        size_t *v;
        if (cap > x->limit / sizeof *v) {
            fail(x, XLSXREAD_ERR_TOO_BIG, "%s: too many shared strings", x->part);
            return false;
        }
        v = realloc(x->sst_off, cap * sizeof *v);
        if (!v) {
            fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
            return false;
        }
        x->sst_off = v;
        x->sst_cap = cap;
    }
    x->sst_off[x->sst_n] = x->sst.n;
    if (!buf_add(x, &x->sst, s, n) || !buf_add(x, &x->sst, "", 1))
        return false;
    x->sst_n++;
    return true;
}

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    sst_reader *r = ud;
    (void)atts;

    if (is(name, "si")) {
        r->in_si = true;
        r->t = r->rph = 0;
        r->x->text.n = 0;
    } else if (r->in_si && is(name, "t")) {
        r->t++;
    } else if (r->in_si && is(name, "rPh")) {
        r->rph++;
    }
    r->x->collect = r->in_si && r->t > 0 && r->rph == 0;
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
    sst_reader *r = ud;
    xr *x = r->x;

    if (!r->in_si)
        return;
    if (is(name, "si")) {
        r->in_si = false;
        sst_push(x, x->text.p ? x->text.p : "", x->text.n);
    } else if (is(name, "t") && r->t > 0) {
        r->t--;
    } else if (is(name, "rPh") && r->rph > 0) {
        r->rph--;
    }
    x->collect = r->in_si && r->t > 0 && r->rph == 0;
}

/* ---------------------------------------------------------------------------
 * The styles: which number format each cell style (cellXfs) has, and the
 * custom formats' codes, so that a number shown as a date, a time or a
 * percentage can be told from an amount.
 * ------------------------------------------------------------------------- */

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

typedef struct styles_reader {
    xr *x;
    bool in_xfs;
} styles_reader;

/* A number attribute (0 when absent or not a number below 100000). */
static unsigned small_number(const char *s)
{
    unsigned v = 0;
    if (!s)
        return 0;
    for (size_t i = 0; s[i]; i++) {
        if (!digit(s[i]) || i >= 5)
            return 0;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    return v;
}

static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    styles_reader *r = ud;
    xr *x = r->x;

    if (is(name, "cellXfs")) {
        r->in_xfs = true;
    } else if (r->in_xfs && is(name, "xf")) {
        if (x->xf_n == x->xf_cap) {
            size_t cap = x->xf_cap ? x->xf_cap * 2 : 64;
            unsigned *v;
            if (cap > x->limit / sizeof *v) {
                fail(x, XLSXREAD_ERR_TOO_BIG, "%s: too many cell styles", x->part);
                return;
            }
            v = realloc(x->xf_fmt, cap * sizeof *v);
            if (!v) {
                fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
                return;
            }
            x->xf_fmt = v;
            x->xf_cap = cap;
        }
        x->xf_fmt[x->xf_n++] = small_number(attr(atts, "numFmtId", false));
    } else if (is(name, "numFmt")) {
        const char *code = attr(atts, "formatCode", false);
        if (!code)
            return;
        if (x->fmt_n == x->fmt_cap) {
            size_t cap = x->fmt_cap ? x->fmt_cap * 2 : 16;
            unsigned *ids;
            char **codes;
            if (cap > x->limit / sizeof *codes) {
                fail(x, XLSXREAD_ERR_TOO_BIG, "%s: too many number formats", x->part);
                return;
            }
            ids = realloc(x->fmt_id, cap * sizeof *ids);
            if (ids)
                x->fmt_id = ids;
            codes = ids ? realloc(x->fmt_code, cap * sizeof *codes) : NULL;
            if (!codes) {
                fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
                return;
            }
            x->fmt_code = codes;
            x->fmt_cap = cap;
        }
        x->fmt_code[x->fmt_n] = strdup(code);
        if (!x->fmt_code[x->fmt_n]) {
            fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
            return;
        }
        x->fmt_id[x->fmt_n++] = small_number(attr(atts, "numFmtId", false));
    }
}

static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
    styles_reader *r = ud;
    if (is(name, "cellXfs"))
        r->in_xfs = false;
}

/* What a number format code shows a number as: the parts in quotes, after
 * a backslash, and in brackets (colours, locales; but [h] [m] [s] are
 * elapsed times) do not count; '%' is a percentage; y, d (and m without h
 * or s) a date; h, s (and m with them) a time; a code of quoted text only
 * (LibreOffice's "TRUE";"TRUE";"FALSE") a boolean. */
static xlsxread_kind code_kind(const char *code)
{
    bool y = false, d = false, m = false, h = false, sec = false, pct = false;
    bool quoted = false, digits = false;
    if (strcasecmp(code, "General") == 0 || strcasecmp(code, "Standard") == 0)
        return XLSXREAD_PLAIN;
    for (const char *c = code; *c; c++) {
        if (*c == '0' || *c == '#' || *c == '?' || *c == '@')
            digits = true;
        if (*c == '"') {
            quoted = true;
            while (c[1] && c[1] != '"')
                c++;
            if (c[1])
                c++;
            continue;
        }
        if (*c == '\\' || *c == '_' || *c == '*') {
            if (c[1])
                c++;
            continue;
        }
        if (*c == '[') {
            char l = (char)(c[1] | 0x20);
            if (l == 'h' || l == 'm' || l == 's')
                h = true; /* elapsed time */
            while (c[1] && c[1] != ']')
                c++;
            if (c[1])
                c++;
            continue;
        }
        switch (*c | 0x20) {
        case 'y': y = true; break;
        case 'd': d = true; break;
        case 'm': m = true; break;
        case 'h': h = true; break;
        case 's': sec = true; break;
        default: break;
        }
        if (*c == '%')
            pct = true;
    }
    if (pct)
        return XLSXREAD_PERCENT;
    /* only quoted text, like LibreOffice's "TRUE";"TRUE";"FALSE" for a boolean */
    if (quoted && !digits && !y && !d && !m && !h && !sec)
        return XLSXREAD_BOOL;
    if (y || d || (m && !h && !sec))
        return XLSXREAD_DATE;
    if (h || sec)
        return XLSXREAD_TIME;
    return XLSXREAD_PLAIN;
}

/* The built-in number formats Excel numbers without writing their code. */
static xlsxread_kind builtin_kind(unsigned id, const char **code)
{
    static const struct {
        unsigned lo, hi;
        xlsxread_kind kind;
        const char *code;
    } ranges[] = {
        {9, 9, XLSXREAD_PERCENT, "0%"},          {10, 10, XLSXREAD_PERCENT, "0.00%"},
        {14, 14, XLSXREAD_DATE, "mm-dd-yy"},     {15, 17, XLSXREAD_DATE, "d-mmm-yy"},
        {18, 21, XLSXREAD_TIME, "h:mm"},         {22, 22, XLSXREAD_DATE, "m/d/yy h:mm"},
        {27, 36, XLSXREAD_DATE, "a date"},       {45, 47, XLSXREAD_TIME, "mm:ss"},
        {50, 58, XLSXREAD_DATE, "a date"},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (id >= ranges[i].lo && id <= ranges[i].hi) {
            *code = ranges[i].code;
            return ranges[i].kind;
        }
    return XLSXREAD_PLAIN;
}

/* What cell style s (an index into cellXfs, as written) shows a number as,
 * and the format's code. */
static xlsxread_kind style_kind(const xr *x, const char *s, const char **code)
{
    unsigned idx = small_number(s), id;
    *code = "";
    if (!s || idx >= x->xf_n)
        return XLSXREAD_PLAIN;
    id = x->xf_fmt[idx];
    for (size_t i = 0; i < x->fmt_n; i++)
        if (x->fmt_id[i] == id) {
            *code = x->fmt_code[i];
            return code_kind(x->fmt_code[i]);
        }
    return builtin_kind(id, code);
}

/* Note a typed cell. False on error (recorded). */
static bool add_typed(xr *x, unsigned row, unsigned col, xlsxread_kind kind, const char *code,
                      const char *value, size_t vlen)
{
    xlsxread_cell *c;
    if (x->cells_n == x->cells_cap) {
        size_t cap = x->cells_cap ? x->cells_cap * 2 : 16;
        xlsxread_cell *v;
        if (cap > x->limit / sizeof *v) {
            fail(x, XLSXREAD_ERR_TOO_BIG, "%s: too many dates and percentages", x->part);
            return false;
        }
        v = realloc(x->cells, cap * sizeof *v);
        if (!v) {
            fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
            return false;
        }
        x->cells = v;
        x->cells_cap = cap;
    }
    c = &x->cells[x->cells_n++];
    memset(c, 0, sizeof *c);
    c->row = row;
    c->col = col;
    c->kind = kind;
    snprintf(c->format, sizeof c->format, "%s", code);
    if (vlen >= sizeof c->value)
        vlen = sizeof c->value - 1;
    memcpy(c->value, value, vlen);
    c->value[vlen] = '\0';
    return true;
}

/* ---------------------------------------------------------------------------
 * Values as text.
 * ------------------------------------------------------------------------- */

/* Strip blanks from both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
    while (*n > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) {
        s++;
        (*n)--;
    }
    while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\n' ||
                      s[*n - 1] == '\r'))
        (*n)--;
    return s;
}

/* A number as written in a sheet ("50000", "50.5", "5E+4", "-1.25E-3") in
 * plain decimal: no exponent, no trailing zeros, a ',' before any decimals
 * ("50000", "50,5", "-0,00125"). Works on the digits, so nothing is lost to
 * binary rounding. Returns the length written to out, or 0 when s is not
 * such a number or is too long (then it is kept as written). */
static size_t number_text(const char *s, size_t n, char out[NUM_BUFSZ])
{
    char d[NUM_MAX_DIGITS];
    size_t i = 0, nd = 0, o = 0, lead = 0;
    long point = -1, exp = 0, pos;
    bool neg = false;

    s = trim(s, &n);
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    for (; i < n && (digit(s[i]) || s[i] == '.'); i++) {
        if (s[i] == '.') {
            if (point >= 0)
                return 0;
            point = (long)nd;
        } else if (nd == NUM_MAX_DIGITS) {
            return 0;
        } else {
            d[nd++] = s[i];
        }
    }
    if (nd == 0)
        return 0;
    if (point < 0)
        point = (long)nd;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        bool eneg = false;
        size_t ed = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        for (; i < n && digit(s[i]); i++, ed++) {
            exp = exp * 10 + (s[i] - '0');
            if (exp > NUM_MAX_EXP)
                return 0;
        }
        if (ed == 0)
            return 0;
        exp = eneg ? -exp : exp;
    }
    if (i != n)
        return 0;

    /* value = 0.d[0..nd) x 10^pos */
    pos = point + exp;
    while (lead < nd && d[lead] == '0') {
        lead++;
        pos--;
    }
    while (nd > lead && d[nd - 1] == '0')
        nd--;
    if (lead == nd) {
        out[0] = '0';
        return 1;
    }
    if (neg)
        out[o++] = '-';
    if (pos <= 0) {
        out[o++] = '0';
        out[o++] = ',';
        for (long z = pos; z < 0; z++)
            out[o++] = '0';
        for (size_t k = lead; k < nd; k++)
            out[o++] = d[k];
    } else if ((size_t)pos >= nd - lead) {
        for (size_t k = lead; k < nd; k++)
            out[o++] = d[k];
        for (long z = (long)(nd - lead); z < pos; z++)
            out[o++] = '0';
    } else {
        for (size_t k = lead; k < nd; k++) {
            if ((long)(k - lead) == pos)
                out[o++] = ',';
            out[o++] = d[k];
        }
    }
    return o;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Excel's escape _xHHHH_ at s (n bytes left): true and *cp set if it is one. */
static bool escape_at(const char *s, size_t n, unsigned *cp)
{
    unsigned v = 0;

    if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
        return false;
    for (int k = 2; k < 6; k++) {
        int h = hexval(s[k]);
        if (h < 0)
            return false;
        v = v * 16 + (unsigned)h;
    }
    *cp = v;
    return true;
}

/* Write code point cp (at most U+FFFF) as UTF-8 into u; returns the length. */
static size_t utf8(unsigned cp, char u[3])
{
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Put value s[0..n) in x->field: _xHHHH_ escapes decoded, then each line
 * break (a CR LF pair counting as one) or tab made one space. Other control
 * characters are kept, for the reader to report at their cell. False on
 * error (recorded). */
static bool decode(xr *x, const char *s, size_t n)
{
    size_t i = 0, j = 0;
    char *p;

    x->field.n = 0;
    if (!buf_room(x, &x->field, n))
        return false;
    while (i < n) {
        unsigned cp;
        if (escape_at(s + i, n - i, &cp)) {
            char u[3];
            size_t m = utf8(cp, u);
            if (!buf_add(x, &x->field, u, m))
                return false;
            i += 7;
        } else {
            size_t k = i + 1;
            while (k < n && s[k] != '_')
                k++;
            if (!buf_add(x, &x->field, s + i, k - i))
                return false;
            i = k;
        }
    }
    p = x->field.p;
    for (i = 0; i < x->field.n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '\r' && i + 1 < x->field.n && p[i + 1] == '\n')
            continue;
        p[j++] = (char)(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
    }
    x->field.n = j;
    p[j] = '\0';
    return true;
}

/* ---------------------------------------------------------------------------
 * The sheet.
 * ------------------------------------------------------------------------- */

typedef enum { V_NUMBER, V_SHARED, V_INLINE, V_BOOL, V_TEXT } value_kind;

/* What a cell's t attribute says its value is. */
static value_kind kind_of(const char *t)
{
    if (!t || strcmp(t, "n") == 0)
        return V_NUMBER;
    if (strcmp(t, "s") == 0)
        return V_SHARED;
    if (strcmp(t, "inlineStr") == 0)
        return V_INLINE;
    if (strcmp(t, "b") == 0)
        return V_BOOL;
    return V_TEXT; /* str (a formula's text), e (an error), d (a date as text), others */
}

/* A line with values: where it ends in the text, and its fields. */
typedef struct line_end {
    size_t end;
    unsigned fields;
} line_end;

typedef struct sheet_reader {
    xr *x;
    bool in_data, in_row, in_cell;
    unsigned row, last_row;  /* this row's number; the previous row's (0: none) */
    unsigned col, last_col;  /* this cell's column; the previous cell's in this row */
    unsigned written;        /* the last column written on this row's line; 0: none */
    unsigned lines;          /* line ends written */
    value_kind kind;
    bool date_type;          /* t="d": an ISO date written as text */
    xlsxread_kind style;     /* what the cell's style shows a number as */
    const char *style_code;  /* that style's number format code */
    unsigned v, is, t, rph;  /* open elements inside the cell */
    line_end *ends;
    size_t n_ends, cap_ends;
    unsigned width;          /* the most fields of any line */
} sheet_reader;

/* "B3" for column 2, row 3. */
static void cell_name(unsigned col, unsigned row, char out[16])
{
    char letters[4];
    int n = 0;

    while (col > 0 && n < 3) {
        letters[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (int k = 0; k < n; k++)
        out[k] = letters[n - 1 - k];
    snprintf(out + n, (size_t)(16 - n), "%u", row);
}

/* A row number of 1 to 7 digits within Excel's limit. */
static bool parse_row(const char *s, unsigned *row)
{
    unsigned r = 0;
    size_t d = 0;

    for (; digit(s[d]) && d < 7; d++)
        r = r * 10 + (unsigned)(s[d] - '0');
    if (d == 0 || s[d] != '\0' || r == 0 || r > XLSXREAD_MAX_ROWS)
        return false;
    *row = r;
    return true;
}

/* A cell reference like "B3" within Excel's limits. */
static bool parse_ref(const char *s, unsigned *col, unsigned *row)
{
    unsigned c = 0;
    size_t i = 0;

    for (; i < 3 && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')); i++)
        c = c * 26 + (unsigned)((s[i] | 0x20) - 'a' + 1);
    if (i == 0 || c > XLSXREAD_MAX_COLS || !parse_row(s + i, row))
        return false;
    *col = c;
    return true;
}

static void sheet_collect(sheet_reader *sr)
{
    sr->x->collect = sr->v > 0 || (sr->is > 0 && sr->t > 0 && sr->rph == 0);
}

static void start_row(sheet_reader *sr, const char *r)
{
    xr *x = sr->x;
    unsigned n;

    if (r) {
        if (!parse_row(r, &n)) {
            fail(x, XLSXREAD_ERR_CONTENT, "%s: row number \"%.20s\" is not 1 to %u", x->part, r,
                 XLSXREAD_MAX_ROWS);
            return;
        }
    } else if ((n = sr->last_row + 1) > XLSXREAD_MAX_ROWS) {
        fail(x, XLSXREAD_ERR_CONTENT, "%s: more than %u rows", x->part, XLSXREAD_MAX_ROWS);
        return;
    }
    if (n <= sr->last_row) {
        fail(x, XLSXREAD_ERR_CONTENT, "%s: row %u comes after row %u", x->part, n, sr->last_row);
        return;
    }
    sr->row = n;
    sr->in_row = true;
    sr->last_col = 0;
    sr->written = 0;
}

static void start_cell(sheet_reader *sr, const char *r, const char *t, const char *style)
{
    xr *x = sr->x;
    unsigned col, row;
    char name[16];

    if (r) {
        if (!parse_ref(r, &col, &row)) {
            fail(x, XLSXREAD_ERR_CONTENT,
                 "%s row %u: \"%.20s\" is not a cell within Excel's %u rows and %u columns",
                 x->part, sr->row, r, XLSXREAD_MAX_ROWS, XLSXREAD_MAX_COLS);
            return;
        }
        if (row != sr->row) {
            fail(x, XLSXREAD_ERR_CONTENT, "%s: cell %.20s is inside row %u", x->part, r,
                 sr->row);
            return;
        }
    } else if ((col = sr->last_col + 1) > XLSXREAD_MAX_COLS) {
        fail(x, XLSXREAD_ERR_CONTENT, "%s row %u: more than %u columns", x->part, sr->row,
             XLSXREAD_MAX_COLS);
        return;
    }
    if (col <= sr->last_col) {
        cell_name(col, sr->row, name);
        fail(x, XLSXREAD_ERR_CONTENT, "%s: cell %s comes after a cell further right", x->part,
             name);
        return;
    }
    sr->col = sr->last_col = col;
    sr->in_cell = true;
    sr->kind = kind_of(t);
    sr->date_type = t && strcmp(t, "d") == 0;
    sr->style = style_kind(x, style, &sr->style_code);
    sr->v = sr->is = sr->t = sr->rph = 0;
    x->text.n = 0;
}

/* Write the decoded value in x->field as field sr->col of the row's line:
 * first the empty lines of the rows before it, then the ';' up to its
 * column, then the field, quoted when it holds ';' or '"'. */
static void write_field(sheet_reader *sr)
{
    xr *x = sr->x;
    const char *s = x->field.p;
    size_t n = x->field.n;
    unsigned seps = sr->written ? sr->col - sr->written : sr->col - 1;

    if (sr->written == 0 && !buf_fill(x, &x->out, '\n', sr->row - 1 - sr->lines))
        return;
    if (!buf_fill(x, &x->out, ';', seps))
        return;
    if (!memchr(s, ';', n) && !memchr(s, '"', n)) {
        if (!buf_add(x, &x->out, s, n))
            return;
    } else {
        if (!buf_add(x, &x->out, "\"", 1))
            return;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"' && !buf_add(x, &x->out, "\"", 1))
                return;
            if (!buf_add(x, &x->out, s + i, 1))
                return;
        }
        if (!buf_add(x, &x->out, "\"", 1))
            return;
    }
    sr->written = sr->col;
}

/* The cell has ended: its value as text, written unless empty. */
static void end_cell(sheet_reader *sr)
{
    xr *x = sr->x;
    const char *s = x->text.p ? x->text.p : "";
    size_t n = x->text.n, t, idx = 0;
    char num[NUM_BUFSZ], name[16];

    switch (sr->kind) {
    case V_NUMBER:
        s = trim(s, &n);
        if (n && sr->style != XLSXREAD_PLAIN &&
            !add_typed(x, sr->row, sr->col, sr->style, sr->style_code, s, n))
            return;
        if ((t = number_text(s, n, num)) > 0) {
            s = num;
            n = t;
        }
        break;
    case V_SHARED:
        s = trim(s, &n);
        if (n == 0)
            break;
        for (t = 0; t < n && digit(s[t]) && idx <= x->sst_n; t++)
            idx = idx * 10 + (size_t)(s[t] - '0');
        if (t < n || idx >= x->sst_n) {
            cell_name(sr->col, sr->row, name);
            fail(x, XLSXREAD_ERR_CONTENT,
                 "%s: cell %s refers to shared string \"%.20s\", but the workbook has %zu",
                 x->part, name, s, x->sst_n);
            return;
        }
        s = x->sst.p + x->sst_off[idx];
        n = (idx + 1 < x->sst_n ? x->sst_off[idx + 1] : x->sst.n) - x->sst_off[idx] - 1;
        break;
    case V_BOOL: {
        const char *b;
        t = n;
        b = trim(s, &t);
        if (t && !add_typed(x, sr->row, sr->col, XLSXREAD_BOOL, "", b, t))
            return;
        if (t == 1 && (b[0] == '1' || b[0] == '0')) {
            s = b[0] == '1' ? "SAND" : "FALSK";
            n = strlen(s);
        }
        break;
    }
    case V_INLINE:
    case V_TEXT:
        if (sr->date_type && n &&
            !add_typed(x, sr->row, sr->col, XLSXREAD_DATE, "ISO 8601", s, n))
            return;
        break;
    }
    if (n == 0 || !decode(x, s, n) || x->field.n == 0)
        return;
    write_field(sr);
}

/* The row has ended: end its line if it has values. */
static void end_row(sheet_reader *sr)
{
    xr *x = sr->x;

    sr->in_row = false;
    sr->last_row = sr->row;
    if (sr->written == 0)
        return;
    if (sr->n_ends == sr->cap_ends) {
        size_t cap = sr->cap_ends ? sr->cap_ends * 2 : 64;
        line_end *v = realloc(sr->ends, cap * sizeof *v);
        if (!v) {
            fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part);
            return;
        }
        sr->ends = v;
        sr->cap_ends = cap;
    }
    sr->ends[sr->n_ends].end = x->out.n;
    sr->ends[sr->n_ends].fields = sr->written;
    sr->n_ends++;
    if (sr->written > sr->width)
        sr->width = sr->written;
    if (buf_add(x, &x->out, "\n", 1))
        sr->lines = sr->row;
}

static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    sheet_reader *sr = ud;

    if (!sr->in_data) {
        sr->in_data = is(name, "sheetData");
    } else if (!sr->in_row) {
        if (is(name, "row"))
            start_row(sr, attr(atts, "r", false));
    } else if (!sr->in_cell) {
        if (is(name, "c"))
            start_cell(sr, attr(atts, "r", false), attr(atts, "t", false),
                       attr(atts, "s", false));
    } else {
        if (is(name, "v"))
            sr->v++;
        else if (is(name, "is"))
            sr->is++;
        else if (is(name, "t"))
            sr->t++;
        else if (is(name, "rPh"))
            sr->rph++;
        sheet_collect(sr);
    }
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
    sheet_reader *sr = ud;

    if (sr->in_cell) {
        if (is(name, "c")) {
            sr->in_cell = false;
            sr->v = sr->is = sr->t = sr->rph = 0;
            sheet_collect(sr);
            end_cell(sr);
            return;
        }
        if (is(name, "v") && sr->v > 0)
            sr->v--;
        else if (is(name, "is") && sr->is > 0)
            sr->is--;
        else if (is(name, "t") && sr->t > 0)
            sr->t--;
        else if (is(name, "rPh") && sr->rph > 0)
            sr->rph--;
        sheet_collect(sr);
    } else if (sr->in_row) {
        if (is(name, "row"))
            end_row(sr);
    } else if (sr->in_data && is(name, "sheetData")) {
        sr->in_data = false;
    }
}

/* Give every line with values the fields of the widest one, as Excel does
 * when it saves a CSV. */
static void pad_lines(xr *x, const sheet_reader *sr)
{
    size_t extra = 0, from = 0, to = 0;
    char *p;

    for (size_t i = 0; i < sr->n_ends; i++)
        extra += sr->width - sr->ends[i].fields;
    if (extra == 0)
        return;
    if (extra > x->limit || x->out.n > x->limit - extra) {
        fail(x, XLSXREAD_ERR_TOO_BIG, "the sheet's text passes the limit of %zu bytes",
             x->limit);
        return;
    }
    p = malloc(x->out.n + extra + 1);
    if (!p) {
        fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading the sheet");
        return;
    }
    for (size_t i = 0; i < sr->n_ends; i++) {
        size_t pad = sr->width - sr->ends[i].fields;
        memcpy(p + to, x->out.p + from, sr->ends[i].end - from);
        to += sr->ends[i].end - from;
        from = sr->ends[i].end;
        memset(p + to, ';', pad);
        to += pad;
    }
    memcpy(p + to, x->out.p + from, x->out.n - from);
    to += x->out.n - from;
    p[to] = '\0';
    free(x->out.p);
    x->out.p = p;
    x->out.n = to;
    x->out.cap = to + 1;
}

/* ---------------------------------------------------------------------------
 * The whole reading.
 * ------------------------------------------------------------------------- */

/* True if the OLE compound file at path holds a stream named
 * "EncryptedPackage" (UTF-16 in its directory): an .xlsx saved with a
 * password. Looks at the first 64 MiB only. */
static bool ole_encrypted(const char *path)
{
    static const char want[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    const size_t wn = sizeof want - 1;
    char *b = malloc(CHUNK + wn);
    size_t keep = 0, total = 0;
    bool found = false;
    FILE *fp = fopen(path, "rb");

    if (!fp || !b) {
        if (fp)
            fclose(fp);
        free(b);
        return false;
    }
    while (!found && total < ((size_t)64 << 20)) {
        size_t got = fread(b + keep, 1, CHUNK, fp), n = keep + got;
        if (got == 0)
            break;
        total += got;
        for (size_t i = 0; i + wn <= n; i++)
            if (b[i] == 'E' && memcmp(b + i, want, wn) == 0) {
                found = true;
                break;
            }
        keep = n < wn ? n : wn - 1;
        memmove(b, b + n - keep, keep);
    }
    fclose(fp);
    free(b);
    return found;
}

/* Why a file that libzip does not take for a zip archive is not one, from
 * its first bytes. */
static void not_a_zip(xr *x, const char *path, const char *why)
{
    unsigned char head[8];
    size_t n = 0;
    FILE *fp = fopen(path, "rb");

    if (fp) {
        n = fread(head, 1, sizeof head, fp);
        fclose(fp);
    }
    if (fp && n == 0)
        fail(x, XLSXREAD_ERR_NOT_ZIP, "the file is empty");
    else if (n >= 4 && memcmp(head, "PK\x03\x04", 4) == 0)
        fail(x, XLSXREAD_ERR_DAMAGED, "the zip archive is cut short or damaged (%s)", why);
    else if (n == 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0 &&
             ole_encrypted(path))
        fail(x, XLSXREAD_ERR_ENCRYPTED,
             "it is an OLE container holding an EncryptedPackage stream, not a zip archive");
    else if (n == 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        fail(x, XLSXREAD_ERR_NOT_ZIP,
             "it is an Excel 97-2003 workbook (.xls) named .xlsx, not a zip archive");
    else
        fail(x, XLSXREAD_ERR_NOT_ZIP,
             "it is not a zip archive (a CSV or text file named .xlsx?)");
}

/* Open the archive into x->za, or record why not. */
static void open_zip(xr *x, const char *path)
{
    int zerr = 0, sys;
    zip_error_t ze;

    errno = 0;
    x->za = zip_open(path, ZIP_RDONLY, &zerr);
    sys = errno;
    if (x->za) {
        if (zip_get_num_entries(x->za, 0) <= 0)
            fail(x, XLSXREAD_ERR_NOT_ZIP, "the file is empty");
        return;
    }
    zip_error_init_with_code(&ze, zerr);
    switch (zerr) {
    case ZIP_ER_MEMORY:
        fail(x, XLSXREAD_ERR_NOMEM, "out of memory opening the file");
        break;
    case ZIP_ER_NOENT:
        fail(x, XLSXREAD_ERR_OPEN, "%s", strerror(ENOENT));
        break;
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
        fail(x, XLSXREAD_ERR_OPEN, "%s", sys ? strerror(sys) : zip_error_strerror(&ze));
        break;
    case ZIP_ER_NOZIP:
        not_a_zip(x, path, zip_error_strerror(&ze));
        break;
    default:
        fail(x, XLSXREAD_ERR_DAMAGED, "%s", zip_error_strerror(&ze));
        break;
    }
    zip_error_fini(&ze);
}

/* The workbook part, from _rels/.rels (xl/workbook.xml when it names none),
 * into book. False (the error recorded) when it cannot be found. */
static bool find_book(xr *x, char book[PART_MAX])
{
    rels_reader r;
    bool found;

    memset(&r, 0, sizeof r);
    r.x = x;
    found = read_rels(x, "", &r) && r.target[REL_OFFICE] && resolve("", r.target[REL_OFFICE], book);
    rels_free(&r);
    if (x->err != XLSXREAD_OK)
        return false;
    if (!found)
        strcpy(book, "xl/workbook.xml");
    if (find_part(x, book) < 0) {
        fail(x, XLSXREAD_ERR_NO_WORKBOOK, "the zip archive has no %s: it is not an Excel workbook",
             book);
        return false;
    }
    return true;
}

/* The first sheet's part into sheet, and the shared strings' part into sst
 * ("" when there is none). False (the error recorded) when there is no
 * sheet to read. */
static bool find_sheet(xr *x, const char *book, const char *want, char sheet[PART_MAX],
                       char sst[PART_MAX], char styles[PART_MAX], xlsxread_result *res)
{
    book_reader b;
    rels_reader r;
    bool ok = false;
    size_t chosen = 0;

    memset(&b, 0, sizeof b);
    b.x = x;
    parse_part(x, find_part(x, book), book, book_start, book_end, &b);
    if (x->err != XLSXREAD_OK)
        goto done;
    if (!b.seen) {
        fail(x, XLSXREAD_ERR_NO_WORKBOOK, "%s lists no sheet", book);
        goto done;
    }
    if (want) {
        size_t i, o = 0;
        char list[256];
        for (i = 0; i < b.n && strcmp(b.names[i], want) != 0; i++)
            ;
        if (i == b.n)
            for (i = 0; i < b.n && strcasecmp(b.names[i], want) != 0; i++)
                ;
        if (i == b.n) {
            list[0] = '\0';
            for (size_t k = 0; k < b.n && o < sizeof list; k++) {
                int w = snprintf(list + o, sizeof list - o, "%s\"%s\"", k ? ", " : "",
                                 b.names[k]);
                if (w < 0)
                    break;
                o += (size_t)w;
            }
            fail(x, XLSXREAD_ERR_NO_SUCH_SHEET, "no sheet is named \"%.60s\"; the sheets are %s",
                 want, list);
            goto done;
        }
        chosen = i;
        free(b.rid);
        b.rid = b.rids[i][0] ? strdup(b.rids[i]) : NULL;
        if (b.rids[i][0] && !b.rid) {
            fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", book);
            goto done;
        }
    }
    if (!b.rid) {
        fail(x, XLSXREAD_ERR_NO_WORKBOOK, "the first sheet in %s has no r:id", book);
        goto done;
    }
    memset(&r, 0, sizeof r);
    r.x = x;
    r.want_id = b.rid;
    if (!read_rels(x, book, &r)) {
        if (x->err == XLSXREAD_OK)
            fail(x, XLSXREAD_ERR_NO_WORKBOOK, "the workbook's relationships (for %s) are missing",
                 book);
    } else if (!r.target[REL_WANTED]) {
        fail(x, XLSXREAD_ERR_NO_SHEET, "the first sheet's r:id %.40s has no relationship", b.rid);
    } else if (!ends_with(r.wanted_type, "/worksheet")) {
        fail(x, XLSXREAD_ERR_NO_SHEET, "the first sheet is not a worksheet (a chart sheet?)");
    } else if (!resolve(book, r.target[REL_WANTED], sheet)) {
        fail(x, XLSXREAD_ERR_NO_SHEET, "the first sheet's target %.200s leads nowhere",
             r.target[REL_WANTED]);
    } else if (find_part(x, sheet) < 0) {
        fail(x, XLSXREAD_ERR_NO_SHEET, "the first sheet's part %s is missing", sheet);
    } else {
        sst[0] = '\0';
        if (r.target[REL_SST] && !resolve(book, r.target[REL_SST], sst))
            sst[0] = '\0';
        styles[0] = '\0';
        if (r.target[REL_STYLES] && !resolve(book, r.target[REL_STYLES], styles))
            styles[0] = '\0';
        ok = true;
    }
    rels_free(&r);
done:
    if (ok && res && b.n) {
        res->sheet = strdup(b.names[chosen]);
        if (!res->sheet)
            fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", book);
        res->sheets = b.names;
        res->n_sheets = b.n;
        b.names = NULL;
    }
    for (size_t i = 0; i < b.n; i++) {
        if (b.names)
            free(b.names[i]);
        free(b.rids[i]);
    }
    free(b.names);
    free(b.rids);
    free(b.rid);
    return ok && x->err == XLSXREAD_OK;
}

void xlsxread_result_free(xlsxread_result *res)
{
    free(res->text);
    free(res->cells);
    free(res->sheet);
    for (size_t i = 0; i < res->n_sheets; i++)
        free(res->sheets[i]);
    free(res->sheets);
    memset(res, 0, sizeof *res);
}

char *xlsxread_cell_name(unsigned col, unsigned row, char out[16])
{
    cell_name(col, row, out);
    return out;
}

xlsxread_error xlsxread_sheet(const char *path, size_t limit, const char *name,
                              xlsxread_result *res, char *detail, size_t detailsz)
{
    char book[PART_MAX], sheet[PART_MAX], sst[PART_MAX], styles[PART_MAX];
    sheet_reader sr;
    xr x;
    zip_int64_t idx;

    memset(&x, 0, sizeof x);
    memset(&sr, 0, sizeof sr);
    memset(res, 0, sizeof *res);
    x.limit = limit ? limit : XLSXREAD_MAX_BYTES;
    x.detail = detail;
    x.detailsz = detailsz;
    sr.x = &x;
    if (detail && detailsz)
        detail[0] = '\0';

    open_zip(&x, path);
    if (x.err == XLSXREAD_OK && find_book(&x, book) &&
        find_sheet(&x, book, name, sheet, sst, styles, res)) {
        if (styles[0] && (idx = find_part(&x, styles)) >= 0) {
            styles_reader st = {&x, false};
            parse_part(&x, idx, styles, styles_start, styles_end, &st);
        }
        if (x.err == XLSXREAD_OK && sst[0] && (idx = find_part(&x, sst)) >= 0) {
            sst_reader r = {&x, false, 0, 0};
            parse_part(&x, idx, sst, sst_start, sst_end, &r);
        }
        if (x.err == XLSXREAD_OK)
            parse_part(&x, find_part(&x, sheet), sheet, sheet_start, sheet_end, &sr);
        if (x.err == XLSXREAD_OK)
            pad_lines(&x, &sr);
        if (x.err == XLSXREAD_OK && !x.out.p)
            buf_add(&x, &x.out, "", 0);
    }
    if (x.za)
        zip_discard(x.za);
    free(sr.ends);
    free(x.text.p);
    free(x.sst.p);
    free(x.sst_off);
    free(x.field.p);
    free(x.xf_fmt);
    for (size_t i = 0; i < x.fmt_n; i++)
        free(x.fmt_code[i]);
    free(x.fmt_code);
    free(x.fmt_id);
    if (x.err != XLSXREAD_OK) {
        free(x.out.p);
        free(x.cells);
        xlsxread_result_free(res);
        return x.err;
    }
    res->text = x.out.p;
    res->len = x.out.n;
    res->cells = x.cells;
    res->n_cells = x.cells_n;
    return XLSXREAD_OK;
}

xlsxread_error xlsxread_csv(const char *path, size_t limit, char **text, size_t *len,
                            char *detail, size_t detailsz)
{
    xlsxread_result res;
    xlsxread_error e = xlsxread_sheet(path, limit, NULL, &res, detail, detailsz);

    *text = NULL;
    *len = 0;
    if (e != XLSXREAD_OK)
        return e;
    *text = res.text;
    *len = res.len;
    res.text = NULL;
    xlsxread_result_free(&res);
    return XLSXREAD_OK;
}
