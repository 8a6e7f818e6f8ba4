/* The event store, the same tests on each backend: SQLite always,
 * PostgreSQL when SITREP_TEST_PG holds a URL (scripts/pg-test-server.sh
 * starts one; .ci/run does). Idempotent ingest, merging of two outlets'
 * reports, control timelines, query filters. The kill -9 test is in
 * tests/store.sh (it needs a process to kill). */
#include <unistd.h>

#include "testutil.h"
#include "store/db.h"

static char url[512];
static char sqlite_path[] = "/tmp/sitrep-test-store-XXXXXX";

/* A store with nothing in it. */
static sr_store *fresh_store(void)
{
    if (!strncmp(url, "postgres", 8)) {
        sr_db *db;
        sr_error err;
        assert_int_equal(sr_db_open_pg(url, 0, &db, &err), SR_OK);
        static const char *const drop[] = {"DROP TABLE IF EXISTS control", "DROP TABLE IF EXISTS events",
                                           "DROP TABLE IF EXISTS merged", "DROP TABLE IF EXISTS articles",
                                           "DROP TABLE IF EXISTS sitrep_meta", "DROP TABLE IF EXISTS merge_keys"};
        for (size_t i = 0; i < sizeof drop / sizeof *drop; i++)
            assert_int_equal(sr_db_exec(db, drop[i], 0, NULL, NULL, NULL, &err), SR_OK);
        db->ops->close(db);
    } else {
        char p[600];
        unlink(url);
        snprintf(p, sizeof p, "%s-wal", url);
        unlink(p);
        snprintf(p, sizeof p, "%s-shm", url);
        unlink(p);
    }
    sr_store *s;
    sr_error err;
    if (sr_store_open(url, &s, &err) != SR_OK)
        fail_msg("cannot open the store %s: %s", url, err.msg);
    return s;
}

/* Codes and stores one article; returns *added. */
static int put(sr_store *s, const char *id, const char *date, const char *source, const char *text)
{
    static sr_coder *c;
    if (!c)
        c = sr_coder_new(test_engine());
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.date = date;
    a.source = source;
    a.text = text;
    sr_result *r;
    sr_error err;
    assert_int_equal(sr_code(c, &a, &r, &err), SR_OK);
    int added;
    size_t n;
    if (sr_store_add(s, &a, r, &added, &n, &err) != SR_OK)
        fail_msg("store_add %s: %s", id, err.msg);
    return added;
}

/* Codes one article into a batch. */
static void batch_put(sr_batch *b, const char *id, const char *date, const char *source, const char *text)
{
    static sr_coder *c;
    if (!c)
        c = sr_coder_new(test_engine());
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.date = date;
    a.source = source;
    a.text = text;
    sr_result *r;
    sr_error err;
    assert_int_equal(sr_code(c, &a, &r, &err), SR_OK);
    if (sr_batch_add(b, &a, r, &err) != SR_OK)
        fail_msg("batch_add %s: %s", id, err.msg);
}

/* Runs one statement on the store's database over a connection of its
 * own (to set up what the store itself never does). */
static void db_run(const char *sql)
{
    sr_db *db;
    sr_error err;
    if (!strncmp(url, "postgres", 8))
        assert_int_equal(sr_db_open_pg(url, 0, &db, &err), SR_OK);
    else
        assert_int_equal(sr_db_open_sqlite(url, 0, &db, &err), SR_OK);
    if (sr_db_exec(db, sql, 0, NULL, NULL, NULL, &err) != SR_OK)
        fail_msg("%s: %s", sql, err.msg);
    db->ops->close(db);
}

static sr_store_counts counts(sr_store *s)
{
    sr_store_counts c;
    sr_error err;
    assert_int_equal(sr_store_count(s, &c, &err), SR_OK);
    return c;
}

/* ---- query results, copied out of the callbacks ---- */

typedef struct got {
    int n;
    char line[16][400];
} got;

