/**
 * Microsoft's Excel client library (`@microsoft/office-js`, dist/excel-web-16.00.debug.js) loaded
 * without office.js: its `Excel` and `OfficeExtension` build requests as Excel on the web would, and
 * send them through `OfficeExtension.HttpUtility.setCustomSendRequestFunc` to whoever registered for
 * the request's URL (a WireResponder over a host). No Node-only imports: the caller gives the
 * library's source text (read from node_modules in Node, bundled in the browser).
 */
import { addNotes } from './notes';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body exactly as it would travel (the library's own serialisation). */
  body: string;
}

export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type WireHandler = (request: WireRequest) => Promise<WireResponse>;

export interface OfficeLike {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
}

export interface ExcelLibrary {
  /** The library's namespaces (classes, enums, run, RequestContext). */
  readonly Excel: any;
  readonly OfficeExtension: any;
  /** Answers requests whose URL starts with `prefix`; returns the unregistration. */
  register(prefix: string, handler: WireHandler): () => void;
  /** The Office whose requirement sets gate the library's APIs (the library reads window.Office). */
  useOffice(office: OfficeLike | undefined): void;
}

/** The window the library sees: just what its load and its batches touch. */
function sandboxWindow(): Record<string, unknown> {
  const noop = (): void => undefined;
  const win: Record<string, unknown> = {};
  const element = () => ({ setAttribute: noop, appendChild: noop, style: {} });
  Object.assign(win, {
    window: win,
    self: win,
    top: win,
    parent: win,
    name: '',
    addEventListener: noop,
    removeEventListener: noop,
    document: {
      addEventListener: noop,
      removeEventListener: noop,
      getElementsByTagName: () => [],
      querySelector: () => null,
      createElement: element,
      readyState: 'complete',
      cookie: '',
    },
    location: { href: 'https://localhost/', protocol: 'https:', host: 'localhost', hostname: 'localhost', origin: 'https://localhost', hash: '', search: '', pathname: '/' },
    navigator: { userAgent: 'Node' },
  });
  // Called bare inside the sandbox they would get it as `this`, which browsers refuse.
  const real = globalThis as unknown as Record<string, unknown>;
  for (const k of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask']) {
    const f = real[k];
    if (typeof f === 'function') win[k] = f.bind(globalThis);
  }
  return win;
}

/**
 * Evaluates the library in a scope of its own: a `with` over a proxy of a fake window, so that its
 * top-level names (Excel, OfficeExtension, OSF, Microsoft…) stay off the real global object while it
 * runs in the caller's realm (its errors are `instanceof Error`, its arrays are arrays).
 */
export function loadExcelLibrary(source: string): ExcelLibrary {
  const win = sandboxWindow();
  const real = globalThis as unknown as Record<PropertyKey, unknown>;
  const scope = new Proxy(win, {
    has: () => true,
    get: (t, k) => (k === Symbol.unscopables ? undefined : k in t ? t[k as string] : real[k]),
    set: (t, k, v) => {
      t[k as string] = v;
      return true;
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('__scope', `with (__scope) {\n${source}\n}`)(scope);
  const Excel = win.Excel as any;
  const OfficeExtension = win.OfficeExtension as any;
  if (!Excel?.RequestContext || !OfficeExtension?.HttpUtility) throw new Error('The Excel client library did not load (no Excel.RequestContext).');
  // As in the minified web build (its last statement): APIs above the host's requirement sets throw ApiNotFound.
  OfficeExtension.CommonUtility._doApiNotSupportedCheck = true;
  // Release tracked objects before Excel.run resolves, so that nothing reaches a host after its test.
  OfficeExtension.Utility._synchronousCleanup = true;
  addNotes(Excel, OfficeExtension);
  const handlers: { prefix: string; handler: WireHandler }[] = [];
  OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (request: { url: string; method: string; headers: Record<string, string> }) => {
    const body: string = OfficeExtension.CoreUtility._getRequestBodyText(request);
    const hit = [...handlers].reverse().find((h) => request.url.startsWith(h.prefix));
    if (!hit) return { statusCode: 404, headers: {}, body: JSON.stringify({ error: { code: 'ConnectionFailure', message: `No host answers ${request.url}.` } }) };
    return hit.handler({ url: request.url, method: request.method, headers: request.headers, body });
  });
  let office: OfficeLike | undefined;
  Object.defineProperty(win, 'Office', { get: () => office, configurable: true });
  return {
    Excel,
    OfficeExtension,
    register(prefix, handler) {
      const entry = { prefix, handler };
      handlers.push(entry);
      return () => {
        const i = handlers.indexOf(entry);
        if (i >= 0) handlers.splice(i, 1);
      };
    },
    useOffice(o) {
      office = o;
    },
  };
}
