#!/usr/bin/env python3
"""gen_bad_sacred.py - writes the bad-input fixtures of the pool file, the
ledger, the output side and the cross-file rules into tests/data/bad/.

Each fixture: pool.ini, the files it names, `expect` (the exit code of check
and run, or "C R"; then substrings of stderr), perhaps `setup` (sh, run in
the copy) and `prefix` (shell before each command). See tests/test_badinputs.c.
Run from the top folder: python3 tests/gen_bad_sacred.py
"""
import os, shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "bad")

POOL = """[pool]
name          = Testpuljen
committee     = Udvalget
year          = 2024
decision_date = 2023-12-13
applications  = apps.csv
{ledger}
[budget]
Budget 2024 = 1.000.000
{extra}
[rules]
rule      = threshold
threshold = 50.000
rounding  = 100
"""

HEAD = "Nr;CVR;Forening;Indsats;Ansøgt;Indstillet;Afslag/begrundelse"
ROWS = [
    "1;11111111;Forening A;Aktivitet A;50.000;40.000;",
    "2;22222222;Forening B;Aktivitet B;80.000;60.000;",
    "3;33333333;Forening C;Aktivitet C;30.000;30.000;",
    "4;44444444;Forening D;Aktivitet D;45.000;40.000;",
]
LHEAD = "Løbenr;Besluttet år;Udbetalingsår;Nr;Forening;Beløb;Art"
LROWS = [
    "L2023-001;2023;2024;7;Forening X;100000;flerårigt tilskud",
    "L2023-002;2023;2025;7;Forening X;100000;flerårigt tilskud",
]
EM = """
[earmark trivsel]
label    = Midler til trivsel
amount   = 100.000
years    = 2024-2024
criterion 12-25 år       = Børn og unge
criterion mental trivsel = Mental trivsel
required = 12-25 år, mental trivsel
"""
EMHEAD = HEAD + ";12-25 år;Mental trivsel;Trivsel tillæg ansøgt;Trivsel tillæg indstillet"
EMROWS = [r + s for r, s in zip(ROWS, [";ja;ja;20.000;", ";nej;nej;;", ";ja;ja;10.000;", ";nej;nej;;"])]
MY = "\n[multiyear]\ncap = 55 %\nmin_active_years = 5\n"

def csv(head, rows):
    return "\r\n".join([head] + rows) + "\r\n"

def pool(ledger=None, extra="", **kw):
    text = POOL.format(ledger="ledger        = %s" % ledger if ledger else "", extra=extra)
    for k, v in kw.items():
        text = text.replace(k, v)
    return text

fixtures = {}

def fx(name, expect, files, setup=None, prefix=None):
    assert name not in fixtures, name
    fixtures[name] = (expect, files, setup, prefix)

def std(**over):
    files = {"pool.ini": pool(), "apps.csv": csv(HEAD, ROWS)}
    files.update(over)
    return files

# ---------------------------------------------------------------- pool file
fx("pool-decision-date-1899", ["2", "pool.ini:5:17", "1899-12-13", "before 1900"],
   std(**{"pool.ini": pool().replace("2023-12-13", "1899-12-13")}))
fx("pool-decision-date-month-13", ["2", "pool.ini:5:17", "no month 13"],
   std(**{"pool.ini": pool().replace("2023-12-13", "2023-13-01")}))
fx("pool-decision-date-feb-30", ["2", "pool.ini:5:17", "February 2023 has 28 days"],
   std(**{"pool.ini": pool().replace("2023-12-13", "2023-02-30")}))
fx("pool-decision-date-words", ["2", "pool.ini:5:17", "is not a YYYY-MM-DD date"],
   std(**{"pool.ini": pool().replace("2023-12-13", "13. december 2023")}))
fx("pool-year-1800", ["2", "pool.ini:4", "outside 1900..2200"],
   std(**{"pool.ini": pool().replace("year          = 2024", "year          = 1800")}))
fx("pool-no-budget-lines", ["2", "pool.ini", "no budget lines"],
   std(**{"pool.ini": pool().replace("Budget 2024 = 1.000.000", "")}))
fx("pool-reservations-above-budget",
   ["2", "pool.ini:10:", "exceed the budget total (DKK 1,000,000) by DKK 200,000",
    "[reservations] (line 10)"],
   std(**{"pool.ini": pool(extra="[reservations]\nDriftsaftale = 1.200.000\n")}))
