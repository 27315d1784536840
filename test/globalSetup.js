// Builds the CLI once before the tests that spawn it (bin/thidua.js loads build/). tsc still emits
// when a file has a type error; the type errors themselves fail the ts-jest tests of that module.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  const root = path.resolve(__dirname, '..');
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json'], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    process.stderr.write(`\n[globalSetup] tsc reported errors:\n${e.stdout || ''}${e.stderr || ''}\n`);
  }
};
