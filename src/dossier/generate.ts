/**
 * The whole dossier from a model and the three templates: validate every template first
 * (nothing is generated from a broken one), render every document, optionally zip them.
 * Shared by `thidua dossier` and the task pane's "Tạo hồ sơ".
 */
import PizZip from 'pizzip';
import type { Lang } from '../core/ids';
import type { DossierModel, TemplateId } from './model';
import { formVersionOf, renderDocument, stableZipBytes, validateTemplate, type Bytes, type TemplateProblem } from './render';
import { REPORT_TEMPLATES } from './reportForms';
import { TEMPLATE_FILES } from './tags';

export interface TemplateSource {
  bytes: Bytes;
  /** The file name shown in messages ("mau-cua-toi.docx"). */
  file: string;
}

export type TemplateSet = Record<TemplateId, TemplateSource>;

export interface GeneratedFile {
  path: string;
  title: string;
  bytes: Uint8Array;
}

export type Generated =
  | { ok: true; files: GeneratedFile[]; formVersion: string | null }
  | { ok: false; problems: TemplateProblem[] };

export const ZIP_NAME = 'ho-so-de-nghi-khen-thuong.zip';

export function validateTemplates(templates: TemplateSet, lang: Lang = 'vi'): TemplateProblem[] {
  return (Object.keys(TEMPLATE_FILES) as TemplateId[]).flatMap((id) => validateTemplate(templates[id].bytes, id, templates[id].file, lang));
}

export function generateDossier(model: DossierModel, templates: TemplateSet, lang: Lang = 'vi', onProgress?: (done: number, total: number) => void): Generated {
  const problems = validateTemplates(templates, lang);
  if (problems.length) return { ok: false, problems };
  const files: GeneratedFile[] = [];
  model.documents.forEach((doc, i) => {
    files.push({ path: doc.path, title: doc.title, bytes: renderDocument(templates[doc.template].bytes, doc.data) });
    onProgress?.(i + 1, model.documents.length);
  });
  return { ok: true, files, formVersion: formVersionOf(templates[REPORT_TEMPLATES[model.reportForm]].bytes) };
}

/** One .zip of the dossier, folders kept, byte-stable. Documents are already deflated: store them. */
export function zipDossier(files: GeneratedFile[]): Uint8Array {
  const zip = new PizZip();
  for (const f of files) zip.file(f.path, f.bytes, { binary: true });
  return stableZipBytes(zip);
}
