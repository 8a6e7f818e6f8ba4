/* Sentence analysis: tokens, dictionary matches, cues, datelines, the
 * source's clause, time expressions. Then the article's country focus. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"
#include "../geo/resolve.h"
#include "../util/str.h"

size_t cue_end_at(const sr_sent *s, size_t i, int cue)
{
    size_t best = 0;
    for (size_t k = 0; k < s->ncs; k++)
        if (s->cs[k].s == i && s->cs[k].cue == cue && s->cs[k].e > best)
            best = s->cs[k].e;
    return best;
}

int cue_in(const sr_sent *s, size_t a, size_t b, int cue)
{
    if (!((s->cues >> cue) & 1))
        return -1;
    if (b > s->ntok)
        b = s->ntok;
    for (size_t i = a; i < b; i++)
        if (has_cue(s, i, cue))
            return (int)i;
    return -1;
}

const char *span_text(sr_coder *c, const sr_sent *s, size_t a, size_t b)
{
    if (a >= b || b > s->ntok)
        return "";
    size_t off = s->tok[a].off, end = s->tok[b - 1].off + s->tok[b - 1].len;
    return sr_arena_strndup(&c->arena, s->text + off, end - off);
}

static int kind_rank(int kind)
{
    switch (kind) {
    case PH_ACTOR: return 5;
    case PH_PLACE: return 4;
    case PH_COUNTRY: return 3;
    case PH_TRIGGER: return 2;
    case PH_AGENT: return 1;
    default: return 0;
    }
}

static int cmp_match(const void *a, const void *b)
{
    const sr_match *x = a, *y = b;
    if (x->start != y->start)
        return x->start - y->start;
    int lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly)
        return ly - lx;
    return kind_rank(y->kind) - kind_rank(x->kind);
}

/* Headlines capitalise every word: capital letters then say nothing about
 * proper names. */
static int is_titlecase(const sr_sent *s)
{
    int words = 0, caps = 0;
    /* without branches: which way each word goes is a coin toss; names
     * the dictionaries know are capitalised in any sentence ("looted the
     * World Bank office in Nyala on Tuesday" is no headline) */
    for (size_t i = 0; i < s->ntok; i++) {
        const sr_token *t = &s->tok[i];
        int o = s->owner[i];
        int named = (o >= 0 && (s->m[o].kind == PH_ACTOR || s->m[o].kind == PH_PLACE || s->m[o].kind == PH_COUNTRY)) ||
                    ((t->flags & TK_CAP) && (sr_weekday_name_len(t->norm, t->nlen) >= 0 ||
                                             sr_month_of_len(t->norm, t->nlen)));
        int w = (t->flags & TK_ALPHA) && t->nlen >= 4 && !named;
        words += w;
        caps += w & ((t->flags & TK_CAP) != 0);
    }
    return words >= 3 && caps * 10 >= words * 7;
}

/* "BAGHDAD (Reuters) -", "ERBIL -", "BEIRUT, Lebanon -", "YANGON:" */
static int find_dateline_at(const sr_sent *s, size_t i);
static int find_dateline(const sr_sent *s)
{
    /* scraped pages put junk before it ("date 2021-03-04 YANGON:") */
    for (size_t i = 0; i < 8 && i < s->ntok; i++) {
        if (i > 0 && (s->tok[i - 1].flags & TK_ALLCAP))
            continue;
        int d = find_dateline_at(s, i);
        if (d)
            return d;
    }
    return 0;
}

