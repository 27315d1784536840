/**
 * Notes ("comments" in SpreadsheetML, ECMA-376 Part 1 §18.7) of one worksheet: the comments part
 * (§18.7.6 comments: authors, commentList of comment ref/authorId/text) reached by the sheet's
 * relationship of type …/comments (§12.3.3), and the legacy VML drawing that gives each note its box
 * (Part 1 §18.3.1.50 legacyDrawing; VML itself is Part 4 §19 / Part 1 Annex L — Excel shows a note
 * only when both exist). A user's note on a marked cell is kept and ours appended after a clear
 * separator; the user's own comment element is restored exactly on clear. Cells with a threaded
 * comment (Excel 365, [MS-XLSX] 2.1.17) are left alone.
 */
import { relsPartOf, type Package } from '../package';
import { attrs, children, escAttr, escText, nsPrefix, root, splice, xstring, type Splice, unesc } from '../xml';
import { isRelType, TRANSITIONAL, type Namespaces } from './namespaces';

const THREADED_TYPE = 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment';
export const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_CT = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const AUTHOR = 'Thi đua CCHC';

export type NoteChange =
  /** The user's comment element (kept as it is) with our part appended: a bold head line, then our text. */
  | { ref: string; user: string; head: string; ours: string }
  /** Put back exactly this comment element (the user's, from the backup). */
  | { ref: string; exact: string }
  /** Put back a note of this text (a backup written by the add-in holds only the text). */
  | { ref: string; text: string }
  | { ref: string; remove: true };

export interface SheetNotes {
  commentsPart: string | null;
  vmlPart: string | null;
  /** ref → the comment element as written. */
  comments: Map<string, string>;
  /** Cells holding a threaded comment: never touched. */
  threaded: Set<string>;
}

const refKey = (ref: string) => ref.replace(/\$/g, '').toUpperCase();

export function readNotes(pkg: Package, sheetPart: string): SheetNotes {
  const rels = pkg.rels(sheetPart);
  const commentsRel = rels.find((r) => isRelType(r.type, 'comments') && r.part && pkg.has(r.part));
  const comments = new Map<string, string>();
  if (commentsRel) {
    const xml = pkg.text(commentsRel.part!);
    const list = children(xml, root(xml)).find((e) => e.name === 'commentList');
    if (list) for (const c of children(xml, list)) if (c.name === 'comment') comments.set(refKey(attrs(c.tag).get('ref') ?? ''), xml.slice(c.start, c.end));
  }
  const threaded = new Set<string>();
  for (const r of rels) {
    if (r.type !== THREADED_TYPE || !r.part || !pkg.has(r.part)) continue;
    for (const m of pkg.text(r.part).matchAll(/<(?:\w+:)?threadedComment\b[^>]*>/g)) threaded.add(refKey(attrs(m[0]).get('ref') ?? ''));
  }
  return { commentsPart: commentsRel?.part ?? null, vmlPart: vmlOf(pkg, sheetPart), comments, threaded };
}

function vmlOf(pkg: Package, sheetPart: string): string | null {
  const xml = pkg.text(sheetPart);
  const ld = /<(?:\w+:)?legacyDrawing\b[^>]*>/.exec(xml);
  if (!ld) return null;
  const id = [...attrs(ld[0])].find(([k]) => k.endsWith(':id') || k === 'id')?.[1];
  const rel = pkg.rels(sheetPart).find((r) => r.id === id);
  return rel?.part && pkg.has(rel.part) ? rel.part : null;
}

/** The plain text of a comment element (its runs, without phonetic guides). */
export function commentText(comment: string): string {
  const body = comment.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let s = '';
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) s += unesc(m[1] ?? '');
  return s;
}

const RUN_PR = '<rPr><sz val="9"/><rFont val="Tahoma"/></rPr>';
const run = (text: string, bold = false) => `<r>${bold ? '<rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr>' : RUN_PR}<t xml:space="preserve">${xstring(text)}</t></r>`;

/**
 * The user's comment with our part appended as runs (head line bold, then our text); the user's own
 * runs, author and attributes untouched.
 */
