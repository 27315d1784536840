/** Renders a message (code + params) in the user's language. */
import type { Lang } from '../ids';
import type { Message } from '../result';
import type { Catalogue } from './catalogue';
import { en, CRITERION_LABELS_EN } from './en';
import { vi, CRITERION_LABELS_VI } from './vi';

const catalogues: Record<Lang, Catalogue> = { vi, en };
const extra: Record<Lang, Catalogue[]> = { vi: [], en: [] };

/** Adapters (xlsx, excel, dossier) register their own codes; the core stays free of them. */
export function registerMessages(lang: Lang, catalogue: Catalogue): void {
  extra[lang].push(catalogue);
}

export function renderMessage(m: Message, lang: Lang): string {
  const fn = catalogues[lang][m.code] ?? extra[lang].find((c) => c[m.code])?.[m.code];
  if (fn) return fn(m.params ?? {});
  // An unknown code is a bug, but the user still gets something readable.
  return `${m.code} ${JSON.stringify(m.params ?? {})}`;
}

export function criterionLabel(id: string, lang: Lang): string {
  return (lang === 'vi' ? CRITERION_LABELS_VI : CRITERION_LABELS_EN)[id] ?? id;
}

export { formatNumber, formatPercent } from './format';
