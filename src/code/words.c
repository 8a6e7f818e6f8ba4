/* The language's words, bound to what the rules ask for: the data file
 * (data/en/words.txt) gives each role its words; here each role is either
 * a field of e->w (a word a rule compares a token with) or a WA_ attribute
 * (a set of words). A role the coder does not know is an error, with its
 * file and line: a misspelt role would be a rule silently gone. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "coder.h"

static const struct {
    const char *role;
    size_t off;
} single[] = {
    {"BY", offsetof(struct sr_fwords, by)},
    {"OF", offsetof(struct sr_fwords, of)},
    {"FROM", offsetof(struct sr_fwords, from)},
    {"IN", offsetof(struct sr_fwords, in)},
    {"AT", offsetof(struct sr_fwords, at)},
    {"NEAR", offsetof(struct sr_fwords, near)},
    {"ON", offsetof(struct sr_fwords, on)},
    {"TO", offsetof(struct sr_fwords, to)},
    {"INTO", offsetof(struct sr_fwords, into)},
    {"WITH", offsetof(struct sr_fwords, with)},
    {"AGAINST", offsetof(struct sr_fwords, against)},
    {"BETWEEN", offsetof(struct sr_fwords, between)},
    {"AND", offsetof(struct sr_fwords, and_)},
    {"OR", offsetof(struct sr_fwords, or_)},
    {"THE", offsetof(struct sr_fwords, the)},
    {"A", offsetof(struct sr_fwords, a)},
    {"AN", offsetof(struct sr_fwords, an)},
    {"LATER", offsetof(struct sr_fwords, later)},
    {"WHERE", offsetof(struct sr_fwords, where)},
    {"SPREAD", offsetof(struct sr_fwords, spread)},
    {"USED", offsetof(struct sr_fwords, used)},
    {"PLANNED", offsetof(struct sr_fwords, planned)},
    {"WAS", offsetof(struct sr_fwords, was)},
    {"WERE", offsetof(struct sr_fwords, were)},
    {"IS", offsetof(struct sr_fwords, is)},
    {"ARE", offsetof(struct sr_fwords, are)},
    {"BEEN", offsetof(struct sr_fwords, been)},
    {"BEING", offsetof(struct sr_fwords, being)},
    {"BE", offsetof(struct sr_fwords, be)},
    {"HAS", offsetof(struct sr_fwords, has)},
    {"HAVE", offsetof(struct sr_fwords, have)},
    {"HAD", offsetof(struct sr_fwords, had)},
    {"IT", offsetof(struct sr_fwords, it)},
    {"THEY", offsetof(struct sr_fwords, they)},
    {"ITS", offsetof(struct sr_fwords, its)},
    {"THEIR", offsetof(struct sr_fwords, their)},
    {"HE", offsetof(struct sr_fwords, he)},
    {"SHE", offsetof(struct sr_fwords, she)},
    {"WE", offsetof(struct sr_fwords, we)},
    {"WHICH", offsetof(struct sr_fwords, which)},
    {"WHO", offsetof(struct sr_fwords, who)},
    {"THAT", offsetof(struct sr_fwords, that)},
    {"AFTER", offsetof(struct sr_fwords, after)},
    {"BEFORE", offsetof(struct sr_fwords, before)},
    {"WHILE", offsetof(struct sr_fwords, while_)},
    {"AS", offsetof(struct sr_fwords, as)},
    {"WHEN", offsetof(struct sr_fwords, when)},
    {"SINCE", offsetof(struct sr_fwords, since)},
    {"BUT", offsetof(struct sr_fwords, but)},
    {"OUT", offsetof(struct sr_fwords, out)},
    {"FOR", offsetof(struct sr_fwords, for_)},
    {"OUTSIDE", offsetof(struct sr_fwords, outside)},
    {"INSIDE", offsetof(struct sr_fwords, inside)},
    {"AROUND", offsetof(struct sr_fwords, around)},
    {"ACROSS", offsetof(struct sr_fwords, across)},
    {"OVER", offsetof(struct sr_fwords, over)},
    {"TOWARD", offsetof(struct sr_fwords, toward)},
    {"TOWARDS", offsetof(struct sr_fwords, towards)},
    {"WITHIN", offsetof(struct sr_fwords, within)},
    {"ALONG", offsetof(struct sr_fwords, along)},
    {"AMONG", offsetof(struct sr_fwords, among)},
    {"INCLUDING", offsetof(struct sr_fwords, including)},
    {"UNDER", offsetof(struct sr_fwords, under)},
    {"OFF", offsetof(struct sr_fwords, off)},
    {"THROUGH", offsetof(struct sr_fwords, through)},
    {"AMID", offsetof(struct sr_fwords, amid)},
    {"DURING", offsetof(struct sr_fwords, during)},
    {"FOLLOWING", offsetof(struct sr_fwords, following)},
    {"THROUGHOUT", offsetof(struct sr_fwords, throughout)},
    {"NOT", offsetof(struct sr_fwords, not)},
    {"NO", offsetof(struct sr_fwords, no)},
    {"TARGETING", offsetof(struct sr_fwords, targeting)},
    {"THEM", offsetof(struct sr_fwords, them)},
    {"UP", offsetof(struct sr_fwords, up)},
    {"ONLY", offsetof(struct sr_fwords, only)},
    {"WITHOUT", offsetof(struct sr_fwords, without)},
    {"PEOPLE", offsetof(struct sr_fwords, people)},
    {"LIVES", offsetof(struct sr_fwords, lives)},
    {"DEAD", offsetof(struct sr_fwords, dead)},
    {"KILLED", offsetof(struct sr_fwords, killed)},
    {"RESPONSIBILITY", offsetof(struct sr_fwords, responsibility)},
    {"DOZEN", offsetof(struct sr_fwords, dozen)},
    {"ACCORDING", offsetof(struct sr_fwords, according)},
    {"FAMILIES", offsetof(struct sr_fwords, families)},
    {"COUNTRYSIDE", offsetof(struct sr_fwords, countryside)},
    {"LOCATED", offsetof(struct sr_fwords, located)},
    {"NEARBY", offsetof(struct sr_fwords, nearby)},
    {"CAPITAL", offsetof(struct sr_fwords, capital)},
    {"AGE_END", offsetof(struct sr_fwords, old)},
    {"ALONGSIDE", offsetof(struct sr_fwords, alongside)},
    {"LAKE", offsetof(struct sr_fwords, lake)},
    {"WHAT", offsetof(struct sr_fwords, what)},
    {"RIVER", offsetof(struct sr_fwords, river)},
};

static const struct {
    const char *role;
    uint64_t attr;
} sets[] = {
    {"SOFTBREAK", WA_SOFTBREAK}, {"PRONOUN", WA_PRONOUN},     {"LOCPREP", WA_LOCPREP},
    {"PARTICLE", WA_PARTICLE},   {"STOPNAME", WA_STOPNAME},   {"ADVERB", WA_ADVERB},
    {"DETERMINER", WA_DET},      {"AUXILIARY", WA_AUX},       {"FORCEMOD", WA_FORCEMOD},
    {"BACKING", WA_BACKING}, {"WEAPON_OWNER", WA_WEAPON_OWNER}, {"SUPERLATIVE", WA_SUPERLATIVE},
    {"COUNT_LEAD", WA_COUNT_LEAD}, {"GROUP_NOUN", WA_GROUP_NOUN}, {"TOLD", WA_TOLD}, {"BLAME", WA_BLAME},
    {"TARGETING_VERB", WA_TARGETING}, {"OPERATION", WA_OPERATION}, {"TIME_LEAD", WA_TIME_LEAD},
    {"DEMONSTRATIVE", WA_DEMONSTRATIVE}, {"PEOPLE_NOUN", WA_PEOPLE}, {"ASPECTUAL", WA_ASPECTUAL},
    {"PERSON_HEAD", WA_PERSON_HEAD}, {"TOLL", WA_TOLL}, {"VAGUE_MANY", WA_VAGUE_MANY},
    {"MONTH_WORD", WA_MONTH_WORD}, {"PARTICLE_WORD", WA_PARTICLE_WORD}, {"NEAR_NOUN", WA_NEAR_NOUN}, {"PART_NOUN", WA_PART_NOUN}, {"MINE_HIT", WA_MINE_HIT},
    {"DISTANCE", WA_DISTANCE}, {"NEAR_PREP", WA_NEAR_PREP}, {"ANY_PLACE", WA_ANY_PLACE},
    {"OUTSKIRTS", WA_OUTSKIRTS}, {"NEIGHBOR_ADJ", WA_NEIGHBOR_ADJ}, {"HEDGE", WA_HEDGE},
    {"SEAT_NOUN", WA_SEAT_NOUN}, {"REFLEXIVE", WA_REFLEXIVE}, {"REMNANT", WA_REMNANT}, {"SITE_NOUN", WA_SITE_NOUN},
    {"BACKREF", WA_BACKREF}, {"SEQUENCE", WA_SEQUENCE}, {"ONGOING", WA_ONGOING}, {"PLACE_VERB", WA_PLACE_VERB},
    {"RECIPROCAL", WA_RECIPROCAL}, {"GRIEVANCE", WA_GRIEVANCE}, {"MINERAL", WA_MINERAL}, {"BUILDING", WA_BUILDING}, {"ADDITIVE", WA_ADDITIVE}, {"BREAK_VERB", WA_BREAK_VERB}, {"KIN_ONE", WA_KIN_ONE}, {"DISTINCT", WA_DISTINCT}, {"MORE", WA_MORE}, {"LEAVE", WA_LEAVE}, {"COMMUNITY", WA_COMMUNITY}, {"SPEAKER", WA_SPEAKER}, {"REFERENT", WA_REFERENT}, {"CULPRIT", WA_CULPRIT}, {"HELD_BY", WA_HELD_BY}, {"WHOLE", WA_WHOLE}, {"REFUGE", WA_REFUGE}, {"AFFILIATE", WA_AFFILIATE}, {"TO_PREP", WA_TO_PREP}, {"RELEASE", WA_RELEASE},
};

static const char *const affix_roles[AF_COUNT] = {"ADVERB_SHAPE", "GERUND_SHAPE", "CLAIM_SHAPE", "CONTINUE_SHAPE",
                                                  "VILLAGE_NOUN", "QUARTER_NOUN", "CITY_NOUN", "ADMIN1_NOUN",
                                                  "ADMIN2_NOUN", "HABIT_VERB", "GOAL_VERB", "PAST_VERB", "KIND_OF_NOUN",
                                                  "CAUSE_NOUN", "SPARK_VERB", "FORMER_WORD", "PRESENT_SUPPORT", "SUPPORT_NOUN"};

_Static_assert(AF_COUNT + 1 <= sizeof ((sr_engine *)0)->affix_at / sizeof(size_t), "affix_at holds every role");

/* Asked of many tokens a sentence: only the role's own rules are read,
 * and a word or prefix rule is passed over on its first letter. */
