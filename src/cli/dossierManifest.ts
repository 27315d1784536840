/**
 * What `thidua dossier` wrote in an output folder, so that a rerun removes its own earlier files
 * — and nothing else. The list lives in the folder (MANIFEST_NAME) with each file's SHA-256: a file
 * of an earlier run that this run does not rewrite is removed only if it is listed there and still
 * has the bytes we wrote. A user's own file, whatever its name (even "01-to-trinh-….docx"), or one
 * of ours the user has since edited, is never deleted.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { safeWriteFile } from './safeWrite';

export const MANIFEST_NAME = '.thidua-ho-so.json';

const manifestSchema = z.object({
  tool: z.literal('thidua'),
  version: z.literal(1),
  files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = Manifest['files'][number];

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function entryOf(relPath: string, bytes: Uint8Array): ManifestEntry {
  return { path: relPath.split(path.sep).join('/'), sha256: sha256(bytes), size: bytes.length };
}

/** The manifest of a folder; null when absent or unreadable (then nothing is removed). */
export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await fs.readFile(path.join(dir, MANIFEST_NAME), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A listed path that stays inside the folder (a hand-edited manifest cannot point elsewhere). */
function inside(dir: string, rel: string): string | null {
  if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) return null;
  const full = path.resolve(dir, rel);
  return full.startsWith(path.resolve(dir) + path.sep) ? full : null;
}

/**
 * Removes the files of the earlier run listed in the manifest that this run does not write,
 * when they still hold the bytes we wrote. Returns the paths kept because they were changed.
 */
export async function removeEarlierFiles(dir: string, keep: ReadonlySet<string>): Promise<string[]> {
  const manifest = await readManifest(dir);
  const changed: string[] = [];
  if (!manifest) return changed;
  for (const f of manifest.files) {
    if (keep.has(f.path)) continue;
    const full = inside(dir, f.path);
    if (!full) continue;
    let bytes: Buffer;
    try {
      const st = await fs.lstat(full);
      if (!st.isFile() || st.size !== f.size) {
        if (st.isFile()) changed.push(f.path);
        continue;
      }
      bytes = await fs.readFile(full);
    } catch {
      continue; // already gone
    }
    if (sha256(bytes) !== f.sha256) {
      changed.push(f.path);
      continue;
    }
    await fs.rm(full, { force: true });
    // A folder we emptied (03-bao-cao-thanh-tich/) goes too, if nothing else is in it.
    const parent = path.dirname(full);
    if (parent !== path.resolve(dir)) await fs.rmdir(parent).catch(() => undefined);
  }
  return changed;
}

export async function writeManifest(dir: string, files: ManifestEntry[]): Promise<void> {
  const manifest: Manifest = { tool: 'thidua', version: 1, files };
  await safeWriteFile(path.join(dir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
}
