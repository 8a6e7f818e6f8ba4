/* Each skip rule of the coder (src/code/filters.c) alone: the sentence it
 * was written for is coded with --explain on, and that rule must be the
 * one that drops the word. A rule whose example no longer reaches it is
 * either dead or shadowed by another: either way, this test says so. */
#include "testutil.h"
#include "code/pass.h"

static void test_each_rule_drops_its_example(void **st)
{
    (void)st;
    sr_coder *c = sr_coder_new(test_engine());
    assert_non_null(c);
    sr_coder_set_explain(c, 1);
    int bad = 0;
    for (size_t i = 0; i < sr_nfilter_rules; i++) {
        const sr_filter_rule *r = &sr_filter_rules[i];
        sr_article a;
        memset(&a, 0, sizeof a);
        a.id = "filter";
        a.date = "2019-05-07";
        a.text = r->example;
        sr_result *res;
        sr_error err;
        assert_int_equal(sr_code(c, &a, &res, &err), SR_OK);
        char want[200];
        snprintf(want, sizeof want, "dropped (%s)", r->name);
        const char *x = sr_result_explain(res);
        if (!x || !strstr(x, want)) {
            fprintf(stderr, "rule '%s': its example \"%s\" is not dropped by it:\n%s", r->name, r->example,
                    x ? x : "(no explanation)\n");
            bad++;
        }
    }
    sr_coder_free(c);
    assert_int_equal(bad, 0);
}

/* Every rule says what it drops and why, once. */
static void test_rules_named_once(void **st)
{
    (void)st;
    for (size_t i = 0; i < sr_nfilter_rules; i++) {
        assert_true(sr_filter_rules[i].name[0] && sr_filter_rules[i].example[0]);
        for (size_t k = i + 1; k < sr_nfilter_rules; k++)
            assert_string_not_equal(sr_filter_rules[i].name, sr_filter_rules[k].name);
    }
}

int main(void)
{
    const struct CMUnitTest t[] = {cmocka_unit_test(test_each_rule_drops_its_example),
                                   cmocka_unit_test(test_rules_named_once)};
    int rc = cmocka_run_group_tests_name("filters", t, NULL, NULL);
    sr_engine_free(test_engine());
    return rc;
}
