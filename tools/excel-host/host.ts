/**
 * The strict in-memory Excel test host: builds the globals Office, Excel and OfficeExtension over a
 * workbook model, counts syncs, caps requests, switches requirement sets off, simulates cell-edit
 * mode. See README.md in this folder.
 */
import { ErrorCodes, guardCells, guardStructure, HostError, REQUEST_LIMIT, RequestContext } from './api';
import { cellName, columnIndex, parseRect, splitSheet, type CellModel, type WorkbookModel } from './model';
import { WorkbookData, type SheetData } from './workbook';
import { platformProfile, type PlatformProfile } from './platforms';
import type { ExcelLibrary } from './wire/library';
import { WireResponder } from './wire/responder';

let hostCount = 0;

/** A user's change to a cell: a value typed, a fill, a note (null removes the fill / note). */
export interface CellPatch {
  value?: CellModel['value'];
  numberFormat?: string | null;
  fill?: string | null;
  note?: string | null;
  comment?: string | null;
}

export interface HostOptions {
  displayLanguage?: string;
  /**
   * The Excel played (platforms.ts): "web" (default), "windows", "mac", "ipad", or Office's
   * "OfficeOnline", "PC", "Mac", "iOS". It sets Office.context.platform, the requirement sets of a
   * current build there and the payload cap (5 MB on the web only).
   */
  platform?: string;
  /** Highest supported version per requirement set, over the platform's (e.g. { ExcelApi: '1.14' }). */
  requirementSets?: Record<string, string>;
  /** Bytes a request or response may carry (default: the platform's; 5 MB on the web). */
  requestLimit?: number;
  /** Bytes a response may carry, when it differs from requestLimit. */
  responseLimit?: number;
  /** The add-in's document settings (Office.context.document.settings) saved in the file. */
  settings?: Record<string, unknown>;
  /** CommentCollection.add fails NotImplemented although ExcelApi 1.10 is reported (office-js #1847). */
  commentsNotImplemented?: boolean;
  /** How an oversized request or response fails: its own code (default) or GeneralException (office-js #1314). */
  payloadError?: 'PayloadSizeLimitExceeded' | 'GeneralException';
  /**
   * Microsoft's Excel client library (./wire/library.ts, in Node ./wire/node.ts): when given, the
   * globals' Excel and OfficeExtension are the library's, and the host answers its requests at the
   * wire level (./wire/responder.ts) with the proxies of api.ts. Without it, Excel is the proxies.
   */
  library?: ExcelLibrary;
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
  responseLimit: number;
  cellEditMode: boolean;
  /** Actions run (all requests); see failAfterActions. */
  actionCount: number;
  /** When set, the request fails after this many more actions have run (no rollback, as in Excel). */
  failAfter: number | undefined;
  supports(set: string, version: string): boolean;
  /** Office.context.platform ("OfficeOnline", "PC", "Mac", "iOS"). */
  readonly platform: string;
  commentsNotImplemented: boolean;
  payloadError: 'PayloadSizeLimitExceeded' | 'GeneralException';
  /** Kinds of the actions that cleared the user's undo stack since the counters were reset. */
  undoClearedBy: string[];
  /** Called with the kinds of the actions of each request just before Excel runs it (co-authors' edits land here). */
  beforeRequest?(kinds: string[]): void;
}

/** An edit of another user, waiting to land during the add-in's next requests. */
interface CoAuthorEdit {
  edit: () => void;
  /** 'beforeWrite': before the first request that writes; a number: after that many requests. */
  when: 'beforeWrite' | number;
  seen: number;
  status: CoAuthorStatus;
}

/** Whether a co-author's edit landed, after how many of the add-in's requests, or why Excel refused it. */
export interface CoAuthorStatus {
  landed: boolean;
  /** Requests of the add-in's action run before the edit landed. */
  afterRequests?: number;
  /** Excel's refusal (a protected sheet…): the edit did not happen. */
  error?: unknown;
}

