/* labels_en.c - The English texts of the labels (--lang en), parallel to labels.c.
 *
 * One entry per label_id, with exactly the blanks (%s, %d, in the same
 * order) of the Danish text, which label_args() declares; the tests check
 * that. A label missing here is shown in Danish, and test_labels names it,
 * so that whoever adds a Danish label is told to add its English text too.
 * Amounts keep their Danish form (6.318.216); "kr." becomes "DKK". */
#include "labels.h"

static const char *const labels_en[L__COUNT] = {
    [L_SHEET_ECONOMY]      = "Economy",
    [L_SHEET_OVERVIEW]     = "Overview",

    [L_ECON_TITLE]         = "%s Budget",
    [L_ECON_AMOUNT_HEADER] = "(DKK)",
    [L_ECON_BUDGET_TOTAL]  = "Total available to %s %d",
    [L_ECON_GRANTED]       = "Recommended grants from %s %d in total",
    [L_ECON_RECOMMENDED]   = "%s %d recommended",
    [L_ECON_CHECK]         = "Check: difference (must be 0)",
    [L_ECON_NOTE_FACTOR]   = "Reduction factor",
    [L_ECON_NOTE_RULE]     = "Rule",

    [L_COL_NR]             = "No.",
    [L_COL_ASSOCIATION]    = "Association",
    [L_COL_ACTIVITY]       = "Activity",
    [L_COL_APPLIED]        = "Applied for (DKK)",
    [L_COL_ASSESSED]       = "Assessed (DKK)",
    [L_COL_REDUCTION_KR]   = "Reduction (DKK)",
    [L_COL_REDUCTION_PCT]  = "Reduction (%)",
    [L_COL_GRANT]          = "Recommended grant (DKK)",
    [L_COL_REFUSAL]        = "Refusal/reason",
    [L_TOTAL]              = "Total",
    [L_OVERVIEW_TITLE]     = "Annex 1 - Overview of %s %d",

    [L_RULE_THRESHOLD]     = "Proportional reduction of all assessed amounts above %s DKK",
    [L_RULE_PROPORTIONAL]  = "Proportional reduction of all assessed amounts",

    [L_SUM_BUDGET]         = "Total available",
    [L_SUM_RESERVED]       = "Reserved",
    [L_SUM_EARMARKED]      = "Earmarked money",
    [L_SUM_AVAILABLE]      = "Available for new grants",
    [L_SUM_ASSESSED]       = "Assessed in total",
    [L_SUM_FACTOR]         = "Reduction factor",
    [L_SUM_REDUCED]        = "Reduced applications",
    [L_SUM_REFUSED]        = "Refusals",
    [L_SUM_GRANTED]        = "Recommended grants in total",
    [L_SUM_RESIDUAL]       = "Residual",
    [L_SUM_APPLICATIONS]   = "Applications",
    [L_SUM_APPLIED]        = "Applied for in total",
    [L_SUM_WROTE]          = "Wrote",
    [L_KR]                 = "DKK",

    [L_PROP_TITLE]         = "Recommendation: %s %d",
    [L_PROP_SUBJECT]       = "Recommendation to %s",
    [L_PROP_AUTHOR]        = "pulje",
    [L_PROP_COMMENTS]      = "Allocation of %s %d. Rule: %s",

    [L_ECON_HEADING]       = "Economy - %s %d",
    [L_ECON_KEY_FIGURES]   = "Key figures",
    [L_ECON_NOTE_ROUNDING] = "Rounding unit (DKK)",
    [L_ECON_NOTE_AVAILABLE] = "Available for new grants (DKK)",
    [L_ECON_NOTE_APPLIED]  = "Applied for in total (DKK)",
    [L_ECON_NOTE_ASSESSED] = "Assessed in total before reduction (DKK)",
    [L_ECON_NOTE_APPLICATIONS] = "Number of applications",
    [L_ECON_NOTE_REDUCED]  = "Number of reduced applications",
    [L_ECON_NOTE_REFUSED]  = "Number of refusals",
    [L_ECON_NOTE_DATE]     = "Decision date",

    [L_PRINT_FOOTER]       = "&CPage &P of &N",

    [L_EX_HEADING]         = "Application no. %s: %s",
    [L_EX_ACTIVITY]        = "Activity: %s",
    [L_EX_POOL]            = "Pool: %s %d",
    [L_EX_APPLIED]         = "Applied for: %s DKK",
    [L_EX_ASSESSED]        = "Assessed by the assessment panel: %s DKK",
    [L_EX_ASSESSED_DEFAULT] = "Assessed: left empty, so as applied for: %s DKK",
    [L_EX_REFUSED]         = "Refused: %s",
    [L_EX_ZERO]            = "Assessed at 0 DKK: nothing to share",
    [L_EX_RULE]            = "Rule: %s",
    [L_EX_NOT_RATIONED]    = "The assessed amounts (%s DKK in total) fit in the %s DKK "
                             "available: no reduction",
    [L_EX_PROTECTED]       = "%s DKK is at most %s DKK and is not reduced",
    [L_EX_ABOVE]           = "%s DKK is more than %s DKK and is reduced by the factor",
    [L_EX_ALL_REDUCED]     = "All assessed amounts are reduced by the same factor",
    [L_EX_FACTOR_THRESHOLD] = "Factor = (available %s DKK - amounts not reduced %s DKK) / "
                              "reduced amounts before reduction %s DKK ≈ %s",
    [L_EX_FACTOR_PROPORTIONAL] = "Factor = available %s DKK / assessed in total %s DKK ≈ %s",
    [L_EX_SHARE]           = "Computed share: %s DKK x %s = %s DKK",
    [L_EX_AS_ASSESSED]     = "Paid as assessed, not rounded: %s DKK",
    [L_EX_ROUND_DOWN]      = "Rounded down to whole %s DKK: %s DKK",
    [L_EX_ROUND_EXTRA]     = "Plus %s DKK of what rounding freed (largest remainder first): "
                             "%s DKK",
    [L_EX_ROUND_NO_EXTRA]  = "What rounding freed did not reach one more unit here; it goes "
                             "to the residual",
    [L_EX_YEARS_ONE]       = "Years: 1 asked for, %d granted",
    [L_EX_YEARS]           = "Multi-year: %d years asked for, %d granted: %s",
    [L_EX_YEAR_AMOUNT]     = "%d: %s DKK",
    [L_EX_ACTIVE_YEARS]    = "Years active: %d (at least %d required)",
    [L_EX_EARMARK]         = "Earmarked money (%s): handed out apart, not in this computation",
    [L_EX_GRANT]           = "Recommended grant: %s DKK",
    [L_EX_REDUCTION]       = "Reduction: %s DKK (%s)",
    [L_EX_NOT_FOUND]       = "No application has number %s in %s",
    [L_EX_NEARBY]          = "Numbers nearby: %s",

    [L_OD_DESCRIPTION]     = "Grant from %s %d",
    [L_OD_DESCRIPTION_MY]  = "Multi-year grant from %s %d: %s DKK a year for %d years",

    [L_INIT_POOL_FILE]     =
        "; pulje.ini - the pool file: the money, the reservations and the rules of one round.\n"
        "; Edit the lines marked EDIT. Amounts are whole kroner: 1.000.000 or 1000000.\n"
        "; A \";\" after a blank starts a comment. See README.md and \"man pulje\".\n"
        "\n"
        "[pool]\n"
        "name          = § 18-Hovedpuljen         ; EDIT: the pool's name, as shown in titles\n"
        "short_name    = Hovedpuljen              ; short name in computed texts\n"
        "committee     = Udvalget                 ; EDIT: the committee that decides\n"
        "year          = %d                     ; the grant year\n"
        "decision_date = %d-12-15               ; EDIT: the committee's meeting date, YYYY-MM-DD\n"
        "applications  = ansoegninger.csv         ; the applications, in the folder beside this file\n"
        "ledger        = forpligtelser.csv        ; multi-year grants and agreements from earlier years\n"
        "; Open data (360Giving): the municipality's organisation id and name, e.g.\n"
        "; org_id      = DK-CVR-12345678\n"
        "; org_name    = Eksempel Kommune\n"
        "\n"
        "[budget]\n"
        "; <label> = <amount>: the money in the pool, in the economy table's order. EDIT.\n"
        "Frie midler afsat til § 18-Hovedpuljen, Budget %d = 1.000.000\n"
        "\n"
        "[reservations]\n"
        "; Money already bound beyond forpligtelser.csv, e.g.\n"
        "; Reserveret til Driftsaftale Frivilligcenter %d = 100.000\n"
        "\n"
        "[earmarks]\n"
        "; Earmarked money handed out apart, e.g.\n"
        "; Midler til mental trivsel 12-25 år = 500.000\n"
        "\n"
        "[rules]\n"
        "rule           = threshold   ; threshold: only amounts above the threshold are cut; proportional: all\n"
        "threshold      = 50.000      ; amounts of at most this are not reduced\n"
        "rounding       = 100         ; reduced grants are rounded down to 1, 10, 100, 1.000 or 10.000 kr.\n"
        "residual_label = Restmidler overføres til Udviklingspuljen %d\n"
        "\n"
        "[multiyear]\n"
        "cap              = 55 %      ; at most this share of the pool's money may be bound in multi-year grants\n"
        "min_active_years = 5         ; years of activity required for a multi-year grant\n",
    [L_INIT_SHEET]         = "Applications",
    [L_INIT_NOTE_NR] = "The application number; each number once.",
    [L_INIT_NOTE_CVR] = "The association's CVR number (8 digits); may be empty.",
    [L_INIT_NOTE_ASSOCIATION] = "The association's name.",
    [L_INIT_NOTE_ACTIVITY] = "The activity applied for.",
    [L_INIT_NOTE_APPLIED] = "Amount applied for, whole kroner.",
    [L_INIT_NOTE_ASSESSED] = "The assessment panel's amount, whole kroner; empty = as applied; 0 if refused.",
    [L_INIT_NOTE_REFUSAL] = "Reason for a refusal; any text here means the application is refused.",
    [L_INIT_NOTE_YEARS] = "Years applied for: 1, 2 or 3 (empty = 1).",
    [L_INIT_NOTE_ACTIVE_YEARS] = "Years the activity has run (multi-year grants need at least 5).",
    [L_INIT_NOTE_EXCEPTIONAL] = "ja (yes) if a 3-year grant is an exceptional case; else nej (no) or empty.",
    [L_INIT_NOTE_PRIORITY] = "The panel's priority among multi-year requests, 1 first; empty if none.",
    [L_INIT_YES]           = "ja",
    [L_INIT_NO]            = "nej",
    [L_INIT_NEXT]          = "Next: fill in %s, edit %s, and run: pulje check %s",

    [L_CSV_CVR]            = "CVR",
    [L_CSV_APPLIED]        = "Applied for",
    [L_CSV_ASSESSED]       = "Assessed",
    [L_CSV_REDUCTION]      = "Reduction",
    [L_CSV_GRANT]          = "Recommended grant",
    [L_CSV_STATUS]         = "Status",
    [L_STATUS_GRANTED]     = "granted",
    [L_STATUS_REDUCED]     = "reduced",
    [L_STATUS_REFUSED]     = "refused",

    [L_RES_MULTIYEAR]      = "Reserved for multi-year grants already made from %s %d",
    [L_RES_AGREEMENT]      = "Reserved for the operating agreement %s %d-%d",

    [L_MY_ONE_YEAR]        = "One year",
    [L_MY_HONOURED]        = "Multi-year grant",
    [L_MY_NO_GRANT]        = "No grant to bind",
    [L_MY_TOO_YOUNG]       = "One year: fewer than %d years of activity",
    [L_MY_AGE_UNKNOWN]     = "One year: years active not given",
    [L_MY_NOT_EXCEPTIONAL] = "One year: a 3-year grant needs an exception",
    [L_MY_CAP]             = "One year: no room under the cap on multi-year grants",
    [L_MY_SET_ASIDE]       = "Set aside: holds a running multi-year grant",

    [L_SHEET_MULTIYEAR]    = "Multi-year",
    [L_MY_TITLE]           = "Multi-year grants - %s %d",
    [L_MY_ROW_MONEY]       = "The pool's money (DKK)",
    [L_MY_ROW_OLD]         = "Earlier multi-year commitments (DKK)",
    [L_MY_ROW_NEW]         = "New multi-year commitments (DKK)",
    [L_MY_ROW_BOUND]       = "Bound in total (DKK)",
    [L_MY_ROW_CAP_PCT]     = "Cap (%)",
    [L_MY_ROW_CAP_KR]      = "Cap (DKK)",
    [L_MY_ROW_BOUND_PCT]   = "Bound share (%)",
    [L_MY_ROW_HEADROOM]    = "Room under the cap (DKK)",
    [L_MY_ROW_CHECK]       = "Check: cap kept (1 = yes)",
    [L_MY_YEAR_HEADER]     = "Year",
    [L_MY_CONDITIONAL]     = "Grants for years 2 and 3 are given on condition that the pool's "
                             "budget is not cut significantly in the coming years.",
    [L_MY_ESTIMATED]       = "The money of later years is estimated from the pool file, as "
                             "those budgets are not yet adopted.",
    [L_MY_OVER_BEFORE]     = "The cap was already exceeded by earlier commitments: no new "
                             "multi-year commitments that year.",

    [L_COL_YEARS_ASKED]    = "Years (asked)",
    [L_COL_YEARS_GRANTED]  = "Years (granted)",
    [L_COL_YEAR_AMOUNT]    = "%d (DKK)",
    [L_COL_MY_NOTE]        = "Multi-year: note",

    [L_SUM_BOUND]          = "Bound in multi-year grants %d",
    [L_SUM_HONOURED]       = "Multi-year grants",
};

const char *label_text_en(label_id id)
{
    if ((unsigned)id >= (unsigned)L__COUNT)
        return NULL;
    return labels_en[id];
}
