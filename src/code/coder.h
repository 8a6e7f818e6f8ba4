/* The coder's internal model of one article: sentences, the mentions found
 * in them, and the events assembled from those mentions. Everything here
 * lives in the coder's per-document arena. */
#ifndef SR_CODER_H
#define SR_CODER_H
#include <stddef.h>
#include <stdint.h>

#include "../dict/dict.h"
#include "../geo/gazetteer.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../lang/dates.h"
#include "sitrep.h"

struct sr_engine {
    sr_dicts d;
    sr_gazetteer *gaz; /* NULL when no index is installed */
    size_t max_article_bytes, max_sentence_bytes, max_sentence_tokens, max_sentences;
    /* Vocabulary ids of the words the rules ask for by role (the roles
     * in upper case are in data/en/words.txt; words.c binds them). */
    struct sr_fwords {
        uint32_t by, of, from, in, at, near, on, to, into, with, against, between, and_, or_, the, a, an,
            was, were, is, are, been, being, be, has, have, had, it, they, its, their, he, she, we, which,
            who, that, after, before, while_, as, when, since, but, out, for_, outside, inside, around,
            across, over, toward, towards, within, along, among, including, under, off, through, amid,
            during, following, throughout, not, no, targeting, them, up, only, without, people, lives, dead,
            killed, responsibility, dozen, according, families, countryside, located, nearby, capital, old, alongside, lake, what, river, later, where, spread, used, planned;
    } w;
    /* WA_* bits by vocabulary id: word-list tests as one array read with
     * the id the token has already, not string compares */
    uint64_t *wattr;
    size_t nwattr;
    struct sr_affix_rule {
        int role, kind; /* kind: 0 the word, 1 a prefix, 2 a suffix */
        size_t len;
        const char *text;
    } *affix;
    size_t naffix;
    /* the rules of role r: affix[affix_at[r] .. affix_at[r + 1]) */
    size_t affix_at[19];
};

/* Attributes of words by vocabulary id: the sets of data/en/words.txt
 * (words.c names the role of each). */
