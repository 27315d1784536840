/**
 * Document and meeting facts of the dossier. Stored in the workbook state under the key 'facts'
 * (hidden sheet "_ThiDuaCCHC", src/core/state.ts) so the CLI and the add-in share one design;
 * the CLI's --facts / --meeting files merge over it. Every field is optional: a missing fact
 * prints as a dotted blank, never invented.
 */
import { z } from 'zod';
import { parseIsoDate } from './dates';

const text = z.string().trim().min(1).optional();
// yyyy-mm-dd or dd/mm/yyyy; an impossible date is refused rather than printed wrong.
const date = z.string().trim().refine((v) => parseIsoDate(v) !== undefined, {
  message: 'ngày không hợp lệ: ghi theo dạng yyyy-mm-dd hoặc dd/mm/yyyy (invalid date: use yyyy-mm-dd or dd/mm/yyyy)',
}).optional();

/** A document's number (NĐ 30/2020: Arabic numerals): a whole number, or its digits ("05"). */
const numberText = z.string().trim().regex(/^\d+$/, { message: 'số văn bản phải là chữ số, ví dụ 245 hoặc "05" (a document number is digits only)' });
const documentNo = z.union([z.number().int().min(0), numberText]);

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

/** A decision of the council (src/core/meeting.ts): whose a shared initiative is, who takes a tied or last place, who is dropped. */
export const CouncilDecisionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('initiative'), initiative: z.string().trim().min(1), owner: z.string().trim().min(1) }).strict(),
  z.object({ type: z.literal('place'), candidate: z.string().trim().min(1), award: z.string().trim().min(1).optional() }).strict(),
  z.object({ type: z.literal('drop'), candidate: z.string().trim().min(1), reason: text }).strict(),
]);

export const MeetingSchema = z.object({
  date, // yyyy-mm-dd or dd/mm/yyyy
  time: text, // "14 giờ 00"
  endTime: text, // "16 giờ 30"
  place: text,
  council: text, // "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
  chair: text,
  chairRole: text, // "Chủ tịch UBND thị xã, Chủ tịch Hội đồng"
  secretary: text,
  secretaryRole: text,
  // A number: src/core/analyze.ts reads it as the meeting's voter count.
  membersPresent: z.number().int().min(0).optional(),
  membersTotal: z.number().int().min(0).optional(),
  absentees: z.array(z.string().trim().min(1)).optional(),
  votes: z.array(VoteSchema).optional(),
  method: text, // "Bỏ phiếu kín", "Biểu quyết giơ tay"
  decisions: z.array(CouncilDecisionSchema).optional(),
  /** "Nơi nhận" of the Biên bản, line by line ("- Thành viên Hội đồng;", "- Lưu: VT, Hồ sơ."). */
  recipients: z.array(z.string().trim().min(1)).optional(),
}).strict();

/** What differs for one award's Tờ trình (a Bằng khen tỉnh goes from UBND thị xã to UBND tỉnh). */
export const AwardFactsSchema = z.object({
  parentBody: text,
  issuingBody: text,
  issuingBodyShort: text,
  number: documentNo.optional(),
  symbol: text,
  signer: SignerSchema.optional(),
  addressees: z.array(z.string().trim().min(1)).optional(),
  recipients: z.array(z.string().trim().min(1)).optional(),
}).strict();

const docNumber = documentNo.optional();
const money = z.number().min(0).optional(); // đồng

/** What the Quyết định khen thưởng of one award says (its own number, date, amounts…). */
export const DecisionAwardSchema = z.object({
  number: docNumber,
  symbol: text, // "QĐ-UBND"
  date,
  /** Tiền thưởng in đồng, each tập thể / each cá nhân; a blank when absent. */
  amounts: z.object({ collective: money, individual: money }).strict().optional(),
}).strict();

/**
 * The Quyết định khen thưởng (after the council): issued by the authority the Tờ trình went to.
 * `awards["<award id>"]` overrides number, symbol, date and amounts for one award.
 */
export const DecisionSchema = DecisionAwardSchema.extend({
  parentBody: text, // usually none for UBND
  issuingBody: text, // "Ủy ban nhân dân thị xã Ninh Hòa"
  issuingBodyShort: text, // "UBND" → symbol "QĐ-UBND"
  authority: text, // "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ NINH HÒA" (the line above the căn cứ)
  issuerName: text, // "Chủ tịch UBND thị xã Ninh Hòa" (the annex's "của …")
  proposer: text, // "Trưởng phòng Nội vụ" (Theo đề nghị của …); the Tờ trình's issuing body otherwise
  legalBases: z.array(z.string().trim().min(1)).optional(), // replaces the legal frame's căn cứ
  amountBasis: text, // "theo quy định tại …" printed after the amounts
  fund: text, // "Quỹ Thi đua, khen thưởng của thị xã"
  executors: z.array(z.string().trim().min(1)).optional(), // Điều 3
  signer: SignerSchema.optional(),
  recipients: z.array(z.string().trim().min(1)).optional(),
  awards: z.record(z.string(), DecisionAwardSchema).optional(),
}).strict();

export type DecisionFacts = z.infer<typeof DecisionSchema>;

