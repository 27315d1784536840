/**
 * The host answering at the wire level: each ProcessQuery request that Microsoft's Excel client
 * library sends (JSON `ObjectPaths` + `Actions`) is replayed onto the in-house proxies of ../api.ts
 * over the same host state, run as one in-house sync, and answered in the library's format
 * (`{"Results":[{"ActionId","Value"}]}` or `{"Error":{"Code","Message","Location"}}`). Every rule of
 * the host (protection, merges, cell-edit mode, limits, failAfterActions…) thus lives once, in api.ts;
 * what is added here is the wire: real request and response sizes, object paths kept across the
 * requests of one Excel.run, references for objects made by methods.
 */
import { ClientResult, ErrorCodes, HostError, Range, RequestContext } from '../api';
import type { HostState } from '../host';
import type { WireRequest, WireResponse } from './library';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Action and object path types of the RichApi wire format (as the library numbers them). */
const ActionType = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
const PathType = { global: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

interface RequestBody {
  Actions?: ActionInfo[];
  ObjectPaths?: Record<string, PathInfo>;
}

/** One Excel.run of the library: its in-house context and the objects its paths stand for. */
interface Session {
  ctx: RequestContext;
  objects: Map<number, unknown>;
  refs: Map<string, unknown>;
  refOf: Map<unknown, string>;
}

type Pending =
  | { kind: 'instantiate'; action: ActionInfo; obj: unknown; path: PathInfo | undefined }
  | { kind: 'query'; action: ActionInfo; obj: any; names: string[] | undefined }
  | { kind: 'result'; action: ActionInfo; result: ClientResult<unknown> };

const camel = (name: string) => (name.startsWith('_') ? name : name.charAt(0).toLowerCase() + name.slice(1));
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

function kindOf(obj: unknown): string {
  return obj && typeof obj === 'object' ? obj.constructor?.name || 'Object' : String(obj);
}

function accessor(obj: object, name: string): PropertyDescriptor | undefined {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return d;
  }
  return undefined;
}

function isCollection(obj: unknown): boolean {
  return !!obj && typeof obj === 'object' && !!accessor(obj, 'items')?.get;
}

/** A proxy's null state once synced; false for objects that have none (or were never probed). */
function isNull(obj: unknown): boolean {
  if (obj === null || obj === undefined) return true;
  try {
    return (obj as { isNullObject?: boolean }).isNullObject === true;
  } catch {
    return false;
  }
}

function notInHost(what: string): HostError {
  return new HostError(ErrorCodes.apiNotFound, `${what} is not in the test host.`);
}

/**
 * Methods the library calls on its own (not the add-in): it writes more than 1,500 cells as
 * `_ValidateArraySize(rows, columns)` then one write per block of rows, each block addressed as
 * `getRow(i).getBoundingRect(getRow(j))`. Answered here with the host's ranges.
 */
const LIBRARY_METHODS: Record<string, (ctx: RequestContext, obj: any, args: any[]) => unknown> = {
  _ValidateArraySize(ctx, range: Range, [rows, columns]: number[]) {
    ctx.enqueue('Range._ValidateArraySize', { rows, columns }, () => {
      const { rect } = range.live();
      if (rect.bottom - rect.top + 1 !== rows || rect.right - rect.left + 1 !== columns) {
        throw new HostError(ErrorCodes.invalidArgument, `The array's dimensions (${rows}×${columns}) do not match the range's.`);
      }
    });
  },
  getRow(ctx, range: Range, [row]: number[]) {
    return new Range(ctx, () => {
      const { sheet, rect } = range.live();
      const r = rect.top + row;
      if (r > rect.bottom) throw new HostError(ErrorCodes.invalidArgument, `Row ${row} is outside the range.`);
      return { sheet, rect: { top: r, bottom: r, left: rect.left, right: rect.right } };
    });
  },
  getBoundingRect(ctx, range: Range, [other]: Range[]) {
    return new Range(ctx, () => {
      const a = range.live();
      const b = other.live();
      if (a.sheet !== b.sheet) throw new HostError(ErrorCodes.invalidArgument, 'The ranges are on different sheets.');
      const rect = { top: Math.min(a.rect.top, b.rect.top), left: Math.min(a.rect.left, b.rect.left), bottom: Math.max(a.rect.bottom, b.rect.bottom), right: Math.max(a.rect.right, b.rect.right) };
      return { sheet: a.sheet, rect };
    });
  },
};

/** obj.name(...args), or the library's own method answered above when the proxies lack it. */
function call(ctx: RequestContext, obj: any, name: string, args: unknown[]): unknown {
  if (typeof obj?.[name] === 'function') return obj[name](...args);
  if (obj instanceof Range && LIBRARY_METHODS[name]) return LIBRARY_METHODS[name](ctx, obj, args);
  throw notInHost(`${kindOf(obj)}.${name}()`);
}

