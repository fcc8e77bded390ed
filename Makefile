# kaikuprint — see README.md. The two commands: make run, make test.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/kaikuprint
MANDIR = $(PREFIX)/share/man/man1
VERSION = 0.1.0

CC ?= cc
OPT ?= -O2 -g
PKGS = libxml-2.0 harfbuzz harfbuzz-subset libqrencode libpng zlib
# libmicrohttpd: its header only; serve loads the library (src/serve_mhd.c)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) libmicrohttpd 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# libharu and iniparser ship no pkg-config file.
WARNINGS = -Wall -Wextra -Wformat=2 -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	-Wwrite-strings -Werror
CFLAGS_ALL = -std=c11 $(WARNINGS) -D_GNU_SOURCE $(OPT) $(PKG_CFLAGS) \
	-DKP_VERSION='"$(VERSION)"' -DKP_DATADIR='"$(DATADIR)"' $(CFLAGS)
LIBS_ALL = -lhpdf -liniparser -lvoikko -lhyphen -lcsv $(PKG_LIBS) -lpthread -lm $(LIBS)

BUILD ?= build
SRCS = $(filter-out src/main.c,$(wildcard src/*.c))
OBJS = $(SRCS:src/%.c=$(BUILD)/%.o)
REGION ?= config/esimerkkila.ini
HOLDERS ?= config/esimerkkila-holders.csv
# The example batch is printed on this day (its cards must be valid then).
TODAY ?= 2027-03-01

.PHONY: all deps run serve test unit FORCE check-sanitize bench typo-report fuzz install uninstall clean cppcheck help

all: kaikuprint

help:
	@echo 'make                 build ./kaikuprint'
	@echo 'make run             install missing build dependencies, build, render every document into out/'
	@echo 'make serve           the web page: kaikuprint serve on the example region (SERVE_LISTEN)'
	@echo 'make test            build and run the whole test suite (sh tests/run NAME: one suite)'
	@echo 'make unit            build the unit tests (build/unit/test_*)'
	@echo 'make check-sanitize  the whole test suite on an ASan + UBSan build (build-san/)'
	@echo 'make cppcheck        static analysis of src and tests/unit'
	@echo 'make fuzz            libFuzzer targets, FUZZ_SECONDS each (build-fuzz/)'
	@echo 'make bench           speed and memory against bare libharu (tests/bench)'
	@echo 'make typo-report     typography figures of a fixed corpus; fails when a target is missed'
	@echo 'make install         install under PREFIX (/usr/local), DESTDIR for packaging'
	@echo 'make uninstall       remove what make install put there'
	@echo 'make deps            install missing build dependencies (.ci/install-deps)'
	@echo 'make clean           remove builds, out/ and test output'

deps:
	@sh .ci/install-deps

$(BUILD)/%.o: src/%.c src/*.h src/*.def | $(BUILD)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD):
	mkdir -p $(BUILD)

$(BUILD)/libkaikuprint.a: $(OBJS)
	rm -f $@ && ar rcs $@ $^

kaikuprint: $(BUILD)/main.o $(BUILD)/libkaikuprint.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LIBS_ALL) $(LDFLAGS)

run: deps
	$(MAKE) kaikuprint
	mkdir -p out
	./kaikuprint all -c $(REGION) -o out
	./kaikuprint render -c $(REGION) -t templates/card-inserts.xml --data $(HOLDERS) \
		--today $(TODAY) -o out/card-inserts-batch-fi.pdf -l fi
	@# the print-shop variant (--press) of the leaflet, its booklet and the card inserts
	mkdir -p out/press
	for l in $$(sed -n 's/^languages *= *//p' $(REGION) | tr ',' ' '); do \
		./kaikuprint render --press -c $(REGION) -t templates/leaflet.xml -l $$l \
			-o out/press/leaflet-$$l.pdf && \
		./kaikuprint render --press -c $(REGION) -t templates/card-inserts.xml -l $$l \
			-o out/press/card-inserts-$$l.pdf || exit 1; \
	done
	./kaikuprint render --press -c $(REGION) -t templates/card-inserts.xml --data $(HOLDERS) \
		--today $(TODAY) -o out/press/card-inserts-batch-fi.pdf -l fi
	@ls out out/press

# The web page (kaikuprint serve) on a copy of the example region in out/, so
# that saving in the editor leaves the committed file alone.
SERVE_LISTEN ?= 127.0.0.1:8080
serve: deps
	$(MAKE) kaikuprint
	mkdir -p out
	[ -f out/esimerkkila.ini ] || cp $(REGION) out/esimerkkila.ini
	cp config/esimerkkila-logo.jpg out/
	./kaikuprint serve -c out/esimerkkila.ini --listen $(SERVE_LISTEN)

test: deps
	$(MAKE) kaikuprint
	sh tests/run

# Unit tests: every tests/unit/test_NAME.c is its own program build/unit/test_NAME,
# linked with the harness (tests/unit/test_main.c) and the library.
UNIT_SRCS = $(filter-out tests/unit/test_main.c,$(wildcard tests/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)

unit: $(UNIT_BINS)

$(BUILD)/unit/%: tests/unit/%.c tests/unit/test_main.c tests/unit/unit.h src/*.h \
		$(BUILD)/libkaikuprint.a
	@mkdir -p $(BUILD)/unit
	$(CC) $(CFLAGS_ALL) -Isrc -Itests/unit -o $@ $< tests/unit/test_main.c \
		$(BUILD)/libkaikuprint.a $(LIBS_ALL) $(LDFLAGS)

# Typography figures of a fixed corpus (fi, sv, en) in 45 and 80 mm columns;
# fails when a target is missed (tests/typo/report.sh).
typo-report: kaikuprint
	sh tests/typo/report.sh

bench: kaikuprint
	sh tests/bench/run

# Sanitizer builds live in their own folders; the default build is untouched.
SAN_OPT = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

# A binary in any build folder (build-san/kaikuprint); its templates and fonts
# are found through links next to it.
$(BUILD)/kaikuprint: $(BUILD)/main.o $(BUILD)/libkaikuprint.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LIBS_ALL) $(LDFLAGS)
	ln -sfn ../templates $(BUILD)/templates
	ln -sfn ../fonts $(BUILD)/fonts

# The whole test suite on an AddressSanitizer + UBSan build.
check-sanitize: deps
	$(MAKE) kaikuprint  # suite 72-valgrind runs the plain build under valgrind
	$(MAKE) BUILD=build-san CC=clang OPT='$(SAN_OPT)' build-san/kaikuprint
	$(SAN_ENV) KP=build-san/kaikuprint sh tests/run

# libFuzzer targets (tests/fuzz/fuzz_*.c), each run for FUZZ_SECONDS; new
# inputs collect in build-fuzz/corpus-NAME, seeds in tests/fuzz/corpus-NAME.
# An input is a hang after 30 s: the leaflet alone takes about 3 s in the
# render target (ASan, three languages, PDF and dump) on a busy machine.
fuzz: deps
	$(MAKE) BUILD=build-fuzz CC=clang OPT='$(SAN_OPT) -fsanitize=fuzzer-no-link' \
		build-fuzz/libkaikuprint.a
	for t in $(FUZZ_TARGETS); do \
		clang $(CFLAGS_ALL) $(SAN_OPT) -fsanitize=fuzzer -Isrc -o build-fuzz/fuzz_$$t \
			tests/fuzz/fuzz_$$t.c build-fuzz/libkaikuprint.a $(LIBS_ALL) || exit 1; \
	done
	for t in $(FUZZ_TARGETS); do \
		mkdir -p build-fuzz/corpus-$$t; \
		$(SAN_ENV) build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=30 \
			-max_len=65536 -artifact_prefix=build-fuzz/$$t- \
			build-fuzz/corpus-$$t tests/fuzz/corpus-$$t || exit 1; \
	done

cppcheck:
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
		--std=c11 --inline-suppr src tests/unit

# main.o has DATADIR compiled in: the stamp changes (and main.o is rebuilt)
# only when PREFIX does, so `make install PREFIX=/usr` never installs a binary
# that looks for its data under another prefix.
$(BUILD)/datadir.stamp: FORCE | $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
$(BUILD)/main.o: $(BUILD)/datadir.stamp
# textnorm.c includes its word lists (tests/typo/rules.awk reads them too)
$(BUILD)/textnorm.o: src/textnorm_words.def
FORCE:

# Everything under templates/ and fonts/ is installed (subfolders included).
install: kaikuprint
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(MANDIR)
	install -m 755 kaikuprint $(DESTDIR)$(BINDIR)/kaikuprint
	find templates fonts -type f | while read -r f; do \
		install -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; done
	install -m 644 kaikuprint.1 $(DESTDIR)$(MANDIR)/kaikuprint.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kaikuprint $(DESTDIR)$(MANDIR)/kaikuprint.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) build-san build-fuzz kaikuprint out tests/out
