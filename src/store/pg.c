/* PostgreSQL backend of the event store (libpq), for teams sharing one
 * store. Parameters go as text and take their types from the columns they
 * meet. Ingest sessions set synchronous_commit off: a server crash may
 * lose the last commits, never half of one, and ingest does not wait for
 * a disk flush per article.
 *
 * A server that accepts a connection and then never answers must not hang
 * a command: connecting gives up after connect_timeout (10 s unless the
 * URL says otherwise), and every statement is sent asynchronously and
 * waited for at most SITREP_STATEMENT_TIMEOUT seconds (default 600), then
 * cancelled. */
#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    int timeout_s;
} pg_db;

/* The server's message without its trailing newline. */
static const char *pg_msg(const char *m, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s", m && *m ? m : "no answer from the server");
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        buf[--n] = 0;
    return buf;
}

/* Whose failure it is, by SQLSTATE (see db.h). */
static sr_status kind_of(const PGresult *r, PGconn *c)
{
    if (PQstatus(c) != CONNECTION_OK)
        return SR_ERR_STORE;
    const char *s = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    if (!s)
        return SR_ERR_STORE;
    if (!strcmp(s, "40001") || !strcmp(s, "40P01"))
        return SR_ERR_CONFLICT;
    /* 22 data exception, 23 integrity constraint, 54 a value over a limit
     * (an index row too large), P0 raised by a trigger */
    if (!strncmp(s, "22", 2) || !strncmp(s, "23", 2) || !strncmp(s, "54", 2) || !strncmp(s, "P0", 2))
        return SR_ERR_REFUSED;
    return SR_ERR_STORE;
}

static sr_status pg_fail(pg_db *d, PGresult *r, sr_error *err)
{
    char buf[512];
    sr_status k = kind_of(r, d->c);
    /* the primary message alone: one line, as FILE:LINE messages are */
    const char *primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *m = pg_msg(primary ? primary : r ? PQresultErrorMessage(r) : PQerrorMessage(d->c), buf, sizeof buf);
    if (PQstatus(d->c) != CONNECTION_OK)
        return sr_fail(err, k, d->base.where, 0, "lost the connection to the store: %s", m);
    return sr_fail(err, k, d->base.where, 0, "%s", m);
}

/* Waits for the statement sent last and returns its final result (the
 * caller clears it), or NULL after a timeout or a lost connection. */
static PGresult *wait_result(pg_db *d, int *timed_out)
{
    time_t until = time(NULL) + d->timeout_s;
    *timed_out = 0;
    PGresult *last = NULL, *r;
    for (;;) {
        while (!PQisBusy(d->c)) {
            r = PQgetResult(d->c);
            if (!r)
                return last;
            if (last)
                PQclear(last);
            last = r;
        }
        long left = (long)(until - time(NULL));
        if (left <= 0) {
            *timed_out = 1;
            PGcancel *cn = PQgetCancel(d->c);
            char eb[256];
            if (cn) {
                PQcancel(cn, eb, sizeof eb);
                PQfreeCancel(cn);
            }
            /* drain what the cancelled statement still sends, briefly */
            struct pollfd pf = {PQsocket(d->c), POLLIN, 0};
            for (int i = 0; i < 20 && PQisBusy(d->c); i++) {
                if (poll(&pf, 1, 100) > 0 && !PQconsumeInput(d->c))
                    break;
            }
            while (!PQisBusy(d->c) && (r = PQgetResult(d->c)))
                PQclear(r);
            if (last)
                PQclear(last);
            return NULL;
        }
        struct pollfd pf = {PQsocket(d->c), POLLIN, 0};
        int pr = poll(&pf, 1, (int)(left > 1 ? 1000 : left * 1000));
        if (pr < 0 && errno != EINTR)
            break;
        if (pr > 0 && !PQconsumeInput(d->c))
            break;
    }
    if (last)
        PQclear(last);
    return NULL;
}

static int prepared_slot(pg_db *d, const char *sql, int np, sr_error *err, sr_status *st)
{
    for (int i = 0; i < d->nprep; i++)
        if (d->prep[i].sql == sql && !strcmp(d->prep[i].text, sql))
            return i;
    if (strncmp(sql, "INSERT", 6))
        return -1;
    int slot = d->nprep < PREPARED ? d->nprep++ : (d->evict++ % PREPARED);
    if (d->prep[slot].text) {
        char dealloc[48];
        snprintf(dealloc, sizeof dealloc, "DEALLOCATE %s", d->prep[slot].name);
        PQclear(PQexec(d->c, dealloc));
        free(d->prep[slot].text);
    }
    d->prep[slot].sql = sql;
    d->prep[slot].text = strdup(sql);
    snprintf(d->prep[slot].name, sizeof d->prep[slot].name, "sr%d", ++d->serial);
    PGresult *r = d->prep[slot].text ? PQprepare(d->c, d->prep[slot].name, sql, np, NULL) : NULL;
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
        *st = r ? pg_fail(d, r, err) : sr_fail(err, SR_ERR_NOMEM, d->base.where, 0, "out of memory");
        PQclear(r);
        free(d->prep[slot].text);
        d->prep[slot].text = NULL;
        d->prep[slot].sql = NULL;
        return -2;
    }
    PQclear(r);
    return slot;
}

