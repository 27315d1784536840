/** Helpers to look inside generated .docx files and to run the dossier on the sample workbook. */
import { readFileSync } from 'fs';
import * as path from 'path';
import PizZip from 'pizzip';
import { analyze, type Analysis } from '../../src/core/analyze';
import { mergeFacts, parseFacts, type Facts } from '../../src/core/dossier/facts';
import type { TemplateSet } from '../../src/docx/generate';
import type { TemplateId } from '../../src/core/dossier/model';
import { TEMPLATE_FILES } from '../../src/core/dossier/tags';
import { readWorkbookFile } from './readWorkbook';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SAMPLE = path.join(ROOT, 'templates', 'mau-theo-doi-thi-dua-cchc.xlsx');

export function sampleFacts(): Facts {
  const facts = JSON.parse(readFileSync(path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json'), 'utf8')) as Facts;
  facts.meeting = JSON.parse(readFileSync(path.join(ROOT, 'templates', 'cuoc-hop-mau.json'), 'utf8'));
  return facts;
}

/** The sample facts and meeting as the CLI reads them (--facts, then --meeting): validated, merged. */
export function parsedSampleFacts(): Facts {
  const read = (f: string) => JSON.parse(readFileSync(path.join(ROOT, 'templates', f), 'utf8'));
  const a = parseFacts(read('thong-tin-ho-so-mau.json'), 'facts');
  const b = parseFacts(read('cuoc-hop-mau.json'), 'meeting');
  if (!a.ok || !b.ok) throw new Error('the sample facts do not parse');
  return mergeFacts(a.facts, b.facts);
}

export async function analyzeSample(meetingVoters?: number): Promise<Analysis> {
  const read = await readWorkbookFile(SAMPLE);
  if (!read.ok) throw new Error('sample unreadable');
  return analyze(read.grid, { lang: 'vi', meetingVoters });
}

export function defaultTemplates(): TemplateSet {
  const set = {} as TemplateSet;
  for (const [id, file] of Object.entries(TEMPLATE_FILES) as [TemplateId, string][]) {
    set[id] = { bytes: readFileSync(path.join(ROOT, 'templates', file)), file };
  }
  return set;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of word/document.xml, one line per paragraph (line breaks as "\n"). */
export function docxText(bytes: Uint8Array | Buffer): string {
  const xml = new PizZip(bytes).file('word/document.xml')!.asText();
  return xml
    .split('</w:p>')
    .map((para) => decode(para.replace(/<w:br\/>/g, '\n').replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')))
    .join('\n');
}

export function documentXml(bytes: Uint8Array | Buffer): string {
  return new PizZip(bytes).file('word/document.xml')!.asText();
}

/** Replaces text in a template's document.xml (to make broken templates). */
export function editTemplate(bytes: Uint8Array | ArrayBuffer, edit: (xml: string) => string): Buffer {
  const zip = new PizZip(bytes);
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}
