/* What the coder's passes share while they code one sentence, event word
 * by event word. events.c drives them in this order; each file says at
 * its top what it reads and what it writes:
 *
 *   triggers.c   event words in the sentence, their part of speech and
 *                voice, the clauses, what the sentence tells as a whole
 *                (sr_find_triggers, sr_sentence_context), and which of a
 *                word's meanings fits (sr_word_meaning)
 *   filters.c    the skip rules, a table of {name, example, stage, test}:
 *                a word that tells no happening is dropped here, and the
 *                rule that dropped it is named (--explain)
 *   roles.c      actor1 and actor2 around the word (sr_assign_roles), then
 *                as the event's type wants them (sr_roles_by_type)
 *   context.c    weapons, the dead, the place, the date, the modality
 *                (sr_attach_deaths, sr_attach_context, sr_modality_of)
 *   classify.c   the ACLED sub-event type, from the taxonomy (sr_classify)
 *   discourse.c  what the article told before: its earlier events and
 *                places, behind a named interface
 *   events.c     the driver, and one event per place (sr_code_sentence)
 *
 * A cand is the event word under consideration: each pass fills its part
 * of it. Everything lives in the coder's per-document arena. */
#ifndef SR_CODE_PASS_H
#define SR_CODE_PASS_H
#include "coder.h"
#include "../lang/numbers.h"

/* Clause numbers by token: hard at ";" and ":", soft also at commas,
 * brackets, dashes and words that open a clause ("which", "while"). */
typedef struct clauses {
    int *hard;
    int *soft;
} clauses;

/* Weapons named near an event word. */
enum { W_NONE = 0, W_AIR = 1, W_SHELL = 2, W_IED = 4, W_SUICIDE = 8, W_GRENADE = 16, W_CHEM = 32, W_SMALL = 64, W_CAR = 128 };

/* Where an event happened. */
typedef struct locpick {
    int pm[8];   /* place mentions, first = primary */
    long fat[8]; /* "killed five people in Zurmi and three in Gusau": the
                    dead of each place after the first, when tolls is set */
    int tolls;   /* each place has its own dead; the first, the word's */
    long counted_on; /* with tolls: the later places' dead the word's count
                        took in too ("five people in Zurmi and three others
                        in Gusau" read as eight) */
    int n;
    int refloc;  /* resolved from context */
    int vague;   /* "several areas of X" */
    int across;  /* with vague: told across a whole country ("at cities across Ukraine"), many happenings */
    int holder;  /* with vague: the district or province that holds them all, -1 */
    int was_vague; /* vague, then kept aside for a later telling */
    const sr_pmention *ctx; /* a context place from an earlier sentence */
    const sr_ev *prev_ev;   /* or the place of the event told just before */
} locpick;

/* What the sentence tells as a whole, found once. */
typedef struct sr_sctx {
    clauses cl;
    int victim_m[8]; /* the killed of "X were killed": victims, never doers */
    int nvictim;
    int conj_victim[4]; /* the conjuncts before them ("53 soldiers and one civilian were killed"): */
    int nconj_victim;   /* victims of an attack, but sides of a fight */
    int strong_count; /* event words that are not mere outcomes */
    int protest_ctx, intervene, vacate;
    int crowd_told;   /* a protest or protesters' violence told just before */
    size_t si;        /* the sentence's index in c->sents */
} sr_sctx;

/* An event word under consideration. */
typedef struct cand {
    /* the word (triggers.c) */
    sr_trig *t;
    const sr_trigger_def *td;
    int weak;
    int obj_place, obj_ment;
    /* what the type depends on (roles.c, context.c) */
    int cls;
    uint32_t opts;
    int a1, a2;          /* mention indexes */
    int a1_ent, a2_ent;  /* entity ids (may come from context) */
    int a1_words_air;    /* the doer's own words are of the air ("Turkish drone"), -1 when no words of its */
    int victims_civ, victims_armed, victims_prot;
    int civ_target, mil_target;
    int arms_target; /* a weapons cache, explosives */
    int weapons;
    int protest_ctx, intervene;
    int grievance; /* "marched through Tbilisi against a draft law": what a crowd is against */
    int crowd_told;
    int vacate;
    long fat;
    int lethal;   /* someone died, even if the text gives no number */
    int alone;    /* the only event word of its sentence that is not a mere outcome */
    int air_told; /* an air strike's word elsewhere in its sentence */
    int air_verb; /* a noun's own verb strikes from the air when a state does it ("raids struck") */
    int person_victim; /* "killed a local official": a person, not a fighter */
    int house_target;  /* "stormed houses": a raid for arrests */
    int state_present;
    int plural_noun;
    int recv;          /* "handed it to Y": the mention that receives a place, -1 */
    /* roles (roles.c) */
    int anaphoric;       /* "the attack": a happening told before */
    int target_told;     /* "opened fire on the bus" after "a bus": 1 + the sentence that told it, 0 */
    int adds;            /* "Three attackers were also killed": more dead of it */
    const sr_ev *restates; /* "Security sources said more than 70 people were killed": the violence whose
                              toll it tells again (or, at a place of its own, whose toll elsewhere) */
    size_t ca, cb;       /* the word's clause, cut at "after"/"before" */
    int participle;
    uint32_t forbid;     /* kinds of actor that cannot do it */
    int a2_holder;       /* actor2 holds the place hit ("rebel-held areas") */
    /* context (context.c) */
    sr_trig *killw;      /* the killing word that gives the dead */
    int dead_ent;        /* whom it killed (entity), -1 */
    locpick lp;
    sr_ev proto;         /* the date */
    int background;      /* history, not news */
    int riot;            /* a crowd's violence in the word's clause */
    int has_anchor, only_country, unplaced;
    int no_anchor;       /* no place, and nothing to place it later */
    int country_alone;   /* only a country, not the article's */
    const char *loc_cc;
    /* the type (classify.c) */
    int sub, type;
    int rule;            /* taxonomy line used, -1 */
    /* final roles (roles.c) */
    int a1e, a2e;
    const char *a1t, *a2t;
    const char *dropped; /* the filter that dropped it */
} cand;

