/* Article readers: JSON Lines (one object per line), plain text (one
 * article), HTML (one article, text pulled out of the page). A malformed
 * record is reported as FILE:LINE: reason and skipped; reading goes on. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/error.h"
#include "../util/swar.h"
#include "../text/text.h"
#include "reader.h"
#include "sitrep.h"

#define BLOCK (1u << 16)
#define DEFAULT_MAX_LINE (64u << 20)

struct sr_reader {
    FILE *f;
    int own;
    char path[512];
    sr_input_kind kind;
    size_t max_line;
    /* block buffer */
    char *blk;
    size_t blen, bpos;
    int eof;
    /* the current line */
    char *line;
    size_t llen, lcap;
    long lineno;
    size_t done, total;
    int whole_done; /* text/html: the one article was given */
    cJSON *json;
    int full_parser_only; /* tests: every line through cJSON */
    size_t fast_records;
    char *fbuf;           /* the fast path's unescaped strings */
    size_t fcap;
    char idbuf[64];
    char *doc;      /* text/html article body (owned) */
    char *doc_title;
    char warn[512];
};

void sr_reader_set_max_line(sr_reader *r, size_t bytes)
{
    r->max_line = bytes ? bytes : DEFAULT_MAX_LINE;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcasecmp(s + n - m, suf) == 0;
}

sr_status sr_reader_open(const char *path, sr_input_kind kind, sr_reader **out, sr_error *err)
{
    sr_error_clear(err);
    *out = NULL;
    sr_reader *r = calloc(1, sizeof *r);
    if (!r)
        return sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
    snprintf(r->path, sizeof r->path, "%s", strcmp(path, "-") ? path : "<stdin>");
    r->max_line = DEFAULT_MAX_LINE;
    if (kind == SR_INPUT_AUTO) {
        if (!strcmp(path, "-") || ends_with(path, ".jsonl") || ends_with(path, ".json") || ends_with(path, ".ndjson"))
            kind = SR_INPUT_JSONL;
        else if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".xhtml"))
            kind = SR_INPUT_HTML;
        else if (ends_with(path, ".txt") || ends_with(path, ".text"))
            kind = SR_INPUT_TEXT;
        else
            kind = SR_INPUT_JSONL;
    }
    r->kind = kind;
    if (!strcmp(path, "-")) {
        r->f = stdin;
    } else {
        r->f = fopen(path, "rb");
        if (!r->f) {
            sr_status st = sr_fail(err, SR_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
            free(r);
            return st;
        }
        r->own = 1;
        struct stat sb;
        if (fstat(fileno(r->f), &sb) == 0) {
            if (S_ISDIR(sb.st_mode)) {
                fclose(r->f);
                free(r);
                return sr_fail(err, SR_ERR_IO, path, 0, "is a directory");
            }
            if (S_ISREG(sb.st_mode))
                r->total = (size_t)sb.st_size;
        }
    }
    r->blk = malloc(BLOCK);
    if (!r->blk) {
        sr_reader_close(r);
        return sr_fail(err, SR_ERR_NOMEM, path, 0, "out of memory");
    }
    *out = r;
    return SR_OK;
}

sr_status sr_reader_open_stream(FILE *f, const char *name, sr_input_kind kind, sr_reader **out, sr_error *err)
{
    sr_error_clear(err);
    *out = NULL;
    sr_reader *r = calloc(1, sizeof *r);
    if (!r)
        return sr_fail(err, SR_ERR_NOMEM, name, 0, "out of memory");
    snprintf(r->path, sizeof r->path, "%s", name);
    r->max_line = DEFAULT_MAX_LINE;
    if (kind == SR_INPUT_AUTO)
        kind = ends_with(name, ".html") || ends_with(name, ".htm") ? SR_INPUT_HTML
               : ends_with(name, ".txt")                           ? SR_INPUT_TEXT
                                                                   : SR_INPUT_JSONL;
    r->kind = kind;
    r->f = f;
    r->own = 0;
    r->blk = malloc(BLOCK);
    if (!r->blk) {
        free(r);
        return sr_fail(err, SR_ERR_NOMEM, name, 0, "out of memory");
    }
    *out = r;
    return SR_OK;
}

