/* Who acted and on whom.
 *
 * In: an event word with its meaning (cand.t, cand.td), the sentence's
 * mentions (actors) and clauses. Out, first (sr_assign_roles): cand.a1
 * and cand.a2 (mentions), cand.a1_ent and cand.a2_ent (entities, also
 * from what the article told before), the kinds of victims and targets,
 * the weapons named in the word's clause, and whether the word refers to
 * a happening told before (anaphoric). Then, once the type is known
 * (sr_roles_by_type): the roles as ACLED codes that type (protests are
 * by protesters; the forces that fire on them are actor1 of excessive
 * force; the dead of an air strike are civilians unless named otherwise;
 * the side that takes a place handed over is actor1). */
#include <string.h>

#include "../lang/inflect.h"
#include "../util/str.h"
#include "pass.h"

/* ---- finding actors around a trigger ---------------------------------------- */

static int ment_ok_actor(const sr_coder *c, const sr_mention *m)
{
    if (m->modifier || m->ctrl || m->ent < 0)
        return 0;
    const sr_entity *en = &c->ents[m->ent];
    return !(en->flags & ACT_SOURCE);
}

/* The mention whose span ends right before token i (skipping adjectives and
 * determiners): "Russian air strikes", "the Houthi missile attack". */
static int premodifier(const sr_coder *c, const sr_sent *s, size_t i)
{
    const sr_engine *e = c->eng;
    size_t j = i;
    for (int hops = 0; j > 0 && hops < 3; hops++) {
        for (size_t k = 0; k < s->nmen; k++) {
            const sr_mention *m = &s->men[k];
            if (m->e == j && (ment_ok_actor(c, m) || (m->pronoun && m->poss && m->ent >= 0)))
                return (int)k;
        }
        const sr_token *p = &s->tok[j - 1];
        if ((p->flags & TK_POSS) || ((p->flags & TK_ALPHA) && !(p->flags & TK_CAP) && s->owner[j - 1] < 0 &&
                                     p->id != e->w.of && p->id != e->w.by && p->id != e->w.and_ &&
                                     p->id != e->w.in && p->id != e->w.on && p->id != e->w.the &&
                                     !has_cue(s, j - 1, CUE_REPORT) && !has_cue(s, j - 1, CUE_SUPPORT) &&
                                     p->id != e->w.with && p->id != e->w.to && p->id != e->w.from &&
                                     p->id != e->w.after && p->id != e->w.for_ && p->id != e->w.against &&
                                     p->id != e->w.during && p->id != e->w.amid && p->id != e->w.at &&
                                     p->id != e->w.near && p->id != e->w.following && p->id != e->w.before))
            j--;
        else if ((p->flags & TK_NUM) || p->id == e->w.a || p->id == e->w.an)
            j--;
        else
            break;
    }
    return -1;
}

/* "killed by a landmine left by the Islamic State", "by a mine exploded
 * from the remnants of the Islamic State": the weapon's owner is the doer.
 * From st (after "by"): a weapon, then within a few words of it an armed
 * actor after "by" or "from", or after "of" behind a word of remnants. */
static int weapon_origin(const sr_coder *c, const sr_sent *s, size_t st, const clauses *cl)
{
    const sr_engine *e = c->eng;
    size_t w = st;
    while (w < s->ntok && w < st + 3 && !(s->cuemask[w] & SR_CUE_WEAPONS))
        w++;
    if (w >= s->ntok || w >= st + 3 || !(s->cuemask[w] & SR_CUE_WEAPONS))
        return -1;
    for (size_t k = 0; k < s->nmen; k++) {
        const sr_mention *m = &s->men[k];
        if (m->s <= w || m->s > w + 8 || cl->hard[m->s] != cl->hard[w] || !ment_ok_actor(c, m) || m->ent < 0 ||
            !(c->ents[m->ent].flags & ACT_ARMED))
            continue;
        int remnant = m->prep == e->w.of && m->s >= 2 && word_has(e, s->tok[m->s - 2].id, WA_REMNANT);
        /* (not "drone strikes on a building used by militants") */
        int held = m->prep == e->w.by && m->s >= 2 && word_has(e, s->tok[m->s - 2].id, WA_HELD_BY);
        if ((m->prep == e->w.from || m->prep == e->w.by || remnant) && !held)
            return (int)k;
        return -1;
    }
    return -1;
}

/* "by X", "blamed on X", "claimed by X" after the trigger. */
int by_agent(const sr_coder *c, const sr_sent *s, size_t from, const clauses *cl)
{
    const sr_engine *e = c->eng;
    /* (further on only past where and when, no other happening nor clause
     * between: "were hacked to death with machetes overnight in the
     * village of Mayimoya, in Beni territory, by suspected ADF rebels") */
    for (size_t i = from; i < s->ntok && i < from + 20; i++) {
        if (cl->hard[i] != cl->hard[from > 0 ? from - 1 : 0])
            break;
        if (i >= from + 6 && ((s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_TRIGGER) ||
                              word_has(e, s->tok[i].id, WA_SOFTBREAK) || has_cue(s, i, CUE_REPORT)))
            break;
        int by = s->tok[i].id == e->w.by;
        int blamed = word_has(e, s->tok[i].id, WA_BLAME) && i + 1 < s->ntok &&
                     (s->tok[i + 1].id == e->w.on || s->tok[i + 1].id == e->w.to);
        if (!by && !blamed)
            continue;
        if (i >= from + 6 && !by)
            break;
        /* "a building used by militants": the target's holders */
        if (by && i > from && word_has(e, s->tok[i - 1].id, WA_HELD_BY))
            return -1;
        /* "The unrest was sparked by the fatal police shooting": its cause,
         * another happening, not its doer */
        if (by && i > from && sr_affix(e, AF_SPARK, s->tok[i - 1].norm))
            return -1;
        size_t st = i + 1 + (blamed ? 1 : 0);
        /* "by Sudan's paramilitary Rapid Support Forces": a country's
         * word and its describers before the name */
        size_t reach = st + 2;
        if (st + 1 < s->ntok && (s->tok[st + 1].flags & TK_POSS))
            reach = st + 4;
        /* "shot dead by suspected members of the Clan del Golfo": whose
         * members they were */
        size_t q = st + (st < s->ntok && word_has(e, s->tok[st].id, WA_HEDGE) ? 1 : 0);
        if (q + 1 < s->ntok && word_has(e, s->tok[q].id, WA_PEOPLE) && s->tok[q + 1].id == e->w.of && q + 3 > reach)
            reach = q + 3;
        for (size_t k = 0; k < s->nmen; k++) {
            const sr_mention *m = &s->men[k];
            if (m->s >= st && m->s <= reach && ment_ok_actor(c, m))
                return (int)k;
        }
        return by ? weapon_origin(c, s, st, cl) : -1;
    }
    return -1;
}

/* The sentence subject: the first actor not inside a phrase of its own. */
static int main_subject(const sr_coder *c, const sr_sent *s)
{
    for (size_t k = 0; k < s->nmen; k++) {
        const sr_mention *m = &s->men[k];
        if ((int)m->s < s->report_end || (int)m->s >= s->report_start)
            continue;
        if (!ment_ok_actor(c, m) || m->prep || m->paren)
            continue;
        return (int)k;
    }
    return -1;
}

/* The actor doing the verb at token t: the nearest plausible one on the
 * left, preferring the same clause and subject positions. */
/* Between two mentions only "and" and at most two words in lower case
 * ("and allied clan", "and a civilian"). */
int conjunct_gap(const sr_engine *e, const sr_sent *s, size_t a, size_t b)
{
    if (a >= b || s->tok[a].id != e->w.and_)
        return 0;
    size_t q = a + 1;
    for (int w = 0; w < 2 && q < b && (s->tok[q].flags & TK_ALPHA) && !(s->tok[q].flags & TK_CAP); w++)
        q++;
    return q == b;
}

/* The mention joined to mention m by "and" right before it ("Ten police
 * personnel and a civilian driver", "Fifty-three soldiers and one
 * civilian"), or -1. */
int conjunct_before(const sr_engine *e, const sr_sent *s, int m)
{
    for (int q = m - 1; m > 0 && q >= 0 && q >= m - 2; q--)
        if (s->men[q].ent >= 0 && !s->men[q].modifier && conjunct_gap(e, s, s->men[q].e, s->men[m].s))
            return q;
    return -1;
}

/* An event verb ends within three words before token i (its count and
 * determiner between): "abducted six students". */
static int object_of_verb_before(const sr_coder *c, const sr_sent *s, size_t i)
{
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u->ndef && (tdef(c, u, 0)->opts & TRG_VERB) && !u->passive && u->e <= i && i - u->e <= 3)
            return 1;
    }
    return 0;
}

/* "including" before token i lists some of what an active verb just
 * before took: "killed at least five people, including two gendarmes". */
static int among_objects(const sr_coder *c, const sr_sent *s, size_t i)
{
    size_t inc = i;
    while (inc > 0 && i - inc < 3 && s->tok[inc].id != c->eng->w.including)
        inc--;
    if (s->tok[inc].id != c->eng->w.including)
        return 0;
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u->ndef && (tdef(c, u, 0)->opts & TRG_VERB) && !u->passive && u->e <= inc && inc - u->e <= 8)
            return 1;
    }
    return 0;
}

/* Whether mention k is the last one to end before token t. */
static int nearest_before(const sr_sent *s, size_t k, size_t t)
{
    for (size_t j = k + 1; j < s->nmen; j++)
        if (s->men[j].e <= t && !s->men[j].modifier)
            return 0;
    return 1;
}

/* Whether the words before token i say whom someone is loyal to or allied
 * with ("loyal to the former Assad government", "affiliated with the
 * army"): a backing word, then "to" or "with", then "the" and lower-case
 * words. */
static int loyal_to_before(const sr_engine *e, const sr_sent *s, size_t i)
{
    size_t q = i;
    while (q > 0 && i - q < 4 && (s->tok[q - 1].flags & TK_ALPHA) && !tok_is(s, q - 1, e->w.to) &&
           !tok_is(s, q - 1, e->w.with))
        q--;
    return q >= 2 && (tok_is(s, q - 1, e->w.to) || tok_is(s, q - 1, e->w.with)) &&
           word_has(e, s->tok[q - 2].id, WA_BACKING);
}

int subject_of(const sr_coder *c, const sr_sent *s, size_t t, const clauses *cl, int participle,
                      uint32_t forbid)
{
    const sr_engine *e = c->eng;
    int best = -1;
    double bs = -4.0;
    int ms = main_subject(c, s);
    for (size_t k = 0; k < s->nmen; k++) {
        const sr_mention *m = &s->men[k];
        if (m->e > t || m->ent < 0 || m->modifier || m->ctrl)
            continue;
        const sr_entity *en = &c->ents[m->ent];
        /* a mob is civilians that do violence: "a mob beat a man to death" */
        if ((en->flags & ACT_SOURCE) || ((en->flags & forbid) && !(en->flags & ACT_CROWD)))
            continue;
        if (cl->hard[m->s] != cl->hard[t])
            continue;
        /* the source of a report is not the doer of what it reports */
        if ((int)t >= s->report_end && (int)m->e <= s->report_end && s->report_end > 0 && !m->pronoun)
            continue;
        if ((int)m->s >= s->report_start && (int)t < s->report_start)
            continue;
        if (m->poss && m->pronoun)
            continue;
        /* "declared the defeat of Islamic State's territorial caliphate
         * on Saturday after capturing its last shred of land": the owner
         * of a thing told far before the verb does not do it */
        if (m->poss && (size_t)m->e + 4 < t && !((size_t)m->e + 1 < s->ntok && s->owner[m->e + 1] >= 0))
            continue;
        /* "Rebels attacked ..., the government said, but were repelled by
         * U.N. peacekeepers": who said is the subject of saying */
        if ((size_t)m->e < t && has_cue(s, m->e, CUE_REPORT) && !m->pronoun)
            continue;
        /* "Two soldiers were killed when a truck packed with explosives
         * blew up": a clause of "when" with a subject of its own (here
         * no actor) is not done by the sentence's subject */
        {
            int own_subject = 0;
            for (size_t q = m->e; q + 2 < t && !own_subject; q++)
                own_subject = (s->tok[q].id == e->w.when || s->tok[q].id == e->w.while_) &&
                              (is_det_word(e, &s->tok[q + 1]) || (s->tok[q + 1].flags & TK_NUM));
            if (own_subject)
                continue;
        }
        /* "also abducted six students and burned a dormitory": what the
         * verb before "and" took is not the next verb's doer */
        if (t > 0 && s->tok[t - 1].id == e->w.and_ && (size_t)m->e + 1 == t && m->s > 0 &&
            object_of_verb_before(c, s, m->s))
            continue;
        /* "killed five people, including two gendarmes, in an attack":
         * those among what a verb took are no doers */
        if (among_objects(c, s, m->s))
            continue;
        /* "Supporters of the military junta ransacked": the head of the
         * phrase acts, not what "of" names */
        if (m->prep == e->w.of && k > 0 && s->men[k - 1].e + 2 >= m->s && s->men[k - 1].ent >= 0)
            continue;
        /* "Gunmen loyal to the former Assad government ambushed": whom
         * the doers are loyal to does not act */
        /* (a state: an armed group "affiliated with the Islamic State
         * group" is its own) */
        if ((en->flags & ACT_STATE) && loyal_to_before(e, s, m->s))
            continue;
        /* "Burundian troops fighting alongside Congolese forces clashed":
         * who fights alongside the doer does not do the verb */
        if (m->s > 0 && (tok_is(s, m->s - 1, e->w.alongside) ||
                         (m->s > 1 && tok_is(s, m->s - 1, e->w.the) && tok_is(s, m->s - 2, e->w.alongside))))
            continue;
        double sc = -0.15 * (double)(t - m->e);

        if (cl->soft[m->s] == cl->soft[t])
            sc += 4.0;
        if (m->prep && m->prep != e->w.including)
            sc -= 3.0;
        if (m->paren)
            sc -= 4.0;
        /* "warplanes pounded Gaza after Hamas gunmen stormed into
         * Israel, ... taking dozens of hostages": past "after", the
         * participle goes with the nearer doer */
        /* (its own "after" is no other happening: "Al-Shabaab fighters
         * overran a military base ... after detonating a car bomb at its
         * gate"; not a subject that something befell: "Nineteen Islamic
         * State militants were killed ... as troops continue to clear the
         * city after declaring victory") */
        int befell = m->e < s->ntok && is_be(e, s->tok[m->e].id);
        int main_doer = (int)k == ms && !(participle && after_between(e, s, m->e, befell ? t : t - 1));
        if (main_doer)
            sc += 1.5;
        if (m->poss && t - m->e <= 4)
            sc += 3.0;
        if (participle && main_doer)
            sc += 3.0;
        /* adjacent: "ISIS abducted", "the army was still 30 km away after capturing" */
        size_t j = m->e;
        while (j < t && (is_adverb_like(e, &s->tok[j]) || is_be(e, s->tok[j].id) || s->tok[j].id == e->w.has ||
                         s->tok[j].id == e->w.have || s->tok[j].id == e->w.had || (s->tok[j].flags & TK_NEG) ||
                         (s->owner[j] >= 0 && s->m[s->owner[j]].kind == PH_TRIGGER)))
            j++;
        if (j == t)
            sc += 2.0;
        /* "were gunned down by militants who ambushed their patrol": the
         * doer after "by" and "who" did what the clause tells */
        if (m->prep == e->w.by && (size_t)m->e < t && tok_is(s, m->e, e->w.who)) {
            size_t w = m->e + 1;
            while (w < t && is_adverb_like(e, &s->tok[w]))
                w++;
            if (w == t)
                sc += 8.0;
        }
        if (en->flags & ACT_PERSON)
            sc -= 2.0;
        if (sc > bs) {
            bs = sc;
            best = (int)k;
        }
    }
    /* "Malian troops and suspected Russian fighters executed around 300
     * civilian men": of two states' forces joined by "and", the first
     * named leads (the nearer was taken for being next to the verb; not
     * "Ethiopian federal forces and Fano militiamen clashed", two sides) */
    /* (and "a joint team of police and vigilantes engaged the attackers":
     * a militia that fights for the state, named after its forces) */
    if (best >= 0 && s->men[best].ent >= 0 && (c->ents[s->men[best].ent].flags & (ACT_STATE | ACT_GOVSIDE)) &&
        (c->ents[s->men[best].ent].flags & ACT_ARMED)) {
        int q = conjunct_before(e, s, best);
        if (q >= 0 && (c->ents[s->men[q].ent].flags & ACT_ARMED) && (c->ents[s->men[q].ent].flags & ACT_STATE) &&
            !(c->ents[s->men[q].ent].flags & forbid) &&
            !s->men[q].prep && cl->hard[s->men[q].s] == cl->hard[t])
            best = q;
    }
    /* "U.S.-backed forces declared the defeat of ... on Saturday after
     * capturing its last shred of land": a participle with no nearer doer
     * is the main subject's */
    if (best < 0 && participle && ms >= 0 && (size_t)s->men[ms].e < t && cl->hard[s->men[ms].s] == cl->hard[t] &&
        s->men[ms].ent >= 0 && !(c->ents[s->men[ms].ent].flags & forbid))
        best = ms;
    return best;
}

