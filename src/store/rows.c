/* Statements over many rows. A batch is written with a few statements of
 * many rows each, not a few statements per article: on PostgreSQL each
 * statement is a round trip to the server, and one an article made the
 * database take 95 % of an ingest. A statement of n rows repeats the row
 * part n times with its parameters numbered on; n is 32, 16, 8, 4, 2 or
 * 1, so the few texts are prepared once per connection and any count is
 * written with at most six statements beyond count / 32. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "store.h"

#define MERGED_COLS                                                                                              \
    "id, date, time_precision, cameo, quad_class, actor1, actor1_code, actor2, actor2_code, location, admin1,"    \
    " country, lat, lon, geo_precision, fatalities, n_sources, mentions, sources, articles, notes, event_type,"   \
    " sub_event_type, changed_at"
#define MERGED_ROW                                                                                               \
    "(?, ?, CAST(? AS INTEGER), ?, CAST(? AS INTEGER), ?, ?, ?, ?, ?, ?, ?, CAST(? AS DOUBLE PRECISION),"        \
    " CAST(? AS DOUBLE PRECISION), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER),"                  \
    " CAST(? AS INTEGER), ?, ?, ?, ?, ?, CAST(? AS BIGINT))"

static const struct rows_sql {
    const char *head, *row, *sep, *tail;
    int ncols;
} rows_sql[K_COUNT] = {
    /* an article already stored (the same id, or the same text) is not
     * inserted again; RETURNING says which were: concurrent writers of
     * one article wait for each other on the unique index, and only one
     * of them gets it */
    [K_ART_INS] = {"INSERT INTO articles (id, text_hash, date, source, url, title, n_events, ingested_at) VALUES ",
                   "(?, ?, ?, ?, ?, ?, CAST(? AS INTEGER), ?)", ", ", " ON CONFLICT DO NOTHING RETURNING id", 8},
    [K_LOAD_WINDOW] = {"SELECT " EV_SELECT " FROM events WHERE ", "(mkey = ? AND date BETWEEN ? AND ?)", " OR ", "",
                       3},
    [K_LOAD_KEY] = {"SELECT " EV_SELECT " FROM events WHERE mkey IN (", "?", ", ", ")", 1},
    [K_MEMBERS] = {"SELECT " EV_SELECT " FROM events WHERE merged_id IN (", "?", ", ", ")", 1},
    [K_MERGED_PUT] = {"INSERT INTO merged (" MERGED_COLS ") VALUES ", MERGED_ROW, ", ",
                      " ON CONFLICT (id) DO UPDATE SET date = excluded.date, time_precision = excluded.time_precision,"
                      " cameo = excluded.cameo, quad_class = excluded.quad_class, actor1 = excluded.actor1,"
                      " actor1_code = excluded.actor1_code, actor2 = excluded.actor2,"
                      " actor2_code = excluded.actor2_code, location = excluded.location, admin1 = excluded.admin1,"
                      " country = excluded.country, lat = excluded.lat, lon = excluded.lon,"
                      " geo_precision = excluded.geo_precision, fatalities = excluded.fatalities,"
                      " n_sources = excluded.n_sources, mentions = excluded.mentions, sources = excluded.sources,"
                      " articles = excluded.articles, notes = excluded.notes, changed_at = excluded.changed_at",
                      24},
    [K_MERGED_DEL] = {"DELETE FROM merged WHERE id IN (", "?", ", ", ")", 1},
    [K_CONTROL_DROP] = {"DELETE FROM control WHERE merged_id IN (", "?", ", ", ")", 1},
    [K_CONTROL] = {"INSERT INTO control (merged_id, name_key, place, admin1, country, lat, lon, holder, holder_code,"
                   " previous, previous_code, since, sub_event_type, n_sources, notes) VALUES ",
                   "(?, ?, ?, ?, ?, CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), ?, ?, ?, ?, ?, ?,"
                   " CAST(? AS INTEGER), ?)",
                   ", ", "", 15},
    [K_EVENT] = {"INSERT INTO events (id, article_id, merged_id, seq, sentence, date, time_precision, event_type,"
                 " sub_event_type, cameo, quad_class, actor1, actor1_code, actor2, actor2_code, location, admin1,"
                 " country, lat, lon, geo_precision, fatalities, mentions, source, text, mkey) VALUES ",
                 "(?, ?, ?, CAST(? AS BIGINT), CAST(? AS INTEGER), ?, CAST(? AS INTEGER), ?, ?, ?, CAST(? AS INTEGER),"
                 " ?, ?, ?, ?, ?, ?, ?, CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS INTEGER),"
                 " CAST(? AS INTEGER), CAST(? AS INTEGER), ?, ?, ?)",
                 ", ", "", 26},
    [K_EVENT_MOVE] = {"WITH v (id, m) AS (VALUES ", "(CAST(? AS TEXT), CAST(? AS TEXT))", ", ",
                      ") UPDATE events SET merged_id = (SELECT m FROM v WHERE v.id = events.id)"
                      " WHERE id IN (SELECT id FROM v)",
                      2},
    [K_KEY_VERSION] = {"SELECT k, version FROM merge_keys WHERE k IN (", "?", ", ", ")", 1},
    [K_KEY_BUMP] = {"INSERT INTO merge_keys (k, version) VALUES ", "(?, 1)", ", ",
                    " ON CONFLICT (k) DO UPDATE SET version = merge_keys.version + 1 RETURNING k, version", 1},
};