void sr_reader_close(sr_reader *r)
{
    if (!r)
        return;
    if (r->own && r->f)
        fclose(r->f);
    cJSON_Delete(r->json);
    free(r->fbuf);
    free(r->blk);
    free(r->line);
    free(r->doc);
    free(r->doc_title);
    free(r);
}

void sr_reader_progress(const sr_reader *r, size_t *done, size_t *total)
{
    *done = r->done;
    *total = r->total;
}

const char *sr_reader_warning(const sr_reader *r)
{
    return r->warn[0] ? r->warn : NULL;
}

/* Next line into r->line (without the newline). Returns 1 for a line, 0 at
 * the end, -1 on a read error. A line longer than max_line is consumed and
 * reported with *toolong set to 1; only its first bytes are kept. A line
 * still going at twice the limit (and 256 MiB) sets *toolong to 2 and ends
 * the file. */
static int next_line(sr_reader *r, int *toolong)
{
    r->llen = 0;
    *toolong = 0;
    int got = 0;
    /* a line still going after twice the limit, and 256 MiB, has no end */
    size_t skipped = 0, endless = r->max_line > (128u << 20) ? 2 * r->max_line : (256u << 20);
    for (;;) {
        if (r->bpos == r->blen) {
            if (r->eof)
                return got ? 1 : 0;
            r->blen = fread(r->blk, 1, BLOCK, r->f);
            r->bpos = 0;
            if (r->blen == 0) {
                if (ferror(r->f))
                    return -1;
                r->eof = 1;
                return got ? 1 : 0;
            }
        }
        got = 1;
        char *start = r->blk + r->bpos;
        size_t avail = r->blen - r->bpos;
        char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        r->bpos += take + (nl ? 1 : 0);
        r->done += take + (nl ? 1 : 0);
        if (*toolong) {
            /* skipping a line past the limit: an endless one (/dev/zero,
             * a stuck pipe) must not be read for ever */
            skipped += take;
            if (!nl && skipped > endless) {
                *toolong = 2;
                r->eof = 1;
                r->bpos = r->blen;
                return 1;
            }
        } else {
            if (r->llen + take > r->max_line) {
                *toolong = 1;
                skipped = r->llen + take;
            } else {
                if (r->llen + take + 1 > r->lcap) {
                    size_t nc = r->lcap ? r->lcap : 4096;
                    while (nc < r->llen + take + 1)
                        nc *= 2;
                    char *nb = realloc(r->line, nc);
                    if (!nb)
                        return -1;
                    r->line = nb;
                    r->lcap = nc;
                }
                memcpy(r->line + r->llen, start, take);
                r->llen += take;
                r->line[r->llen] = 0;
            }
        }
        if (nl)
            return 1;
    }
}

