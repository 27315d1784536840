/**
 * The bridge between the browser tests and the strict Excel test host (tools/excel-host/, written with
 * the Office.js adapter): the script that answers the CDN's office.js request, and a probe that
 * reads the host's workbook from the page through `window.__host`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from './page';
import type { Grid } from '../../../src/core/grid';
import { ROOT } from './build';

export interface HostOptions {
  displayLanguage: string;
  /** Office.context.platform ("OfficeOnline" when absent; "Mac" to exercise the Mac paths). */
  platform?: string;
  /** Highest version per requirement set, over the platform's (e.g. { ExcelApi: '1.8' }: an older Excel). */
  requirementSets?: Record<string, string>;
  /** Keep the workbook across reloads of the page (sessionStorage). */
  persist?: boolean;
}

/** The host's workbook model for a grid: tools/excel-host/fromGrid.ts when present, else the grid itself. */
function workbookModel(grid: Grid): unknown {
  const helper = path.join(ROOT, 'tools/excel-host/fromGrid.ts');
  if (!fs.existsSync(helper)) return grid;
  // Loaded at run time so that this file compiles before the host exists.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(helper) as Record<string, unknown>;
  const fn = (mod.fromGrid ?? mod.workbookFromGrid ?? mod.default) as ((g: Grid) => unknown) | undefined;
  if (typeof fn !== 'function') throw new Error(`tools/excel-host/fromGrid.ts exports no fromGrid(grid): ${Object.keys(mod).join(', ')}`);
  return fn(grid);
}

/** office.js as the test serves it: the workbook, the language, then the bundled host. */
export function hostScript(grid: Grid, hostBundle: string, options: HostOptions): string {
  return hostScriptForModel(workbookModel(grid), hostBundle, options);
}

/** The same for a host workbook model as it is (e.g. `__host.dump()` before reloading the pane). */
export function hostScriptForModel(model: unknown, hostBundle: string, options: HostOptions): string {
  // JSON is valid JavaScript; "<" is escaped so that no workbook text can close a script element.
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  return [
    `window.__THIDUA_WORKBOOK__ = ${json(model)};`,
    `window.__THIDUA_HOST_OPTIONS__ = ${json(options)};`,
    hostBundle,
  ].join('\n');
}

export interface CellProbe {
  fill: string | null;
  note: string | null;
}

/** Reads the host's state from the page. */
export function probe(page: Page) {
  const call = <T>(method: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ({ method, args }: { method: string; args: unknown[] }) => {
        const host = (window as unknown as { __host?: Record<string, unknown> }).__host;
        if (!host) throw new Error('window.__host is missing: the test host did not load');
        const fn = host[method];
        if (typeof fn !== 'function') throw new Error(`window.__host.${method} is missing (has: ${Object.keys(host).join(', ')})`);
        return (fn as (...a: unknown[]) => unknown).apply(host, args) as T;
      },
      { method, args },
    ) as Promise<T>;
  return {
    /** The whole workbook as plain data (values, fills, notes per sheet), for equality checks. */
    snapshot: () => call<Record<string, unknown>>('snapshot'),
    cells: (refs: { sheet: string; cell: string }[]) => call<CellProbe[]>('cells', refs),
    sheetNames: () => call<string[]>('sheetNames'),
    selected: () => call<{ sheet: string; cell: string } | null>('selected'),
    /** URLs the pane opened in the system browser (Office.context.ui.openBrowserWindow). */
    openedUrls: () => call<string[]>('openedBrowserUrls'),
    /** Excel refusing every request, as while a cell is being edited. */
    setCellEditMode: (on: boolean) => call<void>('setCellEditMode', on),
    /** The host's workbook model, to serve again after a reload. */
    dump: () => call<unknown>('dump'),
  };
}
