/* Place mentions: dictionary places, countries used as places, and names
 * recognised by their frame ("the town of X", "X city", "in X"). Then how
 * they relate: lists ("X and Y"), containers ("X in Y province"), nearness
 * ("east of X"), and places that only refer back ("the city"). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../geo/resolve.h"
#include "../lang/numbers.h"
#include "coder.h"
#include "../util/str.h"

static int owned_by_other(const sr_sent *s, size_t i)
{
    int o = s->owner[i];
    return o >= 0 && s->m[o].kind != PH_PLACE;
}

static int name_tok(const sr_engine *e, const sr_sent *s, size_t i, int first)
{
    if (i >= s->ntok)
        return 0;
    const sr_token *t = &s->tok[i];
    if (!(t->flags & TK_WORD) || (t->flags & TK_NUM) || owned_by_other(s, i))
        return 0;
    /* a month's name is no place's, but "May" and "March" are words too */
    if ((t->flags & TK_CAP) && sr_month_of_len(t->norm, t->nlen) && !word_has(e, t->id, WA_MONTH_WORD))
        return 0;
    if ((t->flags & TK_CAP) && sr_weekday_name_len(t->norm, t->nlen) >= 0)
        return 0;
    if (t->flags & TK_CAP) {
        if (first && word_has(e, t->id, WA_STOPNAME))
            return 0;
        if ((t->flags & TK_ALLCAP) && t->nlen <= 4 && !(t->flags & TK_HYPH))
            return 0; /* acronyms: agencies, units */
        return 1;
    }
    /* a particle joined to a capitalised word: "al Omar", "ez-Zor"; the
     * particles that are English words too ("at", "as", "an") only with a
     * hyphen ("at-Tanf") */
    if (i + 1 < s->ntok && (s->tok[i + 1].flags & TK_CAP) && (s->tok[i + 1].flags & TK_WORD) && t->nlen <= 7 &&
        !owned_by_other(s, i + 1) && word_has(e, t->id, WA_PARTICLE)) {
        /* ("Tecpan de Galeana": inside a name, after its first word) */
        if (word_has(e, t->id, WA_PARTICLE_WORD))
            return (s->tok[i + 1].flags & TK_HYPH) != 0 ||
                   (!first && i > 0 && (s->tok[i - 1].flags & TK_CAP) && has_cue(s, i, CUE_MIDNAME));
        return 1;
    }
    return 0;
}

/* A name: capitalised words (and particles) from i. Returns its end, or i.
 * Asked at every token: the test most words fail is kept in line, the
 * rest out of line (its call cost more than the test). */
static inline int kind_of_noun(const sr_engine *e, const sr_sent *s, size_t i, size_t *end);

static size_t __attribute__((noinline)) name_seq_from(const sr_engine *e, const sr_sent *s, size_t i)
{
    if (!name_tok(e, s, i, 1)) {
        /* "in Gaza City's Sheikh Radwan neighbourhood": a word that
         * starts no name alone ("Sheikh") starts one a place's noun
         * ends */
        size_t j, ke;
        int title = (s->tok[i].flags & TK_CAP) && (s->tok[i].flags & TK_ALPHA) &&
                    (word_has(e, s->tok[i].id, WA_STOPNAME) ||
                     (s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_AGENT && s->m[s->owner[i]].start == i &&
                      s->m[s->owner[i]].end == i + 1));
        if (title && i + 1 < s->ntok && (s->tok[i + 1].flags & TK_CAP) && (j = name_seq_from(e, s, i + 1)) > i + 1 &&
            kind_of_noun(e, s, j, &ke))
            return j;
        return i;
    }
    size_t j = i + 1;
    /* "Puerto Jordan", "Nueva Guinea": a country's name may end a town's */
    if (j < s->ntok && s->owner[i] < 0 && (s->tok[i].flags & TK_CAP) && s->owner[j] >= 0 &&
        s->m[s->owner[j]].kind == PH_COUNTRY && s->m[s->owner[j]].start == j && (s->tok[j].flags & TK_CAP))
        return s->m[s->owner[j]].end;
    while (j < s->ntok && j < i + 5 &&
           (name_tok(e, s, j, 0) || ((s->tok[j].flags & TK_NUM) && (s->tok[j].flags & TK_HYPH)))) {
        /* a new name starts after a comma only; two capitalised words in a
         * row belong together; "T-4" keeps its number */
        /* but "Kauru Local Government Area": a region's noun of several
         * words ends the name */
        if (has_cue(s, j, CUE_PN_REGION) && cue_end(s, j, CUE_PN_REGION) > j + 1)
            break;
        j++;
    }
    /* "Santiago de Cuba": a country's name after a particle inside the
     * name ends it too */
    if (j > i && country_ends_name(s, j + 1))
        return s->m[s->owner[j + 1]].end;
    /* one letter is no name: "the T-3 airbase" is not a place called T */
    if (j == i + 1 && s->tok[i].nlen < 2)
        return i;
    /* "in the Alawite-majority neighbourhood of Al-Zahra", "a Homs-based
     * activist": a name joined to a lower-case word describes what comes
     * after it, no place of its own */
    if (j < s->ntok && (s->tok[j].flags & TK_HYPH) && (s->tok[j].flags & TK_ALPHA) && !(s->tok[j].flags & TK_CAP))
        return i;
    return j;
}

static inline size_t name_seq(const sr_engine *e, const sr_sent *s, size_t i)
{
    /* a name starts with a capital, or with a particle before one (as
     * name_tok says) */
    if (i >= s->ntok || (!(s->tok[i].flags & TK_CAP) && !(i + 1 < s->ntok && (s->tok[i + 1].flags & TK_CAP))))
        return i;
    return name_seq_from(e, s, i);
}

static sr_pmention *new_place(sr_coder *c, sr_sent *s, size_t *cap)
{
    if (s->npm == *cap) {
        size_t nc = *cap ? *cap * 2 : 2;
        sr_pmention *np = sr_arena_realloc(&c->arena, s->pm, *cap * sizeof *np, nc * sizeof *np);
        if (!np)
            return NULL;
        s->pm = np;
        *cap = nc;
    }
    sr_pmention *p = &s->pm[s->npm++];
    memset(p, 0, sizeof *p);
    p->loc.place = -1;
    p->loc.gaz = -1;
    p->country = -1;
    p->container = -1;
    p->next = -1;
    p->owner = -1;
    p->adj_country = -1;
    p->loc.precision = 1;
    return p;
}

static int __attribute__((noinline)) kind_of_noun_at(const sr_engine *e, const sr_sent *s, size_t i, size_t *end);

/* asked of every token: most start no place noun, which is told in line */
static inline int kind_of_noun(const sr_engine *e, const sr_sent *s, size_t i, size_t *end)
{
    const uint64_t nouns = (1ULL << CUE_PN_TOWN) | (1ULL << CUE_PN_REGION) | (1ULL << CUE_PN_FEATURE);
    if (!(s->cues & nouns) || i >= s->ntok || !(s->cuemask[i] & nouns))
        return 0;
    return kind_of_noun_at(e, s, i, end);
}

/* Whether pattern_place can find anything at token i: a place noun starts
 * there, or a name does (a capital there or next, as name_seq asks). Most
 * tokens are neither, and are told so here without the call. */
static inline int may_start_place(const sr_sent *s, size_t i)
{
    const uint64_t nouns = (1ULL << CUE_PN_TOWN) | (1ULL << CUE_PN_REGION) | (1ULL << CUE_PN_FEATURE);
    if ((s->tok[i].flags & TK_CAP) || (i + 1 < s->ntok && (s->tok[i + 1].flags & TK_CAP)))
        return 1;
    return (s->cues & nouns) && (s->cuemask[i] & nouns);
}

static int kind_of_noun_at(const sr_engine *en, const sr_sent *s, size_t i, size_t *end)
{
    size_t e;
    if ((e = cue_end(s, i, CUE_PN_TOWN))) {
        *end = e;
        const char *w = s->tok[i].norm;
        if (sr_affix(en, AF_VILLAGE, w))
            return PK_VILLAGE;
        if (sr_affix(en, AF_QUARTER, w))
            return PK_NEIGHBOURHOOD;
        if (sr_affix(en, AF_CITY, w))
            return PK_CITY;
        return PK_TOWN;
    }
    if ((e = cue_end(s, i, CUE_PN_REGION))) {
        *end = e;
        const char *w = s->tok[i].norm;
        if (sr_affix(en, AF_ADMIN1, w))
            return PK_ADMIN1;
        if (sr_affix(en, AF_ADMIN2, w))
            return PK_ADMIN2;
        return PK_REGION;
    }
    if ((e = cue_end(s, i, CUE_PN_FEATURE))) {
        *end = e;
        return PK_FEATURE;
    }
    return 0;
}

static void set_from_dict(sr_coder *c, sr_pmention *p, int place)
{
    const sr_place_def *pd = &c->eng->d.places[place];
    p->loc.place = place;
    p->loc.name = pd->name;
    p->loc.admin1 = pd->admin1;
    memcpy(p->loc.cc, pd->country, 3);
    p->loc.kind = pd->kind;
    p->loc.has_coords = pd->has_coords;
    p->loc.lat = pd->lat;
    p->loc.lon = pd->lon;
    p->loc.precision = (pd->kind == PK_ADMIN1 || pd->kind == PK_COUNTRY)  ? 3
                       : (pd->kind == PK_REGION || pd->kind == PK_ADMIN2) ? 2
                                                                          : 1;
}

/* Of several dictionary places sharing a name, the one in the article's
 * country. */
static int choose_place(sr_coder *c, const sr_sent *s, int owner)
{
    const sr_dicts *d = &c->eng->d;
    const sr_match *first = &s->m[owner];
    int best = (int)first->value;
    int fci = c->focus_country;
    /* "the Lebanese city of Tripoli": the country's adjective before the
     * town's noun says which */
    size_t b = first->start;
    if (b >= 3 && tok_is(s, b - 1, c->eng->w.of) && has_cue(s, b - 2, CUE_PN_TOWN) && s->owner[b - 3] >= 0 &&
        s->m[s->owner[b - 3]].kind == PH_COUNTRY && (s->m[s->owner[b - 3]].flags & PF_ADJ))
        fci = (int)s->m[s->owner[b - 3]].value;
    if (fci < 0)
        return best;
    const char *fc = d->countries[fci].iso2;
    for (size_t k = (size_t)owner; k < s->nm; k++) {
        const sr_match *m = &s->m[k];
        if (m->start != first->start || m->end != first->end || m->kind != PH_PLACE)
            break;
        if (sr_streq(d->places[m->value].country, fc) && d->places[m->value].kind != PK_ADMIN1)
            return (int)m->value;
    }
    return best;
}

/* "Deir Ezzor province": the admin unit named like the city. */
static int admin_for(const sr_coder *c, const sr_pmention *p)
{
    const sr_dicts *d = &c->eng->d;
    if (!p->loc.admin1)
        return -1;
    for (size_t k = 0; k < d->nplaces; k++)
        if (d->places[k].kind == PK_ADMIN1 && sr_streq(d->places[k].country, p->loc.cc) && d->places[k].admin1 &&
            sr_streq(d->places[k].admin1, p->loc.admin1))
            return (int)k;
    return -1;
}

/* A mention of the same name in an earlier sentence that has a point. */
static const sr_pmention *earlier_same_name(const sr_coder *c, const sr_sent *s, const char *name)
{
    if (s < c->sents || s >= c->sents + c->nsents)
        return NULL;
    for (const sr_sent *q = s; q > c->sents; q--) {
        const sr_sent *r = q - 1;
        for (size_t j = 0; j < r->npm; j++)
            if (r->pm[j].loc.has_coords && r->pm[j].loc.name && !r->pm[j].refloc && !strcasecmp(r->pm[j].loc.name, name))
                return &r->pm[j];
    }
    return NULL;
}

/* A gazetteer name as analysts write it: "Ḩays" is Hays, "Dārayyā" Darayya
 * (marks and ayn/hamza letters dropped, letters kept). */
static const char *plain_name(sr_coder *c, const char *name)
{
    int ascii = 1;
    for (const unsigned char *q = (const unsigned char *)name; *q; q++)
        if (*q >= 0x80)
            ascii = 0;
    if (ascii)
        return name;
    utf8proc_uint8_t *out = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)name, 0, &out,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK) < 0 || !out)
        return name;
    size_t n = strlen((const char *)out);
    char *r = sr_arena_alloc(&c->arena, n + 1);
    size_t k = 0;
    for (size_t i = 0; r && i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate(out + i, (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0)
            break;
        if (!sr_is_name_mark((uint32_t)cp)) {
            memcpy(r + k, out + i, (size_t)l);
            k += (size_t)l;
        }
        i += (size_t)l;
    }
    free(out);
    if (!r)
        return name;
    r[k] = 0;
    return k ? r : name;
}

