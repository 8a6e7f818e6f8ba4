/* Parsers for the plain-text dictionaries under data/. Every format is
 * line based, '#' starts a comment, and a malformed line stops the load
 * with FILE:LINE: reason, because a silently skipped dictionary entry is a
 * wrong event nobody notices. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "../text/placekey.h"
#include "dict.h"
#include "../lang/inflect.h"

#define MAX_LINE 8192

static const struct {
    const char *word;
    uint32_t flag;
} actor_flag_words[] = {
    {"state", ACT_STATE}, {"govside", ACT_GOVSIDE}, {"armed", ACT_ARMED}, {"nonstate", ACT_NONSTATE},
    {"aerial", ACT_AERIAL}, {"civilian", ACT_CIVILIAN}, {"protester", ACT_PROTESTER}, {"source", ACT_SOURCE},
    {"igo", ACT_IGO}, {"coalition", ACT_COALITION}, {"refer", ACT_REFER}, {"police", ACT_POLICE},
    {"artillery", ACT_ARTILLERY}, {"unknown", ACT_UNKNOWN}, {"gov", ACT_GOV}, {"rebel", ACT_REBEL},
    {"militia", ACT_MILITIA}, {"groupword", ACT_GROUPWORD}, {"person", ACT_PERSON}, {"crowd", ACT_CROWD},
    {"force", ACT_GENERIC_FORCE}, {"authority", ACT_AUTHORITY},
};

uint32_t sr_actor_flags_parse(const char *s, const char **bad)
{
    uint32_t f = 0;
    char w[32];
    *bad = NULL;
    while (*s) {
        while (*s == ' ' || *s == ',')
            s++;
        size_t n = 0;
        while (s[n] && s[n] != ' ' && s[n] != ',')
            n++;
        if (!n)
            break;
        if (n >= sizeof w) {
            *bad = s;
            return f;
        }
        memcpy(w, s, n);
        w[n] = 0;
        size_t i;
        for (i = 0; i < sizeof actor_flag_words / sizeof actor_flag_words[0]; i++)
            if (strcmp(actor_flag_words[i].word, w) == 0) {
                f |= actor_flag_words[i].flag;
                break;
            }
        if (i == sizeof actor_flag_words / sizeof actor_flag_words[0]) {
            *bad = s;
            return f;
        }
        s += n;
    }
    return f;
}

static const char *const evclass_names[EV_COUNT] = {
    "NONE", "AIR", "SHELL", "IED", "SUICIDE", "CARBOMB", "GRENADE", "CHEMICAL", "BOMB", "CLASH", "ATTACK",
    "KILL", "SHOOT", "TERRITORY", "WITHDRAW", "ABDUCT", "ARREST", "RAID", "EXECUTE", "MASSACRE", "PROTEST",
    "RIOT", "REPRESS", "DISRUPT", "LOOT", "DESTROY", "AGREEMENT", "BASE", "CHANGE", "SIEGE", "NOT"};

const char *sr_evclass_name(sr_evclass c)
{
    return (unsigned)c < EV_COUNT ? evclass_names[c] : "?";
}


static const char *const cue_names[CUE_COUNT] = {
    "NONE", "NEG", "DENY", "PLAN", "CLAIM", "REPORT", "W_AIR", "W_SHELL", "W_IED", "W_SUICIDE", "W_GRENADE",
    "W_CHEM", "W_SMALLARMS", "W_CARBOMB", "PN_TOWN", "PN_REGION", "PN_FEATURE", "DIR", "DIRADJ", "CTRL",
    "SUPPORT", "REFLOC", "BOTH", "INTERVENE", "CIVTARGET", "VACATE", "NOCASUALTY", "INJURE", "BACKGROUND",
    "HYPOTH", "PERSON", "NONHUMAN", "LETHAL", "HOUSE", "MILTARGET", "RIOT", "ARMS", "AFFIL", "ACCIDENT",
    "AGGREGATE", "SOUND", "PART", "AMID", "MIDNAME", "SAMEDAY", "DAYBEFORE", "DAYAFTER", "DROP", "IDENTITY", "AFTERTOLD", "VESSEL", "STANCE", "HABITUAL", "ORIGIN", "JUDICIAL", "PIT", "END_SOUGHT", "GOV_SEAT", "SIDING", "ORG_NOUN", "HOSTING", "OFFSHOOT", "LABEL", "OWNER"};

const char *sr_cue_name(sr_cue c)
{
    return (unsigned)c < CUE_COUNT ? cue_names[c] : "?";
}

sr_cue sr_cue_parse(const char *s)
{
    for (int i = 1; i < CUE_COUNT; i++)
        if (strcmp(cue_names[i], s) == 0)
            return (sr_cue)i;
    return CUE_NONE;
}

/* ---- small string helpers ---------------------------------------------- */

#define trim sr_trim
#define split sr_split

