/**
 * A small W3C WebDriver client over Node's http: the commands the browser tests need, nothing more
 * (https://www.w3.org/TR/webdriver2/). Used for WebKitGTK's WebKitWebDriver, which playwright-core
 * cannot drive.
 */
import * as http from 'http';

/** An element reference as the protocol sends it. */
export interface ElementRef {
  'element-6066-11e4-a52e-4f735466cecf': string;
}

export class WebDriverError extends Error {
  constructor(
    readonly error: string,
    message: string,
    readonly data?: { text?: string },
  ) {
    super(`${error}: ${message}`);
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Key values of the protocol's keyboard table for the keys the tests press. */
export const KEYS: Record<string, string> = {
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
  Enter: '\uE007',
  Tab: '\uE004',
  Escape: '\uE00C',
  Space: '\uE00D',
};

function call(port: number, method: string, path: string, body?: unknown): Promise<unknown> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, headers: data ? { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: { value?: unknown };
          try {
            parsed = JSON.parse(text || '{}');
          } catch {
            reject(new Error(`WebDriver ${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 200)}`));
            return;
          }
          const value = parsed.value as { error?: string; message?: string; data?: { text?: string } } | undefined;
          if (value && typeof value === 'object' && typeof value.error === 'string') reject(new WebDriverError(value.error, value.message ?? '', value.data));
          else resolve(parsed.value);
        });
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

/** One WebDriver session. JavaScript dialogs that interrupt a command are recorded and the command retried. */
export class WebDriver {
  /** Texts of the dialogs (alert, confirm, prompt) the driver dismissed. */
  readonly dialogs: string[] = [];

  private constructor(
    private readonly port: number,
    readonly id: string,
  ) {}

  static async create(port: number, capabilities: Record<string, unknown>): Promise<WebDriver> {
    const value = (await call(port, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } })) as { sessionId: string };
    return new WebDriver(port, value.sessionId);
  }

  private async cmd<T>(method: string, path: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await call(this.port, method, `/session/${this.id}${path}`, body)) as T;
      } catch (e) {
        // "dismiss and notify": the dialog is gone, the command did not run.
        if (e instanceof WebDriverError && e.error === 'unexpected alert open' && attempt < 3) {
          this.dialogs.push(e.data?.text ?? '');
          continue;
        }
        throw e;
      }
    }
  }

  navigate(url: string): Promise<void> {
    return this.cmd('POST', '/url', { url });
  }

  refresh(): Promise<void> {
    return this.cmd('POST', '/refresh', {});
  }

  /** Runs a function body in the page; `arguments` are the JSON args (element refs allowed). */
  execute<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** The same, finished when the body calls its last argument. */
  executeAsync<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  setTimeouts(t: { script?: number; pageLoad?: number; implicit?: number }): Promise<void> {
    return this.cmd('POST', '/timeouts', t);
  }

  /** PNG of the viewport. */
  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.cmd<string>('GET', '/screenshot'), 'base64');
  }

  /** PNG of one element, all of it (WebKit draws it whole, not clipped to the viewport). */
  async elementScreenshot(el: ElementRef): Promise<Buffer> {
    return Buffer.from(await this.cmd<string>('GET', `/element/${elementId(el)}/screenshot`), 'base64');
  }

  findElements(css: string): Promise<ElementRef[]> {
    return this.cmd('POST', '/elements', { using: 'css selector', value: css });
  }

  click(el: ElementRef): Promise<void> {
    return this.cmd('POST', `/element/${elementId(el)}/click`, {});
  }

  clear(el: ElementRef): Promise<void> {
    return this.cmd('POST', `/element/${elementId(el)}/clear`, {});
  }

  sendKeys(el: ElementRef, text: string): Promise<void> {
    return this.cmd('POST', `/element/${elementId(el)}/value`, { text });
  }

  /** Presses and releases one key (a KEYS value or a character) on the focused element. */
  pressKey(key: string): Promise<void> {
    return this.cmd('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
    });
  }

  windowRect(): Promise<Rect> {
    return this.cmd('GET', '/window/rect');
  }

  setWindowRect(rect: Partial<Rect>): Promise<Rect> {
    return this.cmd('POST', '/window/rect', rect);
  }

  windowHandle(): Promise<string> {
    return this.cmd('GET', '/window');
  }

  async newWindow(): Promise<string> {
    return (await this.cmd<{ handle: string }>('POST', '/window/new', { type: 'tab' })).handle;
  }

  switchToWindow(handle: string): Promise<void> {
    return this.cmd('POST', '/window', { handle });
  }

  /** Closes the current window. */
  closeWindow(): Promise<string[]> {
    return this.cmd('DELETE', '/window');
  }

  async delete(): Promise<void> {
    await call(this.port, 'DELETE', `/session/${this.id}`);
  }
}

export function elementId(el: ElementRef): string {
  return el['element-6066-11e4-a52e-4f735466cecf'];
}

export function isElementRef(v: unknown): v is ElementRef {
  return typeof v === 'object' && v !== null && typeof (v as ElementRef)['element-6066-11e4-a52e-4f735466cecf'] === 'string';
}
