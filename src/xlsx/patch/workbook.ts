/**
 * The workbook part (ECMA-376 Part 1 §18.2.27 workbook, §18.2.20 sheets, §18.2.19 sheet): the
 * list of sheets, each naming its worksheet part through the workbook's relationships. Our result
 * and state sheets are appended after the user's (so no sheet index — and no sheet-level defined
 * name's localSheetId, §18.2.5 — changes) and removed without touching anything else.
 */
import { findWorkbookPart, relsPartOf, type Package } from '../package';
import { attrs, children, escAttr, nsPrefix, root, splice } from '../xml';
import { isRelType, namespacesOf, type Namespaces } from './namespaces';

export const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const STYLES_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** Main part content types (Part 1 §12.3.23 / [MS-OFFMACRO2]) and the file extension each needs. */
export const MAIN_TYPES: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': '.xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': '.xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': '.xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': '.xltm',
};

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  state: string;
  /** The sheet's part (a worksheet, or a chartsheet / dialog sheet, which we never touch). */
  part: string | null;
  type: string;
  /** A worksheet (by its relationship's type, Transitional or Strict) whose part is there. */
  worksheet: boolean;
}

/** What of a styles part we created was there before it: its relationship, its content type. */
export interface StylesKeep {
  rel: boolean;
  type: boolean;
}

export class Workbook {
  readonly part: string;
  /** Transitional or Strict: what we add is written as the workbook is. */
  readonly ns: Namespaces;

  constructor(private readonly pkg: Package) {
    // Found as the reader finds it (package.ts): a file the reader reads is one we can annotate.
    const part = findWorkbookPart(pkg.rels(''), pkg.contentTypes.overrides, (p) => pkg.entry(p)?.name);
    if (!part) throw new Error('no workbook part');
    this.part = part;
    this.ns = namespacesOf(pkg.text(part));
  }

  get xml(): string {
    return this.pkg.text(this.part);
  }

  /** What kind of file this is by its main part (.xlsx, .xlsm…), null when unknown. */
  extension(): string | null {
    return MAIN_TYPES[this.pkg.contentType(this.part) ?? ''] ?? null;
  }

  sheets(): SheetEntry[] {
    const xml = this.xml;
    const sheets = children(xml, root(xml)).find((e) => e.name === 'sheets');
    if (!sheets) return [];
    const rels = this.pkg.rels(this.part);
    return children(xml, sheets)
      .filter((e) => e.name === 'sheet')
      .map((e) => {
        const a = attrs(e.tag);
        const rid = [...a].find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        const rel = rels.find((r) => r.id === rid);
        const part = rel?.part && this.pkg.has(rel.part) ? rel.part : null;
        const type = rel?.type ?? '';
        return { name: a.get('name') ?? '', sheetId: Number(a.get('sheetId') ?? 0), rid, state: a.get('state') ?? 'visible', part, type, worksheet: !!part && isRelType(type, 'worksheet') };
      });
  }

  /** The worksheet part of a sheet name (names compare case-insensitively, as Excel's do). */
  find(name: string): SheetEntry | undefined {
    const n = name.toLowerCase();
    return this.sheets().find((s) => s.name.toLowerCase() === n);
  }

  stylesPart(): string | null {
    const rel = this.pkg.rels(this.part).find((r) => isRelType(r.type, 'styles') && r.part && this.pkg.has(r.part));
    return rel?.part ?? null;
  }

  /**
   * Creates the styles part when a workbook has none (rare: minimal writers); never over another
   * part. A relationship to a styles part that is missing gets the part at its target (`keep`: what
   * of the relationship and content type was the producer's, to stay when the part goes).
   */
  ensureStylesPart(empty: string): { part: string; keep: StylesKeep | null } {
    const have = this.stylesPart();
    if (have) return { part: have, keep: null };
    const dangling = this.pkg.rels(this.part).find((r) => isRelType(r.type, 'styles') && !r.external && r.part && /\.xml$/i.test(r.part) && !this.pkg.has(r.part));
    if (dangling) {
      const part = dangling.part!;
      const keep = { rel: true, type: this.pkg.contentType(part) === STYLES_CT };
      this.pkg.setText(part, empty);
      this.pkg.setContentType(part, STYLES_CT);
      return { part, keep };
    }
    const part = this.pkg.has('xl/styles.xml') ? this.pkg.freeName('xl/styles', '.xml') : 'xl/styles.xml';
    this.pkg.setText(part, empty);
    this.pkg.setContentType(part, STYLES_CT);
    this.pkg.addRel(this.part, `${this.ns.rel}/styles`, part);
    return { part, keep: { rel: false, type: false } };
  }

