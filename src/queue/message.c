/* Articles as queue messages and back (see queue.h).
 *
 * In: an sr_article, or a message body from the stream (outside input:
 * anyone who can publish to the subject writes it). Out: a JSON object,
 * or an article read by the same reader as `sitrep code`'s input, so a
 * message is held to exactly the rules of an input line. */
#include "queue.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "../util/hash.h"

static int add_opt(cJSON *o, const char *name, const char *v)
{
    return !v || cJSON_AddStringToObject(o, name, v) != NULL;
}

char *sr_queue_encode(const sr_article *a, size_t *len)
{
    cJSON *o = cJSON_CreateObject();
    size_t tl = a->text_len ? a->text_len : strlen(a->text);
    char *text = malloc(tl + 1);
    char *out = NULL;
    if (o && text) {
        /* text_len may stop before a NUL: the message carries what the
         * coder would read */
        memcpy(text, a->text, tl);
        text[tl] = 0;
        if (cJSON_AddStringToObject(o, "id", a->id) && cJSON_AddStringToObject(o, "text", text) &&
            add_opt(o, "date", a->date) && add_opt(o, "title", a->title) && add_opt(o, "source", a->source) &&
            add_opt(o, "url", a->url))
            out = cJSON_PrintUnformatted(o);
    }
    free(text);
    cJSON_Delete(o);
    if (out && len)
        *len = strlen(out);
    return out;
}

struct sr_queue_decoded {
    FILE *f;
    sr_reader *r;
};

void sr_queue_decoded_free(sr_queue_decoded *d)
{
    if (!d)
        return;
    if (d->r)
        sr_reader_close(d->r); /* leaves f open */
    if (d->f)
        fclose(d->f);
    free(d);
}

sr_status sr_queue_decode(const char *body, size_t len, sr_article *a, sr_queue_decoded **out, sr_error *err)
{
    *out = NULL;
    if (!len)
        return sr_fail(err, SR_ERR_PARSE, "message", 0, "empty message: not an article");
    if (memchr(body, '\n', len) && memchr(body, '\n', len) != body + len - 1)
        return sr_fail(err, SR_ERR_PARSE, "message", 0, "a message holds one article on one line");
    sr_queue_decoded *d = calloc(1, sizeof *d);
    if (!d)
        return sr_fail(err, SR_ERR_NOMEM, "message", 0, "out of memory");
    d->f = fmemopen((void *)body, len, "r");
    if (!d->f) {
        free(d);
        return sr_fail(err, SR_ERR_NOMEM, "message", 0, "out of memory");
    }
    sr_status s = sr_reader_open_stream(d->f, "message", SR_INPUT_JSONL, &d->r, err);
    if (s) {
        sr_queue_decoded_free(d);
        return s;
    }
    int eof = 0;
    s = sr_reader_next(d->r, a, &eof, err);
    if (s == SR_OK && eof)
        s = sr_fail(err, SR_ERR_PARSE, "message", 0, "empty message: not an article");
    if (s) {
        sr_queue_decoded_free(d);
        return s;
    }
    *out = d;
    return SR_OK;
}

void sr_queue_msg_id(const char *id, char *out)
{
    size_t n = strlen(id);
    int plain = n > 0 && n <= SR_QUEUE_MAX_MSG_ID;
    for (size_t i = 0; plain && i < n; i++)
        plain = (unsigned char)id[i] >= 0x20 && (unsigned char)id[i] < 0x7f;
    if (plain) {
        memcpy(out, id, n + 1);
        return;
    }
    uint64_t h1 = sr_hash64(id, n, SR_HASH_SEED);
    uint64_t h2 = sr_hash64(id, n, SR_WORD_SEED);
    snprintf(out, SR_QUEUE_MAX_MSG_ID + 1, "hash:%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
}
