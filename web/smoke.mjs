// web/smoke.mjs - build/web/pulje.js under node against the native build/pulje:
// the same commands on the default pool, every output file and stdout compared byte for byte.
//   node --no-experimental-fetch web/smoke.mjs   (make web-smoke)
import { readFileSync, readdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const createPulje = require('../build/web/pulje.js');
const native = './build/pulje';
const env = process.env;

let out = '', err = '';
const M = await createPulje({ print: (s) => { out += s + '\n'; }, printErr: (s) => { err += s + '\n'; } });
M.FS.mkdir('/work'); M.FS.mkdir('/work/inputs');
for (const f of readdirSync('inputs')) {
  if (statSync(join('inputs', f)).isFile()) M.FS.writeFile('/work/inputs/' + f, readFileSync(join('inputs', f)));
}
M.FS.chdir('/work');

function wasm(args) {
  out = ''; err = '';
  let rc;
  try { rc = M.callMain(args); } catch (e) { rc = e && e.status !== undefined ? e.status : (() => { throw e; })(); }
  return { rc, out, err };
}
function nat(args) {
  try { return { rc: 0, out: execFileSync(native, args, { env, encoding: 'utf8' }) }; }
  catch (e) { return { rc: e.status, out: e.stdout }; }
}
let fails = 0;
function same(what, a, b) {
  if (a === b) { console.log(`same  ${what}`); return; }
  fails++; console.log(`DIFF  ${what}`);
}
function listWasm(dir, pre = '') {
  let r = [];
  for (const f of M.FS.readdir(dir)) {
    if (f === '.' || f === '..') continue;
    const p = dir + '/' + f;
    if (M.FS.isDir(M.FS.stat(p).mode)) r = r.concat(listWasm(p, pre + f + '/')); else r.push(pre + f);
  }
  return r.sort();
}
function listNat(dir, pre = '') {
  let r = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) r = r.concat(listNat(p, pre + f + '/')); else r.push(pre + f);
  }
  return r.sort();
}

const pool = 'inputs/pulje-2023.ini';
const t0 = performance.now();
const w = wasm(['run', pool, '--out', '/out']);
const ms = performance.now() - t0;
const nd = mkdtempSync(join(tmpdir(), 'pulje-smoke-'));
const n = nat(['run', pool, '--out', nd]);
same(`run: exit status ${w.rc}/${n.rc}`, w.rc, n.rc);
const wf = listWasm('/out'), nf = listNat(nd);
same(`run: file names (${wf.length}) ${wf.join(' ')}`, wf.join(' '), nf.join(' '));
for (const f of nf) {
  if (!wf.includes(f)) continue;
  let a = Buffer.from(M.FS.readFile('/out/' + f)), b = readFileSync(join(nd, f));
  if (f.endsWith('/koersel.txt')) {
    // the run record holds the clock time and the command line (with the output folder): those two lines aside
    const strip = (x) => Buffer.from(x.toString('utf8').replace(/^(time|command): .*\n/gm, ''));
    a = strip(a); b = strip(b);
    same(`run: ${f} (${b.length} bytes without its time: and command: lines)`, Buffer.compare(a, b), 0);
    continue;
  }
  same(`run: ${f} (${b.length} bytes)`, Buffer.compare(a, b), 0);
}
same('run: stdout', w.out.replaceAll('/out', 'OUT'), n.out.replaceAll(nd, 'OUT'));
rmSync(nd, { recursive: true });
for (const args of [['explain', '8', pool], ['check', pool], ['run', pool, '--rule', 'threshold:75000', '--out', '/out2']]) {
  const a = wasm(args);
  const d = args.includes('--out') ? mkdtempSync(join(tmpdir(), 'pulje-smoke-')) : null;
  const nargs = d ? args.map((x) => (x === '/out2' ? d : x)) : args;
  const b = nat(nargs);
  same(`${args.join(' ')}: exit ${a.rc}/${b.rc}, stdout ${a.out.length}/${(b.out || '').length} chars`,
       a.out.replaceAll('/out2', 'OUT') + a.rc, (b.out || '').replaceAll(d || '\0', 'OUT') + b.rc);
  if (d) rmSync(d, { recursive: true });
}
console.log(`wasm run of ${pool}: ${ms.toFixed(0)} ms`);
if (fails) { console.log(`${fails} difference(s)`); process.exit(1); }
console.log('web-smoke: all the same');
