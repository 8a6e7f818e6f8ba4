/* sitrep worker: takes batches of articles from the NATS JetStream work
 * queue, codes them with N threads (the pipeline of code and ingest),
 * writes each batch to the store in one transaction (the batch ingest),
 * and acknowledges its messages only after the commit.
 *
 * Why acknowledging after the commit is enough: a worker killed between
 * the two has its batch delivered again, and the store ignores an article
 * it holds already, so every article has its effect once. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "pipeline.h"
#include "queue_opts.h"
#include "sitrep.h"

static const char *prog = "sitrep";

/* SIGTERM and SIGINT: finish the batch, acknowledge, exit. The one piece
 * of state a signal handler may touch. */
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

void usage_worker(FILE *f)
{
    fprintf(f,
            "usage: sitrep worker [OPTIONS]\n"
            "\n"
            "Codes the articles 'sitrep submit' queued and keeps them in the store, as\n"
            "'sitrep ingest' does: batches taken from the queue's durable consumer are\n"
            "coded with N threads, written in one transaction each, and acknowledged only\n"
            "after the commit. Any number of workers, on any machines, may share one\n"
            "queue and one PostgreSQL store: merged events are the same as one ingest of\n"
            "the same articles. A batch not acknowledged within --ack-wait (its worker\n"
            "died) is delivered again; the store ignores articles it holds already.\n"
            "\n"
            "An article the store refuses is given back and delivered again, and after\n"
            "--max-deliver deliveries sent with the reason to the dead letters (see\n"
            "'sitrep queue dead'); a message that is not an article, or that no coder\n"
            "takes, goes there at once. A lost connection to NATS or to the store is\n"
            "waited out (retried with backoff, the batch kept), never a lost article.\n"
            "SIGTERM or SIGINT: the batch under way is finished and acknowledged, then\n"
            "the worker exits.\n"
            "\n"
            "options:\n"
            "      --queue URL       the NATS server (default: $SITREP_QUEUE, else\n"
            "                        nats://127.0.0.1:4222)\n"
            "      --stream NAME     the stream (default SITREP)\n"
            "      --db URL          the store (default: $SITREP_DB, else sitrep.db);\n"
            "                        PostgreSQL when several workers share it\n"
            "      --data DIR        dictionaries (as for 'sitrep code')\n"
            "      --dict DIR        extra dictionaries; may be repeated\n"
            "  -j, --jobs N          code with N threads (default 1)\n"
            "      --batch N         articles taken at once, 1 to 5000 (default 1000)\n"
            "      --drain           exit 0 once nothing is pending or in flight\n"
            "      --ack-wait S      seconds before an unacknowledged batch goes to another\n"
            "                        worker (default 60; set when the consumer is made)\n"
            "      --max-deliver N   deliveries of a refused article before it is a dead\n"
            "                        letter (default 5)\n"
            "      --progress        show progress on standard error (default on a\n"
            "                        terminal); --no-progress to hide it\n"
            "  -q, --quiet           do not print warnings or the summary\n"
            "  -h, --help            show this help\n"
            "\n"
            "environment:\n"
            "  SITREP_QUEUE              the NATS server when --queue is not given\n"
            "  SITREP_DB                 the store when --db is not given\n"
            "  SITREP_STATEMENT_TIMEOUT  seconds a PostgreSQL statement may take (600)\n"
            "\n"
            "exit status: 0 stopped by --drain or a signal, 2 usage error, 1 the\n"
            "dictionaries or the store's URL are wrong.\n");
}

/* What one worker did; a batch's jobs with where each went. */
typedef struct worker {
    const qopts *o;
    sr_queue *q;
    sr_store *st;
    sr_batch *b;
    cli_pipe *pl;
    sr_queue_job **jobs;
    long *pos;          /* each job's place in the batch, or -1 */
    char **why;         /* a job going to the dead letters: why */
    size_t njobs, done_in_order;
    size_t *order;      /* the jobs submitted to the pipeline, in order */
    size_t norder;
    size_t taken, stored, same, dead, retried;
    int show;
    double t0, last;
} worker;

static void job_why(worker *w, size_t i, const char *fmt, const char *detail)
{
    char b[600];
    snprintf(b, sizeof b, fmt, detail);
    free(w->why[i]);
    w->why[i] = strdup(b);
}

/* The pipeline's `done`, on the main thread in order: a coded article
 * into the batch; one no coder takes is marked for the dead letters. */
static int worker_done(void *ctx, cli_slot *sl)
{
    worker *w = ctx;
    if (sl->msglen && !w->o->quiet)
        fputs(sl->msgs, stderr);
    if (!sl->has_article)
        return 0;
    size_t i = w->order[w->done_in_order++];
    if (sl->st != SR_OK) {
        job_why(w, i, "not coded: %s", sl->err.msg);
        return 0;
    }
    sr_error err;
    if (sr_batch_add(w->b, &sl->a, sl->res, &err)) {
        job_why(w, i, "not stored: %s", err.msg);
        return 0;
    }
    w->pos[i] = (long)sr_batch_count(w->b) - 1;
    return 0;
}

