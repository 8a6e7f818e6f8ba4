/* Exports: events as the coder gives them or as the store keeps them, in
 * other tools' conventions. ACLED's 31 columns (acled-csv), the same with
 * sitrep's own columns after them (csv), the Phoenix pipeline's 26
 * tab-separated columns (phoenix), PLOVER's event types as JSON Lines
 * (plover), and CAMEO-coded TSV (cameo-tsv).
 *
 * Both kinds of event become one row (xrow) first, so that every format is
 * written once for both; what ACLED's columns derive from the dictionaries
 * (country names and regions, actor types, ACLED's actor names, Goldstein
 * values, the summary line, the outlets' countries) is worked out once a
 * row (xderived). The words are the data files' (export.txt, sectors.txt,
 * taxonomy.txt): this file holds none. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../code/coder.h"
#include "../util/buf.h"
#include "../util/template.h"
#include "io.h"
#include "sitrep.h"

struct sr_export {
    const sr_engine *eng;
    const sr_dicts *d;
    sr_format fmt;
    long now;
    size_t rows; /* stored rows written: GeoJSON's commas */
    /* actor codes of actors.txt, sorted, for their kinds */
    struct code_ix {
        const char *code;
        int def;
    } *codes;
    size_t ncodes;
};

/* One event, whichever side it came from. */
typedef struct xrow {
    const char *id, *date;
    int tp;
    const char *type, *sub, *cameo;
    int quad;
    const char *a1, *a1c, *a2, *a2c;
    const char *loc, *admin1, *cc;
    int has_coords;
    double lat, lon;
    int gp;
    long fat;
    const char *sources, *urls, *text, *docs;
    int sentence; /* -1: a merged event has none */
    const char *modality;
    int mentions, n_sources;
    int has_conf;
    double conf;
    long timestamp;
} xrow;

/* An actor as the dictionaries know it. */
typedef struct xactor {
    uint32_t flags;
    int country; /* countries[] index, -1 */
    const sr_sector_def *sector; /* named by its kind ("SYRMIL"), else NULL */
    int inter;
    char acled[192];
} xactor;

typedef struct xderived {
    const sr_country_def *k; /* the event's country, NULL */
    const sr_tax_sub *sub;   /* NULL: a sub-type the taxonomy does not name */
    const char *disorder;
    char id_cnty[40];
    xactor a1, a2;
    int interaction;
    int civilian_targeting;
    int has_gold;
    double gold;
    const char *cameo; /* NULL when the sub-type has no CAMEO code */
    char notes[768];
    char scale[96];
} xderived;

/* ---- the exporter ------------------------------------------------------------ */

static int cmp_code(const void *a, const void *b)
{
    const struct code_ix *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c ? c : x->def - y->def;
}

sr_export *sr_export_new(const sr_engine *eng, sr_format fmt, long now)
{
    /* JSON Lines and GeoJSON need no dictionary: the others do */
    if (!eng && fmt != SR_FORMAT_JSONL && fmt != SR_FORMAT_GEOJSON)
        return NULL;
    sr_export *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->eng = eng;
    x->fmt = fmt;
    x->now = now;
    if (!eng || fmt == SR_FORMAT_JSONL || fmt == SR_FORMAT_GEOJSON)
        return x; /* written without the dictionaries */
    x->d = &eng->d;
    x->codes = malloc((x->d->nactors ? x->d->nactors : 1) * sizeof *x->codes);
    if (!x->codes) {
        free(x);
        return NULL;
    }
    for (size_t i = 0; i < x->d->nactors; i++)
        x->codes[x->ncodes++] = (struct code_ix){x->d->actors[i].code, (int)i};
    qsort(x->codes, x->ncodes, sizeof *x->codes, cmp_code);
    return x;
}

void sr_export_free(sr_export *x)
{
    if (!x)
        return;
    free(x->codes);
    free(x);
}

/* The first actors.txt entry with this code, or -1. */
static int def_of_code(const sr_export *x, const char *code)
{
    size_t lo = 0, hi = x->ncodes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(x->codes[mid].code, code) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < x->ncodes && !strcmp(x->codes[lo].code, code) ? x->codes[lo].def : -1;
}

