/**
 * "Tạo hồ sơ": the document and meeting facts form (pre-filled from the workbook, saved back into
 * it), the votes when the workbook has no vote columns, the user's own templates (checked at once,
 * kept for this session), and one button that builds the whole dossier and offers it as a .zip and
 * file by file. docxtemplater is loaded only here, with import(), never in the first bundle.
 */
import { type Analysis, type Candidate, type Lang, type Grid, awardLabel, councilBallot, text, type PaneDossierText } from '../../core';
import type { Facts } from '../../core/dossier/facts';
import type { TemplateId } from '../../core/dossier/model';
import { custom, h, replaceChildren } from '../dom';
import type { EngineResult } from '../dossier/engine';
import { baseName, DOCX_TYPE, DownloadUrls, fetchDefaultTemplate, needsSavePage, openSavePage, savePageHref, TEMPLATE_IDS, toBase64, ZIP_TYPE, type PaneTemplate } from '../dossier/files';
import { chosenDecisions, ESSENTIAL_FACTS, factsToForm, FORM_FIELDS, formToFacts, savedFacts, voteFieldId, withDecisions, type CouncilInput, type FieldGroup, type FieldProblem, type FormState } from '../dossier/form';
import { mergeFacts, missingFacts } from '../../core/dossier/facts';
import { encodePacket } from '../../save/packet';
import { missingLabel } from '../dossier/form';
import type { SessionApi } from '../../excel/sessionApi';
import { defaultLayout, parseLayout } from '../../core/dossier/certificateLayout';

export interface DossierHost {
  api: SessionApi;
  lang: Lang;
  /** The pane's busy/progress/error wrapper around one user action. */
  run<T>(progress: string, work: () => Promise<T>): Promise<T | undefined>;
  /** Updates the pane's one progress bar (determinate when done / total are given). */
  progress(text: string, done?: number, total?: number): void;
  showInfo(text: string): void;
  /** The dossier was created (the guide marks its step done). */
  generated(): void;
  /** The workbook is judged again (after the council's decisions are saved). */
  judgeAgain?(): Promise<void>;
}


type Engine = typeof import('../dossier/engine');
let enginePromise: Promise<Engine> | null = null;
/** The docxtemplater part, fetched once (its own chunk). */
function loadEngine(): Promise<Engine> {
  enginePromise ??= import(/* webpackChunkName: "dossier" */ '../dossier/engine').catch((e) => {
    enginePromise = null;
    throw e;
  });
  return enginePromise;
}

