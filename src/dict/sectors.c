/* sectors.txt (actors named by a kind and a country, and ACLED's actor
 * types of kinds) and export.txt (what exports in other tools'
 * conventions need: ACLED's country names, the summary line, outlets'
 * countries). Their tops say their formats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/error.h"
#include "dict.h"

#define BAD(...) sr_fail(err, SR_ERR_PARSE, path, lineno, __VA_ARGS__)

/* Splits "word rest" at the first space: the line's kind and the rest. */
static char *kind_of(char *line)
{
    char *sp = strchr(line, ' ');
    if (!sp)
        return NULL;
    *sp = 0;
    return sr_trim(sp + 1);
}

static int is_upper_code(const char *s, size_t n)
{
    if (strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

const sr_sector_def *sr_sector_find(const sr_dicts *d, const char *sector)
{
    /* the last line for a sector wins: an extra directory may rename it */
    for (size_t i = d->nsectors; i-- > 0;)
        if (!strcmp(d->sectors[i].sector, sector))
            return &d->sectors[i];
    return NULL;
}

int sr_inter_of(const sr_dicts *d, uint32_t flags)
{
    for (size_t i = 0; i < d->ninter; i++)
        if ((flags & d->inter[i].flags) == d->inter[i].flags)
            return d->inter[i].inter;
    return 0;
}

/* "sector CODE | [+] kinds | name | ACLED's name" */
static sr_status sector_def_line(sr_dicts *d, char *rest, const char *path, long lineno, sr_error *err)
{
    char *f[5];
    size_t n = sr_split(rest, '|', f, 5);
    if (n != 4 || !is_upper_code(f[0], 3) || !*f[2])
        return BAD("expected 'sector CODE | [+] kinds | name | ACLED's name' (CODE: three capitals)");
    int add = f[1][0] == '+';
    const char *bad;
    uint32_t flags = sr_actor_flags_parse(f[1] + add, &bad);
    if (bad)
        return BAD("unknown actor kind at '%s'", bad);
    SR_GROW(d, sectors, nsectors, cap_sectors);
    sr_sector_def *s = &d->sectors[d->nsectors];
    memset(s, 0, sizeof *s);
    memcpy(s->sector, f[0], 4);
    s->flags = flags;
    s->add = add;
    s->name = sr_arena_strdup(&d->arena, f[2]);
    s->acled = *f[3] ? sr_arena_strdup(&d->arena, f[3]) : NULL;
    if (!s->name || (*f[3] && !s->acled))
        return SR_ERR_NOMEM;
    d->nsectors++;
    return SR_OK;
}

static int inter_number(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    return (!*s || *end || v < 1 || v > 8) ? -1 : (int)v;
}

sr_status sr_sector_line(sr_dicts *d, char *line, const char *path, long lineno, sr_error *err)
{
    char *rest = kind_of(line);
    if (!rest)
        return BAD("expected a line starting with sector, inter or foreign");
    if (!strcmp(line, "sector"))
        return sector_def_line(d, rest, path, lineno, err);
    if (!strcmp(line, "inter")) {
        /* "inter N | kinds" */
        char *f[3];
        int v;
        if (sr_split(rest, '|', f, 3) != 2 || (v = inter_number(f[0])) < 0 || !*f[1])
            return BAD("expected 'inter N | kinds' with N from 1 to 8");
        const char *bad;
        uint32_t flags = sr_actor_flags_parse(f[1], &bad);
        if (bad)
            return BAD("unknown actor kind at '%s'", bad);
        SR_GROW(d, inter, ninter, cap_inter);
        d->inter[d->ninter++] = (sr_inter_rule){flags, v};
        return SR_OK;
    }
    if (!strcmp(line, "foreign")) {
        int v = inter_number(rest);
        if (v < 0)
            return BAD("expected 'foreign N' with N from 1 to 8");
        d->foreign_inter = v;
        return SR_OK;
    }
    return BAD("unknown kind of line '%s' (sector, inter or foreign)", line);
}

/* ---- export.txt ----------------------------------------------------------- */

static int country_of(const sr_dicts *d, const char *iso2)
{
    return strlen(iso2) == 2 ? sr_country_find(d, iso2) : -1;
}

static sr_status the_line(sr_dicts *d, char *rest, const char *path, long lineno, sr_error *err)
{
    char *w[300];
    size_t n = sr_split(rest, ' ', w, 300);
    for (size_t i = 0; i < n; i++) {
        if (!*w[i])
            continue;
        int k = country_of(d, w[i]);
        if (k < 0)
            return BAD("unknown country '%s' (countries.txt's ISO codes)", w[i]);
        d->countries[k].the = 1;
    }
    return SR_OK;
}

static sr_status scale_line(sr_dicts *d, char *rest, const char *path, long lineno, sr_error *err)
{
    static const char *const levels[4] = {"subnational", "national", "regional", "international"};
    char *f[3];
    if (sr_split(rest, '|', f, 3) != 2 || !*f[1])
        return BAD("expected 'scale LEVEL | word'");
    for (int i = 0; i < 4; i++)
        if (!strcmp(f[0], levels[i])) {
            d->scale[i] = sr_arena_strdup(&d->arena, f[1]);
            return d->scale[i] ? SR_OK : SR_ERR_NOMEM;
        }
    return BAD("unknown scale '%s' (subnational, national, regional or international)", f[0]);
}

sr_status sr_export_line(sr_dicts *d, char *line, const char *path, long lineno, sr_error *err)
{
    char *rest = kind_of(line);
    char *f[3];
    if (!rest)
        return BAD("expected a line starting with country, the, notes, scale, label or outlet");
    if (!strcmp(line, "country")) {
        int k;
        if (sr_split(rest, '|', f, 3) != 2 || (k = country_of(d, f[0])) < 0 || !*f[1])
            return BAD("expected 'country ISO2 | name' with a country of countries.txt");
        d->countries[k].acled_name = sr_arena_strdup(&d->arena, f[1]);
        return d->countries[k].acled_name ? SR_OK : SR_ERR_NOMEM;
    }
    if (!strcmp(line, "the"))
        return the_line(d, rest, path, lineno, err);
    if (!strcmp(line, "notes")) {
        if (!*rest)
            return BAD("expected 'notes TEMPLATE'");
        d->notes_tpl = sr_arena_strdup(&d->arena, rest);
        return d->notes_tpl ? SR_OK : SR_ERR_NOMEM;
    }
    if (!strcmp(line, "scale"))
        return scale_line(d, rest, path, lineno, err);
    if (!strcmp(line, "label")) {
        /* "label civilian_targeting | text", "label cameo_prefix | text" */
        if (sr_split(rest, '|', f, 3) != 2 || !*f[1])
            return BAD("expected 'label NAME | text'");
        const char **dst = !strcmp(f[0], "civilian_targeting") ? &d->civ_targeting
                           : !strcmp(f[0], "cameo_prefix")     ? &d->cameo_prefix
                                                               : NULL;
        if (!dst)
            return BAD("unknown label '%s' (civilian_targeting or cameo_prefix)", f[0]);
        *dst = sr_arena_strdup(&d->arena, f[1]);
        return *dst ? SR_OK : SR_ERR_NOMEM;
    }
    if (!strcmp(line, "outlet")) {
        /* "outlet domain; domain | ISO2" */
        int k = -2;
        if (sr_split(rest, '|', f, 3) == 2)
            k = !strcmp(f[1], "-") ? -1 : country_of(d, f[1]);
        if (k < -1 || !*f[0])
            return BAD("expected 'outlet domain; name | ISO2' with a country of countries.txt, or '-'");
        char *dom[64];
        size_t n = sr_split(f[0], ';', dom, 64);
        for (size_t i = 0; i < n; i++) {
            if (!*dom[i])
                continue;
            for (char *p = dom[i]; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p = (char)(*p - 'A' + 'a');
            SR_GROW(d, outlets, noutlets, cap_outlets);
            d->outlets[d->noutlets] = (sr_outlet){sr_arena_strdup(&d->arena, dom[i]), (int16_t)k};
            if (!d->outlets[d->noutlets++].domain)
                return SR_ERR_NOMEM;
        }
        return SR_OK;
    }
    return BAD("unknown kind of line '%s' (country, the, notes, scale, label or outlet)", line);
}
