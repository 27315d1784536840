/**
 * What the CLI wrote in an output folder (`dossier`, its PDFs, `decision`, `certificates`), so that
 * a rerun removes its own earlier files — and nothing else. The list lives in the folder
 * (MANIFEST_NAME) with each file's SHA-256 and the command that wrote it: a file of an earlier run
 * of the same command that this run does not rewrite is removed only if it is listed there and
 * still has the bytes we wrote. A user's own file, whatever its name (even "01-to-trinh-….docx"),
 * one of ours the user has since edited, or one another command wrote, is never deleted.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { checkOutput, makeFolder, safeWriteFile } from './safeWrite';

export const MANIFEST_NAME = '.thidua-ho-so.json';

const manifestSchema = z.object({
  tool: z.literal('thidua'),
  version: z.literal(1),
  files: z.array(
    z.object({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().nonnegative(),
      /** The command that wrote it; absent in manifests of earlier versions: the dossier. */
      by: z.enum(['dossier', 'decision', 'certificates', 'ballots']).optional(),
    }),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = Manifest['files'][number];
export type Writer = NonNullable<ManifestEntry['by']>;
const writerOf = (e: ManifestEntry): Writer => e.by ?? 'dossier';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function entryOf(relPath: string, bytes: Uint8Array, by: Writer): ManifestEntry {
  return { path: relPath.split(path.sep).join('/'), sha256: sha256(bytes), size: bytes.length, by };
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
 * Removes the files of the earlier run of `by` listed in the manifest that this run does not write,
 * when they still hold the bytes we wrote. Returns the paths kept because they were changed.
 */
async function removeEarlierFiles(dir: string, manifest: Manifest | null, keep: ReadonlySet<string>, by: Writer): Promise<string[]> {
  const changed: string[] = [];
  if (!manifest) return changed;
  for (const f of manifest.files) {
    if (keep.has(f.path) || writerOf(f) !== by) continue;
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

/**
 * Records what `by` wrote. 'replace': the run's files are all of `by`'s files now (its earlier ones
 * were removed, or changed by the user and so no longer ours); 'add': they join the earlier ones.
 * Entries of the other commands stay; a path written now belongs to `by`.
 */
async function updateManifest(dir: string, earlier: Manifest | null, by: Writer, written: ManifestEntry[], mode: 'replace' | 'add', inputs: readonly string[]): Promise<void> {
  const now = new Set(written.map((e) => e.path));
  const kept = (earlier?.files ?? []).filter((e) => !now.has(e.path) && (mode === 'add' || writerOf(e) !== by));
  const manifest: Manifest = { tool: 'thidua', version: 1, files: [...kept, ...written] };
  await safeWriteFile(path.join(dir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`, { inputs });
}

export interface OwnedFile {
  /** Relative to the folder, '/'-separated. */
  path: string;
  bytes: Uint8Array;
}

/**
 * Writes a command's files into `dir`, each through safeWriteFile, and records them in the
 * manifest. Every target is checked (never an input, only a regular file or a new path) before
 * anything is written or removed. `replace`: the earlier run's files of `by` that this run does not
 * rewrite are removed first (only ours, unchanged). Returns the earlier files kept because changed.
 * Throws SafeWriteError (or a file-system error of the removal).
 */
export async function writeOwnedFiles(dir: string, by: Writer, files: readonly OwnedFile[], opts: { inputs: readonly string[]; mode: 'replace' | 'add' }): Promise<string[]> {
  for (const f of files) await checkOutput(path.join(dir, f.path), opts.inputs);
  await checkOutput(path.join(dir, MANIFEST_NAME), opts.inputs);
  await makeFolder(dir);
  // Read once: the earlier run's files are removed by it and the new list is built from it.
  const earlier = await readManifest(dir);
  const kept = opts.mode === 'replace' ? await removeEarlierFiles(dir, earlier, new Set(files.map((f) => f.path)), by) : [];
  const written: ManifestEntry[] = [];
  for (const f of files) {
    await safeWriteFile(path.join(dir, f.path), f.bytes, { inputs: opts.inputs });
    written.push(entryOf(f.path, f.bytes, by));
  }
  await updateManifest(dir, earlier, by, written, opts.mode, opts.inputs);
  return kept;
}
