/* The event writer that needs no dictionary: JSON Lines, the contract.
 * The other formats are export.c's. */
#include <stdio.h>
#include <string.h>

#include "../util/buf.h"
#include "sitrep.h"

int sr_format_parse(const char *s, sr_format *out)
{
    if (!strcmp(s, "jsonl") || !strcmp(s, "json")) {
        *out = SR_FORMAT_JSONL;
        return 0;
    }
    if (!strcmp(s, "csv")) {
        *out = SR_FORMAT_CSV;
        return 0;
    }
    if (!strcmp(s, "cameo-tsv") || !strcmp(s, "tsv")) {
        *out = SR_FORMAT_CAMEO_TSV;
        return 0;
    }
    if (!strcmp(s, "geojson")) {
        *out = SR_FORMAT_GEOJSON;
        return 0;
    }
    if (!strcmp(s, "text")) {
        *out = SR_FORMAT_TEXT;
        return 0;
    }
    if (!strcmp(s, "acled-csv") || !strcmp(s, "acled")) {
        *out = SR_FORMAT_ACLED_CSV;
        return 0;
    }
    if (!strcmp(s, "phoenix")) {
        *out = SR_FORMAT_PHOENIX;
        return 0;
    }
    if (!strcmp(s, "plover")) {
        *out = SR_FORMAT_PLOVER;
        return 0;
    }
    return -1;
}

static void json_actor(sr_buf *b, const char *key, int has, const sr_actor_ref *a)
{
    sr_buf_putc(b, ',');
    sr_buf_putc(b, '"');
    sr_buf_puts(b, key);
    sr_buf_puts(b, "\":");
    if (!has) {
        sr_buf_puts(b, "null");
        return;
    }
    sr_buf_puts(b, "{\"name\":");
    sr_buf_json_str(b, a->name ? a->name : "");
    sr_buf_puts(b, ",\"code\":");
    sr_buf_json_str(b, a->code ? a->code : "");
    sr_buf_puts(b, ",\"text\":");
    sr_buf_json_str(b, a->text ? a->text : "");
    sr_buf_putc(b, '}');
}

static void json_opt_str(sr_buf *b, const char *s)
{
    if (s)
        sr_buf_json_str(b, s);
    else
        sr_buf_puts(b, "null");
}

static void write_jsonl(sr_buf *b, const sr_event *e)
{
    sr_actor_ref a1 = {0}, a2 = {0};
    sr_location_ref loc = {0};
    int h1 = sr_event_actor1(e, &a1), h2 = sr_event_actor2(e, &a2), hl = sr_event_location(e, &loc);
    sr_buf_puts(b, "{\"event_id\":");
    sr_buf_json_str(b, sr_event_id(e));
    sr_buf_puts(b, ",\"doc_id\":");
    sr_buf_json_str(b, sr_event_doc_id(e));
    sr_buf_puts(b, ",\"sentence\":");
    sr_buf_put_long(b, sr_event_sentence(e));
    sr_buf_puts(b, ",\"text\":");
    sr_buf_json_str(b, sr_event_text(e));
    sr_buf_puts(b, ",\"date\":");
    json_opt_str(b, sr_event_date(e));
    sr_buf_puts(b, ",\"time_precision\":");
    sr_buf_put_long(b, sr_event_time_precision(e));
    sr_buf_puts(b, ",\"event_type\":");
    sr_buf_json_str(b, sr_event_type(e));
    sr_buf_puts(b, ",\"sub_event_type\":");
    sr_buf_json_str(b, sr_event_sub_type(e));
    sr_buf_puts(b, ",\"cameo\":");
    sr_buf_json_str(b, sr_event_cameo(e));
    sr_buf_puts(b, ",\"quad_class\":");
    sr_buf_put_long(b, sr_event_quad_class(e));
    json_actor(b, "actor1", h1, &a1);
    json_actor(b, "actor2", h2, &a2);
    sr_buf_puts(b, ",\"location\":");
    if (!hl) {
        sr_buf_puts(b, "null");
    } else {
        sr_buf_puts(b, "{\"name\":");
        json_opt_str(b, loc.name);
        sr_buf_puts(b, ",\"admin1\":");
        json_opt_str(b, loc.admin1);
        sr_buf_puts(b, ",\"country\":");
        json_opt_str(b, loc.country);
        if (loc.has_coords) {
            sr_buf_puts(b, ",\"lat\":");
            sr_buf_put_fixed4(b, loc.lat);
            sr_buf_puts(b, ",\"lon\":");
            sr_buf_put_fixed4(b, loc.lon);
        }
        else
            sr_buf_puts(b, ",\"lat\":null,\"lon\":null");
        sr_buf_puts(b, ",\"geo_precision\":");
        sr_buf_put_long(b, loc.geo_precision);
        sr_buf_puts(b, ",\"text\":");
        json_opt_str(b, loc.text);
        sr_buf_putc(b, '}');
    }
    long f = sr_event_fatalities(e);
    sr_buf_puts(b, ",\"fatalities\":");
    if (f >= 0)
        sr_buf_put_long(b, f);
    else
        sr_buf_puts(b, "null");
    sr_buf_puts(b, ",\"modality\":");
    sr_buf_json_str(b, sr_modality_str(sr_event_modality(e)));
    sr_buf_puts(b, ",\"mentions\":");
    sr_buf_put_long(b, sr_event_mentions(e));
    sr_buf_puts(b, ",\"confidence\":");
    sr_buf_put_fixed2(b, sr_event_confidence(e));
    sr_buf_puts(b, "}\n");
}

static int format_event(sr_buf *b, sr_format fmt, const sr_event *e)
{
    switch (fmt) {
    case SR_FORMAT_JSONL: write_jsonl(b, e); break;
    default: return -1;
    }
    return b->oom ? -1 : 0;
}

int sr_format_event(sr_format fmt, const sr_event *e, char **buf, size_t *len, size_t *cap)
{
    sr_buf b = {*buf, *len, *cap, 0};
    int rc = format_event(&b, fmt, e);
    *buf = b.p;
    *cap = b.cap;
    /* a line cut short by a failed allocation is taken back */
    *len = rc ? (*len) : b.len;
    if (*buf)
        (*buf)[*len] = 0;
    return rc;
}

int sr_write_event(FILE *f, sr_format fmt, const sr_event *e)
{
    sr_buf b;
    sr_buf_init(&b);
    int rc = format_event(&b, fmt, e);
    if (!rc && fwrite(b.p, 1, b.len, f) != b.len)
        rc = -1;
    sr_buf_free(&b);
    return rc;
}
