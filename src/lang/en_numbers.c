#include "numbers.h"

#include <stdint.h>
#include <string.h>
#include "../util/str.h"

static const char *const units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                    "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

static int word_value(const char *w, long *v)
{
    /* every word of a sentence may come here: the first letter picks the
     * few candidates */
#define U(i)                                                                                                           \
    if (sr_streq(w, units[i])) {                                                                                       \
        *v = i;                                                                                                        \
        return 1;                                                                                                      \
    }
#define T(i)                                                                                                           \
    if (sr_streq(w, tens[i])) {                                                                                        \
        *v = i * 10;                                                                                                   \
        return 2;                                                                                                      \
    }
    switch (w[0]) {
    case 'z': U(0) break;
    case 'o': U(1) break;
    case 't': U(2) U(3) U(10) U(12) U(13) T(2) T(3) break;
    case 'f': U(4) U(5) U(14) U(15) T(4) T(5) break;
    case 's': U(6) U(7) U(16) U(17) T(6) T(7) break;
    case 'e': U(8) U(11) U(18) T(8) break;
    case 'n': U(9) U(19) T(9) break;
    default: break;
    }
#undef U
#undef T
    return 0;
}

static int is_vague(const char *w)
{
    switch (w[0]) {
    case 'd': return sr_streq(w, "dozens");
    case 's': return sr_streq(w, "scores") || sr_streq(w, "several");
    case 'h': return sr_streq(w, "hundreds");
    case 't': return sr_streq(w, "thousands") || sr_streq(w, "tens");
    case 'm': return sr_streq(w, "many") || sr_streq(w, "multiple") || sr_streq(w, "millions");
    case 'n': return sr_streq(w, "numerous");
    case 'c': return sr_streq(w, "countless");
    default: return 0;
    }
}

/* Whether a word of n bytes could start a number sr_read_number reads: the
 * words above, "a", "an" and "half", by their first two letters and
 * length. Most words fail here without a compare (sr_read_number runs
 * before every actor mention); test_numbers reads every such word. A
 * table, not a switch: the switch's jump mispredicted. */
#define L(k) (1u << (k))
static const struct {
    char second[3];
    uint16_t lens[3];
} number_start[26] = {
    ['a' - 'a'] = {{0, 'n'}, {L(1), L(2)}},                               /* a, an */
    ['c' - 'a'] = {{'o'}, {L(9)}},                                        /* countless */
    ['d' - 'a'] = {{'o'}, {L(6)}},                                        /* dozens */
    ['e' - 'a'] = {{'i', 'l'}, {L(5) | L(6) | L(8), L(6)}},               /* eight eighty eighteen, eleven */
    ['f' - 'a'] = {{'o', 'i'}, {L(4) | L(5) | L(8), L(4) | L(5) | L(7)}}, /* four forty fourteen, five fifty fifteen */
    ['h' - 'a'] = {{'a', 'u'}, {L(4), L(8)}},                             /* half, hundreds */
    ['m' - 'a'] = {{'a', 'u', 'i'}, {L(4), L(8), L(8)}},                  /* many, multiple, millions */
    ['n' - 'a'] = {{'i', 'u'}, {L(4) | L(6) | L(8), L(8)}},               /* nine ninety nineteen, numerous */
    ['o' - 'a'] = {{'n'}, {L(3)}},                                        /* one */
    /* six sixty sixteen, seven seventy several seventeen, scores */
    ['s' - 'a'] = {{'i', 'e', 'c'}, {L(3) | L(5) | L(7), L(5) | L(7) | L(9), L(6)}},
    /* two twelve twenty, three thirty thirteen thousands, ten tens */
    ['t' - 'a'] = {{'w', 'h', 'e'}, {L(3) | L(6), L(5) | L(6) | L(8) | L(9), L(3) | L(4)}},
    ['z' - 'a'] = {{'e'}, {L(4)}}, /* zero */
};
#undef L

static int may_start_number(const char *w, size_t n)
{
    unsigned c0 = (unsigned)(unsigned char)w[0] - 'a';
    if (c0 >= 26 || n >= 16)
        return 0;
    const char c1 = w[1]; /* the NUL of a one-letter word */
    unsigned lens = (c1 == number_start[c0].second[0] ? number_start[c0].lens[0] : 0u) |
                    (c1 == number_start[c0].second[1] ? number_start[c0].lens[1] : 0u) |
                    (c1 == number_start[c0].second[2] ? number_start[c0].lens[2] : 0u);
    return (lens >> n) & 1;
}

/* Counts beyond this are not casualty or troop figures (and would not fit
 * a long): such tokens are not read as numbers. */
#define MAX_COUNT 1e12

