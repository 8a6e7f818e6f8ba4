/* The coder's driver: a sentence's event words through the passes (see
 * pass.h), strong words first, then the outcomes no strong word took;
 * and one event per place for each word that tells a happening.
 *
 * In: an analysed sentence. Out: events appended to c->evs (assemble.c
 * then merges the mentions of one happening across the article). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../util/str.h"
#include "pass.h"

void sr_explain(sr_coder *c, const char *fmt, ...)
{
    if (!c->explain)
        return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    sr_buf_puts(&c->trace, line);
    sr_buf_putc(&c->trace, '\n');
}

/* "bombed" (BOMB verb) */
static const char *word_of(sr_coder *c, const sr_sent *s, const sr_trig *t, const sr_trigger_def *td, char *buf,
                           size_t cap)
{
    const char *w = span_text(c, s, t->s, t->e);
    snprintf(buf, cap, "\"%s\" (%s %s%s)", w ? w : "?", c->eng->d.tax.classes[td->cls].key,
             (td->opts & TRG_NOUN) ? "noun" : "verb", t->passive ? ", passive" : "");
    return buf;
}

/* What an event word became, for --explain. */
static void explain_event(sr_coder *c, const sr_sent *s, const cand *k)
{
    const sr_taxonomy *tax = &c->eng->d.tax;
    char w[256];
    word_of(c, s, k->t, k->td, w, sizeof w);
    if (k->rule >= 0) {
        const char *f = strrchr(tax->rules[k->rule].file, '/');
        sr_explain(c, "  %s: %s / %s, by %s:%ld \"%s\"", w, tax->types[k->type].name, tax->subs[k->sub].name,
                   f ? f + 1 : tax->rules[k->rule].file, tax->rules[k->rule].line, tax->rules[k->rule].text);
    }
    else
        sr_explain(c, "  %s: %s / %s, as the attack told just before", w, tax->types[k->type].name,
                   tax->subs[k->sub].name);
    sr_explain(c, "    actor1: %s%s%s", k->a1e >= 0 ? c->ents[k->a1e].name : "-", k->a1t ? " <- " : "",
               k->a1t ? k->a1t : "");
    sr_explain(c, "    actor2: %s%s%s", k->a2e >= 0 ? c->ents[k->a2e].name : "-", k->a2t ? " <- " : "",
               k->a2t ? k->a2t : "");
    const locpick *lp = &k->lp;
    if (lp->n)
        for (int i = 0; i < lp->n; i++) {
            const sr_pmention *p = &s->pm[lp->pm[i]];
            sr_explain(c, "    place: %s (p%d) <- %s", p->loc.name ? p->loc.name : "?",
                       p->near && p->loc.precision < 2 ? 2 : p->loc.precision, p->loc.text ? p->loc.text : "?");
        }
    else if (lp->prev_ev)
        sr_explain(c, "    place: %s, the place of the event told just before",
                   lp->prev_ev->loc.name ? lp->prev_ev->loc.name : "?");
    else if (lp->ctx)
        sr_explain(c, "    place: %s, named in an earlier sentence", lp->ctx->loc.name ? lp->ctx->loc.name : "?");
    else
        sr_explain(c, "    place: none yet (a later mention may place it)");
    char d[16] = "-";
    if (k->proto.has_date)
        sr_date_format(&k->proto.date, d);
    char dead[24] = "none told";
    if (k->fat >= 0)
        snprintf(dead, sizeof dead, "%ld", k->fat);
    sr_explain(c, "    date: %s%s; dead: %s", d, k->proto.explicit_date ? "" : " (the article's date)", dead);
    if (k->background)
        sr_explain(c, "    background: history told in the story, not news of its days");
}

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
    v->dead_ent = -1;
    v->loc.place = -1;
    v->loc.gaz = -1;
    v->mentions = 1;
    v->sib_sent = -9;
    return v;
}

