#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "numbers.h"
#include "../util/str.h"

/* Howard Hinnant's civil-from-days arithmetic (public domain algorithm). */
long sr_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

void sr_civil_from_days(long z, sr_date *out)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    out->y = (int)(y + (m <= 2));
    out->m = (int)m;
    out->d = (int)d;
}

int sr_weekday_of(long days)
{
    /* 1970-01-01 was a Thursday (3). */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int sr_date_parse_iso(const char *s, sr_date *out)
{
    if (!s)
        return -1;
    int y, m, d;
    if (strlen(s) < 10)
        return -1;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return -1;
        } else if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
    }
    /* the digits are checked above: read them without sscanf, which cost
     * a fifth of writing a batch to the store */
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (s[10] && s[10] != 'T' && s[10] != ' ')
        return -1;
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    out->y = y;
    out->m = m;
    out->d = d;
    return 0;
}

void sr_date_format(const sr_date *d, char out[11])
{
    int y = d->y % 10000, m = d->m % 100, dd = d->d % 100;
    if (y < 0 || m < 0 || dd < 0) {
        snprintf(out, 11, "%04d-%02d-%02d", y, m, dd);
        return;
    }
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + dd / 10);
    out[9] = (char)('0' + dd % 10);
    out[10] = 0;
}

int sr_month_of_len(const char *w, size_t n)
{
    /* the lengths of the month names and abbreviations by first letter:
     * most capitalised words are none, told without a compare */
#define L(k) (1u << (k))
    static const uint16_t lens[26] = {
        ['a' - 'a'] = L(3) | L(5) | L(6), ['d' - 'a'] = L(3) | L(8), ['f' - 'a'] = L(3) | L(8),
        ['j' - 'a'] = L(3) | L(4) | L(7), ['m' - 'a'] = L(3) | L(5), ['n' - 'a'] = L(3) | L(8),
        ['o' - 'a'] = L(3) | L(7),        ['s' - 'a'] = L(3) | L(4) | L(9),
    };
#undef L
    unsigned c0 = (unsigned)(unsigned char)w[0] - 'a';
    if (c0 >= 26 || n >= 16 || !((lens[c0] >> n) & 1))
        return 0;
    return sr_month_of(w);
}

int sr_month_of(const char *w)
{
    /* every capitalised word comes here: the first letter picks the
     * candidates */
#define M(full, abbr, v)                                                                                              \
    if (sr_streq(w, full) || sr_streq(w, abbr))                                                                        \
        return v;
    switch (w[0]) {
    case 'j':
        M("january", "jan", 1)
        M("june", "jun", 6)
        M("july", "jul", 7)
        return 0;
    case 'f':
        M("february", "feb", 2)
        return 0;
    case 'm':
        M("march", "mar", 3)
        M("may", "may", 5)
        return 0;
    case 'a':
        M("april", "apr", 4)
        M("august", "aug", 8)
        return 0;
    case 's':
        M("september", "sep", 9)
        M("sept", "sept", 9)
        return 0;
    case 'o':
        M("october", "oct", 10)
        return 0;
    case 'n':
        M("november", "nov", 11)
        return 0;
    case 'd':
        M("december", "dec", 12)
        return 0;
    default:
        return 0;
    }
#undef M
}

int sr_weekday_name(const char *w)
{
    return sr_weekday_name_len(w, strlen(w));
}

int sr_weekday_name_len(const char *w, size_t n)
{
    if (n < 6 || n > 9 || !sr_streq(w + n - 3, "day"))
        return -1;
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; i++)
        if (sr_streq(w, names[i]))
            return i;
    return -1;
}

static int is(const sr_token *t, size_t n, size_t i, const char *w)
{
    return i < n && sr_streq(t[i].norm, w);
}

/* "the 2000s", "the 1990s": a decade's first year (1900 to 2090). */
static int decade_at(const sr_token *t, size_t n, size_t i, int *y)
{
    if (i >= n || t[i].nlen != 5 || t[i].norm[4] != 's' || t[i].norm[3] != '0')
        return 0;
    int v = 0;
    for (int k = 0; k < 4; k++) {
        if (t[i].norm[k] < '0' || t[i].norm[k] > '9')
            return 0;
        v = v * 10 + (t[i].norm[k] - '0');
    }
    if (v < 1900 || v > 2090)
        return 0;
    *y = v;
    return 1;
}

