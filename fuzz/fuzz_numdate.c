/* Fuzz the date and number readers on tokenized input. */
#include <stdlib.h>
#include <string.h>

#include "lang/dates.h"
#include "lang/numbers.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 10)
        return 0;
    sr_arena a;
    sr_arena_init(&a, 1 << 14);
    /* the first bytes choose an article date */
    sr_date ad = {1990 + data[0] % 60, 1 + data[1] % 12, 1 + data[2] % 28};
    size_t n;
    unsigned fl;
    char *clean = sr_clean_text(&a, (const char *)data + 3, size - 3, &n, &fl);
    sr_token *t;
    size_t nt = sr_tokenize(&a, clean, n, &t, 512, NULL);
    sr_timex tx[8];
    size_t k = sr_find_timex(t, nt, tx, 8);
    for (size_t i = 0; i < k; i++) {
        sr_date d;
        int p;
        if (tx[i].e > nt || tx[i].s >= tx[i].e)
            abort();
        if (sr_timex_resolve(&tx[i], &ad, &d, &p) && (d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31))
            abort();
    }
    for (size_t i = 0; i < nt; i++) {
        sr_number num;
        size_t u = sr_read_quantity(t, nt, i, &num);
        if (i + u > nt)
            abort();
    }
    sr_arena_free(&a);
    return 0;
}
