/* The engine (dictionaries, shared and read-only) and the coder (one per
 * thread): the article's text goes through cleaning, boilerplate removal,
 * sentence splitting and analysis, then events are assembled. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../util/error.h"
#include "../util/path.h"
#include "../geo/resolve.h"
#include "coder.h"

#ifndef SITREP_DATA_DIR
#define SITREP_DATA_DIR "/usr/local/share/sitrep"
#endif

static int dir_has(const char *dir, const char *file)
{
    char p[PATH_MAX + 64];
    snprintf(p, sizeof p, "%s/%s", dir, file);
    return access(p, R_OK) == 0;
}

const char *sr_default_data_dir(void)
{
    static char buf[PATH_MAX];
    const char *env = getenv("SITREP_DATA");
    if (env && *env)
        return env;
    char exe[PATH_MAX - 32];
    if (sr_exe_dir(exe, sizeof exe) == 0) {
        /* build/sitrep -> ../data ; bin/sitrep -> ../share/sitrep */
        static const char *const rel[] = {"../data", "../share/sitrep", "../../data"};
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
            snprintf(buf, sizeof buf, "%s/%s", exe, rel[i]);
            if (dir_has(buf, "actors.txt"))
                return buf;
        }
    }
    return SITREP_DATA_DIR;
}

/* A sentence's tokens and their owners were last read in the analysis
 * pass, long enough ago to have left the cache: asked for again while the
 * sentence before is worked on. */
static void prefetch_sentence(const sr_sent *s)
{
    const char *tok = (const char *)s->tok, *own = (const char *)s->owner;
    size_t tb = s->ntok * sizeof *s->tok, ob = s->ntok * sizeof *s->owner;
    for (size_t o = 0; o < tb; o += 64)
        __builtin_prefetch(tok + o);
    for (size_t o = 0; o < ob; o += 64)
        __builtin_prefetch(own + o);
    if (s->nm)
        __builtin_prefetch(s->m);
}

sr_status sr_engine_open(const sr_options *opts, sr_engine **out, sr_error *err)
{
    sr_error_clear(err);
    *out = NULL;
    sr_engine *e = calloc(1, sizeof *e);
    if (!e)
        return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
    sr_status st = sr_dicts_init(&e->d, err);
    if (st) {
        free(e);
        return st;
    }
    const char *dir = opts && opts->data_dir ? opts->data_dir : sr_default_data_dir();
    st = sr_dicts_load_dir(&e->d, dir, 1, err);
    for (size_t i = 0; !st && opts && i < opts->n_extra_dirs; i++)
        st = sr_dicts_load_dir(&e->d, opts->extra_dirs[i], 0, err);
    if (!st)
        st = sr_taxonomy_bind(e, err);
    if (!st)
        st = sr_confidence_bind(e, err);
    if (st) {
        sr_engine_free(e);
        return st;
    }
    sr_dicts_finish(&e->d);
    /* the gazetteer: given, or found where it is installed; absent is
     * allowed (places.tsv still places the conflicts' towns) */
    const char *gz = opts && opts->gazetteer ? opts->gazetteer : sr_default_gazetteer(dir);
    if (gz && *gz) {
        st = sr_gaz_open(gz, &e->gaz, err);
        if (st) {
            sr_engine_free(e);
            return st;
        }
    }
    e->max_article_bytes = opts && opts->max_article_bytes ? opts->max_article_bytes : SR_DEFAULT_MAX_ARTICLE_BYTES;
    e->max_sentence_bytes = opts && opts->max_sentence_bytes ? opts->max_sentence_bytes : SR_DEFAULT_MAX_SENTENCE_BYTES;
    e->max_sentence_tokens =
        opts && opts->max_sentence_tokens ? opts->max_sentence_tokens : SR_DEFAULT_MAX_SENTENCE_TOKENS;
    e->max_sentences = opts && opts->max_sentences ? opts->max_sentences : SR_DEFAULT_MAX_SENTENCES;
    if (e->max_sentence_tokens > 4000)
        e->max_sentence_tokens = 4000; /* token offsets are 16-bit */
    /* the language's words, by the roles the rules ask for */
    st = sr_bind_words(e, err);
    if (st) {
        sr_engine_free(e);
        return st;
    }
    *out = e;
    return SR_OK;
}

void sr_engine_free(sr_engine *e)
{
    if (!e)
        return;
    sr_dicts_free(&e->d);
    sr_gaz_close(e->gaz);
    free(e->wattr);
    free(e->affix);
    free(e);
}

