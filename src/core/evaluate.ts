/**
 * Evaluation: every candidate row becomes a Candidate with one outcome per applicable criterion
 * (pass / fail / unknown). Individuals inherit their unit's values by tolerant name matching.
 */
import { a1, type Grid, type SheetGrid } from './grid';
import type { CriterionId, Kind } from './ids';
import type { Profile, RateRule } from './profile';
import type { Candidate, CandidateFacts, CriterionResult, Issue, Message } from './result';
import { RowReader, TEXT_MAX, type Reading, type RowReadings } from './readings';
import { NearestUnits, suggestionLimit } from './nearest';
import { classifyRow } from './rows';
import type { DetectedTable } from './tables';
import { cleanName, editDistance, fold, someOthers } from './text';
import { comparePoints } from './values';

/**
 * What people inherit from their unit's row, kept for every unit while people are read (the unit's
 * other readings are let go as soon as the unit is evaluated: 25,000 units need not keep them all).
 */
interface UnitRow {
  candidate: Candidate;
  /** The unit's rating, from its PAR rating or score (effectiveRating), computed once. */
  rating: Reading<string>;
  taskCompletion: Reading<number>;
  parScore: Reading<number>;
  sipas: Reading<number>;
  onTime: Reading<number>;
}

interface Row {
  candidate: Candidate;
  readings: RowReadings;
  reader: RowReader;
}

/** The unit key for matching an individual's unit to a collective row. */
export function unitKey(name: string): string {
  // fold() leaves single spaces and none at either end, so the words are cut by position instead
  // of three regular expressions and their copies, once per person (test/core/suggestions.test.ts
  // holds it to those expressions).
  const f = fold(name);
  let start = 0;
  for (const p of UNIT_PREFIXES[0]) if (f.startsWith(p, start)) { start += p.length; break; }
  for (const p of UNIT_PREFIXES[1]) if (f.startsWith(p, start)) { start += p.length; break; }
  let end = f.length;
  for (const p of UNIT_SUFFIXES) if (end - p.length >= start && f.endsWith(p)) { end -= p.length; break; }
  return start === 0 && end === f.length ? f : f.slice(start, end);
}

const UNIT_PREFIXES = [['uy ban nhan dan ', 'ubnd '], ['phong ', 'xa ', 'phuong ', 'thi tran ']];
const UNIT_SUFFIXES = [' thi xa ninh hoa', ' thi xa', ' tx'];

function effectiveRating(readings: RowReadings, profile: Profile): Reading<string> {
  const r = readings.parRating;
  if (r.state === 'value' || r.state === 'invalid') return r;
  const s = readings.parScore;
  if (s.state === 'value') {
    const bands = [...profile.parScoreBands].sort((a, b) => b.min - a.min);
    if (!bands.length) {
      return { state: 'invalid', sheet: s.sheet, cell: s.cell, reason: { code: 'crit.parScoreNoBands', params: { score: s.value } } };
    }
    const band = bands.find((b) => s.value >= b.min);
    return { state: 'value', value: band ? band.rating : profile.ratingLadder[0], sheet: s.sheet, cell: s.cell };
  }
  if (s.state === 'invalid') return s;
  if (r.state === 'noColumn' && s.state === 'noColumn') return r;
  return r.state === 'blank' ? r : s;
}

function fmtOp(rule: RateRule): string {
  return rule.inclusive ? '≥' : '>';
}

function unknownFrom(id: CriterionId, reading: Reading<unknown>, candidateSheet: string, inherited: boolean): CriterionResult {
  switch (reading.state) {
    case 'noColumn':
      return { id, outcome: 'unknown', value: null, sheet: candidateSheet, cell: null, inherited, reason: { code: 'crit.noColumn', params: { criterion: id } } };
    case 'blank':
      return { id, outcome: 'unknown', value: null, sheet: reading.sheet, cell: reading.cell, inherited, reason: { code: 'crit.blank', params: { criterion: id } } };
    case 'invalid':
      return { id, outcome: 'unknown', value: null, sheet: reading.sheet, cell: reading.cell, inherited, reason: reading.reason };
    default:
      throw new Error('unreachable');
  }
}