/* ---- triggers.c ---- */
int sr_find_triggers(sr_coder *c, sr_sent *s);
int sr_sentence_context(sr_coder *c, sr_sent *s, sr_sctx *x);
enum { WORD_USED = 1, WORD_NO_MEANING, WORD_OTHER_PASS };
int sr_word_meaning(const sr_coder *c, const sr_sent *s, const sr_sctx *x, sr_trig *t, int pass, cand *k);
const sr_trigger_def *tdef(const sr_coder *c, const sr_trig *t, int k);
int is_adverb_like(const sr_engine *e, const sr_token *t);
int is_det_word(const sr_engine *e, const sr_token *t);
/* An opening quote mark: were "neutralized". */
int is_quote_mark(const sr_token *t);
/* A count of people at j: "100 families", "three suspected terrorists",
 * "15 suspected members". */
int people_counted_at(const sr_engine *e, const sr_sent *s, size_t j);
/* "killed 17-year-old Ahmed Musa", "shot dead Ahmed Musa, 45,": one
 * person named at token i, told of as a person (context.c) */
int one_named(const sr_engine *e, const sr_sent *s, size_t i);
/* "forced nine passengers off and shot them dead": the mention of people
 * counted before the active verb t whose object is "them" (not avoid), or
 * -1. */
int them_counted(const sr_engine *e, const sr_sent *s, const sr_trig *t, int avoid);
int predicate_of_event_noun(const sr_coder *c, const sr_sent *s, const sr_trig *t);
int definite_noun(const sr_engine *e, const sr_sent *s, const sr_trig *t);
/* "In the deadliest attack, gunmen ...": the sentence opens on one of the
 * happenings told before (cues.txt PART), the event noun right after. */
int part_of_told(const sr_sent *s, const sr_trig *t);
/* "militants involved in the attack", "suspects wanted for the bombing": a
 * happening named to say who someone is */
int referent_noun(const sr_engine *e, const sr_sent *s, const sr_trig *t);
int trig_cls(const sr_coder *c, const sr_trig *t, int k);

/* ---- filters.c ---- */
enum { FILTER_WORD, FILTER_ROLES, FILTER_CONTEXT, FILTER_TYPE };
typedef struct sr_filter_rule {
    const char *name;    /* what it drops, for --explain */
    const char *example; /* a sentence it was written for */
    int stage;           /* FILTER_*: what it needs known */
    int (*drops)(const sr_coder *c, const sr_sent *s, const sr_sctx *x, const cand *k);
} sr_filter_rule;
extern const sr_filter_rule sr_filter_rules[];
extern const size_t sr_nfilter_rules;
/* Runs the rules of a stage in order: 1 (and k->dropped set) when one
 * drops the word. */
int sr_filter(const sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k, int stage);
/* Whether verb word t (meaning td) is a participle used as an adjective:
 * "the detained journalists", "42 kidnapped passengers". */
int sr_participle_adjective(const sr_coder *c, const sr_sent *s, const sr_trig *t, const sr_trigger_def *td);

/* ---- roles.c ---- */
void sr_assign_roles(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k);
void sr_roles_by_type(sr_coder *c, const sr_sent *s, cand *k);
/* Battles, explosions, violence against civilians: the kinds told with
 * doers, dead and places that later words point back at */
