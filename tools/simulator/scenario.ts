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
    /** Whether Excel refused a request or a response of the action for its size (the 5 MB cap of the web). */
    sizeRefusals: z.boolean().optional(),
  })
  .strict()
  .optional();

/** `about`: a line saying what the step stands for (ignored). */
const base = { expect: stepExpect, about: z.string().optional() };

const cell = z.string().regex(/^[A-Za-z]{1,3}\d+$/, 'a cell such as "B7"');
const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const fill = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour "#RRGGBB"').nullable();

/** What a person can do in the workbook, here or (most of it) as a co-author elsewhere. */
const editSteps = [
  z.object({ action: z.literal('insertRows'), sheet, at: z.number().int().min(1), count, ...base }).strict(),
  z.object({ action: z.literal('deleteRows'), sheet, at: z.number().int().min(1), count, ...base }).strict(),
  z.object({ action: z.literal('insertColumns'), sheet, at: column, count, ...base }).strict(),
  z.object({ action: z.literal('deleteColumns'), sheet, at: column, count, ...base }).strict(),
  z.object({ action: z.literal('sort'), sheet, range: z.string().regex(/^[A-Za-z]{1,3}\d+:[A-Za-z]{1,3}\d+$/, 'a range such as "A7:K23"'), by: column, descending: z.boolean().default(false), ...base }).strict(),
  z.object({ action: z.literal('setCell'), sheet, cell, value: cellValue.optional(), fill: fill.optional(), note: z.string().nullable().optional(), ...base }).strict(),
  z
    .object({
      action: z.literal('setRange'),
      sheet,
      range: z.string().regex(/^[A-Za-z]{1,3}\d+:[A-Za-z]{1,3}\d+$/, 'a range such as "K2:K900"'),
      value: cellValue,
      /** The text `value` repeated this many times (a long text without a long scenario). */
      repeat: z.number().int().min(1).max(100000).default(1),
      ...base,
    })
    .strict(),
  /** Home → Merge & Center, or Merge Across (`across`: each row of the range merged on its own). */
  z.object({ action: z.literal('mergeCells'), sheet, range: z.string().regex(/^[A-Za-z]{1,3}\d+:[A-Za-z]{1,3}\d+$/, 'a range such as "M7:N700"'), across: z.boolean().default(false), ...base }).strict(),
  z.object({ action: z.literal('renameSheet'), from: sheet, to: sheet, ...base }).strict(),
  z.object({ action: z.literal('deleteSheet'), name: sheet, ...base }).strict(),
  z.object({ action: z.literal('setVisibility'), name: sheet, visibility: z.enum(['Visible', 'Hidden', 'VeryHidden']), ...base }).strict(),
  z.object({ action: z.literal('protectSheet'), sheet, ...base }).strict(),
  z.object({ action: z.literal('unprotectSheet'), sheet, ...base }).strict(),
  z.object({ action: z.literal('protectWorkbook'), ...base }).strict(),
  z.object({ action: z.literal('unprotectWorkbook'), ...base }).strict(),
] as const;

export const editSchema = z.discriminatedUnion('action', [...editSteps]);
export type Edit = z.infer<typeof editSchema>;

/**
 * Another user's edit landing during the add-in's next action (co-authoring): `sheet`, `cell` and
 * any of `value` / `fill` / `note` (a cell typed over), or `edit`: any person's action. `when`:
 * "beforeWrite" (default: after the add-in's reads, before its first write) or a number of the
 * action's requests after which it lands.
 */
