/* The command-line program's commands, one file each group. */
#ifndef SR_CLI_H
#define SR_CLI_H
#include <stddef.h>
#include <stdio.h>

/* Exit statuses: scripts tell "all fine" from "some input rejected". */
enum { EXIT_OK = 0, EXIT_FATAL = 1, EXIT_USAGE = 2, EXIT_REJECTED = 3 };

/* msg.c */
#define CLI_ID_SHOWN 80
/* buf of at least CLI_ID_BUF bytes */
#define CLI_ID_BUF (4 * CLI_ID_SHOWN + 32)
const char *cli_id(const char *id, char *buf, size_t cap);
/* YYYY-MM-DD naming a day that exists */
int cli_valid_date(const char *s);
/* --db's default: $SITREP_DB, else sitrep.db in the working directory */
const char *cli_default_db(void);
/* Seconds on a monotonic clock (for rates and progress), and a pause. */
double cli_now(void);
void cli_sleep(double s);
/* An error as FILE:LINE: reason, or sitrep: reason, on standard error. */
struct sr_error;
void cli_print_err(const struct sr_error *err);
/* One article read (valid during the call), where it was read, and the
 * reader's warning about it or NULL. Non-zero stops the reading. */
struct sr_article;
typedef int (*cli_article_fn)(void *ctx, const struct sr_article *a, const char *file, long line,
                              const char *warning);
int cli_each_article(const char *file, size_t *rejected, cli_article_fn fn, void *ctx);

/* serve_cmd.c */
int cmd_serve(int argc, char **argv);
void usage_serve(FILE *f);

/* queue_cmd.c, worker_cmd.c */
int cmd_submit(int argc, char **argv);
int cmd_worker(int argc, char **argv);
int cmd_queue(int argc, char **argv);
void usage_submit(FILE *f);
void usage_worker(FILE *f);
void usage_queue(FILE *f);

/* store_cmd.c */
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_control(int argc, char **argv);
int cmd_stats(int argc, char **argv);
void usage_ingest(FILE *f);
void usage_query(FILE *f);
void usage_control(FILE *f);
void usage_stats(FILE *f);

#endif
