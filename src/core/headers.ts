/**
 * The header vocabulary of workbook.md: which field a column header names. A header is read as
 * an *indicator* (what is measured: tasks, PAR, SIPAS, files, initiative, votes) and a *measure*
 * (rate, count, total, score, rating, decision); in a two-row header the parent usually names the
 * indicator and the child the measure, and word order does not matter.
 */
import type { Field } from './ids';
import { fold, hasPhrase } from './text';

type Indicator = 'task' | 'par' | 'sipas' | 'files' | 'initiative' | 'votes';
type Measure = 'rate' | 'count' | 'total' | 'score' | 'rating' | 'decision';

/** Fields named by a phrase on their own, tried before indicator/measure analysis. */
const PLAIN_FIELDS: { field: Field; phrases: string[]; exact?: boolean }[] = [
  { field: 'order', phrases: ['stt', 'tt', 'so tt', 'so thu tu'], exact: true },
  { field: 'name', phrases: ['ho va ten', 'ho ten'] },
  { field: 'position', phrases: ['chuc vu', 'chuc danh'] },
  { field: 'unit', phrases: ['don vi cong tac', 'co quan cong tac', 'noi cong tac'] },
  { field: 'birthYear', phrases: ['nam sinh', 'ngay sinh', 'ngay thang nam sinh'] },
  { field: 'gender', phrases: ['gioi tinh'] },
  { field: 'womenShare', phrases: ['ty le nu', 'ty le can bo nu', 'ty le lao dong nu', 'ty le cbccvc nu'] },
  { field: 'dissolved', phrases: ['giai the', 'sap nhap', 'tinh trang sap xep', 'da giai the'] },
  { field: 'hometown', phrases: ['que quan'] },
  { field: 'qualification', phrases: ['trinh do chuyen mon', 'trinh do'] },
  { field: 'compliance', phrases: ['chap hanh chu truong', 'chap hanh tot', 'chap hanh chinh sach'] },
  { field: 'award', phrases: ['hinh thuc de nghi', 'de nghi khen thuong', 'hinh thuc khen thuong', 'muc khen thuong'] },
  { field: 'achievement', phrases: ['thanh tich', 'tom tat thanh tich', 'thanh tich noi bat'] },
];

/** Collective name headers (a table whose name column is one of these is of tập thể). */
const COLLECTIVE_NAMES = [
  'ten don vi',
  'ten tap the',
  'co quan don vi',
  'ten co quan don vi dia phuong',
  'ten co quan don vi',
  'don vi',
  'tap the',
  'ten co quan',
];

const INDICATORS: { indicator: Indicator; phrases: string[] }[] = [
  // Order matters: "kế hoạch CCHC" is about tasks, "chỉ số CCHC" about PAR.
  { indicator: 'votes', phrases: ['phieu', 'bieu quyet', 'so thanh vien', 'tan thanh'] },
  { indicator: 'initiative', phrases: ['sang kien', 'giai phap', 'cong nhan sang kien', 'quyet dinh cong nhan', 'so qd cong nhan'] },
  { indicator: 'sipas', phrases: ['sipas', 'hai long'] },
  { indicator: 'task', phrases: ['nhiem vu', 'ke hoach cchc', 'hoan thanh ke hoach'] },
  { indicator: 'files', phrases: ['ho so', 'dung han', 'tthc'] },
  { indicator: 'par', phrases: ['par', 'par index', 'chi so cchc', 'xep loai cchc', 'diem cchc', 'cchc'] },
];

function indicatorOf(folded: string): Indicator | null {
  for (const { indicator, phrases } of INDICATORS) {
    if (phrases.some((p) => hasPhrase(folded, p))) return indicator;
  }
  return null;
}