/**
 * The reasons of rate and rating outcomes carry the rule, not the value: one object per rule and
 * outcome, shared by every row (50,000 rows would otherwise keep 100,000 more objects alive). The
 * value is the criterion's own, put back when the message is rendered (criterionMessage). Kept by
 * criterion and rule, looked up without building a key; a rule changed since is built anew.
 */
type ReasonPair = [pass: Message, fail: Message];
const rateReasons = new Map<CriterionId, ReasonPair>();
const ratingReasons = new Map<CriterionId, ReasonPair>();

function frozen(code: Message['code'], params: Message['params']): Message {
  return Object.freeze({ code, params: Object.freeze(params) });
}

function rateReason(id: CriterionId, rule: RateRule, pass: boolean): Message {
  let pair = rateReasons.get(id);
  const p = pair?.[0].params;
  if (!pair || p!.threshold !== rule.threshold || p!.inclusive !== (rule.inclusive ? 1 : 0)) {
    const params = (): Message['params'] => ({ criterion: id, threshold: rule.threshold, op: fmtOp(rule), inclusive: rule.inclusive ? 1 : 0 });
    pair = [frozen('crit.rate.pass', params()), frozen('crit.rate.fail', params())];
    rateReasons.set(id, pair);
  }
  return pair[pass ? 0 : 1];
}

function ratingReason(id: CriterionId, atLeast: string, pass: boolean): Message {
  let pair = ratingReasons.get(id);
  if (!pair || pair[0].params.atLeast !== atLeast) {
    pair = [frozen('crit.rating.pass', { criterion: id, atLeast }), frozen('crit.rating.fail', { criterion: id, atLeast })];
    ratingReasons.set(id, pair);
  }
  return pair[pass ? 0 : 1];
}

function rateCriterion(id: CriterionId, rule: RateRule, reading: Reading<number>, sheet: string, inherited = false): CriterionResult {
  if (reading.state !== 'value') return unknownFrom(id, reading, sheet, inherited);
  const cmp = comparePoints(reading.value, rule.threshold);
  const pass = rule.inclusive ? cmp >= 0 : cmp > 0;
  return { id, outcome: pass ? 'pass' : 'fail', value: reading.value, sheet: reading.sheet, cell: reading.cell, inherited, reason: rateReason(id, rule, pass) };
}

function ratingCriterion(id: CriterionId, atLeast: string, reading: Reading<string>, profile: Profile, sheet: string, inherited = false): CriterionResult {
  if (reading.state !== 'value') return unknownFrom(id, reading, sheet, inherited);
  const pass = profile.ratingLadder.indexOf(reading.value) >= profile.ratingLadder.indexOf(atLeast);
  return { id, outcome: pass ? 'pass' : 'fail', value: reading.value, sheet: reading.sheet, cell: reading.cell, inherited, reason: ratingReason(id, atLeast, pass) };
}