char *sr_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = 0;
    return s;
}

/* Splits s in place at sep; returns the number of fields (at most max). */
size_t sr_split(char *s, char sep, char **fields, size_t max)
{
    size_t n = 0;
    while (n < max) {
        char *e = strchr(s, sep);
        if (e)
            *e = 0;
        fields[n++] = trim(s);
        if (!e)
            break;
        s = e + 1;
    }
    return n;
}

/* Strips a trailing " # comment" (a '#' after whitespace). */
static void strip_comment(char *s)
{
    if (s[0] == '#') {
        s[0] = 0;
        return;
    }
    /* an empty line: nothing after its end belongs to it */
    if (!s[0])
        return;
    for (char *p = s + 1; *p; p++)
        if (*p == '#' && (p[-1] == ' ' || p[-1] == '\t')) {
            *p = 0;
            return;
        }
}

/* ---- phrase insertion ---------------------------------------------------- */

typedef struct ctx {
    sr_dicts *d;
    const char *path;
    long line;
    sr_error *err;
    sr_arena scratch;
} ctx;

static sr_status add_phrase(ctx *c, const char *phrase, uint8_t kind, uint8_t flags, uint32_t value)
{
    const char *p = phrase;
    if (*p == '=') {
        /* "=IS": matches only in capitals, so "is" and "us" stay words. */
        flags |= PF_ALLCAPS;
        p++;
    } else {
        /* Short acronyms ("HM", "NAS", "SSA") match only in capitals too:
         * in lower case they are other words. */
        size_t n = 0, caps = 0;
        for (const char *q = p; *q; q++, n++)
            if (*q >= 'A' && *q <= 'Z')
                caps++;
            else if (*q != '-' && *q != '.' && !(*q >= '0' && *q <= '9'))
                caps = 100;
        if (n <= 3 && caps >= 2 && caps == n)
            flags |= PF_ALLCAPS;
    }
    if (kind == PH_ACTOR && *p >= 'a' && *p <= 'z')
        flags |= PF_COMMON;
    uint32_t ids[SR_MAX_PHRASE_WORDS];
    size_t n = sr_phrase_ids(&c->d->vocab, &c->scratch, p, ids, SR_MAX_PHRASE_WORDS);
    sr_arena_reset(&c->scratch);
    if (n == 0)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "empty phrase '%s'", phrase);
    if (sr_trie_add(&c->d->trie, ids, n, kind, flags, value))
        return sr_fail(c->err, SR_ERR_NOMEM, c->path, c->line, "out of memory");
    c->d->phrases++;
    return SR_OK;
}

static sr_status add_list(ctx *c, char *list, uint8_t kind, uint8_t flags, uint32_t value)
{
    char *items[256];
    size_t n = split(list, ';', items, 256);
    for (size_t i = 0; i < n; i++) {
        if (!items[i][0])
            continue;
        sr_status st = add_phrase(c, items[i], kind, flags, value);
        if (st)
            return st;
    }
    return SR_OK;
}

/* by the ISO code's two letters: asked for every place candidate */
static int iso2_slot(const char *iso2)
{
    int a = toupper((unsigned char)iso2[0]), b = a ? toupper((unsigned char)iso2[1]) : 0;
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z' || iso2[2])
        return -1;
    return (a - 'A') * 26 + (b - 'A');
}

int sr_country_find(const sr_dicts *d, const char *iso2)
{
    int slot = iso2_slot(iso2);
    if (slot >= 0)
        return (int)d->country_by_iso2[slot] - 1;
    for (size_t i = 0; i < d->ncountries; i++)
        if (strcasecmp(d->countries[i].iso2, iso2) == 0)
            return (int)i;
    return -1;
}

static int parse_double(const char *s, double *out)
{
    if (!*s)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *trim(end))
        return -1;
    *out = v;
    return 0;
}

/* ---- countries.txt --------------------------------------------------------
 * ISO2 | ISO3 | name; other names | adjectives | military name | police name | lat | lon */
