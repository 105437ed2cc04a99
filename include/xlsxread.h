/* xlsxread.h - The first sheet of an Excel workbook (.xlsx) as ';'-separated text.
 *
 * So that the applications can be handed over as the workbook itself, and be
 * read and checked by the same CSV reader (table.h) with the same messages.
 * The zip container is read with libzip, its XML parts with expat.
 *
 * The sheet is the first in workbook order (xl/workbook.xml, found through
 * _rels/.rels, then its r:id through the workbook's relationships), hidden or
 * not, or the one named (xlsxread_sheet()). Its row r becomes line r of the text (an empty row an empty line), its
 * column c field c of the line (a missing cell an empty field), so that a
 * line and field number in a message are Excel's row and column number.
 * Every line that has a value is padded with empty fields to the widest one,
 * as Excel pads the rows of a CSV it saves. Values become text as follows:
 *
 *   a text (shared, inline or rich text: the runs joined; phonetic guides
 *   left out), a formula's text result, a date written as text,
 *   an error value such as #DIV/0!   as it stands
 *   a number                         integers without a decimal point
 *                                    (50000), others with a decimal comma
 *                                    (50,5), never in exponent form
 *   a boolean                        SAND or FALSK, as Danish Excel shows it
 *   a formula's number result        as a number; formulas are not evaluated
 *
 * Excel's escapes of characters XML cannot hold (_x000D_) are decoded; line
 * breaks and tabs inside a value become one space each (a CR LF pair one
 * space), so one sheet row stays one line; other control characters (ESC
 * as _x001B_) are kept, for the reader to report at their cell.
 *
 * xlsxread_sheet() also lists the cells a reader of amounts must not take
 * for amounts: numbers whose style's number format (xl/styles.xml: cellXfs
 * and numFmts, built-in ids included) shows a date, a time or a percentage,
 * booleans (t="b", or LibreOffice's quoted "TRUE";"TRUE";"FALSE" format) and
 * dates written as text (t="d"). An encrypted workbook (an OLE container with
 * an EncryptedPackage stream, as Excel and LibreOffice save one with a
 * password) is XLSXREAD_ERR_ENCRYPTED, not an .xls. A field with
 * ';' or '"' is put in double quotes, inner quotes doubled. Lines end with LF.
 *
 * A damaged, hostile or odd file is an error value, never a crash: every
 * part is unpacked in chunks and given up on past a limit (512 MiB by default,
 * against zip bombs), so is the text; an XML DOCTYPE is refused (so no entity
 * can expand); a cell beyond Excel's 1.048.576 rows or 16.384 columns, or
 * rows and cells out of order, are errors.
 *
 * @code
 * char *text, detail[512];
 * size_t len;
 * xlsxread_error e = xlsxread_csv("ansoegninger.xlsx", 0, &text, &len, detail,
 *                                 sizeof detail);
 * if (e != XLSXREAD_OK)
 *     printf("%s (%s)\n", xlsxread_strerror(e), detail);
 * else
 *     free(text);
 * @endcode
 */
#ifndef PULJE_XLSXREAD_H
#define PULJE_XLSXREAD_H

#include <stdbool.h>
#include <stddef.h>

/* The default limit on the unpacked size of any part, and of the text. */
#define XLSXREAD_MAX_BYTES ((size_t)512 << 20)

/* Excel's limits; a cell beyond them is an error. */
#define XLSXREAD_MAX_ROWS 1048576u
#define XLSXREAD_MAX_COLS 16384u

typedef enum {
    XLSXREAD_OK = 0,
    XLSXREAD_ERR_NOMEM,       /* out of memory */
    XLSXREAD_ERR_OPEN,        /* the file cannot be opened or read */
    XLSXREAD_ERR_NOT_ZIP,     /* empty, or not a zip archive at all */
    XLSXREAD_ERR_DAMAGED,     /* a zip cut short or damaged, or a part that cannot be
                                 unpacked (bad checksum, encrypted, unknown method) */
    XLSXREAD_ERR_NO_WORKBOOK, /* no workbook part, or it lists no sheet */
    XLSXREAD_ERR_NO_SHEET,    /* the first sheet's part is missing or not a worksheet */
    XLSXREAD_ERR_XML,         /* a part is not well-formed XML, or has a DOCTYPE */
    XLSXREAD_ERR_CONTENT,     /* well-formed, but not a sheet as Excel writes one: a bad
                                 cell reference, rows or cells out of order, beyond
                                 Excel's limits, a shared string that does not exist */
    XLSXREAD_ERR_TOO_BIG,     /* a part, or the text, would pass the limit */
    XLSXREAD_ERR_ENCRYPTED,   /* a workbook saved with a password (an encrypted OLE file) */
    XLSXREAD_ERR_NO_SUCH_SHEET /* the sheet asked for by name is not in the workbook */
} xlsxread_error;