  /** Removes a styles part we created, with its relationship and content type unless `keep` says they were the producer's. */
  removeStylesPart(part: string, keep: StylesKeep = { rel: false, type: false }): void {
    const rel = this.pkg.rels(this.part).find((r) => r.part === part && isRelType(r.type, 'styles'));
    if (rel && !keep.rel) this.pkg.removeRel(this.part, rel.id);
    this.pkg.remove(part, keep.type);
  }

  /** Appends a worksheet (new part, relationship, content type, sheet element); returns its part. */
  addSheet(name: string, content: string, state: 'visible' | 'hidden' | 'veryHidden'): string {
    const part = this.pkg.freeName('xl/worksheets/sheet', '.xml');
    this.pkg.setText(part, content);
    this.pkg.setContentType(part, WORKSHEET_CT);
    const rid = this.pkg.addRel(this.part, `${this.ns.rel}/worksheet`, part);
    let xml = this.xml;
    const r = root(xml);
    const rp = nsPrefix(r.tag, this.ns.rel);
    const p = r.qname.includes(':') ? r.qname.slice(0, r.qname.indexOf(':') + 1) : '';
    const ids = this.sheets().map((s) => s.sheetId);
    const sheetId = ids.length ? Math.max(...ids) + 1 : 1;
    const idAttr = rp ? `${rp}id="${rid}"` : `xmlns:r="${this.ns.rel}" r:id="${rid}"`;
    const el = `<${p}sheet name="${escAttr(name)}" sheetId="${sheetId}"${state === 'visible' ? '' : ` state="${state}"`} ${idAttr}/>`;
    const sheets = children(xml, r).find((e) => e.name === 'sheets')!;
    const kids = children(xml, sheets);
    if (sheets.selfClosing) xml = splice(xml, [{ at: sheets.start, del: sheets.end - sheets.start, text: `${sheets.tag.slice(0, -2)}>${el}</${sheets.qname}>` }]);
    else xml = splice(xml, [{ at: kids.length ? kids[kids.length - 1].end : sheets.tagEnd, del: 0, text: el }]);
    this.pkg.setText(this.part, xml);
    return part;
  }

