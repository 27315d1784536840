/**
 * The code's shape, checked on the sources' imports: the product (src/) never loads exceljs, saxes
 * or any other devDependency (only tests, the simulator and the benches use them); the adapters reach the core only
 * through its one door, src/core/index.ts, or a module of the pure dossier (src/core/dossier/*).
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '../../src');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourcesUnder(p);
    return /\.(ts|js)$/.test(d.name) ? [p] : [];
  });
}

/** Every module a source names: `from '…'`, `import('…')`, `require('…')`, `import '…'`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) out.push(m[1]);
  return out;
}

const sources = sourcesUnder(SRC);

test('the sources are found (the check below looks at something)', () => {
  expect(sources.length).toBeGreaterThan(50);
  expect(importsOf(path.join(SRC, 'xlsx/read.ts'))).toEqual(expect.arrayContaining(['fs', '../core', './package']));
});

test('nothing under src/ imports exceljs', () => {
  const offenders = sources.filter((f) => importsOf(f).some((m) => m === 'exceljs' || m.startsWith('exceljs/'))).map((f) => path.relative(SRC, f));
  expect(offenders).toEqual([]);
});

test('nothing under src/ imports any devDependency (saxes, exceljs…: the product runs on its dependencies alone)', () => {
  const dev = Object.keys((JSON.parse(readFileSync(path.join(SRC, '../package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies);
  expect(dev).toEqual(expect.arrayContaining(['exceljs', 'saxes']));
  const packageOf = (m: string) => m.split('/').slice(0, m.startsWith('@') ? 2 : 1).join('/');
  const offenders = sources.flatMap((f) => importsOf(f).filter((m) => dev.includes(packageOf(m))).map((m) => `${path.relative(SRC, f)} → ${m}`));
  expect(offenders).toEqual([]);
});

// The dossier's pure modules (src/core/dossier) are each a door of their own: the pane's first bundle
// takes the form's dates and facts without the model and wording it loads on demand.
test('the adapters import the core only through its door (src/core/index.ts) or a dossier module', () => {
  const core = path.join(SRC, 'core');
  const dossier = path.join(core, 'dossier');
  const offenders: string[] = [];
  for (const f of sources) {
    if (f.startsWith(core + path.sep)) continue; // the core's own modules import each other
    for (const m of importsOf(f)) {
      if (!m.startsWith('.')) continue;
      const target = path.resolve(path.dirname(f), m);
      if (target.startsWith(core + path.sep) && target !== path.join(core, 'index') && path.dirname(target) !== dossier) offenders.push(`${path.relative(SRC, f)} → ${m}`);
    }
  }
  expect(offenders).toEqual([]);
});

test('the ribbon, the save page and the shared UI never import a task-pane view', () => {
  const views = path.join(SRC, 'taskpane', 'views');
  const offenders = sources
    .filter((f) => ['commands', 'save', 'ui'].some((d) => f.startsWith(path.join(SRC, d) + path.sep)))
    .flatMap((f) => importsOf(f).filter((m) => m.startsWith('.') && path.resolve(path.dirname(f), m).startsWith(views + path.sep)).map((m) => `${path.relative(SRC, f)} → ${m}`));
  expect(offenders).toEqual([]);
});

// The xlsx layer makes bytes; writing them (safely, never over the input) is the command line's.
test('the xlsx layer never imports the command line', () => {
  const xlsx = path.join(SRC, 'xlsx');
  const cli = path.join(SRC, 'cli');
  const offenders = sources
    .filter((f) => f.startsWith(xlsx + path.sep))
    .flatMap((f) => importsOf(f).filter((m) => m.startsWith('.') && path.resolve(path.dirname(f), m).startsWith(cli + path.sep)).map((m) => `${path.relative(SRC, f)} → ${m}`));
  expect(offenders).toEqual([]);
});
