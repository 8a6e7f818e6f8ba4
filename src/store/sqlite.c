/* SQLite backend of the event store: the embedded default. WAL journal:
 * a transaction is all there or not at all after kill -9, and readers do
 * not block the writer. synchronous=NORMAL: a power cut may lose the last
 * transactions, never leave half of one. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "db.h"

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
    } cache[STMT_CACHE];
    int ncache, evict;
} sqlite_db;

static sr_status fail(sqlite_db *d, sr_error *err, const char *what)
{
    return sr_fail(err, SR_ERR_IO, d->base.where, 0, "%s: %s", what, sqlite3_errmsg(d->h));
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
        slot = d->ncache < STMT_CACHE ? d->ncache++ : (d->evict++ % STMT_CACHE);
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
        return fail(d, err, "preparing a statement");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    for (int i = 0; i < np; i++) {
        int idx = d->cache[slot].idx[i];
        if (!idx)
            continue;
        int rc = p[i] ? sqlite3_bind_text(st, idx, p[i], -1, SQLITE_STATIC) : sqlite3_bind_null(st, idx);
        if (rc != SQLITE_OK)
            return fail(d, err, "binding a parameter");
    }
    int ncol = sqlite3_column_count(st);
    const char *vals[64];
    if (ncol > 64)
        ncol = 64;
    for (;;) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW) {
            sr_status s = fail(d, err, "running a statement");
            sqlite3_reset(st);
            return s;
        }
        if (!fn)
            continue;
        for (int i = 0; i < ncol; i++)
            vals[i] = (const char *)sqlite3_column_text(st, i);
        if (fn(ctx, ncol, vals))
            break;
    }
    sqlite3_reset(st);
    return SR_OK;
}

static void sqlite_close(sr_db *db)
{
    sqlite_db *d = (sqlite_db *)db;
    for (int i = 0; i < STMT_CACHE; i++)
    {
        if (d->cache[i].st)
            sqlite3_finalize(d->cache[i].st);
        free(d->cache[i].idx);
    }
    sqlite3_close(d->h);
    free(d);
}

static const sr_db_ops sqlite_ops = {"sqlite", sqlite_exec, sqlite_close};

sr_status sr_db_open_sqlite(const char *path, sr_db **out, sr_error *err)
{
    *out = NULL;
    sqlite_db *d = calloc(1, sizeof *d);
    if (!d)
        return sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
    d->base.ops = &sqlite_ops;
    snprintf(d->base.where, sizeof d->base.where, "%s", path);
    if (sqlite3_open_v2(path, &d->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        sr_status s = sr_fail(err, SR_ERR_IO, path, 0, "cannot open the database: %s",
                              d->h ? sqlite3_errmsg(d->h) : "out of memory");
        sqlite3_close(d->h);
        free(d);
        return s;
    }
    sqlite3_busy_timeout(d->h, 10000);
    char *msg = NULL;
    if (sqlite3_exec(d->h, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                     /* pages an ingest rewrites batch after batch are copied
                      * back to the database file less often */
                     " PRAGMA wal_autocheckpoint=10000;", NULL,
                     NULL, &msg) != SQLITE_OK) {
        sr_status s = sr_fail(err, SR_ERR_IO, path, 0, "not a usable SQLite database: %s", msg ? msg : "?");
        sqlite3_free(msg);
        sqlite3_close(d->h);
        free(d);
        return s;
    }
    *out = &d->base;
    return SR_OK;
}
