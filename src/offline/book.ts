/**
 * The workbook the offline page works on: its bytes, read by the command line's streaming reader
 * and edited by its patching writer (src/xlsx), judged by the core. Each action is the command
 * line's own sequence — `thidua check --annotate`, `thidua clear`, `thidua record` — so the page's
 * copies are the CLI's, part for part. No DOM and no Node API: it runs in the page's worker (and,
 * under Jest, in Node, where the parity with the CLI is tested).
 */
import { analyze, backupStatus, parseState, renderMessage, text, type Analysis, type Grid, type Lang, type Message, type Profile, type WorkbookState } from '../core';
import { prepare } from '../core/dossier/prepare';
import { planDecisionRecord, rowRanges } from '../core/dossier/record';
import { annotateCopy, AnnotatedCopyError, copyReport } from '../xlsx/annotateCopy';
import { readGrid, worksheetsOf } from '../xlsx/gridReader';
import { openPackage, PackageError, type Package } from '../xlsx/package';
import { recordInPackage } from '../xlsx/patch/record';
import { saveStateInPackage } from '../xlsx/patch/saveState';
import type { RecordResult } from '../excel/sessionApi';

/** A file the page offers for download. */
export interface BookFile {
  name: string;
  bytes: Uint8Array;
}

/** An error already written for the clerk (the pane shows its message as it is). */
export class BookError extends Error {
  readonly userFacing = true;
  constructor(message: string) {
    super(message);
    this.name = 'BookError';
  }
}

/** Reading progress: parts read of the worksheets' and shared strings' compressed bytes. */
export type Progress = (done: number, total: number) => void;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** "mau.xlsx" → { stem: "mau", ext: ".xlsx" } */
export function splitName(name: string): { stem: string; ext: string } {
  const i = name.lastIndexOf('.');
  return i > 0 ? { stem: name.slice(0, i), ext: name.slice(i) } : { stem: name, ext: '.xlsx' };
}

export class OfflineBook {
  private bytes: Uint8Array;
  private grid: Grid | null = null;
  /** The file changed since it was picked (marks, a saved profile or facts, the history). */
  private edited = false;

  constructor(
    readonly name: string,
    bytes: Uint8Array,
  ) {
    this.bytes = bytes;
  }

  /** The workbook as it is now (the picked file, or the copy the last action made). */
  current(): BookFile & { edited: boolean } {
    return { name: this.name, bytes: this.bytes, edited: this.edited };
  }

  private fail(error: Message, lang: Lang): never {
    throw new BookError(renderMessage(error, lang));
  }

  /** Opens the package (the central directory only), with the reader's messages for what it is not. */
  private open(lang: Lang): Package {
    const b = this.bytes;
    if (!b.length) this.fail({ code: 'xlsx.empty', params: { path: this.name } }, lang);
    if (OLE2.every((x, i) => b[i] === x)) this.fail({ code: 'xlsx.encryptedOrXls', params: { path: this.name } }, lang);
    if (!(b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04)) this.fail({ code: 'xlsx.notXlsx', params: { path: this.name } }, lang);
    try {
      return openPackage(b);
    } catch (e) {
      if (e instanceof PackageError) this.fail({ code: e.code, params: { path: this.name, ...e.params } }, lang);
      throw e;
    }
  }

