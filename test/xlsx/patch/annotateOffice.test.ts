/**
 * The annotated copy of workbooks shaped like real office files (test/fixtures/office/build.py:
 * charts, a pivot table, an image, macros, defined names, validation lists, data bars, protection,
 * internal links, users' notes; written by openpyxl, and by LibreOffice; and as Excel 365 leaves it
 * with a threaded comment on a marked cell). Asserted: every part we
 * have no business with is byte-identical; in the parts we touch, everything but our additions is
 * unchanged; the rules Excel enforces on what we add; two independent readers open the copy
 * (exceljs and LibreOffice); re-annotating changes nothing; clearing gives the original back part
 * for part.
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { analyze } from '../../../src/core/analyze';
import { MARK_FILL, STATE_SHEET } from '../../../src/core/annotationPlan';
import { splitNote } from '../../../src/core/marks';
import { readState } from '../../../src/core/state';
import { AnnotatedCopyError } from '../../../src/xlsx/annotateCopy';
import { annotatedCopy, writeAnnotatedCopy } from '../../support/annotatedCopy';
import { openPackage, type Package } from '../../../src/xlsx/package';
import { readWorkbook } from '../../../src/xlsx/read';

const FIXTURES = path.resolve(__dirname, '../../fixtures/office');
const FILES = ['office.xlsx', 'office.xlsm', 'office-lo.xlsx', 'office-threaded.xlsx'];
const RESULT = 'Kết quả xét khen thưởng';
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-office-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function read(file: string) {
  const r = await readWorkbook(file);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r;
}

/** Annotates `from` (or clears it) into `name` in the test's directory. */
const copy = (from: string, name: string, clear = false) => annotatedCopy(from, path.join(dir, name), clear);

