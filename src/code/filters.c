/* The skip rules: an event word that tells no happening of the article's
 * days is dropped here, by a rule with a name and the sentence it was
 * written for. Each rule is one small test; the table says in which
 * order they run and at which stage (what must be known for the test):
 *
 *   FILTER_WORD     the word and its meaning (triggers.c)
 *   FILTER_ROLES    with its actors (roles.c)
 *   FILTER_CONTEXT  with its dead, place and date (context.c)
 *   FILTER_TYPE     with its ACLED type (classify.c)
 *
 * In: a cand at its stage. Out: 1 and k->dropped = the rule's name when a
 * rule drops it. tests/test_filters.c codes each rule's example and checks
 * that the rule is the one that drops it. */
#include <limits.h>
#include <string.h>

#include "../lang/inflect.h"
#include "../util/str.h"
#include "pass.h"

/* Whether word t comes after "to" and a verb of word shape `role`
 * (words.txt: "continue to liberate", "seeking to oust", "continue to
 * kill"). */
static int after_verb_to(const sr_engine *e, const sr_sent *s, const sr_trig *t, int role)
{
    return t->s > 1 && s->tok[t->s - 1].id == e->w.to && sr_affix(e, role, s->tok[t->s - 2].norm);
}

/* Whether ", " and word `id` come within `span` words before word t
 * (", as fighting entered its fourth day", ", amid clashes"). */
static int after_comma_word(const sr_sent *s, const sr_trig *t, size_t span, uint32_t id)
{
    for (size_t i = t->s; i > 1 && t->s - i < span; i--)
        if (s->tok[i - 1].id == id && sr_tok_eq(&s->tok[i - 2], ","))
            return 1;
    return 0;
}

#define WORD_RULE(name) \
    static int name(const sr_coder *c, const sr_sent *s, const sr_sctx *x, const cand *k)

/* ---- the word ------------------------------------------------------------- */

/* a verb-only word used as a noun */
WORD_RULE(noun_use_of_verb)
{
    (void)x;
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    /* (or right after it: "A fire at a plastics factory in Lagos killed
     * five workers") */
    if ((td->opts & TRG_VERB) && t->s >= 1 && !t->passive && td->form == VF_BASE && is_det_word(e, &s->tok[t->s - 1]))
        return 1;
    return (td->opts & TRG_VERB) && t->s >= 2 && !t->passive && is_det_word(e, &s->tok[t->s - 2]) &&
           (s->tok[t->s - 1].flags & TK_ALPHA) && !(s->tok[t->s - 1].flags & TK_CAP) && s->owner[t->s - 1] < 0 &&
           !is_adverb_like(e, &s->tok[t->s - 1]) && !is_aux_word(e, &s->tok[t->s - 1]) && td->form == VF_BASE;
}

/* "Nigerian troops rescued 16 kidnap victims": a verb's plain form right
 * before a noun that says what kind (words.txt KIND_OF_NOUN) names the
 * kind, no deed */
WORD_RULE(kind_of_noun)
{
    (void)x;
    const sr_trig *t = k->t;
    return (k->td->opts & TRG_VERB) && k->td->form == VF_BASE && !t->passive && t->e < s->ntok &&
           (s->tok[t->e].flags & TK_ALPHA) && sr_affix(c->eng, AF_KIND_OF, s->tok[t->e].norm);
}

/* "Two F/A-18 jets dropped 500-pound laser-guided bombs": a verb's
 * letters joined to a number are a measure's unit, no deed */
WORD_RULE(unit_of_a_measure)
{
    (void)c, (void)x;
    const sr_trig *t = k->t;
    return (k->td->opts & TRG_VERB) && t->s > 0 && (s->tok[t->s].flags & TK_HYPH) && (s->tok[t->s - 1].flags & TK_NUM);
}

/* "Remnants of the group still carry out hit-and-run attacks in the
 * rugged areas between Kirkuk, Salahuddin and Diyala": a verb joined by
 * a hyphen to the word after it is a word of a compound that describes
 * a noun, no deed */
WORD_RULE(word_of_a_compound)
{
    (void)c, (void)x;
    const sr_trig *t = k->t;
    return (k->td->opts & TRG_VERB) && t->e < s->ntok && (s->tok[t->e].flags & TK_HYPH) &&
           (s->tok[t->e].flags & TK_ALPHA);
}

/* "Protesters stormed the parliament and set parts of it on fire on
 * Tuesday": flames, no shots ("fire on" after "on") */
WORD_RULE(flames_not_shots)
{
    (void)x;
    const sr_trig *t = k->t;
    return k->td->cls == EV_SHOOT && (k->td->opts & TRG_VERB) && t->s > 0 && tok_is(s, t->s - 1, c->eng->w.on);
}

/* describes who, it is not a happening */
WORD_RULE(participle_describing_actor)
{
    (void)x;
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    /* (read as a noun too: "Burundian troops fighting alongside Congolese
     * forces clashed with M23 rebels", a side and whom it fights with) */
    int alongside = (td->opts & TRG_NOUN) && t->e < s->ntok && tok_is(s, t->e, e->w.alongside) &&
                    sr_affix(e, AF_GERUND, s->tok[t->e - 1].norm);
    if (!(((td->opts & TRG_VERB) && td->form == VF_ING) || alongside) || t->s == 0)
        return 0;
    int after_actor = 0, before_actor = 0;
    for (size_t q = 0; q < s->nmen; q++) {
        /* "with demonstrators setting fire to police vehicles": what the
         * actor after "with" did */
        if (s->men[q].e == t->s && !s->men[q].pronoun &&
            !(s->men[q].s > 0 && tok_is(s, (size_t)s->men[q].s - 1, e->w.with)))
            after_actor = 1;
        if (s->men[q].s == t->e || (s->men[q].s == t->e + 1 && tok_is(s, t->e, e->w.the)) ||
            (s->men[q].s == t->e + 1 && tok_is(s, t->e, e->w.alongside)))
            before_actor = 1;
    }
    return after_actor && before_actor;
}

