/* test_rule_registry.c - Every rule in the registry has every piece, and the pieces agree.
 *
 * Loops over rules.c's rule_defs[] and ruletext.c's ruletext_defs[] (one row
 * per rule_kind) and checks each capability exists: key and aliases that
 * look up to the rule, the names list, the closed form, the GLPK form, the
 * "protected" diagnostic, labels in Danish and English (non-empty, with the
 * threshold's blank exactly when the rule takes one, distinct between
 * rules) and the explanation. Then, for every rule and every option (none,
 * min, max, both) on claims where they bind: the model gives the closed
 * form's shares exactly, and the explanation's share (the formula with the
 * figures it prints) is the result's share, directly and through
 * explain_build() on an allocated pool. A rule added without one of these
 * fails here, by name. */
#include "testutil.h"

#include "alloc.h"
#include "explain.h"
#include "labels.h"
#include "messages.h"
#include "model.h"
#include "pool.h"
#include "rules.h"
#include "ruletext.h"

/* Claims where the threshold (50.000), min (10.000) and max (60.000) bind. */
static const pulje_kr claims[] = {5000, 20000, 0, 45000, 50000, 70000, 120000, 300000};
#define N_CLAIMS (sizeof claims / sizeof claims[0])
static const pulje_kr moneys[] = {60000, 150000, 300000, 450000};
#define N_MONEYS (sizeof moneys / sizeof moneys[0])

/* The options every rule is tried with: none, min, max, both. */
static rule_params with_option(rule_kind kind, int opt)
{
    rule_params p = {kind, 50000, 0, 0};
    if (opt & 1)
        p.min_grant = 10000;
    if (opt & 2)
        p.max_grant = 60000;
    return p;
}

/* Whether word occurs in list as a whole key (between ", ", " or " or the ends). */
static bool list_has(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *s = strstr(list, word); s; s = strstr(s + 1, word)) {
        bool start = s == list || s[-1] == ' ';
        bool end = s[n] == '\0' || s[n] == ',' || s[n] == ' ';
        if (start && end)
            return true;
    }
    return false;
}

static void test_every_rule_has_a_complete_engine_row(void **state)
{
    const char *list = rule_names_list();
    char joined[256];
    (void)state;

    assert_null(rule_def_of(RULE__COUNT));
    assert_null(rule_def_of((rule_kind)-1));
    assert_string_equal(list, rule_names_join(joined, sizeof joined, RULE_NAMES_ALL, "or"));
    for (int k = 0; k < RULE__COUNT; k++) {
        const rule_def *d = rule_def_of((rule_kind)k);
        rule_kind found;
        assert_non_null(d);
        assert_int_equal(d->kind, k);
        assert_non_null(d->key);
        assert_true(d->key[0] != '\0');
        assert_string_equal(rule_name((rule_kind)k), d->key);
        assert_true(rule_from_name(d->key, &found));
        assert_int_equal(found, k);
        if (!list_has(list, d->key))
            fail_msg("rule %s is missing from the names list \"%s\"", d->key, list);
        for (const char *const *a = d->aliases; a && *a; a++) {
            assert_true(rule_from_name(*a, &found));
            assert_int_equal(found, k);
        }
        /* no key or alias names two rules */
        for (int j = 0; j < k; j++)
            assert_string_not_equal(rule_def_of((rule_kind)j)->key, d->key);
        /* the closed form: a factor rule has no level, a level rule has both halves */
        assert_int_equal(rule_is_factor((rule_kind)k), d->factor);
        assert_int_equal(rule_uses_threshold((rule_kind)k), d->uses_threshold);
        if (d->factor) {
            assert_null(d->level);
            assert_null(d->at_level);
            assert_true(d->model == RULE_MODEL_FACTOR || d->model == RULE_MODEL_NONE);
        } else {
            assert_non_null(d->level);
            assert_non_null(d->at_level);
            assert_null(d->protected_part);
            assert_int_not_equal(d->model, RULE_MODEL_FACTOR);
        }
        /* a rule that protects something says so in words, with a hint */
        if (d->protected_part)
            assert_non_null(d->protected_why);
        assert_int_equal(d->protected_why != NULL, d->protected_hint != NULL);
    }
    /* the threshold rules' list names exactly the rules that take one */
    rule_names_join(joined, sizeof joined, RULE_NAMES_THRESHOLD, "and");
    for (int k = 0; k < RULE__COUNT; k++)
        assert_int_equal(list_has(joined, rule_name((rule_kind)k)),
                         rule_uses_threshold((rule_kind)k));
}

