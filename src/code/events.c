/* Events from event words: who acted (actor1), on whom (actor2), where,
 * when, how many died, and whether it happened at all (modality). The
 * ACLED type then follows from the event class, the weapon and the kinds
 * of the actors. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../dict/inflect.h"
#include "coder.h"
#include "numbers.h"
#include "../util/str.h"

/* ---- sentence structure ---------------------------------------------------- */

typedef struct clauses {
    int *hard; /* ; : split */
    int *soft; /* , ( ) - which who ... */
} clauses;

static int is_soft_break(const sr_engine *e, const sr_sent *s, size_t i)
{
    const sr_token *t = &s->tok[i];
    if (t->flags & TK_PUNCT) {
        const char *w = t->norm;
        if (w[0] && w[1])
            return 0;
        return w[0] == ',' || w[0] == '(' || w[0] == ')' || w[0] == '"' ||
               (w[0] == '-' && (t->flags & TK_SPACE_BEFORE));
    }
    return word_has(e, t->id, WA_SOFTBREAK);
}

static void make_clauses(sr_coder *c, const sr_sent *s, clauses *cl)
{
    const sr_engine *e = c->eng;
    cl->hard = sr_arena_alloc(&c->arena, (s->ntok + 1) * sizeof(int));
    cl->soft = sr_arena_alloc(&c->arena, (s->ntok + 1) * sizeof(int));
    if (!cl->hard || !cl->soft)
        return;
    int h = 0, so = 0;
    for (size_t i = 0; i < s->ntok; i++) {
        const char *w = s->tok[i].norm;
        if ((s->tok[i].flags & TK_PUNCT) && sr_streq(w, ";")) {
            h++;
            so++;
        } else if (is_soft_break(e, s, i)) {
            so++;
        }
        cl->hard[i] = h;
        cl->soft[i] = so;
    }
}

/* ---- trigger helpers ------------------------------------------------------- */

static const sr_trigger_def *tdef(const sr_coder *c, const sr_trig *t, int k)
{
    return &c->eng->d.triggers[t->def[k]];
}

static int is_be(const sr_engine *e, uint32_t id)
{
    return id && (id == e->w.was || id == e->w.were || id == e->w.is || id == e->w.are || id == e->w.been ||
                  id == e->w.being || id == e->w.be);
}

static const char *const adverbs[] = {"also", "reportedly", "then", "later", "just", "already", "still", "again",
                                      "allegedly", "all", "both", "each", "subsequently", "successfully"};

static int is_adverb_like(const sr_engine *e, const sr_token *t)
{
    size_t n = t->nlen;
    if (!(t->flags & TK_ALPHA))
        return 0;
    if (n > 3 && sr_streq(t->norm + n - 2, "ly"))
        return 1;
    return word_has(e, t->id, WA_ADVERB);
}

/* "were killed", "have been captured", "was reportedly abducted" */
static int is_passive(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    const sr_engine *e = c->eng;
    const sr_trigger_def *d = tdef(c, t, 0);
    if (!(d->opts & TRG_VERB) || (d->form != VF_PART && d->form != VF_PAST))
        return 0;
    size_t i = t->s;
    for (int hops = 0; i > 0 && hops < 4; hops++) {
        const sr_token *p = &s->tok[i - 1];
        if (is_be(e, p->id))
            return 1;
        if (is_adverb_like(e, p) || p->id == e->w.not || (p->flags & TK_NEG))
            i--;
        else
            break;
    }
    /* "N people killed", "a convoy hit by": a participle followed by "by" */
    if (t->e < s->ntok && s->tok[t->e].id == e->w.by && d->form == VF_PART)
        return 1;
    return 0;
}


/* ---- noun or verb ------------------------------------------------------------ */

static const char *const determiners[] = {
    "the", "a", "an", "its", "their", "his", "her", "these", "those", "this", "several", "many",
    "more", "further", "new", "recent", "numerous", "multiple", "fresh", "repeated", "heavy", "intense",
    "fierce", "deadly", "overnight", "retaliatory", "renewed", "separate", "two", "three", "some", "any", "no"};

static const char *const auxiliaries[] = {"to", "has", "have", "had", "will", "would", "could", "did",
                                          "does", "do", "it", "they", "he", "she", "we", "who", "which",
                                          "also", "reportedly", "allegedly", "then", "later", "repeatedly",
                                          "again"};

int sr_mark_event_words(sr_engine *e)
{
    return sr_mark_words(e, adverbs, sizeof adverbs / sizeof adverbs[0], WA_ADVERB) ||
                   sr_mark_words(e, determiners, sizeof determiners / sizeof determiners[0], WA_DET) ||
                   sr_mark_words(e, auxiliaries, sizeof auxiliaries / sizeof auxiliaries[0], WA_AUX)
               ? -1
               : 0;
}

static int is_det_word(const sr_engine *e, const sr_token *t)
{
    return word_has(e, t->id, WA_DET);
}

static int is_aux_word(const sr_engine *e, const sr_token *t)
{
    return word_has(e, t->id, WA_AUX);
}

/* 1 noun, 0 verb, -1 cannot tell: "the strikes killed" / "US strikes pro-Assad forces". */
static int pos_of(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    const sr_engine *e = c->eng;
    if (t->s > 0) {
        const sr_token *p = &s->tok[t->s - 1];
        if ((p->flags & (TK_POSS | TK_NUM)) || is_det_word(c->eng, p))
            return 1;
        if (is_aux_word(c->eng, p) || (p->flags & TK_NEG))
            return 0;
    } else {
        return 1;
    }
    if (t->e >= s->ntok)
        return 1;
    const sr_token *nx = &s->tok[t->e];
    if (nx->flags & TK_PUNCT)
        return 1;
    uint32_t id = nx->id;
    if (id && (id == e->w.on || id == e->w.against || id == e->w.by || id == e->w.in || id == e->w.at ||
               id == e->w.near || id == e->w.of || id == e->w.that || id == e->w.which || id == e->w.and_ ||
               id == e->w.was || id == e->w.were || id == e->w.is || id == e->w.are || id == e->w.have ||
               id == e->w.has || id == e->w.had || id == e->w.from || id == e->w.targeting))
        return 1;
    if (s->owner[t->e] >= 0 && s->m[s->owner[t->e]].kind == PH_TRIGGER)
        return 1; /* "strikes killed" */
    if (id == e->w.the || id == e->w.a || id == e->w.an || (nx->flags & TK_NUM) ||
        (s->owner[t->e] >= 0 && s->m[s->owner[t->e]].kind != PH_TRIGGER))
        return 0;
    return -1;
}

/* Keeps only the noun or only the verb meanings when the context says
 * which one the word is. */
static void settle_pos(const sr_coder *c, const sr_sent *s, sr_trig *t)
{
    int nouns = 0, verbs = 0;
    for (int k = 0; k < t->ndef; k++) {
        if (tdef(c, t, k)->opts & TRG_NOUN)
            nouns++;
        else
            verbs++;
    }
    if (!nouns || !verbs)
        return;
    int pos = pos_of(c, s, t);
    if (pos < 0)
        return;
    int j = 0;
    for (int k = 0; k < t->ndef; k++) {
        int is_noun = (tdef(c, t, k)->opts & TRG_NOUN) != 0;
        if (is_noun == pos)
            t->def[j++] = t->def[k];
    }
    t->ndef = j;
}

/* "The bombing targeted", "the attack killed": the verb tells about the
 * event the noun named, it is not another one. */
static int predicate_of_event_noun(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    if (t->s == 0)
        return 0;
    size_t j = t->s;
    for (int again = 1; again;) {
        again = 0;
        while (j > 0 && is_adverb_like(c->eng, &s->tok[j - 1]))
            j--;
        /* "three U.S. airstrikes on Sunday targeted" */
        for (size_t x = 0; x < s->ntx; x++)
            if (s->tx[x].e == j) {
                j = s->tx[x].s;
                if (j > 0 && (tok_word(s, j - 1, "on") || tok_word(s, j - 1, "late") || tok_word(s, j - 1, "early")))
                    j--;
                again = 1;
            }
    }
    for (size_t k = 0; k < s->ntg; k++) {
        const sr_trig *u = &s->tg[k];
        if (u == t || u->e != j)
            continue;
        for (int d = 0; d < u->ndef; d++)
            if (tdef(c, u, d)->opts & TRG_NOUN)
                return 1;
    }
    return 0;
}

/* "the attack", "the overnight strikes", "Sunday's attack": a happening
 * told before. */
static int definite_noun(const sr_sent *s, const sr_trig *t)
{
    /* "the capture of X", "the killing of": described here, not before */
    if (t->e < s->ntok && sr_tok_eq(&s->tok[t->e], "of"))
        return 0;
    for (size_t i = t->s, hops = 0; i > 0 && hops < 3; i--, hops++) {
        const sr_token *p = &s->tok[i - 1];
        const char *w = p->norm;
        if (sr_streq(w, "the") || sr_streq(w, "this") || sr_streq(w, "these") || sr_streq(w, "those") ||
            sr_streq(w, "that"))
            return 1;
        if ((p->flags & TK_POSS) && i >= 2 && sr_weekday_name(s->tok[i - 2].norm) >= 0)
            return 1;
        if (!(p->flags & TK_ALPHA) || (p->flags & TK_CAP) || s->owner[i - 1] >= 0)
            return 0;
    }
    return 0;
}

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

