# Makefile - builds pulje (library, command line, tests) and runs it.
#
#   make run     install missing Debian packages, build, run the default pool
#   make test    install missing Debian packages, build, run every test
#   make check   the tests again under AddressSanitizer + UBSan
#   make valgrind  the tests under valgrind (leaks are errors)
#   make install PREFIX=/usr/local   install bin/pulje and share/man/man1/pulje.1
#   make uninstall PREFIX=/usr/local
#   make man-check  render pulje.1 with groff, warnings are errors
#   make bench   time pulje on pools of 100 to 1.000.000 applications (see
#                BENCHMARKS.md; BENCH_ARGS="--sizes 100,10000 --runs 5" to vary)
#   make clean
#
# BUILD=dir puts every build product in dir (default: build).

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
POOL    ?= inputs/pulje-2023.ini
OUT     ?= outputs

# Debian packages the build and the tests need.
PACKAGES = gcc make libc6-dev pkg-config libglpk-dev libxlsxwriter-dev libzip-dev libexpat1-dev \
           libcmocka-dev libcsv-dev libinih-dev python3 python3-openpyxl groff-base

WARN    = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wformat=2 -Wvla
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Iinclude $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS  = -lxlsxwriter -lzip -lexpat -lglpk -lcsv -linih -lm
TEST_LDLIBS = -lcmocka

LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC = $(wildcard tests/test_*.c)
TESTS    = $(TEST_SRC:tests/%.c=$(BUILD)/%)
LIB      = $(BUILD)/libpulje.a
PROG     = $(BUILD)/pulje
GEN      = $(BUILD)/genpool
BENCH    = $(BUILD)/bench $(BUILD)/bench_bare

.PHONY: all run test check valgrind bench deps clean install uninstall man-check

all: $(PROG) $(GEN) $(BENCH) $(TESTS)

# Install what is missing when root; otherwise say exactly what to run.
deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "Missing Debian packages. Run:"; echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

run: deps
	@$(MAKE) --no-print-directory $(PROG)
	@mkdir -p $(OUT)
	$(PROG) run $(POOL) --out $(OUT)

test: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) sh tests/run_tests.sh $(TESTS)

check:
	@$(MAKE) --no-print-directory test BUILD=build-san CC=gcc \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

valgrind: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) VALGRIND="valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99" \
	  sh tests/run_tests.sh $(TESTS)

bench: deps
	@$(MAKE) --no-print-directory $(PROG) $(GEN) $(BENCH)
	$(BUILD)/bench --build $(BUILD) $(BENCH_ARGS)

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

$(BUILD)/test_%: tests/test_%.c tests/testutil.h $(LIB) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(LIB) $(LDLIBS) $(TEST_LDLIBS)

$(BUILD) $(BUILD)/obj:
	mkdir -p $@

# DESTDIR is honoured for packaging.
install: $(PROG)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(PROG) $(DESTDIR)$(PREFIX)/bin/pulje
	install -m 0644 pulje.1 $(DESTDIR)$(PREFIX)/share/man/man1/pulje.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/pulje $(DESTDIR)$(PREFIX)/share/man/man1/pulje.1

man-check:
	@out=$$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z pulje.1 2>&1); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; echo "pulje.1: no groff warnings"

clean:
	rm -rf build build-san
