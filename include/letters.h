/* letters.h - Decision letters (afgørelsesbreve): one per application, as data.
 *
 * A letter is built from the verified result and a template the officer can
 * edit: a UTF-8 text file (the pool's `[pool] letter = brev.txt`, else the
 * built-in one of the language chosen, letters_template_default()) in
 * sections
 *
 *   [emne]        the subject line                      (also [subject])
 *   [bevilget]    the decision, granted as assessed      ([granted])
 *   [delvis]      the decision, less than applied for    ([partial])
 *   [afslag]      the decision, refused                  ([refused])
 *   [vilkår]      conditions and reporting, grants only  ([conditions])
 *   [afslutning]  the closing words, every letter        ([closing])
 *   [hilsen]      the signature, line by line            ([signature])
 *
 * Lines starting with '#' are comments (but "## " starts a heading). In a section, blank lines separate
 * paragraphs and the lines of a paragraph are joined with one blank; a
 * paragraph starting with "## " is a heading; a paragraph that is empty
 * once its fields are filled in is left out. {felt} is replaced by the
 * application's field (letters_field_name()); "{{" is a '{' and "}}" a '}'. An unknown
 * field or section is an error at its line and column.
 *
 * The letter's layout is data here (letter_block: the sender, the
 * recipient, the subject, paragraphs, the figures, the calculation of
 * explain, the signature); letters_pdf.h puts it on paper. Every word
 * comes from labels.c or the template, so the letter follows --lang.
 * Pure computation: no I/O. */
#ifndef PULJE_LETTERS_H
#define PULJE_LETTERS_H

#include <stddef.h>

#include "alloc.h"
#include "apps.h"
#include "diag.h"
#include "pool.h"

/* The template's sections. */
typedef enum letter_section {
    LT_SUBJECT = 0, LT_GRANTED, LT_PARTIAL, LT_REFUSED, LT_CONDITIONS, LT_CLOSING,
    LT_SIGNATURE, LT__COUNT
} letter_section;

/* The fields a template may use (and the mail-merge CSV's columns, in this order). */
typedef enum letter_field {
    LF_NR = 0,        /* nr: the application's number */
    LF_ASSOCIATION,   /* forening */
    LF_CVR,           /* cvr */
    LF_ACTIVITY,      /* indsats */
    LF_DECISION,      /* afgørelse: "Bevilget", "Delvis bevilget", "Afslag" */
    LF_APPLIED,       /* ansøgt: "145.000 kr." */
    LF_ASSESSED,      /* indstillet: the panel's assessed amount */
    LF_GRANT,         /* bevilget: the grant per year */
    LF_PER_YEAR,      /* tilskud_pr_aar: the same */
    LF_YEARS_ASKED,   /* år_ansøgt: 1, 2 or 3 */
    LF_YEARS,         /* år_bevilget: 0 (refused), 1, 2 or 3 */
    LF_SUPPLEMENT,    /* tillæg: the supplements in all, "50.000 kr." ("0 kr.") */
    LF_TOTAL,         /* i_alt: grant x years + supplements */
    LF_REASON,        /* begrundelse: the reason in words */
    LF_MULTIYEAR,     /* flerårig: the sentence on years 2 and 3 ("" for one year) */
    LF_SUPP_TEXT,     /* tillæg_tekst: the sentence on the supplements ("" if none) */
    LF_REPORTING,     /* afrapportering: the reporting duty and its deadline */
    LF_DUTY,          /* aflæggelse: what to hand in, by the grant's size */
    LF_DEADLINE,      /* frist: the report's deadline ([pool] report_deadline; "" if none) */
    LF_DATE,          /* dato: the decision date, "13. december 2022" */
    LF_POOL,          /* pulje: the pool's name */
    LF_COMMITTEE,     /* udvalg */
    LF_YEAR,          /* år: the grant year */
    LF_CASE,          /* sagsnummer ("" if none) */
    LF__COUNT
} letter_field;

/* The kind of a letter. */
typedef enum letter_kind { LETTER_GRANTED = 0, LETTER_PARTIAL, LETTER_REFUSED } letter_kind;

