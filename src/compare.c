/* compare.c - Several rules side by side on one pool, and a parameter sweep. */
#include "compare.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "rules.h"
#include "verify.h"
#include "messages.h"

void compare_free(compare_result *c)
{
    if (!c)
        return;
    for (size_t i = 0; c->v && i < c->n; i++) {
        free(c->v[i].grants);
        free(c->v[i].totals.em);
    }
    free(c->v);
    free(c->claims);
    free(c->steps);
    memset(c, 0, sizeof *c);
}

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

static int cmp_kr(const void *pa, const void *pb)
{
    pulje_kr a = *(const pulje_kr *)pa, b = *(const pulje_kr *)pb;
    return (a > b) - (a < b);
}

/* Gini coefficient of x[0..n) >= 0, sorted here: sum_i (2i - n - 1) x_(i)
 * / (n sum x), i from 1; 0 when everything is 0. */
static double gini(pulje_kr *x, size_t n)
{
    pulje_wide num = 0, sum = 0;
    if (n == 0)
        return 0;
    qsort(x, n, sizeof *x, cmp_kr);
    for (size_t i = 0; i < n; i++) {
        num += (pulje_wide)(2 * (pulje_kr)(i + 1) - (pulje_kr)n - 1) * x[i];
        sum += x[i];
    }
    return sum == 0 ? 0 : (double)num / ((double)n * (double)sum);
}

/* Does no one get less at 90, 100, 110, 120 % of money than at the step
 * before (from 80 %), exactly? Each point is shared once. A point where the
 * rule has no allocation is not compared (with the points either side of it). */
static bool monotone_80_120(const rule_params *rule, const pulje_kr *claims, size_t n,
                            pulje_kr m)
{
    rule_result prev, next;
    bool have_prev, ok = true;

    have_prev = rule_apply(rule, claims, n, m * 8 / 10, &prev) == RULE_OK;
    for (int pct = 90; pct <= 120 && ok; pct += 10) {
        bool have_next = rule_apply(rule, claims, n, m * pct / 100, &next) == RULE_OK;
        if (have_prev && have_next)
            for (size_t i = 0; i < n && ok; i++)
                ok = next.num[i] * prev.den >= prev.num[i] * next.den;
        if (have_prev)
            rule_result_free(&prev);
        prev = next;
        have_prev = have_next;
    }
    if (have_prev)
        rule_result_free(&prev);
    return ok;
}

/* A claim with the value whose order is checked (a grant or a loss). */
typedef struct ordered {
    pulje_kr claim, value;
} ordered;

/* By claim, then by value, both ascending. */
static int cmp_ordered(const void *pa, const void *pb)
{
    const ordered *a = pa, *b = pb;
    if (a->claim != b->claim)
        return a->claim < b->claim ? -1 : 1;
    return (a->value > b->value) - (a->value < b->value);
}

/* Pairs p < q with v[p] > v[q], counted by merge sort (v is sorted on return). */
static size_t inversions(pulje_kr *v, pulje_kr *tmp, size_t n)
{
    size_t count, i, j, k, mid;
    if (n < 2)
        return 0;
    mid = n / 2;
    count = inversions(v, tmp, mid) + inversions(v + mid, tmp, n - mid);
    for (i = 0, j = mid, k = 0; i < mid || j < n;) {
        if (j == n || (i < mid && v[i] <= v[j])) {
            tmp[k++] = v[i++];
        } else {
            count += mid - i; /* every v[i..mid) is greater than v[j] */
            tmp[k++] = v[j++];
        }
    }
    memcpy(v, tmp, n * sizeof *v);
    return count;
}

/* The pairs where a larger claim has a smaller value (strictly): sorted by
 * claim and then value, these are exactly the strict inversions of the
 * values. O(n log n). Returns (size_t)-1 on out of memory. */
