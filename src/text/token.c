#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "../util/hash.h"
#include "../util/swar.h"

#include "text.h"

static int is_alnum_ascii(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return is_alnum_ascii((unsigned char)cp);
    if (cp == 0xFFFD)
        return 0;
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static uint32_t cp_at(const char *s, size_t n, size_t i, int *len)
{
    uint32_t cp;
    int l = sr_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (l == 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = l;
    return cp;
}

static int is_word_at(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return is_alnum_ascii(c);
    int l;
    return is_word_cp(cp_at(s, n, i, &l));
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* "2,500": a comma is a thousands separator only before exactly 3 digits. */
static int three_digits(const char *s, size_t n, size_t i)
{
    return i + 3 <= n && is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           (i + 3 == n || !is_digit(s[i + 3]));
}

static int is_alpha_ascii(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int sr_is_name_mark(uint32_t d)
{
    return d == '\'' || d == 0x2019 || d == 0x2018 || d == 0x02BF || d == 0x02BE || d == 0x02BC || d == 0x02BB ||
           d == 0x0060 || d == 0x00B4 || d == 0x02B9;
}

size_t sr_norm_word(const char *s, size_t n, char *dst, size_t cap)
{
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if (c == '\'' || c == '.' || c == ',')
                continue;
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            if (o + 1 < cap)
                dst[o++] = (char)c;
            continue;
        }
        int l;
        uint32_t cp = cp_at(s, n, i, &l);
        i += (size_t)l;
        utf8proc_int32_t dec[32];
        int last = 0;
        utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, dec, 32,
                                                     UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                                         UTF8PROC_DECOMPOSE | UTF8PROC_IGNORE,
                                                     &last);
        if (k < 0 || k > 32) {
            dec[0] = (utf8proc_int32_t)cp;
            k = 1;
        }
        for (utf8proc_ssize_t j = 0; j < k; j++) {
            uint32_t d = (uint32_t)dec[j];
            if (d == 0x0131)
                d = 'i'; /* Turkish dotless i: Kamışlı is Kamishli */
            if (sr_is_name_mark(d))
                continue;
            char e[4];
            int el = sr_utf8_encode(d, e);
            if (o + (size_t)el < cap) {
                memcpy(dst + o, e, (size_t)el);
                o += (size_t)el;
            }
        }
    }
    dst[o] = 0;
    return o;
}

typedef struct tok_vec {
    sr_token *v;
    size_t n, cap;
} tok_vec;

/* room0: the tokens to make room for at the first (see sr_tokenize) */
static sr_token *tok_push(sr_arena *a, tok_vec *tv, size_t room0)
{
    if (tv->n == tv->cap) {
        size_t nc = tv->cap ? tv->cap * 2 : room0;
        sr_token *p = sr_arena_realloc(a, tv->v, tv->cap * sizeof *p, nc * sizeof *p);
        if (!p)
            return NULL;
        tv->v = p;
        tv->cap = nc;
    }
    sr_token *t = &tv->v[tv->n++];
    memset(t, 0, sizeof *t);
    return t;
}

/* Room for the norms of a sentence's ASCII words, taken from the arena
 * once: a word's norm is never longer than the word, so the sentence's
 * length plus a NUL a word is enough, and ROOM_SLACK more lets words be
 * copied and hashed eight bytes a step. */
#define ROOM_SLACK SR_NORM_PAD
typedef struct norm_room {
    char *p, *end;
} norm_room;

/* ASCII words (nearly all of English news): lower-cased into the room
 * and case-flagged in the same pass. */
static const char *norm_ascii(norm_room *r, sr_token *t, const char *s, size_t n)
{
    char *o = r->p;
    int letters = 0, upper = 0, first = -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\'' || c == '.' || c == ',')
            continue;
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32);
            letters++;
            upper++;
            if (first < 0)
                first = 1;
        } else if (c >= 'a' && c <= 'z') {
            letters++;
            if (first < 0)
                first = 0;
        }
        *o++ = (char)c;
    }
    *o++ = 0;
    const char *norm = r->p;
    t->nlen = (uint16_t)(o - 1 - r->p);
    t->hash = sr_word_hash_padded(norm, t->nlen);
    r->p = o;
    /* as case_flags below decides */
    if (first == 1)
        t->flags |= TK_CAP;
    if (letters >= 2 && upper == letters)
        t->flags |= TK_ALLCAP;
    if (letters == 1 && upper == 1 && (t->flags & TK_DOTTED))
        t->flags |= TK_ALLCAP;
    return norm;
}

