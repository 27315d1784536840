/** Document numbers per Nghị định 30/2020: "Số: 05/TTr-NV"; a missing number stays a dotted blank. */
import { BLANK } from './dates';

export function documentNumber(no: number | string | undefined | null, symbol: string | undefined | null): string {
  const n = no === undefined || no === null || no === '' ? BLANK
    : typeof no === 'number' ? (no < 10 ? `0${no}` : String(no)) : String(no);
  const s = symbol && symbol.trim() ? symbol.trim() : BLANK;
  return `Số: ${n}/${s}`;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Three digits read the Vietnamese way; `full` when a higher group precedes ("không trăm linh năm"). */
function readTriple(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h || full) out.push(`${DIGITS[h]} trăm`);
  if (t === 0) {
    if (u && (h || full)) out.push('linh');
  } else if (t === 1) out.push('mười');
  else out.push(`${DIGITS[t]} mươi`);
  if (u) {
    if (u === 1 && t > 1) out.push('mốt');
    else if (u === 5 && t > 0) out.push('lăm');
    else if (u === 4 && t > 1) out.push('tư');
    else out.push(DIGITS[u]);
  }
  return out.join(' ');
}

/** "Mười ba triệu không trăm năm mươi nghìn đồng": an amount in words, for the accountant's list. */
export function amountInWords(amount: number): string {
  let n = Math.round(amount);
  if (n === 0) return 'Không đồng';
  const units = ['', ' nghìn', ' triệu', ' tỷ', ' nghìn tỷ', ' triệu tỷ'];
  const groups: number[] = [];
  while (n > 0) { groups.push(n % 1000); n = Math.floor(n / 1000); }
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (!groups[i]) continue;
    parts.push(readTriple(groups[i], i < groups.length - 1) + units[i]);
  }
  const text = `${parts.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
