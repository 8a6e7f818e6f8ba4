/* Actor mentions: named actors, generic agents made specific by a country
 * ("Iraqi soldiers") or by an actor ("militiamen of the Islamic State"),
 * pronouns; then which entity each one is. */
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"
#include "../lang/numbers.h"
#include "../util/str.h"
#include "../util/template.h"

/* Words allowed between a country and an agent: "Iraq's central
 * government forces", "Syrian elite troops". */
/* Mention counts are ints; sr_read_number bounds values well above that. */
static int count_int(long v)
{
    return v > INT_MAX ? INT_MAX : (int)v;
}

static int is_force_modifier(const sr_engine *e, const sr_token *t)
{
    return word_has(e, t->id, WA_FORCEMOD);
}


static sr_mention *new_mention(sr_coder *c, sr_sent *s, size_t *cap)
{
    if (s->nmen == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        sr_mention *nm = sr_arena_realloc(&c->arena, s->men, *cap * sizeof *nm, nc * sizeof *nm);
        if (!nm)
            return NULL;
        s->men = nm;
        *cap = nc;
    }
    sr_mention *m = &s->men[s->nmen++];
    memset(m, 0, sizeof *m);
    m->ent = -1;
    m->country = -1;
    m->def = -1;
    m->agent = -1;
    m->count = -1;
    return m;
}

static const sr_match *match_at(const sr_sent *s, size_t i)
{
    if (i >= s->ntok || s->owner[i] < 0)
        return NULL;
    const sr_match *m = &s->m[s->owner[i]];
    return m->start == i ? m : NULL;
}

static int is_prep(const sr_engine *e, uint32_t id)
{
    return id && (id == e->w.of || id == e->w.by || id == e->w.from || id == e->w.in || id == e->w.at ||
                  id == e->w.near || id == e->w.on || id == e->w.to || id == e->w.into || id == e->w.with ||
                  id == e->w.against || id == e->w.between || id == e->w.for_ || id == e->w.toward ||
                  id == e->w.towards || id == e->w.among || id == e->w.under || id == e->w.over ||
                  id == e->w.through || id == e->w.amid || id == e->w.inside || id == e->w.outside ||
                  id == e->w.around || id == e->w.across || id == e->w.along || id == e->w.within ||
                  id == e->w.including || id == e->w.during || id == e->w.following);
}

/* The preposition governing the noun phrase that starts at i (skipping a
 * determiner, numbers and adjectives). */
static uint32_t prep_before(const sr_engine *e, const sr_sent *s, size_t i)
{
    size_t j = i;
    for (int hops = 0; j > 0 && hops < 4; hops++) {
        const sr_token *t = &s->tok[j - 1];
        /* "at least 17 civilians", "up to 30 fighters": a quantity, no
         * preposition */
        if (j >= 2 && word_has(e, t->id, WA_SUPERLATIVE) && s->tok[j - 2].id == e->w.at) {
            j -= 2;
            continue;
        }
        if (j >= 2 && t->id == e->w.to && tok_is(s, j - 2, e->w.up) && j < s->ntok && (s->tok[j].flags & TK_NUM)) {
            j -= 2;
            continue;
        }
        /* "killed around 300 civilians", "over 40 soldiers": a count */
        sr_number q;
        if ((t->id == e->w.around || t->id == e->w.over) && j < s->ntok &&
            sr_read_quantity(s->tok, s->ntok, j, &q)) {
            j--;
            continue;
        }
        /* "hundreds of thousands of protesters": "of" after a quantity
         * is the quantity's, the people its head */
        if (t->id == e->w.of && j >= 2) {
            size_t b = j - 1, u = 0;
            while (b > 0 && j - b < 5 && !u) {
                b--;
                u = sr_read_quantity(s->tok, s->ntok, b, &q);
                if (u && b + u != j - 1)
                    u = 0;
            }
            if (u && !q.is_year) {
                j = b;
                continue;
            }
        }
        /* "targeted a vehicle belonging to the SDF": the owner's, as "a
         * vehicle of the SDF" */
        if (j >= 2 && has_cue(s, j - 2, CUE_OWNER) && cue_end_at(s, j - 2, CUE_OWNER) == j)
            return e->w.of;
        if (is_prep(e, t->id))
            return t->id;
        /* "clashed with the US-backed Syrian Democratic Forces": past the
         * backer and its word, which describe the name */
        if ((t->flags & TK_HYPH) && word_has(e, t->id, WA_BACKING) && j >= 2) {
            j--;
            j = s->owner[j - 1] >= 0 && s->m[s->owner[j - 1]].start < j ? s->m[s->owner[j - 1]].start : j - 1;
            continue;
        }
        /* "in eastern Democratic Republic of the Congo": a direction
         * names part of the place */
        if (t->id == e->w.the || t->id == e->w.a || t->id == e->w.an || (t->flags & TK_NUM) ||
            word_has(e, t->id, WA_COUNT_LEAD) || has_cue(s, j - 1, CUE_DIRADJ)) {
            j--;
            continue;
        }
        /* (and a count in words that ends right before it: "strikes
         * against more than a dozen Houthi targets") */
        /* (read only where the word before is one of a count's: "dozen",
         * "six") */
        size_t from = 0;
        int count_word = (t->flags & TK_ALPHA) && j >= 3 &&
                         (t->id == e->w.dozen || sr_read_number(s->tok, s->ntok, j - 1, &q) == 1);
        for (size_t b = j - 2; count_word && b + 5 >= j; b--) {
            if (sr_read_quantity(s->tok, s->ntok, b, &q) == j - b && !q.is_year)
                from = b;
            if (b == 0)
                break;
        }
        if (!from || j - from < 3)
            break;
        j = from;
    }
    /* "clashed with communist New People's Army rebels": one word in
     * lower case between a preposition and a name */
    /* (and after "the": "from the paramilitary Rapid Support Forces") */
    if (j >= 2 && j == i && i < s->ntok && (s->tok[i].flags & TK_CAP) && s->owner[i] >= 0 &&
        s->m[s->owner[i]].kind == PH_ACTOR && (s->tok[j - 1].flags & TK_ALPHA) &&
        !(s->tok[j - 1].flags & TK_CAP) && s->owner[j - 1] < 0) {
        if (is_prep(e, s->tok[j - 2].id))
            return s->tok[j - 2].id;
        if (j >= 3 && s->tok[j - 2].id == e->w.the && is_prep(e, s->tok[j - 3].id))
            return s->tok[j - 3].id;
    }
    return 0;
}

/* Inside ( ) or between dashes / commas of an apposition: "the SDF - a
 * militia made up of Arab and Kurdish fighters - broke into". */
static int in_parens(const sr_sent *s, size_t a, size_t b)
{
    /* asked for every mention: only marks are looked at */
    int depth = 0, dashes = 0;
    for (size_t i = 0; i < a; i++) {
        const sr_token *t = &s->tok[i];
        if (!(t->flags & TK_PUNCT))
            continue;
        if (sr_tok_eq(t, "("))
            depth++;
        else if (sr_tok_eq(t, ")") && depth)
            depth--;
        else if (sr_tok_eq(t, "-") && (t->flags & TK_SPACE_BEFORE))
            dashes++;
    }
    if (depth)
        return 1;
    if (dashes % 2 == 1) {
        for (size_t i = b; i < s->ntok; i++)
            if ((s->tok[i].flags & TK_PUNCT) && sr_tok_eq(&s->tok[i], "-") && (s->tok[i].flags & TK_SPACE_BEFORE))
                return 1;
    }
    return 0;
}

/* Whether in_parens can be true anywhere in the sentence. */
static int has_paren_marks(const sr_sent *s)
{
    for (size_t i = 0; i < s->ntok; i++) {
        const sr_token *t = &s->tok[i];
        if ((t->flags & TK_PUNCT) && (sr_tok_eq(t, "(") || (sr_tok_eq(t, "-") && (t->flags & TK_SPACE_BEFORE))))
            return 1;
    }
    return 0;
}

/* Is token i inside a place noun of several words ("local government
 * area") that starts before it? */
