/**
 * The held corpus (test/fixtures/corpus, SOURCES.md: other producers' workbooks from public test
 * suites, with their licences): the award table grafted into each (test/support/graft.ts), then
 * annotate → clear as the commands do. Every file: the check marks cells of the grafted table, the
 * copy keeps every rule Excel enforces on what we add (a content type for every part, relationship
 * targets present, XML well-formed, in the workbook's own vocabulary), and the clear gives the
 * grafted file back part for part — the same parts, content types and bytes; so does a clear
 * after a second annotation of the copy.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { analyze } from '../../../src/core/analyze';
import { parseState } from '../../../src/core';
import { annotateCopy } from '../../../src/xlsx/annotateCopy';
import { openPackage } from '../../../src/xlsx/package';
import { readWorkbookBytes } from '../../../src/xlsx/read';
import { root } from '../../../src/xlsx/xml';
import { graftAwardTable } from '../../support/graft';
import { annotateThenClear, extensionOf, packageDiff } from '../../support/roundTrip';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus');
const FILES = readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f)).sort();

test('the corpus is there: several producers, small files, each listed with its source and licence', () => {
  expect(FILES.length).toBeGreaterThanOrEqual(30);
  const sources = readFileSync(path.join(CORPUS, 'SOURCES.md'), 'utf8');
  for (const f of FILES) expect([f, sources.includes(`\`${f}\``)]).toEqual([f, true]);
  const total = FILES.reduce((n, f) => n + readFileSync(path.join(CORPUS, f)).length, 0);
  expect(total).toBeLessThan(1024 * 1024);
});

describe.each(FILES)('%s', (file) => {
  const original = readFileSync(path.join(CORPUS, file));
  const g = graftAwardTable(original)!;
  const ext = extensionOf(g.bytes);
  let rt: Awaited<ReturnType<typeof annotateThenClear>>;
  beforeAll(async () => {
    rt = await annotateThenClear(g.bytes, ext);
  });

  test('annotated: marks written, in a package Excel accepts', () => {
    expect(rt.marks).toBeGreaterThan(10);
    const before = openPackage(g.bytes);
    const after = openPackage(rt.annotated);
    expect(packageDiff(before, after).length).toBeGreaterThan(0);
    for (const e of after.entries) {
      expect([e.name, after.contentTypes.typeOf(e.name) !== undefined]).toEqual([e.name, before.has(e.name) ? before.contentTypes.typeOf(e.name) !== undefined : true]);
      if (/\.(xml|rels|vml)$/i.test(e.name) && !before.has(e.name)) new SaxesParser({ xmlns: true }).write(after.text(e.name)).close();
    }
    for (const e of after.entries.filter((x) => x.name.endsWith('.rels') && !(before.has(x.name) && packageDiff(before, after).every((d) => !d.startsWith(`${x.name}:`))))) {
      const source = e.name === '_rels/.rels' ? '' : e.name.replace(/_rels\/([^/]*)\.rels$/, '$1');
      for (const r of after.rels(source)) if (!r.external) expect([r.target, after.has(r.part!)]).toEqual([r.target, true]);
    }
    // What we add is in the workbook's vocabulary: Strict relationship types in a Strict package.
    const strict = before.text(before.workbook!.part).includes('http://purl.oclc.org/ooxml/spreadsheetml/main');
    const wbRels = after.rels(after.workbook!.part).filter((r) => r.type.endsWith('/worksheet'));
    for (const r of wbRels) expect(r.type.startsWith(strict ? 'http://purl.oclc.org/ooxml/' : 'http://schemas.openxmlformats.org/')).toBe(true);
    // The user's styles part is edited, never replaced.
    const styles = before.rels(before.workbook!.part).find((r) => r.type.endsWith('/styles'))?.part;
    if (styles && before.has(styles)) {
      const b = before.text(styles);
      const at = b.search(/<(?:\w+:)?(?:numFmts|fonts)\b/);
      const r = root(b);
      expect(after.text(styles).startsWith(b.slice(0, at >= 0 ? at : r.tagEnd - (r.selfClosing ? 2 : 1)))).toBe(true);
    }
  });

  test('annotate → clear gives the grafted file back part for part', () => {
    expect(packageDiff(g.bytes, rt.cleared)).toEqual([]);
  });

  test('annotated again (the copy checked once more), then cleared: the grafted file, part for part', async () => {
    const r = readWorkbookBytes(rt.annotated, `again${ext}`);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const a = analyze(r.grid, { lang: 'vi' });
    const twice = (await annotateCopy(r.pkg, a.plan, { grid: r.grid, state: a.state }, `again${ext}`)).bytes;
    const r2 = readWorkbookBytes(twice, `twice${ext}`);
    if (!r2.ok) throw new Error(JSON.stringify(r2.error));
    const cleared = (await annotateCopy(r2.pkg, null, { grid: r2.grid, state: parseState(r2.grid).state }, `cleared${ext}`)).bytes;
    expect(packageDiff(g.bytes, cleared)).toEqual([]);
  });
});
