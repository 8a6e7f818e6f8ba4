/* Messages of the command line: article ids shown safely, dates checked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