/* The first actor after token `from` in the clause, optionally only after
 * a given preposition. */
/* "attacked the village twice with heavy artillery", "with drones": a
 * weapon's word after "with" is what struck, no one struck */
static int instrument(const sr_engine *e, const sr_sent *s, const sr_mention *m)
{
    /* "with heavy artillery": "with" and a word or two before the name */
    int with = m->prep == e->w.with;
    for (size_t i = m->s; !with && i > 0 && m->s - i < 4; i--)
        with = s->tok[i - 1].id == e->w.with;
    if (!with)
        return 0;
    for (size_t i = m->s; i < m->e; i++)
        if (s->cuemask[i] & SR_CUE_WEAPONS)
            return 1;
    /* ("stormed the camp with dozens of military vehicles": a side's
     * word before the things it brought) */
    return m->e < s->ntok && has_cue(s, m->e, CUE_NONHUMAN);
}

/* "... before opening fire, a county official said": who tells of it
 * is no one it was done to */
static int past_report(const sr_sent *s, size_t from, const sr_mention *m)
{
    return (int)m->s >= s->report_start && (int)from < s->report_start;
}

int object_after(const sr_coder *c, const sr_sent *s, size_t from, const clauses *cl, size_t maxgap,
                        int direct_only)
{
    const sr_engine *e = c->eng;
    /* (words that only describe the object do not count: "killed a senior
     * commander of the Iran-backed Kataib Hezbollah militia") */
    size_t extra = 0;
    for (size_t i = from; i < s->ntok && i <= from + maxgap + extra; i++)
        if ((s->tok[i].flags & TK_HYPH) && word_has(e, s->tok[i].id, WA_BACKING))
            extra += 2;
    /* (nor the count's words: "killed at least 15 members of a local
     * vigilante group") */
    sr_number count;
    if (from < s->ntok)
        extra += sr_read_quantity(s->tok, s->ntok, from, &count);
    for (size_t k = 0; k < s->nmen; k++) {
        const sr_mention *m = &s->men[k];
        if (m->s < from || m->modifier || m->ent < 0)
            continue;
        if (m->s > from + maxgap + extra)
            break;
        if (cl->hard[m->s] != cl->hard[from > 0 ? from - 1 : 0] || past_report(s, from, m))
            break;
        if (c->ents[m->ent].flags & ACT_SOURCE)
            continue;
        /* direct_only 2: "declared victory over Islamic State", a
         * preposition that ends the event's own words is no preposition
         * of the object */
        if (direct_only && m->prep && m->prep != e->w.of && m->prep != e->w.including &&
            !(direct_only == 2 && m->s == from))
            continue;
        if (m->prep == e->w.by || instrument(e, s, m))
            continue;
        return (int)k;
    }
    return -1;
}

/* "clashes between A and B", "fighting between government troops and
 * Russia-backed rebels". */
int between_pair(const sr_coder *c, const sr_sent *s, size_t from, int *b)
{
    const sr_engine *e = c->eng;
    /* "fighting erupted on Wednesday midnight between the army and the
     * RSF": a verb and a time may come first, not a comma */
    for (size_t i = from; i < s->ntok && i < from + 8; i++) {
        if (i > from && sr_tok_eq(&s->tok[i], ","))
            break;
        /* (not past another event word, whose sides they are: "The strike
         * came amid heavy fighting between government forces and rebels") */
        if (i > from && s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_TRIGGER && s->m[s->owner[i]].start == i)
            break;
        /* (or "The fighting pitted the Radaa force against the 444
         * Brigade": the second side after "against") */
        int pit = has_cue(s, i, CUE_PIT);
        if (s->tok[i].id != e->w.between && s->tok[i].id != e->w.among && !pit)
            continue;
        if (pit)
            i = cue_end(s, i, CUE_PIT) - 1;
        int a = -1;
        *b = -1;
        for (size_t k = 0; k < s->nmen; k++) {
            const sr_mention *m = &s->men[k];
            if (m->s <= i || m->ent < 0 || m->modifier)
                continue;
            if (a < 0 && m->s <= i + 3) {
                a = (int)k;
                continue;
            }
            if (a >= 0 && m->s > s->men[a].e && m->s <= s->men[a].e + 3 &&
                (!pit || (m->s >= 1 && (tok_is(s, m->s - 1, e->w.against) ||
                                        (m->s >= 2 && tok_is(s, m->s - 2, e->w.against)))))) {
                *b = (int)k;
                break;
            }
        }
        return a;
    }
    return -1;
}

/* "with X", "against X", "on X", "targeting X" after a trigger. */
/* "in support of the Syrian Democratic Forces", "in solidarity with the
 * Palestinians": the mention ends such a phrase (cues.txt SIDING) */
static int sided_with(const sr_engine *e, const sr_sent *s, const sr_mention *m)
{
    if (!(s->cues & (1ULL << CUE_SIDING)))
        return 0;
    for (size_t b = m->s >= 6 ? m->s - 6 : 0; b < m->s; b++)
        if (has_cue(s, b, CUE_SIDING)) {
            size_t ce = cue_end(s, b, CUE_SIDING);
            if (ce == m->s || (ce + 1 == m->s && tok_is(s, ce, e->w.the)))
                return 1;
        }
    return 0;
}

/* A bomb's class: set off near its target ("detonated a bomb near a police
 * patrol"), where other blows fall near what they spare ("RSF artillery
 * also targeted sites near the army's general headquarters"). */
static int bomb_class(int cls)
{
    return cls == EV_IED || cls == EV_BOMB || cls == EV_CARBOMB || cls == EV_SUICIDE;
}

/* The side a blow fell on, after its word from `from`: after "with",
 * "against", "on", "at", "of" (and "near" armed men, for a bomb: near_ok;
 * not "a bomb attack near the Interior Ministry"), or "targeting"; -1. */
static int target_after(const sr_coder *c, const sr_sent *s, size_t from, const clauses *cl, uint32_t *prep_out,
                        int near_ok)
{
    const sr_engine *e = c->eng;
    for (size_t k = 0; k < s->nmen; k++) {
        const sr_mention *m = &s->men[k];
        if (m->s < from || m->ent < 0 || m->modifier)
            continue;
        if (m->s > from + 8)
            break;
        /* "strikes on ISIS's stronghold of Raqqa": a place was hit, ISIS
         * only holds it */
        int holder = 0;
        if (sr_poss_after(c->eng, s, k))
            for (size_t j = 0; j < s->npm; j++)
                if (s->pm[j].owner == (int16_t)k)
                    holder = 1;
        if (holder)
            continue;
        if (cl->hard[m->s] != cl->hard[from > 0 ? from - 1 : 0] || past_report(s, from, m))
            break;
        if (instrument(e, s, m))
            continue;
        if (sided_with(e, s, m))
            continue;
        if (m->prep == e->w.with || m->prep == e->w.against || m->prep == e->w.on || m->prep == e->w.at ||
            m->prep == e->w.of || (near_ok && m->prep == e->w.near && (c->ents[m->ent].flags & ACT_ARMED))) {
            if (prep_out)
                *prep_out = m->prep;
            return (int)k;
        }
        /* "targeting X", "hitting X" */
        if (m->s > 0 && word_has(e, s->tok[m->s - 1].id, WA_TARGETING)) {
            if (prep_out)
                *prep_out = 0;
            return (int)k;
        }
    }
    return -1;
}

/* A verb in "support" of a nominal event word: "ISIS launched an attack",
 * "carried out by the Houthi group". Returns the token of the verb or -1. */
static int support_verb(const sr_sent *s, size_t t)
{
    for (size_t i = t; i > 0 && t - i < 5; i--) {
        if (has_cue(s, i - 1, CUE_SUPPORT))
            return (int)i - 1;
        const sr_token *p = &s->tok[i - 1];
        if ((p->flags & TK_PUNCT) || (s->owner[i - 1] >= 0 && s->m[s->owner[i - 1]].kind != PH_COUNTRY &&
                                      s->m[s->owner[i - 1]].kind != PH_ACTOR && s->m[s->owner[i - 1]].kind != PH_AGENT))
            break;
    }
    return -1;
}

static int receiver_of(const sr_coder *c, const sr_sent *s, const sr_trig *t, size_t clause_end)
{
    for (size_t j = 0; j < s->nmen; j++) {
        const sr_mention *m = &s->men[j];
        if (m->s < t->e || m->s >= clause_end || m->ent < 0 || m->prep != c->eng->w.to)
            continue;
        if (c->ents[m->ent].flags & (ACT_ARMED | ACT_STATE))
            return (int)j;
    }
    return -1;
}

/* "a leader of the opposition BNP": the group's mention m told after a
 * word for one person and "of" (a word or two between). */
int sr_person_of_group(const sr_engine *e, const sr_sent *s, const sr_mention *m)
{
    size_t o = m->s;
    for (int w = 0; w < 2 && o > 0 && s->owner[o - 1] < 0 && (s->tok[o - 1].flags & TK_ALPHA) &&
                    !(s->tok[o - 1].flags & TK_CAP) && !tok_is(s, o - 1, e->w.of);
         w++)
        o--;
    return o >= 2 && tok_is(s, o - 1, e->w.of) && has_cue(s, o - 2, CUE_PERSON) && cue_end(s, o - 2, CUE_PERSON) == o - 1;
}

int victims_kind(const sr_coder *c, const sr_mention *m, int *civ, int *armed, int *prot)
{
    if (!m)
        return 0;
    /* "killed five soldiers" in a story of no known country: no entity,
     * but the word still says who they were */
    uint32_t f = (m->ent >= 0 ? c->ents[m->ent].flags : 0) | m->flags;
    if (!(f & (ACT_PROTESTER | ACT_CIVILIAN | ACT_ARMED)))
        return 0;
    if (f & ACT_PROTESTER)
        *prot = 1;
    else if (f & ACT_CIVILIAN)
        *civ = 1;
    else if (f & ACT_ARMED)
        *armed = 1;
    return 1;
}

/* A crowd's deed of damage: a riot, destruction, looting, or a word a
 * crowd does (events.txt crowd). */
static int crowd_damage(const sr_trigger_def *d)
{
    return d->cls == EV_RIOT || d->cls == EV_DESTROY || d->cls == EV_LOOT || (d->opts & TRG_CROWD);
}

/* The event verb nearest before token `before` (ending there or
 * earlier), not t itself, in the active voice, or NULL. */
static const sr_trig *active_verb_before(const sr_coder *c, const sr_sent *s, const sr_trig *t, size_t before)
{
    const sr_trig *main = NULL;
    for (size_t q = 0; q < s->ntg; q++)
        if (&s->tg[q] != t && s->tg[q].ndef && s->tg[q].e <= before && (tdef(c, &s->tg[q], 0)->opts & TRG_VERB))
            main = &s->tg[q];
    return main && !main->passive ? main : NULL;
}

/* "SDF fighters targeted positions of the factions near Ras al-Ain": a
 * base, a post or a convoy after word t whose owner "of" names (not what
 * it is made of: "a convoy of trucks escorted by the Malian army"). */
static int target_owner_told(const sr_engine *e, const sr_sent *s, const sr_trig *t)
{
    for (size_t j = t->e; j < s->ntok && j < (size_t)t->e + 8; j++) {
        if (!has_cue(s, j, CUE_MILTARGET))
            continue;
        size_t ce = cue_end(s, j, CUE_MILTARGET), w = ce + 1;
        if (w < s->ntok && word_has(e, s->tok[w].id, WA_DET))
            w++;
        if (w < s->ntok && tok_is(s, ce, e->w.of) && !has_cue(s, w, CUE_NONHUMAN))
            return 1;
    }
    return 0;
}

/* Actor1, actor2 and what the type depends on, around event word k->t. */
/* The candidate's frame: its clause, another happening's bounds, its
 * weapons, who may not be its doer. */
