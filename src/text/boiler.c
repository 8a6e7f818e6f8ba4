#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../util/swar.h"
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
    /* eight bytes a step while no space follows a space (the usual line);
     * a run of spaces goes to the loop below */
    while (i + 8 <= n && o + 9 < cap) {
        uint64_t v = sr_swar_load(s + i);
        uint64_t sp = sr_swar_eq_exact(v, ' ');
        uint64_t after_sp = (sp << 8) | (in_space ? 0x80u : 0u);
        if (sp & after_sp)
            break;
        /* how many bytes start a word: their high bits summed into the
         * top byte (no popcount instruction on the baseline x86-64) */
        w += (int)((((~sp & after_sp & SR_SWAR_HIGHS) >> 7) * SR_SWAR_ONES) >> 56);
        v |= sr_swar_in_range(v, 'A', 'Z') >> 2; /* 'A' + 0x20 = 'a' */
        memcpy(dst + o, &v, 8);
        o += 8;
        i += 8;
        in_space = (int)(sp >> 63);
    }
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

int sr_boiler_add(sr_boiler *b, int kind, char *text)
{
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        sr_boiler_rule *nr = realloc(b->rules, nc * sizeof *nr);
        if (!nr)
            return -1;
        b->rules = nr;
        b->cap = nc;
    }
    sr_boiler_rule *r = &b->rules[b->n++];
    r->kind = kind;
    r->text = text;
    r->len = strlen(text);
    size_t *chain = kind == 2   ? &b->contains
                    : kind == 3 ? &b->suffixes
                    : kind == 4 ? &b->within
                                : &b->first[(unsigned char)text[0]];
    r->next = *chain;
    *chain = b->n;
    return 0;
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
    for (size_t k = b->first[(unsigned char)tmp[0]]; k; k = b->rules[k - 1].next) {
        const sr_boiler_rule *r = &b->rules[k - 1];
        size_t rl = r->len;
        if (r->kind == 0 || r->kind == 5 || r->kind == 6) {
            int hit = rl == m && memcmp(tmp, r->text, m) == 0;
            /* "Leave a Comment", "Leave a comment." */
            hit |= m == rl + 1 && memcmp(tmp, r->text, rl) == 0 && strchr(".:!", tmp[rl]);
            if (hit)
                return r->kind == 5 ? SR_BOILER_REST : r->kind == 6 ? SR_BOILER_TEASERS : 1;
        } else if (m >= rl && memcmp(tmp, r->text, rl) == 0) {
            return 1;
        }
    }
    for (size_t k = words <= 12 ? b->contains : 0; k; k = b->rules[k - 1].next)
        if (strstr(tmp, b->rules[k - 1].text))
            return 1;
    /* "The post Three killed in Sudan's El Fasher as shelling escalates
     * appeared first on Sudan Tribune.": a feed's footer, however long */
    for (size_t k = b->within; k; k = b->rules[k - 1].next)
        if (strstr(tmp, b->rules[k - 1].text))
            return 1;
    /* "Idlib has come under constant regime bombardment (Getty)": a
     * caption under a photo, ending with its credit */
    for (size_t k = b->suffixes; k; k = b->rules[k - 1].next) {
        size_t rl = b->rules[k - 1].len;
        if (m >= rl && !memcmp(tmp + m - rl, b->rules[k - 1].text, rl))
            return 1;
    }
    return 0;
}
