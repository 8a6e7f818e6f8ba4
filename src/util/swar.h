/* Eight bytes of text at a time, for scans where most bytes are plain.
 * Each test sets the high bit of the bytes it finds; past a true find it
 * may also mark bytes that are not, never the other way: callers ask
 * whether anything is marked, then look byte by byte. */
#ifndef SR_SWAR_H
#define SR_SWAR_H
#include <stdint.h>
#include <string.h>

#define SR_SWAR_ONES 0x0101010101010101ULL
#define SR_SWAR_HIGHS 0x8080808080808080ULL

static inline uint64_t sr_swar_load(const void *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* bytes below n (n at most 0x80) */
static inline uint64_t sr_swar_below(uint64_t v, unsigned n)
{
    return (v - SR_SWAR_ONES * n) & ~v & SR_SWAR_HIGHS;
}

/* bytes equal to c */
static inline uint64_t sr_swar_eq(uint64_t v, unsigned char c)
{
    return sr_swar_below(v ^ (SR_SWAR_ONES * c), 1);
}

/* bytes at 0x80 and above */
static inline uint64_t sr_swar_high(uint64_t v)
{
    return v & SR_SWAR_HIGHS;
}

#endif
