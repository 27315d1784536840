/**
 * Debian's Chromium driven by playwright-core, with a fresh profile per test file, every request
 * recorded (to prove none leaves localhost) and the CDN's office.js answered locally.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
export const OFFICE_JS_URL = `${OFFICE_CDN}office.js`;

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every http(s) request the page made, in order. */
  requests: string[];
  /** JavaScript dialogs opened (alert, confirm…): an injected script would show up here. */
  dialogs: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Session> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 360, height: 900 },
    locale: 'vi-VN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (r) => {
    if (/^https?:/.test(r.url())) requests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Anything that is neither localhost nor the CDN (answered below) is refused outright.
  await context.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.fallback();
    if (route.request().url().startsWith(OFFICE_CDN)) return route.fallback();
    return route.abort('blockedbyclient');
  });
  return {
    context,
    page,
    requests,
    dialogs,
    pageErrors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Answers the CDN's office.js with the given script (the test host), nothing else from the CDN. */
export async function answerOfficeJs(session: Session, script: string): Promise<void> {
  await session.context.route(`${OFFICE_CDN}**`, (route: Route) => {
    if (route.request().url() === OFFICE_JS_URL) return route.fulfill({ status: 200, contentType: 'text/javascript', body: script });
    return route.fulfill({ status: 404, body: '' });
  });
}

/** Answers the CDN with the real Office.js files of @microsoft/office-js (office.js loads siblings). */
export async function answerWithRealOfficeJs(session: Session, distDir: string): Promise<void> {
  await session.context.route(`${OFFICE_CDN}**`, (route: Route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ''));
    const file = path.resolve(distDir, rel);
    if (!file.startsWith(path.resolve(distDir) + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(file) });
  });
}

/** Requests that went anywhere but localhost or the (intercepted) Office CDN. */
export function foreignRequests(requests: string[]): string[] {
  return requests.filter((u) => {
    const url = new URL(u);
    return !(url.hostname === 'localhost' || url.hostname === '127.0.0.1' || u.startsWith(OFFICE_CDN));
  });
}
