/**
 * Every state of the task pane, driven in a browser (Chromium or WebKit, support/browser.ts) over the strict Excel test host with
 * the sample workbook: start, each tab, check (the sample has data problems), review, the failing
 * filter, annotate, clear, the dossier form, the question about blanks, the dossier done, the
 * same on a Mac (save page), settings, an error. For each state: a full-page PNG and the axe-core
 * results. Used by `npm run screenshots -- --out <dir>` and by test/browser/a11y.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Grid } from '../../../src/core/grid';
import { analyze } from '../../../src/core/analyze';
import { quickReport } from '../../../src/commands/quickCheck';
import { openBrowser, type Engine, type Page, type Session } from './browser';
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
  engine: Engine;
  state: string;
  lang: Lang;
  width: number;
  png: string | null;
  violations: AxeViolation[];
  /** Pixels the page is wider than the pane (0 = nothing cut off sideways). */
  overflowX: number;
}

export interface CaptureOptions {
  engine: Engine;
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
  if (!has) await page.addScript(AXE);
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })) }));
  });
}

/** Waits until no action runs (the pane's one progress bar is gone). */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && !document.querySelector('[data-testid=status] .progress'), 60000);
}

interface Step {
  name: string;
  run(page: Page, session: Session): Promise<void>;
}

const STEPS: Step[] = [
  { name: '01-start', run: async (page) => page.waitFor('[data-action=check]') },
  {
    name: '02-check-problems',
    run: async (page) => {
      await page.click('[data-action=check]');
      await page.waitFor('[data-testid=problems]');
      await idle(page);
    },
  },
  {
    name: '03-review',
    run: async (page) => {
      await page.click('[data-action=review]');
      await page.waitFor('[data-testid=overview]');
      await idle(page);
    },
  },
  {
    name: '04-review-failing-reasons',
    run: async (page) => {
      await page.click('fluent-radio[data-filter=failing]');
      await new Promise((r) => setTimeout(r, 200));
      await page.click('[data-action=toggle-reasons]');
    },
  },
  {
    name: '05-annotate',
    run: async (page) => {
      await page.click('fluent-radio[data-filter=all]');
      await page.click('[data-action=annotate]');
      await page.waitFor('[data-testid=annotate-status]');
      await idle(page);
    },
  },
  {
    name: '06-clear',
    run: async (page) => {
      await page.click('[data-action=clear]');
      await page.waitFor('[data-testid=annotate-status][data-note-mode]', { state: 'detached' });
      await idle(page);
    },
  },
  {
    name: '07-dossier-form',
    run: async (page) => {
      await page.click('[data-action=dossier]');
      await page.waitFor('[data-testid=dossier-form]');
      await idle(page);
    },
  },
  {
    name: '08-dossier-blanks',
    run: async (page) => {
      await page.click('[data-action=dossier-generate]');
      await page.waitFor('[data-testid=dossier-blanks]');
    },
  },
  {
    name: '09-dossier-done',
    run: async (page) => {
      await page.click('[data-action=dossier-generate-anyway]');
      await page.waitFor('[data-testid=dossier-done]', { timeout: 60000 });
      await idle(page);
    },
  },
  {
    name: '10-settings',
    run: async (page) => {
      await page.click('[data-tab=settings]');
      await page.waitFor('[data-testid=settings]');
      await idle(page);
    },
  },
  {
    name: '11-error',
    run: async (page) => {
      await page.click('[data-tab=main]');
      await probe(page).setCellEditMode(true);
      await page.click('[data-action=check]');
      await page.waitFor('[data-testid=error]');
      await probe(page).setCellEditMode(false);
    },
  },
];

/** The Mac / iPad way to get the files: generate, then the save-page offer (a separate page load). */
const MAC_STEP: Step = {
  name: '12-dossier-mac',
  run: async (page) => {
    await page.click('[data-action=dossier]');
    await page.waitFor('[data-testid=dossier-form]');
    await page.click('[data-action=dossier-generate]');
    await page.click('[data-action=dossier-generate-anyway]');
    await page.waitFor('[data-testid=mac-alternative]', { timeout: 60000 });
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
      await page.waitFor('[data-testid=overview]');
    },
  };
}

export async function captureStates(opts: CaptureOptions): Promise<StateResult[]> {
  const server = await serveDirectory(DIST);
  const bundle = fs.readFileSync(HOST_BUNDLE, 'utf8');
  const results: StateResult[] = [];
  // One browser for every language, width and platform (WebKit takes seconds to start).
  let session: Session | undefined;
  try {
    session = await openBrowser(opts.engine, { width: opts.widths[0], height: 800 });
    const { page } = session;
    for (const lang of opts.langs) {
      for (const width of opts.widths) {
        const runs: { platform?: string; steps: Step[] }[] = [{ steps: STEPS }, { platform: 'Mac', steps: [MAC_STEP, dialogStep(opts.grid, lang, server.origin)] }];
        for (const { platform, steps } of runs) {
          const errorsBefore = (await session.pageErrors()).length;
          await page.setViewport(width, 800);
          session.answerOffice({ script: hostScript(opts.grid, bundle, { displayLanguage: lang === 'vi' ? 'vi-VN' : 'en-GB', platform }) });
          await page.goto(`${server.origin}/taskpane.html`);
          for (const step of steps) {
            await step.run(page, session);
            let png: string | null = null;
            if (opts.out) {
              const dir = path.join(opts.out, `${lang}-${width}`);
              fs.mkdirSync(dir, { recursive: true });
              png = path.join(dir, `${step.name}.png`);
              await page.screenshot(png, { fullPage: true });
            }
            const overflowX = await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
            const r: StateResult = { engine: opts.engine, state: step.name, lang, width, png, violations: await axe(page), overflowX };
            results.push(r);
            opts.onState?.(r);
          }
          const errors = (await session.pageErrors()).slice(errorsBefore);
          if (errors.length) throw new Error(`page errors (${opts.engine}, ${lang}, ${width}px): ${errors.join('; ')}`);
        }
      }
    }
  } finally {
    await session?.close();
    await server.close();
  }
  return results;
}

/** Serious or critical violations, one line each (what the a11y test requires to be empty). */
export function seriousViolations(results: StateResult[]): string[] {
  return results.flatMap((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${r.engine} ${r.lang}-${r.width} ${r.state}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
}
