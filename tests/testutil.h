/* Shared by the unit tests: where the data lives, a shared engine, and a
 * compact one-line rendering of events for golden comparisons. */
#ifndef SR_TESTUTIL_H
#define SR_TESTUTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep.h"

static inline const char *test_data_dir(void)
{
    const char *d = getenv("SITREP_DATA");
    return d && *d ? d : "data";
}

static inline sr_engine *test_engine(void)
{
    static sr_engine *eng;
    if (!eng) {
        sr_options o;
        memset(&o, 0, sizeof o);
        o.data_dir = test_data_dir();
        sr_error err;
        if (sr_engine_open(&o, &eng, &err) != SR_OK) {
            fprintf(stderr, "cannot load dictionaries: %s:%ld: %s\n", err.file, err.line, err.msg);
            exit(1);
        }
    }
    return eng;
}

/* "Battles / Armed clash | a1: X | a2: Y | at: Z (p1) | on: D | dead: N | asserted" */
static inline void test_render(const sr_event *e, char *out, size_t cap)
{
    sr_actor_ref a1, a2;
    sr_location_ref l;
    int h1 = sr_event_actor1(e, &a1), h2 = sr_event_actor2(e, &a2), hl = sr_event_location(e, &l);
    char dead[32];
    long f = sr_event_fatalities(e);
    if (f >= 0)
        snprintf(dead, sizeof dead, "%ld", f);
    else
        snprintf(dead, sizeof dead, "-");
    char at[240], ll[64] = "-";
    if (hl && l.has_coords)
        snprintf(ll, sizeof ll, "%.2f,%.2f", l.lat, l.lon);
    if (hl)
        snprintf(at, sizeof at, "%s (p%d) %s %s", l.name ? l.name : "?", l.geo_precision, l.country ? l.country : "-",
                 ll);
    else
        snprintf(at, sizeof at, "-");
    /* an actor the event lacks is not filled in: never read */
    char w1[200] = "-", w2[200] = "-";
    if (h1)
        snprintf(w1, sizeof w1, "%s [%s]", a1.name, a1.code ? a1.code : "");
    if (h2)
        snprintf(w2, sizeof w2, "%s [%s]", a2.name, a2.code ? a2.code : "");
    /* every field a reader of the output sees, so that a change in any
     * shows in a diff of the golden files */
    snprintf(out, cap, "%s / %s | a1: %s | a2: %s | at: %s | on: %s t%d | dead: %s | cameo %s q%d | %s",
             sr_event_type(e), sr_event_sub_type(e), w1, w2, at,
             sr_event_date(e) ? sr_event_date(e) : "-", sr_event_time_precision(e), dead, sr_event_cameo(e),
             sr_event_quad_class(e), sr_modality_str(sr_event_modality(e)));
}

#endif
