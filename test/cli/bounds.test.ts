/**
 * The core's bounds as a user meets them (issue 21): a workbook with more rows than are judged at
 * once is refused in words by every command, never half-judged; a workbook whose every cell is too
 * long is judged with the texts cut and said, annotated, and cleared back to the original part for
 * part. The families are scripts/hostile-inputs.js's, at a small scale.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import PizZip from 'pizzip';
import { hostile } from '../support/hostile';
import { expectNoStack, thidua } from './run';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-bounds-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('more rows than are judged at once: check, --annotate and dossier refuse in words, in both languages, and write nothing', async () => {
  const file = path.join(dir, 'nhieu-dong.xlsx');
  // The family's header carries one unit (row 2); then 10,001 rows named by one shared string.
  await fs.writeFile(file, hostile.families.longNameRows(10001, 300));
  const vi = 'Các bảng cần xét có tổng cộng 10.002 dòng (Tập thể: 10002), quá giới hạn 10.000 dòng một lần xét: chưa xét bảng nào.';
  for (const args of [['check', file], ['check', file, '--annotate', path.join(dir, 'ban-sao.xlsx')], ['dossier', file, '--out', path.join(dir, 'ho-so')]]) {
    const r = thidua(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(vi);
    expectNoStack(r);
  }
  const en = thidua(['check', file, '--lang', 'en']);
  expect(en.stderr).toContain('The tables to judge have 10,002 rows in all (Tập thể: 10002), more than the 10,000 rows judged at once: no table was judged.');
  await expect(fs.access(path.join(dir, 'ban-sao.xlsx'))).rejects.toThrow();
  await expect(fs.access(path.join(dir, 'ho-so'))).rejects.toThrow();
});

test('every cell too long: judged with the texts cut and said, annotated, and cleared back to the original part for part', async () => {
  const file = path.join(dir, 'chu-dai.xlsx');
  const original = hostile.families.longTextEverywhere(30, 400);
  await fs.writeFile(file, original);
  const r = thidua(['check', file, '--json']);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as { candidates: { name: string }[]; issues: { code: string; cell: string | null; message: string }[] };
  expect(json.candidates).toHaveLength(30);
  expect(json.candidates[0].name).toHaveLength(255);
  const cut = json.issues.filter((i) => i.code === 'row.textCut');
  // Per row: name, birth year, gender, position, unit, hometown, qualification (255) — initiative and decision (1,000) and the summary keep 400.
  expect(cut.filter((i) => /^[A-Z]+2$/.test(i.cell ?? '')).map((i) => i.cell).sort()).toEqual(['B2', 'C2', 'D2', 'E2', 'F2', 'G2', 'H2']);
  expect(cut[0].message).toBe('Ô này dài 400 ký tự, quá giới hạn 255 ký tự của cột này: chỉ dùng 255 ký tự đầu.');
  // No message quotes more than 120 characters of a cell.
  expect(Math.max(...json.issues.map((i) => i.message.length))).toBeLessThan(600);

  const marked = path.join(dir, 'chu-dai-danh-dau.xlsx');
  const cleared = path.join(dir, 'chu-dai-xoa.xlsx');
  expect(thidua(['check', file, '--annotate', marked]).code).toBe(0);
  const c = thidua(['clear', marked, '--out', cleared]);
  expect(c.code).toBe(0);
  expectNoStack(c);
  const parts = (bytes: Buffer) => {
    const zip = new PizZip(bytes);
    return Object.fromEntries(Object.values(zip.files).filter((f) => !f.dir).map((f) => [f.name, f.asText()]));
  };
  expect(parts(await fs.readFile(cleared))).toEqual(parts(original));
});