static size_t order_breaks(const alloc_result *r, int losses)
{
    size_t n = 0, out;
    ordered *o = malloc((r->n ? r->n : 1) * sizeof *o);
    pulje_kr *v = malloc((r->n ? r->n : 1) * sizeof *v);
    pulje_kr *tmp = malloc((r->n ? r->n : 1) * sizeof *tmp);

    if (!o || !v || !tmp) {
        free(o);
        free(v);
        free(tmp);
        return (size_t)-1;
    }
    for (size_t i = 0; i < r->n; i++) {
        const alloc_line *l = &r->lines[i];
        if (l->claim <= 0)
            continue;
        o[n].claim = l->claim;
        o[n].value = losses ? l->claim - l->grant : l->grant;
        n++;
    }
    qsort(o, n, sizeof *o, cmp_ordered);
    for (size_t i = 0; i < n; i++)
        v[i] = o[i].value;
    out = inversions(v, tmp, n);
    free(o);
    free(v);
    free(tmp);
    return out;
}

void compare_stats_of(const pool *p, const alloc_result *r, compare_stats *s)
{
    size_t n = r->n, k = 0;
    pulje_kr *claims = malloc((n ? n : 1) * sizeof *claims);
    pulje_kr *cuts = malloc((n ? n : 1) * sizeof *cuts);
    double *shares = malloc((n ? n : 1) * sizeof *shares);

    memset(s, 0, sizeof *s);
    s->granted = r->granted_total;
    s->residual = r->residual;
    s->unshared = r->unshared;
    s->prop_bounds = true;
    for (size_t i = 0; i < n; i++) {
        const alloc_line *l = &r->lines[i];
        if (l->grant < 0 || l->grant > l->claim)
            s->prop_bounds = false;
        if (claims)
            claims[i] = l->claim;
        if (l->claim <= 0)
            continue;
        s->n_claims++;
        s->n_reduced += l->grant < l->claim;
        s->n_refused += l->grant == 0;
        double cut = (double)(l->claim - l->grant) / (double)l->claim;
        if (cut > s->max_cut)
            s->max_cut = cut;
        if (shares && cuts) {
            shares[k] = cut;
            cuts[k] = l->claim - l->grant;
            k++;
        }
    }
    s->order_violations = order_breaks(r, 0);
    s->loss_violations = order_breaks(r, 1);
    if (k > 0 && shares) {
        qsort(shares, k, sizeof *shares, cmp_double);
        s->median_cut = k % 2 ? shares[k / 2] : (shares[k / 2 - 1] + shares[k / 2]) / 2;
        s->gini = gini(cuts, k);
    }
    s->prop_sum = r->granted_total + r->residual == r->available && r->residual >= 0 &&
                  (!r->rationed || r->residual - r->unshared <
                                       p->rounding * (pulje_kr)(s->n_reduced ? s->n_reduced : 1));
    s->prop_order_awards = s->order_violations == 0;
    s->prop_order_losses = s->loss_violations == 0;
    s->prop_monotone = true;
    if (claims) {
        /* more money never gives anyone less: 80, 90, 100, 110, 120 % of the money */
        s->prop_monotone = monotone_80_120(&p->rule, claims, n, r->available);
    } else {
        s->prop_monotone = false; /* out of memory: not shown to hold */
    }
    free(claims);
    free(cuts);
    free(shares);
}

