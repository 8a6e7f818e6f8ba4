/* Writing coded articles to the store, a batch at a time.
 *
 * A batch is one transaction. Its writer first locks the merge keys its
 * events have (one lock per ACLED type, sub-type and country, taken in
 * sorted order: concurrent writers of other keys go on, writers of the
 * same key take turns, none deadlocks), then:
 *   1. inserts the articles, learning which are new (ON CONFLICT DO
 *      NOTHING RETURNING: a concurrent writer of the same article waits
 *      on the unique index, and only one stores it);
 *   2. for each merge key, reads the stored events within six days of
 *      the new ones (or finds them in memory, see below), decides anew
 *      which merged event each event around the new ones reports
 *      (merge.c), and folds every merged event that gained or lost a
 *      report from all its reports;
 *   3. writes the rows: merged events, new events, events that moved,
 *      merged events left with no report deleted, territorial control.
 * Because merging depends only on the set of stored events, the outcome
 * does not depend on the order of arrival nor on how many writers there
 * were.
 *
 * Events read for a key are kept in memory across batches with the days
 * they cover: an archive in no order of date would otherwise read most
 * of the store again for each batch (10k -> 40k articles took 6.2 times
 * as long). Each key has a version in the store, bumped by every batch
 * that writes it; a writer that finds another version than the one it
 * wrote forgets what it kept of that key.
 *
 * A batch is written in slices of SLICE articles, each in a savepoint;
 * when a slice fails for one article's sake, each of its articles is
 * tried alone, so a refused article costs only itself. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ctype.h>

#include "../lang/dates.h"
#include "../text/placekey.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/hash.h"
#include "store.h"

/* 5,000 rather than 1,000: each slice looks again at the kept events around
 * its new ones, which in a large store costs more than the slice's rows
 * (40,000 articles into SQLite: 1.24 s -> 1.18 s) */
#define SLICE 5000
/* Days around a new event that the merge may look at: weak reports two
 * days off, the strong events they may join two more, and the reports of
 * those two more again. */
#define ZONE 2
#define LOAD (3 * ZONE)
/* Events kept in memory across batches, over all keys, at most. */
#define CACHE_MAX 300000

/* ---- the batch: coded articles copied, waiting to be written --------------- */

typedef struct st_article {
    const char *id, *date, *source, *url, *title;
    char hash[17];
    size_t ev0, nev; /* its events in the batch's array */
    int fresh;       /* set while written: not stored before */
    sr_status st;    /* after sr_store_write: SR_OK, or why it was refused */
    char *why;
} st_article;

struct sr_batch {
    sr_arena arena; /* strings of the staged articles */
    st_article *art;
    size_t nart, capart;
    ev_row *ev;
    size_t nev, capev;
};

sr_batch *sr_batch_new(void)
{
    sr_batch *b = calloc(1, sizeof *b);
    if (b)
        sr_arena_init(&b->arena, 256 * 1024);
    return b;
}

size_t sr_batch_count(const sr_batch *b)
{
    return b->nart;
}

void sr_batch_clear(sr_batch *b)
{
    for (size_t i = 0; i < b->nart; i++)
        free(b->art[i].why);
    b->nart = b->nev = 0;
    sr_arena_reset(&b->arena);
}

void sr_batch_free(sr_batch *b)
{
    if (!b)
        return;
    sr_batch_clear(b);
    free(b->art);
    free(b->ev);
    sr_arena_free(&b->arena);
    free(b);
}

sr_status sr_batch_result(const sr_batch *b, size_t i, sr_error *err)
{
    sr_error_clear(err);
    if (i >= b->nart)
        return sr_fail(err, SR_ERR_INVALID, "batch", 0, "no article %zu in the batch", i);
    const st_article *a = &b->art[i];
    if (a->st)
        return sr_fail(err, a->st, "", 0, "%s", a->why ? a->why : sr_status_str(a->st));
    return SR_OK;
}

/* Lower case, runs of space collapsed: the same story re-sent with other
 * line breaks or capitals is the same article. */
static void text_hash(const char *t, size_t n, char out[17])
{
    uint64_t h = SR_HASH_SEED;
    int space = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (isspace(c)) {
            space = 1;
            continue;
        }
        if (space) {
            h = sr_hash64(" ", 1, h);
            space = 0;
        }
        c = (unsigned char)tolower(c);
        h = sr_hash64(&c, 1, h);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)sr_mix64(h));
}

static const char *keep_str(sr_arena *a, const char *s, int *oom)
{
    if (!s)
        return NULL;
    const char *x = sr_arena_strdup(a, s);
    *oom |= !x;
    return x;
}

static void row_of_event(ev_row *x, const sr_event *e, const char *article, const char *source, sr_arena *ar,
                         int *oom)
{
#define KEEP(v) keep_str(ar, (v), oom)
    memset(x, 0, sizeof *x);
    sr_actor_ref a1 = {0}, a2 = {0};
    sr_location_ref loc = {0};
    int h1 = sr_event_actor1(e, &a1), h2 = sr_event_actor2(e, &a2), hl = sr_event_location(e, &loc);
    snprintf(x->id, sizeof x->id, "%s", sr_event_id(e));
    x->article = article;
    x->source = source;
    x->date = KEEP(sr_event_date(e));
    x->tp = sr_event_time_precision(e);
    x->type = KEEP(sr_event_type(e));
    x->sub = KEEP(sr_event_sub_type(e));
    x->cameo = KEEP(sr_event_cameo(e));
    x->quad = sr_event_quad_class(e);
    x->a1 = h1 ? KEEP(a1.name) : NULL;
    x->a1c = h1 ? KEEP(a1.code) : NULL;
    x->a2 = h2 ? KEEP(a2.name) : NULL;
    x->a2c = h2 ? KEEP(a2.code) : NULL;
    x->loc = hl ? KEEP(loc.name) : NULL;
    x->admin1 = hl ? KEEP(loc.admin1) : NULL;
    x->cc = hl ? KEEP(loc.country) : NULL;
    x->has_coords = hl && loc.has_coords;
    /* coordinates as the store gives them back (six decimals): a merge
     * later decides on what an ingest starting from the store would see */
    char t[40];
    snprintf(t, sizeof t, "%.6f", loc.lat);
    x->lat = x->has_coords ? strtod(t, NULL) : 0;
    snprintf(t, sizeof t, "%.6f", loc.lon);
    x->lon = x->has_coords ? strtod(t, NULL) : 0;
    x->gp = hl ? loc.geo_precision : 0;
    x->fat = sr_event_fatalities(e);
    x->mentions = sr_event_mentions(e);
    x->text = KEEP(sr_event_text(e));
    x->sentence = sr_event_sentence(e);
#undef KEEP
}

