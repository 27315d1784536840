/**
 * The save page (luu-tep.html), opened in the system browser by the task pane on Excel for Mac and
 * iPad, where a task pane cannot download files (office-js issues #471, #2700, #3385: the web view
 * drops them silently). The pane copies the file as text (packet.ts); here the user pastes it and
 * the browser — which can download — saves it. Nothing is sent anywhere: the page only decodes.
 */
import { h, replaceChildren } from '../ui/dom';
import { decodePacket, fromBase64 } from './packet';

const TEXT = {
  vi: {
    title: 'Lưu tệp từ Thi đua CCHC',
    intro: 'Ngăn tác vụ Thi đua CCHC đã sao chép tệp vào bộ nhớ tạm. Dán vào ô dưới đây (⌘V, hoặc bấm “Dán”), rồi bấm “Lưu tệp”.',
    paste: 'Dán',
    label: 'Nội dung đã sao chép',
    save: 'Lưu tệp',
    bad: 'Nội dung dán vào không phải tệp của Thi đua CCHC. Quay lại Excel, bấm “Sao chép và mở trang lưu tệp” lần nữa, rồi dán lại.',
    pasteFailed: 'Trình duyệt không cho đọc bộ nhớ tạm: bấm vào ô rồi nhấn ⌘V.',
    done: (name: string, kb: number) => `Đã lưu “${name}” (${kb} KB) vào thư mục Tải về (Downloads).`,
    again: 'Nếu trình duyệt hỏi, chọn “Cho phép” tải về.',
  },
  en: {
    title: 'Save a file from Thi đua CCHC',
    intro: 'The Thi đua CCHC task pane copied the file to the clipboard. Paste it below (⌘V, or click “Paste”), then click “Save the file”.',
    paste: 'Paste',
    label: 'What was copied',
    save: 'Save the file',
    bad: 'What was pasted is not a Thi đua CCHC file. Go back to Excel, click “Copy and open the save page” again, then paste again.',
    pasteFailed: 'The browser does not let the page read the clipboard: click in the box and press ⌘V.',
    done: (name: string, kb: number) => `“${name}” (${kb} KB) was saved in the Downloads folder.`,
    again: 'If the browser asks, choose “Allow” for the download.',
  },
};

function boot(): void {
  const root = document.getElementById('save');
  if (!root) return;
  const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
  const T = TEXT[lang];
  document.documentElement.lang = lang;
  document.title = T.title;
  const box = h('textarea', { attrs: { id: 'packet', rows: 6, spellcheck: 'false', 'data-testid': 'packet' } });
  const status = h('div', { attrs: { role: 'status', 'data-testid': 'save-status' } });
  const save = (): void => {
    const packet = decodePacket(box.value);
    if (!packet) {
      replaceChildren(status, h('div', { class: 'message-bar error' }, h('p', {}, T.bad)));
      return;
    }
    const bytes = fromBase64(packet.base64);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: packet.type }));
    const a = h('a', { attrs: { href: url, download: packet.name } });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    replaceChildren(status, h('div', { class: 'message-bar success' }, h('p', {}, T.done(packet.name, Math.max(1, Math.round(bytes.length / 1024)))), h('p', {}, T.again)));
  };
  const pasteButton = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'paste' } }, T.paste);
  pasteButton.addEventListener('click', () => {
    if (!navigator.clipboard?.readText) {
      replaceChildren(status, h('p', { class: 'hint' }, T.pasteFailed));
      box.focus();
      return;
    }
    navigator.clipboard.readText().then(
      (text) => {
        box.value = text;
        save();
      },
      () => {
        replaceChildren(status, h('p', { class: 'hint' }, T.pasteFailed));
        box.focus();
      },
    );
  });
  const saveButton = h('button', { class: 'button primary', attrs: { type: 'button', 'data-action': 'save-file' } }, T.save);
  saveButton.addEventListener('click', save);
  box.addEventListener('paste', () => setTimeout(save, 0));
  replaceChildren(
    root,
    h('header', { class: 'app-header' }, h('h1', {}, T.title)),
    h('p', {}, T.intro),
    h('label', { attrs: { for: 'packet' } }, T.label),
    box,
    h('div', { class: 'save-actions' }, pasteButton, saveButton),
    status,
  );
}

boot();
