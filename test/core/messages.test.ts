/**
 * Every problem code the core can produce has a Vietnamese and an English message: enforced by the
 * types (Message['code'] is a key of the Vietnamese catalogue, the English one is typed by its
 * keys); here, that both render every code.
 */
import { en } from '../../src/core/messages/en';
import { vi, type CoreCode } from '../../src/core/messages/vi';
import { renderMessage } from '../../src/core/messages';
import type { Message } from '../../src/core/result';

const codes = Object.keys(vi).sort() as CoreCode[];

test('the catalogues hold the same codes', () => {
  expect(codes.length).toBeGreaterThan(25);
  expect(Object.keys(en).sort()).toEqual(codes);
});

test('messages render numbers the Vietnamese way and never say "undefined"', () => {
  const m: Message = { code: 'crit.rate.fail', params: { criterion: 'onTime', value: 97.5, threshold: 98, op: '>', inclusive: 0 } };
  expect(renderMessage(m, 'vi')).toBe('Tỷ lệ hồ sơ giải quyết đúng hạn 97,5%: không đạt (yêu cầu trên 98%).');
  expect(renderMessage(m, 'en')).toBe('Files resolved on time 97.5%: not met (needs more than 98%).');
  for (const code of codes) {
    expect(renderMessage({ code, params: { criterion: 'sipas', value: 1, threshold: 2, text: 't', name: 'n', unit: 'u', suggestions: 's', rows: '2', error: '#N/A', ladder: 'l', done: 1, total: 2, rate: 1, computed: 1, row: 1, count: 2, places: 1, rank: 1, award: 'a', kind: 'collective', quota: 1, atLeast: 'Tốt', score: 1, decision: 'd', year: 2022, agree: 1, op: '>', inclusive: 1, field: 'f', column: 'Z', columns: 'A, B', key: 'overrides.0', sheet: '_ThiDuaCCHC', why: 'shape', initiative: 'i', others: 'o', reason: 'r' } }, 'vi')).not.toMatch(/undefined|NaN/);
  }
});
