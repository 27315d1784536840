/**
 * The strict in-memory Excel test host: builds the globals Office, Excel and OfficeExtension over a
 * workbook model, counts syncs, caps requests, switches requirement sets off, simulates cell-edit
 * mode. See README.md in this folder.
 */
import { ErrorCodes, HostError, REQUEST_LIMIT, RequestContext } from './api';
import { cellName, parseRect, splitSheet, type CellModel, type WorkbookModel } from './model';
import { WorkbookData } from './workbook';

export interface HostOptions {
  displayLanguage?: string;
  platform?: string;
  /** Highest supported version per requirement set (default ExcelApi 1.18). */
  requirementSets?: Record<string, string>;
  requestLimit?: number;
}

export interface HostState {
  workbook: WorkbookData;
  syncCount: number;
  /** Size in bytes of every request sent (one entry per sync). */
  requestSizes: number[];
  /** Size in bytes of every response (loaded data) received. */
  responseSizes: number[];
  /** Bytes queued per kind of action (e.g. "Range.values", "NoteCollection.add"), summed over the requests. */
  requestBytesByKind: Record<string, number>;
  requestLimit: number;
  cellEditMode: boolean;
  /** Actions run (all requests); see failAfterActions. */
  actionCount: number;
  /** When set, the request fails after this many more actions have run (no rollback, as in Excel). */
  failAfter: number | undefined;
  supports(set: string, version: string): boolean;
}

function cmp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export class ExcelHost implements HostState {
  workbook: WorkbookData;
  syncCount = 0;
  requestSizes: number[] = [];
  responseSizes: number[] = [];
  requestBytesByKind: Record<string, number> = {};
  requestLimit: number;
  cellEditMode = false;
  actionCount = 0;
  failAfter: number | undefined = undefined;
  runCount = 0;
  readonly displayLanguage: string;
  readonly platform: string;
  private sets: Record<string, string>;

  constructor(model: WorkbookModel, options: HostOptions = {}) {
    this.workbook = new WorkbookData(model);
    this.displayLanguage = options.displayLanguage ?? 'vi-VN';
    this.platform = options.platform ?? 'OfficeOnline';
    this.sets = { ExcelApi: '1.18', ...(options.requirementSets ?? {}) };
    this.requestLimit = options.requestLimit ?? REQUEST_LIMIT;
  }

  supports(set: string, version: string): boolean {
    const max = this.sets[set];
    return max !== undefined && cmp(version, max) <= 0;
  }

  /** Switches a requirement set version off, and every later one (sets are cumulative). */
  disable(set: string, version: string): void {
    const [major, minor] = version.split('.').map(Number);
    this.sets[set] = minor > 0 ? `${major}.${minor - 1}` : `${major - 1}.99`;
  }

  /**
   * Makes a request fail once `count` more actions have run, like a failure in the middle of a batch
   * in Excel (a lost connection, an action Excel refuses): the actions before it stay applied.
   */
  failAfterActions(count: number): void {
    this.failAfter = count;
  }

  setCellEditMode(on: boolean): void {
    this.cellEditMode = on;
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.requestSizes = [];
    this.responseSizes = [];
    this.requestBytesByKind = {};
    this.runCount = 0;
    this.actionCount = 0;
  }

  /** The workbook as its JSON model. */
  dump(): WorkbookModel {
    return this.workbook.dump();
  }

  /** Plain data keyed by sheet name, for equality checks (order of sheets aside). */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.dump().sheets) {
      const { name, ...rest } = s;
      out[name] = rest;
    }
    return out;
  }

  cell(sheet: string, cell: string): CellModel | undefined {
    const s = this.workbook.sheet(sheet);
    const r = parseRect(cell);
    return s && r ? s.get(r.top, r.left) : undefined;
  }

  cells(refs: { sheet: string; cell: string }[]): { fill: string | null; note: string | null; comment: string | null }[] {
    return refs.map((ref) => {
      const c = this.cell(ref.sheet, ref.cell);
      return { fill: c?.fill ?? null, note: c?.note ?? null, comment: c?.comment ?? null };
    });
  }

  sheetNames(): string[] {
    return this.workbook.sheets.map((s) => s.name);
  }

  selected(): { sheet: string; cell: string } | null {
    return this.workbook.selection ? { ...this.workbook.selection } : null;
  }

  /** Sets a cell directly, as a user typing would (outside any request). */
  setCell(sheet: string, cell: string, patch: Partial<CellModel>): void {
    const s = this.workbook.sheet(sheet);
    const r = parseRect(splitSheet(cell).local);
    if (!s || !r) throw new Error(`no cell ${sheet}!${cell}`);
    Object.assign(s.touch(r.top, r.left), patch);
    s.tidy(r.top, r.left);
  }

  /** Renames a sheet directly, as a user would between two actions (outside any request). */
  renameSheet(from: string, to: string): void {
    const s = this.workbook.sheet(from);
    if (!s) throw new Error(`no sheet ${from}`);
    if (this.workbook.sheet(to)) throw new Error(`sheet ${to} exists`);
    s.name = to;
  }

  /** The globals a page or a test installs: Office, Excel, OfficeExtension. */
  globals(): { Office: unknown; Excel: unknown; OfficeExtension: unknown } {
    const host = this;
    const Excel = {
      run: async <T>(batch: (ctx: RequestContext) => Promise<T>): Promise<T> => {
        if (typeof batch !== 'function') throw new HostError(ErrorCodes.invalidArgument, 'Excel.run(batch) expects a function in the test host.');
        host.runCount++;
        const ctx = new RequestContext(host);
        const result = await batch(ctx);
        // Excel.run sends what the batch left queued.
        if (ctx.pending) await ctx.sync();
        return result;
      },
      RequestContext,
      ErrorCodes,
    };
    const info = { host: 'Excel', platform: host.platform };
    const Office = {
      HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android' },
      onReady: (cb?: (i: typeof info) => void) => {
        if (cb) setTimeout(() => cb(info), 0);
        return Promise.resolve(info);
      },
      context: {
        displayLanguage: host.displayLanguage,
        platform: host.platform,
        requirements: { isSetSupported: (name: string, version?: string) => host.supports(name, version ?? '1.1') },
      },
    };
    const OfficeExtension = { Error: HostError, ErrorCodes };
    return { Office, Excel, OfficeExtension };
  }

  /** Installs the globals on `target` (globalThis in Jest, window in the browser). */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    const g = this.globals();
    const before = { Office: target.Office, Excel: target.Excel, OfficeExtension: target.OfficeExtension };
    Object.assign(target, g);
    return () => Object.assign(target, before);
  }
}

export { cellName };
