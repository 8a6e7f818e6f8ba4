/* Eight bytes of text at a time, for scans where most bytes are plain.
 * Each test sets the high bit of the bytes it finds; the first three, past
 * a true find, may also mark bytes that are not, never the other way:
 * their callers ask whether anything is marked, then look byte by byte. */
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

/* Exact tests, for callers that use every marked byte, not only the
 * first: no borrow crosses bytes (each byte's low seven bits are compared
 * by adding, bytes of 0x80 and above are taken out). */

/* bytes from lo to hi (both below 0x80) */
static inline uint64_t sr_swar_in_range(uint64_t v, unsigned char lo, unsigned char hi)
{
    uint64_t x = v & ~SR_SWAR_HIGHS;
    uint64_t ge_lo = x + SR_SWAR_ONES * (0x80u - lo);
    uint64_t gt_hi = x + SR_SWAR_ONES * (0x7fu - hi);
    return ge_lo & ~gt_hi & ~v & SR_SWAR_HIGHS;
}

/* bytes equal to c (below 0x80) */
static inline uint64_t sr_swar_eq_exact(uint64_t v, unsigned char c)
{
    return sr_swar_in_range(v, c, c);
}

#endif
