/* The ACLED sub-event type of an event word, from the taxonomy
 * (data/taxonomy.txt): the rules of the word's class are tried in order,
 * and the first whose conditions all hold gives the sub-event type. The
 * conditions are the tests below, by the names the file uses; what they
 * test is what roles.c and context.c found around the word.
 *
 * In: a cand with its roles (roles.c) and context (context.c). Out:
 * k->sub (-1: no event), k->type, and k->rule (the rule used, for
 * --explain). */
#include <string.h>

#include "../geo/resolve.h"
#include "../util/error.h"
#include "../util/str.h"
#include "pass.h"

static uint32_t ent_flags(const sr_coder *c, int ent)
{
    return ent >= 0 ? c->ents[ent].flags : 0;
}

/* Government side for territory: the state's own forces and militias, in
 * their own country. Foreign armies "overtake", as ACLED codes them. */
static int gov_side(const sr_coder *c, int ent, const char *loc_cc)
{
    if (ent < 0)
        return 0;
    const sr_entity *en = &c->ents[ent];
    /* (and the state itself, whose forces did it: "The Syrian government
     * said it had restored its sovereignty over the town of Saraqib") */
    if (!(en->flags & ACT_GOVSIDE) && !((en->flags & ACT_GOV) && (en->flags & ACT_STATE)))
        return 0;
    if (!loc_cc || !loc_cc[0] || en->country < 0)
        return 1;
    return sr_streq(c->eng->d.countries[en->country].iso2, loc_cc);
}

/* ---- the conditions rules may name ------------------------------------------ */

#define F1 ent_flags(c, k->a1_ent)
#define F2 ent_flags(c, k->a2_ent)
#define TEST(name) static int name(const sr_coder *c, const cand *k)

TEST(a1_known) { (void)c; return k->a1_ent >= 0; }
TEST(a2_known) { (void)c; return k->a2_ent >= 0; }
/* (a state's forces no name gives are one entity whatever words told
 * them: "The Turkish occupation army also shelled villages" after "A
 * Turkish drone targeted a car" is no strike from the air, its own words
 * say) */
TEST(a1_aerial)
{
    if (k->a1_words_air >= 0 && k->a1_ent >= 0 && c->ents[k->a1_ent].def < 0)
        return k->a1_words_air;
    return (F1 & ACT_AERIAL) != 0;
}
TEST(a1_armed) { return (F1 & ACT_ARMED) != 0; }
TEST(a1_state) { return (F1 & ACT_STATE) != 0; }
TEST(a1_authority) { return (F1 & (ACT_STATE | ACT_AUTHORITY)) != 0; }
TEST(a1_civilian) { return (F1 & ACT_CIVILIAN) != 0; }
TEST(a1_state_or_coalition) { return (F1 & (ACT_STATE | ACT_COALITION)) != 0; }
TEST(a1_just_civilians) { return (F1 & (ACT_CIVILIAN | ACT_PROTESTER | ACT_GOV)) == ACT_CIVILIAN; }
TEST(a2_armed_or_state) { return k->a2_ent >= 0 && (F2 & (ACT_STATE | ACT_ARMED)); }
TEST(air) { return (F1 & ACT_AERIAL) || (k->weapons & W_AIR); }
TEST(w_air) { (void)c; return (k->weapons & W_AIR) != 0; }
TEST(w_shell) { (void)c; return (k->weapons & W_SHELL) != 0; }
TEST(w_ied) { (void)c; return (k->weapons & W_IED) != 0; }
TEST(w_suicide) { (void)c; return (k->weapons & W_SUICIDE) != 0; }
TEST(w_grenade) { (void)c; return (k->weapons & W_GRENADE) != 0; }
TEST(w_chem) { (void)c; return (k->weapons & W_CHEM) != 0; }
TEST(w_small) { (void)c; return (k->weapons & W_SMALL) != 0; }
TEST(w_car) { (void)c; return (k->weapons & W_CAR) != 0; }
TEST(victims_protesters) { (void)c; return k->victims_prot; }
TEST(victims_armed_only) { (void)c; return k->victims_armed; }
/* the victims, or the target, fight back */
/* (a convoy is the army's unless civilians were in it: "opened fire on a
 * convoy of vehicles carrying Shia passengers") */
