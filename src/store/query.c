/* Reading the store back: merged events by filters, territorial control
 * at a date or along a place's history, and counts. Readers never write. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/placekey.h"
#include "../geo/resolve.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "store.h"

/* Column order of every SELECT of merged rows below. */
#define MERGED_COLS                                                                                              \
    "id, date, time_precision, event_type, sub_event_type, cameo, quad_class, actor1, actor1_code, actor2, "      \
    "actor2_code, location, admin1, country, lat, lon, geo_precision, fatalities, n_sources, mentions, sources,"  \
    " articles, notes, changed_at"
#define EV_NCOLS 17

typedef struct numbuf {
    char s[24][32];
    int n;
} numbuf;

static const char *num_d(numbuf *b, double v)
{
    char *o = b->s[b->n++ % 24];
    snprintf(o, 32, "%.6f", v);
    return o;
}

/* ---- reading ---------------------------------------------------------------- */

typedef struct query_ctx {
    sr_store *s;
    const sr_query *q;
    sr_stored_event_fn fn;
    void *ctx;
    long sent;
    int stopped;
    sr_buf urls;
    sr_status failed; /* the lookup of URLs failed: the query stops */
    sr_error *err;
} query_ctx;

static int on_url(void *ctx, int ncols, const char *const *v)
{
    sr_buf *b = ctx;
    if (ncols < 1 || !v[0] || !*v[0])
        return 0;
    if (b->len)
        sr_buf_puts(b, "; ");
    sr_buf_puts(b, v[0]);
    return 0;
}

/* The URLs of the articles that report a merged event, "; "-separated. */
static sr_status merged_urls(query_ctx *qc, const char *id, sr_error *err)
{
    static const char sql[] = "SELECT DISTINCT a.url FROM events e JOIN articles a ON a.id = e.article_id"
                              " WHERE e.merged_id = $1 AND a.url IS NOT NULL ORDER BY a.url";
    const char *p[] = {id};
    sr_buf_clear(&qc->urls);
    sr_status st = sr_db_exec(qc->s->db, sql, 1, p, on_url, &qc->urls, err);
    if (!st && qc->urls.oom)
        st = sr_fail(err, SR_ERR_NOMEM, qc->s->db->where, 0, "out of memory");
    return st;
}

static int on_merged(void *ctx, int ncols, const char *const *v)
{
    query_ctx *qc = ctx;
    if (ncols < 1 + EV_NCOLS + 6)
        return 1;
    const char *const *c = v + 1;
    sr_stored_event e;
    memset(&e, 0, sizeof e);
    e.id = v[0];
    e.date = c[0];
    e.time_precision = c[1] ? atoi(c[1]) : 3;
    e.event_type = c[2];
    e.sub_event_type = c[3];
    e.cameo = c[4];
    e.quad_class = c[5] ? atoi(c[5]) : 0;
    e.actor1 = c[6];
    e.actor1_code = c[7];
    e.actor2 = c[8];
    e.actor2_code = c[9];
    e.location = c[10];
    e.admin1 = c[11];
    e.country = c[12];
    e.has_coords = c[13] && c[14];
    e.lat = c[13] ? strtod(c[13], NULL) : 0;
    e.lon = c[14] ? strtod(c[14], NULL) : 0;
    e.geo_precision = c[15] ? atoi(c[15]) : 0;
    e.fatalities = c[16] ? atol(c[16]) : -1;
    const char *const *t = c + EV_NCOLS;
    e.n_sources = t[0] ? atoi(t[0]) : 0;
    e.mentions = t[1] ? atoi(t[1]) : 0;
    e.sources = t[2];
    e.articles = t[3];
    e.notes = t[4];
    e.changed_at = t[5] ? atol(t[5]) : 0;
    const sr_query *q = qc->q;
    if (q && q->near && (!e.has_coords || sr_km(q->lat, q->lon, e.lat, e.lon) > q->km))
        return 0;
    if (q && q->urls && e.id) {
        qc->failed = merged_urls(qc, e.id, qc->err);
        if (qc->failed)
            return 1;
        e.urls = qc->urls.len ? sr_buf_cstr(&qc->urls) : NULL;
    }
    if (qc->fn(qc->ctx, &e)) {
        qc->stopped = 1;
        return 1;
    }
    qc->sent++;
    return q && q->limit > 0 && qc->sent >= q->limit;
}

