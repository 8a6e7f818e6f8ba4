/* One event per happening: the mentions of one strike in several sentences
 * become one event, keeping the most precise place and date and the most
 * conservative death toll. Then the public events, with stable ids. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../geo/resolve.h"
#include "../text/placekey.h"
#include "../util/hash.h"
#include "../util/str.h"
#include "pass.h"

static double km_between(double la1, double lo1, double la2, double lo2)
{
    const double r = 6371.0, rad = 3.14159265358979323846 / 180.0;
    double a = sin((la2 - la1) * rad / 2), b = sin((lo2 - lo1) * rad / 2);
    double h = a * a + cos(la1 * rad) * cos(la2 * rad) * b * b;
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

/* A settlement known only by its province's point (precision 3): the
 * point says nothing of where it is in the province. */
static int borrowed_point(const sr_ev *a)
{
    int settlement = a->loc.kind == PK_CITY || a->loc.kind == PK_TOWN || a->loc.kind == PK_VILLAGE ||
                     a->loc.kind == PK_NEIGHBOURHOOD || a->loc.kind == PK_FEATURE || !a->loc.kind;
    return settlement && a->loc.precision >= 3;
}

static int loc_compatible(const sr_ev *a, const sr_ev *b)
{
    if (!a->has_loc || !b->has_loc)
        return 1;
    if (a->loc.name && b->loc.name && !strcasecmp(a->loc.name, b->loc.name))
        return 1;
    /* (but "inside the Mar Elias church in the Dweilaa neighbourhood",
     * a quarter no list knows standing at its city's point, is in the
     * city told: "an explosion ripped through a church in Damascus") */
    const sr_ev *nb = a->loc.kind == PK_NEIGHBOURHOOD ? a : b->loc.kind == PK_NEIGHBOURHOOD ? b : NULL;
    const sr_ev *city = nb == a ? b : a;
    if (nb && city->loc.kind == PK_CITY && nb->loc.has_coords && city->loc.has_coords &&
        km_between(nb->loc.lat, nb->loc.lon, city->loc.lat, city->loc.lon) < 2.0)
        return 1;
    /* "insurgents killed two soldiers in Chawkay" is not the attack in
     * Asadabad because both stand at Kunar's point */
    if (borrowed_point(a) || borrowed_point(b))
        return 0;
    /* two named places at town level are two places, however close;
     * otherwise nearness tells */
    /* two settlements, or two sites, with different names are two places
     * however close; a site in a city is part of it */
    int sa = a->loc.kind == PK_CITY || a->loc.kind == PK_TOWN || a->loc.kind == PK_VILLAGE;
    int sb = b->loc.kind == PK_CITY || b->loc.kind == PK_TOWN || b->loc.kind == PK_VILLAGE;
    int part_of = (a->loc.kind == PK_CITY && !sb) || (b->loc.kind == PK_CITY && !sa);
    int both_named = a->loc.precision == 1 && b->loc.precision == 1 && a->loc.name && b->loc.name && !part_of;
    if (!both_named && a->loc.has_coords && b->loc.has_coords &&
        km_between(a->loc.lat, a->loc.lon, b->loc.lat, b->loc.lon) <= 25.0)
        return 1;
    /* a province and a place in it */
    const sr_ev *wide = a->loc.precision >= b->loc.precision ? a : b;
    const sr_ev *fine = wide == a ? b : a;
    if (wide->loc.precision == 3 && (wide->loc.kind == PK_ADMIN1 || wide->loc.kind == PK_REGION) && sr_same_admin(wide->loc.admin1, fine->loc.admin1))
        return 1;
    if (wide->loc.precision == 3 && (wide->loc.kind == PK_COUNTRY || (wide->loc.kind == PK_REGION && !wide->loc.admin1)) &&
        sr_streq(wide->loc.cc, fine->loc.cc))
        return 1;
    return 0;
}

static int is_territory(int sub)
{
    return sub == SUB_GOV_REGAINS || sub == SUB_NONSTATE_OVERTAKES;
}

/* The same named place, or two fine places within a few km. */
static int same_town(const sr_ev *a, const sr_ev *b)
{
    if (!a->has_loc || !b->has_loc)
        return 1;
    if (a->loc.name && b->loc.name && !strcasecmp(a->loc.name, b->loc.name))
        return 1;
    return a->loc.precision <= 2 && b->loc.precision <= 2 && a->loc.has_coords && b->loc.has_coords &&
           !borrowed_point(a) && !borrowed_point(b) &&
           km_between(a->loc.lat, a->loc.lon, b->loc.lat, b->loc.lon) <= 10.0;
}

/* A crowd's doing: a protest or a riot. */
static int crowd_type(int type)
{
    return type == TYPE_PROTESTS || type == TYPE_RIOTS;
}

static int sub_compatible(const sr_engine *e, int a, int b)
{
    if (a == b)
        return 1;
    int ta = sr_acled_type(e, a), tb = sr_acled_type(e, b);
    if (ta != tb)
        return 0;
    if (ta == TYPE_EXPLOSIONS) {
        /* a car bomb reported as a suicide bombing elsewhere */
        int x = a < b ? a : b, y = a < b ? b : a;
        return (x == SUB_SUICIDE && y == SUB_IED) || (x == SUB_SUICIDE && y == SUB_SHELLING && 0);
    }
    if (crowd_type(ta))
        return 1;
    /* the fighting over a place and its capture are one battle */
    if (ta == TYPE_BATTLES && (a == SUB_ARMED_CLASH || b == SUB_ARMED_CLASH))
        return 1;
    return 0;
}

/* How hard a protest was met: peaceful < intervention < excessive force. */
static int protest_rank(int sub)
{
    return sub == SUB_EXCESSIVE_FORCE ? 2 : sub == SUB_PROTEST_INTERVENTION ? 1 : 0;
}

/* More specific of two compatible sub-types. */
static int sub_merge(const sr_engine *e, int a, int b)
{
    if (a == b)
        return a;
    if ((a == SUB_SUICIDE && b == SUB_IED) || (b == SUB_SUICIDE && a == SUB_IED))
        return SUB_SUICIDE;
    if (sr_acled_type(e, a) == TYPE_PROTESTS)
        return protest_rank(a) >= protest_rank(b) ? a : b;
    if (sr_acled_type(e, a) == TYPE_BATTLES)
        return a == SUB_ARMED_CLASH ? b : a;
    return a;
}

/* A state's forces and a branch or unit of them: one code the start of
 * the other (RUSMIL and RUSMILAIR, NGAMIL and NGAMILOHK). */
static int same_forces(const sr_coder *c, int a, int b)
{
    const char *x = c->ents[a].code, *y = c->ents[b].code;
    size_t lx = strlen(x), ly = strlen(y);
    return lx >= 6 && ly >= 6 && !strncmp(x + 3, "MIL", 3) && !strncmp(x, y, lx < ly ? lx : ly);
}

/* "Tuareg separatist rebels said they had killed dozens" then "The CSP-DPA
 * said its fighters had ambushed a convoy": a country's rebels, unnamed,
 * may be a rebel group of that country named (its code starts with
 * theirs) */
static int rebels_of(const sr_coder *c, int generic, int named)
{
    const sr_entity *g = &c->ents[generic], *n = &c->ents[named];
    size_t lg = strlen(g->code);
    return g->def < 0 && n->def >= 0 && lg == 6 && !strncmp(g->code + 3, "REB", 3) && !strncmp(g->code, n->code, lg);
}

static int actors_compatible(const sr_coder *c, int a, int b)
{
    if (a < 0 || b < 0 || a == b)
        return 1;
    /* an unidentified group and a named one can be one side */
    if ((c->ents[a].flags & ACT_UNKNOWN) || (c->ents[b].flags & ACT_UNKNOWN))
        return 1;
    return same_forces(c, a, b) || rebels_of(c, a, b) || rebels_of(c, b, a);
}

static int date_compatible(const sr_ev *a, const sr_ev *b)
{
    /* "killed ..., the government said on Sunday" and "The attack began
     * on Wednesday": the happening before the day it was told of */
    if (a->said_date != b->said_date && a->explicit_date && b->explicit_date && a->has_date && b->has_date) {
        const sr_ev *said = a->said_date ? a : b, *when = a->said_date ? b : a;
        long ds = sr_days_from_civil(said->date.y, said->date.m, said->date.d);
        long dw = sr_days_from_civil(when->date.y, when->date.m, when->date.d);
        if (ds - dw >= 0 && ds - dw < 7)
            return 1;
    }
    if (a->explicit_date != b->explicit_date && a->has_date && b->has_date) {
        /* a sentence with no date tells of the story's days: not of a
         * happening dated a week or more before them ("On May 17, a
         * landmine exploded ..." in a May 31 story) */
        long da = sr_days_from_civil(a->date.y, a->date.m, a->date.d);
        long db = sr_days_from_civil(b->date.y, b->date.m, b->date.d);
        return labs(da - db) < 7;
    }
    if (!a->explicit_date || !b->explicit_date)
        return 1;
    if (!a->has_date || !b->has_date)
        return 1;
    long da = sr_days_from_civil(a->date.y, a->date.m, a->date.d);
    long db = sr_days_from_civil(b->date.y, b->date.m, b->date.d);
    /* "this week" takes in the days around the article's date; "last
     * week" is not Tuesday's attack */
    int prec = a->time_precision > b->time_precision ? a->time_precision : b->time_precision;
    return labs(da - db) <= (prec >= 3 ? 15 : prec == 2 ? 3 : 0);
}

/* A day apart at most: "an overnight raid ..., police said Sunday" is
 * the body's "stormed the village late Saturday" */
/* Whether a is dated the day before b, both told ("at about 11pm on
 * Monday" in the detail of "overnight attacks" told on Tuesday). */
static int day_before(const sr_ev *a, const sr_ev *b)
{
    return a->has_date && b->has_date && a->explicit_date && b->explicit_date &&
           sr_days_from_civil(b->date.y, b->date.m, b->date.d) - sr_days_from_civil(a->date.y, a->date.m, a->date.d) == 1;
}

static int date_near(const sr_ev *a, const sr_ev *b)
{
    if (date_compatible(a, b))
        return 1;
    if (!a->has_date || !b->has_date || !a->explicit_date || !b->explicit_date)
        return 0;
    long da = sr_days_from_civil(a->date.y, a->date.m, a->date.d);
    long db = sr_days_from_civil(b->date.y, b->date.m, b->date.d);
    return labs(da - db) <= 1;
}

/* Placed only in a region: a village found in no list but its province's
 * point is still a village. */
static int region_only(const sr_ev *w)
{
    int region = w->loc.kind == PK_COUNTRY || w->loc.kind == PK_ADMIN1 || w->loc.kind == PK_REGION ||
                 w->loc.kind == PK_ADMIN2;
    /* (or told across one: "airstrikes across the Gaza Strip", whose
     * point is its main town) */
    return w->has_loc && (w->loc.precision >= 3 || w->across) && region;
}

/* A place that stands for a whole country or a part of it told by a
 * compass word ("eastern Afghanistan"): the country's point. */
static int country_wide(const sr_coder *c, const sr_place *p)
{
    if (p->kind == PK_COUNTRY || p->compass)
        return 1;
    if (p->place >= 0 || p->gaz >= 0 || !p->has_coords || !p->cc[0])
        return 0;
    int ci = sr_country_find(&c->eng->d, p->cc);
    return ci >= 0 && fabs(c->eng->d.countries[ci].lat - p->lat) < 1e-6 &&
           fabs(c->eng->d.countries[ci].lon - p->lon) < 1e-6;
}

/* Whether entity `who` is of side `side`: the same, or a state's forces
 * and a unit of them ("Military Forces of Nigeria", NGAMIL, and
 * "Operation Hadin Kai", NGAMILOHK). */
static int side_of(const sr_coder *c, int who, int side)
{
    return who >= 0 && side >= 0 && (who == side || same_forces(c, who, side));
}

/* Whether who fights on side's side as one of the same state's forces
 * (a police officer on the army's side of a riot). */
static int state_side(const sr_coder *c, int who, int side)
{
    return side_of(c, who, side) ||
           (who >= 0 && side >= 0 && (c->ents[who].flags & ACT_STATE) && (c->ents[side].flags & ACT_STATE) &&
            c->ents[who].country >= 0 && c->ents[who].country == c->ents[side].country);
}

/* The day of from, told as to's. */
static void take_day(sr_ev *to, const sr_ev *from)
{
    to->date = from->date;
    to->has_date = from->has_date;
    to->time_precision = from->time_precision;
}

/* Whether the event v borrowed its place from (place_before) is another
 * happening than u, standing apart. */
static int lender_apart(const sr_coder *c, const sr_ev *u, const sr_ev *v)
{
    for (size_t j = 0; j < c->nevs; j++) {
        const sr_ev *w = &c->evs[j];
        if (w->sent == v->before_sent && w->tok == v->before_tok)
            return w != u && !w->dead && sr_violent_type(w->type);
    }
    return 0;
}

/* A town, a city or a village: a settlement of its own */
static int settlement_kind(int kind)
{
    return kind == PK_TOWN || kind == PK_CITY || kind == PK_VILLAGE;
}

