/** cellText(): its one-pass shortcut gives what its definition gives, on every kind of text. */
import fc from 'fast-check';
import { cellText } from '../../src/core/values';

/** The definition: NFC, NBSP and narrow NBSP as spaces, trimmed. */
const definition = (v: string) => v.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').trim();

// Characters at the edges of the shortcut's ranges, white space of every kind, combining marks
// (NFC composes them), Vietnamese precomposed and decomposed.
const EDGES = [
  0x00, 0x08, 0x09, 0x0a, 0x0d, 0x1f, 0x20, 0x21, 0x41, 0x7e, 0x7f, 0x85, 0xa0, 0xa1, 0xc0, 0x110, 0x111, 0x2ff, 0x300, 0x301, 0x303,
  0x309, 0x323, 0x36f, 0x370, 0x1680, 0x1dff, 0x1e00, 0x1ea1, 0x1ec7, 0x1eff, 0x1f00, 0x2000, 0x200a, 0x200b, 0x200f, 0x2010, 0x2013,
  0x201c, 0x2026, 0x2028, 0x2029, 0x202f, 0x205f, 0x206f, 0x2070, 0x212b, 0x3000, 0xfeff, 0xd800, 0xdc00,
];

test('cellText equals its definition on random texts (edges, white space, combining marks)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...EDGES), { maxLength: 10 }), (codes) => {
      const s = String.fromCharCode(...codes);
      expect(cellText(s)).toBe(definition(s));
    }),
    { numRuns: 10000 },
  );
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 16 }), (s) => expect(cellText(s)).toBe(definition(s))), { numRuns: 10000 });
});

test('every BMP character alone, and between letters', () => {
  const wrong: number[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    if (cellText(ch) !== definition(ch) || cellText(`a${ch}b`) !== definition(`a${ch}b`)) wrong.push(c);
  }
  expect(wrong).toEqual([]);
});

test('typed Vietnamese comes back as it is, the same string', () => {
  const name = 'UBND xã Ninh Phước – “Một cửa” 100%';
  expect(cellText(name)).toBe(name);
  expect(cellText(` ${name}\u00a0`)).toBe(name);
  expect(cellText('Ủy ban'.normalize('NFD'))).toBe('Ủy ban');
  expect(cellText(12.5)).toBe('12.5');
  expect(cellText(null)).toBe('');
});