#define WA(n) (1ull << (n))
enum {
    WA_STOPNAME = 1,  /* a capitalised word that starts no place name */
    WA_PARTICLE = 2,  /* "al", "ez", "deir": lower case inside names */
    WA_SOFTBREAK = 4, /* which, who, while ...: a clause starts */
    WA_LOCPREP = 8,   /* in, near, outside ...: a place may follow */
    WA_PRONOUN = 16,  /* it, its, they, their, we: may stand for an actor */
    WA_DET = 32,      /* the, its, several, fresh ...: a noun follows */
    WA_AUX = 64,      /* has, would, they ...: a verb follows */
    WA_FORCEMOD = 128, /* federal, elite, security ...: part of a force's name */
    WA_ADVERB = 256,  /* also, reportedly, still ...: between subject and verb */
};
#define WA_BACKING WA(9)        /* "US-backed": describes another actor */
#define WA_WEAPON_OWNER WA(10)  /* "Houthi-fired": whose weapon */
#define WA_SUPERLATIVE WA(11)   /* "at least", "at most" */
#define WA_COUNT_LEAD WA(12)    /* "some", "both", "all" before a count */
#define WA_GROUP_NOUN WA(13)    /* "group": the head noun names leave out */
#define WA_TOLD WA(14)          /* "told", "informed": the hearer follows */
#define WA_BLAME WA(15)         /* "blamed on": the agent follows */
#define WA_TARGETING WA(16)     /* "targeting X": the target follows */
#define WA_OPERATION WA(17)     /* "the offensive targets": an event told before */
#define WA_TIME_LEAD WA(18)     /* "on", "late", "early" before a time */
#define WA_DEMONSTRATIVE WA(19) /* "the attack", "this attack": told before */
#define WA_PEOPLE WA(20)        /* "people", "persons": counted humans */
#define WA_ASPECTUAL WA(21)     /* "began to", "managed to": it happened */
#define WA_PERSON_HEAD WA(22)   /* "a commander": one person */
#define WA_TOLL WA(23)          /* "death toll": the dead follow */
#define WA_VAGUE_MANY WA(24)    /* "several areas of": no place to put it */
#define WA_MONTH_WORD WA(25)    /* "May", "March": months that are words too */
#define WA_PARTICLE_WORD WA(26) /* particles that are English words too */
#define WA_NEAR_NOUN WA(27)     /* "outskirts of", "countryside of" */
#define WA_DISTANCE WA(28)      /* "5 km north of" */
#define WA_NEAR_PREP WA(29)     /* "outside X", "around X" */
#define WA_ANY_PLACE WA(30)     /* "the area", "there": a place of any kind */
#define WA_OUTSKIRTS WA(31)     /* "the outskirts of X": near it */
#define WA_NEIGHBOR_ADJ WA(32)  /* "and the nearby towns of" */
#define WA_PART_NOUN WA(33)     /* "the eastern parts of X": in X */
#define WA_MINE_HIT WA(34)      /* "a convoy triggered a landmine": the subject was hit */
#define WA_HEDGE WA(35)         /* "three suspected militants": between a count and its noun */
#define WA_SEAT_NOUN WA(36)     /* "X, the capital of Y": Y holds X */
#define WA_REFLEXIVE WA(37)     /* "killed himself and 12 others": the doer died too */
#define WA_REMNANT WA(38)       /* "a mine from the remnants of X": X's weapon */
#define WA_SITE_NOUN WA(39)     /* "the encounter site": a place named after an event */
#define WA_BACKREF WA(40)       /* "killed in the violence": the happening told before */
#define WA_SEQUENCE WA(41)      /* "after", "in retaliation for": another happening across it */
#define WA_ONGOING WA(42)       /* ", as clashes continued": a backdrop */
#define WA_PLACE_VERB WA(43)    /* "air strikes hit Khartoum": its object is a place */
#define WA_RECIPROCAL WA(44)    /* "X and Y exchanged fire": both are sides */
#define WA_GRIEVANCE WA(45)     /* "protests over the death of": what a protest is about */
#define WA_MINERAL WA(46)       /* "a gold mine": a mine that is no weapon */
#define WA_BUILDING WA(47)      /* "the provincial government building": a place, not a side */
#define WA_ADDITIVE WA(48)      /* "were also killed": dead in addition to those told */
#define WA_BREAK_VERB WA(49)    /* "broke an Islamic State siege": the breaker fought its doer */
#define WA_KIN_ONE WA(50)       /* "and his wife": one more of the dead */
#define WA_DISTINCT WA(51)      /* "another strike": not the one told before */
#define WA_MORE WA(52)          /* "two more Palestinians were killed": more than those told */
#define WA_LEAVE WA(53)         /* "left one woman and four children dead" */
#define WA_COMMUNITY WA(54)     /* "the Meitei and Kuki communities": peoples, not places */
#define WA_SPEAKER WA(55)       /* "the spokesperson for the Police Command": who speaks for it */
#define WA_REFERENT WA(56)      /* "militants involved in the attack": a happening named to say who */
#define WA_CULPRIT WA(57)       /* "it was behind the attack": the doer owns up */
#define WA_HELD_BY WA(58)       /* "a building used by militants": whose the place is, not who struck */
#define WA_WHOLE WA(59)         /* "killing all five attackers": every one of a count */
#define WA_REFUGE WA(60)        /* "thousands fled to Cucuta": where people went, not where it happened */
#define WA_AFFILIATE WA(61)     /* "Islamic State-linked insurgents": the group's own armed men */
#define WA_TO_PREP WA(62)       /* "in response to attacks": "to" after it is a preposition */
#define WA_RELEASE WA(63)       /* "pupils kidnapped this month have been released": the news is the release */

