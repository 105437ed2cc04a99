/* labels_en.c - The English texts of the labels (--lang en), parallel to labels.c.
 *
 * One entry per label_id, with exactly the blanks (%s, %d, in the same
 * order) of the Danish text, which label_args() declares; the tests check
 * that. A label missing here is shown in Danish, and test_labels names it,
 * so that whoever adds a Danish label is told to add its English text too.
 * Amounts are written the English way, the currency first: "DKK 6,318,216"
 * (money_format_text() and money_amount_text() group them for the language). */
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

    [L_RULE_THRESHOLD]     = "Proportional reduction of all assessed amounts above DKK %s",
    [L_RULE_PROPORTIONAL]  = "Proportional reduction of all assessed amounts",
    [L_RULE_EXCESS]        = "Everyone keeps the first DKK %s; only amounts above that are "
                             "reduced proportionally",
    [L_RULE_CEA]           = "Constrained equal awards: everyone gets the assessed amount, but "
                             "at most a common ceiling",
    [L_RULE_CEL]           = "Constrained equal losses: everyone is reduced by the same amount "
                             "in DKK, but not below 0",
    [L_RULE_TALMUD]        = "Talmud rule (Aumann & Maschler 1985): a common ceiling on half of "
                             "the assessed amounts, common losses above that",
    [L_RULE_OPT_MIN]       = "; minimum grant DKK %s (less becomes a refusal)",
    [L_RULE_OPT_MAX]       = "; maximum grant DKK %s",
    [L_RULE_SHORT_THRESHOLD] = "2023 rule (%s)",
    [L_RULE_SHORT_PROPORTIONAL] = "Proportional",
    [L_RULE_SHORT_EXCESS]  = "Excess over %s",
    [L_RULE_SHORT_CEA]     = "Constrained equal awards",
    [L_RULE_SHORT_CEL]     = "Constrained equal losses",
    [L_RULE_SHORT_TALMUD]  = "Talmud rule",
    [L_RULE_SHORT_MIN]     = ", min. %s",
    [L_RULE_SHORT_MAX]     = ", max. %s",

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

    [L_PRINT_FOOTER]       = "&L&A&RPage &P of &N",

    [L_EX_HEADING]         = "Application no. %s: %s",
    [L_EX_ACTIVITY]        = "Activity: %s",
    [L_EX_POOL]            = "Pool: %s %d",
    [L_EX_APPLIED]         = "Applied for: DKK %s",
    [L_EX_ASSESSED]        = "Assessed by the assessment panel: DKK %s",
    [L_EX_ASSESSED_DEFAULT] = "Assessed: left empty, so as applied for: DKK %s",
    [L_EX_REFUSED]         = "Refused: %s",
    [L_EX_ZERO]            = "Assessed at DKK 0: nothing to share",
    [L_EX_RULE]            = "Rule: %s",
    [L_EX_NOT_RATIONED]    = "The assessed amounts (DKK %s in total) fit in the DKK %s "
                             "available: no reduction",
    [L_EX_PROTECTED]       = "DKK %s is at most DKK %s and is not reduced",
    [L_EX_ABOVE]           = "DKK %s is more than DKK %s and is reduced by the factor",
    [L_EX_ALL_REDUCED]     = "All assessed amounts are reduced by the same factor",
    [L_EX_FACTOR_THRESHOLD] = "Factor = (available DKK %s - amounts not reduced DKK %s) / "
                              "reduced amounts before reduction DKK %s ≈ %s",
    [L_EX_FACTOR_PROPORTIONAL] = "Factor = available DKK %s / assessed in total DKK %s ≈ %s",
    [L_EX_SHARE]           = "Computed share: DKK %s x %s = DKK %s",
    [L_EX_AS_ASSESSED]     = "Paid as assessed, not rounded: DKK %s",
    [L_EX_ROUND_DOWN]      = "Rounded down to a multiple of DKK %s (R1): DKK %s",
    [L_EX_ROUND_EXTRA]     = "Plus DKK %s of what rounding freed (R3, largest remainder first): "
                             "DKK %s",
    [L_EX_ROUND_NO_EXTRA]  = "No further unit here from what rounding freed (R3): DKK %s",
    [L_EX_YEARS_ONE]       = "Years: 1 asked for, %d granted",
    [L_EX_YEARS]           = "Multi-year: %d years asked for, %d granted: %s",
    [L_EX_YEAR_AMOUNT]     = "%d: DKK %s",
    [L_EX_ACTIVE_YEARS]    = "Years active: %d (at least %d required)",
    [L_EX_EARMARK]         = "Earmarked money (%s): handed out apart, not in this computation",
    [L_EX_GRANT]           = "Recommended grant: DKK %s",
    [L_EX_REDUCTION]       = "Reduction: DKK %s (%s)",
    [L_EX_NOT_FOUND]       = "No application has number %s in %s",
    [L_EX_NEARBY]          = "Numbers nearby: %s",
    [L_EX_CEA_HOW]         = "Share = min(assessed, L), with the common ceiling L chosen so "
                             "that the shares sum to DKK %s",
    [L_EX_CEL_HOW]         = "Share = max(0, assessed - L), with the common cut L chosen so "
                             "that the shares sum to DKK %s",
    [L_EX_TALMUD_LOW]      = "The money (DKK %s) is at most half the assessed amounts (DKK %s): "
                             "a common ceiling L on the half amounts, share = "
                             "min(assessed / 2, L)",
    [L_EX_TALMUD_HIGH]     = "The money (DKK %s) is more than half the assessed amounts (DKK %s): "
                             "everyone loses half the amount, at most L, share = "
                             "assessed - min(assessed / 2, L)",
    [L_EX_LEVEL_CEA]       = "Common ceiling: L = DKK %s",
    [L_EX_LEVEL_CEL]       = "Common cut: L = DKK %s",
    [L_EX_LEVEL_TALMUD_LOW] = "Ceiling on the half amounts: L = DKK %s",
    [L_EX_LEVEL_TALMUD_HIGH] = "Largest loss: L = DKK %s",
    [L_EX_SHARE_CEA]       = "Computed share: min(DKK %s, DKK %s) = DKK %s",
    [L_EX_SHARE_CEL]       = "Computed share: max(0, DKK %s - DKK %s) = DKK %s",
    [L_EX_SHARE_TALMUD_LOW] = "Computed share: min(DKK %s / 2, DKK %s) = DKK %s",
    [L_EX_SHARE_TALMUD_HIGH] = "Computed share: DKK %s - min(DKK %s / 2, DKK %s) = DKK %s",
    [L_EX_EXCESS_PARTS]    = "Protected part: min(DKK %s, DKK %s) = DKK %s; the excess, DKK %s, "
                             "is reduced by the factor",
    [L_EX_FACTOR_EXCESS]   = "Factor = (available DKK %s - protected parts DKK %s) / "
                             "excess parts in total DKK %s ≈ %s",
    [L_EX_SHARE_EXCESS]    = "Computed share: DKK %s + %s x DKK %s = DKK %s",
    [L_EX_SHARE_FULL]      = "Computed share: the whole assessed amount = DKK %s",
    [L_EX_OPT_CAPPED]      = "Set to the maximum grant, DKK %s: %d application(s)",
    [L_EX_OPT_DROPPED]     = "Refused below the minimum grant, DKK %s: %d application(s)",
    [L_EX_OPT_REST]        = "Shared by the rule among the other %d: DKK %s - DKK %s in maximum "
                             "grants = DKK %s",
    [L_EX_OPT_REST_FIT]    = "The other assessed amounts (DKK %s in total) fit in the DKK %s "
                             "left: no reduction",
    [L_EX_CAPPED]          = "The share by the rule is above the maximum grant and is set to "
                             "DKK %s",
    [L_EX_SHARE_CAPPED]    = "Computed share: the maximum grant = DKK %s",
    [L_EX_BELOW_MIN]       = "The share by the rule falls below the minimum grant, DKK %s",
    [L_EX_SHARE_DROPPED]   = "Computed share: refused = DKK 0",
    [L_EX_ROUND_EXACT]     = "The share is a multiple of DKK %s and is paid without "
                             "rounding: DKK %s",
    [L_EX_ROUND_CAP]       = "One more unit would give more than DKK %s (R3): DKK %s",
    [L_EX_ROUND_RAISE]     = "Raised (R4) to what an application with a smaller assessment got "
                             "in full: DKK %s",
    [L_EX_ROUND_RAISE_NR]  = "Raised (R4) to what application no. %s, with a smaller assessment, "
                             "got in full: DKK %s",
    [L_EX_WHY_MIN]         = "below the minimum grant (DKK %s)",
    [L_EX_WHY_ROUNDED]     = "rounded down to DKK 0",
    [L_EX_WHY_RULE]        = "the rule gives a share of DKK 0",
    [L_EX_WHY_HOLDER]      = "holds a running multi-year grant",
    [L_EX_WHY_ZERO]        = "assessed at DKK 0",
    [L_EX_NO_FORMULA]      = "Computed share = DKK %s",
    [L_EX_ROUND_WHOLE]     = "The share is whole kroner and is paid without rounding: DKK %s",

    [L_OD_DESCRIPTION]     = "Grant from %s %d",
    [L_OD_DESCRIPTION_MY]  = "Multi-year grant from %s %d: DKK %s a year for %d years",

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
    [L_MY_ROW_CHECK]       = "The cap is kept",
    [L_MY_YEAR_HEADER]     = "Year",
    [L_MY_CONDITIONAL]     = "Grants for years 2 and 3 are given on condition that the pool's "
                             "budget is not cut significantly in the coming years.",
    [L_MY_ESTIMATED]       = "The budgets of later years are not adopted: the amounts in the "
                             "pool file are used (else this year's money).",
    [L_MY_OVER_BEFORE]     = "The cap was already exceeded by earlier commitments: no new "
                             "multi-year commitments that year.",

    [L_COL_YEARS_ASKED]    = "Years (asked)",
    [L_COL_YEARS_GRANTED]  = "Years (granted)",
    [L_COL_YEAR_AMOUNT]    = "%d (DKK)",
    [L_COL_MY_NOTE]        = "Multi-year: note",

    [L_SUM_BOUND]          = "Bound in multi-year grants %d",
    [L_SUM_HONOURED]       = "Multi-year grants",

    [L_EM_UNUSED]          = "%s: not handed out (to the residual)",
    [L_EM_RETURNED]        = "Earmarked money not handed out, given to new grants (DKK)",
    [L_EM_SHEET]           = "Supplement %s",
    [L_EM_TITLE]           = "%s - %s %d",
    [L_EM_COL_TIER]        = "Tier",
    [L_EM_COL_ASKED]       = "Supplement applied for (DKK)",
    [L_EM_COL_ASSESSED]    = "Supplement assessed (DKK)",
    [L_EM_COL_GRANT]       = "Supplement granted (DKK)",
    [L_EM_COL_NOTE]        = "Note",
    [L_EM_ST_GRANTED]      = "Granted",
    [L_EM_ST_REDUCED]      = "Reduced in tier %d, where the money ran out",
    [L_EM_ST_GONE]         = "The money ran out in an earlier tier",
    [L_EM_ST_NOT_ELIGIBLE] = "Does not meet the required criteria",
    [L_EM_ST_NO_GRANT]     = "No ordinary grant to add the supplement to",
    [L_EM_ROW_MONEY]       = "Earmarked money (DKK)",
    [L_EM_ROW_GRANTED]     = "Handed out as supplements (DKK)",
    [L_EM_ROW_UNUSED]      = "Not handed out (DKK)",
    [L_EM_FALLBACK]        = "The pool's rule protected more than was left in tier %d; the "
                             "tier is therefore shared proportionally.",
    [L_EM_TIER_DESC]       = "Tier %d: %s",
    [L_EM_REQUIRED]        = "Required criteria: %s",
    [L_COL_SUPPLEMENT]     = "Supplement: %s (DKK)",

    [L_CMP_SHEET_GRANTS]   = "Comparison",
    [L_CMP_SHEET_SUMMARY]  = "Key figures per rule",
    [L_CMP_SHEET_CHART]    = "Chart",
    [L_CMP_SHEET_ECONOMY]  = "Economy per rule",
    [L_CMP_SHEET_SWEEP]    = "Sensitivity",
    [L_CMP_TITLE]          = "Comparison of reduction rules - %s %d",
    [L_CMP_BASELINE]       = "Differences are relative to: %s",
    [L_CMP_COL_GRANT_OF]   = "%s: grant (DKK)",
    [L_CMP_COL_DIFF_OF]    = "%s: difference (DKK)",
    [L_CMP_RULE]           = "Rule",
    [L_CMP_DESCRIPTION]    = "Description",
    [L_CMP_GRANTED]        = "Grants in total (DKK)",
    [L_CMP_RESIDUAL]       = "Residual (DKK)",
    [L_CMP_N_REDUCED]      = "Number reduced",
    [L_CMP_N_REFUSED]      = "Number refused by the rule",
    [L_CMP_MAX_CUT]        = "Largest reduction (%)",
    [L_CMP_MEDIAN_CUT]     = "Median reduction (%)",
    [L_CMP_GINI]           = "Inequality of the reductions (Gini: 0 = equal, 1 = one bears all)",
    [L_CMP_ORDER_VIOLATIONS] = "Order violations: larger assessment, smaller grant",
    [L_CMP_PROP_SUM]       = "Grants + residual = the money",
    [L_CMP_PROP_BOUNDS]    = "0 ≤ grant ≤ assessed",
    [L_CMP_PROP_ORDER_AWARDS] = "A larger assessment never gets a smaller grant",
    [L_CMP_PROP_ORDER_LOSSES] = "A larger assessment never loses less",
    [L_CMP_PROP_MONOTONE]  = "More money gives no one less",
    [L_EX_EARMARK_ASKED]   = "Supplement from %s: asked DKK %s, assessed DKK %s",
    [L_EX_EARMARK_TIER]    = "Tier %d: meets %s",
    [L_EX_EARMARK_GRANT]   = "Supplement granted: DKK %s",
    [L_EX_TOTAL_WITH]      = "Total with supplements: DKK %s",
    [L_SUM_BOUND_VALUE]    = "DKK %s = %s (cap %s)",
    [L_SUM_SUPPLEMENTS]    = "Supplements granted (%s)",
    [L_CMP_SWEEP_CAP]      = "Multi-year cap (%)",
    [L_CMP_SWEEP_BOUND_MY] = "Bound in multi-year grants, first year (DKK)",
    [L_YES]                = "Yes",
    [L_NO]                 = "No",
    [L_CMP_CHART_TITLE]    = "Grant by assessed amount, per rule",
    [L_CMP_CHART_X]        = "Assessed (DKK)",
    [L_CMP_CHART_Y]        = "Grant (DKK)",
    [L_CMP_SWEEP_TITLE]    = "Sensitivity: %s, %s varied",
    [L_CMP_SWEEP_THRESHOLD] = "Threshold (DKK)",
    [L_CMP_SWEEP_MAX]      = "Maximum grant (DKK)",
    [L_CMP_SWEEP_FACTOR]   = "Reduction factor",
    [L_CMP_SWEEP_BOUND]    = "Paid in full before any reduction (DKK)",
    [L_CMP_SWEEP_CHART]    = "Reduction factor and number reduced",
    [L_CMP_FACTOR]         = "Granted / assessed",
    [L_CMP_PROP_TITLE]     = "Comparison of rules: %s %d",
    [L_CMP_BASELINE_MARK]  = " (baseline)",
    [L_CMP_TERM_REDUCED]   = "red.",
    [L_CMP_TERM_REFUSED]   = "ref.",
    [L_CMP_TERM_MAX]       = "max.",
    [L_CMP_TERM_MEDIAN]    = "median",
    [L_CMP_TERM_GINI]      = "Gini",
    [L_CMP_TERM_VIOLATIONS] = "viol.",

    [L_SHEET_SUMMARY]      = "Summary",
    [L_RS_TITLE]           = "Summary - %s %d",
    [L_RS_COMMITTEE]       = "Committee",
    [L_RS_BUDGET]          = "Total available (DKK)",
    [L_RS_RESERVED]        = "Reserved (DKK)",
    [L_RS_EARMARKED]       = "Earmarked money (DKK)",
    [L_RS_SUPPLEMENTS]     = "Of which granted as supplements (DKK)",
    [L_RS_GRANTED]         = "Recommended grants in total (DKK)",
    [L_RS_GRANTED_WITH]    = "Recommended grants and supplements in total (DKK)",
    [L_RS_RESIDUAL]        = "Residual (DKK)",
    [L_RS_N_GRANTED]       = "Number of grants",
    [L_RS_CUT_FACTOR]      = "Reduced amounts are cut by (%)",
    [L_RS_CUT_TOTAL]       = "Total reduction: reduction in total / assessed in total (%)",
    [L_RS_MY_HEADING]      = "Multi-year commitments",
    [L_RS_MY_BOUND]        = "Bound: earlier + new commitments (DKK)",
    [L_RS_BANDS_HEADING]   = "Applications by assessed amount",
    [L_RS_COL_COUNT]       = "Number",
    [L_RS_BAND_UPTO]       = "Up to DKK %s",
    [L_RS_BAND_RANGE]      = "DKK %s–%s",
    [L_RS_BAND_OVER]       = "Over DKK %s",
    [L_RS_BAND_REFUSED]    = "Refused (assessed DKK 0)",
    [L_RS_CHECK]           = "Check: total minus the key figures above (must be 0)",
    [L_RS_CHART_TITLE]     = "Applied for and recommended grants by assessed amount",
    [L_RS_CHART_X]         = "Assessed amount",
    [L_RS_CHART_Y]         = "DKK",
    [L_WARN_PREFIX]        = "warning",
    [L_RS_WARNINGS]        = "Warnings",
    [L_RS_WARNINGS_MORE]   = "... and %s more warnings; pulje check shows them all",
    [L_WARN_NO_LEDGER]     = "No earlier commitments are reserved for %d – is that right?",
    [L_RS_CASE_NUMBER] = "Case number",
    [L_RS_MEETING] = "Meeting and decision date",
    [L_RS_GUIDELINES] = "Guidelines",
    [L_RS_RECOMMEND_HEAD] = "Recommendation",
    [L_RS_RECOMMENDATION] = "The administration recommends that %s approves the distribution of %s %d: %s grants of DKK %s in total, as shown in Appendix 1 (the sheet Samlet oversigt).",
    [L_RS_RECOMMEND_SUPP] = "In addition, supplements of DKK %s in total from %s.",
    [L_RS_DECISION_HEAD] = "Decision",
    [L_RS_DECISION] = "The committee's decision:",
    [L_RS_DECISION_DATE] = "Date:",
    [L_RS_DECISION_SIGN] = "Signature:",
    [L_RS_NOTES] = "Notes",
    [L_RS_NOTE_RULE] = "The rule: %s",
    [L_RS_NOTE_ORDER] = "The rule's consequence: %s applications get a smaller grant than an application assessed at a smaller amount:",
    [L_RS_NOTE_ORDER_ITEM] = "no. %s %s: assessed DKK %s, grant DKK %s (no. %s %s: assessed DKK %s, grant DKK %s)",
    [L_RS_NOTE_ORDER_MORE] = "... and %s more applications (see Appendix 1).",
    [L_RS_NOTE_ORDER_NONE] = "The rule's consequence: no application gets a smaller grant than an application assessed at a smaller amount.",
    [L_RS_NOTE_ROUNDING] = "Rounding: reduced grants are rounded down to a multiple of DKK %s; DKK %s is not handed out and stands in the line »%s« on the sheet Økonomi.",
    [L_RS_NOTE_RESIDUAL] = "Residual: DKK %s is not handed out and stands in the line »%s« on the sheet Økonomi.",
    [L_RS_NOTE_WARNING] = "Warning from the run: %s",
    [L_RS_NOTE_MY] = "Multi-year grants: %s of %s applications for a multi-year grant are honoured; the sheet Flerårige shows each one and the reason.",
    [L_RS_GRANT_SHARE] = "Granted / assessed (%)",
    [L_COL_TOTAL_WITH] = "Total incl. supplements",
    [L_MY_LIST_HEAD] = "Applications for a multi-year grant",
    [L_MY_COL_OUTCOME] = "Decision and reason",
    [L_MY_RES_HEAD] = "Reservations by year (ledger and new multi-year grants)",
    [L_MY_COL_ID] = "Ledger no.",
    [L_MY_COL_DECIDED] = "Decided",
    [L_MY_COL_KIND] = "Kind",
    [L_MY_KIND_MULTI] = "Multi-year grant",
    [L_MY_KIND_AGREEMENT] = "Operating agreement",
    [L_MY_KIND_NEW] = "New multi-year grant (this recommendation)",
    [L_MY_NONE] = "No applications for a multi-year grant.",
    [L_CMP_PROP_LEGEND] = "The properties (Yes/No): Grants + residual = the money: nothing is lost. 0 ≤ grant ≤ assessed: nobody gets more than assessed. A larger assessment never gets a smaller grant: the order is kept. A larger assessment never loses less: the larger application bears at least the same cut in DKK. More money gives nobody less: with more money no grant falls.",
    [L_CSV_PER_YEAR]       = "Grant per year",
    [L_CSV_REASON]         = "Reason",
    [L_CSV_TOTAL]          = "Total (all years, with supplements)",
    [L_WHY_FULL]           = "granted as assessed",
    [L_WHY_REDUCED]        = "reduced by the pool's rule",
    [L_WHY_CAPPED]         = "cut to the maximum grant (DKK %s)",
    [L_MB_SHEET]           = "Conflicts of interest",
    [L_MB_ROLE_COMMITTEE]  = "committee",
    [L_MB_ROLE_PANEL]      = "assessment panel",
    [L_MB_COL_MEMBER]      = "Member",
    [L_MB_COL_ROLE]        = "Role",
    [L_MB_COL_TIE]         = "Tie",
    [L_OD_TX_YEAR]         = "Grant %d",
    [L_OD_TX_YEAR_SUPP]    = "Grant %d with a supplement of DKK %s",
    [L_KF_BUDGET] = "Total available",
    [L_KF_RESERVED] = "Reserved for commitments and agreements",
    [L_KF_EARMARKED] = "Earmarked money",
    [L_KF_RETURNED] = "Unused earmarked money given to new grants",
    [L_KF_AVAILABLE] = "Available for new grants",
    [L_KF_GRANTED] = "Recommended grants in total",
    [L_KF_SUPPLEMENTS] = "Supplements from earmarked money",
    [L_KF_GRANTED_WITH] = "Grants and supplements in total",
    [L_KF_EM_UNUSED] = "Earmarked money not handed out",
    [L_KF_RESIDUAL] = "Residual",
    [L_KF_N_APPS] = "Number of applications",
    [L_KF_APPLIED] = "Applied for in total",
    [L_KF_ASSESSED] = "Assessed in total before reduction",
    [L_KF_N_GRANTED] = "Number of grants",
    [L_KF_N_REDUCED] = "Of which reduced",
    [L_KF_N_REFUSED] = "Number of refusals",
    [L_KF_FACTOR] = "Reduction factor",
    [L_KF_GRANT_SHARE] = "Granted / assessed",
    [L_KF_MY_REQUESTED] = "Applied for a multi-year grant",
    [L_KF_MY_HONOURED] = "Of which honoured",
    [L_KF_MY_BOUND] = "Bound in multi-year grants",
    [L_KF_MY_BOUND_YEAR] = "Bound in multi-year grants %d",
    [L_KF_MY_BOUND_SHARE] = "%s (cap %s)",
    [L_KF_GROUP_MONEY] = "Money",
    [L_KF_GROUP_APPS] = "Applications",
    [L_KF_GROUP_MY] = "Multi-year grants",
    [L_KF_IN_KR] = "%s (DKK)",
    [L_DF_SHEET] = "Changes since run %d",
    [L_DF_TITLE] = "Changes from %s to %s",
    [L_DF_RUN] = "run %d (%s)",
    [L_DF_POOL] = "Changed for the whole pool:",
    [L_DF_NONE] = "No application changed.",
    [L_DF_COL_BEFORE] = "Grant before",
    [L_DF_COL_AFTER] = "Grant now",
    [L_DF_COL_DELTA] = "Change",
    [L_DF_COL_SUPP_BEFORE] = "Supplements before",
    [L_DF_COL_SUPP_AFTER] = "Supplements now",
    [L_DF_COL_YEARS] = "Years before → now",
    [L_DF_COL_STATUS] = "Status before → now",
    [L_DF_COL_CAUSE] = "Cause",
    [L_DF_CAUSE_ASSESSED] = "assessed amount DKK %s → DKK %s",
    [L_DF_CAUSE_APPLIED] = "amount applied for DKK %s → DKK %s",
    [L_DF_CAUSE_REFUSAL] = "refusal in the application: \"%s\" → \"%s\"",
    [L_DF_CAUSE_YEARS] = "years asked %d → %d",
    [L_DF_CAUSE_RULE] = "the rule %s → %s",
    [L_DF_CAUSE_BUDGET] = "the budget DKK %s → DKK %s",
    [L_DF_CAUSE_LEDGER] = "reserved (ledger) DKK %s → DKK %s",
    [L_DF_CAUSE_LEDGER_FILE] = "the ledger file changed",
    [L_DF_CAUSE_EARMARK] = "earmarked DKK %s → DKK %s",
    [L_DF_CAUSE_PARAM] = "%s %s → %s",
    [L_DF_CAUSE_POOL] = "the pool file changed (other keys)",
    [L_DF_CAUSE_OTHERS] = "others' changes (the shared factor moved)",
    [L_DF_CAUSE_NEW] = "new application",
    [L_DF_CAUSE_REMOVED] = "the application was removed",
    [L_DF_CAUSE_UNKNOWN] = "no changed input found",
    [L_DF_TOTAL_GRANTED] = "Grants in total: DKK %s → DKK %s (%s)",
    [L_DF_TOTAL_SUPP] = "Supplements in total: DKK %s → DKK %s (%s)",
    [L_DF_TOTAL_ASSESSED] = "Assessed in total: DKK %s → DKK %s (%s)",
    [L_DF_COUNTS] = "Applications: %s → %s; %s changed, %s new, %s removed, %s unchanged",
    [L_DF_SHORT_RULE] = "the rule",
    [L_DF_SHORT_BUDGET] = "the budget",
    [L_DF_SHORT_LEDGER] = "the ledger",
    [L_DF_SHORT_EARMARK] = "the earmark",
    [L_DF_SHORT_PARAM] = "the pool's %s",
    [L_DF_THIS_RUN] = "this run",
    [L_LT_TEMPLATE] =
        "# letter.txt - the template of the decision letters (pulje letters).\n"
        "# Lines starting with # are comments. {field} is replaced by the\n"
        "# application's value (the fields are listed in the README under \"Letters\").\n"
        "# A blank line separates paragraphs; a paragraph starting with \"## \" is a\n"
        "# heading; a paragraph that is empty once its fields are filled in is left out.\n"
        "\n"
        "[subject]\n"
        "Decision on a grant from {pulje} {år} - application no. {nr}\n"
        "\n"
        "[granted]\n"
        "Dear {forening}\n"
        "\n"
        "On {dato} the {udvalg} considered your application for a grant to \"{indsats}\". You receive a grant of {tilskud_pr_aar}.\n"
        "\n"
        "{flerårig}\n"
        "\n"
        "{tillæg_tekst}\n"
        "\n"
        "## Reasons\n"
        "{begrundelse}\n"
        "\n"
        "[partial]\n"
        "Dear {forening}\n"
        "\n"
        "On {dato} the {udvalg} considered your application for a grant to \"{indsats}\". You applied for {ansøgt} and receive a grant of {tilskud_pr_aar}. The reasons are given below (section 22 of the Public Administration Act).\n"
        "\n"
        "{flerårig}\n"
        "\n"
        "{tillæg_tekst}\n"
        "\n"
        "## Reasons\n"
        "{begrundelse}\n"
        "\n"
        "[refused]\n"
        "Dear {forening}\n"
        "\n"
        "On {dato} the {udvalg} considered your application for a grant of {ansøgt} to \"{indsats}\". We regret that you do not receive a grant.\n"
        "\n"
        "## Reasons\n"
        "{begrundelse}\n"
        "\n"
        "[conditions]\n"
        "## Conditions\n"
        "The grant may only be used for the activity you applied for, in the year it is granted for. Money not used must be paid back to the municipality. {afrapportering}\n"
        "\n"
        "[closing]\n"
        "The decision is made under section 18 of the Social Services Act and the pool's guidelines. If you have questions, please contact the administration with the application's number.\n"
        "\n"
        "[signature]\n"
        "Yours sincerely\n"
        "\n"
        "{udvalg}\n",
    [L_LT_KR] = "DKK %s",
    [L_LT_DECISION_GRANTED] = "Granted",
    [L_LT_DECISION_PARTIAL] = "Partly granted",
    [L_LT_DECISION_REFUSED] = "Refused",
    [L_LT_META_DATE] = "Date",
    [L_LT_META_CASE] = "Case no.",
    [L_LT_META_NR] = "Application no.",
    [L_LT_CVR] = "CVR no. %s",
    [L_LT_FIG_HEADING] = "The grant in figures",
    [L_LT_FIG_APPLIED] = "Applied for",
    [L_LT_FIG_ASSESSED] = "Assessed by the panel",
    [L_LT_FIG_GRANT] = "Grant per year",
    [L_LT_FIG_YEARS] = "Years",
    [L_LT_FIG_SUPP] = "Supplement from %s",
    [L_LT_FIG_TOTAL] = "Total, all years with supplements",
    [L_LT_CALC_HEADING] = "How the grant was calculated",
    [L_LT_WHY_PANEL] = "The assessment panel has assessed the application and recommends a refusal for this reason: %s.",
    [L_LT_WHY_ZERO] = "The assessment panel has assessed the application at DKK 0.",
    [L_LT_WHY_HOLDER] = "You already hold a running multi-year grant from the pool, so you cannot receive a new grant this year.",
    [L_LT_WHY_MIN] = "The pool's money does not cover every assessed amount. Under the pool's rule your share came to %s, which is below the pool's smallest grant of %s.",
    [L_LT_WHY_ROUNDED] = "The pool's money does not cover every assessed amount. Under the pool's rule your share came to %s, which was rounded down to DKK 0.",
    [L_LT_WHY_FULL] = "You receive the whole amount you applied for.",
    [L_LT_WHY_ASSESSED] = "The assessment panel has assessed the application at %s of the %s applied for.",
    [L_LT_WHY_NOTE] = "The panel's remark: %s.",
    [L_LT_WHY_NOT_REDUCED] = "The assessed amount is granted in full.",
    [L_LT_WHY_RULE] = "The pool's money does not cover every assessed amount, so it has been shared by the pool's rule: %s.",
    [L_LT_WHY_FACTOR] = "The assessed amount of %s was multiplied by the factor %s, which gives %s.",
    [L_LT_WHY_EXCESS] = "The part of the amount above DKK %s was multiplied by the factor %s, which gives %s.",
    [L_LT_WHY_SHARE] = "Your share under the rule is %s.",
    [L_LT_WHY_CAPPED] = "The grant was lowered to the pool's largest grant of %s.",
    [L_LT_WHY_FLOOR] = "The amount was rounded down to a multiple of DKK %s: %s.",
    [L_LT_WHY_UNIT] = "The amount was rounded down to a multiple of DKK %s and then raised by one unit from the money the rounding freed: %s.",
    [L_LT_WHY_RAISE] = "The amount was raised to %s so that it is not below a smaller amount granted in full.",
    [L_LT_WHY_MY] = "You applied for %d years, but the grant is for one year, because %s.",
    [L_LT_MY_TOO_YOUNG] = "a multi-year grant needs at least %d years of activity",
    [L_LT_MY_AGE_UNKNOWN] = "the application does not say how many years the association has been active",
    [L_LT_MY_NOT_EXCEPTIONAL] = "a three-year grant is given only as an exception",
    [L_LT_MY_CAP] = "there is no room under the cap on multi-year grants",
    [L_LT_MULTIYEAR] = "The grant is for %d years, %d-%d, with %s a year. The grant in the later years requires that the money is in the budget and that the report and accounts of the year before are approved.",
    [L_LT_SUPP] = "In addition you receive a supplement of %s from %s.",
    [L_LT_DUTY_SHORT] = "a short report on the activity",
    [L_LT_DUTY_ACCOUNTS] = "a report and accounts",
    [L_LT_DUTY_AUDITED] = "a report and audited accounts",
    [L_LT_REPORTING_DEADLINE] = "You must hand in %s by %s.",
    [L_LT_REPORTING] = "You must hand in %s when the activity has ended.",
    [L_LT_MONTHS] = "January February March April May June July August September October November December",
    [L_LT_DATE] = "%d %s %d",
    [L_LT_FOOTER] = "%s %d · application no. %s · page %d",
    [L_LT_CONTINUED] = "%s, application no. %s (continued)",
    [L_FU_REFUSAL] = "The report on the %d grant has not been received",
    [L_FU_REPAID_LINE] = "Money paid back from %s %d",
    [L_LT_MERGE_SHEET] = "Mail merge",
};

const char *label_text_en(label_id id)
{
    if ((unsigned)id >= (unsigned)L__COUNT)
        return NULL;
    return labels_en[id];
}