/* Codes the batch's articles into w->b. -1 when out of memory. */
static int code_jobs(worker *w)
{
    w->norder = w->done_in_order = 0;
    for (size_t i = 0; i < w->njobs; i++) {
        sr_queue_job *j = w->jobs[i];
        w->pos[i] = -1;
        unsigned long n = sr_queue_job_deliveries(j);
        /* only a worker dying on it each time delivers a message this
         * often: store nothing, keep it for a person to read */
        if (n > 2 * (unsigned long)(w->o->q.max_deliver ? w->o->q.max_deliver : 5)) {
            char b[64];
            snprintf(b, sizeof b, "%lu", n);
            job_why(w, i, "delivered %s times: the workers it went to stopped on it", b);
            continue;
        }
        sr_article a;
        sr_error err;
        if (sr_queue_job_article(j, &a, &err)) {
            job_why(w, i, "not an article: %s", err.msg);
            continue;
        }
        cli_slot *sl = cli_pipe_slot(w->pl);
        if (!sl || cli_slot_take(sl, &a, "queue", (long)sr_queue_job_seq(j), (size_t)-1))
            return -1;
        w->order[w->norder++] = i;
        if (cli_pipe_submit(w->pl, sl))
            return -1;
    }
    return cli_pipe_drain(w->pl);
}

/* Writes the batch, waiting out a store that fails (its jobs kept from
 * going elsewhere meanwhile). 0 written, -1 given up (a signal came). */
static int write_batch(worker *w, sr_store_tally *t)
{
    double wait = 1;
    for (;;) {
        sr_error err;
        if (w->st && !sr_store_write(w->st, w->b, t, &err))
            return 0;
        if (w->st)
            fprintf(stderr, "%s worker: the store failed: %s: trying again in %.0f s\n", prog, err.msg, wait);
        for (size_t i = 0; i < w->njobs; i++)
            sr_queue_job_busy(w->jobs[i]);
        cli_sleep(wait);
        if (stop_requested)
            return -1;
        wait = wait * 2 > 30 ? 30 : wait * 2;
        sr_store_close(w->st);
        w->st = NULL;
        if (sr_store_open(w->o->db, &w->st, &err)) {
            fprintf(stderr, "%s worker: cannot open the store: %s: trying again\n", prog, err.msg);
            w->st = NULL;
        }
    }
}

/* Every job of the batch ends: acknowledged once stored (or found
 * stored), given back when refused, or a dead letter. */
static void settle(worker *w, int written)
{
    int maxd = w->o->q.max_deliver ? w->o->q.max_deliver : 5;
    for (size_t i = 0; i < w->njobs; i++) {
        sr_queue_job *j = w->jobs[i];
        unsigned long long seq = sr_queue_job_seq(j);
        unsigned long n = sr_queue_job_deliveries(j);
        sr_error why;
        if (!written) {
            sr_queue_job_retry(j, 0);
            w->retried++;
        } else if (w->pos[i] >= 0 && !sr_batch_result(w->b, (size_t)w->pos[i], &why)) {
            sr_queue_job_done(j);
        } else if (w->pos[i] >= 0 && n < (unsigned long)maxd) {
            fprintf(stderr, "queue:%llu: article not stored: %s (delivery %lu of %d: given back)\n", seq, why.msg,
                    n, maxd);
            sr_queue_job_retry(j, 1000 * (int)n);
            w->retried++;
        } else {
            const char *reason = w->pos[i] >= 0 ? why.msg : w->why[i] ? w->why[i] : "not stored";
            sr_error err;
            fprintf(stderr, "queue:%llu: article not stored: %s: sent to the dead letters\n", seq, reason);
            if (sr_queue_job_dead(w->q, j, reason, &err)) {
                cli_print_err(&err);
                w->retried++;
            } else {
                w->dead++;
            }
        }
        free(w->why[i]);
        w->why[i] = NULL;
        w->jobs[i] = NULL;
    }
    w->njobs = 0;
}

/* One batch through: coded, written, settled. -1 when the worker must
 * stop (out of memory, or a signal during a store outage). */
static int run_batch(worker *w)
{
    sr_batch_clear(w->b);
    if (code_jobs(w)) {
        fprintf(stderr, "%s worker: out of memory\n", prog);
        settle(w, 0);
        return -1;
    }
    sr_store_tally t = {0, 0, 0, 0, -1};
    int written = sr_batch_count(w->b) == 0 || write_batch(w, &t) == 0;
    w->taken += w->njobs;
    w->stored += t.added;
    w->same += t.same;
    settle(w, written);
    sr_error err;
    if (sr_queue_sync(w->q, &err) && !w->o->quiet)
        fprintf(stderr, "%s worker: %s (the batch will be delivered again; the store keeps it once)\n", prog,
                err.msg);
    double now = cli_now();
    if (w->show && now - w->last > 0.25) {
        w->last = now;
        fprintf(stderr, "\r%zu articles taken: %zu stored, %zu already there, %zu dead letters, %.0f articles/s   ",
                w->taken, w->stored, w->same, w->dead, w->taken / (now - w->t0 + 1e-9));
    }
    return written ? 0 : -1;
}

