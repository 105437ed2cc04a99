/* letters.c - Decision letters as data: the template, the fields, the blocks.
 *
 * The reason (begrundelse) is said from the same figures explain states:
 * the assessed amount, the rule in words, its factor, the exact share, the
 * rounding step; for a refusal its reason; for a multi-year request not
 * honoured, why. The calculation block is explain's own lines. */
#include "letters.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "explain.h"
#include "labels.h"
#include "opendata.h"
#include "ruletext.h"
#include "text.h"

/* ---- the fields ---------------------------------------------------------- */

/* "145.000 kr." */
static void kr(char *buf, size_t size, pulje_kr v)
{
    char m[MONEY_BUFSZ];
    label_format(buf, size, L_LT_KR, money_format_text(v, m));
}

/* Append a label, formatted, with a blank before it unless the buffer is empty. */
static void sb_label(text_buf *b, label_id id, ...)
{
    char tmp[2048];
    va_list ap;
    va_start(ap, id);
    label_vformat(tmp, sizeof tmp, id, ap);
    va_end(ap);
    if (b->n > 0)
        text_buf_add(b, " ", 1);
    text_buf_add(b, tmp, strlen(tmp));
}

/* "43.200 kr.." (an amount ending a sentence) to "43.200 kr."; in place. */
static void squeeze_dots(char *s)
{
    char *o = s;
    if (!s)
        return;
    for (const char *p = s; *p; p++) {
        if (p[0] == '.' && p[1] == '.' && o - s >= 2 && o[-1] == 'r' && o[-2] == 'k')
            continue;
        *o++ = *p;
    }
    *o = '\0';
}

/* The decision date in words: "13. december 2022". */
static void date_words(const char *iso, char *buf, size_t size)
{
    date_ymd d;
    char months[512], *m, *save = NULL;
    int k = 1;

    if (!iso || date_parse(iso, &d) != DATE_OK) {
        snprintf(buf, size, "%s", iso ? iso : "");
        return;
    }
    snprintf(months, sizeof months, "%s", label(L_LT_MONTHS));
    for (m = strtok_r(months, " ", &save); m && k < d.month; m = strtok_r(NULL, " ", &save))
        k++;
    label_format(buf, size, L_LT_DATE, d.day, m ? m : "", d.year);
}

/* Why a multi-year request was granted for one year. */
static void my_reason(const pool *p, const alloc_line *l, char *buf, size_t size)
{
    switch (l->my) {
    case MY_TOO_YOUNG: label_format(buf, size, L_LT_MY_TOO_YOUNG, p->min_active_years); break;
    case MY_AGE_UNKNOWN: label_format(buf, size, L_LT_MY_AGE_UNKNOWN); break;
    case MY_NOT_EXCEPTIONAL: label_format(buf, size, L_LT_MY_NOT_EXCEPTIONAL); break;
    case MY_CAP: label_format(buf, size, L_LT_MY_CAP); break;
    default: buf[0] = '\0'; break;
    }
}

/* Whether the rule shares by one factor (threshold, proportional, excess). */
static int factor_rule(const pool *p)
{
    return p->rule.kind == RULE_THRESHOLD || p->rule.kind == RULE_PROPORTIONAL ||
           p->rule.kind == RULE_EXCESS;
}