function initiativeCriterion(row: Row, profile: Profile): CriterionResult {
  const { initiative, recognition } = row.readings;
  const sheet = row.candidate.sheet;
  const text = row.reader.text(row.reader.cols.initiative, TEXT_MAX.initiative);
  const decision = row.reader.text(row.reader.cols.initiativeRecognition, TEXT_MAX.initiative);
  if (initiative.state === 'noColumn' && recognition.state === 'noColumn') return unknownFrom('initiative', initiative, sheet, false);
  if (initiative.state === 'invalid') return unknownFrom('initiative', initiative, sheet, false);
  if (recognition.state === 'invalid') return unknownFrom('initiative', recognition, sheet, false);
  const present = initiative.state === 'value' ? initiative.value : recognition.state === 'value' && recognition.value;
  const cell = initiative.state === 'value' ? initiative.cell : recognition.state === 'value' ? recognition.cell : null;
  if (!present) {
    return { id: 'initiative', outcome: 'fail', value: false, sheet, cell, inherited: false, reason: { code: 'crit.initiative.none', params: {} } };
  }
  const recognised =
    !profile.criteria.initiative.requireRecognition ||
    (recognition.state === 'value' && recognition.value) ||
    // "Sáng kiến … (QĐ số 12/QĐ-UBND)" in the initiative cell itself, with no recognition column.
    (recognition.state === 'noColumn' && /\d+\s*\/\s*q/i.test(text));
  const recCell = recognition.state === 'value' ? recognition.cell : cell;
  if (!recognised) {
    return { id: 'initiative', outcome: 'fail', value: false, sheet, cell: recCell, inherited: false, reason: { code: 'crit.initiative.notRecognised', params: { text } } };
  }
  return {
    id: 'initiative', outcome: 'pass', value: true, sheet, cell: recCell, inherited: false,
    reason: { code: 'crit.initiative.pass', params: { text: text || '—', decision: decision || '—' } },
  };
}

function complianceCriterion(row: Row): CriterionResult | null {
  const r = row.readings.compliance;
  if (r.state === 'noColumn') return null; // checked only when the sheet has a column for it
  if (r.state !== 'value') {
    if (r.state === 'blank') return unknownFrom('compliance', r, row.candidate.sheet, false);
    return unknownFrom('compliance', r, row.candidate.sheet, false);
  }
  // A blank reads as "no" for yes/no cells; for compliance a blank is missing data, not a fail.
  if (!r.value && !row.reader.text(row.reader.cols.compliance, TEXT_MAX.long)) {
    return unknownFrom('compliance', { state: 'blank', sheet: r.sheet, cell: r.cell }, row.candidate.sheet, false);
  }
  return {
    id: 'compliance', outcome: r.value ? 'pass' : 'fail', value: r.value, sheet: r.sheet, cell: r.cell, inherited: false,
    reason: { code: r.value ? 'crit.compliance.pass' : 'crit.compliance.fail', params: {} },
  };
}

/**
 * The council's vote of a row. Whenever the share is known it is recorded (the first ranking key,
 * threshold or not: criteria.md "Votes"); it is a criterion only when the profile sets a threshold.
 */
function votesCriterion(row: Row, profile: Profile, meetingVoters: number | undefined): CriterionResult | null {
  const agree = row.readings.votesAgree;
  if (agree.state === 'noColumn') return null;
  const criterion = profile.voteThreshold !== null;
  const sheet = row.candidate.sheet;
  if (agree.state !== 'value') return criterion ? unknownFrom('votes', agree, sheet, false) : null;
  const totalReading = row.readings.votesTotal;
  const total = totalReading.state === 'value' ? totalReading.value : meetingVoters;
  if (totalReading.state === 'invalid') return criterion ? unknownFrom('votes', totalReading, sheet, false) : null;
  if (!total) {
    return criterion ? { id: 'votes', outcome: 'unknown', value: null, sheet, cell: agree.cell, inherited: false, reason: { code: 'crit.votes.noTotal', params: {} } } : null;
  }
  if (agree.value > total) {
    return criterion
      ? { id: 'votes', outcome: 'unknown', value: null, sheet, cell: agree.cell, inherited: false, reason: { code: 'value.countsInconsistent', params: { done: agree.value, total } } }
      : null;
  }
  const share = Math.round(((agree.value * 100) / total) * 1e9) / 1e9;
  row.candidate.facts.votesAgree = agree.value;
  row.candidate.facts.votesTotal = total;
  row.candidate.facts.voteShare = share;
  if (profile.voteThreshold === null) return null;
  const cmp = comparePoints(share, profile.voteThreshold);
  const pass = profile.voteInclusive ? cmp >= 0 : cmp > 0;
  return {
    id: 'votes', outcome: pass ? 'pass' : 'fail', value: share, sheet, cell: agree.cell, inherited: false,
    reason: { code: pass ? 'crit.votes.pass' : 'crit.votes.fail', params: { agree: agree.value, total, value: share, threshold: profile.voteThreshold, op: profile.voteInclusive ? '≥' : '>' } },
  };
}