static void merge_into(sr_coder *c, sr_ev *u, sr_ev *v)
{
    if (c->explain)
        sr_explain(c, "merged: sentence %d's %s into sentence %d's %s (one happening)", v->sent,
                   c->eng->d.tax.subs[v->sub].name, u->sent, c->eng->d.tax.subs[u->sub].name);
    int u_sub = u->sub, u_a1 = u->a1; /* before v's telling changes them */
    if (u->type == TYPE_PROTESTS && v->sub > u->sub) {
        /* the more severe account decides the roles too */
        u->a1 = v->a1;
        u->a1_text = v->a1_text;
        u->a2 = v->a2;
        u->a2_text = v->a2_text;
    }
    u->mentions += v->mentions;
    v->merged_into = (size_t)(u - c->evs) + 1;
    /* "Gunmen stormed a church ... and abducted 12 worshippers": the
     * happening is told by its specific word too */
    u->generic = u->generic && v->generic;
    if (v->split) {
        u->sib_sent = v->sent;
        u->sib_tok = v->tok;
    }
    u->sub = sub_merge(c->eng, u->sub, v->sub);
    /* "11 insurgents were killed in the gun battle with police" after
     * "two police officers were killed in an attack by insurgents": the
     * same fight told from the other side, its dead the other side's */
    /* (not as many dead of no side told again: "The CTD killed four
     * terrorists in a raid" then "The terrorists opened fire on the CTD
     * team, which retaliated, killing all four") */
    int swapped = u->a1 >= 0 && u->a2 >= 0 && v->a1 == u->a2 && v->a2 == u->a1 &&
                  !(v->dead_ent < 0 && v->fatalities > 0 && v->fatalities == u->fatalities);
    /* "three people were shot dead during a protest": the protesters of
     * the protest are whom the force was used on, not its actor */
    int victims_as_doer = u->sub == SUB_EXCESSIVE_FORCE && v->a1 >= 0 && (c->ents[v->a1].flags & ACT_PROTESTER);
    /* (an unknown doer named by the other telling, unless that name is
     * the side it fought: "Clashes between Syrian government forces and
     * fighters loyal to Assad" then "gunmen loyal to Assad ambushed a
     * security patrol") */
    if (!victims_as_doer && (u->a1 < 0 || ((c->ents[u->a1].flags & ACT_UNKNOWN) && v->a1 >= 0 && !side_of(c, v->a1, u->a2)) ||
                             (v->a1 >= 0 && rebels_of(c, u->a1, v->a1)))) {
        u->a1 = v->a1;
        u->a1_text = v->a1_text;
    }
    /* (never its own doer as its other side) */
    if (u->a2 < 0 && (v->a2 < 0 || v->a2 != u->a1)) {
        u->a2 = v->a2;
        u->a2_text = v->a2_text;
    } else if (u->a2 < 0 && v->a2 == u->a1 && v->a1 >= 0 && v->a1 != u->a1) {
        /* "Rebels attacked ... but were repelled by U.N. peacekeepers":
         * the fight told from its other side names who they fought */
        u->a2 = v->a1;
        u->a2_text = v->a1_text;
    }
    /* the most precise place; of two at one precision, a named place (a
     * village at its district's point, "the Khwaja Hasan area of Gardez")
     * before a region ("eastern Afghanistan") */
    /* (a town told near, "near the town of Elwak", before the district
     * "in Mandera county" at the same precision, or before a region: "near
     * the town of Nabatieh" over "in southern Lebanon") */
    int settlement = settlement_kind(v->loc.kind);
    /* (a place v only borrowed from the event told before it is no
     * better: "The Taliban said 46 people were killed in the strikes" after
     * "in retaliation for a suicide attack on an army post in North
     * Waziristan" does not move the strikes there) */
    int better = v->has_loc && !(v->place_before && u->has_loc && lender_apart(c, u, v)) &&
                 (!u->has_loc || v->loc.precision < u->loc.precision ||
                                (v->loc.precision == u->loc.precision &&
                                 (u->loc.kind == PK_ADMIN2 || u->loc.kind == PK_REGION) && settlement &&
                                 v->loc.has_coords) ||
                                (v->loc.precision == u->loc.precision && v->loc.has_coords && !u->loc.has_coords) ||
                                (v->loc.precision == u->loc.precision && v->loc.has_coords && region_only(u) &&
                                 (!region_only(v) || (country_wide(c, &u->loc) && !country_wide(c, &v->loc) &&
                                                      sr_streq(u->loc.cc, v->loc.cc)))));
    if (better) {
        u->unplaced = 0;
        u->has_loc = 1;
        const char *admin1 = v->loc.admin1 ? v->loc.admin1 : u->loc.admin1;
        u->loc = v->loc;
        u->loc.admin1 = admin1;
        u->district_point = v->district_point;
    }
    if (v->explicit_date &&
        (!u->explicit_date || v->time_precision < u->time_precision || (u->said_date && !v->said_date))) {
        take_day(u, v);
        u->explicit_date = 1;
        u->said_date = v->said_date;
    }
    /* "killing 12 of the insurgents" then "two soldiers paid the supreme
     * price during the encounter": the dead of each side of one fight */
    /* (a police officer on the army's side: "Security forces killed eight
     * Maoists in an encounter" then "A head constable was killed in the
     * exchange of fire") */
    int each_side = u->type == TYPE_BATTLES && u->dead_ent >= 0 && v->dead_ent >= 0 && u->a1 >= 0 && u->a2 >= 0 &&
                    ((state_side(c, u->dead_ent, u->a1) && state_side(c, v->dead_ent, u->a2)) ||
                     (state_side(c, u->dead_ent, u->a2) && state_side(c, v->dead_ent, u->a1)));
    /* (and with its doer not named yet: "repulsed a terrorist attack on a
     * check post ..., killing four terrorists" then "Two soldiers embraced
     * martyrdom during the intense exchange of fire": one side's dead and
     * the other's) */
    each_side |= u->type == TYPE_BATTLES && u->a1 < 0 && u->a2 >= 0 && u->dead_ent >= 0 && v->dead_ent >= 0 &&
                 u->dead_ent != v->dead_ent && side_of(c, u->dead_ent, u->a2) != side_of(c, v->dead_ent, u->a2);
    /* (and a riot's: "At least 17 people were killed in clashes between
     * protesters and security forces" then "A police officer was burned
     * to death by protesters": the forces' dead besides the crowd's) */
    each_side |= u->sub == SUB_VIOLENT_DEMO && u->dead_ent >= 0 && v->dead_ent >= 0 && u->a2 >= 0 &&
                 u->dead_ent != v->dead_ent && state_side(c, v->dead_ent, u->a2) && !state_side(c, u->dead_ent, u->a2);
    /* (and the crowd's dead by the force used on it, then the forces'
     * own: "Peruvian police clashed with protesters ..., leaving 17 people
     * dead" then "One police officer was burned to death by protesters") */
    each_side |= u_sub == SUB_EXCESSIVE_FORCE && v->sub == SUB_VIOLENT_DEMO && v->dead_ent >= 0 && u_a1 >= 0 &&
                 state_side(c, v->dead_ent, u_a1) && (u->dead_ent < 0 || !state_side(c, u->dead_ent, u_a1));
    /* a fight's dead on both sides add up; "Three attackers were also
     * killed" adds its dead (to one place's of several: "A jawan ... was
     * also killed in the Bijapur encounter") */
    /* (not to the doer's own claim: "At least nine soldiers and 23
     * militants were killed" beside "Al Shabaab said ... it had killed 41
     * soldiers" is the others' count instead of the claim's) */
    if ((swapped || v->adds || each_side) &&
        (sr_violent_type(u->type) || u->type == TYPE_RIOTS || u_sub == SUB_EXCESSIVE_FORCE) && u->fatalities >= 0 &&
        !(u->own_claim && !v->own_claim) &&
        v->fatalities >= 0 && !v->split &&
        (!u->split || (v->adds && same_town(u, v))) && (swapped ? u->type == TYPE_BATTLES : 1)) {
        u->fatalities += v->fatalities;
    /* ACLED codes the most conservative figure reported */
    /* (a toll of one of several places told for that place alone:
     * "killing 10 soldiers at Diafarabe and six at Kolongo") */
    } else if (v->fatalities >= 0 && (!v->split || (u->split && u->fatalities < 0 && same_town(u, v))) &&
               !(v->own_claim && !u->own_claim && u->fatalities >= 0 && !u->split)) {
        if (u->fatalities < 0 || u->split || v->fatalities < u->fatalities || (u->own_claim && !v->own_claim)) {
            u->fatalities = v->fatalities;
            u->own_claim = v->own_claim;
        }
        u->split = u->split && v->split;
    }
    v->dead = 1;
}

/* merge_into, the happening keeping the type and sub-type given (values
 * read before the merge: merge_into may change u's) */
static void merge_as(sr_coder *c, sr_ev *u, sr_ev *v, int type, int sub)
{
    /* "two explosions that killed nearly 100 people" then "Two members of
     * the group detonated explosive belts among the crowd": a blast told
     * again as a suicide bomber's is his */
    if (sub == SUB_IED && v->sub == SUB_SUICIDE)
        sub = SUB_SUICIDE;
    merge_into(c, u, v);
    u->type = type;
    u->sub = sub;
}

/* sep then the decimal digits of v; returns the length written */
static int fmt_int(char *out, char sep, int v)
{
    char tmp[16];
    int n = 0, k = 0;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    out[k++] = sep;
    if (v < 0)
        out[k++] = '-';
    while (n)
        out[k++] = tmp[--n];
    return k;
}

static int cmp_ev(const void *a, const void *b)
{
    const sr_ev *x = a, *y = b;
    if (x->sent != y->sent)
        return x->sent - y->sent;
    return x->tok - y->tok;
}

static const char *date_str(sr_coder *c, const sr_ev *v)
{
    if (!v->has_date)
        return NULL;
    char buf[11];
    sr_date_format(&v->date, buf);
    return sr_arena_strdup(&c->arena, buf);
}

/* Places that can be one happening's: compatible, or in one province, or
 * one of them only a province or country the other lies in. */
static int same_area(const sr_ev *a, const sr_ev *b)
{
    if (loc_compatible(a, b))
        return 1;
    if (sr_same_admin(a->loc.admin1, b->loc.admin1))
        return 1;
    return (a->loc.precision == 3 || b->loc.precision == 3) && a->loc.cc[0] && sr_streq(a->loc.cc, b->loc.cc);
}

/* An event that stays an event of its own: "the attack" that points back
 * and a happening not yet placed may be dropped (drop_untold), so a
 * headline or a summary cannot lean on them. */
static int tells(const sr_ev *v)
{
    return !v->dead && !v->anaphoric && !v->unplaced;
}

/* "Thousands rally in Tbilisi against 'foreign agents' bill" over
 * "Thousands of people rallied outside Georgia's parliament": a body's
 * event placed only by its country takes the headline's town there. */
static void town_of_headline(sr_ev *b, const sr_ev *h)
{
    if (h->headline && b->has_loc && b->loc.kind == PK_COUNTRY && h->has_loc && h->loc.has_coords &&
        h->loc.precision == 1 && h->loc.cc[0] && sr_streq(h->loc.cc, b->loc.cc)) {
        b->loc = h->loc;
        b->district_point = h->district_point;
    }
}

/* The body's event b takes from headline (or summary) h only what it
 * lacks: the headline's words are a summary, its sides sometimes swapped
 * ("4 soldiers martyred, 15 terrorists killed"). */
static void absorb_headline(sr_coder *c, sr_ev *b, sr_ev *h)
{
    if (c->explain)
        sr_explain(c, "merged: sentence %d's %s, %s, into sentence %d's", h->sent, c->eng->d.tax.subs[h->sub].name,
                   h->headline ? "the headline" : "told only by its region", b->sent);
    /* "Gunmen abducted 25 schoolgirls from a boarding school in Kebbi
     * state" over "The attackers stormed the school in Maga town": the
     * storming, no toll of its own, was the abduction */
    /* (not when the summary told a killing beside it: "Bandits have
     * killed 11 persons and abducted 25 others in fresh attacks") */
    int killing_told = 0;
    for (size_t i = 0; i < c->nevs; i++)
        killing_told |= c->evs[i].sent == h->sent && &c->evs[i] != h && c->evs[i].sub == SUB_VAC_ATTACK;
    if (b->sub == SUB_VAC_ATTACK && b->generic && b->fatalities < 0 && h->sub == SUB_ABDUCTION && !killing_told) {
        b->sub = h->sub;
        b->cls = h->cls;
        b->generic = h->generic;
    }
    /* "Al-Shabaab targets military convoy with roadside bomb": the
     * headline names whom the body leaves unidentified */
    int unknown = b->a1 >= 0 && (c->ents[b->a1].flags & ACT_UNKNOWN) && h->a1 >= 0 &&
                  !(c->ents[h->a1].flags & ACT_UNKNOWN);
    /* (not the side the body's doer fought: "Clashes between Syrian
     * government forces and fighters loyal to Assad in Latakia" over
     * "gunmen loyal to Assad ambushed a security patrol near Jableh") */
    if ((b->a1 < 0 || unknown) && h->a1 >= 0 && !side_of(c, h->a1, b->a2)) {
        b->a1 = h->a1;
        b->a1_text = h->a1_text;
    }
    if (b->a2 < 0 && h->a2 >= 0 && h->a2 != b->a1) {
        b->a2 = h->a2;
        b->a2_text = h->a2_text;
    }
    /* (and a toll others tell before the doer's own: "has left at least
     * 18 people dead, officials said" over "The group said it had killed
     * more than 20 soldiers") */
    if ((b->fatalities < 0 && !b->split) || (b->own_claim && !h->own_claim && h->fatalities >= 0)) {
        b->fatalities = h->fatalities;
        b->own_claim = h->own_claim;
    }
    if (!b->has_loc && h->has_loc) {
        b->has_loc = 1;
        b->loc = h->loc;
        b->district_point = h->district_point;
    }
    town_of_headline(b, h);
    /* "Gunmen killed nine people in northern Burkina Faso on Monday" above
     * "The assailants arrived in the village of Sidogo": the lede's day */
    if (!b->explicit_date && h->explicit_date) {
        take_day(b, h);
        b->explicit_date = 1;
    }
    b->mentions += h->mentions;
    h->merged_into = (size_t)(b - c->evs) + 1;
    h->dead = 1;
}

/* "Two jawans dead in Maoist ambush in Sukma" above "Maoists on Sunday
 * ambushed a search party near Bhejji ...": the headline tells in short
 * what the body tells in full. Its event goes into the body's one event
 * of its type in that area; when the body tells several, or tells the
 * happening under another violent type, the headline adds nothing. A
 * headline the body does not tell stays. */