/* "the attackers", "the gunmen": a word that names no one by itself,
 * after "the", points back at the doers just told of */
static int back_reference(const sr_coder *c, const sr_sent *s, int men)
{
    if (men < 0)
        return 0;
    const sr_mention *m = &s->men[men];
    return m->agent >= 0 && (c->eng->d.agents[m->agent].flags & ACT_REFER) && m->s > 0 &&
           s->tok[m->s - 1].id == c->eng->w.the;
}

static void set_loc(sr_ev *v, const sr_pmention *p, int near)
{
    v->has_loc = 1;
    v->loc = p->loc;
    if (near && v->loc.precision < 2)
        v->loc.precision = 2;
}

/* "ANKARA - At least five PKK terrorists were neutralized in northern
 * Iraq, ..." then "in an air-supported operation in the Gara region": a
 * place no list knows is in the country of the place told last (this
 * sentence's before it, or the sentence before's), not the story's. */
static void country_told_last(const sr_coder *c, size_t si, size_t before, sr_ev *v)
{
    for (size_t k = si + 1; k > 0 && si + 1 - k <= 1; k--) {
        const sr_sent *s = &c->sents[k - 1];
        for (size_t j = s->npm; j > 0; j--) {
            const sr_pmention *p = &s->pm[j - 1];
            if (k - 1 == si && p->s >= before)
                continue;
            if (p->loc.cc[0] && usable_place(p)) {
                memcpy(v->loc.cc, p->loc.cc, 3);
                return;
            }
        }
    }
}

/* "Hnan Khar Village", in no list, in a story told "in Magwe Region": a
 * place with no point takes the point of the province the sentence, or the
 * story before it (else after it), names in its country, else a city
 * named just before; at precision 3 (only the area is known). */
/* Whether the city p of sentence ps was told with the name of place v
 * after its "'s" ("western Mosul's Old City"): v is a part of that city. */
static int told_as_part_of(const sr_sent *ps, const sr_pmention *p, const sr_ev *v)
{
    if (!v->loc.name || (size_t)p->e + 1 >= ps->ntok || !(ps->tok[p->e].flags & TK_POSS))
        return 0;
    /* (strncasecmp stops at the text's end, so at[n] is read only
     * within it) */
    size_t n = strlen(v->loc.name);
    const char *at = ps->text + ps->tok[p->e + 1].off;
    return !strncasecmp(at, v->loc.name, n) && !isalnum((unsigned char)at[n]);
}

