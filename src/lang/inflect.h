#ifndef SR_INFLECT_H
#define SR_INFLECT_H
#include <stddef.h>

/* English verb forms, so dictionaries list a lemma once. */
enum { VF_BASE = 0, VF_S, VF_PAST, VF_PART, VF_ING, VF_COUNT };

/* Writes the five forms of the verb `lemma` (one word, lower case) into
 * out[VF_*], each of cap bytes. Irregular verbs come from a built-in table
 * of English irregular verbs. */
void sr_inflect_verb(const char *lemma, char out[VF_COUNT][48]);
/* Plural of a noun head: strike -> strikes, militia -> militias, city -> cities. */
void sr_pluralize(const char *noun, char *out, size_t cap);

#endif
