#!/bin/sh
# Command-line tests: tests/cli.sh SITREP_BINARY. Prints TAP lines.
bin=$1
n=0
t=$(mktemp -d /tmp/sitrep-cli-XXXXXX)
trap 'rm -rf "$t"' EXIT
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { # description, then a command whose status decides
    d=$1; shift
    if "$@" >/dev/null 2>&1; then ok "$d"; else notok "$d"; fi
}

printf '%s\n' '{"id":"a1","date":"2019-05-06","text":"Russian warplanes bombed the town of Saraqib on Sunday, killing 12 civilians."}' \
    '{"id":"broken","text": "unfinished' \
    '{"id":"notext"}' \
    '{"id":"a2","date":"2018-09-10","text":"The SDF will launch an offensive to capture Hajin next week."}' > "$t/in.jsonl"

"$bin" code "$t/in.jsonl" > "$t/out" 2> "$t/err"
rc=$?
check "malformed input gives exit status 3" test "$rc" -eq 3
check "a malformed line is reported as FILE:LINE: reason" grep -q "in.jsonl:2: not valid JSON" "$t/err"
check "a missing text is reported with its line" grep -q 'in.jsonl:3: missing "text"' "$t/err"
check "articles after a bad line are still coded" grep -q '"doc_id":"a1"' "$t/out"
check "planned events are left out by default" sh -c "! grep -q '\"doc_id\":\"a2\"' '$t/out'"
check "every output line is JSON" python3 -c "
import json,sys
for l in open('$t/out'): json.loads(l)"

"$bin" code --all "$t/in.jsonl" > "$t/all" 2>/dev/null
check "--all writes planned events with their modality" grep -q '"modality":"planned"' "$t/all"

"$bin" code -f csv "$t/in.jsonl" > "$t/csv" 2>/dev/null
check "--format csv writes a header" sh -c "head -1 '$t/csv' | grep -q '^event_id_cnty,event_date'"
check "--format csv writes one row per event" test "$(wc -l < "$t/csv")" -eq 2
"$bin" code --format cameo-tsv "$t/in.jsonl" > "$t/tsv" 2>/dev/null
check "--format cameo-tsv writes CAMEO codes" grep -q "	195	19	4	" "$t/tsv"
check "an unknown format is a usage error" sh -c "'$bin' code -f xml '$t/in.jsonl'; test \$? -eq 2"
check "an unknown option is a usage error" sh -c "'$bin' code --bogus; test \$? -eq 2"
check "an unknown command is a usage error" sh -c "'$bin' frobnicate; test \$? -eq 2"
check "a bad number for a limit is a usage error" sh -c "'$bin' code --max-tokens -3 '$t/in.jsonl'; test \$? -eq 2"
check "--help lists the commands" sh -c "'$bin' --help | grep -q 'code \\[FILE'"
check "code --help describes the exit status" sh -c "'$bin' code --help | grep -q 'exit status'"
check "version reports the dictionaries" sh -c "'$bin' version | grep -q 'named actors'"

printf 'Coalition jets struck Hajin on Sunday, killing nine militants.\n' > "$t/report.txt"
"$bin" code "$t/report.txt" > "$t/txt" 2>/dev/null
check "a .txt file is one article named after the file" grep -q '"doc_id":"report.txt"' "$t/txt"
printf '<html><head><title>x</title><style>p{}</style></head><body><p>Coalition jets struck Hajin on Sunday.</p><script>alert(1)</script></body></html>' > "$t/page.html"
"$bin" code "$t/page.html" > "$t/html" 2>/dev/null
check "an .html file is coded from its text" grep -q '"location":{"name":"Hajin"' "$t/html"

"$bin" code - < "$t/in.jsonl" > "$t/stdin" 2>/dev/null
check "'-' reads standard input" grep -q '"doc_id":"a1"' "$t/stdin"
"$bin" code -o "$t/o.jsonl" "$t/in.jsonl" 2>/dev/null
check "-o writes to a file" grep -q '"doc_id":"a1"' "$t/o.jsonl"
"$bin" code "$t/nonexistent.jsonl" "$t/in.jsonl" > "$t/miss" 2> "$t/misserr"
rc=$?
check "a missing file is reported and the next is coded" sh -c "test $rc -eq 3 && grep -q 'cannot open' '$t/misserr' && grep -q a1 '$t/miss'"
check "a missing data directory is fatal with a message" sh -c "'$bin' code --data /nonexistent '$t/in.jsonl' 2>&1 >/dev/null | grep -q 'missing dictionary file'"
"$bin" code --data /nonexistent "$t/in.jsonl" >/dev/null 2>&1
check "a missing data directory gives exit status 1" test $? -eq 1

mkdir -p "$t/dict"
printf 'Free Hills Brigade | TSTREBFHB | armed nonstate rebel | SY\n    Hills Brigade\n' > "$t/dict/actors.txt"
printf '{"id":"d1","date":"2019-05-06","text":"The Free Hills Brigade captured the village of Suluk on Sunday."}\n' > "$t/d.jsonl"
"$bin" code --dict "$t/dict" "$t/d.jsonl" > "$t/dict.out" 2>/dev/null
check "--dict adds actors to the defaults" grep -q '"name":"Free Hills Brigade"' "$t/dict.out"
printf 'Broken line without fields\n' > "$t/dict/actors.txt"
"$bin" code --dict "$t/dict" "$t/d.jsonl" > /dev/null 2> "$t/dicterr"
check "a broken dictionary line is reported as FILE:LINE" grep -q "actors.txt:1: expected" "$t/dicterr"

printf '{"id":"q1","text":"ok"}\n' | "$bin" code > "$t/q" 2>&1
check "an article without events exits 0" test $? -eq 0

# gazetteer: import a GeoNames-format file, report its bad lines, look up
"$bin" gazetteer import --admin1 tests/data/admin1_fixture.txt -o "$t/g.idx" tests/data/geonames_fixture.txt 2> "$t/gerr"
rc=$?
check "gazetteer import reports malformed lines as FILE:LINE" grep -q "geonames_fixture.txt:14: expected 19 tab-separated columns" "$t/gerr"
check "gazetteer import exits 3 when lines were skipped" test "$rc" -eq 3
check "gazetteer lookup finds a spelling variant" sh -c "'$bin' gazetteer lookup -o '$t/g.idx' --country SY --admin Homs Rawda | grep -q '34.8000'"
check "gazetteer lookup says when a name is unknown" sh -c "'$bin' gazetteer lookup -o '$t/g.idx' Zzyzxq | grep -q 'not found'"
check "gazetteer build needs its input" sh -c "'$bin' gazetteer build -o '$t/x.idx'; test \$? -eq 2"
# a province of the list is at its town nearest the mean of its towns
# (Charlie, not the far-off Delta's pull nor the first town); one with no
# town has no point to give and is left out
"$bin" gazetteer build --cities tests/data/cities_fixture.json --admin1 tests/data/admin1_fixture.json -o "$t/fx.idx" 2> /dev/null
check "gazetteer build puts a province at its town nearest the mean of its towns" sh -c \
    "'$bin' gazetteer lookup -o '$t/fx.idx' 'Northern Highlands' | grep -q 'ZZ.12.0000.12.0000' && '$bin' gazetteer lookup -o '$t/fx.idx' 'Empty Province' | grep -q 'not found'"
