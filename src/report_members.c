/* report_members.c - The "Inhabilitet" sheet: who must not take part in which application.
 *
 * Written only when the pool names a members file (members.h): one row per
 * member and application they are tied to (member, role, number,
 * association, the tie that matched), in the order of the warnings, for
 * the meeting's chair. The file was read and checked before the run. */
#include "report.h"
#include "report_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "book.h"
#include "members.h"

void report_write_members(struct book *b, const pool *p, const app_list *apps)
{
    member_list m;
    member_conflict *c = NULL;
    size_t nc = 0;
    diag_list dl;
    char *path, tie[64];
    lxw_row_t row = 0;

    if (b->failed || !p->members)
        return;
    path = members_path(p);
    if (!path) {
        book_fail(b, "out of memory");
        return;
    }
    diag_init(&dl);
    if (members_read(NULL, 0, path, &m, &dl) != 0 || members_conflicts(&m, apps, &c, &nc) != 0) {
        book_fail(b, "cannot read the members file %s again for the %s sheet", path,
                  label(L_MB_SHEET));
        goto done;
    }
    {
        book_sheet s = book_add_sheet(b, L_MB_SHEET);
        if (b->failed)
            goto done;
        book_put_text(b, &s, row, 0,
                      book_text(b, L_EM_TITLE, label(L_MB_SHEET), p->name, p->year), b->title);
        row += 2;
        book_put_text(b, &s, row, 0, label(L_MB_COL_MEMBER), b->head);
        book_put_text(b, &s, row, 1, label(L_MB_COL_ROLE), b->head);
        book_put_text(b, &s, row, 2, label(L_COL_NR), b->head);
        book_put_text(b, &s, row, 3, label(L_COL_ASSOCIATION), b->head);
        book_put_text(b, &s, row, 4, label(L_MB_COL_TIE), b->head);
        book_set_column(b, &s, 0, 0, 24);
        book_set_column(b, &s, 1, 1, 20);
        book_set_column(b, &s, 2, 2, 6);
        book_set_column(b, &s, 3, 3, 44);
        book_set_column(b, &s, 4, 4, 40);
        for (size_t j = 0; j < nc; j++) {
            const member *mb = &m.v[c[j].member];
            const app *a = &apps->v[c[j].app];
            row++;
            book_put_text(b, &s, row, 0, mb->name, NULL);
            book_put_text(b, &s, row, 1,
                          label(mb->role == MEMBER_PANEL ? L_MB_ROLE_PANEL : L_MB_ROLE_COMMITTEE),
                          NULL);
            book_put_text(b, &s, row, 2, a->nr ? a->nr : "", b->nr);
            book_put_text(b, &s, row, 3, a->association ? a->association : "", NULL);
            if (c[j].by_cvr)
                snprintf(tie, sizeof tie, "CVR %s", a->cvr ? a->cvr : "");
            book_put_text(b, &s, row, 4, c[j].by_cvr ? tie : mb->ties[c[j].tie], NULL);
        }
        book_page_setup(b, &s, p, 1);
    }
done:
    free(c);
    members_free(&m);
    diag_free(&dl);
    free(path);
}
