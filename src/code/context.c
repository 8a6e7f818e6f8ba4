/* The context of an event word: the weapons named near it, the dead,
 * where and when it happened, and whether the text asserts it.
 *
 * In: a cand with its roles (roles.c), the sentence's places, time
 * expressions and cues, and what the article told before (discourse.c).
 * Out: k->weapons (roles.c calls weapons_in), k->fat / k->lethal / k->killw
 * (sr_attach_deaths), k->lp / k->proto / k->loc_cc and the flags the
 * context filters read (sr_attach_context), and the modality
 * (sr_modality_of) when the event is written. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../geo/resolve.h"
#include "../lang/inflect.h"
#include "../util/str.h"
#include "pass.h"

/* ---- weapons, victims, modality -------------------------------------------- */

/* Whether a verb of attack (active) comes in the dozen words before u. */
static int attack_verb_before(const sr_coder *c, const sr_sent *s, const sr_trig *u)
{
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *w = &s->tg[q];
        if (w->ndef && w->e <= u->s && u->s - w->e <= 12 && !w->passive && tdef(c, w, 0)->cls == EV_ATTACK &&
            (tdef(c, w, 0)->opts & TRG_VERB))
            return 1;
    }
    return 0;
}

/* Weapons named in [a, b), leaving out the words of other event words
 * ("with the support of coalition air strikes" does not make an
 * offensive an air strike). */
/* A shell's noun told after "with": "targeted with rocket shells the
 * residential neighborhoods" names how, no happening of its own. */
static int instrument(const sr_coder *c, const sr_sent *s, const sr_trig *u)
{
    if (!u->ndef || !(tdef(c, u, 0)->opts & TRG_NOUN))
        return 0;
    /* (shells fired from afar, drones flown from afar: "attacked a
     * military base with explosive-laden drones"; not "armed with guns
     * and grenades", an assault's gear) */
    int flown = 0;
    for (size_t i = u->s; i < u->e; i++)
        flown |= has_cue(s, i, CUE_W_AIR);
    /* (and a car bomb a verb of attack used: "ELN rebels attacked a
     * military base ... with a truck packed with explosives"; not
     * "Sunday's attack started with a car bomb", the bomb its first blow) */
    int car = tdef(c, u, 0)->cls == EV_CARBOMB && attack_verb_before(c, s, u);
    /* (and a bomb right after an attack's noun: "a terrorist attack with
     * an explosive device that targeted a bus", how it was done) */
    int bomb = tdef(c, u, 0)->cls == EV_IED || tdef(c, u, 0)->cls == EV_BOMB;
    if (tdef(c, u, 0)->cls != EV_SHELL && !car && !flown && !bomb)
        return 0;
    for (size_t i = u->s; i > 0 && u->s - i < 4; i--)
        if (tok_is(s, i - 1, c->eng->w.with))
            return !bomb || car || flown ||
                   (i >= 2 && s->owner[i - 2] >= 0 && s->m[s->owner[i - 2]].kind == PH_TRIGGER &&
                    s->m[s->owner[i - 2]].end == i - 1);
    return 0;
}

/* "armed men arrived in a vehicle and opened fire on people": a bare car
 * word after "in", "from" or "inside" (and its determiner) is how they
 * came, not a bomb; "a car bomb", "an explosive-laden vehicle" are longer
 * cues and stay weapons. */
static int car_ridden(const sr_engine *e, const sr_sent *s, size_t i)
{
    if (cue_end(s, i, CUE_W_CARBOMB) > i + 2 || i == 0)
        return 0;
    size_t p = i - 1;
    if (is_det_word(e, &s->tok[p]) && p > 0)
        p--;
    uint32_t id = s->tok[p].id;
    return id && (id == e->w.in || id == e->w.from || id == e->w.inside);
}

/* "Gunmen killed 10 people at a car rally": a bare car word that starts
 * a longer phrase of the dictionaries (events.txt, not an event) is that
 * phrase's word, no bomb. */
static int car_in_phrase(const sr_sent *s, size_t i)
{
    size_t ce = cue_end(s, i, CUE_W_CARBOMB);
    if (ce > i + 2 || ce == 0 || ce > s->ntok)
        return 0;
    int o = s->owner[ce - 1];
    return o >= 0 && s->m[o].end > ce;
}

/* "a vehicle carrying eight people was also attacked by regime forces": a
 * bare car word before a passive verb of attack is what was hit (not
 * "a car was blown up", a verb of bombing; "a car bomb" is a longer cue
 * and stays a weapon). */
static int car_hit(const sr_coder *c, const sr_sent *s, size_t i, const sr_trig *self)
{
    size_t ce = cue_end(s, i, CUE_W_CARBOMB);
    if (ce > i + 2)
        return 0;
    /* ("smashing windows and setting a car on fire": a car a crowd burns,
     * cues.txt RIOT right after it) */
    if (ce < s->ntok && has_cue(s, ce, CUE_RIOT))
        return 1;
    /* (and "militants who ambushed their patrol vehicle": a bare car word
     * a few plain words after any verb of attack is what it hit) */
    for (size_t k = 0; k < s->ntg; k++) {
        const sr_trig *u = &s->tg[k];
        if (!u->ndef || u->passive || u->e > i || i - u->e > 3 || !(tdef(c, u, 0)->opts & TRG_VERB))
            continue;
        int cls = tdef(c, u, 0)->cls, plain = 1;
        for (size_t q = u->e; q < i && plain; q++)
            plain = s->owner[q] < 0 && (s->tok[q].flags & TK_ALPHA) && !(s->tok[q].flags & TK_CAP);
        if (plain && cls != EV_IED && cls != EV_BOMB)
            return 1;
    }
    if (!self || !self->ndef || !self->passive || i >= self->s || self->s - i > 8)
        return 0;
    int cls = tdef(c, self, 0)->cls;
    return (tdef(c, self, 0)->opts & TRG_VERB) && cls != EV_IED && cls != EV_BOMB;
}

/* "A paraglider dropped two bombs on a crowd": a verb of dropping within
 * three words before the bombs (cues.txt DROP) */
static int dropped_before(const sr_sent *s, size_t i)
{
    if (!(s->cues & (1ULL << CUE_DROP)))
        return 0;
    for (size_t k = i; k > 0 && i - k < 3; k--)
        if (has_cue(s, k - 1, CUE_DROP))
            return 1;
    return 0;
}

int weapons_in(const sr_coder *c, const sr_sent *s, size_t a, size_t b, const sr_trig *self)
{
    int w = 0;
    if (b > s->ntok)
        b = s->ntok;
    const uint64_t any = SR_CUE_WEAPONS | (1ULL << CUE_DROP);
    if (!(s->cues & any))
        b = a;
    for (size_t i = a; i < b; i++) {
        uint64_t m = s->cuemask[i];
        /* most words name no weapon: no need to ask whose they are */
        if (!(m & any))
            continue;
        int other = 0;
        for (size_t k = 0; k < s->ntg; k++) {
            const sr_trig *u = &s->tg[k];
            /* (but "intercepted a missile", "shot down two drones": the
             * weapon a disruption took is the weapon of its use) */
            /* (and "detonated explosive belts among the crowd": what a blast's
             * verb set off is its weapon) */
            if (u != self && i >= u->s && i < u->e && !instrument(c, s, u) &&
                !(self && self->ndef && tdef(c, self, 0)->cls == EV_DISRUPT && u->s >= self->e && u->s <= self->e + 4) &&
                !(self && self->ndef && tdef(c, self, 0)->cls == EV_BOMB && (tdef(c, self, 0)->opts & TRG_VERB) &&
                  u->s >= self->e && u->s <= self->e + 1))
                other = 1;
            /* "Two explosions killed at least 84 people at a ceremony to
             * mark the anniversary of the killing of Qassem Soleimani by a
             * U.S. drone": a weapon after another event's noun is that
             * one's */
            if (self && u != self && u->ndef && (tdef(c, u, 0)->opts & TRG_NOUN) && u->s >= self->e && u->e <= i)
                other = 1;
        }
        /* "killed dozens of assailants in a counter-offensive supported by
         * drones": a weapon that backed the deed is not its own */
        for (size_t q = i; q > 1 && i - q < 3 && !other; q--)
            other = s->tok[q - 1].id == c->eng->w.by && word_has(c->eng, s->tok[q - 2].id, WA_BACKING);
        if (other)
            continue;
        if (m & (1ULL << CUE_W_AIR))
            w |= W_AIR;
        if (m & (1ULL << CUE_W_SHELL))
            w |= W_SHELL;
        /* "attacked a gold mine": a place of work, no weapon */
        /* (nor "attacked its La Poderosa mine": a mine a name names is a
         * mine of ore, a bomb has no name) */
        if ((m & (1ULL << CUE_W_IED)) && !(i > 0 && word_has(c->eng, s->tok[i - 1].id, WA_MINERAL)) &&
            !(i > 0 && cue_end(s, i, CUE_W_IED) == i + 1 && (s->tok[i - 1].flags & TK_CAP) && s->owner[i - 1] < 0 &&
              (size_t)s->dateline_end < i))
            w |= W_IED;
        if ((m & ((1ULL << CUE_W_IED) | (1ULL << CUE_W_GRENADE))) && dropped_before(s, i))
            w |= W_AIR;
        /* (the event word itself: "dropped two bombs") */
        if ((m & (1ULL << CUE_DROP)) && self && self->s > i && self->s <= i + 3 && self->ndef &&
            (tdef(c, self, 0)->cls == EV_IED || tdef(c, self, 0)->cls == EV_BOMB))
            w |= W_AIR;
        if (m & (1ULL << CUE_W_SUICIDE))
            w |= W_SUICIDE;
        if (m & (1ULL << CUE_W_GRENADE))
            w |= W_GRENADE;
        if (m & (1ULL << CUE_W_CHEM))
            w |= W_CHEM;
        if (m & (1ULL << CUE_W_SMALLARMS))
            w |= W_SMALL;
        /* "ISIS cells targeted their vehicle with machine-guns": a car
         * right after the event word (and its determiner) is what was
         * hit, not what hit */
        if ((m & (1ULL << CUE_W_CARBOMB)) &&
            !(self && self->ndef && (tdef(c, self, 0)->opts & TRG_VERB) && i >= self->e && i <= (size_t)self->e + 1 &&
              cue_end(s, i, CUE_W_CARBOMB) == i + 1) &&
            !car_ridden(c->eng, s, i) && !car_hit(c, s, i, self) && !car_in_phrase(s, i))
            w |= W_CAR;
    }
    return w;
}

/* Where the trigger's clause starts and ends. */
void clause_span(const sr_sent *s, const clauses *cl, size_t t, size_t *a, size_t *b)
{
    size_t i = t;
    while (i > 0 && cl->hard[i - 1] == cl->hard[t])
        i--;
    size_t j = t;
    while (j < s->ntok && cl->hard[j] == cl->hard[t])
        j++;
    *a = i;
    *b = j;
}

static int soft_span_start(const sr_sent *s, const clauses *cl, size_t t)
{
    size_t i = t;
    while (i > 0 && cl->soft[i - 1] == cl->soft[t])
        i--;
    (void)s;
    return (int)i;
}

/* An event verb told as done, in the active voice, before token i: its
 * doer did what follows "before" next. */
static int deed_before(const sr_coder *c, const sr_sent *s, size_t i)
{
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        const sr_trigger_def *ud = tdef(c, u, 0);
        if (u->e <= i && !u->passive && (ud->opts & TRG_VERB) && ud->form == VF_PAST)
            return 1;
    }
    return 0;
}

/* "Suspected militants used drones to drop bombs on Koutruk village": a
 * "to" (at i) after "used" and what was used, no auxiliary before it, says
 * what the use did, not what is to come. */
static int used_to_do(const sr_engine *e, const sr_sent *s, size_t i)
{
    for (size_t j = i; j > 0 && i - j < 4; j--)
        if (tok_is(s, j - 1, e->w.used))
            return j < 2 || !word_has(e, s->tok[j - 2].id, WA_AUX);
    return 0;
}

/* "to be behind", "to have been responsible for": whom one is held to be
 * (words.txt CULPRIT), from token i after "to" */
static int held_culprit(const sr_engine *e, const sr_sent *s, size_t i)
{
    if (tok_is(s, i, e->w.have))
        i++;
    return is_be(e, s->tok[i].id) && i + 1 < s->ntok && word_has(e, s->tok[i + 1].id, WA_CULPRIT);
}

sr_modality sr_modality_of(const sr_coder *c, const sr_sent *s, const sr_trig *t, const clauses *cl)
{
    const sr_engine *e = c->eng;
    const sr_trigger_def *d = tdef(c, t, 0);
    if (s->question)
        return SR_PLANNED;
    size_t a, b;
    clause_span(s, cl, t->s, &a, &b);
    size_t sa = (size_t)soft_span_start(s, cl, t->s);
    /* denied: everything after the denial */
    for (size_t i = 0; i < t->s; i++)
        if (has_cue(s, i, CUE_DENY) && !is_be(e, s->tok[i].id))
            return SR_NEGATED;
    /* "reports of a massacre in the village of Moura were fabricated" */
    if (d->opts & TRG_NOUN)
        for (size_t i = t->e; i < (size_t)t->e + 10 && i < s->ntok && !(s->tok[i].flags & TK_PUNCT); i++)
            if (has_cue(s, i, CUE_DENY) && is_be(e, s->tok[i].id))
                return SR_NEGATED;
    /* alleged, purportedly, unconfirmed */
    for (size_t i = a; i < t->s; i++)
        if (has_cue(s, i, CUE_CLAIM))
            return SR_CLAIMED;
    for (size_t i = t->s; i < (size_t)t->e + 2 && i < s->ntok; i++)
        if (has_cue(s, i, CUE_CLAIM) && i > t->s)
            return SR_CLAIMED;
    /* not, never, no, failed to: close before the word */
    for (size_t i = t->s > 5 ? t->s - 5 : 0; i < t->s; i++) {
        if (i < a)
            continue;
        if (has_cue(s, i, CUE_NEG)) {
            /* "not only" and "no one knows" are not negations of the event */
            if (tok_is(s, i + 1, e->w.only))
                continue;
            if (s->tok[i].id == e->w.without)
                continue;
            /* "No group claimed the blast": the denial is of the claim;
             * the blast, told with "the", happened */
            if ((d->opts & TRG_NOUN) && t->s > 0 && s->tok[t->s - 1].id == e->w.the && i + 1 < t->s &&
                s->tok[i + 1].id != e->w.the && !(has_cue(s, i + 1, CUE_NEG)))
                continue;
            return SR_NEGATED;
        }
    }
    /* will, plans to, preparing, could, if */
    size_t from = (t->s > sa && t->s - sa > 10) ? (size_t)t->s - 10 : sa;
    if (from < a)
        from = a;
    for (size_t i = from; i < t->s; i++) {
        if (has_cue(s, i, CUE_PLAN) || has_cue(s, i, CUE_HYPOTH)) {
            /* "the plans" as a noun far before does not count, "would" in
             * reported speech does */
            return SR_PLANNED;
        }
    }
    /* "More protests are planned for Thursday": a noun a plan follows */
    if (d->opts & TRG_NOUN)
        for (size_t i = t->e; i < (size_t)t->e + 2 && i < s->ntok; i++)
            if (has_cue(s, i, CUE_PLAN) &&
                (tok_is(s, i, e->w.are) || tok_is(s, i, e->w.is) || tok_is(s, i, e->w.planned)))
                return SR_PLANNED;
    /* an infinitive: "the operation to chase Isis from Dashisha"; but
     * "rallied to protest" is the protest, and "used tear gas to
     * disperse them" the dispersal */
    /* (an adverb between: "arrested 12 young men ... to forcibly
     * conscript them") */
    size_t to = t->s > 0 ? t->s - 1 : 0;
    if (to > 0 && s->tok[to].id != e->w.to &&
        (word_has(e, s->tok[to].id, WA_ADVERB) || sr_affix(e, AF_ADVERB, s->tok[to].norm)))
        to--;
    if ((d->opts & TRG_VERB) && d->form == VF_BASE && t->s > 0 && s->tok[to].id == e->w.to &&
        d->cls != EV_PROTEST && d->cls != EV_REPRESS) {
        /* "began to", "managed to": it happened */
        int real = to > 0 && word_has(e, s->tok[to - 1].id, WA_ASPECTUAL);
        if (!real)
            return SR_PLANNED;
    }
    /* "depending on them to participate in the battles"; not what one is
     * held to be: "The Gran Grif gang is believed to be behind the attack" */
    if (d->opts & TRG_NOUN) {
        for (size_t i = t->s > 5 ? (size_t)t->s - 5 : 0; i + 1 < t->s; i++)
            if (s->tok[i].id == e->w.to && (s->tok[i + 1].flags & TK_ALPHA) && s->tok[i + 1].id != e->w.the &&
                s->tok[i + 1].id != e->w.a && s->owner[i + 1] < 0 && !(s->tok[i + 1].flags & TK_CAP) &&
                !used_to_do(e, s, i) && !held_culprit(e, s, i + 1))
                return SR_PLANNED;
    }
    /* "before launching the attack"; not after a deed its doer did
     * first: "The militants first detonated a car bomb at the gate of the
     * base before storming it" */
    if (t->s > 0) {
        for (size_t i = t->s > 3 ? t->s - 3 : 0; i < t->s; i++)
            if (s->tok[i].id == e->w.before && i + 1 < s->ntok && s->tok[i + 1].nlen > 3 &&
                sr_affix(e, AF_GERUND, s->tok[i + 1].norm) && !deed_before(c, s, i))
                return SR_PLANNED;
    }
    return SR_ASSERTED;
}

/* ---- fatalities ------------------------------------------------------------- */

static size_t nation_adj_end(const sr_sent *s, size_t i);

/* Whether token i is a word for people: an agent's last word or a word of
 * words.txt PERSON_HEAD or PEOPLE ("civilians", "villagers"). */
static int people_word_at(const sr_engine *e, const sr_sent *s, size_t i)
{
    if (s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_AGENT && s->m[s->owner[i]].end == i + 1)
        return 1;
    return word_has(e, s->tok[i].id, WA_PERSON_HEAD) || word_has(e, s->tok[i].id, WA_PEOPLE);
}

/* "of the People's Protection Units (YPG)" at k: where the group named
 * after "of" (past "the", with its short name in brackets) ends; k when
 * there is none. */
static size_t group_of_after(const sr_engine *e, const sr_sent *s, size_t k)
{
    if (k + 1 >= s->ntok || !tok_is(s, k, e->w.of))
        return k;
    size_t j = k + 1 + (tok_is(s, k + 1, e->w.the) ? 1 : 0);
    if (j >= s->ntok || s->owner[j] < 0 || s->m[s->owner[j]].start != j ||
        (s->m[s->owner[j]].kind != PH_ACTOR && s->m[s->owner[j]].kind != PH_AGENT))
        return k;
    size_t end = s->m[s->owner[j]].end;
    if (end + 2 < s->ntok && sr_tok_eq(&s->tok[end], "(") && sr_tok_eq(&s->tok[end + 2], ")"))
        end += 3;
    return end;
}

/* "of the Special Task Force" from i to the noun phrase's end: "of", then
 * a named group or force (past "the") that ends the phrase. */
static int force_of_one(const sr_engine *e, const sr_sent *s, size_t i, size_t np_end)
{
    if (i + 1 >= np_end || !tok_is(s, i, e->w.of))
        return 0;
    /* (past "the", unless a name starts with it: "of the regime forces",
     * agents.txt "the regime") */
    size_t j = i + 1 + (tok_is(s, i + 1, e->w.the) && !(s->owner[i + 1] >= 0 && s->m[s->owner[i + 1]].start == i + 1) ? 1 : 0);
    /* ("of the local vigilante group": a word that describes it) */
    while (j + 1 < np_end && s->owner[j] < 0 && (s->tok[j].flags & TK_ALPHA) && !(s->tok[j].flags & TK_CAP) &&
           j < i + 4)
        j++;
    if (j >= np_end || s->owner[j] < 0 || s->m[s->owner[j]].start != j ||
        (s->m[s->owner[j]].kind != PH_ACTOR && s->m[s->owner[j]].kind != PH_AGENT))
        return 0;
    /* (its short name in brackets after it: "A member of the Syrian
     * Democratic Forces (SDF) was killed") */
    size_t me = s->m[s->owner[j]].end;
    /* (or a word after it the name left out: "of the regime forces",
     * agents.txt "the regime" then "forces") */
    if (me + 1 == np_end && (s->tok[me].flags & TK_ALPHA) && !(s->tok[me].flags & TK_CAP) &&
        (s->owner[me] < 0 || s->m[s->owner[me]].kind == PH_AGENT))
        return 1;
    return me == np_end ||
           (me + 2 < np_end && np_end - me <= 4 && sr_tok_eq(&s->tok[me], "(") && sr_tok_eq(&s->tok[np_end - 1], ")"));
}