bool compare_parse_sweep(const char *text, compare_sweep_spec *out, char *err, size_t errsz)
{
    compare_sweep_spec s;
    const char *f[4];
    size_t len[4];
    const char *c = text;

    memset(&s, 0, sizeof s);
    for (int i = 0; i < 4; i++) {
        f[i] = c;
        len[i] = strcspn(c, ":");
        c += len[i];
        if (i < 3) {
            if (*c != ':') {
                snprintf(err, errsz, msg_tr("the sweep \"%s\" is not PARAM:FROM:TO:STEP "
                         "(e.g. threshold:0:150.000:10.000)"), text);
                return false;
            }
            c++;
        }
    }
    if (*c) {
        snprintf(err, errsz, msg_tr("the sweep \"%s\" has more than PARAM:FROM:TO:STEP"), text);
        return false;
    }
    if (len[0] == 9 && strncmp(f[0], "threshold", 9) == 0)
        s.param = COMPARE_SWEEP_THRESHOLD;
    else if (len[0] == 9 && strncmp(f[0], "max_grant", 9) == 0)
        s.param = COMPARE_SWEEP_MAX_GRANT;
    else if (len[0] == 3 && strncmp(f[0], "cap", 3) == 0)
        s.param = COMPARE_SWEEP_CAP;
    else {
        snprintf(err, errsz, msg_tr("cannot sweep \"%.*s\"; the parameters are threshold, max_grant "
                 "and cap"), (int)(len[0] > 64 ? 64 : len[0]), f[0]);
        return false;
    }
    pulje_kr *dst[3] = {&s.from, &s.to, &s.step};
    static const char *const names[3] = {"FROM", "TO", "STEP"};
    for (int i = 0; i < 3; i++) {
        if (len[i + 1] == 0 || money_parse(f[i + 1], len[i + 1], dst[i]) != MONEY_OK) {
            snprintf(err, errsz, msg_tr("the sweep's %s \"%.*s\" is not a whole-krone amount"),
                     names[i], (int)(len[i + 1] > 64 ? 64 : len[i + 1]), f[i + 1]);
            return false;
        }
    }
    if (s.param == COMPARE_SWEEP_CAP && s.to > 100) {
        snprintf(err, errsz, msg_tr("the cap is a share from 0 to 100 %%; e.g. cap:30:60:5"));
        return false;
    }
    if (s.step <= 0 || s.to < s.from) {
        snprintf(err, errsz, msg_tr("the sweep needs FROM <= TO and a STEP above 0"));
        return false;
    }
    if ((s.to - s.from) / s.step + 1 > COMPARE_MAX_STEPS) {
        snprintf(err, errsz, msg_tr("the sweep has more than %d steps; take a larger STEP"),
                 COMPARE_MAX_STEPS);
        return false;
    }
    *out = s;
    return true;
}

alloc_method compare_method(const rule_params *rule, size_t n_apps)
{
    return model_per_claim(rule) && n_apps > COMPARE_MODEL_MAX_CLAIMS ? ALLOC_CLOSED_FORM
                                                                     : ALLOC_MODEL;
}

/* Run one rule on the pool and verify it (model against closed form).
 * Returns 0, alloc_run()'s -1 or -2, or -3 when the result fails its checks. */
static int run_one(const pool *p, const app_list *apps, const rule_params *rule,
                   alloc_method method, alloc_result *out, diag_list *dl)
{
    pool q = *p;
    char spec[128];
    size_t before = dl->n;

    int rc;

    q.rule = *rule;
    if ((rc = alloc_run(&q, apps, method, out, dl)) != 0) {
        rule_format_spec(rule, spec, sizeof spec);
        for (size_t i = before; i < dl->n; i++) {
            /* say which scenario failed */
            char *m = dl->v[i].msg, *grown;
            size_t need = strlen(m) + strlen(spec) + 16;
            grown = malloc(need);
            if (grown) {
                snprintf(grown, need, msg_tr("rule %s: %s"), spec, m);
                free(m);
                dl->v[i].msg = grown;
            }
        }
        return rc;
    }
    if (verify_result(&q, apps, out, method == ALLOC_MODEL, dl) != 0) {
        alloc_free(out);
        return -3;
    }
    return 0;
}

/* Keep of scenario k's verified result r what the comparison shows: the
 * grants, the totals (and the claims, from the baseline). 0, or -1 on out
 * of memory. */
static int keep_scenario(compare_result *c, size_t k, const alloc_result *r)
{
    compare_scenario *sc = &c->v[k];
    size_t n = r->n;

    sc->grants = malloc((n ? n : 1) * sizeof *sc->grants);
    if (!sc->grants)
        return -1;
    for (size_t i = 0; i < n; i++)
        sc->grants[i] = r->lines[i].grant;
    if (k == c->baseline) {
        c->claims = malloc((n ? n : 1) * sizeof *c->claims);
        if (!c->claims)
            return -1;
        for (size_t i = 0; i < n; i++)
            c->claims[i] = r->lines[i].claim;
    }
    sc->totals.available = r->available;
    sc->totals.assessed_total = r->assessed_total;
    sc->totals.granted_total = r->granted_total;
    sc->totals.residual = r->residual;
    if (r->em.n_earmarks > 0) {
        sc->totals.em = malloc(r->em.n_earmarks * sizeof *sc->totals.em);
        if (!sc->totals.em)
            return -1;
        memcpy(sc->totals.em, r->em.totals, r->em.n_earmarks * sizeof *sc->totals.em);
        sc->totals.n_earmarks = r->em.n_earmarks;
    }
    return 0;
}

