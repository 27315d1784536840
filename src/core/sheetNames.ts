/** The names of the sheets the product writes or recognises, in one place. */
import { fold, hasPhrase } from './text';

/** The hidden sheet holding the product's state (profile, overrides, facts, the annotation backup). */
export const STATE_SHEET = '_ThiDuaCCHC';

/** The result sheet the council reads (the same name in both languages: the file is Vietnamese). */
export const RESULT_SHEET_NAMES = { vi: 'Kết quả xét khen thưởng', en: 'Kết quả xét khen thưởng' } as const;

/** The award history sheet ("Lịch sử khen thưởng"). */
export const HISTORY_SHEET = 'Lịch sử khen thưởng';

/** True for the history sheet's name ("Lịch sử khen thưởng", "lich su khen thuong (2)"). */
export function isHistorySheetName(name: string): boolean {
  return hasPhrase(fold(name), 'lich su khen thuong');
}
