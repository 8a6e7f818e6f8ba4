/* The event store: articles, their coded events, the events merged across
 * articles, and territorial control, above the two-function storage
 * interface of db.h. One code path for SQLite and PostgreSQL.
 *
 * Merging (one happening reported by several articles becomes one merged
 * event that lists its sources), documented in the README:
 * - same ACLED event type and sub-event type;
 * - dates at most 1 day apart when both are known to the day, 2 otherwise;
 *   an event without a date is never merged;
 * - places: both with coordinates, within 10 km (25 km when either is only
 *   "near" a place); when either is known only to the province, the same
 *   province; without coordinates, the same place name (any spelling);
 *   an event without a place is never merged;
 * - actors compatible: the same actor, or one side unnamed ("unidentified
 *   armed group", none); in armed clashes the sides may be swapped;
 * - never two events of one article: the coder already merged those.
 * The merged event keeps the most precise date (then the earliest), the
 * most precise place (then the first reported), the first named actors,
 * and the lowest reported death toll: like ACLED, the most conservative
 * figure when reports differ.
 *
 * Row callbacks never run a statement themselves: the SQLite backend
 * reuses prepared statements, which must not be re-entered. */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../code/dates.h"
#include "../geo/key.h"
#include "../geo/resolve.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/hash.h"
#include "db.h"

#define SCHEMA_VERSION "1"

struct sr_store {
    sr_db *db;
    int in_batch; /* between sr_store_begin and sr_store_commit */
};

static const char *const schema[] = {
    "CREATE TABLE IF NOT EXISTS sitrep_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS articles ("
    " id TEXT PRIMARY KEY, text_hash TEXT NOT NULL, date TEXT, source TEXT, url TEXT, title TEXT,"
    " n_events INTEGER NOT NULL, ingested_at TEXT NOT NULL)",
    "CREATE UNIQUE INDEX IF NOT EXISTS articles_text_hash ON articles (text_hash)",
    "CREATE TABLE IF NOT EXISTS merged ("
    " id TEXT PRIMARY KEY, date TEXT, time_precision INTEGER, event_type TEXT NOT NULL,"
    " sub_event_type TEXT NOT NULL, cameo TEXT, quad_class INTEGER, actor1 TEXT, actor1_code TEXT,"
    " actor2 TEXT, actor2_code TEXT, location TEXT, admin1 TEXT, country TEXT, lat DOUBLE PRECISION,"
    " lon DOUBLE PRECISION, geo_precision INTEGER, fatalities INTEGER, n_sources INTEGER NOT NULL,"
    " mentions INTEGER NOT NULL, sources TEXT, articles TEXT, notes TEXT)",
    "CREATE INDEX IF NOT EXISTS merged_type_date ON merged (event_type, sub_event_type, date)",
    "CREATE INDEX IF NOT EXISTS merged_date ON merged (date)",
    "CREATE TABLE IF NOT EXISTS events ("
    " id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles (id),"
    " merged_id TEXT NOT NULL REFERENCES merged (id), seq BIGINT NOT NULL, sentence INTEGER, date TEXT,"
    " time_precision INTEGER, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, cameo TEXT,"
    " quad_class INTEGER, actor1 TEXT, actor1_code TEXT, actor2 TEXT, actor2_code TEXT, location TEXT,"
    " admin1 TEXT, country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, geo_precision INTEGER,"
    " fatalities INTEGER, mentions INTEGER NOT NULL, source TEXT, text TEXT)",
    "CREATE INDEX IF NOT EXISTS events_merged ON events (merged_id)",
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    "CREATE INDEX IF NOT EXISTS events_seq ON events (seq)",
    "CREATE TABLE IF NOT EXISTS control ("
    " merged_id TEXT PRIMARY KEY REFERENCES merged (id), name_key TEXT NOT NULL, place TEXT NOT NULL,"
    " admin1 TEXT, country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, holder TEXT, holder_code TEXT,"
    " previous TEXT, previous_code TEXT, since TEXT NOT NULL, sub_event_type TEXT NOT NULL,"
    " n_sources INTEGER NOT NULL, notes TEXT)",
    "CREATE INDEX IF NOT EXISTS control_place ON control (name_key, country, since)",
};

