/**
 * The encoding of an XML part (XML 1.0 Appendix F): a byte order mark, the first characters in
 * UTF-16 without one, or the declaration's `encoding="…"`; UTF-8 otherwise. Excel writes UTF-8, but
 * other producers write UTF-16 parts or declare a legacy code page (windows-1258, …): those are read
 * with their decoder; an encoding the runtime has no decoder for is refused in words
 * (limit.encoding), never called "corrupt".
 */

export type PartEncoding = { ok: true; label: string } | { ok: false; declared: string };

const DECLARED = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;

/** The encoding of a part from its first bytes (a few hundred are enough). */
export function partEncoding(head: Uint8Array): PartEncoding {
  const [a, b, c, d] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { ok: true, label: 'utf-8' };
  if (a === 0xff && b === 0xfe) return { ok: true, label: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { ok: true, label: 'utf-16be' };
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return { ok: true, label: 'utf-16le' };
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return { ok: true, label: 'utf-16be' };
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 256)).toString('latin1');
  const m = DECLARED.exec(start);
  if (!m) return { ok: true, label: 'utf-8' };
  const declared = m[1];
  if (/^utf-?8$/i.test(declared)) return { ok: true, label: 'utf-8' };
  try {
    const label = new TextDecoder(declared).encoding;
    // "UTF-16" declared over single bytes (no BOM, no zero bytes): the bytes are what counts.
    if (label.startsWith('utf-16')) return { ok: true, label: 'utf-8' };
    return { ok: true, label };
  } catch {
    return { ok: false, declared };
  }
}

/** An edited part's text, written as UTF-8: its declaration says so. */
export function declareUtf8(text: string): string {
  return text.replace(/^(\s*<\?xml\s[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}
