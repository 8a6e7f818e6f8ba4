/* The taxonomy file (data/taxonomy.txt, whose top says its format): ACLED
 * types and sub-types, event classes, CAMEO codes, and the rules from a
 * class to a sub-type. The keys below are the ones the coder's own rules
 * name (the ids of dict.h's enums, in their order): a file must define
 * each, and may add more. A key is an identifier, not a word of any
 * language: the names people read are in the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "dict.h"

static const char *const type_keys[TYPE_COUNT] = {"BATTLES", "EXPLOSIONS", "VAC", "PROTESTS", "RIOTS", "STRATEGIC"};

static const char *const sub_keys[SUB_COUNT] = {
    "ARMED_CLASH", "GOV_REGAINS", "NONSTATE_OVERTAKES", "CHEMICAL", "AIR", "SUICIDE", "SHELLING", "IED",
    "GRENADE", "SEXUAL", "VAC_ATTACK", "ABDUCTION", "PEACEFUL_PROTEST", "PROTEST_INTERVENTION",
    "EXCESSIVE_FORCE", "VIOLENT_DEMO", "MOB", "AGREEMENT", "ARRESTS", "CHANGE", "DISRUPTED", "HQ", "LOOTING",
    "NVT", "OTHER"};

sr_status sr_tax_init(sr_taxonomy *t, sr_arena *a)
{
    (void)a;
    memset(t, 0, sizeof *t);
    for (int i = 0; i < TYPE_COUNT; i++) {
        SR_GROW(t, types, ntypes, cap_types);
        t->types[t->ntypes++] = (sr_tax_type){type_keys[i], NULL, NULL};
    }
    for (int i = 0; i < SUB_COUNT; i++) {
        SR_GROW(t, subs, nsubs, cap_subs);
        t->subs[t->nsubs++] = (sr_tax_sub){sub_keys[i], NULL, NULL, NULL, -1, 0, NULL, NULL, NULL};
    }
    for (int i = 0; i < EV_COUNT; i++) {
        SR_GROW(t, classes, nclasses, cap_classes);
        t->classes[t->nclasses++] = (sr_tax_class){sr_evclass_name((sr_evclass)i), NULL, -1};
    }
    return SR_OK;
}

void sr_tax_free(sr_taxonomy *t)
{
    free(t->types);
    free(t->subs);
    free(t->cameos);
    free(t->classes);
    free(t->rules);
    free(t->conds);
    free(t->gold);
    memset(t, 0, sizeof *t);
}

static int find_type(const sr_taxonomy *t, const char *key)
{
    for (size_t i = 0; i < t->ntypes; i++)
        if (!strcmp(t->types[i].key, key))
            return (int)i;
    return -1;
}

static int find_sub(const sr_taxonomy *t, const char *key)
{
    for (size_t i = 0; i < t->nsubs; i++)
        if (!strcmp(t->subs[i].key, key))
            return (int)i;
    return -1;
}

int sr_tax_class_find(const sr_taxonomy *t, const char *key)
{
    /* class 0 is "none": no word has it */
    for (size_t i = 1; i < t->nclasses; i++)
        if (!strcmp(t->classes[i].key, key) && t->classes[i].about)
            return (int)i;
    return -1;
}

static const char *keep(sr_arena *a, const char *s)
{
    return sr_arena_strdup(a, s);
}