fx("pool-earmarks-above-budget",
   ["2", "pool.ini:10:", "exceed the budget total", "[earmarks] (line 10)"],
   std(**{"pool.ini": pool(extra="[earmarks]\nTrivsel = 1.000.001\n")}))
fx("pool-earmark-section-above-budget",
   ["2", "pool.ini:16:", "exceed the budget total", "[earmark trivsel] (line 16)"],
   std(**{"pool.ini": pool() + EM.replace("100.000", "1.500.000"), "apps.csv": csv(EMHEAD, EMROWS)}))
fx("pool-reservations-and-earmarks-above-budget",
   ["2", "pool.ini:10:", "by DKK 1", "[reservations] (line 10), [earmarks] (line 12)"],
   std(**{"pool.ini": pool(extra="[reservations]\nR = 600.000\n[earmarks]\nE = 400.001\n")}))
fx("pool-unknown-section", ["2", "pool.ini:8:1", "did you mean [budget]"],
   std(**{"pool.ini": pool().replace("[budget]", "[budgett]")}))
fx("pool-header-not-closed", ["2", "pool.ini:8:1", "no closing ']'"],
   std(**{"pool.ini": pool().replace("[budget]", "[budget")}))
fx("pool-no-applications-key", ["2", "pool.ini", "has no applications"],
   std(**{"pool.ini": pool().replace("applications  = apps.csv\n", "")}))
fx("pool-applications-file-missing", ["2", "nope.csv"],
   std(**{"pool.ini": pool().replace("apps.csv", "nope.csv")}))
fx("pool-budget-amount-bad", ["2", "pool.ini:9:15", "is not an amount"],
   std(**{"pool.ini": pool().replace("1.000.000", "1.000.00")}))
fx("pool-budget-amount-negative", ["2", "pool.ini:9:15", "is negative"],
   std(**{"pool.ini": pool().replace("1.000.000", "-1.000.000")}))
fx("pool-name-twice", ["2", "pool.ini:", "keep one of the two lines (2 and 3)"],
   std(**{"pool.ini": pool().replace("name          = Testpuljen\n",
                                     "name          = Testpuljen\nname = Anden\n")}))
fx("pool-line-without-equals", ["2", "pool.ini:9:1", "has no '='"],
   std(**{"pool.ini": pool().replace("Budget 2024 = 1.000.000", "Budget 2024 1.000.000")}))
fx("pool-threshold-not-an-amount", ["2", "pool.ini:13:13", "threshold"],
   std(**{"pool.ini": pool().replace("threshold = 50.000", "threshold = halvtreds")}))
fx("pool-rule-unknown", ["2", "pool.ini:12:13", "magic"],
   std(**{"pool.ini": pool().replace("rule      = threshold", "rule      = magic")}))
fx("pool-rounding-odd", ["2", "pool.ini:14:13", "rounding"],
   std(**{"pool.ini": pool().replace("rounding  = 100", "rounding  = 7")}))
fx("pool-cap-above-100", ["2", "pool.ini:17:7", "is not a percentage"],
   std(**{"pool.ini": pool() + MY.replace("55 %", "120 %")}))
fx("pool-nul-byte", ["2", "pool.ini:3:20", "NUL byte"],
   std(**{"pool.ini": pool().replace("committee     = Udvalget", "committee     = Udv\0alget")}))
fx("pool-control-character", ["2", "pool.ini:3:20", "U+001B"],
   std(**{"pool.ini": pool().replace("committee     = Udvalget", "committee     = Udv\x1balget")}))
fx("pool-is-a-fifo", ["2", "pool.ini", "not a regular file", "pipe (FIFO)"], std(),
   setup="rm pool.ini && mkfifo pool.ini\n")
fx("pool-is-a-folder", ["2", "pool.ini", "not a regular file", "folder"], std(),
   setup="rm pool.ini && mkdir pool.ini\n")
fx("pool-is-dev-zero", ["2", "pool.ini", "character device"], std(),
   setup="rm pool.ini && ln -s /dev/zero pool.ini\n")
fx("pool-too-big", ["2", "pool.ini", "at most 512 MiB", "536870913 bytes"], std(),
   setup="truncate -s 536870913 pool.ini\n")
fx("pool-name-too-long", ["2", "pool.ini:2:199", "too long"],
   std(**{"pool.ini": pool().replace("Testpuljen", "P" * 33000)}))
fx("pool-committee-too-long", ["2", "pool.ini:3:199", "too long"],
   std(**{"pool.ini": pool().replace("Udvalget", "U" * 40000)}))