static int is_loc_prep(const sr_engine *e, uint32_t id)
{
    return word_has(e, id, WA_LOCPREP);
}

/* Coordinates for the places the dictionaries left without: from
 * places.tsv by key (other spellings) and from the gazetteer, the article's
 * country, the province named with it and its nearness to the places
 * already placed deciding between namesakes. */
/* The point of a province by its name (an admin1 entry of places.tsv in
 * country cc): where a village no list has is known to lie. -1 if none. */
int sr_admin1_entry(const sr_dicts *d, const char *admin1, const char *cc)
{
    for (size_t i = 0; i < d->nplaces; i++) {
        const sr_place_def *q = &d->places[i];
        /* a province, or a region entry that is the province itself
         * ("North Sinai") */
        if ((q->kind == PK_ADMIN1 || (q->kind == PK_REGION && q->name && !strcasecmp(q->name, admin1))) &&
            q->has_coords && q->admin1 && !strcasecmp(q->admin1, admin1) &&
            (!cc || !cc[0] || !strncmp(q->country, cc, 2)))
            return (int)i;
    }
    return -1;
}

/* "Gangaw Township", "Hnan Khar Village": a name with its place noun,
 * looked up without it. The length of the name without, or 0. */
static size_t without_place_noun(const sr_engine *e, const sr_sent *s, const sr_pmention *p)
{
    if (!p->pattern || p->ne <= p->ns + 1)
        return 0;
    size_t ke = 0;
    if (!kind_of_noun(e, s, p->ne - 1, &ke))
        return 0;
    const sr_token *a = &s->tok[p->ns], *b = &s->tok[p->ne - 2];
    return b->off + b->len - a->off;
}

static const sr_part_def *compass_part_before(const sr_dicts *d, const sr_sent *s, const sr_pmention *p);

/* "the city of Marawi": the name, then its noun with a capital
 * ("Marawi City"), into out; the length, 0 when there is no such noun. */
static size_t with_place_noun(const sr_engine *e, const sr_sent *s, const sr_pmention *p, char *out, size_t cap)
{
    /* (a city's noun only: names end in "City", seldom in "Village") */
    if (!p->pattern || p->loc.kind != PK_CITY || p->ns < 2 || !tok_is(s, p->ns - 1, e->w.of) ||
        !has_cue(s, p->ns - 2, CUE_PN_TOWN))
        return 0;
    const sr_token *a = &s->tok[p->ns], *b = &s->tok[p->ne - 1], *noun = &s->tok[p->ns - 2];
    size_t nl = b->off + b->len - a->off;
    if (nl + 1 + noun->len + 1 > cap || !(noun->flags & TK_ALPHA))
        return 0;
    memcpy(out, s->text + a->off, nl);
    out[nl] = ' ';
    memcpy(out + nl + 1, s->text + noun->off, noun->len);
    if (out[nl + 1] >= 'a' && out[nl + 1] <= 'z')
        out[nl + 1] = (char)(out[nl + 1] - 32);
    out[nl + 1 + noun->len] = 0;
    return nl + 1 + noun->len;
}

/* The town told with "near" just after place k, past other unknown names
 * of a list ("Tal Shanan and Um al-Kaif near Tal Tamr"), that has a point;
 * -1. */
static int town_near_after(const sr_engine *e, const sr_sent *s, size_t k)
{
    int best = -1;
    for (size_t j = 0; j < s->npm; j++) {
        const sr_pmention *q = &s->pm[j];
        if (j == k || q->s < s->pm[k].e || q->s > (size_t)s->pm[k].e + 8)
            continue;
        /* (a place we know between them says where instead; not one told
         * after the town: "the town of Douris near Baalbek in eastern
         * Lebanon") */
        if (!q->near && q->loc.has_coords && !q->pattern && (best < 0 || q->s < s->pm[best].s))
            return -1;
        /* (or, of a village, a compass word and "of": "the village of
         * Maaysrah north of Beirut"; not a town or a bare name, which may
         * lie further: "the town of Gharanij, east of Deir al-Zor", some
         * 80 km) */
        int village = s->pm[k].pattern && s->pm[k].loc.kind == PK_VILLAGE;
        int told_near = q->prep == e->w.near || (village && q->s >= 2 && tok_is(s, q->s - 1, e->w.of) &&
                                                 has_cue(s, q->s - 2, CUE_DIR));
        if (q->near && told_near && q->loc.has_coords && !q->pattern &&
            (q->loc.kind == PK_TOWN || q->loc.kind == PK_CITY || q->loc.kind == PK_VILLAGE) &&
            (best < 0 || q->s < s->pm[best].s))
            best = (int)j;
    }
    return best;
}

/* Place p, found nowhere, at another place's point with the precision
 * given; what p's own words did not say of its province and country, the
 * other's. */
static void take_point(sr_place *p, const sr_place *q, int precision)
{
    p->lat = q->lat;
    p->lon = q->lon;
    p->has_coords = 1;
    p->precision = (uint8_t)precision;
    if (!p->admin1)
        p->admin1 = q->admin1;
    if (!p->cc[0])
        memcpy(p->cc, q->cc, 3);
}

static void geocode_round(sr_coder *c, sr_sent *s)
{
    const sr_engine *e = c->eng;
    const sr_dicts *d = &e->d;
    for (size_t k = 0; k < s->npm; k++) {
        sr_pmention *p = &s->pm[k];
        int near_town;
        if (p->refloc || !p->loc.name || p->loc.kind == PK_COUNTRY || p->country >= 0)
            continue;
        /* a site's name no list knows, in a town named with it ("the Rawda
         * mosque in the town of Bir al-Abed"): the town says where, not
         * a namesake elsewhere (Ar-Rawdah of Damietta) */
        if (p->pattern && p->loc.kind == PK_FEATURE && !p->loc.has_coords && p->container >= 0 &&
            p->container < (int)s->npm &&
            (s->pm[p->container].loc.kind == PK_TOWN || s->pm[p->container].loc.kind == PK_CITY))
            continue;
        if (!p->loc.has_coords || (p->loc.place < 0 && !p->loc.cc[0])) {
            sr_geo_hint h;
            memset(&h, 0, sizeof h);
            h.focus_cc = c->focus_country >= 0 ? d->countries[c->focus_country].iso2 : NULL;
            if (p->container >= 0 && p->container < (int)s->npm) {
                const sr_pmention *q = &s->pm[p->container];
                /* "in Windhoek, Namibia", "Beni in eastern Democratic
                 * Republic of the Congo": a country, or a part of one
                 * named by its direction, holds the place but is no
                 * province of it */
                if (q->loc.kind != PK_COUNTRY && q->country < 0 && !p->near_holder)
                    h.admin = q->loc.admin1 ? q->loc.admin1 : q->loc.name;
                if (q->loc.cc[0])
                    h.focus_cc = q->loc.cc;
            }
            /* "attacked the Russian border region of Kursk with drones,
             * killing a man in the town of Rylsk": a province the sentence
             * names says which country its other places are in, whatever
             * country the story is about */
            /* "the eastern Ukrainian town of Kostiantynivka": the part of
             * the country its compass word names (places.tsv "part") is
             * near it, to tell namesakes apart */
            const sr_part_def *part = p->adj_country >= 0 && !c->has_anchor ? compass_part_before(d, s, p) : NULL;
            if (p->adj_country >= 0)
                h.focus_cc = d->countries[p->adj_country].iso2;
            else if (p->container < 0)
                for (size_t j = 0; j < s->npm; j++) {
                    const sr_pmention *q = &s->pm[j];
                    if (j != k && q->loc.kind == PK_ADMIN1 && q->loc.cc[0] && !q->dateline && !q->in_report &&
                        !q->affil && q->country < 0) {
                        h.focus_cc = q->loc.cc;
                        break;
                    }
                }
            h.has_near = c->has_anchor || part;
            h.near_lat = part ? part->lat : c->anchor_lat;
            h.near_lon = part ? part->lon : c->anchor_lon;
            if (p->near_holder && s->pm[p->container].loc.has_coords) {
                h.has_near = 1;
                h.near_lat = s->pm[p->container].loc.lat;
                h.near_lon = s->pm[p->container].loc.lon;
            }
            /* "Niger's western Tillaberi region": a name with "region"
             * after it is the province first, then the town */
            h.want_admin = p->loc.kind == PK_ADMIN1 || p->region_noun || (p->pattern && p->loc.kind == PK_REGION);
            h.article_ccs = c->focus_country >= 0 ? c->article_ccs : NULL;
            h.story_admin = c->story_admin;
            h.small_place = p->pattern && p->loc.kind == PK_VILLAGE;
            sr_geo_hit hit;
            const char *nm = p->loc.name;
            int got = sr_geo_resolve(d, e->gaz, c->geo_cache, nm, strlen(nm), &h, &hit) && (hit.lat != 0 || hit.lon != 0);
            /* "Kabankalan City, Negros Occidental": a holder no list knows
             * may be named otherwise than the gazetteer's province */
            if (!got && h.admin && s->pm[p->container].pattern && !s->pm[p->container].loc.has_coords) {
                h.admin = NULL;
                got = sr_geo_resolve(d, e->gaz, c->geo_cache, nm, strlen(nm), &h, &hit) && (hit.lat != 0 || hit.lon != 0);
            }
            /* (or one our list names otherwise than the gazetteer: "Wad
             * Madani, the capital of Gezira state", GeoNames' Al Jazirah):
             * the place of that name nearest the holder's point, if near */
            if (!got && h.admin && s->pm[p->container].loc.has_coords && s->pm[p->container].loc.kind == PK_ADMIN1) {
                const sr_place *hl = &s->pm[p->container].loc;
                sr_geo_hint h2 = h;
                h2.admin = NULL;
                h2.has_near = 1;
                h2.near_lat = hl->lat;
                h2.near_lon = hl->lon;
                got = sr_geo_resolve(d, e->gaz, c->geo_cache, nm, strlen(nm), &h2, &hit) && (hit.lat != 0 || hit.lon != 0) &&
                      sr_km(hl->lat, hl->lon, hit.lat, hit.lon) < 150.0;
            }
            size_t bare = got ? 0 : without_place_noun(e, s, p);
            if (bare)
                got = sr_geo_resolve(d, e->gaz, c->geo_cache, s->text + s->tok[p->ns].off, bare, &h, &hit) &&
                      (hit.lat != 0 || hit.lon != 0);
            /* "the southern Philippine city of Marawi": the list may know
             * it with its noun, "Marawi City" */
            char named[128];
            size_t nn = got ? 0 : with_place_noun(e, s, p, named, sizeof named);
            if (nn)
                got = sr_geo_resolve(d, e->gaz, c->geo_cache, named, nn, &h, &hit) && (hit.lat != 0 || hit.lon != 0);
            /* "The protesters ... gathered in the central Al-Karama
             * square", in a story told from Suwayda: a square, a mosque, a
             * hospital is named for its own sake, and a village of the
             * name 240 km off (Al Karimah, Tartus) is no place of it */
            if (got && p->pattern && p->loc.kind == PK_FEATURE && c->has_anchor &&
                sr_km(c->anchor_lat, c->anchor_lon, hit.lat, hit.lon) > 100.0) {
                p->unknown = 1;
                continue;
            }
            p->unknown = p->need_gaz && !got;
            if (p->unknown)
                continue;
            if (got) {
                int keep_kind = p->loc.kind && p->loc.kind != PK_TOWN;
                if (p->loc.place < 0 || !p->loc.has_coords) {
                    p->loc.lat = hit.lat;
                    p->loc.lon = hit.lon;
                    p->loc.has_coords = 1;
                }
                if (p->pattern) {
                    p->loc.name = plain_name(c, hit.name);
                    p->loc.place = hit.place;
                    p->loc.gaz = (int)hit.gaz;
                }
                if (!p->loc.admin1)
                    p->loc.admin1 = hit.admin1;
                if (!p->loc.cc[0])
                    memcpy(p->loc.cc, hit.cc, 3);
                if (!keep_kind && hit.kind)
                    p->loc.kind = (uint8_t)hit.kind;
                if (hit.kind == PK_ADMIN1 && !p->near)
                    p->loc.precision = 3;
            } else if (p->container >= 0 && p->container < (int)s->npm && s->pm[p->container].loc.has_coords &&
                       s->pm[p->container].loc.kind != PK_COUNTRY &&
                       (s->pm[p->container].country < 0 || s->pm[p->container].part_point) && !p->loc.has_coords) {
                /* a village we cannot find, in a province we know: the
                 * province's point, and say only the province is known (a
                 * country's point says nothing of where in it; a part's
                 * own does: "the village of Essakane in northern Burkina
                 * Faso") */
                const sr_pmention *q = &s->pm[p->container];
                p->loc.lat = q->loc.lat;
                p->loc.lon = q->loc.lon;
                p->loc.has_coords = 1;
                /* (a quarter of a city we know is at the city: "in Gaza
                 * City's Zeitoun neighbourhood", ACLED's precision 1) */
                p->loc.precision = p->loc.kind == PK_NEIGHBOURHOOD && q->loc.kind == PK_CITY ? 1 : 3;
                if (!p->loc.admin1 && q->country < 0)
                    p->loc.admin1 = q->loc.admin1 ? q->loc.admin1 : q->loc.name;
                if (!p->loc.cc[0])
                    memcpy(p->loc.cc, q->loc.cc, 3);
            } else if (!p->loc.has_coords && (near_town = town_near_after(e, s, k)) >= 0) {
                /* "shelled the villages of Tal Shanan and Um al-Kaif near Tal
                 * Tamr": villages we cannot find, near a town we know: near
                 * it, at precision 2 */
                take_point(&p->loc, &s->pm[near_town].loc, 2);
            } else if (!p->loc.has_coords && p->loc.admin1 && sr_admin1_entry(d, p->loc.admin1, p->loc.cc) >= 0) {
                /* a village of the list with no point of its own, in a
                 * province that has one: the province's, at precision 3 */
                const sr_place_def *q = &d->places[sr_admin1_entry(d, p->loc.admin1, p->loc.cc)];
                p->loc.lat = q->lat;
                p->loc.lon = q->lon;
                p->loc.has_coords = 1;
                p->loc.precision = 3;
            } else if (!p->loc.has_coords) {
                /* the same unknown village named again: what its first
                 * mention's province said */
                const sr_pmention *q = earlier_same_name(c, s, p->loc.name);
                if (q)
                    take_point(&p->loc, &q->loc, q->loc.precision > p->loc.precision ? q->loc.precision : p->loc.precision);
            }
            /* "the southern Lebanese town of Jouaiyya", found nowhere: the
             * part of the country its compass word names, at precision 3 */
            /* (a province known for it says more, later) */
            const sr_part_def *pt = p->loc.has_coords || p->loc.admin1 ? NULL : compass_part_before(d, s, p);
            if (pt) {
                p->loc.lat = pt->lat;
                p->loc.lon = pt->lon;
                p->loc.has_coords = 1;
                p->loc.precision = 3;
                if (!p->loc.admin1)
                    p->loc.admin1 = pt->admin1;
                if (!p->loc.cc[0])
                    memcpy(p->loc.cc, pt->country, 3);
            }
        }
        if (p->loc.has_coords && !c->story_admin && p->loc.kind == PK_ADMIN1 && p->loc.admin1 && !p->dateline &&
            !p->in_report && !p->affil)
            c->story_admin = p->loc.admin1;
        if (p->loc.has_coords && !c->has_anchor && p->loc.precision == 1 && !p->dateline && !p->in_report) {
            c->has_anchor = 1;
            c->anchor_lat = p->loc.lat;
            c->anchor_lon = p->loc.lon;
        }
    }
}

