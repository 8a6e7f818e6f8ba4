/* The storage interface under the event store: one SQL dialect both
 * backends understand (parameters written $1, $2 ...; ON CONFLICT; no
 * auto-increment), executed through two functions. Everything above it
 * (src/store/store.c) is one code path for SQLite and PostgreSQL. */
#ifndef SR_STORE_DB_H
#define SR_STORE_DB_H
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
    void (*close)(sr_db *db);
} sr_db_ops;

struct sr_db {
    const sr_db_ops *ops;
    char where[256]; /* for messages: the file or the server */
};

sr_status sr_db_open_sqlite(const char *path, sr_db **out, sr_error *err);
sr_status sr_db_open_pg(const char *conninfo, sr_db **out, sr_error *err);

static inline sr_status sr_db_exec(sr_db *db, const char *sql, int np, const char *const *p, sr_row_fn fn, void *ctx,
                                   sr_error *err)
{
    return db->ops->exec(db, sql, np, p, fn, ctx, err);
}

#endif
