/* Reading articles (JSON Lines, text, HTML) and writing events. */
#include <unistd.h>

#include "testutil.h"
#include "../fuzz/jsonl_same.h"
#include "queue/queue.h"
#include "util/buf.h"

static char tmpdir[] = "/tmp/sitrep-test-io-XXXXXX";

static const char *write_tmp(const char *name, const char *data, size_t n)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
    return path;
}

static void test_jsonl_errors_and_recovery(void **st)
{
    (void)st;
    static const char data[] = "\xef\xbb\xbf{\"id\":\"a\",\"text\":\"one\"}\r\n"
                               "\n"
                               "{\"id\":\"b\",\"text\":\n"
                               "[1,2]\n"
                               "{\"text\":\"no id\"}\n"
                               "{\"id\":\"c\"}\n"
                               "{\"id\":7,\"text\":\"numeric id\",\"date\":5}\n"
                               "{\"id\":1e999,\"text\":\"x\"}\n"
                               "{\"id\":\"d\",\"text\":42}\n"
                               "{\"id\":\"e\",\"text\":\"ok\"} trailing\n"
                               "{\"id\":\"f\",\"text\":\"last\"}";
    const char *p = write_tmp("a.jsonl", data, sizeof data - 1);
    sr_reader *r;
    sr_error err;
    assert_int_equal(sr_reader_open(p, SR_INPUT_AUTO, &r, &err), SR_OK);
    struct {
        sr_status st;
        long line;
        const char *id_or_msg;
    } want[] = {{SR_OK, 1, "a"},
                {SR_ERR_PARSE, 3, "not valid JSON"},
                {SR_ERR_PARSE, 4, "expected a JSON object, found an array"},
                {SR_ERR_PARSE, 5, "missing \"id\""},
                {SR_ERR_PARSE, 6, "missing \"text\""},
                {SR_OK, 7, "7"},
                {SR_ERR_PARSE, 8, "\"id\" must be a string"},
                {SR_ERR_PARSE, 9, "\"text\" must be a string, found a number"},
                {SR_ERR_PARSE, 10, "extra text after"},
                {SR_OK, 11, "f"}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        sr_article a;
        int eof;
        sr_status s = sr_reader_next(r, &a, &eof, &err);
        assert_false(eof);
        assert_int_equal(s, want[i].st);
        if (s == SR_OK) {
            assert_string_equal(a.id, want[i].id_or_msg);
            assert_int_equal(sr_reader_line(r), want[i].line);
            if (!strcmp(a.id, "7")) {
                assert_null(a.date);
                assert_non_null(sr_reader_warning(r));
            }
        } else {
            assert_int_equal(err.line, want[i].line);
            assert_non_null(strstr(err.msg, want[i].id_or_msg));
            assert_non_null(strstr(err.file, "a.jsonl"));
        }
    }
    sr_article a;
    int eof;
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_true(eof);
    sr_reader_close(r);
}

static void test_long_line_rejected(void **st)
{
    (void)st;
    size_t n = 300000;
    char *big = malloc(n + 64);
    assert_non_null(big);
    memcpy(big, "{\"id\":\"big\",\"text\":\"", 20);
    memset(big + 20, 'x', n - 20);
    strcpy(big + n, "\"}\n{\"id\":\"next\",\"text\":\"y\"}\n");
    const char *p = write_tmp("big.jsonl", big, strlen(big));
    free(big);
    sr_reader *r;
    sr_error err;
    assert_int_equal(sr_reader_open(p, SR_INPUT_JSONL, &r, &err), SR_OK);
    sr_reader_set_max_line(r, 100000);
    sr_article a;
    int eof;
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_ERR_PARSE);
    assert_non_null(strstr(err.msg, "longer than"));
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_string_equal(a.id, "next");
    assert_int_equal(sr_reader_line(r), 2);
    sr_reader_close(r);
}