/* Warnings about one record add up, separated by "; ". */
static void add_warning(sr_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_warning(sr_reader *r, const char *fmt, ...)
{
    size_t used = strlen(r->warn);
    if (used && used + 2 < sizeof r->warn) {
        memcpy(r->warn + used, "; ", 3);
        used += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->warn + used, sizeof r->warn - used, fmt, ap);
    va_end(ap);
}

static const char *type_name(const cJSON *j)
{
    if (cJSON_IsString(j))
        return "a string";
    if (cJSON_IsNumber(j))
        return "a number";
    if (cJSON_IsArray(j))
        return "an array";
    if (cJSON_IsObject(j))
        return "an object";
    if (cJSON_IsBool(j))
        return "a boolean";
    if (cJSON_IsNull(j))
        return "null";
    return "something else";
}

static const char *opt_string(sr_reader *r, const cJSON *obj, const char *key)
{
    const cJSON *j = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!j || cJSON_IsNull(j))
        return NULL;
    if (!cJSON_IsString(j)) {
        add_warning(r, "field \"%s\" is %s, not a string; ignored", key, type_name(j));
        return NULL;
    }
    return j->valuestring;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The \uXXXX escape at p (p[0] == '\\'), or -1. */
static long escape_at(const char *p, const char *end)
{
    if (end - p < 6 || p[1] != 'u')
        return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Repairs, in place and without changing the line's length, what would
 * make cJSON lose an article or part of one:
 * - a NUL inside "text" (a raw byte, or the escape \u0000) would silently
 *   cut the text there, since cJSON keeps strings NUL-terminated: both
 *   become spaces;
 * - a lone UTF-16 surrogate escape (\ud800 without its pair, as some
 *   scrapers write) makes cJSON reject the whole line: it becomes \ufffd.
 * Counts what it replaced. */
static void scrub_line(char *p, size_t n, size_t *nuls, size_t *surrogates)
{
    *nuls = *surrogates = 0;
    for (char *z = memchr(p, 0, n); z; z = memchr(z, 0, n - (size_t)(z - p))) {
        *z = ' ';
        ++*nuls;
    }
    const char *end = p + n;
    /* q only moves forward, and never past end (found by fuzz_jsonl: a
     * backslash as the line's last byte) */
    for (char *q = memchr(p, '\\', n); q && q < end; q = q < end ? memchr(q, '\\', (size_t)(end - q)) : NULL) {
        long v = escape_at(q, end);
        if (v == 0) {
            memcpy(q + 2, "0020", 4);
            ++*nuls;
        } else if (v >= 0xD800 && v <= 0xDBFF) {
            long lo = escape_at(q + 6, end);
            if (q + 6 < end && q[6] == '\\' && lo >= 0xDC00 && lo <= 0xDFFF) {
                q += 12; /* a proper pair: escape_at saw all 12 bytes */
                continue;
            }
            memcpy(q + 2, "fffd", 4);
            ++*surrogates;
        } else if (v >= 0xDC00 && v <= 0xDFFF) {
            memcpy(q + 2, "fffd", 4);
            ++*surrogates;
        }
        q += end - q >= 2 ? 2 : end - q; /* past the escaped character: "\\\\u0000" is text */
    }
}

/* Files that are not JSON Lines at all, told by their first bytes. */
static const char *whole_file_problem(const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return "UTF-16 text: sitrep reads UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)";
    if (n >= 2 && u[0] == 0x1F && u[1] == 0x8B)
        return "gzip-compressed: decompress it first (zcat FILE | sitrep code -)";
    if (n >= 4 && !memcmp(p, "PK\3\4", 4))
        return "a zip archive, not JSON Lines";
    if (n >= 4 && !memcmp(p, "\177ELF", 4))
        return "an executable, not JSON Lines";
    return NULL;
}

/* One record through cJSON: every line the fast path declines, and so
 * every error message. */
static sr_status full_record(sr_reader *r, const char *p, size_t n, sr_article *a, sr_error *err)
{
    const char *end = NULL;
    r->json = cJSON_ParseWithLengthOpts(p, n, &end, 0);
    if (!r->json) {
        const char *ep = cJSON_GetErrorPtr();
        long col = (ep && ep >= p && ep <= p + n) ? (long)(ep - p) + 1 : 0;
        if (col)
            return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "not valid JSON (near column %ld)", col);
        return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "not valid JSON");
    }
    if (end && (size_t)(end - p) < n) {
        const char *q = end;
        while (q < p + n && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < p + n)
            return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "extra text after the JSON object%s",
                           memchr(p, '\r', n) ? " (are lines ended by CR alone?)" : "");
    }
    if (!cJSON_IsObject(r->json))
        return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "expected a JSON object, found %s",
                       type_name(r->json));
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(r->json, "id");
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(r->json, "text");
    char idb[4 * 80 + 32];
    if (!id)
        return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "missing \"id\"");
    if (cJSON_IsString(id)) {
        if (!id->valuestring[0])
            return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "\"id\" is empty");
        a->id = id->valuestring;
    } else if (cJSON_IsNumber(id) && isfinite(id->valuedouble) && id->valuedouble == floor(id->valuedouble) &&
               fabs(id->valuedouble) < 1e15) {
        snprintf(r->idbuf, sizeof r->idbuf, "%.0f", id->valuedouble);
        a->id = r->idbuf;
    } else {
        return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "\"id\" must be a string, found %s", type_name(id));
    }
    if (!text)
        return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "missing \"text\" (article %s)",
                       sr_printable(a->id, 80, idb, sizeof idb));
    if (!cJSON_IsString(text))
        return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "\"text\" must be a string, found %s (article %s)",
                       type_name(text), sr_printable(a->id, 80, idb, sizeof idb));
    a->text = text->valuestring;
    a->text_len = strlen(text->valuestring);
    a->date = opt_string(r, r->json, "date");
    a->title = opt_string(r, r->json, "title");
    a->source = opt_string(r, r->json, "source");
    a->url = opt_string(r, r->json, "url");
    return SR_OK;
}

