/* Gazetteer index: build from GeoNames data, write, open with mmap, look up.
 *
 * File layout (little-endian):
 *   header   magic "SRGAZ", version, counts, offsets
 *   recs     nrec x sr_gaz_rec (32 bytes)
 *   slots    nslot x {u64 hash, u32 off, u32 len}  open addressing, 2^k slots
 *   posts    npost x u32 record ids
 *   strings  NUL-terminated names; offset 0 is the empty string
 */
#include "gazetteer.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../dict/dict.h"
#include "../util/error.h"
#include "../util/path.h"
#include "../text/placekey.h"

#define GAZ_MAGIC "SRGAZ\0\0\0"
#define GAZ_VERSION 1u

typedef struct gaz_header {
    char magic[8];
    uint32_t version;
    uint32_t nrec;
    uint32_t nslot;
    uint32_t npost;
    uint64_t nstr;
    uint64_t off_rec, off_slot, off_post, off_str;
} gaz_header;

typedef struct gaz_slot {
    uint64_t hash;
    uint32_t off, len;
} gaz_slot;

_Static_assert(sizeof(sr_gaz_rec) == 32, "the index format fixes a record at 32 bytes");
_Static_assert(sizeof(gaz_slot) == 16, "the index format fixes a slot at 16 bytes");

struct sr_gazetteer {
    void *map;
    size_t size;
    const gaz_header *h;
    const sr_gaz_rec *rec;
    const gaz_slot *slot;
    const uint32_t *post;
    const char *str;
};

/* ---- reading ------------------------------------------------------------ */

/* [off, off + len) ends at or before end, without overflow. */
static int span_fits(uint64_t off, uint64_t len, uint64_t end)
{
    return off <= end && len <= end - off;
}