static int in_place_noun(const sr_sent *s, size_t i)
{
    for (size_t j = i > 3 ? i - 3 : 0; j < i; j++)
        if (has_cue(s, j, CUE_PN_REGION) && cue_end(s, j, CUE_PN_REGION) > i)
            return 1;
    return 0;
}

/* "stormed the Government Girls Comprehensive Secondary School": a
 * capitalised agent word that begins a run of capitalised words naming a
 * site (a civilian target or feature noun among them) is part of that
 * site's name, no actor. The match m is at i. */
static int in_site_name(const sr_sent *s, const sr_match *m, size_t i)
{
    if (i == 0 || !(s->tok[m->end - 1].flags & TK_CAP) || m->end >= s->ntok)
        return 0;
    for (size_t j = m->end; j < s->ntok && j < (size_t)m->end + 6; j++) {
        if (!(s->tok[j].flags & TK_CAP) || !(s->tok[j].flags & TK_ALPHA) ||
            (s->owner[j] >= 0 && s->m[s->owner[j]].kind != PH_CUE && s->m[s->owner[j]].kind != PH_AGENT))
            return 0;
        if (has_cue(s, j, CUE_CIVTARGET) || has_cue(s, j, CUE_PN_FEATURE))
            return 1;
    }
    return 0;
}

/* Whether the words before start are an AFFIL cue ("loyal to", "linked
 * to") and at most two words (an article, "former"), after an agent. */
static int affiliated_to(const sr_sent *s, size_t start)
{
    if (!(s->cues & (1ULL << CUE_AFFIL)))
        return 0;
    for (size_t b = start; b > 0 && start - b < 3; b--) {
        for (size_t a = b; a > 0 && b - a < 5; a--)
            if (has_cue(s, a - 1, CUE_AFFIL) && cue_end(s, a - 1, CUE_AFFIL) == b)
                return a >= 2 && s->owner[a - 2] >= 0 && s->m[s->owner[a - 2]].kind == PH_AGENT;
        if (s->owner[b - 1] >= 0 || !(s->tok[b - 1].flags & TK_ALPHA) || (s->tok[b - 1].flags & TK_CAP))
            return 0;
    }
    return 0;
}

/* Builds the actor mentions of a sentence from its content matches. */
/* "Palestinians", "Afghans", "Iraqis": a demonym in the plural names
 * people ("Swiss", "Lebanese" have no plural form to tell). */
int plural_people(const sr_token *t)
{
    const char *w = t->norm;
    size_t l = t->nlen;
    return l > 3 && w[l - 1] == 's' && w[l - 2] != 's';
}

/* "A Palestinian was shot dead", "shot dead a 17-year-old Palestinian in
 * Nablus": after "a" (and an age), a demonym that no noun follows (the
 * end, a mark, a verb, a preposition) is one of the people. */
int one_of_a_people(const sr_engine *e, const sr_sent *s, size_t i, size_t j)
{
    size_t a = i;
    if (a >= 4 && age_at(e, s, a - 3))
        a -= 3;
    if (a == 0 || !(tok_is(s, a - 1, e->w.a) || tok_is(s, a - 1, e->w.an)))
        return 0;
    return j >= s->ntok || !(s->tok[j].flags & TK_ALPHA) || is_be(e, s->tok[j].id) || is_aux_word(e, &s->tok[j]) ||
           word_has(e, s->tok[j].id, WA_LOCPREP) || word_has(e, s->tok[j].id, WA_SOFTBREAK) ||
           tok_is(s, j, e->w.during) || tok_is(s, j, e->w.and_) || tok_is(s, j, e->w.with) || tok_is(s, j, e->w.by);
}

/* A country alone (match m at i, ending at end): an actor only as a
 * subject ("Russia bombed"), not as a place ("in Syria") nor as an
 * adjective ("Syrian city"). Returns 0 when it is no actor. */
/* "between" before token i comes within four words after an event word */
static int fight_between(const sr_engine *e, const sr_sent *s, size_t i)
{
    size_t b = i;
    while (b > 0 && i - b < 4 && s->tok[b - 1].id != e->w.between)
        b--;
    if (b == 0 || s->tok[b - 1].id != e->w.between)
        return 0;
    for (size_t j = b - 1; j > 0 && b - 1 - j < 4; j--)
        if (s->owner[j - 1] >= 0 && s->m[s->owner[j - 1]].kind == PH_TRIGGER)
            return 1;
    return 0;
}

/* Capitalised words no list knows on both sides of i..end: "the Future
 * Syria Party", not "The Syrian army" (a word that starts no name) nor
 * "U.S. Central Command" (known words). */
static int inside_other_name(const sr_engine *e, const sr_sent *s, size_t i, size_t end)
{
    if (i < 1 || end >= s->ntok)
        return 0;
    const sr_token *a = &s->tok[i - 1], *b = &s->tok[end];
    return (a->flags & TK_CAP) && (a->flags & TK_ALPHA) && !(a->flags & TK_ALLCAP) && s->owner[i - 1] < 0 &&
           !word_has(e, a->id, WA_STOPNAME) && (b->flags & TK_CAP) && (b->flags & TK_ALPHA) && s->owner[end] < 0 &&
           !(b->flags & TK_POSS);
}

/* "clashing with Mozambican and Rwandan troops": two nations' adjectives
 * joined by "and" before one force, the first named leads (ACLED names the
 * host's forces, the other's fight beside them). Returns where the phrase
 * starts; country set to the first's. */
static size_t first_nation_of_pair(const sr_engine *e, const sr_sent *s, size_t start, int16_t *country)
{
    if (start < 2 || !tok_is(s, start - 1, e->w.and_) || s->owner[start - 2] < 0)
        return start;
    const sr_match *a = &s->m[s->owner[start - 2]];
    if (a->kind != PH_COUNTRY || !(a->flags & PF_ADJ) || a->end != start - 1)
        return start;
    *country = (int16_t)a->value;
    return a->start;
}