# ("Enga province" of GeoNames' "Enga Province": its name alone too, not a
# word such as "Central")
check "gazetteer build finds a province by its name without its administrative word, not a common word" sh -c \
    "'$bin' gazetteer lookup -o '$t/fx.idx' Kivala | grep -q 'Kivala Province.ZZ.-7.0000.31.0000' && '$bin' gazetteer lookup -o '$t/fx.idx' Central | grep -q 'not found'"
if [ -f build/gazetteer.idx ]; then
    check "version reports the GeoNames gazetteer" sh -c "'$bin' version | grep -q 'GeoNames'"
fi
# "captured the village of Orlivka west of Avdiivka": a town told by a
# compass word and "of" another, its point far from it, is a namesake the
# list lacks, placed near the other at precision 2 (src/code/places.c
# far_namesakes); a distance told makes room for it
printf '%s\n' '{"id":"far","date":"2024-03-18","text":"Rebels captured the village of Alpha west of Echo on Sunday."}' \
    '{"id":"told","date":"2024-03-18","text":"Rebels captured the village of Alpha, 200 km west of Bravo, on Sunday."}' > "$t/far.jsonl"
SITREP_GAZETTEER="$t/fx.idx" "$bin" code --min-confidence 0 "$t/far.jsonl" > "$t/far.out" 2> /dev/null
check "a town far from the one it is told near is placed near that one" sh -c \
    "grep '\"far\"' '$t/far.out' | grep -q '\"lat\":-5.0000,\"lon\":30.0000,\"geo_precision\":2'"
check "a town as far as the distance told stays at its own point" sh -c \
    "grep '\"told\"' '$t/far.out' | grep -q '\"lat\":10.0000,\"lon\":10.0000,\"geo_precision\":1'"

# -j N codes in threads while the main thread reads (src/cli/pipeline.c):
# the output and the messages must be those of one thread, in input order,
# across many turns of the ring, with bad lines and warnings among them.
python3 tests/make_articles.py 2600 5 | awk 'NR % 397 == 0 { print "{\"id\": \"bad" NR "\", \"text\": " } NR % 211 == 0 { print "{\"id\": \"w" NR "\", \"text\": \"x\", \"date\": 5}" } { print }' > "$t/many.jsonl"
"$bin" code -j 1 "$t/many.jsonl" > "$t/j1" 2> "$t/j1err"
rc1=$?
"$bin" code -j 2 "$t/many.jsonl" > "$t/j2" 2> "$t/j2err"
rc2=$?
"$bin" code -j 3 "$t/many.jsonl" > "$t/j3" 2> "$t/j3err"
rc3=$?
check "-j 2 and -j 3 write what -j 1 writes, in input order" sh -c "cmp -s '$t/j1' '$t/j2' && cmp -s '$t/j1' '$t/j3' && test -s '$t/j1'"
check "-j 2 and -j 3 report the same messages in the same order" sh -c "cmp -s '$t/j1err' '$t/j2err' && cmp -s '$t/j1err' '$t/j3err' && grep -q 'many.jsonl:[0-9]*: not valid JSON' '$t/j1err' && grep -q 'many.jsonl:2[0-9][0-9][0-9]: warning' '$t/j1err'"
check "-j N gives -j 1's exit status" sh -c "test $rc1 -eq 3 && test $rc2 -eq 3 && test $rc3 -eq 3"
# ingest runs the same pipeline: -j 3 stores what -j 1 stores, and says
# the same things in the same order
"$bin" ingest -j 1 --no-progress --db "$t/i1.db" "$t/many.jsonl" 2> "$t/i1err"
ri1=$?
"$bin" ingest -j 3 --no-progress --db "$t/i3.db" "$t/many.jsonl" 2> "$t/i3err"
ri3=$?
"$bin" query --db "$t/i1.db" > "$t/q1" 2>/dev/null
"$bin" query --db "$t/i3.db" > "$t/q3" 2>/dev/null
check "ingest -j 3 stores what ingest -j 1 stores" sh -c "test -s '$t/q1' && cmp -s '$t/q1' '$t/q3'"
check "ingest -j 3 reports what -j 1 reports, in order, with -j 1's exit status" sh -c "cmp -s '$t/i1err' '$t/i3err' && grep -q 'many.jsonl:[0-9]*: not valid JSON' '$t/i1err' && test $ri1 -eq 3 && test $ri3 -eq 3"

if [ -d examples ]; then
    "$bin" code examples/articles.jsonl > "$t/ex" 2>/dev/null
    check "the bundled examples code without rejections" test $? -eq 0
    check "the bundled examples give events" test "$(wc -l < "$t/ex")" -ge 5
