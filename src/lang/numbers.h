#ifndef SR_NUMBERS_H
#define SR_NUMBERS_H
#include <stddef.h>

#include "../text/text.h"

/* A number read from tokens: "30", "2,500", "nine", "twenty-five",
 * "one hundred", "a dozen". Vague amounts ("dozens", "scores", "hundreds",
 * "a number of") set vague and leave value 0. Returns the tokens consumed,
 * 0 when there is no number at i. Years (1900-2100 written without a
 * separator) are not counts: is_year is set. */
typedef struct sr_number {
    long value;
    int vague;
    int is_year;
    int approx; /* "about", "nearly", "up to" */
    int at_least; /* "at least", "more than", "over" */
} sr_number;

size_t sr_read_number(const sr_token *t, size_t n, size_t i, sr_number *out);
/* Like sr_read_number but also takes the qualifiers before it ("at
 * least", "more than", "over", "nearly", "around", "some", "up to"). */
size_t sr_read_quantity(const sr_token *t, size_t n, size_t i, sr_number *out);

#endif