/* Word shapes by role (data/en/words.txt: "word*" a prefix, "*ing" a
 * suffix): sr_affix(e, AF_X, norm). */
enum { AF_ADVERB, AF_GERUND, AF_CLAIM, AF_CONTINUE, AF_VILLAGE, AF_QUARTER, AF_CITY, AF_ADMIN1, AF_ADMIN2, AF_HABIT, AF_GOAL, AF_PAST, AF_KIND_OF, AF_CAUSE, AF_SPARK, AF_FORMER, AF_PRESENT, AF_SUPPORT, AF_COUNT };
int sr_affix(const sr_engine *e, int role, const char *norm);

static inline int word_has(const sr_engine *e, uint32_t id, uint64_t attr)
{
    return id < e->nwattr && (e->wattr[id] & attr);
}

/* Gives the word (adding it to the vocabulary) the WA_ bits; -1 when out
 * of memory (words.c). */
int sr_mark_word(sr_engine *e, const char *word, uint64_t attr);
/* "was", "were", "been" ...; the auxiliaries of words.txt (triggers.c) */
int is_be(const sr_engine *e, uint32_t id);
int is_aux_word(const sr_engine *e, const sr_token *t);
/* Binds data/en/words.txt's roles to e->w and the WA_ bits (words.c). */
sr_status sr_bind_words(sr_engine *e, sr_error *err);

/* An entity: who acted or was acted upon, shared by all its mentions. */
typedef struct sr_entity {
    const char *name, *code;
    uint32_t flags;    /* ACT_* */
    int country;       /* index in countries or -1 */
    int def;           /* actors[] index or -1 */
    char sector[4];
} sr_entity;

/* An actor mention in a sentence. */
typedef struct sr_mention {
    uint16_t s, e;       /* token span, modifiers included */
    int ent;             /* entity id, -1 while unresolved */
    uint32_t flags;      /* ACT_* of the words themselves */
    int16_t country;     /* country named in it, -1 */
    int16_t def;         /* named actor, -1 */
    int16_t agent;       /* generic agent, -1 */
    int count;           /* "nine militants": 9, else -1 */
    uint8_t pronoun;     /* it, they */
    uint8_t modifier;    /* "US-backed": not an actor by itself */
    uint8_t ctrl;        /* "ISIS-held": holds the place after it */
    uint8_t paren;       /* inside brackets or dashes */
    uint32_t prep;       /* vocabulary id of the preposition before it, 0 */
    uint8_t poss;        /* followed by 's */
    uint8_t weapon_owner;/* "Houthi-fired" */
    uint8_t used_as_place; /* a country name used as a place ("in Syria") */
} sr_mention;

/* A location, one value from the place mention that finds it, through the
 * event that takes it, to the output's location: copied whole, never field
 * by field. */
typedef struct sr_place {
    const char *name;   /* canonical name (or the words when unknown) */
    const char *admin1; /* its province, or NULL */
    const char *text;   /* the words in the sentence */
    char cc[3];         /* ISO 3166-1 alpha-2, or "" */
    double lat, lon;    /* valid when has_coords */
    uint8_t has_coords;
    uint8_t precision;  /* ACLED geo-precision, 1..3 */
    uint8_t kind;       /* PK_* */
    uint8_t compass;    /* a country's part told by a compass word ("northwest Syria"): the point only stands for it */
    int place;          /* dictionary places[] index, or -1 */
    int gaz;            /* gazetteer entry, or -1 */
} sr_place;