/* A quantity at token i, also "a"/"an" before a person: "killed a
 * journalist", "a shepherd was killed" count one. Not "a group of
 * militants": the person must come before any "of"; with np_end set, the
 * person must end the noun phrase there (not "an army checkpoint"). */
static size_t read_count(const sr_coder *c, const sr_sent *s, size_t i, size_t np_end, sr_number *num)
{
    size_t u = sr_read_quantity(s->tok, s->ntok, i, num);
    const sr_engine *e = c->eng;
    /* "killed 17-year-old Ahmed": an age is no count */
    if (u == 1 && age_at(e, s, i))
        return 0;
    if (u || i >= s->ntok)
        return u;
    const char *w = s->tok[i].norm;
    /* "Five Chinese engineers and their Pakistani driver were killed", "A
     * police officer and his wife were killed": one of someone's kin ends
     * the phrase (words.txt KIN_ONE) */
    if (np_end != (size_t)-1 && (is_det_word(e, &s->tok[i]) || word_has(e, s->tok[i].id, WA_PRONOUN)) && i + 1 < s->ntok) {
        size_t kin = nation_adj_end(s, i + 1);
        if (kin + 1 == np_end && word_has(e, s->tok[kin].id, WA_KIN_ONE)) {
            memset(num, 0, sizeof *num);
            num->value = 1;
            return 1;
        }
    }
    if (!(w[0] == 'a' && (w[1] == 0 || (w[1] == 'n' && w[2] == 0))))
        return 0;
    /* "a 45-year-old farmer": the age describes the one counted */
    size_t age = age_at(e, s, i + 1);
    for (size_t k = i + 1 + age; k < s->ntok && k <= i + 4 + age; k++) {
        if (s->tok[k].id == e->w.of || (s->tok[k].flags & TK_PUNCT))
            return 0;
        /* "a day after gunmen killed ...": the phrase ended before them */
        uint32_t id = s->tok[k].id;
        if (id && (id == e->w.after || id == e->w.before || id == e->w.in || id == e->w.on || id == e->w.at ||
                   id == e->w.by || id == e->w.and_ || id == e->w.with || id == e->w.from || id == e->w.to ||
                   id == e->w.for_ || id == e->w.near || id == e->w.during || id == e->w.against || id == e->w.that))
            return 0;
        /* "a senior al-Qaeda commander", "an ISIS member", "a senior
         * officer": words that describe the person, then the person */
        /* (and after the verb, "killing an officer": one) */
        /* (and before the verb, the person ending the phrase, or the
         * force named after "of": "An officer was killed", "A member of
         * the local vigilante group was shot dead") */
        /* (a person's word that names a force's man too, before its
         * force: "A soldier of the regime forces was killed") */
        int force_man = s->owner[k] >= 0 && s->m[s->owner[k]].kind == PH_AGENT && s->m[s->owner[k]].start == k &&
                        s->m[s->owner[k]].end == k + 1 && np_end != (size_t)-1 && force_of_one(e, s, k + 1, np_end);
        if ((force_man || (s->owner[k] < 0 && (np_end == (size_t)-1 || np_end == k + 1 || force_of_one(e, s, k + 1, np_end)))) &&
            word_has(e, s->tok[k].id, WA_PERSON_HEAD)) {
            int described = 1;
            for (size_t q = i + 1 + age; q < k && described; q++)
                /* "a civilian driver": an agent's word describes too */
                /* (and a nation's adjective: "a Russian instructor") */
                described = (s->owner[q] >= 0 && (s->m[s->owner[q]].kind == PH_ACTOR || s->m[s->owner[q]].kind == PH_AGENT ||
                                                  s->m[s->owner[q]].kind == PH_COUNTRY)) ||
                            (s->owner[q] < 0 && (s->tok[q].flags & TK_ALPHA) && !(s->tok[q].flags & TK_CAP));
            if (described) {
                memset(num, 0, sizeof *num);
                num->value = 1;
                return 1;
            }
        }
        /* (four words on only past a group's name: "a senior Islamic
         * State official") */
        if (k > i + 3 + age && !(s->owner[k - 1] >= 0 && s->m[s->owner[k - 1]].kind == PH_ACTOR))
            break;
        /* "shot dead a Palestinian in Nablus": one of a people */
        if (k == i + 1 + age && s->owner[k] >= 0 && s->m[s->owner[k]].kind == PH_COUNTRY &&
            (s->m[s->owner[k]].flags & PF_ADJ) && s->m[s->owner[k]].start == k &&
            one_of_a_people(e, s, k, s->m[s->owner[k]].end)) {
            memset(num, 0, sizeof *num);
            num->value = 1;
            return 1;
        }
        if (s->owner[k] >= 0 && s->m[s->owner[k]].kind == PH_AGENT) {
            size_t ae = s->m[s->owner[k]].end;
            /* "a civilian driver": one agent's word describing another */
            if (np_end != (size_t)-1 && ae < np_end && ae < s->ntok && s->owner[ae] >= 0 &&
                s->m[s->owner[ae]].kind == PH_AGENT && s->m[s->owner[ae]].end == np_end)
                continue;
            /* (or ends it with the force the one belongs to: "A jawan
             * of the Special Task Force was also killed") */
            if (np_end != (size_t)-1 && ae != np_end && !force_of_one(e, s, ae, np_end))
                return 0;
            memset(num, 0, sizeof *num);
            num->value = 1;
            /* "a family of five" */
            size_t pe = s->m[s->owner[k]].end;
            sr_number of;
            if (pe + 1 < s->ntok && s->tok[pe].id == e->w.of && sr_read_quantity(s->tok, s->ntok, pe + 1, &of) &&
                !of.vague && !of.is_year)
                num->value = of.value;
            return 1;
        }
        /* "A Palestinian was shot dead": a people's name for one of them */
        if (k == i + 1 && s->owner[k] >= 0 && s->m[s->owner[k]].kind == PH_COUNTRY &&
            (s->m[s->owner[k]].flags & PF_ADJ)) {
            size_t ce = s->m[s->owner[k]].end;
            if (ce >= s->ntok || is_be(e, s->tok[ce].id) || (np_end != (size_t)-1 && ce == np_end)) {
                memset(num, 0, sizeof *num);
                num->value = 1;
                return 1;
            }
        }
    }
    return 0;
}

/* Sum of the counts in a noun phrase list ending before token `end`:
 * "Six militants and four Somali soldiers". */
/* read_count at the positions count_before walks over: each is asked up to
 * four times (as the start of a quantity ending at each of the next four
 * tokens), and read once. */
typedef struct count_memo {
    size_t base;
    uint32_t done;
    size_t used[24];
    sr_number num[24];
} count_memo;

static size_t memo_count(const sr_coder *c, const sr_sent *s, size_t i, size_t np_end, count_memo *m, sr_number *num)
{
    size_t k = i - m->base;
    if (i < m->base || k >= 24)
        return read_count(c, s, i, np_end, num);
    if (!(m->done >> k & 1)) {
        m->used[k] = read_count(c, s, i, np_end, &m->num[k]);
        m->done |= 1u << k;
    }
    *num = m->num[k];
    return m->used[k];
}

static size_t person_named_end(const sr_engine *e, const sr_sent *s, size_t i, int *told_out);

static long count_before(const sr_coder *c, const sr_sent *s, size_t end, int *found)
{
    const sr_engine *e = c->eng;
    /* skip the auxiliaries and adverbs: "were reportedly", "have been" */
    size_t j = end;
    while (j > 0 && (is_be(e, s->tok[j - 1].id) || is_adverb_like(e, &s->tok[j - 1]) || s->tok[j - 1].id == e->w.have ||
                     s->tok[j - 1].id == e->w.has || s->tok[j - 1].id == e->w.had || is_quote_mark(&s->tok[j - 1])))
        j--;
    /* "Eleven people, including three children, died": the part told
     * between commas is passed over */
    if (j > 1 && sr_tok_eq(&s->tok[j - 1], ",")) {
        for (size_t q = j - 1; q > 1 && j - 1 - q < 10; q--) {
            if (sr_tok_eq(&s->tok[q], ",") && q != j - 1)
                break;
            if ((s->tok[q].id == e->w.including || s->tok[q].id == e->w.among) && sr_tok_eq(&s->tok[q - 1], ",")) {
                j = q - 1;
                break;
            }
        }
    }
    /* "All six terrorists involved in the attack were sent to hell": what
     * says who they were (words.txt REFERENT) and its happening's noun
     * are passed over */
    for (size_t q = j > 6 ? j - 6 : 1; q + 1 < j; q++)
        if (word_has(e, s->tok[q].id, WA_REFERENT) && mention_ending_at(s, q) >= 0 && s->owner[j - 1] >= 0 &&
            s->m[s->owner[j - 1]].kind == PH_TRIGGER) {
            j = q;
            break;
        }
    /* "Nine militants in all were killed" */
    if (j > 2 && word_has(e, s->tok[j - 1].id, WA_WHOLE) && tok_is(s, j - 2, e->w.in))
        j -= 2;
    else if (j > 1 && j < end && tok_is(s, j - 1, e->w.in) && word_has(e, s->tok[j].id, WA_WHOLE))
        j -= 1; /* ("all" read as an adverb and passed over) */
    /* "five residents of the Cite Soleil slum in Port-au-Prince died": the
     * place the counted people are from is passed over */
    /* (not a day told before the place: "on February 9 in Naypyidaw") */
    for (size_t k = 0; k < s->npm; k++)
        if (s->pm[k].e == j && s->pm[k].s >= 2 &&
            (tok_is(s, s->pm[k].s - 1, e->w.in) || tok_is(s, s->pm[k].s - 1, e->w.at))) {
            size_t b = s->pm[k].s - 1;
            int day = 0;
            for (size_t q = 0; q < s->ntx && !day; q++)
                day = s->tx[q].s < b && s->tx[q].e >= b;
            if (!day)
                j = b;
            break;
        }
    /* walk back over the noun phrase(s), reading numbers */
    long total = 0;
    *found = 0;
    size_t lim = j > 14 ? j - 14 : 0;
    size_t i = j;
    int people = 0, vague = 0;
    count_memo memo;
    memo.base = lim > 4 ? lim - 4 : 0;
    memo.done = 0;
    size_t np_end = j; /* where the noun phrase being counted ends */
    while (i > lim) {
        i--;
        const sr_token *t = &s->tok[i];
        if ((t->flags & TK_PUNCT) && !sr_tok_eq(t, "(") && !sr_tok_eq(t, ")"))
            break;
        /* "date 2023-03-29 Rebels killed nine soldiers": numbers glued
         * by hyphens into a date count nobody */
        if ((t->flags & TK_NUM) && (t->flags & TK_HYPH) && i >= 2 && (s->tok[i - 1].flags & TK_NUM) &&
            (s->tok[i - 1].flags & TK_HYPH) && (s->tok[i - 2].flags & TK_NUM))
            break;
        if (has_cue(s, i, CUE_REPORT) || (s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_TRIGGER))
            break;
        /* "At least 12 civilians sheltering in a Buddhist monastery were
         * killed": the words of an "-ing" phrase after the counted noun
         * say where they were; the count is before it */
        if ((t->id == e->w.in || t->id == e->w.on || t->id == e->w.at) && i >= 2 && i + 6 >= j &&
            sr_affix(e, AF_GERUND, s->tok[i - 1].norm) && s->owner[i - 1] < 0 && s->tok[i - 1].nlen > 5 &&
            (s->tok[i - 2].flags & TK_ALPHA) && people_word_at(e, s, i - 2)) {
            i--;
            np_end = i;
            memo.done = 0;
            continue;
        }
        if (t->id == e->w.in || t->id == e->w.on || t->id == e->w.at || t->id == e->w.by || t->id == e->w.that)
            break;
        if (has_cue(s, i, CUE_NONHUMAN) && !people)
            return 0;
        if (s->owner[i] >= 0 && (s->m[s->owner[i]].kind == PH_AGENT || s->m[s->owner[i]].kind == PH_ACTOR))
            people = 1;
        if ((t->flags & TK_WORD) && (t->flags & TK_ALPHA) && t->id == e->w.people)
            people = 1;
        sr_number num = {0};
        /* the start of a quantity ending here */
        size_t used = 0;
        size_t qs = i;
        for (size_t back = 0; back < 4 && i >= back; back++) {
            sr_number tmp;
            size_t u = memo_count(c, s, i - back, np_end, &memo, &tmp);
            if (u && i - back + u == i + 1) {
                used = u;
                qs = i - back;
                num = tmp;
            }
        }
        if (used) {
            if (num.is_year)
                break;
            /* "13 civilians including two volunteers": a part of a
             * count told before it */
            if (!num.vague && qs > 0 && (s->tok[qs - 1].id == e->w.including || s->tok[qs - 1].id == e->w.among)) {
                i = qs - 1;
                continue;
            }
            /* "at least 17 soldiers and dozens of militants were killed":
             * the number told is the toll's floor; "dozens" alone is
             * known to be vague */
            if (num.vague)
                vague = 1;
            else {
                total += num.value;
                *found = 1;
            }
            i = qs;
            /* "and" joins another counted group, a phrase of its own: "A
             * woman and three children" */
            if (i > 0 && (s->tok[i - 1].id == e->w.and_ || sr_tok_eq(&s->tok[i - 1], ","))) {
                i--;
                np_end = i;
                memo.done = 0;
                continue;
            }
            break;
        }
    }
    if (!*found && vague) {
        *found = 2;
        return -1;
    }
    /* "Ecuadorian presidential candidate Fernando Villavicencio was shot
     * dead": one person, named with a word for a person, right before */
    for (size_t b = j > 8 ? j - 8 : 0; !*found && b + 2 <= j; b++) {
        int told = 0;
        if (person_named_end(e, s, b, &told) == j && told && (b == 0 || !(s->tok[b - 1].flags & TK_NUM))) {
            *found = 1;
            return 1;
        }
    }
    return total;
}

/* Where a nation's adjective starting at i ends ("an Afghan", "their
 * Pakistani driver"); i when none starts there. */
static size_t nation_adj_end(const sr_sent *s, size_t i)
{
    if (i >= s->ntok || s->owner[i] < 0)
        return i;
    const sr_match *m = &s->m[s->owner[i]];
    return m->kind == PH_COUNTRY && (m->flags & PF_ADJ) && m->start == i ? m->end : i;
}

/* "killed nine militants", "killing four of its fighters", "killed at
 * least four protesters" */
/* "killed two U.S. service members, a Defense Department civilian and a
 * contractor": the ones listed after the count, from the comma that ends
 * its phrase (j is past the count); 0 when no such list follows. */
static long listed_after(const sr_coder *c, const sr_sent *s, size_t j)
{
    const sr_engine *e = c->eng;
    size_t k = j;
    while (k < s->ntok && k < j + 5 && !(s->tok[k].flags & TK_PUNCT) && s->tok[k].id != e->w.and_)
        k++;
    if (k >= s->ntok || !sr_tok_eq(&s->tok[k], ","))
        return 0;
    long add = 0;
    int items = 0, last_and = 0;
    while (k < s->ntok && items < 4 && (sr_tok_eq(&s->tok[k], ",") || s->tok[k].id == e->w.and_)) {
        size_t st = k + 1;
        int and_ = s->tok[k].id == e->w.and_;
        if (st < s->ntok && !and_ && s->tok[st].id == e->w.and_) {
            st++;
            and_ = 1;
        }
        if (st >= s->ntok || (s->tok[st].id != e->w.a && s->tok[st].id != e->w.an))
            break;
        /* one person: "a" and, within four words, a word for one */
        size_t h = st + 1, end = 0;
        for (; h < s->ntok && h < st + 5; h++) {
            if ((s->tok[h].flags & TK_PUNCT) || s->tok[h].id == e->w.and_)
                break;
            if ((s->owner[h] >= 0 && s->m[s->owner[h]].kind == PH_AGENT) || word_has(e, s->tok[h].id, WA_PERSON_HEAD))
                end = h + 1;
        }
        if (!end || (end < s->ntok && !(s->tok[end].flags & TK_PUNCT) && s->tok[end].id != e->w.and_ &&
                     s->owner[end] < 0 && (s->tok[end].flags & TK_ALPHA) && !(s->tok[end].flags & TK_CAP) &&
                     s->tok[end].id != e->w.in && s->tok[end].id != e->w.on && s->tok[end].id != e->w.at &&
                     s->tok[end].id != e->w.near && s->tok[end].id != e->w.during))
            break;
        add++;
        items++;
        last_and = and_;
        k = end;
    }
    /* a list that ends as lists do, with "and" before its last, and no
     * one speaking after it (not "killed 26 people, a health official and
     * residents said") */
    if (!items || !last_and || (k < s->ntok && has_cue(s, k, CUE_REPORT)))
        return 0;
    return add;
}

/* "shot dead journalist Ahmed Musa", "killed 17-year-old Ahmed Musa",
 * "killed Ahmed Musa, 45,", "killed Ahmed Musa, a farmer,": one person,
 * named, and told of by a word for a person, an age or a description
 * (a name alone may be a place's or a group's). */
/* Where the name of one person told at i ends ("journalist Ahmed Musa",
 * "17-year-old Ahmed Musa"), or 0; *told: a word for the person came. */
static size_t person_named_end(const sr_engine *e, const sr_sent *s, size_t i, int *told_out)
{
    size_t n = s->ntok, q = i + age_at(e, s, i);
    int told = q > i;
    /* ("senior Hezbollah commander Ibrahim Aqil": a rank's word, then the
     * group whose the person is, before the person's word) */
    size_t g = q;
    if (g + 1 < n && (s->tok[g].flags & TK_ALPHA) && !(s->tok[g].flags & TK_CAP) && s->owner[g] < 0 &&
        !has_cue(s, g, CUE_PERSON) && s->owner[g + 1] >= 0 && s->m[s->owner[g + 1]].kind == PH_ACTOR)
        g++;
    if (g < n && s->owner[g] >= 0 && s->m[s->owner[g]].kind == PH_ACTOR && s->m[s->owner[g]].start == g &&
        s->m[s->owner[g]].end < n && has_cue(s, s->m[s->owner[g]].end, CUE_PERSON))
        q = s->m[s->owner[g]].end;
    /* ("Kurdish politician Hevrin Khalaf": a people's word before) */
    size_t adj = q < n && s->owner[q] >= 0 && s->m[s->owner[q]].start == q && (s->m[s->owner[q]].flags & PF_ADJ)
                     ? s->m[s->owner[q]].end
                 : q < n && s->owner[q] < 0 && (s->tok[q].flags & TK_CAP) && (s->tok[q].flags & TK_ALPHA) ? q + 1
                                                                                                       : 0;
    if (adj && adj < n &&
        (has_cue(s, adj, CUE_PERSON) || (s->owner[adj] >= 0 && s->m[s->owner[adj]].kind == PH_AGENT &&
                                         s->m[s->owner[adj]].start == adj)))
        q = adj;
    if (q < n && s->owner[q] >= 0 && s->m[s->owner[q]].kind == PH_AGENT && s->m[s->owner[q]].start == q) {
        const sr_token *last = &s->tok[s->m[s->owner[q]].end - 1];
        if (last->nlen > 2 && last->norm[last->nlen - 1] == 's')
            return 0; /* "journalists ...": more than one */
        q = s->m[s->owner[q]].end;
        told = 1;
    } else if (q < n && has_cue(s, q, CUE_PERSON) && cue_end(s, q, CUE_PERSON) == q + 1) {
        q++;
        told = 1;
    }
    size_t b = q;
    while (q < n && q < b + 4 && (s->tok[q].flags & TK_CAP) && (s->tok[q].flags & TK_ALPHA) && s->owner[q] < 0)
        q++;
    *told_out = told;
    return q < b + 2 ? 0 : q;
}

