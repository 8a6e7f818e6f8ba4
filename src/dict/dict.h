/* Dictionaries: what the plain-text files under data/ load into. */
#ifndef SR_DICT_H
#define SR_DICT_H
#include <stddef.h>
#include <stdint.h>

#include "../text/text.h"
#include "../util/arena.h"
#include "match.h"
#include "sitrep.h"

/* Makes room for one more element of o->arr (o->n used of o->cap),
 * doubling it; returns SR_ERR_NOMEM from the calling function when it
 * cannot. The loaders of dictionaries and taxonomy share it. */
#define SR_GROW(o, arr, n, cap)                                                                                \
    do {                                                                                                      \
        if ((o)->n == (o)->cap) {                                                                             \
            size_t nc_ = (o)->cap ? (o)->cap * 2 : 16;                                                        \
            void *np_ = realloc((o)->arr, nc_ * sizeof *(o)->arr);                                            \
            if (!np_)                                                                                         \
                return SR_ERR_NOMEM;                                                                          \
            (o)->arr = np_;                                                                                   \
            (o)->cap = nc_;                                                                                   \
        }                                                                                                     \
    } while (0)

/* Actor and agent properties, written as words in the files. */
enum {
    ACT_STATE = 1u << 0,     /* a state's forces or government */
    ACT_GOVSIDE = 1u << 1,   /* fights for a government: regains territory */
    ACT_ARMED = 1u << 2,     /* an organised armed actor */
    ACT_NONSTATE = 1u << 3,
    ACT_AERIAL = 1u << 4,    /* aircraft, drones, air forces: makes strikes air strikes */
    ACT_CIVILIAN = 1u << 5,
    ACT_PROTESTER = 1u << 6,
    ACT_SOURCE = 1u << 7,    /* media, monitors, NGOs: report, do not act */
    ACT_IGO = 1u << 8,       /* UN, African Union... */
    ACT_COALITION = 1u << 9,
    ACT_REFER = 1u << 10,    /* generic word that refers back to a named actor */
    ACT_POLICE = 1u << 11,
    ACT_ARTILLERY = 1u << 12,
    ACT_UNKNOWN = 1u << 13,  /* unidentified: gunmen, assailants */
    ACT_GOV = 1u << 14,      /* political government, ministries, officials */
    ACT_REBEL = 1u << 15,
    ACT_MILITIA = 1u << 16,
    ACT_GROUPWORD = 1u << 17,/* "the group", "the organization": refers to a group only */
    ACT_PERSON = 1u << 18,   /* an individual (official, commander, spokesman) */
    ACT_GENERIC_FORCE = 1u << 19, /* "forces", "troops": whose depends on a modifier */
    ACT_CROWD = 1u << 20,    /* a mob: civilians that do violence */
    ACT_AUTHORITY = 1u << 21,/* holds and governs territory though no state: its detentions are arrests */
};

/* Parses "state armed aerial" into flags; unknown words set *bad. */
uint32_t sr_actor_flags_parse(const char *s, const char **bad);

typedef struct sr_actor_def {
    const char *name;
    const char *code;
    uint32_t flags;
    int16_t country;   /* index in countries, -1 for none */
    char active[64];   /* ISO2 codes where it operates, space separated (21 at most) */
} sr_actor_def;

typedef struct sr_agent_def {
    const char *noun;  /* canonical form, e.g. "soldiers" */
    char sector[4];    /* MIL, COP, GOV, REB, CVL, OPP, UAG ... */
    uint32_t flags;
} sr_agent_def;

typedef struct sr_country_def {
    char iso2[3], iso3[4];
    const char *name;
    const char *adj;      /* first adjective listed */
    const char *mil_name; /* "Syrian Arab Army"; NULL: "Military Forces of X" */
    const char *pol_name; /* NULL: "Police Forces of X" */
    double lat, lon;      /* a point for country-level events (capital) */
    int numeric;          /* ISO 3166-1 numeric, 0 unknown */
    const char *region;   /* ACLED's region, NULL unknown */
    const char *acled_name; /* ACLED's name when not `name` (export.txt), else NULL */
    int the;              /* written "the United States" after "of" (export.txt) */
} sr_country_def;