/* Twice: "the Khwaja Hasan area of Gardez" finds its container's point
 * only once Gardez, named after it, has one. */
static void geocode(sr_coder *c, sr_sent *s)
{
    geocode_round(c, s);
    for (size_t k = 0; k < s->npm; k++)
        if (!s->pm[k].loc.has_coords && s->pm[k].container >= 0) {
            geocode_round(c, s);
            break;
        }
}

/* A place the dictionary knows, at token i (its match o). */
static int dict_place(sr_coder *c, sr_sent *s, size_t i, int o, size_t *cap, sr_pmention **pp, size_t *endp)
{
    const sr_match *m = &s->m[o];
    sr_pmention *p = NULL;
    size_t end = i;
    p = new_place(c, s, cap);
    if (!p)
        return -1;
    set_from_dict(c, p, choose_place(c, s, o));
    p->ns = (uint16_t)i;
    p->ne = m->end;
    end = m->end;
    *pp = p;
    *endp = end;
    return 1;
}

/* Whether an actor or people mention ends right before token e. */
/* "in northwest Syria": the point places.tsv gives that part of the
 * country (a province's), NULL when it gives none. The direction is the
 * words a..b ("north-western" is two). */
static const sr_part_def *country_part(const sr_dicts *d, const sr_sent *s, size_t a, size_t b, const char *cc)
{
    char key[48];
    size_t k = 0;
    for (size_t t = a; t < b; t++)
        for (const char *q = s->tok[t].norm; *q && k + 1 < sizeof key; q++)
            if (*q != '-')
                key[k++] = *q;
    key[k] = 0;
    for (size_t i = 0; i < d->nparts; i++) {
        const sr_part_def *pd = &d->parts[i];
        if (!sr_streq(pd->country, cc))
            continue;
        for (const char *q = pd->dirs; *q;) {
            size_t l = strcspn(q, ";");
            if (l == k && !memcmp(q, key, k))
                return pd;
            q += l + (q[l] == ';');
        }
    }
    return NULL;
}

/* An attack verb's phrase: "bombed", "shelled", "attacked". */
static int attack_verb(const sr_dicts *d, const sr_match *m)
{
    const sr_trigger_def *td = &d->triggers[m->value];
    return (td->opts & TRG_VERB) && (td->cls == EV_ATTACK || td->cls == EV_AIR || td->cls == EV_SHELL ||
                                     td->cls == EV_BOMB);
}

/* A country named as a place (m, at token i), not as whose. */
static int country_place(sr_coder *c, sr_sent *s, size_t i, const sr_match *m, size_t *cap, sr_pmention **pp,
                         size_t *endp)
{
    const sr_engine *e = c->eng;
    const sr_dicts *d = &e->d;
    size_t n = s->ntok;
    sr_pmention *p = NULL;
    size_t end = i;
    /* A country is a place after a locative word, or as the
     * container of a place ("Yemen's Saada"). */
    /* "in central Myanmar", "in the Central African Republic", "in the
     * eastern Democratic Republic of the Congo" */
    size_t j = i;
    int dir = j > 0 && has_cue(s, j - 1, CUE_DIRADJ);
    j -= (size_t)dir;
    /* ("in north-western Syria") */
    if (dir && j >= 1 && (s->tok[j].flags & TK_HYPH) && has_cue(s, j - 1, CUE_DIR))
        j--;
    /* not "in the north-central Mexico state of Guanajuato": the country
     * names whose state, the place is after it */
    size_t ke = 0;
    if (dir && m->end < n && kind_of_noun(e, s, m->end, &ke))
        return 0;
    if (j > 1 && tok_is(s, j - 1, e->w.the))
        j--;
    uint32_t prep = j > 0 ? s->tok[j - 1].id : 0;
    int poss_place = m->end < n && (s->tok[m->end].flags & TK_POSS);
    /* "in Windhoek, Namibia": a country after a comma holds the place
     * before it; not "The United States, Britain and France bombed":
     * countries listed */
    int after_comma = i > 1 && sr_tok_eq(&s->tok[i - 1], ",") &&
                      !(s->owner[i - 2] >= 0 && s->m[s->owner[i - 2]].kind == PH_COUNTRY);
    /* "The United States ... bombed Syria": the country struck is where */
    int struck = !dir && j > 0 && j == i && s->owner[i - 1] >= 0 && s->m[s->owner[i - 1]].kind == PH_TRIGGER &&
                 s->m[s->owner[i - 1]].end == i && attack_verb(d, &s->m[s->owner[i - 1]]);
    /* "Drone attacks claimed by Yemen's Houthi group": a country's 's
     * before a named group says whose, not where ("Burkina Faso's
     * military" may act there) */
    if (poss_place && !is_loc_prep(e, prep) && (size_t)m->end + 1 < n) {
        size_t a = (size_t)m->end + 1;
        while (a < n && a < (size_t)m->end + 3 && s->owner[a] < 0 && (s->tok[a].flags & TK_ALPHA) &&
               !(s->tok[a].flags & TK_CAP))
            a++;
        if (a < n && s->owner[a] >= 0 && s->m[s->owner[a]].start == a && s->m[s->owner[a]].kind == PH_ACTOR)
            poss_place = 0;
    }
    if (!is_loc_prep(e, prep) && !poss_place && !after_comma && !struck)
        return 0;
    /* "17 people were killed, including peacekeepers from South Africa
     * and Malawi": where people come from, not where anything happened */
    if (prep == e->w.from && j >= 2 && !dir && mention_ending_at(s, j - 1) >= 0)
        return 0;
    p = new_place(c, s, cap);
    if (!p)
        return -1;
    const sr_country_def *k = &d->countries[m->value];
    p->country = (int16_t)m->value;
    p->loc.name = k->name;
    memcpy(p->loc.cc, k->iso2, 3);
    p->loc.kind = PK_COUNTRY;
    p->loc.precision = 3;
    p->loc.lat = k->lat;
    p->loc.lon = k->lon;
    p->loc.has_coords = 1;
    p->ns = (uint16_t)i;
    p->ne = m->end;
    end = m->end;
    if (dir) {
        /* "in central Myanmar": part of the country, still no town */
        p->loc.kind = PK_REGION;
        p->loc.compass = 1;
        p->s = (uint16_t)(i - 1);
        /* ("north-western": its two words) */
        if (i >= 3 && (s->tok[i - 1].flags & TK_HYPH) && has_cue(s, i - 2, CUE_DIR))
            p->s = (uint16_t)(i - 2);
        p->loc.name = span_text(c, s, p->s, m->end);
        /* "in northwest Syria" is no dot on Damascus: the part's own
         * point, still at precision 3 */
        const sr_part_def *part = country_part(d, s, p->s, i, k->iso2);
        if (part) {
            p->loc.lat = part->lat;
            p->loc.lon = part->lon;
            p->part_point = 1;
        }
        if (is_loc_prep(e, prep))
            p->prep = prep;
    }
    *pp = p;
    *endp = end;
    return 1;
}

/* Frames that make a name no list has a place, when the gazetteer knows
 * it: a place of the place before a possessive, a name before an event
 * word, a verb's object that is a place, "an attack on X". i..ne is the
 * name; pi the first word of its lead, prep the word before that. */
static int gazetteer_frame(const sr_coder *c, const sr_sent *s, size_t i, size_t ne, size_t pi, uint32_t prep)
{
    const sr_engine *e = c->eng;
    const sr_dicts *d = &e->d;
    size_t n = s->ntok;
    /* "in Khartoum's Omdurman", "in Kaduna's Kajuru": a place of
     * the place before the possessive, when the gazetteer knows it */
    if (i >= 3 && (s->tok[i - 1].flags & TK_POSS)) {
        size_t b = i - 1;
        while (b > 0 && i - b < 5 && (s->tok[b - 1].flags & TK_CAP))
            b--;
        if (b < i - 1 && b > 0 && is_loc_prep(e, s->tok[b - 1].id) && s->tok[b - 1].id != e->w.of)
            return 1;
    }
    /* "DHAKA -", "MAIDUGURI, Nigeria -": the city a dateline opens with,
     * when the gazetteer knows it */
    if (i <= 1 && (int)ne <= s->dateline_end && s->index <= 0)
        return 1;
    /* "the Paris march", "the Mogadishu bombing": a name before an
     * event word, when the gazetteer knows it */
    if (i > 0 && ne < n && s->owner[ne] >= 0 && s->m[s->owner[ne]].kind == PH_TRIGGER &&
        (tok_is(s, i - 1, e->w.the) || tok_is(s, i - 1, e->w.a) || tok_is(s, i - 1, e->w.an)))
        return 1;
    /* "Air strikes hit Khartoum", "shelling rocked Donetsk",
     * "residents fled Khartoum": a verb's object that is a place, when
     * the gazetteer knows it (words.txt PLACE_VERB) */
    if (i > 0 && s->owner[i - 1] < 0 && word_has(e, s->tok[i - 1].id, WA_PLACE_VERB))
        return 1;
    /* (and before the part of it: "entered the centre of Goma",
     * "shelling pounded the outskirts of Kharkiv") */
    if (pi < i && pi > 0 && s->owner[pi - 1] < 0 && word_has(e, prep, WA_PLACE_VERB))
        return 1;
    /* "a drone and missile attack on Abu Dhabi", "air strikes on
     * Sanaa": after an attack noun, "on" names the place struck, when
     * the gazetteer knows it */
    /* (and across its doer: "Shelling by the Rapid Support Forces on the
     * North Darfur capital El Fasher") */
    size_t w = pi >= 2 ? pi - 1 : 0;
    if (prep == e->w.on && w >= 3 && s->owner[w - 1] >= 0 &&
        (s->m[s->owner[w - 1]].kind == PH_ACTOR || s->m[s->owner[w - 1]].kind == PH_AGENT)) {
        size_t b = s->m[s->owner[w - 1]].start;
        if (b >= 2 && tok_is(s, b - 1, e->w.the))
            b--;
        if (b >= 2 && tok_is(s, b - 1, e->w.by))
            w = b - 1;
    }
    if (prep == e->w.on && w >= 1 && s->owner[w - 1] >= 0 &&
        s->m[s->owner[w - 1]].kind == PH_TRIGGER && s->m[s->owner[w - 1]].end == w) {
        /* (the word's first meaning may be its verb's: "attack" is both) */
        const sr_trigger_def *td = &d->triggers[s->m[s->owner[w - 1]].value];
        if (td->cls == EV_SHELL || td->cls == EV_BOMB || td->cls == EV_AIR || td->cls == EV_ATTACK || td->cls == EV_RAID)
            return 1;
    }
    return 0;
}