static int country_as_actor(const sr_engine *e, const sr_sent *s, const sr_match *m, size_t i, size_t end,
                            uint32_t *flags)
{
    size_t n = s->ntok;
    if (m->flags & PF_ADJ) {
        /* "Russian air strikes": kept as a premodifier of an event
         * noun; other adjectives describe, they do not act (nor one past
         * "and": "waving Russian flags and chanting slogans") */
        const sr_match *nx = match_at(s, end);
        size_t j = end;
        while (!nx && j < n && j < end + 2 && s->owner[j] < 0 && (s->tok[j].flags & TK_ALPHA) &&
               !(s->tok[j].flags & TK_CAP) && s->tok[j].id != e->w.and_ && s->tok[j].id != e->w.or_) {
            j++;
            nx = match_at(s, j);
        }
        if (!nx || nx->kind != PH_TRIGGER)
            return 0;
        *flags = ACT_STATE | ACT_ARMED;
    } else {
        /* "Soleimani was killed in a U.S. drone strike": a country's name
         * between a determiner and an event noun is its doer's, whatever
         * preposition is before */
        const sr_match *tn = match_at(s, end);
        if (tn && tn->kind == PH_TRIGGER && i > 0 && word_has(e, s->tok[i - 1].id, WA_DET)) {
            *flags = ACT_STATE | ACT_ARMED;
            return 1;
        }
        /* "in Iraq and Syria": a list of places */
        if (i >= 2 && (s->tok[i - 1].id == e->w.and_ || s->tok[i - 1].id == e->w.or_ ||
                       sr_tok_eq(&s->tok[i - 1], ",")) &&
            s->owner[i - 2] >= 0 &&
            (s->m[s->owner[i - 2]].kind == PH_COUNTRY || s->m[s->owner[i - 2]].kind == PH_PLACE))
            return 0;
        /* "protested in Windhoek, Namibia": the country after a place
         * named after a preposition holds it; it does not act */
        if (i >= 3 && sr_tok_eq(&s->tok[i - 1], ",") && (s->tok[i - 2].flags & TK_CAP)) {
            size_t j = i - 2;
            while (j > 1 && i - j < 5 && (s->tok[j - 1].flags & TK_CAP))
                j--;
            uint32_t p = j > 0 ? s->tok[j - 1].id : 0;
            if (j > 0 && (p == e->w.in || p == e->w.at || p == e->w.near || p == e->w.outside || p == e->w.from ||
                          p == e->w.into || p == e->w.across || p == e->w.inside))
                return 0;
        }
        /* "Yemen's oil-rich province of Marib" */
        if (end < n && (s->tok[end].flags & TK_POSS)) {
            int placey = 0;
            for (size_t j = end + 1; j < n && j < end + 4; j++)
                if (has_cue(s, j, CUE_PN_TOWN) || has_cue(s, j, CUE_PN_REGION) || has_cue(s, j, CUE_PN_FEATURE) ||
                    has_cue(s, j, CUE_DIRADJ) || (s->owner[j] >= 0 && s->m[s->owner[j]].kind == PH_PLACE))
                    placey = 1;
            /* "stormed Nepal's parliament complex": a building of the
             * country's, no one of its forces */
            if (end + 1 < n && has_cue(s, end + 1, CUE_CIVTARGET))
                placey = 1;
            /* "Sudan's paramilitary Rapid Support Forces": the country's
             * own named group acts, not the country */
            for (size_t j = end + 1; j < n && j < end + 3 && !placey; j++)
                if (s->owner[j] >= 0 && s->m[s->owner[j]].kind == PH_ACTOR)
                    placey = 1;
            /* "stormed Haiti's National Penitentiary": a name no list
             * knows, right after the country's, is a thing of it */
            if (end + 1 < n && (s->tok[end + 1].flags & TK_CAP) && (s->tok[end + 1].flags & TK_WORD) &&
                s->owner[end + 1] < 0 && !s->titlecase)
                placey = 1;
            if (placey)
                return 0;
        }
        /* "in the north-central Mexico state of Guanajuato": a country's
         * name before a place noun says which place */
        if (end < n && (has_cue(s, end, CUE_PN_REGION) || has_cue(s, end, CUE_PN_TOWN)))
            return 0;
        /* "Nigeria: Bandits kill 20 in Zamfara": a headline's tag says
         * where, not who */
        if (end < n && sr_tok_eq(&s->tok[end], ":") && (i == 0 || (int)i <= s->dateline_end))
            return 0;
        /* "a military base in Puerto Jordan": the end of a town's name */
        if (i > 0 && (s->tok[i - 1].flags & TK_CAP) && (s->tok[i - 1].flags & TK_WORD) && s->owner[i - 1] < 0 &&
            !word_has(e, s->tok[i - 1].id, WA_STOPNAME) && i >= 2 && word_has(e, s->tok[i - 2].id, WA_LOCPREP))
            return 0;
        uint32_t p = prep_before(e, s, i);
        /* "near the border with Somalia": a place's other side */
        if (p == e->w.with && i >= 2 && has_cue(s, i - 2, CUE_PN_FEATURE))
            return 0;
        /* "Fierce fighting broke out between Azerbaijan and ethnic
         * Armenian forces": after an event word, the sides of it (not
         * "the border between Syria and Turkey") */
        if (p == e->w.between && fight_between(e, s, i))
            p = 0;
        if (p == e->w.in || p == e->w.into || p == e->w.across || p == e->w.to || p == e->w.toward ||
            p == e->w.towards || p == e->w.inside || p == e->w.within || p == e->w.throughout ||
            p == e->w.from || p == e->w.outside || p == e->w.near || p == e->w.of || p == e->w.at ||
            p == e->w.over || p == e->w.along || p == e->w.between || p == e->w.on || p == e->w.against)
            return 0;
        /* "Syria, Isis at Deir Ezzor ..." headline tag; "Syria has
         * been gripped by civil war" is the country, not its army. */
        *flags = ACT_STATE | ACT_ARMED;
    }
    return 1;
}

/* "nine militants", "30 of their elements", "Twelve fighters of" */
static void mention_count(const sr_engine *e, const sr_sent *s, sr_mention *mm)
{
    size_t n = s->ntok;
    size_t q = mm->s;
    /* "three suspected militants": the count is before the hedge */
    if (q >= 2 && word_has(e, s->tok[q - 1].id, WA_HEDGE))
        q--;
    sr_number num0;
    if (q >= 2 && s->tok[q - 1].id == e->w.of && (s->tok[q - 2].flags & TK_NUM)) {
        if (sr_read_number(s->tok, n, q - 2, &num0))
            mm->count = count_int(num0.value);
    } else if (q >= 3 && (s->tok[q - 1].id == e->w.their || s->tok[q - 1].id == e->w.its ||
                          s->tok[q - 1].id == e->w.the) &&
               s->tok[q - 2].id == e->w.of) {
        sr_number num;
        for (size_t back = 1; back <= 3 && q - 2 >= back; back++) {
            size_t used = sr_read_number(s->tok, n, q - 2 - back, &num);
            if (used == back && !num.vague && !num.is_year) {
                mm->count = count_int(num.value);
                break;
            }
        }
    } else if (q >= 1) {
        sr_number num;
        for (size_t back = 1; back <= 3 && q >= back; back++) {
            size_t used = sr_read_number(s->tok, n, q - back, &num);
            if (used == back && !num.vague && !num.is_year) {
                mm->count = count_int(num.value);
                break;
            }
        }
    }
}

/* What follows the mention (ending at end) says of it: "US-backed",
 * "ISIS-held", "Houthi-fired", "Syria's". */
static void mention_marks(const sr_engine *e, const sr_sent *s, const sr_match *m, sr_mention *mm, size_t end)
{
    size_t n = s->ntok;
    /* Hyphenated descriptors right after it. */
    if (end < n && (s->tok[end].flags & TK_HYPH)) {
        /* "US-backed", "Iran-aligned": the actor named only describes
         * another; "Houthi-fired": whose weapon */
        uint32_t wid = s->tok[end].id;
        if (has_cue(s, end, CUE_CTRL))
            mm->ctrl = 1;
        else if (word_has(e, wid, WA_BACKING))
            mm->modifier = 1;
        else if (word_has(e, wid, WA_WEAPON_OWNER))
            mm->weapon_owner = 1;
    }
    if (end < n && (s->tok[end].flags & TK_POSS))
        mm->poss = 1;
    /* "JNIM, an al Qaeda affiliate, claimed the attack", "ISWAP, the
     * Islamic State's West African branch": the group named is whose kin
     * the actor is (cues.txt OFFSHOOT) */
    size_t kin = end + (mm->poss ? 1 : 0);
    if (m->kind == PH_ACTOR && kin < n && (s->cues & (1ULL << CUE_OFFSHOOT)) && has_cue(s, kin, CUE_OFFSHOOT))
        mm->modifier = 1;
    /* "struck what the military called militant hideouts": whose words
     * name the target (cues.txt LABEL) */
    for (size_t q = mm->s > 2 ? mm->s - 2 : 0; q <= mm->s && (s->cues & (1ULL << CUE_LABEL)); q++)
        if (has_cue(s, q, CUE_LABEL) && cue_end(s, q, CUE_LABEL) >= end)
            mm->modifier = 1;
    /* (and "struck what the army said were Hezbollah weapons depots":
     * whoever tells inside the object, after "what") */
    if (end < n && has_cue(s, end, CUE_REPORT) &&
        ((mm->s >= 1 && tok_is(s, mm->s - 1, e->w.what)) || (mm->s >= 2 && tok_is(s, mm->s - 2, e->w.what))))
        mm->modifier = 1;
    /* "the spokesperson for the Zamfara State Police Command": the force a
     * speaker speaks for tells, it does not act */
    size_t b = mm->s;
    while (b > 0 && mm->s - b < 4 && (s->tok[b - 1].flags & TK_CAP))
        b--; /* "Zamfara State Police Command" */
    if (b > 0 && tok_is(s, b - 1, e->w.the))
        b--;
    if (b >= 2 && (tok_is(s, b - 1, e->w.for_) || tok_is(s, b - 1, e->w.of)) && word_has(e, s->tok[b - 2].id, WA_SPEAKER))
        mm->modifier = 1;
    /* "X and Y-backed" style lists: "the American-backed and Kurdish-led
     * Syrian Democratic Forces" */
    /* (the adjective alone, or with a word an event noun after "and"
     * shares: "Russian drone and missile attacks"; not "The Turkish
     * occupation army and its mercenaries shelled", a force) */
    const sr_match *after_and = end + 1 < n ? match_at(s, end + 1) : NULL;
    if (!mm->modifier && m->kind == PH_COUNTRY && end < n && s->tok[end].id == e->w.and_ &&
        (mm->agent < 0 || (after_and && after_and->kind == PH_TRIGGER)))
        mm->modifier = (m->flags & PF_ADJ) ? 1 : 0;
}