/* The reason in words (begrundelse). */
static void reason(const pool *p, const app *a, const alloc_result *r, size_t i, text_buf *b)
{
    const alloc_line *l = &r->lines[i];
    char x[MONEY_BUFSZ * 2], y[MONEY_BUFSZ * 2], z[MONEY_BUFSZ * 2], w[1024], unit[MONEY_BUFSZ];
    int has_note = a->refusal && a->refusal[0];

    money_format_text(p->rounding, unit);
    if (l->share_den > 0) {
        char e[MONEY_BUFSZ];
        label_format(z, sizeof z, L_LT_KR, ruletext_exact(l->share_num, l->share_den, e));
    } else {
        kr(z, sizeof z, 0);
    }
    if (l->grant <= 0) {
        switch (l->why) {
        case ALLOC_REFUSE_HOLDER: sb_label(b, L_LT_WHY_HOLDER); break;
        case ALLOC_REFUSE_MIN_GRANT:
            kr(y, sizeof y, p->rule.min_grant);
            sb_label(b, L_LT_WHY_MIN, z, y);
            break;
        case ALLOC_REFUSE_ROUNDED: sb_label(b, L_LT_WHY_ROUNDED, z); break;
        default:
            if (has_note)
                sb_label(b, L_LT_WHY_PANEL, a->refusal);
            else
                sb_label(b, L_LT_WHY_ZERO);
            break;
        }
        return;
    }
    if (l->claim < a->applied) {
        kr(x, sizeof x, l->claim);
        kr(y, sizeof y, a->applied);
        sb_label(b, L_LT_WHY_ASSESSED, x, y);
        if (has_note)
            sb_label(b, L_LT_WHY_NOTE, a->refusal);
    }
    if (!l->reduced && !l->capped) {
        sb_label(b, l->claim < a->applied ? L_LT_WHY_NOT_REDUCED : L_LT_WHY_FULL);
    } else if (l->reduced && !(l->capped && l->share_den > 0 &&
                               l->share_num >= (pulje_wide)l->cap * l->share_den)) {
        sb_label(b, L_LT_WHY_RULE, ruletext_describe(&p->rule, w, sizeof w));
        if (factor_rule(p) && r->factor_den > 0 && r->factor_num < r->factor_den &&
            l->share_den > 0 && l->share_num < (pulje_wide)l->claim * l->share_den) {
            char f[MONEY_BUFSZ];
            kr(x, sizeof x, l->claim);
            sb_label(b, p->rule.kind == RULE_EXCESS ? L_LT_WHY_EXCESS : L_LT_WHY_FACTOR,
                     p->rule.kind == RULE_EXCESS ? money_format_text(p->rule.threshold, y) : x,
                     ruletext_factor(r->factor_num, r->factor_den, f), z);
        } else if (l->share_den > 0) {
            sb_label(b, L_LT_WHY_SHARE, z);
        }
    }
    if (l->capped) {
        kr(y, sizeof y, p->rule.max_grant);
        sb_label(b, L_LT_WHY_CAPPED, y);
    }
    kr(x, sizeof x, l->grant);
    if (l->step == ALLOC_STEP_FLOOR)
        sb_label(b, L_LT_WHY_FLOOR, unit, x);
    else if (l->step == ALLOC_STEP_UNIT)
        sb_label(b, L_LT_WHY_UNIT, unit, x);
    else if (l->step == ALLOC_STEP_RAISE)
        sb_label(b, L_LT_WHY_RAISE, x);
    if (l->years_asked > 1 && l->years <= 1) {
        my_reason(p, l, w, sizeof w);
        if (w[0])
            sb_label(b, L_LT_WHY_MY, l->years_asked, w);
    }
}

int letters_duty(const pool *p, const alloc_result *r, size_t i)
{
    pulje_kr year, rl = p->report_limit > 0 ? p->report_limit : 20000,
                   al = p->audit_limit > 0 ? p->audit_limit : 50000;
    if (i >= r->n || r->lines[i].grant <= 0)
        return -1;
    year = r->lines[i].grant + opendata_supplements(r, i);
    return year <= rl ? 0 : year <= al ? 1 : 2;
}

static int set_field(letter *l, letter_field f, const char *s)
{
    free(l->fields[f]);
    l->fields[f] = strdup(s ? s : "");
    return l->fields[f] ? 0 : -1;
}

