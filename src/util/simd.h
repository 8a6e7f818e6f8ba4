/* Sixteen bytes of text at a time where the machine has SSE2 (every
 * x86-64 does): the long plain runs of the cleaner, splitter and JSON
 * writer. Each test returns a bit per byte it finds (bit k for byte k),
 * exactly; callers fall back to util/swar.h and then to bytes. */
#ifndef SR_SIMD_H
#define SR_SIMD_H

#if defined(__SSE2__)
#include <emmintrin.h>
#define SR_SIMD16 1

static inline __m128i sr_simd_load(const void *p)
{
    return _mm_loadu_si128((const __m128i *)p);
}

/* bytes below 0x20 or at 0x7F and above: not plain printable ASCII */
static inline unsigned sr_simd_not_printable(__m128i v)
{
    /* a signed compare takes 0x80..0xFF (negative) with 0x00..0x1F */
    __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
    __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(low, del));
}

/* bytes equal to any of a, b, c */
static inline unsigned sr_simd_eq3(__m128i v, char a, char b, char c)
{
    __m128i x = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(a)), _mm_cmpeq_epi8(v, _mm_set1_epi8(b)));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(x, _mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
}
#endif

#endif
