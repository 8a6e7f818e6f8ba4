/* sitrep ingest / query / control / stats: the event store from the
 * command line. Thin: options in, library calls, messages and exit status
 * out. */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "pipeline.h"
#include "sitrep.h"

static const char *prog = "sitrep";

#define default_db cli_default_db
#define print_err cli_print_err

/* Options every store command takes. Returns 1 when argv[*i] was one
 * (consuming its value), 0 when not, -1 on a usage error. */
static int db_option(int argc, char **argv, int *i, const char *cmd, const char **db)
{
    const char *a = argv[*i];
    if (!strcmp(a, "--db")) {
        if (*i + 1 >= argc) {
            fprintf(stderr, "%s %s: --db needs a value (a file, or postgresql://...)\n", prog, cmd);
            return -1;
        }
        *db = argv[++*i];
        return 1;
    }
    if (!strncmp(a, "--db=", 5)) {
        *db = a + 5;
        return 1;
    }
    return 0;
}

#define NEEDVAL(cmd)                                                                                           \
    do {                                                                                                       \
        if (i + 1 >= argc) {                                                                                   \
            fprintf(stderr, "%s %s: option %s needs a value\n", prog, cmd, a);                                 \
            return EXIT_USAGE;                                                                                 \
        }                                                                                                      \
        val = argv[++i];                                                                                       \
    } while (0)

/* ---- ingest -------------------------------------------------------------- */

void usage_ingest(FILE *f)
{
    fprintf(f,
            "usage: sitrep ingest [OPTIONS] [FILE...]\n"
            "\n"
            "Codes articles (as 'sitrep code' reads them) and keeps each article with its\n"
            "asserted events in the store, in batches of 100 to 10000 articles (or one\n"
            "second), one transaction each: interrupted at any moment (even kill -9), the\n"
            "store holds whole articles only, and running the same command again finishes\n"
            "the job. An article already stored (the same id, or the same text up to case\n"
            "and spacing) is left as it is. Reports of one event from several articles\n"
            "are merged into one event listing its sources, the same whatever the order\n"
            "of the articles and however many ingests write to the store at once. An\n"
            "article the store refuses is named (FILE:LINE: article ID not stored:\n"
            "reason) and every other article is still stored. A store that fails as a\n"
            "whole (connection lost, disk full, another writer holding a SQLite store\n"
            "for over a minute) is named as such and ingest stops; running it again\n"
            "finishes the job.\n"
            "\n"
            "options:\n"
            "      --db URL        the store: a SQLite file (default: $SITREP_DB, else\n"
            "                      sitrep.db here), sqlite:PATH, or postgresql://USER@HOST/DB\n"
            "      --data DIR      dictionaries (as for 'sitrep code')\n"
            "      --dict DIR      extra dictionaries; may be repeated\n"
            "  -j, --jobs N        code with N threads while the store is written (default 1)\n"
            "      --progress      show progress on standard error (default on a terminal);\n"
            "                      --no-progress to hide it\n"
            "  -q, --quiet         do not print warnings\n"
            "  -h, --help          show this help\n"
            "\n"
            "Article ids of over 1024 bytes are refused (PostgreSQL cannot index them;\n"
            "the rule is the same on SQLite).\n"
            "\n"
            "environment:\n"
            "  SITREP_DB                 the store when --db is not given\n"
            "  SITREP_BUSY_TIMEOUT       seconds a SQLite writer waits for another (60)\n"
            "  SITREP_STATEMENT_TIMEOUT  seconds a PostgreSQL statement may take (600)\n"
            "\n"
            "exit status: 0 all input stored, 3 some input was rejected or refused\n"
            "(FILE:LINE: reason on standard error), 2 usage error, 1 the store or the\n"
            "dictionaries failed.\n");
}

/* Where each article of a batch came from: the store tells which
 * position failed only when the batch is written. */
typedef struct origin {
    const char *file;
    long line;
    char *id;
} origin;

