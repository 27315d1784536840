/**
 * The offline page's port of the task pane (src/excel/sessionApi.ts): the pane's views and flow
 * (src/taskpane) run unchanged over it. Where the add-in writes into the open workbook, this port
 * edits a copy of the picked file in the worker and offers it for download; the file on disk is
 * never touched (a page cannot write it, and the clerk keeps the original).
 */
import type { Analysis, Grid, Lang, Profile, WorkbookState } from '../core';
import { text } from '../core';
import type { Annotated, Cleared, ProfileSaved, RecordResult, SessionApi } from '../excel/sessionApi';
import type { BookFile, Progress } from './book';
import { dispatch, type Answer, type Call } from './port';

/** One call to the book, wherever it runs; rejects with the clerk's message. */
export interface Channel {
  call<T>(call: Call, progress?: Progress): Promise<{ value: T; edited: boolean }>;
}

function settle<T>(answer: Answer): { value: T; edited: boolean } {
  if (answer.ok) return { value: answer.value as T, edited: answer.edited };
  throw Object.assign(new Error(answer.message), { userFacing: answer.userFacing });
}

/** The book in the page's own thread (no worker: a browser that refuses one). */
export class LocalChannel implements Channel {
  async call<T>(call: Call, progress?: Progress): Promise<{ value: T; edited: boolean }> {
    return settle<T>(await dispatch(call, progress ?? (() => undefined)));
  }
}

/** The book in a worker. */
export class WorkerChannel implements Channel {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (a: Answer) => void; progress?: Progress }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<{ id: number; answer?: Answer; progress?: [number, number] }>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      if (e.data.progress) p.progress?.(e.data.progress[0], e.data.progress[1]);
      else if (e.data.answer) {
        this.pending.delete(e.data.id);
        p.resolve(e.data.answer);
      }
    };
    worker.onerror = (e) => {
      const message = e.message || 'worker error';
      for (const [, p] of this.pending) p.resolve({ ok: false, message, userFacing: false });
      this.pending.clear();
    };
  }

  async call<T>(call: Call, progress?: Progress): Promise<{ value: T; edited: boolean }> {
    const id = this.next++;
    const answer = await new Promise<Answer>((resolve) => {
      this.pending.set(id, { resolve, progress });
      // The picked file's bytes move to the worker (no copy); the page does not need them.
      this.worker.postMessage({ id, call }, call.op === 'open' ? [call.bytes.buffer as ArrayBuffer] : []);
    });
    return settle<T>(answer);
  }
}

/** What the page around the pane does for the port: downloads, the file's state, a word to the clerk. */
export interface Shell {
  /** Offers a file: downloads it now and says so. */
  offer(file: BookFile): void;
  /** The copy changed (or not) from the picked file. */
  changed(edited: boolean): void;
  note(text: string): void;
}

/** The pane reads only the analysis of a check; the grid stays in the worker (a large file's grid is large). */
const NO_GRID: Grid = { sheets: [] };

export class OfflineSession implements SessionApi {
  constructor(
    private readonly channel: Channel,
    private readonly shell: Shell,
  ) {}

  private async call<T>(call: Call): Promise<T> {
    const { value, edited } = await this.channel.call<T>(call);
    this.shell.changed(edited);
    return value;
  }

  async checkWorkbook(lang: Lang): Promise<{ grid: Grid; analysis: Analysis }> {
    const { analysis } = await this.call<{ analysis: Analysis }>({ op: 'check', lang });
    return { grid: NO_GRID, analysis };
  }

  async annotateWorkbook(lang: Lang): Promise<Annotated> {
    const out = await this.call<{ analysis: Analysis; copy: BookFile; notices: string[] }>({ op: 'annotate', lang });
    this.shell.offer(out.copy);
    return out.notices.length ? { analysis: out.analysis, noteMode: 'notes', notices: out.notices } : { analysis: out.analysis, noteMode: 'notes' };
  }

  async clearWorkbook(lang: Lang = 'vi'): Promise<Cleared> {
    const out = await this.call<{ copy: BookFile | null; notices: string[] }>({ op: 'clear', lang });
    if (out.copy) this.shell.offer(out.copy);
    return out.notices.length ? { notices: out.notices } : {};
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    // A page cannot select a cell in Excel: the clerk is told where to look.
    this.shell.note(text(this.lang).offline.cell(sheet, cell));
  }

  /** The language the page runs in (set by the page before the pane mounts). */
  lang: Lang = 'vi';

  async saveState(partial: WorkbookState): Promise<void> {
    await this.call<null>({ op: 'saveState', partial, lang: this.lang });
  }

  async readForDossier(lang: Lang, save?: WorkbookState): Promise<{ grid: Grid }> {
    return this.call<{ grid: Grid }>({ op: 'readForDossier', lang, save });
  }

  async saveProfile(profile: Profile | null, lang: Lang): Promise<ProfileSaved> {
    const out = await this.call<{ analysis: Analysis; reannotated: boolean; notices: string[] }>({ op: 'saveProfile', profile, lang });
    return out.notices.length ? { analysis: out.analysis, reannotated: out.reannotated, noteMode: 'notes', notices: out.notices } : { analysis: out.analysis, reannotated: out.reannotated, noteMode: 'notes' };
  }

  async recordAwards(lang: Lang, save?: WorkbookState): Promise<RecordResult> {
    return this.call<RecordResult>({ op: 'recordAwards', lang, save });
  }

  /** The copy as it is now (for "Tải tệp về"). */
  async current(): Promise<BookFile & { edited: boolean }> {
    return (await this.channel.call<BookFile & { edited: boolean }>({ op: 'current' })).value;
  }
}
