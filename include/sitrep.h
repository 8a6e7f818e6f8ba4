/*
 * sitrep.h - the public interface of libsitrep, an event-data coder for
 * conflict news.
 *
 * The life of a program using it:
 *
 *     sr_engine *eng;                      // dictionaries: load once, share
 *     sr_error err;
 *     if (sr_engine_open(&opts, &eng, &err) != SR_OK) ... err.file, err.line, err.msg
 *     sr_coder *c = sr_coder_new(eng);     // one per thread
 *     sr_result *res;
 *     sr_code(c, &article, &res, &err);    // res belongs to c until the next call
 *     for (size_t i = 0; i < sr_result_count(res); i++) {
 *         const sr_event *ev = sr_result_event(res, i);
 *         ... sr_event_type(ev), sr_event_location(ev) ...
 *     }
 *     sr_coder_free(c);
 *     sr_engine_free(eng);
 *
 * Ownership: whoever calls an sr_X_new or sr_X_open function frees with the
 * matching sr_X_free. Pointers returned by accessors stay valid until the object they
 * came from is freed or, for results, until the next sr_code() call on the
 * same coder. An engine is immutable after sr_engine_open() returns, so any
 * number of coders in any number of threads may share it.
 */
#ifndef SITREP_H
#define SITREP_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SITREP_VERSION "0.1.0"

/* ---- errors ---------------------------------------------------------- */

typedef enum sr_status {
    SR_OK = 0,
    SR_ERR_NOMEM,   /* out of memory */
    SR_ERR_IO,      /* a file could not be read or written */
    SR_ERR_PARSE,   /* malformed input: the error says where */
    SR_ERR_INVALID, /* a wrong argument */
    SR_ERR_LIMIT,   /* input beyond a configured limit (and not truncatable) */
    SR_ERR_REFUSED, /* the store refused this article (a constraint, a value it cannot take) */
    SR_ERR_STORE,   /* the store itself failed: connection lost, corrupt, full, missing */
    SR_ERR_BUSY,    /* another writer held the store longer than the wait allows */
    SR_ERR_CONFLICT, /* a conflict with a concurrent writer (retried by the store itself) */
    SR_ERR_QUEUE     /* the work queue (NATS JetStream) failed or cannot be reached */
} sr_status;

/* Filled by any function that can fail. `file` and `line` locate the
 * offending input when there is one (line 0 when not applicable). */
typedef struct sr_error {
    sr_status status;
    char file[256];
    long line;
    char msg[512];
} sr_error;

const char *sr_status_str(sr_status s);

/* ---- engine: dictionaries compiled into matchers ------------------------ */

typedef struct sr_engine sr_engine;

typedef struct sr_options {
    /* Directory holding actors.txt, agents.txt, countries.txt, events.txt,
     * cues.txt, places.tsv, boilerplate.txt. NULL: the built-in default
     * (see sr_default_data_dir). */
    const char *data_dir;
    /* Extra directories whose dictionary files are loaded on top of
     * data_dir (entries add to, never replace, the defaults). */
    const char *const *extra_dirs;
    size_t n_extra_dirs;
    /* Compiled gazetteer index (see sr_gazetteer_build). NULL: look for
     * gazetteer.idx in data_dir; absent is not an error. */
    const char *gazetteer;
    /* Limits that keep memory bounded on hostile input. 0 = default. */
    size_t max_article_bytes;   /* default 1 MiB: longer text is truncated */
    size_t max_sentence_bytes;  /* default 4096: longer sentences are cut */
    size_t max_sentence_tokens; /* default 256 */
    size_t max_sentences;       /* default 10000 an article: the rest is not coded */
} sr_options;

/* A news article is rarely over 100 KB or 1000 sentences; these limits
 * leave room for long reports while bounding a coder's memory (a few
 * hundred MB at worst) on pathological text. */
