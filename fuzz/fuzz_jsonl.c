/* Fuzz the JSON Lines reader: any bytes, read record by record until the
 * end; and the fast path for flat records must read them as cJSON does. */
#include <stdio.h>
#include <stdlib.h>

#include "jsonl_same.h"
#include "sitrep.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    FILE *f = fmemopen((void *)data, size ? size : 1, "rb");
    if (!f)
        return 0;
    if (!size) {
        fclose(f);
        return 0;
    }
    sr_reader *r;
    sr_error err;
    if (sr_reader_open_stream(f, "fuzz.jsonl", SR_INPUT_JSONL, &r, &err) == SR_OK) {
        sr_reader_set_max_line(r, 1 << 16);
        for (int n = 0; n < 100000; n++) {
            sr_article a;
            int eof;
            sr_status st = sr_reader_next(r, &a, &eof, &err);
            if (st == SR_OK && eof)
                break;
            if (st != SR_OK && st != SR_ERR_PARSE)
                break;
            if (st == SR_OK && (!a.id || !a.text))
                abort(); /* an accepted article always has both */
        }
        sr_reader_close(r);
    }
    fclose(f);
    char why[600];
    if (jsonl_paths_agree(data, size, why, sizeof why, NULL) == 0) {
        fprintf(stderr, "fast path and cJSON disagree: %s\n", why);
        abort();
    }
    return 0;
}
