/**
 * Plays a scenario on the strict Excel host (tools/excel-host) through the REAL add-in code: the adapter
 * calls the pane's buttons make (src/excel/session.ts), the ribbon's Kiểm tra nhanh
 * (src/commands/quickCheck.ts), and the pane's own words (src/taskpane/i18n.ts) for what the user
 * is told. Between them, what people and Excel do, as the host's user actions.
 */
import { text } from '../../src/core';
import type { Lang } from '../../src/core/ids';
import { mergeProfile } from '../../src/core/profile';
import { runQuickCheck, type QuickReport } from '../../src/commands/quickCheck';
import { officeLang } from '../../src/excel/messages';
import * as session from '../../src/excel/session';
import { ExcelHost, type CoAuthorStatus } from '../excel-host/host';
import { excelLibrary } from '../excel-host/wire/node';
import { cellName, clone, parseRect, type WorkbookModel } from '../excel-host/model';
import { PLATFORMS } from '../excel-host/platforms';
import { ADDIN_ACTIONS, type Edit, type Scenario, type Step } from './scenario';

export interface StepResult {
  action: Step['action'];
  ok: boolean;
  /** What the pane (or dialog) shows the user; for a person's action Excel refused, Excel's words. */
  message?: string;
  syncs?: number;
  largestRequestBytes?: number;
  largestResponseBytes?: number;
  /** Requests and responses Excel refused for their size (then sent again smaller by the add-in). */
  sizeRefusals?: number;
  /** coAuthor: how many requests of the add-in's action ran before the other user's edit landed. */
  afterRequests?: number;
}

export interface SimulationResult {
  /** The Excel played: platform, what Office.context.platform says, requirement sets, payload cap (null: none). */
  platform: { name: string; office: string; requirementSets: Record<string, string>; payloadLimit: number | null };
  steps: StepResult[];
  snapshots: Record<string, WorkbookModel>;
}

export interface RunOptions {
  /** Leave out the add-in's marking (annotate, clear, quickCheck): the workbook as if never marked. */
  unmarked?: boolean;
  /** Excel as the host's proxies alone, without Microsoft's client library in between (tools/excel-host/wire). */
  proxiesOnly?: boolean;
}

interface Outcome {
  ok: boolean;
  message: string;
}

function errorText(e: unknown): string {
  return e instanceof Error && e.message ? e.message : String(e);
}

/** Notices an adapter call returned beside its result (`{ notices: string[] }`), if any. */
function noticesOf(out: unknown): string[] {
  const n = (out as { notices?: unknown } | null | undefined)?.notices;
  return Array.isArray(n) ? n.filter((x): x is string => typeof x === 'string') : [];
}

