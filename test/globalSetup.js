// Builds once, before any test worker starts: the CLI (bin/thidua.js loads build/) and — when the
// run includes the browser tests — the production task pane and the browser test host. Built here,
// two browser suites in parallel workers never race two webpacks on dist/ (nor time out their
// beforeAll on a loaded machine). tsc still emits when a file has a type error; the type errors
// themselves fail the ts-jest tests of that module.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function run(root, args, label) {
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe', env: { ...process.env, ADDIN_URL: '' } });
  } catch (e) {
    process.stderr.write(`\n[globalSetup] ${label} reported errors:\n${e.stdout || ''}${e.stderr || ''}\n`);
  }
}

/** True when the selected tests include one that loads dist/ or the host bundle. */
function wantsBrowserBuild(globalConfig) {
  const pattern = globalConfig && globalConfig.testPathPattern;
  if (!pattern) return true;
  return /browser|taskpane|firstBundle|a11y/i.test(pattern);
}

module.exports = async (globalConfig) => {
  const root = path.resolve(__dirname, '..');
  require('./prerequisites').assertPrerequisites(root);
  run(root, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json'], 'tsc');
  if (!wantsBrowserBuild(globalConfig)) return;
  const webpack = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  // The tests rebuild only what is stale (test/browser/support/build.ts); this makes it fresh.
  run(root, [webpack, '--mode', 'production'], 'webpack (task pane)');
  if (fs.existsSync(path.join(root, 'test/browser/webpack.host.config.js'))) {
    run(root, [webpack, '--config', 'test/browser/webpack.host.config.js'], 'webpack (test host)');
  }
};
