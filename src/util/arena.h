/* Region allocator: one per document (or per dictionary load), so the
 * thousands of small objects made while coding an article are released in
 * one step and never leak one by one. */
#ifndef SR_ARENA_H
#define SR_ARENA_H
#include <stddef.h>

typedef struct sr_arena_chunk sr_arena_chunk;
typedef struct sr_arena {
    sr_arena_chunk *head;   /* chunk being filled; older chunks follow */
    size_t chunk_size;      /* size of ordinary chunks */
    size_t total;           /* bytes reserved from malloc, for accounting */
    /* Ordinary chunks kept by a reset for the next document: a fresh
     * chunk would cost page faults on every article. */
    sr_arena_chunk *spare;
    size_t nspare;
    /* Set when an allocation failed, until the next reset: whoever owns
     * the arena checks once, at its boundary, instead of every caller
     * (SQLite's mallocFailed), so nothing fails silently. */
    int failed;
} sr_arena;

void sr_arena_init(sr_arena *a, size_t chunk_size);
/* Returns 16-byte aligned memory, or NULL when malloc fails. */
void *sr_arena_alloc(sr_arena *a, size_t n);
void *sr_arena_calloc(sr_arena *a, size_t n);
char *sr_arena_strndup(sr_arena *a, const char *s, size_t n);
char *sr_arena_strdup(sr_arena *a, const char *s);
/* Grows the last allocation `p` of size `old` to `n` bytes when it is the
 * most recent one, or copies. */
void *sr_arena_realloc(sr_arena *a, void *p, size_t old, size_t n);
/* Forgets every allocation; keeps up to SR_ARENA_SPARE ordinary chunks
 * for reuse and frees the rest. */
#define SR_ARENA_SPARE 16
void sr_arena_reset(sr_arena *a);
void sr_arena_free(sr_arena *a);

#endif
