/**
 * The offline page (dist/thidua.html): the task pane without Excel. The clerk picks the workbook
 * (or drops it); the worker reads it with the command line's reader; the pane's own views and flow
 * (src/taskpane) run over OfflineSession; every copy and document is a download. One file, opened
 * from disk: nothing is fetched, nothing is sent (the page's CSP forbids it).
 */
import { text, type Lang } from '../core';
import { APP_VERSION, TaskPane } from '../taskpane/app';
import { registerFluent } from '../taskpane/fluent';
import { custom, h, replaceChildren } from '../ui/dom';
import type { BookFile } from './book';
import { LocalChannel, OfflineSession, WorkerChannel, type Channel } from './session';

declare const __OFFLINE_WORKER__: string;

const XLSX_TYPES: Record<string, string> = {
  '.xlsm': 'application/vnd.ms-excel.sheet.macroEnabled.12',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `?lang=en` (or #en) for English; Vietnamese otherwise — the clerk's language, whatever the browser's. */
function pageLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang') ?? location.hash.replace(/^#/, '');
  return q === 'en' ? 'en' : 'vi';
}

/** A worker from the bundle inlined in the page; the page's own thread when the browser refuses one. */
function channel(): { channel: Channel; worker: boolean } {
  try {
    if (typeof Worker === 'undefined' || typeof __OFFLINE_WORKER__ === 'undefined') throw new Error('no worker');
    const url = URL.createObjectURL(new Blob([__OFFLINE_WORKER__], { type: 'text/javascript' }));
    return { channel: new WorkerChannel(new Worker(url)), worker: true };
  } catch {
    return { channel: new LocalChannel(), worker: false };
  }
}

function typeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
  return XLSX_TYPES[ext] ?? 'application/octet-stream';
}

class OfflinePage {
  private readonly S;
  private readonly pick: HTMLElement;
  private readonly fileBar: HTMLElement;
  private readonly status: HTMLElement;
  private readonly app: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly urls: string[] = [];
  private session: OfflineSession | null = null;
  private fileName = '';
  private readonly ch: Channel;
  private readonly worker: boolean;