static void fold_headlines(sr_coder *c)
{
    for (size_t i = 0; i < c->nevs; i++) {
        sr_ev *h = &c->evs[i];
        if (!h->headline || h->dead)
            continue;
        sr_ev *one = NULL;
        int same_type = 0, other_type = 0;
        for (size_t j = 0; j < c->nevs; j++) {
            sr_ev *b = &c->evs[j];
            /* the headline's place may be only a name it shortens: its
             * country is enough */
            int area = same_area(h, b) || (h->loc.cc[0] && sr_streq(h->loc.cc, b->loc.cc) && !h->loc.has_coords);
            /* (or the very toll the body tells in its country: "Israeli
             * strike on Gaza 'humanitarian zone' kills 90" over a strike
             * at al-Mawasi that killed 90, "Gaza" read as its city) */
            area |= h->fatalities > 0 && h->fatalities == b->fatalities && h->loc.cc[0] && sr_streq(h->loc.cc, b->loc.cc);
            /* (and a body that tells it as history, with the headline's
             * toll: "Nigerian troops kill 35 insurgents in Borno" over
             * "killed 35 ... in operations across Borno state over the
             * past week") */
            int as_history = b->mod == SR_BACKGROUND && h->mod == SR_ASSERTED && h->fatalities > 0 &&
                             h->fatalities == b->fatalities && b->type == h->type;
            /* (a day apart at most: "M23 rebels shell Sake overnight" over
             * "shelled the town of Sake overnight into Wednesday") */
            if (b->headline || !tells(b) || (b->mod != h->mod && !as_history) || !area ||
                (!date_near(h, b) && !as_history))
                continue;
            if (b->type == h->type && actors_compatible(c, h->a1, b->a1)) {
                if (!same_type++)
                    one = b;
            } else if ((sr_violent_type(b->type) && sr_violent_type(h->type)) ||
                       (crowd_type(b->type) && crowd_type(h->type)) ||
                       (h->fatalities > 0 && h->fatalities == b->fatalities)) {
                /* (or the very toll told under another type: "4 killed in
                 * clashes in Khyber Pakhtunkhwa" over clashes between
                 * supporters of rival parties that killed four) */
                /* (or a crowd's doing under another type: "Protesters
                 * clash with police in Nairobi" over "Police fired tear gas
                 * at hundreds of protesters") */
                other_type++;
            }
        }
        if (same_type == 1) {
            absorb_headline(c, one, h);
        } else if (same_type > 1 || other_type) {
            /* (each telling of its type in the area, placed only by its
             * country, is at the headline's town) */
            for (size_t j = 0; same_type > 1 && j < c->nevs; j++)
                if (!c->evs[j].headline && tells(&c->evs[j]) && c->evs[j].type == h->type &&
                    c->evs[j].mod == h->mod && date_compatible(h, &c->evs[j]))
                    town_of_headline(&c->evs[j], h);
            h->dead = 1;
            if (c->explain)
                sr_explain(c, "dropped: sentence %d's %s: the headline of what the body tells", h->sent,
                           c->eng->d.tax.subs[h->sub].name);
        }
    }
}

/* "Ten civilians have been killed by suspected jihadists in northern
 * Burkina Faso" then "Six civilians and four auxiliaries died on Monday in
 * an attack in Sima": a lede that places a happening only in a region
 * tells, in short, what a later sentence tells at a town. When one event
 * of the article fits (same country and type, compatible sides and day),
 * the lede goes into it; when several fit, the lede sums them up
 * ("airstrikes across the Gaza Strip killed 40") and adds no event of its
 * own. */
/* Whether two names begin with the same word ("Niger State", "Niger"). */
/* (spelt with or without its marks: "Tillaberi", GeoNames' "Tillabéri") */
static int same_first_word(const char *a, const char *b)
{
    if (!a || !b)
        return 1;
    size_t i = 0;
    while (a[i] && a[i] != ' ' && b[i] && b[i] != ' ' && (a[i] | 0x20) == (b[i] | 0x20))
        i++;
    if ((!a[i] || a[i] == ' ') && (!b[i] || b[i] == ' '))
        return 1;
    /* (marks only where a byte is not ASCII: asked for every listed place) */
    if (!((unsigned char)a[i] & 0x80) && !((unsigned char)b[i] & 0x80))
        return 0;
    size_t an = strcspn(a, " "), bn = strcspn(b, " ");
    char fa[SR_KEY_MAX], fb[SR_KEY_MAX];
    size_t fan = sr_place_fold(a, an, fa), fbn = sr_place_fold(b, bn, fb);
    return fan && fan == fbn && !memcmp(fa, fb, fan);
}

/* "on the southern island of Basilan" then "in Tipo-Tipo town": the
 * gazetteer puts the town in a region our list has no province of
 * (GeoNames' first level in the Philippines is the region, Bangsamoro);
 * the province holds the town when the town lies near its point. */
static int other_admin_scheme(const sr_coder *c, const sr_ev *w, const sr_ev *f)
{
    if (w->loc.kind != PK_ADMIN1 || !w->loc.has_coords || !f->loc.has_coords ||
        km_between(w->loc.lat, w->loc.lon, f->loc.lat, f->loc.lon) > 50)
        return 0;
    const sr_dicts *d = &c->eng->d;
    for (size_t i = 0; i < d->nplaces; i++) {
        const sr_place_def *p = &d->places[i];
        if (p->kind == PK_ADMIN1 && sr_streq(p->country, f->loc.cc) && same_first_word(p->name, f->loc.admin1))
            return 0;
    }
    return 1;
}

/* Whether f is one of the happenings summary w sums up (across_town: w
 * told across a town's name for a region). */
static int sums_up(const sr_coder *c, const sr_ev *w, const sr_ev *f, int across_town)
{
    /* "captured three suspects in al-Shahil and al-Tayiana": a
     * village placed at its province's point is a village */
    if (f == w || !tells(f) || f->mod != w->mod || !f->has_loc || region_only(f) ||
        !sr_streq(f->loc.cc, w->loc.cc) || !date_near(w, f))
        return 0;
    /* "Militants detonated a car bomb in Mogadishu on Monday" then
     * "... detonated an explosive device in Lower Shabelle on
     * Tuesday": a summary comes before what it sums up, and a day
     * told apart is another day */
    if (f->sent < w->sent && !(f->headline) && w->explicit_date && f->explicit_date &&
        !date_compatible(w, f))
        return 0;
    /* a fight across a province and the capture of one town in it
     * are two events */
    if (f->type != w->type || (f->sub != w->sub && (is_territory(f->sub) || is_territory(w->sub))))
        return 0;
    /* nor is an attack in Zamfara state what a town of Niger state
     * tells: a province sums up only its own towns */
    /* (a town no list places says nothing of its province) */
    if (!across_town && (w->loc.kind == PK_ADMIN1 || w->loc.admin1) &&
        (f->loc.admin1 ? !same_first_word(w->loc.admin1 ? w->loc.admin1 : w->loc.name, f->loc.admin1) &&
                             !other_admin_scheme(c, w, f)
                       : !f->loc.has_coords))
        return 0;
    /* "killed dozens of worshippers in an attack on a mosque in
     * northeastern Burkina Faso ..., on the same day that 15 ...
     * were killed in an attack on a church in the village of
     * Essakane": two event nouns of one sentence, each with its
     * own place, are two happenings */
    if (f->sent == w->sent && f->noun && w->noun && f->tok != w->tok)
        return 0;
    if (!actors_compatible(c, w->a1, f->a1) && !actors_compatible(c, w->a1, f->a2))
        return 0;
    /* (a fight's sides told the other way round are that fight:
     * "Al Shabaab militants attacked a military base in the Middle
     * Shabelle region" then the officer's "we killed more than 40
     * of the terrorists") */
    if (w->a1 >= 0 && f->a1 >= 0 && w->a1 == f->a2 && w->a1 != f->a1 &&
        !(w->sub == SUB_ARMED_CLASH && f->type == TYPE_BATTLES && w->a2 == f->a1))
        return 0;
    return 1;
}

/* "Islamic State Sahel fighters overran a military camp in the western
 * Tillaberi region" then "At least 17 soldiers were killed in the assault
 * on the camp at Ayorou": "the assault", of the summary's type, at a place
 * in its province, with no happening of that type told between, is the
 * summary told again at its place. That event, or NULL. */
static sr_ev *summary_told_at(sr_coder *c, const sr_ev *w)
{
    for (size_t j = 0; j < c->nevs; j++) {
        sr_ev *f = &c->evs[j];
        if (f->dead || f->sent <= w->sent || f->sent > w->sent + 2 || f->mod != w->mod || f->type != w->type)
            continue;
        if (!f->anaphoric)
            return NULL;
        if (!sub_compatible(c->eng, w->sub, f->sub) || !f->has_loc || region_only(f) || !date_compatible(w, f) ||
            !actors_compatible(c, w->a1, f->a1) || !actors_compatible(c, w->a2, f->a2) ||
            !sr_streq(f->loc.cc, w->loc.cc) ||
            !sr_same_admin(w->loc.admin1 ? w->loc.admin1 : w->loc.name, f->loc.admin1))
            return NULL;
        return f;
    }
    return NULL;
}

/* A happening told only by its region and the happenings at places in
 * it that it sums up: one of them takes it in; several drop it, its doer
 * and other side going to them that lack one. */
static void fold_summaries(sr_coder *c)
{
    for (size_t i = 0; i < c->nevs; i++) {
        sr_ev *w = &c->evs[i];
        /* (not one told as another happening: "Separately, a suicide car
         * bomber struck a police station in Aden's Sheikh Othman
         * district") */
        /* (or across a town: "Israeli strikes killed at least 31 people
         * across Gaza on Monday", Gaza City's name for the Strip) */
        int across_town = w->across && w->has_loc && !region_only(w);
        if (w->dead || !(region_only(w) || across_town) || !w->loc.cc[0] || w->distinct)
            continue;
        sr_ev *again = across_town ? NULL : summary_told_at(c, w);
        if (again) {
            merge_into(c, w, again);
            continue;
        }
        sr_ev *one = NULL;
        int fits = 0;
        for (size_t j = 0; j < c->nevs; j++) {
            sr_ev *f = &c->evs[j];
            if (!sums_up(c, w, f, across_town))
                continue;
            /* "The attackers stormed Kubwat village ..., shooting
             * residents": two words of one happening, which merge later,
             * are not two happenings */
            /* (its sides told either way round: "when they engaged the
             * militants in a gunfight") */
            if (fits && f->sub == one->sub && same_town(one, f) && date_compatible(one, f) &&
                (actors_compatible(c, one->a1, f->a1) ||
                 (one->a2 >= 0 && actors_compatible(c, one->a1, f->a2) && actors_compatible(c, one->a2, f->a1))))
                continue;
            if (!fits++)
                one = f;
        }
        if (fits >= 1) {
            /* the summary names who, where its parts may not: "Turkish
             * forces neutralized five PKK terrorists in northern Iraq";
             * "Israeli air strikes killed at least 30 Palestinians across
             * the Gaza Strip" then "four people were killed when a missile
             * hit a car" */
            for (size_t j = 0; j < c->nevs; j++) {
                sr_ev *f = &c->evs[j];
                if (f == w || !tells(f) || f->type != w->type || !sr_streq(f->loc.cc, w->loc.cc) ||
                    f->mod != w->mod || !date_compatible(w, f))
                    continue;
                if (f->a1 < 0 && w->a1 >= 0 && w->a1 != f->a2) {
                    f->a1 = w->a1;
                    f->a1_text = w->a1_text;
                }
                if (f->a2 < 0 && w->a2 >= 0 && w->a2 != f->a1) {
                    f->a2 = w->a2;
                    f->a2_text = w->a2_text;
                }
            }
            if (fits == 1) {
                absorb_headline(c, one, w);
                continue;
            }
            w->dead = 1;
            w->summed_up = 1;
            if (c->explain)
                sr_explain(c, "dropped: sentence %d's %s: a summary of the article's happenings", w->sent,
                           c->eng->d.tax.subs[w->sub].name);
        }
    }
}

/* "A suicide car bomber targeted a checkpoint ... before dozens of
 * gunmen opened fire" then "Islamic State claimed the attack": the claim
 * names the doer of every unattributed violent account of that day and
 * area, not only of the last one. */
static void claim_all(sr_coder *c, const sr_ev *u)
{
    if (u->a1 < 0 || (c->ents[u->a1].flags & ACT_UNKNOWN))
        return;
    for (size_t i = 0; i < c->nevs; i++) {
        sr_ev *w = &c->evs[i];
        /* (not "In a separate incident, two soldiers were killed when a
         * roadside bomb exploded", told as another happening) */
        if (w == u || w->dead || w->distinct || w->mod != u->mod || !sr_violent_type(w->type) ||
            (w->a1 >= 0 && !(c->ents[w->a1].flags & ACT_UNKNOWN)) || w->a2 == u->a1 || !date_compatible(u, w) ||
            !w->has_loc || !u->has_loc || !same_area(u, w))
            continue;
        w->a1 = u->a1;
        w->a1_text = u->a1_text;
    }
}

/* One happening told as two kinds of event: an attack that was an
 * abduction or the arrests' raids, a capture that was a hand-over, a
 * protest that turned violent. Merges v into u and says so. */
/* "Gunmen opened fire and detonated explosives at a church": a gun
 * and bomb assault is the attack (ACLED), one event; "The militants
 * first detonated a car bomb at the gate of the base before storming
 * it": the bomb opened the assault. Returns 1 when merged. */
