/**
 * The reader's fast paths (src/xlsx/xml.ts's FastPath) for the bulk of a workbook: the rows and
 * cells of a worksheet's <sheetData>, and the items of the shared string table. Each reads the
 * usual shapes straight from the text, by character codes —
 *   <row r="7" spans="1:12" …>  <c r="B7" s="3" t="s"><v>12</v></c>  <c r="C7"><f>…</f><v>0.9</v></c>  </row>
 *   <si><t>text</t></si>   <si><t xml:space="preserve"> text </t></si>
 * — with no event, attributes object or intermediate string per element, and does exactly what
 * the event handlers of src/xlsx/gridReader.ts would (through the same SheetState / StringsState).
 * Anything else — inline strings, rich text, CDATA, comments, a prefixed name, an attribute whose
 * value holds "&" or "<", a tag cut by the end of the chunk — is declined: the general tokenizer
 * reads it, with its own errors. Character references in text are decoded by the tokenizer's own
 * textValue(). The cell as nearly every writer writes it is read in one pass (usualCell), any
 * other the long way (cell). test/xlsx/fastPath.test.ts holds each fast path to the general
 * reading — the same Grid or the same error — on every fixture part and on random parts cut anywhere.
 */
import type { SheetState, StringsState } from './gridReader';
import { colAt, GRID_LIMITS, unescapeX } from './gridReader';
import { isSpace, textValue, type FastPath, type FastStack } from './xml';

/** The last tag read by attrsAt(): where its r, s and t values are (start, end; -1 when absent), whether it closed itself. */
class Tag {
  rA = -1;
  rB = -1;
  sA = -1;
  sB = -1;
  tA = -1;
  tB = -1;
  selfClosing = false;
  /** Its other attribute names (start, length): a name twice is an error the tokenizer reports. */
  readonly others = new Int32Array(16);
}
const tag = new Tag();

/** Same names at s[a, a+len) and s[b, b+len). */
function sameName(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

/**
 * The attributes of a tag, from p (just after its name) to its end: the position after ">" or
 * "/>", or -1 to decline (cut by the chunk's end, or anything but name="value" pairs separated by
 * white space; a value with "&" or "<" is the tokenizer's). White space in a value is left as it is:
 * where the tokenizer would make it a space, the value reads the same (a number, a cell reference, a type).
 */
function attrsAt(s: string, p: number, n: number): number {
  tag.rA = tag.rB = tag.sA = tag.sB = tag.tA = tag.tB = -1;
  const others = tag.others;
  let count = 0;
  for (;;) {
    if (p >= n) return -1;
    let c = s.charCodeAt(p);
    if (isSpace(c)) {
      do if (++p >= n) return -1;
      while (isSpace((c = s.charCodeAt(p))));
    } else if (c !== 62 && c !== 47) return -1; // no space between attributes: the tokenizer's error
    if (c === 62) {
      tag.selfClosing = false;
      return p + 1;
    }
    if (c === 47) {
      if (p + 1 >= n || s.charCodeAt(p + 1) !== 62) return -1;
      tag.selfClosing = true;
      return p + 2;
    }
    // A name: up to "="; white space, "/" or ">" before it (or an empty name) → decline.
    const name = p;
    while (p < n && (c = s.charCodeAt(p)) !== 61) {
      if (isSpace(c) || c === 47 || c === 62) return -1;
      p++;
    }
    const len = p - name;
    if (p + 1 >= n || len === 0) return -1;
    const q = s.charCodeAt(p + 1);
    if (q !== 34 && q !== 39) return -1;
    const a = p + 2;
    let e = a;
    for (; e < n; e++) {
      const ch = s.charCodeAt(e);
      if (ch === q) break;
      if (ch === 38 || ch === 60) return -1;
    }
    if (e >= n) return -1;
    const first = s.charCodeAt(name);
    if (len === 1 && first === 114 /* r */) {
      if (tag.rA >= 0) return -1;
      tag.rA = a;
      tag.rB = e;
    } else if (len === 1 && first === 115 /* s */) {
      if (tag.sA >= 0) return -1;
      tag.sA = a;
      tag.sB = e;
    } else if (len === 1 && first === 116 /* t */) {
      if (tag.tA >= 0) return -1;
      tag.tA = a;
      tag.tB = e;
    } else {
      for (let k = 0; k < count; k += 2) if (others[k + 1] === len && sameName(s, others[k], name, len)) return -1;
      if (count === others.length) return -1;
      others[count++] = name;
      others[count++] = len;
    }
    p = e + 1;
  }
}

/** "</name" at `at`, white space, ">": the position after it, or -1. */
function closeAt(s: string, at: number, n: number, name: string): number {
  if (at + 2 + name.length >= n || s.charCodeAt(at) !== 60 || s.charCodeAt(at + 1) !== 47 || !s.startsWith(name, at + 2)) return -1;
  const p = skipSpace(s, at + 2 + name.length, n);
  return p < n && s.charCodeAt(p) === 62 ? p + 1 : -1;
}

/** "<name" and its attributes at `at` (read into `tag`): the position after the tag, or -1. */
function openAt(s: string, at: number, n: number, name: string): number {
  if (at + 1 + name.length >= n || s.charCodeAt(at) !== 60 || !s.startsWith(name, at + 1)) return -1;
  return attrsAt(s, at + 1 + name.length, n);
}

/** s[a, b) as a whole number when it is at most 9 digits (none reads 0, as Number('') does), else -1. */
function digitsAt(s: string, a: number, b: number): number {
  if (b - a > 9) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * parseFloat(s.slice(a, b)), without the slice for a plain decimal ("12.5", "0.9") of 1 to 15
 * digits: its digits as a whole number and a power of ten below 2^53 are both exact, so their
 * quotient is the correctly rounded value, as parseFloat's (Clinger's fast path).
 */
function numberAt(s: string, a: number, b: number): number {
  let i = a;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < b; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
    } else if (d === -2 /* . */ && frac < 0) frac = i;
    else break;
  }
  if (i < b || digits === 0 || digits > 15) return parseFloat(s.slice(a, b));
  return frac < 0 ? m : m / POW10[b - frac - 1];
}

