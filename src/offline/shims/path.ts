/**
 * The path calls the xlsx layer makes (part names inside a package: POSIX, absolute from the
 * package root; a file name's extension), for the browser.
 */
function normalizeParts(p: string): string[] {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out;
}

function dirname(p: string): string {
  const abs = p.startsWith('/');
  const trimmed = p.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return abs ? '/' : '.';
  if (i === 0) return '/';
  return trimmed.slice(0, i);
}

function basename(p: string, ext?: string): string {
  const base = p.replace(/\/+$/, '').split('/').pop() ?? '';
  return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

function extname(p: string): string {
  const base = basename(p);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i);
}

function normalize(p: string): string {
  const parts = normalizeParts(p);
  return (p.startsWith('/') ? '/' : '') + parts.join('/') || '.';
}

function join(...ps: string[]): string {
  return normalize(ps.filter(Boolean).join('/'));
}

/** For absolute POSIX paths (the only ones the layer passes). */
function relative(from: string, to: string): string {
  const a = normalizeParts(from);
  const b = normalizeParts(to);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

export const posix = { dirname, basename, extname, normalize, join, relative, sep: '/' };
export { dirname, basename, extname, normalize, join, relative };
export const sep = '/';
export default posix;