static int country_by_iso3(const sr_dicts *d, const char *code)
{
    for (size_t i = 0; i < d->ncountries; i++)
        if (!strncmp(d->countries[i].iso3, code, 3))
            return (int)i;
    return -1;
}

static const char *country_name(const sr_country_def *k)
{
    return k->acled_name ? k->acled_name : k->name;
}

typedef struct name_ctx {
    const sr_country_def *k;
    char the[160];
} name_ctx;

static const char *name_field(void *ctx, const char *key)
{
    name_ctx *n = ctx;
    if (!n->k)
        return NULL;
    if (!strcmp(key, "country"))
        return country_name(n->k);
    if (!strcmp(key, "adj"))
        return n->k->adj;
    if (!strcmp(key, "the country")) {
        /* "the" is a word of the data (export.txt writes which countries
         * take it); the space after it is the template's */
        snprintf(n->the, sizeof n->the, "%s%s", n->k->the ? "the " : "", country_name(n->k));
        return n->the;
    }
    return NULL;
}

/* What the dictionaries know of the actor with this code and name. */
static void actor_of(const sr_export *x, const char *code, const char *name, int event_country, xactor *a)
{
    memset(a, 0, sizeof *a);
    a->country = -1;
    if (!code || !name)
        return;
    const sr_dicts *d = x->d;
    size_t n = strlen(code);
    int k = n >= 6 ? country_by_iso3(d, code) : -1;
    /* a code that is a country and a sector names the actor by its kind
     * ("Syrian Arab Army" is SYRMIL: ACLED's "Military Forces of Syria") */
    if ((n == 6 && k >= 0) || n == 3)
        a->sector = sr_sector_find(d, code + n - 3);
    int def = def_of_code(x, code);
    if (def >= 0)
        a->flags = d->actors[def].flags;
    else if (a->sector)
        a->flags = a->sector->flags;
    /* whose forces: the code's country (RUSMILAIR is Russia's, wherever
     * actors.txt says it is active), else the first where it is active */
    a->country = k >= 0 ? k : def >= 0 ? d->actors[def].country : -1;
    a->inter = sr_inter_of(d, a->flags);
    if (a->inter == 1 && d->foreign_inter && a->country >= 0 && event_country >= 0 && a->country != event_country)
        a->inter = d->foreign_inter;
    name_ctx nc = {a->country >= 0 ? &d->countries[a->country] : NULL, ""};
    if (!a->sector || sr_template_fill(a->sector->acled ? a->sector->acled : a->sector->name, name_field, &nc,
                                       a->acled, sizeof a->acled) < 0)
        snprintf(a->acled, sizeof a->acled, "%s", name);
}

/* ---- what a row's ACLED columns derive from -------------------------------------- */

/* ISO3 and a number from the event's id: its hash digits, so that the same
 * merged event keeps its number from one export to the next. */
static void id_cnty(const xrow *r, const sr_country_def *k, char *out, size_t cap)
{
    const char *h = r->id ? r->id : "";
    while (*h && !isxdigit((unsigned char)*h))
        h++;
    uint64_t v = 0;
    int digits = 0;
    for (; *h && digits < 12 && isxdigit((unsigned char)*h); h++, digits++)
        v = v * 16 + (uint64_t)(isdigit((unsigned char)*h) ? *h - '0' : tolower((unsigned char)*h) - 'a' + 10);
    if (digits < 12) {
        /* not a sitrep id: FNV-1a of the whole, cut to 48 bits */
        v = 14695981039346656037ull;
        for (const char *p = r->id ? r->id : ""; *p; p++)
            v = (v ^ (unsigned char)*p) * 1099511628211ull;
        v &= 0xffffffffffffull;
    }
    snprintf(out, cap, "%s%llu", k ? k->iso3 : "XXX", (unsigned long long)v);
}

typedef struct notes_ctx {
    const xrow *r;
    const xderived *x;
    char place[320], fat[24];
} notes_ctx;

static const char *notes_field(void *ctx, const char *key)
{
    notes_ctx *n = ctx;
    const xrow *r = n->r;
    if (!strcmp(key, "date"))
        return r->date;
    if (!strcmp(key, "actor1"))
        return r->a1 ? n->x->a1.acled : NULL;
    if (!strcmp(key, "actor2"))
        return r->a2 ? n->x->a2.acled : NULL;
    if (!strcmp(key, "event_type"))
        return r->type;
    if (!strcmp(key, "sub_event_type"))
        return r->sub;
    if (!strcmp(key, "place"))
        return n->place;
    if (!strcmp(key, "fatalities"))
        return r->fat >= 0 ? n->fat : NULL;
    return NULL;
}

