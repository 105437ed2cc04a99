/* page.js - pulje in the browser: the page's logic (issue 17).
 *
 * Everything pulje computes goes through one function, runPulje(args, files),
 * which runs the WebAssembly build of the command line (build/web/pulje.js,
 * inlined by web/page.mk as <script type="text/plain" id="pulje-module">) in a
 * Web Worker made from a Blob, with a fresh instance per run, and returns
 * {rc, stdout, stderr, outFiles}. The page reads pulje's own outputs: the
 * terminal summary, the decisions CSV (Bilag 1), the run record
 * (koersel.txt), explain's text, compare's table and the problems on
 * standard error. Applicant text is only ever put into the page with
 * textContent, never parsed as HTML. Nothing is stored; nothing is fetched. */
'use strict';

/* ---- texts, Danish and English ------------------------------------------ */
const T = {
  da: {
    title: 'pulje i browseren',
    lead: 'Fordel puljen direkte i browseren. Filerne forlader ikke computeren: intet sendes, intet gemmes, medmindre du selv henter en fil.',
    lang_button: 'English',
    files_h: 'Filer',
    files_help: 'Vælg eller træk rundens filer hertil: puljefilen (.ini), ansøgningerne (.csv eller .xlsx), forpligtelserne og evt. medlemmerne.',
    pick: 'Vælg filer',
    drop: 'Slip filerne her',
    pool_file: 'Puljefil',
    expected: 'Puljefilen nævner',
    missing: 'mangler',
    present: 'valgt',
    no_pool: 'Vælg puljefilen (.ini) — den nævner de andre filer.',
    run: 'Beregn',
    cancel: 'Afbryd',
    stage_load: 'Starter pulje …',
    stage_write: 'Lægger filerne ind …',
    stage_run: 'Beregner …',
    stage_read: 'Læser resultatet …',
    stage_done: 'Færdig',
    stage_cancelled: 'Afbrudt',
    ms: 'ms',
    computed_in: 'Beregnet på',
    problems_h: 'Problemer',
    no_problems: 'Ingen problemer.',
    more_problems: 'De første {shown} af {total} vises, fejlene først.',
    error: 'fejl',
    warning: 'advarsel',
    hint: 'Råd',
    row_in: 'Rækken i filen',
    xlsx_row: 'række {n} i regnearket',
    summary_h: 'Resumé',
    controls_h: 'Hvad nu hvis …',
    controls_help: 'Ændr reglen, og resultatet regnes om med det samme. Loft og afrunding ændres i en kopi af puljefilen; din egen fil røres ikke.',
    rule: 'Regel',
    threshold: 'Tærskel (kr.)',
    min_grant: 'Mindste tilskud (kr.)',
    max_grant: 'Største tilskud (kr.)',
    cap: 'Loft for flerårige (%)',
    rounding: 'Afrundingsenhed (kr.)',
    reset: 'Puljens egen regel',
    own_rule: 'Beregnet med puljens egen regel.',
    variant: 'Afviger fra puljens egen regel:',
    more: 'får mere',
    less: 'får mindre',
    same: 'uændret',
    r_threshold: 'threshold: kun beløb over tærsklen reduceres (2023-reglen)',
    r_excess: 'excess: kun delen over tærsklen reduceres',
    r_proportional: 'proportional: alle reduceres med samme faktor',
    r_cea: 'cea: et fælles loft over alle tilskud',
    r_cel: 'cel: den samme afkortning i kroner for alle',
    r_talmud: 'talmud (Aumann & Maschler)',
    table_h: 'Bilag 1: Samlet oversigt',
    filter: 'Filtrér',
    only_changed: 'kun ændrede',
    diff: 'Forskel til puljens regel',
    rows: '{shown} af {total} ansøgninger',
    prev: 'Forrige',
    next: 'Næste',
    click_row: 'Klik på en ansøgning for at se, hvordan tilskuddet er regnet ud.',
    explain_h: 'Forklaring',
    compare_h: 'Sammenligning af regler',
    compare_run: 'Sammenlign reglerne',
    metric: 'Vis',
    m_granted: 'Tilskud i alt (kr.)',
    m_residual: 'Restmidler (kr.)',
    m_reduced: 'Reducerede ansøgninger',
    m_refused: 'Afslag',
    m_max: 'Største reduktion (%)',
    m_median: 'Median reduktion (%)',
    m_gini: 'Gini',
    m_breaks: 'Rækkefølgebrud',
    sweep_h: 'Følsomhed for tærsklen',
    sweep_run: 'Regn tærsklen 0–150.000 kr. igennem',
    sweep_step: 'Tærskel {x} kr. ({i} af {n})',
    sweep_reduced: 'Reducerede ansøgninger',
    sweep_residual: 'Restmidler (kr.)',
    sweep_x: 'tærskel (kr.)',
    downloads_h: 'Hent filerne',
    downloads_help: 'Filerne er præcis dem, pulje skrev.',
    dl_workbook: 'Indstillingen (regneark)',
    dl_decisions: 'Afgørelser (CSV)',
    dl_ledger: 'Næste års forpligtelser (CSV)',
    dl_360csv: '360Giving (CSV)',
    dl_360json: '360Giving (JSON)',
    dl_comparison: 'Sammenligningen (regneark)',
    failed: 'pulje stoppede med kode {rc}.',
    no_worker: 'Kører uden Web Worker (siden kan fryse under store beregninger).',
  },
  en: {
    title: 'pulje in the browser',
    lead: 'Share the pool right in the browser. The files never leave this computer: nothing is sent, nothing is stored unless you download a file.',
    lang_button: 'Dansk',
    files_h: 'Files',
    files_help: 'Pick or drop the round\'s files here: the pool file (.ini), the applications (.csv or .xlsx), the ledger and the members, if any.',
    pick: 'Pick files',
    drop: 'Drop the files here',
    pool_file: 'Pool file',
    expected: 'The pool file names',
    missing: 'missing',
    present: 'picked',
    no_pool: 'Pick the pool file (.ini) — it names the other files.',
    run: 'Compute',
    cancel: 'Cancel',
    stage_load: 'Starting pulje …',
    stage_write: 'Loading the files …',
    stage_run: 'Computing …',
    stage_read: 'Reading the result …',
    stage_done: 'Done',
    stage_cancelled: 'Cancelled',
    ms: 'ms',
    computed_in: 'Computed in',
    problems_h: 'Problems',
    no_problems: 'No problems.',
    more_problems: 'The first {shown} of {total} are shown, errors first.',
    error: 'error',
    warning: 'warning',
    hint: 'Hint',
    row_in: 'The row in the file',
    xlsx_row: 'row {n} of the sheet',
    summary_h: 'Summary',
    controls_h: 'What if …',
    controls_help: 'Change the rule and the result is recomputed at once. The cap and the rounding are changed in a copy of the pool file; your own file is not touched.',
    rule: 'Rule',
    threshold: 'Threshold (DKK)',
    min_grant: 'Minimum grant (DKK)',
    max_grant: 'Maximum grant (DKK)',
    cap: 'Multi-year cap (%)',
    rounding: 'Rounding unit (DKK)',
    reset: 'The pool\'s own rule',
    own_rule: 'Computed with the pool\'s own rule.',
    variant: 'Differs from the pool\'s own rule:',
    more: 'get more',
    less: 'get less',
    same: 'unchanged',
    r_threshold: 'threshold: only amounts above the threshold are reduced (the 2023 rule)',
    r_excess: 'excess: only the part above the threshold is reduced',
    r_proportional: 'proportional: all reduced by the same factor',
    r_cea: 'cea: one common ceiling on every grant',
    r_cel: 'cel: the same cut in kroner for everyone',
    r_talmud: 'talmud (Aumann & Maschler)',
    table_h: 'Annex 1: Overview',
    filter: 'Filter',
    only_changed: 'changed only',
    diff: 'Difference to the pool\'s rule',
    rows: '{shown} of {total} applications',
    prev: 'Previous',
    next: 'Next',
    click_row: 'Click an application to see how its grant was worked out.',
    explain_h: 'Explanation',
    compare_h: 'The rules compared',
    compare_run: 'Compare the rules',
    metric: 'Show',
    m_granted: 'Granted in all (DKK)',
    m_residual: 'Residual (DKK)',
    m_reduced: 'Applications reduced',
    m_refused: 'Refusals',
    m_max: 'Largest reduction (%)',
    m_median: 'Median reduction (%)',
    m_gini: 'Gini',
    m_breaks: 'Order breaks',
    sweep_h: 'Sensitivity to the threshold',
    sweep_run: 'Run the threshold from 0 to DKK 150,000',
    sweep_step: 'Threshold DKK {x} ({i} of {n})',
    sweep_reduced: 'Applications reduced',
    sweep_residual: 'Residual (DKK)',
    sweep_x: 'threshold (DKK)',
    downloads_h: 'Download the files',
    downloads_help: 'The files are exactly those pulje wrote.',
    dl_workbook: 'The recommendation (workbook)',
    dl_decisions: 'Decisions (CSV)',
    dl_ledger: 'Next year\'s ledger (CSV)',
    dl_360csv: '360Giving (CSV)',
    dl_360json: '360Giving (JSON)',
    dl_comparison: 'The comparison (workbook)',
    failed: 'pulje stopped with code {rc}.',
    no_worker: 'Running without a Web Worker (the page may freeze on large pools).',
  },
};
let lang = 'da';

