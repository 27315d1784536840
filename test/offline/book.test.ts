/**
 * The offline page's workbook (src/offline/book.ts) gives the command line's copies: Đánh dấu is
 * `thidua check --annotate`, Xóa đánh dấu is `thidua clear`, Ghi vào lịch sử is `thidua record`,
 * part for part; what Cấu hình and Tạo hồ sơ save lands in the copy where `thidua` reads it. Run
 * in Node (the same zlib as the CLI), so even the compressed bytes must agree; the browser test
 * (test/browser/offline-page.test.ts) runs the built page.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OfflineBook } from '../../src/offline/book';
import { SAMPLE, thidua } from '../cli/run';
import { compareCopies, zipParts } from './support/zipParts';

const ROOT = path.resolve(__dirname, '../..');
let tmp: string;
const original = fs.readFileSync(SAMPLE);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-offline-book-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const facts = () => ({
  ...JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/thong-tin-ho-so-mau.json'), 'utf8')),
  meeting: JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/cuoc-hop-mau.json'), 'utf8')),
});

it('Đánh dấu is thidua check --annotate, and Xóa đánh dấu is thidua clear, part for part', async () => {
  const book = new OfflineBook('mau.xlsx', new Uint8Array(original));
  const checked = book.check('vi');
  expect(checked.analysis.result.candidates.filter((c) => c.award)).toHaveLength(19);

  const marked = await book.annotate('vi');
  expect(marked.copy.name).toBe('mau-da-danh-dau.xlsx');
  expect(marked.analysis.state.annotationBackup).toBeDefined();
  const cliMarked = path.join(tmp, 'cli-marked.xlsx');
  expect(thidua(['check', SAMPLE, '--annotate', cliMarked]).code).toBe(0);
  const a = compareCopies(fs.readFileSync(cliMarked), Buffer.from(marked.copy.bytes), original);
  expect(a.differences).toEqual([]);
  // The same zlib on both sides: nothing recompressed differently.
  expect(a.recompressed).toEqual([]);
  expect(a.parts).toBeGreaterThan(15);

  const cleared = await book.clear('vi');
  expect(cleared.copy).not.toBeNull();
  const cliCleared = path.join(tmp, 'cli-cleared.xlsx');
  expect(thidua(['clear', cliMarked, '--out', cliCleared]).code).toBe(0);
  const c = compareCopies(fs.readFileSync(cliCleared), Buffer.from(cleared.copy!.bytes), original);
  expect(c.differences).toEqual([]);
  // And the clear gives the original back, part for part.
  const back = zipParts(Buffer.from(cleared.copy!.bytes));
  expect(back.map((p) => p.name)).toEqual(zipParts(original).map((p) => p.name));
  zipParts(original).forEach((p, i) => expect({ part: p.name, same: p.content.equals(back[i].content) }).toEqual({ part: p.name, same: true }));
  // Nothing left to clear: said, no copy.
  const again = await book.clear('vi');
  expect(again.copy).toBeNull();
  expect(again.notices.join()).toMatch(/không có|chưa/i);
});

it('what Cấu hình and Tạo hồ sơ save is in the copy, where thidua reads it', async () => {
  const book = new OfflineBook('mau.xlsx', new Uint8Array(original));
  book.saveState({ facts: facts() }, 'vi');
  const saved = await book.saveProfile({ ...book.check('vi').analysis.profile, name: 'Kế hoạch riêng' }, 'vi');
  expect(saved.reannotated).toBe(false);
  expect(saved.analysis.profile.name).toBe('Kế hoạch riêng');
  const copy = path.join(tmp, 'saved.xlsx');
  fs.writeFileSync(copy, book.current().bytes);
  expect(book.current().edited).toBe(true);
  const json = thidua(['check', copy, '--json']);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout).profile).toBe('Kế hoạch riêng');
  // The dossier from the copy's own facts is the dossier from the same facts given by file.
  const factsFile = path.join(tmp, 'facts.json');
  fs.writeFileSync(factsFile, JSON.stringify(facts()));
  expect(thidua(['dossier', copy, '--out', path.join(tmp, 'a'), '--zip']).code).toBe(0);
  expect(thidua(['dossier', SAMPLE, '--out', path.join(tmp, 'b'), '--facts', factsFile, '--zip']).code).toBe(0);
  expect(fs.readFileSync(path.join(tmp, 'a/ho-so-de-nghi-khen-thuong.zip')).equals(fs.readFileSync(path.join(tmp, 'b/ho-so-de-nghi-khen-thuong.zip')))).toBe(true);
  // The marks follow a profile saved after Đánh dấu (annotated again), as in the add-in.
  await book.annotate('vi');
  const again = await book.saveProfile(null, 'vi');
  expect(again.reannotated).toBe(true);
  expect(again.analysis.profile.name).not.toBe('Kế hoạch riêng');
});

it('Ghi vào lịch sử is thidua record, part for part', async () => {
  const book = new OfflineBook('mau.xlsx', new Uint8Array(original));
  book.saveState({ facts: facts() }, 'vi');
  const withFacts = path.join(tmp, 'with-facts.xlsx');
  fs.writeFileSync(withFacts, book.current().bytes);
  const before = Buffer.from(book.current().bytes);
  const r = book.recordAwards('vi');
  expect(r.ok).toBe(true);
  const cli = path.join(tmp, 'cli-recorded.xlsx');
  expect(thidua(['record', withFacts, '--facts', path.join(ROOT, 'templates/thong-tin-ho-so-mau.json'), '--annotate', cli]).code).toBe(0);
  expect(compareCopies(fs.readFileSync(cli), Buffer.from(book.current().bytes), before).differences).toEqual([]);
  // The same decision again: refused, nothing written.
  const twice = book.recordAwards('vi');
  expect(twice.ok).toBe(false);
  if (!twice.ok) expect(twice.reason).toBe('alreadyRecorded');
});

it('a file that is not a workbook is named as such, in words', () => {
  expect(() => new OfflineBook('x.xlsx', new Uint8Array(Buffer.from('hello'))).check('vi')).toThrow(/x\.xlsx/);
  expect(() => new OfflineBook('x.xlsx', new Uint8Array(0)).check('vi')).toThrow(/x\.xlsx/);
});
