/* The work queue on NATS JetStream (libnats), as sitrep.h describes it.
 *
 * In: articles to queue (submit), or the worker's pulls, acks and dead
 * letters. Out: messages in the stream NAME (work-queue retention, file
 * storage, a day's window of message ids for deduplication), one durable
 * pull consumer "workers", and dead letters in NAME_DEAD.
 *
 * Why a work queue on the server rather than our own: "sitrep scales out
 * on an existing distributed engine, not a home-made queue". Delivery is
 * at least once (a worker killed before its ack has its batch delivered
 * again after ack_wait); the store makes a second delivery harmless, since
 * an article already stored changes nothing. */
#include <ctype.h>
#include <nats/nats.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue.h"
#include "../util/error.h"

#define CONSUMER "workers"
#define NS_PER_S 1000000000LL
/* "submitting a file twice does not queue its articles twice": the
 * server remembers message ids this long */
#define DEDUP_WINDOW_S (24 * 3600LL)
/* publishes waiting for their acknowledgement before submit stalls */
#define MAX_PENDING_PUBLISH 4096
/* a publish whose acknowledgement was lost is sent again this often */
#define MAX_RESEND 20
/* a publish not acknowledged by then is sent again */
#define PUBLISH_ACK_WAIT_MS 10000

struct sr_queue {
    natsConnection *nc;
    jsCtx *js;
    natsSubscription *sub; /* made at the first fetch */
    char stream[128], dead_stream[140], subject[160], dead_subject[160];
    int ack_wait, max_deliver;
    /* submit's acknowledgements, counted on libnats' thread */
    pthread_mutex_t mu;
    size_t sent;
    sr_queue_tally tally;
    sr_queue_refused_fn refused_fn;
    void *refused_ctx;
    natsMsg *resend[MAX_PENDING_PUBLISH]; /* not acknowledged: to send again */
    size_t nresend;
};

struct sr_queue_job {
    natsMsg *msg;
    sr_queue_decoded *dec;
    unsigned long deliveries;
    unsigned long long seq;
};

static sr_status nats_fail(sr_error *err, const char *what, natsStatus s, jsErrCode jerr)
{
    const char *last = nats_GetLastError(NULL);
    if (jerr)
        return sr_fail(err, SR_ERR_QUEUE, "queue", 0, "%s: %s (JetStream error %d)", what,
                       last && *last ? last : natsStatus_GetText(s), (int)jerr);
    return sr_fail(err, SR_ERR_QUEUE, "queue", 0, "%s: %s", what, last && *last ? last : natsStatus_GetText(s));
}

static int valid_stream(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > 100)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-')
            return 0;
    return 1;
}

/* libnats' thread: a publish acknowledged, or not. A lost or late
 * acknowledgement (the server restarting) is kept to be sent again by the
 * submitting thread (publishing from here could wait on this very thread);
 * the message id keeps the stream from holding it twice. A refusal by
 * JetStream itself is told. */
static void on_publish_ack(jsCtx *js, natsMsg *msg, jsPubAck *pa, jsPubAckErr *pae, void *closure)
{
    (void)js;
    sr_queue *q = closure;
    pthread_mutex_lock(&q->mu);
    if (pa || !pae) {
        q->tally.acked++;
        q->tally.duplicate += pa && pa->Duplicate;
    } else {
        const char *tries = NULL;
        natsMsgHeader_Get(msg, "Sitrep-Tries", &tries);
        int n = tries ? atoi(tries) : 0;
        if (!pae->ErrCode && n < MAX_RESEND && q->nresend < MAX_PENDING_PUBLISH) {
            char b[16];
            snprintf(b, sizeof b, "%d", n + 1);
            natsMsgHeader_Set(msg, "Sitrep-Tries", b);
            q->resend[q->nresend++] = msg;
            msg = NULL;
        } else {
            const char *id = NULL;
            natsMsgHeader_Get(msg, "Nats-Msg-Id", &id);
            q->tally.refused++;
            if (q->refused_fn)
                q->refused_fn(q->refused_ctx, id ? id : "?",
                              pae->ErrText ? pae->ErrText : natsStatus_GetText(pae->Err));
        }
    }
    pthread_mutex_unlock(&q->mu);
    natsMsg_Destroy(msg);
}

