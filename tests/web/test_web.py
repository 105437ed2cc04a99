#!/usr/bin/env python3
"""test_web.py - the browser page (build/web/pulje.html) in headless Chromium,
driven by Selenium (make test-web, issue 17).

Loads the page from disk (file://, no server), feeds it the default pool's
files and checks what it shows and downloads against the command line
(build/pulje) run on the same files: the summary figures, the grants at
threshold 75.000, the files downloaded byte for byte, an explanation, the
rule comparison, a bad CSV's located message, an applicant's name that looks
like HTML, and that the page made no network request. Screenshots of the
main views go to build/web/shots/. --measure also times recomputations at
2.000 and 100.000 generated applications. Exit status 0 when every check
passed, 1 otherwise."""
import argparse
import csv
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000"]
INPUTS = ["pulje-2023.ini", "ansoegninger-2023.csv", "forpligtelser.csv"]
BASE = "18-hovedpuljen-2023"

failures = []


def check(cond, what):
    print(("ok    " if cond else "FAIL  ") + what, flush=True)
    if not cond:
        failures.append(what)
    return cond


def cli(prog, cwd, *args):
    r = subprocess.run([prog] + list(args), cwd=cwd, capture_output=True, text=True)
    return r


def make_driver(tmp):
    o = Options()
    for f in FLAGS:
        o.add_argument(f)
    o.add_argument("--user-data-dir=" + os.path.join(tmp, "profile"))
    if os.path.exists("/usr/bin/chromium"):
        o.binary_location = "/usr/bin/chromium"
    dl = os.path.join(tmp, "downloads")
    os.makedirs(dl)
    o.add_experimental_option("prefs", {
        "download.default_directory": dl, "download.prompt_for_download": False,
        "download.directory_upgrade": True, "safebrowsing.enabled": False})
    o.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    svc = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    d = webdriver.Chrome(service=svc, options=o)
    d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": dl})
    d.set_script_timeout(600)
    return d, dl


def runs(d):
    return int(d.execute_script("return document.body.dataset.runs || '0'"))


def wait_idle(d, timeout=120):
    WebDriverWait(d, timeout, poll_frequency=0.05).until(
        lambda x: x.execute_script("return document.body.dataset.busy") == "0")


def wait_run(d, before, timeout=120, args_contain=None):
    def done(x):
        if runs(x) <= before or x.execute_script("return document.body.dataset.busy") != "0":
            return False
        return args_contain is None or args_contain in x.execute_script(
            "return document.body.dataset.lastArgs")
    WebDriverWait(d, timeout, poll_frequency=0.05).until(done)


def feed(d, paths):
    d.find_element(By.ID, "files").send_keys("\n".join(paths))


def wait_download(dl, name, timeout=30):
    path = os.path.join(dl, name)
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path) and not os.path.exists(path + ".crdownload"):
            time.sleep(0.2)
            return path
        time.sleep(0.1)
    return None


def download(d, dl, kind):
    btn = d.find_element(By.CSS_SELECTOR, 'button.dl[data-kind="%s"]' % kind)
    name = btn.get_attribute("data-file")
    if os.path.exists(os.path.join(dl, name)):
        os.remove(os.path.join(dl, name))
    btn.click()
    return name, wait_download(dl, name)


def table_grants(d):
    """{nr: grant} read from the page's Bilag 1 table (column Indstillet tilskud)."""
    return d.execute_script("""
        const out = {};
        for (const tr of document.querySelectorAll('#bilag1 tbody tr'))
          out[tr.dataset.nr] = tr.children[7].textContent;
        return out;""")


def same_grants(page, path):
    """True if the page's grants are the CSV's; prints the first differences."""
    want = csv_grants(path)
    diff = sorted(set(page) ^ set(want)) + [k for k in want if k in page and page[k] != want[k]]
    if diff:
        print("      differences (nr: page / CLI): %s" % ", ".join(
            "%s: %s / %s" % (k, page.get(k), want.get(k)) for k in diff[:6]))
    return not diff


def csv_grants(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))[1:]
    return {r[0]: "{:,}".format(int(r[7])).replace(",", ".") for r in rows if len(r) > 7}


