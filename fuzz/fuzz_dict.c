/* Fuzz the dictionary loaders: the first byte picks the file kind. */
#include <stdlib.h>

#include "dict/dict.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const char *const kinds[] = {"countries.txt", "actors.txt", "agents.txt", "events.txt",
                                        "cues.txt", "places.tsv", "boilerplate.txt"};
    if (!size)
        return 0;
    sr_dicts d;
    sr_error err;
    if (sr_dicts_init(&d, &err) != SR_OK)
        return 0;
    static const char country[] = "SY | SYR | Syria | Syrian | | | 33.5 | 36.3\n";
    sr_dicts_load_buffer(&d, "countries.txt", "c", country, sizeof country - 1, &err);
    const char *kind = kinds[data[0] % 7];
    sr_status st = sr_dicts_load_buffer(&d, kind, kind, (const char *)data + 1, size - 1, &err);
    if (st != SR_OK && err.msg[0] == 0)
        abort(); /* every failure says why */
    sr_dicts_finish(&d);
    sr_dicts_free(&d);
    return 0;
}
