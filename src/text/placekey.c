#include "placekey.h"

#include <string.h>

#include "text.h"
#include "../util/hash.h"

/* Words that are articles or connectors inside Arabic names. */
static int is_article(const char *w, size_t n)
{
    static const char *const a[] = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh",
                                    "ed", "es", "ez", "et", "en", "l", "il", "ul", "the", NULL};
    for (const char *const *p = a; *p; p++)
        if (strlen(*p) == n && !memcmp(*p, w, n))
            return 1;
    return 0;
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Lower-cased, mark-free words of the name, articles removed; written
 * space-separated into out. */
static size_t words_of(const char *name, size_t n, char *out, size_t cap)
{
    char low[SR_KEY_MAX * 4];
    size_t ln = sr_norm_word(name, n > sizeof low / 2 ? sizeof low / 2 : n, low, sizeof low);
    /* split at anything that is not a letter or digit */
    size_t o = 0;
    size_t i = 0;
    size_t nwords = 0;
    char w[64];
    struct {
        size_t s, n;
    } ws[24];
    while (i < ln && nwords < 24) {
        while (i < ln && !((low[i] >= 'a' && low[i] <= 'z') || (low[i] >= '0' && low[i] <= '9') ||
                           (unsigned char)low[i] >= 0x80))
            i++;
        size_t s = i;
        while (i < ln && ((low[i] >= 'a' && low[i] <= 'z') || (low[i] >= '0' && low[i] <= '9') ||
                          (unsigned char)low[i] >= 0x80))
            i++;
        if (i > s) {
            ws[nwords].s = s;
            ws[nwords].n = i - s;
            nwords++;
        }
    }
    for (size_t k = 0; k < nwords; k++) {
        const char *p = low + ws[k].s;
        size_t wn = ws[k].n;
        if (wn >= sizeof w)
            wn = sizeof w - 1;
        /* a detached article before another word */
        if (k + 1 < nwords && is_article(p, wn))
            continue;
        memcpy(w, p, wn);
        w[wn] = 0;
        char *q = w;
        /* a glued article: "AlbuKamal", "Almayadin" (before a consonant) */
        if ((wn >= 6 || (wn >= 4 && k + 1 < nwords)) && (!strncmp(q, "al", 2) || !strncmp(q, "el", 2)) &&
            !is_vowel(q[2]) && q[2] != 'l') {
            q += 2;
            wn -= 2;
        }
        /* Abu, Albu, Bu: one word in Arabic (al-Bu) */
        if (wn > 3 && !strncmp(q, "abu", 3)) {
            q += 1;
            wn -= 1;
        }
        if (o + wn + 1 >= cap)
            break;
        if (o)
            out[o++] = ' ';
        memcpy(out + o, q, wn);
        o += wn;
    }
    out[o] = 0;
    return o;
}

size_t sr_place_key(const char *name, size_t n, char *out)
{
    char w[SR_KEY_MAX * 2];
    size_t wn = words_of(name, n, w, sizeof w);
    size_t o = 0;
    char last = 0;
    for (size_t i = 0; i < wn && o + 2 < SR_KEY_MAX; i++) {
        char c = w[i];
        char nx = i + 1 < wn ? w[i + 1] : 0;
        int word_end = (nx == 0 || nx == ' ');
        if (c == ' ')
            continue;
        if ((unsigned char)c >= 0x80) {
            /* a letter of another script: keep it as it is */
            if (c != last)
                out[o++] = c;
            last = c;
            continue;
        }
        if (is_vowel(c) || c == 'w' || c == 'y')
            continue;
        if (nx == 'h' && (c == 'k' || c == 's' || c == 'g' || c == 't' || c == 'd' || c == 'p' || c == 'c' || c == 'z')) {
            /* digraphs */
            char m = c == 'k' ? 'k' : c == 's' ? 's' : c == 'g' ? 'g' : c == 't' ? 't' : c == 'd' ? 'd' : c == 'p' ? 'f' : c == 'c' ? 's' : 'z';
            i++;
            c = m;
        } else if (c == 'h') {
            /* Raqqah, Susah: a final h after a vowel */
            if (word_end && i > 0 && is_vowel(w[i - 1]))
                continue;
        } else if (c == 'q' || c == 'c') {
            c = 'k';
        } else if (c == 'v') {
            c = 'f';
        } else if (c == 'x') {
            c = 'k';
        }
        if (c == last)
            continue;
        out[o++] = c;
        last = c;
    }
    /* "Owo", "Oyo": a name of vowels, w and y has no skeleton, and an
     * empty key found nothing; such a name is keyed by its letters,
     * marked apart */
    if (o == 0) {
        out[o++] = '=';
        for (size_t i = 0; i < wn && o + 1 < SR_KEY_MAX; i++)
            if (w[i] != ' ')
                out[o++] = w[i];
    }
    out[o] = 0;
    return o;
}