static int keep_event(void *ctx, const sr_stored_event *e)
{
    got *g = ctx;
    if (g->n < 16)
        snprintf(g->line[g->n], sizeof g->line[0], "%s %s | %s | %s | %s | sources %d: %s | dead %ld | %s",
                 e->date ? e->date : "-", e->sub_event_type, e->actor1 ? e->actor1 : "-",
                 e->actor2 ? e->actor2 : "-", e->location ? e->location : "-", e->n_sources,
                 e->sources ? e->sources : "-", e->fatalities, e->articles ? e->articles : "-");
    g->n++;
    return 0;
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* Events of one day come in id order, which is a hash: sorted here, the
 * lines read by date, then sub-type, actors, place. */
static got query(sr_store *s, const sr_query *q)
{
    got g;
    memset(&g, 0, sizeof g);
    sr_error err;
    assert_int_equal(sr_store_query(s, q, keep_event, &g, &err), SR_OK);
    qsort(g.line, g.n < 16 ? (size_t)g.n : 16, sizeof g.line[0], cmp_line);
    return g;
}

static int keep_control(void *ctx, const sr_control *c)
{
    got *g = ctx;
    if (g->n < 16)
        snprintf(g->line[g->n], sizeof g->line[0], "%s %s: %s (%s) from %s", c->since, c->place,
                 c->holder ? c->holder : "-", c->sub_event_type, c->previous ? c->previous : "-");
    g->n++;
    return 0;
}

static const char *const HAJIN_A =
    "Coalition jets struck Islamic State positions in Hajin on Sunday, killing 12 militants.";
static const char *const HAJIN_B = "US-led coalition aircraft bombed ISIS positions in the town of Hajin on Sunday, "
                                   "killing nine militants, a monitor said.";

static void test_ingest_twice_same_counts(void **st)
{
    (void)st;
    sr_store *s = fresh_store();
    assert_true(put(s, "a1", "2018-11-05", "Outlet A", HAJIN_A));
    assert_true(put(s, "a2", "2017-10-15", "Outlet A",
                    "Syrian government forces captured the town of Mayadin from Islamic State on Saturday."));
    sr_store_counts c1 = counts(s);
    assert_int_equal(c1.articles, 2);
    assert_int_equal(c1.events, 2);
    /* the same articles again: nothing changes */
    assert_false(put(s, "a1", "2018-11-05", "Outlet A", HAJIN_A));
    assert_false(put(s, "a2", "2017-10-15", "Outlet A",
                     "Syrian government forces captured the town of Mayadin from Islamic State on Saturday."));
    /* the same text under another id, re-spaced and re-cased: the same article */
    assert_false(put(s, "a1-copy", "2018-11-05", "Outlet C",
                     "coalition jets struck Islamic State positions   in Hajin\non Sunday, killing 12 militants."));
    sr_store_counts c2 = counts(s);
    assert_int_equal(c2.articles, c1.articles);
    assert_int_equal(c2.events, c1.events);
    assert_int_equal(c2.merged, c1.merged);
    assert_int_equal(c2.control, c1.control);
    sr_store_close(s);
    /* and after closing and opening again */
    sr_error err;
    assert_int_equal(sr_store_open(url, &s, &err), SR_OK);
    assert_false(put(s, "a1", "2018-11-05", "Outlet A", HAJIN_A));
    sr_store_counts c3 = counts(s);
    assert_int_equal(c3.articles, 2);
    assert_int_equal(c3.events, 2);
    sr_store_close(s);
}

static void test_two_outlets_one_event(void **st)
{
    (void)st;
    sr_store *s = fresh_store();
    assert_true(put(s, "r1", "2018-11-05", "Outlet A", HAJIN_A));
    assert_true(put(s, "r2", "2018-11-06", "Outlet B", HAJIN_B));
    /* not the same happening: another town (16 km away), another week */
    assert_true(put(s, "r3", "2018-11-05", "Outlet C",
                    "Coalition jets struck Islamic State positions in Al-Susah on Sunday, killing 4 militants."));
    assert_true(put(s, "r4", "2018-11-12", "Outlet A",
                    "Coalition jets struck Islamic State positions in Hajin on Sunday, killing 7 militants."));
    sr_store_counts c = counts(s);
    assert_int_equal(c.events, 4);
    assert_int_equal(c.merged, 3);
    sr_query q;
    memset(&q, 0, sizeof q);
    got g = query(s, &q);
    assert_int_equal(g.n, 3);
    /* the two reports are one event, with both outlets and the lower toll */
    assert_string_equal(g.line[0], "2018-11-04 Air/drone strike | US-led coalition | Islamic State | Al-Susah | "
                                   "sources 1: Outlet C | dead 4 | r3");
    assert_string_equal(g.line[1], "2018-11-04 Air/drone strike | US-led coalition | Islamic State | Hajin | "
                                   "sources 2: Outlet A; Outlet B | dead 9 | r1; r2");
    assert_string_equal(g.line[2], "2018-11-11 Air/drone strike | US-led coalition | Islamic State | Hajin | "
                                   "sources 1: Outlet A | dead 7 | r4");
    sr_store_close(s);
}

static void test_capture_recapture_timeline(void **st)
{
    (void)st;
    sr_store *s = fresh_store();
    assert_true(put(s, "c1", "2017-10-15", "Outlet A",
                    "Syrian government forces captured the town of Mayadin from Islamic State on Saturday."));
    assert_true(put(s, "c2", "2017-10-22", "Outlet B",
                    "Islamic State militants recaptured Mayadin from Syrian government forces on Friday."));
    sr_error err;
    got g;
    memset(&g, 0, sizeof g);
    /* any spelling of the place */
    assert_int_equal(sr_store_control_place(s, "Al Mayadeen", keep_control, &g, &err), SR_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.line[0], "2017-10-14 Al-Mayadin: Syrian Arab Army (Government regains territory) from "
                                   "Islamic State");
    assert_string_equal(g.line[1], "2017-10-20 Al-Mayadin: Islamic State (Non-state actor overtakes territory) from "
                                   "Syrian Arab Army");
    memset(&g, 0, sizeof g);
    assert_int_equal(sr_store_control_at(s, "2017-10-16", "SY", keep_control, &g, &err), SR_OK);
    assert_int_equal(g.n, 1);
    assert_non_null(strstr(g.line[0], ": Syrian Arab Army"));
    memset(&g, 0, sizeof g);
    assert_int_equal(sr_store_control_at(s, "2017-11-01", NULL, keep_control, &g, &err), SR_OK);
    assert_int_equal(g.n, 1);
    assert_non_null(strstr(g.line[0], ": Islamic State"));
    memset(&g, 0, sizeof g);
    assert_int_equal(sr_store_control_at(s, "2017-10-01", NULL, keep_control, &g, &err), SR_OK);
    assert_int_equal(g.n, 0);
    memset(&g, 0, sizeof g);
    assert_int_equal(sr_store_control_at(s, "2017-11-01", "IQ", keep_control, &g, &err), SR_OK);
    assert_int_equal(g.n, 0);
    sr_store_close(s);
}

static void test_query_filters(void **st)
{
    (void)st;
    sr_store *s = fresh_store();
    assert_true(put(s, "q1", "2018-11-05", "Outlet A", HAJIN_A));
    assert_true(put(s, "q2", "2019-05-06", "Outlet B",
                    "Russian warplanes bombed the town of Saraqib on Sunday, killing 12 civilians."));
    assert_true(put(s, "q3", "2015-06-09", "Outlet C",
                    "Boko Haram gunmen attacked the village of Gwoza on Monday, killing 15 residents."));
    sr_query q;
    memset(&q, 0, sizeof q);
    assert_int_equal(query(s, &q).n, 3);
    q.since = "2018-01-01";
    assert_int_equal(query(s, &q).n, 2);
    q.until = "2018-12-31";
    assert_int_equal(query(s, &q).n, 1);
    memset(&q, 0, sizeof q);
    q.type = "explosions/remote violence"; /* case does not matter */
    assert_int_equal(query(s, &q).n, 2);
    q.actor = "russian";
    got g = query(s, &q);
    assert_int_equal(g.n, 1);
    assert_non_null(strstr(g.line[0], "Saraqib"));
    memset(&q, 0, sizeof q);
    q.country = "ng";
    assert_int_equal(query(s, &q).n, 1);
    memset(&q, 0, sizeof q);
    /* near Deir ez-Zor (Hajin is ~90 km away), then nearer */
    q.near = 1, q.lat = 35.33, q.lon = 40.14, q.km = 120;
    assert_int_equal(query(s, &q).n, 1);
    q.km = 30;
    assert_int_equal(query(s, &q).n, 0);
    memset(&q, 0, sizeof q);
    q.bbox = 1, q.west = 36, q.south = 35, q.east = 37.5, q.north = 36.5; /* Idlib */
    g = query(s, &q);
    assert_int_equal(g.n, 1);
    assert_non_null(strstr(g.line[0], "Saraqib"));
    memset(&q, 0, sizeof q);
    q.limit = 2;
    assert_int_equal(query(s, &q).n, 2);
    sr_store_close(s);
}

static int count_key(void *ctx, const char *key, long n)
{
    got *g = ctx;
    if (g->n < 16)
        snprintf(g->line[g->n], sizeof g->line[0], "%s=%ld", key, n);
    g->n++;
    return 0;
}

static void test_stats(void **st)
{
    (void)st;
    sr_store *s = fresh_store();
    assert_true(put(s, "s1", "2018-11-05", "Outlet A", HAJIN_A));
    assert_true(put(s, "s2", "2018-11-06", "Outlet B", HAJIN_B));
    assert_true(put(s, "s3", "2019-05-06", "Outlet B",
                    "Russian warplanes bombed the town of Saraqib on Sunday, killing 12 civilians."));
    sr_error err;
    got g;
    memset(&g, 0, sizeof g);
    assert_int_equal(sr_store_stats(s, "month", count_key, &g, &err), SR_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.line[0], "2018-11=1");
    assert_string_equal(g.line[1], "2019-05=1");
    memset(&g, 0, sizeof g);
    assert_int_equal(sr_store_stats(s, "type", count_key, &g, &err), SR_OK);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "Explosions/Remote violence=2");
    assert_int_equal(sr_store_stats(s, "colour", count_key, &g, &err), SR_ERR_INVALID);
    sr_store_close(s);
}

