#!/bin/sh
# scripts/mkman.sh SITREP OUT: the man page sitrep(1), made from the
# program's own help ('sitrep help', 'sitrep help COMMAND'), so that the
# page and --help never disagree (tests/cli.sh checks it).
set -e
bin=$1 out=$2
# text as roff: backslashes escaped, a line starting with . or ' kept text
roff() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/" -e 's/-/\\-/g'; }
ver=$("$bin" version 2>/dev/null | head -1 | sed 's/^sitrep //') || true
[ -n "$ver" ] || ver=$(sed -n 's/#define SITREP_VERSION "\(.*\)"/\1/p' include/sitrep.h)
{
    echo ".TH SITREP 1 \"\" \"sitrep $ver\" \"User Commands\""
    echo ".SH NAME"
    printf '%s\n' 'sitrep \- code conflict news into structured events'
    echo ".SH SYNOPSIS"
    echo ".B sitrep"
    echo ".I COMMAND"
    printf '%s\n' '[\fIOPTIONS\fR] [\fIARGS\fR]'
    echo ".SH DESCRIPTION"
    echo "sitrep reads news articles (JSON Lines, text or HTML) and writes the events"
    echo "they report: who did what to whom, where, when, with how many dead, as"
    echo "ACLED event types and CAMEO codes; it keeps them in a store (SQLite or"
    echo "PostgreSQL), merges reports of one event, tracks who holds which town, and"
    echo "serves them over HTTP with a map. What follows is the program's own help."
    echo ".SH OVERVIEW"
    echo ".nf"
    "$bin" help | roff
    echo ".fi"
    echo ".SH COMMANDS"
    for c in code ingest query control stats serve submit worker queue gazetteer version help; do
        echo ".SS \"sitrep $c\""
        echo ".nf"
        "$bin" help "$c" | roff
        echo ".fi"
    done
    echo ".SH EXIT STATUS"
    echo "0: all done; 1: a fatal error (dictionaries, store, output); 2: a usage"
    echo "error; 3: some input was rejected (each named as FILE:LINE: reason)."
    echo ".SH FILES"
    echo ".TP"
    echo ".I /usr/share/sitrep"
    echo "the dictionaries (plain text, each says its format at its top), the"
    echo "gazetteer (gazetteer.idx) and the map's files (web/), for an installation"
    echo "under /usr; under the installation's prefix otherwise."
    echo ".SH SEE ALSO"
    echo "The README and docs/ of the source, which hold the export column tables,"
    echo "the accuracy figures and the architecture."
} > "$out"