/** Past white space from p. */
function skipSpace(s: string, p: number, n: number): number {
  while (p < n && isSpace(s.charCodeAt(p))) p++;
  return p;
}

/** A reference in s[a, b), which only the tokenizer's textValue() decodes (or finds wrong). */
function hasAmp(s: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (s.charCodeAt(i) === 38) return true;
  return false;
}

/** How far usualCell() may read from its "<c": <c r="XFD1048576" s="123456789" t="s"><v>(17)</v></c> and a spare. */
const USUAL_REACH = 80;

/** s[at, at+4) is `a` `b` `c` `d` (char codes). */
function four(s: string, at: number, a: number, b: number, c: number, d: number): boolean {
  return s.charCodeAt(at) === a && s.charCodeAt(at + 1) === b && s.charCodeAt(at + 2) === c && s.charCodeAt(at + 3) === d;
}

/**
 * The cell as Excel, exceljs, openpyxl and LibreOffice write nearly all of them, read in one pass:
 * <c r="B7"[ s="3"][ t="s"]>, single spaces, double quotes, an upper-case reference, then
 * <v>12</v></c> (a number of 1 to 15 digits, or a shared string's index) or nothing. -2 when the
 * cell is not so written: cell() reads it the long way (the same value; only slower). Every loop
 * is bounded, so that it reads no further than USUAL_REACH characters from lt (the caller sees that
 * they are in the chunk: V8 deoptimises code that reads past a string's end).
 */