static void test_text_and_html_files(void **st)
{
    (void)st;
    const char *p = write_tmp("report.txt", "Line one.\nLine two.", 19);
    sr_reader *r;
    sr_error err;
    sr_article a;
    int eof;
    assert_int_equal(sr_reader_open(p, SR_INPUT_AUTO, &r, &err), SR_OK);
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_string_equal(a.id, "report.txt");
    assert_string_equal(a.text, "Line one.\nLine two.");
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_true(eof);
    sr_reader_close(r);

    static const char html[] = "<html><head><title>Strike on Hajin</title><script>var x=1;</script></head>"
                               "<body><nav>Home | News</nav><p>Coalition jets struck <b>Hajin</b> on Sunday."
                               "<p>Second paragraph<div>third<br>fourth</body>";
    p = write_tmp("page.html", html, sizeof html - 1);
    assert_int_equal(sr_reader_open(p, SR_INPUT_AUTO, &r, &err), SR_OK);
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_string_equal(a.title, "Strike on Hajin");
    assert_string_equal(a.text, "Coalition jets struck Hajin on Sunday.\nSecond paragraph\nthird\nfourth\n");
    sr_reader_close(r);
}

static void test_missing_file(void **st)
{
    (void)st;
    sr_reader *r;
    sr_error err;
    assert_int_equal(sr_reader_open("/nonexistent/x.jsonl", SR_INPUT_AUTO, &r, &err), SR_ERR_IO);
    assert_non_null(strstr(err.msg, "cannot open"));
}

static void test_writers(void **st)
{
    (void)st;
    sr_coder *c = sr_coder_new(test_engine());
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = "w\"1";
    a.text = "Russian warplanes bombed the town of Saraqib, in Idlib, on Sunday, killing 12 civilians.";
    a.date = "2019-05-06";
    sr_result *r;
    sr_error err;
    assert_int_equal(sr_code(c, &a, &r, &err), SR_OK);
    assert_int_equal(sr_result_count(r), 1);
    const sr_event *e = sr_result_event(r, 0);
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(sr_write_event(f, SR_FORMAT_JSONL, e), 0);
    fclose(f);
    assert_non_null(strstr(buf, "\"doc_id\":\"w\\\"1\""));
    assert_non_null(strstr(buf, "\"sub_event_type\":\"Air/drone strike\""));
    assert_non_null(strstr(buf, "\"fatalities\":12"));
    assert_non_null(strstr(buf, "\"lat\":35.8600"));
    assert_int_equal(buf[len - 1], '\n');
    free(buf);
    /* CSV is the exporter's: ACLED's columns, then sitrep's */
    sr_export *x = sr_export_new(test_engine(), SR_FORMAT_CSV, 1700000000);
    assert_non_null(x);
    buf = NULL;
    len = 0;
    size_t cap = 0;
    assert_int_equal(sr_export_begin(x, &buf, &len, &cap), 0);
    assert_int_equal(sr_export_event(x, &a, e, &buf, &len, &cap), 0);
    assert_non_null(strstr(buf, "event_id_cnty,event_date,year,"));
    assert_non_null(strstr(buf, ",2019-05-05,2019,1,Political violence,Explosions/Remote violence,Air/drone strike,"));
    /* the sentence has commas: quoted; the id has a quote: doubled */
    assert_non_null(strstr(buf, "\"Russian warplanes bombed the town of Saraqib, in Idlib, on Sunday"));
    assert_non_null(strstr(buf, "\"w\"\"1\""));
    /* no event lines in GeoJSON: refused, nothing appended */
    size_t before = len;
    sr_export_free(x);
    x = sr_export_new(test_engine(), SR_FORMAT_GEOJSON, 0);
    assert_int_equal(sr_export_event(x, &a, e, &buf, &len, &cap), -1);
    assert_int_equal(len, before);
    sr_export_free(x);
    free(buf);
    /* CAMEO TSV: the country as ISO3, the Goldstein value after the quad class */
    x = sr_export_new(test_engine(), SR_FORMAT_CAMEO_TSV, 0);
    buf = NULL;
    len = cap = 0;
    assert_int_equal(sr_export_event(x, &a, e, &buf, &len, &cap), 0);
    assert_non_null(strstr(buf, "\t20190505\t2019\t05\t05\tRUSMILAIR\t"));
    assert_non_null(strstr(buf, "\t195\t19\t4\t-10.0\t"));
    assert_non_null(strstr(buf, "\tSYR\t"));
    free(buf);
    sr_export_free(x);
    /* sr_format_event appends the same line as sr_write_event writes, to a
     * buffer that grows from nothing */
    f = open_memstream(&buf, &len);
    assert_int_equal(sr_write_event(f, SR_FORMAT_JSONL, e), 0);
    assert_int_equal(sr_write_event(f, SR_FORMAT_JSONL, e), 0);
    fclose(f);
    char *out = NULL;
    size_t olen = 0, ocap = 0;
    assert_int_equal(sr_format_event(SR_FORMAT_JSONL, e, &out, &olen, &ocap), 0);
    assert_int_equal(sr_format_event(SR_FORMAT_JSONL, e, &out, &olen, &ocap), 0);
    assert_int_equal(olen, len);
    assert_true(ocap > olen);
    assert_memory_equal(out, buf, len);
    assert_int_equal(out[olen], 0);
    /* no event lines but JSON Lines: refused, nothing appended */
    assert_int_equal(sr_format_event(SR_FORMAT_CSV, e, &out, &olen, &ocap), -1);
    assert_int_equal(olen, len);
    free(out);
    free(buf);
    sr_format fmt;
    assert_int_equal(sr_format_parse("csv", &fmt), 0);
    assert_int_equal(fmt, SR_FORMAT_CSV);
    assert_int_equal(sr_format_parse("acled-csv", &fmt), 0);
    assert_int_equal(fmt, SR_FORMAT_ACLED_CSV);
    assert_int_equal(sr_format_parse("xml", &fmt), -1);
    sr_coder_free(c);
}

