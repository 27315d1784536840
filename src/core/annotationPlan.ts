/**
 * The annotation plan: pure data describing what an adapter writes into the workbook.
 * Adapters apply it as given (fills, notes, the result sheet) and can remove it exactly.
 */


export type MarkKind = 'fail' | 'unknown' | 'proposed' | 'info';

/** Fill colours of the marks (Excel's own Bad / Neutral / Good styles); 'info' has no fill. */
export const MARK_FILL: Record<MarkKind, string | null> = {
  fail: '#FFC7CE',
  unknown: '#FFEB9C',
  proposed: '#C6EFCE',
  info: null,
};

/** The printed sheet's footer, left / centre / right (built in printLayout.ts). */
export interface PageFooter {
  left: string;
  center: string;
  right: string;
}

export interface CellMark {
  sheet: string;
  /** A1 address on that sheet. */
  cell: string;
  /** 0-based worksheet coordinates, for adapters that group cells into ranges. */
  row: number;
  col: number;
  kind: MarkKind;
  /** Plain text of the note (several lines joined with "\n"). */
  note: string;
}

export type ResultCell = string | number | null;

export interface ResultSheet {
  name: string;
  /** Title lines above the table (profile name, date-free so that output is stable). */
  title: string[];
  header: string[];
  rows: ResultCell[][];
  /** Per row: the mark kind that colours its result column (same colours as the marks). */
  rowKinds: (MarkKind | null)[];
  /** Lines below the table: quotas, ties, legend. */
  footer: string[];
  /** Suggested column widths (characters), sized for A4 landscape (core/printLayout.ts). */
  widths: number[];
  /** Footer lines shown bold: the headings of their blocks (0-based in `footer`). */
  footerBold?: number[];
  /** The printed page's footer in Excel's codes (preparer, page of pages, date printed). */
  pageFooter?: PageFooter;
  /**
   * The picture at a glance for the council, written below the footer after a blank row: counts
   * per kind, quota use per award, criteria failed most (core/overview.ts). The add-in draws a
   * bar chart over the criteria rows where the host has charts.
   */
  overview?: {
    /** 0-based column the overview starts in (its labels wrap there; the name column is wide). */
    col?: number;
    rows: ResultCell[][];
    criteriaRows: { header: number; first: number; last: number } | null;
    chartTitle: string;
  };
}

export interface AnnotationPlan {
  marks: CellMark[];
  resultSheet: ResultSheet;
}

/** Name of the product's own hidden sheet holding its state (profile, facts, what it replaced). */
export { STATE_SHEET } from './sheetNames';