/* A batch goes to the writer when the writer is idle and the batch holds
 * BATCH_MIN articles, when it holds BATCH_ARTICLES, or after a second: the
 * writer never waits for work it could have, and a slow database gets
 * larger batches (fewer transactions, fewer pages rewritten: a batch's
 * events land all over the indexes of a large store, so each transaction
 * rewrites most of their pages). A kill loses at most the batches being
 * filled and written; a re-run stores them. */
#define BATCH_MIN 100
#define BATCH_ARTICLES 10000

typedef struct ibatch {
    sr_batch *b;
    origin from[BATCH_ARTICLES];
    size_t n;
    double t0;
} ibatch;

static void ibatch_clear(ibatch *ib)
{
    for (size_t i = 0; i < ib->n; i++) {
        free(ib->from[i].id);
        ib->from[i].id = NULL;
    }
    ib->n = 0;
    if (ib->b)
        sr_batch_clear(ib->b);
}

/* The writer thread writes one batch while the main thread fills the
 * next: the database's work overlaps reading and coding. */
typedef struct iwriter {
    sr_store *st;
    ibatch *pending; /* handed over, not written yet */
    int quit, failed;
    size_t added, same, events, refused;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} iwriter;

static void *writer_main(void *arg)
{
    iwriter *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->pending && !w->quit)
            pthread_cond_wait(&w->cv, &w->mu);
        if (!w->pending)
            break;
        ibatch *ib = w->pending;
        pthread_mutex_unlock(&w->mu);
        sr_error err;
        sr_store_tally t;
        sr_status s = sr_store_write(w->st, ib->b, &t, &err);
        if (s) {
            /* the store itself failed: no article is to blame */
            print_err(&err);
        } else {
            for (size_t i = 0; i < ib->n && t.refused; i++) {
                sr_error why;
                if (!sr_batch_result(ib->b, i, &why))
                    continue;
                char idb[CLI_ID_BUF];
                const origin *o = &ib->from[i];
                fprintf(stderr, "%s:%ld: article %s not stored: %s\n", o->file, o->line,
                        cli_id(o->id, idb, sizeof idb), why.msg);
            }
        }
        ibatch_clear(ib);
        pthread_mutex_lock(&w->mu);
        w->added += t.added;
        w->same += t.same;
        w->events += t.events;
        w->refused += s ? 0 : t.refused;
        w->failed |= s != SR_OK;
        w->pending = NULL;
        pthread_cond_broadcast(&w->cv);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

static int writer_idle(iwriter *w)
{
    pthread_mutex_lock(&w->mu);
    int idle = !w->pending;
    pthread_mutex_unlock(&w->mu);
    return idle;
}

/* Hands *fill to the writer once it is free and gives back the batch it
 * wrote, empty. -1 when a write failed: ingest stops there. */
static int hand_over(iwriter *w, ibatch **fill, ibatch **spare)
{
    pthread_mutex_lock(&w->mu);
    while (w->pending)
        pthread_cond_wait(&w->cv, &w->mu);
    int failed = w->failed;
    if (!failed && (*fill)->n) {
        w->pending = *fill;
        ibatch *t = *fill;
        *fill = *spare;
        *spare = t;
        pthread_cond_broadcast(&w->cv);
    }
    pthread_mutex_unlock(&w->mu);
    return failed ? -1 : 0;
}

/* The run's state, seen by the pipeline's `done`. */
typedef struct icount {
    size_t seen, rejected;
    int quiet, show;
    double t0, last;
    iwriter *w;
    ibatch *fill, *spare;
    cli_pipe *pl;
} icount;

/* On the main thread, in input order: adds a coded article to the batch
 * being filled; 0, or -1 when the store failed. */
