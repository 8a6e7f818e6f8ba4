/* Fuzz the text layer: UTF-8 repair, sentence splitting, tokenizing. */
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    sr_arena a;
    sr_arena_init(&a, 1 << 14);
    size_t n;
    unsigned fl = 0;
    char *clean = sr_clean_text(&a, (const char *)data, size, &n, &fl);
    if (clean) {
        sr_span *sp = NULL;
        size_t ns = 0, cap = 0;
        sr_split_sentences(&a, clean, n, &sp, &ns, &cap);
        for (size_t i = 0; i < ns; i++) {
            if (sp[i].off + sp[i].len > n)
                abort();
            sr_token *t;
            int trunc;
            size_t nt = sr_tokenize(&a, clean + sp[i].off, sp[i].len, &t, 256, &trunc);
            for (size_t k = 0; k < nt; k++)
                if (t[k].off + t[k].len > sp[i].len || strlen(t[k].norm) != t[k].nlen)
                    abort();
        }
    }
    sr_arena_free(&a);
    return 0;
}