#define SR_DEFAULT_MAX_ARTICLE_BYTES (1u << 20)
#define SR_DEFAULT_MAX_SENTENCES 10000u
#define SR_DEFAULT_MAX_SENTENCE_BYTES 4096u
#define SR_DEFAULT_MAX_SENTENCE_TOKENS 256u

sr_status sr_engine_open(const sr_options *opts, sr_engine **out, sr_error *err);
void sr_engine_free(sr_engine *eng);

/* Counts of what was loaded, for --version and benchmarks. */
typedef struct sr_engine_stats {
    size_t actors, agents, countries, triggers, places, gazetteer_places, phrases;
} sr_engine_stats;
void sr_engine_get_stats(const sr_engine *eng, sr_engine_stats *st);

/* The named actor the words stand for in the dictionaries ("isis",
 * "Daesh" -> Islamic State, IMGMUSISI): 1 with *name and *code set (valid
 * while the engine lives), 0 when the words name no actor. */
int sr_engine_lookup_actor(const sr_engine *eng, const char *words, const char **name, const char **code);
/* The ISO 3166-1 alpha-2 code of a country given by name, adjective, or
 * alpha-2 or alpha-3 code ("Syria", "syrian", "SYR", "sy"), or NULL. */
const char *sr_engine_country_code(const sr_engine *eng, const char *words);

/* The directory the engine reads by default: $SITREP_DATA if set, else
 * the data/ directory next to the installed binary, else the compiled-in
 * path. Returns a pointer to static storage. */
const char *sr_default_data_dir(void);

/* ---- articles in ------------------------------------------------------- */

typedef struct sr_article {
    const char *id;     /* required */
    const char *text;   /* required, UTF-8 (repaired if it is not) */
    size_t text_len;    /* bytes of text; 0 = strlen(text) */
    const char *date;   /* "YYYY-MM-DD" or NULL */
    const char *title;  /* may be NULL */
    const char *source; /* may be NULL */
    const char *url;    /* may be NULL */
} sr_article;

/* ---- coding ------------------------------------------------------------ */

typedef struct sr_coder sr_coder;
typedef struct sr_result sr_result;
typedef struct sr_event sr_event;

sr_coder *sr_coder_new(const sr_engine *eng);
void sr_coder_free(sr_coder *c);

/* Codes one article. On SR_OK *out holds its events (maybe none). The
 * result is owned by the coder and valid until the next sr_code() call. */
sr_status sr_code(sr_coder *c, const sr_article *a, sr_result **out, sr_error *err);

size_t sr_result_count(const sr_result *r);
const sr_event *sr_result_event(const sr_result *r, size_t i);
/* Warnings raised while coding (truncations); NULL-terminated strings. */
size_t sr_result_warning_count(const sr_result *r);
const char *sr_result_warning(const sr_result *r, size_t i);
/* Number of sentences the article was split into. */
size_t sr_result_sentences(const sr_result *r);
/* Asks the coder to explain its work (off by default): for each sentence,
 * the event words found, the skip rule that dropped a word, the roles,
 * place, date and taxonomy rule of each event, and which mentions were
 * merged. sr_result_explain then gives that text (NULL when off). */
void sr_coder_set_explain(sr_coder *c, int on);
const char *sr_result_explain(const sr_result *r);

/* ---- events out: read-only accessors ------------------------------------ */

typedef enum sr_modality {
    SR_ASSERTED = 0,
    SR_NEGATED,
    SR_PLANNED,
    SR_CLAIMED,
    /* history told inside the story: dated weeks before the article, or
     * told as the story's past ("had fallen when they first swept
     * through"); not news of the article's days */
    SR_BACKGROUND
} sr_modality;

typedef struct sr_actor_ref {
    const char *name; /* canonical name, e.g. "Islamic State" */
    const char *code; /* CAMEO-style code, e.g. "IMGMUSISI" */
    const char *text; /* the words in the sentence that named it */
} sr_actor_ref;

