/**
 * The one door to the words: a language's text (vi.ts, en.ts, both typed by shape.ts) and a coded
 * message (codes.ts) rendered in it. The languages are wired here, not registered by the modules
 * that use them, so what a message says never depends on which modules were loaded.
 */
import type { CriterionId, Lang } from '../ids';
import type { Message, Params } from './codes';
import type { Labels, Text } from './shape';
import { cutText } from '../text';
import { en } from './en';
import { vi } from './vi';

const TEXTS: Record<Lang, Text> = { vi, en };

export function text(lang: Lang): Text {
  return TEXTS[lang];
}

/**
 * The longest text a message quotes (a cell's value, a name): a cell of 30,000 characters quoted in
 * the note of every row would make the notes, the result sheet and the report carry it that often.
 */
export const QUOTE_MAX = 120;

function quoted(params: Params): Params {
  let out: Params | null = null;
  for (const k in params) {
    const v = params[k];
    if (typeof v === 'string' && v.length > QUOTE_MAX) (out ??= { ...params })[k] = `${cutText(v, QUOTE_MAX)}…`;
  }
  return out ?? params;
}

export function renderMessage(m: Message, lang: Lang): string {
  const render = TEXTS[lang].messages[m.code];
  if (render) return render(quoted(m.params ?? {}));
  // An unknown code (from a JSON file of another version) is a bug, but the user still gets something readable.
  return `${m.code} ${JSON.stringify(m.params ?? {})}`;
}

export function criterionLabel(id: string, lang: Lang): string {
  return TEXTS[lang].criteria.label[id as CriterionId] ?? id;
}

/** Labels of the result sheet, the notes and the CLI table. */
export function labels(lang: Lang): Labels {
  return TEXTS[lang].labels;
}

/** A system error code (EACCES…) in words, the code kept: "ổ đĩa đã đầy (ENOSPC)". */
export function fsErrorWords(code: string, lang: Lang): string {
  const words = TEXTS[lang].fsErrors[code];
  return words ? `${words} (${code})` : code;
}

/** "Giấy khen" from "Giấy khen của Chủ tịch UBND thị xã", for short lines. */
export function shortAwardLabel(label: string): string {
  const i = label.indexOf(' của ');
  return i > 0 ? label.slice(0, i) : label;
}

/** Vietnamese when Office's display language is Vietnamese, English otherwise (addin.md). */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
