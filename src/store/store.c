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
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/hash.h"
#include "db.h"

#define SCHEMA_VERSION "1"

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

/* An article staged in a batch, and its asserted events: what the store
 * keeps of them, copied, until the batch is written. */
typedef struct st_event {
    ev_row r;
    int sentence;
    char merged[72]; /* set while the batch is written */
    long seq;
} st_event;

typedef struct st_article {
    const char *id, *date, *source, *url, *title;
    char hash[17];
    size_t ev0, nev; /* its events in the batch's array */
    int fresh;       /* set while the batch is written: not stored before */
} st_article;

/* Statements over ROWS_MAX, ROWS_MAX/2 ... 1 rows (see rows_sql), of
 * these kinds: */
enum {
    K_SEEN_ID,
    K_SEEN_TEXT,
    K_CANDIDATES,
    K_ARTICLE,
    K_MERGED_NEW,
    K_MERGED_MORE,
    K_CONTROL_DROP,
    K_CONTROL,
    K_EVENT,
    K_COUNT
};
#define ROWS_MAX 32
#define ROWS_SIZES 6
/* A batch is written in slices of this many articles (each a savepoint):
 * lookups within a slice stay short however large the batch. */
#define SLICE 1000

struct sr_batch {
    sr_arena arena; /* strings of the staged articles */
    st_article *art;
    size_t nart, capart;
    st_event *ev;
    size_t nev, capev;
};

