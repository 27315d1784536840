/** `thidua check` end to end on real .xlsx files, spawned as a user runs it. */
import ExcelJS from 'exceljs';
import { copyFileSync, linkSync, promises as fs, readFileSync, symlinkSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import PizZip from 'pizzip';
import { formatNumber } from '../../src/core/messages/format';
import { checkJsonSchema, type CheckJson } from './contract';
import { expectNoStack, SAMPLE, thidua } from './run';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-cli-'));
});

async function writeWorkbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheetName);
    for (const r of rows) ws.addRow(r);
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const HEADER = ['STT', 'Tên đơn vị', 'Tỷ lệ hoàn thành nhiệm vụ (%)', 'Xếp loại PAR Index', 'Chỉ số SIPAS (%)', 'Tỷ lệ hồ sơ đúng hạn (%)', 'Sáng kiến', 'Quyết định công nhận'];

describe('the sample workbook', () => {
  let json: CheckJson;
  beforeAll(() => {
    const r = thidua(['check', SAMPLE, '--json']);
    expect(r.code).toBe(0);
    json = checkJsonSchema.parse(JSON.parse(r.stdout));
  });

  test('--json validates against the contract and finds both kinds', () => {
    expect(json.profile).toBe('Ninh Hòa CCHC 2022');
    expect(new Set(json.tables.map((t) => t.kind))).toEqual(new Set(['collective', 'individual']));
    expect(json.candidates.filter((c) => c.kind === 'collective').length).toBeGreaterThanOrEqual(12);
    expect(json.candidates.filter((c) => c.kind === 'individual').length).toBeGreaterThanOrEqual(8);
  });

  test('each criterion message states the value of its own row', () => {
    // Rate and rating reasons are shared by every row with the same rule; the value is put back per row.
    const criteria = json.candidates.flatMap((c) => c.criteria);
    expect(criteria.filter((x) => typeof x.value === 'number').length).toBeGreaterThan(20);
    for (const x of criteria) {
      expect(x.message).not.toMatch(/undefined|NaN/);
      if (typeof x.value === 'number' && x.outcome !== 'unknown') expect(x.message).toContain(`${formatNumber(x.value, 'vi')}%`);
      if (typeof x.value === 'string' && x.outcome !== 'unknown') expect(x.message).toContain(`"${x.value}"`);
    }
  });

  test('quotas hold, ranks are consistent, and the result is interesting', () => {
    for (const kind of ['collective', 'individual'] as const) {
      const list = json.candidates.filter((c) => c.kind === kind);
      expect(list.filter((c) => c.award === 'giay-khen-thi-xa').length).toBeLessThanOrEqual(10);
      for (const c of list) {
        expect(c.rank !== null).toBe(c.eligible && !(c as { duplicate?: boolean }).duplicate);
        if (c.award) expect(c.eligible).toBe(true);
        if (c.eligible) expect(c.criteria.every((x) => x.outcome === 'pass')).toBe(true);
      }
    }
    expect(json.candidates.some((c) => c.overQuota)).toBe(true);
    expect(json.candidates.some((c) => c.criteria.some((x) => x.outcome === 'fail'))).toBe(true);
    expect(json.candidates.some((c) => c.criteria.some((x) => x.outcome === 'unknown'))).toBe(true);
    expect(json.issues.every((i) => i.sheet.length > 0)).toBe(true);
  });

  test('the human table shows the ranking, problems and quota lines', () => {
    const r = thidua(['check', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('TẬP THỂ');
    expect(r.stdout).toContain('CÁ NHÂN');
    expect(r.stdout).toMatch(/Giấy khen: \d+\/10 tập thể, \d+\/10 cá nhân/);
    expect(r.stdout).toContain('Vấn đề dữ liệu');
    const en = thidua(['check', SAMPLE, '--lang', 'en']);
    expect(en.stdout).toContain('COLLECTIVES');
    expect(en.stdout).toMatch(/Giấy khen: \d+\/10 collectives/);
  });
});

describe('boundaries through a real file', () => {
  test('90% task completion fails, 90% SIPAS passes, 98% on time fails, 98.01% passes — in mixed formats', async () => {
    const file = await writeWorkbook('bounds.xlsx', {
      'Tập thể': [
        ['BẢNG TỔNG HỢP'],
        HEADER,
        [1, 'A', 0.9, 'Tốt', '90%', 0.9801, 'SK', 'x'],
        [2, 'B', '90,01%', 'Tốt', 0.9, '98%', 'SK', 'x'],
        [3, 'C', 95, 'Xuất sắc', '89,99 %', 98.01, 'SK', 'QĐ số 5/QĐ-UBND'],
      ],
    });
    const r = thidua(['check', file, '--json']);
    expect(r.code).toBe(0);
    const json = checkJsonSchema.parse(JSON.parse(r.stdout));
    const o = (name: string, id: string) => json.candidates.find((c) => c.name === name)!.criteria.find((x) => x.id === id)!.outcome;
    expect([o('A', 'taskCompletion'), o('A', 'sipas'), o('A', 'onTime')]).toEqual(['fail', 'pass', 'pass']);
    expect([o('B', 'taskCompletion'), o('B', 'sipas'), o('B', 'onTime')]).toEqual(['pass', 'pass', 'fail']);
    expect([o('C', 'sipas'), o('C', 'onTime')]).toEqual(['fail', 'pass']);
  });

  test('--profile changes thresholds; an invalid profile lists every problem by path (exit 1)', async () => {
    const file = await writeWorkbook('p.xlsx', { TT: [HEADER, [1, 'A', 95, 'Tốt', 0.58, 99, 'SK', 'x']] });
    const good = path.join(dir, 'good.json');
    await fs.writeFile(good, JSON.stringify({ criteria: { sipas: { threshold: 58, inclusive: true } } }));
    const r = thidua(['check', file, '--json', '--profile', good]);
    expect(JSON.parse(r.stdout).candidates[0].eligible).toBe(true);
    const bad = path.join(dir, 'bad.json');
    await fs.writeFile(bad, JSON.stringify({ criteria: { sipas: { threshold: 101 }, bogus: {} }, awards: [{ id: 'giay-khen-thi-xa', quota: { individual: -2 } }] }));
    const b = thidua(['check', file, '--profile', bad]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('criteria.sipas.threshold');
    expect(b.stderr).toContain('criteria.bogus');
    expect(b.stderr).toContain('awards.0.quota.individual');
    expectNoStack(b);
  });
});

describe('bad input: a clear message, an exit code, never a stack trace', () => {
  test.each([
    ['missing', async () => path.join(dir, 'nope.xlsx')],
    ['empty', async () => { const f = path.join(dir, 'empty.xlsx'); await fs.writeFile(f, ''); return f; }],
    ['not a zip', async () => { const f = path.join(dir, 'text.xlsx'); await fs.writeFile(f, 'Tên đơn vị;SIPAS\nA;95\n'); return f; }],
    ['corrupt zip', async () => { const f = path.join(dir, 'corrupt.xlsx'); const ok = await fs.readFile(SAMPLE); await fs.writeFile(f, ok.subarray(0, Math.floor(ok.length / 2))); return f; }],
    ['encrypted (OLE2)', async () => { const f = path.join(dir, 'enc.xlsx'); await fs.writeFile(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)])); return f; }],
    ['no table', async () => writeWorkbook('notable.xlsx', { 'Ghi chú': [['Ghi chú'], ['Không có bảng']] })],
  ])('%s → exit 1', async (_label, make) => {
    const file = await make();
    const r = thidua(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().length).toBeGreaterThan(10);
    expect(r.stdout).toBe('');
    expectNoStack(r);
  });

  test('a table-less workbook says what was looked for', async () => {
    const r = thidua(['check', await writeWorkbook('nt2.xlsx', { A: [['x']] })]);
    expect(r.stderr).toContain('Tên đơn vị');
    const en = thidua(['check', await writeWorkbook('nt3.xlsx', { A: [['x']] }), '--lang', 'en']);
    expect(en.stderr).toContain('No table');
  });

  test.each([[[]], [['check']], [['frobnicate']], [['check', 'a.xlsx', '--bogus']], [['check', 'a.xlsx', '--profile']]])('usage %p → exit 2', (args) => {
    const r = thidua(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/thidua check/);
    expectNoStack(r);
  });

  test('--annotate never overwrites the input: same path, a symlink, a hard link', () => {
    const r = thidua(['check', SAMPLE, '--annotate', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tệp đầu vào/);
    const copy = path.join(dir, 'input-copy.xlsx');
    copyFileSync(SAMPLE, copy);
    const before = readFileSync(copy);
    const link = path.join(dir, 'input-link.xlsx');
    symlinkSync(copy, link);
    const hard = path.join(dir, 'input-hard.xlsx');
    linkSync(copy, hard);
    for (const out of [link, hard]) {
      const s = thidua(['check', copy, '--annotate', out, '--lang', 'en']);
      expect(s.code).toBe(2);
      expect(s.stderr).toMatch(/it is the input file/);
    }
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  test('--annotate onto a device: refused, nothing written', () => {
    const r = thidua(['check', SAMPLE, '--annotate', '/dev/null']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không phải là một tệp thông thường/);
    expectNoStack(r);
  });
});

describe('--annotate', () => {
  test('writes an annotated copy; the JSON stays pure on stdout', async () => {
    const out = path.join(dir, 'annotated.xlsx');
    const r = thidua(['check', SAMPLE, '--json', '--annotate', out]);
    expect(r.code).toBe(0);
    JSON.parse(r.stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Kết quả xét khen thưởng')).toBeDefined();
    const again = path.join(dir, 'annotated-twice.xlsx');
    expect(thidua(['check', out, '--annotate', again]).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    expect(wb2.worksheets.filter((w) => w.name === 'Kết quả xét khen thưởng')).toHaveLength(1);
    // Same JSON from the original and from the annotated copy: annotation changes no value.
    const a = JSON.parse(thidua(['check', SAMPLE, '--json']).stdout);
    const b = JSON.parse(thidua(['check', again, '--json']).stdout);
    expect(b.candidates).toEqual(a.candidates);
  });

  test('a package without its own relationships part (_rels/.rels): read, and annotated too', async () => {
    // The reader finds the workbook by its content type then; the writer must find it the same way.
    const zip = new PizZip(readFileSync(SAMPLE));
    zip.remove('_rels/.rels');
    const input = path.join(dir, 'khong-rels.xlsx');
    await fs.writeFile(input, zip.generate({ type: 'nodebuffer' }));
    const plain = thidua(['check', input, '--json']);
    expect(plain.code).toBe(0);
    const out = path.join(dir, 'khong-rels-da-danh-dau.xlsx');
    const r = thidua(['check', input, '--annotate', out]);
    expectNoStack(r);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Kết quả xét khen thưởng')).toBeDefined();
  });
});

test('--annotate into a place that cannot be written: exit 1 with a message, no stack', () => {
  const r = thidua(['check', SAMPLE, '--annotate', '/proc/nope/x.xlsx']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/x\.xlsx/);
  expectNoStack(r);
});

test('a hand-broken state entry (overrides: [null]) is reported and ignored: the check runs, stdout stays pure JSON', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const st = wb.getWorksheet('_ThiDuaCCHC') ?? wb.addWorksheet('_ThiDuaCCHC', { state: 'hidden' });
  st.addRow(['Thi đua CCHC — dữ liệu của tiện ích (không sửa tay)']);
  st.addRow(['overrides', '[null]']);
  const file = path.join(dir, 'broken-state.xlsx');
  await wb.xlsx.writeFile(file);
  const r = thidua(['check', file, '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).candidates.length).toBeGreaterThan(10);
  expect(r.stderr).toMatch(/mục "overrides\.0"\) sai cấu trúc/);
  expectNoStack(r);
});
