/* Which place a name means: candidates from places.tsv and the gazetteer
 * by romanisation-invariant key, then the article decides among them. */
#ifndef SR_GEO_RESOLVE_H
#define SR_GEO_RESOLVE_H
#include <stddef.h>

#include "../dict/dict.h"
#include "gazetteer.h"

typedef struct sr_geo_hint {
    const char *focus_cc; /* the article's country, or NULL */
    const char *admin;    /* a province named with it ("in X province"), or NULL */
    int has_near;         /* a place the article already put on the map */
    double near_lat, near_lon;
    int want_admin;       /* "X province": the province itself */
    const char *article_ccs; /* two letters for each country the article names, or NULL */
    const char *story_admin; /* the province the article named first, or NULL */
    int small_place;      /* "the village of X": a village or town, no city nor province */
} sr_geo_hint;

typedef struct sr_geo_hit {
    const char *name, *admin1;
    char cc[3];
    double lat, lon;
    int kind;
    int place; /* places.tsv index or -1 */
    long gaz;  /* gazetteer record or -1 */
    double score;
} sr_geo_hit;

/* The candidates of recent names, so that a name met again in the same
 * article or the next costs no key computation nor spelling comparison.
 * One per coder (not shared between threads). */
typedef struct sr_geo_cache sr_geo_cache;
sr_geo_cache *sr_geo_cache_new(void);
void sr_geo_cache_free(sr_geo_cache *c);

/* Returns 1 and fills *out with the best candidate, 0 when none fits.
 * cache may be NULL. */
int sr_geo_resolve(const sr_dicts *d, const sr_gazetteer *g, sr_geo_cache *cache, const char *name, size_t n,
                   const sr_geo_hint *h, sr_geo_hit *out);
double sr_km(double la1, double lo1, double la2, double lo2);
/* Whether two names are one province in two lists' spellings ("Tillabéri
 * Region" and "Tillaberi", "Rif Dimashq" and "Dimashq"): their keys with
 * the administrative words left out. 0 when either is NULL. */
int sr_same_admin(const char *a, const char *b);
/* The same with an engine's dictionaries and gazetteer (for the CLI). */
struct sr_engine;
int sr_engine_geo_resolve(const struct sr_engine *e, const char *name, const sr_geo_hint *h, sr_geo_hit *out);

#endif
