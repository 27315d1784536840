/**
 * Bounds on the JSON files a command reads (--facts, --meeting, --profile, --layout): their size,
 * checked before they are read, and, before they are parsed, how deep they nest and how long one
 * string is (docs/files.md). Real ones are a few kilobytes, their longest text a paragraph.
 */
import { promises as fs } from 'fs';
import type { Message } from '../core';

export const JSON_LIMITS = {
  /** The file, in bytes. */
  fileBytes: 4 * 1024 * 1024,
  /** One string (a value or a key), in characters. */
  string: 100_000,
  /** Objects and arrays inside each other. */
  depth: 64,
};

function limit(path: string, kind: 'file' | 'field' | 'depth', params: Record<string, string | number>): Message {
  return { code: 'limit.jsonInput', params: { path, kind, ...params } };
}

/**
 * A file's bytes, at most `max` of them: its size is looked at first, and the reading stops past
 * `max` whatever the size said (a device or a pipe — /dev/zero — has none). Throws a file-system error.
 */
export async function readBounded(path: string, max: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; size: number }> {
  const fh = await fs.open(path, 'r');
  try {
    const st = await fh.stat();
    if (st.isFile() && st.size > max) return { ok: false, size: st.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(1 << 20, max + 1 - total));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (!bytesRead) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) return { ok: false, size: total };
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } finally {
    await fh.close();
  }
}

/** The file's text (UTF-8, a BOM dropped), or why not: a system error code, or a limit message. */
export async function readJsonText(path: string): Promise<{ ok: true; raw: string } | { ok: false; errno: string } | { ok: false; limit: Message }> {
  try {
    const bytes = await readBounded(path, JSON_LIMITS.fileBytes);
    if (!bytes.ok) return { ok: false, limit: limit(path, 'file', { size: bytes.size, limit: JSON_LIMITS.fileBytes }) };
    return { ok: true, raw: bytes.bytes.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { ok: false, errno: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/**
 * The nesting and string lengths of a JSON text, checked in one pass before it is parsed (so a
 * hostile file costs no parse and no walk of what it builds). The field is named as a path of keys
 * ("decision.number", "members[3].name"). Malformed JSON is left to JSON.parse.
 */
export function jsonLimitProblem(path: string, raw: string): Message | null {
  // The open objects and arrays, each with the key or index being read (for naming the field).
  const frames: { array: boolean; key: string | number | null }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < raw.length && raw.charCodeAt(j) !== 34) j += raw.charCodeAt(j) === 92 ? 2 : 1;
      const length = j - i - 1;
      // In an object, a string followed by ":" is a key.
      let k = j + 1;
      while (k < raw.length && (raw[k] === ' ' || raw[k] === '\n' || raw[k] === '\r' || raw[k] === '\t')) k++;
      const isKey = !!top && !top.array && raw[k] === ':';
      if (length > JSON_LIMITS.string) {
        const field = isKey ? `${raw.slice(i + 1, i + 41)}…` : fieldName(frames);
        return limit(path, 'field', { field, size: length, limit: JSON_LIMITS.string });
      }
      if (isKey) top.key = raw.slice(i + 1, j);
      i = j;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (frames.length >= JSON_LIMITS.depth) return limit(path, 'depth', { limit: JSON_LIMITS.depth });
      frames.push({ array: c === 91, key: c === 91 ? 0 : null });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      frames.pop();
    } else if (c === 44 /* , */ && top?.array) {
      top.key = Number(top.key) + 1;
    }
  }
  return null;
}

/** "decision.number", "members[3].name": the keys and indexes down to the value being read. */
function fieldName(frames: { array: boolean; key: string | number | null }[]): string {
  let out = '';
  for (const f of frames) {
    if (f.key === null) break;
    out += f.array ? `[${f.key}]` : out ? `.${f.key}` : String(f.key);
  }
  return out || '/';
}
