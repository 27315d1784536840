/** Property-based tests: parsing never throws, NFC and NFD agree, a rate is in [0, 100] or an issue. */
import fc from 'fast-check';
import { classifyHeader } from '../../src/core/headers';
import { fold } from '../../src/core/text';
import { parseRate, parseRating, parseYesNo, comparePoints } from '../../src/core/values';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import type { CellValue } from '../../src/core/grid';

const vietnamese = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ,.%()\n\u00a0-0123456789TỐTXUẤSẮC'.split('')), maxLength: 40 });
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string(),
  vietnamese,
  fc.constantFrom('#DIV/0!', '#N/A', '#VALUE!', '#REF!').map((error) => ({ error })),
);

test('parseRate never throws and gives a rate in [0, 100] or a problem', () => {
  fc.assert(
    fc.property(cell, fc.option(fc.constantFrom('0%', '0.00%', 'General', '0.0', '"%"0'), { nil: undefined }), (v, format) => {
      const r = parseRate(v, format);
      if (r.ok === true) {
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(100);
      } else if (r.ok === false) {
        expect(typeof r.code).toBe('string');
      }
    }),
    { numRuns: 3000 },
  );
});

test('every fraction and every points value read the same, whatever its format', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10000 }), (basis) => {
      const points = basis / 100; // 0.00 … 100.00
      const asFraction = parseRate(points / 100, '0.00%');
      const asText = parseRate(`${String(points).replace('.', ',')}%`);
      expect(asFraction.ok).toBe(true);
      expect(asText.ok).toBe(true);
      if (asFraction.ok === true && asText.ok === true) expect(comparePoints(asFraction.value, asText.value)).toBe(0);
    }),
    { numRuns: 2000 },
  );
});

test('NFC and NFD give the same answer for values and headers', () => {
  fc.assert(
    fc.property(vietnamese, (s) => {
      const nfc = s.normalize('NFC');
      const nfd = s.normalize('NFD');
      expect(parseRate(nfd)).toEqual(parseRate(nfc));
      expect(parseRating(nfd, DEFAULT_PROFILE.ratingLadder)).toEqual(parseRating(nfc, DEFAULT_PROFILE.ratingLadder));
      expect(parseYesNo(nfd, true)).toEqual(parseYesNo(nfc, true));
      expect(classifyHeader(null, nfd)).toEqual(classifyHeader(null, nfc));
      expect(fold(nfd)).toBe(fold(nfc));
    }),
    { numRuns: 3000 },
  );
});

test('header matching ignores case, punctuation, line breaks and repeated spaces', () => {
  const headers = ['Tỷ lệ hồ sơ đúng hạn', 'Chỉ số SIPAS', 'Xếp loại PAR Index', 'Họ và tên', 'Tên đơn vị', 'Số phiếu đồng ý'];
  fc.assert(
    fc.property(fc.constantFrom(...headers), fc.array(fc.constantFrom(' ', '  ', '\n', '\r\n', ' - ', ': '), { minLength: 1, maxLength: 6 }), fc.boolean(), (h, seps, upper) => {
      const words = h.split(' ');
      const mangled = words.map((w, i) => (i < words.length - 1 ? w + seps[i % seps.length] : w)).join('');
      const text = upper ? mangled.toUpperCase() : mangled;
      expect(classifyHeader(null, text)?.field).toBe(classifyHeader(null, h)?.field);
    }),
    { numRuns: 1000 },
  );
});

test('classifyHeader and fold never throw', () => {
  fc.assert(
    fc.property(fc.option(fc.string(), { nil: null }), fc.option(fc.string(), { nil: null }), (a, b) => {
      classifyHeader(a, b);
      fold(`${a}${b}`);
    }),
    { numRuns: 3000 },
  );
});
