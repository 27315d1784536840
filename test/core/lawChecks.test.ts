/** The law's rules beside the criteria: one initiative one use, dissolved units, women's priority. */
import { check } from '../../src/core/check';
import type { CellValue } from '../../src/core/grid';
import { DEFAULT_PROFILE, mergeProfile, type Profile } from '../../src/core/profile';
import { renderMessage } from '../../src/core/messages/render';
import { presetById } from '../../src/core/presets';
import { collectives, COLLECTIVE_HEADER, grid, sheet, unitRow } from './fixtures';

const profileWith = (partial: unknown, base: Profile = DEFAULT_PROFILE): Profile => {
  const p = mergeProfile(partial, base);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.profile;
};

describe('one initiative, one use (CV 5007/BNV-TĐKT 2023)', () => {
  it('warns on each row that claims the same initiative with the same decision, naming the others', () => {
    const s = collectives([
      unitRow(1, 'Phòng Tư pháp', { initiative: '“Tổ công nghệ số cộng đồng”', decision: 'QĐ số 52/QĐ-UBND ngày 10/11/2022' }),
      unitRow(2, 'UBND xã Ninh Xuân', { initiative: 'Tổ công nghệ số  cộng đồng', decision: 'Quyết định số 52/QĐ-UBND' }),
      unitRow(3, 'Phòng Nội vụ', { initiative: 'Tổ công nghệ số cộng đồng', decision: 'QĐ số 53/QĐ-UBND ngày 10/11/2022' }),
      unitRow(4, 'Phòng Kinh tế', { initiative: 'Số hóa hồ sơ', decision: 'QĐ số 52/QĐ-UBND' }),
    ]);
    const r = check(grid(s));
    const reused = r.issues.filter((i) => i.code === 'initiative.reused');
    expect(reused.map((i) => i.params.name).sort()).toEqual(['Phòng Tư pháp', 'UBND xã Ninh Xuân']);
    const tuPhap = reused.find((i) => i.params.name === 'Phòng Tư pháp')!;
    expect(tuPhap).toMatchObject({ severity: 'warning', sheet: 'Tập thể', cell: 'H2' }); // the recognition's cell
    expect(String(tuPhap.params.others)).toContain('UBND xã Ninh Xuân');
    expect(renderMessage(tuPhap, 'vi')).toContain('5007/BNV-TĐKT');
    expect(renderMessage(tuPhap, 'en')).toContain('only once');
    // A warning, not a fail: the council decides whose it is.
    expect(r.candidates.find((c) => c.name === 'Phòng Tư pháp')!.eligible).toBe(true);
  });

  it('counts a unit and a person citing one initiative with one decision', () => {
    const units = collectives([unitRow(1, 'Phòng Tư pháp', { initiative: 'Một cửa điện tử', decision: 'QĐ 7/QĐ-UBND' })]);
    const people = sheet('Cá nhân', [
      ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Sáng kiến', 'Quyết định công nhận'],
      [1, 'Lê Văn A', 'Chuyên viên', 'Phòng Tư pháp', 'Một cửa điện tử', 'QĐ số 7/QĐ-UBND'],
      [2, 'Lê Văn B', 'Chuyên viên', 'Phòng Tư pháp', 'Một cửa điện tử', 'QĐ số 8/QĐ-UBND'],
    ]);
    const reused = check(grid(units, people)).issues.filter((i) => i.code === 'initiative.reused');
    expect(reused.map((i) => i.params.name).sort()).toEqual(['Lê Văn A', 'Phòng Tư pháp']);
  });
});