/* ---- sectors.txt: actors named by a kind and a country ---------------------
 * When news names no actor ("Iraqi soldiers", "gunmen") the event's actor
 * is a sector of a country (IRQMIL). The file gives each sector its kinds
 * and its names, and maps kinds to ACLED's actor types ("inter" codes). */
typedef struct sr_sector_def {
    char sector[4];
    uint32_t flags;
    int add;           /* the words' own kinds are kept and these added */
    const char *name;  /* template of the name in events ({country}, {adj}) */
    const char *acled; /* template of ACLED's name; NULL: the name */
} sr_sector_def;

typedef struct sr_inter_rule {
    uint32_t flags; /* all of these kinds */
    int inter;      /* ACLED's actor type, 1 to 8 */
} sr_inter_rule;

/* ---- export.txt: what other tools' conventions need --------------------- */
typedef struct sr_outlet {
    const char *domain; /* "reuters.com": matches it and its subdomains */
    int16_t country;    /* countries[] index, -1: says no country */
} sr_outlet;

/* ---- the taxonomy (taxonomy.txt, taxonomy.c) ------------------------------
 * ACLED event types and sub-event types, event classes and the rules from
 * a class and its surroundings to a sub-event type. The ids of the types,
 * sub-types and classes the coder's own rules name are fixed below (their
 * keys in taxonomy.c); a taxonomy file may add others. */
enum { TYPE_BATTLES, TYPE_EXPLOSIONS, TYPE_VAC, TYPE_PROTESTS, TYPE_RIOTS, TYPE_STRATEGIC, TYPE_COUNT };
enum {
    SUB_ARMED_CLASH, SUB_GOV_REGAINS, SUB_NONSTATE_OVERTAKES,
    SUB_CHEMICAL, SUB_AIR, SUB_SUICIDE, SUB_SHELLING, SUB_IED, SUB_GRENADE,
    SUB_SEXUAL, SUB_VAC_ATTACK, SUB_ABDUCTION,
    SUB_PEACEFUL_PROTEST, SUB_PROTEST_INTERVENTION, SUB_EXCESSIVE_FORCE,
    SUB_VIOLENT_DEMO, SUB_MOB,
    SUB_AGREEMENT, SUB_ARRESTS, SUB_CHANGE, SUB_DISRUPTED, SUB_HQ, SUB_LOOTING, SUB_NVT, SUB_OTHER,
    SUB_COUNT
};

typedef struct sr_tax_type {
    const char *key, *name; /* name NULL: not defined by a file */
    const char *disorder;   /* ACLED's disorder type, NULL: not given */
} sr_tax_type;

typedef struct sr_tax_sub {
    const char *key, *name, *cameo, *plover;
    int type, quad;
    const char *disorder;                    /* NULL: its type's */
    const char *plover_mode, *plover_context; /* NULL: not given */
} sr_tax_sub;

typedef struct sr_tax_goldstein {
    const char *cameo;
    double value;
} sr_tax_gold;

typedef struct sr_tax_cameo {
    int sub, cls, quad;
    const char *cameo;
} sr_tax_cameo;

typedef struct sr_tax_class {
    const char *key, *about; /* about NULL: not defined by a file */
    int first_rule;          /* its first rule, -1 (set when the engine opens) */
} sr_tax_class;

typedef struct sr_tax_cond {
    const char *name;
    int neg;
    int pred; /* the coder's predicate, set when the engine opens */
} sr_tax_cond;

typedef struct sr_tax_rule {
    int cls;
    int sub;         /* -1: no event */
    size_t cond0, ncond;
    const char *file; /* where it was written, for messages and --explain */
    long line;
    const char *text;
    int next_same;    /* the next rule of its class, -1 (set when the engine opens) */
} sr_tax_rule;

typedef struct sr_taxonomy {
    sr_tax_type *types;
    size_t ntypes, cap_types;
    sr_tax_sub *subs;
    size_t nsubs, cap_subs;
    sr_tax_cameo *cameos;
    size_t ncameos, cap_cameos;
    sr_tax_class *classes;
    size_t nclasses, cap_classes;
    sr_tax_rule *rules;
    size_t nrules, cap_rules;
    sr_tax_cond *conds;
    size_t nconds, cap_conds;
    sr_tax_gold *gold;
    size_t ngold, cap_gold;
} sr_taxonomy;