/* A norm copied into the arena with NORM_PAD zero bytes after it: every
 * token's norm may be read NORM_PAD bytes from its start (see text.h). */
static const char *padded_dup(sr_arena *a, const char *s, size_t n)
{
    char *p = sr_arena_alloc(a, n + 1 + SR_NORM_PAD);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    memset(p + n, 0, 1 + SR_NORM_PAD);
    return p;
}

/* Norms the tokenizer makes up, padded like the others. */
static const char norm_not[SR_NORM_PAD] = "not", norm_poss[SR_NORM_PAD] = "'s", norm_dots[SR_NORM_PAD] = "...";

static const char *norm_dup(sr_arena *a, const char *s, size_t n, uint16_t *nlen)
{
    char tmp[256];
    size_t l = sr_norm_word(s, n > 200 ? 200 : n, tmp, sizeof tmp);
    *nlen = (uint16_t)l;
    return padded_dup(a, tmp, l);
}

static void case_flags(sr_token *t, const char *s, size_t n)
{
    int letters = 0, upper = 0, first = -1;
    /* lower-case ASCII first letter and a second letter lower-case: done */
    if (n >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z')
        return;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        int l = 1;
        int up = -1;
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                up = 1;
            else if (c >= 'a' && c <= 'z')
                up = 0;
        } else {
            uint32_t cp = cp_at(s, n, i, &l);
            if (utf8proc_isupper((utf8proc_int32_t)cp))
                up = 1;
            else if (utf8proc_islower((utf8proc_int32_t)cp))
                up = 0;
        }
        if (up >= 0) {
            letters++;
            upper += up;
            if (first < 0)
                first = up;
        }
        i += (size_t)l;
    }
    if (first == 1)
        t->flags |= TK_CAP;
    if (letters >= 2 && upper == letters)
        t->flags |= TK_ALLCAP;
    if (letters == 1 && upper == 1 && (t->flags & TK_DOTTED))
        t->flags |= TK_ALLCAP;
}

/* What scanning a word found. */
typedef struct word_scan {
    char *o;    /* past the norm written so far */
    int letters, upper, first, digits, alnum, alpha_only, ascii;
} word_scan;

/* Copies the run of lower-case letters at i to *o, eight bytes a step (o
 * needs ROOM_SLACK bytes past the run); returns the run's end. */
static inline size_t lower_run(const char *s, size_t n, size_t i, char **op)
{
    char *o = *op;
    while (i + 8 <= n) {
        uint64_t v = sr_swar_load(s + i);
        uint64_t stop = ~sr_swar_in_range(v, 'a', 'z') & SR_SWAR_HIGHS;
        memcpy(o, &v, 8);
        if (stop) {
            size_t k = (size_t)__builtin_ctzll(stop) / 8;
            *op = o + k;
            return i + k;
        }
        o += 8;
        i += 8;
    }
    while (i < n && (unsigned)((unsigned char)s[i] - 'a') < 26u)
        *o++ = s[i++];
    *op = o;
    return i;
}

/* sr_word_hash_padded of a plain word's norm, read from the text where it
 * can be: the norm was just written by stores that a load of it would
 * have to wait for. The norm is the text with its first letter in lower
 * case (lower-case letters have 0x20 set already). */
