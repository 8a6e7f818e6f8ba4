#include "inflect.h"

#include <stdio.h>
#include <string.h>

/* lemma, past, past participle: the English irregular verbs that news of
 * fighting uses. */
static const char *const irregular[][3] = {
    {"arise", "arose", "arisen"}, {"awake", "awoke", "awoken"}, {"be", "was", "been"},
    {"bear", "bore", "borne"}, {"beat", "beat", "beaten"}, {"become", "became", "become"},
    {"begin", "began", "begun"}, {"bend", "bent", "bent"}, {"bind", "bound", "bound"},
    {"bite", "bit", "bitten"}, {"bleed", "bled", "bled"}, {"blow", "blew", "blown"},
    {"break", "broke", "broken"}, {"bring", "brought", "brought"}, {"build", "built", "built"},
    {"burn", "burned", "burnt"}, {"buy", "bought", "bought"}, {"catch", "caught", "caught"},
    {"choose", "chose", "chosen"}, {"come", "came", "come"}, {"cut", "cut", "cut"},
    {"deal", "dealt", "dealt"}, {"dig", "dug", "dug"}, {"do", "did", "done"},
    {"draw", "drew", "drawn"}, {"drive", "drove", "driven"}, {"eat", "ate", "eaten"},
    {"fall", "fell", "fallen"}, {"feed", "fed", "fed"}, {"feel", "felt", "felt"},
    {"fight", "fought", "fought"}, {"find", "found", "found"}, {"flee", "fled", "fled"},
    {"fly", "flew", "flown"}, {"forbid", "forbade", "forbidden"}, {"freeze", "froze", "frozen"},
    {"get", "got", "gotten"}, {"give", "gave", "given"}, {"go", "went", "gone"},
    {"grow", "grew", "grown"}, {"hang", "hanged", "hanged"}, {"have", "had", "had"},
    {"hear", "heard", "heard"}, {"hide", "hid", "hidden"}, {"hit", "hit", "hit"},
    {"hold", "held", "held"}, {"hurt", "hurt", "hurt"}, {"keep", "kept", "kept"},
    {"know", "knew", "known"}, {"lay", "laid", "laid"}, {"lead", "led", "led"},
    {"leave", "left", "left"}, {"lend", "lent", "lent"}, {"let", "let", "let"},
    {"light", "lit", "lit"}, {"lose", "lost", "lost"}, {"make", "made", "made"},
    {"mean", "meant", "meant"}, {"meet", "met", "met"}, {"overcome", "overcame", "overcome"},
    {"overrun", "overran", "overrun"}, {"overtake", "overtook", "overtaken"},
    {"overthrow", "overthrew", "overthrown"}, {"pay", "paid", "paid"}, {"put", "put", "put"},
    {"quit", "quit", "quit"}, {"read", "read", "read"}, {"rebuild", "rebuilt", "rebuilt"},
    {"retake", "retook", "retaken"}, {"ride", "rode", "ridden"}, {"rise", "rose", "risen"},
    {"run", "ran", "run"}, {"say", "said", "said"}, {"see", "saw", "seen"},
    {"seek", "sought", "sought"}, {"sell", "sold", "sold"}, {"send", "sent", "sent"},
    {"set", "set", "set"}, {"shake", "shook", "shaken"}, {"shed", "shed", "shed"},
    {"shoot", "shot", "shot"}, {"show", "showed", "shown"}, {"shut", "shut", "shut"},
    {"sink", "sank", "sunk"}, {"slay", "slew", "slain"}, {"speak", "spoke", "spoken"},
    {"spend", "spent", "spent"}, {"split", "split", "split"}, {"spread", "spread", "spread"},
    {"stand", "stood", "stood"}, {"steal", "stole", "stolen"}, {"stick", "stuck", "stuck"},
    {"strike", "struck", "struck"}, {"swear", "swore", "sworn"}, {"sweep", "swept", "swept"},
    {"take", "took", "taken"}, {"teach", "taught", "taught"}, {"tear", "tore", "torn"},
    {"tell", "told", "told"}, {"think", "thought", "thought"}, {"throw", "threw", "thrown"},
    {"undertake", "undertook", "undertaken"}, {"uphold", "upheld", "upheld"},
    {"wake", "woke", "woken"}, {"wear", "wore", "worn"}, {"win", "won", "won"},
    {"withdraw", "withdrew", "withdrawn"}, {"withhold", "withheld", "withheld"},
    {"write", "wrote", "written"}, {"shoot down", "shot down", "shot down"},
};

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Monosyllables ending consonant-vowel-consonant double the consonant:
 * grab -> grabbed, ban -> banning. */
static int doubles(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    char c = w[n - 1], v = w[n - 2], p = w[n - 3];
    if (is_vowel(c) || c == 'w' || c == 'x' || c == 'y' || !is_vowel(v) || is_vowel(p))
        return 0;
    int vowels = 0;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])))
            vowels++;
    return vowels == 1;
}

void sr_inflect_verb(const char *lemma, char out[VF_COUNT][48])
{
    size_t n = strlen(lemma);
    if (n > 40)
        n = 40;
    char w[41];
    memcpy(w, lemma, n);
    w[n] = 0;
    snprintf(out[VF_BASE], 48, "%s", w);
    const char *past = NULL, *part = NULL;
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
        if (strcmp(irregular[i][0], w) == 0) {
            past = irregular[i][1];
            part = irregular[i][2];
            break;
        }
    char last = n ? w[n - 1] : 0;
    char prev = n > 1 ? w[n - 2] : 0;
    /* -s */
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')) ||
        (last == 'o' && !is_vowel(prev)))
        snprintf(out[VF_S], 48, "%ses", w);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(out[VF_S], 48, "%.*sies", (int)(n - 1), w);
    else
        snprintf(out[VF_S], 48, "%ss", w);
    /* -ed */
    char ed[48];
    if (last == 'e')
        snprintf(ed, sizeof ed, "%sd", w);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(ed, sizeof ed, "%.*sied", (int)(n - 1), w);
    else if (doubles(w, n))
        snprintf(ed, sizeof ed, "%s%ced", w, last);
    else
        snprintf(ed, sizeof ed, "%sed", w);
    snprintf(out[VF_PAST], 48, "%s", past ? past : ed);
    snprintf(out[VF_PART], 48, "%s", part ? part : ed);
    /* -ing */
    if (n >= 2 && last == 'e' && prev == 'i')
        snprintf(out[VF_ING], 48, "%.*sying", (int)(n - 2), w);
    else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' && n > 2)
        snprintf(out[VF_ING], 48, "%.*sing", (int)(n - 1), w);
    else if (doubles(w, n))
        snprintf(out[VF_ING], 48, "%s%cing", w, last);
    else
        snprintf(out[VF_ING], 48, "%sing", w);
}

void sr_pluralize(const char *noun, char *out, size_t cap)
{
    size_t n = strlen(noun);
    char last = n ? noun[n - 1] : 0;
    char prev = n > 1 ? noun[n - 2] : 0;
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
        snprintf(out, cap, "%ses", noun);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(out, cap, "%.*sies", (int)(n - 1), noun);
    else
        snprintf(out, cap, "%ss", noun);
}
