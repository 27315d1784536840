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

it('a lazy list is written as the array it stands for, its items made one at a time', () => {
  const items = Array.from({ length: 300 }, (_, i) => ({ i, name: `Đơn vị ${i}`, criteria: [{ id: 'sipas', ok: i % 2 === 0 }] }));
  let made = 0;
  const lazy = { lazy: true as const, length: items.length, item: (i: number) => (made++, items[i]) };
  expect(JSON.parse(written({ profile: 'p', candidates: lazy, issues: [] } as never))).toEqual({ profile: 'p', candidates: items, issues: [] });
  expect(made).toBe(300);
  expect(JSON.parse(written({ candidates: { lazy: true, length: 0, item: () => 1 } } as never))).toEqual({ candidates: [] });
});

it('the streamed report of the sample is the report', async () => {
  const { readWorkbook } = await import('../../src/xlsx/read');
  const { analyze, streamedJsonReport, toJsonReport } = await import('../../src/core');
  const r = await readWorkbook(require('path').join(__dirname, '..', '..', 'templates', 'mau-theo-doi-thi-dua-cchc.xlsx'));
  if (!r.ok) throw new Error(r.error.code);
  const a = analyze(r.grid, { lang: 'vi' });
  expect(a.result.candidates.length).toBeGreaterThan(20);
  expect(JSON.parse(written(streamedJsonReport(a.result, 'vi') as never))).toEqual(toJsonReport(a.result, 'vi'));
});