static int find_dateline_at(const sr_sent *s, size_t i)
{
    size_t n = s->ntok;
    int caps = 0;
    size_t first = i;
    while (i < n && i < first + 4 && (s->tok[i].flags & TK_ALLCAP) && (s->tok[i].flags & TK_ALPHA)) {
        caps++;
        i++;
    }
    if (!caps)
        return 0;
    /* ", Lebanon", ", Nov 28", ", Afghanistan, Nov. 28" */
    for (int part = 0; part < 2 && i < n && sr_tok_eq(&s->tok[i], ",") && i + 1 < n && (s->tok[i + 1].flags & TK_CAP);
         part++) {
        i += 2;
        /* "Democratic Republic of Congo", "Bosnia and Herzegovina": a
         * short word in lower case between names */
        while (i < n && (((s->tok[i].flags & TK_CAP) && (s->tok[i].flags & TK_WORD)) || sr_tok_eq(&s->tok[i], ".") ||
                         ((s->tok[i].flags & TK_WORD) && s->tok[i].len <= 3 && i + 1 < n &&
                          (s->tok[i + 1].flags & TK_CAP) && (s->tok[i + 1].flags & TK_WORD) && i > 0 &&
                          (s->tok[i - 1].flags & TK_CAP))))
            i++;
        while (i < n && (s->tok[i].flags & TK_NUM))
            i++;
    }
    /* "(Reuters)", "(12:40 P.M.)" */
    if (i < n && sr_tok_eq(&s->tok[i], "(")) {
        size_t j = i + 1;
        while (j < n && j < i + 10 && !sr_tok_eq(&s->tok[j], ")"))
            j++;
        if (j < n)
            i = j + 1;
    }
    if (i < n && (sr_tok_eq(&s->tok[i], "-") || sr_tok_eq(&s->tok[i], ":")))
        return (int)i + 1;
    return 0;
}

/* From a preposition after "said" ("in a statement posted online"):
 * the "that" the words lead to, with no mark, no event verb and no time
 * between (a day there is the saying's: "said in a statement on
 * Thursday that"); j itself when there is none. */
static size_t said_through(const sr_coder *c, const sr_sent *s, size_t j)
{
    for (size_t q = j + 1; q < s->ntok && q < j + 12; q++) {
        if (tok_is(s, q, c->eng->w.that))
            return q;
        if (!(s->tok[q].flags & TK_WORD) || word_has(c->eng, s->tok[q].id, WA_TIME_LEAD) ||
            (s->owner[q] >= 0 && s->m[s->owner[q]].kind == PH_TRIGGER &&
             (c->eng->d.triggers[s->m[s->owner[q]].value].opts & TRG_VERB)))
            break;
    }
    return j;
}

/* The clause in which a source speaks: "..., the monitor said." at the end,
 * or "X said (that) ..." / "X told Y (that) ..." at the start. */
