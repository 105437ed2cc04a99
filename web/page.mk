# web/page.mk - the browser page (issue 17), included by the Makefile.
#
#   make web-page  build/web/pulje.html: web/page.html with page.css, page.js
#                  and the WebAssembly module build/web/pulje.js (make web)
#                  inlined, one file that needs no network and no server
#   make test-web  the page in headless Chromium driven by Selenium
#                  (tests/web/test_web.py); installs WEB_TEST_PACKAGES as root
#
# WEB_DIR is where the module is and the page goes.

WEB_DIR           ?= $(BUILD)/web
WEB_PAGE_SRC       = web/page.html web/page.css web/page.js web/inline.py
WEB_TEST_PACKAGES  = chromium chromium-driver python3-selenium

.PHONY: web-page test-web

web-page: $(WEB_DIR)/pulje.html

$(WEB_DIR)/pulje.html: $(WEB_PAGE_SRC) $(WEB_DIR)/pulje.js
	python3 web/inline.py web/page.html $(WEB_DIR)/pulje.js $@

test-web:
	@$(MAKE) --no-print-directory deps DEPS="$(WEB_TEST_PACKAGES)" PRINT_PACKAGE=
	@$(MAKE) --no-print-directory $(PROG) $(GEN) web
	/usr/bin/python3 tests/web/test_web.py --build $(BUILD) --page $(WEB_DIR)/pulje.html $(WEB_TEST_ARGS)
