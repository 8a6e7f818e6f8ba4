/* Which reports are one happening, and what the merged event says.
 *
 * The answer depends only on the set of events stored, never on the order
 * in which articles arrived or on how many writers stored them: two
 * ingests of the same articles, shuffled, split among four processes or
 * not, give the same merged table. The rules (README, "Merging"):
 *
 * - Only events of one merge key can merge: the same ACLED type and
 *   sub-type in the same country. An event without a date or a place is
 *   never merged.
 * - A *strong* report is dated to the day, placed to the town (geo
 *   precision 1 or 2) and names its actor1. Strong reports of different
 *   articles merge when they fall on the same day, within 10 km (25 km
 *   when either is only near a place; the same name when either lacks
 *   coordinates), with the same actor1 and compatible actor2 (the same,
 *   or unnamed on one side; the sides may be swapped in armed clashes).
 *   Strong reports merge transitively, which is why the day must be the
 *   same: a one-day tolerance chained a month of daily strikes on one
 *   town into one event.
 * - A *weak* report (a date known to the week, a place known to the
 *   province, an unnamed actor1) joins the strong event it fits best,
 *   under the looser rules (dates a day apart, two when imprecise; the
 *   same province; either side unnamed), never one that holds a strong
 *   report of its own article. It never joins two strong events together.
 *   Weak reports that fit no strong event merge only with weak reports
 *   that say exactly the same (day, place, precision, actors).
 * - A merged event's id is "m" and the smallest event id among its strong
 *   reports (among all its reports when it has none). */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lang/dates.h"
#include "../text/placekey.h"
#include "../geo/resolve.h"
#include "../util/buf.h"
#include "../util/hash.h"
#include "store.h"

long sr_day_number(const char *iso)
{
    sr_date d;
    if (!iso || sr_date_parse_iso(iso, &d))
        return LONG_MIN;
    return sr_days_from_civil(d.y, d.m, d.d);
}

/* unnamed: no actor, or an unidentified armed group */
static int generic_actor(const char *code)
{
    size_t n = code ? strlen(code) : 0;
    return n == 0 || (n >= 3 && !strcmp(code + n - 3, "UAG"));
}

static int str_eq(const char *a, const char *b)
{
    return a && b && !strcmp(a, b);
}

static int actor_compat(const char *a, const char *b)
{
    return generic_actor(a) || generic_actor(b) || !strcmp(a, b);
}

int sr_merge_strong(const ev_row *r)
{
    return r->date && r->tp == 1 && r->loc && (r->gp == 1 || r->gp == 2) && !generic_actor(r->a1c);
}

const char *sr_merge_key(const ev_row *r, sr_arena *a)
{
    if (!r->loc || sr_day_number(r->date) == LONG_MIN)
        return "";
    /* a hash of type, sub-type and country: short in every index entry */
    char cc[3] = {0};
    if (r->cc)
        for (int i = 0; i < 2 && r->cc[i]; i++)
            cc[i] = (char)toupper((unsigned char)r->cc[i]);
    uint64_t h = sr_hash64(r->type, strlen(r->type), SR_HASH_SEED);
    h = sr_hash64("|", 1, h);
    h = sr_hash64(r->sub, strlen(r->sub), h);
    h = sr_hash64("|", 1, h);
    h = sr_hash64(cc, strlen(cc), h);
    char *k = sr_arena_alloc(a, 17);
    if (!k)
        return NULL;
    snprintf(k, 17, "%016llx", (unsigned long long)h);
    return k;
}

int sr_is_territory(const char *sub)
{
    return !strcmp(sub, "Government regains territory") || !strcmp(sub, "Non-state actor overtakes territory") ||
           !strcmp(sub, "Non-violent transfer of territory");
}

static int same_name_key(const char *a, const char *b)
{
    char ka[SR_KEY_MAX], kb[SR_KEY_MAX];
    size_t na = sr_place_key(a, strlen(a), ka), nb = sr_place_key(b, strlen(b), kb);
    return na && na == nb && !memcmp(ka, kb, na);
}

