/**
 * The part of "Tạo hồ sơ" that needs docxtemplater and pizzip. The pane loads it with a dynamic
 * import() when the user picks a template or generates, so the first bundle stays small.
 * Preparation and rendering are the CLI's own (src/dossier/prepare.ts, generate.ts).
 */
import { type Grid, type Lang } from '../../core';
import { generateDocumentsPaced, validateTemplates, zipDossier, ZIP_NAME, type GeneratedFile, type TemplateSet } from '../../dossier/generate';
import type { TemplateId } from '../../dossier/model';
import { prepareDossier, type Prepared } from '../../dossier/prepare';
import { validateTemplate, type TemplateProblem } from '../../dossier/render';
import { DOSSIER_TEMPLATES } from '../../dossier/tags';

export { validateTemplate };

export type EngineResult =
  | (Extract<Prepared, { ok: true }> & { files: GeneratedFile[]; zip: Uint8Array; zipName: string; formVersion: string | null })
  | Extract<Prepared, { ok: false }>
  | { ok: false; reason: 'templates'; problems: TemplateProblem[] };

/**
 * Templates are validated before the workbook is judged (a broken template is the user's to fix
 * first), then the CLI's preparation and its rendering loop, paced so the progress shows.
 */
export async function generateInPane(grid: Grid, templates: TemplateSet, lang: Lang, onProgress: (done: number, total: number) => void): Promise<EngineResult> {
  const problems = validateTemplates(templates, lang, DOSSIER_TEMPLATES);
  if (problems.length) return { ok: false, reason: 'templates', problems };
  const prepared = prepareDossier(grid, { lang });
  if (!prepared.ok) return prepared;
  const generated = await generateDocumentsPaced(prepared.model.documents, templates, lang, DOSSIER_TEMPLATES, onProgress);
  if (!generated.ok) return { ok: false, reason: 'templates', problems: generated.problems };
  return { ...prepared, files: generated.files, zip: zipDossier(generated.files), zipName: ZIP_NAME, formVersion: generated.formVersion };
}

export function checkTemplate(bytes: Uint8Array, id: TemplateId, file: string, lang: Lang): TemplateProblem[] {
  return validateTemplate(bytes, id, file, lang);
}
