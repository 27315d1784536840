/**
 * The one XML module of the xlsx layer. Reading: a push tokenizer written for what a package's
 * parts hold (elements, attributes, text, CDATA, comments, processing instructions, a DOCTYPE), with
 * element and attribute names reduced to their local part, so that `x:c` (OpenXML SDK), `c` (Excel)
 * and `ss:c` all read alike. Writing (at the end): escaping, and editing a part as text by splices.
 *
 * It replaced saxes on the read path: a worksheet of 50,000 rows is ~1.5 million tags, and a
 * general parser's per-character state machine and per-tag objects were about 15 % of `thidua check`.
 * It follows XML 1.0 where a reader's answer depends on it (test/xlsx/xml.test.ts holds it to
 * saxes's events on every part of the fixtures and on random documents):
 * - §2.11 line ends: "\r\n" and "\r" in text become "\n" (a "&#13;" stays "\r");
 * - §3.3.3 attribute values: literal tab, line feed and carriage return become spaces;
 * - §4.6 the five predefined entities and §4.1 character references are decoded; any other entity
 *   (a part has no DTD to declare one) is an error;
 * and it throws, like saxes, on what makes a part damaged: an unclosed or mismatched tag, a second
 * root, text outside the root, an unquoted or repeated attribute, "<" in an attribute value, a
 * reference to character 0 or beyond U+10FFFF, or no root at all.
 */

import { xmlSafe } from '../core';

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  /** Attribute names are local ("r:id" → "id") unless `rawAttributes`. */
  open?(name: string, attrs: Attrs, selfClosing: boolean): void;
  /**
   * Names as written, and one attributes object per element name, reused from tag to tag (an
   * attribute the tag lacks reads undefined): valid only during the call, never to be kept or
   * enumerated. A worksheet's million cells then cost no object each.
   */
  rawAttributes?: boolean;
  /** Text and CDATA inside the root, possibly in several pieces. */
  text?(text: string): void;
  /** Also called right after open() for a self-closing element. */
  close?(name: string): void;
  /** A fast path for the bulk of a part (see FastPath). */
  fast?: FastPath;
}

/**
 * A reader of its own for the content of one element (a worksheet's `sheetData`, the shared
 * strings' `sst`): a million cells then cost no event, attributes object or string each.
 * Inside that element (at any depth), at each step, the tokenizer first hands the text to `scan`,
 * which reads whole elements only — never a part of one — doing itself what the handlers would do
 * for them, and returns where it stopped: anything it does not recognise, or that is cut by the end
 * of the chunk, is left to the tokenizer, which reads one step and hands over again. So the events
 * and errors are the handlers' own wherever the fast path declines; tests hold both to each other.
 */
export interface FastPath {
  /** The element, named as written, whose content the fast path reads. */
  within: string;
  /** Reads from s at `at`; returns where it stopped (`at` when it read nothing). */
  scan(s: string, at: number, stack: FastStack): number;
}

/** The tokenizer's open elements, as the fast path sees and changes them. */
export interface FastStack {
  /** The innermost open element, as written. */
  readonly top: string;
  /** An element the fast path opened (its handlers' work done by the fast path itself). */
  enter(name: string): void;
  /** Closes the innermost element. */
  leave(): void;
}

/** "x:c" → "c" */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function localAttrs(raw: Attrs): Attrs {
  const out: Attrs = {};
  for (const k in raw) {
    // Namespace declarations are not attributes of the document's model.
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const i = k.indexOf(':');
    out[i < 0 ? k : k.slice(i + 1)] = raw[k];
  }
  return out;
}

class XmlError extends Error {}

/**
 * Cost bounds of the tokenizer (docs/files.md). Far above any real part — Excel nests a few dozen
 * levels, puts a few dozen attributes on an element, writes no DOCTYPE (OPC forbids DTDs: ECMA-376
 * Part 2 §8.1.4) — and low enough that a hostile part costs seconds and megabytes, not hours and
 * gigabytes. Exceeding one throws XmlLimitError, which says which.
 */
