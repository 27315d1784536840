/**
 * Reading one candidate row into indicator readings: each reading is a value with the cell it came
 * from, or the reason it could not be read (which becomes an `unknown` and a data problem).
 */
import { a1, type CellValue, type SheetGrid } from './grid';
import type { Field } from './ids';
import type { Profile } from './profile';
import type { Issue, Message } from './result';
import type { DetectedTable } from './tables';
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

  constructor(
    private readonly sheet: SheetGrid,
    private readonly table: DetectedTable,
    private readonly row: number,
    private readonly issues: Issue[],
  ) {
    this.line = sheet.values[row - sheet.originRow];
    this.formats = sheet.numberFormats?.[row - sheet.originRow];
  }

  col(field: Field): number | undefined {
    return this.table.fieldCols[field];
  }

  address(field: Field): string | null {
    const c = this.col(field);
    return c === undefined ? null : a1(this.row, c);
  }

  /** The value at a column (cellAt of this row). */
  private cell(c: number): CellValue {
    const i = c - this.sheet.originCol;
    const line = this.line;
    if (!line || i < 0 || i >= line.length) return null;
    const v = line[i];
    return v === undefined ? null : v;
  }

  text(field: Field): string {
    const c = this.col(field);
    return c === undefined ? '' : cellText(this.cell(c));
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

  private read<T>(field: Field, how: Parse, profile?: Profile): Reading<T> {
    const c = this.col(field);
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

  rate(field: Field): Reading<number> {
    return this.read(field, Parse.Rate);
  }

  count(field: Field): Reading<number> {
    return this.read(field, Parse.Count);
  }

  /** A rate from its own column, or from its counts when the rate cell is blank (workbook.md). */
  rateWithCounts(rateField: Field, doneField: Field, totalField: Field): Reading<number> {
    const rate = this.rate(rateField);
    if (rate.state === 'invalid') return rate;
    const hasCounts = this.col(doneField) !== undefined && this.col(totalField) !== undefined;
    if (!hasCounts) return rate;
    const done = this.count(doneField);
    const total = this.count(totalField);
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
      const cell = this.address(totalField)!;
      if (fromCounts.ok === true) return { state: 'value', value: fromCounts.value, sheet: this.sheet.name, cell: this.address(doneField)! };
      if (fromCounts.ok === false) {
        const reason: Message = { code: fromCounts.code, params: { ...(fromCounts.params ?? {}) } };
        this.issues.push({ severity: 'error', sheet: this.sheet.name, cell, ...reason });
        return { state: 'invalid', sheet: this.sheet.name, cell, reason };
      }
    }
    if (rate.state === 'value') return rate;
    if (done.state === 'invalid') return done;
    if (total.state === 'invalid') return total;
    return rate.state === 'noColumn' ? { state: 'blank', sheet: this.sheet.name, cell: this.address(doneField) } : rate;
  }

  rating(field: Field, profile: Profile): Reading<string> {
    return this.read(field, Parse.Rating, profile);
  }

  yesNo(field: Field, decisions = false): Reading<boolean> {
    return this.read(field, decisions ? Parse.Decision : Parse.YesNo);
  }

  initiative(): Reading<boolean> {
    return this.read('initiative', Parse.Initiative);
  }

  readAll(profile: Profile): RowReadings {
    return {
      taskCompletion: this.rateWithCounts('taskCompletion', 'taskDone', 'taskTotal'),
      parRating: this.rating('parRating', profile),
      parScore: this.read('parScore', Parse.Score),
      sipas: this.rate('sipas'),
      onTime: this.rateWithCounts('onTime', 'onTimeCount', 'fileTotal'),
      initiative: this.initiative(),
      recognition: this.yesNo('initiativeRecognition', true),
      compliance: this.yesNo('compliance'),
      votesAgree: this.count('votesAgree'),
      votesTotal: this.count('votesTotal'),
    };
  }
}
