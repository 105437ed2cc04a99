/* test_letters.c - Decision letters: the fields and reasons of the default
 * pool's letters (library), the template's grammar and its errors, and the
 * written PDFs read back with pdftotext: 68 letters, their amounts, names
 * and Danish letters, the same bytes twice, the mail-merge CSV, run
 * --letters, --lang en and a template of the pool's own. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "explain.h"
#include "inputs.h"
#include "labels.h"
#include "letters.h"
#include "letters_pdf.h"
#include "opendata.h"
#include "run.h"

/* The default pool, allocated. */
typedef struct fixture {
    pulje_inputs in;
    alloc_result r;
    diag_list dl;
    letter_template t;
} fixture;

static void load(fixture *f)
{
    memset(f, 0, sizeof *f);
    diag_init(&f->dl);
    assert_int_equal(run_load_inputs("inputs/pulje-2023.ini", NULL, &f->in, &f->dl), PULJE_OK);
    assert_int_equal(alloc_run(&f->in.pool, &f->in.apps, ALLOC_MODEL, &f->r, &f->dl), 0);
    assert_int_equal(letters_template_default(&f->t), 0);
}

static void unload(fixture *f)
{
    letters_template_free(&f->t);
    alloc_free(&f->r);
    inputs_free(&f->in);
    diag_free(&f->dl);
}

/* The letter of application nr. */
static void build_nr(fixture *f, const char *nr, letter *l)
{
    size_t i;
    assert_int_equal(explain_find(&f->in.apps, nr, &i), 0);
    assert_int_equal(letters_build(&f->in.pool, &f->in.apps, &f->r, i, &f->t, l), 0);
}

/* "43.200 kr." as a number. */
static pulje_kr amount(const char *s)
{
    pulje_kr v = 0;
    for (; *s && *s != ' '; s++)
        if (*s >= '0' && *s <= '9')
            v = v * 10 + (*s - '0');
    return v;
}

/* Whether some block of l has text containing s. */
static int has_text(const letter *l, letter_block_kind kind, const char *s)
{
    for (size_t k = 0; k < l->n; k++)
        if (l->v[k].kind == kind && strstr(l->v[k].text, s))
            return 1;
    return 0;
}

static void test_default_pool_letters_add_up_to_the_workbook(void **state)
{
    fixture f;
    pulje_kr grants = 0, with_supp = 0, totals = 0;
    size_t kinds[3] = {0, 0, 0};

    (void)state;
    load(&f);
    assert_int_equal(f.r.n, 68);
    for (size_t i = 0; i < f.r.n; i++) {
        letter l;
        assert_int_equal(letters_build(&f.in.pool, &f.in.apps, &f.r, i, &f.t, &l), 0);
        assert_int_equal(amount(l.fields[LF_GRANT]), f.r.lines[i].grant);
        assert_int_equal(amount(l.fields[LF_APPLIED]), f.in.apps.v[i].applied);
        assert_int_equal(amount(l.fields[LF_TOTAL]), opendata_award(&f.r, i));
        grants += amount(l.fields[LF_GRANT]);
        with_supp += amount(l.fields[LF_GRANT]) + amount(l.fields[LF_SUPPLEMENT]);
        totals += amount(l.fields[LF_TOTAL]);
        kinds[l.kind]++;
        assert_true(l.fields[LF_REASON][0] != '\0');
        assert_null(strstr(l.fields[LF_REASON], "kr.."));
        letters_free(&l);
    }
    assert_int_equal(grants, 3257050);
    assert_int_equal(with_supp, 3757050);
    assert_int_equal(totals, 4712850);
    assert_int_equal(kinds[LETTER_REFUSED], 6);
    assert_int_equal(kinds[LETTER_GRANTED] + kinds[LETTER_PARTIAL], 62);
    unload(&f);
}