/* Copies what the store keeps of an article and its asserted events. */
sr_status sr_batch_add(sr_batch *b, const sr_article *a, const sr_result *r, sr_error *err)
{
    if (b->nart == b->capart) {
        size_t nc = b->capart ? b->capart * 2 : 256;
        st_article *nv = realloc(b->art, nc * sizeof *nv);
        if (!nv)
            return sr_fail(err, SR_ERR_NOMEM, "batch", 0, "out of memory");
        b->art = nv;
        b->capart = nc;
    }
    size_t nev = 0;
    for (size_t i = 0; i < sr_result_count(r); i++)
        nev += sr_event_modality(sr_result_event(r, i)) == SR_ASSERTED;
    if (b->nev + nev > b->capev) {
        size_t nc = b->capev ? b->capev : 1024;
        while (nc < b->nev + nev)
            nc *= 2;
        ev_row *nv = realloc(b->ev, nc * sizeof *nv);
        if (!nv)
            return sr_fail(err, SR_ERR_NOMEM, "batch", 0, "out of memory");
        b->ev = nv;
        b->capev = nc;
    }
    sr_arena *ar = &b->arena;
    int oom = 0;
    st_article *sa = &b->art[b->nart];
    memset(sa, 0, sizeof *sa);
    text_hash(a->text, a->text_len ? a->text_len : strlen(a->text), sa->hash);
    sa->id = keep_str(ar, a->id, &oom);
    sr_date ad;
    if (a->date && !sr_date_parse_iso(a->date, &ad)) {
        char dbuf[11];
        sr_date_format(&ad, dbuf);
        sa->date = keep_str(ar, dbuf, &oom);
    }
    sa->source = keep_str(ar, a->source && *a->source ? a->source : NULL, &oom);
    sa->url = keep_str(ar, a->url, &oom);
    sa->title = keep_str(ar, a->title, &oom);
    sa->ev0 = b->nev;
    sa->nev = nev;
    for (size_t i = 0; i < sr_result_count(r); i++) {
        const sr_event *e = sr_result_event(r, i);
        if (sr_event_modality(e) == SR_ASSERTED)
            row_of_event(&b->ev[b->nev++], e, sa->id, sa->source, ar, &oom);
    }
    if (oom || !sa->id) {
        b->nev = sa->ev0;
        return sr_fail(err, SR_ERR_NOMEM, "batch", 0, "out of memory");
    }
    b->nart++;
    return SR_OK;
}

/* ---- what a writer keeps of a merge key across batches --------------------- */

typedef struct span {
    long lo, hi;
} span;

typedef struct kcache {
    char *key;
    long version;
    sr_arena arena;
    mev *ev;
    size_t n, cap;
    size_t *order; /* ev by day: the first nordered kept in order, the rest */
    size_t nordered; /* added since, sorted in when asked */
    span *cover;   /* days whose events are all in ev, sorted, disjoint */
    size_t ncover, capcover;
} kcache;

static void kcache_free(kcache *k)
{
    if (!k)
        return;
    free(k->key);
    sr_arena_free(&k->arena);
    free(k->ev);
    free(k->order);
    free(k->cover);
    free(k);
}

void sr_store_cache_drop(sr_store *s)
{
    for (size_t i = 0; i < s->capcache; i++) {
        kcache_free(s->cache[i]);
        s->cache[i] = NULL;
    }
    s->ncache = s->cached_events = 0;
}

static kcache **cache_slot(sr_store *s, const char *key)
{
    size_t m = s->capcache - 1, i = (size_t)sr_mix64(sr_hash64(key, strlen(key), SR_HASH_SEED)) & m;
    while (s->cache[i] && strcmp(s->cache[i]->key, key))
        i = (i + 1) & m;
    return &s->cache[i];
}

/* The key's entry, made empty when missing; NULL when out of memory. */
static kcache *cache_get(sr_store *s, const char *key)
{
    if ((s->ncache + 1) * 2 > s->capcache) {
        size_t nc = s->capcache ? s->capcache * 2 : 64;
        kcache **old = s->cache;
        size_t oldcap = s->capcache;
        s->cache = calloc(nc, sizeof *s->cache);
        if (!s->cache) {
            s->cache = old;
            return NULL;
        }
        s->capcache = nc;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                *cache_slot(s, old[i]->key) = old[i];
        free(old);
    }
    kcache **slot = cache_slot(s, key);
    if (!*slot) {
        kcache *k = calloc(1, sizeof *k);
        if (!k || !(k->key = strdup(key))) {
            free(k);
            return NULL;
        }
        sr_arena_init(&k->arena, 64 * 1024);
        *slot = k;
        s->ncache++;
    }
    return *slot;
}

/* Forgets the events of a key (another writer changed them). */
static void cache_reset(sr_store *s, kcache *k)
{
    s->cached_events -= k->n;
    k->n = k->ncover = k->nordered = 0;
    sr_arena_reset(&k->arena);
}

static int cache_push(sr_store *s, kcache *k, const ev_row *r, int copy)
{
    if (k->n == k->cap) {
        size_t nc = k->cap ? k->cap * 2 : 256;
        mev *nv = realloc(k->ev, nc * sizeof *nv);
        if (!nv)
            return -1;
        k->ev = nv;
        k->cap = nc;
    }
    mev *m = &k->ev[k->n];
    memset(m, 0, sizeof *m);
    m->r = *r;
    if (copy) {
        int oom = 0;
        sr_arena *a = &k->arena;
        ev_row *x = &m->r;
#define C(f) x->f = keep_str(a, r->f, &oom)
        C(article), C(date), C(type), C(sub), C(cameo), C(a1), C(a1c), C(a2), C(a2c), C(loc), C(admin1), C(cc);
        C(source), C(text);
#undef C
        if (oom)
            return -1;
    }
    m->day = sr_day_number(r->date);
    m->strong = sr_merge_strong(r);
    k->n++;
    s->cached_events++;
    return 0;
}