static void province_of_story(sr_coder *c, const sr_sent *s, const sr_sctx *x, sr_ev *v)
{
    /* (not a province no list knows: "in the Amazonian province of
     * Orellana" datelined QUITO is not at Quito, in Pichincha; another
     * place's point would say where it is not) */
    if (v->loc.kind == PK_ADMIN1)
        return;
    const sr_pmention *q = NULL;
    /* "in the Old City" after "western Mosul's Old City": a part of the
     * city told before, at its point, precision 2 */
    for (size_t k = x->si + 1; k > 0 && x->si + 1 - k <= 2; k--)
        for (size_t j = 0; j < c->sents[k - 1].npm; j++) {
            const sr_pmention *p = &c->sents[k - 1].pm[j];
            if ((p->loc.kind == PK_CITY || p->loc.kind == PK_TOWN) && p->loc.has_coords &&
                told_as_part_of(&c->sents[k - 1], p, v)) {
                v->loc.lat = p->loc.lat;
                v->loc.lon = p->loc.lon;
                v->loc.has_coords = 1;
                v->loc.precision = 2;
                if (!v->loc.admin1)
                    v->loc.admin1 = p->loc.admin1;
                return;
            }
        }
    /* "attacks on several villages in central Mali's Bankass district"
     * then "attacked the villages of Diallassagou, Dianweli and
     * Deguessagou": a district the story named before, finer than its
     * province, at precision 2 */
    for (size_t k = x->si + 1; !q && k > 0; k--)
        for (size_t j = c->sents[k - 1].npm; j > 0 && !q; j--) {
            const sr_pmention *p = &c->sents[k - 1].pm[j - 1];
            if (p->loc.kind == PK_ADMIN2 && p->loc.has_coords && p->loc.precision == 2 && !p->near &&
                usable_place(p) && v->loc.cc[0] && sr_streq(v->loc.cc, p->loc.cc))
                q = p;
        }
    if (q) {
        v->loc.lat = q->loc.lat;
        v->loc.lon = q->loc.lon;
        v->loc.has_coords = 1;
        v->loc.precision = 2;
        v->district_point = 1;
        if (!v->loc.admin1)
            v->loc.admin1 = q->loc.admin1;
        return;
    }
    /* (not where people came from: "shot dead two migrant workers from
     * Uttar Pradesh in the Budgam district of Kashmir") */
    for (size_t j = 0; j < s->npm && !q; j++)
        if (s->pm[j].loc.kind == PK_ADMIN1 && s->pm[j].loc.has_coords && usable_place(&s->pm[j]) &&
            !told_as_origin(c, s, &s->pm[j]))
            q = &s->pm[j];
    if (!q)
        q = sr_disc_context_place(c, x->si, PK_ADMIN1, 0);
    /* or a later sentence: "... an advocacy group in North Kivu province" */
    for (size_t k = x->si + 1; !q && k < c->nsents; k++)
        for (size_t j = 0; j < c->sents[k].npm && !q; j++) {
            const sr_pmention *p = &c->sents[k].pm[j];
            if (p->loc.kind == PK_ADMIN1 && p->loc.has_coords && !p->dateline && !p->refloc &&
                (!v->loc.cc[0] || sr_streq(v->loc.cc, p->loc.cc)))
                q = p;
        }
    /* else a city the sentence or the two before name: "Hifazat workers
     * from Bandarbazar", a quarter of the Sylhet the story is in */
    for (size_t k = x->si + 1; !q && k > 0 && x->si + 1 - k <= 2; k--)
        for (size_t j = 0; j < c->sents[k - 1].npm && !q; j++) {
            const sr_pmention *p = &c->sents[k - 1].pm[j];
            /* "..., a day after bandits abducted 20 people in Katsina":
             * another happening's town says nothing of this one */
            if (k == x->si + 1 && after_between(c->eng, s, p->s, (size_t)v->tok))
                continue;
            if ((p->loc.kind == PK_CITY || p->loc.kind == PK_TOWN) && p->loc.has_coords && p->loc.precision == 1 &&
                usable_place(p) &&
                (!v->loc.cc[0] || sr_streq(v->loc.cc, p->loc.cc)))
                q = p;
        }
    /* else the city of the dateline, in the event's country: "IDLIB,
     * Syria (AP) - A drone strike on a car near the town of Sarmada" */
    for (size_t j = 0; !q && c->nsents && j < c->sents[0].npm; j++) {
        const sr_pmention *p = &c->sents[0].pm[j];
        if (p->dateline && (p->loc.kind == PK_CITY || p->loc.kind == PK_TOWN) && p->loc.has_coords &&
            v->loc.cc[0] && sr_streq(v->loc.cc, p->loc.cc))
            q = p;
    }
    if (!q || !q->loc.has_coords || (v->loc.cc[0] && q->loc.cc[0] && !sr_streq(v->loc.cc, q->loc.cc)))
        return;
    v->loc.lat = q->loc.lat;
    v->loc.lon = q->loc.lon;
    v->loc.has_coords = 1;
    v->loc.precision = 3;
    if (!v->loc.admin1)
        v->loc.admin1 = q->loc.admin1 ? q->loc.admin1 : q->loc.name;
}

/* The date of an event in sentence s near token t. */

/* One event per place of the word. */