/* What would make cJSON cut or reject an article is repaired before it
 * parses, and said: NULs (raw or escaped), lone surrogate escapes; a BOM
 * on any line (files joined with cat); UTF-16 and gzip files are named. */
static void test_jsonl_repairs(void **st)
{
    (void)st;
    static const char data[] = "{\"id\":\"a\",\"text\":\"one\\u0000two\"}\n"
                               "{\"id\":\"b\",\"text\":\"x\0y\"}\n"
                               "{\"id\":\"c\",\"text\":\"lone \\ud800 pair \\ud83d\\ude00\"}\n"
                               "\xef\xbb\xbf{\"id\":\"d\",\"text\":\"bom \\\\u0000\"}\n"
                               "\0\0\n"
                               "{\"id\":\"e\",\"text\":\"cut \\\n"; /* found by fuzz_jsonl */
    const char *p = write_tmp("r.jsonl", data, sizeof data - 1);
    sr_reader *r;
    sr_error err;
    sr_article a;
    int eof;
    assert_int_equal(sr_reader_open(p, SR_INPUT_AUTO, &r, &err), SR_OK);
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_string_equal(a.text, "one two");
    assert_non_null(strstr(sr_reader_warning(r), "1 NUL"));
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_string_equal(a.text, "x y");
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_string_equal(a.text, "lone \xef\xbf\xbd pair \xf0\x9f\x98\x80");
    assert_non_null(strstr(sr_reader_warning(r), "1 unpaired"));
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_string_equal(a.id, "d");
    assert_string_equal(a.text, "bom \\u0000"); /* an escaped backslash: text */
    assert_null(sr_reader_warning(r));
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_ERR_PARSE);
    assert_int_equal(err.line, 5);
    /* a backslash as the last byte of a line */
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_ERR_PARSE);
    assert_int_equal(err.line, 6);
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_true(eof);
    sr_reader_close(r);

    static const char u16[] = "\xff\xfe{\0\"\0i\0d\0\"\0\n\0{\"id\":\"z\",\"text\":\"t\"}\n";
    p = write_tmp("u16.jsonl", u16, sizeof u16 - 1);
    assert_int_equal(sr_reader_open(p, SR_INPUT_AUTO, &r, &err), SR_OK);
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_ERR_PARSE);
    assert_non_null(strstr(err.msg, "UTF-16"));
    assert_int_equal(sr_reader_next(r, &a, &eof, &err), SR_OK);
    assert_true(eof); /* the rest of the file is not read as lines */
    sr_reader_close(r);
}

