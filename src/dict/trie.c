#include <stdlib.h>
#include <string.h>

#include "../util/hash.h"
#include "match.h"

/* An edge repeats its child's first payload and kids (kept up by
 * sr_trie_add), so a step past the first reads the edge, not the edge
 * and then the child's node. */
struct trie_edge {
    uint64_t key; /* parent << 32 | word id; 0 = empty (ids start at 1) */
    uint32_t child, payload;
    uint64_t kids;
};

int sr_trie_init(sr_trie *t)
{
    memset(t, 0, sizeof *t);
    t->node_cap = 1024;
    t->node = calloc(t->node_cap, sizeof *t->node);
    t->payload_cap = 1024;
    t->payloads = calloc(t->payload_cap, sizeof *t->payloads);
    if (!t->node || !t->payloads) {
        sr_trie_free(t);
        return -1;
    }
    t->nodes = 1;     /* node 0 is the root */
    t->npayloads = 1; /* payload 0 means "none" */
    return 0;
}

void sr_trie_free(sr_trie *t)
{
    free(t->edges);
    free(t->node);
    free(t->root);
    free(t->payloads);
    memset(t, 0, sizeof *t);
}

static inline uint64_t edge_key(uint32_t parent, uint32_t id)
{
    return ((uint64_t)parent << 32) | id;
}

/* The edge from parent (not the root) by word id, or NULL. */
static inline const struct trie_edge *edge_find(const sr_trie *t, uint32_t parent, uint32_t id)
{
    if (!t->edge_cap || !id)
        return NULL;
    uint64_t k = edge_key(parent, id);
    for (size_t j = sr_mix64(k) & (t->edge_cap - 1);; j = (j + 1) & (t->edge_cap - 1)) {
        const struct trie_edge *e = &t->edges[j];
        if (e->key == k)
            return e;
        if (!e->key)
            return NULL;
    }
}

static inline uint32_t edge_get(const sr_trie *t, uint32_t parent, uint32_t id)
{
    if (!parent)
        return id < t->root_cap ? t->root[id].child : 0;
    const struct trie_edge *e = edge_find(t, parent, id);
    return e ? e->child : 0;
}

static int edges_grow(sr_trie *t)
{
    size_t nc = t->edge_cap ? t->edge_cap * 2 : 8192;
    struct trie_edge *ne = calloc(nc, sizeof *ne);
    if (!ne)
        return -1;
    for (size_t i = 0; i < t->edge_cap; i++) {
        if (!t->edges[i].key)
            continue;
        size_t j = sr_mix64(t->edges[i].key) & (nc - 1);
        while (ne[j].key)
            j = (j + 1) & (nc - 1);
        ne[j] = t->edges[i];
    }
    free(t->edges);
    t->edges = ne;
    t->edge_cap = nc;
    return 0;
}

static uint32_t edge_add(sr_trie *t, uint32_t parent, uint32_t id)
{
    uint32_t c = edge_get(t, parent, id);
    if (c)
        return c;
    if ((t->edge_count + 1) * 2 > t->edge_cap && edges_grow(t))
        return 0;
    if (!parent && id >= t->root_cap) {
        size_t nc = t->root_cap ? t->root_cap : 1024;
        while (nc <= id)
            nc *= 2;
        struct sr_trie_root *nr = realloc(t->root, nc * sizeof *nr);
        if (!nr)
            return 0;
        memset(nr + t->root_cap, 0, (nc - t->root_cap) * sizeof *nr);
        t->root = nr;
        t->root_cap = nc;
    }
    if (t->nodes == t->node_cap) {
        size_t nc = t->node_cap * 2;
        struct sr_trie_node *np = realloc(t->node, nc * sizeof *np);
        if (!np)
            return 0;
        memset(np + t->node_cap, 0, (nc - t->node_cap) * sizeof *np);
        t->node = np;
        t->node_cap = nc;
    }
    uint32_t child = (uint32_t)t->nodes++;
    t->node[parent].kids |= 1ULL << (id & 63);
    if (!parent) {
        t->root[id].child = child;
        return child;
    }
    uint64_t k = edge_key(parent, id);
    size_t j = sr_mix64(k) & (t->edge_cap - 1);
    while (t->edges[j].key)
        j = (j + 1) & (t->edge_cap - 1);
    t->edges[j].key = k;
    t->edges[j].child = child;
    t->edge_count++;
    return child;
}

static int add_phrase(sr_trie *t, const uint32_t *ids, size_t n, uint8_t kind, uint8_t flags, uint32_t value)
{
    if (n == 0)
        return 0;
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        node = edge_add(t, node, ids[i]);
        if (!node)
            return -1;
    }
    /* Same phrase, same meaning twice (an alias listed twice): keep one. */
    for (uint32_t p = t->node[node].payload; p; p = t->payloads[p].next)
        if (t->payloads[p].kind == kind && t->payloads[p].value == value) {
            t->payloads[p].flags &= flags;
            return 0;
        }
    if (t->npayloads == t->payload_cap) {
        size_t nc = t->payload_cap * 2;
        sr_payload *np = realloc(t->payloads, nc * sizeof *np);
        if (!np)
            return -1;
        t->payloads = np;
        t->payload_cap = nc;
    }
    uint32_t pi = (uint32_t)t->npayloads++;
    sr_payload *p = &t->payloads[pi];
    p->value = value;
    p->kind = kind;
    p->flags = flags;
    /* Append so payloads keep file order (first listed wins ties). */
    p->next = 0;
    uint32_t *link = &t->node[node].payload;
    while (*link)
        link = &t->payloads[*link].next;
    *link = pi;
    return 0;
}

