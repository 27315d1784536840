/**
 * The two vocabularies of SpreadsheetML: Transitional (ECMA-376 Part 1 and Part 4) and Strict
 * (ISO/IEC 29500-1 Strict: its own namespaces, http://purl.oclc.org/ooxml/…, for the markup and
 * the relationship types; the content types and VML are the same). What we add to a package is
 * written in the vocabulary its workbook is written in, and the producer's relationships are
 * recognised in either.
 */
import { REL_NS } from '../package';
import { attrs, root } from '../xml';

export interface Namespaces {
  strict: boolean;
  /** The SpreadsheetML namespace of the parts (worksheets, styles, comments). */
  main: string;
  /** The namespace of relationship types and of `r:id` attributes. */
  rel: string;
}

export const TRANSITIONAL: Namespaces = { strict: false, main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', rel: REL_NS };
export const STRICT: Namespaces = { strict: true, main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships' };

/** The vocabulary of a workbook part's text: that of its root element's namespace. */
export function namespacesOf(workbookXml: string): Namespaces {
  const r = root(workbookXml);
  const i = r.qname.indexOf(':');
  const decl = i < 0 ? 'xmlns' : `xmlns:${r.qname.slice(0, i)}`;
  return attrs(r.tag).get(decl) === STRICT.main ? STRICT : TRANSITIONAL;
}

/** A relationship type of `kind` ("worksheet", "comments"…) in either vocabulary. */
export function isRelType(type: string, kind: string): boolean {
  return type === `${TRANSITIONAL.rel}/${kind}` || type === `${STRICT.rel}/${kind}`;
}

/** The opening of a worksheet we write whole, in the package's vocabulary. */
export function worksheetHead(ns: Namespaces): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">`;
}
