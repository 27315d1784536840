/**
 * Node's zlib calls the xlsx layer makes (src/xlsx/zip.ts), for the browser, over fflate — already
 * the layer's inflater for parts above 64 MB, so no new dependency. The browser's own
 * DecompressionStream is asynchronous only, and the layer reads synchronously (in a worker).
 */
import { deflateSync, inflateSync } from 'fflate';

/** Raw inflate into one buffer of at most maxOutputLength bytes (more output is cut, then seen as a size mismatch). */
export function inflateRawSync(raw: Uint8Array, opts: { maxOutputLength?: number } = {}): Uint8Array {
  if (opts.maxOutputLength === undefined) return inflateSync(raw);
  // One byte to spare, as the layer's fflate path does: more output than declared shows as a wrong size.
  return inflateSync(raw, { out: new Uint8Array(opts.maxOutputLength + 1) });
}

/** Raw deflate at the layer's level. The compressed bytes differ from Node's zlib; the content never does. */
export function deflateRawSync(data: Uint8Array, opts: { level?: number } = {}): Uint8Array {
  const level = (opts.level ?? 6) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  return deflateSync(data, { level });
}

let table: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as zip uses), table-driven. */
export function crc32(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~value >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