function t(key, vars) {
  let s = (T[lang] && T[lang][key]) || T.da[key] || key;
  if (vars)
    for (const k of Object.keys(vars))
      s = s.split('{' + k + '}').join(String(vars[k]));
  return s;
}

/* ---- small DOM helpers: text only, never HTML ----------------------------- */
function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  if (attrs)
    for (const k of Object.keys(attrs)) {
      const v = attrs[k];
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'data') for (const d of Object.keys(v)) e.dataset[d] = v[d];
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  for (const c of kids) {
    if (c === undefined || c === null || c === false) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

function kr(n) {
  const neg = n < 0;
  let s = String(Math.abs(n));
  let out = '';
  const sep = lang === 'en' ? ',' : '.'; /* the language's grouping, as pulje's text has it */
  while (s.length > 3) { out = sep + s.slice(-3) + out; s = s.slice(0, -3); }
  return (neg ? '-' : '') + s + out;
}

/* "75.000", "75 000", "75000" (and "75,000" on the English page) -> 75000;
 * "" -> null; anything else, such as "7.5000" or a Danish "75,000", -> NaN */
function parseKr(s) {
  s = String(s).trim();
  if (s === '') return null;
  if (/^\d+$/.test(s)) return parseInt(s, 10);
  const m = /^\d{1,3}([., ])\d{3}(?:\1\d{3})*$/.exec(s);
  return m && (m[1] !== ',' || lang === 'en') ? parseInt(s.replace(/[., ]/g, ''), 10) : NaN;
}

function decodeText(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (e) {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function basename(p) { return p.replace(/^.*\//, ''); }

/* ---- running pulje: the worker --------------------------------------------- */

/* One job in a fresh instance of the module: write the files, run, read every
 * file under msg.collect. Used inside the worker (and on the main thread when
 * no worker can be made). */
async function runJob(create, msg, progress) {
  const stdout = [], stderr = [];
  let exitCode = null;
  const t0 = performance.now();
  progress('load');
  const M = await create({
    noInitialRun: true,
    print: (s) => stdout.push(s),
    printErr: (s) => stderr.push(s),
    onExit: (c) => { exitCode = c; },
  });
  const tLoaded = performance.now();
  progress('write');
  const mkdirs = (dir) => {
    let cur = '';
    for (const part of dir.split('/').filter(Boolean)) {
      cur += '/' + part;
      try { M.FS.mkdir(cur); } catch (e) { /* exists */ }
    }
  };
  for (const f of msg.files) {
    mkdirs(f.path.replace(/\/[^/]*$/, ''));
    M.FS.writeFile(f.path, f.bytes);
  }
  if (msg.collect) mkdirs(msg.collect.replace(/\/[^/]*$/, ''));
  if (msg.cwd) { mkdirs(msg.cwd); M.FS.chdir(msg.cwd); }
  progress('run');
  const tRun = performance.now();
  let rc;
  try {
    rc = M.callMain(msg.args.slice());
  } catch (e) {
    if (e && typeof e.status === 'number') rc = e.status;
    else { stderr.push(String(e && e.message || e)); rc = 70; }
  }
  if (typeof rc !== 'number') rc = exitCode === null ? 0 : exitCode;
  const tDone = performance.now();
  progress('read');
  const outFiles = [];
  const keep = msg.keep ? new RegExp(msg.keep) : null;
  const walk = (dir) => {
    let names;
    try { names = M.FS.readdir(dir); } catch (e) { return; }
    for (const n of names) {
      if (n === '.' || n === '..') continue;
      const p = dir + '/' + n;
      const st = M.FS.stat(p);
      if (M.FS.isDir(st.mode)) walk(p);
      else if (!keep || keep.test(p)) outFiles.push({ path: p, bytes: M.FS.readFile(p) });
    }
  };
  if (msg.collect) walk(msg.collect);
  return {
    rc, stdout: stdout.join('\n'), stderr: stderr.join('\n'), outFiles,
    ms: { load: tLoaded - t0, run: tDone - tRun, total: performance.now() - t0 },
  };
}

/* The worker's own code (before it: the module's source, then runJob). */
function workerMain() {
  /* No network from here: fetch serves only data: URIs (the embedded wasm). */
  const realResponse = self.Response;
  let lastUrl = null, lastBytes = null;   /* the module's one data: URI, decoded once */
  self.fetch = function (url) {
    const u = String(url);
    const m = /^data:[^,]*;base64,/.exec(u);
    if (!m) return Promise.reject(new TypeError('pulje: no network'));
    if (u !== lastUrl) {
      const bin = atob(u.slice(m[0].length));
      lastBytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) lastBytes[i] = bin.charCodeAt(i);
      lastUrl = u;
    }
    return Promise.resolve(new realResponse(lastBytes, { headers: { 'Content-Type': 'application/wasm' } }));
  };
  self.XMLHttpRequest = undefined;
  /* Compile once, instantiate fresh for every run. */
  const inst = WebAssembly.instantiate.bind(WebAssembly);
  let compiled = null;
  WebAssembly.instantiateStreaming = undefined;
  WebAssembly.instantiate = function (src, imports) {
    if (src instanceof WebAssembly.Module) return inst(src, imports);
    if (compiled)
      return inst(compiled, imports).then((instance) => ({ module: compiled, instance }));
    return inst(src, imports).then((r) => { compiled = r.module; return r; });
  };
  self.onmessage = async (ev) => {
    const msg = ev.data;
    try {
      const r = await runJob(createPulje, msg, (stage) => self.postMessage({ id: msg.id, stage }));
      self.postMessage({ id: msg.id, result: r }, [...new Set(r.outFiles.map((f) => f.bytes.buffer))]);
    } catch (e) {
      self.postMessage({ id: msg.id, error: String(e && e.stack || e) });
    }
  };
}

const runner = {
  worker: null, url: null, seq: 0, pending: null, mainModule: null, noWorker: false,
};

function moduleSource() {
  const s = $('pulje-module');
  return s ? s.textContent : '';
}

function startWorker() {
  if (runner.worker) return runner.worker;
  if (runner.noWorker) return null;
  try {
    const src = moduleSource() + '\n;' + runJob.toString() + '\n;(' + workerMain.toString() + ')();\n';
    if (!runner.url) runner.url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const w = new Worker(runner.url);
    w.onmessage = (ev) => {
      const p = runner.pending;
      if (!p || ev.data.id !== p.id) return;
      if (ev.data.stage) { p.progress(ev.data.stage); return; }
      runner.pending = null;
      if (ev.data.error) p.reject(new Error(ev.data.error));
      else p.resolve(ev.data.result);
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      const p = runner.pending;
      runner.pending = null;
      runner.worker = null;
      w.terminate();
      if (p) p.reject(new Error(ev.message || 'worker failed'));
    };
    runner.worker = w;
    return w;
  } catch (e) {
    runner.noWorker = true;
    return null;
  }
}

/* The module on the main thread: an inline <script> made from its text. */
function mainThreadCreate() {
  if (!runner.mainModule) {
    const s = document.createElement('script');
    s.textContent = moduleSource() + '\n;window.__createPulje = createPulje;';
    document.head.appendChild(s);
    runner.mainModule = window.__createPulje;
  }
  return runner.mainModule;
}

/* The chain that serialises jobs: one pulje at a time. */
let jobChain = Promise.resolve();

/**
 * runPulje(args, files, opts) -> Promise<{rc, stdout, stderr, outFiles, ms}>
 * args: pulje's command line without the program name; files: {path: Uint8Array}
 * written into the module's file system first; opts.cwd (default /pulje),
 * opts.collect (default /out: every file under it is returned in outFiles as
 * {path: Uint8Array}; opts.keep, a RegExp source, returns only the paths it
 * matches), opts.progress(stage).
 */
function runPulje(args, files, opts) {
  opts = opts || {};
  const msg = {
    args, cwd: opts.cwd || '/pulje', collect: opts.collect === undefined ? '/out' : opts.collect,
    keep: opts.keep || null,
    files: Object.keys(files).map((p) => ({ path: p, bytes: files[p].slice() })),
  };
  const progress = opts.progress || (() => {});
  const onMain = () => new Promise((resolve, reject) => {
    setTimeout(() => { runJob(mainThreadCreate(), msg, progress).then(resolve, reject); }, 0);
  });
  const job = jobChain.then(() => new Promise((resolve, reject) => {
    const w = startWorker();
    msg.id = ++runner.seq;
    if (!w) { onMain().then(resolve, reject); return; }
    /* the files are copied, not transferred, until a worker has worked:
       if it cannot start the module, the job runs again on the main thread */
    const keep = runner.workerWorked ? null : msg.files.map((f) => ({ path: f.path, bytes: f.bytes.slice() }));
    runner.pending = { id: msg.id, resolve: (r) => { runner.workerWorked = true; resolve(r); }, progress,
      reject: (e) => {
        if (runner.workerWorked || String(e.message) === 'cancelled') { reject(e); return; }
        console.warn('pulje: the worker failed (' + e.message + '); running on the main thread');
        if (runner.worker) { runner.worker.terminate(); runner.worker = null; }
        runner.noWorker = true;
        $('status').textContent = t('no_worker');
        msg.files = keep;
        onMain().then(resolve, reject);
      } };
    w.postMessage(msg, msg.files.map((f) => f.bytes.buffer));
  })).then((r) => {
    const out = {};
    for (const f of r.outFiles) out[f.path] = f.bytes;
    return { rc: r.rc, stdout: r.stdout, stderr: r.stderr, outFiles: out, ms: r.ms };
  });
  jobChain = job.catch(() => {});
  return job;
}

/* Stop the running job: the worker is thrown away and made again. */
function cancelPulje() {
  if (runner.worker) { runner.worker.terminate(); runner.worker = null; }
  const p = runner.pending;
  runner.pending = null;
  if (p) p.reject(new Error('cancelled'));
}

/* ---- the pool file ---------------------------------------------------------- */

function parseIni(text) {
  const out = {};
  let sec = '';
  text.split(/\r?\n/).forEach((line, i) => {
    const s = line.trim();
    if (!s || s[0] === ';' || s[0] === '#') return;
    const m = /^\[([^\]]*)\]/.exec(s);
    if (m) { sec = m[1].trim(); out[sec] = out[sec] || {}; return; }
    const eq = s.indexOf('=');
    if (eq < 0) return;
    out[sec] = out[sec] || {};
    out[sec][s.slice(0, eq).trim()] = { value: s.slice(eq + 1).trim(), line: i };
  });
  return out;
}

/* A copy of the pool file's text with [section] key set to value. */
function iniSet(text, section, key, value) {
  const nl = /\r\n/.test(text) ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  let sec = '', secEnd = -1, found = false;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i].trim();
    const m = /^\[([^\]]*)\]/.exec(s);
    if (m) { sec = m[1].trim(); if (sec === section) secEnd = i; continue; }
    if (sec !== section || !s || s[0] === ';' || s[0] === '#') continue;
    secEnd = i;
    const eq = s.indexOf('=');
    if (eq >= 0 && s.slice(0, eq).trim() === key) {
      lines[i] = key + ' = ' + value;
      found = true;
    }
  }
  if (!found) {
    if (secEnd >= 0) lines.splice(secEnd + 1, 0, key + ' = ' + value);
    else lines.push('', '[' + section + ']', key + ' = ' + value);
  }
  return lines.join(nl);
}

