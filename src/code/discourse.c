/* What the article told before the sentence being coded: its earlier
 * events (c->evs, in the order they were coded) and the places of its
 * earlier sentences. The other passes ask here, by name, instead of
 * walking the article themselves.
 *
 * In: the coder's events so far and its analysed sentences. Out: pointers
 * to them (nothing is changed). "Recent" is within two sentences, or three
 * where a rule says so: a story's thread rarely runs longer unbroken. */
#include <stdlib.h>

#include "../util/str.h"
#include "pass.h"

/* History told in the story is not what "the attack" or "the town"
 * points back to. */
static int in_story(const sr_ev *pv)
{
    return pv->mod != SR_BACKGROUND;
}

/* A day told for the new word (proto) more than one day from an
 * earlier event's: another happening's. */
static int days_apart(const sr_ev *proto, const sr_ev *pv)
{
    return proto->explicit_date && pv->has_date &&
           labs(sr_days_from_civil(proto->date.y, proto->date.m, proto->date.d) -
                sr_days_from_civil(pv->date.y, pv->date.m, pv->date.d)) > 1;
}

/* A protest, or protesters' violence, that the story tells. */
static int crowd_event(const sr_ev *pv)
{
    return (pv->type == TYPE_PROTESTS || pv->sub == SUB_VIOLENT_DEMO) && in_story(pv);
}

/* The last event that named both its sides: "clashes between both
 * parties" are the sides of the last fight. */
const sr_ev *sr_disc_last_with_actors(const sr_coder *c)
{
    for (size_t k = c->nevs; k > 0; k--)
        if (c->evs[k - 1].a1 >= 0 && c->evs[k - 1].a2 >= 0 && in_story(&c->evs[k - 1]))
            return &c->evs[k - 1];
    return NULL;
}

/* A protest told within two sentences: "the forces fired on them". */
int sr_disc_recent_protest(const sr_coder *c, const sr_sent *s)
{
    for (size_t q = c->nevs; q > 0; q--) {
        if (c->evs[q - 1].sent < s->index - 2)
            break;
        const sr_ev *pv = &c->evs[q - 1];
        /* (or protesters' riot: "Thousands of young protesters stormed
         * Nepal's parliament complex" then "Police fired live rounds") */
        int protesters_riot = pv->sub == SUB_VIOLENT_DEMO && pv->a1 >= 0 &&
                              (c->ents[pv->a1].flags & ACT_PROTESTER) && !(c->ents[pv->a1].flags & ACT_CROWD);
        if ((pv->type == TYPE_PROTESTS || protesters_riot) && in_story(pv))
            return 1;
    }
    return 0;
}

/* A crowd told within two sentences: a protest, or protesters' violence
 * ("Hundreds of protesters set fire to a government building" then
 * "Security forces fired tear gas to disperse the crowd"). */
int sr_disc_recent_crowd(const sr_coder *c, const sr_sent *s)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - 2)
            break;
        if (crowd_event(pv))
            return 1;
    }
    return 0;
}

/* Where the last crowd told in this sentence or the two before was, on
 * the day: a protest or protesters' violence. */
const sr_ev *sr_disc_crowd_place(const sr_coder *c, const sr_sent *s, const sr_ev *proto)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - 2)
            break;
        if (days_apart(proto, pv))
            continue;
        if (crowd_event(pv) && pv->has_loc)
            return pv;
    }
    return NULL;
}

/* The named armed doer of the last violence told in the two sentences
 * before s, or -1: whom "the attackers" point at. */
int sr_disc_last_doer(const sr_coder *c, const sr_sent *s)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - 2)
            break;
        if (pv->sent >= s->index || pv->mod != SR_ASSERTED ||
            !sr_violent_type(pv->type))
            continue;
        if (pv->a1 >= 0 && (c->ents[pv->a1].flags & ACT_ARMED) && !(c->ents[pv->a1].flags & ACT_UNKNOWN))
            return pv->a1;
        return -1;
    }
    return -1;
}

/* The last violence told in the sentence before s, placed, or NULL. */
const sr_ev *sr_disc_last_violence(const sr_coder *c, const sr_sent *s)
{
    return sr_disc_violence_within(c, s, 1);
}

/* What the window scans below look for in an asserted event of the story
 * told before s. */
enum { WANT_RIOT, WANT_VIOLENCE, WANT_SUMMARY, WANT_SUMMARY_OR_RIOT };

