/**
 * `thidua certificates <workbook.xlsx> --out giay-khen.docx [--layout layout.json] [--paper A3]
 *  [--calibration] [--facts f.json] [--profile p.json] [--lang en]` — one page per awardee to print
 * onto the pre-printed Giấy khen blanks (src/docx/certificates.ts). The layout: --layout, else
 * the one saved in the workbook (state key 'certificateLayout'), else the default.
 * --calibration writes the calibration page (rulers and crosses) instead.
 */
import { text } from '../core';
import * as path from 'path';
import { certificatePages, certificatesDocx, calibrationDocx, CERTIFICATES_FILE } from '../docx/certificates';
import { defaultLayout, parseLayout, type CertificateLayout } from '../core/dossier/certificateLayout';
import { prepare } from '../core/dossier/prepare';
import { cleanedLines, renamedLines, fail, inputsOf, readCall, writeFailed } from './call';
import { cleanXmlData } from '../core';
import { loadPrepareInputs, preparedFailure, readJson } from './prepareInputs';
import type { CliIO } from './io';
import { readManifest, writeOwnedFiles } from './dossierManifest';
import { safeWriteFile } from './safeWrite';

export async function runCertificates(argv: string[], io: CliIO): Promise<number> {
  const call = readCall(argv, 'certificates', io, { option: 'out', missing: (lang) => text(lang).cliAfter.missingOut }, (options) => { const paper = options.get('paper'); return paper !== undefined && paper !== 'A4' && paper !== 'A3' ? `--paper ${paper}` : null; });
  if (!call) return 2;
  const { lang, workbookPath } = call;
  const t = text(lang).cliAfter;
  const outOption = call.options.get('out')!;
  const paper = call.options.get('paper');
  const intoFile = outOption.toLowerCase().endsWith('.docx');
  const out = intoFile ? outOption : path.join(outOption, CERTIFICATES_FILE);

  let layout: CertificateLayout | undefined;
  let layoutSource = '';
  const layoutFile = call.options.get('layout');
  if (layoutFile) {
    const json = await readJson(layoutFile, lang);
    if (!json.ok) return fail(io, json);
    const parsed = parseLayout(json.value, lang);
    if (!parsed.ok) return fail(io, { ok: false, exitCode: 1, message: [t.layoutInvalid(layoutFile), ...parsed.problems.map((p) => `  - ${p.path}: ${p.message}`)].join('\n') });
    layout = parsed.layout;
    layoutSource = layoutFile;
  }
  const loaded = await loadPrepareInputs(call.options, workbookPath, lang);
  if (!loaded.ok) return fail(io, loaded);
  const { grid, profilePath } = loaded.value;
  const prepared = prepare(grid, loaded.value.options);
  if (!prepared.ok) return fail(io, preparedFailure(prepared, workbookPath, lang, profilePath));

  const saved = prepared.analysis.state.certificateLayout;
  if (!layout && saved !== undefined) {
    const parsed = parseLayout(saved, lang);
    if (parsed.ok) {
      layout = parsed.layout;
      layoutSource = t.layoutSaved;
    } else io.err([t.savedLayoutInvalid, ...parsed.problems.map((p) => `  - ${p.path}: ${p.message}`)].join('\n'));
  }
  if (!layout) {
    layout = defaultLayout(paper === 'A3' ? 'A3' : 'A4');
    layoutSource = t.layoutDefault(layout.paper);
  }

  const lines: string[] = [];
  const cleaned: string[] = [];
  let bytes: Uint8Array;
  if (call.flags.has('calibration')) {
    bytes = calibrationDocx(layout);
    lines.push(t.calibrationWritten(out));
  } else {
    // Cleaned of the characters XML forbids (a cell or a fact may hold one), and said where.
    const clean = cleanXmlData(certificatePages(prepared.analysis.result, prepared.analysis.profile, prepared.facts));
    const pages = clean.data;
    cleaned.push(...cleanedLines([{ path: path.basename(out), cleaned: clean.cleaned }], lang));
    if (!pages.length) {
      io.out(t.noAwardees);
      return 0;
    }
    bytes = certificatesDocx(pages, layout);
    lines.push(t.certificatesWritten(pages.length, out));
    const d = prepared.facts.decision;
    if (d?.number === undefined || !d?.date) lines.push(`! ${t.missingFacts}`);
  }
  // Through safeWriteFile (never the workbook, only a regular file or a new path, temp + rename);
  // listed in the folder's manifest when it is one of ours (a dossier or decision folder, or --out a folder).
  const renamed: { path: string; kept: string }[] = [];
  try {
    const dir = path.dirname(out);
    if (!intoFile || (await readManifest(dir))) await writeOwnedFiles(dir, 'certificates', [{ path: path.basename(out), bytes }], { inputs: inputsOf(call), mode: 'add', renamed });
    else await safeWriteFile(out, bytes, { inputs: inputsOf(call) });
  } catch (e) {
    return writeFailed(io, e, out, t.cannotWrite, lang);
  }
  lines.push(t.layoutUsed(layoutSource), ...cleaned);
  lines.push(...renamedLines(renamed, lang));
  io.out(lines.join('\n'));
  return 0;
}
