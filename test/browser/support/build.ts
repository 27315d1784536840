/**
 * Builds what the browser tests load: the production task pane (dist/) and the strict Excel test
 * host bundled for the browser (test/artifacts/host.js). Each is rebuilt only when a source file
 * is newer than its output, so a second run starts at once.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'test/artifacts');
export const HOST_BUNDLE = path.join(ARTIFACTS, 'host.js');

function newestMtime(entries: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const e of entries) visit(path.join(ROOT, e));
  return newest;
}

function mtime(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

function webpack(args: string[]): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  try {
    execFileSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, ADDIN_URL: '' } });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`webpack ${args.join(' ')} failed:\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`);
  }
}

/** The production build of the add-in (npm run build), rebuilt when stale. */
export function ensureProductionBuild(): void {
  const sources = newestMtime(['src', 'assets', 'templates', 'manifest.xml', 'webpack.config.js', 'scripts/release-files.js', 'package.json', 'tsconfig.web.json', 'tsconfig.json']);
  if (mtime(path.join(DIST, 'taskpane.html')) > sources) return;
  webpack(['--mode', 'production']);
}

/** The offline page dist/thidua.html (built by npm run build beside the add-in), rebuilt when stale. */
export function ensureOfflineBuild(): void {
  const sources = newestMtime(['src', 'assets', 'templates', 'webpack.config.js', 'scripts/offline-buffer-loader.js', 'package.json', 'tsconfig.web.json', 'tsconfig.offline.json', 'tsconfig.json']);
  if (mtime(path.join(DIST, 'thidua.html')) > sources) return;
  webpack(['--mode', 'production']);
}

/** The test host for the browser (tools/excel-host/browser-entry.ts → test/artifacts/host.js). */
export function ensureHostBundle(): void {
  const sources = newestMtime(['tools/excel-host', 'src', 'test/browser/webpack.host.config.js']);
  if (mtime(HOST_BUNDLE) > sources) return;
  webpack(['--config', 'test/browser/webpack.host.config.js']);
}