/* A place mention. */
typedef struct sr_pmention {
    uint16_t s, e;        /* whole phrase */
    uint16_t ns, ne;      /* the name itself */
    sr_place loc;         /* where it is, as far as known */
    int16_t country;      /* countries[] index when it is a country */
    uint32_t prep;        /* vocabulary id of the preposition before it */
    int16_t container;    /* a pmention this one lies in ("X in Y province") */
    uint8_t near_holder;  /* the container holds it by nearness, not as its province ("a suburb of Damascus") */
    int16_t next;         /* next place in a coordinated list, -1 */
    int16_t owner;        /* mention holding it ("ISIS-held"), -1 */
    uint8_t refloc;       /* "the city": resolved from context */
    uint8_t near;         /* "near X", "east of X", "outskirts of X" */
    uint8_t between;      /* "between X and Y" (X carries it) */
    uint8_t in_report;    /* inside the source's clause ("official in X told") */
    uint8_t dateline;
    uint8_t pattern;      /* found by a pattern, not a dictionary */
    uint8_t is_listed;    /* member (not head) of a coordinated list */
    uint8_t region_noun;  /* followed by province/governorate */
    uint8_t affil;        /* "the ISF of Baghdad": whose, not where */
    uint8_t need_gaz;     /* "shelled Fuaa": a place only if the gazetteer knows it */
    uint8_t part_point;   /* "in northern Burkina Faso": a country's part with a point of its own */
    uint8_t unknown;      /* need_gaz, and the gazetteer does not know it: no place */
    uint8_t refuge;       /* "fled to X": where people went, not where it happened */
    int16_t adj_country;  /* "the Russian border region of Kursk": whose its noun's adjective says, -1 */
} sr_pmention;

typedef struct sr_trig {
    uint16_t s, e;
    int def[4];        /* triggers[] payloads for this span */
    int ndef;
    uint8_t passive;
    uint8_t used;      /* consumed by another event (weak outcomes) */
    uint8_t untyped;   /* read, and no type fitted it: told by no event */
} sr_trig;

typedef struct sr_cuespan {
    uint16_t s, e;
    uint8_t cue;
} sr_cuespan;

typedef struct sr_sent {
    int index;          /* 0-based sentence index; -1 for the title */
    int para;
    const char *text;   /* NUL-terminated copy */
    uint32_t len;
    sr_token *tok;
    size_t ntok;
    int titlecase;
    int headline;       /* the headline repeated in the text: a summary of what the body tells */
    int16_t *owner;     /* token -> content match index (into m), -1 */
    sr_match *m;
    size_t nm;
    uint64_t *cuemask;  /* token -> bit per cue starting there */
    uint64_t cues;      /* every cue of the sentence: most tests stop here */
    sr_cuespan *cs;
    size_t ncs;
    sr_mention *men;
    size_t nmen;
    sr_pmention *pm;
    size_t npm;
    sr_trig *tg;
    size_t ntg;
    sr_timex tx[8];
    size_t ntx;
    int dateline_end;   /* tokens before it are a dateline ("BAGHDAD (Reuters) -") */
    int report_end;     /* "X said that ...": tokens before it are the source's */
    int report_start;   /* "..., X said": tokens from it on are the source's */
    int question;
} sr_sent;