/* On the submitting thread: publishes again what was not acknowledged. */
static natsStatus resend(sr_queue *q, size_t *n)
{
    natsMsg *list[MAX_PENDING_PUBLISH];
    pthread_mutex_lock(&q->mu);
    *n = q->nresend;
    memcpy(list, q->resend, *n * sizeof *list);
    q->nresend = 0;
    pthread_mutex_unlock(&q->mu);
    natsStatus s = NATS_OK;
    jsPubOptions po;
    jsPubOptions_Init(&po);
    po.MaxWait = PUBLISH_ACK_WAIT_MS;
    for (size_t i = 0; i < *n; i++) {
        if (s == NATS_OK)
            s = js_PublishMsgAsync(q->js, &list[i], &po);
        natsMsg_Destroy(list[i]);
    }
    return s;
}

static sr_status add_stream(sr_queue *q, const char *name, const char *subject, int work, sr_error *err)
{
    jsStreamConfig sc;
    jsStreamConfig_Init(&sc);
    const char *subs[1] = {subject};
    sc.Name = name;
    sc.Subjects = subs;
    sc.SubjectsLen = 1;
    sc.Storage = js_FileStorage;
    sc.Retention = work ? js_WorkQueuePolicy : js_LimitsPolicy;
    sc.Duplicates = DEDUP_WINDOW_S * NS_PER_S;
    jsStreamInfo *si = NULL;
    jsErrCode jerr = 0;
    natsStatus s = js_AddStream(&si, q->js, &sc, NULL, &jerr);
    jsStreamInfo_Destroy(si);
    si = NULL;
    if (s == NATS_OK)
        return SR_OK;
    /* there already, perhaps made by another version with other limits:
     * use it as it is */
    if (js_GetStreamInfo(&si, q->js, name, NULL, &jerr) == NATS_OK) {
        jsStreamInfo_Destroy(si);
        return SR_OK;
    }
    char what[200];
    snprintf(what, sizeof what, "cannot make the stream %s", name);
    return nats_fail(err, what, s, jerr);
}

static sr_status add_consumer(sr_queue *q, sr_error *err)
{
    jsConsumerConfig cc;
    jsConsumerConfig_Init(&cc);
    cc.Durable = CONSUMER;
    cc.AckPolicy = js_AckExplicit;
    cc.AckWait = (int64_t)q->ack_wait * NS_PER_S;
    /* the worker counts deliveries and sends what it cannot store to the
     * dead letters: were the server to stop delivering instead, an
     * article would sit in the stream, neither stored nor dead */
    cc.MaxDeliver = -1;
    cc.MaxAckPending = 20000;
    cc.FilterSubject = q->subject;
    jsConsumerInfo *ci = NULL;
    jsErrCode jerr = 0;
    natsStatus s = js_AddConsumer(&ci, q->js, q->stream, &cc, NULL, &jerr);
    jsConsumerInfo_Destroy(ci);
    ci = NULL;
    if (s == NATS_OK)
        return SR_OK;
    if (js_GetConsumerInfo(&ci, q->js, q->stream, CONSUMER, NULL, &jerr) == NATS_OK) {
        jsConsumerInfo_Destroy(ci);
        return SR_OK;
    }
    return nats_fail(err, "cannot make the consumer " CONSUMER, s, jerr);
}

static sr_status connect_queue(sr_queue *q, const char *url, sr_error *err)
{
    natsOptions *no = NULL;
    natsStatus s = natsOptions_Create(&no);
    if (s == NATS_OK)
        s = natsOptions_SetURL(no, url);
    /* a restarted server is waited out: reconnect for ever, and keep what
     * is published meanwhile in the client's buffer */
    if (s == NATS_OK)
        s = natsOptions_SetMaxReconnect(no, -1);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectWait(no, 250);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectBufSize(no, 64 * 1024 * 1024);
    if (s == NATS_OK)
        s = natsOptions_SetTimeout(no, 3000);
    if (s == NATS_OK)
        s = natsConnection_Connect(&q->nc, no);
    natsOptions_Destroy(no);
    if (s != NATS_OK) {
        char what[600];
        snprintf(what, sizeof what, "cannot reach NATS at %s", url);
        return nats_fail(err, what, s, 0);
    }
    jsOptions jo;
    jsOptions_Init(&jo);
    jo.Wait = 10000;
    jo.PublishAsync.MaxPending = MAX_PENDING_PUBLISH;
    jo.PublishAsync.StallWait = 60000;
    jo.PublishAsync.AckHandler = on_publish_ack;
    jo.PublishAsync.AckHandlerClosure = q;
    s = natsConnection_JetStream(&q->js, q->nc, &jo);
    if (s != NATS_OK)
        return nats_fail(err, "JetStream", s, 0);
    return SR_OK;
}