/* Places close enough to be one, and how far apart they are. */
static int near_places(const ev_row *e, const ev_row *f, double *km)
{
    *km = 0;
    if (e->has_coords && f->has_coords) {
        /* a quarter of a degree of latitude is 28 km: farther than any
         * merge, told without trigonometry */
        if (fabs(e->lat - f->lat) > 0.25)
            return 0;
        *km = sr_km(e->lat, e->lon, f->lat, f->lon);
        return *km <= ((e->gp <= 1 && f->gp <= 1) ? 10.0 : 25.0);
    }
    return same_name_key(e->loc, f->loc);
}

static int one_side(const ev_row *e, const ev_row *f)
{
    if (str_eq(e->a1c, f->a1c) && actor_compat(e->a2c, f->a2c))
        return 1;
    return !strcmp(e->sub, "Armed clash") && str_eq(e->a1c, f->a2c) && actor_compat(e->a2c, f->a1c);
}

static int strong_edge(const mev *e, const mev *f)
{
    double km;
    if (e->day != f->day)
        return 0;
    /* far apart: told before any string is compared (near_places says the same) */
    if (e->r.has_coords && f->r.has_coords && fabs(e->r.lat - f->r.lat) > 0.25)
        return 0;
    return one_side(&e->r, &f->r) && !str_eq(e->r.article, f->r.article) && near_places(&e->r, &f->r, &km);
}

/* Does weak report w fit strong report s, and how well (lower is better)? */
static int weak_fits(const mev *w, const mev *s, double *score)
{
    long dd = labs(w->day - s->day);
    if (dd > ((w->r.tp == 1 && s->r.tp == 1) ? 1 : 2) || str_eq(w->r.article, s->r.article))
        return 0;
    const ev_row *e = &w->r, *m = &s->r;
    double km = 0;
    if (e->gp >= 3 || m->gp >= 3) {
        if (!e->admin1 || !m->admin1 || strcasecmp(e->admin1, m->admin1))
            return 0;
    } else if (!near_places(e, m, &km)) {
        return 0;
    }
    int straight = actor_compat(e->a1c, m->a1c) && actor_compat(e->a2c, m->a2c);
    int swapped = !strcmp(e->sub, "Armed clash") && actor_compat(e->a1c, m->a2c) && actor_compat(e->a2c, m->a1c);
    if (!straight && !swapped)
        return 0;
    /* the nearest in time, then in space */
    *score = (double)dd * 100 + km;
    return 1;
}

/* ---- what each report merges with, decided again around new ones ----------
 *
 * The merged events around a batch's new reports are decided again, and
 * only those: a new strong report can join strong events of its own day,
 * and take weak reports within two days from where they were; a weak one
 * joins the strong event it fits best, or its like among the weak. The
 * zone of events decided again is closed over merged events: when one
 * report of a merged event is in it, all are. Outside it nothing can
 * change (every change starts from a new report), so deciding the zone
 * alone gives what deciding everything would: the result depends on the
 * set of reports only, and the work on what the batch brings, not on the
 * size of the store. */

static size_t root(size_t *up, size_t i)
{
    while (up[i] != i)
        i = up[i] = up[up[i]];
    return i;
}

static int is_new(const mev *e)
{
    return !e->r.merged[0];
}

static int in_zone(const mzone *z, const mev *e)
{
    return e->zone == z->stamp;
}

int sr_zone_add(mzone *z, mev *e)
{
    if (e->zone == z->stamp)
        return 0;
    if (z->n == z->cap) {
        size_t nc = z->cap ? z->cap * 2 : 256;
        mev **nv = realloc(z->v, nc * sizeof *nv);
        if (!nv)
            return -1;
        z->v = nv;
        z->cap = nc;
    }
    e->zone = z->stamp;
    e->next[0] = 0;
    z->v[z->n++] = e;
    return 0;
}