static inline uint64_t plain_word_hash(const char *s, size_t n, size_t i, size_t len, const char *norm)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t h = SR_WORD_SEED ^ len, w;
    size_t k = 0;
    for (; k + 8 <= len; k += 8) {
        w = sr_swar_load(s + i + k);
        if (!k)
            w |= 0x20;
        h = sr_word_step(h, w);
    }
    size_t r = len - k;
    if (!r)
        return sr_word_final(sr_word_step(h, 0));
    w = i + k + 8 <= n ? sr_swar_load(s + i + k) : sr_swar_load(norm + k);
    if (!k)
        w |= 0x20;
    return sr_word_final(sr_word_step(h, w & (~0ULL >> (64 - 8 * r))));
#else
    (void)s, (void)n, (void)i;
    return sr_word_hash(norm, len);
#endif
}

/* Scans the word from i (st: where its token starts), writing an ASCII
 * word's norm to o: lower case, without the apostrophes and separators the
 * word keeps, case-counted on the way (as norm_ascii does). Runs of
 * lower-case letters are copied eight bytes a step, so o needs
 * ROOM_SLACK bytes past the norm. A word with other letters, or one that
 * loses its "n" to "n't", is normed again by the caller. Returns the end
 * of the word. Kept out of line: in the tokenizer's body its counters
 * lived on the stack. */
static size_t __attribute__((noinline)) scan_word(const char *s, size_t n, size_t i, size_t st, char *o, word_scan *w)
{
    size_t letters = 0, other = 0; /* other: non-ASCII letters and marks */
    int upper = 0, first = -1, digits = 0, ascii = 1;
    while (i < n) {
        /* most of a word is a run of lower-case letters */
        size_t run = i;
        unsigned char d;
        i = lower_run(s, n, i, &o);
        if (i > run) {
            letters += i - run;
            if (first < 0)
                first = 0;
            if (i >= n)
                break;
        }
        d = (unsigned char)s[i];
        if ((unsigned)(d - 'A') < 26u) {
            letters++;
            upper++;
            if (first < 0)
                first = 1;
            d = (unsigned char)(d + 32);
            i++;
            *o++ = (char)d;
            continue;
        }
        if ((unsigned)(d - '0') < 10u) {
            digits++;
            i++;
            *o++ = (char)d;
            continue;
        }
        if (d < 0x80) {
            /* Thousands separators and decimals inside numbers. */
            if ((d == ',' || d == '.') && digits && !letters && !other && i + 1 < n && s[i + 1] >= '0' &&
                s[i + 1] <= '9') {
                if (d == ',' && !three_digits(s, n, i + 1))
                    break;
                i++;
                continue;
            }
            /* Apostrophe inside a word (Shi'ite, Sa'dah) but not the
             * possessive 's or n't. */
            if (d == '\'' && i + 1 < n && is_alpha_ascii(s[i + 1])) {
                int poss = (s[i + 1] == 's' || s[i + 1] == 'S') && (i + 2 >= n || !is_word_at(s, n, i + 2));
                int nt = (s[i + 1] == 't') && i > st && (s[i - 1] == 'n' || s[i - 1] == 'N') &&
                         (i + 2 >= n || !is_word_at(s, n, i + 2));
                if (poss || nt)
                    break;
                i++;
                continue;
            }
            break;
        }
        int l;
        uint32_t cp = cp_at(s, n, i, &l);
        if (!is_word_cp(cp))
            break;
        other++;
        ascii = 0;
        i += (size_t)l;
    }
    w->o = o;
    w->letters = (int)letters;
    w->upper = upper;
    w->first = first;
    w->digits = digits;
    w->alnum = (int)(letters + other);
    w->alpha_only = digits == 0;
    w->ascii = ascii;
    return i;
}

