/* The HTTP server's inside, shared by its files:
 *   server.c  the daemon: requests and their bodies, limits, routing,
 *             the map's files, metrics
 *   api.c     the API's handlers: events, one event, control, places,
 *             stats, code, ingest
 * The handlers use the public interface (sitrep.h) only, as any program
 * built on the library would. */
#ifndef SR_SERVE_SERVE_H
#define SR_SERVE_SERVE_H
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

#include "../util/buf.h"
#include "sitrep.h"

struct MHD_Connection;

/* Latency buckets of /metrics, in seconds. */
#define SR_LAT_BUCKETS 10

struct sr_server {
    const sr_engine *eng;
    sr_server_options o;
    char *db, *token, *web_dir; /* copies of the options' strings */
    struct MHD_Daemon *d;
    pthread_key_t key;          /* each thread's store and coder */
    pthread_mutex_t ingest_lock; /* one ingest at a time, into writer */
    sr_store *writer;            /* opened by the first ingest */
    atomic_long inflight;
    /* /metrics */
    atomic_ulong by_class[6];   /* answers by status class: 1xx .. 5xx */
    atomic_ulong lat_bucket[SR_LAT_BUCKETS + 1];
    atomic_ulong lat_usec;      /* sum of latencies */
    atomic_ulong requests;
};

/* One request: its body (POST), and the answer for the metrics. */
typedef struct sr_req {
    sr_server *srv;
    struct MHD_Connection *c;
    const char *method, *url;
    sr_buf body;
    int too_big;
    int status;
    double t0;
} sr_req;

/* What a thread keeps between requests: its store connection (read-only)
 * and its coder, opened on first use. */
typedef struct sr_thread_state {
    sr_store *st;
    sr_coder *coder;
} sr_thread_state;

/* The thread's state with its store (want_store) or its coder; NULL with
 * *err saying why the store could not be opened. */
sr_thread_state *sr_serve_thread(sr_server *s, int want_store, sr_error *err);
/* Closes the thread's store after a failure: the next request reopens it. */
void sr_serve_drop_store(sr_server *s);

/* Answers: b's bytes are given to the answer (b is left empty). */
int sr_serve_reply(sr_req *r, int status, const char *ctype, sr_buf *b);
int sr_serve_error(sr_req *r, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* An answer with one header more (a cursor, Allow). */
int sr_serve_reply_hdr(sr_req *r, int status, const char *ctype, sr_buf *b, const char *hname, const char *hval);
/* The status an error of the library becomes. */
int sr_serve_status_of(sr_status st);
/* A URL parameter, NULL when absent. */
const char *sr_serve_arg(sr_req *r, const char *name);
/* Every URL parameter is valid UTF-8 and named in `known` (NULL-ended):
 * else a 400 is answered and 0 returned. */
int sr_serve_args_ok(sr_req *r, const char *const *known);

/* api.c: each answers the request and returns the daemon's result */
int sr_api_events(sr_req *r);
int sr_api_event(sr_req *r, const char *id);
int sr_api_control(sr_req *r);
int sr_api_timeline(sr_req *r, const char *place);
int sr_api_stats(sr_req *r);
int sr_api_health(sr_req *r);
int sr_api_code(sr_req *r);
int sr_api_ingest(sr_req *r);

#endif
