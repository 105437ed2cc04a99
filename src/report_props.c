/* report_props.c - The workbook's document properties: title, subject,
 * author, comments, a fixed creation time, and the inputs' SHA-256 digests. */
#include "report_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "book.h"
#include "digest.h"
#include "labels.h"
#include "text.h"

/* s, or "" for NULL. */
static const char *str(const char *s)
{
    return s ? s : "";
}

/* Title, subject, author, comments and a fixed creation time (the decision
 * date at 12:00 UTC), so that the same inputs give the same bytes. */
void report_set_properties(book *b, const pool *p, const char *rule, const lxw_datetime *date)
{
    lxw_doc_properties props;
    char *title = NULL, *subject = NULL, *author = NULL, *comments = NULL;
    lxw_error e;

    if (b->failed)
        return;
    title = strdup(book_text(b, L_PROP_TITLE, str(p->name), p->year));
    subject = strdup(book_text(b, L_PROP_SUBJECT, str(p->committee)));
    author = strdup(label(L_PROP_AUTHOR));
    comments = strdup(book_text(b, L_PROP_COMMENTS, str(p->name), p->year, rule));
    if (!b->failed && (!title || !subject || !author || !comments))
        book_fail(b, "out of memory");
    if (!b->failed) {
        memset(&props, 0, sizeof props);
        props.title = title;
        props.subject = subject;
        props.author = author;
        props.comments = comments;
        props.created = book_created_time(date);
        e = workbook_set_properties(b->wb, &props);
        if (e != LXW_NO_ERROR)
            book_fail(b, "libxlsxwriter: workbook_set_properties: %s", lxw_strerror(e));
    }
    free(title);
    free(subject);
    free(author);
    free(comments);
}

/* The inputs' SHA-256 digests as custom properties, in the order given:
 * "Input: pulje-2023.ini" = "sha256:<hex>". The file name, not the path, so
 * that the bytes do not depend on where pulje was run from. */
void report_set_input_properties(book *b, const pool *p)
{
    char name[256], value[DIGEST_HEX_LEN + 8];
    lxw_error e;

    if (b->failed || !p->inputs)
        return;
    for (size_t i = 0; i < p->inputs->n && !b->failed; i++) {
        const input_digest *d = &p->inputs->v[i];
        const char *base = digest_basename(str(d->path));
        if (text_is_utf8(base, strlen(base)) && strlen(base) + 8 < sizeof name)
            snprintf(name, sizeof name, "Input: %s", base);
        else
            snprintf(name, sizeof name, "Input %zu", i + 1);
        snprintf(value, sizeof value, "sha256:%s", d->hex);
        e = workbook_set_custom_property_string(b->wb, name, value);
        if (e != LXW_NO_ERROR)
            book_fail(b, "libxlsxwriter: workbook_set_custom_property_string: %s",
                      lxw_strerror(e));
    }
}