static sr_status country_line(ctx *c, char *line)
{
    char *f[10];
    size_t n = split(line, '|', f, 10);
    if (n < 8)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "expected 8 to 10 fields separated by '|', found %zu", n);
    if (strlen(f[0]) != 2 || strlen(f[1]) != 3)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "ISO codes must be 2 and 3 letters");
    sr_dicts *d = c->d;
    SR_GROW(d, countries, ncountries, cap_countries);
    sr_country_def *k = &d->countries[d->ncountries];
    memset(k, 0, sizeof *k);
    for (int i = 0; i < 2; i++)
        k->iso2[i] = (char)toupper((unsigned char)f[0][i]);
    for (int i = 0; i < 3; i++)
        k->iso3[i] = (char)toupper((unsigned char)f[1][i]);
    char namebuf[256];
    snprintf(namebuf, sizeof namebuf, "%s", f[2]);
    char *semi = strchr(namebuf, ';');
    if (semi)
        *semi = 0;
    k->name = sr_arena_strdup(&d->arena, trim(namebuf));
    char adjbuf[256];
    snprintf(adjbuf, sizeof adjbuf, "%s", f[3]);
    semi = strchr(adjbuf, ';');
    if (semi)
        *semi = 0;
    k->adj = sr_arena_strdup(&d->arena, trim(adjbuf));
    k->mil_name = f[4][0] ? sr_arena_strdup(&d->arena, f[4]) : NULL;
    k->pol_name = f[5][0] ? sr_arena_strdup(&d->arena, f[5]) : NULL;
    if (parse_double(f[6], &k->lat) || parse_double(f[7], &k->lon) || k->lat < -90 || k->lat > 90 ||
        k->lon < -180 || k->lon > 180)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "bad coordinates '%s' '%s'", f[6], f[7]);
    if (n > 8 && f[8][0]) {
        char *end;
        long v = strtol(f[8], &end, 10);
        if (*end || v < 0 || v > 999)
            return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "bad ISO numeric code '%s'", f[8]);
        k->numeric = (int)v;
    }
    k->region = n > 9 && f[9][0] ? sr_arena_strdup(&d->arena, f[9]) : NULL;
    if (!k->name || !k->adj)
        return SR_ERR_NOMEM;
    uint32_t idx = (uint32_t)d->ncountries++;
    int slot = iso2_slot(k->iso2);
    if (slot >= 0 && !d->country_by_iso2[slot] && idx < UINT16_MAX)
        d->country_by_iso2[slot] = (uint16_t)(idx + 1);
    sr_status st = add_list(c, f[2], PH_COUNTRY, PF_CAPITAL, idx);
    if (!st && f[3][0])
        st = add_list(c, f[3], PH_COUNTRY, PF_CAPITAL | PF_ADJ, idx);
    return st;
}

/* ---- actors.txt -----------------------------------------------------------
 * Name | CODE | flags | countries       (an entry)
 *     alias; alias; =ALIAS              (indented: more names for it) */
static sr_status actor_line(ctx *c, char *line, int indented)
{
    sr_dicts *d = c->d;
    if (indented) {
        if (!d->nactors)
            return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "alias line before any actor");
        return add_list(c, line, PH_ACTOR, 0, (uint32_t)(d->nactors - 1));
    }
    char *f[4];
    size_t n = split(line, '|', f, 4);
    if (n < 3)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "expected 'Name | CODE | flags [| countries]'");
    if (!f[0][0] || !f[1][0])
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "actor name and code must not be empty");
    const char *bad;
    uint32_t flags = sr_actor_flags_parse(f[2], &bad);
    if (bad)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "unknown actor flag at '%s'", bad);
    SR_GROW(d, actors, nactors, cap_actors);
    sr_actor_def *a = &d->actors[d->nactors];
    memset(a, 0, sizeof *a);
    a->name = sr_arena_strdup(&d->arena, f[0]);
    a->code = sr_arena_strdup(&d->arena, f[1]);
    a->flags = flags;
    a->country = -1;
    if (n > 3) {
        if (strlen(f[3]) >= sizeof a->active)
            return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "too many countries (at most %zu letters)",
                           sizeof a->active - 1);
        snprintf(a->active, sizeof a->active, "%s", f[3]);
        if (strlen(f[3]) >= 2) {
            char iso[3] = {f[3][0], f[3][1], 0};
            a->country = (int16_t)sr_country_find(d, iso);
            if (a->country < 0)
                return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "unknown country '%s'", iso);
        }
    }
    if (!a->name || !a->code)
        return SR_ERR_NOMEM;
    /* a state's forces are their state's, wherever they act ("Russian
     * Armed Forces | RUSMIL | ... | UA SY GE"): the country of the code */
    if ((flags & ACT_STATE) && strlen(a->code) >= 3)
        for (size_t k = 0; k < d->ncountries; k++)
            if (!strncmp(d->countries[k].iso3, a->code, 3)) {
                a->country = (int16_t)k;
                break;
            }
    d->nactors++;
    return add_phrase(c, f[0], PH_ACTOR, 0, (uint32_t)(d->nactors - 1));
}

/* ---- agents.txt -----------------------------------------------------------
 * noun; noun; noun | SECTOR | flags */