/* Whether the person named, ending at q (person_named_end), is one alone. */
static int named_alone(const sr_engine *e, const sr_sent *s, size_t q, int told)
{
    size_t n = s->ntok;
    /* (not "killed Ahmed Musa and ...": a list, or more after) */
    if (q < n && (tok_is(s, q, e->w.and_) || (s->tok[q].flags & TK_CAP)))
        return 0;
    if (told)
        return 1;
    sr_number num;
    return q + 2 < n && sr_tok_eq(&s->tok[q], ",") &&
           ((sr_read_number(s->tok, n, q + 1, &num) == 1 && !num.vague && sr_tok_eq(&s->tok[q + 2], ",")) ||
            tok_is(s, q + 1, e->w.a) || tok_is(s, q + 1, e->w.an));
}

int one_named(const sr_engine *e, const sr_sent *s, size_t i)
{
    int told = 0;
    size_t q = person_named_end(e, s, i, &told);
    return q && named_alone(e, s, q, told);
}

static long count_after(const sr_coder *c, const sr_sent *s, size_t from, int *found)
{
    const sr_engine *e = c->eng;
    *found = 0;
    size_t i = from;
    /* "it had 'neutralised' 12 assailants": the quote that sets off the
     * verb is no word between it and its count */
    while (i + 1 < s->ntok && is_quote_mark(&s->tok[i]))
        i++;
    sr_number whole;
    if (i + 1 < s->ntok && word_has(e, s->tok[i].id, WA_WHOLE) && sr_read_quantity(s->tok, s->ntok, i + 1, &whole))
        i++;
    if (i < s->ntok && (s->tok[i].id == e->w.the || s->tok[i].id == e->w.of))
        i++;
    if (i + 1 < s->ntok && s->tok[i].id == e->w.lives && s->tok[i + 1].id == e->w.of)
        i += 2;
    if (tok_is(s, i, e->w.of))
        i++;
    /* "a suicide bomber killed himself and 12 others": the bomber is
     * one of the dead */
    int self = 0;
    if (i + 2 < s->ntok && word_has(e, s->tok[i].id, WA_REFLEXIVE) && tok_is(s, i + 1, e->w.and_)) {
        self = 1;
        i += 2;
    }
    sr_number num;
    size_t used = read_count(c, s, i, (size_t)-1, &num);
    /* "a Russian drone struck a car ..., killing its driver": one person
     * of whom there is one (words.txt KIN_ONE); "killed a mother and her
     * three children": and the count after it */
    if (!used && !self && i + 1 < s->ntok && (word_has(e, s->tok[i].id, WA_PRONOUN) || is_det_word(e, &s->tok[i])) &&
        word_has(e, s->tok[i + 1].id, WA_KIN_ONE)) {
        *found = 1;
        sr_number more;
        size_t u = 0;
        if (i + 4 < s->ntok && tok_is(s, i + 2, e->w.and_) &&
            (is_det_word(e, &s->tok[i + 3]) || word_has(e, s->tok[i + 3].id, WA_PRONOUN)))
            u = sr_read_quantity(s->tok, s->ntok, i + 4, &more);
        return u && !more.vague && !more.is_year ? 1 + more.value : 1;
    }
    int told = 0;
    size_t pe = !used && !self ? person_named_end(e, s, i, &told) : 0;
    if (pe && named_alone(e, s, pe, told)) {
        *found = 1;
        return 1;
    }
    /* "executed Kurdish politician Hevrin Khalaf and at least eight other
     * civilians": a person named and a count after "and" */
    sr_number others;
    if (pe && told && pe + 1 < s->ntok && tok_is(s, pe, e->w.and_) && read_count(c, s, pe + 1, (size_t)-1, &others) &&
        !others.vague && !others.is_year) {
        *found = 1;
        return 1 + others.value;
    }
    if (!used)
        return 0;
    if (self && !num.vague && !num.is_year) {
        *found = 1;
        return num.value + 1;
    }
    if (num.vague) {
        *found = 2;
        return -1;
    }
    if (num.is_year)
        return 0;
    size_t j = i + used;
    /* what is counted must be people, not vehicles */
    for (size_t k = j; k < s->ntok && k < j + 4; k++) {
        if (has_cue(s, k, CUE_NONHUMAN))
            return 0;
        if (has_cue(s, k, CUE_INJURE))
            return 0;
        /* the counted noun found: "15 residents and burning homes" */
        if ((s->tok[k].flags & TK_PUNCT) || s->tok[k].id == c->eng->w.and_ ||
            (s->owner[k] >= 0 && (s->m[s->owner[k]].kind == PH_AGENT || s->m[s->owner[k]].kind == PH_ACTOR)) ||
            (k < s->ntok && word_has(e, s->tok[k].id, WA_PEOPLE)))
            break;
    }
    *found = 1;
    /* "killing five soldiers and 13 militants": the dead of both sides */
    for (size_t k = j, lim = j + 5; k < s->ntok && k < lim; k++) {
        /* (past the group they were of: "killing a senior commander of the
         * People's Protection Units (YPG) and his driver") */
        size_t past = group_of_after(e, s, k);
        if (past > k) {
            lim += past - k;
            k = past - 1;
            continue;
        }
        if (s->tok[k].flags & TK_PUNCT)
            break;
        if (s->tok[k].id != e->w.and_)
            continue;
        sr_number more;
        /* "killing three Spaniards and an Afghan": one of a nation, told
         * by its adjective alone */
        if (k + 2 < s->ntok && (s->tok[k + 1].id == e->w.a || s->tok[k + 1].id == e->w.an)) {
            size_t after = nation_adj_end(s, k + 2);
            if (after > k + 2 && (after >= s->ntok || (s->tok[after].flags & TK_PUNCT)))
                return num.value + 1;
        }
        /* "a woman and her two children" */
        size_t st = k + 1;
        size_t u = read_count(c, s, st, (size_t)-1, &more);
        if (!u && st + 1 < s->ntok && (is_det_word(e, &s->tok[st]) || word_has(e, s->tok[st].id, WA_PRONOUN)))
            u = sr_read_quantity(s->tok, s->ntok, ++st, &more);
        /* "a police officer and his wife" (and "five Chinese nationals and
         * their Pakistani driver": a nation's adjective between) */
        size_t kin = nation_adj_end(s, st);
        if (!u && kin < s->ntok && word_has(e, s->tok[kin].id, WA_KIN_ONE) &&
            (is_det_word(e, &s->tok[st - 1]) || word_has(e, s->tok[st - 1].id, WA_PRONOUN)))
            return num.value + 1;
        size_t h = st + u;
        /* "and a civilian driver": one word may describe the counted */
        for (size_t hh = h; u && !more.vague && !more.is_year && hh < s->ntok && hh < h + 4; hh++) {
            /* (or a person's word: "and a Russian instructor") */
            if ((s->owner[hh] >= 0 && s->m[s->owner[hh]].kind == PH_AGENT) || word_has(e, s->tok[hh].id, WA_PEOPLE) ||
                (s->owner[hh] < 0 && word_has(e, s->tok[hh].id, WA_PERSON_HEAD)))
                return num.value + more.value;
            /* "and two SDF fighters": a group's members are people */
            if (s->owner[hh] >= 0 && s->m[s->owner[hh]].kind == PH_ACTOR)
                return num.value + more.value;
            /* "killing 13 U.S. troops and at least 60 Afghans": a people's
             * name in the plural is people */
            if (s->owner[hh] >= 0 && s->m[s->owner[hh]].kind == PH_COUNTRY && (s->m[s->owner[hh]].flags & PF_ADJ) &&
                plural_people(&s->tok[s->m[s->owner[hh]].end - 1]))
                return num.value + more.value;
            /* "and 13 U.S. troops": a country's name describes too */
            if (s->owner[hh] >= 0 && s->m[s->owner[hh]].kind == PH_COUNTRY) {
                hh = s->m[s->owner[hh]].end - 1;
                continue;
            }
            if (s->owner[hh] >= 0 || !(s->tok[hh].flags & TK_ALPHA) || (s->tok[hh].flags & TK_CAP))
                break;
        }
        break;
    }
    return num.value + listed_after(c, s, j);
}

/* Deaths reported in the sentence for the trigger at t (or for the killing
 * word k). -1 when none is given. */
static long fatalities_for(const sr_coder *c, const sr_sent *s, const sr_trig *kill)
{
    const sr_engine *e = c->eng;
    if (!kill)
        return -1;
    int found = 0;
    const sr_trigger_def *d = tdef(c, kill, 0);
    uint32_t wid = s->tok[kill->s].id;
    /* "said 31 of the dead were from the Turkish-backed Syrian National
     * Army and six from the SDF": a part of dead told before, no toll */
    if ((d->opts & TRG_NOUN) && kill->s >= 3 && tok_is(s, kill->s - 1, e->w.the) && tok_is(s, kill->s - 2, e->w.of)) {
        for (size_t back = 3; back <= 5 && back <= kill->s; back++) {
            sr_number part;
            if (sr_read_quantity(s->tok, s->ntok, kill->s - back, &part) == back - 2)
                return -1;
        }
    }
    /* "eight members of the security forces were among the dead", "two
     * children were among those killed": a part of a toll told before */
    if (kill->s >= 2 && tok_is(s, kill->s - 2, e->w.among) && word_has(e, s->tok[kill->s - 1].id, WA_DEMONSTRATIVE))
        return -1;
    /* "A mob beat a man to death", "hacked two farmers to death": the
     * dead are the verb's object, told before "to" */
    if (word_has(e, wid, WA_TOLL) && kill->s >= 2 && tok_is(s, kill->s - 1, e->w.to) && kill->e == kill->s + 1) {
        long v = count_before(c, s, kill->s - 1, &found);
        if (found == 1)
            return v;
    }
    /* "death toll rose to 13", "claiming the lives of 300" */
    if (word_has(e, wid, WA_TOLL) || sr_affix(e, AF_CLAIM, s->tok[kill->s].norm)) {
        /* "the death toll from Tuesday's attack on a church in Kasindi
         * has risen to 17": further on, only a count after "to" or "at" */
        /* (and "The death toll from a suicide bombing at a mosque inside a
         * police compound in the Pakistani city of Peshawar rose to 100":
         * the toll's own count may come far on, after its verb) */
        /* (past a mark, too: "The toll is heavy," one source said) */
        size_t reach = word_has(e, wid, WA_TOLL) ? 26 : 16;
        int marked = 0;
        for (size_t i = kill->e; i < s->ntok && i < (size_t)kill->e + reach; i++) {
            marked |= i > kill->e && (s->tok[i - 1].flags & TK_PUNCT) && !(s->tok[i - 1].flags & TK_NUM);
            if ((i >= (size_t)kill->e + 6 || marked) &&
                !(word_has(e, wid, WA_TOLL) && i > 0 && (s->tok[i - 1].id == e->w.to || s->tok[i - 1].id == e->w.at)))
                continue;
            long v = count_after(c, s, i, &found);
            if (found == 1)
                return v;
            if (found == 2)
                return -1;
        }
    }
    /* "five civilians were killed and wounded by a landmine": one count
     * of the dead and the hurt together, no death toll */
    size_t after = kill->e;
    if (after + 1 < s->ntok && (s->tok[after].id == e->w.and_ || s->tok[after].id == e->w.or_) &&
        has_cue(s, after + 1, CUE_INJURE))
        return -1;
    /* "two gunmen killed a soldier": the dead follow an active "killed",
     * the count before it is of the killers */
    if (!kill->passive && wid == e->w.killed) {
        long v = count_after(c, s, kill->e, &found);
        if (found == 1)
            return v;
        if (found == 2)
            return -1;
    }
    if (kill->passive || (d->opts & TRG_VICTIM_SUBJ) || wid == e->w.dead || wid == e->w.killed ||
        (d->opts & TRG_NOUN)) {
        long v = count_before(c, s, kill->s, &found);
        if (found == 1)
            return v;
        if (found == 2)
            return -1;
    }
    /* a verb, or a word read as a noun that is followed by its count:
     * ", killing at least eight people" */
    if (!kill->passive) {
        long v = count_after(c, s, kill->e, &found);
        if (found == 1)
            return v;
        if (found == 2)
            return -1;
    }
    /* "left one woman and four children dead": the counts between */
    if (wid == e->w.dead && kill->s >= 3) {
        long sum = 0;
        size_t i = kill->s;
        while (i > 0 && kill->s - i < 12 && !word_has(e, s->tok[i - 1].id, WA_LEAVE) &&
               ((s->tok[i - 1].flags & (TK_ALPHA | TK_NUM)) || sr_tok_eq(&s->tok[i - 1], ",")))
            i--;
        if (i > 0 && word_has(e, s->tok[i - 1].id, WA_LEAVE)) {
            for (size_t j = i; j < kill->s; j++) {
                sr_number num;
                size_t u = sr_read_quantity(s->tok, s->ntok, j, &num);
                if (u && !num.vague && !num.is_year) {
                    sum += num.value;
                    j += u - 1;
                }
            }
            if (sum > 0)
                return sum;
        }
    }
    /* "left 13 dead" */
    if (wid == e->w.dead && kill->s >= 2) {
        sr_number num;
        for (size_t back = 1; back <= 3 && kill->s >= back; back++) {
            size_t u = sr_read_quantity(s->tok, s->ntok, kill->s - back, &num);
            if (u == back && !num.vague)
                return num.value;
        }
    }
    (void)e;
    return -1;
}

/* Whether a word of sequence ("after", "before", "in retaliation for";
 * words.txt SEQUENCE) stands between tokens a and b (either order): what
 * lies across it is another happening. */
int after_between(const sr_engine *e, const sr_sent *s, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    for (size_t i = lo; i < hi && i < s->ntok; i++)
        if (word_has(e, s->tok[i].id, WA_SEQUENCE))
            return 1;
    return 0;
}

/* Whether mentions a and b name the same side ("ISIS cells attacked their
 * checkpoint": "their" read as ISIS). */
int same_entity(const sr_sent *s, int a, int b)
{
    return a >= 0 && b >= 0 && s->men[a].ent == s->men[b].ent;
}

/* Whether token i lies in a grievance's words ("against the killing of
 * a local elder by unknown gunmen last week"): a grievance word
 * (words.txt GRIEVANCE) before it in its phrase, no comma between. */
static int in_grievance(const sr_engine *e, const sr_sent *s, size_t i)
{
    for (size_t q = i; q > 0 && i - q < 12; q--) {
        if (s->tok[q - 1].flags & TK_PUNCT)
            return 0;
        if (word_has(e, s->tok[q - 1].id, WA_GRIEVANCE))
            return 1;
    }
    return 0;
}

/* ", leaving three gunmen dead": a toll told at the end of its clause,
 * after a comma and a word of leaving (words.txt LEAVE), however long the
 * telling before it ("clashed with gunmen affiliated with the National
 * Defence Forces in the town of Dhiban in the eastern Deir ez-Zor
 * countryside on Sunday, leaving three gunmen dead"; the counted words
 * up to ten: "leaving three tribal fighters and two SDF members dead"). */
static int leaving_tail(const sr_engine *e, const sr_sent *s, const sr_trig *u)
{
    for (size_t i = u->s; i > 1 && u->s - i < 10; i--)
        if (word_has(e, s->tok[i - 1].id, WA_LEAVE))
            return sr_tok_eq(&s->tok[i - 2], ",");
    return 0;
}

/* Whether the killing word u reports the dead of the event word t: not
 * across "but" or ";", and a killing with its own doer ("forces killed
 * four") only joins an event in its own clause. */
/* Whether token i ends a verb of protest in its plain form ("to protest
 * the death of"): what it takes is the crowd's grievance. */
static int grievance_verb(const sr_coder *c, const sr_sent *s, size_t i)
{
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u->ndef && u->e == i + 1) {
            const sr_trigger_def *ud = tdef(c, u, 0);
            return ud->cls == EV_PROTEST && (ud->opts & TRG_VERB) && ud->form == VF_BASE;
        }
    }
    return 0;
}

