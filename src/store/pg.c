/* PostgreSQL backend of the event store (libpq), for teams sharing one
 * store. Parameters go as text and take their types from the columns they
 * meet. Ingest sessions set synchronous_commit off: a server crash may
 * lose the last commits, never half of one, and ingest does not wait for
 * a disk flush per article. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "db.h"

/* INSERTs are prepared once per connection, found by the address of
 * their SQL text and checked by content (a query built on the heap may
 * reuse an address): planning each anew cost half the time of an ingest,
 * and their plan does not depend on the tables' size. Statements that
 * read tables are planned for each execution with its values (unnamed):
 * a plan made once while the tables were empty would scan them whole
 * once they are large. */
#define PREPARED 128

typedef struct pg_db {
    sr_db base;
    PGconn *c;
    struct {
        const char *sql;
        char *text;
        char name[16];
    } prep[PREPARED];
    int nprep, evict, serial;
} pg_db;

/* The server's message without its trailing newline. */
static const char *pg_msg(const char *m, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s", m ? m : "?");
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        buf[--n] = 0;
    return buf;
}

static sr_status pg_exec(sr_db *db, const char *sql, int np, const char *const *p, sr_row_fn fn, void *ctx,
                         sr_error *err)
{
    pg_db *d = (pg_db *)db;
    int slot = -1;
    for (int i = 0; i < d->nprep; i++)
        if (d->prep[i].sql == sql && !strcmp(d->prep[i].text, sql)) {
            slot = i;
            break;
        }
    PGresult *r;
    if (slot < 0 && !strncmp(sql, "INSERT", 6)) {
        slot = d->nprep < PREPARED ? d->nprep++ : (d->evict++ % PREPARED);
        if (d->prep[slot].text) {
            char dealloc[48];
            snprintf(dealloc, sizeof dealloc, "DEALLOCATE %s", d->prep[slot].name);
            PQclear(PQexec(d->c, dealloc));
            free(d->prep[slot].text);
        }
        d->prep[slot].sql = sql;
        d->prep[slot].text = strdup(sql);
        snprintf(d->prep[slot].name, sizeof d->prep[slot].name, "sr%d", ++d->serial);
        r = d->prep[slot].text ? PQprepare(d->c, d->prep[slot].name, sql, np, NULL) : NULL;
        if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
            char buf[512];
            sr_status s = sr_fail(err, SR_ERR_IO, d->base.where, 0, "%s",
                                  pg_msg(r ? PQresultErrorMessage(r) : "out of memory", buf, sizeof buf));
            PQclear(r);
            free(d->prep[slot].text);
            d->prep[slot].text = NULL;
            d->prep[slot].sql = NULL;
            return s;
        }
        PQclear(r);
    }
    if (slot >= 0)
        r = PQexecPrepared(d->c, d->prep[slot].name, np, p, NULL, NULL, 0);
    else
        r = PQexecParams(d->c, sql, np, NULL, p, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        char buf[512];
        sr_status s = sr_fail(err, SR_ERR_IO, d->base.where, 0, "%s",
                              pg_msg(r ? PQresultErrorMessage(r) : PQerrorMessage(d->c), buf, sizeof buf));
        PQclear(r);
        return s;
    }
    if (fn && st == PGRES_TUPLES_OK) {
        int rows = PQntuples(r), ncol = PQnfields(r);
        const char *vals[64];
        if (ncol > 64)
            ncol = 64;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < ncol; k++)
                vals[k] = PQgetisnull(r, i, k) ? NULL : PQgetvalue(r, i, k);
            if (fn(ctx, ncol, vals))
                break;
        }
    }
    PQclear(r);
    return SR_OK;
}

static void pg_close(sr_db *db)
{
    pg_db *d = (pg_db *)db;
    PQfinish(d->c);
    for (int i = 0; i < PREPARED; i++)
        free(d->prep[i].text);
    free(d);
}

static const sr_db_ops pg_ops = {"postgresql", pg_exec, pg_close};

sr_status sr_db_open_pg(const char *conninfo, sr_db **out, sr_error *err)
{
    *out = NULL;
    pg_db *d = calloc(1, sizeof *d);
    if (!d)
        return sr_fail(err, SR_ERR_NOMEM, "postgresql", 0, "out of memory");
    d->base.ops = &pg_ops;
    /* messages name the server, never the password */
    d->c = PQconnectdb(conninfo);
    if (d->c)
        snprintf(d->base.where, sizeof d->base.where, "postgresql://%s:%s/%s", PQhost(d->c) ? PQhost(d->c) : "",
                 PQport(d->c) ? PQport(d->c) : "", PQdb(d->c) ? PQdb(d->c) : "");
    if (!d->c || PQstatus(d->c) != CONNECTION_OK) {
        char buf[512];
        sr_status s = sr_fail(err, SR_ERR_IO, d->base.where[0] ? d->base.where : "postgresql", 0,
                              "cannot connect: %s",
                              pg_msg(d->c ? PQerrorMessage(d->c) : "out of memory", buf, sizeof buf));
        PQfinish(d->c);
        free(d);
        return s;
    }
    PGresult *r = PQexec(d->c, "SET synchronous_commit = off; SET client_min_messages = warning;");
    PQclear(r);
    *out = &d->base;
    return SR_OK;
}