/* The sweep: its steps, handed out one at a time to the second thread
 * (while the rules run) and to the first (once they have run). Each step
 * keeps its own diagnostics and outcome, so that the result is the same
 * as one thread's, step by step, whichever thread computed what. */
typedef struct sweep_job {
    const pool *p;
    const app_list *apps;
    compare_sweep_spec sweep;
    compare_step *steps;
    size_t n_steps;
    diag_list *dls;           /* n_steps: each step's diagnostics */
    int *rcs;                 /* n_steps: 0, -2 (fault), -3 (failed its checks) */
    pthread_mutex_t lock;     /* guards next and stop */
    size_t next;              /* the next step to hand out */
    bool stop;                /* a step failed, or the rules did: hand out no more */
} sweep_job;

/* Step k of j's sweep, closed form, verified. 0, -2 or -3. */
static int sweep_step(sweep_job *j, size_t k)
{
    const compare_sweep_spec *sweep = &j->sweep;
    compare_step *st = &j->steps[k];
    rule_params rule = sweep->rule;
    alloc_result r;
    diag_list quiet;

    st->value = sweep->from + (pulje_kr)k * sweep->step;
    if (sweep->param == COMPARE_SWEEP_THRESHOLD)
        rule.threshold = st->value;
    else if (sweep->param == COMPARE_SWEEP_MAX_GRANT)
        rule.max_grant = st->value;
    diag_init(&quiet);
    /* a value where the rule has no allocation is a gap in the
     * sweep; a result that fails its checks is a fault */
    pool q = *j->p;
    q.rule = rule;
    if (sweep->param == COMPARE_SWEEP_CAP)
        q.cap_bp = (int)st->value * 100;
    int rc = rule_params_valid(&rule, NULL, 0)
                 ? alloc_run(&q, j->apps, ALLOC_CLOSED_FORM, &r, &quiet)
                 : -1;
    diag_free(&quiet);
    if (rc == -2) {
        /* a fault is not a gap: the sweep would silently lack a step */
        diag_add(&j->dls[k], DIAG_ERROR, NULL, 0, 0, NULL,
                 "the sweep at %lld: out of memory or a solver fault", (long long)st->value);
        return -2;
    }
    if (rc != 0)
        return 0; /* a gap */
    if (verify_result(&q, j->apps, &r, 0, &j->dls[k]) != 0) {
        alloc_free(&r);
        return -3;
    }
    st->ok = true;
    st->factor_num = r.factor_num;
    st->factor_den = r.factor_den;
    st->n_reduced = r.n_reduced;
    st->bound = sweep->param == COMPARE_SWEEP_CAP ? r.my[0].old + r.my[0].fresh
                                                  : r.protected_total;
    st->granted = r.granted_total;
    st->residual = r.residual;
    alloc_free(&r);
    return 0;
}

/* Take steps in order until none is left or one has failed. Steps are
 * handed out in increasing order, so when step f fails every step before
 * it has been handed out and is completed. */
static void sweep_work(sweep_job *j)
{
    for (;;) {
        size_t k;
        pthread_mutex_lock(&j->lock);
        k = j->stop ? j->n_steps : j->next++;
        pthread_mutex_unlock(&j->lock);
        if (k >= j->n_steps)
            return;
        j->rcs[k] = sweep_step(j, k);
        if (j->rcs[k] != 0) {
            pthread_mutex_lock(&j->lock);
            j->stop = true;
            pthread_mutex_unlock(&j->lock);
        }
    }
}

static void *sweep_thread(void *arg)
{
    sweep_work(arg);
    return NULL;
}

/* Append from's entries to to, in order; from is empty afterwards. */
static void move_diags(diag_list *to, diag_list *from)
{
    if (from->n > 0) {
        diag *v = realloc(to->v, (to->n + from->n) * sizeof *v);
        if (v) {
            memcpy(v + to->n, from->v, from->n * sizeof *v);
            to->v = v;
            to->n += from->n;
            to->cap = to->n;
            from->n = 0; /* the entries are to's now */
        } else {
            to->oom = 1;
        }
    }
    to->n_errors += from->n_errors;
    to->oom |= from->oom;
    diag_free(from);
}