/* "by X", "blamed on X", "claimed by X" after the trigger. */
static int by_agent(const sr_coder *c, const sr_sent *s, size_t from, const clauses *cl)
{
    const sr_engine *e = c->eng;
    for (size_t i = from; i < s->ntok && i < from + 6; i++) {
        if (cl->hard[i] != cl->hard[from > 0 ? from - 1 : 0])
            break;
        int by = s->tok[i].id == e->w.by;
        int blamed = (sr_tok_eq(&s->tok[i], "blamed") || sr_tok_eq(&s->tok[i], "attributed")) && i + 1 < s->ntok &&
                     (s->tok[i + 1].id == e->w.on || s->tok[i + 1].id == e->w.to);
        if (!by && !blamed)
            continue;
        size_t st = i + 1 + (blamed ? 1 : 0);
        for (size_t k = 0; k < s->nmen; k++) {
            const sr_mention *m = &s->men[k];
            if (m->s >= st && m->s <= st + 2 && ment_ok_actor(c, m))
                return (int)k;
        }
        return -1;
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
static int subject_of(const sr_coder *c, const sr_sent *s, size_t t, const clauses *cl, int participle,
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
        if (en->flags & (ACT_SOURCE | forbid))
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
        double sc = -0.15 * (double)(t - m->e);
        if (cl->soft[m->s] == cl->soft[t])
            sc += 4.0;
        if (m->prep && m->prep != e->w.including)
            sc -= 3.0;
        if (m->paren)
            sc -= 4.0;
        if ((int)k == ms)
            sc += 1.5;
        if (m->poss && t - m->e <= 4)
            sc += 3.0;
        if (participle && (int)k == ms)
            sc += 3.0;
        /* adjacent: "ISIS abducted", "the army was still 30 km away after capturing" */
        size_t j = m->e;
        while (j < t && (is_adverb_like(e, &s->tok[j]) || is_be(e, s->tok[j].id) || s->tok[j].id == e->w.has ||
                         s->tok[j].id == e->w.have || s->tok[j].id == e->w.had || (s->tok[j].flags & TK_NEG) ||
                         s->owner[j] >= 0 ? (s->owner[j] >= 0 && s->m[s->owner[j]].kind == PH_TRIGGER) : 0))
            j++;
        if (j == t)
            sc += 2.0;
        if (en->flags & ACT_PERSON)
            sc -= 2.0;
        if (sc > bs) {
            bs = sc;
            best = (int)k;
        }
    }
    return best;
}

/* The first actor after token `from` in the clause, optionally only after
 * a given preposition. */
static int object_after(const sr_coder *c, const sr_sent *s, size_t from, const clauses *cl, size_t maxgap,
                        int direct_only)
{
    const sr_engine *e = c->eng;
    for (size_t k = 0; k < s->nmen; k++) {
        const sr_mention *m = &s->men[k];
        if (m->s < from || m->modifier || m->ent < 0)
            continue;
        if (m->s > from + maxgap)
            break;
        if (cl->hard[m->s] != cl->hard[from > 0 ? from - 1 : 0])
            break;
        if (c->ents[m->ent].flags & ACT_SOURCE)
            continue;
        if (direct_only && m->prep && m->prep != e->w.of && m->prep != e->w.including)
            continue;
        if (m->prep == e->w.by)
            continue;
        return (int)k;
    }
    return -1;
}

/* "clashes between A and B", "fighting between government troops and
 * Russia-backed rebels". */
static int between_pair(const sr_coder *c, const sr_sent *s, size_t from, int *b)
{
    const sr_engine *e = c->eng;
    for (size_t i = from; i < s->ntok && i < from + 4; i++) {
        if (s->tok[i].id != e->w.between && s->tok[i].id != e->w.among)
            continue;
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
            if (a >= 0 && m->s > s->men[a].e && m->s <= s->men[a].e + 3) {
                *b = (int)k;
                break;
            }
        }
        return a;
    }
    return -1;
}

/* "with X", "against X", "on X", "targeting X" after a trigger. */
static int target_after(const sr_coder *c, const sr_sent *s, size_t from, const clauses *cl, uint32_t *prep_out)
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
        if (sr_poss_after(s, k))
            for (size_t j = 0; j < s->npm; j++)
                if (s->pm[j].owner == (int16_t)k)
                    holder = 1;
        if (holder)
            continue;
        if (cl->hard[m->s] != cl->hard[from > 0 ? from - 1 : 0])
            break;
        if (m->prep == e->w.with || m->prep == e->w.against || m->prep == e->w.on || m->prep == e->w.at ||
            m->prep == e->w.of) {
            if (prep_out)
                *prep_out = m->prep;
            return (int)k;
        }
        /* "targeting X", "hitting X" */
        if (m->s > 0 && (sr_tok_eq(&s->tok[m->s - 1], "targeting") || sr_tok_eq(&s->tok[m->s - 1], "hitting"))) {
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

/* ---- weapons, victims, modality -------------------------------------------- */

enum { W_NONE = 0, W_AIR = 1, W_SHELL = 2, W_IED = 4, W_SUICIDE = 8, W_GRENADE = 16, W_CHEM = 32, W_SMALL = 64, W_CAR = 128 };

/* Weapons named in [a, b), leaving out the words of other event words
 * ("with the support of coalition air strikes" does not make an
 * offensive an air strike). */
static int weapons_in(const sr_sent *s, size_t a, size_t b, const sr_trig *self)
{
    int w = 0;
    if (b > s->ntok)
        b = s->ntok;
    const uint64_t any = (1ULL << CUE_W_AIR) | (1ULL << CUE_W_SHELL) | (1ULL << CUE_W_IED) | (1ULL << CUE_W_SUICIDE) |
                         (1ULL << CUE_W_GRENADE) | (1ULL << CUE_W_CHEM) | (1ULL << CUE_W_SMALLARMS) |
                         (1ULL << CUE_W_CARBOMB);
    if (!(s->cues & any))
        b = a;
    for (size_t i = a; i < b; i++) {
        uint64_t m = s->cuemask[i];
        /* most words name no weapon: no need to ask whose they are */
        if (!(m & any))
            continue;
        int other = 0;
        for (size_t k = 0; k < s->ntg; k++)
            if (&s->tg[k] != self && i >= s->tg[k].s && i < s->tg[k].e)
                other = 1;
        if (other)
            continue;
        if (m & (1ULL << CUE_W_AIR))
            w |= W_AIR;
        if (m & (1ULL << CUE_W_SHELL))
            w |= W_SHELL;
        if (m & (1ULL << CUE_W_IED))
            w |= W_IED;
        if (m & (1ULL << CUE_W_SUICIDE))
            w |= W_SUICIDE;
        if (m & (1ULL << CUE_W_GRENADE))
            w |= W_GRENADE;
        if (m & (1ULL << CUE_W_CHEM))
            w |= W_CHEM;
        if (m & (1ULL << CUE_W_SMALLARMS))
            w |= W_SMALL;
        if (m & (1ULL << CUE_W_CARBOMB))
            w |= W_CAR;
    }
    return w;
}

/* Where the trigger's clause starts and ends. */
static void clause_span(const sr_sent *s, const clauses *cl, size_t t, size_t *a, size_t *b)
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

static sr_modality modality_of(const sr_coder *c, const sr_sent *s, const sr_trig *t, const clauses *cl)
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
        if (has_cue(s, i, CUE_DENY))
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
            if (i + 1 < s->ntok && sr_tok_eq(&s->tok[i + 1], "only"))
                continue;
            if (sr_tok_eq(&s->tok[i], "without"))
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
    /* an infinitive: "the operation to chase Isis from Dashisha"; but
     * "rallied to protest" is the protest */
    if ((d->opts & TRG_VERB) && d->form == VF_BASE && t->s > 0 && s->tok[t->s - 1].id == e->w.to &&
        d->cls != EV_PROTEST) {
        const char *pw = t->s > 1 ? s->tok[t->s - 2].norm : "";
        static const char *const done[] = {"used", "began", "begun", "continued", "managed", "started", "went",
                                           "forced", "able", "continue", "continues", "continuing", "begins", "start", NULL};
        int real = 0;
        for (const char *const *p = done; *p; p++)
            if (sr_streq(pw, *p))
                real = 1;
        if (!real)
            return SR_PLANNED;
    }
    /* "depending on them to participate in the battles" */
    if (d->opts & TRG_NOUN) {
        for (size_t i = t->s > 5 ? (size_t)t->s - 5 : 0; i + 1 < t->s; i++)
            if (s->tok[i].id == e->w.to && (s->tok[i + 1].flags & TK_ALPHA) && s->tok[i + 1].id != e->w.the &&
                s->tok[i + 1].id != e->w.a && s->owner[i + 1] < 0 && !(s->tok[i + 1].flags & TK_CAP))
                return SR_PLANNED;
    }
    /* "before launching the attack" */
    if (t->s > 0) {
        for (size_t i = t->s > 3 ? t->s - 3 : 0; i < t->s; i++)
            if (s->tok[i].id == e->w.before && i + 1 < s->ntok && s->tok[i + 1].nlen > 3 &&
                sr_streq(s->tok[i + 1].norm + s->tok[i + 1].nlen - 3, "ing"))
                return SR_PLANNED;
    }
    return SR_ASSERTED;
}

/* ---- fatalities ------------------------------------------------------------- */

/* A quantity at token i, also "a"/"an" before a person: "killed a
 * journalist", "a shepherd was killed" count one. Not "a group of
 * militants": the person must come before any "of"; with np_end set, the
 * person must end the noun phrase there (not "an army checkpoint"). */