sr_status sr_gaz_open(const char *path, sr_gazetteer **out, sr_error *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return sr_fail(err, SR_ERR_IO, path, 0, "cannot open gazetteer: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) || st.st_size < (off_t)sizeof(gaz_header)) {
        close(fd);
        return sr_fail(err, SR_ERR_PARSE, path, 0, "not a sitrep gazetteer index (too short); rebuild it");
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return sr_fail(err, SR_ERR_IO, path, 0, "cannot map gazetteer: %s", strerror(errno));
    const gaz_header *h = map;
    size_t size = (size_t)st.st_size;
    int ok = !memcmp(h->magic, GAZ_MAGIC, 8) && h->version == GAZ_VERSION;
    /* each section inside the file, in order; offsets are checked by
     * subtraction so that a forged huge offset cannot wrap around */
    ok = ok && h->off_rec == sizeof *h && span_fits(h->off_rec, (uint64_t)h->nrec * sizeof(sr_gaz_rec), h->off_slot) &&
         span_fits(h->off_slot, (uint64_t)h->nslot * sizeof(gaz_slot), h->off_post) &&
         span_fits(h->off_post, (uint64_t)h->npost * 4, h->off_str) && span_fits(h->off_str, h->nstr, size) &&
         h->nstr > 0 && (h->nslot & (h->nslot - 1)) == 0 && h->nslot > 0;
    if (ok) {
        const char *str = (const char *)map + h->off_str;
        ok = str[h->nstr - 1] == 0;
    }
    if (!ok) {
        munmap(map, size);
        return sr_fail(err, SR_ERR_PARSE, path, 0, "not a sitrep gazetteer index, or a damaged one (rebuild it)");
    }
    sr_gazetteer *g = calloc(1, sizeof *g);
    if (!g) {
        munmap(map, size);
        return sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
    }
    g->map = map;
    g->size = size;
    g->h = h;
    g->rec = (const sr_gaz_rec *)((const char *)map + h->off_rec);
    g->slot = (const gaz_slot *)((const char *)map + h->off_slot);
    g->post = (const uint32_t *)((const char *)map + h->off_post);
    g->str = (const char *)map + h->off_str;
    *out = g;
    return SR_OK;
}

void sr_gaz_close(sr_gazetteer *g)
{
    if (!g)
        return;
    munmap(g->map, g->size);
    free(g);
}

size_t sr_gaz_count(const sr_gazetteer *g)
{
    return g ? g->h->nrec : 0;
}

const sr_gaz_rec *sr_gaz_rec_at(const sr_gazetteer *g, uint32_t i)
{
    return i < g->h->nrec ? &g->rec[i] : NULL;
}

const char *sr_gaz_str(const sr_gazetteer *g, uint32_t off)
{
    return off < g->h->nstr ? g->str + off : "";
}

size_t sr_gaz_lookup(const sr_gazetteer *g, const char *name, size_t n, uint32_t *ids, size_t max)
{
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(name, n, key);
    if (!g || !kn)
        return 0;
    uint64_t hsh = sr_place_key_hash(key, kn);
    uint32_t mask = g->h->nslot - 1;
    for (uint32_t j = (uint32_t)(hsh & mask), probes = 0; probes < g->h->nslot; j = (j + 1) & mask, probes++) {
        const gaz_slot *s = &g->slot[j];
        if (!s->hash)
            return 0;
        if (s->hash != hsh)
            continue;
        if ((uint64_t)s->off + s->len > g->h->npost)
            return 0;
        size_t k = 0;
        for (; k < s->len && k < max; k++) {
            uint32_t id = g->post[s->off + k];
            ids[k] = id < g->h->nrec ? id : 0;
        }
        return s->len;
    }
    return 0;
}

/* ---- building ----------------------------------------------------------- */

typedef struct pair {
    uint64_t hash;
    uint32_t rec;
} pair;

struct sr_gaz_builder {
    sr_gaz_rec *rec;
    size_t nrec, caprec;
    pair *pairs;
    size_t npair, cappair;
    char *str;
    size_t nstr, capstr;
    /* admin1 names are shared by thousands of places: stored once */
    struct {
        uint64_t h;
        uint32_t off;
    } *adm;
    size_t nadm, capadm;
    sr_gaz_warn_fn warn;
    void *warn_ctx;
};

sr_gaz_builder *sr_gaz_builder_new(void)
{
    sr_gaz_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->capstr = 1 << 20;
    b->str = malloc(b->capstr);
    if (!b->str) {
        free(b);
        return NULL;
    }
    b->str[0] = 0;
    b->nstr = 1;
    return b;
}

void sr_gaz_builder_free(sr_gaz_builder *b)
{
    if (!b)
        return;
    free(b->rec);
    free(b->pairs);
    free(b->str);
    free(b->adm);
    free(b);
}

void sr_gaz_builder_on_warning(sr_gaz_builder *b, sr_gaz_warn_fn fn, void *ctx)
{
    b->warn = fn;
    b->warn_ctx = ctx;
}

size_t sr_gaz_builder_count(const sr_gaz_builder *b)
{
    return b->nrec;
}

static int add_str(sr_gaz_builder *b, const char *s, uint32_t *off)
{
    size_t n = strlen(s);
    if (!n) {
        *off = 0;
        return 0;
    }
    if (b->nstr + n + 1 > UINT32_MAX)
        return -1;
    if (b->nstr + n + 1 > b->capstr) {
        size_t nc = b->capstr * 2;
        while (nc < b->nstr + n + 1)
            nc *= 2;
        char *ns = realloc(b->str, nc);
        if (!ns)
            return -1;
        b->str = ns;
        b->capstr = nc;
    }
    memcpy(b->str + b->nstr, s, n + 1);
    *off = (uint32_t)b->nstr;
    b->nstr += n + 1;
    return 0;
}

static int add_admin(sr_gaz_builder *b, const char *s, uint32_t *off)
{
    if (!s || !*s) {
        *off = 0;
        return 0;
    }
    uint64_t h = sr_place_key_hash(s, strlen(s));
    for (size_t i = 0; i < b->nadm; i++)
        if (b->adm[i].h == h && !strcmp(b->str + b->adm[i].off, s)) {
            *off = b->adm[i].off;
            return 0;
        }
    if (b->nadm == b->capadm) {
        size_t nc = b->capadm ? b->capadm * 2 : 256;
        void *na = realloc(b->adm, nc * sizeof *b->adm);
        if (!na)
            return -1;
        b->adm = na;
        b->capadm = nc;
    }
    if (add_str(b, s, off))
        return -1;
    b->adm[b->nadm].h = h;
    b->adm[b->nadm].off = *off;
    b->nadm++;
    return 0;
}

static int add_key(sr_gaz_builder *b, const char *name, uint32_t rec)
{
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(name, strlen(name), key);
    if (!kn)
        return 0;
    uint64_t h = sr_place_key_hash(key, kn);
    /* the same key twice for one place (two alternate spellings) */
    for (size_t i = b->npair; i > 0 && b->pairs[i - 1].rec == rec; i--)
        if (b->pairs[i - 1].hash == h)
            return 0;
    if (b->npair == b->cappair) {
        size_t nc = b->cappair ? b->cappair * 2 : 1 << 16;
        pair *np = realloc(b->pairs, nc * sizeof *np);
        if (!np)
            return -1;
        b->pairs = np;
        b->cappair = nc;
    }
    b->pairs[b->npair].hash = h;
    b->pairs[b->npair].rec = rec;
    b->npair++;
    return 0;
}

static int add_rec_only(sr_gaz_builder *b, const char *name, const char *admin1, const char *cc, double lat,
                        double lon, int kind, uint32_t pop, uint32_t gid, char fclass, uint32_t *id)
{
    if (b->nrec >= UINT32_MAX - 1)
        return -1;
    if (b->nrec == b->caprec) {
        size_t nc = b->caprec ? b->caprec * 2 : 1 << 16;
        sr_gaz_rec *nr = realloc(b->rec, nc * sizeof *nr);
        if (!nr)
            return -1;
        b->rec = nr;
        b->caprec = nc;
    }
    sr_gaz_rec *r = &b->rec[b->nrec];
    memset(r, 0, sizeof *r);
    r->lat = (float)lat;
    r->lon = (float)lon;
    r->pop = pop;
    r->geonameid = gid;
    r->cc[0] = cc[0];
    r->cc[1] = cc[1];
    r->kind = (uint8_t)kind;
    r->fclass = (uint8_t)fclass;
    if (add_str(b, name, &r->name) || add_admin(b, admin1, &r->admin1))
        return -1;
    *id = (uint32_t)b->nrec++;
    return 0;
}

static int add_rec(sr_gaz_builder *b, const char *name, const char *admin1, const char *cc, double lat, double lon,
                   int kind, uint32_t pop, uint32_t gid, char fclass, uint32_t *id)
{
    if (add_rec_only(b, name, admin1, cc, lat, lon, kind, pop, gid, fclass, id))
        return -1;
    return add_key(b, name, *id);
}

sr_status sr_gaz_builder_add_index(sr_gaz_builder *b, const sr_gazetteer *g, sr_error *err)
{
    uint32_t base = (uint32_t)b->nrec;
    for (uint32_t i = 0; i < g->h->nrec; i++) {
        const sr_gaz_rec *r = &g->rec[i];
        uint32_t id;
        char cc[3] = {r->cc[0], r->cc[1], 0};
        /* the keys, alternate names' included, come from the slots below */
        if (add_rec_only(b, sr_gaz_str(g, r->name), sr_gaz_str(g, r->admin1), cc, r->lat, r->lon, r->kind, r->pop,
                         r->geonameid, (char)r->fclass, &id))
            return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
    }
    for (uint32_t j = 0; j < g->h->nslot; j++) {
        const gaz_slot *s = &g->slot[j];
        if (!s->hash)
            continue;
        for (uint32_t k = 0; k < s->len; k++) {
            if (b->npair == b->cappair) {
                size_t nc = b->cappair ? b->cappair * 2 : 1 << 16;
                pair *np = realloc(b->pairs, nc * sizeof *np);
                if (!np)
                    return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
                b->pairs = np;
                b->cappair = nc;
            }
            b->pairs[b->npair].hash = s->hash;
            b->pairs[b->npair].rec = base + g->post[s->off + k];
            b->npair++;
        }
    }
    return SR_OK;
}

/* "SY.07" -> "Deir ez-Zor" */
typedef struct admin_map {
    struct admin_ent {
        char code[24];
        char *name;
        double slat, slon; /* the sums of its towns' points */
        size_t towns;
        double blat, blon, bd; /* the town nearest their mean, its distance */
    } *e;
    size_t n, cap;
} admin_map;

static int cmp_admin(const void *a, const void *b)
{
    return strcmp(((const struct admin_ent *)a)->code, ((const struct admin_ent *)b)->code);
}

static struct admin_ent *admin_find(const admin_map *m, const char *cc, const char *code)
{
    if (!m->n || !code || !*code)
        return NULL;
    struct admin_ent key;
    snprintf(key.code, sizeof key.code, "%.2s.%s", cc, code);
    return bsearch(&key, m->e, m->n, sizeof *m->e, cmp_admin);
}

static int admin_add(admin_map *m, const char *code, const char *name)
{
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 1024;
        void *ne = realloc(m->e, nc * sizeof *m->e);
        if (!ne)
            return -1;
        m->e = ne;
        m->cap = nc;
    }
    memset(&m->e[m->n], 0, sizeof m->e[m->n]);
    snprintf(m->e[m->n].code, sizeof m->e[m->n].code, "%s", code);
    m->e[m->n].name = strdup(name);
    if (!m->e[m->n].name)
        return -1;
    m->n++;
    return 0;
}

