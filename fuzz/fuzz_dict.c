/* Fuzz the dictionary loaders: the first byte picks the file kind. */
#include <stdio.h>
#include <stdlib.h>

#include "dict/dict.h"
#include "util/template.h"

static const char *field(void *ctx, const char *key)
{
    (void)ctx;
    return key[0] == 'c' ? "Syria" : key[0] == 'a' ? "" : NULL;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const char *const kinds[] = {"countries.txt", "actors.txt", "agents.txt", "events.txt",
                                        "cues.txt", "places.tsv", "boilerplate.txt", "taxonomy.txt",
                                        "confidence.txt", "en/words.txt", "sectors.txt", "export.txt"};
    if (!size)
        return 0;
    sr_dicts d;
    sr_error err;
    if (sr_dicts_init(&d, &err) != SR_OK)
        return 0;
    static const char country[] = "SY | SYR | Syria | Syrian | | | 33.5 | 36.3\n";
    sr_dicts_load_buffer(&d, "countries.txt", "c", country, sizeof country - 1, &err);
    /* the coder's event classes, so that events.txt lines can name them */
    char tax[2048];
    size_t n = 0;
    for (int i = 1; i < EV_COUNT && n < sizeof tax - 64; i++)
        n += (size_t)snprintf(tax + n, sizeof tax - n, "class %s | a class\n", sr_evclass_name((sr_evclass)i));
    sr_dicts_load_buffer(&d, "taxonomy.txt", "t", tax, n, &err);
    const char *kind = kinds[data[0] % (sizeof kinds / sizeof *kinds)];
    sr_status st = sr_dicts_load_buffer(&d, kind, kind, (const char *)data + 1, size - 1, &err);
    if (st != SR_OK && err.msg[0] == 0)
        abort(); /* every failure says why */
    /* the templates of sectors.txt and export.txt, filled as the coder and
     * the exports fill them */
    char out[64];
    for (size_t i = 0; i < d.nsectors; i++) {
        sr_template_fill(d.sectors[i].name, field, NULL, out, sizeof out);
        if (d.sectors[i].acled)
            sr_template_fill(d.sectors[i].acled, field, NULL, out, sizeof out);
    }
    if (d.notes_tpl)
        sr_template_fill(d.notes_tpl, field, NULL, out, sizeof out);
    sr_dicts_finish(&d);
    sr_dicts_free(&d);
    return 0;
}
