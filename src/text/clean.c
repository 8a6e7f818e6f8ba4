#include <string.h>

#include "../util/simd.h"
#include "../util/swar.h"

#include "text.h"

int sr_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t min, v;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

int sr_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* What a non-ASCII code point becomes: 0 keep, -1 drop, else an ASCII
 * replacement string index. */
static const char *fold_punct(uint32_t cp, int *drop)
{
    *drop = 0;
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x02BC: case 0x02BB: case 0x02BE: case 0x02BF: case 0x00B4:
    case 0x0060: case 0x2035:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
    case 0x00BB: case 0x2033: case 0x2036: case 0x275D: case 0x275E:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return "-";
    case 0x2026:
        return "...";
    case 0x2022: case 0x2023: case 0x25CF: case 0x25AA: case 0x2043:
        return "*";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008:
    case 0x2009: case 0x200A: case 0x202F: case 0x205F: case 0x3000:
    case 0x1680: case 0x2028: case 0x2029: case 0x0085:
    case 0x0640: /* Arabic tatweel: used as a dash in scraped English text */
        return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x00AD: case 0x200E: case 0x200F: case 0x202A: case 0x202B:
    case 0x202C: case 0x202D: case 0x202E: case 0x2066: case 0x2067:
    case 0x2068: case 0x2069: case 0x180E:
        *drop = 1;
        return NULL;
    case 0xFF0C:
        return ",";
    case 0xFF0E:
        return ".";
    case 0xFF1A:
        return ":";
    case 0xFF1B:
        return ";";
    case 0xFF08:
        return "(";
    case 0xFF09:
        return ")";
    }
    if (cp >= 0x80 && cp < 0xA0) /* C1 controls */
        return " ";
    return NULL;
}

char *sr_clean_text(sr_arena *a, const char *in, size_t n, size_t *out_n, unsigned *flags)
{
    unsigned fl = 0;
    /* Worst case: every byte becomes U+FFFD (3 bytes). */
    char *out = sr_arena_alloc(a, n * 3 + 1);
    if (!out)
        return NULL;
    const unsigned char *s = (const unsigned char *)in;
    size_t o = 0, i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F) {
            /* Fast path: a run of printable ASCII. */
            size_t j = i + 1;
#ifdef SR_SIMD16
            while (j + 16 <= n) {
                unsigned m = sr_simd_not_printable(sr_simd_load(s + j));
                if (m) {
                    j += (size_t)__builtin_ctz(m);
                    goto run_end;
                }
                j += 16;
            }
#endif
            while (j + 8 <= n) {
                uint64_t v = sr_swar_load(s + j);
                /* a byte below 0x20, or at 0x7F and above, ends the run */
                if (sr_swar_below(v, 0x20) | sr_swar_eq(v, 0x7f) | sr_swar_high(v))
                    break;
                j += 8;
            }
            while (j < n && s[j] >= 0x20 && s[j] < 0x7F)
                j++;
#ifdef SR_SIMD16
        run_end:
#endif
            memcpy(out + o, s + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        if (c < 0x80) {
            if (c == '\n') {
                out[o++] = '\n';
            } else if (c == '\r') {
                out[o++] = '\n';
                if (i + 1 < n && s[i + 1] == '\n')
                    i++;
            } else if (c == '\t') {
                out[o++] = ' ';
            } else {
                /* NUL, other C0 controls, DEL */
                if (c == 0 || c != 0x7F)
                    fl |= SR_CLEAN_NUL;
                out[o++] = ' ';
            }
            i++;
            continue;
        }
        uint32_t cp;
        int len = sr_utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            fl |= SR_CLEAN_BAD_UTF8;
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            continue;
        }
        int drop;
        const char *rep = fold_punct(cp, &drop);
        if (drop) {
            i += (size_t)len;
            continue;
        }
        if (rep) {
            size_t rl = strlen(rep);
            memcpy(out + o, rep, rl);
            o += rl;
        } else {
            memcpy(out + o, s + i, (size_t)len);
            o += (size_t)len;
        }
        i += (size_t)len;
    }
    out[o] = 0;
    if (out_n)
        *out_n = o;
    if (flags)
        *flags |= fl;
    return out;
}