/* Articles that exercise merging within one batch and across batches:
 * two outlets' reports of one strike, a strike elsewhere, the same town a
 * week later, a capture then a recapture, the same text under another id,
 * and an id seen twice. */
static const char *const MIX[][4] = {
    {"m1", "2018-11-05", "Outlet A", "Coalition jets struck Islamic State positions in Hajin on Sunday, killing 12 militants."},
    {"m2", "2017-10-15", "Outlet A", "Syrian government forces captured the town of Mayadin from Islamic State on Saturday."},
    {"m3", "2018-11-06", "Outlet B", "US-led coalition aircraft bombed ISIS positions in the town of Hajin on Sunday, "
                                     "killing nine militants, a monitor said."},
    {"m4", "2018-11-05", "Outlet C", "Coalition jets struck Islamic State positions in Al-Susah on Sunday, killing 4 militants."},
    {"m5", "2017-10-22", "Outlet B", "Islamic State militants recaptured Mayadin from Syrian government forces on Friday."},
    {"m6", "2018-11-05", "Outlet D", "coalition jets struck Islamic State positions   in Hajin on Sunday, killing 12 militants."},
    {"m7", "2018-11-12", "Outlet A", "Coalition jets struck Islamic State positions in Hajin on Sunday, killing 7 militants."},
    {"m3", "2018-11-06", "Outlet B", "Another text under an id already used."},
    {"m8", "2017-10-16", "Outlet C", "Government troops took Mayadin from the jihadists on Saturday, state media said."},
};
#define NMIX (sizeof MIX / sizeof *MIX)

