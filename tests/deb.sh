#!/bin/sh
# The Debian package (issue 21): tests/deb.sh. Prints TAP lines. Needs root
# and Debian's tools; runs when SITREP_TEST_DEB=1 (CI), as it installs the
# package on this machine and removes it again.
#  - make's tree, copied, built into a .deb by dpkg-buildpackage;
#  - lintian: no error;
#  - apt-get install ./sitrep_*.deb, then from /tmp: sitrep code places
#    events as the build tree does; man sitrep; systemd-analyze verify;
#    a program built against the installed library with pkg-config;
#  - apt-get remove leaves no sitrep behind.
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
if [ "${SITREP_TEST_DEB:-0}" != 1 ]; then
    echo "# skipped: the Debian package (installs system-wide: set SITREP_TEST_DEB=1, as CI does)"
    echo "1..0"
    exit 0
fi
root=$(pwd)
t=$(mktemp -d /tmp/sitrep-deb-XXXXXX)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/src"
git ls-files -co --exclude-standard | grep -v '^debian/sitrep/' | tar -cf - -T - | tar -xf - -C "$t/src"
ln -s "$root/.deps" "$t/src/.deps"
if (cd "$t/src" && dpkg-buildpackage -b -us -uc) > "$t/build.log" 2>&1; then
    ok "dpkg-buildpackage makes the package"
else
    notok "dpkg-buildpackage makes the package ($(tail -3 "$t/build.log" | tr '\n' ' '))"
    echo "1..$n"
    exit 0
fi
deb=$(ls "$t"/sitrep_*_*.deb | head -1)
lintian --allow-root "$t"/sitrep_*.changes > "$t/lintian" 2>&1
if grep -q '^E:' "$t/lintian"; then
    notok "lintian reports no error"
    grep '^E:' "$t/lintian" | head -5 | sed 's/^/# /'
else
    ok "lintian reports no error ($(grep -c '^W:' "$t/lintian") warnings)"
fi
deps=$(dpkg-deb -f "$deb" Depends)
case $deps in
*-dev*) notok "the package depends on runtime libraries only ($deps)" ;;
*) ok "the package depends on runtime libraries only" ;;
esac
if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" > "$t/apt.log" 2>&1; then
    ok "apt-get install ./sitrep_*.deb"
else
    notok "apt-get install ./sitrep_*.deb ($(tail -2 "$t/apt.log" | tr '\n' ' '))"
fi
cp examples/articles.jsonl "$t/sample.jsonl"
(cd /tmp && env -u SITREP_DATA -u SITREP_GAZETTEER /usr/bin/sitrep code "$t/sample.jsonl") > "$t/installed.jsonl" 2> "$t/err"
env -u SITREP_DATA -u SITREP_GAZETTEER "$root/build/sitrep" code "$t/sample.jsonl" > "$t/tree.jsonl" 2>/dev/null
if [ -s "$t/installed.jsonl" ] && cmp -s "$t/installed.jsonl" "$t/tree.jsonl" && grep -q '"lat":[0-9-]' "$t/installed.jsonl"; then
    ok "the installed sitrep, run from /tmp, codes and places events as the build tree does"
else
    notok "the installed sitrep, run from /tmp, codes and places events as the build tree does ($(head -2 "$t/err"))"
fi
if (cd /tmp && env -u SITREP_DATA -u SITREP_GAZETTEER /usr/bin/sitrep version) > "$t/version" 2>&1 && grep -q "gazetteer: /usr/.*places" "$t/version"; then ok "the installed sitrep finds its gazetteer"; else notok "the installed sitrep finds its gazetteer ($(tr "\n" " " < "$t/version"))"; fi
if MANWIDTH=80 man sitrep 2>/dev/null | grep -q "sitrep serve"; then ok "man sitrep shows the page"; else notok "man sitrep shows the page"; fi
if command -v systemd-analyze > /dev/null; then
    for unit in sitrep-serve.service sitrep-worker@.service; do
        if systemd-analyze verify "/lib/systemd/system/$unit" > "$t/verify" 2>&1; then
            ok "systemd-analyze verify $unit"
        else
            notok "systemd-analyze verify $unit ($(head -3 "$t/verify" | tr '\n' ' '))"
        fi
    done
else
    notok "systemd-analyze is not installed (Debian's systemd)"
fi
cat > "$t/use.c" <<'EOC'
#include <sitrep.h>
#include <stdio.h>
int main(void)
{
    sr_engine *e;
    sr_error err;
    if (sr_engine_open(NULL, &e, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    sr_coder *c = sr_coder_new(e);
    sr_article a = {.id = "x", .text = "Russian warplanes bombed Saraqib on Sunday, killing 12 civilians.",
                    .date = "2019-05-06"};
    sr_result *r;
    if (sr_code(c, &a, &r, &err) || sr_result_count(r) != 1)
        return 1;
    printf("%s\n", sr_event_sub_type(sr_result_event(r, 0)));
    sr_coder_free(c);
    sr_engine_free(e);
    return 0;
}
EOC
if cc "$t/use.c" -o "$t/use" $(pkg-config --cflags --libs --static sitrep) 2> "$t/cc" && [ "$("$t/use")" = "Air/drone strike" ]; then
    ok "a program builds against the installed library (pkg-config sitrep) and codes"
else
    notok "a program builds against the installed library ($(head -2 "$t/cc" | tr '\n' ' '))"
fi
if bash -c '. /usr/share/bash-completion/completions/sitrep && complete -p sitrep' > /dev/null 2>&1; then
    ok "bash completion loads"
else
    notok "bash completion loads"
fi
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq sitrep > "$t/rm.log" 2>&1
if [ ! -e /usr/bin/sitrep ] && [ ! -e /usr/share/sitrep/actors.txt ]; then ok "apt-get remove leaves no sitrep"; else notok "apt-get remove leaves no sitrep"; fi
echo "1..$n"
