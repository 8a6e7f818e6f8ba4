/* Growable byte buffer on the heap, for output lines and file contents. */
#ifndef SR_BUF_H
#define SR_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct sr_buf {
    char *p;
    size_t len, cap;
    int oom; /* set once an allocation failed; later appends are dropped */
} sr_buf;

void sr_buf_init(sr_buf *b);
void sr_buf_free(sr_buf *b);
void sr_buf_clear(sr_buf *b);
int sr_buf_reserve(sr_buf *b, size_t extra);

/* The appends are in line: the output writer makes dozens an event, most
 * of a few constant bytes, which then cost a few stores each. */
static inline void sr_buf_put(sr_buf *b, const void *s, size_t n)
{
    if ((b->oom || b->len + n + 1 > b->cap) && sr_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static inline void sr_buf_puts(sr_buf *b, const char *s)
{
    sr_buf_put(b, s, strlen(s));
}

static inline void sr_buf_putc(sr_buf *b, char c)
{
    sr_buf_put(b, &c, 1);
}
void sr_buf_printf(sr_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The decimal digits of v, without printf's cost on the hot path. */
void sr_buf_put_long(sr_buf *b, long v);
/* x as printf's "%.4f" writes it. */
void sr_buf_put_fixed4(sr_buf *b, double x);
/* x as printf's "%.2f" writes it (a confidence, once an event). */
void sr_buf_put_fixed2(sr_buf *b, double x);
/* JSON string literal with quotes; bytes that are not UTF-8 become U+FFFD. */
void sr_buf_json_str(sr_buf *b, const char *s);
/* CSV field, quoted when it holds a comma, quote or newline. */
void sr_buf_csv_field(sr_buf *b, const char *s);
/* TSV field: tabs and newlines become spaces. */
void sr_buf_tsv_field(sr_buf *b, const char *s);
const char *sr_buf_cstr(sr_buf *b);

#endif