static int ingest_done(void *ctx, cli_slot *sl)
{
    icount *k = ctx;
    sr_error err;
    char idb[CLI_ID_BUF];
    if (sl->msglen)
        fputs(sl->msgs, stderr);
    if (!sl->has_article)
        return 0;
    if (sl->st != SR_OK) {
        fprintf(stderr, "%s:%ld: article %s not coded: %s\n", sl->file, sl->line, cli_id(sl->id, idb, sizeof idb),
                sl->err.msg);
        k->rejected++;
        return 0;
    }
    if (!k->quiet)
        for (size_t i = 0; i < sr_result_warning_count(sl->res); i++)
            fprintf(stderr, "%s:%ld: warning: article %s: %s\n", sl->file, sl->line, cli_id(sl->id, idb, sizeof idb),
                    sr_result_warning(sl->res, i));
    double t = cli_now();
    ibatch *ib = k->fill;
    if ((ib->n >= BATCH_ARTICLES || (ib->n && t - ib->t0 > 1.0) || (ib->n >= BATCH_MIN && writer_idle(k->w))) &&
        hand_over(k->w, &k->fill, &k->spare))
        return -1;
    ib = k->fill;
    if (!ib->n)
        ib->t0 = t;
    origin *o = &ib->from[ib->n];
    o->file = sl->file;
    o->line = sl->line;
    o->id = strdup(sl->id);
    if (!o->id || sr_batch_add(ib->b, &sl->a, sl->res, &err)) {
        free(o->id);
        o->id = NULL;
        fprintf(stderr, "%s:%ld: article %s not stored: out of memory\n", sl->file, sl->line,
                cli_id(sl->id, idb, sizeof idb));
        return -1;
    }
    ib->n++;
    if (k->show && t - k->last > 0.25) {
        k->last = t;
        pthread_mutex_lock(&k->w->mu);
        fprintf(stderr, "\r%zu articles (%zu new, %zu already stored), %zu events, %.0f articles/s   ", k->seen,
                k->w->added, k->w->same, k->w->events, k->seen / (t - k->t0 + 1e-9));
        pthread_mutex_unlock(&k->w->mu);
    }
    return 0;
}

/* What `sitrep ingest` was asked to do. */
typedef struct ingest_opts {
    const char *db;
    const char *files[4096];
    size_t nfiles;
    const char *extra[32];
    size_t nextra;
    int prog_flag, jobs, quiet;
    sr_options opts;
} ingest_opts;

/* 0 to run, 1 after --help, another value on a usage error (said). */
static int parse_ingest_args(int argc, char **argv, ingest_opts *o)
{
    memset(o, 0, sizeof *o);
    o->db = default_db();
    o->prog_flag = -1;
    o->jobs = 1;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        int r = only_files ? 0 : db_option(argc, argv, &i, "ingest", &o->db);
        if (r < 0)
            return -1;
        if (r)
            continue;
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            if (o->nfiles == sizeof o->files / sizeof *o->files) {
                fprintf(stderr, "%s ingest: too many files on the command line\n", prog);
                return -1;
            }
            o->files[o->nfiles++] = a;
        } else if (!strcmp(a, "--")) {
            only_files = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage_ingest(stdout);
            return 1;
        } else if (!strcmp(a, "--data")) {
            NEEDVAL("ingest");
            o->opts.data_dir = val;
        } else if (!strcmp(a, "--dict")) {
            NEEDVAL("ingest");
            if (o->nextra == sizeof o->extra / sizeof *o->extra) {
                fprintf(stderr, "%s ingest: too many --dict directories\n", prog);
                return -1;
            }
            o->extra[o->nextra++] = val;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            NEEDVAL("ingest");
            char *end;
            long v = strtol(val, &end, 10);
            if (*end || v < 1 || v > 64) {
                fprintf(stderr, "%s ingest: -j needs a number from 1 to 64, got '%s'\n", prog, val);
                return -1;
            }
            o->jobs = (int)v;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "--progress")) {
            o->prog_flag = 1;
        } else if (!strcmp(a, "--no-progress")) {
            o->prog_flag = 0;
        } else {
            fprintf(stderr, "%s ingest: unknown option '%s' (see 'sitrep help ingest')\n", prog, a);
            return -1;
        }
    }
    if (!o->nfiles)
        o->files[o->nfiles++] = "-";
    o->opts.extra_dirs = o->extra;
    o->opts.n_extra_dirs = o->nextra;
    return 0;
}