int sr_engine_geo_resolve(const sr_engine *e, const char *name, const sr_geo_hint *h, sr_geo_hit *out)
{
    return sr_geo_resolve(&e->d, e->gaz, NULL, name, strlen(name), h, out);
}

void sr_engine_get_stats(const sr_engine *e, sr_engine_stats *st)
{
    memset(st, 0, sizeof *st);
    st->actors = e->d.nactors;
    st->agents = e->d.nagents;
    st->countries = e->d.ncountries;
    st->triggers = e->d.ntriggers;
    st->places = e->d.nplaces;
    st->phrases = e->d.phrases;
    st->gazetteer_places = sr_gaz_count(e->gaz);
}

sr_coder *sr_coder_new(const sr_engine *eng)
{
    sr_coder *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->eng = eng;
    sr_arena_init(&c->arena, 256 * 1024);
    c->geo_cache = sr_geo_cache_new();
    if (!c->geo_cache) {
        free(c);
        return NULL;
    }
    return c;
}

void sr_coder_set_explain(sr_coder *c, int on)
{
    c->explain = on != 0;
}

const char *sr_result_explain(const sr_result *r)
{
    return r->explain;
}

void sr_coder_free(sr_coder *c)
{
    if (!c)
        return;
    sr_buf_free(&c->trace);
    sr_arena_free(&c->arena);
    sr_geo_cache_free(c->geo_cache);
    free(c->sents);
    free(c);
}

static sr_sent *push_sent(sr_coder *c)
{
    if (c->nsents == c->cap_sents) {
        size_t nc = c->cap_sents ? c->cap_sents * 2 : 64;
        /* on the heap, kept from one article to the next: an arena copy
         * per doubling would cost twice the final array on long texts */
        sr_sent *ns = realloc(c->sents, nc * sizeof *ns);
        if (!ns)
            return NULL;
        c->sents = ns;
        c->cap_sents = nc;
    }
    sr_sent *s = &c->sents[c->nsents++];
    memset(s, 0, sizeof *s);
    return s;
}

/* Lines that are a byline: "By Theodore Shoebat". */
static int is_byline(const char *l, size_t n)
{
    if (n < 4 || n > 60 || strncmp(l, "By ", 3) != 0)
        return 0;
    int words = 1;
    for (size_t i = 3; i < n; i++) {
        if (l[i] == ' ')
            words++;
        if (l[i] == '.' || l[i] == ',')
            return 0;
    }
    return words <= 5 && isupper((unsigned char)l[3]);
}

/* Equal ignoring case and spacing: the title repeated as the first line. */
static int same_text(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    while (i < an || j < bn) {
        while (i < an && (a[i] == ' ' || a[i] == '\n'))
            i++;
        while (j < bn && (b[j] == ' ' || b[j] == '\n'))
            j++;
        if (i >= an || j >= bn)
            break;
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[j]))
            return 0;
        i++;
        j++;
    }
    return i >= an && j >= bn;
}

/* A line that reads as a headline: a few words with no full stop at the
 * end ("Militants storm army base in X"), as a page's title line is. */
static int headline_like(const char *l, size_t n)
{
    while (n && (l[n - 1] == ' ' || l[n - 1] == '"' || l[n - 1] == '\'' ))
        n--;
    if (!n || l[n - 1] == '.' || l[n - 1] == '!' || l[n - 1] == '?' || l[n - 1] == ':')
        return 0;
    /* a closing curly quote after a stop: a quoted sentence */
    if (n >= 4 && !memcmp(l + n - 3, "\xe2\x80\x9d", 3) && strchr(".!?", l[n - 4]))
        return 0;
    int words = 1;
    for (size_t i = 0; i < n; i++)
        words += l[i] == ' ';
    return words >= 4 && words <= 20 && n <= 160;
}

/* Where a dateline begins after two spaces inside a line, 0 if none: a
 * page scraped into one line runs its headline into the story ("Taliban
 * says it killed 40 ISIS-K fighters in Panjshir raid  KABUL - The Taliban
 * said ..."). A dateline is a word in capitals of three letters or more,
 * then at most 50 bytes with no full stop, then a dash. */
