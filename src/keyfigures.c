/* keyfigures.c - The run's key figures: one table, computed once, shown by every view. */
#include "keyfigures.h"

#include <string.h>

#include "rules.h"

/* ---- how each figure is computed from the result ------------------------ */

static void kf_budget(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->budget_total;
}

static void kf_reserved(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->reserved_total;
}

static void kf_earmarked(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->earmarked_total;
    f->shown = r->earmarked_total > 0 || r->em.n_earmarks > 0;
}

static void kf_returned(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->earmark_returned;
    f->shown = r->earmark_returned > 0;
}

static void kf_available(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->available;
}

static void kf_granted(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->granted_total;
}

/* The supplements granted from every earmark, exact. */
static pulje_kr supplements(const alloc_result *r)
{
    pulje_kr s = 0;
    for (size_t k = 0; k < r->em.n_earmarks; k++)
        s += r->em.totals[k].granted;
    return s;
}

static void kf_supplements(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = supplements(r);
    f->shown = r->em.n_earmarks > 0;
}

static void kf_granted_with(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->granted_total + supplements(r);
    f->shown = r->em.n_earmarks > 0;
}

/* Earmarked money not handed out that does not go back to new grants (its
 * own line on Økonomi): the earmarks without unused = main. */
static void kf_em_unused(const pool *p, const alloc_result *r, keyfig *f)
{
    f->value = 0;
    for (size_t k = 0; k < r->em.n_earmarks; k++)
        if (!(p->earmark_defs && p->earmark_defs[k].unused_to_main))
            f->value += r->em.totals[k].unused;
    f->shown = f->value > 0;
}

static void kf_residual(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->residual;
}

static void kf_n_apps(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = (pulje_kr)r->n;
}

static void kf_applied(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->applied_total;
}

static void kf_assessed(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = r->assessed_total;
}

static void kf_n_granted(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = (pulje_kr)r->n_granted;
}

static void kf_n_reduced(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = (pulje_kr)r->n_reduced;
}

static void kf_n_refused(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = (pulje_kr)r->n_refused;
}

/* One factor describes the cut only for the factor rules, and only when
 * they cut something: never "1,0000 (-0,0 %)" with nothing reduced. */
static void kf_factor(const pool *p, const alloc_result *r, keyfig *f)
{
    f->num = r->factor_num;
    f->den = r->factor_den > 0 ? r->factor_den : 1;
    f->shown = rule_is_factor(p->rule.kind) && r->factor_den > 0 &&
               r->factor_num < r->factor_den && r->n_reduced > 0;
}

static void kf_grant_share(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->num = r->granted_total;
    f->den = r->assessed_total > 0 ? r->assessed_total : 1;
    f->shown = r->assessed_total > 0;
}

/* The multi-year group is shown when anything was asked for or is bound. */
static bool has_multiyear(const alloc_result *r)
{
    return r->n_my_requested > 0 || r->my[0].old > 0;
}

static void kf_my_requested(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = (pulje_kr)r->n_my_requested;
    f->shown = has_multiyear(r);
}

static void kf_my_honoured(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    f->value = (pulje_kr)r->n_my_honoured;
    f->shown = has_multiyear(r);
}

static void kf_my_bound(const pool *p, const alloc_result *r, keyfig *f)
{
    (void)p;
    for (int t = 0; t < MY_YEARS; t++) {
        f->years[t].year = r->my[t].year;
        f->years[t].bound = r->my[t].old + r->my[t].fresh;
        f->years[t].money = r->my[t].money;
    }
    f->cap_bp = r->cap_bp;
    f->shown = has_multiyear(r);
}

/* ---- the table ---------------------------------------------------------- */

enum { ALL = KF_TERMINAL | KF_RESUME | KF_ECONOMY, SUMMARY = KF_TERMINAL | KF_RESUME };

/* Økonomi's table above its key figures already shows the budget, the
 * reservations, the earmarks, the grants and the residual in the minutes'
 * words, so those are not repeated below it. The Resumé shows the years
 * bound in a table of its own (report_summary.c), from KF_MY_BOUND. */
