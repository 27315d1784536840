/**
 * `thidua dossier <workbook.xlsx> --out <dir> [--preset id] [--profile p.json] [--facts f.json]
 *  [--meeting m.json] [--templates <dir>] [--zip] [--pdf] [--lang en]` — the award dossier of dossier.md.
 * Facts: what the workbook holds (state key 'facts', written by the add-in), then --facts, then
 * --meeting, each winning over the one before. Templates are all validated before any file is written.
 */
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { type Lang, renderMessage } from '../core';
import { missingFacts, parseFacts, type Facts } from '../dossier/facts';
import { generateDossier, zipDossier, ZIP_NAME, type TemplateSet } from '../dossier/generate';
import type { TemplateId } from '../dossier/model';
import { prepareDossier, type Prepared, type PrepareOptions } from '../dossier/prepare';
import type { Grid } from '../core';
import { TEMPLATE_FILES } from '../dossier/tags';
import { readCall } from './call';
import { dossierText } from './dossierMessages';
import type { CliIO } from './io';
import { checkPresetOption, loadProfileInput, loadWorkbook, profileInputFailure, type Loaded } from './load';
import { pdfsOf, type PdfBytesOutcome } from './pdf';
import { writeOwnedFiles } from './dossierManifest';
import { fsErrorWords, safeWriteFile, SafeWriteError } from './safeWrite';

/** The default templates shipped in templates/ (build/src/cli → repository root). */
export const DEFAULT_TEMPLATES_DIR = path.resolve(__dirname, '..', '..', '..', 'templates');

export async function readJson(file: string, lang: Lang): Promise<Loaded<unknown>> {
  const t = dossierText(lang);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, exitCode: 1, message: t.unreadable(file, (e as NodeJS.ErrnoException).code ?? String(e)) };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { ok: false, exitCode: 1, message: t.notJson(file, (e as Error).message) };
  }
}