static void frame_candidate(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    k->cls = td->cls;
    k->opts = td->opts;
    k->a1 = k->a2 = -1;
    k->a1_ent = k->a2_ent = -1;
    k->fat = -1;
    k->protest_ctx = x->protest_ctx;
    /* "The unrest was sparked by the fatal police shooting of a
     * 17-year-old during a traffic stop": what set the protest off
     * happened before it, outside it */
    for (size_t q = t->s; q > 1 && t->s - q < 6 && k->protest_ctx && !(s->tok[q - 1].flags & TK_PUNCT); q--)
        if (s->tok[q - 1].id == e->w.by && sr_affix(e, AF_SPARK, s->tok[q - 2].norm))
            k->protest_ctx = 0;
    /* "Tens of thousands of people marched through Tbilisi on Wednesday
     * against a draft law": a grievance word after the word, in its
     * phrase (words.txt GRIEVANCE) */
    /* (not a word of a time: "The killings ... on March 5 appeared to be
     * reprisals against civilians") */
    int in_time = 0;
    for (size_t q = 0; q < s->ntx && !in_time; q++)
        in_time = s->tx[q].s <= t->s && t->s < s->tx[q].e;
    k->grievance = 0;
    for (size_t q = t->e; !in_time && q < s->ntok && q < (size_t)t->e + 8 && !(s->tok[q].flags & TK_PUNCT) && !k->grievance;
         q++)
        k->grievance = word_has(e, s->tok[q].id, WA_GRIEVANCE);
    k->alone = x->strong_count <= 1;
    k->crowd_told = x->crowd_told;
    k->intervene = x->intervene;
    k->vacate = x->vacate && td->cls == EV_TERRITORY &&
               cue_in(s, t->s > 12 ? (size_t)t->s - 12 : 0, (size_t)t->e + 12, CUE_VACATE) >= 0;
    k->plural_noun = td->plural;
    clause_span(s, &x->cl, t->s, &k->ca, &k->cb);
    /* "a day after gunmen killed ...", "before warplanes struck", "in
     * retaliation for a bombing": another happening's weapons are not
     * this one's */
    for (size_t q = t->s; q > k->ca; q--)
        if (word_has(e, s->tok[q - 1].id, WA_SEQUENCE)) {
            k->ca = q;
            break;
        }
    for (size_t q = t->e; q < k->cb; q++)
        if (word_has(e, s->tok[q].id, WA_SEQUENCE)) {
            k->cb = q;
            break;
        }
    /* "The army said ... that two soldiers had died and that its aircraft
     * had 'neutralised' several assailants": ", and that" opens another
     * thing said, whose weapons are its own */
    for (size_t q = t->s; q > k->ca + 1; q--)
        if (s->tok[q - 1].id == e->w.that && s->tok[q - 2].id == e->w.and_) {
            k->ca = q;
            break;
        }
    for (size_t q = t->e; q + 1 < k->cb; q++)
        if (s->tok[q].id == e->w.and_ && s->tok[q + 1].id == e->w.that) {
            k->cb = q;
            break;
        }
    k->weapons = weapons_in(c, s, k->ca, td->cls == EV_DESTROY ? t->s : k->cb, t);
    /* who did it */
    k->participle = (td->opts & TRG_VERB) && td->form == VF_ING && t->s > 0 &&
                     (sr_tok_eq(&s->tok[t->s - 1], ",") || s->tok[t->s - 1].id == e->w.after ||
                      s->tok[t->s - 1].id == e->w.before || s->tok[t->s - 1].id == e->w.while_ ||
                      s->tok[t->s - 1].id == e->w.and_);
    /* civilians are seldom the doers of violence, but a crowd protests,
     * riots, clashes ("students clashed with police") and destroys */
    k->forbid = (td->cls == EV_PROTEST || (td->cls == EV_CLASH && (td->opts & TRG_VERB)) || crowd_damage(td))
                    ? 0
                    : (ACT_CIVILIAN | ACT_PROTESTER);
    /* (and the crowd's deed told by a participle after such a verb:
     * "Protesters set fire to a police station ..., killing 13 police
     * officers") */
    /* (the verb nearest before it, whose participle it is: not
     * "Israelis gathered ... to mark one year since Hamas gunmen stormed
     * into southern Israel, killing about 1,200 people") */
    const sr_trig *main = k->forbid && k->participle ? active_verb_before(c, s, t, t->s) : NULL;
    if (main && crowd_damage(tdef(c, main, 0)))
        k->forbid = 0;
}

/* Doer and target of an event noun ("the attack by X on Y", "X's
 * offensive"). */
/* Whether mention `m` is the doer of an active event verb right after it
 * (across "had", adverbs), in the clause of token `before`, before it. */
static int acts_right_after(const sr_coder *c, const sr_sent *s, int m, size_t before, const clauses *cl)
{
    size_t me = s->men[m].e;
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u->ndef && u->s >= me && u->s <= me + 2 && u->e < before && !u->passive &&
            (tdef(c, u, 0)->opts & TRG_VERB) && !(tdef(c, u, 0)->opts & TRG_VICTIM_SUBJ) &&
            cl->hard[u->s] == cl->hard[before])
            return 1;
    }
    return 0;
}

/* "after days of fighting with Y", "after heavy clashes with Y": a fight
 * noun a few words after "after" (a span or an adjective between), its
 * other side told by "with": the fight of the clause's own subject, not
 * another happening with a subject of its own. */
static int own_fight_after(const sr_engine *e, const sr_sent *s, const sr_trig *t)
{
    if (t->e >= s->ntok || s->tok[t->e].id != e->w.with)
        return 0;
    for (size_t b = t->s; b > 0 && t->s - b < 4; b--) {
        if (s->tok[b - 1].id == e->w.after)
            return 1;
        if (s->owner[b - 1] >= 0 && s->m[s->owner[b - 1]].kind != PH_CUE)
            return 0;
    }
    return 0;
}

/* "U.S. forces killed a senior Islamic State official ... in a helicopter
 * raid": a craft no one is named for right before the noun (k->a1) says
 * how; the clause's armed subject, no victim, says who. */
static void craft_gives_way(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_trig *t = k->t;
    /* (a word for a craft, not "its" read as an air force: "destroying
     * 11 military vehicles by its aerial bombardment") */
    if (k->a1 < 0 || s->men[k->a1].def >= 0 || s->men[k->a1].country >= 0 || s->men[k->a1].agent < 0 ||
        s->men[k->a1].pronoun || !(s->men[k->a1].flags & ACT_AERIAL) || s->men[k->a1].e != t->s)
        return;
    int sj = subject_of(c, s, s->men[k->a1].s, &x->cl, 0, k->forbid);
    int victim = 0;
    for (int v = 0; v < x->nvictim; v++)
        victim |= x->victim_m[v] == sj;
    if (sj >= 0 && sj != k->a1 && !victim && s->men[sj].ent >= 0 && (c->ents[s->men[sj].ent].flags & ACT_ARMED))
        k->a1 = sj;
}

/* "a roadside bomb struck an army patrol": the object of the attack verb
 * the weapon noun at t is the subject of, or -1. */
static int object_of_its_verb(const sr_coder *c, const sr_sent *s, const sr_sctx *x, const sr_trig *t)
{
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u->ndef && u->s >= t->e && u->s <= (size_t)t->e + 1 && !u->passive && (tdef(c, u, 0)->opts & TRG_VERB) &&
            tdef(c, u, 0)->cls == EV_ATTACK)
            return object_after(c, s, u->e, &x->cl, 4, 1);
    }
    return -1;
}

/* "Russian drone and missile attacks killed four people": the doer
 * before the first of two weapons, or -1 */
static int doer_before_two_weapons(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    if (t->s < 3 || s->tok[t->s - 1].id != c->eng->w.and_)
        return -1;
    int a = (s->cuemask[t->s - 2] & SR_CUE_WEAPONS) ? premodifier(c, s, t->s - 2) : -1;
    if (a >= 0)
        return a;
    for (size_t q = 0; q < s->nmen; q++)
        if (s->men[q].e == t->s - 1 && (s->men[q].flags & ACT_AERIAL) && s->men[q].country >= 0)
            return (int)q;
    return -1;
}

/* The doer of an event noun told with no doer of its own: the subject of
 * its clause, when near or acting right after, not a victim, not a
 * source, not across "after" (noun_roles); -1. */
static int clause_doer_of_noun(sr_coder *c, const sr_sent *s, const sr_sctx *x, const cand *k)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    /* "Coalition warplanes ... pounded ISIS positions ..., and heavy
     * clashes were ongoing on Monday": a noun that is the subject of a
     * clause of its own after "and" has no doer in the clause before */
    size_t b = t->s;
    while (b > 0 && s->owner[b - 1] < 0 && (s->tok[b - 1].flags & TK_ALPHA) && !(s->tok[b - 1].flags & TK_CAP) &&
           s->tok[b - 1].id != e->w.and_ && t->s - b < 2)
        b--;
    if (b > 0 && s->tok[b - 1].id == e->w.and_ && t->e < s->ntok && is_be(e, s->tok[t->e].id))
        return -1;
    /* "X helped the Syrian forces with airstrikes",
     * "X announced the capture of Y" */
    int sj = subject_of(c, s, t->s, &x->cl, 0, k->forbid);
    /* the killed are no doers: the subject before them is
     * ("its fighters killed 15 soldiers in an attack") */
    for (int tries = 0; tries < 2 && sj >= 0; tries++) {
        int victim = 0;
        for (int v = 0; v < x->nvictim; v++)
            victim |= x->victim_m[v] == sj;
        for (int v = 0; v < x->nconj_victim && td->cls != EV_CLASH; v++)
            victim |= x->conj_victim[v] == sj;
        if (!victim)
            break;
        sj = tries == 0 ? subject_of(c, s, s->men[sj].s, &x->cl, 0, k->forbid) : -1;
    }
    /* "Suspected members of the CJNG cartel": the group whose
     * members they are */
    int members_of = 0;
    if (sj >= 0 && s->men[sj].prep == e->w.of) {
        size_t o = s->men[sj].s;
        while (o > 0 && s->tok[o - 1].id != e->w.of && s->men[sj].s - o < 2)
            o--;
        members_of = o >= 2 && s->tok[o - 1].id == e->w.of && has_cue(s, o - 2, CUE_PERSON);
        /* who then did something, not who died ("four members of
         * the VDP auxiliary force died") */
        int acts = 0;
        for (size_t q = 0; members_of && q < s->ntg; q++) {
            const sr_trig *u = &s->tg[q];
            if (u->ndef && u->s >= s->men[sj].e && u->s <= (size_t)s->men[sj].e + 2 && !u->passive &&
                (tdef(c, u, 0)->opts & TRG_VERB) && !(tdef(c, u, 0)->opts & TRG_VICTIM_SUBJ))
                acts = 1;
        }
        members_of = members_of && acts;
    }
    /* "Al-Shabaab extremists killed at least 19 civilians and
     * burned several vehicles carrying food in an attack": far
     * from the noun, but the doer of the clause's violent verb */
    /* "Soldiers had been deployed to the area after an earlier
     * attack on a gendarmerie post killed 11 gendarmes": across
     * "after", the subject is of another happening */
    /* (but "M23 rebels entered Goma on Monday after days of
     * fighting with Congolese troops": a fight told right after
     * "after", with whom it was, is the subject's own) */
    /* "the Gaza health ministry said the strikes on Maghazi had
     * killed 35 people": who says is no doer of what is said */
    if (sj >= 0 && cue_in(s, s->men[sj].e, t->s, CUE_REPORT) >= 0)
        sj = -1;
    int own = own_fight_after(e, s, t);
    if (sj >= 0 && after_between(e, s, s->men[sj].e, t->s) && !own)
        sj = -1;
    /* "The paramilitary Rapid Support Forces killed more than 120
     * people in a rampage through villages": armed men's own
     * rampage (not "Police killed at least 22 people during
     * riots": the state's forces are the crowd's other side) */
    if (sj >= 0 && td->cls == EV_RIOT &&
        (s->men[sj].ent < 0 || (c->ents[s->men[sj].ent].flags & (ACT_ARMED | ACT_STATE)) != ACT_ARMED))
        sj = -1;
    if (sj >= 0 && (s->men[sj].e + 12 >= t->s || acts_right_after(c, s, sj, t->s, &x->cl) || own) &&
        (!s->men[sj].prep || members_of))
        return sj;
    return -1;
}

/* "Al-Shabaab fighters stormed a military base ... after detonating a car
 * bomb at its gate": a bomb a verb of bombing took (plain words between)
 * was set off by that verb's doer, a participle's the clause's subject. */
static int doer_of_taking_verb(sr_coder *c, const sr_sent *s, const sr_sctx *x, const cand *k)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (!u->ndef || u->passive || u->e > t->s || u->e + 3 < t->s)
            continue;
        const sr_trigger_def *ud = tdef(c, u, 0);
        if (!(ud->opts & TRG_VERB) || (ud->cls != EV_BOMB && ud->cls != EV_IED && ud->cls != EV_CARBOMB))
            continue;
        int plain = 1;
        for (size_t b = u->e; b < t->s; b++)
            plain &= (s->tok[b].flags & TK_ALPHA) && s->owner[b] < 0;
        if (!plain)
            continue;
        int part = ud->form == VF_ING && u->s > 0 &&
                   (word_has(e, s->tok[u->s - 1].id, WA_SEQUENCE) || sr_tok_eq(&s->tok[u->s - 1], ","));
        return subject_of(c, s, u->s, &x->cl, part, k->forbid);
    }
    return -1;
}

