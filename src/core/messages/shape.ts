/**
 * The shape of a language file: every word the add-in, the task pane and the command line show,
 * grouped by area. `messages` renders the coded messages (codes.ts); the other areas are the fixed
 * words of one screen or command. vi.ts and en.ts are both typed by Text, so neither can lack a word.
 */
import type { MessageCode, Render } from './codes';
import type { CriterionId, Field, Kind, RankingKey, TemplateId } from '../ids';

/** The groups of the pane's dossier form (src/taskpane/dossier/form.ts). */
export type DossierFieldGroup = 'body' | 'signer' | 'movement' | 'meeting' | 'decision';

export interface Text {
  /** The coded messages (data problems, reasons, file errors). */
  messages: Record<MessageCode, Render>;
  /** Criterion names: full (reasons, legends), short (the pane), abbreviated (the CLI table's columns). */
  criteria: { label: Record<CriterionId, string>; short: Record<CriterionId, string>; abbrev: Record<CriterionId, string> };
  /** The result sheet, the notes and the CLI table. */
  labels: Labels;
  /** System error codes of the file system in words (EACCES…). */
  fsErrors: Record<string, string>;
  cli: CliText;
  cliDossier: CliDossierText;
  cliAfter: CliAfterText;
  pane: PaneText;
  paneLaw: PaneLawText;
  paneDossier: PaneDossierText;
  paneAfter: PaneAfterText;
  /** The overview block of the result sheet (and of the CLI's copy). */
  overviewSheet: {
    heading: string;
    rows: Record<'eligible' | 'proposed' | 'failing' | 'missing' | 'overQuota' | 'tied' | 'total', string>;
    questions: (n: number) => string;
    quotaHeading: string;
    noQuota: string;
    criteriaHeading: string;
    fail: string;
    unknown: string;
    none: string;
  };
  /** The profile form's fields, naming where a problem is ("SIPAS — ngưỡng"). */
  profileFields: ProfileFieldsText;
  /** The ribbon's Kiểm tra nhanh dialog. */
  quickCheck: QuickCheckText;
  /** Problems of the Word templates (src/docx) and of a certificate layout. */
  documents: DocumentsText;
  /** The Excel adapter's words to the user (src/excel). */
  excel: ExcelText;
  /** The offline page dist/thidua.html (src/offline): picking the file, reading it, the copies. */
  offline: OfflineText;
}

export interface OfflineText {
  title: string;
  subtitle: string;
  /** The three steps shown before a file is picked. */
  steps: string[];
  choose: string;
  drop: string;
  dropHere: string;
  private: string;
  loading: (name: string, mb: string) => string;
  reading: (name: string) => string;
  read: (name: string) => string;
  current: string;
  other: string;
  download: string;
  unchanged: string;
  changed: string;
  annotatedSuffix: string;
  clearedSuffix: string;
  downloaded: (name: string) => string;
  cell: (sheet: string, cell: string) => string;
  notAWorkbook: (name: string) => string;
  noWorker: string;
}

export interface ProfileFieldsText {
  name: string;
  ladder: string;
  threshold: string;
  atLeast: string;
  enabled: string;
  recognition: string;
  band: (i: number) => string;
  bandMin: string;
  bandRating: string;
  votes: string;
  award: (label: string) => string;
  quota: Record<Kind, string>;
  awardLabel: string;
  keys: string;
  root: string;
  grantor: string;
  preset: string;
  voteBase: string;
  women: string;
  dissolved: string;
  frames: string;
}

export interface QuickCheckText {
  title: string;
  failedTitle: string;
  kind: Record<Kind, string>;
  proposed: (kind: string, parts: string[], total: number) => string;
  candidates: (n: number, eligible: number) => string;
  failing: (n: number) => string;
  problems: (n: number, errors: number) => string;
  ties: (n: number) => string;
  unchanged: string;
  more: string;
  close: string;
}

/** docxtemplater's error ids we explain in words (others fall back to invalidTag). */
export type TagErrorId =
  | 'unclosed_tag'
  | 'unopened_tag'
  | 'unclosed_loop'
  | 'unopened_loop'
  | 'closing_tag_does_not_match_opening_tag'
  | 'duplicate_open_tag'
  | 'duplicate_close_tag'
  | 'unbalanced_loop_tags'
  | 'raw_xml_tag_should_be_only_text_in_paragraph';