/** Reads a table's candidate rows in order, handing each to `onRow` as soon as it is read. */
function readRows(sheet: SheetGrid, table: DetectedTable, profile: Profile, issues: Issue[], onRow: (row: Row) => void): void {
  for (let r = table.firstDataRow - 1; r <= table.lastDataRow - 1; r++) {
    const kind = classifyRow(sheet, table, r);
    if (kind === 'nameless') {
      issues.push({ severity: 'warning', sheet: sheet.name, cell: a1(r, table.fieldCols.name!), code: 'row.nameless', params: { row: r + 1 } });
      continue;
    }
    if (kind !== 'candidate') continue;
    const reader = new RowReader(sheet, table, r, issues);
    const C = reader.cols;
    const name = cleanName(reader.text(C.name));
    const facts: CandidateFacts = {};
    let position = reader.text(C.position);
    let unit = reader.text(C.unit);
    if (table.positionAndUnit && position && !unit) {
      const comma = position.indexOf(',');
      if (comma > 0) {
        unit = position.slice(comma + 1).trim();
        position = position.slice(0, comma).trim();
      }
    }
    if (position) facts.position = position;
    if (unit) facts.unit = cleanName(unit);
    let t: string;
    if ((t = reader.text(C.birthYear))) facts.birthYear = t;
    if ((t = reader.text(C.gender))) facts.gender = t;
    if ((t = reader.text(C.hometown))) facts.hometown = t;
    if ((t = reader.text(C.qualification))) facts.qualification = t;
    if ((t = reader.text(C.achievement, TEXT_MAX.long))) facts.achievement = t;
    if ((t = reader.text(C.initiative, TEXT_MAX.initiative))) facts.initiative = t;
    if ((t = reader.text(C.initiativeRecognition, TEXT_MAX.initiative))) facts.initiativeRecognition = t;
    if ((t = reader.text(C.dissolved))) facts.dissolved = t;
    const women = reader.rate(C.womenShare);
    if (women.state === 'value') facts.womenShare = women.value;
    const readings = reader.readAll(profile);
    const candidate: Candidate = {
      kind: table.kind, name, sheet: sheet.name, row: r + 1, nameCell: a1(r, table.fieldCols.name!), facts, criteria: [],
      eligible: false, pinnedAward: null, duplicate: false, rank: null, award: null, overQuota: false, tiedAtCutoff: false,
    };
    const pin = reader.text(C.award);
    if (pin) {
      const awardId = matchAward(pin, profile);
      if (awardId) candidate.pinnedAward = awardId;
      else issues.push({ severity: 'warning', sheet: sheet.name, cell: reader.address(C.award), code: 'award.unknownPin', params: { text: pin } });
    }
    onRow({ candidate, readings, reader });
  }
}

/** "Giấy khen", "GK Chủ tịch UBND thị xã", "Bằng khen UBND tỉnh" → an award id of the profile. */
export function matchAward(text: string, profile: Profile): string | null {
  const f = fold(text);
  const exact = profile.awards.find((a) => fold(a.label) === f || a.id === f.replace(/ /g, '-'));
  if (exact) return exact.id;
  const families: [RegExp, string][] = [
    [/(^| )(bang khen|bk)( |$)/, 'bang khen'],
    [/(^| )(giay khen|gk)( |$)/, 'giay khen'],
  ];
  for (const [re, family] of families) {
    if (re.test(f)) {
      const hits = profile.awards.filter((a) => fold(a.label).includes(family));
      if (hits.length === 1) return hits[0].id;
      const better = hits.find((a) => fold(a.label).split(' ').filter((w) => w.length > 2 && f.includes(w)).length > 2);
      if (better) return better.id;
      if (hits.length) return hits[0].id;
    }
  }
  return null;
}