/* What a cell holds besides its text, when a reader of amounts must know:
 * a number the workbook shows as a date, a time or a percentage, or a
 * boolean. Plain numbers and texts are not listed. */
typedef enum {
    XLSXREAD_PLAIN = 0,
    XLSXREAD_DATE,     /* a number with a date format (or a date cell, t="d") */
    XLSXREAD_TIME,     /* a number with a time-only format */
    XLSXREAD_PERCENT,  /* a number with a percentage format */
    XLSXREAD_BOOL      /* a boolean (t="b") */
} xlsxread_kind;

/* One such cell: its row and column (Excel's, = the text's line and field). */
typedef struct xlsxread_cell {
    unsigned row, col;
    xlsxread_kind kind;
    char format[40];   /* the number format code ("dd-mm-yyyy", "0%"), "" for a boolean */
    char value[24];    /* the stored value as written in the sheet ("44941", "1") */
} xlsxread_cell;

/* A sheet read with xlsxread_sheet(). */
typedef struct xlsxread_result {
    char *text;             /* as xlsxread_csv() gives it */
    size_t len;
    xlsxread_cell *cells;   /* the typed cells, in row and column order */
    size_t n_cells;
    char *sheet;            /* the name of the sheet read */
    char **sheets;          /* the names of all sheets, in workbook order */
    size_t n_sheets;
} xlsxread_result;

/**
 * @brief A one-line English description of an error value, e.g. "the file is
 * not an Excel workbook (.xlsx)". This function can't fail.
 */
const char *xlsxread_strerror(xlsxread_error e);

/**
 * @brief True if name ends in ".xlsx", in any case. This function can't fail.
 */
bool xlsxread_is_xlsx_name(const char *name);

/**
 * @brief Read the first sheet of the workbook at path as ';'-separated text.
 *
 * @param path      The .xlsx file.
 * @param limit     The most bytes any part may unpack to, and the text may
 *                  take; 0 for XLSXREAD_MAX_BYTES.
 * @param text      Receives the text, malloc'ed and NUL-terminated (also when
 *                  empty); NULL on error. The caller frees it.
 * @param len       Receives its length without the NUL; 0 on error.
 * @param detail    When not NULL, receives what exactly is wrong on error, in
 *                  English, naming the part (e.g. "xl/worksheets/sheet1.xml
 *                  line 2, column 40: mismatched tag"); "" on success.
 * @param detailsz  The size of detail.
 * @return XLSXREAD_OK, or what went wrong; nothing is left allocated then.
 */
xlsxread_error xlsxread_csv(const char *path, size_t limit, char **text, size_t *len,
                            char *detail, size_t detailsz);

/**
 * @brief Read one sheet of the workbook at path, as xlsxread_csv() does, and
 * say besides which cells are dates, times, percentages or booleans, and
 * what sheets the workbook has.
 *
 * @param path   The .xlsx file.
 * @param limit  As for xlsxread_csv().
 * @param name   The sheet to read, by name (exact, then ignoring ASCII case);
 *               NULL for the first in workbook order. A name that no sheet
 *               has is XLSXREAD_ERR_NO_SUCH_SHEET, and detail lists the
 *               sheets.
 * @param res    Filled on success; zeroed on error. Free with
 *               xlsxread_result_free().
 * @return XLSXREAD_OK, or what went wrong (detail as for xlsxread_csv()).
 */
xlsxread_error xlsxread_sheet(const char *path, size_t limit, const char *name,
                              xlsxread_result *res, char *detail, size_t detailsz);

/** @brief Free a result; it is zeroed. Safe on a zeroed result. */
void xlsxread_result_free(xlsxread_result *res);

/** @brief "D4" for column 4, row 4, into out (at least 16 bytes); returns out. */
char *xlsxread_cell_name(unsigned col, unsigned row, char out[16]);

#endif