/* A name the dictionary does not know, marked as a place by a place
 * noun ("the town of X", "X district"), a locative word ("in X") or a
 * capture ("retook X"). Starts at token *ip; moves *ip past a name that
 * is no place. */
/* "the Russian border region of Kursk": a country's adjective before a
 * place noun (a lower-case word or two between) says whose; its index, or
 * -1. */
static int country_adj_before(const sr_sent *s, size_t i)
{
    for (size_t q = i; q > 0 && i - q < 3; q--) {
        int o = s->owner[q - 1];
        if (o >= 0)
            return s->m[o].kind == PH_COUNTRY && (s->m[o].flags & PF_ADJ) && s->m[o].end == q ? (int)s->m[o].value : -1;
        if (!(s->tok[q - 1].flags & TK_ALPHA) || (s->tok[q - 1].flags & TK_CAP))
            return -1;
    }
    return -1;
}

/* The part of a country named by a compass word before the country's
 * adjective before place p's noun ("the eastern Ukrainian town of"), or
 * NULL. */
static const sr_part_def *compass_part_before(const sr_dicts *d, const sr_sent *s, const sr_pmention *p)
{
    for (size_t q = p->s; q > 0 && p->s - q < 3; q--) {
        int o = s->owner[q - 1];
        if (o < 0)
            continue;
        size_t a = s->m[o].start;
        if (s->m[o].kind != PH_COUNTRY || a == 0 || !has_cue(s, a - 1, CUE_DIRADJ))
            return NULL;
        return country_part(d, s, a - 1, a, d->countries[s->m[o].value].iso2);
    }
    return NULL;
}

/* "state" in "the Sinaloa state capital": a province's one-word noun right
 * after a province's name */
static int region_noun_of_admin1(const sr_sent *s, const sr_dicts *d, size_t t)
{
    if (t < 1 || cue_end(s, t, CUE_PN_REGION) != t + 1 || s->owner[t - 1] < 0)
        return 0;
    const sr_match *m = &s->m[s->owner[t - 1]];
    return m->kind == PH_PLACE && m->end == t && m->value < d->nplaces && d->places[m->value].kind == PK_ADMIN1;
}

/* After "of" (at j): a capitalised name that is no country's. */
static int of_names_place(const sr_engine *e, const sr_sent *s, size_t j)
{
    if (tok_is(s, j, e->w.the))
        j++;
    if (j >= s->ntok || !(s->tok[j].flags & TK_CAP) || !(s->tok[j].flags & TK_WORD))
        return 0;
    return s->owner[j] < 0 || s->m[s->owner[j]].kind != PH_COUNTRY;
}

/* "in the capital Nairobi", "in the Sudanese capital Khartoum", "the
 * northern town Kidal": where the words before the name i start, when a
 * town's noun (cues.txt PN_TOWN) is right before it, with the words that
 * say whose before that noun. */
static size_t town_noun_lead(const sr_engine *e, const sr_sent *s, size_t i)
{
    const sr_dicts *d = &e->d;
    size_t pi = i - 1;
    /* (a province's name: "the North Darfur capital El Fasher"; with its
     * noun, or the noun alone: "the (Sinaloa) state capital X") */
    if (pi > 2 && (region_noun_of_admin1(s, d, pi - 1) ||
                   (cue_end(s, pi - 1, CUE_PN_REGION) == pi && tok_is(s, pi - 2, e->w.the))))
        pi--;
    while (pi > 1 && i - pi < 5 && s->owner[pi - 1] >= 0 &&
           ((s->m[s->owner[pi - 1]].kind == PH_COUNTRY && (s->m[s->owner[pi - 1]].flags & PF_ADJ)) ||
            (s->m[s->owner[pi - 1]].kind == PH_PLACE && s->m[s->owner[pi - 1]].value < d->nplaces &&
             d->places[s->m[s->owner[pi - 1]].value].kind == PK_ADMIN1)))
        pi = s->m[s->owner[pi - 1]].start;
    /* "the outskirts of Central African Republic's capital Bangui": the
     * country's name and its "'s" (or a province's: "in North Darfur's
     * capital El Fasher") */
    if (pi > 2 && (s->tok[pi - 1].flags & TK_POSS) && s->owner[pi - 2] >= 0 && s->m[s->owner[pi - 2]].end == pi - 1 &&
        (s->m[s->owner[pi - 2]].kind == PH_COUNTRY ||
         (s->m[s->owner[pi - 2]].kind == PH_PLACE && s->m[s->owner[pi - 2]].value < d->nplaces &&
          d->places[s->m[s->owner[pi - 2]].value].kind == PK_ADMIN1)))
        pi = s->m[s->owner[pi - 2]].start;
    return pi;
}

/* "as Moscow's forces kept up their bombardment of Ukraine's
 * second-largest city": a name's 's (at ne) before armed men says whose
 * they are (a capital for its state), not where they fought. */
static int forces_of_name(const sr_dicts *d, const sr_sent *s, size_t ne)
{
    if (ne + 1 >= s->ntok || !(s->tok[ne].flags & TK_POSS) || s->owner[ne + 1] < 0)
        return 0;
    const sr_match *a = &s->m[s->owner[ne + 1]];
    /* (not "attacked Kano's police headquarters": a target's words) */
    return a->kind == PH_AGENT && a->start == ne + 1 && (d->agents[a->value].flags & ACT_ARMED) &&
           !has_cue(s, ne + 1, CUE_MILTARGET) && !has_cue(s, ne + 1, CUE_CIVTARGET);
}

/* The end of a name from j set off by commas or closing the sentence
 * ("city, Gondar, after"), or j when there is none. */
static size_t appositive_name(const sr_engine *e, const sr_sent *s, size_t j)
{
    if (!(s->tok[j].flags & TK_CAP))
        return j;
    size_t ne = name_seq(e, s, j);
    if (ne > j && (ne >= s->ntok || sr_tok_eq(&s->tok[ne], ",") || sr_tok_eq(&s->tok[ne], ".")))
        return ne;
    return j;
}

/* A place noun at i (kind k, ending at ke) with its name after a mark:
 * "two more villages: Derwish and Amiriyah"; "retaken control of the
 * Amhara region's second largest city, Gondar, after heavy fighting" (the
 * name set off by commas, when the list knows it: a person's name is no
 * place). 1 with *pp made, 2 for a name the dictionary knows (its path
 * takes it), 0 for neither, -1 out of memory. */
static int name_after_mark(sr_coder *c, sr_sent *s, size_t i, int k, size_t ke, size_t *cap, sr_pmention **pp,
                           size_t *endp)
{
    const sr_engine *e = c->eng;
    size_t n = s->ntok, ne;
    int colon = k && ke + 1 < n && sr_tok_eq(&s->tok[ke], ":") && name_seq(e, s, ke + 1) > ke + 1;
    int comma = !colon && k && ke + 1 < n && sr_tok_eq(&s->tok[ke], ",") && !(s->tok[i].flags & TK_CAP) &&
                appositive_name(e, s, ke + 1) > ke + 1;
    if (!colon && !comma)
        return 0;
    if (s->owner[ke + 1] >= 0 && s->m[s->owner[ke + 1]].kind == PH_PLACE)
        return 2;
    ne = colon ? name_seq(e, s, ke + 1) : appositive_name(e, s, ke + 1);
    sr_pmention *p = new_place(c, s, cap);
    if (!p)
        return -1;
    p->ns = (uint16_t)(ke + 1);
    p->ne = (uint16_t)ne;
    p->loc.kind = (uint8_t)k;
    p->pattern = 1;
    if (colon) {
        p->loc.name = span_text(c, s, p->ns, p->ne);
        p->loc.precision = 1;
    } else {
        p->s = (uint16_t)i;
        p->need_gaz = 1;
    }
    *pp = p;
    *endp = ne;
    return 1;
}

