/* Event words, before anything is decided about them.
 *
 * In: a sentence analysed (tokens, dictionary matches, mentions, places,
 * cues). Out: s->tg, the event words with their meanings (several for an
 * ambiguous word: "strikes" noun or verb), the part of speech that the
 * words around settle, and the voice ("were killed"); the clauses; what
 * the sentence tells as a whole (sr_sctx); and, word by word, which of its
 * meanings fits its objects (sr_word_meaning). */
#include <string.h>

#include "../lang/inflect.h"
#include "../util/str.h"
#include "pass.h"

/* ---- sentence structure ---------------------------------------------------- */

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

const sr_trigger_def *tdef(const sr_coder *c, const sr_trig *t, int k)
{
    return &c->eng->d.triggers[t->def[k]];
}

int is_be(const sr_engine *e, uint32_t id)
{
    return id && (id == e->w.was || id == e->w.were || id == e->w.is || id == e->w.are || id == e->w.been ||
                  id == e->w.being || id == e->w.be);
}

int is_adverb_like(const sr_engine *e, const sr_token *t)
{
    size_t n = t->nlen;
    if (!(t->flags & TK_ALPHA))
        return 0;
    if (n > 3 && sr_affix(e, AF_ADVERB, t->norm))
        return 1;
    return word_has(e, t->id, WA_ADVERB);
}

/* Whether a mention of a side ends right before token i */
static int side_ends_at(const sr_sent *s, size_t i)
{
    int m = mention_ending_at(s, i);
    return m >= 0 && s->men[m].ent >= 0 && !s->men[m].pronoun;
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
        /* (and the quote marks of a word set off: were "neutralized") */
        if (is_adverb_like(e, p) || p->id == e->w.not || (p->flags & TK_NEG) || is_quote_mark(p))
            i--;
        else
            break;
    }
    /* "the rubble of a house destroyed in an Israeli strike": a participle
     * right after the thing it befell (no side's name), then a
     * preposition and the happening that did it */
    if ((d->form == VF_PART || d->form == VF_PAST) && t->s > 0 && (size_t)t->e + 1 < s->ntok &&
        (s->tok[t->s - 1].flags & TK_ALPHA) && !(s->tok[t->s - 1].flags & TK_CAP) && s->owner[t->s - 1] < 0 &&
        !word_has(e, s->tok[t->s - 1].id, WA_PRONOUN) && !word_has(e, s->tok[t->s - 1].id, WA_AUX) &&
        word_has(e, s->tok[t->e].id, WA_LOCPREP))
        for (size_t q = 0; q < s->ntg; q++) {
            const sr_trig *u = &s->tg[q];
            if (u->s > t->e && u->s <= (size_t)t->e + 4 && u->ndef && (tdef(c, u, 0)->opts & TRG_NOUN))
                return 1;
        }
    /* "N people killed", "a convoy hit by": a participle followed by "by" */
    /* (a past and a participle alike right after people: "the bodies of
     * six people abducted by suspected militants"; not "their enclave,
     * besieged by ISIL forces", a state told) */
    if (t->e < s->ntok && s->tok[t->e].id == e->w.by &&
        (d->form == VF_PART || (d->form == VF_PAST && t->s > 0 && (word_has(e, s->tok[t->s - 1].id, WA_PEOPLE) ||
                                                                    side_ends_at(s, t->s)))))
        return 1;
    /* a headline drops "were": "Six soldiers killed in attack on post";
     * "Two explosions killed at least 84 people" counts its object */
    sr_number obj;
    if (t->e < s->ntok && word_has(e, s->tok[t->e].id, WA_LOCPREP) &&
        !sr_read_quantity(s->tok, s->ntok, t->e, &obj)) {
        if (s->headline)
            return 1;
        /* so does a body: "Ten soldiers killed in an ambush in Borno":
         * a count and its noun right before the participle */
        size_t ts = (size_t)t->s;
        /* (or before a side's name: "the funerals of five police officers
         * killed in a bomb attack") */
        size_t lead = ts - 1;
        for (size_t q = 0; q < s->nmen && ts >= 2; q++)
            if (s->men[q].e == ts && s->men[q].s < lead && ts - s->men[q].s <= 3)
                lead = s->men[q].s;
        if (ts >= 2 && (s->tok[ts - 1].flags & TK_ALPHA) && !(s->tok[ts - 1].flags & TK_CAP)) {
            for (size_t b = lead >= 3 ? lead - 3 : 0; b < lead; b++) {
                sr_number n;
                size_t u = sr_read_quantity(s->tok, s->ntok, b, &n);
                if (u && b + u == lead && !n.is_year && !n.vague)
                    return 1;
            }
        }
    }
    return 0;
}


/* ---- noun or verb ------------------------------------------------------------ */

