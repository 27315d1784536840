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
