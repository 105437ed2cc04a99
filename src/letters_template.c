/* letters_template.c - The letters' template: its sections and fields, the
 * parser with its errors at line and column, and the built-in template. */
#include "letters.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"

/* The fields' names as a template writes them, in letter_field order. */
static const char *const field_names[LF__COUNT] = {
    [LF_NR] = "nr",
    [LF_ASSOCIATION] = "forening",
    [LF_CVR] = "cvr",
    [LF_ACTIVITY] = "indsats",
    [LF_DECISION] = "afgørelse",
    [LF_APPLIED] = "ansøgt",
    [LF_ASSESSED] = "indstillet",
    [LF_GRANT] = "bevilget",
    [LF_PER_YEAR] = "tilskud_pr_aar",
    [LF_YEARS_ASKED] = "år_ansøgt",
    [LF_YEARS] = "år_bevilget",
    [LF_SUPPLEMENT] = "tillæg",
    [LF_TOTAL] = "i_alt",
    [LF_REASON] = "begrundelse",
    [LF_MULTIYEAR] = "flerårig",
    [LF_SUPP_TEXT] = "tillæg_tekst",
    [LF_REPORTING] = "afrapportering",
    [LF_DUTY] = "aflæggelse",
    [LF_DEADLINE] = "frist",
    [LF_DATE] = "dato",
    [LF_POOL] = "pulje",
    [LF_COMMITTEE] = "udvalg",
    [LF_YEAR] = "år",
    [LF_CASE] = "sagsnummer",
};
_Static_assert(sizeof field_names / sizeof field_names[0] == LF__COUNT, "one name per field");

/* The sections' names: Danish, then English. */
static const char *const section_names[LT__COUNT][2] = {
    [LT_SUBJECT] = {"emne", "subject"},
    [LT_GRANTED] = {"bevilget", "granted"},
    [LT_PARTIAL] = {"delvis", "partial"},
    [LT_REFUSED] = {"afslag", "refused"},
    [LT_CONDITIONS] = {"vilkår", "conditions"},
    [LT_CLOSING] = {"afslutning", "closing"},
    [LT_SIGNATURE] = {"hilsen", "signature"},
};

const char *letters_field_name(letter_field f)
{
    return (unsigned)f < LF__COUNT ? field_names[f] : NULL;
}

const char *letters_section_name(letter_section s)
{
    return (unsigned)s < LT__COUNT ? section_names[s][0] : NULL;
}

/* ---- the template -------------------------------------------------------- */

void letters_template_free(letter_template *t)
{
    if (!t)
        return;
    free(t->file);
    for (int s = 0; s < LT__COUNT; s++)
        free(t->sec[s]);
    memset(t, 0, sizeof *t);
}

const char *letters_template_text(void)
{
    return label(L_LT_TEMPLATE);
}

int letters_field_of(const char *s, size_t n)
{
    for (int f = 0; f < LF__COUNT; f++)
        if (strlen(field_names[f]) == n && strncmp(field_names[f], s, n) == 0)
            return f;
    return -1;
}

/* Check the fields of one line; errors to dl. Returns the number of errors. */
static int check_fields(const char *line, size_t len, const char *file, unsigned lno,
                        diag_list *dl)
{
    int errors = 0;
    for (size_t k = 0; k < len; k++) {
        if (line[k] != '{')
            continue;
        if (k + 1 < len && line[k + 1] == '{') {
            k++;
            continue;
        }
        size_t e = k + 1;
        while (e < len && line[e] != '}' && line[e] != '{')
            e++;
        if (e >= len || line[e] != '}') {
            diag_add(dl, DIAG_ERROR, file, lno, (unsigned)k + 1,
                     "close the field with '}', or write {{ for a '{'",
                     "a field opened with '{' is not closed on its line");
            errors++;
            break;
        }
        if (letters_field_of(line + k + 1, e - k - 1) < 0) {
            diag_add(dl, DIAG_ERROR, file, lno, (unsigned)k + 1,
                     "the fields are listed in the README under \"Letters\"",
                     "unknown field {%.*s} in the letter template", (int)(e - k - 1),
                     line + k + 1);
            errors++;
        }
        k = e;
    }
    return errors;
}

