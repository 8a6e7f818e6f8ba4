/* Text layer: UTF-8 repair, punctuation, boilerplate, sentences, tokens. */
#include <ctype.h>

#include "testutil.h"
#include "text/text.h"
#include "util/hash.h"

static sr_arena A;

static char *clean(const char *in, size_t n, unsigned *fl)
{
    size_t on;
    *fl = 0;
    return sr_clean_text(&A, in, n, &on, fl);
}

static void test_clean_punctuation(void **st)
{
    (void)st;
    unsigned fl;
    const char *in = "Syria\xe2\x80\x99s \xe2\x80\x9cNew Army\xe2\x80\x9d \xe2\x80\x93 ok\xe2\x80\xa6";
    char *o = clean(in, strlen(in), &fl);
    assert_string_equal(o, "Syria's \"New Army\" - ok...");
    assert_int_equal(fl, 0);
}

static void test_clean_bad_utf8(void **st)
{
    (void)st;
    unsigned fl;
    /* a lone continuation byte, an overlong '/', a surrogate, a NUL */
    const char in[] = "a\x80"
                      "b\xc0\xaf"
                      "c\xed\xa0\x80"
                      "d\0e";
    char *o = clean(in, sizeof in - 1, &fl);
    assert_true(fl & SR_CLEAN_BAD_UTF8);
    assert_true(fl & SR_CLEAN_NUL);
    assert_non_null(strstr(o, "a\xef\xbf\xbd"));
    assert_non_null(strstr(o, "d e"));
    assert_null(strchr(o, '\x80'));
}

static void test_clean_invisible_and_crlf(void **st)
{
    (void)st;
    unsigned fl;
    const char in[] = "\xef\xbb\xbf"
                      "one\xe2\x80\x8b"
                      "two\r\nthree\rfour\xc2\xa0"
                      "five";
    char *o = clean(in, sizeof in - 1, &fl);
    assert_string_equal(o, "onetwo\nthree\nfour five");
}

static size_t split(const char *t, sr_span **sp)
{
    size_t n = 0, cap = 0;
    *sp = NULL;
    sr_split_sentences(&A, t, strlen(t), sp, &n, &cap);
    return n;
}

static void test_sentences_abbrev(void **st)
{
    (void)st;
    sr_span *sp;
    const char *t = "The U.S.-led coalition struck. The army was 30 km (19 miles) away. Gen. Smith said so.";
    assert_int_equal(split(t, &sp), 3);
    assert_int_equal(sp[1].off, 31);
    assert_memory_equal(t + sp[2].off, "Gen. Smith", 10);
}

static void test_sentences_lost_space_and_quotes(void **st)
{
    (void)st;
    sr_span *sp;
    const char *t = "revenue for the group.The coalition jets bombed it. \"We won,\" he said. Then 3.5 km more.";
    size_t n = split(t, &sp);
    assert_int_equal(n, 4);
    assert_memory_equal(t + sp[1].off, "The coalition", 13);
    assert_memory_equal(t + sp[2].off, "\"We won", 7);
    assert_memory_equal(t + sp[3].off, "Then 3.5 km more.", 17);
}

static void test_sentences_lowercase_after_period(void **st)
{
    (void)st;
    sr_span *sp;
    assert_int_equal(split("He met U.S. officials on Monday. No. 3 was there.", &sp), 2);
}

/* The splitter skips eight bytes at a time: a stop at any offset of a
 * long run must still be seen. */
static void test_sentences_every_offset(void **st)
{
    (void)st;
    char t[128];
    for (size_t k = 2; k < 90; k++) {
        for (const char *stop = ".!?"; *stop; stop++) {
            memset(t, 0, sizeof t);
            memset(t, 'a', k);
            t[0] = 'A';
            t[k] = *stop;
            strcpy(t + k + 1, " Then the army came back to the town");
            sr_span *sp;
            assert_int_equal(split(t, &sp), 2);
            assert_int_equal(sp[0].len, k + 1);
            assert_memory_equal(t + sp[1].off, "Then", 4);
        }
    }
}

/* Runs of plain ASCII are copied eight bytes at a time: a control,
 * DEL or non-ASCII byte at any offset must still be handled. */
