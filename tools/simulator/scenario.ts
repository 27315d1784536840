/**
 * A simulator scenario (the spec's simulator.md): a workbook, the Excel it is opened in, and the
 * steps — the add-in's buttons and what people and Excel do between them. Validated with zod, so a
 * wrong scenario is a message naming the step and field, never a stack trace.
 */
import { z } from 'zod';

const sheet = z.string().min(1);
const column = z.string().regex(/^[A-Za-z]{1,3}$/, 'a column letter such as "C"');
const count = z.number().int().min(1).default(1);
const sets = z.record(z.string(), z.string().regex(/^\d+\.\d+$/, 'a version such as "1.14"'));

/** What a test expects of a step (ignored by the simulator itself). */
const stepExpect = z
  .object({
    ok: z.boolean().optional(),
    /** Every one of these texts is in the message. */
    messageIncludes: z.union([z.string(), z.array(z.string())]).optional(),
    /** None of these texts is in the message. */
    messageExcludes: z.union([z.string(), z.array(z.string())]).optional(),
    /** At most this many syncs. */
    maxSyncs: z.number().int().optional(),
  })
  .strict()
  .optional();

/** `about`: a line saying what the step stands for (ignored). */
const base = { expect: stepExpect, about: z.string().optional() };

export const stepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('check'), ...base }).strict(),
  z.object({ action: z.literal('annotate'), ...base }).strict(),
  z.object({ action: z.literal('clear'), ...base }).strict(),
  z.object({ action: z.literal('quickCheck'), ...base }).strict(),
  z.object({ action: z.literal('saveProfile'), profile: z.record(z.string(), z.unknown()).nullable(), ...base }).strict(),
  z.object({ action: z.literal('insertRows'), sheet, at: z.number().int().min(1), count, ...base }).strict(),
  z.object({ action: z.literal('deleteRows'), sheet, at: z.number().int().min(1), count, ...base }).strict(),
  z.object({ action: z.literal('insertColumns'), sheet, at: column, count, ...base }).strict(),
  z.object({ action: z.literal('deleteColumns'), sheet, at: column, count, ...base }).strict(),
  z.object({ action: z.literal('sort'), sheet, range: z.string().regex(/^[A-Za-z]{1,3}\d+:[A-Za-z]{1,3}\d+$/, 'a range such as "A7:K23"'), by: column, descending: z.boolean().default(false), ...base }).strict(),
  z
    .object({
      action: z.literal('setCell'),
      sheet,
      cell: z.string().regex(/^[A-Za-z]{1,3}\d+$/, 'a cell such as "B7"'),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
      fill: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour "#RRGGBB"').nullable().optional(),
      note: z.string().nullable().optional(),
      ...base,
    })
    .strict(),
  z.object({ action: z.literal('renameSheet'), from: sheet, to: sheet, ...base }).strict(),
  z.object({ action: z.literal('deleteSheet'), name: sheet, ...base }).strict(),
  z.object({ action: z.literal('setVisibility'), name: sheet, visibility: z.enum(['Visible', 'Hidden', 'VeryHidden']), ...base }).strict(),
  z.object({ action: z.literal('protectSheet'), sheet, ...base }).strict(),
  z.object({ action: z.literal('unprotectSheet'), sheet, ...base }).strict(),
  z.object({ action: z.literal('protectWorkbook'), ...base }).strict(),
  z.object({ action: z.literal('unprotectWorkbook'), ...base }).strict(),
  z.object({ action: z.literal('excelVersion'), requirementSets: sets, ...base }).strict(),
  z.object({ action: z.literal('cellEditMode'), on: z.boolean(), ...base }).strict(),
  z.object({ action: z.literal('snapshot'), name: z.string().min(1), ...base }).strict(),
]);

export type Step = z.infer<typeof stepSchema>;
export type StepExpect = NonNullable<z.infer<typeof stepExpect>>;

/** The add-in's own actions (the buttons); everything else is a person or Excel. */
export const ADDIN_ACTIONS = new Set<Step['action']>(['check', 'annotate', 'clear', 'quickCheck', 'saveProfile']);

export const scenarioSchema = z
  .object({
    /** An .xlsx (or a host model .json), relative to the scenario file. */
    workbook: z.string().min(1),
    host: z
      .object({
        platform: z.enum(['OfficeOnline', 'PC', 'Mac', 'iOS', 'Android', 'Universal']).default('OfficeOnline'),
        displayLanguage: z.string().default('vi-VN'),
        requirementSets: sets.optional(),
      })
      .strict()
      .default({ platform: 'OfficeOnline', displayLanguage: 'vi-VN' }),
    profile: z.record(z.string(), z.unknown()).optional(),
    steps: z.array(stepSchema).min(1),
    description: z.string().optional(),
    /**
     * What a test expects of the whole run (ignored by the simulator): snapshots that must be equal.
     * "unmarked:<name>" is snapshot <name> of the same scenario played without the add-in's
     * marking (annotate, clear, quickCheck left out): the workbook as if never marked.
     */
    expect: z
      .object({
        same: z.array(z.tuple([z.string(), z.string()])).optional(),
        different: z.array(z.tuple([z.string(), z.string()])).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;

/** Problems of a scenario, each "path: what" (e.g. "steps.3.at: expected number"). */
export function parseScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  const r = scenarioSchema.safeParse(input);
  if (r.success) return { ok: true, scenario: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || '(scenario)'}: ${i.message}`) };
}