static sr_status agent_line(ctx *c, char *line)
{
    char *f[3];
    size_t n = split(line, '|', f, 3);
    if (n < 3)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "expected 'nouns | SECTOR | flags'");
    if (strlen(f[1]) < 2 || strlen(f[1]) > 3)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "sector must be 2 or 3 letters, got '%s'", f[1]);
    const char *bad;
    uint32_t flags = sr_actor_flags_parse(f[2], &bad);
    if (bad)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "unknown agent flag at '%s'", bad);
    sr_dicts *d = c->d;
    SR_GROW(d, agents, nagents, cap_agents);
    sr_agent_def *g = &d->agents[d->nagents];
    memset(g, 0, sizeof *g);
    char first[128];
    snprintf(first, sizeof first, "%s", f[0]);
    char *semi = strchr(first, ';');
    if (semi)
        *semi = 0;
    g->noun = sr_arena_strdup(&d->arena, trim(first));
    snprintf(g->sector, sizeof g->sector, "%s", f[1]);
    g->flags = flags;
    if (!g->noun)
        return SR_ERR_NOMEM;
    uint32_t idx = (uint32_t)d->nagents++;
    /* the first civilians line: people a demonym names ("Palestinians") */
    if (d->civilian_agent < 0 && !strcmp(g->sector, "CVL"))
        d->civilian_agent = (int)idx;
    return add_list(c, f[0], PH_AGENT, 0, idx);
}

/* ---- events.txt -----------------------------------------------------------
 * v lemma phrase [(form form ...)] | CLASS [| options]
 * n noun phrase; noun phrase | CLASS [| options]
 * A verb phrase inflects its first word; a noun phrase its last word. */
static const struct {
    const char *word;
    uint32_t flag;
} trg_opt_words[] = {
    {"need-place", TRG_NEED_PLACE}, {"need-obj", TRG_NEED_OBJ}, {"weak", TRG_WEAK}, {"air", TRG_AIR},
    {"need-actor", TRG_NEED_ACTOR}, {"intrans", TRG_INTRANS}, {"from-actor2", TRG_FROM_ACTOR2},
    {"no-passive", TRG_NO_PASSIVE}, {"victim-subj", TRG_VICTIM_SUBJ}, {"need-victim", TRG_NEED_VICTIM},
    {"air-if-state", TRG_AIR_STATE}, {"fend-off", TRG_FEND_OFF}, {"crowd", TRG_CROWD}, {"lost-to", TRG_LOST_TO}, {"kills", TRG_KILLS},
    {"doer", TRG_DOER}, {"found", TRG_FOUND},
};

static sr_status add_trigger_form(ctx *c, const char *surface, const char *lemma, sr_evclass cls, int form,
                                  int plural, uint32_t opts)
{
    sr_dicts *d = c->d;
    SR_GROW(d, triggers, ntriggers, cap_triggers);
    sr_trigger_def *t = &d->triggers[d->ntriggers];
    t->lemma = lemma;
    t->cls = (uint16_t)cls;
    t->form = (uint8_t)form;
    t->plural = (uint8_t)plural;
    t->opts = opts;
    d->ntriggers++;
    return add_phrase(c, surface, PH_TRIGGER, 0, (uint32_t)(d->ntriggers - 1));
}

static sr_status event_line(ctx *c, char *line)
{
    char *f[3];
    size_t n = split(line, '|', f, 3);
    if (n < 2)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "expected 'v|n phrase | CLASS [| options]'");
    int cls = sr_tax_class_find(&c->d->tax, f[1]);
    if (cls < 0)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line,
                       "unknown event class '%s' (taxonomy.txt defines the classes)", f[1]);
    uint32_t opts = 0;
    if (n > 2) {
        char *o[16];
        size_t no = split(f[2], ' ', o, 16);
        for (size_t i = 0; i < no; i++) {
            if (!o[i][0])
                continue;
            size_t k;
            for (k = 0; k < sizeof trg_opt_words / sizeof trg_opt_words[0]; k++)
                if (strcmp(trg_opt_words[k].word, o[i]) == 0) {
                    opts |= trg_opt_words[k].flag;
                    break;
                }
            if (k == sizeof trg_opt_words / sizeof trg_opt_words[0])
                return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "unknown trigger option '%s'", o[i]);
        }
    }
    char *spec = f[0];
    if ((spec[0] != 'v' && spec[0] != 'n') || spec[1] != ' ')
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "an entry starts with 'v ' (verb) or 'n ' (noun)");
    int verb = spec[0] == 'v';
    opts |= verb ? TRG_VERB : TRG_NOUN;
    char *items[64];
    size_t ni = split(spec + 2, ';', items, 64);
    for (size_t i = 0; i < ni; i++) {
        char *item = items[i];
        if (!item[0])
            continue;
        char *forms = strchr(item, '(');
        if (forms) {
            char *close = strchr(forms, ')');
            if (!close)
                return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "unclosed '(' in '%s'", item);
            *forms++ = 0;
            *close = 0;
        }
        item = trim(item);
        if (!item[0])
            return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "empty phrase");
        const char *lemma = sr_arena_strdup(&c->d->arena, item);
        if (!lemma)
            return SR_ERR_NOMEM;
        sr_status st;
        if (forms) {
            /* Explicit forms, in order: base s past part ing (verbs) or
             * singular plural (nouns). */
            char *fv[6];
            size_t nf = split(forms, ' ', fv, 6);
            for (size_t k = 0; k < nf; k++) {
                if (!fv[k][0])
                    continue;
                char phrase[256];
                const char *rest = strchr(item, ' ');
                snprintf(phrase, sizeof phrase, "%s%s", fv[k], verb && rest ? rest : "");
                if (!verb) {
                    /* noun: the explicit form replaces the whole item */
                    snprintf(phrase, sizeof phrase, "%s", fv[k]);
                }
                st = add_trigger_form(c, phrase, lemma, cls, verb ? (int)k : 0, !verb && k > 0, opts);
                if (st)
                    return st;
            }
            continue;
        }
        if (verb) {
            char head[64];
            const char *rest = strchr(item, ' ');
            size_t hl = rest ? (size_t)(rest - item) : strlen(item);
            if (hl >= sizeof head)
                return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "verb too long");
            memcpy(head, item, hl);
            head[hl] = 0;
            char vf[VF_COUNT][48];
            sr_inflect_verb(head, vf);
            for (int k = 0; k < VF_COUNT; k++) {
                if (k == VF_PART && strcmp(vf[VF_PART], vf[VF_PAST]) == 0)
                    continue;
                char phrase[256];
                snprintf(phrase, sizeof phrase, "%s%s", vf[k], rest ? rest : "");
                st = add_trigger_form(c, phrase, lemma, cls, k, 0, opts);
                if (st)
                    return st;
            }
        } else {
            st = add_trigger_form(c, item, lemma, cls, 0, 0, opts);
            if (st)
                return st;
            /* Plural of the last word. */
            const char *sp = strrchr(item, ' ');
            size_t pre = sp ? (size_t)(sp - item + 1) : 0;
            char pl[128], phrase[256];
            sr_pluralize(item + pre, pl, sizeof pl);
            snprintf(phrase, sizeof phrase, "%.*s%s", (int)pre, item, pl);
            if (strcmp(phrase, item) != 0) {
                st = add_trigger_form(c, phrase, lemma, cls, 0, 1, opts);
                if (st)
                    return st;
            }
        }
    }
    return SR_OK;
}