static void noun_roles(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    int b = -1;
    int a = between_pair(c, s, t->e, &b);
    if (a >= 0) {
        k->a1 = a;
        k->a2 = b;
    } else {
        k->a1 = premodifier(c, s, t->s);
        if (k->a1 < 0)
            k->a1 = doer_before_two_weapons(c, s, t);
        if (k->a1 >= 0 && s->men[k->a1].pronoun) {
            /* "the coalition warplanes have intensified their
             * sorties": name the antecedent, not "their" */
            int sj = subject_of(c, s, s->men[k->a1].s, &x->cl, 0, k->forbid);
            /* "Russian and Syrian warplanes stepped up their
             * bombardment": "their" not resolved is the clause's subject */
            if (sj >= 0 && (s->men[sj].ent == s->men[k->a1].ent || s->men[k->a1].ent < 0))
                k->a1 = sj;
        }
        craft_gives_way(c, s, x, k);
        if (k->a1 < 0)
            k->a1 = by_agent(c, s, t->e, &x->cl);
        /* "the capture of the eastern city of Goma by Rwanda-backed M23
         * rebels": "by" after the place the noun took */
        for (size_t j = 0; k->a1 < 0 && tok_is(s, t->e, e->w.of) && j < s->npm; j++)
            if (s->pm[j].s > t->e && s->pm[j].s <= (size_t)t->e + 4)
                k->a1 = by_agent(c, s, s->pm[j].e, &x->cl);
        if (k->a1 < 0)
            k->a1 = weapon_origin(c, s, t->s, &x->cl);
        if (k->a1 < 0) {
            /* "launched by X", "carried out by X" */
            size_t j = t->e;
            while (j < s->ntok && j < (size_t)t->e + 3 && !has_cue(s, j, CUE_SUPPORT))
                j++;
            if (j < s->ntok && has_cue(s, j, CUE_SUPPORT))
                k->a1 = by_agent(c, s, cue_end(s, j, CUE_SUPPORT), &x->cl);
        }
        /* "the strikes were carried out by Russian jets": the strikes
         * told before, their doer now named */
        for (size_t j = t->e; k->a1 >= 0 && s->men[k->a1].s > t->e && j < s->men[k->a1].s; j++)
            if (has_cue(s, j, CUE_SUPPORT) && definite_noun(e, s, t))
                k->anaphoric = 1;
        int via_support = 0;
        if (k->a1 < 0) {
            int sv = support_verb(s, t->s);
            if (sv >= 0) {
                k->a1 = subject_of(c, s, (size_t)sv, &x->cl, 0, k->forbid);
                via_support = k->a1 >= 0;
            }
        }
        /* "Al-Shabaab said it carried out the attack": the attack told
         * before, its doer now named */
        if (via_support && definite_noun(e, s, t) && cue_in(s, 0, t->s, CUE_REPORT) >= 0)
            k->anaphoric = 1;
        /* "killed in the Israeli strikes": the doer named inside the
         * definite phrase, the strikes told before */
        int doer_inside = k->a1 >= 0 && s->men[k->a1].e == t->s && s->men[k->a1].s > 0 &&
                          tok_is(s, (size_t)s->men[k->a1].s - 1, e->w.the);
        if ((k->a1 < 0 || doer_inside) && definite_noun(e, s, t))
            k->anaphoric = 1;
        if (k->a1 < 0 && !k->anaphoric &&
            (td->cls == EV_CLASH || td->cls == EV_ATTACK || td->cls == EV_AIR || td->cls == EV_SHELL ||
             td->cls == EV_PROTEST || td->cls == EV_TERRITORY || td->cls == EV_RAID || td->cls == EV_RIOT)) {
            k->a1 = clause_doer_of_noun(c, s, x, k);
        }
        if (k->a1 < 0 && !k->anaphoric && (td->cls == EV_IED || td->cls == EV_BOMB || td->cls == EV_CARBOMB))
            k->a1 = doer_of_taking_verb(c, s, x, k);
        /* "Maoist rebels killed 10 policemen in an IED blast": the bomb
         * the killers used, told after "in" or "with" */
        if (k->a1 < 0 && !k->anaphoric &&
            (td->cls == EV_IED || td->cls == EV_BOMB || td->cls == EV_CARBOMB || td->cls == EV_GRENADE)) {
            size_t v = t->s;
            while (v > 0 && t->s - v < 3 && is_det_word(e, &s->tok[v - 1]))
                v--;
            const sr_trig *kv = NULL;
            for (size_t q = 0; q < s->ntg; q++) {
                const sr_trig *u = &s->tg[q];
                if (u->ndef && u->e < v && !u->passive && (tdef(c, u, 0)->opts & TRG_VERB) &&
                    tdef(c, u, 0)->cls == EV_KILL && x->cl.hard[u->s] == x->cl.hard[t->s])
                    kv = u;
            }
            /* (not "the funerals of five police officers killed in a bomb
             * attack": a killing with nothing between it and "in" is
             * told of its dead, not by its doers) */
            if (kv && v > 0 && (size_t)kv->e + 1 < v && (s->tok[v - 1].id == e->w.in || s->tok[v - 1].id == e->w.with)) {
                int sj = subject_of(c, s, kv->s, &x->cl, 0, k->forbid);
                for (int q = 0; q < x->nvictim; q++)
                    if (x->victim_m[q] == sj)
                        sj = -1;
                if (sj >= 0 && !s->men[sj].prep && s->men[sj].ent >= 0 && (c->ents[s->men[sj].ent].flags & ACT_ARMED))
                    k->a1 = sj;
            }
        }
        uint32_t pr = 0;
        int tg = target_after(c, s, t->e, &x->cl, &pr, bomb_class(td->cls));
        if (tg < 0)
            tg = object_of_its_verb(c, s, x, t);
        if (tg >= 0 && tg != k->a1)
            k->a2 = tg;
        /* "two militants were killed in an encounter with security
         * forces": the side the fight was with did the killing, the dead
         * are the other side */
        if (k->a1 < 0 && k->a2 >= 0 && pr == e->w.with && td->cls == EV_CLASH && x->nvictim > 0 &&
            x->victim_m[0] != k->a2) {
            k->a1 = k->a2;
            k->a2 = x->victim_m[0];
        }
    }
    /* "A convoy carrying soldiers triggered a bomb planted by the road":
     * who set off a mine was its target */
    if (k->a1 >= 0 && (td->cls == EV_IED || td->cls == EV_BOMB || td->cls == EV_CARBOMB) && t->s > 0) {
        size_t v = t->s;
        while (v > 0 && t->s - v < 4 && (is_det_word(e, &s->tok[v - 1]) || s->owner[v - 1] >= 0 ||
                                          ((s->tok[v - 1].flags & TK_ALPHA) && !word_has(e, s->tok[v - 1].id, WA_MINE_HIT))))
            v--;
        /* (not "stepped up their bombardment"; nor "Maoists triggered an
         * IED blast": armed men no state's set a bomb off, as they
         * planted it) */
        int ent = s->men[k->a1].ent;
        int rebels = ent >= 0 && (c->ents[ent].flags & ACT_ARMED) && !(c->ents[ent].flags & ACT_STATE) &&
                     !(c->ents[ent].flags & ACT_UNKNOWN);
        if (v > 0 && word_has(e, s->tok[v - 1].id, WA_MINE_HIT) && !has_cue(s, v - 1, CUE_SUPPORT) &&
            s->men[k->a1].e < v && !rebels) {
            if (k->a2 < 0)
                k->a2 = k->a1;
            k->a1 = -1;
        }
    }
    /* (not the sides of "clashes between protesters and security
     * forces": both named, the crowd fought) */
    int sides = a >= 0 && k->a1 == a;
    if (k->a1 >= 0 && s->men[k->a1].ent >= 0 && !sides &&
        (c->ents[s->men[k->a1].ent].flags & (ACT_CIVILIAN | ACT_PROTESTER)) &&
        !(c->ents[s->men[k->a1].ent].flags & ACT_CROWD) && k->forbid) {
        /* "Civilians ... attack": the victims, not the attackers */
        if (k->a2 < 0)
            k->a2 = k->a1;
        k->a1 = -1;
    }
    /* "clashes between both parties": the sides of the last fight */
    if (k->a1 < 0 && cue_in(s, t->e, t->e + 4, CUE_BOTH) >= 0) {
        const sr_ev *pv = sr_disc_last_with_actors(c);
        if (pv) {
            k->a1_ent = pv->a1;
            k->a2_ent = pv->a2;
        }
    }
}

/* The armed actor right after "when" (or "as") later in the sentence,
 * doing an event verb: "were abducted when bandits attacked X". */
static int when_doer(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    const sr_engine *e = c->eng;
    for (size_t i = t->e; i + 1 < s->ntok && i < (size_t)t->e + 4; i++) {
        if (s->tok[i].id != e->w.when)
            continue;
        for (size_t q = 0; q < s->nmen; q++) {
            const sr_mention *m = &s->men[q];
            if (m->s < i + 1 || m->s > i + 2 || m->ent < 0 || m->modifier || !(c->ents[m->ent].flags & ACT_ARMED))
                continue;
            for (size_t g = 0; g < s->ntg; g++) {
                const sr_trig *u = &s->tg[g];
                if (u->ndef && u->s == m->e && !u->passive && (tdef(c, u, 0)->opts & TRG_VERB))
                    return (int)q;
            }
        }
        return -1;
    }
    return -1;
}

/* "Protesters set fire to a police station in Jatrabari, and at least 13
 * police officers were killed": the state's men killed, no one told, after
 * ", and" and a crowd's verb of damage with its crowd before it, died by
 * the crowd's hand. The crowd's mention, or -1. */
static int crowd_before_and(const sr_coder *c, const sr_sent *s, const sr_trig *t, int victims)
{
    const sr_engine *e = c->eng;
    if (victims < 0 || s->men[victims].ent < 0 || !(c->ents[s->men[victims].ent].flags & ACT_STATE) ||
        !(c->ents[s->men[victims].ent].flags & ACT_ARMED))
        return -1;
    size_t v = s->men[victims].s, v0 = v;
    /* (past their count: "at least five") */
    sr_number num;
    for (size_t b = v0; b > 0 && v0 - b < 4; b--)
        if (sr_read_quantity(s->tok, s->ntok, b - 1, &num) == v0 - (b - 1))
            v = b - 1;
    if (v < 2 || s->tok[v - 1].id != e->w.and_ || !sr_tok_eq(&s->tok[v - 2], ","))
        return -1;
    const sr_trig *main = active_verb_before(c, s, t, v);
    if (!main || !crowd_damage(tdef(c, main, 0)))
        return -1;
    for (size_t q = 0; q < s->nmen; q++) {
        const sr_mention *m = &s->men[q];
        if (m->e <= main->s && main->s - m->e <= 2 && m->ent >= 0 && !m->modifier &&
            (c->ents[m->ent].flags & ACT_PROTESTER))
            return (int)q;
    }
    return -1;
}

/* Doer and target of an event verb, passive or active. */
/* "The soldiers were on patrol near the town of Batibo when the
 * separatists opened fire with automatic weapons": a doer right after
 * "when", its verb with no object, struck the subject before "when".
 * The mention, or -1. */
static int struck_before_when(const sr_coder *c, const sr_sent *s, int a1)
{
    const sr_engine *e = c->eng;
    if (a1 < 0)
        return -1;
    size_t p = s->men[a1].s;
    if (p > 0 && s->tok[p - 1].id == e->w.the)
        p--;
    if (p < 2 || s->tok[p - 1].id != e->w.when)
        return -1;
    /* the sentence's subject, where it starts ("The victims were helping
     * soldiers dig trenches ... when militants opened fire": the victims,
     * not the soldiers) */
    for (size_t q = 0; q < s->nmen; q++) {
        const sr_mention *m = &s->men[q];
        if (m->s > 1 || m->e >= p - 1)
            break;
        if ((int)q == a1 || m->ent < 0 || m->ent == s->men[a1].ent || m->prep || m->pronoun)
            return -1;
        return (int)q;
    }
    return -1;
}

/* "recaptured the city of Wad Madani, the capital of Gezira state, from
 * the paramilitary Rapid Support Forces": between a and b, only a place
 * and what it is set off by commas (no event word, no other actor) */
static int apposition_between(const sr_sent *s, size_t a, size_t b)
{
    int commas = 0;
    for (size_t i = a; i < b; i++) {
        if (sr_tok_eq(&s->tok[i], ","))
            commas++;
        else if (s->tok[i].flags & TK_PUNCT)
            return 0;
        if (s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_TRIGGER)
            return 0;
        if (has_cue(s, i, CUE_REPORT))
            return 0;
    }
    for (size_t j = 0; j < s->nmen; j++)
        if (s->men[j].s >= a && s->men[j].e <= b && s->men[j].ent >= 0 && !s->men[j].used_as_place)
            return 0;
    return commas == 2;
}

/* "Myanmar's junta lost control of the town of Lashio to the MNDAA", "the
 * town fell to the rebels": the side after "to" took the place, the
 * subject (when an actor) lost it. */
static void lost_to(const sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    size_t to = t->e > 0 && tok_is(s, t->e - 1, e->w.to) ? (size_t)t->e - 1 : s->ntok;
    for (size_t i = t->e; to == s->ntok && i < s->ntok && i < (size_t)t->e + 12; i++) {
        if (x->cl.hard[i] != x->cl.hard[t->s])
            break;
        if (tok_is(s, i, e->w.to))
            to = i;
    }
    int taker = -1;
    for (size_t j = 0; to < s->ntok && j < s->nmen && taker < 0; j++)
        if (s->men[j].s > to && s->men[j].s <= to + 3 && s->men[j].ent >= 0)
            taker = (int)j;
    k->a2 = taker >= 0 ? k->a1 : -1;
    k->a1 = taker;
}

/* 1 + the sentence, of the two before s, that told word id right after
 * "a" or "an" (or two words after), 0 when none. */
static int told_with_a(const sr_coder *c, const sr_sent *s, uint32_t id)
{
    const sr_engine *e = c->eng;
    size_t si = (size_t)(s - c->sents);
    for (size_t b = si; b > 0 && si - b < 2; b--) {
        const sr_sent *r = &c->sents[b - 1];
        for (size_t i = 1; i < r->ntok; i++) {
            if (r->tok[i].id != id)
                continue;
            for (size_t j = i; j > 0 && i - j < 3; j--)
                if (r->tok[j - 1].id == e->w.a || r->tok[j - 1].id == e->w.an)
                    return (int)b;
        }
    }
    return 0;
}

/* "A Syrian military source said gunmen opened fire on the bus near the
 * town of Al-Sukhnah" after "an attack on a bus carrying Syrian army
 * soldiers": a thing told with "the" right after the word, that one of
 * the two sentences before told with "a" or "an", is that happening's
 * target again. 1 + that sentence, 0 when none. */
static int target_told_before(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    const sr_engine *e = c->eng;
    size_t o = t->e;
    /* (or its subject, passive: "The bus was hit in a market in Dahyan"
     * after "hit a bus carrying children") */
    if (t->s >= 3 && (s->tok[t->s - 1].id == e->w.was || s->tok[t->s - 1].id == e->w.were) &&
        s->tok[t->s - 3].id == e->w.the)
        o = t->s - 3;
    if (o + 1 >= s->ntok || s->tok[o].id != e->w.the || s < c->sents || s >= c->sents + c->nsents)
        return 0;
    /* the noun alone, its phrase ended by a mark or a preposition */
    size_t h = o + 1;
    const sr_token *w = &s->tok[h];
    if (!(w->flags & TK_ALPHA) || (w->flags & TK_CAP) || s->owner[h] >= 0 || w->nlen < 3)
        return 0;
    if (h + 1 < s->ntok && (s->tok[h + 1].flags & TK_ALPHA)) {
        uint32_t nx = s->tok[h + 1].id;
        if (nx != e->w.near && nx != e->w.in && nx != e->w.on && nx != e->w.at && nx != e->w.outside &&
            nx != e->w.along && nx != e->w.with && nx != e->w.as && nx != e->w.was && nx != e->w.were)
            return 0;
    }
    return told_with_a(c, s, w->id);
}

/* "Papuan separatist rebels shot dead an Indonesian soldier" then "The
 * soldier was guarding a construction project ... when rebels ... opened
 * fire": a side told as "the" and one noun, that one of the two sentences
 * before told with "a" or "an", is that happening's target again (as
 * target_told_before). */
static int victim_told_before(const sr_coder *c, const sr_sent *s, const sr_mention *m)
{
    if (m->s == 0 || m->e != m->s + 1 || !tok_is(s, m->s - 1, c->eng->w.the) || s < c->sents ||
        s >= c->sents + c->nsents)
        return 0;
    const sr_token *w = &s->tok[m->s];
    if (!(w->flags & TK_ALPHA) || (w->flags & TK_CAP) || w->nlen < 3)
        return 0;
    return told_with_a(c, s, w->id);
}

