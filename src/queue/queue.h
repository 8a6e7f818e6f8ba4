/* The queue's message format, apart from NATS so that it can be fuzzed
 * and tested without a server.
 *
 * In: an article. Out: the message body a worker reads back, one JSON
 * object with the fields of an input line ("id", "text", "date", "title",
 * "source", "url"), so a message is an article exactly as `sitrep code`
 * takes it, and a person reading the stream sees an input line. */
#ifndef SR_QUEUE_H
#define SR_QUEUE_H
#include <stddef.h>

#include "sitrep.h"

/* The body for one article, malloc'ed (*len bytes, NUL-terminated); NULL
 * when out of memory. */
char *sr_queue_encode(const sr_article *a, size_t *len);

/* A message body read back as an article. The strings of *a live until
 * sr_queue_decoded_free. */
typedef struct sr_queue_decoded sr_queue_decoded;
/* SR_ERR_PARSE (err says why) unless the body is exactly one article. */
sr_status sr_queue_decode(const char *body, size_t len, sr_article *a, sr_queue_decoded **out, sr_error *err);
void sr_queue_decoded_free(sr_queue_decoded *d);

/* The message id for an article id: the id itself when a header can carry
 * it (printable ASCII, at most SR_QUEUE_MAX_MSG_ID bytes), else "hash:"
 * and 128 bits of FNV-1a over it (two seeds). out needs SR_QUEUE_MAX_MSG_ID + 1 bytes. */
#define SR_QUEUE_MAX_MSG_ID 512
void sr_queue_msg_id(const char *id, char *out);

#endif
