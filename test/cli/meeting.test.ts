/**
 * `thidua check --meeting` judges with the council's votes exactly as the dossier does; an
 * impossible count is refused (exit 1) naming where it is, nothing written.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, SAMPLE, thidua, expectNoStack } from './run';
import { docxText } from '../support/dossier';

const MEETING = path.join(ROOT, 'templates', 'cuoc-hop-mau.json');
const FACTS = path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json');

describe('check --meeting', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-meeting-'));
  const profile = path.join(dir, 'p70.json');
  writeFileSync(profile, JSON.stringify({ voteThreshold: 70 }));

  it('proposes the same candidates, in the same order, as the dossier with the same meeting', () => {
    const r = thidua(['check', SAMPLE, '--profile', profile, '--meeting', MEETING, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { candidates: { name: string; kind: string; award: string | null; rank: number | null }[] };
    const byRank = (kind: string) => json.candidates.filter((c) => c.kind === kind && c.award).sort((a, b) => a.rank! - b.rank!).map((c) => c.name);
    expect(byRank('collective')).not.toContain('Phòng Tài nguyên và Môi trường');
    expect(byRank('individual')).not.toContain('Võ Thị Mai');
    expect(byRank('collective').indexOf('Phòng Tài chính - Kế hoạch')).toBeLessThan(byRank('collective').indexOf('Phòng Tư pháp'));

    const out = path.join(dir, 'ho-so');
    const d = thidua(['dossier', SAMPLE, '--out', out, '--profile', profile, '--facts', FACTS, '--meeting', MEETING]);
    expect(d.code).toBe(0);
    const toTrinh = docxText(readFileSync(path.join(out, '01-to-trinh-giay-khen-thi-xa.docx')));
    const listed = (names: string[]) => names.map((n) => toTrinh.indexOf(`\n${n}\n`) >= 0 ? toTrinh.indexOf(`\n${n}\n`) : toTrinh.indexOf(n));
    for (const kind of ['collective', 'individual']) {
      const at = listed(byRank(kind));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
    expect(toTrinh).not.toContain('Phòng Tài nguyên và Môi trường');
    expect(toTrinh).toContain('9 tập thể và 8 cá nhân');
  });

  it('refuses an impossible count with where it is: exit 1, nothing written', () => {
    const bad = path.join(dir, 'bad.json');
    const m = JSON.parse(readFileSync(MEETING, 'utf8'));
    m.membersPresent = 12;
    m.votes.push({ candidate: 'Phòng Nội vụ', agree: 3 });
    writeFileSync(bad, JSON.stringify(m));
    const copy = path.join(dir, 'copy.xlsx');
    const r = thidua(['check', SAMPLE, '--meeting', bad, '--annotate', copy]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('meeting.membersPresent: số thành viên có mặt (12) lớn hơn tổng số thành viên Hội đồng (11)');
    expect(r.stderr).toContain('meeting.votes[20].candidate: "Phòng Nội vụ" đã có kết quả bỏ phiếu (meeting.votes[1])');
    expect(existsSync(copy)).toBe(false);
    const d = thidua(['dossier', SAMPLE, '--out', path.join(dir, 'none'), '--meeting', bad]);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain('meeting.membersPresent');
    expect(existsSync(path.join(dir, 'none', '02-bien-ban-hop-xet.docx'))).toBe(false);
  });

  it('a document number that is not a number is refused with its path', () => {
    const facts = path.join(dir, 'facts.json');
    writeFileSync(facts, JSON.stringify({ numbers: { toTrinh: 'hai trăm' } }));
    const d = thidua(['dossier', SAMPLE, '--out', path.join(dir, 'nn'), '--facts', facts]);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain('numbers.toTrinh');
  });
});