static void find_report(sr_coder *c, sr_sent *s)
{
    const sr_engine *e = c->eng;
    s->report_end = 0;
    s->report_start = (int)s->ntok;
    for (size_t i = 0; i < s->ntok; i++) {
        if (!has_cue(s, i, CUE_REPORT))
            continue;
        /* "the attack ... claimed the lives of 12 people": an event's words,
         * not a source speaking */
        if (s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_TRIGGER && s->m[s->owner[i]].start == i &&
            s->m[s->owner[i]].end > i + 1)
            continue;
        /* nor a word inside a name: "The United States and France bombed
         * Syria" (no one "states" anything) */
        if (s->owner[i] >= 0 && (s->m[s->owner[i]].kind == PH_COUNTRY || s->m[s->owner[i]].kind == PH_ACTOR ||
                                 s->m[s->owner[i]].kind == PH_PLACE) && s->m[s->owner[i]].start < i)
            continue;
        size_t ce = cue_end(s, i, CUE_REPORT);
        /* nor a participle with its doer: "Drone attacks claimed by
         * Yemen's Houthi group set ablaze two major oil facilities" */
        if (ce < s->ntok && s->tok[ce].id == e->w.by)
            continue;
        uint32_t wid = s->tok[i].id;
        int is_acc = wid == e->w.according;
        /* Trailing source: ", X said." / ", according to X." */
        size_t k = ce;
        /* ", residents told Agence France Presse (AFP) yesterday." */
        while (k < s->ntok && k < ce + 10 && !tok_is(s, k, e->w.that) &&
               ((s->tok[k].flags & TK_WORD) || sr_tok_eq(&s->tok[k], "(") || sr_tok_eq(&s->tok[k], ")")))
            k++;
        int at_end = (k >= s->ntok || sr_tok_eq(&s->tok[k], ".") || sr_streq(s->tok[k].norm, "\"")) ||
                     (k + 1 >= s->ntok);
        if (is_acc) {
            /* "according to X" until the next comma or the end */
            size_t j = ce;
            while (j < s->ntok && !sr_tok_eq(&s->tok[j], ","))
                j++;
            if (j >= s->ntok - 1 || i > s->ntok / 2) {
                if ((int)i < s->report_start)
                    s->report_start = (int)i;
            } else if (i < 3) {
                s->report_end = (int)j + 1;
            }
            continue;
        }
        /* a comma shortly before: ", the Observatory said" */
        int comma = -1;
        for (size_t j = i; j > 0 && i - j < 10; j--)
            if (sr_tok_eq(&s->tok[j - 1], ",") || sr_streq(s->tok[j - 1].norm, "\"")) {
                comma = (int)j - 1;
                break;
            }
        if (at_end && comma >= 0 && i > s->ntok / 3) {
            if (comma + 1 < s->report_start)
                s->report_start = comma + 1;
            continue;
        }
        /* Leading source: "X said (that)", "X told Y that"; not a source
         * set off by commas after the news ("Gunmen killed dozens of
         * worshippers ..., security sources said, on the same day that
         * ...") */
        int parenthetical = 0;
        if (comma > s->dateline_end)
            for (int q = s->dateline_end; q < comma && !parenthetical; q++)
                parenthetical = s->owner[q] >= 0 && s->m[s->owner[q]].kind == PH_TRIGGER;
        /* (not after a clause of its own: "Gunmen attacked Zurmi on
         * Friday; the police said 7 people died" -- the source speaks
         * only of what follows it) */
        int own_clause = 0;
        for (size_t q = 0; q < i && !own_clause; q++)
            own_clause = sr_tok_eq(&s->tok[q], ";");
        /* (nor a relative clause's: "shot dead a Palestinian man who they
         * said tried to carry out a stabbing attack") */
        int relative = 0;
        for (size_t q = i >= 3 ? i - 3 : 0; q < i && !relative; q++)
            relative = s->tok[q].id == e->w.who || s->tok[q].id == e->w.which || s->tok[q].id == e->w.what;
        if ((i < s->ntok / 2 || i < 14) && !parenthetical && !own_clause && !relative) {
            size_t j = ce;
            if (word_has(e, wid, WA_TOLD)) {
                size_t lim = j + 8;
                while (j < s->ntok && j < lim && !tok_is(s, j, e->w.that) && !sr_tok_eq(&s->tok[j], ","))
                    j++;
                if (j >= s->ntok || j >= lim)
                    continue;
            }
            /* "Al Shabaab said in a statement on its radio station that it
             * had killed 41 soldiers": the channel the source spoke
             * through, then what it said */
            if (j < s->ntok && word_has(e, s->tok[j].id, WA_LOCPREP) && !word_has(e, s->tok[j].id, WA_TIME_LEAD))
                j = said_through(c, s, j);
            if (tok_is(s, j, e->w.that))
                j++;
            else if (j < s->ntok && sr_tok_eq(&s->tok[j], ","))
                j++;
            else if (j < s->ntok && (s->tok[j].flags & TK_PUNCT) && !sr_streq(s->tok[j].norm, "\""))
                continue;
            else if (j < s->ntok && !sr_streq(s->tok[j].norm, "\"")) {
                /* "announced the capture of X" (an object) or "reported the
                 * army was 30 km away" (a clause): a verb before "of" or an
                 * event noun says clause */
                int clause = 0;
                for (size_t q = j; q < s->ntok && q < j + 8; q++) {
                    const sr_token *tq = &s->tok[q];
                    if (tq->id == e->w.of || (tq->flags & TK_PUNCT))
                        break;
                    if (tq->id == e->w.was || tq->id == e->w.were || tq->id == e->w.had || tq->id == e->w.has ||
                        tq->id == e->w.have || tq->id == e->w.is || tq->id == e->w.are) {
                        clause = 1;
                        break;
                    }
                    /* (a verb in the past right after a short phrase of
                     * "the": "said the attackers arrived in") */
                    if (q > j + 1 && q <= j + 4 && word_has(e, s->tok[j].id, WA_DET) && (tq->flags & TK_ALPHA) &&
                        !(tq->flags & TK_CAP) && tq->nlen > 2 && !word_has(e, s->tok[q - 1].id, WA_DET) &&
                        sr_affix(e, AF_PAST, tq->norm)) {
                        clause = 1;
                        break;
                    }
                    if (s->owner[q] >= 0 && s->m[s->owner[q]].kind == PH_TRIGGER && q > j) {
                        const sr_trigger_def *td = &c->eng->d.triggers[s->m[s->owner[q]].value];
                        if (td->opts & TRG_VERB) {
                            clause = 1;
                            break;
                        }
                    }
                }
                if (!clause)
                    continue;
            }
            if ((int)j > s->report_end)
                s->report_end = (int)j;
            break;
        }
    }
    if (s->report_end > s->report_start)
        s->report_end = 0;
}

