/* The ordered coding pipeline that `sitrep code` and `sitrep ingest` both
 * run. The main thread reads articles into a ring of slots; coder threads
 * code them; the main thread hands every slot, in input order, to the
 * command's `done` callback (which writes events out or adds them to the
 * store). Messages about an input record travel in its slot, so they come
 * out in input order whatever the number of threads.
 *
 * A command that turns the result into output on the coder thread gives a
 * `work` callback: then each thread keeps one coder and the result is gone
 * once `work` returns. Without it each slot owns a coder, so its result
 * lives until `done` has used it. With no threads, every article is coded
 * on the main thread as it is submitted. */
#ifndef SR_CLI_PIPELINE_H
#define SR_CLI_PIPELINE_H
#include <stddef.h>

#include "sitrep.h"

typedef struct cli_slot {
    /* the article being coded, copied: the reader's strings live until
     * its next call */
    sr_article a;
    int has_article;
    const char *file; /* where it was read */
    long line;
    /* after coding */
    sr_status st;
    sr_error err;
    sr_result *res; /* NULL after `work` */
    /* lines for standard error, printed in input order */
    char *msgs;
    size_t msglen, msgcap;
    /* output made by `work` */
    char *out;
    size_t outlen, outcap;
    size_t events, sentences;
    int rejected, coded;
    /* the pipeline's own */
    int state;
    sr_coder *coder;
    char *id, *text, *date, *title, *source, *url;
} cli_slot;

typedef void (*cli_work_fn)(void *ctx, cli_slot *s);
typedef int (*cli_done_fn)(void *ctx, cli_slot *s);

typedef struct cli_pipe cli_pipe;

/* threads: coder threads, 0 to code on the main thread. explain: coders
 * keep their account (sitrep code --explain). NULL out of memory or when
 * no thread starts. */
cli_pipe *cli_pipe_new(const sr_engine *eng, int threads, int explain, cli_work_fn work, cli_done_fn done,
                       void *ctx);
/* A free slot for the next record; slots coded by then are handed to
 * `done` first. NULL when `done` failed (or out of memory). */
cli_slot *cli_pipe_slot(cli_pipe *p);
/* Copies the article into the slot, at most max bytes of its text (the
 * coder would read no further, and a 50 MB line should not cost two more
 * 50 MB copies): a warning says so. 0, or -1 out of memory. */
int cli_slot_take(cli_slot *s, const sr_article *a, const char *file, long line, size_t max);
/* Adds a line for standard error to the slot. */
int cli_slot_msg(cli_slot *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The slot goes to be coded; a slot without an article carries only its
 * messages, which keep their place. -1 when `done` failed. */
int cli_pipe_submit(cli_pipe *p, cli_slot *s);
/* Everything submitted so far handed to `done`; -1 when it failed. */
int cli_pipe_drain(cli_pipe *p);
/* Stops the threads; what was not drained is dropped. */
void cli_pipe_free(cli_pipe *p);

#endif