/* What a block of the letter is, and so how letters_pdf.h sets it. */
typedef enum letter_block_kind {
    LB_SENDER,     /* the letterhead: text (bold) = the pool, value = the committee */
    LB_META,       /* to the right, under the letterhead: text label, value ("Dato", ...) */
    LB_RECIPIENT,  /* the address block: one line each; the first bold */
    LB_SUBJECT,    /* the subject line, bold */
    LB_PARA,       /* a paragraph, wrapped to the page */
    LB_HEADING,    /* a heading before paragraphs, bold */
    LB_FIGURE,     /* a row of the figures: text label, value amount */
    LB_FIGURE_TOTAL, /* the figures' last row, bold, ruled above */
    LB_CALC,       /* a line of the calculation, small; indent = its depth (0, 1) */
    LB_SIGNATURE   /* a line of the signature, kept as it is */
} letter_block_kind;

typedef struct letter_block {
    letter_block_kind kind;
    char *text;
    char *value;    /* LB_SENDER, LB_META, LB_FIGURE*: the right part; else NULL */
    int indent;     /* LB_CALC: 0 a step, 1 its detail */
} letter_block;

typedef struct letter {
    letter_kind kind;
    size_t app;                  /* the application's index */
    char *fields[LF__COUNT];     /* every field's value, UTF-8, never NULL */
    letter_block *v;
    size_t n, cap;
} letter;

/* A parsed template: each section's text (NULL: the section is absent and
 * the built-in one's is used). */
typedef struct letter_template {
    char *file;                  /* for messages; "" for the built-in */
    char *sec[LT__COUNT];
    unsigned line[LT__COUNT];    /* where each section's text starts (0: built-in) */
} letter_template;

/** @brief The name of field f as a template writes it ("forening"), or NULL. */
const char *letters_field_name(letter_field f);

/** @brief The field named by s[0..n) ("forening"), or -1. This function can't fail. */
int letters_field_of(const char *s, size_t n);

/** @brief The Danish name of section s ("emne"), or NULL. */
const char *letters_section_name(letter_section s);

/**
 * @brief Parse a template held in memory (UTF-8, BOM allowed). Unknown
 * sections and fields, text before the first section and an unclosed '{'
 * are errors in dl at their line and column. Sections the text lacks are
 * taken from the built-in template.
 * @return 0; -1 with dl said why (t is then empty); -2 out of memory.
 *         Free t with letters_template_free() either way.
 */
int letters_template_parse(const char *text, size_t len, const char *file, letter_template *t,
                           diag_list *dl);

/**
 * @brief The built-in template of the language chosen (labels.h), as text:
 * what `[pool] letter` may replace, and the README shows. Never NULL.
 */
const char *letters_template_text(void);

/** @brief The built-in template, parsed. @return 0, or -2 out of memory. */
int letters_template_default(letter_template *t);

/** @brief Free a template; the struct is zeroed. Safe on a zeroed struct. */
void letters_template_free(letter_template *t);

/**
 * @brief The letter of application i: its fields, and its blocks from the
 * template t. r must be the verified result of p and apps.
 * @return 0, or -1 on out of memory or i out of range (out is then empty).
 *         Free out with letters_free() either way.
 */
int letters_build(const pool *p, const app_list *apps, const alloc_result *r, size_t i,
                  const letter_template *t, letter *out);

/** @brief Free a letter; the struct is zeroed. Safe on a zeroed struct. */
void letters_free(letter *l);

/**
 * @brief The letter's file name in the letters folder: "<nr>-<forening
 * slugged>.pdf" ("13-bolbros-aabne-fortaellere.pdf"). Returns buf.
 */
char *letters_file_name(const letter *l, char *buf, size_t size);

/**
 * @brief What an application must hand in after its grant (the reporting
 * duty by size): 0 a short report (the year's grant plus supplements at most
 * [pool] report_limit, default 20.000 kr.), 1 a report and accounts (at most
 * audit_limit, default 50.000 kr.), 2 a report and audited accounts; -1 no
 * grant. This function can't fail.
 */
int letters_duty(const pool *p, const alloc_result *r, size_t i);

#endif