static int kill_belongs(const sr_coder *c, const sr_sent *s, const sr_trig *u, const sr_trig *t, const clauses *cl)
{
    const sr_engine *e = c->eng;
    size_t a = u->s < t->s ? u->e : t->e, b = u->s < t->s ? t->s : u->s;
    if (b > a + (u->s > t->s && leaving_tail(e, s, u) ? 40 : 25))
        return 0;
    /* (not "confirmed the attack but said 11 people were killed": the
     * toll told otherwise) */
    /* (told otherwise also as "but gave a death toll of eight": the toll's
     * own word right after "but" and its verb) */
    for (size_t i = a; i < b; i++)
        if ((s->tok[i].id == e->w.but && !(i + 1 < s->ntok && has_cue(s, i + 1, CUE_REPORT)) &&
             !(u->s > i && u->s <= i + 4 && word_has(e, s->tok[u->s].id, WA_TOLL))) ||
            sr_tok_eq(&s->tok[i], ";"))
            return 0;
    /* "The attack came on the same day that 30 people were killed in an
     * attack on a market": a killing across "on the same day that" is the
     * other happening's */
    if (cue_in(s, a, b, CUE_SAMEDAY) >= 0)
        return 0;
    /* "bombed camps on Friday, a day after gunmen killed 29": a killing
     * with its own doer after "after"/"before" is another happening */
    if (u->s > t->s && !u->passive && after_between(e, s, a, b)) {
        int subj = subject_of(c, s, u->s, cl, 0, ACT_CIVILIAN | ACT_PROTESTER);
        if (subj >= 0 && s->men[subj].s > t->e)
            return 0;
        /* (or an event word of its own: "Turkish warplanes struck Kurdish
         * militant targets ... after an attack on a defence company near
         * Ankara killed five people") */
        for (size_t q = 0; q < s->ntg; q++) {
            const sr_trig *w = &s->tg[q];
            if (w != t && w != u && w->ndef && w->s >= a && w->e <= u->s && (tdef(c, w, 0)->opts & TRG_NOUN))
                return 0;
        }
    }
    /* "In the first attack, gunmen killed 18 farmers in the village of
     * Mafa, while 12 fishermen were killed in the second near the town of
     * Dikwa": dead told "in the second" (words.txt DISTINCT) are another
     * happening's */
    if (u->s > t->s && u->passive && (size_t)u->e + 2 < s->ntok && tok_is(s, u->e, e->w.in) &&
        tok_is(s, u->e + 1, e->w.the) && word_has(e, s->tok[u->e + 2].id, WA_DISTINCT))
        return 0;
    /* "The terrorists were neutralized ... after they opened harassment
     * fire on Turkish bases": the killed, told again as "they", did what
     * came before; it did not kill them */
    if (u->passive && u->s < t->s && (tdef(c, t, 0)->opts & TRG_VERB) && !t->passive &&
        !(tdef(c, t, 0)->opts & TRG_VICTIM_SUBJ) && after_between(e, s, a, b)) {
        int subj = subject_of(c, s, t->s, cl, 0, 0);
        if (subj >= 0 && s->men[subj].pronoun && s->men[subj].s > u->e)
            return 0;
    }
    /* "Fighting between the army and RSF fighters has continued ..., with
     * at least 9 civilians killed by shelling on Monday": the dead of
     * another event word told as what killed them */
    if ((size_t)u->e + 1 < s->ntok && tok_is(s, u->e, e->w.by)) {
        size_t at = (size_t)u->e + 1 + (word_has(e, s->tok[u->e + 1].id, WA_DET) ? 1 : 0);
        for (size_t q = 0; q < s->ntg; q++) {
            const sr_trig *w = &s->tg[q];
            if (w != t && w != u && w->ndef && (size_t)w->s > u->e && (size_t)w->s <= at + 1 && (tdef(c, w, 0)->opts & TRG_NOUN))
                return 0;
        }
    }
    /* "Fighting broke out overnight between rival armed groups ...,
     * after the killing of a powerful militia leader": a death told as
     * what came before is a happening of its own */
    if (u->s > t->s + 1 && (tdef(c, u, 0)->opts & TRG_NOUN) && u->s >= 2 && word_has(e, s->tok[u->s - 1].id, WA_DET) &&
        word_has(e, s->tok[u->s - 2].id, WA_SEQUENCE))
        return 0;
    /* "The attack triggered sectarian clashes in which at least 40 more
     * people were killed": dead told in a relative clause of another event
     * noun between are that noun's */
    if (u->s > t->e) {
        for (size_t q = 0; q < s->ntg; q++) {
            const sr_trig *w = &s->tg[q];
            if (w == t || w == u || !w->ndef || w->s < t->e || w->e >= u->s || !(tdef(c, w, 0)->opts & TRG_NOUN))
                continue;
            if (w->e + 1 < u->s && word_has(e, s->tok[w->e].id, WA_LOCPREP) && s->tok[w->e + 1].id == e->w.which)
                return 0;
        }
    }
    /* "Militants attacked an army post near Menaka ..., a week after 15
     * soldiers were killed in an ambush in the same region": a passive
     * killing across "after" with an event noun of its own after it is
     * that noun's */
    /* (and with no "after": "engaged the terrorists in a fierce gun battle
     * at Sambisa forest on Sunday, killing 11 of them, while four others
     * were killed in an ambush near Bama on Monday") */
    if (u->s > t->s && u->passive) {
        for (size_t q = 0; q < s->ntg; q++) {
            const sr_trig *w = &s->tg[q];
            if (w != t && w != u && w->ndef && w->s >= u->e && w->s <= (size_t)u->e + 3 && (tdef(c, w, 0)->opts & TRG_NOUN))
                return 0;
        }
    }
    /* "Bandits killed five people in Zurmi on Friday and abducted 20 in
     * Gusau": a killing with its own place, before another deed told with
     * another place, is its own happening */
    /* (and "Bandits attacked Zurmi on Friday and killed five people in
     * Gusau") */
    if (!u->passive && (tdef(c, u, 0)->opts & TRG_VERB) && (tdef(c, t, 0)->opts & TRG_VERB)) {
        const sr_trig *fst = u->s < t->s ? u : t, *snd = fst == u ? t : u;
        int between = 0, after = 0;
        for (size_t k = 0; k < s->npm; k++) {
            const sr_pmention *p = &s->pm[k];
            if (!usable_place(p))
                continue;
            between |= p->s >= fst->e && p->e <= snd->s;
            after |= p->s >= snd->e && p->s <= (size_t)snd->e + 6;
        }
        /* (not "Rebels fired mortars at Damascus, killing one person in
         * the Bab Touma district": a participle after a comma tells what
         * the deed before it did, where) */
        int outcome = snd == u && tdef(c, u, 0)->form == VF_ING && u->s > 0 && sr_tok_eq(&s->tok[u->s - 1], ",");
        if (between && after && !outcome)
            return 0;
    }
    /* "Protests over the death of a young woman in police custody": the
     * death the crowd protests is not the protest's toll */
    /* (and what a verb of protest takes: "marched peacefully through
     * downtown Atlanta on Sunday to protest the death of George Floyd") */
    if (u->s > t->s && tdef(c, t, 0)->cls == EV_PROTEST)
        for (size_t i = t->s; i < u->s; i++)
            if ((i >= t->e && word_has(e, s->tok[i].id, WA_GRIEVANCE)) ||
                (i + 1 < s->ntok && word_has(e, s->tok[i + 1].id, WA_DET) && s->owner[i] >= 0 &&
                 s->m[s->owner[i]].kind == PH_TRIGGER && grievance_verb(c, s, i)))
                return 0;
    /* (told before the protest's word too: "marched ... to protest
     * against the killing of a local elder by unknown gunmen last week,
     * chanting slogans against the regional administration") */
    if (u->s < t->s && tdef(c, t, 0)->cls == EV_PROTEST && in_grievance(e, s, u->s))
        return 0;
    /* "Protesters ... clashed with police in Minneapolis ... over the death
     * of George Floyd": a death named as what a crowd's deed is over (a
     * grievance's word, "the", the noun) is no toll of any word before
     * (the crowd told before the grievance: "Police fired tear gas at
     * opposition supporters protesting ... against the killing of two
     * opposition figures") */
    if (u->s > t->s + 2 && (tdef(c, u, 0)->opts & TRG_NOUN) && word_has(e, s->tok[u->s - 1].id, WA_DET) &&
        word_has(e, s->tok[u->s - 2].id, WA_GRIEVANCE))
        for (size_t q = 0; q < s->nmen; q++)
            if (s->men[q].ent >= 0 && s->men[q].e <= u->s && (c->ents[s->men[q].ent].flags & (ACT_PROTESTER | ACT_CROWD)))
                return 0;
    /* "SDF fighters responded to the attack and killed two of the
     * attackers": the attack told before, in a phrase of its own, does
     * not do the clause's killing; its doers are the killed */
    if (u->s > t->s && !u->passive && (tdef(c, u, 0)->opts & TRG_VERB) && (tdef(c, t, 0)->opts & TRG_NOUN) &&
        t->s >= 2 && tok_is(s, t->s - 1, e->w.the) && word_has(e, s->tok[t->s - 2].id, WA_LOCPREP) &&
        tdef(c, u, 0)->form != VF_ING)
        for (size_t i = t->e; i < u->s; i++)
            if (s->tok[i].id == e->w.and_)
                return 0;
    /* "fighting erupted between the army and the RSF in Omdurman,
     * killing 12 civilians": a participle after a comma has no doer of
     * its own, whoever is named just before it */
    if (u->s > t->s && tdef(c, u, 0)->form == VF_ING && u->s > 0 && sr_tok_eq(&s->tok[u->s - 1], ","))
        return 1;
    if (!u->passive && !(tdef(c, u, 0)->opts & (TRG_VICTIM_SUBJ | TRG_NOUN)) && cl->soft[u->s] != cl->soft[t->s]) {
        int subj = subject_of(c, s, u->s, cl, 0, ACT_CIVILIAN | ACT_PROTESTER);
        /* "Fighting between the National Liberation Army (ELN) rebels and
         * dissidents of the former FARC in Tibu has killed at least 80":
         * a side of the fight is no subject of its own */
        int side2 = -1, side1 = subj >= 0 && u->s > t->s && tdef(c, t, 0)->cls == EV_CLASH ? between_pair(c, s, t->e, &side2) : -1;
        if (subj >= 0 && s->men[subj].e + 3 >= u->s && subj != side1 && subj != side2)
            return 0;
    }
    return 1;
}

/* ---- locations ----------------------------------------------------------- */

/* Where a weapon or a person came from, not where it struck or what
 * befell them: "a rocket fired from Lebanon struck the town of Kiryat
 * Shmona" (cues.txt ORIGIN), "shot dead a migrant worker from Bihar in
 * Kashmir's Pulwama district" ("from" after a word for people). */
int told_as_origin(const sr_coder *c, const sr_sent *s, const sr_pmention *p)
{
    if (p->prep == c->eng->w.from && p->s >= 2 && s->owner[p->s - 2] >= 0 && s->m[s->owner[p->s - 2]].kind == PH_AGENT)
        return 1;
    for (size_t b = p->s >= 3 ? p->s - 3 : 0; b < p->s && (s->cues & (1ULL << CUE_ORIGIN)); b++)
        if (has_cue(s, b, CUE_ORIGIN) && cue_end(s, b, CUE_ORIGIN) == p->s)
            return 1;
    return 0;
}

static double place_score(const sr_coder *c, const sr_sent *s, const sr_pmention *p, size_t t, const clauses *cl)
{
    const sr_engine *e = c->eng;
    double sc = 0;
    int same_hard = cl->hard[p->s] == cl->hard[t < s->ntok ? t : s->ntok - 1];
    if (!same_hard)
        sc -= 3;
    if (p->s >= t) {
        sc += 3 - 0.06 * (double)(p->s - t);
    } else {
        sc += 2 - 0.06 * (double)(t - p->e);
    }
    uint32_t pr = p->prep;
    if (pr == e->w.in || pr == e->w.at || pr == e->w.near || pr == e->w.on || pr == e->w.around ||
        pr == e->w.outside || pr == e->w.inside || pr == e->w.over || pr == e->w.across || pr == e->w.along ||
        pr == e->w.between || pr == e->w.within || pr == e->w.throughout)
        sc += 1.5;
    else if (pr == e->w.from)
        sc += 0.4;
    else if (pr == e->w.to || pr == e->w.toward || pr == e->w.towards || pr == e->w.into)
        sc += 0.1;
    else if (pr == e->w.of)
        sc += 0.8;
    else if (!pr && p->s >= t && p->s <= t + 4)
        sc += 1.5; /* the object: "bombed the town of X" */
    switch (p->loc.kind) {
    case PK_COUNTRY: sc -= 1.5; break;
    case PK_ADMIN1: sc += 0.2; break;
    case PK_REGION: case PK_ADMIN2: sc += 0.5; break;
    default: sc += 1.0; break;
    }
    if (p->near)
        sc -= 0.2;
    if (told_as_origin(c, s, p))
        sc -= 4;
    return sc;
}

int usable_place(const sr_pmention *p)
{
    return !p->dateline && !p->in_report && !p->is_listed && !p->refloc && !p->affil && !p->unknown && !p->refuge;
}

/* "Attacks on army positions near Menaka and on a police post near Gao":
 * a plural event noun whose places are told each after "and" and a
 * preposition of their own is an event at each. */
/* Whether tokens from i are a determiner, at most two plain words and a
 * preposition of place before place token pe: "a house in" */
static int own_target_then_prep(const sr_engine *e, const sr_sent *s, size_t i, size_t pe)
{
    if (i >= pe || !word_has(e, s->tok[i].id, WA_DET))
        return 0;
    for (size_t j = i + 1; j < pe && j <= i + 3; j++) {
        if (word_has(e, s->tok[j].id, WA_LOCPREP))
            return j > i + 1;
        if (!(s->tok[j].flags & TK_ALPHA) || (s->tok[j].flags & TK_CAP) || s->owner[j] >= 0)
            return 0;
    }
    return 0;
}

static void plural_targets(const sr_coder *c, const sr_sent *s, const sr_trig *tg, const clauses *cl, locpick *out)
{
    const sr_engine *e = c->eng;
    size_t t = tg->s;
    /* (its head the last word: "air strikes on JNIM positions near Niono
     * and on Islamic State positions near Menaka") */
    if (!out->n || tg->e > t + 3 || !(tdef(c, tg, 0)->opts & TRG_NOUN))
        return;
    const sr_token *w = &s->tok[tg->e - 1];
    if (w->nlen < 4 || w->norm[w->nlen - 1] != 's' || (t > 0 && (s->tok[t - 1].id == e->w.a || s->tok[t - 1].id == e->w.an)))
        return;
    size_t last = s->pm[out->pm[out->n - 1]].e;
    for (size_t k = 0; k < s->npm && out->n < 8; k++) {
        const sr_pmention *q = &s->pm[k];
        if (q->s < last || q->unknown || !usable_place(q) || cl->soft[q->s] != cl->soft[t] || q->s > last + 10)
            continue;
        /* "and on a police post near Gao": "and", then a preposition */
        /* (or a target of its own first: "The strikes hit a building in
         * the city of Nabatieh and a house in the village of
         * Al-Sawwaneh") */
        int and_prep = 0;
        for (size_t i = last; i + 1 < q->s && !and_prep; i++)
            and_prep = s->tok[i].id == e->w.and_ &&
                       (word_has(e, s->tok[i + 1].id, WA_LOCPREP) || own_target_then_prep(e, s, i + 1, q->s));
        if (!and_prep)
            break;
        int dup = 0;
        for (int j = 0; j < out->n; j++)
            dup |= out->pm[j] == (int)k ||
                   (q->loc.name && s->pm[out->pm[j]].loc.name && !strcasecmp(q->loc.name, s->pm[out->pm[j]].loc.name));
        if (!dup)
            out->pm[out->n++] = (int)k;
        last = q->e;
    }
}

/* The count of ", including 24 people at a seaside cafe in" between
 * tokens from and the preposition pi: "including" (or "among them"), a
 * count of people, then no mark; -1 when the words are not that. */
static long part_included(const sr_coder *c, const sr_sent *s, size_t from, size_t pi)
{
    const sr_engine *e = c->eng;
    for (size_t b = pi; b > from && pi - b < 10; b--) {
        size_t i = b - 1;
        if (s->tok[i].flags & TK_PUNCT)
            return -1;
        if (s->tok[i].id != e->w.including || i == 0 || !sr_tok_eq(&s->tok[i - 1], ","))
            continue;
        sr_number num;
        size_t u = sr_read_quantity(s->tok, s->ntok, i + 1, &num);
        if (!u || num.vague || num.is_year || i + 1 + u >= pi)
            return -1;
        size_t h = i + 1 + u;
        int people = word_has(e, s->tok[h].id, WA_PEOPLE) ||
                     (s->owner[h] >= 0 && (s->m[s->owner[h]].kind == PH_AGENT || s->m[s->owner[h]].kind == PH_ACTOR));
        return people ? (long)num.value : -1;
    }
    return -1;
}

/* "Gunmen killed five people in Zurmi and three in Gusau", "Air strikes
 * killed 12 people in Idlib and seven in Ariha": after the word's dead
 * and place, "and" a count and a place of its own: a happening there with
 * those dead. */
static void tolls_by_place(const sr_coder *c, const sr_sent *s, const sr_trig *tg, const clauses *cl, locpick *out)
{
    const sr_engine *e = c->eng;
    if (out->n != 1)
        return;
    const sr_pmention *first = &s->pm[out->pm[0]];
    if (first->s <= tg->e)
        return;
    for (int j = 0; j < 8; j++)
        out->fat[j] = -1;
    out->counted_on = 0;
    /* (only when the word's dead are counted after it, as the later
     * places' are: not "Five people were killed in a drone strike in
     * Tubas, and four others in the city of Jenin") */
    int count_told_after = 0;
    for (size_t i = tg->e; i < first->s && !count_told_after; i++) {
        sr_number n0;
        count_told_after = sr_read_quantity(s->tok, s->ntok, i, &n0) > 0 && !n0.is_year;
    }
    size_t from = first->e;
    for (size_t k = 0; k < s->npm && out->n < 8; k++) {
        const sr_pmention *q = &s->pm[k];
        if (q->s < from || !usable_place(q) || cl->hard[q->s] != cl->hard[tg->s] || q->s < 4)
            continue;
        /* "... and three in Gusau": and/, then a count, then the
         * preposition (and "the": "and eight in the Mohmand district") */
        size_t pi = q->s - 1;
        if (tok_is(s, pi, e->w.the) && pi > 4)
            pi--;
        if (!word_has(e, s->tok[pi].id, WA_LOCPREP))
            break;
        /* (past a landmark of the place before: "in the Far'a refugee
         * camp near Tubas, and four others in the city of Jenin") */
        if (q->near && pi <= from + 3) {
            from = q->e;
            continue;
        }
        /* "killed at least 72 Palestinians across the Gaza Strip on
         * Monday, including 24 people at a seaside cafe in Gaza City": a
         * part of the dead told with a place of its own */
        long part = part_included(c, s, from, pi);
        if (part >= 0) {
            out->fat[out->n] = part;
            out->pm[out->n++] = (int)k;
            from = q->e;
            continue;
        }
        size_t b = pi;
        sr_number num;
        size_t u = 0;
        /* (and a word for people after the count: "and four others in
         * the city of Jenin") */
        while (b > from && pi - b < 4 && !u) {
            b--;
            u = sr_read_quantity(s->tok, s->ntok, b, &num);
            if (u && b + u != pi && !(b + u + 1 == pi && word_has(e, s->tok[b + u].id, WA_PEOPLE)))
                u = 0;
        }
        if (!u || num.vague || num.is_year || b == 0 || !(tok_is(s, b - 1, e->w.and_) || sr_tok_eq(&s->tok[b - 1], ",")))
            break;
        out->fat[out->n] = (long)num.value;
        out->pm[out->n++] = (int)k;
        from = q->e;
        /* (a count of people there was read as more dead of the first
         * place: "killed five people in Zurmi and three others in Gusau") */
        if (b + u + 1 == pi && count_told_after)
            out->counted_on += (long)num.value;
    }
    out->tolls = out->n > 1;
}

/* Whether a word of sequence ("after", "in retaliation for") or "on the
 * same day that" stands between tokens a and b: what lies across it is
 * another happening ("The attack came on the same day that dozens of
 * people were killed in an attack on a mosque in the town of Natiaboani"). */
/* (not "after" and a verb's -ing form with no doer of its own, before
 * the place p at a: "killed at least 23 people after forcing them off
 * buses in Musakhel district", the same doers' deed at the same place) */
/* Whether an event word starts in [a, b). */
static int word_between(const sr_sent *s, size_t a, size_t b)
{
    for (size_t q = 0; q < s->ntg; q++)
        if (s->tg[q].ndef && s->tg[q].s >= a && s->tg[q].s < b)
            return 1;
    return 0;
}

/* (nor "after" and a clause with no event word before the place at b:
 * "seized the crew of a UN-contracted helicopter after it made an
 * emergency landing near the village of Hindhere", where it came down) */
static int another_happening_between(const sr_coder *c, const sr_sent *s, size_t a, size_t b, uint32_t prep)
{
    const sr_engine *e = c->eng;
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    for (size_t i = lo; i < hi && i < s->ntok; i++)
        if (word_has(e, s->tok[i].id, WA_SEQUENCE) &&
            !(a > b && i + 1 < hi && s->tok[i + 1].nlen > 4 && !(s->tok[i + 1].flags & TK_CAP) &&
              sr_affix(e, AF_GERUND, s->tok[i + 1].norm) && s->owner[i + 1] < 0 &&
              (s->tok[i].id == e->w.after || s->tok[i].id == e->w.before)) &&
            !(a > b && s->tok[i].id == e->w.after && !word_between(s, i + 1, hi) &&
              (prep == e->w.near || prep == e->w.in || prep == e->w.at)))
            return 1;
    return cue_in(s, lo, hi, CUE_SAMEDAY) >= 0;
}

/* The score of place p for word tg lowered by what else is told near it
 * (in *sc); 1 when the place is wholly another deed's. */
static int others_place(const sr_coder *c, const sr_sent *s, const sr_trig *tg, const sr_pmention *p, double *sc)
{
    size_t t = tg->s;
    /* "protested in Ramallah against the war in Gaza": a place in
     * what a crowd protests against is the grievance's, after any
     * place of the protest itself */
    if (tdef(c, tg, 0)->cls == EV_PROTEST)
        for (size_t g = p->s; g > 0 && p->s - g < 5; g--) {
            if (s->tok[g - 1].flags & TK_PUNCT)
                break;
            if (word_has(c->eng, s->tok[g - 1].id, WA_GRIEVANCE)) {
                *sc -= 2.0;
                break;
            }
        }
    /* "clashed with Israeli troops trying to advance toward the
     * town of Khiam and fired rockets at an army base near Safed":
     * a place after another deed's word is that deed's */
    int others = 0; /* the place is wholly another deed's */
    for (size_t q = 0; q < s->ntg && p->s > t; q++) {
        const sr_trig *u = &s->tg[q];
        /* (not a participle going on with the same one: "a fresh
         * attack on Haiti's capital, targeting an upscale community
         * in Port-au-Prince") */
        if (u != tg && u->ndef && u->s > tg->e && u->e <= p->s && (tdef(c, u, 0)->opts & TRG_VERB) &&
            !(tdef(c, u, 0)->opts & TRG_WEAK) && tdef(c, u, 0)->cls != EV_KILL && !u->passive &&
            tdef(c, u, 0)->form != VF_ING) {
            *sc -= 2.0;
            /* (and "confirmed the attack in a statement on
             * Wednesday, saying the bandits stormed the villages of
             * Unguwar Ali, Maigora and Tsauni": the attack told
             * before is placed by its own telling) */
            int ucls = tdef(c, u, 0)->cls;
            if ((tdef(c, tg, 0)->opts & TRG_NOUN) && tdef(c, tg, 0)->cls == EV_ATTACK &&
                definite_noun(c->eng, s, tg) &&
                (ucls == EV_RAID || ucls == EV_ATTACK || ucls == EV_SHELL || ucls == EV_AIR || ucls == EV_BOMB))
                others = 1;
            break;
        }
    }
    return others;
}

/* Whether place p opens a clause after "and" and a preposition, set off
 * by a comma: ", and in Kalat, attackers killed". */