/* The value of a token of digits: "1,200", "3.5". */
static void digits_value(sr_token *t, const char *s, size_t st, size_t end)
{
    double v = 0, frac = 0, scale = 1;
    int in_frac = 0;
    for (size_t k = st; k < end; k++) {
        char d = s[k];
        if (d == '.') {
            in_frac = 1;
            continue;
        }
        if (d < '0' || d > '9')
            continue;
        if (in_frac) {
            scale /= 10;
            frac += (d - '0') * scale;
        } else {
            v = v * 10 + (d - '0');
        }
    }
    t->num = v + frac;
}

/* 1st, 2nd, 45th */
static void ordinal_value(sr_token *t)
{
    const char *nm = t->norm;
    size_t l = t->nlen;
    if (l >= 3) {
        const char *suf = nm + l - 2;
        if ((!strcmp(suf, "st") || !strcmp(suf, "nd") || !strcmp(suf, "rd") || !strcmp(suf, "th")) &&
            nm[l - 3] >= '0' && nm[l - 3] <= '9') {
            int ok = 1;
            double v = 0;
            for (size_t k = 0; k + 2 < l; k++) {
                if (nm[k] < '0' || nm[k] > '9') {
                    ok = 0;
                    break;
                }
                v = v * 10 + (nm[k] - '0');
            }
            if (ok) {
                t->flags |= TK_NUM | TK_ORD;
                t->num = v;
            }
        }
    }
}

/* "n't" split from "didn't", "'s" from "Syria's" and "'" from
 * "jihadists'": a token of its own after the word [st, end). Returns
 * where scanning goes on, or 0 out of memory. */
static size_t push_clitic(sr_arena *a, tok_vec *tv, size_t room0, const char *s, size_t n, size_t st, size_t end,
                          int negated)
{
    size_t i = end;
    if (negated) {
        sr_token *u = tok_push(a, tv, room0);
        if (!u)
            return 0;
        u->off = (uint32_t)end;
        u->len = 3;
        u->flags = TK_WORD | TK_NEG;
        u->norm = norm_not;
        u->nlen = 3;
        u->hash = sr_word_hash("not", 3);
        i = end + 3;
        return i;
    }
    /* Possessive: Syria's, jihadists' */
    if (end + 1 < n && s[end] == '\'' && (s[end + 1] == 's' || s[end + 1] == 'S') &&
        (end + 2 >= n || !is_word_at(s, n, end + 2))) {
        sr_token *u = tok_push(a, tv, room0);
        if (!u)
            return 0;
        u->off = (uint32_t)end;
        u->len = 2;
        u->flags = TK_POSS;
        u->norm = norm_poss;
        u->nlen = 2;
        u->hash = sr_word_hash("'s", 2);
        i = end + 2;
    } else if (end < n && s[end] == '\'' && end > st && (s[end - 1] == 's' || s[end - 1] == 'S') &&
               (end + 1 >= n || !is_word_at(s, n, end + 1))) {
        sr_token *u = tok_push(a, tv, room0);
        if (!u)
            return 0;
        u->off = (uint32_t)end;
        u->len = 1;
        u->flags = TK_POSS;
        u->norm = norm_poss;
        u->nlen = 2;
        u->hash = sr_word_hash("'s", 2);
        i = end + 1;
    }
    return i;
}

/* Punctuation at i: one character (a UTF-8 sequence), "..." as one.
 * Returns its length, or 0 out of memory. */
