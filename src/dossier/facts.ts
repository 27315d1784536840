/**
 * Document and meeting facts of the dossier. Stored in the workbook state under the key 'facts'
 * (hidden sheet "_ThiDuaCCHC", src/core/state.ts) so the CLI and the add-in share one design;
 * the CLI's --facts / --meeting files merge over it. Every field is optional: a missing fact
 * prints as a dotted blank, never invented.
 */
import { z } from 'zod';

const text = z.string().trim().min(1).optional();

export const SignerSchema = z.object({
  authority: text, // "TM. ỦY BAN NHÂN DÂN"
  title: text, // "CHỦ TỊCH"
  name: text,
}).strict();

export const VoteSchema = z.object({
  candidate: z.string().trim().min(1), // candidate name as in the workbook
  agree: z.number().int().min(0),
  total: z.number().int().min(0).optional(),
}).strict();

export const MeetingSchema = z.object({
  date: text, // ISO yyyy-mm-dd
  time: text, // "14 giờ 00"
  place: text,
  chair: text,
  secretary: text,
  // A number: src/core/analyze.ts reads it as the meeting's voter count.
  membersPresent: z.number().int().min(0).optional(),
  membersTotal: z.number().int().min(0).optional(),
  absentees: z.array(z.string().trim().min(1)).optional(),
  votes: z.array(VoteSchema).optional(),
}).strict();

export const FactsSchema = z.object({
  parentBody: text,
  issuingBody: text,
  issuingBodyShort: text,
  place: text,
  date: text,
  numbers: z.record(z.string(), z.union([z.number().int().min(0), z.string().min(1)])).optional(),
  symbols: z.record(z.string(), z.string().min(1)).optional(),
  signer: SignerSchema.optional(),
  addressees: z.array(z.string().trim().min(1)).optional(),
  recipients: z.array(z.string().trim().min(1)).optional(),
  movement: text,
  plan: z.object({ title: text, number: text, date: text }).strict().optional(),
  legalBases: z.array(z.string().trim().min(1)).optional(),
  meeting: MeetingSchema.optional(),
}).strict();

export type Facts = z.infer<typeof FactsSchema>;

/** Shallow-deep merge: later sources win field by field; meeting merged one level down. */
export function mergeFacts(...sources: (Facts | undefined)[]): Facts {
  const out: Facts = {};
  for (const s of sources) {
    if (!s) continue;
    const meeting = s.meeting ? { ...(out.meeting ?? {}), ...s.meeting } : out.meeting;
    Object.assign(out, s);
    if (meeting) out.meeting = meeting;
  }
  return out;
}