static int fronted_after_and(const sr_engine *e, const sr_sent *s, const sr_pmention *p)
{
    return p->s >= 2 && p->e < s->ntok && sr_tok_eq(&s->tok[p->e], ",") && word_has(e, s->tok[p->s - 1].id, WA_LOCPREP) &&
           s->tok[p->s - 2].id == e->w.and_;
}

/* Whether a list goes on after token i: "and" within four tokens
 * ("the villages of Um al-Hosh, Herbel and Tal Qarah"). */
static int listed_on(const sr_engine *e, const sr_sent *s, size_t i)
{
    for (size_t j = i; j < s->ntok && j < i + 4; j++)
        if (s->tok[j].id == e->w.and_)
            return 1;
    return 0;
}

static void pick_location(sr_coder *c, sr_sent *s, const sr_trig *tg, const clauses *cl, int obj_place, locpick *out)
{
    size_t t = tg->s;
    memset(out, 0, sizeof *out);
    out->holder = -1;
    int best = obj_place;
    if (best < 0) {
        double bs = -1e9;
        /* something else happens before the word: "after" parts places */
        int other_before = 0, capture_before = 0;
        for (size_t q = 0; q < s->ntg; q++) {
            /* (not a participle read as an adjective: "rescued 42
             * kidnapped passengers from a forest in Kaduna State on Sunday
             * after a gun battle") */
            int before = &s->tg[q] != tg && s->tg[q].ndef && s->tg[q].s < t &&
                         !sr_participle_adjective(c, s, &s->tg[q], tdef(c, &s->tg[q], 0));
            other_before |= before && tdef(c, &s->tg[q], 0)->cls != EV_KILL;
            capture_before |= before && tdef(c, &s->tg[q], 0)->cls == EV_TERRITORY && (tdef(c, &s->tg[q], 0)->opts & TRG_VERB);
        }
        /* "captured the town of Kafr Nabuda ... after fierce fighting with
         * insurgents, ..., as Russian warplanes kept up strikes on the
         * Idlib region": the fight the capture ended was where the town
         * is, not at a place told after it */
        int fight_of_capture = capture_before && tdef(c, tg, 0)->cls == EV_CLASH &&
                               (tdef(c, tg, 0)->opts & TRG_NOUN) && role_before(c->eng, s, t, WA_SEQUENCE);
        for (size_t k = 0; k < s->npm; k++) {
            const sr_pmention *p = &s->pm[k];
            if (!usable_place(p))
                continue;
            /* "bombed camps in Derna, a day after gunmen killed 29": the
             * place of one happening is not the other's; a place set
             * before the sentence's first comma is all of it: "In Odesa,
             * four people died after a drone struck an apartment block" */
            if (fight_of_capture && p->s > t)
                continue;
            /* "intercepted a missile launched from Yemen": the country a
             * weapon came from is no place of what befell it */
            if (p->loc.kind == PK_COUNTRY && told_as_origin(c, s, p))
                continue;
            int fronted = (p->s <= 1 && p->e < s->ntok && sr_tok_eq(&s->tok[p->e], ",")) || fight_of_capture;
            /* "In Bolan, militants blew up a railway bridge, and in Kalat,
             * attackers killed 10 people": a place set before the comma of
             * a clause that "and" opens is that clause's, not of a word
             * before it */
            if (p->s > t && fronted_after_and(c->eng, s, p))
                continue;
            /* (unless nothing else happens there: "The SDF advanced into
             * the last pocket held by ISIS in Baghouz, after heavy clashes
             * that killed 16 militants") */
            if (!fronted && (p->s > t || other_before) && another_happening_between(c, s, p->s, t, p->prep))
                continue;
            /* a container is only the fallback for what it contains */
            int is_cont = 0;
            /* (so is one that names what holds the place after it: "at the
             * Baltic Sea port of Ust-Luga", a town's or site's noun and "of"
             * between; not "the Kulgam district of Jammu and Kashmir", "the
             * Kafouri neighbourhood of Khartoum North", "in Kurmin Kaura
             * village of Kauru local government area") */
            for (size_t j = 0; j < s->npm; j++)
                /* (but "the Damascus suburb of Jaramana": a city before a
                 * quarter's noun holds the place named after it) */
                if ((s->pm[j].container == (int)k ||
                     (j != k && s->pm[j].s == p->e && s->pm[j].ns > s->pm[j].s + 1 &&
                      tok_is(s, s->pm[j].ns - 1, c->eng->w.of) &&
                      (has_cue(s, s->pm[j].s, CUE_PN_TOWN) || has_cue(s, s->pm[j].s, CUE_PN_FEATURE)) &&
                      (!sr_affix(c->eng, AF_QUARTER, s->tok[s->pm[j].s].norm) ||
                       p->loc.kind == PK_CITY) &&
                      p->s > 0 && tok_is(s, p->s - 1, c->eng->w.the))) &&
                    usable_place(&s->pm[j]) && !told_as_origin(c, s, &s->pm[j]))
                    is_cont = 1;
            double sc = place_score(c, s, p, t, cl) - (is_cont ? 2.5 : 0);
            if (others_place(c, s, tg, p, &sc))
                continue;
            if (sc > bs) {
                bs = sc;
                best = (int)k;
            }
        }
    }
    if (best >= 0) {
        /* "in several areas of X": no place to put it; nor "several
         * towns in northern Burkina Faso, including Djibo", one of them */
        const sr_pmention *bp = &s->pm[best];
        /* "killed ... as students clashed with police across Bangladesh":
         * all of a country, no one place (as "across the country") */
        if (bp->loc.kind == PK_COUNTRY && (bp->prep == c->eng->w.across || bp->prep == c->eng->w.throughout)) {
            out->vague = 1;
            out->across = 1;
            return;
        }
        int example = bp->s > 0 && s->tok[bp->s - 1].id == c->eng->w.including;
        size_t from = bp->s > (example ? 12 : 6) ? (size_t)bp->s - (example ? 12 : 6) : 0;
        for (size_t i = from; i + 1 < bp->s; i++) {
            if (word_has(c->eng, s->tok[i].id, WA_VAGUE_MANY) &&
                (has_cue(s, i + 1, CUE_PN_TOWN) || has_cue(s, i + 1, CUE_PN_REGION))) {
                out->vague = 1;
                /* "attacks on several villages in the Beni territory of
                 * North Kivu province": the district or province holding
                 * them all, should no later telling name one */
                /* (or one no list places: "attacked several villages in
                 * Eastern Equatoria's Kapoeta East county", at its
                 * province's point) */
                /* (or the town that holds its neighbourhoods or villages:
                 * "captured several neighbourhoods in the city of Raqqa",
                 * near it) */
                if (!example && (bp->loc.has_coords || bp->region_noun || bp->loc.kind == PK_ADMIN2) &&
                    (bp->loc.kind == PK_ADMIN2 || bp->loc.kind == PK_ADMIN1 || bp->loc.kind == PK_REGION ||
                     bp->region_noun || bp->loc.kind == PK_CITY || bp->loc.kind == PK_TOWN))
                    out->holder = best;
                return;
            }
        }
        /* one event per place: "bombed Idlib city and the Idlib
         * countryside" names Idlib twice, and the finer mention stands for
         * both (two events there had one id and stopped an ingest) */
        int k = best;
        while (k >= 0 && out->n < 8) {
            const sr_pmention *p = &s->pm[k];
            int dup = -1;
            for (int j = 0; j < out->n && dup < 0; j++) {
                const sr_pmention *q = &s->pm[out->pm[j]];
                if (p->loc.name && q->loc.name && !strcasecmp(p->loc.name, q->loc.name) &&
                    !strcmp(p->loc.cc, q->loc.cc))
                    dup = j;
            }
            if (p->unknown)
                ; /* a name the gazetteer does not know is no place */
            /* (nor one no list knows told after a town and a comma: "the
             * mayor of the coastal town of San Vicente, Brigitte Garcia,") */
            else if (out->n > 0 && p->pattern && p->loc.place < 0 && p->loc.gaz < 0 && p->s >= 1 &&
                     tok_word(s, p->s - 1, ",") && (size_t)s->pm[out->pm[out->n - 1]].e + 1 == p->s &&
                     !listed_on(c->eng, s, p->e))
                ;
            else if (dup < 0)
                out->pm[out->n++] = k;
            else if (p->loc.precision && p->loc.precision < s->pm[out->pm[dup]].loc.precision)
                out->pm[dup] = k;
            k = p->next;
        }
        plural_targets(c, s, tg, cl, out);
        tolls_by_place(c, s, tg, cl, out);
        return;
    }
    /* "Israeli strikes across the country had killed 37 people": all of
     * it, no one place, nor the place told before; so "Clashes between
     * protesters and police on Sunday killed at least 91 people across the
     * country", further on in the word's clause */
    for (size_t i = tg->e; i + 2 < s->ntok && i < (size_t)tg->e + 16 && cl->hard[i] == cl->hard[t]; i++)
        if ((s->tok[i].id == c->eng->w.across || s->tok[i].id == c->eng->w.throughout) &&
            s->tok[i + 1].id == c->eng->w.the && !(s->tok[i + 2].flags & TK_CAP) && s->owner[i + 2] < 0) {
            out->vague = 1;
            out->across = 1;
            return;
        }
    /* "the area", "the city", "there" */
    for (size_t k = 0; k < s->npm; k++) {
        const sr_pmention *p = &s->pm[k];
        if (!p->refloc || p->in_report)
            continue;
        /* "killed in Israeli strikes across the enclave": all of it, no
         * one place to put it */
        if (p->s > 0 && (s->tok[p->s - 1].id == c->eng->w.across || s->tok[p->s - 1].id == c->eng->w.throughout)) {
            out->vague = 1;
            out->across = 1;
            return;
        }
        size_t si = (size_t)(s - c->sents);
        /* "Residents fled Khartoum as fighting ... rocked the city": a
         * town the sentence named before the words */
        int town = p->loc.kind == PK_TOWN || p->loc.kind == PK_CITY || p->loc.kind == PK_VILLAGE;
        for (size_t j = k; town && j > 0; j--) {
            const sr_pmention *q = &s->pm[j - 1];
            /* (not the dateline's: "KHARTOUM - RSF fighters looted shops in
             * the main market of El Obeid ..., after clashes with the army
             * on the city's outskirts"; but "DAKAR - ... as they tried to
             * gather in the capital") */
            if (q->e <= p->s && q->loc.has_coords && q->loc.precision == 1 && !q->refloc && !q->in_report &&
                !q->unknown && (!q->dateline || tok_is(s, p->e - 1, c->eng->w.capital)) &&
                (q->loc.kind == PK_TOWN || q->loc.kind == PK_CITY || q->loc.kind == PK_VILLAGE)) {
                out->pm[out->n++] = (int)(j - 1);
                return;
            }
        }
        /* "the village": where the last event happened, if it fits */
        const sr_ev *pv = sr_disc_place_told(c, s, p);
        if (pv) {
            out->prev_ev = pv;
            out->refloc = p->near ? 2 : 1;
            return;
        }
        const sr_pmention *q = sr_disc_context_place(c, si, p->loc.kind, 0);
        if (q) {
            out->ctx = q;
            out->refloc = p->near ? 2 : 1;
            return;
        }
    }
}

/* The date of the event word at t (its clause [ca, cb)): the nearest
 * time expression; a year, another month or "since" in the clause or
 * near it makes it background. */
/* A relative word ("that", "which", "who") or an event word within the
 * three words from i: "a 2012 insurrection that briefly overran Goma",
 * "the 2016 truck attack in Nice". */
static int relative_after(const sr_engine *e, const sr_sent *s, size_t i)
{
    for (size_t j = i; j < s->ntok && j < i + 4; j++)
        if (s->tok[j].id == e->w.that || s->tok[j].id == e->w.which || s->tok[j].id == e->w.who ||
            (s->owner[j] >= 0 && s->m[s->owner[j]].kind == PH_TRIGGER))
            return 1;
    return 0;
}

/* Whether token i lies in an aside set off by commas that opens with a
 * relative word (", which retook Khartoum last month,") and t comes
 * after it: "Sudan's army, which retook Khartoum last month, said its
 * aircraft had struck RSF convoys" - the month is the retaking's, not the
 * strike's. */
static int in_relative_aside(const sr_engine *e, const sr_sent *s, size_t i, size_t t)
{
    size_t open = i;
    while (open > 0 && !sr_tok_eq(&s->tok[open - 1], ","))
        open--;
    if (open < 2 || open >= s->ntok || (s->tok[open].id != e->w.which && s->tok[open].id != e->w.who))
        return 0;
    /* (not an aside about an event word: "the attack, which happened in
     * Mandera on Thursday, claimed the lives of 12 people") */
    if (s->owner[open - 2] >= 0 && s->m[s->owner[open - 2]].kind == PH_TRIGGER)
        return 0;
    size_t close = i;
    while (close < s->ntok && !sr_tok_eq(&s->tok[close], ","))
        close++;
    /* (an aside runs to its closing comma; one that ends the sentence
     * may hold the word's own day) */
    if (close >= s->ntok)
        return 0;
    /* (an aside after the word may tell the word's own day: "The attack
     * by bandits, which happened in Kadawa village on Thursday") */
    return t > close;
}

/* Whether time tx, told after ", and" past word t, opens the next
 * verb's words: "have besieged the city of El Fasher for months, and on
 * Sunday shelled the city's main hospital" - Sunday is the shelling's. */
static int next_verbs_time(const sr_coder *c, const sr_sent *s, size_t t, const sr_timex *tx)
{
    size_t a = tx->s;
    if (a > 0 && word_has(c->eng, s->tok[a - 1].id, WA_TIME_LEAD))
        a--;
    if (a <= t + 1 || a < 2 || s->tok[a - 1].id != c->eng->w.and_ || !sr_tok_eq(&s->tok[a - 2], ","))
        return 0;
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u->ndef && u->s >= tx->e && u->s <= tx->e + 1 && (tdef(c, u, 0)->opts & TRG_VERB))
            return 1;
    }
    return 0;
}

/* A day told as when a source spoke: "said on Thursday", "said Thursday". */
/* (and "The army said in a statement on Sunday that it had repelled an
 * attack": a day between the telling word and its "that") */
static int said_at(const sr_coder *c, const sr_sent *s, const sr_timex *tx)
{
    if (tx->s >= 1 && (has_cue(s, tx->s - 1, CUE_REPORT) ||
                       (tx->s >= 2 && word_has(c->eng, s->tok[tx->s - 1].id, WA_TIME_LEAD) && has_cue(s, tx->s - 2, CUE_REPORT))))
        return 1;
    /* "Islamic State claimed responsibility on Friday for an attack on a
     * bus": the day of the claim */
    size_t r = tx->s >= 1 && word_has(c->eng, s->tok[tx->s - 1].id, WA_TIME_LEAD) ? tx->s - 1 : tx->s;
    if (r >= 2 && s->tok[r - 1].id == c->eng->w.responsibility && has_cue(s, r - 2, CUE_REPORT))
        return 1;
    if (tx->e >= s->ntok || s->tok[tx->e].id != c->eng->w.that)
        return 0;
    for (size_t i = tx->s; i > 0 && tx->s - i < 6; i--) {
        const sr_token *w = &s->tok[i - 1];
        if ((w->flags & TK_PUNCT) || (s->owner[i - 1] >= 0 && s->m[s->owner[i - 1]].kind == PH_TRIGGER))
            return 0;
        if (has_cue(s, i - 1, CUE_REPORT))
            return 1;
    }
    return 0;
}

/* Whether "had" and a verb stand between a and b. */
static int had_between(const sr_engine *e, const sr_sent *s, size_t a, size_t b)
{
    for (size_t i = a + 1; i + 1 < b && i + 1 < s->ntok; i++)
        if (s->tok[i].id == e->w.had && (s->tok[i + 1].flags & TK_ALPHA) && !(s->tok[i + 1].flags & TK_CAP))
            return 1;
    return 0;
}

/* "Gunmen killed five villagers in Zurmi on Monday, two days after bandits
 * killed 12 worshippers in Katsina": the day told (*dt, of precision
 * *prec), less the interval told between time tx and the word at t */
static void less_interval_told(const sr_sent *s, const sr_timex *tx, size_t t, sr_date *dt, int *prec)
{
    for (size_t j = tx->e; j < t && *prec == 1; j++) {
        int days = 0, rough = 0;
        size_t u = sr_read_interval(s->tok, s->ntok, j, &days);
        /* ("Israeli warplanes struck the port on Sunday, days after the
         * Houthis fired a missile at the airport": some days before, the
         * day not told) */
        if (!u)
            rough = (u = sr_read_rough_interval(s->tok, s->ntok, j, &days)) != 0;
        /* (not past a comma: "clashed with police ... on Wednesday, a day
         * after his arrest, torching vehicles and attacking a military
         * headquarters" is Wednesday's) */
        int comma = 0;
        for (size_t q = j + u; u && q < t && !comma; q++)
            comma = sr_tok_eq(&s->tok[q], ",");
        if (u && j + u <= t && !comma) {
            sr_civil_from_days(sr_days_from_civil(dt->y, dt->m, dt->d) - days, dt);
            if (rough)
                *prec = 2;
            return;
        }
    }
}

/* Whether time tx is told in a relative clause that opens right after
 * word t ("a car bomb | that tore through a busy market in Mogadishu on
 * Sunday"), no mark between. */
static int in_words_relative(const sr_engine *e, const sr_sent *s, size_t t, const sr_timex *tx)
{
    size_t te = s->owner[t] >= 0 ? s->m[s->owner[t]].end : t + 1;
    if (te >= s->ntok || tx->s <= te || tx->s > te + 14 ||
        (s->tok[te].id != e->w.that && s->tok[te].id != e->w.which))
        return 0;
    for (size_t j = te + 1; j < tx->s; j++)
        if (s->tok[j].flags & TK_PUNCT)
            return 0;
    return 1;
}

/* Whether the tokens after word t up to i are of its phrase: no verb,
 * relative word or mark between ("an attack on a village in the Tillaberi
 * region | in 2021"). */
static int in_words_phrase(const sr_engine *e, const sr_sent *s, size_t t, size_t i)
{
    for (size_t j = t + 1; j < i; j++)
        if ((s->tok[j].flags & TK_PUNCT) || s->tok[j].id == e->w.that || s->tok[j].id == e->w.which ||
            s->tok[j].id == e->w.who ||
            (s->owner[j] >= 0 && s->owner[j] != s->owner[t] && s->m[s->owner[j]].kind == PH_TRIGGER))
            return 0;
    return 1;
}

