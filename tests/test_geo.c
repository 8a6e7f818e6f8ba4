/* Geocoding: romanisation-invariant keys on a table of real spellings, the
 * gazetteer index (build, import, reopen), and namesakes told apart by the
 * province named with them. */
#include <unistd.h>

#include "testutil.h"
#include "geo/gazetteer.h"
#include "text/placekey.h"
#include "geo/resolve.h"

typedef struct variant {
    char group[64], name[128];
} variant;

static variant *vars;
static size_t nvars;

static void load_variants(void)
{
    FILE *f = fopen("tests/data/place_variants.tsv", "r");
    if (!f) {
        fprintf(stderr, "cannot open tests/data/place_variants.tsv\n");
        exit(1);
    }
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = 0;
        char *nl = strchr(tab + 1, '\n');
        if (nl)
            *nl = 0;
        vars = realloc(vars, (nvars + 1) * sizeof *vars);
        if (!vars)
            abort();
        snprintf(vars[nvars].group, sizeof vars[nvars].group, "%s", line);
        snprintf(vars[nvars].name, sizeof vars[nvars].name, "%s", tab + 1);
        nvars++;
    }
    fclose(f);
}

static void test_variant_table_keys(void **st)
{
    (void)st;
    assert_true(nvars >= 150);
    size_t bad = 0;
    for (size_t i = 0; i < nvars; i++) {
        size_t h = i;
        while (h > 0 && !strcmp(vars[h - 1].group, vars[i].group))
            h--;
        char k1[SR_KEY_MAX], k2[SR_KEY_MAX];
        sr_place_key(vars[h].name, strlen(vars[h].name), k1);
        sr_place_key(vars[i].name, strlen(vars[i].name), k2);
        if (strcmp(k1, k2) || !sr_place_similar(vars[h].name, strlen(vars[h].name), vars[i].name, strlen(vars[i].name))) {
            fprintf(stderr, "variant '%s' (key %s) is not '%s' (key %s)\n", vars[i].name, k2, vars[h].name, k1);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* "Owo", "Oyo": names of vowels, w and y had an empty key, which found
 * nothing; each has a key of its own now */
static void test_vowel_names_keyed(void **st)
{
    (void)st;
    char a[SR_KEY_MAX], b[SR_KEY_MAX], c[SR_KEY_MAX];
    assert_true(sr_place_key("Owo", 3, a) > 0);
    assert_true(sr_place_key("Oyo", 3, b) > 0);
    assert_true(sr_place_key("OWO", 3, c) > 0);
    assert_string_not_equal(a, b);
    assert_string_equal(a, c);
    /* a name with consonants keeps its skeleton */
    assert_true(sr_place_key("Azaz", 4, a) > 0);
    assert_string_equal(a, "z");
}

static void test_variant_table_distinct(void **st)
{
    (void)st;
    /* the first spelling of each group against the others' first spellings */
    size_t bad = 0;
    for (size_t i = 0; i < nvars; i++) {
        if (i && !strcmp(vars[i - 1].group, vars[i].group))
            continue;
        for (size_t j = i + 1; j < nvars; j++) {
            if (!strcmp(vars[j - 1].group, vars[j].group) || !strcmp(vars[i].group, vars[j].group))
                continue;
            if (sr_place_similar(vars[i].name, strlen(vars[i].name), vars[j].name, strlen(vars[j].name))) {
                fprintf(stderr, "'%s' and '%s' are different places but look alike\n", vars[i].name, vars[j].name);
                bad++;
            }
        }
    }
    assert_int_equal(bad, 0);
}

static void test_variants_resolve(void **st)
{
    (void)st;
    /* every spelling of a group resolves where its first spelling does */
    size_t bad = 0, checked = 0;
    for (size_t i = 0; i < nvars; i++) {
        size_t h = i;
        while (h > 0 && !strcmp(vars[h - 1].group, vars[i].group))
            h--;
        if (h == i)
            continue;
        sr_geo_hint hint;
        memset(&hint, 0, sizeof hint);
        sr_geo_hit a, b;
        /* the first spelling names the place; the others are read in a
         * story of its country (with no country known only the very
         * spelling would count) */
        if (!sr_engine_geo_resolve(test_engine(), vars[h].group, &hint, &a))
            continue;
        hint.focus_cc = a.cc;
        checked++;
        if (!sr_engine_geo_resolve(test_engine(), vars[i].name, &hint, &b) ||
            sr_km(a.lat, a.lon, b.lat, b.lon) > 25) {
            fprintf(stderr, "'%s' does not resolve where '%s' does\n", vars[i].name, vars[h].name);
            bad++;
        }
    }
    assert_true(checked >= 60);
    assert_int_equal(bad, 0);
}

static char dir[] = "/tmp/sitrep-test-geo-XXXXXX";
static char idx[300];
static size_t nwarn;
static char lastwarn[300];

static void warn(void *ctx, const char *file, long line, const char *msg)
{
    (void)ctx;
    nwarn++;
    snprintf(lastwarn, sizeof lastwarn, "%s:%ld: %s", file, line, msg);
}

static void test_import_fixture(void **st)
{
    (void)st;
    sr_gaz_builder *b = sr_gaz_builder_new();
    sr_gaz_builder_on_warning(b, warn, NULL);
    sr_error err;
    size_t added, bad;
    assert_int_equal(sr_gaz_builder_add_geonames(b, "tests/data/geonames_fixture.txt", "tests/data/admin1_fixture.txt",
                                                 &added, &bad, &err),
                     SR_OK);
    assert_int_equal(added, 8);
    assert_int_equal(bad, 2);
    assert_true(nwarn >= 3); /* two dump lines and one admin1 line */
    snprintf(idx, sizeof idx, "%s/fixture.idx", dir);
    assert_int_equal(sr_gaz_builder_write(b, idx, &err), SR_OK);
    sr_gaz_builder_free(b);

    sr_gazetteer *g;
    assert_int_equal(sr_gaz_open(idx, &g, &err), SR_OK);
    assert_int_equal(sr_gaz_count(g), 8);
    uint32_t ids[8];
    assert_int_equal(sr_gaz_lookup(g, "Al-Rawda", 8, ids, 8), 3);
    assert_int_equal(sr_gaz_lookup(g, "Kherbet Test", 12, ids, 8), 1);
    assert_string_equal(sr_gaz_str(g, sr_gaz_rec_at(g, ids[0])->admin1), "Deir ez-Zor");

    /* extending an index keeps what it had */
    b = sr_gaz_builder_new();
    assert_int_equal(sr_gaz_builder_add_index(b, g, &err), SR_OK);
    char idx2[320];
    snprintf(idx2, sizeof idx2, "%s/again.idx", dir);
    assert_int_equal(sr_gaz_builder_write(b, idx2, &err), SR_OK);
    sr_gaz_builder_free(b);
    sr_gaz_close(g);
    assert_int_equal(sr_gaz_open(idx2, &g, &err), SR_OK);
    assert_int_equal(sr_gaz_lookup(g, "Rawda", 5, ids, 8), 3);
    assert_int_equal(sr_gaz_lookup(g, "Khirbet Test", 12, ids, 8), 1);
    sr_gaz_close(g);
}

static void test_damaged_index(void **st)
{
    (void)st;
    char p[320];
    snprintf(p, sizeof p, "%s/damaged.idx", dir);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs("SRGAZ\0\0\0 this is not an index at all, just bytes that start like one", f);
    fclose(f);
    sr_gazetteer *g;
    sr_error err;
    assert_int_equal(sr_gaz_open(p, &g, &err), SR_ERR_PARSE);
    assert_non_null(strstr(err.msg, "rebuild"));

    /* Found by fuzz_gazetteer: a header whose string offset is so large
     * that offset + length wraps around to a small number looked valid. */
    unsigned char hdr[64 + 16];
    memset(hdr, 0, sizeof hdr);
    memcpy(hdr, "SRGAZ\0\0\0", 8);
    uint32_t u32[4] = {1, 0, 1, 0};          /* version, nrec, nslot, npost */
    memcpy(hdr + 8, u32, sizeof u32);
    uint64_t nstr = 16, off_rec = 64, off_slot = 64, off_post = 80, off_str = UINT64_MAX - 7;
    memcpy(hdr + 24, &nstr, 8);
    memcpy(hdr + 32, &off_rec, 8);
    memcpy(hdr + 40, &off_slot, 8);
    memcpy(hdr + 48, &off_post, 8);
    memcpy(hdr + 56, &off_str, 8);
    f = fopen(p, "wb");
    assert_non_null(f);
    fwrite(hdr, 1, sizeof hdr, f);
    fclose(f);
    assert_int_equal(sr_gaz_open(p, &g, &err), SR_ERR_PARSE);
    assert_non_null(strstr(err.msg, "damaged"));
}

static const char *code_place(sr_engine *e, const char *text, double *lat)
{
    static char name[128];
    sr_coder *c = sr_coder_new(e);
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = "t";
    a.text = text;
    a.date = "2018-06-04";
    sr_result *r;
    sr_error err;
    assert_int_equal(sr_code(c, &a, &r, &err), SR_OK);
    /* the last event is the one about the place under test */
    size_t n = sr_result_count(r);
    assert_true(n >= 1);
    sr_location_ref l;
    assert_true(sr_event_location(sr_result_event(r, n - 1), &l));
    snprintf(name, sizeof name, "%s", l.name);
    *lat = l.has_coords ? l.lat : 0;
    sr_coder_free(c);
    return name;
}

/* Three places named Rawdah: the province named with it decides. */
static void test_namesakes_by_province(void **st)
{
    (void)st;
    sr_options o;
    memset(&o, 0, sizeof o);
    o.data_dir = test_data_dir();
    o.gazetteer = idx;
    sr_engine *e;
    sr_error err;
    assert_int_equal(sr_engine_open(&o, &e, &err), SR_OK);
    double lat;
    code_place(e, "Syrian army troops captured the village of Rawdah in Deir ez-Zor province on Sunday.", &lat);
    assert_true(lat > 35.1 && lat < 35.3);
    code_place(e, "Syrian army troops captured the village of Rawdah in Homs province on Sunday.", &lat);
    assert_true(lat > 34.7 && lat < 34.9);
    code_place(e, "Syrian army troops captured the village of Al-Rawda, in the Aleppo countryside, on Sunday.", &lat);
    assert_true(lat > 36.1 && lat < 36.3);
    /* a gazetteer name comes out without its marks, as analysts write it */
    const char *nm = code_place(e, "Syrian army troops captured the village of Khirbet Hatib in Deir ez-Zor province on Sunday.", &lat);
    assert_string_equal(nm, "Khirbat Hatib");
    assert_true(lat > 35.3 && lat < 35.5);
    /* no province: the one near the places the article placed */
    code_place(e, "ISIS fighters attacked Hajin on Saturday.\nOn Sunday the SDF recaptured the village of Rawdah.", &lat);
    assert_true(lat > 35.1 && lat < 35.3);
    /* none in its sentence: the province the story named first (Aleppo's
     * Rawdah, the most populous, otherwise) */
    code_place(e, "Syrian army troops shelled ISIS positions in Homs province on Monday.\nOn Tuesday the army captured the village of Rawdah.", &lat);
    assert_true(lat > 34.7 && lat < 34.9);
    code_place(e, "Syrian army troops shelled ISIS positions on Monday.\nOn Tuesday the army captured the village of Rawdah.", &lat);
    assert_true(lat > 36.1 && lat < 36.3);
    /* a country's capital by its very name, after a story's place far
     * from it, before a like spelling near that place (Peyruis, 90 km
     * from Marseille): "the Paris suburb of Nanterre" */
    nm = code_place(e, "In Marseille, police fired tear gas at rioters on Friday.\nThe riots were sparked by the police "
                       "shooting of a teenager in the Paris suburb of Nanterre on Tuesday.", &lat);
    assert_string_equal(nm, "Paris");
    assert_true(lat > 48.8 && lat < 48.9);
    sr_engine_free(e);
}

static void test_province_not_city(void **st)
{
    (void)st;
    double lat;
    const char *n = code_place(test_engine(), "Coalition jets struck ISIS positions in Deir Ezzor province on Monday.", &lat);
    assert_non_null(strstr(n, "Governorate"));
    sr_coder *c = sr_coder_new(test_engine());
    sr_article a;
    memset(&a, 0, sizeof a);
    a.id = "p";
    a.text = "Coalition jets struck ISIS positions in Deir Ezzor province on Monday.";
    sr_result *r;
    sr_error err;
    assert_int_equal(sr_code(c, &a, &r, &err), SR_OK);
    sr_location_ref l;
    assert_true(sr_event_location(sr_result_event(r, 0), &l));
    assert_int_equal(l.geo_precision, 3);
    assert_string_equal(l.country, "SY");
    sr_coder_free(c);
}

int main(void)
{
    load_variants();
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest t[] = {
        cmocka_unit_test(test_variant_table_keys),     cmocka_unit_test(test_variant_table_distinct),
        cmocka_unit_test(test_variants_resolve),       cmocka_unit_test(test_import_fixture),
        cmocka_unit_test(test_damaged_index),          cmocka_unit_test(test_namesakes_by_province),
        cmocka_unit_test(test_province_not_city),      cmocka_unit_test(test_vowel_names_keyed),
    };
    int rc = cmocka_run_group_tests_name("geo", t, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd))
        rc = rc ? rc : 1;
    free(vars);
    sr_engine_free(test_engine());
    return rc;
}
