/**
 * The worksheets we add: the result sheet the council reads and the state sheet. Written whole
 * (they are ours), with inline strings (§18.3.1.4 c/@t="inlineStr", §18.3.1.53 is) so that the
 * shared string table of the user's workbook is never touched.
 */
import { columnLetter, MARK_FILL, type ResultSheet, labels } from '../../core';
import type { Styles } from './styles';
import { xstring } from '../xml';
import { TRANSITIONAL, worksheetHead, type Namespaces } from './namespaces';
const HEADER_FILL = '#D9E1F2';

/** Fonts and the border of the result sheet, as appended to styles (also how they are recognised as ours). */
export function ourFonts(p: string): string[] {
  const font = (bold: boolean, size: number) => `<${p}font>${bold ? `<${p}b/>` : ''}<${p}sz val="${size}"/><${p}name val="Times New Roman"/><${p}family val="1"/></${p}font>`;
  return [font(false, 12), font(true, 12), font(true, 14)];
}

/** `strict`: the sides are start/end (ISO/IEC 29500-1 Strict), else left/right. */
export function ourBorders(p: string, strict = false): string[] {
  const side = (n: string) => `<${p}${n} style="thin"><${p}color auto="1"/></${p}${n}>`;
  return [`<${p}border>${side(strict ? 'start' : 'left')}${side(strict ? 'end' : 'right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`];
}

function cell(ref: string, value: string | number | null, s: number): string {
  const style = s ? ` s="${s}"` : '';
  if (value === null || value === '') return s ? `<c r="${ref}"${style}/>` : '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xstring(String(value))}</t></is></c>`;
}

function resultColumn(rs: ResultSheet): number {
  const i = rs.header.findIndex((h) => h === labels('vi').header.result || h === labels('en').header.result);
  return i >= 0 ? i : rs.header.length - 4;
}

/** The result sheet's XML (in the workbook's vocabulary, `ns`); its cell formats are added to `styles`. */
export function resultSheetXml(rs: ResultSheet, styles: Styles, ns: Namespaces = TRANSITIONAL): string {
  const p = styles.p;
  const [regular, bold, big] = ourFonts(p).map((f) => styles.add('fonts', f));
  const border = styles.add('borders', ourBorders(p, styles.strict)[0]);
  const xf = (font: number, fill: number, b: number, align: string) =>
    styles.add('cellXfs', `<${p}xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="${b}" xfId="0" applyFont="1"${fill ? ' applyFill="1"' : ''}${b ? ' applyBorder="1"' : ''}${align ? ` applyAlignment="1"><${p}alignment ${align}/></${p}xf>` : '/>'}`);
  const titleXf = [xf(big, 0, 0, ''), xf(regular, 0, 0, '')];
  const headerXf = xf(bold, styles.add('fills', styles.markFill(HEADER_FILL)), border, 'horizontal="center" vertical="center" wrapText="1"');
  const bodyXf = xf(regular, 0, border, 'vertical="top" wrapText="1"');
  const kindXf = new Map<string, number>();
  for (const [kind, color] of Object.entries(MARK_FILL)) if (color) kindXf.set(kind, xf(regular, styles.add('fills', styles.markFill(color)), border, 'vertical="top" wrapText="1"'));
  const width = rs.header.length;
  const rows: string[] = [];
  let r = 0;
  const line = (cells: string) => rows.push(`<row r="${++r}">${cells}</row>`);
  rs.title.forEach((t, i) => line(cell(`A${r + 1}`, t, titleXf[i === 0 ? 0 : 1])));
  r++; // an empty row
  const headerRow = r + 1;
  line(rs.header.map((h, c) => cell(`${columnLetter(c)}${r + 1}`, h, headerXf)).join(''));
  const rc = resultColumn(rs);
  rs.rows.forEach((values, i) => {
    const kind = rs.rowKinds[i];
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(cell(`${columnLetter(c)}${r + 1}`, values[c] ?? null, c === rc && kind && kindXf.has(kind) ? kindXf.get(kind)! : bodyXf));
    line(cells.join(''));
  });
  const lastTableRow = r;
  r++;
  for (const f of rs.footer) line(cell(`A${r + 1}`, f, titleXf[1]));
  // The overview for the council, after an empty row; each block's first line bold (no chart here:
  // drawing one would add a drawing part for a copy that must stay plain; the add-in draws it).
  if (rs.overview) {
    r++;
    const boldXf = xf(bold, 0, 0, '');
    rs.overview.rows.forEach((cells, i, all) => {
      const s = cells.length > 0 && (i === 0 || all[i - 1].length === 0) ? boldXf : titleXf[1];
      if (!cells.length) r++;
      else line(cells.map((v, c) => cell(`${columnLetter(c)}${r + 1}`, v, s)).join(''));
    });
  }
  const cols = rs.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const lastCol = columnLetter(Math.max(0, width - 1));
  return (
    worksheetHead(ns) +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${lastCol}${Math.max(1, r)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (rs.rows.length ? `<autoFilter ref="A${headerRow}:${lastCol}${lastTableRow}"/>` : '') +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}

/** The state sheet: key / JSON chunks, one row each (core/state.ts stateRows). */
export function stateSheetXml(rows: string[][], ns: Namespaces = TRANSITIONAL): string {
  const data = rows.map((cells, i) => `<row r="${i + 1}">${cells.map((v, c) => cell(`${columnLetter(c)}${i + 1}`, v, 0)).join('')}</row>`).join('');
  return `${worksheetHead(ns)}<sheetData>${data}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