static int small_int(const sr_token *t, size_t n, size_t i, int lo, int hi, int *v)
{
    if (i >= n || !(t[i].flags & TK_NUM))
        return 0;
    if (t[i].num < lo || t[i].num > hi || t[i].num != (int)t[i].num)
        return 0;
    *v = (int)t[i].num;
    return 1;
}

/* Parts of the day after a day word: "Sunday morning", "Wednesday midnight". */
static size_t day_part(const sr_token *t, size_t n, size_t i)
{
    static const char *const parts[] = {"morning", "night", "evening", "afternoon", "midnight", "noon", "dawn", NULL};
    for (const char *const *p = parts; *p; p++)
        if (is(t, n, i, *p))
            return 1;
    return 0;
}

/* Words that start a relative time expression. */
static int rel_word(const char *w)
{
    switch (w[0]) {
    case 'y': return sr_streq(w, "yesterday");
    case 't': return sr_streq(w, "today") || sr_streq(w, "tonight") || sr_streq(w, "this");
    case 'o': return sr_streq(w, "overnight") || sr_streq(w, "over");
    case 'e': return sr_streq(w, "earlier");
    case 'l': return sr_streq(w, "last");
    case 'p': return sr_streq(w, "past");
    case 'a': return sr_streq(w, "at"); /* "at the weekend" */
    default: return 0;
    }
}

/* "day...", "week...", "mont...", "year...": whether a number before may
 * count days ("five years ago" is long past) */
static int day_or_week(const char *w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* a token's norm can be read SR_NORM_PAD bytes on (text.h): four bytes
     * compared at once, without the branches on each letter */
    uint32_t x;
    memcpy(&x, w, 4);
    return (x & 0xffffffu) == ('d' | 'a' << 8 | 'y' << 16) || x == ('w' | 'e' << 8 | 'e' << 16 | (uint32_t)'k' << 24) ||
           x == ('m' | 'o' << 8 | 'n' << 16 | (uint32_t)'t' << 24) || x == ('y' | 'e' << 8 | 'a' << 16 | (uint32_t)'r' << 24);
#else
    return (w[0] == 'd' && w[1] == 'a' && w[2] == 'y') || (w[0] == 'w' && w[1] == 'e' && w[2] == 'e' && w[3] == 'k') ||
           (w[0] == 'm' && w[1] == 'o' && w[2] == 'n' && w[3] == 't') || (w[0] == 'y' && w[1] == 'e' && w[2] == 'a' && w[3] == 'r');
#endif
}

static int days_follow(const sr_token *t, size_t n, size_t i)
{
    return (i + 1 < n && day_or_week(t[i + 1].norm)) || (i + 2 < n && day_or_week(t[i + 2].norm));
}

/* "Sunday", "last Sunday", "Sunday, November 4": a weekday name (wd) at i.
 * Returns 0 for a day to come. */
static int weekday_timex(const sr_token *t, size_t n, size_t i, int wd, sr_timex *tx, size_t *ep)
{
    int mon;
    tx->kind = TX_WEEKDAY;
    tx->weekday = wd;
    tx->precision = 1;
    if (i > 0 && is(t, n, i - 1, "last"))
        tx->weekday += 7;
    if (i > 0 && is(t, n, i - 1, "next"))
        return 0; /* the future: not an event date */
    *ep = i + 1 + day_part(t, n, i + 1);
    /* "on Thursday last week": that day of the week before this one */
    if (is(t, n, *ep, "last") && is(t, n, *ep + 1, "week")) {
        tx->weekday = wd + 14;
        *ep += 2;
        return 1;
    }
    /* "Sunday, November 4" / "Saturday, 27-4-2019": the date that
     * follows wins, it is more precise. */
    size_t j = *ep;
    if (is(t, n, j, ","))
        j++;
    int d2, m2, y2;
    if (j < n && (mon = sr_month_of_len(t[j].norm, t[j].nlen)) && (t[j].flags & TK_CAP) &&
        small_int(t, n, j + 1 + (is(t, n, j + 1, ".") ? 1 : 0), 1, 31, &d2)) {
        tx->kind = TX_ABS;
        tx->abs.m = mon;
        tx->abs.d = d2;
        *ep = j + 2 + (is(t, n, j + 1, ".") ? 1 : 0);
        if (is(t, n, *ep, ",") && small_int(t, n, *ep + 1, 1900, 2100, &y2)) {
            tx->abs.y = y2;
            *ep += 2;
        }
    } else if (small_int(t, n, j, 1, 31, &d2) && j + 1 < n && (t[j + 1].flags & TK_HYPH) &&
               small_int(t, n, j + 1, 1, 12, &m2) && j + 2 < n && (t[j + 2].flags & TK_HYPH) &&
               small_int(t, n, j + 2, 1900, 2100, &y2)) {
        tx->kind = TX_ABS;
        tx->abs.y = y2;
        tx->abs.m = m2;
        tx->abs.d = d2;
        *ep = j + 3;
    }
    return 1;
}