/** The add-in's buttons, as the pane (app.ts) and the ribbon (commands.ts) call them and word their outcome. */
async function addinAction(step: Step, lang: Lang): Promise<Outcome> {
  const S = text(lang).pane;
  try {
    switch (step.action) {
      case 'check': {
        const { analysis } = await session.checkWorkbook(lang);
        const { candidates } = analysis.result;
        return { ok: true, message: S.review.summary(candidates.length, candidates.filter((c) => c.eligible).length, candidates.filter((c) => c.award).length) };
      }
      case 'annotate': {
        const out = await session.annotateWorkbook(lang);
        // The first time in a workbook the pane also shows the undo notice (Excel cannot undo this).
        const lines = [out.undoNotice, S.annotate.done(out.analysis.plan.marks.length), S.annotate.noteMode[out.noteMode], ...noticesOf(out)].filter(Boolean);
        return { ok: true, message: lines.join(' ') };
      }
      case 'clear': {
        const out: unknown = await session.clearWorkbook();
        // What the clear found worth saying without failing (a fill the user changed since, kept…).
        return { ok: true, message: [S.annotate.cleared, ...noticesOf(out)].join(' ') };
      }
      case 'quickCheck': {
        // The dialog "opens" at once and is never closed: the command must complete all the same.
        let completed = 0;
        let shown: QuickReport | undefined;
        const report = await runQuickCheck({ completed: () => void completed++ }, { lang: () => lang, check: (l) => session.checkWorkbook(l), show: async (r) => void (shown = r) });
        const text = [report.title, ...report.lines].join('\n');
        if (completed !== 1 || !shown) return { ok: false, message: `${text}\n(event.completed() called ${completed}×)` };
        return { ok: report.tone !== 'error', message: text };
      }
      case 'saveProfile': {
        // Cấu hình saves a complete profile: the form starts from the plan's defaults.
        let profile = null;
        if (step.profile !== null) {
          const parsed = mergeProfile(step.profile, undefined, lang);
          if (!parsed.ok) return { ok: false, message: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n') };
          profile = parsed.profile;
        }
        const out = await session.saveProfile(profile, lang);
        const { candidates } = out.analysis.result;
        const summary = S.review.summary(candidates.length, candidates.filter((c) => c.eligible).length, candidates.filter((c) => c.award).length);
        const marks = out.reannotated ? S.settings.reannotated(out.analysis.plan.marks.length) : S.settings.notAnnotated;
        return { ok: true, message: `${profile ? S.settings.saved : S.settings.restored} ${summary}. ${marks}` };
      }
      default:
        throw new Error(`not an add-in action: ${step.action}`);
    }
  } catch (e) {
    // What the pane shows in its error bar: the adapter's errors are written for the user.
    return { ok: false, message: errorText(e) };
  }
}

/** A person or Excel acting on the workbook between two clicks (or, as a co-author, during one). */
function userAction(host: ExcelHost, step: Step | Edit): void {
  switch (step.action) {
    case 'insertRows':
      return host.insertRows(step.sheet, step.at, step.count);
    case 'deleteRows':
      return host.deleteRows(step.sheet, step.at, step.count);
    case 'insertColumns':
      return host.insertColumns(step.sheet, step.at, step.count);
    case 'deleteColumns':
      return host.deleteColumns(step.sheet, step.at, step.count);
    case 'sort':
      return host.sort(step.sheet, step.range, step.by, step.descending);
    case 'setCell': {
      const patch: Record<string, unknown> = {};
      if (step.value !== undefined) patch.value = step.value;
      if (step.fill !== undefined) patch.fill = step.fill === null ? null : step.fill.toUpperCase();
      if (step.note !== undefined) patch.note = step.note;
      return host.setCell(step.sheet, step.cell, patch);
    }
    case 'setRange': {
      // One value pasted over a selection.
      const rect = parseRect(step.range);
      if (!rect) throw new Error(`Bad range "${step.range}".`);
      const value = typeof step.value === 'string' ? step.value.repeat(step.repeat) : step.value;
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) host.setCell(step.sheet, cellName(r, c), { value });
      return;
    }
    case 'mergeCells':
      return host.mergeCells(step.sheet, step.range, step.across);
    case 'renameSheet':
      return host.renameSheet(step.from, step.to);
    case 'deleteSheet':
      return host.deleteSheet(step.name);
    case 'setVisibility':
      return host.setVisibility(step.name, step.visibility);
    case 'protectSheet':
      return host.protectSheet(step.sheet, true);
    case 'unprotectSheet':
      return host.protectSheet(step.sheet, false);
    case 'protectWorkbook':
      return host.protectWorkbook(true);
    case 'unprotectWorkbook':
      return host.protectWorkbook(false);
    case 'excelVersion':
      return host.setRequirementSets(step.requirementSets);
    case 'cellEditMode':
      return host.setCellEditMode(step.on);
    default:
      throw new Error(`not a user action: ${step.action}`);
  }
}

/** The edit a coAuthor step stands for: `edit`, or a cell typed over. */
function coAuthorEdit(step: Extract<Step, { action: 'coAuthor' }>): Edit {
  if (step.edit) return step.edit;
  return { action: 'setCell', sheet: step.sheet!, cell: step.cell!, value: step.value, fill: step.fill, note: step.note };
}