function record(facts: CandidateFacts, readings: RowReadings, rating: Reading<string>): void {
  if (readings.taskCompletion.state === 'value') facts.taskCompletion = readings.taskCompletion.value;
  if (rating.state === 'value') facts.parRating = rating.value;
  if (readings.parScore.state === 'value') facts.parScore = readings.parScore.value;
  if (readings.sipas.state === 'value') facts.sipas = readings.sipas.value;
  if (readings.onTime.state === 'value') facts.onTime = readings.onTime.value;
}

/** The criteria that apply, in an array of their own size (it lives as long as the result). */
function present(list: (CriterionResult | null)[]): CriterionResult[] {
  let n = 0;
  for (const x of list) if (x) n++;
  const out = new Array<CriterionResult>(n);
  n = 0;
  for (const x of list) if (x) out[n++] = x;
  return out;
}

function evaluateCollective(row: Row, profile: Profile, meetingVoters: number | undefined): UnitRow {
  const c = profile.criteria;
  const sheet = row.candidate.sheet;
  const rating = effectiveRating(row.readings, profile);
  record(row.candidate.facts, row.readings, rating);
  row.candidate.criteria = present([
    c.taskCompletion.enabled ? rateCriterion('taskCompletion', c.taskCompletion, row.readings.taskCompletion, sheet) : null,
    c.parIndex.enabled ? ratingCriterion('parIndex', c.parIndex.atLeast, rating, profile, sheet) : null,
    c.sipas.enabled ? rateCriterion('sipas', c.sipas, row.readings.sipas, sheet) : null,
    c.onTime.enabled ? rateCriterion('onTime', c.onTime, row.readings.onTime, sheet) : null,
    c.initiative.enabled ? initiativeCriterion(row, profile) : null,
    c.compliance.enabled ? complianceCriterion(row) : null,
    votesCriterion(row, profile, meetingVoters),
  ]);
  const r = row.readings;
  return { candidate: row.candidate, rating, taskCompletion: r.taskCompletion, parScore: r.parScore, sipas: r.sipas, onTime: r.onTime };
}

interface UnitIndex {
  /** A unit key's row, or its rows when several units share the key (one array only then). */
  byKey: Map<string, UnitRow | UnitRow[]>;
  rows: UnitRow[];
  keys: string[];
  /** Built on the first unknown unit. */
  nearest?: NearestUnits;
}

function indexUnits(collectives: UnitRow[]): UnitIndex {
  const byKey = new Map<string, UnitRow | UnitRow[]>();
  const keys = new Array<string>(collectives.length);
  for (let i = 0; i < collectives.length; i++) {
    const r = collectives[i];
    const key = unitKey(r.candidate.name);
    keys[i] = key;
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, r);
    else if (Array.isArray(known)) known.push(r);
    else byKey.set(key, [known, r]);
  }
  return { byKey, rows: collectives, keys };
}

function suggestions(unit: string, index: UnitIndex): string[] {
  index.nearest ??= new NearestUnits(index.rows.map((r, i) => ({ name: r.candidate.name, key: index.keys[i] })));
  return index.nearest.nearestToKey(unitKey(unit));
}

/**
 * Up to three unit names nearest to `unit` ("did you mean"), nearest first: the plain search,
 * the reference the trigram index (NearestUnits, src/core/nearest.ts) is tested against.
 */
export function nearestUnitNames(unit: string, units: { name: string; key: string }[]): string[] {
  const key = unitKey(unit);
  // The three nearest, ties kept in worksheet order. Once three are held, a name must beat the
  // third to enter, so later distances are computed with that tighter bound and stop early.
  const best: { name: string; d: number }[] = [];
  for (const u of units) {
    let limit = suggestionLimit(u.key);
    if (best.length === 3) limit = Math.min(limit, best[2].d - 1);
    if (limit < 0) break;
    // A length difference alone beyond the limit rules a name out: skip the costly distance.
    if (Math.abs(u.key.length - key.length) > limit) continue;
    const d = editDistance(key, u.key, limit);
    if (d > limit) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].d > d) at--;
    best.splice(at, 0, { name: u.name, d });
    if (best.length > 3) best.pop();
  }
  return best.map((x) => x.name);
}