/* One article into the pipeline. -1 when ingest must stop. */
static int ingest_one(void *ctx, const sr_article *art, const char *file, long line, const char *warn)
{
    icount *k = ctx;
    k->seen++;
    cli_slot *sl = cli_pipe_slot(k->pl);
    if (!sl)
        return -1;
    if (warn && !k->quiet)
        cli_slot_msg(sl, "%s:%ld: warning: %s\n", file, line, warn);
    if (cli_slot_take(sl, art, file, line, (size_t)-1)) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return -1;
    }
    return cli_pipe_submit(k->pl, sl);
}

/* Waits for the writer to end and stops it. */
static void writer_stop(iwriter *w, pthread_t th)
{
    pthread_mutex_lock(&w->mu);
    w->quit = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(th, NULL);
}

int cmd_ingest(int argc, char **argv)
{
    static ingest_opts o; /* large (its file list): not on the stack */
    int pa = parse_ingest_args(argc, argv, &o);
    if (pa)
        return pa == 1 ? EXIT_OK : EXIT_USAGE;
    sr_error err;
    sr_engine *eng;
    if (sr_engine_open(&o.opts, &eng, &err)) {
        print_err(&err);
        return EXIT_FATAL;
    }
    sr_store *st;
    if (sr_store_open(o.db, &st, &err)) {
        print_err(&err);
        sr_engine_free(eng);
        return EXIT_FATAL;
    }
    icount k;
    memset(&k, 0, sizeof k);
    k.quiet = o.quiet;
    ibatch batches[2];
    memset(batches, 0, sizeof batches);
    iwriter w;
    memset(&w, 0, sizeof w);
    w.st = st;
    pthread_mutex_init(&w.mu, NULL);
    pthread_cond_init(&w.cv, NULL);
    k.w = &w;
    k.fill = &batches[0];
    k.spare = &batches[1];
    pthread_t writer;
    int writing = 0, status = EXIT_OK;
    /* coding overlaps reading and the database's work: threads even for -j 1 */
    cli_pipe *pl = cli_pipe_new(eng, o.jobs, 0, NULL, ingest_done, &k);
    k.pl = pl;
    for (int i = 0; i < 2; i++)
        if (!(batches[i].b = sr_batch_new()))
            status = EXIT_FATAL;
    if (pl && status == EXIT_OK)
        writing = pthread_create(&writer, NULL, writer_main, &w) == 0;
    if (!pl || !writing) {
        fprintf(stderr, "%s: out of memory, or no thread could start\n", prog);
        status = EXIT_FATAL;
    }
    k.show = o.prog_flag >= 0 ? o.prog_flag : isatty(2);
    k.t0 = cli_now();
    for (size_t fi = 0; fi < o.nfiles && status != EXIT_FATAL; fi++)
        if (cli_each_article(o.files[fi], &k.rejected, ingest_one, &k))
            status = EXIT_FATAL;
    /* the rest, in order, and the last batch written */
    if (status != EXIT_FATAL && (cli_pipe_drain(pl) || hand_over(&w, &k.fill, &k.spare)))
        status = EXIT_FATAL;
    if (writing) {
        pthread_mutex_lock(&w.mu);
        while (w.pending)
            pthread_cond_wait(&w.cv, &w.mu);
        if (w.failed)
            status = EXIT_FATAL;
        pthread_mutex_unlock(&w.mu);
    }
    if (k.show)
        fprintf(stderr, "\n");
    sr_store_counts c;
    if (status != EXIT_FATAL && !sr_store_count(st, &c, &err) && !k.quiet)
        fprintf(stderr,
                "%s: %zu articles read: %zu stored with %zu events, %zu already there, %zu rejected, "
                "%zu refused by the store; the store holds %ld articles, %ld events, %ld merged events\n",
                prog, k.seen, w.added, w.events, w.same, k.rejected, w.refused, c.articles, c.events, c.merged);
    if (status == EXIT_OK && (k.rejected || w.refused))
        status = EXIT_REJECTED;
    if (writing)
        writer_stop(&w, writer);
    for (int i = 0; i < 2; i++) {
        ibatch_clear(&batches[i]);
        sr_batch_free(batches[i].b);
        batches[i].b = NULL;
    }
    pthread_mutex_destroy(&w.mu);
    pthread_cond_destroy(&w.cv);
    cli_pipe_free(pl);
    sr_store_close(st);
    sr_engine_free(eng);
    return status;
}



