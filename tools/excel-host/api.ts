/**
 * The proxies of the strict test host: the subset of Excel's JavaScript API the add-in uses,
 * with Office.js's batching semantics. Every read of a property must be load()-ed and synced;
 * every write and method call is queued and reaches the workbook only at context.sync().
 */
import { bareSheetName, clone, columnLetter, jsonBytes, parseRect, quoteSheet, rectAddress, splitList, splitSheet, type CellModel, type ChartModel, type HostValue, type Rect } from './model';
import type { HostState } from './host';
import { SHEET_WIDTH, SheetData } from './workbook';

export const REQUEST_LIMIT = 5 * 1024 * 1024;
export const RANGE_AREAS_ADDRESS_LIMIT = 8192;
/** Bytes an action costs in a real request beyond its payload (ids, names, envelope). */
export const ACTION_OVERHEAD = 64;

export class HostError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export const ErrorCodes = {
  propertyNotLoaded: 'PropertyNotLoaded',
  itemNotFound: 'ItemNotFound',
  itemAlreadyExists: 'ItemAlreadyExists',
  invalidArgument: 'InvalidArgument',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  apiNotFound: 'ApiNotFound',
  invalidOperation: 'InvalidOperation',
  generalException: 'GeneralException',
  accessDenied: 'AccessDenied',
  mergedRangeConflict: 'MergedRangeConflict',
  notImplemented: 'NotImplemented',
  invalidCellAddress: 'InvalidCellAddress',
};

/** getMergedAreasOrNullObject fails above this many areas (typings remark). */
export const MERGED_AREAS_LIMIT = 512;

/**
 * APIs whose call clears the user's undo stack even with ExcelApi 1.20's undo support ("Unsupported
 * APIs" of learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities), per
 * platform: the web keeps undo through a rename or a visibility change, Windows and Mac do not.
 */
const UNDO_CLEARING: Record<string, 'all' | 'desktop'> = {
  'Worksheet.delete': 'all',
  'Worksheet.name': 'desktop',
  'Worksheet.visibility': 'desktop',
};

/** Excel refuses every change to the cells (values, formats, notes) of a protected sheet. */
export function guardCells(sheet: SheetData): void {
  if (sheet.protected) throw new HostError(ErrorCodes.accessDenied, "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.");
}

/** Excel refuses to add, delete, rename, hide or unhide sheets of a workbook whose structure is protected. */
export function guardStructure(host: HostState): void {
  if (host.workbook.structureProtected) throw new HostError(ErrorCodes.accessDenied, 'The workbook is protected: its structure cannot be changed.');
}

/** Excel's rules: 1–31 characters, none of \ / ? * [ ] :, no apostrophe at either end. */
function validSheetName(name: string): boolean {
  return !!name && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

function notLoaded(what: string): HostError {
  return new HostError(ErrorCodes.propertyNotLoaded, `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

interface Action {
  run: () => void;
  where: string;
}

export class RequestContext {
  readonly workbook: Workbook;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Action[] = [];
  private bytes = 0;
  /** Number of syncs done by this context (objects created after a sync can't claim its results). */
  batch = 0;
  /**
   * Set by the wire responder (./wire) for the request it replays: the size of the real serialised
   * request replaces the estimate below, and the response is measured on the real reply by the
   * responder (so `sync()` neither estimates nor checks it).
   */
  wire: { requestBytes: number } | undefined;

  constructor(readonly host: HostState) {
    this.workbook = new Workbook(this);
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** Bytes of data the current sync sends back (loaded values, ClientResults). */
  private responseBytes = 0;

  respond(data: unknown): void {
    this.responseBytes += jsonBytes(data);
  }

  enqueue(where: string, payload: unknown, run: () => void): void {
    this.queue.push({ run, where });
    if (this.wire) return;
    const size = jsonBytes(payload) + ACTION_OVERHEAD;
    this.bytes += size;
    const kinds = this.host.requestBytesByKind;
    kinds[where] = (kinds[where] ?? 0) + size;
  }

  /**
   * Counts bytes a call sends without queuing an action of its own (the address given to getRange /
   * getRanges travels in the request as part of the object path).
   */
  charge(where: string, payload: unknown): void {
    if (this.wire) return;
    const size = jsonBytes(payload);
    this.bytes += size;
    const kinds = this.host.requestBytesByKind;
    kinds[where] = (kinds[where] ?? 0) + size;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const bytes = this.wire ? this.wire.requestBytes : this.bytes;
    this.queue = [];
    this.bytes = 0;
    this.host.syncCount++;
    this.host.requestSizes.push(bytes);
    await Promise.resolve();
    if (this.host.cellEditMode) throw new HostError(ErrorCodes.invalidOperationInCellEditMode, 'The operation is not supported while Excel is in cell-edit mode.');
    if (bytes > this.host.requestLimit) {
      // Excel on the web has also answered an oversized request with a bare internal error (office-js #1314).
      if (this.host.payloadError === 'GeneralException') throw new HostError(ErrorCodes.generalException, 'An internal error has occurred.');
      throw new HostError(ErrorCodes.requestPayloadSizeLimitExceeded, `The request payload size (${bytes} bytes) has exceeded the limit (${this.host.requestLimit}).`);
    }
    // Another user's edit may reach Excel before this request runs (co-authoring).
    this.host.beforeRequest?.(queue.map((a) => a.where));
    this.responseBytes = 0;
    try {
      for (const a of queue) {
        if (this.host.failAfter !== undefined && this.host.failAfter-- <= 0) {
          this.host.failAfter = undefined;
          throw new HostError(ErrorCodes.generalException, `Simulated failure before ${a.where}.`, a.where);
        }
        this.host.actionCount++;
        try {
          a.run();
          this.undoEffect(a.where);
        } catch (e) {
          if (e instanceof HostError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = a.where;
          throw e;
        }
      }
    } finally {
      this.batch++;
    }
    if (this.wire) return;
    this.host.responseSizes.push(this.responseBytes);
    if (this.responseBytes > this.host.responseLimit) {
      if (this.host.payloadError === 'GeneralException') throw new HostError(ErrorCodes.generalException, 'An internal error has occurred.');
      throw new HostError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size (${this.responseBytes} bytes) has exceeded the limit (${this.host.responseLimit}).`);
    }
  }

  /** What an action that ran does to the user's undo stack (host.undoClearedBy). */
  private undoEffect(kind: string): void {
    if (/\.(load|probe|getCellProperties)$/.test(kind)) return;
    const host = this.host;
    // Before ExcelApi 1.20 an add-in's write cannot be undone and clears the undo stack.
    if (!host.supports('ExcelApi', '1.20')) host.undoClearedBy.push(kind);
    else {
      const rule = UNDO_CLEARING[kind];
      if (rule === 'all' || (rule === 'desktop' && host.platform !== 'OfficeOnline')) host.undoClearedBy.push(kind);
    }
  }

  requireApi(version: string, what: string): void {
    if (!this.host.supports('ExcelApi', version)) throw new HostError(ErrorCodes.apiNotFound, `${what} needs ExcelApi ${version}, which this host does not support.`);
  }
}