/* Event classes: what a trigger word can mean before context decides. */
typedef enum sr_evclass {
    EV_NONE = 0,
    EV_AIR,        /* air/drone strike */
    EV_SHELL,      /* shelling, artillery, rockets, missiles */
    EV_IED,        /* roadside bomb, landmine, IED */
    EV_SUICIDE,    /* suicide bombing */
    EV_CARBOMB,    /* car bomb: suicide when a suicide cue is near */
    EV_GRENADE,
    EV_CHEMICAL,
    EV_BOMB,       /* bombing/explosion: air when by aircraft, else IED */
    EV_CLASH,      /* fighting between armed groups */
    EV_ATTACK,     /* attack: the weapon and the victim decide */
    EV_KILL,       /* killing: outcome of another event, or an attack */
    EV_SHOOT,      /* opened fire, shot: small arms */
    EV_TERRITORY,  /* captured, seized control of, liberated */
    EV_WITHDRAW,   /* withdrew from, pulled out of */
    EV_ABDUCT,
    EV_ARREST,
    EV_RAID,       /* raided/stormed houses: arrests */
    EV_EXECUTE,
    EV_MASSACRE,
    EV_PROTEST,
    EV_RIOT,
    EV_REPRESS,    /* dispersed, tear gas: intervention in a protest */
    EV_DISRUPT,    /* intercepted, defused, shot down */
    EV_LOOT,
    EV_DESTROY,    /* destroyed property / equipment: air when by aircraft */
    EV_AGREEMENT,
    EV_BASE,       /* headquarters or base established */
    EV_CHANGE,     /* relocation, recruitment, taxes, defections */
    EV_SIEGE,
    EV_NOT,        /* looks like an event word but is not: hunger strike */
    EV_COUNT
} sr_evclass;

const char *sr_evclass_name(sr_evclass c);

enum {
    TRG_NEED_PLACE = 1u << 0,  /* fires only with a place as object (take) */
    TRG_NEED_OBJ = 1u << 1,    /* needs an actor or place as object */
    TRG_WEAK = 1u << 2,        /* an outcome: belongs to a stronger trigger nearby */
    TRG_NOUN = 1u << 3,
    TRG_VERB = 1u << 4,
    TRG_AIR = 1u << 5,         /* the word itself says "from the air" */
    TRG_NEED_ACTOR = 1u << 6,  /* needs a named actor (not just a place) */
    TRG_INTRANS = 1u << 7,     /* no object: "clashed", "died" */
    TRG_FROM_ACTOR2 = 1u << 8, /* "chased X out of": object is the loser */
    TRG_NO_PASSIVE = 1u << 9,
    TRG_VICTIM_SUBJ = 1u << 10,/* "died": the subject is the victim */
    TRG_NEED_VICTIM = 1u << 11,/* needs people as object (shot, fired on) */
    TRG_AIR_STATE = 1u << 12,  /* by a state or coalition: from the air ("struck") */
    TRG_FEND_OFF = 1u << 13,   /* "repelled an attack": the attack is the event, the subject its target */
    TRG_CROWD = 1u << 14,      /* civilians and protesters may do it ("protesters gathered") */
    TRG_LOST_TO = 1u << 15,    /* "fell to X", "lost the town to X": X after "to" took it, the subject lost it */
    TRG_KILLS = 1u << 16,      /* "assassinated": kills whom it names, whatever its class */
    TRG_DOER = 1u << 17,       /* "suicide bomber": a noun naming the one who does it */
    TRG_FOUND = 1u << 18,      /* "31 bodies": the dead counted as found, the toll of a happening told */
};

typedef struct sr_trigger_def {
    const char *lemma;  /* dictionary form, for messages */
    uint16_t cls;       /* sr_evclass */
    uint8_t form;       /* VF_* for verbs; 0 for nouns */
    uint8_t plural;     /* noun used in the plural */
    uint32_t opts;      /* TRG_* */
} sr_trigger_def;