int compare_run(const pool *p, const app_list *apps, const rule_params *rules,
                size_t n_rules, size_t baseline, const compare_sweep_spec *sweep,
                compare_result *out, diag_list *dl)
{
    compare_result c;
    sweep_job job;
    pthread_t worker;
    bool started = false;
    int failed = 0;

    memset(out, 0, sizeof *out);
    memset(&c, 0, sizeof c);
    memset(&job, 0, sizeof job);
    if (n_rules == 0 || baseline >= n_rules) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, "give at least one rule", "no rules to compare");
        return -1;
    }
    c.v = calloc(n_rules, sizeof *c.v);
    if (!c.v) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        return -2;
    }
    c.n = n_rules;
    c.baseline = baseline;
    c.n_apps = apps->n;
    if (sweep && sweep->param != COMPARE_SWEEP_NONE) {
        size_t n = (size_t)((sweep->to - sweep->from) / sweep->step) + 1;
        c.sweep = *sweep;
        c.steps = calloc(n, sizeof *c.steps);
        if (!c.steps) {
            diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
            compare_free(&c);
            return -2;
        }
        job.dls = malloc(n * sizeof *job.dls);
        job.rcs = calloc(n, sizeof *job.rcs);
        if (!job.dls || !job.rcs || pthread_mutex_init(&job.lock, NULL) != 0) {
            diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
            free(job.dls);
            free(job.rcs);
            compare_free(&c);
            return -2;
        }
        for (size_t k = 0; k < n; k++)
            diag_init(&job.dls[k]);
        c.n_steps = n;
        job.p = p;
        job.apps = apps;
        job.sweep = *sweep;
        job.steps = c.steps;
        job.n_steps = n;
    }
    for (size_t i = 0; i < n_rules; i++) {
        pool q = *p;
        alloc_result result;
        int rc;
        c.v[i].rule = rules[i];
        rc = run_one(p, apps, &rules[i], compare_method(&rules[i], apps->n), &result, dl);
        /* The sweep runs on a second thread beside the rules: started once
         * the first rule has run, so that every phase mark (phase.h) it
         * makes lies behind the run's clock, which only moves forward, and
         * no hook writes while both threads run. It uses the closed form
         * only (no GLPK), its own diagnostics and its own steps. */
        if (i == 0 && rc == 0 && c.n_steps > 0 && sweep->threads != 1)
            started = pthread_create(&worker, NULL, sweep_thread, &job) == 0;
        if (rc != 0) {
            /* the gravest: a fault, then a failed check, then the inputs */
            if (failed == 0 || rc == -2 || (rc == -3 && failed == -1))
                failed = rc;
            continue;
        }
        q.rule = rules[i];
        compare_stats_of(&q, &result, &c.v[i].stats);
        rc = keep_scenario(&c, i, &result);
        alloc_free(&result);
        if (rc != 0) {
            diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
            failed = -2;
        }
    }
    if (c.n_steps > 0) {
        if (failed) { /* the rules failed: the sweep is not wanted */
            pthread_mutex_lock(&job.lock);
            job.stop = true;
            pthread_mutex_unlock(&job.lock);
        }
        sweep_work(&job); /* this thread takes what is left */
        if (started)
            pthread_join(worker, NULL);
        pthread_mutex_destroy(&job.lock);
    }
    /* the sweep's outcome as one thread would have it: the steps' messages in
     * order, up to the first step that failed */
    int sweep_rc = 0;
    for (size_t k = 0; k < c.n_steps; k++) {
        if (!failed && sweep_rc == 0) {
            move_diags(dl, &job.dls[k]);
            sweep_rc = job.rcs[k];
        } else {
            diag_free(&job.dls[k]); /* after a failure: not said */
        }
    }
    free(job.dls);
    free(job.rcs);
    if (failed || sweep_rc != 0) {
        compare_free(&c);
        return failed ? failed : sweep_rc;
    }
    *out = c;
    return 0;
}