static int by_day(const void *x, const void *y, void *ctx)
{
    const mev *ev = ctx;
    const mev *a = &ev[*(const size_t *)x], *b = &ev[*(const size_t *)y];
    return a->day < b->day ? -1 : a->day > b->day;
}

/* k->order by day over all events: the ones added since the last call
 * sorted, each placed by a binary search, the runs between them copied
 * (the kept events are not read: a batch adds few to many). */
static int cache_order(kcache *k)
{
    if (k->nordered == k->n)
        return 0;
    size_t *o = realloc(k->order, (k->n + 1) * sizeof *o), *tmp = malloc((k->n + 1) * sizeof *tmp);
    if (!o || !tmp) {
        if (o)
            k->order = o;
        free(tmp);
        return -1;
    }
    k->order = o;
    size_t old = k->nordered, add = k->n - old;
    for (size_t i = 0; i < add; i++)
        o[old + i] = old + i;
    qsort_r(o + old, add, sizeof *o, by_day, k->ev);
    size_t from = 0, m = 0;
    for (size_t j = old; j < k->n; j++) {
        long d = k->ev[o[j]].day;
        size_t a = from, b = old;
        while (a < b) {
            size_t mid = (a + b) / 2;
            if (k->ev[o[mid]].day <= d)
                a = mid + 1;
            else
                b = mid;
        }
        memcpy(tmp + m, o + from, (a - from) * sizeof *o);
        m += a - from;
        from = a;
        tmp[m++] = o[j];
    }
    memcpy(tmp + m, o + from, (old - from) * sizeof *o);
    m += old - from;
    memcpy(o, tmp, m * sizeof *o);
    free(tmp);
    k->nordered = k->n;
    return 0;
}

/* Adds [lo, hi] to the covered days. */
static int cover_add(kcache *k, long lo, long hi)
{
    if (k->ncover == k->capcover) {
        size_t nc = k->capcover ? k->capcover * 2 : 16;
        span *nv = realloc(k->cover, nc * sizeof *nv);
        if (!nv)
            return -1;
        k->cover = nv;
        k->capcover = nc;
    }
    size_t i = 0;
    while (i < k->ncover && k->cover[i].hi < lo - 1)
        i++;
    size_t j = i;
    while (j < k->ncover && k->cover[j].lo <= hi + 1) {
        if (k->cover[j].lo < lo)
            lo = k->cover[j].lo;
        if (k->cover[j].hi > hi)
            hi = k->cover[j].hi;
        j++;
    }
    if (j == i) {
        memmove(&k->cover[i + 1], &k->cover[i], (k->ncover - i) * sizeof *k->cover);
        k->ncover++;
    } else if (j > i + 1) {
        memmove(&k->cover[i + 1], &k->cover[j], (k->ncover - j) * sizeof *k->cover);
        k->ncover -= j - i - 1;
    }
    k->cover[i] = (span){lo, hi};
    return 0;
}

/* ---- writing one slice ------------------------------------------------------ */

/* The new events of one merge key in a slice. */
typedef struct kwork {
    const char *key;
    kcache *k;
    size_t e0, ne;    /* its new events: indexes into w->fresh */
    long version;     /* read from the store */
    span *need;       /* days to have in memory */
    size_t nneed;
    long *days;       /* the new events' days, sorted, distinct */
    size_t ndays;
    mzone z;          /* the events the merge decided anew */
    mev *fr;          /* the new events while merged, as in fresh[] */
} kwork;

typedef struct writing {
    sr_store *s;
    sr_batch *b;
    sr_arena *a;
    params p;
    ev_row **fresh;   /* the new events of the slice, by key */
    const char **fkey;
    size_t nfresh;
    kwork *kw;
    size_t nkw;
    const char **inserted; /* article ids the store took */
    size_t ninserted, capinserted;
    /* rows to write */
    params merged_put, merged_del, control_drop, control, events, moves;
    long seq;
    long now;
    int oom;
} writing;

static int on_inserted(void *ctx, int ncols, const char *const *v)
{
    writing *w = ctx;
    if (ncols < 1 || !v[0])
        return 0;
    if (w->ninserted == w->capinserted) {
        size_t nc = w->capinserted ? w->capinserted * 2 : 256;
        const char **nv = realloc(w->inserted, nc * sizeof *nv);
        if (!nv)
            return w->oom = 1;
        w->inserted = nv;
        w->capinserted = nc;
    }
    const char *x = sr_arena_strdup(w->a, v[0]);
    w->oom |= !x;
    w->inserted[w->ninserted++] = x;
    return 0;
}

static int cmp_cstr(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* 1. The articles: which ones the store did not have. */
static sr_status put_articles(writing *w, size_t a0, size_t a1, sr_error *err)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tmv;
    gmtime_r(&t, &tmv);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    params *p = &w->p;
    par_clear(p);
    size_t rows = 0;
    for (size_t i = a0; i < a1; i++) {
        st_article *a = &w->b->art[i];
        a->fresh = 0;
        if (a->st)
            continue;
        par_put(p, a->id);
        par_put(p, a->hash);
        par_put(p, a->date);
        par_put(p, a->source);
        par_put(p, a->url);
        par_put(p, a->title);
        par_int(p, (long)a->nev);
        par_put(p, now);
        rows++;
    }
    if (p->oom)
        return sr_fail(err, SR_ERR_NOMEM, w->s->db->where, 0, "out of memory");
    w->ninserted = 0;
    sr_status st = sr_exec_rows(w->s, K_ART_INS, p->v, rows, on_inserted, w, err);
    if (st)
        return st;
    if (w->ninserted)
        qsort(w->inserted, w->ninserted, sizeof *w->inserted, cmp_cstr);
    /* the first of the batch's copies of an id is the one stored: each id
     * the store took marks one article (a flag by id, not a scan of the
     * articles before it, which made a slice quadratic) */
    unsigned char *taken = w->ninserted ? sr_arena_alloc(w->a, w->ninserted) : NULL;
    if (w->ninserted && !taken)
        return sr_fail(err, SR_ERR_NOMEM, w->s->db->where, 0, "out of memory");
    if (taken)
        memset(taken, 0, w->ninserted);
    for (size_t i = a0; i < a1 && w->ninserted; i++) {
        st_article *a = &w->b->art[i];
        const char **hit = a->st ? NULL : bsearch(&a->id, w->inserted, w->ninserted, sizeof *w->inserted, cmp_cstr);
        if (!hit || taken[hit - w->inserted])
            continue;
        taken[hit - w->inserted] = 1;
        a->fresh = 1;
    }
    return SR_OK;
}