/* A phrase changes only the nodes under its first word's root child: that
 * record's copy of the child's kids and payload is renewed after each,
 * whether it was added or not. */
int sr_trie_add(sr_trie *t, const uint32_t *ids, size_t n, uint8_t kind, uint8_t flags, uint32_t value)
{
    int rc = add_phrase(t, ids, n, kind, flags, value);
    if (n && ids[0] < t->root_cap && t->root[ids[0]].child) {
        struct sr_trie_root *r = &t->root[ids[0]];
        uint32_t p = t->node[r->child].payload;
        r->kids = t->node[r->child].kids;
        if (p)
            r->first = t->payloads[p];
        else
            memset(&r->first, 0, sizeof r->first);
        /* and the edges along the phrase (only its nodes changed) */
        uint32_t node = r->child;
        for (size_t k = 1; k < n && node; k++) {
            struct trie_edge *e = (struct trie_edge *)edge_find(t, node, ids[k]);
            if (!e)
                break;
            e->payload = t->node[e->child].payload;
            e->kids = t->node[e->child].kids;
            node = e->child;
        }
    }
    return rc;
}

static int caps_ok(const sr_token *toks, size_t s, size_t e, uint8_t flags)
{
    if (flags & PF_ALLCAPS) {
        for (size_t i = s; i < e; i++)
            if (!(toks[i].flags & (TK_ALLCAP | TK_DOTTED | TK_NUM | TK_POSS)))
                return 0;
    }
    if (flags & PF_CAPITAL) {
        /* "al Omar", "ez-Zor": a lower-case particle may lead a name */
        for (size_t i = s; i < e; i++)
            if (toks[i].flags & (TK_CAP | TK_NUM))
                return 1;
        return 0;
    }
    return 1;
}

size_t sr_trie_scan(const sr_trie *t, const sr_token *toks, size_t n, sr_arena *a, sr_match **out)
{
    size_t count = 0, cap = 0;
    sr_match *v = NULL;
    /* the first step's nodes asked of the cache together (see
     * sr_vocab_ids) */
    for (size_t i = 0; i < n; i++)
        if (toks[i].id < t->root_cap)
            __builtin_prefetch(&t->root[toks[i].id]);
    for (size_t i = 0; i < n; i++) {
        uint32_t node = 0;
        for (size_t j = i; j < n && j - i < 16; j++) {
            const sr_payload *first;
            uint64_t kids;
            if (j == i) {
                if (toks[i].id >= t->root_cap || !t->root[toks[i].id].child)
                    break;
                const struct sr_trie_root *r = &t->root[toks[i].id];
                node = r->child;
                first = r->first.kind ? &r->first : NULL;
                kids = r->kids;
            } else {
                const struct trie_edge *ed = edge_find(t, node, toks[j].id);
                if (!ed)
                    break;
                node = ed->child;
                first = ed->payload ? &t->payloads[ed->payload] : NULL;
                kids = ed->kids;
            }
            for (const sr_payload *pl = first; pl; pl = pl->next ? &t->payloads[pl->next] : NULL) {
                if (!caps_ok(toks, i, j + 1, pl->flags))
                    continue;
                if (count == cap) {
                    size_t nc = cap ? cap * 2 : 64;
                    sr_match *nv = sr_arena_realloc(a, v, cap * sizeof *v, nc * sizeof *v);
                    if (!nv) {
                        *out = v;
                        return count;
                    }
                    v = nv;
                    cap = nc;
                }
                v[count].start = (uint16_t)i;
                v[count].end = (uint16_t)(j + 1);
                v[count].kind = pl->kind;
                v[count].flags = pl->flags;
                v[count].value = pl->value;
                count++;
            }
            if (j + 1 < n && !(kids >> (toks[j + 1].id & 63) & 1))
                break;
        }
    }
    *out = v;
    return count;
}

size_t sr_phrase_ids(sr_vocab *v, sr_arena *scratch, const char *phrase, uint32_t *ids, size_t cap)
{
    sr_token *toks;
    size_t n = sr_tokenize(scratch, phrase, strlen(phrase), &toks, 0, NULL);
    size_t k = 0;
    for (size_t i = 0; i < n && k < cap; i++) {
        if (toks[i].flags & TK_PUNCT) {
            /* Phrases keep only words; "-" and "." never reach the stream. */
            continue;
        }
        uint32_t id = sr_vocab_add(v, toks[i].norm, toks[i].nlen);
        if (!id)
            return 0;
        ids[k++] = id;
    }
    return k;
}
