#ifndef SR_HASH_H
#define SR_HASH_H
#include <stddef.h>
#include <stdint.h>

/* FNV-1a: short keys (tokens, names), stable across runs and machines,
 * which event ids rely on. */
static inline uint64_t sr_hash64(const void *data, size_t n, uint64_t h)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}
#define SR_HASH_SEED 0xcbf29ce484222325ULL

/* The dictionary key of a token's norm: eight bytes a step where FNV-1a
 * takes one (its multiply a byte was the tokenizer's longest chain). It
 * only keys the vocabulary built at load, so unlike sr_hash64 it may
 * change between versions; nothing stores it. */
#define SR_WORD_SEED 0x243f6a8885a308d3ULL

static inline uint64_t sr_word_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 32);
}

static inline uint64_t sr_word_final(uint64_t h)
{
    h *= 0xd6e8feb86659fd93ULL;
    return h ^ (h >> 29);
}

/* little-endian bytes of p[0..n), n at most 8 */
static inline uint64_t sr_word_tail(const char *p, size_t n)
{
    uint64_t t = 0;
    for (size_t k = 0; k < n; k++)
        t |= (uint64_t)(unsigned char)p[k] << (8 * k);
    return t;
}

static inline uint64_t sr_word_hash(const char *p, size_t n)
{
    uint64_t h = SR_WORD_SEED ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        h = sr_word_step(h, sr_word_tail(p + i, 8));
    return sr_word_final(sr_word_step(h, sr_word_tail(p + i, n - i)));
}

/* The same value, for a norm that may be read up to the next multiple of
 * eight bytes past its end (the tokenizer's norm room keeps that slack). */
static inline uint64_t sr_word_hash_padded(const char *p, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t h = SR_WORD_SEED ^ n;
    size_t i = 0;
    uint64_t w;
    for (; i + 8 <= n; i += 8) {
        __builtin_memcpy(&w, p + i, 8);
        h = sr_word_step(h, w);
    }
    size_t r = n - i;
    __builtin_memcpy(&w, p + i, 8);
    w = r ? w & (~0ULL >> (64 - 8 * r)) : 0;
    return sr_word_final(sr_word_step(h, w));
#else
    return sr_word_hash(p, n);
#endif
}

static inline uint64_t sr_mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

#endif
