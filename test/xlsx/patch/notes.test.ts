/**
 * A cell holding an Excel 365 threaded comment (test/fixtures/office/office-threaded.xlsx: a
 * conversation on 'Tập thể'!B9 — [MS-XLSX] 2.1.17 Threaded Comments and 2.1.18 Person parts, with
 * the legacy note "[Threaded comment]…" and its VML box Excel writes beside them). B9 is a cell
 * the check marks with a note. The patching writer fills it and leaves the conversation alone:
 * the threaded comment and person parts byte-identical, their relationships and content types
 * kept, the legacy note and its box as they were; LibreOffice reads the legacy note and ours. What
 * holds for every office fixture (re-annotating, clearing, LibreOffice's and exceljs's reading) is
 * in annotateOffice.test.ts, which lists this file too.
 */
import { execFileSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openPackage, type Package } from '../../../src/xlsx/package';
import { annotatedCopy } from '../../support/annotatedCopy';

const INPUT = path.resolve(__dirname, '../../fixtures/office/office-threaded.xlsx');
const THREAD = 'xl/threadedComments/threadedComment1.xml';
const PERSONS = 'xl/persons/person.xml';
const SHEET_RELS = 'xl/worksheets/_rels/sheet1.xml.rels';
const COMMENTS = 'xl/comments/comment1.xml';
const VML = 'xl/drawings/commentsDrawing1.vml';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-threaded-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const copy = (from: string, name: string) => annotatedCopy(from, path.join(dir, name));

const text = (p: Package, part: string) => Buffer.from(p.read(part)).toString('utf8');
/** The element (comment of a cell, or VML shape of row/col) as written. */
const commentOf = (xml: string, ref: string) => new RegExp(`<comment ref="${ref}"[\\s\\S]*?</comment>`).exec(xml)?.[0];
const shapeOf = (vml: string, row: number, col: number) => [...vml.matchAll(/<v:shape\b[\s\S]*?<\/v:shape>/g)].map((m) => m[0]).find((s) => s.includes(`<x:Row>${row}</x:Row><x:Column>${col}</x:Column>`));
const cellS = (xml: string, ref: string) => new RegExp(`<c r="${ref}"([^>]*)>`).exec(xml)?.[1].match(/ s="(\d+)"/)?.[1];

describe('a marked cell with a threaded comment', () => {
  let c: Awaited<ReturnType<typeof copy>>;
  beforeAll(async () => {
    c = await copy(INPUT, 'annotated-threaded.xlsx');
  });

  test('the fixture is what Excel writes: the thread, its people, the legacy note and box; B9 is marked with a note', () => {
    const b = c.before;
    expect(text(b, THREAD)).toContain('parentId=');
    expect(text(b, PERSONS)).toContain('displayName="Nguyễn Văn An"');
    expect(commentOf(text(b, COMMENTS), 'B9')).toContain('[Threaded comment]');
    expect(shapeOf(text(b, VML), 8, 1)).toBeDefined();
    expect(c.plan.marks.find((m) => m.sheet === 'Tập thể' && m.cell === 'B9')?.note).toBeTruthy();
  });

  test('the conversation is left alone: its parts byte-identical, relationships and content types kept', () => {
    const { before, after } = c;
    for (const part of [THREAD, PERSONS]) {
      expect(Buffer.from(after.raw(part)).equals(Buffer.from(before.raw(part)))).toBe(true);
    }
    const rels = text(after, SHEET_RELS);
    expect(rels).toContain('<Relationship Id="rIdTc1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>');
    expect(text(after, 'xl/_rels/workbook.xml.rels')).toContain('<Relationship Id="rIdPerson1" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>');
    const ct = text(after, '[Content_Types].xml');
    expect(ct).toContain('<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>');
    expect(ct).toContain('<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>');
  });

  test('B9 is filled, its legacy note and box untouched (ours is not written into a thread); the clerk is told', () => {
    const { before, after, written } = c;
    expect(written.threaded).toEqual(['Tập thể!B9']);
    const sheet = (p: Package) => text(p, 'xl/worksheets/sheet1.xml');
    expect(cellS(sheet(after), 'B9')).not.toBe(cellS(sheet(before), 'B9'));
    expect(commentOf(text(after, COMMENTS), 'B9')).toBe(commentOf(text(before, COMMENTS), 'B9'));
    expect(shapeOf(text(after, VML), 8, 1)).toBe(shapeOf(text(before, VML), 8, 1));
    // The thread's author stays where it was (the legacy note's authorId points at it).
    expect(text(after, COMMENTS)).toContain('<authors><author>Phòng Nội vụ</author><author>tc={6F1A2B3C-4D5E-4F60-8A9B-0C1D2E3F4A5B}</author>');
    // A plain user's note on a marked cell (B8) still gets ours after it.
    const b8 = commentOf(text(after, COMMENTS), 'B8')!;
    expect(b8).toContain('Ghi chú của người dùng: đã đối chiếu với Báo cáo 215.');
    expect(b8).toContain('[Thi đua CCHC]');
  });

  // Re-annotating, clearing, and LibreOffice reading every sheet as the original: annotateOffice.test.ts, for this file as for the others.
  test('LibreOffice, saving the copy again, reads the thread’s legacy note and ours', () => {
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    const lo = (args: string[]) => execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...args], { stdio: 'ignore', timeout: 180000 });
    // Saved again by LibreOffice: the notes it read, among them the thread's legacy text and ours.
    lo(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'lo-xlsx'), c.out]);
    const resaved = openPackage(readFileSync(path.join(dir, 'lo-xlsx', 'annotated-threaded.xlsx')));
    const notes = resaved.entries.filter((e) => /comments\d*\.xml$/i.test(e.name)).map((e) => text(resaved, e.name)).join('\n');
    expect(notes).toContain('Đã xem: giữ nguyên hạng 2.');
    expect(notes).toContain('[Thi đua CCHC]');
  }, 300000);
});
