/* The HTTP daemon (libmicrohttpd): a request's life (its body, the limits
 * on it, the answer), routing to the API, the map's files, and /metrics.
 *
 * Limits keep a server that anyone on the network may reach alive: a body
 * over max_body is refused with 413 before it is read, more than
 * max_inflight requests at once are answered 429, a connection that sends
 * its headers slower than the timeout is closed, and headers larger than
 * the connection's memory are refused by the daemon itself. */
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../util/error.h"
#include "serve.h"

static const double lat_bounds[SR_LAT_BUCKETS] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- each thread's store and coder --------------------------------------------- */

static void thread_state_free(void *p)
{
    sr_thread_state *t = p;
    if (!t)
        return;
    sr_store_close(t->st);
    sr_coder_free(t->coder);
    free(t);
}

sr_thread_state *sr_serve_thread(sr_server *s, int want_store, sr_error *err)
{
    sr_thread_state *t = pthread_getspecific(s->key);
    if (!t) {
        t = calloc(1, sizeof *t);
        if (!t || pthread_setspecific(s->key, t)) {
            free(t);
            sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
            return NULL;
        }
    }
    if (want_store && !t->st && sr_store_open_readonly(s->db, &t->st, err)) {
        t->st = NULL;
        return NULL;
    }
    if (!want_store && !t->coder && !(t->coder = sr_coder_new(s->eng))) {
        sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
        return NULL;
    }
    return t;
}

void sr_serve_drop_store(sr_server *s)
{
    sr_thread_state *t = pthread_getspecific(s->key);
    if (t && t->st) {
        sr_store_close(t->st);
        t->st = NULL;
    }
}

/* ---- answers ----------------------------------------------------------------------- */

int sr_serve_reply_hdr(sr_req *r, int status, const char *ctype, sr_buf *b, const char *hname, const char *hval)
{
    struct MHD_Response *resp;
    if (b && b->oom) {
        sr_buf_free(b);
        return sr_serve_error(r, 500, "out of memory");
    }
    if (b && b->len) {
        resp = MHD_create_response_from_buffer(b->len, b->p, MHD_RESPMEM_MUST_FREE);
        if (resp)
            sr_buf_init(b); /* the answer owns the bytes now */
    } else {
        resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    if (b)
        sr_buf_free(b);
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (hname && hval)
        MHD_add_response_header(resp, hname, hval);
    r->status = status;
    enum MHD_Result ret = MHD_queue_response(r->c, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return ret;
}

int sr_serve_reply(sr_req *r, int status, const char *ctype, sr_buf *b)
{
    return sr_serve_reply_hdr(r, status, ctype, b, NULL, NULL);
}

int sr_serve_error(sr_req *r, int status, const char *fmt, ...)
{
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "{\"error\":");
    sr_buf_json_str(&b, msg); /* user input in it is made valid UTF-8 and escaped */
    sr_buf_puts(&b, "}\n");
    return sr_serve_reply(r, status, "application/json", &b);
}

int sr_serve_status_of(sr_status st)
{
    switch (st) {
    case SR_OK: return 200;
    case SR_ERR_INVALID:
    case SR_ERR_PARSE: return 400;
    case SR_ERR_LIMIT: return 413;
    case SR_ERR_BUSY: return 503;
    default: return 500;
    }
}

/* ---- URL parameters ------------------------------------------------------------------ */

const char *sr_serve_arg(sr_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->c, MHD_GET_ARGUMENT_KIND, name);
}

static int utf8_ok(const unsigned char *s)
{
    while (*s) {
        unsigned c = *s;
        int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4))
            return 0;
        for (int k = 1; k <= n; k++)
            if ((s[k] & 0xC0) != 0x80)
                return 0;
        s += n + 1;
    }
    return 1;
}

typedef struct args_check {
    const char *const *known;
    char bad[200];
} args_check;

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    args_check *a = cls;
    if (!utf8_ok((const unsigned char *)key) || (value && !utf8_ok((const unsigned char *)value))) {
        snprintf(a->bad, sizeof a->bad, "a parameter is not valid UTF-8");
        return MHD_NO;
    }
    for (int i = 0; a->known[i]; i++)
        if (!strcmp(a->known[i], key))
            return MHD_YES;
    snprintf(a->bad, sizeof a->bad, "unknown parameter '%.80s'", key);
    return MHD_NO;
}

int sr_serve_args_ok(sr_req *r, const char *const *known)
{
    args_check a = {known, ""};
    MHD_get_connection_values(r->c, MHD_GET_ARGUMENT_KIND, check_arg, &a);
    if (a.bad[0]) {
        sr_serve_error(r, 400, "%s", a.bad);
        return 0;
    }
    return 1;
}