typedef struct keyed {
    const char *key;
    ev_row *r;
} keyed;

static int cmp_keyed(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    return c ? c : strcmp(a->r->id, b->r->id);
}

static int cmp_long(const void *x, const void *y)
{
    long a = *(const long *)x, b = *(const long *)y;
    return (a > b) - (a < b);
}

static int cmp_i64(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}

/* The new events by merge key, with the days each key must have in
 * memory; the ones never merged get a merged event of their own. */
static int group_fresh(writing *w, size_t a0, size_t a1)
{
    sr_batch *b = w->b;
    size_t n = 0;
    for (size_t i = a0; i < a1; i++)
        if (b->art[i].fresh)
            n += b->art[i].nev;
    keyed *kv = sr_arena_alloc(w->a, (n + 1) * sizeof *kv);
    w->fresh = sr_arena_alloc(w->a, (n + 1) * sizeof *w->fresh);
    w->kw = sr_arena_calloc(w->a, (n + 1) * sizeof *w->kw);
    if (!kv || !w->fresh || !w->kw)
        return -1;
    size_t nk = 0;
    for (size_t i = a0; i < a1; i++)
        for (size_t k = b->art[i].ev0; b->art[i].fresh && k < b->art[i].ev0 + b->art[i].nev; k++) {
            ev_row *r = &b->ev[k];
            const char *key = sr_merge_key(r, w->a);
            if (!key)
                return -1;
            r->merged[0] = 0;
            kv[nk++] = (keyed){key, r};
        }
    qsort(kv, nk, sizeof *kv, cmp_keyed);
    w->nfresh = nk;
    w->nkw = 0;
    for (size_t i = 0; i < nk;) {
        size_t j = i;
        while (j < nk && !strcmp(kv[j].key, kv[i].key))
            j++;
        for (size_t q = i; q < j; q++)
            w->fresh[q] = kv[q].r;
        if (!*kv[i].key) {
            /* never merged: a merged event of its own */
            for (size_t q = i; q < j; q++)
                snprintf(kv[q].r->merged, sizeof kv[q].r->merged, "m%s", kv[q].r->id);
            i = j;
            continue;
        }
        kwork *kw = &w->kw[w->nkw++];
        kw->key = kv[i].key;
        kw->e0 = i;
        kw->ne = j - i;
        kw->days = sr_arena_alloc(w->a, (j - i) * sizeof *kw->days);
        kw->need = sr_arena_alloc(w->a, (j - i) * sizeof *kw->need);
        if (!kw->days || !kw->need)
            return -1;
        for (size_t q = i; q < j; q++)
            kw->days[q - i] = sr_day_number(kv[q].r->date);
        qsort(kw->days, j - i, sizeof *kw->days, cmp_long);
        kw->ndays = 0;
        for (size_t q = 0; q < j - i; q++)
            if (!kw->ndays || kw->days[kw->ndays - 1] != kw->days[q])
                kw->days[kw->ndays++] = kw->days[q];
        kw->nneed = 0;
        for (size_t q = 0; q < kw->ndays; q++) {
            long lo = kw->days[q] - LOAD, hi = kw->days[q] + LOAD;
            if (kw->nneed && lo <= kw->need[kw->nneed - 1].hi + 1)
                kw->need[kw->nneed - 1].hi = hi;
            else
                kw->need[kw->nneed++] = (span){lo, hi};
        }
        i = j;
    }
    return 0;
}

static int on_version(void *ctx, int ncols, const char *const *v)
{
    writing *w = ctx;
    if (ncols < 2 || !v[0])
        return 0;
    for (size_t i = 0; i < w->nkw; i++)
        if (!strcmp(w->kw[i].key, v[0]))
            w->kw[i].version = v[1] ? atol(v[1]) : 0;
    return 0;
}

typedef struct loading {
    writing *w;
    kcache *k;
} loading;

static int on_loaded(void *ctx, int ncols, const char *const *v)
{
    loading *l = ctx;
    ev_row r;
    if (ev_from_cols(&r, v, ncols, &l->k->arena) || cache_push(l->w->s, l->k, &r, 0))
        return l->w->oom = 1;
    return 0;
}

static void date_of(long day, char out[11])
{
    sr_date d;
    sr_civil_from_days(day, &d);
    sr_date_format(&d, out);
}

/* 2a. Each key's events within LOAD days of its new ones, in memory. */
static sr_status load_keys(writing *w, sr_error *err)
{
    params *p = &w->p;
    par_clear(p);
    for (size_t i = 0; i < w->nkw; i++)
        par_put(p, w->kw[i].key);
    sr_status st = p->oom ? SR_ERR_NOMEM : sr_exec_rows(w->s, K_KEY_VERSION, p->v, w->nkw, on_version, w, err);
    for (size_t i = 0; !st && i < w->nkw; i++) {
        kwork *kw = &w->kw[i];
        kcache *k = kw->k = cache_get(w->s, kw->key);
        if (!k)
            return sr_fail(err, SR_ERR_NOMEM, w->s->db->where, 0, "out of memory");
        if (k->version != kw->version) {
            cache_reset(w->s, k);
            k->version = kw->version;
        }
        /* the needed days not covered yet */
        par_clear(p);
        size_t rows = 0;
        for (size_t q = 0; q < kw->nneed; q++) {
            long lo = kw->need[q].lo;
            for (size_t c = 0; c <= k->ncover && lo <= kw->need[q].hi; c++) {
                long hi = c < k->ncover ? k->cover[c].lo - 1 : kw->need[q].hi;
                if (hi > kw->need[q].hi)
                    hi = kw->need[q].hi;
                if (c < k->ncover && k->cover[c].hi < lo)
                    continue;
                if (hi >= lo) {
                    char *ls = sr_arena_alloc(w->a, 11), *hs = sr_arena_alloc(w->a, 11);
                    if (!ls || !hs)
                        return sr_fail(err, SR_ERR_NOMEM, w->s->db->where, 0, "out of memory");
                    date_of(lo, ls);
                    date_of(hi, hs);
                    par_put(p, kw->key);
                    par_put(p, ls);
                    par_put(p, hs);
                    rows++;
                }
                if (c < k->ncover)
                    lo = k->cover[c].hi + 1;
            }
        }
        loading l = {w, k};
        st = p->oom ? SR_ERR_NOMEM : sr_exec_rows(w->s, K_LOAD_WINDOW, p->v, rows, on_loaded, &l, err);
        for (size_t q = 0; !st && q < kw->nneed; q++)
            if (cover_add(k, kw->need[q].lo, kw->need[q].hi))
                w->oom = 1;
        if (!st && w->oom)
            st = SR_ERR_NOMEM;
    }
    if (st == SR_ERR_NOMEM)
        return sr_fail(err, SR_ERR_NOMEM, w->s->db->where, 0, "out of memory");
    return st;
}