/* the merged event a report is part of now */
static const char *cid(const mzone *z, const mev *e)
{
    return in_zone(z, e) && e->next[0] ? e->next : e->r.merged;
}

/* ev[*lo..*hi): the events of days d0..d1 (ev is in order of day) */
static void days(mev **ev, size_t n, long d0, long d1, size_t *lo, size_t *hi)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (ev[m]->day < d0)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    b = n;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (ev[m]->day <= d1)
            a = m + 1;
        else
            b = m;
    }
    *hi = a;
}

/* A merged event that may change, and the days its reports lie in. */
typedef struct zid {
    const char *id;
    long lo, hi;
} zid;

static int cmp_zid(const void *x, const void *y)
{
    return strcmp(((const zid *)x)->id, ((const zid *)y)->id);
}


/* Which events the new ones may change, added to the zone: what a new
 * strong report joins or takes away, closed over merged events (a strong
 * event's reports lie within two days of its day, so within four of a
 * weak report of it). */
static int mark_zone(mev **ev, size_t n, mzone *z)
{
    zid *ids = NULL;
    size_t nid = 0, cap = 0, nnew = z->n;
    int rc = 0;
    for (size_t i = 0; i < nnew && !rc; i++) {
        const mev *s = z->v[i];
        if (!s->strong)
            continue;
        size_t lo, hi;
        days(ev, n, s->day - 2, s->day + 2, &lo, &hi);
        for (size_t k = lo; k < hi && !rc; k++) {
            mev *x = ev[k];
            double sc;
            if (is_new(x) || !(x->strong ? strong_edge(s, x) : weak_fits(x, s, &sc)))
                continue;
            if (nid == cap) {
                cap = cap ? cap * 2 : 64;
                zid *nv = realloc(ids, cap * sizeof *nv);
                if (!nv) {
                    rc = -1;
                    break;
                }
                ids = nv;
            }
            ids[nid++] = (zid){x->r.merged, x->day - (x->strong ? 2 : 4), x->day + (x->strong ? 2 : 4)};
        }
    }
    if (!rc && nid)
        qsort(ids, nid, sizeof *ids, cmp_zid);
    for (size_t i = 0; i < nid && !rc; i++) {
        if (i && !strcmp(ids[i].id, ids[i - 1].id) && ids[i].lo == ids[i - 1].lo)
            continue;
        size_t lo, hi;
        days(ev, n, ids[i].lo, ids[i].hi, &lo, &hi);
        for (size_t k = lo; k < hi && !rc; k++)
            if (!is_new(ev[k]) && !strcmp(ev[k]->r.merged, ids[i].id))
                rc = sr_zone_add(z, ev[k]);
    }
    free(ids);
    return rc;
}

static int cmp_day_id(const void *x, const void *y)
{
    const mev *a = *(const mev *const *)x, *b = *(const mev *const *)y;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return strcmp(a->r.id, b->r.id);
}

/* Strong reports of the zone, day by day: joined when one is new and
 * they fit (old ones stay with their merged event); next[] = "m" + the
 * smallest id. */
static int join_strong(mzone *z)
{
    mev **st = malloc((z->n + 1) * sizeof *st);
    size_t *up = malloc((z->n + 1) * sizeof *up);
    if (!st || !up) {
        free(st);
        free(up);
        return -1;
    }
    size_t ns = 0;
    for (size_t i = 0; i < z->n; i++)
        if (z->v[i]->strong)
            st[ns++] = z->v[i];
    qsort(st, ns, sizeof *st, cmp_day_id);
    for (size_t i = 0; i < ns;) {
        size_t j = i;
        while (j < ns && st[j]->day == st[i]->day)
            j++;
        for (size_t k = i; k < j; k++)
            up[k] = k;
        for (size_t a = i; a < j; a++)
            for (size_t b = a + 1; b < j; b++) {
                int join = (is_new(st[a]) || is_new(st[b])) ? strong_edge(st[a], st[b])
                                                            : !strcmp(st[a]->r.merged, st[b]->r.merged);
                if (!join)
                    continue;
                size_t ra = root(up, a), rb = root(up, b);
                if (ra < rb)
                    up[rb] = ra;
                else if (rb < ra)
                    up[ra] = rb;
            }
        /* in order of id: a set's root is its smallest member */
        for (size_t k = i; k < j; k++)
            snprintf(st[k]->next, sizeof st[k]->next, "m%s", st[root(up, k)]->r.id);
        i = j;
    }
    free(st);
    free(up);
    return 0;
}

