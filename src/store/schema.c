/* Opening a store: which backend a --db string names, the schema (made
 * once, safely when several writers start together), read-only opening
 * for the commands that only read, and the store's counts. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "store.h"

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
    " mentions INTEGER NOT NULL, sources TEXT, articles TEXT, notes TEXT, changed_at BIGINT)",
    /* pages in the query's order, read off the index; it serves every
     * range of dates too (an index on the date alone, kept until
     * 2026-12, cost every ingest a fifth of its merged-table writes) */
    "CREATE INDEX IF NOT EXISTS merged_date_id ON merged (date, id)",
    "CREATE INDEX IF NOT EXISTS merged_changed ON merged (changed_at)",
    "CREATE TABLE IF NOT EXISTS events ("
    " id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles (id),"
    " merged_id TEXT NOT NULL REFERENCES merged (id), seq BIGINT NOT NULL, sentence INTEGER, date TEXT,"
    " time_precision INTEGER, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, cameo TEXT,"
    " quad_class INTEGER, actor1 TEXT, actor1_code TEXT, actor2 TEXT, actor2_code TEXT, location TEXT,"
    " admin1 TEXT, country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, geo_precision INTEGER,"
    " fatalities INTEGER, mentions INTEGER NOT NULL, source TEXT, text TEXT, mkey TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS events_merged ON events (merged_id)",
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    "CREATE INDEX IF NOT EXISTS events_key_date ON events (mkey, date)",
    "CREATE TABLE IF NOT EXISTS control ("
    " merged_id TEXT PRIMARY KEY REFERENCES merged (id), name_key TEXT NOT NULL, place TEXT NOT NULL,"
    " admin1 TEXT, country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, holder TEXT, holder_code TEXT,"
    " previous TEXT, previous_code TEXT, since TEXT NOT NULL, sub_event_type TEXT NOT NULL,"
    " n_sources INTEGER NOT NULL, notes TEXT)",
    "CREATE INDEX IF NOT EXISTS control_place ON control (name_key, country, since)",
    /* a merge key's version: bumped by each batch that writes events of
     * it, so a writer knows whether the events it keeps in memory are
     * still all there is */
    "CREATE TABLE IF NOT EXISTS merge_keys (k TEXT PRIMARY KEY, version BIGINT NOT NULL)",
};

/* A lock every writer takes to make the schema: two first ingests into an
 * empty PostgreSQL database would otherwise race on CREATE TABLE. */
#define SCHEMA_LOCK 0x5173726570ll

sr_status sr_store_exec0(sr_store *s, const char *sql, sr_error *err)
{
    return sr_db_exec(s->db, sql, 0, NULL, NULL, NULL, err);
}

static int first_value(void *ctx, int ncols, const char *const *v)
{
    char *out = ctx;
    snprintf(out, 256, "%s", ncols > 0 && v[0] ? v[0] : "");
    return 1;
}

/* 1 when the store has its tables, 0 when not, -1 on error. */
static int has_schema(sr_store *s, sr_error *err)
{
    char got[256] = "";
    const char *q = !strcmp(s->db->ops->name, "sqlite")
                        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sitrep_meta'"
                        : "SELECT CAST(to_regclass('sitrep_meta') AS TEXT)";
    if (sr_db_exec(s->db, q, 0, NULL, first_value, got, err))
        return -1;
    return got[0] != 0;
}

static sr_status check_version(sr_store *s, sr_error *err)
{
    char version[256] = "";
    const char *key[] = {"schema_version"};
    sr_status st = sr_db_exec(s->db, "SELECT value FROM sitrep_meta WHERE key = $1", 1, key, first_value, version, err);
    if (st)
        return st;
    if (!strcmp(version, SR_SCHEMA_VERSION))
        return SR_OK;
    if (!version[0])
        return sr_fail(err, SR_ERR_STORE, s->db->where, 0, "not a sitrep store (no schema version)");
    return sr_fail(err, SR_ERR_STORE, s->db->where, 0,
                   "the store has schema version %s and this sitrep reads version %s: %s", version, SR_SCHEMA_VERSION,
                   strcmp(version, SR_SCHEMA_VERSION) < 0
                       ? "it was written by an older sitrep; ingest its articles into a new store"
                       : "it was written by a newer sitrep");
}

static sr_status make_schema(sr_store *s, sr_error *err)
{
    sr_status st = s->db->ops->begin_write(s->db, err);
    int64_t lock = SCHEMA_LOCK;
    if (!st)
        st = s->db->ops->lock(s->db, &lock, 1, err);
    int have = st ? -1 : has_schema(s, err);
    if (have < 0 && !st)
        st = err->status ? err->status : SR_ERR_STORE;
    for (size_t i = 0; !st && !have && i < sizeof schema / sizeof *schema; i++)
        st = sr_store_exec0(s, schema[i], err);
    if (!st && !have) {
        const char *p[] = {"schema_version", SR_SCHEMA_VERSION};
        st = sr_db_exec(s->db, "INSERT INTO sitrep_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", 2,
                        p, NULL, NULL, err);
    }
    if (!st)
        return sr_store_exec0(s, "COMMIT", err);
    sr_error ignored;
    sr_store_exec0(s, "ROLLBACK", &ignored);
    return st;
}