size_t sr_read_number(const sr_token *t, size_t n, size_t i, sr_number *out)
{
    memset(out, 0, sizeof *out);
    if (i >= n)
        return 0;
    const sr_token *k = &t[i];
    if ((k->flags & TK_NUM) && !(k->flags & TK_ORD)) {
        if (!(k->num >= 0 && k->num <= MAX_COUNT))
            return 0;
        out->value = (long)k->num;
        /* "1,500" is a count; "2017" is a year. */
        if (k->num >= 1900 && k->num <= 2100 && k->len == 4)
            out->is_year = 1;
        size_t used = 1;
        /* "1.5 million", "2 thousand" */
        if (i + 1 < n && sr_tok_eq(&t[i + 1], "million") && k->num * 1e6 <= MAX_COUNT) {
            out->value = (long)(k->num * 1000000);
            out->is_year = 0;
            used = 2;
        } else if (i + 1 < n && sr_tok_eq(&t[i + 1], "thousand") && k->num * 1e3 <= MAX_COUNT) {
            out->value = (long)(k->num * 1000);
            out->is_year = 0;
            used = 2;
        }
        return used;
    }
    if (!(k->flags & TK_WORD) || !may_start_number(k->norm, k->nlen))
        return 0;
    const char *w = k->norm;
    if (is_vague(w)) {
        out->vague = 1;
        /* "dozens of", "hundreds of" */
        return 1;
    }
    if (sr_streq(w, "a") || sr_streq(w, "an")) {
        if (i + 1 < n && sr_tok_eq(&t[i + 1], "dozen")) {
            out->value = 12;
            return 2;
        }
        if (i + 1 < n && (sr_tok_eq(&t[i + 1], "hundred") || sr_tok_eq(&t[i + 1], "thousand"))) {
            out->value = sr_tok_eq(&t[i + 1], "hundred") ? 100 : 1000;
            return 2;
        }
        if (i + 2 < n && sr_tok_eq(&t[i + 1], "number") && sr_tok_eq(&t[i + 2], "of")) {
            out->vague = 1;
            return 3;
        }
        return 0;
    }
    if (sr_streq(w, "half") && i + 2 < n && sr_tok_eq(&t[i + 1], "a") && sr_tok_eq(&t[i + 2], "dozen")) {
        out->value = 6;
        return 3;
    }
    long v;
    int kind = word_value(w, &v);
    if (!kind)
        return 0;
    size_t used = 1;
    /* twenty-five / twenty five */
    if (kind == 2 && i + 1 < n) {
        long u;
        if (word_value(t[i + 1].norm, &u) == 1 && u > 0 && u < 10) {
            v += u;
            used++;
        }
    }
    /* "two dozen", "one hundred", "three thousand" */
    if (i + used < n) {
        const char *nx = t[i + used].norm;
        if (sr_streq(nx, "dozen")) {
            v *= 12;
            used++;
        } else if (sr_streq(nx, "hundred")) {
            v *= 100;
            used++;
            /* "one hundred and twenty" */
            if (i + used + 1 < n && sr_tok_eq(&t[i + used], "and")) {
                long r;
                int rk = word_value(t[i + used + 1].norm, &r);
                if (rk) {
                    v += r;
                    used += 2;
                }
            }
        } else if (sr_streq(nx, "thousand")) {
            v *= 1000;
            used++;
        } else if (sr_streq(nx, "million")) {
            v *= 1000000;
            used++;
        }
    }
    out->value = v;
    return used;
}

size_t sr_read_quantity(const sr_token *t, size_t n, size_t i, sr_number *out)
{
    size_t j = i;
    int at_least = 0, approx = 0;
    if (j + 1 < n && sr_tok_eq(&t[j], "at") && (sr_tok_eq(&t[j + 1], "least") || sr_tok_eq(&t[j + 1], "most"))) {
        at_least = 1;
        j += 2;
    } else if (j + 1 < n && (sr_tok_eq(&t[j], "more") || sr_tok_eq(&t[j], "fewer") || sr_tok_eq(&t[j], "less")) &&
               sr_tok_eq(&t[j + 1], "than")) {
        at_least = 1;
        j += 2;
    } else if (j + 2 < n && (sr_tok_eq(&t[j], "no") || sr_tok_eq(&t[j], "not")) &&
               (sr_tok_eq(&t[j + 1], "fewer") || sr_tok_eq(&t[j + 1], "less")) && sr_tok_eq(&t[j + 2], "than")) {
        /* "killing no fewer than 17 persons", "not less than 20" */
        at_least = 1;
        j += 3;
    } else if (j + 1 < n && sr_tok_eq(&t[j], "up") && sr_tok_eq(&t[j + 1], "to")) {
        approx = 1;
        j += 2;
    } else if (j < n && (sr_tok_eq(&t[j], "over") || sr_tok_eq(&t[j], "nearly") || sr_tok_eq(&t[j], "almost") ||
                         sr_tok_eq(&t[j], "around") || sr_tok_eq(&t[j], "about") || sr_tok_eq(&t[j], "some") ||
                         sr_tok_eq(&t[j], "roughly") || sr_tok_eq(&t[j], "approximately") ||
                         sr_tok_eq(&t[j], "estimated") || sr_tok_eq(&t[j], "least"))) {
        if (sr_tok_eq(&t[j], "over"))
            at_least = 1;
        else
            approx = 1;
        j += 1;
    }
    size_t used = sr_read_number(t, n, j, out);
    if (!used)
        return 0;
    out->at_least = at_least;
    out->approx = approx;
    return j - i + used;
}
