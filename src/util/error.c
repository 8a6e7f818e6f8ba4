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
    case SR_ERR_REFUSED: return "refused by the store";
    case SR_ERR_STORE: return "store failure";
    case SR_ERR_BUSY: return "store busy";
    case SR_ERR_CONFLICT: return "conflict with another writer";
    case SR_ERR_QUEUE: return "queue failure";
    }
    return "unknown error";
}

/* A string (an article id) as a message may show it: control characters and escape
 * sequences written as \xNN (a crafted id must not drive the terminal),
 * and a long one cut, saying how long it was. */
const char *sr_printable(const char *id, size_t max, char *buf, size_t cap)
{
    if (!id)
        return "?";
    size_t n = strlen(id), o = 0, shown = n > max ? max : n;
    for (size_t i = 0; i < shown && o + 8 < cap; i++) {
        unsigned char c = (unsigned char)id[i];
        if (c < 0x20 || c == 0x7f)
            o += (size_t)snprintf(buf + o, cap - o, "\\x%02x", c);
        else if (c == 0xc2 && i + 1 < n && (unsigned char)id[i + 1] >= 0x80 && (unsigned char)id[i + 1] < 0xa0)
            o += (size_t)snprintf(buf + o, cap - o, "\\x%02x", (unsigned char)id[++i]); /* C1 controls */
        else
            buf[o++] = (char)c;
    }
    /* do not end inside a UTF-8 character */
    while (n > shown && o > 0 && ((unsigned char)buf[o - 1] & 0xc0) == 0x80)
        o--;
    if (n > shown && o > 0 && (unsigned char)buf[o - 1] >= 0xc0)
        o--;
    buf[o < cap ? o : cap - 1] = 0;
    if (n > shown)
        snprintf(buf + o, cap - o, "...(%zu bytes)", n);
    return buf;
}