static int assault_with_bomb(sr_coder *c, sr_ev *u, sr_ev *v)
{
    /* (and the ground assault that took the place: "Al-Shabaab fighters
     * overran a military base ... after detonating a car bomb at its
     * gate") */
    const sr_ev *gun = (u->cls == EV_SHOOT || u->cls == EV_ATTACK || u->cls == EV_RAID || u->cls == EV_TERRITORY) ? u
                       : (v->cls == EV_SHOOT || v->cls == EV_ATTACK || v->cls == EV_RAID || v->cls == EV_TERRITORY) ? v
                                                                                                                     : NULL;
    const sr_ev *bomb = gun == u ? v : u;
    /* (with a suicide bomber: "A suicide bomber blew himself up at the
     * entrance of a hotel before gunmen stormed the area and opened fire
     * on people" is the suicide bombing, as ACLED codes it) */
    int suicide = bomb->cls == EV_SUICIDE || bomb->sub == SUB_SUICIDE;
    /* (or the bomb told a sentence or two after the assault, how it was
     * done, with no place or dead of its own: "Al-Shabaab fighters
     * stormed a military base in the village of Bar Sanguni" then "The
     * militants drove a truck packed with explosives into the base's
     * gate") */
    int told_how = gun && bomb->sent > gun->sent && bomb->sent <= gun->sent + 2 && bomb->fatalities < 0 &&
                   (bomb->place_ctx || bomb->place_before) && !bomb->distinct && gun->has_loc && !gun->place_ctx &&
                   !gun->place_before;
    if (gun && (u->sent == v->sent || told_how) && u->a1 >= 0 && u->a1 == v->a1 && bomb->type == TYPE_EXPLOSIONS &&
        (bomb->cls == EV_BOMB || bomb->cls == EV_IED || bomb->cls == EV_GRENADE || bomb->cls == EV_CARBOMB || suicide) &&
        (gun->type == TYPE_VAC || gun->type == TYPE_BATTLES) && date_compatible(u, v) &&
        (same_town(u, v) || told_how || ((gun->place_ctx || gun->place_before) && !bomb->place_ctx && !bomb->place_before))) {
        int a2 = gun->a2 >= 0 ? gun->a2 : bomb->a2;
        const char *a2t = gun->a2 >= 0 ? gun->a2_text : bomb->a2_text;
        merge_as(c, u, v, suicide ? bomb->type : gun->type, suicide ? bomb->sub : gun->sub);
        u->a2 = a2;
        u->a2_text = a2t;
        return 1;
    }
    return 0;
}

/* The doers told again, a sentence or two later, telling the same
 * happening in detail: merges v into u and returns 1. */
static int told_in_detail(sr_coder *c, sr_ev *u, sr_ev *v)
{
    /* "suspected al-Shabaab militants ambushed their vehicle in Lamu"
     * then "the attackers detonated an improvised explosive device before
     * opening fire": the doers told again as "the attackers" in the next
     * sentences, with no dead of their own, in the same area, tell the
     * same happening in detail; not when they did another thing ("The
     * insurgents abducted at least 20 women ... before withdrawing") */
    /* (or the same kind of violence: "Gunmen killed at least 15 people in
     * overnight attacks on two villages in Mangu" then "The attackers
     * invaded Kwahaslalek and Kubwat villages at about 11pm on Monday and
     * shot sporadically at residents"; or the damage done there: "The
     * attackers set fire to houses in Kwahaslalek and Kubwat villages") */
    /* (not a fight with armed men after an attack on civilians: "Dozens
     * of civilians were killed when jihadists attacked the town of Djibo"
     * then "The assailants targeted a military camp ... before being
     * repelled by the army" - the massacre and the battle, two events) */
    int fought_after = u->type == TYPE_VAC && v->type == TYPE_BATTLES && v->a2 >= 0 &&
                       (c->ents[v->a2].flags & ACT_ARMED) && !(c->ents[v->a2].flags & ACT_UNKNOWN);
    if (v->a1_back && u->a1 >= 0 && u->a1 == v->a1 && v->sent > u->sent && v->sent - u->sent <= 2 && !fought_after &&
        sr_violent_type(u->type) &&
        (v->type == TYPE_EXPLOSIONS || v->type == TYPE_BATTLES || v->generic || v->sub == u->sub || v->sub == SUB_LOOTING) &&
        v->fatalities <= 0 && !u->headline && (date_compatible(u, v) || day_before(v, u)) && u->has_loc && v->has_loc &&
        (loc_compatible(u, v) || (borrowed_point(v) && sr_same_admin(u->loc.admin1, v->loc.admin1)))) {
        /* (the detail's day is the happening's, the first its telling's) */
        if (day_before(v, u)) {
            u->date = v->date;
            u->time_precision = v->time_precision;
        }
        merge_as(c, u, v, u->type, u->sub);
        return 1;
    }
    return 0;
}

static int merge_kinds(sr_coder *c, sr_ev *u, sr_ev *v)
{
    /* "A Houthi missile and drone attack on a military parade": two
     * weapons' nouns of one phrase, one attack, of the first weapon's
     * type */
    if (u->sent == v->sent && u->noun && v->noun && u->type == TYPE_EXPLOSIONS && v->type == TYPE_EXPLOSIONS &&
        abs(u->tok - v->tok) <= 3 && sr_one_side(c, u->a1, v->a1) && same_town(u, v) && date_compatible(u, v) &&
        !u->split && !v->split) {
        const sr_ev *first = u->tok < v->tok ? u : v;
        merge_as(c, u, v, first->type, first->sub);
        return 1;
    }
    /* "attacked a camp to kidnap civilians": the attack is the
     * abduction, unless it killed */
    if ((u->sent == v->sent || (same_town(u, v) && u->has_loc && v->has_loc && date_compatible(u, v))) &&
        u->a1 >= 0 && u->a1 == v->a1 && u->type == TYPE_VAC && v->type == TYPE_VAC &&
        ((u->sub == SUB_VAC_ATTACK && u->generic && u->fatalities <= 0 && v->sub == SUB_ABDUCTION) ||
         (v->sub == SUB_VAC_ATTACK && v->generic && v->fatalities <= 0 && u->sub == SUB_ABDUCTION))) {
        merge_into(c, u, v);
        u->sub = SUB_ABDUCTION;
        return 1;
    }
    /* "Two soldiers were killed ... when a truck packed with explosives
     * blew up": the killing told in one sentence with the blast that did
     * it is the blast */
    const sr_ev *kill = u->cls == EV_KILL ? u : v->cls == EV_KILL ? v : NULL;
    const sr_ev *how = kill == u ? v : u;
    if (kill && (kill->a1 < 0 || kill->a1 == how->a1) && u->sent == v->sent && u->cls != v->cls &&
        u->type != v->type && sr_violent_type(u->type) && sr_violent_type(v->type) && same_town(u, v) &&
        date_compatible(u, v) && actors_compatible(c, u->a2, v->a2)) {
        merge_as(c, u, v, how->type, how->sub);
        return 1;
    }
    if (told_in_detail(c, u, v))
        return 1;
    /* "Israeli forces have killed three Palestinians during a raid on the
     * Nur Shams refugee camp" then "The Israeli army said it had killed
     * three 'terrorists' who opened fire at troops": the doer's telling of
     * as many dead, at the place just told and on no day of its own, is
     * that killing; the first telling's type stands */
    if (v->place_before && !v->explicit_date && v->sent > u->sent && v->sent - u->sent <= 2 && u->a1 >= 0 &&
        u->a1 == v->a1 && u->fatalities > 0 && v->fatalities == u->fatalities && sr_violent_type(u->type) &&
        sr_violent_type(v->type) && !u->headline && date_compatible(u, v)) {
        merge_as(c, u, v, u->type, u->sub);
        return 1;
    }
    /* "An Israeli air strike on a house in Khan Younis killed at least 13
     * people on Sunday" then "The Israeli military said it had targeted a
     * Hamas commander in the area": the side's own telling of its strike,
     * with no day, dead or place of its own, is that strike */
    /* (and with its weapon now named, against the same side: "Three
     * fighters of the SDF were killed ... in an ISIS ambush in the town of
     * Gharanij" then "ISIS cells targeted an SDF vehicle with a roadside
     * bomb before opening fire on the fighters") */
    int own_telling = v->place_before && !v->explicit_date && v->fatalities <= 0 && v->sent > u->sent &&
                      v->sent - u->sent <= 2 && sr_violent_type(u->type) && sr_one_side(c, u->a1, v->a1) && u->has_loc &&
                      !u->headline && date_compatible(u, v);
    int detail = v->sent == u->sent + 1 && u->a1 >= 0 && u->a1 == v->a1 && u->a2 >= 0 && u->a2 == v->a2 &&
                 sr_violent_type(v->type);
    if (own_telling && ((v->generic && u->type == v->type) || detail)) {
        /* (a weapon named now types an attack told without one: "Al
         * Shabaab militants attacked a popular beach" then "A suicide
         * bomber blew himself up at the entrance of a hotel") */
        int typed = detail && u->generic && !v->generic && v->type == TYPE_EXPLOSIONS;
        merge_as(c, u, v, typed ? v->type : u->type, typed ? v->sub : u->sub);
        return 1;
    }
    /* "At least 31 inmates were killed in a riot at the Litoral
     * penitentiary, as rival gangs fought for control of the prison": the
     * riot is the fight the sentence tells, its dead the fight's */
    const sr_ev *riot_w = u->type == TYPE_RIOTS ? u : v->type == TYPE_RIOTS ? v : NULL;
    const sr_ev *fight_w = riot_w == u ? v : u;
    if (riot_w && u->sent == v->sent && fight_w->type == TYPE_BATTLES && fight_w->a1 >= 0 && riot_w->noun &&
        (riot_w->a1 < 0 || (c->ents[riot_w->a1].flags & ACT_CROWD)) && same_town(u, v) && date_compatible(u, v)) {
        int a1 = fight_w->a1, a2 = fight_w->a2;
        const char *a1t = fight_w->a1_text, *a2t = fight_w->a2_text;
        merge_as(c, u, v, TYPE_BATTLES, fight_w->sub);
        u->a1 = a1;
        u->a1_text = a1t;
        u->a2 = a2;
        u->a2_text = a2t;
        return 1;
    }
    /* "The RSF killed more than 100 people in an attack on the village of
     * Wad al-Noura" then "the RSF attacked the village twice with heavy
     * artillery": the attack told again with its weapon, of that type */
    if (u->generic && !v->generic && v->sent > u->sent && v->sent - u->sent <= 2 && sr_one_side(c, u->a1, v->a1) &&
        u->type != v->type && sr_violent_type(u->type) && v->type == TYPE_EXPLOSIONS && same_town(u, v) &&
        u->has_loc && v->has_loc && date_compatible(u, v) && !v->distinct) {
        merge_as(c, u, v, v->type, v->sub);
        return 1;
    }
    if (assault_with_bomb(c, u, v))
        return 1;
    /* "arrested 14 suspected Islamic State members in raids on
     * villages": the raids are the arrests, unless they killed */
    if (u->sent == v->sent && u->a1 >= 0 && u->a1 == v->a1 &&
        ((u->sub == SUB_ARRESTS && v->sub == SUB_VAC_ATTACK && v->fatalities <= 0) ||
         (v->sub == SUB_ARRESTS && u->sub == SUB_VAC_ATTACK && u->fatalities <= 0))) {
        sr_ev *arrest = u->sub == SUB_ARRESTS ? u : v;
        int a2 = arrest->a2;
        const char *a2t = arrest->a2_text;
        merge_as(c, u, v, TYPE_STRATEGIC, SUB_ARRESTS);
        u->a2 = a2;
        u->a2_text = a2t;
        return 1;
    }
    /* "Israeli forces killed 11 Palestinians in a daytime raid in
     * Nablus": a raid read as arrests is the killing it did */
    const sr_ev *raid = u->sub == SUB_ARRESTS && u->cls == EV_RAID ? u : v->sub == SUB_ARRESTS && v->cls == EV_RAID ? v : NULL;
    const sr_ev *lethal = raid == u ? v : u;
    if (raid && u->sent == v->sent && u->a1 >= 0 && u->a1 == v->a1 && lethal->fatalities > 0 &&
        (lethal->type == TYPE_VAC || lethal->type == TYPE_BATTLES) && raid->fatalities <= 0) {
        merge_as(c, u, v, lethal->type, lethal->sub);
        return 1;
    }
    /* "captured X" and "captured X after AU troops vacated it": the
     * transfer without a fight */
    if (u->a1 >= 0 && u->a1 == v->a1 && u->has_loc && v->has_loc && u->loc.name && v->loc.name &&
        !strcasecmp(u->loc.name, v->loc.name) && date_compatible(u, v) &&
        ((u->sub == SUB_NVT && (v->sub == SUB_GOV_REGAINS || v->sub == SUB_NONSTATE_OVERTAKES)) ||
         (v->sub == SUB_NVT && (u->sub == SUB_GOV_REGAINS || u->sub == SUB_NONSTATE_OVERTAKES)))) {
        merge_as(c, u, v, TYPE_STRATEGIC, SUB_NVT);
        u->cls = EV_TERRITORY;
        return 1;
    }
    /* "Israeli police fired rubber bullets and stun grenades at
     * Palestinians who hurled rocks": the force's word and the crowd's,
     * both read as the violent demonstration, are one, the crowd its
     * doer and the force its other side */
    if (u->sent == v->sent && u->sub == SUB_VIOLENT_DEMO && v->sub == SUB_VIOLENT_DEMO && u->a1 >= 0 && v->a1 >= 0 &&
        ((c->ents[u->a1].flags & ACT_STATE) != 0) != ((c->ents[v->a1].flags & ACT_STATE) != 0)) {
        const sr_ev *force = (c->ents[u->a1].flags & ACT_STATE) ? u : v;
        const sr_ev *crowd = force == u ? v : u;
        if (c->ents[crowd->a1].flags & (ACT_CIVILIAN | ACT_PROTESTER)) {
            int a1 = crowd->a1, a2 = force->a1;
            const char *a1t = crowd->a1_text, *a2t = force->a1_text;
            merge_into(c, u, v);
            u->a1 = a1;
            u->a1_text = a1t;
            u->a2 = a2;
            u->a2_text = a2t;
            return 1;
        }
    }
    /* "Angry villagers set fire to a police station" and
     * "Hundreds of people gathered outside the station, chanting
     * slogans": a protest that turned violent is one violent
     * demonstration */
    /* a mob's arson told beside the crowd's protest ("Angry villagers set
     * fire to a police station" and "Hundreds gathered outside the
     * station, chanting slogans") is the protest's violence too */
    const sr_ev *riot = (u->sub == SUB_VIOLENT_DEMO || u->sub == SUB_MOB)   ? u
                        : (v->sub == SUB_VIOLENT_DEMO || v->sub == SUB_MOB) ? v
                                                                            : NULL;
    const sr_ev *calm = riot == u ? v : u;
    /* "Police opened fire on stone-throwing protesters, killing one":
     * force used on a violent crowd is the violent demonstration's, the
     * forces its other side */
    int forced = riot && u->sent == v->sent && abs(u->tok - v->tok) <= 4 &&
                 (calm->sub == SUB_EXCESSIVE_FORCE || calm->sub == SUB_PROTEST_INTERVENTION);
    /* (and the crowds dispersed the sentence after, where the clashes were:
     * "clashes between supporters of the ruling Awami League and the
     * opposition ..." then "Police fired rubber bullets and tear gas to
     * disperse the crowds") */
    int dispersed = riot && calm->cls == EV_REPRESS && calm->place_before && calm->sent == riot->sent + 1;
    if (riot && (!riot->noun || forced || dispersed) && calm->type == TYPE_PROTESTS && u->has_loc && v->has_loc &&
        loc_compatible(u, v) && date_compatible(u, v)) {
        int a1 = riot->a1, a2 = -1;
        const char *a1t = riot->a1_text, *a2t = NULL;
        /* (and told apart: "security forces shot dead at least five
         * protesters in ... Mahabad" then "protesters setting fire to a
         * government building in the city": the forces are its other
         * side, when it names none) */
        if (forced || (riot->a2 < 0 && (calm->sub == SUB_EXCESSIVE_FORCE || calm->sub == SUB_PROTEST_INTERVENTION))) {
            a2 = calm->sub == SUB_EXCESSIVE_FORCE ? calm->a1 : calm->a2;
            a2t = calm->sub == SUB_EXCESSIVE_FORCE ? calm->a1_text : calm->a2_text;
        }
        merge_as(c, u, v, TYPE_RIOTS, SUB_VIOLENT_DEMO);
        u->a1 = a1;
        u->a1_text = a1t;
        if (a2 >= 0) {
            u->a2 = a2;
            u->a2_text = a2t;
        }
        return 1;
    }
    return 0;
}