/* participles used as adjectives */
WORD_RULE(participle_adjective)
{
    (void)x;
    return sr_participle_adjective(c, s, k->t, k->td);
}

int sr_participle_adjective(const sr_coder *c, const sr_sent *s, const sr_trig *t, const sr_trigger_def *td)
{
    const sr_engine *e = c->eng;
    if (!((td->opts & TRG_VERB) && (td->form == VF_PART || td->form == VF_PAST) && t->s > 0 && !t->passive &&
          t->e < s->ntok && (s->tok[t->e].flags & TK_ALPHA)))
        return 0;
    uint32_t before = s->tok[t->s - 1].id;
    if ((s->tok[t->s - 1].flags & TK_NUM) || is_det_word(e, &s->tok[t->s - 1]) || before == e->w.dozen)
        return 1;
    /* "fighters loyal to ousted President Bashar Assad", "supporters of
     * slain commander X": after a preposition, before a person's title
     * (but "Militants killed commander X" kills him) */
    /* (and after an "-ing" word: "a crowd commemorating slain commander
     * Qassem Soleimani") */
    int gerund = s->owner[t->s - 1] < 0 && s->tok[t->s - 1].nlen > 4 && sr_affix(e, AF_GERUND, s->tok[t->s - 1].norm);
    return (before == e->w.to || before == e->w.of || before == e->w.for_ || before == e->w.with ||
            before == e->w.by || before == e->w.from || before == e->w.against || gerund) &&
           has_cue(s, t->e, CUE_PERSON);
}

/* the noun's event, told again by its verb; not the weapons the doers
 * carried ("Militants armed with guns and grenades attacked") */
WORD_RULE(verb_of_event_noun)
{
    (void)x;
    const sr_trigger_def *td = k->td;
    if (!((td->opts & TRG_VERB) && !k->t->passive && td->cls != EV_KILL && td->cls != EV_TERRITORY &&
          predicate_of_event_noun(c, s, k->t)))
        return 0;
    for (size_t i = k->t->s; i > 0 && k->t->s - i < 6; i--) {
        if (sr_tok_eq(&s->tok[i - 1], ","))
            break;
        if (tok_is(s, i - 1, c->eng->w.with))
            return 0;
    }
    return 1;
}

/* "A convoy was struck by a roadside bomb", "a police vehicle was hit by a
 * landmine": a verb of attack whose doer ("by") is a weapon's event word
 * tells that weapon's blast, which the noun codes */
WORD_RULE(blow_by_weapon_noun)
{
    (void)x;
    const sr_trig *t = k->t;
    if (!(k->td->opts & TRG_VERB) || k->td->cls != EV_ATTACK || t->e >= s->ntok || !tok_is(s, t->e, c->eng->w.by))
        return 0;
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (!u->ndef || u->s <= t->e || u->s > (size_t)t->e + 4 || !(tdef(c, u, 0)->opts & TRG_NOUN))
            continue;
        int cls = tdef(c, u, 0)->cls;
        if (cls == EV_IED || cls == EV_BOMB || cls == EV_AIR || cls == EV_SHELL || cls == EV_GRENADE ||
            cls == EV_CARBOMB || cls == EV_SUICIDE)
            return 1;
    }
    return 0;
}

/* part of the attack told by another word */
WORD_RULE(damage_in_attack_list)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    return (td->cls == EV_DESTROY || td->cls == EV_LOOT) && td->form == VF_ING && t->s > 0 && x->strong_count > 1 &&
           (sr_tok_eq(&s->tok[t->s - 1], ",") || tok_is(s, t->s - 1, e->w.and_));
}

/* "the body was recovered at the encounter site": the event noun names a
 * place */
WORD_RULE(event_noun_as_site)
{
    (void)x;
    const sr_trig *t = k->t;
    return (k->td->opts & TRG_NOUN) && t->e < s->ntok && word_has(c->eng, s->tok[t->e].id, WA_SITE_NOUN);
}

/* "A gas explosion at a restaurant in Nairobi killed three people": a
 * blast told with what set it off by accident */
WORD_RULE(accidental_blast)
{
    (void)c;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    /* "a bomb hidden in a gas cylinder" is a bomb: only the words of a
     * blast itself ("explosion", "exploded") are asked */
    if (td->cls != EV_BOMB)
        return 0;
    size_t a = t->s > 3 ? (size_t)t->s - 3 : 0;
    return cue_in(s, a, (size_t)t->e + 6 < s->ntok ? (size_t)t->e + 6 : s->ntok, CUE_ACCIDENT) >= 0 &&
           x->cl.soft[a] == x->cl.soft[t->s];
}

/* not a completed capture */
WORD_RULE(capture_under_way)
{
    (void)x;
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    if (!(td->cls == EV_TERRITORY && (td->opts & TRG_VERB)))
        return 0;
    /* ("seeking to oust the jihadists from the city": a goal) */
    if (after_verb_to(e, s, t, AF_CONTINUE) || after_verb_to(e, s, t, AF_GOAL))
        return 1;
    return td->form == VF_ING && (tok_is(s, t->s - 1, e->w.is) || tok_is(s, t->s - 1, e->w.are) ||
                                  tok_is(s, t->s - 1, e->w.was) || tok_is(s, t->s - 1, e->w.were));
}

/* a noun naming a weapon (not an air strike): "mortars", "bombs"; with
 * car bombs and suicide bombs when `all` */
static int weapon_noun(const sr_trigger_def *td, int all)
{
    return (td->opts & TRG_NOUN) && !(td->opts & TRG_AIR) &&
           (td->cls == EV_SHELL || td->cls == EV_IED || td->cls == EV_GRENADE || td->cls == EV_BOMB ||
            (all && (td->cls == EV_CARBOMB || td->cls == EV_SUICIDE)));
}

_Static_assert(EV_COUNT <= 32, "event classes fit a 32-bit set");

/* Is an event word of one of `classes` (bits by EV_*) told before t in
 * its clause, ending fewer than `gap` words before it? */