fx("pool-budget-label-too-long", ["2", "pool.ini:9:199", "too long"],
   std(**{"pool.ini": pool().replace("Budget 2024 =", "B" * 33000 + " =")}))

# --------------------------------------------------------------- applications
fx("apps-is-a-fifo", ["2", "apps.csv", "pipe (FIFO)"], std(),
   setup="rm apps.csv && mkfifo apps.csv\n")
fx("apps-is-dev-zero", ["2", "apps.csv", "not a regular file", "character device"], std(),
   setup="rm apps.csv && ln -s /dev/zero apps.csv\n")
fx("apps-too-big", ["2", "apps.csv", "629145600 bytes (600 MiB)", "at most 512 MiB"], std(),
   setup="truncate -s 600M apps.csv\n")
fx("apps-name-over-excel-cell", ["2", "apps.csv:3", "Forening text has 40000 characters", "32767"],
   std(**{"apps.csv": csv(HEAD, [ROWS[0], ROWS[1].replace("Forening B", "B" * 40000)] + ROWS[2:])}))
fx("apps-activity-over-excel-cell", ["2", "apps.csv:2", "Indsats text has 32768 characters"],
   std(**{"apps.csv": csv(HEAD, [ROWS[0].replace("Aktivitet A", "æ" * 32768)] + ROWS[1:])}))
fx("apps-refusal-over-excel-cell", ["2", "apps.csv:5", "Afslag text has"],
   std(**{"apps.csv": csv(HEAD, ROWS[:3] + ["4;44444444;Forening D;Aktivitet D;45.000;0;" + "x" * 33000])}))
fx("apps-name-at-excel-cell-limit-is-fine", ["0"],
   std(**{"apps.csv": csv(HEAD, [ROWS[0], ROWS[1].replace("Forening B", "B" * 32767)] + ROWS[2:])}))
fx("apps-duplicate-nr", ["2", "apps.csv:3:1", "Nr 1 appears on lines 2 and 3"],
   std(**{"apps.csv": csv(HEAD, [ROWS[0], ROWS[1].replace("2;", "1;", 1)] + ROWS[2:])}))
fx("apps-header-only", ["2", "apps.csv", "no applications"], std(**{"apps.csv": csv(HEAD, [])}))
fx("apps-nul-byte", ["2", "apps.csv:3:3:", "U+0000 (NUL)"],
   std(**{"apps.csv": csv(HEAD, [ROWS[0], ROWS[1].replace("Forening B", "Fore\0ning B")] + ROWS[2:])}))
fx("apps-rows-beyond-excel", ["2", "apps.csv:1048574:", "do not fit in one workbook"], std(),
   setup="awk 'BEGIN { printf \"%s\\r\\n\", \"" + HEAD + "\"; "
         "for (i = 1; i <= 1048600; i++) printf \"%d;;Forening %d;Aktivitet;10000;10000;\\r\\n\", i, i }' > apps.csv\n"
         .replace("104", "104"))

# ---------------------------------------------------------------- plausibility
def plaus(name, rows, want, head=HEAD, extra_pool=""):
    fx(name, ["0", "advarsel: "] + want,
       std(**{"pool.ini": pool() + extra_pool, "apps.csv": csv(head, rows)}))
plaus("plaus-assessed-below-1-percent", ROWS[:3] + ["4;44444444;Forening D;Aktivitet D;50.000;400;"],
      ["apps.csv:5: assessed 400 kr. is below 1 % of the 50.000 kr. applied for"])
plaus("plaus-english-thousands-in-assessed", ROWS[:3] + ["4;44444444;Forening D;Aktivitet D;50.000;50;"],
      ["apps.csv:5: assessed only 50 kr.", "below 1 % of the 50.000 kr."])
plaus("plaus-applied-below-100", ROWS[:3] + ["4;44444444;Forening D;Aktivitet D;90;90;"],
      ["apps.csv:5: applied for only 90 kr.", "apps.csv:5: assessed only 90 kr."])
plaus("plaus-ten-times-median", ROWS[:3] + ["4;44444444;Forening D;Aktivitet D;5.000.000;500.001;"],
      ["apps.csv:5: applied for 5.000.000 kr., more than 10 times the pool's median (50.000 kr.)",
       "apps.csv:5: assessed 500.001 kr., more than 10 times the pool's median (40.000 kr.)"])
