# Makefile - builds pulje (library, command line, tests) and runs it.
#
#   make run     install missing Debian packages (those running needs), build,
#                run the default pool
#   make test    install missing Debian packages (the tests' too), build, run every test
#   make check   the tests again under AddressSanitizer + UBSan
#   make valgrind  the tests under valgrind (leaks are errors)
#   make install PREFIX=/usr/local   install bin/pulje, share/man/man1/pulje.1 and
#                                    share/man/da/man1/pulje.1 (pulje.da.1)
#                (without root: make install PREFIX=$HOME/.local)
#   make uninstall PREFIX=/usr/local
#   make man-check  render pulje.1 with groff, warnings are errors
#   make print   print the default pool's workbooks (and a 2.000-application pool's) to PDF
#                with LibreOffice, check them and render PNGs into $(OUT)/print
#   make bench   time pulje on pools of 10.000 to 1.000.000 applications against the
#                bare-write floor, write the results into BENCHMARKS.md (see
#                BENCHMARKS.md; BENCH_ARGS="--sizes 100,10000 --runs 5" to vary)
#   make fuzz    the libFuzzer harnesses (clang), FUZZ_SECONDS each
#   make soak    100.000 generated boundary pools (tests/genbound.h), each in
#                closed form and through the model (compared), every
#                application explained; one summary line; about 4 minutes
#                of one core (SOAK_ARGS="--pools 1000" to vary)
#   make web     pulje as WebAssembly, build/web/pulje.js (web/web.mk); make web-smoke
#                compares it under node with build/pulje byte for byte
#   make clean
#
# BUILD=dir puts every build product in dir (default: build).

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
POOL    ?= inputs/pulje-2023.ini
OUT     ?= outputs

# Debian packages: what building and running need (make run), and what the
# tests need besides (make test).
RUN_PACKAGES  = gcc make libc6-dev pkg-config libglpk-dev libxlsxwriter-dev libzip-dev \
                libexpat1-dev libcsv-dev libinih-dev nettle-dev libhpdf-dev fonts-dejavu-core
TEST_PACKAGES = libcmocka-dev locales python3 python3-openpyxl python3-jsonschema groff-base \
                poppler-utils
PACKAGES      = $(RUN_PACKAGES) $(TEST_PACKAGES)
# make web (web/web.mk) installs these when emcc is missing; dpkg-dev for dpkg-source.
WEB_PACKAGES  = emscripten dpkg-dev
# The print check (tests/test_print.c, make print) needs LibreOffice's soffice:
# any Calc will do; libreoffice-calc-nogui is installed when there is none.
PRINT_PACKAGE = libreoffice-calc-nogui

WARN    = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wformat=2 -Wvla
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -pthread $(WARN) -Iinclude $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS  = -lxlsxwriter -lzip -lexpat -lglpk -lcsv -linih -lnettle -lhpdf -lm
TEST_LDLIBS = -lcmocka

LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC = $(wildcard tests/test_*.c)
TESTS    = $(TEST_SRC:tests/%.c=$(BUILD)/%)
LIB      = $(BUILD)/libpulje.a
PROG     = $(BUILD)/pulje
GEN      = $(BUILD)/genpool
BENCH    = $(BUILD)/bench $(BUILD)/bench_bare

.PHONY: all run test check valgrind bench deps deps-run clean install uninstall man-check fuzz fuzz-build soak print

all: $(PROG) $(GEN) $(BENCH) $(TESTS)

# Install what is missing of $(DEPS) when root; otherwise say exactly what
# to run. deps: everything (make test); deps-run: what running needs.
DEPS ?= $(PACKAGES)

deps-run:
	@$(MAKE) --no-print-directory deps DEPS="$(RUN_PACKAGES)" PRINT_PACKAGE=

deps:
	@missing=""; for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	[ -z "$(PRINT_PACKAGE)" ] || command -v soffice >/dev/null 2>&1 || missing="$$missing $(PRINT_PACKAGE)"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "Missing Debian packages. Run:"; echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

run: deps-run
	@$(MAKE) --no-print-directory $(PROG)
	@mkdir -p $(OUT)
	$(PROG) run $(POOL) --out $(OUT)

test: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) sh tests/run_tests.sh $(TESTS)