static void verb_roles(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    if (t->passive) {
        k->a1 = by_agent(c, s, t->e, &x->cl);
        k->target_told = target_told_before(c, s, t);
        /* "At least 12 people were killed in the violence" */
        if (td->cls == EV_KILL && (size_t)t->e + 2 < s->ntok && s->tok[t->e].id == e->w.in &&
            s->tok[t->e + 1].id == e->w.the && word_has(e, s->tok[t->e + 2].id, WA_BACKREF))
            k->anaphoric = 1;
        int subj = subject_of(c, s, t->s, &x->cl, 0, 0);
        /* "Ten police personnel and a civilian driver were killed": the
         * first named of the killed */
        int first = conjunct_before(e, s, subj);
        if (first >= 0)
            subj = first;
        if (subj >= 0 && subj != k->a1)
            k->a2 = subj;
        /* "30 others were abducted when bandits attacked Kaura Namoda":
         * done by the armed doers of the "when" clause after it */
        if (k->a1 < 0)
            k->a1 = when_doer(c, s, t);
        if (k->a1 < 0 && td->cls == EV_KILL)
            k->a1 = crowd_before_and(c, s, t, k->a2);
    } else {
        k->target_told = target_told_before(c, s, t);
        /* "The offensive targets the village of Baghouz": an event
         * told before does it; this is that event again */
        if ((td->opts & TRG_VERB) && t->s > 0) {
            for (size_t q = 0; q < s->ntg; q++) {
                const sr_trig *u = &s->tg[q];
                if (u != t && u->ndef && u->e == t->s && (tdef(c, u, 0)->opts & TRG_NOUN) && definite_noun(e, s, u))
                    k->anaphoric = 1;
            }
            /* "The operation, backed by Iraqi aircraft, targeted IS
             * hideouts": the same across a phrase set off by commas */
            size_t h = t->s;
            if (h >= 4 && sr_tok_eq(&s->tok[h - 1], ","))
                for (size_t j = h - 2; j > 1 && h - j < 12; j--)
                    if (sr_tok_eq(&s->tok[j], ",")) {
                        h = j;
                        break;
                    }
            if (h >= 2 && s->tok[h - 2].id == e->w.the && s->owner[h - 1] < 0 &&
                word_has(e, s->tok[h - 1].id, WA_OPERATION))
                k->anaphoric = 1;
            /* "a landmine left behind by Islamic State exploded" then "The
             * mine exploded near the village of Hazima": the weapon told
             * before, its blast told again */
            if ((td->cls == EV_BOMB || td->cls == EV_IED) && t->s >= 2 && s->tok[t->s - 2].id == e->w.the &&
                (cue_end(s, t->s - 1, CUE_W_IED) == t->s || cue_end(s, t->s - 1, CUE_W_GRENADE) == t->s))
                k->anaphoric = 1;
        }
        k->a1 = subject_of(c, s, t->s, &x->cl, k->participle, (td->opts & TRG_VICTIM_SUBJ) ? 0 : k->forbid);
        /* "police fired rubber bullets at Palestinians who hurled rocks":
         * a crowd's violence told in a relative clause is the crowd's */
        /* (and a crowd's storming: "Kenyan police fired on protesters
         * who stormed parliament") */
        if (t->s >= 2 && s->tok[t->s - 1].id == e->w.who)
            for (size_t q = 0; q < s->nmen; q++)
                if (s->men[q].e + 1 == t->s && s->men[q].ent >= 0 &&
                    (td->cls == EV_RIOT || ((td->cls == EV_RAID || td->cls == EV_ATTACK) &&
                                            (c->ents[s->men[q].ent].flags & ACT_PROTESTER)))) {
                    k->a1 = (int)q;
                    if (td->cls != EV_RIOT)
                        k->cls = EV_RIOT;
                }
        /* "Clashes between rival armed factions in Tripoli killed 32
         * people": the plural noun read as a verb has its sides after
         * "between" */
        if (k->a1 < 0 && td->cls == EV_CLASH) {
            int b = -1, a = between_pair(c, s, t->e, &b);
            if (a >= 0) {
                k->a1 = a;
                k->a2 = b;
                return;
            }
        }
        /* "Protesters stormed the parliament": a crowd's attack is a
         * violent demonstration */
        /* (and "Sheikh Hasina resigned as protesters defied a curfew and
         * stormed her official residence": the crowd nearer the verb
         * than the doer found, who may not do it, is its doer) */
        if ((td->cls == EV_RAID || td->cls == EV_ATTACK) && !(td->opts & TRG_VICTIM_SUBJ)) {
            int sj = subject_of(c, s, t->s, &x->cl, k->participle, 0);
            if (k->a1 >= 0 && sj >= 0 && (s->men[sj].s <= s->men[k->a1].e || !nearest_before(s, (size_t)sj, t->s)))
                sj = -1;
            if (sj >= 0 && s->men[sj].ent >= 0 && (c->ents[s->men[sj].ent].flags & ACT_PROTESTER)) {
                k->a1 = sj;
                k->cls = EV_RIOT;
            }
        }
        if (td->opts & TRG_VICTIM_SUBJ) {
            k->a2 = k->a1;
            k->a1 = -1;
            /* "A police patrol came under fire from suspected militants":
             * whom it came from did it */
            for (size_t q = 0; q < s->nmen && td->cls == EV_ATTACK && tok_is(s, t->e, e->w.from); q++)
                if (s->men[q].s > t->e && s->men[q].s <= (size_t)t->e + 3 && s->men[q].ent >= 0 && !s->men[q].modifier) {
                    k->a1 = (int)q;
                    break;
                }
        } else if (td->opts & TRG_INTRANS) {
            uint32_t pr = 0;
            int tg = target_after(c, s, t->e, &x->cl, &pr, bomb_class(td->cls));
            if (tg >= 0)
                k->a2 = tg;
        } else if (td->cls == EV_TERRITORY) {
            /* "captured X from Y", "chased Y out of X" */
            if (td->opts & TRG_LOST_TO) {
                lost_to(c, s, x, k);
            } else if (td->opts & TRG_FROM_ACTOR2) {
                k->a2 = object_after(c, s, t->e, &x->cl, 4, 2);
            } else {
                for (size_t j = 0; j < s->nmen; j++) {
                    const sr_mention *m = &s->men[j];
                    if (m->s >= t->e && m->s < t->e + 20 && m->prep == e->w.from && m->ent >= 0 &&
                        (x->cl.hard[m->s] == x->cl.hard[t->s] || apposition_between(s, t->e, m->s))) {
                        k->a2 = (int)j;
                        break;
                    }
                }
            }
        } else {
            k->a2 = k->obj_ment >= 0 ? k->obj_ment : object_after(c, s, t->e, &x->cl, 6, 1);
            if (k->a2 < 0) {
                uint32_t pr = 0;
                k->a2 = target_after(c, s, t->e, &x->cl, &pr, bomb_class(td->cls));
            }
            if (k->a2 < 0)
                k->a2 = struck_before_when(c, s, k->a1);
        }
    }
    if (!k->target_told && k->a2 >= 0)
        k->target_told = victim_told_before(c, s, &s->men[k->a2]);
}

/* "ISIS claimed responsibility for a car bomb attack that ...": who
 * claims an attack is taken for its doer, as ACLED does. */
/* "Al-Shabaab said it was behind the attack", "the group was responsible
 * for the bombing": the armed mention right before "be behind" / "be
 * responsible for" the event noun, or -1. */
static int owns_up(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    const sr_engine *e = c->eng;
    size_t b = t->s;
    if (b < 3 || !tok_is(s, b - 1, e->w.the))
        return -1;
    b--;
    if (tok_is(s, b - 1, e->w.for_) && b >= 2)
        b--;
    if (b < 3 || !word_has(e, s->tok[b - 1].id, WA_CULPRIT) || !is_be(e, s->tok[b - 2].id))
        return -1;
    /* (and one believed so: "The Gran Grif gang is believed to be behind
     * the attack", "to have been behind") */
    size_t end = b - 2;
    if (end >= 1 && tok_is(s, end - 1, e->w.have))
        end--;
    if (end >= 3 && tok_is(s, end - 1, e->w.to) && (s->tok[end - 2].flags & TK_ALPHA) && is_be(e, s->tok[end - 3].id))
        end -= 3;
    for (size_t q = 0; q < s->nmen; q++) {
        const sr_mention *m = &s->men[q];
        if ((size_t)m->e == end && m->ent >= 0 && (c->ents[m->ent].flags & ACT_ARMED))
            return (int)q;
    }
    return -1;
}

/* "The assault on the base in Djibo, in the Sahel region, was claimed by
 * the Al-Qaeda-linked Group for the Support of Islam and Muslims (JNIM)":
 * the armed mention after "was claimed by" when the event noun is the
 * sentence's first event word before it; -1 when none. */
static int claimed_after(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    const sr_engine *e = c->eng;
    if (!(tdef(c, t, 0)->opts & TRG_NOUN))
        return -1;
    for (size_t q = t->e + 1; q + 2 < s->ntok && q < (size_t)t->e + 20; q++) {
        if (!tok_is(s, q + 1, e->w.by) || !is_be(e, s->tok[q - 1].id) || !sr_affix(e, AF_CLAIM, s->tok[q].norm))
            continue;
        for (size_t u = 0; u < s->ntg; u++)
            if (&s->tg[u] != t && s->tg[u].s < q && s->tg[u].s >= t->s && s->tg[u].ndef &&
                (tdef(c, &s->tg[u], 0)->opts & TRG_NOUN))
                return -1;
        /* (the first actor after it, past "the Al-Qaeda-linked") */
        for (size_t j = 0; j < s->nmen; j++) {
            const sr_mention *m = &s->men[j];
            if (m->ent < 0 || m->modifier || m->s < q + 2 || m->s > q + 8)
                continue;
            return (c->ents[m->ent].flags & ACT_ARMED) ? (int)j : -1;
        }
        return -1;
    }
    return -1;
}

/* "Islamic State Khorasan Province, a regional affiliate of the Islamic
 * State group, claimed": where a phrase set off by commas ends right
 * before the claim's word q, the comma that opens it; else q. */
static size_t before_apposition(const sr_sent *s, size_t q)
{
    if (q >= 2 && sr_tok_eq(&s->tok[q - 1], ","))
        for (size_t i = q - 1; i > 0 && q - i < 14; i--)
            if (sr_tok_eq(&s->tok[i - 1], ","))
                return i - 1;
    return q;
}

/* The armed mention, no modifier and none of the flags skip, that ends
 * at most three words before the claim's word q, past a phrase set off by
 * commas first (not the whole a part is of: "A faction of the Pakistani
 * Taliban, the Hafiz Gul Bahadur group, claimed"); -1. */
static int claimant(const sr_coder *c, const sr_sent *s, size_t q, uint32_t skip)
{
    size_t end = before_apposition(s, q);
    for (int pass = end == q ? 1 : 0; pass < 2; pass++) {
        size_t at = pass ? q : end;
        for (size_t j = s->nmen; j > 0; j--) {
            const sr_mention *m = &s->men[j - 1];
            /* (nor whose it is: "Islamic State's Afghan affiliate,
             * ISIS-K, claimed") */
            if (!pass && (m->prep == c->eng->w.of || m->poss))
                continue;
            if (m->ent >= 0 && !m->modifier && (size_t)m->e <= at && (size_t)m->e + 3 >= at &&
                (c->ents[m->ent].flags & ACT_ARMED) && !(c->ents[m->ent].flags & skip))
                return (int)(j - 1);
        }
    }
    return -1;
}

static void claimed_by(sr_coder *c, const sr_sent *s, cand *k)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    int culprit = owns_up(c, s, t);
    if (culprit < 0)
        culprit = claimed_after(c, s, t);
    if (culprit >= 0) {
        k->a1 = culprit;
        k->anaphoric = 1;
        return;
    }
    for (size_t q = 1; q < (size_t)t->s; q++) {
        if (!sr_affix(e, AF_CLAIM, s->tok[q].norm))
            continue;
        /* "claimed responsibility on Sunday for an attack": when it
         * claimed, told between */
        size_t f = q + 2;
        for (size_t x = 0; x < s->ntx; x++)
            if (s->tx[x].s == f || (s->tx[x].s == f + 1 && tok_is(s, f, e->w.on)))
                f = s->tx[x].e;
        int resp = f < (size_t)t->s && tok_is(s, q + 1, e->w.responsibility) &&
                   (tok_is(s, f, e->w.for_) || tok_is(s, f, e->w.of));
        /* "the TTP claimed an attack on a police station": the attack is
         * what was claimed, a determiner or two between */
        int direct = t->s - q <= 3;
        for (size_t j = q + 1; direct && j < t->s; j++)
            if (!(is_det_word(e, &s->tok[j]) || (s->tok[j].flags & TK_POSS) || sr_weekday_name(s->tok[j].norm) >= 0))
                direct = 0;
        if (!resp && !direct)
            continue;
        /* "claimed responsibility for the attack on Thursday": the
         * attack told before, whatever day the claim came */
        if (resp && definite_noun(e, s, t))
            k->anaphoric = 1;
        /* ("JNIM, an al Qaeda affiliate, claimed the attack": the
         * subject before the phrase set off by commas) */
        int m = claimant(c, s, q, 0);
        if (m >= 0)
            k->a1 = m;
        break;
    }
}

/* "The army blamed dissidents of the former FARC.", "Police blamed the
 * Pakistani Taliban.": a blame with no event word of its own names the
 * armed group right after it; -1 when the sentence is not that. */
/* (its event words, if any, only in a clause about the blamed: "blamed
 * the paramilitary Rapid Support Forces, which have besieged the city
 * for more than a year") */
static int blame_is_bare(const sr_engine *e, const sr_sent *s, const sr_mention *m)
{
    for (size_t k = 0; k < s->ntg; k++) {
        size_t b = m->e;
        while (b < s->tg[k].s && !word_has(e, s->tok[b].id, WA_SOFTBREAK))
            b++;
        if (b >= s->tg[k].s)
            return 0;
    }
    return 1;
}

static int bare_blame(const sr_coder *c, const sr_sent *s)
{
    const sr_engine *e = c->eng;
    for (size_t q = 1; q + 1 < s->ntok; q++) {
        if (!word_has(e, s->tok[q].id, WA_BLAME) || tok_is(s, q + 1, e->w.on) || tok_is(s, q + 1, e->w.to))
            continue;
        /* "blamed the paramilitary Rapid Support Forces": a word may
         * describe the group */
        for (size_t j = 0; j < s->nmen; j++) {
            const sr_mention *m = &s->men[j];
            if (m->ent >= 0 && !m->modifier && m->s > q && m->s <= q + 3 && (c->ents[m->ent].flags & ACT_ARMED) &&
                (c->ents[m->ent].flags & ACT_NONSTATE) && c->ents[m->ent].def >= 0 &&
                (m->s <= q + 2 || (tok_is(s, q + 1, e->w.the) && s->owner[q + 2] < 0 &&
                                   (s->tok[q + 2].flags & TK_ALPHA) && !(s->tok[q + 2].flags & TK_CAP))))
                return blame_is_bare(e, s, m) ? (int)j : -1;
        }
        return -1;
    }
    return -1;
}

/* "Islamic State Khorasan claimed responsibility.": a claim with no
 * event word of its own names the doer of what was told before (so does
 * a blame: bare_blame). Returns the claimer's mention in s, or -1. */
int sr_bare_claim(const sr_coder *c, const sr_sent *s)
{
    const sr_engine *e = c->eng;
    if (s->cues & (1ULL << CUE_STANCE)) {
        int b = bare_blame(c, s);
        if (b >= 0)
            return b;
    }
    for (size_t q = 1; q + 1 < s->ntok; q++) {
        /* the word id first: asked of every sentence */
        if (!tok_is(s, q + 1, e->w.responsibility) || !sr_affix(e, AF_CLAIM, s->tok[q].norm))
            continue;
        /* "claimed responsibility for the attack" has its word */
        if (q + 2 < s->ntok && (tok_is(s, q + 2, e->w.for_) || tok_is(s, q + 2, e->w.of)))
            return -1;
        /* "Islamic State Khorasan Province, a regional affiliate of the
         * Islamic State group, claimed responsibility": the subject
         * before the phrase set off by commas */
        return claimant(c, s, q, ACT_UNKNOWN);
    }
    return -1;
}

