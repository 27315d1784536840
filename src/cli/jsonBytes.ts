/**
 * JSON text encoded straight into UTF-8 bytes, exactly as JSON.stringify would write it (escapes
 * included: \" \\ \b \f \n \r \t, \u00xx for the other control characters, \udxxx for a lone
 * surrogate; U+2028/2029 and everything else as is). Used for `check --json`, where building the
 * text as strings first (JSON.stringify per candidate, then a batch string, then its encoding) was
 * most of the JSON stage. Held to JSON.stringify by test/cli/jsonOut.test.ts.
 *
 * Bytes gather in a Buffer of `size` bytes, handed to `out` when the next piece may not fit. The
 * Buffer is reused only when the stream took it whole (a file; a pipe with room); one the stream
 * still holds (queued behind a slow reader) is never written to again.
 */
import type { ByteOut } from './io';

/** An ASCII fragment as bytes (keys, punctuation). */
function ascii(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

// JSON.stringify's escapes of the code units below 0x20.
const CONTROL: Uint8Array[] = Array.from({ length: 32 }, (_, c) => ascii(JSON.stringify(String.fromCharCode(c)).slice(1, -1)));
const HEX = ascii('0123456789abcdef');
const NULL = ascii('null');
const TRUE = ascii('true');
const FALSE = ascii('false');
const NUMBER_CACHE_LIMIT = 4096;
/** What JSON.stringify escapes: quote, backslash, control characters; surrogates (a lone one is escaped). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

export class JsonBytes {
  private buf: Buffer;
  private pos = 0;
  private readonly size: number;
  private readonly numbers = new Map<number, Uint8Array>();

  constructor(
    private readonly out: ByteOut,
    size = 64 * 1024,
  ) {
    // Room for any number's text at least.
    this.size = Math.max(size, 64);
    this.buf = Buffer.allocUnsafe(this.size);
  }

  /** Hands the bytes gathered so far to the stream. */
  flush(): void {
    if (!this.pos) return;
    const free = this.out.write(this.buf.subarray(0, this.pos));
    if (!free) this.buf = Buffer.allocUnsafe(this.size);
    this.pos = 0;
  }

  /** When the stream's reader is behind: a promise to wait for; null otherwise. */
  ready(): Promise<void> | null {
    return this.out.ready();
  }

  /** Room for n more bytes (n ≤ size). */
  private room(n: number): void {
    if (this.pos + n > this.size) this.flush();
  }

  /** Bytes as they are (constant runs: never changed, so the stream may keep one). */
  frag(f: Uint8Array): void {
    if (f.length > this.size) {
      this.flush();
      this.out.write(f);
      return;
    }
    this.room(f.length);
    const b = this.buf;
    let p = this.pos;
    // A byte loop beats set()'s call for a few bytes; set() (memcpy) wins beyond.
    if (f.length > 24) {
      b.set(f, p);
      this.pos = p + f.length;
      return;
    }
    for (let i = 0; i < f.length; i++) b[p++] = f[i];
    this.pos = p;
  }

  /** Text that is already JSON (JSON.stringify's output: no lone surrogates), as UTF-8. */
  raw(text: string): void {
    if (3 * text.length > this.size) {
      this.flush();
      this.out.write(Buffer.from(text, 'utf8'));
      return;
    }
    this.room(3 * text.length);
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  /** A string as JSON.stringify writes it. */
  str(s: string): void {
    const n = s.length;
    // At most 6 bytes a code unit (\u00xx, \udxxx), plus the quotes.
    if (6 * n + 2 > this.size) {
      this.raw(JSON.stringify(s));
      return;
    }
    this.room(6 * n + 2);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 34 && c !== 92) b[p++] = c;
        else if (c >= 0x20) {
          b[p++] = 92;
          b[p++] = c;
        } else {
          const e = CONTROL[c];
          for (let k = 0; k < e.length; k++) b[p++] = e[k];
        }
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c >= 0xe000) {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      } else {
        const d = c < 0xdc00 && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d < 0xe000) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[p++] = 0xf0 | (cp >> 18);
          b[p++] = 0x80 | ((cp >> 12) & 63);
          b[p++] = 0x80 | ((cp >> 6) & 63);
          b[p++] = 0x80 | (cp & 63);
          i++;
        } else {
          // A lone surrogate: JSON.stringify writes it escaped, in lower-case hex.
          b[p++] = 92;
          b[p++] = 117;
          b[p++] = HEX[c >> 12];
          b[p++] = HEX[(c >> 8) & 15];
          b[p++] = HEX[(c >> 4) & 15];
          b[p++] = HEX[c & 15];
        }
      }
    }
    b[p++] = 34;
    this.pos = p;
  }

  /** A number as JSON.stringify writes it (NaN and ±Infinity as null; -0 as 0). */
  num(v: number): void {
    if ((v | 0) === v && v >= 0) {
      // Small whole numbers (rows, ranks, counts) digit by digit, in integer arithmetic.
      let x = v | 0;
      let digits = 1;
      for (let t = x; t >= 10; t = (t / 10) | 0) digits++;
      this.room(digits);
      const b = this.buf;
      let p = this.pos + digits;
      this.pos = p;
      do {
        const q = (x / 10) | 0;
        b[--p] = 48 + x - q * 10;
        x = q;
      } while (x);
    } else if (Number.isFinite(v)) {
      // Other numbers (rates: a few hundred distinct values among 50,000 rows) are converted once.
      const known = this.numbers.get(v);
      if (known) {
        this.frag(known);
        return;
      }
      const t = ascii(`${v}`);
      if (this.numbers.size < NUMBER_CACHE_LIMIT) this.numbers.set(v, t);
      this.frag(t);
    } else this.frag(NULL);
  }

  /** A string, number, boolean or null (a typed field of the report) as JSON.stringify writes it. */
  prim(v: string | number | boolean | null): void {
    if (typeof v === 'string') this.str(v);
    else if (typeof v === 'number') this.num(v);
    else this.frag(v === null ? NULL : v ? TRUE : FALSE);
  }

  /**
   * A string as JSON.stringify writes it, for long text (messages): one look for anything to
   * escape, then Node's own UTF-8 encoder; text with something to escape goes through
   * JSON.stringify.
   */
  text(s: string): void {
    if (NEEDS_ESCAPE.test(s)) {
      this.raw(JSON.stringify(s));
      return;
    }
    if (3 * s.length + 2 > this.size) {
      this.raw(`"${s}"`);
      return;
    }
    this.room(3 * s.length + 2);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 34;
    p += b.write(s, p, 'utf8');
    b[p++] = 34;
    this.pos = p;
  }
}