/* ---- the fast path ------------------------------------------------------
 * Nearly every line is one flat object of strings: for those, building a
 * cJSON tree cost 6 % of coding. This reads such a line directly and
 * declines (returns 0) anything else — other value types, nesting, an
 * escape it does not know, a missing or empty "id" or "text", bad syntax —
 * so that line goes through cJSON and gets cJSON's result and messages.
 * What it accepts it reads as cJSON does: the first of repeated keys
 * counts, escapes become the same bytes. */

enum { F_ID, F_TEXT, F_DATE, F_TITLE, F_SOURCE, F_URL, F_N };

static int field_of(const char *k, size_t n)
{
    static const char *const names[F_N] = {"id", "text", "date", "title", "source", "url"};
    for (int i = 0; i < F_N; i++)
        if (strlen(names[i]) == n && !memcmp(names[i], k, n))
            return i;
    return -1;
}

static const char *skip_ws(const char *q, const char *e)
{
    while (q < e && (*q == ' ' || *q == '\t' || *q == '\r'))
        q++;
    return q;
}

/* The string whose opening quote is at q[-1], unescaped into *o and
 * NUL-terminated; returns the byte after its closing quote, or NULL to
 * decline. */
static const char *fast_string(const char *q, const char *e, char **o)
{
    char *w = *o;
    for (;;) {
        /* a run of plain bytes, eight at a time */
        const char *run = q;
        while (e - q >= 8) {
            uint64_t v = sr_swar_load(q);
            if (sr_swar_eq(v, '"') | sr_swar_eq(v, '\\') | sr_swar_below(v, 0x20))
                break;
            q += 8;
        }
        while (q < e && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20)
            q++;
        memcpy(w, run, (size_t)(q - run));
        w += q - run;
        if (q >= e || (unsigned char)*q < 0x20)
            return NULL;
        if (*q == '"') {
            *w++ = 0;
            *o = w;
            return q + 1;
        }
        if (e - q < 2)
            return NULL;
        char c = q[1];
        q += 2;
        switch (c) {
        case '"': *w++ = '"'; break;
        case '\\': *w++ = '\\'; break;
        case '/': *w++ = '/'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        case 't': *w++ = '\t'; break;
        case 'u': {
            long cp = escape_at(q - 2, e);
            if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
                return NULL;
            q += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                long lo = q < e && q[0] == '\\' ? escape_at(q, e) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return NULL;
                q += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            /* the escape's six bytes (twelve for a pair) hold its UTF-8 */
            w += sr_utf8_encode((uint32_t)cp, w);
            break;
        }
        default:
            return NULL;
        }
    }
}

