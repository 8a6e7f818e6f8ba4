#include "resolve.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "key.h"

static int resolve(const sr_dicts *d, const sr_gazetteer *g, const char *name, size_t n, const sr_geo_hint *h,
                   sr_geo_hit *out);

double sr_km(double la1, double lo1, double la2, double lo2)
{
    const double r = 6371.0, rad = 3.14159265358979323846 / 180.0;
    double a = sin((la2 - la1) * rad / 2), b = sin((lo2 - lo1) * rad / 2);
    double h = a * a + cos(la1 * rad) * cos(la2 * rad) * b * b;
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

/* Province names come with administrative words ("Muhafazat Hadramaout",
 * "Borno State", "Deir ez-Zor Governorate"): compare what is left. */
static size_t admin_key(const char *s, char *key)
{
    static const char *const words[] = {"muhafazat", "muhafazah", "governorate", "province", "state", "region",
                                        "oblast", "wilayat", "wilayah", "mintaqat", "district", "county",
                                        "department", "prefecture", "muhafaza", NULL};
    char buf[256];
    size_t o = 0;
    const char *p = s;
    while (*p && o + 1 < sizeof buf) {
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
        if (o + wn + 2 >= sizeof buf)
            break;
        if (o)
            buf[o++] = ' ';
        memcpy(buf + o, w, wn);
        o += wn;
    }
    buf[o] = 0;
    return sr_place_key(buf, o, key);
}

static int same_admin(const char *a, const char *b)
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

static double score_of(const sr_geo_hint *h, const char *cc, const char *admin1, double lat, double lon, int kind,
                       unsigned pop, int curated)
{
    double sc = 0;
    if (h && h->focus_cc && cc && !strncmp(h->focus_cc, cc, 2))
        sc += 4;
    if (h && h->admin && admin1) {
        /* "Rawdah in Deir ez-Zor province": a Rawdah elsewhere is another */
        if (same_admin(h->admin, admin1))
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

int sr_geo_resolve(const sr_dicts *d, const sr_gazetteer *g, const char *name, size_t n, const sr_geo_hint *h,
                   sr_geo_hit *out)
{
    int r = resolve(d, g, name, n, h, out);
    /* a candidate in another province than the one named is no answer */
    return r && out->score > -10;
}

static int resolve(const sr_dicts *d, const sr_gazetteer *g, const char *name, size_t n, const sr_geo_hint *h,
                   sr_geo_hit *out)
{
    int found = 0;
    uint32_t ids[512];
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(name, n, key);
    if (!kn)
        return 0;
    size_t k = sr_dicts_place_lookup(d, name, n, ids, 512);
    for (size_t i = 0; i < k && i < 512; i++) {
        const sr_place_def *p = &d->places[ids[i]];
        /* the key of a short name says little: the spelling must agree */
        if (kn < 3 && !sr_place_similar(name, n, p->name, strlen(p->name)))
            continue;
        double sc = score_of(h, p->country, p->admin1, p->has_coords ? p->lat : 0, p->has_coords ? p->lon : 0,
                             p->kind, p->pop, 1);
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
            out->place = (int)ids[i];
            out->gaz = -1;
            out->score = sc;
        }
    }
    if (g) {
        k = sr_gaz_lookup(g, name, n, ids, 512);
        for (size_t i = 0; i < k && i < 512; i++) {
            const sr_gaz_rec *r = sr_gaz_rec_at(g, ids[i]);
            if (!r)
                continue;
            const char *rn = sr_gaz_str(g, r->name);
            int similar = sr_place_similar(name, n, rn, strlen(rn));
            char cc[3] = {r->cc[0], r->cc[1], 0};
            /* a key match through an alternate name, the spelling unlike the
             * place's own: only in the article's country */
            if (!similar && (kn < 4 || !h || !h->focus_cc || strncmp(cc, h->focus_cc, 2)))
                continue;
            const char *adm = r->admin1 ? sr_gaz_str(g, r->admin1) : NULL;
            char fa[SR_KEY_MAX], fb[SR_KEY_MAX];
            size_t fan = sr_place_fold(name, n, fa), fbn = sr_place_fold(rn, strlen(rn), fb);
            int exact = fan == fbn && !memcmp(fa, fb, fan);
            /* outside the article's country only the very spelling counts:
             * "Derwish" in a Syrian story is no German village */
            if (h && h->focus_cc && strncmp(cc, h->focus_cc, 2) && !exact)
                continue;
            double sc = score_of(h, cc, adm, r->lat, r->lon, r->kind, r->pop, 0) + (exact ? 1.5 : similar ? 0.5 : 0);
            if (!found || sc > out->score) {
                found = 1;
                out->name = rn;
                out->admin1 = adm;
                memcpy(out->cc, cc, 3);
                out->lat = r->lat;
                out->lon = r->lon;
                out->kind = r->kind ? r->kind : PK_TOWN;
                out->place = -1;
                out->gaz = (long)ids[i];
                out->score = sc;
            }
        }
    }
    return found;
}
