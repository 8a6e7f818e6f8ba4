/* Golden tests: each case in the files under tests/golden gives the input (a date,
 * a title, text lines) beside the exact events expected, one per line, in
 * the compact form of test_render(). A case with no "->" line expects no
 * event at all, in any modality. */
#include "testutil.h"

typedef struct gcase {
    char name[256];
    char file[128];
    int line;
    char date[16];
    char *title;
    char *text;
    char **expect;
    size_t nexpect;
    char *explain; /* "| " lines: the exact --explain text expected */
} gcase;

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        abort();
    return p;
}

static void append(char **dst, const char *s)
{
    size_t a = *dst ? strlen(*dst) : 0, b = strlen(s);
    char *p = realloc(*dst, a + b + 2);
    if (!p)
        abort();
    if (a) {
        p[a] = '\n';
        memcpy(p + a + 1, s, b + 1);
    } else {
        memcpy(p, s, b + 1);
    }
    *dst = p;
}

static gcase *cases;
static size_t ncases, capcases;

static void load(const char *path, const char *base)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(1);
    }
    char line[8192];
    gcase *cur = NULL;
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (line[0] == '#')
            continue;
        if (!strncmp(line, "== ", 3)) {
            if (ncases == capcases) {
                capcases = capcases ? capcases * 2 : 64;
                cases = realloc(cases, capcases * sizeof *cases);
                if (!cases)
                    abort();
            }
            cur = &cases[ncases++];
            memset(cur, 0, sizeof *cur);
            snprintf(cur->name, sizeof cur->name, "%s", line + 3);
            snprintf(cur->file, sizeof cur->file, "%s", base);
            cur->line = ln;
            continue;
        }
        if (!cur || !n)
            continue;
        if (!strncmp(line, "date: ", 6))
            snprintf(cur->date, sizeof cur->date, "%s", line + 6);
        else if (!strncmp(line, "title: ", 7))
            cur->title = xstrdup(line + 7);
        else if (!strncmp(line, "text: ", 6))
            append(&cur->text, line + 6);
        else if (!strncmp(line, "-> ", 3)) {
            cur->expect = realloc(cur->expect, (cur->nexpect + 1) * sizeof *cur->expect);
            if (!cur->expect)
                abort();
            cur->expect[cur->nexpect++] = xstrdup(line + 3);
        } else if (!strcmp(line, "|") || !strncmp(line, "| ", 2)) {
            append(&cur->explain, line[1] ? line + 2 : "");
        } else {
            fprintf(stderr, "%s:%d: unknown line in a golden case\n", path, ln);
            exit(1);
        }
    }
    fclose(f);
}

static void run_case(void **state)
{
    gcase *g = *state;
    sr_coder *c = sr_coder_new(test_engine());
    assert_non_null(c);
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = "golden";
    a.text = g->text ? g->text : "";
    a.date = g->date[0] ? g->date : NULL;
    a.title = g->title;
    sr_result *r;
    sr_error err;
    sr_coder_set_explain(c, g->explain != NULL);
    assert_int_equal(sr_code(c, &a, &r, &err), SR_OK);
    size_t n = sr_result_count(r);
    int ok = n == g->nexpect;
    char got[64][600];
    for (size_t i = 0; i < n && i < 64; i++) {
        test_render(sr_result_event(r, i), got[i], sizeof got[i]);
        if (i < g->nexpect && strcmp(got[i], g->expect[i]))
            ok = 0;
    }
    /* the explanation, line for line (without its last newline) */
    if (g->explain) {
        const char *x = sr_result_explain(r);
        size_t xn = x ? strlen(x) : 0;
        if (!x || xn == 0 || xn - 1 != strlen(g->explain) || strncmp(x, g->explain, xn - 1)) {
            fprintf(stderr, "%s:%d: %s: explanation differs\n--- want\n%s\n--- got\n%s", g->file, g->line, g->name,
                    g->explain, x ? x : "(none)\n");
            ok = 0;
        }
    }
    if (getenv("SITREP_GOLDEN_PRINT"))
        for (size_t i = 0; i < n && i < 64; i++)
            printf("GOT %s:%d %s\n", g->file, g->line, got[i]);
    if (!ok) {
        fprintf(stderr, "%s:%d: %s\n  text: %s\n", g->file, g->line, g->name, a.text);
        for (size_t i = 0; i < g->nexpect; i++)
            fprintf(stderr, "  want: %s\n", g->expect[i]);
        for (size_t i = 0; i < n && i < 64; i++)
            fprintf(stderr, "  got:  %s\n", got[i]);
    }
    sr_coder_free(c);
    assert_true(ok);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests/golden";
    const char *files[] = {"constructions.txt", "articles.txt", "explain.txt", "unseen.txt"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        load(p, files[i]);
    }
    struct CMUnitTest *t = calloc(ncases, sizeof *t);
    if (!t)
        return 1;
    for (size_t i = 0; i < ncases; i++) {
        t[i].name = cases[i].name;
        t[i].test_func = run_case;
        t[i].initial_state = &cases[i];
    }
    int rc = _cmocka_run_group_tests("golden", t, ncases, NULL, NULL);
    for (size_t i = 0; i < ncases; i++) {
        free(cases[i].title);
        free(cases[i].text);
        for (size_t k = 0; k < cases[i].nexpect; k++)
            free(cases[i].expect[k]);
        free(cases[i].expect);
        free(cases[i].explain);
    }
    free(cases);
    free(t);
    sr_engine_free(test_engine());
    return rc;
}
