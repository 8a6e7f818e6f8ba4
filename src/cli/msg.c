/* Helpers of the command line: article ids shown safely, dates checked,
 * errors printed, the clock for rates and progress. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "sitrep.h"
#include "util/error.h"

/* An id as a message may show it (see sr_printable). */
const char *cli_id(const char *id, char *buf, size_t cap)
{
    return sr_printable(id, CLI_ID_SHOWN, buf, cap);
}

int cli_valid_date(const char *s)
{
    return sr_date_valid(s);
}

const char *cli_default_db(void)
{
    const char *e = getenv("SITREP_DB");
    return e && *e ? e : "sitrep.db";
}

void cli_print_err(const sr_error *err)
{
    if (err->line)
        fprintf(stderr, "%s:%ld: %s\n", err->file, err->line, err->msg);
    else if (err->file[0])
        fprintf(stderr, "sitrep: %s: %s\n", err->file, err->msg);
    else
        fprintf(stderr, "sitrep: %s\n", err->msg);
}

/* Every article of one file to fn, with the reader's errors said as
 * FILE:LINE: reason and counted in *rejected (a file that cannot be opened
 * too). Reading goes on past a malformed record; it stops at an I/O error,
 * or when fn returns non-zero, which is returned. */
int cli_each_article(const char *file, size_t *rejected, cli_article_fn fn, void *ctx)
{
    sr_reader *r;
    sr_error err;
    if (sr_reader_open(file, SR_INPUT_AUTO, &r, &err)) {
        fprintf(stderr, "sitrep: %s: %s\n", err.file, err.msg);
        (*rejected)++;
        return 0;
    }
    int rc = 0;
    for (;;) {
        sr_article art;
        int eof;
        sr_status rs = sr_reader_next(r, &art, &eof, &err);
        if (rs == SR_OK && eof)
            break;
        if (rs != SR_OK) {
            if (err.line)
                fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
            else
                fprintf(stderr, "sitrep: %s: %s\n", err.file, err.msg);
            (*rejected)++;
            if (rs != SR_ERR_PARSE)
                break;
            continue;
        }
        rc = fn(ctx, &art, file, sr_reader_line(r), sr_reader_warning(r));
        if (rc)
            break;
    }
    sr_reader_close(r);
    return rc;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_sleep(double s)
{
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    while (nanosleep(&ts, &ts) && errno == EINTR)
        ;
}
