#ifndef SR_ERROR_H
#define SR_ERROR_H
#include "sitrep.h"

/* Fills err (when not NULL) and returns the status, so callers can write
 * `return sr_fail(err, SR_ERR_PARSE, file, line, "bad %s", x);`. */
sr_status sr_fail(sr_error *err, sr_status st, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void sr_error_clear(sr_error *err);
/* s as a message may show it: control characters and escape sequences as
 * \xNN (a crafted id must not drive the terminal), cut after max bytes
 * with its length said. buf needs 4 * max + 32 bytes. */
const char *sr_printable(const char *s, size_t max, char *buf, size_t cap);

#endif