void sr_coder_warn(sr_coder *c, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (c->nwarn == c->cap_warn) {
        size_t nc = c->cap_warn ? c->cap_warn * 2 : 8;
        const char **nw = sr_arena_realloc(&c->arena, c->warn, c->cap_warn * sizeof *nw, nc * sizeof *nw);
        if (!nw)
            return;
        c->warn = nw;
        c->cap_warn = nc;
    }
    const char *copy = sr_arena_strdup(&c->arena, buf);
    if (copy)
        c->warn[c->nwarn++] = copy;
}

void sr_analyze_sentence(sr_coder *c, sr_sent *s)
{
    const sr_engine *e = c->eng;
    sr_arena *a = &c->arena;
    int trunc = 0;
    s->ntok = sr_tokenize(a, s->text, s->len, &s->tok, e->max_sentence_tokens, &trunc);
    if (trunc && c->n_tok_trunc++ == 0)
        c->first_tok_trunc = s->index;
    sr_vocab_ids(&e->d.vocab, s->tok, s->ntok);
    s->question = s->ntok && sr_tok_eq(&s->tok[s->ntok - 1], "?");

    sr_match *all;
    size_t nall = sr_trie_scan(&e->d.trie, s->tok, s->ntok, a, &all);
    s->owner = sr_arena_alloc(a, (s->ntok + 1) * sizeof *s->owner);
    s->cuemask = sr_arena_calloc(a, (s->ntok + 1) * sizeof *s->cuemask);
    s->m = sr_arena_alloc(a, (nall + 1) * sizeof *s->m);
    s->cs = sr_arena_alloc(a, (nall + 1) * sizeof *s->cs);
    if (!s->owner || !s->cuemask || !s->m || !s->cs) {
        s->ntok = 0;
        return;
    }
    for (size_t i = 0; i < s->ntok; i++)
        s->owner[i] = -1;
    /* Cues form their own layer: they never compete with content words. */
    size_t ncontent = 0;
    for (size_t k = 0; k < nall; k++) {
        if (all[k].kind == PH_CUE) {
            s->cs[s->ncs].s = all[k].start;
            s->cs[s->ncs].e = all[k].end;
            s->cs[s->ncs].cue = (uint8_t)all[k].value;
            s->cuemask[all[k].start] |= 1ULL << all[k].value;
            s->cues |= 1ULL << all[k].value;
            s->ncs++;
        } else {
            all[ncontent++] = all[k];
        }
    }
    /* Stable insertion sort: the scan gives matches by start already, so
     * only runs sharing a start move (a general sort cost 2 % of coding). */
    for (size_t k = 1; k < ncontent; k++) {
        sr_match m = all[k];
        size_t j = k;
        while (j > 0 && cmp_match(&all[j - 1], &m) > 0) {
            all[j] = all[j - 1];
            j--;
        }
        all[j] = m;
    }
    /* Leftmost-longest selection; every payload of the winning span is
     * kept, so ambiguous names ("coalition") can be settled later. */
    size_t pos = 0, k = 0;
    while (k < ncontent) {
        if (all[k].start < pos) {
            k++;
            continue;
        }
        sr_match best = all[k];
        /* "the Islamic State West Africa Province": an actor's name that
         * starts after a "the" some shorter alias takes in ("the Islamic
         * State") and goes on further wins */
        if (best.kind == PH_ACTOR && tok_is(s, best.start, c->eng->w.the)) {
            int longer = 0;
            for (size_t q = k + 1; q < ncontent && all[q].start < best.end && !longer; q++)
                longer = all[q].kind == PH_ACTOR && all[q].start == best.start + 1 && all[q].end > best.end;
            if (longer) {
                size_t q = k;
                while (q < ncontent && all[q].start == best.start)
                    q++;
                k = q;
                continue;
            }
        }
        size_t j = k;
        while (j < ncontent && all[j].start == best.start && all[j].end == best.end) {
            /* an actor's words that are a generic agent too ("regime
             * forces") keep that reading behind it, for a story in
             * another country than the actor's */
            if (all[j].kind == best.kind || (best.kind == PH_ACTOR && all[j].kind == PH_AGENT)) {
                s->m[s->nm] = all[j];
                for (size_t t = all[j].start; t < all[j].end; t++)
                    if (s->owner[t] < 0)
                        s->owner[t] = (int16_t)s->nm;
                s->nm++;
            }
            j++;
        }
        pos = best.end;
        k = j;
    }
    s->titlecase = is_titlecase(s);
    s->dateline_end = (s->index <= 3) ? find_dateline(s) : 0;
    find_report(c, s);
    /* dates only matter where an event word is */
    int has_trigger = 0;
    for (size_t k2 = 0; k2 < s->nm && !has_trigger; k2++)
        has_trigger = s->m[k2].kind == PH_TRIGGER;
    s->ntx = has_trigger ? sr_find_timex(s->tok, s->ntok, s->tx, sizeof s->tx / sizeof s->tx[0]) : 0;
}