static void event_date(sr_coder *c, const sr_sent *s, size_t t, size_t ca, size_t cb, sr_ev *v, int *background,
                       int *told_after)
{
    *background = 0;
    *told_after = 0;
    int best = -1;
    size_t bd = (size_t)-1, braw = (size_t)-1;
    const sr_timex *hist = NULL; /* the time that makes it history */
    const sr_timex *far_hist = NULL; /* a month of another time, further off */
    size_t hd = (size_t)-1;
    for (size_t k = 0; k < s->ntx; k++) {
        const sr_timex *tx = &s->tx[k];
        /* "MOGADISHU, Nov 28 (Reuters) -": when it was filed */
        if ((int)tx->e <= s->dateline_end)
            continue;
        /* "an official said on Friday": when it was said */
        if (((int)tx->s >= s->report_start && (int)t < s->report_start) ||
            ((int)tx->e <= s->report_end && (int)t >= s->report_end))
            continue;
        if (in_relative_aside(c->eng, s, tx->s, t) || next_verbs_time(c, s, t, tx))
            continue;
        /* "recapturing all the territory the SDF had taken in the area
         * since September": a time after a past perfect that follows the
         * word is that verb's */
        if (tx->s > t && (tx->kind == TX_MONTH || tx->kind == TX_YEAR) && had_between(c->eng, s, t, tx->s))
            continue;
        size_t d = tx->s > t ? tx->s - t : t - tx->e;
        /* "has killed more than 1,200 civilians in the Beni area alone
         * since 2019": a time in the word's clause is the word's */
        int near = d < 12 || (tx->s >= ca && tx->e <= cb);
        /* (not "executed around 300 men ... in late March" in a story of
         * April 5: the month's last days, a week or two before) */
        /* (but "The RSF, which had seized Bara in late October": a past
         * perfect tells history) */
        int late_last = tx->kind == TX_MONTH && tx->abs.d && c->has_adate && c->adate.d <= 20 &&
                        tx->abs.m % 12 + 1 == c->adate.m && !had_between(c->eng, s, t >= 3 ? t - 3 : 0, t + 1);
        if (tx->kind == TX_MONTH && (!c->has_adate || tx->abs.m != c->adate.m) && !late_last) {
            /* "in September" in a November article: history */
            if (!near && !far_hist)
                far_hist = tx;
            if (near) {
                *background = 1;
                if (d < hd)
                    hist = tx, hd = d;
            }
            continue;
        }
        /* "dissidents ... who rejected a 2016 peace deal for the attack": a
         * year told as a noun's ("a 2016 peace deal") dates that noun, not
         * the word (unless the noun is the word: "the 2014 abduction") */
        /* (not "during a 2012 insurrection that briefly overran Goma":
         * after a preposition, or with a clause of its own, the year is
         * the time of what is told) */
        if (tx->kind == TX_YEAR && !tx->background && tx->s > 1 && is_det_word(c->eng, &s->tok[tx->s - 1]) &&
            !word_has(c->eng, s->tok[tx->s - 2].id, WA_LOCPREP) && !word_has(c->eng, s->tok[tx->s - 2].id, WA_SEQUENCE) &&
            s->tok[tx->s - 2].id != c->eng->w.during &&
            (s->tok[tx->s - 2].flags & TK_ALPHA) && s->owner[tx->s - 2] < 0 &&
            tx->e < s->ntok && tx->e != t && (s->tok[tx->e].flags & TK_ALPHA) && !(s->tok[tx->e].flags & TK_CAP) &&
            s->owner[tx->e] < 0 && !relative_after(c->eng, s, tx->e))
            continue;
        if (tx->kind == TX_YEAR || tx->background) {
            if (tx->background || !c->has_adate || tx->abs.y != c->adate.y) {
                if (near) {
                    *background = 1;
                    /* (and "laid flowers on Wednesday at the station where
                     * a Russian missile strike killed 61 people two years
                     * ago": a time long past nearer the word than the day) */
                    if (d < hd)
                        hist = tx, hd = d;
                }
            }
            continue;
        }
        /* "to bury the victims of a car bomb that tore through a busy
         * market in Mogadishu on Sunday": a day in a relative clause
         * opening right after the word is the word's */
        if (in_words_relative(c->eng, s, t, tx))
            d = 0;
        /* "the fighting, which began over the weekend, killed eight people
         * late on Monday": a day told near the word before a week */
        size_t raw = d;
        if (tx->precision >= 2)
            d += 12;
        /* "pounded Gaza on Sunday after Hamas gunmen stormed into Israel
         * on Saturday": a day across "after" is the other happening's */
        if (after_between(c->eng, s, t, tx->s < t ? tx->e : tx->s))
            d += 12;
        /* "marched ... to protest against the killing of a local elder
         * last week, chanting slogans": a day told in a grievance is the
         * grievance's */
        if (tx->s < t && in_grievance(c->eng, s, tx->s))
            d += 12;
        /* "rebels said on Sunday they had killed dozens ... in fighting
         * near the border last week": when they spoke is the day only
         * when no other is told */
        if (said_at(c, s, tx))
            d += 24;
        if (d < bd) {
            bd = d;
            braw = raw;
            best = (int)k;
        }
    }
    /* "the military summarily executed at least 223 villagers,
     * including 56 children, in two villages in the north of the country
     * in February": with no day told, a month of another time in the
     * sentence, however far, makes it history */
    /* (a day told only as when a source spoke, "said on Thursday that",
     * does not outweigh it) */
    int said_day = best >= 0 && said_at(c, s, &s->tx[best]);
    if (said_day && hist) {
        best = -1;
    } else if ((best < 0 || said_day) && !*background && far_hist) {
        best = -1;
        *background = 1;
        hist = far_hist;
    }
    /* "gathered on Tuesday to mark the anniversary of the 1995 massacre in
     * which ... forces killed 8,000": a year nearer the word than the day
     * makes it history */
    if (hist && best >= 0 && hd < braw)
        best = -1;
    /* "sentenced five men ... on Thursday for their role in an attack on a
     * village in the Tillaberi region in 2021": a time long past told
     * after the word in its own phrase (no verb, relative word or comma
     * between) is its time, whatever day came before the word */
    if (hist && best >= 0 && s->tx[best].e <= t && hist->s > t && hist->s < t + 12 && in_words_phrase(c->eng, s, t, hist->s))
        best = -1;
    /* "an overnight attack ... in Marib on Monday": the night told as a
     * word of the event, the day named in its clause is the day */
    if (best >= 0 && s->tx[best].kind == TX_REL && s->tx[best].e == t) {
        for (size_t k = 0; k < s->ntx; k++) {
            const sr_timex *tx = &s->tx[k];
            if ((tx->kind == TX_WEEKDAY || tx->kind == TX_ABS) && !tx->background && tx->s >= ca && tx->e <= cb) {
                best = (int)k;
                break;
            }
        }
    }
    if (best >= 0) {
        sr_date dt;
        int prec;
        const sr_timex *tx = &s->tx[best];
        /* "Dozens of people were killed ..., the government said on
         * Sunday": the day told is when it was said; a later telling's
         * day of the happening outweighs it */
        v->said_date = said_day;
        /* the day told after the word, in its clause */
        *told_after = tx->s >= t && tx->e <= cb;
        if (c->has_adate && sr_timex_resolve(tx, &c->adate, &dt, &prec)) {
            less_interval_told(s, tx, t, &dt, &prec);
            long diff = sr_days_from_civil(c->adate.y, c->adate.m, c->adate.d) - sr_days_from_civil(dt.y, dt.m, dt.d);
            /* two weeks or more before the article: history, not news ("Four militants
             * were killed on May 18" in a May 28 article is still news) */
            if (diff > 13 || diff < -2) {
                /* history keeps its date: written with --all */
                *background = 1;
                v->date = dt;
                v->has_date = 1;
                v->time_precision = prec;
                v->explicit_date = 1;
                return;
            }
            v->date = dt;
            v->has_date = 1;
            v->time_precision = prec;
            v->explicit_date = 1;
            *background = 0;
            return;
        }
        if (tx->kind == TX_ABS && tx->abs.y) {
            v->date = tx->abs;
            v->has_date = 1;
            v->time_precision = 1;
            v->explicit_date = 1;
            *background = 0;
            return;
        }
        v->explicit_date = 1;
        *background = 0;
    }
    if (*background) {
        /* "in June 2014": history dated to its month; "in 2014": no day
         * to give */
        if (hist && hist->kind == TX_MONTH && c->has_adate) {
            v->date.y = hist->abs.y ? hist->abs.y : (hist->abs.m <= c->adate.m ? c->adate.y : c->adate.y - 1);
            v->date.m = hist->abs.m;
            v->date.d = 1;
            v->has_date = 1;
            v->time_precision = 3;
            v->explicit_date = 1;
        }
        return;
    }
    if (c->has_adate) {
        v->date = c->adate;
        v->has_date = 1;
        v->time_precision = 2;
    }
}

/* Background phrases near the trigger at t: "since 2014", "over the past
 * weeks"; "came days after" only before it. */
int background_near(const sr_sent *s, size_t a, size_t b, size_t t)
{
    for (size_t i = a; i < b && i < s->ntok; i++) {
        if (has_cue(s, i, CUE_AFTERTOLD) && cue_end_at(s, i, CUE_AFTERTOLD) <= t)
            return 1;
        if (!has_cue(s, i, CUE_BACKGROUND))
            continue;
        /* "have killed 12 people since Sunday": a word of one token
         * before a day of this week starts news, not history */
        size_t e = cue_end_at(s, i, CUE_BACKGROUND);
        if (e == i + 1 && e < s->ntok && sr_weekday_name(s->tok[e].norm) >= 0)
            continue;
        /* (nor "heavy clashes were ongoing on Monday": a state of a day
         * of this week) */
        if (e == i + 1 && e + 1 < s->ntok && sr_tok_eq(&s->tok[e], "on") && sr_weekday_name(s->tok[e + 1].norm) >= 0)
            continue;
        return 1;
    }
    return 0;
}

/* The dead: the killing word that belongs to k->t gives them (and, when
 * it is passive, the doer), or the word itself when it kills. Sets
 * k->killw, k->fat, k->lethal, k->state_present; marks the killing word
 * used. */
/* "Five soldiers were martyred and four terrorists were killed in an
 * intense exchange of fire": a second passive killing joined by "and",
 * of other dead, belongs to the same event; its dead add up. Marks it
 * used and returns its count (0 when there is none) and, in *other, its
 * dead: in a fight, the other side. */
static long other_side_toll(const sr_coder *c, const sr_sent *s, const sr_sctx *x, sr_trig *kw, const sr_trig *t,
                            int *other)
{
    const sr_engine *e = c->eng;
    if (!kw->passive)
        return 0;
    for (size_t j = 0; j < s->ntg; j++) {
        sr_trig *u = &s->tg[j];
        if (u == t || u == kw || u->used || !u->passive || tdef(c, u, 0)->cls != EV_KILL)
            continue;
        const sr_trig *a = u->s < kw->s ? u : kw, *b = u->s < kw->s ? kw : u;
        /* (across the event word itself: "Six soldiers were killed in the
         * clash and 18 insurgents were killed") */
        size_t g = a->e;
        if (t->s > a->e && t->s <= (size_t)a->e + 2 && t->e < b->s && (s->tok[a->e].id == e->w.in ||
                                                                        s->tok[a->e].id == e->w.during))
            g = t->e;
        if (g + 2 >= s->ntok || s->tok[g].id != e->w.and_ || b->s > g + 8 || !kill_belongs(c, s, u, t, &x->cl))
            continue;
        int v1 = subject_of(c, s, a->s, &x->cl, 0, 0);
        int v2 = subject_of(c, s, b->s, &x->cl, 0, 0);
        /* the second subject starts the clause right after "and" */
        if (v1 < 0 || v2 <= v1 || (size_t)s->men[v2].s > g + 3 || s->men[v1].ent == s->men[v2].ent)
            return 0;
        long f = fatalities_for(c, s, u);
        if (f <= 0)
            return 0;
        u->used = 1;
        *other = u == a ? v1 : v2;
        return f;
    }
    return 0;
}

/* "Israeli strikes killed at least 31 people across Gaza on Monday,
 * including 12 in a strike on a house in Jabalia": the part of the dead
 * counted just before "in a strike" are that strike's; -1 when the words
 * before event noun t are not ", including N in a". */
static long count_included_in(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    const sr_engine *e = c->eng;
    size_t i = t->s;
    /* "in a", "in an", "in an Israeli": at most two words between */
    for (size_t back = 0; back < 3 && i > 0 && !tok_is(s, i - 1, e->w.in); back++) {
        i--;
        if (s->tok[i].flags & TK_PUNCT)
            return -1;
    }
    if (i < 2 || !tok_is(s, i - 1, e->w.in) || !(tok_is(s, i, e->w.a) || tok_is(s, i, e->w.an)))
        return -1;
    size_t in = i - 1;
    for (size_t qs = in > 4 ? in - 4 : 1; qs < in; qs++) {
        sr_number num;
        size_t u = sr_read_quantity(s->tok, s->ntok, qs, &num);
        if (u && qs + u == in && !num.vague && !num.is_year && tok_is(s, qs - 1, e->w.including) && qs >= 2 &&
            sr_tok_eq(&s->tok[qs - 2], ","))
            return (long)num.value;
    }
    return -1;
}

/* Whether mentions a and b name two armed sides, each known. */
static int two_sides(const sr_coder *c, const sr_sent *s, int a, int b)
{
    int ea = s->men[a].ent, eb = s->men[b].ent;
    return ea >= 0 && eb >= 0 && ea != eb && (c->ents[ea].flags & ACT_ARMED) && (c->ents[eb].flags & ACT_ARMED) &&
           !(c->ents[ea].flags & ACT_UNKNOWN) && !(c->ents[eb].flags & ACT_UNKNOWN);
}

void sr_attach_deaths(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    /* the killing words of the sentence give the dead */
    k->killw = NULL;
    k->dead_ent = -1;
    int takes_dead = !(td->cls == EV_DESTROY || td->cls == EV_LOOT ||
                       td->cls == EV_AGREEMENT || td->cls == EV_CHANGE || td->cls == EV_BASE ||
                       td->cls == EV_WITHDRAW || td->cls == EV_ARREST);
    /* "15 persons have been killed while 30 others were abducted when
     * bandits attacked Kaura Namoda": the attack's dead, not the
     * abduction's, when the sentence tells an attack */
    /* "security forces killed five militants involved in the attack":
     * the attack only says who they are */
    if ((td->opts & TRG_NOUN) && referent_noun(c->eng, s, t))
        takes_dead = 0;
    /* "Two people were killed when protesters ... tried to storm the
     * airport ... and clashed with police": what was only tried killed no
     * one; the dead are the clash's */
    if (takes_dead && td->cls != EV_KILL && (td->opts & TRG_VERB) && t->s >= 2 && tok_is(s, t->s - 1, c->eng->w.to) &&
        sr_affix(c->eng, AF_GOAL, s->tok[t->s - 2].norm))
        takes_dead = 0;
    for (size_t j = 0; j < s->ntg && takes_dead && td->cls == EV_ABDUCT; j++) {
        const sr_trig *u = &s->tg[j];
        int uc = u->ndef ? tdef(c, u, 0)->cls : -1;
        if (u != t && (uc == EV_ATTACK || uc == EV_RAID || uc == EV_SHOOT || uc == EV_CLASH))
            takes_dead = 0;
    }
    if (td->cls == EV_KILL) {
        k->killw = t;
    } else if (takes_dead) {
        size_t bestd = (size_t)-1;
        for (size_t j = 0; j < s->ntg; j++) {
            sr_trig *u = &s->tg[j];
            if (u == t || u->used)
                continue;
            if (tdef(c, u, 0)->cls != EV_KILL)
                continue;
            /* (not a participle read as an adjective: "commemorating slain
             * commander Qassem Soleimani") */
            if (!kill_belongs(c, s, u, t, &x->cl) || sr_participle_adjective(c, s, u, tdef(c, u, 0)))
                continue;
            size_t dd = u->s > t->s ? u->s - t->s : t->s - u->s;
            /* "after seizing Aleppo, as warplanes struck Idlib, killing
             * at least 11 people": the killing is the nearer event
             * word's, told between */
            int nearer = 0;
            const sr_token *ut = &s->tok[u->s];
            int comma_participle = u->s > t->s && sr_tok_eq(&s->tok[u->s - 1], ",") && ut->nlen > 4 &&
                                   sr_affix(c->eng, AF_GERUND, ut->norm);
            for (size_t q = 0; q < s->ntg && !nearer && comma_participle; q++) {
                const sr_trig *w = &s->tg[q];
                if (w == t || w == u || !w->ndef || tdef(c, w, 0)->cls == EV_KILL)
                    continue;
                /* ... in a clause of its own: "a bomb ... exploded at a
                 * market, killing 12" is one happening */
                int between = ((w->s > t->s && w->s < u->s) || (w->s < t->s && w->s > u->s)) &&
                              x->cl.soft[w->s] != x->cl.soft[t->s];
                int wc = tdef(c, w, 0)->cls;
                /* not a word of a relative clause: "opened fire on
                 * protesters who tried to storm the consulate, killing
                 * three people" */
                int relative = 0;
                for (size_t r = w->s; r > 0 && w->s - r < 4 && !relative; r--)
                    relative = s->tok[r - 1].id == c->eng->w.who || s->tok[r - 1].id == c->eng->w.which;
                nearer = between && !relative &&
                         (wc == EV_ATTACK || wc == EV_AIR || wc == EV_SHELL || wc == EV_BOMB || wc == EV_CLASH ||
                          wc == EV_SHOOT || wc == EV_RAID);
            }
            if (nearer)
                continue;
            if (dd < bestd) {
                bestd = dd;
                k->killw = u;
            }
        }
    }
    /* "forced nine passengers off and shot them dead": the dead are the
     * people "them" stands for (roles.c took them as the victims) */
    int them_dead = k->killw && k->a2 >= 0 && s->men[k->a2].e <= t->s && s->men[k->a2].count > 0 &&
                    ((k->killw->s > 0 && tok_is(s, k->killw->s - 1, c->eng->w.them)) || tok_is(s, k->killw->e, c->eng->w.them));
    if (k->killw) {
        k->fat = fatalities_for(c, s, k->killw);
        if (k->fat < 0 && them_dead)
            k->fat = s->men[k->a2].count;
        int other = -1;
        if (k->killw != t && k->fat > 0)
            k->fat += other_side_toll(c, s, x, k->killw, t, &other);
        if (other >= 0 && td->cls == EV_CLASH && k->a1 < 0 && k->a1_ent < 0) {
            k->a1 = other;
            k->a1_ent = s->men[other].ent;
        }
        if (k->killw != t) {
            k->killw->used = 1;
            /* "nine soldiers were killed by Taliban fighters in an
             * ambush" */
            if (k->a1 < 0 && k->a1_ent < 0 && k->killw->passive) {
                int ba = by_agent(c, s, k->killw->e, &x->cl);
                if (ba >= 0 && ba != k->a2) {
                    k->a1 = ba;
                    k->a1_ent = s->men[ba].ent;
                }
            }
            /* the killed are victims too */
            int vm = -1;
            /* "documented the death of three members of the SDF": the
             * dead after "of" */
            if ((tdef(c, k->killw, 0)->opts & TRG_NOUN) && tok_is(s, k->killw->e, c->eng->w.of))
                vm = object_after(c, s, k->killw->e, &x->cl, 6, 1);
            if (vm < 0 && them_dead)
                vm = k->a2;
            if (vm >= 0)
                ;
            else if (k->killw->passive || (tdef(c, k->killw, 0)->opts & (TRG_VICTIM_SUBJ | TRG_NOUN))) {
                vm = subject_of(c, s, k->killw->s, &x->cl, 0, 0);
                /* "Ten police personnel and a civilian driver were killed" */
                int first = vm >= 0 ? conjunct_before(c->eng, s, vm) : -1;
                if (first >= 0) {
                    /* "22 Houthi fighters and nine government troops were
                     * killed in the fighting": the dead of two armed sides,
                     * no doer named, are the fight's two sides */
                    if (td->cls == EV_CLASH && k->a1 < 0 && k->a1_ent < 0 && two_sides(c, s, first, vm)) {
                        k->a1 = vm;
                        k->a1_ent = s->men[vm].ent;
                    }
                    vm = first;
                }
            }
            else
                vm = object_after(c, s, k->killw->e, &x->cl, 6, 1);
            /* ", killing at least 14 civilians", "the killing of 13
             * people": a noun reading's victims come after it; its
             * subject is no victim when it is the doer ("Gunmen attacked
             * Mirebalais on Saturday, killing at least 15 people") */
            if ((vm < 0 || vm == k->a1) && (tdef(c, k->killw, 0)->opts & TRG_NOUN))
                vm = object_after(c, s, k->killw->e, &x->cl, 6, 1);
            if (vm >= 0 && vm != k->a1) {
                k->dead_ent = s->men[vm].ent;
                victims_kind(c, &s->men[vm], &k->victims_civ, &k->victims_armed, &k->victims_prot);
                /* civilians killed in strikes on an ISIS-held town
                 * are the ones the strike fell on */
                int civ_dead = s->men[vm].ent >= 0 && (c->ents[s->men[vm].ent].flags & ACT_CIVILIAN);
                /* "attacked their checkpoint": "their" read as the
                 * attackers' own is no target; the dead say who */
                /* "clashes between rival militias left 32 people dead":
                 * the people counted are no side of the fight */
                int clash_toll = td->cls == EV_CLASH && civ_dead && s->men[vm].agent >= 0;
                /* "Two Israeli soldiers were killed when Hezbollah fired
                 * anti-tank missiles at an army post near the Lebanese
                 * border": the dead say whose the post was */
                int whose = k->a2 >= 0 && s->men[k->a2].def < 0 && s->men[k->a2].country < 0 &&
                            (s->men[vm].country >= 0 ||
                             (s->men[vm].def >= 0 && s->men[vm].ent >= 0 && (c->ents[s->men[vm].ent].flags & ACT_STATE))) &&
                            s->men[vm].ent >= 0 && s->men[k->a2].ent >= 0 &&
                            s->men[vm].ent != s->men[k->a2].ent && (c->ents[s->men[vm].ent].flags & ACT_ARMED) &&
                            (c->ents[s->men[k->a2].ent].flags & ACT_ARMED);
                if (!clash_toll && (whose ||
                    (k->a2 < 0 && k->a2_ent < 0) || (k->a2_holder && civ_dead) || same_entity(s, k->a1, k->a2))) {
                    k->a2 = vm;
                    k->a2_ent = s->men[vm].ent;
                }
            }
        }
    } else if (td->cls == EV_KILL || td->cls == EV_EXECUTE || (td->opts & TRG_KILLS)) {
        /* an execution kills those it names: "executed 30 of
         * their elements", "12 civilians were beheaded" */
        k->fat = fatalities_for(c, s, t);
    }
    if (k->fat < 0 && (td->opts & TRG_NOUN) && td->cls != EV_KILL)
        k->fat = count_included_in(c, s, t);
    /* "Somali soldiers killed more than 30 al-Shabaab fighters": a killing
     * told by its own verb killed whom it names (so "Two soldiers died
     * in the fighting" after it counts the other side's dead) */
    if (k->dead_ent < 0 && k->fat > 0 && (k->killw == t || !k->killw) && td->cls == EV_KILL && k->a2 >= 0)
        k->dead_ent = s->men[k->a2].ent;
    if (k->fat < 0 && cue_in(s, 0, s->ntok, CUE_NOCASUALTY) >= 0)
        k->fat = 0;
    /* "No one was killed in the attack": the "one" is nobody */
    if (k->fat > 0 && k->killw && cue_in(s, k->killw->s > 4 ? k->killw->s - 4 : 0, k->killw->e, CUE_NOCASUALTY) >= 0)
        k->fat = 0;
    k->lethal = k->fat > 0 || k->killw || cue_in(s, 0, s->ntok, CUE_LETHAL) >= 0;
    for (size_t q = 0; q < s->nmen; q++)
        if (s->men[q].ent >= 0 && (c->ents[s->men[q].ent].flags & ACT_STATE) &&
            (c->ents[s->men[q].ent].flags & ACT_ARMED))
            k->state_present = 1;
}