/* ---- CSV as pulje writes it (';', quotes, CRLF, BOM) -------------------------- */
function parseCsv(text) {
  text = text.replace(/^\uFEFF/, '');
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else q = false; }
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ';') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/* ---- state -------------------------------------------------------------------- */
const state = {
  files: new Map(),     // basename -> {name, bytes}
  pool: null,           // {name, text, ini, expects: [{key, path}]}
  own: null,            // the pool's own parameters
  baseline: null,       // Map nr -> grant under the pool's own rule
  result: null,         // last successful run
  table: { rows: [], header: [], sort: null, dir: 1, page: 0, filter: '', onlyChanged: false },
  compare: null,
  runs: 0,
  timings: [],
};
const PAGE_ROWS = 200;

function ownParams(ini) {
  const r = ini.rules || {}, my = ini.multiyear || {};
  const v = (o, k) => (o[k] ? o[k].value : '');
  return {
    rule: v(r, 'rule') || 'threshold',
    threshold: parseKr(v(r, 'threshold')) || 0,
    min: parseKr(v(r, 'min_grant')) || 0,
    max: parseKr(v(r, 'max_grant')) || 0,
    rounding: parseKr(v(r, 'rounding')) || 1,
    cap: v(my, 'cap') ? parseInt(v(my, 'cap'), 10) : null,
  };
}