static int starts_with(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

/* ---- small helpers over rows -------------------------------------------- */

static int first_value(void *ctx, int ncols, const char *const *v)
{
    char *out = ctx;
    snprintf(out, 256, "%s", ncols > 0 && v[0] ? v[0] : "");
    return 1;
}

static sr_status exec0(sr_store *s, const char *sql, sr_error *err)
{
    return sr_db_exec(s->db, sql, 0, NULL, NULL, NULL, err);
}

sr_status sr_store_open(const char *url, sr_store **out, sr_error *err)
{
    sr_error_clear(err);
    *out = NULL;
    if (!url || !*url)
        url = "sitrep.db";
    sr_store *s = calloc(1, sizeof *s);
    if (!s)
        return sr_fail(err, SR_ERR_NOMEM, url, 0, "out of memory");
    sr_status st;
    if (starts_with(url, "postgresql://") || starts_with(url, "postgres://"))
        st = sr_db_open_pg(url, &s->db, err);
    else
        st = sr_db_open_sqlite(starts_with(url, "sqlite:") ? url + 7 : url, &s->db, err);
    if (st) {
        free(s);
        return st;
    }
    for (size_t i = 0; i < sizeof schema / sizeof *schema; i++)
        if ((st = exec0(s, schema[i], err))) {
            sr_store_close(s);
            return st;
        }
    char version[256] = "";
    const char *key[] = {"schema_version"};
    if ((st = sr_db_exec(s->db, "SELECT value FROM sitrep_meta WHERE key = $1", 1, key, first_value, version, err))) {
        sr_store_close(s);
        return st;
    }
    if (!version[0]) {
        const char *p[] = {"schema_version", SCHEMA_VERSION};
        st = sr_db_exec(s->db, "INSERT INTO sitrep_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", 2,
                        p, NULL, NULL, err);
    } else if (strcmp(version, SCHEMA_VERSION)) {
        st = sr_fail(err, SR_ERR_INVALID, s->db->where, 0, "the store has schema version %s; this sitrep reads %s",
                     version, SCHEMA_VERSION);
    }
    if (st) {
        sr_store_close(s);
        return st;
    }
    *out = s;
    return SR_OK;
}

void sr_store_close(sr_store *s)
{
    if (!s)
        return;
    if (s->in_batch) {
        sr_error err;
        sr_store_commit(s, &err);
    }
    if (s->db)
        s->db->ops->close(s->db);
    free(s);
}

const char *sr_store_backend(const sr_store *s)
{
    return s->db->ops->name;
}

/* ---- the identity of an article ----------------------------------------- */

/* Lower case, runs of space collapsed: the same story re-sent with other
 * line breaks or capitals is the same article. */
static void text_hash(const char *t, size_t n, char out[17])
{
    uint64_t h = SR_HASH_SEED;
    int space = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (isspace(c)) {
            space = 1;
            continue;
        }
        if (space) {
            h = sr_hash64(" ", 1, h);
            space = 0;
        }
        c = (unsigned char)tolower(c);
        h = sr_hash64(&c, 1, h);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)sr_mix64(h));
}

/* ---- a coded event, as stored ------------------------------------------- */

typedef struct ev_row {
    char id[64];
    char merged[72];
    const char *date;
    int tp;
    const char *type, *sub, *cameo;
    int quad;
    const char *a1, *a1c, *a2, *a2c;
    const char *loc, *admin1, *cc;
    int has_coords;
    double lat, lon;
    int gp;
    long fat;
    int mentions;
    const char *source, *article, *text;
    long seq;
} ev_row;

static int generic_actor(const char *code)
{
    size_t n = code ? strlen(code) : 0;
    return n == 0 || (n >= 3 && !strcmp(code + n - 3, "UAG"));
}

static int actor_compat(const char *a, const char *b)
{
    return generic_actor(a) || generic_actor(b) || !strcmp(a, b);
}

static long day_number(const char *iso)
{
    sr_date d;
    if (sr_date_parse_iso(iso, &d))
        return LONG_MIN;
    return sr_days_from_civil(d.y, d.m, d.d);
}

static int same_name_key(const char *a, const char *b)
{
    char ka[SR_KEY_MAX], kb[SR_KEY_MAX];
    size_t na = sr_place_key(a, strlen(a), ka), nb = sr_place_key(b, strlen(b), kb);
    return na && na == nb && !memcmp(ka, kb, na);
}

