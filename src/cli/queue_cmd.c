/* sitrep submit / worker / queue: coding spread over processes and
 * machines through a NATS JetStream work queue, into one store. Thin:
 * options in, library calls (sr_queue_*, the coding pipeline, sr_store_*),
 * messages and exit status out. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "queue_opts.h"
#include "sitrep.h"

static const char *prog = "sitrep";

static const char *default_queue(void)
{
    const char *v = getenv("SITREP_QUEUE");
    return v && *v ? v : "nats://127.0.0.1:4222";
}

static int number(const char *cmd, const char *opt, const char *val, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(val, &end, 10);
    if (!*val || *end || errno || v < lo || v > hi) {
        fprintf(stderr, "%s %s: %s needs a number from %ld to %ld, got '%s'\n", prog, cmd, opt, lo, hi, val);
        return -1;
    }
    *out = v;
    return 0;
}

/* One option at argv[*i] (its value consumed): 1 taken, 0 not one of
 * ours, -1 a usage error (said). */
static int queue_option(int argc, char **argv, int *i, const char *cmd, qopts *o)
{
    const char *a = argv[*i];
    static const char *const valued[] = {"--queue", "--stream", "--db", "--data", "--dict", "-j", "--jobs",
                                         "--batch", "--ack-wait", "--max-deliver", "--interval"};
    const char *val = NULL;
    for (size_t k = 0; k < sizeof valued / sizeof *valued; k++)
        if (!strcmp(a, valued[k])) {
            if (*i + 1 >= argc) {
                fprintf(stderr, "%s %s: option %s needs a value\n", prog, cmd, a);
                return -1;
            }
            val = argv[++*i];
        }
    long v = 0;
    if (!strcmp(a, "--queue"))
        o->q.url = val;
    else if (!strcmp(a, "--stream"))
        o->q.stream = val;
    else if (!strcmp(a, "--db"))
        o->db = val;
    else if (!strcmp(a, "--data"))
        o->opts.data_dir = val;
    else if (!strcmp(a, "--dict")) {
        if (o->nextra == sizeof o->extra / sizeof *o->extra) {
            fprintf(stderr, "%s %s: too many --dict directories\n", prog, cmd);
            return -1;
        }
        o->extra[o->nextra++] = val;
    } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
        if (number(cmd, a, val, 1, 64, &v))
            return -1;
        o->jobs = (int)v;
    } else if (!strcmp(a, "--batch")) {
        if (number(cmd, a, val, 1, 5000, &v))
            return -1;
        o->batch = (int)v;
    } else if (!strcmp(a, "--ack-wait")) {
        if (number(cmd, a, val, 1, 86400, &v))
            return -1;
        o->q.ack_wait = (int)v;
    } else if (!strcmp(a, "--max-deliver")) {
        if (number(cmd, a, val, 1, 1000, &v))
            return -1;
        o->q.max_deliver = (int)v;
    } else if (!strcmp(a, "--interval")) {
        if (number(cmd, a, val, 0, 3600, &v))
            return -1;
        o->interval = (double)v;
    } else if (!strcmp(a, "--drain"))
        o->drain = 1;
    else if (!strcmp(a, "--json"))
        o->json = 1;
    else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
        o->quiet = 1;
    else if (!strcmp(a, "--progress"))
        o->prog_flag = 1;
    else if (!strcmp(a, "--no-progress"))
        o->prog_flag = 0;
    else
        return 0;
    return 1;
}

int queue_parse_args(int argc, char **argv, const char *cmd, const char *allowed, int files, void (*usage)(FILE *),
                     qopts *o)
{
    memset(o, 0, sizeof *o);
    o->q.url = default_queue();
    o->db = cli_default_db();
    o->jobs = 1;
    o->batch = 1000;
    o->prog_flag = -1;
    o->interval = 1;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_files && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
            usage(stdout);
            return 1;
        }
        if (!only_files && !strcmp(a, "--") && files) {
            only_files = 1;
            continue;
        }
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            if (!files) {
                fprintf(stderr, "%s %s: unexpected argument '%s' (see 'sitrep help %s')\n", prog, cmd, a, cmd);
                return -1;
            }
            if (o->nfiles == sizeof o->files / sizeof *o->files) {
                fprintf(stderr, "%s %s: too many files on the command line\n", prog, cmd);
                return -1;
            }
            o->files[o->nfiles++] = a;
            continue;
        }
        /* an option another command takes is still a usage error here */
        char key[64];
        snprintf(key, sizeof key, " %s ", a);
        char list[512];
        snprintf(list, sizeof list, " %s ", allowed);
        int r = strstr(list, key) ? queue_option(argc, argv, &i, cmd, o) : 0;
        if (r < 0)
            return -1;
        if (!r) {
            fprintf(stderr, "%s %s: unknown option '%s' (see 'sitrep help %s')\n", prog, cmd, a, cmd);
            return -1;
        }
    }
    if (files && !o->nfiles)
        o->files[o->nfiles++] = "-";
    o->opts.extra_dirs = o->extra;
    o->opts.n_extra_dirs = o->nextra;
    return 0;
}