typedef struct snapshot {
    sr_store_counts c;
    got events, control;
} snapshot;

static snapshot take_snapshot(sr_store *s)
{
    snapshot sn;
    memset(&sn, 0, sizeof sn);
    sn.c = counts(s);
    sr_query q;
    memset(&q, 0, sizeof q);
    sn.events = query(s, &q);
    sr_error err;
    assert_int_equal(sr_store_control_place(s, "Mayadin", keep_control, &sn.control, &err), SR_OK);
    return sn;
}

static void assert_same_snapshot(const snapshot *a, const snapshot *b)
{
    assert_int_equal(a->c.articles, b->c.articles);
    assert_int_equal(a->c.events, b->c.events);
    assert_int_equal(a->c.merged, b->c.merged);
    assert_int_equal(a->c.control, b->c.control);
    assert_int_equal(a->events.n, b->events.n);
    for (int i = 0; i < a->events.n && i < 16; i++)
        assert_string_equal(a->events.line[i], b->events.line[i]);
    assert_int_equal(a->control.n, b->control.n);
    for (int i = 0; i < a->control.n && i < 16; i++)
        assert_string_equal(a->control.line[i], b->control.line[i]);
}

/* A batch merges as adding its articles one by one would, whether it is
 * one batch or several. */
static void test_batch_same_as_one_by_one(void **st)
{
    (void)st;
    sr_store *s = fresh_store();
    size_t added = 0;
    for (size_t i = 0; i < NMIX; i++)
        added += (size_t)put(s, MIX[i][0], MIX[i][1], MIX[i][2], MIX[i][3]);
    assert_int_equal(added, NMIX - 2); /* m6 is m1's text, the second m3 an id seen */
    snapshot one = take_snapshot(s);
    sr_store_close(s);
    /* the reports of one strike are one event, both Mayadin captures one */
    assert_int_equal(one.c.merged, 5);
    assert_int_equal(one.control.n, 2);

    for (size_t split = 0; split <= NMIX; split += 4) {
        s = fresh_store();
        sr_batch *b = sr_batch_new();
        assert_non_null(b);
        sr_store_tally t1 = {0}, t2 = {0};
        sr_error err;
        for (size_t i = 0; i < split; i++)
            batch_put(b, MIX[i][0], MIX[i][1], MIX[i][2], MIX[i][3]);
        assert_int_equal(sr_batch_count(b), split);
        assert_int_equal(sr_store_write(s, b, &t1, &err), SR_OK);
        sr_batch_clear(b);
        for (size_t i = split; i < NMIX; i++)
            batch_put(b, MIX[i][0], MIX[i][1], MIX[i][2], MIX[i][3]);
        assert_int_equal(sr_store_write(s, b, &t2, &err), SR_OK);
        assert_int_equal(t1.failed, -1);
        assert_int_equal(t2.failed, -1);
        assert_int_equal(t1.added + t2.added, NMIX - 2);
        assert_int_equal(t1.same + t2.same, 2);
        assert_int_equal(t1.events + t2.events, (size_t)one.c.events);
        snapshot many = take_snapshot(s);
        assert_same_snapshot(&one, &many);
        /* written again: nothing changes */
        assert_int_equal(sr_store_write(s, b, &t2, &err), SR_OK);
        assert_int_equal(t2.added, 0);
        assert_int_equal(t2.same, NMIX - split);
        snapshot again = take_snapshot(s);
        assert_same_snapshot(&one, &again);
        sr_batch_free(b);
        sr_store_close(s);
    }
}