static int pattern_place(sr_coder *c, sr_sent *s, size_t *ip, size_t *cap, sr_pmention **pp, size_t *endp)
{
    const sr_engine *e = c->eng;
    const sr_dicts *d = &e->d;
    size_t n = s->ntok;
    size_t i = *ip;
    sr_pmention *p = NULL;
    size_t end = i;
    size_t ke = 0;
    int k = kind_of_noun(e, s, i, &ke);
    /* "in Port Harcourt", "drone strikes on Port Sudan": a capitalised
     * place noun that runs into a name starts it (a title-case headline
     * capitalises every noun) */
    int noun_name = 0;
    if (k && (s->tok[i].flags & TK_CAP) && !s->titlecase && ke < n &&
        (((s->tok[ke].flags & TK_CAP) && (s->tok[ke].flags & TK_WORD)) ||
         (ke + 1 < n && (s->tok[ke + 1].flags & TK_CAP) && (s->tok[ke + 1].flags & TK_HYPH) &&
          word_has(e, s->tok[ke].id, WA_PARTICLE)))) {
        k = 0;
        noun_name = 1;
    }
    int named = name_after_mark(c, s, i, k, ke, cap, &p, &end);
    if (named < 0)
        return -1;
    if (named == 2)
        return 0; /* a known place: the dictionary path takes it */
    if (named) {
        /* made by name_after_mark */
    } else if (k && ke < n && s->tok[ke].id == e->w.of) {
        /* "the town of X", "the province of X" */
        size_t j = ke + 1;
        if (tok_is(s, j, e->w.the))
            j++;
        const sr_match *nx = (j < n && s->owner[j] >= 0) ? &s->m[s->owner[j]] : NULL;
        if (nx && nx->kind == PH_PLACE && nx->start == j) {
            /* dictionary place: the dictionary path takes it; remember the noun */
            return 0;
        }
        size_t ne = name_seq(e, s, j);
        /* (not "the headquarters of the Transformers party": a body of
         * people, cues.txt ORG_NOUN) */
        if (ne == j || (ne < n && has_cue(s, ne, CUE_ORG_NOUN)))
            return 0;
        p = new_place(c, s, cap);
        if (!p)
            return -1;
        p->ns = (uint16_t)j;
        p->ne = (uint16_t)ne;
        p->loc.kind = (uint8_t)k;
        p->pattern = 1;
        p->s = (uint16_t)i;
        p->adj_country = (int16_t)country_adj_before(s, i);
        end = ne;
    } else if (!k) {
        /* "In Donetsk region, two civilians were killed": a preposition
         * opening the sentence has a capital and begins no name */
        if (is_loc_prep(e, s->tok[i].id))
            return 0;
        size_t ne = name_seq(e, s, i);
        /* "Port Sudan": the name goes on over a country's */
        if (noun_name && ne == i + 1)
            ne++;
        if (ne == i)
            return 0;
        /* "declared victory over the Assad regime in Damascus", "the
         * Wagner fighters": a name before a word for an actor says whose,
         * not where */
        /* (nor "at St. Francis Catholic Church": a short word whose period
         * did not end the sentence is an abbreviation's) */
        if ((ne < n && s->owner[ne] >= 0 && s->m[s->owner[ne]].kind == PH_AGENT && s->m[s->owner[ne]].start == ne) ||
            forces_of_name(d, s, ne) || (ne == i + 1 && ne + 1 < n && s->tok[i].nlen <= 3 && sr_tok_eq(&s->tok[ne], "."))) {
            *ip = ne - 1;
            return 0;
        }
        size_t ke2 = 0;
        int k2 = ne < n ? kind_of_noun(e, s, ne, &ke2) : 0;
        /* "at a Catholic church", "an Alawite village": after "a" the
         * capital word describes the noun and names nothing */
        if (k2 && i > 0 && (tok_is(s, i - 1, e->w.a) || tok_is(s, i - 1, e->w.an))) {
            *ip = ne - 1;
            return 0;
        }
        /* "in the Amazonian province of Orellana": a name before a
         * province's noun that "of" and another name follow describes;
         * the name after "of" is the place (but "the Kunar province of
         * Afghanistan": a country after "of" says whose; "the Besham area
         * of Shangla": a smaller part's noun says where in it) */
        if (k2 == PK_ADMIN1 && ke2 < n && tok_is(s, ke2, e->w.of) && of_names_place(e, s, ke2 + 1)) {
            *ip = ne - 1;
            return 0;
        }
        /* "in eastern X", "in the eastern and southern parts of X": the
         * preposition before the words that say which part */
        size_t pi = i, obj = i;
        /* "in the capital Nairobi", "the northern town Kidal": a town's noun
         * right before the name, and the words that say whose */
        if (pi > 1 && has_cue(s, pi - 1, CUE_PN_TOWN) && s->owner[pi - 1] < 0)
            obj = pi = town_noun_lead(e, s, i);
        while (pi > 0 && i - pi < 8 &&
               (tok_is(s, pi - 1, e->w.the) || has_cue(s, pi - 1, CUE_DIRADJ) ||
                (tok_is(s, pi - 1, e->w.and_) && pi >= 2 && has_cue(s, pi - 2, CUE_DIRADJ)) ||
                (tok_is(s, pi - 1, e->w.of) && pi >= 2 && word_has(e, s->tok[pi - 2].id, WA_PART_NOUN)) ||
                word_has(e, s->tok[pi - 1].id, WA_PART_NOUN)))
            pi--;
        uint32_t prep = pi > 0 ? s->tok[pi - 1].id : 0;
        /* "went to X" is no place of an event, "took to the streets of X"
         * is: "to" or "on" before a part of the place */
        int part = 0;
        for (size_t q = pi; q < i && !part; q++)
            part = word_has(e, s->tok[q].id, WA_PART_NOUN);
        /* (a fight "spread to Bahir Dar" is fought there) */
        int spread_to = prep == e->w.to && pi >= 2 && tok_is(s, pi - 2, e->w.spread);
        int after_prep = is_loc_prep(e, prep) && prep != e->w.of &&
                         ((prep != e->w.on && prep != e->w.to) || part || spread_to) && prep != e->w.toward &&
                         prep != e->w.towards;
        /* "villages west of El Fasher", "the outskirts of Kutum": a
         * name no list has, placed by its compass word */
        if (!after_prep && (prep == e->w.of || prep == e->w.to) && pi >= 2 &&
            ((prep == e->w.of && has_cue(s, pi - 2, CUE_DIR)) || word_has(e, s->tok[pi - 2].id, WA_NEAR_NOUN)))
            after_prep = 1;
        /* "captured Janaale", "retook Palmyra": the object of a
         * capture is a place */
        int need_gaz = 0;
        /* (across "Central African Republic's capital": "attacked Central
         * African Republic's capital Bangui") */
        if (!after_prep && obj > 0 && s->owner[obj - 1] >= 0 && s->m[s->owner[obj - 1]].kind == PH_TRIGGER &&
            s->m[s->owner[obj - 1]].end == obj) {
            const sr_trigger_def *td = &d->triggers[s->m[s->owner[obj - 1]].value];
            if (td->cls == EV_TERRITORY && (td->opts & TRG_VERB))
                after_prep = 1;
            /* "shelled Fuaa and Kafraya", "attacked Beni": the object
             * of an attack may be a place, when the gazetteer knows it
             * (a person's name is no place) */
            else if ((td->opts & TRG_VERB) && (td->cls == EV_SHELL || td->cls == EV_BOMB || td->cls == EV_AIR ||
                                               td->cls == EV_ATTACK || td->cls == EV_RAID))
                after_prep = need_gaz = 1;
        }
        if (!after_prep && gazetteer_frame(c, s, i, ne, pi, prep))
            after_prep = need_gaz = 1;
        /* "... Fuaa and Kafraya": the next of a list of such objects */
        /* (and after a town any list knows: "shelled Maarat al-Numan and
         * Kafr Zita", when the gazetteer knows it) */
        if (!after_prep && i >= 2 && (tok_is(s, i - 1, e->w.and_) || tok_word(s, i - 1, ",")) && s->npm &&
            s->pm[s->npm - 1].e == i - 1 &&
            (s->pm[s->npm - 1].need_gaz ||
             (!s->pm[s->npm - 1].refloc && !s->pm[s->npm - 1].pattern &&
              (s->pm[s->npm - 1].loc.kind == PK_TOWN || s->pm[s->npm - 1].loc.kind == PK_CITY ||
               s->pm[s->npm - 1].loc.kind == PK_VILLAGE))))
            after_prep = need_gaz = 1;
        /* "between the Meitei and Kuki communities": peoples */
        size_t g = ne;
        if (g + 1 < n && tok_is(s, g, e->w.and_) && ((s->tok[g + 1].flags & TK_CAP) || name_seq(e, s, g + 1) > g + 1))
            g = name_seq(e, s, g + 1);
        if (g < n && g > ne - 1 && word_has(e, s->tok[g].id, WA_COMMUNITY)) {
            *ip = ne - 1;
            return 0;
        }
        if (!k2 && !after_prep) {
            *ip = ne - 1;
            return 0;
        }
        /* "X city", "X district", or "in X" */
        p = new_place(c, s, cap);
        if (!p)
            return -1;
        p->ns = (uint16_t)i;
        p->ne = (uint16_t)ne;
        p->loc.kind = k2 ? (uint8_t)k2 : PK_TOWN;
        p->pattern = 1;
        p->need_gaz = (uint8_t)(need_gaz && !k2);
        end = ne;
    } else {
        return 0;
    }
    if (p) {
        const char *nm = span_text(c, s, p->ns, p->ne);
        p->loc.name = nm;
        p->loc.precision = (p->loc.kind == PK_ADMIN1) ? 3 : (p->loc.kind == PK_REGION || p->loc.kind == PK_ADMIN2) ? 2 : 1;
    }
    *pp = p;
    *endp = end;
    return p != NULL;
}

/* Whether a town and its province share their first word ("Deir ez-Zor"
 * and "Deir ez-Zor", "Kharkiv" and "Kharkiv Oblast"; not "Afrin" and
 * "Aleppo"). A province unknown counts as alike. */
static int named_alike(const char *town, const char *admin1)
{
    if (!town || !admin1)
        return 1;
    size_t a = strcspn(town, " -"), b = strcspn(admin1, " -");
    return a == b && !strncasecmp(town, admin1, a);
}

/* A place noun after the name (ending at end) refines it; returns where
 * the mention ends. */
static size_t place_noun_after(sr_coder *c, sr_sent *s, sr_pmention *p, size_t end)
{
    const sr_engine *e = c->eng;
    size_t n = s->ntok;
    /* A place noun after the name refines it: "Deir Ezzor province",
     * "AlbuKamal city", "al-Kharata oil field". */
    size_t ke = 0;
    int k = end < n ? kind_of_noun(e, s, end, &ke) : 0;
    /* not "the West Bank city of Nablus": the noun is the next name's */
    if (k && ke + 1 < n && s->tok[ke].id == e->w.of && (s->tok[ke + 1].flags & TK_CAP))
        k = 0;
    /* nor "in front of the Sulaimani governorate building": the noun names
     * what a building is of (words.txt BUILDING), in the town */
    if (k && ke < n && (word_has(e, s->tok[ke].id, WA_BUILDING) || has_cue(s, ke, CUE_PN_FEATURE)))
        k = 0;
    /* nor "the North Darfur capital El Fasher": the town's noun before
     * the name is the name's */
    if (k && (k == PK_CITY || k == PK_TOWN) && ke < n && (s->tok[ke].flags & TK_CAP) && (s->tok[ke].flags & TK_WORD))
        k = 0;
    if (k) {
        if (k == PK_ADMIN1 && p->loc.kind != PK_ADMIN1 && p->loc.place >= 0 && !named_alike(p->loc.name, p->loc.admin1)) {
            /* "in Syria's Afrin region": the land around a town whose
             * province is named otherwise (Aleppo), at the town's point */
            p->loc.precision = 2;
            p->loc.kind = PK_ADMIN2;
        } else if (k == PK_ADMIN1 && p->loc.kind != PK_ADMIN1 && p->loc.place >= 0) {
            int adm = admin_for(c, p);
            if (adm >= 0)
                set_from_dict(c, p, adm);
            else
                p->loc.precision = 3;
            p->region_noun = 1;
        } else if (k == PK_ADMIN1 && p->pattern) {
            p->loc.kind = PK_ADMIN1;
            p->loc.precision = 3;
            p->region_noun = 1;
        } else if (k == PK_REGION && s->tok[end].id == e->w.countryside) {
            p->near = 1;
            if (p->loc.precision < 2)
                p->loc.precision = 2;
        } else if (k == PK_FEATURE && p->pattern) {
            p->loc.kind = PK_FEATURE;
        } else if (k == PK_ADMIN2 && !p->pattern && p->loc.precision < 2 &&
                   (p->loc.kind == PK_TOWN || p->loc.kind == PK_CITY)) {
            /* "in Mandera county", "in Kurram district": the area named
             * after the town, at its point (ACLED's precision 2) */
            p->loc.precision = 2;
            p->loc.kind = PK_ADMIN2;
        }
        end = ke;
    }
    p->e = (uint16_t)end;
    return end;
}

/* The words before a place: its preposition, nearness, a place noun
 * ahead of it. Returns the first token that belongs to the mention. */
