/* test_xlsxread.c - The first sheet of an .xlsx as ';'-separated text: exact
 * text for workbooks written by libxlsxwriter (shared and inline strings,
 * numbers, booleans, empty rows, gap columns, line breaks, formulas, rich
 * text, a second sheet), for parts written by hand (prefixed XML, phonetic
 * guides, error values, cells without references), every kind of broken
 * file, and the applications read from a workbook by `pulje check`. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "apps.h"
#include "init.h"
#include "xlsxread.h"
#include "labels.h"

static char root[] = "/tmp/pulje-xlsxread-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* root/name, in a static buffer of its own per call site. */
static void path_of(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", root, name);
}

/* Read path and fail unless it reads; the text, to free. */
static char *read_ok(const char *path)
{
    char *text = NULL, detail[512];
    size_t len = 0;
    xlsxread_error e = xlsxread_csv(path, 0, &text, &len, detail, sizeof detail);

    if (e != XLSXREAD_OK)
        fail_msg("%s: %s (%s)", path, xlsxread_strerror(e), detail);
    assert_non_null(text);
    assert_int_equal(strlen(text), len);
    assert_string_equal(detail, "");
    return text;
}

/* Read path expecting error want, with detail containing part. */
static void read_fails(const char *path, size_t limit, xlsxread_error want, const char *part)
{
    char *text = (char *)1, detail[512];
    size_t len = 1;
    xlsxread_error e = xlsxread_csv(path, limit, &text, &len, detail, sizeof detail);

    if (e != want || !strstr(detail, part))
        fail_msg("%s: got %d \"%s\" (%s), wanted %d with \"%s\"", path, (int)e,
                 xlsxread_strerror(e), detail, (int)want, part);
    assert_null(text);
    assert_int_equal(len, 0);
}

static void write_bytes(const char *path, const void *data, size_t n)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
}

/* Parts are stored uncompressed when set (so that damage reaches the XML). */
static bool store_parts;

/* A zip at path holding the parts given (name, text, ..., NULL), written with
 * libzip. */
static void make_zip(const char *path, ...)
{
    va_list ap;
    int err = 0;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    const char *name;

    assert_non_null(za);
    va_start(ap, path);
    while ((name = va_arg(ap, const char *)) != NULL) {
        const char *text = va_arg(ap, const char *);
        zip_source_t *src = zip_source_buffer(za, text, strlen(text), 0);
        zip_int64_t idx;
        assert_non_null(src);
        idx = zip_file_add(za, name, src, ZIP_FL_OVERWRITE);
        assert_true(idx >= 0);
        if (store_parts)
            assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0), 0);
    }
    va_end(ap);
    assert_int_equal(zip_close(za), 0);
}

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"

static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"" NS_PKG "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

static const char book_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
    "<sheet name=\"Ansøgninger\" sheetId=\"1\" r:id=\"rId7\"/>"
    "<sheet name=\"Andet\" sheetId=\"2\" r:id=\"rId1\"/>"
    "</sheets></workbook>";

/* The first sheet (rId7) in a folder above the workbook's, as "../", to see
 * targets resolved; the second sheet must never be read. */
static const char book_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"" NS_PKG "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"" NS_REL "/sharedStrings\" Target=\"/xl/strings.xml\"/>"
    "<Relationship Id=\"rId7\" Type=\"" NS_REL "/worksheet\" "
    "Target=\"./worksheets/../worksheets/first.xml\"/>"
    "</Relationships>";

/* A workbook at path whose first sheet is sheet and shared strings sst
 * (both XML text; sst may be NULL). */
static void make_book(const char *path, const char *sheet, const char *sst)
{
    make_zip(path, "_rels/.rels", root_rels, "xl/workbook.xml", book_xml,
             "xl/_rels/workbook.xml.rels", book_rels, "xl/worksheets/first.xml", sheet,
             "xl/worksheets/sheet2.xml", "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\">"
             "<c r=\"A1\" t=\"inlineStr\"><is><t>never read</t></is></c></row></sheetData>"
             "</worksheet>",
             sst ? "xl/strings.xml" : NULL, sst, NULL);
}

/* ---- workbooks written by libxlsxwriter -------------------------------- */

/* The sheet the tests below write: what each cell is, and its text. */
static void write_sample_sheet(lxw_workbook *wb, bool rich)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Ansøgninger");
    lxw_worksheet *other = workbook_add_worksheet(wb, "Andet");
    lxw_format *bold = workbook_add_format(wb);

    format_set_bold(bold);
    worksheet_write_string(ws, 0, 0, "Forening", NULL);
    worksheet_write_string(ws, 0, 1, "Ansøgt", NULL);
    worksheet_write_string(ws, 0, 2, "Undtagelse", NULL);
    worksheet_write_string(ws, 0, 3, "Note", NULL);
    worksheet_write_string(ws, 1, 0, "Gode Naboer", NULL);
    worksheet_write_number(ws, 1, 1, 50000, NULL);
    worksheet_write_boolean(ws, 1, 2, 1, NULL);
    worksheet_write_string(ws, 1, 3, "Kost; motion", NULL);
    worksheet_write_string(ws, 2, 0, "Klubben \"Fremad\"", NULL);
    worksheet_write_number(ws, 2, 1, 50.5, NULL);
    worksheet_write_boolean(ws, 2, 2, 0, NULL);
    /* row 4 empty; row 5 has a gap in column B and a line break */
    worksheet_write_string(ws, 4, 0, "Første linje\nanden linje", NULL);
    worksheet_write_string(ws, 4, 2, "CR LF\r\nher", NULL);
    worksheet_write_formula_str(ws, 5, 0, "=\"Lektie\"&\"café\"", NULL, "Lektiecafé");
    worksheet_write_formula_num(ws, 5, 1, "=20000*2", NULL, 40000);
    if (rich) {
        lxw_rich_string_tuple plain = {NULL, "Idræt "}, strong = {bold, "for alle"};
        lxw_rich_string_tuple *runs[] = {&plain, &strong, NULL};
        worksheet_write_rich_string(ws, 5, 3, runs, NULL);
    } else {
        worksheet_write_string(ws, 5, 3, "Idræt for alle", NULL);
    }
    worksheet_write_string(other, 0, 0, "må ikke læses", NULL);
    worksheet_write_number(other, 9, 9, 1, NULL);
}