static int wanted(const sr_ev *pv, int want)
{
    switch (want) {
    case WANT_RIOT: return pv->has_loc && pv->sub == SUB_VIOLENT_DEMO;
    case WANT_VIOLENCE: return pv->has_loc && sr_violent_type(pv->type);
    case WANT_SUMMARY: return pv->across && sr_violent_type(pv->type);
    default: return pv->across && (sr_violent_type(pv->type) || pv->type == TYPE_RIOTS);
    }
}

/* The last asserted event of the story told within back sentences before
 * s that is what want says; NULL. */
static const sr_ev *last_within(const sr_coder *c, const sr_sent *s, int back, int want)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - back)
            break;
        if (pv->sent < s->index && pv->mod == SR_ASSERTED && in_story(pv) && wanted(pv, want))
            return pv;
    }
    return NULL;
}

/* The last riot (a violent demonstration) told within back sentences
 * before s; NULL. */
const sr_ev *sr_disc_riot_within(const sr_coder *c, const sr_sent *s, int back)
{
    return last_within(c, s, back, WANT_RIOT);
}

const sr_ev *sr_disc_violence_within(const sr_coder *c, const sr_sent *s, int back)
{
    return last_within(c, s, back, WANT_VIOLENCE);
}

/* The last violence told across a region ("strikes killed at least 19
 * Palestinians across the Gaza Strip") within back sentences, riots too
 * when riots_too; NULL. */
const sr_ev *sr_disc_summary_within(const sr_coder *c, const sr_sent *s, int back, int riots_too)
{
    return last_within(c, s, back, riots_too ? WANT_SUMMARY_OR_RIOT : WANT_SUMMARY);
}

/* "Russian missile and drone attacks killed at least five people in
 * Ukraine's northeastern Kharkiv region" then "Three people were killed in
 * the village of Zolochiv and two in the city of Kupiansk" */
const sr_ev *sr_disc_region_within(const sr_coder *c, const sr_sent *s, int back)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - back)
            break;
        if (pv->sent >= s->index || !sr_violent_type(pv->type) || !in_story(pv))
            continue;
        int region = pv->has_loc && pv->loc.precision >= 3 &&
                     (pv->loc.kind == PK_ADMIN1 || pv->loc.kind == PK_REGION || pv->loc.kind == PK_ADMIN2);
        if (!region || pv->mod != SR_ASSERTED)
            return NULL;
        /* (past another word of it with no dead of its own: "Russian
         * missile and drone attacks") */
        if (pv->fatalities > 0)
            return pv;
    }
    return NULL;
}

const sr_ev *sr_disc_unnamed_against(const sr_coder *c, const sr_sent *s, int ent, int back)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - back)
            break;
        if (pv->sent < s->index && pv->mod == SR_ASSERTED && pv->has_loc && in_story(pv) && sr_violent_type(pv->type) &&
            pv->a2 == ent && (pv->a1 < 0 || (c->ents[pv->a1].flags & ACT_UNKNOWN)))
            return pv;
    }
    return NULL;
}

/* "Russia had launched 120 drones and four ballistic missiles overnight"
 * then "In the city of Sumy, a missile hit a university building": the
 * state that struck from the air or from afar in the sentence before s
 * (told even where no place was), or -1. */
int sr_disc_remote_striker(const sr_coder *c, const sr_sent *s)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - 1)
            break;
        if (pv->sent >= s->index || pv->mod != SR_ASSERTED || (pv->cls != EV_AIR && pv->cls != EV_SHELL))
            continue;
        if (pv->a1 >= 0 && (c->ents[pv->a1].flags & ACT_STATE) && (c->ents[pv->a1].flags & ACT_ARMED))
            return pv->a1;
    }
    return -1;
}

/* The state whose forces fought or struck side `ent` in the sentence
 * before s (or in s), or -1: "Turkish security forces neutralized seven
 * PKK terrorists" then "The terrorists were neutralized ... in
 * airstrikes" (the strikes are that state's). */
int sr_disc_state_against(const sr_coder *c, const sr_sent *s, int ent)
{
    for (size_t q = c->nevs; q > 0 && ent >= 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - 1)
            break;
        if (pv->sent > s->index || pv->mod != SR_ASSERTED || pv->a2 != ent || !sr_violent_type(pv->type))
            continue;
        if (pv->a1 >= 0 && (c->ents[pv->a1].flags & ACT_STATE) && (c->ents[pv->a1].flags & ACT_ARMED))
            return pv->a1;
    }
    return -1;
}

/* The last fight within two sentences with its actor1 named: "This
 * progress was followed by the capture of ...". */