/* ---- cues.txt -------------------------------------------------------------
 * CLASS | phrase; phrase; ... */
static sr_status cue_line(ctx *c, char *line)
{
    char *f[2];
    size_t n = split(line, '|', f, 2);
    if (n < 2)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "expected 'CLASS | phrases'");
    sr_cue cue = sr_cue_parse(f[0]);
    if (cue == CUE_NONE)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "unknown cue class '%s'", f[0]);
    return add_list(c, f[1], PH_CUE, 0, (uint32_t)cue);
}

static int add_pkey(sr_dicts *d, const char *name, uint32_t place)
{
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(name, strlen(name), key);
    if (!kn)
        return 0;
    if (d->npkeys == d->cap_pkeys) {
        size_t nc = d->cap_pkeys ? d->cap_pkeys * 2 : 1024;
        struct sr_pkey *np = realloc(d->pkeys, nc * sizeof *np);
        if (!np)
            return -1;
        d->pkeys = np;
        d->cap_pkeys = nc;
    }
    const char *sp = sr_arena_strdup(&d->arena, name);
    if (!sp)
        return -1;
    d->pkeys[d->npkeys].hash = sr_place_key_hash(key, kn);
    d->pkeys[d->npkeys].place = place;
    d->pkeys[d->npkeys].spelling = sp;
    d->npkeys++;
    return 0;
}

/* ---- confidence.txt ---------------------------------------------------------
 * bias W | evidence NAME W | threshold X. A later directory's line for a
 * name replaces the earlier one. */
static sr_status conf_line(ctx *c, char *line)
{
    sr_conf_model *m = &c->d->conf;
    char kw[16], name[64], rest[32];
    double v;
    int n = sscanf(line, "%15s %63s %31s", kw, name, rest);
    if (n == 2 && (!strcmp(kw, "bias") || !strcmp(kw, "threshold"))) {
        if (parse_double(name, &v))
            return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "'%s' needs a number, got '%s'", kw, name);
        if (!strcmp(kw, "bias")) {
            m->bias = v;
        } else {
            if (v < 0 || v > 1)
                return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "threshold must be from 0 to 1, got %s", name);
            m->threshold = v;
            m->has_threshold = 1;
        }
        return SR_OK;
    }
    if (n != 3 || strcmp(kw, "evidence"))
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "expected 'bias W', 'evidence NAME W' or 'threshold X'");
    if (parse_double(rest, &v))
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "evidence '%s' needs a weight, got '%s'", name, rest);
    size_t i = 0;
    while (i < m->n && strcmp(m->w[i].name, name))
        i++;
    if (i == m->n) {
        if (m->n == SR_MAX_EVIDENCE)
            return sr_fail(c->err, SR_ERR_LIMIT, c->path, c->line, "more than %d kinds of evidence", SR_MAX_EVIDENCE);
        m->w[i].name = sr_arena_strdup(&c->d->arena, name);
        if (!m->w[i].name)
            return SR_ERR_NOMEM;
        m->n++;
    }
    m->w[i].w = v;
    m->w[i].file = sr_arena_strdup(&c->d->arena, c->path);
    m->w[i].line = c->line;
    m->w[i].test = -1;
    return m->w[i].file ? SR_OK : SR_ERR_NOMEM;
}

