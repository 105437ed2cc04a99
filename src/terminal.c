/* terminal.c - What the command line shows, written to the stream it gives. */
#include "terminal.h"

#include <stdbool.h>
#include <string.h>

#include "history.h"
#include "keyfigures.h"
#include "labels.h"
#include "messages.h"
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

/* The help in English (--lang en). */
static void usage_en(FILE *f)
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
        "  diff [RUN-A [RUN-B]]  what changed between two runs, per application:\n"
        "           grant before and now and the cause (its own row, the budget, the\n"
        "           rule, the ledger, a parameter, or others' changes); a run is a number\n"
        "           from history, a run folder or a decisions CSV; default: the latest\n"
        "           run against the latest official run before it\n"
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
        "  -v, --verbose      also print the inputs' SHA-256 digests (run, check)\n"
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

/* The help in Danish (the default). */
static void usage_da(FILE *f)
{
    fprintf(f,
        "Brug: pulje [KOMMANDO] [PULJEFIL] [TILVALG]\n"
        "\n"
        "Fordeler en pulje mellem de indstillede ansøgninger efter puljens regel,\n"
        "viser at hver krone er gjort op, og skriver udvalgets regneark.\n"
        "\n"
        "Kommandoer:\n"
        "  run      beregn tilskuddene, kontrollér dem, skriv regnearket, beslutnings-\n"
        "           CSV'en og tilskuddene som 360Giving-åbne data (standard);\n"
        "           hver kørsel gemmes i sin egen mappe; kun puljens egen regel på\n"
        "           dansk erstatter de officielle filnavne, prøvekørsler med --rule\n"
        "           og --lang skriver <navn>-<regel eller en>...\n"
        "  check    læs og kontrollér kun inddata; skriv intet\n"
        "  compare  kør flere regler på puljen og skriv ét sammenligningsregneark\n"
        "           (<navn>-sammenligning.xlsx) med et resumé pr. regel, et diagram,\n"
        "           økonomitabellen pr. regel og en følsomhedsanalyse\n"
        "  explain NR  vis trin for trin i kroner, hvordan ansøgning NR fik sit\n"
        "           tilskud (regel, faktor, afrunding, år); skriv intet\n"
        "  history  vis puljens gemte kørsler (outputs/<navn>/koersel-NNN, hver med\n"
        "           sine uddata og en kørselslog): tid, regel, nøgletal\n"
        "  init MAPPE  skriv en ny puljemappe: pulje.ini, skabelonerne\n"
        "           ansoegninger.csv og .xlsx, en tom forpligtelser.csv; viser det\n"
        "           valgte år\n"
        "  init MAPPE --from SIDSTE-PULJE  start fra sidste års runde: puljefilen\n"
        "           med året rykket frem, de forpligtelser dens kørsel skrev (i --out\n"
        "           MAPPE, ellers outputs/ ved siden af SIDSTE-PULJE), de øremærkninger\n"
        "           der stadig løber, skabelonerne med deres kolonner; viser de linjer\n"
        "           der skal rettes (RET)\n"
        "\n"
        "PULJEFIL er ./pulje.ini, når den aktuelle mappe har en (en rundemappe lavet\n"
        "af init), ellers " RUN_DEFAULT_POOL "; en linje på standard error\n"
        "siger hvilken (ikke med -q).\n"
        "\n"
        "Tilvalg:\n"
        "  -o, --out MAPPE    hvor uddata skrives (standard: " RUN_DEFAULT_OUT ")\n"
        "  -q, --quiet        vis kun problemer\n"
        "      --closed-form  beregn uden GLPK-modellen (samme tilskud; til kontrol)\n"
        "      --rule REGEL   brug REGEL i stedet for puljefilens regel (run)\n"
        "      --rules LISTE  compare: regler adskilt af ',' (den første er udgangspunktet);\n");
    wrapped(f, "standard: puljens regel og", rule_compare_specs(), 21);
    fprintf(f,
        "      --sweep SPEC   compare: PARAM:FRA:TIL:TRIN, PARAM threshold, max_grant eller\n"
        "                     cap (loftet for flerårige i %%, f.eks. cap:30:60:5)\n"
        "                     (standard threshold:0:150.000:10.000)\n"
        "\n"
        "REGEL er NAVN[:TÆRSKEL][+min=BELØB][+max=BELØB]; NAVN er en af:\n");
    wrapped(f, "", (const char *const[]){rule_names_list(), NULL}, 0);
    fprintf(f,
        "(threshold er 2023-reglen). Eksempler:\n"
        "threshold:25.000, excess:50.000, cea+min=10.000, talmud+max=300.000\n"
        "      --lang SPROG   sprog i regnearket og på terminalen: da (standard) eller en\n"
        "      --year ÅR      init: tilskudsåret (standard: næste år; med --from\n"
        "                     sidste rundes år + 1)\n"
        "      --from PULJE   init: sidste års puljefil, der føres videre\n"
        "      --timings      vis tiden for hver fase som én linje på standard error\n"
        "                     (også PULJE_TIMINGS=1); til målinger\n"
        "  -h, --help         vis denne hjælp\n"
        "  -V, --version      vis versionen\n"
        "\n"
        "Afslutningskoder:\n"
        "  0  færdig\n"
        "  2  fejl i inddata eller brug (hvert problem vises med fil, linje, kolonne);\n"
        "     intet blev skrevet\n"
        "  3  en kontrol af resultatet fejlede: en fejl i pulje; intet blev skrevet\n"
        "  4  en uddatafil kunne ikke skrives (tidligere filer er urørte)\n"
        "  5  løseren fejlede, eller hukommelsen slap op; intet blev skrevet\n");
}