static size_t push_mark(sr_arena *a, tok_vec *tv, size_t room0, const char *s, size_t n, size_t i, int space_before)
{
    unsigned char c = (unsigned char)s[i];
    sr_token *t = tok_push(a, tv, room0);
    if (!t)
        return 0;
    t->off = (uint32_t)i;
    int l = 1;
    if (c >= 0x80)
        cp_at(s, n, i, &l);
    else if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.')
        l = 3;
    t->len = (uint16_t)l;
    t->flags = TK_PUNCT | (space_before ? TK_SPACE_BEFORE : 0);
    /* ASCII marks share static strings: no allocation per comma;
     * padded, as every norm */
    static const char marks[128][SR_NORM_PAD] = {
#define M(c) [c] = {c, 0}
        M('!'), M('"'), M('#'), M('$'), M('%'), M('&'), M('\''), M('('), M(')'), M('*'), M('+'), M(','),
        M('-'), M('.'), M('/'), M(':'), M(';'), M('<'), M('='), M('>'), M('?'), M('@'), M('['), M('\\'),
        M(']'), M('^'), M('_'), M('`'), M('{'), M('|'), M('}'), M('~'),
#undef M
    };
    t->nlen = (uint16_t)l;
    if (l == 1 && c < 0x80 && marks[c][0]) {
        t->norm = marks[c];
        t->hash = sr_word_hash_padded(marks[c], 1);
    } else {
        t->norm = (l == 3 && c == '.') ? norm_dots : padded_dup(a, s + i, (size_t)l);
        if (!t->norm)
            return 0;
        t->hash = sr_word_hash(t->norm, t->nlen);
    }
    return (size_t)l;
}

