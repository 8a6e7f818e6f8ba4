#include <math.h>
#include "buf.h"
#include "simd.h"
#include "swar.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sr_buf_init(sr_buf *b)
{
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void sr_buf_free(sr_buf *b)
{
    free(b->p);
    sr_buf_init(b);
}

void sr_buf_clear(sr_buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = 0;
}

int sr_buf_reserve(sr_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->oom = 1;
            return -1;
        }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void sr_buf_put_long(sr_buf *b, long v)
{
    char tmp[24];
    int n = 0;
    unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    do {
        tmp[sizeof tmp - 1 - n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[sizeof tmp - 1 - n++] = '-';
    sr_buf_put(b, tmp + sizeof tmp - n, (size_t)n);
}

void sr_buf_put_fixed4(sr_buf *b, double x)
{
    double y = x * 10000.0;
    double r = floor(y + 0.5);
    /* near a tie (or out of range) the product's rounding could disagree
     * with printf's exact decimal rounding: ask printf */
    if (!(fabs(y) < 9e15) || fabs(y - (r - 0.5)) < 1e-6) {
        sr_buf_printf(b, "%.4f", x);
        return;
    }
    long v = (long)r;
    if (v < 0) {
        sr_buf_putc(b, '-');
        v = -v;
    } else if (x < 0) {
        sr_buf_putc(b, '-'); /* printf keeps the sign of -0.00001 */
    }
    sr_buf_put_long(b, v / 10000);
    char frac[5] = {(char)('0' + v / 1000 % 10), (char)('0' + v / 100 % 10), (char)('0' + v / 10 % 10),
                    (char)('0' + v % 10), 0};
    sr_buf_putc(b, '.');
    sr_buf_put(b, frac, 4);
}

void sr_buf_put_fixed2(sr_buf *b, double x)
{
    double y = x * 100.0;
    double r = floor(y + 0.5);
    /* as sr_buf_put_fixed4: near a tie, printf's exact rounding */
    if (!(fabs(y) < 9e15) || fabs(y - (r - 0.5)) < 1e-6 || x < 0) {
        sr_buf_printf(b, "%.2f", x);
        return;
    }
    long v = (long)r;
    sr_buf_put_long(b, v / 100);
    char frac[2] = {(char)('0' + v / 10 % 10), (char)('0' + v % 10)};
    sr_buf_putc(b, '.');
    sr_buf_put(b, frac, 2);
}

void sr_buf_printf(sr_buf *b, const char *fmt, ...)
{
    va_list ap;
    char tmp[256];
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        sr_buf_put(b, tmp, (size_t)n);
        return;
    }
    if (sr_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Length of the well-formed UTF-8 sequence at p (2 to 4), or 0: overlong
 * forms, surrogates, code points past U+10FFFF and cut sequences are not. */
static size_t utf8_seq(const unsigned char *p)
{
    unsigned c = p[0];
    if (c >= 0xC2 && c <= 0xDF)
        return (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80 ? 4 : 0;
    }
    return 0;
}

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Every writer goes through these: whatever bytes an article's id or
 * source held, the output is valid UTF-8. */
/* Whether any of the 8 bytes in x is below 0x20, 0x7f or above, '"' or
 * '\\' (or NUL): the bytes a JSON string cannot take as they are. Plain
 * text goes eight bytes a step. */
static int json_plain8(uint64_t x)
{
    return !(sr_swar_below(x, 0x20) | sr_swar_eq(x, '"') | sr_swar_eq(x, '\\') | sr_swar_eq(x, 0x7f) |
             sr_swar_high(x));
}

void sr_buf_json_str(sr_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    sr_buf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p, *end = p + strlen(s);
    while (p < end) {
#ifdef SR_SIMD16
        /* '"' and '\\' as well as the bytes that are not printable ASCII */
        while (end - p >= 16) {
            __m128i v = sr_simd_load(p);
            if (sr_simd_not_printable(v) | sr_simd_eq3(v, '"', '\\', '"'))
                break;
            p += 16;
        }
#endif
        while (end - p >= 8 && json_plain8(sr_swar_load(p)))
            p += 8;
        if (p == end)
            break;
        unsigned char c = *p;
        if (c >= 0x80) {
            size_t k = utf8_seq(p);
            if (k) {
                p += k;
                continue;
            }
            sr_buf_put(b, run, (size_t)(p - run));
            sr_buf_put(b, replacement, 3);
            run = ++p;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
            p++;
            continue;
        }
        sr_buf_put(b, run, (size_t)(p - run));
        run = ++p;
        switch (c) {
        case '"': sr_buf_put(b, "\\\"", 2); break;
        case '\\': sr_buf_put(b, "\\\\", 2); break;
        case '\n': sr_buf_put(b, "\\n", 2); break;
        case '\r': sr_buf_put(b, "\\r", 2); break;
        case '\t': sr_buf_put(b, "\\t", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sr_buf_put(b, e, 6);
        }
        }
    }
    sr_buf_put(b, run, (size_t)(p - run));
    sr_buf_putc(b, '"');
}

/* Copies s with sep characters turned into spaces and bad UTF-8 replaced;
 * quote doubles '"' (CSV). */
static void put_field_text(sr_buf *b, const char *s, const char *seps, int quote)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p >= 0x80) {
            size_t k = utf8_seq(p);
            if (k) {
                sr_buf_put(b, p, k);
                p += k;
            } else {
                sr_buf_put(b, replacement, 3);
                p++;
            }
            continue;
        }
        if (quote && *p == '"')
            sr_buf_putc(b, '"');
        sr_buf_putc(b, strchr(seps, *p) ? ' ' : (char)*p);
        p++;
    }
}

void sr_buf_csv_field(sr_buf *b, const char *s)
{
    if (!s)
        return;
    int q = strpbrk(s, ",\"\n\r") != NULL;
    if (q)
        sr_buf_putc(b, '"');
    put_field_text(b, s, q ? "\n\r" : "", q);
    if (q)
        sr_buf_putc(b, '"');
}

void sr_buf_tsv_field(sr_buf *b, const char *s)
{
    if (!s)
        return;
    put_field_text(b, s, "\t\n\r", 0);
}

const char *sr_buf_cstr(sr_buf *b)
{
    return b->p ? b->p : "";
}