function evaluateIndividual(row: Row, profile: Profile, units: UnitIndex, meetingVoters: number | undefined, issues: Issue[]): void {
  const c = profile.criteria;
  const cand = row.candidate;
  const sheet = cand.sheet;
  const unitName = cand.facts.unit ?? '';
  const found = unitName ? units.byKey.get(unitKey(unitName)) : undefined;
  const unitRow = found === undefined || Array.isArray(found) ? undefined : found;
  const matches = found === undefined ? 0 : Array.isArray(found) ? found.length : 1;
  let unitProblem: Message | null = null;
  if (!unitName) unitProblem = { code: 'crit.noUnit', params: {} };
  else if (matches > 1) unitProblem = { code: 'crit.unitAmbiguous', params: { unit: unitName } };
  else if (!unitRow) {
    const hints = suggestions(unitName, units);
    unitProblem = { code: hints.length ? 'crit.unitNotFoundHint' : 'crit.unitNotFound', params: { unit: unitName, suggestions: hints.join('; ') } };
    issues.push({ severity: 'warning', sheet, cell: row.reader.address(row.reader.cols.unit) ?? row.reader.address(row.reader.cols.position) ?? cand.nameCell, ...unitProblem });
  }
  if (unitRow) cand.matchedUnit = unitRow.candidate.name;

  // Own value first; else the unit's; else unknown saying why. (Plain code, no closures: this runs per person.)
  const ownRating = effectiveRating(row.readings, profile);
  const unitRating = unitRow ? unitRow.rating : ownRating;
  const ownSipas = row.readings.sipas;
  const sipasInherited = !!unitRow && ownSipas.state !== 'value' && ownSipas.state !== 'invalid';
  const sipas = sipasInherited ? unitRow.sipas : ownSipas;
  const ownOnTime = row.readings.onTime;
  const onTimeInherited = !!unitRow && ownOnTime.state !== 'value' && ownOnTime.state !== 'invalid';
  const onTime = onTimeInherited ? unitRow.onTime : ownOnTime;
  const facts = cand.facts;
  if (unitRating.state === 'value') facts.parRating = unitRating.value;
  if (sipas.state === 'value') facts.sipas = sipas.value;
  if (onTime.state === 'value') facts.onTime = onTime.value;
  if (unitRow?.taskCompletion.state === 'value') facts.taskCompletion = unitRow.taskCompletion.value;
  if (unitRow?.parScore.state === 'value') facts.parScore = unitRow.parScore.value;

  cand.criteria = present([
    c.unitParIndex.enabled
      ? known(unitRating, unitProblem)
        ? ratingCriterion('unitParIndex', c.unitParIndex.atLeast, unitRating, profile, sheet, !!unitRow)
        : unknownUnit('unitParIndex', row, unitProblem!)
      : null,
    c.sipas.enabled ? (known(sipas, unitProblem) ? rateCriterion('sipas', c.sipas, sipas, sheet, sipasInherited) : unknownUnit('sipas', row, unitProblem!)) : null,
    c.onTime.enabled ? (known(onTime, unitProblem) ? rateCriterion('onTime', c.onTime, onTime, sheet, onTimeInherited) : unknownUnit('onTime', row, unitProblem!)) : null,
    c.initiative.enabled ? initiativeCriterion(row, profile) : null,
    c.compliance.enabled ? complianceCriterion(row) : null,
    votesCriterion(row, profile, meetingVoters),
  ]);
}

/** A person's reading stands on its own (a value or a bad cell), or there is no unit problem to tell instead. */
function known(reading: Reading<unknown>, unitProblem: Message | null): boolean {
  return reading.state === 'value' || reading.state === 'invalid' || !unitProblem;
}