/* An event before evs[i] of v's own kind, which "the attack" would be. */
static int kin_before(const sr_coder *c, size_t i, const sr_ev *v)
{
    for (size_t j = 0; j < i; j++) {
        const sr_ev *u = &c->evs[j];
        if (!u->dead && !u->anaphoric && u->mod == v->mod && u->type == v->type &&
            sub_compatible(c->eng, u->sub, v->sub) && date_compatible(u, v))
            return 1;
    }
    return 0;
}

/* u, a happening told of many places and waiting for one ("attacks on
 * several villages in Menaka region"), and v, one of several places told
 * after it: "The attacks targeted the villages of Tadjalalt and Inekar"
 * tells those places of it, so each is the happening at one of them, with
 * its doer and day. */
static void places_told(const sr_coder *c, const sr_ev *u, sr_ev *v)
{
    /* (or by its doer's forces told again, with no day of their own:
     * "Syrian government forces ... seized several villages in southern
     * Idlib on Friday" then "The army took the villages of Abu Jurayf and
     * Al-Tah") */
    int again = v->a1 >= 0 && u->a1 >= 0 && !v->explicit_date && v->sent == u->sent + 1 && state_side(c, v->a1, u->a1);
    if (!((v->anaphoric && v->a1 < 0) || again) || u->a1 < 0 || u->type != v->type ||
        !sub_compatible(c->eng, u->sub, v->sub) || !date_compatible(u, v))
        return;
    v->a1 = u->a1;
    v->a1_text = u->a1_text;
    if (u->explicit_date && !v->explicit_date) {
        v->date = u->date;
        v->has_date = u->has_date;
        v->time_precision = u->time_precision;
        v->explicit_date = 1;
    }
    v->anaphoric = 0;
}

/* Whether u and v are each told at a town of their own, not the same:
 * "In Bolan, militants blew up a railway bridge, and in Kalat, attackers
 * killed 10 people" (one province, two happenings; a town no list
 * knows stands at its province's point). */
static int two_towns(const sr_ev *u, const sr_ev *v)
{
    return u->has_loc && v->has_loc && settlement_kind(u->loc.kind) && settlement_kind(v->loc.kind) && !u->place_ctx &&
           !v->place_ctx && !u->place_before && !v->place_before && u->loc.name && v->loc.name &&
           strcasecmp(u->loc.name, v->loc.name);
}

/* Whether v, told by a word with no weapon ("targeted", "attacked"), can
 * be u told again under another type: u violent, v a fight or violence
 * against civilians, on u's day (a claim's day is the claim's) and at its
 * place or in its province. */
static int told_without_weapon(const sr_ev *u, const sr_ev *v, int claimed)
{
    return u->type != v->type &&
           (u->type == TYPE_BATTLES || u->type == TYPE_EXPLOSIONS || u->type == TYPE_VAC ||
            (u->type == TYPE_PROTESTS && u->sub == SUB_EXCESSIVE_FORCE)) &&
           (v->type == TYPE_BATTLES || v->type == TYPE_VAC) && (claimed || date_compatible(u, v)) &&
           (loc_compatible(u, v) || (sr_same_admin(u->loc.admin1, v->loc.admin1) && !two_towns(u, v)) ||
            /* "Islamic State in West Africa claimed responsibility for the
             * attack on the Indelimane post": a claim placed nowhere the
             * list knows is of the attack told; so is one placed only by
             * an earlier sentence: "JNIM, an al Qaeda affiliate, claimed
             * the attack on Sunday" */
            (claimed && (!v->has_loc || v->place_ctx || v->place_before) && u->has_loc));
}

/* Later mentions of one happening merged into the first: the same
 * attack told again, an attack that was an abduction, a capture that
 * was a hand-over. */
/* "Fighting broke out overnight between rival armed groups in the Libyan
 * capital" then "The clashes between the Radaa force and fighters from the
 * Stability Support Apparatus left at least eight people dead": v, a
 * definite noun in the next sentence, names the unnamed sides of u. */
static int sides_named_now(const sr_coder *c, const sr_ev *u, const sr_ev *v)
{
    return v->definite && v->sent == u->sent + 1 && u->a1 >= 0 && (c->ents[u->a1].flags & ACT_UNKNOWN) &&
           v->a1 >= 0 && !(c->ents[v->a1].flags & ACT_UNKNOWN);
}

/* "Al-Shabaab has claimed responsibility for the attack": v, the attack
 * told before, names u's doer, unknown or told only as the country's
 * rebels ("Separatist fighters stopped a passenger train" then "The
 * Balochistan Liberation Army said it was behind the assault"). */
static int names_doer(const sr_coder *c, const sr_ev *u, const sr_ev *v)
{
    return v->anaphoric && v->a1 >= 0 &&
           (u->a1 < 0 || (c->ents[u->a1].flags & ACT_UNKNOWN) || rebels_of(c, u->a1, v->a1));
}

/* Whether v tells u again, u's type kept. */
static int told_again(const sr_coder *c, const sr_ev *u, const sr_ev *v)
{
    /* "Yemen's Houthi movement attacked the United Arab Emirates ... with
     * drones and missiles, killing three people in Abu Dhabi" then "The
     * Houthis said they had fired five ballistic missiles and a number of
     * drones at Abu Dhabi and Dubai airports": one side's blows from afar
     * at one town on one day, told again the sentence after with no dead
     * of their own, are one happening whatever weapon each names */
    if (u->type == TYPE_EXPLOSIONS && v->type == TYPE_EXPLOSIONS && u->a1 >= 0 && u->a1 == v->a1 &&
        v->sent == u->sent + 1 && v->fatalities <= 0 && !v->distinct && v->has_loc && !v->unplaced && !v->place_before &&
        !v->place_ctx && same_town(u, v) && date_compatible(u, v))
        return 1;
    /* "gunmen opened fire on the bus near the town of Al-Sukhnah" after
     * "an attack on a bus carrying Syrian army soldiers": the target told
     * again, by its doer or by none named, is that happening, of the type
     * told first */
    /* (its doer named now: "Papuan separatist rebels" then "rebels from
     * the West Papua National Liberation Army") */
    if (v->target_told && (size_t)u->sent + 1 == (size_t)v->target_told && sr_violent_type(u->type) &&
        sr_violent_type(v->type) &&
        (v->a1 < 0 || u->a1 < 0 || sr_one_side(c, u->a1, v->a1) || rebels_of(c, u->a1, v->a1)) && date_near(u, v))
        return 1;
    /* "Russia launched a massive missile attack on Ukrainian cities ...,
     * killing at least 41 people and striking a children's hospital in
     * Kyiv": a state's "striking" read as from the air, told in the
     * sentence of its weapon's attack, is that attack */
    return v->generic && v->cls == EV_ATTACK && u->sent == v->sent && u->type == TYPE_EXPLOSIONS &&
           v->type == TYPE_EXPLOSIONS && !u->generic && sr_one_side(c, u->a1, v->a1) && same_town(u, v) &&
           date_compatible(u, v);
}

/* One of a and b told only near a place or across an area (precision 2
 * or more) in the province where the other is a town (precision 1). */
static int area_and_town(const sr_ev *a, const sr_ev *b)
{
    const sr_ev *area = a->loc.precision >= 2 ? a : b, *town = area == a ? b : a;
    return area->loc.precision >= 2 && town->loc.precision == 1 && area->loc.admin1 && town->loc.admin1 &&
           sr_same_admin(area->loc.admin1, town->loc.admin1) && sr_streq(area->loc.cc, town->loc.cc);
}

/* Protests at one place on one day are one event, whoever is named in
 * which role; so is a crowd's riot ("protesters stormed the parliament"
 * then "Protesters also torched the homes of several politicians" the
 * same day), and a riot's noun with no doer of its own in the crowd's
 * sentence ("Protesters set fire to buildings and clashed with police
 * ... for a fourth night of unrest"). */
/* (and the force its other side used on it: "Students clashed with police
 * at Cheikh Anta Diop University" then "Police fired tear gas and the
 * students threw stones") */
static int one_crowd(const sr_ev *u, const sr_ev *v)
{
    return u->type == TYPE_PROTESTS ||
           (u->sub == SUB_VIOLENT_DEMO && v->sub == SUB_VIOLENT_DEMO && u->a1 >= 0 &&
            (u->a1 == v->a1 || (u->sent == v->sent && v->noun && v->a1 >= 0 && !v->a1_text) ||
             (u->a2 >= 0 && v->a1 == u->a2)));
}

/* A town the event's own sentence names for it. */
static int own_town(const sr_ev *v)
{
    return v->has_loc && !v->place_ctx && !v->place_before && v->loc.precision == 1 && v->loc.name;
}

/* v's own town and u's place are in two countries. */
static int other_country(const sr_ev *u, const sr_ev *v)
{
    return u->has_loc && own_town(v) && u->loc.cc[0] && v->loc.cc[0] && !sr_streq(u->loc.cc, v->loc.cc);
}


/* Whether v, of a later sentence, tells a happening other than u. */
static int told_apart(const sr_ev *u, const sr_ev *v)
{
    if (u->sent == v->sent)
        return 0;
    /* "Another strike on a home ... in Rafah": not the one before */
    if (v->distinct)
        return 1;
    /* "the Bijapur encounter" after encounters in Bijapur and Kanker: the
     * one at the town it names */
    return v->anaphoric && own_town(v) && own_town(u) && !loc_compatible(u, v);
}

/* "gunmen clashed with residents who fought side-by-side with police":
 * one sentence's fight at one place by one side is one fight (and the
 * next sentence's, where the first named only civilians on its other
 * side) (merge_mentions) */
static int one_fight(const sr_coder *c, const sr_ev *u, const sr_ev *v)
{
    int civ_side = (u->a2 >= 0 && (c->ents[u->a2].flags & ACT_CIVILIAN)) ||
                   (v->a2 >= 0 && (c->ents[v->a2].flags & ACT_CIVILIAN));
    return (u->sent == v->sent || (v->sent == u->sent + 1 && civ_side)) && u->type == TYPE_BATTLES && u->a1 >= 0 &&
           actors_compatible(c, u->a1, v->a1) && u->has_loc && v->has_loc && u->loc.name && v->loc.name &&
           !strcasecmp(u->loc.name, v->loc.name) && date_compatible(u, v);
}

/* "Islamist insurgents attacked the town of Quissanga ..., burning a
 * church" then "The militants ... beheaded two people before retreating":
 * an attack on a place with no side against it, told again the next
 * sentence by its doers' violence against civilians there, is that
 * violence. Whether v was merged so into u (merge_mentions). */
static int sideless_attack(sr_coder *c, sr_ev *u, sr_ev *v)
{
    if (u->type != TYPE_BATTLES || u->a2 >= 0 || !u->generic || u->fatalities > 0 || u->a1 < 0 ||
        v->type != TYPE_VAC || v->a1 != u->a1 || (v->sent != u->sent + 1 && v->sent != u->sent) || !u->has_loc ||
        !v->has_loc ||
        !(v->place_before || same_town(u, v)) || !date_compatible(u, v))
        return 0;
    /* (in one sentence, the violence told after the attack: "attacked the
     * town of Mocimboa da Praia ..., beheading three civilians"; not an
     * attack told after "after": "After their attack on Deir Ezzor, ISIS
     * abducted at least 400 civilians") */
    if (v->sent == u->sent && (v->tok < u->tok || role_before(c->eng, &c->sents[u->sent], u->tok, WA_SEQUENCE)))
        return 0;
    int cls = v->cls;
    merge_as(c, u, v, v->type, v->sub);
    u->cls = cls;
    return 1;
}

/* "Gunmen attacked two Orthodox churches, two synagogues and a police post
 * ..., killing at least 19 people" then "Five attackers were killed": the
 * doers' own dead told by no one's hand the sentences after are that
 * happening's too, added to its toll. Whether v was merged so into u
 * (merge_mentions). */
static int doers_dead(sr_coder *c, sr_ev *u, sr_ev *v)
{
    if (v->a1 >= 0 || v->a2 < 0 || v->a2 != u->a1 || v->cls != EV_KILL || v->fatalities <= 0 || v->sent <= u->sent ||
        v->sent > u->sent + 2 || !sr_violent_type(u->type) || u->fatalities < 0 || !date_compatible(u, v))
        return 0;
    /* (the nearest such happening: "gunmen entered a building and fought
     * security forces for several hours. All five attackers were killed") */
    for (size_t j = 0; j < c->nevs; j++) {
        const sr_ev *w = &c->evs[j];
        if (w != u && !w->dead && w->sent > u->sent && w->sent < v->sent && w->a1 == v->a2 && sr_violent_type(w->type))
            return 0;
    }
    v->adds = 1;
    merge_as(c, u, v, u->type, u->sub);
    return 1;
}