static int fast_record(sr_reader *r, const char *p, size_t n, sr_article *a)
{
    /* unescaped strings and their NULs never outgrow the line */
    if (r->fcap < n + 1) {
        char *nb = realloc(r->fbuf, n + 1);
        if (!nb)
            return 0;
        r->fbuf = nb;
        r->fcap = n + 1;
    }
    char *o = r->fbuf;
    const char *val[F_N] = {0};
    size_t len[F_N] = {0};
    int seen[F_N] = {0};
    const char *q = p, *e = p + n;
    q = skip_ws(q, e);
    if (q >= e || *q != '{')
        return 0;
    q = skip_ws(q + 1, e);
    for (;;) {
        if (q >= e || *q != '"')
            return 0;
        const char *k = ++q;
        while (q < e && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20)
            q++;
        if (q >= e || *q != '"')
            return 0;
        int f = field_of(k, (size_t)(q - k));
        q = skip_ws(q + 1, e);
        if (q >= e || *q != ':')
            return 0;
        q = skip_ws(q + 1, e);
        const char *v = NULL;
        size_t vl = 0;
        if (q < e && *q == '"') {
            char *start = o;
            q = fast_string(q + 1, e, &o);
            if (!q)
                return 0;
            v = start;
            vl = (size_t)(o - 1 - start);
        } else if (e - q >= 4 && !memcmp(q, "null", 4)) {
            q += 4;
        } else {
            return 0;
        }
        if (f >= 0 && !seen[f]) {
            seen[f] = 1;
            val[f] = v;
            len[f] = vl;
        }
        q = skip_ws(q, e);
        if (q < e && *q == ',') {
            q = skip_ws(q + 1, e);
            continue;
        }
        if (q < e && *q == '}')
            break;
        return 0;
    }
    if (skip_ws(q + 1, e) != e)
        return 0;
    if (!val[F_ID] || !val[F_ID][0] || !val[F_TEXT])
        return 0;
    a->id = val[F_ID];
    a->text = val[F_TEXT];
    a->text_len = len[F_TEXT];
    a->date = val[F_DATE];
    a->title = val[F_TITLE];
    a->source = val[F_SOURCE];
    a->url = val[F_URL];
    r->fast_records++;
    return 1;
}

void sr_reader_full_parser_only(sr_reader *r, int on)
{
    r->full_parser_only = on;
}

size_t sr_reader_fast_records(const sr_reader *r)
{
    return r->fast_records;
}

static sr_status next_jsonl(sr_reader *r, sr_article *a, int *eof, sr_error *err)
{
    for (;;) {
        int toolong;
        int rc = next_line(r, &toolong);
        if (rc < 0)
            return sr_fail(err, SR_ERR_IO, r->path, r->lineno, "read error: %s", strerror(errno));
        if (rc == 0) {
            *eof = 1;
            return SR_OK;
        }
        r->lineno++;
        if (r->lineno == 1) {
            const char *why = whole_file_problem(r->line, r->llen);
            if (why) {
                /* one message for the file, not one per "line" of it */
                r->eof = 1;
                r->bpos = r->blen;
                return sr_fail(err, SR_ERR_PARSE, r->path, 1, "%s; file skipped", why);
            }
        }
        if (toolong == 2)
            return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno,
                           "a line of over %zu bytes with no end in sight; the rest of the file is skipped",
                           r->max_line > (128u << 20) ? 2 * r->max_line : (size_t)(256u << 20));
        if (toolong)
            return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "line longer than %zu bytes; skipped",
                           r->max_line);
        char *p = r->line;
        size_t n = r->llen;
        /* a BOM on any line: files concatenated with cat keep theirs */
        if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
            (unsigned char)p[2] == 0xBF) {
            p += 3;
            n -= 3;
        }
        size_t nuls, surrogates;
        scrub_line(p, n, &nuls, &surrogates);
        while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        while (n && (*p == ' ' || *p == '\t')) {
            p++;
            n--;
        }
        if (!n && nuls) /* zeros where a record was: a torn write? */
            return sr_fail(err, SR_ERR_PARSE, r->path, r->lineno, "a line of NUL bytes; skipped");
        if (!n)
            continue;
        cJSON_Delete(r->json);
        r->json = NULL;
        if (r->full_parser_only || !fast_record(r, p, n, a)) {
            sr_status st = full_record(r, p, n, a, err);
            if (st != SR_OK)
                return st;
        }
        if (nuls)
            add_warning(r, "%zu NUL character(s) replaced by spaces", nuls);
        if (surrogates)
            add_warning(r, "%zu unpaired UTF-16 surrogate escape(s) replaced by U+FFFD", surrogates);
        *eof = 0;
        return SR_OK;
    }
}

