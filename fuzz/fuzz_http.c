/* Fuzz the HTTP server: any bytes sent as a request to a real `sitrep
 * serve` (libmicrohttpd and sitrep's routing, parameters, cursors, files
 * and POST bodies) over loopback, on a small SQLite store made at start.
 * The server runs in this process: its crashes, leaks and undefined
 * behaviour are the harness's; a handler that blocks is a libFuzzer
 * timeout. The answer is read until the server closes, or is quiet for
 * a moment (it keeps a connection the client half-closed). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "sitrep.h"

static sr_engine *eng;
static sr_server *srv;
static unsigned port;
static char db[64];

static void cleanup(void)
{
    sr_server_stop(srv);
    sr_engine_free(eng);
    char p[80];
    unlink(db);
    snprintf(p, sizeof p, "%s-wal", db);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db);
    unlink(p);
}

static void make_store(const char *path)
{
    sr_store *st;
    sr_error err;
    if (sr_store_open(path, &st, &err))
        abort();
    sr_coder *c = sr_coder_new(eng);
    static const char *const texts[] = {
        "Russian warplanes bombed the town of Saraqib in Idlib province on Sunday, killing 12 civilians.",
        "Syrian government forces recaptured the town of Palmyra from Islamic State militants on Sunday.",
        "Hundreds of students protested in Windhoek, Namibia on Monday.",
    };
    static const char *const dates[] = {"2019-05-06", "2016-03-28", "2021-09-14"};
    for (int i = 0; i < 3; i++) {
        char id[8];
        snprintf(id, sizeof id, "f%d", i);
        sr_article a = {.id = id, .text = texts[i], .date = dates[i], .source = "www.reuters.com",
                        .url = "https://www.reuters.com/x"};
        sr_result *r;
        int added;
        size_t n;
        if (sr_code(c, &a, &r, &err) || sr_store_add(st, &a, r, &added, &n, &err))
            abort();
    }
    sr_coder_free(c);
    sr_store_close(st);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    sr_options o;
    memset(&o, 0, sizeof o);
    o.data_dir = getenv("SITREP_DATA") ? getenv("SITREP_DATA") : "data";
    sr_error err;
    if (sr_engine_open(&o, &eng, &err))
        abort();
    snprintf(db, sizeof db, "/tmp/sitrep-fuzz-http-%d.db", (int)getpid());
    unlink(db);
    make_store(db);
    sr_server_options so;
    memset(&so, 0, sizeof so);
    so.db = db;
    so.listen = "127.0.0.1:0";
    so.token = "fuzz-token-0123456789";
    so.web_dir = getenv("SITREP_WEB") ? getenv("SITREP_WEB") : "build/web";
    so.max_body = 65536;
    so.timeout = 1; /* idle connections go at once: the fuzzer makes many */
    if (sr_server_start(eng, &so, &srv, &err))
        abort();
    port = sr_server_port(srv);
    atexit(cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = {0, 100000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&a, sizeof a)) {
        close(fd);
        return 0;
    }
    size_t off = 0;
    while (off < size) {
        ssize_t w = send(fd, data + off, size - off, MSG_NOSIGNAL);
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    shutdown(fd, SHUT_WR); /* the request ends here: the server must answer or close */
    char buf[65536];
    size_t got = 0;
    for (int quiet = 0; quiet < 3;) {
        ssize_t r = recv(fd, buf, sizeof buf, 0);
        if (r == 0)
            break;
        if (r > 0 && !got) { /* answered: what follows comes at once, or never */
            struct timeval shortwait = {0, 30000};
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &shortwait, sizeof shortwait);
        }
        if (r > 0)
            got += (size_t)r;
        else if (got)
            break;
        else
            quiet++; /* 100 ms with nothing, three times: no answer is coming */
    }
    close(fd);
    return 0;
}
