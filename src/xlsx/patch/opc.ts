/**
 * The package as a set of parts (ECMA-376 Part 2, Open Packaging Conventions): content types,
 * relationships, part names. Parts are kept as their stored zip entries until one is read for
 * editing; only the parts set here are written anew, every other part is copied as stored.
 */
import { posix } from 'path';
import { relsPartOf, resolveTarget, type Relationship } from '../package';
import { DEFAULT_LIMITS, inflateEntry, newEntry, readZipDirectory, writeZip, type PackageLimits, type ZipEntry } from '../zip';
import { attrs, children, escAttr, root, splice } from './xml';

export const CT_PART = '[Content_Types].xml';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const utf8 = new TextDecoder('utf-8');

export class Package {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly order: string[] = [];
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();

  /** The reader's limits (zip.ts), checked on the directory before anything is inflated. */
  constructor(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS) {
    for (const e of readZipDirectory(bytes, limits)) {
      const key = e.name.toLowerCase();
      if (this.entries.has(key)) throw new Error(`duplicate part ${e.name}`);
      this.entries.set(key, e);
      this.order.push(key);
    }
  }

  /** Part names compare case-insensitively (Part 2 §7.2.2.2 / M1.12). */
  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  names(): string[] {
    return this.order.map((k) => this.entries.get(k)!.name);
  }

  /** The stored entry (for byte-for-byte comparisons in tests). */
  entry(part: string): ZipEntry | undefined {
    return this.entries.get(part.toLowerCase());
  }

  text(part: string): string {
    const key = part.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const e = this.entries.get(key);
    if (!e) throw new Error(`missing part ${part}`);
    let s = utf8.decode(inflateEntry(e));
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    this.texts.set(key, s);
    return s;
  }

  /** Replaces (or creates) a part's content. Unchanged text leaves the stored bytes in place. */
  setText(part: string, text: string): void {
    const key = part.toLowerCase();
    if (this.entries.has(key) && !this.changed.has(key) && this.text(part) === text) return;
    if (!this.entries.has(key)) {
      this.order.push(key);
      this.entries.set(key, { name: part, method: 8, crc32: 0, compressedSize: 0, size: 0, flags: 0, time: 0, date: 0, raw: new Uint8Array(0) });
    }
    this.texts.set(key, text);
    this.changed.add(key);
  }

  remove(part: string): void {
    const key = part.toLowerCase();
    if (!this.entries.delete(key)) return;
    this.texts.delete(key);
    this.changed.delete(key);
    this.order.splice(this.order.indexOf(key), 1);
  }

  isChanged(part: string): boolean {
    return this.changed.has(part.toLowerCase());
  }

  /** A part name not yet used: "xl/comments3.xml" for ("xl/comments", ".xml"). */
  freeName(stem: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  toZip(): Buffer[] {
    const first = this.entries.values().next().value as ZipEntry | undefined;
    const out = this.order.map((key) => {
      const e = this.entries.get(key)!;
      if (!this.changed.has(key)) return e;
      return newEntry(e.name, this.texts.get(key)!, e.size || e.crc32 ? e : first);
    });
    // [Content_Types].xml first, as Excel and most writers place it (not required by Part 2).
    out.sort((a, b) => (a.name === CT_PART ? -1 : b.name === CT_PART ? 1 : 0));
    return writeZip(out);
  }

  // ---- relationships (Part 2 §9.3) ----

  /** The relative reference from a source part to a target part. */
  static relative(source: string, part: string): string {
    return posix.relative(posix.dirname(`/${source}`), `/${part}`);
  }

  rels(source: string): Relationship[] {
    const rp = relsPartOf(source);
    if (!this.has(rp)) return [];
    const xml = this.text(rp);
    return children(xml, root(xml))
      .filter((e) => e.name === 'Relationship')
      .map((e) => {
        const a = attrs(e.tag);
        const external = a.get('TargetMode') === 'External';
        const target = a.get('Target') ?? '';
        return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target, external, part: external ? null : resolveTarget(source, target) };
      });
  }