const sr_ev *sr_disc_recent_battle(const sr_coder *c, const sr_sent *s)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - 2)
            break;
        if (pv->type == TYPE_BATTLES && pv->a1 >= 0 && in_story(pv))
            return pv;
    }
    return NULL;
}

/* The same actor's last dated event within two sentences: "Boko Haram
 * attacked Huyum on Monday ... The insurgents abducted 20 women" goes on
 * on Monday. With either_side, the actor may be either side of it, and the
 * event must have its place: "Fierce fighting between the army and the
 * RSF raged ... on Saturday" then "The RSF shelled residential
 * neighbourhoods" (not "Clashes ... on Friday forced thousands to flee"
 * then "The rebels later shelled Rutshuru"). */
const sr_ev *sr_disc_story_date(const sr_coder *c, const sr_sent *s, int ent, int either_side)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - 2)
            break;
        int side = pv->a1 == ent || (either_side && pv->a2 == ent);
        if (side && pv->explicit_date && pv->has_date && in_story(pv) && (!either_side || (pv->has_loc && !pv->unplaced)))
            return pv;
    }
    return NULL;
}

/* One named side, told by two names: "Russian shelling" (the generic
 * Military Forces of Russia) and "Russian forces" (the dictionary's
 * Russian Armed Forces) carry one code. */
int sr_one_side(const sr_coder *c, int a, int b)
{
    if (a < 0 || b < 0)
        return 0;
    return a == b || (!((c->ents[a].flags | c->ents[b].flags) & ACT_UNKNOWN) && sr_streq(c->ents[a].code, c->ents[b].code));
}

/* A story that opens with history: the same actor's dated happening told
 * as history in the lede, the sentence just before s, and nothing told as
 * news yet ("Burkina Faso's army executed at least 223 civilians ... on
 * February 25, Human Rights Watch said in a report released on Thursday"
 * then "Soldiers rounded up residents of Nondin and Soro villages"). */
const sr_ev *sr_disc_history_lede(const sr_coder *c, const sr_sent *s, int ent)
{
    const sr_ev *h = NULL;
    for (size_t q = 0; q < c->nevs; q++) {
        const sr_ev *pv = &c->evs[q];
        if (in_story(pv) && !pv->dead)
            return NULL;
        /* (a day weeks before the article's: not "resigned and fled the
         * country on Monday after weeks of protests", history by its
         * weeks) */
        /* (one side under two names: "Malian soldiers", "Soldiers") */
        if (sr_one_side(c, pv->a1, ent) && pv->sent <= 1 && pv->sent + 1 == s->index && pv->explicit_date && pv->has_date &&
            c->has_adate &&
            sr_days_from_civil(c->adate.y, c->adate.m, c->adate.d) - sr_days_from_civil(pv->date.y, pv->date.m, pv->date.d) >= 7)
            h = pv;
    }
    return h;
}

/* The last happening the sentence just before s told as history, with a
 * day or year of its own; NULL. */
const sr_ev *sr_disc_history_just_before(const sr_coder *c, const sr_sent *s)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent + 1 < s->index)
            break;
        if (pv->sent + 1 == s->index && pv->mod == SR_BACKGROUND && pv->explicit_date && pv->has_date)
            return pv;
    }
    return NULL;
}

/* The last event in the story within the two sentences before s whose
 * sides `same` accepts (on proto's day if told). */
static const sr_ev *recent_with_sides(const sr_coder *c, const sr_sent *s, const sr_ev *proto, int a1_ent, int a2_ent,
                                      int (*same)(const sr_ev *pv, int a1_ent, int a2_ent))
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - 2)
            break;
        if (proto->explicit_date && (proto->time_precision >= 3 || !pv->has_date || days_apart(proto, pv)))
            continue;
        if (same(pv, a1_ent, a2_ent) && pv->has_loc && in_story(pv))
            return pv;
    }
    return NULL;
}

static int same_doer(const sr_ev *pv, int a1_ent, int a2_ent)
{
    (void)a2_ent;
    return pv->a1 == a1_ent;
}

static int sides_swapped(const sr_ev *pv, int a1_ent, int a2_ent)
{
    return pv->a1 == a2_ent && pv->a2 == a1_ent;
}

static int struck(const sr_ev *pv, int a1_ent, int a2_ent)
{
    (void)a2_ent;
    return pv->a2 == a1_ent;
}

/* The same actor's last placed event within two sentences, on the same
 * day as proto when proto's date is told: "The group killed six
 * villagers" goes on where the group was; "Earlier this month ..." is
 * another time, so perhaps another place. */