export interface DocumentsText {
  templateMissing: (id: string) => string;
  notDocx: (file: string) => string;
  part: { document: string; body: string; header: string; footer: string };
  problem: (file: string, where: string, what: string) => string;
  invalidTag: (tag: string | null, why: string | undefined) => string;
  tagError: Record<TagErrorId, (tag: string) => string>;
  unknownTag: (file: string, tag: string, best: string) => string;
  layoutNotObject: string;
}

export interface ExcelText {
  /** Said once per workbook before the first Đánh dấu: Excel cannot undo what an add-in writes. */
  undoNotice: { none: string; sheetDeleted: string };
  cellEdit: string;
  tooLarge: string;
  responseTooLarge: string;
  protectedSheets: (names: string, many: boolean) => string;
  protectedWorkbook: string;
  accessDenied: string;
  merged: string;
  table: string;
  notFound: string;
  hiddenSheet: string;
  /** Another user moved rows while the add-in wrote, twice in a row: what it wrote was put back. */
  rowsMoved: string;
  missingSheets: (names: string) => string;
  goneCandidates: (names: string, forgotten: boolean) => string;
  lostCells: (n: number, cells: string, forgotten: boolean) => string;
  unreachable: Record<'notes' | 'comments', (n: number) => string>;
  userFills: (n: number, cells: string) => string;
  userNotes: (n: number, cells: string) => string;
  lostState: (n: number, damaged: boolean) => string;
  damagedOnly: string;
  unsupported: string;
  internal: string;
  notImplemented: string;
  invalidOperation: string;
  invalidArgument: string;
  alreadyExists: string;
  conflict: string;
  aborted: string;
  tooManyCells: string;
  filtered: string;
  inactive: string;
  noExcel: string;
  generic: (detail: string) => string;
}

export interface Labels {
  kind: { collective: string; individual: string };
  kindPlural: { collective: string; individual: string };
  resultTitle: string;
  profile: string;
  header: { rank: string; kind: string; name: string; unit: string; result: string; award: string; reasons: string; sheetRow: string };
  outcome: { eligible: string; fail: string; unknown: string; duplicate: string };
  proposal: { overQuota: string; tied: string; none: string };
  notePrefix: string;
  noteProposed: (award: string, rank: number) => string;
  noteOverQuota: (rank: number) => string;
  noteTied: (rank: number) => string;
  noteNotEligible: string;
  quotaLine: (award: string, parts: string) => string;
  quotaPart: (used: number, quota: number, kind: string, overflow: number) => string;
  /** An award whose quota is 0 for a kind (or both) and that nobody holds: not a result of 0/0. */
  noQuota: (kinds: string) => string;
  tieLine: (award: string, kind: string, rank: number, places: number, names: string) => string;
  /** The council's open questions (src/core/meeting.ts) besides ties, and its decisions as applied. */
  council: {
    questionInitiative: (initiative: string, names: string) => string;
    questionOverflow: (award: string, kind: string, count: number, quota: number) => string;
    questions: (n: number) => string;
    dropped: string;
    droppedReason: (reason: string) => string;
    placed: string;
    /** The sign of a criterion met with a question open on it. */
    pendingSign: string;
  };
  legend: string;
  /** The printed result sheet (src/core/printLayout.ts): the criteria above, the questions' block, the page footer. */
  print: {
    criteria: (kind: string, lines: string) => string;
    questionsHeading: (n: number) => string;
    /** Cells with a problem left unmarked past the annotation's limit (MARKS_MAX). */
    unmarked: (count: number, limit: number) => string;
    quotaHeading: string;
    preparer: (name: string) => string;
    page: string;
    printed: string;
  };
  inherited: string;
  /** A yes/no criterion's value in a cell. */
  yes: string;
  no: string;
}