static size_t dateline_cut(const char *l, size_t n)
{
    for (size_t p = 2; p + 6 < n; p++) {
        if (l[p - 1] != ' ' || l[p - 2] != ' ' || !isupper((unsigned char)l[p]) || !isupper((unsigned char)l[p + 1]) ||
            !isupper((unsigned char)l[p + 2]))
            continue;
        size_t q = p;
        while (q < n && (isupper((unsigned char)l[q]) || l[q] == '\''))
            q++;
        for (size_t r = q; r + 2 < n && r < q + 50 && l[r] != '.'; r++)
            if ((l[r] == ' ' && l[r + 1] == '-' && l[r + 2] == ' ') ||
                ((unsigned char)l[r] == 0xE2 && (unsigned char)l[r + 1] == 0x80 &&
                 ((unsigned char)l[r + 2] == 0x94 || (unsigned char)l[r + 2] == 0x93)))
                return p;
    }
    return 0;
}

/* Cuts a too-long sentence at spaces into pieces of at most max bytes. */
static void add_sentences(sr_coder *c, const char *para, size_t plen, int para_no, int *index)
{
    sr_span *sp = NULL;
    size_t nsp = 0, cap = 0;
    sr_split_sentences(&c->arena, para, plen, &sp, &nsp, &cap);
    size_t max = c->eng->max_sentence_bytes;
    for (size_t k = 0; k < nsp; k++) {
        size_t off = sp[k].off, len = sp[k].len;
        if (len > max && c->n_long_sents++ == 0)
            c->first_long_sent = *index;
        while (len > 0) {
            size_t take = len;
            if (take > max) {
                take = max;
                while (take > max / 2 && para[off + take] != ' ')
                    take--;
                if (para[off + take] != ' ')
                    take = max;
                /* never split inside a UTF-8 sequence */
                while (take > 1 && ((unsigned char)para[off + take] & 0xC0) == 0x80)
                    take--;
            }
            if (c->nsents >= c->eng->max_sentences) {
                if (!c->sent_limit_hit)
                    sr_coder_warn(c, "more than %zu sentences; the rest was not coded", c->eng->max_sentences);
                c->sent_limit_hit = 1;
                return;
            }
            sr_sent *s = push_sent(c);
            if (!s)
                return;
            s->index = (*index)++;
            s->para = para_no;
            s->text = sr_arena_strndup(&c->arena, para + off, take);
            s->len = (uint32_t)take;
            off += take;
            len -= take;
            while (len > 0 && para[off] == ' ') {
                off++;
                len--;
            }
        }
    }
}

