/**
 * The task pane's controller: a guided flow of four steps (Kiểm tra dữ liệu → Xét tiêu chí →
 * Đánh dấu → Tạo hồ sơ) whose next step is always shown, plus "Xóa đánh dấu" and the "Cấu hình"
 * tab. Each action is one call of the adapter (one Excel.run), with one progress bar while it runs
 * and a readable error when it fails.
 */
import { type Analysis, type Lang, type MappingOverride, type PaneText, type Profile, text } from '../core';
import { byId, custom, h, replaceChildren } from './dom';
import type { Filter } from './filters';
import { removeOverride, savedOverrides, upsertOverride } from './mapping';
import type { SessionApi } from '../excel/sessionApi';
import { renderAnnotateIdle, renderAnnotateResult, type AnnotateOutcome } from './views/annotateView';
import { renderData } from './views/dataView';
import { renderReview } from './views/reviewView';
import { DossierView } from './views/dossierView';
import { renderSettings } from './views/settingsView';

type StepId = 'check' | 'review' | 'annotate' | 'dossier';
const STEPS: readonly StepId[] = ['check', 'review', 'annotate', 'dossier'];
type ActionId = StepId | 'clear';
type TabId = 'main' | 'settings';
const TABS: readonly TabId[] = ['main', 'settings'];

export const APP_VERSION = typeof __APP_VERSION__ !== 'undefined' ? __APP_VERSION__ : 'dev';