sr_status sr_queue_open(const sr_queue_options *o, sr_queue **out, sr_error *err)
{
    *out = NULL;
    if (!o->url || strncmp(o->url, "nats://", 7) || !o->url[7])
        return sr_fail(err, SR_ERR_INVALID, "queue", 0, "the queue is a NATS URL, nats://HOST:PORT, not '%s'",
                       o->url ? o->url : "");
    const char *stream = o->stream ? o->stream : "SITREP";
    if (!valid_stream(stream))
        return sr_fail(err, SR_ERR_INVALID, "queue", 0,
                       "a stream name is 1 to 100 letters, digits, '_' or '-', not '%s'", stream);
    sr_queue *q = calloc(1, sizeof *q);
    if (!q)
        return sr_fail(err, SR_ERR_NOMEM, "queue", 0, "out of memory");
    pthread_mutex_init(&q->mu, NULL);
    snprintf(q->stream, sizeof q->stream, "%s", stream);
    snprintf(q->dead_stream, sizeof q->dead_stream, "%s_DEAD", stream);
    snprintf(q->subject, sizeof q->subject, "%s.articles", stream);
    snprintf(q->dead_subject, sizeof q->dead_subject, "%s.dead", stream);
    q->ack_wait = o->ack_wait > 0 ? o->ack_wait : 60;
    q->max_deliver = o->max_deliver > 0 ? o->max_deliver : 5;
    sr_status s = connect_queue(q, o->url, err);
    if (!s)
        s = add_stream(q, q->stream, q->subject, 1, err);
    if (!s)
        s = add_stream(q, q->dead_stream, q->dead_subject, 0, err);
    if (!s)
        s = add_consumer(q, err);
    if (s) {
        sr_queue_close(q);
        return s;
    }
    *out = q;
    return SR_OK;
}

void sr_queue_close(sr_queue *q)
{
    if (!q)
        return;
    if (q->js && q->sent) {
        jsPubOptions po;
        jsPubOptions_Init(&po);
        po.MaxWait = 30000;
        js_PublishAsyncComplete(q->js, &po);
    }
    for (size_t i = 0; i < q->nresend; i++)
        natsMsg_Destroy(q->resend[i]);
    natsSubscription_Destroy(q->sub);
    jsCtx_Destroy(q->js);
    natsConnection_Destroy(q->nc);
    pthread_mutex_destroy(&q->mu);
    free(q);
}

void sr_queue_on_refused(sr_queue *q, sr_queue_refused_fn fn, void *ctx)
{
    pthread_mutex_lock(&q->mu);
    q->refused_fn = fn;
    q->refused_ctx = ctx;
    pthread_mutex_unlock(&q->mu);
}

sr_status sr_queue_submit(sr_queue *q, const sr_article *a, sr_error *err)
{
    size_t len;
    char *body = sr_queue_encode(a, &len);
    if (!body)
        return sr_fail(err, SR_ERR_NOMEM, "queue", 0, "out of memory");
    int64_t maxp = natsConnection_GetMaxPayload(q->nc);
    char mid[SR_QUEUE_MAX_MSG_ID + 1];
    sr_queue_msg_id(a->id, mid);
    if (maxp > 0 && (int64_t)len + (int64_t)strlen(mid) + 64 > maxp) {
        free(body);
        return sr_fail(err, SR_ERR_LIMIT, "queue", 0,
                       "%zu bytes as a message: the server takes at most %lld (its max_payload)", len,
                       (long long)maxp);
    }
    natsMsg *m = NULL;
    natsStatus s = natsMsg_Create(&m, q->subject, NULL, body, (int)len);
    free(body);
    if (s == NATS_OK)
        s = natsMsgHeader_Set(m, "Nats-Msg-Id", mid);
    jsPubOptions po;
    jsPubOptions_Init(&po);
    po.MaxWait = PUBLISH_ACK_WAIT_MS;
    if (s == NATS_OK)
        s = js_PublishMsgAsync(q->js, &m, &po);
    natsMsg_Destroy(m); /* no effect once libnats owns it */
    size_t again = 0;
    if (s == NATS_OK)
        s = resend(q, &again);
    if (s != NATS_OK)
        return nats_fail(err, "cannot publish", s, 0);
    pthread_mutex_lock(&q->mu);
    q->sent++;
    pthread_mutex_unlock(&q->mu);
    return SR_OK;
}