describe('units dissolved or merged (TT 15/2025/TT-BNV)', () => {
  const header = [...COLLECTIVE_HEADER, 'Đã giải thể, sáp nhập'];
  const row = (n: number, name: string, mark: CellValue) => [...unitRow(n, name), mark];

  it('a unit marked in the column is not proposed, with its reason; "Không" and blanks are not marks', () => {
    const r = check(grid(collectives([row(1, 'UBND phường Ninh Hiệp', 'Sáp nhập vào phường Ninh Hòa'), row(2, 'Phòng Tư pháp', 'Không'), row(3, 'Phòng Nội vụ', null)], header)));
    const hiep = r.candidates.find((c) => c.name === 'UBND phường Ninh Hiệp')!;
    expect(hiep).toMatchObject({ eligible: false, award: null, rank: null, dissolved: 'Sáp nhập vào phường Ninh Hòa' });
    const issue = r.issues.find((i) => i.code === 'unit.dissolved')!;
    expect(issue).toMatchObject({ cell: 'B2', params: { name: 'UBND phường Ninh Hiệp' } });
    expect(renderMessage(issue, 'vi')).toContain('Thông tư 15/2025/TT-BNV');
    expect(r.candidates.filter((c) => c.award).map((c) => c.name).sort()).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
  });

  it('a unit on the profile list is not proposed either (names matched like units)', () => {
    const r = check(grid(collectives([unitRow(1, 'UBND xã Ninh Đông'), unitRow(2, 'Phòng Tư pháp')])), { profile: profileWith({ dissolvedUnits: ['Ninh Đông'] }) });
    expect(r.candidates.find((c) => c.name === 'UBND xã Ninh Đông')!.dissolved).toBe('profile');
    expect(r.issues.some((i) => i.code === 'unit.dissolvedListed')).toBe(true);
    expect(r.candidates.filter((c) => c.award).map((c) => c.name)).toEqual(['Phòng Tư pháp']);
  });
});

describe('women first among equals (NĐ 152/2025/NĐ-CP Điều 4)', () => {
  const header = [...COLLECTIVE_HEADER, 'Tỷ lệ nữ (%)'];
  const tied = (a: CellValue, b: CellValue) => collectives([[...unitRow(1, 'Phòng A'), a], [...unitRow(2, 'Phòng B'), b]], header);
  const oneGiayKhen = { awards: [{ id: 'giay-khen-thi-xa', quota: { collective: 1 } }] };

  it('off (the seed): a tie at the cut stays a tie for the council', () => {
    const r = check(grid(tied(75, 20)), { profile: profileWith(oneGiayKhen) });
    expect(r.ties).toHaveLength(1);
  });

  it('on: a collective with 70,00% women exactly wins the last place; 69,99% does not', () => {
    const profile = profileWith({ ...oneGiayKhen, womenPriority: true });
    const at70 = check(grid(tied(20, '70%')), { profile });
    expect(at70.ties).toHaveLength(0);
    expect(at70.candidates.find((c) => c.award)!.name).toBe('Phòng B');
    const below = check(grid(tied(69.99, 0.2)), { profile });
    expect(below.ties).toHaveLength(1);
    const both = check(grid(tied(70, 100)), { profile });
    expect(both.ties).toHaveLength(1); // both have the priority: still equal
  });

  it('on: a woman wins over a man equal on every key; the xa-phuong-2026 preset has it on', () => {
    const units = collectives([unitRow(1, 'Phòng Tư pháp')]);
    const people = sheet('Cá nhân', [
      ['STT', 'Họ và tên', 'Giới tính', 'Đơn vị công tác', 'Sáng kiến', 'Quyết định công nhận'],
      [1, 'Lê Văn Nam', 'Nam', 'Phòng Tư pháp', 'SK 1', 'QĐ số 1/QĐ-UBND'],
      [2, 'Lê Thị Nữ', 'Nữ', 'Phòng Tư pháp', 'SK 2', 'QĐ số 2/QĐ-UBND'],
    ]);
    const preset = presetById('xa-phuong-2026')!.profile;
    expect(preset.womenPriority).toBe(true);
    const profile = profileWith({ awards: [{ id: 'giay-khen-xa-phuong', quota: { individual: 1 } }] }, preset);
    const r = check(grid(units, people), { profile });
    expect(r.candidates.find((c) => c.kind === 'individual' && c.award)!.name).toBe('Lê Thị Nữ');
    const seed = check(grid(units, people), { profile: profileWith({ awards: [{ id: 'giay-khen-thi-xa', quota: { individual: 1 } }] }) });
    expect(seed.ties).toHaveLength(1);
  });
});

