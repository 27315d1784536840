/**
 * The part of "Tạo hồ sơ" that needs docxtemplater and pizzip. The pane loads it with a dynamic
 * import() when the user picks a template or generates, so the first bundle stays small.
 * Preparation and rendering are the CLI's own (src/core/dossier/prepare.ts, src/docx/generate.ts).
 */
import { type Grid, type Lang } from '../../core';
import { generateDocumentsPaced, validateTemplates, zipDossier, ZIP_NAME, type GeneratedFile, type TemplateSet } from '../../docx/generate';
import type { TemplateId } from '../../core/dossier/model';
import { prepare, prepareDecisions, prepareDossier, type Prepared } from '../../core/dossier/prepare';
import { calibrationDocx, certificatePages, certificatesDocx } from '../../docx/certificates';
import { ballotPaper, countRecord } from '../../core/dossier/ballots';
import { BALLOTS_FILE, ballotsDocx, COUNT_RECORD_FILE, countRecordDocx } from '../../docx/ballots';
import { defaultLayout, parseLayout, type CertificateLayout, type LayoutProblem } from '../../core/dossier/certificateLayout';
import { validateTemplate, type TemplateProblem } from '../../docx/render';
import { DECISION_TEMPLATES, DOSSIER_TEMPLATES } from '../../core/dossier/tags';

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

export type DecisionEngineResult =
  | { ok: true; files: GeneratedFile[]; missing: string[]; proposed: { awardId: string; collective: number; individual: number }[] }
  | Extract<Prepared, { ok: false }>
  | { ok: false; reason: 'templates'; problems: TemplateProblem[] };

/** "Tạo Quyết định": the CLI's preparation (prepareDecisions) and rendering loop, paced. */
export async function decisionsInPane(grid: Grid, templates: TemplateSet, lang: Lang, onProgress: (done: number, total: number) => void): Promise<DecisionEngineResult> {
  const problems = validateTemplates(templates, lang, DECISION_TEMPLATES);
  if (problems.length) return { ok: false, reason: 'templates', problems };
  const prepared = prepareDecisions(grid, { lang });
  if (!prepared.ok) return prepared;
  const generated = await generateDocumentsPaced(prepared.model.documents, templates, lang, DECISION_TEMPLATES, onProgress);
  if (!generated.ok) return { ok: false, reason: 'templates', problems: generated.problems };
  return { ok: true, files: generated.files, missing: prepared.missing, proposed: prepared.model.proposed };
}

export type CertificatesResult =
  | { ok: true; bytes: Uint8Array; pages: number; layout: CertificateLayout; layoutFrom: 'saved' | 'default' }
  | Extract<Prepared, { ok: false }>
  | { ok: false; reason: 'layoutInvalid'; problems: LayoutProblem[] }
  | { ok: false; reason: 'nobody' };

/** "In Giấy khen" / "Trang canh chỉnh": the layout saved in the workbook (else the default), as the CLI. */
export function certificatesInPane(grid: Grid, lang: Lang, calibration: boolean): CertificatesResult {
  const prepared = prepare(grid, { lang });
  if (!prepared.ok) return prepared;
  const saved = prepared.analysis.state.certificateLayout;
  let layout = defaultLayout('A4');
  if (saved !== undefined) {
    const parsed = parseLayout(saved, lang);
    if (!parsed.ok) return { ok: false, reason: 'layoutInvalid', problems: parsed.problems };
    layout = parsed.layout;
  }
  const from = saved !== undefined ? 'saved' : 'default';
  if (calibration) return { ok: true, bytes: calibrationDocx(layout), pages: 1, layout, layoutFrom: from };
  const pages = certificatePages(prepared.analysis.result, prepared.analysis.profile, prepared.facts);
  if (!pages.length) return { ok: false, reason: 'nobody' };
  return { ok: true, bytes: certificatesDocx(pages, layout), pages: pages.length, layout, layoutFrom: from };
}

export type BallotsResult =
  | { ok: true; copies: number; candidates: number; files: { path: string; bytes: Uint8Array }[]; counted: boolean }
  | Extract<Prepared, { ok: false }>
  | { ok: false; reason: 'nobody' };

/** "Phiếu bầu": the phiếu bầu and, once votes are counted, the Biên bản kiểm phiếu — `thidua ballots`' own. */
export function ballotsInPane(grid: Grid, lang: Lang): BallotsResult {
  const prepared = prepare(grid, { lang });
  if (!prepared.ok) return prepared;
  const { result, profile } = prepared.analysis;
  const paper = ballotPaper(result, profile, prepared.facts);
  const candidates = paper.sections.reduce((n, s) => n + s.rows.length, 0);
  if (!candidates) return { ok: false, reason: 'nobody' };
  const record = countRecord(result, profile, prepared.facts);
  const files = [{ path: BALLOTS_FILE, bytes: ballotsDocx(paper) }];
  if (record.counted) files.push({ path: COUNT_RECORD_FILE, bytes: countRecordDocx(record) });
  return { ok: true, copies: paper.copies, candidates, files, counted: record.counted };
}
