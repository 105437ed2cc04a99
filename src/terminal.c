/* terminal.c - What the command line shows, written to the stream it gives. */
#include "terminal.h"

#include <stdbool.h>
#include <string.h>

#include "history.h"
#include "labels.h"
#include "money.h"
#include "multiyear.h"
#include "rules.h"
#include "run.h"

/* Words of the NULL-terminated list after lead, separated by ", ", wrapped
 * at 78 columns, each line indented by indent spaces. */
static void wrapped(FILE *f, const char *lead, const char *const *items, int indent)
{
    int col = indent;
    fprintf(f, "%*s%s", indent, "", lead);
    col += (int)strlen(lead);
    for (size_t i = 0; items[i]; i++) {
        const char *w = items[i];
        int len = (int)strlen(w) + (items[i + 1] ? 1 : 0);
        if (col + 1 + len > 78 && col > indent) {
            fprintf(f, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', f);
            col++;
        }
        fprintf(f, "%s%s", w, items[i + 1] ? "," : "");
        col += len;
    }
    fputc('\n', f);
}

void terminal_usage(FILE *f)
{
    fprintf(f,
        "Usage: pulje [COMMAND] [POOL-FILE] [OPTIONS]\n"
        "\n"
        "Shares a grant pool among assessed applications by the pool's rule,\n"
        "proves every krone is accounted for, and writes the committee's workbook.\n"
        "\n"
        "Commands:\n"
        "  run      compute the grants, verify them, write the workbook, the\n"
        "           decisions CSV and the grants as 360Giving open data (the default);\n"
        "           each run is kept in its own folder; only the pool's own rule in\n"
        "           Danish replaces the official names, --rule and --lang trials\n"
        "           write <name>-<rule or en>...\n"
        "  check    read and validate the inputs only; write nothing\n"
        "  compare  run several rules on the pool and write one comparison workbook\n"
        "           (<name>-sammenligning.xlsx) with a summary per rule, a chart,\n"
        "           the economy table per rule and a sensitivity sweep\n"
        "  explain NR  show, step by step in kroner, how application NR got its\n"
        "           grant (rule, factor, rounding, years); write nothing\n"
        "  letters  compute as run does, then write the decision letters: one PDF\n"
        "           per application (<name>-breve/), all in <name>-breve.pdf, and the\n"
        "           mail-merge sheet <name>-breve.csv; run --letters writes them too\n"
        "  history  list the runs kept for the pool (outputs/<name>/koersel-NNN, each\n"
        "           with its outputs and a run record): time, rule, key figures\n"
        "  init FOLDER  write a new pool folder: pulje.ini, ansoegninger.csv and\n"
        "           .xlsx templates, an empty forpligtelser.csv; prints the year chosen\n"
        "  init FOLDER --from LAST-POOL  start from last year's round: the pool file\n"
        "           with the year moved on, the ledger its run wrote (in --out DIR,\n"
        "           else outputs/ beside LAST-POOL), the earmarks still running, the\n"
        "           templates with their columns; lists the lines to edit (RET)\n"
        "\n"
        "POOL-FILE defaults to ./pulje.ini when the current folder has one (a round\n"
        "folder made by init), else to " RUN_DEFAULT_POOL "; a line on standard\n"
        "error says which (not with -q).\n"
        "\n"
        "Options:\n"
        "  -o, --out DIR      where to write the outputs (default: " RUN_DEFAULT_OUT ")\n"
        "  -q, --quiet        print only problems\n"
        "      --closed-form  compute without the GLPK model (same grants; for checks)\n"
        "      --rule RULE    use RULE instead of the pool file's rule (run)\n"
        "      --rules LIST   compare: rules separated by ',' (the first is the baseline);\n");
    /* the lists come from the rule registry, so a new rule is in the help */
    wrapped(f, "default: the pool's rule and", rule_compare_specs(), 21);
    fprintf(f,
        "      --sweep SPEC   compare: PARAM:FROM:TO:STEP, PARAM threshold, max_grant or\n"
        "                     cap (the multi-year cap in %%, e.g. cap:30:60:5)\n"
        "                     (default threshold:0:150.000:10.000)\n"
        "\n"
        "RULE is NAME[:THRESHOLD][+min=AMOUNT][+max=AMOUNT]; NAME is one of:\n");
    wrapped(f, "", (const char *const[]){rule_names_list(), NULL}, 0);
    fprintf(f,
        "(threshold is the 2023 rule). Examples:\n"
        "threshold:25.000, excess:50.000, cea+min=10.000, talmud+max=300.000\n"
        "      --lang LANG    labels in the workbook and on the terminal: da (default) or en\n"
        "      --year YEAR    init: the grant year (default: next year; with --from,\n"
        "                     last round's year + 1)\n"
        "      --from POOL    init: last year's pool file to carry over\n"
        "      --timings      print the time of each phase as one line on standard\n"
        "                     error (also PULJE_TIMINGS=1); for benchmarks\n"
        "  -h, --help         show this help\n"
        "  -V, --version      show the version\n"
        "\n"
        "Exit codes:\n"
        "  0  done\n"
        "  2  bad input or usage (each problem is printed with file, line, column);\n"
        "     nothing was written\n"
        "  3  a check of the result failed: a fault in pulje; nothing was written\n"
        "  4  an output file could not be written (any earlier file is left intact)\n"
        "  5  the solver failed or memory ran out; nothing was written\n");
}


/* One warning as a line that starts with "advarsel:" ("warning:" with
 * --lang en), then where and what, and the hint on a line of its own. */
static void print_warning(FILE *f, const diag *d)
{
    char where[600] = "";

    if (d->file && d->line && d->col)
        snprintf(where, sizeof where, "%s:%u:%u: ", d->file, d->line, d->col);
    else if (d->file && d->line)
        snprintf(where, sizeof where, "%s:%u: ", d->file, d->line);
    else if (d->file)
        snprintf(where, sizeof where, "%s: ", d->file);
    fprintf(f, "%s: %s%s\n", label(L_WARN_PREFIX), where, d->msg);
    if (d->hint)
        fprintf(f, "  hint: %s\n", d->hint);
}

void terminal_diags(FILE *f, diag_list *dl)
{
    char buf[2048];
    diag_sort(dl);
    for (size_t i = 0; i < dl->n; i++) {
        if (dl->v[i].level == DIAG_WARNING)
            print_warning(f, &dl->v[i]);
        else
            fprintf(f, "%s\n", diag_format(&dl->v[i], buf, sizeof buf));
    }
    if (dl->oom)
        fprintf(f, "error: more problems were found than could be stored (out of memory)\n");
}

size_t terminal_count_warnings(const diag_list *dl)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->n; i++)
        n += dl->v[i].level == DIAG_WARNING;
    return n;
}