/* Does the merged event `id` hold a strong report of the article? */
static int holds_article(const mzone *z, mev **ev, size_t lo, size_t hi, const char *id, const char *article)
{
    for (size_t k = lo; k < hi; k++)
        if (ev[k]->strong && str_eq(ev[k]->r.article, article) && !strcmp(cid(z, ev[k]), id))
            return 1;
    return 0;
}

/* The strong event weak report w fits best (the nearest, then the
 * smallest id), never one holding a strong report of w's own article;
 * NULL when none. */
static const mev *best_strong(const mzone *z, mev **ev, size_t n, const mev *w)
{
    size_t lo, hi;
    days(ev, n, w->day - 2, w->day + 2, &lo, &hi);
    const mev *best = NULL;
    double bs = 1e300;
    for (size_t k = lo; k < hi; k++) {
        const mev *x = ev[k];
        double sc;
        if (!x->strong || !weak_fits(w, x, &sc))
            continue;
        if (sc < bs || (sc == bs && strcmp(x->r.id, best->r.id) < 0)) {
            if (holds_article(z, ev, lo, hi, cid(z, x), w->r.article))
                continue;
            bs = sc;
            best = x;
        }
    }
    return best;
}

/* What weak reports that fit no strong event must share to merge. */
static const char *weak_class(const mev *w, sr_arena *a)
{
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(w->r.loc, strlen(w->r.loc), key);
    key[kn] = 0;
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_printf(&b, "%ld|%d|%d|%s|%s|%s|%s", w->day, w->r.tp, w->r.gp, key, w->r.admin1 ? w->r.admin1 : "",
                  w->r.a1c ? w->r.a1c : "", w->r.a2c ? w->r.a2c : "");
    for (char *c = b.p; c && *c; c++)
        *c = (char)tolower((unsigned char)*c);
    const char *out = b.oom ? NULL : sr_arena_strdup(a, sr_buf_cstr(&b));
    sr_buf_free(&b);
    return out;
}

/* The hash of w's class, computed once while the report is kept (what a
 * stored report says never changes); never 0. */