/* Every field of application i. */
static int fill_fields(const pool *p, const app_list *apps, const alloc_result *r, size_t i,
                       letter *out)
{
    const app *a = &apps->v[i];
    const alloc_line *l = &r->lines[i];
    char buf[2048], m[MONEY_BUFSZ * 2], d[256];
    text_buf b = {0};
    int rc = 0, duty = letters_duty(p, r, i);
    pulje_kr supp = opendata_supplements(r, i);

    out->kind = l->grant <= 0                                       ? LETTER_REFUSED
                : l->grant < a->applied || l->years < l->years_asked ? LETTER_PARTIAL
                                                                     : LETTER_GRANTED;
    rc |= set_field(out, LF_NR, a->nr);
    rc |= set_field(out, LF_ASSOCIATION, a->association);
    rc |= set_field(out, LF_CVR, a->cvr);
    rc |= set_field(out, LF_ACTIVITY, a->activity);
    rc |= set_field(out, LF_DECISION,
                    label(out->kind == LETTER_REFUSED   ? L_LT_DECISION_REFUSED
                          : out->kind == LETTER_PARTIAL ? L_LT_DECISION_PARTIAL
                                                        : L_LT_DECISION_GRANTED));
    kr(m, sizeof m, a->applied);
    rc |= set_field(out, LF_APPLIED, m);
    kr(m, sizeof m, l->claim);
    rc |= set_field(out, LF_ASSESSED, m);
    kr(m, sizeof m, l->grant);
    rc |= set_field(out, LF_GRANT, m);
    rc |= set_field(out, LF_PER_YEAR, m);
    snprintf(buf, sizeof buf, "%d", l->years_asked);
    rc |= set_field(out, LF_YEARS_ASKED, buf);
    snprintf(buf, sizeof buf, "%d", l->years);
    rc |= set_field(out, LF_YEARS, buf);
    kr(m, sizeof m, supp);
    rc |= set_field(out, LF_SUPPLEMENT, m);
    kr(m, sizeof m, opendata_award(r, i));
    rc |= set_field(out, LF_TOTAL, m);
    reason(p, a, r, i, &b);
    squeeze_dots(b.s);
    rc |= b.oom ? -1 : set_field(out, LF_REASON, b.s);
    free(b.s);
    buf[0] = '\0';
    if (l->grant > 0 && l->years > 1) {
        kr(m, sizeof m, l->grant);
        label_format(buf, sizeof buf, L_LT_MULTIYEAR, l->years, p->year, p->year + l->years - 1,
                     m);
    }
    rc |= set_field(out, LF_MULTIYEAR, buf);
    memset(&b, 0, sizeof b);
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        pulje_kr g = r->em.lines[k * r->em.n_apps + i].grant;
        if (g > 0) {
            kr(m, sizeof m, g);
            sb_label(&b, L_LT_SUPP, m,
                     k < p->n_earmark_defs ? p->earmark_defs[k].label : "");
        }
    }
    rc |= b.oom ? -1 : set_field(out, LF_SUPP_TEXT, b.s ? b.s : "");
    free(b.s);
    rc |= set_field(out, LF_DUTY,
                    duty < 0 ? "" : label(duty == 0 ? L_LT_DUTY_SHORT
                                          : duty == 1 ? L_LT_DUTY_ACCOUNTS
                                                      : L_LT_DUTY_AUDITED));
    d[0] = '\0';
    if (p->report_deadline)
        date_words(p->report_deadline, d, sizeof d);
    rc |= set_field(out, LF_DEADLINE, d);
    buf[0] = '\0';
    if (duty >= 0) {
        if (d[0])
            label_format(buf, sizeof buf, L_LT_REPORTING_DEADLINE, out->fields[LF_DUTY], d);
        else
            label_format(buf, sizeof buf, L_LT_REPORTING, out->fields[LF_DUTY]);
    }
    rc |= set_field(out, LF_REPORTING, buf);
    date_words(p->decision_date, d, sizeof d);
    rc |= set_field(out, LF_DATE, d);
    rc |= set_field(out, LF_POOL, p->name);
    rc |= set_field(out, LF_COMMITTEE, p->committee);
    snprintf(buf, sizeof buf, "%d", p->year);
    rc |= set_field(out, LF_YEAR, buf);
    rc |= set_field(out, LF_CASE, p->case_number);
    return rc ? -1 : 0;
}

/* ---- the blocks ---------------------------------------------------------- */

static int add_block(letter *l, letter_block_kind kind, const char *text, const char *value,
                     int indent)
{
    letter_block *b;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        letter_block *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    b = &l->v[l->n];
    b->kind = kind;
    b->indent = indent;
    b->text = strdup(text ? text : "");
    b->value = value ? strdup(value) : NULL;
    if (!b->text || (value && !b->value)) {
        free(b->text);
        free(b->value);
        return -1;
    }
    l->n++;
    return 0;
}