static void test_clean_every_offset(void **st)
{
    (void)st;
    const char *odd[] = {"\t", "\x7f", "\x01", "\xc2\xa0", "\xe2\x80\x99", "\x80", "\n"};
    const char *want[] = {" ", " ", " ", " ", "'", "\xef\xbf\xbd", "\n"};
    char in[128], exp[128];
    for (size_t k = 0; k < 40; k++) {
        for (size_t o = 0; o < sizeof odd / sizeof odd[0]; o++) {
            memset(in, 'x', k);
            strcpy(in + k, odd[o]);
            strcat(in, "yyyyyyyyyyyyyyyyyy");
            memset(exp, 'x', k);
            strcpy(exp + k, want[o]);
            strcat(exp, "yyyyyyyyyyyyyyyyyy");
            unsigned fl;
            char *got = clean(in, strlen(in), &fl);
            assert_string_equal(got, exp);
        }
    }
}

/* A reset keeps chunks for the next document instead of returning them
 * to malloc; memory handed out after a reset is usable and distinct. */
static void test_arena_reuse(void **st)
{
    (void)st;
    sr_arena a;
    sr_arena_init(&a, 1024);
    for (int round = 0; round < 50; round++) {
        char *p[40];
        for (int i = 0; i < 40; i++) {
            p[i] = sr_arena_alloc(&a, 300);
            assert_non_null(p[i]);
            memset(p[i], i, 300);
        }
        for (int i = 0; i < 40; i++)
            for (int b = 0; b < 300; b += 37)
                assert_int_equal((unsigned char)p[i][b], i);
        /* a block bigger than a chunk is not kept */
        assert_non_null(sr_arena_alloc(&a, 5000));
        sr_arena_reset(&a);
        assert_true(a.nspare <= SR_ARENA_SPARE);
        /* what stays reserved is the spares, never more */
        assert_true(a.total <= SR_ARENA_SPARE * 1024);
    }
    assert_int_equal(a.nspare, SR_ARENA_SPARE);
    sr_arena_free(&a);
    assert_int_equal(a.nspare, 0);
    assert_null(a.spare);
}

static void test_tokens(void **st)
{
    (void)st;
    sr_token *t;
    const char *s = "Syria's al-Bab didn't fall; U.S.-backed 2,500 fighters' 45th Shi'ite";
    size_t n = sr_tokenize(&A, s, strlen(s), &t, 0, NULL);
    const char *want[] = {"syria", "'s", "al", "bab", "did", "not", "fall", ";", "us", "backed", "2500", "fighters",
                          "'s", "45th", "shiite"};
    assert_int_equal(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(t[i].norm, want[i]);
    assert_true(t[1].flags & TK_POSS);
    assert_true(t[3].flags & TK_HYPH);
    assert_true(t[5].flags & TK_NEG);
    assert_true(t[8].flags & TK_DOTTED);
    assert_true(t[8].flags & TK_ALLCAP);
    assert_true(t[10].flags & TK_NUM);
    assert_true(t[10].num == 2500);
    assert_true(t[13].flags & TK_ORD);
    assert_true(t[0].flags & TK_CAP);
}

static void test_tokens_diacritics_and_limit(void **st)
{
    (void)st;
    sr_token *t;
    const char *s = "\xc4\x80"
                    "lb\xc5\xab Kam\xc4\x81"
                    "l in Ra\xe2\x80\x99s";
    size_t n = sr_tokenize(&A, s, strlen(s), &t, 0, NULL);
    assert_true(n >= 3);
    assert_string_equal(t[0].norm, "albu");
    assert_string_equal(t[1].norm, "kamal");
    int trunc = 0;
    n = sr_tokenize(&A, "one two three four", 18, &t, 2, &trunc);
    assert_int_equal(n, 2);
    assert_true(trunc);
    /* the limit reached with only a space left is still a cut (the
     * tokenizer takes the space after a plain word with the word) */
    trunc = 0;
    assert_int_equal(sr_tokenize(&A, "one two ", 8, &t, 2, &trunc), 2);
    assert_true(trunc);
    trunc = 0;
    assert_int_equal(sr_tokenize(&A, "one two", 7, &t, 2, &trunc), 2);
    assert_false(trunc);
    assert_int_equal(sr_tokenize(&A, "one  two x", 10, &t, 0, NULL), 3);
    assert_true((t[1].flags & TK_SPACE_BEFORE) && t[1].off == 5);
}

/* Each token's hash is its norm's, whichever way the norm was made (ASCII
 * words, marked letters, punctuation, n't, possessives); case flags as
 * the words are written. */
static void test_token_hash_and_case(void **st)
{
    (void)st;
    sr_token *t;
    const char *s = "ISIS's Kam\xc4\x81l didn't flee... the U.S. \xe2\x80\x94 al-Bab iPhone A.";
    size_t n = sr_tokenize(&A, s, strlen(s), &t, 0, NULL);
    assert_true(n >= 12);
    for (size_t i = 0; i < n; i++)
        assert_true(t[i].hash == sr_word_hash(t[i].norm, t[i].nlen));
    assert_string_equal(t[0].norm, "isis");
    assert_true((t[0].flags & TK_CAP) && (t[0].flags & TK_ALLCAP));
    assert_string_equal(t[2].norm, "kamal");
    assert_true((t[2].flags & TK_CAP) && !(t[2].flags & TK_ALLCAP));
    assert_true(!(t[3].flags & TK_CAP)); /* did */
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(t[i].norm, "iphone"))
            assert_true(!(t[i].flags & (TK_CAP | TK_ALLCAP)));
        if (!strcmp(t[i].norm, "a") && (t[i].flags & TK_DOTTED))
            assert_true(t[i].flags & TK_ALLCAP);
    }
}