sr_status sr_queue_submit_wait(sr_queue *q, int timeout_ms, sr_queue_tally *t, sr_error *err)
{
    jsPubOptions po;
    jsPubOptions_Init(&po);
    po.MaxWait = timeout_ms;
    natsStatus s = NATS_OK;
    for (int round = 0; round <= MAX_RESEND + 1 && s == NATS_OK; round++) {
        s = js_PublishAsyncComplete(q->js, &po);
        size_t again = 0;
        if (s == NATS_OK)
            s = resend(q, &again);
        if (!again)
            break;
    }
    pthread_mutex_lock(&q->mu);
    if (t)
        *t = q->tally;
    pthread_mutex_unlock(&q->mu);
    if (s != NATS_OK)
        return nats_fail(err, "waiting for the server's acknowledgements", s, 0);
    return SR_OK;
}

sr_status sr_queue_fetch(sr_queue *q, sr_queue_job **jobs, size_t max, int timeout_ms, size_t *n, sr_error *err)
{
    *n = 0;
    natsStatus s = NATS_OK;
    jsErrCode jerr = 0;
    if (!q->sub) {
        jsSubOptions so;
        jsSubOptions_Init(&so);
        so.Stream = q->stream;
        so.Consumer = CONSUMER;
        s = js_PullSubscribe(&q->sub, q->js, q->subject, CONSUMER, NULL, &so, &jerr);
        if (s != NATS_OK) {
            q->sub = NULL;
            return nats_fail(err, "cannot pull from the stream", s, jerr);
        }
    }
    natsMsgList list = {0};
    s = natsSubscription_Fetch(&list, q->sub, (int)(max > 10000 ? 10000 : max), timeout_ms, &jerr);
    if (s == NATS_TIMEOUT)
        return SR_OK;
    if (s != NATS_OK)
        return nats_fail(err, "cannot fetch", s, jerr);
    for (int i = 0; i < list.Count; i++) {
        sr_queue_job *j = calloc(1, sizeof *j);
        if (!j)
            break; /* the rest is delivered again after ack_wait */
        j->msg = list.Msgs[i];
        list.Msgs[i] = NULL;
        jsMsgMetaData *md = NULL;
        if (natsMsg_GetMetaData(&md, j->msg) == NATS_OK) {
            j->deliveries = (unsigned long)md->NumDelivered;
            j->seq = (unsigned long long)md->Sequence.Stream;
            jsMsgMetaData_Destroy(md);
        }
        jobs[(*n)++] = j;
    }
    natsMsgList_Destroy(&list);
    return SR_OK;
}

sr_status sr_queue_job_article(sr_queue_job *j, sr_article *a, sr_error *err)
{
    sr_queue_decoded_free(j->dec);
    j->dec = NULL;
    const char *data = natsMsg_GetData(j->msg);
    int len = natsMsg_GetDataLength(j->msg);
    return sr_queue_decode(data ? data : "", len > 0 ? (size_t)len : 0, a, &j->dec, err);
}

unsigned long sr_queue_job_deliveries(const sr_queue_job *j)
{
    return j->deliveries;
}

unsigned long long sr_queue_job_seq(const sr_queue_job *j)
{
    return j->seq;
}

void sr_queue_job_busy(sr_queue_job *j)
{
    natsMsg_InProgress(j->msg, NULL);
}

static void job_free(sr_queue_job *j)
{
    sr_queue_decoded_free(j->dec);
    natsMsg_Destroy(j->msg);
    free(j);
}

void sr_queue_job_done(sr_queue_job *j)
{
    /* a lost ack is a second delivery, which the store ignores */
    natsMsg_Ack(j->msg, NULL);
    job_free(j);
}

void sr_queue_job_retry(sr_queue_job *j, int delay_ms)
{
    natsMsg_NakWithDelay(j->msg, delay_ms, NULL);
    job_free(j);
}