function unknownUnit(id: CriterionId, row: Row, reason: Message): CriterionResult {
  const cand = row.candidate;
  return { id, outcome: 'unknown', value: null, sheet: cand.sheet, cell: row.reader.address(row.reader.cols.unit) ?? cand.nameCell, inherited: false, reason };
}

function markDuplicates(candidates: Candidate[], issues: Issue[]): void {
  // A name's first candidate is kept as is; an array only for the names that repeat.
  const seen = new Map<string, Candidate | Candidate[]>();
  for (let i = 0; i < candidates.length; i++) {
    const r = candidates[i];
    const key = `${r.sheet}\u0000${fold(r.name)}`;
    const known = seen.get(key);
    if (known === undefined) seen.set(key, r);
    else if (Array.isArray(known)) known.push(r);
    else seen.set(key, [known, r]);
  }
  // In the order of each name's first row (a Map keeps the order keys were first set).
  seen.forEach((group) => {
    if (!Array.isArray(group)) return;
    for (const r of group) {
      r.duplicate = true;
      const others = someOthers(group, r, (o) => String(o.row), ', ');
      issues.push({ severity: 'error', sheet: r.sheet, cell: r.nameCell, code: 'row.duplicateName', params: { name: r.name, rows: others } });
    }
  });
}

export interface EvaluateOptions {
  /** Voters at the meeting, when votes per row carry no total. */
  meetingVoters?: number;
}

/**
 * Reads and evaluates every candidate of the given tables. Units first (people inherit from them);
 * then each person is evaluated as soon as read, so that the readings of 25,000 rows need not all
 * live at once. The issues keep the order they always had: each table's reading problems in table
 * order, then the people's unit problems, then duplicates and missing achievements.
 */
export function evaluate(grid: Grid, tables: DetectedTable[], profile: Profile, issues: Issue[], opts: EvaluateOptions = {}): Candidate[] {
  const sheetOf = (table: DetectedTable) => grid.sheets.find((s) => s.name === table.sheet)!;
  const readIssues: Issue[][] = tables.map(() => []);
  const collectives: UnitRow[] = [];
  tables.forEach((table, i) => {
    // Evaluated as read (a unit's evaluation adds no issue, so the order of issues is unchanged).
    if (table.kind === 'collective') readRows(sheetOf(table), table, profile, readIssues[i], (row) => collectives.push(evaluateCollective(row, profile, opts.meetingVoters)));
  });
  const units = indexUnits(collectives);
  const individuals: Candidate[] = [];
  const unitIssues: Issue[] = [];
  tables.forEach((table, i) => {
    if (table.kind !== 'individual') return;
    readRows(sheetOf(table), table, profile, readIssues[i], (row) => {
      evaluateIndividual(row, profile, units, opts.meetingVoters, unitIssues);
      individuals.push(row.candidate);
    });
  });
  for (const list of readIssues) for (let k = 0; k < list.length; k++) issues.push(list[k]);
  for (let k = 0; k < unitIssues.length; k++) issues.push(unitIssues[k]);
  const unitCandidates = collectives.map((r) => r.candidate);
  // Duplicates are per table (a person or a unit is proposed once).
  markDuplicates(unitCandidates, issues);
  markDuplicates(individuals, issues);
  const all = unitCandidates.concat(individuals);
  for (let k = 0; k < all.length; k++) {
    const candidate = all[k];
    candidate.eligible = candidate.criteria.length > 0 && candidate.criteria.every((c) => c.outcome === 'pass');
    // The Mẫu 07 report needs the achievement text: only worth a warning for those who may be proposed.
    if (candidate.eligible && !candidate.facts.achievement) {
      issues.push({ severity: 'warning', sheet: candidate.sheet, cell: candidate.nameCell, code: 'row.noAchievement', params: { name: candidate.name } });
    }
  }
  return all;
}