/* ---- names people type: actors by any alias, countries by name ----------- */

/* What a query's names resolved to, owned until the query ends. */

static sr_engine *open_dicts(void)
{
    sr_engine *eng;
    sr_error err;
    if (sr_engine_open(NULL, &eng, &err)) {
        fprintf(stderr, "%s: warning: dictionaries not read (%s); names are matched as written\n", prog, err.msg);
        return NULL;
    }
    return eng;
}

/* "Syria", "syrian", "SYR" -> "SY"; NULL (and a message) when unknown. */
static const char *country_code(const char *c)
{
    static char code[3];
    sr_engine *eng = open_dicts();
    const char *cc = eng ? sr_engine_country_code(eng, c) : NULL;
    if (cc)
        snprintf(code, sizeof code, "%s", cc);
    sr_engine_free(eng);
    if (cc)
        return code;
    if (!eng && strlen(c) == 2)
        return c;
    fprintf(stderr, "%s: unknown country '%s' (a name, or an ISO 3166 code such as SY or SYR)\n", prog, c);
    return NULL;
}

/* ---- query --------------------------------------------------------------- */

void usage_query(FILE *f)
{
    fprintf(f,
            "usage: sitrep query [OPTIONS]\n"
            "\n"
            "Writes the merged events of the store that pass every filter given, by date.\n"
            "JSON Lines and GeoJSON name fields as ACLED's export does where they overlap\n"
            "('country' is the ISO 3166 alpha-2 code there); n_sources, mentions, articles\n"
            "and urls say how many reports were merged and which. The CSV formats and\n"
            "phoenix and plover are the same as 'sitrep code' writes (see the README's\n"
            "table of exported columns).\n"
            "\n"
            "options:\n"
            "      --db URL           the store (see 'sitrep help ingest')\n"
            "      --since DATE       on or after DATE (YYYY-MM-DD)\n"
            "      --until DATE       on or before DATE\n"
            "      --type TYPE        ACLED event type, e.g. 'Battles'\n"
            "      --sub-type TYPE    ACLED sub-event type, e.g. 'Air/drone strike'\n"
            "      --actor NAME       part of an actor's name (as written: %% and _ are\n"
            "                         plain characters), its code, or any alias the\n"
            "                         dictionaries know ('isis' finds the Islamic State)\n"
            "      --country C        a country's name or ISO 3166 code (Syria, SY, SYR)\n"
            "      --near LAT,LON,KM  within KM kilometres of a point\n"
            "      --bbox W,S,E,N     inside a box (degrees)\n"
            "      --changed-since T  only events written or changed at or after T (unix\n"
            "                         seconds, or a UTC time YYYY-MM-DD[THH:MM[:SS]]):\n"
            "                         each row's timestamp (acled-csv, csv) or\n"
            "                         changed_at (jsonl) is the next download's T\n"
            "      --limit N          at most N events\n"
            "  -f, --format FMT       jsonl (default), csv (ACLED's columns, then\n"
            "                         sitrep's), acled-csv (exactly ACLED's 31 columns),\n"
            "                         phoenix (26 tab-separated columns, no header),\n"
            "                         plover (JSON Lines) or geojson\n"
            "  -o, --output FILE      write to FILE instead of standard output\n"
            "  -h, --help             show this help\n");
}