/* s with its fields filled in, into b. */
static void fill(const letter *l, const char *s, size_t n, text_buf *b)
{
    for (size_t k = 0; k < n; k++) {
        if ((s[k] == '{' || s[k] == '}') && k + 1 < n && s[k + 1] == s[k]) {
            text_buf_add(b, s + k, 1); /* "{{" is '{', "}}" is '}' */
            k++;
            continue;
        }
        if (s[k] == '{') {
            const char *e = memchr(s + k, '}', n - k);
            int f = e ? letters_field_of(s + k + 1, (size_t)(e - s - k - 1)) : -1;
            if (f >= 0) {
                text_buf_add(b, l->fields[f], strlen(l->fields[f]));
                k = (size_t)(e - s);
                continue;
            }
        }
        text_buf_add(b, s + k, 1);
    }
}

/* Whether s is blank. */
static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return 0;
    return 1;
}

/* A section's paragraphs as blocks (LB_PARA/LB_HEADING; kind for every line
 * of the signature). */
static int add_section(letter *l, const char *sec, letter_block_kind lines_kind)
{
    text_buf para = {0};
    const char *p = sec ? sec : "";
    int rc = 0;

    while (*p && rc == 0) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        text_buf line = {0};
        fill(l, p, n, &line);
        if (line.oom)
            rc = -1;
        else if (lines_kind == LB_SIGNATURE)
            rc = add_block(l, LB_SIGNATURE, line.s ? line.s : "", NULL, 0);
        else if (!line.s || blank(line.s) || strncmp(line.s, "## ", 3) == 0) {
            if (para.n > 0 && !blank(para.s) && (squeeze_dots(para.s), 1))
                rc = strncmp(para.s, "## ", 3) == 0
                         ? add_block(l, LB_HEADING, para.s + 3, NULL, 0)
                         : add_block(l, LB_PARA, para.s, NULL, 0);
            para.n = 0;
            if (para.s)
                para.s[0] = '\0';
            if (rc == 0 && line.s && strncmp(line.s, "## ", 3) == 0 && !blank(line.s + 3))
                rc = add_block(l, LB_HEADING, line.s + 3, NULL, 0);
        } else {
            if (para.n > 0)
                text_buf_add(&para, " ", 1);
            text_buf_add(&para, line.s, strlen(line.s));
            if (para.oom)
                rc = -1;
        }
        free(line.s);
        p += n + (e ? 1 : 0);
    }
    if (rc == 0 && lines_kind != LB_SIGNATURE && para.n > 0 && !blank(para.s) &&
        (squeeze_dots(para.s), 1))
        rc = strncmp(para.s, "## ", 3) == 0 ? add_block(l, LB_HEADING, para.s + 3, NULL, 0)
                                            : add_block(l, LB_PARA, para.s, NULL, 0);
    /* the signature's trailing blank lines */
    while (rc == 0 && lines_kind == LB_SIGNATURE && l->n > 0 &&
           l->v[l->n - 1].kind == LB_SIGNATURE && blank(l->v[l->n - 1].text)) {
        l->n--;
        free(l->v[l->n].text);
        free(l->v[l->n].value);
    }
    free(para.s);
    return rc;
}

/* The figures: applied, assessed, the grant per year, the years, the
 * supplements, the whole award. */
static int add_figures(letter *l, const pool *p, const app_list *apps, const alloc_result *r,
                       size_t i)
{
    const alloc_line *ln = &r->lines[i];
    char m[MONEY_BUFSZ * 2], t[1024];
    int rc = add_block(l, LB_HEADING, label(L_LT_FIG_HEADING), NULL, 0);

    kr(m, sizeof m, apps->v[i].applied);
    rc |= add_block(l, LB_FIGURE, label(L_LT_FIG_APPLIED), m, 0);
    kr(m, sizeof m, ln->claim);
    rc |= add_block(l, LB_FIGURE, label(L_LT_FIG_ASSESSED), m, 0);
    kr(m, sizeof m, ln->grant);
    rc |= add_block(l, LB_FIGURE, label(L_LT_FIG_GRANT), m, 0);
    if (ln->years > 1)
        snprintf(m, sizeof m, "%d (%d-%d)", ln->years, p->year, p->year + ln->years - 1);
    else
        snprintf(m, sizeof m, "%d", ln->years);
    rc |= add_block(l, LB_FIGURE, label(L_LT_FIG_YEARS), m, 0);
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        pulje_kr g = r->em.lines[k * r->em.n_apps + i].grant;
        if (g <= 0)
            continue;
        kr(m, sizeof m, g);
        label_format(t, sizeof t, L_LT_FIG_SUPP,
                     k < p->n_earmark_defs ? p->earmark_defs[k].label : "");
        rc |= add_block(l, LB_FIGURE, t, m, 0);
    }
    kr(m, sizeof m, opendata_award(r, i));
    rc |= add_block(l, LB_FIGURE_TOTAL, label(L_LT_FIG_TOTAL), m, 0);
    return rc ? -1 : 0;
}