static sr_status slurp(sr_reader *r, char **out, size_t *len, size_t max, int *truncated, sr_error *err)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        return sr_fail(err, SR_ERR_NOMEM, r->path, 0, "out of memory");
    *truncated = 0;
    for (;;) {
        if (n == cap) {
            if (cap >= max) {
                *truncated = 1;
                break;
            }
            size_t nc = cap * 2 > max ? max : cap * 2;
            char *nb = realloc(buf, nc + 1);
            if (!nb) {
                free(buf);
                return sr_fail(err, SR_ERR_NOMEM, r->path, 0, "out of memory");
            }
            buf = nb;
            cap = nc;
        }
        size_t got = fread(buf + n, 1, cap - n, r->f);
        n += got;
        r->done += got;
        if (got == 0) {
            if (ferror(r->f)) {
                free(buf);
                return sr_fail(err, SR_ERR_IO, r->path, 0, "read error: %s", strerror(errno));
            }
            break;
        }
    }
    buf[n] = 0;
    *out = buf;
    *len = n;
    return SR_OK;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

sr_status sr_reader_next(sr_reader *r, sr_article *a, int *eof, sr_error *err)
{
    sr_error_clear(err);
    memset(a, 0, sizeof *a);
    r->warn[0] = 0;
    *eof = 0;
    if (r->kind == SR_INPUT_JSONL)
        return next_jsonl(r, a, eof, err);
    if (r->whole_done) {
        *eof = 1;
        return SR_OK;
    }
    r->whole_done = 1;
    char *buf = NULL;
    size_t len = 0;
    int truncated = 0;
    /* One article a file. The coder reads at most its article limit (1 MiB
     * by default) of text; HTML gets more room for its markup, but not
     * without bound: libxml2's tree takes several times the page. */
    size_t cap = r->kind == SR_INPUT_HTML ? (16u << 20) : (8u << 20);
    sr_status st = slurp(r, &buf, &len, cap, &truncated, err);
    if (st)
        return st;
    if (truncated)
        add_warning(r, "file larger than %zu MiB; only its beginning was read", cap >> 20);
    if (r->kind == SR_INPUT_HTML) {
        size_t tl;
        char *title = NULL;
        char *text = sr_html_to_text(buf, len, &tl, &title);
        free(buf);
        if (!text) {
            free(title);
            return sr_fail(err, SR_ERR_PARSE, r->path, 0, "could not extract text from the HTML");
        }
        r->doc = text;
        r->doc_title = title;
        a->text = text;
        a->text_len = tl;
        a->title = title;
    } else {
        if (memchr(buf, 0, len) && len > 0) {
            /* a binary file: code what text there is, but say so */
            add_warning(r, "file contains NUL bytes (binary?); they were replaced");
        }
        r->doc = buf;
        a->text = buf;
        a->text_len = len;
    }
    a->id = base_name(r->path);
    r->lineno = 1;
    return SR_OK;
}

long sr_reader_line(const sr_reader *r)
{
    return r->kind == SR_INPUT_JSONL ? r->lineno : 0;
}