static const char sample_csv[] =
    "Forening;Ansøgt;Undtagelse;Note\n"
    "Gode Naboer;50000;SAND;\"Kost; motion\"\n"
    "\"Klubben \"\"Fremad\"\"\";50,5;FALSK;\n"
    "\n"
    "Første linje anden linje;;CR LF her;\n"
    "Lektiecafé;40000;;Idræt for alle\n";

/* The sample workbook at path, with shared strings. */
static void write_sample_book(const char *path)
{
    lxw_workbook *wb = workbook_new(path);

    assert_non_null(wb);
    write_sample_sheet(wb, true);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_shared_strings_numbers_booleans_gaps_and_breaks_become_exact_csv(void **state)
{
    char path[512], *text;

    (void)state;
    path_of(path, sizeof path, "sample.xlsx");
    write_sample_book(path);
    text = read_ok(path);
    assert_string_equal(text, sample_csv);
    free(text);
}

static void test_inline_strings_of_a_constant_memory_workbook_read_the_same(void **state)
{
    char path[512], *text;
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = 0};
    lxw_workbook *wb;

    (void)state;
    path_of(path, sizeof path, "inline.xlsx");
    wb = workbook_new_opt(path, &opt);
    assert_non_null(wb);
    write_sample_sheet(wb, false);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    text = read_ok(path);
    assert_string_equal(text, sample_csv);
    free(text);
}

static void test_numbers_are_plain_decimals_integers_without_a_point(void **state)
{
    static const double v[] = {0, -3, 1e20, 0.001, 1e-7, 1234567.125, 12345678, 0.1 + 0.2};
    char path[512], *text;
    lxw_workbook *wb;
    lxw_worksheet *ws;

    (void)state;
    path_of(path, sizeof path, "numbers.xlsx");
    wb = workbook_new(path);
    ws = workbook_add_worksheet(wb, NULL);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        worksheet_write_number(ws, (lxw_row_t)i, 0, v[i], NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    text = read_ok(path);
    /* libxlsxwriter writes 16 significant digits: 0.1 + 0.2 is 0.3 there. */
    assert_string_equal(text, "0\n-3\n100000000000000000000\n0,001\n0,0000001\n1234567,125\n"
                              "12345678\n0,3\n");
    free(text);
}

/* The workbook template reads back as the CSV template's header line (which
 * test_init pins), without its byte-order mark and CR. */
static void test_the_init_template_reads_as_its_header_line(void **state)
{
    char dir[512], path[600], err[256], *text, *csv = NULL;
    size_t len = 0;

    (void)state;
    path_of(dir, sizeof dir, "template");
    assert_int_equal(init_pool_folder(dir, 2025, err, sizeof err), INIT_OK);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_APPS_XLSX);
    text = read_ok(path);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_APPS_CSV);
    assert_int_equal(text_read_file(path, &csv, &len), 0);
    assert_true(len > 5 && memcmp(csv, "\xEF\xBB\xBF", 3) == 0 &&
                strcmp(csv + len - 2, "\r\n") == 0);
    csv[len - 2] = '\n';
    csv[len - 1] = '\0';
    assert_string_equal(text, csv + 3);
    assert_non_null(strstr(text, "Nr;CVR;Forening;"));
    free(csv);
    free(text);
}