/* Number of characters (UTF-8 code points) in s. */
static size_t utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* One summary line: a label padded to a column, then the value. */
static void line_out(FILE *f, const char *lab, const char *value)
{
    size_t w = utf8_width(lab);
    fprintf(f, "  %s", lab);
    for (size_t i = w; i < 34; i++)
        fputc(' ', f);
    fprintf(f, "%16s\n", value);
}

static void line_kr_label(FILE *f, const char *lab, pulje_kr v)
{
    char m[MONEY_BUFSZ], s[MONEY_BUFSZ + 8];
    snprintf(s, sizeof s, "%s %s", money_format(v, m), label(L_KR));
    line_out(f, lab, s);
}

static void line_kr(FILE *f, label_id id, pulje_kr v)
{
    char m[MONEY_BUFSZ], s[MONEY_BUFSZ + 8];
    snprintf(s, sizeof s, "%s %s", money_format(v, m), label(L_KR));
    line_out(f, label(id), s);
}

static void line_count(FILE *f, label_id id, size_t v)
{
    char m[MONEY_BUFSZ], s[MONEY_BUFSZ + 8];
    snprintf(s, sizeof s, "%s    ", money_format((pulje_kr)v, m));
    line_out(f, label(id), s);
}

void terminal_summary(FILE *out, const pool *p, const alloc_result *r)
{
    char fr[MONEY_BUFSZ], pct[MONEY_BUFSZ], s[96];

    fprintf(out, "%s %d, %s\n", p->name, p->year, p->committee ? p->committee : "");
    line_count(out, L_SUM_APPLICATIONS, r->n);
    line_kr(out, L_SUM_APPLIED, r->applied_total);
    line_kr(out, L_SUM_BUDGET, r->budget_total);
    line_kr(out, L_SUM_RESERVED, r->reserved_total);
    line_kr(out, L_SUM_EARMARKED, r->earmarked_total);
    line_kr(out, L_SUM_AVAILABLE, r->available);
    line_kr(out, L_SUM_ASSESSED, r->assessed_total);
    bool one_factor = rule_is_factor(p->rule.kind);
    if ((one_factor && r->factor_num < r->factor_den) || r->n_reduced == 0) {
        money_format_ratio(r->factor_num, r->factor_den, 4, fr);
        money_format_pct((pulje_wide)(r->factor_den - r->factor_num), r->factor_den, 1, pct);
        snprintf(s, sizeof s, "%s (-%s)", fr, pct);
        line_out(out, label(L_SUM_FACTOR), s);
    } else if (r->assessed_total > 0) {
        /* no single factor (cea, cel, talmud), or the options left the rest
         * paid in full: the share of the claims granted, never "1,0000 (-0,0 %)" */
        money_format_ratio(r->granted_total, r->assessed_total, 4, fr);
        money_format_pct(r->assessed_total - r->granted_total, r->assessed_total, 1, pct);
        snprintf(s, sizeof s, "%s (-%s)", fr, pct);
        line_out(out, label(L_CMP_FACTOR), s);
    }
    line_count(out, L_SUM_REDUCED, r->n_reduced);
    line_count(out, L_SUM_REFUSED, r->n_refused);
    line_kr(out, L_SUM_GRANTED, r->granted_total);
    for (size_t k = 0; k < r->em.n_earmarks; k++) {
        char lab[160];
        label_format(lab, sizeof lab, L_SUM_SUPPLEMENTS, p->earmark_defs[k].key);
        line_kr_label(out, lab, r->em.totals[k].granted);
        if (r->em.totals[k].unused > 0) {
            label_format(lab, sizeof lab, L_EM_UNUSED, p->earmark_defs[k].key);
            line_kr_label(out, lab, r->em.totals[k].unused);
        }
    }
    line_kr(out, L_SUM_RESIDUAL, r->residual);
    if (r->n_my_requested > 0 || r->my[0].old > 0) {
        char n[MONEY_BUFSZ];
        snprintf(s, sizeof s, "%s / %s    ", money_format((pulje_kr)r->n_my_honoured, n),
                 money_format((pulje_kr)r->n_my_requested, fr));
        line_out(out, label(L_SUM_HONOURED), s);
        for (int t = 0; t < MY_YEARS; t++) {
            const my_year *y = &r->my[t];
            char lab[64], m[MONEY_BUFSZ], cap[MONEY_BUFSZ];
            label_format(lab, sizeof lab, L_SUM_BOUND, y->year);
            money_format_pct(y->old + y->fresh, y->money ? y->money : 1, 1, pct);
            money_format_pct(r->cap_bp, 10000, 0, cap);
            label_format(s, sizeof s, L_SUM_BOUND_VALUE, money_format(y->old + y->fresh, m), pct,
                         cap);
            line_out(out, lab, s);
        }
    }
}