sr_status sr_store_query(sr_store *s, const sr_query *q, sr_stored_event_fn fn, void *ctx, sr_error *err)
{
    sr_error_clear(err);
    sr_query none;
    if (!q) {
        memset(&none, 0, sizeof none);
        q = &none;
    }
    sr_buf sql;
    sr_buf_init(&sql);
    sr_buf_puts(&sql, "SELECT " MERGED_COLS " FROM merged WHERE n_sources > 0");
    const char *p[24];
    int np = 0;
    numbuf nb = {0};
    sr_buf like;
    sr_buf_init(&like);
    if (q->since) {
        p[np++] = q->since;
        sr_buf_printf(&sql, " AND date >= $%d", np);
    }
    if (q->until) {
        p[np++] = q->until;
        sr_buf_printf(&sql, " AND date <= $%d", np);
    }
    if (q->type) {
        p[np++] = q->type;
        sr_buf_printf(&sql, " AND lower(event_type) = lower($%d)", np);
    }
    if (q->sub_type) {
        p[np++] = q->sub_type;
        sr_buf_printf(&sql, " AND lower(sub_event_type) = lower($%d)", np);
    }
    if (q->actor) {
        /* the words as written, part of a name: LIKE's own marks escaped
         * ("%", "_" and the escape itself), the same on both backends */
        sr_buf_putc(&like, '%');
        for (const char *a = q->actor; *a; a++) {
            if (*a == '%' || *a == '_' || *a == '\\')
                sr_buf_putc(&like, '\\');
            sr_buf_putc(&like, (char)tolower((unsigned char)*a));
        }
        sr_buf_putc(&like, '%');
        p[np++] = sr_buf_cstr(&like);
        p[np++] = q->actor;
        sr_buf_printf(&sql,
                      " AND (lower(actor1) LIKE $%d ESCAPE '\\' OR lower(actor2) LIKE $%d ESCAPE '\\' OR"
                      " upper(actor1_code) = upper($%d) OR upper(actor2_code) = upper($%d)",
                      np - 1, np - 1, np, np);
        if (q->actor_code) {
            p[np++] = q->actor_code;
            sr_buf_printf(&sql, " OR actor1_code = $%d OR actor2_code = $%d", np, np);
        }
        sr_buf_puts(&sql, ")");
    }
    if (q->changed_since > 0) {
        char *cs = nb.s[nb.n++ % 24];
        snprintf(cs, 32, "%ld", q->changed_since);
        p[np++] = cs;
        sr_buf_printf(&sql, " AND changed_at >= CAST($%d AS BIGINT)", np);
    }
    if (q->country) {
        p[np++] = q->country;
        sr_buf_printf(&sql, " AND upper(country) = upper($%d)", np);
    }
    if (q->id) {
        p[np++] = q->id;
        sr_buf_printf(&sql, " AND id = $%d", np);
    }
    if (q->after && q->after_id) {
        /* the page after a row, in the order below: undated rows first */
        p[np++] = q->after_id;
        if (!q->after_date) {
            sr_buf_printf(&sql, " AND (date IS NOT NULL OR id > $%d)", np);
        } else {
            p[np++] = q->after_date;
            sr_buf_printf(&sql, " AND date IS NOT NULL AND (date > $%d OR (date = $%d AND id > $%d))", np, np,
                          np - 1);
        }
    }
    double w = -180, so = -90, ea = 180, no = 90;
    int box = 0;
    if (q->bbox) {
        w = q->west, so = q->south, ea = q->east, no = q->north;
        box = 1;
    }
    if (q->near) {
        /* a box around the circle; the circle itself is checked per row */
        double dlat = q->km / 110.574, c = cos(q->lat * M_PI / 180);
        double dlon = c > 1e-6 ? q->km / (111.320 * c) : 180;
        if (q->lat - dlat > so)
            so = q->lat - dlat;
        if (q->lat + dlat < no)
            no = q->lat + dlat;
        if (q->lon - dlon > w)
            w = q->lon - dlon;
        if (q->lon + dlon < ea)
            ea = q->lon + dlon;
        box = 1;
    }
    if (box) {
        p[np++] = num_d(&nb, so);
        p[np++] = num_d(&nb, no);
        sr_buf_printf(&sql, " AND lat BETWEEN CAST($%d AS DOUBLE PRECISION) AND CAST($%d AS DOUBLE PRECISION)", np - 1,
                      np);
        p[np++] = num_d(&nb, w);
        p[np++] = num_d(&nb, ea);
        sr_buf_printf(&sql, " AND lon BETWEEN CAST($%d AS DOUBLE PRECISION) AND CAST($%d AS DOUBLE PRECISION)", np - 1,
                      np);
    }
    /* one order on both backends (PostgreSQL would put undated rows
     * last): what a cursor relies on */
    sr_buf_puts(&sql, " ORDER BY date NULLS FIRST, id");
    query_ctx qc = {s, q, fn, ctx, 0, 0, {0}, SR_OK, err};
    sr_buf_init(&qc.urls);
    /* the SQL text is built here, so no statement cache entry can outlive it */
    char *text = strdup(sr_buf_cstr(&sql));
    sr_buf_free(&sql);
    if (like.oom) {
        free(text);
        text = NULL;
    }
    if (!text) {
        sr_buf_free(&like);
        return sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    }
    sr_status st = sr_db_exec(s->db, text, np, p, on_merged, &qc, err);
    free(text);
    sr_buf_free(&like);
    sr_buf_free(&qc.urls);
    return st ? st : qc.failed;
}

