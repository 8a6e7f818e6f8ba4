/* The API's POST handlers: code articles without storing them, and, with
 * the server's token, ingest them into the store. Both take JSON Lines, or
 * one JSON object (pretty-printed or not), as `sitrep code` reads them. */
#include <cjson/cJSON.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "serve.h"

/* A rejected line of the body, for the answer. */
static void add_rejected(sr_buf *rej, long line, const char *msg)
{
    if (rej->len)
        sr_buf_putc(rej, ',');
    sr_buf_printf(rej, "{\"line\":%ld,\"error\":", line);
    sr_buf_json_str(rej, msg);
    sr_buf_putc(rej, '}');
}

/* The body as a stream of JSON Lines: one JSON object spread over lines
 * is made one line. *owned is what the stream reads (freed by the caller
 * after the stream). NULL when the body is empty. */
static FILE *body_stream(sr_req *r, char **owned)
{
    *owned = NULL;
    const char *p = r->body.p;
    size_t n = r->body.len;
    while (n && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++, n--;
    if (!n)
        return NULL;
    if (*p == '{' && memchr(p, '\n', n)) {
        /* one object over several lines: nothing but blanks after it */
        const char *end = NULL;
        cJSON *j = cJSON_ParseWithLengthOpts(p, n, &end, 0);
        while (j && end && end < p + n && (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t'))
            end++;
        char *one = j && cJSON_IsObject(j) && end == p + n ? cJSON_PrintUnformatted(j) : NULL;
        cJSON_Delete(j);
        if (one) {
            size_t l = strlen(one);
            char *line = realloc(one, l + 2);
            if (!line) {
                free(one);
                return NULL;
            }
            line[l] = '\n';
            line[l + 1] = 0;
            *owned = line;
            return fmemopen(line, l + 1, "r");
        }
    }
    return fmemopen((void *)p, n, "r");
}

typedef struct post_ctx {
    sr_req *r;
    sr_coder *coder;
    sr_buf events, rejected;
    long articles;
    double min_conf;
    int all;
    sr_batch *batch; /* ingest: the coded articles, for the store */
    sr_status failed;
    char why[300];
} post_ctx;

static void code_one(post_ctx *pc, const sr_article *a, long line)
{
    sr_result *res;
    sr_error err;
    if (sr_code(pc->coder, a, &res, &err)) {
        add_rejected(&pc->rejected, line, err.msg);
        return;
    }
    pc->articles++;
    if (pc->batch) {
        if (sr_batch_add(pc->batch, a, res, &err))
            add_rejected(&pc->rejected, line, err.msg);
        return;
    }
    for (size_t k = 0; k < sr_result_count(res); k++) {
        const sr_event *e = sr_result_event(res, k);
        if ((!pc->all && sr_event_modality(e) != SR_ASSERTED) || sr_event_confidence(e) < pc->min_conf - 0.0005)
            continue;
        if (pc->events.len)
            sr_buf_putc(&pc->events, ',');
        if (sr_format_event(SR_FORMAT_JSONL, e, &pc->events.p, &pc->events.len, &pc->events.cap)) {
            pc->failed = SR_ERR_NOMEM;
            return;
        }
        pc->events.len--; /* the line's newline */
    }
}

/* Reads the body's articles and codes each: 0, or an answer already given. */
static int code_body(post_ctx *pc)
{
    char *owned;
    FILE *f = body_stream(pc->r, &owned);
    if (!f) {
        free(owned);
        return sr_serve_error(pc->r, 400, "no articles in the body (JSON Lines, or one JSON object)");
    }
    sr_reader *rd;
    sr_error err;
    if (sr_reader_open_stream(f, "body", SR_INPUT_JSONL, &rd, &err)) {
        fclose(f);
        free(owned);
        return sr_serve_error(pc->r, 500, "%s", err.msg);
    }
    for (;;) {
        sr_article a;
        int eof = 0;
        sr_status st = sr_reader_next(rd, &a, &eof, &err);
        if (st == SR_ERR_PARSE) {
            add_rejected(&pc->rejected, err.line, err.msg);
            continue;
        }
        if (st || eof || pc->failed) {
            if (st)
                pc->failed = st;
            break;
        }
        code_one(pc, &a, sr_reader_line(rd));
    }
    sr_reader_close(rd);
    fclose(f);
    free(owned);
    if (pc->failed)
        return sr_serve_error(pc->r, 500, "reading the body: %s", sr_status_str(pc->failed));
    return 0;
}

int sr_api_code(sr_req *r)
{
    static const char *const args[] = {"min_confidence", "all", NULL};
    if (!sr_serve_args_ok(r, args))
        return MHD_YES;
    post_ctx pc;
    memset(&pc, 0, sizeof pc);
    pc.r = r;
    pc.min_conf = sr_engine_min_confidence(r->srv->eng);
    const char *mc = sr_serve_arg(r, "min_confidence"), *all = sr_serve_arg(r, "all");
    if (mc) {
        char *end;
        pc.min_conf = strtod(mc, &end);
        if (end == mc || *end || !(pc.min_conf >= 0 && pc.min_conf <= 1))
            return sr_serve_error(r, 400, "min_confidence needs a number from 0 to 1, got '%.40s'", mc);
    }
    if (all && strcmp(all, "0") && strcmp(all, "1"))
        return sr_serve_error(r, 400, "all is 0 or 1, not '%.20s'", all);
    pc.all = all && !strcmp(all, "1");
    sr_error err;
    sr_thread_state *t = sr_serve_thread(r->srv, 0, &err);
    if (!t)
        return sr_serve_error(r, 500, "%s", err.msg);
    pc.coder = t->coder;
    sr_buf_init(&pc.events);
    sr_buf_init(&pc.rejected);
    int answered = code_body(&pc);
    if (!answered) {
        sr_buf b;
        sr_buf_init(&b);
        sr_buf_printf(&b, "{\"articles\":%ld,\"events\":[", pc.articles);
        sr_buf_put(&b, pc.events.p ? pc.events.p : "", pc.events.len);
        sr_buf_puts(&b, "],\"rejected\":[");
        sr_buf_put(&b, pc.rejected.p ? pc.rejected.p : "", pc.rejected.len);
        sr_buf_puts(&b, "]}\n");
        answered = sr_serve_reply(r, 200, "application/json", &b);
    }
    sr_buf_free(&pc.events);
    sr_buf_free(&pc.rejected);
    return answered;
}

/* ---- ingest ----------------------------------------------------------------------------- */

/* "Bearer TOKEN", compared in a time that does not tell how much matched */
static int token_ok(sr_req *r)
{
    const char *h = MHD_lookup_connection_value(r->c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    const char *want = r->srv->token;
    if (!h || strncmp(h, "Bearer ", 7))
        return 0;
    h += 7;
    size_t n = strlen(want), m = strlen(h);
    unsigned diff = (unsigned)(n ^ m);
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)want[i] ^ (unsigned char)(i < m ? h[i] : 0);
    return diff == 0;
}

static void refusals(post_ctx *pc)
{
    for (size_t i = 0; i < sr_batch_count(pc->batch); i++) {
        sr_error err;
        if (sr_batch_result(pc->batch, i, &err))
            add_rejected(&pc->rejected, -1, err.msg);
    }
}

int sr_api_ingest(sr_req *r)
{
    static const char *const none[] = {NULL};
    sr_server *s = r->srv;
    if (!s->token)
        return sr_serve_error(r, 403, "this server is read-only (start it with --token-file to ingest)");
    if (!token_ok(r)) {
        sr_buf b;
        sr_buf_init(&b);
        sr_buf_puts(&b, "{\"error\":\"ingest needs the server's token: Authorization: Bearer TOKEN\"}\n");
        return sr_serve_reply_hdr(r, 401, "application/json", &b, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
    }
    if (!sr_serve_args_ok(r, none))
        return MHD_YES;
    post_ctx pc;
    memset(&pc, 0, sizeof pc);
    pc.r = r;
    sr_error err;
    sr_thread_state *t = sr_serve_thread(s, 0, &err);
    if (!t || !(pc.batch = sr_batch_new()))
        return sr_serve_error(r, 500, "out of memory");
    pc.coder = t->coder;
    sr_buf_init(&pc.events);
    sr_buf_init(&pc.rejected);
    int answered = code_body(&pc);
    sr_store_tally tally;
    memset(&tally, 0, sizeof tally);
    sr_status st = SR_OK;
    if (!answered) {
        pthread_mutex_lock(&s->ingest_lock);
        if (!s->writer)
            st = sr_store_open(s->db, &s->writer, &err);
        if (!st)
            st = sr_store_write(s->writer, pc.batch, &tally, &err);
        if (st && st != SR_ERR_BUSY) { /* a lost connection: open it again next time */
            sr_store_close(s->writer);
            s->writer = NULL;
        }
        pthread_mutex_unlock(&s->ingest_lock);
        if (st) {
            answered = sr_serve_error(r, sr_serve_status_of(st), "%s", err.msg);
        } else {
            refusals(&pc);
            sr_buf b;
            sr_buf_init(&b);
            sr_buf_printf(&b, "{\"articles\":%ld,\"stored\":%zu,\"already\":%zu,\"events\":%zu,\"refused\":%zu,"
                              "\"rejected\":[",
                          pc.articles, tally.added, tally.same, tally.events, tally.refused);
            sr_buf_put(&b, pc.rejected.p ? pc.rejected.p : "", pc.rejected.len);
            sr_buf_puts(&b, "]}\n");
            answered = sr_serve_reply(r, 200, "application/json", &b);
        }
    }
    sr_batch_free(pc.batch);
    sr_buf_free(&pc.events);
    sr_buf_free(&pc.rejected);
    return answered;
}