void terminal_digests(FILE *f, const digest_list *dg)
{
    for (size_t i = 0; i < dg->n; i++)
        fprintf(f, "  sha256 %s  %s\n", dg->v[i].hex, dg->v[i].path);
}

void terminal_compare(FILE *f, const compare_result *c)
{
    char spec[128], g[MONEY_BUFSZ], res[MONEY_BUFSZ], mx[MONEY_BUFSZ], md[MONEY_BUFSZ],
        gi[MONEY_BUFSZ];
    fprintf(f, "  %-24s %14s %9s %5s %5s %8s %8s %6s %5s\n", label(L_CMP_RULE), label(L_KR),
           label(L_SUM_RESIDUAL), label(L_CMP_TERM_REDUCED), label(L_CMP_TERM_REFUSED),
           label(L_CMP_TERM_MAX), label(L_CMP_TERM_MEDIAN), label(L_CMP_TERM_GINI),
           label(L_CMP_TERM_VIOLATIONS));
    for (size_t k = 0; k < c->n; k++) {
        const compare_stats *s = &c->v[k].stats;
        rule_format_spec(&c->v[k].rule, spec, sizeof spec);
        money_format_pct((pulje_wide)(s->max_cut * 1000000 + 0.5), 1000000, 1, mx);
        money_format_pct((pulje_wide)(s->median_cut * 1000000 + 0.5), 1000000, 1, md);
        fprintf(f, "  %-24s %14s %9s %5zu %5zu %8s %8s %6s %5zu\n", spec, money_format(s->granted, g),
               money_format(s->residual, res), s->n_reduced, s->n_refused, mx, md,
               money_format_ratio((pulje_wide)(s->gini * 1000000 + 0.5), 1000000, 3, gi),
               s->order_violations);
    }
}

void terminal_history(FILE *f, const pool *p, const char *home, const history *h)
{
    char g[MONEY_BUFSZ], res[MONEY_BUFSZ], rsv[MONEY_BUFSZ];

    fprintf(f, "%s %d: %zu run%s kept in %s\n", p->name, p->year, h->n, h->n == 1 ? "" : "s", home);
    for (size_t i = 0; i < h->n; i++) {
        const history_run *x = &h->v[i];
        char kind[200];
        if (!x->has_record) {
            fprintf(f, "  %-12s (no run record)\n", x->name);
            continue;
        }
        snprintf(kind, sizeof kind, "%s%s", x->official ? "official" : "trial ",
                 x->official ? "" : x->trial);
        fprintf(f, "  %-12s %-20s %-14s %-18s reserved %s kr.  granted %s kr.  residual %s kr.  "
               "reduced %zu  refused %zu\n",
               x->name, x->time, kind, x->rule, money_format(x->reserved, rsv),
               money_format(x->granted, g), money_format(x->residual, res), x->reduced,
               x->refused);
    }
}
