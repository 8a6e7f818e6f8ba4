/* Writers for what the event store gives back: merged events as JSON
 * Lines and GeoJSON with ACLED's export column names where they overlap
 * (the CSV and the other exports are export.c's), and territorial control
 * (JSON Lines, CSV, an aligned text table). One field list per record
 * drives every format. */
#include <stdio.h>
#include <string.h>

#include "../util/buf.h"
#include "io.h"
#include "sitrep.h"

typedef enum { F_STR, F_INT, F_NUM, F_YEAR } fkind;

typedef struct field {
    const char *name;
    fkind kind;
    const char *s; /* F_STR, F_YEAR (from a date); NULL = null */
    long i;        /* F_INT; has = 0 for null */
    double d;      /* F_NUM */
    int has;
} field;

#define STR(n, v) ((field){n, F_STR, (v), 0, 0, (v) != NULL})
#define INT(n, v, h) ((field){n, F_INT, NULL, (v), 0, (h)})
#define NUM(n, v, h) ((field){n, F_NUM, NULL, 0, (v), (h)})

static size_t stored_fields(const sr_stored_event *e, field *f)
{
    size_t n = 0;
    f[n++] = STR("event_id_cnty", e->id);
    f[n++] = STR("event_date", e->date);
    f[n++] = (field){"year", F_YEAR, e->date, 0, 0, e->date && strlen(e->date) >= 4};
    f[n++] = INT("time_precision", e->time_precision, 1);
    f[n++] = STR("event_type", e->event_type);
    f[n++] = STR("sub_event_type", e->sub_event_type);
    f[n++] = STR("actor1", e->actor1);
    f[n++] = STR("actor1_code", e->actor1_code);
    f[n++] = STR("actor2", e->actor2);
    f[n++] = STR("actor2_code", e->actor2_code);
    f[n++] = STR("country", e->country);
    f[n++] = STR("admin1", e->admin1);
    f[n++] = STR("location", e->location);
    f[n++] = NUM("latitude", e->lat, e->has_coords);
    f[n++] = NUM("longitude", e->lon, e->has_coords);
    f[n++] = INT("geo_precision", e->geo_precision, e->location != NULL);
    f[n++] = STR("source", e->sources);
    f[n++] = STR("notes", e->notes);
    f[n++] = INT("fatalities", e->fatalities, e->fatalities >= 0);
    f[n++] = STR("cameo", e->cameo);
    f[n++] = INT("quad_class", e->quad_class, 1);
    f[n++] = INT("n_sources", e->n_sources, 1);
    f[n++] = INT("mentions", e->mentions, 1);
    f[n++] = STR("articles", e->articles);
    f[n++] = STR("urls", e->urls);
    return n;
}

static size_t control_fields(const sr_control *c, field *f)
{
    size_t n = 0;
    f[n++] = STR("location", c->place);
    f[n++] = STR("admin1", c->admin1);
    f[n++] = STR("country", c->country);
    f[n++] = NUM("latitude", c->lat, c->has_coords);
    f[n++] = NUM("longitude", c->lon, c->has_coords);
    f[n++] = STR("holder", c->holder);
    f[n++] = STR("holder_code", c->holder_code);
    f[n++] = STR("previous", c->previous);
    f[n++] = STR("previous_code", c->previous_code);
    f[n++] = STR("since", c->since);
    f[n++] = STR("sub_event_type", c->sub_event_type);
    f[n++] = STR("event_id_cnty", c->event_id);
    f[n++] = INT("n_sources", c->n_sources, 1);
    f[n++] = STR("notes", c->notes);
    return n;
}

/* A year, count or coordinate, the same in JSON and CSV. */
static void put_number(sr_buf *b, const field *f)
{
    if (f->kind == F_YEAR)
        sr_buf_printf(b, "%.4s", f->s);
    else if (f->kind == F_INT)
        sr_buf_printf(b, "%ld", f->i);
    else
        sr_buf_printf(b, "%.4f", f->d);
}

static void put_json(sr_buf *b, const field *f, size_t n)
{
    sr_buf_putc(b, '{');
    for (size_t i = 0; i < n; i++) {
        if (i)
            sr_buf_putc(b, ',');
        sr_buf_json_str(b, f[i].name);
        sr_buf_putc(b, ':');
        if (!f[i].has)
            sr_buf_puts(b, "null");
        else if (f[i].kind == F_STR)
            sr_buf_json_str(b, f[i].s);
        else
            put_number(b, &f[i]);
    }
    sr_buf_putc(b, '}');
}

static void put_csv(sr_buf *b, const field *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            sr_buf_putc(b, ',');
        if (!f[i].has)
            continue;
        if (f[i].kind == F_STR)
            sr_buf_csv_field(b, f[i].s);
        else
            put_number(b, &f[i]);
    }
    sr_buf_putc(b, '\n');
}

static void put_csv_header(sr_buf *b, const field *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            sr_buf_putc(b, ',');
        sr_buf_puts(b, f[i].name);
    }
    sr_buf_putc(b, '\n');
}

static int flush(FILE *out, sr_buf *b)
{
    int rc = (b->oom || fwrite(b->p ? b->p : "", 1, b->len, out) != b->len) ? -1 : 0;
    sr_buf_free(b);
    return rc;
}

void sr_io_stored_begin(sr_buf *b, sr_format fmt)
{
    if (fmt == SR_FORMAT_GEOJSON)
        sr_buf_puts(b, "{\"type\":\"FeatureCollection\",\"features\":[\n");
}

void sr_io_stored_json(sr_buf *b, sr_format fmt, const sr_stored_event *e, size_t index)
{
    field f[32];
    size_t n = stored_fields(e, f);
    if (fmt == SR_FORMAT_GEOJSON) {
        if (index)
            sr_buf_puts(b, ",\n");
        sr_buf_puts(b, "{\"type\":\"Feature\",\"geometry\":");
        if (e->has_coords)
            sr_buf_printf(b, "{\"type\":\"Point\",\"coordinates\":[%.4f,%.4f]}", e->lon, e->lat);
        else
            sr_buf_puts(b, "null");
        sr_buf_puts(b, ",\"properties\":");
        put_json(b, f, n);
        sr_buf_putc(b, '}');
    } else {
        put_json(b, f, n);
        sr_buf_putc(b, '\n');
    }
}

void sr_io_stored_end(sr_buf *b, sr_format fmt)
{
    if (fmt == SR_FORMAT_GEOJSON)
        sr_buf_puts(b, "\n]}\n");
}

int sr_write_control(FILE *out, sr_format fmt, const sr_control *c, size_t index)
{
    sr_buf b;
    sr_buf_init(&b);
    field f[32];
    size_t n = control_fields(c, f);
    if (fmt == SR_FORMAT_CSV) {
        if (!index)
            put_csv_header(&b, f, n);
        put_csv(&b, f, n);
    } else if (fmt == SR_FORMAT_JSONL) {
        put_json(&b, f, n);
        sr_buf_putc(&b, '\n');
    } else {
        /* a line for people: date, place, who holds it, how, evidence */
        sr_buf_printf(&b, "%-10s  %-24s %-3s  %-34s %s", c->since ? c->since : "", c->place ? c->place : "",
                      c->country ? c->country : "", c->holder ? c->holder : "(not reported)",
                      c->sub_event_type ? c->sub_event_type : "");
        if (c->previous)
            sr_buf_printf(&b, ", from %s", c->previous);
        sr_buf_printf(&b, " [%d source%s, %s]\n", c->n_sources, c->n_sources == 1 ? "" : "s",
                      c->event_id ? c->event_id : "");
    }
    return flush(out, &b);
}
