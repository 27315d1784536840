/**
 * Every problem code the core can produce has a Vietnamese and an English message: enforced by the
 * types (both language files are typed by Text, whose messages are a Record over MessageCode; the
 * complete check is test/core/languages.test.ts); here, that the messages render.
 */
import { vi } from '../../src/core/messages/vi';
import type { MessageCode } from '../../src/core/messages/codes';
import { renderMessage } from '../../src/core/messages/render';
import type { Message } from '../../src/core/result';
import { criterionMessage } from '../../src/core/result';
import { check } from '../../src/core/check';
import { collectives, grid, unitRow } from './fixtures';

const codes = Object.keys(vi.messages).sort() as MessageCode[];

test('messages render numbers the Vietnamese way and never say "undefined"', () => {
  const m: Message = { code: 'crit.rate.fail', params: { criterion: 'onTime', value: 97.5, threshold: 98, op: '>', inclusive: 0 } };
  expect(renderMessage(m, 'vi')).toBe('Tỷ lệ hồ sơ giải quyết đúng hạn 97,5%: không đạt (yêu cầu trên 98%).');
  expect(renderMessage(m, 'en')).toBe('Files resolved on time 97.5%: not met (needs more than 98%).');
  for (const code of codes) {
    expect(renderMessage({ code, params: { criterion: 'sipas', value: 1, threshold: 2, text: 't', name: 'n', unit: 'u', suggestions: 's', rows: '2', error: '#N/A', ladder: 'l', done: 1, total: 2, rate: 1, computed: 1, row: 1, count: 2, places: 1, rank: 1, award: 'a', kind: 'collective', quota: 1, atLeast: 'Tốt', score: 1, decision: 'd', year: 2022, agree: 1, op: '>', inclusive: 1, field: 'f', column: 'Z', columns: 'A, B', key: 'overrides.0', sheet: '_ThiDuaCCHC', why: 'shape', initiative: 'i', others: 'o', reason: 'r', path: 'a.xlsx', limit: 3, owner: 'w', where: 'Kiểm phiếu!E7', present: 12, first: 'Kiểm phiếu!E8', voters: 9, part: 'xl/sharedStrings.xml', encoding: 'windows-1258', kept: 'b.docx', dir: 'out', size: 5, tables: 'Tập thể: 2', length: 4 } }, 'vi')).not.toMatch(/undefined|NaN/);
  }
});

describe('criterion messages', () => {
  // Rate and rating reasons are shared by every row with the same rule and leave out the value:
  // criterionMessage puts each row's own value back. Rendering the bare reason would lose it.
  const units = collectives([
    unitRow(1, 'Phòng Tư pháp', { task: 95.5, sipas: 88, par: 'Tốt' }),
    unitRow(2, 'Phòng Nội vụ', { task: 91, sipas: 92.25, par: 'Khá' }),
  ]);
  const [a, b] = check(grid(units)).candidates;
  const crit = (c: typeof a, id: string) => c.criteria.find((x) => x.id === id)!;

  it('each row renders its own value, from one shared reason per rule and outcome', () => {
    expect(renderMessage(criterionMessage(crit(a, 'taskCompletion')), 'vi')).toBe('Tỷ lệ hoàn thành nhiệm vụ CCHC 95,5%: đạt (yêu cầu trên 90%).');
    expect(renderMessage(criterionMessage(crit(b, 'taskCompletion')), 'vi')).toBe('Tỷ lệ hoàn thành nhiệm vụ CCHC 91%: đạt (yêu cầu trên 90%).');
    expect(renderMessage(criterionMessage(crit(b, 'sipas')), 'en')).toMatch(/92\.25/);
    expect(renderMessage(criterionMessage(crit(a, 'parIndex')), 'vi')).toBe('Xếp loại PAR Index "Tốt": đạt (yêu cầu từ "Tốt" trở lên).');
    expect(renderMessage(criterionMessage(crit(b, 'parIndex')), 'vi')).toMatch(/"Khá": không đạt/);
    expect(crit(a, 'taskCompletion').reason).toBe(crit(b, 'taskCompletion').reason);
    expect(Object.isFrozen(crit(a, 'taskCompletion').reason.params)).toBe(true);
  });

  it('reasons that carry their own words are given back as they are', () => {
    const blank = check(grid(collectives([unitRow(1, 'Phòng Tư pháp', { sipas: null })]))).candidates[0];
    const c = crit(blank, 'sipas');
    expect(c.outcome).toBe('unknown');
    expect(criterionMessage(c)).toBe(c.reason);
  });
});