void terminal_usage(FILE *f)
{
    if (labels_language() == LABEL_DA)
        usage_da(f);
    else
        usage_en(f);
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
        fprintf(f, msg_tr("  hint: %s\n"), d->hint);
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
        fprintf(f, msg_tr("error: more problems were found than could be stored (out of memory)\n"));
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

/* The most lines the summary has: one per figure, MY_YEARS for the years bound. */
enum { SUM_LINES = KF__COUNT + MY_YEARS, SUM_TEXT = 160 };

/* One line of the summary: its group, label, value and what follows the unit. */
typedef struct sum_line {
    keyfig_group group;
    char lab[SUM_TEXT], value[MONEY_BUFSZ + 8], after[SUM_TEXT];
    bool kr; /* the value is an amount: " kr." follows it */
} sum_line;

/* The summary's lines, from the key figures the terminal shows; returns their number. */
static size_t summary_lines(const keyfigs *k, sum_line *v)
{
    size_t n = 0;
    char pct[MONEY_BUFSZ], cap[MONEY_BUFSZ], padded[MONEY_BUFSZ + 8];

    for (size_t i = 0; i < KF__COUNT; i++) {
        const keyfig *f = &k->v[i];
        if (!keyfig_in(f, KF_TERMINAL))
            continue;
        if (f->def->kind == KF_YEARS) {
            money_format_pct_text(f->cap_bp, 10000, 0, cap);
            for (int t = 0; t < MY_YEARS; t++, n++) {
                const keyfig_year *y = &f->years[t];
                memset(&v[n], 0, sizeof v[n]);
                v[n].group = f->def->group;
                v[n].kr = true;
                label_format(v[n].lab, SUM_TEXT, L_KF_MY_BOUND_YEAR, y->year);
                money_format_text(y->bound, v[n].value);
                money_format_pct_text(y->bound, y->money > 0 ? y->money : 1, 1, pct);
                /* "42,2 %" over " 3,4 %", "42.2%" over " 3.4%" */
                snprintf(padded, sizeof padded, "%*s", labels_language() == LABEL_EN ? 5 : 6, pct);
                label_format(v[n].after, SUM_TEXT, L_KF_MY_BOUND_SHARE, padded, cap);
            }
            continue;
        }
        memset(&v[n], 0, sizeof v[n]);
        v[n].group = f->def->group;
        snprintf(v[n].lab, SUM_TEXT, "%s", label(f->def->label));
        if (f->def->kind == KF_RATIO) {
            money_format_ratio_text(f->num, f->den, 4, v[n].value);
            money_format_pct_text(f->den - f->num, f->den, 1, pct);
            snprintf(v[n].after, SUM_TEXT, "(-%s)", pct);
        } else {
            money_format_text(f->value, v[n].value);
            v[n].kr = f->def->kind == KF_KR;
        }
        n++;
    }
    return n;
}

void terminal_summary(FILE *out, const pool *p, const alloc_result *r)
{
    keyfigs k;
    sum_line v[SUM_LINES];
    size_t n, lab_w = 0, val_w = 0, unit_w = utf8_width(label(L_KR));
    bool en = labels_language() == LABEL_EN;

    keyfigures_compute(p, r, &k);
    n = summary_lines(&k, v);
    for (size_t i = 0; i < n; i++) {
        if (utf8_width(v[i].lab) > lab_w)
            lab_w = utf8_width(v[i].lab);
        if (strlen(v[i].value) > val_w)
            val_w = strlen(v[i].value);
    }
    fprintf(out, "%s %d, %s\n", p->name, p->year, p->committee ? p->committee : "");
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || v[i].group != v[i - 1].group)
            fprintf(out, "%s\n", label(keyfig_group_label(v[i].group)));
        /* label, padded; the value right-aligned; the unit; what follows. In English
         * the unit comes first: "DKK 6,871,589", in Danish after: "6.871.589 kr." */
        fprintf(out, "  %s%*s  ", v[i].lab, (int)(lab_w - utf8_width(v[i].lab)), "");
        if (en)
            fprintf(out, "%s%*s", v[i].kr ? label(L_KR) : "", v[i].kr ? 1 : (int)unit_w + 1, "");
        fprintf(out, "%*s", (int)val_w, v[i].value);
        if (v[i].kr && !en)
            fprintf(out, " %s", label(L_KR));
        if (v[i].after[0])
            fprintf(out, "%*s  %s", v[i].kr || en ? 0 : (int)unit_w + 1, "", v[i].after);
        fputc('\n', out);
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
        money_format_pct_text((pulje_wide)(s->max_cut * 1000000 + 0.5), 1000000, 1, mx);
        money_format_pct_text((pulje_wide)(s->median_cut * 1000000 + 0.5), 1000000, 1, md);
        fprintf(f, "  %-24s %14s %9s %5zu %5zu %8s %8s %6s %5zu\n", spec,
               money_format_text(s->granted, g), money_format_text(s->residual, res), s->n_reduced,
               s->n_refused, mx, md,
               money_format_ratio_text((pulje_wide)(s->gini * 1000000 + 0.5), 1000000, 3, gi),
               s->order_violations);
    }
}