/* Whatever bytes an id holds, the output is valid UTF-8. */
static void test_writer_repairs_utf8(void **st)
{
    (void)st;
    sr_coder *c = sr_coder_new(test_engine());
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = "bad\xff\xc0\xafid\xe2\x82";
    a.text = "Russian warplanes bombed the town of Saraqib on Sunday.";
    a.date = "2019-05-06";
    sr_result *r;
    sr_error err;
    assert_int_equal(sr_code(c, &a, &r, &err), SR_OK);
    assert_int_equal(sr_result_count(r), 1);
    char *buf;
    size_t len;
    static const sr_format fmts[] = {SR_FORMAT_JSONL, SR_FORMAT_CAMEO_TSV, SR_FORMAT_CSV, SR_FORMAT_PHOENIX,
                                     SR_FORMAT_PLOVER};
    for (size_t k = 0; k < sizeof fmts / sizeof *fmts; k++) {
        sr_export *x = sr_export_new(test_engine(), fmts[k], 0);
        buf = NULL;
        len = 0;
        size_t cap = 0;
        assert_int_equal(sr_export_event(x, &a, sr_result_event(r, 0), &buf, &len, &cap), 0);
        assert_non_null(strstr(buf, "bad\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdid\xef\xbf\xbd"));
        free(buf);
        sr_export_free(x);
    }
    sr_coder_free(c);
}

/* The JSON string writer against a byte-at-a-time reference: every
 * character that needs care, at every offset of strings long enough to
 * take the eight-bytes-a-step path. */
static void ref_json_str(sr_buf *b, const char *s)
{
    sr_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == 0xc3 && p[1] == 0xa9) { /* the one multi-byte letter used below */
            sr_buf_put(b, p, 2);
            p++;
        } else if (*p >= 0x80) {
            sr_buf_puts(b, "\xef\xbf\xbd");
        } else if (*p == '"') {
            sr_buf_puts(b, "\\\"");
        } else if (*p == '\\') {
            sr_buf_puts(b, "\\\\");
        } else if (*p == '\n') {
            sr_buf_puts(b, "\\n");
        } else if (*p < 0x20 || *p == 0x7f) {
            sr_buf_printf(b, "\\u%04x", *p);
        } else {
            sr_buf_putc(b, (char)*p);
        }
    }
    sr_buf_putc(b, '"');
}