static void test_reasons_say_the_steps_of_explain(void **state)
{
    fixture f;
    letter l;

    (void)state;
    load(&f);
    /* reduced by the rule, with a supplement */
    build_nr(&f, "13", &l);
    assert_int_equal(l.kind, LETTER_PARTIAL);
    assert_string_equal(l.fields[LF_ASSOCIATION], "Bolbros Åbne Fortællere");
    assert_string_equal(l.fields[LF_GRANT], "43.200 kr.");
    assert_string_equal(l.fields[LF_ASSESSED], "67.000 kr.");
    assert_string_equal(l.fields[LF_SUPPLEMENT], "50.000 kr.");
    assert_string_equal(l.fields[LF_TOTAL], "93.200 kr.");
    assert_string_equal(l.fields[LF_DECISION], "Delvis bevilget");
    assert_string_equal(l.fields[LF_DATE], "13. december 2022");
    assert_string_equal(
        l.fields[LF_REASON],
        "Indstillingsudvalget har vurderet ansøgningen og indstillet 67.000 kr. af de ansøgte "
        "145.000 kr. Puljens midler rækker ikke til alle de indstillede beløb, og derfor er de "
        "fordelt efter puljens regel: Forholdsmæssig reduktion af alle indstillede beløb på "
        "mere end 50.000 kr. Det indstillede beløb på 67.000 kr. er ganget med faktoren "
        "0,645208, og det giver 43.228,94 kr. Beløbet er rundet ned til hele 100 kr.: "
        "43.200 kr.");
    assert_string_equal(l.fields[LF_SUPP_TEXT],
                        "Derudover får I et tillæg på 50.000 kr. fra Midler til mental trivsel "
                        "12-25 år.");
    assert_true(has_text(&l, LB_CALC, "Beregnet andel: 67.000 kr. x 0,645208 = 43.228,94 kr."));
    assert_true(has_text(&l, LB_HEADING, "Begrundelse"));
    assert_true(has_text(&l, LB_HEADING, "Vilkår"));
    letters_free(&l);
    /* refused by the panel: its words, no conditions */
    build_nr(&f, "9", &l);
    assert_int_equal(l.kind, LETTER_REFUSED);
    assert_string_equal(l.fields[LF_REASON],
                        "Indstillingsudvalget har vurderet ansøgningen og indstillet afslag med "
                        "denne begrundelse: Manglende regnskab.");
    assert_string_equal(l.fields[LF_REPORTING], "");
    assert_false(has_text(&l, LB_HEADING, "Vilkår"));
    letters_free(&l);
    /* all applied for */
    build_nr(&f, "1", &l);
    assert_int_equal(l.kind, LETTER_GRANTED);
    assert_string_equal(l.fields[LF_REASON], "I får hele det beløb, I har søgt om.");
    assert_string_equal(l.fields[LF_REPORTING],
                        "I skal aflevere en rapport og et regnskab, når aktiviteten er afsluttet.");
    assert_string_equal(l.fields[LF_DUTY], "en rapport og et regnskab"); /* 21.500 kr. */
    letters_free(&l);
    /* assessed lower, not reduced */
    build_nr(&f, "2", &l);
    assert_int_equal(l.kind, LETTER_PARTIAL);
    assert_string_equal(l.fields[LF_REASON],
                        "Indstillingsudvalget har vurderet ansøgningen og indstillet 50.000 kr. af "
                        "de ansøgte 84.500 kr. Det indstillede beløb er bevilget fuldt ud.");
    letters_free(&l);
    /* three years honoured */
    build_nr(&f, "7", &l);
    assert_string_equal(l.fields[LF_YEARS], "3");
    assert_non_null(strstr(l.fields[LF_MULTIYEAR],
                           "Tilskuddet gives for 3 år, 2023-2025, med 134.900 kr. om året."));
    assert_string_equal(l.fields[LF_TOTAL], "454.700 kr."); /* 3 x 134.900 + 50.000 */
    assert_non_null(strstr(l.fields[LF_REASON], "hævet med én enhed"));
    letters_free(&l);
    /* a multi-year request granted for one year, and why */
    build_nr(&f, "42", &l);
    assert_non_null(strstr(l.fields[LF_REASON],
                           "I har søgt om tilskud i 2 år, men tilskuddet gives for ét år, fordi "
                           "et flerårigt tilskud kræver mindst 5 års aktivitet."));
    assert_string_equal(l.fields[LF_MULTIYEAR], "");
    letters_free(&l);
    build_nr(&f, "56", &l);
    assert_non_null(strstr(l.fields[LF_REASON], "fordi et treårigt tilskud kun gives som undtagelse."));
    letters_free(&l);
    unload(&f);
}