export async function loadFactsFile(file: string | undefined, what: 'facts' | 'meeting', lang: Lang): Promise<Loaded<Facts | undefined>> {
  if (!file) return { ok: true, value: undefined };
  const json = await readJson(file, lang);
  if (!json.ok) return json;
  const parsed = parseFacts(json.value, what, lang);
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  - ${p.path}: ${p.message}`);
    return { ok: false, exitCode: 1, message: [dossierText(lang).factsInvalid(file), ...lines].join('\n') };
  }
  return { ok: true, value: parsed.facts };
}

export async function loadTemplates(dir: string | undefined, lang: Lang): Promise<Loaded<{ set: TemplateSet; custom: string[] }>> {
  const t = dossierText(lang);
  const set = {} as TemplateSet;
  const custom: string[] = [];
  if (dir && !existsSync(dir)) return { ok: false, exitCode: 1, message: t.templatesDirMissing(dir) };
  for (const [id, name] of Object.entries(TEMPLATE_FILES) as [TemplateId, string][]) {
    const own = dir ? path.join(dir, name) : undefined;
    const file = own && existsSync(own) ? own : path.join(DEFAULT_TEMPLATES_DIR, name);
    if (file === own) custom.push(own);
    try {
      set[id] = { bytes: await fs.readFile(file), file: file === own ? own : name };
    } catch (e) {
      return { ok: false, exitCode: 1, message: t.unreadable(file, (e as NodeJS.ErrnoException).code ?? String(e)) };
    }
  }
  if (dir && !custom.length) return { ok: false, exitCode: 1, message: t.templatesDirEmpty(dir, Object.values(TEMPLATE_FILES)) };
  return { ok: true, value: { set, custom } };
}

export async function runDossier(argv: string[], io: CliIO): Promise<number> {
  const call = readCall(argv, 'dossier', io, { option: 'out', missing: (lang) => dossierText(lang).missingOut });
  if (!call) return 2;
  const { lang, workbookPath } = call;
  const t = dossierText(lang);
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
  const pdf = call.flags.has('pdf');
  // Every file goes through safeWriteFile: never the workbook, only regular files, temp + rename.
  const inputs = [workbookPath];
  let kept: string[] = [];
  let pdfLines: string[] = [];
  try {
    if (zipTarget) {
      await safeWriteFile(zipTarget, zipDossier(generated.files), { inputs });
      if (pdf) {
        const r = await pdfsOf(generated.files);
        pdfLines = pdfReport(r, lang);
        const pdfs = r.ok || r.reason === 'failed' ? r.pdfs : [];
        if (pdfs.length) await safeWriteFile(zipTarget, zipDossier([...generated.files, ...pdfs.map((p) => ({ ...p, title: 'PDF' }))]), { inputs });
      }
    } else {
      // Every target (the PDFs' too) is checked before anything is written or removed; what an
      // earlier run wrote and this one does not rewrite is removed — only if it is ours (manifest).
      const pdfNames = pdf ? generated.files.map((f) => f.path.replace(/\.docx$/i, '.pdf')) : [];
      kept = await writeOwnedFiles(out, 'dossier', generated.files, { inputs, mode: 'replace', alsoChecked: pdfNames });
      if (pdf) {
        // Converted in a private folder, then written beside the .docx like them, and listed.
        const r = await pdfsOf(generated.files);
        pdfLines = pdfReport(r, lang);
        const pdfs = r.ok || r.reason === 'failed' ? r.pdfs : [];
        if (pdfs.length) await writeOwnedFiles(out, 'dossier', pdfs, { inputs, mode: 'add' });
      }
    }
  } catch (e) {
    if (e instanceof SafeWriteError) io.err(renderMessage(e.data, lang));
    else io.err(t.cannotWrite(zipTarget ?? out, fsErrorWords((e as NodeJS.ErrnoException).code ?? String(e), lang)));
    return 1;
  }

  const lines = [t.written(generated.files.length, zipTarget ?? out)];
  for (const f of generated.files) lines.push(`  ${f.path}  — ${f.title}`);
  for (const p of model.proposed) {
    const award = analysis.profile.awards.find((a) => a.id === p.awardId);
    lines.push(t.proposed(award?.label ?? p.awardId, p.collective, p.individual));
  }
  lines.push(t.legalFrame(model.frame.name, model.frame.reportFormLabel));
  if (generated.formVersion) lines.push(t.formVersion(generated.formVersion));
  if (templates.value.custom.length) lines.push(t.customTemplates(templates.value.custom));
  for (const w of model.warnings) lines.push(`! ${w}`);
  const missing = missingFacts(facts);
  if (missing.length) lines.push(t.missingFacts(missing));
  lines.push(...pdfLines);
  if (kept.length) lines.push(t.keptChanged(kept));
  lines.push(t.twoCopies);
  io.out(lines.join('\n'));
  return 0;
}

/** What --pdf did, in the user's words. */
function pdfReport(r: PdfBytesOutcome, lang: Lang): string[] {
  const t = dossierText(lang);
  if (r.ok) return [t.pdfWritten(r.pdfs.length)];
  return r.reason === 'notInstalled' ? [`! ${t.pdfNotInstalled}`] : [`! ${t.pdfFailed(r.detail, r.pdfs.length)}`];
}

/** Why a document set cannot be prepared, as the CLI says it (exit 1). */
export function preparedFailure(p: Extract<Prepared<unknown>, { ok: false }>, workbookPath: string, lang: Lang, profilePath?: string): { ok: false; exitCode: number; message: string } {
  const t = dossierText(lang);
  if (p.reason === 'profileInvalid') return profileInputFailure(profilePath ?? '--profile', p.problems, lang);
  if (p.reason === 'noTables') return { ok: false, exitCode: 1, message: `${workbookPath}: ${renderMessage({ code: 'workbook.noTables', params: {} }, lang)}` };
  return { ok: false, exitCode: 1, message: [t.savedFactsInvalid, ...p.problems.map((x) => `  - ${x.path}: ${x.message}`), t.nothingWritten].join('\n') };
}

/** What every command that prepares documents reads, in this order, before preparing them. */
export interface PrepareInputs {
  grid: Grid;
  /** The workbook file as read (record patches it). */
  bytes: Uint8Array;
  options: PrepareOptions;
  profilePath: string | undefined;
}

/**
 * --preset, --profile, --facts and --meeting, then the workbook: the same checks and the same first
 * failure for dossier, decision, certificates and record — and the same vote shares, hence the
 * same people named, in all four.
 */
export async function loadPrepareInputs(options: Map<string, string>, workbookPath: string, lang: Lang): Promise<Loaded<PrepareInputs>> {
  const preset = checkPresetOption(options.get('preset'), lang);
  if (!preset.ok) return preset;
  const profilePath = options.get('profile');
  const profile = await loadProfileInput(profilePath, lang);
  if (!profile.ok) return profile;
  const factsFile = await loadFactsFile(options.get('facts'), 'facts', lang);
  if (!factsFile.ok) return factsFile;
  const meetingFile = await loadFactsFile(options.get('meeting'), 'meeting', lang);
  if (!meetingFile.ok) return meetingFile;
  const wb = await loadWorkbook(workbookPath, lang);
  if (!wb.ok) return wb;
  const given = [factsFile.value, meetingFile.value];
  return { ok: true, value: { grid: wb.value.grid, bytes: wb.value.bytes, profilePath, options: { lang, profileInput: profile.value, preset: preset.value, given } } };
}

export function fail(io: CliIO, loaded: { ok: false; exitCode: number; message: string }): number {
  io.err(loaded.message);
  return loaded.exitCode;
}