/* An article the database refuses costs only itself: the rest of its
 * batch is stored, and the tally says which one failed. */
static void test_batch_one_bad_article(void **st)
{
    (void)st;
    sr_store *s = fresh_store();
    if (!strncmp(url, "postgres", 8)) {
        db_run("CREATE OR REPLACE FUNCTION sitrep_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $f$"
               " BEGIN IF NEW.id = 'bad' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF; RETURN NEW;"
               " END $f$");
        db_run("CREATE TRIGGER refuse_bad BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION "
               "sitrep_test_refuse()");
    } else {
        db_run("CREATE TRIGGER refuse_bad BEFORE INSERT ON articles WHEN NEW.id = 'bad'"
               " BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END");
    }
    sr_batch *b = sr_batch_new();
    batch_put(b, "good1", MIX[0][1], MIX[0][2], MIX[0][3]);
    batch_put(b, "bad", MIX[1][1], MIX[1][2], MIX[1][3]);
    batch_put(b, "good2", MIX[3][1], MIX[3][2], MIX[3][3]);
    sr_store_tally t;
    sr_error err;
    assert_int_equal(sr_store_write(s, b, &t, &err), SR_OK);
    assert_int_equal(t.refused, 1);
    assert_int_equal(t.failed, 1);
    assert_int_equal(sr_batch_result(b, 0, &err), SR_OK);
    assert_int_equal(sr_batch_result(b, 1, &err), SR_ERR_REFUSED);
    assert_non_null(strstr(err.msg, "refused by a test trigger"));
    assert_int_equal(sr_batch_result(b, 2, &err), SR_OK);
    assert_int_equal(t.added, 2);
    assert_int_equal(t.events, 2);
    sr_store_counts c = counts(s);
    assert_int_equal(c.articles, 2);
    assert_int_equal(c.events, 2);
    assert_int_equal(c.merged, 2);
    sr_batch_free(b);
    sr_store_close(s);
}

static void test_bad_url(void **st)
{
    (void)st;
    sr_store *s;
    sr_error err;
    assert_int_not_equal(sr_store_open("/nonexistent-dir/x/sitrep.db", &s, &err), SR_OK);
    assert_non_null(strstr(err.msg, "cannot open"));
    assert_int_not_equal(sr_store_open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", &s, &err), SR_OK);
    assert_non_null(strstr(err.msg, "cannot connect"));
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(test_ingest_twice_same_counts), cmocka_unit_test(test_two_outlets_one_event),
        cmocka_unit_test(test_capture_recapture_timeline), cmocka_unit_test(test_query_filters),
        cmocka_unit_test(test_stats), cmocka_unit_test(test_batch_same_as_one_by_one),
        cmocka_unit_test(test_batch_one_bad_article), cmocka_unit_test(test_bad_url),
    };
    int fd = mkstemp(sqlite_path);
    if (fd < 0)
        return 1;
    close(fd);
    snprintf(url, sizeof url, "%s", sqlite_path);
    int rc = cmocka_run_group_tests_name("store-sqlite", t, NULL, NULL);
    unlink(sqlite_path);
    char p[600];
    snprintf(p, sizeof p, "%s-wal", sqlite_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", sqlite_path);
    unlink(p);
    const char *pg = getenv("SITREP_TEST_PG");
    if (pg && *pg) {
        snprintf(url, sizeof url, "%s", pg);
        rc |= cmocka_run_group_tests_name("store-postgresql", t, NULL, NULL);
    } else {
        fprintf(stderr, "store-postgresql: skipped (set SITREP_TEST_PG to a postgresql:// URL)\n");
    }
    sr_engine_free(test_engine());
    return rc;
}
