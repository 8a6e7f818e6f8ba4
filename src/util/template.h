/* Templates: the phrases the data files write with fields in braces
 * ("Military Forces of {country}", "Rebels ({country}); Rebels"). The C
 * fills them; the words stay in the data. */
#ifndef SR_UTIL_TEMPLATE_H
#define SR_UTIL_TEMPLATE_H
#include <stddef.h>

/* A field's value by its name, or NULL (or "") when unknown. */
typedef const char *(*sr_template_fn)(void *ctx, const char *key);

/* Writes the first alternative of tpl (alternatives are separated by ';')
 * whose fields are all known into out (always NUL-terminated, cut at cap).
 * A part in square brackets is left out when a field in it is unknown,
 * instead of the whole alternative. Returns the length written, or -1
 * when no alternative can be filled (out is then ""). */
int sr_template_fill(const char *tpl, sr_template_fn fn, void *ctx, char *out, size_t cap);

#endif