/* The group named at *j after "of" or an affiliation's words (the token
 * after them), *j moved to it: past "the", and past words that describe
 * it ("members of the proscribed Indigenous People of Biafra", after an
 * affiliation; "a senior commander of the Iran-backed Kataib Hezbollah
 * militia": whose backing). */
static const sr_match *group_after_of(const sr_engine *e, const sr_sent *s, size_t *j, size_t affil)
{
    size_t n = s->ntok;
    const sr_match *nx = match_at(s, *j);
    if (!nx && *j < n && s->tok[*j].id == e->w.the)
        nx = match_at(s, ++*j);
    if (!nx && affil && *j + 1 < n && (s->tok[*j].flags & TK_ALPHA) && !(s->tok[*j].flags & TK_CAP) && s->owner[*j] < 0)
        nx = match_at(s, ++*j);
    if (nx && (nx->kind == PH_COUNTRY || nx->kind == PH_ACTOR) && (size_t)nx->end + 1 < n && (s->tok[nx->end].flags & TK_HYPH) &&
        word_has(e, s->tok[nx->end].id, WA_BACKING) && match_at(s, nx->end + 1)) {
        *j = nx->end + 1;
        nx = match_at(s, *j);
    }
    /* "gunmen affiliated with the Syrian government's National Defence
     * Forces": the named group whose owner is told before it */
    for (size_t k = *j; nx && k < n && k < *j + 4 && s->owner[k] >= 0; k++)
        if ((s->tok[k].flags & TK_POSS) || (k + 1 < n && (s->tok[k + 1].flags & TK_POSS) && s->owner[k + 1] < 0)) {
            size_t a = (s->tok[k].flags & TK_POSS) ? k + 1 : k + 2;
            const sr_match *own = a < n ? match_at(s, a) : NULL;
            if (own && own->kind == PH_ACTOR) {
                *j = a;
                nx = own;
            }
            break;
        }
    return nx;
}

/* Whether the armed men of the mention at start no longer serve: "a
 * former army officer", "a former commander of the opposition factions",
 * "a former member of the Islamic State" (words.txt FORMER_WORD; not a
 * group named so: "former FARC rebels" still fight) */
static int former_member(const sr_engine *e, const sr_sent *s, const sr_match *m, size_t start)
{
    if (start >= 1 && m->kind != PH_ACTOR && s->owner[start - 1] < 0 && sr_affix(e, AF_FORMER, s->tok[start - 1].norm))
        return 1;
    size_t k = start;
    if (k >= 1 && tok_is(s, k - 1, e->w.the))
        k--;
    return k >= 3 && tok_is(s, k - 1, e->w.of) && s->owner[k - 2] < 0 && !(s->tok[k - 2].flags & TK_NUM) &&
           s->owner[k - 3] < 0 && sr_affix(e, AF_FORMER, s->tok[k - 3].norm);
}

/* "Unknown gunmen shot dead a former rebel commander": armed men who no
 * longer serve are no side of a fight but people */
static void former_as_people(const sr_engine *e, const sr_sent *s, const sr_match *m, size_t start, int16_t *agent,
                             int16_t *def, uint32_t *flags)
{
    const sr_dicts *d = &e->d;
    if ((*flags & ACT_ARMED) && (*agent >= 0 || *def >= 0) && d->civilian_agent >= 0 && former_member(e, s, m, start)) {
        *agent = (int16_t)d->civilian_agent;
        *flags = d->agents[*agent].flags;
        *def = -1;
    }
}