static void put_merged(params *p, const merged_row *m, long now)
{
    const ev_row *r = &m->r;
    /* the row may live on the caller's stack: its id is copied */
    const char *id = sr_arena_strdup(p->a, r->merged);
    p->oom |= !id;
    par_put(p, id);
    par_put(p, r->date);
    par_int(p, r->tp);
    par_put(p, r->cameo);
    par_int(p, r->quad);
    par_put(p, r->a1);
    par_put(p, r->a1c);
    par_put(p, r->a2);
    par_put(p, r->a2c);
    par_put(p, r->loc);
    par_put(p, r->admin1);
    par_put(p, r->cc);
    if (r->has_coords) {
        par_num(p, r->lat);
        par_num(p, r->lon);
    } else {
        par_put(p, NULL);
        par_put(p, NULL);
    }
    if (r->loc)
        par_int(p, r->gp);
    else
        par_put(p, NULL);
    if (r->fat >= 0)
        par_int(p, r->fat);
    else
        par_put(p, NULL);
    par_int(p, m->n_sources);
    par_int(p, r->mentions);
    par_put(p, m->sources);
    par_put(p, m->articles);
    par_put(p, m->notes);
    par_put(p, r->type);
    par_put(p, r->sub);
    par_int(p, now);
}

/* Territorial control from a change of hands at a place named to the
 * town: whoever actor1 is took the place (by force, or handed over or
 * left to it), and actor2 held it before. Returns 0 when the merged event
 * says nothing about control. */
static int put_control(params *p, const merged_row *m)
{
    const ev_row *r = &m->r;
    if (!sr_is_territory(r->sub) || !r->loc || r->gp != 1 || !r->date)
        return 0;
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(r->loc, strlen(r->loc), key);
    key[kn] = 0;
    const char *k = sr_arena_strdup(p->a, key), *id = sr_arena_strdup(p->a, r->merged);
    p->oom |= !k || !id;
    par_put(p, id);
    par_put(p, k);
    par_put(p, r->loc);
    par_put(p, r->admin1);
    par_put(p, r->cc);
    if (r->has_coords) {
        par_num(p, r->lat);
        par_num(p, r->lon);
    } else {
        par_put(p, NULL);
        par_put(p, NULL);
    }
    par_put(p, r->a1);
    par_put(p, r->a1c);
    par_put(p, r->a2);
    par_put(p, r->a2c);
    par_put(p, r->date);
    par_put(p, r->sub);
    par_int(p, m->n_sources);
    par_put(p, m->notes);
    return 1;
}

static void put_event(params *p, const ev_row *r, const char *key)
{
    par_put(p, r->id);
    par_put(p, r->article);
    par_put(p, r->merged);
    par_int(p, r->seq);
    par_int(p, r->sentence);
    par_put(p, r->date);
    par_int(p, r->tp);
    par_put(p, r->type);
    par_put(p, r->sub);
    par_put(p, r->cameo);
    par_int(p, r->quad);
    par_put(p, r->a1);
    par_put(p, r->a1c);
    par_put(p, r->a2);
    par_put(p, r->a2c);
    par_put(p, r->loc);
    par_put(p, r->admin1);
    par_put(p, r->cc);
    if (r->has_coords) {
        par_num(p, r->lat);
        par_num(p, r->lon);
    } else {
        par_put(p, NULL);
        par_put(p, NULL);
    }
    if (r->loc)
        par_int(p, r->gp);
    else
        par_put(p, NULL);
    if (r->fat >= 0)
        par_int(p, r->fat);
    else
        par_put(p, NULL);
    par_int(p, r->mentions);
    par_put(p, r->source);
    par_put(p, r->text);
    par_put(p, key);
}

typedef struct idref {
    const char *id;
    const ev_row *r;
} idref;


/* Folds the merged events in refs (sorted by merged id) and queues their
 * rows; merged ids in gone with no report left are deleted. */
static int queue_merged(writing *w, idref *refs, size_t n, const char **gone, size_t ngone)
{
    const ev_row **mem = sr_arena_alloc(w->a, (n + 1) * sizeof *mem);
    if (!mem)
        return -1;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && !strcmp(refs[j].id, refs[i].id))
            j++;
        for (size_t q = i; q < j; q++)
            mem[q - i] = refs[q].r;
        merged_row m;
        if (sr_merge_fold(mem, j - i, refs[i].id, &m, w->a))
            return -1;
        put_merged(&w->merged_put, &m, w->now);
        par_put(&w->control_drop, sr_arena_strdup(w->a, refs[i].id));
        put_control(&w->control, &m);
        i = j;
    }
    qsort(gone, ngone, sizeof *gone, cmp_cstr);
    for (size_t i = 0; i < ngone; i++) {
        if (i && !strcmp(gone[i], gone[i - 1]))
            continue;
        idref probe = {gone[i], NULL};
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(refs[mid].id, probe.id) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n && !strcmp(refs[lo].id, probe.id))
            continue;
        par_put(&w->merged_del, gone[i]);
        par_put(&w->control_drop, gone[i]);
    }
    return 0;
}

static int cmp_mev_day(const void *x, const void *y)
{
    const mev *a = *(const mev *const *)x, *b = *(const mev *const *)y;
    return a->day < b->day ? -1 : a->day > b->day;
}

/* The kept events within LOAD days of a new one and the new ones, by day
 * (the new ones placed by binary search: the kept ones are not read). */
