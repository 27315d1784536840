/**
 * Files in and out of the pane: the default templates (copied next to the page by the build and
 * fetched from the same origin — no request leaves the add-in's host), Blob downloads, and the
 * base64 text offered where downloads do not work (Excel for Mac).
 */
import type { TemplateId } from '../../core/dossier/model';
import { TEMPLATE_FILES } from '../../core/dossier/tags';
import { downloadsDropped } from '../platform';

export const TEMPLATE_IDS = Object.keys(TEMPLATE_FILES) as TemplateId[];

export interface PaneTemplate {
  bytes: Uint8Array;
  file: string;
}

/** The build copies templates/*.docx to templates/ beside taskpane.html. */
export async function fetchDefaultTemplate(id: TemplateId): Promise<PaneTemplate> {
  const file = TEMPLATE_FILES[id];
  // The offline page carries its templates inside itself (opened from disk, it fetches nothing).
  const inlined = typeof __TEMPLATE_DATA__ !== 'undefined' ? __TEMPLATE_DATA__[file] : undefined;
  if (inlined !== undefined) return { bytes: fromBase64(inlined), file };
  // Content-hashed in production (a new template is a new URL), so the browser cache may keep it.
  const hashed = typeof __TEMPLATE_URLS__ !== 'undefined' ? __TEMPLATE_URLS__[file] : undefined;
  const url = new URL(hashed ?? `templates/${file}`, document.baseURI).href;
  const res = await fetch(url, hashed ? {} : { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return { bytes: new Uint8Array(await res.arrayBuffer()), file };
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ZIP_TYPE = 'application/zip';

/** Object URLs made for the current dossier, revoked when the next one replaces it. */
export class DownloadUrls {
  private urls: string[] = [];

  make(bytes: Uint8Array, type: string): string {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
    this.urls.push(url);
    return url;
  }

  revokeAll(): void {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
  }
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Base64 of bytes, in slices (String.fromCharCode on 300 KB at once overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Excel for Mac's and iPad's web views drop Blob downloads silently (addin.md; office-js #471, #2700). */
export function needsSavePage(): boolean {
  return downloadsDropped();
}

/** The same question under its former name. */
export function isMac(): boolean {
  return downloadsDropped();
}

/** The save page beside the pane (luu-tep.html), absolute: the system browser opens it. */
export function savePageHref(lang: string): string {
  return new URL(`luu-tep.html${lang === 'en' ? '?lang=en' : ''}`, document.baseURI).href;
}

/**
 * Opens the save page in the system browser (OpenBrowserWindowApi 1.1, on Mac and iPad): it only
 * takes https URLs — our own page is one; a data: or blob: URL is refused (office-js #2870).
 * Returns false when the API is missing (the pane then offers the link).
 */
export function openSavePage(lang: string): boolean {
  try {
    if (!Office.context.requirements.isSetSupported('OpenBrowserWindowApi', '1.1')) return false;
    Office.context.ui.openBrowserWindow(savePageHref(lang));
    return true;
  } catch {
    return false;
  }
}

/** The file name of a dossier path, for the download attribute ("03-…/01-x.docx" → "01-x.docx"). */
export function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}