static void notes_of(const sr_export *x, const xrow *r, xderived *dv)
{
    notes_ctx n = {r, dv, "", ""};
    /* the place from the finest part known: "Hajin, Deir ez-Zor, Syria" */
    const char *parts[3] = {r->loc, r->admin1, dv->k ? country_name(dv->k) : NULL};
    size_t o = 0;
    for (int i = 0; i < 3; i++) {
        if (!parts[i] || !*parts[i] || (i == 1 && r->loc && !strcmp(r->loc, parts[i])))
            continue;
        int w = snprintf(n.place + o, sizeof n.place - o, "%s%s", o ? ", " : "", parts[i]);
        if (w < 0 || (size_t)w >= sizeof n.place - o)
            break;
        o += (size_t)w;
    }
    snprintf(n.fat, sizeof n.fat, "%ld", r->fat);
    if (!x->d->notes_tpl || sr_template_fill(x->d->notes_tpl, notes_field, &n, dv->notes, sizeof dv->notes) < 0)
        snprintf(dv->notes, sizeof dv->notes, "%s", r->sub ? r->sub : "");
}

/* The country of an outlet (a web domain or a name): -1 unknown, -2 one
 * that says no country. */
static int outlet_country(const sr_dicts *d, const char *s, size_t n)
{
    char host[256];
    if (n >= sizeof host)
        n = sizeof host - 1;
    for (size_t i = 0; i < n; i++)
        host[i] = (char)tolower((unsigned char)s[i]);
    host[n] = 0;
    const char *h = !strncmp(host, "www.", 4) ? host + 4 : host;
    size_t hl = strlen(h), best = 0;
    int found = -1;
    for (size_t i = 0; i < d->noutlets; i++) {
        const char *dom = d->outlets[i].domain;
        size_t dl = strlen(dom);
        int hit = !strcmp(h, dom) || (dl < hl && !strcmp(h + hl - dl, dom) && (dom[0] == '.' || h[hl - dl - 1] == '.'));
        if (hit && dl > best) {
            best = dl;
            found = d->outlets[i].country < 0 ? -2 : d->outlets[i].country;
        }
    }
    if (best)
        return found;
    /* a domain under a country's code: that country */
    const char *dot = strrchr(h, '.');
    if (dot && strlen(dot + 1) == 2) {
        char cc[3] = {(char)toupper((unsigned char)dot[1]), (char)toupper((unsigned char)dot[2]), 0};
        return sr_country_find(d, cc);
    }
    return -1;
}

/* ACLED's source scale: how far the outlets are from the event, each
 * level once ("National-International"); "" when no outlet is known. */
static void scale_of(const sr_export *x, const xrow *r, xderived *dv)
{
    const sr_dicts *d = x->d;
    dv->scale[0] = 0;
    if (!dv->k || !r->sources)
        return;
    int seen[4] = {0, 0, 0, 0};
    for (const char *s = r->sources; *s;) {
        while (*s == ' ' || *s == ';')
            s++;
        size_t n = strcspn(s, ";");
        while (n && s[n - 1] == ' ')
            n--;
        if (n) {
            int k = outlet_country(d, s, n);
            if (k >= 0) {
                const sr_country_def *ok = &d->countries[k];
                int level = ok == dv->k ? 1 : (ok->region && dv->k->region && !strcmp(ok->region, dv->k->region)) ? 2 : 3;
                seen[level] = 1;
            }
        }
        s += strcspn(s, ";");
    }
    size_t o = 0;
    for (int i = 0; i < 4; i++)
        if (seen[i] && d->scale[i]) {
            int w = snprintf(dv->scale + o, sizeof dv->scale - o, "%s%s", o ? "-" : "", d->scale[i]);
            if (w < 0 || (size_t)w >= sizeof dv->scale - o)
                break;
            o += (size_t)w;
        }
}