/* The text of a kind's statement over ROWS_MAX >> size rows, made once. */
static const char *rows_text(sr_store *s, int kind, int size)
{
    if (s->sql[kind][size])
        return s->sql[kind][size];
    const struct rows_sql *k = &rows_sql[kind];
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, k->head);
    int np = 0;
    for (size_t i = 0; i < (size_t)(ROWS_MAX >> size); i++) {
        if (i)
            sr_buf_puts(&b, k->sep);
        for (const char *c = k->row; *c; c++)
            if (*c == '?')
                sr_buf_printf(&b, "$%d", ++np);
            else
                sr_buf_putc(&b, *c);
    }
    sr_buf_puts(&b, k->tail);
    sr_buf_cstr(&b);
    if (b.oom) {
        sr_buf_free(&b);
        return NULL;
    }
    s->sql[kind][size] = b.p;
    return b.p;
}

sr_status sr_exec_rows(sr_store *s, int kind, const char *const *p, size_t nrows, sr_row_fn fn, void *ctx,
                       sr_error *err)
{
    size_t nc = (size_t)rows_sql[kind].ncols;
    for (size_t done = 0; done < nrows;) {
        int size = 0;
        while ((size_t)(ROWS_MAX >> size) > nrows - done)
            size++;
        size_t n = (size_t)(ROWS_MAX >> size);
        const char *sql = rows_text(s, kind, size);
        if (!sql)
            return sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
        sr_status st = sr_db_exec(s->db, sql, (int)(n * nc), p + done * nc, fn, ctx, err);
        if (st)
            return st;
        done += n;
    }
    return SR_OK;
}

void sr_rows_free(sr_store *s)
{
    for (size_t k = 0; k < K_COUNT; k++)
        for (size_t i = 0; i < ROWS_SIZES; i++) {
            free(s->sql[k][i]);
            s->sql[k][i] = NULL;
        }
}

void par_put(params *p, const char *x)
{
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 256;
        const char **nv = realloc(p->v, nc * sizeof *nv);
        if (!nv) {
            p->oom = 1;
            return;
        }
        p->v = nv;
        p->cap = nc;
    }
    p->v[p->n++] = x;
}

void par_int(params *p, long v)
{
    char t[24];
    snprintf(t, sizeof t, "%ld", v);
    const char *x = sr_arena_strdup(p->a, t);
    p->oom |= !x;
    par_put(p, x);
}

void par_num(params *p, double v)
{
    char t[40];
    snprintf(t, sizeof t, "%.6f", v);
    const char *x = sr_arena_strdup(p->a, t);
    p->oom |= !x;
    par_put(p, x);
}

void par_clear(params *p)
{
    p->n = 0;
}

void par_free(params *p)
{
    free(p->v);
    p->v = NULL;
    p->n = p->cap = 0;
}

static const char *keep(sr_arena *a, const char *v, int *oom)
{
    if (!v)
        return NULL;
    const char *x = sr_arena_strdup(a, v);
    *oom |= !x;
    return x;
}

/* Coordinates as the store gives them back: six decimals. */
static double as_stored(const char *v)
{
    return v ? strtod(v, NULL) : 0;
}

int ev_from_cols(ev_row *r, const char *const *v, int ncols, sr_arena *a)
{
    if (ncols < EV_SELECT_N || !v[0])
        return -1;
    int oom = 0;
    memset(r, 0, sizeof *r);
    snprintf(r->id, sizeof r->id, "%s", v[0]);
    snprintf(r->merged, sizeof r->merged, "%s", v[1] ? v[1] : "");
    r->article = keep(a, v[2], &oom);
    r->date = keep(a, v[3], &oom);
    r->tp = v[4] ? atoi(v[4]) : 3;
    r->type = keep(a, v[5], &oom);
    r->sub = keep(a, v[6], &oom);
    r->cameo = keep(a, v[7], &oom);
    r->quad = v[8] ? atoi(v[8]) : 0;
    r->a1 = keep(a, v[9], &oom);
    r->a1c = keep(a, v[10], &oom);
    r->a2 = keep(a, v[11], &oom);
    r->a2c = keep(a, v[12], &oom);
    r->loc = keep(a, v[13], &oom);
    r->admin1 = keep(a, v[14], &oom);
    r->cc = keep(a, v[15], &oom);
    r->has_coords = v[16] && v[17];
    r->lat = as_stored(v[16]);
    r->lon = as_stored(v[17]);
    r->gp = v[18] ? atoi(v[18]) : 0;
    r->fat = v[19] ? atol(v[19]) : -1;
    r->mentions = v[20] ? atoi(v[20]) : 0;
    r->source = keep(a, v[21], &oom);
    r->text = keep(a, v[22], &oom);
    r->sentence = v[23] ? atoi(v[23]) : 0;
    r->seq = v[24] ? atol(v[24]) : 0;
    return oom ? -1 : 0;
}
