/**
 * File names of the dossier (dossier.md): ASCII-safe (diacritics folded, "đ" → "d"), sorted as
 * listed — 01 Tờ trình per award, 02 Biên bản, 03 one Báo cáo per proposed candidate.
 */
import { fold } from '..';

export const REPORTS_FOLDER = '03-bao-cao-thanh-tich';
export const MINUTES_FILE = '02-bien-ban-hop-xet.docx';

/** "Phòng Tài nguyên & Môi trường" → "phong-tai-nguyen-moi-truong"; never empty, at most 60 chars. */
export function slug(text: string): string {
  const s = fold(text.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return s || 'khong-ten';
}

export interface DossierFileNames {
  submissions: string[];
  minutes: string;
  reports: string[];
}

export function dossierFileNames(awardIds: string[], reportNames: string[]): DossierFileNames {
  const width = Math.max(2, String(reportNames.length).length);
  const used = new Set<string>();
  const reports = reportNames.map((name, i) => {
    const base = `${String(i + 1).padStart(width, '0')}-${slug(name)}`;
    let file = `${base}.docx`;
    for (let k = 2; used.has(file); k++) file = `${base}-${k}.docx`;
    used.add(file);
    return `${REPORTS_FOLDER}/${file}`;
  });
  return {
    submissions: awardIds.map((id) => `01-to-trinh-${slug(id)}.docx`),
    minutes: MINUTES_FILE,
    reports,
  };
}
