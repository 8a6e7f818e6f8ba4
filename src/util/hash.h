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