const sr_ev *sr_disc_story_place(const sr_coder *c, const sr_sent *s, int a1_ent, const sr_ev *proto)
{
    return recent_with_sides(c, s, proto, a1_ent, -1, same_doer);
}

/* The same, or, with a2_ent, the fight told before from the other side:
 * "ISIS cells attacked a checkpoint in al-Busayrah" then "SDF fighters
 * ... killed two of the attackers". */
const sr_ev *sr_disc_fight_place(const sr_coder *c, const sr_sent *s, int a1_ent, int a2_ent, const sr_ev *proto)
{
    return recent_with_sides(c, s, proto, a1_ent, a2_ent, a2_ent < 0 ? same_doer : sides_swapped);
}

/* Where side `ent` was last struck: "Coalition warplanes pounded IS
 * positions in Al-Susah" then "15 IS militants ... were killed on the
 * first day of fighting". */
const sr_ev *sr_disc_struck_place(const sr_coder *c, const sr_sent *s, int ent, const sr_ev *proto)
{
    return recent_with_sides(c, s, proto, ent, -1, struck);
}

/* "The village", "the area": the place of the last event within three
 * sentences, if it is of the kind the words say. */
const sr_ev *sr_disc_place_told(const sr_coder *c, const sr_sent *s, const sr_pmention *p)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (!pv->has_loc || pv->sent < s->index - 3)
            break;
        if (!in_story(pv))
            continue;
        int town = p->loc.kind == PK_TOWN || p->loc.kind == PK_CITY || p->loc.kind == PK_VILLAGE;
        /* (a village no list knows, at its district's point, is one too:
         * "attacked Yargoje community in Kankara Local Government Area"
         * then "the bandits stormed the village", not the headline's
         * town before) */
        if ((town && pv->loc.precision <= 2) || (p->loc.kind == PK_ADMIN1 && pv->loc.admin1) || !p->loc.kind)
            return pv;
    }
    return NULL;
}

/* The last place of the right kind named before sentence si (in its
 * paragraph only, when asked). */
const sr_pmention *sr_disc_context_place(sr_coder *c, size_t si, int kind, int same_para_only)
{
    int para = c->sents[si].para;
    for (size_t k = si; k > 0; k--) {
        const sr_sent *p = &c->sents[k - 1];
        if (same_para_only && p->para != para)
            break;
        for (size_t j = p->npm; j > 0; j--) {
            const sr_pmention *q = &p->pm[j - 1];
            if (q->refloc || q->dateline || q->in_report || q->affil || q->loc.kind == PK_COUNTRY)
                continue;
            if (kind == PK_ADMIN1 && q->loc.kind != PK_ADMIN1 && !q->region_noun)
                continue;
            if ((kind == PK_TOWN || kind == PK_CITY || kind == PK_VILLAGE || kind == PK_NEIGHBOURHOOD) &&
                (q->loc.kind == PK_ADMIN1 || q->loc.kind == PK_REGION || q->loc.kind == PK_ADMIN2 || q->region_noun))
                continue;
            return q;
        }
    }
    return NULL;
}

/* The type of the last violent event within three sentences: "The
 * attack happened in Huyum" is the attack told just before. -1 when none. */
int sr_disc_recent_sub(const sr_coder *c, const sr_sent *s)
{
    int found = -1, sent = -1;
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sent < s->index - 3 || (found >= 0 && pv->sent != sent))
            break;
        if (!sr_violent_type(pv->type) || !in_story(pv))
            continue;
        /* (of that sentence, an attack before an abduction: "Bandits
         * stormed a mosque ..., shooting dead 12 worshippers and abducting
         * several others" then "The police confirmed the attack") */
        if (pv->sub != SUB_ABDUCTION)
            return pv->sub;
        if (found < 0) {
            found = pv->sub;
            sent = pv->sent;
        }
    }
    return found;
}

/* The forces last told acting on protesters, and the words that named
 * them: the shooters of "another two demonstrators died in Mandalay", or
 * the police of "police fired tear gas at protesters" before "one
 * protester was shot dead in Kisumu". */
int sr_disc_protest_forces(const sr_coder *c, const char **text)
{
    for (size_t q = c->nevs; q > 0; q--) {
        const sr_ev *pv = &c->evs[q - 1];
        if (pv->sub == SUB_EXCESSIVE_FORCE && pv->a1 >= 0) {
            *text = pv->a1_text;
            return pv->a1;
        }
        if (pv->sub == SUB_PROTEST_INTERVENTION && pv->a2 >= 0 && (c->ents[pv->a2].flags & ACT_ARMED)) {
            *text = pv->a2_text;
            return pv->a2;
        }
    }
    return -1;
}