static size_t place_lead(sr_coder *c, sr_sent *s, sr_pmention *p)
{
    const sr_engine *e = c->eng;
    /* Before it: the preposition, nearness, the holder. */
    size_t b = p->s;
    if (b > 0 && tok_is(s, b - 1, e->w.the))
        b--;
    /* "the Syrian city of", "Yemen's oil-rich province of" */
    while (b > 0 && (s->tok[b - 1].flags & TK_ALPHA) && !(s->tok[b - 1].flags & TK_CAP) &&
           s->owner[b - 1] < 0 && !is_loc_prep(e, s->tok[b - 1].id) && b + 4 > p->s &&
           s->tok[b - 1].id != e->w.and_ && s->tok[b - 1].id != e->w.which && s->tok[b - 1].id != e->w.that)
        b--;
    if (b > 0 && (has_cue(s, b - 1, CUE_DIRADJ)))
        b--;
    /* "in Nigeria's northwestern Zamfara state": the country's name and
     * its "'s" before the place */
    if (b >= 2 && (s->tok[b - 1].flags & TK_POSS) && s->owner[b - 2] >= 0 && s->m[s->owner[b - 2]].kind == PH_COUNTRY &&
        s->m[s->owner[b - 2]].end == b - 1) {
        size_t cs = s->m[s->owner[b - 2]].start;
        if (cs > 0 && is_loc_prep(e, s->tok[cs - 1].id))
            b = cs;
    }
    /* (and "to" after such a noun: "at the entrance to Jerusalem") */
    if (b > 0 && (s->tok[b - 1].id == e->w.of || s->tok[b - 1].id == e->w.to) && b >= 2) {
        /* "east of X", "outskirts of X", "countryside of X", "suburbs of" */
        if ((s->tok[b - 1].id == e->w.of && has_cue(s, b - 2, CUE_DIR)) || word_has(e, s->tok[b - 2].id, WA_NEAR_NOUN)) {
            p->near = 1;
            if (p->loc.precision < 2)
                p->loc.precision = 2;
            b -= 2;
            while (b > 0 && (tok_is(s, b - 1, e->w.the) || has_cue(s, b - 1, CUE_DIRADJ) ||
                             (s->tok[b - 1].flags & TK_NUM) || word_has(e, s->tok[b - 1].id, WA_DISTANCE)))
                b--;
        }
    }
    if (b > 0 && (s->tok[b - 1].id == e->w.near || word_has(e, s->tok[b - 1].id, WA_NEAR_PREP))) {
        p->near = 1;
        if (p->loc.precision < 2)
            p->loc.precision = 2;
    }
    if (b > 0 && is_loc_prep(e, s->tok[b - 1].id))
        p->prep = s->tok[b - 1].id;
    /* "in the eastern and southern parts of X": the preposition before
     * the part counts, the place is X */
    size_t ps = p->s > 0 && tok_is(s, p->s - 1, e->w.the) ? p->s - 1u : p->s;
    if (ps >= 2 && s->tok[ps - 1].id == e->w.of && word_has(e, s->tok[ps - 2].id, WA_PART_NOUN)) {
        size_t pb = ps - 2;
        while (pb > 0 && b - pb < 8 &&
               (tok_is(s, pb - 1, e->w.the) || tok_is(s, pb - 1, e->w.and_) || has_cue(s, pb - 1, CUE_DIRADJ)))
            pb--;
        if (pb > 0 && is_loc_prep(e, s->tok[pb - 1].id) && s->tok[pb - 1].id != e->w.of)
            p->prep = s->tok[pb - 1].id;
    }
    /* "in the town of X": the preposition before the noun counts */
    if (p->prep == e->w.of && b >= 2) {
        size_t nb = b - 1;
        size_t ke3 = 0;
        while (nb > 0 && nb + 4 > b && !kind_of_noun(e, s, nb - 1, &ke3))
            nb--;
        if (nb > 0 && kind_of_noun(e, s, nb - 1, &ke3) && ke3 == b - 1) {
            size_t pb = nb - 1;
            /* (and across the name of what holds it: "in the Borno State
             * town of Gwoza", "in the West Bank city of Nablus") */
            while (pb > 0 && (tok_is(s, pb - 1, e->w.the) || has_cue(s, pb - 1, CUE_DIRADJ) ||
                              ((s->tok[pb - 1].flags & TK_ALPHA) && !(s->tok[pb - 1].flags & TK_CAP) &&
                               s->owner[pb - 1] < 0 && !is_loc_prep(e, s->tok[pb - 1].id) && pb + 3 > nb) ||
                              (s->owner[pb - 1] >= 0 && pb + 5 > nb &&
                               (s->m[s->owner[pb - 1]].kind == PH_PLACE || s->m[s->owner[pb - 1]].kind == PH_COUNTRY))))
                pb--;
            p->prep = (pb > 0 && is_loc_prep(e, s->tok[pb - 1].id)) ? s->tok[pb - 1].id : 0;
            if (pb > 0 && s->tok[pb - 1].id == e->w.near) {
                p->near = 1;
                if (p->loc.precision < 2)
                    p->loc.precision = 2;
            }
            if (pb < p->s)
                p->s = (uint16_t)pb;
        }
    }
    return b;
}

/* Who holds the place, when the sentence says so just before it. */
static void place_holder(sr_coder *c, const sr_sent *s, sr_pmention *p)
{
    const sr_engine *e = c->eng;
    /* "ISIS-held oil fields in X": the holder */
    for (size_t k2 = 0; k2 < s->nmen; k2++) {
        const sr_mention *mm = &s->men[k2];
        if (mm->ctrl && mm->e < p->s && p->s - mm->e <= 6)
            p->owner = (int16_t)k2;
        /* "the Islamic State group's Syrian bastion Raqqa", "ISIS's
         * stronghold of Mosul": the holder too, only words between */
        size_t pt = sr_poss_after(e, s, k2);
        if (pt && !mm->pronoun && mm->ent >= 0 && pt < p->s && p->s - pt <= 4) {
            int words_only = 1;
            for (size_t t = pt + 1; t < p->s; t++)
                if (!(s->tok[t].flags & TK_ALPHA) || (is_loc_prep(e, s->tok[t].id) && !(t + 1 == p->s && s->tok[t].id == e->w.of)) ||
                    (s->owner[t] >= 0 && s->m[s->owner[t]].kind != PH_COUNTRY))
                    words_only = 0;
            if (words_only)
                p->owner = (int16_t)k2;
        }
    }
}

/* A place of the list at its country's point: the capital. */
static int is_capital(const sr_coder *c, const sr_pmention *p)
{
    const sr_dicts *d = &c->eng->d;
    if (p->loc.place < 0 || !p->loc.has_coords || p->loc.kind == PK_COUNTRY)
        return 0;
    for (size_t k = 0; k < d->ncountries; k++)
        if (sr_streq(d->countries[k].iso2, p->loc.cc))
            return sr_km(d->countries[k].lat, d->countries[k].lon, p->loc.lat, p->loc.lon) < 10.0;
    return 0;
}

/* After "of" (token b - 1): whose the place is, or which province. */
static void place_after_of(sr_coder *c, sr_sent *s, sr_pmention *p, size_t b)
{
    const sr_engine *e = c->eng;
    /* "the air fighters of Inherent Resolve and of Iraq": a country after
     * "of" names whose, unless a direction comes before ("south of") */
    if (p->loc.kind == PK_COUNTRY && b > 0 && s->tok[b - 1].id == e->w.of && !p->near)
        p->affil = 1;
    /* "the ISF of Baghdad", "AU troops from Uganda": whose, not where */
    /* (not a civilian's office or home: "Gunmen shot dead the mayor of the
     * coastal town of San Vicente", "residents of Kafr Nabl") */
    if (b > 0 && (s->tok[b - 1].id == e->w.of || (s->tok[b - 1].id == e->w.from && p->loc.kind == PK_COUNTRY)))
        for (size_t k2 = 0; k2 < s->nmen; k2++)
            if (b >= 2 && s->men[k2].e == b - 1 && !s->men[k2].pronoun &&
                !(s->men[k2].agent >= 0 && (e->d.agents[s->men[k2].agent].flags & ACT_CIVILIAN) &&
                  p->loc.kind != PK_COUNTRY && s->tok[b - 1].id == e->w.of))
                p->affil = 1;
    /* "attacked a pro-Palestinian encampment at the University of
     * California": a body of people named after the place (cues.txt
     * ORG_NOUN, a capital for a name), not where it happened (not "the
     * eastern bank of the Euphrates") */
    if (b >= 2 && s->tok[b - 1].id == e->w.of && has_cue(s, b - 2, CUE_ORG_NOUN) &&
        cue_end(s, b - 2, CUE_ORG_NOUN) == b - 1 && (s->tok[b - 2].flags & TK_CAP))
        p->affil = 1;
    /* "chanted slogans against the authorities in Damascus": a
     * government's seat, not where the crowd stood ("Police in Nairobi
     * fired tear gas", "the defence ministry in Damascus" are where) */
    if (b >= 2 && s->tok[b - 1].id == e->w.in && has_cue(s, b - 2, CUE_GOV_SEAT) && is_capital(c, p))
        p->affil = 1;
    /* "The Group to Support Islam and Muslims (JNIM), al-Qaeda's affiliate
     * in the Sahel, claimed the attack": where the kin group is (cues.txt
     * OFFSHOOT), not where the deed was */
    size_t ib = b;
    while (ib > 0 && tok_is(s, ib - 1, e->w.the))
        ib--;
    for (size_t k = ib >= 4 ? ib - 4 : 0; ib >= 2 && k + 1 < ib && (s->cues & (1ULL << CUE_OFFSHOOT)); k++)
        if (tok_is(s, ib - 1, e->w.in) && has_cue(s, k, CUE_OFFSHOOT) && cue_end(s, k, CUE_OFFSHOOT) == ib - 1)
            p->affil = 1;
    /* "the province of Deir ez-Zor": the province, not its capital */
    if (p->loc.place >= 0 && p->loc.kind != PK_ADMIN1 && b >= 2 && s->tok[b - 1].id == e->w.of) {
        size_t ke4 = 0;
        size_t nb = b - 1;
        if (nb > 0 && kind_of_noun(e, s, nb - 1, &ke4) == PK_ADMIN1 && ke4 == nb) {
            int adm = admin_for(c, p);
            if (adm >= 0)
                set_from_dict(c, p, adm);
            else
                p->loc.precision = 3;
            p->region_noun = 1;
        }
    }
}

/* Everything around a place mention found at [p->ns, end); returns where
 * the mention ends. */
static size_t extend_place(sr_coder *c, sr_sent *s, sr_pmention *p, size_t end)
{
    size_t n = s->ntok;
    if (!p->s || p->s > p->ns)
        p->s = p->ns;
    end = place_noun_after(c, s, p, end);
    size_t b = place_lead(c, s, p);
    place_holder(c, s, p);
    place_after_of(c, s, p, b);
    p->loc.text = span_text(c, s, b < p->s && p->near ? b : p->s, p->e);
    if ((int)p->ns < s->dateline_end)
        p->dateline = 1;
    /* "forced thousands of residents to flee toward Masisi": where they
     * went, not where the fighting was (words.txt REFUGE) */
    size_t j = p->s;
    while (j > 0 && tok_is(s, j - 1, c->eng->w.the))
        j--;
    /* (and "travelling to a conference in Enugu": past "in" and the
     * place they went to, within a few words) */
    if (j >= 4 && (tok_is(s, j - 1, c->eng->w.in) || tok_is(s, j - 1, c->eng->w.at)))
        for (size_t k = j - 1; k > 1 && k + 4 >= j; k--)
            if (tok_is(s, k - 1, c->eng->w.to) && !(s->tok[k - 1].flags & TK_PUNCT)) {
                j = k;
                break;
            }
    if (j >= 2 && (tok_is(s, j - 1, c->eng->w.to) || tok_is(s, j - 1, c->eng->w.toward) ||
                   tok_is(s, j - 1, c->eng->w.towards) || tok_is(s, j - 1, c->eng->w.into)))
        for (size_t k = j - 1; k > 0 && k + 3 >= j; k--)
            if (word_has(c->eng, s->tok[k - 1].id, WA_REFUGE))
                p->refuge = 1;
    if ((int)p->s < s->report_end || (int)p->s >= s->report_start)
        p->in_report = 1;
    /* "a claim Kyiv rejected", "Moscow said": a city with no preposition
     * that speaks or takes a stand is its government, the teller */
    if (!p->prep && p->e < n && (p->loc.kind == PK_CITY || p->loc.kind == PK_TOWN) &&
        (s->tok[p->s].flags & TK_CAP) && (has_cue(s, p->e, CUE_REPORT) || has_cue(s, p->e, CUE_STANCE)))
        p->in_report = 1;
    /* "In Donetsk, local residents reported ...": where, not who */
    if (p->in_report && (int)p->s < s->report_end && p->s <= 2 && p->e < n && sr_tok_eq(&s->tok[p->e], ","))
        p->in_report = 0;
    return end;
}

/* After a town's name ending at e: "-Jammu highway", "-Kandahar road",
 * "-Syria border": a thing between two places; where its noun ends, or
 * 0. */
static size_t road_between(const sr_engine *e, const sr_sent *s, size_t end)
{
    size_t n = s->ntok;
    if (end >= n || !(s->tok[end].flags & TK_HYPH) || !(s->tok[end].flags & TK_CAP))
        return 0;
    size_t j = end + 1;
    while (j < n && j < end + 4 && (s->tok[j].flags & TK_CAP) && (s->tok[j].flags & TK_ALPHA))
        j++;
    if (s->owner[end] >= 0 && s->m[s->owner[end]].start == end && s->m[s->owner[end]].end > j)
        j = s->m[s->owner[end]].end;
    size_t ke = 0;
    if (j < n && kind_of_noun(e, s, j, &ke) == PK_FEATURE)
        return ke;
    return 0;
}

