/* keyfigures.h - The run's key figures: one list behind every view of them.
 *
 * One table (keyfigures_table()) names each key figure once: its label (the
 * same words in every view; Danish in labels.c, English in labels_en.c), its
 * kind (an amount, a count, a ratio or one amount per year), its group (the
 * money, the applications, the multi-year grants), how it is computed from
 * the result, and which views show it: the terminal summary (terminal.c),
 * the Resumé sheet (report_summary.c) and the key figures under Økonomi's
 * table (report.c). The table's order is the order every view shows them
 * in. A view asks keyfigures_compute() for the values and writes the figures
 * it shows, so a figure has the same label and the same value everywhere.
 *
 * The money adds up exactly: available = budget - reserved - earmarked +
 * returned, and granted + residual = available. */
#ifndef PULJE_KEYFIGURES_H
#define PULJE_KEYFIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"
#include "labels.h"
#include "money.h"
#include "multiyear.h"
#include "pool.h"

/* Every key figure, in the order the views show them. */
typedef enum keyfig_id {
    /* the money */
    KF_BUDGET,        /* Samlet rådighedsbeløb */
    KF_RESERVED,      /* Reserveret til tilsagn og aftaler */
    KF_EARMARKED,     /* Øremærkede midler */
    KF_RETURNED,      /* Ikke uddelte øremærkede midler givet til nye tilskud (when > 0) */
    KF_AVAILABLE,     /* Til rådighed for nye tilskud */
    KF_GRANTED,       /* Indstillede tilskud i alt */
    KF_SUPPLEMENTS,   /* Tillæg af øremærkede midler (with earmarks) */
    KF_GRANTED_WITH,  /* Tilskud og tillæg i alt (with earmarks) */
    KF_EM_UNUSED,     /* Øremærkede midler ikke uddelt (when > 0) */
    KF_RESIDUAL,      /* Restmidler */
    /* the applications */
    KF_N_APPS,        /* Antal ansøgninger */
    KF_APPLIED,       /* Ansøgt i alt */
    KF_ASSESSED,      /* Indstillet i alt før reduktion */
    KF_N_GRANTED,     /* Antal tilskud */
    KF_N_REDUCED,     /* Heraf reduceret */
    KF_N_REFUSED,     /* Antal afslag */
    KF_FACTOR,        /* Reduktionsfaktor (one factor cut something) */
    KF_GRANT_SHARE,   /* Tildelt / indstillet (assessed > 0) */
    /* the multi-year grants */
    KF_MY_REQUESTED,  /* Ansøgt om flerårig bevilling */
    KF_MY_HONOURED,   /* Heraf imødekommet */
    KF_MY_BOUND,      /* Bundet i flerårige tilsagn, per year, against the cap */
    KF__COUNT
} keyfig_id;

typedef enum keyfig_kind {
    KF_KR,    /* an amount in kroner: value */
    KF_COUNT, /* a number of applications: value */
    KF_RATIO, /* num / den, exact; shown with 4 decimals */
    KF_YEARS  /* one amount per year against the year's money and the cap: years[] */
} keyfig_kind;

typedef enum keyfig_group { KF_GROUP_MONEY, KF_GROUP_APPS, KF_GROUP_MY, KF__GROUPS } keyfig_group;

/* The views, as bits of keyfig_def.views. */
enum { KF_TERMINAL = 1u, KF_RESUME = 2u, KF_ECONOMY = 4u };

typedef struct keyfig keyfig;
typedef struct keyfigs keyfigs;

/* One row of the table. */
typedef struct keyfig_def {
    keyfig_id id;
    label_id label;     /* the figure's words, in every view */
    keyfig_kind kind;
    keyfig_group group;
    unsigned views;     /* KF_TERMINAL | KF_RESUME | KF_ECONOMY */
    /* fills f->value (or num/den, years) and f->shown from the result */
    void (*compute)(const pool *p, const alloc_result *r, keyfig *f);
} keyfig_def;

/* One year of KF_MY_BOUND. */
typedef struct keyfig_year {
    int year;
    pulje_kr bound; /* earlier + new multi-year commitments */
    pulje_kr money; /* the pool's money that year */
} keyfig_year;

/* One figure's value. */
struct keyfig {
    const keyfig_def *def;
    bool shown;               /* false: the figure does not apply to this run */
    pulje_kr value;           /* KF_KR, KF_COUNT */
    pulje_wide num, den;      /* KF_RATIO: den > 0 */
    keyfig_year years[MY_YEARS]; /* KF_YEARS */
    int cap_bp;               /* KF_YEARS: the cap in basis points */
};

/* Every figure of one run, indexed by keyfig_id. */
struct keyfigs {
    keyfig v[KF__COUNT];
};

/**
 * @brief The table: n (KF__COUNT) rows, row i for keyfig_id i, in the order
 * the views show them. This function can't fail.
 */
const keyfig_def *keyfigures_table(size_t *n);

/**
 * @brief Compute every key figure of a result (r from alloc_run() on p).
 * Pure computation; this function can't fail.
 * @code
 * keyfigs k;
 * keyfigures_compute(p, r, &k);
 * if (keyfig_in(&k.v[KF_FACTOR], KF_TERMINAL)) ...
 * @endcode
 */
void keyfigures_compute(const pool *p, const alloc_result *r, keyfigs *out);

/** @brief True when figure f applies to the run and the view (KF_TERMINAL, ...) shows it. */
bool keyfig_in(const keyfig *f, unsigned view);

/** @brief The label of a group ("Midler", "Ansøgninger", "Flerårige bevillinger"). */
label_id keyfig_group_label(keyfig_group g);

/**
 * @brief The figure's label as a sheet writes it: the label, with " (kr.)"
 * (" (DKK)" in English) for an amount, as the workbook's headers have their
 * unit. Truncates to size; returns buf.
 */
char *keyfig_sheet_label(const keyfig *f, char *buf, size_t size);

/** @brief f's ratio as a double, for a spreadsheet cell (KF_RATIO). */
double keyfig_ratio(const keyfig *f);

#endif