static void derive(const sr_export *x, const xrow *r, xderived *dv)
{
    const sr_dicts *d = x->d;
    memset(dv, 0, sizeof *dv);
    int kc = r->cc ? sr_country_find(d, r->cc) : -1;
    dv->k = kc >= 0 ? &d->countries[kc] : NULL;
    int sub = r->sub ? sr_tax_sub_by_name(&d->tax, r->sub) : -1;
    dv->sub = sub >= 0 ? &d->tax.subs[sub] : NULL;
    if (dv->sub)
        dv->disorder = dv->sub->disorder ? dv->sub->disorder : d->tax.types[dv->sub->type].disorder;
    id_cnty(r, dv->k, dv->id_cnty, sizeof dv->id_cnty);
    actor_of(x, r->a1c, r->a1, kc, &dv->a1);
    actor_of(x, r->a2c, r->a2, kc, &dv->a2);
    int i1 = dv->a1.inter, i2 = dv->a2.inter;
    /* ACLED's interaction: both types, the smaller first; one alone times ten */
    if (i1 && i2)
        dv->interaction = i1 < i2 ? i1 * 10 + i2 : i2 * 10 + i1;
    else
        dv->interaction = (i1 ? i1 : i2) * 10;
    /* ACLED marks political violence whose target is civilians: the
     * disorder of violence against civilians, alone or with another */
    const char *violence = d->tax.types[TYPE_VAC].disorder;
    dv->civilian_targeting = r->a2 && dv->a2.inter == 7 && dv->disorder && violence && strstr(dv->disorder, violence);
    dv->cameo = r->cameo && strcmp(r->cameo, "0") && *r->cameo ? r->cameo : NULL;
    dv->has_gold = dv->cameo && sr_tax_goldstein(&d->tax, dv->cameo, &dv->gold);
    notes_of(x, r, dv);
    scale_of(x, r, dv);
}

/* ---- the formats --------------------------------------------------------------- */

