/* Numbers, dates and the coding API: ownership, stability, limits, threads. */
#include <pthread.h>

#include "testutil.h"
#include "lang/dates.h"
#include "lang/numbers.h"

static sr_arena A;

static long qty(const char *s, int *vague)
{
    sr_token *t;
    size_t n = sr_tokenize(&A, s, strlen(s), &t, 0, NULL);
    sr_number num;
    size_t used = sr_read_quantity(t, n, 0, &num);
    *vague = num.vague;
    return used ? (num.is_year ? -2 : num.value) : -1;
}

static void test_numbers(void **st)
{
    (void)st;
    int v;
    assert_int_equal(qty("nine militants", &v), 9);
    assert_int_equal(qty("twenty-five people", &v), 25);
    assert_int_equal(qty("at least six", &v), 6);
    assert_int_equal(qty("more than 10", &v), 10);
    assert_int_equal(qty("2,500 fighters", &v), 2500);
    assert_int_equal(qty("one hundred and twenty", &v), 120);
    assert_int_equal(qty("half a dozen", &v), 6);
    assert_int_equal(qty("two dozen", &v), 24);
    assert_int_equal(qty("1.5 million", &v), 1500000);
    assert_int_equal(qty("2014", &v), -2);
    qty("dozens of", &v);
    assert_true(v);
    assert_int_equal(qty("the army", &v), -1);
    /* every word a number may start with is read, whatever its case (a
     * quick test by first letters and length comes before the words) */
    static const char *const words[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    char buf[64];
    for (int k = 0; k < 20; k++) {
        snprintf(buf, sizeof buf, "%s people", words[k]);
        assert_int_equal(qty(buf, &v), k);
        snprintf(buf, sizeof buf, "%c%s people", words[k][0] - 32, words[k] + 1);
        assert_int_equal(qty(buf, &v), k);
    }
    for (int k = 0; k < 8; k++) {
        snprintf(buf, sizeof buf, "%s people", tens[k]);
        assert_int_equal(qty(buf, &v), 20 + 10 * k);
        snprintf(buf, sizeof buf, "%s-one people", tens[k]);
        assert_int_equal(qty(buf, &v), 21 + 10 * k);
    }
    static const char *const vague[] = {"dozens", "scores", "several", "hundreds", "thousands", "tens",
                                        "many", "multiple", "millions", "numerous", "countless"};
    for (int k = 0; k < 11; k++) {
        snprintf(buf, sizeof buf, "%s of people", vague[k]);
        v = 0;
        qty(buf, &v);
        assert_true(v);
    }
    assert_int_equal(qty("a dozen people", &v), 12);
    assert_int_equal(qty("an hundred people", &v), 100);
    assert_int_equal(qty("a thousand people", &v), 1000);
    qty("a number of people", &v);
    assert_true(v);
    assert_int_equal(qty("twelve", &v), 12);
    assert_int_equal(qty("their people", &v), -1);
    /* found by fuzz_numdate: a count too large for a long was undefined
     * behaviour; such digit strings are not counts at all */
    assert_int_equal(qty("888888888888888888888888888 people", &v), -1);
    assert_int_equal(qty("99999999999 million", &v), 99999999999);
}

static int resolve(const char *article, const char *text, char out[11], int *prec)
{
    sr_date ad;
    if (sr_date_parse_iso(article, &ad))
        return -1;
    sr_token *t;
    size_t n = sr_tokenize(&A, text, strlen(text), &t, 0, NULL);
    sr_timex tx[8];
    size_t k = sr_find_timex(t, n, tx, 8);
    if (!k)
        return 0;
    sr_date d;
    if (!sr_timex_resolve(&tx[0], &ad, &d, prec))
        return 0;
    sr_date_format(&d, out);
    return 1;
}

/* An interval reader's case: the words, the tokens it reads, its days. */
typedef struct {
    const char *text;
    size_t used;
    int days;
} interval_case;

static void check_intervals(const interval_case *cases, size_t ncases,
                            size_t (*read)(const sr_token *, size_t, size_t, int *))
{
    for (size_t i = 0; i < ncases; i++) {
        sr_token *t;
        size_t n = sr_tokenize(&A, cases[i].text, strlen(cases[i].text), &t, 0, NULL);
        int days = 0;
        size_t u = read(t, n, 0, &days);
        assert_int_equal(u, cases[i].used);
        if (u)
            assert_int_equal(days, cases[i].days);
    }
}

/* "two days after", "a week before": the interval between two tellings */
static void test_interval(void **st)
{
    (void)st;
    static const interval_case cases[] = {
        {"two days after bandits", 3, 2}, {"a week after", 3, 7}, {"3 days before", 3, -3},
        {"one day after", 3, 1},          {"days after", 0, 0},  {"two days ago", 0, 0},
        {"dozens of days after", 0, 0},
    };
    check_intervals(cases, sizeof cases / sizeof *cases, sr_read_interval);
}

/* "days after", "just weeks before": an interval without its count, at
 * the least it can mean */
static void test_rough_interval(void **st)
{
    (void)st;
    static const interval_case cases[] = {
        {"days after the Houthis", 2, 2}, {"just days after", 3, 2},  {"a few days before", 4, -2},
        {"weeks after", 2, 14},           {"several weeks after", 3, 14}, {"two days after", 0, 0},
        {"days of fighting", 0, 0},       {"a few months after", 0, 0}, {"days later", 0, 0},
    };
    check_intervals(cases, sizeof cases / sizeof *cases, sr_read_rough_interval);
}

/* "a week of protests", "days of fighting": a span of time */
static void test_span(void **st)
{
    (void)st;
    static const struct {
        const char *text;
        size_t used;
    } cases[] = {
        {"a week of protests", 3}, {"days of fighting", 2}, {"two months of clashes", 3}, {"a fortnight of strikes", 3},
        {"a week after", 0},       {"days ago", 0},         {"2014 of", 0},               {"weeks protests", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sr_token *t;
        size_t n = sr_tokenize(&A, cases[i].text, strlen(cases[i].text), &t, 0, NULL);
        assert_int_equal(sr_read_span(t, n, 0), cases[i].used);
    }
}

static void test_dates(void **st)
{
    (void)st;
    /* every month name and abbreviation, through the quick test by first
     * letter and length and without it; and words that are none */
    static const char *const months[][2] = {
        {"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may", "may"},
        {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep"}, {"october", "oct"},
        {"november", "nov"}, {"december", "dec"}};
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 2; k++) {
            assert_int_equal(sr_month_of(months[m][k]), m + 1);
            assert_int_equal(sr_month_of_len(months[m][k], strlen(months[m][k])), m + 1);
        }
    assert_int_equal(sr_month_of_len("sept", 4), 9);
    assert_int_equal(sr_month_of_len("syria", 5), 0);
    assert_int_equal(sr_month_of_len("aleppo", 6), 0);
    assert_int_equal(sr_month_of_len("ma", 2), 0);
    char d[11];
    int p;
    /* 2018-11-04 was a Sunday */
    assert_int_equal(resolve("2018-11-04", "killed on Sunday", d, &p), 1);
    assert_string_equal(d, "2018-11-04");
    assert_int_equal(resolve("2018-11-04", "on Wednesday midnight", d, &p), 1);
    assert_string_equal(d, "2018-10-31");
    assert_int_equal(resolve("2018-11-04", "last Sunday", d, &p), 1);
    assert_string_equal(d, "2018-10-28");
    /* "on Thursday last week": the Thursday of the week before (2024-03-08
     * was a Friday; its week began on Monday 4 March) */
    assert_int_equal(resolve("2024-03-08", "on Thursday last week", d, &p), 1);
    assert_string_equal(d, "2024-02-29");
    assert_int_equal(resolve("2024-03-08", "on Sunday last week", d, &p), 1);
    assert_string_equal(d, "2024-03-03");
    assert_int_equal(resolve("2018-11-04", "two days ago", d, &p), 1);
    assert_string_equal(d, "2018-11-02");
    assert_int_equal(resolve("2018-11-04", "yesterday", d, &p), 1);
    assert_string_equal(d, "2018-11-03");
    assert_int_equal(resolve("2018-11-04", "last week", d, &p), 1);
    assert_int_equal(p, 2);
    assert_int_equal(resolve("2019-01-03", "on 25 December", d, &p), 1);
    assert_string_equal(d, "2018-12-25");
    assert_int_equal(resolve("2018-11-04", "Saturday, November 3", d, &p), 1);
    assert_string_equal(d, "2018-11-03");
    assert_int_equal(resolve("2019-04-27", "Saturday, 27-4-2019", d, &p), 1);
    assert_string_equal(d, "2019-04-27");
    assert_int_equal(resolve("2016-03-01", "on Feb. 29", d, &p), 1);
    assert_string_equal(d, "2016-02-29");
    assert_int_equal(resolve("2018-11-04", "in September", d, &p), 1);
    assert_int_equal(p, 3);
    assert_int_equal(resolve("2018-11-04", "may attack", d, &p), 0);
    sr_date bad;
    assert_int_equal(sr_date_parse_iso("2018-02-30", &bad), -1);
    assert_int_equal(sr_date_parse_iso("18-11-04", &bad), -1);
    assert_int_equal(sr_date_parse_iso("2018-11-04T10:00:00Z", &bad), 0);
}

static sr_result *code(sr_coder *c, const char *id, const char *text, const char *date)
{
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.text = text;
    a.date = date;
    sr_result *r;
    sr_error err;
    assert_int_equal(sr_code(c, &a, &r, &err), SR_OK);
    return r;
}

static const char *SAMPLE = "Russian warplanes bombed the town of Saraqib on Sunday, killing 12 civilians.\n"
                            "Islamic State fighters abducted 30 villagers near Hajin on Saturday.";

static void test_ids_stable_and_distinct(void **st)
{
    (void)st;
    sr_coder *c1 = sr_coder_new(test_engine()), *c2 = sr_coder_new(test_engine());
    sr_result *r1 = code(c1, "doc-1", SAMPLE, "2019-05-06");
    sr_result *r2 = code(c2, "doc-1", SAMPLE, "2019-05-06");
    assert_int_equal(sr_result_count(r1), 2);
    assert_int_equal(sr_result_count(r2), 2);
    for (size_t i = 0; i < 2; i++)
        assert_string_equal(sr_event_id(sr_result_event(r1, i)), sr_event_id(sr_result_event(r2, i)));
    assert_string_not_equal(sr_event_id(sr_result_event(r1, 0)), sr_event_id(sr_result_event(r1, 1)));
    sr_result *r3 = code(c2, "doc-2", SAMPLE, "2019-05-06");
    assert_string_not_equal(sr_event_id(sr_result_event(r1, 0)), sr_event_id(sr_result_event(r3, 0)));
    assert_int_equal(sr_event_sentence(sr_result_event(r1, 1)), 1);
    assert_string_equal(sr_event_doc_id(sr_result_event(r1, 1)), "doc-1");
    sr_coder_free(c1);
    sr_coder_free(c2);
}

static void test_invalid_article(void **st)
{
    (void)st;
    sr_coder *c = sr_coder_new(test_engine());
    sr_article a;
    memset(&a, 0, sizeof a);
    sr_result *r;
    sr_error err;
    assert_int_equal(sr_code(c, &a, &r, &err), SR_ERR_INVALID);
    assert_non_null(strstr(err.msg, "id"));
    r = code(c, "empty", "", NULL);
    assert_int_equal(sr_result_count(r), 0);
    sr_coder_free(c);
}

static void test_limits_warn(void **st)
{
    (void)st;
    sr_options o;
    memset(&o, 0, sizeof o);
    o.data_dir = test_data_dir();
    o.max_article_bytes = 100;
    o.max_sentence_tokens = 8;
    sr_engine *e;
    sr_error err;
    assert_int_equal(sr_engine_open(&o, &e, &err), SR_OK);
    sr_coder *c = sr_coder_new(e);
    sr_result *r = code(c, "long", SAMPLE, "2019-05-06");
    assert_true(sr_result_warning_count(r) >= 2);
    int art = 0, tok = 0;
    for (size_t i = 0; i < sr_result_warning_count(r); i++) {
        if (strstr(sr_result_warning(r, i), "longer than the limit"))
            art = 1;
        if (strstr(sr_result_warning(r, i), "tokens"))
            tok = 1;
    }
    assert_true(art);
    assert_true(tok);
    sr_coder_free(c);
    sr_engine_free(e);
}

static void test_missing_data_dir(void **st)
{
    (void)st;
    sr_options o;
    memset(&o, 0, sizeof o);
    o.data_dir = "/nonexistent/sitrep-data";
    sr_engine *e;
    sr_error err;
    assert_int_equal(sr_engine_open(&o, &e, &err), SR_ERR_IO);
    assert_non_null(strstr(err.file, "/nonexistent/sitrep-data/taxonomy.txt"));
    assert_null(e);
}

typedef struct job {
    char out[8][600];
    size_t n;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    sr_coder *c = sr_coder_new(test_engine());
    for (int rep = 0; rep < 50; rep++) {
        sr_article a;
        memset(&a, 0, sizeof a);
        a.id = "t";
        a.text = SAMPLE;
        a.date = "2019-05-06";
        sr_result *r;
        sr_error err;
        if (sr_code(c, &a, &r, &err) != SR_OK)
            break;
        j->n = sr_result_count(r) < 8 ? sr_result_count(r) : 8;
        for (size_t i = 0; i < j->n; i++)
            test_render(sr_result_event(r, i), j->out[i], sizeof j->out[i]);
    }
    sr_coder_free(c);
    return NULL;
}

/* One engine, several coders in threads: the same answers. */
static void test_threads_share_engine(void **st)
{
    (void)st;
    job jobs[4];
    pthread_t th[4];
    memset(jobs, 0, sizeof jobs);
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    for (int i = 0; i < 4; i++)
        pthread_join(th[i], NULL);
    assert_int_equal(jobs[0].n, 2);
    for (int i = 1; i < 4; i++) {
        assert_int_equal(jobs[i].n, jobs[0].n);
        for (size_t k = 0; k < jobs[0].n; k++)
            assert_string_equal(jobs[i].out[k], jobs[0].out[k]);
    }
}

int main(void)
{
    sr_arena_init(&A, 1 << 16);
    const struct CMUnitTest t[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_interval), cmocka_unit_test(test_rough_interval), cmocka_unit_test(test_span),
        cmocka_unit_test(test_ids_stable_and_distinct),
        cmocka_unit_test(test_invalid_article),
        cmocka_unit_test(test_limits_warn),
        cmocka_unit_test(test_missing_data_dir),
        cmocka_unit_test(test_threads_share_engine),
    };
    int rc = cmocka_run_group_tests_name("code", t, NULL, NULL);
    sr_arena_free(&A);
    sr_engine_free(test_engine());
    return rc;
}