static int eq_nocase(const char *a, const char *b)
{
    return a && b && !strcasecmp(a, b);
}

/* Does event e report the happening m (a merged event's current values)? */
static int mergeable(const ev_row *e, const ev_row *m, double *score)
{
    long de = day_number(e->date), dm = day_number(m->date);
    if (de == LONG_MIN || dm == LONG_MIN)
        return 0;
    long dd = labs(de - dm);
    if (dd > ((e->tp == 1 && m->tp == 1) ? 1 : 2))
        return 0;
    if (!e->loc || !m->loc)
        return 0;
    double km = 0;
    if (e->gp >= 3 || m->gp >= 3) {
        if (!eq_nocase(e->cc, m->cc) || !eq_nocase(e->admin1, m->admin1))
            return 0;
    } else if (e->has_coords && m->has_coords) {
        km = sr_km(e->lat, e->lon, m->lat, m->lon);
        if (km > ((e->gp <= 1 && m->gp <= 1) ? 10.0 : 25.0))
            return 0;
    } else if (!eq_nocase(e->cc, m->cc) || !same_name_key(e->loc, m->loc)) {
        return 0;
    }
    int straight = actor_compat(e->a1c, m->a1c) && actor_compat(e->a2c, m->a2c);
    int swapped = !strcmp(e->sub, "Armed clash") && actor_compat(e->a1c, m->a2c) && actor_compat(e->a2c, m->a1c);
    if (!straight && !swapped)
        return 0;
    /* the nearest in time, then in space, then the one with named actors */
    *score = (double)dd * 100 + km + (generic_actor(m->a1c) ? 0.5 : 0);
    return 1;
}

/* Column order of every SELECT of events and merged rows below. */
#define EV_COLS                                                                                                   \
    "date, time_precision, event_type, sub_event_type, cameo, quad_class, actor1, actor1_code, actor2, "            \
    "actor2_code, location, admin1, country, lat, lon, geo_precision, fatalities"
#define EV_NCOLS 17

static char *col_dup(const char *v)
{
    return v ? strdup(v) : NULL;
}

/* Fills r from the EV_COLS columns at v (strings duplicated: the caller
 * frees with ev_row_free). */
static void ev_row_from(ev_row *r, const char *const *v)
{
    r->date = col_dup(v[0]);
    r->tp = v[1] ? atoi(v[1]) : 3;
    r->type = col_dup(v[2]);
    r->sub = col_dup(v[3]);
    r->cameo = col_dup(v[4]);
    r->quad = v[5] ? atoi(v[5]) : 0;
    r->a1 = col_dup(v[6]);
    r->a1c = col_dup(v[7]);
    r->a2 = col_dup(v[8]);
    r->a2c = col_dup(v[9]);
    r->loc = col_dup(v[10]);
    r->admin1 = col_dup(v[11]);
    r->cc = col_dup(v[12]);
    r->has_coords = v[13] && v[14];
    r->lat = v[13] ? strtod(v[13], NULL) : 0;
    r->lon = v[14] ? strtod(v[14], NULL) : 0;
    r->gp = v[15] ? atoi(v[15]) : 0;
    r->fat = v[16] ? atol(v[16]) : -1;
}

static void ev_row_free(ev_row *r)
{
    const char **fields[] = {&r->date, &r->type, &r->sub, &r->cameo, &r->a1, &r->a1c, &r->a2, &r->a2c,
                             &r->loc, &r->admin1, &r->cc, &r->source, &r->article, &r->text};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        free((char *)*fields[i]);
        *fields[i] = NULL;
    }
}

/* A merged event as read back: id, EV_COLS, then n_sources, mentions,
 * sources, articles, notes (the same order as MERGED_COLS below). */
typedef struct merged_row {
    ev_row r;       /* r.merged holds the id */
    int n_sources;
    char *sources, *articles, *notes;
} merged_row;

typedef struct merged_list {
    merged_row *v;
    size_t n, cap;
    int oom;
} merged_list;