/* Where query and control results go, and whether writing failed. */
typedef struct sink {
    FILE *f;
    sr_format fmt;
    size_t n;
    int werr;
    sr_export *x; /* query: the rows' format */
    char *buf;
    size_t len, cap;
} sink;

/* Writes what the exporter appended to the sink's buffer. */
static int sink_flush(sink *q, int rc)
{
    if (rc || (q->len && fwrite(q->buf, 1, q->len, q->f) != q->len))
        q->werr = 1;
    q->len = 0;
    return q->werr;
}

static int on_event(void *ctx, const sr_stored_event *e)
{
    sink *q = ctx;
    q->n++;
    return sink_flush(q, sr_export_stored(q->x, e, &q->buf, &q->len, &q->cap));
}


static FILE *open_out(const char *path)
{
    if (!path || !strcmp(path, "-"))
        return stdout;
    FILE *f = fopen(path, "w");
    if (!f)
        fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, strerror(errno));
    return f;
}

static int close_out(FILE *f, int werr)
{
    int bad = werr || fflush(f) || ferror(f);
    if (f != stdout && fclose(f))
        bad = 1;
    if (bad)
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
    return bad;
}

static const char *const query_filters[] = {"--since", "--until", "--type", "--sub-type", "--actor", "--country",
                                            "--near", "--bbox", "--changed-since", "--limit", NULL};

static int is_filter(const char *a)
{
    for (int k = 0; query_filters[k]; k++)
        if (!strcmp(a, query_filters[k]))
            return 1;
    return 0;
}

/* query's options; the filters are checked by sr_query_param, as the
 * HTTP API's are. 0 to run, 1 after --help, -1 on a usage error. */
static int parse_query_args(int argc, char **argv, const sr_engine *eng, sr_query *q, const char **db,
                            const char **outpath, sr_format *fmt)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        int r = db_option(argc, argv, &i, "query", db);
        if (r < 0)
            return -1;
        if (r)
            continue;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage_query(stdout);
            return 1;
        } else if (is_filter(a)) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s query: option %s needs a value\n", prog, a);
                return -1;
            }
            sr_error err;
            if (sr_query_param(q, eng, a, argv[++i], &err)) {
                fprintf(stderr, "%s query: %s\n", prog, err.msg);
                return -1;
            }
        } else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s query: option %s needs a value\n", prog, a);
                return -1;
            }
            val = argv[++i];
            if (sr_format_parse(val, fmt) || *fmt == SR_FORMAT_CAMEO_TSV || *fmt == SR_FORMAT_TEXT) {
                fprintf(stderr, "%s query: unknown format '%s' (jsonl, csv, acled-csv, phoenix, plover or geojson)\n",
                        prog, val);
                return -1;
            }
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s query: option %s needs a value\n", prog, a);
                return -1;
            }
            *outpath = argv[++i];
        } else {
            fprintf(stderr, "%s query: unknown option '%s' (see 'sitrep help query')\n", prog, a);
            return -1;
        }
    }
    return 0;
}