/* "yesterday", "last night", "this week", "past 24 hours": a relative
 * time at i (its word w). Returns 0 when none matches. */
static int relative_timex(const sr_token *t, size_t n, size_t i, const char *w, sr_timex *tx, size_t *ep)
{
    if (sr_streq(w, "yesterday")) {
        tx->kind = TX_REL;
        tx->offset = -1;
        tx->precision = 1;
        *ep = i + 1;
    } else if (sr_streq(w, "today") || sr_streq(w, "tonight")) {
        tx->kind = TX_REL;
        tx->offset = 0;
        tx->precision = 1;
        *ep = i + 1;
    } else if (sr_streq(w, "overnight")) {
        /* "attacked the town overnight Saturday", "overnight on Friday":
         * the night of the day named, which the day's own words give */
        size_t j = i + 1 + (is(t, n, i + 1, "on") || is(t, n, i + 1, "into"));
        if (j < n && sr_weekday_name_len(t[j].norm, t[j].nlen) >= 0)
            return 0;
        tx->kind = TX_REL;
        tx->offset = -1;
        tx->precision = 1;
        *ep = i + 1;
    } else if (((sr_streq(w, "over") || sr_streq(w, "at")) && is(t, n, i + 1, "the") && is(t, n, i + 2, "weekend")) ||
               ((sr_streq(w, "last") || sr_streq(w, "this")) && is(t, n, i + 1, "weekend"))) {
        /* "over the weekend", "at the weekend" (British), "last weekend":
         * the Saturday before, known to the week */
        tx->kind = TX_WEEKDAY;
        tx->weekday = 5;
        /* ("in retaliation for a drone attack that killed three US
         * soldiers in Jordan last weekend", told on a Saturday: the
         * Saturday of the week before this one) */
        if (sr_streq(w, "last"))
            tx->weekday += 14;
        tx->precision = 2;
        *ep = is(t, n, i + 1, "the") ? i + 3 : i + 2;
    } else if ((sr_streq(w, "this") || sr_streq(w, "earlier")) && i + 1 < n &&
               (is(t, n, i + 1, "morning") || is(t, n, i + 1, "afternoon") || is(t, n, i + 1, "evening") ||
                is(t, n, i + 1, "today"))) {
        tx->kind = TX_REL;
        tx->offset = 0;
        tx->precision = 1;
        *ep = i + 2;
    } else if (sr_streq(w, "last") && (is(t, n, i + 1, "night") || is(t, n, i + 1, "evening"))) {
        tx->kind = TX_REL;
        tx->offset = -1;
        tx->precision = 1;
        *ep = i + 2;
    } else if (sr_streq(w, "last") && is(t, n, i + 1, "week")) {
        tx->kind = TX_REL;
        tx->offset = -7;
        tx->precision = 2;
        *ep = i + 2;
    } else if ((sr_streq(w, "this") || sr_streq(w, "earlier")) && is(t, n, i + 1, "week")) {
        tx->kind = TX_REL;
        tx->offset = 0;
        tx->precision = 2;
        *ep = i + 2;
    } else if (sr_streq(w, "earlier") && is(t, n, i + 1, "this") && is(t, n, i + 2, "week")) {
        tx->kind = TX_REL;
        tx->offset = 0;
        tx->precision = 2;
        *ep = i + 3;
    } else if ((sr_streq(w, "this") || sr_streq(w, "earlier")) && is(t, n, i + 1, "month")) {
        tx->kind = TX_REL;
        tx->offset = 0;
        tx->precision = 3;
        *ep = i + 2;
    } else if (sr_streq(w, "earlier") && is(t, n, i + 1, "this") && is(t, n, i + 2, "month")) {
        tx->kind = TX_REL;
        tx->offset = 0;
        tx->precision = 3;
        *ep = i + 3;
    } else if (sr_streq(w, "last") && is(t, n, i + 1, "month")) {
        tx->kind = TX_REL;
        tx->offset = -30;
        tx->precision = 3;
        *ep = i + 2;
    } else if (sr_streq(w, "past") &&
               (is(t, n, i + 1, "hours") || (is(t, n, i + 1, "24") && is(t, n, i + 2, "hours")))) {
        tx->kind = TX_REL;
        tx->offset = 0;
        tx->precision = 1;
        *ep = i + (is(t, n, i + 1, "24") ? 3 : 2);
    } else if (sr_streq(w, "last") && is(t, n, i + 1, "24") && is(t, n, i + 2, "hours")) {
        tx->kind = TX_REL;
        tx->offset = 0;
        tx->precision = 1;
        *ep = i + 3;
    } else {
        return 0;
    }
    return 1;
}

