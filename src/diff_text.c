/* diff_text.c - The words of a comparison of two runs, from the labels. */
#include "diff_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"

char *diff_text_run(const diff_run *r, char *buf, size_t size)
{
    const char *t = diff_kv_get(r, "time");
    if (r->no > 0)
        label_format(buf, size, L_DF_RUN, r->no, t ? t : "?");
    else
        snprintf(buf, size, "%s", r->name);
    return buf;
}

const char *diff_text_status(diff_status s)
{
    return label(s == DIFF_REFUSED ? L_STATUS_REFUSED
                 : s == DIFF_REDUCED ? L_STATUS_REDUCED
                                     : L_STATUS_GRANTED);
}

char *diff_text_delta(pulje_kr v, char *buf)
{
    char m[MONEY_BUFSZ];
    money_format_text(v < 0 ? -v : v, m);
    snprintf(buf, MONEY_BUFSZ + 1, "%s%s", v > 0 ? "+" : v < 0 ? "-" : "", m);
    return buf;
}

/* An amount in a record, formatted; the text itself when it is not one. */
static const char *amount(const char *v, char *buf)
{
    char *end;
    long long n = strtoll(v, &end, 10);
    if (!*v || *end)
        return v;
    return money_format_text((pulje_kr)n, buf);
}

char *diff_text_pool(const diff_pool_change *pc, char *buf, size_t size)
{
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

    switch (pc->cause) {
    case DIFF_CAUSE_RULE:
        label_format(buf, size, L_DF_CAUSE_RULE, pc->a, pc->b);
        break;
    case DIFF_CAUSE_BUDGET:
        label_format(buf, size, L_DF_CAUSE_BUDGET, amount(pc->a, a), amount(pc->b, b));
        break;
    case DIFF_CAUSE_LEDGER:
        if (strcmp(pc->key, "reserved") == 0)
            label_format(buf, size, L_DF_CAUSE_LEDGER, amount(pc->a, a), amount(pc->b, b));
        else
            label_format(buf, size, L_DF_CAUSE_LEDGER_FILE);
        break;
    case DIFF_CAUSE_EARMARK:
        label_format(buf, size, L_DF_CAUSE_EARMARK, amount(pc->a, a), amount(pc->b, b));
        break;
    case DIFF_CAUSE_PARAM:
        label_format(buf, size, L_DF_CAUSE_PARAM, pc->key, amount(pc->a, a), amount(pc->b, b));
        break;
    default:
        label_format(buf, size, L_DF_CAUSE_POOL);
        break;
    }
    return buf;
}

/* Append text to buf at *o, "; " before all but the first. */
static void add(char *buf, size_t size, size_t *o, const char *text)
{
    if (*o >= size)
        return;
    *o += (size_t)snprintf(buf + *o, size - *o, "%s%s", *o ? "; " : "", text);
    if (*o >= size)
        *o = size;
}

/* The pool's causes of kind cause, by name. */
static void add_pool(const diff_result *d, diff_cause cause, char *buf, size_t size, size_t *o)
{
    char t[256];
    for (size_t k = 0; k < d->n_pool; k++) {
        const diff_pool_change *pc = &d->pool[k];
        if (pc->cause != cause)
            continue;
        switch (cause) {
        case DIFF_CAUSE_RULE: label_format(t, sizeof t, L_DF_SHORT_RULE); break;
        case DIFF_CAUSE_BUDGET: label_format(t, sizeof t, L_DF_SHORT_BUDGET); break;
        case DIFF_CAUSE_LEDGER: label_format(t, sizeof t, L_DF_SHORT_LEDGER); break;
        case DIFF_CAUSE_EARMARK: label_format(t, sizeof t, L_DF_SHORT_EARMARK); break;
        case DIFF_CAUSE_PARAM: label_format(t, sizeof t, L_DF_SHORT_PARAM, pc->key); break;
        default: label_format(t, sizeof t, L_DF_CAUSE_POOL); break;
        }
        add(buf, size, o, t);
        if (cause != DIFF_CAUSE_PARAM)
            return; /* one name for the kind (reserved and the ledger's digest: one) */
    }
}

char *diff_text_causes(const diff_result *d, const diff_change *c, char *buf, size_t size)
{
    char t[1024], a[MONEY_BUFSZ], b[MONEY_BUFSZ];
    size_t o = 0;

    buf[0] = '\0';
    for (size_t k = 0; k < DIFF_N_CAUSES; k++) {
        diff_cause cause = diff_causes[k].cause;
        if (!(c->causes & (unsigned)cause))
            continue;
        switch (cause) {
        case DIFF_CAUSE_ASSESSED:
            label_format(t, sizeof t, L_DF_CAUSE_ASSESSED, money_format_text(c->a->assessed, a),
                         money_format_text(c->b->assessed, b));
            break;
        case DIFF_CAUSE_APPLIED:
            label_format(t, sizeof t, L_DF_CAUSE_APPLIED, money_format_text(c->a->applied, a),
                         money_format_text(c->b->applied, b));
            break;
        case DIFF_CAUSE_REFUSAL:
            label_format(t, sizeof t, L_DF_CAUSE_REFUSAL, c->a->refusal, c->b->refusal);
            break;
        case DIFF_CAUSE_YEARS:
            label_format(t, sizeof t, L_DF_CAUSE_YEARS, c->a->years_asked, c->b->years_asked);
            break;
        case DIFF_CAUSE_OTHERS: label_format(t, sizeof t, L_DF_CAUSE_OTHERS); break;
        case DIFF_CAUSE_NEW: label_format(t, sizeof t, L_DF_CAUSE_NEW); break;
        case DIFF_CAUSE_REMOVED: label_format(t, sizeof t, L_DF_CAUSE_REMOVED); break;
        case DIFF_CAUSE_UNKNOWN: label_format(t, sizeof t, L_DF_CAUSE_UNKNOWN); break;
        default:
            add_pool(d, cause, buf, size, &o);
            continue;
        }
        add(buf, size, &o, t);
    }
    return buf;
}

char *diff_text_total(const diff_result *d, int k, char *buf, size_t size)
{
    char a[MONEY_BUFSZ], b[MONEY_BUFSZ], c[MONEY_BUFSZ + 1], n[4][MONEY_BUFSZ];
    static const label_id ids[3] = {L_DF_TOTAL_GRANTED, L_DF_TOTAL_SUPP, L_DF_TOTAL_ASSESSED};
    pulje_kr va[3] = {d->granted_a, d->supplements_a, d->assessed_a};
    pulje_kr vb[3] = {d->granted_b, d->supplements_b, d->assessed_b};

    if (k < 3) {
        label_format(buf, size, ids[k], money_format_text(va[k], a), money_format_text(vb[k], b),
                     diff_text_delta(vb[k] - va[k], c));
        return buf;
    }
    if (k > 3)
        return NULL;
    label_format(buf, size, L_DF_COUNTS, money_format_text((pulje_kr)d->a->n, a),
                 money_format_text((pulje_kr)d->b->n, b),
                 money_format_text((pulje_kr)d->n_changed, n[0]),
                 money_format_text((pulje_kr)d->n_new, n[1]),
                 money_format_text((pulje_kr)d->n_removed, n[2]),
                 money_format_text((pulje_kr)d->n_unchanged, n[3]));
    return buf;
}