export const FactsSchema = z.object({
  parentBody: text,
  issuingBody: text,
  issuingBodyShort: text,
  place: text,
  date,
  numbers: z.record(z.string(), documentNo).optional(),
  symbols: z.record(z.string(), z.string().min(1)).optional(),
  signer: SignerSchema.optional(),
  addressees: z.array(z.string().trim().min(1)).optional(),
  recipients: z.array(z.string().trim().min(1)).optional(),
  movement: text, // the movement's name, without quotes
  year: z.union([z.number().int().min(1900).max(2200), z.string().regex(/^\d{4}$/)]).optional(),
  reportDate: date, // ISO date printed on the Báo cáo thành tích; blank when absent
  plan: z.object({ title: text, number: text, date, issuer: text }).strict().optional(),
  legalBases: z.array(z.string().trim().min(1)).optional(),
  meeting: MeetingSchema.optional(),
  /** Per award id: overrides for that award's Tờ trình. */
  awards: z.record(z.string(), AwardFactsSchema).optional(),
  /** The Quyết định khen thưởng that answers the Tờ trình. */
  decision: DecisionSchema.optional(),
}).strict();

export type Facts = z.infer<typeof FactsSchema>;

/** Shallow-deep merge: later sources win field by field; meeting and decision merged one level down. */
export function mergeFacts(...sources: (Facts | undefined)[]): Facts {
  const out: Facts = {};
  for (const s of sources) {
    if (!s) continue;
    const meeting = s.meeting ? { ...(out.meeting ?? {}), ...s.meeting } : out.meeting;
    const decision = s.decision ? { ...(out.decision ?? {}), ...s.decision } : out.decision;
    Object.assign(out, s);
    if (meeting) out.meeting = meeting;
    if (decision) out.decision = decision;
  }
  return out;
}

export interface FactsProblem { path: string; message: string }
export type FactsParse = { ok: true; facts: Facts } | { ok: false; problems: FactsProblem[] };

function problemsOf(error: z.ZodError, prefix: string): FactsProblem[] {
  return error.issues.map((i) => {
    const keys = i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys ?? [] : [];
    const path = [prefix, ...i.path.map(String), ...(keys.length === 1 ? keys : [])].filter(Boolean).join('.');
    return { path: path || '(gốc)', message: i.message };
  });
}

/**
 * Validates facts from any source: a facts file (the whole structure), a meeting file (the
 * meeting alone, or `{ "meeting": … }`), or what the workbook holds.
 */
export function parseFacts(input: unknown, what: 'facts' | 'meeting', lang: 'vi' | 'en' = 'vi'): FactsParse {
  const error = (lang === 'vi' ? z.locales.vi() : z.locales.en()).localeError;
  if (what === 'meeting' && !(input && typeof input === 'object' && 'meeting' in input)) {
    const m = MeetingSchema.safeParse(input, { error });
    return m.success ? { ok: true, facts: { meeting: m.data } } : { ok: false, problems: problemsOf(m.error, 'meeting') };
  }
  const f = FactsSchema.safeParse(input, { error });
  return f.success ? { ok: true, facts: f.data } : { ok: false, problems: problemsOf(f.error, '') };
}

/** Facts the Quyết định prints as blanks, by path. */
export function missingDecisionFacts(facts: Facts): string[] {
  const d = facts.decision ?? {};
  const checks: [string, unknown][] = [
    ['decision.issuingBody', d.issuingBody],
    ['decision.number', d.number],
    ['decision.symbol', d.symbol ?? d.issuingBodyShort],
    ['decision.date', d.date],
    ['decision.authority', d.authority],
    ['decision.signer.title', d.signer?.title],
    ['decision.signer.name', d.signer?.name],
    ['decision.executors', d.executors?.length],
    ['decision.recipients', d.recipients?.length],
    ['decision.amounts', d.amounts],
    ['place', facts.place],
    ['movement', facts.movement],
    ['year', facts.year],
  ];
  return checks.filter(([, v]) => v === undefined || v === null || v === '' || v === 0).map(([k]) => k);
}

/** Facts the documents print as blanks, by path, so the user knows what is still to fill. */
export function missingFacts(facts: Facts): string[] {
  const checks: [string, unknown][] = [
    ['parentBody', facts.parentBody],
    ['issuingBody', facts.issuingBody],
    ['issuingBodyShort', facts.issuingBodyShort],
    ['place', facts.place],
    ['date', facts.date],
    ['numbers.toTrinh', facts.numbers?.toTrinh],
    ['signer.title', facts.signer?.title],
    ['signer.name', facts.signer?.name],
    ['addressees', facts.addressees?.length],
    ['recipients', facts.recipients?.length],
    ['movement', facts.movement],
    ['year', facts.year],
    ['plan.number', facts.plan?.number],
    ['plan.date', facts.plan?.date],
    ['meeting.date', facts.meeting?.date],
    ['meeting.time', facts.meeting?.time],
    ['meeting.place', facts.meeting?.place],
    ['meeting.chair', facts.meeting?.chair],
    ['meeting.secretary', facts.meeting?.secretary],
    ['meeting.membersPresent', facts.meeting?.membersPresent],
    ['meeting.membersTotal', facts.meeting?.membersTotal],
  ];
  return checks.filter(([, v]) => v === undefined || v === null || v === '' || v === 0).map(([k]) => k);
}
