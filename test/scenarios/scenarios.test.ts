/**
 * Every scenario of this folder, played by the simulator (tools/simulator) on the strict host
 * through the real add-in code, with its expectations:
 * - per step, `"expect": { "ok", "messageIncludes", "messageExcludes", "maxSyncs", "sizeRefusals" }`;
 * - per scenario, `"expect": { "same": [[a, b]…], "different": [[a, b]…] }` on snapshots, where
 *   "unmarked:<name>" is snapshot <name> of the same steps played without the add-in's marking
 *   (annotate, clear, quickCheck left out) — the workbook as if never marked.
 */
import { promises as fs } from 'fs';
import * as fsSync from 'fs';
import * as path from 'path';
import { parseScenario, type Scenario } from '../../tools/simulator/scenario';
import { runScenario, type SimulationResult } from '../../tools/simulator/run';
import { scenarioWorkbook } from '../../tools/simulator/workbookFile';
import type { WorkbookModel } from '../../tools/excel-host/model';

const DIR = __dirname;
const FILES = fsSync
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

async function play(file: string): Promise<{ scenario: Scenario; result: SimulationResult; unmarked: () => Promise<SimulationResult> }> {
  const parsed = parseScenario(JSON.parse(await fs.readFile(path.join(DIR, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
  const loaded = await scenarioWorkbook(parsed.scenario.workbook, DIR);
  if (!loaded.ok) throw new Error(loaded.message);
  const result = await runScenario(parsed.scenario, loaded.model);
  let ref: SimulationResult | undefined;
  return { scenario: parsed.scenario, result, unmarked: async () => (ref ??= await runScenario(parsed.scenario, loaded.model, { unmarked: true })) };
}

describe('simulator scenarios (test/scenarios/*.json)', () => {
  it('finds the scenarios', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(FILES)('%s', async (file) => {
    const { scenario, result, unmarked } = await play(file);
    // Step by step: what the user was told.
    scenario.steps.forEach((step, i) => {
      const got = result.steps[i];
      const want = step.expect;
      const where = `${file} step ${i} (${step.action})${got.message ? `: ${got.message}` : ''}`;
      if (!want) {
        // A person's action the scenario did not expect Excel to refuse must have happened.
        // (A co-author's edit too: it must have landed.)
        if (got.ok === false && !['check', 'annotate', 'clear', 'quickCheck', 'saveProfile'].includes(step.action)) throw new Error(`refused: ${where}`);
        return;
      }
      if (want.ok !== undefined && got.ok !== want.ok) throw new Error(`expected ok=${want.ok}: ${where}`);
      for (const text of typeof want.messageIncludes === 'string' ? [want.messageIncludes] : (want.messageIncludes ?? [])) {
        if (!got.message?.includes(text)) throw new Error(`expected the message to include "${text}": ${where}`);
      }
      for (const text of typeof want.messageExcludes === 'string' ? [want.messageExcludes] : (want.messageExcludes ?? [])) {
        if (got.message?.includes(text)) throw new Error(`expected the message not to include "${text}": ${where}`);
      }
      if (want.maxSyncs !== undefined && (got.syncs ?? 0) > want.maxSyncs) throw new Error(`expected ≤ ${want.maxSyncs} syncs, got ${got.syncs}: ${where}`);
      if (want.sizeRefusals !== undefined && (got.sizeRefusals ?? 0) > 0 !== want.sizeRefusals) throw new Error(`expected ${want.sizeRefusals ? 'some' : 'no'} request refused for its size, got ${got.sizeRefusals}: ${where}`);
    });
    const snap = async (name: string): Promise<WorkbookModel> => {
      const [source, key] = name.startsWith('unmarked:') ? [(await unmarked()).snapshots, name.slice('unmarked:'.length)] : [result.snapshots, name];
      const s = source[key];
      if (!s) throw new Error(`${file}: no snapshot "${name}"`);
      return s;
    };
    for (const [a, b] of scenario.expect?.same ?? []) expect({ [a]: await snap(a) }).toEqual({ [a]: await snap(b) });
    for (const [a, b] of scenario.expect?.different ?? []) expect(await snap(a)).not.toEqual(await snap(b));
  });
});