static uint64_t weak_hash(mev *w, sr_arena *a)
{
    if (!w->wclass) {
        const char *k = weak_class(w, a);
        if (!k)
            return 0;
        w->wclass = sr_hash64(k, strlen(k), SR_HASH_SEED) | 1;
    }
    return w->wclass;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

typedef struct wcls {
    const char *key;
    mev *w;
} wcls;

static int cmp_wcls(const void *x, const void *y)
{
    const wcls *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    return c ? c : strcmp(a->w->r.id, b->w->r.id);
}

/* Is the old weak report w in a merged event of weak reports only? */
static int unattached(const mzone *z, mev **ev, size_t n, const mev *w)
{
    size_t lo, hi;
    days(ev, n, w->day - 2, w->day + 2, &lo, &hi);
    for (size_t k = lo; k < hi; k++)
        if (ev[k]->strong && !strcmp(cid(z, ev[k]), w->r.merged))
            return 0;
    return 1;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int cmp_long(const void *x, const void *y)
{
    long a = *(const long *)x, b = *(const long *)y;
    return (a > b) - (a < b);
}

/* Weak reports of the zone that fit no strong event, with the old ones
 * of their days that fit none either, grouped by what they say. */
static int group_weak(mev **ev, size_t n, mzone *z, wcls **clp, size_t ncl, sr_arena *a)
{
    long *dv = malloc((ncl + 1) * sizeof *dv);
    uint64_t *hv = malloc((ncl + 1) * sizeof *hv);
    if (!dv || !hv) {
        free(dv);
        free(hv);
        return -1;
    }
    for (size_t i = 0; i < ncl; i++) {
        dv[i] = (*clp)[i].w->day;
        hv[i] = sr_hash64((*clp)[i].key, strlen((*clp)[i].key), SR_HASH_SEED) | 1;
    }
    qsort(dv, ncl, sizeof *dv, cmp_long);
    /* an old report of another class keeps its group: only those that say
     * what a report of the zone says are looked at (the days of a dense
     * store hold many, each a scan of five days to ask), told by the hash
     * of the class each kept report remembers, then by the class itself */
    qsort(hv, ncl, sizeof *hv, cmp_u64);
    size_t m = ncl, cap = ncl;
    int rc = 0;
    for (size_t d = 0; d < ncl && !rc; d++) {
        if (d && dv[d] == dv[d - 1])
            continue;
        size_t lo, hi;
        days(ev, n, dv[d], dv[d], &lo, &hi);
        for (size_t k = lo; k < hi && !rc; k++) {
            mev *w = ev[k];
            if (in_zone(z, w) || w->strong || is_new(w))
                continue;
            uint64_t h = weak_hash(w, a);
            if (!h) {
                rc = -1;
                break;
            }
            if (!bsearch(&h, hv, ncl, sizeof *hv, cmp_u64) || !unattached(z, ev, n, w))
                continue;
            const char *key = weak_class(w, a);
            if (!key) {
                rc = -1;
                break;
            }
            if (m == cap) {
                cap = cap * 2 + 16;
                wcls *nv = realloc(*clp, cap * sizeof *nv);
                if (!nv) {
                    rc = -1;
                    break;
                }
                *clp = nv;
            }
            if (sr_zone_add(z, w)) {
                rc = -1;
                break;
            }
            (*clp)[m].key = key;
            (*clp)[m++].w = w;
        }
    }
    free(dv);
    free(hv);
    if (rc)
        return -1;
    wcls *cl = *clp;
    qsort(cl, m, sizeof *cl, cmp_wcls);
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && !strcmp(cl[j].key, cl[i].key))
            j++;
        for (size_t k = i; k < j; k++)
            snprintf(cl[k].w->next, sizeof cl[k].w->next, "m%s", cl[i].w->r.id);
        i = j;
    }
    return 0;
}

void sr_merge_assign(mev **ev, size_t n, mzone *z, sr_arena *a, int *oom)
{
    if (mark_zone(ev, n, z) || join_strong(z)) {
        *oom = 1;
        return;
    }
    wcls *cl = malloc((z->n + 1) * sizeof *cl);
    if (!cl) {
        *oom = 1;
        return;
    }
    /* weak reports of the zone, each to the strong event it fits best */
    size_t ncl = 0, nz = z->n;
    for (size_t i = 0; i < nz; i++) {
        mev *w = z->v[i];
        if (w->strong)
            continue;
        const mev *best = best_strong(z, ev, n, w);
        if (best) {
            snprintf(w->next, sizeof w->next, "%s", cid(z, best));
            continue;
        }
        cl[ncl].key = weak_class(w, a);
        cl[ncl++].w = w;
        if (!cl[ncl - 1].key)
            *oom = 1;
    }
    if (!*oom && ncl && group_weak(ev, n, z, &cl, ncl, a))
        *oom = 1;
    free(cl);
}

/* ---- a merged event's values ---------------------------------------------- */

/* The order in which reports speak for the merged event: strong first,
 * then the more precise date and place, then the smaller id. */