/* ---- submit --------------------------------------------------------------- */

void usage_submit(FILE *f)
{
    fprintf(f,
            "usage: sitrep submit [OPTIONS] [FILE...]\n"
            "\n"
            "Puts articles (read as 'sitrep code' reads them, with the same FILE:LINE\n"
            "errors) on a NATS JetStream work queue for 'sitrep worker' to code and store.\n"
            "Each article is one message whose id is the article id: an article submitted\n"
            "again within a day is not queued twice (and a worker would find it stored).\n"
            "The stream and the workers' consumer are made when missing (file storage).\n"
            "Waits for the server to acknowledge every article before it exits.\n"
            "\n"
            "options:\n"
            "      --queue URL     the NATS server, nats://HOST:PORT (default: $SITREP_QUEUE,\n"
            "                      else nats://127.0.0.1:4222); JetStream on (nats-server -js)\n"
            "      --stream NAME   the stream (default SITREP): subjects NAME.articles, and\n"
            "                      NAME.dead in the stream NAME_DEAD for dead letters\n"
            "      --ack-wait S    when the workers' consumer is made here: seconds before\n"
            "                      an unacknowledged batch goes to another worker (60)\n"
            "      --progress      show progress on standard error (default on a terminal);\n"
            "                      --no-progress to hide it\n"
            "  -q, --quiet         do not print warnings or the summary\n"
            "  -h, --help          show this help\n"
            "\n"
            "environment:\n"
            "  SITREP_QUEUE  the NATS server when --queue is not given\n"
            "\n"
            "exit status: 0 every article queued, 3 some input was rejected (FILE:LINE:\n"
            "reason) or refused by the server, 2 usage error, 1 the server cannot be\n"
            "reached or failed.\n");
}

typedef struct submit_run {
    sr_queue *q;
    size_t seen, sent, rejected;
    int quiet, show;
    double t0, last;
} submit_run;

static void on_refused(void *ctx, const char *id, const char *reason)
{
    (void)ctx;
    char idb[CLI_ID_BUF];
    fprintf(stderr, "%s submit: article %s not queued: %s\n", prog, cli_id(id, idb, sizeof idb), reason);
}

/* One article onto the queue. -1 when submit must stop. */
static int submit_one(void *ctx, const sr_article *art, const char *file, long line, const char *warn)
{
    submit_run *k = ctx;
    sr_error err;
    char idb[CLI_ID_BUF];
    k->seen++;
    if (warn && !k->quiet)
        fprintf(stderr, "%s:%ld: warning: %s\n", file, line, warn);
    sr_status s = sr_queue_submit(k->q, art, &err);
    if (s) {
        fprintf(stderr, "%s:%ld: article %s not queued: %s\n", file, line, cli_id(art->id, idb, sizeof idb),
                err.msg);
        if (s != SR_ERR_LIMIT)
            return -1;
        k->rejected++;
        return 0;
    }
    k->sent++;
    double t = cli_now();
    if (k->show && t - k->last > 0.25) {
        k->last = t;
        fprintf(stderr, "\r%zu articles queued, %.0f articles/s   ", k->sent, k->sent / (t - k->t0 + 1e-9));
    }
    return 0;
}

/* The queue, or a message and the exit status when it cannot be had. */
static int open_queue(const qopts *o, sr_queue **q)
{
    sr_error err;
    if (!sr_queue_open(&o->q, q, &err))
        return EXIT_OK;
    cli_print_err(&err);
    return err.status == SR_ERR_INVALID ? EXIT_USAGE : EXIT_FATAL;
}

int cmd_submit(int argc, char **argv)
{
    static qopts o; /* large (its file list): not on the stack */
    int pa = queue_parse_args(argc, argv, "submit", "--queue --stream --ack-wait --progress --no-progress -q --quiet", 1,
                        usage_submit, &o);
    if (pa)
        return pa == 1 ? EXIT_OK : EXIT_USAGE;
    sr_error err;
    sr_queue *q;
    int status = open_queue(&o, &q);
    if (status)
        return status;
    sr_queue_on_refused(q, on_refused, NULL);
    submit_run k;
    memset(&k, 0, sizeof k);
    k.q = q;
    k.quiet = o.quiet;
    k.show = o.prog_flag >= 0 ? o.prog_flag : isatty(2);
    k.t0 = cli_now();
    for (size_t i = 0; i < o.nfiles && status == EXIT_OK; i++)
        if (cli_each_article(o.files[i], &k.rejected, submit_one, &k))
            status = EXIT_FATAL;
    sr_queue_tally t = {0, 0, 0};
    if (sr_queue_submit_wait(q, 120000, &t, &err)) {
        cli_print_err(&err);
        status = EXIT_FATAL;
    }
    if (k.show)
        fprintf(stderr, "\n");
    if (!o.quiet)
        fprintf(stderr,
                "%s submit: %zu articles read: %zu queued, %zu in the queue already, %zu rejected, "
                "%zu refused by the server, %zu not acknowledged\n",
                prog, k.seen, t.acked - t.duplicate, t.duplicate, k.rejected, t.refused,
                k.sent > t.acked + t.refused ? k.sent - t.acked - t.refused : 0);
    if (status == EXIT_OK && t.acked + t.refused < k.sent)
        status = EXIT_FATAL;
    if (status == EXIT_OK && (k.rejected || t.refused))
        status = EXIT_REJECTED;
    sr_queue_close(q);
    return status;
}