export interface CliText {
  usage: string;
  badArgument: (a: string) => string;
  missingWorkbook: string;
  profileUnreadable: (path: string, why: string) => string;
  profileInvalid: (path: string) => string;
  annotateSameFile: string;
  annotated: (path: string, mode: string) => string;
  unexpected: (why: string) => string;
  noTables: string;
  tablesFound: string;
  problems: string;
  noProblems: string;
  quotas: string;
  ties: string;
  profileLine: (name: string) => string;
  headers: { rank: string; name: string; unit: string; result: string; award: string };
  tableLine: (sheet: string, kind: string, headerRow: number, columns: string) => string;
  severity: { error: string; warning: string };
  kindTitle: { collective: string; individual: string };
  noCandidates: string;
  profileProblemsInWorkbook: string;
  unknownPreset: (id: string, ids: string[]) => string;
  presetsTitle: string;
  presetDefault: string;
  presetLine: (id: string) => string;
}

export interface CliDossierText {
  missingOut: string;
  unreadable: (file: string, why: string) => string;
  notJson: (file: string, why: string) => string;
  factsInvalid: (file: string) => string;
  savedFactsInvalid: string;
  templatesDirMissing: (dir: string) => string;
  templatesDirEmpty: (dir: string, names: string[]) => string;
  templatesInvalid: string;
  nothingWritten: string;
  /** The council meeting refused (src/core/meeting.ts): its problems follow, each where it is. */
  meetingRefused: (file: string) => string;
  cannotWrite: (target: string, why: string) => string;
  written: (n: number, where: string) => string;
  proposed: (award: string, collective: number, individual: number) => string;
  formVersion: (v: string) => string;
  customTemplates: (files: string[]) => string;
  missingFacts: (paths: string[]) => string;
  twoCopies: string;
  keptChanged: (files: string[]) => string;
  legalFrame: (name: string, form: string) => string;
  pdfWritten: (n: number) => string;
  pdfNotInstalled: string;
  pdfFailed: (detail: string, n: number) => string;
}

export interface CliAfterText {
  missingOut: string;
  decisionsWritten: (n: number, where: string) => string;
  awarded: (award: string, collective: number, individual: number) => string;
  nothingToDecide: string;
  missingDecisionFacts: (paths: string[]) => string;
  certificatesWritten: (n: number, file: string) => string;
  calibrationWritten: (file: string) => string;
  layoutInvalid: (file: string) => string;
  savedLayoutInvalid: string;
  layoutUsed: (where: string) => string;
  layoutSaved: string;
  layoutDefault: (paper: string) => string;
  noAwardees: string;
  missingFacts: string;
  annotateSameFile: string;
  recorded: (n: number, decision: string, file: string) => string;
  alreadyRecorded: (decision: string, rows: string) => string;
  decisionIncomplete: (paths: string[]) => string;
  cannotWrite: (target: string, why: string) => string;
  /** `thidua ballots` (src/cli/ballotsCommand.ts). */
  ballotsWritten: (copies: number, candidates: number, file: string) => string;
  countWritten: (file: string) => string;
  noCountYet: string;
  noBallotCandidates: string;
}

