/* Fuzz the gazetteer: the index reader (a damaged index must be refused,
 * never read out of bounds) and the GeoNames importer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "geo/gazetteer.h"

static void nowarn(void *ctx, const char *file, long line, const char *msg)
{
    (void)ctx;
    (void)file;
    (void)line;
    (void)msg;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!size)
        return 0;
    char path[64];
    snprintf(path, sizeof path, "/tmp/sitrep-fuzz-gaz-%d", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    sr_error err;
    if (data[0] & 1) {
        sr_gazetteer *g;
        if (sr_gaz_open(path, &g, &err) == SR_OK) {
            uint32_t ids[16];
            size_t n = sr_gaz_lookup(g, "Hajin", 5, ids, 16);
            for (size_t i = 0; i < n && i < 16; i++) {
                const sr_gaz_rec *r = sr_gaz_rec_at(g, ids[i]);
                if (r)
                    (void)strlen(sr_gaz_str(g, r->name));
            }
            sr_gaz_close(g);
        }
    } else {
        sr_gaz_builder *b = sr_gaz_builder_new();
        if (b) {
            sr_gaz_builder_on_warning(b, nowarn, NULL);
            size_t added, bad;
            sr_gaz_builder_add_geonames(b, path, NULL, &added, &bad, &err);
            sr_gaz_builder_free(b);
        }
    }
    unlink(path);
    return 0;
}
