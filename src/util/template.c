/* Filling the data files' templates: fields, alternatives, optional parts. */
#include <string.h>

#include "template.h"

typedef struct out_buf {
    char *p;
    size_t n, cap;
} out_buf;

static void put(out_buf *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n && o->n + 1 < o->cap; i++)
        o->p[o->n++] = s[i];
    if (o->cap)
        o->p[o->n] = 0;
}

/* One alternative, [s, e): 0 when a field outside brackets is unknown. */
static int fill_one(const char *s, const char *e, sr_template_fn fn, void *ctx, out_buf *o)
{
    size_t group = (size_t)-1; /* where the open bracket's part began in out */
    int group_ok = 1;
    for (const char *p = s; p < e; p++) {
        if (*p == '[' && group == (size_t)-1) {
            group = o->n;
            group_ok = 1;
        } else if (*p == ']' && group != (size_t)-1) {
            if (!group_ok) {
                o->n = group;
                if (o->cap)
                    o->p[o->n] = 0;
            }
            group = (size_t)-1;
        } else if (*p == '{') {
            const char *q = memchr(p, '}', (size_t)(e - p));
            char key[64];
            size_t kn = q ? (size_t)(q - p - 1) : 0;
            if (!q || kn >= sizeof key) {
                put(o, p, 1);
                continue;
            }
            memcpy(key, p + 1, kn);
            key[kn] = 0;
            const char *v = fn(ctx, key);
            if (!v || !*v) {
                if (group == (size_t)-1)
                    return 0;
                group_ok = 0;
            } else {
                put(o, v, strlen(v));
            }
            p = q;
        } else {
            put(o, p, 1);
        }
    }
    return 1;
}

int sr_template_fill(const char *tpl, sr_template_fn fn, void *ctx, char *out, size_t cap)
{
    out_buf o = {out, 0, cap};
    if (cap)
        out[0] = 0;
    const char *s = tpl;
    for (;;) {
        const char *e = strchr(s, ';');
        if (!e)
            e = s + strlen(s);
        while (s < e && *s == ' ')
            s++;
        const char *t = e;
        while (t > s && t[-1] == ' ')
            t--;
        o.n = 0;
        if (cap)
            out[0] = 0;
        if (fill_one(s, t, fn, ctx, &o))
            return (int)o.n;
        if (!*e)
            break;
        s = e + 1;
    }
    o.n = 0;
    if (cap)
        out[0] = 0;
    return -1;
}
