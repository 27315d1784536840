#!/usr/bin/env node
/**
 * Offline schema check of manifest.xml (npm run validate).
 *
 * `office-addin-manifest validate` posts the manifest to an online service; these machines have no
 * internet, so the manifest is checked with xmllint (compiled to WebAssembly, xmllint-wasm) against
 * Microsoft's published XSD files kept in schemas/office-addin-manifest/ (source and licence in its README).
 * Override the folder with MANIFEST_SCHEMA_DIR.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml | dist/manifest.xml]
 */
'use strict';
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

function schemaDir() {
  return process.env.MANIFEST_SCHEMA_DIR
    ? path.resolve(process.env.MANIFEST_SCHEMA_DIR)
    : path.resolve(REPO_ROOT, 'schemas', 'office-addin-manifest');
}

/** Reads the main schema and every other .xsd of the folder (the main one imports them). */
function loadSchemas(dir = schemaDir()) {
  const main = path.join(dir, MAIN_SCHEMA);
  if (!fs.existsSync(main)) {
    throw new Error(
      `Manifest schemas not found: ${main} is missing. ` +
        'The repository keeps them in schemas/office-addin-manifest/; restore that folder or set MANIFEST_SCHEMA_DIR.',
    );
  }
  const others = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xsd') && f !== MAIN_SCHEMA)
    .sort()
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), 'utf8') }));
  return { main: { fileName: MAIN_SCHEMA, contents: fs.readFileSync(main, 'utf8') }, others };
}

/**
 * Validates manifest text; resolves to { valid, errors: string[] }.
 * @param {string} xml
 * @param {string} [dir]
 */
async function validateManifest(xml, dir) {
  const { validateXML } = require('xmllint-wasm');
  const { main, others } = loadSchemas(dir);
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [main],
    preload: others,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

module.exports = { validateManifest, loadSchemas, schemaDir };

if (require.main === module) {
  const file = path.resolve(process.argv[2] || path.join(REPO_ROOT, 'manifest.xml'));
  validateManifest(fs.readFileSync(file, 'utf8'))
    .then(({ valid, errors }) => {
      if (valid) {
        console.log(`${path.relative(process.cwd(), file) || file} validates against ${MAIN_SCHEMA}`);
        return;
      }
      console.error(`${file} does not validate:`);
      for (const e of errors) console.error(`  ${e}`);
      process.exitCode = 1;
    })
    .catch((err) => {
      console.error(err.message);
      process.exitCode = 2;
    });
}