static void test_boilerplate(void **st)
{
    (void)st;
    sr_boiler b;
    memset(&b, 0, sizeof b);
    char r0[] = "leave a comment", r1[] = "error:", r2[] = "cookies", r3[] = "leave now";
    assert_int_equal(sr_boiler_add(&b, 0, r0), 0);
    assert_int_equal(sr_boiler_add(&b, 1, r1), 0);
    assert_int_equal(sr_boiler_add(&b, 2, r2), 0);
    assert_int_equal(sr_boiler_add(&b, 0, r3), 0); /* shares r0's first letter */
    assert_true(sr_boiler_match(&b, "Leave now", 9));
    assert_true(sr_boiler_match(&b, "Leave a Comment", 15));
    assert_true(sr_boiler_match(&b, "  Leave  a comment.", 19));
    assert_true(sr_boiler_match(&b, "error: copying forbidden", 24));
    assert_true(sr_boiler_match(&b, "We use cookies on this site", 27));
    assert_true(sr_boiler_match(&b, "1 \xc3\x97 1 =", 8));
    assert_true(sr_boiler_match(&b, "3 + 4 =", 7));
    assert_false(sr_boiler_match(&b, "Leave a comment about the attack on Hajin, he said", 50));
    assert_false(sr_boiler_match(&b, "ISIS attacked Hajin.", 20));
    /* "after": the line, and the rest, are teasers for other stories */
    char r5[] = "related articles";
    assert_int_equal(sr_boiler_add(&b, 5, r5), 0);
    assert_int_equal(sr_boiler_match(&b, "Related Articles", 16), SR_BOILER_REST);
    assert_int_equal(sr_boiler_match(&b, "Related articles:", 17), SR_BOILER_REST);
    assert_int_equal(sr_boiler_match(&b, "Leave now", 9), 1);
    assert_false(sr_boiler_match(&b, "Related articles say the army shelled Hajin", 43));
    /* "teasers": the line, and the headlines right after it */
    char r6[] = "also read";
    assert_int_equal(sr_boiler_add(&b, 6, r6), 0);
    assert_int_equal(sr_boiler_match(&b, "Also Read", 9), SR_BOILER_TEASERS);
    assert_int_equal(sr_boiler_match(&b, "ALSO READ:", 10), SR_BOILER_TEASERS);
    assert_false(sr_boiler_match(&b, "Also read the statement of the army", 35));
    /* contains rules only on short lines */
    assert_false(sr_boiler_match(&b, "one two three four five six seven eight nine ten eleven twelve cookies", 70));
    /* within rules on a line of any length: a feed's footer */
    char r4[] = "appeared first on";
    assert_int_equal(sr_boiler_add(&b, 4, r4), 0);
    const char *footer = "The post Three killed in Sudan's El Fasher as shelling escalates appeared first on Sudan Tribune.";
    assert_true(sr_boiler_match(&b, footer, strlen(footer)));
    assert_false(sr_boiler_match(&b, "Three people were killed in El Fasher as shelling escalated on Friday.", 70));
    free(b.rules);
}