/* Actors as entities; a side taken from the story or from who fought it
 * off when the sentence names none. */
/* "The army and the RSF clashed", "... exchanged artillery fire": the
 * two subjects of a fight, or of a word after "exchanged" (words.txt
 * RECIPROCAL), are its two sides. */
static void coordinated_sides(const sr_coder *c, const sr_sent *s, cand *k)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    if (k->a1 < 0 || k->a2 >= 0 || s->men[k->a1].e > t->s)
        return;
    int recip = 0;
    for (size_t i = t->s; i > 0 && t->s - i < 3 && !recip; i--)
        recip = word_has(e, s->tok[i - 1].id, WA_RECIPROCAL);
    /* (and the sides of an agreement: "The Sudanese army and the Rapid
     * Support Forces signed a ceasefire agreement") */
    if (!recip && !((k->td->cls == EV_CLASH || k->td->cls == EV_AGREEMENT) && (k->td->opts & TRG_VERB)))
        return;
    const sr_mention *b = &s->men[k->a1];
    for (int j = k->a1 - 1; j >= 0; j--) {
        const sr_mention *a = &s->men[j];
        if (a->e > b->s)
            continue;
        size_t q = a->e;
        if (q < b->s && s->tok[q].id == e->w.and_)
            q++;
        else
            return;
        if (q < b->s && s->tok[q].id == e->w.the)
            q++;
        /* (and a word or two that describe the second: "Congolese
         * soldiers and Twa militiamen fought for control of the village") */
        for (int w = 0; w < 2 && q < b->s && (s->tok[q].flags & TK_ALPHA) && s->owner[q] < 0; w++)
            q++;
        if (q != b->s || a->ent < 0 || b->ent < 0 || a->ent == b->ent || a->modifier)
            return;
        k->a2 = k->a1;
        k->a1 = j;
        return;
    }
}

/* "Police blamed al-Shabaab for the bombing", "..., the army said,
 * blaming the ELN guerrilla group": the group the sentence blames did
 * what it tells with no doer named. */
/* "Somali government forces and allied clan militias recaptured X": a
 * doer told second by a word that names no one ("militias") helps the
 * one told first; the first is actor1 (its words name whose). */
static void first_conjunct(const sr_coder *c, const sr_sent *s, cand *k)
{
    const sr_engine *e = c->eng;
    if (k->a1 <= 0 || s->men[k->a1].e > k->t->s)
        return;
    const sr_mention *b = &s->men[k->a1], *a = &s->men[k->a1 - 1];
    /* "The Malian army and Wagner fighters retook Kidal": a state's
     * forces named first lead whoever fights beside them */
    int state_first = a->ent >= 0 && (c->ents[a->ent].flags & ACT_STATE) && (c->ents[a->ent].flags & ACT_ARMED) &&
                      b->ent >= 0 && !(c->ents[b->ent].flags & ACT_STATE) && !a->modifier && k->a2 != k->a1 - 1;
    /* "M23 rebels and allied Rwandan troops captured the town": the side
     * told as the ally (words.txt BACKING) helps the one told first */
    int allied = 0;
    for (size_t q = a->e; q < b->s && !allied; q++)
        allied = word_has(e, s->tok[q].id, WA_BACKING);
    allied = allied && a->ent >= 0 && b->ent >= 0 && a->ent != b->ent && !a->modifier && k->a2 != k->a1 - 1;
    if (!state_first && !allied && (b->def >= 0 || b->agent < 0 || b->country >= 0 || a->ent < 0 || a->modifier ||
                         a->ent == b->ent || (a->def < 0 && a->country < 0) || k->a2 == k->a1 - 1))
        return;
    /* "and allied clan militias", "and pro-government": two words may
     * describe */
    if (conjunct_gap(e, s, a->e, b->s))
        k->a1 = k->a1 - 1;
}

static void blamed_in_sentence(const sr_coder *c, const sr_sent *s, cand *k)
{
    const sr_engine *e = c->eng;
    if (k->a1 >= 0 && !(s->men[k->a1].ent >= 0 && (c->ents[s->men[k->a1].ent].flags & ACT_UNKNOWN)))
        return;
    for (size_t i = 0; i + 1 < s->ntok; i++) {
        if (!word_has(e, s->tok[i].id, WA_BLAME) || tok_is(s, i + 1, e->w.on) || tok_is(s, i + 1, e->w.for_))
            continue;
        size_t st = i + 1 + (tok_is(s, i + 1, e->w.the) ? 1 : 0);
        for (size_t q = 0; q < s->nmen; q++) {
            const sr_mention *m = &s->men[q];
            /* ("blaming Iran-backed militant groups": not the backer, the
             * groups it backs) */
            if (m->s == st && m->modifier) {
                st = m->e;
                while (st < s->ntok && word_has(e, s->tok[st].id, WA_BACKING))
                    st++;
                continue;
            }
            /* ("..., police said, blaming militants": with no doer told,
             * a group no name says) */
            if (m->s == st && m->ent >= 0 && (c->ents[m->ent].flags & ACT_ARMED) &&
                (!(c->ents[m->ent].flags & ACT_UNKNOWN) || k->a1 < 0) && (int)q != k->a2) {
                k->a1 = (int)q;
                return;
            }
        }
    }
}

/* "SDF fighters thwarted an ISIS attack", "The army said it had repelled
 * an attack on Dioura and killed dozens of terrorists": whoever fought the
 * attack off (the subject of a fend-off verb just before the noun) is its
 * target; the doer is the other side named, if any. */
static void fended_off_by(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_trig *t = k->t;
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u == t || u->e > t->s || t->s - u->e > 4 || !u->ndef || !(tdef(c, u, 0)->opts & TRG_VERB) ||
            !(tdef(c, u, 0)->opts & TRG_FEND_OFF))
            continue;
        int sj = subject_of(c, s, u->s, &x->cl, 0, ACT_CIVILIAN | ACT_PROTESTER);
        if (sj < 0)
            return;
        int sje = s->men[sj].ent;
        int a1_is = k->a1 >= 0 && (k->a1 == sj || s->men[k->a1].ent == sje);
        int a2_is = k->a2 >= 0 && (k->a2 == sj || k->a2_ent == sje);
        if (a2_is && !a1_is)
            return;
        /* both sides told, neither the defender: as told */
        /* (its dead of the attackers' side are no other side: "thwarted
         * an ISIS infiltration attempt ..., killing three militants") */
        int same = k->a1 >= 0 && k->a2 >= 0 && same_entity(s, k->a1, k->a2);
        if (!a1_is && !same && (k->a1 >= 0 || k->a1_ent >= 0) && (k->a2 >= 0 || k->a2_ent >= 0))
            return;
        /* the doer read as the defender, or none told: the other side
         * named ("killed dozens of terrorists"), if any */
        if (a1_is || (k->a1 < 0 && k->a1_ent < 0)) {
            int other = !a2_is && (k->a2 >= 0 || k->a2_ent >= 0);
            k->a1 = other ? k->a2 : -1;
            k->a1_ent = other ? k->a2_ent : -1;
        }
        k->a2 = sj;
        k->a2_ent = sje;
        return;
    }
}

static void settle_actors(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    coordinated_sides(c, s, k);
    first_conjunct(c, s, k);
    blamed_in_sentence(c, s, k);
    if (k->a1 >= 0 && k->a1 == k->a2)
        k->a2 = -1;
    k->a1_words_air = -1;
    if (k->a1 >= 0) {
        k->a1_ent = s->men[k->a1].ent;
        k->a1_words_air = (s->men[k->a1].flags & ACT_AERIAL) != 0;
    }
    /* "This progress was followed by the capture of ...": the side
     * of the fight just told */
    if (k->a1 < 0 && k->a1_ent < 0 && (td->opts & TRG_NOUN) && (td->cls == EV_TERRITORY || td->cls == EV_CLASH)) {
        const sr_ev *pv = sr_disc_recent_battle(c, s);
        if (pv) {
            k->a1_ent = pv->a1;
            if (k->a2_ent < 0 && k->a2 < 0)
                k->a2_ent = pv->a2;
        }
    }
    /* "Russia had launched 120 drones and four ballistic missiles" then
     * "a missile hit a university building": the state that struck from
     * afar just before (not "the strike", the one told before, which
     * merges into it) */
    /* (and "a guided bomb hit a residential area of the city", after
     * Russia's drones told just before: a weapon from afar that no one is
     * named for, whatever word tells its blow) */
    int remote = (td->opts & TRG_NOUN) ? (td->cls == EV_AIR || td->cls == EV_SHELL ||
                                          ((td->cls == EV_IED || td->cls == EV_BOMB) && (k->weapons & W_AIR))) &&
                                             !definite_noun(c->eng, s, t)
                                       : (td->cls == EV_ATTACK || td->cls == EV_KILL || td->cls == EV_BOMB) &&
                                             (k->weapons & (W_AIR | W_SHELL)) && !t->passive;
    if (k->a1 < 0 && k->a1_ent < 0 && remote)
        k->a1_ent = sr_disc_remote_striker(c, s);
    if (k->a2 >= 0)
        k->a2_ent = s->men[k->a2].ent;
    /* "SDF fighters responded to the attack and killed two of the
     * attackers": "the attackers", read as the group named last, are the
     * doers of the violence told before */
    if (k->a2 >= 0 && k->a1 >= 0 && k->a2_ent >= 0 && k->a2_ent == s->men[k->a1].ent && s->men[k->a2].agent >= 0 &&
        (c->eng->d.agents[s->men[k->a2].agent].flags & ACT_REFER) && s->men[k->a2].s > 0 &&
        s->tok[s->men[k->a2].s - 1].id == c->eng->w.the) {
        int doer = sr_disc_last_doer(c, s);
        if (doer >= 0 && doer != k->a2_ent)
            k->a2_ent = doer;
    }
    /* whose place was hit: "ISIS-held oil fields" */
    /* "The Syrian army and its allies broke an Islamic State siege of a
     * government-held air base": the breakers fought the besiegers */
    if ((td->opts & TRG_NOUN) && td->cls == EV_ATTACK && t->s >= 2) {
        size_t v = t->s;
        while (v > 0 && t->s - v < 5 && !word_has(c->eng, s->tok[v - 1].id, WA_BREAK_VERB) &&
               !(s->tok[v - 1].flags & TK_PUNCT))
            v--;
        if (v > 0 && word_has(c->eng, s->tok[v - 1].id, WA_BREAK_VERB)) {
            int sj = subject_of(c, s, v - 1, &x->cl, 0, ACT_CIVILIAN | ACT_PROTESTER);
            if (sj >= 0 && s->men[sj].ent >= 0 && (k->a1 < 0 || s->men[sj].ent != s->men[k->a1].ent)) {
                k->a2 = k->a1;
                k->a2_ent = k->a1 >= 0 ? s->men[k->a1].ent : -1;
                k->a1 = sj;
                k->a1_ent = s->men[sj].ent;
            }
        }
    }
    /* "SDF fighters thwarted an ISIS attack": those who fought it
     * off are the other side */
    if ((td->opts & TRG_NOUN) && (td->cls == EV_ATTACK || td->cls == EV_CLASH || td->cls == EV_RAID))
        fended_off_by(c, s, x, k);
    /* "PKK terrorists targeted in air operation in Haftanin, says
     * Turkey's National Defense Ministry": a state that tells of an air
     * operation nobody is named for flew it */
    /* (so "At least five PKK terrorists were neutralized in northern Iraq,
     * Türkiye's National Defense Ministry said": armed men a foreign
     * state tells were killed, with no doer told, its forces killed) */
    int armed_dead = td->cls == EV_KILL && k->t->passive && k->a2 >= 0 && s->men[k->a2].ent >= 0 &&
                     (c->ents[s->men[k->a2].ent].flags & ACT_ARMED) && (c->ents[s->men[k->a2].ent].flags & ACT_NONSTATE);
    if (k->a1 < 0 && k->a1_ent < 0 &&
        (td->cls == EV_AIR || ((k->weapons & W_AIR) && (td->cls == EV_KILL || td->cls == EV_ATTACK)) || armed_dead)) {
        for (size_t j = 0; j < s->nmen; j++) {
            const sr_mention *m = &s->men[j];
            int in_report = (s->report_start > 0 && (int)m->s >= s->report_start) ||
                            (s->report_end > 0 && (int)m->e <= s->report_end);
            if (!in_report || m->ent < 0 || j == (size_t)k->a2)
                continue;
            const sr_entity *en = &c->ents[m->ent];
            /* (not the state the story is in telling of strikes on it:
             * "the Gaza health ministry said the strikes on Maghazi had
             * killed at least 35 people") */
            /* (its own armed enemies' dead it tells of wherever: a
             * state's forces killed them) */
            /* (a state named in the words: not "the ministry said",
             * whose state an earlier sentence may have told) */
            int named = m->country >= 0 || m->def >= 0;
            /* (and the place told is another country's: "in northern
             * Iraq", "Türkiye's ministry said") */
            int abroad = 0;
            for (size_t q = 0; named && armed_dead && en->country >= 0 && q < s->npm && !abroad; q++)
                abroad = s->pm[q].loc.cc[0] && !s->pm[q].in_report &&
                         strcmp(s->pm[q].loc.cc, c->eng->d.countries[en->country].iso2) != 0;
            if ((en->flags & (ACT_GOV | ACT_STATE)) && en->country >= 0 &&
                (en->country != c->focus_country || (armed_dead && named && abroad))) {
                int air = td->cls == EV_AIR || (k->weapons & W_AIR);
                k->a1_ent = sr_entity_generic(c, "MIL", ACT_ARMED | ACT_STATE | (air ? ACT_AERIAL : 0), en->country);
                break;
            }
        }
    }
    /* "Two people died and five were injured when Russian drones hit a bus
     * in the city of Kherson": the aircraft the sentence names, a
     * country's, flew the strike its dead were killed in */
    for (size_t j = 0; k->a1 < 0 && k->a1_ent < 0 && (k->weapons & W_AIR) && td->cls == EV_KILL && j < s->nmen; j++) {
        const sr_mention *m = &s->men[j];
        if (m->ent >= 0 && (int)j != k->a2 && !m->modifier && !m->prep && m->s > t->e &&
            (c->ents[m->ent].flags & ACT_AERIAL) && (c->ents[m->ent].flags & ACT_STATE) && c->ents[m->ent].country >= 0) {
            k->a1 = (int)j;
            k->a1_ent = m->ent;
        }
    }
    /* "shelled rebel-held areas": the rebels hold what was hit */
    k->a2_holder = k->a2 >= 0 && s->men[k->a2].ctrl;
    if (k->a2_ent < 0) {
        for (size_t j = 0; j < s->npm; j++)
            if (s->pm[j].owner >= 0 && s->pm[j].s > t->s && s->men[s->pm[j].owner].ent >= 0) {
                k->a2_ent = s->men[s->pm[j].owner].ent;
                k->a2 = s->pm[j].owner;
                k->a2_holder = 1;
                break;
            }
    }
}

/* Whether token j is a word of a named place told as near where it
 * happened ("opening fire on the vehicles near the village of Milimani"):
 * its noun is no target. */
