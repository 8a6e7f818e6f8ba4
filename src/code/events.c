/* The coder's driver: a sentence's event words through the passes (see
 * pass.h), strong words first, then the outcomes no strong word took;
 * and one event per place for each word that tells a happening.
 *
 * In: an analysed sentence. Out: events appended to c->evs (assemble.c
 * then merges the mentions of one happening across the article). */
#include <string.h>

#include "pass.h"

/* ---- emitting ---------------------------------------------------------------- */

static sr_ev *new_ev(sr_coder *c)
{
    if (c->nevs == c->cap_evs) {
        size_t nc = c->cap_evs ? c->cap_evs * 2 : 16;
        sr_ev *ne = sr_arena_realloc(&c->arena, c->evs, c->cap_evs * sizeof *ne, nc * sizeof *ne);
        if (!ne)
            return NULL;
        c->evs = ne;
        c->cap_evs = nc;
    }
    sr_ev *v = &c->evs[c->nevs++];
    memset(v, 0, sizeof *v);
    v->a1 = v->a2 = -1;
    v->fatalities = -1;
    v->loc_place = -1;
    v->loc_gaz = -1;
    v->mentions = 1;
    v->sib_sent = -9;
    return v;
}

static void set_loc(sr_ev *v, const sr_pmention *p, int near)
{
    v->has_loc = 1;
    v->loc_name = p->name;
    v->loc_admin1 = p->admin1;
    v->loc_text = p->text;
    memcpy(v->loc_cc, p->cc, 3);
    v->lat = p->lat;
    v->lon = p->lon;
    v->has_coords = p->has_coords;
    v->precision = p->precision;
    if (near && v->precision < 2)
        v->precision = 2;
    v->loc_place = p->place;
    v->loc_gaz = p->gaz;
    v->loc_kind = p->kind;
}

/* The date of an event in sentence s near token t. */

/* One event per place of the word. */
static void emit(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_dicts *d = &c->eng->d;
    const sr_trig *t = k->t;
    sr_modality mod = sr_modality_of(c, s, t, &x->cl);
    /* one event per place */
    int nloc = k->lp.n ? k->lp.n : 1;
    for (int li = 0; li < nloc; li++) {
        sr_ev *v = new_ev(c);
        if (!v) {
            c->failed = 1;
            return;
        }
        v->sent = s->index;
        v->tok = t->s;
        v->cls = k->cls;
        v->sub = k->sub;
        v->type = k->type;
        v->a1 = k->a1e;
        v->a2 = k->a2e;
        v->a1_text = k->a1t;
        v->a2_text = k->a2t;
        v->fatalities = nloc > 1 ? -1 : k->fat;
        v->split = nloc > 1;
        v->mod = mod;
        v->date = k->proto.date;
        v->has_date = k->proto.has_date;
        v->time_precision = k->proto.time_precision;
        v->explicit_date = k->proto.explicit_date;
        v->anaphoric = k->anaphoric;
        v->unplaced = k->unplaced;
        v->generic = (k->cls == EV_ATTACK || k->cls == EV_SHOOT || k->cls == EV_KILL) && !k->weapons;
        if (k->lp.n) {
            const sr_pmention *p = &s->pm[k->lp.pm[li]];
            set_loc(v, p, p->near);
            /* a place known only by its words: its container says
             * where at least */
            if (!v->has_coords && p->container >= 0 && s->pm[p->container].has_coords) {
                const sr_pmention *q = &s->pm[p->container];
                if (!v->loc_admin1)
                    v->loc_admin1 = q->admin1 ? q->admin1 : (q->kind == PK_ADMIN1 ? q->name : NULL);
                if (!v->loc_cc[0])
                    memcpy(v->loc_cc, q->cc, 3);
            }
        } else if (k->lp.prev_ev) {
            const sr_ev *pv = k->lp.prev_ev;
            v->has_loc = 1;
            v->loc_name = pv->loc_name;
            v->loc_admin1 = pv->loc_admin1;
            v->loc_text = pv->loc_text;
            memcpy(v->loc_cc, pv->loc_cc, 3);
            v->lat = pv->lat;
            v->lon = pv->lon;
            v->has_coords = pv->has_coords;
            v->precision = pv->precision < 2 && k->lp.refloc == 2 ? 2 : pv->precision;
            v->loc_place = pv->loc_place;
            v->loc_kind = pv->loc_kind;
        } else if (k->lp.ctx) {
            set_loc(v, k->lp.ctx, k->lp.refloc == 2);
            v->loc_text = k->lp.ctx->text;
        }
        if (!v->loc_cc[0] && c->focus_country >= 0)
            memcpy(v->loc_cc, d->countries[c->focus_country].iso2, 3);
    }
}

/* One event word through the passes. */
static void code_word(sr_coder *c, sr_sent *s, const sr_sctx *x, sr_trig *t, int pass)
{
    cand k;
    if (sr_word_meaning(c, s, x, t, pass, &k) || sr_filter(c, s, x, &k, FILTER_WORD))
        return;
    sr_assign_roles(c, s, x, &k);
    if (sr_filter(c, s, x, &k, FILTER_ROLES))
        return;
    sr_attach_deaths(c, s, x, &k);
    sr_attach_context(c, s, x, &k);
    if (sr_filter(c, s, x, &k, FILTER_CONTEXT))
        return;
    sr_classify(c, s, &k);
    if (sr_filter(c, s, x, &k, FILTER_TYPE))
        return;
    sr_roles_by_type(c, s, &k);
    emit(c, s, x, &k);
}

void sr_code_sentence(sr_coder *c, sr_sent *s)
{
    sr_sctx x;
    if (!s->ntok || !sr_find_triggers(c, s) || sr_sentence_context(c, s, &x))
        return;
    /* strong words first, then the outcomes no strong word took */
    for (int pass = 0; pass < 2; pass++)
        for (size_t ti = 0; ti < s->ntg; ti++)
            code_word(c, s, &x, &s->tg[ti], pass);
}
