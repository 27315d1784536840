/**
 * Checked before anything is written (Excel would refuse part-way, leaving a half-marked workbook):
 * a protected sheet we would write on, or workbook structure protection (every Đánh dấu / Xóa đánh
 * dấu adds or removes our result and state sheets). The user is told which sheet, and what to do.
 */
import type { Lang } from '../core';
import { protectionError } from './messages';

export interface Protection {
  protectedSheets: string[];
  structureProtected: boolean;
}

/** Throws a message for the user when a sheet of `writes` (or the workbook's structure) is protected. */
export function assertWritable(protection: Protection, writes: Iterable<string>, lang?: Lang): void {
  const wanted = new Set(writes);
  const sheets = protection.protectedSheets.filter((n) => wanted.has(n));
  if (sheets.length || protection.structureProtected) throw protectionError(sheets, protection.structureProtected, lang);
}
