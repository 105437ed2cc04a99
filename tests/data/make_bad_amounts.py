#!/usr/bin/env python3
"""make_bad_amounts.py - writes the bad-input fixtures of amounts, encodings,
control characters, shifted rows and workbooks into tests/data/bad/<name>/.

Each directory holds pool.ini, the files it names and `expect`: the exit code
of both `pulje check pool.ini` and `pulje run pool.ini --out DIR` on its first
line, then one substring of stderr per line (tests/test_badinputs.c runs them).

    python3 tests/data/make_bad_amounts.py            # write the fixtures
    python3 tests/data/make_bad_amounts.py --verify   # and run pulje on each

The .xlsx fixtures are made by LibreOffice (soffice --headless --convert-to
xlsx) from a CSV when it is installed; without it they are left as they are.
The encrypted workbook is a synthetic OLE container with an EncryptedPackage
stream (this LibreOffice cannot save .xlsx with a password headless).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "bad")
ROOT = os.path.dirname(os.path.dirname(HERE))

HEADER = "Nr;CVR;Forening;Indsats;Ansøgt;Indstillet;Afslag/begrundelse"
WIDE = HEADER + ";Antal år;År aktiv"
ROWS = [
    "1;20297301;Selskabet Åbne Fyrtårne;Lektiecafé for børn;21.500;21.500;",
    "2;34309019;Netværket Kloge Fyrtårne;Samtalegrupper;84.500;50.000;",
]
BOM = b"\xef\xbb\xbf"

POOL = """[pool]
name = Testpuljen
year = 2023
decision_date = 2022-12-13
applications = {apps}
{extra}
[budget]
Frie midler = {budget}
"""

LEDGER_HEAD = "Løbenr;Besluttet år;Udbetalingsår;Nr;Forening;Beløb;Art"

fixtures = []  # (name, files {name: bytes}, exit, [substrings])


def csv_bytes(lines, enc="utf-8", bom=True, eol="\r\n"):
    """lines joined the Danish Excel way: ';', CRLF, a BOM (UTF-8) or Windows-1252."""
    text = eol.join(lines) + eol
    if enc == "utf-8":
        return (BOM if bom else b"") + text.encode("utf-8")
    return text.encode(enc)


def pool(apps="apps.csv", extra="", budget="500.000"):
    return POOL.format(apps=apps, extra=extra, budget=budget).encode("utf-8")


def add(name, files, code, subs):
    fixtures.append((name, files, code, subs))


def one_bad_amount(name, applied, assessed, line_col, *subs):
    """The two good rows, then row 3 with the amounts given; the error at line_col."""
    rows = [HEADER] + ROWS + ["3;;Foreningen Trygge Fællesskaber;Cykelværksted;%s;%s;"
                              % (applied, assessed)]
    add(name, {"pool.ini": pool(), "apps.csv": csv_bytes(rows)}, 2,
        ["apps.csv:%s" % line_col] + list(subs))


# ---- amounts in every form ---------------------------------------------------
one_bad_amount("amount-ambiguous-100,000", "120.000", "100,000", "4:6",
               '"100,000" is ambiguous: 100 kr. or 100.000 kr.?')
one_bad_amount("amount-ambiguous-1,000", "1,000", "", "4:5", "1 kr. or 1.000 kr.?")
one_bad_amount("amount-ambiguous-with-kr", "kr. 250,000", "", "4:5", "250 kr. or 250.000 kr.?")
one_bad_amount("amount-ambiguous-1,500", "1,500", "", "4:5", "1,5 kr. or 1.500 kr.?")
one_bad_amount("amount-ambiguous-999,999", "999,999", "", "4:5", "999,999 kr. or 999.999 kr.?")
one_bad_amount("amount-english-grouping", "1,000,000", "", "4:5",
               "uses ',' between thousands, as in English; in Danish it is 1.000.000 kr.")
one_bad_amount("amount-english-decimals", "100,000.00", "", "4:5", "as in English")
one_bad_amount("amount-point-two-decimals", "60.000", "50.00", "4:6",
               "as an English decimal point it would be 50 kr.")
one_bad_amount("amount-point-one-decimal", "1.5", "", "4:5", "it would be 1,5 kr.")
one_bad_amount("amount-point-with-kr", "50.5 kr.", "", "4:5", "it would be 50,5 kr.")
one_bad_amount("amount-grouping-lakh", "1.00.000", "", "4:5", "not every three digits")
one_bad_amount("amount-grouping-space", "50 00", "", "4:5", "not every three digits")
one_bad_amount("amount-grouping-mixed", "1.000 000", "", "4:5", "not every three digits")
one_bad_amount("amount-grouping-four-digits", "50.0000", "", "4:5", "not every three digits")
one_bad_amount("amount-grouping-two-points", "50.000.00", "", "4:5", "not every three digits")
one_bad_amount("amount-grouping-nbsp", "50\u00a000", "", "4:5", "not every three digits")
one_bad_amount("amount-grouping-narrow-nbsp", "5\u202f0000", "", "4:5",
               "not every three digits")
one_bad_amount("amount-ore", "50.000,50", "", "4:5", "has øre; amounts are whole kroner")
one_bad_amount("amount-ore-short", "60.000", "1250,5", "4:6", "has øre")
one_bad_amount("amount-negative", "-5.000", "", "4:5", '"-5.000" is negative')
one_bad_amount("amount-empty-applied", "", "", "4:5", "the amount applied for is empty")
one_bad_amount("amount-words", "ca. 50000", "", "4:5", '"ca. 50000" is not a whole-krone amount')
one_bad_amount("amount-letter-o", "5O.000", "", "4:5", "is not a whole-krone amount")
one_bad_amount("amount-too-large", "1.000.000.000.001", "", "4:5", "larger than any pool")
one_bad_amount("amount-kr-alone", "kr.", "", "4:5", '"kr." is not a whole-krone amount')
one_bad_amount("amount-euro", "€ 5.000", "", "4:5", "is not a whole-krone amount")
one_bad_amount("amount-kr-twice", "50.000 kr. kr.", "", "4:5", "is not a whole-krone amount")
one_bad_amount("amount-trailing-point", "50.", "", "4:5", '"50." is not a whole-krone amount')
one_bad_amount("amount-comma-dash-dash", "50,--", "", "4:5", "is not a whole-krone amount")
one_bad_amount("amount-comma-000-dash", "50,000,-", "", "4:5", "is not a whole-krone amount")
# every accepted form on good rows, then one assessed above applied: the forms parse
rows = [HEADER,
        "1;;A;a;50.000;50.000,-;", "2;;B;b;50 000;kr. 50.000,00;", "3;;C;c;50\u00a0000;50000 kr;",
        "4;;D;d;50\u202f000 kr.;50.000,-  kr.;", "5;;E;e;50\u00a0000;60.000,-;"]
add("amount-every-form-then-above-applied", {"pool.ini": pool(), "apps.csv": csv_bytes(rows)}, 2,
    ["apps.csv:6:6", "assessed DKK 60,000 is more than the DKK 50,000 applied for"])

# pool file and ledger amounts: the same grammar
add("amount-pool-budget-ambiguous",
    {"pool.ini": pool(budget="500,000"), "apps.csv": csv_bytes([HEADER] + ROWS)}, 2,
    ["pool.ini:8:15", "\"500,000\" is ambiguous: 500 kr. or 500.000 kr.?"])
add("amount-pool-threshold-point",
    {"pool.ini": pool() + b"\n[rules]\nthreshold = 50.00\n", "apps.csv": csv_bytes([HEADER] + ROWS)},
    2, ["pool.ini:11:13", "threshold \"50.00\"", "as an English decimal point it would be 50 kr."])
add("amount-pool-budget-grouping",
    {"pool.ini": pool(budget="5.00.000"), "apps.csv": csv_bytes([HEADER] + ROWS)}, 2,
    ["pool.ini:8:15", "not every three digits"])
add("amount-pool-english",
    {"pool.ini": pool(budget="6,318,216"), "apps.csv": csv_bytes([HEADER] + ROWS)}, 2,
    ["pool.ini:8:15", "in Danish it is 6.318.216 kr."])
for nm, amt, sub in [("amount-ledger-ambiguous", "185,000", "185 kr. or 185.000 kr.?"),
                     ("amount-ledger-point", "185.00", "it would be 185 kr."),
                     ("amount-ledger-ore", "185.000,50", "has øre")]:
    ledger = csv_bytes([LEDGER_HEAD, "L2022-001;2022;2023;1;Sanderums Grønne Rødder;%s;"
                        "flerårigt tilskud" % amt])
    add(nm, {"pool.ini": pool(extra="ledger = forpligtelser.csv\n"),
             "apps.csv": csv_bytes([HEADER] + ROWS), "forpligtelser.csv": ledger}, 2,
        ["forpligtelser.csv:2:6", sub])

# ---- encodings ---------------------------------------------------------------
def utf8_with_stray(lines, at_line, stray=b"\xf8", bom=True):
    data = [l.encode("utf-8") for l in lines]
    data[at_line - 1] = data[at_line - 1].replace(b"@", stray)
    return (BOM if bom else b"") + b"\r\n".join(data) + b"\r\n"


add("enc-stray-byte-bom", {"pool.ini": pool(), "apps.csv": utf8_with_stray(
    [HEADER] + ROWS + ["3;;Gr@nne Venner;Sorggruppe;7.000;;"], 4)}, 2,
    ["apps.csv:4:3", "byte 0xF8 at character 3 is not UTF-8, though the file is",
     'in Windows-1252 the byte is "ø"'])
add("enc-stray-byte-no-bom", {"pool.ini": pool(), "apps.csv": utf8_with_stray(
    [HEADER] + ROWS + ["3;;Foreningen;Bes@g;7.000;;", "4;;F;G;1.000;;"], 4, b"\xf8", False)},
    2, ["apps.csv:4:4", "byte 0xF8 at character 4 is not UTF-8"])
add("enc-stray-byte-ascii-header", {"pool.ini": pool(), "apps.csv": utf8_with_stray(
    ["Nr;CVR;Forening;Indsats;Ansogt;Indstillet;Afslag/begrundelse",
     "1;;Grønne Rødder;Café;10.000;;", "2;;B;C;5.000;;", "3;;@bleg;Caf\xe9;1.000;;"], 4,
    b"\xc6", False)}, 2, ["apps.csv:4:3", "byte 0xC6", 'the byte is "Æ"',
                          "UTF-8 letters from line 2"])
add("enc-stray-byte-in-header", {"pool.ini": pool(), "apps.csv": utf8_with_stray(
    [HEADER.replace("Ansøgt", "Ans@gt")] + ROWS, 1)}, 2,
    ["apps.csv:1:5", "byte 0xF8 at character 4 is not UTF-8", "unknown column \"Ans\ufffdgt\"",
     "UTF-8 letters from line 2"])
add("enc-stray-byte-in-quoted-line-break", {"pool.ini": pool(), "apps.csv": utf8_with_stray(
    [HEADER] + ROWS + ['3;;Foreningen;"to linjer', 'med @";7.000;;'], 5, b"\xe5")}, 2,
    ["apps.csv:5:4", "byte 0xE5"])
add("enc-two-stray-bytes", {"pool.ini": pool(), "apps.csv": utf8_with_stray(
    [HEADER] + ROWS + ["3;;K@benhavn;Caf@;7.000;;"], 4, b"\xf8")}, 2,
    ["apps.csv:4:3", "apps.csv:4:4"])
add("enc-stray-byte-ledger", {"pool.ini": pool(extra="ledger = forpligtelser.csv\n"),
    "apps.csv": csv_bytes([HEADER] + ROWS),
    "forpligtelser.csv": utf8_with_stray([LEDGER_HEAD, "L1;2022;2023;1;Gr@nne;185.000;"
                                          "flerårigt tilskud"], 2)}, 2,
    ["forpligtelser.csv:2:5", "byte 0xF8"])
add("enc-cp1252-with-ambiguous-amount", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER] + ROWS + ["3;;Grønne;Besøg;100,000;;"], "cp1252")}, 2,
    ["read as Windows-1252, since the file has no UTF-8 letters", "apps.csv:4:5",
     "100 kr. or 100.000 kr.?"])
add("enc-cp1252-undefined-byte", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER] + ROWS, "cp1252").replace(b"Kloge", b"Kl\x81ge")}, 2,
    ["apps.csv:3:3", "neither UTF-8 nor a Windows-1252 letter"])
add("enc-utf16", {"pool.ini": pool(), "apps.csv": "\r\n".join([HEADER] + ROWS).encode("utf-16")},
    2, ["apps.csv", "UTF-16"])

# ---- control characters ------------------------------------------------------
def with_ctl(name, row, line_col, *subs):
    add(name, {"pool.ini": pool(), "apps.csv": csv_bytes([HEADER] + ROWS + [row])}, 2,
        ["apps.csv:%s" % line_col] + list(subs))


with_ctl("ctl-esc-in-name", "3;;Foreningen \x1b[31mRød;Sorg;7.000;;", "4:3", "U+001B (ESC)")
with_ctl("ctl-bel-in-activity", "3;;Foreningen;Sorg\x07gruppe;7.000;;", "4:4", "U+0007 (BEL)")
with_ctl("ctl-nul-in-name", "3;;Fore\x00ningen;Sorg;7.000;;", "4:3", "U+0000 (NUL)")
with_ctl("ctl-del-in-refusal", "3;;Foreningen;Sorg;7.000;0;Uden for\x7f;", "4:7", "U+007F (DEL)")
with_ctl("ctl-c1-nel", "3;;Foreningen\u0085;Sorg;7.000;;", "4:3", "U+0085 (C1 control)")
with_ctl("ctl-form-feed", "3;;Foreningen;Sorg\x0c;7.000;;", "4:4", "U+000C (FF)")
with_ctl("ctl-vertical-tab", "3;;Foreningen\x0bB;Sorg;7.000;;", "4:3", "U+000B (VT)")
with_ctl("ctl-esc-in-nr", "\x1b3;;Foreningen;Sorg;7.000;;", "4:1", "U+001B (ESC)")
with_ctl("ctl-backspace-in-cvr", "3;1234\x085678;Foreningen;Sorg;7.000;;", "4:2", "U+0008 (BS)")
add("ctl-esc-in-header", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER.replace("Forening", "Forening\x1b")] + ROWS)}, 2, ["apps.csv:1:3", "U+001B (ESC)"])
add("ctl-esc-in-pool-name", {"pool.ini": pool().replace(b"Testpuljen", b"Test\x1bpuljen"),
                             "apps.csv": csv_bytes([HEADER] + ROWS)}, 2,
    ["pool.ini:2", "control character U+001B"])
add("ctl-esc-in-ledger", {"pool.ini": pool(extra="ledger = forpligtelser.csv\n"),
    "apps.csv": csv_bytes([HEADER] + ROWS),
    "forpligtelser.csv": csv_bytes([LEDGER_HEAD, "L1;2022;2023;1;Gr\x1bnne;185.000;"
                                    "flerårigt tilskud"])}, 2,
    ["forpligtelser.csv:2:5", "U+001B (ESC)"])

# ---- shifted rows --------------------------------------------------------------
add("shift-missing-activity", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER] + ROWS + ["3;;Foreningen Trygge;95.000;80.000;"])}, 2,
    ["apps.csv:4:4", "the row has 6 fields, the header 7: a field is probably missing before "
     "column 5 (Ansøgt), since column 4 (Indsats) holds \"95.000\", which reads as an amount"])
add("shift-missing-activity-optional-tail", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [WIDE, ROWS[0] + ";1;7", ROWS[1] + ";1;3", "3;;Foreningen Trygge;95.000;80.000;;1;7"])}, 2,
    ["apps.csv:4:4", "a field is probably missing before column 5 (Ansøgt)", "\"95.000\""])
add("shift-missing-association", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [WIDE, ROWS[0] + ";1;7", "2;;Cykelværksted;95.000;80.000;;1;4"])}, 2,
    ["apps.csv:3:4", "the row has 8 fields, the header 9", "column 4 (Indsats) holds \"95.000\""])
add("shift-missing-cvr", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER] + ROWS + ["3;Foreningen;Sorggruppe;7.000;7.000;"])}, 2,
    ["apps.csv:4:4", "column 4 (Indsats) holds \"7.000\""])
add("shift-amount-in-refusal", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER] + ROWS + ["3;;Foreningen;Sorg;7.000;5.000"])}, 2,
    ["apps.csv:4", "the row has 6 fields, the header has 7 columns"])
add("shift-extra-semicolon-in-name", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER] + ROWS + ["3;;Kost; motion og trivsel;Sorg;7.000;0;Uden for målgruppen"])}, 2,
    ["apps.csv:4:8", "the row has 8 fields, the header has 7 columns"])
# Excel's empty padding field takes the extra ';': the amount column then holds text
add("shift-extra-semicolon-padded", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER] + ROWS + ["3;;Kost; motion og trivsel;Sorg;7.000;;"])}, 2,
    ["apps.csv:4:5", "\"Sorg\" is not a whole-krone amount"])
add("shift-tab-separated", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER.replace(";", "\t")] + [r.replace(";", "\t") for r in ROWS])}, 2,
    ["apps.csv:1:1", "not separated by ';'"])
add("shift-comma-separated", {"pool.ini": pool(), "apps.csv": csv_bytes(
    [HEADER.replace(";", ",")] + ["1,,A,B,50000,,"])}, 2, ["apps.csv:1:1", "not separated by ';'"])

# ---- workbooks (LibreOffice) -----------------------------------------------------
XLSX = {}  # name -> (csv text, language id, file name in the fixture)
XLSX["xlsx-date-in-ansoegt"] = ([HEADER] + ROWS + ["3;;Foreningen;Sorg;15-01-2023;;"], 1030)
XLSX["xlsx-percent-in-ansoegt"] = ([HEADER] + ROWS + ["3;;Foreningen;Sorg;10%;;"], 1030)
XLSX["xlsx-boolean-in-indstillet"] = ([HEADER] + ROWS + ["3;;Foreningen;Sorg;7.000;SAND;"], 1030)
XLSX["xlsx-time-in-indstillet"] = ([HEADER] + ROWS + ["3;;Foreningen;Sorg;7.000;12:30;"], 1030)
XLSX["xlsx-text-ambiguous"] = ([HEADER] + ROWS + ["3;;Foreningen;Sorg;\"100,000\";;"], 1030)
XLSX["xlsx-decimal-number"] = ([HEADER] + ROWS + ["3;;Foreningen;Sorg;7000,5;;"], 1030)
XLSX["xlsx-esc-in-name"] = ([HEADER] + ROWS + ["3;;Foreningen ESC;Sorg;7.000;;"], 1030)
XLSX["xlsx-english-50.000-stored-as-50"] = (
    [HEADER, "1;;Foreningen A;Lektiecafé;50000;50.000;"], 1033)


def soffice_xlsx(lines, lang, out):
    """The CSV converted by LibreOffice, saved as out; False without soffice."""
    if not shutil.which("soffice"):
        return False
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "apps.csv")
        with open(src, "wb") as f:
            f.write(("\n".join(lines) + "\n").encode("utf-8"))
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + d + "/u",
                        "--infilter=CSV:59,34,76,1,,%d,true,true" % lang, "--convert-to", "xlsx",
                        "--outdir", d, src], check=True, capture_output=True, timeout=120)
        shutil.copy(os.path.join(d, "apps.xlsx"), out)
    return True


def patch_zip(path, part, old, new):
    """Replace bytes in one part of a zip (for what LibreOffice cannot type)."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zi, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zo:
        for item in zi.infolist():
            data = zi.read(item.filename)
            if item.filename == part:
                data = data.replace(old, new)
            zo.writestr(item, data)
    os.replace(tmp, path)


