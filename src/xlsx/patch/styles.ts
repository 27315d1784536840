/**
 * The styles part (ECMA-376 Part 1 §18.8), patched by appending only: a cell's look is the cell
 * format (xf, §18.8.45) its `s` attribute indexes in cellXfs (§18.8.10); an xf names a font
 * (§18.8.22), fill (§18.8.20) and border (§18.8.4) by index. A marked cell gets a copy of its own
 * xf with only fillId changed, so its font, number format, alignment and protection stay. Existing
 * entries are never edited or renumbered; `count` attributes are kept equal to the children.
 */
import { attrs, children, root, setAttr, splice, type Element } from '../xml';
import { STRICT, type Namespaces } from './namespaces';

/** The schema's order of the styleSheet's children (§18.8.39), to place a section that is missing. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
type Section = 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'cellStyleXfs';

/** What a backed-up fill was: a solid colour, none, or (exactly) some other fill. */
export type FillWant = { color: string | null } | { fillXml: string };

/**
 * The styles part we add to a workbook that has none (and remove again, as it is, on clear). A
 * border's sides are start/end in Strict (ISO/IEC 29500-1 §18.8.4), left/right in Transitional.
 */
export const emptyStyles = (ns: Namespaces) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  `<borders count="1"><border>${ns.strict ? '<start/><end/>' : '<left/><right/>'}<top/><bottom/><diagonal/></border></borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** How many entries each list of the styles part had: a clear never trims below it. */
export type ListLengths = Record<Section, number>;
const SECTIONS: Section[] = ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];

/** Lengths as kept in the state (anything else: null, no floor). */
export function listLengths(v: unknown): ListLengths | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return SECTIONS.every((k) => Number.isInteger(o[k]) && (o[k] as number) >= 0) ? (Object.fromEntries(SECTIONS.map((k) => [k, o[k]])) as ListLengths) : null;
}

export class Styles {
  private xml: string;
  readonly p: string;
  /** Written in Strict's vocabulary (borders' sides are start/end). */
  readonly strict: boolean;
  private lists = new Map<Section, string[]>();
  private keyCache = new Map<number, string>();
  /** Per cell format: its fill as the backup sees it; per (format, colour): the marked format. */
  private fillCache = new Map<number, FillWant>();
  private markCache = new Map<string, number>();

  /** The root's start tag when the producer wrote it empty (`<styleSheet …/>`), to be written so again when left empty. */
  emptyRoot: string | null = null;

  constructor(xml: string) {
    let r = root(xml);
    if (r.selfClosing) {
      // Opened so that sections can go in.
      this.emptyRoot = r.tag;
      xml = `${xml.slice(0, r.start)}${r.tag.slice(0, -2)}></${r.qname}>${xml.slice(r.end)}`;
      r = root(xml);
    }
    this.xml = xml;
    this.p = r.qname.includes(':') ? r.qname.slice(0, r.qname.indexOf(':') + 1) : '';
    this.strict = attrs(r.tag).get(this.p ? `xmlns:${this.p.slice(0, -1)}` : 'xmlns') === STRICT.main;
    for (const s of ['fonts', 'fills', 'borders', 'cellXfs', 'cellStyleXfs'] as Section[]) {
      const list = this.read(s);
      this.lists.set(s, list);
    }
  }

  private section(name: string): Element | undefined {
    return children(this.xml, root(this.xml)).find((e) => e.name === name);
  }

  private read(name: Section): string[] {
    const sec = this.section(name);
    return sec ? children(this.xml, sec).map((e) => this.xml.slice(e.start, e.end)) : [];
  }

  list(name: Section): readonly string[] {
    return this.lists.get(name)!;
  }

  lengths(): ListLengths {
    return Object.fromEntries(SECTIONS.map((k) => [k, this.list(k).length])) as ListLengths;
  }

  /**
   * The entries a list needs before ours when the producer wrote it empty or left it out (the
   * sections of our own blank stylesheet): index 0 is what a cell, xf or style without the
   * attribute means, and fills 0 and 1 are reserved (none, gray125), so ours come after.
   */
  private defaults(name: Section): string[] {
    const p = this.p;
    switch (name) {
      case 'fonts':
        return [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`];
      case 'fills':
        return [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`];
      case 'borders':
        return [`<${p}border>${this.strict ? `<${p}start/><${p}end/>` : `<${p}left/><${p}right/>`}<${p}top/><${p}bottom/><${p}diagonal/></${p}border>`];
      case 'cellStyleXfs':
        return [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`];
      case 'cellXfs':
        return [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`];
    }
  }

  /** Empty or missing lists get their defaults before anything of ours is appended (a clear takes them away again). */
  complete(): void {
    for (const name of SECTIONS) {
      const list = this.lists.get(name)!;
      if (!list.length) list.push(...this.defaults(name));
    }
  }

  /** Our fills, fonts and borders in this file's prefix. */
  markFill(hex: string): string {
    const p = this.p;
    const c = `FF${hex.replace('#', '').toUpperCase()}`;
    // bgColor = fgColor: the same look as Excel's own solid fill, and a form users' fills don't have,
    // so that what we appended is told apart from the user's when it is trimmed on clear.
    return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${c}"/><${p}bgColor rgb="${c}"/></${p}patternFill></${p}fill>`;
  }

  userFill(hex: string | null): string {
    const p = this.p;
    if (hex === null) return `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`;
    return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${hex.replace('#', '').toUpperCase()}"/></${p}patternFill></${p}fill>`;
  }

  /** Index of an identical entry, or of the entry appended. */
  add(name: Section, el: string): number {
    const list = this.lists.get(name)!;
    const i = list.indexOf(el);
    if (i >= 0) return i;
    list.push(el);
    return list.length - 1;
  }

  xf(i: number): string | undefined {
    return this.list('cellXfs')[i];
  }

  fillIdOf(xf: number): number {
    const el = this.xf(xf);
    return el ? Number(attrs(el.slice(0, el.indexOf('>') + 1)).get('fillId') ?? 0) : 0;
  }

  fillXml(fillId: number): string | undefined {
    return this.list('fills')[fillId];
  }

  /** "#RRGGBB" of a solid fill given as rgb, null for no fill; undefined for any other fill (pattern, theme colour, gradient). */
  static colorOf(fill: string | undefined): string | null | undefined {
    if (!fill) return null;
    const pf = /<(?:\w+:)?patternFill\b[^>]*>/.exec(fill);
    if (!pf) return /<(?:\w+:)?gradientFill\b/.test(fill) ? undefined : null;
    const type = attrs(pf[0]).get('patternType') ?? 'none';
    if (type === 'none') return null;
    if (type !== 'solid') return undefined;
    const fg = /<(?:\w+:)?fgColor\b[^>]*>/.exec(fill);
    const rgb = fg ? attrs(fg[0]).get('rgb') : undefined;
    return rgb && /^[0-9A-Fa-f]{8}$/.test(rgb) ? `#${rgb.slice(2).toUpperCase()}` : rgb && /^[0-9A-Fa-f]{6}$/.test(rgb) ? `#${rgb.toUpperCase()}` : undefined;
  }

  /** What a cell of this xf shows as fill, for the backup. */
  fillOfXf(xf: number): FillWant {
    const hit = this.fillCache.get(xf);
    if (hit) return hit;
    const want = this.computeFillOfXf(xf);
    this.fillCache.set(xf, want);
    return want;
  }

  private computeFillOfXf(xf: number): FillWant {
    const fill = this.fillXml(this.fillIdOf(xf));
    const color = Styles.colorOf(fill);
    return color === undefined ? { fillXml: fill! } : { color };
  }

  /**
   * The xf without its fill: two xfs with the same key differ only in fill. Attributes compare as a
   * set (order, quotes and spaces as each producer writes them aside: `<xf … />` of excelize and the
   * copy we make of it are the same format), the content as written.
   */
  private key(i: number): string {
    let k = this.keyCache.get(i);
    if (k === undefined) {
      const el = this.xf(i) ?? '';
      const gt = el.indexOf('>') + 1;
      const tag = el.slice(0, gt);
      const a = [...attrs(tag)].filter(([n]) => n !== 'fillId' && n !== 'applyFill').sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      k = `${a.map(([n, v]) => `${n}=${JSON.stringify(v)}`).join(' ')}|${tag.endsWith('/>') ? '' : el.slice(gt, el.lastIndexOf('</'))}`;
      this.keyCache.set(i, k);
    }
    return k;
  }

  private withFillId(xf: number, fillId: number, apply: boolean): string {
    const el = this.xf(xf) ?? this.xf(0) ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const gt = el.indexOf('>') + 1;
    let tag = setAttr(el.slice(0, gt), 'fillId', String(fillId));
    tag = setAttr(tag, 'applyFill', apply ? '1' : attrs(tag).has('applyFill') ? '0' : null);
    return tag + el.slice(gt);
  }

  /** The xf for a cell of xf `base` marked with a solid colour: base's own look, our fill. */
  marked(base: number, hex: string): number {
    const k = `${base}|${hex}`;
    const hit = this.markCache.get(k);
    if (hit !== undefined) return hit;
    const fillId = this.add('fills', this.markFill(hex));
    const xf = this.add('cellXfs', this.withFillId(base, fillId, true));
    this.keyCache.delete(xf);
    this.markCache.set(k, xf);
    return xf;
  }

  private matches(fillId: number, want: FillWant): boolean {
    const fill = this.fillXml(fillId);
    if ('fillXml' in want) return fill === want.fillXml;
    return Styles.colorOf(fill) === want.color && !this.isOurFill(fillId);
  }

  isOurFill(fillId: number): boolean {
    const f = this.fillXml(fillId);
    return !!f && /bgColor rgb=/.test(f) && f === this.markFill(Styles.colorOf(f) ?? '#000000');
  }

  /** The format a clear finds for a cell of format `xf` (restored's choice among the formats there now), -1 when none. */
  restoreTarget(xf: number, want: FillWant): number {
    const key = this.key(xf);
    const xfs = this.list('cellXfs');
    for (let i = 0; i < xfs.length; i++) if (this.key(i) === key && this.matches(this.fillIdOf(i), want)) return i;
    return -1;
  }

  /** Format `xf` is there and looks as `current` with the fill `want` (a fill in any form, ours included). */
  sameLook(xf: number, current: number, want: FillWant): boolean {
    if (xf >= this.list('cellXfs').length || this.key(xf) !== this.key(current)) return false;
    const fill = this.fillXml(this.fillIdOf(xf));
    return 'fillXml' in want ? fill === want.fillXml : Styles.colorOf(fill) === want.color;
  }

  /**
   * The xf a marked cell goes back to: the same look as `current` but the backed-up fill. The
   * lookup is by content, not by a remembered index, so that it holds after Excel or LibreOffice
   * re-saved (and renumbered) the styles; `hint` (the index before) wins among equal candidates.
   */
  restored(current: number, want: FillWant, hint?: number): number {
    const key = this.key(current);
    const xfs = this.list('cellXfs');
    const ok = (i: number) => i < xfs.length && this.key(i) === key && this.matches(this.fillIdOf(i), want);
    if (hint !== undefined && ok(hint)) return hint;
    if (ok(current)) return current;
    for (let i = 0; i < xfs.length; i++) if (ok(i)) return i;
    const fill = 'fillXml' in want ? want.fillXml : want.color === null && Styles.colorOf(this.fillXml(0)) === null ? this.fillXml(0)! : this.userFill(want.color);
    const fillId = this.add('fills', fill);
    const xf = this.add('cellXfs', this.withFillId(current, fillId, 'fillXml' in want || want.color !== null));
    this.keyCache.delete(xf);
    return xf;
  }

  /**
   * Removes what we appended and nothing uses any more, from the end of each list only (so that
   * no index changes): cell formats, then the fills, fonts and borders they alone used. Only
   * entries in our forms go (a producer's list shorter than Excel's is left as it was), and with
   * `floor` (the lengths before the first annotation) never an entry that was there before it —
   * a producer writes fills and borders in our forms too — while the defaults `complete` put into
   * a list that was empty go as well.
   */
  trim(usedXfs: Set<number>, ours: { fonts: string[]; borders: string[] }, floor: ListLengths | null = null): void {
    const xfs = this.lists.get('cellXfs')!;
    const styleXfs = this.lists.get('cellStyleXfs')!;
    const fills = this.lists.get('fills')!;
    const fonts = this.lists.get('fonts')!;
    const borders = this.lists.get('borders')!;
    const ref = (el: string, a: string) => Number(attrs(el.slice(0, el.indexOf('>') + 1)).get(a) ?? -1);
    const above = (name: Section, list: string[]) => !floor || list.length > floor[name];
    const added = (name: Section, list: string[]) => {
      if (!floor || floor[name] !== 0) return false;
      const d = this.defaults(name);
      return list.length <= d.length && list[list.length - 1] === d[list.length - 1];
    };
    const oursXf = (i: number) => {
      const el = xfs[i];
      return this.isOurFill(ref(el, 'fillId')) || ours.fonts.includes(fonts[ref(el, 'fontId')] ?? '') || ours.borders.includes(borders[ref(el, 'borderId')] ?? '');
    };
    while (xfs.length && above('cellXfs', xfs) && !usedXfs.has(xfs.length - 1) && (oursXf(xfs.length - 1) || added('cellXfs', xfs))) xfs.pop();
    while (styleXfs.length && added('cellStyleXfs', styleXfs) && !xfs.slice(floor!.cellXfs).some((el) => ref(el, 'xfId') === styleXfs.length - 1)) styleXfs.pop();
    // What the producer's own formats name beyond its lists pointed at nothing before us, and will again.
    const all = floor ? [...xfs.slice(floor.cellXfs), ...styleXfs.slice(floor.cellStyleXfs)] : [...xfs, ...styleXfs];
    const used = (a: string, i: number) => all.some((el) => ref(el, a) === i);
    const trimList = (name: Section, list: string[], attr: string, isOurs: (i: number) => boolean) => {
      while (list.length && above(name, list) && !used(attr, list.length - 1) && (isOurs(list.length - 1) || added(name, list))) list.pop();
    };
    trimList('fills', fills, 'fillId', (i) => this.isOurFill(i));
    trimList('fonts', fonts, 'fontId', (i) => ours.fonts.includes(fonts[i]));
    trimList('borders', borders, 'borderId', (i) => ours.borders.includes(borders[i]));
    this.keyCache.clear();
    this.fillCache.clear();
    this.markCache.clear();
  }

  /** True when the last cell format might be ours, or a list is longer than before (a trim is worth scanning the sheets for). */
  mayTrim(ours: { fonts: string[]; borders: string[] }, floor: ListLengths | null = null): boolean {
    if (floor && SECTIONS.some((k) => this.list(k).length > floor[k])) return true;
    const xfs = this.list('cellXfs');
    const last = xfs[xfs.length - 1];
    if (!last) return false;
    const a = attrs(last.slice(0, last.indexOf('>') + 1));
    return this.isOurFill(Number(a.get('fillId') ?? -1)) || ours.fonts.includes(this.list('fonts')[Number(a.get('fontId') ?? -1)] ?? '') || ours.borders.includes(this.list('borders')[Number(a.get('borderId') ?? -1)] ?? '');
  }

  /** The part's text: each list's new entries appended after its last child, removed ones cut, counts set. */
  toXml(): string {
    for (const name of ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as Section[]) {
      const list = this.lists.get(name)!;
      const now = this.read(name);
      if (list.length === now.length && list.every((x, i) => x === now[i])) continue;
      let sec = this.section(name);
      if (!sec) {
        // A missing section goes where the schema's order puts it.
        const r = root(this.xml);
        const kids = children(this.xml, r);
        const after = ORDER.indexOf(name);
        const next = kids.find((k) => ORDER.indexOf(k.name) > after);
        const at = next ? next.start : r.end - (r.qname.length + 3);
        this.xml = splice(this.xml, [{ at, del: 0, text: `<${this.p}${name} count="0"></${this.p}${name}>` }]);
        sec = this.section(name)!;
      }
      if (sec.selfClosing) {
        this.xml = splice(this.xml, [{ at: sec.start, del: sec.end - sec.start, text: `${sec.tag.slice(0, -2)}></${sec.qname}>` }]);
        sec = this.section(name)!;
      }
      const kids = children(this.xml, sec);
      const keep = Math.min(kids.length, list.length);
      const at = kids[keep - 1]?.end ?? sec.tagEnd;
      const edits = [];
      // The list is the file's entries up to `keep`, then new ones; entries of the file beyond it were ours and are trimmed.
      if (list.length > keep) edits.push({ at, del: 0, text: list.slice(keep).join('') });
      if (kids.length > keep) edits.push({ at, del: kids[kids.length - 1].end - at, text: '' });
      // The count moves by what was added or removed: a producer's count that disagrees with its
      // list (WPS) is kept as it disagreed, so that a clear gives the part back as it was.
      const declared = attrs(sec.tag).get('count');
      const tag = declared !== undefined && /^\d+$/.test(declared) ? setAttr(sec.tag, 'count', String(Math.max(0, Number(declared) + list.length - kids.length))) : sec.tag;
      edits.push({ at: sec.start, del: sec.tagEnd - sec.start, text: tag });
      this.xml = splice(this.xml, edits);
      // A section we created (a producer's part without it), empty again, goes.
      const after = this.section(name)!;
      if (!list.length && this.xml.slice(after.start, after.end) === `<${this.p}${name} count="0"></${this.p}${name}>`) this.xml = splice(this.xml, [{ at: after.start, del: after.end - after.start, text: '' }]);
    }
    const r = root(this.xml);
    if (this.emptyRoot && !children(this.xml, r).length && r.end - r.tagEnd === r.qname.length + 3) return `${this.xml.slice(0, r.start)}${this.emptyRoot}${this.xml.slice(r.end)}`;
    return this.xml;
  }
}