/* An event under assembly. */
typedef struct sr_ev {
    int sent;
    int type, sub;          /* indexes into the ACLED tables (assemble.c) */
    int cls;
    int a1, a2;             /* entity ids or -1 */
    const char *a1_text, *a2_text;
    sr_place loc;           /* where, when has_loc */
    int has_loc;
    long fatalities;        /* -1 unknown */
    sr_date date;
    int has_date, time_precision, explicit_date;
    sr_modality mod;
    int mentions;
    int split;              /* one of several places in one sentence */
    int dead;               /* merged into another */
    int tok;                /* trigger token, for ordering */
    int anaphoric;          /* "the attack": a happening told before */
    int target_told;        /* its target told before, with "a": 1 + that sentence, 0 (roles.c) */
    int unplaced;           /* no place yet: kept only if a later mention places it */
    int has_holder;         /* with unplaced: the district or province that holds its places */
    int nothing_told;       /* with unplaced: its sentence tells no place for it at all */
    int near_place;         /* its place told as near ("near Conoco and al-Jafra gas fields") */
    sr_place holder;
    int sib_sent, sib_tok;  /* a split sibling already merged in */
    int generic;            /* "attacked", "targeted": no weapon named */
    int headline;           /* from the headline: the body tells it better */
    int noun;               /* told by a noun ("the attack"), not a verb */
    int district_point;     /* a place in no list, at its district's point */
    int a1_back;            /* its doer told as "the attackers": the ones just told of */
    int merged_in_sentence; /* merged into a word of its own sentence (assemble.c) */
    size_t merged_into;     /* 1 + the index of the event it was merged or folded into, 0 if none (assemble.c) */
    int summed_up;          /* dropped as the sum of several happenings: none of them takes it (assemble.c) */
    int adds;               /* "were also killed": its dead add to the happening's */
    int dead_ent;           /* whom its dead were (entity), -1 */
    int place_before;       /* placed where the event told before was ("in the area") */
    int before_sent, before_tok; /* with place_before: that event's sentence and word */
    int place_ctx;          /* placed by a place of an earlier sentence, none of its own */
    int distinct;           /* "another strike", "a separate attack": not one told before */
    int said_date;          /* its day is the day it was told ("officials said on Sunday") */
    int own_claim;          /* its toll told by its doer ("The group said it had killed 20") */
    int across;             /* told across a region ("airstrikes across the Gaza Strip"): many happenings */
    int definite;           /* a noun told with "the": "The clashes between the Radaa force and ..." */
} sr_ev;

/* The output event (public, read through accessors). */
struct sr_event {
    const char *event_id, *doc_id, *text, *date, *type, *sub_type, *cameo;
    int sentence, time_precision, quad_class, mentions;
    int has_a1, has_a2, has_loc;
    sr_actor_ref a1, a2;
    sr_location_ref loc;
    long fatalities;
    sr_modality modality;
    double confidence;
};

struct sr_result {
    sr_event *ev;
    size_t n;
    const char **warn;
    size_t nwarn;
    size_t sentences;
    const char *explain;
};

struct sr_coder {
    const sr_engine *eng;
    sr_arena arena;       /* per document */
    int failed;           /* out of memory in a pass: sr_code fails (sticky, per article) */
    int explain;          /* --explain: why each word became an event or did not */
    sr_buf trace;         /* that explanation, for the article being coded */
    sr_result res;
    /* Document state while coding */
    sr_sent *sents;
    size_t nsents, cap_sents;
    sr_sent title;
    int has_title;
    int sent_limit_hit;   /* max_sentences reached: warned once */
    size_t n_long_sents, n_tok_trunc; /* sentences cut by the limits */
    int first_long_sent, first_tok_trunc;
    sr_entity *ents;
    size_t nents, cap_ents;
    sr_ev *evs;
    size_t nevs, cap_evs;
    const char **warn;
    size_t nwarn, cap_warn;
    sr_date adate;
    int has_adate;
    int focus_country;    /* countries[] index or -1 */
    char article_ccs[33]; /* ISO2 codes of up to 16 countries the article names */
    int has_anchor;       /* a town the article placed: nearness decides between namesakes */
    double anchor_lat, anchor_lon;
    const char *story_admin; /* the first province the article names: a like spelling elsewhere is another place */
    int focus_counts[8];
    const char *doc_id;
    struct sr_geo_cache *geo_cache; /* names met before: their candidates */
};

/* ---- analysis steps (one file each) ---- */
void sr_analyze_sentence(sr_coder *c, sr_sent *s);                 /* analyze.c */
void sr_doc_context(sr_coder *c);                                  /* analyze.c */
void sr_resolve_mentions(sr_coder *c, sr_sent *s);                 /* actors.c */
int sr_entity_for_mention(sr_coder *c, sr_sent *s, sr_mention *m); /* actors.c */
int sr_entity_generic(sr_coder *c, const char *sector, uint32_t flags, int country); /* actors.c */
/* The token of the 's after mention k ("ISIS's", "the Islamic State
 * group's"), or 0 when it is not a possessive. */
