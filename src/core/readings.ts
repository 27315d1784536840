/**
 * Reading one candidate row into indicator readings: each reading is a value with the cell it came
 * from, or the reason it could not be read (which becomes an `unknown` and a data problem).
 */
import { a1, valueIn, type CellValue, type SheetGrid } from './grid';
import type { Field } from './ids';
import type { Profile } from './profile';
import type { Issue, Message } from './result';
import type { DetectedTable } from './tables';
import { cutText } from './text';
import { cellText, comparePoints, initiativePresent, parseCount, parseRate, parseRating, parseYesNo, rateFromCounts, type Parsed } from './values';

export type Reading<T> =
  | { state: 'value'; value: T; sheet: string; cell: string }
  | { state: 'blank'; sheet: string; cell: string | null }
  | { state: 'noColumn' }
  | { state: 'invalid'; sheet: string; cell: string; reason: Message };

/** A field without a column: one shared value (most rows lack half the fields; never mutated). */
const NO_COLUMN: { state: 'noColumn' } = Object.freeze({ state: 'noColumn' as const });

export interface RowReadings {
  taskCompletion: Reading<number>;
  parRating: Reading<string>;
  parScore: Reading<number>;
  sipas: Reading<number>;
  onTime: Reading<number>;
  initiative: Reading<boolean>;
  recognition: Reading<boolean>;
  compliance: Reading<boolean>;
  votesAgree: Reading<number>;
  votesTotal: Reading<number>;
}

/**
 * A table's column for every field (undefined without one), in one fixed shape: read as
 * `cols.unit` at each call site, a direct property load, where `fieldCols[field]` with a varying
 * field is a generic lookup (some thirty per row).
 */
export type Columns = { readonly [F in Field]: number | undefined };

const columnsCache = new WeakMap<DetectedTable, Columns>();

export function columnsOf(table: DetectedTable): Columns {
  let cols = columnsCache.get(table);
  if (!cols) {
    const f = table.fieldCols;
    // One literal, so every table's columns share one shape (its type asks for every field).
    cols = {
      name: f.name, position: f.position, unit: f.unit, taskCompletion: f.taskCompletion, taskDone: f.taskDone, taskTotal: f.taskTotal,
      parRating: f.parRating, parScore: f.parScore, sipas: f.sipas, onTime: f.onTime, onTimeCount: f.onTimeCount, fileTotal: f.fileTotal,
      initiative: f.initiative, initiativeRecognition: f.initiativeRecognition, compliance: f.compliance, achievement: f.achievement,
      votesAgree: f.votesAgree, votesTotal: f.votesTotal, award: f.award, birthYear: f.birthYear, gender: f.gender, hometown: f.hometown,
      qualification: f.qualification, order: f.order, womenShare: f.womenShare, dissolved: f.dissolved,
    };
    columnsCache.set(table, cols);
  }
  return cols;
}

/**
 * The longest text a field keeps, in characters. A name, a unit, a position, a title fit in 255
 * (the longest unit name of the sample has 63); an initiative's title with its decision in 1,000;
 * a summary of achievements may fill a cell (Excel's 32,767). A longer text is cut (and said): a
 * 400 KB file can repeat one long shared string in every row, and each row's text is repeated by
 * its note, the result sheet, the state and the report (docs/files.md).
 */
export const TEXT_MAX = { short: 255, initiative: 1_000, long: 32_767 } as const;

/** How a field's cell is parsed (a switch, not a closure per call: 50,000 rows × ten fields). */
const enum Parse {
  Rate,
  Count,
  Score,
  Rating,
  YesNo,
  Decision,
  Initiative,
}

export class RowReader {
  /** The row's cells and number formats (looked up once, not per field). */
  private readonly line: readonly CellValue[] | undefined;
  private readonly formats: readonly string[] | undefined;

  /** The table's columns: pass `reader.cols.unit` and the like to the methods below. */
  readonly cols: Columns;
  /** Columns whose text was cut (said once). */
  private cut?: Set<number>;

  constructor(
    private readonly sheet: SheetGrid,
    table: DetectedTable,
    private readonly row: number,
    private readonly issues: Issue[],
  ) {
    this.cols = columnsOf(table);
    this.line = sheet.values[row - sheet.originRow];
    this.formats = sheet.numberFormats?.[row - sheet.originRow];
  }

  address(c: number | undefined): string | null {
    return c === undefined ? null : a1(this.row, c);
  }

  /** The value at a column (cellAt of this row). */
  private cell(c: number): CellValue {
    return valueIn(this.sheet, this.line, c);
  }

  /**
   * The text of a column, cut at `max` characters (TEXT_MAX: a name, a unit, a title) and said once
   * per cell: what a row's text is, its note, the result sheet and the report repeat.
   */
  text(c: number | undefined, max: number = TEXT_MAX.short): string {
    if (c === undefined) return '';
    const t = cellText(this.cell(c));
    if (t.length <= max) return t;
    if (!this.cut?.has(c)) {
      (this.cut ??= new Set()).add(c);
      this.issues.push({ severity: 'warning', sheet: this.sheet.name, cell: a1(this.row, c), code: 'row.textCut', params: { length: t.length, limit: max } });
    }
    return cutText(t, max);
  }