typedef struct sr_location_ref {
    const char *name;    /* canonical place name */
    const char *admin1;  /* province/governorate or NULL */
    const char *country; /* ISO 3166-1 alpha-2 or NULL */
    double lat, lon;     /* valid only when has_coords */
    int has_coords;
    int geo_precision;   /* ACLED: 1 place, 2 near/part of, 3 region only */
    const char *text;    /* the words in the sentence */
} sr_location_ref;

const char *sr_event_id(const sr_event *e);
const char *sr_event_doc_id(const sr_event *e);
int sr_event_sentence(const sr_event *e);
const char *sr_event_text(const sr_event *e);
const char *sr_event_date(const sr_event *e); /* NULL when unknown */
int sr_event_time_precision(const sr_event *e);
const char *sr_event_type(const sr_event *e);
const char *sr_event_sub_type(const sr_event *e);
const char *sr_event_cameo(const sr_event *e);
int sr_event_quad_class(const sr_event *e);
/* Return 1 and fill *out when present, 0 when the role is empty. */
int sr_event_actor1(const sr_event *e, sr_actor_ref *out);
int sr_event_actor2(const sr_event *e, sr_actor_ref *out);
int sr_event_location(const sr_event *e, sr_location_ref *out);
/* Fatalities, or -1 when the text gives no number. */
long sr_event_fatalities(const sr_event *e);
sr_modality sr_event_modality(const sr_event *e);
/* How sure the coder is that the event happened as written, 0 to 1: its
 * evidence weighed by the data directory's confidence.txt (calibrated on
 * the gold sets: among events near 0.8, about 8 in 10 were right). */
double sr_event_confidence(const sr_event *e);
/* The confidence below which `sitrep code` writes no event by default
 * (confidence.txt's threshold: the one that gave the best F1 on the gold
 * sets); 0 when the data directory sets none. */
double sr_engine_min_confidence(const sr_engine *e);
const char *sr_modality_str(sr_modality m);
/* How many mentions (sentences) of the article were merged into it. */
int sr_event_mentions(const sr_event *e);

/* ---- writing events ---------------------------------------------------- */

typedef enum sr_format {
    SR_FORMAT_JSONL = 0,
    SR_FORMAT_CSV,       /* ACLED's 31 columns, then sitrep's own (sr_export) */
    SR_FORMAT_CAMEO_TSV, /* CAMEO-coded events, tab-separated (sr_export) */
    SR_FORMAT_GEOJSON,   /* stored events as a FeatureCollection */
    SR_FORMAT_TEXT,      /* control rows for people */
    SR_FORMAT_ACLED_CSV, /* exactly ACLED's 31 columns (sr_export) */
    SR_FORMAT_PHOENIX,   /* the Phoenix pipeline's 26 columns, no header (sr_export) */
    SR_FORMAT_PLOVER     /* JSON Lines in PLOVER's event types (sr_export) */
} sr_format;

/* Parses "jsonl", "csv", "cameo-tsv", "geojson", "text", "acled-csv",
 * "phoenix" or "plover"; returns 0 on success. Which formats a writer
 * takes is said at the writer. */
int sr_format_parse(const char *s, sr_format *out);
/* One event as a line of JSON Lines. Returns 0, or -1 on a write error or
 * another format (the others are sr_export's). */
int sr_write_event(FILE *f, sr_format fmt, const sr_event *e);
/* The same line appended to a buffer the caller owns: *buf holds *len
 * bytes in *cap and is grown with realloc (the caller frees it, even after
 * a failure); it stays NUL-terminated. Returns 0, or -1 when out of memory
 * (nothing of the line is kept) or for a format without event lines. */
int sr_format_event(sr_format fmt, const sr_event *e, char **buf, size_t *len, size_t *cap);

/* ---- reading articles -------------------------------------------------- */

/* A reader yields articles from a file of JSON Lines, plain text or HTML
 * (chosen by the name's extension, or JSON Lines for "-"). Malformed
 * records are reported through the error and skipped; reading goes on. */
typedef struct sr_reader sr_reader;