sr_status sr_queue_job_dead(sr_queue *q, sr_queue_job *j, const char *reason, sr_error *err)
{
    const char *data = natsMsg_GetData(j->msg);
    int len = natsMsg_GetDataLength(j->msg);
    const char *id = NULL;
    natsMsgHeader_Get(j->msg, "Nats-Msg-Id", &id);
    natsMsg *m = NULL;
    natsStatus s = natsMsg_Create(&m, q->dead_subject, NULL, data, len);
    char num[32];
    snprintf(num, sizeof num, "%lu", j->deliveries);
    /* a header value is one line */
    char why[512];
    snprintf(why, sizeof why, "%s", reason);
    for (char *p = why; *p; p++)
        if ((unsigned char)*p < 0x20)
            *p = ' ';
    if (s == NATS_OK)
        s = natsMsgHeader_Set(m, "Sitrep-Reason", why);
    if (s == NATS_OK)
        s = natsMsgHeader_Set(m, "Sitrep-Deliveries", num);
    if (s == NATS_OK && id)
        s = natsMsgHeader_Set(m, "Sitrep-Article", id);
    jsPubAck *pa = NULL;
    jsErrCode jerr = 0;
    if (s == NATS_OK)
        s = js_PublishMsg(&pa, q->js, m, NULL, &jerr);
    jsPubAck_Destroy(pa);
    natsMsg_Destroy(m);
    if (s != NATS_OK) {
        sr_queue_job_retry(j, 1000);
        return nats_fail(err, "cannot write a dead letter", s, jerr);
    }
    sr_queue_job_done(j);
    return SR_OK;
}

sr_status sr_queue_sync(sr_queue *q, sr_error *err)
{
    natsStatus s = natsConnection_FlushTimeout(q->nc, 10000);
    if (s != NATS_OK)
        return nats_fail(err, "cannot flush acknowledgements", s, 0);
    return SR_OK;
}

sr_status sr_queue_get_status(sr_queue *q, sr_queue_status *st, sr_error *err)
{
    memset(st, 0, sizeof *st);
    jsStreamInfo *si = NULL, *di = NULL;
    jsConsumerInfo *ci = NULL;
    jsErrCode jerr = 0;
    natsStatus s = js_GetStreamInfo(&si, q->js, q->stream, NULL, &jerr);
    if (s == NATS_OK)
        s = js_GetStreamInfo(&di, q->js, q->dead_stream, NULL, &jerr);
    if (s == NATS_OK)
        s = js_GetConsumerInfo(&ci, q->js, q->stream, CONSUMER, NULL, &jerr);
    if (s == NATS_OK) {
        st->queued = si->State.LastSeq;
        st->pending = ci->NumPending;
        st->inflight = (unsigned long long)ci->NumAckPending;
        st->redelivered = (unsigned long long)ci->NumRedelivered;
        st->dead = di->State.Msgs;
        /* a work queue forgets what is acknowledged: what left the stream
         * and is not a dead letter was stored */
        unsigned long long gone = si->State.LastSeq - si->State.Msgs;
        st->done = gone > st->dead ? gone - st->dead : 0;
    }
    jsStreamInfo_Destroy(si);
    jsStreamInfo_Destroy(di);
    jsConsumerInfo_Destroy(ci);
    if (s != NATS_OK)
        return nats_fail(err, "cannot read the queue's state", s, jerr);
    return SR_OK;
}

sr_status sr_queue_dead_letters(sr_queue *q, sr_queue_dead_fn fn, void *ctx, sr_error *err)
{
    jsStreamInfo *di = NULL;
    jsErrCode jerr = 0;
    natsStatus s = js_GetStreamInfo(&di, q->js, q->dead_stream, NULL, &jerr);
    if (s != NATS_OK)
        return nats_fail(err, "cannot read the dead letters", s, jerr);
    uint64_t first = di->State.FirstSeq, last = di->State.LastSeq;
    uint64_t count = di->State.Msgs;
    jsStreamInfo_Destroy(di);
    for (uint64_t seq = first; count && seq <= last; seq++) {
        natsMsg *m = NULL;
        s = js_GetMsg(&m, q->js, q->dead_stream, seq, NULL, &jerr);
        if (s == NATS_NOT_FOUND || (s != NATS_OK && jerr == JSNoMessageFoundErr))
            continue;
        if (s != NATS_OK)
            return nats_fail(err, "cannot read a dead letter", s, jerr);
        const char *id = NULL, *why = NULL, *num = NULL;
        natsMsgHeader_Get(m, "Sitrep-Article", &id);
        natsMsgHeader_Get(m, "Sitrep-Reason", &why);
        natsMsgHeader_Get(m, "Sitrep-Deliveries", &num);
        int stop = fn(ctx, (unsigned long long)seq, id ? id : "", why ? why : "", num ? strtoul(num, NULL, 10) : 0);
        natsMsg_Destroy(m);
        if (stop)
            break;
    }
    return SR_OK;
}