/* "Separately, SDF units thwarted an ISIS infiltration attempt near
 * Al-Shuhayl", "In a separate incident, ...": the sentence tells another
 * happening than those before it (words.txt DISTINCT). */
static int sentence_elsewhere(const sr_engine *e, const sr_sent *s)
{
    if (s->ntok > 2 && word_has(e, s->tok[0].id, WA_DISTINCT) && sr_tok_eq(&s->tok[1], ","))
        return 1;
    /* "In a separate incident," "In another attack," */
    if (s->ntok > 5 && s->tok[0].id == e->w.in)
        for (size_t i = 1; i < 4; i++)
            if (word_has(e, s->tok[i].id, WA_DISTINCT))
                for (size_t j = i + 1; j < i + 4 && j < s->ntok; j++)
                    if (sr_tok_eq(&s->tok[j], ","))
                        return 1;
    return 0;
}

/* "air strikes on JNIM positions near Niono and on Islamic State
 * positions near Menaka": a later place of the word, with a side named
 * just before it, is where that side was struck. */
static void place_own_target(sr_coder *c, const sr_sent *s, const cand *k, int li, sr_ev *v)
{
    const sr_pmention *prev = &s->pm[k->lp.pm[li - 1]], *here = &s->pm[k->lp.pm[li]];
    for (size_t q = 0; q < s->nmen; q++) {
        const sr_mention *m = &s->men[q];
        if (m->s < prev->e || m->e > here->s || m->ent < 0 || m->ent == v->a1 || m->pronoun || m->modifier)
            continue;
        if (!(c->ents[m->ent].flags & ACT_ARMED))
            continue;
        v->a2 = m->ent;
        v->a2_text = span_text(c, s, m->s, m->e);
        return;
    }
}

/* A common word's side of the story's country, no country told in its
 * words, as that of country cc (an index) instead: the entity, or ent
 * when it is no such side. */
static int of_country(sr_coder *c, const sr_sent *s, int ent, int cc)
{
    if (ent < 0 || cc < 0 || c->ents[ent].def >= 0 || c->ents[ent].country != c->focus_country ||
        cc == c->ents[ent].country)
        return ent;
    /* "WASHINGTON (AP) - Three U.S. Army soldiers were killed ... on a
     * small base in Jordan": a side whose country the words name is that
     * country's wherever it is */
    for (size_t i = 0; i < s->nmen; i++)
        if (s->men[i].ent == ent && s->men[i].country >= 0)
            return ent;
    char sector[4];
    memcpy(sector, c->ents[ent].sector, sizeof sector);
    int ne = sr_entity_generic(c, sector, c->ents[ent].flags, cc);
    return ne >= 0 ? ne : ent;
}

/* "Hezbollah ... fired rockets at an army base near Safed": the state's
 * forces named by a common word, struck at a place of another country
 * than the story's, are that country's (not Lebanon's army) */
static void forces_of_place(sr_coder *c, const sr_sent *s, sr_ev *v)
{
    if (v->a2 < 0 || !v->has_loc || !v->loc.cc[0] || c->focus_country < 0 || !(c->ents[v->a2].flags & ACT_STATE))
        return;
    int cc = sr_country_find(&c->eng->d, v->loc.cc);
    if (v->a1 >= 0 && c->ents[v->a1].country == cc)
        return;
    v->a2 = of_country(c, s, v->a2, cc);
}

/* Civilians and crowds no country is told for are the people of the
 * place where it happened, not of the story's country: "In Moscow, ...
 * riot police beat some protesters" in a story that names Madrid twice
 * (an entity id; -1 stays -1). */
static int people_of_place(sr_coder *c, const sr_sent *s, const sr_ev *v, int ent)
{
    /* (its own place: one borrowed from the happening told before may be
     * another's) */
    if (ent < 0 || !v->has_loc || !v->loc.cc[0] || v->place_before || v->place_ctx ||
        !(c->ents[ent].flags & (ACT_CIVILIAN | ACT_PROTESTER)))
        return ent;
    return of_country(c, s, ent, sr_country_find(&c->eng->d, v->loc.cc));
}