int is_det_word(const sr_engine *e, const sr_token *t)
{
    return word_has(e, t->id, WA_DET);
}

int is_aux_word(const sr_engine *e, const sr_token *t)
{
    return word_has(e, t->id, WA_AUX);
}

size_t age_at(const sr_engine *e, const sr_sent *s, size_t i)
{
    sr_number num;
    if (!e->w.old || i + 2 >= s->ntok || !(s->tok[i + 1].flags & TK_HYPH) || !(s->tok[i + 2].flags & TK_HYPH) ||
        s->tok[i + 2].id != e->w.old || sr_read_number(s->tok, s->ntok, i, &num) != 1)
        return 0;
    return 3;
}

int is_quote_mark(const sr_token *t)
{
    return sr_tok_eq(t, "\"") || sr_tok_eq(t, "\xe2\x80\x9c") || sr_tok_eq(t, "'");
}

int people_counted_at(const sr_engine *e, const sr_sent *s, size_t j)
{
    sr_number num;
    size_t u = sr_read_quantity(s->tok, s->ntok, j, &num);
    /* "captured three suspected terrorists" */
    if (u && j + u + 1 < s->ntok && word_has(e, s->tok[j + u].id, WA_HEDGE))
        u++;
    return u && j + u < s->ntok && !has_cue(s, j + u, CUE_NONHUMAN) && !num.is_year &&
           (word_has(e, s->tok[j + u].id, WA_PEOPLE) || s->tok[j + u].id == e->w.families);
}

/* "freed 12 kidnap victims from a forest hideout": a count right after a
 * verb, of what is no place (no place noun, place or word of things among
 * the three words after it), is what was taken or freed */
static int counted_not_place(const sr_sent *s, size_t j)
{
    sr_number num;
    size_t u = sr_read_quantity(s->tok, s->ntok, j, &num);
    if (!u || num.is_year)
        return 0;
    const uint64_t places = (1ULL << CUE_PN_TOWN) | (1ULL << CUE_PN_REGION) | (1ULL << CUE_PN_FEATURE);
    for (size_t q = j + u; q < s->ntok && q < j + u + 3 && !(s->tok[q].flags & TK_PUNCT); q++)
        if ((s->cuemask[q] & places) || (s->owner[q] >= 0 && s->m[s->owner[q]].kind == PH_PLACE) ||
            has_cue(s, q, CUE_NONHUMAN))
            return 0;
    return 1;
}

/* Whether a count and "of" ("hundreds of", "dozens of") run from token j
 * to token end. */
static int counted_of(const sr_engine *e, const sr_sent *s, size_t j, size_t end)
{
    sr_number num;
    size_t u = sr_read_quantity(s->tok, s->ntok, j, &num);
    return u && j + u + 1 == end && tok_is(s, j + u, e->w.of) && !num.is_year;
}

int them_counted(const sr_engine *e, const sr_sent *s, const sr_trig *t, int avoid)
{
    if (t->passive || !tok_is(s, t->e, e->w.them))
        return -1;
    for (size_t q = s->nmen; q > 0; q--) {
        const sr_mention *m = &s->men[q - 1];
        if (m->e <= t->s && (int)(q - 1) != avoid && m->ent >= 0 && m->count > 0)
            return (int)(q - 1);
    }
    return -1;
}

int role_before(const sr_engine *e, const sr_sent *s, size_t pos, uint64_t role)
{
    for (size_t i = pos; i > 0 && pos - i < 3; i--)
        if (word_has(e, s->tok[i - 1].id, role))
            return 1;
    return 0;
}

