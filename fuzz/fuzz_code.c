/* Fuzz the whole pipeline on one article: any bytes as its text (the
 * first byte chooses whether it has a date and a title). */
#include <stdlib.h>
#include <string.h>

#include "sitrep.h"

static sr_engine *eng;
static sr_coder *coder;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sr_options o;
    memset(&o, 0, sizeof o);
    o.data_dir = getenv("SITREP_DATA") ? getenv("SITREP_DATA") : "data";
    o.gazetteer = getenv("SITREP_GAZETTEER"); /* NULL: the default, if built */
    sr_error err;
    if (sr_engine_open(&o, &eng, &err) != SR_OK)
        abort();
    coder = sr_coder_new(eng);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!size)
        return 0;
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = "fuzz";
    a.text = (const char *)data + 1;
    a.text_len = size - 1;
    if (!a.text_len)
        a.text = "";
    a.date = (data[0] & 1) ? "2018-11-04" : NULL;
    a.title = (data[0] & 2) ? "ISIS attack near Hajin" : NULL;
    sr_result *r;
    sr_error err;
    if (sr_code(coder, &a, &r, &err) != SR_OK)
        abort();
    for (size_t i = 0; i < sr_result_count(r); i++) {
        const sr_event *e = sr_result_event(r, i);
        sr_location_ref l;
        if (!sr_event_type(e) || !sr_event_sub_type(e) || !sr_event_id(e))
            abort();
        if (sr_event_location(e, &l) && l.has_coords && (l.lat < -90 || l.lat > 90))
            abort();
    }
    return 0;
}