typedef enum sr_input_kind { SR_INPUT_AUTO = 0, SR_INPUT_JSONL, SR_INPUT_TEXT, SR_INPUT_HTML } sr_input_kind;

sr_status sr_reader_open(const char *path, sr_input_kind kind, sr_reader **out, sr_error *err);
/* Reads from an open stream (not closed by the reader); name is used in
 * messages and, for SR_INPUT_AUTO, to choose the kind. */
sr_status sr_reader_open_stream(FILE *f, const char *name, sr_input_kind kind, sr_reader **out, sr_error *err);
/* SR_OK with *eof == 0: *a holds the next article (valid until the next
 * call). SR_OK with *eof == 1: the input is finished. SR_ERR_PARSE: a
 * rejected record (err says FILE:LINE: reason); call again for the next.
 * SR_ERR_IO or SR_ERR_NOMEM: reading cannot go on. */
sr_status sr_reader_next(sr_reader *r, sr_article *a, int *eof, sr_error *err);
/* A warning about the record just returned (a field of the wrong type was
 * ignored, a file was truncated), or NULL. */
const char *sr_reader_warning(const sr_reader *r);
/* Line number of the record just returned (JSON Lines), 0 otherwise. */
long sr_reader_line(const sr_reader *r);
/* Bytes consumed so far and total size (0 when unknown, e.g. a pipe). */
void sr_reader_progress(const sr_reader *r, size_t *done, size_t *total);
void sr_reader_close(sr_reader *r);
/* Limit on one JSON line (longer lines are rejected, not truncated). */
void sr_reader_set_max_line(sr_reader *r, size_t bytes);

/* Plain text pulled out of an HTML page: visible text, paragraphs on their
 * own lines, scripts/styles/navigation dropped. Caller frees the result
 * with free(). Returns NULL on allocation failure. */
char *sr_html_to_text(const char *html, size_t len, size_t *out_len, char **title_out);

/* ---- the event store ----------------------------------------------------
 * Articles and their coded events kept in a database (SQLite file, or
 * PostgreSQL for teams), with the same event reported by several articles
 * merged into one, and who controls which place over time. One writer at a
 * time; any number of readers. */
typedef struct sr_store sr_store;

/* url: "postgresql://..." or "postgres://..." (libpq; the scheme in any
 * case), "sqlite:PATH", or a plain file path (SQLite). Any other
 * "word:" prefix is an error, not a file name. Creates the store and its
 * schema when missing (safely when several writers start at once). */
sr_status sr_store_open(const char *url, sr_store **out, sr_error *err);
/* Opens an existing store for reading: never creates one ("no store at
 * PATH" otherwise), and reads a SQLite store on a read-only mount. */
sr_status sr_store_open_readonly(const char *url, sr_store **out, sr_error *err);
void sr_store_close(sr_store *s);

/* Stores one coded article and its asserted events in one transaction:
 * after kill -9 the article is there with all its events or not at all.
 * An article already stored (same id, or the same text once normalised)
 * changes nothing: *added is 0. Otherwise *added is 1 and *events the
 * number of events stored. For many articles, batches are far faster. */
sr_status sr_store_add(sr_store *s, const sr_article *a, const sr_result *r, int *added, size_t *events,
                       sr_error *err);

/* ---- batches: many articles written at once ------------------------------
 * A batch holds copies of coded articles (what the store keeps of them),
 * independent of any store, so that one thread can fill a batch while
 * another writes the previous one. */
typedef struct sr_batch sr_batch;
sr_batch *sr_batch_new(void); /* NULL when out of memory */
/* Copies the article and its asserted events; the result may be freed. */
sr_status sr_batch_add(sr_batch *b, const sr_article *a, const sr_result *r, sr_error *err);
size_t sr_batch_count(const sr_batch *b);
void sr_batch_clear(sr_batch *b);
void sr_batch_free(sr_batch *b);

/* What became of a batch: articles stored, articles there already, events
 * stored, articles the store refused, and the position in the batch (0 =
 * the first added) of the first refused article, or -1. */
