/**
 * The text system (src/core/messages): every language says every word, Vietnamese is NFC, and the
 * core's modules do not import each other in a circle (types included: a cycle of type imports is
 * how the message codes once depended on themselves).
 */
import * as fs from 'fs';
import * as path from 'path';
import { en } from '../../src/core/messages/en';
import { vi } from '../../src/core/messages/vi';
import { text } from '../../src/core/messages/render';
import type { Text } from '../../src/core/messages/shape';

const ROOT = path.join(__dirname, '..', '..');

/** Every leaf of a language file: its path and whether it is a word or a function of words. */
function leaves(value: unknown, at = ''): Map<string, 'string' | 'function'> {
  const out = new Map<string, 'string' | 'function'>();
  if (typeof value === 'string' || typeof value === 'function') out.set(at, typeof value as 'string' | 'function');
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) for (const [p, kind] of leaves(v, `${at} › ${k}`)) out.set(p, kind);
  else throw new Error(`${at}: neither a word nor a function (${String(value)})`);
  return out;
}

/** Every word (not function) of a language file, by its path. */
function words(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => words(v, `${at} › ${k}`));
  return [];
}

test('every language holds every word and every message code, as the same kind of thing', () => {
  const viLeaves = leaves(vi);
  expect(viLeaves.size).toBeGreaterThan(500);
  expect([...leaves(en)].sort()).toEqual([...viLeaves].sort());
  expect(text('vi')).toBe(vi);
  expect(text('en')).toBe(en);
});

test('no word is empty, and the languages differ where they should', () => {
  const blankAllowed = new Set([' › labels › proposal › none']);
  for (const lang of [vi, en] as Text[]) {
    const empty = words(lang).filter(([p, w]) => w.trim() === '' && !blankAllowed.has(p));
    expect(empty).toEqual([]);
  }
  expect(en.cli.usage).not.toBe(vi.cli.usage);
  expect(en.criteria.abbrev.onTime).not.toBe(vi.criteria.abbrev.onTime);
});

test('every Vietnamese word is NFC (composed), in the file and at run time', () => {
  const source = fs.readFileSync(path.join(ROOT, 'src/core/messages/vi.ts'), 'utf8');
  const lines = source.split('\n');
  const decomposed = lines.map((l, i) => ({ line: i + 1, l })).filter(({ l }) => l !== l.normalize('NFC'));
  expect(decomposed).toEqual([]);
  expect(words(vi).filter(([, w]) => w !== w.normalize('NFC'))).toEqual([]);
  // The check would see a decomposed word: "ệ" written as e + two combining marks.
  expect('Tệp'.normalize('NFD')).not.toBe('Tệp'.normalize('NFD').normalize('NFC'));
});

test('every message code written in src/ has a text', () => {
  const codes = new Set(Object.keys(vi.messages));
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.includes(`${path.sep}messages${path.sep}`)) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/\bcode: '([a-z]+\.[A-Za-z.]+)'/g)) if (!codes.has(m[1])) missing.push(`${path.relative(ROOT, p)}: ${m[1]}`);
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  expect(missing).toEqual([]);
});

/** The relative imports of a module, `import type` and re-exports included. */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'/gm)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
    if (target) out.push(target);
  }
  return out;
}

/** A cycle of imports among the given modules, or null. */
function findCycle(files: string[]): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const g of importsOf(f)) {
      const cycle = visit(g);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) {
    const cycle = visit(f);
    if (cycle) return cycle.map((c) => path.relative(ROOT, c));
  }
  return null;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

test('no import cycle inside src/core, type imports included', () => {
  // The one door (index.ts) re-exports everything; modules inside the core never import it.
  const files = tsFiles(path.join(ROOT, 'src/core')).filter((f) => path.basename(f) !== 'index.ts' || path.dirname(f) !== path.join(ROOT, 'src/core'));
  expect(files.length).toBeGreaterThan(20);
  expect(findCycle(files)).toBeNull();
});

test('the cycle finder finds a cycle', () => {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cycle-'));
  fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
  fs.writeFileSync(path.join(dir, 'b.ts'), "export type { A as B } from './a';\n");
  expect(findCycle([path.join(dir, 'a.ts')])).toHaveLength(3);
  fs.rmSync(dir, { recursive: true });
});
