/* Word tests on the hot path: most words differ from the one tested in
 * their first letter, which this rejects without a call. */
#ifndef SR_STR_H
#define SR_STR_H
#include <string.h>

static inline int sr_streq(const char *a, const char *b)
{
    if (a[0] != b[0])
        return 0;
    /* the words are short: a loop here beats a call to strcmp */
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

#endif