static void admin_free(admin_map *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->e[i].name);
    free(m->e);
}

static char *slurp(const char *path, size_t *len, sr_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sr_fail(err, SR_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (n == cap) {
            if (cap > (512u << 20)) {
                free(buf);
                fclose(f);
                sr_fail(err, SR_ERR_LIMIT, path, 0, "larger than 512 MiB");
                return NULL;
            }
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (!r)
            break;
    }
    fclose(f);
    if (!buf) {
        sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static int parse_coord(const cJSON *j, double *v)
{
    if (cJSON_IsNumber(j)) {
        *v = j->valuedouble;
        return isfinite(*v) ? 0 : -1;
    }
    if (!cJSON_IsString(j))
        return -1;
    char *end;
    errno = 0;
    *v = strtod(j->valuestring, &end);
    return (errno || end == j->valuestring || *end || !isfinite(*v)) ? -1 : 0;
}

size_t sr_admin_bare(const char *s, int compass, char *out, size_t cap)
{
    static const char *const words[] = {"muhafazat", "muhafazah", "governorate", "province", "state", "region",
                                        "oblast", "wilayat", "wilayah", "mintaqat", "district", "county",
                                        "department", "prefecture", "muhafaza", NULL};
    size_t o = 0;
    const char *p = s;
    if (!cap)
        return 0;
    while (*p && o + 1 < cap) {
        while (*p == ' ' || *p == '-')
            p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != '-')
            p++;
        size_t wn = (size_t)(p - w);
        int skip = 0;
        for (const char *const *q = words; *q; q++)
            if (strlen(*q) == wn && !strncasecmp(*q, w, wn))
                skip = 1;
        if (skip || !wn)
            continue;
        if (compass && wn >= 7 && wn <= 8 && !strncasecmp(w + wn - 3, "ern", 3) && *p)
            wn -= 3;
        if (o + wn + 2 >= cap)
            break;
        if (o)
            out[o++] = ' ';
        memcpy(out + o, w, wn);
        o += wn;
    }
    out[o] = 0;
    return o;
}

/* Words that name a part, not a province of their own: "Central
 * Province", "Western Region", "Upper East Region" (English names in
 * GeoNames' admin1 list) */
static int common_word(const char *w)
{
    static const char *const parts[] = {"central", "western", "eastern", "northern", "southern", "north", "south",
                                        "east", "west", "upper", "lower", "coast", "coastal", "capital", "lakes",
                                        "islands", "island", "highlands", "gulf", "federal", "national", "middle",
                                        "interior", "littoral", "northwest", "northeast", "southwest", "southeast",
                                        NULL};
    for (const char *const *q = parts; *q; q++)
        if (!strcasecmp(*q, w))
            return 1;
    return 0;
}

/* Each province of the list at the point of its town nearest the mean
 * of its towns (a point inside it, where a story told only by its
 * province is put: "arrested 12 people ... in the northwestern province
 * of West Azerbaijan"). */
static sr_status add_admin_points(sr_gaz_builder *b, admin_map *am, const cJSON *arr, const char *cities, sr_error *err)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        const cJSON *cc = cJSON_GetObjectItemCaseSensitive(it, "country");
        const cJSON *a1 = cJSON_GetObjectItemCaseSensitive(it, "admin1");
        double lat, lon;
        if (!cJSON_IsString(cc) || strlen(cc->valuestring) != 2 || !cJSON_IsString(a1) ||
            parse_coord(cJSON_GetObjectItemCaseSensitive(it, "lat"), &lat) ||
            parse_coord(cJSON_GetObjectItemCaseSensitive(it, "lng"), &lon))
            continue;
        struct admin_ent *ae = admin_find(am, cc->valuestring, a1->valuestring);
        if (!ae || !ae->towns)
            continue;
        double dl = lat - ae->slat / (double)ae->towns, dn = lon - ae->slon / (double)ae->towns;
        double d = dl * dl + dn * dn;
        if (ae->bd == 0 || d < ae->bd) {
            ae->bd = d > 0 ? d : 1e-12;
            ae->blat = lat;
            ae->blon = lon;
        }
    }
    for (size_t i = 0; i < am->n; i++) {
        const struct admin_ent *ae = &am->e[i];
        uint32_t id;
        if (!ae->towns)
            continue;
        if (add_rec(b, ae->name, ae->name, ae->code, ae->blat, ae->blon, PK_ADMIN1, 0, 0, 'A', &id))
            return sr_fail(err, SR_ERR_NOMEM, cities, 0, "out of memory");
        /* "in Papua New Guinea's Enga province": the list's "Enga
         * Province" by its name alone too, a record of its own so that its
         * spelling is compared (not "Central" of "Central Province": a
         * word, no name) */
        char bare[128];
        size_t bn = sr_admin_bare(ae->name, 0, bare, sizeof bare);
        if (bn >= 4 && strcmp(bare, ae->name) && strchr(bare, ' ') == NULL && !common_word(bare) &&
            add_rec(b, bare, ae->name, ae->code, ae->blat, ae->blon, PK_ADMIN1, 0, 0, 'A', &id))
            return sr_fail(err, SR_ERR_NOMEM, cities, 0, "out of memory");
    }
    return SR_OK;
}