static int earlier_word_of(const sr_coder *c, const sr_sent *s, const sr_sctx *x, const sr_trig *t, uint32_t classes,
                           int gap)
{
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u == t || u->s >= t->s || !u->ndef)
            continue;
        if (((classes >> tdef(c, u, 0)->cls) & 1) && x->cl.soft[u->s] == x->cl.soft[t->s] && t->s - u->e < gap)
            return 1;
    }
    return 0;
}

/* Is an event word of one of `classes` read with `form` (TRG_VERB or
 * TRG_NOUN) told right after t, starting at most four words past it? */
static int next_word_of(const sr_coder *c, const sr_sent *s, const sr_trig *t, uint32_t classes, uint32_t form)
{
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u == t || u->s < t->e || u->s > t->e + 4 || !u->ndef || !(tdef(c, u, 0)->opts & form))
            continue;
        if ((classes >> tdef(c, u, 0)->cls) & 1)
            return 1;
    }
    return 0;
}

/* weapons seized or destroyed are things, not an attack */
WORD_RULE(weapons_as_objects)
{
    return weapon_noun(k->td, 1) &&
           earlier_word_of(c, s, x, k->t,
                           1u << EV_DESTROY | 1u << EV_DISRUPT | 1u << EV_LOOT | 1u << EV_TERRITORY | 1u << EV_ABDUCT, 14);
}

/* "security forces killed five militants involved in the attack": a
 * happening named to say who someone is, told before */
WORD_RULE(named_to_say_who)
{
    (void)x;
    return (k->td->opts & TRG_NOUN) && referent_noun(c->eng, s, k->t);
}

/* "it carried out strikes on Sunday against five Houthi cruise missiles
 * that were prepared to launch": weapons a strike was made against are
 * its target, no happening of their own */
WORD_RULE(weapons_struck)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    if (!weapon_noun(k->td, 1))
        return 0;
    size_t i = t->s;
    while (i > 0 && t->s - i < 4 && s->tok[i - 1].id != e->w.against)
        i--;
    if (i == 0 || s->tok[i - 1].id != e->w.against)
        return 0;
    return earlier_word_of(c, s, x, t, 1u << EV_AIR | 1u << EV_ATTACK | 1u << EV_SHELL, 10);
}

/* "the service's forces opened fire at two IS suicide bombers": people
 * named by the blow they carry (events.txt doer), fired on or seized, are
 * its target, no bombing of their own */
WORD_RULE(bombers_as_targets)
{
    return (k->td->opts & TRG_NOUN) && (k->td->opts & TRG_DOER) &&
           earlier_word_of(c, s, x, k->t,
                           1u << EV_SHOOT | 1u << EV_ATTACK | 1u << EV_KILL | 1u << EV_ARREST | 1u << EV_CLASH, 6);
}

/* "the strike targeted missile launchers used in an attack on Jizan": a
 * weapon named as a thing kept (cues.txt ARMS) fired nothing */
WORD_RULE(weapons_kept)
{
    (void)c;
    (void)x;
    return weapon_noun(k->td, 1) && has_cue(s, k->t->s, CUE_ARMS) && cue_end(s, k->t->s, CUE_ARMS) > k->t->e;
}

/* "The Houthis say their attacks are in solidarity with Palestinians in
 * Gaza": what a side's attacks are, told in the present, is no attack */
WORD_RULE(attacks_described)
{
    (void)x;
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    if (!(k->td->opts & TRG_NOUN) || t->s == 0 || t->e >= s->ntok)
        return 0;
    uint32_t p = s->tok[t->s - 1].id;
    if (p != e->w.their && p != e->w.its)
        return 0;
    for (size_t j = t->e; j < s->ntok && j < (size_t)t->e + 5; j++) {
        if (s->tok[j].id == e->w.are || s->tok[j].id == e->w.is)
            return 1;
        if (s->tok[j].flags & TK_PUNCT)
            break;
    }
    return 0;
}

/* "destroyed a weapons cache it had seized from militants": what was
 * taken, told before the verb, is arms, no town */
WORD_RULE(arms_taken)
{
    (void)c, (void)x;
    const sr_trig *t = k->t;
    if (k->td->cls != EV_TERRITORY || !(k->td->opts & TRG_VERB) || t->passive)
        return 0;
    for (size_t i = t->s; i > 0 && t->s - i < 5; i--)
        if (has_cue(s, i - 1, CUE_ARMS) && cue_end(s, i - 1, CUE_ARMS) + 3 >= t->s)
            return 1;
    return 0;
}

/* the weapons an attack was made with are its weapons, not a second
 * happening: "gunmen stormed a hotel with guns and bombs" */
WORD_RULE(weapons_of_an_attack)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    /* (and gunfire: "attacked a packed mosque ... with bombs and
     * gunfire") */
    if (!weapon_noun(td, 0) && !(td->cls == EV_SHOOT && (td->opts & TRG_NOUN)))
        return 0;
    int with = 0;
    for (size_t i = t->s; i > 0 && t->s - i < 5 && !with; i--)
        with = tok_is(s, i - 1, e->w.with);
    if (!with)
        return 0;
    const uint32_t attacks = 1u << EV_ATTACK | 1u << EV_RAID | 1u << EV_SHOOT;
    /* or "Militants armed with guns and grenades attacked the police
     * headquarters": what the doers carried, told before the verb */
    return earlier_word_of(c, s, x, t, attacks, INT_MAX) || next_word_of(c, s, t, attacks, TRG_VERB);
}

/* "The UN human rights chief condemned attacks on civilians in El Fasher":
 * a stand taken (cues.txt STANCE) on such happenings in general, a plural
 * event noun with no determiner, is no one happening */