/* Closed-class cues (cues.txt). */
typedef enum sr_cue {
    CUE_NONE = 0,
    CUE_NEG,        /* not, never, no */
    CUE_DENY,       /* denied: what follows is negated */
    CUE_PLAN,       /* will, plans to, preparing */
    CUE_CLAIM,      /* alleged, claimed that: disputed */
    CUE_REPORT,     /* said, told, reported: introduces a source */
    CUE_W_AIR,      /* weapons and means */
    CUE_W_SHELL,
    CUE_W_IED,
    CUE_W_SUICIDE,
    CUE_W_GRENADE,
    CUE_W_CHEM,
    CUE_W_SMALLARMS,
    CUE_W_CARBOMB,
    CUE_PN_TOWN,    /* place nouns */
    CUE_PN_REGION,
    CUE_PN_FEATURE,
    CUE_DIR,        /* north, south-east ... (of) */
    CUE_DIRADJ,     /* northern, eastern ... */
    CUE_CTRL,       /* -held, -controlled: marks who holds a place */
    CUE_SUPPORT,    /* launched, carried out: verbs that carry a nominal event */
    CUE_REFLOC,     /* the area, the city: refers back to a place */
    CUE_BOTH,       /* both sides, both parties */
    CUE_INTERVENE,  /* tear gas, dispersed: authorities broke up a protest */
    CUE_CIVTARGET,  /* houses, market, camp: civilian targets */
    CUE_VACATE,     /* vacated, withdrew: the place was left without a fight */
    CUE_NOCASUALTY, /* no casualties, no injuries */
    CUE_INJURE,     /* wounded, injured: numbers that are not deaths */
    CUE_BACKGROUND, /* since 2014, for years: background, not an event */
    CUE_HYPOTH,     /* if, could, may: not asserted */
    CUE_PERSON,     /* spokesman, official: people who speak for an actor */
    CUE_NONHUMAN,   /* vehicles, homes: counted things that are not deaths */
    CUE_LETHAL,     /* deadly, live ammunition: people died */
    CUE_HOUSE,      /* houses, hideouts: raided for arrests */
    CUE_MILTARGET,  /* base, checkpoint, convoy: a target that fights back */
    CUE_RIOT,       /* threw stones, burnt tyres: a crowd's violence */
    CUE_ARMS,       /* a weapons cache, explosives: arms taken or destroyed */
    CUE_AFFIL,      /* linked to, loyal to: whose men the generic words are */
    CUE_ACCIDENT,   /* gas cylinder, fuel tanker: a blast nobody set off */
    CUE_AGGREGATE,  /* in operations: many happenings summed, no one of them */
    CUE_SOUND,      /* were heard: a sound reported, not what made it */
    CUE_PART,       /* in the deadliest attack: one of the happenings told, not all */
    CUE_AMID,       /* came amid: the fighting around a happening, no happening itself */
    CUE_MIDNAME,    /* de, da: a particle inside a name ("Tecpan de Galeana") */
    CUE_SAMEDAY,    /* on the same day, that night: the day of the happening told before */
    CUE_DAYBEFORE,  /* a day earlier: the day before the happening told before */
    CUE_DAYAFTER,   /* a day later: the day after it */
    CUE_DROP,       /* dropped: bombs let fall, so from the air */
    CUE_IDENTITY,   /* belonged to, were members of: whose men they were, told later */
    CUE_AFTERTOLD,  /* came days after: what follows is earlier, background */
    CUE_VESSEL,     /* ship, tanker: a craft seized is no territory */
    CUE_STANCE,     /* rejected, condemned: a capital that does so is its government */
    CUE_HABITUAL,   /* are a hallmark of, are common: what such happenings are like, no one happening */
    CUE_ORIGIN,     /* fired from, launched from: where a weapon came from, not where it struck */
    CUE_JUDICIAL,   /* convicted of, sentenced to death: a court's sentence, not violence */
    CUE_PIT,        /* pitted, pitting: "the fighting pitted A against B" names its sides */
    CUE_END_SOUGHT, /* to end, an end to: "a step towards ending fighting" is a goal, no happening */
    CUE_GOV_SEAT,   /* government, authorities: "the authorities in Damascus" name a seat, no place of the event */
    CUE_SIDING,     /* in support of, in solidarity with: whom a deed is done for is no side against */
    CUE_ORG_NOUN,   /* party, movement: a name before it names a body of people, no place */
    CUE_HOSTING,    /* hosting, housing: the forces after it are whose a base is */
    CUE_OFFSHOOT,   /* "an al Qaeda affiliate": the group named before it is another's kin */
    CUE_LABEL,      /* "what the military called": whose words name the target, no side of it */
    CUE_OWNER,      /* belonging to: the thing's owner, the side a blow at it fell on */
    CUE_COUNT
} sr_cue;
/* Every weapon cue at once, for a token's or a sentence's cue mask. */
#define SR_CUE_WEAPONS                                                                                       \
    ((1ULL << CUE_W_AIR) | (1ULL << CUE_W_SHELL) | (1ULL << CUE_W_IED) | (1ULL << CUE_W_SUICIDE) |          \
     (1ULL << CUE_W_GRENADE) | (1ULL << CUE_W_CHEM) | (1ULL << CUE_W_SMALLARMS) | (1ULL << CUE_W_CARBOMB))