size_t sr_place_fold(const char *name, size_t n, char *out)
{
    char w[SR_KEY_MAX * 2];
    size_t wn = words_of(name, n, w, sizeof w);
    size_t o = 0;
    char last = 0;
    for (size_t i = 0; i < wn && o + 2 < SR_KEY_MAX; i++) {
        char c = w[i];
        if (c == ' ')
            continue;
        /* Raqqah / Raqqa */
        if (c == 'h' && (i + 1 == wn || w[i + 1] == ' ') && i > 0 && is_vowel(w[i - 1]))
            continue;
        if (c == 'e' || c == 'y')
            c = 'i';
        else if (c == 'o' || c == 'w')
            c = 'u';
        else if (c == 'q' || c == 'c')
            c = 'k';
        if (c == last)
            continue;
        out[o++] = c;
        last = c;
    }
    out[o] = 0;
    return o;
}

static size_t edit_distance(const char *a, size_t an, const char *b, size_t bn)
{
    size_t row[SR_KEY_MAX + 1];
    if (an > SR_KEY_MAX)
        an = SR_KEY_MAX;
    if (bn > SR_KEY_MAX)
        bn = SR_KEY_MAX;
    for (size_t j = 0; j <= bn; j++)
        row[j] = j;
    for (size_t i = 1; i <= an; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= bn; j++) {
            size_t cur = row[j];
            size_t sub = prev + (a[i - 1] != b[j - 1]);
            size_t del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
        }
    }
    return row[bn];
}

int sr_place_similar(const char *a, size_t an, const char *b, size_t bn)
{
    char ka[SR_KEY_MAX], fa[SR_KEY_MAX];
    size_t kan = sr_place_key(a, an, ka);
    size_t fan = sr_place_fold(a, an, fa);
    return sr_place_similar_to(ka, kan, fa, fan, b, bn);
}

int sr_place_similar_to(const char *ka, size_t kan, const char *fa, size_t fan, const char *b, size_t bn)
{
    char kb[SR_KEY_MAX], fb[SR_KEY_MAX];
    size_t kbn = sr_place_key(b, bn, kb);
    size_t fbn = sr_place_fold(b, bn, fb);
    if (fan && fan == fbn && !memcmp(fa, fb, fan))
        return 1;
    if (!kan || kan != kbn || memcmp(ka, kb, kan))
        return 0;
    size_t d = edit_distance(fa, fan, fb, fbn);
    /* short skeletons ("Hit", "Ana") say little: the spellings must agree
     * but for one letter in longer names ("Shaddadah", "Shaddadi") */
    if (kan < 3)
        return d <= 1 && fan >= 4 && fbn >= 4;
    size_t m = fan > fbn ? fan : fbn;
    /* three consonants leave much to the vowels: "Qusayr" is not "Kasrah" */
    if (kan == 3)
        return d * 3 <= m;
    return d * 2 <= m;
}

uint64_t sr_place_key_hash(const char *key, size_t n)
{
    uint64_t h = sr_hash64(key, n, SR_HASH_SEED);
    return h ? h : 1;
}
