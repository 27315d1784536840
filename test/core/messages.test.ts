/** Every problem code the core can produce has a Vietnamese and an English message. */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { en } from '../../src/core/messages/en';
import { vi } from '../../src/core/messages/vi';
import { renderMessage } from '../../src/core/messages';

const coreDir = path.resolve(__dirname, '../../src/core');
const codes = new Set<string>();
for (const f of readdirSync(coreDir).filter((n) => n.endsWith('.ts'))) {
  const text = readFileSync(path.join(coreDir, f), 'utf8');
  for (const m of text.matchAll(/code: (?:[^'\n]*\? )?'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) codes.add(m[1]);
  for (const m of text.matchAll(/'((?:value|crit|row|award|rank|override|table|workbook|history)\.[a-zA-Z.]+)'/g)) codes.add(m[1]);
}

test('the scan finds the codes', () => {
  expect(codes.size).toBeGreaterThan(25);
});

test.each([...codes].sort())('%s has vi and en messages', (code) => {
  expect(vi[code]).toBeDefined();
  expect(en[code]).toBeDefined();
});

test('messages render numbers the Vietnamese way and never say "undefined"', () => {
  const m = { code: 'crit.rate.fail', params: { criterion: 'onTime', value: 97.5, threshold: 98, op: '>', inclusive: 0 } };
  expect(renderMessage(m, 'vi')).toBe('Tỷ lệ hồ sơ giải quyết đúng hạn 97,5%: không đạt (yêu cầu trên 98%).');
  expect(renderMessage(m, 'en')).toBe('Files resolved on time 97.5%: not met (needs more than 98%).');
  for (const code of codes) {
    expect(renderMessage({ code, params: { criterion: 'sipas', value: 1, threshold: 2, text: 't', name: 'n', unit: 'u', suggestions: 's', rows: '2', error: '#N/A', ladder: 'l', done: 1, total: 2, rate: 1, computed: 1, row: 1, count: 2, places: 1, rank: 1, award: 'a', kind: 'collective', quota: 1, atLeast: 'Tốt', score: 1, decision: 'd', year: 2022, agree: 1, op: '>', inclusive: 1, field: 'f', column: 'Z', columns: 'A, B', key: 'overrides.0', sheet: '_ThiDuaCCHC', why: 'shape', initiative: 'i', others: 'o', reason: 'r' } }, 'vi')).not.toMatch(/undefined|NaN/);
  }
});