const char *sr_cue_name(sr_cue c);
sr_cue sr_cue_parse(const char *s);

/* Places (places.tsv, then the gazetteer). */
enum {
    PK_COUNTRY = 1, PK_ADMIN1, PK_ADMIN2, PK_CITY, PK_TOWN, PK_VILLAGE, PK_NEIGHBOURHOOD,
    PK_FEATURE, /* oil field, dam, crossing, base, airport, mountain */
    PK_REGION,  /* a region that is not an admin unit: Badia, MERV */
    PK_PART,    /* a country's part named by its direction: only its point (sr_part_def) */
};

typedef struct sr_place_def {
    const char *name;
    const char *admin1;
    char country[3];
    uint8_t kind;      /* PK_* */
    uint8_t has_coords;
    double lat, lon;
    uint32_t pop;      /* population when known, for disambiguation */
    int16_t country_idx; /* countries[] index, -1 when not listed */
} sr_place_def;

/* A part of a country named by its direction ("northwest Syria"): the
 * point that stands for it, a province's, which places.tsv says (its
 * kind "part"). Never a name the text is matched against. */
typedef struct sr_part_def {
    const char *dirs;  /* the direction's spellings, lower case, no hyphens, ";" between */
    const char *admin1;
    char country[3];
    double lat, lon;
} sr_part_def;

#define SR_MAX_PHRASE_WORDS 16

/* The confidence model (confidence.txt): a logistic weight for each piece
 * of evidence an event has; the coder binds the names to its tests. */
#define SR_MAX_EVIDENCE 40
typedef struct sr_conf_model {
    double bias;
    double threshold; /* the default --min-confidence */
    int has_threshold;
    size_t n;
    struct sr_conf_weight {
        const char *name, *file;
        long line;
        double w;
        int test; /* the coder's test, bound after loading */
    } w[SR_MAX_EVIDENCE];
} sr_conf_model;