static inline int sr_violent_type(int type)
{
    return type == TYPE_BATTLES || type == TYPE_EXPLOSIONS || type == TYPE_VAC;
}
int conjunct_gap(const sr_engine *e, const sr_sent *s, size_t a, size_t b);
int conjunct_before(const sr_engine *e, const sr_sent *s, int m);
/* Whether a word of role `role` is among the three words before token pos. */
int role_before(const sr_engine *e, const sr_sent *s, size_t pos, uint64_t role);
int subject_of(const sr_coder *c, const sr_sent *s, size_t t, const clauses *cl, int participle, uint32_t forbid);
int object_after(const sr_coder *c, const sr_sent *s, size_t from, const clauses *cl, size_t maxgap, int skip_place);
int by_agent(const sr_coder *c, const sr_sent *s, size_t from, const clauses *cl);
/* The sides of "clashes between A and B" after token from: A's mention
 * (and B's in *b), or -1. */
int between_pair(const sr_coder *c, const sr_sent *s, size_t from, int *b);
int sr_person_of_group(const sr_engine *e, const sr_sent *s, const sr_mention *m);
int victims_kind(const sr_coder *c, const sr_mention *m, int *civ, int *armed, int *prot);

/* ---- context.c ---- */
void sr_attach_deaths(sr_coder *c, const sr_sent *s, const sr_sctx *x, cand *k);
void sr_attach_context(sr_coder *c, sr_sent *s, const sr_sctx *x, cand *k);
sr_modality sr_modality_of(const sr_coder *c, const sr_sent *s, const sr_trig *t, const clauses *cl);
int weapons_in(const sr_coder *c, const sr_sent *s, size_t a, size_t b, const sr_trig *self);
void clause_span(const sr_sent *s, const clauses *cl, size_t t, size_t *a, size_t *b);
int after_between(const sr_engine *e, const sr_sent *s, size_t a, size_t b);
int same_entity(const sr_sent *s, int a, int b);
int usable_place(const sr_pmention *p);
/* "migrant workers from Uttar Pradesh": where people came from, no place of what befell them */
int told_as_origin(const sr_coder *c, const sr_sent *s, const sr_pmention *p);
int background_near(const sr_sent *s, size_t a, size_t b, size_t t);
/* the doer of the word at tok, a1, is the source the sentence quotes */
int sr_told_by_doer(const sr_sent *s, size_t tok, int a1);

/* ---- classify.c ---- */
void sr_classify(const sr_coder *c, const sr_sent *s, cand *k);

/* ---- discourse.c: the article told before ---- */
const sr_ev *sr_disc_last_with_actors(const sr_coder *c);
int sr_disc_recent_protest(const sr_coder *c, const sr_sent *s);
const sr_ev *sr_disc_recent_battle(const sr_coder *c, const sr_sent *s);
const sr_ev *sr_disc_story_date(const sr_coder *c, const sr_sent *s, int ent, int either_side);
int sr_one_side(const sr_coder *c, int a, int b);
const sr_ev *sr_disc_history_lede(const sr_coder *c, const sr_sent *s, int ent);
const sr_ev *sr_disc_history_just_before(const sr_coder *c, const sr_sent *s);
const sr_ev *sr_disc_story_place(const sr_coder *c, const sr_sent *s, int a1_ent, const sr_ev *proto);
const sr_ev *sr_disc_fight_place(const sr_coder *c, const sr_sent *s, int a1_ent, int a2_ent, const sr_ev *proto);
const sr_ev *sr_disc_struck_place(const sr_coder *c, const sr_sent *s, int ent, const sr_ev *proto);
const sr_ev *sr_disc_crowd_place(const sr_coder *c, const sr_sent *s, const sr_ev *proto);
int sr_disc_recent_crowd(const sr_coder *c, const sr_sent *s);
int sr_disc_last_doer(const sr_coder *c, const sr_sent *s);
int sr_disc_remote_striker(const sr_coder *c, const sr_sent *s);
int sr_disc_state_against(const sr_coder *c, const sr_sent *s, int ent);
const sr_ev *sr_disc_last_violence(const sr_coder *c, const sr_sent *s);
/* The same, told at most `back` sentences before ("At least four Afghans
 * were also killed" two sentences after the bombing). */
const sr_ev *sr_disc_violence_within(const sr_coder *c, const sr_sent *s, int back);
const sr_ev *sr_disc_riot_within(const sr_coder *c, const sr_sent *s, int back);
const sr_ev *sr_disc_summary_within(const sr_coder *c, const sr_sent *s, int back, int riots_too);
/* The last violence with dead told only by its region within back
 * sentences, when it is the last violence told; NULL. */
const sr_ev *sr_disc_region_within(const sr_coder *c, const sr_sent *s, int back);
/* The last violence told at most `back` sentences before s by no named
 * doer against ent. */
const sr_ev *sr_disc_unnamed_against(const sr_coder *c, const sr_sent *s, int ent, int back);
const sr_ev *sr_disc_place_told(const sr_coder *c, const sr_sent *s, const sr_pmention *p);
const sr_pmention *sr_disc_context_place(sr_coder *c, size_t si, int kind, int same_para_only);
int sr_disc_recent_sub(const sr_coder *c, const sr_sent *s);
int sr_disc_protest_forces(const sr_coder *c, const char **text);
int sr_bare_claim(const sr_coder *c, const sr_sent *s);

#endif
