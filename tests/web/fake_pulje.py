#!/usr/bin/env python3
"""fake_pulje.py - a stand-in for build/web/pulje.js while developing the page:
a createPulje() with a tiny file system whose callMain replays runs of the
native build/pulje recorded here (keyed by the arguments and the files).
Not used by make test-web, which needs the real WebAssembly module.
Usage: fake_pulje.py BUILD OUT.js"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fnv(h, data):
    for b in data:
        h ^= b
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def key(args, files):
    h = 2166136261
    for p in sorted(files):
        h = fnv(h, p.encode())
        h = fnv(h, files[p])
    return "\x1f".join(args) + "|" + str(h)


def record(prog, args, files):
    tmp = tempfile.mkdtemp(prefix="pulje-fake-")
    try:
        for p, b in files.items():
            full = tmp + p
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(b)
        real = [tmp + a if a == "/out" else a for a in args]
        r = subprocess.run([prog] + real, cwd=tmp + "/pulje", capture_output=True)
        out = {}
        for d, _, names in os.walk(tmp + "/out"):
            for n in names:
                full = os.path.join(d, n)
                with open(full, "rb") as f:
                    out[full[len(tmp):]] = base64.b64encode(f.read()).decode()
        return {"rc": r.returncode, "stdout": r.stdout.decode().replace(tmp, ""),
                "stderr": r.stderr.decode().replace(tmp, ""), "files": out}
    finally:
        shutil.rmtree(tmp)


def main():
    build, out_js = sys.argv[1:3]
    prog = os.path.abspath(os.path.join(build, "pulje"))
    inp = os.path.join(ROOT, "inputs")
    files = {}
    for n in ("pulje-2023.ini", "ansoegninger-2023.csv", "forpligtelser.csv"):
        with open(os.path.join(inp, n), "rb") as f:
            files["/pulje/" + n] = f.read()
    bad = dict(files)
    bad["/pulje/ansoegninger-2023.csv"] = files["/pulje/ansoegninger-2023.csv"].replace(b";84500;", b";84x500;", 1)
    xss = dict(files)
    xss["/pulje/ansoegninger-2023.csv"] = files["/pulje/ansoegninger-2023.csv"].replace(
        "Selskabet Åbne Fyrtårne, Hjallese".encode(), b"<img src=x onerror=alert(1)>", 1)
    rec = {}
    base = ["run", "pulje-2023.ini", "--out", "/out"]
    for extra in ([], ["--rule", "threshold:75000"], ["--rule", "proportional"], ["--lang", "en"]):
        rec[key(base + extra, files)] = record(prog, base + extra, files)
    for nr in ("1", "3", "17"):
        a = ["explain", nr, "pulje-2023.ini"]
        rec[key(a, files)] = record(prog, a, files)
        rec[key(a + ["--rule", "threshold:75000"], files)] = record(prog, a + ["--rule", "threshold:75000"], files)
    for x in range(0, 150001, 10000):
        a = base + ["-q", "--rule", "threshold:%d" % x]
        rec[key(a, files)] = record(prog, a, files)
    a = ["compare", "pulje-2023.ini", "--out", "/out"]
    rec[key(a, files)] = record(prog, a, files)
    rec[key(base, bad)] = record(prog, base, bad)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from test_web import edited_pool
    ed = dict(files)
    ed["/pulje/pulje-2023.ini"] = edited_pool(files["/pulje/pulje-2023.ini"].decode()).encode()
    rec[key(base, ed)] = record(prog, base, ed)
    rec[key(base, xss)] = record(prog, base, xss)
    rec[key(base + ["--lang", "en"], xss)] = record(prog, base + ["--lang", "en"], xss)
    with open(out_js, "w", encoding="utf-8") as f:
        f.write("var createPulje = (function () {\n'use strict';\nconst REC = ")
        json.dump(rec, f)
        f.write(""";
function fnv(h, bytes) { for (let i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 16777619) >>> 0; } return h; }
function b64(s) { const bin = atob(s); const u = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i); return u; }
return function (opts) {
  const fs = new Map([['/', null]]); let cwd = '/';
  const abs = (p) => (p[0] === '/' ? p : (cwd === '/' ? '' : cwd) + '/' + p);
  const FS = {
    mkdir(p) { p = abs(p); if (fs.has(p)) throw new Error('EEXIST'); fs.set(p, null); },
    writeFile(p, b) { fs.set(abs(p), b); },
    readFile(p) { return fs.get(abs(p)).slice(); },
    chdir(p) { cwd = abs(p); },
    readdir(d) { d = abs(d); const pre = d === '/' ? '/' : d + '/'; const out = ['.', '..'];
      for (const k of fs.keys()) if (k !== d && k.startsWith(pre) && !k.slice(pre.length).includes('/')) out.push(k.slice(pre.length));
      if (!fs.has(d)) throw new Error('ENOENT'); return out; },
    stat(p) { return { mode: fs.get(abs(p)) === null ? 0x4000 : 0x8000 }; },
    isDir(m) { return m === 0x4000; },
  };
  function callMain(args) {
    let h = 2166136261 >>> 0; const enc = new TextEncoder();
    const paths = [...fs.keys()].filter((k) => k.startsWith('/pulje/') && fs.get(k) !== null).sort();
    for (const p of paths) { h = fnv(h, enc.encode(p)); h = fnv(h, fs.get(p)); }
    const r = REC[args.join('\\x1f') + '|' + h];
    if (!r) { opts.printErr('fake pulje: no recording for ' + args.join(' ')); return 99; }
    for (const p of Object.keys(r.files)) {
      const parts = p.split('/'); let cur = '';
      for (let i = 1; i < parts.length - 1; i++) { cur += '/' + parts[i]; if (!fs.has(cur)) fs.set(cur, null); }
      fs.set(p, b64(r.files[p]));
    }
    if (r.stdout) r.stdout.replace(/\\n$/, '').split('\\n').forEach((l) => opts.print(l));
    if (r.stderr) r.stderr.replace(/\\n$/, '').split('\\n').forEach((l) => opts.printErr(l));
    return r.rc;
  }
  return Promise.resolve({ FS, callMain });
};
})();
""")


if __name__ == "__main__":
    main()
