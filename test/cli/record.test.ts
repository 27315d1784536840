/**
 * `thidua record`: the awards of the issued decision appended to "Lịch sử khen thưởng" in a copy
 * written by patching the package (the original untouched, every other sheet as it was), read back
 * by our reader and by LibreOffice; the same decision refused the second time; a candidate proposed
 * again for an award received the same year is warned by the check.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import { decisionKey, planRecord } from '../../src/core/awardRecord';
import type { Grid } from '../../src/core/grid';
import { readHistory } from '../../src/core/history';
import { renderMessage } from '../../src/core/messages/render';
import { stateRows } from '../../src/core/state';
import { readWorkbookFile } from '../support/readWorkbook';
import { docxText } from '../support/dossier';
import { expectNoStack, ROOT, SAMPLE, thidua } from './run';

const FACTS = path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json');

async function gridOf(file: string): Promise<Grid> {
  const r = await readWorkbookFile(file);
  if (!r.ok) throw new Error(`unreadable ${file}`);
  return r.grid;
}

describe('thidua record', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-record-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const first = path.join(work, 'da-ghi.xlsx');

  // The sample's own sheet "Lịch sử khen thưởng" holds 8 earlier awards (header on row 4).
  const EARLIER = 8;

  it('appends the 19 awards of decision 1520/QĐ-UBND below the history sheet\'s earlier rows in the copy; the original is untouched', async () => {
    const before = readFileSync(SAMPLE);
    const r = thidua(['record', SAMPLE, '--facts', FACTS, '--annotate', first]);
    expectNoStack(r);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã ghi 19 dòng khen thưởng của Quyết định 1520/QĐ-UBND');
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);

    const grid = await gridOf(first);
    const { history, issues } = readHistory(grid);
    expect(issues).toEqual([]);
    expect(history?.sheet).toBe('Lịch sử khen thưởng');
    expect(history?.entries).toHaveLength(EARLIER + 19);
    const recorded = history!.entries.filter((e) => e.decisionNumber === '1520/QĐ-UBND');
    expect(recorded).toHaveLength(19);
    expect(recorded[0].row).toBe(4 + EARLIER + 1);
    const ha = recorded.find((e) => e.name === 'Nguyễn Thị Thu Hà')!;
    expect(ha).toMatchObject({ year: 2022, award: 'Giấy khen của Chủ tịch UBND thị xã', decisionNumber: '1520/QĐ-UBND', decisionDate: { day: 28, month: 12, year: 2022 } });
    expect(ha.note).toContain('Đẩy mạnh công tác cải cách hành chính');
    // The other sheets read exactly as before.
    const original = await gridOf(SAMPLE);
    for (const s of original.sheets) {
      const now = grid.sheets.find((x) => x.name === s.name)?.values;
      // The history sheet keeps its earlier rows as they were.
      expect(s.name === 'Lịch sử khen thưởng' ? now?.slice(0, s.values.length) : now).toEqual(s.values);
    }
    // The proposed candidates are the ones recorded.
    const a = analyze(original, { lang: 'vi' });
    expect(recorded.map((e) => e.name).sort()).toEqual(a.result.candidates.filter((c) => c.award).map((c) => c.name).sort());
  });

  it('LibreOffice opens the copy and reads the history rows', () => {
    const out = path.join(work, 'csv');
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, first], { stdio: 'pipe', timeout: 180000 });
    const csv = readdirSync(out).find((f) => f.includes('Lịch sử khen thưởng'.normalize('NFC')) || f.normalize('NFC').includes('Lịch sử khen thưởng'));
    expect(csv).toBeDefined();
    const lines = readFileSync(path.join(out, csv!), 'utf8').trim().split('\n');
    expect(lines[3]).toBe('Năm,Tên tập thể/cá nhân,Danh hiệu/Hình thức,Số quyết định,Ngày quyết định,Ghi chú');
    expect(lines).toHaveLength(4 + EARLIER + 19);
    expect(lines.filter((l) => l.includes(',1520/QĐ-UBND,'))).toHaveLength(19);
    expect(lines.some((l) => l.startsWith('2022,Nguyễn Thị Thu Hà,Giấy khen của Chủ tịch UBND thị xã,1520/QĐ-UBND,28/12/2022,'))).toBe(true);
  }, 200000);

  it('refuses to record the same decision twice (nothing written); another decision is appended below', async () => {
    const again = path.join(work, 'lan-hai.xlsx');
    const r = thidua(['record', first, '--facts', FACTS, '--annotate', again]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Quyết định 1520/QĐ-UBND đã được ghi vào lịch sử');
    expect(existsSync(again)).toBe(false);

    const next = path.join(work, 'qd-khac.json');
    const facts = JSON.parse(readFileSync(FACTS, 'utf8'));
    facts.year = 2023;
    facts.decision = { ...facts.decision, number: 77, date: '2023-12-20' };
    writeFileSync(next, JSON.stringify(facts));
    const r2 = thidua(['record', first, '--facts', next, '--annotate', again]);
    expect(r2.code).toBe(0);
    const { history } = readHistory(await gridOf(again));
    expect(history?.entries).toHaveLength(EARLIER + 38);
    expect(history?.entries[EARLIER + 19]).toMatchObject({ row: 4 + EARLIER + 19 + 1, year: 2023, decisionNumber: '77/QĐ-UBND' });
  });

  it('an unissued decision (no number or date) is not recorded; the copy is never the input', () => {
    const bare = path.join(work, 'chua-ban-hanh.json');
    writeFileSync(bare, JSON.stringify({ movement: 'CCHC', year: 2022 }));
    const r = thidua(['record', SAMPLE, '--facts', bare, '--annotate', path.join(work, 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('decision.number');
    expect(r.stderr).toContain('decision.date');
    expect(thidua(['record', SAMPLE, '--facts', FACTS, '--annotate', SAMPLE]).code).toBe(2);
    expect(thidua(['record', SAMPLE, '--facts', FACTS]).code).toBe(2);
  });

  it('the check warns when a candidate is proposed for an award already received that year and movement', async () => {
    const grid = await gridOf(first);
    const facts = JSON.parse(readFileSync(FACTS, 'utf8'));
    const withFacts: Grid = { sheets: [...grid.sheets, { name: STATE_SHEET, originRow: 0, originCol: 0, values: stateRows({ facts }) }] };
    const a = analyze(withFacts, { lang: 'vi' });
    const warned = a.result.issues.filter((i) => i.code === 'history.alreadyAwarded');
    expect(warned).toHaveLength(19);
    const ha = warned.find((i) => i.params.name === 'Nguyễn Thị Thu Hà')!;
    expect(ha.sheet).toBe('Lịch sử khen thưởng');
    expect(renderMessage(ha, 'vi')).toContain('đã nhận "Giấy khen của Chủ tịch UBND thị xã" năm 2022 (Quyết định 1520/QĐ-UBND)');
    // Another year: no warning.
    const next: Grid = { sheets: [...grid.sheets, { name: STATE_SHEET, originRow: 0, originCol: 0, values: stateRows({ facts: { ...facts, year: 2023, decision: undefined, date: '2023-12-20' } }) }] };
    expect(analyze(next, { lang: 'vi' }).result.issues.filter((i) => i.code === 'history.alreadyAwarded')).toEqual([]);
  });

  it('decision numbers compare loosely; a new sheet takes a free name', () => {
    expect(decisionKey('Số: 1520/QĐ-UBND')).toBe(decisionKey('1520 / qd-ubnd'));
    expect(decisionKey('01520/QĐ-UBND')).toBe(decisionKey('1520/QĐ-UBND'));
    const r = planRecord(null, [{ year: 2022, name: 'A', award: 'GK', decisionNumber: '1/QĐ', decisionDate: '01/01/2022' }], ['lịch sử khen thưởng']);
    expect(r.ok && r.plan.sheet).toBe('Lịch sử khen thưởng (2)');
  });

  it('a recorded decision shows up in the next dossier\'s section III (Các hình thức đã được khen thưởng)', () => {
    // Next campaign, under the 2022 law (its Báo cáo thành tích has section III).
    const nextFacts = path.join(work, 'nam-sau.json');
    const facts = JSON.parse(readFileSync(FACTS, 'utf8'));
    facts.year = 2025;
    facts.date = '2025-12-20';
    delete facts.decision;
    writeFileSync(nextFacts, JSON.stringify(facts));
    const out = path.join(work, 'ho-so-nam-sau');
    const r = thidua(['dossier', first, '--out', out, '--facts', nextFacts]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const reports = readdirSync(path.join(out, '03-bao-cao-thanh-tich'));
    const ha = reports.find((f) => f.endsWith('nguyen-thi-thu-ha.docx'))!;
    const text = docxText(readFileSync(path.join(out, '03-bao-cao-thanh-tich', ha)));
    const section = text.slice(text.indexOf('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG'));
    expect(text).toContain('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG');
    expect(section).toContain('1520/QĐ-UBND ngày 28 tháng 12 năm 2022');
    expect(section).toContain('Giấy khen của Chủ tịch UBND thị xã');
    // Before recording, the same dossier does not list it.
    const before = path.join(work, 'ho-so-truoc');
    expect(thidua(['dossier', SAMPLE, '--out', before, '--facts', nextFacts]).code).toBe(0);
    const prior = docxText(readFileSync(path.join(before, '03-bao-cao-thanh-tich', ha)));
    expect(prior).not.toContain('1520/QĐ-UBND');
  });
});
