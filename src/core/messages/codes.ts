/**
 * The message codes: what the core and the adapters say to the user, as data (code + params). Every
 * language file renders every code (src/core/messages/{vi,en}.ts, typed by Record<MessageCode, …>),
 * so a code without a text, or a text without a code, fails the type check. No imports: any core
 * module may depend on this file without a cycle.
 */

export type Params = Record<string, string | number>;

/** How a language renders one message. */
export type Render = (p: Params) => string;

/** The core's: values, criteria, rows, history, awards, the saved state. */
export type CoreCode =
  | 'value.formulaError'
  | 'value.rateNotNumber'
  | 'value.rateOutOfRange'
  | 'value.countNotNumber'
  | 'value.countInvalid'
  | 'value.zeroDenominator'
  | 'value.countsInconsistent'
  | 'value.ratingUnknown'
  | 'value.yesNoUnknown'
  | 'value.rateDisagreesWithCounts'
  | 'crit.noColumn'
  | 'crit.blank'
  | 'crit.rate.pass'
  | 'crit.rate.fail'
  | 'crit.rating.pass'
  | 'crit.rating.fail'
  | 'crit.parScoreNoBands'
  | 'crit.initiative.none'
  | 'crit.initiative.notRecognised'
  | 'crit.initiative.pass'
  | 'crit.compliance.pass'
  | 'crit.compliance.fail'
  | 'crit.votes.noTotal'
  | 'crit.votes.pass'
  | 'crit.votes.fail'
  | 'crit.noUnit'
  | 'crit.unitAmbiguous'
  | 'crit.unitNotFound'
  | 'crit.unitNotFoundHint'
  | 'row.nameless'
  | 'row.textCut'
  | 'limit.tableRows'
  | 'row.duplicateName'
  | 'initiative.reused'
  | 'unit.dissolved'
  | 'unit.dissolvedListed'
  | 'unit.outsideCompetence'
  | 'row.noAchievement'
  | 'history.noHeader'
  | 'history.noName'
  | 'history.noAward'
  | 'history.badYear'
  | 'history.badDate'
  | 'history.alreadyAwarded'
  | 'history.nameNearMiss'
  | 'history.nearMissSkipped'
  | 'award.unknownPin'
  | 'award.pinNotEligible'
  | 'award.pinOverflow'
  | 'rank.tiedAtCutoff'
  // The council meeting (src/core/meeting.ts)
  | 'crit.votes.none'
  | 'crit.initiative.owned'
  | 'crit.initiative.shared'
  | 'meeting.presentOverTotal'
  | 'meeting.unknownCandidate'
  | 'meeting.ambiguousCandidate'
  | 'meeting.duplicateVote'
  | 'meeting.votesOverMembers'
  | 'meeting.votersOverMembers'
  | 'meeting.votesOverVoters'
  | 'meeting.badCount'
  | 'override.incomplete'
  | 'override.badColumn'
  | 'table.noNameColumn'
  | 'state.entryDropped'
  | 'workbook.noTables';

/** The file adapter's (src/xlsx): workbooks that cannot be read or written, `thidua clear`. */
export type XlsxCode =
  | 'xlsx.notFound'
  | 'xlsx.notAFile'
  | 'xlsx.empty'
  | 'xlsx.encrypted'
  | 'xlsx.legacyXls'
  | 'xlsx.encryptedOrXls'
  | 'xlsx.notXlsx'
  | 'xlsx.corrupt'
  | 'xlsx.unreadable'
  | 'xlsx.tooLarge'
  | 'xlsx.tooManyParts'
  | 'xlsx.duplicatePart'
  | 'xlsx.copyType'
  | 'xlsx.cannotPatch'
  | 'xlsx.copyMissingSheets'
  | 'xlsx.copyGoneCandidates'
  | 'xlsx.copyUserChanges'
  | 'xlsx.copyThreaded'
  | 'xlsx.cleared'
  | 'xlsx.nothingToClear'
  | 'xlsx.clearBackupDamaged'
  | 'xlsx.clearMissingOut';

/** The command line's file writing (src/cli/safeWrite.ts). */
export type WriteCode =
  | 'write.sameAsInput'
  | 'write.notRegularFile'
  | 'write.failed';

/** Bounded cost and clean documents: an input beyond a limit, a part in an encoding we cannot read, text cleaned. */
export type LimitCode =
  | 'limit.workbook'
  | 'limit.encoding'
  | 'limit.jsonInput'
  | 'limit.textCleaned'
  | 'write.userEdited'
  | 'write.outsideFolder'
  | 'limit.inputFile';

export type MessageCode = CoreCode | XlsxCode | WriteCode | LimitCode;

/** A message as data: a code and its parameters, rendered per language by render.ts. */
export interface Message {
  code: MessageCode;
  params: Params;
}

export type Severity = 'error' | 'warning';

/** A data problem, always tied to a sheet and (when there is one) a cell. */
export interface Issue extends Message {
  severity: Severity;
  sheet: string;
  /** A1 address, or null for a problem of the whole sheet. */
  cell: string | null;
}