TEST(victims_armed) { return (F2 & ACT_ARMED) != 0 || k->victims_armed || (k->mil_target && !(F2 & ACT_CIVILIAN)); }
TEST(victims_civilian)
{
    return (F2 & ACT_CIVILIAN) || k->victims_civ || k->civ_target || (k->person_victim && !victims_armed(c, k));
}
TEST(target_civilian) { (void)c; return k->civ_target; }
TEST(target_military) { (void)c; return k->mil_target; }
TEST(target_house) { (void)c; return k->house_target; }
TEST(target_arms) { (void)c; return k->arms_target; }
TEST(protest_context) { (void)c; return k->protest_ctx; }
TEST(grievance) { (void)c; return k->grievance; }
TEST(crowd_told) { (void)c; return k->crowd_told; }
TEST(intervene) { (void)c; return k->intervene; }
TEST(lethal) { (void)c; return k->lethal; }
/* "Boko Haram insurgents killed 11 fishermen and abducted several others":
 * the dead told first, by a verb of their own, before the word */
TEST(kill_first)
{
    return k->killw && k->killw != k->t && k->killw->s < k->t->s && k->killw->ndef &&
           (tdef(c, k->killw, 0)->opts & TRG_VERB) && !k->killw->passive;
}
TEST(alone) { (void)c; return k->alone; }
TEST(air_told) { (void)c; return k->air_told; }
TEST(air_verb) { (void)c; return k->air_verb; }
TEST(state_present) { (void)c; return k->state_present; }
TEST(vacate) { (void)c; return k->vacate; }
TEST(receiver) { (void)c; return k->recv >= 0; }
TEST(gov) { return gov_side(c, k->a1_ent, k->loc_cc); }
/* actor1 acts in its own country (or no place says otherwise): "Hamas
 * gunmen ... taking dozens of hostages" in southern Israel do not */
TEST(a1_home)
{
    if (k->a1_ent < 0 || c->ents[k->a1_ent].country < 0 || !k->loc_cc || !k->loc_cc[0])
        return 1;
    return sr_streq(c->eng->d.countries[c->ents[k->a1_ent].country].iso2, k->loc_cc);
}
TEST(word_air_state) { (void)c; return (k->opts & TRG_AIR_STATE) != 0; }
TEST(word_crowd) { (void)c; return (k->opts & TRG_CROWD) != 0; }
TEST(a1_protester) { return (F1 & ACT_PROTESTER) != 0; }
TEST(a1_mob) { return (F1 & ACT_CROWD) != 0; }
/* protesters, or civilians acting as a crowd, with no arms of their own */
TEST(a1_crowd) { return k->a1_ent >= 0 && (F1 & (ACT_PROTESTER | ACT_CIVILIAN)) && !(F1 & ACT_ARMED); }
TEST(riot) { (void)c; return k->riot; }
TEST(class_attack) { (void)c; return k->cls == EV_ATTACK; }
TEST(class_kill) { (void)c; return k->cls == EV_KILL; }
TEST(passive) { (void)c; return k->t->passive != 0; }
TEST(transitive) { (void)c; return (k->td->opts & TRG_VERB) && !(k->td->opts & TRG_INTRANS) && !k->t->passive; }

