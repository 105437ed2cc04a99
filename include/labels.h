/* labels.h - Every text shown to people, in one table (Danish; English in labels_en.c).
 *
 * Report and command-line code ask for a label by id; no Danish literal
 * appears anywhere else. Some labels have blanks to fill: %s (a string) and
 * %d (an int). The comment after each id shows the text, and label_args()
 * says which blanks it has ("" none, "s" one string, "sd" a string then an
 * int). Fill them with label_format(), which the compiler cannot check:
 * pass exactly the arguments label_args() names (the tests check every
 * label's text against its label_args()). */
#ifndef PULJE_LABELS_H
#define PULJE_LABELS_H

#include <stdarg.h>
#include <stddef.h>

typedef enum {
    /* sheets */
    L_SHEET_ECONOMY,        /* Økonomi */
    L_SHEET_OVERVIEW,       /* Samlet oversigt */
    /* economy table */
    L_ECON_TITLE,           /* "%s Budget" */
    L_ECON_AMOUNT_HEADER,   /* (Kr.) */
    L_ECON_BUDGET_TOTAL,    /* Samlet rådighedsbeløb til %s %d */
    L_ECON_GRANTED,         /* Indstillede tilskud fra %s %d i alt */
    L_ECON_RECOMMENDED,     /* %s %d indstillet */
    L_ECON_CHECK,           /* Kontrol: difference (skal være 0) */
    L_ECON_NOTE_FACTOR,     /* Reduktionsfaktor */
    L_ECON_NOTE_RULE,       /* Regel */
    /* overview columns */
    L_COL_NR, L_COL_ASSOCIATION, L_COL_ACTIVITY, L_COL_APPLIED, L_COL_ASSESSED,
    L_COL_REDUCTION_KR, L_COL_REDUCTION_PCT, L_COL_GRANT, L_COL_REFUSAL,
    L_TOTAL,                /* I alt */
    L_OVERVIEW_TITLE,       /* Bilag 1 - Samlet oversigt over %s %d */
    /* rule descriptions */
    L_RULE_THRESHOLD,       /* Forholdsmæssig reduktion af alle indstillede beløb på mere end %s kr. */
    L_RULE_PROPORTIONAL,    /* Forholdsmæssig reduktion af alle indstillede beløb */
    L_RULE_EXCESS,          /* Alle beholder de første %s kr.; kun beløb derover reduceres forholdsmæssigt */
    L_RULE_CEA,             /* Fælles loft: ... (constrained equal awards) */
    L_RULE_CEL,             /* Fælles nedskæring i kr. ... (constrained equal losses) */
    L_RULE_TALMUD,          /* Talmud-reglen (Aumann & Maschler 1985) ... */
    L_RULE_OPT_MIN,         /* "; mindste tilskud %s kr. (mindre bliver afslag)" */
    L_RULE_OPT_MAX,         /* "; højeste tilskud %s kr." */
    L_RULE_SHORT_THRESHOLD, /* 2023-reglen (%s kr.) */
    L_RULE_SHORT_PROPORTIONAL, /* Forholdsmæssig */
    L_RULE_SHORT_EXCESS,    /* Over %s kr. */
    L_RULE_SHORT_CEA,       /* Fælles loft */
    L_RULE_SHORT_CEL,       /* Fælles nedskæring */
    L_RULE_SHORT_TALMUD,    /* Talmud */
    L_RULE_SHORT_MIN,       /* " min. %s" */
    L_RULE_SHORT_MAX,       /* " maks. %s" */
    /* terminal summary */
    L_SUM_BUDGET, L_SUM_RESERVED, L_SUM_EARMARKED, L_SUM_AVAILABLE, L_SUM_ASSESSED,
    L_SUM_FACTOR, L_SUM_REDUCED, L_SUM_REFUSED, L_SUM_GRANTED, L_SUM_RESIDUAL,
    L_SUM_APPLICATIONS, L_SUM_APPLIED, L_SUM_WROTE,
    L_KR,                   /* kr. */
    /* document properties */
    L_PROP_TITLE,           /* Indstilling: %s %d */
    L_PROP_SUBJECT,         /* Indstilling til %s (the committee) */
    L_PROP_AUTHOR,          /* pulje */
    L_PROP_COMMENTS,        /* Fordeling af %s %d. Regel: %s */
    /* economy sheet: title and key figures */
    L_ECON_HEADING,         /* Økonomi - %s %d */
    L_ECON_KEY_FIGURES,     /* Nøgletal */
    L_ECON_NOTE_ROUNDING,   /* Afrundingsenhed (kr.) */
    L_ECON_NOTE_AVAILABLE,  /* Til rådighed for nye tilskud (kr.) */
    L_ECON_NOTE_APPLIED,    /* Ansøgt i alt (kr.) */
    L_ECON_NOTE_ASSESSED,   /* Indstillet i alt før reduktion (kr.) */
    L_ECON_NOTE_APPLICATIONS, /* Antal ansøgninger */
    L_ECON_NOTE_REDUCED,    /* Antal reducerede ansøgninger */
    L_ECON_NOTE_REFUSED,    /* Antal afslag */
    L_ECON_NOTE_DATE,       /* Beslutningsdato */
    /* printed pages (libxlsxwriter header/footer codes: &C centre, &P page, &N pages) */
    L_PRINT_FOOTER,         /* &L&A&RSide &P af &N: the sheet left, the page right */
    /* pulje explain NR: one application's way from ansøgt to tilskud (explain.c) */
    L_EX_HEADING,           /* Ansøgning nr. %s: %s */
    L_EX_ACTIVITY,          /* Indsats: %s */
    L_EX_POOL,              /* Pulje: %s %d */
    L_EX_APPLIED,           /* Ansøgt: %s kr. */
    L_EX_ASSESSED,          /* Indstillet af indstillingsudvalget: %s kr. */
    L_EX_ASSESSED_DEFAULT,  /* Indstillet: ikke udfyldt, altså som ansøgt: %s kr. */
    L_EX_REFUSED,           /* Afslag: %s */
    L_EX_ZERO,              /* Indstillet 0 kr.: intet at fordele */
    L_EX_RULE,              /* Regel: %s */
    L_EX_NOT_RATIONED,      /* Indstillet i alt %s kr. kan dækkes af de %s kr. ...: ingen reduktion */
    L_EX_PROTECTED,         /* %s kr. er højst %s kr. og reduceres ikke */
    L_EX_ABOVE,             /* %s kr. er mere end %s kr. og reduceres med faktoren */
    L_EX_ALL_REDUCED,       /* Alle indstillede beløb reduceres med samme faktor */
    L_EX_FACTOR_THRESHOLD,  /* Faktor = (%s kr. - %s kr.) / %s kr. = %s */
    L_EX_FACTOR_PROPORTIONAL, /* Faktor = %s kr. / %s kr. = %s */
    L_EX_SHARE,             /* Beregnet andel: %s kr. x %s = %s kr. */
    L_EX_AS_ASSESSED,       /* Udbetales som indstillet, uden afrunding: %s kr. */
    L_EX_ROUND_DOWN,        /* Afrundet ned til hele %s kr. (R1): %s kr. */
    L_EX_ROUND_EXTRA,       /* Plus %s kr. af det, afrundingen frigjorde (R3, ...): %s kr. */
    L_EX_ROUND_NO_EXTRA,    /* Ingen enhed mere her af det, afrundingen frigjorde (R3): %s kr. */
    L_EX_YEARS_ONE,         /* Antal år: søgt 1, bevilget %d */
    L_EX_YEARS,             /* Flerårig: søgt %d år, bevilget %d år: %s */
    L_EX_YEAR_AMOUNT,       /* %d: %s kr. */
    L_EX_ACTIVE_YEARS,      /* År aktiv: %d (kravet er mindst %d) */
    L_EX_EARMARK,           /* Øremærkede midler (%s): fordeles særskilt, ikke i denne beregning */
    L_EX_GRANT,             /* Indstillet tilskud: %s kr. */
    L_EX_REDUCTION,         /* Reduktion: %s kr. (%s) */
    L_EX_NOT_FOUND,         /* Ingen ansøgning har nr. %s i %s */
    L_EX_NEARBY,            /* Numre i nærheden: %s */
    L_EX_CEA_HOW,           /* Andel = min(indstillet, L), hvor det fælles loft L gør andelene til %s kr. i alt */
    L_EX_CEL_HOW,           /* Andel = max(0, indstillet - L), hvor den fælles nedskæring L gør ... %s kr. */
    L_EX_TALMUD_LOW,        /* Midlerne (%s kr.) er højst halvdelen af ... (%s kr.): andel = min(indstillet / 2, L) */
    L_EX_TALMUD_HIGH,       /* Midlerne (%s kr.) er mere end halvdelen ... (%s kr.): andel = indstillet - min(...) */
    L_EX_LEVEL_CEA,         /* Fælles loft: L = %s kr. */
    L_EX_LEVEL_CEL,         /* Fælles nedskæring: L = %s kr. */
    L_EX_LEVEL_TALMUD_LOW,  /* Loft på de halve beløb: L = %s kr. */
    L_EX_LEVEL_TALMUD_HIGH, /* Højeste tab: L = %s kr. */
    L_EX_SHARE_CEA,         /* Beregnet andel: min(%s kr., %s kr.) = %s kr. */
    L_EX_SHARE_CEL,         /* Beregnet andel: max(0, %s kr. - %s kr.) = %s kr. */
    L_EX_SHARE_TALMUD_LOW,  /* Beregnet andel: min(%s kr. / 2, %s kr.) = %s kr. */
    L_EX_SHARE_TALMUD_HIGH, /* Beregnet andel: %s kr. - min(%s kr. / 2, %s kr.) = %s kr. */
    L_EX_EXCESS_PARTS,      /* Beskyttet del: min(%s kr., %s kr.) = %s kr.; det overskydende, %s kr., ... */
    L_EX_FACTOR_EXCESS,     /* Faktor = (%s kr. - beskyttede dele %s kr.) / overskydende dele %s kr. ≈ %s */
    L_EX_SHARE_EXCESS,      /* Beregnet andel: %s kr. + %s x %s kr. = %s kr. */
    L_EX_SHARE_FULL,        /* Beregnet andel: hele det indstillede beløb = %s kr. */
    L_EX_OPT_CAPPED,        /* Sat til højeste tilskud, %s kr.: %d ansøgninger */
    L_EX_OPT_DROPPED,       /* Afslag under mindste tilskud, %s kr.: %d ansøgninger */
    L_EX_OPT_REST,          /* Til deling mellem de øvrige %d: %s kr. - %s kr. i højeste tilskud = %s kr. */
    L_EX_OPT_REST_FIT,      /* De øvrige indstillede beløb (%s kr. i alt) kan dækkes af de %s kr. ...: ingen reduktion */
    L_EX_CAPPED,            /* Andelen efter reglen er over højeste tilskud og sættes til %s kr. */
    L_EX_SHARE_CAPPED,      /* Beregnet andel: højeste tilskud = %s kr. */
    L_EX_BELOW_MIN,         /* Andelen efter reglen kommer under mindste tilskud, %s kr. */
    L_EX_SHARE_DROPPED,     /* Beregnet andel: afslag = 0 kr. */
    L_EX_ROUND_EXACT,       /* Andelen går op i hele %s kr. og udbetales uden afrunding: %s kr. */
    L_EX_ROUND_CAP,         /* En enhed mere ville give mere end %s kr. (R3): %s kr. */
    L_EX_ROUND_RAISE,       /* Hævet (R4) til det, en ansøgning med mindre indstilling fik fuldt ud: %s kr. */
    L_EX_ROUND_RAISE_NR,    /* Hævet (R4) til det, ansøgning nr. %s med mindre indstilling fik fuldt ud: %s kr. */
    L_EX_WHY_MIN,           /* under minimumsbeløbet (%s kr.) */
    L_EX_WHY_ROUNDED,       /* afrundet til 0 kr. */
    L_EX_WHY_RULE,          /* reglen giver en andel på 0 kr. */
    L_EX_WHY_HOLDER,        /* har en løbende flerårig bevilling */
    L_EX_WHY_ZERO,          /* indstillet 0 kr. */
    L_EX_NO_FORMULA,        /* Beregnet andel = %s kr. */
    L_EX_ROUND_WHOLE,       /* Andelen er hele kroner og udbetales uden afrunding: %s kr. */
    /* 360Giving export (opendata.c): the Description column */
    L_OD_DESCRIPTION,       /* Tilskud fra %s %d */
    L_OD_DESCRIPTION_MY,    /* Flerårigt tilskud fra %s %d: %s kr. om året i %d år */
    /* pulje init FOLDER (init.c): the pool-file template and the applications template */
    L_INIT_POOL_FILE,       /* the commented pool file; blanks: year, year-1, year, year, year */
    L_INIT_SHEET,           /* Ansøgninger */
    L_INIT_YES,             /* ja */
    L_INIT_NO,              /* nej */
    L_INIT_NEXT,            /* Næste skridt: udfyld %s, ret %s, og kør: pulje check %s */
    /* decisions CSV: columns not shared with the overview, and the status words */
    L_CSV_CVR,              /* CVR */
    L_CSV_APPLIED,          /* Ansøgt */
    L_CSV_ASSESSED,         /* Indstillet */
    L_CSV_REDUCTION,        /* Reduktion */
    L_CSV_GRANT,            /* Indstillet tilskud */
    L_CSV_STATUS,           /* Status */
    L_STATUS_GRANTED,       /* bevilget */
    L_STATUS_REDUCED,       /* reduceret */
    L_STATUS_REFUSED,       /* afslag */
    /* multi-year grants: reservations computed from the ledger */
    L_RES_MULTIYEAR,        /* Reserveret allerede bevilgede flerårige tilskud fra %s %d */
    L_RES_AGREEMENT,        /* Reserveret til Driftsaftale %s %d-%d */
    /* multi-year grants: the decision per application */
    L_MY_ONE_YEAR,          /* Etårig */
    L_MY_HONOURED,          /* Flerårig bevilling */
    L_MY_NO_GRANT,          /* Intet tilskud at binde */
    L_MY_TOO_YOUNG,         /* Etårig: under %d års aktivitet */
    L_MY_AGE_UNKNOWN,       /* Etårig: år aktiv er ikke oplyst */
    L_MY_NOT_EXCEPTIONAL,   /* Etårig: 3-årig bevilling kræver undtagelse */
    L_MY_CAP,               /* Etårig: ikke plads under loftet */
    L_MY_SET_ASIDE,         /* Sat til side: løbende flerårig bevilling */
    /* multi-year sheet */
    L_SHEET_MULTIYEAR,      /* Flerårige */
    L_MY_TITLE,             /* Flerårige bevillinger - %s %d */
    L_MY_ROW_MONEY,         /* Puljens midler (kr.) */
    L_MY_ROW_OLD,           /* Tidligere flerårige tilsagn (kr.) */
    L_MY_ROW_NEW,           /* Nye flerårige tilsagn (kr.) */
    L_MY_ROW_BOUND,         /* Bundet i alt (kr.) */
    L_MY_ROW_CAP_PCT,       /* Loft (%) */
    L_MY_ROW_CAP_KR,        /* Loft (kr.) */
    L_MY_ROW_BOUND_PCT,     /* Bundet andel (%) */
    L_MY_ROW_HEADROOM,      /* Luft under loftet (kr.) */
    L_MY_ROW_CHECK,         /* Loftet er overholdt (Ja/Nej) */
    L_MY_YEAR_HEADER,       /* År */
    L_MY_CONDITIONAL,       /* Bevillinger for år 2 og 3 gives under forudsætning af ... */
    L_MY_ESTIMATED,         /* Budgetterne for de senere år er ikke vedtaget: ... */
    L_MY_OVER_BEFORE,       /* Loftet var overskredet af tidligere tilsagn: ingen nye ... */
    /* overview: multi-year columns */
    L_COL_YEARS_ASKED,      /* Antal år (søgt) */
    L_COL_YEARS_GRANTED,    /* Antal år (bevilget) */
    L_COL_YEAR_AMOUNT,      /* %d (kr.) */
    L_COL_MY_NOTE,          /* Flerårig: bemærkning */
    /* terminal summary */
    L_SUM_BOUND,            /* Bundet i flerårige %d */
    L_SUM_HONOURED,         /* Flerårige bevillinger */
    /* earmarks */
    L_EM_UNUSED,            /* %s: ikke uddelt (går til restmidler) */
    L_EM_RETURNED,          /* Ikke uddelte øremærkede midler givet til nye tilskud (kr.) */
    L_EM_SHEET,             /* Tillæg %s */
    L_EM_TITLE,             /* %s - %s %d */
    L_EM_COL_TIER,          /* Trin */
    L_EM_COL_ASKED,         /* Tillæg ansøgt (kr.) */
    L_EM_COL_ASSESSED,      /* Tillæg indstillet (kr.) */
    L_EM_COL_GRANT,         /* Tillæg bevilget (kr.) */
    L_EM_COL_NOTE,          /* Bemærkning */
    L_EM_ST_GRANTED,        /* Bevilget */
    L_EM_ST_REDUCED,        /* Reduceret i trin %d, hvor midlerne slap op */
    L_EM_ST_GONE,           /* Midlerne slap op i et tidligere trin */
    L_EM_ST_NOT_ELIGIBLE,   /* Opfylder ikke de krævede kriterier */
    L_EM_ST_NO_GRANT,       /* Intet ordinært tilskud at lægge tillægget til */
    L_EM_ROW_MONEY,         /* Øremærkede midler (kr.) */
    L_EM_ROW_GRANTED,       /* Uddelt som tillæg (kr.) */
    L_EM_ROW_UNUSED,        /* Ikke uddelt (kr.) */
    L_EM_FALLBACK,          /* Puljens regel beskyttede mere, end der var tilbage i trin %d: ... */
    L_EM_TIER_DESC,         /* Trin %d: %s */
    L_EM_REQUIRED,          /* Krævede kriterier: %s */
    L_COL_SUPPLEMENT,       /* Tillæg: %s (kr.) */
    /* the comparison workbook (pulje compare) */
    L_CMP_SHEET_GRANTS,     /* Sammenligning */
    L_CMP_SHEET_SUMMARY,    /* Nøgletal pr. regel */
    L_CMP_SHEET_CHART,      /* Diagram */
    L_CMP_SHEET_ECONOMY,    /* Økonomi pr. regel */
    L_CMP_SHEET_SWEEP,      /* Følsomhed */
    L_CMP_TITLE,            /* Sammenligning af reduktionsregler - %s %d */
    L_CMP_BASELINE,         /* Grundlag for forskellene: %s */
    L_CMP_COL_GRANT_OF,     /* %s: tilskud (kr.) */
    L_CMP_COL_DIFF_OF,      /* %s: forskel (kr.) */
    L_CMP_RULE,             /* Regel */
    L_CMP_DESCRIPTION,      /* Beskrivelse */
    L_CMP_GRANTED,          /* Tilskud i alt (kr.) */
    L_CMP_RESIDUAL,         /* Restmidler (kr.) */
    L_CMP_N_REDUCED,        /* Antal reducerede */
    L_CMP_N_REFUSED,        /* Antal afslag pga. reglen */
    L_CMP_MAX_CUT,          /* Største reduktion (%) */
    L_CMP_MEDIAN_CUT,       /* Median reduktion (%) */
    L_CMP_GINI,             /* Ulighed i reduktionerne (Gini: 0 = lige store, 1 = én bærer alt) */
    L_CMP_ORDER_VIOLATIONS, /* Rækkefølgebrud: større indstilling, mindre tilskud */
    L_CMP_PROP_SUM,         /* Tilskud + restmidler = midlerne */
    L_CMP_PROP_BOUNDS,      /* 0 ≤ tilskud ≤ indstillet */
    L_CMP_PROP_ORDER_AWARDS,/* Større indstilling giver aldrig mindre tilskud */
    L_CMP_PROP_ORDER_LOSSES,/* Større indstilling mister aldrig mindre */
    L_CMP_PROP_MONOTONE,    /* Flere midler giver ingen mindre */
    L_EX_EARMARK_ASKED,     /* Tillæg fra %s: søgt %s kr., indstillet %s kr. */
    L_EX_EARMARK_TIER,      /* Trin %d: opfylder %s */
    L_EX_EARMARK_GRANT,     /* Tillæg bevilget: %s kr. */
    L_EX_TOTAL_WITH,        /* I alt med tillæg: %s kr. */
    L_SUM_BOUND_VALUE,      /* %s kr. = %s (loft %s) */
    L_SUM_SUPPLEMENTS,      /* Tillæg uddelt (%s) */
    L_CMP_SWEEP_CAP,        /* Loft for flerårige (%) */
    L_CMP_SWEEP_BOUND_MY,   /* Bundet i flerårige, første år (kr.) */
    L_YES,                  /* Ja */
    L_NO,                   /* Nej */
    L_CMP_CHART_TITLE,      /* Tilskud efter indstillet beløb, pr. regel */
    L_CMP_CHART_X,          /* Indstillet (kr.) */
    L_CMP_CHART_Y,          /* Tilskud (kr.) */
    L_CMP_SWEEP_TITLE,      /* Følsomhed: %s, %s varieret */
    L_CMP_SWEEP_THRESHOLD,  /* Tærskel (kr.) */
    L_CMP_SWEEP_MAX,        /* Højeste tilskud (kr.) */
    L_CMP_SWEEP_FACTOR,     /* Reduktionsfaktor */
    L_CMP_SWEEP_BOUND,      /* Udbetales fuldt, før der reduceres (kr.) */
    L_CMP_SWEEP_CHART,      /* Reduktionsfaktor og antal reducerede */
    L_CMP_FACTOR,           /* Tildelt / indstillet */
    L_CMP_PROP_TITLE,       /* Sammenligning af regler: %s %d */
    L_CMP_BASELINE_MARK,    /* (grundlag) */
    L_CMP_TERM_REDUCED,     /* red.   (terminal table headings, short) */
    L_CMP_TERM_REFUSED,     /* afsl. */
    L_CMP_TERM_MAX,         /* maks. */
    L_CMP_TERM_MEDIAN,      /* median */
    L_CMP_TERM_GINI,        /* Gini */
    L_CMP_TERM_VIOLATIONS,  /* brud */
    /* the summary sheet (report_summary.c) */
    L_SHEET_SUMMARY,        /* Resumé */
    L_RS_TITLE,             /* Resumé - %s %d */
    L_RS_COMMITTEE,         /* Udvalg */
    L_RS_BUDGET,            /* Samlet rådighedsbeløb (kr.) */
    L_RS_RESERVED,          /* Reserveret (kr.) */
    L_RS_EARMARKED,         /* Øremærkede midler (kr.) */
    L_RS_SUPPLEMENTS,       /* Heraf bevilget som tillæg (kr.) */
    L_RS_GRANTED,           /* Indstillet tilskud i alt (kr.) */
    L_RS_GRANTED_WITH,      /* Indstillet tilskud og tillæg i alt (kr.) */
    L_RS_RESIDUAL,          /* Restmidler (kr.) */
    L_RS_N_GRANTED,         /* Antal tilskud */
    L_RS_CUT_FACTOR,        /* Reducerede beløb nedsættes med (%) */
    L_RS_CUT_TOTAL,         /* Samlet reduktion: reduktion i alt / indstillet i alt (%) */
    L_RS_MY_HEADING,        /* Flerårige tilsagn */
    L_RS_MY_BOUND,          /* Bundet: tidligere + nye tilsagn (kr.) */
    L_RS_BANDS_HEADING,     /* Ansøgninger efter indstillet beløb */
    L_RS_COL_COUNT,         /* Antal */
    L_RS_BAND_UPTO,         /* Op til %s kr. */
    L_RS_BAND_RANGE,        /* %s–%s kr. */
    L_RS_BAND_OVER,         /* Over %s kr. */
    L_RS_BAND_REFUSED,      /* Afslag (indstillet 0 kr.) */
    L_RS_CHECK,             /* Kontrol: I alt minus nøgletallene ovenfor (skal være 0) */
    L_RS_CHART_TITLE,       /* Ansøgt og indstillet tilskud efter indstillet beløb */
    L_RS_CHART_X,           /* Indstillet beløb */
    L_RS_CHART_Y,           /* Kr. */
    /* warnings (main.c, inputs.c, report_summary.c) */
    L_WARN_PREFIX,          /* advarsel */
    L_RS_WARNINGS,          /* Advarsler */
    L_RS_WARNINGS_MORE,     /* ... og %s advarsler mere; pulje check viser dem alle */
    L_WARN_NO_LEDGER,       /* Ingen tidligere forpligtelser er reserveret for %d – er det rigtigt? */
    /* the case on the Resumé, its notes, Flerårige's lists, Bilag 1 (report*.c) */
    L_RS_CASE_NUMBER, /* Sagsnummer */
    L_RS_MEETING, /* Møde- og beslutningsdato */
    L_RS_GUIDELINES, /* Retningslinjer */
    L_RS_RECOMMEND_HEAD, /* Indstilling */
    L_RS_RECOMMENDATION, /* Forvaltningen indstiller, at %s godkender fordelingen af %s %d: %s tilskud på i alt %s kr. */
    L_RS_RECOMMEND_SUPP, /* Desuden tillæg på i alt %s kr. fra %s. */
    L_RS_DECISION_HEAD, /* Beslutning */
    L_RS_DECISION, /* Udvalgets beslutning: */
    L_RS_DECISION_DATE, /* Dato: */
    L_RS_DECISION_SIGN, /* Underskrift: */
    L_RS_NOTES, /* Bemærkninger */
    L_RS_NOTE_RULE, /* Reglen: %s (the description ends with its own full stop) */
    L_RS_NOTE_ORDER, /* Reglens følge: %s ansøgninger får et mindre tilskud end en ansøgning, der er indstillet ti */
    L_RS_NOTE_ORDER_ITEM, /* nr. %s %s: indstillet %s kr., tilskud %s kr. (nr. %s %s: indstillet %s kr., tilskud %s kr. */
    L_RS_NOTE_ORDER_MORE, /* ... og %s ansøgninger mere (se Bilag 1). */
    L_RS_NOTE_ORDER_NONE, /* Reglens følge: ingen ansøgning får et mindre tilskud end en ansøgning, der er indstillet t */
    L_RS_NOTE_ROUNDING, /* Afrunding: reducerede tilskud er rundet ned til hele %s kr.; %s kr. er ikke uddelt og står */
    L_RS_NOTE_RESIDUAL, /* Restmidler: %s kr. er ikke uddelt og står i linjen »%s« på arket Økonomi. */
    L_RS_NOTE_WARNING, /* Advarsel fra kørslen: %s */
    L_RS_NOTE_MY, /* Flerårige bevillinger: %s af %s ansøgninger om flerårig bevilling er imødekommet; arket Fl */
    L_RS_GRANT_SHARE, /* Tildelt / indstillet (%) */
    L_COL_TOTAL_WITH, /* I alt inkl. tillæg */
    L_MY_LIST_HEAD, /* Ansøgninger om flerårig bevilling */
    L_MY_COL_OUTCOME, /* Afgørelse og begrundelse */
    L_MY_RES_HEAD, /* Reservationer i årene (forpligtelser og nye flerårige bevillinger) */
    L_MY_COL_ID, /* Løbenr. */
    L_MY_COL_DECIDED, /* Besluttet år */
    L_MY_COL_KIND, /* Art */
    L_MY_KIND_MULTI, /* Flerårig bevilling */
    L_MY_KIND_AGREEMENT, /* Driftsaftale */
    L_MY_KIND_NEW, /* Ny flerårig bevilling (denne indstilling) */
    L_MY_NONE, /* Ingen ansøgninger om flerårig bevilling. */
    L_CMP_PROP_LEGEND, /* Ja/Nej: ... (what each property means, one line) */
    /* the decisions CSV's reasons and columns (report.c, opendata.c) */
    L_CSV_PER_YEAR,         /* Tilskud pr. år */
    L_CSV_REASON,           /* Begrundelse */
    L_CSV_TOTAL,            /* I alt (alle år, med tillæg) */
    L_WHY_FULL,             /* bevilget som indstillet */
    L_WHY_REDUCED,          /* reduceret efter puljens regel */
    L_WHY_CAPPED,           /* sat ned til højeste tilskud (%s kr.) */
    /* conflicts of interest (members.c, report_members.c) */
    L_MB_SHEET,             /* Inhabilitet */
    L_MB_ROLE_COMMITTEE,    /* udvalg */
    L_MB_ROLE_PANEL,        /* indstillingsudvalg */
    L_MB_COL_MEMBER,        /* Medlem */
    L_MB_COL_ROLE,          /* Rolle */
    L_MB_COL_TIE,           /* Tilknytning */
    L_OD_TX_YEAR,           /* Tilskud %d */
    L_OD_TX_YEAR_SUPP,      /* Tilskud %d med tillæg %s kr. */
    L_KF_BUDGET,             /* Samlet rådighedsbeløb */
    L_KF_RESERVED,           /* Reserveret til tilsagn og aftaler */
    L_KF_EARMARKED,          /* Øremærkede midler */
    L_KF_RETURNED,           /* Ubrugte øremærkede midler til nye tilskud */
    L_KF_AVAILABLE,          /* Til rådighed for nye tilskud */
    L_KF_GRANTED,            /* Indstillede tilskud i alt */
    L_KF_SUPPLEMENTS,        /* Tillæg af øremærkede midler */
    L_KF_GRANTED_WITH,       /* Tilskud og tillæg i alt */
    L_KF_EM_UNUSED,          /* Øremærkede midler ikke uddelt */
    L_KF_RESIDUAL,           /* Restmidler */
    L_KF_N_APPS,             /* Antal ansøgninger */
    L_KF_APPLIED,            /* Ansøgt i alt */
    L_KF_ASSESSED,           /* Indstillet i alt før reduktion */
    L_KF_N_GRANTED,          /* Antal tilskud */
    L_KF_N_REDUCED,          /* Heraf reduceret */
    L_KF_N_REFUSED,          /* Antal afslag */
    L_KF_FACTOR,             /* Reduktionsfaktor */
    L_KF_GRANT_SHARE,        /* Tildelt / indstillet */
    L_KF_MY_REQUESTED,       /* Ansøgt om flerårig bevilling */
    L_KF_MY_HONOURED,        /* Heraf imødekommet */
    L_KF_MY_BOUND,           /* Bundet i flerårige tilsagn */
    L_KF_MY_BOUND_YEAR,      /* Bundet i flerårige tilsagn %d */
    L_KF_MY_BOUND_SHARE,     /* %s (loft %s) */
    L_KF_GROUP_MONEY,        /* Midler */
    L_KF_GROUP_APPS,         /* Ansøgninger */
    L_KF_GROUP_MY,           /* Flerårige bevillinger */
    L_KF_IN_KR,              /* %s (kr.) */
    /* pulje diff and the changes sheet (diff_text.c, report_changes.c) */
    L_DF_SHEET,             /* Ændringer siden kørsel %d */
    L_DF_TITLE,             /* Ændringer fra %s til %s */
    L_DF_RUN,               /* kørsel %d (%s) */
    L_DF_POOL,              /* Ændret for hele puljen: */
    L_DF_NONE,              /* Ingen ansøgninger er ændret. */
    L_DF_COL_BEFORE,        /* Tilskud før */
    L_DF_COL_AFTER,         /* Tilskud nu */
    L_DF_COL_DELTA,         /* Ændring */
    L_DF_COL_SUPP_BEFORE,   /* Tillæg før */
    L_DF_COL_SUPP_AFTER,    /* Tillæg nu */
    L_DF_COL_YEARS,         /* År før → nu */
    L_DF_COL_STATUS,        /* Status før → nu */
    L_DF_COL_CAUSE,         /* Årsag */
    L_DF_CAUSE_ASSESSED,    /* indstillet beløb %s → %s kr. */
    L_DF_CAUSE_APPLIED,     /* ansøgt beløb %s → %s kr. */
    L_DF_CAUSE_REFUSAL,     /* afslag i ansøgningen: "%s" → "%s" */
    L_DF_CAUSE_YEARS,       /* søgte år %d → %d */
    L_DF_CAUSE_RULE,        /* reglen %s → %s */
    L_DF_CAUSE_BUDGET,      /* budgettet %s → %s kr. */
    L_DF_CAUSE_LEDGER,      /* reserveret (forpligtelser) %s → %s kr. */
    L_DF_CAUSE_LEDGER_FILE,  /* forpligtelsesfilen er ændret */
    L_DF_CAUSE_EARMARK,     /* øremærket %s → %s kr. */
    L_DF_CAUSE_PARAM,       /* %s %s → %s */
    L_DF_CAUSE_POOL,        /* puljefilen er ændret (andre nøgler) */
    L_DF_CAUSE_OTHERS,      /* andres ændringer (den fælles faktor flyttede sig) */
    L_DF_CAUSE_NEW,         /* ny ansøgning */
    L_DF_CAUSE_REMOVED,     /* ansøgningen er fjernet */
    L_DF_CAUSE_UNKNOWN,     /* intet ændret input fundet */
    L_DF_TOTAL_GRANTED,     /* Tilskud i alt: %s → %s kr. (%s) */
    L_DF_TOTAL_SUPP,        /* Tillæg i alt: %s → %s kr. (%s) */
    L_DF_TOTAL_ASSESSED,    /* Indstillet i alt: %s → %s kr. (%s) */
    L_DF_COUNTS,            /* Ansøgninger: %s → %s; %s ændret, %s nye, %s fjernet, %s uændret */
    L_DF_SHORT_RULE,        /* reglen */
    L_DF_SHORT_BUDGET,      /* budgettet */
    L_DF_SHORT_LEDGER,      /* forpligtelserne */
    L_DF_SHORT_EARMARK,     /* øremærkningen */
    L_DF_SHORT_PARAM,       /* puljens %s */
    L_DF_THIS_RUN,          /* denne kørsel */
    L_LT_TEMPLATE,          /* the built-in letter template (letters.h) */
    L_LT_KR,                /* %s kr. */
    L_LT_DECISION_GRANTED,  /* Bevilget */
    L_LT_DECISION_PARTIAL,  /* Delvis bevilget */
    L_LT_DECISION_REFUSED,  /* Afslag */
    L_LT_META_DATE,         /* Dato */
    L_LT_META_CASE,         /* Sagsnr. */
    L_LT_META_NR,           /* Ansøgning nr. */
    L_LT_CVR,               /* CVR-nr. %s */
    L_LT_FIG_HEADING,       /* Tilskuddet i tal */
    L_LT_FIG_APPLIED,       /* Ansøgt */
    L_LT_FIG_ASSESSED,      /* Indstillet af indstillingsudvalget */
    L_LT_FIG_GRANT,         /* Tilskud pr. år */
    L_LT_FIG_YEARS,         /* Antal år */
    L_LT_FIG_SUPP,          /* Tillæg fra %s */
    L_LT_FIG_TOTAL,         /* I alt, alle år med tillæg */
    L_LT_CALC_HEADING,      /* Sådan er tilskuddet beregnet */
    L_LT_WHY_PANEL,         /* Indstillingsudvalget har vurderet ansøgningen og indstillet  */
    L_LT_WHY_ZERO,          /* Indstillingsudvalget har vurderet ansøgningen og indstillet  */
    L_LT_WHY_HOLDER,        /* I har allerede en løbende flerårig bevilling fra puljen, og  */
    L_LT_WHY_MIN,           /* Puljens midler rækker ikke til alle de indstillede beløb. Ef */
    L_LT_WHY_ROUNDED,       /* Puljens midler rækker ikke til alle de indstillede beløb. Ef */
    L_LT_WHY_FULL,          /* I får hele det beløb, I har søgt om. */
    L_LT_WHY_ASSESSED,      /* Indstillingsudvalget har vurderet ansøgningen og indstillet  */
    L_LT_WHY_NOTE,          /* Indstillingsudvalgets bemærkning: %s. */
    L_LT_WHY_NOT_REDUCED,   /* Det indstillede beløb er bevilget fuldt ud. */
    L_LT_WHY_RULE,          /* Puljens midler rækker ikke til alle de indstillede beløb, og */
    L_LT_WHY_FACTOR,        /* Det indstillede beløb på %s er ganget med faktoren %s, og de */
    L_LT_WHY_EXCESS,        /* Den del af beløbet, der er over %s kr., er ganget med faktor */
    L_LT_WHY_SHARE,         /* Jeres andel efter reglen er %s. */
    L_LT_WHY_CAPPED,        /* Tilskuddet er sat ned til puljens højeste tilskud på %s. */
    L_LT_WHY_FLOOR,         /* Beløbet er rundet ned til hele %s kr.: %s. */
    L_LT_WHY_UNIT,          /* Beløbet er rundet ned til hele %s kr. og derefter hævet med  */
    L_LT_WHY_RAISE,         /* Beløbet er hævet til %s, så det ikke er mindre end et mindre */
    L_LT_WHY_MY,            /* I har søgt om tilskud i %d år, men tilskuddet gives for ét å */
    L_LT_MY_TOO_YOUNG,      /* et flerårigt tilskud kræver mindst %d års aktivitet */
    L_LT_MY_AGE_UNKNOWN,    /* ansøgningen ikke oplyser, hvor mange år foreningen har været */
    L_LT_MY_NOT_EXCEPTIONAL,  /* et treårigt tilskud kun gives som undtagelse */
    L_LT_MY_CAP,            /* der ikke er plads under loftet for flerårige tilskud */
    L_LT_MULTIYEAR,         /* Tilskuddet gives for %d år, %d-%d, med %s om året. Tilskudde */
    L_LT_SUPP,              /* Derudover får I et tillæg på %s fra %s. */
    L_LT_DUTY_SHORT,        /* en kort rapport om aktiviteten */
    L_LT_DUTY_ACCOUNTS,     /* en rapport og et regnskab */
    L_LT_DUTY_AUDITED,      /* en rapport og et revideret regnskab */
    L_LT_REPORTING_DEADLINE,  /* I skal aflevere %s senest den %s. */
    L_LT_REPORTING,         /* I skal aflevere %s, når aktiviteten er afsluttet. */
    L_LT_MONTHS,            /* januar februar marts april maj juni juli august september ok */
    L_LT_DATE,              /* %d. %s %d */
    L_LT_FOOTER,            /* %s %d · ansøgning nr. %s · side %d */
    L_LT_CONTINUED,         /* %s, ansøgning nr. %s (fortsat) */
    L_FU_REFUSAL,           /* Manglende afrapportering af tilskud fra %d */
    L_FU_REPAID_LINE,       /* Tilbagebetalte midler fra %s %d */
    L_LT_MERGE_SHEET,       /* Brevfletning */
    L__COUNT
} label_id;

