/**
 * `thidua dossier <workbook.xlsx> --out <dir> [--preset id] [--profile p.json] [--facts f.json]
 *  [--meeting m.json] [--templates <dir>] [--zip] [--pdf] [--lang en]` — the award dossier of dossier.md.
 * Facts: what the workbook holds (state key 'facts', written by the add-in), then --facts, then
 * --meeting, each winning over the one before. Templates are all validated before any file is written.
 */
import { renderMessage, text } from '../core';
import { existsSync } from 'fs';
import * as path from 'path';
import type { Lang } from '../core';
import { missingFacts } from '../core/dossier/facts';
import { generateDossier, zipDossier, ZIP_NAME, type TemplateSet } from '../docx/generate';
import type { TemplateId } from '../core/dossier/model';
import { prepareDossier } from '../core/dossier/prepare';
import { TEMPLATE_FILES } from '../core/dossier/tags';
import { cleanedLines, renamedLines, fail, inputsOf, readCall, writeFailed } from './call';
import type { CliIO } from './io';
import type { Loaded } from './load';
import { loadPrepareInputs, preparedFailure } from './prepareInputs';
import { pdfsOf, type PdfBytesOutcome, type PdfFile } from './pdf';
import { writeOwnedFiles } from './dossierManifest';
import { safeWriteFile } from './safeWrite';
import { readBounded } from './jsonLimits';

/** The default templates shipped in templates/ (build/src/cli → repository root). */
export const DEFAULT_TEMPLATES_DIR = path.resolve(__dirname, '..', '..', '..', 'templates');



/** A template's largest size (a real one, pictures and all, is a few hundred kilobytes). */
export const TEMPLATE_MAX_BYTES = 32 * 1024 * 1024;

/** The templates (`files`: every file read, the shipped ones included: an output is never one of them). */
export async function loadTemplates(dir: string | undefined, lang: Lang): Promise<Loaded<{ set: TemplateSet; custom: string[]; files: string[] }>> {
  const t = text(lang).cliDossier;
  const set = {} as TemplateSet;
  const custom: string[] = [];
  const files: string[] = [];
  if (dir && !existsSync(dir)) return { ok: false, exitCode: 1, message: t.templatesDirMissing(dir) };
  for (const [id, name] of Object.entries(TEMPLATE_FILES) as [TemplateId, string][]) {
    const own = dir ? path.join(dir, name) : undefined;
    const file = own && existsSync(own) ? own : path.join(DEFAULT_TEMPLATES_DIR, name);
    if (file === own) custom.push(own);
    try {
      const read = await readBounded(file, TEMPLATE_MAX_BYTES);
      if (!read.ok) return { ok: false, exitCode: 1, message: renderMessage({ code: 'limit.inputFile', params: { path: file, size: read.size, limit: TEMPLATE_MAX_BYTES } }, lang) };
      set[id] = { bytes: read.bytes, file: file === own ? own : name };
      files.push(file);
    } catch (e) {
      return { ok: false, exitCode: 1, message: t.unreadable(file, (e as NodeJS.ErrnoException).code ?? String(e)) };
    }
  }
  if (dir && !custom.length) return { ok: false, exitCode: 1, message: t.templatesDirEmpty(dir, Object.values(TEMPLATE_FILES)) };
  return { ok: true, value: { set, custom, files } };
}

export async function runDossier(argv: string[], io: CliIO): Promise<number> {
  const call = readCall(argv, 'dossier', io, { option: 'out', missing: (lang) => text(lang).cliDossier.missingOut });
  if (!call) return 2;
  const { lang, workbookPath } = call;
  const t = text(lang).cliDossier;
  const out = call.options.get('out')!;
  const loaded = await loadPrepareInputs(call.options, workbookPath, lang);
  if (!loaded.ok) return fail(io, loaded);
  const templates = await loadTemplates(call.options.get('templates'), lang);
  if (!templates.ok) return fail(io, templates);
  const { grid, profilePath } = loaded.value;

  // The workbook's own facts (saved by the add-in) come first; the files given here win.
  const prepared = prepareDossier(grid, loaded.value.options);
  if (!prepared.ok) return fail(io, preparedFailure(prepared, workbookPath, lang, profilePath));
  const { analysis, model, facts } = prepared;
  const generated = generateDossier(model, templates.value.set, lang);
  if (!generated.ok) {
    io.err([t.templatesInvalid, ...generated.problems.map((p) => `  - ${p.message}`), t.nothingWritten].join('\n'));
    return 1;
  }

  const zipTarget = call.flags.has('zip') ? (out.toLowerCase().endsWith('.zip') ? out : path.join(out, ZIP_NAME)) : null;
  const inputs = [...inputsOf(call), ...templates.value.files];
  let kept: string[] = [];
  let pdfLines: string[] = [];
  const renamed: { path: string; kept: string }[] = [];
  try {
    // --pdf: converted first, in a private folder (nothing of the user's is touched yet), then
    // written with the documents in one go — one zip, or one set of files and one manifest. Every
    // target is checked before anything is written; what an earlier run wrote and this one does
    // not rewrite is removed — only if it is ours (manifest).
    let pdfs: PdfFile[] = [];
    if (call.flags.has('pdf')) {
      const r = await pdfsOf(generated.files);
      pdfLines = pdfReport(r, lang);
      if (r.ok || r.reason === 'failed') pdfs = r.pdfs;
    }
    if (zipTarget) await safeWriteFile(zipTarget, zipDossier([...generated.files, ...pdfs.map((p) => ({ ...p, title: 'PDF' }))]), { inputs });
    else kept = await writeOwnedFiles(out, 'dossier', [...generated.files, ...pdfs], { inputs, mode: 'replace', renamed });
  } catch (e) {
    return writeFailed(io, e, zipTarget ?? out, t.cannotWrite, lang);
  }

  const lines = [t.written(generated.files.length, zipTarget ?? out)];
  for (const f of generated.files) lines.push(`  ${f.path}  — ${f.title}`);
  for (const p of model.proposed) {
    const award = analysis.profile.awards.find((a) => a.id === p.awardId);
    lines.push(t.proposed(p.label ?? award?.label ?? p.awardId, p.collective, p.individual));
  }
  lines.push(t.legalFrame(model.frame.name, model.frame.reportFormLabel));
  if (generated.formVersion) lines.push(t.formVersion(generated.formVersion));
  if (templates.value.custom.length) lines.push(t.customTemplates(templates.value.custom));
  for (const w of model.warnings) lines.push(`! ${w}`);
  const missing = missingFacts(facts);
  if (missing.length) lines.push(t.missingFacts(missing));
  lines.push(...pdfLines);
  lines.push(...cleanedLines(generated.files, lang));
  lines.push(...renamedLines(renamed, lang));
  if (kept.length) lines.push(t.keptChanged(kept));
  lines.push(t.twoCopies);
  io.out(lines.join('\n'));
  return 0;
}

/** What --pdf did, in the user's words. */
function pdfReport(r: PdfBytesOutcome, lang: Lang): string[] {
  const t = text(lang).cliDossier;
  if (r.ok) return [t.pdfWritten(r.pdfs.length)];
  return r.reason === 'notInstalled' ? [`! ${t.pdfNotInstalled}`] : [`! ${t.pdfFailed(r.detail, r.pdfs.length)}`];
}




