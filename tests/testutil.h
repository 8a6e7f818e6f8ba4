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
    char at[200];
    if (hl)
        snprintf(at, sizeof at, "%s (p%d)", l.name ? l.name : "?", l.geo_precision);
    else
        snprintf(at, sizeof at, "-");
    snprintf(out, cap, "%s / %s | a1: %s | a2: %s | at: %s | on: %s | dead: %s | %s", sr_event_type(e),
             sr_event_sub_type(e), h1 ? a1.name : "-", h2 ? a2.name : "-", at,
             sr_event_date(e) ? sr_event_date(e) : "-", dead, sr_modality_str(sr_event_modality(e)));
}

#endif
