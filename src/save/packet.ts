/**
 * The text that carries a file from the task pane to the save page (luu-tep.html) through the
 * clipboard, on Excel for Mac and iPad where the pane's own downloads are dropped: a marker, the
 * file name, the MIME type and the bytes in base64. Pure, shared by both ends.
 */
export const PACKET_MARK = 'THIDUA-CCHC-FILE/1';

export interface FilePacket {
  name: string;
  type: string;
  base64: string;
}

export function encodePacket(p: FilePacket): string {
  return [PACKET_MARK, encodeURIComponent(p.name), p.type, p.base64].join('\n');
}

/** The packet in pasted text (whitespace and line wraps tolerated), or null when it is not one. */
export function decodePacket(text: string): FilePacket | null {
  const lines = text.trim().split(/\r?\n/);
  if (lines.length < 4 || lines[0].trim() !== PACKET_MARK) return null;
  let name: string;
  try {
    name = decodeURIComponent(lines[1].trim());
  } catch {
    return null;
  }
  // Only a plain file name: no folders, nothing hidden.
  name = name.replace(/[\\/]/g, '-').replace(/^\.+/, '');
  const type = lines[2].trim();
  const base64 = lines.slice(3).join('').replace(/\s+/g, '');
  if (!name || !/^[\w.+-]+\/[\w.+-]+$/.test(type) || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0 || !base64.length) return null;
  return { name, type, base64 };
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