/* Whether a word that fends off ("repelled") comes right before v's word:
 * forces only sent fought no one ("confirmed the attacks, saying that a
 * joint team of police and vigilantes had been deployed"). */
static int fended_before(const sr_coder *c, const sr_ev *v)
{
    const sr_sent *s = &c->sents[v->sent];
    for (size_t q = 0; q < s->ntg; q++) {
        const sr_trig *u = &s->tg[q];
        if (u->ndef && (int)u->e <= v->tok && v->tok - (int)u->e <= 3 && (tdef(c, u, 0)->opts & TRG_FEND_OFF))
            return 1;
    }
    return 0;
}

/* "Jihadists attacked a convoy of trucks escorted by the Malian army near
 * Bourem ..., killing several civilians" then "The army said ... its
 * troops had repelled the attack and killed 13 terrorists": "the attack",
 * no doer of its own, that a state's forces fought is the armed men's
 * violence told before, a fight now, with the forces its other side (not
 * where the attack's toll of civilians is told: "killed at least 40
 * civilians in an attack on the Abu Shouk displacement camp" stays the
 * attack on them). Whether v was merged so into u (merge_mentions; i is
 * v's index). */
static int fought_off(sr_coder *c, size_t i, sr_ev *u, sr_ev *v)
{
    if (!v->anaphoric || v->cls != EV_ATTACK || v->type != TYPE_BATTLES || v->a1 >= 0 || v->a2 < 0 ||
        (c->ents[v->a2].flags & (ACT_STATE | ACT_ARMED)) != (ACT_STATE | ACT_ARMED) || u->type != TYPE_VAC ||
        u->a1 < 0 || !(c->ents[u->a1].flags & ACT_ARMED) || u->fatalities >= 0 || !date_compatible(u, v) ||
        kin_before(c, i, v) || !fended_before(c, v))
        return 0;
    u->a2 = v->a2;
    u->a2_text = v->a2_text;
    merge_as(c, u, v, v->type, v->sub);
    return 1;
}

/* "stormed a church ... and abducted at least 25 worshippers"
 * then "one person was killed during the attack": "the
 * attack" with no doer of its own is the violence of its type
 * told last, whatever its kind */
/* nor "the strike on the city centre killed 23 people" after
 * "a Russian missile strike in Vinnytsia": a definite noun with
 * no doer is the last of its type, the weapon told there */
/* (and "The attack on the National Penitentiary in
 * Port-au-Prince" after "Armed gangs attacked Haiti's main
 * prison": "the attack", no side of its own, is the violence
 * told last whatever type its telling came to; and "the attack
 * was carried out by Syrian government warplanes" after "A
 * suspected chemical attack killed at least 58 people": its
 * doer, named now) */
/* (its other side only the dead it tells: "A member of the
 * local vigilante group was shot dead during the attack" after
 * "Gunmen abducted 287 pupils") */
/* Whether anaphoric v ("the attack") tells u, the violence told last, again
 * (merge_mentions; i is v's index). */
static int last_told_again(const sr_coder *c, size_t i, const sr_ev *u, const sr_ev *v)
{
    int any_type = v->cls == EV_ATTACK && (v->a2 < 0 || v->adds || (v->dead_ent >= 0 && v->a2 == v->dead_ent)) &&
                   sr_violent_type(u->type);
    int doer_now = u->a1 < 0 && v->a1 >= 0 && any_type;
    return v->anaphoric &&
           (v->generic || doer_now || (v->noun && v->cls == EV_AIR && (u->cls == EV_SHELL || u->cls == EV_AIR))) &&
           (v->a1 < 0 || doer_now) &&
           ((u->type == v->type && (u->sub == SUB_ABDUCTION) == (v->sub == SUB_ABDUCTION)) || any_type) &&
           sr_violent_type(v->type) &&
           date_compatible(u, v) && !kin_before(c, i, v);
}

/* "JNIM claimed the attack in a statement released on Wednesday, saying
 * it had captured one soldier": what the claimant tells of the happening
 * it claims, with no place or dead of its own, is that happening, not
 * another on the day of the statement. */
static void claim_details(sr_coder *c)
{
    for (size_t i = 0; i < c->nevs; i++) {
        sr_ev *v = &c->evs[i];
        if (v->dead || v->a1 < 0 || v->distinct || v->fatalities > 0 || (v->has_loc && !v->place_ctx && !v->place_before))
            continue;
        for (size_t j = 0; j < c->nevs; j++) {
            const sr_ev *w = &c->evs[j];
            if (w == v || !w->dead || !w->anaphoric || !w->merged_into || w->sent != v->sent || w->tok >= v->tok ||
                w->a1 != v->a1)
                continue;
            sr_ev *u = &c->evs[w->merged_into - 1];
            for (int hops = 0; u->dead && u->merged_into && hops < 8; hops++)
                u = &c->evs[u->merged_into - 1];
            if (u->dead || u == v || !sr_violent_type(u->type) || u->a1 != v->a1)
                continue;
            merge_as(c, u, v, u->type, u->sub);
            break;
        }
        /* (and the armed men its doer took in a fight it told the sentence
         * before: "seized a military battalion headquarters in Rakhine
         * State's Minbya Township" then "The ethnic armed group said it had
         * captured dozens of junta soldiers": prisoners of that fight, no
         * abduction of their own) */
        if (v->dead || v->sub != SUB_ABDUCTION || v->a2 < 0 || !(c->ents[v->a2].flags & ACT_ARMED) ||
            !(v->place_before || v->place_ctx))
            continue;
        for (size_t j = 0; j < c->nevs; j++) {
            sr_ev *u = &c->evs[j];
            if (!u->dead && u->type == TYPE_BATTLES && u->a1 == v->a1 && u->sent + 1 == v->sent && u->mod == v->mod) {
                merge_as(c, u, v, u->type, u->sub);
                break;
            }
        }
    }
}

/* Whether v, of merge_mentions, is never merged into u (the j-th event),
 * whatever they tell. */
static int never_joins(const sr_coder *c, const sr_ev *u, const sr_ev *v, size_t j, int one_sentence)
{
    /* (a claim of a happening told as history is of that history:
     * "killed at least 20 soldiers ... on June 11" three weeks before the
     * article, then "JNIM claimed the attack in a statement released on
     * Wednesday") */
    int claims_history = u->mod == SR_BACKGROUND && v->mod == SR_ASSERTED && !one_sentence && names_doer(c, u, v) &&
                         v->definite && sr_violent_type(u->type);
    /* (an anaphoric telling that tells all of a happening stands for it:
     * "claimed responsibility for the two explosions that killed at least
     * 84 people ... in Kerman" then "Two IS members detonated explosive
     * belts among the crowd") */
    int whole_u = u->anaphoric && !u->unplaced && u->has_loc && u->a1 >= 0 && u->fatalities > 0 && !u->split;
    if (u->dead || (u->anaphoric && !whole_u) || (u->mod != v->mod && !claims_history) ||
        (one_sentence && u->sent != v->sent))
        return 1;
    /* one merged or folded into another already goes there or nowhere:
     * "Al-Shabaab said ... it had killed 30 soldiers", folded into the
     * base's attack, is not the truck bomb's toll too */
    if (v->dead && v->merged_into && v->merged_into != j + 1)
        return 1;
    if (told_apart(u, v))
        return 1;
    /* "At least 40 Palestinians were killed ... in Israeli airstrikes
     * across the Gaza Strip" is no one strike of those told after it at a
     * town: the summary's fold decides (fold_summaries) */
    /* (a region's point may lie by one of its towns: names only) */
    return (u->across || v->across) && u->sent != v->sent && u->has_loc && v->has_loc &&
           !(u->loc.name && v->loc.name && !strcasecmp(u->loc.name, v->loc.name));
}

static void merge_mentions(sr_coder *c, int one_sentence)
{
    for (size_t i = 0; i < c->nevs; i++) {
        sr_ev *v = &c->evs[i];
        /* merged already by the pass over its own sentence */
        /* (nor the sum of several happenings: "10 Pakistani soldiers
         * martyred in Balochistan", a link's title after attacks at
         * Panjgur, Naushki and Kech, is not the first one's toll; "The
         * rocket attack on the Iraqi military base ... took place on
         * Friday night" is the one told before) */
        if (v->merged_in_sentence || (v->summed_up && !v->anaphoric))
            continue;
        int was_dead = v->dead;
        for (size_t jj = i; jj > 0; jj--) {
            size_t j = v->anaphoric ? jj - 1 : i - jj;
            sr_ev *u = &c->evs[j];
            if (never_joins(c, u, v, j, one_sentence))
                continue;
            /* a happening told of many places, waiting for one ("attacks on
             * several villages in Bankass district"), is not the first of
             * several places told later ("raided the villages of Zorgoye
             * and Tiebanda"): each stays its own */
            if (u->unplaced && v->split) {
                places_told(c, u, v);
                continue;
            }
            /* "The Houthis targeted a building in Al Jubah" after "a Houthi
             * missile attack on Marib": the same attack, told without its
             * weapon */
            /* "A protest in Myingyan turned deadly ... a young man was shot
             * in the head": an unattributed shooting where protesters were
             * shot that day is that shooting */
            int at_protest = u->type == TYPE_PROTESTS && v->a1 < 0 && same_town(u, v) && u->has_loc && v->has_loc;
            /* a fight with armed men is not the abduction or killing of
             * civilians told beside it */
            int fought = v->type == TYPE_BATTLES && v->a2 >= 0 && (c->ents[v->a2].flags & ACT_ARMED) &&
                         u->type == TYPE_VAC;
            /* "Al-Shabaab has claimed responsibility for the attack": the
             * attack told before, its doer now named */
            int claimed = names_doer(c, u, v);
            /* "Air strikes killed 23 people in Maarat al-Numan" then "the
             * raids on Maarat al-Numan killed at least 35": one place, one
             * day, no one named against it */
            int same_place_unnamed = same_town(u, v) && u->has_loc && v->has_loc && (u->a1 < 0 || v->a1 < 0);
            /* (a ground assault told beside its bomb is the assault, not
             * the bomb told again without a weapon) */
            if (v->generic && assault_with_bomb(c, u, v))
                break;
            if (told_again(c, u, v)) {
                merge_as(c, u, v, u->type, u->sub);
                break;
            }
            if (v->generic && !fought &&
                (sr_one_side(c, u->a1, v->a1) || (u->sent == v->sent && (u->a1 < 0 || v->a1 < 0)) || at_protest ||
                 claimed || same_place_unnamed) &&
                told_without_weapon(u, v, claimed)) {
                /* "Jihadists killed dozens of civilians ... last week" then
                 * "JNIM ... claimed the attack on Sunday": a day told
                 * with the claim is the claim's when the deed has one */
                if (claimed && u->explicit_date)
                    v->explicit_date = 0;
                merge_as(c, u, v, u->type, u->sub);
                if (claimed)
                    claim_all(c, u);
                break;
            }
            if (last_told_again(c, i, u, v)) {
                merge_as(c, u, v, u->type, u->sub);
                break;
            }
            if (fought_off(c, i, u, v) || sideless_attack(c, u, v) || doers_dead(c, u, v))
                break;
            if (merge_kinds(c, u, v))
                break;
            if (u->type != v->type || !sub_compatible(c->eng, u->sub, v->sub))
                continue;
            /* two places struck in one sentence are two events; so are
             * two event nouns of one sentence told at two places ("an
             * attack on a mosque in northeastern Burkina Faso ..., on the
             * same day that 15 were killed in an attack on a church in the
             * village of Essakane") */
            if (u->sent == v->sent && u->tok == v->tok)
                continue;
            /* (but not a fight told in the countryside of a province and
             * "concentrated in the town of Dhiban" in it: one fight, at the
             * town) */
            if (u->sent == v->sent && u->noun && v->noun && u->has_loc && v->has_loc && u->loc.name && v->loc.name &&
                strcasecmp(u->loc.name, v->loc.name) && !(u->type == TYPE_BATTLES && area_and_town(u, v)))
                continue;
            if (v->split && u->sib_sent == v->sent && u->sib_tok == v->tok)
                continue;
            int protests = one_crowd(u, v);
            /* "the strikes in the western Iraqi town of al-Qaim" after
             * strikes on Iraq and Syria "in retaliation for a drone attack
             * that killed three US soldiers in Jordan": a telling of its own
             * place in another country is not the latest of its kind */
            if (v->anaphoric && other_country(u, v))
                continue;
            /* a fight has two sides in either order: "six militants and
             * four soldiers were killed in the attack" names the
             * attackers' dead as victims */
            int sides = actors_compatible(c, u->a1, v->a1) && actors_compatible(c, u->a2, v->a2);
            if (!sides && u->type == TYPE_BATTLES && (v->a1 < 0 || v->a2 < 0 || u->a1 < 0 || u->a2 < 0))
                sides = actors_compatible(c, u->a1, v->a2) && actors_compatible(c, u->a2, v->a1);
            /* "Two Turkish-backed Syrian factions clashed ... in the town
             * of Jinderes" then "The fighting between the Hamza Division
             * and the Levant Front broke out after a dispute": a fight
             * with no other side told, its two sides named the sentence
             * after, at its place and with no day of their own */
            if (!sides && u->type == TYPE_BATTLES && u->a2 < 0 && v->definite && v->sent == u->sent + 1 &&
                v->place_before && v->before_sent == u->sent && !v->explicit_date && v->a1 >= 0 && v->a2 >= 0)
                sides = 1;
            /* "ISIS cells attacked a checkpoint in al-Busayrah" then "SDF
             * fighters ... killed two of the attackers": the fight told
             * from its other side, at its place */
            if (!sides && u->type == TYPE_BATTLES && u->a1 >= 0 && u->a2 >= 0 && u->a1 == v->a2 && u->a2 == v->a1 &&
                v->sent <= u->sent + 2 && same_town(u, v))
                sides = 1;
            /* "gunmen clashed with residents who fought side-by-side with
             * police": one sentence's fight at one place by one side is
             * one fight, against the armed side it names */
            /* and the next sentence's fight by that side, where the first
             * named only the civilians it protected: "SDF confronted and
             * engaged with them to protect the displaced" then "... killing
             * over 20 IS militants" */
            if (!sides && one_fight(c, u, v)) {
                if (v->a2 >= 0 && (c->ents[v->a2].flags & ACT_ARMED) && u->a2 >= 0 && !(c->ents[u->a2].flags & ACT_ARMED)) {
                    u->a2 = v->a2;
                    u->a2_text = v->a2_text;
                }
                merge_into(c, u, v);
                break;
            }
            /* "At least 232 Palestinians were killed in the Israeli
             * strikes": the strikes told before, on Hamas; a telling
             * names other victims */
            /* nor with no doer of its own: "The rocket attack on the Iraqi
             * military base ... took place on Friday night" after the
             * attack "that resulted in the death of a civilian
             * contractor" */
            if (!sides && v->anaphoric &&
                ((v->a1 >= 0 && actors_compatible(c, u->a1, v->a1) && u->a1 >= 0) || v->a1 < 0) &&
                date_compatible(u, v)) {
                merge_into(c, u, v);
                break;
            }
            if (!protests && !sides)
                continue;
            /* same actors or a shared place: the same happening */
            int same_actor = u->a1 >= 0 && u->a1 == v->a1;
            /* a fight of unnamed rebels waiting for its place, and the
             * rebel group of that country named with one */
            same_actor |= u->unplaced && u->a1 >= 0 && v->a1 >= 0 && (rebels_of(c, u->a1, v->a1) || rebels_of(c, v->a1, u->a1));
            int same_place = u->has_loc && v->has_loc && loc_compatible(u, v);
            /* "JNIM claimed the attack in a statement on Tuesday": the
             * day is the claim's */
            /* (a day on at most: "launched a counterattack ... on Monday
             * night" then "in the fighting, which continued into Tuesday
             * morning") */
            /* (and one with no place of its own: "Security forces ended a
             * 13-hour siege of a hotel ... on Friday" then "Three soldiers
             * were killed ... in the attack, which began on Thursday
             * evening") */
            if (v->anaphoric &&
                (date_compatible(u, v) || claimed || ((same_place || (!v->has_loc && u->has_loc)) && date_near(u, v)))) {
                /* "the attack": the most recent one of its kind */
                merge_into(c, u, v);
                break;
            }
            if (v->anaphoric)
                continue;
            /* "Al Shabaab fighters overran a Somali army base in the
             * central Galgaduud region" then "The insurgents said ... they
             * had killed 47 soldiers": a fight placed only by the event
             * told before it is at that event's place, wherever a telling
             * between has put it ("the attack on the base at Ceel Dheer") */
            int placed_by_u = v->place_before && u->sent == v->before_sent && u->tok == v->before_tok;
            int one_area = u->sent == v->sent && u->noun && v->noun && u->type == TYPE_BATTLES && area_and_town(u, v);
            if ((!loc_compatible(u, v) && !placed_by_u && !one_area) || !date_compatible(u, v))
                continue;
            /* a fight somewhere in a province and the capture of one town
             * in it are two events; a fight at that town is the capture */
            if (u->sub != v->sub && (is_territory(u->sub) || is_territory(v->sub)) && !same_town(u, v) && !placed_by_u)
                continue;
            if (protests && !same_place)
                continue;
            int named_now = sides_named_now(c, u, v);
            if (!same_actor && !same_place && !(u->a1 < 0 || v->a1 < 0) && !named_now)
                continue;
            if (!same_actor && !same_place && !(u->has_loc && v->has_loc) && !named_now)
                continue;
            merge_into(c, u, v);
            break;
        }
        if (one_sentence && !was_dead && v->dead)
            v->merged_in_sentence = 1;
    }
}