function measureOf(folded: string, raw: string): Measure | null {
  if (hasPhrase(folded, 'tong so') || hasPhrase(folded, 'tong cong')) return 'total';
  if (hasPhrase(folded, 'ty le') || hasPhrase(folded, 'muc do') || /%/.test(raw)) return 'rate';
  if (hasPhrase(folded, 'xep loai')) return 'rating';
  if (hasPhrase(folded, 'diem') || hasPhrase(folded, 'tong diem')) return 'score';
  if (hasPhrase(folded, 'quyet dinh') || hasPhrase(folded, 'cong nhan') || hasPhrase(folded, 'so qd') || hasPhrase(folded, 'qd')) {
    return 'decision';
  }
  if (/^so /.test(folded)) return 'count';
  return null;
}

/** Removes the units that carry no meaning for matching: "(%)", "(điểm)". */
function stripUnits(raw: string): string {
  return raw.replace(/\((\s*%\s*|\s*đi[eể]m\s*|\s*diem\s*)\)/gi, ' ');
}

export interface HeaderMatch {
  field: Field;
  /** The header names a collective (tập thể) name column. */
  collectiveName?: boolean;
  /** "Chức vụ, đơn vị công tác" in one column: split on the first comma. */
  positionAndUnit?: boolean;
}

/**
 * Classifies one column header. `parent` is the upper row of a two-row header (or null).
 * Returns null for a header the vocabulary does not know.
 */
export function classifyHeader(parent: string | null, child: string | null): HeaderMatch | null {
  const rawChild = (child ?? '').trim();
  const rawParent = (parent ?? '').trim();
  const raw = `${rawParent} ${rawChild}`.trim();
  if (!raw) return null;
  const folded = fold(stripUnits(raw));
  const foldedChild = fold(stripUnits(rawChild));
  if (!folded) return null;

  // Position and unit kept in one column.
  if (hasPhrase(folded, 'chuc vu') && (hasPhrase(folded, 'don vi cong tac') || hasPhrase(folded, 'don vi'))) {
    return { field: 'position', positionAndUnit: true };
  }
  for (const { field, phrases, exact } of PLAIN_FIELDS) {
    const target = exact ? folded : folded;
    if (exact ? phrases.includes(target) : phrases.some((p) => hasPhrase(target, p))) {
      // "Thành tích" inside an indicator header ("thành tích … sáng kiến") stays the indicator.
      if (field === 'achievement' && indicatorOf(folded)) continue;
      return { field };
    }
  }
  if (COLLECTIVE_NAMES.includes(folded) || COLLECTIVE_NAMES.includes(foldedChild)) {
    return { field: 'name', collectiveName: true };
  }

  const indicator = indicatorOf(folded);
  if (!indicator) return null;
  // The child decides the measure when it names one; the parent only when the child is silent.
  const measure = measureOf(fold(stripUnits(rawChild)), rawChild) ?? measureOf(folded, raw);
  switch (indicator) {
    case 'task':
      if (measure === 'total') return { field: 'taskTotal' };
      if (measure === 'count') return { field: 'taskDone' };
      return { field: 'taskCompletion' };
    case 'par':
      if (measure === 'score') return { field: 'parScore' };
      if (measure === 'rate' || measure === 'total' || measure === 'count') return null;
      return { field: 'parRating' };
    case 'sipas':
      if (measure === 'total' || measure === 'count' || measure === 'score' || measure === 'rating') return null;
      return { field: 'sipas' };
    case 'files':
      if (measure === 'total') return { field: 'fileTotal' };
      if (measure === 'count') return { field: 'onTimeCount' };
      if (measure === 'rate' || hasPhrase(folded, 'dung han')) return { field: 'onTime' };
      return null;
    case 'initiative':
      if (measure === 'decision') return { field: 'initiativeRecognition' };
      return { field: 'initiative' };
    case 'votes':
      if (hasPhrase(folded, 'dong y') || hasPhrase(folded, 'tan thanh')) return { field: 'votesAgree' };
      if (measure === 'total' || hasPhrase(folded, 'so thanh vien')) return { field: 'votesTotal' };
      return null;
  }
  return null;
}

/** A header that is a measure word alone ("Tỷ lệ (%)", "Điểm") needs its parent to mean anything. */
export function isBareMeasure(text: string): boolean {
  const folded = fold(stripUnits(text));
  if (!folded) return false;
  return indicatorOf(folded) === null && measureOf(folded, text) !== null;
}
