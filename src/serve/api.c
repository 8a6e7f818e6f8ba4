/* The API's handlers. Each checks its parameters (the query's with
 * sr_query_param, as the command line does), reads the thread's store and
 * answers JSON, or the export asked for. */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/error.h"
#include "serve.h"

/* The thread's store, or an answer saying why there is none. */
static sr_store *store_or_answer(sr_req *r, int *answered)
{
    sr_error err;
    sr_thread_state *t = sr_serve_thread(r->srv, 1, &err);
    *answered = 0;
    if (!t) {
        *answered = sr_serve_error(r, 503, "the store cannot be read: %s", err.msg);
        return NULL;
    }
    return t->st;
}

/* A store that failed may have lost its connection: the next request
 * opens it again. */
static int store_failed(sr_req *r, const sr_error *err)
{
    if (err->status == SR_ERR_STORE || err->status == SR_ERR_IO)
        sr_serve_drop_store(r->srv);
    return sr_serve_error(r, sr_serve_status_of(err->status), "%s", err->msg);
}

static void json_key_str(sr_buf *b, const char *key, const char *v)
{
    sr_buf_json_str(b, key);
    sr_buf_putc(b, ':');
    if (v)
        sr_buf_json_str(b, v);
    else
        sr_buf_puts(b, "null");
}

/* n string members, kv holding key, value, key, value ..., comma-separated */
static void json_key_strs(sr_buf *b, const char *const *kv, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            sr_buf_putc(b, ',');
        json_key_str(b, kv[2 * i], kv[2 * i + 1]);
    }
}

/* ---- /api/events ------------------------------------------------------------------ */

static const char *const event_args[] = {"since", "until", "type",  "sub_type", "actor",  "country", "near",
                                         "bbox",  "changed_since", "limit", "cursor", "format", NULL};

typedef struct page {
    sr_export *x;
    sr_buf out;
    long n, limit;
    int json, more, failed;
    char next[160];
} page;

static int on_row(void *ctx, const sr_stored_event *e)
{
    page *p = ctx;
    if (p->n == p->limit) { /* one row past the page: there is a next one */
        p->more = 1;
        return 1;
    }
    if (p->json && p->n)
        sr_buf_putc(&p->out, ',');
    if (sr_export_stored(p->x, e, &p->out.p, &p->out.len, &p->out.cap)) {
        p->failed = 1;
        return 1;
    }
    if (p->json && p->out.len && p->out.p[p->out.len - 1] == '\n')
        p->out.len--;
    if (++p->n == p->limit && !sr_query_cursor(e, p->next, sizeof p->next))
        p->next[0] = 0;
    return 0;
}

static const char *format_type(sr_format f)
{
    switch (f) {
    case SR_FORMAT_GEOJSON: return "application/geo+json";
    case SR_FORMAT_CSV:
    case SR_FORMAT_ACLED_CSV: return "text/csv; charset=utf-8";
    case SR_FORMAT_PHOENIX: return "text/tab-separated-values; charset=utf-8";
    case SR_FORMAT_PLOVER: return "application/x-ndjson";
    default: return "application/json";
    }
}

/* The query's filters from the URL, as the command line checks them. */
static int query_from_args(sr_req *r, sr_query *q)
{
    static const char *const filters[] = {"since", "until", "type",  "sub_type", "actor", "country",
                                          "near",  "bbox",  "changed_since", "cursor", NULL};
    for (int i = 0; filters[i]; i++) {
        const char *v = sr_serve_arg(r, filters[i]);
        sr_error err;
        if (v && sr_query_param(q, r->srv->eng, filters[i], v, &err)) {
            sr_serve_error(r, 400, "%s", err.msg);
            return 0;
        }
    }
    return 1;
}