function usualCell(st: SheetState, s: string, lt: number): number {
  let p = lt + 2;
  if (!four(s, p, 32, 114 /* r */, 61, 34)) return -2;
  p += 4;
  let c = s.charCodeAt(p);
  let col = 0;
  for (let k = 0; k < 3 && c >= 65 && c <= 90; k++) {
    col = col * 26 + c - 64;
    c = s.charCodeAt(++p);
  }
  if (col === 0 || c < 48 || c > 57) return -2;
  for (let k = 0; k < 7 && c >= 48 && c <= 57; k++) c = s.charCodeAt(++p);
  if (c !== 34) return -2;
  c = s.charCodeAt(++p);
  let xf = 0;
  if (c === 32 && s.charCodeAt(p + 1) === 115 /* s */) {
    if (s.charCodeAt(p + 2) !== 61 || s.charCodeAt(p + 3) !== 34) return -2;
    p += 4;
    const a = p;
    // (No digit reads 0, as Number('') || 0 does the long way.)
    for (c = s.charCodeAt(p); c >= 48 && c <= 57 && p - a < 9; c = s.charCodeAt(++p)) xf = xf * 10 + c - 48;
    if (c !== 34) return -2;
    c = s.charCodeAt(++p);
  }
  let shared = false;
  if (c === 32) {
    // t="s" only: any other type is read the long way.
    if (!four(s, p + 1, 116 /* t */, 61, 34, 115 /* s */) || s.charCodeAt(p + 5) !== 34) return -2;
    shared = true;
    c = s.charCodeAt((p += 6));
  }
  if (c === 47 /* / */) {
    if (s.charCodeAt(p + 1) !== 62) return -2;
    st.colCursor = col - 1;
    return p + 2;
  }
  if (c !== 62) return -2;
  p++;
  if (four(s, p, 60, 47, 99 /* c */, 62)) {
    st.colCursor = col - 1;
    return p + 4;
  }
  if (s.charCodeAt(p) !== 60 || s.charCodeAt(p + 1) !== 118 /* v */ || s.charCodeAt(p + 2) !== 62) return -2;
  p += 3;
  // The value: digits and (a number) one point, up to "<".
  const a = p;
  let m = 0;
  let frac = -1;
  for (c = s.charCodeAt(p); p - a < 17; c = s.charCodeAt(++p)) {
    if (c >= 48 && c <= 57) m = m * 10 + c - 48;
    else if (c === 46 && frac < 0 && !shared) frac = p;
    else break;
  }
  const digits = p - a - (frac < 0 ? 0 : 1);
  if (c !== 60 || digits === 0 || digits > (shared ? 9 : 15)) return -2;
  if (!four(s, p, 60, 47, 118 /* v */, 62) || !four(s, p + 4, 60, 47, 99 /* c */, 62)) return -2;
  st.colCursor = col - 1;
  st.put(col - 1, xf, shared ? (st.strings[m] ?? null) : st.number(frac < 0 ? m : m / POW10[p - frac - 1], xf));
  return p + 8;
}

/**
 * A whole cell at lt ("<c"): its value put in the row; the position after it, or -1 to decline.
 * As the handlers would do for it (gridReader.ts readWorksheet: open c, f, v; text; close).
 */
function cell(st: SheetState, s: string, lt: number, n: number): number {
  let p = attrsAt(s, lt + 2, n);
  if (p < 0) return -1;
  let col = tag.rA >= 0 ? colAt(s, tag.rA, tag.rB) : -1;
  const xA = tag.sA;
  const xB = tag.sB;
  const typeA = tag.tA;
  const typeB = tag.tB;
  let vA = -1;
  let vB = -1;
  if (!tag.selfClosing) {
    // White space around the cell's elements (an indented part): text the handlers ignore there.
    p = skipSpace(s, p, n);
    // <f …>formula</f> or <f …/>: passed over (its text checked, as the tokenizer does). A formula
    // matters only to a value with no text, and such a cell has no value anyway.
    let q = openAt(s, p, n, 'f');
    if (q >= 0) {
      if (!tag.selfClosing) {
        const e = s.indexOf('<', q);
        const end = e < 0 ? -1 : closeAt(s, e, n, 'f');
        if (end < 0) return -1;
        if (hasAmp(s, q, e)) textValue(s.slice(q, e));
        q = end;
      }
      p = skipSpace(s, q, n);
    }
    // <v>text</v> (a <v/> has no text, as no <v> at all).
    q = openAt(s, p, n, 'v');
    if (q >= 0) {
      if (!tag.selfClosing) {
        vA = q;
        vB = s.indexOf('<', q);
        q = vB < 0 ? -1 : closeAt(s, vB, n, 'v');
        if (q < 0) return -1;
      }
      p = skipSpace(s, q, n);
    }
    p = closeAt(s, p, n, 'c');
    if (p < 0) return -1;
  }
  // Declining ends here: from now on the cell is read.
  if (col < 0) col = st.colCursor + 1;
  st.colCursor = col;
  let xf = 0;
  if (xA >= 0) {
    xf = digitsAt(s, xA, xB);
    if (xf < 0) xf = Number(s.slice(xA, xB)) || 0;
  }
  if (vB <= vA) return p; // no <v>, or no text in it: no value (as no text event)
  const plain = !hasAmp(s, vA, vB);
  if (plain && typeA < 0) {
    st.put(col, xf, st.number(numberAt(s, vA, vB), xf));
    return p;
  }
  if (plain && typeB - typeA === 1) {
    const t = s.charCodeAt(typeA);
    if (t === 115 /* s */) {
      const k = digitsAt(s, vA, vB);
      if (k >= 0) {
        st.put(col, xf, st.strings[k] ?? null);
        return p;
      }
    } else if (t === 110 /* n */) {
      st.put(col, xf, st.number(numberAt(s, vA, vB), xf));
      return p;
    }
  }
  const type = typeA < 0 ? '' : s.slice(typeA, typeB);
  st.put(col, xf, st.value(type, textValue(s.slice(vA, vB)), false, xf));
  return p;
}

