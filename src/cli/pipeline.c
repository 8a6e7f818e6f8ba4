/* The ordered coding pipeline: see pipeline.h. */
#include "pipeline.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { SLOT_FREE, SLOT_READY, SLOT_CODING, SLOT_CODED };

#define MAX_THREADS 256
/* Slots per thread: enough that one long article at the head of the ring
 * seldom leaves the other threads without work. A slot that owns a coder
 * costs the coder's memory, so fewer of those. */
#define SLOTS_PER_THREAD 16
#define CODER_SLOTS_PER_THREAD 4

struct cli_pipe {
    cli_slot *slot;
    size_t nslots;
    size_t head, tail, next_code; /* handed to done, filled, coded (monotonic) */
    cli_work_fn work;
    cli_done_fn done;
    void *ctx;
    int failed, quit;
    /* threads wait only when there is nothing to do; the other side
     * signals only when someone waits */
    int idle_workers, main_waits;
    size_t want; /* the slot the main thread waits to see coded */
    pthread_mutex_t mu;
    pthread_cond_t more, coded;
    pthread_t th[MAX_THREADS];
    sr_coder *coders[MAX_THREADS]; /* with `work`: one per thread */
    int nth;
    sr_coder *inline_coder; /* no threads, with `work` */
};

typedef struct thread_arg {
    cli_pipe *p;
    int t;
} thread_arg;

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

int cli_slot_msg(cli_slot *s, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    size_t len = (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1;
    if (s->msglen + len + 1 > s->msgcap) {
        size_t nc = s->msgcap ? s->msgcap * 2 : 256;
        while (nc < s->msglen + len + 1)
            nc *= 2;
        char *nm = realloc(s->msgs, nc);
        if (!nm)
            return -1;
        s->msgs = nm;
        s->msgcap = nc;
    }
    memcpy(s->msgs + s->msglen, tmp, len);
    s->msglen += len;
    s->msgs[s->msglen] = 0;
    return 0;
}

/* Empties a slot for its next record; its coder and buffers stay. */
static void slot_clear(cli_slot *s)
{
    free(s->id);
    free(s->text);
    free(s->date);
    free(s->title);
    free(s->source);
    free(s->url);
    s->id = s->text = s->date = s->title = s->source = s->url = NULL;
    memset(&s->a, 0, sizeof s->a);
    s->has_article = 0;
    s->file = NULL;
    s->line = 0;
    s->st = SR_OK;
    s->res = NULL;
    s->msglen = s->outlen = 0;
    if (s->msgs)
        s->msgs[0] = 0;
    s->events = s->sentences = 0;
    s->rejected = s->coded = 0;
    s->state = SLOT_FREE;
}

int cli_slot_take(cli_slot *s, const sr_article *a, const char *file, long line, size_t max)
{
    size_t n = a->text_len ? a->text_len : strlen(a->text);
    s->file = file;
    s->line = line;
    if (n > max) {
        size_t keep = max;
        while (keep > 0 && ((unsigned char)a->text[keep] & 0xC0) == 0x80)
            keep--; /* not inside a UTF-8 sequence */
        char idb[CLI_ID_BUF];
        if (line > 0)
            cli_slot_msg(s, "%s:%ld: warning: article %s: %zu bytes, longer than the limit of %zu; the rest was not "
                            "coded\n",
                         file, line, cli_id(a->id, idb, sizeof idb), n, max);
        else
            cli_slot_msg(s,
                         "%s: warning: article %s: %zu bytes, longer than the limit of %zu; the rest was not coded\n",
                         file, cli_id(a->id, idb, sizeof idb), n, max);
        n = keep;
    }
    s->id = strdup(a->id);
    s->text = malloc(n + 1);
    s->date = dup_or_null(a->date);
    s->title = dup_or_null(a->title);
    s->source = dup_or_null(a->source);
    s->url = dup_or_null(a->url);
    if (!s->id || !s->text || (a->date && !s->date) || (a->title && !s->title) || (a->source && !s->source) ||
        (a->url && !s->url))
        return -1;
    memcpy(s->text, a->text, n);
    s->text[n] = 0;
    s->a.id = s->id;
    s->a.text = s->text;
    s->a.text_len = n;
    s->a.date = s->date;
    s->a.title = s->title;
    s->a.source = s->source;
    s->a.url = s->url;
    s->has_article = 1;
    return 0;
}

/* Codes a slot with coder c (the slot's own when c is NULL). */
static void code_slot(cli_pipe *p, cli_slot *s, sr_coder *c)
{
    if (!s->has_article)
        return;
    s->st = sr_code(c ? c : s->coder, &s->a, &s->res, &s->err);
    if (s->st != SR_OK)
        s->res = NULL;
    if (p->work) {
        p->work(p->ctx, s);
        s->res = NULL;
    }
}

static void *coder_thread(void *arg)
{
    thread_arg *ta = arg;
    cli_pipe *p = ta->p;
    sr_coder *c = p->work ? p->coders[ta->t] : NULL;
    free(ta);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && p->next_code == p->tail) {
            p->idle_workers++;
            pthread_cond_wait(&p->more, &p->mu);
            p->idle_workers--;
        }
        if (p->next_code == p->tail)
            break;
        cli_slot *s = &p->slot[p->next_code++ % p->nslots];
        s->state = SLOT_CODING;
        pthread_mutex_unlock(&p->mu);
        code_slot(p, s, c);
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_CODED;
        if (p->main_waits && p->slot[p->want % p->nslots].state == SLOT_CODED)
            pthread_cond_signal(&p->coded);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

cli_pipe *cli_pipe_new(const sr_engine *eng, int threads, int explain, cli_work_fn work, cli_done_fn done,
                       void *ctx)
{
    if (threads < 0 || threads > MAX_THREADS)
        return NULL;
    cli_pipe *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->work = work;
    p->done = done;
    p->ctx = ctx;
    p->nslots = threads ? (size_t)threads * (work ? SLOTS_PER_THREAD : CODER_SLOTS_PER_THREAD) : 1;
    p->slot = calloc(p->nslots, sizeof *p->slot);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->more, NULL);
    pthread_cond_init(&p->coded, NULL);
    int ok = p->slot != NULL;
    /* coders: one per thread with `work`, else one per slot */
    size_t ncoders = work ? (threads ? (size_t)threads : 1) : p->nslots;
    for (size_t i = 0; ok && i < ncoders; i++) {
        sr_coder *c = sr_coder_new(eng);
        if (!c) {
            ok = 0;
            break;
        }
        sr_coder_set_explain(c, explain);
        if (!work)
            p->slot[i].coder = c;
        else if (threads)
            p->coders[i] = c;
        else
            p->inline_coder = c;
    }
    for (int t = 0; ok && t < threads; t++) {
        thread_arg *ta = malloc(sizeof *ta);
        if (!ta || (ta->p = p, ta->t = t, pthread_create(&p->th[t], NULL, coder_thread, ta))) {
            free(ta);
            ok = 0;
            break;
        }
        p->nth = t + 1;
    }
    if (!ok) {
        cli_pipe_free(p);
        return NULL;
    }
    return p;
}