  constructor(
    private readonly root: HTMLElement,
    private readonly lang: Lang,
  ) {
    this.S = text(lang).offline;
    ({ channel: this.ch, worker: this.worker } = channel());
    const S = this.S;
    this.input = h('input', {
      class: 'visually-hidden',
      attrs: { type: 'file', accept: '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'data-testid': 'offline-file', 'aria-label': S.choose, tabindex: -1 },
      on: { change: () => this.input.files?.[0] && void this.open(this.input.files[0]) },
    });
    const choose = custom('fluent-button', { attrs: { appearance: 'accent', 'data-action': 'choose-file' }, on: { click: () => this.input.click() } }, S.choose);
    this.pick = h(
      'section',
      { class: 'offline-pick', attrs: { 'data-testid': 'offline-pick', 'aria-labelledby': 'offline-pick-title' } },
      h('h2', { attrs: { id: 'offline-pick-title' } }, S.choose),
      h('ol', { class: 'offline-steps' }, ...S.steps.map((s) => h('li', {}, s))),
      h('div', { class: 'offline-drop', attrs: { 'data-testid': 'offline-drop' } }, choose, h('p', { class: 'hint' }, S.drop), this.input),
      h('p', { class: 'hint offline-private' }, S.private),
    );
    this.fileBar = h('div', { class: 'offline-file', attrs: { 'data-testid': 'offline-file-bar', hidden: true } });
    this.status = h('div', { class: 'status', attrs: { 'data-testid': 'offline-status', 'aria-live': 'polite' } });
    this.app = h('main', { class: 'app offline-app', attrs: { id: 'app' } });
    replaceChildren(
      root,
      h('header', { class: 'offline-header' }, h('h1', {}, S.title), h('p', {}, S.subtitle, ' ', h('span', { class: 'version', attrs: { 'data-testid': 'version' } }, `· ${text(lang).pane.version(APP_VERSION)}`))),
      this.pick,
      this.fileBar,
      this.status,
      this.app,
    );
    this.dropTarget(document.body);
  }

  /** The whole page takes a dropped file (a clerk aims roughly). */
  private dropTarget(el: HTMLElement): void {
    el.addEventListener('dragover', (e) => {
      e.preventDefault();
      document.body.classList.add('dragging');
    });
    el.addEventListener('dragleave', (e) => {
      if (e.target === document.body || !(e.relatedTarget as Node | null)) document.body.classList.remove('dragging');
    });
    el.addEventListener('drop', (e) => {
      e.preventDefault();
      document.body.classList.remove('dragging');
      const file = e.dataTransfer?.files?.[0];
      if (file) void this.open(file);
    });
  }

  private progress(label: string, done?: number, total?: number): void {
    const attrs: Record<string, string | number | undefined> = { 'aria-label': label };
    if (done !== undefined && total) Object.assign(attrs, { value: done, max: total });
    const bar = this.status.querySelector('fluent-progress');
    if (bar && done !== undefined) {
      for (const [k, v] of Object.entries(attrs)) if (v !== undefined) bar.setAttribute(k, String(v));
      replaceChildren(this.status.querySelector('p')!, label);
      return;
    }
    replaceChildren(this.status, h('div', { class: 'progress', attrs: { 'data-testid': 'offline-progress' } }, custom('fluent-progress', { attrs }), h('p', {}, label)));
  }

  private say(kind: 'success' | 'error' | 'info', message: string): void {
    replaceChildren(this.status, h('div', { class: `message-bar ${kind === 'info' ? 'success' : kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status', 'data-testid': `offline-${kind}` } }, h('p', {}, message)));
  }

  /** Reads the picked file: its bytes (the file's own progress), then the sheets in the worker. */
  private async open(file: File): Promise<void> {
    const S = this.S;
    if (!/\.(xlsx|xlsm)$/i.test(file.name)) {
      this.say('error', S.notAWorkbook(file.name));
      return;
    }
    this.input.value = '';
    this.fileName = file.name;
    replaceChildren(this.app);
    this.fileBar.setAttribute('hidden', '');
    try {
      const bytes = await this.bytesOf(file);
      this.progress(S.reading(file.name), 0, 1);
      const { value } = await this.ch.call({ op: 'open', name: file.name, bytes, lang: this.lang }, (done, total) => this.progress(S.reading(file.name), done, total));
      void value;
    } catch (e) {
      this.say('error', e instanceof Error ? e.message : String(e));
      return;
    }
    this.say('success', this.worker ? S.read(file.name) : `${S.read(file.name)} ${S.noWorker}`);
    this.pick.setAttribute('hidden', '');
    this.session = new OfflineSession(this.ch, {
      offer: (f) => this.offer(f),
      changed: (edited) => {
        // The pane says what its action did; the page's own word ("Đã đọc tệp…") is done with.
        replaceChildren(this.status);
        this.renderFileBar(edited);
      },
      note: (t) => this.say('info', t),
    });
    this.session.lang = this.lang;
    this.renderFileBar(false);
    new TaskPane(this.app, this.session, this.lang).mount();
  }

  private bytesOf(file: File): Promise<Uint8Array> {
    const mb = (file.size / 1048576).toFixed(1).replace('.', this.lang === 'vi' ? ',' : '.');
    this.progress(this.S.loading(file.name, mb), 0, file.size || 1);
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onprogress = (e) => this.progress(this.S.loading(file.name, mb), e.loaded, e.total || file.size || 1);
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
      reader.readAsArrayBuffer(file);
    });
  }

  private url(bytes: Uint8Array, name: string): string {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: typeOf(name) }));
    this.urls.push(url);
    return url;
  }

  /** A copy made by Đánh dấu / Xóa đánh dấu: downloaded at once (as the issue of the page says), and kept as the file bar's link. */
  private offer(file: BookFile): void {
    const a = h('a', { attrs: { href: this.url(file.bytes, file.name), download: file.name, 'data-testid': 'offline-auto-download', hidden: true } });
    this.fileBar.appendChild(a);
    a.click();
    a.remove();
    this.say('success', this.S.downloaded(file.name));
  }

  /** The workbook's name, "Tải tệp về" (the copy as it is now) once it changed, "Chọn tệp khác". */
  private renderFileBar(edited: boolean): void {
    const S = this.S;
    this.fileBar.removeAttribute('hidden');
    const other = custom('fluent-button', { attrs: { appearance: 'outline', 'data-action': 'choose-other' }, on: { click: () => this.input.click() } }, S.other);
    const download = h('a', { class: 'offline-download', attrs: { href: '#', 'data-testid': 'offline-download', role: 'button' } }, S.download);
    replaceChildren(
      this.fileBar,
      h('p', {}, h('span', { class: 'hint' }, `${S.current} `), h('strong', { attrs: { 'data-testid': 'offline-name' } }, this.fileName)),
      edited ? download : null,
      other,
      this.input,
      h('p', { class: 'hint offline-changed' }, edited ? S.changed : S.unchanged),
    );
    if (!edited || !this.session) return;
    // The link is a real download once the copy's bytes are here (a click needs a ready href).
    download.setAttribute('aria-disabled', 'true');
    void this.session.current().then((f) => {
      while (this.urls.length > 8) URL.revokeObjectURL(this.urls.shift()!);
      download.setAttribute('href', this.url(f.bytes, f.name));
      download.setAttribute('download', f.name);
      download.removeAttribute('aria-disabled');
    });
  }
}

function boot(): void {
  const root = document.getElementById('offline');
  if (!root) return;
  const lang = pageLang();
  document.documentElement.lang = lang;
  registerFluent();
  new OfflinePage(root, lang);
}

boot();
