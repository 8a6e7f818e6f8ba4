#ifndef SR_DATES_H
#define SR_DATES_H
#include <stddef.h>

#include "../text/text.h"

typedef struct sr_date {
    int y, m, d;
} sr_date;

/* Days since 1970-01-01 for a proleptic Gregorian date, and back. */
long sr_days_from_civil(int y, int m, int d);
void sr_civil_from_days(long z, sr_date *out);
/* 0 = Monday ... 6 = Sunday */
int sr_weekday_of(long days);
/* "YYYY-MM-DD" (also accepts "YYYY-MM-DDThh:mm..."); 0 on success. */
int sr_date_parse_iso(const char *s, sr_date *out);
void sr_date_format(const sr_date *d, char out[11]);

/* A time expression found in a sentence. */
typedef struct sr_timex {
    uint16_t s, e;    /* token span */
    int kind;         /* TX_* */
    int offset;       /* TX_REL: days relative to the article date */
    int weekday;      /* TX_WEEKDAY: 0 = Monday; +7 when "last Monday", +14 when "Monday last week" */
    sr_date abs;      /* TX_ABS: year 0 when the text gives none; TX_MONTH: day 25 for "late March", else 0 */
    int precision;    /* 1 day, 2 week, 3 month */
    int background;   /* a year or "since": long ago, not this news */
} sr_timex;

enum { TX_NONE = 0, TX_REL, TX_WEEKDAY, TX_ABS, TX_MONTH, TX_YEAR };

/* Finds the time expressions in toks[0..n): fills up to max, returns the
 * count. */
size_t sr_find_timex(const sr_token *t, size_t n, sr_timex *out, size_t max);
/* Resolves a time expression against the article date. Returns 1 and
 * fills *out and *precision, 0 when it cannot be resolved. */
int sr_timex_resolve(const sr_timex *tx, const sr_date *article, sr_date *out, int *precision);
/* "two days after", "a week before" at token i: returns the tokens read
 * (through the sequence word) and sets *days to the interval, positive
 * when the happening told next came before ("on Monday, two days after
 * bandits killed 12": they killed on Saturday); 0 when none is there. */
size_t sr_read_interval(const sr_token *t, size_t n, size_t i, int *days);
/* "days after", "a few days after", "weeks before" at token i: an
 * interval told without its count. Returns the tokens read and sets
 * *days to the least it can mean (2 days, 2 weeks), signed as
 * sr_read_interval's; 0 when none is there. */
size_t sr_read_rough_interval(const sr_token *t, size_t n, size_t i, int *days);
/* "a week of", "days of", "two months of" at token i: a span of time
 * whose happenings follow ("raising the death toll from a week of
 * protests to 18"); returns the tokens read, 0 when none is there. */
size_t sr_read_span(const sr_token *t, size_t n, size_t i);
/* 1..12 for a month name or abbreviation (lower case), else 0. */
int sr_month_of(const char *w);
/* The same, for a word of n bytes (a token's norm): most words are told
 * by their first letter and length. */
int sr_month_of_len(const char *w, size_t n);
/* 0..6 for a weekday name (lower case), else -1. */
int sr_weekday_name(const char *w);
/* The same, for a word of n bytes (a token's norm: its length known). */
int sr_weekday_name_len(const char *w, size_t n);

#endif
