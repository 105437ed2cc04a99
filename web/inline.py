#!/usr/bin/env python3
"""inline.py - make the one-file page: page.html with page.css, page.js and the
Emscripten module pulje.js put in place of its /*@PAGE_CSS@*/, /*@PAGE_JS@*/ and
/*@PULJE_JS@*/ markers. Usage: inline.py PAGE.html MODULE.js OUT.html

The module goes into a <script type="text/plain"> that the page hands to its
worker, so "</script" inside it is written "<\\/script" (the same string to
JavaScript). Fails if the result would load anything from outside."""
import os
import re
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: inline.py PAGE.html MODULE.js OUT.html")
    page_path, module_path, out_path = sys.argv[1:]
    here = os.path.dirname(page_path)
    with open(page_path, encoding="utf-8") as f:
        page = f.read()
    with open(os.path.join(here, "page.css"), encoding="utf-8") as f:
        css = f.read()
    with open(os.path.join(here, "page.js"), encoding="utf-8") as f:
        js = f.read()
    with open(module_path, encoding="utf-8") as f:
        module = f.read()
    module = re.sub(r"</(script)", r"<\\/\1", module, flags=re.I)
    for name, text in (("PAGE_JS", js), ("PAGE_CSS", css)):
        if re.search(r"</(script|style)", text, re.I):
            sys.exit("inline.py: %s contains a closing tag" % name)
    for marker, text in (("/*@PAGE_CSS@*/", css), ("/*@PAGE_JS@*/", js), ("/*@PULJE_JS@*/", module)):
        if page.count(marker) != 1:
            sys.exit("inline.py: %s must occur once in %s" % (marker, page_path))
        page = page.replace(marker, text)
    # Only the markup, not the module (its code mentions URLs it never loads here).
    markup = page.replace(module, "")
    bad = re.findall(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?!data:|blob:)[^"'\s>]+""",
                     markup, re.I)
    if bad:
        sys.exit("inline.py: external resources in the page: %s" % bad[:3])
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(page)
    os.replace(tmp, out_path)


if __name__ == "__main__":
    main()