static const struct {
    const char *name;
    int (*test)(const sr_coder *c, const cand *k);
} tests[] = {
    {"a1", a1_known}, {"a2", a2_known}, {"a1:aerial", a1_aerial}, {"a1:armed", a1_armed},
    {"a1:state", a1_state}, {"a1:authority", a1_authority}, {"a1:civilian", a1_civilian}, {"a1:state-or-coalition", a1_state_or_coalition},
    {"a1:just-civilians", a1_just_civilians}, {"a2:armed-or-state", a2_armed_or_state}, {"air", air},
    {"w:air", w_air}, {"w:shell", w_shell}, {"w:ied", w_ied}, {"w:suicide", w_suicide}, {"w:grenade", w_grenade},
    {"w:chem", w_chem}, {"w:small", w_small}, {"w:car", w_car}, {"victims:protesters", victims_protesters},
    {"victims:armed", victims_armed_only}, {"victims-armed", victims_armed}, {"victims-civilian", victims_civilian},
    {"target:civilian", target_civilian}, {"target:military", target_military}, {"target:house", target_house}, {"target:arms", target_arms},
    {"protest-context", protest_context}, {"grievance", grievance}, {"crowd-told", crowd_told}, {"intervene", intervene}, {"lethal", lethal}, {"kill-first", kill_first}, {"alone", alone}, {"air-told", air_told}, {"air-verb", air_verb},
    {"state-present", state_present}, {"vacate", vacate}, {"receiver", receiver}, {"gov-side", gov}, {"a1:home", a1_home},
    {"a1:protester", a1_protester}, {"a1:mob", a1_mob}, {"a1:crowd", a1_crowd}, {"riot", riot},
    {"word:air-state", word_air_state}, {"word:crowd", word_crowd}, {"class:attack", class_attack}, {"class:kill", class_kill}, {"passive", passive}, {"transitive", transitive},
};

sr_status sr_taxonomy_bind(sr_engine *e, sr_error *err)
{
    sr_taxonomy *t = &e->d.tax;
    sr_status st = sr_tax_check(t, err);
    if (st)
        return st;
    for (size_t r = 0; r < t->nrules; r++)
        for (size_t i = t->rules[r].cond0; i < t->rules[r].cond0 + t->rules[r].ncond; i++) {
            sr_tax_cond *cd = &t->conds[i];
            for (size_t k = 0; k < sizeof tests / sizeof *tests && cd->pred < 0; k++)
                if (!strcmp(tests[k].name, cd->name))
                    cd->pred = (int)k;
            if (cd->pred < 0)
                return sr_fail(err, SR_ERR_PARSE, t->rules[r].file, t->rules[r].line,
                               "unknown condition '%s' (see the list at the top of taxonomy.txt)", cd->name);
        }
    /* each class's rules chained in file order: a word reads its own */
    for (size_t k = 0; k < t->nclasses; k++)
        t->classes[k].first_rule = -1;
    for (size_t r = t->nrules; r > 0; r--) {
        sr_tax_rule *ru = &t->rules[r - 1];
        ru->next_same = -1;
        if (ru->cls >= 0 && (size_t)ru->cls < t->nclasses) {
            ru->next_same = t->classes[ru->cls].first_rule;
            t->classes[ru->cls].first_rule = (int)(r - 1);
        }
    }
    return SR_OK;
}

int sr_acled_type(const sr_engine *e, int sub)
{
    return e->d.tax.subs[sub].type;
}

/* The first rule of the word's class that holds: its sub-event type, or
 * -1; *rule gets its index (-1 when none held). */
static int first_rule(const sr_coder *c, const cand *k, int *rule)
{
    const sr_taxonomy *t = &c->eng->d.tax;
    *rule = -1;
    if (k->cls < 0 || (size_t)k->cls >= t->nclasses)
        return -1;
    for (int r = t->classes[k->cls].first_rule; r >= 0; r = t->rules[r].next_same) {
        const sr_tax_rule *ru = &t->rules[r];
        size_t i = ru->cond0;
        for (; i < ru->cond0 + ru->ncond; i++) {
            const sr_tax_cond *cd = &t->conds[i];
            if (!!tests[cd->pred].test(c, k) == cd->neg)
                break;
        }
        if (i == ru->cond0 + ru->ncond) {
            *rule = r;
            return ru->sub;
        }
    }
    return -1;
}

/* k on the day of pv, which the story told (its day told, if pv's was). */
static void take_story_day(cand *k, const sr_ev *pv)
{
    k->proto.date = pv->date;
    k->proto.has_date = 1;
    k->proto.time_precision = pv->time_precision;
    k->proto.explicit_date = pv->explicit_date;
}

