#include "resolve.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../text/placekey.h"
#include "../text/text.h"


double sr_km(double la1, double lo1, double la2, double lo2)
{
    const double r = 6371.0, rad = 3.14159265358979323846 / 180.0;
    double a = sin((la2 - la1) * rad / 2), b = sin((lo2 - lo1) * rad / 2);
    double h = a * a + cos(la1 * rad) * cos(la2 * rad) * b * b;
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

/* A province's name without its administrative words, compass
 * adjectives as their nouns ("North Darfur" is GeoNames' "Northern
 * Darfur"), as a place key. */
static size_t admin_key(const char *s, char *key)
{
    char buf[256];
    size_t o = sr_admin_bare(s, 1, buf, sizeof buf);
    return sr_place_key(buf, o, key);
}

int sr_same_admin(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    char ka[SR_KEY_MAX], kb[SR_KEY_MAX];
    size_t na = admin_key(a, ka), nb = admin_key(b, kb);
    if (!na || !nb)
        return 0;
    if (na == nb)
        return !memcmp(ka, kb, na);
    /* "Rif Dimashq" and "Dimashq", "Al Anbar" and "Anbar" */
    const char *lng = na > nb ? ka : kb, *sht = na > nb ? kb : ka;
    size_t ls = na > nb ? na : nb, ss = na > nb ? nb : na;
    return ss >= 3 && !memcmp(lng + ls - ss, sht, ss);
}

static int cc_listed(const char *ccs, const char *cc)
{
    for (; ccs[0] && ccs[1]; ccs += 2)
        if (ccs[0] == cc[0] && ccs[1] == cc[1])
            return 1;
    return 0;
}

static double score_of(const sr_geo_hint *h, const char *cc, const char *admin1, double lat, double lon, int kind,
                       unsigned pop, int curated)
{
    double sc = 0;
    if (h && h->focus_cc && cc && !strncmp(h->focus_cc, cc, 2))
        sc += 4;
    if (h && h->admin && admin1) {
        /* "Rawdah in Deir ez-Zor province": a Rawdah elsewhere is another */
        if (sr_same_admin(h->admin, admin1))
            sc += 3;
        else
            sc -= 20;
    }
    if (h && h->has_near) {
        double km = sr_km(h->near_lat, h->near_lon, lat, lon);
        sc -= km > 450 ? 3 : km / 150.0;
    }
    if (h && h->want_admin)
        sc += kind == PK_ADMIN1 ? 3 : -1;
    else if (kind == PK_ADMIN1 || kind == PK_ADMIN2)
        sc -= 0.5;
    if (curated)
        sc += 1.5;
    if (kind == PK_CITY)
        sc += 0.5;
    sc += 0.3 * log10((double)pop + 10.0);
    return sc;
}

/* A candidate: from places.tsv (gaz = 0) or the gazetteer (gaz = 1). */
typedef struct cand {
    uint32_t id;
    uint8_t gaz, similar, exact;
    uint8_t literal; /* the very letters, case and marks aside: "Moscow" is not "Moscu" */
} cand;

#define CACHE_SLOTS 2048
#define CACHE_CANDS 96

/* Two slots a name may sit in, the one used longer ago given up: a
 * direct-mapped table let two names of one story evict each other at
 * every mention (1,263 gathers again on the 25 MB bench sample, for 102
 * names). */
struct sr_geo_cache {
    struct centry {
        uint64_t hash;
        uint32_t last;  /* the cache's clock when last used */
        uint16_t n;     /* candidates kept */
        uint8_t full;   /* more than CACHE_CANDS: not cached */
        uint8_t used;
        char name[48];
        cand c[CACHE_CANDS];
    } e[CACHE_SLOTS];
    uint32_t clock;
};

sr_geo_cache *sr_geo_cache_new(void)
{
    return calloc(1, sizeof(sr_geo_cache));
}

void sr_geo_cache_free(sr_geo_cache *c)
{
    free(c);
}

/* Lower-case letters and digits of a name, marks stripped. */
static size_t plain(const char *s, size_t n, char *out, size_t cap)
{
    char tmp[SR_KEY_MAX * 2];
    size_t k = sr_norm_word(s, n, tmp, sizeof tmp), o = 0;
    for (size_t i = 0; i < k && o + 1 < cap; i++)
        if ((tmp[i] >= 'a' && tmp[i] <= 'z') || (tmp[i] >= '0' && tmp[i] <= '9') || (unsigned char)tmp[i] >= 0x80)
            out[o++] = tmp[i];
    out[o] = 0;
    return o;
}

/* Every place whose key is the name's, with how well the spelling agrees. */
static size_t gather(const sr_dicts *d, const sr_gazetteer *g, const char *name, size_t n, cand *out, size_t max,
                     size_t *kn_out)
{
    uint32_t ids[512];
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(name, n, key);
    *kn_out = kn;
    if (!kn)
        return 0;
    char fq[SR_KEY_MAX];
    size_t fqn = sr_place_fold(name, n, fq);
    char pq[SR_KEY_MAX * 2];
    size_t pqn = plain(name, n, pq, sizeof pq);
    size_t m = 0;
    const char *spell[512];
    size_t k = sr_dicts_place_lookup(d, name, n, ids, spell, 512);
    for (size_t i = 0; i < k && i < 512; i++) {
        /* the spelling agrees with the name or the alias that matched */
        int similar = sr_place_similar_to(key, kn, fq, fqn, spell[i], strlen(spell[i]));
        char fs[SR_KEY_MAX];
        size_t fsn = sr_place_fold(spell[i], strlen(spell[i]), fs);
        int exact = fsn == fqn && !memcmp(fs, fq, fqn);
        size_t j = 0;
        while (j < m && !(out[j].gaz == 0 && out[j].id == ids[i]))
            j++;
        if (j < m) { /* the same place through another of its spellings */
            out[j].similar |= (uint8_t)similar;
            out[j].exact |= (uint8_t)exact;
            continue;
        }
        if (m >= max)
            break;
        out[m].id = ids[i];
        out[m].gaz = 0;
        out[m].similar = (uint8_t)(similar || exact);
        out[m].exact = (uint8_t)exact;
        out[m].literal = 0;
        m++;
    }
    /* the key of a short name says little: the spelling must agree (as
     * for the gazetteer's below: "the Metina region" is no Muthanna) */
    if (kn < 4) {
        size_t j = 0;
        for (size_t i = 0; i < m; i++)
            if (out[i].similar)
                out[j++] = out[i];
        m = j;
    }
    if (g) {
        k = sr_gaz_lookup(g, name, n, ids, 512);
        for (size_t i = 0; i < k && i < 512 && m < max; i++) {
            const sr_gaz_rec *r = sr_gaz_rec_at(g, ids[i]);
            if (!r)
                continue;
            const char *rn = sr_gaz_str(g, r->name);
            char fb[SR_KEY_MAX];
            size_t fbn = sr_place_fold(rn, strlen(rn), fb);
            out[m].id = ids[i];
            out[m].gaz = 1;
            out[m].exact = (uint8_t)(fqn == fbn && !memcmp(fq, fb, fqn));
            char pb[SR_KEY_MAX * 2];
            size_t pbn = plain(rn, strlen(rn), pb, sizeof pb);
            out[m].literal = (uint8_t)(out[m].exact && pbn == pqn && !memcmp(pq, pb, pqn));
            out[m].similar = out[m].exact || (uint8_t)sr_place_similar_to(key, kn, fq, fqn, rn, strlen(rn));
            /* a short key with an unlike spelling is never used: drop it now;
             * a name of four letters or fewer only as it is spelt, letter
             * for letter ("Line" of "the Line of Control" is no "Loni",
             * "near Dir" no "Dyer", "Mar" no "Marr") */
            if ((kn < 4 && !out[m].similar) || (fqn <= 4 && !out[m].literal))
                continue;
            m++;
        }
    }
    return m;
}

int sr_geo_resolve(const sr_dicts *d, const sr_gazetteer *g, sr_geo_cache *cache, const char *name, size_t n,
                   const sr_geo_hint *h, sr_geo_hit *out)
{
    cand local[600];
    const cand *cs = local;
    size_t nc = 0, kn = 0;
    struct centry *ce = NULL;
    if (cache && n < sizeof ce->name) {
        uint64_t hh = 1469598103934665603ULL;
        for (size_t i = 0; i < n; i++)
            hh = (hh ^ (unsigned char)name[i]) * 1099511628211ULL;
        struct centry *two[2] = {&cache->e[hh % CACHE_SLOTS], &cache->e[(hh >> 32) % CACHE_SLOTS]};
        cache->clock++;
        for (int w = 0; w < 2; w++) {
            ce = two[w];
            if (ce->used && ce->hash == hh && !strncmp(ce->name, name, n) && !ce->name[n] && !ce->full) {
                ce->last = cache->clock;
                cs = ce->c;
                nc = ce->n;
                kn = 99; /* the gathered list already applied the short-key rule */
                goto score;
            }
        }
        ce = !two[0]->used || (two[1]->used && two[0]->last <= two[1]->last) ? two[0] : two[1];
        ce->last = cache->clock;
        nc = gather(d, g, name, n, local, sizeof local / sizeof local[0], &kn);
        ce->used = 1;
        ce->hash = hh;
        memcpy(ce->name, name, n);
        ce->name[n] = 0;
        ce->full = nc > CACHE_CANDS;
        ce->n = (uint16_t)(nc > CACHE_CANDS ? 0 : nc);
        if (!ce->full)
            memcpy(ce->c, local, nc * sizeof *local);
        /* the short-key threshold below needs the key length: keep it */
        if (!ce->full && kn < 4) {
            /* non-similar candidates are never used for short keys */
            size_t j = 0;
            for (size_t i = 0; i < ce->n; i++)
                if (ce->c[i].similar)
                    ce->c[j++] = ce->c[i];
            ce->n = (uint16_t)j;
        }
    } else {
        nc = gather(d, g, name, n, local, sizeof local / sizeof local[0], &kn);
    }
score:;
    int found = 0, tied = 0, best_exact = 0;
    for (size_t i = 0; i < nc; i++) {
        const cand *cd = &cs[i];
        if (!cd->gaz) {
            const sr_place_def *p = &d->places[cd->id];
            /* "the villages of Saida and Mu'alaq" near Ain Issa are not the
             * city of Suwayda: a like spelling of a city or a province is
             * no village */
            if (!cd->exact && h && h->small_place && (p->kind == PK_CITY || p->kind == PK_ADMIN1))
                continue;
            /* "Beni" in a Congolese story is not Mali's Boni: outside the
             * article's country, or with no country known, only the very
             * spelling counts */
            if (!cd->exact && (!h || !h->focus_cc || strncmp(p->country, h->focus_cc, 2)))
                continue;
            /* nor, spelled otherwise, in a country the article never
             * names: "Moura" in a Malian story is not Cameroon's Mora */
            if (!cd->literal && h && h->focus_cc && h->article_ccs && strncmp(p->country, h->focus_cc, 2) &&
                !cc_listed(h->article_ccs, p->country))
                continue;
            double sc = score_of(h, p->country, p->admin1, p->has_coords ? p->lat : 0, p->has_coords ? p->lon : 0,
                                 p->kind, p->pop, 1);
            /* a key shared by unlike spellings ("Qusayr", "Kasrah") is weak
             * evidence, curated or not */
            sc += cd->similar ? 0.5 : -1.5;
            if (!p->has_coords)
                sc -= 1; /* a gazetteer entry with coordinates is worth more */
            if (!found || sc > out->score) {
                found = 1;
                out->name = p->name;
                out->admin1 = p->admin1;
                memcpy(out->cc, p->country, 3);
                out->lat = p->lat;
                out->lon = p->lon;
                out->kind = p->kind;
                out->place = (int)cd->id;
                out->gaz = -1;
                out->score = sc;
            }
            continue;
        }
        const sr_gaz_rec *r = sr_gaz_rec_at(g, cd->id);
        char cc[3] = {r->cc[0], r->cc[1], 0};
        /* a key match through an alternate name, the spelling unlike the
         * place's own: only in the article's country */
        if (!cd->similar && (kn < 4 || !h || !h->focus_cc || strncmp(cc, h->focus_cc, 2)))
            continue;
        /* outside the article's country only the very spelling counts:
         * "Derwish" in a Syrian story is no German village; with no
         * country known, "Hnan Khar" is no Huancaray in Peru */
        if (!cd->exact && (!h || !h->focus_cc || strncmp(cc, h->focus_cc, 2)))
            continue;
        /* nor in a country the article never names: an unknown village
         * in Hama is not Morocco's El Jadida */
        if (h && h->focus_cc && h->article_ccs && strncmp(cc, h->focus_cc, 2) && !cc_listed(h->article_ccs, cc))
            continue;
        const char *adm = r->admin1 ? sr_gaz_str(g, r->admin1) : NULL;
        /* "Kurya village in Bungudu local government area" in a story of
         * Zamfara state is no Kura of Kano: a like spelling, not the very
         * one, only in the province the story named first */
        if (!cd->exact && h && h->story_admin && !h->admin && adm && !sr_same_admin(h->story_admin, adm))
            continue;
        double sc = score_of(h, cc, adm, r->lat, r->lon, r->kind, r->pop, 0) + (cd->exact ? 1.5 : cd->similar ? 0.5 : 0) +
                    (cd->literal ? 0.3 : 0);
        /* "in the southwestern department of Cauca ... the municipality of
         * Argelia": of namesakes, the one in the province the story named
         * first (not Argelia of Antioquia) */
        if (h && h->story_admin && !h->admin && adm && sr_same_admin(h->story_admin, adm))
            sc += 1.0;
        /* with no country told, "Paris" is France's capital, not a town
         * of Ontario: a country's capital (countries.txt gives its point)
         * before its namesakes */
        /* (and with one told, the capital by its very name before a like
         * spelling near the story's last place: "a traffic stop in the
         * Paris suburb of Nanterre" after riots in Marseille is no
         * Peyruis of Provence) */
        if (cd->exact) {
            int ci = sr_country_find(d, cc);
            if (ci >= 0 && fabs(d->countries[ci].lat - r->lat) < 0.2 && fabs(d->countries[ci].lon - r->lon) < 0.2)
                sc += (!h || !h->focus_cc) ? 0.4 : 3.0;
        }
        /* the list has no populations: of two places a story's letters
         * fit, the one listed under those very letters ("Shiraz", the
         * city of Fars) before one listed with marks ("Shīrāz", a village
         * of East Azerbaijan) */
        const char *rn = sr_gaz_str(g, r->name);
        if (cd->literal && strlen(rn) == n && !strncasecmp(rn, name, n))
            sc += 0.2;
        /* the very letters, in a country the story names, before a like
         * spelling in the story's own: "Indian strikes ... in the city of
         * Bahawalpur" in a New Delhi story is Pakistan's Bahawalpur, not
         * Gujarat's Bhalpara */
        if (cd->literal && h && h->focus_cc && h->article_ccs && strncmp(cc, h->focus_cc, 2) &&
            cc_listed(h->article_ccs, cc))
            sc += 3.0;
        /* two unlike spellings as good as each other, far apart ("Rajouri":
         * Rajaori in Kashmir, Rajura in Maharashtra): no answer is better
         * than a guess */
        if (found && !cd->exact && fabs(sc - out->score) < 1e-9 &&
            (fabs(r->lat - out->lat) > 0.25 || fabs(r->lon - out->lon) > 0.25))
            tied = 1;
        if (!found || sc > out->score) {
            tied = 0; /* a better one ends any tie */
            found = 1;
            best_exact = cd->exact;
            out->name = sr_gaz_str(g, r->name);
            out->admin1 = adm;
            memcpy(out->cc, cc, 3);
            out->lat = r->lat;
            out->lon = r->lon;
            out->kind = r->kind ? r->kind : PK_TOWN;
            out->place = -1;
            out->gaz = (long)cd->id;
            out->score = sc;
        }
    }
    if (found && tied && !best_exact && out->gaz >= 0)
        return 0;
    /* a candidate in another province than the one named is no answer */
    return found && out->score > -10;
}
