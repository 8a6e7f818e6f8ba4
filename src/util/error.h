#ifndef SR_ERROR_H
#define SR_ERROR_H
#include "sitrep.h"

/* Fills err (when not NULL) and returns the status, so callers can write
 * `return sr_fail(err, SR_ERR_PARSE, file, line, "bad %s", x);`. */
sr_status sr_fail(sr_error *err, sr_status st, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void sr_error_clear(sr_error *err);

#endif