/* The verb a participle after a comma goes on from: "stormed into
 * southern Israel, killing ... and taking ...": *at its first token. */
static int participle_head(const sr_coder *c, const sr_sent *s, const sr_trig *t, size_t *at)
{
    int comma = 0;
    for (size_t i = t->s; i > 0; i--) {
        if (sr_tok_eq(&s->tok[i - 1], ","))
            comma = 1;
        if (s->owner[i - 1] < 0 || s->m[s->owner[i - 1]].kind != PH_TRIGGER)
            continue;
        for (size_t q = 0; q < s->ntg; q++) {
            const sr_trig *u = &s->tg[q];
            const sr_trigger_def *ud = tdef(c, u, 0);
            if (u != t && u->s < t->s && u->e == i && (ud->opts & TRG_VERB) && ud->form != VF_ING) {
                *at = u->s;
                return comma;
            }
        }
    }
    return 0;
}

/* "it had arrested more than 1,500 people and killed five suspected gang
 * members since the government declared ...": where another verb of an
 * event joined by "and" follows t's phrase, the end of that verb (what is
 * told after it is told of both); else t's end. */
static size_t joined_verb_end(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    if (!(tdef(c, t, 0)->opts & TRG_VERB))
        return t->e;
    for (size_t i = t->e; i < s->ntok && i < (size_t)t->e + 8; i++) {
        if (s->tok[i].flags & TK_PUNCT)
            break;
        if (s->tok[i].id != c->eng->w.and_)
            continue;
        for (size_t q = 0; q < s->ntg; q++) {
            const sr_trig *u = &s->tg[q];
            if (u->ndef && u->s > i && u->s <= i + 2 && (tdef(c, u, 0)->opts & TRG_VERB))
                return u->e;
        }
        break;
    }
    return t->e;
}

/* Whether the sentence or two before s told a happening of class cls as
 * history ("marked the first anniversary of the October 7 attack"): its
 * noun with history's words near it. */
static int history_told_before(const sr_coder *c, const sr_sent *s, int cls)
{
    for (int k = s->index - 1; k >= 0 && k >= s->index - 2; k--) {
        const sr_sent *p = &c->sents[k];
        for (size_t q = 0; q < p->ntg; q++) {
            const sr_trig *u = &p->tg[q];
            if (u->ndef && tdef(c, u, 0)->cls == cls && (tdef(c, u, 0)->opts & TRG_NOUN) &&
                background_near(p, u->s > 8 ? u->s - 8 : 0, u->s, u->s))
                return 1;
        }
    }
    return 0;
}

/* Whether word t (meaning td) tells history, not news: bg what its
 * clause's times said, this_week a day of the article's week told for it. */
/* Where the words that may make word t history begin: ten before it, or
 * after ", and" when a time of its own stands between ("have besieged
 * the city of El Fasher for months, and on Sunday shelled the city's
 * main hospital": the months are the siege's). */
static size_t history_window_start(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    size_t lo = t->s > 10 ? t->s - 10 : 0;
    for (size_t i = t->s; i > lo + 1; i--) {
        if (s->tok[i - 1].id != c->eng->w.and_ || !sr_tok_eq(&s->tok[i - 2], ","))
            continue;
        for (size_t k = 0; k < s->ntx; k++)
            if (s->tx[k].s >= i && s->tx[k].e <= t->s && s->tx[k].kind != TX_YEAR && s->tx[k].kind != TX_MONTH)
                return i;
        break;
    }
    return lo;
}

/* Whether token t lies in an aside set off by commas that opens with
 * "where" right after a place ("In Bucha, where ... occupation, residents
 * laid flowers"), with no time told in it and the sentence going on after
 * it. */
static int where_aside(const sr_coder *c, const sr_sent *s, size_t t)
{
    size_t open = t;
    while (open > 0 && !(s->tok[open - 1].flags & TK_PUNCT))
        open--;
    if (open < 2 || open >= t || !sr_tok_eq(&s->tok[open - 1], ",") || s->tok[open].id != c->eng->w.where)
        return 0;
    int after_place = 0;
    for (size_t j = 0; j < s->npm && !after_place; j++)
        after_place = (size_t)s->pm[j].e + 1 == open;
    size_t close = t;
    while (close < s->ntok && !(s->tok[close].flags & TK_PUNCT))
        close++;
    if (!after_place || close + 1 >= s->ntok || !sr_tok_eq(&s->tok[close], ","))
        return 0;
    /* (not when all that goes on is who told it: "Among the targets was
     * the village of Maaysrah north of Beirut, where a strike killed at
     * least four people, state media reported"; past what the deed did:
     * "..., where Arab militias backed by the RSF attacked the Masalit
     * community, killing dozens, residents and aid groups said") */
    size_t rest = close;
    if (rest + 1 < s->ntok && sr_affix(c->eng, AF_GERUND, s->tok[rest + 1].norm))
        for (rest++; rest < s->ntok && !(s->tok[rest].flags & TK_PUNCT); rest++)
            ;
    if (rest < s->ntok && s->ntok - rest <= 10 && cue_in(s, rest + 1, s->ntok, CUE_REPORT) >= 0)
        return 0;
    for (size_t q = 0; q < s->ntx; q++)
        if (s->tx[q].s >= open && s->tx[q].s < close)
            return 0;
    return 1;
}

static int told_as_history(const sr_coder *c, const sr_sent *s, const sr_trig *t, const sr_trigger_def *td,
                           const sr_ev *proto, int bg, int this_week)
{
    /* (six words after the verb; after "have" or "has", on to the end of
     * its clause within twelve: "Bandits have killed hundreds of people in
     * the region in recent years") */
    size_t ve = joined_verb_end(c, s, t), we = ve + 6;
    if (t->s > 0 && (s->tok[t->s - 1].id == c->eng->w.have || s->tok[t->s - 1].id == c->eng->w.has)) {
        size_t ce = ve;
        while (ce < ve + 12 && ce < s->ntok && !(s->tok[ce].flags & TK_PUNCT))
            ce++;
        if (ce > we)
            we = ce;
    }
    int hist = bg || (!this_week && background_near(s, history_window_start(c, s, t), we, t->s));
    /* "Hamas-led gunmen killed about 1,200 people and took 251 hostages in
     * the attack on southern Israel" after "marked the first anniversary of
     * the October 7 attack": the happening told as history, named again,
     * and what its sentence tells in it */
    for (size_t q = 0; !hist && !this_week && q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        hist = u->ndef && (tdef(c, u, 0)->opts & TRG_NOUN) && definite_noun(c->eng, s, u) &&
               (u == t || (u->s > t->e && u->s <= (size_t)t->e + 12)) && history_told_before(c, s, tdef(c, u, 0)->cls);
    }
    /* "the army had killed more than 100 Fano fighters in operations in
     * the area": a sum over many happenings */
    if (!hist && !this_week && cue_in(s, t->e, (size_t)t->e + 14 < s->ntok ? (size_t)t->e + 14 : s->ntok,
                                               CUE_AGGREGATE) >= 0)
        hist = 1;
    /* "raising the death toll from a week of protests to 18": the
     * happenings of a span of time counted from or over, no one
     * happening (but "Three days of fighting in Tripoli killed 55", and
     * "seized Palmyra after days of fierce fighting with government
     * troops", the fight the capture ended) */
    /* (and a fight counted since it began: "at least 270 people had been
     * killed and more than 2,600 wounded since the fighting began on
     * Saturday" is the toll of every day since, no one day's fight) */
    for (size_t b = t->s > 2 ? t->s - 2 : 0; !hist && (td->opts & TRG_NOUN) && td->cls == EV_CLASH && b < t->s; b++)
        hist = s->tok[b].id == c->eng->w.since && (b + 1 == t->s || word_has(c->eng, s->tok[b + 1].id, WA_DET));
    for (size_t b = t->s > 4 ? t->s - 4 : 1; !hist && (td->opts & TRG_NOUN) && b < t->s; b++)
        hist = sr_read_span(s->tok, s->ntok, b) == t->s - b &&
                        (s->tok[b - 1].id == c->eng->w.from || s->tok[b - 1].id == c->eng->w.over ||
                         s->tok[b - 1].id == c->eng->w.during);
    /* "In Bucha, where Russian troops killed hundreds of civilians during
     * their occupation, residents laid flowers at a memorial": a deed told
     * in an aside that opens with "where" after a place, with no day of its
     * own, is what the place is known for */
    /* (whatever day the sentence tells outside it: "... residents laid
     * flowers on Saturday") */
    if (!hist && where_aside(c, s, t->s))
        hist = 1;
    /* "launched more than 300 drones and missiles at Israel in
     * retaliation for a suspected Israeli strike on its embassy compound in
     * Damascus": what a deed answers, with no day of its own, is history */
    /* (a day told before "in retaliation" is the deed's; not "were in
     * response to the jihadist attack", told before) */
    for (size_t b = t->s > 5 ? t->s - 5 : 0; !hist && (td->opts & TRG_NOUN) && b + 1 < t->s; b++)
        if (sr_affix(c->eng, AF_CAUSE, s->tok[b].norm) &&
            (s->tok[b + 1].id == c->eng->w.for_ || s->tok[b + 1].id == c->eng->w.to)) {
            hist = 1;
            for (size_t q = b + 2; q < t->s; q++)
                hist &= !word_has(c->eng, s->tok[q].id, WA_DEMONSTRATIVE);
            for (size_t q = 0; q < s->ntx; q++)
                hist &= s->tx[q].s < b || s->tx[q].kind == TX_YEAR;
        }
    /* "ISIS-K has carried out several deadly bombings in Kabul this
     * year": many happenings told in the present perfect, no one of them */
    for (size_t b = t->s > 3 ? t->s - 3 : 0; !hist && (td->opts & TRG_NOUN) && td->plural && b < t->s; b++)
        for (size_t h = b > 4 ? b - 4 : 0; h < b && !hist && word_has(c->eng, s->tok[b].id, WA_VAGUE_MANY); h++)
            hist = s->tok[h].id == c->eng->w.have || s->tok[h].id == c->eng->w.has;
    /* "The strike ... came amid fighting between the federal army and the
     * Fano militia": the fighting a happening came in is its setting */
    for (size_t b = t->s > 3 ? t->s - 3 : 0; !hist && (td->opts & TRG_NOUN) && b < t->s; b++) {
        size_t ce = cue_end_at(s, b, CUE_AMID);
        hist = ce && ce <= t->s && t->s - ce <= 1;
    }
    /* "to mark one year since Hamas gunmen stormed into southern Israel,
     * killing about 1,200 people and taking about 250 hostages": the
     * participles go on with the history their verb tells */
    size_t hv = 0;
    if (!hist && !this_week && td->form == VF_ING && participle_head(c, s, t, &hv))
        hist = background_near(s, hv > 10 ? hv - 10 : 0, hv + 1, hv);
    /* "More than 130 pupils kidnapped from a school in northwestern
     * Nigeria this month have been released": the kidnapped named by the
     * kidnapping, then freed */
    /* (no object after it: not "Gunmen kidnapped 20 villagers, who were
     * later released") */
    if (!hist && !(proto->explicit_date && proto->time_precision == 1) && td->cls == EV_ABDUCT &&
        (td->form == VF_PART || td->form == VF_PAST) && t->s > 0 &&
        !is_be(c->eng, s->tok[t->s - 1].id) && t->e < s->ntok &&
        (word_has(c->eng, s->tok[t->e].id, WA_LOCPREP) || s->tok[t->e].id == c->eng->w.by))
        for (size_t i = t->e; i < s->ntok && i < (size_t)t->e + 16 && !hist; i++)
            hist = word_has(c->eng, s->tok[i].id, WA_RELEASE) && is_be(c->eng, s->tok[i - 1].id);
    return hist;
}

/* A word with no day of its own: the story's day, from the events told
 * just before of its doer or its other side (into proto). */
static void story_day(const sr_coder *c, const sr_sent *s, cand *k, sr_ev *proto)
{
    const sr_trig *t = k->t;
    /* "Burkina Faso's army executed at least 223 civilians ... on February
     * 25, Human Rights Watch said in a report" then "Soldiers rounded up
     * residents of Nondin and Soro villages ... and shot them": the same
     * doer's deed told next with no day of its own goes on with the
     * history the story opened with */
    /* (and "Fighting erupted in Khartoum in April 2023 ..." then "The RSF
     * quickly seized much of the capital and later took control of most
     * of Darfur": what came later than the history just told) */
    int later = 0;
    for (size_t b = t->s > 4 ? t->s - 4 : 0; b < t->s && !later; b++)
        later = s->tok[b].id == c->eng->w.later;
    if (!k->background && !proto->explicit_date && (k->a1_ent >= 0 || later)) {
        const sr_ev *hv = later ? sr_disc_history_just_before(c, s) : NULL;
        if (!hv)
            hv = k->a1_ent >= 0 ? sr_disc_history_lede(c, s, k->a1_ent) : NULL;
        if (hv) {
            k->background = 1;
            proto->date = hv->date;
            proto->has_date = 1;
            proto->time_precision = hv->time_precision;
            proto->explicit_date = 1;
            return;
        }
    }
    /* "Boko Haram attacked Huyum on Monday ... The insurgents
     * abducted 20 women": the story's day goes on */
    if (!proto->explicit_date && k->a1_ent >= 0) {
        const sr_ev *pv = sr_disc_story_date(c, s, k->a1_ent, 0);
        /* "Security forces killed five attackers": the fight with those
         * whose attack was just told, on its day */
        if (!pv && k->a2_ent >= 0 && k->a2_ent != k->a1_ent)
            pv = sr_disc_story_date(c, s, k->a2_ent, 0);
        if (!pv)
            pv = sr_disc_story_date(c, s, k->a1_ent, 1);
        /* "Russian jets also struck the town of Maarat al-Numan" after
         * Sunday's shelling: "also" goes on with the day told before */
        if (!pv && role_before(c->eng, s, t->s, WA_ADDITIVE)) {
            const sr_ev *lv = sr_disc_last_violence(c, s);
            if (lv && lv->explicit_date)
                pv = lv;
        }
        if (pv) {
            proto->date = pv->date;
            proto->has_date = 1;
            proto->time_precision = pv->time_precision;
        }
    }
    /* "On the same day, dozens of worshippers were killed in an attack on a
     * mosque in Natiaboani": the day of the violence told before */
    /* (and "A day earlier, a Russian glide bomb hit ... Kharkiv": the day
     * before it; "the next day": the day after) */
    static const struct { int cue, shift; } told_days[] = {{CUE_SAMEDAY, 0}, {CUE_DAYBEFORE, -1}, {CUE_DAYAFTER, 1}};
    int cs = -1, cue = 0, shift = 0;
    for (size_t q = 0; q < sizeof told_days / sizeof told_days[0] && cs < 0; q++) {
        cue = told_days[q].cue;
        shift = told_days[q].shift;
        cs = cue_in(s, 0, s->ntok, cue);
    }
    if (cs < 0)
        return;
    /* (the phrase read as a day counted from the article's date is the
     * story's day instead, when the sentence tells no other day) */
    size_t ce = cue_end_at(s, (size_t)cs, cue);
    int own_day = 0;
    for (size_t q = 0; q < s->ntx; q++)
        own_day |= s->tx[q].e <= (size_t)cs || s->tx[q].s >= ce;
    if (!proto->explicit_date || !own_day) {
        const sr_ev *lv = sr_disc_last_violence(c, s);
        if (lv && lv->explicit_date && lv->time_precision == 1) {
            sr_civil_from_days(sr_days_from_civil(lv->date.y, lv->date.m, lv->date.d) + shift, &proto->date);
            proto->has_date = 1;
            proto->time_precision = 1;
            proto->explicit_date = 1;
        }
    }
}

/* Whether happening pv was told of many places: across a region, or
 * against towns in the plural ("a massive missile barrage against
 * Ukrainian cities"). */
static int many_places_told(const sr_coder *c, const sr_ev *pv)
{
    if (pv->across)
        return 1;
    const sr_sent *r = &c->sents[pv->sent];
    for (size_t i = 0; i < r->ntok; i++)
        if (has_cue(r, i, CUE_PN_TOWN) && cue_end(r, i, CUE_PN_TOWN) == i + 1 && plural_people(&r->tok[i]))
            return 1;
    return 0;
}

/* Whether pv, or a blow from afar by its doer told in the three sentences
 * before, was told of many places (the city-by-city tolls of one barrage:
 * "In Kyiv, 22 people were killed" then "Ten people were killed in ...
 * Kryvyi Rih"). */
static int campaign_told(const sr_coder *c, const sr_ev *pv)
{
    for (size_t j = 0; j < c->nevs; j++) {
        const sr_ev *w = &c->evs[j];
        if (w == pv || (w->sent + 3 >= pv->sent && w->sent <= pv->sent && w->type == TYPE_EXPLOSIONS && w->a1 == pv->a1))
            if (many_places_told(c, w))
                return 1;
    }
    return 0;
}

/* Whether the article has told one happening of violence so far, and
 * no more. */
static int one_violence_told(const sr_coder *c)
{
    int n = 0;
    /* (a headline tells in short what the body tells: "Ethiopian troops
     * clash with Fano in Amhara" over the fight for Debre Markos) */
    for (size_t i = 0; i < c->nevs && n < 2; i++)
        n += !c->evs[i].dead && !c->evs[i].headline && sr_violent_type(c->evs[i].type);
    return n == 1;
}

/* A province or region set before the comma (fronted) and a town of the
 * sentence's own (lp's first) in it. */
static int wider_fronted(const sr_sent *s, const locpick *lp, int fronted)
{
    if (lp->n < 1 || lp->pm[0] == fronted)
        return 0;
    const sr_place *f = &s->pm[fronted].loc, *own = &s->pm[lp->pm[0]].loc;
    return (f->kind == PK_ADMIN1 || f->kind == PK_REGION) && own->precision == 1 && own->has_coords &&
           sr_streq(f->cc, own->cc) && sr_same_admin(f->admin1 ? f->admin1 : f->name, own->admin1);
}

/* The violence of the story told with its dead within back sentences
 * ("stormed a beachfront hotel ... after detonating a car bomb at its
 * gate, killing at least nine people"), whose toll a later one says has
 * risen: the first violent word of that sentence, which its others tell
 * in part; NULL. */
