/**
 * Which rows of a table are candidates: blank rows, group headings ("I. CƠ QUAN CHUYÊN MÔN")
 * and totals ("Tổng cộng") are not.
 */
import { cellAt, type SheetGrid } from './grid';
import type { Field } from './ids';
import type { DetectedTable } from './tables';
import { cellText, isBlankCell } from './values';
import { fold } from './text';

export type RowKind = 'candidate' | 'blank' | 'heading' | 'total' | 'nameless' | 'numbering';

/** Columns whose values are indicators (a row with none of them is a heading, not a candidate). */
const INDICATOR_FIELDS: Field[] = [
  'taskCompletion', 'taskDone', 'taskTotal', 'parRating', 'parScore', 'sipas', 'onTime', 'onTimeCount',
  'fileTotal', 'initiative', 'initiativeRecognition', 'compliance', 'votesAgree', 'votesTotal', 'award',
  'position', 'unit', 'birthYear', 'gender',
];

const ROMAN = /^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
const TOTAL = /^(tong cong|cong|tong so|tong|binh quan|trung binh chung|ty le chung)( |$)/;

const indicatorCache = new WeakMap<DetectedTable, number[]>();

/** The table's indicator columns, looked up once per table rather than per row. */
function indicatorColumns(table: DetectedTable): number[] {
  let cols = indicatorCache.get(table);
  if (!cols) {
    cols = [];
    for (const f of INDICATOR_FIELDS) {
      const c = table.fieldCols[f];
      if (c !== undefined) cols.push(c);
    }
    indicatorCache.set(table, cols);
  }
  return cols;
}

export function classifyRow(sheet: SheetGrid, table: DetectedTable, row: number): RowKind {
  const nameCol = table.fieldCols.name!;
  const name = cellText(cellAt(sheet, row, nameCol));
  const order = table.fieldCols.order !== undefined ? cellText(cellAt(sheet, row, table.fieldCols.order)) : '';
  const indicators = indicatorColumns(table);
  let hasIndicator = false;
  for (let i = 0; i < indicators.length && !hasIndicator; i++) hasIndicator = !isBlankCell(cellAt(sheet, row, indicators[i]));
  if (!name && !order && !hasIndicator) {
    // Blank unless some other cell holds something (then it is a nameless row worth a message).
    const line = sheet.values[row - sheet.originRow] ?? [];
    return line.some((v) => cellText(v) !== '') ? 'nameless' : 'blank';
  }
  // The column-number row under an official table's header: "(1) (2) (3)…" or "1 2 3…".
  if (/^\(?\d{1,2}\)?$/.test(name)) return 'numbering';
  // Folding is the costly part: only names that could be a total or a roman heading need it.
  const fName = /^[tcbivxlTCBIVXL]/.test(name) ? fold(name) : '';
  const fOrder = order && !/^\d+$/.test(order) ? fold(order) : '';
  if (TOTAL.test(fName) || TOTAL.test(fOrder)) return 'total';
  const romanOrder = ROMAN.test(fOrder) && fOrder !== '';
  const romanName = /^([ivxlc]+)( |$)/.test(fName) && ROMAN.test(fName.split(' ')[0]) && /^[IVXLC]+\s*[.)\-:]/.test(name);
  if (romanOrder || romanName) return 'heading';
  if (!name) return hasIndicator ? 'nameless' : 'blank';
  if (!hasIndicator) return 'heading';
  return 'candidate';
}