sr_status sr_gaz_builder_add_cities_json(sr_gaz_builder *b, const char *cities, const char *admin1, sr_error *err)
{
    admin_map am = {0};
    size_t len;
    if (admin1) {
        char *txt = slurp(admin1, &len, err);
        if (!txt)
            return err ? err->status : SR_ERR_IO;
        cJSON *a = cJSON_ParseWithLength(txt, len);
        free(txt);
        if (!cJSON_IsArray(a)) {
            cJSON_Delete(a);
            return sr_fail(err, SR_ERR_PARSE, admin1, 0, "expected a JSON array of {code, name}");
        }
        const cJSON *it;
        cJSON_ArrayForEach(it, a)
        {
            const cJSON *code = cJSON_GetObjectItemCaseSensitive(it, "code");
            const cJSON *name = cJSON_GetObjectItemCaseSensitive(it, "name");
            if (cJSON_IsString(code) && cJSON_IsString(name) && admin_add(&am, code->valuestring, name->valuestring)) {
                cJSON_Delete(a);
                admin_free(&am);
                return sr_fail(err, SR_ERR_NOMEM, admin1, 0, "out of memory");
            }
        }
        cJSON_Delete(a);
        qsort(am.e, am.n, sizeof *am.e, cmp_admin);
    }
    char *txt = slurp(cities, &len, err);
    if (!txt) {
        admin_free(&am);
        return err ? err->status : SR_ERR_IO;
    }
    cJSON *arr = cJSON_ParseWithLength(txt, len);
    free(txt);
    if (!cJSON_IsArray(arr)) {
        cJSON_Delete(arr);
        admin_free(&am);
        return sr_fail(err, SR_ERR_PARSE, cities, 0, "expected a JSON array of places");
    }
    sr_status st = SR_OK;
    long idx = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        idx++;
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(it, "name");
        const cJSON *cc = cJSON_GetObjectItemCaseSensitive(it, "country");
        const cJSON *a1 = cJSON_GetObjectItemCaseSensitive(it, "admin1");
        double lat, lon;
        if (!cJSON_IsString(name) || !cJSON_IsString(cc) || strlen(cc->valuestring) != 2 ||
            parse_coord(cJSON_GetObjectItemCaseSensitive(it, "lat"), &lat) ||
            parse_coord(cJSON_GetObjectItemCaseSensitive(it, "lng"), &lon) || lat < -90 || lat > 90 || lon < -180 ||
            lon > 180) {
            if (b->warn)
                b->warn(b->warn_ctx, cities, idx, "entry without name, country or valid coordinates; skipped");
            continue;
        }
        struct admin_ent *ae = cJSON_IsString(a1) ? admin_find(&am, cc->valuestring, a1->valuestring) : NULL;
        uint32_t id;
        if (add_rec(b, name->valuestring, ae ? ae->name : NULL, cc->valuestring, lat, lon, PK_TOWN, 0, 0, 'P', &id)) {
            st = sr_fail(err, SR_ERR_NOMEM, cities, idx, "out of memory");
            break;
        }
        if (ae) {
            ae->slat += lat;
            ae->slon += lon;
            ae->towns++;
        }
    }
    if (st == SR_OK)
        st = add_admin_points(b, &am, arr, cities, err);
    cJSON_Delete(arr);
    admin_free(&am);
    return st;
}