static void build_mentions(sr_coder *c, sr_sent *s)
{
    const sr_engine *e = c->eng;
    const sr_dicts *d = &e->d;
    size_t cap = 0;
    int marks = -1;
    size_t n = s->ntok;
    for (size_t i = 0; i < n; i++) {
        const sr_match *m = match_at(s, i);
        const sr_token *t = &s->tok[i];
        /* Pronouns that can stand for an actor. */
        if (!m && word_has(e, t->id, WA_PRONOUN)) {
            if (t->id == e->w.it && i + 1 < n && tok_is(s, i + 1, e->w.is))
                continue; /* "it is worth mentioning" */
            /* "a gun battle with their abductors": a possessive before a
             * word for people is that word's, no one of its own */
            const sr_match *nx = (t->id == e->w.its || t->id == e->w.their) ? match_at(s, i + 1) : NULL;
            if (nx && (nx->kind == PH_AGENT || nx->kind == PH_ACTOR))
                continue;
            sr_mention *pm = new_mention(c, s, &cap);
            if (!pm)
                return;
            pm->s = (uint16_t)i;
            pm->e = (uint16_t)(i + 1);
            pm->pronoun = 1;
            pm->poss = (t->id == e->w.its || t->id == e->w.their);
            pm->prep = prep_before(e, s, i);
            continue;
        }
        if (!m || (m->kind != PH_ACTOR && m->kind != PH_AGENT && m->kind != PH_COUNTRY))
            continue;
        /* "PORT-AU-PRINCE (AP) -": a dateline names where the reporter
         * is, no one who acts */
        if ((int)i < s->dateline_end)
            continue;
        /* "anti-aircraft", "pro-government": the second half of a compound */
        if (m->kind == PH_AGENT && (t->flags & TK_HYPH) && i > 0 && s->owner[i - 1] < 0)
            continue;
        /* "Zurmi Local Government Area": a word of a place noun */
        if (m->kind == PH_AGENT && (in_place_noun(s, i) || in_site_name(s, m, i)))
            continue;
        /* "Santiago de Cuba": a country's name ending a town's names no one */
        if (m->kind == PH_COUNTRY && country_ends_name(s, i))
            continue;
        /* "Khalaf, secretary-general of the Future Syria Party": a
         * country's name inside the capitalised name of something else */
        if (m->kind == PH_COUNTRY && inside_other_name(e, s, i, m->end))
            continue;
        size_t start = i, end = m->end;
        int16_t def = -1, agent = -1, country = -1;
        uint32_t flags = 0;
        if (m->kind == PH_ACTOR) {
            def = (int16_t)m->value;
            flags = d->actors[m->value].flags;
        } else if (m->kind == PH_AGENT) {
            agent = (int16_t)m->value;
            flags = d->agents[m->value].flags;
        } else {
            country = (int16_t)m->value;
        }
        /* COUNTRY ['s] [modifiers] AGENT: "Iraqi soldiers", "Syria's army" */
        if (m->kind == PH_COUNTRY) {
            size_t j = end;
            if (j < n && (s->tok[j].flags & TK_POSS))
                j++;
            size_t mods = 0;
            while (j < n && mods < 3 && s->owner[j] < 0 && is_force_modifier(e, &s->tok[j])) {
                j++;
                mods++;
                /* "Iraqi counter-terrorism forces": a word joined by a
                 * hyphen to the modifier is part of it */
                while (j < n && (s->tok[j].flags & TK_HYPH) && s->owner[j] < 0)
                    j++;
            }
            const sr_match *nx = match_at(s, j);
            if (nx && nx->kind == PH_AGENT) {
                agent = (int16_t)nx->value;
                flags = d->agents[nx->value].flags;
                end = nx->end;
            } else if (nx && nx->kind == PH_ACTOR &&
                       (((d->actors[nx->value].flags & ACT_STATE) && j == end) ||
                        (j == end + 1 && (s->tok[end].flags & TK_POSS)))) {
                /* "Iraqi Counter-Terrorism Service", "Sudan's Rapid Support
                 * Forces": the named unit wins. */
                i = j - 1;
                continue;
            } else if ((m->flags & PF_ADJ) && d->civilian_agent >= 0 &&
                       (plural_people(&s->tok[end - 1]) || one_of_a_people(e, s, i, j))) {
                /* "Seven Palestinians were killed", "A Palestinian was shot
                 * dead": people of the country, not its army */
                agent = (int16_t)d->civilian_agent;
                flags = d->agents[agent].flags;
            }
        }
        /* ACTOR ( ACTOR ) : "Islamic State (ISIS)" */
        if (m->kind == PH_ACTOR && end + 2 < n && sr_tok_eq(&s->tok[end], "(")) {
            const sr_match *in = match_at(s, end + 1);
            if (in && in->kind == PH_ACTOR && in->end < n && sr_tok_eq(&s->tok[in->end], ")"))
                end = in->end + 1;
        }
        /* NAMED + AGENT: "ISIS militants", "Boko Haram gunmen" */
        if (m->kind == PH_ACTOR) {
            const sr_match *nx = match_at(s, end);
            if (nx && nx->kind == PH_AGENT && !(s->tok[end].flags & TK_HYPH))
                end = nx->end;
            /* "Islamic State-linked insurgents beheaded four villagers":
             * armed men of a group's branch are the group's, as "gunmen
             * linked to" it are (words.txt AFFILIATE) */
            else if (!nx && end + 1 < n && (s->tok[end].flags & TK_HYPH) && word_has(e, s->tok[end].id, WA_AFFILIATE) &&
                     !(d->actors[m->value].flags & ACT_STATE) && (nx = match_at(s, end + 1)) && nx->kind == PH_AGENT &&
                     (d->agents[nx->value].flags & ACT_ARMED))
                end = nx->end;
        }
        /* AGENT of [the] NAMED: "militiamen of the Islamic State"; AGENT
         * linked to [the] NAMED: "gunmen believed to belong to the
         * Jalisco New Generation Cartel" (cues.txt, AFFIL) */
        /* ("Syrian rebels led by Hayat Tahrir al-Sham": a country's
         * agents too, and a name for all of a country's rebels, whose
         * code is the country's and the sector's alone; not a state's
         * forces "allied with" another) */
        int agent_words = m->kind == PH_AGENT || (m->kind == PH_COUNTRY && agent >= 0) ||
                          (m->kind == PH_ACTOR && strlen(d->actors[m->value].code) == 6 &&
                           !(d->actors[m->value].flags & ACT_STATE));
        size_t affil = agent_words ? cue_end(s, end, CUE_AFFIL) : 0;
        /* and set off by a comma: "The assailants, believed to be members
         * of the Macina Katiba, attacked ..." */
        if (m->kind == PH_AGENT && !affil && end + 1 < n && sr_tok_eq(&s->tok[end], ","))
            affil = cue_end(s, end + 1, CUE_AFFIL);
        /* "fighters from the Islamic State West Africa Province" */
        int from = m->kind == PH_AGENT && end + 1 < n && s->tok[end].id == e->w.from;
        /* (not "supporters of Niger's military junta": the unarmed who
         * back a force are not it) */
        int unarmed_of = 0;
        if (m->kind == PH_AGENT && !(flags & ACT_ARMED) && !affil && !from && end + 1 < n) {
            size_t j = end + 1 + (tok_is(s, end + 1, e->w.the) ? 1 : 0);
            const sr_match *nx = match_at(s, j);
            unarmed_of = nx && (nx->kind == PH_COUNTRY || (nx->kind == PH_ACTOR && (d->actors[nx->value].flags & ACT_STATE)));
        }
        if (((m->kind == PH_AGENT && (s->tok[end].id == e->w.of || from)) || affil) && !unarmed_of && end + 1 < n) {
            size_t j = affil ? affil : end + 1;
            const sr_match *nx = group_after_of(e, s, &j, affil);
            if (nx && nx->kind == PH_ACTOR) {
                def = (int16_t)nx->value;
                flags = d->actors[nx->value].flags | (flags & (ACT_AERIAL | ACT_ARTILLERY));
                agent = -1;
                end = nx->end;
                if (end + 2 < n && sr_tok_eq(&s->tok[end], "(")) {
                    const sr_match *in = match_at(s, end + 1);
                    if (in && in->kind == PH_ACTOR && in->end < n && sr_tok_eq(&s->tok[in->end], ")"))
                        end = in->end + 1;
                }
            } else if (nx && nx->kind == PH_COUNTRY && !(nx->flags & PF_ADJ) && !affil && !from) {
                /* "air fighters of Iraq" */
                country = (int16_t)nx->value;
                end = nx->end;
            }
        }
        if (m->kind == PH_COUNTRY && agent >= 0)
            start = first_nation_of_pair(e, s, start, &country);
        /* "Israeli tanks and infantry pushed into northern Gaza": armed men
         * joined by "and" to a country's are of that country too */
        if (m->kind == PH_AGENT && country < 0 && (flags & ACT_ARMED) && start >= 1 && s->nmen &&
            tok_is(s, start - 1, e->w.and_) && s->men[s->nmen - 1].e == start - 1 && s->men[s->nmen - 1].country >= 0 &&
            s->men[s->nmen - 1].agent >= 0 && (d->agents[s->men[s->nmen - 1].agent].flags & ACT_ARMED))
            country = s->men[s->nmen - 1].country;
        /* A country alone: an actor only as a subject ("Russia bombed"),
         * not as a place ("in Syria") nor as an adjective ("Syrian city"). */
        if (m->kind == PH_COUNTRY && agent < 0 && !country_as_actor(e, s, m, i, end, &flags))
            continue;
        former_as_people(e, s, m, start, &agent, &def, &flags);
        sr_mention *mm = new_mention(c, s, &cap);
        if (!mm)
            return;
        mm->s = (uint16_t)start;
        mm->e = (uint16_t)end;
        mm->def = def;
        mm->agent = agent;
        mm->country = country;
        mm->flags = flags;
        mm->prep = prep_before(e, s, start);
        /* most sentences have no "(" and no spaced dash: then no mention
         * is inside one, told once, not scanned for at each */
        if (marks < 0)
            marks = has_paren_marks(s);
        mm->paren = (uint8_t)(marks && in_parens(s, start, end));
        /* "Gunmen loyal to the former government ambushed a patrol": a
         * generic word after "loyal to" (cues.txt AFFIL) says whose the
         * men before are, and acts on nothing itself */
        if (m->kind == PH_AGENT && affiliated_to(s, start))
            mm->modifier = 1;
        mention_count(e, s, mm);
        mention_marks(e, s, m, mm, end);
        i = end - 1;
    }
}

/* ---- entities ------------------------------------------------------------ */

static int add_entity(sr_coder *c, const sr_entity *proto)
{
    /* names and codes mostly come from the dictionaries: the same string,
     * told by its address before its bytes */
    for (size_t i = 0; i < c->nents; i++)
        if ((c->ents[i].name == proto->name || sr_streq(c->ents[i].name, proto->name)) &&
            (c->ents[i].code == proto->code || sr_streq(c->ents[i].code, proto->code)))
            return (int)i;
    if (c->nents == c->cap_ents) {
        size_t nc = c->cap_ents ? c->cap_ents * 2 : 16;
        sr_entity *ne = sr_arena_realloc(&c->arena, c->ents, c->cap_ents * sizeof *ne, nc * sizeof *ne);
        if (!ne)
            return -1;
        c->ents = ne;
        c->cap_ents = nc;
    }
    c->ents[c->nents] = *proto;
    return (int)c->nents++;
}

/* a, b and c joined into dst (cap bytes), cut as snprintf would: this
 * runs for every generic actor an article names, where snprintf cost 1 %
 * of coding */
static void cat3(char *dst, size_t cap, const char *a, const char *b, const char *c)
{
    size_t o = 0;
    const char *parts[3] = {a, b, c};
    for (int k = 0; k < 3; k++)
        for (const char *p = parts[k]; *p && o + 1 < cap; p++)
            dst[o++] = *p;
    dst[o] = 0;
}

/* The fields of a sector's name (sectors.txt): the country's name, with
 * "the" where English writes it, and its adjective. */
