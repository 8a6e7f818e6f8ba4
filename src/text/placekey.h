/* Place-name keys that do not care how a name was romanised: "Deir ez-Zor",
 * "Deir Ezzor", "Dayr az Zawr" and "Deir al-Zor" share one key; "Abu Kamal",
 * "Albu Kamal", "AlbuKamal" and "Al Bukamal" share another.
 *
 * The key is a consonant skeleton: marks and apostrophes (ayn, hamza)
 * dropped, Arabic articles (al-, el-, ad-, as-, ash-, ar-, az-...) removed,
 * digraphs folded (kh→k, sh→s, gh→g, th→t, dh→d, ph→f), q and c→k, v→f,
 * vowels and the semivowels w, y dropped, a final h dropped, doubled letters
 * collapsed. Keys collide more than names do: a lookup compares the folded
 * spellings of its candidates too (sr_place_similar). */
#ifndef SR_TEXT_PLACEKEY_H
#define SR_TEXT_PLACEKEY_H
#include <stddef.h>
#include <stdint.h>

#define SR_KEY_MAX 96

/* Writes the key of name[0..n) into out (SR_KEY_MAX bytes); returns its
 * length (0 when the name has no letters). */
size_t sr_place_key(const char *name, size_t n, char *out);
/* The spelling with articles removed, lower case, vowels kept but folded
 * (e/i/y→i, o/u/w→u), doubled letters collapsed: for comparing candidates. */
size_t sr_place_fold(const char *name, size_t n, char *out);
/* 1 when two names are spellings of one name: same key and folded forms
 * close enough for the key's length. */
int sr_place_similar(const char *a, size_t an, const char *b, size_t bn);
/* The same with a's key and folded form computed once (for many b). */
int sr_place_similar_to(const char *ka, size_t kan, const char *fa, size_t fan, const char *b, size_t bn);
uint64_t sr_place_key_hash(const char *key, size_t n);

#endif
