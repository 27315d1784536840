/**
 * Rendering with docxtemplater + pizzip (no fs, no DOM: the CLI and the task pane share it).
 * A template is validated before anything is rendered: every broken or unknown tag is listed in
 * plain words. Values are data, never template code: no expression parser is enabled, so a name
 * containing "{", "<", "&" or quotes prints literally.
 */
import Docxtemplater, { type DXT } from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { type Lang, editDistance, text, type TagErrorId } from '../core';
import { BLANK } from '../core/dossier/dates';
import { cleanXmlData, type Cleaned } from '../core';
import type { TemplateId } from '../core/dossier/model';
import { allowedTagNames, FORM_VERSION_PROPERTY, TEMPLATE_FILES } from '../core/dossier/tags';

export type Bytes = Uint8Array | ArrayBuffer;

/** Zip entries of every generated file get this date, so the same input gives the same bytes. */
export const OUTPUT_DATE = new Date(Date.UTC(2022, 0, 1, 0, 0, 0));

export interface TemplateProblem {
  /** The template file as the user knows it ("to-trinh.docx"). */
  file: string;
  /** The tag as written, when there is one. */
  tag: string | null;
  message: string;
}

function partName(part: string | undefined, lang: Lang): string {
  const P = text(lang).documents.part;
  if (!part) return P.document;
  if (part === 'word/document.xml') return P.body;
  if (/header/.test(part)) return P.header;
  if (/footer/.test(part)) return P.footer;
  return part;
}

interface DxtError {
  properties?: {
    id?: string;
    xtag?: string;
    openingtag?: string;
    closingtag?: string;
    file?: string;
    explanation?: string;
    errors?: DxtError[];
  };
  message?: string;
}

function describe(e: DxtError, file: string, lang: Lang): TemplateProblem {
  const p = e.properties ?? {};
  const tag = p.xtag ?? p.closingtag ?? null;
  const D = text(lang).documents;
  const explain = p.id && Object.prototype.hasOwnProperty.call(D.tagError, p.id) ? D.tagError[p.id as TagErrorId] : undefined;
  const shown = p.openingtag !== undefined && p.closingtag !== undefined ? `{#${p.openingtag}} … {/${p.closingtag}}` : tag ?? '';
  const where = partName(p.file, lang);
  const what = explain ? explain(shown) : D.invalidTag(tag, p.explanation ?? e.message ?? p.id);
  return { file, tag, message: D.problem(file, where, what) };
}

function openZip(bytes: Bytes, file: string, lang: Lang): { ok: true; zip: PizZip } | { ok: false; problem: TemplateProblem } {
  try {
    const zip = new PizZip(bytes);
    if (!zip.file('word/document.xml')) throw new Error('no word/document.xml');
    return { ok: true, zip };
  } catch {
    return {
      ok: false,
      problem: {
        file,
        tag: null,
        message: text(lang).documents.notDocx(file),
      },
    };
  }
}

const OPTIONS = {
  paragraphLoop: true,
  linebreaks: true,
  errorLogging: false,
  // A missing value prints as the dotted blank; a missing loop/condition renders nothing.
  nullGetter(part: { module?: string; value?: string }) {
    return part.module ? '' : BLANK;
  },
};

function compile(zip: PizZip, modules: unknown[] = []): Docxtemplater {
  return new Docxtemplater(zip, { ...OPTIONS, modules } as unknown as DXT.ConstructorOptions);
}

function flattenTags(tags: Record<string, unknown>, out: string[] = []): string[] {
  for (const [k, v] of Object.entries(tags)) {
    out.push(k);
    if (v && typeof v === 'object') flattenTags(v as Record<string, unknown>, out);
  }
  return out;
}

/**
 * Every problem of a template, or none: syntax errors first (all of them, as docxtemplater
 * collects them), then tags this template does not know, with the nearest known tag.
 */
export function validateTemplate(bytes: Bytes, template: TemplateId, file = TEMPLATE_FILES[template], lang: Lang = 'vi'): TemplateProblem[] {
  const opened = openZip(bytes, file, lang);
  if (!opened.ok) return [opened.problem];
  const inspect = new InspectModule();
  try {
    compile(opened.zip, [inspect]);
  } catch (e) {
    const err = e as DxtError;
    const list = err.properties?.errors?.length ? err.properties.errors : [err];
    return list.map((x) => describe(x, file, lang));
  }
  const allowed = allowedTagNames(template);
  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  for (const tag of flattenTags(inspect.getAllTags())) {
    if (allowed.has(tag) || seen.has(tag)) continue;
    seen.add(tag);
    let best = '';
    let bestD = 3;
    for (const a of allowed) {
      const d = editDistance(tag.toLowerCase(), a.toLowerCase(), bestD);
      if (d < bestD) [best, bestD] = [a, d];
    }
    problems.push({ file, tag, message: text(lang).documents.unknownTag(file, tag, best) });
  }
  return problems;
}

/** The form version a template declares (custom property), e.g. "Mẫu số 07 - … Nghị định số 91/2017/NĐ-CP". */
export function formVersionOf(bytes: Bytes): string | null {
  try {
    const xml = new PizZip(bytes).file('docProps/custom.xml')?.asText();
    if (!xml) return null;
    const m = new RegExp(`name="${FORM_VERSION_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(xml);
    return m ? m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') : null;
  } catch {
    return null;
  }
}

/** Fixed zip dates: the same input gives the same bytes. */
export function stableZipBytes(zip: PizZip): Uint8Array {
  for (const f of Object.values(zip.files)) (f as { date: Date }).date = OUTPUT_DATE;
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Renders one document; the template must have passed validateTemplate. */
export function renderDocument(bytes: Bytes, data: Record<string, unknown>): Uint8Array {
  return renderCleaned(bytes, data).bytes;
}

/**
 * Renders one document from data cleaned of the characters XML forbids (src/core/xmlText.ts):
 * never a document Word cannot open. `cleaned`: where characters were removed, for the warning.
 */
export function renderCleaned(bytes: Bytes, data: Record<string, unknown>): { bytes: Uint8Array; cleaned: Cleaned[] } {
  const clean = cleanXmlData(data);
  const doc = compile(new PizZip(bytes));
  doc.render(clean.data);
  return { bytes: stableZipBytes(doc.getZip()), cleaned: clean.cleaned };
}