static int collect_merged(void *ctx, int ncols, const char *const *v)
{
    merged_list *l = ctx;
    if (ncols < 1 + EV_NCOLS + 5)
        return 1;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 8;
        merged_row *nv = realloc(l->v, nc * sizeof *nv);
        if (!nv) {
            l->oom = 1;
            return 1;
        }
        l->v = nv;
        l->cap = nc;
    }
    merged_row *m = &l->v[l->n++];
    memset(m, 0, sizeof *m);
    snprintf(m->r.merged, sizeof m->r.merged, "%s", v[0] ? v[0] : "");
    ev_row_from(&m->r, v + 1);
    const char *const *t = v + 1 + EV_NCOLS;
    m->n_sources = t[0] ? atoi(t[0]) : 0;
    m->r.mentions = t[1] ? atoi(t[1]) : 0;
    m->sources = col_dup(t[2]);
    m->articles = col_dup(t[3]);
    m->notes = col_dup(t[4]);
    return 0;
}

static void merged_list_free(merged_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        ev_row_free(&l->v[i].r);
        free(l->v[i].sources);
        free(l->v[i].articles);
        free(l->v[i].notes);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* ---- numbers as SQL text parameters ------------------------------------- */

typedef struct numbuf {
    char s[24][32];
    int n;
} numbuf;

static const char *num_i(numbuf *b, long v)
{
    char *o = b->s[b->n++ % 24];
    snprintf(o, 32, "%ld", v);
    return o;
}

static const char *num_d(numbuf *b, double v)
{
    char *o = b->s[b->n++ % 24];
    snprintf(o, 32, "%.6f", v);
    return o;
}

/* ---- a merged event, updated report by report ------------------------------ */

static int contains_item(const char *list, const char *item)
{
    size_t n = strlen(item);
    if (!list)
        return 0;
    for (const char *p = list; (p = strstr(p, item)); p += n)
        if ((p == list || (p >= list + 2 && p[-2] == ';' && p[-1] == ' ')) && (p[n] == 0 || p[n] == ';'))
            return 1;
    return 0;
}

static void add_item(sr_buf *b, const char *item)
{
    if (!item || !*item || contains_item(sr_buf_cstr(b), item))
        return;
    if (b->len)
        sr_buf_puts(b, "; ");
    sr_buf_puts(b, item);
}

/* The merged event's values: pointers into its current row or the new
 * report, whichever each rule keeps. */
typedef struct agg {
    const ev_row *when, *where, *who1, *who2, *first;
    long fat;
    int n_sources, mentions;
    sr_buf sources, articles;
    const char *notes;
} agg;

/* Folds report r (of article, from outlet) into m (NULL: r starts a new
 * merged event). The rules are those of the comment at the top. */
static void agg_fold(agg *g, const merged_row *m, const ev_row *r, const char *article, const char *outlet)
{
    memset(g, 0, sizeof *g);
    sr_buf_init(&g->sources);
    sr_buf_init(&g->articles);
    if (!m) {
        g->when = g->where = g->who1 = g->who2 = g->first = r;
        g->fat = r->fat;
        g->n_sources = 1;
        g->mentions = r->mentions;
        add_item(&g->sources, outlet);
        add_item(&g->articles, article);
        g->notes = r->text;
        return;
    }
    const ev_row *c = &m->r;
    g->first = c;
    g->when = c->date && !(r->date && (r->tp < c->tp || (r->tp == c->tp && strcmp(r->date, c->date) < 0))) ? c : r;
    g->where = c->loc && !(r->loc && r->gp && r->gp < c->gp) ? c : (r->loc ? r : c);
    g->who1 = c->a1 && !(generic_actor(c->a1c) && r->a1 && !generic_actor(r->a1c)) ? c : (r->a1 ? r : c);
    g->who2 = c->a2 && !(generic_actor(c->a2c) && r->a2 && !generic_actor(r->a2c)) ? c : (r->a2 ? r : c);
    g->fat = c->fat >= 0 && (r->fat < 0 || c->fat <= r->fat) ? c->fat : r->fat;
    g->n_sources = m->n_sources + 1;
    g->mentions = c->mentions + r->mentions;
    if (m->sources)
        sr_buf_puts(&g->sources, m->sources);
    add_item(&g->sources, outlet);
    if (m->articles)
        sr_buf_puts(&g->articles, m->articles);
    add_item(&g->articles, article);
    g->notes = m->notes;
}

static void agg_free(agg *g)
{
    sr_buf_free(&g->sources);
    sr_buf_free(&g->articles);
}

static int is_territory(const char *sub)
{
    return !strcmp(sub, "Government regains territory") || !strcmp(sub, "Non-state actor overtakes territory") ||
           !strcmp(sub, "Non-violent transfer of territory");
}

/* Writes the merged event (insert: a new one) and, for a change of hands
 * at a place named to the town, its control row. */
static sr_status write_merged(sr_store *s, const char *id, const ev_row *r, const agg *g, int insert, sr_error *err)
{
    numbuf nb = {0};
    const ev_row *w = g->where;
    const char *u[] = {id,
                       g->when->date,
                       num_i(&nb, g->when->tp),
                       g->first->cameo,
                       num_i(&nb, g->first->quad),
                       g->who1->a1,
                       g->who1->a1c,
                       g->who2->a2,
                       g->who2->a2c,
                       w->loc,
                       w->admin1,
                       w->cc,
                       w->loc && w->has_coords ? num_d(&nb, w->lat) : NULL,
                       w->loc && w->has_coords ? num_d(&nb, w->lon) : NULL,
                       w->loc ? num_i(&nb, w->gp) : NULL,
                       g->fat >= 0 ? num_i(&nb, g->fat) : NULL,
                       num_i(&nb, g->n_sources),
                       num_i(&nb, g->mentions),
                       g->sources.len ? sr_buf_cstr((sr_buf *)&g->sources) : NULL,
                       sr_buf_cstr((sr_buf *)&g->articles),
                       g->notes,
                       r->type,
                       r->sub};
    sr_status st;
    if (insert)
        st = sr_db_exec(s->db,
                        "INSERT INTO merged (id, date, time_precision, cameo, quad_class, actor1, actor1_code, actor2,"
                        " actor2_code, location, admin1, country, lat, lon, geo_precision, fatalities, n_sources,"
                        " mentions, sources, articles, notes, event_type, sub_event_type) VALUES ($1, $2,"
                        " CAST($3 AS INTEGER), $4, CAST($5 AS INTEGER), $6, $7, $8, $9, $10, $11, $12,"
                        " CAST($13 AS DOUBLE PRECISION), CAST($14 AS DOUBLE PRECISION), CAST($15 AS INTEGER),"
                        " CAST($16 AS INTEGER), CAST($17 AS INTEGER), CAST($18 AS INTEGER), $19, $20, $21, $22, $23)",
                        23, u, NULL, NULL, err);
    else
        st = sr_db_exec(s->db,
                        "UPDATE merged SET date = $2, time_precision = CAST($3 AS INTEGER), cameo = $4,"
                        " quad_class = CAST($5 AS INTEGER), actor1 = $6, actor1_code = $7, actor2 = $8,"
                        " actor2_code = $9, location = $10, admin1 = $11, country = $12,"
                        " lat = CAST($13 AS DOUBLE PRECISION), lon = CAST($14 AS DOUBLE PRECISION),"
                        " geo_precision = CAST($15 AS INTEGER), fatalities = CAST($16 AS INTEGER),"
                        " n_sources = CAST($17 AS INTEGER), mentions = CAST($18 AS INTEGER), sources = $19,"
                        " articles = CASE WHEN articles IS NULL OR articles = '' THEN CAST($20 AS TEXT) ELSE articles || '; ' || CAST($20 AS TEXT) END,"
                        " notes = $21 WHERE id = $1",
                        21, u, NULL, NULL, err);
    if (st || !is_territory(r->sub))
        return st;
    /* territorial control: taken by force, actor1 now holds the place and
     * actor2 held it; handed over or left, actor1 held it and actor2 (when
     * reported) holds it */
    int nvt = !strcmp(r->sub, "Non-violent transfer of territory");
    const char *del[] = {id};
    if (!insert && (st = sr_db_exec(s->db, "DELETE FROM control WHERE merged_id = $1", 1, del, NULL, NULL, err)))
        return st;
    if (!w->loc || w->gp != 1 || !g->when->date)
        return SR_OK;
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(w->loc, strlen(w->loc), key);
    key[kn] = 0;
    const char *c[] = {id,
                       key,
                       w->loc,
                       w->admin1,
                       w->cc,
                       w->has_coords ? num_d(&nb, w->lat) : NULL,
                       w->has_coords ? num_d(&nb, w->lon) : NULL,
                       nvt ? g->who2->a2 : g->who1->a1,
                       nvt ? g->who2->a2c : g->who1->a1c,
                       nvt ? g->who1->a1 : g->who2->a2,
                       nvt ? g->who1->a1c : g->who2->a2c,
                       g->when->date,
                       r->sub,
                       num_i(&nb, g->n_sources),
                       g->notes};
    return sr_db_exec(s->db,
                      "INSERT INTO control (merged_id, name_key, place, admin1, country, lat, lon, holder,"
                      " holder_code, previous, previous_code, since, sub_event_type, n_sources, notes)"
                      " VALUES ($1, $2, $3, $4, $5, CAST($6 AS DOUBLE PRECISION), CAST($7 AS DOUBLE PRECISION),"
                      " $8, $9, $10, $11, $12, $13, CAST($14 AS INTEGER), $15)",
                      15, c, NULL, NULL, err);
}

/* ---- adding an article ---------------------------------------------------- */

#define MERGED_COLS                                                                                              \
    "id, " EV_COLS ", n_sources, mentions, sources, articles, notes"
/* Candidates for a merge leave out the list of articles: it grows with
 * every report, and reading it back for each new event made ingest
 * quadratic. Which merged events this article already reports is known
 * in memory (the touched list). */
#define MERGED_COLS_NO_ARTICLES "id, " EV_COLS ", n_sources, mentions, sources, NULL, notes"

/* The merged events the article being added reports so far. */
typedef struct touched {
    char (*id)[72];
    size_t n, cap;
} touched;

static int touched_has(const touched *t, const char *id)
{
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->id[i], id))
            return 1;
    return 0;
}

