/* SQLite backend of the event store: the embedded default. WAL journal:
 * a transaction is all there or not at all after kill -9, and readers do
 * not block the writer. synchronous=NORMAL: a power cut may lose the last
 * transactions, never leave half of one. One writer at a time: a second
 * waits for the lock (busy timeout) batch by batch. */
#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../util/error.h"
#include "db.h"

/* How long a writer waits for another writer's batch: a batch is written
 * in a second or two; a minute means the other writer is stuck or holds
 * the store on purpose. SITREP_BUSY_TIMEOUT (seconds) says otherwise. */
#define BUSY_WAIT_S 60

/* Prepared statements, cached by the address of their SQL text: the
 * store's statements are string constants, used over and over. */
#define STMT_CACHE 128

typedef struct sqlite_db {
    sr_db base;
    sqlite3 *h;
    struct {
        const char *sql;
        sqlite3_stmt *st;
        int np;   /* parameters mapped in idx */
        int *idx; /* $i+1 -> SQLite's index (0: unused) */
        int running; /* stepping: a row callback may run another statement */
    } cache[STMT_CACHE];
    int ncache, evict;
    int busy_s;
} sqlite_db;

/* Whose failure it is (see db.h). */
static sr_status kind_of(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
        return SR_ERR_REFUSED;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return SR_ERR_BUSY;
    default:
        return SR_ERR_STORE;
    }
}

static sr_status fail(sqlite_db *d, sr_error *err, int rc, const char *what)
{
    sr_status k = kind_of(rc);
    if (k == SR_ERR_BUSY)
        return sr_fail(err, k, d->base.where, 0,
                       "another process held the store for over %d s (another ingest writing to it?)", d->busy_s);
    if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        return sr_fail(err, k, d->base.where, 0, "the store is damaged or not a SQLite database: %s",
                       sqlite3_errmsg(d->h));
    if (k == SR_ERR_REFUSED)
        return sr_fail(err, k, d->base.where, 0, "%s", sqlite3_errmsg(d->h));
    return sr_fail(err, k, d->base.where, 0, "%s: %s", what, sqlite3_errmsg(d->h));
}

/* The cached statement for sql, with its parameter map filled for np
 * parameters; slot gets its cache index. */
static sqlite3_stmt *prepare(sqlite_db *d, const char *sql, int np, int *slot_out)
{
    /* the same address may hold other text later (a query built on the
     * heap): the statement's own text decides */
    int slot = -1;
    for (int i = 0; i < d->ncache; i++)
        if (d->cache[i].sql == sql && !strcmp(sqlite3_sql(d->cache[i].st), sql)) {
            slot = i;
            break;
        }
    if (slot < 0) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) != SQLITE_OK)
            return NULL;
        /* a statement still running (a query run from another's row
         * callback) is never the one evicted */
        do
            slot = d->ncache < STMT_CACHE ? d->ncache++ : (d->evict++ % STMT_CACHE);
        while (d->cache[slot].running);
        if (d->cache[slot].st)
            sqlite3_finalize(d->cache[slot].st);
        free(d->cache[slot].idx);
        d->cache[slot].sql = sql;
        d->cache[slot].st = st;
        d->cache[slot].np = 0;
        d->cache[slot].idx = NULL;
    }
    if (d->cache[slot].np < np) {
        int *nv = realloc(d->cache[slot].idx, (size_t)np * sizeof *nv);
        if (!nv)
            return NULL;
        d->cache[slot].idx = nv;
    }
    /* by name: "$2" may come before "$1" in the text */
    while (d->cache[slot].np < np) {
        char name[16];
        int i = d->cache[slot].np++;
        snprintf(name, sizeof name, "$%d", i + 1);
        d->cache[slot].idx[i] = sqlite3_bind_parameter_index(d->cache[slot].st, name);
    }
    *slot_out = slot;
    return d->cache[slot].st;
}

static sr_status sqlite_exec(sr_db *db, const char *sql, int np, const char *const *p, sr_row_fn fn, void *ctx,
                             sr_error *err)
{
    sqlite_db *d = (sqlite_db *)db;
    int slot;
    sqlite3_stmt *st = prepare(d, sql, np, &slot);
    if (!st)
        return fail(d, err, sqlite3_errcode(d->h), "preparing a statement");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    for (int i = 0; i < np; i++) {
        int idx = d->cache[slot].idx[i];
        if (!idx)
            continue;
        int rc = p[i] ? sqlite3_bind_text(st, idx, p[i], -1, SQLITE_STATIC) : sqlite3_bind_null(st, idx);
        if (rc != SQLITE_OK)
            return fail(d, err, rc, "binding a parameter");
    }
    int ncol = sqlite3_column_count(st);
    const char *vals[64];
    if (ncol > 64)
        ncol = 64;
    d->cache[slot].running = 1;
    for (;;) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW) {
            sr_status s = fail(d, err, sqlite3_extended_errcode(d->h), "running a statement");
            sqlite3_reset(st);
            d->cache[slot].running = 0;
            return s;
        }
        if (!fn)
            continue;
        for (int i = 0; i < ncol; i++)
            vals[i] = (const char *)sqlite3_column_text(st, i);
        if (fn(ctx, ncol, vals)) {
            /* the rest of a statement that writes must still run */
            if (!sqlite3_stmt_readonly(st))
                while ((rc = sqlite3_step(st)) == SQLITE_ROW)
                    ;
            break;
        }
    }
    sqlite3_reset(st);
    d->cache[slot].running = 0;
    return SR_OK;
}

static sr_status sqlite_begin_write(sr_db *db, sr_error *err)
{
    return sqlite_exec(db, "BEGIN IMMEDIATE", 0, NULL, NULL, NULL, err);
}

