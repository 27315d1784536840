/**
 * Legal frames: which law, decree and circular a document of a given date cites, and which form
 * its Báo cáo thành tích follows. Frames are data (templates/khung-phap-ly.json, extendable in the
 * profile under "legalFrames"), never code: when the law changes, the user adds a frame.
 * Pure: the shipped table is bound in src/core/dossier/legalFrames.ts.
 */
import type * as Zod from 'zod';
import { lazily } from './zod';

/** The report forms a template exists for (helper `docs` builds one template per id). */
export const REPORT_FORMS = ['nd91-2017-mau-07', 'nd98-2023', 'nd152-2025'] as const;
export type ReportForm = (typeof REPORT_FORMS)[number];

/** Documents that print citations ("Căn cứ …;"). A kind not listed prints none. */
export const CITING_DOCUMENTS = ['toTrinh', 'bienBan', 'baoCao', 'quyetDinh'] as const;
export type CitingDocument = (typeof CITING_DOCUMENTS)[number];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-07-01" naming a day of the calendar (not "2025-02-30"). */
function isRealIsoDate(v: string): boolean {
  if (!ISO.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const schemas = lazily((z) => {
  const isoDate = z
    .string()
    .regex(ISO, { message: 'ngày theo dạng yyyy-mm-dd (date as yyyy-mm-dd)' })
    .refine(isRealIsoDate, { message: 'ngày không có thật (no such date)' });

  const citationLines = z.array(z.string().trim().min(1));

  const frame = z
    .object({
      /** Stable id: a profile frame with the same id replaces the shipped one. */
      id: z.string().regex(/^[a-z0-9-]+$/),
      /** For people: "Luật Thi đua, khen thưởng 2022 và Nghị định số 152/2025/NĐ-CP". */
      name: z.string().trim().min(1),
      /** First day in force (inclusive), or null for "since always". */
      from: isoDate.nullable(),
      /** Last day in force (inclusive), or null for "still in force". */
      to: isoDate.nullable(),
      reportForm: z.enum(REPORT_FORMS),
      /** How the documents name the form: "Mẫu số 07, Phụ lục … Nghị định số 91/2017/NĐ-CP …". */
      reportFormLabel: z.string().trim().min(1).optional(),
      /** Per document kind, the lines printed as they are written ("Căn cứ …;"). */
      citations: z
        .object({
          toTrinh: citationLines.optional(),
          bienBan: citationLines.optional(),
          baoCao: citationLines.optional(),
          quyetDinh: citationLines.optional(),
        })
        .strict(),
      /** Where each citation was checked (documentation only, never printed). */
      sources: z.array(z.string()).optional(),
    })
    .strict()
    .refine((f) => f.from === null || f.to === null || f.from <= f.to, { message: '"from" sau "to" ("from" is after "to")', path: ['to'] });

  const table = z.object({ $comment: z.string().optional(), version: z.literal(1), frames: z.array(frame).min(1) }).strict();
  return { frame, table };
});

type Schemas = ReturnType<typeof schemas>;

/** One frame (zod, built on first use). */
export const legalFrameSchema = (): Schemas['frame'] => schemas().frame;
/** templates/khung-phap-ly.json. */
export const legalFrameTableSchema = (): Schemas['table'] => schemas().table;

export type LegalFrame = Zod.infer<Schemas['frame']>;

/** "2022-12-20" or "20/12/2022" → "2022-12-20"; anything else → undefined. */
export function isoOf(date: string | undefined | null): string | undefined {
  if (!date) return undefined;
  const t = date.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : t;
  return isRealIsoDate(iso) ? iso : undefined;
}

/** Shipped frames with the profile's over them: same id replaces, a new id is added. */
export function mergeFrames(shipped: readonly LegalFrame[], own: readonly LegalFrame[] | undefined): LegalFrame[] {
  const out = [...shipped];
  for (const f of own ?? []) {
    const i = out.findIndex((x) => x.id === f.id);
    if (i >= 0) out[i] = f;
    else out.push(f);
  }
  return out;
}

/**
 * The frame in force on `date` (ISO or dd/mm/yyyy). Where frames overlap, the one that started
 * last wins, so a user's new frame "from 2026-…" takes over without editing the shipped one.
 * No date (or an unreadable one), or no frame covering it: undefined — the caller decides.
 */
export function frameFor(date: string | undefined | null, frames: readonly LegalFrame[]): LegalFrame | undefined {
  const iso = isoOf(date);
  if (!iso) return undefined;
  let best: LegalFrame | undefined;
  for (const f of frames) {
    if ((f.from === null || f.from <= iso) && (f.to === null || iso <= f.to)) {
      if (!best || (f.from ?? '') >= (best.from ?? '')) best = f;
    }
  }
  return best;
}

/** The newest frame (latest `from`): used when a document has no date yet. */
export function latestFrame(frames: readonly LegalFrame[]): LegalFrame | undefined {
  let best: LegalFrame | undefined;
  for (const f of frames) if (!best || (f.from ?? '') >= (best.from ?? '')) best = f;
  return best;
}

/** The lines a document prints: the facts' own legal bases override the frame's. */
export function citationsFor(frame: LegalFrame | undefined, kind: CitingDocument, override?: readonly string[]): string[] {
  if (override && override.length) return [...override];
  return [...(frame?.citations[kind] ?? [])];
}