const coAuthorStep = z
  .object({
    action: z.literal('coAuthor'),
    sheet: sheet.optional(),
    cell: cell.optional(),
    value: cellValue.optional(),
    fill: fill.optional(),
    note: z.string().nullable().optional(),
    edit: editSchema.optional(),
    when: z.union([z.literal('beforeWrite'), z.number().int().min(0)]).default('beforeWrite'),
    ...base,
  })
  .strict()
  .superRefine((s, ctx) => {
    const typed = s.sheet !== undefined || s.cell !== undefined || s.value !== undefined || s.fill !== undefined || s.note !== undefined;
    if (s.edit && typed) ctx.addIssue({ code: 'custom', message: 'either "edit" or "sheet"/"cell" with "value"/"fill"/"note", not both' });
    else if (!s.edit && (!s.sheet || !s.cell || (s.value === undefined && s.fill === undefined && s.note === undefined))) {
      ctx.addIssue({ code: 'custom', message: 'a co-author edit needs "edit", or "sheet", "cell" and one of "value", "fill", "note"' });
    }
  });

export const stepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('check'), ...base }).strict(),
  z.object({ action: z.literal('annotate'), ...base }).strict(),
  z.object({ action: z.literal('clear'), ...base }).strict(),
  z.object({ action: z.literal('quickCheck'), ...base }).strict(),
  z.object({ action: z.literal('saveProfile'), profile: z.record(z.string(), z.unknown()).nullable(), ...base }).strict(),
  ...editSteps,
  coAuthorStep,
  z.object({ action: z.literal('excelVersion'), requirementSets: sets, ...base }).strict(),
  z.object({ action: z.literal('cellEditMode'), on: z.boolean(), ...base }).strict(),
  z.object({ action: z.literal('snapshot'), name: z.string().min(1), ...base }).strict(),
]);

export type Step = z.infer<typeof stepSchema>;
export type StepExpect = NonNullable<z.infer<typeof stepExpect>>;

/** The add-in's own actions (the buttons); everything else is a person or Excel (coAuthor: a person elsewhere). */
export const ADDIN_ACTIONS = new Set<Step['action']>(['check', 'annotate', 'clear', 'quickCheck', 'saveProfile']);

export const scenarioSchema = z
  .object({
    /** An .xlsx or a host model .json, relative to the scenario file; or "generated:<rows>" (tools/excel-host/generate.ts). */
    workbook: z.string().min(1),
    /** The Excel played (tools/excel-host/platforms.ts): its requirement sets, limits and what Office reports. */
    platform: z.enum(['web', 'windows', 'mac', 'ipad']).default('web'),
    host: z
      .object({
        /** Office's name for the platform; when given, it must be the same as `platform`. */
        platform: z.enum(['OfficeOnline', 'PC', 'Mac', 'iOS']).optional(),
        displayLanguage: z.string().default('vi-VN'),
        /** A build's requirement sets, over the platform's current ones (e.g. { "ExcelApi": "1.14" }). */
        requirementSets: sets.optional(),
        /** comments.add fails NotImplemented although ExcelApi 1.10 is reported (office-js #1847). */
        commentsNotImplemented: z.boolean().optional(),
        /** An oversized request fails with its own code (default) or as GeneralException (office-js #1314). */
        payloadError: z.enum(['PayloadSizeLimitExceeded', 'GeneralException']).optional(),
        /** Bytes a request may carry, below the platform's (a build or a network that refuses less). */
        requestLimit: z.number().int().min(1000).optional(),
      })
      .strict()
      .default({ displayLanguage: 'vi-VN' }),
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
  .strict()
  .superRefine((s, ctx) => {
    const office = { web: 'OfficeOnline', windows: 'PC', mac: 'Mac', ipad: 'iOS' }[s.platform];
    if (s.host.platform && s.host.platform !== office) ctx.addIssue({ code: 'custom', path: ['host', 'platform'], message: `"${s.host.platform}" is not the platform "${s.platform}" (Office calls it "${office}")` });
  });

export type Scenario = z.infer<typeof scenarioSchema>;

/** Problems of a scenario, each "path: what" (e.g. "steps.3.at: expected number"). */
export function parseScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  const r = scenarioSchema.safeParse(input);
  if (r.success) return { ok: true, scenario: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || '(scenario)'}: ${i.message}`) };
}
