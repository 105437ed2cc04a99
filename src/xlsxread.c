/* xlsxread.c - The first sheet of an .xlsx workbook as ';'-separated text: the
 * zip container read with libzip, its XML parts with expat; the parts
 * themselves in xlsxparts.c, xlsxstyle.c and xlsxsheet.c. */
#include "xlsxread.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsxread_internal.h"
#include "messages.h"


void xlsx_fail(xr *x, xlsxread_error e, const char *fmt, ...)
{
    va_list ap;

    if (x->err != XLSXREAD_OK)
        return;
    x->err = e;
    if (x->detail && x->detailsz) {
        va_start(ap, fmt);
        vsnprintf(x->detail, x->detailsz, msg_tr(fmt), ap);
        va_end(ap);
    }
    if (x->parser)
        XML_StopParser(x->parser, XML_FALSE);
}

const char *xlsxread_strerror(xlsxread_error e)
{
    switch (e) {
    case XLSXREAD_OK: return msg_tr("no error");
    case XLSXREAD_ERR_NOMEM: return msg_tr("out of memory");
    case XLSXREAD_ERR_OPEN: return msg_tr("the file cannot be opened");
    case XLSXREAD_ERR_NOT_ZIP: return msg_tr("the file is not an Excel workbook (.xlsx)");
    case XLSXREAD_ERR_DAMAGED: return msg_tr("the workbook is damaged");
    case XLSXREAD_ERR_NO_WORKBOOK: return msg_tr("the file holds no workbook with a sheet");
    case XLSXREAD_ERR_NO_SHEET: return msg_tr("the workbook's first sheet cannot be read");
    case XLSXREAD_ERR_XML: return msg_tr("a part of the workbook is not well-formed XML");
    case XLSXREAD_ERR_CONTENT: return msg_tr("the first sheet is not laid out as Excel writes it");
    case XLSXREAD_ERR_TOO_BIG: return msg_tr("the workbook is too large to read");
    case XLSXREAD_ERR_ENCRYPTED: return msg_tr("the workbook is encrypted (saved with a password)");
    case XLSXREAD_ERR_NO_SUCH_SHEET: return msg_tr("the workbook has no sheet of that name");
    }
    return msg_tr("unknown error");
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
bool xlsx_buf_room(xr *x, buf *b, size_t more)
{
    size_t need, cap;
    char *p;

    if (more > x->limit || b->n > x->limit - more) {
        xlsx_fail(x, XLSXREAD_ERR_TOO_BIG, "%s: the text passes the limit of %zu bytes",
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
        xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", x->part ? x->part : "the sheet");
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

/* Append n bytes of s. False on error (recorded). */
bool xlsx_buf_add(xr *x, buf *b, const char *s, size_t n)
{
    if (!xlsx_buf_room(x, b, n))
        return false;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return true;
}

/* Append c count times. False on error (recorded). */
bool xlsx_buf_fill(xr *x, buf *b, char c, size_t count)
{
    if (!xlsx_buf_room(x, b, count))
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

static const char *xlsx_local(const XML_Char *name)
{
    const char *s = strrchr(name, '|');
    return s ? s + 1 : name;
}

bool xlsx_is(const XML_Char *name, const char *want)
{
    return strcmp(xlsx_local(name), want) == 0;
}

/* The value of the attribute with local name want, in some namespace when ns
 * is true, in none otherwise; NULL when there is none. */
const char *xlsx_attr(const XML_Char **atts, const char *want, bool ns)
{
    for (size_t i = 0; atts[i]; i += 2) {
        bool has_ns = strchr(atts[i], '|') != NULL;
        if (has_ns == ns && strcmp(xlsx_local(atts[i]), want) == 0)
            return atts[i + 1];
    }
    return NULL;
}

bool xlsx_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Every handler's user data starts with the reading. */
static xr *xlsx_reading(void *ud)
{
    return *(xr **)ud;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    xr *x = xlsx_reading(ud);
    if (x->collect && len > 0)
        xlsx_buf_add(x, &x->text, s, (size_t)len);
}

/* Workbooks never have a DOCTYPE; refusing it means no entity can expand. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
    xr *x = xlsx_reading(ud);
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    xlsx_fail(x, XLSXREAD_ERR_XML, "%s line %llu: a DOCTYPE, which a workbook part never has",
         x->part, (unsigned long long)XML_GetCurrentLineNumber(x->parser));
}

/* The index of part name in the archive (names compared ignoring case, as
 * the package format says), or -1 if there is none. */
zip_int64_t xlsx_find_part(xr *x, const char *name)
{
    return zip_name_locate(x->za, name, ZIP_FL_NOCASE);
}

/* Unpack part idx in chunks and feed it to a new parser with the handlers
 * given; ud's first member is x. Errors are recorded in x. */
void xlsx_parse_part(xr *x, zip_int64_t idx, const char *name, XML_StartElementHandler start,
                       XML_EndElementHandler end, void *ud)
{
    zip_stat_t st;
    zip_file_t *zf;
    XML_Parser p;
    zip_uint64_t total = 0;

    zip_stat_init(&st);
    if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &st) != 0) {
        xlsx_fail(x, XLSXREAD_ERR_DAMAGED, "%s: %s", name, zip_strerror(x->za));
        return;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > x->limit) {
        xlsx_fail(x, XLSXREAD_ERR_TOO_BIG, "%s unpacks to %llu bytes, more than the limit of %zu",
             name, (unsigned long long)st.size, x->limit);
        return;
    }
    zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0);
    if (!zf) {
        bool nomem = zip_error_code_zip(zip_get_error(x->za)) == ZIP_ER_MEMORY;
        xlsx_fail(x, nomem ? XLSXREAD_ERR_NOMEM : XLSXREAD_ERR_DAMAGED, "cannot unpack %s: %s", name,
             zip_strerror(x->za));
        return;
    }
    p = XML_ParserCreateNS(NULL, '|');
    if (!p) {
        zip_fclose(zf);
        xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", name);
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
            xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory reading %s", name);
            break;
        }
        got = zip_fread(zf, b, CHUNK);
        if (got < 0) {
            xlsx_fail(x, XLSXREAD_ERR_DAMAGED, "cannot unpack %s: %s", name, zip_file_strerror(zf));
            break;
        }
        total += (zip_uint64_t)got;
        if (total > x->limit) {
            xlsx_fail(x, XLSXREAD_ERR_TOO_BIG, "%s unpacks to more than the limit of %zu bytes", name,
                 x->limit);
            break;
        }
        if (XML_ParseBuffer(p, (int)got, got == 0) != XML_STATUS_OK) {
            xlsx_fail(x, XLSXREAD_ERR_XML, "%s line %llu, column %llu: %s", name,
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
        xlsx_fail(x, XLSXREAD_ERR_DAMAGED, "cannot unpack %s", name);
}

/* The part a relationship target names, seen from part `from`: relative to
 * from's folder unless it starts with '/', "." and ".." resolved
 * ("worksheets/sheet1.xml" from "xl/workbook.xml" is
 * "xl/worksheets/sheet1.xml"). False when too long or outside the archive. */
bool xlsx_resolve(const char *from, const char *target, char out[PART_MAX])
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
        xlsx_fail(x, XLSXREAD_ERR_NOT_ZIP, "the file is empty");
    else if (n >= 4 && memcmp(head, "PK\x03\x04", 4) == 0)
        xlsx_fail(x, XLSXREAD_ERR_DAMAGED, "the zip archive is cut short or damaged (%s)", why);
    else if (n == 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0 &&
             ole_encrypted(path))
        xlsx_fail(x, XLSXREAD_ERR_ENCRYPTED,
             "it is an OLE container holding an EncryptedPackage stream, not a zip archive");
    else if (n == 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        xlsx_fail(x, XLSXREAD_ERR_NOT_ZIP,
             "it is an Excel 97-2003 workbook (.xls) named .xlsx, not a zip archive");
    else
        xlsx_fail(x, XLSXREAD_ERR_NOT_ZIP,
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
            xlsx_fail(x, XLSXREAD_ERR_NOT_ZIP, "the file is empty");
        return;
    }
    zip_error_init_with_code(&ze, zerr);
    switch (zerr) {
    case ZIP_ER_MEMORY:
        xlsx_fail(x, XLSXREAD_ERR_NOMEM, "out of memory opening the file");
        break;
    case ZIP_ER_NOENT:
        xlsx_fail(x, XLSXREAD_ERR_OPEN, "%s", strerror(ENOENT));
        break;
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
        xlsx_fail(x, XLSXREAD_ERR_OPEN, "%s", sys ? strerror(sys) : zip_error_strerror(&ze));
        break;
    case ZIP_ER_NOZIP:
        not_a_zip(x, path, zip_error_strerror(&ze));
        break;
    default:
        xlsx_fail(x, XLSXREAD_ERR_DAMAGED, "%s", zip_error_strerror(&ze));
        break;
    }
    zip_error_fini(&ze);
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
    xlsx_cell_name(col, row, out);
    return out;
}

xlsxread_error xlsxread_sheet(const char *path, size_t limit, const char *name,
                              xlsxread_result *res, char *detail, size_t detailsz)
{
    char book[PART_MAX], sheet[PART_MAX], sst[PART_MAX], styles[PART_MAX];
    xr x;

    memset(&x, 0, sizeof x);
    memset(res, 0, sizeof *res);
    x.limit = limit ? limit : XLSXREAD_MAX_BYTES;
    x.detail = detail;
    x.detailsz = detailsz;
    if (detail && detailsz)
        detail[0] = '\0';

    open_zip(&x, path);
    if (x.err == XLSXREAD_OK && xlsx_find_book(&x, book) &&
        xlsx_find_sheet(&x, book, name, sheet, sst, styles, res)) {
        if (styles[0])
            xlsx_read_styles(&x, styles);
        if (x.err == XLSXREAD_OK && sst[0])
            xlsx_read_sst(&x, sst);
        if (x.err == XLSXREAD_OK)
            xlsx_read_sheet(&x, sheet);
        if (x.err == XLSXREAD_OK && !x.out.p)
            xlsx_buf_add(&x, &x.out, "", 0);
    }
    if (x.za)
        zip_discard(x.za);
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

