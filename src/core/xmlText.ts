/**
 * Characters XML 1.0 cannot carry (§2.2 Char): the C0 controls but tab, line feed and carriage
 * return; U+FFFE and U+FFFF; and a surrogate that is not half of a pair (a JavaScript string can
 * hold one; UTF-8 cannot). A .docx or .xlsx part holding one is a file Word, Excel and LibreOffice
 * refuse to open, so every text going into a generated document is cleaned of them first — and
 * the user is told where (limit.textCleaned).
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY = new RegExp(FORBIDDEN.source);

/** Whether the text holds a character XML forbids. */
export function hasXmlForbidden(s: string): boolean {
  return ANY.test(s);
}

/** The text without the characters XML forbids. */
export function xmlSafe(s: string): string {
  return ANY.test(s) ? s.replace(FORBIDDEN, '') : s;
}

/** One place where characters were removed: the field as a path of keys and indexes ("units[2].name"), and how many. */
export interface Cleaned {
  field: string;
  count: number;
}

/**
 * Data for a document with every string cleaned (a copy where something changed; the same object
 * otherwise), and where characters were removed. Keys are data names, never written: left as they are.
 */
export function cleanXmlData<T>(data: T): { data: T; cleaned: Cleaned[] } {
  const cleaned: Cleaned[] = [];
  const walk = (v: unknown, at: string): unknown => {
    if (typeof v === 'string') {
      if (!ANY.test(v)) return v;
      const out = v.replace(FORBIDDEN, '');
      cleaned.push({ field: at || '/', count: v.length - out.length });
      return out;
    }
    if (Array.isArray(v)) {
      let copy: unknown[] | null = null;
      v.forEach((x, i) => {
        const y = walk(x, `${at}[${i}]`);
        if (y !== x) (copy ??= v.slice())[i] = y;
      });
      return copy ?? v;
    }
    if (v && typeof v === 'object' && !(v instanceof Uint8Array) && !(v instanceof Date)) {
      let copy: Record<string, unknown> | null = null;
      for (const [k, x] of Object.entries(v)) {
        const y = walk(x, at ? `${at}.${k}` : k);
        if (y !== x) (copy ??= { ...(v as Record<string, unknown>) })[k] = y;
      }
      return copy ?? v;
    }
    return v;
  };
  return { data: walk(data, '') as T, cleaned };
}
