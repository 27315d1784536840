/** fold() is computed a character at a time for speed; it must give exactly what its definition gives. */
import fc from 'fast-check';
import { fold, foldDefinition } from '../../src/core/text';

const VIETNAMESE = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const pieces = [
  ...VIETNAMESE,
  ...VIETNAMESE.toUpperCase(),
  ...VIETNAMESE.normalize('NFD'),
  ...' \t\n\u00a0\u202f.,;:-–—/\\()[]“”"\'%&*#@!?0123456789',
  '\u0300', '\u0301', '\u0323', '\u0309', '\u0303', '\u0306', '\u0302', '\u031b', // marks alone
  'İ', 'K', 'ß', 'ẞ', 'Σ', 'σ', 'ς', 'ﬁ', 'Ǆ', 'ǅ', 'Å', 'Ω', '①', 'Ａ', '𝐀', '😀', '\ud800', '\udc00', // odd cases
];

it('equals foldDefinition on random Vietnamese-like text', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const s = parts.join('');
      expect(fold(s)).toBe(foldDefinition(s));
    }),
    { numRuns: 5000 },
  );
});

it('equals foldDefinition on random Unicode (any code point, lone surrogates)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme-composite', maxLength: 10 }), (a, b) => {
      const s = a + b;
      expect(fold(s)).toBe(foldDefinition(s));
    }),
    { numRuns: 5000 },
  );
});

it('every BMP character alone, and between letters', () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    expect([c, fold(ch)]).toEqual([c, foldDefinition(ch)]);
    expect([c, fold(`A${ch}b`)]).toEqual([c, foldDefinition(`A${ch}b`)]);
  }
});

it('examples', () => {
  expect(fold('  Phòng Tư pháp – Hộ tịch ')).toBe('phong tu phap ho tich');
  expect(fold('ĐẠT 100%')).toBe('dat 100%');
  expect(fold('Ủy ban nhân dân'.normalize('NFD'))).toBe('uy ban nhan dan');
});

describe('nfc(): the normalisation skipped only where it cannot change the text', () => {
  const { nfc } = require('../../src/core/text') as typeof import('../../src/core/text');
  const SET: number[] = [];
  for (let c = 0; c <= 0x2ff; c++) SET.push(c);
  for (let c = 0x1e00; c <= 0x1eff; c++) SET.push(c);
  for (let c = 0x2010; c <= 0x206f; c++) SET.push(c);

  it('surelyNfcCode is the fast set, character by character', () => {
    const { surelyNfcCode } = require('../../src/core/text') as typeof import('../../src/core/text');
    const set = new Set(SET);
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (surelyNfcCode(c) !== set.has(c) || nfc(String.fromCharCode(c)) !== String.fromCharCode(c).normalize('NFC')) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('every character of the fast set is NFC alone', () => {
    for (const c of SET) expect([c, String.fromCharCode(c).normalize('NFC')]).toEqual([c, String.fromCharCode(c)]);
  });

  it('strings of the fast set are NFC (no pair composes)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SET), { maxLength: 12 }), (codes) => {
        const s = String.fromCharCode(...codes);
        expect(nfc(s)).toBe(s.normalize('NFC'));
      }),
      { numRuns: 20000 },
    );
  });

  it('anything else is normalised', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => expect(nfc(s)).toBe(s.normalize('NFC'))),
      { numRuns: 5000 },
    );
    const nfd = 'Ủy ban nhân dân'.normalize('NFD');
    expect(nfc(nfd)).toBe('Ủy ban nhân dân');
    expect(nfc('\u212b')).toBe('\u00c5');
  });
});

it('cleanName: one plain space between words, trimmed, NFC — the fast path gives the same', () => {
  const { cleanName } = require('../../src/core/text') as typeof import('../../src/core/text');
  const slow = (t: string) => t.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'Ồ', ' ', '  ', '\t', '\n', '\u00a0', '\u202f', '\u3000', '\ufeff', '\u2028', 'x', '-'), { maxLength: 14 }), (parts) => {
      const s = parts.join('');
      expect(cleanName(s)).toBe(slow(s));
    }),
    { numRuns: 5000 },
  );
});

it('column letters: looked up for A…ZZ, spelt beyond, and back again', () => {
  const { columnIndex, columnLetter } = require('../../src/core/grid') as typeof import('../../src/core/grid');
  expect([0, 25, 26, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
  for (let c = 0; c < 20000; c += 7) expect(columnIndex(columnLetter(c))).toBe(c);
});
