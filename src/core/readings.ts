/**
 * Reading one candidate row into indicator readings: each reading is a value with the cell it came
 * from, or the reason it could not be read (which becomes an `unknown` and a data problem).
 */
import { a1, cellAt, formatAt, type SheetGrid } from './grid';
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

export class RowReader {
  constructor(
    private readonly sheet: SheetGrid,
    private readonly table: DetectedTable,
    private readonly row: number,
    private readonly issues: Issue[],
  ) {}

  col(field: Field): number | undefined {
    return this.table.fieldCols[field];
  }

  address(field: Field): string | null {
    const c = this.col(field);
    return c === undefined ? null : a1(this.row, c);
  }

  text(field: Field): string {
    const c = this.col(field);
    return c === undefined ? '' : cellText(cellAt(this.sheet, this.row, c));
  }

  private read<T>(field: Field, parse: (c: number) => Parsed<T>, blankIsProblem = true): Reading<T> {
    const c = this.col(field);
    if (c === undefined) return NO_COLUMN;
    const cell = a1(this.row, c);
    const parsed = parse(c);
    if (parsed.ok === 'blank') {
      return { state: 'blank', sheet: this.sheet.name, cell };
    }
    if (parsed.ok === false) {
      const reason: Message = { code: parsed.code, params: { ...(parsed.params ?? {}) } };
      this.issues.push({ severity: 'error', sheet: this.sheet.name, cell, ...reason });
      return { state: 'invalid', sheet: this.sheet.name, cell, reason };
    }
    void blankIsProblem;
    return { state: 'value', value: parsed.value, sheet: this.sheet.name, cell };
  }

  rate(field: Field): Reading<number> {
    return this.read(field, (c) => parseRate(cellAt(this.sheet, this.row, c), formatAt(this.sheet, this.row, c)));
  }

  count(field: Field): Reading<number> {
    return this.read(field, (c) => parseCount(cellAt(this.sheet, this.row, c)));
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
    return this.read(field, (c) => parseRating(cellAt(this.sheet, this.row, c), profile.ratingLadder));
  }

  yesNo(field: Field, decisions = false): Reading<boolean> {
    return this.read(field, (c) => parseYesNo(cellAt(this.sheet, this.row, c), decisions));
  }

  initiative(): Reading<boolean> {
    return this.read('initiative', (c) => initiativePresent(cellAt(this.sheet, this.row, c)));
  }

  readAll(profile: Profile): RowReadings {
    return {
      taskCompletion: this.rateWithCounts('taskCompletion', 'taskDone', 'taskTotal'),
      parRating: this.rating('parRating', profile),
      parScore: this.read('parScore', (c) => {
        const v = cellAt(this.sheet, this.row, c);
        const p = parseCount(v);
        if (p.ok === false && p.code === 'value.countInvalid') {
          // Scores may have decimals: accept any non-negative number.
          return typeof v === 'number' && v >= 0 ? { ok: true, value: v } : p;
        }
        return p;
      }),
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
