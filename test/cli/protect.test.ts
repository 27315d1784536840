/**
 * Every input of a command is protected as the workbook is (facts, meeting, profile, layout,
 * templates — through links too); output paths never go through a link out of the output folder;
 * a document the user edited under our name is kept; a killed run's temporary files are cleaned by
 * the next run; the manifest survives a failed run; a reader that goes away (`| head`) is no error;
 * characters XML forbids never reach a document, and the user is told.
 */
import { spawn } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import PizZip from 'pizzip';
import { MANIFEST_NAME, sha256, writeOwnedFiles } from '../../src/cli/dossierManifest';
import { removeStaleTemps } from '../../src/cli/safeWrite';
import { expectNoStack, ROOT, SAMPLE, thidua } from './run';

const FACTS = path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json');
const MEETING = path.join(ROOT, 'templates', 'cuoc-hop-mau.json');
const DECISION = 'quyet-dinh-giay-khen-thi-xa.docx';
const manifest = (dir: string): { path: string; sha256: string; size: number; by?: string }[] => JSON.parse(readFileSync(path.join(dir, MANIFEST_NAME), 'utf8')).files;

const work = mkdtempSync(path.join(tmpdir(), 'thidua-protect-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const input = path.join(work, 'so-lieu.xlsx');
copyFileSync(SAMPLE, input);
let n = 0;
/** A fresh folder with copies of the facts and the meeting. */
function fresh(): { dir: string; facts: string; meeting: string } {
  const dir = path.join(work, `t${++n}`);
  mkdirSync(dir);
  const facts = path.join(dir, 'facts.json');
  const meeting = path.join(dir, 'meeting.json');
  copyFileSync(FACTS, facts);
  copyFileSync(MEETING, meeting);
  return { dir, facts, meeting };
}

describe('every input is protected, through links too', () => {
  it('record --annotate onto the facts or the meeting through a link: refused, the file unchanged', () => {
    const { dir, facts, meeting } = fresh();
    for (const target of [facts, meeting]) {
      const before = readFileSync(target);
      const link = path.join(dir, `copy-${path.basename(target)}.xlsx`);
      symlinkSync(target, link);
      const r = thidua(['record', input, '--facts', facts, '--meeting', meeting, '--annotate', link]);
      expectNoStack(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('đó chính là tệp đầu vào');
      expect(readFileSync(target).equals(before)).toBe(true);
    }
  });

  it('check --annotate onto the profile or the meeting through a link: refused', () => {
    const { dir, meeting } = fresh();
    const profile = path.join(dir, 'profile.json');
    writeFileSync(profile, '{}');
    for (const [option, target] of [['--profile', profile], ['--meeting', meeting]]) {
      const link = path.join(dir, `annotated-${path.basename(target)}.xlsx`);
      symlinkSync(target, link);
      const before = readFileSync(target);
      const r = thidua(['check', input, option, target, '--annotate', link]);
      expectNoStack(r);
      expect(r.code).toBe(2);
      expect(readFileSync(target).equals(before)).toBe(true);
    }
  });

  it('ballots into a folder where the ballot is a link to the meeting: refused, the meeting unchanged; a ballot the user edited is kept aside and said', () => {
    const { dir, meeting } = fresh();
    const out = path.join(dir, 'phieu');
    mkdirSync(out);
    symlinkSync(meeting, path.join(out, 'phieu-bau.docx'));
    const before = readFileSync(meeting);
    const r = thidua(['ballots', input, '--meeting', meeting, '--out', out]);
    expectNoStack(r);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('đó chính là tệp đầu vào');
    expect(readFileSync(meeting).equals(before)).toBe(true);

    const out2 = path.join(dir, 'phieu2');
    expect(thidua(['ballots', input, '--meeting', meeting, '--out', out2]).code).toBe(0);
    writeFileSync(path.join(out2, 'phieu-bau.docx'), 'sửa tay');
    const again = thidua(['ballots', input, '--meeting', meeting, '--out', out2]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/phieu-bau.*\(đã sửa\)/);
    expect(readdirSync(out2).some((f) => /\(đã sửa\)/.test(f))).toBe(true);
  });

  it('certificates --out onto its --layout through a link: refused', () => {
    const { dir, facts } = fresh();
    const layout = path.join(dir, 'layout.json');
    writeFileSync(layout, '{}');
    const link = path.join(dir, 'gk.docx');
    symlinkSync(layout, link);
    const r = thidua(['certificates', input, '--facts', facts, '--layout', layout, '--out', link]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(readFileSync(layout, 'utf8')).toBe('{}');
  });

  it('decision --out whose file links to a template: refused, the template unchanged', () => {
    const { dir, facts } = fresh();
    const templates = path.join(dir, 'mau');
    mkdirSync(templates);
    const template = path.join(templates, 'quyet-dinh.docx');
    copyFileSync(path.join(ROOT, 'templates', 'quyet-dinh.docx'), template);
    const before = readFileSync(template);
    const out = path.join(dir, 'qd');
    mkdirSync(out);
    symlinkSync(template, path.join(out, DECISION));
    const r = thidua(['decision', input, '--out', out, '--facts', facts, '--templates', templates]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đó chính là tệp đầu vào');
    expect(readFileSync(template).equals(before)).toBe(true);
  });
});

describe('output paths stay in the output folder', () => {
  it('a manifest entry under a folder linked elsewhere: a rerun never deletes the file out there', () => {
    const { dir, facts } = fresh();
    const out = path.join(dir, 'ho-so');
    expect(thidua(['decision', input, '--out', out, '--facts', facts]).code).toBe(0);
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const victim = path.join(elsewhere, 'quyet-dinh-cu.docx');
    writeFileSync(victim, 'not ours');
    symlinkSync(elsewhere, path.join(out, 'sub'));
    const m = JSON.parse(readFileSync(path.join(out, MANIFEST_NAME), 'utf8'));
    m.files.push({ path: 'sub/quyet-dinh-cu.docx', sha256: sha256(readFileSync(victim)), size: readFileSync(victim).length, by: 'decision' });
    writeFileSync(path.join(out, MANIFEST_NAME), JSON.stringify(m));
    const r = thidua(['decision', input, '--out', out, '--facts', facts]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('not ours');
  });

  it('an output file of ours under a folder linked out of the output folder: refused in words, nothing written there', async () => {
    const { dir } = fresh();
    const out = path.join(dir, 'out');
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(out, '03-bao-cao'));
    await expect(writeOwnedFiles(out, 'dossier', [{ path: '03-bao-cao/a.docx', bytes: Buffer.from('x') }], { inputs: [], mode: 'replace' })).rejects.toMatchObject({ data: { code: 'write.outsideFolder' } });
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('a document the user edited under our name is kept', () => {
  it('decision rerun: the edited file is renamed aside and said; the user’s own file of our name too', () => {
    const { dir, facts } = fresh();
    const out = path.join(dir, 'qd');
    expect(thidua(['decision', input, '--out', out, '--facts', facts]).code).toBe(0);
    writeFileSync(path.join(out, DECISION), 'đã sửa tay');
    const r = thidua(['decision', input, '--out', out, '--facts', facts]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const aside = 'quyet-dinh-giay-khen-thi-xa (đã sửa).docx';
    expect(readFileSync(path.join(out, aside), 'utf8')).toBe('đã sửa tay');
    expect(r.stdout).toContain(`đổi tên thành "${aside}"`);
    expect(readFileSync(path.join(out, DECISION)).subarray(0, 2).toString()).toBe('PK');
    // An unchanged rerun renames nothing.
    const again = thidua(['decision', input, '--out', out, '--facts', facts]);
    expect(again.stdout).not.toContain('đổi tên');
    expect(readdirSync(out).filter((f) => f.includes('đã sửa'))).toEqual([aside]);

    // A file of our name that was never ours (no manifest): kept too, under the next free name.
    const other = path.join(dir, 'qd2');
    mkdirSync(other);
    writeFileSync(path.join(other, DECISION), 'của tôi');
    writeFileSync(path.join(other, aside), 'cũng của tôi');
    const r2 = thidua(['decision', input, '--out', other, '--facts', facts, '--lang', 'en']);
    expect(r2.code).toBe(0);
    expect(readFileSync(path.join(other, 'quyet-dinh-giay-khen-thi-xa (đã sửa 2).docx'), 'utf8')).toBe('của tôi');
    expect(readFileSync(path.join(other, aside), 'utf8')).toBe('cũng của tôi');
    expect(r2.stdout).toContain('the edited file is kept');
  });
});

describe('what a failed or killed run leaves', () => {
  it('temporary files of a dead process are removed by the next write; a live one’s stay', async () => {
    const { dir } = fresh();
    const dead = path.join(dir, `.${DECISION}.2147483646-1.tmp`);
    const live = path.join(dir, `.${DECISION}.${process.pid}-99.tmp`);
    const notOurs = path.join(dir, '.ghi-chu.tmp');
    for (const f of [dead, live, notOurs]) writeFileSync(f, 'half');
    await removeStaleTemps(dir);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
    rmSync(live);
    // And through a command's write.
    writeFileSync(dead, 'half');
    expect(thidua(['decision', input, '--out', dir, '--facts', FACTS]).code).toBe(0);
    expect(existsSync(dead)).toBe(false);
  });

  it('a run that fails midway leaves a manifest listing what it did write (so a rerun knows it is ours)', async () => {
    const { dir } = fresh();
    const out = path.join(dir, 'ho-so');
    await writeOwnedFiles(out, 'dossier', [{ path: 'old.docx', bytes: Buffer.from('old') }], { inputs: [], mode: 'replace' });
    // "x" is a file: "x/b.docx" cannot be written (as a full disk would fail the second file).
    writeFileSync(path.join(out, 'x'), 'a file');
    const files = [{ path: 'old.docx', bytes: Buffer.from('old') }, { path: 'a.docx', bytes: Buffer.from('new a') }, { path: 'x/b.docx', bytes: Buffer.from('b') }];
    await expect(writeOwnedFiles(out, 'dossier', files, { inputs: [], mode: 'replace' })).rejects.toBeTruthy();
    expect(manifest(out).map((e) => e.path).sort()).toEqual(['a.docx', 'old.docx']);
    expect(manifest(out).find((e) => e.path === 'a.docx')!.sha256).toBe(sha256(Buffer.from('new a')));
    // The rerun: a.docx is ours, not "edited by the user".
    const renamed: { path: string; kept: string }[] = [];
    rmSync(path.join(out, 'x'));
    await writeOwnedFiles(out, 'dossier', files, { inputs: [], mode: 'replace', renamed });
    expect(renamed).toEqual([]);
  });
});

describe('a reader that goes away', () => {
  it('check with its output closed at once (| head, | true): no EPIPE stack trace, no error', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'thidua.js'), 'check', input], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, THIDUA_DEBUG: '' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code === 0 || code === 1).toBe(true);
  });
});

describe('characters XML forbids', () => {
  /** Every part of a .docx: valid UTF-8 and no character XML 1.0 forbids. */
  function expectValidDocx(file: string): string {
    const zip = new PizZip(readFileSync(file));
    let all = '';
    for (const name of Object.keys(zip.files)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const text = new TextDecoder('utf-8', { fatal: true }).decode(zip.file(name)!.asUint8Array());
      expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uFFFD]/);
      all += text;
    }
    return all;
  }

  function dirtyFacts(dir: string): string {
    const facts = JSON.parse(readFileSync(FACTS, 'utf8'));
    facts.place = 'Ninh\u0001 Hòa\uD800';
    facts.signer.name = 'Trần Thị\u000B Mỹ Hạnh\uFFFE';
    const file = path.join(dir, 'dirty.json');
    writeFileSync(file, JSON.stringify(facts));
    return file;
  }

  it('decision, certificates and dossier: valid documents, the characters removed and said', () => {
    const { dir } = fresh();
    const facts = dirtyFacts(dir);
    const d = thidua(['decision', input, '--out', path.join(dir, 'qd'), '--facts', facts]);
    expectNoStack(d);
    expect(d.code).toBe(0);
    expect(expectValidDocx(path.join(dir, 'qd', DECISION)).includes('Ninh Hòa, ngày 28')).toBe(true);
    expect(d.stdout).toMatch(/đã bỏ \d+ ký tự điều khiển/);

    const c = thidua(['certificates', input, '--out', path.join(dir, 'gk.docx'), '--facts', facts]);
    expectNoStack(c);
    expect(c.code).toBe(0);
    expect(expectValidDocx(path.join(dir, 'gk.docx')).includes('Ninh Hòa')).toBe(true);

    const h = thidua(['dossier', input, '--out', path.join(dir, 'ho-so'), '--facts', facts, '--lang', 'en']);
    expectNoStack(h);
    expect(h.code).toBe(0);
    expect(h.stdout + h.stderr).not.toMatch(/Unexpected error|Lỗi không mong đợi/);
    expect(h.stdout).toMatch(/removed \d+ control character/);
    for (const f of readdirSync(path.join(dir, 'ho-so'), { recursive: true }) as string[]) if (f.endsWith('.docx')) expectValidDocx(path.join(dir, 'ho-so', f));
  });
});