/* 1 noun, 0 verb, -1 cannot tell: "the strikes killed" / "US strikes pro-Assad forces". */
static int pos_of(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    const sr_engine *e = c->eng;
    /* "GOMA - Shells fired by M23 rebels landed on a camp": the first word
     * after a dateline starts the sentence as the first word does */
    if (t->s > 0 && (int)t->s == s->dateline_end)
        return 1;
    if (t->s > 0) {
        const sr_token *p = &s->tok[t->s - 1];
        /* "a civilian militia that fights alongside the army": "that"
         * after a noun opens a clause, its word a verb (not "in that
         * attack", "That fight") */
        if (p->id == e->w.that && t->s >= 2 && (s->tok[t->s - 2].flags & TK_ALPHA) &&
            !word_has(e, s->tok[t->s - 2].id, WA_LOCPREP) && !is_det_word(c->eng, &s->tok[t->s - 2]) &&
            !has_cue(s, t->s - 2, CUE_REPORT) && !has_cue(s, t->s - 2, CUE_STANCE) && s->owner[t->s - 2] >= 0)
            return 0;
        if ((p->flags & (TK_POSS | TK_NUM)) || is_det_word(c->eng, p))
            return 1;
        /* "a second strike hit the same monastery": a word of "another"'s
         * kind between a determiner and the word */
        if (t->s >= 2 && word_has(e, p->id, WA_DISTINCT) && is_det_word(c->eng, &s->tok[t->s - 2]))
            return 1;
        /* "in response to attacks on Red Sea shipping": "to" a preposition */
        if (p->id == e->w.to && t->s >= 2 && word_has(e, s->tok[t->s - 2].id, WA_TO_PREP))
            return 1;
        if (is_aux_word(c->eng, p) || (p->flags & TK_NEG))
            return 0;
        /* "targeted with rocket shells the residential neighborhoods": an
         * event noun after a preposition, and the word its head */
        if (t->s >= 2 && s->owner[t->s - 1] >= 0 && s->m[s->owner[t->s - 1]].kind == PH_TRIGGER &&
            s->m[s->owner[t->s - 1]].start == t->s - 1 &&
            (s->tok[t->s - 2].id == e->w.with || s->tok[t->s - 2].id == e->w.by ||
             word_has(e, s->tok[t->s - 2].id, WA_LOCPREP)))
            return 1;
        /* "killed in clashes between", "amid clashes": after a
         * preposition (but "to": "tried to storm") */
        /* (a gerund takes an object: "accused the rebels of shelling
         * civilians", "on the verge of retaking") */
        const sr_token *w = &s->tok[t->s];
        if (!(w->nlen > 4 && sr_affix(e, AF_GERUND, w->norm)) && p->id != e->w.to &&
            (word_has(e, p->id, WA_LOCPREP) || p->id == e->w.during || p->id == e->w.amid))
            return 1;
    } else {
        return 1;
    }
    if (t->e >= s->ntok)
        return 1;
    const sr_token *nx = &s->tok[t->e];
    if (nx->flags & TK_PUNCT)
        return 1;
    uint32_t id = nx->id;
    /* (", killing at least 27 people": a count's "at", no place) */
    if (id == e->w.at && (size_t)t->e + 1 < s->ntok && word_has(e, s->tok[t->e + 1].id, WA_SUPERLATIVE))
        id = 0;
    if (id && (id == e->w.on || id == e->w.against || id == e->w.by || id == e->w.in || id == e->w.at ||
               id == e->w.near || id == e->w.of || id == e->w.that || id == e->w.which || id == e->w.and_ ||
               id == e->w.was || id == e->w.were || id == e->w.is || id == e->w.are || id == e->w.have ||
               id == e->w.has || id == e->w.had || id == e->w.from || id == e->w.targeting || id == e->w.between))
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
/* "A roadside bomb targeting a convoy of the UN peacekeeping mission in
 * Mali exploded near Kidal": a blast's verb told of a bomb noun before it
 * in its clause, whatever words lie between. */
static int blast_of_bomb_noun(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    const sr_trigger_def *td = tdef(c, t, 0);
    if (td->cls != EV_BOMB || !(td->opts & TRG_WEAK) || !(td->opts & TRG_VERB))
        return 0;
    /* (not one with an object: "opened fire before detonating an
     * explosive vest" is the bomber's deed) */
    if (t->e < s->ntok && is_det_word(c->eng, &s->tok[t->e]))
        return 0;
    for (size_t k = 0; k < s->ntg; k++) {
        const sr_trig *u = &s->tg[k];
        if (u == t || u->e > t->s || t->s - u->e > 15 || !u->ndef || !(tdef(c, u, 0)->opts & TRG_NOUN))
            continue;
        int cls = tdef(c, u, 0)->cls;
        if (cls != EV_IED && cls != EV_BOMB && cls != EV_CARBOMB && cls != EV_SUICIDE)
            continue;
        int broken = 0;
        for (size_t i = u->e; i < t->s && !broken; i++)
            broken = (s->tok[i].flags & TK_PUNCT) != 0;
        if (!broken)
            return 1;
    }
    return 0;
}

int predicate_of_event_noun(const sr_coder *c, const sr_sent *s, const sr_trig *t)
{
    if (t->s == 0)
        return 0;
    if (blast_of_bomb_noun(c, s, t))
        return 1;
    /* "An improvised explosive device went off targeting a military
     * vehicle": a participle going on from the noun's own verb */
    /* (its verb no event word: "went off", "exploded") */
    if (tdef(c, t, 0)->form == VF_ING) {
        size_t b = t->s;
        while (b > 0 && t->s - b < 3 && (s->tok[b - 1].flags & TK_ALPHA) && !(s->tok[b - 1].flags & TK_CAP) &&
               s->owner[b - 1] < 0)
            b--;
        for (size_t k = 0; k < s->ntg; k++) {
            const sr_trig *u = &s->tg[k];
            if (u == t || !u->ndef || u->s >= t->s)
                continue;
            if (u->e == t->s && (tdef(c, u, 0)->opts & TRG_VERB) && predicate_of_event_noun(c, s, u))
                return 1;
            if (b < t->s && u->e == b && (tdef(c, u, 0)->opts & TRG_NOUN))
                return 1;
        }
    }
    size_t j = t->s;
    for (int again = 1; again;) {
        again = 0;
        while (j > 0 && is_adverb_like(c->eng, &s->tok[j - 1]))
            j--;
        /* "three U.S. airstrikes on Sunday targeted" */
        for (size_t x = 0; x < s->ntx; x++)
            if (s->tx[x].e == j) {
                j = s->tx[x].s;
                if (j > 0 && word_has(c->eng, s->tok[j - 1].id, WA_TIME_LEAD))
                    j--;
                again = 1;
            }
    }
    /* "two soldiers were killed in the strikes, which hit air defence
     * systems": the noun the relative pronoun stands for */
    if (j > 0 && (s->tok[j - 1].id == c->eng->w.which || s->tok[j - 1].id == c->eng->w.that)) {
        j--;
        if (j > 0 && sr_tok_eq(&s->tok[j - 1], ","))
            j--;
    }
    for (size_t k = 0; k < s->ntg; k++) {
        const sr_trig *u = &s->tg[k];
        /* "Friday's attack targeted a military compound": a noun no
         * type fitted leaves the telling to its verb */
        if (u == t || u->e != j || u->untyped)
            continue;
        for (int d = 0; d < u->ndef; d++)
            if (tdef(c, u, d)->opts & TRG_NOUN)
                return 1;
    }
    return 0;
}

/* "the attack", "the overnight strikes", "Sunday's attack": a happening
 * told before. */
int part_of_told(const sr_sent *s, const sr_trig *t)
{
    size_t e = cue_end(s, 0, CUE_PART);
    return e && e <= t->s && t->s <= e + 1;
}

/* Whether token i is part of a place the sentence names. */
static int place_word(const sr_sent *s, size_t i)
{
    for (size_t j = 0; j < s->npm; j++)
        if (s->pm[j].ns <= i && i < s->pm[j].ne)
            return 1;
    return 0;
}

int definite_noun(const sr_engine *e, const sr_sent *s, const sr_trig *t)
{
    if (part_of_told(s, t))
        return 0;
    /* "the capture of X", "the killing of": described here, not before */
    if (tok_is(s, t->e, e->w.of))
        return 0;
    for (size_t i = t->s, hops = 0; i > 0 && hops < 3; i--, hops++) {
        const sr_token *p = &s->tok[i - 1];
        /* ("confirmed that a cruise missile ...": "a" is no "that") */
        if (p->id == e->w.a || p->id == e->w.an)
            return 0;
        if (word_has(e, p->id, WA_DEMONSTRATIVE))
            return 1;
        if ((p->flags & TK_POSS) && i >= 2 && sr_weekday_name(s->tok[i - 2].norm) >= 0)
            return 1;
        /* "the Israeli strikes", "the ISIS attack": whose, then "the" */
        if (s->owner[i - 1] >= 0 &&
            (s->m[s->owner[i - 1]].kind == PH_COUNTRY || s->m[s->owner[i - 1]].kind == PH_ACTOR))
            continue;
        /* (or where: "was also killed in the Bijapur encounter") */
        if ((p->flags & TK_CAP) && place_word(s, i - 1))
            continue;
        if (!(p->flags & TK_ALPHA) || (p->flags & TK_CAP) || s->owner[i - 1] >= 0)
            return 0;
    }
    return 0;
}

int referent_noun(const sr_engine *e, const sr_sent *s, const sr_trig *t)
{
    size_t j = t->s;
    /* (past an event word before it: "a shooting attack") */
    if (j > 1 && s->owner[j - 1] >= 0 && s->m[s->owner[j - 1]].kind == PH_TRIGGER)
        j = s->m[s->owner[j - 1]].start;
    size_t head = j;
    if (j > 0 && tok_is(s, j - 1, e->w.the))
        j--;
    else if (j > 0 && (tok_is(s, j - 1, e->w.a) || tok_is(s, j - 1, e->w.an)))
        j--;
    else
        return 0;
    /* "two Palestinians accused of carrying out an attack": the support
     * verb between */
    int support = 0;
    for (size_t back = 1; back <= 3 && back <= j && !support; back++)
        if (has_cue(s, j - back, CUE_SUPPORT) && cue_end(s, j - back, CUE_SUPPORT) == j) {
            j -= back;
            support = 1;
        }
    if (j > 0 && (tok_is(s, j - 1, e->w.in) || tok_is(s, j - 1, e->w.for_) || tok_is(s, j - 1, e->w.to) ||
                  tok_is(s, j - 1, e->w.of) || tok_is(s, j - 1, e->w.with)))
        j--;
    /* (an indefinite one only with its support verb: "suspected of
     * staging an ambush", not "involved in an attack") */
    if (!support && !tok_is(s, head - 1, e->w.the))
        return 0;
    return j > 0 && word_has(e, s->tok[j - 1].id, WA_REFERENT);
}

int trig_cls(const sr_coder *c, const sr_trig *t, int k)
{
    return tdef(c, t, k)->cls;
}

/* "captured a military battalion headquarters", "seized an army base":
 * the actor's word names whose site it is; the site was taken, not them. */
static int site_named_after(const sr_coder *c, const sr_sent *s, int om)
{
    /* a unit's word between ("battalion") */
    for (size_t j = s->men[om].e; j < s->ntok && j <= (size_t)s->men[om].e + 1; j++) {
        if (has_cue(s, j, CUE_MILTARGET) || word_has(c->eng, s->tok[j].id, WA_BUILDING))
            return 1;
        if (!(s->tok[j].flags & TK_ALPHA) || (s->tok[j].flags & TK_CAP) || s->owner[j] >= 0)
            return 0;
    }
    return 0;
}

/* "seized a commercial cargo ship": a craft (cues.txt VESSEL) in the words
 * right after the verb, before any place */
static int vessel_taken(const sr_sent *s, size_t from)
{
    if (!(s->cues & (1ULL << CUE_VESSEL)))
        return 0;
    for (size_t j = from; j < s->ntok && j < from + 5; j++) {
        if (has_cue(s, j, CUE_VESSEL))
            return 1;
        if ((s->tok[j].flags & TK_PUNCT) || (s->tok[j].flags & TK_CAP) || (s->owner[j] >= 0 && s->m[s->owner[j]].kind == PH_PLACE))
            return 0;
    }
    return 0;
}

/* Which of the meanings of a trigger applies ("take" a town, "take"
 * families). Returns the payload index or -1. */
/* Whether tokens [a, b) are words in lower case, none an event's, the
 * last maybe a comma ("capital, Wad Madani") */
static int plain_words(const sr_sent *s, size_t a, size_t b)
{
    if (b > a + 1 && sr_tok_eq(&s->tok[b - 1], ","))
        b--;
    for (size_t q = a; q < b; q++)
        if (!(s->tok[q].flags & TK_ALPHA) || (s->tok[q].flags & TK_CAP) || s->owner[q] >= 0)
            return 0;
    return 1;
}

/* The place that is the object of verb t: the first place after it in
 * its clause, or -1. */
static int object_place(const sr_coder *c, const sr_sent *s, const sr_trig *t, const clauses *cl)
{
    const sr_engine *e = c->eng;
    for (size_t k = 0; k < s->npm; k++) {
        const sr_pmention *p = &s->pm[k];
        if (p->s < t->e || p->dateline || p->in_report || p->is_listed || p->refloc || !p->loc.name)
            continue;
        if (p->s > t->e + 10 || cl->hard[p->s] != cl->hard[t->s])
            break;
        /* "a weapons cache it had seized near Hama": a place told right
         * after the verb with a preposition of place is where, not what */
        if (t->e < s->ntok && word_has(e, s->tok[t->e].id, WA_LOCPREP) && s->tok[t->e].id != e->w.of &&
            s->tok[t->e].id != e->w.from)
            break;
        /* "captured X from Y", "took from Daesh two villages: X and Y" */
        int op = (int)k;
        /* (the place a province's or a country's "'s" holds: "captured a
         * regime base in Rakhine State's Kyauktaw Township") */
        /* (and across a compass word: "took control of much of Syria's
         * northwest Idlib province") */
        /* (or across plain words before a place noun: "retaken control
         * of the Amhara region's second largest city, Gondar") */
        if (k + 1 < s->npm && p->e < s->ntok && s->pm[k + 1].s >= p->e + 1 && s->pm[k + 1].s <= p->e + 5 &&
            (s->tok[p->e].flags & TK_POSS) && !s->pm[k + 1].unknown &&
            (s->pm[k + 1].s == p->e + 1 || has_cue(s, p->e + 1, CUE_DIRADJ) || plain_words(s, p->e + 1, s->pm[k + 1].s)))
            op = (int)k + 1;
        return op;
    }
    return -1;
}

static int choose_meaning(const sr_coder *c, const sr_sent *s, const sr_trig *t, const clauses *cl, int *obj_place,
                          int *obj_ment)
{
    const sr_engine *e = c->eng;
    *obj_place = -1;
    *obj_ment = -1;
    /* the object: first place or actor after the verb in its clause */
    int op = object_place(c, s, t, cl), om = -1;
    for (size_t k = 0; k < s->nmen; k++) {
        const sr_mention *m = &s->men[k];
        if (m->s < t->e || m->modifier || m->ent < 0)
            continue;
        /* "... before opening fire, a county official said": the teller
         * is no object */
        if (m->s > t->e + 4 || cl->hard[m->s] != cl->hard[t->s] ||
            ((int)m->s >= s->report_start && (int)t->s < s->report_start))
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
            /* this meaning's own search for its place: the next meaning
             * still sees only the place after the word */
            int pop = op;
            int ok = pop >= 0;
            /* passive or nominal: the place may be the subject ("X was
             * captured") or after "of" ("the capture of X") */
            /* (or "the town fell to the rebels") */
            if (!ok && (t->passive || (d->opts & (TRG_NOUN | TRG_LOST_TO)))) {
                for (size_t j = 0; j < s->npm; j++) {
                    const sr_pmention *p = &s->pm[j];
                    if (!usable_place(p))
                        continue;
                    if ((p->e <= t->s && t->s - p->e <= 4) || (p->s >= t->e && p->s <= t->e + 3)) {
                        pop = (int)j;
                        ok = 1;
                        break;
                    }
                }
            }
            /* "recapturing the city from Islamic State": a town told
             * before, named again as the object; the place pass finds it
             * (not "captured the base briefly": a post, no territory) */
            for (size_t j = 0; !ok && (d->opts & TRG_VERB) && !t->passive && j < s->npm; j++)
                if (s->pm[j].refloc && s->pm[j].s == t->e && !s->pm[j].in_report &&
                    (s->pm[j].loc.kind == PK_CITY || s->pm[j].loc.kind == PK_TOWN || s->pm[j].loc.kind == PK_VILLAGE))
                    ok = 1;
            /* "the neighborhood it captured": the place is before, when
             * nothing follows as the object ("seized its weapons") */
            int obj_after = t->e < s->ntok && is_det_word(e, &s->tok[t->e]);
            /* "seized weapons and ammunition": things taken, no place */
            if (t->e < s->ntok && has_cue(s, t->e, CUE_ARMS) && !t->passive)
                continue;
            /* nor "seized a commercial cargo ship in the Red Sea" */
            if (!t->passive && vessel_taken(s, t->e))
                continue;
            for (size_t j = 0; obj_after && j < s->npm; j++)
                if (s->pm[j].s >= t->e && s->pm[j].s <= t->e + 2)
                    obj_after = 0; /* "to capture the town": a place after all */
            if (!ok && (d->opts & TRG_VERB) && !obj_after) {
                for (size_t j = s->npm; j > 0; j--) {
                    const sr_pmention *p = &s->pm[j - 1];
                    if (p->e <= t->s && t->s - p->e <= 3 && usable_place(p)) {
                        pop = (int)j - 1;
                        ok = 1;
                        break;
                    }
                }
            }
            if (ok && pop >= 0 && !t->passive && (d->opts & TRG_VERB) && s->pm[pop].s > t->e &&
                counted_not_place(s, t->e))
                ok = 0;
            /* an actor right after the verb is not a place object, unless
             * the place follows ("took from Daesh two villages") */
            if (ok && om >= 0 && s->men[om].s < s->pm[pop].s && !(d->opts & TRG_FROM_ACTOR2) &&
                !(s->men[om].prep == e->w.from) && s->pm[pop].s > s->men[om].e + 6)
                ok = 0;
            /* "the operation in the Deir al-Zor countryside captured three
             * suspected terrorists": people right after the verb are what
             * was taken, the place before it only where */
            /* nor "took 40 Boko Haram fighters prisoner near Gwoza": the
             * people are what was taken, the place after them only where
             * ("taking hundreds of passengers hostage": a count in words;
             * "took more than 100 hostages back to Gaza": a count of three) */
            if (ok && om >= 0 && !t->passive && (d->opts & TRG_VERB) &&
                (s->men[om].s <= t->e + 2 || (s->men[om].count > 0 && s->men[om].s <= t->e + 4)) &&
                (s->pm[pop].e <= t->s || s->pm[pop].s > s->men[om].e) && !(s->men[om].prep == e->w.from) &&
                !s->men[om].poss && (s->men[om].count > 0 || counted_of(e, s, t->e, s->men[om].s)))
                ok = 0;
            /* "gunmen seized their leader in Kismayo": people taken, and
             * the place only where */
            if (ok && om >= 0 && !t->passive && (d->opts & TRG_VERB) && s->men[om].s <= t->e + 2 &&
                s->pm[pop].s > s->men[om].e && s->pm[pop].prep && s->pm[pop].prep != e->w.of &&
                s->pm[pop].prep != e->w.from && word_has(e, s->pm[pop].prep, WA_LOCPREP) &&
                !(s->men[om].prep == e->w.from) && !s->men[om].poss && !has_cue(s, s->men[om].e, CUE_NONHUMAN) &&
                !site_named_after(c, s, om))
                ok = 0;
            if (!ok)
                continue;
            *obj_place = pop;
            *obj_ment = om;
            return k;
        }
        if (d->opts & TRG_NEED_VICTIM) {
            int ok = 0;
            /* "seized its weapons": the group's things, not the group */
            int things = om >= 0 && (size_t)s->men[om].e < s->ntok &&
                         (has_cue(s, s->men[om].e, CUE_NONHUMAN) || site_named_after(c, s, om));
            /* (nor "seized the base, but the army said": people past a comma
             * are no object of the verb) */
            for (size_t q = t->e; om >= 0 && q < s->men[om].s && !things; q++)
                things = sr_tok_eq(&s->tok[q], ",");
            if (om >= 0 && !(om >= 0 && op >= 0 && s->pm[op].s < s->men[om].s) && !things)
                ok = 1;
            if (t->passive) {
                /* "positions were captured": things, not people */
                int sj = subject_of(c, s, t->s, cl, 0, 0);
                if (sj >= 0 && s->men[sj].e + 4 >= t->s)
                    ok = 1;
            }
            /* "forced nine passengers off and shot them dead": people told
             * before in the sentence */
            if (!ok)
                ok = them_counted(e, s, t, -1) >= 0;
            if (!ok) {
                /* "took 100 families": a count of people */
                size_t j = t->e;
                ok = people_counted_at(c->eng, s, j);
                /* "assassinated a local commander of the SDF": a person
                 * after a word or two */
                for (size_t q = j; !ok && (d->cls == EV_EXECUTE || d->cls == EV_ATTACK) && q < s->ntok && q < j + 4; q++) {
                    if (s->tok[q].flags & TK_PUNCT)
                        break;
                    if (has_cue(s, q, CUE_PERSON) || word_has(c->eng, s->tok[q].id, WA_PERSON_HEAD))
                        ok = 1;
                }
            }
            if (!ok)
                continue;
            *obj_ment = om;
            return k;
        }
        if (d->opts & TRG_NEED_OBJ) {
            int ok = om >= 0 || op >= 0 || t->passive;
            /* "arrested 15 suspected members of the Mungiki sect": a count
             * of people no list names */
            if (!ok)
                ok = people_counted_at(c->eng, s, t->e);
            if (!ok) {
                /* "intercepted a drone", "stormed houses", "targeted a building"
                 * (or a thing of someone's: "targeted a car belonging to a
                 * member of the regime forces") */
                for (size_t j = t->e; j < s->ntok && j < (size_t)t->e + 5; j++) {
                    if (s->tok[j].flags & TK_PUNCT)
                        break;
                    if (has_cue(s, j, CUE_CIVTARGET) || has_cue(s, j, CUE_PN_FEATURE) || has_cue(s, j, CUE_W_AIR) ||
                        has_cue(s, j, CUE_W_SHELL) || has_cue(s, j, CUE_NONHUMAN) || has_cue(s, j, CUE_PN_TOWN) ||
                        has_cue(s, j, CUE_OWNER) ||
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

/* Collects the event words of the sentence: one sr_trig per start, with
 * every meaning the dictionaries give it. 0 when there are none. */
int sr_find_triggers(sr_coder *c, sr_sent *s)
{
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
            if (!nt) {
                c->failed = 1;
                return 0;
            }
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
    return s->ntg > 0;
}

/* The clauses, each word's part of speech and voice, and what the
 * sentence tells as a whole. Nonzero when out of memory. */
int sr_sentence_context(sr_coder *c, sr_sent *s, sr_sctx *x)
{
    memset(x, 0, sizeof *x);
    make_clauses(c, s, &x->cl);
    if (!x->cl.hard || !x->cl.soft) {
        c->failed = 1;
        return -1;
    }
    for (size_t k = 0; k < s->ntg; k++) {
        settle_pos(c, s, &s->tg[k]);
        s->tg[k].passive = (uint8_t)is_passive(c, s, &s->tg[k]);
        /* "a civilian militia that fights alongside the army": what a
         * side is known to do, told in a clause that says who it is, is
         * no happening (nor owner of the dead told after it) */
        sr_trig *u = &s->tg[k];
        /* "near the village of Nerkin Hand": a capitalised word that goes
         * on a capitalised name, in a sentence's body, is the name's */
        if (u->ndef && !s->headline && u->s > 1 && (s->tok[u->s].flags & TK_CAP) && (s->tok[u->s - 1].flags & TK_CAP) &&
            (s->tok[u->s - 1].flags & TK_ALPHA) && (tdef(c, u, 0)->opts & TRG_VERB) && (int)u->s != s->dateline_end)
            u->ndef = 0;
        if (u->ndef && (tdef(c, u, 0)->opts & TRG_VERB) && tdef(c, u, 0)->form == VF_S && u->s > 0 &&
            (tok_is(s, u->s - 1, c->eng->w.that) || tok_is(s, u->s - 1, c->eng->w.which) ||
             tok_is(s, u->s - 1, c->eng->w.who)))
            u->ndef = 0;
    }
    /* the killed in "X were killed": victims, never the doers of the
     * nominal events of the sentence */
    for (size_t k = 0; k < s->ntg && x->nvictim < 8; k++) {
        sr_trig *u = &s->tg[k];
        if (!u->ndef || tdef(c, u, 0)->cls != EV_KILL)
            continue;
        if (u->passive || (tdef(c, u, 0)->opts & TRG_VICTIM_SUBJ)) {
            int vm = subject_of(c, s, u->s, &x->cl, 0, 0);
            if (vm >= 0)
                x->victim_m[x->nvictim++] = vm;
            /* "Nine people, including two soldiers, were killed": those
             * named among them */
            for (size_t q = vm >= 0 ? (size_t)vm + 1 : s->nmen; q < s->nmen && x->nvictim < 8; q++) {
                int among = 0;
                for (size_t j = s->men[vm].e; j < s->men[q].s && !among; j++)
                    among = s->tok[j].id == c->eng->w.including;
                if (among && s->men[q].s < u->s && s->men[q].ent >= 0)
                    x->victim_m[x->nvictim++] = (int)q;
            }
            /* "Fifty-three soldiers and one civilian were killed": each
             * conjunct */
            int first = vm >= 0 ? conjunct_before(c->eng, s, vm) : -1;
            if (first >= 0 && x->nconj_victim < 4)
                x->conj_victim[x->nconj_victim++] = first;
        } else if (tdef(c, u, 0)->opts & TRG_VERB) {
            /* "its fighters killed 15 Nigerian soldiers in an attack":
             * whom a verb killed did not attack */
            int vm = object_after(c, s, u->e, &x->cl, 6, 1);
            if (vm >= 0)
                x->victim_m[x->nvictim++] = vm;
        }
    }
    for (size_t k = 0; k < s->ntg; k++)
        if (s->tg[k].ndef && !(tdef(c, &s->tg[k], 0)->opts & TRG_WEAK))
            x->strong_count++;
    x->intervene = cue_in(s, 0, s->ntok, CUE_INTERVENE) >= 0;
    /* (not a protest still to come: "detained at least 50 activists ...
     * in raids across Dhaka ahead of a planned rally" are arrests) */
    for (size_t k = 0; k < s->ntg; k++)
        for (int j = 0; j < s->tg[k].ndef; j++)
            if (trig_cls(c, &s->tg[k], j) == EV_PROTEST &&
                cue_in(s, s->tg[k].s > 2 ? s->tg[k].s - 2 : 0, s->tg[k].s, CUE_PLAN) < 0)
                x->protest_ctx = 1;
    /* protesters make a protest; a mob ("an angry mob lynched ...") does not */
    /* (nor one of a party's people: "arrested a leader of the opposition
     * BNP") */
    for (size_t k = 0; k < s->nmen; k++)
        if (s->men[k].ent >= 0 && (c->ents[s->men[k].ent].flags & ACT_PROTESTER) &&
            !(c->ents[s->men[k].ent].flags & ACT_CROWD) && !sr_person_of_group(c->eng, s, &s->men[k]))
            x->protest_ctx = 1;
    if (!x->protest_ctx)
        x->protest_ctx = sr_disc_recent_protest(c, s);
    x->crowd_told = x->protest_ctx || sr_disc_recent_crowd(c, s);
    x->vacate = cue_in(s, 0, s->ntok, CUE_VACATE) >= 0;
    x->si = (size_t)(s - c->sents);
    return 0;
}

/* The meaning of word t that fits, in the pass it belongs to (strong
 * words first, then the outcomes no strong word took): 0 and k started;
 * WORD_USED when another word took it (its dead), WORD_NO_MEANING when
 * none of its meanings fits, WORD_OTHER_PASS when it is coded in the
 * other pass. */
int sr_word_meaning(const sr_coder *c, const sr_sent *s, const sr_sctx *x, sr_trig *t, int pass, cand *k)
{
    memset(k, 0, sizeof *k);
    if (t->used)
        return WORD_USED;
    int obj_place, obj_ment;
    int mk = choose_meaning(c, s, t, &x->cl, &obj_place, &obj_ment);
    if (mk < 0)
        return WORD_NO_MEANING;
    const sr_trigger_def *td = tdef(c, t, mk);
    k->weak = (td->opts & TRG_WEAK) != 0;
    if ((pass == 0) == k->weak)
        return WORD_OTHER_PASS;
    k->t = t;
    k->td = td;
    k->obj_place = obj_place;
    k->obj_ment = obj_ment;
    k->rule = -1;
    return 0;
}
