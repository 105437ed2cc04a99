#!/usr/bin/python3
"""print_check.py - print workbooks to PDF with LibreOffice and check the pages.

    /usr/bin/python3 tests/print_check.py OUTDIR [--png] BOOK.xlsx ...

Each workbook is converted with `soffice --headless --convert-to pdf`, then
read back with poppler-utils (pdfinfo, pdftotext) and zlib:

- every page is A4 (595 x 842 pt either way round);
- each page's sheet is the footer's left part ("&A"), so the pages per sheet
  are counted;
- every text cell of every visible sheet (openpyxl) is found whole in the
  text of that sheet's pages (whitespace ignored: wrapped lines join up), so
  a cut text fails;
- the smallest font size on each page (the size operand of every `Tf` in the
  page's content stream: LibreOffice writes the printed size there) is at
  least 7 pt;
- LibreOffice, made to recalculate on load (a private profile with
  OOXMLRecalcMode = always), gets every formula's cached value: each sheet
  is exported to CSV with raw values and compared with openpyxl's cache.

Prints tab-separated lines the C test compares:

    pages    <book> <sheet> <n>
    minfont  <book> <sheet> <size, one decimal>    the smallest on that sheet
    formulas <book> <n> <disagreeing>
    FAIL     <book> <what>

and exits 1 if any check failed. --png also renders every page at 60 dpi
(pdftoppm) into OUTDIR/<book>-<page>.png, for people to look at.
"""
import os
import re
import subprocess
import sys
import zlib

import openpyxl

# LibreOffice's soffice script runs itself under valgrind when VALGRIND is
# set (VALGRIND=memcheck soffice ...); `make valgrind` sets VALGRIND to its
# own command line for the test binaries, which soffice must not take up.
SOFFICE_ENV = {k: v for k, v in os.environ.items() if k != "VALGRIND"}

MIN_PT = 7.0


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def page_streams(pdf):
    """The decompressed content streams of each page, in page order."""
    data = open(pdf, "rb").read()
    objs = {}
    for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        objs[int(m.group(1))] = m.group(2)

    def stream(body):
        m = re.search(rb"stream\r?\n(.*)endstream", body, re.S)
        if not m:
            return b""
        raw = m.group(1)
        try:
            return zlib.decompress(raw) if b"FlateDecode" in body else raw
        except zlib.error:
            return b""

    pages = []
    # the page tree in order: /Kids arrays, depth first from the root /Pages
    root = re.search(rb"/Root (\d+) 0 R", data)
    cat = objs[int(root.group(1))]
    top = int(re.search(rb"/Pages (\d+) 0 R", cat).group(1))

    def walk(n):
        body = objs[n]
        if re.search(rb"/Type\s*/Pages", body):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S).group(1)
            for k in re.findall(rb"(\d+) 0 R", kids):
                walk(int(k))
        else:
            c = re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", body, re.S).group(1)
            pages.append(b"".join(stream(objs[int(k)]) for k in re.findall(rb"(\d+) 0 R", c)))

    walk(top)
    return pages


PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalc_check(outdir, path, book, fails):
    """LibreOffice's recalculated values against the cached ones, formula by formula."""
    import csv
    prof = os.path.join(os.path.abspath(outdir), "lo-profile")
    os.makedirs(os.path.join(prof, "user"), exist_ok=True)
    with open(os.path.join(prof, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE_XCU)
    csvdir = os.path.join(outdir, book + "-recalc")
    os.makedirs(csvdir, exist_ok=True)
    # ';' separated, UTF-8, every sheet to its own file, raw values (not as shown)
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless",
                    "--convert-to",
                    "csv:Text - txt - csv (StarCalc):59,34,76,1,,1030,false,true,false,false,"
                    "false,-1", "--outdir", csvdir, path], check=True, capture_output=True,
                   env=SOFFICE_ENV)
    wf = openpyxl.load_workbook(path, data_only=False)
    wv = openpyxl.load_workbook(path, data_only=True)
    n = bad = 0
    for ws in wf.worksheets:
        name = os.path.join(csvdir, "%s-%s.csv" % (book, ws.title))
        rows = list(csv.reader(open(name, encoding="utf-8"), delimiter=";"))
        for row in ws.iter_rows():
            for c in row:
                if not (isinstance(c.value, str) and c.value.startswith("=")):
                    continue
                cached = wv[ws.title][c.coordinate].value
                lo = rows[c.row - 1][c.column - 1] if c.row <= len(rows) and \
                    c.column <= len(rows[c.row - 1]) else ""
                if lo.endswith("%"):
                    lo = repr(float(lo[:-1]) / 100)
                n += 1
                if isinstance(cached, str):
                    ok = cached == lo
                else:
                    try:
                        ok = abs(float(lo) - float(cached)) <= 1e-12 * max(1.0, abs(float(cached)))
                    except ValueError:
                        ok = False
                if not ok:
                    bad += 1
                    fails.append("%s!%s %s: cached %r, LibreOffice %r" % (ws.title, c.coordinate,
                                                                          c.value, cached, lo))
    print("formulas\t%s\t%d\t%d" % (book, n, bad))


