/** Document numbers per Nghị định 30/2020: "Số: 05/TTr-NV"; a missing number stays a dotted blank. */
import { BLANK } from './dates';

export function documentNumber(no: number | string | undefined | null, symbol: string | undefined | null): string {
  const n = no === undefined || no === null || no === '' ? BLANK
    : typeof no === 'number' ? (no < 10 ? `0${no}` : String(no)) : String(no);
  const s = symbol && symbol.trim() ? symbol.trim() : BLANK;
  return `Số: ${n}/${s}`;
}
