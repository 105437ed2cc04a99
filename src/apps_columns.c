/* apps_columns.c - The applications' column registry (apps.h): each column's
 * whole contract in one row, read by the reader (apps.c), the templates of
 * `pulje init` (init.c) and the README's column table (test_apps). */
#include <stddef.h>

#include "apps_internal.h"
#include "money.h"
#include "messages.h"

#define FIELD(f) offsetof(app, f)

/* Every column's contract, in the order of the templates (the default file
 * has this order too). */
const apps_column apps_columns[] = {
    [COL_NR] = {
        .col = {.key = "nr", .header = "Nr",
                .aliases = {"Nummer", "Ansøgningsnr", "Ans. nr.", "Løbenr", NULL},
                .required = true, .meaning = "application number, unique in the file"},
        .kind = APPS_ID, .field = FIELD(nr),
        .note = {"Ansøgningens nummer; hvert nummer én gang.",
                 "The application number; each number once."},
        .width = 10, .format = APPS_FORMAT_TEXT,
    },
    [COL_CVR] = {
        .col = {.key = "cvr", .header = "CVR", .aliases = {"CVR-nr", "CVR-nummer", NULL},
                .meaning = "the association's CVR number"},
        .kind = APPS_ID, .field = FIELD(cvr),
        .note = {"Foreningens CVR-nummer (8 cifre); må stå tomt.",
                 "The association's CVR number (8 digits); may be empty."},
        .width = 10, .format = APPS_FORMAT_TEXT,
    },
    [COL_ASSOCIATION] = {
        .col = {.key = "association", .header = "Forening",
                .aliases = {"Foreningens navn", "Organisation", NULL}, .required = true,
                .meaning = "the applying association"},
        .kind = APPS_TEXT, .field = FIELD(association),
        .note = {"Foreningens navn.", "The association's name."},
        .width = 24,
    },
    [COL_ACTIVITY] = {
        .col = {.key = "activity", .header = "Indsats",
                .aliases = {"Aktivitet", "Projekt", "Indsatsens navn", NULL}, .required = true,
                .meaning = "the activity applied for"},
        .kind = APPS_TEXT, .field = FIELD(activity),
        .note = {"Indsatsen, der søges til.", "The activity applied for."},
        .width = 24,
    },
    [COL_APPLIED] = {
        .col = {.key = "applied", .header = "Ansøgt",
                .aliases = {"Ansøgt beløb", "Ansøgt (kr.)", "ansogt", "Ansøgt beløb (kr.)",
                            "Søgt beløb"},
                .required = true,
                .meaning = "amount applied for (per year), whole kroner: `50.000` or `50000`"},
        .kind = APPS_AMOUNT, .field = FIELD(applied), .min = 0, .max = MONEY_MAX,
        .note = {"Ansøgt beløb i hele kroner.", "Amount applied for, whole kroner."},
        .width = 13, .format = APPS_FORMAT_KR, .check = APPS_CHECK_RANGE,
    },
    [COL_ASSESSED] = {
        .col = {.key = "assessed", .header = "Indstillet",
                .aliases = {"Indstillet beløb", "Vurderet", "indstillet (kr.)", "Vurderet beløb",
                            "Indstillet beløb (kr.)"},
                .required = true,
                .meaning = "the assessed amount; empty means as applied; `0` with a refusal"},
        .kind = APPS_AMOUNT, .field = FIELD(assessed), .min = 0, .max = MONEY_MAX,
        .note = {"Indstillingsudvalgets beløb i hele kroner; tomt = som ansøgt; 0 ved afslag.",
                 "The assessment panel's amount, whole kroner; empty = as applied; 0 if "
                 "refused."},
        .width = 13, .format = APPS_FORMAT_KR, .check = APPS_CHECK_RANGE,
    },
    [COL_REFUSAL] = {
        .col = {.key = "refusal", .header = "Afslag/begrundelse",
                .aliases = {"Afslag", "Begrundelse", "Begrundelse for afslag",
                            "Afslagsbegrundelse", NULL},
                .required = true,
                .meaning = "a refusal reason; any text here refuses the application"},
        .kind = APPS_TEXT, .field = FIELD(refusal),
        .note = {"Begrundelse for afslag; al tekst her betyder afslag.",
                 "Reason for a refusal; any text here means the application is refused."},
        .width = 24,
    },
    {
        .col = {.key = "years", .header = "Antal år",
                .aliases = {"År søgt", "Antal aar", "Antal år søgt", NULL},
                .meaning = "years applied for: 1, 2 or 3 (empty: 1)"},
        .kind = APPS_COUNT, .field = FIELD(years), .min = 1, .max = 3, .empty = 1,
        .what = "1, 2 or 3",
        .hint = MSG_N("write 1, 2 or 3 (the years applied for), or leave it empty for 1"),
        .note = {"Antal år, der søges: 1, 2 eller 3 (tomt = 1).",
                 "Years applied for: 1, 2 or 3 (empty = 1)."},
        .width = 10, .check = APPS_CHECK_LIST,
    },
    {
        .col = {.key = "active_years", .header = "År aktiv",
                .aliases = {"Antal år aktiv", "Aar aktiv", NULL},
                .meaning = "years the activity has run, 0 to 500 (multi-year grants need "
                           "`min_active_years`)"},
        .kind = APPS_COUNT, .field = FIELD(active_years), .min = 0, .max = 500, .empty = -1,
        .what = "a whole number of years up to 500",
        .hint = MSG_N("write how many years the activity has run, like 5, or leave it empty"),
        .note = {"Antal år, aktiviteten har kørt (flerårige tilskud kræver mindst 5).",
                 "Years the activity has run (multi-year grants need at least 5)."},
        .width = 10, .check = APPS_CHECK_RANGE,
    },
    {
        .col = {.key = "exceptional", .header = "Undtagelse",
                .aliases = {"Særligt tilfælde", "Undtagelsestilfælde", NULL},
                .meaning = "`ja` marks a 3-year request as exceptional (required for 3 years)"},
        .kind = APPS_YES_NO, .field = FIELD(exceptional),
        .what = "ja or nej",
        .hint = MSG_N("write ja (or x) for an exceptional case; nej, 0 or empty otherwise"),
        .note = {"ja, hvis et 3-årigt tilskud er et særligt tilfælde; ellers nej eller tomt.",
                 "ja (yes) if a 3-year grant is an exceptional case; else nej (no) or empty."},
        .width = 12, .check = APPS_CHECK_LIST,
    },
    {
        .col = {.key = "priority", .header = "Prioritet",
                .aliases = {"Prioritering", "Prio", NULL},
                .meaning = "the panel's priority among multi-year requests, 1 first"},
        .kind = APPS_COUNT, .field = FIELD(priority), .min = 1, .max = 999999999, .empty = 0,
        .what = "a positive whole number",
        .hint = MSG_N("write 1 for the first priority, 2 for the next, and so on, or leave it empty"),
        .note = {"Indstillingsudvalgets prioritet blandt flerårige ansøgninger, 1 først; tomt "
                 "hvis ingen.",
                 "The panel's priority among multi-year requests, 1 first; empty if none."},
        .width = 10, .check = APPS_CHECK_RANGE,
    },
    {.col = {.key = NULL}},
};

size_t apps_n_columns(void)
{
    size_t n = 0;
    while (apps_columns[n].col.key)
        n++;
    return n;
}

