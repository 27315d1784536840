/**
 * Static files of a release: content-hashed names, and the files of the previous release kept one
 * release longer. Office caches add-in pages hard; a task pane opened before an update may still
 * ask for the previous release's bundle, stylesheet or template — it must find them, not a 404.
 * Only files this build wrote are ever removed (recorded in dist/release-files.json), never
 * anything else a server admin put in the folder.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const RECORD = 'release-files.json';

/** "assets/icon-16.png" → "assets/icon-16.1a2b3c4d.png" (first 8 hex of the content's SHA-256). */
function hashedName(file, content) {
  const hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, 8);
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${hash}${ext}`;
}

/** The record of the last two releases in `dist` ({ current: [...], previous: [...] }), or empty. */
function readRecord(dist) {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(dist, RECORD), 'utf8'));
    return { current: Array.isArray(r.current) ? r.current : [], previous: Array.isArray(r.previous) ? r.previous : [] };
  } catch {
    return { current: [], previous: [] };
  }
}

/**
 * After a build wrote `written` (paths relative to dist): the release before this one becomes
 * "previous" and is kept; files of the release before that which no release uses any more are
 * deleted. Returns the deleted paths.
 */
function rotateRelease(dist, written) {
  const old = readRecord(dist);
  const keep = new Set([...written, ...old.current]);
  const deleted = [];
  for (const f of old.previous) {
    if (keep.has(f)) continue;
    const full = path.resolve(dist, f);
    // Only inside dist, only what a build recorded.
    if (!full.startsWith(path.resolve(dist) + path.sep)) continue;
    if (fs.existsSync(full)) {
      fs.rmSync(full);
      deleted.push(f);
    }
  }
  const previous = old.current.filter((f) => !written.includes(f));
  fs.writeFileSync(path.join(dist, RECORD), `${JSON.stringify({ current: [...written].sort(), previous: previous.sort() }, null, 2)}\n`);
  return deleted;
}

/** The webpack plugin: after emit, rotate the releases in the output folder. */
class KeepPreviousRelease {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('KeepPreviousRelease', (compilation) => {
      const dist = compiler.options.output.path;
      const written = Object.keys(compilation.assets).filter((f) => f !== RECORD);
      rotateRelease(dist, written);
    });
  }
}

module.exports = { hashedName, rotateRelease, readRecord, KeepPreviousRelease, RECORD };