export class DossierView {
  private readonly D: PaneDossierText;
  private analysis: Analysis | null = null;
  private base: Facts | undefined;
  private voteCandidates: Candidate[] = [];
  private dirty = false;
  private readonly customTemplates = new Map<TemplateId, PaneTemplate>();
  private readonly defaults = new Map<TemplateId, PaneTemplate>();
  private readonly urls = new DownloadUrls();
  private form!: HTMLFormElement;
  private formStatus!: HTMLElement;
  private templatesBox!: HTMLElement;
  private progress!: HTMLElement;
  private output!: HTMLElement;
  private afterOutput!: HTMLElement;
  private layoutBox!: HTMLTextAreaElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: DossierHost,
  ) {
    this.D = text(host.lang).paneDossier;
    replaceChildren(root, h('p', { class: 'hint' }, this.D.loadHint));
  }

  get loaded(): boolean {
    return this.analysis !== null;
  }

  /** A new analysis of the workbook: (re)builds the form unless the user is typing in it. */
  setAnalysis(analysis: Analysis): void {
    if (this.analysis && this.dirty) {
      this.analysis = analysis;
      return;
    }
    this.analysis = analysis;
    const saved = savedFacts(analysis.state.facts, this.host.lang);
    this.base = saved.facts;
    const hasVoteColumns = analysis.result.tables.some((t) => t.columns.votesAgree);
    // Everyone the council votes on (all criteria met but the vote): a low vote must not hide its own field.
    this.voteCandidates = hasVoteColumns ? [] : councilBallot(analysis.result);
    this.dirty = false;
    this.render(hasVoteColumns);
    if (saved.problems.length) this.showProblems(saved.problems, this.D.savedInvalid);
  }

  private render(hasVoteColumns: boolean): void {
    const D = this.D;
    const state = factsToForm(this.base, this.voteCandidates.map((c) => c.name));
    this.form = h('form', { class: 'dossier-form', attrs: { 'data-testid': 'dossier-form', novalidate: true }, on: { input: (e) => this.edited(e.target), submit: (e) => e.preventDefault() } });
    const fieldOf = (id: string) => {
      const f = FORM_FIELDS.find((x) => x.id === id)!;
      return this.field(f.id, f.kind === 'lines', state.fields[f.id] ?? '', f.kind === 'count' || f.kind === 'year' || f.kind === 'docNumber');
    };
    // Required facts first and short; the rest folded (groups as the form model defines them).
    const essentials = ESSENTIAL_FACTS.filter((id) => FORM_FIELDS.some((f) => f.id === id));
    this.form.appendChild(
      h(
        'fieldset',
        { class: 'dossier-group essentials', attrs: { 'data-group': 'essentials' } },
        h('legend', {}, D.essentials),
        h('p', { class: 'hint' }, this.base ? `${D.essentialsHint} ${D.prefilled}` : D.essentialsHint),
        ...essentials.map(fieldOf),
      ),
    );
    const groups = [...new Set(FORM_FIELDS.map((f) => f.group))] as FieldGroup[];
    const more = h(
      'details',
      { class: 'dossier-more', attrs: { 'data-testid': 'dossier-more' } },
      h('summary', {}, D.more),
      h('p', { class: 'hint' }, D.moreHint),
      ...groups.map((group) => {
        const fields = FORM_FIELDS.filter((f) => f.group === group && !essentials.includes(f.id));
        if (!fields.length) return null;
        return h('fieldset', { class: 'dossier-group', attrs: { 'data-group': group } }, h('legend', {}, D.groups[group] ?? group), ...fields.map((f) => fieldOf(f.id)));
      }),
    );
    this.form.appendChild(more);
    this.form.appendChild(h('details', { class: 'dossier-more', attrs: { 'data-testid': 'dossier-votes' } }, h('summary', {}, D.votesFold), this.votesFieldset(state, hasVoteColumns), this.decisionsFieldset()));
    this.templatesBox = h('fieldset', { class: 'dossier-group', attrs: { 'data-group': 'templates' } });
    this.renderTemplates();
    this.formStatus = h('div', { class: 'dossier-form-status', attrs: { 'data-testid': 'dossier-form-status', 'aria-live': 'polite' } });
    this.progress = h('p', { class: 'dossier-progress', attrs: { 'data-testid': 'dossier-progress' } });
    this.output = h('div', { class: 'dossier-output', attrs: { 'data-testid': 'dossier-result' } });
    const save = custom('fluent-button', { attrs: { appearance: 'outline', 'data-action': 'dossier-save' }, on: { click: () => void this.save() } }, D.save);
    const generate = custom('fluent-button', { attrs: { appearance: 'accent', 'data-action': 'dossier-generate' }, on: { click: () => void this.generate() } }, D.generate);
    replaceChildren(
      this.root,
      h('p', { class: 'hint' }, D.intro),
      this.form,
      h('details', { class: 'dossier-more', attrs: { 'data-testid': 'dossier-templates' } }, h('summary', {}, D.ownTemplates), this.templatesBox),
      h('details', { class: 'dossier-more cli' }, h('summary', {}, D.cliTitle), h('p', { class: 'hint' }, D.cliBody)),
      this.formStatus,
      // Always in sight: the actions stick to the bottom of the pane while the form scrolls.
      h('div', { class: 'dossier-actions sticky', attrs: { 'data-testid': 'dossier-actions' } }, save, generate),
      this.progress,
      this.output,
      this.afterCouncil(),
    );
  }

  /** The after-council step: Quyết định, Giấy khen (and its layout), "Ghi vào lịch sử". */
  private afterCouncil(): HTMLElement {
    const A = text(this.host.lang).paneAfter;
    const button = (action: string, label: string, work: () => Promise<void>, appearance = 'outline') =>
      custom('fluent-button', { attrs: { appearance, 'data-action': action }, on: { click: () => void work() } }, label);
    this.afterOutput = h('div', { class: 'dossier-output', attrs: { 'data-testid': 'after-result', 'aria-live': 'polite' } });
    const saved = this.analysis?.state.certificateLayout;
    this.layoutBox = h('textarea', { class: 'layout-json', attrs: { rows: 8, spellcheck: 'false', 'data-testid': 'layout-json', 'aria-label': A.layoutTitle } });
    this.layoutBox.value = JSON.stringify(saved ?? defaultLayout('A4'), null, 2);
    return h(
      'section',
      { class: 'after-council', attrs: { 'data-testid': 'after-council' } },
      h('h3', {}, A.title),
      h('p', { class: 'hint' }, A.intro),
      h(
        'div',
        { class: 'dossier-actions' },
        button('decision-generate', A.decision, () => this.generateDecisions(), 'accent'),
        button('certificates-generate', A.certificates, () => this.makeCertificates(false)),
        button('record-awards', A.record, () => this.recordAwards()),
      ),
      h(
        'details',
        { class: 'certificate-layout' },
        h('summary', {}, A.layoutTitle),
        h('p', { class: 'hint' }, A.layoutHint),
        this.layoutBox,
        h('div', { class: 'dossier-actions' }, button('layout-save', A.layoutSave, () => this.saveLayout()), button('certificates-calibration', A.calibration, () => this.makeCertificates(true))),
      ),
      this.afterOutput,
    );
  }

  /** The form's facts, saved with the read when changed (as "Tạo hồ sơ" does); undefined when invalid. */
  private async readWithFacts(progress: string): Promise<{ grid: Grid } | undefined> {
    const facts = this.validated();
    if (!facts) return undefined;
    const save = this.dirty || !sameJson(facts, this.base ?? {}) ? { facts } : undefined;
    const out = await this.host.run(progress, () => this.host.api.readForDossier(this.host.lang, save));
    if (out && save) {
      this.base = facts;
      this.dirty = false;
    }
    return out;
  }

  private afterMessage(kind: 'success' | 'error' | 'warning', title: string, lines: string[] = [], extra: (HTMLElement | null)[] = []): void {
    replaceChildren(
      this.afterOutput,
      h('div', { class: `message-bar ${kind}`, attrs: { 'data-testid': `after-${kind}` } }, h('strong', {}, title), lines.length ? h('ul', {}, ...lines.map((l) => h('li', {}, l))) : null),
      ...extra,
    );
  }

  private failureLines(r: { reason: string; problems?: { message?: string; path?: string }[] | string[] }): string[] {
    const D = this.D;
    if (r.reason === 'noTables') return [(r as { message?: string }).message ?? D.noTables];
    return ((r.problems ?? []) as (string | { path?: string; message?: string })[]).map((p) => (typeof p === 'string' ? p : p.path ? `${p.path}: ${p.message}` : String(p.message)));
  }

  async generateDecisions(): Promise<void> {
    const A = text(this.host.lang).paneAfter;
    const read = await this.readWithFacts(A.decision);
    if (!read) return;
    const engine = await this.loadFiles(loadEngine);
    const templates = await this.loadFiles(() => this.templateSet());
    // Inside run(): the pane's progress bar goes when the decisions are made.
    const r = await this.host.run(A.decision, () => engine.decisionsInPane(read.grid, templates, this.host.lang, (done, total) => this.setProgress(A.progressDecision(done, total), done, total)));
    replaceChildren(this.progress);
    if (!r) return;
    this.urls.revokeAll();
    if (!r.ok) return this.afterMessage('error', A.failed, r.reason === 'templates' ? r.problems.map((p) => p.message) : this.failureLines(r));
    if (!r.files.length) return this.afterMessage('warning', A.nobody);
    // Each award's decision comes with its danh sách chi tiền thưởng: one decision per award.
    const links = r.files.map((f) => h('a', { class: 'download primary', attrs: { href: this.urls.make(f.bytes, DOCX_TYPE), download: baseName(f.path), 'data-path': f.path, 'data-testid': baseName(f.path).startsWith('danh-sach-chi-') ? 'download-paylist' : 'download-decision' } }, f.title));
    this.afterMessage('success', A.decisionsDone(r.proposed.length), r.missing.length ? [A.missing, ...r.missing] : [], links);
  }

  async makeCertificates(calibration: boolean): Promise<void> {
    const A = text(this.host.lang).paneAfter;
    const read = await this.readWithFacts(calibration ? A.calibration : A.certificates);
    if (!read) return;
    const engine = await this.loadFiles(loadEngine);
    const r = engine.certificatesInPane(read.grid, this.host.lang, calibration);
    this.urls.revokeAll();
    if (!r.ok) return this.afterMessage('error', A.failed, r.reason === 'nobody' ? [A.nobody] : this.failureLines(r));
    const name = calibration ? 'trang-canh-chinh-giay-khen.docx' : 'giay-khen.docx';
    const link = h('a', { class: 'download primary', attrs: { href: this.urls.make(r.bytes, DOCX_TYPE), download: name, 'data-testid': calibration ? 'download-calibration' : 'download-certificates' } }, name);
    this.afterMessage('success', calibration ? A.calibrationDone : A.certificatesDone(r.pages, A.layoutFrom[r.layoutFrom]), [], [link]);
  }

  async makeBallots(): Promise<void> {
    const A = text(this.host.lang).paneAfter;
    const read = await this.readWithFacts(A.ballots);
    if (!read) return;
    const engine = await this.loadFiles(loadEngine);
    const r = engine.ballotsInPane(read.grid, this.host.lang);
    this.urls.revokeAll();
    if (!r.ok) return this.afterMessage(r.reason === 'nobody' ? 'warning' : 'error', A.failed, r.reason === 'nobody' ? [text(this.host.lang).cliAfter.noBallotCandidates] : this.failureLines(r));
    const links = r.files.map((f) => h('a', { class: 'download primary', attrs: { href: this.urls.make(f.bytes, DOCX_TYPE), download: f.path, 'data-testid': f.path === 'phieu-bau.docx' ? 'download-ballots' : 'download-count-record' } }, f.path));
    this.afterMessage('success', A.ballotsDone(r.copies, r.candidates, r.counted), [], links);
  }

  /** What the council still has to decide (the core's questions), each with its choices. */
  private decisionsFieldset(): HTMLElement {
    const A = text(this.host.lang).paneAfter;
    const box = h('fieldset', { class: 'dossier-group', attrs: { 'data-group': 'decisions', 'data-testid': 'council-decisions' } }, h('legend', {}, A.councilTitle));
    const analysis = this.analysis;
    const questions = analysis?.result.questions ?? [];
    if (!analysis || !questions.length) {
      box.appendChild(h('p', { class: 'hint' }, A.councilNone));
      return box;
    }
    box.appendChild(h('p', { class: 'hint' }, A.councilHint));
    const checks = (q: number, names: string[], type: 'place' | 'drop', award?: string) =>
      h('div', { class: 'council-choices' }, ...names.map((n, i) => {
        const id = `council-${q}-${i}`;
        const input = h('input', { attrs: { id, type: 'checkbox', 'data-decision': type, 'data-question': String(q), 'data-candidate': n, 'data-award': award } });
        return h('div', { class: 'council-choice' }, input, ' ', h('label', { attrs: { for: id } }, n));
      }));
    questions.forEach((q, i) => {
      if (q.type === 'initiative') {
        const id = `council-${i}`;
        const select = h('select', { attrs: { id, 'data-decision': 'initiative', 'data-question': String(i), 'data-initiative': q.initiative } }, h('option', { attrs: { value: '' } }, A.councilUndecided), ...q.names.map((n) => h('option', { attrs: { value: n } }, n)));
        box.appendChild(h('div', { class: 'dossier-field wide' }, h('label', { attrs: { for: id } }, A.councilOwner(q.initiative)), select));
      } else if (q.type === 'tie') {
        box.appendChild(h('div', { class: 'dossier-field wide' }, h('p', {}, A.councilPlaces(q.places, awardLabel(analysis.profile, q.awardId), q.rank)), checks(i, q.names, 'place', q.awardId)));
      } else {
        const names = analysis.result.candidates.filter((c) => c.kind === q.kind && c.award === q.awardId).map((c) => c.name);
        box.appendChild(h('div', { class: 'dossier-field wide' }, h('p', {}, A.councilOverflow(q.count, q.quota, awardLabel(analysis.profile, q.awardId))), checks(i, names, 'drop')));
      }
    });
    box.appendChild(custom('fluent-button', { attrs: { appearance: 'outline', 'data-action': 'council-save' }, on: { click: () => void this.saveDecisions() } }, A.councilSave));
    return box;
  }

  /** The choices made, saved into the facts' meeting.decisions (the CLI's shape), then judged again. */
  async saveDecisions(): Promise<void> {
    const A = text(this.host.lang).paneAfter;
    const inputs: CouncilInput[] = Array.from(this.form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('[data-decision]')).map((el) => ({
      decision: el.dataset.decision ?? '',
      question: Number(el.dataset.question),
      candidate: el.dataset.candidate,
      initiative: el.dataset.initiative,
      award: el.dataset.award || undefined,
      value: el.value,
      checked: el instanceof HTMLInputElement ? el.checked : undefined,
    }));
    const { chosen, tooMany } = chosenDecisions(inputs, this.analysis?.result.questions ?? []);
    if (tooMany.length) return this.afterMessage('error', A.failed, tooMany.map((t) => A.councilTooMany(t.places, t.ticked, t.rank)));
    if (!chosen.length) return this.afterMessage('warning', A.councilNothingChosen);
    const facts = this.validated();
    if (!facts) return;
    const next = withDecisions(facts, chosen);
    const ok = await this.host.run(A.councilSave, async () => {
      await this.host.api.saveState({ facts: next });
      return true;
    });
    if (!ok) return;
    this.base = next;
    this.dirty = false;
    await this.host.judgeAgain?.();
    this.afterMessage('success', A.councilSaved(chosen.length));
  }

  async saveLayout(): Promise<void> {
    const A = text(this.host.lang).paneAfter;
    let json: unknown;
    try {
      json = JSON.parse(this.layoutBox.value);
    } catch (e) {
      return this.afterMessage('error', A.layoutInvalid, [(e as Error).message]);
    }
    const parsed = parseLayout(json, this.host.lang);
    if (!parsed.ok) return this.afterMessage('error', A.layoutInvalid, parsed.problems.map((p) => `${p.path}: ${p.message}`));
    const ok = await this.host.run(A.layoutSave, async () => {
      await this.host.api.saveState({ certificateLayout: parsed.layout });
      return true;
    });
    if (ok) this.afterMessage('success', A.layoutSaved);
  }

  async makeCountSheet(): Promise<void> {
    const write = this.host.api.writeCountSheet;
    if (!write) return;
    const r = await this.host.run(this.D.countSheet, () => write.call(this.host.api, this.host.lang));
    if (r) this.afterMessage('success', this.D.countSheetDone(r.sheet, r.candidates, r.kept));
  }

  async recordAwards(): Promise<void> {
    const A = text(this.host.lang).paneAfter;
    const facts = this.validated();
    if (!facts) return;
    const save = this.dirty || !sameJson(facts, this.base ?? {}) ? { facts } : undefined;
    const r = await this.host.run(A.record, () => this.host.api.recordAwards(this.host.lang, save));
    if (!r) return;
    if (save) {
      this.base = facts;
      this.dirty = false;
    }
    if (r.ok) {
      const lines = r.refused.map((x) => A.alreadyRecorded(x.decision, x.rows.length > 1 ? `${Math.min(...x.rows)}–${Math.max(...x.rows)}` : String(x.rows[0])));
      return this.afterMessage('success', r.recorded.map((x) => A.recorded(x.count, x.decision, r.sheet)).join(' '), lines);
    }
    if (r.reason === 'alreadyRecorded') return this.afterMessage('warning', A.failed, (r.refused ?? []).map((x) => A.alreadyRecorded(x.decision, x.rows.length > 1 ? `${Math.min(...x.rows)}–${Math.max(...x.rows)}` : String(x.rows[0]))));
    if (r.reason === 'incomplete') return this.afterMessage('error', A.incomplete, r.problems.map((p) => missingLabel(this.D, p)));
    if (r.reason === 'nothing') return this.afterMessage('warning', A.nobody);
    return this.afterMessage('error', A.failed, r.reason === 'noTables' ? [this.D.noTables] : r.problems);
  }

  private field(id: string, multiline: boolean, value: string, numeric: boolean): HTMLElement {
    const D = this.D;
    const inputId = `fact-${id.replace(/\./g, '-')}`;
    const attrs = { id: inputId, name: id, 'data-fact': id, placeholder: D.hints[id], autocomplete: 'off', 'aria-describedby': `${inputId}-problem` };
    const control = multiline
      ? h('textarea', { attrs: { ...attrs, rows: 3 } })
      : h('input', { attrs: { ...attrs, type: 'text', inputmode: numeric ? 'numeric' : undefined } });
    control.value = value;
    return h(
      'div',
      { class: `dossier-field${multiline ? ' wide' : ''}`, attrs: { 'data-field': id } },
      h('label', { attrs: { for: inputId } }, D.labels[id] ?? id),
      control,
      h('p', { class: 'field-problem', attrs: { id: `${inputId}-problem`, 'data-problem-for': id, role: 'alert' } }),
    );
  }

  /** Typing marks the form changed and clears that field's problem (the rest stay until checked again). */
  private edited(target: EventTarget | null): void {
    this.dirty = true;
    const el = target as HTMLElement | null;
    if (!el || el.getAttribute('aria-invalid') !== 'true') return;
    el.removeAttribute('aria-invalid');
    const slot = el.parentElement?.querySelector('.field-problem');
    if (slot) replaceChildren(slot);
    if (!this.form.querySelector('[aria-invalid="true"]')) replaceChildren(this.formStatus);
  }

  private votesFieldset(state: FormState, hasVoteColumns: boolean): HTMLElement {
    const D = this.D;
    const box = h('fieldset', { class: 'dossier-group', attrs: { 'data-group': 'votes' } }, h('legend', {}, D.groups.votes));
    if (this.host.api.writeCountSheet && !hasVoteColumns) {
      box.appendChild(h('p', { class: 'hint' }, D.countSheetHint));
      box.appendChild(custom('fluent-button', { attrs: { appearance: 'outline', 'data-action': 'count-sheet' }, on: { click: () => void this.makeCountSheet() } }, D.countSheet));
    }
    // The ballots before the vote, and the Biên bản kiểm phiếu once it is counted (workbook or form).
    const A = text(this.host.lang).paneAfter;
    box.appendChild(h('p', { class: 'hint' }, A.ballotsHint));
    box.appendChild(custom('fluent-button', { attrs: { appearance: 'outline', 'data-action': 'ballots-generate' }, on: { click: () => void this.makeBallots() } }, A.ballots));
    if (hasVoteColumns) {
      box.appendChild(h('p', { class: 'hint' }, D.votesFromWorkbook));
      return box;
    }
    if (!state.votes.length) {
      box.appendChild(h('p', { class: 'hint' }, D.noEligible));
      return box;
    }
    box.appendChild(h('p', { class: 'hint' }, D.votesHint(state.fields['meeting.membersPresent'] ?? '')));
    const rows = state.votes.map((v, i) => {
      const c = this.voteCandidates[i];
      const inputId = `vote-${i}`;
      const input = h('input', { attrs: { id: inputId, type: 'text', inputmode: 'numeric', 'data-vote': v.candidate, 'aria-label': `${D.voteAgree}: ${v.candidate}`, autocomplete: 'off' } });
      input.value = v.agree;
      return h(
        'tr',
        { attrs: { 'data-candidate': v.candidate } },
        h('td', { class: 'vote-name' }, h('label', { attrs: { for: inputId } }, v.candidate), h('span', { class: 'vote-kind' }, text(this.host.lang).pane.kinds[c.kind])),
        h('td', { class: 'vote-input' }, input, h('p', { class: 'field-problem', attrs: { 'data-problem-for': voteFieldId(v.candidate), role: 'alert' } })),
      );
    });
    box.appendChild(h('table', { class: 'votes-table' }, h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, D.voteAgree))), h('tbody', {}, ...rows)));
    return box;
  }

  private renderTemplates(): void {
    const D = this.D;
    const rows = TEMPLATE_IDS.map((id) => {
      const own = this.customTemplates.get(id);
      // The native file input shows the browser's own words ("Choose File"); a label in the
      // user's language opens it instead, the input itself stays focusable for the keyboard.
      const input = h('input', { class: 'visually-hidden', attrs: { id: `template-${id}`, type: 'file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'data-template': id, 'aria-label': `${D.templateChoose}: ${D.templateNames[id]}` } });
      input.addEventListener('change', () => void this.pickTemplate(id, input));
      const pick = h('label', { class: 'file-button', attrs: { for: `template-${id}` } }, D.templateChoose);
      const restore = own
        ? custom('fluent-button', { attrs: { appearance: 'stealth', 'data-restore-template': id }, on: { click: () => this.restoreTemplate(id) } }, D.templateRestore)
        : null;
      return h(
        'div',
        { class: 'template-row', attrs: { 'data-template-row': id } },
        h('div', { class: 'template-name' }, h('strong', {}, D.templateNames[id]), h('span', { class: 'template-state', attrs: { 'data-template-state': id } }, own ? D.templateCustom(own.file) : D.templateDefault)),
        input,
        pick,
        restore,
        h('div', { class: 'template-problems', attrs: { 'data-template-problems': id, role: 'alert' } }),
      );
    });
    replaceChildren(this.templatesBox, h('legend', { class: 'visually-hidden' }, D.groups.templates), h('p', { class: 'hint' }, D.templatesHint), ...rows);
  }

  private async pickTemplate(id: TemplateId, input: HTMLInputElement): Promise<void> {
    const D = this.D;
    const file = input.files?.[0];
    if (!file) return;
    const box = this.templatesBox.querySelector<HTMLElement>(`[data-template-problems="${id}"]`)!;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let engine: Engine;
    try {
      engine = await loadEngine();
    } catch (e) {
      replaceChildren(box, h('div', { class: 'message-bar error' }, h('p', {}, D.loadFailed(e instanceof Error ? e.message : String(e)))));
      return;
    }
    const problems = engine.checkTemplate(bytes, id, file.name, this.host.lang);
    input.value = '';
    if (problems.length) {
      // Refused: the previous template (default or own) stays in use.
      replaceChildren(
        box,
        h('div', { class: 'message-bar error', attrs: { 'data-testid': 'template-refused' } }, h('strong', {}, D.templateRefused(file.name)), h('ul', {}, ...problems.map((p) => h('li', {}, p.message)))),
      );
      return;
    }
    this.customTemplates.set(id, { bytes, file: file.name });
    this.renderTemplates();
    replaceChildren(
      this.templatesBox.querySelector<HTMLElement>(`[data-template-problems="${id}"]`)!,
      h('div', { class: 'message-bar success', attrs: { 'data-testid': 'template-accepted' } }, h('p', {}, D.templateAccepted(file.name))),
    );
  }

  private restoreTemplate(id: TemplateId): void {
    this.customTemplates.delete(id);
    this.renderTemplates();
  }

  private readForm(): FormState {
    const fields: Record<string, string> = {};
    for (const el of Array.from(this.form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-fact]'))) fields[el.dataset.fact!] = el.value;
    const votes = Array.from(this.form.querySelectorAll<HTMLInputElement>('[data-vote]')).map((el) => ({ candidate: el.dataset.vote!, agree: el.value }));
    return { fields, votes };
  }

  /** The form's facts, or undefined after showing every problem next to its field. */
  private validated(): Facts | undefined {
    const out = formToFacts(this.readForm(), this.base, this.host.lang);
    this.clearProblems();
    if (out.ok) return out.facts;
    this.showProblems(out.problems, this.D.formProblems(out.problems.length));
    return undefined;
  }

  private clearProblems(): void {
    for (const p of Array.from(this.root.querySelectorAll('.field-problem'))) replaceChildren(p);
    for (const el of Array.from(this.root.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
    replaceChildren(this.formStatus);
  }

  private showProblems(problems: FieldProblem[], title: string): void {
    const general: string[] = [];
    let first: HTMLElement | null = null;
    for (const p of problems) {
      const slot = p.field ? this.root.querySelector<HTMLElement>(`[data-problem-for="${cssEscape(p.field)}"]`) : null;
      if (!slot) {
        general.push(p.message);
        continue;
      }
      slot.appendChild(document.createTextNode(slot.textContent ? ` ${p.message}` : p.message));
      const control = slot.parentElement?.querySelector('input, textarea');
      control?.setAttribute('aria-invalid', 'true');
      first ??= control as HTMLElement | null;
    }
    replaceChildren(
      this.formStatus,
      h('div', { class: 'message-bar error', attrs: { 'data-testid': 'dossier-problems' } }, h('strong', {}, title), general.length ? h('ul', {}, ...general.map((m) => h('li', {}, m))) : null),
    );
    first?.focus?.();
  }

  private async save(): Promise<void> {
    const facts = this.validated();
    if (!facts) return;
    const ok = await this.host.run(this.D.save, async () => {
      await this.host.api.saveState({ facts });
      return true;
    });
    if (!ok) return;
    this.base = facts;
    this.dirty = false;
    this.host.showInfo(this.D.saved);
  }

  private async templateSet(): Promise<Record<TemplateId, PaneTemplate>> {
    const set = {} as Record<TemplateId, PaneTemplate>;
    for (const id of TEMPLATE_IDS) {
      const own = this.customTemplates.get(id);
      if (own) {
        set[id] = own;
        continue;
      }
      if (!this.defaults.has(id)) this.defaults.set(id, await fetchDefaultTemplate(id));
      set[id] = this.defaults.get(id)!;
    }
    return set;
  }

  /** A chunk or template that does not arrive (host unreachable) is said in words, not as webpack's error. */
  private async loadFiles<T>(load: () => Promise<T>): Promise<T> {
    try {
      return await load();
    } catch (e) {
      throw Object.assign(new Error(this.D.loadFailed(e instanceof Error ? e.message : String(e))), { userFacing: true });
    }
  }

  /** The pane's one progress bar shows the step; the line under the buttons repeats it as text. */
  private setProgress(text: string, done?: number, total?: number): void {
    this.host.progress(text, done, total);
    replaceChildren(this.progress, text);
  }

  /** Generating with blanks asks first, listing them; "anyway" goes on. */
  async generate(anyway = false): Promise<void> {
    const D = this.D;
    const facts = this.validated();
    if (!facts) return;
    // What the documents would print as blanks: the preset words the issuer and the council too.
    const blanks = missingFacts(mergeFacts((this.analysis?.preset.facts ?? {}) as Facts, facts));
    if (blanks.length && !anyway) {
      this.confirmBlanks(blanks);
      return;
    }
    replaceChildren(this.formStatus);
    // Saved only when changed: the read that follows then sees exactly what was typed.
    const save = this.dirty || !sameJson(facts, this.base ?? {}) ? { facts } : undefined;
    const started = performance.now();
    const result = await this.host.run(D.progress.run, async (): Promise<EngineResult> => {
      this.setProgress(D.progress.read);
      const [{ grid }, engine] = await Promise.all([this.host.api.readForDossier(this.host.lang, save), this.loadFiles(loadEngine)]);
      if (save) {
        this.base = facts;
        this.dirty = false;
      }
      this.setProgress(D.progress.load);
      const templates = await this.loadFiles(() => this.templateSet());
      return engine.generateInPane(grid, templates, this.host.lang, (done, total) => this.setProgress(D.progress.render(done, total), done, total));
    });
    replaceChildren(this.progress);
    if (!result) return;
    this.showResult(result, performance.now() - started);
    if (result.ok) this.host.generated();
  }

  private confirmBlanks(blanks: string[]): void {
    const D = this.D;
    const go = custom('fluent-button', { attrs: { appearance: 'accent', 'data-action': 'dossier-generate-anyway' }, on: { click: () => void this.generate(true) } }, D.confirm.go);
    const back = custom(
      'fluent-button',
      {
        attrs: { appearance: 'outline', 'data-action': 'dossier-fill' },
        on: {
          click: () => {
            replaceChildren(this.formStatus);
            const first = this.form.querySelector<HTMLElement>(`[data-fact="${cssEscape(blanks[0])}"]`);
            const fold = first?.closest('details');
            if (fold) fold.open = true;
            first?.focus();
          },
        },
      },
      D.confirm.back,
    );
    replaceChildren(
      this.formStatus,
      h(
        'div',
        { class: 'message-bar warning', attrs: { role: 'alertdialog', 'aria-labelledby': 'blanks-title', 'data-testid': 'dossier-blanks' } },
        h('strong', { attrs: { id: 'blanks-title' } }, D.confirm.title(blanks.length)),
        h('p', {}, D.confirm.body),
        h('ul', {}, ...blanks.map((m) => h('li', { attrs: { 'data-missing': m } }, missingLabel(D, m)))),
        h('div', { class: 'confirm-actions' }, go, back),
      ),
    );
    go.focus?.();
    this.formStatus.scrollIntoView?.({ block: 'nearest' });
  }

  private showResult(result: EngineResult, ms: number): void {
    const D = this.D;
    this.urls.revokeAll();
    if (!result.ok) {
      const lines =
        result.reason === 'templates'
          ? [D.templatesInvalid, ...result.problems.map((p) => p.message)]
          : result.reason === 'factsInvalid'
            ? [D.factsInvalid, ...result.problems.map((p) => `${p.path}: ${p.message}`)]
            : [D.noTables];
      replaceChildren(
        this.output,
        h('div', { class: 'message-bar error', attrs: { 'data-testid': 'dossier-failed' } }, h('strong', {}, lines[0]), h('ul', {}, ...lines.slice(1).map((l) => h('li', {}, l))), h('p', {}, D.nothingGenerated)),
      );
      return;
    }
    const zipUrl = this.urls.make(result.zip, ZIP_TYPE);
    const zipName = result.zipName;
    const awards = result.analysis.profile.awards;
    replaceChildren(
      this.output,
      h(
        'div',
        { class: 'message-bar success', attrs: { 'data-testid': 'dossier-done', 'data-ms': Math.round(ms), 'data-files': result.files.length } },
        h('p', {}, h('strong', {}, D.done(result.files.length))),
        ...result.model.proposed.map((p) => h('p', {}, D.proposed(awards.find((a) => a.id === p.awardId)?.label ?? p.awardId, p.collective, p.individual))),
        result.formVersion ? h('p', { class: 'form-version' }, D.formVersion(result.formVersion)) : null,
      ),
      h('p', { class: 'two-copies', attrs: { 'data-testid': 'two-copies' } }, D.twoCopies),
      h('a', { class: 'download primary', attrs: { href: zipUrl, download: zipName, 'data-testid': 'download-zip' } }, D.zip),
      h(
        'details',
        { class: 'download-files' },
        h('summary', {}, D.files),
        h(
          'ul',
          {},
          ...result.files.map((f) =>
            h('li', {}, h('a', { class: 'download', attrs: { href: this.urls.make(f.bytes, DOCX_TYPE), download: baseName(f.path), 'data-path': f.path } }, f.title), h('span', { class: 'file-path' }, f.path)),
          ),
        ),
      ),
      needsSavePage() ? this.macAlternative(result.zip, zipName) : null,
      result.model.warnings.length
        ? h('div', { class: 'message-bar warning', attrs: { 'data-testid': 'dossier-warnings' } }, h('strong', {}, D.warnings), h('ul', {}, ...result.model.warnings.map((w) => h('li', {}, w))))
        : null,
      result.missing.length
        ? h('div', { class: 'message-bar warning', attrs: { 'data-testid': 'dossier-missing' } }, h('strong', {}, D.missing), h('ul', {}, ...result.missing.map((m) => h('li', { attrs: { 'data-missing': m } }, missingLabel(D, m)))))
        : h('p', { class: 'hint', attrs: { 'data-testid': 'dossier-missing' } }, D.allFactsGiven),
    );
    this.output.scrollIntoView?.({ block: 'start' });
  }

  /**
   * Excel for Mac and iPad drop a task pane's downloads silently (office-js #471, #2700, #3385). What
   * works without a Terminal: the file is copied as text and the system browser opens our save page
   * (Office.context.ui.openBrowserWindow), where a paste saves it — the browser can download. The
   * Terminal way stays, folded under "Dùng dòng lệnh".
   */
  private macAlternative(zip: Uint8Array, zipName: string): HTMLElement {
    const D = this.D;
    const base64 = toBase64(zip);
    const packet = h('textarea', { class: 'mac-base64', attrs: { readonly: true, rows: 2, 'data-testid': 'mac-packet', 'aria-label': D.mac.fileLabel, spellcheck: 'false' } });
    packet.value = encodePacket({ name: zipName, type: ZIP_TYPE, base64 });
    const note = h('p', { class: 'hint', attrs: { 'aria-live': 'polite', 'data-testid': 'mac-note' } });
    const copyText = (text: HTMLTextAreaElement, done: string, failed: string) => {
      text.focus();
      text.select();
      const fallback = () => replaceChildren(note, document.execCommand?.('copy') ? done : failed);
      if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text.value).then(() => replaceChildren(note, done), fallback);
      fallback();
      return Promise.resolve();
    };
    const open = custom(
      'fluent-button',
      {
        attrs: { appearance: 'accent', 'data-action': 'mac-save' },
        on: {
          click: () => {
            void copyText(packet, D.mac.opened, D.mac.copyFailed).then(() => {
              const opened = openSavePage(this.host.lang);
              if (!opened) replaceChildren(note, D.mac.copyFailed);
            });
          },
        },
      },
      D.mac.open,
    );
    const terminalText = h('textarea', { class: 'mac-base64', attrs: { readonly: true, rows: 2, 'data-testid': 'mac-base64', 'aria-label': D.mac.textLabel, spellcheck: 'false' } });
    terminalText.value = base64;
    const copyBase64 = custom('fluent-button', { attrs: { appearance: 'outline', 'data-action': 'mac-copy' }, on: { click: () => void copyText(terminalText, D.mac.copied, D.mac.copyFailed) } }, D.mac.copy);
    return h(
      'div',
      { class: 'message-bar warning mac', attrs: { 'data-testid': 'mac-alternative' } },
      h('strong', {}, D.mac.title),
      h('p', {}, D.mac.body),
      h('ol', {}, ...D.mac.steps.map((step) => h('li', {}, step))),
      open,
      note,
      packet,
      h('p', { class: 'hint' }, h('a', { attrs: { href: savePageHref(this.host.lang), target: '_blank', rel: 'noopener', 'data-testid': 'mac-link' } }, D.mac.openLink)),
      h(
        'details',
        { class: 'cli' },
        h('summary', {}, D.cliTitle),
        h('p', {}, D.mac.terminal),
        copyBase64,
        terminalText,
        h('code', { class: 'command', attrs: { 'data-testid': 'mac-command' } }, `pbpaste | base64 -D > ~/Downloads/${zipName}`),
        h('p', { class: 'hint' }, D.mac.cli),
      ),
    );
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Attribute selector value: field ids are paths and candidate names (quotes escaped). */
function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
}