plaus("plaus-same-association-two-cvrs", ROWS[:3] + ["4;99999999;Forening A;Aktivitet D;45.000;40.000;"],
      ["apps.csv:5: \"Forening A\" has CVR 99999999 here but CVR 11111111 on line 2"])
plaus("plaus-same-association-two-cvrs-folded",
      ["1;11111111;Selskabet Lune Vandrere, Bullerup;A;50.000;40.000;"] + ROWS[1:3] +
      ["4;99999999;selskabet lune vandrere bullerup;B;45.000;40.000;"],
      ["apps.csv:5:", "has CVR 99999999 here but CVR 11111111 on line 2"])
plaus("plaus-supplement-larger-than-grant",
      [ROWS[0] + ";ja;ja;45.000;"] + EMROWS[1:],
      ["apps.csv:2:", "the supplement from [earmark trivsel] (45.000 kr.) is larger than the grant assessed (40.000 kr.)"],
      head=EMHEAD, extra_pool=EM)

# ---------------------------------------------------------------------- ledger
def lstd(ledger_text, extra_pool="", pool_text=None, **over):
    files = std(**{"pool.ini": pool_text or (pool(ledger="ledger.csv") + extra_pool),
                   "ledger.csv": ledger_text})
    files.update(over)
    return files

fx("ledger-reserves-above-budget",
   ["2", "pool.ini:7:", "of which DKK 1,100,000 from the ledger", "exceed the budget total (DKK 1,000,000)",
    "the ledger ledger.csv reserves DKK 1,100,000 for 2024", "[budget] (line 8)"],
   lstd(csv(LHEAD, ["L2023-001;2023;2024;7;Forening X;600000;flerårigt tilskud",
                    "L2023-002;2023;2024;8;Forening Y;500000;driftsaftale"])))
fx("ledger-and-pool-reservations-above-budget",
   ["2", "pool.ini:7:", "of which DKK 100,000 from the ledger"],
   lstd(csv(LHEAD, LROWS), pool_text=pool(ledger="ledger.csv", extra="[reservations]\nR = 950.000\n")))
fx("ledger-is-the-runs-own-output",
   ["2", "out/testpuljen-2024-forpligtelser.csv", "is the ledger", "writing it would destroy an input"],
   std(**{"pool.ini": pool(ledger="out/testpuljen-2024-forpligtelser.csv"),
          "out/testpuljen-2024-forpligtelser.csv": csv(LHEAD, LROWS)}))
fx("ledger-hard-linked-to-an-output", ["2", "is the ledger", "afgoerelser.csv"],
   lstd(csv(LHEAD, LROWS)), setup="mkdir out && ln ledger.csv out/testpuljen-2024-afgoerelser.csv\n")
fx("ledger-symlinked-from-the-workbook", ["2", "testpuljen-2024.xlsx is the ledger"],
   lstd(csv(LHEAD, LROWS)), setup="mkdir out && ln -s ../ledger.csv out/testpuljen-2024.xlsx\n")
fx("apps-symlinked-from-the-360giving-csv", ["2", "360giving.csv is the applications file"],
   std(), setup="mkdir out && ln -s ../apps.csv out/testpuljen-2024-360giving.csv\n")
fx("pool-file-linked-from-the-comparison", ["2", "sammenligning.xlsx is the pool file"],
   std(), setup="mkdir out && ln pool.ini out/testpuljen-2024-sammenligning.xlsx\n")
fx("out-is-a-file", ["2", "out", "is not a folder"], std(), setup="echo x > out\n")
fx("ledger-empty-with-multiyear-warns",
   ["0", "advarsel: ledger.csv: Ingen tidligere forpligtelser er reserveret for 2024 – er det rigtigt?"],
   lstd(csv(LHEAD, []), extra_pool=MY))
fx("ledger-missing-with-multiyear-warns",
   ["0", "advarsel: pool.ini:", "Ingen tidligere forpligtelser er reserveret for 2024 – er det rigtigt?"],
   std(**{"pool.ini": pool() + MY}))
fx("ledger-only-earlier-years-warns",
   ["0", "Ingen tidligere forpligtelser er reserveret for 2024"],
   lstd(csv(LHEAD, ["L2021-001;2021;2022;7;Forening X;100000;flerårigt tilskud"]), extra_pool=MY))
fx("ledger-empty-multiyear-application-warns",
   ["0", "Ingen tidligere forpligtelser er reserveret for 2024"],
   lstd(csv(LHEAD, []), **{"apps.csv": csv(HEAD + ";Antal år;År aktiv",
                                            [r + ";1;10" for r in ROWS[:3]] + [ROWS[3] + ";2;10"])}))