typedef struct sr_store_tally {
    size_t added, same, events, refused;
    long failed;
} sr_store_tally;

/* Writes the batch in one transaction, with a few statements over many
 * rows: far faster than a transaction, or a few statements, an article.
 * The merged events depend only on the set of articles stored, whatever
 * their order and however many processes write at once. An interruption
 * loses the batch, which a re-run adds again. An article the store
 * refuses costs only itself: the others are stored, *tally (may be NULL)
 * counts the refusals, and sr_batch_result says why each was refused;
 * SR_OK is returned. An error is returned only when the store itself
 * failed (connection, disk, another writer holding it too long): then
 * nothing of the batch is stored. The batch is left as it was. */
sr_status sr_store_write(sr_store *s, sr_batch *b, sr_store_tally *tally, sr_error *err);
/* After sr_store_write: SR_OK when article i (0 = the first added) is
 * stored or was there already, else why the store refused it. */
sr_status sr_batch_result(const sr_batch *b, size_t i, sr_error *err);

/* A merged event: every report of one happening. Strings are valid during
 * the callback only. */
typedef struct sr_stored_event {
    const char *id;
    const char *date;
    int time_precision;
    const char *event_type, *sub_event_type, *cameo;
    int quad_class;
    const char *actor1, *actor1_code, *actor2, *actor2_code; /* NULL when none */
    const char *location, *admin1, *country;                   /* NULL when unknown */
    int has_coords;
    double lat, lon;
    int geo_precision;
    long fatalities;      /* -1 unknown */
    int n_sources;        /* articles that report it */
    int mentions;         /* sentences, over all those articles */
    const char *sources;  /* outlets, "; "-separated (ACLED's "source") */
    const char *articles; /* article ids, "; "-separated */
    const char *urls;     /* their URLs, "; "-separated, when the query asked (else NULL) */
    const char *notes;    /* a sentence that reports it */
    long changed_at;      /* unix time the row was last written */
} sr_stored_event;

typedef struct sr_query {
    const char *since, *until;       /* YYYY-MM-DD, inclusive; NULL: open */
    const char *type, *sub_type;     /* exact ACLED names; NULL: any */
    const char *actor;               /* part of an actor's name (literally), or its code */
    const char *actor_code;          /* with actor: also this code (an alias's actor) */
    const char *country;             /* ISO 3166-1 alpha-2 */
    long changed_since;              /* unix time: rows written since; 0 any */
    int near;                        /* within km of lat, lon */
    double lat, lon, km;
    int bbox;                        /* inside west, south, east, north */
    double west, south, east, north;
    long limit;                      /* 0: all */
    int urls;                        /* fill each event's urls (one more lookup a row) */
    const char *id;                  /* one merged event by its id; NULL: any */
    /* a page after the row the cursor names (sr_query_cursor): rows come
     * by date (undated first), then id */
    int after;
    const char *after_date, *after_id; /* after_date NULL: an undated row */
    char keep[4][80];                /* sr_query_param's copies (resolved codes, the cursor) */
} sr_query;

/* Sets one filter of q from its name and text, checked the same way for
 * the command line and the HTTP API: since, until (YYYY-MM-DD, a real
 * day), type, sub_type, actor (a part of a name, a code, or an alias eng
 * knows), country (a name or ISO code eng knows), near (LAT,LON,KM), bbox
 * (W,S,E,N), changed_since (unix seconds or YYYY-MM-DD[THH:MM[:SS]] UTC),
 * limit (1 or more), cursor (from sr_query_cursor), id. A leading "--" and
 * "-" for "_" are accepted in name ("--sub-type"); messages name the
 * parameter as given. eng may be NULL: names are then taken as written.
 * value must outlive q; resolved names are kept in q. */
sr_status sr_query_param(sr_query *q, const sr_engine *eng, const char *name, const char *value, sr_error *err);
/* The cursor of the page after event e: "DATE.ID" ("-.ID" undated);
 * returns its length, or 0 when it does not fit in cap. */
