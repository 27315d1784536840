/**
 * The cases of other producers' packages one by one (files of the held corpus, the award table
 * grafted in: test/support/graft.ts): Strict OOXML, LibreOffice without a Default for .rels, a VML
 * drawing with shapes or form controls and no note, xf 0 in WPS / excelize form, two identical cell
 * formats, BOMs, an empty relationships part, a workbook without a styles part.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseState } from '../../../src/core';
import { openPackage, type Package } from '../../../src/xlsx/package';
import { readWorkbookBytes } from '../../../src/xlsx/read';
import { Styles } from '../../../src/xlsx/patch/styles';
import { graftAwardTable } from '../../support/graft';
import { annotateThenClear, extensionOf, packageDiff } from '../../support/roundTrip';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus');
const RELS_CT = 'application/vnd.openxmlformats-package.relationships+xml';

async function run(file: string, edit?: (bytes: Buffer) => Buffer) {
  let grafted = graftAwardTable(readFileSync(path.join(CORPUS, file)))!.bytes;
  if (edit) grafted = edit(grafted);
  const rt = await annotateThenClear(grafted, extensionOf(grafted));
  return { before: openPackage(grafted), after: openPackage(rt.annotated), cleared: openPackage(rt.cleared), rt, grafted };
}

const sheetPart = (p: Package, i = 0) => p.workbook!.sheets.filter((s) => s.kind === 'worksheet')[i].part!;
const relOf = (p: Package, source: string, kind: string) => p.rels(source).find((r) => r.type.endsWith(`/${kind}`));
const BOM = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

describe('Strict OOXML (poi-SimpleStrict.xlsx): handled in its own vocabulary', () => {
  let c: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    c = await run('poi-SimpleStrict.xlsx');
  });

  test("the user's styles part is edited (its formats kept first), never replaced by a blank one", () => {
    const [b, a] = [c.before.text('xl/styles.xml'), c.after.text('xl/styles.xml')];
    expect(a.startsWith(b.slice(0, b.indexOf('<fonts')))).toBe(true);
    expect(a).toContain('<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>');
    expect(a).toContain('<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(c.after.names().filter((n) => /styles/i.test(n))).toEqual(['xl/styles.xml']);
  });

  test('marks are written: the marked cells point at our fill; notes, result and state sheets in Strict terms', () => {
    const sheet = c.after.text(sheetPart(c.after));
    expect(sheet).not.toBe(c.before.text(sheetPart(c.before)));
    expect(c.after.text('xl/styles.xml')).toMatch(/<fgColor rgb="FF[0-9A-F]{6}"\/><bgColor rgb="FF[0-9A-F]{6}"\/>/);
    // Borders of our result sheet: start/end, as Strict names a border's sides.
    expect(c.after.text('xl/styles.xml')).toContain('<start style="thin">');
    const comments = relOf(c.after, sheetPart(c.after), 'comments')!;
    expect(comments.type).toBe('http://purl.oclc.org/ooxml/officeDocument/relationships/comments');
    expect(c.after.text(comments.part!)).toContain('xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
    expect(relOf(c.after, sheetPart(c.after), 'vmlDrawing')!.type).toBe('http://purl.oclc.org/ooxml/officeDocument/relationships/vmlDrawing');
    expect(sheet).toMatch(/<legacyDrawing r:id="rId\d+"\/>/);
    const added = c.after.rels(c.after.workbook!.part).filter((r) => !c.before.rels(c.before.workbook!.part).some((x) => x.id === r.id));
    expect(added.map((r) => r.type)).toEqual(['http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet', 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet']);
    for (const r of added) expect(c.after.text(r.part!)).toContain('<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">');
    // The copy reads back: its state (the backup) is there for a clear.
    const r = readWorkbookBytes(c.rt.annotated, 'copy.xlsx');
    expect(r.ok && parseState(r.grid).state.annotationBackup).toBeTruthy();
  });
});

test('LibreOffice without a Default for .rels (poi-51444.xlsx): a relationships part we add has its content type', async () => {
  const c = await run('poi-51444.xlsx');
  expect(c.before.contentTypes.defaults.has('rels')).toBe(false);
  const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
  expect(c.before.has(rels)).toBe(false);
  expect(c.after.contentType(rels)).toBe(RELS_CT);
  for (const e of c.after.entries) if (e.name !== '[Content_Types].xml') expect([e.name, c.after.contentType(e.name) !== null]).toEqual([e.name, true]);
  expect(packageDiff(c.before, c.cleared)).toEqual([]);
});

test('our VML drawing has an Override (no Default for .vml is added, so none outlives a clear)', async () => {
  const c = await run('poi-SampleSS.xlsx');
  expect([...c.after.contentTypes.defaults.keys()].sort()).toEqual([...c.before.contentTypes.defaults.keys()].sort());
  const vml = relOf(c.after, sheetPart(c.after), 'vmlDrawing')!.part!;
  expect(c.after.contentTypes.overrides.get(vml.toLowerCase())).toBe('application/vnd.openxmlformats-officedocument.vmlDrawing');
  expect(c.cleared.text('[Content_Types].xml')).toBe(c.before.text('[Content_Types].xml'));
});

describe.each([
  ['poi-BrNotClosed.xlsx', 'a button'],
  ['poi-stress020.xlsx', 'WPS shapes'],
  ['closedxml-singlecontrol.xlsx', 'a check box control'],
])("clear keeps a user's drawing with no note (%s: %s)", (file) => {
  test('the VML part, its relationship and legacyDrawing stay; our comments part and shape type go', async () => {
    const c = await run(file);
    const part = sheetPart(c.before);
    const vml = relOf(c.before, part, 'vmlDrawing')!;
    expect(relOf(c.before, part, 'comments')).toBeUndefined();
    // Annotated: our notes go into the user's drawing, beside the shapes.
    expect(c.after.text(vml.part!).length).toBeGreaterThan(c.before.text(vml.part!).length);
    expect(relOf(c.after, part, 'comments')).toBeDefined();
    // Cleared: the drawing as it was, with its relationship and the sheet's reference; no comments part.
    expect(c.cleared.text(vml.part!)).toBe(c.before.text(vml.part!));
    expect(relOf(c.cleared, part, 'vmlDrawing')).toEqual(vml);
    expect(c.cleared.text(part)).toMatch(/<(?:\w+:)?legacyDrawing\b/);
    expect(relOf(c.cleared, part, 'comments')).toBeUndefined();
    expect(c.cleared.names().some((n) => /comments/i.test(n))).toBe(false);
    expect(packageDiff(c.before, c.cleared)).toEqual([]);
  });
});

describe.each([
  ['excelize-MergeCell.xlsx', 'xf 0 as <xf … />'],
  ['sheetjs-wps_fn.xlsx', 'WPS: cellXfs count="1" over two formats'],
  ['closedxml-sheet-with-form-controls-output.xlsx', '.NET: x:xf … />'],
  ['poi-62834.xlsx', 'xf 1 identical to xf 0, the column style'],
  ['poi-styles.xlsx', 'ODF Converter'],
])('formats of another producer (%s: %s)', (file) => {
  test('a clear takes away every format we added and gives each marked cell its own `s` back', async () => {
    const c = await run(file);
    const styles = c.before.rels(c.before.workbook!.part).find((r) => r.type.endsWith('/styles'))!.part!;
    expect(c.after.text(styles)).not.toBe(c.before.text(styles));
    expect(c.cleared.text(styles)).toBe(c.before.text(styles));
    for (const s of c.before.workbook!.sheets.filter((x) => x.kind === 'worksheet')) expect(c.cleared.text(s.part!)).toBe(c.before.text(s.part!));
  });
});

test('a part with a UTF-8 BOM keeps it when we edit it (poi-60825.xlsx, closedxml .NET files)', async () => {
  for (const file of ['poi-60825.xlsx', 'closedxml-Formulas.xlsx']) {
    const c = await run(file);
    const part = sheetPart(c.before);
    expect([file, BOM(c.before.read(part))]).toEqual([file, true]);
    expect(c.after.text(part)).not.toBe(c.before.text(part));
    expect([file, BOM(c.after.read(part)), BOM(c.cleared.read(part))]).toEqual([file, true, true]);
  }
});

test("an empty relationships part of the producer's stays after a clear; one we created goes", async () => {
  const EMPTY = '<?xml version="1.0" encoding="UTF-8"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const withEmptyRels = (bytes: Buffer) => {
    const p = openPackage(bytes);
    p.setText('xl/worksheets/_rels/sheet1.xml.rels', EMPTY);
    return Buffer.concat(p.toZip());
  };
  const c = await run('poi-SampleSS.xlsx', withEmptyRels);
  expect(c.after.rels('xl/worksheets/sheet1.xml').length).toBe(2);
  expect(c.cleared.text('xl/worksheets/_rels/sheet1.xml.rels')).toBe(EMPTY);
  expect(packageDiff(c.before, c.cleared)).toEqual([]);
  const plain = await run('poi-SampleSS.xlsx');
  expect(plain.after.has('xl/worksheets/_rels/sheet1.xml.rels')).toBe(true);
  expect(plain.cleared.has('xl/worksheets/_rels/sheet1.xml.rels')).toBe(false);
});

test('a workbook without a styles part (poi-59021.xlsx): ours is added for the marks, and goes on clear', async () => {
  const c = await run('poi-59021.xlsx');
  expect(c.before.names().some((n) => /styles/i.test(n))).toBe(false);
  const added = c.after.rels(c.after.workbook!.part).find((r) => r.type.endsWith('/styles'))!;
  expect(c.after.contentType(added.part!)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
  expect(c.cleared.names().some((n) => /styles/i.test(n))).toBe(false);
  expect(packageDiff(c.before, c.cleared)).toEqual([]);
});

test("the producer's formats in our own forms (fills with fgColor = bgColor), unused at the end of the lists, stay after a clear (closedxml-EmptyCellValue.xlsx)", async () => {
  const c = await run('closedxml-EmptyCellValue.xlsx');
  const styles = c.before.text('xl/styles.xml');
  // The last fill is solid with bgColor = fgColor, as ours; no grafted cell uses the last formats.
  expect(styles).toContain('<fill><patternFill patternType="solid"><fgColor rgb="FF92CDDC"/><bgColor rgb="FF92CDDC"/></patternFill></fill></fills>');
  expect(c.before.text(sheetPart(c.before))).not.toMatch(/\ss="[1-9]/);
  expect(c.after.text('xl/styles.xml')).not.toBe(styles);
  expect(c.cleared.text('xl/styles.xml')).toBe(styles);
  expect(packageDiff(c.before, c.cleared)).toEqual([]);
});

describe.each([
  ['closedxml-EmptyStyles.xlsx', 'no section at all'],
  ['closedxml-tdf100709.xlsx', 'no fills or borders; formats naming a font beyond the list'],
  ['poi-47889.xlsx', 'an empty <styleSheet …/>'],
])('a styles part lacking sections (%s: %s)', (file) => {
  test("completed before ours (fill 0 none, fill 1 gray125, format 0 the default), given back as it was", async () => {
    const c = await run(file);
    const styles = c.before.rels(c.before.workbook!.part).find((r) => r.type.endsWith('/styles'))!.part!;
    const after = new Styles(c.after.text(styles));
    expect(after.list('fills').slice(0, 2)).toEqual(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
    // Every marked cell's format has a fill of ours past the reserved two.
    const marked = [...c.after.text(sheetPart(c.after)).matchAll(/<c r="[A-Z]+\d+"[^>]*\ss="(\d+)"/g)].map((m) => Number(m[1]));
    expect(marked.length).toBeGreaterThan(10);
    for (const xf of marked) expect(after.fillIdOf(xf)).toBeGreaterThanOrEqual(2);
    expect(c.cleared.text(styles)).toBe(c.before.text(styles));
    expect(packageDiff(c.before, c.cleared)).toEqual([]);
  });
});

test("a user's rich-text note with CR LF line ends on a marked cell: its element (runs, author) comes back as written (poi-commentTest.xlsx)", async () => {
  const c = await run('poi-commentTest.xlsx');
  const comments = relOf(c.before, sheetPart(c.before), 'comments')!.part!;
  const note = /<comment ref="B8"[\s\S]*?<\/comment>/.exec(c.before.text(comments))![0];
  expect(note).toContain('<t>Shaun Kalley:</t>');
  expect(c.after.text(comments)).toContain('[Thi đua CCHC]');
  expect(c.cleared.text(comments)).toContain(note);
  expect(c.cleared.text(comments)).toBe(c.before.text(comments));
});

test('a styles relationship naming a part not in the package (exceljs-test-issue-771.xlsx): the part is made at its target, and a clear takes only the part', async () => {
  const c = await run('exceljs-test-issue-771.xlsx');
  const rel = relOf(c.before, c.before.workbook!.part, 'styles')!;
  expect(c.before.has(rel.part!)).toBe(false);
  expect(relOf(c.after, c.after.workbook!.part, 'styles')).toEqual(rel);
  expect(c.after.has(rel.part!)).toBe(true);
  // One relationship and one Override for it, the producer's, in the copy as in the original.
  expect(c.after.rels(c.after.workbook!.part).filter((r) => r.type.endsWith('/styles'))).toHaveLength(1);
  expect(c.after.text('[Content_Types].xml').split('PartName="/xl/styles.xml"')).toHaveLength(2);
  expect(c.cleared.text('[Content_Types].xml')).toBe(c.before.text('[Content_Types].xml'));
  expect(c.cleared.text('xl/_rels/workbook.xml.rels')).toBe(c.before.text('xl/_rels/workbook.xml.rels'));
  expect(c.cleared.has(rel.part!)).toBe(false);
  expect(packageDiff(c.before, c.cleared)).toEqual([]);
});
