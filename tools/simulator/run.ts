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
import { ExcelHost } from '../excel-host/host';
import { clone, type WorkbookModel } from '../excel-host/model';
import { ADDIN_ACTIONS, type Scenario, type Step } from './scenario';

export interface StepResult {
  action: Step['action'];
  ok: boolean;
  /** What the pane (or dialog) shows the user; for a person's action Excel refused, Excel's words. */
  message?: string;
  syncs?: number;
  largestRequestBytes?: number;
  largestResponseBytes?: number;
}

export interface SimulationResult {
  steps: StepResult[];
  snapshots: Record<string, WorkbookModel>;
}

export interface RunOptions {
  /** Leave out the add-in's marking (annotate, clear, quickCheck): the workbook as if never marked. */
  unmarked?: boolean;
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

/** A person or Excel acting on the workbook between two clicks. */
function userAction(host: ExcelHost, step: Step): void {
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

export async function runScenario(scenario: Scenario, model: WorkbookModel, options: RunOptions = {}): Promise<SimulationResult> {
  const host = new ExcelHost(clone(model), {
    platform: scenario.host.platform,
    displayLanguage: scenario.host.displayLanguage,
    requirementSets: scenario.host.requirementSets,
  });
  const uninstall = host.install(globalThis as unknown as Record<string, unknown>);
  const result: SimulationResult = { steps: [], snapshots: {} };
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
      if (ADDIN_ACTIONS.has(step.action)) {
        if (options.unmarked && step.action !== 'check' && step.action !== 'saveProfile') {
          result.steps.push({ action: step.action, ok: true, message: '(left out: unmarked run)' });
          continue;
        }
        host.resetCounters();
        const out = await addinAction(step, lang);
        result.steps.push({
          action: step.action,
          ok: out.ok,
          message: out.message,
          syncs: host.syncCount,
          largestRequestBytes: Math.max(0, ...host.requestSizes),
          largestResponseBytes: Math.max(0, ...host.responseSizes),
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
  } finally {
    uninstall();
  }
  return result;
}

/** A scenario that cannot be played (its profile is invalid…): exit 1 with this message. */
export class ScenarioError extends Error {}