sr_status sr_code(sr_coder *c, const sr_article *a, sr_result **out, sr_error *err)
{
    sr_error_clear(err);
    *out = NULL;
    if (!a || !a->id || !a->text)
        return sr_fail(err, SR_ERR_INVALID, "", 0, "an article needs an id and a text");
    sr_arena_reset(&c->arena);
    c->failed = 0;
    sr_buf_clear(&c->trace);
    memset(&c->res, 0, sizeof c->res);
    c->nsents = 0;
    c->sent_limit_hit = 0;
    c->n_long_sents = c->n_tok_trunc = 0;
    c->ents = NULL;
    c->nents = c->cap_ents = 0;
    c->evs = NULL;
    c->nevs = c->cap_evs = 0;
    c->warn = NULL;
    c->nwarn = c->cap_warn = 0;
    c->has_title = 0;
    c->has_anchor = 0;
    c->story_admin = NULL;
    memset(&c->title, 0, sizeof c->title);
    c->doc_id = sr_arena_strdup(&c->arena, a->id);
    c->has_adate = a->date && sr_date_parse_iso(a->date, &c->adate) == 0;
    /* Without its date an article's "on Sunday" cannot be placed in time:
     * say so rather than code with a silent guess. */
    if (a->date && a->date[0] && !c->has_adate)
        sr_coder_warn(c, "date '%.40s' is not a valid YYYY-MM-DD date; relative dates are left unresolved", a->date);
    if (!c->doc_id)
        return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");

    size_t len = a->text_len ? a->text_len : strlen(a->text);
    if (len > c->eng->max_article_bytes) {
        sr_coder_warn(c, "article is %zu bytes, longer than the limit of %zu; the rest was not coded", len,
                      c->eng->max_article_bytes);
        len = c->eng->max_article_bytes;
    }
    unsigned cflags = 0;
    size_t clen;
    char *text = sr_clean_text(&c->arena, a->text, len, &clen, &cflags);
    if (!text)
        return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory");
    if (cflags & SR_CLEAN_BAD_UTF8)
        sr_coder_warn(c, "invalid UTF-8 replaced by U+FFFD");
    if (cflags & SR_CLEAN_NUL)
        sr_coder_warn(c, "control characters (NUL or others) replaced by spaces");

    /* the title: context for the article, not coded on its own */
    const char *title = NULL;
    size_t tlen = 0;
    if (a->title && *a->title) {
        title = sr_clean_text(&c->arena, a->title, strnlen(a->title, 2048), &tlen, NULL);
        if (title) {
            c->title.index = -1;
            c->title.text = title;
            c->title.len = (uint32_t)tlen;
            c->has_title = 1;
        }
    }

    int index = 0, para = 0, body_seen = 0, teasers = 0;
    size_t i = 0;
    while (i < clen) {
        const char *nl = memchr(text + i, '\n', clen - i);
        size_t e = nl ? (size_t)(nl - text) : clen;
        const char *line = text + i;
        size_t ll = e - i;
        size_t cut = dateline_cut(line, ll);
        i = cut ? i + cut : e + 1;
        if (cut)
            ll = cut;
        while (ll && line[0] == ' ') {
            line++;
            ll--;
        }
        while (ll && line[ll - 1] == ' ')
            ll--;
        int furniture = ll ? sr_boiler_match(&c->eng->d.boiler, line, ll) : 1;
        /* "Related Articles" and the teasers for other stories below it */
        if (furniture == SR_BOILER_REST)
            break;
        /* "Also Read" and the headlines right below it, before the story
         * goes on */
        if (furniture == SR_BOILER_TEASERS) {
            teasers = 1;
            continue;
        }
        if (teasers && ll && headline_like(line, ll))
            continue;
        if (ll)
            teasers = 0;
        if (furniture || is_byline(line, ll))
            continue;
        /* "Militants storm army base in X" above "Gunmen attacked a
         * military base in X on Tuesday ...": the headline, among the
         * first lines or the title again, tells what the body tells */
        int head = (para < 3 && !body_seen && headline_like(line, ll)) ||
                   (title && same_text(line, ll, title, tlen));
        size_t before = c->nsents;
        add_sentences(c, line, ll, para++, &index);
        if (head && c->nsents == before + 1)
            c->sents[before].headline = 1;
        else if (c->nsents > before + 1 || (c->nsents == before + 1 && ll > 80))
            body_seen = 1; /* the story has begun: no headline below */
    }

    for (size_t k = 0; k < c->nsents; k++)
        sr_analyze_sentence(c, &c->sents[k]);
    if (c->has_title)
        sr_analyze_sentence(c, &c->title);
    sr_doc_context(c);
    if (c->has_title) {
        sr_resolve_mentions(c, &c->title);
    }
    /* every place first: a lead sentence may only be placed by the next */
    for (size_t k = 0; k < c->nsents; k++) {
        if (k + 1 < c->nsents)
            prefetch_sentence(&c->sents[k + 1]);
        sr_resolve_mentions(c, &c->sents[k]);
        sr_find_places(c, &c->sents[k]);
    }
    for (size_t k = 0; k < c->nsents; k++) {
        if (k + 1 < c->nsents)
            prefetch_sentence(&c->sents[k + 1]);
        sr_code_sentence(c, &c->sents[k]);
    }
    /* one warning an article for each limit, not one a sentence */
    if (c->n_long_sents)
        sr_coder_warn(c, "%zu sentence(s) longer than %zu bytes (the first: sentence %d) were cut into pieces",
                      c->n_long_sents, c->eng->max_sentence_bytes, c->first_long_sent);
    if (c->n_tok_trunc)
        sr_coder_warn(
            c, "%zu sentence(s) with more than %zu tokens (the first: sentence %d); the rest of each was not coded",
            c->n_tok_trunc, c->eng->max_sentence_tokens, c->first_tok_trunc);
    sr_assemble(c);
    /* a pass that ran out of memory dropped something: say so rather
     * than give the events that were left */
    if (c->failed || c->arena.failed) {
        memset(&c->res, 0, sizeof c->res);
        return sr_fail(err, SR_ERR_NOMEM, "", 0, "out of memory while coding article %.80s", a->id);
    }
    c->res.warn = c->warn;
    c->res.explain = c->explain ? sr_buf_cstr(&c->trace) : NULL;
    c->res.nwarn = c->nwarn;
    c->res.sentences = c->nsents;
    *out = &c->res;
    return SR_OK;
}

/* ---- accessors --------------------------------------------------------------- */

