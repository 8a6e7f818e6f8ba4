/* Text layer: bytes in, cleaned lines, sentences and tokens out. */
#ifndef SR_TEXT_H
#define SR_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../util/arena.h"

/* ---- clean.c: UTF-8 repair and punctuation -------------------------------- */

enum {
    SR_CLEAN_BAD_UTF8 = 1, /* invalid or overlong sequences were replaced */
    SR_CLEAN_NUL = 2,      /* NUL or other control bytes were replaced */
};

/* Returns a NUL-terminated copy of in[0..n) that is valid UTF-8, with
 * Unicode punctuation folded to ASCII (’ ‘ → ', “ ” « » → ", – — → -),
 * invisible characters (zero-width, BOM, soft hyphen) removed, odd spaces
 * and controls turned into plain spaces and CR/CRLF into LF. Invalid bytes
 * become U+FFFD. *flags (may be NULL) collects SR_CLEAN_* bits. */
char *sr_clean_text(sr_arena *a, const char *in, size_t n, size_t *out_n, unsigned *flags);

/* Decodes one code point at s (at most n bytes). Returns its length (1..4)
 * and the code point in *cp, or 0 for an invalid/overlong/truncated
 * sequence. */
int sr_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
int sr_utf8_encode(uint32_t cp, char out[4]);

/* ---- boiler.c: web boilerplate -------------------------------------------- */

typedef struct sr_boiler sr_boiler;

/* Rules come from boilerplate.txt: "line TEXT" (the whole line), "prefix
 * TEXT", "contains TEXT" (lines of at most 12 words), "suffix TEXT" (a
 * photo's credit ending a caption), "within TEXT" (a line of any length:
 * a feed's footer), "after TEXT" (the whole line, and the lines after it:
 * a list of other stories' teasers). Case-insensitive. */
typedef struct sr_boiler_rule {
    int kind; /* 0 line, 1 prefix, 2 contains, 3 suffix, 4 within, 5 after */
    char *text;
    size_t len;
    size_t next; /* the next rule in its chain, 1-based; 0 ends it */
} sr_boiler_rule;

/* Every short line of every page is checked: line and prefix rules are
 * chained by their first letter, contains rules on their own chain. */
struct sr_boiler {
    sr_boiler_rule *rules;
    size_t n, cap;
    size_t first[256]; /* line and prefix rules by first byte, 1-based */
    size_t contains;   /* contains rules, 1-based */
    size_t suffixes;   /* suffix rules, 1-based */
    size_t within;     /* within rules, 1-based */
};

/* Adds a rule (text lower-case, kept by the caller); -1 out of memory. */
int sr_boiler_add(sr_boiler *b, int kind, char *text);

/* 1 when the line (not NUL-terminated) is boilerplate, SR_BOILER_REST
 * when it and every line after it are ("Related Articles" above teasers
 * for other stories), SR_BOILER_TEASERS when it and the headlines right
 * after it are ("Also Read" above two teasers, then the story goes on),
 * else 0. */
#define SR_BOILER_REST 2
#define SR_BOILER_TEASERS 3
int sr_boiler_match(const sr_boiler *b, const char *line, size_t n);

/* ---- sentence.c ----------------------------------------------------------- */

typedef struct sr_span {
    uint32_t off, len;
} sr_span;

/* Appends the sentences of text[0..n) (one paragraph: no newlines) to
 * *out (arena-grown array). Offsets are relative to `text`. */
size_t sr_split_sentences(sr_arena *a, const char *text, size_t n, sr_span **out, size_t *count, size_t *cap);

/* ---- token.c -------------------------------------------------------------- */

enum {
    TK_WORD = 1 << 0,   /* letters/digits */
    TK_CAP = 1 << 1,    /* first letter upper case */
    TK_ALLCAP = 1 << 2, /* every letter upper case (and at least 2 letters, or dotted) */
    TK_NUM = 1 << 3,    /* a number: value in `num` */
    TK_PUNCT = 1 << 4,
    TK_HYPH = 1 << 5,   /* joined to the previous token by a hyphen */
    TK_POSS = 1 << 6,   /* the possessive "'s" (or a lone ' after a plural) */
    TK_ORD = 1 << 7,    /* ordinal: 1st, 45th */
    TK_DOTTED = 1 << 8, /* U.S., U.N.: letters with periods */
    TK_NEG = 1 << 9,    /* n't */
    TK_ALPHA = 1 << 10, /* only letters */
    TK_SPACE_BEFORE = 1 << 11,
};

/* Whether token t's norm is the word w, a string literal: the lengths,
 * both known without reading the norm, differ for most tokens. */
#define sr_tok_eq(t, w) ((t)->nlen == sizeof("" w) - 1 && memcmp((t)->norm, "" w, sizeof("" w) - 1) == 0)

#define SR_NORM_PAD 16
typedef struct sr_token {
    uint32_t off;      /* byte offset in the sentence */
    uint16_t len;      /* bytes of surface text */
    uint16_t nlen;     /* bytes of norm */
    uint32_t flags;
    uint32_t id;       /* vocabulary id, 0 when not in any dictionary */
    const char *norm;  /* lower-cased, marks stripped, NUL-terminated;
                          readable for SR_NORM_PAD bytes from its start,
                          whatever its length (word-at-a-time compares) */
    uint64_t hash;     /* sr_word_hash of norm: the dictionary
                          lookup's key, made while norm is written */
    double num;        /* when TK_NUM */
} sr_token;

/* Tokenizes s[0..n). Tokens and norms live in the arena. Stops after
 * max_tokens (0 = no limit) and sets *truncated. */
size_t sr_tokenize(sr_arena *a, const char *s, size_t n, sr_token **out, size_t max_tokens, int *truncated);

/* Lower-cases and strips diacritics of a word into dst (cap bytes, NUL
 * terminated); apostrophes and periods inside words are dropped. Returns
 * the length. Used for dictionary phrases and text alike. */
size_t sr_norm_word(const char *s, size_t n, char *dst, size_t cap);

/* Apostrophes, ayn and hamza marks that spellings of one name use or leave
 * out: Ra’s al ‘Ayn is Ras al Ayn. */
int sr_is_name_mark(uint32_t cp);

#endif