static void test_json_string_every_offset(void **st)
{
    (void)st;
    static const char *const odd[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xff", "\xc3"};
    for (size_t k = 0; k < sizeof odd / sizeof *odd; k++)
        for (size_t len = 0; len <= 24; len++)
            for (size_t at = 0; at <= len; at++) {
                char in[64];
                memset(in, 'a', len);
                in[len] = 0;
                /* the odd character replaces the byte at `at` */
                char s[80];
                snprintf(s, sizeof s, "%.*s%s%s", (int)at, in, odd[k], at < len ? in + at + 1 : "");
                sr_buf got, want;
                sr_buf_init(&got);
                sr_buf_init(&want);
                sr_buf_json_str(&got, s);
                ref_json_str(&want, s);
                if (strcmp(sr_buf_cstr(&got), sr_buf_cstr(&want)))
                    fail_msg("odd %zu len %zu at %zu: got %s want %s", k, len, at, sr_buf_cstr(&got),
                             sr_buf_cstr(&want));
                sr_buf_free(&got);
                sr_buf_free(&want);
            }
}

/* Lines the fast path reads, lines it must hand to cJSON, and lines in
 * between: both ways give the same articles, errors and warnings. */
static void test_jsonl_fast_path_same_as_cjson(void **st)
{
    (void)st;
    static const char *const lines[] = {
        "{\"id\": \"a1\", \"text\": \"Plain text.\", \"date\": \"2020-01-02\", \"title\": \"T\"}",
        "{\"id\":\"a2\",\"text\":\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t end\"}",
        "  {\"text\": \"order does not matter\", \"id\": \"a3\"}  ",
        "{\"id\": \"a4\", \"text\": \"first\", \"text\": \"second\", \"id\": \"zz\"}",
        "{\"id\": \"a5\", \"text\": \"x\", \"date\": null, \"title\": null, \"url\": \"http://e/x\"}",
        "{\"id\": \"a6\", \"text\": \"caf\\u00e9 \\u062f\\u0645 \\ud83d\\ude00 \\u0041\"}",
        "{\"id\": \"a7\", \"text\": \"lone \\ud800 and \\udc00 and \\u0000 zero\"}",
        "{\"id\": \"a8\", \"text\": \"x\", \"extra\": {\"nested\": [1, 2]}}",
        "{\"id\": 12, \"text\": \"numeric id\"}",
        "{\"id\": \"\", \"text\": \"empty id\"}",
        "{\"id\": \"a9\"}",
        "{\"id\": \"a10\", \"text\": null}",
        "{\"id\": \"a11\", \"text\": 5}",
        "{\"id\": \"a12\", \"text\": \"x\", \"date\": 20200102}",
        "{\"id\": \"a13\", \"text\": \"x\"} trailing",
        "{\"id\": \"a14\", \"text\": \"x\",}",
        "{\"id\": \"a15\", \"text\": \"bad escape \\x\"}",
        "{\"id\": \"a16\", \"text\": \"unterminated}",
        "{\"i\\u0064\": \"a17\", \"text\": \"escaped key\"}",
        "{\"id\": \"a18\", \"text\": \"tab\tinside and raw \x01 control\"}",
        "{\"id\": \"a19\", \"text\": \"raw bytes \xff\xfe and \xc3\xa9\"}",
        "[\"not\", \"an object\"]",
        "{}",
        "{\"id\": \"a20\", \"text\": \"x\", \"flag\": true, \"n\": -1.5e3}",
        "{\"id\":\"a21\",\"text\":\"exactly eight\\\"bytes\\\\run..........\"}",
        "\t{\"id\"\t:\t\"a22\"\r,\"text\" : \"spaces\" }\r",
        "{\"id\": \"a23\", \"text\": \"x\", \"source\": \"\"}",
        "{\"id\": \"a24\", \"text\": \"\"}",
        "{\"id\": \"a25\", \"text\": \"half pair \\ud83d\\u0041\"}",
        "{\"id\": \"a26\", \"text\": \"short \\u12\"}",
        "{\"id\": \"a27\" \"text\": \"no comma\"}",
        "{\"id\": \"a28\", \"text\": \"nul\0inside\"}",
    };
    /* 1: read by the fast path (after the line's repairs: a lone
     * surrogate is \ufffd and \u0000 a space by then) */
    static const int fast_way[] = {1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                   0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1};
    assert_int_equal(sizeof fast_way / sizeof fast_way[0], sizeof lines / sizeof lines[0]);
    char why[600];
    /* one line at a time, then all in one file */
    char all[8192];
    size_t used = 0;
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        /* a28 holds a NUL: its length is up to the closing brace */
        size_t n = strlen(lines[i]);
        if (strstr(lines[i], "\"a28\""))
            n += strlen(lines[i] + n + 1) + 1;
        char one[1024];
        memcpy(one, lines[i], n);
        one[n] = '\n';
        size_t fast;
        int agree = jsonl_paths_agree((const unsigned char *)one, n + 1, why, sizeof why, &fast);
        if (agree != 1)
            fail_msg("line %zu: %s", i, agree ? "could not run" : why);
        /* flat records of strings go the fast way, the rest to cJSON */
        if (fast != (size_t)fast_way[i])
            fail_msg("line %zu: read by the %s, expected the %s", i, fast ? "fast path" : "full parser",
                     fast_way[i] ? "fast path" : "full parser");
        memcpy(all + used, one, n + 1);
        used += n + 1;
    }
    assert_int_equal(jsonl_paths_agree((const unsigned char *)all, used, why, sizeof why, NULL), 1);
    /* and each line cut at every length */
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        for (size_t cut = 1; cut < strlen(lines[i]); cut++)
            if (jsonl_paths_agree((const unsigned char *)lines[i], cut, why, sizeof why, NULL) != 1)
                fail_msg("line %zu cut at %zu: %s", i, cut, why);
}

