/**
 * The award table grafted into another producer's workbook (test/fixtures/corpus): the sample's
 * "Tập thể" and "Cá nhân" tables (templates/mau-theo-doi-thi-dua-cchc.xlsx) written as the
 * `sheetData` of worksheets of the foreign file, everything else of the file kept as that producer
 * wrote it — its styles (cell format 0 in its own form), content types, relationships, prefixes,
 * BOMs, drawings and controls. So the check marks cells of a package shaped by that producer, and
 * annotate → clear can be held to give the grafted file back part for part.
 *
 * The units table goes into a worksheet with a legacy VML drawing when there is one (shapes, form
 * controls, notes), else into the first worksheet; the people table into the next worksheet, if any.
 * Values are inline strings and numbers with no `s` (format 0); the sample's merged header cells
 * come along (the file's own merges of that sheet are replaced).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { type Grid, type SheetGrid, columnLetter } from '../../src/core';
import { openPackage, type Package } from '../../src/xlsx/package';
import { readWorkbookBytes } from '../../src/xlsx/read';
import { children, root, splice, xstring } from '../../src/xlsx/xml';

const SAMPLE = path.resolve(__dirname, '../../templates/mau-theo-doi-thi-dua-cchc.xlsx');

let sampleGrid: Grid | null = null;
function sample(): Grid {
  if (sampleGrid) return sampleGrid;
  const r = readWorkbookBytes(readFileSync(SAMPLE), SAMPLE);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (sampleGrid = r.grid);
}

/** CT_Worksheet's children after mergeCells (§18.3.1.99), to place the merges in schema order. */
const AFTER_MERGES = new Set(['phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst', 'AlternateContent']);

function rowsXml(s: SheetGrid, p: string): string {
  const out: string[] = [];
  s.values.forEach((line, i) => {
    const r = s.originRow + i + 1;
    const cells: string[] = [];
    line.forEach((v, j) => {
      const ref = `${columnLetter(s.originCol + j)}${r}`;
      if (typeof v === 'number') cells.push(`<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`);
      else if (typeof v === 'boolean') cells.push(`<${p}c r="${ref}" t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`);
      else if (typeof v === 'string' && v !== '') cells.push(`<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${xstring(v)}</${p}t></${p}is></${p}c>`);
    });
    if (cells.length) out.push(`<${p}row r="${r}">${cells.join('')}</${p}row>`);
  });
  return out.join('');
}

/** The worksheet part's text with `table` as its sheetData (and merges); the part's BOM kept. */
function graftSheet(pkg: Package, part: string, table: SheetGrid): void {
  const hadBom = (() => {
    const b = pkg.read(part);
    return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  })();
  let xml = pkg.text(part);
  let r = root(xml);
  const p = r.qname.includes(':') ? r.qname.slice(0, r.qname.indexOf(':') + 1) : '';
  const merges = children(xml, r).find((e) => e.name === 'mergeCells');
  if (merges) xml = splice(xml, [{ at: merges.start, del: merges.end - merges.start, text: '' }]);
  r = root(xml);
  const data = children(xml, r).find((e) => e.name === 'sheetData');
  if (!data) throw new Error(`${part}: no sheetData`);
  xml = splice(xml, [{ at: data.start, del: data.end - data.start, text: `<${p}sheetData>${rowsXml(table, p)}</${p}sheetData>` }]);
  const m = table.merges ?? [];
  if (m.length) {
    r = root(xml);
    const next = children(xml, r).find((e) => AFTER_MERGES.has(e.name));
    const at = next ? next.start : r.end - (r.qname.length + 3);
    const refs = m.map((x) => `<${p}mergeCell ref="${columnLetter(x.left)}${x.top + 1}:${columnLetter(x.right)}${x.bottom + 1}"/>`).join('');
    xml = splice(xml, [{ at, del: 0, text: `<${p}mergeCells count="${m.length}">${refs}</${p}mergeCells>` }]);
  }
  pkg.setText(part, xml);
  // The producer's BOM stays in the grafted part (whether or not the package keeps it on an edit).
  const b = pkg.read(part);
  if (hadBom && !(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)) pkg.setText(part, `\ufeff${xml}`);
}

export interface Graft {
  bytes: Buffer;
  /** The worksheets that received the units table and (when there was a second one) the people table. */
  sheets: string[];
}

/** `foreign` with the award tables grafted in; null when it has no worksheet to graft into. */
export function graftAwardTable(foreign: Uint8Array): Graft | null {
  const pkg = openPackage(foreign);
  const wb = pkg.workbook;
  if (!wb) return null;
  const sheets = wb.sheets.filter((s) => s.kind === 'worksheet' && s.part && pkg.has(s.part) && /<(?:\w+:)?sheetData\b/.test(pkg.text(s.part)));
  if (!sheets.length) return null;
  const withVml = sheets.find((s) => /<(?:\w+:)?legacyDrawing\b/.test(pkg.text(s.part!)) && pkg.rels(s.part!).some((x) => x.type.endsWith('/vmlDrawing')));
  const units = withVml ?? sheets[0];
  const people = sheets.find((s) => s !== units);
  const g = sample();
  const table = (name: string) => g.sheets.find((s) => s.name === name)!;
  graftSheet(pkg, units.part!, table('Tập thể'));
  if (people) graftSheet(pkg, people.part!, table('Cá nhân'));
  return { bytes: Buffer.concat(pkg.toZip()), sheets: [units.name, ...(people ? [people.name] : [])] };
}
