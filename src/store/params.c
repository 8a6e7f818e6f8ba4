/* Query filters from text: the command line's options and the HTTP API's
 * parameters are one list, checked by one function, so the two can never
 * take a value the other refuses. */
#define _DEFAULT_SOURCE /* timegm */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/error.h"
#include "sitrep.h"

int sr_date_valid(const char *s)
{
    int y, m, d;
    char tail;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
        sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1)
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return 0;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

/* n numbers separated by commas, each finite */
static int parse_doubles(const char *s, double *out, int n)
{
    char *end;
    for (int i = 0; i < n; i++) {
        errno = 0;
        out[i] = strtod(s, &end);
        if (end == s || errno || !isfinite(out[i]))
            return -1;
        s = end;
        if (i + 1 < n) {
            if (*s != ',')
                return -1;
            s++;
        }
    }
    return *s ? -1 : 0;
}

/* unix seconds, or a UTC date and time; -1 when neither */
static long parse_time(const char *s)
{
    char *end;
    if (*s && strspn(s, "0123456789") == strlen(s)) {
        errno = 0;
        long v = strtol(s, &end, 10);
        return errno ? -1 : v;
    }
    int n = 0, h = 0, mi = 0, sec = 0;
    char day[11];
    if (strlen(s) < 10)
        return -1;
    memcpy(day, s, 10);
    day[10] = 0;
    if (!sr_date_valid(day))
        return -1;
    const char *t = s + 10;
    if (*t == 'T' || *t == ' ') {
        if (sscanf(t + 1, "%2d:%2d%n", &h, &mi, &n) != 2)
            return -1;
        t += 1 + n;
        if (*t == ':') {
            if (sscanf(t + 1, "%2d%n", &sec, &n) != 1)
                return -1;
            t += 1 + n;
        }
    }
    if (*t == 'Z')
        t++;
    if (*t || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
        return -1;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = atoi(day) - 1900, tm.tm_mon = atoi(day + 5) - 1, tm.tm_mday = atoi(day + 8);
    tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = sec;
    return (long)timegm(&tm);
}

/* "DATE.ID" or "-.ID": the row a page ends on */
static int parse_cursor(sr_query *q, const char *v)
{
    const char *dot = strchr(v, '.');
    if (!dot || strlen(dot + 1) == 0 || strlen(dot + 1) >= sizeof q->keep[2])
        return -1;
    for (const char *p = dot + 1; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-')
            return -1;
    size_t dl = (size_t)(dot - v);
    if (dl == 1 && v[0] == '-') {
        q->after_date = NULL;
    } else {
        if (dl != 10)
            return -1;
        memcpy(q->keep[3], v, 10);
        q->keep[3][10] = 0;
        if (!sr_date_valid(q->keep[3]))
            return -1;
        q->after_date = q->keep[3];
    }
    snprintf(q->keep[2], sizeof q->keep[2], "%s", dot + 1);
    q->after_id = q->keep[2];
    q->after = 1;
    return 0;
}

size_t sr_query_cursor(const sr_stored_event *e, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s.%s", e->date ? e->date : "-", e->id ? e->id : "");
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

#define BADV(...) sr_fail(err, SR_ERR_INVALID, "", 0, __VA_ARGS__)

static sr_status set_place_filter(sr_query *q, const char *key, const char *name, const char *value, sr_error *err)
{
    if (!strcmp(key, "near")) {
        double v[3];
        if (parse_doubles(value, v, 3) || fabs(v[0]) > 90 || fabs(v[1]) > 180 || v[2] <= 0)
            return BADV("%s needs LAT,LON,KM (e.g. 35.33,40.14,25), got '%s'", name, value);
        q->near = 1;
        q->lat = v[0], q->lon = v[1], q->km = v[2];
        return SR_OK;
    }
    double v[4];
    if (parse_doubles(value, v, 4) || v[0] > v[2] || v[1] > v[3] || fabs(v[1]) > 90 || fabs(v[3]) > 90 ||
        fabs(v[0]) > 180 || fabs(v[2]) > 180)
        return BADV("%s needs WEST,SOUTH,EAST,NORTH (e.g. 38,34,42,37), got '%s'", name, value);
    q->bbox = 1;
    q->west = v[0], q->south = v[1], q->east = v[2], q->north = v[3];
    return SR_OK;
}

static sr_status set_names(sr_query *q, const sr_engine *eng, const char *key, const char *name, const char *value,
                           sr_error *err)
{
    if (!strcmp(key, "country")) {
        const char *cc = eng ? sr_engine_country_code(eng, value) : (strlen(value) == 2 ? value : NULL);
        if (!cc)
            return BADV("unknown country '%s' (a name, or an ISO 3166 code such as SY or SYR)", value);
        snprintf(q->keep[0], sizeof q->keep[0], "%c%c", toupper((unsigned char)cc[0]), toupper((unsigned char)cc[1]));
        q->country = q->keep[0];
        return SR_OK;
    }
    /* actor: the words as written, and the code of the actor they name */
    const char *an, *ac;
    if (!*value)
        return BADV("%s needs a name or a code", name);
    q->actor = value;
    q->actor_code = NULL;
    if (eng && sr_engine_lookup_actor(eng, value, &an, &ac) && strlen(ac) < sizeof q->keep[1]) {
        snprintf(q->keep[1], sizeof q->keep[1], "%s", ac);
        q->actor_code = q->keep[1];
    }
    return SR_OK;
}

sr_status sr_query_param(sr_query *q, const sr_engine *eng, const char *name, const char *value, sr_error *err)
{
    sr_error_clear(err);
    char key[32];
    const char *n = name;
    while (*n == '-')
        n++;
    size_t k = 0;
    for (; n[k] && k + 1 < sizeof key; k++)
        key[k] = n[k] == '-' ? '_' : n[k];
    key[k] = 0;
    if (!value)
        return BADV("%s needs a value", name);
    if (!strcmp(key, "since") || !strcmp(key, "until")) {
        if (!sr_date_valid(value))
            return BADV("%s needs a date YYYY-MM-DD, got '%s'", name, value);
        *(key[0] == 's' ? &q->since : &q->until) = value;
    } else if (!strcmp(key, "type")) {
        q->type = value;
    } else if (!strcmp(key, "sub_type")) {
        q->sub_type = value;
    } else if (!strcmp(key, "id")) {
        q->id = value;
    } else if (!strcmp(key, "actor") || !strcmp(key, "country")) {
        return set_names(q, eng, key, name, value, err);
    } else if (!strcmp(key, "near") || !strcmp(key, "bbox")) {
        return set_place_filter(q, key, name, value, err);
    } else if (!strcmp(key, "changed_since")) {
        long t = parse_time(value);
        if (t < 0)
            return BADV("%s needs unix seconds or a UTC time YYYY-MM-DD[THH:MM[:SS]], got '%s'", name, value);
        q->changed_since = t;
    } else if (!strcmp(key, "limit")) {
        char *end;
        errno = 0;
        long v = strtol(value, &end, 10);
        if (!*value || *end || errno || v <= 0)
            return BADV("%s needs a positive number, got '%s'", name, value);
        q->limit = v;
    } else if (!strcmp(key, "cursor")) {
        if (parse_cursor(q, value))
            return BADV("%s '%s' is not a cursor this server gave", name, value);
    } else {
        return BADV("unknown parameter '%s'", name);
    }
    return SR_OK;
}
