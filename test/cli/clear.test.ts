/**
 * `thidua clear`: the pane's "Xóa đánh dấu" for a copy. Annotated by `check --annotate`, then
 * cleared: every part of the cleared copy is the original's, byte for byte (our sheets, notes, fills
 * and styles gone; the user's own notes as they were) — on the sample and on office-shaped
 * workbooks (test/fixtures/office: charts, pivot table, macros, users' notes…).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { NOTE_HEAD, STATE_SHEET } from '../../src/core';
import { Workbook } from '../../src/xlsx/patch/workbook';
import { openPackage, type Package } from '../../src/xlsx/package';
import { expectNoStack, ROOT, SAMPLE, thidua } from './run';

const OFFICE = path.join(ROOT, 'test', 'fixtures', 'office');
const names = (p: Package) => p.entries.map((e) => e.name).sort();
const pkg = (file: string) => openPackage(readFileSync(file));

/** Every part of `b` is the part of `a` of the same name, byte for byte, and no part is added or lost. */
function samePackages(a: Package, b: Package): void {
  expect(names(b)).toEqual(names(a));
  for (const part of names(a)) expect([part, Buffer.from(b.read(part)).equals(Buffer.from(a.read(part)))]).toEqual([part, true]);
}

describe('thidua clear', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-clear-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([
    ['the sample', SAMPLE],
    ['office.xlsx (openpyxl: chart, pivot table, image, names, validation, users’ notes)', path.join(OFFICE, 'office.xlsx')],
    ['office.xlsm (macros)', path.join(OFFICE, 'office.xlsm')],
    ['office-lo.xlsx (written by LibreOffice)', path.join(OFFICE, 'office-lo.xlsx')],
    ['office-threaded.xlsx (Excel 365: a threaded comment on a marked cell)', path.join(OFFICE, 'office-threaded.xlsx')],
  ])('%s: annotate, then clear → every part as in the original', (_label, input) => {
    const ext = path.extname(input);
    const base = path.basename(input, ext);
    const annotated = path.join(work, `${base}-da-danh-dau${ext}`);
    const cleared = path.join(work, `${base}-sach${ext}`);
    const a = thidua(['check', input, '--annotate', annotated]);
    expectNoStack(a);
    expect(a.code).toBe(0);
    // The annotation changed the package (else the test would prove nothing).
    expect(names(pkg(annotated))).not.toEqual(names(pkg(input)));
    const before = readFileSync(annotated);
    const r = thidua(['clear', annotated, '--out', cleared]);
    expectNoStack(r);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã xóa đánh dấu: bản sao sạch ghi vào ${cleared}`);
    samePackages(pkg(input), pkg(cleared));
    expect(readFileSync(annotated).equals(before)).toBe(true);
  });

  it('a workbook without our marks: said so, exit 0, nothing written', () => {
    const out = path.join(work, 'khong-co.xlsx');
    const r = thidua(['clear', SAMPLE, '--out', out]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('không có đánh dấu nào của Thi đua CCHC');
    expect(existsSync(out)).toBe(false);
    const en = thidua(['clear', SAMPLE, '--out', out, '--lang', 'en']);
    expect(en.stdout).toContain('holds no marks of Thi đua CCHC: nothing to clear, no file written.');
  });

  it('a copy whose state sheet is gone: our notes and result sheet are still recognised and taken off (not "no marks")', () => {
    const annotated = path.join(work, 'mat-trang-thai.xlsx');
    expect(thidua(['check', SAMPLE, '--annotate', annotated]).code).toBe(0);
    // The very hidden state sheet deleted (by hand, or by a program that drops such sheets).
    const p = pkg(annotated);
    new Workbook(p).removeSheet(STATE_SHEET);
    const lost = path.join(work, 'mat-trang-thai-2.xlsx');
    writeFileSync(lost, Buffer.concat(p.toZip()));
    const sheetsOf = (file: string) => pkg(file).workbook!.sheets.map((x) => x.name);
    expect(sheetsOf(lost)).toContain('Kết quả xét khen thưởng');
    const out = path.join(work, 'mat-trang-thai-sach.xlsx');
    const r = thidua(['clear', lost, '--out', out]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('không có đánh dấu nào');
    expect(sheetsOf(out)).toEqual(sheetsOf(SAMPLE));
    const cleared = pkg(out);
    for (const n of cleared.names()) if (/comments/i.test(n)) expect(cleared.text(n)).not.toContain(NOTE_HEAD);
  });

  it('a damaged backup: said so (not "no marks"), exit 1, nothing written', async () => {
    const annotated = path.join(work, 'hong.xlsx');
    expect(thidua(['check', SAMPLE, '--annotate', annotated]).code).toBe(0);
    // The backup's cell on the state sheet, broken by hand.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotated);
    const state = wb.getWorksheet(STATE_SHEET)!;
    let broken = 0;
    state.eachRow((row) => {
      if (row.getCell(1).value === 'annotationBackup') {
        row.getCell(2).value = '{"version": 3, "cells": [';
        broken++;
      }
    });
    expect(broken).toBe(1);
    const damaged = path.join(work, 'hong-2.xlsx');
    await wb.xlsx.writeFile(damaged);
    const out = path.join(work, 'hong-sach.xlsx');
    const r = thidua(['clear', damaged, '--out', out]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Bản lưu đánh dấu (sheet ${STATE_SHEET}) của "${damaged}" bị hỏng`);
    expect(r.stdout).not.toContain('không có đánh dấu nào');
    expect(existsSync(out)).toBe(false);
  });

  it('wrong calls: exit 2 with the usage; the output is never the input (a symlink to it); the copy keeps the type', () => {
    const annotated = path.join(work, 'lan-hai.xlsx');
    expect(thidua(['check', SAMPLE, '--annotate', annotated]).code).toBe(0);
    const original = readFileSync(annotated);
    const noOut = thidua(['clear', annotated]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('Thiếu --out');
    expect(noOut.stderr).toContain('thidua clear');
    expect(thidua(['clear', annotated, '--out', path.join(work, 'x.xlsx'), 'thua']).code).toBe(2);
    const noWb = thidua(['clear', '--out', path.join(work, 'x.xlsx'), '--lang', 'en']);
    expect([noWb.code, noWb.stderr.split('\n')[0]]).toEqual([2, 'The workbook path (.xlsx) is missing.']);

    const link = path.join(work, 'link.xlsx');
    symlinkSync(annotated, link);
    const same = thidua(['clear', annotated, '--out', link]);
    expectNoStack(same);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('đó chính là tệp đầu vào');
    const sameEn = thidua(['clear', annotated, '--out', link, '--lang', 'en']);
    expect(sameEn.stderr).toContain('it is the input file');
    expect(readFileSync(annotated).equals(original)).toBe(true);

    const xlsm = path.join(work, 'm.xlsm');
    expect(thidua(['check', path.join(OFFICE, 'office.xlsm'), '--annotate', xlsm]).code).toBe(0);
    const wrongType = thidua(['clear', xlsm, '--out', path.join(work, 'm-sach.xlsx')]);
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toContain('.xlsm');
    expect(readdirSync(work).filter((f) => f.startsWith('m-sach') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('a damaged file: exit 1 in words, never a stack', () => {
    const r = thidua(['clear', path.join(ROOT, 'package.json'), '--out', path.join(work, 'y.xlsx')]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(work, 'y.xlsx'))).toBe(false);
  });
});