static const keyfig_def kf_table[KF__COUNT] = {
    {KF_BUDGET, L_KF_BUDGET, KF_KR, KF_GROUP_MONEY, SUMMARY, kf_budget},
    {KF_RESERVED, L_KF_RESERVED, KF_KR, KF_GROUP_MONEY, SUMMARY, kf_reserved},
    {KF_EARMARKED, L_KF_EARMARKED, KF_KR, KF_GROUP_MONEY, SUMMARY, kf_earmarked},
    {KF_RETURNED, L_KF_RETURNED, KF_KR, KF_GROUP_MONEY, ALL, kf_returned},
    {KF_AVAILABLE, L_KF_AVAILABLE, KF_KR, KF_GROUP_MONEY, ALL, kf_available},
    {KF_GRANTED, L_KF_GRANTED, KF_KR, KF_GROUP_MONEY, SUMMARY, kf_granted},
    {KF_SUPPLEMENTS, L_KF_SUPPLEMENTS, KF_KR, KF_GROUP_MONEY, SUMMARY, kf_supplements},
    {KF_GRANTED_WITH, L_KF_GRANTED_WITH, KF_KR, KF_GROUP_MONEY, ALL, kf_granted_with},
    {KF_EM_UNUSED, L_KF_EM_UNUSED, KF_KR, KF_GROUP_MONEY, SUMMARY, kf_em_unused},
    {KF_RESIDUAL, L_KF_RESIDUAL, KF_KR, KF_GROUP_MONEY, SUMMARY, kf_residual},
    {KF_N_APPS, L_KF_N_APPS, KF_COUNT, KF_GROUP_APPS, ALL, kf_n_apps},
    {KF_APPLIED, L_KF_APPLIED, KF_KR, KF_GROUP_APPS, ALL, kf_applied},
    {KF_ASSESSED, L_KF_ASSESSED, KF_KR, KF_GROUP_APPS, ALL, kf_assessed},
    {KF_N_GRANTED, L_KF_N_GRANTED, KF_COUNT, KF_GROUP_APPS, ALL, kf_n_granted},
    {KF_N_REDUCED, L_KF_N_REDUCED, KF_COUNT, KF_GROUP_APPS, ALL, kf_n_reduced},
    {KF_N_REFUSED, L_KF_N_REFUSED, KF_COUNT, KF_GROUP_APPS, ALL, kf_n_refused},
    {KF_FACTOR, L_KF_FACTOR, KF_RATIO, KF_GROUP_APPS, ALL, kf_factor},
    {KF_GRANT_SHARE, L_KF_GRANT_SHARE, KF_RATIO, KF_GROUP_APPS, ALL, kf_grant_share},
    {KF_MY_REQUESTED, L_KF_MY_REQUESTED, KF_COUNT, KF_GROUP_MY, ALL, kf_my_requested},
    {KF_MY_HONOURED, L_KF_MY_HONOURED, KF_COUNT, KF_GROUP_MY, ALL, kf_my_honoured},
    {KF_MY_BOUND, L_KF_MY_BOUND, KF_YEARS, KF_GROUP_MY, SUMMARY, kf_my_bound},
};

const keyfig_def *keyfigures_table(size_t *n)
{
    if (n)
        *n = KF__COUNT;
    return kf_table;
}

void keyfigures_compute(const pool *p, const alloc_result *r, keyfigs *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < KF__COUNT; i++) {
        keyfig *f = &out->v[i];
        f->def = &kf_table[i];
        f->shown = true;
        f->den = 1;
        kf_table[i].compute(p, r, f);
    }
}

bool keyfig_in(const keyfig *f, unsigned view)
{
    return f->shown && (f->def->views & view) != 0;
}

label_id keyfig_group_label(keyfig_group g)
{
    static const label_id names[KF__GROUPS] = {L_KF_GROUP_MONEY, L_KF_GROUP_APPS,
                                               L_KF_GROUP_MY};
    return (unsigned)g < KF__GROUPS ? names[g] : L_KF_GROUP_MONEY;
}

char *keyfig_sheet_label(const keyfig *f, char *buf, size_t size)
{
    if (f->def->kind == KF_KR || f->def->kind == KF_YEARS)
        label_format(buf, size, L_KF_IN_KR, label(f->def->label));
    else
        label_format(buf, size, f->def->label);
    return buf;
}

double keyfig_ratio(const keyfig *f)
{
    return f->den > 0 ? (double)f->num / (double)f->den : 0.0;
}