static mev **events_around(writing *w, kwork *kw, size_t *nout)
{
    kcache *k = kw->k;
    mev **ev = sr_arena_alloc(w->a, (k->n + kw->ne + 1) * sizeof *ev);
    mev *fr = sr_arena_calloc(w->a, (kw->ne + 1) * sizeof *fr);
    mev **fp = sr_arena_alloc(w->a, (kw->ne + 1) * sizeof *fp);
    if (!ev || !fr || !fp || cache_order(k))
        return NULL;
    kw->fr = fr;
    kw->z.stamp = ++w->s->stamp;
    for (size_t i = 0; i < kw->ne; i++) {
        fr[i].r = *w->fresh[kw->e0 + i];
        fr[i].day = sr_day_number(fr[i].r.date);
        fr[i].strong = sr_merge_strong(&fr[i].r);
        fp[i] = &fr[i];
        if (sr_zone_add(&kw->z, &fr[i]))
            return NULL;
    }
    qsort(fp, kw->ne, sizeof *fp, cmp_mev_day);
    size_t n = 0, f = 0;
    for (size_t q = 0; q < kw->nneed; q++) {
        size_t lo = 0, hi = k->n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (k->ev[k->order[mid]].day < kw->need[q].lo)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo, top = k->n;
        while (end < top) {
            size_t mid = (end + top) / 2;
            if (k->ev[k->order[mid]].day <= kw->need[q].hi)
                end = mid + 1;
            else
                top = mid;
        }
        /* the new events of this span, each after the kept ones of its day */
        size_t i = lo;
        while (f < kw->ne && fp[f]->day <= kw->need[q].hi) {
            size_t a = i, b = end;
            while (a < b) {
                size_t mid = (a + b) / 2;
                if (k->ev[k->order[mid]].day <= fp[f]->day)
                    a = mid + 1;
                else
                    b = mid;
            }
            for (; i < a; i++)
                ev[n++] = &k->ev[k->order[i]];
            ev[n++] = fp[f++];
        }
        for (; i < end; i++)
            ev[n++] = &k->ev[k->order[i]];
    }
    *nout = n;
    return ev;
}

/* A merged event that gains or loses a report, and a day near it. */
typedef struct tid {
    const char *id;
    long day;
} tid;

static int cmp_tid(const void *x, const void *y)
{
    const tid *a = x, *b = y;
    int c = strcmp(a->id, b->id);
    return c ? c : (a->day > b->day) - (a->day < b->day);
}

static int cmp_idref_ptr(const void *x, const void *y)
{
    const idref *a = x, *b = y;
    int c = strcmp(a->id, b->id);
    if (c)
        return c;
    return (a->r > b->r) - (a->r < b->r);
}

/* 2b. One key: decide, fold, queue the rows. New events are those with
 * no merged event stored (r.merged ""). */
static int merge_key(writing *w, kwork *kw)
{
    size_t n;
    mev **ev = events_around(w, kw, &n);
    if (!ev)
        return -1;
    sr_merge_assign(ev, n, &kw->z, w->a, &w->oom);
    if (w->oom)
        return -1;
    mzone *z = &kw->z;
    /* merged events that gained or lost a report */
    const char **gone = sr_arena_alloc(w->a, (z->n + 1) * sizeof *gone);
    tid *touched = sr_arena_alloc(w->a, (2 * z->n + 1) * sizeof *touched);
    if (!gone || !touched)
        return -1;
    size_t ngone = 0, nt = 0;
    for (size_t i = 0; i < z->n; i++) {
        mev *e = z->v[i];
        int fresh = !e->r.merged[0];
        if (!fresh && !strcmp(e->next, e->r.merged))
            continue;
        touched[nt++] = (tid){e->next, e->day};
        if (!fresh) {
            touched[nt++] = (tid){e->r.merged, e->day};
            gone[ngone++] = e->r.merged;
            par_put(&w->moves, e->r.id);
            par_put(&w->moves, e->next);
        }
    }
    qsort(touched, nt, sizeof *touched, cmp_tid);
    /* their reports: those of the zone by their new merged event, the
     * others (within four days of a report that moved) by the stored one */
    size_t cap = z->n + 16, nrefs = 0;
    idref *refs = malloc(cap * sizeof *refs);
    if (!refs)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < z->n; i++) {
        tid probe = {z->v[i]->next, LONG_MIN};
        size_t lo = 0, hi = nt;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(touched[mid].id, probe.id) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < nt && !strcmp(touched[lo].id, probe.id))
            refs[nrefs++] = (idref){z->v[i]->next, &z->v[i]->r};
    }
    for (size_t t = 0; t < nt && !rc; t++) {
        if (t && !strcmp(touched[t].id, touched[t - 1].id) && touched[t].day == touched[t - 1].day)
            continue;
        size_t lo, hi, a = 0, b = n;
        while (a < b) {
            size_t mid = (a + b) / 2;
            if (ev[mid]->day < touched[t].day - 4)
                a = mid + 1;
            else
                b = mid;
        }
        lo = hi = a;
        while (hi < n && ev[hi]->day <= touched[t].day + 4)
            hi++;
        for (size_t k = lo; k < hi; k++) {
            mev *x = ev[k];
            if (x->zone == z->stamp || strcmp(x->r.merged, touched[t].id))
                continue;
            if (nrefs == cap) {
                cap *= 2;
                idref *nv = realloc(refs, cap * sizeof *nv);
                if (!nv) {
                    rc = -1;
                    break;
                }
                refs = nv;
            }
            refs[nrefs++] = (idref){x->r.merged, &x->r};
        }
    }
    if (!rc) {
        /* a report found from two days near it counts once */
        qsort(refs, nrefs, sizeof *refs, cmp_idref_ptr);
        size_t u = 0;
        for (size_t i = 0; i < nrefs; i++)
            if (!u || refs[u - 1].r != refs[i].r || strcmp(refs[u - 1].id, refs[i].id))
                refs[u++] = refs[i];
        nrefs = u;
        rc = queue_merged(w, refs, nrefs, gone, ngone);
    }
    free(refs);
    /* the new events' rows say which merged event they report */
    for (size_t i = 0; i < kw->ne; i++)
        snprintf(w->fresh[kw->e0 + i]->merged, sizeof w->fresh[0]->merged, "%s", kw->fr[i].next);
    return rc;
}

