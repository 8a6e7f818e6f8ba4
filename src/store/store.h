/* The event store's inside, shared by its files:
 *   schema.c  opening a store (URL, schema, read-only), counts
 *   rows.c    statements over many rows, parameters as text
 *   merge.c   which reports are one happening, and a merged event's values
 *   batch.c   staging coded articles and writing them (locks, zones, rows)
 *   query.c   reading merged events, control and statistics back
 * over db.h, the two-function storage interface of sqlite.c and pg.c. */
#ifndef SR_STORE_STORE_H
#define SR_STORE_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"
#include "db.h"
#include "sitrep.h"

#define SR_SCHEMA_VERSION "2"
/* Article ids longer than this are refused on both backends: PostgreSQL
 * cannot index a key of over about 2.7 KB, and an id is a key. */
#define SR_MAX_ID_BYTES 1024

/* One coded event as the store keeps it (a row of `events`). Strings
 * point into an arena that outlives the row. */
typedef struct ev_row {
    char id[64];
    char merged[72];        /* the merged event it reports ("" when new) */
    const char *article;    /* article id */
    const char *date;
    int tp;                 /* time precision */
    const char *type, *sub, *cameo;
    int quad;
    const char *a1, *a1c, *a2, *a2c;
    const char *loc, *admin1, *cc;
    int has_coords;
    double lat, lon;
    int gp;                 /* geo precision, 0 without a place */
    long fat;               /* -1 unknown */
    int mentions;
    const char *source;     /* the outlet */
    const char *text;       /* the sentence */
    int sentence;
    long seq;
} ev_row;

/* ---- rows.c: statements over many rows ----------------------------------- */

enum {
    K_ART_INS,      /* articles in, the new ones' ids back */
    K_LOAD_WINDOW,  /* the events of a merge key within days */
    K_LOAD_KEY,     /* every event of a merge key */
    K_MEMBERS,      /* the events of merged events */
    K_MERGED_PUT,   /* merged events written whole */
    K_MERGED_DEL,
    K_CONTROL_DROP,
    K_CONTROL,
    K_EVENT,
    K_EVENT_MOVE,   /* events that now report another merged event */
    K_KEY_VERSION,
    K_KEY_BUMP,
    K_COUNT
};
#define ROWS_MAX 64
#define ROWS_SIZES 7

/* Columns of every SELECT of events (see ev_from_cols). */
#define EV_SELECT                                                                                                 \
    "id, merged_id, article_id, date, time_precision, event_type, sub_event_type, cameo, quad_class, actor1,"     \
    " actor1_code, actor2, actor2_code, location, admin1, country, lat, lon, geo_precision, fatalities,"          \
    " mentions, source, text, sentence, seq"
#define EV_SELECT_N 25

/* Parameters of many rows, numbers written as text into an arena. */
typedef struct params {
    const char **v;
    size_t n, cap;
    sr_arena *a;
    int oom;
} params;
void par_put(params *p, const char *x);
void par_int(params *p, long v);
void par_num(params *p, double v);
void par_clear(params *p);
void par_free(params *p);

/* Runs kind's statement over nrows rows of parameters, row after row,
 * in statements of up to ROWS_MAX rows. */
sr_status sr_exec_rows(sr_store *s, int kind, const char *const *p, size_t nrows, sr_row_fn fn, void *ctx,
                       sr_error *err);
void sr_rows_free(sr_store *s);

/* Reads an events row (EV_SELECT) into r, strings copied into a. */
int ev_from_cols(ev_row *r, const char *const *v, int ncols, sr_arena *a);

/* ---- merge.c: the merging rules ------------------------------------------ */

/* An event while a batch is merged: its row, and what the batch decides. */
typedef struct mev {
    ev_row r;        /* r.merged: the merged event stored for it, "" if new */
    long day;        /* day number of r.date */
    int strong;      /* dated to the day, placed to the town, actor named */
    unsigned zone;   /* == the zone's stamp: decided anew by this batch */
    uint64_t wclass; /* a hash of what a weak report says, 0 until asked */
    char next[72];   /* then, its merged event after the batch */
} mev;

/* The events a batch decides anew, one merge key at a time. A stamp
 * rather than a flag: nothing needs clearing between batches. */
typedef struct mzone {
    mev **v;
    size_t n, cap;
    unsigned stamp;
} mzone;
int sr_zone_add(mzone *z, mev *e);

/* The merge key: events of other keys are never one happening. "" for an
 * event that is never merged (no date or no place). */
const char *sr_merge_key(const ev_row *r, sr_arena *a);
int sr_merge_strong(const ev_row *r);
long sr_day_number(const char *iso);
/* ev: in order of day, every event of one merge key within six days of
 * the new ones (r.merged "", already in z). Adds to z the events whose
 * merged event may change and decides their next[]. */
void sr_merge_assign(mev **ev, size_t n, mzone *z, sr_arena *a, int *oom);

/* A merged event's values, from all the reports it merges, in no order:
 * the same reports give the same values whatever order they came in. */
typedef struct merged_row {
    ev_row r; /* r.merged holds the id */
    int n_sources;
    char *sources, *articles, *notes;
} merged_row;
int sr_merge_fold(const ev_row *const *members, size_t n, const char *id, merged_row *out, sr_arena *a);
int sr_is_territory(const char *sub);

/* ---- the store ------------------------------------------------------------ */

struct kcache; /* batch.c: a merge key's events, kept across batches */

struct sr_store {
    sr_db *db;
    int readonly;
    sr_batch *one; /* for sr_store_add */
    char *sql[K_COUNT][ROWS_SIZES];
    struct kcache **cache; /* open addressing by key */
    size_t ncache, capcache, cached_events;
    unsigned stamp;        /* of the last zone */
};

sr_status sr_store_exec0(sr_store *s, const char *sql, sr_error *err);
void sr_store_cache_drop(sr_store *s);

#endif