static int touched_add(touched *t, const char *id)
{
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 16;
        char(*nv)[72] = realloc(t->id, nc * sizeof *nv);
        if (!nv)
            return -1;
        t->id = nv;
        t->cap = nc;
    }
    snprintf(t->id[t->n++], sizeof t->id[0], "%s", id);
    return 0;
}

static sr_status add_event(sr_store *s, const sr_article *a, const sr_event *e, touched *tv, sr_error *err)
{
    sr_actor_ref a1, a2;
    sr_location_ref loc;
    int h1 = sr_event_actor1(e, &a1), h2 = sr_event_actor2(e, &a2), hl = sr_event_location(e, &loc);
    ev_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.id, sizeof r.id, "%s", sr_event_id(e));
    r.date = sr_event_date(e);
    r.tp = sr_event_time_precision(e);
    r.type = sr_event_type(e);
    r.sub = sr_event_sub_type(e);
    r.cameo = sr_event_cameo(e);
    r.quad = sr_event_quad_class(e);
    r.a1 = h1 ? a1.name : NULL;
    r.a1c = h1 ? a1.code : NULL;
    r.a2 = h2 ? a2.name : NULL;
    r.a2c = h2 ? a2.code : NULL;
    r.loc = hl ? loc.name : NULL;
    r.admin1 = hl ? loc.admin1 : NULL;
    r.cc = hl ? loc.country : NULL;
    r.has_coords = hl && loc.has_coords;
    r.lat = loc.lat;
    r.lon = loc.lon;
    r.gp = hl ? loc.geo_precision : 0;
    r.fat = sr_event_fatalities(e);
    r.mentions = sr_event_mentions(e);
    r.text = sr_event_text(e);
    const char *outlet = a->source && *a->source ? a->source : NULL;

    /* the merged events this one may report */
    merged_list l = {0};
    const merged_row *best = NULL;
    sr_status st = SR_OK;
    long d = r.date ? day_number(r.date) : LONG_MIN;
    if (d != LONG_MIN && r.loc) {
        sr_date lo, hi;
        sr_civil_from_days(d - 2, &lo);
        sr_civil_from_days(d + 2, &hi);
        char los[11], his[11];
        sr_date_format(&lo, los);
        sr_date_format(&hi, his);
        const char *p[] = {r.type, r.sub, los, his};
        st = sr_db_exec(s->db,
                        "SELECT " MERGED_COLS_NO_ARTICLES " FROM merged WHERE event_type = $1 AND sub_event_type = $2"
                        " AND date BETWEEN $3 AND $4 ORDER BY id",
                        4, p, collect_merged, &l, err);
        if (!st && l.oom)
            st = sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
        double bs = 1e300;
        for (size_t i = 0; !st && i < l.n; i++) {
            double sc;
            /* never two events of one article: the coder kept them apart */
            if (!touched_has(tv, l.v[i].r.merged) && mergeable(&r, &l.v[i].r, &sc) && sc < bs) {
                bs = sc;
                best = &l.v[i];
            }
        }
    }
    char mid[72];
    if (best)
        snprintf(mid, sizeof mid, "%s", best->r.merged);
    else
        snprintf(mid, sizeof mid, "m%s", r.id);
    if (!st) {
        agg g;
        agg_fold(&g, best, &r, a->id, outlet);
        st = write_merged(s, mid, &r, &g, best == NULL, err);
        agg_free(&g);
    }
    merged_list_free(&l);
    if (!st && touched_add(tv, mid))
        st = sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    if (st)
        return st;
    numbuf nb = {0};
    const char *p[] = {r.id,
                       a->id,
                       mid,
                       num_i(&nb, sr_event_sentence(e)),
                       r.date,
                       num_i(&nb, r.tp),
                       r.type,
                       r.sub,
                       r.cameo,
                       num_i(&nb, r.quad),
                       r.a1,
                       r.a1c,
                       r.a2,
                       r.a2c,
                       r.loc,
                       r.admin1,
                       r.cc,
                       r.has_coords ? num_d(&nb, r.lat) : NULL,
                       r.has_coords ? num_d(&nb, r.lon) : NULL,
                       r.loc ? num_i(&nb, r.gp) : NULL,
                       r.fat >= 0 ? num_i(&nb, r.fat) : NULL,
                       num_i(&nb, r.mentions),
                       outlet,
                       r.text};
    return sr_db_exec(s->db,
                      "INSERT INTO events (id, article_id, merged_id, seq, sentence, date, time_precision, event_type,"
                      " sub_event_type, cameo, quad_class, actor1, actor1_code, actor2, actor2_code, location, admin1,"
                      " country, lat, lon, geo_precision, fatalities, mentions, source, text)"
                      " VALUES ($1, $2, $3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events), CAST($4 AS INTEGER), $5,"
                      " CAST($6 AS INTEGER), $7, $8, $9, CAST($10 AS INTEGER), $11, $12, $13, $14, $15, $16, $17,"
                      " CAST($18 AS DOUBLE PRECISION), CAST($19 AS DOUBLE PRECISION), CAST($20 AS INTEGER),"
                      " CAST($21 AS INTEGER), CAST($22 AS INTEGER), $23, $24)",
                      24, p, NULL, NULL, err);
}

