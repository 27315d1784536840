/**
 * The one XML scanner of the xlsx layer: saxes in its plain (non-namespace) mode, with element
 * and attribute names reduced to their local part, so that `x:c` (OpenXML SDK), `c` (Excel) and
 * `ss:c` all read alike. Entities and character references are decoded by saxes.
 */
import { SaxesParser } from 'saxes';

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  /** Attribute names are local ("r:id" → "id") unless `rawAttributes` (faster: no copy per element). */
  open?(name: string, attrs: Attrs, selfClosing: boolean): void;
  rawAttributes?: boolean;
  text?(text: string): void;
  close?(name: string): void;
}

/** "x:c" → "c" */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function localAttrs(raw: Record<string, string>): Attrs {
  const out: Attrs = {};
  for (const k in raw) {
    const i = k.indexOf(':');
    // Namespace declarations are not attributes of the document's model.
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    out[i < 0 ? k : k.slice(i + 1)] = raw[k];
  }
  return out;
}

/** A push parser: feed it text chunks (a part decoded piece by piece), then end(). Throws on malformed XML. */
export class XmlScanner {
  private readonly parser: SaxesParser;
  private error: Error | null = null;

  constructor(h: XmlHandlers) {
    const parser = new SaxesParser({ position: false });
    if (h.open) {
      const open = h.open;
      if (h.rawAttributes) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Attrs, tag.isSelfClosing));
      else parser.on('opentag', (tag) => open(localName(tag.name), localAttrs(tag.attributes as Record<string, string>), tag.isSelfClosing));
    }
    if (h.text) {
      const text = h.text;
      parser.on('text', text);
      parser.on('cdata', text);
    }
    if (h.close) {
      const close = h.close;
      parser.on('closetag', (tag) => close(localName(tag.name)));
    }
    parser.on('error', (e) => {
      this.error ??= e;
    });
    this.parser = parser;
  }

  write(chunk: string): void {
    this.parser.write(chunk);
    if (this.error) throw this.error;
  }

  end(): void {
    this.parser.close();
    if (this.error) throw this.error;
  }
}

/** Scans a whole document given as text. */
export function scanXml(text: string, h: XmlHandlers): void {
  const s = new XmlScanner(h);
  s.write(text);
  s.end();
}