  /** Sets a sheet's name and state attributes (our own sheets only). */
  setSheet(name: string, next: { name?: string; state?: 'visible' | 'hidden' | 'veryHidden' }): void {
    const xml = this.xml;
    const sheets = children(xml, root(xml)).find((e) => e.name === 'sheets')!;
    const el = children(xml, sheets).find((e) => e.name === 'sheet' && (attrs(e.tag).get('name') ?? '').toLowerCase() === name.toLowerCase());
    if (!el) return;
    let tag = el.tag;
    if (next.name !== undefined) tag = tag.replace(/(\sname\s*=\s*)(["'])[^"']*\2/, `$1"${escAttr(next.name)}"`);
    if (next.state !== undefined) {
      const has = /\sstate\s*=/.test(tag);
      if (next.state === 'visible') tag = tag.replace(/\sstate\s*=\s*(["'])[^"']*\1/, '');
      else if (has) tag = tag.replace(/(\sstate\s*=\s*)(["'])[^"']*\2/, `$1"${next.state}"`);
      else tag = tag.replace(/(\sname\s*=\s*(["'])[^"']*\2)/, `$1 state="${next.state}"`);
    }
    if (tag !== el.tag) this.pkg.setText(this.part, splice(xml, [{ at: el.start, del: el.tagEnd - el.start, text: tag }]));
  }

  /**
   * The rows repeated at the top of every printed page of a sheet of ours (§18.2.5, the built-in
   * name _xlnm.Print_Titles, local to the sheet): set, or replaced when there is one. A definedNames
   * element we add for it goes with the sheet (removeSheet); a producer's empty <definedNames/> is
   * left alone (no print titles then), for a clear must give the part back byte for byte.
   */
  setPrintTitles(name: string, firstRow: number, lastRow: number): void {
    let xml = this.xml;
    const r = root(xml);
    const p = r.qname.includes(':') ? r.qname.slice(0, r.qname.indexOf(':') + 1) : '';
    const index = this.sheets().findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (index < 0) return;
    const ref = `'${name.replace(/'/g, "''")}'!$${firstRow}:$${lastRow}`;
    const el = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escAttr(ref)}</${p}definedName>`;
    const names = children(xml, r).find((e) => e.name === 'definedNames');
    if (names) {
      const old = children(xml, names).find((dn) => attrs(dn.tag).get('name') === '_xlnm.Print_Titles' && attrs(dn.tag).get('localSheetId') === String(index));
      if (old) xml = splice(xml, [{ at: old.start, del: old.end - old.start, text: el }]);
      // An empty <definedNames/> of the producer's: filled, it could not be given back as it was by a clear.
      else if (names.selfClosing) return;
      else {
        const kids = children(xml, names);
        xml = splice(xml, [{ at: kids.length ? kids[kids.length - 1].end : names.tagEnd, del: 0, text: el }]);
      }
    } else {
      // Where the schema puts it (§18.2.27): after sheets, functionGroups and externalReferences.
      const after = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
      const next = children(xml, r).find((k) => after.includes(k.name));
      const at = next ? next.start : r.end - (r.qname.length + 3);
      xml = splice(xml, [{ at, del: 0, text: `<${p}definedNames>${el}</${p}definedNames>` }]);
    }
    this.pkg.setText(this.part, xml);
  }

  /**
   * Removes a sheet of ours: its element, relationship, part (and the part's own relationships),
   * content type. Sheet-level names on it go; those on later sheets move down one index; the
   * active and first visible tab stay in range (§18.2.30 workbookView).
   */
  removeSheet(name: string): void {
    let xml = this.xml;
    const r = root(xml);
    const sheets = children(xml, r).find((e) => e.name === 'sheets')!;
    const els = children(xml, sheets).filter((e) => e.name === 'sheet');
    const index = els.findIndex((e) => (attrs(e.tag).get('name') ?? '').toLowerCase() === name.toLowerCase());
    if (index < 0) return;
    const entry = this.sheets()[index];
    const edits = [{ at: els[index].start, del: els[index].end - els[index].start, text: '' }];
    const last = index === els.length - 1;
    const names = children(xml, r).find((e) => e.name === 'definedNames');
    const ourPrintTitles = (dn: { tag: string }) => attrs(dn.tag).get('name') === '_xlnm.Print_Titles' && attrs(dn.tag).get('localSheetId') === String(index);
    if (names && !names.selfClosing && children(xml, names).length === 1 && ourPrintTitles(children(xml, names)[0])) {
      // The element held only our print titles: it was ours too.
      edits.push({ at: names.start, del: names.end - names.start, text: '' });
    } else if (names) {
      for (const dn of children(xml, names)) {
        const local = attrs(dn.tag).get('localSheetId');
        if (local === undefined) continue;
        const n = Number(local);
        if (n === index) edits.push({ at: dn.start, del: dn.end - dn.start, text: '' });
        else if (n > index && !last) edits.push({ at: dn.start, del: dn.tagEnd - dn.start, text: dn.tag.replace(/localSheetId\s*=\s*["']\d+["']/, `localSheetId="${n - 1}"`) });
      }
    }
    const views = children(xml, r).find((e) => e.name === 'bookViews');
    if (views) {
      for (const v of children(xml, views)) {
        let tag = v.tag;
        for (const at of ['activeTab', 'firstSheet']) {
          const val = attrs(tag).get(at);
          if (val !== undefined && Number(val) >= index && Number(val) > 0 && (Number(val) > index || Number(val) >= els.length - 1)) tag = tag.replace(new RegExp(`${at}\\s*=\\s*["']\\d+["']`), `${at}="${Number(val) - 1}"`);
        }
        if (tag !== v.tag) edits.push({ at: v.start, del: v.tagEnd - v.start, text: tag });
      }
    }
    xml = splice(xml, edits);
    this.pkg.setText(this.part, xml);
    this.pkg.removeRel(this.part, entry.rid);
    if (entry.part) {
      this.pkg.remove(entry.part);
      this.pkg.remove(relsPartOf(entry.part));
      this.pkg.removeOverride(entry.part);
    }
  }
}
