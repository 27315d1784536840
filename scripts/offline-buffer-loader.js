/**
 * For the offline page's build only: the xlsx layer uses Node's global Buffer; in the browser it
 * gets the small shim (src/offline/shims/buffer.ts) by an import put in front of the modules that
 * name it. Not a global: docxtemplater and pizzip look for a global Buffer and must keep their
 * browser paths, as in the add-in.
 */
module.exports = function offlineBufferLoader(source) {
  return /\bBuffer\b/.test(source) ? `import { Buffer } from 'buffer';\n${source}` : source;
};