/* Places named in the sentence, left to right. Returns 0 out of memory. */
static int named_places(sr_coder *c, sr_sent *s, size_t *cap)
{
    size_t n = s->ntok;
    for (size_t i = 0; i < n; i++) {
        int o = s->owner[i];
        const sr_match *m = (o >= 0 && s->m[o].start == i) ? &s->m[o] : NULL;
        sr_pmention *p = NULL;
        size_t end = i;
        int r = 0;
        /* "the town of Uvira on Lake Tanganyika": a lake named after a
         * province is no province */
        if (m && m->kind == PH_PLACE && i > 0 && tok_is(s, i - 1, c->eng->w.lake) && (s->tok[i - 1].flags & TK_CAP)) {
            i = m->end - 1;
            continue;
        }
        /* (nor a town's name before "River": "from across the Dnipro
         * River" is no shelling of Dnipro) */
        if (m && m->kind == PH_PLACE && m->end < n && tok_is(s, m->end, c->eng->w.river) &&
            c->eng->d.places[m->value].kind != PK_FEATURE && c->eng->d.places[m->value].kind != PK_REGION) {
            i = m->end;
            continue;
        }
        /* "on the Srinagar-Jammu highway near Pulwama": two towns a road
         * joins name the road; where on it the words after say ("on the
         * Lamu-Garissa road" alone stays at the first town) */
        size_t re = m && m->kind == PH_PLACE ? road_between(c->eng, s, m->end) : 0;
        if (re && re + 1 < n && (s->tok[re].id == c->eng->w.near || word_has(c->eng, s->tok[re].id, WA_NEAR_PREP))) {
            i = re - 1;
            continue;
        }
        if (m && m->kind == PH_PLACE && forces_of_name(&c->eng->d, s, m->end)) {
            i = m->end;
            continue;
        }
        /* "the San Francisco Chronicle reported", "the Kabul Times": a
         * place's name starting the name of a body (cues.txt ORG_NOUN, in
         * capitals) names no place */
        if (m && m->kind == PH_PLACE && m->end < n && (s->tok[m->end].flags & TK_CAP) && has_cue(s, m->end, CUE_ORG_NOUN)) {
            i = m->end;
            continue;
        }
        if (m && m->kind == PH_PLACE)
            r = dict_place(c, s, i, o, cap, &p, &end);
        else if (m && m->kind == PH_COUNTRY && !(m->flags & PF_ADJ))
            r = country_place(c, s, i, m, cap, &p, &end);
        else if (!s->titlecase && may_start_place(s, i))
            r = pattern_place(c, s, &i, cap, &p, &end);
        if (r < 0)
            return 0;
        if (r == 0)
            continue;
        i = extend_place(c, s, p, end) - 1;
    }
    return 1;
}

/* "the city", "the area", "there": places that refer back. Returns 0 out
 * of memory. */
static int reference_places(sr_coder *c, sr_sent *s, size_t *cap)
{
    const sr_engine *e = c->eng;
    size_t n = s->ntok;
    for (size_t i = 0; i < n; i++) {
        size_t re = cue_end(s, i, CUE_REFLOC);
        if (!re)
            continue;
        /* "the city of X" is the place X, found above; so is "the capital
         * Sanaa" ("struck targets in the port city of Hodeidah and the
         * capital Sanaa": two places, no third) */
        if (re < n && s->tok[re].id == e->w.of)
            continue;
        int named_next = 0;
        for (size_t k = 0; k < s->npm && !named_next; k++)
            named_next = s->pm[k].s == re || s->pm[k].ns == re;
        if (named_next)
            continue;
        int covered = 0;
        for (size_t k = 0; k < s->npm; k++)
            if (s->pm[k].s <= i && s->pm[k].e > i)
                covered = 1;
        if (covered)
            continue;
        sr_pmention *p = new_place(c, s, cap);
        if (!p)
            return 0;
        p->s = p->ns = (uint16_t)i;
        p->e = p->ne = (uint16_t)re;
        p->refloc = 1;
        size_t ke = 0;
        int k = re - 1 < n ? kind_of_noun(e, s, re - 1, &ke) : 0;
        p->loc.kind = k ? (uint8_t)k : PK_TOWN;
        if (word_has(e, s->tok[re - 1].id, WA_ANY_PLACE))
            p->loc.kind = 0; /* any */
        p->loc.text = span_text(c, s, i, re);
        if (i > 0 && is_loc_prep(e, s->tok[i - 1].id))
            p->prep = s->tok[i - 1].id;
        if (i >= 2 && s->tok[i - 1].id == e->w.of &&
            (word_has(e, s->tok[i - 2].id, WA_OUTSKIRTS) || has_cue(s, i - 2, CUE_DIR))) {
            p->near = 1;
            p->prep = e->w.in;
        }
        if ((int)i < s->report_end || (int)i >= s->report_start)
            p->in_report = 1;
        i = re - 1;
    }
    return 1;
}

/* "in the Libyan capital", "the Malagasy capital": a country's adjective
 * and "capital" with no name after them are the listed city at the
 * country's point (countries.txt gives the capital's point). Returns 0
 * out of memory. */
static int capital_places(sr_coder *c, sr_sent *s, size_t *cap)
{
    const sr_engine *e = c->eng;
    const sr_dicts *d = &e->d;
    for (size_t k = 0; k < s->nm; k++) {
        const sr_match *m = &s->m[k];
        size_t j = m->end;
        /* (or "in Madagascar's capital": the name and its "'s") */
        int poss = m->kind == PH_COUNTRY && !(m->flags & PF_ADJ) && j + 1 < s->ntok && (s->tok[j].flags & TK_POSS);
        if (poss)
            j++;
        if (m->kind != PH_COUNTRY || (!(m->flags & PF_ADJ) && !poss) || j >= s->ntok || !tok_is(s, j, e->w.capital) ||
            (j + 1 < s->ntok && (s->tok[j + 1].flags & TK_CAP)))
            continue;
        int covered = 0, own = -1;
        for (size_t q = 0; q < s->npm; q++) {
            /* (the country's own mention, "Madagascar" of "Madagascar's
             * capital", becomes the capital) */
            if (poss && s->pm[q].ns == m->start && s->pm[q].country >= 0)
                own = (int)q;
            else
                covered |= s->pm[q].s <= m->start && s->pm[q].e > m->start;
        }
        const sr_country_def *cd = &d->countries[m->value];
        int city = -1;
        for (size_t q = 0; q < d->nplaces && !covered; q++) {
            const sr_place_def *pd = &d->places[q];
            if (pd->kind == PK_CITY && pd->has_coords && sr_streq(pd->country, cd->iso2) &&
                fabs(pd->lat - cd->lat) < 0.2 && fabs(pd->lon - cd->lon) < 0.2) {
                city = (int)q;
                break;
            }
        }
        if (city < 0)
            continue;
        sr_pmention *p = own >= 0 ? &s->pm[own] : new_place(c, s, cap);
        if (!p)
            return 0;
        if (own >= 0) {
            p->country = -1;
            p->loc.place = -1;
            p->loc.gaz = -1;
        }
        size_t b = m->start;
        if (b > 0 && tok_is(s, b - 1, e->w.the))
            b--;
        p->s = (uint16_t)b;
        p->ns = (uint16_t)m->start;
        p->e = p->ne = (uint16_t)(j + 1);
        set_from_dict(c, p, city);
        p->loc.text = span_text(c, s, m->start, j + 1);
        if (b > 0 && is_loc_prep(e, s->tok[b - 1].id))
            p->prep = s->tok[b - 1].id;
        if ((int)b < s->report_end || (int)b >= s->report_start)
            p->in_report = 1;
    }
    return 1;
}

/* A list goes on at token i: ", Z", "and Z", "or Z". */
static int list_goes_on(const sr_engine *e, const sr_sent *s, size_t i)
{
    return i < s->ntok && (tok_word(s, i, ",") || tok_is(s, i, e->w.and_) || tok_is(s, i, e->w.or_));
}

/* "the Timbuktu triangle in Borno State": a town of our list in another
 * country than the province that holds it is a namesake, no place of the
 * list (the province says where) */
static void foreign_namesakes(const sr_engine *e, sr_sent *s)
{
    for (size_t k = 0; k < s->npm; k++) {
        sr_pmention *p = &s->pm[k];
        if (p->loc.place < 0 || !p->loc.cc[0])
            continue;
        /* its holder, or the province "in" names a word or two on */
        int h = p->container;
        if (h < 0 && k + 1 < s->npm && s->pm[k + 1].s > p->e && s->pm[k + 1].s <= (size_t)p->e + 3 &&
            tok_is(s, s->pm[k + 1].s - 1, e->w.in))
            h = (int)k + 1;
        if (h < 0 || h >= (int)s->npm)
            continue;
        const sr_pmention *q = &s->pm[h];
        if (q->loc.kind == PK_ADMIN1 && q->loc.cc[0] && strcmp(q->loc.cc, p->loc.cc))
            p->unknown = 1;
    }
}

/* Place p told after "between" (and "the"): marks it the one place
 * between two, near both, and returns where "between" ends; 0 when it is
 * not. */
static size_t held_between(const sr_engine *e, const sr_sent *s, sr_pmention *p)
{
    size_t pb = p->s;
    while (pb > 0 && tok_is(s, pb - 1, e->w.the))
        pb--;
    if (pb == 0 || !tok_is(s, pb - 1, e->w.between))
        return 0;
    p->between = 1;
    p->near = 1;
    if (p->loc.precision < 2)
        p->loc.precision = 2;
    return pb;
}

/* Relations between neighbouring places: containers ("X in Y province",
 * "Y's X"), lists ("X and Y"), "between X and Y". */
/* "in the countryside of", and "Al-Karamah Square in the city of
 * Al-Sweida": a noun of a region or of a town before "of" */
static int place_noun_at(const sr_sent *s, size_t t)
{
    return has_cue(s, t, CUE_PN_REGION) || has_cue(s, t, CUE_PN_TOWN);
}

