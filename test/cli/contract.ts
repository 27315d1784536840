/** The JSON contract of `thidua check --json` (cli.md), as a zod schema the tests validate against. */
import { z } from 'zod';

const kind = z.enum(['collective', 'individual']);
export const criterionSchema = z.object({
  id: z.enum(['taskCompletion', 'parIndex', 'unitParIndex', 'sipas', 'onTime', 'initiative', 'compliance', 'votes']),
  outcome: z.enum(['pass', 'fail', 'unknown']),
  value: z.union([z.number().min(0).max(100), z.string(), z.boolean(), z.null()]),
  cell: z.string().regex(/^[A-Z]{1,3}\d+$/).nullable(),
  message: z.string().min(1),
});

export const checkJsonSchema = z.object({
  profile: z.string().min(1),
  tables: z.array(z.object({ sheet: z.string(), kind, headerRow: z.number().int().positive(), columns: z.record(z.string(), z.string().regex(/^[A-Z]{1,3}$/)) })).min(1),
  candidates: z.array(
    z.object({
      kind,
      name: z.string().min(1),
      sheet: z.string(),
      row: z.number().int().positive(),
      criteria: z.array(criterionSchema),
      eligible: z.boolean(),
      rank: z.number().int().positive().nullable(),
      award: z.string().nullable(),
      overQuota: z.boolean(),
      tiedAtCutoff: z.boolean(),
    }),
  ),
  issues: z.array(z.object({ severity: z.enum(['error', 'warning']), sheet: z.string(), cell: z.string().nullable(), message: z.string().min(1) })),
});

export type CheckJson = z.infer<typeof checkJsonSchema>;
