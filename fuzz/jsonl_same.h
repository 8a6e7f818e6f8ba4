/* The JSON Lines reader has a fast path for flat objects of strings and
 * cJSON for everything else: fed the same bytes, the two must give the
 * same articles, errors and warnings. Used by fuzz_jsonl and test_io. */
#ifndef SR_FUZZ_JSONL_SAME_H
#define SR_FUZZ_JSONL_SAME_H
#include <stdio.h>
#include <string.h>

#include "io/reader.h"
#include "sitrep.h"

static int jsonl_str_same(const char *x, const char *y)
{
    return (!x && !y) || (x && y && !strcmp(x, y));
}

/* 1 when both ways of reading data agree on every record, 0 when not
 * (*why says where), -1 when the test could not run. *fast (may be NULL):
 * how many records the fast path read. */
static int jsonl_paths_agree(const unsigned char *data, size_t size, char *why, size_t whylen, size_t *fast)
{
    FILE *f[2] = {NULL, NULL};
    sr_reader *r[2] = {NULL, NULL};
    sr_error err[2];
    int ok = 1;
    for (int k = 0; k < 2; k++) {
        f[k] = fmemopen((void *)data, size, "rb");
        if (!f[k] || sr_reader_open_stream(f[k], "same.jsonl", SR_INPUT_JSONL, &r[k], &err[k]) != SR_OK) {
            ok = -1;
            break;
        }
        sr_reader_set_max_line(r[k], 1 << 16);
        sr_reader_full_parser_only(r[k], k);
    }
    for (int rec = 0; ok == 1 && rec < 100000; rec++) {
        sr_article a[2];
        int eof[2] = {0, 0};
        sr_status st[2];
        for (int k = 0; k < 2; k++) {
            memset(&a[k], 0, sizeof a[k]);
            st[k] = sr_reader_next(r[k], &a[k], &eof[k], &err[k]);
        }
        const char *w0 = sr_reader_warning(r[0]), *w1 = sr_reader_warning(r[1]);
        if (st[0] != st[1] || eof[0] != eof[1]) {
            snprintf(why, whylen, "record %d: status %d/%d eof %d/%d", rec, st[0], st[1], eof[0], eof[1]);
            ok = 0;
        } else if (st[0] != SR_OK) {
            if (strcmp(err[0].msg, err[1].msg) || err[0].line != err[1].line) {
                snprintf(why, whylen, "record %d: errors differ: '%s' / '%s'", rec, err[0].msg, err[1].msg);
                ok = 0;
            }
            if (st[0] != SR_ERR_PARSE)
                break;
        } else if (eof[0]) {
            break;
        } else if (!jsonl_str_same(a[0].id, a[1].id) || !jsonl_str_same(a[0].text, a[1].text) ||
                   a[0].text_len != a[1].text_len || !jsonl_str_same(a[0].date, a[1].date) ||
                   !jsonl_str_same(a[0].title, a[1].title) || !jsonl_str_same(a[0].source, a[1].source) ||
                   !jsonl_str_same(a[0].url, a[1].url) || !jsonl_str_same(w0, w1)) {
            snprintf(why, whylen, "record %d: articles differ (id '%s' / '%s')", rec, a[0].id ? a[0].id : "",
                     a[1].id ? a[1].id : "");
            ok = 0;
        }
    }
    if (fast)
        *fast = r[0] ? sr_reader_fast_records(r[0]) : 0;
    for (int k = 0; k < 2; k++) {
        sr_reader_close(r[k]);
        if (f[k])
            fclose(f[k]);
    }
    return ok;
}

#endif