function merged(user: string, head: string, ours: string): string {
  const open = /<((?:\w+:)?)text\b[^>]*>/.exec(user);
  if (!open) return user;
  const p = open[1];
  const inner0 = open.index + open[0].length;
  const close = user.lastIndexOf(`</${p}text>`);
  let inner = user.slice(inner0, close);
  // A note of one plain <t> becomes one run, so that runs can follow (CT_Rst, §18.4.7: t? r* rPh*).
  inner = inner.replace(new RegExp(`^(\\s*)(<${p}t\\b[^>]*(?:/>|>[\\s\\S]*?</${p}t>))`), `$1<${p}r>$2</${p}r>`);
  const tail = inner.search(new RegExp(`<${p}(?:rPh|phoneticPr)\\b`));
  const at = tail < 0 ? inner.length : tail;
  const ourRuns = (run(head, true) + run(ours)).replace(/<(\/?)(r|rPr|b|sz|rFont|t)\b/g, `<$1${p}$2`);
  return user.slice(0, inner0) + inner.slice(0, at) + ourRuns + inner.slice(at) + user.slice(close);
}

/** A comment of ours merged into a user's (merged above) → the user's comment as it was, or null when it is not one. */
export function userPartOf(comment: string, head: string): string | null {
  const t = `<(?:\\w+:)?t xml:space="preserve">${escText(head).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}</(?:\\w+:)?t>`;
  const m = new RegExp(`<(\\w+:)?r><(?:\\w+:)?rPr><(?:\\w+:)?b/>(?:(?!</(?:\\w+:)?r>)[\\s\\S])*?${t}</(?:\\w+:)?r>[\\s\\S]*?(?=<(?:\\w+:)?(?:rPh|phoneticPr)\\b|</(?:\\w+:)?text>)`).exec(comment);
  return m ? comment.slice(0, m.index) + comment.slice(m.index + m[0].length) : null;
}

