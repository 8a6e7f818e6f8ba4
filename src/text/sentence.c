#include <ctype.h>
#include <string.h>

#include "../util/simd.h"
#include "../util/swar.h"

#include "text.h"

/* Words that end with a period without ending the sentence. Titles and
 * ranks dominate in conflict news ("Brig. Gen.", "Lt. Col."). */
static const char *const abbrev[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
    "pvt", "brig", "adm", "cmdr", "gov", "sen", "rep", "pres", "st", "mt", "ft",
    "vs", "jr", "sr", "inc", "ltd", "co", "corp", "dept", "univ", "approx", "est", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rev",
    "hon", "fig", "cf", "mln", "bn", NULL};

static int is_abbrev(const char *w, size_t n)
{
    char low[16];
    if (n < 2 || n > 6)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = 0;
    /* every sentence's last word comes here: most differ at once */
    for (const char *const *a = abbrev; *a; a++)
        if ((*a)[0] == low[0] && strcmp(*a, low) == 0)
            return 1;
    return 0;
}

static int is_upper_start(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c >= 'A' && c <= 'Z')
        return 1;
    if (c >= '0' && c <= '9')
        return 1;
    /* Non-ASCII letters (Arabic, accented capitals): treat as a start. */
    if (c >= 0xC0)
        return 1;
    if ((c == '"' || c == '\'' || c == '(' || c == '[') && n > 1)
        return is_upper_start(s + 1, n - 1);
    return 0;
}

static void push(sr_arena *a, sr_span **out, size_t *count, size_t *cap, size_t off, size_t len)
{
    if (*count == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        sr_span *p = sr_arena_realloc(a, *out, *cap * sizeof **out, nc * sizeof **out);
        if (!p)
            return;
        *out = p;
        *cap = nc;
    }
    (*out)[*count].off = (uint32_t)off;
    (*out)[*count].len = (uint32_t)len;
    (*count)++;
}

static void emit(sr_arena *a, const char *t, size_t s, size_t e, sr_span **out, size_t *count, size_t *cap)
{
    while (s < e && t[s] == ' ')
        s++;
    while (e > s && t[e - 1] == ' ')
        e--;
    if (e > s)
        push(a, out, count, cap, s, e - s);
}

/* The next '.', '!' or '?' at or after i (n when none): eight bytes a
 * step, since most of a paragraph is neither. */
static size_t next_stop(const char *t, size_t i, size_t n)
{
#ifdef SR_SIMD16
    while (i + 16 <= n) {
        unsigned m = sr_simd_eq3(sr_simd_load(t + i), '.', '!', '?');
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        uint64_t v = sr_swar_load(t + i);
        if (sr_swar_eq(v, '.') | sr_swar_eq(v, '!') | sr_swar_eq(v, '?'))
            break;
        i += 8;
    }
    while (i < n && t[i] != '.' && t[i] != '!' && t[i] != '?')
        i++;
    return i;
}

size_t sr_split_sentences(sr_arena *a, const char *t, size_t n, sr_span **out, size_t *count, size_t *cap)
{
    size_t before = *count;
    size_t start = 0;
    for (size_t i = next_stop(t, 0, n); i < n; i = next_stop(t, i + 1, n)) {
        char c = t[i];
        size_t j = i;
        while (j + 1 < n && (t[j + 1] == '.' || t[j + 1] == '!' || t[j + 1] == '?'))
            j++;
        size_t k = j + 1;
        while (k < n && (t[k] == '"' || t[k] == '\'' || t[k] == ')' || t[k] == ']'))
            k++;
        if (c == '.' && j == i) {
            /* The word before the period. */
            size_t w = i;
            while (w > 0 && (isalnum((unsigned char)t[w - 1]) || t[w - 1] == '.' || (unsigned char)t[w - 1] >= 0x80))
                w--;
            size_t wl = i - w;
            if (wl > 0 && is_abbrev(t + w, wl))
                continue;
            /* "No. 3" but "said no." */
            if (wl == 2 && (t[w] == 'N' || t[w] == 'n') && (t[w + 1] == 'o' || t[w + 1] == 'O') &&
                k + 1 < n && t[k] == ' ' && isdigit((unsigned char)t[k + 1]))
                continue;
            /* An initial ("W.") or a dotted abbreviation ("U.S.", "a.m."). */
            if (wl == 1 && isupper((unsigned char)t[w]))
                continue;
            if (wl >= 2 && t[i - 2] == '.')
                continue;
            /* A decimal number. */
            if (i > 0 && isdigit((unsigned char)t[i - 1]) && k < n && isdigit((unsigned char)t[k]))
                continue;
        }
        if (k >= n) {
            emit(a, t, start, n, out, count, cap);
            start = n;
            break;
        }
        if (t[k] != ' ') {
            /* "revenue for the group.The coalition": a lost space. Only
             * between a lower-case word and a capitalised word. */
            if (c == '.' && j == i && k == i + 1 && i >= 2 && islower((unsigned char)t[i - 1]) &&
                islower((unsigned char)t[i - 2]) && isupper((unsigned char)t[k]) && k + 1 < n &&
                islower((unsigned char)t[k + 1])) {
                emit(a, t, start, k, out, count, cap);
                start = k;
            }
            continue;
        }
        size_t m = k;
        while (m < n && t[m] == ' ')
            m++;
        if (m >= n) {
            emit(a, t, start, n, out, count, cap);
            start = n;
            break;
        }
        if (is_upper_start(t + m, n - m)) {
            emit(a, t, start, k, out, count, cap);
            start = m;
        }
    }
    if (start < n)
        emit(a, t, start, n, out, count, cap);
    return *count - before;
}