static int in_place_told_near(const sr_coder *c, const sr_sent *s, size_t j)
{
    for (size_t q = 0; q < s->npm; q++) {
        const sr_pmention *p = &s->pm[q];
        if (j >= p->s && j < p->e)
            return p->prep && (p->prep == c->eng->w.near || word_has(c->eng, p->prep, WA_NEAR_PREP));
    }
    return 0;
}

/* "threatening staff with guns and explosives": arms told after "with"
 * (past a determiner, or earlier items of the list) are what the doers
 * held, not what they went for. */
static int held_with(const sr_engine *e, const sr_sent *s, size_t j)
{
    for (size_t i = j; i > 0 && j - i < 6; i--) {
        const sr_token *w = &s->tok[i - 1];
        if (w->id == e->w.with)
            return 1;
        if (((w->flags & TK_PUNCT) && !sr_tok_eq(w, ",")) || !(w->flags & (TK_ALPHA | TK_PUNCT)) ||
            (w->flags & TK_CAP) || (s->owner[i - 1] >= 0 && s->m[s->owner[i - 1]].kind != PH_CUE))
            return 0;
    }
    return 0;
}

/* Who was hit, and what kind of target. */
/* "Iran fired more than a dozen ballistic missiles at two Iraqi military
 * bases hosting U.S. forces": the armed men a target after the word is
 * said to hold (cues.txt HOSTING) are its side, not the base's country;
 * the mention, or -1. */
static int hosted_side(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    if (!(s->cues & (1ULL << CUE_HOSTING)))
        return -1;
    for (size_t i = t->e; i < s->ntok && i < (size_t)t->e + 10; i++) {
        if (s->tok[i].flags & TK_PUNCT)
            return -1;
        if (!has_cue(s, i, CUE_HOSTING))
            continue;
        size_t j = cue_end(s, i, CUE_HOSTING);
        for (size_t q = 0; q < s->nmen; q++)
            if ((s->men[q].s == j || (s->men[q].s == j + 1 && tok_is(s, j, c->eng->w.the))) && s->men[q].ent >= 0 &&
                (c->ents[s->men[q].ent].flags & ACT_ARMED))
                return (int)q;
        return -1;
    }
    return -1;
}

/* Whether a target's words ending at token i go on to say it carried or
 * held people who bear no arms ("a convoy of vehicles carrying Shiite
 * Muslims"; cues.txt HOSTING) within a few words. */
static int carries_unarmed(const sr_coder *c, const sr_sent *s, size_t i)
{
    for (size_t j = i; j < s->ntok && j < i + 4; j++) {
        if (s->tok[j].flags & TK_PUNCT)
            return 0;
        if (!has_cue(s, j, CUE_HOSTING))
            continue;
        size_t h = cue_end(s, j, CUE_HOSTING);
        for (size_t q = 0; q < s->nmen; q++)
            if (s->men[q].s >= h && s->men[q].s <= h + 2 && s->men[q].ent >= 0 &&
                (c->ents[s->men[q].ent].flags & ACT_ARMED))
                return 0;
        return 1;
    }
    return 0;
}

/* Whether entity ent is told in s only by a country's name ("chanting
 * slogans against France"). */
static int country_alone(const sr_sent *s, int ent)
{
    int told = 0;
    for (size_t j = 0; j < s->nmen; j++) {
        const sr_mention *m = &s->men[j];
        if (m->ent != ent)
            continue;
        if (m->agent >= 0 || m->def >= 0 || m->country < 0 || m->pronoun)
            return 0;
        told = 1;
    }
    return told;
}

/* "rallied in Niamey in support of the military junta": whether mention m
 * is whom a crowd backs (words.txt SUPPORT_NOUN, then "of" or "with") */
static int backed_by_crowd(const sr_coder *c, const sr_sent *s, const sr_mention *m)
{
    const sr_engine *e = c->eng;
    size_t j = m->s;
    if (j > 0 && tok_is(s, j - 1, e->w.the))
        j--;
    return j >= 2 && (tok_is(s, j - 1, e->w.of) || tok_is(s, j - 1, e->w.with)) &&
           sr_affix(e, AF_SUPPORT, s->tok[j - 2].norm);
}

/* Whose forces the military target after trigger t is: a country's
 * adjective right before it ("opened harassment fire on Turkish
 * positions", "Turkish military bases"), else the story's country. */
static int target_country(const sr_coder *c, const sr_sent *s, const sr_trig *t, size_t cb)
{
    for (size_t j = t->e; j < cb && j < (size_t)t->e + 8; j++) {
        if (!has_cue(s, j, CUE_MILTARGET))
            continue;
        size_t b = j;
        if (b > 0 && s->owner[b - 1] < 0 && word_has(c->eng, s->tok[b - 1].id, WA_FORCEMOD))
            b--;
        if (b > 0 && s->owner[b - 1] >= 0) {
            const sr_match *m = &s->m[s->owner[b - 1]];
            if (m->kind == PH_COUNTRY && (m->flags & PF_ADJ) && m->end == b)
                return (int)m->value;
        }
        break;
    }
    return c->focus_country;
}

/* The mention the wounded are told by, as the subject of "were injured"
 * within twelve words before trigger t ("Two civilians were injured when
 * a Ukrainian drone dropped an explosive device"); -1. */
static int wounded_before(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    if (!((s->cues >> CUE_INJURE) & 1))
        return -1;
    for (size_t q = t->s; q > 1 && t->s - q < 12; q--) {
        if (!has_cue(s, q - 1, CUE_INJURE) || !is_be(c->eng, s->tok[q - 2].id))
            continue;
        int m = mention_ending_at(s, q - 2);
        if (m < 0 || s->men[m].pronoun || s->men[m].ent < 0)
            return -1;
        /* (not a part of them: "around 17 people, including two police
         * personnel were injured in a hand grenade explosion") */
        for (size_t i = s->men[m].s > 3 ? s->men[m].s - 3 : 0; i < s->men[m].s; i++)
            if (s->tok[i].id == c->eng->w.including)
                return -1;
        return m;
    }
    return -1;
}

static void victims_and_targets(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    int host = hosted_side(c, s, t);
    if (host >= 0 && host != k->a1 && (k->a1 < 0 || s->men[host].ent != s->men[k->a1].ent)) {
        k->a2 = host;
        k->a2_ent = s->men[host].ent;
    }
    /* "threw a grenade at a checkpoint, wounding three soldiers":
     * the wounded are whom it was aimed at */
    if (k->a2 < 0 && k->a2_ent < 0) {
        for (size_t q = t->e; q < s->ntok && q < (size_t)t->e + 14; q++) {
            if (sr_tok_eq(&s->tok[q], ";") || s->tok[q].id == e->w.but)
                break;
            if (!has_cue(s, q, CUE_INJURE))
                continue;
            int wm = object_after(c, s, cue_end(s, q, CUE_INJURE), &x->cl, 5, 1);
            if (wm >= 0 && wm != k->a1) {
                k->a2 = wm;
                k->a2_ent = s->men[wm].ent;
            }
            break;
        }
    }
    /* (and told before it: "Two civilians were injured when a Ukrainian
     * drone dropped an explosive device on a car") */
    if (k->a2 < 0 && k->a2_ent < 0) {
        int wm = wounded_before(c, s, t);
        if (wm >= 0 && wm != k->a1) {
            k->a2 = wm;
            k->a2_ent = s->men[wm].ent;
        }
    }
    /* "forced nine passengers off a bus near Quetta and shot them dead":
     * "them" after the verb, the people counted before it */
    /* (before anyone told after it: "... shot them dead after checking
     * their identity cards") */
    int them = (td->opts & TRG_VERB) ? them_counted(e, s, t, k->a1) : -1;
    if (them >= 0) {
        k->a2 = them;
        k->a2_ent = s->men[them].ent;
    }
    if (k->a2 >= 0) {
        victims_kind(c, &s->men[k->a2], &k->victims_civ, &k->victims_armed, &k->victims_prot);
        /* "arrested a leader of the opposition BNP": one of a party's
         * people, no crowd of protesters */
        if (k->victims_prot && sr_person_of_group(e, s, &s->men[k->a2])) {
            k->victims_prot = 0;
            k->victims_civ = 1;
        }
    } else if (k->a2_ent >= 0) {
        uint32_t f = c->ents[k->a2_ent].flags;
        k->victims_prot = !!(f & ACT_PROTESTER);
        k->victims_civ = !(f & ACT_PROTESTER) && (f & ACT_CIVILIAN);
        k->victims_armed = !!(f & ACT_ARMED);
    }
    /* "killed a local official", "shot a journalist" (and a verb that
     * kills whom it names: "Unknown gunmen assassinated a member of the
     * Deir ez-Zor Civil Council") */
    if ((td->cls == EV_KILL || td->cls == EV_SHOOT || td->cls == EV_EXECUTE || (td->opts & TRG_KILLS)) &&
        (td->opts & TRG_VERB) &&
        !t->passive && k->a2 < 0) {
        size_t q = t->e;
        if (q < s->ntok && (tok_is(s, q, e->w.a) || tok_is(s, q, e->w.an) || tok_is(s, q, e->w.the) ||
                            (s->tok[q].flags & TK_NUM)))
            q++;
        for (size_t r = q; r < s->ntok && r < q + 3; r++)
            if (has_cue(s, r, CUE_PERSON))
                k->person_victim = 1;
        /* "killed 17-year-old Ahmed Musa", "shot dead Ahmed Musa, 45," */
        if (one_named(e, s, t->e))
            k->person_victim = 1;
    }
    /* targets: houses, markets, camps / bases, checkpoints */
    for (size_t j = t->s; j < k->cb && j < (size_t)t->e + 8; j++) {
        if (has_cue(s, j, CUE_CIVTARGET) && !in_place_told_near(c, s, j))
            k->civ_target = 1;
        if (has_cue(s, j, CUE_HOUSE))
            k->house_target = 1;
        /* (not "a convoy of vehicles carrying Shiite Muslims": what it
         * carried, no armed men, says whose) */
        if (has_cue(s, j, CUE_MILTARGET) && !carries_unarmed(c, s, cue_end(s, j, CUE_MILTARGET)))
            k->mil_target = 1;
        if (has_cue(s, j, CUE_ARMS) && !held_with(e, s, j))
            k->arms_target = 1;
    }
    /* "raided the group's headquarters in Kidal on Monday and seized its
     * weapons": arms told anywhere in the raid's clause */
    for (size_t j = t->e + 8; td->cls == EV_RAID && j < k->cb && j < s->ntok; j++)
        if (has_cue(s, j, CUE_ARMS) && !held_with(e, s, j))
            k->arms_target = 1;
    k->recv = td->cls == EV_WITHDRAW ? receiver_of(c, s, t, k->cb) : -1;
    /* "intercepted a ballistic missile fired by the Houthis", "shot down
     * several drones launched by the Rapid Support Forces": whose weapon
     * was stopped is the other side (words.txt WEAPON_OWNER) */
    for (size_t q = t->e; td->cls == EV_DISRUPT && k->a2 < 0 && k->a2_ent < 0 && q + 1 < s->ntok && q < (size_t)t->e + 6;
         q++) {
        if (!word_has(e, s->tok[q].id, WA_WEAPON_OWNER) || s->tok[q + 1].id != e->w.by)
            continue;
        for (size_t m = 0; m < s->nmen; m++)
            if (s->men[m].s >= q + 2 && s->men[m].s <= q + 3 && s->men[m].ent >= 0 && s->men[m].ent != k->a1_ent) {
                k->a2 = (int)m;
                k->a2_ent = s->men[m].ent;
                break;
            }
        break;
    }
    /* "Militants attacked an air base in Turbat": a base, a checkpoint or
     * a convoy no side is named for, struck by armed men of no state, is
     * the state's forces' (cues.txt MILTARGET) */
    /* (a verb's: "in an attack on a checkpoint" tells the deed of
     * another word; the forces by the name the article gave them last;
     * not one whose owner "of" names) */
    if (k->mil_target && k->a2 < 0 && k->a2_ent < 0 && k->a1_ent >= 0 && c->focus_country >= 0 &&
        (td->cls == EV_ATTACK || td->cls == EV_SHOOT || td->cls == EV_RAID) && (td->opts & TRG_VERB) && !t->passive &&
        !target_owner_told(c->eng, s, t)) {
        uint32_t f = c->ents[k->a1_ent].flags;
        if ((f & ACT_ARMED) && !(f & ACT_STATE) && !(f & ACT_GOVSIDE)) {
            int cc = target_country(c, s, t, k->cb);
            /* (the state's forces the sentence tells, as it tells them:
             * "Terrorists targeted two security posts ... while four
             * troops embraced martyrdom") */
            for (size_t m = 0; m < s->nmen && k->a2 < 0; m++) {
                int en = s->men[m].ent;
                /* (not the teller: "..., police said") */
                if (en >= 0 && en != k->a1_ent && (c->ents[en].flags & ACT_STATE) && (c->ents[en].flags & ACT_ARMED) &&
                    c->ents[en].country == cc && !s->men[m].modifier &&
                    (int)s->men[m].s < s->report_start && (int)s->men[m].e > s->report_end) {
                    k->a2 = (int)m;
                    k->a2_ent = en;
                    k->victims_armed = 1;
                }
            }
            if (k->a2 >= 0)
                return;
            /* (else by the name the article gave those forces last) */
            const char *iso3 = c->eng->d.countries[cc].iso3;
            int ne = -1;
            for (size_t i = c->nents; ne < 0 && i > 0; i--) {
                const char *code = c->ents[i - 1].code;
                if (code && strlen(code) == 6 && !strncmp(code, iso3, 3) && sr_streq(code + 3, "MIL"))
                    ne = (int)i - 1;
            }
            if (ne < 0)
                ne = sr_entity_generic(c, "MIL", 0, cc);
            k->a2_ent = ne;
            k->victims_armed = ne >= 0;
        }
    }
}

void sr_assign_roles(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    frame_candidate(c, s, x, k);
    if (k->td->opts & TRG_NOUN)
        noun_roles(c, s, x, k);
    else
        verb_roles(c, s, x, k);
    /* "at least 15 IS militants and four SDF fighters were killed on the
     * first day of fighting": a fight's dead of the side it did not name
     * are its other side */
    if (k->td->cls == EV_CLASH && k->a1 >= 0 && k->a2 < 0 && s->men[k->a1].ent >= 0)
        for (int v = 0; v < x->nvictim && k->a2 < 0; v++) {
            const sr_mention *m = &s->men[x->victim_m[v]];
            if (m->ent >= 0 && m->ent != s->men[k->a1].ent && (c->ents[m->ent].flags & ACT_ARMED) &&
                !(c->ents[m->ent].flags & ACT_UNKNOWN))
                k->a2 = x->victim_m[v];
        }
    if (k->a1 < 0)
        claimed_by(c, s, k);
    settle_actors(c, s, x, k);
    victims_and_targets(c, s, x, k);
}

/* Whether a verb of killing or shooting in the active voice starts within
 * two words of token i ("Security forces killed", "police opened fire"). */
static int kills_after(const sr_coder *c, const sr_sent *s, size_t i)
{
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u->ndef && !u->passive && u->s >= i && u->s <= i + 2 && (tdef(c, u, 0)->opts & TRG_VERB) &&
            (tdef(c, u, 0)->cls == EV_KILL || tdef(c, u, 0)->cls == EV_SHOOT))
            return 1;
    }
    return 0;
}

