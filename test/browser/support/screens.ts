/**
 * Every state of the task pane, driven in headless Chromium over the strict Excel test host with
 * the sample workbook: start, each tab, check (the sample has data problems), review, the failing
 * filter, annotate, clear, the dossier form, the question about blanks, the dossier done, the
 * same on a Mac (save page), settings, an error. For each state: a full-page PNG and the axe-core
 * results. Used by `npm run screenshots -- --out <dir>` and by test/browser/a11y.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { Grid } from '../../../src/core/grid';
import { analyze } from '../../../src/core/analyze';
import { quickReport } from '../../../src/commands/quickCheck';
import { answerOfficeJs, OFFICE_CDN, openBrowser, type Session } from './browser';
import { DIST, HOST_BUNDLE, ROOT } from './build';
import { hostScript, probe } from './host';
import { serveDirectory } from './server';

export type Lang = 'vi' | 'en';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

export interface StateResult {
  state: string;
  lang: Lang;
  width: number;
  png: string | null;
  violations: AxeViolation[];
  /** Pixels the page is wider than the pane (0 = nothing cut off sideways). */
  overflowX: number;
}

export interface CaptureOptions {
  grid: Grid;
  langs: Lang[];
  widths: number[];
  /** Where the PNGs go (none written when null). */
  out: string | null;
  /** Called after each state (progress on the console). */
  onState?: (r: StateResult) => void;
}

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function axe(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!has) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })) }));
  });
}

/** Waits until no action runs (the pane's one progress bar is gone). */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && !document.querySelector('[data-testid=status] .progress'), undefined, { timeout: 60000 });
}

interface Step {
  name: string;
  run(page: Page, session: Session): Promise<void>;
}

const STEPS: Step[] = [
  { name: '01-start', run: async (page) => void (await page.locator('[data-action=check]').waitFor()) },
  {
    name: '02-check-problems',
    run: async (page) => {
      await page.click('[data-action=check]');
      await page.locator('[data-testid=problems]').waitFor();
      await idle(page);
    },
  },
  {
    name: '03-review',
    run: async (page) => {
      await page.click('[data-action=review]');
      await page.locator('[data-testid=overview]').waitFor();
      await idle(page);
    },
  },
  {
    name: '04-review-failing-reasons',
    run: async (page) => {
      await page.click('fluent-radio[data-filter=failing]');
      await page.waitForTimeout(200);
      await page.click('[data-action=toggle-reasons]');
    },
  },
  {
    name: '05-annotate',
    run: async (page) => {
      await page.click('fluent-radio[data-filter=all]');
      await page.click('[data-action=annotate]');
      await page.locator('[data-testid=annotate-status]').waitFor();
      await idle(page);
    },
  },
  {
    name: '06-clear',
    run: async (page) => {
      await page.click('[data-action=clear]');
      await page.locator('[data-testid=annotate-status][data-note-mode]').waitFor({ state: 'detached' });
      await idle(page);
    },
  },
  {
    name: '07-dossier-form',
    run: async (page) => {
      await page.click('[data-action=dossier]');
      await page.locator('[data-testid=dossier-form]').waitFor();
      await idle(page);
    },
  },
  {
    name: '08-dossier-blanks',
    run: async (page) => {
      await page.click('[data-action=dossier-generate]');
      await page.locator('[data-testid=dossier-blanks]').waitFor();
    },
  },
  {
    name: '09-dossier-done',
    run: async (page) => {
      await page.click('[data-action=dossier-generate-anyway]');
      await page.locator('[data-testid=dossier-done]').waitFor({ timeout: 60000 });
      await idle(page);
    },
  },
  {
    name: '10-settings',
    run: async (page) => {
      await page.click('[data-tab=settings]');
      await page.locator('[data-testid=settings]').waitFor();
      await idle(page);
    },
  },
  {
    name: '11-error',
    run: async (page) => {
      await page.click('[data-tab=main]');
      await probe(page).setCellEditMode(true);
      await page.click('[data-action=check]');
      await page.locator('[data-testid=error]').waitFor();
      await probe(page).setCellEditMode(false);
    },
  },
];

/** The Mac / iPad way to get the files: generate, then the save-page offer (a separate page load). */
const MAC_STEP: Step = {
  name: '12-dossier-mac',
  run: async (page) => {
    await page.click('[data-action=dossier]');
    await page.locator('[data-testid=dossier-form]').waitFor();
    await page.click('[data-action=dossier-generate]');
    await page.click('[data-action=dossier-generate-anyway]');
    await page.locator('[data-testid=mac-alternative]').waitFor({ timeout: 60000 });
    await idle(page);
  },
};

/** The quick-check dialog (quickcheck.html) with the report of the sample: lines, overview, legend. */
function dialogStep(grid: Grid, lang: Lang, origin: string): Step {
  return {
    name: '13-quick-check-dialog',
    run: async (page) => {
      const report = quickReport(analyze(grid, { lang }), lang);
      await page.goto(`${origin}/quickcheck.html?r=${encodeURIComponent(JSON.stringify(report))}`);
      await page.locator('[data-testid=overview]').waitFor();
    },
  };
}

export async function captureStates(opts: CaptureOptions): Promise<StateResult[]> {
  const server = await serveDirectory(DIST);
  const bundle = fs.readFileSync(HOST_BUNDLE, 'utf8');
  const results: StateResult[] = [];
  try {
    for (const lang of opts.langs) {
      for (const width of opts.widths) {
        const runs: { platform?: string; steps: Step[] }[] = [{ steps: STEPS }, { platform: 'Mac', steps: [MAC_STEP, dialogStep(opts.grid, lang, server.origin)] }];
        for (const { platform, steps } of runs) {
          const session = await openBrowser();
          try {
            await session.page.setViewportSize({ width, height: 800 });
            await answerOfficeJs(session, hostScript(opts.grid, bundle, { displayLanguage: lang === 'vi' ? 'vi-VN' : 'en-GB', platform }));
            await session.page.goto(`${server.origin}/taskpane.html`);
            for (const step of steps) {
              await step.run(session.page, session);
              let png: string | null = null;
              if (opts.out) {
                const dir = path.join(opts.out, `${lang}-${width}`);
                fs.mkdirSync(dir, { recursive: true });
                png = path.join(dir, `${step.name}.png`);
                await session.page.screenshot({ path: png, fullPage: true });
              }
              const overflowX = await session.page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
              const r: StateResult = { state: step.name, lang, width, png, violations: await axe(session.page), overflowX };
              results.push(r);
              opts.onState?.(r);
            }
            if (session.pageErrors.length) throw new Error(`page errors (${lang}, ${width}px): ${session.pageErrors.join('; ')}`);
          } finally {
            await session.context.unroute(`${OFFICE_CDN}**`).catch(() => undefined);
            await session.close();
          }
        }
      }
    }
  } finally {
    await server.close();
  }
  return results;
}

/** Serious or critical violations, one line each (what the a11y test requires to be empty). */
export function seriousViolations(results: StateResult[]): string[] {
  return results.flatMap((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${r.lang}-${r.width} ${r.state}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
}
