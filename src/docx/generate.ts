/**
 * Rendering a set of documents from their templates: validate every template first (nothing is
 * generated from a broken one), render every document, optionally zip them. One loop
 * (`renderSteps`) serves the CLI (at once) and the task pane (a pause between documents so its
 * progress paints), so both give the same bytes.
 */
import PizZip from 'pizzip';
import { type Lang, text } from '../core';
import type { DossierDocument, DossierModel, TemplateId } from '../core/dossier/model';
import type { Cleaned } from '../core';
import { formVersionOf, renderCleaned, stableZipBytes, validateTemplate, type Bytes, type TemplateProblem } from './render';
import { isReportTemplate } from '../core/dossier/reportForms';
import { DOSSIER_TEMPLATES } from '../core/dossier/tags';

export interface TemplateSource {
  bytes: Bytes;
  /** The file name shown in messages ("mau-cua-toi.docx"). */
  file: string;
}

/** The templates at hand, by id; a document set needs only its own. */
export type Templates = Partial<Record<TemplateId, TemplateSource>>;

/** Every template (the dossier's, with the report of every form, and the Quyết định). */
export type TemplateSet = Record<TemplateId, TemplateSource>;

export interface GeneratedFile {
  path: string;
  title: string;
  bytes: Uint8Array;
  /** Where characters XML forbids were removed from its data (absent: none). */
  cleaned?: Cleaned[];
}

export type Generated =
  | { ok: true; files: GeneratedFile[]; formVersion: string | null }
  | { ok: false; problems: TemplateProblem[] };

export type Progress = (done: number, total: number) => void;

export const ZIP_NAME = 'ho-so-de-nghi-khen-thuong.zip';

/** Every problem of the templates given, or of the ids asked for (a missing one is a problem too). */
export function validateTemplates(templates: Templates, lang: Lang = 'vi', ids: readonly TemplateId[] = DOSSIER_TEMPLATES): TemplateProblem[] {
  return ids.flatMap((id) => {
    const t = templates[id];
    if (!t) return [{ file: id, tag: null, message: text(lang).documents.templateMissing(id) }];
    return validateTemplate(t.bytes, id, t.file, lang);
  });
}

/** The one rendering loop: yields after each document (the caller may pause there). */
export function* renderSteps(documents: DossierDocument[], templates: Templates, onProgress?: Progress): Generator<GeneratedFile, void> {
  onProgress?.(0, documents.length);
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i];
    const r = renderCleaned(templates[doc.template]!.bytes, doc.data);
    const file: GeneratedFile = { path: doc.path, title: doc.title, bytes: r.bytes, ...(r.cleaned.length ? { cleaned: r.cleaned } : {}) };
    onProgress?.(i + 1, documents.length);
    yield file;
  }
}

/** The form version of the report template the documents use (the frame's form); none when no report is written. */
function formVersion(documents: DossierDocument[], templates: Templates): string | null {
  const id = documents.find((d) => isReportTemplate(d.template))?.template;
  const t = id ? templates[id] : undefined;
  return t ? formVersionOf(t.bytes) : null;
}

function templatesOf(documents: DossierDocument[], ids: readonly TemplateId[]): TemplateId[] {
  return [...new Set([...ids, ...documents.map((d) => d.template)])];
}

/** Renders every document at once (CLI, tests). */
export function generateDocuments(documents: DossierDocument[], templates: Templates, lang: Lang = 'vi', ids: readonly TemplateId[] = [], onProgress?: Progress): Generated {
  const problems = validateTemplates(templates, lang, templatesOf(documents, ids));
  if (problems.length) return { ok: false, problems };
  return { ok: true, files: [...renderSteps(documents, templates, onProgress)], formVersion: formVersion(documents, templates) };
}

/** The same loop with a pause between documents, so a page can paint its progress. */
export async function generateDocumentsPaced(
  documents: DossierDocument[],
  templates: Templates,
  lang: Lang,
  ids: readonly TemplateId[],
  onProgress: Progress,
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<Generated> {
  const problems = validateTemplates(templates, lang, templatesOf(documents, ids));
  if (problems.length) return { ok: false, problems };
  const files: GeneratedFile[] = [];
  for (const f of renderSteps(documents, templates, onProgress)) {
    files.push(f);
    await pause();
  }
  return { ok: true, files, formVersion: formVersion(documents, templates) };
}

/** The whole dossier (its templates, every report form's included, are always checked, even when only the Biên bản is written). */
export function generateDossier(model: DossierModel, templates: TemplateSet, lang: Lang = 'vi', onProgress?: Progress): Generated {
  return generateDocuments(model.documents, templates, lang, DOSSIER_TEMPLATES, onProgress);
}

/** One .zip of the dossier, folders kept, byte-stable. Documents are already deflated: store them. */
export function zipDossier(files: GeneratedFile[]): Uint8Array {
  const zip = new PizZip();
  for (const f of files) zip.file(f.path, f.bytes, { binary: true });
  return stableZipBytes(zip);
}