static void test_duty_follows_the_size_and_the_pool_limits(void **state)
{
    fixture f;
    size_t i;

    (void)state;
    load(&f);
    assert_int_equal(explain_find(&f.in.apps, "4", &i), 0); /* 7.000 kr. */
    assert_int_equal(letters_duty(&f.in.pool, &f.r, i), 0);
    assert_int_equal(explain_find(&f.in.apps, "1", &i), 0); /* 21.500 kr. */
    assert_int_equal(letters_duty(&f.in.pool, &f.r, i), 1);
    f.in.pool.report_limit = 21500;
    assert_int_equal(letters_duty(&f.in.pool, &f.r, i), 0);
    assert_int_equal(explain_find(&f.in.apps, "2", &i), 0); /* 50.000 + 50.000 kr. */
    assert_int_equal(letters_duty(&f.in.pool, &f.r, i), 2);
    assert_int_equal(explain_find(&f.in.apps, "9", &i), 0); /* refused */
    assert_int_equal(letters_duty(&f.in.pool, &f.r, i), -1);
    unload(&f);
}

static void test_template_fields_sections_and_paragraphs(void **state)
{
    fixture f;
    letter_template t;
    letter l;
    size_t i;
    const char *text = "# a comment {not a field}\n"
                       "[emne]\nTil {forening} ({{nr}})\n"
                       "[bevilget]\nLinje et\nlinje to {tillæg_tekst}\n\n{flerårig}\n\n## Overskrift\n"
                       "Sidst: {bevilget}.\n"
                       "[hilsen]\nVenlig hilsen\n\nKaj\n\n\n";

    (void)state;
    load(&f);
    assert_int_equal(letters_template_parse(text, strlen(text), "brev.txt", &t, &f.dl), 0);
    assert_int_equal(explain_find(&f.in.apps, "1", &i), 0);
    assert_int_equal(letters_build(&f.in.pool, &f.in.apps, &f.r, i, &t, &l), 0);
    assert_true(has_text(&l, LB_SUBJECT, "Til Selskabet Åbne Fyrtårne, Hjallese ({nr})"));
    /* lines joined, the empty field's paragraph dropped, "kr.." squeezed */
    assert_true(has_text(&l, LB_PARA, "Linje et linje to"));
    assert_true(has_text(&l, LB_HEADING, "Overskrift"));
    assert_true(has_text(&l, LB_PARA, "Sidst: 21.500 kr."));
    assert_false(has_text(&l, LB_PARA, "kr.."));
    /* the signature line by line, trailing blanks dropped; [afslutning] built in */
    assert_string_equal(l.v[l.n - 1].text, "Kaj");
    assert_int_equal(l.v[l.n - 2].kind, LB_SIGNATURE);
    assert_string_equal(l.v[l.n - 2].text, "");
    assert_true(has_text(&l, LB_PARA, "servicelovens § 18"));
    letters_free(&l);
    letters_template_free(&t);
    unload(&f);
}

static void test_template_errors_stand_at_their_place(void **state)
{
    diag_list dl;
    letter_template t;
    const char *text = "Hej\n[emne]\nTil {forenig}\n[brev]\nx\n[hilsen]\n{udvalg\n";

    (void)state;
    diag_init(&dl);
    assert_int_equal(letters_template_parse(text, strlen(text), "brev.txt", &t, &dl), -1);
    assert_int_equal(dl.n, 4);
    assert_int_equal(dl.v[0].line, 1);
    assert_non_null(strstr(dl.v[0].msg, "tekst før brevskabelonens første afsnit"));
    assert_int_equal(dl.v[1].line, 3);
    assert_int_equal(dl.v[1].col, 5);
    assert_string_equal(dl.v[1].msg, "ukendt felt {forenig} i brevskabelonen");
    assert_int_equal(dl.v[2].line, 4);
    assert_string_equal(dl.v[2].msg, "ukendt afsnit [brev] i brevskabelonen");
    assert_int_equal(dl.v[3].line, 7);
    assert_non_null(strstr(dl.v[3].msg, "ikke lukket"));
    assert_null(t.sec[LT_SUBJECT]);
    letters_template_free(&t);
    diag_free(&dl);
}

