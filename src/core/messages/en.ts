import type { Params } from './catalogue';
import type { CoreCode } from './vi';
import { formatNumber, formatPercent } from './format';

const pct = (v: unknown) => formatPercent(Number(v), 'en');
const num = (v: unknown) => formatNumber(Number(v), 'en');

export const CRITERION_LABELS_EN: Record<string, string> = {
  taskCompletion: 'CCHC task completion',
  parIndex: 'PAR Index rating',
  unitParIndex: "Unit's PAR Index rating",
  sipas: 'SIPAS index',
  onTime: 'Files resolved on time',
  initiative: 'Recognised initiative',
  compliance: 'Compliance with policy',
  votes: 'Share of votes in favour',
};

const label = (p: Params) => CRITERION_LABELS_EN[String(p.criterion)] ?? String(p.criterion);
const rule = (p: Params) => (Number(p.inclusive) ? `${pct(p.threshold)} or more` : `more than ${pct(p.threshold)}`);

/** Every code of the Vietnamese catalogue, no other (a missing or stray translation fails the type check). */
export const en: Record<CoreCode, (p: Params) => string> = {
  'value.formulaError': (p) => `Formula error (${p.error}): fix this cell's formula.`,
  'value.rateNotNumber': (p) => `"${p.text}" is not a rate: type a number such as 98.5 or 98.5%.`,
  'value.rateOutOfRange': (p) => `Rate ${num(p.value)}% is outside 0–100%.`,
  'value.countNotNumber': (p) => `"${p.text}" is not a count.`,
  'value.countInvalid': (p) => `Count ${p.value} is invalid (must be a whole number, not negative).`,
  'value.zeroDenominator': () => `The total is 0: no rate can be computed.`,
  'value.countsInconsistent': (p) => `The count (${p.done}) is larger than the total (${p.total}).`,
  'value.ratingUnknown': (p) => `"${p.text}" is not a rating (${p.ladder}).`,
  'value.yesNoUnknown': (p) => `"${p.text}" cannot be read as yes/no.`,
  'value.rateDisagreesWithCounts': (p) =>
    `The rate ${pct(p.rate)} differs from the rate of its counts ${p.done}/${p.total} = ${pct(p.computed)}; the rate cell is used.`,
  'crit.noColumn': (p) => `No "${label(p)}" column was found in the table.`,
  'crit.blank': (p) => `"${label(p)}" is blank.`,
  'crit.rate.pass': (p) => `${label(p)} ${pct(p.value)}: met (needs ${rule(p)}).`,
  'crit.rate.fail': (p) => `${label(p)} ${pct(p.value)}: not met (needs ${rule(p)}).`,
  'crit.rating.pass': (p) => `${label(p)} "${p.value}": met (needs "${p.atLeast}" or better).`,
  'crit.rating.fail': (p) => `${label(p)} "${p.value}": not met (needs "${p.atLeast}" or better).`,
  'crit.parScoreNoBands': (p) => `Only a PAR Index score (${num(p.score)}) is given and the profile has no score bands: set them in Settings.`,
  'crit.initiative.none': () => `No initiative.`,
  'crit.initiative.notRecognised': (p) => `Initiative "${p.text}" has not been recognised by a competent authority.`,
  'crit.initiative.pass': (p) => `Initiative "${p.text}", recognised (${p.decision}).`,
  'crit.compliance.pass': () => `Complies with policy.`,
  'crit.compliance.fail': () => `Does not meet the compliance condition.`,
  'crit.votes.noTotal': () => `Votes in favour are given but not the total (per row or for the meeting).`,
  'crit.votes.pass': (p) => `${p.agree}/${p.total} votes in favour (${pct(p.value)}): met (needs ${p.op} ${pct(p.threshold)}).`,
  'crit.votes.fail': (p) => `${p.agree}/${p.total} votes in favour (${pct(p.value)}): not met (needs ${p.op} ${pct(p.threshold)}).`,
  'crit.noUnit': () => `No unit given: the unit's indicators cannot be used.`,
  'crit.unitAmbiguous': (p) => `Unit "${p.unit}" matches several collective rows.`,
  'crit.unitNotFound': (p) => `Unit "${p.unit}" was not found in the collectives table.`,
  'crit.unitNotFoundHint': (p) => `Unit "${p.unit}" was not found in the collectives table. Did you mean: ${p.suggestions}?`,
  'row.nameless': (p) => `Row ${p.row} has values but no name: skipped.`,
  'row.duplicateName': (p) => `"${p.name}" appears more than once (also row ${p.rows}): each is proposed once; neither row is considered until fixed.`,
  'initiative.reused': (p) =>
    `The initiative "${p.initiative}" with the same recognition is also claimed by: ${p.others}. An initiative may be used only once as a criterion for an award (Official letter 5007/BNV-TĐKT of 05/9/2023): the council decides whose it is.`,
  'unit.dissolved': (p) =>
    `"${p.name}" is marked "${p.reason}": a unit dissolved or merged in the reorganisation is not proposed for an award (Circular 15/2025/TT-BNV).`,
  'unit.dissolvedListed': (p) =>
    `"${p.name}" is on the profile's list of dissolved or merged units: not proposed for an award (Circular 15/2025/TT-BNV).`,
  'row.noAchievement': (p) => `No achievement summary for "${p.name}" (needed for the achievement report).`,
  'history.noHeader': (p) => `The sheet "Lịch sử khen thưởng" has no header row that can be recognised: it needs the columns ${p.columns}.`,
  'history.noName': (p) => `Row ${p.row} of the award history has no collective/individual name: the row is skipped.`,
  'history.noAward': (p) => `No title or form of award is given for "${p.name}".`,
  'history.badYear': (p) => `"${p.text}" is not a year (write 4 digits, e.g. 2021).`,
  'history.badDate': (p) => `"${p.text}" cannot be read as a date (write dd/mm/yyyy, e.g. 15/11/2021): it is printed as typed in the achievement report.`,
  'history.alreadyAwarded': (p) => `"${p.name}" is proposed, but the history says they already received "${p.award}" in ${p.year} (decision ${p.decision}): check before awarding twice.`,
  'history.nameNearMiss': (p) => `"${p.name}" matches no collective or individual; did you mean: ${p.suggestions}?`,
  'award.unknownPin': (p) => `Award "${p.text}" is not recognised.`,
  'award.pinNotEligible': (p) => `"${p.name}" has a proposed award but does not meet every criterion.`,
  'award.pinOverflow': (p) => `${p.award}: ${p.count} ${p.kind === 'collective' ? 'collectives' : 'individuals'} pinned, over the quota of ${p.quota}.`,
  'rank.tiedAtCutoff': (p) =>
    `"${p.name}" is tied at rank ${p.rank} with ${Number(p.count) - 1} other(s) for the last ${p.places} place(s): the council decides (fill in "Hình thức đề nghị").`,
  'override.incomplete': () => `This sheet's table setting lacks a header row or kind: automatic detection is used.`,
  'override.badColumn': (p) => `Column "${p.column}" set for field ${p.field} is invalid.`,
  'table.noNameColumn': () => `The table has no name column (Tên đơn vị / Họ và tên).`,
  'state.entryDropped': (p) =>
    `The add-in's data saved in the workbook (hidden sheet "${p.sheet}", entry "${p.key}") ${p.why === 'json' ? 'is not valid JSON' : 'has a wrong shape'} and is ignored; the rest is used.`,
  'workbook.noTables': () =>
    `No table of collectives or individuals was found. A header row (within the first 20 rows) needs a name column ("Tên đơn vị" or "Họ và tên") and indicator columns such as "Tỷ lệ hồ sơ đúng hạn", "Chỉ số SIPAS", "Xếp loại PAR Index".`,
};