export interface PaneText {
  title: string;
  subtitle: string;
  outsideExcelTitle: string;
  outsideExcelBody: string;
  outsideExcelHint: string;
  officeMissing: string;
  /** Excel older than the manifest's minimum (ExcelApi 1.9): where to go instead. */
  oldExcelTitle: string;
  oldExcelBody: string;
  oldExcelHint: string;
  actions: { check: string; review: string; annotate: string; clear: string; dossier: string };
  /** The same labels, for hints that name a button ("Bấm “Kiểm tra dữ liệu”…"). */
  actionTips: { check: string; review: string; annotate: string; clear: string; dossier: string };
  sections: { data: string; review: string; annotate: string; dossier: string };
  hints: { start: string; reviewFirst: string; annotateIdle: string };
  progress: { check: string; review: string; annotate: string; clear: string; save: string; select: string; dossier: string };
  errors: { title: string; unexpected: (detail: string) => string; dismiss: string };
  profile: (name: string) => string;
  profileSaved: (name: string) => string;
  profileProblems: string;
  tables: {
    none: string;
    found: (n: number) => string;
    sheet: string;
    kind: string;
    headerRow: string;
    rows: (first: number, last: number) => string;
    candidates: (n: number) => string;
    editMapping: string;
    recognised: (n: number) => string;
    unrecognised: (headers: string) => string;
    edit: string;
    field: string;
    column: string;
    unused: string;
    ignoreSheet: string;
    save: string;
    saved: (sheet: string) => string;
    headerRowChanged: string;
    ignored: string;
    restoreSheet: string;
    restored: (sheet: string) => string;
  };
  kinds: Record<Kind, string>;
  kindsPlural: Record<Kind, string>;
  fields: Record<Field, string>;
  problems: {
    none: string;
    count: (errors: number, warnings: number) => string;
    error: string;
    warning: string;
    wholeSheet: string;
    selectHint: string;
  };
  review: {
    summary: (total: number, eligible: number, proposed: number) => string;
    filters: { all: string; eligible: string; failing: string; problems: string };
    filterLabel: string;
    empty: string;
    quotas: string;
    ties: string;
    noTies: string;
    rank: (n: number) => string;
    unranked: string;
    reasons: string;
    inherited: string;
    outcome: { pass: string; fail: string; unknown: string };
    verdict: { proposed: (award: string) => string; overQuota: string; tied: string; eligible: string; fail: string; unknown: string; duplicate: string };
    goToCell: (sheet: string, cell: string) => string;
    openAll: string;
    closeAll: string;
  };
  annotate: {
    done: (marks: number) => string;
    noteMode: Record<'notes' | 'comments' | 'none', string>;
    cleared: string;
    legend: string;
    /** The result sheet is laid out for paper on every Đánh dấu: how to print it for the council. */
    printReady: string;
  };
  tabs: { main: string; settings: string };
  settings: PaneSettingsText;
  version: (v: string) => string;
  steps: {
    label: string;
    next: (action: string) => string;
    allDone: string;
    step: (n: number) => string;
    stateNext: string;
    stateDone: string;
    stateLater: string;
    todo: { check: string; review: string; annotate: string; dossier: string };
    checked: (tables: number, errors: number, warnings: number) => string;
    annotated: (marks: number) => string;
    dossierDone: string;
  };
  overview: {
    title: string;
    counts: { eligible: string; proposed: string; failing: string; missing: string; overQuota: string; tied: string; questions: string };
    total: (n: number) => string;
    quotas: string;
    quotaUse: (used: number, quota: number, kind: string) => string;
    overflow: (n: number) => string;
    noQuota: (kind: string) => string;
    whereToSet: string;
    failing: string;
    failingLine: (criterion: string, fail: number, unknown: number) => string;
    noneFailing: string;
    chartAlt: string;
  };
  legend: { title: string; proposed: string; unknown: string; fail: string; signs: string };
  cli: { title: string; body: string };
}

export interface PaneSettingsText {
  title: string;
  intro: string;
  usingSaved: string;
  usingDefault: string;
  name: string;
  criteria: string;
  criteriaHint: string;
  apply: string;
  compare: string;
  inclusive: string;
  strict: string;
  threshold: string;
  atLeast: string;
  orBetter: string;
  requireRecognition: string;
  complianceHint: string;
  ladder: string;
  ladderHint: string;
  bands: string;
  bandsHint: string;
  bandMin: string;
  bandRating: string;
  addBand: string;
  remove: string;
  votes: string;
  votesEnabled: string;
  votesThreshold: string;
  awards: string;
  awardsHint: string;
  awardLabel: string;
  quota: Record<Kind, string>;
  ranking: string;
  rankingHint: string;
  rankingKeys: Record<RankingKey, string>;
  up: string;
  down: string;
  addKey: string;
  save: string;
  restore: string;
  exportJson: string;
  importFile: string;
  pasteLabel: string;
  pasteApply: string;
  fileSection: string;
  refused: (n: number) => string;
  importRefused: (n: number) => string;
  imported: string;
  saved: string;
  restored: string;
  reannotated: (marks: number) => string;
  notAnnotated: string;
  exported: string;
  macExport: string;
  exportedText: string;
  copy: string;
  copied: string;
  copyFailed: string;
  readFailed: string;
  savedProblems: string;
  progressLoad: string;
  progressSave: string;
  progressRestore: string;
  fileName: string;
}