type LoadArg = string | string[] | { select?: string; $select?: string } | undefined;

function loadNames(arg: LoadArg, defaults: readonly string[]): string[] {
  if (arg === undefined) return [...defaults];
  const text = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : (arg.select ?? arg.$select ?? '');
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Base of every proxy: loaded values, null-object state, queued reads and writes. */
abstract class ClientObject<T> {
  private loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  protected abstract readonly kind: string;
  protected abstract readonly loadable: readonly string[];

  constructor(protected readonly ctx: RequestContext) {}

  get context(): RequestContext {
    return this.ctx;
  }

  /** The live object this proxy stands for; null for a null object; throws ItemNotFound otherwise. */
  protected abstract target(): T | null;
  protected abstract read(name: string, t: T): unknown;

  protected resolve(): T | null {
    const t = this.target();
    this.nullState = t === null;
    return t;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded(`${this.kind}.isNullObject`);
    return this.nullState;
  }

  load(arg?: LoadArg): this {
    const names = loadNames(arg, this.loadable);
    for (const n of names) if (!this.loadable.includes(n)) throw new HostError(ErrorCodes.invalidArgument, `${this.kind} has no loadable property '${n}' in the test host.`);
    this.ctx.enqueue(`${this.kind}.load`, { load: names }, () => {
      const t = this.resolve();
      for (const n of names) {
        const v = t === null ? null : clone(this.read(n, t));
        this.ctx.respond(v);
        this.loaded.set(n, v);
      }
    });
    return this;
  }

  protected probe(): void {
    this.ctx.enqueue(`${this.kind}.probe`, { probe: this.kind }, () => void this.resolve());
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(`${this.kind}.${name}`);
    return this.loaded.get(name) as V;
  }

  protected write(what: string, payload: unknown, apply: (t: T) => void): void {
    this.ctx.enqueue(`${this.kind}.${what}`, payload, () => {
      const t = this.resolve();
      if (t === null) throw new HostError(ErrorCodes.itemNotFound, `${this.kind}.${what} on a null object.`);
      apply(t);
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export class ClientResult<V> {
  private done = false;
  private result: V | undefined;
  set(v: V): void {
    this.result = v;
    this.done = true;
  }
  get value(): V {
    if (!this.done) throw notLoaded('ClientResult.value');
    return this.result as V;
  }
}

// ---------------------------------------------------------------- workbook

export class Workbook {
  readonly worksheets: WorksheetCollection;
  private notesCollection: NoteCollection | undefined;
  private commentsCollection: CommentCollection | undefined;
  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
  }
  get notes(): NoteCollection {
    this.notesCollection ??= new NoteCollection(this.ctx);
    return this.notesCollection;
  }
  get comments(): CommentCollection {
    this.commentsCollection ??= new CommentCollection(this.ctx);
    return this.commentsCollection;
  }
  private protectionObject: WorkbookProtection | undefined;
  /** Workbook structure protection (ExcelApi 1.7). */
  get protection(): WorkbookProtection {
    this.protectionObject ??= new WorkbookProtection(this.ctx);
    return this.protectionObject;
  }
  getSelectedRange(): Range {
    const host = this.ctx.host;
    return new Range(this.ctx, () => {
      const sel = host.workbook.selection;
      const sheet = sel ? host.workbook.sheet(sel.sheet) : host.workbook.activeSheet;
      if (!sheet) throw new HostError(ErrorCodes.itemNotFound, 'no active sheet');
      return { sheet, rect: parseRect(sel?.cell ?? 'A1')! };
    });
  }
}

type SheetFinder = () => SheetData | null;

export class WorkbookProtection extends ClientObject<boolean> {
  protected readonly kind = 'WorkbookProtection';
  protected readonly loadable = ['protected'];
  protected target(): boolean {
    this.ctx.requireApi('1.7', 'WorkbookProtection');
    return this.ctx.host.workbook.structureProtected;
  }
  protected read(_name: string, t: boolean): unknown {
    return t;
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

/** A worksheet's protection (ExcelApi 1.2): only `protected` is modelled. */
export class WorksheetProtection extends ClientObject<SheetData> {
  protected readonly kind = 'WorksheetProtection';
  protected readonly loadable = ['protected'];
  private preset: boolean | undefined;
  constructor(
    ctx: RequestContext,
    private readonly sheetOf: () => SheetData | null,
  ) {
    super(ctx);
  }
  protected target(): SheetData | null {
    const s = this.sheetOf();
    if (!s) throw new HostError(ErrorCodes.itemNotFound, 'null worksheet');
    return s;
  }
  protected read(_name: string, s: SheetData): unknown {
    return s.protected;
  }
  /** Set when the sheet was loaded with "protection/protected" (or as an item of a collection). */
  presetFrom(s: SheetData): void {
    this.preset = s.protected;
    this.ctx.respond(s.protected);
  }
  protected override get<V>(name: string): V {
    if (this.preset !== undefined) return this.preset as V;
    return super.get<V>(name);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

export class WorksheetCollection extends ClientObject<SheetData[]> {
  protected readonly kind = 'WorksheetCollection';
  protected readonly loadable = ['items', 'name', 'visibility', 'position', 'protection/protected', 'items/name', 'items/visibility', 'items/position', 'items/protection/protected'];
  private itemProxies: Worksheet[] | undefined;

  protected target(): SheetData[] {
    return this.ctx.host.workbook.sheets;
  }
  protected read(): unknown {
    return null;
  }
  override load(arg?: LoadArg): this {
    const names = loadNames(arg, ['name', 'visibility', 'position']).map((n) => n.replace(/^items\//, '')).filter((n) => n !== 'items');
    this.ctx.enqueue('WorksheetCollection.load', { load: names }, () => {
      this.itemProxies = this.ctx.host.workbook.sheets.map((s) => {
        const ws = new Worksheet(this.ctx, () => (this.ctx.host.workbook.sheets.includes(s) ? s : null), false);
        ws.fill(names.length ? names : ['name', 'visibility', 'position'], s);
        return ws;
      });
    });
    return this;
  }
  get items(): Worksheet[] {
    if (!this.itemProxies) throw notLoaded('WorksheetCollection.items');
    return this.itemProxies;
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.host.workbook.sheet(name), false, name);
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.host.workbook.sheet(name), true, name);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.host.workbook.activeSheet, false);
  }
  add(name: string): Worksheet {
    let created: SheetData | null = null;
    this.ctx.enqueue('WorksheetCollection.add', { add: name }, () => {
      const wb = this.ctx.host.workbook;
      guardStructure(this.ctx.host);
      if (!validSheetName(name)) throw new HostError(ErrorCodes.invalidArgument, `Invalid sheet name "${name}".`);
      if (wb.sheet(name)) throw new HostError(ErrorCodes.itemAlreadyExists, `A sheet named "${name}" already exists.`);
      created = new SheetData(name);
      wb.sheets.push(created);
    });
    return new Worksheet(this.ctx, () => (created && this.ctx.host.workbook.sheets.includes(created) ? created : null), false, name);
  }
}

export class Worksheet extends ClientObject<SheetData> {
  protected readonly kind = 'Worksheet';
  protected readonly loadable = ['name', 'visibility', 'position', 'protection/protected'];
  readonly freezePanes: { freezeRows: (count?: number) => void };
  readonly protection: WorksheetProtection;
  readonly pageLayout: PageLayout;
  private preset = new Map<string, unknown>();

  constructor(
    ctx: RequestContext,
    private readonly find: SheetFinder,
    private readonly orNull: boolean,
    private readonly label = '?',
  ) {
    super(ctx);
    if (orNull) this.probe();
    this.protection = new WorksheetProtection(ctx, () => this.resolve());
    this.pageLayout = new PageLayout(ctx, () => this.resolve()!);
    this.freezePanes = {
      freezeRows: (count = 1) => this.write('freezePanes.freezeRows', { count }, (s) => void (s.frozenRows = count)),
    };
  }

  /** Items of a loaded collection arrive with their properties. */
  fill(names: string[], s: SheetData): void {
    for (const n of names) {
      if (n === 'protection/protected') {
        this.protection.presetFrom(s);
        continue;
      }
      const v = this.read(n, s);
      this.ctx.respond(v);
      this.preset.set(n, v);
    }
  }

  protected override get<V>(name: string): V {
    if (this.preset.has(name)) return this.preset.get(name) as V;
    return super.get<V>(name);
  }

  protected target(): SheetData | null {
    const s = this.find();
    if (!s && !this.orNull) throw new HostError(ErrorCodes.itemNotFound, `The worksheet "${this.label}" does not exist.`);
    return s;
  }
  protected read(name: string, s: SheetData): unknown {
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    if (name === 'protection/protected') {
      this.protection.presetFrom(s);
      return s.protected;
    }
    return this.ctx.host.workbook.sheets.indexOf(s);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.write('name', { name: v }, (s) => {
      guardStructure(this.ctx.host);
      const wb = this.ctx.host.workbook;
      if (!validSheetName(v)) throw new HostError(ErrorCodes.invalidArgument, `Invalid sheet name "${v}".`);
      const other = wb.sheet(v);
      if (other && other !== s) throw new HostError(ErrorCodes.itemAlreadyExists, `A sheet named "${v}" already exists.`);
      if (wb.selection?.sheet === s.name) wb.selection = { ...wb.selection, sheet: v };
      s.name = v;
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    this.write('visibility', { visibility: v }, (s) => {
      guardStructure(this.ctx.host);
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new HostError(ErrorCodes.invalidArgument, `visibility ${v}`);
      s.visibility = v;
    });
  }
  get position(): number {
    return this.get('position');
  }
  private sheetOf(): SheetData {
    const s = this.resolve();
    if (!s) throw new HostError(ErrorCodes.itemNotFound, 'null worksheet');
    return s;
  }
  getRange(address?: string): Range {
    if (address !== undefined) this.ctx.charge('Worksheet.getRange', address);
    return new Range(this.ctx, () => {
      const sheet = this.sheetOf();
      const rect = address === undefined ? parseRect('A:XFD')! : parseRect(splitSheet(address).local);
      if (!rect) throw new HostError(ErrorCodes.invalidArgument, `Bad address "${address}".`);
      return { sheet, rect };
    });
  }
  getRanges(address: string): RangeAreas {
    this.ctx.charge('Worksheet.getRanges', address);
    return new RangeAreas(this.ctx, () => {
      this.ctx.requireApi('1.9', 'Worksheet.getRanges');
      if (address.length > RANGE_AREAS_ADDRESS_LIMIT) throw new HostError(ErrorCodes.invalidArgument, `getRanges: the address list is ${address.length} characters (limit ${RANGE_AREAS_ADDRESS_LIMIT}).`);
      const sheet = this.sheetOf();
      const rects = splitList(address).map((a) => parseRect(splitSheet(a).local));
      if (!rects.length || rects.some((r) => !r)) throw new HostError(ErrorCodes.invalidArgument, `Bad address list "${address.slice(0, 80)}…".`);
      return { sheet, rects: rects as Rect[] };
    });
  }
  /** Charts (ExcelApi 1.1): add, title, position — the subset the result sheet's chart uses. */
  get charts(): ChartCollection {
    return new ChartCollection(this.ctx, () => this.sheetOf());
  }
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.ctx, () => {
      const sheet = this.sheetOf();
      return { sheet, rect: sheet.used(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.ctx,
      () => {
        const sheet = this.sheetOf();
        const rect = sheet.used(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
  delete(): void {
    this.write('delete', { delete: this.label }, (s) => {
      guardStructure(this.ctx.host);
      const wb = this.ctx.host.workbook;
      // Documented (Worksheet.delete remarks; office-js #365, "by design"): unhide it first.
      if (s.visibility === 'VeryHidden') throw new HostError(ErrorCodes.invalidOperation, 'A very hidden worksheet cannot be deleted: change its visibility to hidden or visible first.');
      if (wb.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) throw new HostError(ErrorCodes.invalidOperation, 'A workbook must keep at least one visible sheet.');
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      if (wb.activeSheet === s) wb.activeSheet = wb.sheets.find((x) => x.visibility === 'Visible') ?? null;
      if (wb.selection?.sheet === s.name) wb.selection = null;
    });
  }
  activate(): void {
    this.write('activate', {}, (s) => {
      if (s.visibility !== 'Visible') throw new HostError(ErrorCodes.invalidOperation, 'A hidden sheet cannot be activated.');
      this.ctx.host.workbook.activeSheet = s;
    });
  }
}

// ---------------------------------------------------------------- ranges

interface RangeTarget {
  sheet: SheetData;
  rect: Rect;
}

function externalValue(c: CellModel | undefined): string | number | boolean {
  const v = c?.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  return v;
}

function cellsOf(rect: Rect, fn: (row: number, col: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
}

function grid<V>(rect: Rect, fn: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: V[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(fn(r, c));
    out.push(line);
  }
  return out;
}

function cellCount(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

const READ_CELL_LIMIT = 5_000_000;

function check2d(v: unknown, rect: Rect, what: string): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new HostError(ErrorCodes.invalidArgument, `${what}: the array's dimensions do not match the range (${rows}×${cols}).`);
  }
  return v as unknown[][];
}

/**
 * Writing values over part of a merged area fails in Excel ("MergedRangeConflict"): only the whole
 * area, or its top-left cell alone, may be written.
 */
function mergeConflict(sheet: SheetData, rect: Rect, _rows: unknown[][]): void {
  for (const m of sheet.merges) {
    const overlaps = m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left;
    if (!overlaps) continue;
    const inside = m.top >= rect.top && m.bottom <= rect.bottom && m.left >= rect.left && m.right <= rect.right;
    const anchorOnly = rect.top === m.top && rect.left === m.left && rect.bottom === m.top && rect.right === m.left;
    if (!inside && !anchorOnly) throw new HostError(ErrorCodes.mergedRangeConflict, 'Cannot change part of a merged cell.');
  }
}

function storedValue(v: unknown): HostValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    // A leading apostrophe marks text, as in Excel; a "=" would be a formula, which the host refuses
    // so that tests catch workbook text written where Excel would evaluate it.
    if (v.startsWith("'")) return v.slice(1) || null;
    if (v.startsWith('=')) throw new HostError(ErrorCodes.invalidArgument, `The test host does not evaluate formulas (value "${v.slice(0, 40)}").`);
    // Like typing into a cell, Excel converts text that reads as a number, percentage or boolean.
    const t = v.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
    if (/^[+-]?(\d+\.?\d*|\.\d+)\s*%$/.test(t)) return Number(t.replace('%', '')) / 100;
    if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
    return v;
  }
  throw new HostError(ErrorCodes.invalidArgument, `Unsupported cell value ${JSON.stringify(v)}.`);
}

const CHART_TYPES = ['BarClustered', 'ColumnClustered', 'Pie', 'Line'];

/** A chart collection of one sheet. Nothing is drawn: the model records what was asked. */
export class ChartCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => SheetData,
  ) {}
  add(type: string, source: Range, seriesBy = 'Auto'): Chart {
    let made: ChartModel | null = null;
    this.ctx.enqueue('ChartCollection.add', { type, seriesBy }, () => {
      this.ctx.requireApi('1.1', 'ChartCollection.add');
      if (!CHART_TYPES.includes(type)) throw new HostError(ErrorCodes.invalidArgument, `Chart type "${type}" is not in the test host.`);
      if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw new HostError(ErrorCodes.invalidArgument, `seriesBy "${seriesBy}".`);
      const sheet = this.sheet();
      const { sheet: from, rect } = source.live();
      if (from !== sheet) throw new HostError(ErrorCodes.invalidArgument, 'The chart source must be on the same sheet in the test host.');
      made = { type, source: rectAddress(rect), seriesBy };
      sheet.charts.push(made);
    });
    return new Chart(this.ctx, () => made);
  }
}

export class Chart {
  readonly title: { text: string };
  constructor(
    private readonly ctx: RequestContext,
    private readonly model: () => ChartModel | null,
  ) {
    const live = (): ChartModel => {
      const m = this.model();
      if (!m) throw new HostError(ErrorCodes.itemNotFound, 'The chart was not created.');
      return m;
    };
    const title = { text: '' };
    Object.defineProperty(title, 'text', {
      get: () => {
        throw notLoaded('ChartTitle.text');
      },
      set: (v: string) => ctx.enqueue('ChartTitle.text', { text: v }, () => void (live().title = v)),
    });
    this.title = title;
    this.live = live;
  }
  private readonly live: () => ChartModel;
  setPosition(start: string, end?: string): void {
    this.ctx.enqueue('Chart.setPosition', { start, end }, () => {
      if (!parseRect(start) || (end !== undefined && !parseRect(end))) throw new HostError(ErrorCodes.invalidArgument, `Bad chart position ${start}:${end}.`);
      this.live().position = { start, end: end ?? start };
    });
  }
}

export class Range extends ClientObject<RangeTarget> {
  protected readonly kind = 'Range';
  protected readonly loadable = ['address', 'addressLocal', 'values', 'numberFormat', 'text', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount'];
  readonly format: RangeFormat;

  constructor(
    ctx: RequestContext,
    private readonly find: () => RangeTarget | null,
    orNull = false,
  ) {
    super(ctx);
    if (orNull) this.probe();
    this.format = new RangeFormat(ctx, () => this.live());
  }

  protected target(): RangeTarget | null {
    return this.find();
  }
  live(): RangeTarget {
    const t = this.resolve();
    if (!t) throw new HostError(ErrorCodes.itemNotFound, 'null range');
    return t;
  }
  protected read(name: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    if ((name === 'values' || name === 'numberFormat' || name === 'text') && cellCount(rect) > READ_CELL_LIMIT) {
      throw new HostError(ErrorCodes.invalidArgument, `Range too large to read (${cellCount(rect)} cells).`);
    }
    switch (name) {
      case 'address':
      case 'addressLocal':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'values':
        return grid(rect, (r, c) => externalValue(sheet.get(r, c)));
      case 'text':
        return grid(rect, (r, c) => String(externalValue(sheet.get(r, c))));
      case 'numberFormat':
        return grid(rect, (r, c) => sheet.get(r, c)?.numberFormat ?? 'General');
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      default:
        return cellCount(rect);
    }
  }
  get address(): string {
    return this.get('address');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.write('values', { values: v }, ({ sheet, rect }) => {
      guardCells(sheet);
      const rows = check2d(v, rect, 'values');
      mergeConflict(sheet, rect, rows);
      const stored = rows.map((line) => line.map(storedValue));
      cellsOf(rect, (r, c) => {
        const value = stored[r - rect.top][c - rect.left];
        if (value === null && !sheet.get(r, c)) return;
        sheet.touch(r, c).value = value;
        sheet.tidy(r, c);
      });
    });
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.write('numberFormat', { numberFormat: v }, ({ sheet, rect }) => {
      guardCells(sheet);
      const rows = check2d(v, rect, 'numberFormat');
      cellsOf(rect, (r, c) => {
        const f = rows[r - rect.top][c - rect.left] as string;
        if (f === 'General' && !sheet.get(r, c)) return;
        const cell = sheet.touch(r, c);
        if (f === 'General') delete cell.numberFormat;
        else cell.numberFormat = f;
        sheet.tidy(r, c);
      });
    });
  }
  get text(): string[][] {
    return this.get('text');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  /** The cells this range shares with another (ExcelApi 1.4); a null object when none. */
  getIntersectionOrNullObject(other: Range | string): Range {
    if (typeof other === 'string') this.ctx.charge('Range.getIntersection', other);
    return new Range(
      this.ctx,
      () => {
        this.ctx.requireApi('1.4', 'Range.getIntersectionOrNullObject');
        const { sheet, rect } = this.live();
        let o: Rect | null;
        if (typeof other === 'string') {
          o = parseRect(splitSheet(other).local);
          if (!o) throw new HostError(ErrorCodes.invalidArgument, `Bad address "${other}".`);
        } else {
          const t = other.live();
          if (t.sheet !== sheet) throw new HostError(ErrorCodes.invalidArgument, 'The ranges are on different sheets.');
          o = t.rect;
        }
        const r: Rect = { top: Math.max(rect.top, o.top), left: Math.max(rect.left, o.left), bottom: Math.min(rect.bottom, o.bottom), right: Math.min(rect.right, o.right) };
        return r.top > r.bottom || r.left > r.right ? null : { sheet, rect: r };
      },
      true,
    );
  }
  getCell(row: number, column: number): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.live();
      const r = rect.top + row;
      const c = rect.left + column;
      return { sheet, rect: { top: r, bottom: r, left: c, right: c } };
    });
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(
      this.ctx,
      () => {
        this.ctx.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
        const { sheet, rect } = this.live();
        // Only the areas whose top-left cell is in the range (office-js #3611, #1590); more than 512
        // fail (typings remark; the error code is not documented: the host says GeneralException).
        const hits = sheet.merges.filter((m) => m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right);
        if (hits.length > MERGED_AREAS_LIMIT) throw new HostError(ErrorCodes.generalException, `getMergedAreasOrNullObject: ${hits.length} merged areas in the range (limit ${MERGED_AREAS_LIMIT}).`, 'Range.getMergedAreasOrNullObject');
        return hits.length ? { sheet, rects: hits } : null;
      },
      true,
    );
  }
  getCellProperties(spec: { format?: { fill?: { color?: boolean; pattern?: boolean; tintAndShade?: boolean } } }): ClientResult<{ format: { fill: { color?: string; pattern?: string | null; tintAndShade?: number | null } } }[][]> {
    const out = new ClientResult<{ format: { fill: { color?: string; pattern?: string | null; tintAndShade?: number | null } } }[][]>();
    this.ctx.enqueue('Range.getCellProperties', { getCellProperties: spec }, () => {
      this.ctx.requireApi('1.9', 'Range.getCellProperties');
      const { sheet, rect } = this.live();
      const want = spec.format?.fill ?? {};
      const result = grid(rect, (r, c) => {
        const fill = reportedFill(sheet.get(r, c)?.fill);
        const f: { color?: string; pattern?: string | null; tintAndShade?: number | null } = {};
        if (want.color) f.color = fill.color;
        if (want.pattern) f.pattern = fill.pattern;
        if (want.tintAndShade) f.tintAndShade = fill.tintAndShade;
        return { format: { fill: f } };
      });
      this.ctx.respond(result);
      out.set(result);
    });
    return out;
  }
  select(): void {
    this.write('select', {}, ({ sheet, rect }) => {
      const wb = this.ctx.host.workbook;
      if (sheet.visibility !== 'Visible') throw new HostError(ErrorCodes.invalidOperation, 'Cannot select on a hidden sheet.');
      wb.activeSheet = sheet;
      wb.selection = { sheet: sheet.name, cell: rectAddress(rect) };
    });
  }
  merge(): void {
    this.write('merge', {}, ({ sheet, rect }) => {
      guardCells(sheet);
      sheet.merges.push({ ...rect });
    });
  }
}

type RangeFinder = () => RangeTarget;

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class RangeFormat {
  readonly fill: RangeFill;
  readonly font: RangeFont;
  readonly borders: { getItem: (index: string) => { style: string; color: string } };
  constructor(
    private readonly ctx: RequestContext,
    private readonly live: RangeFinder,
  ) {
    this.fill = new RangeFill(ctx, () => [this.liveArea()]);
    this.font = new RangeFont(ctx, () => [this.liveArea()]);
    const border = (index: string, key: 'style' | 'color', value: string) =>
      ctx.enqueue('RangeBorder.' + key, { index, [key]: value }, () => {
        if (!BORDER_INDEXES.includes(index)) throw new HostError(ErrorCodes.invalidArgument, `Unknown border ${index}.`);
        const { sheet, rect } = this.live();
        guardCells(sheet);
        sheet.borders[`${rectAddress(rect)}:${index}`] = value;
      });
    this.borders = {
      getItem: (index: string) => ({
        set style(v: string) {
          border(index, 'style', v);
        },
        get style(): string {
          throw notLoaded('RangeBorder.style');
        },
        set color(v: string) {
          border(index, 'color', v);
        },
        get color(): string {
          throw notLoaded('RangeBorder.color');
        },
      }),
    };
  }
  private liveArea(): AreasTarget {
    const { sheet, rect } = this.live();
    return { sheet, rects: [rect] };
  }
  set columnWidth(w: number) {
    this.ctx.enqueue('RangeFormat.columnWidth', { columnWidth: w }, () => {
      const { sheet, rect } = this.live();
      guardCells(sheet);
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths[columnLetter(c)] = w;
    });
  }
  get columnWidth(): number {
    throw notLoaded('RangeFormat.columnWidth');
  }
  set rowHeight(h: number) {
    setRowHeights(this.ctx, () => [this.liveArea()], h);
  }
  get rowHeight(): number {
    throw notLoaded('RangeFormat.rowHeight');
  }
  set wrapText(on: boolean) {
    this.ctx.enqueue('RangeFormat.wrapText', { wrapText: on }, () => {
      const { sheet, rect } = this.live();
      guardCells(sheet);
      cellsOf(rect, (r, c) => {
        const cell = sheet.touch(r, c);
        if (on) cell.wrap = true;
        else delete cell.wrap;
        sheet.tidy(r, c);
      });
    });
  }
  get wrapText(): boolean {
    throw notLoaded('RangeFormat.wrapText');
  }
}

/**
 * A cell's fill as Excel reports it (getCellProperties, RangeFill.load), read pessimistically:
 * `color` is "#FFFFFF" both for no fill and for a white fill (office-js #6218), `pattern` is null for
 * both (#4900); `tintAndShade` is the tell Microsoft gives in #4900: null for no fill, a number for a
 * fill (0: the colour as set).
 */
export function reportedFill(fill: string | undefined): { color: string; pattern: string | null; tintAndShade: number | null } {
  if (!fill) return { color: '#FFFFFF', pattern: null, tintAndShade: null };
  return { color: fill, pattern: fill.toUpperCase() === '#FFFFFF' ? null : 'Solid', tintAndShade: 0 };
}

interface AreasTarget {
  sheet: SheetData;
  rects: Rect[];
}

/** Every cell of the areas, for a write: refused as a whole when one of their sheets is protected. */
/** Row heights of a range or of areas: 0–409 points, Excel's limit (README: row-height). */
function setRowHeights(ctx: RequestContext, live: () => AreasTarget[], h: number): void {
  ctx.enqueue('RangeFormat.rowHeight', { rowHeight: h }, () => {
    if (typeof h !== 'number' || !(h >= 0 && h <= MAX_ROW_HEIGHT)) throw new HostError(ErrorCodes.invalidArgument, `Row height must be 0–${MAX_ROW_HEIGHT} points.`);
    for (const a of live()) {
      guardCells(a.sheet);
      for (const rect of a.rects) for (let r = rect.top; r <= rect.bottom; r++) a.sheet.rowHeights[r] = h;
    }
  });
}

function eachCell(areas: AreasTarget[], fn: (sheet: SheetData, row: number, col: number) => void): void {
  for (const a of areas) guardCells(a.sheet);
  for (const a of areas) for (const rect of a.rects) cellsOf(rect, (r, c) => fn(a.sheet, r, c));
}

export class RangeFill {
  private color_: string | undefined;
  private loadedColor = false;
  private loadedPattern = false;
  private pattern_: string | null | undefined;
  private loadedTint = false;
  private tint_: number | null | undefined;
  constructor(
    private readonly ctx: RequestContext,
    private readonly live: () => AreasTarget[],
  ) {}
  load(arg?: LoadArg): this {
    const names = loadNames(arg, ['color', 'pattern', 'tintAndShade']);
    this.ctx.enqueue('RangeFill.load', { load: names }, () => {
      const first = this.live()[0];
      const rect = first.rects[0];
      const fill = reportedFill(first.sheet.get(rect.top, rect.left)?.fill);
      if (names.includes('color')) {
        this.color_ = fill.color;
        this.loadedColor = true;
      }
      // pattern and tintAndShade: ExcelApi 1.9 (typings).
      if (names.includes('pattern')) {
        this.ctx.requireApi('1.9', 'RangeFill.pattern');
        this.pattern_ = fill.pattern;
        this.loadedPattern = true;
      }
      if (names.includes('tintAndShade')) {
        this.ctx.requireApi('1.9', 'RangeFill.tintAndShade');
        this.tint_ = fill.tintAndShade;
        this.loadedTint = true;
      }
    });
    return this;
  }
  get color(): string {
    if (!this.loadedColor) throw notLoaded('RangeFill.color');
    return this.color_!;
  }
  set color(v: string) {
    this.ctx.enqueue('RangeFill.color', { color: v }, () => {
      if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new HostError(ErrorCodes.invalidArgument, `Bad colour ${v}`);
      eachCell(this.live(), (s, r, c) => void (s.touch(r, c).fill = v.toUpperCase()));
    });
  }
  get pattern(): string | null {
    if (!this.loadedPattern) throw notLoaded('RangeFill.pattern');
    return this.pattern_!;
  }
  get tintAndShade(): number | null {
    if (!this.loadedTint) throw notLoaded('RangeFill.tintAndShade');
    return this.tint_!;
  }
  clear(): void {
    this.ctx.enqueue('RangeFill.clear', { clear: true }, () => {
      eachCell(this.live(), (s, r, c) => {
        const cell = s.get(r, c);
        if (!cell) return;
        delete cell.fill;
        s.tidy(r, c);
      });
    });
  }
}

/** Excel's row height limit, in points (README: row-height). */
const MAX_ROW_HEIGHT = 409;
/** A header's or footer's characters, its section codes included (README: header-footer-255). */
const MAX_HEADER_FOOTER = 255;
/** `Excel.PaperType` as the typings list it (README: page-layout). */
const PAPER_TYPES = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro', 'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman'];

/**
 * Worksheet.pageLayout (ExcelApi 1.9): what is set is kept on the sheet; nothing is read back.
 * Values are checked as Excel checks them (enums, margins ≥ 0, zoom fit counts, a rows address).
 */
export class PageLayout {
  readonly headersFooters: { defaultForAllPages: Record<'leftFooter' | 'centerFooter' | 'rightFooter' | 'leftHeader' | 'centerHeader' | 'rightHeader', string> };
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => SheetData,
  ) {
    const footer: Record<string, string> = {};
    for (const key of ['leftFooter', 'centerFooter', 'rightFooter', 'leftHeader', 'centerHeader', 'rightHeader']) {
      Object.defineProperty(footer, key, {
        enumerable: true,
        set: (v: string) => this.set(`HeaderFooter.${key}`, { [key]: v }, (s) => {
          if (typeof v !== 'string') throw new HostError(ErrorCodes.invalidArgument, `${key} must be text.`);
          // The three sections are one string in the file (&L…&C…&R…), which Excel keeps to 255 characters.
          const part = key.endsWith('Footer') ? 'Footer' : 'Header';
          const next = { ...s.pageLayout.footer, [key]: v };
          const whole = ['left', 'center', 'right'].map((side) => { const t = next[`${side}${part}`]; return t ? `&${side[0].toUpperCase()}${t}` : ''; }).join('');
          if (whole.length > MAX_HEADER_FOOTER) throw new HostError(ErrorCodes.invalidArgument, `The ${part.toLowerCase()} would hold ${whole.length} characters, over ${MAX_HEADER_FOOTER}.`);
          s.pageLayout.footer[key] = v;
        }),
        get: () => {
          throw notLoaded(`HeaderFooter.${key}`);
        },
      });
    }
    this.headersFooters = { defaultForAllPages: footer as PageLayout['headersFooters']['defaultForAllPages'] };
  }
  private set(what: string, args: Record<string, unknown>, apply: (s: SheetData) => void): void {
    this.ctx.enqueue(`PageLayout.${what}`, args, () => {
      this.ctx.requireApi('1.9', `PageLayout.${what}`);
      apply(this.sheet());
    });
  }
  set orientation(v: string) {
    this.set('orientation', { orientation: v }, (s) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw new HostError(ErrorCodes.invalidArgument, `Unknown orientation ${v}.`);
      s.pageLayout.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.set('paperSize', { paperSize: v }, (s) => {
      if (!PAPER_TYPES.includes(v)) throw new HostError(ErrorCodes.invalidArgument, `Unknown paper size ${v}.`);
      s.pageLayout.paperSize = v;
    });
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set('zoom', { zoom: v }, (s) => {
      if (v.scale !== undefined && (v.scale < 10 || v.scale > 400)) throw new HostError(ErrorCodes.invalidArgument, 'Zoom scale must be 10–400.');
      s.pageLayout.zoom = { ...v } as Record<string, number>;
    });
  }
  setPrintTitleRows(address: string): void {
    this.set('setPrintTitleRows', { address }, (s) => {
      if (!/^\$?\d+:\$?\d+$/.test(address)) throw new HostError(ErrorCodes.invalidArgument, `Not a rows address: ${address}.`);
      s.pageLayout.printTitleRows = address;
    });
  }
}
for (const side of ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin']) {
  Object.defineProperty(PageLayout.prototype, side, {
    set(this: PageLayout, v: number) {
      (this as unknown as { set: (w: string, a: Record<string, unknown>, f: (s: SheetData) => void) => void }).set(side, { [side]: v }, (s) => {
        if (typeof v !== 'number' || v < 0) throw new HostError(ErrorCodes.invalidArgument, `${side} must be a number ≥ 0.`);
        s.pageLayout.margins[side] = v;
      });
    },
    get() {
      throw notLoaded(`PageLayout.${side}`);
    },
  });
}

export class RangeFont {
  constructor(
    private readonly ctx: RequestContext,
    private readonly live: () => AreasTarget[],
  ) {}
  set size(v: number) {
    this.ctx.enqueue('RangeFont.size', { size: v }, () => {
      if (typeof v !== 'number' || v < 1 || v > 409) throw new HostError(ErrorCodes.invalidArgument, 'Font size must be 1–409.');
      // Kept per range, as borders are (a sheet's whole table is one call; cells are not made for it).
      for (const a of this.live()) {
        guardCells(a.sheet);
        for (const rect of a.rects) a.sheet.fontSizes.push({ range: rectAddress(rect), size: v });
      }
    });
  }
  get size(): number {
    throw notLoaded('RangeFont.size');
  }
  set bold(on: boolean) {
    this.ctx.enqueue('RangeFont.bold', { bold: on }, () =>
      eachCell(this.live(), (s, r, c) => {
        const cell = s.touch(r, c);
        if (on) cell.bold = true;
        else delete cell.bold;
        s.tidy(r, c);
      }),
    );
  }
  get bold(): boolean {
    throw notLoaded('RangeFont.bold');
  }
  set color(v: string) {
    this.ctx.enqueue('RangeFont.color', { color: v }, () => eachCell(this.live(), (s, r, c) => void (s.touch(r, c).fontColor = v)));
  }
  get color(): string {
    throw notLoaded('RangeFont.color');
  }
}

export class RangeAreas extends ClientObject<AreasTarget> {
  protected readonly kind = 'RangeAreas';
  protected readonly loadable = ['address', 'areaCount', 'cellCount'];
  readonly format: { fill: RangeFill; font: RangeFont; rowHeight: number };

  constructor(
    ctx: RequestContext,
    private readonly find: () => AreasTarget | null,
    orNull = false,
  ) {
    super(ctx);
    if (orNull) this.probe();
    const live = (): AreasTarget[] => {
      const t = this.resolve();
      if (!t) throw new HostError(ErrorCodes.itemNotFound, 'null RangeAreas');
      return [t];
    };
    const format = { fill: new RangeFill(ctx, live), font: new RangeFont(ctx, live) } as RangeAreas['format'];
    Object.defineProperty(format, 'rowHeight', {
      enumerable: true,
      set: (h: number) => setRowHeights(ctx, live, h),
      get: () => {
        throw notLoaded('RangeFormat.rowHeight');
      },
    });
    this.format = format;
  }
  protected target(): AreasTarget | null {
    return this.find();
  }
  protected read(name: string, t: AreasTarget): unknown {
    if (name === 'address') return t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectAddress(r)}`).join(',');
    if (name === 'areaCount') return t.rects.length;
    return t.rects.reduce((n, r) => n + cellCount(r), 0);
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

// ---------------------------------------------------------------- notes and comments

interface CellRef {
  sheet: SheetData;
  row: number;
  col: number;
}

/**
 * The cell a note or comment address names, at the workbook level: the address must name its sheet
 * (comments: "must contain the full address, including the sheet name"; notes: the host reads the
 * workbook collection's "A1" pessimistically the same way) and one cell. `code`: the error Excel
 * documents for a bad address — InvalidCellAddress for NoteCollection.add, InvalidArgument otherwise.
 */
function cellRefOf(ctx: RequestContext, address: string | Range, code: string = ErrorCodes.invalidArgument): CellRef {
  if (address instanceof Range) {
    const { sheet, rect } = address.live();
    if (rect.top !== rect.bottom || rect.left !== rect.right) throw new HostError(code, 'A note or comment belongs to one cell, not a range.');
    return { sheet, row: rect.top, col: rect.left };
  }
  const { sheet: name, local } = splitSheet(address);
  if (name === null) throw new HostError(code, `The address "${address}" must include the sheet name.`);
  // Excel needs quotes around a sheet name with spaces, accents or the look of a cell reference.
  if (!address.trim().startsWith("'") && !bareSheetName(name)) throw new HostError(code, `The sheet name in "${address}" must be quoted.`);
  const sheet = ctx.host.workbook.sheet(name);
  const rect = parseRect(local);
  if (!rect) throw new HostError(code, `Bad cell address "${address}".`);
  if (!sheet) throw new HostError(ErrorCodes.itemNotFound, `There is no sheet "${name}".`);
  if (rect.top !== rect.bottom || rect.left !== rect.right) throw new HostError(code, `A note or comment belongs to one cell, not "${address}".`);
  return { sheet, row: rect.top, col: rect.left };
}

type NoteField = 'note' | 'comment';

/**
 * A note or comment object, once found, stays attached to its cell: when rows or columns are
 * inserted or deleted, or a sort moves its row (by a co-author between two requests), the item
 * loaded earlier is found where its cell went, not at the address it had. The host's cells move as
 * objects (workbook.ts `remap` / `sortRows`), so the item keeps its cell object and looks it up.
 * Assumption, not confirmed on a real Excel: an item of `notes.items` / `comments.items`, or one
 * found by `getItem(address)` once it was found, refers to the note itself (Excel's UI moves a note
 * with its cell on insert, delete and sort; the library keeps a reference to the object).
 */
function following(at: CellRef): () => CellRef | null {
  const cell = at.sheet.get(at.row, at.col);
  let last = at;
  let moves = at.sheet.moves;
  return () => {
    if (!cell) return last;
    if (last.sheet.get(last.row, last.col) === cell) return last;
    // Not where it was and nothing moved since: the cell is gone. Otherwise look once (unsorted: a
    // sorted scan per item made clearing 10,000 notes quadratic).
    if (last.sheet.moves === moves) return null;
    moves = last.sheet.moves;
    for (const [k, c] of last.sheet.cells) {
      if (c !== cell) continue;
      last = { sheet: last.sheet, row: Math.floor(k / SHEET_WIDTH), col: k % SHEET_WIDTH };
      return last;
    }
    return null;
  };
}

function allWith(ctx: RequestContext, field: NoteField): CellRef[] {
  const out: CellRef[] = [];
  for (const sheet of ctx.host.workbook.sheets) for (const [row, col, c] of sheet.entries()) if (c[field] !== undefined) out.push({ sheet, row, col });
  return out;
}

abstract class Annotation extends ClientObject<CellRef> {
  protected readonly loadable = ['content', 'id', 'authorName'];
  protected abstract readonly field: NoteField;
  constructor(
    ctx: RequestContext,
    private readonly find: () => CellRef | null,
    private readonly orNull: boolean,
    preset?: CellRef,
  ) {
    super(ctx);
    if (orNull) this.probe();
    if (preset) this.presetRef = preset;
  }
  private presetRef: CellRef | undefined;
  private presetValues = new Map<string, unknown>();
  fill(names: string[]): void {
    for (const n of names) {
      const v = this.read(n, this.presetRef!);
      this.ctx.respond(v);
      this.presetValues.set(n, v);
    }
  }
  protected override get<V>(name: string): V {
    if (this.presetValues.has(name)) return this.presetValues.get(name) as V;
    return super.get<V>(name);
  }
  protected target(): CellRef | null {
    const ref = this.find();
    const ok = ref && ref.sheet.get(ref.row, ref.col)?.[this.field] !== undefined && this.ctx.host.workbook.sheets.includes(ref.sheet);
    if (!ok && !this.orNull) throw new HostError(ErrorCodes.itemNotFound, `The ${this.field} does not exist.`);
    return ok ? ref : null;
  }
  protected read(name: string, t: CellRef): unknown {
    if (name === 'content') return t.sheet.get(t.row, t.col)?.[this.field] ?? null;
    if (name === 'id') return `${t.sheet.name}!${rectAddress({ top: t.row, bottom: t.row, left: t.col, right: t.col })}`;
    return 'Test host';
  }
  get content(): string {
    return this.get('content');
  }
  set content(v: string) {
    this.write('content', { content: v }, (t) => {
      guardCells(t.sheet);
      t.sheet.touch(t.row, t.col)[this.field] = String(v);
    });
  }
  get id(): string {
    return this.get('id');
  }
  delete(): void {
    this.write('delete', {}, (t) => {
      guardCells(t.sheet);
      delete t.sheet.touch(t.row, t.col)[this.field];
      t.sheet.tidy(t.row, t.col);
    });
  }
  getLocation(): Range {
    return new Range(this.ctx, () => {
      const t = this.resolve();
      if (!t) throw new HostError(ErrorCodes.itemNotFound, `null ${this.field}`);
      return { sheet: t.sheet, rect: { top: t.row, bottom: t.row, left: t.col, right: t.col } };
    });
  }
}

export class Note extends Annotation {
  protected readonly kind = 'Note';
  protected readonly field = 'note';
}

export class Comment extends Annotation {
  protected readonly kind = 'Comment';
  protected readonly field = 'comment';
}

abstract class AnnotationCollection<A extends Annotation> extends ClientObject<CellRef[]> {
  protected readonly loadable = ['items', 'content', 'id', 'items/content', 'items/id'];
  protected abstract readonly field: NoteField;
  protected abstract readonly version: string;
  protected abstract make(find: () => CellRef | null, orNull: boolean, preset?: CellRef): A;
  private itemProxies: A[] | undefined;

  protected target(): CellRef[] {
    this.ctx.requireApi(this.version, `${this.kind}`);
    return allWith(this.ctx, this.field);
  }
  protected read(): unknown {
    return null;
  }
  override load(arg?: LoadArg): this {
    const names = loadNames(arg, ['content', 'id']).map((n) => n.replace(/^items\//, '')).filter((n) => n !== 'items');
    this.ctx.enqueue(`${this.kind}.load`, { load: names }, () => {
      const refs = this.resolve() ?? [];
      this.itemProxies = refs.map((ref) => {
        const item = this.make(following(ref), false, ref);
        item.fill(names.length ? names : ['content', 'id']);
        return item;
      });
    });
    return this;
  }
  get items(): A[] {
    if (!this.itemProxies) throw notLoaded(`${this.kind}.items`);
    return this.itemProxies;
  }
  add(cellAddress: string | Range, content: string): A {
    let find: (() => CellRef | null) | null = null;
    this.ctx.enqueue(`${this.kind}.add`, { add: typeof cellAddress === 'string' ? cellAddress : 'range', content }, () => {
      this.ctx.requireApi(this.version, `${this.kind}.add`);
      // Some builds reporting ExcelApi 1.10 refuse to add a comment (office-js #1847).
      if (this.field === 'comment' && this.ctx.host.commentsNotImplemented) throw new HostError(ErrorCodes.notImplemented, 'This operation is not implemented.');
      const ref = cellRefOf(this.ctx, cellAddress, this.field === 'note' ? ErrorCodes.invalidCellAddress : ErrorCodes.invalidArgument);
      guardCells(ref.sheet);
      const cell = ref.sheet.touch(ref.row, ref.col);
      if (cell[this.field] !== undefined) throw new HostError(ErrorCodes.invalidOperation, `The cell already has a ${this.field}.`);
      // One per cell: a note and a threaded comment share the cell's comment slot in Excel.
      const otherField: NoteField = this.field === 'note' ? 'comment' : 'note';
      if (cell[otherField] !== undefined) throw new HostError(ErrorCodes.invalidOperation, `The cell already has a ${otherField}; Excel keeps one note or comment per cell.`);
      cell[this.field] = String(content);
      find = following(ref);
    });
    return this.make(() => (find ? find() : null), false);
  }
  /** Found by its cell's address when first used; from then on it is that note, wherever its cell goes. */
  protected byCell(address: string | Range, orNull: boolean): A {
    let found: (() => CellRef | null) | null = null;
    return this.make(() => {
      if (found) return found();
      this.ctx.requireApi(this.version, `${this.kind}.getItem`);
      let ref: CellRef;
      try {
        ref = cellRefOf(this.ctx, address);
      } catch (e) {
        if (orNull && e instanceof HostError && e.code === ErrorCodes.itemNotFound) return null;
        throw e;
      }
      if (ref.sheet.get(ref.row, ref.col)?.[this.field] !== undefined) found = following(ref);
      return ref;
    }, orNull);
  }
}

export class NoteCollection extends AnnotationCollection<Note> {
  protected readonly kind = 'NoteCollection';
  protected readonly field = 'note';
  protected readonly version = '1.18';
  protected make(find: () => CellRef | null, orNull: boolean, preset?: CellRef): Note {
    return new Note(this.ctx, find, orNull, preset);
  }
  /** The key of a note is its cell's address ("Sheet!B6"). */
  getItem(key: string): Note {
    return this.byCell(key, false);
  }
  getItemOrNullObject(key: string): Note {
    return this.byCell(key, true);
  }
}

export class CommentCollection extends AnnotationCollection<Comment> {
  protected readonly kind = 'CommentCollection';
  protected readonly field = 'comment';
  protected readonly version = '1.10';
  protected make(find: () => CellRef | null, orNull: boolean, preset?: CellRef): Comment {
    return new Comment(this.ctx, find, orNull, preset);
  }
  getItemByCell(cellAddress: string | Range): Comment {
    return this.byCell(cellAddress, false);
  }
  /** Comment ids of the host are their cell's address. */
  getItemOrNullObject(commentId: string): Comment {
    return this.byCell(commentId, true);
  }
  getItem(commentId: string): Comment {
    return this.byCell(commentId, false);
  }
}
