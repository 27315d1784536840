/**
 * The test host as the browser tests serve it in place of the CDN's office.js: installs
 * window.Office / Excel / OfficeExtension over window.__THIDUA_WORKBOOK__ and exposes the host as
 * window.__host for the test's probes.
 */
import { ExcelHost, type HostOptions } from './host';
import type { WorkbookModel } from './model';

interface HostWindow {
  __THIDUA_WORKBOOK__?: WorkbookModel;
  __THIDUA_HOST_OPTIONS__?: HostOptions;
  __host?: ExcelHost;
}

const w = window as unknown as HostWindow & Record<string, unknown>;
const host = new ExcelHost(w.__THIDUA_WORKBOOK__ ?? { sheets: [{ name: 'Sheet1', cells: {} }] }, w.__THIDUA_HOST_OPTIONS__ ?? {});
host.install(w);
w.__host = host;