/* The dead of the first of several places told each with its own:
 * the word's count, less the later places' dead it took in. */
static long own_toll(const cand *k)
{
    long own = k->fat - k->lp.counted_on;
    return k->lp.counted_on > 0 && own > 0 ? own : k->fat;
}

static void emit(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k)
{
    const sr_dicts *d = &c->eng->d;
    const sr_trig *t = k->t;
    sr_modality mod = sr_modality_of(c, s, t, &x->cl);
    /* history told in the story: written with --all, as background */
    if (k->background && mod == SR_ASSERTED)
        mod = SR_BACKGROUND;
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
        v->a1_back = back_reference(c, s, k->a1);
        if (li > 0)
            place_own_target(c, s, k, li, v);
        v->fatalities = k->lp.tolls ? (li ? k->lp.fat[li] : own_toll(k)) : nloc > 1 ? -1 : k->fat;
        v->dead_ent = k->dead_ent;
        v->own_claim = v->fatalities > 0 && sr_told_by_doer(s, t->s, v->a1);
        v->distinct = role_before(c->eng, s, t->s, WA_DISTINCT) || part_of_told(s, t);
        /* "Two more Palestinians were killed in a drone strike": more dead
         * than those told, of another happening */
        for (size_t i = t->s > 10 ? t->s - 10 : 1; i < t->s && !v->distinct; i++) {
            sr_number num;
            v->distinct = word_has(c->eng, s->tok[i].id, WA_MORE) && sr_read_quantity(s->tok, s->ntok, i - 1, &num) == 1 &&
                          !num.vague && !num.is_year;
        }
        /* "clashes ... that killed at least 32 more people": more dead than
         * those told before */
        /* (its own count, not "and left 15 more injured") */
        for (size_t i = k->killw ? k->killw->e : s->ntok;
             i + 1 < s->ntok && i < (size_t)k->killw->e + 5 && !v->distinct && s->tok[i].id != c->eng->w.and_ &&
             !(s->tok[i].flags & TK_PUNCT);
             i++)
            v->distinct = word_has(c->eng, s->tok[i + 1].id, WA_MORE) && (s->tok[i].flags & TK_NUM);
        /* "Another strike on a home in Khan Younis": another of the same
         * doer's, when no other is named */
        /* (not "the airstrikes" told again in it) */
        int other_story = !v->distinct && !k->anaphoric && sentence_elsewhere(c->eng, s);
        if (other_story)
            v->distinct = 1;
        if (v->distinct && v->a1 < 0 && !other_story) {
            const sr_ev *pv = sr_disc_violence_within(c, s, 3);
            if (pv && pv->type == v->type && pv->sub == v->sub && pv->a1 >= 0) {
                v->a1 = pv->a1;
                v->a1_text = pv->a1_text;
            }
        }
        v->split = nloc > 1;
        v->mod = mod;
        v->date = k->proto.date;
        v->has_date = k->proto.has_date;
        v->time_precision = k->proto.time_precision;
        v->explicit_date = k->proto.explicit_date;
        v->said_date = k->proto.said_date;
        /* "Security sources said more than 70 people were killed": the
         * violence told just before, its toll told again */
        if (k->restates) {
            const sr_ev *pv = k->restates;
            if (pv->a1 >= 0) {
                v->a1 = pv->a1;
                v->a1_text = pv->a1_text;
            }
            if (pv->a2 >= 0) {
                v->a2 = pv->a2;
                v->a2_text = pv->a2_text;
            }
            v->date = pv->date;
            v->has_date = pv->has_date;
            v->time_precision = pv->time_precision;
        }
        v->anaphoric = k->anaphoric;
        v->target_told = k->target_told;
        v->adds = k->adds;
        v->unplaced = k->unplaced;
        v->nothing_told = k->unplaced && k->lp.n == 0 && !k->lp.vague && !k->lp.was_vague && k->lp.holder < 0;
        if (k->unplaced && k->lp.holder >= 0) {
            v->has_holder = 1;
            v->holder = s->pm[k->lp.holder].loc;
            /* ("in Kapoeta East county", a district no list places: the
             * story's country, as any place's; geocoding gave it its
             * province's point if it could) */
            if (!v->holder.cc[0] && c->focus_country >= 0)
                memcpy(v->holder.cc, c->eng->d.countries[c->focus_country].iso2, 3);
        }
        v->headline = s->headline;
        v->across = k->lp.across;
        v->noun = (k->td->opts & TRG_NOUN) != 0;
        v->definite = v->noun && definite_noun(c->eng, s, k->t);
        v->generic = (k->cls == EV_ATTACK || k->cls == EV_SHOOT || k->cls == EV_KILL || k->cls == EV_RAID) && !k->weapons;
        if (k->lp.n) {
            const sr_pmention *p = &s->pm[k->lp.pm[li]];
            set_loc(v, p, p->near);
            if (!v->loc.cc[0])
                country_told_last(c, x->si, p->s, v);
            v->near_place = p->near || p->prep == c->eng->w.near;
            v->across = p->prep == c->eng->w.across || p->prep == c->eng->w.throughout;
            /* a place known only by its words: its container says
             * where at least */
            /* "at the Lhubiriha Secondary School in Mpondwe": a site no
             * list knows, in a town that has a point, is at the town */
            /* (or "the Khirbet Al-Adas area in Rafah", "the Naser
             * neighbourhood of Rafah": a part of the town) */
            size_t nx = (size_t)k->lp.pm[li] + 1;
            size_t pe = p->e;
            if (nx < s->npm && s->pm[nx].s == pe + 2 && pe < s->ntok && word_has(c->eng, s->tok[pe].id, WA_PART_NOUN) &&
                tok_is(s, pe + 1, c->eng->w.of))
                pe++;
            else if (nx < s->npm && s->pm[nx].s == pe + 2 && pe < s->ntok && has_cue(s, pe, CUE_PN_TOWN))
                pe++;
            if ((!v->loc.has_coords || v->loc.precision >= 3) && p->pattern && nx < s->npm && s->pm[nx].s == pe + 1 &&
                (tok_is(s, pe, c->eng->w.in) || (pe > p->e && tok_is(s, pe, c->eng->w.of))) &&
                s->pm[nx].loc.has_coords && s->pm[nx].loc.precision == 1 &&
                (s->pm[nx].loc.kind == PK_TOWN || s->pm[nx].loc.kind == PK_CITY)) {
                const char *text = v->loc.text;
                v->loc = s->pm[nx].loc;
                v->loc.text = text;
            }
            /* "fired a ballistic missile at Ben Gurion airport near Tel
             * Aviv": a site no list knows near a town is in that town's
             * country and province (not the Yemen of the story) */
            else if (!v->loc.has_coords && p->pattern && nx < s->npm && s->pm[nx].s == pe + 1 &&
                     tok_is(s, pe, c->eng->w.near) && s->pm[nx].loc.cc[0] &&
                     (s->pm[nx].loc.kind == PK_TOWN || s->pm[nx].loc.kind == PK_CITY)) {
                memcpy(v->loc.cc, s->pm[nx].loc.cc, 3);
                if (!v->loc.admin1)
                    v->loc.admin1 = s->pm[nx].loc.admin1;
            }
            if (!v->loc.has_coords && p->container >= 0 && s->pm[p->container].loc.has_coords) {
                const sr_pmention *q = &s->pm[p->container];
                if (!v->loc.admin1)
                    v->loc.admin1 = q->loc.admin1 ? q->loc.admin1 : (q->loc.kind == PK_ADMIN1 ? q->loc.name : NULL);
                if (!v->loc.cc[0])
                    memcpy(v->loc.cc, q->loc.cc, 3);
            }
        } else if (k->lp.prev_ev) {
            const sr_ev *pv = k->lp.prev_ev;
            v->has_loc = 1;
            v->place_before = 1;
            v->before_sent = pv->sent;
            v->before_tok = pv->tok;
            v->loc = pv->loc;
            v->district_point = pv->district_point;
            if (v->loc.precision < 2 && k->lp.refloc == 2)
                v->loc.precision = 2;
        } else if (k->lp.ctx) {
            set_loc(v, k->lp.ctx, k->lp.refloc == 2);
            v->place_ctx = 1;
            v->loc.text = k->lp.ctx->loc.text;
        }
        if (!v->loc.cc[0] && c->focus_country >= 0)
            memcpy(v->loc.cc, d->countries[c->focus_country].iso2, 3);
        if (v->has_loc && !v->loc.has_coords)
            province_of_story(c, s, x, v);
        forces_of_place(c, s, v);
        v->a1 = people_of_place(c, s, v, v->a1);
        v->a2 = people_of_place(c, s, v, v->a2);
    }
}