/** <sheetData>'s rows and cells (gridReader.ts readWorksheet). */
export function sheetDataFast(st: SheetState): FastPath {
  return {
    within: 'sheetData',
    scan(s: string, at: number, stack: FastStack): number {
      const n = s.length;
      let i = at;
      for (;;) {
        // Only where no cell, value, formula or text element is open: the handlers' state is then
        // the rows' alone. (Belt and braces: a cell read here inside another cell is in a row that
        // ends before that cell does, and a row's end leaves that cell no row to be put in.)
        if (st.inside) return i;
        // In a <row>, cells; elsewhere rows (the handlers' own rule: by name only).
        const inRow = stack.top === 'row';
        // White space between rows and cells: text the handlers ignore there.
        i = skipSpace(s, i, n);
        if (i + 1 >= n || s.charCodeAt(i) !== 60) return i;
        if (inRow) {
          if (s.charCodeAt(i + 1) === 99 /* c */ && st.line) {
            let e = i + USUAL_REACH < n ? usualCell(st, s, i) : -2;
            if (e === -2) e = cell(st, s, i, n);
            if (e < 0) return i;
            i = e;
          } else {
            const e = closeAt(s, i, n, 'row');
            if (e < 0) return i;
            stack.leave();
            st.endRow();
            i = e;
          }
        } else {
          const e = openAt(s, i, n, 'row');
          if (e < 0) return i;
          let r: number | undefined;
          if (tag.rA >= 0) {
            r = digitsAt(s, tag.rA, tag.rB);
            r = r < 0 ? Number(s.slice(tag.rA, tag.rB)) - 1 : r - 1;
          }
          st.openRow(r);
          if (tag.selfClosing) st.endRow();
          else stack.enter('row');
          i = e;
        }
      }
    },
  };
}

/** The shared string table's <si><t>…</t></si> items (gridReader.ts readSharedStrings). */
export function sharedStringsFast(st: StringsState): FastPath {
  return {
    within: 'sst',
    scan(s: string, at: number, stack: FastStack): number {
      const n = s.length;
      let i = at;
      for (;;) {
        // Not inside an item, nor a phonetic run (whose text the handlers leave out).
        if (st.text || st.phonetic || stack.top !== 'sst') return i;
        i = skipSpace(s, i, n);
        // <si><t …>text</t></si>
        let p = openAt(s, i, n, 'si');
        if (p < 0 || tag.selfClosing) return i;
        p = openAt(s, p, n, 't');
        if (p < 0 || tag.selfClosing) return i;
        // The text, up to "<", noting whether the tokenizer would change it (a reference, a line end).
        let e = p;
        let special = false;
        for (; e < n; e++) {
          const ch = s.charCodeAt(e);
          if (ch === 60) break;
          if (ch === 38 || ch === 13) special = true;
        }
        let q = closeAt(s, e, n, 't');
        if (q >= 0) q = closeAt(s, q, n, 'si');
        if (q < 0) return i;
        // Kept as a slice of the chunk, not copied: a copy (xml.ts ownCopy) is a new string and a
        // slice of it, about as large in all as the chunk's share a slice keeps alive (the markup),
        // and slower. Measured on bench's 50,000-row workbook (115,250 strings, Node 20): the copies
        // keep 12.7 MB and take 73 ms to read the table, the slices 14.1 MB and 58 ms.
        if (e - p > GRID_LIMITS.string) return i; // the handlers say it is too long
        const text = s.slice(p, e);
        st.out.push(unescapeX(special ? textValue(text) : text));
        i = q;
      }
    },
  };
}