export class TaskPane {
  private readonly S: PaneText;
  private analysis: Analysis | null = null;
  private reviewShown = false;
  private annotated: { marks: number } | null = null;
  private dossierDone = false;
  private filter: Filter = 'all';
  /** The step whose section is shown (one at a time: the pane stays short at 320 px). */
  private active: StepId = 'check';
  private readonly sections = new Map<StepId, HTMLElement>();
  private reasonsOpen = false;
  private busy = false;
  private readonly buttons = new Map<ActionId, HTMLElement>();
  private steps!: HTMLElement;
  private nextLine!: HTMLElement;
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
    this.S = text(lang).pane;
  }

  mount(): void {
    const S = this.S;
    document.documentElement.lang = this.lang;
    for (const id of [...STEPS, 'clear'] as ActionId[]) {
      const button = custom(
        'fluent-button',
        { attrs: { appearance: id === 'clear' ? 'stealth' : 'outline', 'data-action': id, title: S.actionTips[id] }, on: { click: () => void this.act(id) } },
        S.actions[id],
      );
      this.buttons.set(id, button);
    }
    this.status = h('div', { class: 'status', attrs: { 'data-testid': 'status' } });
    this.steps = h('ol', { class: 'steps', attrs: { 'aria-label': S.steps.label, 'data-testid': 'steps' } });
    this.nextLine = h('p', { class: 'next-step', attrs: { 'data-testid': 'next-step', 'aria-live': 'polite' } });
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
    this.dossier = new DossierView(dossierSection, {
      api: this.api,
      lang: this.lang,
      run: (p, w) => this.run(p, w),
      progress: (text, done, total) => this.showProgress(text, done, total),
      showInfo: (t) => this.showInfo(t),
      generated: () => {
        this.dossierDone = true;
        this.renderSteps();
      },
      judgeAgain: () => this.act('review'),
    });
    this.settingsSection = h('div', { class: 'section-body' });
    const panels: Record<TabId, HTMLElement> = {
      main: h(
        'div',
        { class: 'tabpanel', attrs: { id: 'panel-main', role: 'tabpanel', 'aria-labelledby': 'tab-main' } },
        h('nav', { class: 'guide', attrs: { 'aria-label': S.steps.label } }, this.nextLine, this.steps),
        this.section('check', 'data', S.sections.data, this.dataSection),
        this.section('review', 'review', S.sections.review, this.reviewSection),
        this.section('annotate', 'annotate', S.sections.annotate, this.annotateSection),
        this.section('dossier', 'dossier', S.sections.dossier, dossierSection),
      ),
      settings: h(
        'div',
        { class: 'tabpanel', attrs: { id: 'panel-settings', role: 'tabpanel', 'aria-labelledby': 'tab-settings', hidden: true } },
        section('settings', S.settings.title, this.settingsSection),
      ),
    };
    for (const id of TABS) {
      const tab = h(
        'button',
        {
          class: 'tab',
          attrs: { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, 'aria-selected': String(id === 'main'), tabindex: id === 'main' ? 0 : -1, 'data-tab': id },
          on: { click: () => void this.selectTab(id) },
        },
        S.tabs[id],
      );
      this.tabs.set(id, { tab, panel: panels[id] });
    }
    const tablist = h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': S.title }, on: { keydown: (e) => this.tabKey(e as KeyboardEvent) } }, ...TABS.map((id) => this.tabs.get(id)?.tab ?? null));
    replaceChildren(
      this.root,
      h(
        'header',
        { class: 'app-header' },
        h('h1', {}, S.title),
        h('p', {}, S.subtitle, ' ', h('span', { class: 'version', attrs: { 'data-testid': 'version' } }, `· ${S.version(APP_VERSION)}`)),
      ),
      tablist,
      this.status,
      panels.main,
      panels.settings,
    );
    this.renderSteps();
  }

  private section(step: StepId, id: string, title: string, body: HTMLElement): HTMLElement {
    const el = section(id, title, body);
    this.sections.set(step, el);
    if (step !== this.active) el.setAttribute('hidden', '');
    return el;
  }

  /** Shows the section of one step (the others stay in the guide, one click away). */
  private showSection(step: StepId): void {
    this.active = step;
    for (const [id, el] of this.sections) {
      if (id === step) el.removeAttribute('hidden');
      else el.setAttribute('hidden', '');
    }
    this.renderSteps();
    this.sections.get(step)?.scrollIntoView?.({ block: 'start' });
  }

  /** The ARIA tabs pattern: arrows move between tabs (and select), Home / End go to the ends. */
  private tabKey(e: KeyboardEvent): void {
    const current = TABS.findIndex((id) => this.tabs.get(id)?.tab === document.activeElement);
    if (current < 0) return;
    let next = current;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (current + 1) % TABS.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (current - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    else return;
    e.preventDefault();
    this.tabs.get(TABS[next])?.tab.focus();
    void this.selectTab(TABS[next]);
  }

  /** The step to take next: the first not done yet. */
  private nextStep(): StepId | null {
    const done: Record<StepId, boolean> = { check: this.analysis !== null, review: this.reviewShown, annotate: this.annotated !== null, dossier: this.dossierDone };
    return STEPS.find((s) => !done[s]) ?? null;
  }

  private stepStatus(id: StepId): string {
    const S = this.S;
    const a = this.analysis;
    switch (id) {
      case 'check': {
        if (!a) return S.steps.todo.check;
        const errors = a.result.issues.filter((i) => i.severity === 'error').length;
        return S.steps.checked(a.result.tables.length, errors, a.result.issues.length - errors);
      }
      case 'review': {
        if (!a || !this.reviewShown) return S.steps.todo.review;
        const c = a.result.candidates;
        return S.review.summary(c.length, c.filter((x) => x.eligible).length, c.filter((x) => x.award).length);
      }
      case 'annotate':
        return this.annotated ? S.steps.annotated(this.annotated.marks) : S.steps.todo.annotate;
      case 'dossier':
        return this.dossierDone ? S.steps.dossierDone : S.steps.todo.dossier;
    }
  }

  /** Redraws the guide: each step with its state in words, the next one highlighted. */
  private renderSteps(): void {
    const S = this.S;
    const next = this.nextStep();
    replaceChildren(
      this.steps,
      ...STEPS.map((id, i) => {
        const button = this.buttons.get(id)!;
        button.setAttribute('appearance', id === next ? 'accent' : 'outline');
        const done = next === null || STEPS.indexOf(next) > i;
        const state = id === next ? S.steps.stateNext : done ? S.steps.stateDone : S.steps.stateLater;
        return h(
          'li',
          { class: `step${id === next ? ' next' : ''}${done ? ' done' : ''}`, attrs: { 'data-step': id, 'aria-current': id === next ? 'step' : undefined } },
          h('span', { class: 'step-no', attrs: { 'aria-hidden': 'true' } }, done ? '✓' : String(i + 1)),
          h(
            'div',
            { class: 'step-main' },
            button,
            h('p', { class: 'step-status', attrs: { 'data-step-status': id } }, h('span', { class: 'visually-hidden' }, `${S.steps.step(i + 1)} (${state}): `), this.stepStatus(id)),
            // "Xóa đánh dấu" only where there is something to clear.
            id === 'annotate' && (this.annotated || this.hasOurMarks()) ? this.buttons.get('clear')! : null,
          ),
        );
      }),
    );
    replaceChildren(this.nextLine, next ? S.steps.next(S.actions[next]) : S.steps.allDone);
  }

  private hasOurMarks(): boolean {
    return !!(this.analysis?.state as { annotationBackup?: unknown } | undefined)?.annotationBackup;
  }

  /** Shows a tab; "Cấu hình" reads the workbook first when nothing was read yet (its profile lives there). */
  private async selectTab(id: TabId): Promise<void> {
    if (this.busy) return;
    for (const [tid, { tab, panel }] of this.tabs) {
      tab.setAttribute('aria-selected', String(tid === id));
      tab.setAttribute('tabindex', tid === id ? '0' : '-1');
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
    if (busy) this.showProgress(text ?? '');
    else this.status.querySelector('.progress')?.remove();
  }

  /** The one progress bar of the pane (its role comes from fluent-progress itself, never nested). */
  private showProgress(text: string, done?: number, total?: number): void {
    const attrs: Record<string, string | number | undefined> = { 'aria-label': text };
    if (done !== undefined && total) Object.assign(attrs, { value: done, max: total });
    const existing = this.status.querySelector('.progress');
    if (existing && done !== undefined) {
      const bar = existing.querySelector('fluent-progress')!;
      for (const [k, v] of Object.entries(attrs)) if (v !== undefined) bar.setAttribute(k, String(v));
      replaceChildren(existing.querySelector('p')!, text);
      return;
    }
    replaceChildren(this.status, h('div', { class: 'progress' }, custom('fluent-progress', { attrs }), h('p', { attrs: { 'aria-live': 'polite' } }, text)));
  }

  private showInfo(text: string): void {
    replaceChildren(this.status, h('div', { class: 'message-bar success', attrs: { role: 'status' } }, h('p', {}, text)));
  }

  private showError(err: unknown): void {
    const S = this.S;
    // The adapter's errors are already written for the user; anything else is a bug worth naming.
    const message = err instanceof Error && err.message ? err.message : S.errors.unexpected(String(err));
    const dismiss = custom('fluent-button', { attrs: { appearance: 'outline' }, on: { click: () => replaceChildren(this.status) } }, S.errors.dismiss);
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
        this.showSection('check');
        return;
      }
      case 'review': {
        const out = await this.run(S.progress.review, () => this.api.checkWorkbook(this.lang));
        if (!out) return;
        replaceChildren(this.status);
        this.reviewShown = true;
        this.show(out.analysis);
        this.showSection('review');
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
        this.showAnnotate({ kind: 'annotated', marks: out.analysis.plan.marks.length, noteMode: out.noteMode, notices: out.notices });
        return;
      }
      case 'clear': {
        const out = await this.run(S.progress.clear, () => this.api.clearWorkbook(this.lang));
        if (!out) return;
        replaceChildren(this.status);
        this.showAnnotate({ kind: 'cleared', notices: out.notices });
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
        this.showSection('dossier');
        return;
      }
    }
  }

  private showAnnotate(outcome: AnnotateOutcome, scroll = true): void {
    this.annotated = outcome.kind === 'annotated' ? { marks: outcome.marks } : null;
    replaceChildren(this.annotateSection, ...renderAnnotateResult(outcome, this.lang));
    if (scroll) this.showSection('annotate');
    else this.renderSteps();
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
    this.renderSteps();
  }

  private renderReviewSection(): void {
    if (!this.analysis || !this.reviewShown) return;
    replaceChildren(
      this.reviewSection,
      renderReview(
        this.analysis,
        this.lang,
        { filter: this.filter, reasonsOpen: this.reasonsOpen },
        {
          selectCell: (sheet, cell) => void this.selectCell(sheet, cell),
          filter: (f) => {
            this.filter = f;
            this.renderReviewSection();
          },
          reasonsOpen: (open) => (this.reasonsOpen = open),
        },
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
    const S = text(lang).pane;
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

/** Excel below the manifest's minimum (a host that loads the pane anyway): no action, where to go instead. */
export function renderOldExcel(root: HTMLElement): void {
  const blocks = (['vi', 'en'] as const).map((lang) => {
    const S = text(lang).pane;
    return h('div', { class: 'outside', attrs: { lang } }, h('h1', {}, S.oldExcelTitle), h('p', {}, S.oldExcelBody), h('p', { class: 'hint' }, S.oldExcelHint));
  });
  replaceChildren(root, h('div', { class: 'outside-excel', attrs: { 'data-testid': 'old-excel', role: 'status' } }, ...blocks));
}

export { byId };