typedef struct control_ctx {
    sr_control_fn fn;
    void *ctx;
} control_ctx;

#define CONTROL_COLS                                                                                             \
    "place, admin1, country, lat, lon, holder, holder_code, previous, previous_code, since, sub_event_type,"     \
    " merged_id, n_sources, notes"

static int on_control(void *ctx, int ncols, const char *const *v)
{
    control_ctx *cc = ctx;
    if (ncols < 14)
        return 1;
    sr_control c;
    c.place = v[0];
    c.admin1 = v[1];
    c.country = v[2];
    c.has_coords = v[3] && v[4];
    c.lat = v[3] ? strtod(v[3], NULL) : 0;
    c.lon = v[4] ? strtod(v[4], NULL) : 0;
    c.holder = v[5];
    c.holder_code = v[6];
    c.previous = v[7];
    c.previous_code = v[8];
    c.since = v[9];
    c.sub_event_type = v[10];
    c.event_id = v[11];
    c.n_sources = v[12] ? atoi(v[12]) : 0;
    c.notes = v[13];
    return cc->fn(cc->ctx, &c);
}

sr_status sr_store_control_at(sr_store *s, const char *date, const char *country, sr_control_fn fn, void *ctx,
                              sr_error *err)
{
    sr_error_clear(err);
    control_ctx cc = {fn, ctx};
    const char *p[] = {date ? date : "9999-12-31", country};
    /* the latest change at each place on or before the date */
    return sr_db_exec(s->db,
                      "SELECT " CONTROL_COLS " FROM control c WHERE since <= $1"
                      " AND (CAST($2 AS TEXT) IS NULL OR upper(country) = upper(CAST($2 AS TEXT))) AND NOT EXISTS (SELECT 1 FROM control d"
                      " WHERE d.name_key = c.name_key AND d.country IS NOT DISTINCT FROM c.country AND d.since <= $1"
                      " AND (d.since > c.since OR (d.since = c.since AND d.merged_id > c.merged_id)))"
                      " ORDER BY country, place",
                      2, p, on_control, &cc, err);
}