/* --explain: why word t was not coded in this pass (skip: what
 * sr_word_meaning said). */
static void explain_skip(sr_coder *c, const sr_sent *s, const sr_trig *t, const cand *k, int skip, int pass)
{
    char w[256];
    const char *ws = span_text(c, s, t->s, t->e);
    if (k->dropped)
        sr_explain(c, "  %s: dropped (%s)", word_of(c, s, t, k->td, w, sizeof w), k->dropped);
    else if (skip == WORD_NO_MEANING && pass == 0)
        sr_explain(c, "  \"%s\": no meaning fits (its object is not what it needs)", ws ? ws : "?");
    else if (skip == WORD_USED && pass == 1)
        sr_explain(c, "  \"%s\": its dead belong to another word", ws ? ws : "?");
}

/* One event word through the passes. */
static void code_word(sr_coder *c, sr_sent *s, const sr_sctx *x, sr_trig *t, int pass)
{
    cand k;
    int skip = sr_word_meaning(c, s, x, t, pass, &k);
    if (!skip && !sr_filter(c, s, x, &k, FILTER_WORD)) {
        sr_assign_roles(c, s, x, &k);
        if (!sr_filter(c, s, x, &k, FILTER_ROLES)) {
            sr_attach_deaths(c, s, x, &k);
            sr_attach_context(c, s, x, &k);
            if (!sr_filter(c, s, x, &k, FILTER_CONTEXT)) {
                sr_classify(c, s, &k);
                if (!sr_filter(c, s, x, &k, FILTER_TYPE)) {
                    sr_roles_by_type(c, s, &k);
                    if (c->explain)
                        explain_event(c, s, &k);
                    emit(c, s, x, &k);
                    return;
                }
                /* a word with no type gives back the dead it took: "10
                 * people have been killed in an overnight raid ..., in an
                 * attack blamed on the ADF" (the raid is no event; the
                 * attack killed them) */
                if (k.killw && k.killw != t)
                    k.killw->used = 0;
                t->untyped = 1;
            }
        }
    }
    if (c->explain)
        explain_skip(c, s, t, &k, skip, pass);
}

void sr_code_sentence(sr_coder *c, sr_sent *s)
{
    sr_sctx x;
    if (!s->ntok || !sr_find_triggers(c, s) || sr_sentence_context(c, s, &x))
        return;
    sr_explain(c, "sentence %d: %s", s->index, s->text);
    /* strong words first, then the outcomes no strong word took */
    for (int pass = 0; pass < 2; pass++)
        for (size_t ti = 0; ti < s->ntg; ti++)
            code_word(c, s, &x, &s->tg[ti], pass);
}