function readControls() {
  return {
    rule: $('c-rule').value,
    threshold: parseKr($('c-threshold').value),
    min: parseKr($('c-min').value) || 0,
    max: parseKr($('c-max').value) || 0,
    rounding: parseInt($('c-rounding').value, 10),
    cap: $('c-cap').value.trim() === '' ? null : parseInt($('c-cap').value, 10),
  };
}

function setControls(p) {
  $('c-rule').value = p.rule;
  $('c-threshold').value = p.threshold ? kr(p.threshold) : '';
  $('c-min').value = p.min ? kr(p.min) : '';
  $('c-max').value = p.max ? kr(p.max) : '';
  const sel = $('c-rounding');
  if (![...sel.options].some((o) => o.value === String(p.rounding)))
    sel.appendChild(el('option', { value: p.rounding }, kr(p.rounding)));
  sel.value = String(p.rounding);
  $('c-cap').value = p.cap === null ? '' : String(p.cap);
  updateThresholdEnabled();
}

function needsThreshold(rule) { return rule === 'threshold' || rule === 'excess'; }

function updateThresholdEnabled() {
  $('c-threshold').disabled = !needsThreshold($('c-rule').value);
}

/* The command line for the parameters p: --rule only when the rule differs. */
function ruleArgs(p) {
  const o = state.own;
  const same = p.rule === o.rule && p.min === o.min && p.max === o.max &&
    (!needsThreshold(p.rule) || p.threshold === o.threshold);
  if (same) return [];
  let spec = p.rule;
  if (needsThreshold(p.rule) && p.threshold !== null) spec += ':' + p.threshold;
  if (p.min) spec += '+min=' + p.min;
  if (p.max) spec += '+max=' + p.max;
  return ['--rule', spec];
}

function langArgs() { return lang === 'en' ? ['--lang', 'en'] : []; }

/* The files for MEMFS: the pool file (edited for cap and rounding when they
 * differ from its own) and every other picked file, under /pulje, the ones
 * the pool file names at the paths it names. */