export interface PaneLawText {
  legend: string;
  hint: string;
  preset: string;
  presetNone: string;
  applyPreset: string;
  presetApplied: (name: string) => string;
  voteBase: string;
  voteTotal: string;
  votePresent: string;
  women: string;
  dissolved: string;
  dissolvedHint: string;
  frames: string;
  framesHint: string;
  grantor: string;
}

export interface PaneDossierText {
  intro: string;
  loadHint: string;
  groups: Record<DossierFieldGroup | 'votes' | 'templates', string>;
  labels: Record<string, string>;
  hints: Record<string, string>;
  votesHint: (present: string) => string;
  votesFromWorkbook: string;
  /** "Tạo trang Kiểm phiếu" (src/excel/countSheet.ts). */
  countSheet: string;
  countSheetHint: string;
  countSheetDone: (sheet: string, candidates: number, kept: number) => string;
  voteAgree: string;
  noEligible: string;
  save: string;
  generate: string;
  saved: string;
  savedInvalid: string;
  formProblems: (n: number) => string;
  templatesHint: string;
  templateNames: Record<TemplateId, string>;
  templateDefault: string;
  templateCustom: (file: string) => string;
  templateRefused: (file: string) => string;
  templateAccepted: (file: string) => string;
  templateRestore: string;
  templateChoose: string;
  progress: { run: string; read: string; load: string; render: (done: number, total: number) => string };
  loadFailed: (detail: string) => string;
  done: (n: number) => string;
  zip: string;
  files: string;
  twoCopies: string;
  proposed: (award: string, collective: number, individual: number) => string;
  formVersion: (v: string) => string;
  warnings: string;
  missing: string;
  /** Prefix of a meeting fact in the list of missing facts ("Place" alone would be ambiguous). */
  meetingPrefix: string;
  allFactsGiven: string;
  templatesInvalid: string;
  nothingGenerated: string;
  noTables: string;
  factsInvalid: string;
  mac: {
    title: string;
    body: string;
    copy: string;
    copied: string;
    copyFailed: string;
    terminal: string;
    cli: string;
    textLabel: string;
    steps: string[];
    open: string;
    opened: string;
    openLink: string;
    fileLabel: string;
  };
  essentials: string;
  essentialsHint: string;
  more: string;
  moreHint: string;
  ownTemplates: string;
  votesFold: string;
  cliTitle: string;
  cliBody: string;
  confirm: { title: (n: number) => string; body: string; go: string; back: string };
  prefilled: string;
}

export interface PaneAfterText {
  title: string;
  intro: string;
  decision: string;
  certificates: string;
  calibration: string;
  record: string;
  layoutTitle: string;
  layoutHint: string;
  layoutSave: string;
  layoutSaved: string;
  layoutInvalid: string;
  progressDecision: (done: number, total: number) => string;
  decisionsDone: (n: number) => string;
  certificatesDone: (n: number, from: string) => string;
  calibrationDone: string;
  /** "Phiếu bầu": the ballots and, from the count, the Biên bản kiểm phiếu. */
  ballots: string;
  ballotsHint: string;
  ballotsDone: (copies: number, candidates: number, counted: boolean) => string;
  /** The council's decisions chosen in the pane, saved into the facts' meeting.decisions. */
  councilTitle: string;
  councilHint: string;
  councilNone: string;
  councilUndecided: string;
  councilOwner: (initiative: string) => string;
  councilPlaces: (places: number, award: string, rank: number) => string;
  councilOverflow: (count: number, quota: number, award: string) => string;
  councilSave: string;
  councilNothingChosen: string;
  /** More names ticked for a tied place than there are places. */
  councilTooMany: (places: number, ticked: number, rank: number) => string;
  councilSaved: (n: number) => string;
  layoutFrom: { saved: string; default: string };
  recorded: (n: number, decision: string, sheet: string) => string;
  alreadyRecorded: (decision: string, rows: string) => string;
  incomplete: string;
  nobody: string;
  failed: string;
  missing: string;
}