WORD_RULE(stand_on_attacks)
{
    (void)x;
    const sr_trig *t = k->t;
    if (!(k->td->opts & TRG_NOUN) || !(s->cues & (1ULL << CUE_STANCE)) || t->s == 0)
        return 0;
    const sr_token *w = &s->tok[t->e - 1];
    if (w->nlen < 2 || w->norm[w->nlen - 1] != 's')
        return 0;
    for (size_t i = t->s; i > 0 && t->s - i < 3; i--) {
        if (has_cue(s, i - 1, CUE_STANCE))
            return 1;
        uint32_t id = s->tok[i - 1].id;
        const sr_engine *e = c->eng;
        /* (not "condemned the attack", "these attacks": the ones told) */
        if ((s->tok[i - 1].flags & (TK_PUNCT | TK_NUM)) || id == e->w.the || id == e->w.a || id == e->w.an ||
            word_has(e, id, WA_DEMONSTRATIVE) || word_has(e, id, WA_PRONOUN) ||
            (s->owner[i - 1] >= 0 && s->m[s->owner[i - 1]].kind != PH_CUE))
            return 0;
    }
    return 0;
}

/* the attack happened and was fought off: a fight, not a disrupted weapon */
WORD_RULE(fended_off_attack)
{
    (void)x;
    const sr_trig *t = k->t;
    const sr_trigger_def *td = k->td;
    if (!((td->opts & TRG_FEND_OFF) && (td->opts & TRG_VERB)))
        return 0;
    return next_word_of(c, s, t, 1u << EV_ATTACK | 1u << EV_CLASH | 1u << EV_RAID, TRG_NOUN);
}

/* one disruption, not a disruption and a destruction */
WORD_RULE(destroyed_after_intercepted)
{
    (void)x;
    const sr_trig *t = k->t;
    if (k->td->cls != EV_DESTROY)
        return 0;
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u != t && u->ndef && u->e <= t->s && t->s - u->e <= 3 && tdef(c, u, 0)->cls == EV_DISRUPT &&
            tok_is(s, t->s - 1, c->eng->w.and_))
            return 1;
    }
    return 0;
}

/* a word of the dateline */
WORD_RULE(in_dateline)
{
    (void)c, (void)x;
    return (int)k->t->s < s->dateline_end;
}

/* a word in "X said": the report, not the news */
WORD_RULE(in_report_clause)
{
    (void)c, (void)x;
    return (int)k->t->s < s->report_end && s->report_end > 0 && k->td->cls != EV_PROTEST;
}

/* ---- with its actors ------------------------------------------------------ */

/* the burning is part of the attack */
/* ", as ethnic clashes ... continued": a clause of the background
 * between a and b */
static int as_clause_between(const sr_engine *e, const sr_sent *s, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    for (size_t i = lo + 1; i < hi && i < s->ntok; i++)
        if ((s->tok[i].id == e->w.as || s->tok[i].id == e->w.while_) && sr_tok_eq(&s->tok[i - 1], ","))
            return 1;
    return 0;
}

/* Whether grievance words come before noun t: a grievance's word, a
 * determiner, at most three words that tell no happening ("over the
 * death", "angered by the fatal police shooting"). */
static int grievance_before(const sr_engine *e, const sr_sent *s, size_t t)
{
    size_t d = t;
    while (d > 0 && t - d < 4 && !word_has(e, s->tok[d - 1].id, WA_DET) && (s->tok[d - 1].flags & TK_ALPHA) &&
           !(s->owner[d - 1] >= 0 && s->m[s->owner[d - 1]].kind == PH_TRIGGER))
        d--;
    if (d < 2 || !word_has(e, s->tok[d - 1].id, WA_DET))
        return 0;
    size_t g = d - 2;
    /* ("angered by", "outraged at") */
    if (g > 0 && (s->tok[g].id == e->w.by || s->tok[g].id == e->w.at))
        g--;
    return word_has(e, s->tok[g].id, WA_GRIEVANCE);
}

WORD_RULE(damage_with_violence)
{
    const sr_trigger_def *td = k->td;
    if (!((td->cls == EV_DESTROY || td->cls == EV_LOOT) && !(k->weapons & W_AIR)))
        return 0;
    (void)x;
    /* "Protesters set fire to the governor's office after police shot
     * dead two demonstrators": the killing told after "after" is another
     * happening */
    for (size_t q = 0; q < s->ntg; q++)
        if (&s->tg[q] != k->t && s->tg[q].ndef &&
            !after_between(c->eng, s, s->tg[q].s < k->t->s ? s->tg[q].e : k->t->e,
                           s->tg[q].s < k->t->s ? k->t->s : s->tg[q].s) &&
            !as_clause_between(c->eng, s, s->tg[q].s, k->t->s)) {
            int uc = tdef(c, &s->tg[q], 0)->cls;
            /* "protests over the death of a young woman": a grievance */
            /* (and "angered by the fatal police shooting of a teenager") */
            int grievance = grievance_before(c->eng, s, s->tg[q].s);
            for (size_t i = s->tg[q].s; i > 0 && s->tg[q].s - i < 3 && !grievance; i--)
                grievance = word_has(c->eng, s->tok[i - 1].id, WA_GRIEVANCE);
            /* nor "demolished the homes of two Palestinians accused of
             * carrying out an attack": an attack named to say who */
            if ((tdef(c, &s->tg[q], 0)->opts & TRG_NOUN) && referent_noun(c->eng, s, &s->tg[q]))
                continue;
            /* nor "set fire to dozens of fuel tankers ..., the latest in a
             * string of attacks on supply convoys": attacks told as a run
             * of them (cues.txt BACKGROUND) */
            if ((tdef(c, &s->tg[q], 0)->opts & TRG_NOUN) && s->tg[q].s > k->t->e &&
                cue_in(s, s->tg[q].s > 3 ? s->tg[q].s - 3 : 0, s->tg[q].s, CUE_BACKGROUND) >= 0)
                continue;
            /* "also abducted six students and burned a dormitory" */
            if (!grievance && (uc == EV_KILL || uc == EV_ATTACK || uc == EV_SHOOT || uc == EV_MASSACRE ||
                               uc == EV_CLASH || uc == EV_RAID || uc == EV_ABDUCT))
                return 1;
        }
    return 0;
}

/* ---- with its place and date ------------------------------------------------ */

