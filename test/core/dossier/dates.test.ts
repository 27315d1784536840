import { vietnameseDate, placeAndDate } from '../../../src/core/dossier/dates';
import { documentNumber } from '../../../src/core/dossier/numbers';

describe('Nghị định 30/2020 dates and numbers', () => {
  it('pads days below 10 and months 1–2 only', () => {
    expect(vietnameseDate('2022-01-05')).toBe('ngày 05 tháng 01 năm 2022');
    expect(vietnameseDate('2022-06-29')).toBe('ngày 29 tháng 6 năm 2022');
    expect(vietnameseDate('2022-12-03')).toBe('ngày 03 tháng 12 năm 2022');
  });
  it('prints blanks for missing or invalid dates, never undefined', () => {
    expect(vietnameseDate(undefined)).toBe('ngày …… tháng …… năm ……');
    expect(vietnameseDate('2022-02-30')).toBe('ngày …… tháng …… năm ……');
    expect(placeAndDate(undefined, '2022-01-05')).toBe('……, ngày 05 tháng 01 năm 2022');
    expect(placeAndDate('Ninh Hòa', '2022-01-05')).toBe('Ninh Hòa, ngày 05 tháng 01 năm 2022');
  });
  it('formats the document number', () => {
    expect(documentNumber(5, 'TTr-NV')).toBe('Số: 05/TTr-NV');
    expect(documentNumber(undefined, 'TTr-NV')).toBe('Số: ……/TTr-NV');
    expect(documentNumber(undefined, undefined)).not.toMatch(/undefined/);
  });
});
