/* How sure the coder is of each event it writes. The evidence an event
 * has (a named actor rather than "gunmen", a town rather than a province,
 * a day told, the dead counted, the same happening told twice ...) is
 * weighed by data/confidence.txt, a logistic model calibrated on the gold
 * sets by scripts/calibrate.py: among events of confidence near 0.8, about
 * 8 in 10 matched a gold event there.
 *
 * In: an assembled event (after merging). Out: its confidence, 0 to 1,
 * and with --explain the evidence that made it. */
#include <math.h>
#include <string.h>

#include "../util/error.h"
#include "pass.h"

#define TEST(name) static int name(const sr_coder *c, const sr_ev *v)

TEST(a1_named) { return v->a1 >= 0 && c->ents[v->a1].def >= 0; }
TEST(a1_generic) { return v->a1 >= 0 && c->ents[v->a1].def < 0; }
TEST(a2_known) { (void)c; return v->a2 >= 0; }
TEST(place_town) { (void)c; return v->has_loc && v->loc.precision == 1 && v->loc.has_coords; }
/* a village in no list placed at its district's point is, as evidence,
 * a place the coder could not find: the point is for the map */
TEST(place_near) { (void)c; return v->has_loc && v->loc.precision == 2 && v->loc.has_coords && !v->district_point; }
TEST(place_region) { (void)c; return v->has_loc && v->loc.precision >= 3 && v->loc.has_coords; }
TEST(place_unknown) { (void)c; return !v->has_loc || !v->loc.has_coords || v->district_point; }
TEST(date_told) { (void)c; return v->explicit_date; }
TEST(dead_told) { (void)c; return v->fatalities >= 0; }
TEST(told_twice) { (void)c; return v->mentions >= 2; }
TEST(headline) { (void)c; return v->headline; }
TEST(generic_attack) { (void)c; return v->generic; }
TEST(lead) { (void)c; return v->sent <= 2; }
TEST(late) { (void)c; return v->sent >= 10; }
TEST(no_actors) { (void)c; return v->a1 < 0 && v->a2 < 0; }
TEST(noun_word) { (void)c; return v->noun; }
TEST(one_of_several_places) { (void)c; return v->split; }
TEST(type_battles) { (void)c; return v->type == TYPE_BATTLES; }
TEST(type_explosions) { (void)c; return v->type == TYPE_EXPLOSIONS; }
TEST(type_vac) { (void)c; return v->type == TYPE_VAC; }
TEST(type_protests) { (void)c; return v->type == TYPE_PROTESTS; }
TEST(type_riots) { (void)c; return v->type == TYPE_RIOTS; }
TEST(type_strategic) { (void)c; return v->type == TYPE_STRATEGIC; }

static const struct {
    const char *name;
    int (*test)(const sr_coder *c, const sr_ev *v);
} tests[] = {
    {"a1-named", a1_named},
    {"a1-generic", a1_generic},
    {"a2-known", a2_known},
    {"place-town", place_town},
    {"place-near", place_near},
    {"place-region", place_region},
    {"place-unknown", place_unknown},
    {"date-told", date_told},
    {"dead-told", dead_told},
    {"told-twice", told_twice},
    {"headline", headline},
    {"generic-attack", generic_attack},
    {"lead", lead},
    {"late", late},
    {"no-actors", no_actors},
    {"noun-word", noun_word},
    {"one-of-several-places", one_of_several_places},
    {"type-battles", type_battles},
    {"type-explosions", type_explosions},
    {"type-vac", type_vac},
    {"type-protests", type_protests},
    {"type-riots", type_riots},
    {"type-strategic", type_strategic},
};

sr_status sr_confidence_bind(sr_engine *e, sr_error *err)
{
    sr_conf_model *m = &e->d.conf;
    for (size_t i = 0; i < m->n; i++) {
        m->w[i].test = -1;
        for (size_t k = 0; k < sizeof tests / sizeof *tests; k++)
            if (!strcmp(tests[k].name, m->w[i].name))
                m->w[i].test = (int)k;
        if (m->w[i].test < 0)
            return sr_fail(err, SR_ERR_PARSE, m->w[i].file, m->w[i].line,
                           "unknown evidence '%s' (see the list at the top of confidence.txt)", m->w[i].name);
    }
    return SR_OK;
}

double sr_confidence(sr_coder *c, const sr_ev *v)
{
    const sr_conf_model *m = &c->eng->d.conf;
    double z = m->bias;
    char why[512];
    size_t wn = 0;
    why[0] = 0;
    /* every test asked once, unrolled into direct calls (a loop of calls
     * through the weights' indices mispredicted nearly every one) */
    uint64_t holds = 0;
    _Static_assert(sizeof tests / sizeof *tests <= 64, "one bit a test");
#pragma GCC unroll 64
    for (size_t k = 0; k < sizeof tests / sizeof *tests; k++)
        holds |= (uint64_t)(tests[k].test(c, v) != 0) << k;
    for (size_t i = 0; i < m->n; i++)
        if (holds >> m->w[i].test & 1)
            z += m->w[i].w;
    /* every piece of evidence that holds, weighed or not: what
     * scripts/calibrate.py fits the weights from */
    for (size_t k = 0; c->explain && k < sizeof tests / sizeof *tests; k++)
        if ((holds >> k & 1) && wn + strlen(tests[k].name) + 2 < sizeof why)
            wn += (size_t)snprintf(why + wn, sizeof why - wn, " %s", tests[k].name);
    double p = 1.0 / (1.0 + exp(-z));
    if (c->explain)
        sr_explain(c, "confidence: sentence %d's %s: %.2f from%s", v->sent, c->eng->d.tax.subs[v->sub].name, p,
                   wn ? why : " nothing");
    return p;
}
