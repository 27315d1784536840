/**
 * The shipped sample workbook: the script regenerates it byte for byte, and it holds the cases it
 * promises (proposed, failing exactly at a boundary, unknown, over quota, a misspelt unit).
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import type { Candidate, CheckResult } from '../../src/core/result';
import { readWorkbookFile } from '../support/readWorkbook';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'templates/mau-theo-doi-thi-dua-cchc.xlsx');
// Built by jest's globalSetup (tsc -p tsconfig.node.json).
const SCRIPT = path.join(ROOT, 'build/templates/scripts/build-sample-workbook.js');

test('`npm run sample` regenerates exactly the committed workbook', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-sample-'));
  const out = path.join(dir, 'mau.xlsx');
  execFileSync(process.execPath, [SCRIPT, out], { stdio: 'pipe' });
  expect((await fs.readFile(out)).equals(await fs.readFile(SAMPLE))).toBe(true);
  await fs.rm(dir, { recursive: true, force: true });
});

describe('what the sample shows', () => {
  let result: CheckResult;
  const get = (name: string): Candidate => {
    const c = result.candidates.find((x) => x.name === name);
    if (!c) throw new Error(`no candidate ${name}`);
    return c;
  };
  const outcome = (name: string, id: string) => get(name).criteria.find((x) => x.id === id)?.outcome;

  beforeAll(async () => {
    const r = await readWorkbookFile(SAMPLE);
    if (!r.ok) throw new Error(r.error.code);
    result = analyze(r.grid, { lang: 'vi' }).result;
  });

  test('two tables: tập thể under titles with a two-row header, cá nhân; headings and the total row are no candidates', () => {
    expect(result.tables.map((t) => [t.sheet, t.kind, t.headerRows])).toEqual([
      ['Tập thể', 'collective', 2],
      ['Cá nhân', 'individual', 1],
    ]);
    const names = result.candidates.map((c) => c.name);
    expect(names.filter((n) => /CƠ QUAN|XÃ, PHƯỜNG|Tổng cộng/.test(n))).toEqual([]);
    const collectives = result.candidates.filter((c) => c.kind === 'collective');
    expect(collectives.length).toBeGreaterThanOrEqual(15);
    expect(result.candidates.length - collectives.length).toBeGreaterThanOrEqual(12);
  });

  test('more eligible units than the Giấy khen quota: exactly one over quota, no tie', () => {
    const eligible = result.candidates.filter((c) => c.kind === 'collective' && c.eligible);
    expect(eligible.filter((c) => c.award === 'giay-khen-thi-xa')).toHaveLength(10);
    expect(eligible.filter((c) => c.overQuota)).toHaveLength(1);
    expect(result.ties).toEqual([]);
    expect(result.candidates.some((c) => c.tiedAtCutoff)).toBe(false);
  });

  test('units failing exactly at the boundaries, and a formula error that is unknown', () => {
    expect(outcome('Phòng Kinh tế', 'taskCompletion')).toBe('fail'); // 90% is not "trên 90%"
    expect(outcome('UBND phường Ninh Đa', 'onTime')).toBe('fail'); // 490/500 = 98% is not "trên 98%"
    expect(outcome('Phòng Lao động - Thương binh và Xã hội', 'sipas')).toBe('fail'); // "89,9%"
    expect(outcome('Phòng Quản lý đô thị', 'parIndex')).toBe('fail'); // Khá
    expect(outcome('UBND xã Ninh Thọ', 'initiative')).toBe('fail'); // no decision
    expect(outcome('UBND phường Ninh Hà', 'sipas')).toBe('unknown'); // #DIV/0!
    expect(outcome('Phòng Tư pháp', 'sipas')).toBe('pass'); // 0.952 with a % format
  });

  test('individuals: a unit typed without diacritics is found; a misspelt one gets a suggestion', () => {
    expect(get('Huỳnh Văn Lợi').matchedUnit).toBe('UBND xã Ninh Xuân');
    const danh = get('Trương Công Danh');
    expect(danh.matchedUnit).toBeUndefined();
    expect(danh.eligible).toBe(false);
    const hint = result.issues.find((i) => i.sheet === 'Cá nhân' && i.code === 'crit.unitNotFoundHint');
    expect(String(hint?.params.suggestions)).toContain('Phòng Tài nguyên và Môi trường');
    const people = result.candidates.filter((c) => c.kind === 'individual');
    expect(people.filter((c) => c.award).length).toBeGreaterThan(0);
    expect(people.filter((c) => !c.eligible).length).toBeGreaterThan(2);
  });
});