export class WireResponder {
  private sessions = new Map<string, Session>();
  private nextRef = 1;

  constructor(private readonly host: HostState) {}

  /** Forgets the objects of one Excel.run (its URL). */
  close(url: string): void {
    this.sessions.delete(url);
  }

  async handle(request: WireRequest): Promise<WireResponse> {
    const key = request.url.replace(/\/ProcessQuery.*$/, '');
    let session = this.sessions.get(key);
    if (!session) {
      session = { ctx: new RequestContext(this.host), objects: new Map(), refs: new Map(), refOf: new Map() };
      this.sessions.set(key, session);
    }
    const requestBytes = utf8Bytes(request.body);
    const body = JSON.parse(request.body) as RequestBody;
    const actions = body.Actions ?? [];
    const paths = body.ObjectPaths ?? {};
    // The library's release of tracked objects at the end of Excel.run: not a sync of the add-in.
    const releases = actions.filter((a) => a.ActionType === ActionType.method && a.Name === '_RemoveReference');
    if (releases.length && actions.every((a) => a.ActionType === ActionType.instantiate || releases.includes(a))) {
      for (const a of actions) if (a.Name === '_RemoveReference') this.release(session, String(a.ArgumentInfo?.Arguments?.[0]));
      return this.reply({ Results: [] }, false);
    }
    const ctx = session.ctx;
    ctx.wire = { requestBytes };
    const pending: Pending[] = [];
    let replayError: unknown;
    if (requestBytes <= this.host.requestLimit) {
      for (const action of actions) {
        try {
          this.replay(session, paths, action, pending);
        } catch (e) {
          replayError = e;
          break;
        }
      }
    }
    // What was queued before a refused action still runs, as in Excel (no rollback).
    try {
      await ctx.sync();
    } catch (e) {
      return this.fail(e);
    } finally {
      ctx.wire = undefined;
    }
    if (replayError) return this.fail(replayError);
    let results: { ActionId: number; Value: unknown }[];
    try {
      results = pending.map((p) => ({ ActionId: p.action.Id, Value: this.value(session!, p) }));
    } catch (e) {
      return this.fail(e);
    }
    return this.reply({ Results: results }, true);
  }

