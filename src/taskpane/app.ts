/**
 * The task pane's controller: five actions (check, judge, annotate, clear, dossier), each one call of the
 * adapter (one Excel.run), with progress while it runs and a readable error when it fails.
 */
import type { Analysis } from '../core/analyze';
import type { Lang } from '../core/ids';
import type { MappingOverride } from '../core/state';
import { byId, custom, h, replaceChildren } from './dom';
import type { Filter } from './filters';
import { strings, type Strings } from './i18n';
import { removeOverride, savedOverrides, upsertOverride } from './mapping';
import type { SessionApi } from './sessionApi';
import { renderAnnotate, renderAnnotateIdle, type AnnotateOutcome } from './views/annotateView';
import { renderData } from './views/dataView';
import { renderReview } from './views/reviewView';
import { DossierView } from './views/dossierView';
import { renderSettings } from './views/settingsView';
import type { Profile } from '../core/profile';

type ActionId = 'check' | 'review' | 'annotate' | 'clear' | 'dossier';
const ACTIONS: readonly ActionId[] = ['check', 'review', 'annotate', 'clear', 'dossier'];
type TabId = 'main' | 'settings';
const TABS: readonly TabId[] = ['main', 'settings'];

export class TaskPane {
  private readonly S: Strings;
  private analysis: Analysis | null = null;
  private reviewShown = false;
  private filter: Filter = 'all';
  private busy = false;
  private readonly buttons = new Map<ActionId, HTMLElement>();
  private status!: HTMLElement;
  private dataSection!: HTMLElement;
  private reviewSection!: HTMLElement;
  private annotateSection!: HTMLElement;
  private dossier!: DossierView;
  private settingsSection!: HTMLElement;
  private readonly tabs = new Map<TabId, { tab: HTMLElement; panel: HTMLElement }>();
  private settingsKey: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: SessionApi,
    private readonly lang: Lang,
  ) {
    this.S = strings(lang);
  }

  mount(): void {
    const S = this.S;
    document.documentElement.lang = this.lang;
    for (const id of ACTIONS) {
      const button = custom(
        'fluent-button',
        { attrs: { appearance: id === 'check' || id === 'review' ? 'accent' : 'outline', 'data-action': id, title: S.actionTips[id] }, on: { click: () => void this.act(id) } },
        S.actions[id],
      );
      this.buttons.set(id, button);
    }
    this.status = h('div', { class: 'status', attrs: { 'aria-live': 'polite', 'data-testid': 'status' } });
    this.dataSection = h('div', { class: 'section-body' }, h('p', { class: 'hint' }, S.hints.start));
    this.reviewSection = h('div', { class: 'section-body' }, h('p', { class: 'hint' }, S.hints.reviewFirst));
    // Before the first Đánh dấu in this workbook: Excel cannot undo it, Xóa đánh dấu is the way back.
    const undoNotice = this.api.undoNotice?.(this.lang) ?? null;
    this.annotateSection = h(
      'div',
      { class: 'section-body' },
      renderAnnotateIdle(this.lang),
      undoNotice ? h('div', { class: 'message-bar warning', attrs: { role: 'note', 'data-testid': 'undo-notice' } }, h('p', {}, undoNotice)) : null,
    );
    const dossierSection = h('div', { class: 'section-body' });
    this.dossier = new DossierView(dossierSection, { api: this.api, lang: this.lang, run: (p, w) => this.run(p, w), showInfo: (t) => this.showInfo(t) });
    this.settingsSection = h('div', { class: 'section-body' });
    const panels: Record<TabId, HTMLElement> = {
      main: h(
        'div',
        { attrs: { id: 'panel-main', role: 'tabpanel', 'aria-labelledby': 'tab-main' } },
        h('nav', { class: 'toolbar', attrs: { 'aria-label': S.title } }, ...ACTIONS.map((id) => this.buttons.get(id) ?? null)),
        section('data', S.sections.data, this.dataSection),
        section('review', S.sections.review, this.reviewSection),
        section('annotate', S.sections.annotate, this.annotateSection),
        section('dossier', S.sections.dossier, dossierSection),
      ),
      settings: h(
        'div',
        { attrs: { id: 'panel-settings', role: 'tabpanel', 'aria-labelledby': 'tab-settings', hidden: true } },
        section('settings', S.settings.title, this.settingsSection),
      ),
    };
    for (const id of TABS) {
      const tab = h(
        'button',
        {
          class: 'tab',
          attrs: { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, 'aria-selected': String(id === 'main'), 'data-tab': id },
          on: { click: () => void this.selectTab(id) },
        },
        S.tabs[id],
      );
      this.tabs.set(id, { tab, panel: panels[id] });
    }
    replaceChildren(
      this.root,
      h('header', { class: 'app-header' }, h('h1', {}, S.title), h('p', {}, S.subtitle)),
      h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': S.title } }, ...TABS.map((id) => this.tabs.get(id)?.tab ?? null)),
      this.status,
      panels.main,
      panels.settings,
    );
  }

  /** Shows a tab; "Cấu hình" reads the workbook first when nothing was read yet (its profile lives there). */
  private async selectTab(id: TabId): Promise<void> {
    if (this.busy) return;
    for (const [tid, { tab, panel }] of this.tabs) {
      tab.setAttribute('aria-selected', String(tid === id));
      if (tid === id) panel.removeAttribute('hidden');
      else panel.setAttribute('hidden', '');
    }
    if (id !== 'settings') return;
    if (!this.analysis) {
      const out = await this.run(this.S.settings.progressLoad, () => this.api.checkWorkbook(this.lang));
      if (!out) return;
      replaceChildren(this.status);
      this.show(out.analysis);
    }
    this.renderSettingsSection();
  }

  /** Re-renders "Cấu hình" only when the workbook's profile changed, so unsaved edits survive a tab switch. */
  private renderSettingsSection(force = false): void {
    const analysis = this.analysis;
    if (!analysis) return;
    const key = JSON.stringify([analysis.profile, analysis.state.profile !== undefined, analysis.profileProblems]);
    if (!force && key === this.settingsKey) return;
    this.settingsKey = key;
    replaceChildren(
      this.settingsSection,
      renderSettings(
        {
          profile: analysis.profile,
          saved: analysis.state.profile !== undefined && analysis.profileProblems.length === 0,
          savedProblems: analysis.profileProblems,
          platform: typeof Office !== 'undefined' && Office.context?.platform ? String(Office.context.platform) : undefined,
        },
        this.lang,
        { save: (p) => void this.saveProfile(p), restore: () => void this.saveProfile(null) },
      ),
    );
  }

  /** Saves (or, with null, removes) the workbook's profile; the review and marks follow it. */
  private async saveProfile(profile: Profile | null): Promise<void> {
    const S = this.S;
    const out = await this.run(profile ? S.settings.progressSave : S.settings.progressRestore, () => this.api.saveProfile(profile, this.lang));
    if (!out) return;
    this.reviewShown = true;
    this.show(out.analysis);
    this.renderSettingsSection(true);
    const { result } = out.analysis;
    const summary = S.review.summary(result.candidates.length, result.candidates.filter((c) => c.eligible).length, result.candidates.filter((c) => c.award).length);
    const marks = out.reannotated ? S.settings.reannotated(out.analysis.plan.marks.length) : S.settings.notAnnotated;
    this.showInfo(`${profile ? S.settings.saved : S.settings.restored} ${summary}. ${marks}`);
    if (out.reannotated) this.showAnnotate({ kind: 'annotated', marks: out.analysis.plan.marks.length, noteMode: out.noteMode }, false);
    this.status.scrollIntoView?.({ block: 'nearest' });
  }

  /** Runs one adapter call with progress and error reporting; returns undefined when it failed. */
  private async run<T>(progress: string, work: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.setBusy(true, progress);
    try {
      return await work();
    } catch (err) {
      this.showError(err);
      return undefined;
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean, text?: string): void {
    this.busy = busy;
    this.root.setAttribute('aria-busy', String(busy));
    const settingsButtons = Array.from(this.settingsSection?.querySelectorAll('.settings-actions [data-action]') ?? []);
    for (const b of [...this.buttons.values(), ...settingsButtons]) {
      if (busy) b.setAttribute('disabled', '');
      else b.removeAttribute('disabled');
    }
    if (busy) {
      replaceChildren(
        this.status,
        h('div', { class: 'progress', attrs: { role: 'progressbar', 'aria-label': text ?? '' } }, custom('fluent-progress'), h('p', {}, text ?? '')),
      );
    } else {
      const progress = this.status.querySelector('.progress');
      if (progress) progress.remove();
    }
  }

  private showInfo(text: string): void {
    replaceChildren(this.status, h('div', { class: 'message-bar success', attrs: { role: 'status' } }, h('p', {}, text)));
  }

  private showError(err: unknown): void {
    const S = this.S;
    // The adapter's errors are already written for the user; anything else is a bug worth naming.
    const message = err instanceof Error && err.message ? err.message : S.errors.unexpected(String(err));
    const dismiss = custom('fluent-button', { attrs: { appearance: 'stealth' }, on: { click: () => replaceChildren(this.status) } }, S.errors.dismiss);
    replaceChildren(
      this.status,
      h('div', { class: 'message-bar error', attrs: { role: 'alert', 'data-testid': 'error' } }, h('strong', {}, S.errors.title), h('p', {}, message), dismiss),
    );
  }

  private async act(id: ActionId): Promise<void> {
    const S = this.S;
    switch (id) {
      case 'check': {
        const out = await this.run(S.progress.check, () => this.api.checkWorkbook(this.lang));
        if (!out) return;
        replaceChildren(this.status);
        this.show(out.analysis);
        this.dataSection.scrollIntoView?.({ block: 'start' });
        return;
      }
      case 'review': {
        const out = await this.run(S.progress.review, () => this.api.checkWorkbook(this.lang));
        if (!out) return;
        replaceChildren(this.status);
        this.reviewShown = true;
        this.show(out.analysis);
        this.reviewSection.scrollIntoView?.({ block: 'start' });
        return;
      }
      case 'annotate': {
        const out = await this.run(S.progress.annotate, () => this.api.annotateWorkbook(this.lang));
        if (!out) return;
        // The first time in this workbook, the notice stays in view with the result (said once).
        if (out.undoNotice) this.showInfo(out.undoNotice);
        else replaceChildren(this.status);
        this.reviewShown = true;
        this.show(out.analysis);
        this.showAnnotate({ kind: 'annotated', marks: out.analysis.plan.marks.length, noteMode: out.noteMode });
        return;
      }
      case 'clear': {
        const ok = await this.run(S.progress.clear, async () => {
          await this.api.clearWorkbook();
          return true;
        });
        if (!ok) return;
        replaceChildren(this.status);
        this.showAnnotate({ kind: 'cleared' });
        return;
      }
      case 'dossier': {
        // Re-reads the workbook so the form shows the facts saved in it now (what the user is
        // typing is kept: show() does not rebuild a changed form).
        const out = await this.run(S.progress.dossier, () => this.api.checkWorkbook(this.lang));
        if (!out) return;
        replaceChildren(this.status);
        const first = !this.dossier.loaded;
        this.show(out.analysis);
        if (first) this.dossier.setAnalysis(out.analysis);
        document.getElementById('section-dossier')?.scrollIntoView?.({ block: 'start' });
        return;
      }
    }
  }

  private showAnnotate(outcome: AnnotateOutcome, scroll = true): void {
    replaceChildren(this.annotateSection, renderAnnotate(outcome, this.lang));
    if (scroll) this.annotateSection.scrollIntoView?.({ block: 'start' });
  }

  private show(analysis: Analysis): void {
    this.analysis = analysis;
    if (this.dossier.loaded) this.dossier.setAnalysis(analysis);
    replaceChildren(
      this.dataSection,
      renderData(analysis, this.lang, {
        selectCell: (sheet, cell) => void this.selectCell(sheet, cell),
        saveOverride: (o, rowChanged) => void this.saveOverrides(upsertOverride(savedOverrides(analysis.state), o), o.sheet, rowChanged),
        restoreSheet: (sheet) => void this.saveOverrides(removeOverride(savedOverrides(analysis.state), sheet), sheet, false, true),
      }),
    );
    this.renderReviewSection();
  }

  private renderReviewSection(): void {
    if (!this.analysis || !this.reviewShown) return;
    replaceChildren(
      this.reviewSection,
      renderReview(
        this.analysis,
        this.lang,
        this.filter,
        (f) => {
          this.filter = f;
          this.renderReviewSection();
        },
        { selectCell: (sheet, cell) => void this.selectCell(sheet, cell) },
      ),
    );
  }

  private async selectCell(sheet: string, cell: string): Promise<void> {
    const ok = await this.run(this.S.progress.select, async () => {
      await this.api.selectCell(sheet, cell);
      return true;
    });
    if (ok) replaceChildren(this.status);
  }

  private async saveOverrides(overrides: MappingOverride[], sheet: string, headerRowChanged: boolean, restored = false): Promise<void> {
    const S = this.S;
    const out = await this.run(S.progress.save, async () => {
      await this.api.saveState({ overrides });
      return this.api.checkWorkbook(this.lang);
    });
    if (!out) return;
    this.show(out.analysis);
    this.showInfo(restored ? S.tables.restored(sheet) : headerRowChanged ? `${S.tables.saved(sheet)} ${S.tables.headerRowChanged}` : S.tables.saved(sheet));
  }
}

function section(id: string, title: string, body: HTMLElement): HTMLElement {
  return h('section', { class: 'pane-section', attrs: { id: `section-${id}`, 'aria-labelledby': `heading-${id}` } }, h('h2', { attrs: { id: `heading-${id}` } }, title), body);
}

/** The polite page shown when the pane is opened outside Excel (both languages: we cannot know). */
export function renderOutsideExcel(root: HTMLElement, officeLoaded: boolean): void {
  const blocks = (['vi', 'en'] as const).map((lang) => {
    const S = strings(lang);
    return h(
      'div',
      { class: 'outside', attrs: { lang } },
      h('h1', {}, S.outsideExcelTitle),
      h('p', {}, officeLoaded ? S.outsideExcelBody : S.officeMissing),
      h('p', { class: 'hint' }, S.outsideExcelHint),
    );
  });
  replaceChildren(root, h('div', { class: 'outside-excel', attrs: { 'data-testid': 'outside-excel', role: 'status' } }, ...blocks));
}

export { byId };