static int cmp_rank(const void *x, const void *y)
{
    const ev_row *a = *(const ev_row *const *)x, *b = *(const ev_row *const *)y;
    int sa = sr_merge_strong(a), sb = sr_merge_strong(b);
    if (sa != sb)
        return sb - sa;
    if (a->tp != b->tp)
        return a->tp - b->tp;
    int ga = a->gp ? a->gp : 9, gb = b->gp ? b->gp : 9;
    if (ga != gb)
        return ga - gb;
    return strcmp(a->id, b->id);
}

/* The distinct strings of v[0..n), sorted, joined by "; ". */
static char *join_sorted(const char **v, size_t n, sr_arena *a, int *count)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i] && *v[i])
            v[m++] = v[i];
    n = m;
    qsort(v, n, sizeof *v, cmp_str);
    sr_buf b;
    sr_buf_init(&b);
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && !strcmp(v[i - 1], v[i]))
            continue;
        if (k++)
            sr_buf_puts(&b, "; ");
        sr_buf_puts(&b, v[i]);
    }
    char *out = b.oom ? NULL : k ? sr_arena_strdup(a, sr_buf_cstr(&b)) : (char *)"";
    sr_buf_free(&b);
    if (count)
        *count = k;
    return out;
}

int sr_merge_fold(const ev_row *const *members, size_t n, const char *id, merged_row *out, sr_arena *a)
{
    memset(out, 0, sizeof *out);
    if (!n)
        return -1;
    const ev_row **m = malloc(n * sizeof *m);
    const char **s = malloc(n * sizeof *s);
    if (!m || !s) {
        free(m);
        free(s);
        return -1;
    }
    memcpy(m, members, n * sizeof *m);
    qsort(m, n, sizeof *m, cmp_rank);
    const ev_row *first = m[0], *when = NULL, *where = NULL, *who1 = NULL, *who2 = NULL;
    long fat = -1;
    int mentions = 0;
    for (size_t i = 0; i < n; i++) {
        const ev_row *r = m[i];
        if (r->date && (!when || r->tp < when->tp || (r->tp == when->tp && strcmp(r->date, when->date) < 0)))
            when = r;
        int gr = r->loc ? r->gp : 9, gw = where ? where->gp : 9;
        if (r->loc && (!where || gr < gw || (gr == gw && r->has_coords && !where->has_coords)))
            where = r;
        if (r->a1 && (!who1 || (generic_actor(who1->a1c) && !generic_actor(r->a1c))))
            who1 = r;
        if (r->a2 && (!who2 || (generic_actor(who2->a2c) && !generic_actor(r->a2c))))
            who2 = r;
        if (r->fat >= 0 && (fat < 0 || r->fat < fat))
            fat = r->fat;
        mentions += r->mentions;
    }
    ev_row *o = &out->r;
    snprintf(o->merged, sizeof o->merged, "%s", id);
    o->type = first->type;
    o->sub = first->sub;
    o->cameo = first->cameo;
    o->quad = first->quad;
    o->date = when ? when->date : NULL;
    o->tp = when ? when->tp : 3;
    if (where) {
        o->loc = where->loc;
        o->admin1 = where->admin1;
        o->cc = where->cc;
        o->has_coords = where->has_coords;
        o->lat = where->lat;
        o->lon = where->lon;
        o->gp = where->gp;
    }
    o->a1 = who1 ? who1->a1 : NULL;
    o->a1c = who1 ? who1->a1c : NULL;
    o->a2 = who2 ? who2->a2 : NULL;
    o->a2c = who2 ? who2->a2c : NULL;
    o->fat = fat;
    o->mentions = mentions;
    out->notes = (char *)first->text;
    for (size_t i = 0; i < n; i++)
        s[i] = m[i]->source;
    out->sources = join_sorted(s, n, a, NULL);
    for (size_t i = 0; i < n; i++)
        s[i] = m[i]->article;
    out->articles = join_sorted(s, n, a, &out->n_sources);
    free(m);
    free(s);
    if (!out->sources || !out->articles)
        return -1;
    if (!*out->sources)
        out->sources = NULL;
    return 0;
}
