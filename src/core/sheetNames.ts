/** The names of the sheets the product writes or recognises, in one place. */

/** The hidden sheet holding the product's state (profile, overrides, facts, the annotation backup). */
export const STATE_SHEET = '_ThiDuaCCHC';

/** The result sheet the council reads (the same name in both languages: the file is Vietnamese). */
export const RESULT_SHEET_NAMES = { vi: 'Kết quả xét khen thưởng', en: 'Kết quả xét khen thưởng' } as const;

/** The award history sheet ("Lịch sử khen thưởng"). */
export const HISTORY_SHEET = 'Lịch sử khen thưởng';
