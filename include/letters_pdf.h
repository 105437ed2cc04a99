/* letters_pdf.h - Decision letters on paper: PDF files written with libharu.
 *
 * The I/O half of letters.h: each letter's blocks set on A4 pages (the
 * letterhead, the date block at the right, the address, the subject, the
 * paragraphs wrapped to the page's width, the figures in two columns, the
 * calculation small, the signature, a footer with the page) in DejaVu Sans
 * (fonts-dejavu-core), embedded, through libharu's single-byte CP1252
 * encoder: it has æ ø å, § – „ " and €, and a simple TrueType font with
 * that encoding keeps the glyph names, so every viewer and pdftotext read
 * the letters back as they were written. A character CP1252 lacks is
 * written as '?'. The document's dates are the decision date (no clock), so
 * the same inputs give the same bytes.
 *
 * The writers: the mail-merge CSV (one row per application, one column per
 * field of letters.h), one PDF with every letter (for printing), and a
 * folder with one PDF per application. Each file is written whole or not at
 * all (atomic.h); the folder is written beside the old one and swapped in. */
#ifndef PULJE_LETTERS_PDF_H
#define PULJE_LETTERS_PDF_H

#include <stddef.h>

#include "alloc.h"
#include "apps.h"
#include "letters.h"
#include "pool.h"

/* The fonts, from fonts-dejavu-core. */
#define LETTERS_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define LETTERS_FONT_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

/**
 * @brief The template of p's letters: the file `[pool] letter` names
 * (relative to the pool file), else the built-in one.
 * @return 0; -1 when the file cannot be read or is not a template (dl
 *         says where); -2 out of memory. Free t with letters_template_free().
 */
int letters_template_load(const pool *p, letter_template *t, diag_list *dl);

/**
 * @brief Write letters v[0..n) into one PDF at path, each letter starting
 * on a new page; date (YYYY-MM-DD, may be NULL) is the document's date.
 * @return the number of pages (> 0), or -1 with err set (path untouched).
 */
int letters_pdf_write(const char *path, letter *const *v, size_t n, const char *date,
                      char *err, size_t errsz);

/**
 * @brief Every application's letter from the template t, into one PDF at
 * path. @return the number of pages, or -1 with err set.
 */
int letters_write_combined(const char *path, const pool *p, const app_list *apps,
                           const alloc_result *r, const letter_template *t, char *err,
                           size_t errsz);

/**
 * @brief The mail-merge CSV at path: a header of the field names, then one
 * row per application. @return 0, or -1 with err set.
 */
int letters_write_csv(const char *path, const pool *p, const app_list *apps,
                      const alloc_result *r, char *err, size_t errsz);

/**
 * @brief The same fields as letters_write_csv() as a workbook for Word's
 * mail merge: one sheet, the field names in row 1, one row per application,
 * every field a text cell; dated by the decision date, so the file is the
 * same byte for byte for the same inputs. @return 0, or -1 with err set.
 */
int letters_write_merge_xlsx(const char *path, const pool *p, const app_list *apps,
                             const alloc_result *r, char *err, size_t errsz);

/**
 * @brief The folder dir with one PDF per application (letters_file_name()),
 * written into a new folder beside it and swapped in by renames, the old
 * one's PDFs then removed. An old folder holding anything but PDFs is
 * refused before anything is written (err names the file).
 * @return the number of letters written, or -1 with err set (dir as it was).
 */
long letters_write_folder(const char *dir, const pool *p, const app_list *apps,
                          const alloc_result *r, const letter_template *t, char *err,
                          size_t errsz);

/**
 * @brief A run's letters folder: letters_write_folder() at
 * <out_dir>/<base>[-tag]-breve (report_basename(); tag "" for the official
 * names), its path with a '/' at the end in dir.
 * @return the number of letters written, or -1 with err set.
 */
long letters_write_run_folder(const char *out_dir, const char *tag, const pool *p,
                              const app_list *apps, const alloc_result *r,
                              const letter_template *t, char *dir, size_t dirsz, char *err,
                              size_t errsz);

#endif