/* no place to put it */
WORD_RULE(vague_place)
{
    (void)c, (void)s, (void)x;
    return k->lp.vague;
}

/* a capture or handover without a place */
WORD_RULE(territory_without_place)
{
    (void)c, (void)s, (void)x;
    /* (one told of many places, waiting for a later telling that names
     * them, is kept: "seized several villages in southern Idlib on Friday"
     * then "The army took the villages of Abu Jurayf and Al-Tah") */
    return (k->td->cls == EV_TERRITORY || k->td->cls == EV_WITHDRAW) && k->lp.n == 0 && !k->lp.ctx && !k->unplaced;
}

/* no place, and nothing to place it by later */
WORD_RULE(nowhere)
{
    (void)c, (void)s, (void)x;
    return k->no_anchor;
}

/* a country alone, not the article's: too vague */
WORD_RULE(country_alone)
{
    (void)c, (void)s, (void)x;
    return k->country_alone;
}

/* ---- with its type ------------------------------------------------------------ */

/* the taxonomy gives it no type */
WORD_RULE(no_type)
{
    (void)c, (void)s, (void)x;
    return k->sub < 0;
}

/* ", as ethnic clashes in the state continued": a backdrop told beside
 * the news, not a happening of its own */
WORD_RULE(ongoing_backdrop)
{
    (void)x;
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    int verb = (k->td->opts & TRG_VERB) && !t->passive && (k->td->form == VF_BASE || k->td->form == VF_S);
    if (!(k->td->opts & TRG_NOUN) && !verb)
        return 0;
    if (!after_comma_word(s, t, 5, e->w.as) && !after_comma_word(s, t, 5, e->w.amid))
        return 0;
    /* (a verb in the present: ", as federal forces battle Fano
     * militiamen") */
    if (verb)
        return 1;
    /* (its own words between: "as unrest over the death in custody of
     * Mahsa Amini entered its third month") */
    for (size_t i = t->e; i < s->ntok && i < (size_t)t->e + 12; i++) {
        if (s->tok[i].flags & TK_PUNCT)
            break;
        if (word_has(e, s->tok[i].id, WA_ONGOING))
            return 1;
    }
    return 0;
}

/* "Sudan's war entered its second year ..., as the army and the
 * paramilitary Rapid Support Forces battled for control of the country":
 * a fight told after ", as" with no place but the whole country is the
 * backdrop, whatever its tense */
WORD_RULE(a_country_s_backdrop)
{
    (void)x;
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    if (k->td->cls != EV_CLASH || !k->only_country)
        return 0;
    return after_comma_word(s, t, 12, e->w.as);
}

/* "as fighting between the army and the RSF entered its fourth day, with
 * air strikes and artillery fire rocking the city": the fight's weapons,
 * told after "with", are that fight, not events of their own */
WORD_RULE(weapons_of_a_fight)
{
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    int cls = k->td->cls;
    if (!(k->td->opts & TRG_NOUN) || !(cls == EV_AIR || cls == EV_SHELL || cls == EV_BOMB))
        return 0;
    size_t w = t->s;
    while (w > 0 && t->s - w < 4 && s->tok[w - 1].id != e->w.with)
        w--;
    if (w < 2 || s->tok[w - 1].id != e->w.with)
        return 0;
    int comma = sr_tok_eq(&s->tok[w - 2], ",");
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u->e > w - 1 || !u->ndef || tdef(c, u, 0)->cls != EV_CLASH)
            continue;
        if (comma)
            return 1;
        /* (or a fight's verb whose clause "with" goes on: "its fighters had
         * confronted the troops in Beit Hanoun with anti-tank missiles") */
        int between = 0;
        for (size_t r = 0; r < s->ntg; r++)
            between |= s->tg[r].ndef && s->tg[r].s >= u->e && s->tg[r].s < w;
        if ((tdef(c, u, 0)->opts & TRG_VERB) && !between && x->cl.soft[u->s] == x->cl.soft[w - 1])
            return 1;
    }
    return 0;
}

/* "took over the town without a fight": the words that say no fight
 * came (cues.txt VACATE) tell none */
WORD_RULE(no_fight_told)
{
    (void)c, (void)x;
    if (k->td->cls != EV_CLASH)
        return 0;
    for (size_t q = 0; q < s->ncs; q++)
        if (s->cs[q].cue == CUE_VACATE && s->cs[q].s <= k->t->s && k->t->s < s->cs[q].e)
            return 1;
    return 0;
}

/* "signed a ceasefire agreement in Doha, a step towards ending fighting
 * that has killed thousands": a fight someone seeks to end (cues.txt
 * END_SOUGHT right before its noun) is a goal, no happening told */
WORD_RULE(an_end_sought)
{
    (void)c, (void)x;
    const sr_trig *t = k->t;
    if (!(k->td->opts & TRG_NOUN) || !(s->cues & (1ULL << CUE_END_SOUGHT)))
        return 0;
    for (size_t q = 0; q < s->ncs; q++)
        if (s->cs[q].cue == CUE_END_SOUGHT && s->cs[q].e <= t->s && t->s - s->cs[q].e <= 1)
            return 1;
    return 0;
}

/* "Afghan forces backed by U.S. air strikes killed 21 Taliban fighters":
 * the strikes back another's fight, told as its help */
WORD_RULE(support_of_a_fight)
{
    (void)x;
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    if (!(k->td->opts & TRG_NOUN) || !(k->td->cls == EV_AIR || k->td->cls == EV_SHELL))
        return 0;
    for (size_t i = t->s; i > 1 && t->s - i < 4; i--)
        if (s->tok[i - 1].id == e->w.by && word_has(e, s->tok[i - 2].id, WA_BACKING))
            return 1;
    return 0;
}

/* "Guanajuato has for years had the highest number of homicides, as the
 * Santa Rosa de Lima gang fights the Jalisco cartel for control of the
 * area": an event verb in the present of a story's body, with no day of
 * its own, tells how things are, not what happened (a headline's present,
 * "Gunman kills five in Kano", ends with no full stop) */