/** Debian's python3 (with python3-openpyxl), not a pyenv one. */
const PYTHON = require('fs').existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
interface Dump {
  names: string[];
  sheets: { name: string; state: string; values: Record<string, unknown>; fills: Record<string, string>; notes: Record<string, string>; validations: number }[];
}
const dump = (file: string): Dump => JSON.parse(execFileSync(PYTHON, [path.join(FIXTURES, 'dump.py'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));

const names = (p: Package) => p.entries.map((e) => e.name).sort();
const same = (a: Package, b: Package, part: string) => Buffer.from(a.read(part)).equals(Buffer.from(b.read(part)));

function wellFormed(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.write(xml).close();
}

/** Sheet name → worksheet part. */
function sheetParts(p: Package): Map<string, string> {
  return new Map(p.workbook!.sheets.map((s) => [s.name, s.part!]));
}

/** Elements of a kind, as written. */
const elements = (xml: string, name: string) => xml.match(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g')) ?? [];

describe.each(FILES)('%s', (file) => {
  const input = path.join(FIXTURES, file);
  const ext = path.extname(file);
  let c: Awaited<ReturnType<typeof copy>>;
  beforeAll(async () => {
    c = await copy(input, `annotated-${file}`);
  });

  test('the check marks cells here (the fixture is one the product works on)', () => {
    expect(c.plan.marks.length).toBeGreaterThan(20);
    expect(c.plan.marks.some((m) => m.sheet === 'Tập thể' && m.cell === 'B8')).toBe(true);
  });

  test('every part we have no business with is byte-identical; nothing is lost', () => {
    const { before, after } = c;
    const parts = sheetParts(before);
    const marked = new Set(c.plan.marks.map((m) => parts.get(m.sheet)!.toLowerCase()));
    const owned = new Set(['[content_types].xml', before.workbook!.part.toLowerCase(), 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
    for (const s of marked) {
      owned.add(s);
      owned.add(s.replace(/([^/]+)$/, '_rels/$1.rels'));
      for (const r of before.rels(s)) if (/\/(comments|vmlDrawing)$/.test(r.type) && r.part) owned.add(r.part.toLowerCase());
    }
    for (const part of names(before)) {
      expect(after.has(part)).toBe(true);
      if (!owned.has(part.toLowerCase())) expect([part, same(before, after, part)]).toEqual([part, true]);
    }
    // The stored bytes too (not recompressed): charts, pivot tables, images, macros, properties.
    for (const part of names(before).filter((p) => /chart|pivot|media|vbaProject|docProps|(^|\/)drawing\d|theme|sharedStrings/i.test(p))) {
      expect(Buffer.from(after.raw(part)).equals(Buffer.from(before.raw(part)))).toBe(true);
    }
  });

  test('in the parts we touch, everything but our additions is unchanged', () => {
    const { before, after } = c;
    const wbPart = before.workbook!.part;
    // Ours: the sheets' elements and the result sheet's print titles (its header row on every page).
    const ours = (xml: string) => xml.replace(/<sheet [^>]*name="(Kết quả xét khen thưởng|_ThiDuaCCHC)"[^>]*\/>/g, '').replace(/<definedName name="_xlnm.Print_Titles" localSheetId="\d+">'Kết quả xét khen thưởng'!\$\d+:\$\d+<\/definedName>/g, '');
    expect(ours(after.text(wbPart))).toBe(before.text(wbPart));
    // Names, protection, views, pivot caches: the workbook's own elements, verbatim.
    for (const el of ['definedNames', 'workbookProtection', 'bookViews', 'pivotCaches', 'calcPr']) expect(elements(ours(after.text(wbPart)), el)).toEqual(elements(before.text(wbPart), el));
    const sheetPart = sheetParts(before).get('Tập thể')!;
    const [b, a] = [before.text(sheetPart), after.text(sheetPart)];
    // Validation (whole column and x14 cross-sheet), data bars, protection, links, merges: verbatim.
    for (const el of ['dataValidations', 'conditionalFormatting', 'sheetProtection', 'hyperlinks', 'mergeCells', 'extLst', 'drawing', 'cols', 'sheetViews', 'pageSetup']) {
      expect(elements(a, el)).toEqual(elements(b, el));
    }
    // Cells: the same records, values and formulas; only `s` of marked cells differs (and bare records we added).
    const cells = (xml: string) => (xml.match(/<c [^>]*?(?:\/>|>[\s\S]*?<\/c>)/g) ?? []).filter((x) => !/^<c r="[A-Z]+\d+" s="\d+"\/>$/.test(x)).map((x) => x.replace(/ s="\d+"/, ''));
    expect(cells(a)).toEqual(cells(b));
    const marked = new Set(c.plan.marks.filter((m) => m.sheet === 'Tập thể').map((m) => m.cell));
    const styleOf = (xml: string) => new Map((xml.match(/<c [^>]*>/g) ?? []).map((t) => [/ r="([A-Z]+\d+)"/.exec(t)![1], / s="(\d+)"/.exec(t)?.[1] ?? '0']));
    const [sb, sa] = [styleOf(b), styleOf(a)];
    for (const [ref, s] of sb) if (!marked.has(ref)) expect([ref, sa.get(ref)]).toEqual([ref, s]);
    // Styles: the original lists are a prefix of the copy's; nothing else in the part changed.
    const [yb, ya] = [before.text('xl/styles.xml'), after.text('xl/styles.xml')];
    const strip = (xml: string, counts: Map<string, number>) => {
      let out = xml;
      for (const [sec, n] of counts) {
        const m = new RegExp(`<${sec}( count="\\d+")?>([\\s\\S]*?)</${sec}>`).exec(out)!;
        const kids = elements(m[2], sec === 'fills' ? 'fill' : sec === 'fonts' ? 'font' : sec === 'borders' ? 'border' : 'xf').slice(0, n).join('');
        out = out.replace(m[0], `<${sec}>${kids}</${sec}>`);
      }
      return out;
    };
    const counts = new Map(['fonts', 'fills', 'borders', 'cellXfs'].map((sec) => [sec, elements(new RegExp(`<${sec}\\b[\\s\\S]*?</${sec}>`).exec(yb)![0], sec === 'fills' ? 'fill' : sec === 'fonts' ? 'font' : sec === 'borders' ? 'border' : 'xf').length]));
    expect(strip(ya, counts)).toBe(strip(yb, counts));
    // Users' notes: those on cells we do not mark verbatim; on marked cells, the user's text first, ours under our head line.
    const comments = before.rels(sheetPart).find((r) => r.type.endsWith('/comments'))!.part!;
    for (const cm of elements(before.text(comments), 'comment')) {
      const ref = / ref="([A-Z]+\d+)"/.exec(cm)![1];
      const now = elements(after.text(comments), 'comment').find((x) => x.includes(` ref="${ref}"`))!;
      if (!marked.has(ref) || c.threaded.has(`Tập thể!${ref}`)) expect(now).toBe(cm);
      else {
        const text = (x: string) => [...x.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('');
        const split = splitNote(text(now).replace(/&amp;/g, '&'));
        expect(split.user).toBe(text(cm).replace(/&amp;/g, '&'));
        expect(split.ours).toBe(c.plan.marks.find((m) => m.sheet === 'Tập thể' && m.cell === ref)!.note);
      }
    }
  });

  test('the rules Excel enforces on what we add', () => {
    const { after } = c;
    // Every XML part is well-formed; every part has a content type; every relationship target exists.
    for (const e of after.entries) {
      if (/\.(xml|rels|vml)$/i.test(e.name)) wellFormed(after.text(e.name));
      expect([e.name, after.contentTypes.typeOf(e.name) !== undefined]).toEqual([e.name, true]);
    }
    for (const e of after.entries.filter((x) => x.name.endsWith('.rels'))) {
      const source = e.name.replace(/_rels\/([^/]*)\.rels$/, '$1').replace(/^\.rels$/, '');
      const rels = after.rels(source === '_rels/.rels' ? '' : source);
      expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length);
      for (const r of rels) if (!r.external) expect([r.target, after.has(r.part!)]).toEqual([r.target, true]);
    }
    // Sheets: unique names (case-insensitive), ids and relationships; ours appended, the state very hidden.
    const sheets = after.workbook!.sheets;
    expect(new Set(sheets.map((s) => s.name.toLowerCase())).size).toBe(sheets.length);
    expect(new Set(sheets.map((s) => s.sheetId)).size).toBe(sheets.length);
    expect(new Set(sheets.map((s) => s.relId)).size).toBe(sheets.length);
    expect(sheets.slice(-2).map((s) => [s.name, s.state])).toEqual([
      [RESULT, 'visible'],
      [STATE_SHEET, 'veryHidden'],
    ]);
    // Styles: counts equal the children; every index in range.
    const styles = after.text('xl/styles.xml');
    const n: Record<string, number> = {};
    for (const [sec, child] of [['fonts', 'font'], ['fills', 'fill'], ['borders', 'border'], ['cellXfs', 'xf']]) {
      const m = new RegExp(`<${sec} count="(\\d+)">([\\s\\S]*?)</${sec}>`).exec(styles)!;
      n[sec] = elements(m[2], child).length;
      expect([sec, Number(m[1])]).toEqual([sec, n[sec]]);
    }
    for (const xf of elements(/<cellXfs[\s\S]*?<\/cellXfs>/.exec(styles)![0], 'xf')) {
      expect(Number(/fontId="(\d+)"/.exec(xf)![1])).toBeLessThan(n.fonts);
      expect(Number(/fillId="(\d+)"/.exec(xf)![1])).toBeLessThan(n.fills);
      expect(Number(/borderId="(\d+)"/.exec(xf)![1])).toBeLessThan(n.borders);
    }
    for (const s of sheets) for (const m of after.text(s.part!).matchAll(/<c [^>]*\bs="(\d+)"/g)) expect(Number(m[1])).toBeLessThan(n.cellXfs);
    // Notes: one VML box per note and one note per box; shape ids unique in the package.
    const ids: string[] = [];
    for (const s of sheets) {
      const rels = after.rels(s.part!);
      const cm = rels.find((r) => r.type.endsWith('/comments'));
      const vml = rels.find((r) => r.type.endsWith('/vmlDrawing'));
      if (!cm) continue;
      expect(vml).toBeDefined();
      expect(after.text(s.part!)).toMatch(new RegExp(`<legacyDrawing [^>]*r:id="${vml!.id}"`));
      const refs = elements(after.text(cm.part!), 'comment').map((x) => / ref="([A-Z]+\d+)"/.exec(x)![1]);
      expect(new Set(refs).size).toBe(refs.length);
      const v = after.text(vml!.part!);
      const boxes = [...v.matchAll(/<(?:\w+:)?ClientData\b[^>]*ObjectType="Note"[^>]*>[\s\S]*?<(?:\w+:)?Row>(\d+)<\/(?:\w+:)?Row>\s*<(?:\w+:)?Column>(\d+)<\/(?:\w+:)?Column>/g)].map((m) => `${m[1]}:${m[2]}`);
      const cells = refs.map((r) => {
        const m = /^([A-Z]+)(\d+)$/.exec(r)!;
        const col = [...m[1]].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        return `${Number(m[2]) - 1}:${col}`;
      });
      expect(boxes.sort()).toEqual(cells.sort());
      ids.push(...[...v.matchAll(/<v:shape [^>]*id="(_x0000_s\d+)"/g)].map((m) => m[1]));
    }
    // The ids we give (Excel's _x0000_s<n>) are unique in the package: none twice, none a writer's own.
    const theirs = new Set(c.before.entries.filter((e) => e.name.endsWith('.vml')).flatMap((e) => [...c.before.text(e.name).matchAll(/_x0000_s\d+/g)].map((m) => m[0])));
    const added = ids.filter((id) => !theirs.has(id));
    expect(added.length).toBeGreaterThan(0);
    expect(new Set(added).size).toBe(added.length);
  });

  test('.xlsm stays a macro-enabled workbook; the copy must keep the type of the original', async () => {
    expect(c.after.contentTypes.typeOf(c.after.workbook!.part)).toBe(c.before.contentTypes.typeOf(c.before.workbook!.part));
    const r = await read(input);
    const wrong = ext === '.xlsm' ? '.xlsx' : '.xlsm';
    const err = await writeAnnotatedCopy(input, analyze(r.grid, { lang: 'vi' }).plan, { grid: r.grid, state: {} }, path.join(dir, `wrong${wrong}`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnnotatedCopyError);
    expect((err as AnnotatedCopyError).data).toMatchObject({ code: 'xlsx.copyType', params: { ext } });
    await expect(fs.access(path.join(dir, `wrong${wrong}`))).rejects.toThrow();
  });

  test('openpyxl (an independent reader) opens the copy: the same values, names and validations; our marks and notes there', () => {
    const [orig, annotated] = [dump(input), dump(c.out)];
    expect(annotated.names).toEqual(orig.names);
    for (const s of orig.sheets) {
      const other = annotated.sheets.find((x) => x.name === s.name)!;
      expect(other.values).toEqual(s.values);
      expect(other.validations).toBe(s.validations);
      expect(other.state).toBe(s.state);
    }
    for (const m of c.plan.marks) {
      const s = annotated.sheets.find((x) => x.name === m.sheet)!;
      const color = MARK_FILL[m.kind];
      if (color) expect([m.cell, s.fills[m.cell]]).toEqual([m.cell, color.slice(1)]);
      if (c.threaded.has(`${m.sheet}!${m.cell}`)) expect(s.notes[m.cell]).toBe(orig.sheets.find((x) => x.name === m.sheet)!.notes[m.cell]);
      else expect(splitNote(s.notes[m.cell].replace(/\r\n/g, '\n')).ours).toBe(m.note);
    }
    // The first candidate's name, under the title, the criteria stated and the header.
    expect(annotated.sheets.find((x) => x.name === RESULT)!.values.C7).toBeDefined();
    expect(annotated.sheets.find((x) => x.name === STATE_SHEET)!.state).toBe('veryHidden');
  });

  test('re-annotating the copy changes nothing; clearing it gives the original back, part for part', async () => {
    const again = await copy(c.out, `again-${file}`);
    expect(names(again.after)).toEqual(names(c.after));
    for (const part of names(c.after)) expect([part, same(c.after, again.after, part)]).toEqual([part, true]);
    const cleared = await copy(c.out, `cleared-${file}`, true);
    expect(names(cleared.after)).toEqual(names(c.before));
    for (const part of names(c.before)) expect([part, same(c.before, cleared.after, part)]).toEqual([part, true]);
    const r = await read(cleared.out);
    expect(readState(r.grid)).toEqual({});
  });
});

test('LibreOffice opens every copy: each user sheet reads the same as the original, the result sheet is there', () => {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  const csvOf = (file: string, out: string) => {
    // Every sheet to its own CSV (the 12th filter token, -1), UTF-8 (76).
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], { stdio: 'ignore', timeout: 180000 });
    return out;
  };
  for (const file of FILES) {
    const base = path.basename(file, path.extname(file));
    const o = csvOf(path.join(FIXTURES, file), path.join(dir, `lo-orig-${base}`));
    const a = csvOf(path.join(dir, `annotated-${file}`), path.join(dir, `lo-copy-${base}`));
    const listed = require('fs').readdirSync(o) as string[];
    expect(listed.length).toBeGreaterThanOrEqual(4);
    for (const f of listed) {
      const copyName = f.replace(base, `annotated-${base}`);
      expect([file, f, require('fs').readFileSync(path.join(a, copyName), 'utf8')]).toEqual([file, f, require('fs').readFileSync(path.join(o, f), 'utf8')]);
    }
    const copies = require('fs').readdirSync(a) as string[];
    const result = copies.find((f) => f.includes('Kết quả'));
    expect(result).toBeDefined();
    expect(require('fs').readFileSync(path.join(a, result!), 'utf8')).toContain('Hạng');
  }
});