int sr_affix(const sr_engine *e, int role, const char *norm)
{
    size_t n = (size_t)-1;
    for (size_t i = e->affix_at[role]; i < e->affix_at[role + 1]; i++) {
        const struct sr_affix_rule *a = &e->affix[i];
        if (a->kind == 2) {
            if (n == (size_t)-1)
                n = strlen(norm);
            if (n >= a->len && !memcmp(norm + n - a->len, a->text, a->len))
                return 1;
        } else if ((!a->len || a->text[0] == norm[0]) &&
                   (a->kind == 0 ? !strcmp(norm, a->text) : !strncmp(norm, a->text, a->len))) {
            return 1;
        }
    }
    return 0;
}

/* "word*": a prefix; "*ing": a suffix; else the word itself. Kept in
 * order of role (affix_at says where each role's rules are). */
static int add_affix(sr_engine *e, int role, const char *w)
{
    struct sr_affix_rule *na = realloc(e->affix, (e->naffix + 1) * sizeof *na);
    if (!na)
        return -1;
    e->affix = na;
    size_t n = strlen(w);
    size_t at = e->affix_at[role + 1];
    memmove(&e->affix[at + 1], &e->affix[at], (e->naffix - at) * sizeof *e->affix);
    e->naffix++;
    for (int r = role + 1; r <= AF_COUNT; r++)
        e->affix_at[r]++;
    struct sr_affix_rule *a = &e->affix[at];
    a->role = role;
    a->kind = w[0] == '*' ? 2 : (n && w[n - 1] == '*') ? 1 : 0;
    a->text = a->kind == 2 ? w + 1 : w;
    a->len = a->kind ? n - 1 : n;
    return 0;
}