void terminal_history(FILE *f, const pool *p, const char *home, const history *h)
{
    char g[MONEY_BUFSZ], res[MONEY_BUFSZ], rsv[MONEY_BUFSZ];

    fprintf(f, msg_tr("%s %d: %zu run%s kept in %s\n"), p->name, p->year, h->n,
            h->n == 1 ? "" : msg_tr("s"), home);
    for (size_t i = 0; i < h->n; i++) {
        const history_run *x = &h->v[i];
        char kind[200];
        if (!x->has_record) {
            fprintf(f, msg_tr("  %-12s (no run record)\n"), x->name);
            continue;
        }
        snprintf(kind, sizeof kind, "%s%s", x->official ? msg_tr("official") : msg_tr("trial "),
                 x->official ? "" : x->trial);
        if (strcmp(x->trial, "compare") == 0) { /* its folder holds the comparison workbook */
            fprintf(f, "  %-12s %-20s %s\n", x->name, x->time, kind);
            continue;
        }
        fprintf(f, msg_tr("  %-12s %-20s %-14s %-18s reserved DKK %s  granted DKK %s  "
                          "residual DKK %s  reduced %zu  refused %zu\n"),
               x->name, x->time, kind, x->rule, money_format_text(x->reserved, rsv),
               money_format_text(x->granted, g), money_format_text(x->residual, res), x->reduced,
               x->refused);
    }
}
