/* Word tests on the hot path: most words differ from the one tested in
 * their first letter, which this rejects without a call. */
#ifndef SR_STR_H
#define SR_STR_H
#include <string.h>

static inline int sr_streq(const char *a, const char *b)
{
    return a[0] == b[0] && (a[0] == 0 || strcmp(a + 1, b + 1) == 0);
}

#endif