static void relate_places(sr_coder *c, sr_sent *s)
{
    const sr_engine *e = c->eng;
    for (size_t k = 0; k + 1 < s->npm; k++) {
        sr_pmention *p = &s->pm[k], *q = &s->pm[k + 1];
        if (p->refloc || q->refloc)
            continue;
        size_t gap_s = p->e, gap_e = q->s;
        /* "the Rajouri district of Jammu and Kashmir": "district of Y" read
         * as a place too, sharing X's place noun; Y holds X */
        if (gap_e + 1 == gap_s && gap_s < s->ntok && tok_is(s, gap_s, e->w.of) &&
            (q->loc.kind == PK_ADMIN1 || q->loc.kind == PK_COUNTRY)) {
            p->container = (int16_t)(k + 1);
            continue;
        }
        if (gap_e < gap_s)
            continue;
        size_t g = gap_e - gap_s;
        /* "the North Darfur capital El Fasher", "the Tigray regional
         * capital Mekelle": the province before the town's noun holds
         * the town */
        if (g >= 1 && g <= 2 && (p->loc.kind == PK_ADMIN1 || p->region_noun) &&
            (q->loc.kind == PK_TOWN || q->loc.kind == PK_CITY) &&
            (cue_end(s, gap_s, CUE_PN_TOWN) == gap_e ||
             (g == 2 && region_noun_of_admin1(s, &c->eng->d, gap_s) && cue_end(s, gap_s + 1, CUE_PN_TOWN) == gap_e))) {
            q->container = (int16_t)k;
            continue;
        }
        const char *w0 = g > 0 ? s->tok[gap_s].norm : "";
        uint32_t w0id = g > 0 ? s->tok[gap_s].id : 0;
        /* containers: "X in Y province", "X, Y", "X of Y", "Y's X" */
        int bigger = (q->loc.kind == PK_ADMIN1 || q->loc.kind == PK_COUNTRY || q->loc.kind == PK_REGION || q->loc.kind == PK_ADMIN2 ||
                      q->region_noun || (q->loc.kind == PK_CITY && p->loc.kind != PK_CITY && p->loc.kind != PK_TOWN));
        /* "in the eastern countryside of Deir ez-Zor": the city's
         * countryside holds a town */
        if (!bigger && q->s >= 2 && tok_is(s, q->s - 1, e->w.of) && has_cue(s, q->s - 2, CUE_PN_REGION))
            bigger = 1;
        /* "X town in the northern Y countryside", "the town of Al-Shuhayl
         * in the eastern countryside of Deir ez-Zor" */
        int in_dir = g >= 2 && g <= 6 && w0id == e->w.in;
        for (size_t t = gap_s + 1; in_dir && t < gap_e; t++)
            if (!tok_is(s, t, e->w.the) && !has_cue(s, t, CUE_DIRADJ) &&
                !(place_noun_at(s, t) && t + 2 == gap_e && tok_is(s, t + 1, e->w.of)) &&
                !(t + 1 == gap_e && tok_is(s, t, e->w.of) && place_noun_at(s, t - 1)))
                in_dir = 0;
        /* (and "the town of Al-Busayrah in eastern Deir ez-Zor": a compass
         * word before the city that names the town's province says the
         * province) */
        if (!bigger && in_dir && q->loc.kind == PK_CITY && p->loc.admin1 && q->loc.name &&
            !strcasecmp(p->loc.admin1, q->loc.name))
            bigger = 1;
        int container_gap = in_dir || (g == 1 && (sr_streq(w0, ",") || w0id == e->w.in || w0id == e->w.of)) ||
                            (g == 2 && (w0id == e->w.in || w0id == e->w.of) && tok_is(s, gap_s + 1, e->w.the)) ||
                            (g >= 2 && g <= 5 && sr_streq(w0, ",") &&
                             (tok_is(s, gap_s + 1, e->w.in) || tok_is(s, gap_s + 1, e->w.located)));
        /* "the Khwaja Hasan area of Gardez": an area, a quarter or a site
         * of a town lies in it */
        /* (and "the Rawda mosque in the town of Bir al-Abed": a site in it) */
        if (!bigger && g == 1 && (w0id == e->w.of || (w0id == e->w.in && p->loc.kind == PK_FEATURE)) &&
            (q->loc.kind == PK_TOWN || q->loc.kind == PK_CITY) &&
            (p->loc.kind == PK_REGION || p->loc.kind == PK_NEIGHBOURHOOD || p->loc.kind == PK_FEATURE))
            bigger = 1;
        /* "the town of Saraqib, in Idlib,": a comma then "in" says within */
        if (!bigger && q->loc.kind == PK_CITY && g >= 2 && sr_streq(w0, ",") && tok_is(s, gap_s + 1, e->w.in) &&
            p->loc.kind != PK_CITY)
            bigger = 1;
        if (bigger && container_gap) {
            p->container = (int16_t)(k + 1);
            /* "the town of Tral in Kashmir's Pulwama district": the place
             * after the possessive holds it, the first holds both */
            if (k + 2 < s->npm && q->e < s->ntok && (s->tok[q->e].flags & TK_POSS) && s->pm[k + 2].s > q->e &&
                s->pm[k + 2].s <= (size_t)q->e + 3)
                p->container = (int16_t)(k + 2);
            continue;
        }
        /* "Yemen's Saada", "Raqqa's eastern al-Meshleb district" */
        if (g >= 1 && (s->tok[gap_s].flags & TK_POSS) && g <= 3 &&
            (p->loc.kind == PK_COUNTRY || p->loc.kind == PK_CITY || p->loc.kind == PK_ADMIN1 || p->loc.kind == PK_TOWN ||
             p->loc.kind == PK_REGION)) {
            q->container = (int16_t)k;
            continue;
        }
        /* "El-Fasher, the capital of North Darfur State": an apposition
         * that says what X is of Y puts X in Y; no list */
        if (g >= 3 && g <= 5 && sr_streq(w0, ",") && tok_is(s, gap_e - 1, e->w.of) &&
            word_has(e, s->tok[gap_e - 2].id, WA_SEAT_NOUN) && (bigger || q->loc.kind == PK_CITY)) {
            p->container = (int16_t)(k + 1);
            continue;
        }
        /* (and what part of Y it is, the words read with Y: "Jaramana, a
         * suburb of Damascus") */
        if (g == 1 && sr_streq(w0, ",") && q->ns >= q->s + 2 && tok_is(s, q->ns - 1, e->w.of) &&
            (sr_affix(e, AF_QUARTER, s->tok[q->ns - 2].norm) || has_cue(s, q->ns - 2, CUE_PN_TOWN)) &&
            (bigger || q->loc.kind == PK_CITY)) {
            p->container = (int16_t)(k + 1);
            /* (a suburb may lie in the next province: near the city) */
            p->near_holder = 1;
            continue;
        }
        /* lists: "X and Y", "X, Y and Z", "X and the nearby towns of Y" */
        int list_gap = 0;
        if (g == 1 && (w0id == e->w.and_ || sr_streq(w0, ",") || w0id == e->w.or_ || sr_streq(w0, "&")))
            list_gap = 1;
        else if (g == 2 && sr_streq(w0, ",") && tok_is(s, gap_s + 1, e->w.and_))
            list_gap = 1;
        else if (g >= 2 && g <= 6 && (w0id == e->w.and_ || sr_streq(w0, ",")) && q->pattern == 0 &&
                 q->s > gap_s && (tok_is(s, gap_s + 1, e->w.the) || tok_is(s, gap_s + 1, e->w.nearby)))
            list_gap = 1;
        else if (g >= 2 && g <= 6 && (w0id == e->w.and_ || sr_streq(w0, ",")) && q->pattern && q->s > q->ns)
            list_gap = 0;
        if (!list_gap && g >= 1 && g <= 4 && (w0id == e->w.and_ || sr_streq(w0, ","))) {
            /* "X and the nearby towns of Y", "X, and the Y": only joining
             * words in between */
            int ok = 1, has_and = 0;
            for (size_t t = gap_s; t < gap_e; t++) {
                if (tok_is(s, t, e->w.and_) || tok_is(s, t, e->w.or_))
                    has_and = 1;
                else if (!tok_word(s, t, ",") && !tok_is(s, t, e->w.the) && !word_has(e, s->tok[t].id, WA_NEIGHBOR_ADJ))
                    ok = 0;
            }
            list_gap = ok && has_and;
        }
        /* "oil fields in X province, including Y and Z": Y and Z are the
         * places, X holds them */
        if (g >= 1 && g <= 4 && tok_is(s, gap_e - 1, e->w.including) && q->loc.kind != PK_COUNTRY) {
            q->container = (int16_t)k;
            q->prep = e->w.in;
            continue;
        }
        if (list_gap && p->loc.kind != PK_COUNTRY && q->loc.kind != PK_COUNTRY) {
            /* "between X and Y" is one place, carried by X */
            size_t pb = held_between(e, s, p);
            if (pb) {
                q->is_listed = 1;
                p->loc.text = span_text(c, s, pb - 1, q->e);
                continue;
            }
            /* the head of the list is the first place that is not listed */
            p->next = (int16_t)(k + 1);
            q->is_listed = 1;
            if (!q->prep)
                q->prep = p->prep;
        }
    }
}

/* A name inside the list frame "the towns of X and Y". Returns 0 out of
 * memory. */
static int list_frame_names(sr_coder *c, sr_sent *s, size_t *cap)
{
    const sr_engine *e = c->eng;
    size_t n = s->ntok;
    for (size_t k = 0; k < s->npm; k++) {
        sr_pmention *p = &s->pm[k];
        if (!p->pattern || p->next >= 0)
            continue;
        size_t j = p->ne;
        if (j + 1 < n && (tok_is(s, j, e->w.and_) || sr_tok_eq(&s->tok[j], ","))) {
            size_t st = j + 1;
            if (tok_is(s, st, e->w.and_))
                st++;
            size_t ne = name_seq(e, s, st);
            if (ne > st && !(k + 1 < s->npm && s->pm[k + 1].s <= st)) {
                sr_pmention *q = new_place(c, s, cap);
                if (!q)
                    return 0;
                p = &s->pm[k]; /* the array may have moved */
                q->ns = q->s = (uint16_t)st;
                q->ne = q->e = (uint16_t)ne;
                q->loc.kind = p->loc.kind;
                q->pattern = 1;
                q->loc.name = span_text(c, s, st, ne);
                q->loc.text = q->loc.name;
                q->loc.precision = p->loc.precision;
                q->prep = p->prep;
                q->in_report = p->in_report;
                /* "in Kabankalan City, Negros Occidental on Sunday": after
                 * a comma, with no list going on, the name is where the
                 * place lies (a province, a state), not a second place */
                if (sr_tok_eq(&s->tok[j], ",") && !list_goes_on(e, s, ne)) {
                    q->loc.kind = PK_ADMIN1;
                    q->loc.precision = 3;
                    p->container = (int16_t)(s->npm - 1);
                    continue;
                }
                q->is_listed = 1;
                /* "on the side of the road between the towns of Da'el and
                 * Ibtaa": one place between two, carried by the first */
                if (held_between(e, s, p))
                    continue;
                p->next = (int16_t)(s->npm - 1);
            }
        }
    }
    return 1;
}

/* "the villages of X and Y in the countryside of Hama": the province
 * holds every place of the list. */
static void list_containers(sr_coder *c, sr_sent *s)
{
    const sr_engine *e = c->eng;
    size_t n = s->ntok;
    for (size_t k = 0; k < s->npm; k++) {
        sr_pmention *h = &s->pm[k];
        if (h->is_listed || h->next < 0)
            continue;
        int cont = -1;
        const sr_pmention *last = h;
        for (int j = (int)k, guard = 0; j >= 0 && guard < 16; j = s->pm[j].next, guard++) {
            last = &s->pm[j];
            if (cont < 0 && s->pm[j].container >= 0)
                cont = s->pm[j].container;
        }
        if (cont < 0) {
            size_t best_s = (size_t)-1;
            for (size_t j = 0; j < s->npm; j++) {
                const sr_pmention *q = &s->pm[j];
                if (q->s < last->e || q->s >= best_s)
                    continue;
                best_s = q->s;
                int bigger = q->loc.kind == PK_ADMIN1 || q->loc.kind == PK_REGION || q->loc.kind == PK_ADMIN2 || q->region_noun ||
                             q->loc.kind == PK_COUNTRY || q->loc.kind == PK_CITY;
                if (bigger && q->s - last->e <= 6 && last->e < n &&
                    (tok_is(s, last->e, e->w.in) || sr_tok_eq(&s->tok[last->e], ",")))
                    cont = (int)j;
                else
                    cont = -1;
            }
        }
        if (cont < 0)
            continue;
        for (int j = (int)k, guard = 0; j >= 0 && guard < 16; j = s->pm[j].next, guard++)
            if (s->pm[j].container < 0 && j != cont)
                s->pm[j].container = (int16_t)cont;
    }
}

/* "captured the village of Orlivka west of Avdiivka": a settlement told
 * near another (a compass word and "of", or "near", a distance before)
 * whose point lies far from it is a namesake the list has, not the
 * village the list lacks; it is placed near the other, at precision 2. */
static void far_namesakes(sr_coder *c, sr_sent *s)
{
    const sr_engine *e = c->eng;
    for (size_t k = 0; k + 1 < s->npm; k++) {
        sr_pmention *p = &s->pm[k];
        const sr_pmention *q = &s->pm[k + 1];
        if (!p->loc.has_coords || !q->loc.has_coords || p->loc.precision != 1 || q->e <= p->e ||
            (p->loc.kind != PK_TOWN && p->loc.kind != PK_VILLAGE && p->loc.kind != PK_CITY))
            continue;
        size_t i = p->e, end = q->s;
        double limit = 75;
        if (i < end && sr_tok_eq(&s->tok[i], ","))
            i++;
        /* ("10 km west of", "five miles from": as far as told, and some) */
        sr_number num;
        size_t u = i < end ? sr_read_quantity(s->tok, s->ntok, i, &num) : 0;
        if (u && i + u < end) {
            limit = num.value * 1.7 + 50;
            i += u + 1;
        }
        if (i < end && tok_is(s, i, e->w.near)) {
            i++;
        } else if (i < end && has_cue(s, i, CUE_DIR)) {
            /* (the compass phrase may hold its "of") */
            size_t ce = cue_end(s, i, CUE_DIR);
            if (!(ce < end && tok_is(s, ce, e->w.of)) && !tok_is(s, ce - 1, e->w.of))
                continue;
            i = ce < end && tok_is(s, ce, e->w.of) ? ce + 1 : ce;
        } else {
            continue;
        }
        if (i < end && tok_is(s, i, e->w.the))
            i++;
        if (i != end || sr_km(p->loc.lat, p->loc.lon, q->loc.lat, q->loc.lon) <= limit)
            continue;
        p->loc.lat = q->loc.lat;
        p->loc.lon = q->loc.lon;
        p->loc.admin1 = q->loc.admin1;
        memcpy(p->loc.cc, q->loc.cc, sizeof p->loc.cc);
        p->loc.precision = 2;
        p->near = 1;
    }
}

void sr_find_places(sr_coder *c, sr_sent *s)
{
    size_t cap = 0;
    if (!named_places(c, s, &cap) || !reference_places(c, s, &cap) || !capital_places(c, s, &cap))
        return;
    /* Sort by position (refloc ones were appended). */
    for (size_t a = 1; a < s->npm; a++) {
        sr_pmention t = s->pm[a];
        size_t b = a;
        while (b > 0 && s->pm[b - 1].s > t.s) {
            s->pm[b] = s->pm[b - 1];
            b--;
        }
        s->pm[b] = t;
    }
    relate_places(c, s);
    if (!list_frame_names(c, s, &cap))
        return;
    list_containers(c, s);
    foreign_namesakes(c->eng, s);
    geocode(c, s);
    far_namesakes(c, s);
}
