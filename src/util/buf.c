#include "buf.h"

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

void sr_buf_put(sr_buf *b, const void *s, size_t n)
{
    if (sr_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void sr_buf_puts(sr_buf *b, const char *s)
{
    sr_buf_put(b, s, strlen(s));
}

void sr_buf_putc(sr_buf *b, char c)
{
    if (sr_buf_reserve(b, 1))
        return;
    b->p[b->len++] = c;
    b->p[b->len] = 0;
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

void sr_buf_json_str(sr_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    sr_buf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p;
    for (; *p; p++) {
        unsigned char c = *p;
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
            continue;
        sr_buf_put(b, run, (size_t)(p - run));
        run = p + 1;
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

void sr_buf_csv_field(sr_buf *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\n\r")) {
        sr_buf_puts(b, s);
        return;
    }
    sr_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            sr_buf_putc(b, '"');
        sr_buf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
    }
    sr_buf_putc(b, '"');
}

void sr_buf_tsv_field(sr_buf *b, const char *s)
{
    if (!s)
        return;
    for (; *s; s++)
        sr_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

const char *sr_buf_cstr(sr_buf *b)
{
    return b->p ? b->p : "";
}
