/* labels.c - The Danish texts of every label, in one table; the language switch. */
#include "labels.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct label_entry {
    const char *text;
    const char *args; /* printf conversions the text takes: "", "s", "sd", ... */
} label_entry;

/* Wording follows the committee's minutes of 13 December 2022 (item 3)
 * wherever the minutes have one. */
static const label_entry labels[L__COUNT] = {
    [L_SHEET_ECONOMY]      = {"Økonomi", ""},
    [L_SHEET_OVERVIEW]     = {"Samlet oversigt", ""},

    [L_ECON_TITLE]         = {"%s Budget", "s"},
    [L_ECON_AMOUNT_HEADER] = {"(Kr.)", ""},
    [L_ECON_BUDGET_TOTAL]  = {"Samlet rådighedsbeløb til %s %d", "sd"},
    [L_ECON_GRANTED]       = {"Indstillede tilskud fra %s %d i alt", "sd"},
    [L_ECON_RECOMMENDED]   = {"%s %d indstillet", "sd"},
    [L_ECON_CHECK]         = {"Kontrol: difference (skal være 0)", ""},
    [L_ECON_NOTE_FACTOR]   = {"Reduktionsfaktor", ""},
    [L_ECON_NOTE_RULE]     = {"Regel", ""},

    [L_COL_NR]             = {"Nr", ""},
    [L_COL_ASSOCIATION]    = {"Forening", ""},
    [L_COL_ACTIVITY]       = {"Indsats", ""},
    [L_COL_APPLIED]        = {"Ansøgt (kr.)", ""},
    [L_COL_ASSESSED]       = {"Indstillet (kr.)", ""},
    [L_COL_REDUCTION_KR]   = {"Reduktion (kr.)", ""},
    [L_COL_REDUCTION_PCT]  = {"Reduktion (%)", ""},
    [L_COL_GRANT]          = {"Indstillet tilskud (kr.)", ""},
    [L_COL_REFUSAL]        = {"Afslag/begrundelse", ""},
    [L_TOTAL]              = {"I alt", ""},
    [L_OVERVIEW_TITLE]     = {"Bilag 1 - Samlet oversigt over %s %d", "sd"},

    [L_RULE_THRESHOLD]     = {"Forholdsmæssig reduktion af alle indstillede beløb "
                              "på mere end %s kr.", "s"},
    [L_RULE_PROPORTIONAL]  = {"Forholdsmæssig reduktion af alle indstillede beløb", ""},
    [L_RULE_EXCESS]        = {"Alle beholder de første %s kr.; kun beløb derover reduceres "
                              "forholdsmæssigt", "s"},
    [L_RULE_CEA]           = {"Fælles loft: alle får det indstillede beløb, dog højst et "
                              "fælles loft (constrained equal awards)", ""},
    [L_RULE_CEL]           = {"Fælles nedskæring: alle reduceres med det samme beløb i kr., "
                              "dog ikke under 0 (constrained equal losses)", ""},
    [L_RULE_TALMUD]        = {"Talmud-reglen (Aumann & Maschler 1985): fælles loft på "
                              "halvdelen af de indstillede beløb, derover fælles tab", ""},
    [L_RULE_OPT_MIN]       = {"; mindste tilskud %s kr. (mindre bliver afslag)", "s"},
    [L_RULE_OPT_MAX]       = {"; højeste tilskud %s kr.", "s"},
    [L_RULE_SHORT_THRESHOLD] = {"2023-reglen (%s)", "s"},
    [L_RULE_SHORT_PROPORTIONAL] = {"Forholdsmæssig", ""},
    [L_RULE_SHORT_EXCESS]  = {"Kun over %s", "s"},
    [L_RULE_SHORT_CEA]     = {"Fælles loft", ""},
    [L_RULE_SHORT_CEL]     = {"Fælles nedskæring", ""},
    [L_RULE_SHORT_TALMUD]  = {"Talmud", ""},
    [L_RULE_SHORT_MIN]     = {", min. %s", "s"},
    [L_RULE_SHORT_MAX]     = {", maks. %s", "s"},

    [L_SUM_BUDGET]         = {"Samlet rådighedsbeløb", ""},
    [L_SUM_RESERVED]       = {"Reserveret", ""},
    [L_SUM_EARMARKED]      = {"Øremærkede midler", ""},
    [L_SUM_AVAILABLE]      = {"Til rådighed for nye tilskud", ""},
    [L_SUM_ASSESSED]       = {"Indstillet i alt (vurderet)", ""},
    [L_SUM_FACTOR]         = {"Reduktionsfaktor", ""},
    [L_SUM_REDUCED]        = {"Reducerede ansøgninger", ""},
    [L_SUM_REFUSED]        = {"Afslag", ""},
    [L_SUM_GRANTED]        = {"Indstillede tilskud i alt", ""},
    [L_SUM_RESIDUAL]       = {"Restmidler", ""},
    [L_SUM_APPLICATIONS]   = {"Ansøgninger", ""},
    [L_SUM_APPLIED]        = {"Ansøgt i alt", ""},
    [L_SUM_WROTE]          = {"Skrev", ""},
    [L_KR]                 = {"kr.", ""},

    [L_PROP_TITLE]         = {"Indstilling: %s %d", "sd"},
    [L_PROP_SUBJECT]       = {"Indstilling til %s", "s"},
    [L_PROP_AUTHOR]        = {"pulje", ""},
    [L_PROP_COMMENTS]      = {"Fordeling af %s %d. Regel: %s", "sds"},

    [L_ECON_HEADING]       = {"Økonomi - %s %d", "sd"},
    [L_ECON_KEY_FIGURES]   = {"Nøgletal", ""},
    [L_ECON_NOTE_ROUNDING] = {"Afrundingsenhed (kr.)", ""},
    [L_ECON_NOTE_AVAILABLE] = {"Til rådighed for nye tilskud (kr.)", ""},
    [L_ECON_NOTE_APPLIED]  = {"Ansøgt i alt (kr.)", ""},
    [L_ECON_NOTE_ASSESSED] = {"Indstillet i alt før reduktion (kr.)", ""},
    [L_ECON_NOTE_APPLICATIONS] = {"Antal ansøgninger", ""},
    [L_ECON_NOTE_REDUCED]  = {"Antal reducerede ansøgninger", ""},
    [L_ECON_NOTE_REFUSED]  = {"Antal afslag", ""},
    [L_ECON_NOTE_DATE]     = {"Beslutningsdato", ""},

    [L_PRINT_FOOTER]       = {"&L&A&RSide &P af &N", ""},

    [L_EX_HEADING]         = {"Ansøgning nr. %s: %s", "ss"},
    [L_EX_ACTIVITY]        = {"Indsats: %s", "s"},
    [L_EX_POOL]            = {"Pulje: %s %d", "sd"},
    [L_EX_APPLIED]         = {"Ansøgt: %s kr.", "s"},
    [L_EX_ASSESSED]        = {"Indstillet af indstillingsudvalget: %s kr.", "s"},
    [L_EX_ASSESSED_DEFAULT] = {"Indstillet: ikke udfyldt, altså som ansøgt: %s kr.", "s"},
    [L_EX_REFUSED]         = {"Afslag: %s", "s"},
    [L_EX_ZERO]            = {"Indstillet 0 kr.: intet at fordele", ""},
    [L_EX_RULE]            = {"Regel: %s", "s"},
    [L_EX_NOT_RATIONED]    = {"De indstillede beløb (%s kr. i alt) kan dækkes af de %s kr. "
                              "til rådighed: ingen reduktion", "ss"},
    [L_EX_PROTECTED]       = {"%s kr. er højst %s kr. og reduceres ikke", "ss"},
    [L_EX_ABOVE]           = {"%s kr. er mere end %s kr. og reduceres med faktoren", "ss"},
    [L_EX_ALL_REDUCED]     = {"Alle indstillede beløb reduceres med samme faktor", ""},
    [L_EX_FACTOR_THRESHOLD] = {"Faktor = (til rådighed %s kr. - ikke reducerede beløb %s kr.) "
                               "/ reducerede beløb før reduktion %s kr. ≈ %s", "ssss"},
    [L_EX_FACTOR_PROPORTIONAL] = {"Faktor = til rådighed %s kr. / indstillet i alt %s kr. ≈ %s",
                                  "sss"},
    [L_EX_SHARE]           = {"Beregnet andel: %s kr. x %s = %s kr.", "sss"},
    [L_EX_AS_ASSESSED]     = {"Udbetales som indstillet, uden afrunding: %s kr.", "s"},
    [L_EX_ROUND_DOWN]      = {"Afrundet ned til hele %s kr. (R1): %s kr.", "ss"},
    [L_EX_ROUND_EXTRA]     = {"Plus %s kr. af det, afrundingen frigjorde (R3, største rest "
                              "først): %s kr.", "ss"},
    [L_EX_ROUND_NO_EXTRA]  = {"Ingen enhed mere her af det, afrundingen frigjorde (R3): %s kr.",
                              "s"},
    [L_EX_YEARS_ONE]       = {"Antal år: søgt 1, bevilget %d", "d"},
    [L_EX_YEARS]           = {"Flerårig: søgt %d år, bevilget %d år: %s", "dds"},
    [L_EX_YEAR_AMOUNT]     = {"%d: %s kr.", "ds"},
    [L_EX_ACTIVE_YEARS]    = {"År aktiv: %d (kravet er mindst %d)", "dd"},
    [L_EX_EARMARK]         = {"Øremærkede midler (%s): fordeles særskilt, ikke i denne "
                              "beregning", "s"},
    [L_EX_GRANT]           = {"Indstillet tilskud: %s kr.", "s"},
    [L_EX_REDUCTION]       = {"Reduktion: %s kr. (%s)", "ss"},
    [L_EX_NOT_FOUND]       = {"Ingen ansøgning har nr. %s i %s", "ss"},
    [L_EX_NEARBY]          = {"Numre i nærheden: %s", "s"},
    [L_EX_CEA_HOW]         = {"Andel = min(indstillet, L), hvor det fælles loft L er valgt, så "
                              "andelene tilsammen er %s kr.", "s"},
    [L_EX_CEL_HOW]         = {"Andel = max(0, indstillet - L), hvor den fælles nedskæring L er "
                              "valgt, så andelene tilsammen er %s kr.", "s"},
    [L_EX_TALMUD_LOW]      = {"Midlerne (%s kr.) er højst halvdelen af de indstillede beløb "
                              "(%s kr.): fælles loft L på de halve beløb, andel = "
                              "min(indstillet / 2, L)", "ss"},
    [L_EX_TALMUD_HIGH]     = {"Midlerne (%s kr.) er mere end halvdelen af de indstillede beløb "
                              "(%s kr.): alle mister det halve beløb, dog højst L, andel = "
                              "indstillet - min(indstillet / 2, L)", "ss"},
    [L_EX_LEVEL_CEA]       = {"Fælles loft: L = %s kr.", "s"},
    [L_EX_LEVEL_CEL]       = {"Fælles nedskæring: L = %s kr.", "s"},
    [L_EX_LEVEL_TALMUD_LOW] = {"Loft på de halve beløb: L = %s kr.", "s"},
    [L_EX_LEVEL_TALMUD_HIGH] = {"Højeste tab: L = %s kr.", "s"},
    [L_EX_SHARE_CEA]       = {"Beregnet andel: min(%s kr., %s kr.) = %s kr.", "sss"},
    [L_EX_SHARE_CEL]       = {"Beregnet andel: max(0, %s kr. - %s kr.) = %s kr.", "sss"},
    [L_EX_SHARE_TALMUD_LOW] = {"Beregnet andel: min(%s kr. / 2, %s kr.) = %s kr.", "sss"},
    [L_EX_SHARE_TALMUD_HIGH] = {"Beregnet andel: %s kr. - min(%s kr. / 2, %s kr.) = %s kr.",
                                "ssss"},
    [L_EX_EXCESS_PARTS]    = {"Beskyttet del: min(%s kr., %s kr.) = %s kr.; det overskydende, "
                              "%s kr., reduceres med faktoren", "ssss"},
    [L_EX_FACTOR_EXCESS]   = {"Faktor = (til rådighed %s kr. - beskyttede dele %s kr.) / "
                              "overskydende dele i alt %s kr. ≈ %s", "ssss"},
    [L_EX_SHARE_EXCESS]    = {"Beregnet andel: %s kr. + %s x %s kr. = %s kr.", "ssss"},
    [L_EX_SHARE_FULL]      = {"Beregnet andel: hele det indstillede beløb = %s kr.", "s"},
    [L_EX_OPT_CAPPED]      = {"Sat til højeste tilskud, %s kr.: %d ansøgning(er)", "sd"},
    [L_EX_OPT_DROPPED]     = {"Afslag under mindste tilskud, %s kr.: %d ansøgning(er)", "sd"},
    [L_EX_OPT_REST]        = {"Til deling efter reglen mellem de øvrige %d: %s kr. - %s kr. i "
                              "højeste tilskud = %s kr.", "dsss"},
    [L_EX_OPT_REST_FIT]    = {"De øvrige indstillede beløb (%s kr. i alt) kan dækkes af de %s kr., "
                              "der er tilbage: ingen reduktion", "ss"},
    [L_EX_CAPPED]          = {"Andelen efter reglen er over højeste tilskud og sættes til %s kr.",
                              "s"},
    [L_EX_SHARE_CAPPED]    = {"Beregnet andel: højeste tilskud = %s kr.", "s"},
    [L_EX_BELOW_MIN]       = {"Andelen efter reglen kommer under mindste tilskud, %s kr.", "s"},
    [L_EX_SHARE_DROPPED]   = {"Beregnet andel: afslag = 0 kr.", ""},
    [L_EX_ROUND_EXACT]     = {"Andelen går op i hele %s kr. og udbetales uden afrunding: %s kr.",
                              "ss"},
    [L_EX_ROUND_CAP]       = {"En enhed mere ville give mere end %s kr. (R3): %s kr.", "ss"},
    [L_EX_ROUND_RAISE]     = {"Hævet (R4) til det, en ansøgning med mindre indstilling fik fuldt "
                              "ud: %s kr.", "s"},
    [L_EX_ROUND_RAISE_NR]  = {"Hævet (R4) til det, ansøgning nr. %s med mindre indstilling fik "
                              "fuldt ud: %s kr.", "ss"},
    [L_EX_WHY_MIN]         = {"under minimumsbeløbet (%s kr.)", "s"},
    [L_EX_WHY_ROUNDED]     = {"afrundet til 0 kr.", ""},
    [L_EX_WHY_RULE]        = {"reglen giver en andel på 0 kr.", ""},
    [L_EX_WHY_HOLDER]      = {"har en løbende flerårig bevilling", ""},
    [L_EX_WHY_ZERO]        = {"indstillet 0 kr.", ""},
    [L_EX_NO_FORMULA]      = {"Beregnet andel = %s kr.", "s"},
    [L_EX_ROUND_WHOLE]     = {"Andelen er hele kroner og udbetales uden afrunding: %s kr.", "s"},

    [L_OD_DESCRIPTION]     = {"Tilskud fra %s %d", "sd"},
    [L_OD_DESCRIPTION_MY]  = {"Flerårigt tilskud fra %s %d: %s kr. om året i %d år", "sdsd"},

    [L_INIT_POOL_FILE]     = {
        "; pulje.ini - puljefilen: pengene, reservationerne og reglerne for én ansøgningsrunde.\n"
        "; Ret linjerne mærket RET. Beløb skrives i hele kroner: 1.000.000 eller 1000000.\n"
        "; Et \";\" efter et mellemrum indleder en kommentar. Se README.md og \"man pulje\".\n"
        "\n"
        "[pool]\n"
        "name          = § 18-Hovedpuljen         ; RET: puljens navn, som det står i overskrifterne\n"
        "short_name    = Hovedpuljen              ; kort navn i beregnede tekster\n"
        "committee     = Udvalget                 ; RET: udvalget, der træffer beslutningen\n"
        "year          = %d                     ; tilskudsåret\n"
        "decision_date = %d-12-15               ; RET: udvalgets mødedato, ÅÅÅÅ-MM-DD\n"
        "applications  = ansoegninger.csv         ; ansøgningerne, i mappen ved siden af denne fil\n"
        "ledger        = forpligtelser.csv        ; flerårige tilsagn og driftsaftaler fra tidligere år\n"
        "; Open data (360Giving): kommunens organisations-id og navn, fx\n"
        "; org_id      = DK-CVR-12345678\n"
        "; org_name    = Eksempel Kommune\n"
        "\n"
        "[budget]\n"
        "; <tekst> = <beløb>: pengene i puljen, i økonomitabellens rækkefølge. RET.\n"
        "Frie midler afsat til § 18-Hovedpuljen, Budget %d = 1.000.000\n"
        "\n"
        "[reservations]\n"
        "; Penge, der allerede er bundet ud over forpligtelser.csv, fx\n"
        "; Reserveret til Driftsaftale Frivilligcenter %d = 100.000\n"
        "\n"
        "[earmarks]\n"
        "; Øremærkede midler, der fordeles særskilt, fx\n"
        "; Midler til mental trivsel 12-25 år = 500.000\n"
        "\n"
        "[rules]\n"
        "rule           = threshold   ; threshold: kun beløb over grænsen reduceres; proportional: alle\n"
        "threshold      = 50.000      ; beløb på højst dette reduceres ikke\n"
        "rounding       = 100         ; reducerede tilskud rundes ned til 1, 10, 100, 1.000 eller 10.000 kr.\n"
        "residual_label = Restmidler overføres til Udviklingspuljen %d\n"
        "\n"
        "[multiyear]\n"
        "cap              = 55 %      ; højst denne andel af puljens midler må bindes i flerårige tilskud\n"
        "min_active_years = 5         ; år med aktivitet, der kræves for et flerårigt tilskud\n",
        "ddddd"},
    [L_INIT_SHEET]         = {"Ansøgninger", ""},
    [L_INIT_YES]           = {"ja", ""},
    [L_INIT_NO]            = {"nej", ""},
    [L_INIT_NEXT]          = {"Næste skridt: udfyld %s, ret %s, og kør: pulje check %s", "sss"},

    [L_CSV_CVR]            = {"CVR", ""},
    [L_CSV_APPLIED]        = {"Ansøgt", ""},
    [L_CSV_ASSESSED]       = {"Indstillet", ""},
    [L_CSV_REDUCTION]      = {"Reduktion", ""},
    [L_CSV_GRANT]          = {"Indstillet tilskud", ""},
    [L_CSV_STATUS]         = {"Status", ""},
    [L_STATUS_GRANTED]     = {"bevilget", ""},
    [L_STATUS_REDUCED]     = {"reduceret", ""},
    [L_STATUS_REFUSED]     = {"afslag", ""},

    [L_RES_MULTIYEAR]      = {"Reserveret allerede bevilgede flerårige tilskud fra %s %d", "sd"},
    [L_RES_AGREEMENT]      = {"Reserveret til Driftsaftale %s %d-%d", "sdd"},

    [L_MY_ONE_YEAR]        = {"Etårig", ""},
    [L_MY_HONOURED]        = {"Flerårig bevilling", ""},
    [L_MY_NO_GRANT]        = {"Intet tilskud at binde", ""},
    [L_MY_TOO_YOUNG]       = {"Etårig: under %d års aktivitet", "d"},
    [L_MY_AGE_UNKNOWN]     = {"Etårig: år aktiv er ikke oplyst", ""},
    [L_MY_NOT_EXCEPTIONAL] = {"Etårig: 3-årig bevilling kræver undtagelse", ""},
    [L_MY_CAP]             = {"Etårig: ikke plads under loftet for flerårige bevillinger", ""},
    [L_MY_SET_ASIDE]       = {"Sat til side: løbende flerårig bevilling", ""},

    [L_SHEET_MULTIYEAR]    = {"Flerårige", ""},
    [L_MY_TITLE]           = {"Flerårige bevillinger - %s %d", "sd"},
    [L_MY_ROW_MONEY]       = {"Puljens midler (kr.)", ""},
    [L_MY_ROW_OLD]         = {"Tidligere flerårige tilsagn (kr.)", ""},
    [L_MY_ROW_NEW]         = {"Nye flerårige tilsagn (kr.)", ""},
    [L_MY_ROW_BOUND]       = {"Bundet i alt (kr.)", ""},
    [L_MY_ROW_CAP_PCT]     = {"Loft (%)", ""},
    [L_MY_ROW_CAP_KR]      = {"Loft (kr.)", ""},
    [L_MY_ROW_BOUND_PCT]   = {"Bundet andel (%)", ""},
    [L_MY_ROW_HEADROOM]    = {"Luft under loftet (kr.)", ""},
    [L_MY_ROW_CHECK]       = {"Loftet er overholdt", ""},
    [L_MY_YEAR_HEADER]     = {"År", ""},
    [L_MY_CONDITIONAL]     = {"Bevillinger for år 2 og 3 gives under forudsætning af, at "
                              "puljens budget ikke beskæres væsentligt i de kommende år.", ""},
    [L_MY_ESTIMATED]       = {"Budgetterne for de senere år er ikke vedtaget: der er regnet med "
                              "beløbene i puljefilen (ellers årets midler).", ""},
    [L_MY_OVER_BEFORE]     = {"Loftet var allerede overskredet af tidligere tilsagn: ingen "
                              "nye flerårige tilsagn det år.", ""},

    [L_COL_YEARS_ASKED]    = {"Antal år (søgt)", ""},
    [L_COL_YEARS_GRANTED]  = {"Antal år (bevilget)", ""},
    [L_COL_YEAR_AMOUNT]    = {"%d (kr.)", "d"},
    [L_COL_MY_NOTE]        = {"Flerårig: bemærkning", ""},

    [L_SUM_BOUND]          = {"Bundet i flerårige %d", "d"},
    [L_SUM_HONOURED]       = {"Flerårige bevillinger", ""},

    [L_EM_UNUSED]          = {"%s: ikke uddelt (går til restmidler)", "s"},
    [L_EM_RETURNED]        = {"Ikke uddelte øremærkede midler givet til nye tilskud (kr.)", ""},
    [L_EM_SHEET]           = {"Tillæg %s", "s"},
    [L_EM_TITLE]           = {"%s - %s %d", "ssd"},
    [L_EM_COL_TIER]        = {"Trin", ""},
    [L_EM_COL_ASKED]       = {"Tillæg ansøgt (kr.)", ""},
    [L_EM_COL_ASSESSED]    = {"Tillæg indstillet (kr.)", ""},
    [L_EM_COL_GRANT]       = {"Tillæg bevilget (kr.)", ""},
    [L_EM_COL_NOTE]        = {"Bemærkning", ""},
    [L_EM_ST_GRANTED]      = {"Bevilget", ""},
    [L_EM_ST_REDUCED]      = {"Reduceret i trin %d, hvor midlerne slap op", "d"},
    [L_EM_ST_GONE]         = {"Midlerne slap op i et tidligere trin", ""},
    [L_EM_ST_NOT_ELIGIBLE] = {"Opfylder ikke de krævede kriterier", ""},
    [L_EM_ST_NO_GRANT]     = {"Intet ordinært tilskud at lægge tillægget til", ""},
    [L_EM_ROW_MONEY]       = {"Øremærkede midler (kr.)", ""},
    [L_EM_ROW_GRANTED]     = {"Uddelt som tillæg (kr.)", ""},
    [L_EM_ROW_UNUSED]      = {"Ikke uddelt (kr.)", ""},
    [L_EM_FALLBACK]        = {"Puljens regel beskyttede mere, end der var tilbage i trin %d; "
                              "trinnet er derfor delt forholdsmæssigt.", "d"},
    [L_EM_TIER_DESC]       = {"Trin %d: %s", "ds"},
    [L_EM_REQUIRED]        = {"Krævede kriterier: %s", "s"},
    [L_COL_SUPPLEMENT]     = {"Tillæg: %s (kr.)", "s"},
    [L_CMP_SHEET_GRANTS]   = {"Sammenligning", ""},
    [L_CMP_SHEET_SUMMARY]  = {"Nøgletal pr. regel", ""},
    [L_CMP_SHEET_CHART]    = {"Diagram", ""},
    [L_CMP_SHEET_ECONOMY]  = {"Økonomi pr. regel", ""},
    [L_CMP_SHEET_SWEEP]    = {"Følsomhed", ""},
    [L_CMP_TITLE]          = {"Sammenligning af reduktionsregler - %s %d", "sd"},
    [L_CMP_BASELINE]       = {"Forskelle er i forhold til: %s", "s"},
    [L_CMP_COL_GRANT_OF]   = {"%s: tilskud (kr.)", "s"},
    [L_CMP_COL_DIFF_OF]    = {"%s: forskel (kr.)", "s"},
    [L_CMP_RULE]           = {"Regel", ""},
    [L_CMP_DESCRIPTION]    = {"Beskrivelse", ""},
    [L_CMP_GRANTED]        = {"Tilskud i alt (kr.)", ""},
    [L_CMP_RESIDUAL]       = {"Restmidler (kr.)", ""},
    [L_CMP_N_REDUCED]      = {"Antal reducerede", ""},
    [L_CMP_N_REFUSED]      = {"Antal afslag pga. reglen", ""},
    [L_CMP_MAX_CUT]        = {"Største reduktion (%)", ""},
    [L_CMP_MEDIAN_CUT]     = {"Median reduktion (%)", ""},
    [L_CMP_GINI]           = {"Ulighed i reduktionerne (Gini: 0 = lige store, 1 = én bærer alt)", ""},
    [L_CMP_ORDER_VIOLATIONS] = {"Rækkefølgebrud: større indstilling, mindre tilskud", ""},
    [L_CMP_PROP_SUM]       = {"Tilskud + restmidler = midlerne", ""},
    [L_CMP_PROP_BOUNDS]    = {"0 ≤ tilskud ≤ indstillet", ""},
    [L_CMP_PROP_ORDER_AWARDS] = {"Større indstilling giver aldrig mindre tilskud", ""},
    [L_CMP_PROP_ORDER_LOSSES] = {"Større indstilling mister aldrig mindre", ""},
    [L_CMP_PROP_MONOTONE]  = {"Flere midler giver ingen mindre", ""},
    [L_EX_EARMARK_ASKED]   = {"Tillæg fra %s: søgt %s kr., indstillet %s kr.", "sss"},
    [L_EX_EARMARK_TIER]    = {"Trin %d: opfylder %s", "ds"},
    [L_EX_EARMARK_GRANT]   = {"Tillæg bevilget: %s kr.", "s"},
    [L_EX_TOTAL_WITH]      = {"I alt med tillæg: %s kr.", "s"},
    [L_SUM_BOUND_VALUE]    = {"%s kr. = %s (loft %s)", "sss"},
    [L_SUM_SUPPLEMENTS]    = {"Tillæg uddelt (%s)", "s"},
    [L_CMP_SWEEP_CAP]      = {"Loft for flerårige (%)", ""},
    [L_CMP_SWEEP_BOUND_MY] = {"Bundet i flerårige, første år (kr.)", ""},
    [L_YES]                = {"Ja", ""},
    [L_NO]                 = {"Nej", ""},
    [L_CMP_CHART_TITLE]    = {"Tilskud efter indstillet beløb, pr. regel", ""},
    [L_CMP_CHART_X]        = {"Indstillet (kr.)", ""},
    [L_CMP_CHART_Y]        = {"Tilskud (kr.)", ""},
    [L_CMP_SWEEP_TITLE]    = {"Følsomhed: %s, %s varieret", "ss"},
    [L_CMP_SWEEP_THRESHOLD] = {"Tærskel (kr.)", ""},
    [L_CMP_SWEEP_MAX]      = {"Højeste tilskud (kr.)", ""},
    [L_CMP_SWEEP_FACTOR]   = {"Reduktionsfaktor", ""},
    [L_CMP_SWEEP_BOUND]    = {"Udbetales fuldt, før der reduceres (kr.)", ""},
    [L_CMP_SWEEP_CHART]    = {"Reduktionsfaktor og antal reducerede", ""},
    [L_CMP_FACTOR]         = {"Tildelt / indstillet", ""},
    [L_CMP_PROP_TITLE]     = {"Sammenligning af regler: %s %d", "sd"},
    [L_CMP_BASELINE_MARK]  = {" (grundlag)", ""},
    [L_CMP_TERM_REDUCED]   = {"red.", ""},
    [L_CMP_TERM_REFUSED]   = {"afsl.", ""},
    [L_CMP_TERM_MAX]       = {"maks.", ""},
    [L_CMP_TERM_MEDIAN]    = {"median", ""},
    [L_CMP_TERM_GINI]      = {"Gini", ""},
    [L_CMP_TERM_VIOLATIONS] = {"brud", ""},

    [L_SHEET_SUMMARY]      = {"Resumé", ""},
    [L_RS_TITLE]           = {"Resumé - %s %d", "sd"},
    [L_RS_COMMITTEE]       = {"Udvalg", ""},
    [L_RS_BUDGET]          = {"Samlet rådighedsbeløb (kr.)", ""},
    [L_RS_RESERVED]        = {"Reserveret (kr.)", ""},
    [L_RS_EARMARKED]       = {"Øremærkede midler (kr.)", ""},
    [L_RS_SUPPLEMENTS]     = {"Heraf bevilget som tillæg (kr.)", ""},
    [L_RS_GRANTED]         = {"Indstillet tilskud i alt (kr.)", ""},
    [L_RS_GRANTED_WITH]    = {"Indstillet tilskud og tillæg i alt (kr.)", ""},
    [L_RS_RESIDUAL]        = {"Restmidler (kr.)", ""},
    [L_RS_N_GRANTED]       = {"Antal tilskud", ""},
    [L_RS_CUT_FACTOR]      = {"Reducerede beløb nedsættes med (%)", ""},
    [L_RS_CUT_TOTAL]       = {"Samlet reduktion: reduktion i alt / indstillet i alt (%)", ""},
    [L_RS_MY_HEADING]      = {"Flerårige tilsagn", ""},
    [L_RS_MY_BOUND]        = {"Bundet: tidligere + nye tilsagn (kr.)", ""},
    [L_RS_BANDS_HEADING]   = {"Ansøgninger efter indstillet beløb", ""},
    [L_RS_COL_COUNT]       = {"Antal", ""},
    [L_RS_BAND_UPTO]       = {"Op til %s kr.", "s"},
    [L_RS_BAND_RANGE]      = {"%s–%s kr.", "ss"},
    [L_RS_BAND_OVER]       = {"Over %s kr.", "s"},
    [L_RS_BAND_REFUSED]    = {"Afslag (indstillet 0 kr.)", ""},
    [L_RS_CHECK]           = {"Kontrol: I alt minus nøgletallene ovenfor (skal være 0)", ""},
    [L_RS_CHART_TITLE]     = {"Ansøgt og indstillet tilskud efter indstillet beløb", ""},
    [L_RS_CHART_X]         = {"Indstillet beløb", ""},
    [L_RS_CHART_Y]         = {"Kr.", ""},
    [L_WARN_PREFIX]        = {"advarsel", ""},
    [L_RS_WARNINGS]        = {"Advarsler", ""},
    [L_RS_WARNINGS_MORE]   = {"... og %s advarsler mere; pulje check viser dem alle", "s"},
    [L_WARN_NO_LEDGER]     = {"Ingen tidligere forpligtelser er reserveret for %d – er det rigtigt?", "d"},
    [L_RS_CASE_NUMBER] = {"Sagsnummer", ""},
    [L_RS_MEETING] = {"Møde- og beslutningsdato", ""},
    [L_RS_GUIDELINES] = {"Retningslinjer", ""},
    [L_RS_RECOMMEND_HEAD] = {"Indstilling", ""},
    [L_RS_RECOMMENDATION] = {"Forvaltningen indstiller, at %s godkender fordelingen af %s %d: %s tilskud på i alt %s kr. som vist i Bilag 1 (arket Samlet oversigt).", "ssdss"},
    [L_RS_RECOMMEND_SUPP] = {"Desuden tillæg på i alt %s kr. fra %s.", "ss"},
    [L_RS_DECISION_HEAD] = {"Beslutning", ""},
    [L_RS_DECISION] = {"Udvalgets beslutning:", ""},
    [L_RS_DECISION_DATE] = {"Dato:", ""},
    [L_RS_DECISION_SIGN] = {"Underskrift:", ""},
    [L_RS_NOTES] = {"Bemærkninger", ""},
    [L_RS_NOTE_RULE] = {"Reglen: %s", "s"},
    [L_RS_NOTE_ORDER] = {"Reglens følge: %s ansøgninger får et mindre tilskud end en ansøgning, der er indstillet til et mindre beløb:", "s"},
    [L_RS_NOTE_ORDER_ITEM] = {"nr. %s %s: indstillet %s kr., tilskud %s kr. (nr. %s %s: indstillet %s kr., tilskud %s kr.)", "ssssssss"},
    [L_RS_NOTE_ORDER_MORE] = {"... og %s ansøgninger mere (se Bilag 1).", "s"},
    [L_RS_NOTE_ORDER_NONE] = {"Reglens følge: ingen ansøgning får et mindre tilskud end en ansøgning, der er indstillet til et mindre beløb.", ""},
    [L_RS_NOTE_ROUNDING] = {"Afrunding: reducerede tilskud er rundet ned til hele %s kr.; %s kr. er ikke uddelt og står i linjen »%s« på arket Økonomi.", "sss"},
    [L_RS_NOTE_RESIDUAL] = {"Restmidler: %s kr. er ikke uddelt og står i linjen »%s« på arket Økonomi.", "ss"},
    [L_RS_NOTE_WARNING] = {"Advarsel fra kørslen: %s", "s"},
    [L_RS_NOTE_MY] = {"Flerårige bevillinger: %s af %s ansøgninger om flerårig bevilling er imødekommet; arket Flerårige viser hver ansøgning og begrundelsen.", "ss"},
    [L_RS_GRANT_SHARE] = {"Tildelt / indstillet (%)", ""},
    [L_COL_TOTAL_WITH] = {"I alt inkl. tillæg", ""},
    [L_MY_LIST_HEAD] = {"Ansøgninger om flerårig bevilling", ""},
    [L_MY_COL_OUTCOME] = {"Afgørelse og begrundelse", ""},
    [L_MY_RES_HEAD] = {"Reservationer i årene (forpligtelser og nye flerårige bevillinger)", ""},
    [L_MY_COL_ID] = {"Løbenr.", ""},
    [L_MY_COL_DECIDED] = {"Besluttet år", ""},
    [L_MY_COL_KIND] = {"Art", ""},
    [L_MY_KIND_MULTI] = {"Flerårig bevilling", ""},
    [L_MY_KIND_AGREEMENT] = {"Driftsaftale", ""},
    [L_MY_KIND_NEW] = {"Ny flerårig bevilling (denne indstilling)", ""},
    [L_MY_NONE] = {"Ingen ansøgninger om flerårig bevilling.", ""},
    [L_CMP_PROP_LEGEND] = {"Egenskaberne (Ja/Nej): Tilskud + restmidler = midlerne: intet går tabt. 0 ≤ tilskud ≤ indstillet: ingen får mere end indstillet. Større indstilling giver aldrig mindre tilskud: rækkefølgen bevares. Større indstilling mister aldrig mindre: den større ansøgning bærer mindst samme nedskæring i kr. Flere midler giver ingen mindre: med flere penge falder intet tilskud.", ""},
    [L_CSV_PER_YEAR]       = {"Tilskud pr. år", ""},
    [L_CSV_REASON]         = {"Begrundelse", ""},
    [L_CSV_TOTAL]          = {"I alt (alle år, med tillæg)", ""},
    [L_WHY_FULL]           = {"bevilget som indstillet", ""},
    [L_WHY_REDUCED]        = {"reduceret efter puljens regel", ""},
    [L_WHY_CAPPED]         = {"sat ned til højeste tilskud (%s kr.)", "s"},
    [L_MB_SHEET]           = {"Inhabilitet", ""},
    [L_MB_ROLE_COMMITTEE]  = {"udvalg", ""},
    [L_MB_ROLE_PANEL]      = {"indstillingsudvalg", ""},
    [L_MB_COL_MEMBER]      = {"Medlem", ""},
    [L_MB_COL_ROLE]        = {"Rolle", ""},
    [L_MB_COL_TIE]         = {"Tilknytning", ""},
    [L_OD_TX_YEAR]         = {"Tilskud %d", "d"},
    [L_OD_TX_YEAR_SUPP]    = {"Tilskud %d med tillæg %s kr.", "ds"},
    [L_KF_BUDGET] = {"Samlet rådighedsbeløb", ""},
    [L_KF_RESERVED] = {"Reserveret til tilsagn og aftaler", ""},
    [L_KF_EARMARKED] = {"Øremærkede midler", ""},
    [L_KF_RETURNED] = {"Ubrugte øremærkede midler til nye tilskud", ""},
    [L_KF_AVAILABLE] = {"Til rådighed for nye tilskud", ""},
    [L_KF_GRANTED] = {"Indstillede tilskud i alt", ""},
    [L_KF_SUPPLEMENTS] = {"Tillæg af øremærkede midler", ""},
    [L_KF_GRANTED_WITH] = {"Tilskud og tillæg i alt", ""},
    [L_KF_EM_UNUSED] = {"Øremærkede midler ikke uddelt", ""},
    [L_KF_RESIDUAL] = {"Restmidler", ""},
    [L_KF_N_APPS] = {"Antal ansøgninger", ""},
    [L_KF_APPLIED] = {"Ansøgt i alt", ""},
    [L_KF_ASSESSED] = {"Indstillet i alt før reduktion", ""},
    [L_KF_N_GRANTED] = {"Antal tilskud", ""},
    [L_KF_N_REDUCED] = {"Heraf reduceret", ""},
    [L_KF_N_REFUSED] = {"Antal afslag", ""},
    [L_KF_FACTOR] = {"Reduktionsfaktor", ""},
    [L_KF_GRANT_SHARE] = {"Tildelt / indstillet", ""},
    [L_KF_MY_REQUESTED] = {"Ansøgt om flerårig bevilling", ""},
    [L_KF_MY_HONOURED] = {"Heraf imødekommet", ""},
    [L_KF_MY_BOUND] = {"Bundet i flerårige tilsagn", ""},
    [L_KF_MY_BOUND_YEAR] = {"Bundet i flerårige tilsagn %d", "d"},
    [L_KF_MY_BOUND_SHARE] = {"%s (loft %s)", "ss"},
    [L_KF_GROUP_MONEY] = {"Midler", ""},
    [L_KF_GROUP_APPS] = {"Ansøgninger", ""},
    [L_KF_GROUP_MY] = {"Flerårige bevillinger", ""},
    [L_KF_IN_KR] = {"%s (kr.)", "s"},
    [L_DF_SHEET] = {"Ændringer siden kørsel %d", "d"},
    [L_DF_TITLE] = {"Ændringer fra %s til %s", "ss"},
    [L_DF_RUN] = {"kørsel %d (%s)", "ds"},
    [L_DF_POOL] = {"Ændret for hele puljen:", ""},
    [L_DF_NONE] = {"Ingen ansøgninger er ændret.", ""},
    [L_DF_COL_BEFORE] = {"Tilskud før", ""},
    [L_DF_COL_AFTER] = {"Tilskud nu", ""},
    [L_DF_COL_DELTA] = {"Ændring", ""},
    [L_DF_COL_SUPP_BEFORE] = {"Tillæg før", ""},
    [L_DF_COL_SUPP_AFTER] = {"Tillæg nu", ""},
    [L_DF_COL_YEARS] = {"År før → nu", ""},
    [L_DF_COL_STATUS] = {"Status før → nu", ""},
    [L_DF_COL_CAUSE] = {"Årsag", ""},
    [L_DF_CAUSE_ASSESSED] = {"indstillet beløb %s → %s kr.", "ss"},
    [L_DF_CAUSE_APPLIED] = {"ansøgt beløb %s → %s kr.", "ss"},
    [L_DF_CAUSE_REFUSAL] = {"afslag i ansøgningen: \"%s\" → \"%s\"", "ss"},
    [L_DF_CAUSE_YEARS] = {"søgte år %d → %d", "dd"},
    [L_DF_CAUSE_RULE] = {"reglen %s → %s", "ss"},
    [L_DF_CAUSE_BUDGET] = {"budgettet %s → %s kr.", "ss"},
    [L_DF_CAUSE_LEDGER] = {"reserveret (forpligtelser) %s → %s kr.", "ss"},
    [L_DF_CAUSE_LEDGER_FILE] = {"forpligtelsesfilen er ændret", ""},
    [L_DF_CAUSE_EARMARK] = {"øremærket %s → %s kr.", "ss"},
    [L_DF_CAUSE_PARAM] = {"%s %s → %s", "sss"},
    [L_DF_CAUSE_POOL] = {"puljefilen er ændret (andre nøgler)", ""},
    [L_DF_CAUSE_OTHERS] = {"andres ændringer (den fælles faktor flyttede sig)", ""},
    [L_DF_CAUSE_NEW] = {"ny ansøgning", ""},
    [L_DF_CAUSE_REMOVED] = {"ansøgningen er fjernet", ""},
    [L_DF_CAUSE_UNKNOWN] = {"intet ændret input fundet", ""},
    [L_DF_TOTAL_GRANTED] = {"Tilskud i alt: %s → %s kr. (%s)", "sss"},
    [L_DF_TOTAL_SUPP] = {"Tillæg i alt: %s → %s kr. (%s)", "sss"},
    [L_DF_TOTAL_ASSESSED] = {"Indstillet i alt: %s → %s kr. (%s)", "sss"},
    [L_DF_COUNTS] = {"Ansøgninger: %s → %s; %s ændret, %s nye, %s fjernet, %s uændret", "ssssss"},
    [L_DF_SHORT_RULE] = {"reglen", ""},
    [L_DF_SHORT_BUDGET] = {"budgettet", ""},
    [L_DF_SHORT_LEDGER] = {"forpligtelserne", ""},
    [L_DF_SHORT_EARMARK] = {"øremærkningen", ""},
    [L_DF_SHORT_PARAM] = {"puljens %s", "s"},
    [L_DF_THIS_RUN] = {"denne kørsel", ""},
    [L_LT_TEMPLATE] =
        {
            "# brev.txt - skabelon til afgørelsesbreve (pulje letters).\n"
            "# Linjer, der begynder med #, er kommentarer. {felt} erstattes med\n"
            "# ansøgningens værdi (felterne står i README under \"Letters\"). En tom linje\n"
            "# adskiller afsnit; et afsnit, der begynder med \"## \", er en overskrift; et\n"
            "# afsnit, der er tomt, når felterne er udfyldt, udelades.\n"
            "\n"
            "[emne]\n"
            "Afgørelse om tilskud fra {pulje} {år} - ansøgning nr. {nr}\n"
            "\n"
            "[bevilget]\n"
            "Kære {forening}\n"
            "\n"
            "{udvalg} har den {dato} behandlet jeres ansøgning om tilskud til \"{indsats}\". I får et tilskud på {tilskud_pr_aar}.\n"
            "\n"
            "{flerårig}\n"
            "\n"
            "{tillæg_tekst}\n"
            "\n"
            "## Begrundelse\n"
            "{begrundelse}\n"
            "\n"
            "[delvis]\n"
            "Kære {forening}\n"
            "\n"
            "{udvalg} har den {dato} behandlet jeres ansøgning om tilskud til \"{indsats}\". I har søgt om {ansøgt} og får et tilskud på {tilskud_pr_aar}. Begrundelsen står nedenfor, jf. forvaltningslovens § 22.\n"
            "\n"
            "{flerårig}\n"
            "\n"
            "{tillæg_tekst}\n"
            "\n"
            "## Begrundelse\n"
            "{begrundelse}\n"
            "\n"
            "[afslag]\n"
            "Kære {forening}\n"
            "\n"
            "{udvalg} har den {dato} behandlet jeres ansøgning om tilskud til \"{indsats}\" på {ansøgt}. Vi må desværre meddele, at I ikke får tilskud.\n"
            "\n"
            "## Begrundelse\n"
            "{begrundelse}\n"
            "\n"
            "[vilkår]\n"
            "## Vilkår\n"
            "Tilskuddet må kun bruges til den aktivitet, I har søgt om, og i det år, det er bevilget til. Midler, der ikke er brugt, skal betales tilbage til kommunen. {afrapportering}\n"
            "\n"
            "[afslutning]\n"
            "Afgørelsen er truffet efter servicelovens § 18 og puljens retningslinjer. Har I spørgsmål, er I velkomne til at kontakte forvaltningen med ansøgningens nummer.\n"
            "\n"
            "[hilsen]\n"
            "Med venlig hilsen\n"
            "\n"
            "{udvalg}\n",
         ""},
    [L_LT_KR] = {"%s kr.", "s"},
    [L_LT_DECISION_GRANTED] = {"Bevilget", ""},
    [L_LT_DECISION_PARTIAL] = {"Delvis bevilget", ""},
    [L_LT_DECISION_REFUSED] = {"Afslag", ""},
    [L_LT_META_DATE] = {"Dato", ""},
    [L_LT_META_CASE] = {"Sagsnr.", ""},
    [L_LT_META_NR] = {"Ansøgning nr.", ""},
    [L_LT_CVR] = {"CVR-nr. %s", "s"},
    [L_LT_FIG_HEADING] = {"Tilskuddet i tal", ""},
    [L_LT_FIG_APPLIED] = {"Ansøgt", ""},
    [L_LT_FIG_ASSESSED] = {"Indstillet af indstillingsudvalget", ""},
    [L_LT_FIG_GRANT] = {"Tilskud pr. år", ""},
    [L_LT_FIG_YEARS] = {"Antal år", ""},
    [L_LT_FIG_SUPP] = {"Tillæg fra %s", "s"},
    [L_LT_FIG_TOTAL] = {"I alt, alle år med tillæg", ""},
    [L_LT_CALC_HEADING] = {"Sådan er tilskuddet beregnet", ""},
    [L_LT_WHY_PANEL] = {"Indstillingsudvalget har vurderet ansøgningen og indstillet afslag med denne begrundelse: %s.", "s"},
    [L_LT_WHY_ZERO] = {"Indstillingsudvalget har vurderet ansøgningen og indstillet 0 kr.", ""},
    [L_LT_WHY_HOLDER] = {"I har allerede en løbende flerårig bevilling fra puljen, og derfor kan I ikke få et nyt tilskud i år.", ""},
    [L_LT_WHY_MIN] = {"Puljens midler rækker ikke til alle de indstillede beløb. Efter puljens regel blev jeres andel %s, og det er under puljens mindste tilskud på %s.", "ss"},
    [L_LT_WHY_ROUNDED] = {"Puljens midler rækker ikke til alle de indstillede beløb. Efter puljens regel blev jeres andel %s, og den er rundet ned til 0 kr.", "s"},
    [L_LT_WHY_FULL] = {"I får hele det beløb, I har søgt om.", ""},
    [L_LT_WHY_ASSESSED] = {"Indstillingsudvalget har vurderet ansøgningen og indstillet %s af de ansøgte %s.", "ss"},
    [L_LT_WHY_NOTE] = {"Indstillingsudvalgets bemærkning: %s.", "s"},
    [L_LT_WHY_NOT_REDUCED] = {"Det indstillede beløb er bevilget fuldt ud.", ""},
    [L_LT_WHY_RULE] = {"Puljens midler rækker ikke til alle de indstillede beløb, og derfor er de fordelt efter puljens regel: %s.", "s"},
    [L_LT_WHY_FACTOR] = {"Det indstillede beløb på %s er ganget med faktoren %s, og det giver %s.", "sss"},
    [L_LT_WHY_EXCESS] = {"Den del af beløbet, der er over %s kr., er ganget med faktoren %s, og det giver %s.", "sss"},
    [L_LT_WHY_SHARE] = {"Jeres andel efter reglen er %s.", "s"},
    [L_LT_WHY_CAPPED] = {"Tilskuddet er sat ned til puljens højeste tilskud på %s.", "s"},
    [L_LT_WHY_FLOOR] = {"Beløbet er rundet ned til hele %s kr.: %s.", "ss"},
    [L_LT_WHY_UNIT] = {"Beløbet er rundet ned til hele %s kr. og derefter hævet med én enhed af de midler, afrundingen frigjorde: %s.", "ss"},
    [L_LT_WHY_RAISE] = {"Beløbet er hævet til %s, så det ikke er mindre end et mindre beløb, der er bevilget fuldt ud.", "s"},
    [L_LT_WHY_MY] = {"I har søgt om tilskud i %d år, men tilskuddet gives for ét år, fordi %s.", "ds"},
    [L_LT_MY_TOO_YOUNG] = {"et flerårigt tilskud kræver mindst %d års aktivitet", "d"},
    [L_LT_MY_AGE_UNKNOWN] = {"ansøgningen ikke oplyser, hvor mange år foreningen har været aktiv", ""},
    [L_LT_MY_NOT_EXCEPTIONAL] = {"et treårigt tilskud kun gives som undtagelse", ""},
    [L_LT_MY_CAP] = {"der ikke er plads under loftet for flerårige tilskud", ""},
    [L_LT_MULTIYEAR] = {"Tilskuddet gives for %d år, %d-%d, med %s om året. Tilskuddet i de følgende år forudsætter, at midlerne er afsat i budgettet, og at rapport og regnskab for året før er godkendt.", "ddds"},
    [L_LT_SUPP] = {"Derudover får I et tillæg på %s fra %s.", "ss"},
    [L_LT_DUTY_SHORT] = {"en kort rapport om aktiviteten", ""},
    [L_LT_DUTY_ACCOUNTS] = {"en rapport og et regnskab", ""},
    [L_LT_DUTY_AUDITED] = {"en rapport og et revideret regnskab", ""},
    [L_LT_REPORTING_DEADLINE] = {"I skal aflevere %s senest den %s.", "ss"},
    [L_LT_REPORTING] = {"I skal aflevere %s, når aktiviteten er afsluttet.", "s"},
    [L_LT_MONTHS] = {"januar februar marts april maj juni juli august september oktober november december", ""},
    [L_LT_DATE] = {"%d. %s %d", "dsd"},
    [L_LT_FOOTER] = {"%s %d · ansøgning nr. %s · side %d", "sdsd"},
    [L_LT_CONTINUED] = {"%s, ansøgning nr. %s (fortsat)", "ss"},
    [L_FU_REFUSAL] = {"Manglende afrapportering af tilskud fra %d", "d"},
    [L_FU_REPAID_LINE] = {"Tilbagebetalte midler fra %s %d", "sd"},
    [L_LT_MERGE_SHEET] = {"Brevfletning", ""},
};

