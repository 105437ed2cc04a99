# web/web.mk - make web: pulje as WebAssembly (build/web/pulje.js), included by the Makefile.
#
#   make web        emscripten (Debian) when emcc is missing; the dependencies from their
#                   Debian source packages, pinned by web/deps.lock (web/apt-source.sh), built
#                   with emcc into build/web/deps (web/deps.sh); pulje's src/*.c linked into
#                   build/web/pulje.js: one file, the wasm embedded, createPulje() as in
#                   web/README.md
#   make web-smoke  build/web/pulje.js under node against build/pulje, byte for byte (web/smoke.mjs)

WEB      ?= build/web
WEB_DEPS  = $(WEB)/deps
WEB_JOBS ?= 2
WEB_LIBS  = glpk zlib minizip libxlsxwriter libzip expat libcsv libinih nettle
WEB_ENV   = NODE_PATH=/usr/share/nodejs
WEB_NODE  = node --no-experimental-fetch
WEB_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -DPULJE_NO_PDF -DPULJE_NO_THREADS $(WARN) -Iinclude -isystem $(WEB_DEPS)/include -O2
# link order: each library before those it uses
WEB_LINK  = xlsxwriter minizip zip expat glpk csv inih nettle z
WEB_LDFLAGS = -O2 -sMODULARIZE=1 -sEXPORT_NAME=createPulje -sSINGLE_FILE=1 \
              -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=0 -sINVOKE_RUN=0 -sFORCE_FILESYSTEM=1 \
              -sEXPORTED_RUNTIME_METHODS=callMain,FS -sENVIRONMENT=web,worker,node \
              --pre-js web/pre.js
WEB_OBJ   = $(wildcard src/*.c)
WEB_OBJ  := $(WEB_OBJ:src/%.c=$(WEB)/obj/pulje/%.o)

.PHONY: web web-smoke web-deps

web:
	@{ command -v emcc && command -v dpkg-source; } >/dev/null 2>&1 || $(MAKE) --no-print-directory deps DEPS="$(WEB_PACKAGES)" PRINT_PACKAGE=
	@$(MAKE) --no-print-directory web-deps
	@$(MAKE) --no-print-directory -j$(WEB_JOBS) $(WEB)/pulje.js
	@$(MAKE) --no-print-directory web-page

# the inih orig tarball is missing from some mirrors: then the copy of upstream r55
# in web/vendor/inih (the same ini.c, Debian's options are its defaults) is used
web-deps:
	@for l in $(WEB_LIBS); do \
	  [ -f $(WEB_DEPS)/stamp-$$l ] && continue; \
	  if ! sh web/apt-source.sh $(WEB) $$l; then \
	    if [ $$l = libinih ]; then \
	      echo "libinih: Debian source not available here, using web/vendor/inih (upstream r55)"; \
	      (cd web/vendor/inih && sha256sum -c --quiet SHA256SUMS) || exit 1; \
	      mkdir -p $(WEB)/src/libinih && cp web/vendor/inih/ini.c web/vendor/inih/ini.h $(WEB)/src/libinih/; \
	    else exit 1; fi; \
	  fi; \
	  echo "== $$l (emcc)"; \
	  WEB_JOBS=$(WEB_JOBS) sh web/deps.sh $(WEB) $$l || exit 1; \
	done

$(WEB)/obj/pulje/%.o: src/%.c $(wildcard include/*.h) | $(WEB)/obj/pulje
	$(WEB_ENV) emcc $(WEB_CFLAGS) -c -o $@ $<

$(WEB)/obj/pulje:
	mkdir -p $@

$(WEB)/pulje.js: $(WEB_OBJ) $(wildcard $(WEB_DEPS)/lib/*.a) web/pre.js
	$(WEB_ENV) emcc -o $@ $(WEB_OBJ) -L$(WEB_DEPS)/lib $(WEB_LINK:%=-l%) -lm $(WEB_LDFLAGS)
	@ls -l $@

web-smoke: web
	@$(MAKE) --no-print-directory $(PROG)
	$(WEB_NODE) web/smoke.mjs
