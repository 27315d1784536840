/**
 * Just enough XML for patching parts as text: the parts we touch are edited by splicing strings at
 * known places, so that every byte we do not mean to change stays as the writer left it
 * (a DOM round trip would re-serialise namespaces, quoting, whitespace and entities).
 */

export function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escAttr(s: string): string {
  return escText(s).replace(/"/g, '&quot;');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

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
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
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

const localName = (q: string) => q.slice(q.indexOf(':') + 1);

/** The element starting at `start` ("<…"): its start tag and, through nesting of the same name, its end. */
export function elementAt(xml: string, start: number): Element {
  const gt = xml.indexOf('>', start);
  if (gt < 0) throw new Error('unterminated tag');
  const tag = xml.slice(start, gt + 1);
  const qname = /^<([\w:.-]+)/.exec(tag)![1];
  const selfClosing = tag.endsWith('/>');
  if (selfClosing) return { qname, name: localName(qname), start, tagEnd: gt + 1, end: gt + 1, tag, selfClosing };
  const open = new RegExp(`<${qname.replace(/[.]/g, '\\.')}(?=[\\s/>])`, 'g');
  const closeTag = `</${qname}>`;
  let depth = 1;
  let p = gt + 1;
  for (;;) {
    const c = xml.indexOf(closeTag, p);
    if (c < 0) throw new Error(`no end tag for ${qname}`);
    open.lastIndex = p;
    let m: RegExpExecArray | null;
    while ((m = open.exec(xml)) && m.index < c) {
      const e = xml.indexOf('>', m.index);
      if (xml[e - 1] !== '/') depth++;
    }
    depth--;
    p = c + closeTag.length;
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

/** The prefix (with its colon) under which the root's namespace is written: "" or "x:". */
export function prefixOf(el: Element): string {
  return el.qname.includes(':') ? el.qname.slice(0, el.qname.indexOf(':') + 1) : '';
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