int sr_mark_word(sr_engine *e, const char *word, uint64_t attr)
{
    uint32_t id = sr_vocab_add(&e->d.vocab, word, strlen(word));
    if (!id)
        return -1;
    if (id >= e->nwattr) {
        size_t nc = e->nwattr ? e->nwattr : 256;
        while (nc <= id)
            nc *= 2;
        uint64_t *na = realloc(e->wattr, nc * sizeof *na);
        if (!na)
            return -1;
        memset(na + e->nwattr, 0, (nc - e->nwattr) * sizeof *na);
        e->wattr = na;
        e->nwattr = nc;
    }
    e->wattr[id] |= attr;
    return 0;
}

sr_status sr_bind_words(sr_engine *e, sr_error *err)
{
    const sr_dicts *d = &e->d;
    for (size_t i = 0; i < d->nroles; i++) {
        const struct sr_role_word *r = &d->roles[i];
        size_t k;
        for (k = 0; k < sizeof single / sizeof *single; k++)
            if (!strcmp(single[k].role, r->role))
                break;
        if (k < sizeof single / sizeof *single) {
            uint32_t id = sr_vocab_add(&e->d.vocab, r->word, strlen(r->word));
            if (!id)
                return sr_fail(err, SR_ERR_NOMEM, r->file, r->line, "out of memory");
            memcpy((char *)&e->w + single[k].off, &id, sizeof id);
            continue;
        }
        for (k = 0; k < AF_COUNT; k++)
            if (!strcmp(affix_roles[k], r->role))
                break;
        if (k < AF_COUNT) {
            if (add_affix(e, (int)k, r->word))
                return sr_fail(err, SR_ERR_NOMEM, r->file, r->line, "out of memory");
            continue;
        }
        for (k = 0; k < sizeof sets / sizeof *sets; k++)
            if (!strcmp(sets[k].role, r->role))
                break;
        if (k == sizeof sets / sizeof *sets)
            return sr_fail(err, SR_ERR_PARSE, r->file, r->line, "unknown role '%s'", r->role);
        if (sr_mark_word(e, r->word, sets[k].attr))
            return sr_fail(err, SR_ERR_NOMEM, r->file, r->line, "out of memory");
    }
    for (size_t k = 0; k < sizeof single / sizeof *single; k++) {
        uint32_t id;
        memcpy(&id, (const char *)&e->w + single[k].off, sizeof id);
        if (!id)
            return sr_fail(err, SR_ERR_PARSE, "en/words.txt", 0, "no word for the role %s", single[k].role);
    }
    return SR_OK;
}
