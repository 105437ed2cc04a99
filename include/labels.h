/* labels.h - Every text shown to people, in one table (Danish; English later).
 *
 * Report and command-line code ask for a label by id; no Danish literal
 * appears anywhere else. */
#ifndef PULJE_LABELS_H
#define PULJE_LABELS_H

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
    L_RULE_THRESHOLD,       /* Forholdsmæssig reduktion af indstillede beløb over %s kr. */
    L_RULE_PROPORTIONAL,    /* Forholdsmæssig reduktion af alle indstillede beløb */
    /* terminal summary */
    L_SUM_BUDGET, L_SUM_RESERVED, L_SUM_EARMARKED, L_SUM_AVAILABLE, L_SUM_ASSESSED,
    L_SUM_FACTOR, L_SUM_REDUCED, L_SUM_REFUSED, L_SUM_GRANTED, L_SUM_RESIDUAL,
    L_SUM_APPLICATIONS, L_SUM_APPLIED, L_SUM_WROTE,
    L_KR,                   /* kr. */
    /* document properties */
    L_PROP_TITLE, L_PROP_SUBJECT, L_PROP_AUTHOR,
    L__COUNT
} label_id;

/** @brief The text for a label (never NULL). Some are printf formats, as noted above. */
const char *label(label_id id);

#endif