int sr_api_events(sr_req *r)
{
    if (!sr_serve_args_ok(r, event_args))
        return MHD_YES;
    sr_query q;
    memset(&q, 0, sizeof q);
    if (!query_from_args(r, &q))
        return MHD_YES;
    long limit = 1000;
    const char *lv = sr_serve_arg(r, "limit");
    sr_error err;
    if (lv) {
        if (sr_query_param(&q, NULL, "limit", lv, &err))
            return sr_serve_error(r, 400, "%s", err.msg);
        if (q.limit > r->srv->o.max_page)
            return sr_serve_error(r, 400, "limit is at most %d a page (follow \"next\" for more)", r->srv->o.max_page);
        limit = q.limit;
    }
    sr_format fmt = SR_FORMAT_JSONL;
    const char *fv = sr_serve_arg(r, "format");
    if (fv && strcmp(fv, "json") &&
        (sr_format_parse(fv, &fmt) || fmt == SR_FORMAT_JSONL || fmt == SR_FORMAT_CAMEO_TSV || fmt == SR_FORMAT_TEXT))
        return sr_serve_error(r, 400, "format is json, geojson, csv, acled-csv, phoenix or plover, not '%.40s'", fv);
    int answered;
    sr_store *st = store_or_answer(r, &answered);
    if (!st)
        return answered;
    q.limit = limit + 1;
    q.urls = fmt != SR_FORMAT_JSONL && fmt != SR_FORMAT_GEOJSON;
    page p;
    memset(&p, 0, sizeof p);
    sr_buf_init(&p.out);
    p.limit = limit;
    p.json = fmt == SR_FORMAT_JSONL;
    p.x = sr_export_new(r->srv->eng, fmt, (long)time(NULL));
    if (!p.x)
        return sr_serve_error(r, 500, "out of memory");
    if (p.json)
        sr_buf_puts(&p.out, "{\"events\":[");
    else
        sr_export_begin(p.x, &p.out.p, &p.out.len, &p.out.cap);
    sr_status s = sr_store_query(st, &q, on_row, &p, &err);
    if (s || p.failed) {
        sr_export_free(p.x);
        sr_buf_free(&p.out);
        return s ? store_failed(r, &err) : sr_serve_error(r, 500, "out of memory");
    }
    const char *next = p.more && p.next[0] ? p.next : NULL;
    if (p.json || fmt == SR_FORMAT_GEOJSON) {
        /* the page's size and the cursor of the next one, in the body */
        sr_buf_printf(&p.out, "%s],\"count\":%ld,", p.json ? "" : "\n", p.n);
        json_key_str(&p.out, "next", next);
        sr_buf_puts(&p.out, "}\n");
    } else {
        sr_export_end(p.x, &p.out.p, &p.out.len, &p.out.cap);
    }
    sr_export_free(p.x);
    /* other formats: the cursor in a header */
    return sr_serve_reply_hdr(r, 200, format_type(fmt), &p.out, next ? "X-Next-Cursor" : NULL, next);
}

/* ---- /api/events/{id} --------------------------------------------------------------- */

typedef struct one {
    sr_export *x;
    sr_buf out;
    int found, failed;
} one;

static int on_one(void *ctx, const sr_stored_event *e)
{
    one *o = ctx;
    o->found = 1;
    if (sr_export_stored(o->x, e, &o->out.p, &o->out.len, &o->out.cap))
        o->failed = 1;
    return 1;
}

static int on_report(void *ctx, const sr_report *rp)
{
    sr_buf *b = ctx;
    if (b->p[b->len - 1] != '[')
        sr_buf_putc(b, ',');
    sr_buf_putc(b, '{');
    const char *const kv[] = {"article", rp->article, "source", rp->source, "url",  rp->url,
                              "title",   rp->title,   "date",   rp->date};
    json_key_strs(b, kv, 5);
    sr_buf_printf(b, ",\"sentence\":%d,", rp->sentence);
    json_key_str(b, "text", rp->text);
    sr_buf_putc(b, '}');
    return 0;
}

static int id_ok(const char *id)
{
    size_t n = strlen(id);
    if (!n || n > 80)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)id[i]) && id[i] != '_' && id[i] != '-')
            return 0;
    return 1;
}

int sr_api_event(sr_req *r, const char *id)
{
    static const char *const none[] = {NULL};
    if (!sr_serve_args_ok(r, none))
        return MHD_YES;
    if (!id_ok(id))
        return sr_serve_error(r, 404, "no event '%.80s'", id);
    int answered;
    sr_store *st = store_or_answer(r, &answered);
    if (!st)
        return answered;
    sr_query q;
    memset(&q, 0, sizeof q);
    q.id = id;
    one o = {sr_export_new(r->srv->eng, SR_FORMAT_JSONL, 0), {0}, 0, 0};
    sr_buf_init(&o.out);
    sr_error err;
    sr_status s = o.x ? sr_store_query(st, &q, on_one, &o, &err) : SR_ERR_NOMEM;
    sr_export_free(o.x);
    if (s || o.failed || !o.found) {
        sr_buf_free(&o.out);
        if (s == SR_ERR_NOMEM || o.failed)
            return sr_serve_error(r, 500, "out of memory");
        return s ? store_failed(r, &err) : sr_serve_error(r, 404, "no event '%s'", id);
    }
    /* the merged event's object, with its reports added */
    while (o.out.len && (o.out.p[o.out.len - 1] == '\n' || o.out.p[o.out.len - 1] == '}'))
        o.out.len--;
    sr_buf_puts(&o.out, ",\"reports\":[");
    if ((s = sr_store_reports(st, id, on_report, &o.out, &err))) {
        sr_buf_free(&o.out);
        return store_failed(r, &err);
    }
    sr_buf_puts(&o.out, "]}\n");
    return sr_serve_reply(r, 200, "application/json", &o.out);
}

/* ---- /api/control and /api/places/{name}/timeline -------------------------------------- */