/* ---- places.tsv -----------------------------------------------------------
 * name <TAB> aliases(;) <TAB> kind <TAB> country <TAB> admin1 <TAB> lat <TAB> lon [<TAB> note] */
static const char *const place_kinds[] = {"", "country", "admin1", "admin2", "city", "town", "village",
                                          "neighbourhood", "feature", "region", "part"};

/* "north-west	northwest; northwestern	part	SY	Idlib	35.93	36.63": a
 * direction's spellings kept apart from the names text is matched
 * against, folded to lower case without hyphens. */
static sr_status part_line(ctx *c, char **f)
{
    sr_dicts *d = c->d;
    char dirs[MAX_LINE];
    size_t k = 0;
    for (const char *q = f[0]; *q && k + 2 < sizeof dirs; q++)
        if (*q != '-')
            dirs[k++] = (char)tolower((unsigned char)*q);
    for (const char *q = f[1]; *q && k + 2 < sizeof dirs; q++) {
        if (q == f[1])
            dirs[k++] = ';';
        if (*q != '-' && *q != ' ')
            dirs[k++] = (char)tolower((unsigned char)*q);
    }
    dirs[k] = 0;
    SR_GROW(d, parts, nparts, cap_parts);
    sr_part_def *p = &d->parts[d->nparts];
    memset(p, 0, sizeof *p);
    if (parse_double(f[5], &p->lat) || parse_double(f[6], &p->lon) || p->lat < -90 || p->lat > 90 || p->lon < -180 ||
        p->lon > 180)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "a part of a country needs its point, not '%s' '%s'", f[5],
                       f[6]);
    p->dirs = sr_arena_strdup(&d->arena, dirs);
    p->admin1 = f[4][0] ? sr_arena_strdup(&d->arena, f[4]) : NULL;
    p->country[0] = (char)toupper((unsigned char)f[3][0]);
    p->country[1] = (char)toupper((unsigned char)f[3][1]);
    if (!p->dirs || (f[4][0] && !p->admin1))
        return SR_ERR_NOMEM;
    d->nparts++;
    return SR_OK;
}

static sr_status place_line(ctx *c, char *line)
{
    char *f[8];
    size_t n = split(line, '\t', f, 8);
    if (n < 7)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "expected 7 tab-separated fields, found %zu", n);
    int kind = 0;
    for (int k = 1; k < (int)(sizeof place_kinds / sizeof place_kinds[0]); k++)
        if (strcmp(place_kinds[k], f[2]) == 0)
            kind = k;
    if (!kind)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "unknown place kind '%s'", f[2]);
    if (strlen(f[3]) != 2)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "country must be an ISO 3166 alpha-2 code");
    if (kind == PK_PART)
        return part_line(c, f);
    sr_dicts *d = c->d;
    SR_GROW(d, places, nplaces, cap_places);
    sr_place_def *p = &d->places[d->nplaces];
    memset(p, 0, sizeof *p);
    p->name = sr_arena_strdup(&d->arena, f[0]);
    p->admin1 = f[4][0] ? sr_arena_strdup(&d->arena, f[4]) : NULL;
    p->country[0] = (char)toupper((unsigned char)f[3][0]);
    p->country[1] = (char)toupper((unsigned char)f[3][1]);
    p->kind = (uint8_t)kind;
    if (f[5][0] || f[6][0]) {
        if (parse_double(f[5], &p->lat) || parse_double(f[6], &p->lon) || p->lat < -90 || p->lat > 90 ||
            p->lon < -180 || p->lon > 180)
            return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "bad coordinates '%s' '%s'", f[5], f[6]);
        p->has_coords = 1;
    }
    if (!p->name)
        return SR_ERR_NOMEM;
    p->country_idx = (int16_t)sr_country_find(d, p->country);
    uint32_t idx = (uint32_t)d->nplaces++;
    if (add_pkey(d, f[0], idx))
        return SR_ERR_NOMEM;
    if (f[1][0]) {
        char copy[MAX_LINE];
        snprintf(copy, sizeof copy, "%s", f[1]);
        char *items[256];
        size_t ni = split(copy, ';', items, 256);
        for (size_t i = 0; i < ni; i++)
            if (items[i][0] && add_pkey(d, items[i][0] == '=' ? items[i] + 1 : items[i], idx))
                return SR_ERR_NOMEM;
    }
    sr_status st = add_phrase(c, f[0], PH_PLACE, PF_CAPITAL, idx);
    if (!st && f[1][0])
        st = add_list(c, f[1], PH_PLACE, PF_CAPITAL, idx);
    return st;
}