/* Whether k is told in a story's body as a statement of its own: not the
 * headline, no day told, a full stop at its end (a headline's present,
 * "Gunman kills five in Kano", ends with none). */
static int body_statement(const sr_sent *s, const cand *k)
{
    return s->index >= 1 && !s->headline && !k->proto.explicit_date && s->ntok >= 2 &&
           sr_tok_eq(&s->tok[s->ntok - 1], ".");
}

WORD_RULE(present_state)
{
    (void)x;
    const sr_trig *t = k->t;
    /* "Mines planted by ISIS ... continue to kill civilians in the area":
     * what goes on, in the present (words.txt HABIT_VERB) */
    if ((k->td->opts & TRG_VERB) && k->td->form == VF_BASE && !k->proto.explicit_date &&
        after_verb_to(c->eng, s, t, AF_HABIT))
        return 1;
    if (!(k->td->opts & TRG_VERB) || k->td->form != VF_S || t->passive || !body_statement(s, k))
        return 0;
    /* a verb indeed: its doer right before it ("the gang fights"), not
     * a plural noun read as one ("killed in clashes between") */
    return mention_ending_at(s, t->s) >= 0;
}

/* "Remnants of the group still carry out hit-and-run attacks in the
 * rugged areas between Kirkuk, Salahuddin and Diyala": an event noun
 * carried by a verb in the present right after its doer (words.txt
 * PRESENT_SUPPORT), in a story's body with no day of its own, tells what a
 * side does these days, not what happened */
WORD_RULE(deeds_in_the_present)
{
    (void)x;
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    if (!(k->td->opts & TRG_NOUN) || !body_statement(s, k))
        return 0;
    for (size_t back = 1; back <= 5 && back <= t->s; back++) {
        size_t j = t->s - back, end = cue_end(s, j, CUE_SUPPORT);
        if (!end || end > t->s)
            continue;
        /* (words of a compound between: "hit-and-run") */
        for (size_t q = end; q < t->s; q++)
            if (s->owner[q] >= 0 && !(s->tok[q].flags & TK_HYPH) && !(s->tok[q + 1].flags & TK_HYPH))
                return 0;
        size_t d = j;
        if (d > 0 && (word_has(e, s->tok[d - 1].id, WA_ADVERB) || sr_affix(e, AF_ADVERB, s->tok[d - 1].norm)))
            d--;
        return sr_affix(e, AF_PRESENT, s->tok[j].norm) && mention_ending_at(s, d) >= 0;
    }
    return 0;
}

/* "A military helicopter crashed ... due to a technical fault, killing
 * two pilots": dead of an accident (cues.txt ACCIDENT) told by no other
 * violent word are no violence */
WORD_RULE(an_accident_s_dead)
{
    (void)x;
    if (k->td->cls != EV_KILL || !(s->cues & (1ULL << CUE_ACCIDENT)))
        return 0;
    for (size_t q = 0; q < s->ntg; q++)
        if (&s->tg[q] != k->t && s->tg[q].ndef && tdef(c, &s->tg[q], 0)->cls != EV_KILL)
            return 0;
    return 1;
}

/* "Floods have killed at least 40 people in northern Kenya ..., as
 * residents fought to save their homes": people who fight where a hazard
 * (cues.txt ACCIDENT: floods, wildfires, a gas explosion) killed fight no
 * side */
WORD_RULE(a_struggle_with_nature)
{
    (void)x;
    if (k->td->cls != EV_CLASH || !(s->cues & (1ULL << CUE_ACCIDENT)))
        return 0;
    int ent = k->a1 >= 0 ? s->men[k->a1].ent : k->a1_ent;
    return ent < 0 || (c->ents[ent].flags & ACT_CIVILIAN);
}

/* "Iran executed a man convicted of spying for Israel's Mossad, the
 * judiciary said": a state's court's sentence carried out (cues.txt
 * JUDICIAL) is no violence of a side (not an armed group's "trial": the
 * Taliban's public executions stay) */
WORD_RULE(a_sentence_carried_out)
{
    (void)x;
    if (k->td->cls != EV_EXECUTE || !(s->cues & (1ULL << CUE_JUDICIAL)))
        return 0;
    int ent = k->a1 >= 0 ? s->men[k->a1].ent : k->a1_ent;
    return ent >= 0 && (c->ents[ent].flags & ACT_STATE);
}

/* "Iraq recalled its ambassador from Tehran in protest": a state's
 * gesture "in protest" is no crowd's protest (the state named before the
 * word is its doer, read as the protest's target) */
WORD_RULE(a_state_s_gesture)
{
    (void)x;
    const sr_trig *t = k->t;
    if (k->td->cls != EV_PROTEST || !(k->td->opts & TRG_NOUN) || k->plural_noun || t->s == 0 ||
        !tok_is(s, t->s - 1, c->eng->w.in))
        return 0;
    int doer = k->a1 >= 0 ? k->a1 : k->a2;
    if (doer < 0 || s->men[doer].s >= t->s)
        return 0;
    const sr_mention *m = &s->men[doer];
    return (m->country >= 0 && m->def < 0 && m->agent < 0) || (m->ent >= 0 && (c->ents[m->ent].flags & ACT_STATE));
}

/* "Judges found that fighters under his command killed and raped
 * civilians and burned villages in ... Bossangoa": what a court found, or
 * a charge says, with no day of its own, is a past case's (cues.txt
 * JUDICIAL before the word) */
WORD_RULE(a_court_s_finding)
{
    (void)x;
    (void)c;
    /* (a noun after the cue is a charge, whatever day the verdict came:
     * "on Tuesday convicted a former militia leader of war crimes for
     * attacks on civilians") */
    if (!(s->cues & (1ULL << CUE_JUDICIAL)) || (k->proto.explicit_date && !(k->td->opts & TRG_NOUN)))
        return 0;
    for (size_t q = 0; q < s->ncs; q++)
        if (s->cs[q].cue == CUE_JUDICIAL && s->cs[q].e <= k->t->s)
            return 1;
    return 0;
}