static sr_status sqlite_lock(sr_db *db, const int64_t *keys, size_t n, sr_error *err)
{
    (void)db, (void)keys, (void)n, (void)err;
    return SR_OK;
}

/* Waits on a busy store in steps of a millisecond (SQLite's own handler
 * sleeps up to 100 ms at a time and loses every race for the lock to a
 * writer that commits and begins again at once). */
static int busy_wait(void *ctx, int count)
{
    const sqlite_db *d = ctx;
    if (count >= d->busy_s * 1000)
        return 0;
    struct timespec ts = {0, 1000000L};
    nanosleep(&ts, NULL);
    return 1;
}

static void sqlite_after_write(sr_db *db)
{
    (void)db;
    /* two milliseconds: a writer waiting in busy_wait takes the lock */
    struct timespec ts = {0, 2000000L};
    nanosleep(&ts, NULL);
}

static void sqlite_close(sr_db *db)
{
    sqlite_db *d = (sqlite_db *)db;
    for (int i = 0; i < STMT_CACHE; i++) {
        if (d->cache[i].st)
            sqlite3_finalize(d->cache[i].st);
        free(d->cache[i].idx);
    }
    sqlite3_close(d->h);
    free(d);
}

static const sr_db_ops sqlite_ops = {"sqlite", sqlite_exec, sqlite_begin_write, sqlite_lock, sqlite_after_write,
                                     sqlite_close};

/* "file:PATH?immutable=1", PATH percent-encoded where a URI needs it */
static char *immutable_uri(const char *path)
{
    size_t n = strlen(path);
    char *u = malloc(3 * n + 32);
    if (!u)
        return NULL;
    char *o = u + sprintf(u, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        o += (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p > 0x7e) ? sprintf(o, "%%%02X", *p)
                                                                              : sprintf(o, "%c", *p);
    strcpy(o, "?immutable=1");
    return u;
}

static sr_status open_read(sqlite_db *d, const char *path, sr_error *err)
{
    struct stat stt;
    if (stat(path, &stt) != 0)
        return sr_fail(err, SR_ERR_STORE, path, 0, "no store at this path (%s)", strerror(errno));
    if (!S_ISREG(stt.st_mode))
        return sr_fail(err, SR_ERR_STORE, path, 0, "no store at this path (not a file)");
    int rc = sqlite3_open_v2(path, &d->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(d->h, "SELECT COUNT(*) FROM sqlite_master", NULL, NULL, NULL);
    if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_NOTADB && (rc & 0xff) != SQLITE_CORRUPT) {
        /* a WAL store on a read-only mount: its -shm file cannot be made,
         * but nothing can change the file under us either */
        sqlite3_close(d->h);
        d->h = NULL;
        char *uri = immutable_uri(path);
        rc = uri ? sqlite3_open_v2(uri, &d->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL)
                 : SQLITE_NOMEM;
        free(uri);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(d->h, "SELECT COUNT(*) FROM sqlite_master", NULL, NULL, NULL);
    }
    if (rc != SQLITE_OK)
        return fail(d, err, rc, "cannot open the store");
    return SR_OK;
}

sr_status sr_db_open_sqlite(const char *path, int readonly, sr_db **out, sr_error *err)
{
    *out = NULL;
    sqlite_db *d = calloc(1, sizeof *d);
    if (!d)
        return sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
    d->base.ops = &sqlite_ops;
    snprintf(d->base.where, sizeof d->base.where, "%s", path);
    sr_status st = SR_OK;
    if (readonly) {
        st = open_read(d, path, err);
    } else if (sqlite3_open_v2(path, &d->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                               NULL) != SQLITE_OK) {
        st = sr_fail(err, SR_ERR_STORE, path, 0, "cannot open the store: %s",
                     d->h ? sqlite3_errmsg(d->h) : "out of memory");
    }
    if (!st) {
        const char *bt = getenv("SITREP_BUSY_TIMEOUT");
        d->busy_s = bt && atoi(bt) > 0 ? atoi(bt) : BUSY_WAIT_S;
        sqlite3_busy_handler(d->h, busy_wait, d);
        char *msg = NULL;
        /* pages an ingest rewrites batch after batch are copied back to
         * the database file less often: a checkpoint rewrites every page
         * the log holds, so one every 50,000 pages (a log of 200 MB at
         * most) rather than every 10,000 took half the time of commits
         * into a store of 40,000 articles (make bench, "store scaling") */
        const char *pragmas = readonly ? "PRAGMA foreign_keys=ON;"
                                       : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                                         " PRAGMA wal_autocheckpoint=50000; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;";
        /* two writers opening a new file at once both turn it to WAL; one
         * is told "busy" at once, without a wait: it tries again */
        int rc;
        for (int tries = 0;; tries++) {
            rc = sqlite3_exec(d->h, pragmas, NULL, NULL, &msg);
            if ((rc & 0xff) != SQLITE_BUSY || tries >= d->busy_s * 1000)
                break;
            sqlite3_free(msg);
            msg = NULL;
            struct timespec ts = {0, 1000000L};
            nanosleep(&ts, NULL);
        }
        if (rc != SQLITE_OK)
            st = (rc & 0xff) == SQLITE_BUSY ? fail(d, err, rc, "")
                                            : sr_fail(err, SR_ERR_STORE, path, 0, "not a SQLite store (or a damaged one): %s",
                                                      msg ? msg : sqlite3_errmsg(d->h));
        sqlite3_free(msg);
    }
    if (st) {
        sqlite3_close(d->h);
        free(d);
        return st;
    }
    *out = &d->base;
    return SR_OK;
}