sr_status sr_store_add(sr_store *s, const sr_article *a, const sr_result *r, int *added, size_t *events, sr_error *err)
{
    sr_error_clear(err);
    *added = 0;
    *events = 0;
    char th[17];
    text_hash(a->text, a->text_len ? a->text_len : strlen(a->text), th);
    /* in a batch, a savepoint makes the article all or nothing within it */
    sr_status st = exec0(s, s->in_batch ? "SAVEPOINT article" : "BEGIN", err);
    if (st)
        return st;
    char found[256] = "";
    const char *p[] = {a->id, th};
    st = sr_db_exec(s->db, "SELECT id FROM articles WHERE id = $1 OR text_hash = $2", 2, p, first_value, found, err);
    if (st || found[0]) {
        sr_error keep = *err;
        exec0(s, s->in_batch ? "ROLLBACK TO SAVEPOINT article" : "ROLLBACK", err);
        if (s->in_batch)
            exec0(s, "RELEASE SAVEPOINT article", err);
        *err = keep;
        return st;
    }
    size_t n = 0;
    for (size_t i = 0; i < sr_result_count(r); i++)
        n += sr_event_modality(sr_result_event(r, i)) == SR_ASSERTED;
    char now[32];
    time_t t = time(NULL);
    struct tm tmv;
    gmtime_r(&t, &tmv);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    numbuf nb = {0};
    sr_date ad;
    const char *date = a->date && !sr_date_parse_iso(a->date, &ad) ? a->date : NULL;
    char dbuf[11];
    if (date) {
        sr_date_format(&ad, dbuf);
        date = dbuf;
    }
    const char *ap[] = {a->id, th, date, a->source, a->url, a->title, num_i(&nb, (long)n), now};
    st = sr_db_exec(s->db,
                    "INSERT INTO articles (id, text_hash, date, source, url, title, n_events, ingested_at)"
                    " VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS INTEGER), $8)",
                    8, ap, NULL, NULL, err);
    touched tv = {0};
    for (size_t i = 0; !st && i < sr_result_count(r); i++) {
        const sr_event *e = sr_result_event(r, i);
        if (sr_event_modality(e) == SR_ASSERTED)
            st = add_event(s, a, e, &tv, err);
    }
    free(tv.id);
    if (!st)
        st = exec0(s, s->in_batch ? "RELEASE SAVEPOINT article" : "COMMIT", err);
    if (st) {
        sr_error keep = *err;
        exec0(s, s->in_batch ? "ROLLBACK TO SAVEPOINT article" : "ROLLBACK", err);
        if (s->in_batch)
            exec0(s, "RELEASE SAVEPOINT article", err);
        *err = keep;
        return st;
    }
    *added = 1;
    *events = n;
    return SR_OK;
}

