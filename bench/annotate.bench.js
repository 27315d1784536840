// `thidua check --annotate` (the copy written by patching the package, src/xlsx/patch) at 10,000
// candidate rows, beside `check --json` on the same file and an exceljs load + write (how the copy
// was made before); and on a small workbook with twelve whole-column validation lists against the
// same workbook without them (exceljs took 11 s / 404 MB for one such list and never finished twelve).
// Run after `npm run build:node` (`npm run bench` does it).
// Each measurement is its own child process (lib/child.js: peak RSS = that run's maxRSS, wall time
// with Node's start-up; median of BENCH_RUNS runs); the generated workbook is check.bench.js's
// (lib/workbooks.js). BENCH_ROWS (default 10,000) for a quick try.
// Targets: --annotate at 10,000 rows ≤ 300 MB peak; twelve whole-column lists as fast as none.
'use strict';
const fs = require('fs');
const path = require('path');
const PizZip = require('pizzip');
const { measure: measureRuns } = require('./lib/child');
const { makeWorkbook, requireExcelJS, OUT } = require('./lib/workbooks');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'thidua.js');
const SAMPLE = path.join(ROOT, 'templates', 'mau-theo-doi-thi-dua-cchc.xlsx');
const GENERATOR = 'v1';
const ROWS = Number(process.env.BENCH_ROWS || 10000);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TARGET_RSS_MB = 300;

/** The sample workbook with `n` whole-column validation lists (D6:D1048576, E6:E1048576…) on its people sheet. */
function withWholeColumnLists(n) {
  const file = path.join(OUT, `annotate-lists-${n}-${GENERATOR}.xlsx`);
  if (fs.existsSync(file)) return file;
  const zip = new PizZip(fs.readFileSync(SAMPLE));
  const wbXml = zip.file('xl/workbook.xml').asText();
  const rels = zip.file('xl/_rels/workbook.xml.rels').asText();
  const rid = /<sheet [^>]*name="Cá nhân"[^>]*r:id="([^"]+)"/.exec(wbXml)[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const t = target[1] || target[2];
  const part = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
  let xml = zip.file(part).asText();
  if (n) {
    const cols = 'DEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, n).split('');
    const dv = `<dataValidations count="${n}">${cols.map((c) => `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${c}6:${c}1048576"><formula1>"Có,Không"</formula1></dataValidation>`).join('')}</dataValidations>`;
    const at = xml.search(/<(hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|drawing|legacyDrawing|tableParts|extLst)\b/);
    xml = at < 0 ? xml.replace('</worksheet>', `${dv}</worksheet>`) : xml.slice(0, at) + dv + xml.slice(at);
  }
  zip.file(part, xml);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(file, zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

// ---------------------------------------------------------------- children

/** Child: exceljs load + write of the same workbook (how the copy was made before the patching writer). */
async function excelJsRoundTrip(file, out) {
  const ExcelJS = requireExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await wb.xlsx.writeFile(out);
}

// ---------------------------------------------------------------- parent

const measure = (args) => measureRuns(args, RUNS);
const f0 = (x) => Math.round(x).toLocaleString('en-US');
const f2 = (x) => x.toFixed(2);

async function parent() {
  if (!fs.existsSync(path.join(ROOT, 'build', 'src', 'cli', 'main.js'))) throw new Error('build first: npm run build:node');
  const lines = ['## `thidua check --annotate`: the copy written by patching the package', ''];
  lines.push(`Wall time of a fresh \`node\` process (start-up included), median of ${RUNS}; peak RSS is the process's maxRSS (highest of the runs).`, '');
  const file = await makeWorkbook(ROWS);
  const out = path.join(OUT, 'annotate-copy.xlsx');
  const json = measure([BIN, 'check', file, '--json']);
  const annotate = measure([BIN, 'check', file, '--json', '--annotate', out]);
  const exceljs = measure([__filename, '--exceljs-round-trip', file, path.join(OUT, 'annotate-exceljs.xlsx')]);
  lines.push(`| ${ROWS.toLocaleString('en-US')} candidate rows (${f0(fs.statSync(file).size / 1024)} KB) | wall (ms) | peak RSS (MB) |`, '|---|---:|---:|');
  lines.push(`| \`check --json\` | ${f0(json.ms)} | ${f0(json.maxRssMb)} |`);
  lines.push(`| \`check --json --annotate\` (target ≤ ${TARGET_RSS_MB} MB) | ${f0(annotate.ms)} | ${f0(annotate.maxRssMb)} |`);
  lines.push(`| exceljs load + write of the same file (the copy before) | ${f0(exceljs.ms)} | ${f0(exceljs.maxRssMb)} |`, '');
  const none = withWholeColumnLists(0);
  const twelve = withWholeColumnLists(12);
  const a0 = measure([BIN, 'check', none, '--annotate', path.join(OUT, 'annotate-lists-0-copy.xlsx')]);
  const a12 = measure([BIN, 'check', twelve, '--annotate', path.join(OUT, 'annotate-lists-12-copy.xlsx')]);
  lines.push('| the sample workbook | `check --annotate` (ms) | peak RSS (MB) |', '|---|---:|---:|');
  lines.push(`| no validation list | ${f0(a0.ms)} | ${f0(a0.maxRssMb)} |`);
  lines.push(`| twelve whole-column lists (D6:D1048576 …) | ${f0(a12.ms)} | ${f0(a12.maxRssMb)} |`);
  lines.push(`| ratio (target ≈ 1) | ${f2(a12.ms / a0.ms)} | ${f2(a12.maxRssMb / a0.maxRssMb)} |`, '');
  const ok = annotate.maxRssMb <= TARGET_RSS_MB && a12.ms / a0.ms <= 1.25;
  lines.push(ok ? 'Targets met.' : '**A target is missed.**');
  process.stdout.write(`${lines.join('\n')}\n`);
}

const [mode, a, b] = process.argv.slice(2);
(mode === '--exceljs-round-trip' ? excelJsRoundTrip(a, b) : parent()).catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