size_t sr_result_count(const sr_result *r) { return r ? r->n : 0; }
const sr_event *sr_result_event(const sr_result *r, size_t i) { return r && i < r->n ? &r->ev[i] : NULL; }
size_t sr_result_warning_count(const sr_result *r) { return r ? r->nwarn : 0; }
const char *sr_result_warning(const sr_result *r, size_t i) { return r && i < r->nwarn ? r->warn[i] : NULL; }
size_t sr_result_sentences(const sr_result *r) { return r ? r->sentences : 0; }

const char *sr_event_id(const sr_event *e) { return e->event_id; }
const char *sr_event_doc_id(const sr_event *e) { return e->doc_id; }
int sr_event_sentence(const sr_event *e) { return e->sentence; }
const char *sr_event_text(const sr_event *e) { return e->text; }
const char *sr_event_date(const sr_event *e) { return e->date; }
int sr_event_time_precision(const sr_event *e) { return e->time_precision; }
const char *sr_event_type(const sr_event *e) { return e->type; }
const char *sr_event_sub_type(const sr_event *e) { return e->sub_type; }
const char *sr_event_cameo(const sr_event *e) { return e->cameo; }
int sr_event_quad_class(const sr_event *e) { return e->quad_class; }
long sr_event_fatalities(const sr_event *e) { return e->fatalities; }
sr_modality sr_event_modality(const sr_event *e) { return e->modality; }
double sr_event_confidence(const sr_event *e) { return e->confidence; }
double sr_engine_min_confidence(const sr_engine *e) { return e->d.conf.has_threshold ? e->d.conf.threshold : 0; }
int sr_event_mentions(const sr_event *e) { return e->mentions; }

int sr_event_actor1(const sr_event *e, sr_actor_ref *out)
{
    if (!e->has_a1)
        return 0;
    *out = e->a1;
    return 1;
}

int sr_event_actor2(const sr_event *e, sr_actor_ref *out)
{
    if (!e->has_a2)
        return 0;
    *out = e->a2;
    return 1;
}

int sr_event_location(const sr_event *e, sr_location_ref *out)
{
    if (!e->has_loc)
        return 0;
    *out = e->loc;
    return 1;
}

const char *sr_modality_str(sr_modality m)
{
    switch (m) {
    case SR_ASSERTED: return "asserted";
    case SR_NEGATED: return "negated";
    case SR_PLANNED: return "planned";
    case SR_CLAIMED: return "claimed";
    case SR_BACKGROUND: return "background";
    }
    return "asserted";
}

/* The first dictionary phrase of kind covering all of words[0..n), tried
 * as written, then in capitals, then capitalised (aliases such as "ISIS"
 * match only in capitals in running text); -1 when none. */
static long lookup_phrase(const sr_engine *e, const char *words, int kind)
{
    size_t n = strlen(words);
    if (!n || n > 512)
        return -1;
    char buf[516];
    long found = -1;
    for (int form = 0; form < 3 && found < 0; form++) {
        for (size_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)words[i];
            buf[i] = (char)(form == 1 ? toupper(ch) : form == 2 && (i == 0 || words[i - 1] == ' ') ? toupper(ch) : ch);
        }
        buf[n] = 0;
        sr_arena a;
        sr_arena_init(&a, 8192);
        sr_token *tok;
        int trunc;
        size_t nt = sr_tokenize(&a, buf, n, &tok, 64, &trunc);
        sr_vocab_ids(&e->d.vocab, tok, nt);
        sr_match *m = NULL;
        size_t nm = nt ? sr_trie_scan(&e->d.trie, tok, nt, &a, &m) : 0;
        for (size_t k = 0; k < nm && found < 0; k++)
            if (m[k].kind == kind && m[k].start == 0 && m[k].end == nt)
                found = (long)m[k].value;
        sr_arena_free(&a);
    }
    return found;
}

int sr_engine_lookup_actor(const sr_engine *e, const char *words, const char **name, const char **code)
{
    long i = lookup_phrase(e, words, PH_ACTOR);
    if (i < 0 || (size_t)i >= e->d.nactors)
        return 0;
    *name = e->d.actors[i].name;
    *code = e->d.actors[i].code;
    return 1;
}

const char *sr_engine_country_code(const sr_engine *e, const char *words)
{
    for (size_t i = 0; i < e->d.ncountries; i++)
        if (!strcasecmp(words, e->d.countries[i].iso2) || !strcasecmp(words, e->d.countries[i].iso3) ||
            !strcasecmp(words, e->d.countries[i].name))
            return e->d.countries[i].iso2;
    long i = lookup_phrase(e, words, PH_COUNTRY);
    return i >= 0 && (size_t)i < e->d.ncountries ? e->d.countries[i].iso2 : NULL;
}