/* The country an article is about: its places, its countries named as
 * places, its state actors. Decides "the army", "coalition", "SNA". */
/* No dictionary word says where the article is: "in Tehran", "near
 * Goma" do, by the gazetteer. The names after a locative word in the first
 * sentences vote with their country. -1 when none resolves. */
static int country_by_gazetteer(sr_coder *c, double *score)
{
    const sr_engine *e = c->eng;
    const sr_dicts *d = &e->d;
    if (!e->gaz)
        return -1;
    int best = -1;
    for (size_t si = 0; si < c->nsents && si < 12; si++) {
        const sr_sent *s = &c->sents[si];
        for (size_t i = 1; i + 1 < s->ntok; i++) {
            /* (or after "the": "in the Kupwara district") */
            int after_prep = word_has(e, s->tok[i - 1].id, WA_LOCPREP) ||
                             (i >= 2 && s->tok[i - 1].id == e->w.the && word_has(e, s->tok[i - 2].id, WA_LOCPREP));
            if (!(s->tok[i].flags & TK_CAP) || !after_prep || s->owner[i] >= 0)
                continue;
            /* "on Monday", "in March": a time, not Brazil's Mondai */
            if (sr_weekday_name(s->tok[i].norm) >= 0 || sr_month_of_len(s->tok[i].norm, s->tok[i].nlen))
                continue;
            size_t j = i + 1;
            /* "in Port-au-Prince": words joined by hyphens are one name */
            while (j < s->ntok && j < i + 4 && ((s->tok[j].flags & TK_CAP) || (s->tok[j].flags & TK_HYPH)) &&
                   s->owner[j] < 0)
                j++;
            /* "of Tin Hama": a name that goes on into a known one is
             * neither; a name of three letters says little */
            if (j < s->ntok && (s->tok[j].flags & TK_CAP) && (s->tok[j].flags & TK_ALPHA)) {
                i = j;
                continue;
            }
            const char *nm = s->text + s->tok[i].off;
            sr_geo_hit hit;
            /* "in Rio de Janeiro": a short joining word between capitals
             * may be inside the name (tried first, then the name before it) */
            size_t x = j + 1;
            while (x < s->ntok && x < j + 4 && (s->tok[x].flags & TK_CAP) && (s->tok[x].flags & TK_ALPHA) && s->owner[x] < 0)
                x++;
            if (x > j + 1 && (s->tok[j].flags & TK_ALPHA) && !(s->tok[j].flags & TK_CAP) && s->tok[j].nlen <= 3 &&
                s->owner[j] < 0 && (x >= s->ntok || !(s->tok[x].flags & TK_CAP)) &&
                sr_geo_resolve(d, e->gaz, c->geo_cache, nm, s->tok[x - 1].off + s->tok[x - 1].len - s->tok[i].off, NULL,
                               &hit) &&
                hit.cc[0])
                j = x;
            size_t n = s->tok[j - 1].off + s->tok[j - 1].len - s->tok[i].off;
            if (n < 4)
                continue;
            if (!sr_geo_resolve(d, e->gaz, c->geo_cache, nm, n, NULL, &hit) || !hit.cc[0])
                continue;
            for (size_t k = 0; k < d->ncountries; k++)
                if (!strcmp(d->countries[k].iso2, hit.cc)) {
                    score[k] += 1;
                    if (best < 0 || score[k] > score[best])
                        best = (int)k;
                }
            i = j - 1;
        }
    }
    return best;
}

