/** A browser session as the tests use it, whatever the engine (support/chromium.ts, support/webkit.ts). */
import * as fs from 'fs';
import * as path from 'path';
import type { Engine, Page } from './page';

export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
export const OFFICE_JS_URL = `${OFFICE_CDN}office.js`;

/**
 * What the CDN answers: office.js as this script (the test host); the real Office.js files of a
 * directory (office.js loads siblings); or nothing at all (the network is down).
 */
export type OfficeAnswer = { script: string } | { dir: string } | 'unreachable';

export interface OpenOptions {
  width: number;
  height: number;
}

export interface Session {
  engine: Engine;
  page: Page;
  /** Every http(s) request the pages made, in order (what is refused included). */
  requests: string[];
  /** JavaScript dialogs opened (alert, confirm…): an injected script would show up here. */
  dialogs: string[];
  /** Uncaught errors and unhandled rejections of the pages so far. */
  pageErrors(): Promise<string[]>;
  /** How the CDN answers from now on (the next load of the pane). */
  answerOffice(answer: OfficeAnswer): void;
  /** Another page (tab) in the same session. */
  newPage(): Promise<Page & { close(): Promise<void> }>;
  close(): Promise<void>;
}

export function isLocal(url: string): boolean {
  if (!/^https?:/.test(url)) return false;
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1';
}

/** The answer to a CDN request, null for a request that is not the CDN's (refused). */
export function cdnAnswer(office: OfficeAnswer, url: string): { status: number; type: string; body: Buffer | string } | 'unreachable' | null {
  if (!url.startsWith(OFFICE_CDN)) return null;
  if (office === 'unreachable') return 'unreachable';
  const notFound = { status: 404, type: 'text/plain', body: '' };
  if ('script' in office) return url === OFFICE_JS_URL ? { status: 200, type: 'text/javascript', body: office.script } : notFound;
  const rel = decodeURIComponent(new URL(url).pathname.replace(/^\/lib\/1\/hosted\//, ''));
  const file = path.resolve(office.dir, rel);
  if (!file.startsWith(path.resolve(office.dir) + path.sep) || !fs.existsSync(file)) return notFound;
  return { status: 200, type: 'text/javascript', body: fs.readFileSync(file) };
}

/** Requests that went anywhere but localhost or the (answered) Office CDN. */
export function foreignRequests(requests: string[]): string[] {
  return requests.filter((u) => !(isLocal(u) || u.startsWith(OFFICE_CDN)));
}
