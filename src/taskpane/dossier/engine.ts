/**
 * The part of "Tạo hồ sơ" that needs docxtemplater and pizzip. The pane loads it with a dynamic
 * import() when the user picks a template or generates, so the first bundle stays small.
 */
import type { Grid } from '../../core/grid';
import type { Lang } from '../../core/ids';
import { validateTemplates, zipDossier, ZIP_NAME, type GeneratedFile, type TemplateSet } from '../../dossier/generate';
import type { TemplateId } from '../../dossier/model';
import { formVersionOf, renderDocument, validateTemplate, type TemplateProblem } from '../../dossier/render';
import { REPORT_TEMPLATES } from '../../dossier/reportForms';
import { prepareDossier, type Prepared } from './prepare';

export { validateTemplate };

export type EngineResult =
  | (Extract<Prepared, { ok: true }> & { files: GeneratedFile[]; zip: Uint8Array; zipName: string; formVersion: string | null })
  | Extract<Prepared, { ok: false }>
  | { ok: false; reason: 'templates'; problems: TemplateProblem[] };

/** Lets the page paint the progress between two documents. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The same steps as generateDossier (every template validated first, then each document rendered
 * by the same renderDocument, so the bytes equal the CLI's), with a pause between documents so the
 * progress shows.
 */
export async function generateInPane(grid: Grid, templates: TemplateSet, lang: Lang, onProgress: (done: number, total: number) => void): Promise<EngineResult> {
  const problems = validateTemplates(templates, lang);
  if (problems.length) return { ok: false, reason: 'templates', problems };
  const prepared = prepareDossier(grid, lang);
  if (!prepared.ok) return prepared;
  const docs = prepared.model.documents;
  const files: GeneratedFile[] = [];
  onProgress(0, docs.length);
  for (let i = 0; i < docs.length; i++) {
    await breathe();
    files.push({ path: docs[i].path, title: docs[i].title, bytes: renderDocument(templates[docs[i].template].bytes, docs[i].data) });
    onProgress(i + 1, docs.length);
  }
  return { ...prepared, files, zip: zipDossier(files), zipName: ZIP_NAME, formVersion: formVersionOf(templates[REPORT_TEMPLATES[prepared.model.reportForm]].bytes) };
}

export function checkTemplate(bytes: Uint8Array, id: TemplateId, file: string, lang: Lang): TemplateProblem[] {
  return validateTemplate(bytes, id, file, lang);
}