size_t sr_poss_after(const sr_engine *e, const sr_sent *s, size_t k);                  /* actors.c */
/* "45-year-old" (three tokens: the number, then the hyphened unit and
 * "old"): an age's length at token i, else 0 (triggers.c) */
size_t age_at(const sr_engine *e, const sr_sent *s, size_t i);
/* "shot dead a 17-year-old Palestinian in Nablus": the demonym at token i
 * (its match ending at j) names one of the people (actors.c) */
int plural_people(const sr_token *t);
int one_of_a_people(const sr_engine *e, const sr_sent *s, size_t i, size_t j);
void sr_find_places(sr_coder *c, sr_sent *s);                      /* places.c */
/* The province of that name in country cc (an admin1 entry of places.tsv
 * with a point), or -1: where a village no list has is known to lie. */
int sr_admin1_entry(const sr_dicts *d, const char *admin1, const char *cc);
void sr_code_sentence(sr_coder *c, sr_sent *s);                    /* events.c */
void sr_assemble(sr_coder *c);                                     /* assemble.c */
/* The ACLED type of a sub-event type (classify.c). */
int sr_acled_type(const sr_engine *e, int sub);
/* Binds the taxonomy's rule conditions to the coder's tests (classify.c). */
sr_status sr_taxonomy_bind(sr_engine *e, sr_error *err);
/* confidence.c */
sr_status sr_confidence_bind(sr_engine *e, sr_error *err);
double sr_confidence(sr_coder *c, const sr_ev *v);
void sr_coder_warn(sr_coder *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A line of the explanation, when one is asked for (events.c). */
void sr_explain(sr_coder *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));


/* helpers shared by the analysis files */
static inline int tok_is(const sr_sent *s, size_t i, uint32_t id)
{
    return i < s->ntok && id && s->tok[i].id == id;
}
static inline int tok_word(const sr_sent *s, size_t i, const char *w);
#include <string.h>
static inline int tok_word(const sr_sent *s, size_t i, const char *w)
{
    return i < s->ntok && strcmp(s->tok[i].norm, w) == 0;
}
static inline int has_cue(const sr_sent *s, size_t i, int cue)
{
    return ((s->cues >> cue) & 1) && i < s->ntok && (s->cuemask[i] >> cue) & 1;
}
/* The mention that ends right before token e, -1 when none */
static inline int mention_ending_at(const sr_sent *s, size_t e)
{
    for (size_t q = 0; q < s->nmen; q++)
        if (s->men[q].e == e)
            return (int)q;
    return -1;
}
/* "Santiago de Cuba": whether the country's name starting at token i
 * ends a town's name, after a particle inside it (cues.txt MIDNAME). */
static inline int country_ends_name(const sr_sent *s, size_t i)
{
    return i >= 2 && i < s->ntok && has_cue(s, i - 1, CUE_MIDNAME) && (s->tok[i - 2].flags & TK_CAP) &&
           (s->tok[i].flags & TK_CAP) && s->owner[i] >= 0 && s->m[s->owner[i]].kind == PH_COUNTRY &&
           s->m[s->owner[i]].start == i;
}
/* The longest of the cues of class `cue` known to start at i. */
size_t cue_end_at(const sr_sent *s, size_t i, int cue);
/* End of the cue of class `cue` starting at i (0 when none). */
static inline size_t cue_end(const sr_sent *s, size_t i, int cue)
{
    return has_cue(s, i, cue) ? cue_end_at(s, i, cue) : 0;
}
/* Is there a cue of class `cue` starting in [a, b)? Returns its start or -1. */
int cue_in(const sr_sent *s, size_t a, size_t b, int cue);
/* Copies the surface text of tokens [a, b) into the arena. */
const char *span_text(sr_coder *c, const sr_sent *s, size_t a, size_t b);

#endif
