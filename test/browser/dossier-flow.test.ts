/**
 * "Tạo hồ sơ" in the production task pane (Chromium and WebKit, strict Excel test host holding the
 * sample workbook): the user fills the facts form (a wrong date is shown next to its field), a
 * template with a broken tag is refused before anything is generated, the dossier is generated and
 * downloaded as a .zip; its documents are read back with pizzip and compared byte for byte with
 * `thidua dossier` run on the same workbook with the facts the pane saved in it. After a reload
 * (the workbook as the host holds it) the form shows the saved facts; on Mac the zip is offered
 * as base64 text that decodes to the same archive.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import PizZip from 'pizzip';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import type { Grid } from '../../src/core/grid';
import { parseFacts, type Facts } from '../../src/core/dossier/facts';
import { ZIP_NAME } from '../../src/docx/generate';
import { ESSENTIAL_FACTS, factsToForm } from '../../src/taskpane/dossier/form';
import { SAMPLE, thidua } from '../cli/run';
import type { WorkbookModel } from '../../tools/excel-host/model';
import { ENGINES, foreignRequests, openBrowser, PANE, type Session, tid } from './support/browser';
import { ARTIFACTS, DIST, ensureHostBundle, ensureProductionBuild, HOST_BUNDLE, ROOT } from './support/build';
import { hostScript, hostScriptForModel, probe } from './support/host';
import { loadSampleGrid } from './support/sample';
import { serveDirectory, type StaticServer } from './support/server';
import { parsedSampleFacts } from '../support/dossier';

const SHOTS = path.join(ARTIFACTS, 'browser');

const sampleFacts = parsedSampleFacts;

/** The JSON the pane saved under the key 'facts' on the hidden state sheet of the host's workbook. */
function savedFactsOf(model: WorkbookModel): unknown {
  const sheet = model.sheets.find((s) => s.name === STATE_SHEET);
  if (!sheet) return undefined;
  for (let row = 1; row < 100; row++) {
    if (sheet.cells[`A${row}`]?.value !== 'facts') continue;
    let text = '';
    for (let col = 1; sheet.cells[`${String.fromCharCode(65 + col)}${row}`]; col++) text += String(sheet.cells[`${String.fromCharCode(65 + col)}${row}`].value);
    return JSON.parse(text);
  }
  return undefined;
}