static int cmp_pkey(const void *a, const void *b)
{
    const struct sr_pkey *x = a, *y = b;
    return x->hash < y->hash ? -1 : x->hash > y->hash;
}

void sr_dicts_finish(sr_dicts *d)
{
    if (d->npkeys)
        qsort(d->pkeys, d->npkeys, sizeof *d->pkeys, cmp_pkey);
}

size_t sr_dicts_place_lookup(const sr_dicts *d, const char *name, size_t n, uint32_t *ids, const char **spell,
                             size_t max)
{
    char key[SR_KEY_MAX];
    size_t kn = sr_place_key(name, n, key);
    if (!kn || !d->npkeys)
        return 0;
    uint64_t h = sr_place_key_hash(key, kn);
    size_t lo = 0, hi = d->npkeys;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->pkeys[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = 0;
    for (size_t i = lo; i < d->npkeys && d->pkeys[i].hash == h && k < max; i++) {
        ids[k] = d->pkeys[i].place;
        if (spell)
            spell[k] = d->pkeys[i].spelling;
        k++;
    }
    return k;
}

/* ---- boilerplate.txt ------------------------------------------------------
 * line|prefix|contains|suffix|within|after TEXT */
static sr_status boiler_line(ctx *c, char *line)
{
    char *sp = strchr(line, ' ');
    if (!sp)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "expected 'line|prefix|contains|suffix|within|after TEXT'");
    *sp = 0;
    int kind;
    if (!strcmp(line, "line"))
        kind = 0;
    else if (!strcmp(line, "prefix"))
        kind = 1;
    else if (!strcmp(line, "contains"))
        kind = 2;
    else if (!strcmp(line, "suffix"))
        kind = 3;
    else if (!strcmp(line, "within"))
        kind = 4;
    else if (!strcmp(line, "after"))
        kind = 5;
    else if (!strcmp(line, "teasers"))
        kind = 6;
    else
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "unknown rule '%s'", line);
    char *text = trim(sp + 1);
    if (!*text)
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "empty rule text");
    for (char *p = text; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    char *kept = sr_arena_strdup(&c->d->arena, text);
    if (!kept || sr_boiler_add(&c->d->boiler, kind, kept))
        return SR_ERR_NOMEM;
    return SR_OK;
}

/* "ROLE word [word ...]": kept for the coder, which knows the roles */
static sr_status role_line(ctx *c, char *line)
{
    char *w[256];
    size_t n = split(line, ' ', w, 256);
    if (n < 2 || !w[0][0])
        return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "expected 'ROLE word [word ...]'");
    for (const char *p = w[0]; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return sr_fail(c->err, SR_ERR_PARSE, c->path, c->line, "a role is written in capitals, got '%s'", w[0]);
    const char *role = sr_arena_strdup(&c->d->arena, w[0]), *file = sr_arena_strdup(&c->d->arena, c->path);
    if (!role || !file)
        return SR_ERR_NOMEM;
    for (size_t i = 1; i < n; i++) {
        if (!w[i][0])
            continue;
        SR_GROW(c->d, roles, nroles, cap_roles);
        const char *word = sr_arena_strdup(&c->d->arena, w[i]);
        if (!word)
            return SR_ERR_NOMEM;
        c->d->roles[c->d->nroles++] = (struct sr_role_word){role, word, file, c->line};
    }
    return SR_OK;
}

/* ---- driver ---------------------------------------------------------------- */

/* In this order: events.txt names the classes taxonomy.txt defines. The
 * words of a language are under its code (en/). */
enum {
    F_TAXONOMY, F_COUNTRIES, F_ACTORS, F_AGENTS, F_EVENTS, F_CUES, F_PLACES, F_BOILER, F_WORDS, F_CONF, F_SECTORS,
    F_EXPORT, F_COUNT
};
static const char *const file_names[F_COUNT] = {"taxonomy.txt", "countries.txt", "actors.txt", "agents.txt",
                                                "events.txt", "cues.txt", "places.tsv", "boilerplate.txt",
                                                "en/words.txt", "confidence.txt", "sectors.txt", "export.txt"};