size_t sr_query_cursor(const sr_stored_event *e, char *out, size_t cap);
/* A date YYYY-MM-DD that exists (2019-02-30 does not): 1, else 0. */
int sr_date_valid(const char *s);

/* The reports behind a merged event: each article's sentence. Strings
 * are valid during the callback only. */
typedef struct sr_report {
    const char *article, *source, *url, *title, *date;
    int sentence;
    const char *text;
} sr_report;
typedef int (*sr_report_fn)(void *ctx, const sr_report *r);
/* Calls fn for each report of merged event id, by article then sentence. */
sr_status sr_store_reports(sr_store *s, const char *id, sr_report_fn fn, void *ctx, sr_error *err);

typedef int (*sr_stored_event_fn)(void *ctx, const sr_stored_event *e);
/* Calls fn for each merged event that passes q, by date then id; fn
 * returns nonzero to stop. */
sr_status sr_store_query(sr_store *s, const sr_query *q, sr_stored_event_fn fn, void *ctx, sr_error *err);

/* Territorial control: one change of hands, with its evidence. */
typedef struct sr_control {
    const char *place, *admin1, *country;
    int has_coords;
    double lat, lon;
    const char *holder, *holder_code;     /* actor1: who took it or was handed it; NULL: not reported */
    const char *previous, *previous_code; /* NULL when not reported */
    const char *since;                    /* date of the change */
    const char *sub_event_type;           /* how it changed hands */
    const char *event_id;                 /* the merged event that is the evidence */
    int n_sources;
    const char *notes;
} sr_control;

typedef int (*sr_control_fn)(void *ctx, const sr_control *c);
/* Who held each place on date (its latest change on or before it); country
 * NULL for all. */
sr_status sr_store_control_at(sr_store *s, const char *date, const char *country, sr_control_fn fn, void *ctx,
                              sr_error *err);
/* Every change of hands of one place (spelt any way), oldest first. */
sr_status sr_store_control_place(sr_store *s, const char *place, sr_control_fn fn, void *ctx, sr_error *err);

typedef struct sr_store_counts {
    long articles, events, merged, control;
} sr_store_counts;
sr_status sr_store_count(sr_store *s, sr_store_counts *out, sr_error *err);

typedef int (*sr_count_fn)(void *ctx, const char *key, long count);
/* Merged events counted by "type", "sub-type", "actor", "country" or
 * "month", largest first (months in order). */
sr_status sr_store_stats(sr_store *s, const char *by, sr_count_fn fn, void *ctx, sr_error *err);
/* "sqlite" or "postgresql" */
const char *sr_store_backend(const sr_store *s);

/* ---- exports: events in the ecosystem's conventions ----------------------
 * An exporter writes events, as the coder gives them or as the store keeps
 * them, in one format: SR_FORMAT_ACLED_CSV (ACLED's 31 columns, ACLED's
 * names, actor types and conventions), SR_FORMAT_CSV (the same columns,
 * then sitrep's own: one layout for coded and stored events),
 * SR_FORMAT_PHOENIX (26 tab-separated columns with Goldstein values),
 * SR_FORMAT_PLOVER (JSON Lines), SR_FORMAT_CAMEO_TSV; and JSONL for coded
 * events, JSONL or GeoJSON for stored ones. It reads the engine's dictionaries
 * (export.txt, sectors.txt, countries.txt, taxonomy.txt).
 *
 * Each call appends to a buffer the caller owns, as sr_format_event does,
 * and returns 0, or -1 when out of memory (nothing of the row is kept) or
 * for a format the kind of event has no rows in. */
typedef struct sr_export sr_export;
/* now: the unix time written as the timestamp of coded events (stored
 * events carry the time they last changed). eng may be NULL for JSONL and
 * GeoJSON. NULL when out of memory, or with no engine for another format. */