/* The entry for id, or NULL for an id outside the table or without text. */
static const label_entry *entry(label_id id)
{
    if ((unsigned)id >= (unsigned)L__COUNT || !labels[id].text)
        return NULL;
    return &labels[id];
}

static label_lang current = LABEL_DA;

int labels_set_language(const char *code)
{
    if (code && strcmp(code, "da") == 0)
        current = LABEL_DA;
    else if (code && strcmp(code, "en") == 0)
        current = LABEL_EN;
    else
        return -1;
    return 0;
}

label_lang labels_language(void)
{
    return current;
}

/* The text of a known label in the current language: English when chosen
 * and present, else Danish. */
static const char *text_of(const label_entry *e, label_id id)
{
    const char *en = current == LABEL_EN ? label_text_en(id) : NULL;
    return en ? en : e->text;
}

const char *label(label_id id)
{
    const label_entry *e = entry(id);
    return e ? text_of(e, id) : "?";
}

const char *label_args(label_id id)
{
    const label_entry *e = entry(id);
    return e && e->args ? e->args : "";
}

/* Append len bytes of piece at buf[*n], as far as size allows (keeping
 * room for the NUL); *n counts every byte, written or not. */
static void append(char *buf, size_t size, size_t *n, const char *piece, size_t len)
{
    for (size_t i = 0; i < len; i++, (*n)++) {
        if (*n + 1 < size)
            buf[*n] = piece[i];
    }
}