/* Waits until slot idx is coded; the lock is held. */
static void wait_coded(cli_pipe *p, size_t idx)
{
    while (p->slot[idx % p->nslots].state != SLOT_CODED) {
        p->want = idx;
        p->main_waits = 1;
        pthread_cond_wait(&p->coded, &p->mu);
        p->main_waits = 0;
    }
}

/* Hands the head slot to done once it is coded; the lock is held on entry
 * and on return. */
static void finish_head(cli_pipe *p)
{
    cli_slot *h = &p->slot[p->head % p->nslots];
    wait_coded(p, p->head);
    pthread_mutex_unlock(&p->mu);
    if (!p->failed && p->done(p->ctx, h))
        p->failed = 1;
    slot_clear(h);
    pthread_mutex_lock(&p->mu);
    p->head++;
}

cli_slot *cli_pipe_slot(cli_pipe *p)
{
    pthread_mutex_lock(&p->mu);
    /* A full ring: wait until half of it is coded and hand that over at
     * once. Waking the main thread for every article took a sixth of the
     * coders' time on two cores. */
    if (p->tail - p->head == p->nslots && p->nslots >= 2)
        wait_coded(p, p->head + p->nslots / 2 - 1);
    while (p->tail - p->head == p->nslots ||
           (p->tail > p->head && p->slot[p->head % p->nslots].state == SLOT_CODED))
        finish_head(p);
    pthread_mutex_unlock(&p->mu);
    if (p->failed)
        return NULL;
    cli_slot *s = &p->slot[p->tail % p->nslots];
    slot_clear(s);
    return s;
}

int cli_pipe_submit(cli_pipe *p, cli_slot *s)
{
    if (!p->nth) {
        /* no threads: code it here and hand it over at once */
        code_slot(p, s, p->work ? p->inline_coder : NULL);
        s->state = SLOT_CODED;
        p->tail++;
        pthread_mutex_lock(&p->mu);
        finish_head(p);
        pthread_mutex_unlock(&p->mu);
        return p->failed ? -1 : 0;
    }
    pthread_mutex_lock(&p->mu);
    /* a slot with only messages goes through a thread too, which finds
     * nothing to code: the order of the ring stays simple */
    s->state = SLOT_READY;
    p->tail++;
    if (p->idle_workers)
        pthread_cond_signal(&p->more);
    pthread_mutex_unlock(&p->mu);
    return p->failed ? -1 : 0;
}

int cli_pipe_drain(cli_pipe *p)
{
    pthread_mutex_lock(&p->mu);
    while (p->head < p->tail)
        finish_head(p);
    pthread_mutex_unlock(&p->mu);
    return p->failed ? -1 : 0;
}

void cli_pipe_free(cli_pipe *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->quit = 1;
    pthread_cond_broadcast(&p->more);
    pthread_mutex_unlock(&p->mu);
    for (int t = 0; t < p->nth; t++)
        pthread_join(p->th[t], NULL);
    for (size_t i = 0; p->slot && i < p->nslots; i++) {
        slot_clear(&p->slot[i]);
        free(p->slot[i].msgs);
        free(p->slot[i].out);
        sr_coder_free(p->slot[i].coder);
    }
    for (int t = 0; t < MAX_THREADS; t++)
        sr_coder_free(p->coders[t]);
    sr_coder_free(p->inline_coder);
    free(p->slot);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->more);
    pthread_cond_destroy(&p->coded);
    free(p);
}