/* The violence told just before by its region alone whose dead k's are
 * part of, at towns of that region; NULL. */
static const sr_ev *parts_of_region(const sr_coder *c, const sr_sent *s, const cand *k)
{
    const sr_ev *pv = sr_disc_region_within(c, s, 1);
    if (!pv || !pv->loc.admin1)
        return NULL;
    long sum = 0;
    for (int i = 0; i < k->lp.n; i++) {
        const sr_place *p = &s->pm[k->lp.pm[i]].loc;
        if (p->precision >= 3 || !p->admin1 || !sr_same_admin(pv->loc.admin1, p->admin1))
            return NULL;
        sum += k->lp.tolls && k->lp.fat[i] >= 0 ? k->lp.fat[i] : k->fat;
    }
    return sum <= pv->fatalities ? pv : NULL;
}

void sr_classify(const sr_coder *c, const sr_sent *s, cand *k)
{
    const sr_trigger_def *td = k->td;
    k->sub = first_rule(c, k, &k->rule);
    if (k->sub < 0 && k->anaphoric &&
        (td->cls == EV_ATTACK || td->cls == EV_KILL || td->cls == EV_SHOOT || td->cls == EV_BOMB || td->cls == EV_RAID)) {
        /* "The attack happened in Huyum": the attack told just before
         * (and "The raid took place in the village of Al-Shuhayl") */
        k->sub = sr_disc_recent_sub(c, s);
        k->rule = -1;
    }
    /* "Israeli military strikes killed at least 19 Palestinians across the
     * Gaza Strip" then "Four people were killed in Khan Younis and three in
     * Rafah": dead told with a town of their own and no doer, after
     * violence told across a region, are its parts, of its type */
    /* (and after violence told only by its region, when the dead are
     * at its towns and no more than its own: "Russian missile and drone
     * attacks killed at least five people in Ukraine's northeastern
     * Kharkiv region" then "Three people were killed in the village of
     * Zolochiv and two in the city of Kupiansk") */
    if (k->sub < 0 && td->cls == EV_KILL && k->t->passive && k->a1_ent < 0 && k->fat > 0 && k->lp.n > 0) {
        const sr_ev *pv = sr_disc_summary_within(c, s, 2, 0);
        if (!pv)
            pv = parts_of_region(c, s, k);
        if (pv && sr_streq(pv->loc.cc, s->pm[k->lp.pm[0]].loc.cc)) {
            k->sub = pv->sub;
            k->rule = -1;
            /* (by its doer: "the summary names who, where its parts may not") */
            if (k->a1 < 0 && k->a1_ent < 0)
                k->a1_ent = pv->a1;
            /* (on its day, when they tell none) */
            if (!k->proto.explicit_date && pv->has_date)
                take_story_day(k, pv);
        }
    }
    /* "At least 90 people were killed on Sunday as protesters clashed with
     * police ... across Bangladesh" then "In the northern district of
     * Sirajganj, a mob attacked a police station": a happening of the
     * violence told across the country is on its day, when it tells none */
    if (k->sub >= 0 && !k->proto.explicit_date && k->lp.n > 0) {
        const sr_ev *pv = sr_disc_summary_within(c, s, 1, 1);
        /* (told across a whole country, it has no place: the story's) */
        const char *cc = !pv ? "" : pv->loc.cc[0] ? pv->loc.cc
                                  : c->focus_country >= 0 ? c->eng->d.countries[c->focus_country].iso2 : "";
        if (pv && pv->explicit_date && cc[0] && sr_streq(cc, s->pm[k->lp.pm[0]].loc.cc))
            take_story_day(k, pv);
    }
    /* "At least four Afghans were also killed": more dead of the
     * violence told before, of its type */
    if (k->sub < 0 && k->adds && k->lp.prev_ev) {
        k->sub = k->lp.prev_ev->sub;
        k->rule = -1;
    }
    if (k->restates) {
        k->sub = k->restates->sub;
        k->rule = -1;
    }
    k->type = k->sub >= 0 ? sr_acled_type(c->eng, k->sub) : -1;
}