/* "the village of Tin Hama" is not Syria's Hama: a capitalised word
 * before a place's name (not the sentence's first) makes a longer name */
static int inside_longer_name(const sr_engine *e, const sr_sent *s, const sr_match *m)
{
    if (m->start < 2)
        return 0;
    const sr_token *p = &s->tok[m->start - 1];
    return (p->flags & TK_CAP) && (p->flags & TK_ALPHA) && s->owner[m->start - 1] < 0 &&
           !word_has(e, p->id, WA_STOPNAME) && !(s->tok[m->start - 2].flags & TK_PUNCT);
}

/* "killing 13 soldiers, including peacekeepers from South Africa and
 * Malawi": the country people come from (after "from" right after them,
 * or further in its list) says nothing of where the story is. */
static int origin_country(const sr_engine *e, const sr_sent *s, const sr_match *m)
{
    size_t b = m->start;
    for (int hops = 0; hops < 3 && b >= 2 && (s->tok[b - 1].id == e->w.and_ || sr_tok_eq(&s->tok[b - 1], ","));
         hops++) {
        int o = s->owner[b - 2];
        if (o < 0 || s->m[o].kind != PH_COUNTRY)
            break;
        b = s->m[o].start;
    }
    if (b < 2 || s->tok[b - 1].id != e->w.from)
        return 0;
    int o = s->owner[b - 2];
    return o >= 0 && (s->m[o].kind == PH_AGENT || s->m[o].kind == PH_ACTOR);
}

/* Whether place matches m and o are one name listed in two countries
 * ("Tripoli", Libya's and Lebanon's). */
static int listed_abroad(const sr_dicts *d, const sr_match *m, const sr_match *o)
{
    return m->kind == PH_PLACE && o->kind == PH_PLACE && o->start == m->start && o->end == m->end &&
           strcmp(d->places[o->value].country, d->places[m->value].country);
}

