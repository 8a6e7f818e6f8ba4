#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct sr_arena_chunk {
    sr_arena_chunk *next;
    size_t cap, used;
    size_t last;          /* offset of the most recent allocation */
    _Alignas(16) unsigned char data[];
};

#define ALIGN16(n) (((n) + 15u) & ~(size_t)15u)

void sr_arena_init(sr_arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    a->total = 0;
    a->spare = NULL;
    a->nspare = 0;
    a->failed = 0;
}

static sr_arena_chunk *new_chunk(sr_arena *a, size_t need)
{
    if (need <= a->chunk_size && a->spare) {
        sr_arena_chunk *c = a->spare;
        a->spare = c->next;
        a->nspare--;
        c->used = 0;
        c->last = 0;
        return c;
    }
    size_t cap = need > a->chunk_size ? need : a->chunk_size;
    sr_arena_chunk *c = malloc(sizeof *c + cap);
    if (!c)
        return NULL;
    c->cap = cap;
    c->used = 0;
    c->last = 0;
    a->total += cap;
    return c;
}

void *sr_arena_alloc(sr_arena *a, size_t n)
{
    if (n > SIZE_MAX / 2) {
        a->failed = 1;
        return NULL;
    }
    n = ALIGN16(n ? n : 1);
    sr_arena_chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        sr_arena_chunk *nc = new_chunk(a, n);
        if (!nc) {
            a->failed = 1;
            return NULL;
        }
        if (c && n > a->chunk_size / 4) {
            /* A big block goes behind the current chunk so the free space
             * left in the current one is not wasted. */
            nc->next = c->next;
            c->next = nc;
            nc->used = n;
            nc->last = 0;
            return nc->data;
        }
        nc->next = c;
        a->head = nc;
        c = nc;
    }
    void *p = c->data + c->used;
    c->last = c->used;
    c->used += n;
    return p;
}

void *sr_arena_calloc(sr_arena *a, size_t n)
{
    void *p = sr_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *sr_arena_strndup(sr_arena *a, const char *s, size_t n)
{
    char *p = sr_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *sr_arena_strdup(sr_arena *a, const char *s)
{
    return sr_arena_strndup(a, s, strlen(s));
}

void *sr_arena_realloc(sr_arena *a, void *p, size_t old, size_t n)
{
    if (!p)
        return sr_arena_alloc(a, n);
    sr_arena_chunk *c = a->head;
    if (c && (unsigned char *)p == c->data + c->last) {
        size_t need = ALIGN16(n ? n : 1);
        if (c->last + need <= c->cap) {
            c->used = c->last + need;
            return p;
        }
    }
    if (n <= old)
        return p;
    void *q = sr_arena_alloc(a, n);
    if (q)
        memcpy(q, p, old);
    return q;
}

void sr_arena_reset(sr_arena *a)
{
    a->failed = 0;
    sr_arena_chunk *c = a->head;
    while (c) {
        sr_arena_chunk *next = c->next;
        if (c->cap == a->chunk_size && a->nspare < SR_ARENA_SPARE) {
            c->next = a->spare;
            a->spare = c;
            a->nspare++;
        } else {
            a->total -= c->cap;
            free(c);
        }
        c = next;
    }
    a->head = NULL;
}

void sr_arena_free(sr_arena *a)
{
    sr_arena_chunk *lists[2] = {a->head, a->spare};
    for (int k = 0; k < 2; k++) {
        sr_arena_chunk *c = lists[k];
        while (c) {
            sr_arena_chunk *next = c->next;
            free(c);
            c = next;
        }
    }
    a->head = NULL;
    a->spare = NULL;
    a->nspare = 0;
    a->total = 0;
}