/* Dates in numbers and month names ("November 3", "25 February",
 * "27-4-2019", "in 2014") and "two days ago". Returns 0 for none. */
static int numeric_timex(const sr_token *t, size_t n, size_t i, const char *w, sr_timex *tx, size_t *ep)
{
    int mon, v;
    int dv, yv;
    /* "May" and "March" are words too: months when a day or a year
     * follows, or "in", "since", "early" ... comes before */
    int month_word = !sr_streq(w, "may") && !sr_streq(w, "march");
    if (!month_word && (t[i].flags & TK_CAP))
        month_word = small_int(t, n, i + 1, 1, 31, &dv) || small_int(t, n, i + 1, 1900, 2100, &yv) ||
                     (i > 0 && (is(t, n, i - 1, "in") || is(t, n, i - 1, "since") || is(t, n, i - 1, "early") ||
                                is(t, n, i - 1, "late") || is(t, n, i - 1, "until") || is(t, n, i - 1, "mid") ||
                                is(t, n, i - 1, "last")));
    /* "on the 3rd of March" */
    if ((t[i].flags & TK_ORD) && t[i].num >= 1 && t[i].num <= 31 && is(t, n, i + 1, "of") && i + 2 < n &&
        (t[i + 2].flags & TK_CAP) && (mon = sr_month_of_len(t[i + 2].norm, t[i + 2].nlen))) {
        tx->kind = TX_ABS;
        tx->abs.m = mon;
        tx->abs.d = (int)t[i].num;
        tx->precision = 1;
        *ep = i + 3;
        if (small_int(t, n, *ep, 1900, 2100, &yv)) {
            tx->abs.y = yv;
            (*ep)++;
        }
        return 1;
    }
    if ((t[i].flags & TK_CAP) && (mon = sr_month_of_len(w, t[i].nlen)) && month_word) {
        /* "November 3", "Nov. 3, 2018", "in September" */
        size_t j = i + 1;
        if (is(t, n, j, "."))
            j++;
        int d2, y2;
        if (small_int(t, n, j, 1, 31, &d2) && !(j + 1 < n && (t[j + 1].flags & TK_NUM) && !is(t, n, j + 1, ","))) {
            tx->kind = TX_ABS;
            tx->abs.m = mon;
            tx->abs.d = d2;
            tx->precision = 1;
            *ep = j + 1;
            if (is(t, n, *ep, ",") && small_int(t, n, *ep + 1, 1900, 2100, &y2)) {
                tx->abs.y = y2;
                *ep += 2;
            } else if (small_int(t, n, *ep, 1900, 2100, &y2)) {
                tx->abs.y = y2;
                *ep += 1;
            }
        } else {
            /* "the Mar Elias church", "Jan Egeland": a month's short form
             * with neither a day nor a year is a name, no date */
            int short_form = t[i].nlen <= 4 && !sr_streq(w, "may") && !sr_streq(w, "june") && !sr_streq(w, "july");
            if (short_form && !is(t, n, i + 1, ".") && !small_int(t, n, i + 1, 1900, 2100, &y2))
                return 0;
            tx->kind = TX_MONTH;
            tx->abs.m = mon;
            tx->precision = 3;
            /* "in late March", "at the end of March": its last days (the
             * day kept says which part; a month alone keeps none) */
            if (i > 0 && (is(t, n, i - 1, "late") || (i > 1 && is(t, n, i - 1, "of") && is(t, n, i - 2, "end"))))
                tx->abs.d = 25;
            *ep = i + 1;
            if (small_int(t, n, *ep, 1900, 2100, &y2)) {
                tx->abs.y = y2;
                (*ep)++;
            }
        }
    } else if ((t[i].flags & TK_CAP) && i > 0 && (t[i - 1].flags & TK_NUM) && (mon = sr_month_of_len(w, t[i].nlen))) {
        /* "25 May" handled below; "May" and "March" alone are words. */
        return 0;
    } else if (small_int(t, n, i, 1, 31, &v) && i + 1 < n && (mon = sr_month_of_len(t[i + 1].norm, t[i + 1].nlen)) &&
               (t[i + 1].flags & TK_CAP)) {
        /* "25 February", "3 November 2018" */
        tx->kind = TX_ABS;
        tx->abs.m = mon;
        tx->abs.d = v;
        tx->precision = 1;
        *ep = i + 2;
        int y2;
        if (small_int(t, n, *ep, 1900, 2100, &y2)) {
            tx->abs.y = y2;
            (*ep)++;
        }
    } else if (small_int(t, n, i, 1, 31, &v) && i + 2 < n && (t[i + 1].flags & TK_HYPH) && (t[i + 2].flags & TK_HYPH)) {
        /* 27-4-2019 */
        int m2, y2;
        if (small_int(t, n, i + 1, 1, 12, &m2) && small_int(t, n, i + 2, 1900, 2100, &y2)) {
            tx->kind = TX_ABS;
            tx->abs.y = y2;
            tx->abs.m = m2;
            tx->abs.d = v;
            tx->precision = 1;
            *ep = i + 3;
        }
    } else if (i > 0 && is(t, n, i - 1, "the") && decade_at(t, n, i, &v)) {
        /* "the Janjaweed militias that fought in Darfur in the 2000s": a
         * decade, at its first year */
        tx->kind = TX_YEAR;
        tx->abs.y = v;
        tx->precision = 3;
        *ep = i + 1;
    } else if ((t[i].flags & TK_NUM) && t[i].len == 4 && t[i].num >= 1900 && t[i].num <= 2100 && i > 0 &&
               (is(t, n, i - 1, "in") || is(t, n, i - 1, "since") || is(t, n, i - 1, "of") ||
                is(t, n, i - 1, "until") || is(t, n, i - 1, "from") ||
                /* "during a 2012 insurrection", "the 2014 offensive" */
                ((is(t, n, i - 1, "a") || is(t, n, i - 1, "the") || is(t, n, i - 1, "its") ||
                  is(t, n, i - 1, "their")) &&
                 i + 1 < n && (t[i + 1].flags & TK_ALPHA) && !(t[i + 1].flags & TK_CAP)))) {
        tx->kind = TX_YEAR;
        tx->abs.y = (int)t[i].num;
        tx->precision = 3;
        *ep = i + 1;
    } else {
        /* "two days ago", "a day earlier" */
        if (!days_follow(t, n, i))
            return 0;
        sr_number num;
        size_t used = sr_read_number(t, n, i, &num);
        if (!used && is(t, n, i, "a"))
            used = 1, num.value = 1, num.vague = 0;
        if (used && !num.vague && num.value > 0 && num.value < 400 &&
            (is(t, n, i + used, "days") || is(t, n, i + used, "day")) &&
            (is(t, n, i + used + 1, "ago") || is(t, n, i + used + 1, "earlier"))) {
            tx->kind = TX_REL;
            tx->offset = -(int)num.value;
            tx->precision = 1;
            *ep = i + used + 2;
        } else if (used && !num.vague && num.value > 0 && num.value < 60 &&
                   (is(t, n, i + used, "weeks") || is(t, n, i + used, "week")) && is(t, n, i + used + 1, "ago")) {
            tx->kind = TX_REL;
            tx->offset = -7 * (int)num.value;
            tx->precision = 2;
            *ep = i + used + 2;
        } else if (used && !num.vague && num.value > 0 && num.value < 100 &&
                   (is(t, n, i + used, "months") || is(t, n, i + used, "month") || is(t, n, i + used, "years") ||
                    is(t, n, i + used, "year")) &&
                   (is(t, n, i + used + 1, "ago") || is(t, n, i + used + 1, "earlier"))) {
            /* "five years ago", "two months earlier": long before the
             * article, to the month at best */
            int years = t[i + used].norm[0] == 'y';
            tx->kind = TX_REL;
            tx->offset = -(int)num.value * (years ? 365 : 30);
            tx->precision = 3;
            tx->background = 1;
            *ep = i + used + 2;
        } else {
            return 0;
        }
    }
    return 1;
}