def two_sheets(out, first_name, first_text, lines):
    """A workbook whose first sheet is an instructions sheet (first_text in A1)."""
    soffice_xlsx(lines, 1030, out)
    with zipfile.ZipFile(out) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    book = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    book = book.replace('<sheet name="apps"', '<sheet name="%s" sheetId="9" r:id="rIdV"/>'
                        '<sheet name="Ansøgninger"' % first_name, 1)
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdV" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                        'Target="worksheets/vejledning.xml"/></Relationships>')
    parts["xl/workbook.xml"] = book.encode()
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    parts["xl/worksheets/vejledning.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        '.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        + first_text + '</t></is></c></row></sheetData></worksheet>').encode()
    ct = parts["[Content_Types].xml"].decode()
    ct = ct.replace("</Types>", '<Override PartName="/xl/worksheets/vejledning.xml" ContentType='
                    '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"'
                    '/></Types>')
    parts["[Content_Types].xml"] = ct.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items():
            z.writestr(k, v)


def encrypted_container(out):
    """A minimal OLE compound file as Excel writes for a password: a directory
    with EncryptionInfo and EncryptedPackage streams (contents random)."""
    head = bytearray(512)
    head[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    head[0x18:0x1A] = (0x3E).to_bytes(2, "little")
    head[0x1A:0x1C] = (3).to_bytes(2, "little")
    head[0x1C:0x1E] = b"\xFE\xFF"
    head[0x1E:0x20] = (9).to_bytes(2, "little")
    head[0x20:0x22] = (6).to_bytes(2, "little")
    dirsec = bytearray(512)
    for i, name in enumerate(["Root Entry", "EncryptionInfo", "EncryptedPackage"]):
        u = name.encode("utf-16-le")
        dirsec[i * 128:i * 128 + len(u)] = u
        dirsec[i * 128 + 64:i * 128 + 66] = (len(u) + 2).to_bytes(2, "little")
        dirsec[i * 128 + 66] = 5 if i == 0 else 2
    with open(out, "wb") as f:
        f.write(bytes(head) + bytes(dirsec) + os.urandom(1024))


def make_xlsx_fixtures():
    if not shutil.which("soffice"):
        print("soffice not found: the .xlsx fixtures are left as they are")
        return
    for name, (lines, lang) in XLSX.items():
        d = os.path.join(BAD, name)
        os.makedirs(d, exist_ok=True)
        soffice_xlsx(lines, lang, os.path.join(d, "apps.xlsx"))
        with open(os.path.join(d, "pool.ini"), "wb") as f:
            f.write(pool("apps.xlsx"))
    patch_zip(os.path.join(BAD, "xlsx-esc-in-name", "apps.xlsx"), "xl/sharedStrings.xml",
              b"Foreningen ESC", b"Foreningen _x001B_[31m")
    d = os.path.join(BAD, "xlsx-instructions-sheet-first")
    os.makedirs(d, exist_ok=True)
    two_sheets(os.path.join(d, "apps.xlsx"), "Vejledning", "Udfyld arket Ansøgninger",
               [HEADER] + ROWS)
    with open(os.path.join(d, "pool.ini"), "wb") as f:
        f.write(pool("apps.xlsx"))
    d = os.path.join(BAD, "xlsx-applications-sheet-misspelt")
    os.makedirs(d, exist_ok=True)
    two_sheets(os.path.join(d, "apps.xlsx"), "Vejledning", "Udfyld arket Ansøgninger",
               [HEADER] + ROWS + ["3;;Foreningen;Sorg;\"100,000\";;"])
    with open(os.path.join(d, "pool.ini"), "wb") as f:
        f.write(pool("apps.xlsx", "applications_sheet = Ansøgning\n"))
    d = os.path.join(BAD, "xlsx-applications-sheet-named")
    os.makedirs(d, exist_ok=True)
    shutil.copy(os.path.join(BAD, "xlsx-applications-sheet-misspelt", "apps.xlsx"), d)
    with open(os.path.join(d, "pool.ini"), "wb") as f:
        f.write(pool("apps.xlsx", "applications_sheet = Ansøgninger\n"))
    d = os.path.join(BAD, "xlsx-encrypted")
    os.makedirs(d, exist_ok=True)
    encrypted_container(os.path.join(d, "apps.xlsx"))
    with open(os.path.join(d, "pool.ini"), "wb") as f:
        f.write(pool("apps.xlsx"))


XLSX_EXPECT = {
    "xlsx-date-in-ansoegt": (2, ["apps.xlsx:4:5", "cell E4 is formatted as a date"]),
    "xlsx-percent-in-ansoegt": (2, ["apps.xlsx:4:5", "cell E4 is formatted as a percentage"]),
    "xlsx-boolean-in-indstillet": (2, ["apps.xlsx:4:6", "cell F4 is a boolean"]),
    "xlsx-time-in-indstillet": (2, ["apps.xlsx:4:6", "cell F4 is formatted as a time"]),
    "xlsx-text-ambiguous": (2, ["apps.xlsx:4:5", "100 kr. or 100.000 kr.?"]),
    "xlsx-decimal-number": (2, ["apps.xlsx:4:5", "\"7000,5\" has øre"]),
    "xlsx-esc-in-name": (2, ["apps.xlsx:4:3", "U+001B (ESC)"]),
    # plausibility (assessed 50 kr. of 50.000 applied) is another module's warning
    "xlsx-english-50.000-stored-as-50": (0, ["apps.xlsx:2: assessed DKK 50 is below 1% of the DKK 50,000 applied for"]),
    "xlsx-instructions-sheet-first": (2, ["apps.xlsx:1", "pulje read the first sheet, "
                                          "\"Vejledning\"", "the sheet \"Ansøgninger\" has it",
                                          "applications_sheet = Ansøgninger"]),
    "xlsx-applications-sheet-misspelt": (2, ["no sheet is named \"Ansøgning\"",
                                             "\"Vejledning\", \"Ansøgninger\""]),
    "xlsx-applications-sheet-named": (2, ["apps.xlsx:4:5", "100 kr. or 100.000 kr.?"]),
    "xlsx-encrypted": (2, ["apps.xlsx", "the workbook is encrypted (saved with a password)"]),
}


def write_all():
    for name, files, code, subs in fixtures:
        d = os.path.join(BAD, name)
        os.makedirs(d, exist_ok=True)
        for fn, data in files.items():
            with open(os.path.join(d, fn), "wb") as f:
                f.write(data)
        with open(os.path.join(d, "expect"), "w") as f:
            f.write("%d\n" % code + "".join(s + "\n" for s in subs))
    make_xlsx_fixtures()
    for name, (code, subs) in XLSX_EXPECT.items():
        d = os.path.join(BAD, name)
        if os.path.isdir(d):
            with open(os.path.join(d, "expect"), "w") as f:
                f.write("%d\n" % code + "".join(s + "\n" for s in subs))


def verify():
    pulje = os.path.join(ROOT, os.environ.get("BUILD", "build"), "pulje")
    names = [n for n, *_ in fixtures] + list(XLSX_EXPECT)
    bad = 0
    for name in names:
        d = os.path.join(BAD, name)
        if not os.path.isdir(d):
            continue
        with open(os.path.join(d, "expect")) as f:
            lines = f.read().splitlines()
        code, subs = int(lines[0]), lines[1:]
        with tempfile.TemporaryDirectory() as out:
            for cmd in (["check", "pool.ini"], ["run", "pool.ini", "--out", out + "/o"]):
                p = subprocess.run([pulje] + cmd, cwd=d, capture_output=True)
                err = p.stderr.decode("utf-8", "replace")
                miss = [s for s in subs if s not in err]
                if p.returncode != code or miss:
                    bad += 1
                    print("%s: %s exit %d (want %d), missing %s\n%s" % (name, cmd[0], p.returncode,
                                                                       code, miss, err))
    print("%d fixtures, %d failures" % (len(names), bad))
    return bad == 0


if __name__ == "__main__":
    write_all()
    if "--verify" in sys.argv and not verify():
        sys.exit(1)
