#include <ctype.h>
#include <string.h>

#include "text.h"

/* Lower-cased copy of the line with runs of spaces collapsed and leading
 * bullets/quotes trimmed, so rules match however the page laid it out. */
static size_t squeeze(const char *s, size_t n, char *dst, size_t cap, int *words)
{
    size_t o = 0;
    int w = 0, in_space = 1;
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '*' || s[i] == '"' || s[i] == '|'))
        i++;
    for (; i < n && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            if (!in_space)
                dst[o++] = ' ';
            in_space = 1;
            continue;
        }
        if (in_space)
            w++;
        in_space = 0;
        dst[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c); /* ASCII: rules are ASCII */
    }
    while (o && dst[o - 1] == ' ')
        o--;
    dst[o] = 0;
    *words = w;
    return o;
}

/* "1 × 1 =", "3 + 4 = ?" : arithmetic captchas under comment forms. */
static int is_captcha(const char *s)
{
    const char *p = s;
    if (!isdigit((unsigned char)*p))
        return 0;
    while (isdigit((unsigned char)*p))
        p++;
    while (*p == ' ')
        p++;
    if (strncmp(p, "\xc3\x97", 2) == 0)
        p += 2;
    else if (*p == 'x' || *p == '+' || *p == '-' || *p == '*' || *p == '/')
        p++;
    else
        return 0;
    while (*p == ' ')
        p++;
    if (!isdigit((unsigned char)*p) && *p != '.' && *p != '_')
        return 0;
    while (isdigit((unsigned char)*p) || *p == '.' || *p == '_')
        p++;
    while (*p == ' ')
        p++;
    return *p == '=';
}

int sr_boiler_match(const sr_boiler *b, const char *line, size_t n)
{
    char tmp[512];
    int words;
    if (n > 200)
        return 0; /* a paragraph of news, whatever words it contains */
    size_t m = squeeze(line, n, tmp, sizeof tmp, &words);
    if (m == 0)
        return 1;
    if (is_captcha(tmp))
        return 1;
    if (!b)
        return 0;
    for (size_t i = 0; i < b->n; i++) {
        const sr_boiler_rule *r = &b->rules[i];
        if (r->kind == 2 && words > 12)
            continue;
        if (r->kind != 2 && r->text[0] != tmp[0])
            continue;
        size_t rl = strlen(r->text);
        switch (r->kind) {
        case 0:
            if (rl == m && memcmp(tmp, r->text, m) == 0)
                return 1;
            /* "Leave a Comment", "Leave a comment." */
            if (m == rl + 1 && memcmp(tmp, r->text, rl) == 0 && strchr(".:!", tmp[rl]))
                return 1;
            break;
        case 1:
            if (m >= rl && memcmp(tmp, r->text, rl) == 0)
                return 1;
            break;
        case 2:
            if (words <= 12 && strstr(tmp, r->text))
                return 1;
            break;
        }
    }
    return 0;
}