static const char *const acled_cols[] = {
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp"};

/* sitrep's own columns, after ACLED's in -f csv */
static const char *const own_cols[] = {"url",        "cameo",    "quad_class", "goldstein", "actor1_code",
                                       "actor2_code", "confidence", "modality", "mentions",  "n_sources",
                                       "articles",   "sentence", "text"};

static void csv_header(sr_buf *b, int own)
{
    for (size_t i = 0; i < sizeof acled_cols / sizeof *acled_cols; i++) {
        if (i)
            sr_buf_putc(b, ',');
        sr_buf_puts(b, acled_cols[i]);
    }
    for (size_t i = 0; own && i < sizeof own_cols / sizeof *own_cols; i++) {
        sr_buf_putc(b, ',');
        sr_buf_puts(b, own_cols[i]);
    }
    sr_buf_putc(b, '\n');
}

static void csv_str(sr_buf *b, const char *s)
{
    sr_buf_csv_field(b, s ? s : "");
    sr_buf_putc(b, ',');
}

static void acled_row(sr_buf *b, const sr_export *x, const xrow *r, const xderived *dv)
{
    const sr_dicts *d = x->d;
    csv_str(b, dv->id_cnty);
    csv_str(b, r->date);
    if (r->date && strlen(r->date) >= 4)
        sr_buf_put(b, r->date, 4);
    sr_buf_printf(b, ",%d,", r->tp);
    csv_str(b, dv->disorder);
    csv_str(b, r->type);
    csv_str(b, r->sub);
    csv_str(b, r->a1 ? dv->a1.acled : NULL);
    sr_buf_printf(b, ",%d,", dv->a1.inter); /* assoc_actor_1: none known */
    csv_str(b, r->a2 ? dv->a2.acled : NULL);
    sr_buf_printf(b, ",%d,%d,", dv->a2.inter, dv->interaction);
    csv_str(b, dv->civilian_targeting ? d->civ_targeting : NULL);
    sr_buf_printf(b, "%d,", dv->k ? dv->k->numeric : 0);
    csv_str(b, dv->k ? dv->k->region : NULL);
    csv_str(b, dv->k ? country_name(dv->k) : NULL);
    csv_str(b, r->admin1);
    sr_buf_puts(b, ",,"); /* admin2, admin3: the gazetteer has none */
    csv_str(b, r->loc);
    if (r->has_coords)
        sr_buf_printf(b, "%.4f,%.4f,", r->lat, r->lon);
    else
        sr_buf_puts(b, ",,");
    if (r->loc)
        sr_buf_printf(b, "%d", r->gp);
    sr_buf_putc(b, ',');
    csv_str(b, r->sources);
    csv_str(b, dv->scale);
    csv_str(b, dv->notes);
    /* ACLED writes 0 when no death is reported */
    sr_buf_printf(b, "%ld,,%ld", r->fat > 0 ? r->fat : 0, r->timestamp);
}

static void own_row(sr_buf *b, const sr_export *x, const xrow *r, const xderived *dv)
{
    sr_buf_putc(b, ',');
    csv_str(b, r->urls);
    /* a letter before the code keeps it text in spreadsheets, pandas and
     * R (0874 would become 874) */
    if (dv->cameo)
        sr_buf_printf(b, "%s%s", x->d->cameo_prefix ? x->d->cameo_prefix : "", dv->cameo);
    sr_buf_printf(b, ",%d,", r->quad);
    if (dv->has_gold)
        sr_buf_printf(b, "%.1f", dv->gold);
    sr_buf_putc(b, ',');
    csv_str(b, r->a1c);
    csv_str(b, r->a2c);
    if (r->has_conf)
        sr_buf_printf(b, "%.2f", r->conf);
    sr_buf_putc(b, ',');
    csv_str(b, r->modality);
    sr_buf_printf(b, "%d,%d,", r->mentions, r->n_sources);
    csv_str(b, r->docs);
    if (r->sentence >= 0)
        sr_buf_printf(b, "%d", r->sentence);
    sr_buf_putc(b, ',');
    sr_buf_csv_field(b, r->text ? r->text : "");
}

/* An actor code's parts, as Phoenix splits them: the entity (a country,
 * IGO, IMG), its role (MIL, REB ...) and the rest. */
static void phoenix_actor(sr_buf *b, const char *code)
{
    size_t n = code ? strlen(code) : 0;
    sr_buf_tsv_field(b, code ? code : "");
    sr_buf_putc(b, '\t');
    if (n >= 3)
        sr_buf_put(b, code, 3);
    sr_buf_putc(b, '\t');
    if (n >= 6)
        sr_buf_put(b, code + 3, 3);
    sr_buf_putc(b, '\t');
    if (n > 6)
        sr_buf_tsv_field(b, code + 6);
    sr_buf_putc(b, '\t');
}

static void phoenix_row(sr_buf *b, const xrow *r, const xderived *dv)
{
    sr_buf_tsv_field(b, r->id);
    sr_buf_putc(b, '\t');
    const char *dt = r->date;
    if (dt && strlen(dt) == 10)
        sr_buf_printf(b, "%.4s%.2s%.2s\t%.4s\t%.2s\t%.2s\t", dt, dt + 5, dt + 8, dt, dt + 5, dt + 8);
    else
        sr_buf_puts(b, "\t\t\t\t");
    phoenix_actor(b, r->a1c);
    phoenix_actor(b, r->a2c);
    if (dv->cameo) {
        sr_buf_tsv_field(b, dv->cameo);
        sr_buf_putc(b, '\t');
        sr_buf_put(b, dv->cameo, strlen(dv->cameo) >= 2 ? 2 : strlen(dv->cameo));
    } else {
        sr_buf_putc(b, '\t');
    }
    sr_buf_printf(b, "\t%d\t", r->quad);
    if (dv->has_gold)
        sr_buf_printf(b, "%.1f", dv->gold);
    sr_buf_puts(b, "\t\t"); /* Issues: none coded */
    if (r->has_coords)
        sr_buf_printf(b, "%.4f\t%.4f\t", r->lat, r->lon);
    else
        sr_buf_puts(b, "\t\t");
    sr_buf_tsv_field(b, r->loc ? r->loc : "");
    sr_buf_putc(b, '\t');
    sr_buf_tsv_field(b, r->admin1 ? r->admin1 : "");
    sr_buf_putc(b, '\t');
    if (dv->k)
        sr_buf_puts(b, dv->k->iso3);
    sr_buf_putc(b, '\t');
    if (r->sentence >= 0 && r->docs) {
        sr_buf_tsv_field(b, r->docs);
        sr_buf_printf(b, "_%d", r->sentence);
    }
    sr_buf_putc(b, '\t');
    sr_buf_tsv_field(b, r->urls ? r->urls : "");
    sr_buf_putc(b, '\t');
    sr_buf_tsv_field(b, r->sources ? r->sources : "");
    sr_buf_putc(b, '\n');
}

/* CAMEO-coded events, tab-separated: the country as ISO3 (a bare "NA"
 * is Namibia to no reader). */
static const char *const tsv_cols[] = {
    "event_id", "date", "year", "month", "day", "source_actor_code", "source_actor", "target_actor_code",
    "target_actor", "event_code", "root_code", "quad_class", "goldstein", "latitude", "longitude", "location",
    "admin1", "country", "doc_id", "sentence", "modality", "url"};

static void tsv_header(sr_buf *b)
{
    for (size_t i = 0; i < sizeof tsv_cols / sizeof *tsv_cols; i++) {
        if (i)
            sr_buf_putc(b, '\t');
        sr_buf_puts(b, tsv_cols[i]);
    }
    sr_buf_putc(b, '\n');
}

static void tsv_str(sr_buf *b, const char *s)
{
    sr_buf_tsv_field(b, s ? s : "");
    sr_buf_putc(b, '\t');
}

static void tsv_row(sr_buf *b, const xrow *r, const xderived *dv)
{
    tsv_str(b, r->id);
    const char *dt = r->date;
    if (dt && strlen(dt) == 10)
        sr_buf_printf(b, "%.4s%.2s%.2s\t%.4s\t%.2s\t%.2s\t", dt, dt + 5, dt + 8, dt, dt + 5, dt + 8);
    else
        sr_buf_puts(b, "\t\t\t\t");
    tsv_str(b, r->a1c);
    tsv_str(b, r->a1);
    tsv_str(b, r->a2c);
    tsv_str(b, r->a2);
    tsv_str(b, dv->cameo);
    if (dv->cameo)
        sr_buf_put(b, dv->cameo, strlen(dv->cameo) >= 2 ? 2 : strlen(dv->cameo));
    sr_buf_printf(b, "\t%d\t", r->quad);
    if (dv->has_gold)
        sr_buf_printf(b, "%.1f", dv->gold);
    sr_buf_putc(b, '\t');
    if (r->has_coords)
        sr_buf_printf(b, "%.4f\t%.4f\t", r->lat, r->lon);
    else
        sr_buf_puts(b, "\t\t");
    tsv_str(b, r->loc);
    tsv_str(b, r->admin1);
    tsv_str(b, dv->k ? dv->k->iso3 : NULL);
    tsv_str(b, r->docs);
    if (r->sentence >= 0)
        sr_buf_printf(b, "%d", r->sentence);
    sr_buf_putc(b, '\t');
    tsv_str(b, r->modality);
    sr_buf_tsv_field(b, r->urls ? r->urls : "");
    sr_buf_putc(b, '\n');
}

static void json_opt(sr_buf *b, const char *key, const char *v)
{
    sr_buf_printf(b, ",\"%s\":", key);
    if (v)
        sr_buf_json_str(b, v);
    else
        sr_buf_puts(b, "null");
}

static void plover_actor(sr_buf *b, const sr_export *x, const char *role, const char *name, const char *code,
                         const xactor *a)
{
    if (!name)
        return;
    sr_buf_puts(b, "{\"role\":");
    sr_buf_json_str(b, role);
    sr_buf_puts(b, ",\"name\":");
    sr_buf_json_str(b, name);
    json_opt(b, "code", code);
    json_opt(b, "country", a->country >= 0 ? x->d->countries[a->country].iso3 : NULL);
    sr_buf_printf(b, ",\"acled_inter\":%d}", a->inter);
}

static void plover_row(sr_buf *b, const sr_export *x, const xrow *r, const xderived *dv)
{
    sr_buf_puts(b, "{\"id\":");
    sr_buf_json_str(b, r->id ? r->id : "");
    json_opt(b, "date", r->date);
    json_opt(b, "event_type", dv->sub ? dv->sub->plover : NULL);
    json_opt(b, "mode", dv->sub ? dv->sub->plover_mode : NULL);
    sr_buf_puts(b, ",\"context\":[");
    if (dv->sub && dv->sub->plover_context)
        sr_buf_json_str(b, dv->sub->plover_context);
    sr_buf_puts(b, "],\"actors\":[");
    plover_actor(b, x, "actor", r->a1, r->a1c, &dv->a1);
    if (r->a1 && r->a2)
        sr_buf_putc(b, ',');
    plover_actor(b, x, "recipient", r->a2, r->a2c, &dv->a2);
    sr_buf_puts(b, "],\"place\":");
    if (!r->loc && !dv->k) {
        sr_buf_puts(b, "null");
    } else {
        sr_buf_puts(b, "{\"name\":");
        sr_buf_json_str(b, r->loc ? r->loc : "");
        json_opt(b, "admin1", r->admin1);
        json_opt(b, "country", dv->k ? dv->k->iso3 : NULL);
        if (r->has_coords)
            sr_buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f", r->lat, r->lon);
        else
            sr_buf_puts(b, ",\"lat\":null,\"lon\":null");
        sr_buf_printf(b, ",\"geo_precision\":%d}", r->gp);
    }
    json_opt(b, "acled_sub_event_type", r->sub);
    json_opt(b, "cameo", dv->cameo);
    if (dv->has_gold)
        sr_buf_printf(b, ",\"goldstein\":%.1f", dv->gold);
    else
        sr_buf_puts(b, ",\"goldstein\":null");
    if (r->fat >= 0)
        sr_buf_printf(b, ",\"fatalities\":%ld", r->fat);
    else
        sr_buf_puts(b, ",\"fatalities\":null");
    json_opt(b, "source", r->sources);
    json_opt(b, "url", r->urls);
    json_opt(b, "articles", r->docs);
    json_opt(b, "text", r->text);
    sr_buf_puts(b, "}\n");
}

static void write_row(sr_buf *b, const sr_export *x, const xrow *r)
{
    xderived dv;
    derive(x, r, &dv);
    switch (x->fmt) {
    case SR_FORMAT_ACLED_CSV:
        acled_row(b, x, r, &dv);
        sr_buf_putc(b, '\n');
        break;
    case SR_FORMAT_CSV:
        acled_row(b, x, r, &dv);
        own_row(b, x, r, &dv);
        sr_buf_putc(b, '\n');
        break;
    case SR_FORMAT_PHOENIX: phoenix_row(b, r, &dv); break;
    case SR_FORMAT_CAMEO_TSV: tsv_row(b, r, &dv); break;
    case SR_FORMAT_PLOVER: plover_row(b, x, r, &dv); break;
    default: break;
    }
}

/* ---- rows from both sides ---------------------------------------------------------- */

static void row_of_event(const sr_export *x, const sr_article *a, const sr_event *e, xrow *r)
{
    memset(r, 0, sizeof *r);
    sr_actor_ref a1 = {0}, a2 = {0};
    sr_location_ref loc = {0};
    int h1 = sr_event_actor1(e, &a1), h2 = sr_event_actor2(e, &a2), hl = sr_event_location(e, &loc);
    r->id = sr_event_id(e);
    r->date = sr_event_date(e);
    r->tp = sr_event_time_precision(e);
    r->type = sr_event_type(e);
    r->sub = sr_event_sub_type(e);
    r->cameo = sr_event_cameo(e);
    r->quad = sr_event_quad_class(e);
    r->a1 = h1 ? a1.name : NULL;
    r->a1c = h1 ? a1.code : NULL;
    r->a2 = h2 ? a2.name : NULL;
    r->a2c = h2 ? a2.code : NULL;
    if (hl) {
        r->loc = loc.name;
        r->admin1 = loc.admin1;
        r->cc = loc.country;
        r->has_coords = loc.has_coords;
        r->lat = loc.lat;
        r->lon = loc.lon;
        r->gp = loc.geo_precision;
    }
    r->fat = sr_event_fatalities(e);
    r->sources = a && a->source && *a->source ? a->source : NULL;
    r->urls = a && a->url && *a->url ? a->url : NULL;
    r->text = sr_event_text(e);
    r->docs = sr_event_doc_id(e);
    r->sentence = sr_event_sentence(e);
    r->modality = sr_modality_str(sr_event_modality(e));
    r->mentions = sr_event_mentions(e);
    r->n_sources = 1;
    r->has_conf = 1;
    r->conf = sr_event_confidence(e);
    r->timestamp = x->now;
}

static void row_of_stored(const sr_stored_event *e, xrow *r)
{
    memset(r, 0, sizeof *r);
    r->id = e->id;
    r->date = e->date;
    r->tp = e->time_precision;
    r->type = e->event_type;
    r->sub = e->sub_event_type;
    r->cameo = e->cameo;
    r->quad = e->quad_class;
    r->a1 = e->actor1;
    r->a1c = e->actor1_code;
    r->a2 = e->actor2;
    r->a2c = e->actor2_code;
    r->loc = e->location;
    r->admin1 = e->admin1;
    r->cc = e->country;
    r->has_coords = e->has_coords;
    r->lat = e->lat;
    r->lon = e->lon;
    r->gp = e->geo_precision;
    r->fat = e->fatalities;
    r->sources = e->sources;
    r->urls = e->urls;
    r->text = e->notes;
    r->docs = e->articles;
    r->sentence = -1;
    r->modality = sr_modality_str(SR_ASSERTED); /* the store keeps only these */
    r->mentions = e->mentions;
    r->n_sources = e->n_sources;
    r->timestamp = e->changed_at;
}

/* ---- the public side ------------------------------------------------------------- */

static int finish(sr_buf *b, char **buf, size_t *len, size_t *cap, size_t before)
{
    int rc = b->oom ? -1 : 0;
    *buf = b->p;
    *cap = b->cap;
    /* a line cut short by a failed allocation is taken back */
    *len = rc ? before : b->len;
    if (*buf)
        (*buf)[*len] = 0;
    return rc;
}

int sr_export_header(const sr_export *x, char **buf, size_t *len, size_t *cap)
{
    sr_buf b = {*buf, *len, *cap, 0};
    size_t before = *len;
    if (x->fmt == SR_FORMAT_CAMEO_TSV)
        tsv_header(&b);
    return finish(&b, buf, len, cap, before);
}

int sr_export_begin(const sr_export *x, char **buf, size_t *len, size_t *cap)
{
    sr_buf b = {*buf, *len, *cap, 0};
    size_t before = *len;
    if (x->fmt == SR_FORMAT_ACLED_CSV || x->fmt == SR_FORMAT_CSV)
        csv_header(&b, x->fmt == SR_FORMAT_CSV);
    else if (x->fmt == SR_FORMAT_GEOJSON || x->fmt == SR_FORMAT_JSONL)
        sr_io_stored_begin(&b, x->fmt);
    return finish(&b, buf, len, cap, before);
}

int sr_export_end(const sr_export *x, char **buf, size_t *len, size_t *cap)
{
    sr_buf b = {*buf, *len, *cap, 0};
    size_t before = *len;
    sr_io_stored_end(&b, x->fmt);
    return finish(&b, buf, len, cap, before);
}

int sr_export_event(const sr_export *x, const sr_article *a, const sr_event *e, char **buf, size_t *len,
                    size_t *cap)
{
    if (x->fmt == SR_FORMAT_JSONL)
        return sr_format_event(x->fmt, e, buf, len, cap);
    if (x->fmt == SR_FORMAT_GEOJSON || x->fmt == SR_FORMAT_TEXT)
        return -1;
    sr_buf b = {*buf, *len, *cap, 0};
    size_t before = *len;
    xrow r;
    row_of_event(x, a, e, &r);
    write_row(&b, x, &r);
    return finish(&b, buf, len, cap, before);
}

int sr_export_stored(sr_export *x, const sr_stored_event *e, char **buf, size_t *len, size_t *cap)
{
    sr_buf b = {*buf, *len, *cap, 0};
    size_t before = *len;
    if (x->fmt == SR_FORMAT_JSONL || x->fmt == SR_FORMAT_GEOJSON) {
        sr_io_stored_json(&b, x->fmt, e, x->rows);
    } else if (x->fmt == SR_FORMAT_TEXT) {
        return -1;
    } else {
        xrow r;
        row_of_stored(e, &r);
        write_row(&b, x, &r);
    }
    x->rows++;
    return finish(&b, buf, len, cap, before);
}