describe('a dissolved unit in the summaries', () => {
  it('reads as not proposed (red), never as missing data', () => {
    const { verdictOf } = require('../../src/core/summary') as typeof import('../../src/core/summary');
    const r = check(grid(collectives([[...unitRow(1, 'UBND xã Ninh Đông'), 'Đã sáp nhập']], [...COLLECTIVE_HEADER, 'Giải thể, sáp nhập'])));
    expect(verdictOf(r.candidates[0])).toBe('fail');
  });
});

describe('reusedInitiatives: grouped by initiative first, the same warnings in the same order', () => {
  const fc = require('fast-check') as typeof import('fast-check');
  const { reusedInitiatives } = require('../../src/core/lawChecks') as typeof import('../../src/core/lawChecks');
  const { fold } = require('../../src/core/text') as typeof import('../../src/core/text');
  const { parseYesNo } = require('../../src/core/values') as typeof import('../../src/core/values');
  type C = import('../../src/core/result').Candidate;
  type I = import('../../src/core/result').Issue;

  /** The former one-pass grouping by (initiative, recognition), kept as the reference. */
  function reference(candidates: C[], issues: I[]): void {
    const textKey = (t: string) => fold(t).replace(/[^a-z0-9]+/g, ' ').trim();
    const recognitionKey = (text: string | undefined) => {
      const f = (text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
      const m = /(\d+)\s*\/\s*([a-z0-9][a-z0-9-]*)/.exec(f);
      if (m) return `${m[1]}/${m[2]}`;
      const yes = parseYesNo(text ?? '', true);
      if (yes.ok === true) return yes.value ? 'yes' : 'no';
      return textKey(text ?? '');
    };
    const groups = new Map<string, C[]>();
    for (const c of candidates) {
      if (c.duplicate || !c.facts.initiative) continue;
      const name = textKey(c.facts.initiative);
      if (!name || ['khong', 'khong co', 'x', 'co'].includes(name)) continue;
      const key = `${name}\u0000${recognitionKey(c.facts.initiativeRecognition)}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const c of group) {
        const cell = c.criteria.find((x) => x.id === 'initiative' && !x.inherited)?.cell ?? c.nameCell;
        // Five others named and how many more (the message's size does not grow with the group).
        const all = group.filter((o) => o !== c).map((o) => `${o.name} (${o.sheet}!${o.nameCell})`);
        const others = all.slice(0, 5).join('; ') + (all.length > 5 ? `; … (+${all.length - 5})` : '');
        issues.push({ severity: 'warning', sheet: c.sheet, cell, code: 'initiative.reused', params: { name: c.name, initiative: c.facts.initiative!.trim(), others } });
      }
    }
  }

  it('on random candidates', () => {
    const initiatives = ['Tổ công nghệ số', 'tổ CÔNG nghệ số', 'Một cửa 50%', 'Một cửa 50', 'x', 'Không', '', 'Số hóa hồ sơ'];
    const recognitions = [undefined, 'QĐ số 52/QĐ-UBND', 'Quyết định 52 / qđ-ubnd ngày 1/2', 'Có', 'x', 'Không', 'QĐ 53/QĐ-UBND', 'bằng văn bản'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ i: fc.nat(initiatives.length - 1), r: fc.nat(recognitions.length - 1), dup: fc.boolean() }), { maxLength: 30 }),
        (rows) => {
          const candidates = rows.map(
            (x, k) =>
              ({
                kind: k % 2 ? 'individual' : 'collective', name: `Tên ${k}`, sheet: 'S', row: k + 2, nameCell: `B${k + 2}`, duplicate: x.dup && k % 3 === 0,
                facts: { initiative: initiatives[x.i] || undefined, initiativeRecognition: recognitions[x.r] }, criteria: [],
              }) as unknown as C,
          );
          const a: I[] = [];
          const b: I[] = [];
          reusedInitiatives(candidates, a);
          reference(candidates, b);
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