function memFiles(p) {
  const out = {};
  const pool = state.pool;
  let text = pool.text;
  if (p && p.rounding !== state.own.rounding) text = iniSet(text, 'rules', 'rounding', String(p.rounding));
  if (p && p.cap !== null && p.cap !== state.own.cap) text = iniSet(text, 'multiyear', 'cap', p.cap + ' %');
  const named = new Set();
  for (const e of pool.expects) {
    const f = state.files.get(basename(e.path));
    if (f) { out['/pulje/' + e.path.replace(/^\.?\//, '')] = f.bytes; named.add(f.name); }
  }
  for (const f of state.files.values())
    if (!named.has(f.name) && f.name !== pool.name) out['/pulje/' + f.name] = f.bytes;
  out['/pulje/' + pool.name] = text === pool.text ? pool.bytes : new TextEncoder().encode(text);
  return out;
}

/* ---- files: picking and dropping ----------------------------------------------- */
async function addFiles(list) {
  state.compare = null;
  state.sweep = null;
  clear($('chart'));
  clear($('sweep'));
  for (const f of list) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    state.files.set(f.name, { name: f.name, bytes });
    if (/\.ini$/i.test(f.name)) setPool(f.name, bytes);
  }
  renderFiles();
  if (state.pool && missingFiles().length === 0) runBaseline();
}

function setPool(name, bytes) {
  const text = decodeText(bytes);
  const ini = parseIni(text);
  const p = ini.pool || {};
  const expects = ['applications', 'ledger', 'members']
    .filter((k) => p[k] && p[k].value)
    .map((k) => ({ key: k, path: p[k].value }));
  state.pool = { name, bytes, text, ini, expects };
  state.own = ownParams(ini);
  state.baseline = null;
  setControls(state.own);
}

function missingFiles() {
  if (!state.pool) return [];
  return state.pool.expects.filter((e) => !state.files.has(basename(e.path)));
}

function renderFiles() {
  const box = clear($('file-list'));
  if (!state.pool) {
    box.appendChild(el('p', { class: 'note' }, t('no_pool')));
    for (const f of state.files.values()) box.appendChild(el('div', { class: 'file' }, f.name));
    return;
  }
  box.appendChild(el('div', { class: 'file ok' }, t('pool_file') + ': ', el('b', null, state.pool.name)));
  for (const e of state.pool.expects) {
    const ok = state.files.has(basename(e.path));
    box.appendChild(el('div', { class: 'file ' + (ok ? 'ok' : 'missing'), data: { key: e.key } },
      e.key + ' = ', el('b', null, e.path), ' — ', ok ? t('present') : t('missing')));
  }
  $('run').disabled = missingFiles().length > 0;
}

/* ---- status and progress ------------------------------------------------------- */
let ticker = null;

function busy(on, stage) {
  document.body.dataset.busy = on ? '1' : '0';
  $('cancel').hidden = !on;
  if (on) {
    const t0 = performance.now();
    $('status').textContent = t('stage_' + (stage || 'load'));
    clearInterval(ticker);
    ticker = setInterval(() => {
      $('elapsed').textContent = ((performance.now() - t0) / 1000).toFixed(1) + ' s';
    }, 100);
  } else {
    clearInterval(ticker);
    $('elapsed').textContent = '';
  }
}

function progress(stage) { $('status').textContent = t('stage_' + stage); }

/* ---- the runs -------------------------------------------------------------------- */
let wanted = null, running = false;

async function runBaseline() {
  state.baseline = null;
  setControls(state.own);
  await recompute();
}

function scheduleRecompute() {
  clearTimeout(scheduleRecompute.timer);
  scheduleRecompute.timer = setTimeout(recompute, 150);
}

async function recompute() {
  if (!state.pool || missingFiles().length) return;
  const p = readControls();
  if (needsThreshold(p.rule) && (p.threshold === null || Number.isNaN(p.threshold))) return;
  if (Number.isNaN(p.min) || Number.isNaN(p.max)) return;
  wanted = p;
  if (running) return;
  running = true;
  try {
    while (wanted) {
      const q = wanted;
      wanted = null;
      await runOnce(q);
    }
  } finally {
    running = false;
  }
}

async function runOnce(p) {
  const args = ['run', state.pool.name, '--out', '/out'].concat(ruleArgs(p), langArgs());
  busy(true, 'load');
  const t0 = performance.now();
  let r;
  try {
    r = await runPulje(args, memFiles(p), { progress });
  } catch (e) {
    busy(false);
    $('status').textContent = String(e.message) === 'cancelled' ? t('stage_cancelled') : String(e.message);
    return;
  }
  const ms = performance.now() - t0;
  state.runs++;
  state.timings.push({ args: args.join(' '), ms, run: r.ms.run });
  busy(false);
  document.body.dataset.runs = String(state.runs);
  document.body.dataset.lastArgs = args.join(' ');
  document.body.dataset.lastMs = ms.toFixed(1);
  document.body.dataset.lastLoadMs = r.ms.load.toFixed(1);
  document.body.dataset.lastRunMs = r.ms.run.toFixed(1);
  document.body.dataset.lastRc = String(r.rc);
  $('status').textContent = r.rc === 0 ? t('stage_done') : t('failed', { rc: r.rc });
  $('elapsed').textContent = t('computed_in') + ' ' + Math.round(ms) + ' ' + t('ms');
  renderProblems(r.stderr);
  if (r.rc !== 0) {
    $('results').hidden = true;
    return;
  }
  const res = readResult(r, p);
  if (!state.baseline && ruleArgs(p).length === 0 && p.rounding === state.own.rounding &&
      (p.cap === null || p.cap === state.own.cap))
    state.baseline = new Map(res.grants);
  state.result = res;
  $('results').hidden = false;
  renderSummary(res);
  renderVariant(res);
  prepareTable(res);
  renderTable();
  renderDownloads();
  $('explain-section').hidden = true;
  if (!state.compare && res.n <= 5000) runCompare();
}

function readResult(r, p) {
  const files = r.outFiles;
  const top = Object.keys(files).filter((k) => /^\/out\/[^/]+$/.test(k));
  const find = (re) => top.find((k) => re.test(k));
  const res = {
    params: p, stdout: r.stdout, files: {}, figures: {}, grants: new Map(), n: 0,
  };
  for (const k of top) res.files[basename(k)] = files[k];
  const record = Object.keys(files).find((k) => /\/koersel\.txt$/.test(k));
  if (record)
    for (const line of decodeText(files[record]).split(/\r?\n/)) {
      const m = /^([a-z0-9 -]+): (.*)$/.exec(line);
      if (m) res.figures[m[1]] = m[2];
    }
  res.names = {
    workbook: top.filter((k) => /\.xlsx$/.test(k) && !/-sammenligning\.xlsx$/.test(k)).map(basename)[0],
    decisions: (find(/-(afgoerelser|decisions)\.csv$/) || '').replace('/out/', ''),
    ledger: (find(/-forpligtelser\.csv$/) || find(/-ledger\.csv$/) || '').replace('/out/', ''),
    '360csv': (find(/-360giving\.csv$/) || '').replace('/out/', ''),
    '360json': (find(/-360giving\.json$/) || '').replace('/out/', ''),
  };
  if (res.names.decisions) {
    const rows = parseCsv(decodeText(res.files[res.names.decisions]));
    res.header = rows[0] || [];
    res.rows = rows.slice(1).filter((row) => row.length > 1);
    res.grantCol = 7;
    for (const row of res.rows) res.grants.set(row[0], parseInt(row[res.grantCol], 10) || 0);
    res.n = res.rows.length;
  }
  return res;
}

/* ---- problems ---------------------------------------------------------------------- */
const KIND = /^(error|fejl|warning|advarsel)$/;

function parseProblems(stderr) {
  const out = [];
  for (const line of stderr.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const hint = /^\s+([^\s:]+):\s(.*)$/.exec(line);
    if (hint && out.length && !out[out.length - 1].hint) { out[out.length - 1].hint = hint[2]; continue; }
    let s = line, level = 'error';
    const pre = /^(warning|advarsel|error|fejl):\s+/.exec(s);
    if (pre) { level = /warn|adv/.test(pre[1]) ? 'warning' : 'error'; s = s.slice(pre[0].length); }
    const m = /^(.+?):(\d+)(?::(\d+))?:\s+(.*)$/.exec(s);
    let file = null, ln = 0, col = 0, text = s;
    if (m) { file = m[1]; ln = parseInt(m[2], 10); col = m[3] ? parseInt(m[3], 10) : 0; text = m[4]; }
    const k = /^(\S+):\s+(.*)$/.exec(text);
    if (k && KIND.test(k[1])) { level = /warn|adv/.test(k[1]) ? 'warning' : 'error'; text = k[2]; }
    if (!m) {
      const f = /^([^\s:]+\.(?:ini|csv|xlsx)):\s+(.*)$/.exec(text);
      if (f) { file = f[1]; text = f[2]; }
      const k2 = /^(\S+):\s+(.*)$/.exec(text);
      if (k2 && KIND.test(k2[1])) { level = /warn|adv/.test(k2[1]) ? 'warning' : 'error'; text = k2[2]; }
    }
    out.push({ level, file, line: ln, col, text, hint: null, raw: line });
  }
  return out;
}

/* A picked file's lines, decoded once per set of bytes. */
const linesCache = new WeakMap();
function fileLines(bytes) {
  let l = linesCache.get(bytes);
  if (!l) { l = decodeText(bytes).split(/\r?\n/); linesCache.set(bytes, l); }
  return l;
}

function offendingRow(p) {
  if (!p.file || !p.line) return null;
  const f = state.files.get(basename(p.file)) ||
    (state.pool && basename(p.file) === state.pool.name ? { name: state.pool.name, bytes: state.pool.bytes } : null);
  if (!f) return null;
  if (/\.xlsx$/i.test(f.name)) return el('div', { class: 'row-note' }, t('xlsx_row', { n: p.line }));
  const lines = fileLines(f.bytes);
  const text = lines[p.line - 1];
  if (text === undefined) return null;
  if (/\.csv$/i.test(f.name)) {
    const cells = parseCsv(text + '\n')[0] || [];
    const head = parseCsv((lines[0] || '') + '\n')[0] || [];
    /* the first three columns (number, CVR, name) and those around the bad one */
    const n = Math.max(cells.length, head.length);
    const keep = [];
    for (let i = 0; i < n; i++)
      if (i < 3 || !p.col || (i >= p.col - 3 && i <= p.col + 1)) keep.push(i);
    const row = (cellTag, vals, first) => {
      const tr = el('tr', null, el('th', null, first));
      keep.forEach((i, j) => {
        if (j > 0 && i !== keep[j - 1] + 1) tr.appendChild(el(cellTag, { class: 'gap' }, '…'));
        tr.appendChild(el(cellTag, { class: i + 1 === p.col ? 'bad' : null }, vals[i] === undefined ? '' : vals[i]));
      });
      return tr;
    };
    const table = el('table', { class: 'badrow' });
    if (p.line > 1) table.appendChild(row('th', head, ''));
    table.appendChild(row('td', cells, String(p.line)));
    return el('div', { class: 'scroll' }, table);
  }
  const c = Math.max(0, p.col - 1);
  return el('pre', { class: 'badline' }, el('span', { class: 'ln' }, p.line + ': '),
    text.slice(0, c), el('mark', null, text.slice(c, c + 1) || ' '), text.slice(c + 1));
}

const MAX_PROBLEMS = 200;

function renderProblems(stderr) {
  const list = parseProblems(stderr || '');
  const box = clear($('problems'));
  $('problems-section').dataset.count = String(list.length);
  if (!list.length) { box.appendChild(el('p', { class: 'note' }, t('no_problems'))); return; }
  /* errors first; at most MAX_PROBLEMS shown (a large pool can have thousands of warnings) */
  list.sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  const shown = list.slice(0, MAX_PROBLEMS);
  if (list.length > shown.length)
    box.appendChild(el('li', { class: 'note' }, t('more_problems', { total: list.length, shown: shown.length })));
  for (const p of shown) {
    const where = p.file ? p.file + (p.line ? ':' + p.line + (p.col ? ':' + p.col : '') : '') : '';
    const li = el('li', { class: 'problem ' + p.level, data: { where } },
      el('span', { class: 'kind' }, t(p.level)), ' ',
      where ? el('code', { class: 'where' }, where) : null, where ? ' ' : null,
      el('span', { class: 'msg' }, p.text));
    if (p.hint) li.appendChild(el('div', { class: 'hint' }, t('hint') + ': ' + p.hint));
    const row = offendingRow(p);
    if (row) li.appendChild(row);
    box.appendChild(li);
  }
}

/* ---- summary ------------------------------------------------------------------------ */
function renderSummary(res) {
  const box = clear($('summary'));
  const lines = res.stdout.split(/\r?\n/);
  const title = lines.find((l) => l.trim() && !/^\s/.test(l));
  if (title) box.appendChild(el('h3', null, title));
  const table = el('table', { class: 'figures' });
  for (const l of lines) {
    const m = /^\s{2}(\S.*?)\s{2,}(\S.*?)\s*$/.exec(l);
    if (!m || /^(sha256|Skrev|Wrote)\b/.test(m[1])) continue;
    table.appendChild(el('tr', null, el('th', null, m[1]), el('td', null, m[2])));
  }
  box.appendChild(table);
  const f = res.figures;
  for (const k of ['available', 'granted', 'residual', 'applications', 'reduced', 'refused'])
    if (f[k] !== undefined) box.dataset[k] = f[k];
}

function renderVariant(res) {
  const box = clear($('variant'));
  const diffs = diffMap(res);
  if (!diffs) { box.appendChild(el('span', null, t('own_rule'))); return; }
  let more = 0, less = 0, same = 0;
  for (const d of diffs.values()) { if (d > 0) more++; else if (d < 0) less++; else same++; }
  box.appendChild(el('span', null, t('variant') + ' ' + more + ' ' + t('more') + ', ' + less + ' ' +
    t('less') + ', ' + same + ' ' + t('same') + '.'));
}

function diffMap(res) {
  if (!state.baseline) return null;
  let any = false;
  const d = new Map();
  for (const [nr, g] of res.grants) {
    const b = state.baseline.has(nr) ? state.baseline.get(nr) : 0;
    d.set(nr, g - b);
    if (g !== b) any = true;
  }
  const p = res.params, o = state.own;
  const isOwn = ruleArgs(p).length === 0 && p.rounding === o.rounding && (p.cap === null || p.cap === o.cap);
  return isOwn && !any ? null : d;
}

/* ---- Bilag 1 ----------------------------------------------------------------------- */
function prepareTable(res) {
  const tb = state.table;
  const diffs = diffMap(res);
  tb.header = res.header.slice();
  tb.hasDiff = !!diffs;
  if (diffs) tb.header.push(t('diff'));
  tb.rows = res.rows.map((r) => (diffs ? r.concat([String(diffs.get(r[0]) || 0)]) : r.slice()));
  tb.numeric = tb.header.map((h, i) => i > 1 && tb.rows.length > 0 &&
    tb.rows.every((r) => r[i] === undefined || r[i] === '' || /^-?\d+$/.test(r[i])));
  if (tb.sort !== null && tb.sort >= tb.header.length) tb.sort = null;
  tb.page = 0;
}

function visibleRows() {
  const tb = state.table;
  const f = tb.filter.toLowerCase();
  let rows = tb.rows;
  if (f) rows = rows.filter((r) => r.some((c) => c.toLowerCase().includes(f)));
  if (tb.onlyChanged && tb.hasDiff) rows = rows.filter((r) => r[r.length - 1] !== '0');
  if (tb.sort !== null) {
    const i = tb.sort, num = tb.numeric[i] || i === 0, dir = tb.dir;
    rows = rows.slice().sort((a, b) => {
      const x = a[i] || '', y = b[i] || '';
      const c = num ? (parseInt(x, 10) || 0) - (parseInt(y, 10) || 0) : x.localeCompare(y, 'da');
      return c * dir;
    });
  }
  return rows;
}

function renderTable() {
  const tb = state.table;
  const rows = visibleRows();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  if (tb.page >= pages) tb.page = pages - 1;
  const shown = rows.slice(tb.page * PAGE_ROWS, (tb.page + 1) * PAGE_ROWS);
  const table = el('table', { id: 'bilag1', class: 'bilag' });
  const thead = el('tr');
  tb.header.forEach((h, i) => {
    const arrow = tb.sort === i ? (tb.dir > 0 ? ' ▲' : ' ▼') : '';
    thead.appendChild(el('th', {
      class: tb.numeric[i] ? 'num' : null, data: { col: i }, title: h,
      onclick: () => { if (tb.sort === i) tb.dir = -tb.dir; else { tb.sort = i; tb.dir = 1; } renderTable(); },
    }, h + arrow));
  });
  table.appendChild(el('thead', null, thead));
  const body = el('tbody');
  const last = tb.header.length - 1;
  for (const r of shown) {
    const tr = el('tr', { data: { nr: r[0] }, onclick: () => explain(r[0]) });
    r.forEach((c, i) => {
      const isDiff = tb.hasDiff && i === last;
      const txt = tb.numeric[i] && c !== '' ? (isDiff && +c > 0 ? '+' : '') + kr(parseInt(c, 10)) : c;
      tr.appendChild(el('td', {
        class: (tb.numeric[i] ? 'num' : '') + (isDiff && c !== '0' ? (+c > 0 ? ' up' : ' down') : ''),
      }, txt));
    });
    body.appendChild(tr);
  }
  table.appendChild(body);
  const wrap = clear($('table'));
  wrap.appendChild(el('div', { class: 'scroll' }, table));
  const pager = clear($('pager'));
  pager.appendChild(el('span', { id: 'rowcount' }, t('rows', { shown: rows.length, total: tb.rows.length })));
  if (pages > 1) {
    pager.appendChild(el('button', { disabled: tb.page === 0, onclick: () => { tb.page--; renderTable(); } }, t('prev')));
    pager.appendChild(el('span', null, ' ' + (tb.page + 1) + ' / ' + pages + ' '));
    pager.appendChild(el('button', { disabled: tb.page >= pages - 1, onclick: () => { tb.page++; renderTable(); } }, t('next')));
  }
}

/* ---- explain ---------------------------------------------------------------------------- */
async function explain(nr) {
  const p = state.result ? state.result.params : readControls();
  const args = ['explain', String(nr), state.pool.name].concat(ruleArgs(p), langArgs());
  for (const tr of document.querySelectorAll('#bilag1 tr.sel')) tr.classList.remove('sel');
  for (const tr of document.querySelectorAll('#bilag1 tr')) if (tr.dataset.nr === String(nr)) tr.classList.add('sel');
  busy(true, 'load');
  let r;
  try {
    r = await runPulje(args, memFiles(p), { progress, collect: null });
  } catch (e) {
    busy(false);
    return;
  }
  busy(false);
  $('status').textContent = t('stage_done');
  const box = clear($('explain'));
  box.dataset.nr = String(nr);
  const lines = r.stdout.split(/\r?\n/);
  const pre = el('pre', { class: 'explain' });
  for (const l of lines) {
    const step = /^\s{2}\d+\./.test(l);
    pre.appendChild(step ? el('b', null, l) : document.createTextNode(l));
    pre.appendChild(document.createTextNode('\n'));
  }
  box.appendChild(pre);
  $('explain-section').hidden = false;
}

/* ---- compare and its chart ------------------------------------------------------------------ */
const METRICS = [
  ['m_granted', 1, 'kr'], ['m_residual', 2, 'kr'], ['m_reduced', 3, 'n'], ['m_refused', 4, 'n'],
  ['m_max', 5, 'pct'], ['m_median', 6, 'pct'], ['m_gini', 7, 'dec'], ['m_breaks', 8, 'n'],
];

async function runCompare() {
  const p = readControls();
  const args = ['compare', state.pool.name, '--out', '/out'].concat(langArgs());
  busy(true, 'load');
  let r;
  try {
    r = await runPulje(args, memFiles(p), { progress });
  } catch (e) {
    busy(false);
    return;
  }
  busy(false);
  $('status').textContent = t('stage_done');
  if (r.rc !== 0) { renderProblems(r.stderr); return; }
  const rows = [];
  let inTable = false;
  for (const l of r.stdout.split(/\r?\n/)) {
    if (!inTable) { if (/^\s{2}\S/.test(l) && /Gini/.test(l)) inTable = true; continue; }
    const cells = l.trim().split(/\s{2,}/);
    if (cells.length < 9) break;
    rows.push(cells);
  }
  const wb = Object.keys(r.outFiles).find((k) => /\.xlsx$/.test(k) && /^\/out\/[^/]+$/.test(k));
  state.compare = { rows, lang, file: wb ? basename(wb) : null, bytes: wb ? r.outFiles[wb] : null };
  renderChart();
  renderDownloads();
}

/* A figure of compare's table, written in the language it ran in:
 * "3.257.050" and "0,6452" in Danish, "3,257,050" and "0.6452" in English. */
function metricValue(s, kind, inLang) {
  const group = inLang === 'en' ? /,/g : /\./g;
  s = s.replace(/[%\s]/g, '').replace(/^DKK/, '').replace(group, '');
  if (kind === 'kr' || kind === 'n') return parseInt(s, 10) || 0;
  return parseFloat(inLang === 'en' ? s : s.replace(',', '.')) || 0;
}

function renderChart() {
  const box = clear($('chart'));
  const c = state.compare;
  if (!c || !c.rows.length) return;
  const sel = $('c-metric');
  const m = METRICS[parseInt(sel.value, 10) || 0];
  const vals = c.rows.map((r) => metricValue(r[m[1]], m[2], c.lang));
  const lo = 0;
  const hi = Math.max(...vals, lo + 1);
  const NS = 'http://www.w3.org/2000/svg';
  const W = 640, rowH = 26, left = 150, right = 110, H = c.rows.length * rowH + 10;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  svg.setAttribute('width', W);
  svg.setAttribute('height', H);
  svg.setAttribute('role', 'img');
  svg.setAttribute('id', 'compare-svg');
  const mk = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    svg.appendChild(e);
    return e;
  };
  c.rows.forEach((r, i) => {
    const y = 5 + i * rowH;
    const w = Math.max(1, ((vals[i] - lo) / (hi - lo)) * (W - left - right));
    mk('text', { x: left - 6, y: y + 17, 'text-anchor': 'end', class: 'lbl' }, r[0]);
    mk('rect', { x: left, y: y + 4, width: w.toFixed(1), height: rowH - 8, class: i === 0 ? 'bar base' : 'bar' });
    mk('text', { x: left + w + 5, y: y + 17, class: 'val' }, r[m[1]]);
  });
  box.appendChild(svg);
}

/* ---- the threshold sweep: one run per threshold, its run record read ---------- */
async function runSweep() {
  const p = readControls();
  const xs = [];
  for (let x = 0; x <= 150000; x += 10000) xs.push(x);
  const points = [];
  busy(true, 'load');
  try {
    for (let i = 0; i < xs.length; i++) {
      const q = Object.assign({}, p, { rule: 'threshold', threshold: xs[i] });
      let spec = 'threshold:' + xs[i];
      if (q.min) spec += '+min=' + q.min;
      if (q.max) spec += '+max=' + q.max;
      const args = ['run', state.pool.name, '--out', '/out', '-q', '--rule', spec].concat(langArgs());
      const stage = t('sweep_step', { x: kr(xs[i]), i: i + 1, n: xs.length });
      $('status').textContent = stage;
      const r = await runPulje(args, memFiles(q), { keep: 'koersel\\.txt$', progress: () => {} });
      if (r.rc !== 0) { renderProblems(r.stderr); break; }
      const rec = Object.keys(r.outFiles)[0];
      const f = {};
      for (const line of decodeText(r.outFiles[rec]).split(/\r?\n/)) {
        const m = /^([a-z]+): (-?\d+)$/.exec(line);
        if (m) f[m[1]] = parseInt(m[2], 10);
      }
      points.push({ x: xs[i], reduced: f.reduced, residual: f.residual });
    }
  } catch (e) {
    busy(false);
    $('status').textContent = String(e.message);
    return;
  }
  busy(false);
  $('status').textContent = t('stage_done');
  state.sweep = points;
  renderSweep();
}

function lineChart(points, key, title, mark) {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 380, H = 200, L = 62, R = 12, TOP = 24, B = 34;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  svg.setAttribute('width', W);
  svg.setAttribute('height', H);
  svg.setAttribute('class', 'sweep');
  const mk = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    svg.appendChild(e);
    return e;
  };
  const xmax = points[points.length - 1].x || 1;
  const ymax = Math.max(1, ...points.map((q) => q[key]));
  const X = (x) => L + (x / xmax) * (W - L - R);
  const Y = (y) => TOP + (1 - y / ymax) * (H - TOP - B);
  mk('text', { x: L, y: 14, class: 'ttl' }, title);
  mk('line', { x1: L, y1: Y(0), x2: W - R, y2: Y(0), class: 'axis' });
  mk('line', { x1: L, y1: TOP, x2: L, y2: Y(0), class: 'axis' });
  mk('text', { x: L - 4, y: Y(ymax) + 4, 'text-anchor': 'end' }, kr(ymax));
  mk('text', { x: L - 4, y: Y(0) + 4, 'text-anchor': 'end' }, '0');
  for (const x of [0, xmax / 2, xmax])
    mk('text', { x: X(x), y: H - B + 14, 'text-anchor': x === xmax ? 'end' : 'middle' }, kr(x));
  mk('text', { x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle' }, t('sweep_x'));
  if (mark !== null && mark <= xmax)
    mk('line', { x1: X(mark), y1: TOP, x2: X(mark), y2: Y(0), class: 'mark' });
  mk('polyline', { points: points.map((q) => X(q.x).toFixed(1) + ',' + Y(q[key]).toFixed(1)).join(' '), class: 'line' });
  for (const q of points) {
    const c = mk('circle', { cx: X(q.x).toFixed(1), cy: Y(q[key]).toFixed(1), r: 3, class: 'dot' });
    const tip = document.createElementNS(NS, 'title');
    tip.textContent = (lang === 'en' ? 'DKK ' + kr(q.x) : kr(q.x) + ' kr.') + ': ' + kr(q[key]);
    c.appendChild(tip);
  }
  return svg;
}

function renderSweep() {
  const box = clear($('sweep'));
  if (!state.sweep || !state.sweep.length) return;
  const mark = needsThreshold(state.own.rule) ? state.own.threshold : null;
  box.appendChild(lineChart(state.sweep, 'reduced', t('sweep_reduced'), mark));
  box.appendChild(lineChart(state.sweep, 'residual', t('sweep_residual'), mark));
}

/* ---- downloads ------------------------------------------------------------------------------ */
function download(name, bytes) {
  const type = /\.xlsx$/.test(name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : /\.json$/.test(name) ? 'application/json' : 'text/csv';
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = el('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function renderDownloads() {
  const box = clear($('downloads'));
  const res = state.result;
  const add = (key, name, bytes) => {
    if (!name || !bytes) return;
    box.appendChild(el('li', null, el('button', { class: 'dl', data: { kind: key, file: name },
      onclick: () => download(name, bytes) }, t('dl_' + key)), ' ', el('code', null, name)));
  };
  if (res) {
    add('workbook', res.names.workbook, res.files[res.names.workbook]);
    add('decisions', res.names.decisions, res.files[res.names.decisions]);
    add('ledger', res.names.ledger, res.files[res.names.ledger]);
    add('360csv', res.names['360csv'], res.files[res.names['360csv']]);
    add('360json', res.names['360json'], res.files[res.names['360json']]);
  }
  if (state.compare) add('comparison', state.compare.file, state.compare.bytes);
}

/* ---- language ---------------------------------------------------------------------------------- */
function applyLanguage() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = t(e.dataset.t);
  for (const o of $('c-rule').options) o.textContent = t('r_' + o.value);
  const sel = $('c-metric');
  const v = sel.value;
  clear(sel);
  METRICS.forEach((m, i) => sel.appendChild(el('option', { value: i }, t(m[0]))));
  sel.value = v || '4';
  renderFiles();
  renderSweep();
}

/* ---- wiring -------------------------------------------------------------------------------------- */
function init() {
  applyLanguage();
  $('files').addEventListener('change', (ev) => { addFiles([...ev.target.files]); ev.target.value = ''; });
  /* a file dropped anywhere is picked, never opened in place of the page */
  document.addEventListener('dragover', (ev) => ev.preventDefault());
  document.addEventListener('drop', (ev) => {
    ev.preventDefault();
    if (ev.dataTransfer && ev.dataTransfer.files.length) addFiles([...ev.dataTransfer.files]);
  });
  const dz = $('dropzone');
  dz.addEventListener('dragover', (ev) => { ev.preventDefault(); dz.classList.add('over'); });
  dz.addEventListener('dragleave', () => dz.classList.remove('over'));
  dz.addEventListener('drop', () => dz.classList.remove('over'));
  $('run').addEventListener('click', () => { state.compare = null; runBaseline(); });
  $('cancel').addEventListener('click', () => { wanted = null; cancelPulje(); });
  $('lang').addEventListener('click', () => {
    lang = lang === 'da' ? 'en' : 'da';
    applyLanguage();
    state.compare = null;
    if (state.result) recompute();
  });
  for (const id of ['c-rule', 'c-threshold', 'c-min', 'c-max', 'c-rounding', 'c-cap'])
    $(id).addEventListener(id === 'c-rule' || id === 'c-rounding' ? 'change' : 'input', () => {
      updateThresholdEnabled();
      scheduleRecompute();
    });
  $('reset').addEventListener('click', () => { setControls(state.own); recompute(); });
  $('t-filter').addEventListener('input', (ev) => { state.table.filter = ev.target.value; state.table.page = 0; renderTable(); });
  $('t-changed').addEventListener('change', (ev) => { state.table.onlyChanged = ev.target.checked; state.table.page = 0; renderTable(); });
  $('c-metric').addEventListener('change', renderChart);
  $('compare-run').addEventListener('click', runCompare);
  $('sweep-run').addEventListener('click', runSweep);
  $('explain-close').addEventListener('click', () => { $('explain-section').hidden = true; });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') $('explain-section').hidden = true; });
  document.body.dataset.busy = '0';
  document.body.dataset.runs = '0';
  if (typeof Worker === 'undefined') { runner.noWorker = true; $('status').textContent = t('no_worker'); }
}

window.runPulje = runPulje;
window.pulje = { state, runner, runPulje, cancelPulje, parseProblems, parseCsv, iniSet };
document.addEventListener('DOMContentLoaded', init);