sr_export *sr_export_new(const sr_engine *eng, sr_format fmt, long now);
void sr_export_free(sr_export *x);
/* What comes before the first row (CSV's header, GeoJSON's opening) and
 * after the last; cameo-tsv's header, which is written only when asked. */
int sr_export_header(const sr_export *x, char **buf, size_t *len, size_t *cap);
int sr_export_begin(const sr_export *x, char **buf, size_t *len, size_t *cap);
int sr_export_end(const sr_export *x, char **buf, size_t *len, size_t *cap);
/* An event coded from article a (whose source and URL the row gives; a may
 * be NULL). Safe from several threads at once. */
int sr_export_event(const sr_export *x, const sr_article *a, const sr_event *e, char **buf, size_t *len,
                    size_t *cap);
/* A stored event (ask the query for urls to export them). */
int sr_export_stored(sr_export *x, const sr_stored_event *e, char **buf, size_t *len, size_t *cap);

/* Control rows: JSONL, CSV (header before index 0) or TEXT (a line for
 * people). */
int sr_write_control(FILE *f, sr_format fmt, const sr_control *c, size_t index);

/* ---- serving: the HTTP API and the map ------------------------------------
 * A read-only HTTP server over a store: the query's filters as URL
 * parameters, one merged event with its reports, control, statistics,
 * coding without storing, and, with a token, ingest. Errors are JSON
 * ({"error": "..."}). The map's files are served from web_dir. */
typedef struct sr_server sr_server;

typedef struct sr_server_options {
    const char *db;         /* the store's URL (as --db takes it) */
    const char *listen;     /* "HOST:PORT"; NULL: 127.0.0.1:8080; port 0: any free one */
    const char *token;      /* NULL: read-only; else POST /api/ingest needs "Bearer TOKEN" */
    const char *web_dir;    /* the map's files (index.html, vendor/...); NULL: no map */
    int threads;            /* 0: 2 */
    size_t max_body;        /* a POST body beyond is refused (413); 0: 4 MiB */
    int max_inflight;       /* requests at once beyond which 429 is answered; 0: 512 */
    int max_page;           /* the largest limit of /api/events; 0: 10000 */
    int timeout;            /* seconds a connection may stay idle or half-sent; 0: 15 */
} sr_server_options;

/* Starts serving in threads of its own: the engine codes POST /api/code
 * and resolves names and aliases in filters (it must outlive the server).
 * The store is opened to check it exists (err says why not). */
sr_status sr_server_start(const sr_engine *eng, const sr_server_options *o, sr_server **out, sr_error *err);
/* The port the server listens on (the one chosen for port 0). */
unsigned sr_server_port(const sr_server *s);
/* Stops serving (requests under way finish) and frees the server. */
void sr_server_stop(sr_server *s);

/* ---- the work queue: articles carried to workers by NATS JetStream --------
 * A stream NAME (default SITREP) holds articles to code, one message each,
 * on subject NAME.articles, kept on disk until a worker acknowledges it
 * (work-queue retention); its message id is the article id, so an article
 * submitted twice within a day is queued once. Workers pull from one
 * durable consumer, "workers", with explicit acknowledgements. Articles no
 * worker could store go to the stream NAME_DEAD (subject NAME.dead) with
 * the reason in the header Sitrep-Reason. Streams and consumer are made
 * when missing, by whichever command comes first. */
typedef struct sr_queue sr_queue;
typedef struct sr_queue_options {
    const char *url;    /* nats://HOST:PORT (required) */
    const char *stream; /* letters, digits, '_' and '-'; NULL: "SITREP" */
    int ack_wait;       /* seconds a worker has for a batch before it goes to another; 0: 60 */
    int max_deliver;    /* deliveries before an article the store refuses is a dead letter; 0: 5 */
} sr_queue_options;

/* Connects (once: a caller that wants to wait for the server retries) and
 * makes the streams and the consumer when missing. The connection then
 * rides out server restarts by itself. */
sr_status sr_queue_open(const sr_queue_options *o, sr_queue **out, sr_error *err);
/* Waits for what was submitted to be acknowledged, then disconnects. */
void sr_queue_close(sr_queue *q);

