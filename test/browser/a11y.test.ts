/**
 * Accessibility of every state of the pane (test/browser/support/screens.ts: start, each tab, check
 * with problems, review, failing filter with the reasons open, annotate, clear, dossier form, the
 * blanks question, dossier done, the Mac save offer, settings, an error, the quick-check dialog),
 * in Vietnamese and English at 320 px (the narrowest pane), in Chromium and in WebKit: axe-core
 * finds no serious or critical violation, and nothing is wider than the pane. The same states are
 * what `npm run screenshots` photographs (also at 450 px).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Grid } from '../../src/core/grid';
import { ENGINES, openBrowser, PANE } from './support/browser';
import { ARTIFACTS, ensureHostBundle, ensureProductionBuild, ROOT } from './support/build';
import { loadSampleGrid } from './support/sample';
import { captureStates, seriousViolations } from './support/screens';

jest.setTimeout(600_000);

describe.each(ENGINES)('accessibility of every state (axe-core) in %s', (engine) => {
  let grid: Grid;
  beforeAll(async () => {
    ensureProductionBuild();
    ensureHostBundle();
    grid = await loadSampleGrid();
  });

  it('axe can fail: a page with an unlabelled button and low contrast is caught', async () => {
    const s = await openBrowser(engine, PANE);
    try {
      await s.page.setContent('<main><button></button><p style="color:#bbb;background:#fff">faint</p></main>');
      await s.page.addScript(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
      const ids = await s.page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id));
      expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
    } finally {
      await s.close();
    }
  });

  it('has no serious or critical violation in any state, Vietnamese and English at 320 px', async () => {
    const out = path.join(ARTIFACTS, 'screens', engine);
    const results = await captureStates({ engine, grid, langs: ['vi', 'en'], widths: [320], out });
    fs.writeFileSync(path.join(out, 'a11y.json'), `${JSON.stringify(results, null, 2)}\n`);
    expect(new Set(results.map((r) => r.engine))).toEqual(new Set([engine]));
    expect(results.length).toBe(26);
    expect(new Set(results.map((r) => r.state)).size).toBe(13);
    expect(seriousViolations(results)).toEqual([]);
    // Nothing wider than the pane: no sideways scrolling in any state.
    expect(results.filter((r) => r.overflowX > 0).map((r) => `${r.lang}-${r.width} ${r.state}: ${r.overflowX}px`)).toEqual([]);
  });
});
