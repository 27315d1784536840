/**
 * WebKit, the engine of Excel for Mac and iPad: Debian's WebKitGTK MiniBrowser driven by
 * WebKitWebDriver (webkit2gtk-driver) on a private Xvfb display (xvfb), both started here and
 * stopped with the session. MiniBrowser runs full-screen (no toolbar) with a GTK style that lets
 * its window be as narrow as a task pane, so the window is the viewport. Its network goes through
 * support/proxy.ts.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { BasePage, describeTarget, type Download, type FileInput, type Page, type Target } from './page';
import { startProxy, type Proxy } from './proxy';
import type { OfficeAnswer, OpenOptions, Session } from './session';
import { WebDriver, WebDriverError, KEYS, type ElementRef } from './webdriver';

const PACKAGES = 'apt-get install webkit2gtk-driver xvfb';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && fs.existsSync(file)) return file;
  }
  return null;
}

/** WebKitWebDriver, MiniBrowser and Xvfb, or an error that says what to install. */
export function findWebKit(): { driver: string; browser: string; xvfb: string } {
  const exists = (f: string | undefined) => (f && fs.existsSync(f) ? f : null);
  const driver = process.env.WEBKIT_DRIVER_PATH ? exists(process.env.WEBKIT_DRIVER_PATH) : onPath('WebKitWebDriver');
  const libs = ['/usr/lib', '/usr/local/lib'].flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).map((a) => path.join(d, a, 'webkit2gtk-4.1/MiniBrowser')) : []));
  const browser = process.env.MINIBROWSER_PATH ? exists(process.env.MINIBROWSER_PATH) : (libs.find((f) => fs.existsSync(f)) ?? null);
  const xvfb = onPath('Xvfb');
  const missing = [!driver && 'WebKitWebDriver (package webkit2gtk-driver)', !browser && 'MiniBrowser (package libwebkit2gtk-4.1-0, pulled in by webkit2gtk-driver)', !xvfb && 'Xvfb (package xvfb)'].filter(Boolean);
  if (missing.length) throw new Error(`WebKit is needed for the browser tests and is not installed: ${missing.join(', ')} missing. Install with: ${PACKAGES}`);
  return { driver: driver!, browser: browser!, xvfb: xvfb! };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Children still running, stopped if the test process ends without closing its session. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(3000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Xvfb on the first free display (-displayfd: the server picks it and tells). */
async function startXvfb(xvfb: string): Promise<{ display: string; child: ChildProcess }> {
  const child = track(spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 15 s: ${err}`)), 15000);
    child.stdio[3]!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${err}`));
    });
  });
  return { display, child };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const end = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}): ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.end();
        resolve(true);
      });
      sock.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not listen on ${port} in 15 s: ${log()}`);
    await sleep(100);
  }
}

interface Windows {
  current: string;
}

const RETRY_CLICK = new Set(['element click intercepted', 'element not interactable', 'stale element reference']);

class WebKitPage extends BasePage implements Page {
  readonly engine = 'webkit' as const;
  /** Errors of documents this page has left (each document keeps its own). */
  private readonly pastErrors: string[] = [];
  private closed = false;

  constructor(
    private readonly wd: WebDriver,
    readonly handle: string,
    private readonly windows: Windows,
    private size: { width: number; height: number },
  ) {
    super();
  }

  /** WebDriver has one current window: switch to this page's first. */
  async use(): Promise<WebDriver> {
    if (this.windows.current !== this.handle) {
      await this.wd.switchToWindow(this.handle);
      this.windows.current = this.handle;
    }
    return this.wd;
  }

  async errors(): Promise<string[]> {
    if (this.closed) return [...this.pastErrors];
    const here = await this.evaluate(() => (window as unknown as { __thiduaPageErrors?: string[] }).__thiduaPageErrors ?? []).catch(() => []);
    return [...this.pastErrors, ...here];
  }

  /** Closes this page's window (a page made by newPage) and goes back to `back`. */
  async closeWindow(back: WebKitPage): Promise<void> {
    await this.leave();
    await this.use();
    await this.wd.closeWindow();
    this.closed = true;
    await back.use();
  }

  private async leave(): Promise<void> {
    const here = await this.evaluate(() => (window as unknown as { __thiduaPageErrors?: string[] }).__thiduaPageErrors ?? []).catch(() => []);
    this.pastErrors.push(...here);
  }

  async goto(url: string): Promise<void> {
    await this.leave();
    await (await this.use()).navigate(url);
  }
  async reload(): Promise<void> {
    await this.leave();
    await (await this.use()).refresh();
  }
  async setContent(html: string): Promise<void> {
    await this.goto('about:blank');
    await this.evaluate((h: string) => {
      document.open();
      document.write(h);
      document.close();
    }, html);
  }

  async evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const script = `var done = arguments[arguments.length - 1]; var arg = arguments[0]; var fn = ${fn.toString()};
      Promise.resolve().then(function () { return fn(arg); }).then(function (v) { done({ ok: v === undefined ? null : v }); }, function (e) { done({ error: String(e && e.stack ? e.message + '\\n' + e.stack : e) }); });`;
    const r = await (await this.use()).executeAsync<{ ok?: T; error?: string }>(script, [arg ?? null]);
    if (r && typeof r === 'object' && 'error' in r && r.error !== undefined) throw new Error(`in the page: ${r.error}`);
    return r.ok as T;
  }

  async addScript(content: string): Promise<void> {
    await this.evaluate((c: string) => {
      const s = document.createElement('script');
      s.textContent = c;
      (document.head ?? document.documentElement).appendChild(s);
    }, content);
  }

  viewport(): { width: number; height: number } {
    return { ...this.size };
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.resize(width, height);
    this.size = { width, height };
  }

  private async resize(width: number, height: number): Promise<void> {
    const wd = await this.use();
    const inner = () => this.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
    // Full-screen MiniBrowser without toolbar: the window is the viewport (the page learns of a resize a moment later).
    await wd.setWindowRect({ width, height });
    const end = Date.now() + 5000;
    let got = await inner();
    while ((got.width !== width || got.height !== height) && Date.now() < end) {
      await sleep(50);
      got = await inner();
    }
    if (got.width !== width || got.height !== height) throw new Error(`WebKit's viewport is ${got.width}×${got.height}, not ${width}×${height}`);
  }

  async click(t: Target, opts: { timeout?: number } = {}): Promise<void> {
    const timeout = opts.timeout ?? 30000;
    const end = Date.now() + timeout;
    for (;;) {
      const r = await this.run(t, 'element');
      if (r.found) {
        try {
          await (await this.use()).click(r.value as ElementRef);
          return;
        } catch (e) {
          if (!(e instanceof WebDriverError && RETRY_CLICK.has(e.error)) || Date.now() > end) throw e;
        }
      } else if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting to click ${describeTarget(t)} (absent, hidden or disabled)`);
      await sleep(50);
    }
  }

  async fill(t: Target, value: string): Promise<void> {
    const got = await this.until<string>(t, 'fill', { value });
    if (got !== value) throw new Error(`filled ${describeTarget(t)} with ${JSON.stringify(value)} but it holds ${JSON.stringify(got)}`);
  }

  async press(key: string): Promise<void> {
    await (await this.use()).pressKey(KEYS[key] ?? key);
  }

  async select(t: Target, value: string): Promise<void> {
    await this.until(t, 'select', { value });
  }

  async setFiles(t: Target, files: FileInput[]): Promise<void> {
    await this.until(t, 'files', { value: files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })) });
  }

  async downloadCount(): Promise<number> {
    return this.evaluate(() => {
      const d = (window as unknown as { __thiduaDownloads?: unknown[] }).__thiduaDownloads;
      if (!d) throw new Error('the download recorder is missing (the page did not come through the test proxy)');
      return d.length;
    });
  }

  async download(t: Target): Promise<Download> {
    const before = await this.downloadCount();
    await this.click(t);
    const end = Date.now() + 30000;
    for (;;) {
      const d = await this.evaluate((n: number) => {
        const e = ((window as unknown as { __thiduaDownloads: { name: string; done: boolean; base64?: string; error?: string }[] }).__thiduaDownloads ?? [])[n];
        return e && e.done ? e : null;
      }, before);
      if (d) {
        if (d.error !== undefined) throw new Error(`download of ${d.name} failed in the page: ${d.error}`);
        return { name: d.name, bytes: Buffer.from(d.base64 ?? '', 'base64') };
      }
      if (Date.now() > end) throw new Error(`no download after clicking ${describeTarget(t)}`);
      await sleep(50);
    }
  }

  async screenshot(file: string, opts: { fullPage?: boolean } = {}): Promise<void> {
    const wd = await this.use();
    let png: Buffer;
    // Capped: an X window is at most 32767 px tall.
    const full = opts.fullPage ? Math.min(16384, await this.evaluate(() => Math.ceil(Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0)))) : 0;
    if (full > this.size.height) {
      // The whole page: the window as tall as the document for one picture (as playwright's fullPage).
      await this.resize(this.size.width, full);
      await this.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
      png = await wd.screenshot();
      await this.setViewport(this.size.width, this.size.height);
    } else png = await wd.screenshot();
    fs.writeFileSync(file, png);
  }

}

export async function openWebKit(opts: OpenOptions): Promise<Session> {
  const tools = findWebKit();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-webkit-'));
  // MiniBrowser's widgets may shrink to nothing: the window can be 320 px wide, as a task pane.
  fs.mkdirSync(path.join(home, 'config/gtk-3.0'), { recursive: true });
  fs.writeFileSync(path.join(home, 'config/gtk-3.0/gtk.css'), '* { min-width: 0; min-height: 0; }\n');
  const requests: string[] = [];
  let office: OfficeAnswer = 'unreachable';
  let xvfb: ChildProcess | undefined;
  let driver: ChildProcess | undefined;
  let proxy: Proxy | undefined;
  let wd: WebDriver | undefined;
  const shutdown = async () => {
    await wd?.delete().catch(() => undefined);
    await stop(driver);
    await stop(xvfb);
    await proxy?.close();
    // WebKit's helper processes may still be writing their caches for a moment.
    try {
      fs.rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      /* a temporary directory left behind is harmless */
    }
  };
  try {
    const x = await startXvfb(tools.xvfb);
    xvfb = x.child;
    proxy = await startProxy(requests, () => office);
    const port = await freePort();
    let log = '';
    driver = track(
      spawn(tools.driver, [`--port=${port}`], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DISPLAY: x.display, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache'), XDG_DATA_HOME: path.join(home, 'data'), NO_AT_BRIDGE: '1' },
      }),
    );
    driver.stdout!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
    driver.stderr!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
    await waitForDriver(port, driver, () => log);
    wd = await WebDriver.create(port, {
      browserName: 'MiniBrowser',
      acceptInsecureCerts: true,
      unhandledPromptBehavior: 'dismiss and notify',
      'webkitgtk:browserOptions': { binary: tools.browser, args: ['--automation', '--full-screen', `--proxy=${proxy.url}`, '--ignore-tls-errors'] },
    });
    await wd.setTimeouts({ script: 180000, pageLoad: 60000 });
    const windows: Windows = { current: await wd.windowHandle() };
    const page = new WebKitPage(wd, windows.current, windows, { width: opts.width, height: opts.height });
    await page.setViewport(opts.width, opts.height);
    const pages: WebKitPage[] = [page];
    const driverRef = wd;
    return {
      engine: 'webkit',
      page,
      requests,
      dialogs: wd.dialogs,
      pageErrors: async () => (await Promise.all(pages.map((p) => p.errors()))).flat(),
      answerOffice: (a) => {
        office = a;
      },
      newPage: async () => {
        const handle = await driverRef.newWindow();
        const p = new WebKitPage(driverRef, handle, windows, page.viewport());
        pages.push(p);
        return Object.assign(p, { close: () => p.closeWindow(page) });
      },
      close: shutdown,
    };
  } catch (e) {
    await shutdown();
    throw e;
  }
}
