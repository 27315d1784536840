/** The JSON report written piece by piece parses to what JSON.stringify gives; one array element per line. */
import fc from 'fast-check';
import { writeJson } from '../../src/cli/jsonOut';

function written(value: Record<string, unknown>): string {
  let out = '';
  writeJson(value, (s) => (out += s));
  return out;
}

it('parses to what JSON.stringify gives on random objects (arrays, nesting, unicode, line breaks in strings)', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 8 }))), (value) => {
      expect(JSON.parse(written(value))).toEqual(JSON.parse(JSON.stringify(value)));
    }),
    { numRuns: 2000 },
  );
});

it('undefined members and array holes as JSON.stringify writes them; large arrays in batches', () => {
  const value = { a: undefined, b: [1, undefined, { c: 'x\ny' }], d: [], e: {}, f: null };
  expect(JSON.parse(written(value))).toEqual(JSON.parse(JSON.stringify(value)));
  expect(written(value)).toBe('{\n  "b": [\n    1,\n    null,\n    {"c":"x\\ny"}\n  ],\n  "d": [],\n  "e": {},\n  "f": null\n}');
  expect(written({})).toBe('{}');
  const big = { candidates: Array.from({ length: 5000 }, (_, i) => ({ name: `Đơn vị ${i}`, rank: i, criteria: [{ id: 'sipas', value: 95.5 }] })) };
  const chunks: string[] = [];
  writeJson(big, (s) => chunks.push(s));
  const text = chunks.join('');
  expect(JSON.parse(text)).toEqual(big);
  // A candidate per line: grep-able, and a line never splits a candidate.
  expect(text.split('\n').filter((l) => l.includes('"name"'))).toHaveLength(5000);
  expect(chunks.length).toBeGreaterThan(5);
  expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
});