/* ---- the map's files ---------------------------------------------------------------- */

static const char *content_type(const char *path)
{
    static const struct {
        const char *ext, *type;
    } types[] = {{".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
                 {".css", "text/css; charset=utf-8"},   {".json", "application/json"},
                 {".png", "image/png"},                 {".svg", "image/svg+xml"},
                 {".txt", "text/plain; charset=utf-8"}};
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof *types; i++)
        if (!strcmp(dot, types[i].ext))
            return types[i].type;
    return NULL;
}

/* A file under web_dir: letters, digits, "._-/", no "..", no hidden
 * file, a known type, a regular file reached without a symbolic link at
 * its end: anything else is 404, whatever is on the disk. */
static int serve_file(sr_req *r, const char *url)
{
    sr_server *s = r->srv;
    const char *rel = url[0] == '/' ? url + 1 : url;
    if (!*rel)
        rel = "index.html";
    size_t n = strlen(rel);
    int ok = s->web_dir && n < 200 && rel[0] != '.' && !strstr(rel, "..") && !strstr(rel, "//") &&
             !strstr(rel, "/.") && rel[n - 1] != '/' && content_type(rel);
    for (size_t i = 0; ok && i < n; i++) {
        char c = rel[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-' || c == '/'))
            ok = 0;
    }
    char path[4096];
    int fd = -1;
    struct stat sb;
    if (ok && snprintf(path, sizeof path, "%s/%s", s->web_dir, rel) < (int)sizeof path)
        fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &sb) || !S_ISREG(sb.st_mode)) {
        if (fd >= 0)
            close(fd);
        return sr_serve_error(r, 404, "no such page: %.200s", url);
    }
    struct MHD_Response *resp = MHD_create_response_from_fd((uint64_t)sb.st_size, fd);
    if (!resp) {
        close(fd);
        return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type(rel));
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
                            strncmp(rel, "vendor/", 7) ? "no-cache" : "public, max-age=86400");
    r->status = 200;
    enum MHD_Result ret = MHD_queue_response(r->c, MHD_HTTP_OK, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* ---- /metrics (Prometheus' text format) ------------------------------------------------- */

static int serve_metrics(sr_req *r)
{
    sr_server *s = r->srv;
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "# HELP sitrep_http_requests_total Requests answered, by status class.\n"
                    "# TYPE sitrep_http_requests_total counter\n");
    for (int k = 1; k <= 5; k++)
        sr_buf_printf(&b, "sitrep_http_requests_total{class=\"%dxx\"} %lu\n", k, atomic_load(&s->by_class[k]));
    sr_buf_printf(&b, "# HELP sitrep_http_errors_total Requests answered 4xx or 5xx.\n"
                      "# TYPE sitrep_http_errors_total counter\nsitrep_http_errors_total %lu\n",
                  atomic_load(&s->by_class[4]) + atomic_load(&s->by_class[5]));
    sr_buf_puts(&b, "# HELP sitrep_http_request_duration_seconds Time from a request's start to its answer.\n"
                    "# TYPE sitrep_http_request_duration_seconds histogram\n");
    unsigned long cum = 0;
    for (int i = 0; i < SR_LAT_BUCKETS; i++) {
        cum += atomic_load(&s->lat_bucket[i]);
        sr_buf_printf(&b, "sitrep_http_request_duration_seconds_bucket{le=\"%g\"} %lu\n", lat_bounds[i], cum);
    }
    cum += atomic_load(&s->lat_bucket[SR_LAT_BUCKETS]);
    sr_buf_printf(&b, "sitrep_http_request_duration_seconds_bucket{le=\"+Inf\"} %lu\n", cum);
    sr_buf_printf(&b, "sitrep_http_request_duration_seconds_sum %.6f\n", atomic_load(&s->lat_usec) / 1e6);
    sr_buf_printf(&b, "sitrep_http_request_duration_seconds_count %lu\n", atomic_load(&s->requests));
    sr_buf_printf(&b, "# HELP sitrep_http_inflight Requests being answered.\n# TYPE sitrep_http_inflight gauge\n"
                      "sitrep_http_inflight %ld\n",
                  atomic_load(&s->inflight) - 1);
    sr_error err;
    sr_thread_state *t = sr_serve_thread(s, 1, &err);
    sr_store_counts n;
    if (t && sr_store_count(t->st, &n, &err) == SR_OK)
        sr_buf_printf(&b, "# HELP sitrep_store_rows Rows of the store.\n# TYPE sitrep_store_rows gauge\n"
                          "sitrep_store_rows{table=\"articles\"} %ld\nsitrep_store_rows{table=\"events\"} %ld\n"
                          "sitrep_store_rows{table=\"merged\"} %ld\nsitrep_store_rows{table=\"control\"} %ld\n",
                      n.articles, n.events, n.merged, n.control);
    return sr_serve_reply(r, 200, "text/plain; version=0.0.4; charset=utf-8", &b);
}

/* ---- routing ------------------------------------------------------------------------- */

static int not_allowed(sr_req *r, const char *allow)
{
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_printf(&b, "{\"error\":\"method not allowed (allowed: %s)\"}\n", allow);
    return sr_serve_reply_hdr(r, 405, "application/json", &b, MHD_HTTP_HEADER_ALLOW, allow);
}

static int route(sr_req *r)
{
    const char *u = r->url, *m = r->method;
    int get = !strcmp(m, "GET") || !strcmp(m, "HEAD"), post = !strcmp(m, "POST");
    if (!utf8_ok((const unsigned char *)u))
        return sr_serve_error(r, 400, "the path is not valid UTF-8");
    if (!strcmp(u, "/api/code"))
        return post ? sr_api_code(r) : not_allowed(r, "POST");
    if (!strcmp(u, "/api/ingest"))
        return post ? sr_api_ingest(r) : not_allowed(r, "POST");
    if (!get)
        return not_allowed(r, "GET, HEAD");
    if (!strcmp(u, "/healthz"))
        return sr_api_health(r);
    if (!strcmp(u, "/metrics"))
        return serve_metrics(r);
    if (!strcmp(u, "/api/events"))
        return sr_api_events(r);
    if (!strncmp(u, "/api/events/", 12) && u[12] && !strchr(u + 12, '/'))
        return sr_api_event(r, u + 12);
    if (!strcmp(u, "/api/control"))
        return sr_api_control(r);
    if (!strcmp(u, "/api/stats"))
        return sr_api_stats(r);
    size_t n = strlen(u);
    if (!strncmp(u, "/api/places/", 12) && n > 12 + 9 && !strcmp(u + n - 9, "/timeline")) {
        char place[256];
        size_t pl = n - 12 - 9;
        if (pl >= sizeof place || memchr(u + 12, '/', pl))
            return sr_serve_error(r, 404, "no such place");
        memcpy(place, u + 12, pl);
        place[pl] = 0;
        return sr_api_timeline(r, place);
    }
    if (!strncmp(u, "/api/", 5) || !strcmp(u, "/api"))
        return sr_serve_error(r, 404, "no such endpoint: %.200s", u);
    return serve_file(r, u);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    sr_server *s = cls;
    sr_req *r = *con_cls;
    if (!r) {
        r = calloc(1, sizeof *r);
        if (!r)
            return MHD_NO;
        r->srv = s;
        r->c = c;
        r->t0 = now_s();
        r->method = method;
        r->url = url;
        sr_buf_init(&r->body);
        *con_cls = r;
        if (atomic_fetch_add(&s->inflight, 1) + 1 > s->o.max_inflight)
            return (enum MHD_Result)sr_serve_error(r, 429, "too many requests at once; try again shortly");
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > s->o.max_body)
            return (enum MHD_Result)sr_serve_error(r, 413, "the body is over %zu bytes", s->o.max_body);
        return MHD_YES;
    }
    if (r->status) { /* answered already: what else comes is dropped */
        *upload_size = 0;
        return MHD_YES;
    }
    if (*upload_size) {
        if (!r->too_big && r->body.len + *upload_size > s->o.max_body) {
            r->too_big = 1;
            sr_buf_free(&r->body);
        }
        if (!r->too_big)
            sr_buf_put(&r->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    (void)upload;
    if (r->too_big)
        return (enum MHD_Result)sr_serve_error(r, 413, "the body is over %zu bytes", s->o.max_body);
    if (r->body.oom)
        return (enum MHD_Result)sr_serve_error(r, 500, "out of memory");
    return (enum MHD_Result)route(r);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)c, (void)toe;
    sr_server *s = cls;
    sr_req *r = *con_cls;
    if (!r)
        return;
    double dt = now_s() - r->t0;
    int k = r->status / 100;
    if (k >= 1 && k <= 5)
        atomic_fetch_add(&s->by_class[k], 1);
    int b = 0;
    while (b < SR_LAT_BUCKETS && dt > lat_bounds[b])
        b++;
    atomic_fetch_add(&s->lat_bucket[b], 1);
    atomic_fetch_add(&s->lat_usec, (unsigned long)(dt * 1e6));
    atomic_fetch_add(&s->requests, 1);
    atomic_fetch_sub(&s->inflight, 1);
    sr_buf_free(&r->body);
    free(r);
    *con_cls = NULL;
}

/* ---- start and stop ------------------------------------------------------------------- */

static void server_free(sr_server *s)
{
    free(s->db);
    free(s->token);
    free(s->web_dir);
    free(s);
}

/* "HOST:PORT", "[::1]:PORT" or ":PORT" into an address */
static sr_status resolve_listen(const char *listen, struct addrinfo **ai, sr_error *err)
{
    char host[256], port[16];
    const char *colon = strrchr(listen, ':');
    if (!colon || !colon[1] || strlen(colon + 1) >= sizeof port || strspn(colon + 1, "0123456789") != strlen(colon + 1))
        return sr_fail(err, SR_ERR_INVALID, "", 0, "--listen needs HOST:PORT (e.g. 127.0.0.1:8080), got '%s'", listen);
    size_t hl = (size_t)(colon - listen);
    const char *h = listen;
    if (hl >= 2 && h[0] == '[' && h[hl - 1] == ']')
        h++, hl -= 2;
    if (hl >= sizeof host)
        return sr_fail(err, SR_ERR_INVALID, "", 0, "--listen: host name too long");
    memcpy(host, h, hl);
    host[hl] = 0;
    snprintf(port, sizeof port, "%s", colon + 1);
    if (atoi(port) > 65535)
        return sr_fail(err, SR_ERR_INVALID, "", 0, "--listen: port %s is over 65535", port);
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
    int rc = getaddrinfo(hl ? host : NULL, port, &hints, ai);
    if (rc)
        return sr_fail(err, SR_ERR_INVALID, "", 0, "--listen %s: %s", listen, gai_strerror(rc));
    return SR_OK;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

sr_status sr_server_start(const sr_engine *eng, const sr_server_options *o, sr_server **out, sr_error *err)
{
    sr_error_clear(err);
    *out = NULL;
    if (!eng || !o || !o->db)
        return sr_fail(err, SR_ERR_INVALID, "", 0, "a server needs an engine and a store");
    sr_store *probe;
    sr_status st = sr_store_open_readonly(o->db, &probe, err);
    if (st)
        return st;
    sr_store_close(probe);
    sr_server *s = calloc(1, sizeof *s);
    if (!s)
        return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
    s->eng = eng;
    s->o = *o;
    s->db = dup_or_null(o->db);
    s->token = dup_or_null(o->token);
    s->web_dir = dup_or_null(o->web_dir);
    s->o.threads = o->threads > 0 ? o->threads : 2;
    s->o.max_body = o->max_body ? o->max_body : (4u << 20);
    s->o.max_inflight = o->max_inflight > 0 ? o->max_inflight : 512;
    s->o.max_page = o->max_page > 0 ? o->max_page : 10000;
    s->o.timeout = o->timeout > 0 ? o->timeout : 15;
    if (!s->db || (o->token && !s->token) || (o->web_dir && !s->web_dir)) {
        server_free(s);
        return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
    }
    struct addrinfo *ai = NULL;
    if ((st = resolve_listen(o->listen ? o->listen : "127.0.0.1:8080", &ai, err))) {
        server_free(s);
        return st;
    }
    pthread_key_create(&s->key, thread_state_free);
    pthread_mutex_init(&s->ingest_lock, NULL);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | (ai->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0);
    s->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, ai->ai_addr,
                            MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->o.threads, MHD_OPTION_CONNECTION_TIMEOUT,
                            (unsigned)s->o.timeout, MHD_OPTION_CONNECTION_LIMIT, (unsigned)(s->o.max_inflight * 2),
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_NOTIFY_COMPLETED,
                            on_completed, s, MHD_OPTION_END);
    int e = errno;
    freeaddrinfo(ai);
    if (!s->d) {
        pthread_key_delete(s->key);
        pthread_mutex_destroy(&s->ingest_lock);
        server_free(s);
        return sr_fail(err, SR_ERR_IO, "", 0, "cannot listen on %s: %s", o->listen ? o->listen : "127.0.0.1:8080",
                       e ? strerror(e) : "the address is taken or not this machine's");
    }
    *out = s;
    return SR_OK;
}

unsigned sr_server_port(const sr_server *s)
{
    const union MHD_DaemonInfo *i = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    return i ? i->port : 0;
}

void sr_server_stop(sr_server *s)
{
    if (!s)
        return;
    MHD_stop_daemon(s->d); /* its threads end: their stores and coders with them */
    sr_store_close(s->writer);
    pthread_key_delete(s->key);
    pthread_mutex_destroy(&s->ingest_lock);
    server_free(s);
}
