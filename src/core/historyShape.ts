/** What the sheet "Lịch sử khen thưởng" holds once read (history.ts reads it): data only, so result.ts can name it without importing the reader. */

export const HISTORY_FIELDS = ['year', 'name', 'unit', 'award', 'decisionNumber', 'decisionDate', 'note'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export interface DateParts { day: number; month: number; year: number }

export interface HistoryEntry {
  /** 1-based worksheet row. */
  row: number;
  nameCell: string;
  name: string;
  /** An individual's unit, when the sheet has a "Đơn vị" column (tells two namesakes apart). */
  unit?: string;
  year?: number;
  award?: string;
  decisionNumber?: string;
  decisionDate?: DateParts;
  /** The date cell as typed when it could not be read as a date (printed as is, and warned). */
  decisionDateText?: string;
  note?: string;
}

export interface AwardHistory {
  sheet: string;
  /** 1-based row of the header. */
  headerRow: number;
  /** Field → column letter. */
  columns: Partial<Record<HistoryField, string>>;
  /** 1-based last used row (a writer appends below it). */
  lastRow: number;
  entries: HistoryEntry[];
}