size_t sr_tokenize(sr_arena *a, const char *s, size_t n, sr_token **out, size_t max_tokens, int *truncated)
{
    tok_vec tv = {0};
    norm_room room;
    room.p = sr_arena_alloc(a, 2 * n + 2 + ROOM_SLACK);
    room.end = room.p ? room.p + 2 * n + 2 + ROOM_SLACK : NULL;
    if (!room.p) {
        *out = NULL;
        return 0;
    }
    int space_before = 1, hyph = 0;
    size_t i = 0;
    if (truncated)
        *truncated = 0;
    /* A token takes 5 to 6 bytes of news text, a space included: room for
     * a third of the text's length (within the token limit) is seldom
     * outgrown, and growing copies the tokens. */
    size_t limit = max_tokens ? max_tokens : SIZE_MAX;
    size_t room0 = n / 3 + 8;
    if (max_tokens && room0 > max_tokens + 1)
        room0 = max_tokens + 1;
    while (i < n) {
        if (tv.n >= limit) {
            if (truncated)
                *truncated = 1;
            break;
        }
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            space_before = 1;
            hyph = 0;
            i++;
            continue;
        }
        /* A hyphen glued between two words joins them: al-Bab, US-led. */
        if (c == '-' && !space_before && tv.n && (tv.v[tv.n - 1].flags & TK_WORD) && is_word_at(s, n, i + 1)) {
            hyph = 1;
            i++;
            continue;
        }
        /* Most words are plain: lower-case letters, or a capital and
         * lower-case letters, then a space or a mark that is not an
         * apostrophe. Such a word is no number, abbreviation, "n't" or
         * possessive, and its norm is its letters: it is taken here. One
         * letter before a '.' may start "a.m.": not plain. */
        if ((unsigned)(c - 'a') < 26u ||
            ((unsigned)(c - 'A') < 26u && i + 1 < n && (unsigned)((unsigned char)s[i + 1] - 'a') < 26u)) {
            char *o = room.p;
            *o++ = (char)(c | 0x20);
            size_t end = lower_run(s, n, i + 1, &o);
            unsigned char d = end < n ? (unsigned char)s[end] : ' ';
            if (d < 0x80 && !is_alnum_ascii(d) && d != '\'' && !(d == '.' && end - i == 1) && end - i <= 200) {
                sr_token *t = tok_push(a, &tv, room0);
                if (!t)
                    break;
                t->off = (uint32_t)i;
                t->len = (uint16_t)(end - i);
                t->flags = TK_WORD | TK_ALPHA | (hyph ? TK_HYPH : 0) | (space_before ? TK_SPACE_BEFORE : 0) |
                           (c < 'a' ? TK_CAP : 0);
                *o = 0;
                t->norm = room.p;
                t->nlen = (uint16_t)(end - i);
                t->hash = plain_word_hash(s, n, i, end - i, room.p);
                room.p = o + 1;
                /* the space after it, as the top of the loop would take it */
                space_before = d == ' ' && end + 1 < n;
                hyph = 0;
                i = end + (size_t)space_before;
                continue;
            }
        }
        int lead_apos = (c == '\'' && space_before && i + 1 < n && is_alpha_ascii(s[i + 1]) &&
                         !(s[i + 1] == 's' && (i + 2 >= n || !is_word_at(s, n, i + 2))));
        if (is_word_at(s, n, i) || lead_apos) {
            size_t st = i;
            if (lead_apos)
                i++;
            int dotted = 0, digits = 0, alnum = 0, alpha_only = 1, ascii = 1;
            /* Dotted abbreviation: U.S., U.N., a.m. */
            if (i + 2 < n && s[i + 1] == '.' && is_alpha_ascii(s[i]) && is_alpha_ascii(s[i + 2]) &&
                (i + 3 >= n || s[i + 3] == '.' || !is_word_at(s, n, i + 3))) {
                size_t j = i;
                while (j + 1 < n && is_alpha_ascii(s[j]) && s[j + 1] == '.')
                    j += 2;
                if (j - i >= 4) {
                    dotted = 1;
                    i = j;
                }
            }
            /* An ASCII word's norm is written while it is scanned (see
             * scan_word) and hashed once written. A word with other
             * letters, or one that loses its "n" to "n't", is normed
             * again below. */
            char *o = room.p;
            int letters = 0, upper = 0, first = -1;
            if (!dotted) {
                word_scan w;
                i = scan_word(s, n, i, st, o, &w);
                o = w.o;
                letters = w.letters;
                upper = w.upper;
                first = w.first;
                digits = w.digits;
                alnum = w.alnum;
                alpha_only = w.alpha_only;
                ascii = w.ascii;
            }
            size_t end = i;
            int negated = 0;
            /* didn't -> did + n't */
            if (!dotted && end + 1 < n && s[end] == '\'' && s[end + 1] == 't' && end - st >= 2 &&
                (s[end - 1] == 'n' || s[end - 1] == 'N')) {
                end--;
                negated = 1;
            }
            sr_token *t = tok_push(a, &tv, room0);
            if (!t)
                break;
            t->off = (uint32_t)st;
            t->len = (uint16_t)((end - st) > 65535 ? 65535 : (end - st));
            t->flags = TK_WORD | (dotted ? TK_DOTTED : 0) | (hyph ? TK_HYPH : 0) | (space_before ? TK_SPACE_BEFORE : 0);
            if (alpha_only && !digits)
                t->flags |= TK_ALPHA;
            if (ascii && !dotted && !negated && end - st <= 200) {
                *o++ = 0;
                t->norm = room.p;
                t->nlen = (uint16_t)(o - 1 - room.p);
                t->hash = sr_word_hash_padded(room.p, t->nlen);
                room.p = o;
                if (first == 1)
                    t->flags |= TK_CAP;
                if (letters >= 2 && upper == letters)
                    t->flags |= TK_ALLCAP;
            } else if (ascii && end - st <= 200) {
                t->norm = norm_ascii(&room, t, s + st, end - st);
            } else {
                t->norm = norm_dup(a, s + st, end - st, &t->nlen);
                if (!t->norm)
                    break;
                t->hash = sr_word_hash(t->norm, t->nlen);
                case_flags(t, s + st, end - st);
            }
            if (digits && !alnum) {
                t->flags |= TK_NUM;
                digits_value(t, s, st, end);
            } else if (digits && alnum) {
                ordinal_value(t);
            }
            space_before = 0;
            hyph = 0;
            if (negated || (end < n && s[end] == '\'')) {
                i = push_clitic(a, &tv, room0, s, n, st, end, negated);
                if (!i)
                    break;
            }
            continue;
        }
        size_t l = push_mark(a, &tv, room0, s, n, i, space_before);
        if (!l)
            break;
        i += l;
        space_before = 0;
        hyph = 0;
    }
    *out = tv.v;
    return tv.n;
}