/* Which backend a --db string names. A string that looks like a URL
 * ("word:") must name a known scheme: a mistyped "postgresql:me:pw@host"
 * must not become a SQLite file named after the password. */
static sr_status parse_url(const char *url, int *pg, const char **path, char *fixed, size_t cap, sr_error *err)
{
    if (!url || !*url)
        return sr_fail(err, SR_ERR_INVALID, "", 0, "no store given (an empty --db)");
    size_t n = 0;
    if (isalpha((unsigned char)url[0]))
        while (isalnum((unsigned char)url[n]) || url[n] == '+' || url[n] == '-' || url[n] == '.')
            n++;
    *pg = 0;
    *path = url;
    if (n < 2 || url[n] != ':')
        return SR_OK; /* a path ("C:" style names are not ours) */
    char scheme[32];
    snprintf(scheme, sizeof scheme, "%.*s", (int)(n < 31 ? n : 31), url);
    for (char *c = scheme; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    if (!strcmp(scheme, "postgresql") || !strcmp(scheme, "postgres")) {
        if (strncmp(url + n, "://", 3))
            return sr_fail(err, SR_ERR_INVALID, "", 0,
                           "'%s:' must be followed by // (postgresql://USER@HOST/DB); nothing was opened", scheme);
        /* libpq knows the scheme in lower case only */
        if (strlen(url) + 1 > cap)
            return sr_fail(err, SR_ERR_INVALID, "", 0, "the store URL is too long");
        snprintf(fixed, cap, "%s%s", scheme, url + n);
        *path = fixed;
        *pg = 1;
        return SR_OK;
    }
    if (!strcmp(scheme, "sqlite")) {
        *path = url + n + 1;
        if (!**path)
            return sr_fail(err, SR_ERR_INVALID, "", 0, "sqlite: needs a file path (sqlite:PATH)");
        return SR_OK;
    }
    return sr_fail(err, SR_ERR_INVALID, "", 0,
                   "unknown kind of store '%s:' (give a file path, sqlite:PATH or postgresql://USER@HOST/DB; "
                   "write ./%s... for a file whose name has a colon)",
                   scheme, scheme);
}

static sr_status open_store(const char *url, int readonly, sr_store **out, sr_error *err)
{
    sr_error_clear(err);
    *out = NULL;
    int pg = 0;
    const char *path = url;
    char fixed[4096];
    sr_status st = parse_url(url, &pg, &path, fixed, sizeof fixed, err);
    if (st)
        return st;
    sr_store *s = calloc(1, sizeof *s);
    if (!s)
        return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
    s->readonly = readonly;
    st = pg ? sr_db_open_pg(path, readonly, &s->db, err) : sr_db_open_sqlite(path, readonly, &s->db, err);
    if (st) {
        free(s);
        return st;
    }
    int have = has_schema(s, err);
    if (have < 0)
        st = err->status ? err->status : SR_ERR_STORE;
    else if (!have && readonly)
        st = sr_fail(err, SR_ERR_STORE, s->db->where, 0, "no store here (no sitrep tables in it)");
    else if (!have)
        st = make_schema(s, err);
    if (!st)
        st = check_version(s, err);
    if (st) {
        sr_store_close(s);
        return st;
    }
    *out = s;
    return SR_OK;
}

sr_status sr_store_open(const char *url, sr_store **out, sr_error *err)
{
    return open_store(url, 0, out, err);
}

sr_status sr_store_open_readonly(const char *url, sr_store **out, sr_error *err)
{
    return open_store(url, 1, out, err);
}

void sr_store_close(sr_store *s)
{
    if (!s)
        return;
    if (s->db)
        s->db->ops->close(s->db);
    sr_rows_free(s);
    sr_store_cache_drop(s);
    free(s->cache);
    sr_batch_free(s->one);
    free(s);
}

const char *sr_store_backend(const sr_store *s)
{
    return s->db->ops->name;
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
    static const char *const q[] = {"SELECT COUNT(*) FROM articles", "SELECT COUNT(*) FROM events",
                                    "SELECT COUNT(*) FROM merged WHERE n_sources > 0", "SELECT COUNT(*) FROM control"};
    long *dst[] = {&out->articles, &out->events, &out->merged, &out->control};
    for (int i = 0; i < 4; i++) {
        sr_status st = sr_db_exec(s->db, q[i], 0, NULL, on_count, dst[i], err);
        if (st)
            return st;
    }
    return SR_OK;
}