/* The squeeze goes eight bytes a step until a run of spaces: rules must
 * match (and the twelve-word limit of contains rules hold) wherever the
 * runs, capitals and word starts fall against those steps. */
static void test_boilerplate_every_alignment(void **st)
{
    (void)st;
    sr_boiler b;
    memset(&b, 0, sizeof b);
    char r0[] = "share this article", r1[] = "read more:", r2[] = "cookies";
    assert_int_equal(sr_boiler_add(&b, 0, r0), 0);
    assert_int_equal(sr_boiler_add(&b, 1, r1), 0);
    assert_int_equal(sr_boiler_add(&b, 2, r2), 0);
    char line[256];
    for (int pad = 0; pad < 17; pad++) {
        for (int gap = 1; gap < 4; gap++) {
            /* leading spaces, then words split by 1 to 3 spaces */
            int n = snprintf(line, sizeof line, "%*sSHARE%*sThis%*sarticle", pad, "", gap, "", gap, "");
            assert_true(sr_boiler_match(&b, line, (size_t)n));
            n = snprintf(line, sizeof line, "%*sRead%*sMORE: the army said%*s", pad, "", gap, "", gap, "");
            assert_true(sr_boiler_match(&b, line, (size_t)n));
            n = snprintf(line, sizeof line, "%*sshare this articles", pad, "");
            assert_false(sr_boiler_match(&b, line, (size_t)n));
            /* twelve words: the contains rule applies; thirteen: not */
            n = snprintf(line, sizeof line, "%*sa bb%*sccc dd e ff ggg h ii j kk COOKIES", pad, "", gap, "");
            assert_true(sr_boiler_match(&b, line, (size_t)n));
            n = snprintf(line, sizeof line, "%*sa bb%*sccc dd e ff ggg h ii j kk ll COOKIES", pad, "", gap, "");
            assert_false(sr_boiler_match(&b, line, (size_t)n));
        }
    }
    free(b.rules);
}

/* Two ways to the same key: the tokenizer's (reading past the end, into
 * the norm room's slack) and the dictionary's (byte by byte). */
static void test_word_hash_padded(void **st)
{
    (void)st;
    char w[64 + 8];
    for (size_t n = 0; n <= 64; n++) {
        memset(w, 0, sizeof w);
        for (size_t i = 0; i < n; i++)
            w[i] = (char)('a' + (i * 7) % 26);
        for (size_t i = n; i < sizeof w; i++)
            w[i] = (char)0xA5; /* slack holds anything */
        assert_true(sr_word_hash_padded(w, n) == sr_word_hash(w, n));
        if (n)
            assert_true(sr_word_hash(w, n) != sr_word_hash(w, n - 1));
    }
}

/* The tokenizer writes a word's norm eight bytes a step; sr_norm_word
 * writes it byte by byte. Every length, with a capital, a digit or an
 * inner apostrophe at every position, gives the same norm. */
static void test_token_norm_every_position(void **st)
{
    (void)st;
    char word[48], text[64], ref[64];
    for (size_t len = 1; len < 40; len++) {
        for (size_t pos = 0; pos < len; pos++) {
            for (int kind = 0; kind < 3; kind++) {
                for (size_t i = 0; i < len; i++)
                    word[i] = (char)('a' + (i * 5) % 26);
                if (kind == 0)
                    word[pos] = (char)('A' + pos % 26);
                else if (kind == 1)
                    word[pos] = (char)('0' + pos % 10);
                else if (pos > 0 && pos + 2 < len)
                    word[pos] = '\'';
                word[len] = 0;
                int n = snprintf(text, sizeof text, "x %s, y", word);
                sr_token *t;
                size_t nt = sr_tokenize(&A, text, (size_t)n, &t, 0, NULL);
                assert_true(nt >= 4);
                sr_norm_word(word, len, ref, sizeof ref);
                assert_string_equal(t[1].norm, ref);
                assert_int_equal(t[1].nlen, strlen(ref));
                assert_true(t[1].hash == sr_word_hash(ref, strlen(ref)));
                assert_string_equal(t[2].norm, ",");
                sr_arena_reset(&A);
            }
        }
    }
}