size_t sr_find_timex(const sr_token *t, size_t n, sr_timex *out, size_t max)
{
    size_t k = 0;
    /* most sentences hold no "day..." or "week..." word: then no token
     * needs days_follow */
    int any_days = 0;
    for (size_t i = 0; i < n; i++)
        any_days |= day_or_week(t[i].norm);
    for (size_t i = 0; i < n && k < max; i++) {
        const char *w = t[i].norm;
        /* rel_word's lengths, 2 (at), 4 (this, last, past), 5, 7 and 9,
         * then its first letters, as masks: its switch mispredicted */
        const unsigned rel_len = 1u << 2 | 1u << 4 | 1u << 5 | 1u << 7 | 1u << 9;
        const unsigned rel_first = 1u << ('y' - 'a') | 1u << ('t' - 'a') | 1u << ('o' - 'a') | 1u << ('e' - 'a') |
                                   1u << ('l' - 'a') | 1u << ('p' - 'a') | 1u << ('a' - 'a');
        int rw = 0;
        if (t[i].nlen < 32 && (rel_len >> t[i].nlen & 1)) {
            unsigned c0 = (unsigned)(unsigned char)w[0] - 'a';
            rw = c0 < 26 && (rel_first >> c0 & 1) ? rel_word(w) : 0;
        }
        /* most tokens start no time expression: a cheap test first; a
         * capitalised word only as a day or month name */
        /* (and a decade: "the 2000s") */
        if (!(t[i].flags & TK_NUM) && !rw &&
            !((t[i].flags & TK_CAP) && (sr_weekday_name_len(w, t[i].nlen) >= 0 || sr_month_of_len(w, t[i].nlen))) &&
            !(any_days && days_follow(t, n, i)) && !(t[i].nlen == 5 && w[4] == 's' && w[0] >= '1' && w[0] <= '2'))
            continue;
        sr_timex tx;
        memset(&tx, 0, sizeof tx);
        tx.s = (uint16_t)i;
        size_t e = 0;
        int wd, go;
        if ((t[i].flags & TK_CAP) && (wd = sr_weekday_name_len(w, t[i].nlen)) >= 0)
            go = weekday_timex(t, n, i, wd, &tx, &e);
        else if (rw && relative_timex(t, n, i, w, &tx, &e))
            go = 1;
        else
            go = numeric_timex(t, n, i, w, &tx, &e);
        if (!go)
            continue;
        if (!tx.kind)
            continue;
        if (tx.kind == TX_WEEKDAY || tx.kind == TX_ABS)
            if (!tx.precision)
                tx.precision = 1;
        /* "since March", "in 2014": background; but "killed 12 people
         * since Sunday" is this week's news, dated to the week */
        /* "since the beginning of 2021": the words that say which part */
        size_t b = i;
        while (b > 0 && i - b < 4 &&
               (is(t, n, b - 1, "the") || is(t, n, b - 1, "beginning") || is(t, n, b - 1, "start") ||
                is(t, n, b - 1, "end") || is(t, n, b - 1, "middle") || is(t, n, b - 1, "of") || is(t, n, b - 1, "early") ||
                is(t, n, b - 1, "late") || is(t, n, b - 1, "mid")))
            b--;
        if (b < i && !(b > 0 && (is(t, n, b - 1, "since") || is(t, n, b - 1, "until"))))
            b = i;
        if (b > 0 && (is(t, n, b - 1, "since") || is(t, n, b - 1, "until"))) {
            if (tx.kind == TX_WEEKDAY || (tx.kind == TX_REL && tx.offset > -8))
                tx.precision = 2;
            else
                tx.background = 1;
        }
        tx.e = (uint16_t)(e > i ? e : i + 1);
        out[k++] = tx;
        if (tx.e > i + 1)
            i = tx.e - 1;
    }
    return k;
}

