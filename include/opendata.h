/* opendata.h - The decided grants as open data, in the 360Giving Standard's CSV layout.
 *
 * Also the whole award and the reason in words, shared with the decisions CSV.
 *
 * One row per grant above 0 kr., UTF-8 (no byte-order mark), ',' between
 * fields, CRLF line ends (RFC 4180), the column titles of 360Giving's
 * flat (spreadsheet) template:
 *
 *   Identifier, Title, Description, Currency, Amount Awarded, Award Date,
 *   Recipient Org:Identifier, Recipient Org:Name, Funding Org:Identifier,
 *   Funding Org:Name, Planned Dates:Start Date, Planned Dates:End Date,
 *   Planned Dates:Duration (months)
 *
 * Identifier     <id_prefix>-<file base name>-<nr>: 360G-pulje-18-hovedpuljen-2023-3
 * Title          the activity (Indsats)
 * Description    "Tilskud fra <pool> <year>", for multi-year grants with the
 *                amount per year and the years (a label, so it follows --lang)
 * Currency       DKK
 * Amount Awarded the whole award: the year's grant times the years granted
 *                plus the supplements (opendata_award())
 * Award Date     the pool's decision_date (YYYY-MM-DD)
 * Recipient Org:Identifier  DK-CVR-<cvr> when the CVR is 8 digits, else
 *                <id_prefix>-<association folded to a-z, 0-9 and '-'>
 * Funding Org    [pool] org_id (default <id_prefix>-<org_name folded>) and
 *                [pool] org_name (default the committee, else the pool's name)
 * Planned Dates  1 January of the grant year to 31 December of its last
 *                year, 12 months a year (so a 3-year grant is 36 months)
 *
 * id_prefix is [pool] id_prefix, default "360G-pulje": a publisher registered
 * with 360Giving writes its own 360G- prefix there, and its CVR in org_id.
 * Text starting with = + - @ TAB or CR gets a leading apostrophe, as in
 * every CSV pulje writes (table_write_field): the file is opened in
 * spreadsheets as often as it is read by programs, and a title such as
 * "=HYPERLINK(...)" must stay text there. */
#ifndef PULJE_OPENDATA_H
#define PULJE_OPENDATA_H

#include <stddef.h>
#include <stdio.h>

#include "alloc.h"
#include "apps.h"
#include "pool.h"

/** @brief The default [pool] id_prefix. */
#define OPENDATA_DEFAULT_PREFIX "360G-pulje"

/**
 * @brief Write the 360Giving CSV to an open stream (the rows as described above).
 * @return 0, or -1 with a one-line English explanation in err (a write error,
 *         a pool without decision_date, or a result that does not belong to apps).
 */
int opendata_write_360giving_stream(FILE *fp, const pool *p, const app_list *apps,
                                    const alloc_result *r, char *err, size_t errsz);

/**
 * @brief Write the 360Giving CSV to path, atomically (atomic.h).
 *
 * @code
 * // beside the workbook: outputs/18-hovedpuljen-2023-360giving.csv
 * if (opendata_write_360giving(path, &p, &apps, &r, err, sizeof err) != 0)
 *     fprintf(stderr, "%s\n", err);
 * @endcode
 * @return 0, or -1 with err set (nothing changed under path; the one
 *         exception, said so in err, is a failure to sync the folder after
 *         the rename).
 */
int opendata_write_360giving(const char *path, const pool *p, const app_list *apps,
                             const alloc_result *r, char *err, size_t errsz);

/**
 * @brief Write the same grants as 360Giving JSON to an open stream: a
 * package {"grants": [...]} (UTF-8, LF line ends), each grant with id,
 * title, description, currency, amountAwarded (the whole award, an integer),
 * awardDate, recipientOrganization [{id, name}], fundingOrganization [{id,
 * name}], plannedDates [{startDate, endDate, duration}] (duration in
 * months, an integer) and commitmentTransaction: one per year granted,
 * {id "<grant id>-<year>", transactionDate "<year>-01-01", currency, value,
 * description}, the first year's value the grant plus the supplements, the
 * later years' the grant, so that the values sum to amountAwarded.
 * tests/data/360giving-grant-schema.json is the JSON Schema the tests
 * validate it against.
 * @return 0, or -1 with err set (as opendata_write_360giving_stream()).
 */
int opendata_write_360giving_json_stream(FILE *fp, const pool *p, const app_list *apps,
                                         const alloc_result *r, char *err, size_t errsz);

/** @brief Write the 360Giving JSON to path, atomically (atomic.h). 0, or -1 with err set. */
int opendata_write_360giving_json(const char *path, const pool *p, const app_list *apps,
                                  const alloc_result *r, char *err, size_t errsz);

/**
 * @brief Fold a name into an identifier part: ASCII letters and digits in
 * lower case, æ ø å as ae oe aa, every other run of characters one '-',
 * none at the ends ("Selskabet Åbne Fyrtårne, Hjallese" ->
 * "selskabet-aabne-fyrtaarne-hjallese"). Truncates to size; returns buf.
 * The same folding as report_basename(): both are text_slug().
 */
char *opendata_slug(const char *name, char *buf, size_t size);

/**
 * @brief Application i's supplements, all earmarks together (each is paid in
 * the grant year only). 0 if i is outside the result. This function can't fail.
 */
pulje_kr opendata_supplements(const alloc_result *r, size_t i);

/**
 * @brief Application i's whole award: its grant times the years granted plus
 * its supplements (the 360Giving Amount Awarded; the decisions CSV's total).
 * 0 if i is outside the result. This function can't fail.
 */
pulje_kr opendata_award(const alloc_result *r, size_t i);

/**
 * @brief The decision's reason in words (labels, so it follows --lang):
 * "bevilget som indstillet", "reduceret efter puljens regel" (or "sat ned
 * til højeste tilskud (X kr.)" for a max_grant cap), or for a refusal the
 * reason code of l->why: the panel's own words (a->refusal, else "indstillet
 * 0 kr."), a running multi-year grant, below min_grant, the rule's share of
 * 0 kr. or rounded to 0 kr. A multi-year request adds "; " and its decision ("Flerårig bevilling",
 * "Etårig: under 5 års aktivitet", ...).
 * The same words as `explain`. Truncates to size; returns buf.
 */
char *opendata_reason(const pool *p, const app *a, const alloc_line *l, char *buf, size_t size);

#endif