/** A comment element kept from elsewhere (the backup: its row may have moved since) placed on `ref`. */
function atRef(comment: string, ref: string): string {
  return comment.replace(/^(<(?:\w+:)?comment\b[^>]*?\sref\s*=\s*)(["'])([^"']*)\2/, (m, head: string, q: string, was: string) => (refKey(was) === ref ? m : `${head}${q}${ref}${q}`));
}

/** Lines of text in a note, for the size of its box. */
const lineCount = (text: string) => Math.min(40, text.split('\n').reduce((n, l) => n + 1 + Math.floor(l.length / 40), 0));

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

/** A note's box. `ns`: declare the prefixes on the shape (a drawing whose root does not, e.g. openpyxl's). */
function shape(id: number, row: number, col: number, lines: number, ns: boolean): string {
  const anchor = `${col + 1}, 15, ${row}, 10, ${col + 4}, 15, ${row + Math.max(4, lines + 1)}, 4`;
  return (
    `<v:shape${ns ? ` ${VML_NS}` : ''} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:${Math.max(60, lines * 12 + 12)}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPETYPE = (ns: boolean) =>
  `<v:shapetype${ns ? ` ${VML_NS}` : ''} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function parseRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** VML shape-id blocks (o:idmap, 1024 ids each) used anywhere in the package. */
function usedBlocks(pkg: Package): Set<number> {
  const out = new Set<number>();
  for (const name of pkg.names()) {
    if (!name.toLowerCase().endsWith('.vml')) continue;
    for (const m of pkg.text(name).matchAll(/<o:idmap\b[^>]*>/g)) for (const n of (attrs(m[0]).get('data') ?? '').split(',')) if (/^\d+$/.test(n.trim())) out.add(Number(n));
    for (const m of pkg.text(name).matchAll(/_x0000_s(\d+)/g)) out.add(Math.floor(Number(m[1]) / 1024));
  }
  return out;
}

/** Shapes of notes in a VML part (whatever prefixes the writer used): cell key → [start, end]. */
function noteShapes(vml: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const re = /<(\w+:)?shape\b[\s\S]*?<\/\1shape>/g;
  for (const m of vml.matchAll(re)) {
    const s = m[0];
    if (!/ObjectType\s*=\s*["']Note["']/.test(s)) continue;
    const r = /<(?:\w+:)?Row>\s*(\d+)\s*<\/(?:\w+:)?Row>/.exec(s);
    const c = /<(?:\w+:)?Column>\s*(\d+)\s*<\/(?:\w+:)?Column>/.exec(s);
    if (r && c) out.set(`${r[1]}:${c[1]}`, [m.index!, m.index! + s.length]);
  }
  return out;
}

/** The sheet's children after which legacyDrawing may not come (CT_Worksheet order, §18.3.1.99). */
const AFTER_LEGACY = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst', 'AlternateContent']);

/**
 * Applies the note changes of one sheet; returns the sheet's new XML (a legacyDrawing element is
 * added or removed when the notes' drawing is created or emptied). Parts are created on demand and
 * removed when we leave them empty.
 */
export function applyNotes(pkg: Package, sheetPart: string, sheetXml: string, notes: SheetNotes, changes: NoteChange[], ns: Namespaces = TRANSITIONAL): string {
  if (!changes.length) return sheetXml;
  let sheet = sheetXml;
  const additions = changes.some((c) => !('remove' in c));
  if (!notes.commentsPart && !additions) return sheet;
  const commentsPart = notes.commentsPart ?? newCommentsPart(pkg, sheetPart, ns);
  const open = openCommentList(pkg.text(commentsPart), changes.some((c) => 'text' in c));
  const edited = editComments(open, notes, changes);
  const cx = dropOurAuthor(edited.cx, open.authorId);
  const left = children(cx, children(cx, root(cx)).find((e) => e.name === 'commentList')!).length;
  // The boxes (VML): one per note gained, none for a note removed.
  let vmlPart = notes.vmlPart;
  if (edited.gained.length && !vmlPart) {
    vmlPart = newVmlPart(pkg);
    sheet = insertLegacyDrawing(sheet, pkg.addRel(sheetPart, `${ns.rel}/vmlDrawing`, vmlPart), ns);
  }
  if (vmlPart) {
    const vml = editShapes(pkg, pkg.text(vmlPart), edited.lost, edited.gained);
    if (OUR_EMPTY_VML.test(vml)) {
      // The drawing we created, left with no box: it goes, with its relationship and the sheet's reference.
      sheet = removeLegacyDrawing(pkg, sheetPart, sheet);
      dropPart(pkg, sheetPart, vmlPart);
    } else pkg.setText(vmlPart, withoutOurShapetype(vml));
  }
  // The comments part we created, left with no note, goes; the producer's own stays (shapes, controls
  // and pictures of its drawing stay too).
  if (!left && cx === emptyComments(ns)) dropPart(pkg, sheetPart, commentsPart);
  else pkg.setText(commentsPart, cx);
  return sheet;
}

/** A comments part as we create it, before its first note (and as a clear leaves it). */
const emptyComments = (ns: Namespaces) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${ns.main}"><authors></authors><commentList></commentList></comments>`;

function newCommentsPart(pkg: Package, sheetPart: string, ns: Namespaces): string {
  const part = pkg.freeName('xl/comments', '.xml');
  pkg.setText(part, emptyComments(ns));
  pkg.setContentType(part, COMMENTS_CT);
  pkg.addRel(sheetPart, `${ns.rel}/comments`, part);
  return part;
}

/** The comments part ready for edits: its prefix, our author's id (added when a note of ours is written), an open commentList. */
interface OpenComments {
  cx: string;
  p: string;
  authorId: number;
  list: ReturnType<typeof children>[number];
}

function openCommentList(xml: string, ourText: boolean): OpenComments {
  let cx = xml;
  const croot = root(cx);
  const p = croot.qname.includes(':') ? croot.qname.slice(0, croot.qname.indexOf(':') + 1) : '';
  // Our author (§18.7.2), added once.
  let authors = children(cx, croot).find((e) => e.name === 'authors');
  if (!authors) {
    cx = splice(cx, [{ at: croot.tagEnd, del: 0, text: `<${p}authors></${p}authors>` }]);
    authors = children(cx, root(cx)).find((e) => e.name === 'authors')!;
  }
  const names = children(cx, authors).map((a) => unesc(cx.slice(a.tagEnd, a.end - (a.qname.length + 3))));
  let authorId = names.indexOf(AUTHOR);
  if (authorId < 0 && ourText) {
    authorId = names.length;
    const kids = children(cx, authors);
    const text = `<${p}author>${xstring(AUTHOR)}</${p}author>`;
    if (authors.selfClosing) cx = splice(cx, [{ at: authors.start, del: authors.end - authors.start, text: `<${p}authors>${text}</${p}authors>` }]);
    else cx = splice(cx, [{ at: kids.length ? kids[kids.length - 1].end : authors.tagEnd, del: 0, text }]);
  }
  let list = children(cx, root(cx)).find((e) => e.name === 'commentList');
  if (!list) {
    const a = children(cx, root(cx)).find((e) => e.name === 'authors')!;
    cx = splice(cx, [{ at: a.end, del: 0, text: `<${p}commentList></${p}commentList>` }]);
    list = children(cx, root(cx)).find((e) => e.name === 'commentList')!;
  }
  if (list.selfClosing) {
    cx = splice(cx, [{ at: list.start, del: list.end - list.start, text: `<${p}commentList></${p}commentList>` }]);
    list = children(cx, root(cx)).find((e) => e.name === 'commentList')!;
  }
  return { cx, p, authorId, list };
}

/** The changes on the comment list: comments replaced, removed (lost) or appended (gained, with their lines for the box). */
function editComments(open: OpenComments, notes: SheetNotes, changes: NoteChange[]): { cx: string; gained: { ref: string; lines: number }[]; lost: string[] } {
  const { cx, p, authorId, list } = open;
  const existing = new Map<string, { start: number; end: number; xml: string }>();
  for (const c of children(cx, list)) if (c.name === 'comment') existing.set(refKey(attrs(c.tag).get('ref') ?? ''), { start: c.start, end: c.end, xml: cx.slice(c.start, c.end) });
  const ourComment = (ref: string, text: string) => `<${p}comment ref="${escAttr(ref)}" authorId="${authorId}"><${p}text>${run(text).replace(/<(\/?)(r|rPr|sz|rFont|t)\b/g, `<$1${p}$2`)}</${p}text></${p}comment>`;
  const edits: Splice[] = [];
  const appended: string[] = [];
  const gained: { ref: string; lines: number }[] = [];
  const lost: string[] = [];
  for (const ch of changes) {
    const ref = refKey(ch.ref);
    if (notes.threaded.has(ref)) continue;
    const was = existing.get(ref);
    let next: string | null;
    if ('remove' in ch) next = null;
    else if ('exact' in ch) next = atRef(ch.exact, ref);
    else if ('text' in ch) next = ourComment(ref, ch.text);
    else next = atRef(merged(ch.user, ch.head, ch.ours), ref);
    if (next === null) {
      if (was) {
        edits.push({ at: was.start, del: was.end - was.start, text: '' });
        lost.push(ref);
      }
      continue;
    }
    if (was) {
      if (was.xml !== next) edits.push({ at: was.start, del: was.end - was.start, text: next });
    } else {
      appended.push(next);
      gained.push({ ref, lines: lineCount(commentText(next)) });
    }
  }
  const kids = children(cx, list);
  if (appended.length) edits.push({ at: kids.length ? kids[kids.length - 1].end : list.tagEnd, del: 0, text: appended.join('') });
  return { cx: splice(cx, edits), gained, lost };
}

/** Our author goes again when no note of ours is left and it is the last one (as we appended it). */
function dropOurAuthor(cx: string, authorId: number): string {
  if (authorId < 0) return cx;
  const auth = children(cx, root(cx)).find((e) => e.name === 'authors')!;
  const list = children(cx, auth);
  const last = list[list.length - 1];
  if (last && list.length - 1 === authorId && unesc(cx.slice(last.tagEnd, last.end - (last.qname.length + 3))) === AUTHOR && !new RegExp(`authorId\\s*=\\s*["']${authorId}["']`).test(cx)) {
    return splice(cx, [{ at: last.start, del: last.end - last.start, text: '' }]);
  }
  return cx;
}

const ourVml = (data: string) => `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>${SHAPETYPE(false)}</xml>`;
/** Our drawing with no box left in it (its id block may have grown). */
const OUR_EMPTY_VML = new RegExp(`^${ourVml('\u0000').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace('\u0000', '[\\d,]+')}$`);

/**
 * A drawing of the producer's (form controls, shapes, pictures) keeps none of ours: the shape type
 * of our boxes goes when we added it (as we write it) and no shape uses it any more.
 */
function withoutOurShapetype(vml: string): string {
  if (/type\s*=\s*["']#_x0000_t202["']/.test(vml)) return vml;
  for (const ns of [false, true]) {
    const at = vml.indexOf(SHAPETYPE(ns));
    if (at >= 0) return vml.slice(0, at) + vml.slice(at + SHAPETYPE(ns).length);
  }
  return vml;
}

/** A VML drawing of our own for a sheet that had none, in a shape-id block no other drawing uses. */
function newVmlPart(pkg: Package): string {
  const part = pkg.freeName('xl/drawings/vmlDrawing', '.vml');
  const blocks = usedBlocks(pkg);
  let b = 1;
  while (blocks.has(b)) b++;
  pkg.setText(part, ourVml(String(b)));
  if (pkg.contentType(part) !== VML_CT) pkg.setContentType(part, VML_CT);
  return part;
}

/** The drawing's shapes: the boxes of removed notes go, one box per note gained (ids inside blocks this drawing owns). */
function editShapes(pkg: Package, vml: string, lost: string[], gained: { ref: string; lines: number }[]): string {
  const shapes = noteShapes(vml);
  const vEdits: Splice[] = [];
  for (const ref of lost) {
    const { row, col } = parseRef(ref);
    const at = shapes.get(`${row}:${col}`);
    if (at) vEdits.push({ at: at[0], del: at[1] - at[0], text: '' });
  }
  if (gained.length) {
    const ns = !/^\s*(?:<\?[^>]*>\s*)?<xml\b[^>]*xmlns:v=/.test(vml);
    if (!vml.includes('_x0000_t202')) vEdits.push({ at: vml.lastIndexOf('</xml>'), del: 0, text: SHAPETYPE(ns) });
    let max = 0;
    for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
    const idmap = /<o:idmap\b[^>]*>/.exec(vml);
    const blocks = (idmap ? attrs(idmap[0]).get('data') ?? '' : '').split(',').filter((x) => /^\d+$/.test(x.trim())).map(Number);
    const taken = usedBlocks(pkg);
    for (const bl of blocks) taken.delete(bl);
    let id = Math.max(max, (blocks.length ? Math.min(...blocks) : 1) * 1024);
    const text: string[] = [];
    for (const g of gained) {
      id++;
      // Ids stay inside blocks this drawing owns: skip a block another drawing uses.
      while (taken.has(Math.floor(id / 1024))) id = (Math.floor(id / 1024) + 1) * 1024 + 1;
      const bl = Math.floor(id / 1024);
      if (!blocks.includes(bl)) blocks.push(bl);
      const { row, col } = parseRef(g.ref);
      if (!shapes.has(`${row}:${col}`)) text.push(shape(id, row, col, g.lines, ns));
    }
    vEdits.push({ at: vml.lastIndexOf('</xml>'), del: 0, text: text.join('') });
    if (idmap) {
      const data = blocks.join(',');
      if (data !== attrs(idmap[0]).get('data')) vEdits.push({ at: idmap.index, del: idmap[0].length, text: idmap[0].replace(/data\s*=\s*["'][^"']*["']/, `data="${data}"`) });
    }
  }
  return splice(vml, vEdits);
}

function dropPart(pkg: Package, source: string, part: string): void {
  for (const r of pkg.rels(source)) if (r.part && r.part.toLowerCase() === part.toLowerCase()) pkg.removeRel(source, r.id);
  pkg.remove(part);
  pkg.remove(relsPartOf(part));
  pkg.removeOverride(part);
}

function insertLegacyDrawing(sheet: string, rid: string, ns: Namespaces): string {
  const r = root(sheet);
  const p = r.qname.includes(':') ? r.qname.slice(0, r.qname.indexOf(':') + 1) : '';
  const rp = nsPrefix(r.tag, ns.rel);
  const el = rp ? `<${p}legacyDrawing ${rp}id="${rid}"/>` : `<${p}legacyDrawing xmlns:r="${ns.rel}" r:id="${rid}"/>`;
  const kids = children(sheet, r);
  const next = kids.find((k) => AFTER_LEGACY.has(k.name));
  const at = next ? next.start : r.end - (r.qname.length + 3);
  return splice(sheet, [{ at, del: 0, text: el }]);
}

function removeLegacyDrawing(pkg: Package, sheetPart: string, sheet: string): string {
  const m = /<(?:\w+:)?legacyDrawing\b[^>]*\/>/.exec(sheet);
  return m ? splice(sheet, [{ at: m.index, del: m[0].length, text: '' }]) : sheet;
}