sr_status sr_store_begin(sr_store *s, sr_error *err)
{
    sr_error_clear(err);
    if (s->in_batch)
        return SR_OK;
    sr_status st = exec0(s, "BEGIN", err);
    if (!st)
        s->in_batch = 1;
    return st;
}

sr_status sr_store_commit(sr_store *s, sr_error *err)
{
    sr_error_clear(err);
    if (!s->in_batch)
        return SR_OK;
    s->in_batch = 0;
    return exec0(s, "COMMIT", err);
}

/* ---- reading ---------------------------------------------------------------- */

typedef struct query_ctx {
    const sr_query *q;
    sr_stored_event_fn fn;
    void *ctx;
    long sent;
    int stopped;
} query_ctx;

static int on_merged(void *ctx, int ncols, const char *const *v)
{
    query_ctx *qc = ctx;
    if (ncols < 1 + EV_NCOLS + 5)
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
    const sr_query *q = qc->q;
    if (q && q->near && (!e.has_coords || sr_km(q->lat, q->lon, e.lat, e.lon) > q->km))
        return 0;
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
    const char *p[16];
    int np = 0;
    numbuf nb = {0};
    char like[300];
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
        size_t k = 0;
        like[k++] = '%';
        for (const char *a = q->actor; *a && k + 2 < sizeof like; a++)
            like[k++] = (char)tolower((unsigned char)*a);
        like[k++] = '%';
        like[k] = 0;
        p[np++] = like;
        p[np++] = q->actor;
        sr_buf_printf(&sql,
                      " AND (lower(actor1) LIKE $%d OR lower(actor2) LIKE $%d OR actor1_code = $%d OR"
                      " actor2_code = $%d)",
                      np - 1, np - 1, np, np);
    }
    if (q->country) {
        p[np++] = q->country;
        sr_buf_printf(&sql, " AND upper(country) = upper($%d)", np);
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
    sr_buf_puts(&sql, " ORDER BY date, id");
    query_ctx qc = {q, fn, ctx, 0, 0};
    /* the SQL text is built here, so no statement cache entry can outlive it */
    char *text = strdup(sr_buf_cstr(&sql));
    sr_buf_free(&sql);
    if (!text)
        return sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    sr_status st = sr_db_exec(s->db, text, np, p, on_merged, &qc, err);
    free(text);
    return st;
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

static int on_count(void *ctx, int ncols, const char *const *v)
{
    long *out = ctx;
    *out = ncols > 0 && v[0] ? atol(v[0]) : 0;
    return 1;
}

sr_status sr_store_count(sr_store *s, sr_store_counts *out, sr_error *err)
{
    sr_error_clear(err);
    memset(out, 0, sizeof *out);
    static const char *const q[] = {
        "SELECT COUNT(*) FROM articles", "SELECT COUNT(*) FROM events",
        "SELECT COUNT(*) FROM merged WHERE n_sources > 0", "SELECT COUNT(*) FROM control"};
    long *dst[] = {&out->articles, &out->events, &out->merged, &out->control};
    for (int i = 0; i < 4; i++) {
        sr_status st = sr_db_exec(s->db, q[i], 0, NULL, on_count, dst[i], err);
        if (st)
            return st;
    }
    return SR_OK;
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