int sr_timex_resolve(const sr_timex *tx, const sr_date *article, sr_date *out, int *precision)
{
    if (!article || !article->y)
        return 0;
    long today = sr_days_from_civil(article->y, article->m, article->d);
    *precision = tx->precision ? tx->precision : 1;
    switch (tx->kind) {
    case TX_REL:
        sr_civil_from_days(today + tx->offset, out);
        return 1;
    case TX_WEEKDAY: {
        int aw = sr_weekday_of(today);
        int w = tx->weekday % 7;
        int back = (aw - w + 7) % 7;
        if (tx->weekday >= 7 && back == 0)
            back = 7;
        /* of last week: from this week's Monday, a week back, then on */
        if (tx->weekday >= 14)
            back = aw + 7 - w;
        sr_civil_from_days(today - back, out);
        return 1;
    }
    case TX_ABS: {
        int y = tx->abs.y ? tx->abs.y : article->y;
        if (tx->abs.m < 1 || tx->abs.m > 12 || tx->abs.d < 1 || tx->abs.d > days_in_month(y, tx->abs.m))
            return 0;
        long z = sr_days_from_civil(y, tx->abs.m, tx->abs.d);
        /* A date without a year well after the article is last year's. */
        if (!tx->abs.y && z > today + 7) {
            y--;
            if (tx->abs.d > days_in_month(y, tx->abs.m))
                return 0;
            z = sr_days_from_civil(y, tx->abs.m, tx->abs.d);
        }
        sr_civil_from_days(z, out);
        return 1;
    }
    case TX_MONTH: {
        int y = tx->abs.y ? tx->abs.y : article->y;
        if (!tx->abs.y && tx->abs.m > article->m)
            y--;
        out->y = y;
        out->m = tx->abs.m;
        out->d = (y == article->y && tx->abs.m == article->m) ? article->d : tx->abs.d ? tx->abs.d : 15;
        *precision = 3;
        return 1;
    }
    default:
        return 0;
    }
}