static void test_every_rule_is_among_compares_defaults(void **state)
{
    const char *const *specs = rule_compare_specs();
    bool seen[RULE__COUNT] = {false};
    char err[256];
    (void)state;

    assert_non_null(specs);
    for (size_t i = 0; specs[i]; i++) {
        rule_params p;
        if (!rule_parse_spec(specs[i], 50000, &p, err, sizeof err))
            fail_msg("compare's default \"%s\": %s", specs[i], err);
        seen[p.kind] = true;
    }
    for (int k = 0; k < RULE__COUNT; k++)
        if (!seen[k])
            fail_msg("rule %s is not among compare's defaults (rules.c, compare_specs[])",
                     rule_name((rule_kind)k));
}

static void test_the_names_list_is_the_registry_in_order(void **state)
{
    char buf[256];
    (void)state;
    assert_string_equal(rule_names_list(),
                        "threshold, proportional, excess, cea, cel or talmud");
    assert_string_equal(rule_names_join(buf, sizeof buf, RULE_NAMES_ALL, "and"),
                        "threshold, proportional, excess, cea, cel and talmud");
    assert_string_equal(rule_names_join(buf, sizeof buf, RULE_NAMES_THRESHOLD, "and"),
                        "threshold and excess");
    /* truncated as snprintf truncates, never overrun */
    assert_string_equal(rule_names_join(buf, 12, RULE_NAMES_ALL, "or"), "threshold, ");
}

/* The rule's words in the current language: description and heading. */
static void words_of(rule_kind k, char *desc, char *name, size_t size)
{
    rule_params p = with_option(k, 0);
    ruletext_describe(&p, desc, size);
    ruletext_short(&p, name, size);
}

static void test_every_rule_has_words_in_both_languages(void **state)
{
    static const char *const langs[] = {"da", "en"};
    char desc[RULE__COUNT][512], name[RULE__COUNT][128];
    (void)state;

    for (int k = 0; k < RULE__COUNT; k++) {
        const ruletext_def *t = ruletext_def_of((rule_kind)k);
        const char *want = rule_uses_threshold((rule_kind)k) ? "s" : "";
        assert_non_null(t);
        assert_int_equal(t->kind, k);
        assert_non_null(t->explain);
        assert_string_equal(label_args(t->describe), want);
        assert_string_equal(label_args(t->name), want);
        assert_non_null(label_text_en(t->describe));
        assert_non_null(label_text_en(t->name));
    }
    assert_null(ruletext_def_of(RULE__COUNT));
    for (size_t l = 0; l < 2; l++) {
        assert_int_equal(labels_set_language(langs[l]), 0);
        for (int k = 0; k < RULE__COUNT; k++) {
            words_of((rule_kind)k, desc[k], name[k], sizeof desc[k]);
            if (!desc[k][0] || !name[k][0])
                fail_msg("rule %s has no words in %s", rule_name((rule_kind)k), langs[l]);
            if (rule_uses_threshold((rule_kind)k) && !strstr(desc[k], l ? "DKK 50,000" : "50.000 kr."))
                fail_msg("rule %s: \"%s\" does not name its threshold", rule_name((rule_kind)k),
                         desc[k]);
            for (int j = 0; j < k; j++) {
                if (strcmp(desc[j], desc[k]) == 0 || strcmp(name[j], name[k]) == 0)
                    fail_msg("rules %s and %s have the same words in %s",
                             rule_name((rule_kind)j), rule_name((rule_kind)k), langs[l]);
            }
        }
    }
    assert_int_equal(labels_set_language("da"), 0);
}

/* ---- the explanation, straight from the registry ------------------------ */

typedef struct count_sink {
    int details, shares;
    char last[512];
} count_sink;

static void count_detail(void *ctx, label_id id, va_list ap)
{
    count_sink *c = ctx;
    c->details++;
    label_vformat(c->last, sizeof c->last, id, ap);
}

static void count_share(void *ctx, label_id id, va_list ap)
{
    count_sink *c = ctx;
    c->shares++;
    label_vformat(c->last, sizeof c->last, id, ap);
}

/* The claims' sum. */
static pulje_kr total_of(const pulje_kr *c, size_t n)
{
    pulje_kr t = 0;
    for (size_t i = 0; i < n; i++)
        t += c[i];
    return t;
}