/* "Security forces killed at least two protesters ... as thousands took
 * to the streets", "Police killed at least 22 people during riots": the
 * state's forces told doing the killing before a crowd's word t (not
 * across "a day after", nor the teller), its mention or -1. */
static int state_killing_before(const sr_coder *c, const sr_sent *s, size_t t)
{
    for (size_t j = 0; j < s->nmen; j++) {
        const sr_mention *m = &s->men[j];
        if (m->ent >= 0 && (c->ents[m->ent].flags & ACT_STATE) && (c->ents[m->ent].flags & ACT_ARMED) &&
            !(c->ents[m->ent].flags & ACT_SOURCE) && !m->modifier && m->s < t &&
            (s->report_end <= 0 || (int)m->s >= s->report_end) && kills_after(c, s, m->e) &&
            !after_between(c->eng, s, m->e, t))
            return (int)j;
    }
    return -1;
}

/* The roles as ACLED codes the type k->sub: a1e/a1t and a2e/a2t. */
/* The sentence's first mention of protesters, -1 when none */
static int first_protesters(const sr_coder *c, const sr_sent *s)
{
    for (size_t j = 0; j < s->nmen; j++)
        if (s->men[j].ent >= 0 && (c->ents[s->men[j].ent].flags & ACT_PROTESTER))
            return (int)j;
    return -1;
}

/* A protest word typed a riot with the state's forces as its doer: the
 * crowd's riot instead (below). */
static void riot_of_the_crowd(sr_coder *c, const sr_sent *s, cand *k)
{
    /* "Clashes between police and students protesting against government
     * job quotas ..., as protesters set fire to the state broadcaster's
     * headquarters": a protest word's riot is the crowd's, the state's
     * forces its other side */
    if (k->td->cls == EV_PROTEST && k->type == TYPE_RIOTS && k->a1e >= 0 && (c->ents[k->a1e].flags & ACT_STATE) &&
        !(c->ents[k->a1e].flags & ACT_PROTESTER)) {
        k->a2e = k->a1e;
        k->a2t = k->a1t;
        int prot = first_protesters(c, s);
        k->a1e = prot >= 0 ? s->men[prot].ent : sr_entity_generic(c, "OPP", 0, c->focus_country);
        k->a1t = prot >= 0 ? span_text(c, s, s->men[prot].s, s->men[prot].e) : NULL;
    }
}

/* A fight with one side told: its dead's side (below). */
static void fought_by_the_dead(sr_coder *c, const sr_sent *s, cand *k)
{
    /* "documented the death of 3 fighters of ISIS cells in clashes with
     * regime forces": a fight told with one side only, its dead armed men
     * of the other kind (not the state's against the state's), was fought
     * by the dead's side */
    if (k->a1e < 0 && k->a2e >= 0 && k->td->cls == EV_CLASH && k->type == TYPE_BATTLES && k->dead_ent >= 0 && k->dead_ent != k->a2e &&
        (c->ents[k->dead_ent].flags & ACT_ARMED) &&
        !(c->ents[k->dead_ent].flags & ACT_STATE) != !(c->ents[k->a2e].flags & ACT_STATE)) {
        k->a1e = k->dead_ent;
        for (size_t q = 0; q < s->nmen && !k->a1t; q++)
            if (s->men[q].ent == k->dead_ent)
                k->a1t = span_text(c, s, s->men[q].s, s->men[q].e);
    }
}

void sr_roles_by_type(sr_coder *c, const sr_sent *s, cand *k)
{
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    /* actor roles by k->type: protests are by protesters */
    k->a1e = k->a1_ent;
    k->a2e = k->a2_ent;
    k->a1t = k->a1 >= 0 ? span_text(c, s, s->men[k->a1].s, s->men[k->a1].e) : NULL;
    k->a2t = k->a2 >= 0 ? span_text(c, s, s->men[k->a2].s, s->men[k->a2].e) : NULL;
    if (td->cls == EV_WITHDRAW) {
        /* a place handed over or left: actor1 is the side that
         * takes it, as ACLED codes it and as the control timeline
         * reads it ("the army withdrew from X and handed it to
         * the Kurdish forces": the Kurdish forces hold X); the
         * side that left is actor2 */
        int recv = k->recv >= 0 ? s->men[k->recv].ent : -1;
        k->a2e = recv != k->a1e ? k->a1e : -1;
        k->a2t = k->a2e >= 0 ? k->a1t : NULL;
        k->a1e = recv;
        k->a1t = recv >= 0 ? span_text(c, s, s->men[k->recv].s, s->men[k->recv].e) : NULL;
    }
    k->type = sr_acled_type(c->eng, k->sub);
    /* "The terrorists were neutralized in the Metina and Zap regions in
     * airstrikes": air strikes by no one named on a side a state fought
     * just before are that state's */
    if (k->a1e < 0 && (td->opts & TRG_NOUN) && td->cls == EV_AIR && k->a2e >= 0) {
        k->a1e = sr_disc_state_against(c, s, k->a2e);
        k->a1t = NULL;
    }
    /* "At least four people were killed in the unrest": rioters, as
     * ACLED names a violent demonstration's unnamed crowd (and a mob's:
     * "A crowd lynched a suspected thief") */
    if ((k->sub == SUB_VIOLENT_DEMO || k->sub == SUB_MOB) && k->a1e < 0) {
        k->a1e = sr_entity_generic(c, "RIO", 0, c->focus_country);
        k->a1t = NULL;
    }
    /* "Police killed at least 22 people during riots": the other side of
     * a riot is the state's forces that killed in it, not their dead */
    if (k->sub == SUB_VIOLENT_DEMO && (k->a2e < 0 || (c->ents[k->a2e].flags & ACT_CIVILIAN))) {
        int f = state_killing_before(c, s, t->s);
        if (f >= 0) {
            k->a2e = s->men[f].ent;
            k->a2t = span_text(c, s, s->men[f].s, s->men[f].e);
        }
    }
    /* "Villagers lynched a suspected kidnapper": villagers who kill are
     * rioters, as ACLED names a mob (the words stay as told); so are
     * civilians who riot ("Hundreds of students stormed the provincial
     * assembly and set part of it on fire"), not protesters */
    if ((k->sub == SUB_MOB || k->sub == SUB_VIOLENT_DEMO) && k->a1e >= 0 && (c->ents[k->a1e].flags & ACT_CIVILIAN) &&
        !(c->ents[k->a1e].flags & ACT_CROWD) &&
        (k->sub == SUB_MOB || (!(c->ents[k->a1e].flags & ACT_PROTESTER) && c->ents[k->a1e].def < 0)))
        k->a1e = sr_entity_generic(c, "RIO", 0, c->focus_country);
    riot_of_the_crowd(c, s, k);
    /* "The Israeli military said it had intercepted a drone launched from
     * Yemen": what a state stopped is no force of its own (a drone no one
     * is named for was read as the story's country's) */
    if (td->cls == EV_DISRUPT && k->a1e >= 0 && k->a2e >= 0 && (c->ents[k->a1e].flags & ACT_STATE) &&
        (c->ents[k->a2e].flags & ACT_STATE) && c->ents[k->a1e].country >= 0 &&
        c->ents[k->a1e].country == c->ents[k->a2e].country) {
        k->a2e = -1;
        k->a2t = NULL;
    }
    /* "Clashes between herders and farmers ... killed at least 23 people":
     * civilians who fight a battle fight as a community's militia, as
     * ACLED names them (the words stay as told) */
    /* (not men told as others' own: "Inmates belonging to rival gangs
     * clashed") */
    int whose = k->a1 >= 0 && s->men[k->a1].e < s->ntok &&
                (has_cue(s, s->men[k->a1].e, CUE_AFFIL) || has_cue(s, s->men[k->a1].e, CUE_OWNER));
    if (k->sub == SUB_ARMED_CLASH && k->a1e >= 0 && (c->ents[k->a1e].flags & ACT_CIVILIAN) && !whose &&
        !(c->ents[k->a1e].flags & (ACT_ARMED | ACT_PROTESTER)) && c->ents[k->a1e].def < 0) {
        int ne = sr_entity_generic(c, "TRB", 0, c->ents[k->a1e].country >= 0 ? c->ents[k->a1e].country : c->focus_country);
        if (ne >= 0)
            k->a1e = ne;
    }
    if (k->type == TYPE_PROTESTS) {
        int prot = first_protesters(c, s);
        int other = -1;
        if (k->a1e >= 0 && !(c->ents[k->a1e].flags & (ACT_PROTESTER | ACT_CIVILIAN)))
            other = k->a1e;
        else if (k->a2e >= 0 && !(c->ents[k->a2e].flags & (ACT_PROTESTER | ACT_CIVILIAN)))
            other = k->a2e;
        const char *ot = other == k->a1e ? k->a1t : k->a2t;
        if (prot >= 0) {
            k->a1e = s->men[prot].ent;
            k->a1t = span_text(c, s, s->men[prot].s, s->men[prot].e);
        } else {
            k->a1e = sr_entity_generic(c, "OPP", 0, c->focus_country);
            k->a1t = NULL;
        }
        k->a2e = other;
        k->a2t = other >= 0 ? ot : NULL;
        if (k->a2e < 0) {
            /* "demonstrators denounced the policies of the SDF" */
            for (size_t j = 0; j < s->nmen; j++) {
                const sr_mention *m = &s->men[j];
                /* (not the teller: "..., police said") */
                if (m->ent >= 0 && m->ent != k->a1e && !(c->ents[m->ent].flags & (ACT_SOURCE | ACT_CIVILIAN)) &&
                    !m->modifier && m->s > t->s && (int)m->s < s->report_start &&
                    !(m->e < s->ntok && word_has(c->eng, s->tok[m->e].id, WA_BUILDING)) && !backed_by_crowd(c, s, m)) {
                    k->a2e = m->ent;
                    k->a2t = span_text(c, s, m->s, m->e);
                    break;
                }
            }
        }
        /* "Thousands of people protested in Tbilisi on Saturday against the
         * government's decision": the government a peaceful crowd protests
         * against is no side of the protest, as ACLED leaves it (an armed
         * group is: "demonstrators protested against the SDF") */
        /* (nor a state named by its country alone: "chanting slogans
         * against France") */
        if (k->sub == SUB_PEACEFUL_PROTEST && k->a2e >= 0 &&
            (((c->ents[k->a2e].flags & ACT_GOV) && !(c->ents[k->a2e].flags & ACT_ARMED)) ||
             (c->ents[k->a2e].def < 0 && (c->ents[k->a2e].flags & ACT_STATE) && country_alone(s, k->a2e)))) {
            k->a2e = -1;
            k->a2t = NULL;
        }
        /* "Security forces killed at least two protesters ... as
         * thousands of young people took to the streets": the state's
         * forces the sentence names before the protest's word */
        if (k->sub == SUB_EXCESSIVE_FORCE && k->a2e < 0) {
            int f = state_killing_before(c, s, t->s);
            if (f >= 0) {
                k->a2e = s->men[f].ent;
                k->a2t = span_text(c, s, s->men[f].s, s->men[f].e);
            }
        }
        if (k->sub == SUB_EXCESSIVE_FORCE && k->a2e < 0) {
            /* "another two demonstrators died in Mandalay": the
             * forces named for the earlier shootings */
            k->a2e = sr_disc_protest_forces(c, &k->a2t);
            if (k->a2e < 0)
                k->a2t = NULL;
        }
        if (k->sub == SUB_EXCESSIVE_FORCE) {
            /* the forces that shot are the actor, as ACLED codes it;
             * unnamed, they leave actor1 empty: "one protester was shot
             * dead" */
            int te = k->a1e;
            const char *tt = k->a1t;
            k->a1e = k->a2e;
            k->a1t = k->a2t;
            k->a2e = te;
            k->a2t = tt;
        }
    } else if (k->sub == SUB_VAC_ATTACK || k->sub == SUB_ABDUCTION) {
        /* those taken are civilians unless named otherwise: "and
         * kidnapped 30 others" */
        if (k->a2e < 0 && (k->victims_civ || k->civ_target || k->person_victim || k->sub == SUB_ABDUCTION))
            k->a2e = sr_entity_generic(c, "CVL", 0, c->focus_country);
    } else if (k->type == TYPE_EXPLOSIONS || k->type == TYPE_BATTLES) {
        /* suicide bombers and unnamed attackers */
        if (k->a1e < 0 && (k->sub == SUB_SUICIDE || (k->sub == SUB_IED && td->cls == EV_CARBOMB))) {
            for (size_t j = 0; j < s->nmen; j++)
                if (s->men[j].ent >= 0 && (c->ents[s->men[j].ent].flags & ACT_UNKNOWN)) {
                    k->a1e = s->men[j].ent;
                    k->a1t = span_text(c, s, s->men[j].s, s->men[j].e);
                }
        }
    }
    /* "Eighty people were detained": by the police, as ACLED codes it */
    if (k->sub == SUB_ARRESTS && k->a1e < 0 && c->focus_country >= 0) {
        k->a1e = sr_entity_generic(c, "COP", 0, c->focus_country);
        k->a1t = NULL;
    }
    /* "a regime airstrike", "the government shelled": a state's violence
     * is done by its forces, as ACLED names them; its arrests by its police */
    if (k->a1e >= 0 && (c->ents[k->a1e].flags & ACT_GOV) && !(c->ents[k->a1e].flags & ACT_ARMED) &&
        c->ents[k->a1e].country >= 0) {
        int force = -1;
        if (k->type == TYPE_BATTLES || k->type == TYPE_EXPLOSIONS || k->type == TYPE_VAC ||
            k->sub == SUB_EXCESSIVE_FORCE)
            force = sr_entity_generic(c, "MIL", 0, c->ents[k->a1e].country);
        else if (k->sub == SUB_ARRESTS)
            force = sr_entity_generic(c, "COP", 0, c->ents[k->a1e].country);
        if (force >= 0)
            k->a1e = force;
    }
    /* "attacked government positions": the state's forces were hit */
    if (k->a2e >= 0 && (c->ents[k->a2e].flags & ACT_GOV) && !(c->ents[k->a2e].flags & ACT_ARMED) &&
        c->ents[k->a2e].country >= 0 && (k->type == TYPE_BATTLES || k->type == TYPE_EXPLOSIONS)) {
        int force = sr_entity_generic(c, "MIL", 0, c->ents[k->a2e].country);
        if (force >= 0)
            k->a2e = force;
    }
    int a2_is_a1 = k->a1e >= 0 && k->a1e == k->a2e;
    if (a2_is_a1 && k->sub != SUB_VAC_ATTACK) {
        k->a2e = -1;
        k->a2t = NULL;
    }
    /* "air strikes on a village killed 50 people": the dead are
     * civilians unless named otherwise */
    if (k->type == TYPE_EXPLOSIONS && k->a2e < 0 && (!k->victims_armed || a2_is_a1) &&
        (k->victims_civ || (k->civ_target && k->fat > 0)))
        k->a2e = sr_entity_generic(c, "CVL", 0, c->focus_country);
    fought_by_the_dead(c, s, k);
}
