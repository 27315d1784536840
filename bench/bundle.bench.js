#!/usr/bin/env node
/**
 * The task pane's first bundle: every local script that taskpane.html loads before the user does
 * anything (chunks loaded later with import(), such as docxtemplater, are not counted), gzipped.
 * Target: ≤ 250 KB gzip (the pane opens fast over a slow office link). Builds dist/ first when it is missing.
 *
 *   node bench/bundle.bench.js          → prints a markdown table row
 *   require('./bundle.bench.js')()      → { line, bytes, files } for bench/run.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const TARGET_KB = 250;

function ensureBuild() {
  if (fs.existsSync(path.join(DIST, 'taskpane.html'))) return;
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
}

/** Local <script src> of the built taskpane.html, in order (office.js from the CDN excluded). */
function firstBundleFiles() {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const files = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)) {
    if (/^https?:/i.test(m[1])) continue;
    files.push(m[1]);
  }
  if (files.length === 0) throw new Error('dist/taskpane.html loads no local script: is the build broken?');
  return files;
}

function measure() {
  ensureBuild();
  const files = firstBundleFiles();
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(DIST, f));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  const kb = (n) => (n / 1024).toFixed(1);
  const ok = gz <= TARGET_KB * 1024;
  const line = `| Task pane first bundle (${files.join(', ')}) | ${kb(gz)} KB gzip (${kb(raw)} KB raw) | ≤ ${TARGET_KB} KB gzip | ${ok ? '✓' : '✗'} |`;
  return { line, bytes: gz, raw, files, ok };
}

module.exports = measure;

if (require.main === module) {
  const r = measure();
  console.log('## Task pane first bundle\n');
  console.log('| Measure | Value | Target | |');
  console.log('|---|---|---|---|');
  console.log(r.line);
  if (!r.ok) process.exitCode = 1;
}