  /** The grid of the workbook as it is now, read once per version of the file. */
  read(lang: Lang, progress?: Progress): { grid: Grid; pkg: Package } {
    const pkg = this.open(lang);
    if (!pkg.workbook || !worksheetsOf(pkg).length) this.fail({ code: 'xlsx.notXlsx', params: { path: this.name } }, lang);
    if (progress) watchScan(pkg, progress);
    try {
      this.grid = readGrid(pkg);
    } catch (e) {
      if (e instanceof PackageError) this.fail({ code: e.code, params: { path: this.name, ...e.params } }, lang);
      this.fail({ code: 'xlsx.corrupt', params: { path: this.name, why: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200) } }, lang);
    }
    return { grid: this.grid, pkg };
  }

  private gridNow(lang: Lang): Grid {
    return this.grid ?? this.read(lang).grid;
  }

  private replace(chunks: readonly Uint8Array[] | Uint8Array): void {
    this.bytes = chunks instanceof Uint8Array ? chunks : concat(chunks);
    this.grid = null;
    this.edited = true;
  }

  /** "Kiểm tra" / "Xét tiêu chí": the core on the grid (read again only when the file changed). */
  check(lang: Lang, progress?: Progress): { grid: Grid; analysis: Analysis } {
    const grid = this.grid ?? this.read(lang, progress).grid;
    return { grid, analysis: analyze(grid, { lang }) };
  }

  /** A name for the copy, with the original's extension (the writer refuses any other). */
  private copyName(suffix: string): string {
    const { stem, ext } = splitName(this.name);
    return `${stem}${suffix}${ext}`;
  }

  /** "Đánh dấu": `thidua check --annotate` — the same analysis, the same patching writer. */
  async annotate(lang: Lang): Promise<{ analysis: Analysis; copy: BookFile; notices: string[] }> {
    const { grid, pkg } = this.read(lang);
    const analysis = analyze(grid, { lang });
    const name = this.copyName(text(lang).offline.annotatedSuffix);
    const written = await this.patched(() => annotateCopy(pkg, analysis.plan, { grid, state: analysis.state }, name), lang);
    this.replace(written.bytes);
    // The pane shows the analysis of the copy (its state now holds the backup).
    const after = this.check(lang);
    return { analysis: after.analysis, copy: { name, bytes: this.bytes }, notices: copyReport(written, name, lang) };
  }

  /** "Xóa đánh dấu": `thidua clear` — our marks, notes, result sheet and backup go; the rest as stored. */
  async clear(lang: Lang): Promise<{ copy: BookFile | null; notices: string[] }> {
    const { grid, pkg } = this.read(lang);
    const { state } = parseState(grid);
    if (!state.annotationBackup) {
      if (backupStatus(grid) === 'damaged') throw new BookError(renderMessage({ code: 'xlsx.clearBackupDamaged', params: { path: this.name } }, lang));
      return { copy: null, notices: [renderMessage({ code: 'xlsx.nothingToClear', params: { path: this.name } }, lang)] };
    }
    const name = this.copyName(text(lang).offline.clearedSuffix);
    const written = await this.patched(() => annotateCopy(pkg, null, { grid, state }, name), lang);
    this.replace(written.bytes);
    return { copy: { name, bytes: this.bytes }, notices: copyReport(written, name, lang) };
  }

  private async patched<T>(work: () => Promise<T>, lang: Lang): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof AnnotatedCopyError) throw new BookError(renderMessage(e.data, lang));
      throw e;
    }
  }

  /** Merges `partial` over the state saved in the file (undefined removes a key), as the add-in's saveState. */
  saveState(partial: WorkbookState, lang: Lang): void {
    const { grid, pkg } = this.read(lang);
    const next: WorkbookState = { ...parseState(grid).state, ...partial };
    for (const k of Object.keys(next) as (keyof WorkbookState)[]) if (next[k] === undefined) delete next[k];
    this.replace(saveStateInPackage(pkg, next));
  }

  /** "Cấu hình → Lưu": the profile saved into the file; a marked file is annotated again with it. */
  async saveProfile(profile: Profile | null, lang: Lang): Promise<{ analysis: Analysis; reannotated: boolean; notices: string[] }> {
    this.saveState({ profile: profile ?? undefined }, lang);
    const { analysis } = this.check(lang);
    const backup = parseState(this.gridNow(lang)).state.annotationBackup as { cells?: unknown[]; resultSheet?: unknown } | undefined;
    if (!backup) return { analysis, reannotated: false, notices: [] };
    const out = await this.annotate(lang);
    return { analysis: out.analysis, reannotated: true, notices: out.notices };
  }

  /** "Tạo hồ sơ": the form's facts saved (when given), then the grid the documents are made from. */
  readForDossier(lang: Lang, save?: WorkbookState): { grid: Grid } {
    if (save) this.saveState(save, lang);
    return { grid: this.gridNow(lang) };
  }

  /** "Ghi vào lịch sử": `thidua record` — the CLI's preparation, plan and history writer. */
  recordAwards(lang: Lang, save?: WorkbookState): RecordResult {
    if (save) this.saveState(save, lang);
    const { grid, pkg } = this.read(lang);
    const prepared = prepare(grid, { lang });
    if (!prepared.ok) return { ok: false, reason: prepared.reason, problems: 'problems' in prepared ? prepared.problems.map((p) => `${p.path}: ${p.message}`) : [] };
    const outcome = planDecisionRecord(prepared.analysis.result, prepared.analysis.profile, prepared.facts, grid.sheets.map((s) => s.name));
    if (!outcome.ok) {
      if (outcome.reason === 'incomplete') return { ok: false, reason: 'incomplete', problems: outcome.missing };
      if (outcome.reason === 'nothing') return { ok: false, reason: 'nothing', problems: [] };
      return { ok: false, reason: 'alreadyRecorded', problems: outcome.refused.map((r) => text(lang).cliAfter.alreadyRecorded(r.decision, rowRanges(r.rows))), refused: outcome.refused };
    }
    this.replace(recordInPackage(pkg, outcome.plan));
    return { ok: true, sheet: outcome.plan.sheet, recorded: outcome.recorded, refused: outcome.refused };
  }
}

/**
 * Progress while the reader scans the worksheets and shared strings (the bulk of a large file): the
 * package's scan is wrapped to count each part's compressed bytes once it is read.
 */
function watchScan(pkg: Package, progress: Progress): void {
  const scan = pkg.scan.bind(pkg);
  const sizes = new Map<string, number>();
  const parts = [...worksheetsOf(pkg).map((s) => s.part), ...(pkg.workbook?.rels ?? []).filter((r) => r.type.endsWith('/sharedStrings')).map((r) => r.part)];
  for (const part of parts) if (part && pkg.has(part)) sizes.set(part, pkg.raw(part).length);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0) || 1;
  let done = 0;
  progress(0, total);
  pkg.scan = (part, h) => {
    scan(part, h);
    const size = sizes.get(part);
    if (size !== undefined) {
      done += size;
      sizes.delete(part);
      progress(Math.min(done, total), total);
    }
  };
}