/* "No group claimed the attack, but suicide bombings in the area are a
 * hallmark of Boko Haram": a plural event noun that what follows says is
 * common, rare or someone's mark (cues.txt HABITUAL) is a kind of
 * happening, no one happening */
WORD_RULE(a_kind_of_happening)
{
    (void)x;
    const sr_trig *t = k->t;
    if (!(k->td->opts & TRG_NOUN) || !k->plural_noun || !(s->cues & (1ULL << CUE_HABITUAL)))
        return 0;
    /* (its own words between: "in the area", "in the region") */
    for (size_t i = t->e; i < s->ntok && i < (size_t)t->e + 6; i++) {
        if (has_cue(s, i, CUE_HABITUAL))
            return 1;
        if ((s->tok[i].flags & TK_PUNCT) || (s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_TRIGGER))
            return 0;
    }
    (void)c;
    return 0;
}

/* "Protesters attacked several embassies in Kinshasa ..., as anger grew
 * over the capture of Goma by M23 rebels": a happening named as what a
 * crowd of the sentence is angry over (words.txt GRIEVANCE) is its cause,
 * told elsewhere or before, not news of this sentence */
WORD_RULE(a_crowd_s_grievance)
{
    (void)x;
    const sr_engine *e = c->eng;
    const sr_trig *t = k->t;
    if (!(k->td->opts & TRG_NOUN) || t->s < 2 || !grievance_before(e, s, t->s))
        return 0;
    for (size_t q = 0; q < s->nmen; q++)
        if (s->men[q].ent >= 0 && s->men[q].e <= t->s && (c->ents[s->men[q].ent].flags & ACT_PROTESTER))
            return 1;
    /* (or a protest's word: "Traders shut their shops in protest against
     * the killing of a colleague by police") */
    for (size_t q = 0; q < s->ntg; q++)
        if (s->tg[q].ndef && s->tg[q].e <= t->s && tdef(c, &s->tg[q], 0)->cls == EV_PROTEST)
            return 1;
    return 0;
}

/* "where Islamic State militants are besieged by the SDF": a passive verb
 * of attack in the present tells a state, no happening */
WORD_RULE(a_state_in_the_present)
{
    (void)x;
    const sr_trig *t = k->t;
    return k->td->cls == EV_ATTACK && (k->td->opts & TRG_VERB) && t->passive && t->s > 0 &&
           (tok_is(s, t->s - 1, c->eng->w.is) || tok_is(s, t->s - 1, c->eng->w.are));
}

/* a sound, unless it killed ("A blast at a crowded market killed dozens of
 * people", its count too vague to give) or someone did it */
WORD_RULE(only_a_sound)
{
    (void)c, (void)x;
    return k->weak && k->td->cls == EV_BOMB && k->a1_ent < 0 && k->fat <= 0 && !k->killw && !k->anaphoric &&
           !definite_noun(c->eng, s, k->t);
}

/* "Gunfire and explosions were heard near the airport overnight, and at
 * least 17 people were killed": what was heard, with no one told doing
 * it, is a sound; the dead go back to their own word */
WORD_RULE(only_heard)
{
    (void)x;
    const sr_trig *t = k->t;
    if (!(k->td->opts & TRG_NOUN) || k->a1_ent >= 0 || k->anaphoric)
        return 0;
    /* (heard after it: "Residents heard a loud explosion" is only a sound
     * by the rule below, unless it killed) */
    size_t hi = (size_t)t->e + 4 < s->ntok ? (size_t)t->e + 4 : s->ntok;
    /* (not "Heavy shelling was heard in the center of Donetsk": shells
     * heard falling are shelling there) */
    return (k->td->cls == EV_SHOOT || k->td->cls == EV_BOMB) &&
           cue_in(s, t->e, hi, CUE_SOUND) >= 0 && !definite_noun(c->eng, s, t);
}

