/**
 * What the CLI wrote in an output folder (`dossier`, its PDFs, `decision`, `certificates`), so that
 * a rerun removes its own earlier files — and nothing else. The list lives in the folder
 * (MANIFEST_NAME) with each file's SHA-256 and the command that wrote it: a file of an earlier run
 * of the same command that this run does not rewrite is removed only if it is listed there and
 * still has the bytes we wrote. A user's own file, whatever its name (even "01-to-trinh-….docx"),
 * one of ours the user has since edited, or one another command wrote, is never deleted.
 */
import { createHash } from 'crypto';
import { constants as FS, promises as fs } from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { readJsonText } from './jsonLimits';
import { checkOutput, makeFolder, safeWriteFile, SafeWriteError } from './safeWrite';

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
    // Bounded like every JSON we read: a hand-made giant is no manifest of ours.
    const read = await readJsonText(path.join(dir, MANIFEST_NAME));
    if (!read.ok) return null;
    const parsed = manifestSchema.safeParse(JSON.parse(read.raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Whether `full` stays inside `realDir` (the folder's real path) once links are resolved: the real
 * path of the file, or of its nearest existing folder, is inside. A folder or file linked out of
 * the output folder is never written through, nor removed through.
 */
async function staysInside(realDir: string, full: string): Promise<boolean> {
  for (let d = full; ; d = path.dirname(d)) {
    try {
      const real = await fs.realpath(d);
      return real === realDir || real.startsWith(realDir + path.sep);
    } catch {
      if (path.dirname(d) === d) return false;
    }
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
    if (!full || !(await staysInside(await fs.realpath(dir), full))) continue;
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
export async function writeOwnedFiles(
  dir: string,
  by: Writer,
  files: readonly OwnedFile[],
  opts: { inputs: readonly string[]; mode: 'replace' | 'add'; renamed?: { path: string; kept: string }[] },
): Promise<string[]> {
  for (const f of files) await checkOutput(path.join(dir, f.path), opts.inputs);
  await checkOutput(path.join(dir, MANIFEST_NAME), opts.inputs);
  await makeFolder(dir);
  const realDir = await fs.realpath(dir);
  for (const p of [...files.map((f) => f.path), MANIFEST_NAME]) {
    const full = path.join(dir, p);
    if (!(await staysInside(realDir, full))) throw new SafeWriteError({ code: 'write.outsideFolder', params: { path: full, dir } });
  }
  // Read once: the earlier run's files are removed by it and the new list is built from it.
  const earlier = await readManifest(dir);
  const kept = opts.mode === 'replace' ? await removeEarlierFiles(dir, earlier, new Set(files.map((f) => f.path)), by) : [];
  const written: ManifestEntry[] = [];
  try {
    for (const f of files) {
      const full = path.join(dir, f.path);
      const aside = await keepUserEdited(dir, full, f, earlier);
      if (aside) opts.renamed?.push({ path: f.path, kept: aside });
      await safeWriteFile(full, f.bytes, { inputs: opts.inputs });
      written.push(entryOf(f.path, f.bytes, by));
    }
  } catch (e) {
    // What was written is recorded (a rerun then knows it is ours); if even that fails (a full
    // disk), the manifest on disk is the earlier one, whole: it is only ever replaced by a rename.
    if (written.length) await updateManifest(dir, earlier, by, written, 'add', opts.inputs).catch(() => undefined);
    throw e;
  }
  await updateManifest(dir, earlier, by, written, opts.mode, opts.inputs);
  return kept;
}

/**
 * A file at the path we are about to write that is not as we left it — edited by the user since
 * our last run, or never ours (not in the manifest) — is kept: renamed aside to a free name
 * ("01-to-trinh (đã sửa).docx", "… (đã sửa 2).docx"), never overwritten. Returns the new name
 * (relative to the folder), or null when there was nothing to keep.
 */
async function keepUserEdited(dir: string, full: string, f: OwnedFile, earlier: Manifest | null): Promise<string | null> {
  let bytes: Buffer;
  try {
    const st = await fs.lstat(full);
    if (!st.isFile()) return null;
    bytes = await fs.readFile(full);
  } catch {
    return null;
  }
  const hash = sha256(bytes);
  if (hash === sha256(f.bytes)) return null;
  if (earlier?.files.some((e) => e.path === f.path && e.sha256 === hash)) return null;
  const ext = path.extname(full);
  const stem = full.slice(0, full.length - ext.length);
  for (let n = 1; ; n++) {
    const aside = `${stem} (đã sửa${n > 1 ? ` ${n}` : ''})${ext}`;
    try {
      await fs.link(full, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      // No hard links here (some file systems): a copy that never replaces a file.
      await fs.copyFile(full, aside, FS.COPYFILE_EXCL);
    }
    return path.relative(dir, aside).split(path.sep).join('/');
  }
}
