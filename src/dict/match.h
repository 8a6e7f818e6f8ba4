/* Phrase matching over normalised tokens.
 *
 * Every dictionary phrase (actor alias, trigger form, place name, cue) is
 * tokenized like text, its words interned in a vocabulary, and inserted in
 * one trie keyed by word ids. Coding a sentence costs one hash lookup per
 * token to get its id, then trie steps from each start position: the cost
 * does not grow with the number of entries. */
#ifndef SR_MATCH_H
#define SR_MATCH_H
#include <stddef.h>
#include <stdint.h>

#include "../text/text.h"
#include "../util/arena.h"

typedef struct sr_vocab {
    struct vocab_slot *slots;
    size_t cap, count;
    sr_arena *arena;
} sr_vocab;

void sr_vocab_init(sr_vocab *v, sr_arena *arena);
void sr_vocab_free(sr_vocab *v);
/* Id of the word, adding it; 0 on allocation failure. */
uint32_t sr_vocab_add(sr_vocab *v, const char *w, size_t n);
/* Id of the word or 0 when absent. Read-only: safe from many threads. */
uint32_t sr_vocab_get(const sr_vocab *v, const char *w, size_t n);
/* The same, with h = sr_word_hash(w, n) known already (a
 * token's hash). */
uint32_t sr_vocab_get_hashed(const sr_vocab *v, const char *w, size_t n, uint64_t h);
/* Sets the id of each token (0 when absent) from its norm and hash. */
void sr_vocab_ids(const sr_vocab *v, sr_token *t, size_t n);

enum {
    PH_ACTOR = 1, /* named actor (actors.txt) */
    PH_AGENT,     /* generic agent noun (agents.txt) */
    PH_COUNTRY,   /* country name or adjective (countries.txt) */
    PH_PLACE,     /* place (places.tsv, gazetteer) */
    PH_TRIGGER,   /* event word form (events.txt) */
    PH_CUE,       /* closed-class cue (cues.txt) */
};

enum {
    PF_ALLCAPS = 1, /* every word must be upper case in the text: "IS", "US" */
    PF_CAPITAL = 2, /* the first word must be capitalised: proper names */
    PF_ADJ = 4,     /* adjective form of a country: "Syrian" */
    PF_COMMON = 8,  /* an actor's alias in common words ("regime forces"):
                     * no name, though a sentence may start with it */
};

typedef struct sr_payload {
    uint32_t value;
    uint32_t next; /* next payload on the same trie node, 0 = end */
    uint8_t kind;
    uint8_t flags;
} sr_payload;

typedef struct sr_trie {
    struct trie_edge *edges;
    size_t edge_cap, edge_count;
    /* Per node: bit (id % 64) of kids set for each word a phrase may go on
     * with (most steps are refused there without a hash probe), and the
     * first payload index (0 = none); one record, so one cache line. */
    struct sr_trie_node {
        uint64_t kids;
        uint32_t payload;
    } *node;
    size_t nodes, node_cap;
    /* The root's children by word id: the first step from every token,
     * an array read instead of a hash probe (most tokens stop there). Each
     * record repeats its child's kids and first payload, so that step reads
     * one record, not three. */
    struct sr_trie_root {
        uint64_t kids;
        uint32_t child;
        sr_payload first; /* a copy of the first payload; kind 0: none */
    } *root;
    size_t root_cap;
    sr_payload *payloads;
    size_t npayloads, payload_cap;
} sr_trie;

int sr_trie_init(sr_trie *t);
void sr_trie_free(sr_trie *t);
/* Inserts the word-id sequence; returns 0, or -1 when out of memory. */
int sr_trie_add(sr_trie *t, const uint32_t *ids, size_t n, uint8_t kind, uint8_t flags, uint32_t value);

typedef struct sr_match {
    uint16_t start, end; /* token range [start, end) */
    uint8_t kind, flags;
    uint32_t value;
} sr_match;

/* Finds every dictionary phrase in toks[0..n) (all starts, all lengths),
 * appending to a growable arena array. Case constraints are checked here. */
size_t sr_trie_scan(const sr_trie *t, const sr_token *toks, size_t n, sr_arena *a, sr_match **out);

/* Tokenizes a dictionary phrase and interns its words: fills ids (cap
 * entries) and returns the count, 0 for an empty phrase. *all_caps tells
 * whether the phrase was written in capitals (for PF_ALLCAPS). */
size_t sr_phrase_ids(sr_vocab *v, sr_arena *scratch, const char *phrase, uint32_t *ids, size_t cap);

#endif