/* Waits for the queue (and the store) to answer, with backoff; -1 when a
 * signal came first, -2 when the options are wrong (said). */
static int connect_all(worker *w)
{
    double wait = 0.5;
    int said = 0;
    while (!stop_requested) {
        sr_error err;
        if (!w->q && sr_queue_open(&w->o->q, &w->q, &err)) {
            w->q = NULL;
            if (err.status == SR_ERR_INVALID) {
                cli_print_err(&err);
                return -2;
            }
            if (!said++)
                fprintf(stderr, "%s worker: %s: waiting for it\n", prog, err.msg);
        }
        if (!w->st && sr_store_open(w->o->db, &w->st, &err)) {
            w->st = NULL;
            if (err.status == SR_ERR_INVALID) {
                cli_print_err(&err);
                return -2;
            }
            if (!said++)
                fprintf(stderr, "%s worker: %s: waiting for it\n", prog, err.msg);
        }
        if (w->q && w->st)
            return 0;
        cli_sleep(wait);
        wait = wait * 2 > 10 ? 10 : wait * 2;
    }
    return -1;
}

/* The loop: fetch, code, write, acknowledge. */
static int work(worker *w)
{
    double wait = 0.5;
    int said = 0;
    while (!stop_requested) {
        sr_error err;
        size_t n = 0;
        /* draining, an empty queue is seen sooner */
        int wait_ms = w->o->drain ? 200 : 1000;
        if (sr_queue_fetch(w->q, w->jobs, (size_t)w->o->batch, wait_ms, &n, &err)) {
            if (!said++)
                fprintf(stderr, "%s worker: %s: waiting for the queue\n", prog, err.msg);
            cli_sleep(wait);
            wait = wait * 2 > 10 ? 10 : wait * 2;
            continue;
        }
        said = 0;
        wait = 0.5;
        w->njobs = n;
        if (n && run_batch(w))
            return -1;
        /* a short batch may have been the last: ask now rather than after
         * another fetch's wait */
        if (n < (size_t)w->o->batch && w->o->drain) {
            sr_queue_status qs;
            if (!sr_queue_get_status(w->q, &qs, &err) && !qs.pending && !qs.inflight)
                return 0;
        }
    }
    return 0;
}

int cmd_worker(int argc, char **argv)
{
    static qopts o;
    int pa = queue_parse_args(argc, argv, "worker",
                        "--queue --stream --db --data --dict -j --jobs --batch --drain --ack-wait --max-deliver "
                        "--progress --no-progress -q --quiet",
                        0, usage_worker, &o);
    if (pa)
        return pa == 1 ? EXIT_OK : EXIT_USAGE;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    sr_error err;
    sr_engine *eng;
    if (sr_engine_open(&o.opts, &eng, &err)) {
        cli_print_err(&err);
        return EXIT_FATAL;
    }
    worker w;
    memset(&w, 0, sizeof w);
    w.o = &o;
    size_t nb = (size_t)o.batch;
    w.jobs = calloc(nb, sizeof *w.jobs);
    w.pos = calloc(nb, sizeof *w.pos);
    w.why = calloc(nb, sizeof *w.why);
    w.order = calloc(nb, sizeof *w.order);
    w.b = sr_batch_new();
    w.pl = cli_pipe_new(eng, o.jobs, 0, NULL, worker_done, &w);
    int status = EXIT_OK;
    if (!w.jobs || !w.pos || !w.why || !w.order || !w.b || !w.pl) {
        fprintf(stderr, "%s worker: out of memory, or no thread could start\n", prog);
        status = EXIT_FATAL;
    }
    w.show = o.prog_flag >= 0 ? o.prog_flag : isatty(2);
    w.t0 = cli_now();
    int c = status == EXIT_OK ? connect_all(&w) : 0;
    if (c == -2)
        status = EXIT_USAGE;
    else if (c && !stop_requested)
        status = EXIT_FATAL;
    if (status == EXIT_OK && w.q && w.st && work(&w))
        status = EXIT_FATAL;
    if (w.show)
        fprintf(stderr, "\n");
    if (!o.quiet)
        fprintf(stderr,
                "%s worker: %zu articles taken: %zu stored, %zu already there, %zu dead letters, %zu given back%s\n",
                prog, w.taken, w.stored, w.same, w.dead, w.retried, stop_requested ? " (stopped by a signal)" : "");
    cli_pipe_free(w.pl);
    sr_batch_free(w.b);
    free(w.jobs);
    free(w.pos);
    free(w.why);
    free(w.order);
    sr_queue_close(w.q);
    sr_store_close(w.st);
    sr_engine_free(eng);
    return status;
}
