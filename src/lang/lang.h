/* The language interface: what the coder needs of a language beyond the
 * words of its data directory (data/en/: words by role, event words,
 * cues, agents). English is the first implementation, in this directory:
 *
 *   inflect.h   verb forms for the dictionaries' verbs ("capture" ->
 *               captures, captured, capturing)            en_inflect.c
 *   numbers.h   numbers written in words and figures, quantities
 *               ("at least 17", "dozens", "a journalist")  en_numbers.c
 *   dates.h     time expressions and their resolution against the
 *               article's date ("on Sunday", "two days ago", "last
 *               week"); calendar arithmetic               en_dates.c
 *
 * and one property: whether capitals mark names (English: yes; Arabic
 * script has no capitals, and names there come from the dictionaries
 * and the gazetteer only).
 *
 * Another language is a data directory (data/fr/) and the files that
 * implement these headers for it (fr_numbers.c ...); the engine then
 * picks them by the article's language. Nothing in src/code names a word
 * of English: it asks data/en/words.txt for roles, and these headers for
 * numbers, dates and verb forms. */
#ifndef SR_LANG_LANG_H
#define SR_LANG_LANG_H

#include "dates.h"
#include "inflect.h"
#include "numbers.h"

/* English: a capitalised word inside a sentence may start a name. */
#define SR_LANG_CAPITALS_MARK_NAMES 1

#endif
