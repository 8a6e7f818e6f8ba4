/* The options sitrep submit, worker and queue share (queue_cmd.c). */
#ifndef SR_CLI_QUEUE_OPTS_H
#define SR_CLI_QUEUE_OPTS_H
#include <stdio.h>

#include "sitrep.h"

typedef struct qopts {
    sr_queue_options q;
    const char *db;
    const char *files[4096];
    size_t nfiles;
    const char *extra[32];
    size_t nextra;
    sr_options opts;
    int jobs, batch, drain, quiet, prog_flag, json;
    double interval;
} qopts;

/* Parses argv for cmd, taking only the options in `allowed` (a space-
 * separated list) and files when `files`. 0 to run, 1 after --help, -1 on
 * a usage error (said). */
int queue_parse_args(int argc, char **argv, const char *cmd, const char *allowed, int files,
                     void (*usage)(FILE *), qopts *o);

#endif