static int geonames_kind(char fclass, const char *fcode, uint32_t pop)
{
    switch (fclass) {
    case 'P':
        if (!strcmp(fcode, "PPLC") || !strcmp(fcode, "PPLA") || pop >= 100000)
            return PK_CITY;
        if (!strncmp(fcode, "PPLX", 4))
            return PK_NEIGHBOURHOOD;
        return pop >= 5000 || !strncmp(fcode, "PPLA", 4) ? PK_TOWN : PK_VILLAGE;
    case 'A':
        if (!strcmp(fcode, "ADM1"))
            return PK_ADMIN1;
        if (!strncmp(fcode, "ADM", 3))
            return PK_ADMIN2;
        return 0; /* countries: countries.txt has them */
    case 'L':
        return PK_REGION;
    case 'S': case 'T': case 'H': case 'V': case 'R': case 'U':
        return PK_FEATURE;
    default:
        return 0;
    }
}

static int latin_name(const char *s)
{
    int letters = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80) {
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
                letters++;
        } else if (*p >= 0xD0 && *p < 0xF0) {
            return 0; /* Cyrillic, Arabic, CJK...: other scripts */
        }
    }
    return letters >= 2;
}

sr_status sr_gaz_builder_add_geonames(sr_gaz_builder *b, const char *path, const char *admin1, size_t *added,
                                      size_t *bad, sr_error *err)
{
    *added = *bad = 0;
    admin_map am = {0};
    if (admin1) {
        FILE *af = fopen(admin1, "r");
        if (!af)
            return sr_fail(err, SR_ERR_IO, admin1, 0, "cannot open: %s", strerror(errno));
        char *line = NULL;
        size_t cap = 0;
        long ln = 0;
        while (getline(&line, &cap, af) > 0) {
            ln++;
            char *tab = strchr(line, '\t');
            if (!tab) {
                if (b->warn)
                    b->warn(b->warn_ctx, admin1, ln, "expected CODE<TAB>name; skipped");
                continue;
            }
            *tab = 0;
            char *name = tab + 1;
            char *end = strpbrk(name, "\t\r\n");
            if (end)
                *end = 0;
            if (admin_add(&am, line, name)) {
                free(line);
                fclose(af);
                admin_free(&am);
                return sr_fail(err, SR_ERR_NOMEM, admin1, ln, "out of memory");
            }
        }
        free(line);
        fclose(af);
        qsort(am.e, am.n, sizeof *am.e, cmp_admin);
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        admin_free(&am);
        return sr_fail(err, SR_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    long ln = 0;
    sr_status st = SR_OK;
    while ((got = getline(&line, &cap, f)) > 0) {
        ln++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (memchr(line, 0, (size_t)got)) {
            (*bad)++;
            if (b->warn)
                b->warn(b->warn_ctx, path, ln, "NUL byte in the line; skipped");
            continue;
        }
        char *col[20];
        size_t nc = 0;
        char *p = line;
        while (nc < 20) {
            col[nc++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = 0;
            p = tab + 1;
        }
        char *nl = strpbrk(col[nc - 1], "\r\n");
        if (nl)
            *nl = 0;
        char *end;
        double lat, lon;
        if (nc < 15) {
            (*bad)++;
            if (b->warn) {
                char msg[96];
                snprintf(msg, sizeof msg, "expected 19 tab-separated columns, found %zu; skipped", nc);
                b->warn(b->warn_ctx, path, ln, msg);
            }
            continue;
        }
        errno = 0;
        lat = strtod(col[4], &end);
        int badnum = errno || end == col[4] || *end;
        lon = strtod(col[5], &end);
        badnum = badnum || errno || end == col[5] || *end;
        if (badnum || !isfinite(lat) || !isfinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            (*bad)++;
            if (b->warn)
                b->warn(b->warn_ctx, path, ln, "latitude/longitude missing or out of range; skipped");
            continue;
        }
        if (strlen(col[8]) != 2 || !col[1][0]) {
            (*bad)++;
            if (b->warn)
                b->warn(b->warn_ctx, path, ln, "no name or no two-letter country code; skipped");
            continue;
        }
        unsigned long gid = strtoul(col[0], NULL, 10);
        unsigned long long popl = strtoull(col[14], NULL, 10);
        uint32_t pop = popl > UINT32_MAX ? UINT32_MAX : (uint32_t)popl;
        int kind = geonames_kind(col[6][0], col[7], pop);
        if (!kind)
            continue;
        const struct admin_ent *ae = admin_find(&am, col[8], col[10]);
        const char *adm = ae ? ae->name : NULL;
        uint32_t id;
        if (add_rec(b, col[1], adm, col[8], lat, lon, kind, pop, (uint32_t)gid, col[6][0], &id)) {
            st = sr_fail(err, SR_ERR_NOMEM, path, ln, "out of memory");
            break;
        }
        if (strcmp(col[2], col[1]) && add_key(b, col[2], id)) {
            st = sr_fail(err, SR_ERR_NOMEM, path, ln, "out of memory");
            break;
        }
        /* alternate names, those in Latin script */
        int nalt = 0;
        for (char *q = col[3]; *q && nalt < 40;) {
            char *comma = strchr(q, ',');
            if (comma)
                *comma = 0;
            if (latin_name(q)) {
                if (add_key(b, q, id)) {
                    st = sr_fail(err, SR_ERR_NOMEM, path, ln, "out of memory");
                    break;
                }
                nalt++;
            }
            if (!comma)
                break;
            q = comma + 1;
        }
        if (st)
            break;
        (*added)++;
    }
    int rerr = ferror(f);
    free(line);
    fclose(f);
    admin_free(&am);
    if (!st && rerr)
        st = sr_fail(err, SR_ERR_IO, path, ln, "read error");
    return st;
}

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

static int write_all(FILE *f, const void *p, size_t n)
{
    return fwrite(p, 1, n, f) == n ? 0 : -1;
}

sr_status sr_gaz_builder_write(sr_gaz_builder *b, const char *path, sr_error *err)
{
    if (b->npair)
        qsort(b->pairs, b->npair, sizeof *b->pairs, cmp_pair);
    /* drop exact duplicates */
    size_t np = 0;
    for (size_t i = 0; i < b->npair; i++)
        if (!np || b->pairs[np - 1].hash != b->pairs[i].hash || b->pairs[np - 1].rec != b->pairs[i].rec)
            b->pairs[np++] = b->pairs[i];
    size_t nkeys = 0;
    for (size_t i = 0; i < np; i++)
        if (!i || b->pairs[i].hash != b->pairs[i - 1].hash)
            nkeys++;
    uint32_t nslot = 1024;
    while (nslot < nkeys * 2)
        nslot *= 2;
    gaz_slot *slots = calloc(nslot, sizeof *slots);
    uint32_t *posts = malloc((np ? np : 1) * sizeof *posts);
    if (!slots || !posts) {
        free(slots);
        free(posts);
        return sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
    }
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && b->pairs[j].hash == b->pairs[i].hash) {
            posts[j] = b->pairs[j].rec;
            j++;
        }
        uint32_t s = (uint32_t)(b->pairs[i].hash & (nslot - 1));
        while (slots[s].hash)
            s = (s + 1) & (nslot - 1);
        slots[s].hash = b->pairs[i].hash;
        slots[s].off = (uint32_t)i;
        slots[s].len = (uint32_t)(j - i);
        i = j;
    }
    gaz_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, GAZ_MAGIC, 8);
    h.version = GAZ_VERSION;
    h.nrec = (uint32_t)b->nrec;
    h.nslot = nslot;
    h.npost = (uint32_t)np;
    h.nstr = b->nstr;
    h.off_rec = sizeof h;
    h.off_slot = h.off_rec + (uint64_t)b->nrec * sizeof(sr_gaz_rec);
    h.off_post = h.off_slot + (uint64_t)nslot * sizeof(gaz_slot);
    h.off_str = h.off_post + (uint64_t)np * 4;
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    sr_status st = SR_OK;
    if (!f) {
        st = sr_fail(err, SR_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    } else {
        int bad = write_all(f, &h, sizeof h) || write_all(f, b->rec, b->nrec * sizeof(sr_gaz_rec)) ||
                  write_all(f, slots, (size_t)nslot * sizeof *slots) || write_all(f, posts, np * 4) ||
                  write_all(f, b->str, b->nstr);
        if (fclose(f) || bad) {
            st = sr_fail(err, SR_ERR_IO, path, 0, "write error: %s", strerror(errno));
            unlink(tmp);
        } else if (rename(tmp, path)) {
            st = sr_fail(err, SR_ERR_IO, path, 0, "cannot rename into place: %s", strerror(errno));
            unlink(tmp);
        }
    }
    free(slots);
    free(posts);
    return st;
}

const char *sr_default_gazetteer(const char *data_dir)
{
    static char buf[PATH_MAX];
    const char *env = getenv("SITREP_GAZETTEER");
    if (env && *env)
        return env;
    char exe[PATH_MAX - 32];
    if (sr_exe_dir(exe, sizeof exe) == 0) {
        snprintf(buf, sizeof buf, "%s/gazetteer.idx", exe);
        if (access(buf, R_OK) == 0)
            return buf;
    }
    if (data_dir) {
        snprintf(buf, sizeof buf, "%s/gazetteer.idx", data_dir);
        if (access(buf, R_OK) == 0)
            return buf;
    }
    return NULL;
}