/* "Islamic State Khorasan claimed responsibility." after "Two suicide
 * bombers and gunmen attacked crowds outside Kabul airport": the claim
 * names the doer of the last unattributed violence told in the five
 * sentences before it, and of that day's others in the area. */
static void bare_claims(sr_coder *c)
{
    for (size_t si = 1; si < c->nsents; si++) {
        const sr_sent *s = &c->sents[si];
        int m = sr_bare_claim(c, s);
        if (m < 0)
            continue;
        for (size_t i = c->nevs; i > 0; i--) {
            sr_ev *w = &c->evs[i - 1];
            /* (or told only as the country's rebels: "separatist rebels
             * shot dead two construction workers" then "The West Papua
             * National Liberation Army claimed responsibility") */
            if (w->sent >= (int)si || w->sent + 5 < (int)si || w->dead || w->mod != SR_ASSERTED ||
                !sr_violent_type(w->type) ||
                (w->a1 >= 0 && !(c->ents[w->a1].flags & ACT_UNKNOWN) && !(s->men[m].ent >= 0 && rebels_of(c, w->a1, s->men[m].ent))))
                continue;
            if (w->a2 == s->men[m].ent)
                break;
            w->a1 = s->men[m].ent;
            w->a1_text = span_text(c, s, s->men[m].s, s->men[m].e);
            claim_all(c, w);
            break;
        }
    }
}

/* "Gang members attacked the Haitian town of Mirebalais" then "The
 * gunmen, believed to belong to the Viv Ansanm coalition, also freed more
 * than 500 inmates": armed men told again with "the", a named group's by
 * the words of affiliation after them (cues.txt AFFIL, one mention), are
 * that group in the happenings of unknown doers the five sentences
 * before. */
static void affiliated_later(sr_coder *c, const sr_sent *s, int si)
{
    if (!(s->cues & (1ULL << CUE_AFFIL)))
        return;
    for (size_t k = 0; k < s->nmen; k++) {
        const sr_mention *m = &s->men[k];
        int the = (m->s < s->ntok && s->tok[m->s].id == c->eng->w.the) || (m->s > 0 && s->tok[m->s - 1].id == c->eng->w.the);
        if (m->ent < 0 || m->def < 0 || !the ||
            cue_in(s, m->s, m->e, CUE_AFFIL) < 0 || !(c->ents[m->ent].flags & ACT_ARMED) ||
            (c->ents[m->ent].flags & ACT_STATE))
            continue;
        for (size_t i = 0; i < c->nevs; i++) {
            sr_ev *w = &c->evs[i];
            if (w->dead || w->sent >= si || w->sent + 5 < si || w->a1 < 0 || !(c->ents[w->a1].flags & ACT_UNKNOWN) ||
                c->ents[w->a1].def >= 0)
                continue;
            w->a1 = m->ent;
            w->a1_text = span_text(c, s, m->s, m->e);
        }
    }
}

/* "Indian troops shot dead three suspected militants in a gunbattle in
 * Kashmir's Shopian district" then "Police said the militants belonged to
 * Lashkar-e-Taiba": generic armed men said later to be a named group's
 * (cues.txt IDENTITY) are that group in the happenings of the five
 * sentences before. */
static void named_later(sr_coder *c)
{
    for (size_t si = 1; si < c->nsents; si++) {
        const sr_sent *s = &c->sents[si];
        affiliated_later(c, s, (int)si);
        if (!(s->cues & (1ULL << CUE_IDENTITY)))
            continue;
        for (size_t k = 0; k + 1 < s->nmen; k++) {
            const sr_mention *g = &s->men[k], *n = &s->men[k + 1];
            size_t j = cue_end(s, g->e, CUE_IDENTITY);
            if (!j || g->ent < 0 || n->ent < 0 || c->ents[g->ent].def >= 0 || !(c->ents[g->ent].flags & ACT_NONSTATE) ||
                c->ents[n->ent].def < 0 || !(c->ents[n->ent].flags & ACT_ARMED) || (c->ents[n->ent].flags & ACT_STATE) ||
                n->s < j || n->s > j + 1)
                continue;
            for (size_t i = 0; i < c->nevs; i++) {
                sr_ev *w = &c->evs[i];
                if (w->dead || w->sent >= (int)si || w->sent + 5 < (int)si)
                    continue;
                if (w->a1 == g->ent && w->a2 != n->ent) {
                    w->a1 = n->ent;
                    w->a1_text = span_text(c, s, n->s, n->e);
                }
                if (w->a2 == g->ent && w->a1 != n->ent) {
                    w->a2 = n->ent;
                    w->a2_text = span_text(c, s, n->s, n->e);
                }
            }
        }
    }
}

/* Whether v is another place of a telling one of whose places was merged
 * into the happening it tells again; v then takes that happening's sides,
 * type and day, and stands as a happening of its own. */
static int sibling_of_told(sr_coder *c, sr_ev *v)
{
    for (size_t j = 0; j < c->nevs; j++) {
        const sr_ev *u = &c->evs[j];
        if (u == v || u->dead || u->sib_sent != v->sent || u->sib_tok != v->tok || u->mod != v->mod)
            continue;
        v->anaphoric = 0;
        v->type = u->type;
        v->sub = u->sub;
        v->cls = u->cls;
        if (v->a1 < 0) {
            v->a1 = u->a1;
            v->a1_text = u->a1_text;
        }
        if (v->a2 < 0) {
            v->a2 = u->a2;
            v->a2_text = u->a2_text;
        }
        if (!v->explicit_date && u->explicit_date)
            take_day(v, u);
        return 1;
    }
    return 0;
}

/* Places v at the city of the article's dateline, in the story's country;
 * 0 when there is none. */
static int dateline_city(sr_coder *c, sr_ev *v)
{
    if (!c->nsents || c->focus_country < 0)
        return 0;
    const char *fcc = c->eng->d.countries[c->focus_country].iso2;
    const sr_sent *s0 = &c->sents[0];
    for (size_t j = 0; j < s0->npm; j++) {
        const sr_pmention *p = &s0->pm[j];
        /* (or its district: "LAKKI MARWAT: Two policemen embraced
         * martyrdom when terrorists attacked the Tajazai police post") */
        if (!p->dateline || !p->loc.has_coords || !sr_streq(p->loc.cc, fcc) ||
            (p->loc.kind != PK_CITY && p->loc.kind != PK_TOWN && p->loc.kind != PK_ADMIN2))
            continue;
        v->has_loc = 1;
        v->loc = p->loc;
        if (v->loc.precision < 2)
            v->loc.precision = 2;
        return 1;
    }
    return 0;
}

/* "The Islamic State group abducted at least 400 civilians ... after it
 * overran parts of a government-held district of Deir ez-Zor city": a
 * deed of its sentence's doer with no place of its own is where that
 * doer's other deed of the sentence was. Places v. */
static int placed_beside(sr_coder *c, sr_ev *v)
{
    /* (not one told across a whole country: "firing more than 100 missiles
     * ... at cities across Ukraine and killing at least four people" is no
     * one place's) */
    if (v->across)
        return 0;
    for (size_t j = 0; j < c->nevs; j++) {
        const sr_ev *u = &c->evs[j];
        if (u == v || u->dead || u->sent != v->sent || u->unplaced || !u->has_loc || u->split || v->a1 < 0 ||
            u->a1 != v->a1 || u->mod != v->mod || !date_compatible(u, v) || !sr_violent_type(v->type) ||
            !sr_violent_type(u->type))
            continue;
        v->unplaced = 0;
        v->has_loc = 1;
        v->loc = u->loc;
        return 1;
    }
    return 0;
}

/* "Syrian air defences intercepted Israeli missiles fired at targets
 * south of Damascus" then "the strikes hit positions of Iran-backed
 * militias near the town of Kisweh, killing three fighters": strikes told
 * after an interception of the same day are the strikes that got through,
 * by the side whose weapons were stopped. Makes v stand on its own. */
static int strikes_past_defences(sr_coder *c, sr_ev *v)
{
    if (v->type != TYPE_EXPLOSIONS)
        return 0;
    for (size_t j = 0; j < c->nevs; j++) {
        const sr_ev *u = &c->evs[j];
        if (u == v || u->sub != SUB_DISRUPTED || u->sent > v->sent || v->sent - u->sent > 2 || u->a2 < 0 ||
            !date_near(u, v) || (v->a1 >= 0 && v->a1 != u->a2))
            continue;
        v->anaphoric = 0;
        if (v->a1 < 0) {
            v->a1 = u->a2;
            v->a1_text = u->a2_text;
        }
        if (!v->explicit_date && u->explicit_date) {
            v->date = u->date;
            v->time_precision = u->time_precision;
            v->explicit_date = 1;
        }
        return 1;
    }
    return 0;
}

/* "the battles", "the attack" with nothing told before: a state of
 * affairs, not a happening this article reports */