/* Labels are filled here rather than by vsnprintf, so that a label's text
 * can never be misread as a printf format: only %s (a const char *, NULL
 * shown as ""), %d (an int) and %% are conversions; anything else after a
 * '%' is copied as it stands ("Reduktion (%)"). */
int label_vformat(char *buf, size_t size, label_id id, va_list ap)
{
    const label_entry *e = entry(id);
    size_t n = 0;
    char num[16];

    if (!e) {
        if (size > 0)
            buf[0] = '\0';
        return -1;
    }
    for (const char *c = text_of(e, id); *c; c++) {
        const char *piece = c;
        size_t len = 1;

        if (c[0] == '%' && c[1] == 's') {
            piece = va_arg(ap, const char *);
            if (!piece)
                piece = "";
            len = strlen(piece);
            c++;
        } else if (c[0] == '%' && c[1] == 'd') {
            snprintf(num, sizeof num, "%d", va_arg(ap, int));
            piece = num;
            len = strlen(num);
            c++;
        } else if (c[0] == '%' && c[1] == '%') {
            c++;
        }
        append(buf, size, &n, piece, len);
    }
    if (size > 0)
        buf[n < size ? n : size - 1] = '\0';
    return n > INT_MAX ? -1 : (int)n;
}

int label_format(char *buf, size_t size, label_id id, ...)
{
    va_list ap;
    int n;

    va_start(ap, id);
    n = label_vformat(buf, size, id, ap);
    va_end(ap);
    return n;
}
