/**
 * The test host as the browser tests serve it in place of the CDN's office.js: installs
 * window.Office / Excel / OfficeExtension over window.__THIDUA_WORKBOOK__ and exposes the host as
 * window.__host for the test's probes. Excel and OfficeExtension are Microsoft's client library
 * (bundled as text, evaluated by wire/library.ts), answered by the host at the wire level.
 *
 * With `persist: true` the workbook outlives a reload of the page (kept in sessionStorage when the
 * page goes away), as a real workbook outlives a reload of the task pane.
 */
/// <reference path="./wire/raw.d.ts" />
import librarySource from '@microsoft/office-js/dist/excel-web-16.00.debug.js?raw';
import { ExcelHost, type HostOptions } from './host';
import type { WorkbookModel } from './model';
import { loadExcelLibrary } from './wire/library';

interface HostWindow {
  __THIDUA_WORKBOOK__?: WorkbookModel;
  __THIDUA_HOST_OPTIONS__?: Omit<HostOptions, 'library'> & { persist?: boolean; proxiesOnly?: boolean };
  __host?: ExcelHost;
}

const PERSIST_KEY = '__thidua_host_workbook__';
const w = window as unknown as HostWindow & Record<string, unknown>;
const options = w.__THIDUA_HOST_OPTIONS__ ?? {};
const kept = options.persist ? window.sessionStorage.getItem(PERSIST_KEY) : null;
const model = kept ? (JSON.parse(kept) as WorkbookModel) : (w.__THIDUA_WORKBOOK__ ?? { sheets: [{ name: 'Sheet1', cells: {} }] });
// Excel is Microsoft's client library answered by the host at the wire level (wire/), unless asked otherwise.
const host = new ExcelHost(model, { ...options, library: options.proxiesOnly ? undefined : loadExcelLibrary(librarySource) });
host.install(w);
w.__host = host;
if (options.persist) window.addEventListener('pagehide', () => window.sessionStorage.setItem(PERSIST_KEY, JSON.stringify(host.dump())));