void sr_doc_context(sr_coder *c)
{
    const sr_dicts *d = &c->eng->d;
    size_t nc = d->ncountries;
    if (!nc) {
        c->focus_country = -1;
        return;
    }
    double *score = sr_arena_calloc(&c->arena, nc * sizeof *score);
    if (!score) {
        c->focus_country = -1;
        return;
    }
    for (size_t si = 0; si < c->nsents + (size_t)c->has_title; si++) {
        const sr_sent *s = si < c->nsents ? &c->sents[si] : &c->title;
        double w = (si == c->nsents || s->index < 3) ? 2.0 : 1.0;
        for (size_t k = 0; k < s->nm; k++) {
            const sr_match *m = &s->m[k];
            int ci = -1;
            double ww = w;
            /* (a name two listed places share, "Tripoli", says nothing of
             * the story's country; unless the story says otherwise, the
             * one listed first is read: places.c) */
            int second = k > 0 && listed_abroad(d, m, &s->m[k - 1]);
            int first = k + 1 < s->nm && listed_abroad(d, m, &s->m[k + 1]);
            if (first)
                ww *= 0.1;
            if (m->kind == PH_PLACE && m->value < d->nplaces && !second && !inside_longer_name(c->eng, s, m)) {
                ci = d->places[m->value].country_idx;
                /* (a dateline's city is where the reporter files from:
                 * "BEIRUT (Reuters) - Militants attacked an army post near
                 * Palmyra" is a Syrian story) */
                ww *= (int)m->end <= s->dateline_end ? 0.75 : 1.5;
            } else if (m->kind == PH_COUNTRY && !origin_country(c->eng, s, m)) {
                ci = (int)m->value;
                ww *= (m->flags & PF_ADJ) ? 0.7 : 1.0;
                /* "a ceasefire brokered by Angola" in a story from Goma: a
                 * state that does a thing, named after "by", says who,
                 * not where */
                if (m->start > 0 && s->tok[m->start - 1].id == c->eng->w.by)
                    ww *= 0.5;
                /* "backed by US airstrikes", "Russia-backed": a country
                 * that qualifies a force or a weapon says who, not where */
                if (!(m->flags & PF_ADJ) && m->end < s->ntok) {
                    int nx = s->owner[m->end];
                    if ((s->tok[m->end].flags & TK_HYPH) ||
                        (nx >= 0 && (s->m[nx].kind == PH_AGENT || s->m[nx].kind == PH_TRIGGER)))
                        ww *= 0.5;
                }
            } else if (m->kind == PH_ACTOR && m->value < d->nactors) {
                const sr_actor_def *ad = &d->actors[m->value];
                /* Only actors tied to one country say where we are; in
                 * common words hardly ("regime forces" are Myanmar's too):
                 * any place or country named says more */
                /* (nor a name several actors share: "peacekeepers" are
                 * one of the UN's missions, the story's country says which) */
                int shared = (k > 0 && s->m[k - 1].kind == PH_ACTOR && s->m[k - 1].start == m->start &&
                              s->m[k - 1].end == m->end) ||
                             (k + 1 < s->nm && s->m[k + 1].kind == PH_ACTOR && s->m[k + 1].start == m->start &&
                              s->m[k + 1].end == m->end);
                if (ad->country >= 0 && strlen(ad->active) <= 2 && !shared)
                    ci = ad->country;
                ww *= (m->flags & PF_COMMON) ? 0.3 : 0.8;
            }
            if (ci >= 0 && (size_t)ci < nc)
                score[ci] += ww;
        }
    }
    int best = -1;
    size_t ncc = 0;
    c->article_ccs[0] = 0;
    for (size_t i = 0; i < nc; i++) {
        if (score[i] > 0 && (best < 0 || score[i] > score[best]))
            best = (int)i;
        if (score[i] > 0 && ncc < 16 && strlen(d->countries[i].iso2) == 2) {
            memcpy(c->article_ccs + 2 * ncc, d->countries[i].iso2, 2);
            c->article_ccs[2 * ++ncc] = 0;
        }
    }
    if (best < 0)
        best = country_by_gazetteer(c, score);
    if (best < 0) {
        /* nothing else says where: the home of a group active in two
         * countries at most ("Al-Shabaab ... near Balad" is Somalia's
         * Balad; the Islamic State, active in a dozen, says nothing) */
        for (size_t si = 0; si < c->nsents + (size_t)c->has_title && best < 0; si++) {
            const sr_sent *s = si < c->nsents ? &c->sents[si] : &c->title;
            for (size_t k = 0; k < s->nm && best < 0; k++)
                if (s->m[k].kind == PH_ACTOR && s->m[k].value < d->nactors && d->actors[s->m[k].value].country >= 0 &&
                    strlen(d->actors[s->m[k].value].active) <= 5)
                    best = d->actors[s->m[k].value].country;
        }
    }
    c->focus_country = best;
}
