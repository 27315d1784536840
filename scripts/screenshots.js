#!/usr/bin/env node
/**
 * npm run screenshots -- --out <dir> [--engine chromium|webkit] [--lang vi|en] [--width 320|450]
 *
 * Every state of the task pane (start, each tab, check with problems, review, failing filter,
 * annotate, clear, dossier form, blanks question, dossier done, Mac save page, settings, error) at
 * 320 and 450 px, in Vietnamese and English, as PNGs in <dir>/<lang>-<width>/, plus <dir>/a11y.json
 * (the axe-core violations per state). Headless Chromium (/usr/bin/chromium or CHROMIUM_PATH), or
 * with --engine webkit WebKit, the engine of Excel for Mac and iPad (WebKitGTK's MiniBrowser under
 * Xvfb: apt-get install webkit2gtk-driver xvfb), over the strict Excel test host with the sample
 * workbook: anyone can look at the pane without Excel.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

// The browser-test helpers are TypeScript: compile them on the fly (no extra dependency).
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true }, fileName: filename });
  module._compile(outputText, filename);
};

function args(argv) {
  const out = { out: null, engine: 'chromium', langs: ['vi', 'en'], widths: [320, 450] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out.out = argv[++i];
    else if (a === '--engine') out.engine = argv[++i];
    else if (a === '--lang') out.langs = [argv[++i]];
    else if (a === '--width') out.widths = [Number(argv[++i])];
    else if (a === '--help' || a === '-h') out.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

async function main() {
  const opts = args(process.argv.slice(2));
  if (opts.help || !opts.out) {
    console.log('usage: npm run screenshots -- --out <dir> [--engine chromium|webkit] [--lang vi|en] [--width <px>]');
    process.exit(opts.help ? 0 : 2);
  }
  if (opts.engine !== 'chromium' && opts.engine !== 'webkit') throw new Error(`unknown engine ${opts.engine} (chromium or webkit)`);
  const out = path.resolve(opts.out);
  const build = require('../test/browser/support/build.ts');
  const { loadSampleGrid } = require('../test/browser/support/sample.ts');
  const { captureStates, seriousViolations } = require('../test/browser/support/screens.ts');
  console.log('Building the task pane and the test host (skipped when up to date)…');
  build.ensureProductionBuild();
  build.ensureHostBundle();
  const grid = await loadSampleGrid();
  console.log(`Engine: ${opts.engine}`);
  const results = await captureStates({
    engine: opts.engine,
    grid,
    langs: opts.langs,
    widths: opts.widths,
    out,
    onState: (r) => console.log(`${r.engine} ${r.lang}-${r.width} ${r.state}: ${r.violations.length} axe violation(s)${r.violations.length ? ` (${r.violations.map((v) => `${v.id}/${v.impact}`).join(', ')})` : ''}`),
  });
  const report = results.map((r) => ({ engine: r.engine, state: r.state, lang: r.lang, width: r.width, png: r.png && path.relative(out, r.png), violations: r.violations }));
  fs.writeFileSync(path.join(out, 'a11y.json'), `${JSON.stringify(report, null, 2)}\n`);
  const serious = seriousViolations(results);
  console.log(`${opts.engine}: ${results.length} states, ${serious.length} serious or critical violation(s). PNGs and a11y.json in ${out}`);
  for (const s of serious) console.log(`  ${s}`);
  process.exit(serious.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