static void test_every_rule_model_is_its_closed_form_with_every_option(void **state)
{
    int rationed[RULE__COUNT] = {0}, capped = 0, dropped = 0, compared = 0;
    (void)state;

    for (int k = 0; k < RULE__COUNT; k++) {
        for (int opt = 0; opt < 4; opt++) {
            for (size_t m = 0; m < N_MONEYS; m++) {
                rule_params p = with_option((rule_kind)k, opt);
                rule_result cf, mo;
                char err[256] = "";
                rule_status rs = rule_apply(&p, claims, N_CLAIMS, moneys[m], &cf);
                model_status ms = model_solve(&p, claims, N_CLAIMS, moneys[m], &mo, err,
                                              sizeof err);
                if (rs != RULE_OK) {
                    /* no closed form, no model: the model agrees there is none */
                    assert_int_not_equal(ms, MODEL_OK);
                    rule_result_free(&cf);
                    continue;
                }
                if (ms != MODEL_OK)
                    fail_msg("rule %s opt %d money %lld: model failed: %s",
                             rule_name(p.kind), opt, (long long)moneys[m], err);
                for (size_t i = 0; i < N_CLAIMS; i++)
                    if (cf.num[i] * mo.den != mo.num[i] * cf.den)
                        fail_msg("rule %s opt %d money %lld claim %zu: model and closed "
                                 "form differ", rule_name(p.kind), opt,
                                 (long long)moneys[m], i);
                assert_int_equal(cf.unshared, mo.unshared);
                rationed[k] += cf.rationed;
                capped += cf.n_capped > 0;
                dropped += cf.n_dropped > 0;
                compared++;
                rule_result_free(&cf);
                rule_result_free(&mo);
            }
        }
    }
    for (int k = 0; k < RULE__COUNT; k++)
        if (rationed[k] == 0)
            fail_msg("rule %s was never rationed here", rule_name((rule_kind)k));
    assert_true(capped > 0);
    assert_true(dropped > 0);
    assert_true(compared >= RULE__COUNT * 4 * 2);
}

static void test_every_rule_explains_the_share_it_gives(void **state)
{
    int explained[RULE__COUNT] = {0};
    (void)state;

    for (int k = 0; k < RULE__COUNT; k++) {
        const ruletext_def *t = ruletext_def_of((rule_kind)k);
        for (size_t m = 0; m < N_MONEYS; m++) {
            rule_params p = with_option((rule_kind)k, 0);
            rule_result rr;
            if (rule_apply(&p, claims, N_CLAIMS, moneys[m], &rr) != RULE_OK)
                continue;
            for (size_t i = 0; rr.rationed && i < N_CLAIMS; i++) {
                count_sink cs = {0, 0, ""};
                ruletext_sink sink = {&cs, count_detail, count_share};
                ruletext_claim c = {&p, &rr, moneys[m], total_of(claims, N_CLAIMS),
                                    claims[i], "SHARE"};
                pulje_wide num = -1, den = 0;
                if (claims[i] == 0)
                    continue;
                t->explain(&c, &sink, &num, &den);
                assert_true(den > 0);
                if (num * rr.den != rr.num[i] * den)
                    fail_msg("rule %s money %lld claim %lld: the explanation's share "
                             "differs from the result's", rule_name(p.kind),
                             (long long)moneys[m], (long long)claims[i]);
                assert_int_equal(cs.shares, 1);
                assert_true(cs.details >= 1);
                /* the share step is last and ends on the result's share */
                assert_non_null(strstr(cs.last, "SHARE"));
                explained[k]++;
            }
            rule_result_free(&rr);
        }
        if (explained[k] == 0)
            fail_msg("rule %s was never explained here", rule_name((rule_kind)k));
    }
}

/* ---- through alloc_run() and explain_build() ----------------------------- */

typedef struct hand {
    pool p;
    pool_line budget;
    app a[N_CLAIMS];
    char nrs[N_CLAIMS][8];
    app_list apps;
    alloc_result r;
    diag_list dl;
    int rc;
} hand;

static void hand_run(hand *h, rule_params rule, pulje_kr money, alloc_method method)
{
    memset(h, 0, sizeof *h);
    h->budget = (pool_line){(char *)"Budget", money, 1};
    h->p.file = (char *)"x.ini";
    h->p.name = (char *)"Puljen";
    h->p.year = 2024;
    h->p.budget = &h->budget;
    h->p.n_budget = 1;
    h->p.rule = rule;
    h->p.rounding = 1;
    h->p.cap_bp = 5500;
    h->p.min_active_years = 5;
    for (size_t k = 0; k < N_CLAIMS; k++) {
        app *a = &h->a[k];
        snprintf(h->nrs[k], sizeof h->nrs[k], "%zu", k + 1);
        a->nr = h->nrs[k];
        a->cvr = (char *)"";
        a->refusal = (char *)"";
        a->association = a->activity = (char *)"F";
        a->applied = a->assessed = claims[k];
        a->assessed_given = true;
        a->years = 1;
        a->active_years = -1;
    }
    h->apps = (app_list){(char *)"x.csv", h->a, N_CLAIMS, NULL, NULL, 0, NULL};
    diag_init(&h->dl);
    h->rc = alloc_run(&h->p, &h->apps, method, &h->r, &h->dl);
}