static size_t read_count(const sr_coder *c, const sr_sent *s, size_t i, size_t np_end, sr_number *num)
{
    size_t u = sr_read_quantity(s->tok, s->ntok, i, num);
    if (u || i >= s->ntok)
        return u;
    const char *w = s->tok[i].norm;
    if (!(w[0] == 'a' && (w[1] == 0 || (w[1] == 'n' && w[2] == 0))))
        return 0;
    static const char *const heads[] = {"commander", "leader", "member", "official", "officer", "emir",
                                        "spokesman", "militant", "fighter", "soldier", "policeman", NULL};
    const sr_engine *e = c->eng;
    for (size_t k = i + 1; k < s->ntok && k <= i + 4; k++) {
        if (s->tok[k].id == e->w.of || (s->tok[k].flags & TK_PUNCT))
            return 0;
        /* "a day after gunmen killed ...": the phrase ended before them */
        uint32_t id = s->tok[k].id;
        if (id && (id == e->w.after || id == e->w.before || id == e->w.in || id == e->w.on || id == e->w.at ||
                   id == e->w.by || id == e->w.and_ || id == e->w.with || id == e->w.from || id == e->w.to ||
                   id == e->w.for_ || id == e->w.near || id == e->w.during || id == e->w.against || id == e->w.that))
            return 0;
        /* "a senior al-Qaeda commander", "an ISIS member" */
        if (s->owner[k] < 0 && k > i + 1 && s->owner[k - 1] >= 0 && s->m[s->owner[k - 1]].kind == PH_ACTOR &&
            (np_end == (size_t)-1 || np_end == k + 1)) {
            for (const char *const *h = heads; *h; h++)
                if (sr_streq(s->tok[k].norm, *h)) {
                    memset(num, 0, sizeof *num);
                    num->value = 1;
                    return 1;
                }
        }
        if (k > i + 3)
            break;
        if (s->owner[k] >= 0 && s->m[s->owner[k]].kind == PH_AGENT) {
            if (np_end != (size_t)-1 && s->m[s->owner[k]].end != np_end)
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

static long count_before(const sr_coder *c, const sr_sent *s, size_t end, int *found)
{
    const sr_engine *e = c->eng;
    /* skip the auxiliaries and adverbs: "were reportedly", "have been" */
    size_t j = end;
    while (j > 0 && (is_be(e, s->tok[j - 1].id) || is_adverb_like(e, &s->tok[j - 1]) || s->tok[j - 1].id == e->w.have ||
                     s->tok[j - 1].id == e->w.has || s->tok[j - 1].id == e->w.had))
        j--;
    /* walk back over the noun phrase(s), reading numbers */
    long total = 0;
    *found = 0;
    size_t lim = j > 14 ? j - 14 : 0;
    size_t i = j;
    int people = 0;
    count_memo memo;
    memo.base = lim > 4 ? lim - 4 : 0;
    memo.done = 0;
    while (i > lim) {
        i--;
        const sr_token *t = &s->tok[i];
        if ((t->flags & TK_PUNCT) && !sr_tok_eq(t, "(") && !sr_tok_eq(t, ")"))
            break;
        if (has_cue(s, i, CUE_REPORT) || (s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_TRIGGER))
            break;
        if (t->id == e->w.in || t->id == e->w.on || t->id == e->w.at || t->id == e->w.by || t->id == e->w.that)
            break;
        if (has_cue(s, i, CUE_NONHUMAN) && !people)
            return 0;
        if (s->owner[i] >= 0 && (s->m[s->owner[i]].kind == PH_AGENT || s->m[s->owner[i]].kind == PH_ACTOR))
            people = 1;
        if ((t->flags & TK_WORD) && (t->flags & TK_ALPHA) && sr_tok_eq(t, "people"))
            people = 1;
        sr_number num = {0};
        /* the start of a quantity ending here */
        size_t used = 0;
        size_t qs = i;
        for (size_t back = 0; back < 4 && i >= back; back++) {
            sr_number tmp;
            size_t u = memo_count(c, s, i - back, j, &memo, &tmp);
            if (u && i - back + u == i + 1) {
                used = u;
                qs = i - back;
                num = tmp;
            }
        }
        if (used) {
            if (num.vague || num.is_year) {
                if (num.vague) {
                    *found = 2; /* dozens: known to be vague */
                    return -1;
                }
                break;
            }
            /* "13 civilians including two volunteers": a part of a
             * count told before it */
            if (qs > 0 && (sr_tok_eq(&s->tok[qs - 1], "including") || sr_tok_eq(&s->tok[qs - 1], "among"))) {
                i = qs - 1;
                continue;
            }
            total += num.value;
            *found = 1;
            i = qs;
            /* "and" joins another counted group */
            if (i > 0 && (s->tok[i - 1].id == e->w.and_ || sr_tok_eq(&s->tok[i - 1], ","))) {
                i--;
                continue;
            }
            break;
        }
    }
    return total;
}

/* "killed nine militants", "killing four of its fighters", "killed at
 * least four protesters" */
static long count_after(const sr_coder *c, const sr_sent *s, size_t from, int *found)
{
    const sr_engine *e = c->eng;
    *found = 0;
    size_t i = from;
    if (i < s->ntok && (s->tok[i].id == e->w.the || s->tok[i].id == e->w.of))
        i++;
    if (i + 1 < s->ntok && sr_tok_eq(&s->tok[i], "lives") && s->tok[i + 1].id == e->w.of)
        i += 2;
    if (i < s->ntok && sr_tok_eq(&s->tok[i], "of"))
        i++;
    sr_number num;
    size_t used = read_count(c, s, i, (size_t)-1, &num);
    if (!used)
        return 0;
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
            tok_word(s, k, "people") || tok_word(s, k, "persons"))
            break;
    }
    *found = 1;
    return num.value;
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
    const char *w = s->tok[kill->s].norm;
    /* "death toll rose to 13", "claiming the lives of 300" */
    if (sr_streq(w, "toll") || sr_streq(w, "death") || (kill->e - kill->s >= 2 && sr_streq(w, "claim")) ||
        !strncmp(w, "claim", 5)) {
        for (size_t i = kill->e; i < s->ntok && i < (size_t)kill->e + 6; i++) {
            long v = count_after(c, s, i, &found);
            if (found == 1)
                return v;
            if (found == 2)
                return -1;
        }
    }
    if (kill->passive || (d->opts & TRG_VICTIM_SUBJ) || sr_streq(w, "dead") || sr_streq(w, "killed") ||
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
    /* "left 13 dead" */
    if (sr_streq(w, "dead") && kill->s >= 2) {
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

/* Whether "after" or "before" stands between tokens a and b (either
 * order): what lies across it is another happening. */
static int after_between(const sr_engine *e, const sr_sent *s, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    for (size_t i = lo; i < hi && i < s->ntok; i++)
        if (s->tok[i].id == e->w.after || s->tok[i].id == e->w.before)
            return 1;
    return 0;
}

/* Whether mentions a and b name the same side ("ISIS cells attacked their
 * checkpoint": "their" read as ISIS). */
static int same_entity(const sr_sent *s, int a, int b)
{
    return a >= 0 && b >= 0 && s->men[a].ent == s->men[b].ent;
}

/* Whether the killing word u reports the dead of the event word t: not
 * across "but" or ";", and a killing with its own doer ("forces killed
 * four") only joins an event in its own clause. */
static int kill_belongs(const sr_coder *c, const sr_sent *s, const sr_trig *u, const sr_trig *t, const clauses *cl)
{
    const sr_engine *e = c->eng;
    size_t a = u->s < t->s ? u->e : t->e, b = u->s < t->s ? t->s : u->s;
    if (b > a + 25)
        return 0;
    for (size_t i = a; i < b; i++)
        if (s->tok[i].id == e->w.but || sr_tok_eq(&s->tok[i], ";"))
            return 0;
    /* "bombed camps on Friday, a day after gunmen killed 29": a killing
     * with its own doer after "after"/"before" is another happening */
    if (u->s > t->s && !u->passive && after_between(e, s, a, b)) {
        int subj = subject_of(c, s, u->s, cl, 0, ACT_CIVILIAN | ACT_PROTESTER);
        if (subj >= 0 && s->men[subj].s > t->e)
            return 0;
    }
    if (!u->passive && !(tdef(c, u, 0)->opts & (TRG_VICTIM_SUBJ | TRG_NOUN)) && cl->soft[u->s] != cl->soft[t->s]) {
        int subj = subject_of(c, s, u->s, cl, 0, ACT_CIVILIAN | ACT_PROTESTER);
        if (subj >= 0 && s->men[subj].e + 3 >= u->s)
            return 0;
    }
    return 1;
}

/* ---- locations ----------------------------------------------------------- */

typedef struct locpick {
    int pm[8];   /* place mentions, first = primary */
    int n;
    int refloc;  /* resolved from context */
    int vague;   /* "several areas of X" */
    const sr_pmention *ctx; /* a context place from an earlier sentence */
    const sr_ev *prev_ev;   /* or the place of the event told just before */
} locpick;

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
    switch (p->kind) {
    case PK_COUNTRY: sc -= 1.5; break;
    case PK_ADMIN1: sc += 0.2; break;
    case PK_REGION: case PK_ADMIN2: sc += 0.5; break;
    default: sc += 1.0; break;
    }
    if (p->near)
        sc -= 0.2;
    return sc;
}

static int usable_place(const sr_pmention *p)
{
    return !p->dateline && !p->in_report && !p->is_listed && !p->refloc && !p->affil;
}

/* The last place of the right kind mentioned before sentence si. */
static const sr_pmention *context_place(sr_coder *c, size_t si, int kind, int same_para_only)
{
    int para = c->sents[si].para;
    for (size_t k = si; k > 0; k--) {
        const sr_sent *p = &c->sents[k - 1];
        if (same_para_only && p->para != para)
            break;
        for (size_t j = p->npm; j > 0; j--) {
            const sr_pmention *q = &p->pm[j - 1];
            if (q->refloc || q->dateline || q->in_report || q->affil || q->kind == PK_COUNTRY)
                continue;
            if (kind == PK_ADMIN1 && q->kind != PK_ADMIN1 && !q->region_noun)
                continue;
            if ((kind == PK_TOWN || kind == PK_CITY || kind == PK_VILLAGE || kind == PK_NEIGHBOURHOOD) &&
                (q->kind == PK_ADMIN1 || q->kind == PK_REGION || q->kind == PK_ADMIN2 || q->region_noun))
                continue;
            return q;
        }
    }
    return NULL;
}

static void pick_location(sr_coder *c, sr_sent *s, size_t t, const clauses *cl, int cls, int obj_place, locpick *out)
{
    memset(out, 0, sizeof *out);
    int best = obj_place;
    if (best < 0) {
        double bs = -1e9;
        for (size_t k = 0; k < s->npm; k++) {
            const sr_pmention *p = &s->pm[k];
            if (!usable_place(p))
                continue;
            /* "bombed camps in Derna, a day after gunmen killed 29": the
             * place of one happening is not the other's */
            if (after_between(c->eng, s, p->s, t))
                continue;
            /* a container is only the fallback for what it contains */
            int is_cont = 0;
            for (size_t j = 0; j < s->npm; j++)
                if (s->pm[j].container == (int)k && usable_place(&s->pm[j]))
                    is_cont = 1;
            double sc = place_score(c, s, p, t, cl) - (is_cont ? 2.5 : 0);
            if (sc > bs) {
                bs = sc;
                best = (int)k;
            }
        }
    }
    if (best >= 0) {
        /* "in several areas of X": no place to put it */
        const sr_pmention *bp = &s->pm[best];
        for (size_t i = bp->s > 6 ? (size_t)bp->s - 6 : 0; i + 1 < bp->s; i++) {
            const char *w = s->tok[i].norm;
            if ((sr_streq(w, "several") || sr_streq(w, "many") || sr_streq(w, "various") || sr_streq(w, "numerous") ||
                 sr_streq(w, "multiple")) &&
                (has_cue(s, i + 1, CUE_PN_TOWN) || has_cue(s, i + 1, CUE_PN_REGION))) {
                out->vague = 1;
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
                if (p->name && q->name && !strcasecmp(p->name, q->name) && !strcmp(p->cc, q->cc))
                    dup = j;
            }
            if (dup < 0)
                out->pm[out->n++] = k;
            else if (p->precision && p->precision < s->pm[out->pm[dup]].precision)
                out->pm[dup] = k;
            k = p->next;
        }
        (void)cls;
        return;
    }
    /* "the area", "the city", "there" */
    for (size_t k = 0; k < s->npm; k++) {
        const sr_pmention *p = &s->pm[k];
        if (!p->refloc || p->in_report)
            continue;
        size_t si = (size_t)(s - c->sents);
        /* "the village": where the last event happened, if it fits */
        for (size_t q = c->nevs; q > 0; q--) {
            const sr_ev *pv = &c->evs[q - 1];
            if (!pv->has_loc || pv->sent < s->index - 3)
                break;
            int town = p->kind == PK_TOWN || p->kind == PK_CITY || p->kind == PK_VILLAGE;
            if ((town && pv->precision == 1) || (p->kind == PK_ADMIN1 && pv->loc_admin1) || !p->kind) {
                out->prev_ev = pv;
                out->refloc = p->near ? 2 : 1;
                return;
            }
        }
        const sr_pmention *q = context_place(c, si, p->kind, 0);
        if (q) {
            out->ctx = q;
            out->refloc = p->near ? 2 : 1;
            return;
        }
    }
}

/* "handed it to the Kurdish forces", "handed over to the SDF": the armed
 * side named after "to" in the trigger's clause, or -1. */
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

/* ---- deciding the ACLED type ------------------------------------------------ */

typedef struct cand {
    int cls;
    uint32_t opts;
    int a1, a2;          /* mention indexes */
    int a1_ent, a2_ent;  /* entity ids (may come from context) */
    int victims_civ, victims_armed, victims_prot;
    int civ_target, mil_target;
    int weapons;
    int protest_ctx, intervene;
    int vacate;
    long fat;
    int lethal;   /* someone died, even if the text gives no number */
    int person_victim; /* "killed a local official": a person, not a fighter */
    int house_target;  /* "stormed houses": a raid for arrests */
    int state_present;
    int plural_noun;
    int recv;          /* "handed it to Y": the mention that receives a place, -1 */
} cand;

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
    if (!(en->flags & ACT_GOVSIDE))
        return 0;
    if (!loc_cc || !loc_cc[0] || en->country < 0)
        return 1;
    return sr_streq(c->eng->d.countries[en->country].iso2, loc_cc);
}

/* A state force in the sentence besides the protesters (set by the caller). */
static int cue_in_any_state(const sr_coder *c, const cand *k)
{
    (void)c;
    return k->state_present;
}

/* Returns the ACLED sub-event type, or -1 when the words do not make an
 * event. */
static int decide(const sr_coder *c, const cand *k, const char *loc_cc)
{
    uint32_t f1 = ent_flags(c, k->a1_ent), f2 = ent_flags(c, k->a2_ent);
    int w = k->weapons;
    int air = (f1 & ACT_AERIAL) || (w & W_AIR);
    switch (k->cls) {
    case EV_AIR:
        return SUB_AIR;
    case EV_SHELL:
        if ((f1 & ACT_AERIAL) && !(w & W_SHELL))
            return SUB_AIR;
        if (f1 & ACT_AERIAL)
            return SUB_AIR;
        return SUB_SHELLING;
    case EV_BOMB:
        if (air)
            return SUB_AIR;
        if (w & W_SUICIDE)
            return SUB_SUICIDE;
        if (w & W_SHELL)
            return SUB_SHELLING;
        return SUB_IED;
    case EV_IED:
        return (w & W_SUICIDE) ? SUB_SUICIDE : SUB_IED;
    case EV_CARBOMB:
        return (w & W_SUICIDE) ? SUB_SUICIDE : SUB_IED;
    case EV_SUICIDE:
        return SUB_SUICIDE;
    case EV_GRENADE:
        return SUB_GRENADE;
    case EV_CHEMICAL:
        return SUB_CHEMICAL;
    case EV_CLASH:
        if ((k->victims_prot || k->protest_ctx) && (f1 & ACT_STATE))
            return k->lethal ? SUB_EXCESSIVE_FORCE : SUB_PROTEST_INTERVENTION;
        return SUB_ARMED_CLASH;
    case EV_TERRITORY:
        if (k->a1_ent < 0 || (f1 & (ACT_CIVILIAN | ACT_PROTESTER | ACT_GOV)) == ACT_CIVILIAN)
            return -1;
        if (!(f1 & ACT_ARMED) && !(f1 & ACT_STATE))
            return -1;
        if (k->vacate)
            return SUB_NVT;
        return gov_side(c, k->a1_ent, loc_cc) ? SUB_GOV_REGAINS : SUB_NONSTATE_OVERTAKES;
    case EV_WITHDRAW:
        /* "X was handed over to the SDF": who left is not told */
        if (k->recv >= 0)
            return SUB_NVT;
        if (k->a1_ent < 0 || !(f1 & ACT_ARMED))
            return -1;
        return SUB_NVT;
    case EV_ABDUCT:
        if (k->a1_ent >= 0 && (f1 & ACT_STATE) && !(k->victims_armed))
            return SUB_ARRESTS;
        return SUB_ABDUCTION;
    case EV_ARREST:
        if (k->a1_ent < 0 || (f1 & (ACT_CIVILIAN)))
            return -1;
        return SUB_ARRESTS;
    case EV_RAID:
        if (k->victims_armed || k->mil_target)
            return (k->a1_ent >= 0) ? SUB_ARMED_CLASH : -1;
        if (k->a1_ent < 0)
            return -1;
        if (k->lethal)
            return SUB_VAC_ATTACK;
        return k->house_target || (f1 & ACT_STATE) ? SUB_ARRESTS : SUB_VAC_ATTACK;
    case EV_PROTEST:
        if (k->lethal && (k->intervene || (k->a2_ent >= 0 && (f2 & (ACT_STATE | ACT_ARMED))) ||
                          cue_in_any_state(c, k)))
            return SUB_EXCESSIVE_FORCE;
        if (k->intervene)
            return SUB_PROTEST_INTERVENTION;
        return SUB_PEACEFUL_PROTEST;
    case EV_RIOT:
        return SUB_VIOLENT_DEMO;
    case EV_REPRESS:
        if (!k->protest_ctx && !k->victims_prot)
            return -1;
        return k->lethal ? SUB_EXCESSIVE_FORCE : SUB_PROTEST_INTERVENTION;
    case EV_DISRUPT:
        if (k->a1_ent < 0)
            return -1;
        return SUB_DISRUPTED;
    case EV_LOOT:
        return SUB_LOOTING;
    case EV_AGREEMENT:
        return k->a1_ent >= 0 ? SUB_AGREEMENT : -1;
    case EV_CHANGE:
        return k->a1_ent >= 0 && (f1 & ACT_ARMED) ? SUB_CHANGE : -1;
    case EV_BASE:
        return k->a1_ent >= 0 ? SUB_HQ : -1;
    case EV_EXECUTE:
        if (k->a1_ent < 0 && k->a2_ent < 0)
            return -1;
        return SUB_VAC_ATTACK;
    case EV_MASSACRE:
        return SUB_VAC_ATTACK;
    case EV_DESTROY:
        if (air)
            return SUB_AIR;
        if (k->a1_ent < 0 || !(f1 & ACT_ARMED) || !k->civ_target)
            return -1;
        return SUB_LOOTING;
    case EV_ATTACK:
    case EV_SHOOT:
    case EV_KILL: {
        if (air && !(w & W_SMALL))
            return SUB_AIR;
        if ((k->opts & TRG_AIR_STATE) && (f1 & (ACT_STATE | ACT_COALITION)) && !(w & (W_SHELL | W_SMALL)))
            return SUB_AIR;
        if (w & W_CHEM)
            return SUB_CHEMICAL;
        if (w & W_SUICIDE)
            return SUB_SUICIDE;
        if (w & W_CAR)
            return SUB_IED;
        if (w & W_IED)
            return SUB_IED;
        if (w & W_SHELL)
            return SUB_SHELLING;
        if (w & W_GRENADE)
            return SUB_GRENADE;
        if (k->victims_prot || (k->protest_ctx && (f1 & ACT_STATE))) {
            if (!(f1 & ACT_STATE) && k->a1_ent >= 0)
                return SUB_VAC_ATTACK;
            return (k->lethal || k->cls != EV_ATTACK) ? SUB_EXCESSIVE_FORCE : SUB_PROTEST_INTERVENTION;
        }
        int a1_armed = (f1 & ACT_ARMED) != 0;
        int a2_armed = (f2 & ACT_ARMED) != 0 || k->victims_armed || k->mil_target;
        int civ = (f2 & ACT_CIVILIAN) || k->victims_civ || k->civ_target ||
                  (k->person_victim && !a2_armed);
        if (civ && !a2_armed)
            return (k->a1_ent >= 0 && !(f1 & ACT_CIVILIAN)) || k->cls != EV_KILL ? SUB_VAC_ATTACK : -1;
        if (a1_armed && a2_armed)
            return SUB_ARMED_CLASH;
        if (k->a1_ent < 0 && a2_armed)
            return SUB_ARMED_CLASH;
        if (a1_armed && k->cls == EV_ATTACK)
            return SUB_ARMED_CLASH;
        return -1;
    }
    default:
        return -1;
    }
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
static void event_date(sr_coder *c, const sr_sent *s, size_t t, sr_ev *v, int *background)
{
    *background = 0;
    int best = -1;
    size_t bd = (size_t)-1;
    for (size_t k = 0; k < s->ntx; k++) {
        const sr_timex *tx = &s->tx[k];
        /* "an official said on Friday": when it was said */
        if (((int)tx->s >= s->report_start && (int)t < s->report_start) ||
            ((int)tx->e <= s->report_end && (int)t >= s->report_end))
            continue;
        size_t d = tx->s > t ? tx->s - t : t - tx->e;
        if (tx->kind == TX_MONTH && (!c->has_adate || tx->abs.m != c->adate.m)) {
            /* "in September" in a November article: history */
            if (d < 12)
                *background = 1;
            continue;
        }
        if (tx->kind == TX_YEAR || tx->background) {
            if (tx->background || !c->has_adate || tx->abs.y != c->adate.y) {
                if (d < 12)
                    *background = 1;
            }
            continue;
        }
        if (d < bd) {
            bd = d;
            best = (int)k;
        }
    }
    if (best >= 0) {
        sr_date dt;
        int prec;
        const sr_timex *tx = &s->tx[best];
        if (c->has_adate && sr_timex_resolve(tx, &c->adate, &dt, &prec)) {
            long diff = sr_days_from_civil(c->adate.y, c->adate.m, c->adate.d) - sr_days_from_civil(dt.y, dt.m, dt.d);
            /* more than ~2 months before the article: history, not news */
            if (diff > 62 || diff < -2) {
                *background = 1;
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
    if (c->has_adate) {
        v->date = c->adate;
        v->has_date = 1;
        v->time_precision = 2;
    }
}

/* Background phrases near the trigger: "since 2014", "over the past weeks". */
static int background_near(const sr_sent *s, size_t a, size_t b)
{
    for (size_t i = a; i < b && i < s->ntok; i++)
        if (has_cue(s, i, CUE_BACKGROUND))
            return 1;
    return 0;
}

static int trig_cls(const sr_coder *c, const sr_trig *t, int k)
{
    return tdef(c, t, k)->cls;
}

/* Which of the meanings of a trigger applies ("take" a town, "take"
 * families). Returns the payload index or -1. */
static int choose_meaning(const sr_coder *c, const sr_sent *s, const sr_trig *t, const clauses *cl, int *obj_place,
                          int *obj_ment)
{
    const sr_engine *e = c->eng;
    *obj_place = -1;
    *obj_ment = -1;
    /* the object: first place or actor after the verb in its clause */
    int op = -1, om = -1;
    for (size_t k = 0; k < s->npm; k++) {
        const sr_pmention *p = &s->pm[k];
        if (p->s < t->e || p->dateline || p->in_report || p->is_listed || p->refloc || !p->name)
            continue;
        if (p->s > t->e + 10 || cl->hard[p->s] != cl->hard[t->s])
            break;
        /* "captured X from Y", "took from Daesh two villages: X and Y" */
        op = (int)k;
        break;
    }
    for (size_t k = 0; k < s->nmen; k++) {
        const sr_mention *m = &s->men[k];
        if (m->s < t->e || m->modifier || m->ent < 0)
            continue;
        if (m->s > t->e + 4 || cl->hard[m->s] != cl->hard[t->s])
            break;
        if (m->prep && m->prep != e->w.of)
            continue;
        om = (int)k;
        break;
    }
    /* a place before the object actor: "captured Raqqa from ISIS" */
    int best = -1;
    for (int k = 0; k < t->ndef; k++) {
        const sr_trigger_def *d = tdef(c, t, k);
        if (d->cls == EV_NOT)
            return -1;
        if (d->opts & TRG_NEED_PLACE) {
            int ok = op >= 0;
            /* passive or nominal: the place may be the subject ("X was
             * captured") or after "of" ("the capture of X") */
            if (!ok && (t->passive || (d->opts & TRG_NOUN))) {
                for (size_t j = 0; j < s->npm; j++) {
                    const sr_pmention *p = &s->pm[j];
                    if (!usable_place(p))
                        continue;
                    if ((p->e <= t->s && t->s - p->e <= 4) || (p->s >= t->e && p->s <= t->e + 3)) {
                        op = (int)j;
                        ok = 1;
                        break;
                    }
                }
            }
            /* "the neighborhood it captured": the place is before */
            if (!ok && (d->opts & TRG_VERB)) {
                for (size_t j = s->npm; j > 0; j--) {
                    const sr_pmention *p = &s->pm[j - 1];
                    if (p->e <= t->s && t->s - p->e <= 3 && usable_place(p)) {
                        op = (int)j - 1;
                        ok = 1;
                        break;
                    }
                }
            }
            /* an actor right after the verb is not a place object, unless
             * the place follows ("took from Daesh two villages") */
            if (ok && om >= 0 && s->men[om].s < s->pm[op].s && !(d->opts & TRG_FROM_ACTOR2) &&
                !(s->men[om].prep == e->w.from) && s->pm[op].s > s->men[om].e + 6)
                ok = 0;
            if (!ok)
                continue;
            *obj_place = op;
            *obj_ment = om;
            return k;
        }
        if (d->opts & TRG_NEED_VICTIM) {
            int ok = 0;
            if (om >= 0 && !(om >= 0 && op >= 0 && s->pm[op].s < s->men[om].s))
                ok = 1;
            if (t->passive) {
                /* "positions were captured": things, not people */
                int sj = subject_of(c, s, t->s, cl, 0, 0);
                if (sj >= 0 && s->men[sj].e + 4 >= t->s)
                    ok = 1;
            }
            if (!ok) {
                /* "took 100 families": a count of people */
                size_t j = t->e;
                sr_number num;
                size_t u = sr_read_quantity(s->tok, s->ntok, j, &num);
                if (u && j + u < s->ntok && !has_cue(s, j + u, CUE_NONHUMAN) && !num.is_year &&
                    (sr_tok_eq(&s->tok[j + u], "families") || sr_tok_eq(&s->tok[j + u], "people") ||
                     sr_tok_eq(&s->tok[j + u], "persons")))
                    ok = 1;
            }
            if (!ok)
                continue;
            *obj_ment = om;
            return k;
        }
        if (d->opts & TRG_NEED_OBJ) {
            int ok = om >= 0 || op >= 0 || t->passive;
            if (!ok) {
                /* "intercepted a drone", "stormed houses", "targeted a building" */
                for (size_t j = t->e; j < s->ntok && j < (size_t)t->e + 5; j++) {
                    if (s->tok[j].flags & TK_PUNCT)
                        break;
                    if (has_cue(s, j, CUE_CIVTARGET) || has_cue(s, j, CUE_PN_FEATURE) || has_cue(s, j, CUE_W_AIR) ||
                        has_cue(s, j, CUE_W_SHELL) || has_cue(s, j, CUE_NONHUMAN) || has_cue(s, j, CUE_PN_TOWN) ||
                        (s->owner[j] >= 0 && s->m[s->owner[j]].kind == PH_TRIGGER)) {
                        ok = 1;
                        break;
                    }
                }
            }
            if (!ok)
                continue;
            *obj_ment = om;
            *obj_place = op;
            return k;
        }
        if (best < 0) {
            best = k;
            *obj_ment = om;
            *obj_place = op;
        }
    }
    return best;
}

static const sr_ev *last_event_with_actors(const sr_coder *c)
{
    for (size_t k = c->nevs; k > 0; k--)
        if (c->evs[k - 1].a1 >= 0 && c->evs[k - 1].a2 >= 0)
            return &c->evs[k - 1];
    return NULL;
}

static int victims_kind(const sr_coder *c, const sr_mention *m, int *civ, int *armed, int *prot)
{
    if (!m || m->ent < 0)
        return 0;
    uint32_t f = c->ents[m->ent].flags | m->flags;
    if (f & ACT_PROTESTER)
        *prot = 1;
    else if (f & ACT_CIVILIAN)
        *civ = 1;
    else if (f & ACT_ARMED)
        *armed = 1;
    return 1;
}

void sr_code_sentence(sr_coder *c, sr_sent *s)
{
    const sr_engine *e = c->eng;
    const sr_dicts *d = &e->d;
    if (!s->ntok)
        return;
    /* triggers */
    size_t cap = 0;
    for (size_t k = 0; k < s->nm; k++) {
        const sr_match *m = &s->m[k];
        if (m->kind != PH_TRIGGER)
            continue;
        if (s->ntg && s->tg[s->ntg - 1].s == m->start) {
            sr_trig *t = &s->tg[s->ntg - 1];
            if (t->ndef < 4)
                t->def[t->ndef++] = (int)m->value;
            continue;
        }
        if (s->ntg == cap) {
            size_t nc = cap ? cap * 2 : 8;
            sr_trig *nt = sr_arena_realloc(&c->arena, s->tg, cap * sizeof *nt, nc * sizeof *nt);
            if (!nt)
                return;
            s->tg = nt;
            cap = nc;
        }
        sr_trig *t = &s->tg[s->ntg++];
        memset(t, 0, sizeof *t);
        t->s = m->start;
        t->e = m->end;
        t->def[0] = (int)m->value;
        t->ndef = 1;
    }
    if (!s->ntg)
        return;
    clauses cl;
    make_clauses(c, s, &cl);
    if (!cl.hard || !cl.soft)
        return;
    for (size_t k = 0; k < s->ntg; k++) {
        settle_pos(c, s, &s->tg[k]);
        s->tg[k].passive = (uint8_t)is_passive(c, s, &s->tg[k]);
    }
    /* the killed in "X were killed": victims, never the doers of the
     * nominal events of the sentence */
    int victim_m[8];
    int nvictim = 0;
    for (size_t k = 0; k < s->ntg && nvictim < 8; k++) {
        sr_trig *u = &s->tg[k];
        if (!u->ndef || tdef(c, u, 0)->cls != EV_KILL)
            continue;
        if (u->passive || (tdef(c, u, 0)->opts & TRG_VICTIM_SUBJ)) {
            int vm = subject_of(c, s, u->s, &cl, 0, 0);
            if (vm >= 0)
                victim_m[nvictim++] = vm;
        }
    }
    int strong_count = 0;
    for (size_t k = 0; k < s->ntg; k++)
        if (s->tg[k].ndef && !(tdef(c, &s->tg[k], 0)->opts & TRG_WEAK))
            strong_count++;

    int protest_ctx = 0, intervene = cue_in(s, 0, s->ntok, CUE_INTERVENE) >= 0;
    for (size_t k = 0; k < s->ntg; k++)
        for (int j = 0; j < s->tg[k].ndef; j++)
            if (trig_cls(c, &s->tg[k], j) == EV_PROTEST)
                protest_ctx = 1;
    for (size_t k = 0; k < s->nmen; k++)
        if (s->men[k].ent >= 0 && (c->ents[s->men[k].ent].flags & ACT_PROTESTER))
            protest_ctx = 1;
    for (size_t q = c->nevs; q > 0 && !protest_ctx; q--) {
        if (c->evs[q - 1].sent < s->index - 2)
            break;
        if (c->evs[q - 1].type == TYPE_PROTESTS)
            protest_ctx = 1;
    }
    int vacate = cue_in(s, 0, s->ntok, CUE_VACATE) >= 0;
    size_t si = (size_t)(s - c->sents);

    /* strong words first, then the outcomes no strong word took */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t ti = 0; ti < s->ntg; ti++) {
            sr_trig *t = &s->tg[ti];
            if (t->used)
                continue;
            int obj_place, obj_ment;
            int mk = choose_meaning(c, s, t, &cl, &obj_place, &obj_ment);
            if (mk < 0)
                continue;
            const sr_trigger_def *td = tdef(c, t, mk);
            int weak = (td->opts & TRG_WEAK) != 0;
            if ((pass == 0) == weak)
                continue;
            /* "a dust storm": a verb-only word used as a noun */
            if ((td->opts & TRG_VERB) && t->s >= 2 && !t->passive && is_det_word(e, &s->tok[t->s - 2]) &&
                (s->tok[t->s - 1].flags & TK_ALPHA) && !(s->tok[t->s - 1].flags & TK_CAP) && s->owner[t->s - 1] < 0 &&
                !is_adverb_like(e, &s->tok[t->s - 1]) && !is_aux_word(e, &s->tok[t->s - 1]) && td->form == VF_BASE)
                continue;
            /* "the US coalition fighting Islamic State": describes who, it
             * is not a happening */
            if ((td->opts & TRG_VERB) && td->form == VF_ING && t->s > 0) {
                int after_actor = 0, before_actor = 0;
                for (size_t q = 0; q < s->nmen; q++) {
                    if (s->men[q].e == t->s && !s->men[q].pronoun)
                        after_actor = 1;
                    if (s->men[q].s == t->e || (s->men[q].s == t->e + 1 && tok_is(s, t->e, e->w.the)))
                        before_actor = 1;
                }
                if (after_actor && before_actor)
                    continue;
            }
            /* "detained journalists", "the liberated areas": adjectives */
            if ((td->opts & TRG_VERB) && (td->form == VF_PART || td->form == VF_PAST) && t->s > 0 && !t->passive &&
                ((s->tok[t->s - 1].flags & TK_NUM) || is_det_word(e, &s->tok[t->s - 1]) ||
                 sr_tok_eq(&s->tok[t->s - 1], "dozen")) &&
                t->e < s->ntok && (s->tok[t->e].flags & TK_ALPHA))
                continue;
            /* "The bombing targeted ...": the noun's event, told again */
            if ((td->opts & TRG_VERB) && !t->passive && td->cls != EV_KILL && td->cls != EV_TERRITORY &&
                predicate_of_event_noun(c, s, t))
                continue;
            /* "opening fire and burning homes": part of the attack */
            if ((td->cls == EV_DESTROY || td->cls == EV_LOOT) && td->form == VF_ING && t->s > 0 && strong_count > 1 &&
                (sr_tok_eq(&s->tok[t->s - 1], ",") || tok_is(s, t->s - 1, e->w.and_)))
                continue;
            /* "continue to liberate", "are advancing": not a completed capture */
            if (td->cls == EV_TERRITORY && (td->opts & TRG_VERB)) {
                const char *p1 = t->s > 0 ? s->tok[t->s - 1].norm : "";
                const char *p2 = t->s > 1 ? s->tok[t->s - 2].norm : "";
                if (sr_streq(p1, "to") && !strncmp(p2, "continu", 7))
                    continue;
                if (td->form == VF_ING && (tok_is(s, t->s - 1, e->w.is) || tok_is(s, t->s - 1, e->w.are) ||
                                           tok_is(s, t->s - 1, e->w.was) || tok_is(s, t->s - 1, e->w.were)))
                    continue;
            }
            /* "destroyed a convoy ... with mortars": the weapons seized or
             * destroyed are things, not an attack */
            if ((td->opts & TRG_NOUN) && !(td->opts & TRG_AIR) &&
                (td->cls == EV_SHELL || td->cls == EV_IED || td->cls == EV_CARBOMB || td->cls == EV_GRENADE ||
                 td->cls == EV_SUICIDE || td->cls == EV_BOMB)) {
                int obj_of_other = 0;
                for (size_t q = 0; q < s->ntg; q++) {
                    const sr_trig *u = &s->tg[q];
                    if (u == t || u->s >= t->s || !u->ndef)
                        continue;
                    int uc = tdef(c, u, 0)->cls;
                    if ((uc == EV_DESTROY || uc == EV_DISRUPT || uc == EV_LOOT || uc == EV_TERRITORY ||
                         uc == EV_ABDUCT) && cl.soft[u->s] == cl.soft[t->s] && t->s - u->e < 14)
                        obj_of_other = 1;
                }
                if (obj_of_other)
                    continue;
            }
            /* "thwarted an ISIS attack", "repelled an assault": the attack
             * happened and was fought off, a fight and not a disrupted
             * weapon */
            if ((td->opts & TRG_FEND_OFF) && (td->opts & TRG_VERB)) {
                int fought = 0;
                for (size_t q = 0; q < s->ntg; q++) {
                    const sr_trig *u = &s->tg[q];
                    if (u == t || u->s < t->e || u->s > t->e + 4 || !u->ndef || !(tdef(c, u, 0)->opts & TRG_NOUN))
                        continue;
                    int uc = tdef(c, u, 0)->cls;
                    if (uc == EV_ATTACK || uc == EV_CLASH || uc == EV_RAID)
                        fought = 1;
                }
                if (fought)
                    continue;
            }
            /* "intercepted and destroyed a Houthi drone": one disruption */
            if (td->cls == EV_DESTROY) {
                int disrupted = 0;
                for (size_t q = 0; q < s->ntg; q++) {
                    const sr_trig *u = &s->tg[q];
                    if (u != t && u->ndef && u->e <= t->s && t->s - u->e <= 3 && tdef(c, u, 0)->cls == EV_DISRUPT &&
                        tok_is(s, t->s - 1, e->w.and_))
                        disrupted = 1;
                }
                if (disrupted)
                    continue;
            }
            int anaphoric = 0;
            if ((int)t->s < s->dateline_end)
                continue;
            if ((int)t->s < s->report_end && s->report_end > 0 && td->cls != EV_PROTEST)
                continue; /* a word in "X said": the report, not the news */
            cand k;
            memset(&k, 0, sizeof k);
            k.cls = td->cls;
            k.opts = td->opts;
            k.a1 = k.a2 = -1;
            k.a1_ent = k.a2_ent = -1;
            k.fat = -1;
            k.protest_ctx = protest_ctx;
            k.intervene = intervene;
            k.vacate = vacate && td->cls == EV_TERRITORY &&
                       cue_in(s, t->s > 12 ? (size_t)t->s - 12 : 0, (size_t)t->e + 12, CUE_VACATE) >= 0;
            k.plural_noun = td->plural;
            size_t ca, cb;
            clause_span(s, &cl, t->s, &ca, &cb);
            /* "a day after gunmen killed ...", "before warplanes struck":
             * another happening's weapons are not this one's */
            for (size_t q = t->s; q > ca; q--)
                if (s->tok[q - 1].id == e->w.after || s->tok[q - 1].id == e->w.before) {
                    ca = q;
                    break;
                }
            for (size_t q = t->e; q < cb; q++)
                if (s->tok[q].id == e->w.after || s->tok[q].id == e->w.before) {
                    cb = q;
                    break;
                }
            k.weapons = weapons_in(s, ca, td->cls == EV_DESTROY ? t->s : cb, t);
            /* who did it */
            int participle = (td->opts & TRG_VERB) && td->form == VF_ING && t->s > 0 &&
                             (sr_tok_eq(&s->tok[t->s - 1], ",") || s->tok[t->s - 1].id == e->w.after ||
                              s->tok[t->s - 1].id == e->w.before || s->tok[t->s - 1].id == e->w.while_);
            uint32_t forbid = (td->cls == EV_PROTEST || td->cls == EV_RIOT) ? 0 : (ACT_CIVILIAN | ACT_PROTESTER);
            if (td->opts & TRG_NOUN) {
                int b = -1;
                int a = between_pair(c, s, t->e, &b);
                if (a >= 0) {
                    k.a1 = a;
                    k.a2 = b;
                } else {
                    k.a1 = premodifier(c, s, t->s);
                    if (k.a1 >= 0 && s->men[k.a1].pronoun) {
                        /* "the coalition warplanes have intensified their
                         * sorties": name the antecedent, not "their" */
                        int sj = subject_of(c, s, s->men[k.a1].s, &cl, 0, forbid);
                        if (sj >= 0 && s->men[sj].ent == s->men[k.a1].ent)
                            k.a1 = sj;
                    }
                    if (k.a1 < 0)
                        k.a1 = by_agent(c, s, t->e, &cl);
                    if (k.a1 < 0) {
                        /* "launched by X", "carried out by X" */
                        size_t j = t->e;
                        while (j < s->ntok && j < (size_t)t->e + 3 && !has_cue(s, j, CUE_SUPPORT))
                            j++;
                        if (j < s->ntok && has_cue(s, j, CUE_SUPPORT))
                            k.a1 = by_agent(c, s, cue_end(s, j, CUE_SUPPORT), &cl);
                    }
                    if (k.a1 < 0) {
                        int sv = support_verb(s, t->s);
                        if (sv >= 0)
                            k.a1 = subject_of(c, s, (size_t)sv, &cl, 0, forbid);
                    }
                    if (k.a1 < 0 && definite_noun(s, t))
                        anaphoric = 1;
                    if (k.a1 < 0 && !anaphoric &&
                        (td->cls == EV_CLASH || td->cls == EV_ATTACK || td->cls == EV_AIR || td->cls == EV_SHELL ||
                         td->cls == EV_PROTEST || td->cls == EV_TERRITORY || td->cls == EV_RAID)) {
                        /* "X helped the Syrian forces with airstrikes",
                         * "X announced the capture of Y" */
                        int sj = subject_of(c, s, t->s, &cl, 0, forbid);
                        for (int v = 0; v < nvictim; v++)
                            if (victim_m[v] == sj)
                                sj = -1;
                        if (sj >= 0 && s->men[sj].e + 12 >= t->s && !s->men[sj].prep)
                            k.a1 = sj;
                    }
                    uint32_t pr = 0;
                    int tg = target_after(c, s, t->e, &cl, &pr);
                    if (tg >= 0 && tg != k.a1)
                        k.a2 = tg;
                }
                if (k.a1 >= 0 && s->men[k.a1].ent >= 0 &&
                    (c->ents[s->men[k.a1].ent].flags & (ACT_CIVILIAN | ACT_PROTESTER)) && forbid) {
                    /* "Civilians ... attack": the victims, not the attackers */
                    if (k.a2 < 0)
                        k.a2 = k.a1;
                    k.a1 = -1;
                }
                /* "clashes between both parties": the sides of the last fight */
                if (k.a1 < 0 && cue_in(s, t->e, t->e + 4, CUE_BOTH) >= 0) {
                    const sr_ev *pv = last_event_with_actors(c);
                    if (pv) {
                        k.a1_ent = pv->a1;
                        k.a2_ent = pv->a2;
                    }
                }
            } else if (t->passive) {
                k.a1 = by_agent(c, s, t->e, &cl);
                int subj = subject_of(c, s, t->s, &cl, 0, 0);
                if (subj >= 0 && subj != k.a1)
                    k.a2 = subj;
            } else {
                /* "The offensive targets the village of Baghouz": an event
                 * told before does it; this is that event again */
                if ((td->opts & TRG_VERB) && t->s > 0) {
                    for (size_t q = 0; q < s->ntg; q++) {
                        const sr_trig *u = &s->tg[q];
                        if (u != t && u->ndef && u->e == t->s && (tdef(c, u, 0)->opts & TRG_NOUN) && definite_noun(s, u))
                            anaphoric = 1;
                    }
                    static const char *const ops[] = {"offensive", "operation", "campaign", "push", "advance", NULL};
                    if (t->s >= 2 && s->tok[t->s - 2].id == e->w.the && s->owner[t->s - 1] < 0)
                        for (const char *const *w = ops; *w; w++)
                            if (sr_streq(s->tok[t->s - 1].norm, *w))
                                anaphoric = 1;
                }
                k.a1 = subject_of(c, s, t->s, &cl, participle, (td->opts & TRG_VICTIM_SUBJ) ? 0 : forbid);
                /* "Protesters stormed the parliament": a crowd's attack is a
                 * violent demonstration */
                if (k.a1 < 0 && (td->cls == EV_RAID || td->cls == EV_ATTACK) && !(td->opts & TRG_VICTIM_SUBJ)) {
                    int sj = subject_of(c, s, t->s, &cl, participle, 0);
                    if (sj >= 0 && s->men[sj].ent >= 0 && (c->ents[s->men[sj].ent].flags & ACT_PROTESTER)) {
                        k.a1 = sj;
                        k.cls = EV_RIOT;
                    }
                }
                if (td->opts & TRG_VICTIM_SUBJ) {
                    k.a2 = k.a1;
                    k.a1 = -1;
                } else if (td->opts & TRG_INTRANS) {
                    uint32_t pr = 0;
                    int tg = target_after(c, s, t->e, &cl, &pr);
                    if (tg >= 0)
                        k.a2 = tg;
                } else if (td->cls == EV_TERRITORY) {
                    /* "captured X from Y", "chased Y out of X" */
                    if (td->opts & TRG_FROM_ACTOR2) {
                        k.a2 = object_after(c, s, t->e, &cl, 4, 1);
                    } else {
                        for (size_t j = 0; j < s->nmen; j++) {
                            const sr_mention *m = &s->men[j];
                            if (m->s >= t->e && m->s < t->e + 14 && m->prep == e->w.from && m->ent >= 0 &&
                                cl.hard[m->s] == cl.hard[t->s]) {
                                k.a2 = (int)j;
                                break;
                            }
                        }
                    }
                } else {
                    k.a2 = obj_ment >= 0 ? obj_ment : object_after(c, s, t->e, &cl, 6, 1);
                    if (k.a2 < 0) {
                        uint32_t pr = 0;
                        k.a2 = target_after(c, s, t->e, &cl, &pr);
                    }
                }
            }
            /* "ISIS claimed responsibility for a car bomb attack that
             * ...": who claims an attack is taken for its doer, as ACLED
             * does */
            if (k.a1 < 0) {
                for (size_t q = 1; q + 2 < (size_t)t->s; q++) {
                    if (s->tok[q].norm[0] != 'c' || strncmp(s->tok[q].norm, "claim", 5) ||
                        !sr_tok_eq(&s->tok[q + 1], "responsibility") ||
                        (!sr_tok_eq(&s->tok[q + 2], "for") && !sr_tok_eq(&s->tok[q + 2], "of")))
                        continue;
                    for (size_t j = s->nmen; j > 0; j--) {
                        const sr_mention *m = &s->men[j - 1];
                        if (m->ent < 0 || m->modifier || (size_t)m->e > q || (size_t)m->e + 3 < q ||
                            !(c->ents[m->ent].flags & ACT_ARMED))
                            continue;
                        k.a1 = (int)(j - 1);
                        break;
                    }
                    break;
                }
            }
            if (k.a1 >= 0 && k.a1 == k.a2)
                k.a2 = -1;
            if (k.a1 >= 0)
                k.a1_ent = s->men[k.a1].ent;
            /* "This progress was followed by the capture of ...": the side
             * of the fight just told */
            if (k.a1 < 0 && k.a1_ent < 0 && (td->opts & TRG_NOUN) && (td->cls == EV_TERRITORY || td->cls == EV_CLASH)) {
                for (size_t q = c->nevs; q > 0; q--) {
                    const sr_ev *pv = &c->evs[q - 1];
                    if (pv->sent < s->index - 2)
                        break;
                    if (pv->type == TYPE_BATTLES && pv->a1 >= 0) {
                        k.a1_ent = pv->a1;
                        if (k.a2_ent < 0 && k.a2 < 0)
                            k.a2_ent = pv->a2;
                        break;
                    }
                }
            }
            if (k.a2 >= 0)
                k.a2_ent = s->men[k.a2].ent;
            /* whose place was hit: "ISIS-held oil fields" */
            /* "SDF fighters thwarted an ISIS attack": those who fought it
             * off are the other side */
            if (((k.a2 < 0 && k.a2_ent < 0) || same_entity(s, k.a1, k.a2)) && (td->opts & TRG_NOUN) &&
                (td->cls == EV_ATTACK || td->cls == EV_CLASH || td->cls == EV_RAID)) {
                for (size_t q = 0; q < s->ntg; q++) {
                    const sr_trig *u = &s->tg[q];
                    if (u == t || u->e > t->s || t->s - u->e > 4 || !u->ndef || !(tdef(c, u, 0)->opts & TRG_VERB) ||
                        !(tdef(c, u, 0)->opts & TRG_FEND_OFF))
                        continue;
                    int sj = subject_of(c, s, u->s, &cl, 0, ACT_CIVILIAN | ACT_PROTESTER);
                    if (sj >= 0 && sj != k.a1 && (k.a1 < 0 || s->men[sj].ent != s->men[k.a1].ent)) {
                        k.a2 = sj;
                        k.a2_ent = s->men[sj].ent;
                    }
                    break;
                }
            }
            /* "shelled rebel-held areas": the rebels hold what was hit */
            int a2_holder = k.a2 >= 0 && s->men[k.a2].ctrl;
            if (k.a2_ent < 0) {
                for (size_t j = 0; j < s->npm; j++)
                    if (s->pm[j].owner >= 0 && s->pm[j].s > t->s && s->men[s->pm[j].owner].ent >= 0) {
                        k.a2_ent = s->men[s->pm[j].owner].ent;
                        k.a2 = s->pm[j].owner;
                        a2_holder = 1;
                        break;
                    }
            }
            /* "threw a grenade at a checkpoint, wounding three soldiers":
             * the wounded are whom it was aimed at */
            if (k.a2 < 0 && k.a2_ent < 0) {
                for (size_t q = t->e; q < s->ntok && q < (size_t)t->e + 14; q++) {
                    if (sr_tok_eq(&s->tok[q], ";") || s->tok[q].id == e->w.but)
                        break;
                    if (!has_cue(s, q, CUE_INJURE))
                        continue;
                    int wm = object_after(c, s, cue_end(s, q, CUE_INJURE), &cl, 5, 1);
                    if (wm >= 0 && wm != k.a1) {
                        k.a2 = wm;
                        k.a2_ent = s->men[wm].ent;
                    }
                    break;
                }
            }
            if (k.a2 >= 0)
                victims_kind(c, &s->men[k.a2], &k.victims_civ, &k.victims_armed, &k.victims_prot);
            else if (k.a2_ent >= 0) {
                uint32_t f = c->ents[k.a2_ent].flags;
                k.victims_prot = !!(f & ACT_PROTESTER);
                k.victims_civ = !(f & ACT_PROTESTER) && (f & ACT_CIVILIAN);
                k.victims_armed = !!(f & ACT_ARMED);
            }
            /* "killed a local official", "shot a journalist" */
            if ((td->cls == EV_KILL || td->cls == EV_SHOOT || td->cls == EV_EXECUTE) && (td->opts & TRG_VERB) &&
                !t->passive && k.a2 < 0) {
                size_t q = t->e;
                if (q < s->ntok && (tok_is(s, q, e->w.a) || tok_is(s, q, e->w.an) || tok_is(s, q, e->w.the) ||
                                    (s->tok[q].flags & TK_NUM)))
                    q++;
                for (size_t r = q; r < s->ntok && r < q + 3; r++)
                    if (has_cue(s, r, CUE_PERSON))
                        k.person_victim = 1;
            }
            /* targets: houses, markets, camps / bases, checkpoints */
            for (size_t j = t->s; j < cb && j < (size_t)t->e + 8; j++) {
                if (has_cue(s, j, CUE_CIVTARGET))
                    k.civ_target = 1;
                if (has_cue(s, j, CUE_HOUSE))
                    k.house_target = 1;
                if (has_cue(s, j, CUE_MILTARGET))
                    k.mil_target = 1;
            }
            /* "killed six villagers and burned several houses": the burning
             * is part of the attack */
            if ((td->cls == EV_DESTROY || td->cls == EV_LOOT) && !(k.weapons & W_AIR)) {
                int violent = 0;
                for (size_t q = 0; q < s->ntg; q++)
                    if (&s->tg[q] != t && s->tg[q].ndef) {
                        int uc = tdef(c, &s->tg[q], 0)->cls;
                        if (uc == EV_KILL || uc == EV_ATTACK || uc == EV_SHOOT || uc == EV_MASSACRE ||
                            uc == EV_CLASH || uc == EV_RAID)
                            violent = 1;
                    }
                if (violent)
                    continue;
            }
            /* the killing words of the sentence give the dead */
            sr_trig *killw = NULL;
            int takes_dead = !(td->cls == EV_DESTROY || td->cls == EV_LOOT || td->cls == EV_DISRUPT ||
                               td->cls == EV_AGREEMENT || td->cls == EV_CHANGE || td->cls == EV_BASE ||
                               td->cls == EV_WITHDRAW || td->cls == EV_ARREST);
            if (td->cls == EV_KILL) {
                killw = t;
            } else if (takes_dead) {
                size_t bestd = (size_t)-1;
                for (size_t j = 0; j < s->ntg; j++) {
                    sr_trig *u = &s->tg[j];
                    if (u == t || u->used)
                        continue;
                    if (tdef(c, u, 0)->cls != EV_KILL)
                        continue;
                    if (!kill_belongs(c, s, u, t, &cl))
                        continue;
                    size_t dd = u->s > t->s ? u->s - t->s : t->s - u->s;
                    if (dd < bestd) {
                        bestd = dd;
                        killw = u;
                    }
                }
            }
            if (killw) {
                k.fat = fatalities_for(c, s, killw);
                if (killw != t) {
                    killw->used = 1;
                    /* "nine soldiers were killed by Taliban fighters in an
                     * ambush" */
                    if (k.a1 < 0 && k.a1_ent < 0 && killw->passive) {
                        int ba = by_agent(c, s, killw->e, &cl);
                        if (ba >= 0 && ba != k.a2) {
                            k.a1 = ba;
                            k.a1_ent = s->men[ba].ent;
                        }
                    }
                    /* the killed are victims too */
                    int vm = -1;
                    if (killw->passive || (tdef(c, killw, 0)->opts & (TRG_VICTIM_SUBJ | TRG_NOUN)))
                        vm = subject_of(c, s, killw->s, &cl, 0, 0);
                    else
                        vm = object_after(c, s, killw->e, &cl, 6, 1);
                    /* ", killing at least 14 civilians", "the killing of 13
                     * people": a noun reading's victims come after it */
                    if (vm < 0 && (tdef(c, killw, 0)->opts & TRG_NOUN))
                        vm = object_after(c, s, killw->e, &cl, 6, 1);
                    if (vm >= 0 && vm != k.a1) {
                        victims_kind(c, &s->men[vm], &k.victims_civ, &k.victims_armed, &k.victims_prot);
                        /* civilians killed in strikes on an ISIS-held town
                         * are the ones the strike fell on */
                        int civ_dead = s->men[vm].ent >= 0 && (c->ents[s->men[vm].ent].flags & ACT_CIVILIAN);
                        /* "attacked their checkpoint": "their" read as the
                         * attackers' own is no target; the dead say who */
                        if ((k.a2 < 0 && k.a2_ent < 0) || (a2_holder && civ_dead) || same_entity(s, k.a1, k.a2)) {
                            k.a2 = vm;
                            k.a2_ent = s->men[vm].ent;
                        }
                    }
                }
            } else if (td->cls == EV_KILL || td->cls == EV_EXECUTE) {
                /* an execution kills those it names: "executed 30 of
                 * their elements", "12 civilians were beheaded" */
                k.fat = fatalities_for(c, s, t);
            }
            if (k.fat < 0 && cue_in(s, 0, s->ntok, CUE_NOCASUALTY) >= 0)
                k.fat = 0;
            k.lethal = k.fat > 0 || killw || cue_in(s, 0, s->ntok, CUE_LETHAL) >= 0;
            for (size_t q = 0; q < s->nmen; q++)
                if (s->men[q].ent >= 0 && (c->ents[s->men[q].ent].flags & ACT_STATE) &&
                    (c->ents[s->men[q].ent].flags & ACT_ARMED))
                    k.state_present = 1;
            /* where */
            locpick lp;
            pick_location(c, s, t->s, &cl, td->cls, td->cls == EV_TERRITORY || td->cls == EV_WITHDRAW ? obj_place : -1, &lp);
            if (lp.vague)
                continue;
            if ((td->cls == EV_TERRITORY || td->cls == EV_WITHDRAW) && lp.n == 0 && !lp.ctx)
                continue;
            int has_anchor = lp.n > 0 || lp.ctx != NULL || lp.prev_ev != NULL;
            int only_country = lp.n > 0 && s->pm[lp.pm[0]].kind == PK_COUNTRY;
            /* when */
            sr_ev proto;
            memset(&proto, 0, sizeof proto);
            int bg = 0;
            event_date(c, s, t->s, &proto, &bg);
            if (bg || background_near(s, t->s > 6 ? t->s - 6 : 0, t->e + 6))
                continue;
            /* "Boko Haram attacked Huyum on Monday ... The insurgents
             * abducted 20 women": the story's day goes on */
            if (!proto.explicit_date && k.a1_ent >= 0) {
                for (size_t q = c->nevs; q > 0; q--) {
                    const sr_ev *pv = &c->evs[q - 1];
                    if (pv->sent < s->index - 2)
                        break;
                    if (pv->a1 == k.a1_ent && pv->explicit_date && pv->has_date) {
                        proto.date = pv->date;
                        proto.has_date = 1;
                        proto.time_precision = pv->time_precision;
                        break;
                    }
                }
            }
            if (!has_anchor && proto.explicit_date) {
                const sr_pmention *q = context_place(c, si, 0, 1);
                if (q) {
                    lp.ctx = q;
                    has_anchor = 1;
                }
            }
            if (!has_anchor && k.a1_ent >= 0) {
                /* "The group killed six villagers": the story goes on where
                 * the same actor's last event was */
                for (size_t q = c->nevs; q > 0; q--) {
                    const sr_ev *pv = &c->evs[q - 1];
                    if (pv->sent < s->index - 2)
                        break;
                    /* "Earlier this month ...": another time, so
                     * perhaps another place */
                    if (proto.explicit_date &&
                        (proto.time_precision >= 3 || !pv->has_date ||
                         labs(sr_days_from_civil(proto.date.y, proto.date.m, proto.date.d) -
                              sr_days_from_civil(pv->date.y, pv->date.m, pv->date.d)) > 1))
                        continue;
                    if (pv->a1 == k.a1_ent && pv->has_loc) {
                        lp.prev_ev = pv;
                        has_anchor = 1;
                        break;
                    }
                }
            }
            /* "At least 10 people were killed Friday when al-Shabaab
             * fighters attacked a base", the place told a sentence later
             * ("... killed in the attack in Lower Shabelle"): kept aside
             * until a mention of the same happening places it */
            int unplaced = 0;
            if (!has_anchor && !anaphoric) {
                if (k.a1_ent < 0 || !proto.explicit_date)
                    continue;
                unplaced = 1;
            }
            if (only_country && !proto.explicit_date) {
                /* "has lost territory in Syria and Iraq": too vague */
                const sr_pmention *q = context_place(c, si, 0, 1);
                if (!q || strcmp(q->cc, s->pm[lp.pm[0]].cc))
                    continue;
                lp.n = 0;
                lp.ctx = q;
            }
            const char *loc_cc = lp.n ? s->pm[lp.pm[0]].cc : lp.ctx ? lp.ctx->cc : lp.prev_ev ? lp.prev_ev->loc_cc : "";
            if (!loc_cc[0] && c->focus_country >= 0)
                loc_cc = d->countries[c->focus_country].iso2;
            k.recv = td->cls == EV_WITHDRAW ? receiver_of(c, s, t, cb) : -1;
            int sub = decide(c, &k, loc_cc);
            if (sub < 0 && anaphoric && (td->cls == EV_ATTACK || td->cls == EV_KILL || td->cls == EV_SHOOT ||
                                         td->cls == EV_BOMB)) {
                /* "The attack happened in Huyum": the attack told just before */
                for (size_t q = c->nevs; q > 0; q--) {
                    const sr_ev *pv = &c->evs[q - 1];
                    if (pv->sent < s->index - 3)
                        break;
                    if (pv->type == TYPE_BATTLES || pv->type == TYPE_EXPLOSIONS || pv->type == TYPE_VAC) {
                        sub = pv->sub;
                        break;
                    }
                }
            }
            if (sub < 0)
                continue;
            /* "they heard a loud explosion": a sound, unless it killed or
             * someone did it */
            if (weak && td->cls == EV_BOMB && k.a1_ent < 0 && k.fat <= 0 && !anaphoric && !definite_noun(s, t))
                continue;
            /* actor roles by type: protests are by protesters */
            int a1e = k.a1_ent, a2e = k.a2_ent;
            const char *a1t = k.a1 >= 0 ? span_text(c, s, s->men[k.a1].s, s->men[k.a1].e) : NULL;
            const char *a2t = k.a2 >= 0 ? span_text(c, s, s->men[k.a2].s, s->men[k.a2].e) : NULL;
            if (td->cls == EV_WITHDRAW) {
                /* a place handed over or left: actor1 is the side that
                 * takes it, as ACLED codes it and as the control timeline
                 * reads it ("the army withdrew from X and handed it to
                 * the Kurdish forces": the Kurdish forces hold X); the
                 * side that left is actor2 */
                int recv = k.recv >= 0 ? s->men[k.recv].ent : -1;
                a2e = recv != a1e ? a1e : -1;
                a2t = a2e >= 0 ? a1t : NULL;
                a1e = recv;
                a1t = recv >= 0 ? span_text(c, s, s->men[k.recv].s, s->men[k.recv].e) : NULL;
            }
            int type = sr_acled_type(sub);
            if (type == TYPE_PROTESTS) {
                int prot = -1;
                for (size_t j = 0; j < s->nmen; j++)
                    if (s->men[j].ent >= 0 && (c->ents[s->men[j].ent].flags & ACT_PROTESTER)) {
                        prot = (int)j;
                        break;
                    }
                int other = -1;
                if (a1e >= 0 && !(c->ents[a1e].flags & (ACT_PROTESTER | ACT_CIVILIAN)))
                    other = a1e;
                else if (a2e >= 0 && !(c->ents[a2e].flags & (ACT_PROTESTER | ACT_CIVILIAN)))
                    other = a2e;
                const char *ot = other == a1e ? a1t : a2t;
                if (prot >= 0) {
                    a1e = s->men[prot].ent;
                    a1t = span_text(c, s, s->men[prot].s, s->men[prot].e);
                } else {
                    a1e = sr_entity_generic(c, "OPP", 0, c->focus_country);
                    a1t = NULL;
                }
                a2e = other;
                a2t = other >= 0 ? ot : NULL;
                if (a2e < 0) {
                    /* "demonstrators denounced the policies of the SDF" */
                    for (size_t j = 0; j < s->nmen; j++) {
                        const sr_mention *m = &s->men[j];
                        if (m->ent >= 0 && m->ent != a1e && !(c->ents[m->ent].flags & (ACT_SOURCE | ACT_CIVILIAN)) &&
                            !m->modifier && m->s > t->s) {
                            a2e = m->ent;
                            a2t = span_text(c, s, m->s, m->e);
                            break;
                        }
                    }
                }
                if (sub == SUB_EXCESSIVE_FORCE && a2e < 0) {
                    /* "another two demonstrators died in Mandalay": the
                     * forces named for the earlier shootings */
                    for (size_t q = c->nevs; q > 0; q--)
                        if (c->evs[q - 1].sub == SUB_EXCESSIVE_FORCE && c->evs[q - 1].a1 >= 0) {
                            a2e = c->evs[q - 1].a1;
                            a2t = c->evs[q - 1].a1_text;
                            break;
                        }
                }
                if (sub == SUB_EXCESSIVE_FORCE && a2e >= 0) {
                    /* the forces that shot are the actor, as ACLED codes it */
                    int te = a1e;
                    const char *tt = a1t;
                    a1e = a2e;
                    a1t = a2t;
                    a2e = te;
                    a2t = tt;
                }
            } else if (sub == SUB_VAC_ATTACK || sub == SUB_ABDUCTION) {
                /* those taken are civilians unless named otherwise: "and
                 * kidnapped 30 others" */
                if (a2e < 0 && (k.victims_civ || k.civ_target || k.person_victim || sub == SUB_ABDUCTION))
                    a2e = sr_entity_generic(c, "CVL", 0, c->focus_country);
            } else if (type == TYPE_EXPLOSIONS || type == TYPE_BATTLES) {
                /* suicide bombers and unnamed attackers */
                if (a1e < 0 && (sub == SUB_SUICIDE || (sub == SUB_IED && td->cls == EV_CARBOMB))) {
                    for (size_t j = 0; j < s->nmen; j++)
                        if (s->men[j].ent >= 0 && (c->ents[s->men[j].ent].flags & ACT_UNKNOWN)) {
                            a1e = s->men[j].ent;
                            a1t = span_text(c, s, s->men[j].s, s->men[j].e);
                        }
                }
            }
            int a2_is_a1 = a1e >= 0 && a1e == a2e;
            if (a2_is_a1 && sub != SUB_VAC_ATTACK) {
                a2e = -1;
                a2t = NULL;
            }
            /* "air strikes on a village killed 50 people": the dead are
             * civilians unless named otherwise */
            if (type == TYPE_EXPLOSIONS && a2e < 0 && (!k.victims_armed || a2_is_a1) &&
                (k.victims_civ || (k.civ_target && k.fat > 0)))
                a2e = sr_entity_generic(c, "CVL", 0, c->focus_country);
            sr_modality mod = modality_of(c, s, t, &cl);
            /* one event per place */
            int nloc = lp.n ? lp.n : 1;
            for (int li = 0; li < nloc; li++) {
                sr_ev *v = new_ev(c);
                if (!v)
                    return;
                v->sent = s->index;
                v->tok = t->s;
                v->cls = k.cls;
                v->sub = sub;
                v->type = type;
                v->a1 = a1e;
                v->a2 = a2e;
                v->a1_text = a1t;
                v->a2_text = a2t;
                v->fatalities = nloc > 1 ? -1 : k.fat;
                v->split = nloc > 1;
                v->mod = mod;
                v->date = proto.date;
                v->has_date = proto.has_date;
                v->time_precision = proto.time_precision;
                v->explicit_date = proto.explicit_date;
                v->anaphoric = anaphoric;
                v->unplaced = unplaced;
                v->generic = (k.cls == EV_ATTACK || k.cls == EV_SHOOT || k.cls == EV_KILL) && !k.weapons;
                if (lp.n) {
                    const sr_pmention *p = &s->pm[lp.pm[li]];
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
                } else if (lp.prev_ev) {
                    const sr_ev *pv = lp.prev_ev;
                    v->has_loc = 1;
                    v->loc_name = pv->loc_name;
                    v->loc_admin1 = pv->loc_admin1;
                    v->loc_text = pv->loc_text;
                    memcpy(v->loc_cc, pv->loc_cc, 3);
                    v->lat = pv->lat;
                    v->lon = pv->lon;
                    v->has_coords = pv->has_coords;
                    v->precision = pv->precision < 2 && lp.refloc == 2 ? 2 : pv->precision;
                    v->loc_place = pv->loc_place;
                    v->loc_kind = pv->loc_kind;
                } else if (lp.ctx) {
                    set_loc(v, lp.ctx, lp.refloc == 2);
                    v->loc_text = lp.ctx->text;
                }
                if (!v->loc_cc[0] && c->focus_country >= 0)
                    memcpy(v->loc_cc, d->countries[c->focus_country].iso2, 3);
            }
        }
    }
}