/* ---- queue status / queue dead ------------------------------------------ */

void usage_queue(FILE *f)
{
    fprintf(f,
            "usage: sitrep queue status [OPTIONS]\n"
            "       sitrep queue dead [OPTIONS]\n"
            "\n"
            "status: the work queue's state: articles queued (ever), pending (not yet\n"
            "delivered), in flight (delivered to a worker, not acknowledged), done\n"
            "(stored, or found stored, and acknowledged), dead letters, deliveries\n"
            "repeated, and the rate at which articles are done, measured over --interval.\n"
            "dead: every dead letter as a JSON line: its place in the dead-letter stream,\n"
            "the article id, the reason, and how often it was delivered.\n"
            "\n"
            "options:\n"
            "      --queue URL     the NATS server (default: $SITREP_QUEUE, else\n"
            "                      nats://127.0.0.1:4222)\n"
            "      --stream NAME   the stream (default SITREP)\n"
            "      --interval S    seconds between the two readings that give the rate\n"
            "                      (default 1; 0: no rate)\n"
            "      --json          status as one JSON object\n"
            "  -h, --help          show this help\n"
            "\n"
            "environment:\n"
            "  SITREP_QUEUE  the NATS server when --queue is not given\n"
            "\n"
            "exit status: 0 done, 2 usage error, 1 the server cannot be reached or failed.\n");
}

static int print_dead(void *ctx, unsigned long long seq, const char *id, const char *reason,
                      unsigned long deliveries)
{
    (void)ctx;
    cJSON *o = cJSON_CreateObject();
    char *line = NULL;
    if (o && cJSON_AddNumberToObject(o, "seq", (double)seq) && cJSON_AddStringToObject(o, "id", id) &&
        cJSON_AddStringToObject(o, "reason", reason) && cJSON_AddNumberToObject(o, "deliveries", (double)deliveries))
        line = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!line)
        return 1;
    puts(line);
    free(line);
    return 0;
}

int cmd_queue(int argc, char **argv)
{
    static qopts o;
    if (argc < 2 || (strcmp(argv[1], "status") && strcmp(argv[1], "dead"))) {
        if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
            usage_queue(stdout);
            return EXIT_OK;
        }
        fprintf(stderr, "%s queue: %s\n", prog, argc < 2 ? "a subcommand is needed: status or dead"
                                                          : "unknown subcommand (status or dead)");
        usage_queue(stderr);
        return EXIT_USAGE;
    }
    int dead = !strcmp(argv[1], "dead");
    int pa = queue_parse_args(argc - 1, argv + 1, "queue", dead ? "--queue --stream" : "--queue --stream --interval --json",
                        0, usage_queue, &o);
    if (pa)
        return pa == 1 ? EXIT_OK : EXIT_USAGE;
    sr_error err;
    sr_queue *q;
    int status = open_queue(&o, &q);
    if (status)
        return status;
    if (dead) {
        if (sr_queue_dead_letters(q, print_dead, NULL, &err)) {
            cli_print_err(&err);
            status = EXIT_FATAL;
        }
        sr_queue_close(q);
        return status;
    }
    sr_queue_status a, b;
    double t0 = cli_now(), rate = -1;
    if (sr_queue_get_status(q, &a, &err)) {
        cli_print_err(&err);
        sr_queue_close(q);
        return EXIT_FATAL;
    }
    b = a;
    if (o.interval > 0) {
        cli_sleep(o.interval);
        if (sr_queue_get_status(q, &b, &err)) {
            cli_print_err(&err);
            sr_queue_close(q);
            return EXIT_FATAL;
        }
        rate = (double)(b.done + b.dead - (a.done + a.dead)) / (cli_now() - t0);
    }
    if (o.json) {
        char r[32] = "null";
        if (rate >= 0)
            snprintf(r, sizeof r, "%.1f", rate);
        printf("{\"stream\":\"%s\",\"queued\":%llu,\"pending\":%llu,\"in_flight\":%llu,\"done\":%llu,"
               "\"dead\":%llu,\"redelivered\":%llu,\"rate\":%s}\n",
               o.q.stream ? o.q.stream : "SITREP", b.queued, b.pending, b.inflight, b.done, b.dead, b.redelivered, r);
    } else {
        printf("stream       %s at %s\n", o.q.stream ? o.q.stream : "SITREP", o.q.url);
        printf("queued       %llu\npending      %llu\nin flight    %llu\ndone         %llu\n"
               "dead letters %llu\nredelivered  %llu\n",
               b.queued, b.pending, b.inflight, b.done, b.dead, b.redelivered);
        if (rate >= 0)
            printf("rate         %.1f articles/s (over %.0f s)\n", rate, o.interval);
    }
    sr_queue_close(q);
    return status;
}
