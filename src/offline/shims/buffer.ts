/**
 * The few Buffer calls the xlsx layer makes (src/xlsx: zip headers, UTF-8 text, Latin-1 pieces),
 * for the browser: the offline page's build maps `buffer` and the global Buffer here. A Uint8Array
 * with Node's names, nothing more; anything else the layer might start calling fails the build's
 * parity tests rather than silently differing.
 */
const utf8 = new TextEncoder();
const latin1 = new TextDecoder('latin1');
const utf8Dec = new TextDecoder('utf-8');

export class Buffer extends Uint8Array {
  static override from(value: unknown, encodingOrOffset?: unknown, length?: number): Buffer {
    if (typeof value === 'string') {
      if (encodingOrOffset === 'utf16le') {
        const out = new Buffer(value.length * 2);
        for (let i = 0; i < value.length; i++) {
          const c = value.charCodeAt(i);
          out[2 * i] = c & 0xff;
          out[2 * i + 1] = c >>> 8;
        }
        return out;
      }
      if (encodingOrOffset !== undefined && encodingOrOffset !== 'utf8' && encodingOrOffset !== 'utf-8') throw new Error(`Buffer.from: encoding ${String(encodingOrOffset)}`);
      const bytes = utf8.encode(value);
      return new Buffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      const offset = typeof encodingOrOffset === 'number' ? encodingOrOffset : 0;
      return new Buffer(value as ArrayBuffer, offset, length ?? (value as ArrayBuffer).byteLength - offset);
    }
    const list = value as ArrayLike<number>;
    const out = new Buffer(list.length);
    out.set(list);
    return out;
  }

  static alloc(size: number): Buffer {
    return new Buffer(size);
  }

  static concat(list: readonly Uint8Array[], total?: number): Buffer {
    const size = total ?? list.reduce((n, b) => n + b.length, 0);
    const out = new Buffer(size);
    let at = 0;
    for (const b of list) {
      if (at >= size) break;
      out.set(b.length > size - at ? b.subarray(0, size - at) : b, at);
      at += b.length;
    }
    return out;
  }

  static isBuffer(x: unknown): x is Buffer {
    return x instanceof Buffer;
  }

  writeUInt16LE(value: number, at: number): number {
    this[at] = value & 0xff;
    this[at + 1] = (value >>> 8) & 0xff;
    return at + 2;
  }

  writeUInt32LE(value: number, at: number): number {
    this[at] = value & 0xff;
    this[at + 1] = (value >>> 8) & 0xff;
    this[at + 2] = (value >>> 16) & 0xff;
    this[at + 3] = (value >>> 24) & 0xff;
    return at + 4;
  }

  equals(other: Uint8Array): boolean {
    if (other.length !== this.length) return false;
    for (let i = 0; i < this.length; i++) if (this[i] !== other[i]) return false;
    return true;
  }

  override toString(encoding?: string): string {
    if (encoding === 'latin1' || encoding === 'binary') return latin1.decode(this);
    if (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8') return utf8Dec.decode(this);
    throw new Error(`Buffer.toString: encoding ${encoding}`);
  }
}

/** Node's buffer.isAscii: every byte below 0x80. */
export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}
