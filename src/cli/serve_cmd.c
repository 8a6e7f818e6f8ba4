/* sitrep serve: the HTTP API and the map over a store, until SIGINT or
 * SIGTERM. A thin user of sr_server_start (sitrep.h). */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "sitrep.h"
#include "util/path.h"

void usage_serve(FILE *f)
{
    fprintf(f,
            "usage: sitrep serve [--db URL] [--listen HOST:PORT] [--token-file FILE] [-j N]\n"
            "\n"
            "Serves the store over HTTP: the API (JSON; errors as {\"error\": \"...\"}) and,\n"
            "at /, a map of the events. Read-only unless a token file is given.\n"
            "\n"
            "  GET  /healthz                 the store answers\n"
            "  GET  /metrics                 Prometheus text: requests, latencies, store size\n"
            "  GET  /api/events              the query's filters as parameters: since, until,\n"
            "                                type, sub_type, actor, country, near=LAT,LON,KM,\n"
            "                                bbox=W,S,E,N, changed_since; limit (default 1000,\n"
            "                                at most 10000) and cursor (the \"next\" of the\n"
            "                                page before; X-Next-Cursor for CSV);\n"
            "                                format=json|geojson|csv|acled-csv|phoenix|plover\n"
            "  GET  /api/events/ID           one merged event, its outlets and sentences\n"
            "  GET  /api/control?at=DATE[&country=C]   who held which place that day\n"
            "  GET  /api/places/NAME/timeline          a place's changes of hands\n"
            "  GET  /api/stats               counts by type, sub-type, actor, country, month\n"
            "  POST /api/code                articles in (JSON Lines, or one JSON object),\n"
            "                                events out; the store is not touched;\n"
            "                                min_confidence=X, all=1 as code's options\n"
            "  POST /api/ingest              the same, stored; needs the token\n"
            "                                (Authorization: Bearer TOKEN)\n"
            "\n"
            "options:\n"
            "      --db URL            the store (see 'sitrep help ingest'; default $SITREP_DB,\n"
            "                          else sitrep.db)\n"
            "      --listen HOST:PORT  where to listen (default 127.0.0.1:8080: this machine\n"
            "                          only; 0.0.0.0:8080 for every network; port 0: any)\n"
            "      --token-file FILE   the token POST /api/ingest needs (the file's first\n"
            "                          line); without it the server is read-only\n"
            "  -j, --jobs N            threads answering requests (default 2)\n"
            "      --web DIR           the map's files (default $SITREP_WEB, else web/ next\n"
            "                          to the program, else %s/web)\n"
            "      --max-body BYTES    POST bodies beyond are refused with 413 (default 4 MiB)\n"
            "  -h, --help              show this help\n"
            "\n"
            "Stops on SIGINT or SIGTERM, after the requests under way.\n",
            sr_default_data_dir());
}

/* The map's files: $SITREP_WEB, web/ next to the program (the build
 * tree), ../share/sitrep/web from it (an installation), else the data
 * directory's web/. */
static const char *default_web(char *buf, size_t cap)
{
    const char *e = getenv("SITREP_WEB");
    if (e && *e)
        return e;
    char exe[PATH_MAX - 64];
    struct stat sb;
    if (sr_exe_dir(exe, sizeof exe) == 0) {
        /* build/sitrep, build/asan/sitrep, bin/sitrep */
        static const char *const rel[] = {"web", "../web", "../share/sitrep/web"};
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
            snprintf(buf, cap, "%s/%s", exe, rel[i]);
            char idx[PATH_MAX];
            snprintf(idx, sizeof idx, "%s/index.html", buf);
            if (!stat(idx, &sb))
                return buf;
        }
    }
    snprintf(buf, cap, "%s/web", sr_default_data_dir());
    return buf;
}