static void hand_free(hand *h)
{
    if (h->rc == 0)
        alloc_free(&h->r);
    diag_free(&h->dl);
}

static void test_every_rule_and_option_explains_the_result_share(void **state)
{
    int lines = 0;
    (void)state;

    for (int k = 0; k < RULE__COUNT; k++) {
        for (int opt = 0; opt < 4; opt++) {
            for (size_t m = 0; m < N_MONEYS; m++) {
                hand h;
                hand_run(&h, with_option((rule_kind)k, opt), moneys[m],
                         m % 2 ? ALLOC_MODEL : ALLOC_CLOSED_FORM);
                for (size_t i = 0; h.rc == 0 && i < h.r.n; i++) {
                    const alloc_line *l = &h.r.lines[i];
                    explain_text t;
                    assert_int_equal(explain_build(&h.p, &h.apps, &h.r, i, &t), 0);
                    if (t.share_line != EXPLAIN_NO_LINE) {
                        assert_true(t.share_den > 0);
                        if (t.share_num * l->share_den != l->share_num * t.share_den)
                            fail_msg("rule %s opt %d money %lld nr %s: explain's share "
                                     "differs from the result's", rule_name((rule_kind)k),
                                     opt, (long long)moneys[m], h.apps.v[i].nr);
                        lines++;
                    }
                    explain_free(&t);
                }
                hand_free(&h);
            }
        }
    }
    assert_true(lines >= RULE__COUNT * 4 * 7);
}

/* Whether a rule ever leaves a part of some claim untouched. */
static bool protects(rule_kind k)
{
    rule_params p = with_option(k, 0);
    for (size_t i = 0; i < N_CLAIMS; i++)
        if (rule_protected(&p, claims[i]) > 0)
            return true;
    return false;
}

static void test_every_protecting_rule_says_why_it_cannot_share(void **state)
{
    int said = 0;
    (void)state;

    for (int k = 0; k < RULE__COUNT; k++) {
        const rule_def *d = rule_def_of((rule_kind)k);
        rule_params p = with_option((rule_kind)k, 0);
        pulje_kr prot = 0;
        rule_result rr;
        hand h;

        for (size_t i = 0; i < N_CLAIMS; i++)
            prot += rule_protected(&p, claims[i]);
        if (!protects((rule_kind)k)) {
            /* nothing protected: any money can be shared */
            assert_int_equal(rule_apply(&p, claims, N_CLAIMS, 1, &rr), RULE_OK);
            rule_result_free(&rr);
            continue;
        }
        assert_int_equal(rule_apply(&p, claims, N_CLAIMS, prot - 1, &rr), RULE_ERR_PROTECTED);
        if (!d->protected_why)
            fail_msg("rule %s protects claims but cannot say so", d->key);
        hand_run(&h, p, prot - 1, ALLOC_MODEL);
        assert_int_not_equal(h.rc, 0);
        assert_true(h.dl.n >= 1);
        assert_string_equal(h.dl.v[0].hint, msg_tr(d->protected_hint));
        {
            char money[MONEY_BUFSZ];
            money_format_text(prot, money);
            if (!strstr(h.dl.v[0].msg, money))
                fail_msg("rule %s: \"%s\" does not name the protected %s kr.", d->key,
                         h.dl.v[0].msg, money);
        }
        hand_free(&h);
        said++;
    }
    assert_true(said >= 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_rule_has_a_complete_engine_row),
        cmocka_unit_test(test_the_names_list_is_the_registry_in_order),
        cmocka_unit_test(test_every_rule_is_among_compares_defaults),
        cmocka_unit_test(test_every_rule_has_words_in_both_languages),
        cmocka_unit_test(test_every_rule_model_is_its_closed_form_with_every_option),
        cmocka_unit_test(test_every_rule_explains_the_share_it_gives),
        cmocka_unit_test(test_every_rule_and_option_explains_the_result_share),
        cmocka_unit_test(test_every_protecting_rule_says_why_it_cannot_share),
    };
    /* messages: English; the asserted diagnostics are the English keys */
    labels_set_language("en");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
