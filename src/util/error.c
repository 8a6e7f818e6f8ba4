#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

sr_status sr_fail(sr_error *err, sr_status st, const char *file, long line, const char *fmt, ...)
{
    if (!err)
        return st;
    err->status = st;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return st;
}

void sr_error_clear(sr_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
}

const char *sr_status_str(sr_status s)
{
    switch (s) {
    case SR_OK: return "ok";
    case SR_ERR_NOMEM: return "out of memory";
    case SR_ERR_IO: return "input/output error";
    case SR_ERR_PARSE: return "malformed input";
    case SR_ERR_INVALID: return "invalid argument";
    case SR_ERR_LIMIT: return "limit exceeded";
    }
    return "unknown error";
}
