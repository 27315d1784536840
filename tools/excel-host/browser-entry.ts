/**
 * The test host as the browser tests serve it in place of the CDN's office.js: installs
 * window.Office / Excel / OfficeExtension over window.__THIDUA_WORKBOOK__ and exposes the host as
 * window.__host for the test's probes.
 *
 * With `persist: true` the workbook outlives a reload of the page (kept in sessionStorage when the
 * page goes away), as a real workbook outlives a reload of the task pane.
 */
import { ExcelHost, type HostOptions } from './host';
import type { WorkbookModel } from './model';

interface HostWindow {
  __THIDUA_WORKBOOK__?: WorkbookModel;
  __THIDUA_HOST_OPTIONS__?: HostOptions & { persist?: boolean };
  __host?: ExcelHost;
}

const PERSIST_KEY = '__thidua_host_workbook__';
const w = window as unknown as HostWindow & Record<string, unknown>;
const options = w.__THIDUA_HOST_OPTIONS__ ?? {};
const kept = options.persist ? window.sessionStorage.getItem(PERSIST_KEY) : null;
const model = kept ? (JSON.parse(kept) as WorkbookModel) : (w.__THIDUA_WORKBOOK__ ?? { sheets: [{ name: 'Sheet1', cells: {} }] });
const host = new ExcelHost(model, options);
host.install(w);
w.__host = host;
if (options.persist) window.addEventListener('pagehide', () => window.sessionStorage.setItem(PERSIST_KEY, JSON.stringify(host.dump())));