static const char *country_field(void *ctx, const char *key)
{
    const sr_country_def *k = ctx;
    if (!k)
        return NULL;
    if (!strcmp(key, "country"))
        return k->name;
    if (!strcmp(key, "adj"))
        return k->adj;
    return NULL;
}

int sr_entity_generic(sr_coder *c, const char *sector, uint32_t flags, int country)
{
    /* the name and code depend on the sector and country only: one made
     * already is found without formatting them again */
    for (size_t i = 0; i < c->nents; i++)
        if (c->ents[i].def == -1 && c->ents[i].country == country && sr_streq(c->ents[i].sector, sector))
            return (int)i;
    const sr_dicts *d = &c->eng->d;
    const sr_sector_def *sd = sr_sector_find(d, sector);
    if (!sd)
        return -1;
    sr_entity en;
    memset(&en, 0, sizeof en);
    en.def = -1;
    en.country = country;
    cat3(en.sector, sizeof en.sector, sector, "", "");
    char name[160], code[16];
    const sr_country_def *k = country >= 0 ? &d->countries[country] : NULL;
    /* a state's forces need a state: "the army" of no known country is
     * no actor (the sector's name has no alternative without one) */
    if (sr_template_fill(sd->name, country_field, (void *)k, name, sizeof name) < 0)
        return -1;
    cat3(code, sizeof code, k ? k->iso3 : "", sector, "");
    en.flags = sd->add ? flags | sd->flags : sd->flags;
    en.name = sr_arena_strdup(&c->arena, name);
    en.code = sr_arena_strdup(&c->arena, code);
    if (!en.name || !en.code)
        return -1;
    return add_entity(c, &en);
}

static int entity_for_def(sr_coder *c, int def)
{
    const sr_actor_def *ad = &c->eng->d.actors[def];
    sr_entity en;
    memset(&en, 0, sizeof en);
    en.name = ad->name;
    en.code = ad->code;
    en.flags = ad->flags;
    en.country = ad->country;
    en.def = def;
    return add_entity(c, &en);
}

/* An alias shared by several actors ("coalition", "SNA", "Kurdish
 * forces"): the one active in the article's country. */
static int choose_def(sr_coder *c, const sr_sent *s, const sr_mention *mm)
{
    const sr_dicts *d = &c->eng->d;
    int owner = s->owner[mm->s];
    /* The mention may start on a generic word ("militiamen of the IS");
     * then the actor's match is where def came from. */
    if (owner < 0 || s->m[owner].kind != PH_ACTOR || (int)s->m[owner].value != mm->def) {
        for (size_t k = 0; k < s->nm; k++)
            if (s->m[k].kind == PH_ACTOR && (int)s->m[k].value == mm->def) {
                owner = (int)k;
                break;
            }
    }
    if (owner < 0)
        return mm->def;
    const sr_match *first = &s->m[owner];
    int best = mm->def;
    if (c->focus_country < 0)
        return best;
    const char *fc = d->countries[c->focus_country].iso2;
    for (size_t k = (size_t)owner; k < s->nm; k++) {
        const sr_match *m = &s->m[k];
        if (m->start != first->start || m->end != first->end || m->kind != PH_ACTOR)
            break;
        const sr_actor_def *ad = &d->actors[m->value];
        if (strstr(ad->active, fc))
            return (int)m->value;
    }
    /* "regime forces" in a story about Myanmar is not Syria's army: a name
     * in common words, of an actor of other countries, is only the words,
     * also when it starts a sentence ("Regime forces burned ...": the
     * dictionary writes it in lower case) */
    int common = 1;
    for (size_t t = first->start; t < first->end; t++)
        if (s->tok[t].flags & TK_CAP)
            common = 0;
    for (size_t k = (size_t)owner; !common && k < s->nm; k++) {
        const sr_match *m = &s->m[k];
        if (m->start != first->start || m->end != first->end || m->kind != PH_ACTOR)
            break;
        if ((int)m->value == best && (m->flags & PF_COMMON))
            common = 1;
    }
    if (common && d->actors[best].active[0] && !strstr(d->actors[best].active, fc))
        return -1;
    return best;
}

/* The most recent entity (earlier in this sentence or in the article) that
 * fits `want` and, for "refer" words, is a named or specific group. */
/* "Russia launched its largest aerial attack of the war on Ukraine" then
 * "four people died after a drone struck an apartment building": the
 * drone is the foreign state's that the story told striking from the air
 * or from afar in this sentence or the three before; not the army of
 * the country the story is in. -1 when there is none. */
static int foreign_striker(const sr_coder *c, const sr_sent *s, size_t before)
{
    const sr_dicts *d = &c->eng->d;
    if (s == &c->title || c->focus_country < 0)
        return -1;
    size_t si = (size_t)(s - c->sents);
    for (size_t back = 0; back < 4 && back <= si; back++) {
        const sr_sent *p = &c->sents[si - back];
        int strikes = 0;
        for (size_t k = 0; k < p->nm && !strikes; k++)
            if (p->m[k].kind == PH_TRIGGER &&
                (d->triggers[p->m[k].value].cls == EV_AIR || d->triggers[p->m[k].value].cls == EV_SHELL))
                strikes = 1;
        if (!strikes)
            continue;
        for (size_t k = p->nmen; k > 0; k--) {
            const sr_mention *m = &p->men[k - 1];
            if (m->ent < 0 || m->modifier || m->prep || (back == 0 && m->e > before))
                continue;
            const sr_entity *en = &c->ents[m->ent];
            if ((en->flags & ACT_STATE) && !(en->flags & ACT_SOURCE) && en->country >= 0 &&
                en->country != c->focus_country)
                return m->ent;
        }
    }
    return -1;
}

/* "In Zamfara State, gunmen killed ...": a sentence that opens with a
 * place of its own, before token `before`, tells another item of a
 * round-up, whose gunmen are no group named before. */
/* Whether the sentence opens another happening ("In a separate incident
 * on Saturday, gunmen on motorcycles attacked a village", "Elsewhere,
 * gunmen ..."): a word of distinction among its first words, before
 * token `before` (words.txt DISTINCT). */
static int opens_separately(const sr_coder *c, const sr_sent *s, size_t before)
{
    for (size_t i = 0; i < before && i < 4; i++)
        if (word_has(c->eng, s->tok[i].id, WA_DISTINCT))
            return 1;
    return 0;
}

static int opens_with_place(const sr_coder *c, const sr_sent *s, size_t before)
{
    /* (and a list's item headed by its place: "- Plateau: Gunmen killed six
     * villagers in Bokkos" after ISWAP's attack in Borno) */
    size_t f = 0;
    while (f < s->ntok && f < 2 && (s->tok[f].flags & TK_PUNCT))
        f++;
    if (f + 2 < s->ntok && s->owner[f] >= 0 && s->m[s->owner[f]].start == f &&
        (s->m[s->owner[f]].kind == PH_PLACE || s->m[s->owner[f]].kind == PH_COUNTRY) &&
        s->m[s->owner[f]].end < before && sr_tok_eq(&s->tok[s->m[s->owner[f]].end], ":"))
        return 1;
    if (s->ntok <= 3 || !word_has(c->eng, s->tok[0].id, WA_LOCPREP) || s->owner[1] < 0 ||
        s->m[s->owner[1]].kind != PH_PLACE)
        return 0;
    size_t pe = s->m[s->owner[1]].end;
    return pe < before && sr_tok_eq(&s->tok[pe], ",");
}

/* Whether the sentence, before token `before`, names a country or a
 * listed place where named group `en` is not active ("In Pakistan,
 * militants attacked ..." after a story of Al-Shabaab in Kenya). */
static int told_elsewhere(const sr_coder *c, const sr_sent *s, size_t before, int en)
{
    const sr_dicts *d = &c->eng->d;
    if (en < 0 || c->ents[en].def < 0)
        return 0;
    const char *active = d->actors[c->ents[en].def].active;
    if (!active[0])
        return 0;
    for (size_t k = 0; k < s->nm && s->m[k].start < before; k++) {
        const char *cc = s->m[k].kind == PH_COUNTRY ? d->countries[s->m[k].value].iso2
                         : s->m[k].kind == PH_PLACE ? d->places[s->m[k].value].country
                                                    : NULL;
        if (cc && cc[0] && !strstr(active, cc))
            return 1;
    }
    return 0;
}