/* The languages labels come in: Danish (the default) and English. */
typedef enum { LABEL_DA = 0, LABEL_EN } label_lang;

/**
 * @brief Choose the language of every label from now on: "da" (the
 * default) or "en". English texts live in labels_en.c; an id without one is
 * shown in Danish. Not thread-safe (one setting for the process).
 * @return 0, or -1 for an unknown code (the language is unchanged).
 */
int labels_set_language(const char *code);

/** @brief The language labels are shown in. */
label_lang labels_language(void);

/** @brief The English text of a label, or NULL if it has none yet (labels_en.c). */
const char *label_text_en(label_id id);

/** @brief The text for a label (never NULL). Some are printf formats, as noted above. */
const char *label(label_id id);

/**
 * @brief The blanks a label has, in order: 's' for a string, 'd' for an
 * int; "" for plain text. Never NULL.
 */
const char *label_args(label_id id);

/**
 * @brief The label with its blanks filled, snprintf-style.
 *
 * Only %s (const char *, NULL shown as ""), %d (int) and %% are blanks;
 * any other '%' is text, so a label can never act as a printf format. The
 * arguments must match label_args(id). Truncates to size (always
 * NUL-terminated when size > 0).
 * @return The untruncated length, or -1 for an unknown id.
 */
int label_format(char *buf, size_t size, label_id id, ...);

/** @brief label_format() with a va_list. */
int label_vformat(char *buf, size_t size, label_id id, va_list ap);

#endif