const sr_filter_rule sr_filter_rules[] = {
    {"noun use of a verb", "A dust storm swept the camp near Raqqa on Sunday.", FILTER_WORD, noun_use_of_verb},
    {"flames, no shots", "Protesters set the town hall on fire on Tuesday in Mogadishu.", FILTER_WORD, flames_not_shots},
    {"a kind named", "Troops rescued 16 kidnap victims near Kaduna on Monday.", FILTER_WORD, kind_of_noun},
    {"a measure's unit", "Jets dropped 500-pound bombs on a bridge near Mosul on Monday.", FILTER_WORD,
     unit_of_a_measure},
    {"a word of a compound", "Gunmen staged hit-and-run raids near Kirkuk on Monday.", FILTER_WORD,
     word_of_a_compound},
    {"participle describing an actor", "The US coalition fighting Islamic State said it was ready.", FILTER_WORD,
     participle_describing_actor},
    {"participle used as an adjective", "Relatives visited the detained journalists in Baghdad on Monday.",
     FILTER_WORD, participle_adjective},
    {"verb of an event noun told already", "The bombing targeted a market in Kirkuk on Monday.", FILTER_WORD,
     verb_of_event_noun},
    {"a blow told by its weapon", "A convoy was struck by a roadside bomb near Kandahar on Monday.", FILTER_WORD,
     blow_by_weapon_noun},
    {"damage listed in an attack", "Gunmen attacked the village of Kuki, opening fire and burning homes.",
     FILTER_WORD, damage_in_attack_list},
    {"capture under way", "Government troops continue to liberate villages near Hama.", FILTER_WORD,
     capture_under_way},
    {"named to say who", "Troops killed five militants involved in the attack near Quetta on Monday.", FILTER_WORD,
     named_to_say_who},
    {"attacks described", "The Houthis say their attacks on ships are in solidarity with Gaza.", FILTER_WORD,
     attacks_described},
    {"weapons struck", "US forces carried out strikes on Sunday against five Houthi cruise missiles in Yemen.", FILTER_WORD,
     weapons_struck},
    {"weapons as objects", "Troops destroyed a convoy loaded with mortars near Deir ez-Zor.", FILTER_WORD,
     weapons_as_objects},
    {"weapons kept", "The coalition struck missile launchers near Saada on Thursday.", FILTER_WORD, weapons_kept},
    {"bombers as targets", "Police opened fire at two suicide bombers near a checkpoint in Kirkuk on Monday.",
     FILTER_WORD, bombers_as_targets},
    {"weapons of an attack", "Gunmen stormed a hotel in Mogadishu with guns and bombs on Friday.", FILTER_WORD,
     weapons_of_an_attack},
    {"arms taken", "The army destroyed a weapons cache it had seized from militants near Hama.", FILTER_WORD,
     arms_taken},
    {"attack fended off", "Kurdish fighters repelled an ISIS attack near Hasakah on Monday.", FILTER_WORD,
     fended_off_attack},
    {"a stand on such happenings", "The UN rights chief condemned repeated attacks on civilians in El Fasher on Monday.",
     FILTER_WORD, stand_on_attacks},
    {"destroyed after intercepted", "Saudi air defences intercepted and destroyed a Houthi drone over Jizan.",
     FILTER_WORD, destroyed_after_intercepted},
    {"in the dateline", "KIRKUK ATTACK (Reuters) - Officials met in Kirkuk on Monday.", FILTER_WORD, in_dateline},
    {"an event noun naming a site", "Police searched the blast site in Kabul on Monday.", FILTER_WORD,
     event_noun_as_site},
    {"an accidental blast", "A gas explosion at a restaurant in Nairobi killed three people.", FILTER_WORD,
     accidental_blast},
    {"a sentence carried out", "Iran hanged a man convicted of murder in Tehran on Sunday.", FILTER_ROLES,
     a_sentence_carried_out},
    {"an accident's dead", "A military helicopter crashed near Kabul on Monday due to a technical fault, killing two pilots.",
     FILTER_WORD, an_accident_s_dead},
    {"a struggle with nature", "Floods killed 40 people in northern Kenya on Sunday, as residents fought to save their homes.",
     FILTER_ROLES, a_struggle_with_nature},
    {"in the report clause", "Rebels who fought in Idlib said that the army shelled Saraqib on Monday.",
     FILTER_WORD, in_report_clause},
    {"a fight that did not come", "Al-Shabaab took over the town of Moqokori without a fight.", FILTER_WORD,
     no_fight_told},
    {"an end sought", "The two sides met in Doha on Saturday in a bid to end fighting in eastern Congo.", FILTER_WORD,
     an_end_sought},
    {"the support of a fight", "Afghan forces backed by U.S. air strikes killed 21 Taliban fighters in Farah.",
     FILTER_WORD, support_of_a_fight},
    {"the weapons of a fight", "Fighting raged in Khartoum on Tuesday, with air strikes rocking the city.",
     FILTER_WORD, weapons_of_a_fight},
    {"a state in the present", "Strikes hit the district of Hajin, where the militants are besieged by the SDF.", FILTER_WORD,
     a_state_in_the_present},
    {"a crowd's grievance", "Protesters stormed an embassy in Kinshasa on Monday, as anger grew over the capture of the city of Goma by M23 rebels.",
     FILTER_WORD, a_crowd_s_grievance},
    {"a backdrop going on", "Gunmen torched ten houses in Kangpokpi, police said, as ethnic clashes in the state continued.",
     FILTER_WORD, ongoing_backdrop},
    {"damage with a violent word", "Gunmen killed six villagers and burned several houses in Kaduna.",
     FILTER_ROLES, damage_with_violence},
    {"vague place", "Shells hit several towns in Idlib province on Monday.", FILTER_CONTEXT, vague_place},
    {"a court's finding", "Judges found that fighters under his command burned villages near Bossangoa.", FILTER_CONTEXT,
     a_court_s_finding},
    {"a state of things in the present", "Gunmen killed two traders in Kano on Monday. The gang fights a rival group for control of the market.",
     FILTER_CONTEXT, present_state},
    {"deeds told in the present", "Gunmen killed two traders in Kano on Monday. The gang still carries out raids on villages near Kano.",
     FILTER_CONTEXT, deeds_in_the_present},
    {"territory without a place", "The army expelled the rebels on Monday.", FILTER_CONTEXT,
     territory_without_place},
    {"nowhere", "Clashes broke out.", FILTER_CONTEXT, nowhere},
    {"a country alone", "The group has carried out attacks in Syria.", FILTER_CONTEXT, country_alone},
    {"a country's backdrop", "Talks began in Sudan on Monday, as the army and the rebels battled for control of the country.",
     FILTER_CONTEXT, a_country_s_backdrop},
    {"no type", "Civilians took the town of Saraqib on Monday.", FILTER_TYPE, no_type},
    {"a kind of happening", "Kidnappings on the highway near Kaduna are common.", FILTER_ROLES,
     a_kind_of_happening},
    {"only a sound", "Residents heard a loud explosion in Kirkuk on Monday.", FILTER_TYPE, only_a_sound},
    {"only heard", "Gunfire was heard near the airport in Goma overnight.", FILTER_ROLES, only_heard},
    {"a state's gesture", "Iraq recalled its ambassador from Tehran in protest on Tuesday.", FILTER_ROLES,
     a_state_s_gesture},
};
const size_t sr_nfilter_rules = sizeof sr_filter_rules / sizeof *sr_filter_rules;

int sr_filter(const sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k, int stage)
{
    /* Unrolled so that each rule's function is a direct call the compiler
     * can see (the table is constant): a loop of indirect calls through
     * one site was 49 % of the run's mispredicted indirect branches. */
#pragma GCC unroll 64
    for (size_t i = 0; i < sizeof sr_filter_rules / sizeof *sr_filter_rules; i++) {
        const sr_filter_rule *r = &sr_filter_rules[i];
        if (r->stage == stage && r->drops(c, s, x, k)) {
            k->dropped = r->name;
            return 1;
        }
    }
    return 0;
}