struct sr_store {
    sr_db *db;
    sr_batch *one; /* for sr_store_add */
    char *sql[K_COUNT][ROWS_SIZES];
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
    if (s->db)
        s->db->ops->close(s->db);
    for (size_t k = 0; k < sizeof s->sql / sizeof *s->sql; k++)
        for (size_t i = 0; i < ROWS_SIZES; i++)
            free(s->sql[k][i]);
    sr_batch_free(s->one);
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

/* A merged event as read back: id, EV_COLS, then n_sources, mentions,
 * sources, articles, notes (the same order as MERGED_COLS below). */
typedef struct merged_row {
    ev_row r; /* r.merged holds the id */
    int n_sources;
    char *sources, *articles, *notes;
} merged_row;

#define MERGED_COLS "id, " EV_COLS ", n_sources, mentions, sources, articles, notes"
/* Candidates for a merge leave out the list of articles: it grows with
 * every report, and reading it back for each new event made ingest
 * quadratic. Which merged events an article already reports is known in
 * memory. */
#define MERGED_COLS_NO_ARTICLES "id, " EV_COLS ", n_sources, mentions, sources, NULL, notes"

/* ---- numbers as SQL text parameters ------------------------------------- */

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


/* ---- statements over many rows ----------------------------------------------
 * A batch is written with a few statements of many rows each, not a few
 * statements per article: on PostgreSQL each statement is a round trip to
 * the server, and one an article made the database take 95 % of an
 * ingest. A statement of n rows repeats the row part n times with its
 * parameters numbered on; n is 32, 16, 8, 4, 2 or 1, so the few texts are
 * prepared once per connection and any count is written with at most
 * six statements beyond count / 32. */


#define MERGED_INS_COLS                                                                                          \
    "id, date, time_precision, cameo, quad_class, actor1, actor1_code, actor2, actor2_code, location, admin1,"    \
    " country, lat, lon, geo_precision, fatalities, n_sources, mentions, sources, articles, notes, event_type,"   \
    " sub_event_type"
#define MERGED_ROW                                                                                               \
    "(?, ?, CAST(? AS INTEGER), ?, CAST(? AS INTEGER), ?, ?, ?, ?, ?, ?, ?, CAST(? AS DOUBLE PRECISION),"        \
    " CAST(? AS DOUBLE PRECISION), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER),"                  \
    " CAST(? AS INTEGER), ?, ?, ?, ?, ?)"
#define MERGED_NCOLS 23

static const struct rows_sql {
    const char *head, *row, *sep, *tail;
    int ncols;
} rows_sql[K_COUNT] = {
    /* which of the articles are stored already (by id or by text) */
    [K_SEEN_ID] = {"SELECT id, text_hash FROM articles WHERE id IN (", "?", ", ", ")", 1},
    [K_SEEN_TEXT] = {"SELECT id, text_hash FROM articles WHERE text_hash IN (", "?", ", ", ")", 1},
    /* merged events in windows of days, by type: what the batch may report */
    [K_CANDIDATES] = {"SELECT " MERGED_COLS_NO_ARTICLES " FROM merged WHERE ",
                      "(event_type = ? AND sub_event_type = ? AND date BETWEEN ? AND ?)", " OR ", "", 4},
    [K_ARTICLE] = {"INSERT INTO articles (id, text_hash, date, source, url, title, n_events, ingested_at) VALUES ",
                   "(?, ?, ?, ?, ?, ?, CAST(? AS INTEGER), ?)", ", ", "", 8},
    [K_MERGED_NEW] = {"INSERT INTO merged (" MERGED_INS_COLS ") VALUES ", MERGED_ROW, ", ", "", MERGED_NCOLS},
    /* a merged event stored before: its values replaced, the batch's
     * articles appended to its list (which is never read back whole) */
    [K_MERGED_MORE] = {"INSERT INTO merged (" MERGED_INS_COLS ") VALUES ", MERGED_ROW, ", ",
                       " ON CONFLICT (id) DO UPDATE SET date = excluded.date, time_precision = excluded.time_precision,"
                       " cameo = excluded.cameo, quad_class = excluded.quad_class, actor1 = excluded.actor1,"
                       " actor1_code = excluded.actor1_code, actor2 = excluded.actor2,"
                       " actor2_code = excluded.actor2_code, location = excluded.location, admin1 = excluded.admin1,"
                       " country = excluded.country, lat = excluded.lat, lon = excluded.lon,"
                       " geo_precision = excluded.geo_precision, fatalities = excluded.fatalities,"
                       " n_sources = excluded.n_sources, mentions = excluded.mentions, sources = excluded.sources,"
                       " articles = CASE WHEN merged.articles IS NULL OR merged.articles = '' THEN excluded.articles"
                       " ELSE merged.articles || '; ' || excluded.articles END, notes = excluded.notes",
                       MERGED_NCOLS},
    [K_CONTROL_DROP] = {"DELETE FROM control WHERE merged_id IN (", "?", ", ", ")", 1},
    [K_CONTROL] = {"INSERT INTO control (merged_id, name_key, place, admin1, country, lat, lon, holder, holder_code,"
                   " previous, previous_code, since, sub_event_type, n_sources, notes) VALUES ",
                   "(?, ?, ?, ?, ?, CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), ?, ?, ?, ?, ?, ?,"
                   " CAST(? AS INTEGER), ?)",
                   ", ", "", 15},
    [K_EVENT] = {"INSERT INTO events (id, article_id, merged_id, seq, sentence, date, time_precision, event_type,"
                 " sub_event_type, cameo, quad_class, actor1, actor1_code, actor2, actor2_code, location, admin1,"
                 " country, lat, lon, geo_precision, fatalities, mentions, source, text) VALUES ",
                 "(?, ?, ?, CAST(? AS BIGINT), CAST(? AS INTEGER), ?, CAST(? AS INTEGER), ?, ?, ?, CAST(? AS INTEGER),"
                 " ?, ?, ?, ?, ?, ?, ?, CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS INTEGER),"
                 " CAST(? AS INTEGER), CAST(? AS INTEGER), ?, ?)",
                 ", ", "", 25},
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

/* Runs kind's statement over nrows rows of parameters (row after row). */
static sr_status exec_rows(sr_store *s, int kind, const char *const *p, size_t nrows, sr_row_fn fn, void *ctx,
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

/* Parameters of many rows, and the numbers among them as text. */
typedef struct params {
    const char **v;
    size_t n, cap;
    sr_arena *a;
    int oom;
} params;

static void put(params *p, const char *x)
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

static void put_i(params *p, long v)
{
    char t[24];
    snprintf(t, sizeof t, "%ld", v);
    const char *x = sr_arena_strdup(p->a, t);
    p->oom |= !x;
    put(p, x);
}

static void put_d(params *p, double v)
{
    char t[40];
    snprintf(t, sizeof t, "%.6f", v);
    const char *x = sr_arena_strdup(p->a, t);
    p->oom |= !x;
    put(p, x);
}

static void params_clear(params *p)
{
    p->n = 0;
}

/* ---- articles staged in a batch ----------------------------------------------- */

/* A merged event known while a batch is written: read from the store, or
 * begun by the batch. */
typedef struct cached {
    merged_row m; /* current values; for one read from the store, m.articles
                     holds only the articles the batch adds */
    long day;
    int in_store, changed;
    long next; /* the next in its bucket of the index, or -1 */
} cached;

/* The state of one attempt at writing staged articles. */
typedef struct writing {
    sr_store *s;
    const sr_batch *b;
    sr_arena *a;
    cached *c;
    size_t n, cap;
    /* the cached events with a date, by type, sub-type and day: a batch
     * of an archive in no order of date may hold many thousands */
    long *bucket;
    size_t nbucket, nindexed;
    /* ids and text hashes stored already, or new earlier in the slice: a
     * set, open addressing, sized for the slice at its start */
    const char **seen;
    size_t nseen, capseen;
    long seq;
    int oom;
} writing;

static const char *adup(writing *w, const char *v)
{
    if (!v)
        return NULL;
    const char *x = sr_arena_strdup(w->a, v);
    w->oom |= !x;
    return x;
}

static cached *cache_push(writing *w)
{
    if (w->n == w->cap) {
        size_t nc = w->cap ? w->cap * 2 : 64;
        cached *nv = realloc(w->c, nc * sizeof *nv);
        if (!nv) {
            w->oom = 1;
            return NULL;
        }
        w->c = nv;
        w->cap = nc;
    }
    cached *c = &w->c[w->n++];
    memset(c, 0, sizeof *c);
    return c;
}

static size_t bucket_of(const writing *w, const char *type, const char *sub, long day)
{
    uint64_t h = sr_hash64(type, strlen(type), SR_HASH_SEED);
    h = sr_hash64(sub, strlen(sub), h ^ 0x2f);
    return (size_t)(sr_mix64(h ^ (uint64_t)day) & (w->nbucket - 1));
}

static void index_link(writing *w, long i)
{
    cached *c = &w->c[i];
    size_t k = bucket_of(w, c->m.r.type, c->m.r.sub, c->day);
    c->next = w->bucket[k];
    w->bucket[k] = i;
}

/* Puts cached event i (with a date) in the index. */
static void index_add(writing *w, long i)
{
    if (w->c[i].day == LONG_MIN)
        return;
    if ((w->nindexed + 1) * 2 > w->nbucket) {
        size_t nb = w->nbucket ? w->nbucket * 2 : 1024;
        long *bv = malloc(nb * sizeof *bv);
        if (!bv) {
            w->oom = 1;
            return;
        }
        free(w->bucket);
        w->bucket = bv;
        w->nbucket = nb;
        for (size_t k = 0; k < nb; k++)
            bv[k] = -1;
        for (size_t k = 0; k < w->n; k++)
            if ((long)k != i && w->c[k].day != LONG_MIN)
                index_link(w, (long)k);
    }
    index_link(w, i);
    w->nindexed++;
}

/* Takes cached event i out of the index (before its day changes). */
static void index_del(writing *w, long i)
{
    if (w->c[i].day == LONG_MIN || !w->nbucket)
        return;
    long *p = &w->bucket[bucket_of(w, w->c[i].m.r.type, w->c[i].m.r.sub, w->c[i].day)];
    while (*p >= 0 && *p != i)
        p = &w->c[*p].next;
    if (*p == i) {
        *p = w->c[i].next;
        w->nindexed--;
    }
}

/* Coordinates as the store gives them back: six decimals. A merge later
 * in the batch then sees what an article-by-article ingest would. */
static double as_stored(double x)
{
    char t[40];
    snprintf(t, sizeof t, "%.6f", x);
    return strtod(t, NULL);
}

static int on_candidate(void *ctx, int ncols, const char *const *v)
{
    writing *w = ctx;
    if (ncols < 1 + EV_NCOLS + 5 || !v[0])
        return 1;
    /* no event comes twice: the windows of one type never overlap */
    cached *c = cache_push(w);
    if (!c)
        return 1;
    merged_row *m = &c->m;
    ev_row *r = &m->r;
    snprintf(r->merged, sizeof r->merged, "%s", v[0]);
    r->date = adup(w, v[1]);
    r->tp = v[2] ? atoi(v[2]) : 3;
    r->type = adup(w, v[3]);
    r->sub = adup(w, v[4]);
    r->cameo = adup(w, v[5]);
    r->quad = v[6] ? atoi(v[6]) : 0;
    r->a1 = adup(w, v[7]);
    r->a1c = adup(w, v[8]);
    r->a2 = adup(w, v[9]);
    r->a2c = adup(w, v[10]);
    r->loc = adup(w, v[11]);
    r->admin1 = adup(w, v[12]);
    r->cc = adup(w, v[13]);
    r->has_coords = v[14] && v[15];
    r->lat = v[14] ? strtod(v[14], NULL) : 0;
    r->lon = v[15] ? strtod(v[15], NULL) : 0;
    r->gp = v[16] ? atoi(v[16]) : 0;
    r->fat = v[17] ? atol(v[17]) : -1;
    const char *const *t = v + 1 + EV_NCOLS;
    m->n_sources = t[0] ? atoi(t[0]) : 0;
    r->mentions = t[1] ? atoi(t[1]) : 0;
    m->sources = (char *)adup(w, t[2]);
    m->notes = (char *)adup(w, t[4]);
    c->day = r->date ? day_number(r->date) : LONG_MIN;
    c->in_store = 1;
    index_add(w, (long)(c - w->c));
    return w->oom;
}

static size_t seen_slot(const writing *w, const char *x)
{
    size_t k = (size_t)sr_mix64(sr_hash64(x, strlen(x), SR_HASH_SEED)) & (w->capseen - 1);
    while (w->seen[k] && strcmp(w->seen[k], x))
        k = (k + 1) & (w->capseen - 1);
    return k;
}

static int is_seen(const writing *w, const char *x)
{
    return w->seen[seen_slot(w, x)] != NULL;
}

static int on_seen(void *ctx, int ncols, const char *const *v)
{
    writing *w = ctx;
    for (int i = 0; i < ncols && i < 2; i++) {
        if (!v[i])
            continue;
        /* never full: sized for every id and hash the slice may bring
         * (see write_staged) */
        if ((w->nseen + 1) * 2 > w->capseen)
            return w->oom = 1;
        size_t k = seen_slot(w, v[i]);
        if (w->seen[k])
            continue;
        w->seen[k] = adup(w, v[i]);
        w->nseen++;
    }
    return w->oom;
}

/* A window of days in which one type of event may find what it reports. */
typedef struct window {
    const char *type, *sub;
    long lo, hi;
} window;

static int cmp_window(const void *x, const void *y)
{
    const window *a = x, *b = y;
    int c = strcmp(a->type, b->type);
    if (!c)
        c = strcmp(a->sub, b->sub);
    if (!c)
        c = (a->lo > b->lo) - (a->lo < b->lo);
    return c;
}

/* Reads into the cache every stored merged event that an event of a
 * fresh article may report: one window of days per type, overlapping
 * windows joined, so a batch of one week's news is a few queries. */
static sr_status load_candidates(writing *w, size_t a0, size_t a1, sr_error *err)
{
    sr_store *s = w->s;
    const sr_batch *b = w->b;
    window *win = malloc((b->nev + 1) * sizeof *win);
    if (!win)
        return sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    size_t nw = 0;
    for (size_t i = a0; i < a1; i++) {
        if (!b->art[i].fresh)
            continue;
        for (size_t k = b->art[i].ev0; k < b->art[i].ev0 + b->art[i].nev; k++) {
            const ev_row *r = &b->ev[k].r;
            long d = r->date ? day_number(r->date) : LONG_MIN;
            if (d != LONG_MIN && r->loc)
                win[nw++] = (window){r->type, r->sub, d - 2, d + 2};
        }
    }
    qsort(win, nw, sizeof *win, cmp_window);
    size_t nj = 0;
    for (size_t i = 0; i < nw; i++) {
        if (nj && !strcmp(win[nj - 1].type, win[i].type) && !strcmp(win[nj - 1].sub, win[i].sub) &&
            win[i].lo <= win[nj - 1].hi + 1) {
            if (win[i].hi > win[nj - 1].hi)
                win[nj - 1].hi = win[i].hi;
        } else {
            win[nj++] = win[i];
        }
    }
    params p = {.a = w->a};
    for (size_t i = 0; i < nj; i++) {
        sr_date lo, hi;
        char los[11], his[11];
        sr_civil_from_days(win[i].lo, &lo);
        sr_civil_from_days(win[i].hi, &hi);
        sr_date_format(&lo, los);
        sr_date_format(&hi, his);
        put(&p, win[i].type);
        put(&p, win[i].sub);
        put(&p, adup(w, los));
        put(&p, adup(w, his));
    }
    free(win);
    sr_status st = p.oom || w->oom ? sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory")
                                   : exec_rows(s, K_CANDIDATES, p.v, nj, on_candidate, w, err);
    if (!st && w->oom)
        st = sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    free(p.v);
    return st;
}

/* The merged event the staged event r reports among the cached ones, or
 * -1; never one the same article reports already (the coder kept those
 * apart). Ties go to the smaller id, on either backend. */
static long best_candidate(const writing *w, const ev_row *r, const long *touched, size_t ntouched)
{
    long d = r->date ? day_number(r->date) : LONG_MIN;
    if (d == LONG_MIN || !r->loc || !w->nbucket)
        return -1;
    long best = -1;
    double bs = 1e300;
    for (long day = d - 2; day <= d + 2; day++)
        for (long i = w->bucket[bucket_of(w, r->type, r->sub, day)]; i >= 0; i = w->c[i].next) {
            const cached *c = &w->c[i];
            if (c->day != day || strcmp(c->m.r.sub, r->sub) || strcmp(c->m.r.type, r->type))
                continue;
            int mine = 0;
            for (size_t t = 0; t < ntouched && !mine; t++)
                mine = touched[t] == i;
            double sc;
            if (mine || !mergeable(r, &c->m.r, &sc))
                continue;
            if (sc < bs || (sc == bs && best >= 0 && strcmp(c->m.r.merged, w->c[best].m.r.merged) < 0)) {
                bs = sc;
                best = i;
            }
        }
    return best;
}

/* The merged event's values after folding in a report (g), with strings
 * of the staged event or the cache, both alive until the batch is
 * written. */
static void fold_into(writing *w, cached *c, const agg *g, const ev_row *r)
{
    merged_row n;
    memset(&n, 0, sizeof n);
    snprintf(n.r.merged, sizeof n.r.merged, "%s", c->m.r.merged);
    n.r.date = g->when->date;
    n.r.tp = g->when->tp;
    n.r.type = r->type;
    n.r.sub = r->sub;
    n.r.cameo = g->first->cameo;
    n.r.quad = g->first->quad;
    n.r.a1 = g->who1->a1;
    n.r.a1c = g->who1->a1c;
    n.r.a2 = g->who2->a2;
    n.r.a2c = g->who2->a2c;
    const ev_row *wh = g->where;
    n.r.loc = wh->loc;
    n.r.admin1 = wh->admin1;
    n.r.cc = wh->cc;
    n.r.has_coords = wh->loc && wh->has_coords;
    n.r.lat = n.r.has_coords ? as_stored(wh->lat) : 0;
    n.r.lon = n.r.has_coords ? as_stored(wh->lon) : 0;
    n.r.gp = wh->loc ? wh->gp : 0;
    n.r.fat = g->fat;
    n.r.mentions = g->mentions;
    n.n_sources = g->n_sources;
    n.sources = g->sources.len ? (char *)adup(w, sr_buf_cstr((sr_buf *)&g->sources)) : NULL;
    n.articles = (char *)adup(w, sr_buf_cstr((sr_buf *)&g->articles));
    n.notes = (char *)g->notes;
    c->m = n;
    c->day = n.r.date ? day_number(n.r.date) : LONG_MIN;
    c->changed = 1;
}

static void put_merged(params *p, const cached *c)
{
    const ev_row *r = &c->m.r;
    put(p, r->merged);
    put(p, r->date);
    put_i(p, r->tp);
    put(p, r->cameo);
    put_i(p, r->quad);
    put(p, r->a1);
    put(p, r->a1c);
    put(p, r->a2);
    put(p, r->a2c);
    put(p, r->loc);
    put(p, r->admin1);
    put(p, r->cc);
    if (r->has_coords) {
        put_d(p, r->lat);
        put_d(p, r->lon);
    } else {
        put(p, NULL);
        put(p, NULL);
    }
    if (r->loc)
        put_i(p, r->gp);
    else
        put(p, NULL);
    if (r->fat >= 0)
        put_i(p, r->fat);
    else
        put(p, NULL);
    put_i(p, c->m.n_sources);
    put_i(p, r->mentions);
    put(p, c->m.sources);
    put(p, c->m.articles);
    put(p, c->m.notes);
    put(p, r->type);
    put(p, r->sub);
}

/* Territorial control from a change of hands at a place named to the
 * town: taken by force, actor1 now holds the place and actor2 held it;
 * handed over or left, actor1 held it and actor2 (when reported) holds
 * it. Returns 0 when the merged event says nothing about control. */
static int put_control(params *p, const cached *c)
{
    const ev_row *r = &c->m.r;
    if (!r->loc || r->gp != 1 || !r->date)
        return 0;
    int nvt = !strcmp(r->sub, "Non-violent transfer of territory");
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(r->loc, strlen(r->loc), key);
    key[kn] = 0;
    const char *k = sr_arena_strdup(p->a, key);
    p->oom |= !k;
    put(p, r->merged);
    put(p, k);
    put(p, r->loc);
    put(p, r->admin1);
    put(p, r->cc);
    if (r->has_coords) {
        put_d(p, r->lat);
        put_d(p, r->lon);
    } else {
        put(p, NULL);
        put(p, NULL);
    }
    put(p, nvt ? r->a2 : r->a1);
    put(p, nvt ? r->a2c : r->a1c);
    put(p, nvt ? r->a1 : r->a2);
    put(p, nvt ? r->a1c : r->a2c);
    put(p, r->date);
    put(p, r->sub);
    put_i(p, c->m.n_sources);
    put(p, c->m.notes);
    return 1;
}

static void put_event(params *p, const st_article *a, const st_event *e)
{
    const ev_row *r = &e->r;
    put(p, r->id);
    put(p, a->id);
    put(p, e->merged);
    put_i(p, e->seq);
    put_i(p, e->sentence);
    put(p, r->date);
    put_i(p, r->tp);
    put(p, r->type);
    put(p, r->sub);
    put(p, r->cameo);
    put_i(p, r->quad);
    put(p, r->a1);
    put(p, r->a1c);
    put(p, r->a2);
    put(p, r->a2c);
    put(p, r->loc);
    put(p, r->admin1);
    put(p, r->cc);
    if (r->has_coords) {
        put_d(p, r->lat);
        put_d(p, r->lon);
    } else {
        put(p, NULL);
        put(p, NULL);
    }
    if (r->loc)
        put_i(p, r->gp);
    else
        put(p, NULL);
    if (r->fat >= 0)
        put_i(p, r->fat);
    else
        put(p, NULL);
    put_i(p, r->mentions);
    put(p, a->source);
    put(p, r->text);
}

static int on_long(void *ctx, int ncols, const char *const *v)
{
    *(long *)ctx = ncols > 0 && v[0] ? atol(v[0]) : 0;
    return 1;
}

/* Writes the staged articles a0..a1 (one attempt, inside the caller's
 * transaction): which are new, what each event reports, then every row
 * at once. The same outcome as adding the articles one by one. */
static sr_status write_staged(sr_store *s, sr_batch *b, size_t a0, size_t a1, sr_store_tally *t, sr_error *err)
{
    sr_arena arena;
    sr_arena_init(&arena, 64 * 1024);
    writing w = {.s = s, .b = b, .a = &arena};
    params p = {.a = &arena};
    long *touched = NULL;
    size_t ntouched = 0, captouched = 0;
    sr_status st = SR_OK;

    /* new articles: stored neither before nor earlier in the batch. The
     * store gives at most two rows an article (by id, by text), two
     * strings each, and each new article adds two: 6 strings an article,
     * the set twice that. */
    for (w.capseen = 64; w.capseen < 12 * (a1 - a0); w.capseen *= 2)
        ;
    w.seen = calloc(w.capseen, sizeof *w.seen);
    if (!w.seen)
        p.oom = 1;
    for (size_t i = a0; i < a1; i++)
        put(&p, b->art[i].id);
    for (size_t i = a0; i < a1; i++)
        put(&p, b->art[i].hash);
    st = p.oom ? SR_ERR_NOMEM : exec_rows(s, K_SEEN_ID, p.v, a1 - a0, on_seen, &w, err);
    if (!st)
        st = exec_rows(s, K_SEEN_TEXT, p.v + (a1 - a0), a1 - a0, on_seen, &w, err);
    for (size_t i = a0; !st && i < a1; i++) {
        st_article *a = &b->art[i];
        a->fresh = !is_seen(&w, a->id) && !is_seen(&w, a->hash);
        if (a->fresh)
            on_seen(&w, 2, (const char *const[]){a->id, a->hash});
    }
    if (!st)
        st = load_candidates(&w, a0, a1, err);
    if (!st)
        st = sr_db_exec(s->db, "SELECT COALESCE(MAX(seq), 0) FROM events", 0, NULL, on_long, &w.seq, err);

    /* what each event reports, article after article */
    for (size_t i = a0; !st && !w.oom && i < a1; i++) {
        st_article *a = &b->art[i];
        if (!a->fresh)
            continue;
        ntouched = 0;
        for (size_t k = a->ev0; k < a->ev0 + a->nev && !w.oom; k++) {
            st_event *e = &b->ev[k];
            long bi = best_candidate(&w, &e->r, touched, ntouched);
            agg g;
            agg_fold(&g, bi >= 0 ? &w.c[bi].m : NULL, &e->r, a->id, a->source && *a->source ? a->source : NULL);
            cached *c = bi >= 0 ? &w.c[bi] : cache_push(&w);
            if (c) {
                if (bi < 0) {
                    snprintf(c->m.r.merged, sizeof c->m.r.merged, "m%s", e->r.id);
                    c->day = LONG_MIN; /* not in the index yet */
                }
                bi = c - w.c;
                index_del(&w, bi);
                fold_into(&w, c, &g, &e->r);
                index_add(&w, bi);
                memcpy(e->merged, c->m.r.merged, sizeof e->merged);
                e->seq = ++w.seq;
            }
            agg_free(&g);
            if (ntouched == captouched) {
                size_t nc = captouched ? captouched * 2 : 16;
                long *nv = realloc(touched, nc * sizeof *nv);
                if (!nv) {
                    w.oom = 1;
                    break;
                }
                touched = nv;
                captouched = nc;
            }
            touched[ntouched++] = bi;
        }
    }
    if (!st && w.oom)
        st = sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");

    /* the rows: articles, merged events, control, events (in the order
     * their references need) */
    char now[32];
    time_t tnow = time(NULL);
    struct tm tmv;
    gmtime_r(&tnow, &tmv);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    size_t rows = 0;
    params_clear(&p);
    for (size_t i = a0; !st && i < a1; i++) {
        const st_article *a = &b->art[i];
        if (!a->fresh)
            continue;
        put(&p, a->id);
        put(&p, a->hash);
        put(&p, a->date);
        put(&p, a->source);
        put(&p, a->url);
        put(&p, a->title);
        put_i(&p, (long)a->nev);
        put(&p, now);
        rows++;
    }
    if (!st)
        st = p.oom ? SR_ERR_NOMEM : exec_rows(s, K_ARTICLE, p.v, rows, NULL, NULL, err);
    for (int in_store = 0; !st && in_store < 2; in_store++) {
        params_clear(&p);
        rows = 0;
        for (size_t i = 0; i < w.n; i++)
            if (w.c[i].changed && w.c[i].in_store == in_store) {
                put_merged(&p, &w.c[i]);
                rows++;
            }
        st = p.oom ? SR_ERR_NOMEM : exec_rows(s, in_store ? K_MERGED_MORE : K_MERGED_NEW, p.v, rows, NULL, NULL, err);
    }
    params_clear(&p);
    rows = 0;
    for (size_t i = 0; !st && i < w.n; i++)
        if (w.c[i].changed && w.c[i].in_store && is_territory(w.c[i].m.r.sub)) {
            put(&p, w.c[i].m.r.merged);
            rows++;
        }
    if (!st)
        st = p.oom ? SR_ERR_NOMEM : exec_rows(s, K_CONTROL_DROP, p.v, rows, NULL, NULL, err);
    params_clear(&p);
    rows = 0;
    for (size_t i = 0; !st && i < w.n; i++)
        if (w.c[i].changed && is_territory(w.c[i].m.r.sub))
            rows += (size_t)put_control(&p, &w.c[i]);
    if (!st)
        st = p.oom ? SR_ERR_NOMEM : exec_rows(s, K_CONTROL, p.v, rows, NULL, NULL, err);
    params_clear(&p);
    rows = 0;
    for (size_t i = a0; !st && i < a1; i++) {
        const st_article *a = &b->art[i];
        for (size_t k = a->ev0; a->fresh && k < a->ev0 + a->nev; k++) {
            put_event(&p, a, &b->ev[k]);
            rows++;
        }
    }
    if (!st)
        st = p.oom ? SR_ERR_NOMEM : exec_rows(s, K_EVENT, p.v, rows, NULL, NULL, err);
    if (st == SR_ERR_NOMEM && !err->msg[0])
        sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    if (!st && t)
        for (size_t i = a0; i < a1; i++) {
            if (b->art[i].fresh) {
                t->added++;
                t->events += b->art[i].nev;
            } else {
                t->same++;
            }
        }
    free(p.v);
    free(w.c);
    free(w.bucket);
    free(w.seen);
    free(touched);
    sr_arena_free(&arena);
    return st;
}

/* Writes articles a0..a1 of the batch inside a savepoint: all of them if
 * it can; when they fail as a whole, each alone, so that one bad article
 * costs only itself. The first failure is kept in t and *first. */
static void write_slice(sr_store *s, sr_batch *b, size_t a0, size_t a1, sr_store_tally *t, sr_error *first)
{
    sr_error err;
    sr_error_clear(&err);
    sr_store_tally got = {0};
    sr_status st = exec0(s, "SAVEPOINT slice", &err);
    if (!st) {
        st = write_staged(s, b, a0, a1, &got, &err);
        if (!st)
            st = exec0(s, "RELEASE SAVEPOINT slice", &err);
        if (st) {
            sr_error ignored;
            exec0(s, "ROLLBACK TO SAVEPOINT slice", &ignored);
            exec0(s, "RELEASE SAVEPOINT slice", &ignored);
        }
    }
    if (!st) {
        t->added += got.added, t->same += got.same, t->events += got.events;
        return;
    }
    if (a1 - a0 == 1) {
        if (t->failed < 0) {
            t->failed = (long)a0;
            *first = err;
        }
        return;
    }
    for (size_t i = a0; i < a1; i++)
        write_slice(s, b, i, i + 1, t, first);
}

sr_status sr_store_write(sr_store *s, sr_batch *b, sr_store_tally *tally, sr_error *err)
{
    sr_error_clear(err);
    sr_store_tally t = {.failed = -1};
    sr_error first;
    sr_error_clear(&first);
    sr_status st = b->nart ? exec0(s, "BEGIN", err) : SR_OK;
    if (!st && b->nart) {
        for (size_t a0 = 0; a0 < b->nart; a0 += SLICE)
            write_slice(s, b, a0, a0 + SLICE < b->nart ? a0 + SLICE : b->nart, &t, &first);
        /* what was written is whole: committed even when an article failed */
        st = exec0(s, "COMMIT", err);
        if (st) {
            sr_error ignored;
            exec0(s, "ROLLBACK", &ignored);
            t.added = t.same = t.events = 0;
        } else if (t.failed >= 0) {
            *err = first;
            st = err->status ? err->status : SR_ERR_IO;
        }
    }
    if (tally)
        *tally = t;
    return st;
}

sr_batch *sr_batch_new(void)
{
    sr_batch *b = calloc(1, sizeof *b);
    if (b)
        sr_arena_init(&b->arena, 256 * 1024);
    return b;
}

size_t sr_batch_count(const sr_batch *b)
{
    return b->nart;
}

void sr_batch_clear(sr_batch *b)
{
    b->nart = b->nev = 0;
    sr_arena_reset(&b->arena);
}

void sr_batch_free(sr_batch *b)
{
    if (!b)
        return;
    free(b->art);
    free(b->ev);
    sr_arena_free(&b->arena);
    free(b);
}

static const char *keep_str(sr_arena *a, const char *s, int *oom)
{
    if (!s)
        return NULL;
    const char *x = sr_arena_strdup(a, s);
    *oom |= !x;
    return x;
}

/* Copies what the store keeps of an article and its asserted events. */
sr_status sr_batch_add(sr_batch *b, const sr_article *a, const sr_result *r, sr_error *err)
{
    if (b->nart == b->capart) {
        size_t nc = b->capart ? b->capart * 2 : 256;
        st_article *nv = realloc(b->art, nc * sizeof *nv);
        if (!nv)
            return sr_fail(err, SR_ERR_NOMEM, "batch", 0, "out of memory");
        b->art = nv;
        b->capart = nc;
    }
    size_t nev = 0;
    for (size_t i = 0; i < sr_result_count(r); i++)
        nev += sr_event_modality(sr_result_event(r, i)) == SR_ASSERTED;
    if (b->nev + nev > b->capev) {
        size_t nc = b->capev ? b->capev : 1024;
        while (nc < b->nev + nev)
            nc *= 2;
        st_event *nv = realloc(b->ev, nc * sizeof *nv);
        if (!nv)
            return sr_fail(err, SR_ERR_NOMEM, "batch", 0, "out of memory");
        b->ev = nv;
        b->capev = nc;
    }
    sr_arena *ar = &b->arena;
    int oom = 0;
#define KEEP(x) keep_str(ar, (x), &oom)
    st_article *sa = &b->art[b->nart];
    memset(sa, 0, sizeof *sa);
    text_hash(a->text, a->text_len ? a->text_len : strlen(a->text), sa->hash);
    sa->id = KEEP(a->id);
    sr_date ad;
    if (a->date && !sr_date_parse_iso(a->date, &ad)) {
        char dbuf[11];
        sr_date_format(&ad, dbuf);
        sa->date = KEEP(dbuf);
    }
    sa->source = KEEP(a->source);
    sa->url = KEEP(a->url);
    sa->title = KEEP(a->title);
    sa->ev0 = b->nev;
    sa->nev = nev;
    for (size_t i = 0; i < sr_result_count(r); i++) {
        const sr_event *e = sr_result_event(r, i);
        if (sr_event_modality(e) != SR_ASSERTED)
            continue;
        st_event *se = &b->ev[b->nev++];
        memset(se, 0, sizeof *se);
        ev_row *x = &se->r;
        sr_actor_ref a1, a2;
        sr_location_ref loc;
        int h1 = sr_event_actor1(e, &a1), h2 = sr_event_actor2(e, &a2), hl = sr_event_location(e, &loc);
        snprintf(x->id, sizeof x->id, "%s", sr_event_id(e));
        x->date = KEEP(sr_event_date(e));
        x->tp = sr_event_time_precision(e);
        x->type = KEEP(sr_event_type(e));
        x->sub = KEEP(sr_event_sub_type(e));
        x->cameo = KEEP(sr_event_cameo(e));
        x->quad = sr_event_quad_class(e);
        x->a1 = h1 ? KEEP(a1.name) : NULL;
        x->a1c = h1 ? KEEP(a1.code) : NULL;
        x->a2 = h2 ? KEEP(a2.name) : NULL;
        x->a2c = h2 ? KEEP(a2.code) : NULL;
        x->loc = hl ? KEEP(loc.name) : NULL;
        x->admin1 = hl ? KEEP(loc.admin1) : NULL;
        x->cc = hl ? KEEP(loc.country) : NULL;
        x->has_coords = hl && loc.has_coords;
        x->lat = loc.lat;
        x->lon = loc.lon;
        x->gp = hl ? loc.geo_precision : 0;
        x->fat = sr_event_fatalities(e);
        x->mentions = sr_event_mentions(e);
        x->text = KEEP(sr_event_text(e));
        se->sentence = sr_event_sentence(e);
    }
#undef KEEP
    if (oom || !sa->id) {
        b->nev = sa->ev0;
        return sr_fail(err, SR_ERR_NOMEM, "batch", 0, "out of memory");
    }
    b->nart++;
    return SR_OK;
}

sr_status sr_store_add(sr_store *s, const sr_article *a, const sr_result *r, int *added, size_t *events, sr_error *err)
{
    sr_error_clear(err);
    *added = 0;
    *events = 0;
    if (!s->one && !(s->one = sr_batch_new()))
        return sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    sr_batch_clear(s->one);
    sr_store_tally t;
    sr_status st = sr_batch_add(s->one, a, r, err);
    if (!st)
        st = sr_store_write(s, s->one, &t, err);
    sr_batch_clear(s->one);
    if (!st) {
        *added = t.added > 0;
        *events = t.events;
    }
    return st;
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