static const sr_ev *toll_told_within(const sr_coder *c, const sr_sent *s, int back)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent + back < s->index)
            break;
        if (pv->sent < s->index && pv->fatalities > 0 && pv->mod == SR_ASSERTED && sr_violent_type(pv->type)) {
            const sr_ev *first = pv;
            for (size_t r = 0; r < c->nevs; r++)
                if (c->evs[r].sent == pv->sent && c->evs[r].tok < first->tok && c->evs[r].mod == SR_ASSERTED &&
                    sr_violent_type(c->evs[r].type))
                    first = &c->evs[r];
            return first;
        }
    }
    return NULL;
}

/* Dead with no doer of their own that are the toll of the violence told
 * just before: sets k->restates (and, for their place, k->lp). */
static void restated_toll(const sr_coder *c, const sr_sent *s, cand *k, const sr_ev *proto)
{
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    locpick *lp = &k->lp;
    /* "Islamist militants attacked a military police training school ...
     * in Bamako" then "Security sources said more than 70 people were
     * killed": dead with no doer, place or day of their own, told alone,
     * are the toll of the violence told just before */
    /* (and "In the central city of Kryvyi Rih, 10 people were killed"
     * after Russia's missile attack on Ukrainian cities: its dead at a
     * place of their own, set before the comma) */
    k->restates = NULL;
    int fronted = -1;
    for (size_t q = 0; q < s->npm && fronted < 0 && lp->n >= 1; q++)
        if (usable_place(&s->pm[q]) && s->pm[q].s <= 5 && s->pm[q].e < t->s && sr_tok_eq(&s->tok[s->pm[q].e], ","))
            fronted = (int)q;
    /* (or at a place of their own in the province of the violence just
     * told, when the sentence tells only such dead: "the bandits ...
     * invaded Kairu village in Maru Local Government Area" then "eight
     * people were killed in Kairu while three others were killed in
     * nearby Dangulbi village") */
    int own_part = 0;
    if (!k->adds && td->cls == EV_KILL && t->passive && k->a1_ent < 0 && k->fat > 0 && !proto->explicit_date &&
        s->ntg > 1 && lp->n == 1 && !lp->tolls && fronted < 0) {
        own_part = 1;
        for (size_t q = 0; q < s->ntg && own_part; q++)
            own_part = s->tg[q].passive && s->tg[q].ndef && tdef(c, &s->tg[q], 0)->cls == EV_KILL;
    }
    if (own_part) {
        const sr_ev *pv = sr_disc_violence_within(c, s, 2);
        const sr_place *here = &s->pm[lp->pm[0]].loc;
        if (pv && pv->a1 >= 0 && here->admin1 && pv->loc.admin1 && !strcasecmp(here->admin1, pv->loc.admin1) &&
            !strcmp(here->cc, pv->loc.cc))
            k->restates = pv;
    }
    /* (or after the verb, after blows from afar on many places: "Ten
     * people were killed in the central city of Kryvyi Rih" after "Russia
     * launched a massive missile barrage against Ukrainian cities") */
    /* (a place told again, "from the village", is the place before's) */
    int own_place = fronted < 0 && lp->n == 1;
    /* (not a sum: "31,000 Ukrainian soldiers had been killed in the war") */
    int sum = cue_in(s, t->e, (size_t)t->e + 4 < s->ntok ? (size_t)t->e + 4 : s->ntok, CUE_AGGREGATE) >= 0;
    /* (or counted as found: "A resident said he had counted more than 40
     * bodies", events.txt found; whose, only when one happening of
     * violence was told before) */
    int counted = t->passive || ((td->opts & TRG_FOUND) && one_violence_told(c));
    /* (or a toll told to have risen, by when it had: "A police officer said
     * the death toll had risen to 12 by Saturday morning", after the
     * storming of a hotel and the siege that ended it) */
    int risen = (td->opts & TRG_NOUN) && t->e > t->s && word_has(c->eng, s->tok[t->e - 1].id, WA_TOLL);
    counted |= risen;
    if (!own_part && !sum && !k->adds && td->cls == EV_KILL && counted && k->a1_ent < 0 && k->fat > 0 &&
        (!proto->explicit_date || risen) &&
        s->ntg == 1 && (((!k->has_anchor || risen) && lp->n == 0) || fronted >= 0 || own_place)) {
        const sr_ev *pv = risen ? toll_told_within(c, s, 3) : sr_disc_violence_within(c, s, 2);
        /* (or of a riot just told: "Students clashed with police at Cheikh
         * Anta Diop University" then "One student was killed") */
        if (!pv)
            pv = sr_disc_riot_within(c, s, 1);
        /* (the attack its sentence told with a weapon, not a word of it
         * with none: "a missile attack ..., killing 41 and striking a
         * hospital") */
        for (size_t q = c->nevs; pv && pv->generic && !risen && q > 0; q--) {
            const sr_ev *w = &c->evs[q - 1];
            if (w->sent == pv->sent && w != pv && !w->generic && sr_violent_type(w->type) && w->a1 == pv->a1) {
                pv = w;
                break;
            }
        }
        /* (not a blast's: "In southern Gaza, two Palestinians were shot
         * dead near an aid distribution site" after an air strike on a
         * house tells a shooting of its own) */
        int shot = 0;
        for (size_t q = t->s; q < t->e && q < s->ntok; q++)
            shot |= has_cue(s, q, CUE_W_SMALLARMS);
        if (pv && shot && pv->type == TYPE_EXPLOSIONS)
            pv = NULL;
        if (pv && own_place && (pv->type != TYPE_EXPLOSIONS || pv->a1 < 0 || !campaign_told(c, pv) ||
                                !sr_streq(pv->loc.cc, s->pm[lp->pm[0]].loc.cc)))
            pv = NULL;
        if (pv && (sr_violent_type(pv->type) || pv->sub == SUB_VIOLENT_DEMO)) {
            if (own_place) {
                /* its own place kept */
            } else if (fronted < 0) {
                lp->prev_ev = pv;
                k->has_anchor = 1;
            } else if (wider_fronted(s, lp, fronted)) {
                /* "In the Donetsk region, two people were killed in the
                 * town of Toretsk": a province set before the comma holds
                 * the town told, which is where they died */
            } else {
                /* "In Kyiv, 27 people were killed, including at least two
                 * at the Okhmatdyt hospital": the place set before the
                 * comma holds them all */
                lp->n = 1;
                lp->pm[0] = fronted;
                lp->tolls = 0;
            }
            k->restates = pv;
        }
    }
}

/* Where and when: k->lp (the place, or how an earlier sentence places
 * it), k->proto (the date), k->loc_cc, and the flags the context filters
 * read (vague place, background, nowhere, a country alone). */
/* "The group said it had killed more than 20 soldiers": a toll its doer
 * tells of its own deed, weaker than one told by others (ACLED codes the
 * most conservative figure; a side's boast is not one). */
int sr_told_by_doer(const sr_sent *s, size_t tok, int a1)
{
    if (a1 < 0 || s->report_end <= 0 || (int)tok < s->report_end)
        return 0;
    for (size_t i = 0; i < s->nmen; i++)
        if ((int)s->men[i].e <= s->report_end && s->men[i].ent == a1)
            return 1;
    return 0;
}

/* "Jihadists attacked an army base in Malam Fatori" then "ISWAP said in
 * a statement ... that it had killed 25 soldiers": a group's own count
 * of the dead of the side that unnamed attackers struck a sentence or two
 * before is that attack's, at its place. */
static void claimed_deed_place(const sr_coder *c, const sr_sent *s, cand *k)
{
    if (k->has_anchor || k->td->cls != EV_KILL || k->a1_ent < 0 || k->a2_ent < 0 || k->fat <= 0 ||
        (c->ents[k->a1_ent].flags & ACT_UNKNOWN) || !sr_told_by_doer(s, k->t->s, k->a1_ent))
        return;
    const sr_ev *pv = sr_disc_unnamed_against(c, s, k->a2_ent, 2);
    if (pv) {
        k->lp.prev_ev = pv;
        k->has_anchor = 1;
    }
}

/* A noun naming a weapon's blow, that someone struck with: "ADEN, Yemen -
 * A car bomb targeted a military convoy on Sunday, killing six soldiers"
 * (not "Floods hit northern Bangladesh on Thursday, killing at least 12
 * people") */
static int weapon_blow(const sr_trigger_def *td)
{
    return (td->opts & TRG_NOUN) && (td->cls == EV_CARBOMB || td->cls == EV_SUICIDE || td->cls == EV_IED ||
                                     td->cls == EV_BOMB || td->cls == EV_AIR || td->cls == EV_SHELL ||
                                     td->cls == EV_GRENADE);
}

/* Where the story of k's sides was last told, for a word with no place
 * of its own; NULL. */
static const sr_ev *story_place_of_sides(const sr_coder *c, const sr_sent *s, const cand *k, const sr_ev *proto)
{
    /* "The group killed six villagers": the story goes on where the same
     * actor's last event was */
    const sr_ev *pv = sr_disc_story_place(c, s, k->a1_ent, proto);
    if (!pv && k->a2_ent >= 0)
        pv = sr_disc_fight_place(c, s, k->a1_ent, k->a2_ent, proto);
    /* "Russian warplanes struck the militants" after the militants'
     * attack near Mayadin: where those it struck were last told
     * fighting */
    if (!pv && k->a2_ent >= 0 && (c->ents[k->a2_ent].flags & ACT_ARMED) && !(c->ents[k->a2_ent].flags & ACT_UNKNOWN)) {
        pv = sr_disc_story_place(c, s, k->a2_ent, proto);
        /* (not where their rockets fell: "Hezbollah fired a barrage of
         * rockets at the Israeli city of Haifa" then "its warplanes had
         * hit 120 Hezbollah targets") */
        if (pv && (pv->sub == SUB_SHELLING || pv->sub == SUB_AIR))
            pv = NULL;
    }
    /* "Coalition warplanes pounded IS positions in the villages of
     * Al-Susah and Al-Baghuz" then "15 IS militants and four SDF fighters
     * were killed on the first day of fighting": a fight with no place
     * goes on where its side was last struck */
    if (!pv && k->td->cls == EV_CLASH && (c->ents[k->a1_ent].flags & ACT_ARMED) &&
        !(c->ents[k->a1_ent].flags & ACT_UNKNOWN))
        pv = sr_disc_struck_place(c, s, k->a1_ent, proto);
    return pv;
}

void sr_attach_context(sr_coder *c, sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_dicts *d = &c->eng->d;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    locpick *lp = &k->lp;
    pick_location(c, s, t, &x->cl, td->cls == EV_TERRITORY || td->cls == EV_WITHDRAW ? k->obj_place : -1,
                  lp);
    k->has_anchor = lp->n > 0 || lp->ctx != NULL || lp->prev_ev != NULL;
    k->only_country = lp->n > 0 && s->pm[lp->pm[0]].loc.kind == PK_COUNTRY;
    /* when */
    sr_ev *proto = &k->proto;
    memset(proto, 0, sizeof *proto);
    int bg = 0;
    int told_after = 0;
    event_date(c, s, t->s, k->ca, k->cb, proto, &bg, &told_after);
    k->riot = cue_in(s, k->ca, k->cb, CUE_RIOT) >= 0;
    k->air_told = 0;
    k->air_verb = 0;
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        k->air_told |= u != t && u->ndef && tdef(c, u, 0)->cls == EV_AIR;
        /* "Israeli raids struck the towns of Khiam, Kfar Kila and Houla":
         * a noun's own verb that strikes from the air when a state does it */
        k->air_verb |= u != t && u->ndef && (td->opts & TRG_NOUN) && u->s == t->e && !u->passive &&
                       (tdef(c, u, 0)->opts & TRG_AIR_STATE);
    }
    /* "Israel carried out a series of airstrikes on Beirut's southern
     * suburbs late Friday": a day of the article's week told for the
     * word is news, whatever words of history stand near */
    int this_week = told_after && proto->explicit_date && proto->time_precision == 1 && c->has_adate &&
                    labs(sr_days_from_civil(c->adate.y, c->adate.m, c->adate.d) -
                         sr_days_from_civil(proto->date.y, proto->date.m, proto->date.d)) < 7;
    k->background = told_as_history(c, s, t, td, proto, bg, this_week);
    /* (and a sum the word's dead are told as: "at least 1,200 civilians
     * had been killed in Myanmar since the start of the year, many of them
     * in air strikes by the military") */
    if (!k->background && !this_week && k->killw && k->killw != t &&
        cue_in(s, k->killw->e, (size_t)k->killw->e + 14 < s->ntok ? (size_t)k->killw->e + 14 : s->ntok, CUE_AGGREGATE) >= 0)
        k->background = 1;
    story_day(c, s, k, proto);
    /* "Clashes between two armed factions in the Libyan capital Tripoli
     * killed 55" then "The fighting between the 444 Brigade and the
     * Special Deterrence Force erupted on Monday night": the fight told
     * just before, its sides now named, where it was */
    /* (and "the strikes were carried out by Russian jets": the strikes
     * told before, their doer now named) */
    if (!k->has_anchor && (td->opts & TRG_NOUN) && definite_noun(c->eng, s, t) &&
        (td->cls == EV_CLASH || (k->anaphoric && (td->cls == EV_AIR || td->cls == EV_SHELL)))) {
        const sr_ev *pv = td->cls == EV_CLASH ? sr_disc_last_violence(c, s) : sr_disc_violence_within(c, s, 2);
        if (pv && (td->cls == EV_CLASH ? pv->cls == EV_CLASH : pv->type == TYPE_EXPLOSIONS)) {
            lp->prev_ev = pv;
            k->has_anchor = 1;
        }
    }
    if (!k->has_anchor && proto->explicit_date) {
        const sr_pmention *q = sr_disc_context_place(c, x->si, 0, 1);
        if (q) {
            lp->ctx = q;
            k->has_anchor = 1;
        }
    }
    /* (not a tally of weapons: "Russia had launched 112 drones and four
     * ballistic missiles overnight" is the whole night's, no one place) */
    sr_number cnt;
    int tally = (td->opts & TRG_NOUN) && t->s > 0 && (td->cls == EV_AIR || td->cls == EV_SHELL) &&
                sr_read_quantity(s->tok, s->ntok, t->s - 1, &cnt) == 1;
    if (!k->has_anchor && k->a1_ent >= 0 && !tally) {
        const sr_ev *pv = story_place_of_sides(c, s, k, proto);
        if (pv) {
            lp->prev_ev = pv;
            k->has_anchor = 1;
        }
    }
    /* "Hundreds of protesters set fire to a government building in
     * Antsiranana" then "Security forces fired tear gas to disperse the
     * crowd": force on the crowd just told is where that crowd was */
    /* (and "Police fired live rounds and tear gas, killing at least 19
     * people" after "protesters stormed Nepal's parliament": the killing
     * of that crowd) */
    if (!k->has_anchor &&
        (td->cls == EV_REPRESS ||
         ((td->cls == EV_KILL || td->cls == EV_SHOOT) && k->a1_ent >= 0 && (c->ents[k->a1_ent].flags & ACT_STATE) &&
          (k->a2_ent < 0 || (c->ents[k->a2_ent].flags & (ACT_PROTESTER | ACT_CIVILIAN)))) ||
         /* (or its arrests: "Police detained dozens of protesters,
          * according to a rights group" after a march in Havana) */
         (td->cls == EV_ARREST && k->a2_ent >= 0 && (c->ents[k->a2_ent].flags & ACT_PROTESTER)))) {
        const sr_ev *pv = sr_disc_crowd_place(c, s, proto);
        if (pv) {
            lp->prev_ev = pv;
            k->has_anchor = 1;
        }
    }
    /* "Three attackers were also killed." after the attack: more dead
     * of the violence told just before, at its place */
    k->adds = td->cls == EV_KILL && t->passive && k->a1_ent < 0 && role_before(c->eng, s, t->s, WA_ADDITIVE);
    /* "said the attack took place in Shindand district and that four
     * Taliban fighters were also killed in the gunfight": the attack told
     * again, with more dead */
    /* (or active: "The attack, at a restaurant where U.S. troops were
     * meeting local officials, also killed at least 15 other people") */
    /* (and a passive kill before a fight told again by its place: "A
     * jawan of the District Reserve Guard was also killed in the Bijapur
     * encounter") */
    if (!k->adds && k->killw && k->killw != t && (k->anaphoric || (k->killw->passive && definite_noun(c->eng, s, t))))
        k->adds = role_before(c->eng, s, k->killw->s, WA_ADDITIVE);
    /* "Insurgents ambushed a military convoy near Gao" then "Seven
     * soldiers and at least 15 assailants were killed": the dead of one
     * side of the violence told just before are its toll, at its place */
    /* (or told by a word whose subject died: "Two soldiers paid the
     * supreme price") */
    if (!k->has_anchor && !k->adds && td->cls == EV_KILL && (t->passive || (td->opts & TRG_VICTIM_SUBJ)) &&
        k->a1_ent < 0 && k->fat > 0 && k->a2_ent >= 0) {
        const sr_ev *pv = sr_disc_last_violence(c, s);
        /* (or of the side a fight told with one side only was on:
         * "Al-Shabaab militants overran a Somali army base" then "At
         * least seven soldiers were killed") */
        int other_side = pv && pv->type == TYPE_BATTLES && pv->a2 < 0 && pv->a1 >= 0 && pv->a1 != k->a2_ent &&
                         (c->ents[k->a2_ent].flags & ACT_ARMED) && !(c->ents[pv->a1].flags & ACT_STATE) !=
                                                                        !(c->ents[k->a2_ent].flags & ACT_STATE);
        if (pv && (pv->a1 == k->a2_ent || pv->a2 == k->a2_ent || other_side)) {
            lp->prev_ev = pv;
            k->has_anchor = 1;
        }
    }
    claimed_deed_place(c, s, k);
    restated_toll(c, s, k, proto);
    if (!k->has_anchor && k->adds) {
        const sr_ev *pv = sr_disc_violence_within(c, s, 2);
        if (pv) {
            lp->prev_ev = pv;
            k->has_anchor = 1;
        } else {
            k->adds = 0;
        }
    }
    /* "At least 10 people were killed Friday when al-Shabaab
     * fighters attacked a base", the place told a sentence later
     * ("... killed in the attack in Lower Shabelle"): kept aside
     * until a mention of the same happening places it */
    k->unplaced = 0;
    /* "Turkish artillery shelled several villages in the Amedi district on
     * Monday" then "The shelling targeted areas near the village of Kani
     * Masi": a happening told of many places waits for a later telling
     * that names one */
    /* (so does one with its dead and a district that holds its places:
     * "attacked several villages in Kapoeta East county over the weekend,
     * killing 14 people") */
    if (lp->vague && !k->has_anchor && !k->anaphoric && k->a1_ent >= 0 &&
        (proto->explicit_date || (lp->holder >= 0 && k->fat > 0))) {
        lp->vague = 0;
        lp->was_vague = 1;
        k->unplaced = 1;
    }
    if (!k->has_anchor && !k->anaphoric && !k->unplaced) {
        /* "Militants attacked a security post ..., killing seven
         * soldiers, the military said Tuesday." then "The attack happened
         * late Monday in the Lower Dir district": its dead told will do
         * for a day */
        /* (with no doer named, a weapon's blow, its day and its dead will
         * do too) */
        if ((k->a1_ent < 0 && !(weapon_blow(td) && proto->explicit_date && k->fat > 0)) ||
            (!proto->explicit_date && k->fat <= 0))
            k->no_anchor = 1;
        else
            k->unplaced = 1;
    }
    if (k->only_country && !proto->explicit_date && !k->no_anchor) {
        /* "has lost territory in Syria and Iraq": too vague */
        const sr_pmention *q = sr_disc_context_place(c, x->si, 0, 1);
        if (!q || strcmp(q->loc.cc, s->pm[lp->pm[0]].loc.cc)) {
            k->country_alone = 1;
        } else {
            lp->n = 0;
            lp->ctx = q;
        }
    }
    k->loc_cc = lp->n ? s->pm[lp->pm[0]].loc.cc : lp->ctx ? lp->ctx->loc.cc : lp->prev_ev ? lp->prev_ev->loc.cc : "";
    if (!k->loc_cc[0] && c->focus_country >= 0)
        k->loc_cc = d->countries[c->focus_country].iso2;
}