size_t sr_read_interval(const sr_token *t, size_t n, size_t i, int *days)
{
    sr_number num;
    size_t used = sr_read_number(t, n, i, &num);
    if (!used && (is(t, n, i, "a") || is(t, n, i, "one")))
        used = 1, num.value = 1, num.vague = 0;
    if (!used || num.vague || num.value <= 0 || num.value > 30)
        return 0;
    int unit = is(t, n, i + used, "days") || is(t, n, i + used, "day")     ? 1
               : is(t, n, i + used, "weeks") || is(t, n, i + used, "week") ? 7
                                                                             : 0;
    if (!unit)
        return 0;
    if (is(t, n, i + used + 1, "after"))
        *days = (int)num.value * unit;
    else if (is(t, n, i + used + 1, "before"))
        *days = -(int)num.value * unit;
    else
        return 0;
    return used + 2;
}

size_t sr_read_rough_interval(const sr_token *t, size_t n, size_t i, int *days)
{
    /* "days after", "just days after", "a few days after", "weeks after" */
    size_t u = i;
    if (is(t, n, u, "just") || is(t, n, u, "only") || is(t, n, u, "mere"))
        u++;
    if (is(t, n, u, "a") && is(t, n, u + 1, "few"))
        u += 2;
    else if (is(t, n, u, "several") || is(t, n, u, "some"))
        u++;
    /* the fewest the words can mean: days are two or more, weeks two or
     * more */
    int unit = is(t, n, u, "days") ? 2 : is(t, n, u, "weeks") ? 14 : 0;
    if (!unit)
        return 0;
    if (is(t, n, u + 1, "after"))
        *days = unit;
    else if (is(t, n, u + 1, "before"))
        *days = -unit;
    else
        return 0;
    return u + 2 - i;
}

size_t sr_read_span(const sr_token *t, size_t n, size_t i)
{
    sr_number num;
    size_t used = sr_read_number(t, n, i, &num);
    if (used && (num.is_year || num.value <= 0))
        return 0;
    if (!used && (is(t, n, i, "a") || is(t, n, i, "one")))
        used = 1;
    /* ("days of", "weeks of" need no count) */
    size_t u = i + used;
    if (!(is(t, n, u, "day") || is(t, n, u, "days") || is(t, n, u, "week") || is(t, n, u, "weeks") ||
          is(t, n, u, "month") || is(t, n, u, "months") || is(t, n, u, "year") || is(t, n, u, "years") ||
          is(t, n, u, "fortnight")))
        return 0;
    if (!is(t, n, u + 1, "of"))
        return 0;
    return used + 2;
}