export async function runScenario(scenario: Scenario, model: WorkbookModel, options: RunOptions = {}): Promise<SimulationResult> {
  const host = new ExcelHost(clone(model), {
    platform: scenario.platform,
    displayLanguage: scenario.host.displayLanguage,
    requirementSets: scenario.host.requirementSets,
    commentsNotImplemented: scenario.host.commentsNotImplemented,
    payloadError: scenario.host.payloadError,
    requestLimit: scenario.host.requestLimit,
    // A scenario's requestLimit caps requests only; responses keep the platform's cap.
    responseLimit: scenario.host.requestLimit === undefined ? undefined : PLATFORMS[scenario.platform].payloadLimit,
    library: options.proxiesOnly ? undefined : excelLibrary(),
  });
  const profile = PLATFORMS[scenario.platform];
  const uninstall = host.install(globalThis as unknown as Record<string, unknown>);
  const result: SimulationResult = {
    platform: { name: profile.name, office: host.platform, requirementSets: { ...profile.requirementSets, ...(scenario.host.requirementSets ?? {}) }, payloadLimit: Number.isFinite(host.requestLimit) ? host.requestLimit : null },
    steps: [],
    snapshots: {},
  };
  // Co-authors' edits waiting for the add-in's next action, with the step result each reports to.
  let waiting: { status: CoAuthorStatus; result: StepResult }[] = [];
  const landWaiting = (): void => {
    host.landPending();
    for (const { status, result: r } of waiting) {
      r.ok = status.landed;
      r.afterRequests = status.afterRequests;
      r.message = status.landed ? `landed after ${status.afterRequests} request(s) of the add-in's action` : `refused: ${errorText(status.error)}`;
    }
    waiting = [];
  };
  try {
    const lang = officeLang();
    if (scenario.profile) {
      // "profile": saved in the workbook first, as Cấu hình would (not a step of the result).
      const saved = await addinAction({ action: 'saveProfile', profile: scenario.profile }, lang);
      if (!saved.ok) throw new ScenarioError(`profile: ${saved.message}`);
    }
    for (const step of scenario.steps) {
      if (step.action === 'snapshot') {
        result.snapshots[step.name] = host.dump();
        result.steps.push({ action: 'snapshot', ok: true });
        continue;
      }
      if (step.action === 'coAuthor') {
        const r: StepResult = { action: 'coAuthor', ok: true, message: 'waiting for the add-in\'s next action' };
        const edit = coAuthorEdit(step);
        waiting.push({ status: host.coAuthor(() => userAction(host, edit), step.when), result: r });
        result.steps.push(r);
        continue;
      }
      if (ADDIN_ACTIONS.has(step.action)) {
        if (options.unmarked && step.action !== 'check' && step.action !== 'saveProfile') {
          // The other user's edit still happens, where the action would have been.
          landWaiting();
          result.steps.push({ action: step.action, ok: true, message: '(left out: unmarked run)' });
          continue;
        }
        host.resetCounters();
        const out = await addinAction(step, lang);
        landWaiting();
        const limit = host.requestLimit;
        result.steps.push({
          action: step.action,
          ok: out.ok,
          message: out.message,
          syncs: host.syncCount,
          largestRequestBytes: Math.max(0, ...host.requestSizes),
          largestResponseBytes: Math.max(0, ...host.responseSizes),
          sizeRefusals: [...host.requestSizes, ...host.responseSizes].filter((b) => b > limit).length,
        });
        continue;
      }
      try {
        userAction(host, step);
        result.steps.push({ action: step.action, ok: true });
      } catch (e) {
        // Excel refused what the person tried (a protected sheet, the last visible sheet…).
        result.steps.push({ action: step.action, ok: false, message: errorText(e) });
      }
    }
    // An edit no add-in action came to: the other user made it all the same.
    landWaiting();
  } finally {
    uninstall();
  }
  return result;
}

/** A scenario that cannot be played (its profile is invalid…): exit 1 with this message. */
export class ScenarioError extends Error {}