/* Everything loaded from a data directory (and extra directories). */
typedef struct sr_dicts {
    sr_arena arena; /* names, codes, strings: freed together */
    sr_vocab vocab;
    sr_trie trie;
    sr_actor_def *actors;
    size_t nactors, cap_actors;
    sr_agent_def *agents;
    size_t nagents, cap_agents;
    int civilian_agent; /* the agents line for civilians, -1 when none */
    sr_country_def *countries;
    size_t ncountries, cap_countries;
    uint16_t country_by_iso2[26 * 26]; /* countries' index + 1 by ISO code, 0: none */
    sr_trigger_def *triggers;
    size_t ntriggers, cap_triggers;
    sr_place_def *places;
    size_t nplaces, cap_places;
    sr_part_def *parts;
    size_t nparts, cap_parts;
    sr_boiler boiler;
    sr_taxonomy tax;
    sr_sector_def *sectors;
    size_t nsectors, cap_sectors;
    sr_inter_rule *inter;
    size_t ninter, cap_inter;
    int foreign_inter; /* a state's forces abroad: this type (0: unchanged) */
    sr_outlet *outlets;
    size_t noutlets, cap_outlets;
    const char *notes_tpl;  /* export.txt's one-line summary of an event */
    const char *scale[4];   /* source scale words: subnational, national, regional, international */
    const char *civ_targeting; /* ACLED's civilian_targeting value */
    const char *cameo_prefix;  /* before CAMEO codes in CSV: keeps them text */
    sr_conf_model conf;
    /* the language's words by role (en/words.txt), bound by the coder */
    struct sr_role_word {
        const char *role, *word, *file;
        long line;
    } *roles;
    size_t nroles, cap_roles;
    size_t phrases; /* phrases inserted in the trie */
    /* romanisation-invariant keys of places.tsv names and aliases, sorted
     * by hash after loading (sr_dicts_finish) */
    struct sr_pkey {
        uint64_t hash;
        uint32_t place;
        const char *spelling; /* the name or alias this key is of */
    } *pkeys;
    size_t npkeys, cap_pkeys;
} sr_dicts;

/* Sorts what lookups need sorted; call once after the last load. */
void sr_dicts_finish(sr_dicts *d);
/* Places of places.tsv whose name or alias has the key of name: fills ids
 * (up to max) and returns the count. */
/* places.tsv entries whose name or an alias has the key of name: fills
 * ids (and, when spell is not NULL, the spelling that matched); an entry
 * matched by several spellings comes once a spelling. */
size_t sr_dicts_place_lookup(const sr_dicts *d, const char *name, size_t n, uint32_t *ids, const char **spell,
                             size_t max);

sr_status sr_dicts_init(sr_dicts *d, sr_error *err);
/* Loads the dictionary files found in dir. With `required`, the core files
 * (countries, actors, agents, events, cues, words, sectors) must exist. */
sr_status sr_dicts_load_dir(sr_dicts *d, const char *dir, int required, sr_error *err);
/* Parses one file by its base name (countries.txt, actors.txt, ...) from a
 * memory buffer; `path` is used in messages. For the fuzzer and tests. */
sr_status sr_dicts_load_buffer(sr_dicts *d, const char *kind, const char *path, const char *buf, size_t n,
                               sr_error *err);
void sr_dicts_free(sr_dicts *d);

/* taxonomy.c */
sr_status sr_tax_init(sr_taxonomy *t, sr_arena *a);
void sr_tax_free(sr_taxonomy *t);
sr_status sr_tax_line(sr_taxonomy *t, sr_arena *a, char *line, const char *path, long lineno, sr_error *err);
/* Every type, sub-type and class the coder names is defined. */
sr_status sr_tax_check(const sr_taxonomy *t, sr_error *err);
int sr_tax_class_find(const sr_taxonomy *t, const char *key);
/* CAMEO code and quad class of a sub-event type coded from a class. */
const char *sr_tax_cameo_of(const sr_taxonomy *t, int sub, int cls, int *quad);
/* The sub-type named so ("Air/drone strike"), or -1. */
int sr_tax_sub_by_name(const sr_taxonomy *t, const char *name);
/* The Goldstein value of a CAMEO code (its own, else its nearest listed
 * parent's): 1 with *out set, 0 when none is listed. */
int sr_tax_goldstein(const sr_taxonomy *t, const char *cameo, double *out);

/* sectors.c: sectors.txt and export.txt lines, and lookups */
sr_status sr_sector_line(sr_dicts *d, char *line, const char *path, long lineno, sr_error *err);
sr_status sr_export_line(sr_dicts *d, char *line, const char *path, long lineno, sr_error *err);
const sr_sector_def *sr_sector_find(const sr_dicts *d, const char *sector);
/* ACLED's actor type of an actor of these kinds, 0 when no rule holds */
int sr_inter_of(const sr_dicts *d, uint32_t flags);

/* load.c's line helpers, for the other parsers of dictionary lines */
char *sr_trim(char *s);
size_t sr_split(char *s, char sep, char **fields, size_t max);
int sr_country_find(const sr_dicts *d, const char *iso2);

#endif