  /** Adds a relationship with a fresh Id; returns the Id. */
  addRel(source: string, type: string, part: string): string {
    const rp = relsPartOf(source);
    let xml = this.has(rp) ? this.text(rp) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
    const used = new Set(this.rels(source).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = `<Relationship Id="${id}" Type="${escAttr(type)}" Target="${escAttr(Package.relative(source, part))}"/>`;
    const r = root(xml);
    if (r.selfClosing) xml = `${xml.slice(0, r.start)}${r.tag.slice(0, -2)}>${el}</${r.qname}>${xml.slice(r.end)}`;
    else {
      const kids = children(xml, r);
      const at = kids.length ? kids[kids.length - 1].end : r.tagEnd;
      xml = splice(xml, [{ at, del: 0, text: el }]);
    }
    this.setText(rp, xml);
    return id;
  }

  removeRel(source: string, id: string): void {
    const rp = relsPartOf(source);
    if (!this.has(rp)) return;
    const xml = this.text(rp);
    const el = children(xml, root(xml)).find((e) => e.name === 'Relationship' && attrs(e.tag).get('Id') === id);
    if (!el) return;
    const next = splice(xml, [{ at: el.start, del: el.end - el.start, text: '' }]);
    // A relationships part left empty goes (we only ever empty one we created).
    if (!children(next, root(next)).length) {
      this.remove(rp);
      return;
    }
    this.setText(rp, next);
  }

  // ---- content types (Part 2 §10.1) ----

  /** The Override entries (part name without its leading "/", content type). */
  overrides(): [string, string][] {
    const xml = this.text(CT_PART);
    return children(xml, root(xml))
      .filter((e) => e.name === 'Override')
      .map((e) => [(attrs(e.tag).get('PartName') ?? '').replace(/^\//, ''), attrs(e.tag).get('ContentType') ?? '']);
  }

  contentType(part: string): string | null {
    const xml = this.text(CT_PART);
    const kids = children(xml, root(xml));
    const name = `/${part}`.toLowerCase();
    for (const e of kids) if (e.name === 'Override' && (attrs(e.tag).get('PartName') ?? '').toLowerCase() === name) return attrs(e.tag).get('ContentType') ?? null;
    const ext = posix.extname(part).slice(1).toLowerCase();
    for (const e of kids) if (e.name === 'Default' && (attrs(e.tag).get('Extension') ?? '').toLowerCase() === ext) return attrs(e.tag).get('ContentType') ?? null;
    return null;
  }

  /** Makes `part` have `type`: an Override, unless a Default for its extension already says so. */
  setContentType(part: string, type: string, viaDefault = false): void {
    if (this.contentType(part) === type) return;
    let xml = this.text(CT_PART);
    const r = root(xml);
    const kids = children(xml, r);
    const el = viaDefault
      ? `<Default Extension="${escAttr(posix.extname(part).slice(1))}" ContentType="${escAttr(type)}"/>`
      : `<Override PartName="/${escAttr(part)}" ContentType="${escAttr(type)}"/>`;
    // Defaults before Overrides, as writers place them (the schema allows any order).
    const lastDefault = [...kids].reverse().find((e) => e.name === 'Default');
    const at = viaDefault && lastDefault ? lastDefault.end : kids.length ? kids[kids.length - 1].end : r.tagEnd;
    xml = splice(xml, [{ at, del: 0, text: el }]);
    this.setText(CT_PART, xml);
  }

  removeOverride(part: string): void {
    const xml = this.text(CT_PART);
    const name = `/${part}`.toLowerCase();
    const el = children(xml, root(xml)).find((e) => e.name === 'Override' && (attrs(e.tag).get('PartName') ?? '').toLowerCase() === name);
    if (el) this.setText(CT_PART, splice(xml, [{ at: el.start, del: el.end - el.start, text: '' }]));
  }

  removeDefault(ext: string): void {
    const xml = this.text(CT_PART);
    const el = children(xml, root(xml)).find((e) => e.name === 'Default' && (attrs(e.tag).get('Extension') ?? '').toLowerCase() === ext.toLowerCase());
    if (el) this.setText(CT_PART, splice(xml, [{ at: el.start, del: el.end - el.start, text: '' }]));
  }
}