/* Append s[0..n) to *buf (grown), with a '\n'. Returns 0 or -1. */
static int append_line(char **buf, const char *s, size_t n)
{
    size_t old = *buf ? strlen(*buf) : 0;
    char *b = realloc(*buf, old + n + 2);
    if (!b)
        return -1;
    memcpy(b + old, s, n);
    b[old + n] = '\n';
    b[old + n + 1] = '\0';
    *buf = b;
    return 0;
}

/* Parse without the built-in fallback. */
static int parse_sections(const char *text, size_t len, const char *file, letter_template *t,
                          diag_list *dl)
{
    int cur = -1, errors = 0;
    unsigned lno = 0;
    size_t pos = 0;

    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        size_t n = end - pos;
        const char *line = text + pos;
        lno++;
        if (n > 0 && line[n - 1] == '\r')
            n--;
        pos = end + 1;
        if (n > 0 && line[0] == '#' && !(n >= 3 && line[1] == '#' && line[2] == ' '))
            continue; /* a comment; "## " is a heading */
        if (n > 0 && line[0] == '[') {
            const char *close = memchr(line, ']', n);
            int s = -1;
            if (close) {
                size_t kn = (size_t)(close - line - 1);
                for (int k = 0; k < LT__COUNT && s < 0; k++)
                    for (int lang = 0; lang < 2; lang++)
                        if (strlen(section_names[k][lang]) == kn &&
                            strncmp(section_names[k][lang], line + 1, kn) == 0)
                            s = k;
            }
            if (s < 0) {
                diag_add(dl, DIAG_ERROR, file, lno, 1,
                         "the sections are [emne], [bevilget], [delvis], [afslag], [vilkår], "
                         "[afslutning] and [hilsen]",
                         "unknown section %.*s in the letter template", (int)n, line);
                errors++;
                cur = -2; /* its lines are skipped */
                continue;
            }
            cur = s;
            free(t->sec[s]);
            t->sec[s] = NULL;
            t->line[s] = lno + 1;
            if (append_line(&t->sec[s], "", 0) != 0)
                return -2;
            t->sec[s][0] = '\0';
            continue;
        }
        if (cur == -2)
            continue;
        if (cur < 0) {
            size_t k = 0;
            while (k < n && (line[k] == ' ' || line[k] == '\t'))
                k++;
            if (k < n) {
                diag_add(dl, DIAG_ERROR, file, lno, 1,
                         "start the template with a section such as [emne]",
                         "text before the first section of the letter template");
                errors++;
            }
            continue;
        }
        errors += check_fields(line, n, file, lno, dl);
        if (append_line(&t->sec[cur], line, n) != 0)
            return -2;
    }
    return errors ? -1 : 0;
}

int letters_template_parse(const char *text, size_t len, const char *file, letter_template *t,
                           diag_list *dl)
{
    letter_template def;
    int rc;

    memset(t, 0, sizeof *t);
    t->file = strdup(file ? file : "");
    if (!t->file)
        return -2;
    rc = parse_sections(text ? text : "", text ? len : 0, t->file, t, dl);
    if (rc != 0) {
        letters_template_free(t);
        return rc;
    }
    if (letters_template_default(&def) != 0) {
        letters_template_free(t);
        return -2;
    }
    for (int s = 0; s < LT__COUNT; s++)
        if (!t->sec[s]) {
            t->sec[s] = def.sec[s];
            def.sec[s] = NULL;
        }
    letters_template_free(&def);
    return 0;
}

int letters_template_default(letter_template *t)
{
    diag_list dl;
    const char *text = letters_template_text();
    int rc;

    memset(t, 0, sizeof *t);
    diag_init(&dl);
    t->file = strdup("");
    rc = t->file ? parse_sections(text, strlen(text), "", t, &dl) : -2;
    diag_free(&dl);
    for (int s = 0; rc == 0 && s < LT__COUNT; s++) {
        t->line[s] = 0;
        if (!t->sec[s] && !(t->sec[s] = strdup("")))
            rc = -2;
    }
    if (rc != 0) {
        letters_template_free(t);
        return -2;
    }
    return 0;
}
