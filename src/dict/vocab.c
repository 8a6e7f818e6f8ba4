#include <stdlib.h>
#include <string.h>

#include "../util/hash.h"
#include "match.h"

/* A word of up to 16 bytes (nearly all) is kept in its slot, so a lookup
 * reads one cache line, not the slot and then the word elsewhere. */
#define INLINE_WORD 16
struct vocab_slot {
    uint64_t h;
    uint32_t len, id; /* id 0: empty slot */
    union {
        char in[INLINE_WORD];
        const char *out;
    } w;
};

static const char *slot_word(const struct vocab_slot *s)
{
    return s->len <= INLINE_WORD ? s->w.in : s->w.out;
}

void sr_vocab_init(sr_vocab *v, sr_arena *arena)
{
    v->slots = NULL;
    v->cap = v->count = 0;
    v->arena = arena;
}

void sr_vocab_free(sr_vocab *v)
{
    free(v->slots);
    v->slots = NULL;
    v->cap = v->count = 0;
}

static int grow(sr_vocab *v)
{
    size_t nc = v->cap ? v->cap * 2 : 4096;
    struct vocab_slot *ns = calloc(nc, sizeof *ns);
    if (!ns)
        return -1;
    for (size_t i = 0; i < v->cap; i++) {
        if (!v->slots[i].id)
            continue;
        size_t j = v->slots[i].h & (nc - 1);
        while (ns[j].id)
            j = (j + 1) & (nc - 1);
        ns[j] = v->slots[i];
    }
    free(v->slots);
    v->slots = ns;
    v->cap = nc;
    return 0;
}

uint32_t sr_vocab_get(const sr_vocab *v, const char *w, size_t n)
{
    return sr_vocab_get_hashed(v, w, n, sr_word_hash(w, n));
}

/* Whether the slot holds the n-byte word w (n at most INLINE_WORD, w
 * readable for SR_NORM_PAD bytes as token norms are): sixteen bytes
 * compared at once, without the byte loop whose exit mispredicted. A
 * slot's bytes past its word are zero (slots start zeroed). */
static inline int same_inline(const struct vocab_slot *s, const char *w, size_t n)
{
    uint64_t a0, a1, b0, b1;
    memcpy(&a0, s->w.in, 8);
    memcpy(&a1, s->w.in + 8, 8);
    memcpy(&b0, w, 8);
    memcpy(&b1, w + 8, 8);
    /* little-endian: the first n bytes are the low ones */
    uint64_t m0 = n >= 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
    uint64_t m1 = n >= 16 ? ~0ULL : n <= 8 ? 0 : (1ULL << (8 * (n - 8))) - 1;
    return ((a0 ^ (b0 & m0)) | (a1 ^ (b1 & m1))) == 0;
}

/* The probe every lookup makes; padded: w may be read SR_NORM_PAD bytes
 * on (a token's norm), so a short word is compared a word at a time. */
static inline uint32_t lookup(const sr_vocab *v, const char *w, size_t n, uint64_t h, int padded)
{
#if !(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && SR_NORM_PAD >= INLINE_WORD)
    padded = 0;
#endif
    for (size_t j = h & (v->cap - 1);; j = (j + 1) & (v->cap - 1)) {
        const struct vocab_slot *s = &v->slots[j];
        if (!s->id)
            return 0;
        if (s->h == h && s->len == n &&
            (padded && n <= INLINE_WORD ? same_inline(s, w, n) : memcmp(slot_word(s), w, n) == 0))
            return s->id;
    }
}

uint32_t sr_vocab_get_hashed(const sr_vocab *v, const char *w, size_t n, uint64_t h)
{
    return v->cap ? lookup(v, w, n, h, 0) : 0;
}

void sr_vocab_ids(const sr_vocab *v, sr_token *t, size_t n)
{
    if (!v->cap) {
        for (size_t i = 0; i < n; i++)
            t[i].id = 0;
        return;
    }
    /* every slot asked of the cache first: the misses then overlap
     * instead of coming one after another */
    for (size_t i = 0; i < n; i++)
        __builtin_prefetch(&v->slots[t[i].hash & (v->cap - 1)]);
    for (size_t i = 0; i < n; i++)
        t[i].id = lookup(v, t[i].norm, t[i].nlen, t[i].hash, 1);
}

uint32_t sr_vocab_add(sr_vocab *v, const char *w, size_t n)
{
    uint32_t id = sr_vocab_get(v, w, n);
    if (id)
        return id;
    if ((v->count + 1) * 2 > v->cap && grow(v))
        return 0;
    uint64_t h = sr_word_hash(w, n);
    size_t j = h & (v->cap - 1);
    while (v->slots[j].id)
        j = (j + 1) & (v->cap - 1);
    struct vocab_slot *sl = &v->slots[j];
    if (n <= INLINE_WORD) {
        memcpy(sl->w.in, w, n);
    } else {
        const char *copy = sr_arena_strndup(v->arena, w, n);
        if (!copy)
            return 0;
        sl->w.out = copy;
    }
    sl->len = (uint32_t)n;
    sl->h = h;
    sl->id = (uint32_t)++v->count;
    return v->slots[j].id;
}