static int on_bumped(void *ctx, int ncols, const char *const *v)
{
    writing *w = ctx;
    if (ncols < 2 || !v[0])
        return 0;
    for (size_t i = 0; i < w->nkw; i++)
        if (!strcmp(w->kw[i].key, v[0]))
            w->kw[i].version = v[1] ? atol(v[1]) : 0;
    return 0;
}

/* 3. The rows, in the order their references need. */
static sr_status write_rows(writing *w, sr_error *err)
{
    sr_store *s = w->s;
    params *p = &w->p;
    par_clear(p);
    for (size_t i = 0; i < w->nfresh; i++) {
        ev_row *r = w->fresh[i];
        r->seq = ++w->seq;
        put_event(p, r, "");
    }
    /* the merge key of each new event (the rows above hold "") */
    for (size_t i = 0; i < w->nkw; i++)
        for (size_t q = w->kw[i].e0; q < w->kw[i].e0 + w->kw[i].ne; q++)
            p->v[q * 26 + 25] = w->kw[i].key;
    if (p->oom || w->merged_put.oom || w->control.oom || w->moves.oom || w->merged_del.oom ||
        w->control_drop.oom)
        return sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    sr_status st = sr_exec_rows(s, K_CONTROL_DROP, w->control_drop.v, w->control_drop.n, NULL, NULL, err);
    if (!st)
        st = sr_exec_rows(s, K_MERGED_PUT, w->merged_put.v, w->merged_put.n / 24, NULL, NULL, err);
    if (!st)
        st = sr_exec_rows(s, K_EVENT, p->v, w->nfresh, NULL, NULL, err);
    if (!st)
        st = sr_exec_rows(s, K_EVENT_MOVE, w->moves.v, w->moves.n / 2, NULL, NULL, err);
    if (!st)
        st = sr_exec_rows(s, K_MERGED_DEL, w->merged_del.v, w->merged_del.n, NULL, NULL, err);
    if (!st)
        st = sr_exec_rows(s, K_CONTROL, w->control.v, w->control.n / 15, NULL, NULL, err);
    par_clear(p);
    for (size_t i = 0; i < w->nkw; i++)
        par_put(p, w->kw[i].key);
    if (!st)
        st = p->oom ? SR_ERR_NOMEM : sr_exec_rows(s, K_KEY_BUMP, p->v, w->nkw, on_bumped, w, err);
    return st;
}

/* Events without a key in this slice: a merged event each. */
static int queue_unkeyed(writing *w)
{
    for (size_t i = 0; i < w->nfresh; i++) {
        ev_row *r = w->fresh[i];
        if (r->merged[0] != 'm' || strcmp(r->merged + 1, r->id))
            continue;
        const char *key = sr_merge_key(r, w->a);
        if (!key || *key)
            continue;
        merged_row m;
        const ev_row *one = r;
        if (sr_merge_fold(&one, 1, r->merged, &m, w->a))
            return -1;
        put_merged(&w->merged_put, &m, w->now);
    }
    return 0;
}

/* Once the slice is written: the cache says what the store says. */
static void cache_commit(writing *w)
{
    sr_store *s = w->s;
    for (size_t i = 0; i < w->nkw; i++) {
        kwork *kw = &w->kw[i];
        kcache *k = kw->k;
        for (size_t q = 0; q < kw->z.n; q++) {
            mev *e = kw->z.v[q];
            if (e->r.merged[0] && e->next[0])
                snprintf(e->r.merged, sizeof e->r.merged, "%s", e->next);
        }
        for (size_t q = kw->e0; q < kw->e0 + kw->ne; q++)
            if (cache_push(s, k, w->fresh[q], 1)) {
                cache_reset(s, k);
                kw->version = -1;
                break;
            }
        k->version = kw->version;
    }
    if (s->cached_events > CACHE_MAX)
        sr_store_cache_drop(s);
}

/* Writes articles a0..a1 (one attempt, inside the caller's savepoint).
 * On SR_OK the cache is updated by the caller through *wout. */
static sr_status write_staged(sr_store *s, sr_batch *b, size_t a0, size_t a1, writing *w, sr_error *err)
{
    w->s = s;
    w->b = b;
    w->now = (long)time(NULL);
    params *ps[] = {&w->p, &w->merged_put, &w->merged_del, &w->control_drop, &w->control, &w->events, &w->moves};
    for (size_t i = 0; i < sizeof ps / sizeof *ps; i++)
        ps[i]->a = w->a;
    sr_status st = put_articles(w, a0, a1, err);
    if (!st && (group_fresh(w, a0, a1) || w->oom))
        st = sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    if (!st)
        st = load_keys(w, err);
    /* seq tells the order events were stored in, for people reading the
     * table: microseconds since 1970 at the slice, then one by one (no
     * query for the largest, which every writer would need an index for) */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    w->seq = (long)ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
    for (size_t i = 0; !st && i < w->nkw; i++)
        if (merge_key(w, &w->kw[i]))
            st = sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    if (!st && queue_unkeyed(w))
        st = sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    if (!st)
        st = write_rows(w, err);
    return st;
}

static void writing_free(writing *w)
{
    for (size_t i = 0; w->kw && i < w->nkw; i++)
        free(w->kw[i].z.v);
    params *ps[] = {&w->p, &w->merged_put, &w->merged_del, &w->control_drop, &w->control, &w->events, &w->moves};
    for (size_t i = 0; i < sizeof ps / sizeof *ps; i++)
        par_free(ps[i]);
    free(w->inserted);
}

/* Refuses what no backend should be asked to store. */
static void refuse_early(sr_batch *b)
{
    for (size_t i = 0; i < b->nart; i++) {
        st_article *a = &b->art[i];
        free(a->why);
        a->why = NULL;
        a->st = SR_OK;
        size_t n = strlen(a->id);
        if (n > SR_MAX_ID_BYTES) {
            a->st = SR_ERR_REFUSED;
            char m[160];
            snprintf(m, sizeof m, "the id is %zu bytes long; the store takes ids of at most %d bytes", n,
                     SR_MAX_ID_BYTES);
            a->why = strdup(m);
        }
    }
}

/* Writes articles a0..a1. Careful, in a savepoint: all of them if it
 * can; when one refuses, each alone, so that one bad article costs only
 * itself, and an error is returned only when the store itself failed.
 * Not careful, without one (a savepoint makes SQLite copy every page the
 * slice touches, a third of the time of an ingest into a large store):
 * SR_ERR_REFUSED tells the caller to start again carefully. */