/* The writers' number formatting agrees with printf's, digit for digit. */
static void test_number_format(void **st)
{
    (void)st;
    unsigned long long x = 88172645463325252ull;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v = ((double)(x % 4000000001ull) - 2000000000.0) / (i % 3 ? 1e7 : 1e4);
        if (i % 5 == 0)
            v = (double)((long long)(x % 3600001) - 1800000) / 10000.0 + 0.00005; /* near ties */
        char want[64];
        snprintf(want, sizeof want, "%.4f", v);
        sr_buf b;
        sr_buf_init(&b);
        sr_buf_put_fixed4(&b, v);
        if (strcmp(sr_buf_cstr(&b), want))
            fail_msg("%.17g: wrote %s, printf %s", v, sr_buf_cstr(&b), want);
        sr_buf_clear(&b);
        /* a confidence: 0 to 1, "%.2f", ties and near ties among them */
        double p = (double)(x % 1000001) / 1000000.0;
        if (i % 7 == 0)
            p = (double)(x % 101) / 100.0 + 0.005;
        snprintf(want, sizeof want, "%.2f", p);
        sr_buf_put_fixed2(&b, p);
        if (strcmp(sr_buf_cstr(&b), want))
            fail_msg("%.17g: wrote %s, printf %s", p, sr_buf_cstr(&b), want);
        sr_buf_clear(&b);
        long l = (long)(x % 2000001) - 1000000;
        sr_buf_put_long(&b, l);
        snprintf(want, sizeof want, "%ld", l);
        assert_string_equal(sr_buf_cstr(&b), want);
        sr_buf_free(&b);
    }
}

/* A queue message is an article exactly as an input line: what submit
 * writes, a worker reads back whole; anything else is refused with why. */
static void test_queue_messages(void **st)
{
    (void)st;
    sr_article a = {.id = "q-1", .text = "Gunmen attacked \"the\" base.\nTwo died.", .date = "2017-03-02",
                    .title = NULL, .source = "Outlet A", .url = "http://example.org/1"};
    size_t len = 0;
    char *body = sr_queue_encode(&a, &len);
    assert_non_null(body);
    assert_null(memchr(body, '\n', len)); /* one line */
    sr_article b;
    sr_queue_decoded *d = NULL;
    sr_error err;
    assert_int_equal(sr_queue_decode(body, len, &b, &d, &err), SR_OK);
    assert_string_equal(b.id, "q-1");
    assert_memory_equal(b.text, a.text, strlen(a.text));
    assert_string_equal(b.date, "2017-03-02");
    assert_null(b.title);
    assert_string_equal(b.source, "Outlet A");
    assert_string_equal(b.url, "http://example.org/1");
    sr_queue_decoded_free(d);
    free(body);
    static const struct {
        const char *body, *why;
    } bad[] = {
        {"", "empty message"},
        {"{\"id\": \"x\"}", "text"},
        {"{\"id\":\"x\",\"text\":\"a\"}\n{\"id\":\"y\",\"text\":\"b\"}", "one article"},
        {"not json", ""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        d = NULL;
        memset(&err, 0, sizeof err);
        assert_int_equal(sr_queue_decode(bad[i].body, strlen(bad[i].body), &b, &d, &err), SR_ERR_PARSE);
        assert_null(d);
        assert_true(err.msg[0] != 0);
        assert_non_null(strstr(err.msg, bad[i].why));
    }
    char mid[SR_QUEUE_MAX_MSG_ID + 1], mid2[SR_QUEUE_MAX_MSG_ID + 1];
    sr_queue_msg_id("plain-id 42", mid);
    assert_string_equal(mid, "plain-id 42");
    sr_queue_msg_id("line\r\nNats-Msg-Id: forged", mid);
    assert_int_equal(strncmp(mid, "hash:", 5), 0);
    assert_int_equal(strlen(mid), 5 + 32);
    sr_queue_msg_id("line\r\nNats-Msg-Id: forgeD", mid2);
    assert_string_not_equal(mid, mid2);
}

int main(void)
{
    if (!mkdtemp(tmpdir))
        return 1;
    const struct CMUnitTest t[] = {
        cmocka_unit_test(test_jsonl_errors_and_recovery),
        cmocka_unit_test(test_long_line_rejected),
        cmocka_unit_test(test_text_and_html_files),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_writers),
        cmocka_unit_test(test_jsonl_repairs),
        cmocka_unit_test(test_writer_repairs_utf8),
        cmocka_unit_test(test_number_format),
        cmocka_unit_test(test_jsonl_fast_path_same_as_cjson),
        cmocka_unit_test(test_json_string_every_offset),
        cmocka_unit_test(test_queue_messages),
    };
    int rc = cmocka_run_group_tests_name("io", t, NULL, NULL);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    sr_engine_free(test_engine());
    return rc;
}
