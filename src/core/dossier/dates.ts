/**
 * Dates in the style of Nghị định 30/2020/NĐ-CP: day and month below 10 get a leading zero
 * only for days and for months 1 and 2 ("ngày 05 tháng 01 năm 2022", "ngày 29 tháng 6 năm 2022"),
 * so that a date cannot be altered by adding a digit.
 */
export const BLANK = '……';

export interface DateParts { day: number; month: number; year: number }

export function parseIsoDate(text: string | undefined | null): DateParts | undefined {
  if (!text) return undefined;
  // ISO "2022-12-20", or the way Vietnamese users write it: "20/12/2022".
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!iso && !vn) return undefined;
  const parts = iso
    ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
    : { year: Number(vn![3]), month: Number(vn![2]), day: Number(vn![1]) };
  const d = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (d.getUTCFullYear() !== parts.year || d.getUTCMonth() !== parts.month - 1 || d.getUTCDate() !== parts.day) return undefined;
  return parts;
}

export function dayText(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function monthText(month: number): string {
  return month < 3 ? `0${month}` : String(month);
}

/** "ngày 05 tháng 01 năm 2022"; missing parts print as dotted blanks, never invented. */
export function vietnameseDate(iso: string | undefined | null): string {
  const p = parseIsoDate(iso);
  if (!p) return `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  return `ngày ${dayText(p.day)} tháng ${monthText(p.month)} năm ${p.year}`;
}

/** "Ninh Hòa, ngày 05 tháng 01 năm 2022". */
export function placeAndDate(place: string | undefined | null, iso: string | undefined | null): string {
  return `${place && place.trim() ? place.trim() : BLANK}, ${vietnameseDate(iso)}`;
}