/* Whether mention m is what an event word right before it fell on
 * ("attacked an SDF checkpoint"): a side acted on, not the salient one. */
static int struck_object(const sr_sent *p, const sr_mention *m)
{
    for (size_t i = m->s; i > 0 && m->s - i < 3; i--) {
        int o = p->owner[i - 1];
        if (o >= 0 && p->m[o].kind == PH_TRIGGER)
            return 1;
        if (o >= 0 || !(p->tok[i - 1].flags & TK_ALPHA) || (p->tok[i - 1].flags & TK_CAP))
            return 0;
    }
    return 0;
}

static int recent_entity(sr_coder *c, sr_sent *s, size_t before, uint32_t want, uint32_t avoid, int max_back)
{
    /* this sentence, right to left */
    for (size_t k = s->nmen; k > 0; k--) {
        const sr_mention *m = &s->men[k - 1];
        if (m->e > before || m->ent < 0 || m->modifier)
            continue;
        const sr_entity *en = &c->ents[m->ent];
        if ((en->flags & want) == want && !(en->flags & avoid))
            return m->ent;
    }
    /* earlier sentences */
    int back = 0;
    int is_title = (s == &c->title);
    size_t start = is_title ? 0 : (size_t)(s - c->sents);
    if (is_title)
        return -1;
    for (size_t si = start; si > 0 && back < max_back; si--, back++) {
        const sr_sent *p = &c->sents[si - 1];
        /* subjects first: in "X ... after a battle with Y", X is salient */
        for (int pass = 0; pass < 2; pass++)
            for (size_t k = p->nmen; k > 0; k--) {
                const sr_mention *m = &p->men[k - 1];
                if (m->ent < 0 || m->modifier || m->ctrl || m->count >= 0)
                    continue;
                if (pass == 0 && (m->prep || (int)m->s >= p->report_start || (int)m->e <= p->report_end ||
                                  struck_object(p, m)))
                    continue;
                const sr_entity *en = &c->ents[m->ent];
                if ((en->flags & want) == want && !(en->flags & avoid))
                    return m->ent;
            }
    }
    if (c->has_title && back < max_back) {
        const sr_sent *p = &c->title;
        for (size_t k = p->nmen; k > 0; k--) {
            const sr_mention *m = &p->men[k - 1];
            if (m->ent < 0 || m->modifier)
                continue;
            const sr_entity *en = &c->ents[m->ent];
            if ((en->flags & want) == want && !(en->flags & avoid))
                return m->ent;
        }
    }
    return -1;
}

/* "Al Shabaab fighters attacked an army base ..., killing nine soldiers"
 * then "The fighters stormed the base": a word that points back is the
 * group it was the last word of before, not whoever armed was named
 * last. -1 when no named mention of this sentence or the max_back before
 * ends in it. */
static int same_head_before(const sr_coder *c, const sr_sent *s, const sr_mention *mm, int max_back)
{
    uint32_t head = s->tok[mm->e - 1].id;
    if (!head || s == &c->title)
        return -1;
    size_t si = (size_t)(s - c->sents);
    for (int back = 0; back <= max_back && (size_t)back <= si; back++) {
        const sr_sent *p = &c->sents[si - (size_t)back];
        for (size_t k = p->nmen; k > 0; k--) {
            const sr_mention *m = &p->men[k - 1];
            if (m->ent < 0 || m->modifier || m->e - m->s < 2 || (back == 0 && m->e > mm->s))
                continue;
            if (p->tok[m->e - 1].id == head && c->ents[m->ent].def >= 0 && (c->ents[m->ent].flags & ACT_ARMED))
                return m->ent;
        }
    }
    return -1;
}

/* The forces of a foreign state whose forces tell the sentence ("Turkey's
 * military said jets struck"), as sector `sec`; -1 when none speaks. */
static int speaking_state(sr_coder *c, const sr_sent *s, const sr_mention *mm, const char *sec, uint32_t fl)
{
    for (size_t q = 0; q < s->nmen && s->men[q].e <= mm->s; q++) {
        const sr_mention *r = &s->men[q];
        /* (or opens the sentence with its word of telling: "The Israeli
         * military said it carried out drone strikes ... and that troops") */
        int tells = (s->report_end > 0 && (int)r->e <= s->report_end) ||
                    (r->s <= 1 && r->e < s->ntok && has_cue(s, r->e, CUE_REPORT));
        if (r->ent >= 0 && tells &&
            (c->ents[r->ent].flags & ACT_STATE) && c->ents[r->ent].country >= 0 &&
            c->ents[r->ent].country != c->focus_country)
            return sr_entity_generic(c, sec, fl, c->ents[r->ent].country);
    }
    return -1;
}

/* A happening told with "the" between tokens a and b that a stand is
 * taken on ("condemned the strike"; not "claimed the attack, saying it
 * had killed 20 soldiers", where "it" is the claimer). */
static int happening_between(const sr_coder *c, const sr_sent *s, size_t a, size_t b)
{
    for (size_t i = a + 1; i < b; i++)
        if (s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_TRIGGER && s->m[s->owner[i]].start == i &&
            tok_is(s, i - 1, c->eng->w.the) && cue_in(s, a, i, CUE_STANCE) >= 0)
            return 1;
    return 0;
}

