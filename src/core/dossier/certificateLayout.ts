/**
 * Where each line of a Giấy khen is printed on the pre-printed blank: a position in millimetres
 * from the page's left and top edges (the top-left corner of the line's box), its width, size and
 * style. Validated with zod (the same check for --layout files, the pane and the workbook state,
 * key 'certificateLayout'). The default fits the common A4 landscape blank; an A3 blank is the
 * same drawing scaled by √2.
 */
import { z } from 'zod';
import type { Lang } from '../ids';
import { text } from '../messages/render';

export const PAPER = {
  A4: { width: 297, height: 210 },
  A3: { width: 420, height: 297 },
} as const;
export type Paper = keyof typeof PAPER;

export const CERTIFICATE_FIELDS = ['name', 'unit', 'achievement', 'decision', 'placeDate'] as const;
export type CertificateField = (typeof CERTIFICATE_FIELDS)[number];

const mm = z.number().min(0).max(420);

export const FieldLayoutSchema = z.object({
  x: mm, // left edge of the box, from the page's left edge
  y: mm, // top of the box, from the page's top edge
  width: z.number().min(5).max(420),
  size: z.number().min(6).max(72), // points
  align: z.enum(['left', 'center', 'right']).default('center'),
  bold: z.boolean().default(false),
  italic: z.boolean().default(false),
  uppercase: z.boolean().default(false),
  /** false: this line is already printed on the blank (or not wanted). */
  print: z.boolean().default(true),
}).strict();

export const CertificateLayoutSchema = z.object({
  paper: z.enum(['A4', 'A3']).default('A4'),
  /** Moves everything (the printer's own shift, measured on the calibration page), in mm. */
  offset: z.object({ x: z.number().min(-50).max(50).default(0), y: z.number().min(-50).max(50).default(0) }).strict().default({ x: 0, y: 0 }),
  fields: z.object(Object.fromEntries(CERTIFICATE_FIELDS.map((f) => [f, FieldLayoutSchema])) as Record<CertificateField, typeof FieldLayoutSchema>).strict(),
}).strict().superRefine((layout, ctx) => {
  const page = PAPER[layout.paper];
  for (const f of CERTIFICATE_FIELDS) {
    const box = layout.fields[f];
    if (box.x + box.width > page.width) ctx.addIssue({ code: 'custom', path: ['fields', f, 'width'], message: `x + width = ${box.x + box.width} mm > ${page.width} mm (${layout.paper})` });
    if (box.y > page.height - 5) ctx.addIssue({ code: 'custom', path: ['fields', f, 'y'], message: `y = ${box.y} mm > ${page.height - 5} mm (${layout.paper})` });
  }
});

export type CertificateLayout = z.output<typeof CertificateLayoutSchema>;
export type FieldLayout = z.output<typeof FieldLayoutSchema>;

/** The common A4 landscape blank: title and emblem printed at the top, signature block bottom right. */
const A4_DEFAULT: CertificateLayout = {
  paper: 'A4',
  offset: { x: 0, y: 0 },
  fields: {
    name: { x: 30, y: 82, width: 237, size: 26, align: 'center', bold: true, italic: false, uppercase: false, print: true },
    unit: { x: 30, y: 97, width: 237, size: 16, align: 'center', bold: false, italic: false, uppercase: false, print: true },
    achievement: { x: 40, y: 108, width: 217, size: 15, align: 'center', bold: false, italic: true, uppercase: false, print: true },
    placeDate: { x: 150, y: 135, width: 125, size: 14, align: 'center', bold: false, italic: true, uppercase: false, print: true },
    decision: { x: 22, y: 182, width: 120, size: 12, align: 'left', bold: false, italic: false, uppercase: false, print: true },
  },
};

/** The default layout of a paper size (A3 = A4 × √2: the same blank, enlarged). */
export function defaultLayout(paper: Paper = 'A4'): CertificateLayout {
  if (paper === 'A4') return structuredClone(A4_DEFAULT);
  const k = PAPER.A3.width / PAPER.A4.width;
  const r = (v: number) => Math.round(v * k * 10) / 10;
  const fields = Object.fromEntries(
    CERTIFICATE_FIELDS.map((f) => {
      const b = A4_DEFAULT.fields[f];
      return [f, { ...b, x: r(b.x), y: r(b.y), width: r(b.width), size: Math.round(b.size * k) }];
    }),
  ) as CertificateLayout['fields'];
  return { paper: 'A3', offset: { x: 0, y: 0 }, fields };
}

export interface LayoutProblem { path: string; message: string }
export type LayoutParse = { ok: true; layout: CertificateLayout } | { ok: false; problems: LayoutProblem[] };

/**
 * A layout from a file, the pane or the workbook. A partial layout is merged over the default of
 * its paper, field by field ({ "fields": { "name": { "y": 85 } } } moves the name only).
 */
export function parseLayout(input: unknown, lang: Lang = 'vi'): LayoutParse {
  const error = (lang === 'vi' ? z.locales.vi() : z.locales.en()).localeError;
  const obj = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
  if (!obj) return { ok: false, problems: [{ path: '(gốc)', message: text(lang).documents.layoutNotObject }] };
  const paper = obj.paper === 'A3' ? 'A3' : 'A4';
  const base = defaultLayout(paper);
  const fields = obj.fields && typeof obj.fields === 'object' && !Array.isArray(obj.fields) ? (obj.fields as Record<string, unknown>) : undefined;
  const merged = {
    ...obj,
    paper: obj.paper ?? paper,
    fields: fields
      ? Object.fromEntries([
        ...CERTIFICATE_FIELDS.map((f) => [f, fields[f] && typeof fields[f] === 'object' ? { ...base.fields[f], ...(fields[f] as object) } : fields[f] ?? base.fields[f]]),
        ...Object.entries(fields).filter(([k]) => !(CERTIFICATE_FIELDS as readonly string[]).includes(k)),
      ])
      : obj.fields ?? base.fields,
  };
  const r = CertificateLayoutSchema.safeParse(merged, { error });
  if (r.success) return { ok: true, layout: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => {
      const keys = i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys ?? [] : [];
      return { path: [...i.path.map(String), ...(keys.length === 1 ? keys : [])].join('.') || '(gốc)', message: i.message };
    }),
  };
}