  private parse(how: Parse, c: number, profile: Profile | undefined): Parsed<number> | Parsed<string> | Parsed<boolean> {
    const v = this.cell(c);
    switch (how) {
      case Parse.Rate:
        return parseRate(v, this.formats?.[c - this.sheet.originCol]);
      case Parse.Count:
        return parseCount(v);
      case Parse.Score: {
        const p = parseCount(v);
        // Scores may have decimals: accept any non-negative number.
        if (p.ok === false && p.code === 'value.countInvalid' && typeof v === 'number' && v >= 0) return { ok: true, value: v };
        return p;
      }
      case Parse.Rating:
        return parseRating(v, profile!.ratingLadder);
      case Parse.YesNo:
        return parseYesNo(v, false);
      case Parse.Decision:
        return parseYesNo(v, true);
      case Parse.Initiative:
        return initiativePresent(v);
    }
  }

  private read<T>(c: number | undefined, how: Parse, profile?: Profile): Reading<T> {
    if (c === undefined) return NO_COLUMN;
    const cell = a1(this.row, c);
    const parsed = this.parse(how, c, profile) as Parsed<T>;
    if (parsed.ok === 'blank') {
      return { state: 'blank', sheet: this.sheet.name, cell };
    }
    if (parsed.ok === false) {
      const reason: Message = { code: parsed.code, params: { ...(parsed.params ?? {}) } };
      this.issues.push({ severity: 'error', sheet: this.sheet.name, cell, ...reason });
      return { state: 'invalid', sheet: this.sheet.name, cell, reason };
    }
    return { state: 'value', value: parsed.value, sheet: this.sheet.name, cell };
  }

  rate(c: number | undefined): Reading<number> {
    return this.read(c, Parse.Rate);
  }

  count(c: number | undefined): Reading<number> {
    return this.read(c, Parse.Count);
  }

  /** A rate from its own column, or from its counts when the rate cell is blank (workbook.md). */
  rateWithCounts(rateCol: number | undefined, doneCol: number | undefined, totalCol: number | undefined): Reading<number> {
    const rate = this.rate(rateCol);
    if (rate.state === 'invalid') return rate;
    if (doneCol === undefined || totalCol === undefined) return rate;
    const done = this.count(doneCol);
    const total = this.count(totalCol);
    if (done.state === 'value' && total.state === 'value') {
      const fromCounts = rateFromCounts(done.value, total.value);
      if (rate.state === 'value') {
        if (fromCounts.ok === true && comparePoints(Math.abs(rate.value - fromCounts.value), 0.05) > 0) {
          this.issues.push({
            severity: 'warning', sheet: this.sheet.name, cell: rate.cell, code: 'value.rateDisagreesWithCounts',
            params: { rate: rate.value, computed: fromCounts.value, done: done.value, total: total.value },
          });
        }
        return rate;
      }
      const cell = this.address(totalCol)!;
      if (fromCounts.ok === true) return { state: 'value', value: fromCounts.value, sheet: this.sheet.name, cell: this.address(doneCol)! };
      if (fromCounts.ok === false) {
        const reason: Message = { code: fromCounts.code, params: { ...(fromCounts.params ?? {}) } };
        this.issues.push({ severity: 'error', sheet: this.sheet.name, cell, ...reason });
        return { state: 'invalid', sheet: this.sheet.name, cell, reason };
      }
    }
    if (rate.state === 'value') return rate;
    if (done.state === 'invalid') return done;
    if (total.state === 'invalid') return total;
    return rate.state === 'noColumn' ? { state: 'blank', sheet: this.sheet.name, cell: this.address(doneCol) } : rate;
  }

  rating(c: number | undefined, profile: Profile): Reading<string> {
    return this.read(c, Parse.Rating, profile);
  }

  yesNo(c: number | undefined, decisions = false): Reading<boolean> {
    return this.read(c, decisions ? Parse.Decision : Parse.YesNo);
  }

  readAll(profile: Profile): RowReadings {
    const c = this.cols;
    return {
      taskCompletion: this.rateWithCounts(c.taskCompletion, c.taskDone, c.taskTotal),
      parRating: this.rating(c.parRating, profile),
      parScore: this.read(c.parScore, Parse.Score),
      sipas: this.rate(c.sipas),
      onTime: this.rateWithCounts(c.onTime, c.onTimeCount, c.fileTotal),
      initiative: this.read(c.initiative, Parse.Initiative),
      recognition: this.yesNo(c.initiativeRecognition, true),
      compliance: this.yesNo(c.compliance),
      votesAgree: this.count(c.votesAgree),
      votesTotal: this.count(c.votesTotal),
    };
  }
}
