/**
 * `thidua ballots`: one phiếu bầu per member present, listing everyone the council votes on with
 * the quota stated; once votes are counted, the Biên bản kiểm phiếu with each candidate's votes,
 * share and result exactly as `check` applies them.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, SAMPLE, thidua, expectNoStack } from './run';
import { docxText } from '../support/dossier';

const MEETING = path.join(ROOT, 'templates', 'cuoc-hop-mau.json');
const FACTS = path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json');

describe('thidua ballots', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-ballots-'));
  const profile = path.join(dir, 'p70.json');
  writeFileSync(profile, JSON.stringify({ voteThreshold: 70 }));

  it('writes one ballot per member present and, from the count, the Biên bản kiểm phiếu', () => {
    const out = path.join(dir, 'phieu');
    const r = thidua(['ballots', SAMPLE, '--out', out, '--profile', profile, '--facts', FACTS, '--meeting', MEETING]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const meeting = JSON.parse(readFileSync(MEETING, 'utf8')) as { membersPresent: number; membersTotal: number };
    const ballots = docxText(readFileSync(path.join(out, 'phieu-bau.docx')));
    expect(ballots.split('PHIẾU BẦU').length - 1).toBe(meeting.membersPresent);
    expect(ballots).toContain('Chỉ tiêu khen thưởng theo Kế hoạch — Giấy khen: 10 tập thể.');
    expect(ballots).toContain('Đồng ý');
    expect(ballots).toContain('Không đồng ý');
    // Everyone the council votes on, the low votes too (the ballot comes before the count).
    expect(ballots).toContain('Phòng Tài nguyên và Môi trường');
    expect(ballots).toContain('Võ Thị Mai');
    expect(ballots).toContain('từ 70% trở lên');

    const count = docxText(readFileSync(path.join(out, 'bien-ban-kiem-phieu.docx')));
    expect(count).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(count).toContain(`Tổng số thành viên Hội đồng: ${meeting.membersTotal}; số thành viên có mặt: ${meeting.membersPresent}.`);
    // The same judgement as check: 7 of 11 is 63,6 %, under 70 %.
    const row = (name: string) => count.slice(count.indexOf(name), count.indexOf(name) + 200);
    expect(row('Võ Thị Mai')).toMatch(/7\/11[\s\S]*63,6%[\s\S]*Không đạt/);
    expect(row('Phòng Tài chính - Kế hoạch')).toMatch(/9\/11[\s\S]*81,8%[\s\S]*Đạt/);
    const json = JSON.parse(thidua(['check', SAMPLE, '--profile', profile, '--meeting', MEETING, '--json']).stdout) as { candidates: { name: string; criteria: { id: string; outcome: string }[] }[] };
    const verdict = (name: string) => json.candidates.find((c) => c.name === name)!.criteria.find((x) => x.id === 'votes')!.outcome;
    expect(verdict('Võ Thị Mai')).toBe('fail');
    expect(verdict('Phòng Tài chính - Kế hoạch')).toBe('pass');
  });

  it('before any count: the ballots only, and says the record waits for the count', () => {
    const out = path.join(dir, 'truoc');
    const r = thidua(['ballots', SAMPLE, '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(out, 'phieu-bau.docx'))).toBe(true);
    expect(existsSync(path.join(out, 'bien-ban-kiem-phieu.docx'))).toBe(false);
    expect(r.stdout).toContain('Chưa có kết quả kiểm phiếu');
  });

  it('refuses an impossible count, writing nothing', () => {
    const bad = path.join(dir, 'bad.json');
    const m = JSON.parse(readFileSync(MEETING, 'utf8'));
    m.membersPresent = 12;
    writeFileSync(bad, JSON.stringify(m));
    const out = path.join(dir, 'sai');
    const r = thidua(['ballots', SAMPLE, '--out', out, '--meeting', bad]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