static void test_an_empty_sheet_is_empty_text(void **state)
{
    char path[512], *text;
    lxw_workbook *wb;

    (void)state;
    path_of(path, sizeof path, "empty-sheet.xlsx");
    wb = workbook_new(path);
    workbook_add_worksheet(wb, NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    text = read_ok(path);
    assert_string_equal(text, "");
    free(text);
}

/* ---- parts written by hand ----------------------------------------------- */

static void test_prefixed_xml_phonetic_guides_escapes_and_error_values(void **state)
{
    static const char sst[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<x:sst xmlns:x=\"" NS_MAIN "\" count=\"3\" uniqueCount=\"3\">"
        "<x:si><x:t>Nr</x:t></x:si>"
        "<x:si><x:r><x:t xml:space=\"preserve\">Gode </x:t></x:r><x:r><x:rPr><x:b/></x:rPr>"
        "<x:t>Naboer</x:t></x:r><x:rPh sb=\"0\" eb=\"1\"><x:t>ふりがな</x:t></x:rPh></x:si>"
        "<x:si><x:t>a_x000D_\nb_x0009_c_x005F_x0041_ &amp; &#10;d</x:t></x:si>"
        "</x:sst>";
    static const char sheet[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<x:worksheet xmlns:x=\"" NS_MAIN "\"><x:dimension ref=\"A1:F3\"/><x:sheetData>"
        "<x:row><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v> 1 </x:v></x:c></x:row>"
        "<x:row r=\"3\"><x:c r=\"B3\" t=\"e\"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c>"
        "<x:c t=\"s\"><x:v>2</x:v></x:c><x:c r=\"E3\" t=\"str\"><x:v>x;y</x:v></x:c>"
        "<x:c r=\"F3\" t=\"b\"><x:v>1</x:v></x:c><x:c r=\"G3\" s=\"1\"/></x:row>"
        "<x:row r=\"4\"><x:c r=\"A4\" t=\"s\"/><x:c r=\"B4\"><x:v>5E+4</x:v></x:c>"
        "<x:c r=\"C4\"><x:v>  </x:v></x:c></x:row>"
        "</x:sheetData></x:worksheet>";
    char path[512], *text;

    (void)state;
    path_of(path, sizeof path, "prefixed.xlsx");
    make_book(path, sheet, sst);
    text = read_ok(path);
    assert_string_equal(text, "Nr;Gode Naboer;;;;\n"
                              "\n"
                              ";#DIV/0!;a b c_x0041_ &  d;;\"x;y\";SAND\n"
                              ";50000;;;;\n");
    free(text);
}

static void test_a_workbook_without_shared_strings_reads_inline_text(void **state)
{
    char path[512], *text;

    (void)state;
    path_of(path, sizeof path, "nosst.xlsx");
    make_book(path,
              "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"2\">"
              "<c r=\"C2\" t=\"inlineStr\"><is><r><t>a</t></r><r><t>b</t></r></is></c>"
              "</row></sheetData></worksheet>",
              NULL);
    text = read_ok(path);
    assert_string_equal(text, "\n;;ab\n");
    free(text);
}

/* ---- broken files --------------------------------------------------------- */

static void test_a_csv_named_xlsx_is_not_a_zip(void **state)
{
    char path[512];

    (void)state;
    path_of(path, sizeof path, "csv.xlsx");
    write_bytes(path, "Nr;Forening\r\n1;A\r\n", 18);
    read_fails(path, 0, XLSXREAD_ERR_NOT_ZIP, "not a zip archive");
    path_of(path, sizeof path, "old.xlsx");
    write_bytes(path, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
    read_fails(path, 0, XLSXREAD_ERR_NOT_ZIP, "Excel 97-2003");
    path_of(path, sizeof path, "empty.xlsx");
    write_bytes(path, "", 0);
    read_fails(path, 0, XLSXREAD_ERR_NOT_ZIP, "the file is empty");
    path_of(path, sizeof path, "no-such-file.xlsx");
    read_fails(path, 0, XLSXREAD_ERR_OPEN, "No such file");
}

static void test_a_truncated_workbook_is_damaged(void **state)
{
    char path[512], cut[512], *data;
    size_t len;

    (void)state;
    path_of(path, sizeof path, "sample-to-cut.xlsx");
    write_sample_book(path);
    assert_int_equal(text_read_file(path, &data, &len), 0);
    assert_true(len > 1000);
    path_of(cut, sizeof cut, "cut-half.xlsx");
    write_bytes(cut, data, len / 2);
    read_fails(cut, 0, XLSXREAD_ERR_DAMAGED, "cut short");
    path_of(cut, sizeof cut, "cut-end.xlsx");
    write_bytes(cut, data, len - 10);
    read_fails(cut, 0, XLSXREAD_ERR_DAMAGED, "cut short");
    free(data);
}

static void test_a_damaged_part_is_reported_not_read(void **state)
{
    static const char part[] = "xl/worksheets/sheet1.xml";
    char path[512], *data;
    size_t len, at, start;

    (void)state;
    /* Flip bytes inside the compressed sheet: inflating it or its checksum
     * fails. Its data starts after the local header (30 bytes), the name and
     * the extra field. */
    path_of(path, sizeof path, "sample-to-flip.xlsx");
    write_sample_book(path);
    assert_int_equal(text_read_file(path, &data, &len), 0);
    for (at = 0; at + 30 + sizeof part < len; at++)
        if (memcmp(data + at, "PK\3\4", 4) == 0 &&
            memcmp(data + at + 30, part, sizeof part - 1) == 0)
            break;
    assert_true(at + 30 + sizeof part < len);
    start = at + 30 + ((unsigned char)data[at + 26] | (unsigned char)data[at + 27] << 8) +
            ((unsigned char)data[at + 28] | (unsigned char)data[at + 29] << 8);
    assert_true(start + 40 < len);
    for (size_t k = start + 5; k < start + 40; k++)
        data[k] = (char)~data[k];
    path_of(path, sizeof path, "flipped.xlsx");
    write_bytes(path, data, len);
    read_fails(path, 0, XLSXREAD_ERR_DAMAGED, "cannot unpack xl/worksheets/sheet1.xml");
    free(data);
}

static void test_a_zip_without_a_workbook_or_sheet_is_reported(void **state)
{
    char path[512];

    (void)state;
    path_of(path, sizeof path, "plain.xlsx");
    make_zip(path, "notes.txt", "hello", NULL);
    read_fails(path, 0, XLSXREAD_ERR_NO_WORKBOOK, "no xl/workbook.xml");
    path_of(path, sizeof path, "nosheets.xlsx");
    make_zip(path, "xl/workbook.xml", "<workbook xmlns=\"" NS_MAIN "\"><sheets/></workbook>", NULL);
    read_fails(path, 0, XLSXREAD_ERR_NO_WORKBOOK, "xl/workbook.xml lists no sheet");
    path_of(path, sizeof path, "norels.xlsx");
    make_zip(path, "xl/workbook.xml", book_xml, NULL);
    read_fails(path, 0, XLSXREAD_ERR_NO_WORKBOOK, "relationships");
    path_of(path, sizeof path, "nosheetpart.xlsx");
    make_zip(path, "xl/workbook.xml", book_xml, "xl/_rels/workbook.xml.rels", book_rels, NULL);
    read_fails(path, 0, XLSXREAD_ERR_NO_SHEET, "worksheets/first.xml is missing");
    path_of(path, sizeof path, "chart.xlsx");
    make_zip(path, "xl/workbook.xml", book_xml, "xl/_rels/workbook.xml.rels",
             "<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId7\" Type=\"" NS_REL
             "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/></Relationships>",
             NULL);
    read_fails(path, 0, XLSXREAD_ERR_NO_SHEET, "not a worksheet");
}

static void test_malformed_xml_names_the_part_line_and_column(void **state)
{
    char path[512];

    (void)state;
    path_of(path, sizeof path, "malformed.xlsx");
    make_book(path, "<worksheet xmlns=\"" NS_MAIN "\">\n<sheetData><row></sheetData></worksheet>",
              NULL);
    read_fails(path, 0, XLSXREAD_ERR_XML,
               "xl/worksheets/first.xml line 2, column 19: mismatched tag");
    make_book(path, "<worksheet", NULL);
    read_fails(path, 0, XLSXREAD_ERR_XML, "xl/worksheets/first.xml line 1");
    make_book(path, "<worksheet xmlns=\"" NS_MAIN "\"/>", "<sst><si><t>a</si></sst>");
    read_fails(path, 0, XLSXREAD_ERR_XML, "xl/strings.xml line 1, column 16: mismatched tag");
}

static void test_a_doctype_with_entities_is_refused(void **state)
{
    char path[512];

    (void)state;
    path_of(path, sizeof path, "laughs.xlsx");
    make_book(path,
              "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
              "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
              "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>"
              "</sheetData></worksheet>",
              NULL);
    read_fails(path, 0, XLSXREAD_ERR_XML, "xl/worksheets/first.xml line 2: a DOCTYPE");
}

static void test_a_part_or_a_text_past_the_limit_is_refused(void **state)
{
    char path[512], *big;
    size_t n = (size_t)2 << 20;
    static const char head[] = "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>";

    (void)state;
    /* 2 MiB of blanks inside the sheet: packs to a few kB. */
    big = malloc(n + 64);
    assert_non_null(big);
    memcpy(big, head, sizeof head - 1);
    memset(big + sizeof head - 1, ' ', n - sizeof head + 1);
    strcpy(big + n, "</sheetData></worksheet>");
    path_of(path, sizeof path, "bomb.xlsx");
    make_book(path, big, NULL);
    read_fails(path, (size_t)1 << 20, XLSXREAD_ERR_TOO_BIG,
               "xl/worksheets/first.xml unpacks to 2097176 bytes, more than the limit of 1048576");
    free(big);
    /* Shared strings that would make the text pass the limit: one string of
     * 1000 bytes used by 2000 cells is 2 MB of text from a 70 kB sheet. */
    {
        char *sheet = malloc(2000 * 64 + 256), *sst = malloc(1200);
        size_t o;
        assert_non_null(sheet);
        assert_non_null(sst);
        o = (size_t)sprintf(sheet, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
        for (int r = 1; r <= 2000; r++)
            o += (size_t)sprintf(sheet + o, "<row r=\"%d\"><c t=\"s\"><v>0</v></c></row>", r);
        strcpy(sheet + o, "</sheetData></worksheet>");
        o = (size_t)sprintf(sst, "<sst xmlns=\"" NS_MAIN "\"><si><t>");
        memset(sst + o, 'x', 1000);
        strcpy(sst + o + 1000, "</t></si></sst>");
        make_book(path, sheet, sst);
        read_fails(path, (size_t)1 << 20, XLSXREAD_ERR_TOO_BIG, "passes the limit of 1048576");
        free(sheet);
        free(sst);
    }
}

static void test_cells_out_of_order_or_beyond_excel_are_content_errors(void **state)
{
    static const struct {
        const char *rows;
        const char *detail;
    } cases[] = {
        {"<row r=\"3\"/><row r=\"2\"/>", "row 2 comes after row 3"},
        {"<row r=\"1048577\"/>", "row number \"1048577\" is not 1 to 1048576"},
        {"<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", "\"XFE1\" is not a cell"},
        {"<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"B1\"><v>1</v></c></row>",
         "cell B1 comes after a cell further right"},
        {"<row r=\"2\"><c r=\"A1\"><v>1</v></c></row>", "cell A1 is inside row 2"},
        {"<row r=\"1\"><c r=\"B1\" t=\"s\"><v>0</v></c></row>",
         "cell B1 refers to shared string \"0\", but the workbook has 0"},
        {"<row r=\"1\"><c r=\"B1\" t=\"s\"><v>99999999999999999999999</v></c></row>",
         "shared string \"99999999999999999999\""},
    };
    char path[512], sheet[1024];

    (void)state;
    path_of(path, sizeof path, "content.xlsx");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(sheet, sizeof sheet, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>%s</sheetData>"
                 "</worksheet>", cases[i].rows);
        make_book(path, sheet, NULL);
        read_fails(path, 0, XLSXREAD_ERR_CONTENT, cases[i].detail);
    }
}

static void test_the_last_excel_cell_is_read(void **state)
{
    char path[512], *text;

    (void)state;
    path_of(path, sizeof path, "corner.xlsx");
    make_book(path,
              "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1048576\">"
              "<c r=\"XFD1048576\"><v>7</v></c></row></sheetData></worksheet>",
              NULL);
    text = read_ok(path);
    assert_int_equal(strlen(text), 1048575 + 16383 + 2);
    assert_string_equal(text + 1048575 + 16383, "7\n");
    assert_int_equal(text[1048575], ';');
    assert_int_equal(text[1048574], '\n');
    free(text);
}

static void test_random_damage_gives_text_or_an_error_never_a_crash(void **state)
{
    static const char sheet[] =
        "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>5.5E+4</v></c></row>"
        "<row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is><t>a;\"b\"_x000A_c</t></is></c>"
        "<c r=\"D3\" t=\"b\"><v>1</v></c><c r=\"E3\" t=\"e\"><v>#N/A</v></c></row>"
        "</sheetData></worksheet>";
    static const char sst[] =
        "<sst xmlns=\"" NS_MAIN "\"><si><r><t>Gode </t></r><r><t>Naboer</t></r></si></sst>";
    char path[512], bad[512], *data, *text, detail[512];
    size_t len, tlen;
    uint64_t rng = 18;
    unsigned seen[XLSXREAD_ERR_TOO_BIG + 1] = {0};

    (void)state;
    path_of(path, sizeof path, "stored.xlsx");
    path_of(bad, sizeof bad, "damaged.xlsx");
    store_parts = true;
    make_book(path, sheet, sst);
    store_parts = false;
    text = read_ok(path);
    assert_string_equal(text, "Gode Naboer;55000;;;\n\n;;\"a;\"\"b\"\" c\";SAND;#N/A\n");
    free(text);
    assert_int_equal(text_read_file(path, &data, &len), 0);
    for (int i = 0; i < 400; i++) {
        char *copy = malloc(len);
        size_t cut = len;
        xlsxread_error e;

        if (test_between(&rng, 0, 4) == 0) /* one in five also cut short */
            cut = (size_t)test_between(&rng, 0, (int64_t)len);
        assert_non_null(copy);
        memcpy(copy, data, len);
        for (int k = (int)test_between(&rng, 1, 6); k > 0; k--)
            copy[test_between(&rng, 0, (int64_t)len - 1)] = (char)test_rng(&rng);
        write_bytes(bad, copy, cut);
        free(copy);
        e = xlsxread_csv(bad, (size_t)1 << 20, &text, &tlen, detail, sizeof detail);
        assert_true(e <= XLSXREAD_ERR_TOO_BIG);
        seen[e]++;
        if (e == XLSXREAD_OK) {
            assert_int_equal(strlen(text), tlen);
            free(text);
        } else {
            assert_null(text);
            assert_true(detail[0] != '\0');
        }
    }
    free(data);
    /* The damage reached past the zip into the XML and the sheet's layout. */
    assert_true(seen[XLSXREAD_OK] > 0);
    assert_true(seen[XLSXREAD_ERR_DAMAGED] > 0);
    assert_true(seen[XLSXREAD_ERR_XML] > 0);
}

/* ---- the applications, through pulje --------------------------------------- */

/* Run a shell command; its output (stdout+stderr) in buf; the exit code. */
static int run(const char *cmd, char *buf, size_t size)
{
    FILE *p = popen(cmd, "r");
    size_t n = 0;
    int st;

    assert_non_null(p);
    while (n + 1 < size) {
        size_t got = fread(buf + n, 1, size - n - 1, p);
        if (got == 0)
            break;
        n += got;
    }
    buf[n] = '\0';
    st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* A fresh applications workbook at path with the template's headers (the
 * reader's own) and two rows; amount2 is the second row's Ansøgt. */
static void write_apps_book(const char *path, const char *amount2)
{
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Ansøgninger");

    for (lxw_col_t c = 0; apps_columns[c].col.key; c++)
        worksheet_write_string(ws, 0, c, apps_columns[c].col.header, NULL);
    worksheet_write_number(ws, 1, 0, 1, NULL);
    worksheet_write_string(ws, 1, 1, "12345678", NULL);
    worksheet_write_string(ws, 1, 2, "Gode Naboer", NULL);
    worksheet_write_string(ws, 1, 3, "Lektiecafé", NULL);
    worksheet_write_number(ws, 1, 4, 20000, NULL);
    worksheet_write_number(ws, 2, 0, 2, NULL);
    worksheet_write_string(ws, 2, 2, "Sportsklubben", NULL);
    worksheet_write_string(ws, 2, 3, "Fodbold; pigehold", NULL);
    if (strcmp(amount2, "12x") == 0)
        worksheet_write_string(ws, 2, 4, amount2, NULL);
    else
        worksheet_write_number(ws, 2, 4, atof(amount2), NULL);
    worksheet_write_number(ws, 2, 5, 30000, NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

/* `pulje init dir`, then the pool file made to name the workbook. */
static void init_for_xlsx(const char *dir)
{
    const char *build = getenv("BUILD");
    char cmd[2048], out[4096];

    snprintf(cmd, sizeof cmd, "%s/pulje init %s --year 2025 2>&1", build ? build : "build", dir);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    snprintf(cmd, sizeof cmd,
             "sed -i 's/^applications  = ansoegninger.csv/applications  = ansoegninger.xlsx/' "
             "%s/pulje.ini && grep -c '^applications  = ansoegninger.xlsx' %s/pulje.ini",
             dir, dir);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_string_equal(out, "1\n");
}

static void test_pulje_check_reads_the_applications_workbook_with_no_problems(void **state)
{
    const char *build = getenv("BUILD");
    char dir[256], path[512], cmd[2048], out[8192], want[2048];

    (void)state;
    path_of(dir, sizeof dir, "cli-ok");
    init_for_xlsx(dir);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_APPS_XLSX);
    write_apps_book(path, "40000");
    snprintf(cmd, sizeof cmd, "%s/pulje check %s/pulje.ini --lang en 2>&1", build ? build : "build", dir);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    snprintf(want, sizeof want, "%s/pulje.ini, %s: 2 applications, no errors, 1 warning (below)\n",
             dir, path);
    /* the summary line (the warning: the init ledger reserves nothing); the
     * inputs' SHA-256 digests follow */
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "ansoegninger.xlsx"));
    snprintf(cmd, sizeof cmd, "%s/pulje explain 2 %s/pulje.ini 2>&1", build ? build : "build",
             dir);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "Sportsklubben"));
}

static void test_a_bad_amount_in_the_workbook_names_its_excel_row_and_column(void **state)
{
    const char *build = getenv("BUILD");
    char dir[256], path[512], cmd[2048], out[8192], want[2048];

    (void)state;
    path_of(dir, sizeof dir, "cli-bad");
    init_for_xlsx(dir);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_APPS_XLSX);
    write_apps_book(path, "12x");
    snprintf(cmd, sizeof cmd, "%s/pulje check %s/pulje.ini --lang en 2>&1", build ? build : "build", dir);
    assert_int_equal(run(cmd, out, sizeof out), 2);
    snprintf(want, sizeof want,
             "%s:3:5: error: column 5 (Ansøgt): \"12x\" is not a whole-krone amount\n", path);
    if (!strstr(out, want))
        fail_msg("wanted \"%s\" in:\n%s", want, out);
}

static void test_a_broken_workbook_is_one_diagnostic_naming_the_file(void **state)
{
    char path[512], cut[512], *data;
    size_t len;
    app_list apps;
    diag_list dl;

    (void)state;
    path_of(path, sizeof path, "csv.xlsx");
    diag_init(&dl);
    assert_int_equal(apps_load(path, &apps, &dl), -1);
    assert_int_equal(dl.n, 1);
    assert_string_equal(dl.v[0].file, path);
    assert_int_equal(dl.v[0].line, 0);
    assert_non_null(strstr(dl.v[0].msg, "the file is not an Excel workbook (.xlsx) (it is not "
                                        "a zip archive"));
    assert_non_null(strstr(dl.v[0].hint, "Excel-projektmappe"));
    assert_string_equal(apps.file, path);
    assert_int_equal(apps.n, 0);
    apps_free(&apps);
    diag_free(&dl);

    path_of(path, sizeof path, "apps-to-cut.xlsx");
    write_apps_book(path, "40000");
    assert_int_equal(text_read_file(path, &data, &len), 0);
    path_of(cut, sizeof cut, "cut.XLSX");
    write_bytes(cut, data, len / 3);
    free(data);
    diag_init(&dl);
    assert_int_equal(apps_load_pool(cut, NULL, &apps, &dl), -1);
    assert_int_equal(dl.n, 1);
    assert_string_equal(dl.v[0].file, cut);
    assert_non_null(strstr(dl.v[0].msg, "the workbook is damaged (the zip archive is cut short"));
    apps_free(&apps);
    diag_free(&dl);
}

/* ---- typed cells, sheets by name, encrypted workbooks ----------------------- */

static void test_dates_times_percentages_and_booleans_are_listed_with_their_format(void **state)
{
    char path[512], detail[512];
    xlsxread_result res;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *date, *pct, *d14, *time, *money;

    (void)state;
    path_of(path, sizeof path, "typed.xlsx");
    wb = workbook_new(path);
    ws = workbook_add_worksheet(wb, "Ansøgninger");
    date = workbook_add_format(wb);
    format_set_num_format(date, "dd-mm-yyyy");
    pct = workbook_add_format(wb);
    format_set_num_format(pct, "0%");
    d14 = workbook_add_format(wb);
    format_set_num_format_index(d14, 14);
    time = workbook_add_format(wb);
    format_set_num_format(time, "[h]:mm");
    money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0 \"kr.\";[Red]-#,##0 \"kr.\"");
    worksheet_write_string(ws, 0, 0, "Ansøgt", NULL);
    worksheet_write_number(ws, 1, 0, 44941, date);
    worksheet_write_number(ws, 2, 0, 0.5, pct);
    worksheet_write_number(ws, 3, 0, 45000, d14);
    worksheet_write_number(ws, 4, 0, 0.25, time);
    worksheet_write_boolean(ws, 5, 0, 1, NULL);
    worksheet_write_number(ws, 6, 0, 50000, money);
    worksheet_write_number(ws, 7, 0, 60000, NULL);
    {
        /* LibreOffice saves a boolean as a number shown by quoted text only */
        lxw_format *lo_bool = workbook_add_format(wb);
        format_set_num_format(lo_bool, "\"SAND\";\"SAND\";\"FALSK\"");
        worksheet_write_number(ws, 8, 0, 1, lo_bool);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    assert_int_equal(xlsxread_sheet(path, 0, NULL, &res, detail, sizeof detail), XLSXREAD_OK);
    assert_string_equal(res.text,
                        "Ansøgt\n44941\n0,5\n45000\n0,25\nSAND\n50000\n60000\n1\n");
    assert_int_equal(res.n_cells, 6);
    assert_int_equal(res.cells[5].row, 9);
    assert_int_equal(res.cells[5].kind, XLSXREAD_BOOL);
    assert_string_equal(res.cells[5].format, "\"SAND\";\"SAND\";\"FALSK\"");
    assert_int_equal(res.cells[0].row, 2);
    assert_int_equal(res.cells[0].col, 1);
    assert_int_equal(res.cells[0].kind, XLSXREAD_DATE);
    assert_string_equal(res.cells[0].format, "dd-mm-yyyy");
    assert_string_equal(res.cells[0].value, "44941");
    assert_int_equal(res.cells[1].kind, XLSXREAD_PERCENT);
    assert_string_equal(res.cells[1].format, "0%");
    assert_int_equal(res.cells[2].row, 4);
    assert_int_equal(res.cells[2].kind, XLSXREAD_DATE);
    assert_string_equal(res.cells[2].format, "mm-dd-yy");
    assert_int_equal(res.cells[3].kind, XLSXREAD_TIME);
    assert_int_equal(res.cells[4].row, 6);
    assert_int_equal(res.cells[4].kind, XLSXREAD_BOOL);
    assert_string_equal(res.cells[4].value, "1");
    assert_string_equal(res.sheet, "Ansøgninger");
    assert_int_equal(res.n_sheets, 1);
    xlsxread_result_free(&res);
}

static void test_a_sheet_is_read_by_its_name_and_a_wrong_name_lists_the_sheets(void **state)
{
    char path[512], detail[512];
    xlsxread_result res;

    (void)state;
    path_of(path, sizeof path, "named.xlsx");
    make_book(path, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData/></worksheet>", NULL);
    assert_int_equal(xlsxread_sheet(path, 0, "andet", &res, detail, sizeof detail), XLSXREAD_OK);
    assert_string_equal(res.text, "never read\n");
    assert_string_equal(res.sheet, "Andet");
    assert_int_equal(res.n_sheets, 2);
    assert_string_equal(res.sheets[0], "Ansøgninger");
    assert_string_equal(res.sheets[1], "Andet");
    xlsxread_result_free(&res);
    assert_int_equal(xlsxread_sheet(path, 0, "Ark1", &res, detail, sizeof detail),
                     XLSXREAD_ERR_NO_SUCH_SHEET);
    assert_string_equal(detail, "no sheet is named \"Ark1\"; the sheets are \"Ansøgninger\", "
                                "\"Andet\"");
    assert_null(res.text);
}

static void test_an_encrypted_workbook_is_called_encrypted(void **state)
{
    char path[512], cfb[4096];
    static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

    (void)state;
    memset(cfb, 0, sizeof cfb);
    memcpy(cfb, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    memcpy(cfb + 1024 + 128, name, sizeof name - 1);
    path_of(path, sizeof path, "locked.xlsx");
    write_bytes(path, cfb, sizeof cfb);
    read_fails(path, 0, XLSXREAD_ERR_ENCRYPTED, "holding an EncryptedPackage stream");
    assert_string_equal(xlsxread_strerror(XLSXREAD_ERR_ENCRYPTED),
                        "the workbook is encrypted (saved with a password)");
    /* the same container without the stream is an old .xls */
    memset(cfb + 1024, 0, 512);
    path_of(path, sizeof path, "old.xlsx");
    write_bytes(path, cfb, sizeof cfb);
    read_fails(path, 0, XLSXREAD_ERR_NOT_ZIP, "Excel 97-2003 workbook (.xls)");
}

static void test_control_characters_in_a_cell_are_kept_for_the_reader(void **state)
{
    char path[512];
    char *text;

    (void)state;
    path_of(path, sizeof path, "esc.xlsx");
    make_book(path,
              "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\">"
              "<c r=\"A1\" t=\"inlineStr\"><is><t>A_x001B_[31mB_x0007_</t></is></c>"
              "<c r=\"B1\" t=\"inlineStr\"><is><t>to&#10;linjer&#9;tab</t></is></c>"
              "</row></sheetData></worksheet>",
              NULL);
    text = read_ok(path);
    assert_string_equal(text, "A\x1b[31mB\x07;to linjer tab\n");
    free(text);
}

static void test_a_date_in_ansoegt_through_pulje_names_the_cell(void **state)
{
    const char *build = getenv("BUILD");
    char dir[256], path[512], cmd[2048], out[8192], want[2048];
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *date;

    (void)state;
    path_of(dir, sizeof dir, "cli-date");
    init_for_xlsx(dir);
    snprintf(path, sizeof path, "%s/%s", dir, INIT_APPS_XLSX);
    wb = workbook_new(path);
    ws = workbook_add_worksheet(wb, "Vejledning");
    worksheet_write_string(ws, 0, 0, "Udfyld arket Ansøgninger", NULL);
    ws = workbook_add_worksheet(wb, "Ansøgninger");
    date = workbook_add_format(wb);
    format_set_num_format(date, "dd-mm-yyyy");
    for (lxw_col_t c = 0; apps_columns[c].col.key; c++)
        worksheet_write_string(ws, 0, c, apps_columns[c].col.header, NULL);
    worksheet_write_number(ws, 1, 0, 1, NULL);
    worksheet_write_string(ws, 1, 2, "Gode Naboer", NULL);
    worksheet_write_string(ws, 1, 3, "Lektiecafé", NULL);
    worksheet_write_number(ws, 1, 4, 44941, date);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

    /* the instructions sheet is first: pulje says so and names the other */
    snprintf(cmd, sizeof cmd, "%s/pulje check %s/pulje.ini --lang en 2>&1", build ? build : "build", dir);
    assert_int_equal(run(cmd, out, sizeof out), 2);
    snprintf(want, sizeof want,
             "%s:1: error: pulje read the first sheet, \"Vejledning\", whose first row is not "
             "the applications' header; the sheet \"Ansøgninger\" has it\n"
             "  hint: move the sheet \"Ansøgninger\" first in the workbook, or name it in the "
             "pool file: applications_sheet = Ansøgninger under [pool]\n",
             path);
    if (!strstr(out, want))
        fail_msg("wanted \"%s\" in:\n%s", want, out);

    /* named in the pool file, the sheet is read, and the date cell is refused */
    snprintf(cmd, sizeof cmd,
             "sed -i 's/^applications  = ansoegninger.xlsx/&\\napplications_sheet = "
             "Ansøgninger/' %s/pulje.ini && %s/pulje check %s/pulje.ini --lang en 2>&1",
             dir, build ? build : "build", dir);
    assert_int_equal(run(cmd, out, sizeof out), 2);
    snprintf(want, sizeof want,
             "%s:2:5: error: column 5 (Ansøgt): cell E2 is formatted as a date (dd-mm-yyyy), "
             "not as an amount; its value 44941 would be read as \"44941\"\n",
             path);
    if (!strstr(out, want))
        fail_msg("wanted \"%s\" in:\n%s", want, out);
    if (strstr(out, "first sheet"))
        fail_msg("the named sheet was not read:\n%s", out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_strings_numbers_booleans_gaps_and_breaks_become_exact_csv),
        cmocka_unit_test(test_inline_strings_of_a_constant_memory_workbook_read_the_same),
        cmocka_unit_test(test_numbers_are_plain_decimals_integers_without_a_point),
        cmocka_unit_test(test_the_init_template_reads_as_its_header_line),
        cmocka_unit_test(test_an_empty_sheet_is_empty_text),
        cmocka_unit_test(test_prefixed_xml_phonetic_guides_escapes_and_error_values),
        cmocka_unit_test(test_a_workbook_without_shared_strings_reads_inline_text),
        cmocka_unit_test(test_a_csv_named_xlsx_is_not_a_zip),
        cmocka_unit_test(test_a_truncated_workbook_is_damaged),
        cmocka_unit_test(test_a_damaged_part_is_reported_not_read),
        cmocka_unit_test(test_a_zip_without_a_workbook_or_sheet_is_reported),
        cmocka_unit_test(test_malformed_xml_names_the_part_line_and_column),
        cmocka_unit_test(test_a_doctype_with_entities_is_refused),
        cmocka_unit_test(test_a_part_or_a_text_past_the_limit_is_refused),
        cmocka_unit_test(test_cells_out_of_order_or_beyond_excel_are_content_errors),
        cmocka_unit_test(test_the_last_excel_cell_is_read),
        cmocka_unit_test(test_random_damage_gives_text_or_an_error_never_a_crash),
        cmocka_unit_test(test_pulje_check_reads_the_applications_workbook_with_no_problems),
        cmocka_unit_test(test_a_bad_amount_in_the_workbook_names_its_excel_row_and_column),
        cmocka_unit_test(test_a_broken_workbook_is_one_diagnostic_naming_the_file),
        cmocka_unit_test(test_dates_times_percentages_and_booleans_are_listed_with_their_format),
        cmocka_unit_test(test_a_sheet_is_read_by_its_name_and_a_wrong_name_lists_the_sheets),
        cmocka_unit_test(test_an_encrypted_workbook_is_called_encrypted),
        cmocka_unit_test(test_control_characters_in_a_cell_are_kept_for_the_reader),
        cmocka_unit_test(test_a_date_in_ansoegt_through_pulje_names_the_cell),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests_name("xlsxread", tests, setup, teardown);
}
