/** Number formatting per locale: Vietnamese uses a decimal comma ("98,5%"). */
import type { Lang } from '../ids';

export function formatNumber(value: number, lang: Lang, maxDecimals = 2): string {
  const rounded = Math.round(value * 10 ** maxDecimals) / 10 ** maxDecimals;
  let s = String(rounded);
  if (/e/.test(s)) s = rounded.toFixed(maxDecimals);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

export function formatPercent(value: number, lang: Lang): string {
  return `${formatNumber(value, lang)}%`;
}

/** A whole count with its thousands grouped ("5.000" / "5,000"); years and row numbers stay bare (formatNumber). */
export function formatCount(value: number, lang: Lang): string {
  const s = String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return value < 0 ? `-${s}` : s;
}