static sr_status parse_buffer(sr_dicts *d, int which, const char *path, const char *buf, size_t len, sr_error *err)
{
    ctx c = {.d = d, .path = path, .line = 0, .err = err};
    sr_arena_init(&c.scratch, 16 * 1024);
    char *line = malloc(MAX_LINE);
    if (!line) {
        sr_arena_free(&c.scratch);
        return sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
    }
    sr_status st = SR_OK;
    size_t i = 0;
    while (i < len && st == SR_OK) {
        size_t e = i;
        while (e < len && buf[e] != '\n')
            e++;
        c.line++;
        size_t ll = e - i;
        if (ll >= MAX_LINE) {
            st = sr_fail(err, SR_ERR_PARSE, path, c.line, "line longer than %d bytes", MAX_LINE - 1);
            break;
        }
        if (memchr(buf + i, 0, ll)) {
            st = sr_fail(err, SR_ERR_PARSE, path, c.line, "NUL byte in a dictionary line");
            break;
        }
        memcpy(line, buf + i, ll);
        line[ll] = 0;
        i = e + 1;
        /* A UTF-8 BOM on the first line. */
        char *l = line;
        if (c.line == 1 && ll >= 3 && (unsigned char)l[0] == 0xEF && (unsigned char)l[1] == 0xBB && (unsigned char)l[2] == 0xBF)
            l += 3;
        if (which != F_PLACES)
            strip_comment(l);
        else if (l[0] == '#')
            continue;
        int indented = (l[0] == ' ' || l[0] == '\t');
        char *t = trim(l);
        if (!*t)
            continue;
        switch (which) {
        case F_TAXONOMY: st = sr_tax_line(&d->tax, &d->arena, t, path, c.line, err); break;
        case F_COUNTRIES: st = country_line(&c, t); break;
        case F_ACTORS: st = actor_line(&c, t, indented); break;
        case F_AGENTS: st = agent_line(&c, t); break;
        case F_EVENTS: st = event_line(&c, t); break;
        case F_CUES: st = cue_line(&c, t); break;
        case F_PLACES: st = place_line(&c, l); break;
        case F_BOILER: st = boiler_line(&c, t); break;
        case F_WORDS: st = role_line(&c, t); break;
        case F_CONF: st = conf_line(&c, t); break;
        case F_SECTORS: st = sr_sector_line(d, t, path, c.line, err); break;
        case F_EXPORT: st = sr_export_line(d, t, path, c.line, err); break;
        }
        if (st == SR_ERR_NOMEM && err && err->status != SR_ERR_NOMEM)
            sr_fail(err, SR_ERR_NOMEM, path, c.line, "out of memory");
    }
    free(line);
    sr_arena_free(&c.scratch);
    return st;
}

sr_status sr_dicts_load_buffer(sr_dicts *d, const char *kind, const char *path, const char *buf, size_t n,
                               sr_error *err)
{
    for (int k = 0; k < F_COUNT; k++)
        if (strcmp(file_names[k], kind) == 0)
            return parse_buffer(d, k, path, buf, n, err);
    return sr_fail(err, SR_ERR_INVALID, path, 0, "unknown dictionary kind '%s'", kind);
}

static sr_status read_file(const char *path, char **out, size_t *len, int *missing, sr_error *err)
{
    *missing = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT) {
            *missing = 1;
            return SR_OK;
        }
        return sr_fail(err, SR_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
    }
    for (;;) {
        if (n == cap) {
            if (cap > (256u << 20)) {
                free(buf);
                fclose(f);
                return sr_fail(err, SR_ERR_LIMIT, path, 0, "dictionary larger than 256 MiB");
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                return sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return sr_fail(err, SR_ERR_IO, path, 0, "read error");
    }
    *out = buf;
    *len = n;
    return SR_OK;
}

sr_status sr_dicts_init(sr_dicts *d, sr_error *err)
{
    memset(d, 0, sizeof *d);
    d->civilian_agent = -1;
    sr_arena_init(&d->arena, 256 * 1024);
    sr_vocab_init(&d->vocab, &d->arena);
    if (sr_trie_init(&d->trie) || sr_tax_init(&d->tax, &d->arena))
        return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
    return SR_OK;
}

sr_status sr_dicts_load_dir(sr_dicts *d, const char *dir, int required, sr_error *err)
{
    for (int k = 0; k < F_COUNT; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, file_names[k]);
        char *buf = NULL;
        size_t len = 0;
        int missing;
        sr_status st = read_file(path, &buf, &len, &missing, err);
        if (st)
            return st;
        if (missing) {
            if (required && (k <= F_CUES || k == F_WORDS || k == F_SECTORS))
                return sr_fail(err, SR_ERR_IO, path, 0, "missing dictionary file (is the data directory right?)");
            continue;
        }
        st = parse_buffer(d, k, path, buf, len, err);
        free(buf);
        if (st)
            return st;
    }
    return SR_OK;
}

void sr_dicts_free(sr_dicts *d)
{
    sr_vocab_free(&d->vocab);
    sr_trie_free(&d->trie);
    free(d->actors);
    free(d->agents);
    free(d->countries);
    free(d->triggers);
    free(d->places);
    free(d->parts);
    free(d->boiler.rules);
    free(d->pkeys);
    free(d->roles);
    free(d->sectors);
    free(d->inter);
    free(d->outlets);
    sr_tax_free(&d->tax);
    sr_arena_free(&d->arena);
    memset(d, 0, sizeof *d);
}