/* The token: the file's first line, which must not be empty. */
static int read_token(const char *path, char *out, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "sitrep serve: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    struct stat sb;
    if (!fstat(fileno(f), &sb) && (sb.st_mode & 077))
        fprintf(stderr, "sitrep serve: warning: %s can be read by others than its owner (chmod 600)\n", path);
    int ok = fgets(out, (int)cap, f) != NULL;
    fclose(f);
    out[ok ? strcspn(out, "\r\n") : 0] = 0;
    if (!out[0] || strlen(out) < 16) {
        fprintf(stderr, "sitrep serve: %s: the token is its first line, of 16 characters or more\n", path);
        return -1;
    }
    return 0;
}

static int parse_count(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* serve's options into o: 0 to run, 1 after --help, -1 on a usage error. */
static int parse_serve_args(int argc, char **argv, sr_server_options *o, const char **token_file)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        long v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage_serve(stdout);
            return 1;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "sitrep serve: %s (see 'sitrep help serve')\n",
                    !strcmp(a, "--db") || !strcmp(a, "--listen") || !strcmp(a, "--token-file") || !strcmp(a, "-j") ||
                            !strcmp(a, "--jobs") || !strcmp(a, "--web") || !strcmp(a, "--max-body")
                        ? "an option needs a value"
                        : "unknown option");
            return -1;
        }
        const char *val = argv[++i];
        if (!strcmp(a, "--db")) {
            o->db = val;
        } else if (!strcmp(a, "--listen")) {
            o->listen = val;
        } else if (!strcmp(a, "--token-file")) {
            *token_file = val;
        } else if (!strcmp(a, "--web")) {
            o->web_dir = val;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            if (parse_count(val, 1, 256, &v)) {
                fprintf(stderr, "sitrep serve: -j needs a number of threads from 1 to 256, got '%s'\n", val);
                return -1;
            }
            o->threads = (int)v;
        } else if (!strcmp(a, "--max-body")) {
            if (parse_count(val, 1024, 1L << 30, &v)) {
                fprintf(stderr, "sitrep serve: --max-body needs a number of bytes from 1024 to 1 GiB, got '%s'\n", val);
                return -1;
            }
            o->max_body = (size_t)v;
        } else {
            fprintf(stderr, "sitrep serve: unknown option '%s' (see 'sitrep help serve')\n", a);
            return -1;
        }
    }
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    sr_server_options o;
    memset(&o, 0, sizeof o);
    o.db = cli_default_db();
    const char *token_file = NULL;
    int pa = parse_serve_args(argc, argv, &o, &token_file);
    if (pa)
        return pa > 0 ? EXIT_OK : EXIT_USAGE;
    static char token[512], web[PATH_MAX];
    if (token_file && read_token(token_file, token, sizeof token))
        return EXIT_USAGE;
    o.token = token_file ? token : NULL;
    if (!o.web_dir)
        o.web_dir = default_web(web, sizeof web);
    sr_engine *eng;
    sr_error err;
    if (sr_engine_open(NULL, &eng, &err)) {
        cli_print_err(&err);
        return EXIT_FATAL;
    }
    /* SIGINT and SIGTERM are waited for here, not delivered to the
     * server's threads (which inherit this mask) */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    sr_server *srv;
    if (sr_server_start(eng, &o, &srv, &err)) {
        cli_print_err(&err);
        sr_engine_free(eng);
        return EXIT_FATAL;
    }
    char idx[PATH_MAX + 16];
    snprintf(idx, sizeof idx, "%s/index.html", o.web_dir);
    if (access(idx, R_OK))
        fprintf(stderr, "sitrep serve: warning: no map at %s (the API is served all the same)\n", o.web_dir);
    const char *l = o.listen ? o.listen : "127.0.0.1:8080";
    fprintf(stderr, "sitrep: serving %s on port %u (%s), %s; the map at http://%.*s:%u/\n", o.db, sr_server_port(srv), l,
            o.token ? "ingest with the token" : "read-only", (int)(strrchr(l, ':') - l), l, sr_server_port(srv));
    int sig = 0;
    sigwait(&sigs, &sig);
    fprintf(stderr, "sitrep: %s: stopping\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
    sr_server_stop(srv);
    sr_engine_free(eng);
    return EXIT_OK;
}