def shot(d, shots, name, element_id=None):
    if element_id:
        d.execute_script("document.getElementById(arguments[0]).scrollIntoView()", element_id)
        time.sleep(0.1)
    path = os.path.join(shots, name + ".png")
    d.save_screenshot(path)
    print("      screenshot " + os.path.relpath(path, ROOT))


def no_network(d):
    res = d.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(u => !u.startsWith('data:') && !u.startsWith('blob:'))")
    check(res == [], "no resource loaded by the page (performance entries: %s)" % res)
    urls = []
    for entry in d.get_log("performance"):
        m = json.loads(entry["message"])["message"]
        if m.get("method") == "Network.requestWillBeSent":
            urls.append(m["params"]["request"]["url"])
    bad = [u for u in urls if not u.startswith(("file:", "data:", "blob:"))]
    check(bad == [], "no network request in Chrome's performance log (%d requests, all "
          "file:/data:/blob:; others: %s)" % (len(urls), bad[:5]))


def write_pool(path, n, apps, ledger):
    """The pool file bench.c writes for n generated applications."""
    money = [("Frie midler afsat til § 18-Hovedpuljen, Budget 2023", 6318216),
             ("Midler til mental trivsel 12-25 år", 500000),
             ("Ubrugte midler i Udviklingspuljen 2022 og før", 53373)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("[pool]\nname = § 18-Hovedpuljen\nshort_name = Hovedpuljen\n"
                "committee = Beskæftigelses- og Socialudvalget\nyear = 2023\n"
                "decision_date = 2022-12-13\napplications = %s\nledger = %s\n\n[budget]\n" % (apps, ledger))
        for label, amount in money:
            f.write("%s = %d\n" % (label, amount * n // 68))
        f.write("\n[rules]\nrule = threshold\nthreshold = 50.000\nrounding = 100\n"
                "\n[multiyear]\ncap = 55 %%\nrunning_holders = set_aside\n"
                "\n[earmark trivsel]\nlabel = Midler til mental trivsel 12-25 år\n"
                "amount = %d\nyears = 2023-2025\n"
                "criterion 12-25 år = Børn og unge 12-25 år\n"
                "criterion mental trivsel = Mental trivsel\n"
                "criterion uddannelse = Tilbage i skole og uddannelse\n"
                "required = 12-25 år, mental trivsel\n"
                "tier 1 = 12-25 år, mental trivsel, uddannelse\n"
                "tier 2 = 12-25 år, mental trivsel\n" % (500000 * n // 68))


def edited_pool(text):
    """The pool file as the page edits it for rounding 1.000 and a 30 % cap."""
    text = re.sub(r"(?m)^rounding\s*=.*$", "rounding = 1000", text, count=1)
    return re.sub(r"(?m)^cap\s*=.*$", "cap = 30 %", text, count=1)


def set_threshold(d, value):
    box = d.find_element(By.ID, "c-threshold")
    d.execute_script("arguments[0].value = arguments[1];"
                     "arguments[0].dispatchEvent(new Event('input'))", box, value)


def recompute_times(d, thresholds, timeout):
    times = []
    for th in thresholds:
        before = runs(d)
        set_threshold(d, th)
        wait_run(d, before, timeout, "threshold:" + th.replace(".", ""))
        times.append((float(d.execute_script("return document.body.dataset.lastMs")),
                      float(d.execute_script("return document.body.dataset.lastRunMs"))))
    return times


def fmt_times(times):
    """'total (pulje's own run)' per recomputation, in ms."""
    return ", ".join("%.0f (%.0f)" % x for x in times)


def measure(d, url, gen, tmp, sizes):
    for n in sizes:
        folder = os.path.join(tmp, "pool-%d" % n)
        os.makedirs(folder)
        subprocess.run([gen, "--count", str(n), "--seed", "1", "--apps", folder + "/apps.csv",
                        "--ledger", folder + "/ledger.csv"], check=True)
        write_pool(folder + "/pool.ini", n, "apps.csv", "ledger.csv")
        d.get(url)
        t0 = time.time()
        feed(d, [folder + "/pool.ini", folder + "/apps.csv", folder + "/ledger.csv"])
        wait_run(d, 0, 900)
        first = float(d.execute_script("return document.body.dataset.lastMs"))
        wait_idle(d, 900)   # the comparison, for small pools
        times = recompute_times(d, ["60.000", "70.000", "80.000"], 900)
        rc = d.execute_script("return document.body.dataset.lastRc")
        print("measure %7d applications: first run %.0f ms (wall %.1f s), recomputations %s ms, rc %s"
              % (n, first, time.time() - t0, fmt_times(times), rc), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--page", default=None)
    ap.add_argument("--measure", action="store_true", help="also time 2.000 and 100.000 applications")
    ap.add_argument("--sizes", default="2000,100000")
    a = ap.parse_args()
    build = os.path.join(ROOT, a.build) if not os.path.isabs(a.build) else a.build
    page = os.path.abspath(a.page or os.path.join(build, "web", "pulje.html"))
    prog = os.path.join(build, "pulje")
    shots = os.path.join(os.path.dirname(page), "shots")
    os.makedirs(shots, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="pulje-web-")
    try:
        # The command line's outputs for the same files, run from the files' folder.
        pool = os.path.join(tmp, "pool")
        os.makedirs(pool)
        for n in INPUTS:
            shutil.copy(os.path.join(ROOT, "inputs", n), pool)
        cli(prog, pool, "run", "pulje-2023.ini", "--out", tmp + "/cli", "-q")
        # a folder of its own: run after the official run in one folder, the workbook would
        # carry the sheet of changes since it, which the page's fresh run has not
        cli(prog, pool, "run", "pulje-2023.ini", "--out", tmp + "/cli75", "-q", "--rule", "threshold:75000")
        cli(prog, pool, "compare", "pulje-2023.ini", "--out", tmp + "/cli", "-q")
        explain3 = cli(prog, pool, "explain", "3", "pulje-2023.ini").stdout
        edited = os.path.join(tmp, "edited")
        shutil.copytree(pool, edited)
        with open(os.path.join(pool, "pulje-2023.ini"), encoding="utf-8", newline="") as f:
            text = f.read()
        with open(os.path.join(edited, "pulje-2023.ini"), "w", encoding="utf-8", newline="") as f:
            f.write(edited_pool(text))
        cli(prog, edited, "run", "pulje-2023.ini", "--out", tmp + "/cli-edited", "-q")
        bad = os.path.join(tmp, "bad")
        xss = os.path.join(tmp, "xss")
        for folder, old, new in ((bad, ";84500;", ";84x500;"),
                                 (xss, "Selskabet Åbne Fyrtårne, Hjallese", "<img src=x onerror=alert(1)>")):
            os.makedirs(folder)
            with open(os.path.join(pool, "ansoegninger-2023.csv"), encoding="utf-8", newline="") as f:
                text = f.read()
            with open(os.path.join(folder, "ansoegninger-2023.csv"), "w", encoding="utf-8", newline="") as f:
                f.write(text.replace(old, new, 1))
        d, dl = make_driver(tmp)
        try:
            url = "file://" + page
            d.get_log("performance")    # what the browser did before the page (its new-tab page)
            d.get(url)
            check(d.execute_script("return document.documentElement.lang") == "da", "the page opens in Danish")
            csp = d.execute_script(
                "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');"
                "return m ? m.content : ''")
            check("default-src 'none'" in csp, "a Content-Security-Policy with default-src 'none'")
            feed(d, [os.path.join(pool, n) for n in INPUTS])
            wait_run(d, 0)
            check(d.execute_script("return document.body.dataset.lastRc") == "0", "the default pool runs (rc 0)")
            check(d.execute_script("return !!(pulje.runner.worker && pulje.runner.workerWorked && !pulje.runner.noWorker)"),
                  "pulje ran in a Web Worker")
            s = d.find_element(By.ID, "summary")
            figs = {k: s.get_attribute("data-" + k) for k in ("available", "granted", "residual", "applications")}
            check(figs == {"available": "3257078", "granted": "3257050", "residual": "28", "applications": "68"},
                  "summary figures 3.257.078 available, 3.257.050 granted, 28 residual, 68 applications: %s" % figs)
            text = s.text
            check("3.257.078 kr." in text and "3.257.050 kr." in text and "28 kr." in text,
                  "the summary shows 3.257.078 kr., 3.257.050 kr. and 28 kr.")
            check(len(table_grants(d)) == 68, "Bilag 1 has 68 rows")
            check(same_grants(table_grants(d), os.path.join(tmp, "cli", BASE + "-afgoerelser.csv")),
                  "Bilag 1's grants equal the CLI's decisions CSV")
            wait_idle(d)
            shot(d, shots, "web-summary")
            for kind, name in (("workbook", BASE + ".xlsx"), ("decisions", BASE + "-afgoerelser.csv"),
                               ("ledger", BASE + "-forpligtelser.csv"), ("360json", BASE + "-360giving.json")):
                got_name, got = download(d, dl, kind)
                check(got_name == name and got is not None and
                      filecmp.cmp(got, os.path.join(tmp, "cli", name), shallow=False),
                      "downloaded %s is byte-identical to the CLI's" % name)
            # the comparison (run by the page after the first run)
            WebDriverWait(d, 60).until(lambda x: x.find_elements(By.ID, "compare-svg"))
            bars = d.find_elements(By.CSS_SELECTOR, "#compare-svg rect")
            check(len(bars) == 8, "the comparison chart has a bar for each of the 8 rules (%d)" % len(bars))
            got_name, got = download(d, dl, "comparison")
            check(got is not None and filecmp.cmp(got, os.path.join(tmp, "cli", BASE + "-sammenligning.xlsx"),
                                                  shallow=False),
                  "downloaded %s is byte-identical to the CLI's" % got_name)
            # the threshold sweep: 16 runs, each point the CLI's run record
            d.execute_script("document.getElementById('sweep-run').click()")
            WebDriverWait(d, 120).until(lambda x: len(x.find_elements(By.CSS_SELECTOR, "svg.sweep")) == 2)
            dots = d.find_elements(By.CSS_SELECTOR, "svg.sweep circle")
            check(len(dots) == 32, "the sweep draws 16 thresholds in 2 charts (%d points)" % len(dots))
            red75 = cli(prog, pool, "run", "pulje-2023.ini", "--out", tmp + "/cli-sweep", "--rule", "threshold:70000")
            tips = [c.get_attribute("textContent") for c in d.find_elements(By.CSS_SELECTOR, "svg.sweep circle title")]
            want = re.search(r"(?m)^\s+Heraf reduceret\s+(\d+)", red75.stdout)
            check(want is not None and ("70.000 kr.: %s" % want.group(1)) in tips[:16],
                  "the sweep at 70.000 shows the CLI's number of reduced applications (%s)"
                  % (want.group(1) if want else "?"))
            shot(d, shots, "web-compare", "compare-section")
            # the explanation of application 3
            d.find_element(By.CSS_SELECTOR, '#bilag1 tr[data-nr="3"]').click()
            WebDriverWait(d, 30).until(lambda x: x.find_element(By.ID, "explain").get_attribute("data-nr") == "3")
            got = d.find_element(By.CSS_SELECTOR, "#explain pre").get_attribute("textContent")
            check(got.strip() == explain3.strip(), "the explanation of nr. 3 is the CLI's explain 3")
            shot(d, shots, "web-explain")
            d.find_element(By.ID, "explain-close").click()
            # threshold 75.000
            times = recompute_times(d, ["75.000"], 60)
            check(same_grants(table_grants(d), os.path.join(tmp, "cli75", BASE + "-threshold-75000-afgoerelser.csv")),
                  "at threshold 75.000 every grant equals pulje run --rule threshold:75000")
            diffs = d.find_elements(By.CSS_SELECTOR, "#bilag1 td.up, #bilag1 td.down")
            check(len(diffs) > 0, "differences to the pool's own rule are shown (%d cells)" % len(diffs))
            got_name, got = download(d, dl, "workbook")
            check(got_name == BASE + "-threshold-75000.xlsx" and got is not None and
                  filecmp.cmp(got, os.path.join(tmp, "cli75", got_name), shallow=False),
                  "downloaded %s is byte-identical to the CLI's" % got_name)
            d.execute_script("document.getElementById('t-changed').click()")
            shot(d, shots, "web-threshold-75000", "controls-section")
            d.execute_script("document.getElementById('t-changed').click()")
            times += recompute_times(d, ["60.000", "70.000", "80.000"], 60)
            print("measure      68 applications: recomputations %s ms" % fmt_times(times), flush=True)
            # rounding 1.000 and a 30 % cap: the pool file edited in the page
            d.execute_script("document.getElementById('reset').click()")
            wait_idle(d)
            before = runs(d)
            cap = d.find_element(By.ID, "c-cap")
            d.execute_script("arguments[0].value = '30'; arguments[0].dispatchEvent(new Event('input'))", cap)
            Select(d.find_element(By.ID, "c-rounding")).select_by_value("1000")
            wait_run(d, before)
            WebDriverWait(d, 30).until(lambda x: x.execute_script("return document.body.dataset.busy") == "0")
            time.sleep(0.5)
            wait_idle(d)
            got_name, got = download(d, dl, "decisions")
            check(got is not None and filecmp.cmp(got, os.path.join(tmp, "cli-edited", BASE + "-afgoerelser.csv"),
                                                  shallow=False),
                  "rounding 1.000 and cap 30 %: the decisions CSV equals the CLI's on the pool file so edited")
            got_name, got = download(d, dl, "workbook")
            check(got is not None and filecmp.cmp(got, os.path.join(tmp, "cli-edited", BASE + ".xlsx"), shallow=False),
                  "rounding 1.000 and cap 30 %: the workbook equals the CLI's, byte for byte")
            d.execute_script("document.getElementById('reset').click()")
            wait_idle(d)
            # a bad CSV: the located message and the row
            before = runs(d)
            feed(d, [os.path.join(bad, "ansoegninger-2023.csv")])
            wait_run(d, before)
            check(d.execute_script("return document.body.dataset.lastRc") == "2", "the bad CSV stops pulje (rc 2)")
            items = d.find_elements(By.CSS_SELECTOR, "#problems li.problem.error")
            where = [i.get_attribute("data-where") for i in items]
            check("ansoegninger-2023.csv:3:5" in where, "the problem is located at ansoegninger-2023.csv:3:5 (%s)" % where)
            check(any("84x500" in i.text for i in items), "the message quotes the bad amount 84x500")
            cells = [c.text for c in d.find_elements(By.CSS_SELECTOR, "#problems td.bad")]
            check("84x500" in cells, "the offending cell is highlighted in its row (%s)" % cells)
            shot(d, shots, "web-problems", "problems-section")
            # a name that looks like HTML is shown as text
            before = runs(d)
            feed(d, [os.path.join(xss, "ansoegninger-2023.csv")])
            wait_run(d, before)
            name = d.execute_script("return document.querySelector('#bilag1 tr[data-nr=\"1\"]').children[2].textContent")
            check(name == "<img src=x onerror=alert(1)>", "the name <img src=x onerror=alert(1)> is shown as text")
            check(d.execute_script("return document.querySelectorAll('img').length") == 0, "no <img> element was made")
            try:
                d.switch_to.alert
                check(False, "no alert was opened")
            except NoAlertPresentException:
                check(True, "no alert was opened")
            # English
            before = runs(d)
            d.find_element(By.ID, "lang").click()
            wait_run(d, before, 60, "--lang en")
            check(d.execute_script("return document.documentElement.lang") == "en" and
                  "Summary" in d.find_element(By.ID, "summary-section").text, "the English switch")
            shot(d, shots, "web-english", "summary-section")
            # compare's table and the amount fields in the language's number format
            got = d.execute_script("return [metricValue('3,257,050', 'kr', 'en'), metricValue('3.257.050', 'kr', 'da'),"
                                   " metricValue('DKK 3,257,050', 'kr', 'en'), metricValue('0.6452', 'x', 'en'),"
                                   " metricValue('0,6452', 'x', 'da'), metricValue('35.5%', 'x', 'en'),"
                                   " parseKr('75,000'), parseKr('75.000'), kr(3257050)]")
            check(got == [3257050, 3257050, 3257050, 0.6452, 0.6452, 35.5, 75000, 75000, "3,257,050"],
                  "the English page reads and writes DKK 3,257,050 and 0.6452 (%s)" % got)
            no_network(d)
            severe = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]
            check(severe == [], "no error in the browser's console (%s)" % severe[:3])
            if a.measure:
                measure(d, url, os.path.join(build, "genpool"), tmp, [int(x) for x in a.sizes.split(",")])
                no_network(d)
        finally:
            d.quit()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with open(os.path.join(ROOT, "web", "page.js"), encoding="utf-8") as f:
        check("innerHTML" not in f.read(), "web/page.js never uses innerHTML")
    print("%d check(s) failed" % len(failures) if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
