/* Fuzz a queue message as a worker reads it (anyone who may publish to the
 * subject writes one): any bytes are one article or a clear error; an
 * article read back is written again as a message and read back the same;
 * its message id is one header line NATS takes. */
#include <stdlib.h>
#include <string.h>

#include "queue/queue.h"
#include "sitrep.h"

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    sr_article a;
    sr_queue_decoded *d = NULL;
    sr_error err;
    if (sr_queue_decode((const char *)data, size, &a, &d, &err) != SR_OK) {
        if (!err.msg[0])
            abort(); /* an error always says why */
        return 0;
    }
    if (!a.id || !a.text)
        abort();
    char mid[SR_QUEUE_MAX_MSG_ID + 1];
    sr_queue_msg_id(a.id, mid);
    for (const char *p = mid; *p; p++)
        if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
            abort();
    size_t len = 0;
    char *body = sr_queue_encode(&a, &len);
    if (body) {
        sr_article b;
        sr_queue_decoded *e = NULL;
        if (sr_queue_decode(body, len, &b, &e, &err) != SR_OK)
            abort(); /* what we write, we read */
        size_t la = a.text_len ? a.text_len : strlen(a.text);
        size_t lb = b.text_len ? b.text_len : strlen(b.text);
        if (strcmp(a.id, b.id) || la != lb || memcmp(a.text, b.text, la) || !same(a.date, b.date) ||
            !same(a.title, b.title) || !same(a.source, b.source) || !same(a.url, b.url))
            abort();
        sr_queue_decoded_free(e);
        free(body);
    }
    sr_queue_decoded_free(d);
    return 0;
}