/** Actions that only read (load, probe, getCellProperties); any other action writes. */
function readsOnly(kind: string): boolean {
  return /\.(load|probe|getCellProperties)$/.test(kind);
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
  responseLimit: number;
  cellEditMode = false;
  actionCount = 0;
  failAfter: number | undefined = undefined;
  runCount = 0;
  commentsNotImplemented: boolean;
  payloadError: 'PayloadSizeLimitExceeded' | 'GeneralException';
  undoClearedBy: string[] = [];
  /** URLs given to Office.context.ui.openBrowserWindow, in order. */
  openedUrls: string[] = [];

  /** The URLs opened in the system browser (a probe for the browser tests). */
  openedBrowserUrls(): string[] {
    return [...this.openedUrls];
  }
  readonly displayLanguage: string;
  /** Office.context.platform (Office.PlatformType). */
  readonly platform: string;
  readonly profile: PlatformProfile;
  private sets: Record<string, string>;
  private coAuthors: CoAuthorEdit[] = [];
  /** Document settings saved in the file (what another session would read) and this session's view. */
  settings: Record<string, unknown>;
  pendingSettings: Record<string, unknown>;

  constructor(model: WorkbookModel, options: HostOptions = {}) {
    this.workbook = new WorkbookData(model);
    this.displayLanguage = options.displayLanguage ?? 'vi-VN';
    const profile = platformProfile(options.platform);
    if (!profile) throw new HostError(ErrorCodes.invalidArgument, `Unknown platform "${options.platform}": web, windows, mac or ipad.`);
    this.profile = profile;
    this.platform = profile.office;
    this.sets = { ...profile.requirementSets, ...(options.requirementSets ?? {}) };
    this.requestLimit = options.requestLimit ?? (Number.isFinite(profile.payloadLimit) ? REQUEST_LIMIT : Infinity);
    this.responseLimit = options.responseLimit ?? this.requestLimit;
    this.commentsNotImplemented = options.commentsNotImplemented ?? false;
    this.payloadError = options.payloadError ?? 'PayloadSizeLimitExceeded';
    this.settings = { ...(options.settings ?? {}) };
    this.pendingSettings = { ...this.settings };
    this.library = 'library' in options ? options.library : ExcelHost.defaultLibrary;
  }

  /** The library of hosts made without a `library` option (test/excel-host/viaLibrary.test.ts). */
  static defaultLibrary: ExcelLibrary | undefined;

  /** Microsoft's client library when the host answers at the wire level (see HostOptions.library). */
  readonly library: ExcelLibrary | undefined;

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

  /**
   * Another user's edit (co-authoring) landing in the middle of the add-in's next action: by default
   * just before its first request that writes — after its reads, so it writes over a workbook it has
   * not seen, as Excel on the web merges both users' changes —, or after `when` requests. The
   * status returned says when it landed, or Excel's refusal (a protected sheet…); `landPending()`
   * lands what is still waiting when the action made fewer requests.
   */
  coAuthor(edit: () => void, when: 'beforeWrite' | number = 'beforeWrite'): CoAuthorStatus {
    const status: CoAuthorStatus = { landed: false };
    this.coAuthors.push({ edit, when, seen: 0, status });
    return status;
  }

  /** The co-authors' edits still waiting, landed now (the add-in's action is over). */
  landPending(): void {
    const due = this.coAuthors;
    this.coAuthors = [];
    for (const c of due) this.land(c);
  }

  /** Co-authors' edits waiting for a request. */
  get coAuthorsPending(): number {
    return this.coAuthors.length;
  }

  beforeRequest(kinds: string[]): void {
    if (!this.coAuthors.length) return;
    const writes = kinds.some((k) => !readsOnly(k));
    const due = this.coAuthors.filter((c) => (c.when === 'beforeWrite' ? writes : c.seen >= c.when));
    this.coAuthors = this.coAuthors.filter((c) => !due.includes(c));
    for (const c of this.coAuthors) c.seen++;
    for (const c of due) this.land(c);
  }

  private land(c: CoAuthorEdit): void {
    c.status.afterRequests = c.seen;
    try {
      c.edit();
      c.status.landed = true;
    } catch (e) {
      c.status.error = e;
    }
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
    this.undoClearedBy = [];
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

  // ---------------------------------------------------------------- what users and Excel do
  // Between two actions of the add-in (outside any request), as a person in Excel would; each is
  // refused as Excel refuses it (a protected sheet or workbook, the last visible sheet…) with a
  // HostError whose message says why.

  private sheetOrFail(name: string): SheetData {
    const s = this.workbook.sheet(name);
    if (!s) throw new HostError(ErrorCodes.itemNotFound, `There is no sheet "${name}".`);
    return s;
  }

  /** Sets a cell directly, as a user typing would; null (or undefined) removes a fill, note, comment or number format. */
  setCell(sheet: string, cell: string, patch: CellPatch | Partial<CellModel>): void {
    const s = this.sheetOrFail(sheet);
    const r = parseRect(splitSheet(cell).local);
    if (!r) throw new HostError(ErrorCodes.invalidArgument, `Bad cell address "${cell}".`);
    guardCells(s);
    const target = s.touch(r.top, r.left) as unknown as Record<string, unknown>;
    for (const [key, v] of Object.entries(patch)) {
      if (key === 'value') target.value = v ?? null;
      else if (v === null || v === undefined) delete target[key];
      else target[key] = v;
    }
    s.tidy(r.top, r.left);
  }

  /** Renames a sheet directly, as a user would between two actions (outside any request). */
  renameSheet(from: string, to: string): void {
    const s = this.sheetOrFail(from);
    guardStructure(this);
    const other = this.workbook.sheet(to);
    if (other && other !== s) throw new HostError(ErrorCodes.itemAlreadyExists, `A sheet named "${to}" already exists.`);
    if (this.workbook.selection?.sheet === s.name) this.workbook.selection = { ...this.workbook.selection, sheet: to };
    s.name = to;
  }

  /** Deletes a sheet, also a hidden or very hidden one (as VBA could); never the last visible one. */
  deleteSheet(name: string): void {
    const s = this.sheetOrFail(name);
    guardStructure(this);
    const wb = this.workbook;
    if (s.visibility === 'Visible' && !wb.sheets.some((x) => x !== s && x.visibility === 'Visible')) throw new HostError(ErrorCodes.invalidOperation, 'A workbook must keep at least one visible sheet.');
    wb.sheets.splice(wb.sheets.indexOf(s), 1);
    if (wb.activeSheet === s) wb.activeSheet = wb.sheets.find((x) => x.visibility === 'Visible') ?? null;
    if (wb.selection?.sheet === s.name) wb.selection = null;
  }

  setVisibility(name: string, visibility: 'Visible' | 'Hidden' | 'VeryHidden'): void {
    const s = this.sheetOrFail(name);
    guardStructure(this);
    const wb = this.workbook;
    if (visibility !== 'Visible' && !wb.sheets.some((x) => x !== s && x.visibility === 'Visible')) throw new HostError(ErrorCodes.invalidOperation, 'A workbook must keep at least one visible sheet.');
    s.visibility = visibility;
    if (visibility !== 'Visible' && wb.activeSheet === s) wb.activeSheet = wb.sheets.find((x) => x.visibility === 'Visible') ?? null;
  }

  protectSheet(name: string, on = true): void {
    this.sheetOrFail(name).protected = on;
  }

  protectWorkbook(on = true): void {
    this.workbook.structureProtected = on;
  }

  /** Inserts `count` rows before 1-based row `at` (Home → Insert → Insert Sheet Rows). */
  insertRows(sheet: string, at: number, count = 1): void {
    const s = this.structural(sheet, at, count, 'rows');
    s.insert('row', at - 1, count);
  }

  deleteRows(sheet: string, at: number, count = 1): void {
    const s = this.structural(sheet, at, count, 'rows');
    s.remove('row', at - 1, count);
  }

  /** Inserts `count` columns before column `at` ("C", or 1-based 3). */
  insertColumns(sheet: string, at: string | number, count = 1): void {
    const col = typeof at === 'number' ? at : columnIndex(at) + 1;
    const s = this.structural(sheet, col, count, 'columns');
    s.insert('col', col - 1, count);
  }

  deleteColumns(sheet: string, at: string | number, count = 1): void {
    const col = typeof at === 'number' ? at : columnIndex(at) + 1;
    const s = this.structural(sheet, col, count, 'columns');
    s.remove('col', col - 1, count);
  }

  private structural(sheet: string, at: number, count: number, what: string): SheetData {
    const s = this.sheetOrFail(sheet);
    if (!Number.isInteger(at) || at < 1 || !Number.isInteger(count) || count < 1) throw new HostError(ErrorCodes.invalidArgument, `Bad ${what}: at ${at}, count ${count}.`);
    guardCells(s);
    return s;
  }

  /**
   * Data → Sort on `range` ("A7:K23", the rows that move) by column `by` ("C"): a stable sort of
   * whole rows of the range. Refused, as Excel refuses it, when a merged area lies in the range.
   */
  sort(sheet: string, range: string, by: string, descending = false): void {
    const s = this.sheetOrFail(sheet);
    const rect = parseRect(range);
    const col = columnIndex(by);
    if (!rect || col < rect.left || col > rect.right) throw new HostError(ErrorCodes.invalidArgument, `Cannot sort ${range} by column ${by}.`);
    guardCells(s);
    if (s.merges.some((m) => m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left)) {
      throw new HostError(ErrorCodes.mergedRangeConflict, 'To do this, all the merged cells need to be the same size.');
    }
    s.sortRows(rect, col, descending);
  }

  /**
   * Home → Merge & Center on `range` ("M7:N700"), or Merge Across (`across`: each row of the range
   * merged on its own). As in Excel, only the upper-left value of each new area is kept, and areas
   * already merged inside it are taken in.
   */
  mergeCells(sheet: string, range: string, across = false): void {
    const s = this.sheetOrFail(sheet);
    const rect = parseRect(range);
    if (!rect || (rect.left === rect.right && (across || rect.top === rect.bottom))) throw new HostError(ErrorCodes.invalidArgument, `Cannot merge ${range}.`);
    guardCells(s);
    const areas = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
    for (const a of areas) {
      s.merges = s.merges.filter((m) => m.bottom < a.top || m.top > a.bottom || m.right < a.left || m.left > a.right);
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          if (r === a.top && c === a.left) continue;
          const cell = s.get(r, c);
          if (cell && cell.value !== undefined) {
            cell.value = null;
            s.tidy(r, c);
          }
        }
      s.merges.push({ ...a });
    }
  }

  /** The same file opened in another Excel: these requirement sets (e.g. { ExcelApi: "1.14" }) and no others. */
  setRequirementSets(sets: Record<string, string>): void {
    this.sets = { ...sets };
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
    // Office.context.diagnostics: what Office reports of itself (ContextInformation).
    const diagnostics = { host: 'Excel', platform: host.platform, version: host.profile.version };
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
        diagnostics,
        requirements: { isSetSupported: (name: string, version?: string) => host.supports(name, version ?? '1.1') },
        // Office.Settings: a key/value store of the add-in, kept in the document once saveAsync runs.
        document: {
          settings: {
            get: (name: string) => (name in host.pendingSettings ? host.pendingSettings[name] : null),
            set: (name: string, value: unknown) => void (host.pendingSettings[name] = JSON.parse(JSON.stringify(value))),
            remove: (name: string) => void delete host.pendingSettings[name],
            saveAsync: (cb?: (r: { status: string }) => void) => {
              host.settings = JSON.parse(JSON.stringify(host.pendingSettings));
              setTimeout(() => cb?.({ status: 'succeeded' }), 0);
            },
          },
        },
        // Opening the system browser (OpenBrowserWindowApi 1.1: Windows, Mac, iPad — not the web):
        // recorded, never navigated; http(s) only, as Office.
        ui: {
          openBrowserWindow: (url: string) => {
            if (!host.supports('OpenBrowserWindowApi', '1.1')) throw new HostError(ErrorCodes.apiNotFound, 'openBrowserWindow is not available.');
            if (!/^https?:\/\//.test(url)) throw new HostError(ErrorCodes.invalidArgument, `openBrowserWindow takes http(s) URLs only: ${url.slice(0, 40)}`);
            host.openedUrls.push(url);
          },
        },
      },
    };
    const OfficeExtension = { Error: HostError, ErrorCodes };
    if (this.library) return { Office, ...this.wireGlobals(this.library, Office) };
    return { Office, Excel, OfficeExtension };
  }

  /**
   * Excel and OfficeExtension of Microsoft's library: each Excel.run gets a RequestContext of its own
   * URL, answered by this host's responder; the library's API gate asks this host's requirement sets.
   */
  private wireGlobals(library: ExcelLibrary, office: { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } }): { Excel: unknown; OfficeExtension: unknown } {
    const host = this;
    const responder = new WireResponder(this);
    const id = ++hostCount;
    let runs = 0;
    const run = async <T>(batch: (ctx: unknown) => Promise<T>): Promise<T> => {
      if (typeof batch !== 'function') throw new HostError(ErrorCodes.invalidArgument, 'Excel.run(batch) expects a function in the test host.');
      host.runCount++;
      const url = `https://excel-host.invalid/${id}/${++runs}`;
      const off = library.register(`${url}/`, (request) => responder.handle(request));
      library.useOffice(office);
      try {
        return await library.Excel.run(new library.Excel.RequestContext(url), batch);
      } finally {
        off();
        responder.close(url);
      }
    };
    const Excel = Object.create(library.Excel, { run: { value: run, enumerable: true } });
    return { Excel, OfficeExtension: library.OfficeExtension };
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