sr_status sr_store_control_place(sr_store *s, const char *place, sr_control_fn fn, void *ctx, sr_error *err)
{
    sr_error_clear(err);
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(place, strlen(place), key);
    key[kn] = 0;
    control_ctx cc = {fn, ctx};
    const char *p[] = {key};
    return sr_db_exec(s->db, "SELECT " CONTROL_COLS " FROM control WHERE name_key = $1 ORDER BY country, since, merged_id",
                      1, p, on_control, &cc, err);
}

typedef struct stats_ctx {
    sr_count_fn fn;
    void *ctx;
} stats_ctx;

static int on_stat(void *ctx, int ncols, const char *const *v)
{
    stats_ctx *sc = ctx;
    if (ncols < 2)
        return 1;
    return sc->fn(sc->ctx, v[0] ? v[0] : "(none)", v[1] ? atol(v[1]) : 0);
}

sr_status sr_store_stats(sr_store *s, const char *by, sr_count_fn fn, void *ctx, sr_error *err)
{
    sr_error_clear(err);
    static const struct {
        const char *by, *sql;
    } q[] = {
        {"type", "SELECT event_type, COUNT(*) FROM merged WHERE n_sources > 0 GROUP BY event_type ORDER BY 2 DESC, 1"},
        {"sub-type",
         "SELECT sub_event_type, COUNT(*) FROM merged WHERE n_sources > 0 GROUP BY sub_event_type ORDER BY 2 DESC, 1"},
        {"actor", "SELECT a, COUNT(*) FROM (SELECT actor1 AS a FROM merged WHERE actor1 IS NOT NULL AND n_sources > 0"
                  " UNION ALL SELECT actor2 AS a FROM merged WHERE actor2 IS NOT NULL AND n_sources > 0) t"
                  " GROUP BY a ORDER BY 2 DESC, 1"},
        {"country", "SELECT country, COUNT(*) FROM merged WHERE n_sources > 0 GROUP BY country ORDER BY 2 DESC, 1"},
        {"month", "SELECT substr(date, 1, 7) AS m, COUNT(*) FROM merged WHERE date IS NOT NULL AND n_sources > 0"
                  " GROUP BY substr(date, 1, 7) ORDER BY 1"},
    };
    for (size_t i = 0; i < sizeof q / sizeof *q; i++)
        if (!strcmp(by, q[i].by)) {
            stats_ctx sc = {fn, ctx};
            return sr_db_exec(s->db, q[i].sql, 0, NULL, on_stat, &sc, err);
        }
    return sr_fail(err, SR_ERR_INVALID, "", 0, "cannot count by '%s' (type, sub-type, actor, country or month)", by);
}

/* ---- the reports behind a merged event ---------------------------------------- */

typedef struct reports_ctx {
    sr_report_fn fn;
    void *ctx;
} reports_ctx;

static int on_report(void *ctx, int ncols, const char *const *v)
{
    reports_ctx *rc = ctx;
    if (ncols < 7)
        return 1;
    sr_report r = {v[0], v[1], v[2], v[3], v[4], v[5] ? atoi(v[5]) : -1, v[6]};
    return rc->fn(rc->ctx, &r);
}

sr_status sr_store_reports(sr_store *s, const char *id, sr_report_fn fn, void *ctx, sr_error *err)
{
    sr_error_clear(err);
    static const char sql[] = "SELECT e.article_id, a.source, a.url, a.title, e.date, e.sentence, e.text"
                              " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.merged_id = $1"
                              " ORDER BY e.article_id, e.sentence";
    const char *p[] = {id};
    reports_ctx rc = {fn, ctx};
    return sr_db_exec(s->db, sql, 1, p, on_report, &rc, err);
}