def squash(s):
    return re.sub(r"\s+", "", s)


def check(outdir, path, png):
    book = os.path.splitext(os.path.basename(path))[0]
    fails = []
    # a profile of its own, so that no other LibreOffice running on the
    # machine (a desktop, another test) takes the conversion or locks it
    prof = os.path.join(os.path.abspath(outdir), "lo-profile-pdf")
    done = subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless",
                           "--convert-to", "pdf", "--outdir", outdir, path],
                          capture_output=True, text=True, env=SOFFICE_ENV)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        done.check_returncode()
    pdf = os.path.join(outdir, book + ".pdf")
    n = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    sizes = run("pdfinfo", "-f", "1", "-l", str(n), pdf)
    page_size = {}
    for m in re.finditer(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", sizes):
        page_size[int(m.group(1))] = (float(m.group(2)), float(m.group(3)))
        w, h = sorted((float(m.group(2)), float(m.group(3))))
        if abs(w - 595.3) > 1 or abs(h - 841.9) > 1:
            fails.append("page %s is not A4 (%s x %s pt)" % (m.group(1), m.group(2), m.group(3)))
    streams = page_streams(pdf)
    wb = openpyxl.load_workbook(path, data_only=True)
    titles = [ws.title for ws in wb.worksheets]
    sheet_of, text_of, smallest = [], {}, {}
    for p in range(1, n + 1):
        w, h = page_size[p]
        # the footer: the bottom 0,45 inch of the page, "<sheet>   Side n af m"
        foot = run("pdftotext", "-layout", "-f", str(p), "-l", str(p), "-x", "0", "-y",
                   str(int(h - 32)), "-W", str(int(w)), "-H", "32", pdf, "-")
        # the sheet whose name the footer holds (the longest, should one contain another)
        names = [t for t in titles if t in foot]
        name = max(names, key=len) if names else "?"
        sheet_of.append(name)
        raw = run("pdftotext", "-raw", "-f", str(p), "-l", str(p), pdf, "-")
        text_of[name] = text_of.get(name, "") + squash(raw)
        tf = [float(x) for x in re.findall(rb"/F\d+ ([\d.]+) Tf", streams[p - 1])]
        if tf:
            smallest[name] = min(smallest.get(name, 99.0), min(tf))
            if min(tf) < MIN_PT:
                fails.append("page %d (%s): text of %.2f pt" % (p, name, min(tf)))
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            if ws.title in text_of:
                fails.append("hidden sheet %s is printed" % ws.title)
            continue
        print("pages\t%s\t%s\t%d" % (book, ws.title, sheet_of.count(ws.title)))
        if ws.title in smallest:
            print("minfont\t%s\t%s\t%.1f" % (book, ws.title, smallest[ws.title]))
        have = text_of.get(ws.title, "")
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and squash(c.value) not in have:
                    fails.append("%s!%s: text not printed whole: %s" % (ws.title, c.coordinate,
                                                                       c.value[:80]))
    recalc_check(outdir, path, book, fails)
    if png:
        subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, os.path.join(outdir, book)],
                       check=True)
    for f in fails:
        print("FAIL\t%s\t%s" % (book, f))
    return not fails


def main(argv):
    png = "--png" in argv
    args = [a for a in argv if a != "--png"]
    ok = True
    for path in args[1:]:
        ok &= check(args[0], path, png)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