static sr_status write_slice(sr_store *s, sr_batch *b, size_t a0, size_t a1, int careful, sr_store_tally *t,
                             sr_error *err)
{
    sr_error e;
    sr_error_clear(&e);
    sr_arena arena;
    sr_arena_init(&arena, 64 * 1024);
    writing w;
    memset(&w, 0, sizeof w);
    w.a = &arena;
    sr_status st = careful ? sr_store_exec0(s, "SAVEPOINT slice", &e) : SR_OK;
    if (!st) {
        st = write_staged(s, b, a0, a1, &w, &e);
        if (!st && careful)
            st = sr_store_exec0(s, "RELEASE SAVEPOINT slice", &e);
        if (st && careful) {
            sr_error ignored;
            sr_store_exec0(s, "ROLLBACK TO SAVEPOINT slice", &ignored);
            sr_store_exec0(s, "RELEASE SAVEPOINT slice", &ignored);
        }
    }
    if (!st)
        cache_commit(&w);
    writing_free(&w);
    sr_arena_free(&arena);
    if (!st) {
        for (size_t i = a0; i < a1; i++) {
            if (b->art[i].st)
                continue;
            if (b->art[i].fresh) {
                t->added++;
                t->events += b->art[i].nev;
            } else {
                t->same++;
            }
        }
        return SR_OK;
    }
    if (st != SR_ERR_REFUSED || !careful) {
        *err = e;
        return st;
    }
    if (a1 - a0 == 1) {
        b->art[a0].st = SR_ERR_REFUSED;
        b->art[a0].why = strdup(e.msg);
        return SR_OK;
    }
    for (size_t i = a0; i < a1; i++)
        if ((st = write_slice(s, b, i, i + 1, 1, t, err)))
            return st;
    return SR_OK;
}

/* The merge keys of the batch's events, as lock numbers, sorted. */
static int64_t *batch_locks(const sr_batch *b, size_t *n)
{
    sr_arena a;
    sr_arena_init(&a, 4096);
    int64_t *k = malloc((b->nev + 1) * sizeof *k);
    size_t m = 0;
    for (size_t i = 0; k && i < b->nev; i++) {
        const char *key = sr_merge_key(&b->ev[i], &a);
        if (key && *key)
            k[m++] = (int64_t)(sr_mix64(sr_hash64(key, strlen(key), SR_HASH_SEED)) >> 1);
        sr_arena_reset(&a);
    }
    sr_arena_free(&a);
    if (k) {
        qsort(k, m, sizeof *k, cmp_i64);
        size_t u = 0;
        for (size_t i = 0; i < m; i++)
            if (!u || k[u - 1] != k[i])
                k[u++] = k[i];
        m = u;
    }
    *n = m;
    return k;
}

/* Backoff before running a transaction again that lost to another
 * writer (a deadlock PostgreSQL broke, or a serialization failure). */
static void backoff(int attempt)
{
    struct timespec ts = {0, (long)(20 + 40 * attempt * attempt) * 1000000L};
    nanosleep(&ts, NULL);
}

static sr_status write_once(sr_store *s, sr_batch *b, const int64_t *locks, size_t nlocks, int careful,
                            sr_store_tally *t, sr_error *err)
{
    sr_status st = s->db->ops->begin_write(s->db, err);
    if (!st)
        st = s->db->ops->lock(s->db, locks, nlocks, err);
    for (size_t a0 = 0; !st && a0 < b->nart; a0 += SLICE)
        st = write_slice(s, b, a0, a0 + SLICE < b->nart ? a0 + SLICE : b->nart, careful, t, err);
    /* what was written is whole: committed even when an article was refused */
    if (!st)
        st = sr_store_exec0(s, "COMMIT", err);
    if (st) {
        sr_error ignored;
        sr_store_exec0(s, "ROLLBACK", &ignored);
        sr_store_cache_drop(s);
    }
    s->db->ops->after_write(s->db);
    return st;
}

sr_status sr_store_write(sr_store *s, sr_batch *b, sr_store_tally *tally, sr_error *err)
{
    sr_error_clear(err);
    sr_store_tally t = {.failed = -1};
    sr_status st = SR_OK;
    if (s->readonly)
        st = sr_fail(err, SR_ERR_INVALID, s->db->where, 0, "the store was opened for reading only");
    size_t nlocks = 0;
    int64_t *locks = st || !b->nart ? NULL : batch_locks(b, &nlocks);
    if (!st && b->nart && !locks)
        st = sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    /* at first without savepoints; once an article is refused, again with
     * one a slice (and one an article in the slice that refused) */
    int careful = 0;
    for (int attempt = 0; !st && b->nart; attempt++) {
        t = (sr_store_tally){.failed = -1};
        refuse_early(b);
        st = write_once(s, b, locks, nlocks, careful, &t, err);
        if (st == SR_ERR_REFUSED && !careful) {
            careful = 1;
        } else if (st == SR_ERR_CONFLICT && attempt < 8) {
            backoff(attempt);
        } else {
            break;
        }
        sr_error_clear(err);
        st = SR_OK;
    }
    free(locks);
    if (st) {
        t.added = t.same = t.events = 0;
    } else {
        for (size_t i = 0; i < b->nart; i++)
            if (b->art[i].st) {
                t.refused++;
                if (t.failed < 0)
                    t.failed = (long)i;
            }
    }
    if (tally)
        *tally = t;
    return st;
}

sr_status sr_store_add(sr_store *s, const sr_article *a, const sr_result *r, int *added, size_t *events, sr_error *err)
{
    sr_error_clear(err);
    *added = 0;
    *events = 0;
    if (!s->one && !(s->one = sr_batch_new()))
        return sr_fail(err, SR_ERR_NOMEM, s->db->where, 0, "out of memory");
    sr_batch_clear(s->one);
    sr_store_tally t;
    sr_status st = sr_batch_add(s->one, a, r, err);
    if (!st)
        st = sr_store_write(s, s->one, &t, err);
    if (!st && t.refused)
        st = sr_batch_result(s->one, 0, err);
    sr_batch_clear(s->one);
    if (!st) {
        *added = t.added > 0;
        *events = t.events;
    }
    return st;
}
