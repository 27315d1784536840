/** The JSON report written piece by piece is byte for byte JSON.stringify(value, null, 2). */
import fc from 'fast-check';
import { writeJson } from '../../src/cli/jsonOut';

function written(value: Record<string, unknown>): string {
  let out = '';
  writeJson(value, (s) => (out += s));
  return out;
}

it('equals JSON.stringify on random objects (arrays, nesting, unicode, line breaks in strings)', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 8 }))), (value) => {
      expect(written(value)).toBe(JSON.stringify(value, null, 2));
    }),
    { numRuns: 2000 },
  );
});

it('undefined members and array holes as JSON.stringify writes them; large arrays in batches', () => {
  const value = { a: undefined, b: [1, undefined, { c: 'x\ny' }], d: [], e: {}, f: null };
  expect(written(value)).toBe(JSON.stringify(value, null, 2));
  expect(written({})).toBe('{}');
  const big = { candidates: Array.from({ length: 5000 }, (_, i) => ({ name: `Đơn vị ${i}`, rank: i, criteria: [{ id: 'sipas', value: 95.5 }] })) };
  const chunks: string[] = [];
  writeJson(big, (s) => chunks.push(s));
  expect(chunks.join('')).toBe(JSON.stringify(big, null, 2));
  expect(chunks.length).toBeGreaterThan(5);
  expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
});
