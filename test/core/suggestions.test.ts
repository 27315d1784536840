/** The bounded "did you mean" search gives exactly what the plain search gives. */
import fc from 'fast-check';
import { nearestUnitNames, unitKey } from '../../src/core/evaluate';
import { NearestUnits } from '../../src/core/nearest';
import { editDistance, fold } from '../../src/core/text';

/** unitKey by its definition: the folded name without "UBND", "Phòng", "xã"… before it and "thị xã" after it. */
function unitKeyDefinition(name: string): string {
  let f = fold(name);
  f = f.replace(/^(uy ban nhan dan|ubnd)\s+/, '');
  f = f.replace(/^(phong|xa|phuong|thi tran)\s+/, '');
  f = f.replace(/\s+(thi xa ninh hoa|thi xa|tx)$/, '');
  return f.trim();
}

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

describe('the trie index (NearestUnits) gives exactly the plain search’s answers', () => {
  const check = (names: string[], queries: string[]) => {
    const units = names.map((name) => ({ name, key: unitKey(name) }));
    const index = new NearestUnits(units);
    for (const q of queries) {
      expect(index.nearestToKey(unitKey(q))).toEqual(nearestUnitNames(q, units));
      expect(index.nearestToKey(unitKey(q))).toEqual(plain(q, units)); // remembered answers too
    }
  };

  it('on random short names over a small alphabet (many ties, short keys)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'n', 'h', ' ', 'ò', '1', '2'), minLength: 0, maxLength: 14 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { minLength: 1, maxLength: 5 }), (names, queries) => check(names, queries)),
      { numRuns: 3000 },
    );
  });

  it('on unit-like names and their misspellings', () => {
    const base = fc.constantFrom('UBND xã Ninh Phước', 'Phòng Chuyên môn số', 'Phòng Tài nguyên và Môi trường', 'Trường THCS', 'Văn phòng HĐND và UBND thị xã');
    const name = fc.tuple(base, fc.integer({ min: 1, max: 400 })).map(([b, i]) => `${b} ${i}`);
    const typo = fc.tuple(name, fc.integer({ min: 0, max: 30 }), fc.constantFrom('', 'x', 'cũ', ' ', 'ab')).map(([n, at, ins]) => n.slice(0, at) + ins + n.slice(at + (ins ? 1 : 2)));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 200 }), fc.array(fc.oneof(name, typo), { minLength: 1, maxLength: 8 }), (names, queries) => check(names, queries)),
      { numRuns: 400 },
    );
  });

  it('at scale (25,000 units) gives the answers of the plain search; its speed is measured by the bench, not here', () => {
    const names = Array.from({ length: 25000 }, (_, i) => (i % 2 ? `UBND xã Ninh Phước ${i + 1}` : `Phòng Chuyên môn số ${i + 1}`));
    const units = names.map((name) => ({ name, key: unitKey(name) }));
    const index = new NearestUnits(units);
    for (let i = 0; i < 12; i++) {
      const query = `${names[i * 1997].replace('Chuyên môn', 'Chuyen mon')} cũ`;
      expect(index.nearestToKey(unitKey(query))).toEqual(nearestUnitNames(query, units));
    }
    expect(index.nearestToKey(unitKey('UBND xã Ninh Phước 2 cũ'))).toEqual(nearestUnitNames('UBND xã Ninh Phước 2 cũ', units));
  });
});

it('unitKey cuts the same words as its definition', () => {
  const words = ['UBND', 'Ủy ban nhân dân', 'uy ban', 'Phòng', 'xã', 'Xã', 'phường', 'thị trấn', 'thị xã', 'Ninh Hòa', 'TX', 'tx', 'Ninh', 'Phước', '22', '-', ',', ' ', '  ', '\u00a0', 'a', 'ubnd'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 7 }), fc.constantFrom(' ', '', '  ', ', '), (parts, sep) => {
      const name = parts.join(sep);
      expect(unitKey(name)).toBe(unitKeyDefinition(name));
    }),
    { numRuns: 20000 },
  );
  for (const name of ['UBND xã Ninh Phước 22', 'Phòng Tư pháp', 'UBND thị xã Ninh Hòa', 'xã thị xã', 'thị xã', 'UBND tx', 'Ủy ban nhân dân phường Ninh Hiệp thị xã Ninh Hòa', '']) {
    expect(unitKey(name)).toBe(unitKeyDefinition(name));
  }
});