static sr_status pg_exec(sr_db *db, const char *sql, int np, const char *const *p, sr_row_fn fn, void *ctx,
                         sr_error *err)
{
    pg_db *d = (pg_db *)db;
    sr_status pst = SR_OK;
    int slot = prepared_slot(d, sql, np, err, &pst);
    if (slot == -2)
        return pst;
    int sent = slot >= 0 ? PQsendQueryPrepared(d->c, d->prep[slot].name, np, p, NULL, NULL, 0)
                         : PQsendQueryParams(d->c, sql, np, NULL, p, NULL, NULL, 0);
    if (!sent)
        return pg_fail(d, NULL, err);
    int timed_out;
    PGresult *r = wait_result(d, &timed_out);
    if (!r) {
        if (timed_out)
            return sr_fail(err, SR_ERR_STORE, d->base.where, 0,
                           "the server did not answer within %d s (SITREP_STATEMENT_TIMEOUT)", d->timeout_s);
        return pg_fail(d, NULL, err);
    }
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        sr_status s = pg_fail(d, r, err);
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

static sr_status pg_begin_write(sr_db *db, sr_error *err)
{
    return pg_exec(db, "BEGIN", 0, NULL, NULL, NULL, err);
}

static sr_status pg_lock(sr_db *db, const int64_t *keys, size_t n, sr_error *err)
{
    for (size_t i = 0; i < n; i++) {
        char k[32];
        snprintf(k, sizeof k, "%lld", (long long)keys[i]);
        const char *p[] = {k};
        sr_status st = pg_exec(db, "SELECT pg_advisory_xact_lock(CAST($1 AS BIGINT))", 1, p, NULL, NULL, err);
        if (st)
            return st;
    }
    return SR_OK;
}

static void pg_after_write(sr_db *db)
{
    (void)db;
}

static void pg_close(sr_db *db)
{
    pg_db *d = (pg_db *)db;
    PQfinish(d->c);
    for (int i = 0; i < PREPARED; i++)
        free(d->prep[i].text);
    free(d);
}

static const sr_db_ops pg_ops = {"postgresql", pg_exec, pg_begin_write, pg_lock, pg_after_write, pg_close};

void sr_url_redact(const char *url, char *out, size_t cap)
{
    const char *scheme = strstr(url, "://");
    const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
    const char *colon = at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;
    if (colon)
        snprintf(out, cap, "%.*s:***%s", (int)(colon - url), url, at);
    else
        snprintf(out, cap, "%s", url);
    /* key=value form, and a password given as a URL parameter */
    for (char *p = out; (p = strstr(p, "password=")); p += 9)
        for (char *q = p + 9; *q && *q != ' ' && *q != '&'; q++)
            *q = '*';
}

sr_status sr_db_open_pg(const char *url, int readonly, sr_db **out, sr_error *err)
{
    *out = NULL;
    pg_db *d = calloc(1, sizeof *d);
    if (!d)
        return sr_fail(err, SR_ERR_NOMEM, "postgresql", 0, "out of memory");
    d->base.ops = &pg_ops;
    const char *ts = getenv("SITREP_STATEMENT_TIMEOUT");
    d->timeout_s = ts && atoi(ts) > 0 ? atoi(ts) : 600;
    sr_url_redact(url, d->base.where, sizeof d->base.where);
    /* defaults first: what the URL says wins (libpq keeps the last value
     * of a key word, and dbname expands into the URL's) */
    const char *keys[] = {"connect_timeout", "keepalives_idle", "keepalives_interval", "keepalives_count",
                          "application_name", "dbname", NULL};
    const char *vals[] = {"10", "30", "10", "3", "sitrep", url, NULL};
    d->c = PQconnectdbParams(keys, vals, 1);
    if (!d->c || PQstatus(d->c) != CONNECTION_OK) {
        char buf[512];
        sr_status s = sr_fail(err, SR_ERR_STORE, d->base.where, 0, "cannot connect: %s",
                              pg_msg(d->c ? PQerrorMessage(d->c) : "out of memory", buf, sizeof buf));
        PQfinish(d->c);
        free(d);
        return s;
    }
    char set[200];
    snprintf(set, sizeof set, "SET client_min_messages = warning; SET statement_timeout = %d;%s",
             d->timeout_s * 1000, readonly ? " SET default_transaction_read_only = on;" : " SET synchronous_commit = off;");
    PGresult *r = PQexec(d->c, set);
    PQclear(r);
    *out = &d->base;
    return SR_OK;
}
