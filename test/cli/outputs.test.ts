/**
 * Every file the CLI writes goes through safeWrite (src/cli/safeWrite.ts) and, in a folder of ours,
 * is listed in the manifest (src/cli/dossierManifest.ts): `decision`, `certificates` and the PDFs
 * of `dossier --pdf` are never the input (a symlink to it), never a folder, and a rerun removes only
 * our own unchanged files — never a user's file of the same name pattern, nor another command's.
 */
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { sha256 } from '../../src/cli/dossierManifest';
import { expectNoStack, ROOT, SAMPLE, thidua } from './run';

const FACTS = path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json');
const DECISION = 'quyet-dinh-giay-khen-thi-xa.docx';
// The decision comes with the accountant's danh sách chi tiền thưởng, both listed as the decision's.
const DECISION_FILES = ['danh-sach-chi-tien-thuong-giay-khen-thi-xa.docx', DECISION];
const MANIFEST = '.thidua-ho-so.json';

interface Entry {
  path: string;
  sha256: string;
  size: number;
  by?: string;
}
const manifest = (dir: string): Entry[] => JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')).files;
const listed = (dir: string, by: string) => manifest(dir).filter((e) => (e.by ?? 'dossier') === by).map((e) => e.path).sort();
/** What a temporary file of ours would look like, left behind. */
const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('every file the CLI writes goes through safeWrite', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-outputs-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // The workbook the commands read: a copy, so that a wrong write would show.
  const input = path.join(work, 'so-lieu.xlsx');
  copyFileSync(SAMPLE, input);
  const original = readFileSync(input);

  it('decision: an output that is the input through a symlink is refused before anything is written', () => {
    const out = path.join(work, 'qd-link');
    mkdirSync(out);
    symlinkSync(input, path.join(out, DECISION));
    const r = thidua(['decision', input, '--out', out, '--facts', FACTS]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đó chính là tệp đầu vào');
    expect(readFileSync(input).equals(original)).toBe(true);
    expect(readdirSync(out)).toEqual([DECISION]);
    expect(lstatSync(path.join(out, DECISION)).isSymbolicLink()).toBe(true);
  });

  it('decision: an output that is a folder is refused in words (vi / en), nothing left behind', () => {
    const out = path.join(work, 'qd-dir');
    mkdirSync(path.join(out, DECISION), { recursive: true });
    const r = thidua(['decision', input, '--out', out, '--facts', FACTS]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đây là một thư mục, không phải tệp (EISDIR)');
    const en = thidua(['decision', input, '--out', out, '--facts', FACTS, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('this is a folder, not a file (EISDIR)');
    expect(readdirSync(out)).toEqual([DECISION]);
    expect(readdirSync(path.join(out, DECISION))).toEqual([]);
  });

  it('decision: a rerun removes our earlier decision it does not rewrite, keeps an edited one and the user’s own “quyet-dinh-…” file, and the dossier’s entries', () => {
    const out = path.join(work, 'ho-so');
    expect(thidua(['dossier', input, '--out', out, '--facts', FACTS]).code).toBe(0);
    const dossierFiles = listed(out, 'dossier');
    expect(dossierFiles).toHaveLength(21);
    const first = thidua(['decision', input, '--out', out, '--facts', FACTS]);
    expectNoStack(first);
    expect(first.code).toBe(0);
    expect(listed(out, 'decision')).toEqual(DECISION_FILES);
    expect(listed(out, 'dossier')).toEqual(dossierFiles);
    // An earlier run's decision for an award no longer proposed (ours, unchanged), one the clerk
    // has edited since, and the clerk's own file named like ours.
    const stale = 'quyet-dinh-bang-khen-tinh.docx';
    const edited = 'quyet-dinh-chien-si-thi-dua.docx';
    writeFileSync(path.join(out, stale), 'QĐ cũ');
    writeFileSync(path.join(out, edited), 'QĐ cũ khác');
    const m = JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8'));
    for (const f of [stale, edited]) m.files.push({ path: f, sha256: sha256(readFileSync(path.join(out, f))), size: readFileSync(path.join(out, f)).length, by: 'decision' });
    writeFileSync(path.join(out, MANIFEST), JSON.stringify(m));
    writeFileSync(path.join(out, edited), 'QĐ cũ khác — đã sửa tay');
    writeFileSync(path.join(out, 'quyet-dinh-cua-toi.docx'), 'của tôi');

    const r = thidua(['decision', input, '--out', out, '--facts', FACTS]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(out, stale))).toBe(false);
    expect(readFileSync(path.join(out, edited), 'utf8')).toBe('QĐ cũ khác — đã sửa tay');
    expect(readFileSync(path.join(out, 'quyet-dinh-cua-toi.docx'), 'utf8')).toBe('của tôi');
    expect(r.stdout).toContain(`Giữ nguyên 1 tệp của lần chạy trước đã được sửa sau khi tạo (không xóa): ${edited}`);
    expect(listed(out, 'decision')).toEqual(DECISION_FILES);
    // The dossier's files: untouched by the decision, still listed as the dossier's.
    expect(listed(out, 'dossier')).toEqual(dossierFiles);
    for (const f of dossierFiles) expect(existsSync(path.join(out, f))).toBe(true);
    // And a dossier rerun leaves the decision alone.
    expect(thidua(['dossier', input, '--out', out, '--facts', FACTS]).code).toBe(0);
    expect(existsSync(path.join(out, DECISION))).toBe(true);
    expect(listed(out, 'decision')).toEqual(DECISION_FILES);
    expect(temps(out)).toEqual([]);
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it('certificates: the input through a symlink, or a folder, is refused in words; into a dossier folder it is listed and survives the dossier’s rerun', () => {
    const link = path.join(work, 'giay-khen-link.docx');
    symlinkSync(input, link);
    const r = thidua(['certificates', input, '--out', link, '--facts', FACTS]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đó chính là tệp đầu vào');
    expect(readFileSync(input).equals(original)).toBe(true);

    const dir = path.join(work, 'gk.docx');
    mkdirSync(dir);
    const d = thidua(['certificates', input, '--out', dir, '--facts', FACTS, '--lang', 'en']);
    // "gk.docx" names a file: the folder of that name is refused, not written into.
    expect(d.code).toBe(1);
    expect(d.stderr).toContain('this is a folder, not a file (EISDIR)');
    expect(readdirSync(dir)).toEqual([]);

    // A plain file elsewhere: no manifest is created beside it.
    const plain = path.join(work, 'rieng', 'giay-khen-2022.docx');
    expect(thidua(['certificates', input, '--out', plain, '--facts', FACTS]).code).toBe(0);
    expect(readdirSync(path.dirname(plain))).toEqual(['giay-khen-2022.docx']);

    const out = path.join(work, 'ho-so-gk');
    expect(thidua(['dossier', input, '--out', out, '--facts', FACTS]).code).toBe(0);
    const c = thidua(['certificates', input, '--out', out, '--facts', FACTS]);
    expectNoStack(c);
    expect(c.code).toBe(0);
    expect(listed(out, 'certificates')).toEqual(['giay-khen.docx']);
    expect(listed(out, 'dossier')).toHaveLength(21);
    expect(thidua(['dossier', input, '--out', out, '--facts', FACTS]).code).toBe(0);
    expect(existsSync(path.join(out, 'giay-khen.docx'))).toBe(true);
    expect(listed(out, 'certificates')).toEqual(['giay-khen.docx']);
  });

  describe('dossier --pdf: LibreOffice converts in a private folder; the PDFs are written like the .docx', () => {
    // A stand-in for soffice that converts by copying, and says where it was asked to write.
    const bin = path.join(work, 'bin');
    const fake = path.join(bin, 'soffice');
    const log = path.join(work, 'soffice-outdir.txt');
    beforeAll(() => {
      mkdirSync(bin, { recursive: true });
      writeFileSync(
        fake,
        `#!/bin/sh\nout=""\nwhile [ $# -gt 0 ]; do\n  case "$1" in\n    --outdir) out="$2"; shift;;\n    *.docx) printf '%s\\n' "$out" >> "${log}"; n=$(basename "$1" .docx); cp "$1" "$out/$n.pdf";;\n  esac\n  shift\ndone\n`,
      );
      chmodSync(fake, 0o755);
    });

    it('a user’s PDF named like ours that is the input (a symlink) is refused before anything is written', () => {
      const out = path.join(work, 'pdf-link');
      mkdirSync(out);
      symlinkSync(input, path.join(out, '02-bien-ban-hop-xet.pdf'));
      const r = thidua(['dossier', input, '--out', out, '--facts', FACTS, '--pdf'], ROOT, { THIDUA_SOFFICE: fake });
      expectNoStack(r);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('đó chính là tệp đầu vào');
      expect(readdirSync(out)).toEqual(['02-bien-ban-hop-xet.pdf']);
      expect(readFileSync(input).equals(original)).toBe(true);
    });

    it('the PDFs are listed in the manifest; LibreOffice never wrote into the dossier folder; a rerun without --pdf removes ours, not the user’s', () => {
      const out = path.join(work, 'pdf');
      mkdirSync(out);
      writeFileSync(path.join(out, '01-to-trinh-cua-toi.pdf'), 'của tôi');
      rmSync(log, { force: true });
      const r = thidua(['dossier', input, '--out', out, '--facts', FACTS, '--pdf'], ROOT, { THIDUA_SOFFICE: fake });
      expectNoStack(r);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Đã xuất 21 tệp PDF');
      const pdfs = listed(out, 'dossier').filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(21);
      expect(readFileSync(path.join(out, '02-bien-ban-hop-xet.pdf')).equals(readFileSync(path.join(out, '02-bien-ban-hop-xet.docx')))).toBe(true);
      const outdirs = new Set(readFileSync(log, 'utf8').trim().split('\n'));
      for (const d of outdirs) {
        expect(path.resolve(d).startsWith(path.resolve(out))).toBe(false);
        expect(existsSync(d)).toBe(false); // the private folder is gone
      }
      expect(temps(out)).toEqual([]);

      const again = thidua(['dossier', input, '--out', out, '--facts', FACTS]);
      expect(again.code).toBe(0);
      expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toEqual(['01-to-trinh-cua-toi.pdf']);
      expect(readdirSync(path.join(out, '03-bao-cao-thanh-tich')).filter((f) => f.endsWith('.pdf'))).toEqual([]);
      expect(listed(out, 'dossier').filter((f) => f.endsWith('.pdf'))).toEqual([]);
    });
  });
});
