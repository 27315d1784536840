/**
 * Debian's Chromium driven by playwright-core, with a fresh profile per session, every request
 * recorded (to prove none leaves localhost) and the CDN's office.js answered as the session says.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Locator, type Page as PwPage } from 'playwright-core';
import { BasePage, spec, type Download, type FileInput, type Page, type Target } from './page';
import { cdnAnswer, isLocal, type OpenOptions, type Session, type OfficeAnswer } from './session';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

class ChromiumPage extends BasePage implements Page {
  readonly engine = 'chromium' as const;
  private downloads = 0;

  constructor(readonly pw: PwPage) {
    super();
    pw.on('download', () => this.downloads++);
  }

  private locator(t: Target): Locator {
    const s = spec(t);
    const has = s.has ? this.locator(s.has) : undefined;
    return this.pw.locator(s.css, { hasText: s.hasText, has }).first();
  }

  async goto(url: string): Promise<void> {
    await this.pw.goto(url);
  }
  async reload(): Promise<void> {
    await this.pw.reload();
  }
  async setContent(html: string): Promise<void> {
    await this.pw.setContent(html);
  }
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.pw.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown) as Promise<T>;
  }
  async addScript(content: string): Promise<void> {
    await this.pw.addScriptTag({ content });
  }
  viewport(): { width: number; height: number } {
    return this.pw.viewportSize()!;
  }
  async setViewport(width: number, height: number): Promise<void> {
    await this.pw.setViewportSize({ width, height });
  }
  async click(t: Target, opts: { timeout?: number } = {}): Promise<void> {
    await this.locator(t).click({ timeout: opts.timeout });
  }
  async fill(t: Target, value: string): Promise<void> {
    await this.locator(t).fill(value);
  }
  async press(key: string): Promise<void> {
    await this.pw.keyboard.press(key);
  }
  async select(t: Target, value: string): Promise<void> {
    await this.locator(t).selectOption(value);
  }
  async setFiles(t: Target, files: FileInput[]): Promise<void> {
    // playwright carries at most 50 MB as a buffer; a larger file goes by path.
    if (files.every((f) => f.buffer.length < 48 * 1024 * 1024)) {
      await this.locator(t).setInputFiles(files);
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-upload-'));
    try {
      const paths = files.map((f) => {
        const file = path.join(dir, f.name);
        fs.writeFileSync(file, f.buffer);
        return file;
      });
      await this.locator(t).setInputFiles(paths);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  async download(t: Target): Promise<Download> {
    const [d] = await Promise.all([this.pw.waitForEvent('download'), this.locator(t).click()]);
    const file = await d.path();
    return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
  }
  async downloadCount(): Promise<number> {
    return this.downloads;
  }
  async screenshot(file: string, opts: { fullPage?: boolean } = {}): Promise<void> {
    await this.pw.screenshot({ path: file, fullPage: opts.fullPage });
  }
}

export async function openChromium(opts: OpenOptions): Promise<Session> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install chromium), or set CHROMIUM_PATH`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: opts.width, height: opts.height },
    locale: 'vi-VN',
    acceptDownloads: true,
  });
  const pw = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  let office: OfficeAnswer = 'unreachable';
  const watch = (p: PwPage) => {
    p.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    p.on('pageerror', (e) => errors.push(e.message));
  };
  watch(pw);
  context.on('request', (r) => {
    if (/^https?:/.test(r.url())) requests.push(r.url());
  });
  // localhost goes through; the CDN is answered as the session says; anything else is refused.
  await context.route(/.*/, (route) => {
    const url = route.request().url();
    // file: and blob: never reach the network (the offline page is opened from disk, its worker from a blob: URL).
    if (isLocal(url) || /^(data|file|blob):/.test(url)) return route.fallback();
    const answer = cdnAnswer(office, url);
    if (!answer) return route.abort('blockedbyclient');
    if (answer === 'unreachable') return route.abort('internetdisconnected');
    return route.fulfill({ status: answer.status, contentType: answer.type, body: answer.body });
  });
  return {
    engine: 'chromium',
    page: new ChromiumPage(pw),
    requests,
    dialogs,
    pageErrors: async () => [...errors],
    answerOffice: (a) => {
      office = a;
    },
    newPage: async () => {
      const p = await context.newPage();
      watch(p);
      return Object.assign(new ChromiumPage(p), { close: () => p.close() });
    },
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