fi
# a new event type from data alone: a taxonomy line and its words in a
# --dict directory, no change to the C code
printf '%s\n' '{"id":"c1","date":"2022-02-16","text":"The Russian army launched a cyberattack on the power grid in Kyiv on Monday."}' > "$t/cyber.jsonl"
"$bin" code --min-confidence 0 --dict tests/data/newclass "$t/cyber.jsonl" > "$t/out" 2> "$t/err"
check "a made-up class from --dict codes to its own sub-event type" python3 -c "
import json
e = [json.loads(l) for l in open('$t/out')]
assert len(e) == 1, e
assert e[0]['event_type'] == 'Strategic developments' and e[0]['sub_event_type'] == 'Cyber attack', e
assert e[0]['actor1']['name'] == 'Russian Armed Forces' and e[0]['location']['name'] == 'Kyiv', e"
"$bin" code "$t/cyber.jsonl" > "$t/out" 2> "$t/err"
check "without the directory the same sentence is no event" test ! -s "$t/out"
printf 'rule CYBER lunar-phase -> CYBER_ATTACK\n' > "$t/badtax.txt"
mkdir -p "$t/badtax" && cp tests/data/newclass/*.txt "$t/badtax/" && cat "$t/badtax.txt" >> "$t/badtax/taxonomy.txt"
"$bin" code --dict "$t/badtax" "$t/cyber.jsonl" > /dev/null 2> "$t/err"
rc=$?
check "an unknown taxonomy condition is named with its file and line (exit 1)" sh -c "[ $rc = 1 ] && grep -q 'badtax/taxonomy.txt:6: unknown condition .lunar-phase.' '$t/err'"

# confidence: every event has one; --min-confidence 0 writes at least what
# the default writes, 1 keeps only the sure; a bad value is a usage error;
# an unknown kind of evidence in confidence.txt is named with file and line
printf '%s\n' '{"id":"lo","date":"2020-03-10","text":"Fighting was reported in Idlib province on Monday."}' \
    '{"id":"hi","date":"2020-03-10","text":"ISIS militants ambushed an army convoy near Palmyra on Monday, killing seven soldiers."}' > "$t/conf.jsonl"
"$bin" code --min-confidence 0 "$t/conf.jsonl" > "$t/c0" 2>/dev/null
"$bin" code --min-confidence 0.9 "$t/conf.jsonl" > "$t/cd" 2>/dev/null
check "every event has a confidence from 0 to 1" python3 -c "
import json, sys
ev = [json.loads(l) for l in open('$t/c0')]
sys.exit(not ev or not all(0 <= e['confidence'] <= 1 for e in ev))"
check "--min-confidence 0.9 keeps the named attack at a town and drops the vague fighting" python3 -c "
import json, sys
a = [json.loads(l)['doc_id'] for l in open('$t/c0')]
b = [json.loads(l)['doc_id'] for l in open('$t/cd')]
sys.exit(not (sorted(a) == ['hi', 'lo'] and b == ['hi']))"
"$bin" code --min-confidence 1.5 examples/articles.jsonl > /dev/null 2> "$t/err"
rc=$?
check "--min-confidence out of 0..1 is a usage error (exit 2)" sh -c "[ $rc = 2 ] && grep -q 'min-confidence' '$t/err'"
mkdir -p "$t/badconf"
printf 'bias 0.1\nevidence moon-phase 0.3\n' > "$t/badconf/confidence.txt"
"$bin" code --dict "$t/badconf" examples/articles.jsonl > /dev/null 2> "$t/err"
rc=$?
check "an unknown kind of evidence is named with its file and line (exit 1)" sh -c "[ $rc = 1 ] && grep -q 'badconf/confidence.txt:2: unknown evidence .moon-phase.' '$t/err'"



# ---- help, the man page and the README agree (issue 21)
for c in code ingest query control stats serve submit worker queue gazetteer version help; do
    "$bin" help "$c" > "$t/h1" 2>&1
    "$bin" "$c" --help > "$t/h2" 2>&1
    check "'sitrep help $c' and 'sitrep $c --help' print the same" cmp -s "$t/h1" "$t/h2"
done
sh scripts/mkman.sh "$bin" "$t/sitrep.1" 2>/dev/null
for c in code ingest query control stats serve submit worker queue gazetteer version; do
    "$bin" help "$c" | grep -o -- '--[a-z][a-z0-9-]*' | sort -u > "$t/opts-help"
    # the command's section of the page, its escapes undone
    sed -n "/^\.SS \"sitrep $c\"/,/^\.S[SH] /p" "$t/sitrep.1" | sed 's/\\-/-/g' | grep -o -- '--[a-z][a-z0-9-]*' |
        sort -u > "$t/opts-man"
    check "the man page's $c has --help's options ($(wc -l < "$t/opts-help"))" cmp -s "$t/opts-help" "$t/opts-man"
done
for v in SITREP_DATA SITREP_GAZETTEER SITREP_DB SITREP_QUEUE SITREP_WEB SITREP_BUSY_TIMEOUT SITREP_STATEMENT_TIMEOUT SOURCE_DATE_EPOCH; do
    check "$v is in --help, the man page and the README" sh -c \
        "'$bin' help | grep -q '$v' && grep -q '$v' '$t/sitrep.1' && grep -q '$v' README.md"
done
# every variable the program reads is one of those
grep -rho 'getenv("[A-Z_]*")' src | sort -u | sed 's/getenv("\(.*\)")/\1/' > "$t/envs"
check "every environment variable read is documented in --help" sh -c \
    "while read v; do '$bin' help | grep -q \"\$v\" || exit 1; done < '$t/envs'"
# a lede that gives the day, a body that gives the village: the event
# keeps the lede's day told, so it is sure enough to be written
printf '%s\n' '{"id":"b","date":"2024-05-08","text":"OUAGADOUGOU, May 7 (Reuters) - Gunmen killed nine people in an attack on a village in northern Burkina Faso on Monday, local sources said.\nThe assailants arrived on motorbikes in the village of Sidogo, near the town of Djibo, and opened fire on residents, a local official told Reuters."}' > "$t/lede.jsonl"
check "the lede's day goes with the body's village (written at the default confidence)" sh -c \
    "'$bin' code '$t/lede.jsonl' | grep -q '\"date\":\"2024-05-06\".*\"name\":\"Djibo\"'"
# "North Darfur State" is GeoNames' "Northern Darfur": a town in it is found
if [ -f build/gazetteer.idx ]; then
    check "a province named 'North X' finds towns of GeoNames' 'Northern X'" sh -c \
        "'$bin' gazetteer lookup --country SD --admin 'North Darfur State' 'El Fasher' | grep -q '13.6279'"
    printf '%s\n' '{"id":"b","date":"2018-06-11","text":"ADF rebels attacked Beni on Monday, killing 10 civilians."}' > "$t/beni.jsonl"
    check "the object of an attack verb that the gazetteer knows is the place ('attacked Beni')" sh -c \
        "'$bin' code '$t/beni.jsonl' | grep -q '\"name\":\"Beni\",\"admin1\":\"North Kivu\"'"
    printf '%s\n' '{"id":"m","date":"2018-06-11","text":"On Monday, gunmen killed 10 villagers in Beni."}' > "$t/monday.jsonl"
    check "'on Monday' votes for no country (Brazil's Mondai): Beni stays in Congo" sh -c \
        "'$bin' code '$t/monday.jsonl' | grep -q '\"country\":\"CD\"'"
    # GeoNames lists Fars' city as "Shiraz" and a village of East
    # Azerbaijan as "Shīrāz", with no populations to tell them apart
    printf '%s\n' '{"id":"s","date":"2022-09-25","text":"Police detained sixty people in the city of Shiraz on Sunday, state media reported."}' > "$t/shiraz.jsonl"
    printf '%s\n' '{"id":"n","date":"2024-02-15","text":"Thousands of Kenyans took to the streets of Nairobi on Tuesday to protest against tax increases, and police fired tear gas to break up the crowds."}' > "$t/streets.jsonl"
    check "'took to the streets of Nairobi': a protest in Nairobi" sh -c \
        "'$bin' code '$t/streets.jsonl' | grep -q 'Protest with intervention.*\"name\":\"Nairobi\"'"
    # GeoNames spells it "Rajaori" (Kashmir); "Rajura" (Maharashtra) is as
    # like: the province named decides, and with none named nothing does
    printf '%s\n' '{"id":"r","date":"2024-03-20","text":"Five Indian soldiers were killed in a gunfight with militants in the Rajouri district of Jammu and Kashmir on Monday."}' > "$t/rajouri.jsonl"
    check "'the Rajouri district of Jammu and Kashmir' is in Kashmir" sh -c \
        "'$bin' code '$t/rajouri.jsonl' | grep -q '\"admin1\":\"Jammu and Kashmir\"'"
    check "two unlike spellings as good as each other, far apart: no guess" sh -c \
        "'$bin' gazetteer lookup --country IN Rajouri | grep -q 'not found'"
    check "'Shiraz' is the city of Fars, and 'state media' make no story Syrian" sh -c \
        "'$bin' code --min-confidence 0 '$t/shiraz.jsonl' | grep -q 'Police Forces of Iran.*\"admin1\":\"Fars\",\"country\":\"IR\"'"
    # "the village" after a village no list knows, at its district's
    # point: that village, not the town the headline named before it
    printf '%s\n' '{"id":"v","date":"2024-06-10","text":"Bandits kill 12 in Katsina community\n\nGunmen on Sunday night attacked Unguwan Sarki community in Kankara Local Government Area of Katsina State, killing 12 residents.\nA witness said the bandits stormed the village on motorcycles and shot at residents."}' > "$t/village.jsonl"
    check "'stormed the village' after a village at its district's point is at that district" sh -c \
        "'$bin' code '$t/village.jsonl' > '$t/village.out' && grep -q '\"name\":\"Kankara\"' '$t/village.out' && ! grep -q '\"name\":\"Katsina\"' '$t/village.out'"
    # "the Damascus suburb of Jaramana": a city before a quarter's noun
    # holds the place named after it (not "the Kafouri neighbourhood of
    # Khartoum North", a quarter's name before its city)
    printf '%s\n' '{"id":"j","date":"2024-11-03","text":"DAMASCUS - Israeli air strikes on the Damascus suburb of Jaramana killed five people on Thursday."}' > "$t/suburb.jsonl"
    check "'the Damascus suburb of Jaramana' is at Jaramana" sh -c \
        "'$bin' code '$t/suburb.jsonl' | grep -q '\"name\":\"Jaramana\"'"
    # "Jaramana, a suburb of Damascus": the city holds the suburb by
    # nearness (GeoNames puts Jaramana in Rif Dimashq, not Damascus)
    printf '%s\n' '{"id":"j2","date":"2024-11-03","text":"DAMASCUS - Israeli air strikes on Jaramana, a suburb of Damascus, killed five people on Thursday."}' > "$t/suburb2.jsonl"
    check "'Jaramana, a suburb of Damascus' is one strike, at Jaramana" sh -c \
        "'$bin' code '$t/suburb2.jsonl' > '$t/suburb2.out' && test \$(wc -l < '$t/suburb2.out') -eq 1 && grep -q '\"name\":\"Jaramana\"' '$t/suburb2.out'"
    # "in Rio de Janeiro": a short joining word inside a name the
    # gazetteer knows says the story's country, whose police these are
    printf '%s\n' '{"id":"rio","date":"2024-07-29","text":"Police killed 10 suspected gang members in a raid in Rio de Janeiro on Monday, authorities said."}' > "$t/rio.jsonl"
    check "'in Rio de Janeiro' makes the story Brazilian: Brazil's police" sh -c \
        "'$bin' code '$t/rio.jsonl' | grep -q 'Police Forces of Brazil'"
    # "near the village of Nerkin Hand": a capitalised word that goes on a
    # capitalised name is the name's, no verb ("hand over" territory)
    printf '%s\n' '{"id":"nh","date":"2024-04-13","text":"YEREVAN - Armenia'"'"'s defence ministry said on Saturday that Azerbaijani forces had opened fire on Armenian positions near the village of Nerkin Hand in the Syunik region, wounding one soldier."}' > "$t/hand.jsonl"
    check "'the village of Nerkin Hand' hands no territory over" sh -c \
        "'$bin' code '$t/hand.jsonl' > '$t/hand.out' && test \$(wc -l < '$t/hand.out') -eq 1 && ! grep -q 'Non-violent transfer' '$t/hand.out'"
    # "port" is a place noun ("the port of Hodeidah") that starts names too
    printf '%s\n' '{"id":"p1","date":"2025-05-06","text":"Drones struck an army base in Port Sudan on Sunday, the army said."}' '{"id":"p2","date":"2025-05-06","text":"Gunmen killed four people in Port Harcourt on Monday."}' '{"id":"p3","date":"2025-05-06","text":"Armed gangs attacked a police station in Port-au-Prince on Tuesday, killing two officers."}' > "$t/port.jsonl"
    check "'Port Sudan', 'Port Harcourt' and 'Port-au-Prince' are found as towns" sh -c \
        "'$bin' code --min-confidence 0 '$t/port.jsonl' > '$t/port.out' && grep -q '\"name\":\"Port Sudan\".*\"geo_precision\":1' '$t/port.out' && grep -q '\"name\":\"Port Harcourt\".*\"geo_precision\":1' '$t/port.out' && grep -q '\"name\":\"Port-au-Prince\".*\"geo_precision\":1' '$t/port.out'"
    # a village no list has, in a district the lede named: the district's
    # point, at precision 2
    printf '%s\n' '{"id":"d","date":"2022-07-05","text":"Gunmen killed dozens of civilians in attacks on several villages in central Mali'"'"'s Bankass district over the weekend, officials said on Monday.\nThe attackers raided the villages of Zorgoye and Tiebanda on Sunday, a local official said."}' > "$t/district.jsonl"
    check "villages in no list take the district told before (Bankass), precision 2" sh -c \
        "'$bin' code '$t/district.jsonl' | grep -q '\"name\":\"Zorgoye\",\"admin1\":\"Mopti\",\"country\":\"ML\",\"lat\":14.0775,\"lon\":-3.5159,\"geo_precision\":2'"
    printf '%s\n' '{"id":"w","date":"2024-04-15","text":"The Rapid Support Forces attacked villages west of El Fasher on Sunday, killing 10 people, activists said."}' > "$t/westof.jsonl"
    check "'villages west of El Fasher': near El Fasher (precision 2)" sh -c \
        "'$bin' code '$t/westof.jsonl' | grep -q '\"name\":\"El Fasher\",.*\"geo_precision\":2'"
    printf '%s\n' '{"id":"a","date":"2022-01-20","text":"Yemen'"'"'s Houthi movement launched a drone and missile attack on Abu Dhabi on Monday, killing three people, the UAE said."}' > "$t/attackon.jsonl"
    check "'a missile attack on Abu Dhabi' strikes Abu Dhabi, not the attackers' Yemen" sh -c \
        "'$bin' code '$t/attackon.jsonl' | grep -q '\"name\":\"Abu Dhabi\",.*\"country\":\"AE\"'"
    printf '%s\n' '{"id":"h","date":"2023-04-18","text":"Air strikes hit Khartoum on Tuesday, residents said."}' '{"id":"f","date":"2023-04-18","text":"Residents fled Khartoum on Tuesday as fighting between the army and the RSF raged, with air strikes rocking the city."}' > "$t/hit.jsonl"
    check "'air strikes hit Khartoum': the place struck; 'fled Khartoum as fighting raged': the fight there" sh -c \
        "'$bin' code --min-confidence 0 '$t/hit.jsonl' > '$t/hit.out' && grep -q '\"doc_id\":\"h\".*\"name\":\"Khartoum\"' '$t/hit.out' && grep -q '\"doc_id\":\"f\".*Armed clash.*\"name\":\"Khartoum\"' '$t/hit.out' && test \$(grep -c '\"doc_id\":\"f\"' '$t/hit.out') -eq 1"
    printf '%s\n' '{"id":"k","date":"2023-06-13","text":"Gunmen killed 12 people in Kaduna'"'"'s Kajuru on Monday."}' > "$t/possplace.jsonl"
    check "'in Kaduna's Kajuru': Kajuru, in Kaduna" sh -c \
        "'$bin' code '$t/possplace.jsonl' | grep -q '\"name\":\"Kajuru\",\"admin1\":\"Kaduna State\"'"
    check "a name of four letters only as it is spelt: 'Line' is no 'Loni'" sh -c \
        "! '$bin' gazetteer lookup --country IN Line | grep -q Loni"
    printf '%s\n' '{"id":"pm","date":"2023-03-08","text":"Clashes broke out on the margins of the Paris march on Tuesday, and police used tear gas against a group of protesters."}' > "$t/parismarch.jsonl"
    check "'the Paris march': a name before an event word is its place, and with no country told Paris is the capital" sh -c \
        "'$bin' code '$t/parismarch.jsonl' | grep -q '\"name\":\"Paris\",\"admin1\":\"Île-de-France\",\"country\":\"FR\"'"
    # names, days and months are capitalised in any sentence: no headline
    printf '%s\n' '{"id":"wb","date":"2023-12-20","text":"Armed men looted the World Bank office in Nyala on Tuesday."}' > "$t/titlecase.jsonl"
    check "a sentence of many names is no title-case headline: 'in Nyala' is its place" sh -c \
        "'$bin' code --min-confidence 0 '$t/titlecase.jsonl' | grep -q '\"name\":\"Nyala\"'"
    # a village in no list takes the dateline's city in its country, not another country's
    printf '%s\n' '{"id":"dl","date":"2025-03-15","text":"IDLIB, Syria (AP) — A drone strike on a car near the village of Sarmada killed two men on Friday, a war monitor said."}' '{"id":"dm","date":"2025-03-15","text":"BEIRUT (AP) — A drone strike on a car near the village of Sarmada in Syria killed two men on Friday, a war monitor said."}' > "$t/dateline.jsonl"
    check "a village in no list at the dateline's city of its country (IDLIB, Syria), not at a foreign dateline's (BEIRUT)" sh -c \
        "! '$bin' gazetteer lookup --country SY Sarmada | grep -q '[0-9]' && '$bin' code --min-confidence 0 '$t/dateline.jsonl' > '$t/dateline.out' && grep '\"doc_id\":\"dl\"' '$t/dateline.out' | grep -q '\"name\":\"Sarmada\".*\"lat\":35.9' && grep '\"doc_id\":\"dm\"' '$t/dateline.out' | grep -q '\"lat\":null'"
    # names of vowels, w and y had an empty key and were never found
    check "'Owo' and 'Oyo' are found in the gazetteer (their key is no longer empty)" sh -c \
        "'$bin' gazetteer lookup --country NG Owo | grep -q '7.19' && '$bin' gazetteer lookup --country NG Oyo | grep -q '7.85'"
    # a site no list knows, "in" a town the gazetteer knows, is at the town
    printf '%s\n' '{"id":"sc","date":"2023-06-18","text":"Rebels abducted six students at the Lhubiriha Secondary School in Mpondwe late on Friday, police said."}' > "$t/school.jsonl"
    check "'the Lhubiriha Secondary School in Mpondwe' is at Mpondwe's point, precision 1" sh -c \
        "'$bin' code --min-confidence 0 '$t/school.jsonl' | grep -q '\"name\":\"Mpondwe\".*\"geo_precision\":1,\"text\":\"Lhubiriha Secondary School\"'"
    # a short name only letter for letter: "Mar" is no "Marr", "Dor" no "Dour"
    check "a name of four letters or fewer is found only as it is spelt ('Mar' is no 'Marr', 'Dor' no 'Dour')" sh -c \
        "'$bin' gazetteer lookup Mar | grep -q 'not found' && '$bin' gazetteer lookup Dor | grep -q 'not found' && '$bin' gazetteer lookup --country IN Kot | grep -q 'Kot'"
    # a town's noun right before a name the gazetteer knows: "in the capital Khartoum"
    printf '%s\n' '{"id":"cap","date":"2023-04-18","text":"Fierce fighting between the army and the RSF raged in the Sudanese capital Khartoum on Monday."}' > "$t/capital.jsonl"
    check "'in the Sudanese capital Khartoum': the fight at Khartoum" sh -c \
        "'$bin' code '$t/capital.jsonl' | grep -q 'Armed clash.*\"name\":\"Khartoum\",.*\"geo_precision\":1'"
    # teasers for other stories below "Related Articles" are not this story's
    printf '%s\n' '{"id":"rel","date":"2024-08-19","text":"Gunmen killed five villagers in Zurmi on Saturday, police said.\n\nRelated Articles\n\nNiger: 20 soldiers killed in ambush near Tillaberi\n\nMali: Army says it killed dozens of militants in Kidal region"}' > "$t/related.jsonl"
    check "'Related Articles' and the teasers below it are dropped: only the Zurmi attack" sh -c \
        "'$bin' code --min-confidence 0 '$t/related.jsonl' > '$t/related.out' && test \$(wc -l < '$t/related.out') -eq 1 && grep -q Zurmi '$t/related.out'"
    # a list after a town a list knows goes on with a name only the gazetteer knows
    printf '%s\n' '{"id":"lst","date":"2019-03-02","text":"Regime forces shelled Maarat al-Numan and Kafr Zita on Friday."}' > "$t/list.jsonl"
    check "'shelled Maarat al-Numan and Kafr Zita': two shellings, one at each" sh -c \
        "'$bin' code '$t/list.jsonl' > '$t/list.out' && test \$(wc -l < '$t/list.out') -eq 2 && grep -q 'Maarat al-Numan' '$t/list.out' && grep -q 'Kafr Zayta' '$t/list.out'"
    # a prison riot told with the gangs' fight: one clash at the prison's town
    printf '%s\n' '{"id":"pr","date":"2023-07-25","text":"GUAYAQUIL, Ecuador (AP) - At least 31 inmates were killed in a riot at the Litoral penitentiary in Guayaquil on Saturday, authorities said, as rival gangs fought for control of the prison."}' > "$t/prison.jsonl"
    check "'killed in a riot at the Litoral penitentiary in Guayaquil, as rival gangs fought': one armed clash of 31 dead at Guayaquil" sh -c \
        "'$bin' code --min-confidence 0 '$t/prison.jsonl' > '$t/prison.out' && test \$(wc -l < '$t/prison.out') -eq 1 && grep -q 'Armed clash.*\"name\":\"Guayaquil\".*\"fatalities\":31' '$t/prison.out'"
    # a name no list knows after a town and a comma is where the town lies
    printf '%s\n' '{"id":"kab","date":"2025-03-11","text":"Three suspected members of the New People'"'"'s Army were killed in an encounter with government troops in Kabankalan City, Negros Occidental on Sunday morning, the military said."}' > "$t/kab.jsonl"
    check "'in Kabankalan City, Negros Occidental': one clash at Kabankalan, three dead" sh -c \
        "'$bin' code --min-confidence 0 '$t/kab.jsonl' > '$t/kab.out' && test \$(wc -l < '$t/kab.out') -eq 1 && grep -q 'Armed clash.*\"name\":\"Kabankalan\".*\"geo_precision\":1.*\"fatalities\":3' '$t/kab.out'"
    # "the municipalities of X and Y", "rural communities": two attacks on civilians
    printf '%s\n' '{"id":"mun","date":"2025-01-18","text":"The ELN attacked rural communities in the municipalities of Tibu and Teorama, the governor said, adding that thousands had fled to the city of Cucuta."}' > "$t/mun.jsonl"
    check "'attacked rural communities in the municipalities of Tibu and Teorama ... fled to the city of Cucuta': two attacks on civilians, none at Cucuta" sh -c \
        "'$bin' code --min-confidence 0 '$t/mun.jsonl' > '$t/mun.out' && test \$(wc -l < '$t/mun.out') -eq 2 && test \$(grep -c 'Attack.*Civilians.*\"name\":\"T' '$t/mun.out') -eq 2 && ! grep -q '\"location\":{\"name\":\"C' '$t/mun.out'"
    # "An attack on X": the place struck, a name only the gazetteer knows ("attack" a verb and a noun)
    printf '%s\n' '{"id":"aon","date":"2024-03-08","text":"An attack on Zurmi killed five villagers on Friday, police said."}' > "$t/aon.jsonl"
    check "'An attack on Zurmi killed five villagers': one attack at Zurmi" sh -c \
        "'$bin' code --min-confidence 0 '$t/aon.jsonl' > '$t/aon.out' && test \$(wc -l < '$t/aon.out') -eq 1 && grep -q 'Attack.*\"location\":{\"name\":\"Zurmi\"' '$t/aon.out'"
    # "the city of X" that the gazetteer knows as "X City"
    printf '%s\n' '{"id":"mar","date":"2023-12-04","text":"A bomb exploded in the southern Philippine city of Marawi on Sunday, killing at least four people."}' > "$t/mar.jsonl"
    check "'the southern Philippine city of Marawi': Marawi City, at its point" sh -c \
        "'$bin' code --min-confidence 0 '$t/mar.jsonl' > '$t/mar.out' && test \$(wc -l < '$t/mar.out') -eq 1 && grep -q '\"name\":\"Marawi[^\"]*\".*\"lat\":8\.00.*\"lon\":124\.28.*\"geo_precision\":1' '$t/mar.out'"
    # "Louisville, Kentucky": the state holds the town (not another Louisville, nor a town like "Kentucky")
    printf '%s\n' '{"id":"lou","date":"2020-05-30","text":"Police fired tear gas and rubber bullets at crowds in Louisville, Kentucky, where seven people were shot during a protest."}' > "$t/lou.jsonl"
    check "'in Louisville, Kentucky': Louisville of Kentucky, and no second place" sh -c \
        "'$bin' code --min-confidence 0 '$t/lou.jsonl' > '$t/lou.out' && grep -q '\"name\":\"Louisville\",\"admin1\":\"Kentucky\"' '$t/lou.out' && ! grep -q 'Contoocook' '$t/lou.out'"
    # "in the hinterlands of X": near the town (precision 2)
    printf '%s\n' '{"id":"hin","date":"2025-03-11","text":"Three members of the New People'"'"'s Army were killed in an encounter with government troops in the hinterlands of Kabankalan City, Negros Occidental on Sunday morning."}' > "$t/hin.jsonl"
    check "'in the hinterlands of Kabankalan City, Negros Occidental': near Kabankalan (precision 2), three dead" sh -c \
        "'$bin' code --min-confidence 0 '$t/hin.jsonl' > '$t/hin.out' && test \$(wc -l < '$t/hin.out') -eq 1 && grep -q '\"name\":\"Kabankalan\".*\"geo_precision\":2.*\"fatalities\":3' '$t/hin.out'"
    # "entered the centre of X": where they went in is a place, a name only the gazetteer knows
    printf '%s\n' '{"id":"ent","date":"2024-02-08","text":"GOMA, Democratic Republic of Congo - M23 rebels entered the centre of Sake on Wednesday after days of fighting with Congolese soldiers, local officials said."}' > "$t/ent.jsonl"
    check "'M23 rebels entered the centre of Sake ... after days of fighting with Congolese soldiers': one clash of M23 at Sake" sh -c \
        "'$bin' code --min-confidence 0 '$t/ent.jsonl' > '$t/ent.out' && test \$(wc -l < '$t/ent.out') -eq 1 && grep -q 'Armed clash.*\"name\":\"M23\".*\"location\":{\"name\":\"Sake\"' '$t/ent.out'"
    # "peacekeepers from South Africa": where the dead came from is no place of the fighting
    printf '%s\n' '{"id":"frm","date":"2025-01-27","text":"Rebels attacked army positions near Sake on Sunday, killing at least 13 soldiers, including peacekeepers from South Africa and Malawi, the United Nations said."}' > "$t/frm.jsonl"
    check "'killing at least 13 soldiers, including peacekeepers from South Africa and Malawi': at Sake, nothing in South Africa or of Malawi" sh -c \
        "'$bin' code --min-confidence 0 '$t/frm.jsonl' > '$t/frm.out' && grep -q '\"location\":{\"name\":\"Sake\"' '$t/frm.out' && ! grep -q '\"country\":\"ZA\"' '$t/frm.out' && ! grep -q '\"code\":\"MWI' '$t/frm.out'"
    # "on the southern island of Basilan" then "in Tipo-Tipo town": the gazetteer's region is no province of ours; the town near the province's point tells its fight
    printf '%s\n' '{"id":"bas","date":"2023-11-24","text":"MANILA - Philippine troops killed six suspected members of the Abu Sayyaf group in a firefight on the southern island of Basilan on Thursday, the military said.\nThe soldiers were on patrol in Tipo-Tipo town when they engaged the militants in a gunfight that lasted about 30 minutes, a spokesman said."}' > "$t/bas.jsonl"
    check "'killed six ... in a firefight on the southern island of Basilan' then 'in Tipo-Tipo town when they engaged the militants': one clash at Tipo-Tipo, six dead" sh -c \
        "'$bin' code --min-confidence 0 '$t/bas.jsonl' > '$t/bas.out' && test \$(wc -l < '$t/bas.out') -eq 1 && grep -q '\"name\":\"Tipo-Tipo\".*\"fatalities\":6' '$t/bas.out'"
    # "Shelling by X on the North Darfur capital El Fasher": the town after its province and noun, struck across the doer
    printf '%s\n' '{"id":"fas","date":"2024-05-12","text":"KHARTOUM (Reuters) - Shelling by the Rapid Support Forces on the North Darfur capital El Fasher left at least 18 people dead and dozens wounded on Saturday, a medical charity said."}' > "$t/fas.jsonl"
    check "'Shelling by the Rapid Support Forces on the North Darfur capital El Fasher left at least 18 people dead': at El Fasher, 18 dead" sh -c \
        "'$bin' code --min-confidence 0 '$t/fas.jsonl' > '$t/fas.out' && test \$(wc -l < '$t/fas.out') -eq 1 && grep -q 'Shelling.*\"location\":{\"name\":\"El Fasher\".*\"geo_precision\":1.*\"fatalities\":18' '$t/fas.out'"
    # "Wad Madani, the capital of Gezira state": our list names the province otherwise than the gazetteer (Al Jazirah); the town of that name near its point
    printf '%s\n' '{"id":"wad","date":"2025-01-09","text":"PORT SUDAN - Sudan'"'"'s army said on Wednesday it had recaptured the city of Wad Madani, the capital of Gezira state, from the paramilitary Rapid Support Forces."}' > "$t/wad.jsonl"
    check "'recaptured the city of Wad Madani, the capital of Gezira state, from the paramilitary Rapid Support Forces': at Wad Medani (p1), from the RSF" sh -c \
        "'$bin' code --min-confidence 0 '$t/wad.jsonl' > '$t/wad.out' && test \$(wc -l < '$t/wad.out') -eq 1 && grep -q 'Government regains territory.*\"actor2\":{\"name\":\"Rapid Support Forces\".*\"location\":{\"name\":\"Wad Medani\".*\"geo_precision\":1' '$t/wad.out'"
    # "in southwestern Niger's Tillaberi region" then "arrived in the village of Banibangou": the gazetteer spells the province "Tillabéri"; the lede is the village's attack
    printf '%s\n' '{"id":"bbg","date":"2025-06-12","text":"NIAMEY, June 12 - Gunmen on motorcycles killed nine villagers in an attack on a village in southwestern Niger'"'"'s Tillaberi region on Tuesday evening, a local official said on Thursday.\nThe assailants arrived in the village of Banibangou at around 6 p.m. and opened fire on residents gathered at the market, the official said."}' > "$t/bbg.jsonl"
    check "'an attack on a village in Niger's Tillaberi region' then 'arrived in the village of Banibangou': one attack at Bani Bangou, nine dead" sh -c \
        "'$bin' code --min-confidence 0 '$t/bbg.jsonl' > '$t/bbg.out' && test \$(wc -l < '$t/bbg.out') -eq 1 && grep -q '\"location\":{\"name\":\"Bani Bangou\".*\"fatalities\":9' '$t/bbg.out'"
    # "in the Kupwara district": the only place only the gazetteer knows, after "in the"; it says whose the security forces are
    printf '%s\n' '{"id":"kup","date":"2025-04-09","text":"Security forces killed two militants in an overnight gunfight in the Kupwara district, police said."}' > "$t/kup.jsonl"
    check "'Security forces killed two militants ... in the Kupwara district': India's forces, at Kupwara" sh -c \
        "'$bin' code --min-confidence 0 '$t/kup.jsonl' > '$t/kup.out' && test \$(wc -l < '$t/kup.out') -eq 1 && grep -q '\"actor1\":{\"name\":\"Military Forces of India\".*\"location\":{\"name\":\"Kupwara\"' '$t/kup.out'"
    # "Santiago de Cuba": a country's name after a particle ends a town's name, and names no actor
    printf '%s\n' '{"id":"stg","date":"2025-04-15","text":"HAVANA - Hundreds of people took to the streets of the eastern city of Santiago de Cuba on Sunday to protest against power cuts, witnesses said."}' > "$t/stg.jsonl"
    check "'took to the streets of the eastern city of Santiago de Cuba': at Santiago de Cuba (p1), no forces of Cuba" sh -c \
        "'$bin' code --min-confidence 0 '$t/stg.jsonl' > '$t/stg.out' && test \$(wc -l < '$t/stg.out') -eq 1 && grep -q '\"actor2\":null.*\"location\":{\"name\":\"Santiago de Cuba\".*\"geo_precision\":1' '$t/stg.out'"
    # "the Sinaloa state capital Culiacan": the province's name and its noun before "capital" hold the town, which the gazetteer places
    printf '%s\n' '{"id":"cul","date":"2025-05-05","text":"CULIACAN, Mexico - Gunmen killed six people in an attack on a family gathering in the Sinaloa state capital Culiacan on Sunday, state prosecutors said."}' > "$t/cul.jsonl"
    check "'in the Sinaloa state capital Culiacan': at Culiacan (p1), in Sinaloa" sh -c \
        "'$bin' code --min-confidence 0 '$t/cul.jsonl' > '$t/cul.out' && test \$(wc -l < '$t/cul.out') -eq 1 && grep -q '\"location\":{\"name\":\"Culiacan\",\"admin1\":\"Sinaloa\".*\"geo_precision\":1' '$t/cul.out'"
    # "in Rakhine State's Kyauktaw Township": the township a province's "'s" holds, which the gazetteer places, was taken
    printf '%s\n' '{"id":"kyt","date":"2026-06-01","text":"The Arakan Army said on Sunday it had captured a regime battalion headquarters in Rakhine State'"'"'s Kyauktaw Township after nearly two weeks of fighting."}' > "$t/kyt.jsonl"
    check "'captured a regime battalion headquarters in Rakhine State's Kyauktaw Township': taken at Kyauktaw, not Rakhine State" sh -c \
        "'$bin' code '$t/kyt.jsonl' > '$t/kyt.out' && test \$(wc -l < '$t/kyt.out') -eq 1 && grep -q '\"sub_event_type\":\"Non-state actor overtakes territory\".*\"location\":{\"name\":\"Kyauktaw\"' '$t/kyt.out'"
    # "the Russian border region of Kursk ... in the town of Rylsk": a country's adjective before a place noun says whose, and a province the sentence names says which country its towns are in (a Ukrainian story: no Kurskoye, no Orilske)
    printf '%s\n' '{"id":"ryl","date":"2026-07-01","text":"MOSCOW - Ukrainian forces attacked the Russian border region of Kursk with drones overnight, killing a man in the town of Rylsk, the governor said."}' > "$t/ryl.jsonl"
    check "'the Russian border region of Kursk ... the town of Rylsk': at Rylsk, Russia" sh -c \
        "'$bin' code '$t/ryl.jsonl' > '$t/ryl.out' && test \$(wc -l < '$t/ryl.out') -eq 1 && grep -q '\"location\":{\"name\":\"Rylsk\",\"admin1\":\"Kursk Oblast\",\"country\":\"RU\"' '$t/ryl.out'"
    # a square, a mosque, a hospital is named for its own sake: a village of its name far from the story's town is no place of it
    printf '%s\n' '{"id":"kar","date":"2025-11-14","text":"SWEIDA, Syria - Several hundred residents protested in the city of Sweida on Friday against rising fuel prices.\nThe protesters gathered in the central Al-Karama square and chanted slogans against corruption, a witness said."}' > "$t/kar.jsonl"
    check "'protested in the city of Sweida ... gathered in the central Al-Karama square': one protest at Sweida, none at Al Karimah of Tartus" sh -c \
        "'$bin' code --min-confidence 0 '$t/kar.jsonl' > '$t/kar.out' && test \$(wc -l < '$t/kar.out') -eq 1 && grep -q '\"location\":{\"name\":\"Suwayda\"' '$t/kar.out' && ! grep -q 'Karimah' '$t/kar.out'"
    # the attack told before is placed by its own telling, not spread over the places of another verb after it
    printf '%s\n' '{"id":"fas","date":"2025-12-01","text":"Bandits have attacked three communities in Faskari Local Government Area of Katsina State, killing seven people and abducting 43 others.\nThe police spokesman confirmed the attack in a statement on Wednesday, saying the bandits stormed the villages of Unguwar Ali, Maigora and Tsauni at about 1am on Tuesday."}' > "$t/fas.jsonl"
    check "'confirmed the attack ..., saying the bandits stormed the villages of Unguwar Ali, Maigora and Tsauni': no abduction at each village, the storming at each" sh -c \
        "'$bin' code --min-confidence 0 '$t/fas.jsonl' > '$t/fas.out' && ! grep -q 'Abduction.*\"name\":\"Maigora\"' '$t/fas.out' && grep -q 'Attack.*\"name\":\"Maigora\"' '$t/fas.out'"
    # the very letters in a country the story names before a like spelling in the story's own
    printf '%s\n' '{"id":"bwp","date":"2025-05-08","text":"NEW DELHI - Pakistan said 26 civilians were killed in Indian strikes in the city of Bahawalpur on Wednesday."}' > "$t/bwp.jsonl"
    check "'NEW DELHI - ... Indian strikes in the city of Bahawalpur': Pakistan's Bahawalpur, not Gujarat's Bhalpara" sh -c \
        "'$bin' code --min-confidence 0 '$t/bwp.jsonl' > '$t/bwp.out' && grep -q '\"location\":{\"name\":\"Bahawalpur\",\"admin1\":\"Punjab\",\"country\":\"PK\"' '$t/bwp.out'"
    # "as Moscow's forces kept up their bombardment": a city's 's before armed men says whose they are, not where
    printf '%s\n' '{"id":"mos","date":"2025-12-07","text":"KYIV (Reuters) - Russian shelling of Kharkiv killed six people and wounded 31 on Thursday, regional governor Oleh Synehubov said, as Moscow'"'"'s forces kept up their bombardment of Ukraine'"'"'s second-largest city."}' > "$t/mos.jsonl"
    check "'as Moscow's forces kept up their bombardment of Ukraine's second-largest city': one shelling, at Kharkiv, none at Moscow" sh -c \
        "'$bin' code --min-confidence 0 '$t/mos.jsonl' > '$t/mos.out' && test \$(wc -l < '$t/mos.out') -eq 1 && grep -q '\"location\":{\"name\":\"Kharkiv\"' '$t/mos.out'"
    # a like spelling, not the very one, only in the province the story named first
    printf '%s\n' '{"id":"kur","date":"2022-11-18","text":"GUSAU, Nigeria - Gunmen on motorcycles killed 14 people in an attack on a village in northwest Nigeria'"'"'s Zamfara state, residents and police said on Friday.\nThe attackers stormed Kurya village in Bungudu local government area on Wednesday night, shooting residents and setting houses ablaze, a resident told Reuters.\nZamfara police spokesman Mohammed Shehu confirmed the attack but said nine people had been killed."}' > "$t/kur.jsonl"
    check "'an attack on a village in ... Zamfara state' then 'The attackers stormed Kurya village': one attack, in Zamfara, not at Kano's Kura" sh -c \
        "'$bin' code --min-confidence 0 '$t/kur.jsonl' > '$t/kur.out' && test \$(wc -l < '$t/kur.out') -eq 1 && grep -q '\"admin1\":\"Zamfara' '$t/kur.out' && ! grep -q 'Kura\"' '$t/kur.out'"
    # a like spelling of a city is no village: "the villages of Saida and Mu'alaq" near Ain Issa are not Suwayda
    printf '%s\n' '{"id":"sai","date":"2021-04-26","text":"AIN ISSA - The Turkish occupation army shelled villages in the countryside of Ain Issa on Sunday with heavy artillery, an ANHA correspondent reported.\nThe shelling targeted the villages of Saida and Mualaq, the correspondent added."}' > "$t/sai.jsonl"
    check "'The shelling targeted the villages of Saida and Mualaq' near Ain Issa: not the city of Suwayda" sh -c \
        "'$bin' code --min-confidence 0 '$t/sai.jsonl' > '$t/sai.out' && test -s '$t/sai.out' && ! grep -q 'Suwayda' '$t/sai.out'"
    # a compass word before a country's adjective steers namesakes to that part (places.tsv "part")
    printf '%s\n' '{"id":"kos","date":"2024-08-10","text":"KYIV (Reuters) - A Russian missile struck a supermarket in the eastern Ukrainian town of Kostiantynivka on Friday, killing at least 14 people and wounding 43, officials said."}' > "$t/kos.jsonl"
    check "'the eastern Ukrainian town of Kostiantynivka': Donetsk oblast's, not Mykolaiv's namesake" sh -c \
        "'$bin' code --min-confidence 0 '$t/kos.jsonl' > '$t/kos.out' && grep -q '\"admin1\":\"Donetsk\"' '$t/kos.out'"
    # "Tecpan de Galeana": a particle that is no English word, inside a name
    printf '%s\n' '{"id":"tec","date":"2024-06-18","text":"Gunmen shot dead a mayoral candidate at a campaign event in the town of Tecpan de Galeana in Guerrero state on Monday night, prosecutors said."}' > "$t/tec.jsonl"
    check "'in the town of Tecpan de Galeana': the town, letter for letter, at its own point" sh -c \
        "'$bin' code --min-confidence 0 '$t/tec.jsonl' > '$t/tec.out' && grep -q '\"name\":\"Tecpan de Galeana\".*\"geo_precision\":1' '$t/tec.out'"
    # a place after another deed's word is that deed's; a state's forces named by a common word, struck in another country, are that country's
    printf '%s\n' '{"id":"khi","date":"2024-11-20","text":"BEIRUT - An Israeli strike on a residential building in the center of Beirut killed at least four people on Wednesday, Lebanon'"'"'s health ministry said.\nHezbollah said its fighters clashed with Israeli troops trying to advance toward the town of Khiam and fired rockets at an army base near Safed."}' > "$t/khi.jsonl"
    check "'clashed with Israeli troops trying to advance toward the town of Khiam and fired rockets at an army base near Safed': the clash at Khiam, the rockets on Israel's army at Safed" sh -c \
        "'$bin' code --min-confidence 0 '$t/khi.jsonl' > '$t/khi.out' && grep -q 'Armed clash.*\"location\":{\"name\":\"Khiam\"' '$t/khi.out' && grep -q 'Shelling.*\"code\":\"ISRMIL\".*\"location\":{\"name\":\"Safed\"' '$t/khi.out'"
    # a lede's happening no sentence places is in the dateline's city (precision 2), unless later places tell it
    printf '%s\n' '{"id":"dha","date":"2024-08-05","title":"Bangladesh: Hasina resigns","text":"DHAKA - Prime Minister Sheikh Hasina resigned and fled the country on Monday as hundreds of thousands of protesters defied a curfew and stormed her official residence.\nAt least 100 people were killed on Sunday in clashes between protesters, police and ruling party supporters across the country."}' > "$t/dha.jsonl"
    check "'DHAKA - ... protesters defied a curfew and stormed her official residence': at Dhaka (precision 2); the clashes across the country nowhere" sh -c \
        "'$bin' code --min-confidence 0 '$t/dha.jsonl' > '$t/dha.out' && test \$(wc -l < '$t/dha.out') -eq 1 && grep -q 'Violent demonstration.*\"location\":{\"name\":\"Dhaka\".*\"geo_precision\":2' '$t/dha.out'"
    # a name before a word for an actor says whose, not where
    printf '%s\n' '{"id":"asd","date":"2024-12-09","text":"DAMASCUS (Reuters) - Syrian rebels declared victory over the Assad regime in Damascus on Sunday after seizing the capital without a fight."}' > "$t/asd.jsonl"
    check "'declared victory over the Assad regime in Damascus': at Damascus, no place named Assad" sh -c \
        "'$bin' code --min-confidence 0 '$t/asd.jsonl' > '$t/asd.out' && grep -q '\"location\":{\"name\":\"Damascus\"' '$t/asd.out' && ! grep -q '\"location\":{\"name\":\"Assad' '$t/asd.out'"
else
    echo "# skipped: a province's compass word, attack objects, weekdays against the gazetteer (no build/gazetteer.idx)"
fi
"$bin" code --max-sentence-bytes 20 "$t/in.jsonl" > /dev/null 2> "$t/err"
check "an option value raised to its least is said" grep -q "max-sentence-bytes 20 raised to 64" "$t/err"
echo "1..$n"
