/* The storage interface under the event store: one SQL dialect both
 * backends understand (parameters written $1, $2 ...; ON CONFLICT;
 * RETURNING; no auto-increment), executed through a few functions.
 * Everything above it (src/store/) is one code path for SQLite and
 * PostgreSQL.
 *
 * Failures are sorted by whose they are, because ingest must tell an
 * article the database refused (named, skipped, the rest goes on) from a
 * store that cannot go on (named as such, never blamed on an article):
 *   SR_ERR_REFUSED   the statement's data: a constraint, a value out of range
 *   SR_ERR_BUSY      another writer held the store past the wait
 *   SR_ERR_CONFLICT  deadlock or serialization failure: the transaction
 *                    is lost and may simply be run again
 *   SR_ERR_STORE     anything else: connection, disk, corruption */
#ifndef SR_STORE_DB_H
#define SR_STORE_DB_H
#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"

typedef struct sr_db sr_db;

/* Called once a result row; vals[i] is NULL for SQL NULL. Return nonzero
 * to stop early. */
typedef int (*sr_row_fn)(void *ctx, int ncols, const char *const *vals);

typedef struct sr_db_ops {
    const char *name; /* "sqlite" or "postgresql" */
    /* Runs one statement with text parameters (NULL = SQL NULL); rows go
     * to fn when it is not NULL. */
    sr_status (*exec)(sr_db *db, const char *sql, int nparams, const char *const *params, sr_row_fn fn, void *ctx,
                      sr_error *err);
    /* Starts a transaction that will write: SQLite takes the write lock
     * at once (BEGIN IMMEDIATE: a transaction that read first could not
     * wait for the lock later), PostgreSQL a plain BEGIN. */
    sr_status (*begin_write)(sr_db *db, sr_error *err);
    /* Exclusive locks on 64-bit keys until the transaction ends, taken in
     * the order given (callers sort them: no deadlock between writers).
     * SQLite has one writer at a time already: nothing to do. */
    sr_status (*lock)(sr_db *db, const int64_t *keys, size_t n, sr_error *err);
    /* After a write transaction ends: SQLite gives a waiting writer its
     * turn (its busy wait polls; a writer going straight on to its next
     * batch would starve it). */
    void (*after_write)(sr_db *db);
    void (*close)(sr_db *db);
} sr_db_ops;

struct sr_db {
    const sr_db_ops *ops;
    char where[256]; /* for messages: the file or the server, no password */
};

/* readonly: open an existing store for reading only; never create one. */
sr_status sr_db_open_sqlite(const char *path, int readonly, sr_db **out, sr_error *err);
sr_status sr_db_open_pg(const char *url, int readonly, sr_db **out, sr_error *err);

static inline sr_status sr_db_exec(sr_db *db, const char *sql, int np, const char *const *p, sr_row_fn fn, void *ctx,
                                   sr_error *err)
{
    return db->ops->exec(db, sql, np, p, fn, ctx, err);
}

/* url without its password ("postgresql://me:***@host/db"), for messages */
void sr_url_redact(const char *url, char *out, size_t cap);

#endif