int cmd_query(int argc, char **argv)
{
    const char *db = default_db(), *outpath = NULL;
    sr_query q;
    memset(&q, 0, sizeof q);
    sr_format fmt = SR_FORMAT_JSONL;
    /* the dictionaries: names and aliases in filters, and the exports */
    sr_engine *eng = open_dicts();
    int pa = parse_query_args(argc, argv, eng, &q, &db, &outpath, &fmt);
    if (pa) {
        sr_engine_free(eng);
        return pa > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (!eng && fmt != SR_FORMAT_JSONL && fmt != SR_FORMAT_GEOJSON) {
        fprintf(stderr, "%s query: -f needs the dictionaries; jsonl and geojson do not\n", prog);
        return EXIT_FATAL;
    }
    sr_error err;
    sr_store *st;
    if (sr_store_open_readonly(db, &st, &err)) {
        print_err(&err);
        sr_engine_free(eng);
        return EXIT_FATAL;
    }
    FILE *f = open_out(outpath);
    if (!f) {
        sr_store_close(st);
        sr_engine_free(eng);
        return EXIT_FATAL;
    }
    sink o = {f, fmt, 0, 0, sr_export_new(eng, fmt, (long)time(NULL)), NULL, 0, 0};
    int status = EXIT_OK;
    q.urls = fmt != SR_FORMAT_JSONL && fmt != SR_FORMAT_GEOJSON;
    if (!o.x)
        o.werr = 1;
    else
        sink_flush(&o, sr_export_begin(o.x, &o.buf, &o.len, &o.cap));
    if (!o.werr && sr_store_query(st, &q, on_event, &o, &err)) {
        print_err(&err);
        status = EXIT_FATAL;
    }
    if (!o.werr)
        sink_flush(&o, sr_export_end(o.x, &o.buf, &o.len, &o.cap));
    if (close_out(f, o.werr))
        status = EXIT_FATAL;
    free(o.buf);
    sr_export_free(o.x);
    sr_engine_free(eng);
    sr_store_close(st);
    return status;
}

/* ---- control --------------------------------------------------------------- */

void usage_control(FILE *f)
{
    fprintf(f,
            "usage: sitrep control [--db URL] --at DATE [--country CC] [-f FMT]\n"
            "       sitrep control [--db URL] --place NAME [-f FMT]\n"
            "\n"
            "Territorial control from the stored events that say a place changed hands\n"
            "(Government regains territory, Non-state actor overtakes territory,\n"
            "Non-violent transfer of territory), at a place named to the town.\n"
            "\n"
            "  --at DATE     who held each place on DATE (its latest change on or before)\n"
            "  --place NAME  every change of hands of one place, oldest first; any\n"
            "                spelling (\"Deir ez-Zor\", \"Dayr az Zawr\")\n"
            "  --country C   only places in this country (a name or an ISO 3166 code)\n"
            "  -f FMT        text (default), jsonl or csv\n"
            "\n"
            "Each line gives the date of the change, the place, who holds it since then\n"
            "(taken by force: the side that took it; handed over or left: the side that\n"
            "entered, when reported), from whom, and the evidence: the merged event and\n"
            "how many articles report it.\n");
}

static int on_control(void *ctx, const sr_control *c)
{
    sink *o = ctx;
    if (sr_write_control(o->f, o->fmt, c, o->n++)) {
        o->werr = 1;
        return 1;
    }
    return 0;
}

int cmd_control(int argc, char **argv)
{
    const char *db = default_db(), *at = NULL, *place = NULL, *country = NULL;
    sr_format fmt = SR_FORMAT_TEXT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        int r = db_option(argc, argv, &i, "control", &db);
        if (r < 0)
            return EXIT_USAGE;
        if (r)
            continue;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage_control(stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "--at")) {
            NEEDVAL("control");
            if (!cli_valid_date(val)) {
                fprintf(stderr, "%s control: --at needs a date YYYY-MM-DD, got '%s'\n", prog, val);
                return EXIT_USAGE;
            }
            at = val;
        } else if (!strcmp(a, "--place")) {
            NEEDVAL("control");
            place = val;
        } else if (!strcmp(a, "--country")) {
            NEEDVAL("control");
            country = val;
        } else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
            NEEDVAL("control");
            if (sr_format_parse(val, &fmt) || (fmt != SR_FORMAT_JSONL && fmt != SR_FORMAT_CSV && fmt != SR_FORMAT_TEXT)) {
                fprintf(stderr, "%s control: unknown format '%s' (text, jsonl or csv)\n", prog, val);
                return EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "%s control: unknown option '%s' (see 'sitrep help control')\n", prog, a);
            return EXIT_USAGE;
        }
    }
    if (!at == !place) {
        fprintf(stderr, "%s control: give either --at DATE or --place NAME (see 'sitrep help control')\n", prog);
        return EXIT_USAGE;
    }
    sr_error err;
    sr_store *st;
    if (country && !(country = country_code(country)))
        return EXIT_USAGE;
    if (sr_store_open_readonly(db, &st, &err)) {
        print_err(&err);
        return EXIT_FATAL;
    }
    sink o = {stdout, fmt, 0, 0, NULL, NULL, 0, 0};
    sr_status s = at ? sr_store_control_at(st, at, country, on_control, &o, &err)
                     : sr_store_control_place(st, place, on_control, &o, &err);
    int status = EXIT_OK;
    if (s) {
        print_err(&err);
        status = EXIT_FATAL;
    } else if (!o.n && fmt == SR_FORMAT_TEXT) {
        fprintf(stderr, "%s: no change of hands recorded%s%s\n", prog, place ? " for " : "", place ? place : "");
    }
    if (close_out(stdout, o.werr))
        status = EXIT_FATAL;
    sr_store_close(st);
    return status;
}

