/**
 * The council meeting applied to the sample (src/core/meeting.ts): the votes decide with the
 * profile's threshold and rank first; the council's decisions change the result; an impossible
 * count is refused naming where it is.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, councilBallot, countSheetPlan, fold, keptVotes, meetingOf, questionLines, resultSheet, type Analysis, type CouncilMeeting, type Grid } from '../../src/core';
import { readWorkbookFile } from '../support/readWorkbook';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'templates', 'mau-theo-doi-thi-dua-cchc.xlsx');
const sampleMeeting = (): CouncilMeeting => meetingOf(JSON.parse(readFileSync(path.join(ROOT, 'templates', 'cuoc-hop-mau.json'), 'utf8')))!;

let grid: Grid;
beforeAll(async () => {
  const read = await readWorkbookFile(SAMPLE);
  if (!read.ok) throw new Error('sample unreadable');
  grid = read.grid;
});

const run = (meeting: CouncilMeeting | undefined, profileInput: unknown = { voteThreshold: 70 }): Analysis => analyze(grid, { lang: 'vi', profileInput, meeting });
const proposed = (a: Analysis, kind: 'collective' | 'individual') =>
  a.result.candidates.filter((c) => c.kind === kind && c.award).sort((x, y) => x.rank! - y.rank!).map((c) => c.name);
const find = (a: Analysis, name: string) => a.result.candidates.find((c) => c.name === name)!;

describe('the votes decide (70 %, over the 11 members)', () => {
  it('a unit with 7 of 11 votes is not proposed; 9 votes rank before 8', () => {
    const before = run(undefined);
    expect(find(before, 'Phòng Tài nguyên và Môi trường').award).toBe('giay-khen-thi-xa');
    expect(find(before, 'Võ Thị Mai').award).toBe('giay-khen-thi-xa');
    // Without votes, Phòng Tư pháp (8 votes) ranks above Phòng Tài chính - Kế hoạch (9 votes).
    expect(find(before, 'Phòng Tư pháp').rank!).toBeLessThan(find(before, 'Phòng Tài chính - Kế hoạch').rank!);

    const a = run(sampleMeeting());
    expect(a.result.meetingRefused).toBe(false);
    const tnmt = find(a, 'Phòng Tài nguyên và Môi trường');
    expect(tnmt.award).toBeNull();
    expect(tnmt.eligible).toBe(false);
    expect(tnmt.criteria.find((x) => x.id === 'votes')).toMatchObject({ outcome: 'fail', value: 63.636363636 });
    expect(find(a, 'Võ Thị Mai').award).toBeNull();
    expect(find(a, 'Phòng Tài chính - Kế hoạch').rank!).toBeLessThan(find(a, 'Phòng Tư pháp').rank!);
    // Every 9-vote unit before every 8-vote one.
    const shares = proposed(a, 'collective').map((n) => find(a, n).facts.voteShare!);
    expect([...shares].sort((x, y) => y - x)).toEqual(shares);
    expect(proposed(a, 'collective')).toEqual([
      'Văn phòng HĐND và UBND thị xã', 'Phòng Nội vụ', 'UBND phường Ninh Hiệp', 'Phòng Văn hóa và Thông tin', 'UBND xã Ninh Phụng',
      'Phòng Tài chính - Kế hoạch', 'Phòng Tư pháp', 'UBND xã Ninh Xuân', 'Phòng Giáo dục và Đào tạo',
    ]);
    expect(proposed(a, 'individual')).toHaveLength(8);
  });

  it('without a threshold the votes still rank first, and decide nothing else', () => {
    const a = run(sampleMeeting(), {});
    expect(find(a, 'Phòng Tài nguyên và Môi trường').award).toBe('giay-khen-thi-xa');
    expect(find(a, 'Phòng Tài chính - Kế hoạch').rank!).toBeLessThan(find(a, 'Phòng Tư pháp').rank!);
  });

  it('a candidate the council did not vote on is not proposed under a threshold, and says why', () => {
    const m = sampleMeeting();
    m.votes = m.votes!.filter((v) => v.candidate !== 'Phòng Nội vụ');
    const a = run(m);
    const nv = find(a, 'Phòng Nội vụ');
    expect(nv.award).toBeNull();
    expect(nv.criteria.find((x) => x.id === 'votes')).toMatchObject({ outcome: 'unknown', reason: { code: 'crit.votes.none' } });
  });
});

describe('the meeting is refused when its counts are impossible, naming where', () => {
  const codes = (a: Analysis) => a.result.issues.filter((i) => i.code.startsWith('meeting.')).map((i) => [i.code, i.params.where]);

  it('more members present than the council has', () => {
    const a = run({ ...sampleMeeting(), membersPresent: 12 });
    expect(a.result.meetingRefused).toBe(true);
    expect(codes(a)).toEqual([['meeting.presentOverTotal', 'meeting.membersPresent']]);
    // Nothing of a refused meeting is applied.
    expect(find(a, 'Phòng Tài nguyên và Môi trường').award).toBe('giay-khen-thi-xa');
  });

  it('more votes than members, a candidate twice, a name that is no candidate', () => {
    const m = sampleMeeting();
    m.votes![2] = { candidate: 'Phòng Tư pháp', agree: 12 };
    m.votes!.push({ candidate: 'Phòng Nội vụ', agree: 5 });
    m.votes!.push({ candidate: 'Phòng Không Có', agree: 5 });
    const a = run(m);
    expect(a.result.meetingRefused).toBe(true);
    expect(codes(a)).toEqual([
      ['meeting.votesOverMembers', 'meeting.votes[2].agree'],
      ['meeting.duplicateVote', 'meeting.votes[20].candidate'],
      ['meeting.unknownCandidate', 'meeting.votes[21].candidate'],
    ]);
  });
});

describe("the council's decisions", () => {
  it('lists the open questions: shared initiatives that decide something, and nothing green on them', () => {
    const a = run(sampleMeeting());
    const q = a.result.questions!;
    // 13 initiatives are claimed twice; a question only where a claimant meets every criterion.
    expect(q.every((x) => x.type === 'initiative')).toBe(true);
    expect(q.map((x) => x.type === 'initiative' && x.initiative)).toContain('Số hóa hồ sơ cán bộ, công chức');
    expect(q.map((x) => x.type === 'initiative' && x.initiative)).not.toContain('Sổ tay hướng dẫn thủ tục hành chính');
    expect(questionLines(a.result, a.profile, 'vi')).toHaveLength(q.length);
    const nv = find(a, 'Phòng Nội vụ');
    expect(nv.award).toBe('giay-khen-thi-xa');
    expect(nv.criteria.find((x) => x.id === 'initiative')!.pending).toMatchObject({ code: 'crit.initiative.shared', params: { others: 'Nguyễn Thị Thu Hà' } });
    const sheet = resultSheet(a.result, a.profile, 'vi');
    const row = sheet.rows.find((r) => r[2] === 'Phòng Nội vụ')!;
    const initiativeCol = sheet.header.indexOf('Sáng kiến, giải pháp được công nhận');
    expect(row[initiativeCol]).toBe('! Có');
    expect(String(row[sheet.header.indexOf('Lý do')])).toContain('Nguyễn Thị Thu Hà');
  });

  it('an owner of a shared initiative changes the result', () => {
    const m = sampleMeeting();
    m.decisions = [{ type: 'initiative', initiative: 'Số hóa hồ sơ cán bộ, công chức', owner: 'Phòng Nội vụ' }];
    const before = run(sampleMeeting());
    const a = run(m);
    expect(find(before, 'Nguyễn Thị Thu Hà').award).toBe('giay-khen-thi-xa');
    const ha = find(a, 'Nguyễn Thị Thu Hà');
    expect(ha.award).toBeNull();
    expect(ha.criteria.find((x) => x.id === 'initiative')).toMatchObject({ outcome: 'fail', reason: { code: 'crit.initiative.owned', params: { owner: 'Phòng Nội vụ' } } });
    expect(find(a, 'Phòng Nội vụ').criteria.find((x) => x.id === 'initiative')!.pending).toBeUndefined();
    expect(a.result.questions!.length).toBe(before.result.questions!.length - 1);
    expect(a.result.decisions).toContainEqual({ type: 'initiative', initiative: 'Số hóa hồ sơ cán bộ, công chức', owner: 'Phòng Nội vụ', others: ['Nguyễn Thị Thu Hà'] });
    expect(a.result.issues.some((i) => i.code === 'initiative.reused' && i.params.name === 'Phòng Nội vụ')).toBe(false);
  });

  it('a tie at the cut is a question until the council gives the place; then the others are over the quota', () => {
    // Votes only: the 6 units with 9 votes fill 6 of 7 places, the 3 with 8 votes tie for the last.
    const profile = { voteThreshold: 70, rankingKeys: ['votes'], awards: [{ id: 'giay-khen-thi-xa', quota: { collective: 7, individual: 10 } }] };
    const tied = run(sampleMeeting(), profile);
    expect(tied.result.ties).toHaveLength(1);
    expect(tied.result.questions!.filter((q) => q.type === 'tie')).toHaveLength(1);
    const m = sampleMeeting();
    m.decisions = [{ type: 'place', candidate: 'Phòng Giáo dục và Đào tạo' }];
    const a = run(m, profile);
    expect(a.result.ties).toHaveLength(0);
    expect(find(a, 'Phòng Giáo dục và Đào tạo')).toMatchObject({ award: 'giay-khen-thi-xa', councilPlaced: true });
    expect(find(a, 'Phòng Tư pháp')).toMatchObject({ award: null, overQuota: true });
    expect(proposed(a, 'collective')).toHaveLength(7);
  });

  it('a candidate dropped by the council gives its place to the next', () => {
    const m = sampleMeeting();
    m.decisions = [{ type: 'drop', candidate: 'Phòng Nội vụ', reason: 'bị kỷ luật trong năm' }];
    const a = run(m, {});
    expect(find(a, 'Phòng Nội vụ')).toMatchObject({ award: null, councilDropped: true });
    expect(find(a, 'Phòng Tài nguyên và Môi trường').award).toBe('giay-khen-thi-xa');
    expect(find(a, 'UBND xã Ninh Bình').award).toBe('giay-khen-thi-xa');
    expect(a.result.decisions).toContainEqual({ type: 'drop', candidate: 'Phòng Nội vụ', kind: 'collective', reason: 'bị kỷ luật trong năm' });
  });
});

describe('the documents cite the count and the decisions', () => {
  it('Biên bản: method, members, each vote and share, "Hội đồng thống nhất"; Tờ trình: the decision', async () => {
    const { prepareDossier } = await import('../../src/core/dossier/prepare');
    const m = JSON.parse(readFileSync(path.join(ROOT, 'templates', 'cuoc-hop-mau.json'), 'utf8'));
    m.method = 'Bỏ phiếu kín';
    m.decisions = [{ type: 'initiative', initiative: 'Số hóa hồ sơ cán bộ, công chức', owner: 'Phòng Nội vụ' }];
    const p = prepareDossier(grid, { lang: 'vi', profileInput: { voteThreshold: 70 }, given: [{ meeting: m }] });
    if (!p.ok) throw new Error(p.reason);
    const bb = p.model.documents.find((d) => d.template === 'bienBan')!.data as Record<string, any>;
    expect(bb.countText).toBe('Hình thức biểu quyết: bỏ phiếu kín; 9/11 thành viên Hội đồng tham gia biểu quyết; yêu cầu tỷ lệ phiếu đồng ý từ 70% trở lên.');
    expect(bb.votes.find((v: { name: string }) => v.name === 'Phòng Tài nguyên và Môi trường')).toMatchObject({ agree: '7', total: '11', share: '63,6%' });
    expect(bb.councilDecisions[0].text).toMatch(/^Hội đồng thống nhất: sáng kiến “Số hóa hồ sơ cán bộ, công chức” là của Phòng Nội vụ; không dùng .* cho Nguyễn Thị Thu Hà/);
    expect(bb.openInitiativesText).not.toContain('Số hóa hồ sơ cán bộ');
    expect(bb.openInitiativesText).toContain('Chứng thực bản sao điện tử từ bản chính');
    const tt = p.model.documents.find((d) => d.template === 'toTrinh')!.data as Record<string, any>;
    expect(tt.councilDecisions[0].text).toContain('Hội đồng Thi đua - Khen thưởng đã thống nhất: sáng kiến “Số hóa hồ sơ cán bộ, công chức” là của Phòng Nội vụ');
    expect(tt.individuals.map((i: { name: string }) => i.name)).not.toContain('Nguyễn Thị Thu Hà');
    expect(tt.counts).toBe('9 tập thể và 7 cá nhân');
  });
});

describe('the sheet "Kiểm phiếu" carries the count in the workbook', () => {
  const withCountSheet = (rows: (string | number | null)[][]): Grid => ({ sheets: [...grid.sheets, { name: 'Kiểm phiếu', originRow: 0, originCol: 0, values: rows }] });
  const countRows = (edit?: (rows: (string | number | null)[][]) => void) => {
    const m = sampleMeeting();
    const kept = new Map(m.votes!.map((v) => [fold(v.candidate), v.agree]));
    const base = run(undefined);
    const plan = countSheetPlan(councilBallot(base.result).map((c) => ({ kind: c.kind, name: c.name, award: '' })), { ...m, method: 'Bỏ phiếu kín' }, kept);
    edit?.(plan.rows);
    return plan.rows;
  };

  it('gives the same answer as --meeting, and is never read as a table of candidates', () => {
    const fromFile = run(sampleMeeting());
    const fromSheet = analyze(withCountSheet(countRows()), { lang: 'vi', profileInput: { voteThreshold: 70 } });
    expect(fromSheet.result.tables.map((t) => t.sheet)).toEqual(fromFile.result.tables.map((t) => t.sheet));
    for (const kind of ['collective', 'individual'] as const) expect(proposed(fromSheet, kind)).toEqual(proposed(fromFile, kind));
    expect(fromSheet.result.meeting).toMatchObject({ membersTotal: 11, membersPresent: 9, method: 'Bỏ phiếu kín' });
  });

  it('a count that is not a number, or 12 present of 11, is refused naming the cell', () => {
    const a = analyze(withCountSheet(countRows((rows) => { rows[3][1] = 12; rows[7][4] = 'tám'; })), { lang: 'vi', profileInput: { voteThreshold: 70 } });
    expect(a.result.meetingRefused).toBe(true);
    expect(a.result.issues.filter((i) => i.code.startsWith('meeting.')).map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual(['Kiểm phiếu!E8 meeting.badCount', 'Kiểm phiếu!B4 meeting.presentOverTotal']);
  });

  it('written again, it keeps the votes typed in it', () => {
    const rows = countRows();
    const sheet = { name: 'Kiểm phiếu', originRow: 0, originCol: 0, values: rows };
    const again = countSheetPlan([{ kind: 'collective', name: 'Phòng Tư pháp', award: '' }], undefined, keptVotes(sheet));
    expect(again.rows[6]).toEqual([1, 'Tập thể', 'Phòng Tư pháp', '', 8]);
  });
});