# The default pool's workbooks printed to PDF by LibreOffice, checked (A4, pages,
# whole texts, nothing under 7 pt) and rendered to PNG in $(OUT)/print, to look at.
print: deps
	@$(MAKE) --no-print-directory $(PROG)
	@rm -rf $(OUT)/print && mkdir -p $(OUT)/print
	$(PROG) run $(POOL) -q --out $(OUT)/print
	$(PROG) compare $(POOL) -q --out $(OUT)/print
	HOME=$(CURDIR)/$(OUT)/print /usr/bin/python3 tests/print_check.py $(OUT)/print --png $(OUT)/print/*.xlsx
	@# the same for 2.000 generated applications (about a minute; no PNGs)
	@$(MAKE) --no-print-directory $(GEN)
	@mkdir -p $(OUT)/print/big
	$(GEN) --count 2000 --seed 7 --apps $(OUT)/print/big/apps.csv --ledger $(OUT)/print/big/ledger.csv
	sed -e 's|^applications *=.*|applications = apps.csv|' -e 's|^ledger *=.*|ledger = ledger.csv|' \
	    -e 's|^\(Frie midler[^=]*=\).*|\1 150.000.000|' $(POOL) > $(OUT)/print/big/pool.ini
	$(PROG) run $(OUT)/print/big/pool.ini -q --out $(OUT)/print/big 2>/dev/null
	$(PROG) compare $(OUT)/print/big/pool.ini -q --out $(OUT)/print/big 2>/dev/null
	HOME=$(CURDIR)/$(OUT)/print /usr/bin/python3 tests/print_check.py $(OUT)/print/big $(OUT)/print/big/*.xlsx

check:
	@$(MAKE) --no-print-directory test BUILD=build-san CC=gcc \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

valgrind: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) VALGRIND="valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99" \
	  sh tests/run_tests.sh $(TESTS)

bench: deps
	@$(MAKE) --no-print-directory $(PROG) $(GEN) $(BENCH)
	$(BUILD)/bench --build $(BUILD) --md BENCHMARKS.md $(BENCH_ARGS)

$(BUILD)/obj/%.o: src/%.c $(wildcard include/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(PROG): $(BUILD)/obj/main.o $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(GEN): tests/genpool.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $<

$(BUILD)/bench: tests/bench.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $<

$(BUILD)/bench_bare: tests/bench_bare.c $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

$(BUILD)/soak: tests/soak.c tests/genbound.h $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(LIB) $(LDLIBS)

soak: deps
	@$(MAKE) --no-print-directory $(BUILD)/soak
	$(BUILD)/soak $(SOAK_ARGS)

$(BUILD)/test_%: tests/test_%.c tests/testutil.h tests/genbound.h $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(LIB) $(LDLIBS) $(TEST_LDLIBS)

# test_faults links with --wrap so that it can make these calls fail.
FAULT_WRAPS = malloc calloc realloc strdup glp_simplex glp_intopt glp_get_status \
              glp_mip_status worksheet_write_number worksheet_write_string workbook_close \
              workbook_set_custom_property_string mkstemp fsync

$(BUILD)/test_faults: tests/test_faults.c tests/testutil.h $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(LIB) $(LDLIBS) $(TEST_LDLIBS) \
	  $(FAULT_WRAPS:%=-Wl,--wrap=%)

$(BUILD) $(BUILD)/obj:
	mkdir -p $@

include web/web.mk

# DESTDIR is honoured for packaging.
# Without root: make install PREFIX=$HOME/.local (needs no sudo; put
# $HOME/.local/bin on PATH, and man finds $HOME/.local/share/man by itself).
install: $(PROG)
	@{ install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 2>/dev/null && \
	   [ -w $(DESTDIR)$(PREFIX)/bin ] && [ -w $(DESTDIR)$(PREFIX)/share/man/man1 ]; } || { \
	  echo "cannot write under $(DESTDIR)$(PREFIX)"; \
	  echo "  hint: without root, install into your home: make install PREFIX=\$$HOME/.local"; \
	  exit 1; }
	install -m 0755 $(PROG) $(DESTDIR)$(PREFIX)/bin/pulje
	install -m 0644 pulje.1 $(DESTDIR)$(PREFIX)/share/man/man1/pulje.1
	install -d $(DESTDIR)$(PREFIX)/share/man/da/man1
	install -m 0644 pulje.da.1 $(DESTDIR)$(PREFIX)/share/man/da/man1/pulje.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/pulje $(DESTDIR)$(PREFIX)/share/man/man1/pulje.1 \
	      $(DESTDIR)$(PREFIX)/share/man/da/man1/pulje.1

man-check:
	@out=$$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z pulje.1 pulje.da.1 2>&1); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; echo "pulje.1, pulje.da.1: no groff warnings"

# ---- fuzzing (clang's libFuzzer, with ASan + UBSan) ----------------------
# Each harness in tests/fuzz/ runs for FUZZ_SECONDS on its seed corpus
# (tests/fuzz/corpus_<name>, read only); new inputs go to $(FUZZ_BUILD)/corpus_<name>,
# a crash to $(FUZZ_BUILD)/crash-<name>-*, and make fails. The ledger harness
# is skipped (with a message) while src/ledger.c has no ledger_parse.
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_CFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZERS       = apps pool ledger template followup

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(LDLIBS)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	  CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" $(FUZZ_BUILD)/libpulje.a
	@for f in $(FUZZERS); do \
	  if [ $$f = ledger ] && ! nm $(FUZZ_BUILD)/libpulje.a 2>/dev/null | grep -q ' T ledger_parse$$'; then \
	    echo "fuzz_ledger: skipped, src/ledger.c does not define ledger_parse yet"; continue; fi; \
	  $(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	    CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" $(FUZZ_BUILD)/fuzz_$$f || exit 1; \
	done

fuzz: fuzz-build
	@for f in $(FUZZERS); do \
	  [ -x $(FUZZ_BUILD)/fuzz_$$f ] || continue; \
	  mkdir -p $(FUZZ_BUILD)/corpus_$$f; \
	  echo "== fuzz_$$f for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 \
	    -dict=tests/fuzz/$$f.dict -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/crash-$$f- \
	    $(FUZZ_BUILD)/corpus_$$f tests/fuzz/corpus_$$f || exit 1; \
	done

clean:
	rm -rf build build-san build-fuzz

# The browser page and its test (issue 17).
include web/page.mk