/* ---- stats ------------------------------------------------------------------- */

void usage_stats(FILE *f)
{
    fprintf(f,
            "usage: sitrep stats [--db URL] [--by type|sub-type|actor|country|month] [--top N]\n"
            "\n"
            "Counts of what the store holds, then merged events counted by each key (or\n"
            "by the one given); --top N keeps the N largest counts of each (default 20;\n"
            "months are all listed).\n");
}

typedef struct sout {
    long top, n;
} sout;

static int on_count(void *ctx, const char *key, long count)
{
    sout *o = ctx;
    if (o->top > 0 && o->n >= o->top)
        return 1;
    o->n++;
    printf("  %8ld  %s\n", count, key);
    return 0;
}

int cmd_stats(int argc, char **argv)
{
    const char *db = default_db(), *by = NULL;
    long top = 20;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        int r = db_option(argc, argv, &i, "stats", &db);
        if (r < 0)
            return EXIT_USAGE;
        if (r)
            continue;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage_stats(stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "--by")) {
            NEEDVAL("stats");
            by = val;
        } else if (!strcmp(a, "--top")) {
            NEEDVAL("stats");
            char *end;
            top = strtol(val, &end, 10);
            if (*end || top <= 0) {
                fprintf(stderr, "%s stats: --top needs a positive number, got '%s'\n", prog, val);
                return EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "%s stats: unknown option '%s' (see 'sitrep help stats')\n", prog, a);
            return EXIT_USAGE;
        }
    }
    sr_error err;
    sr_store *st;
    if (sr_store_open_readonly(db, &st, &err)) {
        print_err(&err);
        return EXIT_FATAL;
    }
    int status = EXIT_OK;
    sr_store_counts c;
    if (sr_store_count(st, &c, &err)) {
        print_err(&err);
        sr_store_close(st);
        return EXIT_FATAL;
    }
    printf("store (%s): %ld articles, %ld events, %ld merged events, %ld changes of control\n",
           sr_store_backend(st), c.articles, c.events, c.merged, c.control);
    static const char *const keys[] = {"type", "sub-type", "actor", "country", "month"};
    for (size_t k = 0; k < sizeof keys / sizeof *keys && status == EXIT_OK; k++) {
        if (by && strcmp(by, keys[k]))
            continue;
        printf("\nmerged events by %s:\n", keys[k]);
        sout o = {strcmp(keys[k], "month") ? top : 0, 0};
        if (sr_store_stats(st, keys[k], on_count, &o, &err)) {
            print_err(&err);
            status = EXIT_FATAL;
        }
    }
    if (by && status == EXIT_OK && sr_store_stats(st, by, on_count, &(sout){1, 1}, &err)) {
        print_err(&err); /* an unknown key */
        status = EXIT_USAGE;
    }
    if (close_out(stdout, 0))
        status = EXIT_FATAL;
    sr_store_close(st);
    return status;
}