fx("ledger-empty-but-last-years-output-beside",
   ["2", "testpuljen-2023-forpligtelser.csv holds 2 commitments for 2024 (DKK 150,000)",
    "reserves nothing for 2024", "line 7"],
   lstd(csv(LHEAD, []), extra_pool=MY,
        **{"testpuljen-2023-forpligtelser.csv": csv(LHEAD, [
            "L2023-001;2023;2024;7;Forening X;100000;flerårigt tilskud",
            "L2023-002;2023;2024;8;Forening Y;50000;driftsaftale",
            "L2023-003;2023;2025;7;Forening X;100000;flerårigt tilskud"])}))
fx("ledger-missing-but-last-years-output-in-out",
   ["2", "out/testpuljen-2023-forpligtelser.csv holds 1 commitment for 2024", "add `ledger ="],
   std(**{"pool.ini": pool() + MY,
          "out/testpuljen-2023-forpligtelser.csv": csv(LHEAD, [LROWS[0]])}))
fx("ledger-year-not-a-year", ["2", "ledger.csv:2:3", "\"20x4\" is not a year"],
   lstd(csv(LHEAD, ["L2023-001;2023;20x4;7;Forening X;100000;flerårigt tilskud"])))
fx("ledger-paid-before-decided", ["2", "ledger.csv:2:3", "before it was decided"],
   lstd(csv(LHEAD, ["L2023-001;2023;2022;7;Forening X;100000;flerårigt tilskud"])))
fx("ledger-negative-amount", ["2", "ledger.csv:2:6", "is negative"],
   lstd(csv(LHEAD, ["L2023-001;2023;2024;7;Forening X;-100000;flerårigt tilskud"])))
fx("ledger-unknown-kind", ["2", "ledger.csv:3:7", "is not a kind of commitment"],
   lstd(csv(LHEAD, [LROWS[0], "L2023-002;2023;2025;7;Forening X;100000;lån"])))
fx("ledger-duplicate-id", ["2", "ledger.csv:3:1", "appears on lines 2 and 3"],
   lstd(csv(LHEAD, [LROWS[0], LROWS[1].replace("L2023-002", "L2023-001")])))
fx("ledger-missing-kind-column", ["2", "ledger.csv:1:", "required column \"Art\" is missing"],
   lstd("\r\n".join(["Løbenr;Besluttet år;Udbetalingsår;Nr;Forening;Beløb",
                     "L2023-001;2023;2024;7;Forening X;100000"]) + "\r\n"))
fx("ledger-empty-association", ["2", "ledger.csv:2:5", "the association is empty"],
   lstd(csv(LHEAD, ["L2023-001;2023;2024;7;;100000;flerårigt tilskud"])))
fx("ledger-nul-byte", ["2", "ledger.csv:2:5:", "U+0000 (NUL)"],
   lstd(csv(LHEAD, ["L2023-001;2023;2024;7;Fore\0ning X;100000;flerårigt tilskud"])))
fx("ledger-file-missing", ["2", "nope-ledger.csv"],
   std(**{"pool.ini": pool(ledger="nope-ledger.csv")}))
fx("ledger-is-a-fifo", ["2", "ledger.csv", "pipe (FIFO)"], lstd(csv(LHEAD, LROWS)),
   setup="rm ledger.csv && mkfifo ledger.csv\n")
fx("ledger-too-big", ["2", "ledger.csv", "at most 512 MiB"], lstd(csv(LHEAD, LROWS)),
   setup="truncate -s 513M ledger.csv\n")
fx("ledger-name-over-excel-cell", ["2", "ledger.csv:3", "Forening text has 32768 characters"],
   lstd(csv(LHEAD, [LROWS[0], LROWS[1].replace("Forening X", "F" * 32768)])))
HOLDER = "L2023-001;2023;2024;9;Selskabet Lune Vandrere, Bullerup;100000;flerårigt tilskud"
fx("ledger-running-holder-punctuation", ["2", "apps.csv:5:", "Selskabet Lune Vandrere Bullerup (Nr 4) holds a running multi-year grant (ledger.csv line 2"],
   lstd(csv(LHEAD, [HOLDER]),
        **{"apps.csv": csv(HEAD, ROWS[:3] + ["4;;Selskabet Lune Vandrere Bullerup;Vandring;45.000;40.000;"])}))