static int is_key(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

static int number(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

#define BAD(...) sr_fail(err, SR_ERR_PARSE, path, lineno, __VA_ARGS__)

/* "acled KEY | NAME" */
static sr_status acled_line(sr_taxonomy *t, sr_arena *a, char *rest, const char *path, long lineno, sr_error *err)
{
    char *f[3];
    if (sr_split(rest, '|', f, 3) != 2 || !is_key(f[0]) || !*f[1])
        return BAD("expected 'acled KEY | name'");
    int i = find_type(t, f[0]);
    if (i < 0) {
        SR_GROW(t, types, ntypes, cap_types);
        i = (int)t->ntypes++;
        t->types[i].key = keep(a, f[0]);
    }
    t->types[i].name = keep(a, f[1]);
    return t->types[i].key && t->types[i].name ? SR_OK : SR_ERR_NOMEM;
}

/* "sub KEY | NAME | ACLED | CAMEO | QUAD | PLOVER" */
static sr_status sub_line(sr_taxonomy *t, sr_arena *a, char *rest, const char *path, long lineno, sr_error *err)
{
    char *f[7];
    int quad;
    if (sr_split(rest, '|', f, 7) != 6 || !is_key(f[0]) || !*f[1] || !*f[3] || !is_key(f[5]))
        return BAD("expected 'sub KEY | name | ACLED type | CAMEO | quad class | PLOVER'");
    int type = find_type(t, f[2]);
    if (type < 0 || !t->types[type].name)
        return BAD("unknown ACLED type '%s' (an 'acled' line must come first)", f[2]);
    if (number(f[4], 1, 4, &quad))
        return BAD("quad class '%s' is not 1 to 4", f[4]);
    int i = find_sub(t, f[0]);
    if (i < 0) {
        SR_GROW(t, subs, nsubs, cap_subs);
        i = (int)t->nsubs++;
        t->subs[i].key = keep(a, f[0]);
    }
    sr_tax_sub *u = &t->subs[i];
    u->name = keep(a, f[1]);
    u->type = type;
    u->cameo = keep(a, f[3]);
    u->quad = quad;
    u->plover = keep(a, f[5]);
    return u->key && u->name && u->cameo && u->plover ? SR_OK : SR_ERR_NOMEM;
}

/* "cameo SUB | CLASS | CAMEO | QUAD" */
static sr_status cameo_line(sr_taxonomy *t, sr_arena *a, char *rest, const char *path, long lineno, sr_error *err)
{
    char *f[5];
    int quad;
    if (sr_split(rest, '|', f, 5) != 4 || !*f[2])
        return BAD("expected 'cameo SUB | CLASS | CAMEO | quad class'");
    int sub = find_sub(t, f[0]), cls = sr_tax_class_find(t, f[1]);
    if (sub < 0 || !t->subs[sub].name)
        return BAD("unknown sub-event type '%s'", f[0]);
    if (cls < 0)
        return BAD("unknown event class '%s'", f[1]);
    if (number(f[3], 1, 4, &quad))
        return BAD("quad class '%s' is not 1 to 4", f[3]);
    SR_GROW(t, cameos, ncameos, cap_cameos);
    t->cameos[t->ncameos] = (sr_tax_cameo){sub, cls, quad, keep(a, f[2])};
    return t->cameos[t->ncameos++].cameo ? SR_OK : SR_ERR_NOMEM;
}

/* "class KEY | what its words tell" */
static sr_status class_line(sr_taxonomy *t, sr_arena *a, char *rest, const char *path, long lineno, sr_error *err)
{
    char *f[3];
    if (sr_split(rest, '|', f, 3) != 2 || !is_key(f[0]) || !*f[1])
        return BAD("expected 'class KEY | what its words tell'");
    size_t i;
    for (i = 1; i < t->nclasses; i++)
        if (!strcmp(t->classes[i].key, f[0]))
            break;
    if (i == t->nclasses) {
        if (t->nclasses >= 0xffff)
            return BAD("too many event classes");
        SR_GROW(t, classes, nclasses, cap_classes);
        t->nclasses++;
        t->classes[i].key = keep(a, f[0]);
    }
    t->classes[i].about = keep(a, f[1]);
    return t->classes[i].key && t->classes[i].about ? SR_OK : SR_ERR_NOMEM;
}

/* "rule CLASS[,CLASS...] [CONDITION...] -> SUB|none" */
static sr_status rule_line(sr_taxonomy *t, sr_arena *a, char *rest, const char *path, long lineno, sr_error *err)
{
    const char *text = keep(a, rest);
    char *arrow = strstr(rest, "->");
    if (!arrow || !text)
        return text ? BAD("expected 'rule CLASS [CONDITION...] -> SUB-TYPE' (or '-> none')") : SR_ERR_NOMEM;
    *arrow = 0;
    char *to = sr_trim(arrow + 2);
    int sub = -1;
    if (strcmp(to, "none")) {
        sub = find_sub(t, to);
        if (sub < 0 || !t->subs[sub].name)
            return BAD("unknown sub-event type '%s'", to);
    }
    char *w[40];
    size_t nw = sr_split(sr_trim(rest), ' ', w, 40);
    if (!nw || !*w[0])
        return BAD("a rule names its class first");
    size_t c0 = t->nconds;
    for (size_t i = 1; i < nw; i++) {
        if (!*w[i])
            continue;
        SR_GROW(t, conds, nconds, cap_conds);
        int neg = w[i][0] == '!';
        t->conds[t->nconds] = (sr_tax_cond){keep(a, w[i] + neg), neg, -1};
        if (!t->conds[t->nconds++].name)
            return SR_ERR_NOMEM;
    }
    char *cl[16];
    size_t ncl = sr_split(w[0], ',', cl, 16);
    const char *file = keep(a, path);
    if (!file)
        return SR_ERR_NOMEM;
    for (size_t i = 0; i < ncl; i++) {
        int cls = sr_tax_class_find(t, cl[i]);
        if (cls < 0)
            return BAD("unknown event class '%s' (a 'class' line must come first)", cl[i]);
        SR_GROW(t, rules, nrules, cap_rules);
        t->rules[t->nrules++] = (sr_tax_rule){cls, sub, c0, t->nconds - c0, file, lineno, text, -1};
    }
    return SR_OK;
}

/* "disorder TYPE-or-SUB | ACLED's disorder type" */
static sr_status disorder_line(sr_taxonomy *t, sr_arena *a, char *rest, const char *path, long lineno, sr_error *err)
{
    char *f[3];
    if (sr_split(rest, '|', f, 3) != 2 || !is_key(f[0]) || !*f[1])
        return BAD("expected 'disorder TYPE-or-SUB | disorder type'");
    const char *text = keep(a, f[1]);
    if (!text)
        return SR_ERR_NOMEM;
    int i = find_type(t, f[0]);
    if (i >= 0 && t->types[i].name) {
        t->types[i].disorder = text;
        return SR_OK;
    }
    i = find_sub(t, f[0]);
    if (i < 0 || !t->subs[i].name)
        return BAD("unknown event type or sub-event type '%s'", f[0]);
    t->subs[i].disorder = text;
    return SR_OK;
}

/* "goldstein CAMEO | VALUE" */
static sr_status goldstein_line(sr_taxonomy *t, sr_arena *a, char *rest, const char *path, long lineno,
                                sr_error *err)
{
    char *f[3], *end;
    if (sr_split(rest, '|', f, 3) != 2 || !*f[0] || strspn(f[0], "0123456789") != strlen(f[0]))
        return BAD("expected 'goldstein CAMEO-CODE | value'");
    double v = strtod(f[1], &end);
    if (end == f[1] || *end || v < -10 || v > 10)
        return BAD("a Goldstein value is a number from -10 to 10, got '%s'", f[1]);
    SR_GROW(t, gold, ngold, cap_gold);
    t->gold[t->ngold] = (sr_tax_gold){keep(a, f[0]), v};
    return t->gold[t->ngold++].cameo ? SR_OK : SR_ERR_NOMEM;
}

/* "plover SUB | TYPE | mode | context" */
static sr_status plover_line(sr_taxonomy *t, sr_arena *a, char *rest, const char *path, long lineno, sr_error *err)
{
    char *f[5];
    if (sr_split(rest, '|', f, 5) != 4 || !is_key(f[0]) || !is_key(f[1]))
        return BAD("expected 'plover SUB | PLOVER TYPE | mode | context'");
    int i = find_sub(t, f[0]);
    if (i < 0 || !t->subs[i].name)
        return BAD("unknown sub-event type '%s'", f[0]);
    sr_tax_sub *u = &t->subs[i];
    u->plover = keep(a, f[1]);
    u->plover_mode = *f[2] ? keep(a, f[2]) : NULL;
    u->plover_context = *f[3] ? keep(a, f[3]) : NULL;
    return u->plover && (u->plover_mode || !*f[2]) && (u->plover_context || !*f[3]) ? SR_OK : SR_ERR_NOMEM;
}

sr_status sr_tax_line(sr_taxonomy *t, sr_arena *a, char *line, const char *path, long lineno, sr_error *err)
{
    static const struct {
        const char *word;
        sr_status (*parse)(sr_taxonomy *, sr_arena *, char *, const char *, long, sr_error *);
    } kinds[] = {{"acled", acled_line}, {"sub", sub_line}, {"cameo", cameo_line}, {"class", class_line},
                 {"rule", rule_line}, {"disorder", disorder_line}, {"goldstein", goldstein_line},
                 {"plover", plover_line}};
    char *sp = strchr(line, ' ');
    if (!sp)
        return BAD("expected a line starting with acled, sub, cameo, class, rule, disorder, goldstein or plover");
    *sp = 0;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (!strcmp(kinds[i].word, line))
            return kinds[i].parse(t, a, sp + 1, path, lineno, err);
    return BAD("unknown kind of line '%s' (acled, sub, cameo, class, rule, disorder, goldstein or plover)", line);
}

sr_status sr_tax_check(const sr_taxonomy *t, sr_error *err)
{
    for (int i = 0; i < TYPE_COUNT; i++)
        if (!t->types[i].name)
            return sr_fail(err, SR_ERR_PARSE, "taxonomy.txt", 0, "the ACLED type %s is not defined", type_keys[i]);
    for (int i = 0; i < SUB_COUNT; i++)
        if (!t->subs[i].name)
            return sr_fail(err, SR_ERR_PARSE, "taxonomy.txt", 0, "the sub-event type %s is not defined", sub_keys[i]);
    for (int i = 1; i < EV_COUNT; i++)
        if (!t->classes[i].about)
            return sr_fail(err, SR_ERR_PARSE, "taxonomy.txt", 0, "the event class %s is not defined",
                           t->classes[i].key);
    return SR_OK;
}

const char *sr_tax_cameo_of(const sr_taxonomy *t, int sub, int cls, int *quad)
{
    for (size_t i = 0; i < t->ncameos; i++)
        if (t->cameos[i].sub == sub && t->cameos[i].cls == cls) {
            *quad = t->cameos[i].quad;
            return t->cameos[i].cameo;
        }
    *quad = t->subs[sub].quad;
    return t->subs[sub].cameo;
}

int sr_tax_sub_by_name(const sr_taxonomy *t, const char *name)
{
    for (size_t i = 0; i < t->nsubs; i++)
        if (t->subs[i].name && !strcmp(t->subs[i].name, name))
            return (int)i;
    return -1;
}

int sr_tax_goldstein(const sr_taxonomy *t, const char *cameo, double *out)
{
    /* CAMEO codes nest: 1831 is a kind of 183, itself a kind of 18 */
    char code[16];
    snprintf(code, sizeof code, "%s", cameo ? cameo : "");
    for (size_t n = strlen(code); n >= 2; n--) {
        code[n] = 0;
        for (size_t i = 0; i < t->ngold; i++)
            if (!strcmp(t->gold[i].cameo, code)) {
                *out = t->gold[i].value;
                return 1;
            }
    }
    return 0;
}