static int on_control(void *ctx, const sr_control *c)
{
    sr_buf *b = ctx;
    if (b->p[b->len - 1] != '[')
        sr_buf_putc(b, ',');
    sr_buf_putc(b, '{');
    const char *const where[] = {"location", c->place, "admin1", c->admin1, "country", c->country};
    json_key_strs(b, where, 3);
    if (c->has_coords)
        sr_buf_printf(b, ",\"latitude\":%.4f,\"longitude\":%.4f,", c->lat, c->lon);
    else
        sr_buf_puts(b, ",\"latitude\":null,\"longitude\":null,");
    const char *const who[] = {"holder", c->holder, "holder_code",    c->holder_code,    "previous", c->previous,
                               "since",  c->since,  "sub_event_type", c->sub_event_type, "event_id", c->event_id};
    json_key_strs(b, who, 6);
    sr_buf_printf(b, ",\"n_sources\":%d,", c->n_sources);
    json_key_str(b, "notes", c->notes);
    sr_buf_putc(b, '}');
    return 0;
}

int sr_api_control(sr_req *r)
{
    static const char *const args[] = {"at", "country", NULL};
    if (!sr_serve_args_ok(r, args))
        return MHD_YES;
    const char *at = sr_serve_arg(r, "at"), *country = sr_serve_arg(r, "country");
    if (!at || !sr_date_valid(at))
        return sr_serve_error(r, 400, "at needs a date YYYY-MM-DD, got '%.40s'", at ? at : "");
    const char *cc = NULL;
    if (country && !(cc = sr_engine_country_code(r->srv->eng, country)))
        return sr_serve_error(r, 400, "unknown country '%.80s' (a name, or an ISO 3166 code such as SY or SYR)",
                              country);
    int answered;
    sr_store *st = store_or_answer(r, &answered);
    if (!st)
        return answered;
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "{");
    json_key_str(&b, "at", at);
    sr_buf_putc(&b, ',');
    json_key_str(&b, "country", cc);
    sr_buf_puts(&b, ",\"control\":[");
    sr_error err;
    if (sr_store_control_at(st, at, cc, on_control, &b, &err)) {
        sr_buf_free(&b);
        return store_failed(r, &err);
    }
    sr_buf_puts(&b, "]}\n");
    return sr_serve_reply(r, 200, "application/json", &b);
}

int sr_api_timeline(sr_req *r, const char *place)
{
    static const char *const none[] = {NULL};
    if (!sr_serve_args_ok(r, none))
        return MHD_YES;
    int answered;
    sr_store *st = store_or_answer(r, &answered);
    if (!st)
        return answered;
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "{");
    json_key_str(&b, "place", place);
    sr_buf_puts(&b, ",\"timeline\":[");
    size_t before = b.len;
    sr_error err;
    if (sr_store_control_place(st, place, on_control, &b, &err)) {
        sr_buf_free(&b);
        return store_failed(r, &err);
    }
    if (b.len == before) {
        sr_buf_free(&b);
        return sr_serve_error(r, 404, "no change of hands is stored for '%.120s'", place);
    }
    sr_buf_puts(&b, "]}\n");
    return sr_serve_reply(r, 200, "application/json", &b);
}

/* ---- /api/stats and /healthz ---------------------------------------------------------- */

static int on_count(void *ctx, const char *key, long count)
{
    sr_buf *b = ctx;
    if (b->p[b->len - 1] != '[')
        sr_buf_putc(b, ',');
    sr_buf_puts(b, "{\"key\":");
    if (key)
        sr_buf_json_str(b, key);
    else
        sr_buf_puts(b, "null");
    sr_buf_printf(b, ",\"count\":%ld}", count);
    return 0;
}

int sr_api_stats(sr_req *r)
{
    static const char *const none[] = {NULL};
    static const char *const by[] = {"type", "sub-type", "actor", "country", "month"};
    if (!sr_serve_args_ok(r, none))
        return MHD_YES;
    int answered;
    sr_store *st = store_or_answer(r, &answered);
    if (!st)
        return answered;
    sr_store_counts n;
    sr_error err;
    if (sr_store_count(st, &n, &err))
        return store_failed(r, &err);
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_printf(&b, "{\"articles\":%ld,\"events\":%ld,\"merged\":%ld,\"control\":%ld", n.articles, n.events,
                  n.merged, n.control);
    for (size_t i = 0; i < sizeof by / sizeof *by; i++) {
        sr_buf_printf(&b, ",\"by_%s\":[", i == 1 ? "sub_type" : by[i]);
        if (sr_store_stats(st, by[i], on_count, &b, &err)) {
            sr_buf_free(&b);
            return store_failed(r, &err);
        }
        sr_buf_putc(&b, ']');
    }
    sr_buf_puts(&b, "}\n");
    return sr_serve_reply(r, 200, "application/json", &b);
}

int sr_api_health(sr_req *r)
{
    int answered;
    sr_store *st = store_or_answer(r, &answered);
    if (!st)
        return answered;
    sr_store_counts n;
    sr_error err;
    if (sr_store_count(st, &n, &err))
        return store_failed(r, &err);
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_printf(&b, "{\"status\":\"ok\",\"store\":\"%s\",\"merged\":%ld}\n", sr_store_backend(st), n.merged);
    return sr_serve_reply(r, 200, "application/json", &b);
}
