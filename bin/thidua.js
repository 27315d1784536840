#!/usr/bin/env node
// Entry point of the `thidua` command; the compiled CLI lives in build/ (built by `npm run build:node`).
require('../build/src/cli/main.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