/* explain's steps, under a heading (its first three lines name the
 * application, which the letter already does). */
static int add_calculation(letter *l, const pool *p, const app_list *apps,
                           const alloc_result *r, size_t i)
{
    explain_text t = {0};
    int rc;

    if (explain_build(p, apps, r, i, &t) != 0)
        return -1;
    rc = add_block(l, LB_HEADING, label(L_LT_CALC_HEADING), NULL, 0);
    for (size_t k = 3; rc == 0 && k < t.n; k++) {
        const char *s = t.lines[k];
        size_t lead = strspn(s, " ");
        if (lead == 0)
            continue; /* the summary lines: the figures say them */
        rc = add_block(l, LB_CALC, s + lead, NULL, lead <= 2 ? 0 : 1);
    }
    explain_free(&t);
    return rc;
}

int letters_build(const pool *p, const app_list *apps, const alloc_result *r, size_t i,
                  const letter_template *t, letter *out)
{
    char buf[1024];
    text_buf subj = {0};
    const char *s;
    int rc;

    memset(out, 0, sizeof *out);
    if (!p || !apps || !r || !t || i >= r->n || i >= apps->n)
        return -1;
    out->app = i;
    if (fill_fields(p, apps, r, i, out) != 0)
        goto oom;
    rc = add_block(out, LB_SENDER, p->name, p->committee ? p->committee : "", 0);
    rc |= add_block(out, LB_META, label(L_LT_META_DATE), out->fields[LF_DATE], 0);
    if (p->case_number)
        rc |= add_block(out, LB_META, label(L_LT_META_CASE), p->case_number, 0);
    rc |= add_block(out, LB_META, label(L_LT_META_NR), out->fields[LF_NR], 0);
    rc |= add_block(out, LB_RECIPIENT, out->fields[LF_ASSOCIATION], NULL, 0);
    if (out->fields[LF_CVR][0]) {
        label_format(buf, sizeof buf, L_LT_CVR, out->fields[LF_CVR]);
        rc |= add_block(out, LB_RECIPIENT, buf, NULL, 0);
    }
    s = t->sec[LT_SUBJECT] ? t->sec[LT_SUBJECT] : "";
    fill(out, s, strcspn(s, "\n"), &subj);
    rc |= subj.oom ? -1 : add_block(out, LB_SUBJECT, subj.s ? subj.s : "", NULL, 0);
    free(subj.s);
    if (rc)
        goto oom;
    rc = add_section(out, t->sec[out->kind == LETTER_REFUSED   ? LT_REFUSED
                                 : out->kind == LETTER_PARTIAL ? LT_PARTIAL
                                                               : LT_GRANTED],
                     LB_PARA);
    rc |= add_figures(out, p, apps, r, i);
    rc |= rc ? -1 : add_calculation(out, p, apps, r, i);
    if (r->lines[i].grant > 0)
        rc |= rc ? -1 : add_section(out, t->sec[LT_CONDITIONS], LB_PARA);
    rc |= rc ? -1 : add_section(out, t->sec[LT_CLOSING], LB_PARA);
    rc |= rc ? -1 : add_section(out, t->sec[LT_SIGNATURE], LB_SIGNATURE);
    if (rc)
        goto oom;
    return 0;
oom:
    letters_free(out);
    return -1;
}

void letters_free(letter *l)
{
    if (!l)
        return;
    for (int f = 0; f < LF__COUNT; f++)
        free(l->fields[f]);
    for (size_t k = 0; k < l->n; k++) {
        free(l->v[k].text);
        free(l->v[k].value);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

char *letters_file_name(const letter *l, char *buf, size_t size)
{
    char nr[64], name[160];
    text_slug(l->fields[LF_NR], nr, sizeof nr);
    text_slug(l->fields[LF_ASSOCIATION], name, sizeof name);
    snprintf(buf, size, "%s%s%s.pdf", nr[0] ? nr : "x", name[0] ? "-" : "", name);
    return buf;
}