/* Plain words (lower case, or a capital then lower case) end at any mark
 * but an apostrophe; their tokens are the same whatever mark ends them,
 * and the mark is a token of its own (a glued hyphen joins the next word). */
static void test_plain_word_every_mark(void **st)
{
    (void)st;
    const char *words[] = {"a", "ab", "Ab", "killed", "Raqqa", "abcdefghijklmnopqrstuvwxyz"};
    char text[64];
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t len = strlen(words[w]);
        for (int d = 0x21; d < 0x7f; d++) {
            if (isalnum(d) || d == '\'' || (d == '.' && len == 1))
                continue;
            int n = snprintf(text, sizeof text, "x %s%cy z", words[w], d);
            sr_token *t;
            size_t nt = sr_tokenize(&A, text, (size_t)n, &t, 0, NULL);
            assert_true(nt >= 4);
            char ref[64];
            sr_norm_word(words[w], len, ref, sizeof ref);
            assert_string_equal(t[1].norm, ref);
            assert_int_equal(t[1].off, 2);
            assert_int_equal(t[1].len, len);
            unsigned want = TK_WORD | TK_ALPHA | TK_SPACE_BEFORE | (isupper((unsigned char)words[w][0]) ? TK_CAP : 0);
            assert_int_equal(t[1].flags, want);
            assert_true(t[1].hash == sr_word_hash(ref, strlen(ref)));
            if (d == '-') {
                assert_string_equal(t[2].norm, "y");
                assert_true(t[2].flags & TK_HYPH);
            } else {
                assert_int_equal(t[2].off, 2 + len);
                assert_true(t[2].flags & TK_PUNCT);
            }
            sr_arena_reset(&A);
        }
        /* at the end of the text, and before a non-ASCII letter (which
         * belongs to the word) */
        int n = snprintf(text, sizeof text, "x %s", words[w]);
        sr_token *t;
        assert_int_equal(sr_tokenize(&A, text, (size_t)n, &t, 0, NULL), 2);
        assert_int_equal(t[1].len, len);
        n = snprintf(text, sizeof text, "x %s\xc3\xa9 z", words[w]);
        assert_int_equal(sr_tokenize(&A, text, (size_t)n, &t, 0, NULL), 3);
        assert_int_equal(t[1].len, len + 2);
        sr_arena_reset(&A);
    }
}

int main(void)
{
    sr_arena_init(&A, 1 << 16);
    const struct CMUnitTest t[] = {
        cmocka_unit_test(test_clean_punctuation),
        cmocka_unit_test(test_clean_bad_utf8),
        cmocka_unit_test(test_clean_invisible_and_crlf),
        cmocka_unit_test(test_sentences_abbrev),
        cmocka_unit_test(test_sentences_lost_space_and_quotes),
        cmocka_unit_test(test_sentences_lowercase_after_period),
        cmocka_unit_test(test_sentences_every_offset),
        cmocka_unit_test(test_clean_every_offset),
        cmocka_unit_test(test_arena_reuse),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_tokens_diacritics_and_limit),
        cmocka_unit_test(test_token_hash_and_case),
        cmocka_unit_test(test_boilerplate),
        cmocka_unit_test(test_boilerplate_every_alignment),
        cmocka_unit_test(test_word_hash_padded),
        cmocka_unit_test(test_token_norm_every_position),
        cmocka_unit_test(test_plain_word_every_mark),
    };
    int rc = cmocka_run_group_tests_name("text", t, NULL, NULL);
    sr_arena_free(&A);
    return rc;
}