fx("ledger-running-holder-case-and-blanks", ["2", "apps.csv:5:", "holds a running multi-year grant (ledger.csv line 2"],
   lstd(csv(LHEAD, [HOLDER]),
        **{"apps.csv": csv(HEAD, ROWS[:3] + ["4;;SELSKABET  lune vandrere. bullerup;Vandring;45.000;40.000;"])}))

# ------------------------------------------------------------------ cross-file
fx("earmark-columns-absent",
   ["2", "apps.csv", "no column \"12-25 år\", \"mental trivsel\", \"trivsel tillæg ansøgt\" for [earmark trivsel] (line 16 of pool.ini)"],
   std(**{"pool.ini": pool() + EM}))
fx("earmark-supplement-column-absent",
   ["2", "no column \"trivsel tillæg ansøgt\" for [earmark trivsel]"],
   std(**{"pool.ini": pool() + EM,
          "apps.csv": csv(HEAD + ";12-25 år;Mental trivsel", [r + ";ja;ja" for r in ROWS])}))
fx("earmark-one-criterion-absent",
   ["2", "no column \"mental trivsel\" for [earmark trivsel]"],
   std(**{"pool.ini": pool() + EM,
          "apps.csv": csv(HEAD + ";12-25 år;Trivsel tillæg ansøgt", [r + ";ja;" for r in ROWS])}))
fx("earmark-columns-present-is-fine", ["0"],
   std(**{"pool.ini": pool() + EM, "apps.csv": csv(EMHEAD, EMROWS)}))

fx("cross-supplement-without-the-required-criteria", ["2", "apps.csv:3:10:", "does not meet its required criteria"],
   std(**{"pool.ini": pool() + EM,
          "apps.csv": csv(EMHEAD, [EMROWS[0], ROWS[1] + ";nej;nej;20.000;"] + EMROWS[2:])}))
fx("cross-running-holder-set-aside-warns",
   ["0", "advarsel: apps.csv:5:", "Selskabet Lune Vandrere Bullerup"],
   lstd(csv(LHEAD, [HOLDER]),
        pool_text=pool(ledger="ledger.csv") + MY + "running_holders = set_aside\n",
        **{"apps.csv": csv(HEAD, ROWS[:3] + ["4;;Selskabet Lune Vandrere Bullerup;Vandring;45.000;40.000;"])}))
fx("cross-cap-broken-by-the-ledger-warns-in-check-too",
   ["0", "advarsel: ledger.csv:", "earlier multi-year commitments for 2024 (600.000 kr.) already exceed the cap (550.000 kr.)"],
   lstd(csv(LHEAD, ["L2023-001;2023;2024;7;Forening X;600000;flerårigt tilskud"]), extra_pool=MY))
fx("cross-holder-matched-by-cvr", ["2", "apps.csv:3:", "holds a running multi-year grant"],
   lstd("\r\n".join([LHEAD + ";CVR", "L2023-001;2023;2024;9;Et helt andet navn;100000;flerårigt tilskud;22222222"]) + "\r\n"))
fx("pool-decision-date-1900-01-01-is-fine", ["0"],
   std(**{"pool.ini": pool().replace("2023-12-13", "1900-01-01")}))

# ----------------------------------------------------------------- output side
fx("out-file-size-limit", ["0 4", "could not write", "File too large", "no output was changed"],
   std(), prefix="ulimit -f 8;")
fx("out-file-size-limit-keeps-old-outputs", ["0 4", "File too large"],
   std(**{"out/testpuljen-2024.xlsx": "OLD\n", "out/testpuljen-2024-afgoerelser.csv": "OLD\n",
          "out/testpuljen-2024-360giving.csv": "OLD\n"}), prefix="ulimit -f 8;")
fx("out-dangling-symlink", ["0 4", "cannot use output folder"], std(),
   setup="ln -s does-not-exist/sub out\n")

def write():
    for name, (expect, files, setup, prefix) in sorted(fixtures.items()):
        d = os.path.join(ROOT, name)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        for rel, text in files.items():
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(text.encode("utf-8"))
        with open(os.path.join(d, "expect"), "w", encoding="utf-8") as f:
            f.write("\n".join(expect) + "\n")
        if setup:
            with open(os.path.join(d, "setup"), "w") as f:
                f.write(setup)
        if prefix:
            with open(os.path.join(d, "prefix"), "w") as f:
                f.write(prefix + "\n")
    print(len(fixtures), "fixtures in", ROOT)

write()