export const XML_LIMITS = {
  /** Open elements at once. */
  depth: 10_000,
  /** Attributes on one element. */
  attributes: 1_000,
  /** One tag, comment, processing instruction or CDATA section, in characters (text between tags is streamed, not held). */
  markup: 8 * 1024 * 1024,
  /** A DOCTYPE declaration, in characters. */
  doctype: 64 * 1024,
};

/** A part beyond one of XML_LIMITS: `kind` names it (a limit.workbook message). */
export class XmlLimitError extends Error {
  constructor(
    readonly kind: 'depth' | 'attributes' | 'markup' | 'doctype',
    readonly limit: number,
  ) {
    super(`${kind} limit ${limit}`);
    this.name = 'XmlLimitError';
  }
}

/** A name seen in the part: as written, local, and (rawAttributes) its reused attributes object. */
interface Name {
  name: string;
  local: string;
  attrs: Attrs | null;
  /** The keys the last tag of this name set (the first `count`). */
  keys: string[] | null;
  count: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeReferences(s: string): string {
  return s.replace(/&([^;&]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new XmlError('unterminated entity');
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    let code = NaN;
    if (/^#x[0-9A-Fa-f]+$/.test(body)) code = parseInt(body.slice(2), 16);
    else if (/^#[0-9]+$/.test(body)) code = parseInt(body.slice(1), 10);
    else throw new XmlError(`undefined entity &${body.slice(0, 20)};`);
    if (!(code > 0 && code <= 0x10ffff)) throw new XmlError('malformed character reference');
    return String.fromCodePoint(code);
  });
}

/** §2.11 then §4: line ends first, so that a "&#13;" survives as "\r". (As the text handler gets it.) */
export function textValue(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') >= 0 ? decodeReferences(s) : ownCopy(s);
}

/**
 * A text the handler may keep (an inline string, a text piece of a rich shared string) is not left
 * holding the chunk it was cut from: V8 keeps a slice of 13 characters or more as a view of its
 * parent. Appending a character and cutting it off flattens a copy of the text alone (held as a
 * slice of that copy). The shared strings' fast path (fastPath.ts) keeps plain slices instead: over a
 * whole table, what the copies save (the markup between the texts) is about what they cost.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** §3.3.3: literal white space → space (after line-end normalisation), then references. */
function attrValue(s: string): string {
  if (s.indexOf('<') >= 0) throw new XmlError('"<" in an attribute value');
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' ');
  return s.indexOf('&') >= 0 ? decodeReferences(s) : s;
}

/** XML white space (§2.3 S); the fast paths use it too. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Ends a name: white space, "/", ">" or "=". */
function isNameEnd(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 47 || c === 62 || c === 61;
}

/** A push parser: feed it text chunks (a part decoded piece by piece), then end(). Throws on malformed XML. */
export class XmlScanner implements FastStack {
  private rest = '';
  private readonly fast: FastPath | null;
  /** Depth of the stack at which the fast path's element is open; -1 outside it. */
  private fastFrom = -1;
  /** Open elements: their names as written, and local. */
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  private readonly names = new Map<number, Name>();
  private rootSeen = false;
  private readonly open: ((name: string, attrs: Attrs, selfClosing: boolean) => void) | undefined;
  private readonly text: ((text: string) => void) | undefined;
  private readonly close: ((name: string) => void) | undefined;
  private readonly raw: boolean;

  constructor(h: XmlHandlers) {
    this.open = h.open;
    this.text = h.text;
    this.close = h.close;
    this.raw = !!h.rawAttributes;
    this.fast = h.fast ?? null;
  }

  get top(): string {
    return this.stack[this.stack.length - 1];
  }

  enter(name: string): void {
    if (this.stack.length >= XML_LIMITS.depth) throw new XmlLimitError('depth', XML_LIMITS.depth);
    this.stack.push(name);
    this.locals.push(localName(name));
  }

  leave(): void {
    this.stack.pop();
    this.locals.pop();
    if (this.stack.length < this.fastFrom) this.fastFrom = -1;
  }

  write(chunk: string): void {
    let rest = this.rest;
    let from = 0;
    if (rest) {
      // What the last chunk left (an element cut in two) is read joined to the start of this one
      // only: a concatenated string (V8's ConsString) is read character by character a few times
      // slower than a flat one, so the chunk itself is never joined to anything.
      for (let k = 4096; ; k *= 4) {
        const all = k >= chunk.length;
        const bridge = rest + (all ? chunk : chunk.slice(0, k));
        const got = this.run(bridge, 0, false);
        if (all) {
          this.rest = bridge.slice(got);
          this.checkCarried(this.rest);
          return;
        }
        if (got >= rest.length) {
          from = got - rest.length;
          break;
        }
        // An element longer than the bridge: what was read of it is read, the rest tried on a longer one.
        rest = bridge.slice(got, rest.length);
        this.checkCarried(rest);
      }
    }
    this.rest = chunk.slice(this.run(chunk, from, false));
    this.checkCarried(this.rest);
  }

  /** What waits for the next chunk is one construct cut in two: never more than a tag may be. */
  private checkCarried(rest: string): void {
    if (rest.length <= XML_LIMITS.doctype) return;
    if (rest.startsWith('<!DOCTYPE')) throw new XmlLimitError('doctype', XML_LIMITS.doctype);
    if (rest.length > XML_LIMITS.markup) throw new XmlLimitError('markup', XML_LIMITS.markup);
  }

  end(): void {
    const s = this.rest;
    this.rest = '';
    if (this.run(s, 0, true) < s.length) throw new XmlError('unexpected end of the part');
    if (this.stack.length) throw new XmlError(`unclosed tag: ${this.stack[this.stack.length - 1]}`);
    if (!this.rootSeen) throw new XmlError('no root element');
  }

  private emitText(s: string): void {
    if (this.stack.length) {
      if (this.text && s) this.text(textValue(s));
    } else if (!/^[ \t\r\n]*$/.test(s)) throw new XmlError('text outside the root element');
  }

  /** Scans s; returns how far it got (the rest waits for the next chunk, or is an error at the end). */
  private run(s: string, from: number, final: boolean): number {
    const n = s.length;
    let i = from;
    while (i < n) {
      if (this.fastFrom >= 0) {
        i = this.fast!.scan(s, i, this);
        if (i >= n) break;
      }
      // Tags mostly follow each other: look at the next character before searching.
      const lt = s.charCodeAt(i) === 60 ? i : s.indexOf('<', i);
      if (lt < 0) {
        // Text up to the end: keep an entity reference that may be cut in two for the next chunk.
        let upTo = n;
        if (!final) {
          const amp = s.lastIndexOf('&');
          if (amp >= i && s.indexOf(';', amp) < 0) upTo = amp;
          // A "\r" whose "\n" may open the next chunk: one line end, not two.
          if (upTo > i && s.charCodeAt(upTo - 1) === 13) upTo--;
        }
        if (upTo > i) this.emitText(s.slice(i, upTo));
        return upTo;
      }
      if (lt > i) this.emitText(s.slice(i, lt));
      i = lt;
      if (lt + 1 >= n) return i;
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        // Compared in place with the open tag's name: no string is cut out per close tag.
        const depth = this.stack.length;
        const expected = depth ? this.stack[depth - 1] : '';
        let q = lt + 2 + expected.length;
        if (q > n) return i;
        if (!depth || !s.startsWith(expected, lt + 2)) throw this.badClose(s, lt);
        while (q < n && isSpace(s.charCodeAt(q))) q++;
        if (q >= n) return i;
        if (s.charCodeAt(q) !== 62) throw this.badClose(s, lt);
        const local = this.locals[this.locals.length - 1];
        this.leave();
        if (this.close) this.close(local);
        i = q + 1;
      } else if (c === 63 /* ? */) {
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) return i;
        i = e + 2;
      } else if (c === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) return i;
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) return i;
          if (!this.stack.length) throw new XmlError('CDATA outside the root element');
          const body = s.slice(lt + 9, e);
          if (this.text && body) this.text(body.indexOf('\r') >= 0 ? body.replace(/\r\n?/g, '\n') : ownCopy(body));
          i = e + 3;
        } else if (s.startsWith('<!DOCTYPE', lt)) {
          if (this.rootSeen) throw new XmlError('DOCTYPE after the root element');
          // An internal subset [ … ] may hold ">": skip to the ">" after its "]".
          const bracket = s.indexOf('[', lt);
          const firstGt = s.indexOf('>', lt);
          let e = firstGt;
          if (bracket >= 0 && (firstGt < 0 || bracket < firstGt)) {
            const close = s.indexOf(']', bracket);
            e = close < 0 ? -1 : s.indexOf('>', close);
          }
          if (e < 0) return i;
          if (e - lt > XML_LIMITS.doctype) throw new XmlLimitError('doctype', XML_LIMITS.doctype);
          i = e + 1;
        } else {
          if (lt + 9 > n && !final) return i;
          throw new XmlError('malformed markup declaration');
        }
      } else {
        const next = this.openTag(s, lt);
        if (next < 0) return i;
        i = next;
      }
    }
    return i;
  }

  private badClose(s: string, lt: number): XmlError {
    const gt = s.indexOf('>', lt);
    return new XmlError(`unexpected close tag ${s.slice(lt, gt < 0 ? lt + 40 : Math.min(gt + 1, lt + 40))}`);
  }

  /**
   * The name at s[a, b) as a string seen before when it is one (a part uses a few dozen names a
   * million times): no new string per tag or attribute name.
   */
  private intern(s: string, a: number, b: number): Name {
    const len = b - a;
    // Length and first and last characters: nearly always enough to tell a part's names apart.
    const key = (len << 20) ^ (s.charCodeAt(a) << 10) ^ s.charCodeAt(b - 1);
    const known = this.names.get(key);
    if (known !== undefined && known.name.length === len) {
      const name = known.name;
      let k = 0;
      while (k < len && name.charCodeAt(k) === s.charCodeAt(a + k)) k++;
      if (k === len) return known;
    }
    const name = s.slice(a, b);
    const entry: Name = { name, local: localName(name), attrs: null, keys: null, count: 0 };
    if (known === undefined && this.names.size < 256) this.names.set(key, entry);
    return entry;
  }

  /** "<name a="v" …>" or "… />" at lt: the position after it, or -1 when the tag is not complete yet. */
  private openTag(s: string, lt: number): number {
    const n = s.length;
    let p = lt + 1;
    while (p < n && !isNameEnd(s.charCodeAt(p))) p++;
    if (p >= n) return -1;
    const first = s.charCodeAt(lt + 1);
    // A name does not start with "-", ".", a digit (XML 1.0 §2.3 NameStartChar) — or be empty.
    if (p === lt + 1 || first === 45 || first === 46 || (first >= 48 && first <= 57)) throw new XmlError('malformed tag');
    const tag = this.intern(s, lt + 1, p);
    const name = tag.name;
    let attrs: Attrs;
    let keys: string[] | null = null;
    if (this.raw) {
      attrs = tag.attrs ??= {};
      keys = tag.keys ??= [];
      for (let k = 0; k < tag.count; k++) attrs[keys[k]] = undefined as unknown as string;
      tag.count = 0;
    } else attrs = {};
    let selfClosing = false;
    let count = 0;
    let seen: Set<string> | null = null;
    for (;;) {
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      const c = s.charCodeAt(p);
      if (c === 62 /* > */) {
        p++;
        break;
      }
      if (c === 47 /* / */) {
        if (p + 1 >= n) return -1;
        if (s.charCodeAt(p + 1) !== 62) throw new XmlError('malformed tag');
        selfClosing = true;
        p += 2;
        break;
      }
      const start = p;
      while (p < n && !isNameEnd(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      if (p === start) throw new XmlError('malformed attribute');
      const key = this.intern(s, start, p).name;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      if (s.charCodeAt(p) !== 61 /* = */) throw new XmlError(`attribute without value: ${key.slice(0, 40)}`);
      p++;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      const q = s.charCodeAt(p);
      if (q !== 34 && q !== 39) throw new XmlError('unquoted attribute value');
      // To the closing quote, noting on the way whether the value needs decoding ("&", "<", white space).
      let e = p + 1;
      let special = false;
      for (; e < n; e++) {
        const ch = s.charCodeAt(e);
        if (ch === q) break;
        if (ch === 38 || ch === 60 || ch < 32) special = true;
      }
      if (e >= n) return -1;
      if (++count > XML_LIMITS.attributes) throw new XmlLimitError('attributes', XML_LIMITS.attributes);
      if (keys) {
        // A few attributes (every real tag): compared in turn; many: a set, so the check stays linear.
        if (tag.count < 16) {
          for (let k = 0; k < tag.count; k++) if (keys[k] === key) throw new XmlError(`duplicate attribute: ${key.slice(0, 40)}`);
        } else {
          if (!seen) {
            seen = new Set<string>();
            for (let k = 0; k < tag.count; k++) seen.add(keys[k]);
          }
          if (seen.has(key)) throw new XmlError(`duplicate attribute: ${key.slice(0, 40)}`);
          seen.add(key);
        }
        keys[tag.count++] = key;
      } else if (Object.prototype.hasOwnProperty.call(attrs, key)) throw new XmlError(`duplicate attribute: ${key.slice(0, 40)}`);
      const value = s.slice(p + 1, e);
      attrs[key] = special ? attrValue(value) : value;
      p = e + 1;
      const after = p < n ? s.charCodeAt(p) : -1;
      if (after >= 0 && !isSpace(after) && after !== 62 && after !== 47) throw new XmlError('no space between attributes');
    }
    // A whole tag in one chunk is measured here; one cut across chunks, by what is carried.
    if (p - lt > XML_LIMITS.markup) throw new XmlLimitError('markup', XML_LIMITS.markup);
    if (!this.stack.length && this.rootSeen) throw new XmlError('a second root element');
    this.rootSeen = true;
    const local = tag.local;
    if (this.open) this.open(local, this.raw ? attrs : localAttrs(attrs), selfClosing);
    if (selfClosing) {
      if (this.close) this.close(local);
    } else {
      if (this.stack.length >= XML_LIMITS.depth) throw new XmlLimitError('depth', XML_LIMITS.depth);
      this.stack.push(name);
      this.locals.push(local);
      if (this.fast && this.fastFrom < 0 && name === this.fast.within) this.fastFrom = this.stack.length;
    }
    return p;
  }
}

/** Scans a whole document given as text. */
export function scanXml(text: string, h: XmlHandlers): void {
  const s = new XmlScanner(h);
  s.write(text);
  s.end();
}

// ---- Editing parts as text (the patching writer, src/xlsx/patch)
//
// The parts we change are edited by splicing strings at known places, so that every byte we do not
// mean to change stays as the writer left it (a DOM round trip would re-serialise namespaces,
// quoting, whitespace and entities). Parts are small enough here (the workbook, rels, styles,
// comments, the sheets that get marks) that a string search is all it takes.

export function escText(s: string): string {
  // Characters XML 1.0 cannot carry never reach a part (xstring escapes them first where the text is an ST_Xstring).
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escAttr(s: string): string {
  return escText(s).replace(/"/g, '&quot;');
}

/** Lenient: an unknown or malformed reference is left as written (the editor never refuses a part the reader read). */
export function unesc(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/**
 * Text for a SpreadsheetML string (ST_Xstring, ECMA-376 Part 1 §22.9.2.19): characters XML 1.0
 * cannot carry are written as _xHHHH_, and a literal "_xHHHH_" is protected as _x005F_xHHHH_.
 */
export function xstring(s: string): string {
  return escText(
    s
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
      // A lone surrogate (UTF-8 cannot hold one): the replacement character, as the encoder would write it.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

/** The attributes of a start tag, values unescaped. */
export function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  const body = tag.replace(/^<[\w:.-]+/, '');
  while ((m = re.exec(body))) out.set(m[1], unesc(m[2] ?? m[3] ?? ''));
  return out;
}

/** A start tag with one attribute set (value escaped here) or removed (null); other bytes unchanged. */
export function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`(\\s)${name.replace(/[.]/g, '\\.')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, value === null ? '' : `$1${name}="${escAttr(value)}"`);
  if (value === null) return tag;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${name}="${escAttr(value)}"${tag.slice(close)}`;
}

export interface Element {
  /** Qualified name as written ("x:row"). */
  qname: string;
  /** Local name ("row"). */
  name: string;
  start: number;
  /** End of the start tag (index after ">"). */
  tagEnd: number;
  /** End of the element (index after its end tag, or tagEnd when self-closing). */
  end: number;
  tag: string;
  selfClosing: boolean;
}

/** The element starting at `start` ("<…"): its start tag and, through nesting of the same name, its end. */
export function elementAt(xml: string, start: number): Element {
  const gt = xml.indexOf('>', start);
  if (gt < 0) throw new Error('unterminated tag');
  const tag = xml.slice(start, gt + 1);
  const qname = /^<([\w:.-]+)/.exec(tag)![1];
  const selfClosing = tag.endsWith('/>');
  if (selfClosing) return { qname, name: localName(qname), start, tagEnd: gt + 1, end: gt + 1, tag, selfClosing };
  const closeTag = `</${qname}>`;
  let depth = 1;
  let p = gt + 1;
  // Start tags of this name are counted between end tags by visiting each "<" once, never reading
  // beyond the next end tag: a search that ran on to the next start tag (or the part's end) would
  // read the rest of the part once per end tag — quadratic on deep nesting or many siblings.
  let q = p;
  const n = qname.length;
  for (;;) {
    const c = xml.indexOf(closeTag, p);
    if (c < 0) throw new Error(`no end tag for ${qname}`);
    while (q < c) {
      const lt = xml.indexOf('<', q);
      if (lt < 0 || lt >= c) {
        q = c;
        break;
      }
      q = lt + 1;
      const after = xml.charCodeAt(lt + 1 + n);
      if (xml.startsWith(qname, lt + 1) && (isSpace(after) || after === 47 || after === 62)) {
        const e = xml.indexOf('>', lt);
        if (e < 0) break;
        if (xml[e - 1] !== '/') depth++;
        q = e + 1;
      }
    }
    depth--;
    p = c + closeTag.length;
    if (q < p) q = p;
    if (depth === 0) return { qname, name: localName(qname), start, tagEnd: gt + 1, end: p, tag, selfClosing };
  }
}

/** The children of the element (elements only; comments, processing instructions and text skipped). */
export function children(xml: string, parent: Element): Element[] {
  const out: Element[] = [];
  if (parent.selfClosing) return out;
  const stop = parent.end - (parent.qname.length + 3);
  let p = parent.tagEnd;
  while (p < stop) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= stop) break;
    if (xml.startsWith('<!--', lt)) {
      p = xml.indexOf('-->', lt) + 3;
      continue;
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      p = xml.indexOf('>', lt) + 1;
      continue;
    }
    const el = elementAt(xml, lt);
    out.push(el);
    p = el.end;
  }
  return out;
}

/** The document's root element. */
export function root(xml: string): Element {
  let p = 0;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) throw new Error('no root element');
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      p = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) + 3 : xml.indexOf('>', lt) + 1;
      continue;
    }
    return elementAt(xml, lt);
  }
}

/** The prefix bound to a namespace URI on the root ("r:"), or null. */
export function nsPrefix(rootTag: string, uri: string): string | null {
  for (const [k, v] of attrs(rootTag)) if (v === uri && k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  return null;
}

export interface Splice {
  at: number;
  del: number;
  text: string;
}

/**
 * Applies non-overlapping splices (in any order). At one position, insertions come before a
 * replacement starting there (a new cell goes before the next cell, whose tag may change too);
 * otherwise equal positions keep their given order.
 */
export function splice(xml: string, edits: Splice[]): string {
  if (!edits.length) return xml;
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || Number(a.e.del > 0) - Number(b.e.del > 0) || a.i - b.i);
  const parts: string[] = [];
  let p = 0;
  for (const { e } of sorted) {
    if (e.at < p) throw new Error('overlapping edits');
    parts.push(xml.slice(p, e.at), e.text);
    p = e.at + e.del;
  }
  parts.push(xml.slice(p));
  return parts.join('');
}
