/**
 * The result sheet on paper: A4 landscape, one page wide, text at 11 pt printed at ≥ 9 pt.
 * Excel does not grow a row for wrapped text a program writes (nor does it on opening a file), so
 * every row's height is set from its text here, once, for both adapters.
 *
 * Widths are in characters of the workbook's default font (Calibri 11: 7 px a character + 5 px of
 * padding); a character of 11 pt Times New Roman is about as wide, so a column of w holds about w
 * characters a line. A4 landscape with 0.3" side margins leaves 798 pt: the table's 171 characters
 * (7 criteria) are 950 pt, printed at 84 % — 11 pt text at 9.2 pt.
 */

import type { PageFooter, ResultSheet } from './annotationPlan';
import { cutText } from './text';

export type { PageFooter };

/** Font size (pt) of the table, the lines above and below it, and the overview. */
export const PRINT_FONT = 11;
/** Font size (pt) of the title. */
export const PRINT_TITLE_FONT = 14;
/** Height (pt) of one line of 11 pt text, and of a row's padding. */
const LINE = 14;
const PAD = 3;

/** Lines a text takes in a column `width` characters wide, wrapped at spaces as Excel wraps it. */
export function linesIn(text: string, width: number, bold = false): number {
  const per = Math.max(1, Math.floor(width * (bold ? 1.0 : 1.15)) - 1);
  let n = 0;
  for (const para of text.split('\n')) {
    n++;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = [...word].length;
      if (used > 0 && used + 1 + w <= per) {
        used += 1 + w;
        continue;
      }
      if (used > 0) n++;
      used = w;
      while (used > per) {
        n++;
        used -= per;
      }
    }
  }
  return n;
}

/** Height (pt) of a row whose cells wrap in columns of `widths` characters. */
export function rowHeight(cells: readonly (string | number | null | undefined)[], widths: readonly number[], bold = false, font = PRINT_FONT): number {
  let lines = 1;
  cells.forEach((v, i) => {
    if (v === null || v === undefined || v === '') return;
    lines = Math.max(lines, linesIn(String(v), widths[i] ?? 10, bold));
  });
  return Math.ceil(lines * LINE * (font / PRINT_FONT) + PAD);
}

/** The page footer's three sections, in Excel's codes (&P page, &N pages, &D date; a literal & doubled). */

/**
 * A header's or footer's characters with its section codes: Excel keeps one to 255 ([MS-OI29500]
 * 2.1.647; [MS-XLSB] 2.5.73 HeaderFooterString) — a longer one makes the file or the API call fail.
 */
export const HEADER_FOOTER_MAX = 255;

export function pageFooter(preparer: string, page: string, printed: string): PageFooter {
  // The preparer's name comes from the facts (any length): it gives way so that the footer fits.
  const room = HEADER_FOOTER_MAX - footerCodes({ left: '', center: page, right: printed }).length;
  let left = preparer.replace(/&/g, '&&');
  if (left.length > room) {
    left = cutText(left, Math.max(0, room - 1));
    // An odd run of "&" at the end would start a code.
    if ((/&+$/.exec(left)?.[0].length ?? 0) % 2) left = left.slice(0, -1);
    left += '…';
  }
  return { left, center: page, right: printed };
}

/** The footer as one SpreadsheetML oddFooter text (§18.3.1.40: &L, &C, &R sections). */
export function footerCodes(f: PageFooter): string {
  return `&L${f.left}&C${f.center}&R${f.right}`;
}

/** Side margins (inches) of the printed result sheet, and A4 landscape's width (pt). */
export const PRINT_SIDE_MARGIN = 0.25;
const A4_LANDSCAPE_WIDTH = 841.89;

/**
 * The print scale (%) that puts the table on one page wide, for a host that is given a scale
 * rather than "fit to one page wide" (a column of w characters of Calibri 11 is 7w + 5 px).
 */
export function printScale(widths: readonly number[]): number {
  const table = widths.reduce((sum, w) => sum + (w * 7 + 5) * 0.75, 0);
  const page = A4_LANDSCAPE_WIDTH - 2 * PRINT_SIDE_MARGIN * 72;
  return Math.max(10, Math.min(100, Math.floor((page / Math.max(1, table)) * 100)));
}

/** Heights (pt) of every row the adapters write, part by part (lines above and below span the table). */
export interface PrintHeights {
  title: number[];
  header: number;
  rows: number[];
  footer: number[];
  overview: number[];
}

export function printHeights(rs: ResultSheet): PrintHeights {
  const span = rs.widths.reduce((a, b) => a + b, 0);
  const col = rs.overview?.col ?? 0;
  return {
    title: rs.title.map((t, i) => (i === 0 ? rowHeight([t], [span], true, PRINT_TITLE_FONT) : rowHeight([t], [span]))),
    header: rowHeight(rs.header, rs.widths, true),
    rows: rs.rows.map((r) => rowHeight(r, rs.widths)),
    footer: rs.footer.map((f, i) => rowHeight([f], [span], rs.footerBold?.includes(i) ?? false)),
    overview: (rs.overview?.rows ?? []).map((r) => rowHeight(r, rs.widths.slice(col))),
  };
}
