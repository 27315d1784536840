/**
 * The worksheets we add: the result sheet the council reads and the state sheet. Written whole
 * (they are ours), with inline strings (§18.3.1.4 c/@t="inlineStr", §18.3.1.53 is) so that the
 * shared string table of the user's workbook is never touched.
 */
import { columnLetter, footerCodes, MARK_FILL, printHeights, PRINT_SIDE_MARGIN, type ResultSheet, labels } from '../../core';
import type { Styles } from './styles';
import { xstring } from '../xml';
import { TRANSITIONAL, worksheetHead, type Namespaces } from './namespaces';
const HEADER_FILL = '#D9E1F2';

/** Fonts and the border of the result sheet, as appended to styles (also how they are recognised as ours). */
export function ourFonts(p: string): string[] {
  const font = (bold: boolean, size: number) => `<${p}font>${bold ? `<${p}b/>` : ''}<${p}sz val="${size}"/><${p}name val="Times New Roman"/><${p}family val="1"/></${p}font>`;
  // 12 pt: what earlier versions wrote (still recognised on a clear); 11 pt: the printed sheet.
  return [font(false, 12), font(true, 12), font(true, 14), font(false, 11), font(true, 11)];
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

/** The row (1-based) of the result sheet's header: title lines, an empty row, the header. */
export function resultHeaderRow(rs: ResultSheet): number {
  return rs.title.length + 2;
}

function resultColumn(rs: ResultSheet): number {
  const i = rs.header.findIndex((h) => h === labels('vi').header.result || h === labels('en').header.result);
  return i >= 0 ? i : rs.header.length - 4;
}

/** The result sheet's XML (in the workbook's vocabulary, `ns`); its cell formats are added to `styles`. */
export function resultSheetXml(rs: ResultSheet, styles: Styles, ns: Namespaces = TRANSITIONAL): string {
  const p = styles.p;
  const fonts = ourFonts(p);
  const [regular, bold, big] = [fonts[3], fonts[4], fonts[2]].map((f) => styles.add('fonts', f));
  const border = styles.add('borders', ourBorders(p, styles.strict)[0]);
  const xf = (font: number, fill: number, b: number, align: string) =>
    styles.add('cellXfs', `<${p}xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="${b}" xfId="0" applyFont="1"${fill ? ' applyFill="1"' : ''}${b ? ' applyBorder="1"' : ''}${align ? ` applyAlignment="1"><${p}alignment ${align}/></${p}xf>` : '/>'}`);
  const wrapTop = 'vertical="top" wrapText="1"';
  // Lines above and below the table span its width (merged), wrapped: nothing is cut on paper.
  const titleXf = [xf(big, 0, 0, wrapTop), xf(regular, 0, 0, wrapTop)];
  const lineBoldXf = xf(bold, 0, 0, wrapTop);
  const headerXf = xf(bold, styles.add('fills', styles.markFill(HEADER_FILL)), border, 'horizontal="center" vertical="center" wrapText="1"');
  const bodyXf = xf(regular, 0, border, 'vertical="top" wrapText="1"');
  const kindXf = new Map<string, number>();
  for (const [kind, color] of Object.entries(MARK_FILL)) if (color) kindXf.set(kind, xf(regular, styles.add('fills', styles.markFill(color)), border, 'vertical="top" wrapText="1"'));
  const width = rs.header.length;
  const lastCol = columnLetter(Math.max(0, width - 1));
  const heights = printHeights(rs);
  const rows: string[] = [];
  const merges: string[] = [];
  let r = 0;
  // Excel does not grow rows for wrapped text on opening a file: each height is set.
  const line = (cells: string, height?: number) => rows.push(`<row r="${++r}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`);
  const spanning = (text: string, s: number, height: number) => {
    if (width > 1) merges.push(`A${r + 1}:${lastCol}${r + 1}`);
    line(cell(`A${r + 1}`, text, s), height);
  };
  rs.title.forEach((t, i) => spanning(t, titleXf[i === 0 ? 0 : 1], heights.title[i]));
  r++; // an empty row
  const headerRow = r + 1;
  line(rs.header.map((h, c) => cell(`${columnLetter(c)}${r + 1}`, h, headerXf)).join(''), heights.header);
  const rc = resultColumn(rs);
  rs.rows.forEach((values, i) => {
    const kind = rs.rowKinds[i];
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(cell(`${columnLetter(c)}${r + 1}`, values[c] ?? null, c === rc && kind && kindXf.has(kind) ? kindXf.get(kind)! : bodyXf));
    line(cells.join(''), heights.rows[i]);
  });
  const lastTableRow = r;
  r++;
  rs.footer.forEach((f, i) => {
    if (!f) r++;
    else spanning(f, rs.footerBold?.includes(i) ? lineBoldXf : titleXf[1], heights.footer[i]);
  });
  // The overview for the council, after an empty row; each block's first line bold (no chart here:
  // drawing one would add a drawing part for a copy that must stay plain; the add-in draws it).
  if (rs.overview) {
    r++;
    const at = rs.overview.col ?? 0;
    rs.overview.rows.forEach((cells, i, all) => {
      const s = cells.length > 0 && (i === 0 || all[i - 1].length === 0) ? lineBoldXf : titleXf[1];
      if (!cells.length) r++;
      else line(cells.map((v, c) => cell(`${columnLetter(at + c)}${r + 1}`, v, s)).join(''), heights.overview[i]);
    });
  }
  const cols = rs.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    worksheetHead(ns) +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${lastCol}${Math.max(1, r)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (rs.rows.length ? `<autoFilter ref="A${headerRow}:${lastCol}${lastTableRow}"/>` : '') +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    // A4 landscape, one page wide (core/printLayout.ts sizes the columns for ≥ 9 pt), the footer on every page.
    `<pageMargins left="${PRINT_SIDE_MARGIN}" right="${PRINT_SIDE_MARGIN}" top="0.5" bottom="0.6" header="0.2" footer="0.25"/>` +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    (rs.pageFooter ? `<headerFooter><oddFooter>${xstring(footerCodes(rs.pageFooter))}</oddFooter></headerFooter>` : '') +
    '</worksheet>'
  );
}

/** The state sheet: key / JSON chunks, one row each (core/state.ts stateRows). */
export function stateSheetXml(rows: string[][], ns: Namespaces = TRANSITIONAL): string {
  const data = rows.map((cells, i) => `<row r="${i + 1}">${cells.map((v, c) => cell(`${columnLetter(c)}${i + 1}`, v, 0)).join('')}</row>`).join('');
  return `${worksheetHead(ns)}<sheetData>${data}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
