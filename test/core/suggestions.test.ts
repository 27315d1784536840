/** The bounded "did you mean" search gives exactly what the plain search gives. */
import fc from 'fast-check';
import { nearestUnitNames, unitKey } from '../../src/core/evaluate';
import { editDistance } from '../../src/core/text';

function plain(unit: string, units: { name: string; key: string }[]): string[] {
  const key = unitKey(unit);
  const found: { name: string; d: number }[] = [];
  for (const u of units) {
    const limit = Math.max(3, Math.ceil(u.key.length * 0.4));
    const d = editDistance(key, u.key);
    if (d <= limit) found.push({ name: u.name, d });
  }
  return found.sort((a, b) => a.d - b.d).slice(0, 3).map((x) => x.name);
}

it('equals the unbounded search on random unit lists', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'n', 'h', ' ', 'ò', '1', '2'), minLength: 1, maxLength: 12 });
  fc.assert(
    fc.property(fc.array(word, { minLength: 0, maxLength: 40 }), word, (names, query) => {
      const units = names.map((name) => ({ name, key: unitKey(name) }));
      expect(nearestUnitNames(query, units)).toEqual(plain(query, units));
    }),
    { numRuns: 3000 },
  );
});

it('suggests the nearest names, nearest first', () => {
  const units = ['Phòng Tài nguyên và Môi trường', 'Phòng Tư pháp', 'Phòng Tài chính - Kế hoạch'].map((name) => ({ name, key: unitKey(name) }));
  expect(nearestUnitNames('Phòng Tài nguyên Môi trường', units)[0]).toBe('Phòng Tài nguyên và Môi trường');
});