/* ---- the program ---------------------------------------------------------- */

/* Whether pdftotext and pdfinfo are here (poppler-utils). */
static int have_poppler(void)
{
    return system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") ==
           0;
}

/* The text of a PDF, blanks and line ends folded to one blank, malloc'ed;
 * layout: in rows as on the page (the figures' label and amount together). */
static char *pdf_text_as(const char *pdf, int layout)
{
    char cmd[8192], *buf = malloc(1 << 20), *o;
    assert_non_null(buf);
    snprintf(cmd, sizeof cmd, "pdftotext %s-enc UTF-8 '%s' - 2>&1", layout ? "-layout " : "",
             pdf);
    assert_int_equal(test_run(cmd, buf, 1 << 20), 0);
    o = buf;
    for (const char *p = buf; *p; p++) {
        int blank = *p == ' ' || *p == '\n' || *p == '\f' || *p == '\r';
        if (blank && o > buf && o[-1] == ' ')
            continue;
        *o++ = blank ? ' ' : *p;
    }
    *o = '\0';
    return buf;
}

static char *pdf_text(const char *pdf)
{
    return pdf_text_as(pdf, 0);
}

static int pdf_pages(const char *pdf)
{
    char cmd[8192], out[256];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s' | awk '/^Pages:/ {print $2}'", pdf);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    return atoi(out);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_letters_command_writes_68_letters_read_back_intact(void **state)
{
    char dir[] = "/tmp/pulje-letters-XXXXXX", cmd[8192], out[8192], path[1024], *text;
    int pages_sum = 0, combined;

    (void)state;
    if (!have_poppler())
        skip(); /* apt-get install poppler-utils */
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "%s/pulje letters -q --out %s/a 2>/dev/null && %s/pulje letters -q "
             "--out %s/b 2>/dev/null", test_build_dir(), dir, test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    /* 68 letters in the folder, and nothing else of run's */
    snprintf(cmd, sizeof cmd, "ls %s/a/18-hovedpuljen-2023-breve | grep -c '\\.pdf$'; ls %s/a | grep -c '^18-hovedpuljen-2023.xlsx$'", dir, dir);
    test_run(cmd, out, sizeof out);
    assert_string_equal(out, "68\n0\n");
    /* the same inputs, the same bytes */
    snprintf(cmd, sizeof cmd, "cmp %s/a/18-hovedpuljen-2023-breve.pdf %s/b/18-hovedpuljen-2023-breve.pdf && "
             "diff -r %s/a/18-hovedpuljen-2023-breve %s/b/18-hovedpuljen-2023-breve", dir, dir, dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    /* the combined PDF: every letter, each from a page of its own */
    snprintf(path, sizeof path, "%s/a/18-hovedpuljen-2023-breve.pdf", dir);
    combined = pdf_pages(path);
    text = pdf_text(path);
    assert_int_equal(count(text, "Afgørelse om tilskud fra § 18-Hovedpuljen 2023 - ansøgning nr."), 68);
    assert_int_equal(count(text, "Med venlig hilsen"), 68);
    assert_int_equal(count(text, "side 1 "), 68);
    free(text);
    snprintf(cmd, sizeof cmd, "for f in %s/a/18-hovedpuljen-2023-breve/*.pdf; do pdfinfo \"$f\" | "
             "awk '/^Pages:/ {print $2}'; done | awk '{s += $1} END {print s}'", dir);
    test_run(cmd, out, sizeof out);
    pages_sum = atoi(out);
    assert_true(combined >= 68);
    assert_int_equal(combined, pages_sum);
    /* one letter read back: name, amounts, reason, æ ø å § */
    snprintf(path, sizeof path, "%s/a/18-hovedpuljen-2023-breve/13-bolbros-aabne-fortaellere.pdf", dir);
    text = pdf_text(path);
    assert_non_null(strstr(text, "Bolbros Åbne Fortællere CVR-nr. 47051800"));
    assert_non_null(strstr(text, "I har søgt om 145.000 kr. og får et tilskud på 43.200 kr."));
    assert_non_null(strstr(text, "ganget med faktoren 0,645208, og det giver 43.228,94 kr."));
    assert_non_null(strstr(text, "jf. forvaltningslovens § 22"));
    assert_non_null(strstr(text, "13. december 2022"));
    assert_null(strstr(text, "?"));
    free(text);
    text = pdf_text_as(path, 1);
    assert_non_null(strstr(text, " Tilskud pr. år 43.200 kr. "));
    assert_non_null(strstr(text, " Tillæg fra Midler til mental trivsel 12-25 år 50.000 kr. "));
    assert_non_null(strstr(text, " I alt, alle år med tillæg 93.200 kr. "));
    free(text);
    snprintf(path, sizeof path, "%s/a/18-hovedpuljen-2023-breve/9-holluf-piles-sunde-hjaelpere.pdf", dir);
    text = pdf_text_as(path, 1);
    assert_non_null(strstr(text, "Holluf Piles Sunde Hjælpere"));
    assert_non_null(strstr(text, "Vi må desværre meddele, at I ikke får tilskud."));
    assert_non_null(strstr(text, "denne begrundelse: Manglende regnskab."));
    assert_non_null(strstr(text, "I alt, alle år med tillæg 0 kr."));
    free(text);
    snprintf(path, sizeof path, "%s/a/18-hovedpuljen-2023-breve/7-foreningen-venlige-kokke-i-agedrup.pdf", dir);
    text = pdf_text_as(path, 1);
    assert_non_null(strstr(text, "Antal år 3 (2023-2025)"));
    assert_non_null(strstr(text, "I alt, alle år med tillæg 454.700 kr."));
    free(text);
    /* the page renders */
    snprintf(cmd, sizeof cmd, "pdftoppm -png -r 40 -f 1 -l 1 '%s' %s/page >/dev/null 2>&1 && test -s %s/page-1.png",
             path, dir, dir);
    assert_int_equal(system(cmd), 0);
    /* the mail-merge CSV: the fields, one row each */
    snprintf(cmd, sizeof cmd, "wc -l < %s/a/18-hovedpuljen-2023-breve.csv; "
             "grep -c '^13;Bolbros Åbne Fortællere;47051800;.*;Delvis bevilget;145.000 kr.;67.000 kr.;43.200 kr.;43.200 kr.;1;1;50.000 kr.;93.200 kr.;' "
             "%s/a/18-hovedpuljen-2023-breve.csv", dir, dir);
    test_run(cmd, out, sizeof out);
    assert_string_equal(out, "69\n1\n");
    snprintf(cmd, sizeof cmd, "head -c 60 %s/a/18-hovedpuljen-2023-breve.csv", dir);
    test_run(cmd, out, sizeof out);
    assert_memory_equal(out, "\xEF\xBB\xBFnr;forening;cvr;indsats;afgørelse;ansøgt;", 45);
    /* the mail-merge workbook: the same fields, the same rows, the same bytes twice */
    snprintf(cmd, sizeof cmd, "cmp %s/a/18-hovedpuljen-2023-breve.xlsx %s/b/18-hovedpuljen-2023-breve.xlsx && "
             "/usr/bin/python3 -c \"import openpyxl,sys; ws = openpyxl.load_workbook(sys.argv[1]).active; "
             "rows = list(ws.iter_rows(values_only=True)); r13 = [r for r in rows if r[0] == '13'][0]; "
             "print(ws.title, len(rows), rows[0][:3], r13[1], r13[5], r13[7])\" "
             "%s/a/18-hovedpuljen-2023-breve.xlsx", dir, dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_string_equal(out, "Brevfletning 69 ('nr', 'forening', 'cvr') Bolbros Åbne Fortællere "
                             "145.000 kr. 43.200 kr.\n");
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_run_letters_english_and_the_pools_own_template(void **state)
{
    char dir[] = "/tmp/pulje-letters-XXXXXX", cmd[8192], out[8192], path[1024], *text;

    (void)state;
    if (!have_poppler())
        skip();
    assert_non_null(mkdtemp(dir));
    /* run --letters: the workbook and the letters */
    snprintf(cmd, sizeof cmd, "%s/pulje run --letters -q --out %s/r 2>/dev/null && ls %s/r",
             test_build_dir(), dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "18-hovedpuljen-2023.xlsx\n"));
    assert_non_null(strstr(out, "18-hovedpuljen-2023-breve.pdf\n"));
    assert_non_null(strstr(out, "18-hovedpuljen-2023-breve\n"));
    /* English: a trial's names, English words */
    snprintf(cmd, sizeof cmd, "%s/pulje letters --lang en -q --out %s/e 2>/dev/null", test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(path, sizeof path, "%s/e/18-hovedpuljen-2023-en-breve/13-bolbros-aabne-fortaellere.pdf", dir);
    text = pdf_text_as(path, 1);
    assert_non_null(strstr(text, "Dear Bolbros Åbne Fortællere"));
    assert_non_null(strstr(text, "Grant per year DKK 43,200"));
    free(text);
    /* the pool's own template, with a deadline */
    snprintf(cmd, sizeof cmd,
             "mkdir %s/p && cp inputs/ansoegninger-2023.csv inputs/forpligtelser.csv %s/p/ && "
             "sed 's/^ledger .*/&\\nletter = brev.txt\\nreport_deadline = 2024-03-31/' "
             "inputs/pulje-2023.ini > %s/p/pulje.ini && "
             "printf '[emne]\\nTilsagn til {forening}\\n[vilkår]\\n{afrapportering}\\n' > %s/p/brev.txt && "
             "%s/pulje letters -q --out %s/po %s/p/pulje.ini 2>&1",
             dir, dir, dir, dir, test_build_dir(), dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    snprintf(path, sizeof path, "%s/po/18-hovedpuljen-2023-breve/13-bolbros-aabne-fortaellere.pdf", dir);
    text = pdf_text(path);
    assert_non_null(strstr(text, "Tilsagn til Bolbros Åbne Fortællere"));
    assert_non_null(strstr(text, "I skal aflevere en rapport og et revideret regnskab senest den 31. marts 2024."));
    assert_null(strstr(text, "Vilkår")); /* the section replaced has no heading */
    free(text);
    /* the template is an input: digested, and never written over */
    snprintf(cmd, sizeof cmd, "%s/pulje check --verbose %s/p/pulje.ini 2>&1", test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "/p/brev.txt\n"));
    snprintf(cmd, sizeof cmd, "sed 's/^letter = .*/letter = ..\\/po\\/18-hovedpuljen-2023-breve.csv/' "
             "%s/p/pulje.ini > %s/p/p2.ini && %s/pulje letters -q --out %s/po %s/p/p2.ini 2>&1",
             dir, dir, test_build_dir(), dir, dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "at skrive den ville ødelægge inddata"));
    /* a bad template: check refuses it at its line and column, exit 2 */
    snprintf(cmd, sizeof cmd, "printf '[emne]\\nTil {navn}\\n' > %s/p/brev.txt && %s/pulje check %s/p/pulje.ini 2>&1",
             dir, test_build_dir(), dir);
    assert_int_equal(test_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "brev.txt:2:5: fejl: ukendt felt {navn} i brevskabelonen"));
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_pool_letters_add_up_to_the_workbook),
        cmocka_unit_test(test_reasons_say_the_steps_of_explain),
        cmocka_unit_test(test_duty_follows_the_size_and_the_pool_limits),
        cmocka_unit_test(test_template_fields_sections_and_paragraphs),
        cmocka_unit_test(test_template_errors_stand_at_their_place),
        cmocka_unit_test(test_letters_command_writes_68_letters_read_back_intact),
        cmocka_unit_test(test_run_letters_english_and_the_pools_own_template),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
