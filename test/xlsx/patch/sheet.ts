/** A hand-written worksheet part around `rows` (with `head` before sheetData, under prefix `p`). */
export const sheet = (rows: string, head = '', p = '') =>
  `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${head}<${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
