/**
 * The page as the browser tests see it, whatever the engine: Chromium (playwright-core) and WebKit
 * (WebKitGTK over WebDriver) both implement it, so each flow has one test body run per engine.
 * Reads are done in the page by one function (`query`), the same in both engines; clicks, typing,
 * keys, screenshots and downloads are each driver's own.
 */

export type Engine = 'chromium' | 'webkit';

/** A CSS selector, optionally narrowed to elements containing a text or containing a match of `has`. */
export type Target = string | TargetSpec;
export interface TargetSpec {
  css: string;
  hasText?: string;
  has?: TargetSpec;
}

/** `[data-testid="id"]` */
export const tid = (id: string): string => `[data-testid="${id}"]`;

export const spec = (t: Target): TargetSpec => (typeof t === 'string' ? { css: t } : t);

export const describeTarget = (t: Target): string => {
  const s = spec(t);
  return `${s.css}${s.hasText !== undefined ? ` (text "${s.hasText}")` : ''}${s.has ? ` (has ${describeTarget(s.has)})` : ''}`;
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Download {
  name: string;
  bytes: Buffer;
}

export interface FileInput {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export type QueryOp = 'count' | 'text' | 'texts' | 'attr' | 'attrs' | 'value' | 'visible' | 'checked' | 'box' | 'scroll' | 'focus' | 'select' | 'fill' | 'files' | 'element';

export interface QueryArg {
  t: TargetSpec;
  op: QueryOp;
  name?: string;
  value?: unknown;
}

/**
 * Runs in the page (both engines): finds the target and reads or sets what `op` says. Returns
 * `{ found: false }` while the target is absent, so the caller can wait. Self-contained: it is
 * serialised into the page.
 */
export function query(a: QueryArg): { found: boolean; value?: unknown } {
  const all = (root: ParentNode, s: TargetSpec): Element[] =>
    Array.from(root.querySelectorAll(s.css)).filter((e) => (s.hasText === undefined || (e.textContent ?? '').includes(s.hasText)) && (!s.has || all(e, s.has).length > 0));
  const els = all(document, a.t);
  const visible = (e: Element) => {
    // checkVisibility: also false inside a closed <details> (content-visibility: hidden), as playwright says.
    if (typeof e.checkVisibility === 'function' && !e.checkVisibility()) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  if (a.op === 'count') return { found: true, value: els.length };
  if (a.op === 'texts') return { found: true, value: els.map((e) => e.textContent ?? '') };
  if (a.op === 'attrs') return { found: true, value: els.map((e) => e.getAttribute(a.name!)) };
  if (a.op === 'visible') return { found: true, value: els.length > 0 && visible(els[0]) };
  const el = els[0];
  if (!el) return { found: false };
  const input = el as HTMLInputElement;
  const fire = (type: string) => el.dispatchEvent(new Event(type, { bubbles: true }));
  switch (a.op) {
    case 'text':
      return { found: true, value: el.textContent ?? '' };
    case 'attr':
      return { found: true, value: el.getAttribute(a.name!) };
    case 'value':
      if (!('value' in el)) throw new Error(`not an input, textarea or select: ${a.t.css}`);
      return { found: true, value: input.value };
    case 'checked':
      return { found: true, value: input.checked === true };
    case 'box': {
      if (!visible(el)) return { found: true, value: null };
      const r = el.getBoundingClientRect();
      return { found: true, value: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }
    case 'scroll':
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      return { found: true, value: visible(el) };
    case 'focus':
      (el as HTMLElement).focus();
      return { found: true };
    case 'element':
      // Only once it can be clicked: shown and enabled (as playwright waits for).
      if (!visible(el) || (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true') return { found: false };
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      return { found: true, value: el };
    case 'select':
      (el as HTMLSelectElement).value = String(a.value);
      if ((el as HTMLSelectElement).value !== String(a.value)) throw new Error(`no option ${String(a.value)} in ${a.t.css}`);
      fire('input');
      fire('change');
      return { found: true };
    case 'fill': {
      // As a user's paste: the text replaces the selection through the editing commands (input events).
      const text = String(a.value);
      input.focus();
      input.select();
      const done = text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, text);
      if (!done || input.value !== text) {
        input.value = text;
        fire('input');
      }
      return { found: true, value: input.value };
    }
    case 'files': {
      const files = a.value as { name: string; mimeType: string; base64: string }[];
      const dt = new DataTransfer();
      for (const f of files) {
        const bin = atob(f.base64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], f.name, { type: f.mimeType }));
      }
      input.files = dt.files;
      fire('input');
      fire('change');
      return { found: true };
    }
    default:
      throw new Error(`unknown op ${String(a.op)}`);
  }
}

export interface WaitOptions {
  state?: 'attached' | 'visible' | 'detached' | 'hidden';
  timeout?: number;
}

export interface Page {
  readonly engine: Engine;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Replaces the document (about:blank) with this HTML. */
  setContent(html: string): Promise<void>;
  /** Runs a self-contained function in the page with a JSON argument; its (awaited) result comes back as JSON. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Adds a classic script with this text to the document. */
  addScript(content: string): Promise<void>;
  viewport(): { width: number; height: number };
  setViewport(width: number, height: number): Promise<void>;

  click(t: Target, opts?: { timeout?: number }): Promise<void>;
  fill(t: Target, value: string): Promise<void>;
  focus(t: Target): Promise<void>;
  /** A key on the focused element: ArrowRight, Home, End… */
  press(key: string): Promise<void>;
  select(t: Target, value: string): Promise<void>;
  setFiles(t: Target, files: FileInput[]): Promise<void>;
  /** Clicks and returns the file the page offers (a link with `download`, or one made and clicked). */
  download(t: Target): Promise<Download>;
  /** Downloads the page has started so far. */
  downloadCount(): Promise<number>;
  screenshot(file: string, opts?: { fullPage?: boolean }): Promise<void>;

  waitFor(t: Target, opts?: WaitOptions): Promise<void>;
  waitForFunction(fn: () => boolean, timeout?: number): Promise<void>;
  /** These wait for the target to be in the document (30 s), then read it. */
  text(t: Target): Promise<string>;
  attr(t: Target, name: string): Promise<string | null>;
  value(t: Target): Promise<string>;
  checked(t: Target): Promise<boolean>;
  box(t: Target): Promise<Box | null>;
  scrollIntoView(t: Target): Promise<void>;
  /** These read at once: every match. */
  texts(t: Target): Promise<string[]>;
  attrs(t: Target, name: string): Promise<(string | null)[]>;
  count(t: Target): Promise<number>;
  visible(t: Target): Promise<boolean>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What both engines share: every read goes through `query` in the page. */
export abstract class BasePage implements Partial<Page> {
  abstract evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;

  protected run(t: Target, op: QueryOp, extra: { name?: string; value?: unknown } = {}): Promise<{ found: boolean; value?: unknown }> {
    return this.evaluate(query, { t: spec(t), op, ...extra });
  }

  /** Polls `op` until the target is there. */
  protected async until<T>(t: Target, op: QueryOp, extra: { name?: string; value?: unknown } = {}, timeout = 30000): Promise<T> {
    const end = Date.now() + timeout;
    for (;;) {
      const r = await this.run(t, op, extra);
      if (r.found) return r.value as T;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${describeTarget(t)} (${op})`);
      await sleep(50);
    }
  }

  async waitFor(t: Target, opts: WaitOptions = {}): Promise<void> {
    const state = opts.state ?? 'visible';
    const timeout = opts.timeout ?? 30000;
    const end = Date.now() + timeout;
    for (;;) {
      const count = (await this.run(t, 'count')).value as number;
      const ok =
        state === 'attached' ? count > 0 : state === 'detached' ? count === 0 : state === 'visible' ? ((await this.run(t, 'visible')).value as boolean) : !((await this.run(t, 'visible')).value as boolean);
      if (ok) return;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${describeTarget(t)} to be ${state}`);
      await sleep(50);
    }
  }

  async waitForFunction(fn: () => boolean, timeout = 30000): Promise<void> {
    const end = Date.now() + timeout;
    while (!(await this.evaluate(fn))) {
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 120)}`);
      await sleep(50);
    }
  }

  text(t: Target): Promise<string> {
    return this.until(t, 'text');
  }
  attr(t: Target, name: string): Promise<string | null> {
    return this.until(t, 'attr', { name });
  }
  value(t: Target): Promise<string> {
    return this.until(t, 'value');
  }
  checked(t: Target): Promise<boolean> {
    return this.until(t, 'checked');
  }
  box(t: Target): Promise<Box | null> {
    return this.until(t, 'box');
  }
  async scrollIntoView(t: Target): Promise<void> {
    await this.until(t, 'scroll');
  }
  async focus(t: Target): Promise<void> {
    await this.until(t, 'focus');
  }
  async texts(t: Target): Promise<string[]> {
    return (await this.run(t, 'texts')).value as string[];
  }
  async attrs(t: Target, name: string): Promise<(string | null)[]> {
    return (await this.run(t, 'attrs', { name })).value as (string | null)[];
  }
  async count(t: Target): Promise<number> {
    return (await this.run(t, 'count')).value as number;
  }
  async visible(t: Target): Promise<boolean> {
    return (await this.run(t, 'visible')).value as boolean;
  }
}