static void drop_untold(sr_coder *c)
{
    for (size_t i = 0; i < c->nevs; i++) {
        sr_ev *v = &c->evs[i];
        /* unless it tells all of a happening: "ISIS claimed responsibility
         * for the attack, which killed 23 people in Kabul" */
        int whole = v->anaphoric && !v->unplaced && v->a1 >= 0 && v->has_loc && v->fatalities > 0 && !v->split;
        /* "the death toll from Tuesday's attack on a church in Kasindi has
         * risen to 17": a day, a place and its dead, whoever did it */
        whole |= v->anaphoric && !v->unplaced && v->has_loc && v->explicit_date && v->fatalities > 0 && !v->split &&
                 v->loc.has_coords;
        /* "At least four people were killed in the unrest in the city of
         * Peshawar": its dead at a town found on the map */
        whole |= v->anaphoric && !v->unplaced && v->has_loc && v->fatalities > 0 && !v->split &&
                 v->loc.has_coords && v->loc.precision == 1;
        /* "Suspected ADF rebels killed at least 42 people in attacks on
         * several villages in the Beni territory": no later telling named
         * one; its dead stand at the district that holds them all */
        /* (unless its places were told as happenings of their own: "IS
         * fighters attacked villages in the Menaka region, killing 20" then
         * attacks on Tadjalalt and Inekar) */
        int parts = 0;
        for (size_t j = 0; j < c->nevs && v->unplaced && v->has_holder; j++)
            parts |= j != i && !c->evs[j].dead && c->evs[j].mod == v->mod && c->evs[j].type == v->type &&
                     c->evs[j].a1 == v->a1;
        /* (and a taking of ground with its day told, dead or not: "The
         * SDF on Wednesday captured several neighbourhoods in the city of
         * Raqqa from the Islamic State"; not "Troops shelled several towns
         * in Idlib province on Monday", no one place hit) */
        if (v->unplaced && !v->anaphoric && !v->dead && v->has_holder &&
            (v->fatalities > 0 || (v->explicit_date && is_territory(v->sub))) && !parts) {
            v->unplaced = 0;
            v->has_loc = 1;
            v->loc = v->holder;
            if (v->loc.precision < 2)
                v->loc.precision = 2;
            continue;
        }
        if (v->unplaced && !v->anaphoric && !v->dead && placed_beside(c, v))
            continue;
        /* "DHAKA - ... as hundreds of thousands of protesters defied a
         * curfew and stormed her official residence": a happening of the
         * lede that no sentence places is in the dateline's city, when
         * the story is of that city's country (near it: precision 2) */
        /* (not a lede that sums up happenings placed later: "At least
         * seven people were killed as security forces fired on protesters"
         * above the towns where they were) */
        int placed_later = 0;
        for (size_t j = 0; j < c->nevs && v->unplaced && v->nothing_told; j++)
            placed_later |= j != i && !c->evs[j].dead && c->evs[j].has_loc && c->evs[j].mod == v->mod;
        if (v->unplaced && !v->anaphoric && !v->dead && v->nothing_told && v->sent <= 1 && !placed_later &&
            dateline_city(c, v)) {
            v->unplaced = 0;
            continue;
        }
        /* (and a crowd's of the lede told only in its country: "TBILISI -
         * Police in Georgia detained at least 20 people overnight as
         * thousands of protesters rallied outside parliament") */
        if (!v->dead && !v->anaphoric && v->sent <= 1 && crowd_type(v->type) &&
            v->has_loc && v->loc.kind == PK_COUNTRY && dateline_city(c, v))
            continue;
        /* "The killings in Nodin and Soro villages": a telling of the
         * happening before at several places, one of them merged into it,
         * the others its parts at their own places */
        /* (not the landmarks of one area: "in the area near Conoco and
         * al-Jafra gas fields") */
        if (v->anaphoric && v->split && !v->dead && v->has_loc && !v->near_place && sibling_of_told(c, v))
            continue;
        if (v->anaphoric && !v->dead && v->has_loc && strikes_past_defences(c, v))
            continue;
        if ((v->anaphoric || v->unplaced) && !v->dead && !whole) {
            v->dead = 1;
            if (c->explain)
                sr_explain(c, "dropped: sentence %d's %s: %s", v->sent, c->eng->d.tax.subs[v->sub].name,
                           v->anaphoric ? "it refers to a happening the article did not tell"
                                        : "no later mention placed it");
        }
    }
}

/* A stable id: same input, same id; unique among the first k events
 * of out (out[k - 1] is this one). */
static const char *event_id(sr_coder *c, const sr_ev *v, const sr_event *out, size_t k)
{
    uint64_t h = sr_hash64(c->doc_id, strlen(c->doc_id), SR_HASH_SEED);
    const char *ln = v->loc.name ? v->loc.name : "", *an = v->a1 >= 0 ? c->ents[v->a1].name : "";
    char head[40];
    int hn = fmt_int(head, '|', v->sent);
    hn += fmt_int(head + hn, '|', v->sub);
    head[hn++] = '|';
    size_t lnl = strlen(ln), anl = strlen(an);
    char tail[16];
    int tn = fmt_int(tail, '|', v->tok);
    if ((size_t)hn + lnl + 1 + anl + (size_t)tn > 511) {
        char key[512];
        snprintf(key, sizeof key, "|%d|%d|%s|%s|%d", v->sent, v->sub, ln, an, v->tok);
        h = sr_hash64(key, strlen(key), h);
    } else {
        h = sr_hash64(head, (size_t)hn, h);
        h = sr_hash64(ln, lnl, h);
        h = sr_hash64("|", 1, h);
        h = sr_hash64(an, anl, h);
        h = sr_hash64(tail, (size_t)tn, h);
    }
    static const char hex[] = "0123456789abcdef";
    char *id = sr_arena_alloc(&c->arena, 17);
    if (id) {
        for (int q = 0; q < 16; q++)
            id[q] = hex[(h >> (60 - 4 * q)) & 15];
        id[16] = 0;
    }
    /* ids are unique within an article whatever the input: another
     * event that hashed alike gets the next free id */
    for (size_t q = 0; id && q + 1 < k; q++)
        if (!strcmp(out[q].event_id, id)) {
            h = sr_mix64(h + 1);
            for (int x = 0; x < 16; x++)
                id[x] = hex[(h >> (60 - 4 * x)) & 15];
            q = (size_t)-1;
        }
    return id;
}

/* "nine volunteers and four soldiers were killed in Bourzanga": an attack
 * no one is named for is an unidentified armed group's, as ACLED codes
 * it; "four militants were killed in two encounters": militants die
 * fighting the state's forces. Done once the mentions are merged, so that
 * a later sentence may still name the doer. */
static void name_the_unnamed(sr_coder *c, sr_ev *v)
{
    if (v->a1 >= 0 || v->a2 < 0 || c->focus_country < 0)
        return;
    if (!(v->type == TYPE_BATTLES || v->type == TYPE_VAC || v->sub == SUB_IED || v->sub == SUB_SUICIDE ||
          v->sub == SUB_GRENADE))
        return;
    const sr_entity *a2 = &c->ents[v->a2];
    if (v->type == TYPE_BATTLES && (a2->flags & ACT_NONSTATE) && (a2->flags & ACT_ARMED) &&
        !(a2->flags & ACT_UNKNOWN) && a2->def < 0)
        v->a1 = sr_entity_generic(c, "MIL", 0, c->focus_country);
    else if (a2->flags & (ACT_STATE | ACT_CIVILIAN))
        v->a1 = sr_entity_generic(c, "UAG", 0, c->focus_country);
    v->a1_text = NULL;
}

/* A battle is fought by armed sides: civilians told as its other side are
 * the dead it left ("Clashes between rival factions of the Sinaloa Cartel
 * left 11 people dead"), no side; against the state's forces, armed men
 * of no name ("South African police shot dead eight suspected robbers in a
 * shootout"). Crowds and protesters stay, which a riot's fight names. */
static void no_civilian_side(sr_coder *c, sr_ev *v)
{
    if (v->type != TYPE_BATTLES || v->a2 < 0)
        return;
    uint32_t f = c->ents[v->a2].flags;
    if (!(f & ACT_CIVILIAN) || (f & (ACT_PROTESTER | ACT_CROWD)))
        return;
    if (v->a1 >= 0 && (c->ents[v->a1].flags & ACT_STATE) && (c->ents[v->a1].flags & ACT_ARMED) && c->focus_country >= 0)
        v->a2 = sr_entity_generic(c, "UAG", 0, c->focus_country);
    else
        v->a2 = -1;
    v->a2_text = NULL;
    /* (a battle with no side named is armed men's: "illegal miners had
     * attacked its La Poderosa mine ..., killing two security guards") */
    if (v->a1 < 0 && c->focus_country >= 0) {
        v->a1 = sr_entity_generic(c, "UAG", 0, c->focus_country);
        v->a1_text = NULL;
    }
}

/* "CAIRO - Israeli tanks pushed into the centre of Rafah" then "At least
 * 21 people were killed in an Israeli strike on tents west of the city":
 * people no word gave a country are the people of the place where it
 * befell them, not of the story's first country. */
static void civilians_of_the_place(sr_coder *c, sr_ev *v)
{
    if (v->a2 < 0 || !v->has_loc || !v->loc.cc[0] || !v->a2_text || !(v->a2_text[0] >= 'a' && v->a2_text[0] <= 'z'))
        return;
    const sr_entity *en = &c->ents[v->a2];
    /* (the story's country, given them for want of a word: not "a convoy
     * carrying Chinese engineers" in Pakistan) */
    if (en->def >= 0 || !sr_streq(en->sector, "CVL") || (en->flags & (ACT_PROTESTER | ACT_CROWD)) ||
        en->country != c->focus_country)
        return;
    int k = sr_country_find(&c->eng->d, v->loc.cc);
    if (k < 0 || k == en->country)
        return;
    int ne = sr_entity_generic(c, "CVL", 0, k);
    if (ne >= 0)
        v->a2 = ne;
}

/* The public event for the merged one v. */
static void fill_event(sr_coder *c, const sr_ev *v, sr_event *o)
{
    o->doc_id = c->doc_id;
    o->sentence = v->sent;
    o->text = "";
    for (size_t si = 0; si < c->nsents; si++)
        if (c->sents[si].index == v->sent) {
            o->text = c->sents[si].text;
            break;
        }
    o->date = date_str(c, v);
    o->time_precision = v->has_date ? (v->time_precision ? v->time_precision : 1) : 3;
    const sr_taxonomy *tax = &c->eng->d.tax;
    o->type = tax->types[v->type].name;
    o->sub_type = tax->subs[v->sub].name;
    o->cameo = sr_tax_cameo_of(tax, v->sub, v->cls, &o->quad_class);
    o->mentions = v->mentions;
    if (v->a1 >= 0) {
        o->has_a1 = 1;
        o->a1.name = c->ents[v->a1].name;
        o->a1.code = c->ents[v->a1].code;
        o->a1.text = v->a1_text ? v->a1_text : c->ents[v->a1].name;
    }
    if (v->a2 >= 0) {
        o->has_a2 = 1;
        o->a2.name = c->ents[v->a2].name;
        o->a2.code = c->ents[v->a2].code;
        o->a2.text = v->a2_text ? v->a2_text : c->ents[v->a2].name;
    }
    if (v->has_loc) {
        o->has_loc = 1;
        o->loc.name = v->loc.name;
        o->loc.admin1 = v->loc.admin1;
        o->loc.country = v->loc.cc[0] ? sr_arena_strdup(&c->arena, v->loc.cc) : NULL;
        o->loc.lat = v->loc.lat;
        o->loc.lon = v->loc.lon;
        o->loc.has_coords = v->loc.has_coords;
        o->loc.geo_precision = v->loc.precision ? v->loc.precision : 1;
        /* a place with no point is not known to the town: ACLED's
         * precision 1 always comes with coordinates; its province's
         * point, when the province is known, says where at least
         * ("al-Barth", in North Sinai) */
        if (!v->loc.has_coords) {
            o->loc.geo_precision = 3;
            int pe = v->loc.admin1 ? sr_admin1_entry(&c->eng->d, v->loc.admin1, v->loc.cc) : -1;
            if (pe >= 0) {
                o->loc.lat = c->eng->d.places[pe].lat;
                o->loc.lon = c->eng->d.places[pe].lon;
                o->loc.has_coords = 1;
            }
        }
        o->loc.text = v->loc.text;
    }
    o->fatalities = v->fatalities;
    o->modality = v->mod;
}

/* "Turkish security forces 'neutralized' at least five PKK terrorists in
 * northern Iraq" then "The terrorists were neutralized during an air
 * operation in the Haftanin and Gara region": the same dead told again in
 * the next sentence by their side alone, at finer places of the country
 * and by what struck them, are that killing. Its doer is theirs; the first
 * telling, placed only by its region, adds no event (its toll goes to the
 * second only when that names one place). */
static void victims_told_again(sr_coder *c)
{
    for (size_t i = 0; i < c->nevs; i++) {
        sr_ev *u = &c->evs[i];
        /* (dead of a named armed side: the civilians of "In a separate
         * attack on the same day, gunmen killed dozens of people at a
         * mosque in Natiaboani" are others) */
        if (u->dead || u->cls != EV_KILL || u->a1 < 0 || u->a2 < 0 || !u->has_loc || u->loc.precision < 3 ||
            c->ents[u->a2].def < 0 || !(c->ents[u->a2].flags & ACT_ARMED))
            continue;
        for (size_t j = 0; j < c->nevs; j++) {
            sr_ev *v = &c->evs[j];
            if (v->dead || v->sent != u->sent + 1 || (v->cls != EV_KILL && !(v->type == TYPE_EXPLOSIONS && v->dead_ent == u->a2)) ||
                (v->a1 >= 0 && v->a1 != u->a1) || v->a2 != u->a2 ||
                v->fatalities > 0 || !v->has_loc || v->loc.precision >= u->loc.precision ||
                strcmp(v->loc.cc, u->loc.cc) || v->mod != u->mod || v->distinct || !date_compatible(u, v))
                continue;
            int n = 0;
            for (size_t k = 0; k < c->nevs; k++)
                n += !c->evs[k].dead && c->evs[k].sent == v->sent && c->evs[k].tok == v->tok;
            if (c->explain)
                sr_explain(c, "merged: sentence %d's %s into sentence %d's %s (its dead told again, where and how)",
                           u->sent, c->eng->d.tax.subs[u->sub].name, v->sent, c->eng->d.tax.subs[v->sub].name);
            for (size_t k = 0; k < c->nevs; k++) {
                sr_ev *w = &c->evs[k];
                if (w->dead || w->sent != v->sent || w->tok != v->tok)
                    continue;
                w->a1 = u->a1;
                w->a1_text = u->a1_text;
                w->mentions += u->mentions;
                if (n == 1)
                    w->fatalities = u->fatalities;
            }
            u->dead = 1;
            u->merged_into = j + 1;
            break;
        }
    }
}

void sr_assemble(sr_coder *c)
{
    if (c->nevs)
        qsort(c->evs, c->nevs, sizeof *c->evs, cmp_ev);
    fold_headlines(c);
    fold_summaries(c);
    /* the words of one sentence first: "the attackers detonated an
     * improvised explosive device" is one blast before it is part of the
     * ambush told before */
    merge_mentions(c, 1);
    merge_mentions(c, 0);
    victims_told_again(c);
    claim_details(c);
    bare_claims(c);
    named_later(c);
    drop_untold(c);
    size_t live = 0;
    for (size_t i = 0; i < c->nevs; i++)
        if (!c->evs[i].dead)
            live++;
    sr_event *out = sr_arena_calloc(&c->arena, (live ? live : 1) * sizeof *out);
    if (!out) {
        c->res.n = 0;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < c->nevs; i++) {
        sr_ev *v = &c->evs[i];
        if (v->dead)
            continue;
        sr_event *o = &out[k++];
        no_civilian_side(c, v);
        civilians_of_the_place(c, v);
        name_the_unnamed(c, v);
        fill_event(c, v, o);
        o->confidence = sr_confidence(c, v);
        o->event_id = event_id(c, v, out, k);
    }
    c->res.ev = out;
    c->res.n = k;
}