/** The text of a .docx's body: tags stripped, paragraphs as new lines. */
function docText(bytes: Uint8Array): string {
  const xml = new PizZip(bytes).file('word/document.xml')!.asText();
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

/** templates/to-trinh.docx with its body edited (a broken or unknown tag). */
function editedTemplate(edit: (xml: string) => string): Buffer {
  const zip = new PizZip(fs.readFileSync(path.join(ROOT, 'templates/to-trinh.docx')));
  const xml = zip.file('word/document.xml')!.asText();
  const next = edit(xml);
  if (next === xml) throw new Error('the template edit changed nothing');
  zip.file('word/document.xml', next);
  return zip.generate({ type: 'nodebuffer' });
}

/** Polls until `ok` holds (or time runs out), then returns the value. */
async function eventuallyValue<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

const byVotes = (f: Facts): Facts => ({ ...f, meeting: f.meeting && { ...f.meeting, votes: [...(f.meeting.votes ?? [])].sort((a, b) => a.candidate.localeCompare(b.candidate)) } });

describe.each(ENGINES)('Tạo hồ sơ in %s with the Excel test host', (engine) => {
  let server: StaticServer;
  let browser: Session;
  let grid: Grid;
  let tmp: string;
  const hostBundle = () => fs.readFileSync(HOST_BUNDLE, 'utf8');

  beforeAll(async () => {
    ensureProductionBuild();
    ensureHostBundle();
    fs.mkdirSync(SHOTS, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-dossier-'));
    grid = await loadSampleGrid();
    server = await serveDirectory(DIST);
    browser = await openBrowser(engine, PANE);
    browser.answerOffice({ script: hostScript(grid, hostBundle(), { displayLanguage: 'vi-VN' }) });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const shot = (name: string) => browser.page.screenshot(path.join(SHOTS, `${engine}-${name}.png`), { fullPage: true });

  it('fills the facts, refuses a broken template, generates the dossier equal to the CLI, keeps the facts', async () => {
    const { page } = browser;
    const facts = sampleFacts();
    await page.goto(`${server.origin}/taskpane.html`);
    await page.click('[data-action=dossier]');
    const form = tid('dossier-form');
    await page.waitFor(form);

    // A new workbook: no facts yet, one vote field per eligible candidate (no vote columns).
    expect(await page.value('[data-fact="parentBody"]')).toBe('');
    const voteNames = (await page.attrs('[data-vote]', 'data-vote')) as string[];
    expect(voteNames.sort()).toEqual(facts.meeting!.votes!.map((v) => v.candidate).sort());

    // Required facts first; the others and the votes are folded until opened.
    await expect(page.attrs('[data-group=essentials] [data-fact]', 'data-fact')).resolves.toEqual(ESSENTIAL_FACTS);
    expect(await page.visible('[data-fact="movement"]')).toBe(false);
    // The generate button is in sight at 320 px without scrolling (it sticks to the bottom).
    expect(await page.visible('[data-action=dossier-generate]')).toBe(true);
    const box = await page.box('[data-action=dossier-generate]');
    expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewport().height);
    await page.click('[data-testid=dossier-more] > summary');
    await page.click('[data-testid=dossier-votes] > summary');

    // The user types the sample facts.
    const values = factsToForm(facts, voteNames);
    for (const [id, value] of Object.entries(values.fields)) await page.fill(`[data-fact="${id}"]`, value);
    for (const v of values.votes) await page.fill(`[data-vote="${v.candidate}"]`, v.agree);

    // A wrong date is named next to its field, in Vietnamese; nothing is saved or generated.
    await page.fill('[data-fact="meeting.date"]', '31/02/2022');
    await page.click('[data-action=dossier-generate]');
    await expect(page.text('[data-problem-for="meeting.date"]')).resolves.toBe('Ngày không hợp lệ: ghi theo dạng dd/mm/yyyy (ví dụ 20/12/2022).');
    await expect(page.attr('[data-fact="meeting.date"]', 'aria-invalid')).resolves.toBe('true');
    await shot('dossier-1-date-problem');
    expect(savedFactsOf((await probe(page).dump()) as WorkbookModel)).toBeUndefined();
    await page.fill('[data-fact="meeting.date"]', values.fields['meeting.date']);
    // Correcting the field clears its message and the form's.
    expect(await page.text('[data-problem-for="meeting.date"]')).toBe('');
    expect(await page.count(tid('dossier-problems'))).toBe(0);

    // Broken templates are refused at once, with the tag in plain words; the default stays.
    await page.click('[data-testid=dossier-templates] > summary');
    const toTrinhInput = 'input[data-template=toTrinh]';
    await page.setFiles(toTrinhInput, [{ name: 'to-trinh-hong.docx', mimeType: 'application/octet-stream', buffer: editedTemplate((x) => x.replace('{parentBody}', '{name')) }]);
    const refused = '[data-template-problems=toTrinh] [data-testid=template-refused]';
    await page.waitFor(refused);
    await expect(page.text(refused)).resolves.toContain('Không dùng được mẫu “to-trinh-hong.docx”');
    await expect(page.text(`${refused} li`)).resolves.toMatch(/to-trinh-hong\.docx, thân văn bản: thẻ .*name.*/);
    await page.setFiles(toTrinhInput, [{ name: 'the-la.docx', mimeType: 'application/octet-stream', buffer: editedTemplate((x) => x.replace('{counts}', '{unknownTag}')) }]);
    await page.waitFor({ css: '[data-template-problems=toTrinh] li', hasText: 'unknownTag' });
    await expect(page.texts('[data-template-problems=toTrinh] li')).resolves.toEqual(['the-la.docx: thẻ {unknownTag} không có trong dữ liệu của mẫu này.']);
    await expect(page.text('[data-template-state=toTrinh]')).resolves.toBe('Mẫu mặc định');
    await shot('dossier-2-template-refused');
    expect(await page.text(tid('dossier-result'))).toBe('');
    // A sound template of the user's own is accepted (here: the default's bytes under another name).
    await page.setFiles(toTrinhInput, [{ name: 'mau-cua-toi.docx', mimeType: 'application/octet-stream', buffer: fs.readFileSync(path.join(ROOT, 'templates/to-trinh.docx')) }]);
    await page.waitFor(tid('template-accepted'));
    await expect(page.text('[data-template-state=toTrinh]')).resolves.toBe('Mẫu riêng: mau-cua-toi.docx');

    // Tạo hồ sơ: saved, read, generated, offered — with progress per document on the way.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      const box = document.querySelector('[data-testid=dossier-progress]')!;
      new MutationObserver(() => seen.push(box.textContent ?? '')).observe(box, { childList: true, subtree: true, characterData: true });
    });
    await page.click('[data-action=dossier-generate]');
    const done = tid('dossier-done');
    await page.waitFor(done, { timeout: 30000 });
    await shot('dossier-3-done');
    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(progress).toContain('Đang đọc sổ làm việc…');
    expect(progress).toContain('Đang tạo văn bản 1/21…');
    expect(progress).toContain('Đang tạo văn bản 21/21…');
    expect(await page.text(tid('dossier-progress'))).toBe('');
    await expect(page.text(done)).resolves.toContain('Đã tạo 21 văn bản.');
    await expect(page.text(done)).resolves.toContain('đề nghị 10 tập thể, 9 cá nhân');
    await expect(page.text(tid('two-copies'))).resolves.toContain('Kế hoạch yêu cầu 02 bộ hồ sơ');
    await expect(page.text(tid('dossier-missing'))).resolves.toBe('Đã đủ thông tin văn bản và cuộc họp.');
    expect(await page.count(tid('mac-alternative'))).toBe(0);

    // The facts the pane saved in the workbook are what was typed.
    const saved = parseFacts(savedFactsOf((await probe(page).dump()) as WorkbookModel), 'facts');
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    expect(byVotes(saved.facts)).toEqual(byVotes(facts));

    // The .zip download.
    const download = await page.download('[data-testid=download-zip]');
    expect(download.name).toBe(ZIP_NAME);
    const zipBytes = download.bytes;
    const zip = new PizZip(zipBytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
    expect(names).toHaveLength(21);
    expect(names.filter((n) => n.startsWith('01-to-trinh-'))).toHaveLength(1);
    expect(names).toContain('02-bien-ban-hop-xet.docx');
    expect(names.filter((n) => n.startsWith('03-bao-cao-thanh-tich/'))).toHaveLength(19);
    const toTrinh = docText(zip.file(names.find((n) => n.startsWith('01-to-trinh-'))!)!.asUint8Array());
    expect(toTrinh).toContain('10 tập thể và 9 cá nhân');
    expect(toTrinh).toContain('ngày 20 tháng 12 năm 2022');
    expect(toTrinh).toContain('Số: 245/TTr-NV');
    expect(docText(zip.file('02-bien-ban-hop-xet.docx')!.asUint8Array())).toContain('ngày 15 tháng 12 năm 2022');
    for (const n of names) {
      const text = docText(zip.file(n)!.asUint8Array());
      expect({ n, undefined: text.includes('undefined'), brace: /[{}]/.test(text) }).toEqual({ n, undefined: false, brace: false });
    }

    // One file on its own: the same bytes as in the zip.
    const firstReport = names.find((n) => n.startsWith('03-'))!;
    await page.click('details.download-files summary');
    const one = await page.download(`a[data-path="${firstReport}"]`);
    expect(one.name).toBe(path.basename(firstReport));
    expect(one.bytes.equals(Buffer.from(zip.file(firstReport)!.asUint8Array()))).toBe(true);

    // `thidua dossier` on the same workbook with the facts the pane saved: byte-identical files.
    const factsFile = path.join(tmp, 'facts.json');
    fs.writeFileSync(factsFile, JSON.stringify(saved.facts));
    const cliOut = path.join(tmp, 'cli');
    const cli = thidua(['dossier', SAMPLE, '--out', cliOut, '--facts', factsFile]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    for (const n of names) expect({ n, equal: fs.readFileSync(path.join(cliOut, n)).equals(Buffer.from(zip.file(n)!.asUint8Array())) }).toEqual({ n, equal: true });
    const cliZip = thidua(['dossier', SAMPLE, '--out', path.join(tmp, 'cli-zip'), '--facts', factsFile, '--zip']);
    expect(cliZip.code).toBe(0);
    expect(fs.readFileSync(path.join(tmp, 'cli-zip', ZIP_NAME)).equals(zipBytes)).toBe(true);

    // Reload the pane over the workbook as the host holds it now, this time as Excel for Mac.
    const model = await probe(page).dump();
    browser.answerOffice({ script: hostScriptForModel(model, hostBundle(), { displayLanguage: 'vi-VN', platform: 'Mac' }) });
    await page.reload();
    await page.click('[data-action=dossier]');
    await page.waitFor(form);
    for (const [id, value] of Object.entries(values.fields)) expect({ id, value: await page.value(`[data-fact="${id}"]`) }).toEqual({ id, value });
    await expect(page.value(`[data-vote="Phòng Tư pháp"]`)).resolves.toBe('8');
    // The custom template was for that session only.
    await expect(page.text('[data-template-state=toTrinh]')).resolves.toBe('Mẫu mặc định');

    // On Mac: no Terminal — the file is copied and the system browser opens our save page, where a
    // paste saves the very same archive (the browser can download; the task pane's web view cannot).
    await page.click('[data-action=dossier-generate]');
    await page.waitFor(tid('dossier-done'), { timeout: 30000 });
    const mac = tid('mac-alternative');
    await page.waitFor(mac);
    await shot('dossier-4-mac');
    await expect(page.text(mac)).resolves.toContain('Excel cho Mac và iPad không tải tệp về từ ngăn tác vụ');
    await page.click('[data-action=mac-save]');
    const savePage = `${server.origin}/luu-tep.html`;
    await expect(eventuallyValue(() => probe(page).openedUrls(), (u) => u.length > 0)).resolves.toEqual([savePage]);
    const packet = await page.value(tid('mac-packet'));
    const saver = await browser.newPage();
    await saver.goto(savePage);
    await saver.fill('[data-testid=packet]', packet);
    const saved2 = await saver.download('[data-action=save-file]');
    expect(saved2.name).toBe(ZIP_NAME);
    expect(saved2.bytes.equals(zipBytes)).toBe(true);
    await expect(saver.text(tid('save-status'))).resolves.toContain(`Đã lưu “${ZIP_NAME}”`);
    // Something else pasted is refused in words.
    await saver.fill('[data-testid=packet]', 'hello');
    await saver.click('[data-action=save-file]');
    await expect(saver.text(tid('save-status'))).resolves.toContain('không phải tệp của Thi đua CCHC');
    await saver.close();
    // The Terminal way stays, folded under "Dùng dòng lệnh".
    await expect(page.text(tid('mac-command'))).resolves.toBe(`pbpaste | base64 -D > ~/Downloads/${ZIP_NAME}`);
    expect(await page.visible(tid('mac-command'))).toBe(false);
    const base64 = await page.value(tid('mac-base64'));
    expect(Buffer.from(base64, 'base64').equals(zipBytes)).toBe(true);

    expect(browser.dialogs).toEqual([]);
    expect(await browser.pageErrors()).toEqual([]);
    expect(foreignRequests(browser.requests)).toEqual([]);
    expect(browser.requests.some((u) => u.startsWith(`${server.origin}/templates/`))).toBe(true);
  });

  it('speaks English when Office is not in Vietnamese, problems included', async () => {
    const { page } = browser;
    browser.answerOffice({ script: hostScript(grid, hostBundle(), { displayLanguage: 'en-US' }) });
    await page.reload();
    await page.click('[data-action=dossier]');
    await page.waitFor(tid('dossier-form'));
    await expect(page.text('label[for="fact-meeting-date"]')).resolves.toBe('Meeting date');
    await expect(page.text('[data-action=dossier-generate]')).resolves.toBe('Create the documents');
    await page.click('[data-testid=dossier-more] > summary');
    // What is being typed survives another click on the toolbar's button (which re-reads the workbook).
    await page.fill('[data-fact="place"]', 'Ninh Hòa');
    await page.click('[data-action=dossier]');
    await page.waitFor('[data-testid=status] .progress', { state: 'detached' });
    expect(await page.value('[data-fact="place"]')).toBe('Ninh Hòa');
    await page.fill('[data-fact="place"]', '');
    await page.fill('[data-fact="meeting.membersPresent"]', 'nine');
    await page.click('[data-action=dossier-save]');
    await expect(page.text('[data-problem-for="meeting.membersPresent"]')).resolves.toBe('Must be a whole number, 0 or more (e.g. 9).');
    await expect(page.text(tid('dossier-problems'))).resolves.toContain('1 field to correct; nothing was saved or created.');
    await shot('dossier-5-english-problem');
    expect(savedFactsOf((await probe(page).dump()) as WorkbookModel)).toBeUndefined();

    // With no facts at all the pane asks first, listing the blanks; "anyway" makes the dossier with
    // blanks printed, and the missing facts are listed again.
    await page.fill('[data-fact="meeting.membersPresent"]', '');
    await page.click('[data-action=dossier-generate]');
    const blanks = tid('dossier-blanks');
    await page.waitFor(blanks);
    const asked = await page.attrs(`${blanks} li`, 'data-missing');
    expect(asked[0]).toBe('parentBody');
    expect(asked.length).toBeGreaterThan(10);
    await expect(page.text(`${blanks} strong`)).resolves.toBe(`${asked.length} facts still empty`);
    expect(await page.count(tid('dossier-done'))).toBe(0);
    await shot('dossier-6a-english-blanks');
    await page.click('[data-action=dossier-generate-anyway]');
    await page.waitFor(tid('dossier-done'), { timeout: 30000 });
    await expect(page.text(tid('dossier-done'))).resolves.toContain('21 documents created.');
    await expect(page.text(tid('two-copies'))).resolves.toContain('02 bộ hồ sơ');
    const missing = '[data-testid=dossier-missing] li';
    // The blanks asked about are exactly the blanks the documents print.
    await expect(page.attrs(missing, 'data-missing')).resolves.toEqual(asked);
    await expect(page.text(missing)).resolves.toBe('Parent body');
    await expect(page.texts(missing)).resolves.toContain('Meeting — Place');
    await shot('dossier-6-english-missing');
    const download = await page.download('[data-testid=download-zip]');
    const zip = new PizZip(download.bytes);
    const toTrinh = docText(zip.file(Object.keys(zip.files).find((n) => n.startsWith('01-to-trinh-'))!)!.asUint8Array());
    // No number given: a blank, whatever symbol the preset gives.
    expect(toTrinh).toMatch(/Số: ……\//);
    expect(toTrinh).not.toMatch(/undefined|[{}]/);
    expect(await browser.pageErrors()).toEqual([]);
  });
});