int sr_entity_for_mention(sr_coder *c, sr_sent *s, sr_mention *mm)
{
    const sr_dicts *d = &c->eng->d;
    if (mm->def >= 0) {
        int def = choose_def(c, s, mm);
        if (def >= 0)
            return entity_for_def(c, def);
        /* the words as a generic agent, when they are one */
        for (size_t k = 0; k < s->nm; k++)
            if (s->m[k].kind == PH_AGENT && s->m[k].start == mm->s && s->m[k].end == mm->e)
                mm->agent = (int16_t)s->m[k].value;
        mm->def = -1;
        if (mm->agent < 0)
            return -1;
    }
    if (mm->pronoun) {
        /* "The Israeli military said the school was being used as a Hamas
         * command centre and that it had killed at least 19 militants":
         * the pronoun after "that" in what an armed side or a state says
         * is that side */
        if (mm->s > 0 && s->report_end > 0 && (int)mm->s >= s->report_end && tok_is(s, mm->s - 1, c->eng->w.that))
            for (size_t k = 0; k < s->nmen; k++) {
                const sr_mention *m = &s->men[k];
                if ((int)m->e <= s->report_end && m->ent >= 0 && !m->pronoun && !m->modifier &&
                    (c->ents[m->ent].flags & (ACT_ARMED | ACT_STATE)) && !(c->ents[m->ent].flags & ACT_SOURCE))
                    return m->ent;
            }
        /* "it", "they": the nearest actor before in the sentence, whoever
         * it is ("Residents said they heard"); else the armed one named
         * last. */
        for (size_t k = s->nmen; k > 0; k--) {
            const sr_mention *m = &s->men[k - 1];
            if (m->e > mm->s || m->ent < 0 || m->modifier || m->ctrl || m->pronoun || m->count >= 0)
                continue;
            /* (but "it" after a happening told with "the" that the actor
             * takes a stand on is the happening: "Pakistan condemned the
             * strike, saying it killed two children") */
            if (tok_is(s, mm->s, c->eng->w.it) && happening_between(c, s, m->e, mm->s))
                return -1;
            if (c->ents[m->ent].flags & ACT_SOURCE)
                continue;
            return m->ent;
        }
        return recent_entity(c, s, mm->s, ACT_ARMED, ACT_SOURCE | ACT_CIVILIAN, 1);
    }
    int country = mm->country;
    if (mm->agent >= 0) {
        const sr_agent_def *ag = &d->agents[mm->agent];
        const char *sec = ag->sector;
        uint32_t fl = ag->flags;
        if (sr_streq(sec, "CVL") || sr_streq(sec, "OPP") || sr_streq(sec, "RIO"))
            return sr_entity_generic(c, sec, fl, country >= 0 ? country : c->focus_country);
        /* "Militants of the banned Balochistan Liberation Army": the armed
         * group whose men they are */
        if ((fl & ACT_ARMED) && country < 0 && tok_is(s, mm->e, c->eng->w.of)) {
            size_t q = (size_t)mm->e + 1;
            if (tok_is(s, q, c->eng->w.the))
                q++;
            while (q < s->ntok && q < (size_t)mm->e + 5 && s->owner[q] < 0 && (s->tok[q].flags & TK_ALPHA) &&
                   !(s->tok[q].flags & TK_CAP))
                q++;
            if (q < s->ntok && s->owner[q] >= 0 && s->m[s->owner[q]].kind == PH_ACTOR && s->m[s->owner[q]].start == q) {
                int def = (int)s->m[s->owner[q]].value;
                if (def >= 0 && (size_t)def < d->nactors && (d->actors[def].flags & ACT_ARMED) &&
                    (d->actors[def].flags & ACT_NONSTATE))
                    return entity_for_def(c, def);
            }
        }
        /* "their troops", "its fighters": the group just named (not
         * "their abductors", "their attackers": those who fell on them) */
        if (country < 0 && mm->s > 0 &&
            (s->tok[mm->s - 1].id == c->eng->w.their || s->tok[mm->s - 1].id == c->eng->w.its) && (fl & ACT_ARMED) &&
            (!(fl & ACT_UNKNOWN) || (fl & ACT_AERIAL))) {
            /* (and "the army said its drones had struck": a side's own
             * drones, whose no word says) */
            int en = recent_entity(c, s, mm->s, ACT_ARMED, ACT_SOURCE | ACT_CIVILIAN, 2);
            if (en >= 0)
                return en;
        }
        if (country >= 0) {
            /* "Kurdish forces" never reach here (named in actors.txt). */
            const char *use = sec;
            if (sr_streq(sec, "REB") || sr_streq(sec, "UAG"))
                use = "REB";
            return sr_entity_generic(c, use, fl, country);
        }
        if (fl & ACT_REFER) {
            if (fl & ACT_UNKNOWN) {
                /* gunmen, assailants: a group named just before, if any */
                int en = recent_entity(c, s, mm->s, ACT_ARMED | ACT_NONSTATE, ACT_UNKNOWN | ACT_SOURCE, 2);
                if (en >= 0 && c->ents[en].def >= 0 && !told_elsewhere(c, s, mm->s, en) && !opens_with_place(c, s, mm->s) &&
                    !opens_separately(c, s, mm->s))
                    return en;
                return sr_entity_generic(c, "UAG", fl, c->focus_country);
            }
            if (sr_streq(sec, "REB")) {
                /* "Tuareg separatist rebels said" after "Wagner fighters":
                 * rebels are a rebel group, not a militia or mercenaries */
                /* (nor the men who fight for a state: "Malian soldiers and
                 * Russian mercenaries executed at least 20 civilians" then
                 * "neutralised several terrorists") */
                /* (the group a word after "the" was the last word of:
                 * "after fighting with Wazalendo militias" then "pushed out
                 * of the village by the militias") */
                int en = mm->s > 0 && tok_is(s, mm->s - 1, c->eng->w.the) ? same_head_before(c, s, mm, 2) : -1;
                if (en >= 0)
                    return en;
                en = recent_entity(c, s, mm->s, ACT_ARMED | ACT_NONSTATE | (fl & ACT_REBEL), ACT_SOURCE | ACT_GOVSIDE,
                                   1000);
                if (en >= 0 && (c->ents[en].def >= 0 || !(fl & ACT_GROUPWORD)) && !told_elsewhere(c, s, mm->s, en))
                    return en;
                if (fl & ACT_REBEL)
                    return sr_entity_generic(c, "REB", fl, c->focus_country);
                return sr_entity_generic(c, "UAG", fl, c->focus_country);
            }
            /* "forces", "fighters": whoever armed was just named */
            if (fl & ACT_AERIAL) {
                int en = recent_entity(c, s, mm->s, ACT_AERIAL, ACT_SOURCE, 6);
                return en;
            }
            int en = same_head_before(c, s, mm, 2);
            return en >= 0 ? en : recent_entity(c, s, mm->s, ACT_ARMED, ACT_SOURCE | ACT_UNKNOWN, 2);
        }
        if (fl & ACT_AERIAL) {
            int en = recent_entity(c, s, mm->s, ACT_AERIAL, ACT_SOURCE, 6);
            if (en < 0)
                en = foreign_striker(c, s, mm->s);
            /* "Turkey's military said jets struck 45 targets": the jets of
             * the state that speaks of them */
            if (en < 0)
                en = speaking_state(c, s, mm, sec, fl);
            if (en >= 0)
                return en;
            /* a drone no one is named for is no one's */
            if (fl & ACT_UNKNOWN)
                return -1;
        }
        /* "Israel carried out a series of airstrikes on Beirut's southern
         * suburbs ..., as the military said it targeted Hezbollah weapons
         * depots": the military that speaks of strikes a foreign state
         * was just told making is that state's */
        if (sr_streq(sec, "MIL") && (s->tok[mm->s].id == c->eng->w.the || (mm->s > 0 && s->tok[mm->s - 1].id == c->eng->w.the)) &&
            mm->e < s->ntok && has_cue(s, mm->e, CUE_REPORT)) {
            int fs = foreign_striker(c, s, mm->s);
            if (fs >= 0)
                return fs;
        }
        /* "The Israeli military said it carried out drone strikes ... and
         * that troops were exchanging fire with gunmen in the camp": the
         * troops of the foreign state that speaks of them */
        if (sr_streq(sec, "MIL")) {
            int en = speaking_state(c, s, mm, sec, fl);
            if (en >= 0)
                return en;
            /* "Israeli tanks and infantry pushed into northern Gaza ..."
             * then "its fighters had confronted the troops in Beit Hanoun":
             * the troops are the state's forces just told, not the
             * place's */
            if (s->tok[mm->s].id == c->eng->w.the || (mm->s > 0 && s->tok[mm->s - 1].id == c->eng->w.the)) {
                en = recent_entity(c, s, mm->s, ACT_ARMED | ACT_STATE, ACT_SOURCE | ACT_AERIAL, 2);
                /* (a state's forces told by their country's word; a unit
                 * named, "Operation Hadin Kai", is not all of them) */
                if (en >= 0 && c->ents[en].def < 0)
                    return en;
            }
        }
        /* "the army", "security forces", "the government": the country the
         * article is about. */
        return sr_entity_generic(c, sec, fl, c->focus_country);
    }
    if (country >= 0)
        return sr_entity_generic(c, (mm->flags & ACT_GOV) ? "GOV" : "MIL", mm->flags, country);
    return -1;
}

void sr_resolve_mentions(sr_coder *c, sr_sent *s)
{
    if (!s->men)
        build_mentions(c, s);
    for (size_t k = 0; k < s->nmen; k++) {
        sr_mention *m = &s->men[k];
        if (m->ent >= 0)
            continue;
        m->ent = sr_entity_for_mention(c, s, m);
        /* (a state's forces no name gives are one entity whatever words
         * told them: whether these words are of the air is their own, not
         * the first words' ("A Turkish drone targeted a car" then "The
         * Turkish occupation army also shelled villages")) */
        if (m->ent >= 0) {
            uint32_t own = c->ents[m->ent].def < 0 ? ACT_AERIAL | ACT_ARTILLERY : 0;
            m->flags |= c->ents[m->ent].flags & ~(ACT_REFER | ACT_GENERIC_FORCE | ACT_GROUPWORD | own);
        }
    }
}

size_t sr_poss_after(const sr_engine *en, const sr_sent *s, size_t k)
{
    const sr_mention *m = &s->men[k];
    size_t e = m->e;
    if (e < s->ntok && (s->tok[e].flags & TK_POSS))
        return e;
    /* a head noun the actor names leave out: "the Islamic State group's" */
    if (e + 1 < s->ntok && (s->tok[e + 1].flags & TK_POSS) &&
        word_has(en, s->tok[e].id, WA_GROUP_NOUN))
        return e + 1;
    return 0;
}