/* Queues one article without waiting for the server's acknowledgement
 * (at most a few thousand wait at once: the call stalls beyond).
 * SR_ERR_LIMIT when it is larger than the server takes in one message. */
sr_status sr_queue_submit(sr_queue *q, const sr_article *a, sr_error *err);
/* Articles the server refused, told once each; a lost acknowledgement is
 * retried (the message id keeps it from being queued twice). */
typedef void (*sr_queue_refused_fn)(void *ctx, const char *id, const char *reason);
void sr_queue_on_refused(sr_queue *q, sr_queue_refused_fn fn, void *ctx);
/* What became of the articles submitted so far. */
typedef struct sr_queue_tally {
    size_t acked;     /* in the stream (new, or there already) */
    size_t duplicate; /* of those, there already (the same message id) */
    size_t refused;   /* refused by the server (told to sr_queue_on_refused) */
} sr_queue_tally;
/* Waits until every submitted article is acknowledged or refused, at most
 * timeout_ms; *t (may be NULL) counts them so far. */
sr_status sr_queue_submit_wait(sr_queue *q, int timeout_ms, sr_queue_tally *t, sr_error *err);

/* One article taken from the queue by a worker. */
typedef struct sr_queue_job sr_queue_job;
/* Takes up to max jobs, waiting at most timeout_ms for the first; *n is 0
 * when none came. jobs[] gets one pointer each; every job must end with
 * sr_queue_job_done, _retry or _dead. */
sr_status sr_queue_fetch(sr_queue *q, sr_queue_job **jobs, size_t max, int timeout_ms, size_t *n, sr_error *err);
/* The article the job carries (its strings live as long as the job):
 * SR_ERR_PARSE when the message is not one article. */
sr_status sr_queue_job_article(sr_queue_job *j, sr_article *a, sr_error *err);
/* How often this message has been delivered (1 the first time), and its
 * place in the stream. */
unsigned long sr_queue_job_deliveries(const sr_queue_job *j);
unsigned long long sr_queue_job_seq(const sr_queue_job *j);
/* Keeps the job from going to another worker for another ack_wait. */
void sr_queue_job_busy(sr_queue_job *j);
/* Acknowledges the job (after its article is stored) and frees it. Acks
 * reach the server at the next sr_queue_sync. */
void sr_queue_job_done(sr_queue_job *j);
/* Gives the job back to be delivered again after delay_ms, and frees it. */
void sr_queue_job_retry(sr_queue_job *j, int delay_ms);
/* Sends the job's message to the dead letters with the reason, then
 * acknowledges and frees it; when the dead letter cannot be sent the job
 * is given back instead and an error returned. */
sr_status sr_queue_job_dead(sr_queue *q, sr_queue_job *j, const char *reason, sr_error *err);
/* Waits until the server has every acknowledgement sent so far. */
sr_status sr_queue_sync(sr_queue *q, sr_error *err);

typedef struct sr_queue_status {
    unsigned long long queued;   /* accepted into the stream, ever (its last sequence) */
    unsigned long long pending;  /* not delivered yet */
    unsigned long long inflight; /* delivered, not acknowledged (or waiting to be delivered again) */
    unsigned long long done;     /* acknowledged after being stored (or found stored) */
    unsigned long long dead;     /* in the dead letters */
    unsigned long long redelivered;
} sr_queue_status;
sr_status sr_queue_get_status(sr_queue *q, sr_queue_status *st, sr_error *err);

/* Every dead letter, oldest first: its article id (as the message id),
 * the reason, the deliveries it had. */
typedef int (*sr_queue_dead_fn)(void *ctx, unsigned long long seq, const char *id, const char *reason,
                                unsigned long deliveries);
sr_status sr_queue_dead_letters(sr_queue *q, sr_queue_dead_fn fn, void *ctx, sr_error *err);

#ifdef __cplusplus
}
#endif
#endif