  private reply(payload: unknown, counted: boolean): WireResponse {
    const text = JSON.stringify(payload);
    const bytes = utf8Bytes(text);
    if (counted) {
      this.host.responseSizes.push(bytes);
      if (bytes > this.host.responseLimit) {
        if (this.host.payloadError === 'GeneralException') return this.fail(new HostError(ErrorCodes.generalException, 'An internal error has occurred.'));
        return this.fail(new HostError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size (${bytes} bytes) has exceeded the limit (${this.host.responseLimit}).`));
      }
    }
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: text };
  }

  private fail(e: unknown): WireResponse {
    const err = e instanceof HostError ? e : new HostError(ErrorCodes.generalException, `Test host: ${e instanceof Error ? e.message : String(e)}`);
    const payload = { Error: { Code: err.code, Message: err.message, Location: err.debugInfo.errorLocation ?? '' } };
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
  }

  private release(session: Session, ref: string): void {
    const obj = session.refs.get(ref);
    session.refs.delete(ref);
    if (obj !== undefined) session.refOf.delete(obj);
  }

  private charge(kind: string, action: ActionInfo): void {
    const kinds = this.host.requestBytesByKind;
    kinds[kind] = (kinds[kind] ?? 0) + utf8Bytes(JSON.stringify(action));
  }

  private args(session: Session, paths: Record<string, PathInfo>, info: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } | undefined): unknown[] {
    const list = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return list.map((v, i) => (refs[i] ? this.resolve(session, paths, refs[i]) : v));
  }

  /** The in-house object an object path stands for (made once per Excel.run, as Excel keeps it). */
  private resolve(session: Session, paths: Record<string, PathInfo>, id: number): any {
    if (session.objects.has(id)) return session.objects.get(id);
    const info = paths[String(id)];
    if (!info) throw new HostError('InvalidObjectPath', `Object path ${id} is not in the request.`);
    let obj: any;
    switch (info.ObjectPathType) {
      case PathType.global:
        obj = session.ctx.workbook;
        break;
      case PathType.property: {
        const parent = this.resolve(session, paths, info.ParentObjectPathId!);
        const name = camel(info.Name);
        if (!parent || !(name in parent)) throw notInHost(`${kindOf(parent)}.${name}`);
        obj = parent[name];
        break;
      }
      case PathType.indexer: {
        const parent = this.resolve(session, paths, info.ParentObjectPathId!);
        if (typeof parent?.getItem !== 'function') throw notInHost(`${kindOf(parent)}[…]`);
        obj = parent.getItem(...this.args(session, paths, info.ArgumentInfo));
        break;
      }
      case PathType.method: {
        const parent = this.resolve(session, paths, info.ParentObjectPathId!);
        const args = this.args(session, paths, info.ArgumentInfo);
        if (info.Name === 'GetItemAt' && isCollection(parent) && typeof parent.getItemAt !== 'function') {
          obj = parent.items[args[0] as number];
          if (obj === undefined) throw new HostError(ErrorCodes.itemNotFound, `No item ${String(args[0])} in ${kindOf(parent)}.`);
          break;
        }
        obj = call(session.ctx, parent, camel(info.Name), args);
        break;
      }
      case PathType.referenceId:
        if (!session.refs.has(info.Name)) throw new HostError('InvalidObjectPath', `The object ${info.Name} was released or never made.`);
        obj = session.refs.get(info.Name);
        break;
      case PathType.nullObject:
        obj = null;
        break;
      default:
        throw notInHost(`Object path type ${info.ObjectPathType}`);
    }
    session.objects.set(id, obj);
    return obj;
  }

  private replay(session: Session, paths: Record<string, PathInfo>, action: ActionInfo, pending: Pending[]): void {
    switch (action.ActionType) {
      case ActionType.instantiate: {
        const obj = this.resolve(session, paths, action.ObjectPathId);
        this.charge('Instantiate', action);
        pending.push({ kind: 'instantiate', action, obj, path: paths[String(action.ObjectPathId)] });
        return;
      }
      case ActionType.query: {
        const obj = this.resolve(session, paths, action.ObjectPathId);
        this.charge(`${kindOf(obj)}.load`, action);
        if (typeof obj?.load !== 'function') throw new HostError(ErrorCodes.invalidArgument, `${kindOf(obj)} cannot be loaded in the test host.`);
        const names = action.QueryInfo?.Select;
        obj.load(names && names.length ? names : undefined);
        pending.push({ kind: 'query', action, obj, names: names && names.length ? names : undefined });
        return;
      }
      case ActionType.setProperty: {
        const obj = this.resolve(session, paths, action.ObjectPathId);
        const name = camel(action.Name);
        this.charge(`${kindOf(obj)}.${name}`, action);
        if (!obj || !accessor(obj, name)?.set) throw notInHost(`Setting ${kindOf(obj)}.${name}`);
        obj[name] = this.args(session, paths, action.ArgumentInfo)[0];
        return;
      }
      case ActionType.method: {
        const obj = this.resolve(session, paths, action.ObjectPathId);
        if (action.Name === '_KeepReference') return;
        if (action.Name === '_RemoveReference') return this.release(session, String(action.ArgumentInfo?.Arguments?.[0]));
        const name = camel(action.Name);
        this.charge(`${kindOf(obj)}.${name}`, action);
        const result = call(session.ctx, obj, name, this.args(session, paths, action.ArgumentInfo));
        if (result instanceof ClientResult) pending.push({ kind: 'result', action, result });
        return;
      }
      default:
        throw notInHost(`Action type ${action.ActionType}`);
    }
  }

  /** An action's answer, read from the in-house objects after their sync. */
  private value(session: Session, p: Pending): unknown {
    if (p.kind === 'result') return p.result.value;
    if (p.kind === 'instantiate') {
      if (isNull(p.obj)) return null;
      // Objects made by methods (add, getRange, getCell…) are valid for one request only unless
      // Excel hands back a reference: the library then addresses them by it (and releases it at the end).
      const type = p.path?.ObjectPathType;
      if (type !== PathType.method && type !== PathType.referenceId) return {};
      let ref = session.refOf.get(p.obj);
      if (!ref) {
        ref = `ref${this.nextRef++}`;
        session.refs.set(ref, p.obj);
        session.refOf.set(p.obj, ref);
      }
      return { _ReferenceId: ref };
    }
    if (isNull(p.obj)) return null;
    if (isCollection(p.obj)) return { _Items: (p.obj.items as unknown[]).map((item) => this.props(item, p.names)) };
    return this.props(p.obj, p.names);
  }

  private props(obj: any, names: string[] | undefined): Record<string, unknown> {
    const list = names ?? Object.keys(typeof obj?.toJSON === 'function' ? obj.toJSON() : {});
    const out: Record<string, unknown> = {};
    for (const name of list) {
      const parts = name.split('/');
      let from = obj;
      let to = out;
      for (const part of parts.slice(0, -1)) {
        from = from[part];
        to = (to[pascal(part)] ??= {}) as Record<string, unknown>;
      }
      const last = parts[parts.length - 1];
      to[pascal(last)] = from[last];
    }
    return out;
  }
}
